"""A figure without a noun of its own whose counted noun is the topic of its sentence: "As for
tanks, the brigade has lost about 40", "In terms of battalions we see in the area, they're up to
30", "Asked how many soldiers had died, the colonel said 14".

A phrase of ``words.jsonl`` ``topic_openers`` names the noun; a comma closes the topic before the
figure, and no other figure stands between them. The noun is read by :func:`.noun.read_noun` where
the topic names it, so it gives the kind, unit, echelon and actor as if it followed the figure;
a cue inside the topic ("soldiers had died") gives the kind of a noun of people. The span stays
the figure (:func:`.reader.place_noun`)."""

from __future__ import annotations

from typing import Optional, Tuple

from .context import DocContext
from .kind import cue_after
from .noun import _COUNTED, NounPhrase, read_noun
from .quantity import Quantity
from .tables import TOPIC_OPENERS, CountTables

_LONGEST = max(len(phrase) for phrase in TOPIC_OPENERS)
_FIRST_WORDS = frozenset(phrase[0] for phrase in TOPIC_OPENERS)
_NOUN_WITHIN = 4  # words between the opener and where the noun's phrase starts ("the total number of")


def topic_noun(tables: CountTables, ctx: DocContext, quantity: Quantity, sentence: Tuple[int, int]) -> Optional[NounPhrase]:
    """The counted noun of the topic before the bare figure ``quantity`` in ``sentence``, or None."""
    words = ctx.words
    start = None
    for p in range(quantity.start - 1, sentence[0] - 1, -1):
        w = words[p]
        if w[:1].isdigit():
            return None  # a figure between the topic and this one counts the topic, if anything does
        size = opener_at(words, p) if w in _FIRST_WORDS else 0
        if size:
            start = p + size
            break
    if start is None:
        return None
    comma = next((q for q in range(start, quantity.start) if words[q] == ","), None)
    if comma is None:
        return None
    for k in range(start, min(comma, start + _NOUN_WITHIN)):
        noun = read_noun(tables, ctx, k, allow_of=True, article=False)
        if noun.head is None or noun.end > comma or noun.designator:
            continue
        if noun.echelon is None and noun.kind not in _COUNTED:
            return None
        cue = cue_after(tables, ctx, noun.end, comma) if noun.echelon is None else None
        if cue is not None and cue.get("kind") and noun.adjective_kind is None and not noun.adjective_head:
            noun.adjective_kind = cue["kind"]  # "asked how many soldiers had died, ... 14"
        noun.partitive = noun.elided = False
        noun.topic = True
        return noun
    return None


def opener_at(words, p: int) -> int:
    """The length of the longest topic opener that starts at ``p`` ("in terms of" -> 3), else 0."""
    return next((size for size in range(_LONGEST, 0, -1) if tuple(words[p : p + size]) in TOPIC_OPENERS), 0)
