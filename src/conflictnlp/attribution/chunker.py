"""The source noun-phrase chunker over tokens: the noun phrase before or after a cue, a
clause's subject, appositives and inserts between commas, datelines and live-blog stamps."""

from __future__ import annotations

import re
from typing import Optional, Tuple

from .grammar import BE, DETERMINERS, INNER_PREPS, NP_MAX, NP_STOP, PRONOUNS, QUOTES, TRIM
from .view import Range, View, is_cap, is_punct
from .words import ANONYMITY_WORDS, CLAIM_NOUNS, CUE_COMPOUNDS, DAYS, MONTHS, ROLE_VERBS, TITLE_ABBREVIATIONS, TITLE_WORDS, TO_TITLES


# A party and state tag after a legislator's name: "(D-N.M.)", "(R-Ohio)", "(I-Vt.)", "(R)".
# An acronym in parentheses after a name belongs to it too: "the Northern Liberation Front (NLF)",
# "(SPLM IO)" (tokens joined without spaces).
PARTY_TAG = re.compile(r"[DRI](?:-[A-Z][A-Za-z.]{0,13})?|[A-Z][A-Z0-9&./\-]{1,11}")


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


def acronym_inside(view: View, close: int, lo: int, end: int) -> Optional[int]:
    """The "(" of an acronym in brackets that closes at ``close`` inside a noun phrase ending at
    ``end`` ("the Sudan Liberation Army (SLA) | faction of X"), after a capitalized word; else None."""
    if close >= end - 1:
        return None
    tag = party_tag_before(view, close + 1, lo)
    return tag if tag is not None and tag - 1 >= lo and is_cap(view.words[tag - 1]) else None


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
    inner = 0  # tokens of an acronym in brackets inside the phrase: not counted towards NP_MAX
    while i >= lo and end - i - inner <= NP_MAX:
        w, l = words[i], lower[i]
        if w == "\xa0" and i > lo:
            i -= 1  # a non-breaking space inside a name: "Sen.\xa0Ann Ruiz"
            continue
        if title_stop(view, i, lo, end):
            i -= 1  # the stop the tokenizer split off a title: "Col. Ian Reed"
            continue
        tag = acronym_inside(view, i, lo, end) if w == ")" else None
        if tag is not None:
            inner, i = inner + i - tag + 1, tag - 1  # "the Sudan Liberation Army (SLA) faction of X"
            continue
        if is_punct(w) and w not in ("-", "&", "'", "’", "/") or view.words[i].isspace():
            break
        if l in ("'s", "’s"):
            i -= 1
            continue
        if l in NP_STOP and not (w.isupper() and len(w) > 1):
            if not stop_word_inside(view, i, lo, end):
                break
        elif (not is_cap(w) and l.endswith(("ed", "ing")) and l not in TITLE_WORDS and "-" not in l and len(l) > 3
              and not adjectival(view, i, lo)):
            break
        elif l in view.cue_forms and not is_cap(w) and l not in TITLE_WORDS and not cue_form_as_noun(view, i, lo, end):
            break  # "The IDF denies | reports that ...": a source holds no reporting verb
        i -= 1
    start = i + 1
    while start < end and (lower[start] in INNER_PREPS or lower[start] in ("and", "in", "at", "-", "'s", "’s")):
        start += 1
    if start < end - 1 and ":" in words[start] and words[start].replace(":", "").isdigit():
        start += 1  # a live-blog timestamp: "02:10 Rebel fighters say ...", "09:40 - The army said ..."
        while start < end - 1 and words[start] in LEAD_DASHES:
            start += 1
    if start >= end:
        return None
    if lower[end - 1] in DETERMINERS or lower[end - 1] in INNER_PREPS:
        return None
    return start, end


