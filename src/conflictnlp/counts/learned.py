"""The counts the trained layer adds: each candidate span of :mod:`conflictnlp.tagging` that
no count of the rules overlaps is read by the reader's own steps (:mod:`.reader`). The figure
is the first token of the span where :func:`.reader.read_quantity` reads one; the whole reader
(noun, kind, bounds, actor) then runs from it, and its count is the reader's. Where the
reader gives up (a counted noun its tables lack, "14 zorblats"), the candidate is a count of the layer's kind with the figure's value, bounds and qualifier
(:func:`.bounds.count_bounds`), if a word that can be a noun follows the figure inside it ("14
zorblats", not "9,000", "155mm" or "183 were") or the figure is vague ("hundreds of thousands"); other candidates are dropped."""

from __future__ import annotations

from typing import List, Optional, Sequence

from spacy.tokens import Doc

from ..tagging import Tagged
from .bounds import count_bounds
from .context import COLUMNS, DocContext
from .quantity import plausible_end
from .reader import Found, ReadOptions, count_fields, read_count, read_quantity
from .tables import CountTables


def tagged_counts(tables: CountTables, options: ReadOptions, doc: Doc, found: Sequence[Found],
                  tagged: Sequence[Tagged]) -> List[Found]:
    """The rules' counts ``found`` and those the candidates ``tagged`` add, in text order."""
    taken = [(c.start, c.end) for c in found]
    fresh = [t for t in tagged if not any(t.start < end and start < t.end for start, end in taken)]
    if not fresh:
        return list(found)
    ctx = DocContext(doc, tables, doc.to_array(COLUMNS))
    added: List[Found] = []
    for cand in fresh:
        count = read_candidate(tables, options, ctx, cand)
        if count is not None and not any(count.start < end and start < count.end for start, end in taken):
            added.append(count)
            taken.append((count.start, count.end))
    return sorted(list(found) + added, key=lambda c: (c.start, c.end))


def read_candidate(tables: CountTables, options: ReadOptions, ctx: DocContext, cand: Tagged) -> Optional[Found]:
    """The count the rules read from candidate ``cand``, or its fallback; None without a figure,
    and (fallback only) without a word after a figure that is not vague ("9,000", "155mm")."""
    floor = ctx.sentence(cand.start)[0]  # "fewer than" before the candidate's figure is its own
    for i in range(cand.start, cand.end):
        quantity = read_quantity(tables, options, ctx, i, floor)
        if quantity is None:
            continue
        count = read_count(tables, options, ctx, i, floor, None)
        if count is not None:
            return count
        if quantity.vague is None and not names_a_noun(ctx, quantity.end, cand.end):
            return None
        figures, qualifier, echelon = count_bounds(
            quantity.qualifier, quantity.number, quantity.second, quantity.vague, None, options.policy
        )
        data = count_fields(figures, qualifier, echelon, cand.label, None, None)
        return Found(min(quantity.start, cand.start), max(quantity.end, cand.end), data, 0)
    return None


def names_a_noun(ctx: DocContext, end: int, cand_end: int) -> bool:
    """Does the candidate go on after its figure (ending at ``end``) with a word that can be the
    counted noun: not a measure, date or share ("155mm", "30 km"), not a function word ("183
    were")?"""
    return end < cand_end and plausible_end(ctx, end) and ctx.words[end].isalpha() and not ctx.doc[end].is_stop
