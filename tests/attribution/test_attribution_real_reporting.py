"""conflict_attribution on constructions of real reporting (issue 14): split quotes, verbs of
saying beyond say/tell, sources written out in full, contents on the right side of the cue.

One case per line, written for these tests. ``parts`` is the list of content parts of the
attribution whose cue is ``cue`` (its first occurrence); ``None`` for a field means null, a
missing field is not checked.
"""

from __future__ import annotations

import pytest
import spacy

from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_attribution")
    return nlp


def find(doc, cue):
    at = doc.text.index(cue)
    return next((a for a in doc._.attributions if a["cue"]["start"] <= at < a["cue"]["end"]), None)


def P(text, cue, parts):
    return pytest.param(text, cue, parts, id=f"{cue}|{text[:50]}")


SPLIT_QUOTES = [
    P('"We will hold the bridge," the brigade commander said. "Nobody here is leaving."', "said",
      ["We will hold the bridge", "Nobody here is leaving"]),
    P("“The convoy was hit twice,” a driver told reporters. “Two of us are still missing.”", "told",
      ["The convoy was hit twice", "Two of us are still missing"]),
    P('"The talks are over," said Amara Okonkwo, "and the ceasefire with them."', "said",
      ["The talks are over", "and the ceasefire with them"]),
    P('"We saw the drones first," the farmer said on Friday. "Then the shelling started. It lasted all night."', "said",
      ["We saw the drones first", "Then the shelling started. It lasted all night"]),
    # the second quote has a cue of its own: it is that attribution's content
    P('"The port is closed," the governor said. "Ships are turning back," his deputy added.', "said",
      ["The port is closed"]),
    # a paragraph break ends the attribution
    P('"The port is closed," the governor said.\n\n"Ships are turning back."', "said", ["The port is closed"]),
    # a quote after a forward cue is not a continuation
    P('The governor said the port was closed. "Ships are turning back."', "said", ["the port was closed"]),
    P('"Nobody came for us," she said.', "said", ["Nobody came for us"]),
]


@pytest.mark.parametrize("text,cue,parts", SPLIT_QUOTES)
def test_split_quote_parts(nlp, text, cue, parts):
    a = find(nlp(text), cue)
    assert a is not None
    assert [p["text"] for p in a["content_parts"]] == parts
    assert a["content"]["text"] == parts[0]
    for p in a["content_parts"]:
        assert text[p["start"]:p["end"]] == p["text"]


def test_no_content_no_parts(nlp):
    doc = nlp("The militia denied it.")
    for a in doc._.attributions:
        assert (a["content"] is None) == (a["content_parts"] == [])


def S(text, cue, source, content):
    return pytest.param(text, cue, source, content, id=f"{cue}|{text[:50]}")


SOURCES_WRITTEN_OUT = [
    # party and state tags of legislators belong to the name
    S("Sen. Ruth Abernathy (D-Ore.) said the amendment would not pass.", "said", "Sen. Ruth Abernathy (D-Ore.)",
      "the amendment would not pass"),
    S("Rep. Carl Mendez (R-Texas), who chairs the panel, said the hearing was postponed.", "said",
      "Rep. Carl Mendez (R-Texas)", "the hearing was postponed"),
    S("“The hearing is postponed,” said Rep. Carl Mendez (R-Texas).", "said", "Rep. Carl Mendez (R-Texas)",
      "The hearing is postponed"),
    S("Senate leader Tom Ridley, R-Kan., said the budget would be ready in March.", "said",
      "Senate leader Tom Ridley, R-Kan.", "the budget would be ready in March"),
    # a non-breaking space inside a title and name
    S("Gov.\u00a0Helen Marsh said the guard had been deployed.", "said", "Gov.\u00a0Helen Marsh",
      "the guard had been deployed"),
    # two-apostrophe quotes (newspaper archives)
    S("''We are not leaving,'' said Mr. Ostrowski, a union organizer.", "said", "Mr. Ostrowski, a union organizer",
      "We are not leaving"),
    S("''The plant will close,'' she said.", "said", "she", "The plant will close"),
]


@pytest.mark.parametrize("text,cue,source,content", SOURCES_WRITTEN_OUT)
def test_sources_written_out(nlp, text, cue, source, content):
    a = find(nlp(text), cue)
    assert a is not None
    assert (a["source"] or {}).get("text") == source
    assert (a["content"] or {}).get("text") == content


def test_two_apostrophe_split_quote(nlp):
    a = find(nlp("''The plant will close,'' she said. ''Everyone knows it.''"), "said")
    assert [p["text"] for p in a["content_parts"]] == ["The plant will close", "Everyone knows it"]