def cue_form_as_noun(view: View, i: int, lo: int, end: int) -> bool:
    """The cue form at ``i`` is a noun inside the phrase: the first word of a compound of
    ``cue_compounds`` ("think tank"), before another noun ("the claims commission"), after a
    determiner ("the talks", "its report"), or a claim noun right before the cue ("media reports
    said", "the report says")."""
    lower = view.lower
    if i + 1 < end and (f"{lower[i]} {lower[i + 1]}" in CUE_COMPOUNDS or (
            i + 2 < end and lower[i + 1] == "-" and f"{lower[i]}-{lower[i + 2]}" in CUE_COMPOUNDS)):
        return True  # "a Washington think tank"
    if lower[i] not in view.nominal:
        return False
    if i - 1 >= lo and lower[i - 1] == "of":
        return True  # "the head of state", "the secretary of state"
    if i + 1 < end and lower[i + 1] not in view.cue_forms:
        return True
    if i - 1 >= lo and (lower[i - 1] in DETERMINERS or lower[i - 1] in ("'s", "’s")):
        return True
    return i + 1 == end and lower[i] in CLAIM_NOUNS and end < view.n and lower[end] in view.cue_forms


CLOSE_TO = frozenset({"close", "loyal", "familiar", "allied", "linked", "tied"})
# The dashes after a live-blog time ("08:20 — ...", "09:40 - ...").
LEAD_DASHES = frozenset(("-", "–", "—", "--"))


def stop_word_inside(view: View, i: int, lo: int, end: int) -> bool:
    """A word that usually ends a noun phrase (``NP_STOP``) at ``i`` inside one after all."""
    words, lower, w, l = view.words, view.lower, view.words[i], view.lower[i]
    if l == "and":
        # "Iran and Syria", "Federal and state officials", "state and local leaders"
        return (i - 1 >= lo and is_cap(words[i - 1]) and i + 1 < end and is_cap(words[i + 1])) or premodifier_pair(
            view, i, lo, end)
    if l == "may":
        return w == "May" and i - 1 >= lo and is_cap(words[i - 1])  # "Prime Minister Theresa May"
    if l in ("in", "at"):
        return i + 1 < end and (is_cap(words[i + 1]) or lower[i + 1] == "the")
    if l == "to" and i - 1 >= lo and lower[i - 1] in TO_TITLES:
        return i + 1 < end  # "Rwanda's ambassador to the UN", "an adviser to the president"
    if l in ("to", "with"):  # "Those close to the general", "people familiar with the talks"
        return i - 1 > lo and lower[i - 1] in CLOSE_TO
    if l in ("him", "her", "them", "it"):  # "Those close to him", "officials familiar with it"
        return i - 2 > lo and lower[i - 1] in ("to", "with") and lower[i - 2] in CLOSE_TO
    # "the UN Panel of Experts on Yemen"
    return l == "on" and i - 1 >= lo and i + 1 < end and is_cap(words[i - 1]) and is_cap(words[i + 1]) and (
        lower[i + 1] not in DAYS and lower[i + 1] not in MONTHS)


def premodifier_pair(view: View, i: int, lo: int, end: int) -> bool:
    """The "and" at ``i`` joins two modifiers of one noun ("Federal and state officials", "local and
    foreign reporters"): one word before it that opens the phrase, two or more after it."""
    words = view.words
    if i - 1 < lo or end - (i + 1) < 2 or is_punct(words[i - 1]) or view.lower[i - 1] in NP_STOP:
        return False
    return i - 2 < lo or view.lower[i - 2] in DETERMINERS or is_punct(words[i - 2])


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
    if (prev in (",", "and", "but") and view.words[i].islower() and view.words[i + 1].islower()
            and view.lower[i + 1].endswith("s") and i + 2 < view.n and view.lower[i + 2] in view.cue_forms):
        return True  # a plural subject that opens its clause: "However, conflicting accounts | claim", "and fleeing residents said"
    return (prev == "-" and not view.spaces[i - 1]) or prev in ("many", "some", "several", "the", "other")


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
    return bool(head) and opens_clause(view, lo, head) and (
        all(is_cap(w) for w in view.words[appos[0]:appos[1]] if w not in ("'s", "’s")) or is_cap(view.words[head[0]]))


