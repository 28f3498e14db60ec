"""Every component's rules can be edited one entry at a time (``add_entries``/``remove_entries``),
checked like a file's, used at once, and saved with the pipeline."""

import pytest
import spacy

import conflictnlp
from conflictnlp.rules import ResourceError

TEXT = "Officials said something like 300 troops arrived. The convoy was reputedly hit near Kramatorsk."


def counts(nlp, text=TEXT):
    return [(c["text"], c["qualifier"]) for c in conflictnlp.to_dict(nlp(text))["counts"]]


def certainties(nlp, text=TEXT):
    """Each sentence's certainty and its lexicon cues (the trained layer's own "model" cue left out:
    it may already sense a hedge the cue list lacks)."""
    return [(s["certainty"], [(c["text"], c["type"]) for c in s["cues"] if c["type"] != "model"])
            for s in conflictnlp.to_dict(nlp(text))["sentences"]]


@pytest.fixture()
def nlp():
    return conflictnlp.load()


def test_added_rules_are_used_at_once_and_saved(nlp, tmp_path):
    assert counts(nlp) == [("300 troops", "exact")] and [cues for _, cues in certainties(nlp)] == [[], []]
    nlp.get_pipe("conflict_counts").add_entries("approximators", [{"text": "something like", "qualifier": "approx", "position": "before"}])
    nlp.get_pipe("conflict_hedging").add_entries("cues", [{"phrase": "reputedly", "type": "evidential", "level": "unverified"}])
    assert counts(nlp) == [("something like 300 troops", "approx")]
    assert certainties(nlp) == [("certain", []), ("unverified", [("reputedly", "evidential")])]
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    assert counts(loaded) == counts(nlp) and certainties(loaded) == certainties(nlp)


def test_removed_rules_are_gone(nlp):
    assert counts(nlp, "Some 300 troops left.") == [("Some 300 troops", "approx")]
    assert nlp.get_pipe("conflict_counts").remove_entries("approximators", text="some") == 1
    assert counts(nlp, "Some 300 troops left.") == [("300 troops", "exact")]
    sentences = nlp.get_pipe("conflict_sentences")
    assert sentences.remove_entries("abbreviations", text="Gen") >= 1


def test_attribution_rules_are_editable(nlp):
    text = "The envoy opined that 40 soldiers had died."
    assert not conflictnlp.to_dict(nlp(text))["attributions"]
    nlp.get_pipe("conflict_attribution").add_entries(
        "cues", [{"lemma": "opine", "forms": ["opine", "opines", "opined", "opining"], "strength": "strong"}])
    (attribution,) = conflictnlp.to_dict(nlp(text))["attributions"]
    assert (attribution["cue"]["text"], attribution["source"]["text"]) == ("opined", "The envoy")


@pytest.mark.parametrize(
    "pipe,table,entries,message",
    [
        ("conflict_counts", "approximators", [{"text": "circa", "qualifier": "exactly", "position": "before"}], "qualifier must be"),
        ("conflict_counts", "approximators", [{"text": "circa"}], "missing field 'qualifier'"),
        ("conflict_hedging", "cues", [{"phrase": "maybe", "type": "guess", "level": "possible"}], "type"),
        ("conflict_counts", "verbs", [], "unknown rule table 'verbs'"),
    ],
)
def test_edits_are_checked_like_files(nlp, pipe, table, entries, message):
    component = nlp.get_pipe(pipe)
    before = [dict(e) for e in component.rules[table]] if table in component.rules.tables else None
    with pytest.raises(ResourceError, match=message):
        component.add_entries(table, entries)
    if before is not None:
        assert component.rules[table] == before  # a rejected edit changes nothing


def test_remove_needs_a_field(nlp):
    with pytest.raises(ResourceError, match="say which"):
        nlp.get_pipe("conflict_counts").remove_entries("approximators")
