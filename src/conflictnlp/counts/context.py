"""A read-only per-Doc view for ``conflict_counts``: the words and token arrays read once, the
sentence of a token, and where actor words start and end. Built once per Doc that has candidate
figures; nothing in it changes while the Doc is read."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, Callable, Dict, List, Optional, Tuple

from spacy.attrs import LIKE_NUM, LOWER, ORTH, SENT_START, SHAPE, SPACY
from spacy.tokens import Doc

from ..doctools import SentenceOf, decode, near
from .numbers import INVISIBLE_RE, ParsedNumber, parse_number_tokens

# The token attributes `CountFinder` reads once per Doc (`Doc.to_array`), in this order.
COLUMNS = [LOWER, LIKE_NUM, SHAPE, ORTH, SPACY, SENT_START]
# A number is read from at most `NUMBER_WINDOW` tokens, first from `SHORT_NUMBER`: the parser
# looks at most five tokens ahead of where it stands ("three - quarters of a million" before it
# takes "three", "and a half thousand" after "two"), so a number of at most two tokens read from
# a window of six is the one it reads from twelve, and decoding twelve tokens for each figure cost
# more than parsing it (`DocContext.number_at`).
NUMBER_WINDOW = 12
SHORT_NUMBER = 6


def match_actors(matcher: Any, doc: Doc) -> Tuple[Dict[int, Tuple[str, int]], Dict[int, str], Dict[int, int]]:
    """The actor words of ``doc``, longest first where they overlap: (start -> (actor, end),
    last token -> actor, last token -> start)."""
    starts: Dict[int, Tuple[str, int]] = {}
    ends: Dict[int, str] = {}
    start_of_end: Dict[int, int] = {}
    matches = sorted(matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
    taken_until = 0
    for match_id, s, e in matches:
        if s < taken_until:
            continue
        actor = doc.vocab.strings[match_id]
        starts[s] = (actor, e)
        ends[e - 1] = actor
        start_of_end[e - 1] = s
        taken_until = e
    return starts, ends, start_of_end


def visible_words(words: List[str]) -> List[str]:
    """``words`` without the characters that do not count in a word (soft hyphens, zero-width
    characters: "sol\u00addiers" reads as "soldiers"); the tokens and their offsets stay as
    they are. One search over the joined words when there are none."""
    joined = "".join(words)
    if joined.isascii() or not INVISIBLE_RE.search(joined):
        return words
    return [INVISIBLE_RE.sub("", w) for w in words]


class ActorLookups:
    """The actor words of a Doc by position (``actor_starts``, set by :class:`DocContext`), and
    values derived once per Doc from it and the fixed tables (a cache, not state)."""

    actor_starts: Dict[int, Tuple[str, int]]
    _derived: Dict[str, Any]

    def derived(self, name: str, make: Callable[[], Any]) -> Any:
        """``make()``, computed once per Doc: a value derived from the Doc and the fixed tables
        (a cache, not state)."""
        if name not in self._derived:
            self._derived[name] = make()
        return self._derived[name]

    def actor_positions(self) -> List[int]:
        """Start positions of the actor words, in order."""
        return self.derived("actor positions", lambda: sorted(self.actor_starts))

    def actor_positions_before(self, i: int) -> List[int]:
        """Start positions of the actor words that begin before ``i``, in order."""
        positions = self.actor_positions()
        return positions[: bisect_left(positions, i)]

    def actors_between(self, i: int, j: int) -> List[str]:
        """The actors named by words starting in ``i..j-1``, in order."""
        return [actor for _, actor in self.actors_at(i, j)]

    def actors_at(self, i: int, j: int) -> List[Tuple[int, str]]:
        """(start, actor) of the actor words starting in ``i..j-1``, in order."""
        positions = self.actor_positions()
        return [(s, self.actor_starts[s][0]) for s in positions[bisect_left(positions, i) : bisect_left(positions, j)]]


class DocContext(ActorLookups):
    """Per-Doc lookups, computed once when the Doc has candidate figures."""

    def __init__(self, doc: Doc, tables: Any, array: Any) -> None:
        self.doc = doc
        self.n = len(doc)
        self.strings = doc.vocab.strings
        # Read from `Doc.to_array` (columns in `COLUMNS` order): faster than creating Tokens.
        self.words = visible_words(decode(self.strings, array[:, 0].tolist()))
        self._spacy = array[:, 4].tolist()
        self._array = array
        self._sentence_of = SentenceOf(doc)
        self.has_dep = doc.has_annotation("DEP")
        self.has_pos = doc.has_annotation("POS")
        self.has_ner = doc.has_annotation("ENT_IOB")
        self.has_sents = doc.has_annotation("SENT_START")
        self._derived: Dict[str, Any] = {}
        self.actor_starts, self.actor_ends, self.actor_start_of_end = match_actors(tables.actor_matcher, doc)

    def number_at(self, i: int) -> Optional[ParsedNumber]:
        """``parse_number_tokens`` over the 12 words from ``i`` (lowercase: the parse ignores case),
        read from six first (see :data:`SHORT_NUMBER`): most numbers are one token."""
        parsed = parse_number_tokens(self.words[i : i + SHORT_NUMBER], self.spaces(i, i + SHORT_NUMBER))
        if parsed is not None and parsed.length > SHORT_NUMBER - 4:
            parsed = parse_number_tokens(self.words[i : i + NUMBER_WINDOW], self.spaces(i, i + NUMBER_WINDOW))
        return parsed

    def texts(self, i: int, j: int) -> List[str]:
        return decode(self.strings, self._array[i:j, 3].tolist())

    def spaces(self, i: int, j: int) -> List[bool]:
        return list(map(bool, self._spacy[i:j]))

    def glued(self, i: int) -> bool:
        """Is token ``i`` directly followed by the next token (no whitespace)?"""
        return 0 <= i < self.n and not self._spacy[i]

    def is_title(self, i: int) -> bool:
        """Is token ``i`` capitalized only because it opens a sentence or the text is in title case?"""
        return i == 0 or bool(self._array[i, 5] == 1)

    def sentence(self, i: int) -> Tuple[int, int]:
        """The sentence of token ``i``, or at most ``RULE_WINDOW`` tokens on either side of ``i``
        when it is longer (:func:`..doctools.near`: text without sentence ends)."""
        start, end = self._sentence_of(i) if self.has_sents else (0, self.n)
        return near(start, end, i, i + 1)
