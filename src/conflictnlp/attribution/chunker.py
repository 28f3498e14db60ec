"""The source noun-phrase chunker over tokens: the noun phrase before or after a cue, a
clause's subject, appositives and inserts between commas, datelines and live-blog stamps."""

from __future__ import annotations

import re
from typing import Optional

from .grammar import DETERMINERS, INNER_PREPS, NP_MAX, NP_STOP, PRONOUNS, QUOTES, TRIM
from .view import Range, View, is_cap, is_punct
from .words import CLAIM_NOUNS, DAYS, MONTHS, TITLE_ABBREVIATIONS, TITLE_WORDS


# A party and state tag after a legislator's name: "(D-N.M.)", "(R-Ohio)", "(I-Vt.)".
# An acronym in parentheses after a name belongs to it too: "the Northern Liberation Front (NLF)",
# "(SPLM IO)" (tokens joined without spaces).
PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z.]{0,13}|[A-Z][A-Z0-9&.\-]{1,11}")


def party_tag_before(view: View, end: int, lo: int) -> Optional[int]:
    """The "(" of a party tag that ends at token ``end`` (exclusive), else None."""
    if end - 1 <= lo or view.words[end - 1] != ")":
        return None
    k = next((k for k in range(end - 2, max(lo, end - 7) - 1, -1) if view.words[k] == "("), None)
    return k if k is not None and PARTY_TAG.fullmatch("".join(view.words[k + 1:end - 1])) else None


def party_tag_after(view: View, start: int, hi: int) -> Optional[int]:
    """The end of a party tag that opens at token ``start``, else None."""
    if start >= hi or view.words[start] != "(":
        return None
    k = next((k for k in range(start + 2, min(hi, start + 7)) if view.words[k] == ")"), None)
    return k + 1 if k is not None and PARTY_TAG.fullmatch("".join(view.words[start + 1:k])) else None


def title_stop(view: View, i: int, lo: int, hi: int) -> bool:
    """Token ``i`` is the full stop of an abbreviated title before a capitalized word: "Col", "."."""
    return (view.words[i] == "." and lo < i and i + 1 < hi and view.lower[i - 1] in TITLE_ABBREVIATIONS
            and is_cap(view.words[i + 1]))


def np_before(view: View, end: int, lo: int) -> Optional[Range]:
    """The noun phrase ending at token ``end`` (exclusive), or None; a party tag after a name
    belongs to it ("Sen. Ann Ruiz (D-N.M.)")."""
    words, lower = view.words, view.lower
    tag = party_tag_before(view, end, lo)
    if tag is not None:
        named = np_before(view, tag, lo)
        return (named[0], end) if named else None
    i = end - 1
    while i >= lo and end - i <= NP_MAX:
        w, l = words[i], lower[i]
        if w == "\xa0" and i > lo:
            i -= 1  # a non-breaking space inside a name: "Sen.\xa0Ann Ruiz"
            continue
        if title_stop(view, i, lo, end):
            i -= 1  # the stop the tokenizer split off a title: "Col. Ian Reed"
            continue
        if is_punct(w) and w not in ("-", "&", "'", "’", "/") or view.words[i].isspace():
            break
        if l in ("'s", "’s"):
            i -= 1
            continue
        if l in NP_STOP and not (w.isupper() and len(w) > 1):
            if l == "and" and i - 1 >= lo and is_cap(words[i - 1]) and i + 1 < end and is_cap(words[i + 1]):
                pass
            elif l in ("in", "at") and i + 1 < end and (is_cap(words[i + 1]) or lower[i + 1] == "the"):
                pass
            elif l == "on" and i - 1 >= lo and i + 1 < end and is_cap(words[i - 1]) and is_cap(words[i + 1]) and (
                    lower[i + 1] not in DAYS and lower[i + 1] not in MONTHS):
                pass  # "the UN Panel of Experts on Yemen"
            else:
                break
        elif (not is_cap(w) and l.endswith(("ed", "ing")) and l not in TITLE_WORDS and "-" not in l and len(l) > 3
              and not adjectival(view, i, lo)):
            break
        elif l in view.cue_forms and not is_cap(w) and l not in TITLE_WORDS and not (i + 1 < end and lower[i + 1] not in view.cue_forms and l in view.nominal) and not (
                i + 1 == end and l in view.nominal and l in CLAIM_NOUNS and l.endswith("s")
                and end < view.n and lower[end] in view.cue_forms):  # "media reports said"
            break  # "The IDF denies | reports that ...": a source holds no reporting verb
        i -= 1
    start = i + 1
    while start < end and (lower[start] in INNER_PREPS or lower[start] in ("and", "in", "at", "-", "'s", "’s")):
        start += 1
    if start < end - 1 and ":" in words[start] and words[start].replace(":", "").isdigit():
        start += 1  # a live-blog timestamp: "02:10 Rebel fighters say ..."
    if start >= end:
        return None
    if lower[end - 1] in DETERMINERS or lower[end - 1] in INNER_PREPS:
        return None
    return start, end


