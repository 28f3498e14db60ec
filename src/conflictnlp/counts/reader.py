"""One count read as named steps, from a token that can start a quantity:

1. the quantity (:mod:`.quantity`): the figure, the approximators before it and a range, the
   approximator after it and a hyphen compound;
2. the counted noun (:mod:`.noun`), or the topic's before a bare figure (:mod:`.topic`), and where
   the span ends around it;
3. the kind (:mod:`.kind`): the noun, cues after and before, the count it details, a link;
4. the bounds (:mod:`.bounds`): value, low, high, estimate under the estimate policy;
5. the actor (:mod:`.actor`).

Every step takes what it needs as arguments and returns what it found; the count read before
(``previous``) is an argument, and the reader returns the end of the tokens it consumed.
"""

from __future__ import annotations

from typing import Any, Dict, List, NamedTuple, Optional, Tuple

from spacy.tokens import Doc

from .actor import find_actor
from .bounds import count_bounds
from .context import COLUMNS, DocContext
from .kind import Cue, Previous, bare_ok, cue_after, read_kind
from .noun import QUOTE_MARKS, NounPhrase, is_source, parse_noun, read_counted_noun
from .numbers import GROUP_SPACES
from .quantity import Quantity, candidates, ner_candidates, read_after, read_approximators, read_core
from .tables import CountTables
from .topic import topic_noun


class ReadOptions(NamedTuple):
    """The component's settings the reader uses."""

    policy: Dict[str, Any]
    use_parser: bool
    use_ner: bool


class Found(NamedTuple):
    """A count: its tokens ``start..end``, its Count fields, and the end of the tokens it read
    beyond the span (a partitive's whole: "four of the 25 crew members"; 0 when none)."""

    start: int
    end: int
    data: Dict[str, Any]
    consumed: int


def read_counts(tables: CountTables, options: ReadOptions, doc: Doc) -> List[Found]:
    """The counts of ``doc``, in order: one read from each token the pre-filter picks that no
    count before it has used; each read gets the count before it."""
    array = doc.to_array(COLUMNS)
    starts = candidates(tables, array)
    if options.use_ner and doc.has_annotation("ENT_IOB"):
        starts = ner_candidates(doc, starts)
    if not starts:
        return []
    ctx = DocContext(doc, tables, array)
    found: List[Found] = []
    used_until = 0
    previous: Optional[Previous] = None
    for i in starts:
        if i < used_until:
            continue
        count = read_count(tables, options, ctx, i, used_until, previous)
        if count is None:
            continue
        found.append(count)
        used_until = max(count.end, count.consumed)
        previous = Previous(count.start, count.data["kind"], count.end, count.data["actor"])
    return found


def read_count(
    tables: CountTables, options: ReadOptions, ctx: DocContext, i: int, floor: int, previous: Optional[Previous]
) -> Optional[Found]:
    """The count whose figure starts at token ``i`` (approximators not before ``floor``), or None."""
    quantity = read_quantity(tables, options, ctx, i, floor)
    if quantity is None:
        return None
    noun = read_counted_noun(tables, ctx, quantity)
    if noun is None:
        return None
    if options.use_parser and ctx.has_dep:
        noun = parse_noun(tables, ctx, quantity, noun)
    if noun.head is None and not noun.partitive and noun.echelon is None and quantity.compound is None:
        noun = topic_of_bare(tables, ctx, quantity, i, noun)
    placed = place_noun(tables, ctx, quantity, noun, previous)
    if placed is None:
        return None
    end, cue_from, consumed, own_cue = placed
    sentence = ctx.sentence(i)
    reading = read_kind(tables, ctx, quantity, noun, (end, cue_from, floor), sentence, own_cue, previous)
    if reading is None:
        return None
    figures, qualifier, echelon = count_bounds(
        quantity.qualifier, quantity.number, quantity.second, quantity.vague, noun.echelon, options.policy
    )
    actor = find_actor(tables, options, ctx, (quantity.start, reading.end), sentence, noun, reading, previous)
    data = count_fields(figures, qualifier, echelon, reading.kind, reading.unit, actor)
    end = reading.end - (ctx.words[reading.end - 1] in GROUP_SPACES)  # "300\u00a0" without its noun
    start, end = balance_quotes(ctx, quantity.start, end)
    return Found(start, end, data, consumed)


