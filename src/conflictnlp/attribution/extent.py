"""The whole reporting expression: a verb cue with its verb group.

The contract's cue is "the reporting expression". Once a sentence's records are complete
(source, content, channel and time found from the bare verb), each verb cue takes in, as long as
it stays contiguous and touches no other part:

- before it, the auxiliaries, modals, negation and adverbs of its verb group ("has said",
  "is saying", "did not deny", "have also questioned", "once again warned", "angrily denied";
  ``words.jsonl`` ``verb_group``, and -ly adverbs);
- after it, a particle or preposition the verb governs (the cue entry's ``particles``: "spoke
  of", "asked about", "complained about", "responded to"), which then leaves the content, with
  an -ly adverb between them ("spoke emotionally of");
- a colon right after it ("said:", "continued:").

The source, the addressee or channel ("told reporters": the medium stays ``reporters``), a time
("X on Friday said"), the content and another record's cue are never taken in.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Set

from .content import trim
from .cues import catenative_before, manner_adverb
from .view import Range, Record, View
from .words import NOMINAL_CUES, VERB_GROUP

# Cue kinds that are a verb with its group (a phrase cue, "according to", is whole already; the
# participle of "it was reported" and the raising "are said to" keep their guideline spans).
VERB_KINDS = ("verb",)


def taken(records: List[Record], rec: Record, view: View) -> Set[int]:
    """The tokens a cue may not take in: every part of every record but ``rec``'s cue, and the
    sentence's time and channel phrases."""
    out: Set[int] = set()
    for other in records:
        parts = [other.source, other.content, other.medium, other.time] + list(other.via) + list(other.parts)
        if other is not rec:
            parts.append(other.cue)
        for p in parts:
            if p is not None:
                out.update(range(p[0], p[1]))
    for s, e, _ in view.frame_spans:
        out.update(range(s, e))
    return out


def group_word(view: View, k: int, lo: int) -> bool:
    """A word of a verb group before its verb: an auxiliary, a modal, a negation or an adverb
    ("has", "did", "n't", "also", "once again", "angrily"), not a noun in -ly ("the assembly")."""
    return view.lower[k] in VERB_GROUP or manner_adverb(view, k, lo)


def extend_before(view: View, cue: Range, lo: int, blocked: Set[int]) -> int:
    """Where the verb group of the cue at ``cue`` starts."""
    k = cue[0] - 1
    while k >= lo and k not in blocked:
        if group_word(view, k, lo) or (view.words[k].isspace() and "\n" not in view.words[k] and k - 1 >= lo
                                       and k - 1 not in blocked and group_word(view, k - 1, lo)):
            k -= 1  # a no-break space inside the group: "has\xa0acknowledged"
            continue
        c = catenative_before(view, k + 1, lo)  # "continued to | call for", "went on to | say"
        if c > k or any(j in blocked for j in range(c, k + 1)):
            break
        k = c - 1
    return k + 1


def extend_cue(view: View, rec: Record, entry: Optional[dict], lo: int, hi: int, blocked: Set[int]) -> None:
    """Widen ``rec.cue`` to its verb group, governed particle and colon (see the module)."""
    s, e = rec.cue
    s = extend_before(view, (s, e), lo, blocked)
    particles = entry.get("particles", ()) if entry else ()
    if (e + 2 < hi and e not in blocked and manner_adverb(view, e, s) and view.lower[e + 1] in particles
            and rec.content is not None and rec.content[0] > e + 1):
        e += 1  # "spoke emotionally | of the siege": the adverb before the particle
    if e + 1 < hi and view.lower[e] in particles and not view.words[e + 1] in (".", ",", ";"):
        if rec.content is not None and rec.content[0] == e:
            # "spoke of | a betrayal": the preposition is the cue's, what it governs the content
            rest = trim(view, e + 1, rec.content[1])
            if rest is not None:
                rec.content = rest
                e += 1
        elif e not in blocked:
            e += 1
    if e < hi and view.words[e] == ":" and e not in blocked:
        e += 1
    rec.cue = (s, e)


def extend_cues(view: View, records: List[Record], forms: Dict[str, dict], lo: int, hi: int) -> None:
    """Every verb cue of a sentence's ``records`` with its whole reporting expression."""
    for rec in records:
        if rec.kind not in VERB_KINDS:
            continue
        s, e = rec.cue
        form = view.lower[s] if e - s == 1 else " ".join(view.lower[s:e])
        if form in NOMINAL_CUES:
            continue  # "Pakistan's claim that": a noun, no verb group
        extend_cue(view, rec, forms.get(form), lo, hi, taken(records, rec, view))
