"""An "as"-parenthetical of saying (issue 14, sixth pass): "As the general pointed out, the army has
no reserves", "The rebels, as one adviser pointed out, normally retreat in winter", "..., as police
have said". The "as" frame marks the report, so any verb of saying counts, also a weak one without
"that"; what was said is the clause it opens or interrupts. Also the inverted opening "Said the
commander: “...”", where the verb comes first."""

from __future__ import annotations

from typing import Optional

from .chunker import appositives_after, np_after, skip_lead
from .content import FRONTED_CONJUNCTIONS, content_after, content_before, fronted_clause, trim
from .grammar import PRONOUNS, QUOTES, SKIP_BEFORE_CUE
from .view import Range, Record, View, is_punct

# Words between the cue and the comma that closes the parenthetical: "pointed out | with a chart |,".
FRAME_WORDS = frozenset(("with", "in", "on", "at", "during", "last", "this", "earlier", "recently", "before", "after"))


def as_source(view: View, before: int, lo: int) -> Optional[Range]:
    """The source between "as" and its verb ("as | one observer | pointed out"), or None."""
    k = before - 1
    while k > lo and view.lower[k] != "as" and not is_punct(view.words[k]) and before - k <= 8:
        k -= 1
    if k < lo or view.lower[k] != "as" or k + 1 >= before:
        return None
    if view.lower[k + 1] in PRONOUNS and k + 2 == before:
        return k + 1, before
    src = np_after(view, k + 1, before)
    while src is not None and src[1] - 1 > src[0] and view.lower[src[1] - 1] in SKIP_BEFORE_CUE:
        src = (src[0], src[1] - 1)
    return src if src is not None and src[1] == before else None


def closing_comma(view: View, e: int, hi: int) -> Optional[int]:
    """The comma that closes an "as" parenthetical after its cue (past a short phrase: "pointed out
    with a side-by-side chart,"), or None; ``hi`` when the sentence ends there."""
    words = view.words
    if e < hi and words[e] != "," and view.lower[e] not in FRAME_WORDS and not is_punct(words[e]):
        return None
    for k in range(e, min(hi, e + 10)):
        if words[k] == ",":
            return k
        if is_punct(words[k]) and words[k] not in ("-", "'s", "’s"):
            return hi if all(is_punct(w) for w in words[k:hi]) else None
    return hi if e >= hi else None


def as_parenthetical(view: View, rec: Record, i: int, e: int, before: int, lo: int, hi: int) -> Optional[Record]:
    """The record of a verb of saying at ``i:e`` (its source ends at ``before``) set in an "as"
    parenthetical, or None when it stands in none."""
    src = as_source(view, before, lo)
    if src is None:
        return None
    as_at = src[0] - 1
    comma = closing_comma(view, e, hi)
    if comma is None:
        return None
    start = skip_lead(view, lo, as_at + 1)
    if as_at == start and comma < hi:
        content = content_after(view, comma + 1, hi)  # "As X pointed out, | the army has no reserves"
    elif as_at - 2 == start and view.words[as_at - 1] == "," and view.lower[start] in FRONTED_CONJUNCTIONS and comma < hi:
        # "If, as I've suggested, | the militia is short of shells |, the offensive will stall"
        after = content_after(view, comma + 1, hi)
        content = fronted_clause(view, *after) if after is not None else None
    elif as_at - 1 > lo and view.words[as_at - 1] == ",":
        content = content_before(view, as_at - 1, lo)  # "..., as police have said." / "X, as Y noted, ..."
        after = trim(view, comma + 1, hi) if comma < hi else None
        if content is not None and after is not None:
            rec.parts.append(after)
    else:
        return None
    if content is None:
        return None
    rec.source, rec.content = src, content
    return rec


def opening_inversion(view: View, rec: Record, i: int, e: int, lo: int, hi: int) -> Optional[Record]:
    """ "Said Colonel Marsh: “The town is ours.”", "Added the commander, “...”": a capitalized verb
    of saying that opens the sentence, its source right after it, then a colon or a comma and a
    quotation; None when the verb does not open the sentence so."""
    words = view.words
    if i != skip_lead(view, lo, e) or not words[i][:1].isupper():
        return None
    src = np_after(view, e, hi)
    if src is None or src[1] + 1 >= hi:
        return None
    src = appositives_after(view, src, hi) if words[src[1]] == "," and words[src[1] + 1] not in QUOTES else src
    k = src[1]
    if k + 1 >= hi or not (words[k] == ":" or (words[k] == "," and (k + 1) in view.open_at)):
        return None
    rec.source, rec.content = src, content_after(view, k, hi)
    return rec if rec.content else None
