"""The quantity of a count: where figures may start (the pre-filter), the figure itself, the
approximators before and after it, a range, and a hyphen compound ("50,000-strong")."""

from __future__ import annotations

from typing import Any, Dict, List, NamedTuple, Optional, Tuple

import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE

from ..doctools import lookup, member
from .context import DocContext
from .numbers import GROUP_SPACES, SCALES, lend_scale, parse_range_tokens
from .tables import (
    ARTICLES, BARE_CLOSERS, CURRENCY, GLUE_OK, MEASURES, MONTHS, PARTICLE_VERBS, PERCENT, REJECT_ENTS, CountTables, Phrases,
)

# The entity types of a trained NER that mark a figure (the candidates it adds to the pre-filter's).
NER_FIGURES = ("CARDINAL", "QUANTITY")


# A range in one token is read with the tokens after it, for a multiplier ("10–12 thousand").
RANGE_WINDOW = 6


class Quantity(NamedTuple):
    """A figure and the words that bound it, tokens ``start..end`` (``i``: where the figure starts,
    ``core_end``: where the figure, or the range, ends)."""

    i: int
    start: int
    core_end: int
    end: int
    number: Optional[float]  # None for a vague magnitude
    second: Optional[float]  # the upper figure of a range
    qualifier: str
    vague: Optional[Dict[str, Any]]  # the vague table's entry ("dozens")
    article: bool  # "a battalion": the figure is the article
    scale_word: bool  # the figure ends with a multiplier ("tens of thousands", "two million")
    compound: Optional[Dict[str, Any]]  # the noun entry of a hyphen compound ("-strong", "-man")


def candidates(tables: CountTables, array: Any) -> List[int]:
    """Positions of the tokens that can start a quantity (the pre-filter), in order:
    LIKE_NUM, a starter word, a figure's shape, or an article before a follower word."""
    lower = array[:, 0]
    where, known = lookup(lower, tables.word_ids)
    codes = numpy.where(known, tables.word_codes[where], 0)
    found = (array[:, 1] != 0) | (codes & 1 != 0) | member(array[:, 2], tables.shape_ids)
    if len(lower) > 1:
        found[:-1] |= (codes[:-1] & 2 != 0) & (codes[1:] & 4 != 0)
    return found.nonzero()[0].tolist()


def ner_candidates(doc: Any, starts: List[int]) -> List[int]:
    """With an NER: ``starts`` and the first token of each CARDINAL or QUANTITY entity that the
    pre-filter did not pick (a figure of a shape our tables lack), in order. Read from
    ``Doc.to_array`` (cheaper than ``doc.ents``, which makes a Span per entity)."""
    array = doc.to_array([ENT_IOB, ENT_TYPE])
    begins = array[:, 0] == 3
    if not begins.any():
        return starts
    types = array[:, 1]
    figure = numpy.zeros(len(types), dtype=bool)
    for label in NER_FIGURES:
        figure |= types == doc.vocab.strings.add(label)
    first = (begins & figure).nonzero()[0].tolist()
    picked = set(starts)
    extra = [i for i in first if i not in picked]
    return sorted(picked.union(extra)) if extra else starts


def plausible_start(tables: CountTables, ctx: DocContext, i: int) -> bool:
    """Rejections that look at what precedes the figure: money, models, dates, designators."""
    if i == 0:
        return True
    doc, words = ctx.doc, ctx.words
    prev = words[i - 1]
    if prev in CURRENCY or prev in MONTHS or prev in ("no.", "#", "number"):
        return False
    if not doc[i - 1].whitespace_ and prev not in GLUE_OK and not doc[i - 1].is_space:
        return False  # "$5bn", "F-16" split oddly, "A-50": glued to a word or a symbol
    if prev in tables.echelon_singular and doc[i - 1].text[:1].isupper():
        return False  # "Brigade 47"
    return True


def plausible_end(ctx: DocContext, end: int) -> bool:
    """Not a share, a date or a measure: "30 percent", "12 March", "30 km"."""
    if end >= ctx.n:
        return True
    nxt = ctx.words[end]
    return not (nxt in PERCENT or nxt in MONTHS or nxt in MEASURES)


