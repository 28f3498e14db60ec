"""conflict_counts, the spaCy shell (conflictnlp.counts.component, tables, scorer): rule tables
checked, saved and restored with the pipeline, the scorer, and the pre-filter."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings, strategies as st
from spacy.tokens import Doc

import conflictnlp
from conflictnlp.counts import numbers, score_counts
from conflictnlp.counts.context import COLUMNS
from conflictnlp.counts.quantity import candidates
from conflictnlp.counts.tables import FIGURE_SHAPES, SUFFIX_SHAPES
from conflictnlp.lexicons import ResourceError


@pytest.fixture(scope="module")
def nlp():
    return conflictnlp.load()


def test_bad_table_entries_name_the_problem(tmp_path):
    bad = tmp_path / "vague.jsonl"
    bad.write_text('# test\n{"text": "dozens", "low": 99, "high": 24, "estimate": 40}\n', encoding="utf8")
    with pytest.raises(ResourceError, match="low <= estimate <= high"):
        spacy.blank("en").add_pipe("conflict_counts", config={"vague": str(bad)})
    bad.write_text('{"text": "dozens", "low": 1, "high": 24}\n', encoding="utf8")
    with pytest.raises(ResourceError, match=r"vague.jsonl, line 1: missing field 'estimate'"):
        spacy.blank("en").add_pipe("conflict_counts", config={"vague": str(bad)})
    nouns = tmp_path / "nouns.jsonl"
    nouns.write_text('{"lemma": "tank", "forms": ["tank"], "kind": "vehicles"}\n', encoding="utf8")
    with pytest.raises(ResourceError, match="kind must be one of"):
        spacy.blank("en").add_pipe("conflict_counts", config={"nouns": str(nouns)})


def test_missing_user_file_is_reported_on_first_use(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_counts", config={"units": str(tmp_path / "nope.jsonl")})
    with pytest.raises(ResourceError, match="nope.jsonl: file not found"):
        nlp("Two brigades arrived.")


# ------------------------------------------------------------------------------ saving and loading


def test_user_tables_are_saved_with_the_pipeline(tmp_path):
    units = tmp_path / "my_units.jsonl"
    units.write_text(
        '# a user table\n{"echelon": "brigade", "forms": ["brigade", "brigades"], "low": 1000, "high": 2000, "estimate": 1500}\n',
        encoding="utf8",
    )
    nlp = conflictnlp.load()
    nlp.remove_pipe("conflict_counts")
    nlp.add_pipe("conflict_counts", config={"units": str(units)})
    text = "Two brigades arrived near Kupiansk."
    assert conflictnlp.to_dict(nlp(text))["counts"][0]["estimate"] == 3000
    nlp.to_disk(tmp_path / "pipeline")
    units.unlink()  # the saved pipeline must not need the user's file any more
    loaded = spacy.load(tmp_path / "pipeline")
    assert conflictnlp.to_dict(loaded(text))["counts"][0]["estimate"] == 3000
    restored = spacy.blank("en")
    restored.add_pipe("conflict_counts").from_bytes(nlp.get_pipe("conflict_counts").to_bytes())
    assert conflictnlp.to_dict(restored(text))["counts"][0]["high"] == 4000


# ------------------------------------------------------------------------------ the scorer


def test_scorer_reports_spans_and_agreement(nlp):
    from spacy.training import Example

    text = "Russia has amassed some 50,000 troops and lost 12 tanks."
    predicted = nlp(text)
    reference = nlp.make_doc(text)
    gold_a = reference.char_span(19, 37, label="troops")  # some 50,000 troops
    gold_b = reference.char_span(47, 55, label="casualties")  # 12 tanks, with a wrong-on-purpose kind
    reference.spans["conflict_counts"] = [gold_a, gold_b]
    gold_a._.conflict_count = {"value": 50000, "qualifier": "approx", "kind": "troops", "actor": "Russia"}
    gold_b._.conflict_count = {"value": 12, "qualifier": "exact", "kind": "casualties"}
    scores = nlp.evaluate([Example(predicted, reference)])
    assert scores["counts_f"] == 1.0
    assert scores["counts_value_acc"] == 1.0
    assert scores["counts_kind_acc"] == 0.5
    assert scores["counts_kind_f"] == 0.5
    assert scores["counts_actor_acc"] == 1.0
    assert score_counts([])["counts_value_acc"] is None


def test_scorer_is_registered():
    scorer = spacy.registry.scorers.get("conflictnlp.counts_scorer.v1")()
    assert scorer is score_counts


def _candidates_by_tokens(finder, doc):
    """The pre-filter written over Token objects, as the rules define it."""
    vague_starts = {k[0] for k in finder.tables.vague}
    starters = (vague_starts | set(numbers.UNITS) | set(numbers.TENS) | {"half", "dozen"}) - {"a", "an"}
    followers = (
        set(numbers.SCALES) | set(numbers.FRACTIONS) | set(finder.tables.echelons)
        | {k[1] for k in finder.tables.vague if len(k) > 1 and k[0] in ("a", "an")}
    )
    shapes = set(SUFFIX_SHAPES) | set(FIGURE_SHAPES)
    return [
        t.i for t in doc
        if t.like_num or t.lower_ in starters or t.shape_ in shapes
        or t.lower_ in ("a", "an") and t.i + 1 < len(doc) and doc[t.i + 1].lower_ in followers
    ]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "a", "An", "thousand", "battalion", "few", "dozens", "Tens", "of", "3x", "1.5X", "12k", "eleven", "half",
    "troops", "the", "2024", "1,200", "a", "dozen", "brigade", "km", "said", ".", "A", "million", "\n",
    "quarter", "score", "300–500", "11'000", "3\u00ad000", "\u00a0",
]), max_size=30))
def test_candidate_prefilter_matches_its_token_definition(nlp, words):
    finder = nlp.get_pipe("conflict_counts")
    doc = Doc(nlp.vocab, words=words) if words else nlp.make_doc("")
    assert candidates(finder.tables, doc.to_array(COLUMNS)) == _candidates_by_tokens(finder, doc)
