"""conflict_counts, the reader's steps called on their own: each takes its inputs as arguments and
returns what it found (the consumed end, the count before), so a step is testable without the
component."""

from __future__ import annotations

import pytest
import spacy

from conflictnlp.counts.context import COLUMNS, DocContext
from conflictnlp.counts.kind import Previous
from conflictnlp.counts.quantity import read_core
from conflictnlp.counts.reader import read_count, read_counts


@pytest.fixture(scope="module")
def finder():
    nlp = spacy.blank("en")
    return nlp, nlp.add_pipe("conflict_counts")


def _context(finder, text):
    nlp, pipe = finder
    doc = nlp.make_doc(text)
    return doc, DocContext(doc, pipe.tables, doc.to_array(COLUMNS))


def test_a_partitive_returns_the_tokens_it_consumed(finder):
    doc, ctx = _context(finder, "Four of the 25 crew members were killed.")
    count = read_count(finder[1].tables, finder[1].options, ctx, 0, 0, None)
    assert doc[count.start : count.end].text == "Four"
    assert doc[: count.consumed].text == "Four of the 25 crew members"  # "25" is not read again
    assert [doc[c.start : c.end].text for c in read_counts(finder[1].tables, finder[1].options, doc)] == ["Four"]


def test_the_previous_count_is_an_argument(finder):
    doc, ctx = _context(finder, "Rebels killed 43 people, including 19 women.")
    tables, options = finder[1].tables, finder[1].options
    alone = read_count(tables, options, ctx, 6, 4, None)  # "19 women": no kind of its own
    assert alone is None or alone.data["kind"] != "killed"
    previous = Previous(2, "killed", 4, None)  # "43 people"
    assert read_count(tables, options, ctx, 6, 4, previous).data["kind"] == "killed"


def test_read_core_reads_the_figure(finder):
    doc, ctx = _context(finder, "about 11,000 North Korean soldiers")
    core = read_core(finder[1].tables, ctx, 1, use_ner=True)
    assert (core.number, core.core_end, core.qualifier) == (11000, 2, "exact")