def read_core(tables: CountTables, ctx: DocContext, i: int, use_ner: bool) -> Optional[Quantity]:
    """The figure at ``i``: a vague magnitude ("dozens"), "a"/"an" before an echelon ("a battalion")
    or a number; None when there is none or it lies in a date, money or similar entity."""
    if not plausible_start(tables, ctx, i):
        return None
    words = ctx.words
    vague, core_end = match_phrase(words, i, tables.vague)
    quantity = Quantity(i, i, core_end, core_end, None, None, "exact", vague, False, False, None)
    if vague is not None:
        return quantity
    if words[i] in ARTICLES and i + 1 < ctx.n and words[i + 1] in tables.echelons:
        return quantity._replace(number=1, core_end=i + 1, article=True)
    parsed = ctx.number_at(i)
    second, qualifier = None, "exact"
    if parsed is not None:
        number, core_end = parsed.value, i + parsed.length
    else:
        found = parse_range_tokens(words[i : i + RANGE_WINDOW], ctx.spaces(i, i + RANGE_WINDOW))
        if found is None or (year_span(found.low, found.high) and "," not in words[i]):
            return None  # "300–500", "10–12 thousand": a range in one token; "2014–2016": years
        number, second, core_end, qualifier = found.low, found.high, i + found.length, "range"
    last = words[core_end - 1]
    if use_ner and ctx.has_ner and ctx.doc[i].ent_type_ in REJECT_ENTS and SCALES.get(last, 0) < 1000 and not closer_entity(ctx, i, core_end) and not lone_date(ctx, i, core_end):
        return None  # a date or money; "three quarters of a million" tagged DATE is a figure
    return Quantity(i, i, core_end, core_end, number, second, qualifier, None, False, last in SCALES, None)


def closer_entity(ctx: DocContext, i: int, core_end: int) -> bool:
    """Is the figure at ``i`` in a date or time entity only because the NER ran a word of time after
    it into it ("rose to 31 overnight" as TIME)? The entity starts at the figure, and every word of it
    after the figure is a bare closer (``words.jsonl`` ``bare_closers``)."""
    doc = ctx.doc
    if doc[i].ent_iob_ != "B":
        return False
    k = core_end
    while k < ctx.n and doc[k].ent_iob_ == "I":
        if ctx.words[k] not in BARE_CLOSERS:
            return False
        k += 1
    return k > core_end


def lone_date(ctx: DocContext, i: int, core_end: int) -> bool:
    """Is the figure a date only to the NER: a DATE entity of one token of at most three digits ("they're
    up to 76" tagged DATE)? The blank path reads it as any figure (a cue or a topic must still make
    it a count); a year, a day of a month and a decade are entities of their own shape."""
    token = ctx.doc[i]
    return (
        core_end == i + 1 and token.ent_type_ == "DATE" and token.ent_iob_ == "B" and token.text.isdigit()
        and len(token.text) <= 3 and (i + 1 >= ctx.n or ctx.doc[i + 1].ent_iob_ != "I")
        and not (i > 0 and ctx.words[i - 1] in MONTHS) and not (i + 1 < ctx.n and ctx.words[i + 1] in MONTHS)
    )


def read_approximators(tables: CountTables, ctx: DocContext, quantity: Quantity, floor: int) -> Optional[Quantity]:
    """The approximator before the figure ("nearly", "more than", "between") and a range
    ("3,000 to 5,000", "10-12 thousand"); None for a figure that is not a whole positive number."""
    words, i = ctx.words, quantity.i
    before, before_len = match_before(tables, words, i, floor)
    if before is not None:
        quantity = quantity._replace(qualifier=before, start=i - before_len)
    if quantity.second is not None:
        quantity = quantity._replace(qualifier="range")  # "about 300–500": the range says more
    elif quantity.number is not None and not quantity.article:
        found = read_range(ctx, quantity.core_end, quantity.number, quantity.qualifier == "range")
        if found is not None:
            number, second, core_end = found
            quantity = quantity._replace(number=number, second=second, core_end=core_end, qualifier="range")
    if quantity.qualifier == "range" and quantity.second is None:
        if words[quantity.start] == "between":
            return None  # "between 2022 and ..." without a second figure: not a range we read
        quantity = quantity._replace(qualifier="exact", start=i)  # "fled from 300 ...": "from" opened no range
    for figure in (quantity.number, quantity.second):
        if figure is not None and not whole_positive(figure):
            return None
    return quantity


