"""Read-only views the algorithm works on: the words of a Doc (with its sentences and
quotations) and, per sentence, where its time and channel phrases stand; and the record of
one attribution under construction.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

import numpy
from spacy.attrs import IS_SPACE, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..doctools import doc_text, member, sentence_bounds, token_words
from .grammar import CLOSE_QUOTES, OPEN_QUOTES, QUOTES
from .words import TITLE_ABBREVIATIONS

Range = Tuple[int, int]  # token range, end exclusive

# Lowercase forms with a typographic apostrophe that the rules read as the straight one.
APOSTROPHE_FORMS = {"n\u2019t": "n't"}
Frame = Tuple[int, int, str]  # a time or channel phrase: (start, end, "time" | "medium")
QUOTE_IDS = numpy.array(sorted(get_string_id(q) for q in QUOTES), dtype="uint64")  # their ORTH hashes


@lru_cache(maxsize=4096)
def is_punct(text: str) -> bool:
    return not any(c.isalnum() for c in text)


def is_cap(text: str) -> bool:
    return bool(text) and text[0].isupper()


def starts_line(view: "View", k: int) -> bool:
    """Does token ``k`` open a line: the Doc's first token, or one after a line break (a space token
    holding one: a token's own trailing whitespace is one space at most)?"""
    return k == 0 or "\n" in view.words[k - 1]


class Record:
    """One attribution under construction (token ranges, ``end`` exclusive)."""

    __slots__ = ("cue", "kind", "source", "content", "parts", "medium", "time", "via", "anonymous", "lemma", "inherit",
                 "link")

    def __init__(self, cue: Range, kind: str, lemma: str = "") -> None:
        self.cue = cue
        self.kind = kind
        self.lemma = lemma
        self.source: Optional[Range] = None
        self.content: Optional[Range] = None
        self.parts: List[Range] = []  # the further parts of a quote split by the cue ("A," X said. "B.")
        self.medium: Optional[Range] = None
        self.time: Optional[Range] = None
        self.via: List[Range] = []
        self.anonymous = False
        self.inherit = False
        self.link: Optional["Record"] = None  # for "cited by X": the attribution X carries

    def frame(self) -> Range:
        parts = [self.cue] + ([self.source] if self.source and not self.inherit else []) + self.via
        return min(p[0] for p in parts), max(p[1] for p in parts)

    def copy(self) -> "Record":
        twin = Record.__new__(Record)
        twin.cue, twin.kind, twin.lemma, twin.link = self.cue, self.kind, self.lemma, self.link
        twin.source, twin.content, twin.medium, twin.time = self.source, self.content, self.medium, self.time
        twin.anonymous, twin.inherit = self.anonymous, self.inherit
        twin.via = list(self.via)
        twin.parts = list(self.parts)
        return twin


def replace_words(words: List[str], forms: Dict[str, str]) -> None:
    """Replace in place each of ``forms`` in ``words`` by its value (the search runs in C)."""
    for form, replacement in forms.items():
        k = -1
        while True:
            try:
                k = words.index(form, k + 1)
            except ValueError:
                break
            words[k] = replacement


def line_breaks(words: Sequence[str]) -> List[int]:
    """Indices of the whitespace tokens that hold a line break."""
    return [k for k, w in enumerate(words) if "\n" in w and w.isspace()]


def pair_quotes(text: str, words: Sequence[str], breaks: Optional[Sequence[int]] = None,
                quotes: Optional[Sequence[int]] = None) -> List[Range]:
    """(opening, closing) token indices of quotations; an unclosed quote ends its paragraph
    (``breaks``: the :func:`line_breaks` of ``words``; ``quotes``: the indices of the quotation
    marks among them; each found when not given)."""
    pairs: List[Range] = []
    if not any(q in text for q in QUOTES):
        return pairs
    ends = set(line_breaks(words) if breaks is None else breaks)
    if quotes is None:
        quotes = [k for k, w in enumerate(words) if w in QUOTES]
    open_i: Optional[int] = None
    # only quotation marks and line breaks change anything: the loop visits those alone
    for i in sorted(ends.union(quotes)):
        w = words[i]
        if i in ends:
            if open_i is not None:
                pairs.append((open_i, i))
                open_i = None
            continue
        if w in OPEN_QUOTES:
            if open_i is not None:
                pairs.append((open_i, i))
            open_i = i
        elif w in CLOSE_QUOTES:
            if open_i is not None:
                pairs.append((open_i, i))
                open_i = None
        else:  # straight quote: opens after a space or at the start, closes otherwise
            if open_i is None:
                open_i = i
            else:
                pairs.append((open_i, i))
                open_i = None
    if open_i is not None:
        pairs.append((open_i, len(words)))
    return pairs