def balance_quotes(ctx: DocContext, start: int, end: int) -> Tuple[int, int]:
    """The span with the quotation mark that closes (or opens) one inside it: "100 'terrorists'",
    "'dozens' of soldiers", not "100 'terrorists" or "dozens' of soldiers"."""
    words = ctx.words
    if sum(w in QUOTE_MARKS for w in words[start:end]) % 2 == 0:
        return start, end
    if end < ctx.n and words[end] in QUOTE_MARKS and ctx.glued(end - 1):
        return start, end + 1
    if start > 0 and words[start - 1] in QUOTE_MARKS and ctx.glued(start - 1):
        return start - 1, end
    return start, end


def count_fields(figures: Dict[str, Any], qualifier: str, echelon: Optional[str], kind: str, unit: Optional[str],
                 actor: Optional[str]) -> Dict[str, Any]:
    """A count's fields (``schema.COUNT_FIELDS``) from its bounds (:func:`.bounds.count_bounds`)
    and its reading."""
    return {
        "value": figures["value"], "low": figures["low"], "high": figures["high"],
        "estimate": figures["estimate"], "qualifier": qualifier, "kind": kind, "unit": unit,
        "actor": actor, "echelon": echelon, "inferred": figures["inferred"],
    }


def read_quantity(
    tables: CountTables, options: ReadOptions, ctx: DocContext, i: int, floor: int
) -> Optional[Quantity]:
    """The figure at ``i`` with its approximators, range and hyphen compound."""
    quantity = read_core(tables, ctx, i, options.use_ner)
    if quantity is not None:
        quantity = read_approximators(tables, ctx, quantity, floor)
    if quantity is not None:
        quantity = read_after(tables, ctx, quantity)
    return quantity


def topic_of_bare(tables: CountTables, ctx: DocContext, quantity: Quantity, i: int, noun: NounPhrase) -> NounPhrase:
    """The topic's noun for a figure without one of its own that may be a count (:mod:`.topic`);
    else ``noun``."""
    if not bare_ok(tables, ctx, quantity.end, quantity) or quantity.article:
        return noun
    topic = topic_noun(tables, ctx, quantity, ctx.sentence(i))
    if topic is None:
        return noun
    topic.parsed = noun.parsed
    return topic


def place_noun(
    tables: CountTables, ctx: DocContext, quantity: Quantity, noun: NounPhrase, previous: Optional[Previous]
) -> Optional[Tuple[int, int, int, Optional[Cue]]]:
    """Where the span ends around its noun: (end, where the cues after the phrase are looked
    for, the end of the tokens consumed, the cue that starts at an elided participle). The cues
    are looked for after the noun, also when the span stops before it ("11 of its soldiers were
    killed" -> "11", "and 46 wounded" -> "46"). None for a phrase that is no count."""
    end = quantity.end
    if noun.topic:
        return end, end, 0, None  # "As for tanks, ... lost 40": the span is the figure
    own_cue = cue_after(tables, ctx, noun.head, ctx.n) if noun.elided else None
    if noun.elided and not continues_elision(ctx, quantity.start, previous) and not _multiword_at(own_cue, noun.head):
        noun.elided = False  # "received 142 wounded", "20 dead and 45 wounded": the word is the counted noun
    cue_from, consumed = end, 0
    if noun.head is not None or noun.partitive:
        cue_from = max(end, noun.end)
        consumed = cue_from if noun.partitive else 0
        if not noun.partitive and not noun.elided:
            end = noun.end
    if quantity.article and noun.echelon is None:
        return None
    if noun.head is not None and noun.kind == "troops" and is_source(ctx, noun.end):
        return None  # "two military officers said": the people who report, not a count
    return end, cue_from, consumed, own_cue


def continues_elision(ctx: DocContext, start: int, previous: Optional[Previous]) -> bool:
    """Does the figure follow "and"/","/"but"/"while" that do not close the count before it
    ("killed 12 and 46 wounded": the verb of "46 wounded" is elided)?"""
    words = ctx.words
    return (
        start > 0 and words[start - 1] in ("and", ",", "but", "while")
        and not (previous is not None and previous.end == start - 1)
    )


def _multiword_at(cue: Optional[Cue], head: Optional[int]) -> bool:
    """Is ``cue`` a cue of several words that starts at ``head`` ("wounded in action")?"""
    return cue is not None and cue["_start"] == head and cue["_end"] - cue["_start"] > 1