def read_after(tables: CountTables, ctx: DocContext, quantity: Quantity) -> Optional[Quantity]:
    """The approximator after the figure ("or more", "-plus") and a hyphen compound
    ("50,000-strong", "a 3,000-man force"); None for a measure ("600-mile", "19-year-old")."""
    words, end = ctx.words, skip_space(ctx, quantity.core_end)
    qualifier = quantity.qualifier
    after, after_len = match_after(tables, ctx, end)
    if after is not None and qualifier in ("exact", "approx"):
        qualifier, end = after, end + after_len
    if not plausible_end(ctx, end):
        return None
    compound = None
    if end + 1 < ctx.n and words[end] == "-" and ctx.glued(end - 1) and ctx.glued(end):
        follower = words[end + 1]
        if follower not in tables.compounds:
            return None  # "19-year-old", "600-mile", "30-minute"
        compound = tables.nouns[follower]
        end += 2
    return quantity._replace(qualifier=qualifier, end=end, compound=compound)


def match_phrase(words: List[str], i: int, table: Phrases) -> Tuple[Optional[Any], int]:
    """The longest phrase of ``table`` (up to five words) starting at ``i``, and where it ends."""
    for length in (5, 4, 3, 2, 1):
        key = tuple(words[i : i + length])
        if len(key) == length and key in table:
            return table[key], i + length
    return None, i


def match_before(tables: CountTables, words: List[str], i: int, floor: int) -> Tuple[Optional[str], int]:
    """The qualifier of the longest approximator ending just before ``i`` (not before ``floor``),
    also across a no-break space ("about\u00a0300"), and how many tokens it takes."""
    table = tables.approx_before
    space = int(i - 1 > floor and words[i - 1] in GROUP_SPACES)
    i -= space
    for length in range(min(tables.max_approx, i - floor), 0, -1):
        key = tuple(words[i - length : i])
        if key in table:
            if key == ("over",) and i - 2 >= floor and words[i - 2] in PARTICLE_VERBS:
                return None, 0  # "handed over 150 prisoners": a phrasal verb, not "more than"
            return table[key], length + space
    return None, 0


def match_after(tables: CountTables, ctx: DocContext, end: int) -> Tuple[Optional[str], int]:
    """The qualifier of an approximator right after the figure ("or more", "-plus")."""
    words = ctx.words
    for length in (2, 1):
        key = tuple(words[end : end + length])
        if len(key) == length and key in tables.approx_after:
            if key[0] == "-" and not (ctx.glued(end - 1) and ctx.glued(end)):
                continue
            return tables.approx_after[key], length
    return None, 0


def read_range(ctx: DocContext, j: int, first: float, between: bool) -> Optional[Tuple[float, float, int]]:
    """A second figure after ``j`` ("to", "or", "-", "and" after "between"; no-break spaces
    around the word count as spaces): (low, high, end)."""
    words, n = ctx.words, ctx.n
    j = skip_space(ctx, j)
    if j + 1 >= n:
        return None
    conn = words[j]
    if conn in ("-", "–", "—"):
        if not (ctx.glued(j - 1) and ctx.glued(j)) and conn == "-":
            return None
    elif conn == "and":
        if not between:
            return None
    elif conn not in ("to", "or"):
        return None
    k = skip_space(ctx, j + 1)  # where the second figure starts
    parsed = ctx.number_at(k)
    if parsed is None:
        return None
    second, end = parsed.value, k + parsed.length
    first = lend_scale(first, parsed, words[end - 1] in SCALES)
    if not first < second:
        return None
    if conn in ("-", "–", "—") and k == j + 1 and ctx.glued(j) and year_span(first, second) and (
        "," not in words[j - 1] + words[k]
    ):
        return None  # "2014-2016": years
    if conn == "or" and end < n and words[end] in ("more", "so"):
        return None
    return first, second, end


def year_span(first: float, second: float) -> bool:
    """Two years joined by a dash ("2014–2016", "1992-1995"): a period, not a range of a count."""
    return 1900 <= first < second <= 2100


def skip_space(ctx: DocContext, j: int) -> int:
    """Past a no-break or thin space token at ``j`` ("300\u00a0troops": the noun is after it)."""
    return j + 1 if j + 1 < ctx.n and ctx.words[j] in GROUP_SPACES else j


def whole_positive(value: float) -> bool:
    return value >= 1 and abs(value - round(value)) < 1e-6 and value < 10**12
