"""The JSON export (schema conflictnlp/1) and its flat views."""

import json
import pickle

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import conflictnlp
from conflictnlp.export import count_rows, export_table, format_table, shorten

TOP_LEVEL = {"schema", "text", "meta", "counts", "attributions", "sentences", "claims"}


def test_schema_and_top_level_fields(nlp):
    data = conflictnlp.to_dict(nlp("Troops arrived. More came."), {"path": "x.txt"})
    assert set(data) == TOP_LEVEL
    assert data["schema"] == "conflictnlp/1"
    assert data["meta"] == {"path": "x.txt"}
    json.dumps(data)  # plain data only


def test_sentences_cover_text_without_trailing_breaks(nlp):
    text = "Headline Here\n\nTroops arrived. More came.\n"
    data = conflictnlp.to_dict(nlp(text))
    assert [s["text"] for s in data["sentences"]] == ["Headline Here", "Troops arrived.", "More came."]
    for s in data["sentences"]:
        assert text[s["start"]:s["end"]] == s["text"]


def test_empty_doc(nlp):
    data = conflictnlp.to_dict(nlp(""))
    assert data["counts"] == data["sentences"] == data["attributions"] == data["claims"] == []


def test_doc_without_components_or_sentences():
    nlp = spacy.blank("en")
    data = conflictnlp.to_dict(nlp("Some text here"))
    assert data["counts"] == [] and len(data["sentences"]) == 1
    assert data["sentences"][0]["certainty"] is None


def test_rejects_non_docs():
    with pytest.raises(TypeError, match="expects a spaCy Doc, got str"):
        conflictnlp.to_dict("text")


def test_export_survives_serialisation(nlp):
    doc = nlp(open_example())
    expected = conflictnlp.to_dict(doc)
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert conflictnlp.to_dict(restored) == expected
    assert conflictnlp.to_dict(pickle.loads(pickle.dumps(doc))) == expected
    docbin = DocBin(store_user_data=True)
    docbin.add(doc)
    (from_bin,) = DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab)
    assert conflictnlp.to_dict(from_bin) == expected


def open_example():
    from pathlib import Path

    return (Path(__file__).parents[2] / "examples" / "report.txt").read_text(encoding="utf8")


def test_shorten_and_table():
    assert shorten("a  b\nc", 10) == "a b c"
    assert shorten("abcdefghij", 5) == "abcd…"
    assert shorten(None, 5) == "-" and shorten(True, 5) == "yes"
    table = format_table([("x", 1), ("longer", 22)], ("name", "n"), (4, 5))
    lines = table.splitlines()
    assert lines[0].split() == ["name", "n"]
    assert lines[2:] == ["x     1", "", "long  22", "er"]  # wrapped, never cut (tests/views/test_tables.py)


def test_count_rows_join_claims():
    export = {
        "meta": {"path": "a.txt"},
        "counts": [{"start": 0, "end": 3, "text": "300", "value": 300, "low": 300, "high": 300, "estimate": 300,
                    "qualifier": "exact", "kind": "killed", "unit": None, "actor": "Russia", "echelon": None,
                    "inferred": False}],
        "attributions": [{"id": 0, "cue": {"start": 10, "end": 14, "text": "said"},
                          "source": {"start": 4, "end": 9, "text": "Kyiv"}, "content": None,
                          "source_type": "government", "anonymous": False, "state_media": False,
                          "medium": None, "time": None, "via": []}],
        "sentences": [{"start": 0, "end": 15, "text": "300 Kyiv said.", "certainty": "certain", "hedged": False,
                       "score": 0.1, "cues": []}],
        "claims": [{"count": 0, "attribution": 0, "sentence": 0, "certainty": "certain"}],
    }
    (row,) = count_rows(export)
    assert row["path"] == "a.txt" and row["source"] == "Kyiv" and row["source_type"] == "government"
    assert row["certainty"] == "certain" and row["sentence"] == "300 Kyiv said."
    assert "300" in export_table(export) and "Kyiv" in export_table(export)


KEYED_TEXT = (
    "Russia has amassed some 50,000 troops, a US official told CNN.\n\n"
    "About 2,000 soldiers left the city, officials said. Some 300 were wounded."
)


def _counts_under(doc, key):
    """``doc`` as a conflict_counts configured with ``spans_key=key`` leaves it: the group under
    ``key`` and the key recorded with schema.record_spans_key."""
    from conflictnlp import schema

    doc.spans[key] = list(doc.spans[schema.COUNTS_KEY])
    del doc.spans[schema.COUNTS_KEY]
    schema.record_spans_key(doc, "counts", key)
    return doc


def test_readers_find_counts_under_the_recorded_spans_key(nlp):
    from conflictnlp.claims import ClaimLinker
    from conflictnlp.longdoc import merge_docs, split_text

    expected = conflictnlp.to_dict(nlp(KEYED_TEXT))
    assert len(expected["counts"]) == 3 and expected["claims"]
    doc = _counts_under(nlp(KEYED_TEXT), "my_counts")
    assert conflictnlp.to_dict(doc) == expected
    assert ClaimLinker()(doc)._.conflict_claims == expected["claims"]
    # long documents: each chunk's counts under the key; claims re-indexed past them, the key kept
    chunks = split_text(KEYED_TEXT, 70)
    assert len(chunks) > 1
    merged = merge_docs([_counts_under(nlp(chunk), "my_counts") for chunk in chunks])
    assert conflictnlp.to_dict(merged) == conflictnlp.to_dict(merge_docs([nlp(chunk) for chunk in chunks]))
    assert [c["count"] for c in conflictnlp.to_dict(merged)["claims"]] == [0, 1, 2]
