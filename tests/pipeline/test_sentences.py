"""conflict_sentences: news sentence boundaries. Each case: text -> expected sentences."""

import pytest
import spacy
from hypothesis import given, settings, strategies as st

from conflictnlp.sentences import NewsSentenceSegmenter


@pytest.fixture(scope="module")
def seg_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    return nlp


CASES = [
    # text | expected sentences (stripped)
    ("Troops arrived. The assault began.", ["Troops arrived.", "The assault began."]),
    ("U.S. officials said 5,000 troops arrived.", ["U.S. officials said 5,000 troops arrived."]),
    ("Sen. Graham spoke on Aug. 5 in Kyiv.", ["Sen. Graham spoke on Aug. 5 in Kyiv."]),
    ("Lt. Col. Ivan Petrov and Maj. Gen. Ali met.", ["Lt. Col. Ivan Petrov and Maj. Gen. Ali met."]),
    ("Brig. Gen. Omar led the 3rd Brigade.", ["Brig. Gen. Omar led the 3rd Brigade."]),
    ("Troops landed in the U.S. The Pentagon confirmed it.", ["Troops landed in the U.S.", "The Pentagon confirmed it."]),
    ("It happened at 5 p.m. on Friday.", ["It happened at 5 p.m. on Friday."]),
    ("“We will win,” he said. They left.", ["“We will win,” he said.", "They left."]),
    ("“Are they ready?” he asked. Nobody knew.", ["“Are they ready?” he asked.", "Nobody knew."]),
    ('"Where are the shells?" the commander asked.', ['"Where are the shells?" the commander asked.']),
    ("“We hold the line.” The brigade retreated.", ["“We hold the line.”", "The brigade retreated."]),
    ("He said the toll was 3.5 million. It rose.", ["He said the toll was 3.5 million.", "It rose."]),
    ("U.S. Officials: Troops Gather in Kursk\nSeveral thousand arrived.", ["U.S. Officials: Troops Gather in Kursk", "Several thousand arrived."]),
    ("Headline Without Full Stop\n\nFirst paragraph here.", ["Headline Without Full Stop", "First paragraph here."]),
    ("The U.N. said 40 died. The RSF denied it.", ["The U.N. said 40 died.", "The RSF denied it."]),
    ("Fighting resumed! Shelling continued.", ["Fighting resumed!", "Shelling continued."]),
    ("Was it a drone? Officials did not say.", ["Was it a drone?", "Officials did not say."]),
    ("They moved (about 300 men.) Then they stopped.", ["They moved (about 300 men.)", "Then they stopped."]),
    ("In 2024. 300 soldiers were killed.", ["In 2024.", "300 soldiers were killed."]),
    ("Capt. Sergei Ivanov, Sgt. Oleh Bondar and Cpl. Ana Ruiz were hurt.", ["Capt. Sergei Ivanov, Sgt. Oleh Bondar and Cpl. Ana Ruiz were hurt."]),
    ("The strike hit No. 3 barracks.", ["The strike hit No. 3 barracks."]),
    ("Lt. Gen. Oleksandr Syrskyi spoke. He warned of attacks.", ["Lt. Gen. Oleksandr Syrskyi spoke.", "He warned of attacks."]),
    ("Drones, missiles, etc. The list is long.", ["Drones, missiles, etc.", "The list is long."]),
    ("", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_sentence_boundaries(seg_nlp, text, expected):
    doc = seg_nlp(text)
    assert [s.text.strip() for s in doc.sents] == expected


def test_keeps_existing_boundaries(seg_nlp):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("conflict_sentences")
    doc = nlp("Troops landed in the U.S. The Pentagon said so.")
    # The sentencizer splits after every full stop; we do not overwrite it by default.
    assert len(list(doc.sents)) == 1 or doc[0].is_sent_start


def test_overwrite_option():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("conflict_sentences", config={"overwrite": True})
    doc = nlp("Lt. Col. Petrov spoke. He left.")
    assert [s.text.strip() for s in doc.sents] == ["Lt. Col. Petrov spoke.", "He left."]


def test_user_abbreviations(tmp_path):
    path = tmp_path / "abbr.jsonl"
    path.write_text('# mine\n{"text": "Hon"}\n', encoding="utf8")
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences", config={"abbreviations": str(path)})
    assert len(list(nlp("The Hon. Member spoke.").sents)) == 1


def test_bad_user_lexicon_names_file_and_line(tmp_path):
    path = tmp_path / "abbr.jsonl"
    path.write_text('{"text": "Hon"}\n{"txt": "Rt"}\n', encoding="utf8")
    with pytest.raises(ValueError, match=r"abbr.jsonl, line 2: missing field 'text'"):
        NewsSentenceSegmenter(abbreviations=str(path))


_NLP = spacy.blank("en")
_NLP.add_pipe("conflict_sentences")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?”“\"'()\nAZ.3,")), max_size=60))
def test_never_crashes_and_starts_with_sentence(text):
    doc = _NLP(text)
    if len(doc):
        assert doc[0].is_sent_start is not False
        assert "".join(s.text_with_ws for s in doc.sents) == doc.text