def np_after(view: View, start: int, hi: int) -> Optional[Range]:
    """The noun phrase starting at token ``start``, or None."""
    words, lower = view.words, view.lower
    i = start
    if i < hi and lower[i] in PRONOUNS:
        return i, i + 1
    while i < hi and i - start < NP_MAX:
        w, l = words[i], lower[i]
        if i > start and i in view.stop_at:
            break
        if w == "\xa0" and i > start and i + 1 < hi:
            i += 1  # a non-breaking space inside a name
            continue
        if title_stop(view, i, start, hi):
            i += 1  # the stop the tokenizer split off a title: "said Maj. Ana Cruz"
            continue
        if is_punct(w) and w not in ("-", "&", "'", "’", "/") or view.words[i].isspace():
            break
        if l in ("'s", "’s"):
            i += 1
            continue
        if l in NP_STOP and not (w.isupper() and len(w) > 1):
            if l == "and" and i > start and is_cap(words[i - 1]) and i + 1 < hi and is_cap(words[i + 1]):
                pass
            elif l in ("in", "at") and i > start and i + 1 < hi and (is_cap(words[i + 1]) or lower[i + 1] == "the") and (i + 1) not in view.stop_at:
                pass
            elif l == "in" and i > start and words[i - 1] == "-" and i + 1 < hi and words[i + 1] == "-":
                pass  # "Commander-in-Chief"
            else:
                break
        elif (i > start and not is_cap(w) and l.endswith(("ed", "ing")) and l not in TITLE_WORDS and "-" not in l and len(l) > 3
              and not adjectival(view, i, start)):
            break
        elif i > start and l in view.cue_forms and not is_cap(w) and not (
                l in view.nominal and lower[i - 1] not in DETERMINERS
                and (i + 1 >= hi or is_punct(words[i + 1]) or lower[i + 1] in ("by", "from", "reported", "cited"))):
            break  # a noun form ends the phrase: "according to Israeli estimates"
        i += 1
    end = i
    while end > start and (lower[end - 1] in INNER_PREPS or lower[end - 1] in DETERMINERS or lower[end - 1] in ("and", "in", "at", "-")):
        end -= 1
    if end <= start:
        return None
    return start, party_tag_after(view, end, hi) or end


def adjectival(view: View, i: int, lo: int) -> bool:
    """An -ed/-ing word inside a noun phrase: "Houthi-controlled media", "the SDF-affiliated
    administration", "Many returning families"."""
    if i - 1 < lo or i + 1 >= view.n or is_punct(view.words[i + 1]) or view.lower[i + 1] in NP_STOP:
        return False
    prev = view.lower[i - 1]
    return (prev == "-" and not view.doc[i - 1].whitespace_) or prev in ("many", "some", "several", "the", "other")


def clause_subject(view: View, lo: int, end: int) -> Optional[Range]:
    """The subject opening a clause before ``end``, when a verb follows it: "India launched ...",
    "The group has launched ...", "He declined ..."."""
    start = skip_lead(view, lo, end)
    subj = np_after(view, start, end) if start < end else None
    if subj is None or subj[1] >= end or not is_cap(view.words[subj[0]]):
        return None
    nxt = view.lower[subj[1]]
    if nxt in ("has", "have", "had", "is", "are", "was", "were", "also") or (
            nxt.endswith("ed") and nxt.isalpha() and nxt not in TITLE_WORDS):
        return subj
    return None


def appositive_subject(view: View, comma: int, lo: int) -> bool:
    """The clause before ``comma`` is a subject with its appositive: "A junta spokesman, Major
    General Zaw Min Tun, | denied ..." (so the cue after the comma is not inverted)."""
    appos = np_before(view, comma, lo)
    if not appos or appos[0] - 1 < lo or view.words[appos[0] - 1] != ",":
        return False
    head = np_before(view, appos[0] - 1, lo)
    return bool(head) and head[0] == skip_lead(view, lo, head[1]) and (
        all(is_cap(w) for w in view.words[appos[0]:appos[1]] if w not in ("'s", "’s")) or is_cap(view.words[head[0]]))


def relative_insert(view: View, comma: int, lo: int) -> bool:
    """The clause before ``comma`` is a subject with a relative insert: "Turkey, which backs the
    rebels, | denied ..."."""
    seg = segment_start(view, comma, lo)
    if seg is None or view.lower[seg] not in ("which", "who"):
        return False
    head = np_before(view, seg - 1, lo)
    return bool(head) and head[0] == skip_lead(view, lo, head[1])


def descriptive(view: View, rng: Range) -> bool:
    """An appositive that describes rather than names or titles: "61", "a veteran of ...", "one of ..."."""
    first = view.lower[rng[0]]
    return first[:1].isdigit() or first in ("a", "an") or (first == "one" and rng[0] + 1 < rng[1] and view.lower[rng[0] + 1] == "of")


def segment_start(view: View, comma: int, lo: int) -> Optional[int]:
    """Start of the comma-delimited segment ending at ``comma`` (the token after the previous comma)."""
    j = comma - 1
    while j >= lo and view.words[j] != ",":
        if view.words[j] in QUOTES or view.words[j] in (".", ";", ":"):
            return None
        j -= 1
    if j < lo or j + 1 >= comma:
        return None
    return j + 1


def skip_lead(view: View, s: int, e: int) -> int:
    """Skip a live-blog timestamp, a dateline or a "Breaking:" label at the start of ``s:e``:
    "08:19 BST – ", "Kinshasa (RTNC) – ", "GOMA — ", "03:15 "."""
    words = view.words
    k = s
    while k < e and words[k].isspace():
        k += 1
    if k < e and ":" in words[k] and words[k].replace(":", "").isdigit():
        k += 1
        while k < e and words[k].isupper() and words[k].isalpha() and len(words[k]) <= 4 and k + 1 < e and words[k + 1] in ("–", "—", "-", ":"):
            k += 1
        s = k
    for d in range(s, min(e, s + 8)):
        if words[d] in ("–", "—") or (words[d] == "-" and view.doc[d].whitespace_ and d > s and view.doc[d - 1].whitespace_):
            head = [w for w in words[s:d] if not is_punct(w)]
            if head and all(is_cap(w) or w.isdigit() for w in head):
                s = d + 1
            break
    while s < e and (words[s] in TRIM or words[s].isspace()):
        s += 1
    if s + 1 < e and words[s + 1] == ":" and view.lower[s] in ("breaking", "update", "updated", "exclusive", "watch"):
        s += 2
    return s
