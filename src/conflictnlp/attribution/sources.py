"""Source typing for attributions: who is speaking, as a type.

Pure logic over strings, used by :mod:`conflictnlp.attribution` and testable on its
own. Given the text of a source as written ("a spokesperson for the air force",
"Ukrainian President Volodymyr Zelensky", "TASS"), :class:`SourceTyper` says

- ``source_type``: ``person`` · ``official`` · ``government`` · ``military`` ·
  ``media`` · ``organization`` · ``unknown``;
- ``anonymous``: the source is a role with no name ("a US official", "sources");
- ``state_media``: the source is (or works for) a state-controlled outlet.

The rules are data: ``components/attribution/source_types.jsonl`` (role and body
words) and ``components/attribution/outlets.jsonl`` (news outlets, with a reviewed
``state`` flag), and the named lists of ``words.jsonl`` (services typed by their
owner, owner participles). Matching is on lowercased word sequences, with punctuation removed,
so "U.S." matches "u s" and "Al-Masirah" matches "al masirah".

This module imports only the standard library (and the package's word lists).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from ..schema import SOURCE_TYPES
from .words import OUTLET_HEADS, OWNED_SERVICES, OWNER_PARTICIPLES, STATE_MEDIA_MODIFIERS

# Words after which a noun phrase's head is over: "a spokesperson | for the air force",
# "officials | at the Pentagon", "people | familiar with the matter".
POST_MODIFIERS = frozenset(
    "of for with from at in on who whose which that familiar close briefed speaking".split()
)
PRONOUNS = {
    "he": "person", "she": "person", "i": "person", "we": "unknown", "they": "unknown",
    "it": "unknown", "you": "unknown",
}
# Capitalized words that do not make a source "named".
_NOT_NAMES = frozenset("the a an and of for".split())

_WORD = re.compile(r"\w+", re.UNICODE)


def words_of(text: str) -> List[str]:
    """The words of ``text`` as written (punctuation dropped): "U.S." -> ["U", "S"]."""
    return _WORD.findall(text)


def normalize(text: str) -> Tuple[str, ...]:
    """Lowercased words of ``text``, the key used to match lexicon entries."""
    return tuple(w.lower() for w in _WORD.findall(text))


@dataclass(frozen=True)
class SourceInfo:
    source_type: str
    anonymous: bool
    state_media: bool


@dataclass(frozen=True)
class _Term:
    source_type: str
    anonymous: bool  # an unnamed holder of this role is an anonymous source
    state_media: bool


class SourceTyper:
    """Types a source phrase with the role/body lexicon and the outlet list."""

    def __init__(self, type_entries: Iterable[Mapping], outlet_entries: Iterable[Mapping]) -> None:
        self.terms: Dict[Tuple[str, ...], _Term] = {}
        for entry in type_entries:
            if entry["type"] not in SOURCE_TYPES:
                raise ValueError(
                    f"source type {entry['type']!r} for {entry['text']!r} is not one of {', '.join(SOURCE_TYPES)}"
                )
            key = normalize(entry["text"])
            if key:
                self.terms[key] = _Term(entry["type"], bool(entry.get("anonymous", False)),
                                        bool(entry.get("state_media", False)))
        for entry in outlet_entries:
            for name in [entry["name"], *entry.get("aliases", [])]:
                key = normalize(name)
                if key:
                    self.terms[key] = _Term("media", False, bool(entry["state"]))
        self.max_len = max((len(k) for k in self.terms), default=1)
        # Sources repeat ("the army", "officials"); typing is pure, so results are kept.
        self._cache: Dict[Tuple[str, Optional[str]], SourceInfo] = {}

    def matches(self, words: Sequence[str]) -> List[Tuple[int, int, _Term]]:
        """Longest lexicon matches, left to right, over lowercased ``words``."""
        found = []
        i, n = 0, len(words)
        while i < n:
            for size in range(min(self.max_len, n - i), 0, -1):
                term = self.terms.get(tuple(words[i : i + size]))
                if term is not None:
                    found.append((i, i + size, term))
                    i += size
                    break
            else:
                i += 1
        return found

    def classify(self, text: str, entity_label: Optional[str] = None) -> SourceInfo:
        """Type the source ``text``; ``entity_label`` is an NER label covering it, if any."""
        key = (text, entity_label)
        info = self._cache.get(key)
        if info is None:
            if len(self._cache) > 20000:
                self._cache.clear()
            info = self._cache[key] = self._classify(text, entity_label)
        return info

    def _classify(self, text: str, entity_label: Optional[str]) -> SourceInfo:
        parts = [p for p in text.split(",") if p.strip()]
        if not parts:
            return SourceInfo("unknown", False, False)
        infos = [self._classify_part(p, entity_label) for p in parts]
        typed = [i for i in infos if i.source_type != "unknown"]
        # A title beats a bare name: "Oleksandr Syrskyi, Ukraine's top commander" is an official.
        best = next((i for i in typed if i.source_type != "person"), typed[0] if typed else infos[0])
        # An appositive names the source: "a Ukrainian official, Mykhailo Podolyak".
        anonymous = all(i.anonymous for i in infos)
        return SourceInfo(best.source_type, anonymous, any(i.state_media for i in infos))

    def _classify_part(self, text: str, entity_label: Optional[str]) -> SourceInfo:
        original = words_of(text)
        words = [w.lower() for w in original]
        if not words:
            return SourceInfo("unknown", False, False)
        if len(words) == 1 and words[0] in PRONOUNS:
            return SourceInfo(PRONOUNS[words[0]], False, False)
        found = self.matches(words)
        head_end = _head_end(words, found)
        # "Hamas-run", "SDF-affiliated": the word before such a participle does not head the phrase.
        in_head = [m for m in found if m[1] <= head_end and not (m[1] < len(words) and words[m[1]] in OWNER_PARTICIPLES)]
        state_media = any(m[2].state_media for m in found) or _state_described(words, found)
        if in_head:
            info = _typed_by_head(original, words, found, in_head, head_end, state_media)
            if info.source_type == "organization" and words[in_head[-1][0]] in _GENERIC_GROUPS and any(
                    m[2].source_type == "military" and m[1] < len(words) and words[m[1]] in OWNER_PARTICIPLES for m in found):
                # "the al-Qaida-linked group", "an RSF-allied faction": an armed group
                return SourceInfo("military", info.anonymous, info.state_media)
            return info
        if found:
            # Head word unknown; the phrase still says where it comes from.
            return SourceInfo(found[-1][2].source_type, False, state_media)
        return _typed_without_lexicon(original, entity_label)


Match = Tuple[int, int, _Term]


def _head_end(words: Sequence[str], found: Sequence[Match]) -> int:
    """The head ends at the first post-modifier outside a lexicon phrase ("member of parliament")."""
    for i in range(1, len(words)):
        if words[i] in POST_MODIFIERS and not any(m[0] < i < m[1] for m in found):
            return i
    return len(words)


def _typed_by_head(original: Sequence[str], words: Sequence[str], found: Sequence[Match], in_head: Sequence[Match],
                   head_end: int, state_media: bool) -> SourceInfo:
    """The type, anonymity and state-media flag of a phrase whose head is a lexicon term."""
    # A role followed by a name wins over words of the name: "police spokesman Abdi Aden"
    # (but not over a body named after it: "the Sudan Doctors Network").
    pick = next((m for m in in_head if m[2].source_type in ("official", "person")
                 and _has_name_after(original, m[1], min(head_end, m[1] + 1))
                 and not any(o[0] >= m[1] and o[1] == head_end and o[2].source_type in _BODIES for o in in_head)), in_head[-1])
    start, end, term = pick
    if tuple(words[start:end]) in OWNED_SERVICES:
        # "the ministry's press service", "IDF intelligence": the owner's type; without an
        # owner, the body after "of" ("the Information Team of the Office of ... Defence Services").
        owner = [m for m in in_head if m[1] <= start and m[2].source_type in _BODIES]
        owner = owner or [m for m in found if m[0] >= head_end and m[2].source_type in _BODIES]
        if owner:
            term = _Term(owner[-1][2].source_type, term.anonymous, term.state_media)
    if term.source_type == "person" and not _has_name_after(original, end, head_end):
        # Unnamed experts of a named body speak for it: "UN experts", "researchers at Ghent University".
        after = [m for m in found if m[0] >= head_end and m[2].source_type == "organization"]
        if words[end - 1].endswith("s") and (_has_name_before(original, start) or after):
            term = _Term("organization", term.anonymous, term.state_media)
    named = _has_name_after(original, end, head_end)
    anonymous = term.anonymous and not named
    if not anonymous and not named and not _has_name_before(original, start):
        head = words[end - 1] if original[end - 1].islower() else ""
        # "an army spokesman", "one commander", "Russian military bloggers", "aid groups"
        indefinite = words[0] in _INDEFINITE and term.source_type in ("person", "official", "organization", "media")
        plural = head == "media" or (head.endswith("s") and not head.endswith(("ss", "us", "ics")) and len(head) > 3
                  and term.source_type in ("person", "official", "organization", "media", "unknown"))
        anonymous = indefinite or plural
    return SourceInfo(term.source_type, anonymous, state_media or term.state_media)


def _state_described(words: Sequence[str], found: Sequence[Match]) -> bool:
    """A media term right after a state modifier: "the state-run news agency", "the official
    news agency", "government-controlled television" (modifiers in words.jsonl)."""
    for start, _end, term in found:
        if term.source_type == "media" and start > 0:
            if any(tuple(words[max(0, start - size):start]) in STATE_MEDIA_MODIFIERS for size in (1, 2)):
                return True
    return False


