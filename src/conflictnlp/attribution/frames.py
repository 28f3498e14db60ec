"""Times and channels of a sentence: "in his nightly video address", "on its Telegram channel",
"on Sunday", each given to the nearest cue whose record has none."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import List, Sequence, Tuple

from ..doctools import RULE_WINDOW
from .chunker import np_after
from .grammar import PLATFORM_FILLERS, PLATFORM_PREPS, SPOKEN_PREPS
from .view import Range, Record, View, is_cap, is_punct


# Nouns after a platform's name that belong to the channel phrase: "on its Telegram channel".
PLATFORM_TAILS = frozenset(("channel", "channels", "account", "accounts", "page", "pages", "feed", "feeds", "handle"))


def channels(view: View, cues, lo: int) -> Tuple[List[Range], List[Range]]:
    """Channel phrases of a sentence: "in his nightly video address", "on its Telegram channel"."""
    lower, words = view.lower, view.words
    mediums: List[Range] = []
    platforms: List[Range] = []
    for label, s, e in cues:
        if label == "medium_word":
            for k in range(s - 1, max(lo, s - 5) - 1, -1):
                if lower[k] in SPOKEN_PREPS:
                    mediums.append((k, e))
                    break
                if is_punct(words[k]) or lower[k] in ("that", "said", "told", "on"):
                    break
        elif label == "platform_word":
            for k in range(s - 1, max(lo, s - 4) - 1, -1):
                if lower[k] in PLATFORM_PREPS:
                    while e < view.n and lower[e] in PLATFORM_TAILS:
                        e += 1  # "on its Telegram | channel", "on its Facebook | page"
                    platforms.append((k, e))
                    break
                if lower[k] not in PLATFORM_FILLERS and not (is_cap(words[k]) and k > lo and lower[k - 1] in PLATFORM_PREPS | PLATFORM_FILLERS):
                    break  # an owner's name may stand before the platform: "on Kenyan state radio"
    return longest(mediums), longest(platforms)


def longest(ranges: List[Range]) -> List[Range]:
    """Drop ranges overlapping a longer one (first wins on ties)."""
    out: List[Range] = []  # sorted, never overlapping: only the neighbours of a range can overlap it
    for rng in sorted(ranges, key=lambda r: (r[0] - r[1], r[0])):
        k = bisect_left(out, rng)
        if (k == 0 or out[k - 1][1] <= rng[0]) and (k == len(out) or rng[1] <= out[k][0]):
            out.insert(k, rng)
    return out


def medium_spans(view: View, mediums: List[Range], platforms: List[Range]) -> List[Range]:
    """The span to report for each channel phrase: the platform or interviewer when named."""
    out: List[Range] = []
    lead = {"in", "at", "during", "via", "through", "on", "to", "its", "his", "her", "their", "the", "official", "own"}
    plats = sorted(platforms)
    used = set()
    for s, e in mediums:
        pick = None
        for ps, pe in plats:
            if e <= ps <= e + 2:
                pick = (ps, pe)
                used.add((ps, pe))
                break
        if pick is None and e < view.n and view.lower[e] == "with":
            pick = np_after(view, e + 1, view.n)
        if pick is None:
            pick = (s + 1, e)
        out.append(strip_tail(view, strip_lead(view, pick, lead if pick != (s + 1, e) else set())))
    for p in plats:
        if p not in used:
            out.append(strip_tail(view, strip_lead(view, p, lead | {"a", "an"})))
    return [o for o in out if o[0] < o[1]]


def strip_tail(view: View, rng: Range) -> Range:
    """A platform is reported by its name: "Telegram", not "Telegram channel" (the channel phrase
    still ends after "channel", so that it is cut from a content)."""
    s, e = rng
    while e - 1 > s and view.lower[e - 1] in PLATFORM_TAILS:
        e -= 1
    return s, e


def strip_lead(view: View, rng: Range, lead) -> Range:
    s, e = rng
    while s < e - 1 and view.lower[s] in lead:
        s += 1
    return s, e


class Commas:
    """The commas between two tokens of ``lo:hi``, counted once (a running count)."""

    __slots__ = ("lo", "before")

    def __init__(self, words: Sequence[str], lo: int, hi: int) -> None:
        self.lo = lo
        self.before = [0]
        for j in range(lo, hi):
            self.before.append(self.before[-1] + (words[j] == ","))

    def between(self, a: int, b: int) -> int:
        return self.before[b - self.lo] - self.before[a - self.lo] if a < b else 0


def frame_distance(commas: Commas, cue: Range, s: int, e: int) -> int:
    """Tokens between a cue and a phrase, plus a penalty for each comma in between."""
    a, b = (cue[1], s) if cue[1] <= s else (e, cue[0])
    return max(0, b - a) + 10 * commas.between(a, b)


def assign_frames(records: List[Record], spans: List[Range], field: str, words: Sequence[str]) -> None:
    """Give each time/channel phrase outside every content and source to the nearest cue.
    ``records`` are sorted by cue; a phrase reads those whose cue stands within
    ``2 * RULE_WINDOW`` tokens of it (in a real sentence all of them: :func:`..doctools.near`)."""
    if not records or not spans:
        return
    starts = [r.cue[0] for r in records]
    commas = Commas(words, min(starts[0], min(s for s, _ in spans)),
                    max(max(r.cue[1] for r in records), max(e for _, e in spans)))
    for s, e in spans:
        nearby = records[bisect_left(starts, s - 2 * RULE_WINDOW) : bisect_right(starts, e + 2 * RULE_WINDOW)]
        if any(r.content and r.content[0] <= s and e <= r.content[1] for r in nearby):
            continue
        if any(r.source and r.source[0] <= s and e <= r.source[1] for r in nearby):
            continue
        if any(r.medium and r.medium[0] <= s < r.medium[1] for r in nearby) and field == "medium":
            continue
        candidates = [r for r in nearby if getattr(r, field) is None and r.kind not in ("sourceless", "raising", "cited_by")]
        if not candidates:
            continue
        best = min(candidates, key=lambda r: frame_distance(commas, r.cue, s, e))
        setattr(best, field, (s, e))
