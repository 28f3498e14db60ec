"""Fast reads of a Doc's tokens for our components: sentence ranges and words from
``Doc.to_array``, character offsets from the few tokens asked for (iterating a Doc,
``doc.text``, ``doc.sents`` and ``Span.text`` build a Python Token object per token,
which cost more than our rules)."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span


# The most tokens a rule reads on either side of the word it stands on (a reporting verb, a
# figure), however long its sentence. Real sentences are far shorter, so nothing changes on
# them; but text without sentence ends (OCR, transcripts, lower case after full stops) is one
# "sentence" of thousands of cues and figures, and each one reading all of it would make the
# time grow with the square of the text.
RULE_WINDOW = 200


def near(lo: int, hi: int, s: int, e: int) -> Tuple[int, int]:
    """The part of the sentence ``lo:hi`` a rule on the tokens ``s:e`` reads: at most
    :data:`RULE_WINDOW` tokens on either side of them."""
    return max(lo, s - RULE_WINDOW), min(hi, e + RULE_WINDOW)


def sentence_bounds(doc: Doc) -> List[Tuple[int, int]]:
    """Token ranges ``(start, end)`` of the Doc's sentences (those of ``doc.sents``), or
    the whole Doc as one sentence when it has no boundaries; ``[]`` for an empty Doc.

    Read from one array: ``doc.sents`` builds a Token object per token.
    """
    n = len(doc)
    if n == 0:
        return []
    if not doc.has_annotation("SENT_START"):
        return [(0, n)]
    if "sents" in doc.user_hooks:
        return [(sent.start, sent.end) for sent in doc.sents]
    flags = doc.to_array(SENT_START)
    starts = [0] + ((flags[1:] == 1).nonzero()[0] + 1).tolist()
    return list(zip(starts, starts[1:] + [n]))


class SentenceOf:
    """``doc[i].sent`` as a token range ``(start, end)``, by bisection over the starts of
    :func:`sentence_bounds` (``Token.sent`` walks through the sentence, which is long in
    the documents where it matters); through ``Token.sent`` when a user hook defines the
    Doc's sentences. Read once per Doc, when first asked."""

    __slots__ = ("_doc", "_bounds", "_starts")

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._bounds: Optional[List[Tuple[int, int]]] = None
        self._starts: List[int] = []

    def __call__(self, i: int) -> Tuple[int, int]:
        doc = self._doc
        if "sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks or "sents" in doc.user_hooks:
            sent = doc[i].sent
            return sent.start, sent.end
        if self._bounds is None:
            self._bounds = sentence_bounds(doc)
            self._starts = [start for start, _ in self._bounds]
        return self._bounds[bisect_right(self._starts, i) - 1]


def sentence_spans(doc: Doc) -> List[Span]:
    """The Doc's sentences, or the whole Doc as one sentence when it has no boundaries."""
    return [doc[start:end] for start, end in sentence_bounds(doc)]


class CharOffsets:
    """Character offsets of a Doc's token ranges, reading only the tokens at the edges of
    each range asked for (``doc.text`` and ``Span.text`` build a Token object per token;
    a few ranges are asked for per Doc)."""

    __slots__ = ("_doc",)

    def __init__(self, doc: Doc) -> None:
        self._doc = doc

    def start(self, i: int) -> int:
        """Start character of token ``i``."""
        return self._doc[i].idx

    def end(self, j: int) -> int:
        """End character of the range ending before token ``j`` (``j > 0``)."""
        token = self._doc[j - 1]
        return token.idx + len(token)

    def text_end(self, start: int, end: int) -> int:
        """End character of the text of tokens ``start:end`` without its trailing whitespace
        (``start_char + len(span.text.rstrip())``), reading only the tokens at its end."""
        doc = self._doc
        j = end - 1
        while j > start and doc[j].text.isspace():
            j -= 1
        token = doc[j]
        return token.idx + len(token.text.rstrip())


def token_words(doc: Doc) -> Tuple[List[str], List[str], List[int]]:
    """Every token's text, its lowercase form and its trailing-space flag (1 or 0): as
    ``[t.text for t in doc]``, ``[t.text.lower() for t in doc]`` and
    ``[len(t.whitespace_) for t in doc]``, from one array read and :func:`decode`."""
    if not len(doc):
        return [], [], []
    rows = doc.to_array([ORTH, SPACY])
    orths = rows[:, 0].tolist()
    strings = doc.vocab.strings
    return decode(strings, orths), decode(strings, orths, lower=True), rows[:, 1].tolist()


