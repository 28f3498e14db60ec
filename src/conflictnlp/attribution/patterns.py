"""Token patterns of ``conflict_attribution``: time phrases ("on Sunday", "last week") and "it
was reported", and :class:`TokenPatterns`, which runs spaCy ``Matcher`` patterns over lists of
words (the Matcher builds a Token object per token it looks at)."""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from .words import DAY_PARTS, DAYS, MONTHS


def time_patterns() -> List[Tuple[str, List[list]]]:
    day = {"LOWER": {"IN": DAYS}}
    return [(
        "time",
        [
            [{"LOWER": {"IN": ["earlier", "later", "late", "early"]}, "OP": "?"}, {"LOWER": "on"}, day,
             {"LOWER": {"IN": DAY_PARTS}, "OP": "?"}],
            [{"LOWER": "on"}, {"IS_DIGIT": True}, {"LOWER": {"IN": MONTHS}}],
            [{"LOWER": "on"}, {"LOWER": {"IN": MONTHS}}, {"IS_DIGIT": True}],
            [{"LOWER": {"IN": ["last", "this", "late", "earlier"]}}, {"LOWER": {"IN": DAYS + DAY_PARTS + ["week", "month", "year", "weekend"]}}],
            [{"LOWER": "earlier"}, {"LOWER": "this"}, {"LOWER": {"IN": ["week", "month", "year"]}}],
            [{"LOWER": {"IN": ["yesterday", "today", "tonight"]}}],
            [day, {"LOWER": {"IN": DAY_PARTS}, "OP": "?"}],  # US wire style: "said Monday", "said Friday afternoon"
            # "on election night", "on that night" (a day's night is the first pattern's); not "went on all night"
            [{"LOWER": "on"}, {"LOWER": {"IN": ["election", "christmas", "that", "polling", "new", "year's"]}}, {"LOWER": "night"}],
        ],
    )]


def impersonal_patterns(participles: Sequence[str]) -> List[Tuple[str, List[list]]]:
    if not participles:
        return []
    return [(
        "impersonal",
        [
            [{"LOWER": "it"}, {"LOWER": {"IN": ["is", "was", "has", "had", "'s", "’s"]}}, {"LOWER": "been", "OP": "?"},
             {"LOWER": {"IN": ["also", "widely", "further"]}, "OP": "?"}, {"LOWER": {"IN": list(participles)}}],
            # "There are reports that ...", "there have been unconfirmed reports that ...": the noun is the cue
            [{"LOWER": "there"}, {"LOWER": {"IN": ["are", "were", "have", "had", "is", "was", "'re", "’re"]}},
             {"LOWER": "been", "OP": "?"}, {"LOWER": {"IN": ["also", "now", "some", "many", "unconfirmed", "widespread", "conflicting", "credible", "persistent", "new", "further"]}, "OP": "?"},
             {"LOWER": {"IN": ["reports", "report", "claims", "allegations", "rumours", "rumors"]}}, {"LOWER": "that"}],
        ],
    )]


Step = Tuple[str, Any, Optional[str]]  # (attribute, value, operator) of one token spec
Pattern = Tuple[str, List[Step]]  # (label, steps)
_KEYS = {"LOWER", "IS_DIGIT", "OP"}


def compile_steps(pattern: Sequence[dict]) -> List[Step]:
    """The steps of one Matcher pattern; ValueError for a token spec TokenPatterns cannot run."""
    steps = []
    for spec in pattern:
        unknown = set(spec) - _KEYS
        attrs = [k for k in spec if k != "OP"]
        if unknown or len(attrs) != 1 or spec.get("OP") not in (None, "?", "!"):
            raise ValueError(f"TokenPatterns cannot run the token spec {spec!r}")
        key = attrs[0]
        value = spec[key]
        if key == "LOWER" and isinstance(value, dict):
            value = frozenset(value["IN"])
        steps.append((key, value, spec.get("OP")))
    return steps


def first_words(steps: Sequence[Step]) -> Optional[frozenset]:
    """The words a match of ``steps`` can start with (None: any word)."""
    words: set = set()
    for key, value, op in steps:
        if key != "LOWER" or op == "!":
            return None
        words.update([value] if isinstance(value, str) else value)
        if op is None:
            return frozenset(words)
    return None  # every step optional


def fits(key: str, value: Any, word: str, lower: str) -> bool:
    if key == "LOWER":
        return lower == value if isinstance(value, str) else lower in value
    return word.isdigit() == bool(value)  # IS_DIGIT


def match_ends(steps: Sequence[Step], k: int, i: int, words, lower, hi: int) -> Iterator[int]:
    """Every end of a match of ``steps[k:]`` from word ``i``."""
    if k == len(steps):
        yield i
        return
    key, value, op = steps[k]
    if op == "?":
        yield from match_ends(steps, k + 1, i, words, lower, hi)
    if i < hi and fits(key, value, words[i], lower[i]) != (op == "!"):
        yield from match_ends(steps, k + 1, i + 1, words, lower, hi)


class TokenPatterns:
    """spaCy ``Matcher`` token patterns over lists of words, for the few token specs the
    frame patterns use (``LOWER`` as a string or ``{"IN": [...]}``, ``IS_DIGIT``; ``OP``
    ``?`` or ``!``). Gives every match of every pattern, as the Matcher does, without
    creating Token objects; matching starts only at words that can begin a pattern.
    """

    def __init__(self, labelled: Sequence[Tuple[str, Sequence[list]]]) -> None:
        self.patterns: List[Pattern] = [(label, compile_steps(p)) for label, patterns in labelled for p in patterns]
        # Words at which a match can start (None: any word can), and the patterns that can
        # start at each word (`_anywhere`: those that can start at any word).
        self.first: Optional[frozenset] = frozenset()
        self._by_first: Dict[str, List[Pattern]] = {}
        self._anywhere: List[Pattern] = []
        for pattern in self.patterns:
            firsts = first_words(pattern[1])
            self.first = None if firsts is None or self.first is None else self.first | firsts
            if firsts is None:
                self._anywhere.append(pattern)
            else:
                for word in firsts:
                    self._by_first.setdefault(word, []).append(pattern)

    def starts(self, lower: Sequence[str]) -> List[int]:
        """Positions where a match can start (``lower``: the lowercase words of a Doc)."""
        if self.first is None:
            return list(range(len(lower)))
        return list(compress(range(len(lower)), map(self.first.__contains__, lower)))

    def __call__(
        self, words: Sequence[str], lower: Sequence[str], lo: int, hi: int, starts: Optional[List[int]] = None
    ) -> List[Tuple[str, int, int]]:
        """Every (label, start, end) match inside ``words[lo:hi]`` (no empty matches);
        ``starts``: :meth:`starts` of the whole word list, when already known."""
        if starts is None:
            starts = self.starts(lower)
        found = set()
        by_first, anywhere = self._by_first, self._anywhere
        for i in starts[bisect_left(starts, lo) : bisect_left(starts, hi)]:
            for label, steps in by_first.get(lower[i], []) + anywhere:
                for end in match_ends(steps, 0, i, words, lower, hi):
                    if end > i:
                        found.add((label, i, end))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))


def longest_first(matches: Iterable[Tuple[str, int, int]]) -> List[Tuple[str, int, int]]:
    """``spacy.util.filter_spans`` over (label, start, end) matches: the longest win (the
    earliest among equally long), overlaps dropped; in text order."""
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    taken: set = set()
    kept = []
    for match in ordered:
        if match[1] not in taken and match[2] - 1 not in taken:
            kept.append(match)
            taken.update(range(match[1], match[2]))
    return sorted(kept, key=lambda m: m[1])