def _typed_without_lexicon(original: Sequence[str], entity_label: Optional[str]) -> SourceInfo:
    """A phrase with no lexicon term: an outlet by the last word of its name ("the Harbor Times"),
    its entity label, or a person by its capitalized words."""
    named = [w for w in original if w.lower() not in _NOT_NAMES]
    if len(named) >= 2 and named[-1].lower() in OUTLET_HEADS and all(w[0].isupper() for w in named):
        return SourceInfo("media", False, False)
    if entity_label:
        by_label = {"PERSON": "person", "ORG": "organization", "GPE": "government", "NORP": "unknown"}
        return SourceInfo(by_label.get(entity_label, "unknown"), False, False)
    capitalized = [w for w in original if w[0].isupper() and w.lower() not in _NOT_NAMES]
    if len(capitalized) >= 2 and len(capitalized) == len([w for w in original if w.lower() not in _NOT_NAMES]):
        if not all(w.isupper() for w in capitalized):
            return SourceInfo("person", False, False)
    return SourceInfo("unknown", False, False)


_GENERIC_GROUPS = frozenset("group groups faction factions movement".split())
_INDEFINITE = frozenset("a an one another some two three several many".split())
_BODIES = ("government", "military", "organization")
# Capitalized words that are not names inside a source: nationality adjectives and the like.
_NOT_NAME_SUFFIXES = ("an", "ian", "ese", "ish", "i", "ic")


def _has_name_before(original: Sequence[str], start: int) -> bool:
    """A proper name (not a nationality adjective) before a role word: "MSF teams", "UN experts"."""
    for w in original[:start]:
        if w[0].isupper() and w.lower() not in _NOT_NAMES and not (w.lower().endswith(_NOT_NAME_SUFFIXES) and not w.isupper()):
            return True
    return False


def _has_name_after(original: Sequence[str], end: int, head_end: int) -> bool:
    """Is a role word followed by a name ("official John Kirby")?"""
    return any(w[0].isupper() for w in original[end:head_end])