class _Decoded(dict):
    """Hash -> string (or its lowercase form) of one StringStore, decoded on first use."""

    def __init__(self, strings: Any, lower: bool) -> None:
        super().__init__()
        self.strings = strings
        self.lower = lower

    def __missing__(self, key: int) -> str:
        text = self.strings[key]
        if self.lower:
            text = text.lower()
        self[key] = text
        return text


# (id of a StringStore, lower) -> its table; a few stores at a time (a notebook may make many).
_DECODED: Dict[Tuple[int, bool], _Decoded] = {}
_DECODED_STORES = 4
_DECODED_WORDS = 500_000


def decode(strings: Any, hashes: List[int], lower: bool = False) -> List[str]:
    """``[strings[h] for h in hashes]`` (``.lower()`` of each with ``lower``), each distinct
    hash decoded once per process: the store builds a new Python string on every lookup.

    The tables are kept per StringStore (the few last used) and start afresh when one
    holds ``500,000`` strings.
    """
    key = (id(strings), lower)
    table = _DECODED.get(key)
    if table is None or table.strings is not strings or len(table) > _DECODED_WORDS:
        if len(_DECODED) >= _DECODED_STORES * 2:
            _DECODED.clear()
        table = _DECODED[key] = _Decoded(strings, lower)
    return list(map(table.__getitem__, hashes))


def doc_text(words: List[str], spaces: List[int]) -> str:
    """The Doc's text from the words and spaces of :func:`token_words` (as ``doc.text``)."""
    return "".join([w + " " if space else w for w, space in zip(words, spaces)])


def lookup(values: Any, ids: Any) -> Tuple[Any, Any]:
    """Where each of ``values`` is in the sorted, non-empty array ``ids``: its position
    there (0 when absent) and whether it is there. One ``searchsorted``: much cheaper
    than ``numpy.isin`` on the few hundred values of a Doc."""
    where = numpy.searchsorted(ids, values)
    where[where == len(ids)] = 0
    return where, ids[where] == values


def member(values: Any, ids: Any) -> Any:
    """``numpy.isin(values, ids)`` for a sorted, non-empty array ``ids`` (see :func:`lookup`)."""
    return lookup(values, ids)[1]


class WordFlags:
    """A test on token texts, run once per distinct word and then looked up for every
    token with numpy: for pre-filters that must look at every token of every Doc.

    ``flags(doc)`` gives one bool per token, as ``[test(t.text) for t in doc]``. Words seen are
    kept in two tables shared by all Docs: a sorted array (ORTH hashes) looked up with one
    ``searchsorted``, and a dict of the words seen since it was last sorted, merged into it once
    it holds an eighth as many. A Doc with new words so costs its own words, not a re-sort of
    every word seen (news brings new names and numbers in every document). Both start afresh
    when they hold ``limit`` words.
    """

    def __init__(self, test: Callable[[str], bool], limit: int = 500_000) -> None:
        self.test = test
        self.limit = limit
        self._table: Tuple[Any, Any] = (numpy.zeros(0, dtype="uint64"), numpy.zeros(0, dtype=bool))
        self._recent: Dict[int, bool] = {}

    def __call__(self, doc: Doc) -> Any:
        orths = doc.to_array(ORTH).reshape(-1)
        ids, flags = self._table
        if len(ids):
            where, known = lookup(orths, ids)
            if bool(known.all()):
                return flags[where]
            result = numpy.where(known, flags[where], False)
            unknown = numpy.flatnonzero(~known).tolist()
        else:
            result = numpy.zeros(len(orths), dtype=bool)
            unknown = range(len(orths))
        strings = doc.vocab.strings
        for k in unknown:
            orth = int(orths[k])
            flag = self._recent.get(orth)
            result[k] = self._add(orth, strings[orth]) if flag is None else flag
        if len(self._recent) > min(self.limit, max(1024, len(self._table[0]) // 8)):
            self._merge()
        return result

    def _add(self, orth: int, text: str) -> bool:
        """Test a new word and keep its flag (both tables start afresh at ``limit`` words)."""
        if len(self._table[0]) + len(self._recent) >= self.limit:
            self._table = (self._table[0][:0], self._table[1][:0])
            self._recent = {}
        flag = self._recent[orth] = bool(self.test(text))
        return flag

    def _merge(self) -> None:
        """Sort the recent words into the array."""
        ids, flags = self._table
        recent = self._recent
        new_ids = numpy.fromiter(recent.keys(), dtype="uint64", count=len(recent))
        new_flags = numpy.fromiter(recent.values(), dtype=bool, count=len(recent))
        ids = numpy.concatenate([ids, new_ids])
        flags = numpy.concatenate([flags, new_flags])
        order = numpy.argsort(ids, kind="stable")
        self._table = (ids[order], flags[order])
        self._recent = {}