# Conjunctions that may open a clause before its subject: "But Jorge Nampula, ..., said".
LEADING_CONJUNCTIONS = frozenset(("but", "and", "yet", "so", "or"))


def opens_clause(view: View, lo: int, span: Tuple[int, int]) -> bool:
    """Does ``span`` open the clause that starts at ``lo``: right after a timestamp, dateline or
    label (:func:`skip_lead`), or after a conjunction there ("But | Jorge Nampula, ..., said")?"""
    start = skip_lead(view, lo, span[1])
    return span[0] == start or (span[0] == start + 1 and view.lower[start] in LEADING_CONJUNCTIONS)


def relative_insert(view: View, comma: int, lo: int) -> bool:
    """The clause before ``comma`` is a subject with a relative insert: "Turkey, which backs the
    rebels, | denied ..."."""
    seg = segment_start(view, comma, lo)
    if seg is None or view.lower[seg] not in ("which", "who"):
        return False
    head = np_before(view, seg - 1, lo)
    return bool(head) and opens_clause(view, lo, head)


INSERT_MAX = 25  # the longest insert between commas that still belongs to a source


def insert_kind(view: View, s: int, e: int) -> Optional[str]:
    """What the tokens ``s:e`` between commas after a source's name are, when they belong to the
    source as written (annotation guidelines: the source with its appositive): "noun" ("Jan
    Novak, | the army's spokesman |,"), "description" ("| a lawyer for the families |", "| one of
    the organizers |"), "age" ("| 61 |"), "party" ("| R-Ky. |"), "relative" ("| who chairs the
    panel |"); else None (a clause, a quotation, an anonymity insert, "who visited the base")."""
    words, lower = view.words, view.lower
    if s >= e or e - s > INSERT_MAX or any(words[k] in QUOTES or lower[k] in ANONYMITY_WORDS for k in range(s, e)):
        return None
    if e - s == 1 and words[s].isdigit() and len(words[s]) <= 3:
        return "age"
    if words[s][:1] in "DRI" and PARTY_TAG.fullmatch("".join(words[s:e])) and "-" in words[s]:
        return "party"
    if lower[s] in ("who", "which", "whose"):
        return "relative" if standing_relative(view, s, e) else None
    if any(lower[k] in view.cue_forms and not is_cap(words[k]) and not cue_form_as_noun(view, k, s, e) for k in range(s, e)):
        return None  # "| who said |"; but "| a Washington think tank |", "| a state body |" describe
    if np_before(view, e, s) == (s, e):
        return "noun"
    described = lower[s] in ("a", "an", "the", "now", "formerly") or lower[s] in TITLE_WORDS or (
        lower[s] == "one" and s + 1 < e and lower[s + 1] == "of")
    if described and not any(lower[k] in ("is", "are", "was", "were", "will", "would", "has", "have", "had")
                             for k in range(s, min(e, s + 3))):  # "| the rate has doubled |" is a clause
        return "description"
    if lower[s] == "of" and s + 1 < e and all(is_cap(w) for w in words[s + 1:e]):
        return "origin"  # "Ana Pires, | of Mariupol |, said"
    # "director of the Sahel Monitor and a former army officer": two descriptions
    # "Syria's only ally and its lifeline to the outside world": a second description by its owner
    both = next((k for k in range(s + 2, e - 1) if lower[k] == "and" and lower[k + 1] in ("a", "an", "the") + OWNERS), None)
    if both is not None and insert_kind(view, s, both) and (lower[both + 1] in OWNERS or insert_kind(view, both + 1, e)):
        return "description"
    return None


# Possessive determiners that open a second description after "and" ("... and its lifeline").
OWNERS = ("its", "his", "her", "their")