def test_saved_pipeline_keeps_the_user_abbreviations_after_the_file_is_gone(tmp_path):
    path = tmp_path / "abbr.jsonl"
    path.write_text('# mine\n{"text": "Hon"}\n', encoding="utf8")
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences", config={"abbreviations": str(path)})
    nlp.to_disk(tmp_path / "pipeline")
    path.unlink()  # the saved pipeline must carry its own rule tables
    loaded = spacy.load(tmp_path / "pipeline")
    assert len(list(loaded("The Hon. Member spoke.").sents)) == 1
    # the user's table replaced the bundled one: "Sen." is no abbreviation here
    assert len(list(loaded("Sen. Graham spoke.").sents)) == 2
    restored = spacy.blank("en").add_pipe("conflict_sentences").from_bytes(
        nlp.get_pipe("conflict_sentences").to_bytes()
    )
    assert len(list(restored(loaded.make_doc("The Hon. Member spoke.")).sents)) == 1
    assert len(list(restored(loaded.make_doc("Sen. Graham spoke.")).sents)) == 2


def test_missing_user_rule_file_fails_on_first_doc_when_nothing_restores_it(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences", config={"abbreviations": str(tmp_path / "gone.jsonl")})
    with pytest.raises(ValueError, match=r"gone.jsonl: file not found"):
        nlp("The Hon. Member spoke.")


def test_line_breaks_only_marks_lines_and_leaves_the_rest_open():
    """For a parser to decide the rest: only the tokens that open a line are sentence starts."""
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences", config={"line_breaks_only": True})
    doc = nlp("Army Retakes Town\nThe army said it retook the town. It gave no toll.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Army", "The"]
    assert doc[[t.i for t in doc if t.text == "It"][0]].is_sent_start is None


def test_sentences_have_a_scorer_that_nlp_evaluate_reports():
    from spacy.training import Example

    import conflictnlp

    nlp = conflictnlp.load()
    text = "Army Retakes Town\nThe army said it retook the town. It gave no toll."
    reference = spacy.blank("en")(text)
    for token in reference:
        token.is_sent_start = token.text in ("Army", "The", "It")
    scores = nlp.evaluate([Example(nlp.make_doc(text), reference)])
    assert (scores["sents_p"], scores["sents_r"], scores["sents_f"]) == (1.0, 1.0, 1.0)
    for token in reference:
        token.is_sent_start = token.i == 0 or token.text == "It"  # a headline the reference does not split
    scores = nlp.get_pipe("conflict_sentences").score([Example(nlp(text), reference)])
    assert (scores["sents_p"], scores["sents_r"]) == (pytest.approx(1 / 3), 0.5)  # sentences are spans: 1 of 3, 1 of 2


def test_analyze_pipes_names_what_hedging_and_claims_need():
    """`requires`: a pipeline in the wrong order is reported by nlp.analyze_pipes()."""
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_claims")
    nlp.add_pipe("conflict_hedging")
    problems = nlp.analyze_pipes()["problems"]
    assert problems["conflict_hedging"] == ["token.is_sent_start"]
    assert {"doc.spans", "span._.conflict_count", "doc._.conflict_attributions"} <= set(problems["conflict_claims"])
    import conflictnlp

    assert not any(conflictnlp.load().analyze_pipes()["problems"].values())
