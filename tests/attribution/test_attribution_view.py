"""The attribution view's reads of a Doc: quotations, line breaks and word forms, each checked
against a plain pass over the words (the view finds them from arrays)."""

from __future__ import annotations

import pytest
import spacy

from conflictnlp.attribution.content import line_end
from conflictnlp.attribution.view import View, line_breaks, pair_quotes

NLP = spacy.blank("en")

TEXTS = [
    "The mayor said: “We hold the bridge.”\n\nRebels denied it. “Lies,” a commander said.",
    "“We will not leave,\nthe mayor said.\n“Never.”",  # an unclosed quote ends at its line break
    'He said "no" and then "yes".\nShe said "maybe',
    "Officials didn’t say how many died.\n \nThey isn’t sure.",
    "No quotation and no break at all.",
    "''Two apostrophes,'' he said. ``Old archive quotes,'' she said.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_quotes_and_breaks_are_those_of_a_pass_over_the_words(text):
    doc = NLP(text)
    view = View(doc)
    words = [t.text for t in doc]
    assert view.words == words and view.text == doc.text
    assert view.breaks == line_breaks(words) == [k for k, t in enumerate(doc) if t.is_space and "\n" in t.text]
    expected = pair_quotes(text, words)  # the quotation marks found by the plain pass
    assert sorted(view.open_at.items()) == expected
    assert view.spaces == [1 if t.whitespace_ else 0 for t in doc]


def test_unclosed_quote_ends_at_its_line_break():
    doc = NLP(TEXTS[1])
    view = View(doc)
    first_break = view.breaks[0]
    assert view.open_at[0] == first_break  # “We will not leave, | \n


def test_typographic_apostrophe_reads_as_the_straight_one():
    view = View(NLP(TEXTS[3]))
    assert view.lower.count("n't") == 2 and "n\u2019t" not in view.lower
    assert "n\u2019t" in view.words  # the words themselves are kept


def test_line_end_is_the_next_line_break_or_the_doc_end():
    doc = NLP("Headline here\nFirst line of text.\nSecond")
    view = View(doc)
    breaks = [k for k, t in enumerate(doc) if "\n" in t.text]
    assert line_end(view, 0) == breaks[0]
    assert line_end(view, breaks[0] + 1) == breaks[1]
    assert line_end(view, breaks[1] + 1) == len(doc)
