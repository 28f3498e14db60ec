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