def standing_relative(view: View, s: int, e: int) -> bool:
    """A relative clause that says who the source is ("who chairs the panel", "who has four
    children", "which backs the rebels", "who served as envoy"), not what it did at one time
    ("who visited the base on Tuesday", "who spoke to reporters") nor what it said ("who has said")."""
    lower = view.lower
    if lower[s] == "whose":
        return True
    k = s + 1
    while k < e and lower[k] in ("also", "now", "previously", "formerly", "currently", "still", "once", "long"):
        k += 1
    if k >= e:
        return False
    verb = lower[k]
    role = (verb in BE or verb in ("has", "have", "had") or verb in ROLE_VERBS
            or (verb.endswith("s") and not verb.endswith("ss") and verb.isalpha() and len(verb) > 3))
    timed = any(s <= f < e for f, _, kind in view.frame_spans if kind == "time")
    return role and not timed and not any(lower[j] in view.cue_forms for j in range(k, e))


def appositive_source(view: View, comma: int, lo: int) -> Optional[Range]:
    """The source whose appositives end at ``comma`` (the comma before the cue), inserts and all:
    "Olena Marchenko, a spokeswoman for the governor, | said", "Sen. Ann Ruiz (D-N.M.), who chairs
    the panel, | said", "One resident, Samir Odeh, 52, | said". The name that opens the clause (or
    follows a quotation or colon) wins; else the nearest name after a comma; else None."""
    words = view.words
    fallback: Optional[Range] = None
    k = comma
    for _ in range(4):
        seg = segment_start(view, k, lo)
        if seg is None or insert_kind(view, seg, k) is None:
            break
        head = np_before(view, seg - 1, lo)
        if head is None:
            break
        if opens_clause(view, lo, head) or words[head[0] - 1] in QUOTES or words[head[0] - 1] == ":":
            return head[0], comma
        if words[head[0] - 1] != ",":
            before = segment_start(view, seg - 1, lo)  # "Ana Pires, | of Mariupol |, Ukraine, said"
            if before is None or insert_kind(view, before, seg - 1) != "origin":
                break
        fallback = fallback or (head[0], comma)
        k = seg - 1
    return fallback


def appositives_after(view: View, src: Range, hi: int) -> Range:
    """A source after its cue with the inserts between commas that follow it ("said Tom Rask,
    R-Ky., on Tuesday", "said Pavel Orlov, a lawyer for the families, after the hearing")."""
    words = view.words
    end = src[1]
    while end + 1 < hi and words[end] == ",":
        nxt = next((k for k in range(end + 1, hi) if words[k] in (",", ".", ";", ":") or words[k] in QUOTES), hi)
        if insert_kind(view, end + 1, nxt) is None:
            break
        end = nxt
    return src[0], end


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


# Dashes that open or close an insert: "Kall -- co-editor ... -- said", "08:20 — Rwanda's ambassador".
DASHES = ("--", "\u2014", "\u2013")


def is_dash(view: View, k: int) -> bool:
    """Is token ``k`` a dash: "--", an em or en dash, or a hyphen with a space on both sides?"""
    w = view.words[k]
    return w in DASHES or (w == "-" and k > 0 and bool(view.spaces[k]) and bool(view.spaces[k - 1]))


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
        if k < e and words[k] in LEAD_DASHES:
            k += 1  # "08:20 — Rwanda's ambassador ..."
        s = k
    for d in range(s, min(e, s + 8)):
        if is_dash(view, d) and (d > s or words[d] != "-"):
            head = [w for w in words[s:d] if not is_punct(w)]
            if head and all(is_cap(w) or w.isdigit() for w in head):
                s = d + 1
            break
    while s < e and (words[s] in TRIM or words[s].isspace()):
        s += 1
    if s + 1 < e and words[s + 1] == ":" and view.lower[s] in ("breaking", "update", "updated", "exclusive", "watch"):
        s += 2
    return s