def split_at_breaks(bounds: Sequence[Range], breaks: Sequence[int]) -> List[Range]:
    """The sentences, also cut after every line break (``breaks``: the :func:`line_breaks` of the
    words; a parser's sentences can run from a headline into the first paragraph)."""
    if not breaks:
        return list(bounds)
    out: List[Range] = []
    for start, end in bounds:
        j = bisect_left(breaks, start)
        while j < len(breaks) and breaks[j] < end - 1:
            out.append((start, breaks[j] + 1))
            start = breaks[j] + 1
            j += 1
        out.append((start, end))
    return out


def join_after_titles(bounds: Sequence[Range], words: Sequence[str]) -> List[Range]:
    """The sentences, joined where a parser split after a title before a name ("Air Force Brig. |
    Gen. Ana Reyes said"): a sentence that ends with a title abbreviation runs on."""
    out: List[Range] = []
    for start, end in bounds:
        if out and start < end and words[start][:1].isupper() and ends_with_title(words, out[-1]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def ends_with_title(words: Sequence[str], sentence: Range) -> bool:
    start, end = sentence
    last = words[end - 1] if end > start else ""
    if last == "." and end - 2 >= start:
        return words[end - 2].lower() in TITLE_ABBREVIATIONS
    return last.endswith(".") and last[:-1].lower() in TITLE_ABBREVIATIONS


class View:
    """The words of a Doc, read once (iterating a Doc builds Token objects), its sentences and
    quotations, the reporting-verb forms, and (in a sentence's view, :meth:`in_sentence`) the
    starts and spans of the sentence's time and channel phrases. Not changed once made."""

    __slots__ = ("doc", "words", "lower", "spaces", "text", "n", "breaks", "sent_starts", "sent_ends", "open_at",
                 "close_at", "cue_forms", "nominal", "stop_at", "frame_spans")

    def __init__(self, doc: Doc, cue_forms: FrozenSet[str] = frozenset(), nominal: FrozenSet[str] = frozenset()) -> None:
        self.doc = doc
        # The text is rebuilt from the words, as ``doc.text`` does.
        self.words, self.lower, self.spaces = token_words(doc)  # spaces: 1 where a space follows the token
        self.text = text = doc_text(self.words, self.spaces)
        if "\u2019" in text:  # "isn’t saying", "didn’t say": the rules read "n't"
            replace_words(self.lower, APOSTROPHE_FORMS)
        self.n = len(self.words)
        quoted = any(q in text for q in QUOTES)
        # the few tokens that break lines and quote, found from arrays (a pass over the words costs more)
        rows = doc.to_array([ORTH, IS_SPACE]) if "\n" in text or quoted else None
        self.breaks = [] if rows is None else [  # the tokens holding a line break
            k for k in numpy.flatnonzero(rows[:, 1]).tolist() if "\n" in self.words[k]]
        bounds = split_at_breaks(join_after_titles(sentence_bounds(doc), self.words), self.breaks)
        self.sent_starts = [start for start, _ in bounds]
        self.sent_ends = [end for _, end in bounds]
        quotes = numpy.flatnonzero(member(rows[:, 0], QUOTE_IDS)).tolist() if quoted else []
        quote_pairs = pair_quotes(text, self.words, self.breaks, quotes)
        self.open_at: Dict[int, int] = {o: c for o, c in quote_pairs}
        self.close_at: Dict[int, int] = {c: o for o, c in quote_pairs}
        self.cue_forms = cue_forms  # reporting-verb forms (lowercase)
        self.nominal = nominal  # forms that are also nouns ("estimates", "state")
        self.stop_at: FrozenSet[int] = frozenset()  # starts of time and channel phrases: a noun phrase ends there
        self.frame_spans: Tuple[Frame, ...] = ()

    def sent_of(self, i: int) -> int:
        return bisect_right(self.sent_starts, i) - 1

    def in_sentence(self, stop_at: FrozenSet[int], frame_spans: Sequence[Frame]) -> "View":
        """This view with a sentence's time and channel phrases (``frame_spans`` sorted)."""
        view = View.__new__(View)
        for name in View.__slots__:
            setattr(view, name, getattr(self, name))
        view.stop_at = stop_at
        view.frame_spans = tuple(frame_spans)
        return view

    def frames_from(self, s: int, e: int) -> Tuple[Frame, ...]:
        """The time and channel phrases that start in ``s:e``, in order (they are sorted)."""
        return self.frame_spans[bisect_left(self.frame_spans, (s,)) : bisect_left(self.frame_spans, (e,))]

    def window(self, lo: int, hi: int) -> "View":
        """This sentence's view with only the time and channel phrases inside ``lo:hi``."""
        view = self.in_sentence(self.stop_at, ())
        view.frame_spans = tuple(f for f in self.frames_from(lo, hi) if f[1] <= hi)
        return view
