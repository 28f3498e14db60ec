"""The kind of a count (troops, killed, wounded, ...): from its noun, from cue words after and
before it ("300 soldiers were killed", "killed at least 30"), from the count it details ("including
19 people"), or from a noun earlier in the sentence that a link ties it to ("Chadian fighters,
estimated at over 10,000")."""

from __future__ import annotations

import re
from typing import Any, Dict, List, NamedTuple, Optional, Tuple

from ..schema import KINDS
from .context import DocContext
from .noun import NounPhrase, unknown_modifier
from .quantity import Quantity
from .tables import (
    ACTOR_HEADS, AFTER_SKIP, ARTICLES, SIZED_NOUNS, BARE_CLOSERS, HARM_REASONS, ASIDE_OPENERS, BEFORE_SKIP, DETERMINERS, POSSESSIVES, MONTHS, ORIGINS, TOLL_BREAKS, TOLL_LINKS, TOLL_NOUNS, VIOLENCE_VERBS, CountTables,
)

# Marks of words left out of a quote, skipped between two coordinated counts ("12 soldiers [...] and 3 civilians").
ELISIONS = frozenset({"[", "]", "...", "…", "[...]", "[…]"})
Cue = Dict[str, Any]  # a cues.jsonl entry with "_start"/"_end" (and "_nominal" after the figure)
# The kinds a size in units can have ("three brigades were killed" is not "displaced").
UNIT_KINDS = tuple(kind for kind in KINDS if kind not in ("displaced", "equipment"))
# The kinds that let a noun only the parse gives count ("killed two herders", not "seized three towns").
LOOSE_KINDS = ("killed", "wounded")
# The words of BEFORE_SKIP that a cue does not reach across to a noun in no table ("killed at 2 checkpoints").
LOOSE_BREAKS = frozenset({"in", "at", "to", "of", "with", "since"})


# Nouns that name people by a status (refugees, hostages, the missing) and the kinds that can befall them.
STATUS_KINDS = ("displaced", "captured", "missing")
LIST_JOINS = (",", "and", "or")
# Words after an object that close it ("killed a commander and 17 civilians in Gaza").
OBJECT_ENDS = frozenset({
    "in", "on", "at", "near", "from", "of", "and", "or", "including", "during", "as", "after", "before",
    "with", "while", "when", "across", "inside", "outside", "around", "since", "overnight", "yesterday",
    "today", "this", "last", "on", "into", "along", "among", "who", "whom", "aged",
})
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
HARM_KINDS = ("killed", "wounded", "casualties")


class Previous(NamedTuple):
    """The count read just before, for a figure that details or continues it."""

    start: int
    kind: str
    end: int
    actor: Optional[str]


class KindReading(NamedTuple):
    """What the kind step found: the kind and unit, the actor of a linked noun, the phrase's end
    (a nominal cue may extend it: "300 casualties" read as "300" + "casualties") and the cue before."""

    kind: str
    unit: Optional[str]
    link_actor: Optional[str]
    end: int
    before_cue: Optional[Cue]


def read_kind(
    tables: CountTables,
    ctx: DocContext,
    quantity: Quantity,
    noun: NounPhrase,
    span: Tuple[int, int, int],
    sentence: Tuple[int, int],
    own_cue: Optional[Cue],
    previous: Optional[Previous],
) -> Optional[KindReading]:
    """The kind of the count ``quantity.start..end`` in ``sentence`` (start, end); ``span``: end,
    where the cues after it are looked for, the floor for the cues before it. None when nothing
    gives one."""
    end, cue_from, floor = span
    sent_start, sent_end = sentence
    before_cue = cue_before(tables, ctx, quantity.start, max(floor, sent_start))
    if before_cue is None or before_cue.get("kind") is None:
        before_cue = cue_far(tables, ctx, quantity.start, max(floor, sent_start)) or before_cue
    if before_cue is not None and before_cue.get("_bare_only") and noun.head is not None:
        before_cue = None  # "the deaths occurred at 12 checkpoints": a noun of harm is a toll of a bare figure only
    if before_cue is not None and before_cue.get("_across") and not object_ends(ctx, cue_from):
        before_cue = None  # "killed the mayor and 300 troops withdrew": a clause of its own
    if before_cue is not None and noun.loose and any(w in LOOSE_BREAKS for w in ctx.words[before_cue["_end"] : quantity.start]):
        before_cue = None  # "wounded in 2 ambushes": a noun in no table is the verb's object, not a place or means
    after_cue = cue_after(tables, ctx, cue_from, sent_end)
    if after_cue is not None and acts_on_object(tables, ctx, after_cue, sent_end):
        after_cue = None  # "5 soldiers killed 60 insurgents": the phrase is the verb's subject, not its object
    if after_cue is not None and ctx.words[after_cue["_start"]] == "strong" and not force_strength(tables, ctx, quantity, sent_start):
        after_cue = None  # "crowds 15,000 strong", "only one strong conservative": no force
    civilians = civilian(noun)
    if after_cue is not None and after_cue.get("civil") and not civilians:
        after_cue = None  # "200 soldiers left the town": a move of troops
    if before_cue is not None and before_cue.get("civil") and not civilians:
        before_cue = None  # "a base housing 3,000 troops"
    if not any(c is not None and c.get("kind") for c in (before_cue, after_cue)):
        before_cue = cue_among(tables, ctx, quantity.start, max(floor, sent_start)) or before_cue
    if not all(cared_for_harm(ctx, c, cue_from, sent_end) for c in (before_cue, after_cue)):
        return None  # "treated 70 children for diarrhoea": care, not a count of the wounded
    cue_kind = (after_cue.get("kind") if after_cue else None) or (before_cue.get("kind") if before_cue else None)
    link_actor = None
    if quantity.compound is not None or noun.echelon is not None or noun.elided or noun.head is not None:
        kind, unit = kind_of_noun(tables, ctx, quantity, noun, cue_kind, own_cue, (sent_start, sent_end), previous)
    else:
        # A figure without a counted noun: only with a cue, and never before another noun.
        if not bare_ok(tables, ctx, end, quantity):
            return None
        acting = any(c is not None and c.get("kind") is None and c.get("subject") is not True for c in (after_cue, before_cue))
        if cue_kind is None and acting and previous is not None and previous.kind == "equipment":
            cue_kind = "equipment" if quantity.start - previous.end <= 40 else None  # "40 drones ... Nine were shot down"
        bare = kind_of_bare(tables, ctx, quantity, noun, cue_kind, (sent_start, sent_end), previous)
        if bare is None:
            return None
        kind, unit, link_actor = bare
        if after_cue is not None and after_cue.get("_nominal") and end == after_cue["_start"]:
            end = after_cue["_end"]
    if kind is None or kind not in KINDS:
        return None
    return KindReading(kind, unit, link_actor, end, before_cue)


def civilian(noun: NounPhrase) -> bool:
    """Does the count name people who are no force (a counted noun of kind ``person``: people,
    residents, families)? Only they take the kind of a cue of civilians' fate (``civil``: "left the
    town", "housing"); "200 soldiers left the town" is a move of troops."""
    return noun.head is not None and noun.kind == "person" and not noun.loose and noun.echelon is None


# The verbs between "among the dead" and the figure it introduces ("Among the dead were four children").
AMONG_VERBS = frozenset(("were", "are", "was", "is", "included", "include", "includes"))
# How far back "among the ..." may stand from its verb (tokens): "Among the dead brought to the hospital were".
AMONG_REACH = 10


def cue_among(tables: CountTables, ctx: DocContext, start: int, floor: int) -> Optional[Cue]:
    """The group a figure is part of, named before it: "Among the dead were four children", "among
    the wounded brought to the hospital are 14 children" (a verb of ``AMONG_VERBS`` just before the
    figure, "among the/its/their" and a noun of a kind up to ten words before it), "Of the dead, 183
    were fighters" ("of the" and the noun opening the sentence, a comma before the figure). The
    noun's kind is the cue's: killed, wounded, casualties, captured, missing, displaced."""
    words = ctx.words
    p = start - 1
    if p - 3 < floor:
        return None
    if words[p] == "," and words[p - 2] in ("the", "its", "their") and words[p - 3] == "of" and p - 3 == floor:
        kind = _group_kind(tables, words[p - 1])
        return {"kind": kind, "_start": p - 3, "_end": p} if kind else None
    if words[p] not in AMONG_VERBS:
        return None
    for q in range(p - 3, max(floor, p - AMONG_REACH) - 1, -1):
        if words[q] == "among" and words[q + 1] in ("the", "its", "their"):
            kind = _group_kind(tables, words[q + 2])
            return {"kind": kind, "_start": q, "_end": q + 3} if kind else None
    return None


def _group_kind(tables: CountTables, word: str) -> Optional[str]:
    """The kind a group noun names ("dead", "wounded", "detainees", "casualties"), or None."""
    kind = tables.nouns.get(word, {}).get("kind")
    return kind if kind in KINDS and kind not in ("troops", "equipment") else None


def force_strength(tables: CountTables, ctx: DocContext, quantity: Quantity, sent_start: int) -> bool:
    """ "The government's forces, perhaps 40,000 strong": a figure of a hundred or more before "strong"
    after a noun of troops or a force (``sized_nouns``) at most eight words back in its sentence."""
    if quantity.number is None or quantity.number < 100:
        return False
    words = ctx.words
    return any(words[k] in SIZED_NOUNS or tables.nouns.get(words[k], {}).get("kind") == "troops"
               for k in range(max(sent_start, quantity.start - 8), quantity.start))


def acts_on_object(tables: CountTables, ctx: DocContext, cue: Cue, limit: int) -> bool:
    """Is a one-word cue after the phrase a verb in the active with an object after it ("three
    gunmen killed 12 villagers", "two drones wounded a guard")? Then the phrase did it. A verb of
    ``object_verbs`` only, before a figure, an article, a determiner or a vague magnitude; not
    "were killed", "killed in", "killed Sunday"."""
    start, end = cue["_start"], cue["_end"]
    words = ctx.words
    if end - start != 1 or words[start] not in tables.object_verbs or end >= limit:
        return False
    if start > 0 and words[start - 1] in AFTER_SKIP:
        return False  # "were killed", "have been wounded"
    nxt = words[end]
    return (ctx.doc[end].like_num or nxt in ARTICLES or (nxt,) in tables.vague
            or nxt in DETERMINERS and nxt not in ("which", "whom", "them"))


def cared_for_harm(ctx: DocContext, cue: Optional[Cue], after: int, limit: int) -> bool:
    """A verb of care (a cue with ``care``) counts the wounded only when what it treats is harm:
    the words after its "for" (after the cue that ends with it, "were treated for", or within two
    words after the counted phrase, "treated 40 people for") hold a word of ``harm_reasons``; with no
    "for", it counts ("treated 26 people in clashes"). Any other cue: True."""
    if cue is None or not cue.get("care"):
        return True
    words = ctx.words
    if words[cue["_end"] - 1] == "for":
        k = cue["_end"]
    else:
        k = next((q + 1 for q in range(after, min(limit, after + 3)) if words[q] == "for"), None)
        if k is None:
            return True
    return any(w in HARM_REASONS for w in words[k : min(limit, k + 4)])


def kind_of_noun(
    tables: CountTables,
    ctx: DocContext,
    quantity: Quantity,
    noun: NounPhrase,
    cue_kind: Optional[str],
    own_cue: Optional[Cue],
    sentence: Tuple[int, int],
    previous: Optional[Previous],
) -> Tuple[Optional[str], Optional[str]]:
    """(kind, unit) of a count with a counted noun, a size in units or a hyphen compound."""
    compound = quantity.compound
    if compound is not None:
        return "troops", noun.unit if compound["lemma"] == "strong" else compound["lemma"]
    if noun.echelon is not None:
        kind = cue_kind or "troops"
        return (kind if kind in UNIT_KINDS else "troops"), noun.unit
    if noun.elided:
        return elided_kind(tables, ctx, noun, own_cue, sentence[1]), None
    if noun.kind in STATUS_KINDS and cue_kind in HARM_KINDS:
        return cue_kind, noun.unit  # "18 refugees drowned", "executed 7 prisoners": the cue says what befell them
    if noun.kind not in ("troops", "person"):
        return noun.kind, noun.unit
    kind = noun.adjective_kind or cue_kind or list_cue_kind(tables, ctx, noun.end, sentence[1])
    kind = kind or inherited(ctx, quantity.start, sentence[0], previous)
    if kind is None and noun.parsed:
        kind = governing_kind(tables, ctx, noun.head_index, civil_ok=civilian(noun))
    if noun.loose and kind not in LOOSE_KINDS:
        return None, noun.unit  # "attacked three villages": a noun only the parse gives counts the dead and wounded
    if kind == "casualties" and noun.adjective_kind is None and wounded_next(tables, ctx, noun.end, sentence[1]):
        kind = "killed"  # "lost four fighters and 20 others were wounded": the losses are the dead
    if kind is None and noun.kind == "troops" and not (noun.partitive and quantity.number == 1):
        kind = "troops"  # but "one of the soldiers" with no cue counts nothing
    return kind, noun.unit


def elided_kind(tables: CountTables, ctx: DocContext, noun: NounPhrase, own_cue: Optional[Cue], sent_end: int) -> Optional[str]:
    """ "killed and 46 wounded": the participle is the elided verb; a cue of its own that starts at
    it ("46 missing in action") gives the kind. ``own_cue`` is the cue read from it to the end of
    the Doc: it is the sentence's own unless it starts elsewhere or runs past the sentence."""
    kind = noun.kind
    if own_cue is None or own_cue["_start"] != noun.head:
        return kind  # nothing starts at the word, in the sentence either
    if own_cue["_end"] > sent_end:
        own_cue = cue_after(tables, ctx, noun.head, sent_end)
    if own_cue is not None and own_cue.get("kind") and own_cue["_start"] == noun.head:
        kind = own_cue["kind"]
    return kind


def kind_of_bare(
    tables: CountTables,
    ctx: DocContext,
    quantity: Quantity,
    noun: NounPhrase,
    cue_kind: Optional[str],
    sentence: Tuple[int, int],
    previous: Optional[Previous],
) -> Optional[Tuple[Optional[str], Optional[str], Optional[str]]]:
    """(kind, unit, actor) of a figure without a counted noun: a cue's kind, the kind of the count
    it details ("50 hostages, around 20 of whom"), or a linked noun's; None without any."""
    sent_start, sent_end = sentence
    if cue_kind is None and noun.partitive:
        cue_kind = inherited(ctx, quantity.start, sent_start, previous, partitive=True)
    if cue_kind is None and more_of_previous(ctx, quantity.end, sent_start, previous):
        return previous.kind, None, previous.actor  # "20 soldiers were killed on Monday and 40 more on Tuesday"
    if cue_kind is None and compared_to_previous(ctx, quantity.start, sent_start, previous):
        return previous.kind, None, previous.actor  # "about 4,000 soldiers in Mozambique, up from 1,000"
    if cue_kind is not None:
        return cue_kind, None, None
    return link(tables, ctx, quantity.start, sent_start) or toll_after(tables, ctx, (quantity.start, quantity.end), sent_end)


def more_of_previous(ctx: DocContext, end: int, sent_start: int, previous: Optional["Previous"]) -> bool:
    """Is the figure "N more" after a count earlier in its sentence, with no cue of its own? It
    counts more of the same ("killed 20 soldiers on Monday and 40 more on Tuesday")."""
    return (
        previous is not None and previous.start >= sent_start and end < ctx.n and ctx.words[end] == "more"
        and previous.kind is not None
    )


# The words before a figure that compare it with the count before it in its sentence ("up from 1,000",
# "compared with 188", "joining about 10,000 already there").
COMPARISONS = (("up", "from"), ("down", "from"), ("compared", "with"), ("compared", "to"), ("against",), ("versus",),
               ("joining",), ("from", "just"), ("from", "only"))


def compared_to_previous(ctx: DocContext, start: int, sent_start: int, previous: Optional["Previous"]) -> bool:
    """Is the figure (without a noun of its own) compared with the count before it in its sentence,
    at most 25 tokens back ("Rwanda has about 4,000 soldiers there, up from 1,000 at the start",
    "164 leaders have been murdered this year, compared with 188 in all of last year")? It counts the
    same: the earlier count's kind and actor."""
    if previous is None or previous.start < sent_start or previous.kind is None or start - previous.end > 25:
        return False
    words = ctx.words
    return any(tuple(words[start - len(link) : start]) == link for link in COMPARISONS if start - len(link) >= previous.end)


def wounded_next(tables: CountTables, ctx: DocContext, end: int, limit: int) -> bool:
    """Does a wounded count join the phrase ending at ``end`` ("and 20 others were wounded", ", with
    30 injured")? Within eight words after "and", "," or "with", a one-word cue of kind wounded."""
    words = ctx.words
    if end >= limit or words[end] not in ("and", ",", "with", "while"):
        return False
    for q in range(end + 1, min(limit, end + 9)):
        cue = tables.cue_after.get((words[q],))
        if cue is not None and cue.get("kind") is not None:
            return cue["kind"] == "wounded"
    return False


def list_cue_kind(tables: CountTables, ctx: DocContext, end: int, limit: int) -> Optional[str]:
    """The kind of the cue after a list the phrase ending at ``end`` opens: "109 soldiers, 40
    militants and 12 civilians have been killed" gives all three "killed", and so does "at least 30
    troops, militiamen and villagers were killed". Every item needs a counted noun; a list
    of nouns alone needs two items (", and civilians were killed" may open a clause of its own)."""
    words = ctx.words
    p, figures, items, bare = end, 0, 0, False  # bare: an item whose noun has not come yet
    while p < min(limit, end + 20):
        w = words[p]
        if w in LIST_JOINS:
            if bare:
                return None  # "had 300 soldiers, and 200 were killed": the second figure counts on its own
            if p + 1 < limit and words[p + 1] not in LIST_JOINS:
                items, bare = items + 1, True
            p += 1
            continue
        step = _list_word(tables, ctx, p, end)
        if step is None:
            break
        figures += step == "figure"
        bare = bare and step != "noun"
        p += 1
    if bare or not (figures or items >= 2):
        return None
    cue = cue_after(tables, ctx, p, limit)
    return cue.get("kind") if cue is not None else None


def _list_word(tables: CountTables, ctx: DocContext, p: int, end: int) -> Optional[str]:
    """What the word at ``p`` is in a list of counts: "noun", "figure", "other" (a modifier, an actor
    word, a name, a word in no table) or None (the list ends)."""
    words, doc = ctx.words, ctx.doc
    if words[p] in tables.nouns:
        return "noun"
    if (doc[p].like_num or words[p] in ARTICLES) and words[p - 1] in LIST_JOINS:
        return "figure"  # "four soldiers and a civilian were wounded"
    if words[p] in tables.modifiers or p in ctx.actor_starts or doc[p].text[:1].isupper() or unknown_modifier(ctx, p):
        return "other"
    return None


def toll_after(tables: CountTables, ctx: DocContext, span: Tuple[int, int], limit: int) -> Optional[Tuple[str, Optional[str], Optional[str]]]:
    """A toll named after its figure: "raised to 40 the death toll", "pushed to 117 the number of
    soldiers killed" ((kind, the noun's lemma, the actor word before the noun: "the number of
    American soldiers")); the figure follows a toll link."""
    words = ctx.words
    start, end = span
    if start == 0 or words[start - 1] not in TOLL_LINKS or end + 2 >= limit or words[end] != "the":
        return None
    for last in range(min(limit, end + 1 + tables.max_cue), end + 1, -1):
        toll = tables.cue_before.get(tuple(words[end + 1 : last]))
        if toll is not None and toll.get("kind") and TOLL_NOUNS.intersection(words[end + 1 : last]):
            return toll["kind"], None, None  # "the death toll", "the number of dead"
    if words[end + 1 : end + 3] != ["number", "of"]:
        return None
    k, actor = end + 3, None
    while k < min(limit, end + 6) and (words[k] in tables.modifiers or k in ctx.actor_starts):
        if k in ctx.actor_starts:
            actor, k = actor or ctx.actor_starts[k][0], ctx.actor_starts[k][1]  # "the number of American soldiers"
        else:
            k += 1
    entry = tables.nouns.get(words[k]) if k < limit else None
    cue = cue_after(tables, ctx, k + 1, limit) if entry is not None and entry["kind"] in ("troops", "person") else None
    if cue is None or not cue.get("kind"):
        return None
    return cue["kind"], entry["lemma"], actor


def inherited(
    ctx: DocContext, start: int, sent_start: int, previous: Optional[Previous], partitive: bool = False
) -> Optional[str]:
    """The kind of the previous count in the sentence, for a figure that details it:
    "killed 43 Palestinians, including 19 people", "50 hostages, around 20 of whom ..."."""
    if previous is None:
        return None
    words = ctx.words
    between = [w for w in words[previous.end : start] if w not in ELISIONS]
    if between and len(between) <= 2 and all(w in (",", "and", "or") for w in between):
        # "captured 27 soldiers and 12 FDLR elements", "destroyed 11 tanks, 14 launchers"; also across a
        # sentence break a parser put at a quote's "[...]"
        return previous.kind
    if previous.start < sent_start:
        return None
    p = start - 1
    if not partitive:
        if p >= sent_start and words[p] in ("them", "whom", "those") and p - 1 >= sent_start and words[p - 1] == "among":
            return previous.kind  # "among them 11 health workers"
        if p < sent_start or words[p] not in ("including", "among"):
            return None
    return previous.kind if start - previous.end <= 14 else None


def bare_ok(tables: CountTables, ctx: DocContext, end: int, quantity: Quantity) -> bool:
    """May a figure without a counted noun be a count? Not before another noun, not a year; a word
    of time or scope after it is no noun ("rose to 27 overnight", "killed 14 Saturday")."""
    number, first = quantity.number, ctx.words[quantity.i]
    if number is not None and 1900 <= number <= 2100 and quantity.core_end - quantity.i == 1 and first.isdigit():
        return False
    if number == 1 and quantity.start > 0 and ctx.words[quantity.start - 1] in ("no", "not"):
        return False  # "no one was hurt", "not one was killed": none
    if end < ctx.n:
        token = ctx.doc[end]
        w = ctx.words[end]
        if token.is_alpha and not token.is_stop and w not in tables.after_first and w not in tables.cue_link and w not in BARE_CLOSERS:
            return False  # "two years", "three villages", "30 km"
    return True


def link(tables: CountTables, ctx: DocContext, start: int, sent_start: int) -> Optional[Tuple[str, str, Optional[str]]]:
    """ "Chadian fighters, estimated at over 10,000": the noun earlier in the sentence;
    (its kind, its lemma, the actor word just before it)."""
    words = ctx.words
    link_len = 0
    for length in range(min(4, start - sent_start), 0, -1):
        if tuple(words[start - length : start]) in tables.cue_link:
            link_len = length
            break
    if not link_len:
        return None
    p = start - link_len - 1
    while p >= max(sent_start, start - 14):
        entry = tables.nouns.get(words[p])
        if entry is not None and entry["kind"] in KINDS:
            actor = None
            for q in range(max(sent_start, p - 3), p):
                a = ctx.actor_starts.get(q)
                if a is not None and a[1] <= p:
                    actor = a[0]
            return entry["kind"], entry["lemma"], actor
        p -= 1
    return None


# Possessive pronouns between a cue and the figure: "killed a woman and her | four children".
OWNERS_BEFORE = frozenset(("his", "her", "their", "its"))


def cue_before(tables: CountTables, ctx: DocContext, start: int, floor: int) -> Optional[Cue]:
    """The cue ending before ``start`` across skipped words ("killed a total of 300", "killed her
    four children", "killed the governor's two bodyguards"); an
    auxiliary "has" may hide the cue before it ("the death toll has passed 61,200")."""
    words = ctx.words
    p = start - 1
    steps = 0
    owners = 0  # how many of the steps were possessive pronouns ("and | her | four children")
    first: Optional[Cue] = None
    while p >= floor and steps < 5:
        found = _cue_ending_at(tables, words, p, floor)
        if found is not None:
            if found.get("kind") is not None or words[found["_start"]] not in ("has", "have", "had"):
                return found
            first = first or found
            p = found["_start"] - 1
            steps += 1
            continue
        if words[p] in BEFORE_SKIP or words[p] in OWNERS_BEFORE:
            owners += words[p] in OWNERS_BEFORE
            p -= 1
            steps += 1
            continue
        if words[p] in POSSESSIVES and p - 1 > floor and words[p - 1].isalpha():
            p -= 2  # "killed the governor's | two bodyguards": the owner's word with its "'s"
            steps += 1
            continue
        if words[p] == "and" and first is None and steps == owners:
            return cue_across_object(tables, ctx, p, floor)
        return first
    return first


def object_ends(ctx: DocContext, k: int) -> bool:
    """Does an object end at ``k`` (punctuation, the end, a preposition or conjunction), rather than
    a verb follow it?"""
    return k >= ctx.n or ctx.doc[k].is_punct or ctx.words[k] in OBJECT_ENDS


def cue_across_object(tables: CountTables, ctx: DocContext, p: int, floor: int) -> Optional[Cue]:
    """ "killed a Hamas commander and 17 civilians", "killing its police chief, Ali Noor, and 10
    other officers": the cue before another object joined by "and" at ``p`` (at most ten words of a
    noun phrase: determiners, names, nouns, modifiers, an apposition's commas; no figure)."""
    words, doc = ctx.words, ctx.doc
    for q in range(p - 1, max(floor, p - 11) - 1, -1):
        found = _cue_ending_at(tables, words, q, floor) if q < p - 1 else None
        if found is not None and found.get("kind") is not None and found.get("subject") is False:
            found["_across"] = True
            return found
        w = words[q]
        if doc[q].like_num or not (
            w in DETERMINERS or w in ARTICLES or w in POSSESSIVES or w == "," or w in tables.nouns
            or w in tables.modifiers or doc[q].text[:1].isupper() or unknown_modifier(ctx, q)
        ):
            return None
    return None


def cue_far(tables: CountTables, ctx: DocContext, start: int, floor: int) -> Optional[Cue]:
    """A toll named earlier in the clause, tied to the figure by a toll link just before it, across
    the words that say whose toll it is: "the death toll from the raid on the camp in the village
    rose to 23", "brought the death toll of the siege that began on 3 June to 212 soldiers", a
    headline "Death Toll in Ambush Hits 23"; a plural noun of harm of the toll nouns is one too
    ("civilian deaths in the province rose to 340"). Another figure (not a date) or a new clause
    ends it."""
    words = ctx.words
    if start - 1 < floor or words[start - 1] not in TOLL_LINKS:
        return None
    for p in range(start - 2, max(floor, start - 25) - 1, -1):
        if words[p] in TOLL_BREAKS or ctx.doc[p].like_num and not _date_number(words, p):
            return None
        found = _cue_ending_at(tables, words, p, floor)
        if found is not None and found.get("kind") and TOLL_NOUNS.intersection(words[found["_start"] : found["_end"]]):
            return found
        if found is None and words[p] in TOLL_NOUNS:
            entry = tables.nouns.get(words[p])
            if entry is not None and entry["kind"] in HARM_KINDS:  # "civilian deaths now stand at 340"
                return {"kind": entry["kind"], "_start": p, "_end": p + 1, "_bare_only": True}
        kind = number_of_kind(tables, ctx, p, start - 1) if words[p] in TOLL_NOUNS else None
        if kind is not None:  # "the number of martyrs in the West Bank has risen to 642"
            return {"kind": kind, "_start": p, "_end": p + 2, "_bare_only": True}
    return None


def number_of_kind(tables: CountTables, ctx: DocContext, p: int, limit: int) -> Optional[str]:
    """The kind of a total named "the number of ..." at ``p`` ("number", "total", "tally", "count"
    + "of"): its counted noun's ("the number of martyrs", "the total of displaced people"), or for
    people and troops the cue right after them ("the number of citizens arrested", "the number of
    its soldiers killed"), troops without one ("the number of US troops in Syria"); None for
    anything else ("the number of checkpoints", "the number of people in the camp")."""
    words = ctx.words
    if p + 2 >= limit or words[p + 1] != "of":
        return None
    m = p + 2
    while m < min(limit, p + 7):
        actor = ctx.actor_starts.get(m)
        people = ctx.doc[m:actor[1]].text in tables.people if actor is not None else False
        if actor is not None and not people:
            m = actor[1]
            continue
        w = words[m]
        entry = tables.nouns.get(w)
        token = ctx.doc[m]
        if entry is None and (w in DETERMINERS or w in POSSESSIVES or w in tables.modifiers or token.text[:1].isupper() or w == "-"
                              or any(c.isdigit() for c in w)):
            m += 1  # "the number of its dead", "the number of MQ-9 drones"
            continue
        if entry is None and not people:
            return None
        kind = "person" if people else entry["kind"]
        if kind in ("troops", "person"):
            cue = cue_after(tables, ctx, actor[1] if people else m + 1, limit)
            cued = cue.get("kind") if cue is not None and cue["_start"] <= m + 3 else None
            return cued or ("troops" if kind == "troops" else None)  # "the number of US troops in Syria"
        return kind if kind in KINDS else None
    return None


def _date_number(words: List[str], p: int) -> bool:
    """Is the number at ``p`` a day of a month ("May 2", "2 May")?"""
    return (p > 0 and words[p - 1] in MONTHS) or (p + 1 < len(words) and words[p + 1] in MONTHS)


def _cue_ending_at(tables: CountTables, words: List[str], p: int, floor: int) -> Optional[Cue]:
    """The longest "before" cue ending at ``p`` (not starting before ``floor``)."""
    for length in range(min(tables.max_cue, p - floor + 1), 0, -1):
        cue = tables.cue_before.get(tuple(words[p - length + 1 : p + 1]))
        if cue is not None:
            found = dict(cue)
            found["_start"], found["_end"] = p - length + 1, p + 1
            return found
    return None


def cue_after(tables: CountTables, ctx: DocContext, end: int, limit: int) -> Optional[Cue]:
    """The cue after the phrase (from ``end``, before ``limit``) across skipped words, whose
    words ("2,000 fighters from the TPLF were captured"), asides (", including women,") and a
    participle of violence coordinated before the cue ("300 people shot and killed")."""
    words = ctx.words
    p = end
    steps = 0
    while p < limit and steps < 6:
        if words[p] in ("from", "of"):
            owner_end = _owner_end(ctx, p, limit)
            if owner_end is not None:
                p = owner_end
                steps += 1
                continue
        for length in (4, 3, 2, 1):
            key = tuple(words[p : p + length])
            if len(key) == length and p + length <= limit and key in tables.cue_after:
                found = dict(tables.cue_after[key])
                found["_start"], found["_end"] = p, p + length
                found["_nominal"] = steps == 0 and length == 1 and words[p] in tables.nouns
                return found
        if words[p] in AFTER_SKIP:
            p += 1
            steps += 1
            continue
        if words[p] in VIOLENCE_VERBS and p + 2 < limit and words[p + 1] in ("and", "or"):
            p += 2  # "300 people | shot and | killed", "12 protesters | beaten and | wounded"
            steps += 1
            continue
        if words[p] == ",":
            close = aside_end(words, p, limit)
            if close is not None:
                p = close + 1  # "26 civilians, including women and children, were killed"
                steps += 1
                continue
        return None
    return None


def _owner_end(ctx: DocContext, p: int, limit: int) -> Optional[int]:
    """After "from"/"of" at ``p``: the end of whose they are ("from the TPLF", "of the militia")."""
    words = ctx.words
    k = p + 1 + (p + 1 < limit and words[p + 1] == "the")
    actor = ctx.actor_starts.get(k)
    if actor is not None and actor[1] <= limit:
        q = actor[1]
        if q < limit and words[q] in ACTOR_HEADS:
            return q + 1
        return _origin_end(ctx, q, limit) or q  # "from the 2nd Marine Brigade were killed"
    if k < limit and words[k] in ACTOR_HEADS:
        return k + 1  # "312 members of the militia were killed"
    kin = p + 1 + (p + 1 < limit and words[p + 1] in KIN_DETERMINERS)
    kin += kin < limit and words[kin] == "same"
    if kin < limit and words[kin] in KIN_NOUNS:
        return kin + 1  # "11 members of the same family were killed", "of one household"
    return _origin_end(ctx, k, limit)


# A family whose members are counted: "members of | the same | family", "of one household".
KIN_DETERMINERS = frozenset(("the", "a", "one", "his", "her", "their", "its"))
KIN_NOUNS = frozenset(("family", "families", "household", "households", "clan"))


def _origin_end(ctx: DocContext, k: int, limit: int) -> Optional[int]:
    """ "from the Nuer community", "of Kola village", "from Mariupol", "the 3rd Rifle Brigade": a
    name (capitalised words, at most four, after an ordinal) and a word that says where people come
    from (words.jsonl "origins")."""
    q = k
    while q < min(limit, k + 4) and ctx.doc[q].text[:1].isupper() or q < limit and q == k and ORDINAL.match(ctx.words[q]):
        q += 1
    if q == k:
        return None
    return q + 1 if q < limit and ctx.words[q] in ORIGINS else q


def aside_end(words: List[str], p: int, limit: int) -> Optional[int]:
    """The closing comma of an aside opened at ``p`` (", including 10 civilians,", ", most of them
    children,"), or None."""
    if p + 1 >= limit or words[p + 1] not in ASIDE_OPENERS:
        return None
    for q in range(p + 2, min(limit, p + 10)):
        if words[q] == ",":
            return q
        if words[q] in (";", ".", ":"):
            return None
    return None


def governing_kind(tables: CountTables, ctx: DocContext, i: int, civil_ok: bool = True) -> Optional[str]:
    """With a parse: the kind of the verb that governs the counted noun ``i``, read as a cue
    however far it is ("Militants on Sunday killed two teachers", "32 people from a herding
    community were killed", "three boys who drowned"). The verb of a relative clause on the noun
    (or the noun it is a conjunct of); else the verb whose object it is, whose passive subject,
    whose subject when it takes no object, or a toll that rises to it ("the death toll from the
    raids on the market has risen to 40 civilians"); None when that verb is no cue with a kind.
    ``civil_ok``: may a cue of civilians' fate (``civil``) give it ("houses 3,000 troops": no)."""
    token = ctx.doc[i]
    kind = relative_kind(tables, token, civil_ok)
    while kind is None and token.dep_ == "conj" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i < token.i:
        token = token.head
        kind = relative_kind(tables, token, civil_ok)
    if kind is not None:
        return kind
    dep, verb = token.dep_, token.head
    if dep in ("dobj", "obj"):
        return verb_cue(verb, (tables.cue_before,), civil_ok)
    if dep == "nsubjpass":
        return verb_cue(verb, (tables.cue_after, tables.cue_before), civil_ok)
    if dep == "nsubj" and not any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return verb_cue(verb, (tables.cue_after,), civil_ok)
    if dep == "pobj" and token.head.lower_ in ("to", "at") and token.head.dep_ == "prep":
        return toll_kind(tables, token.head.head)
    return None


def relative_kind(tables: CountTables, token: Any, civil_ok: bool = True) -> Optional[str]:
    """The kind of a relative clause on the noun whose subject is "who"/"that" ("six miners who,
    witnesses said, were later killed")."""
    for clause in token.children:
        if clause.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in clause.children):
            return verb_cue(clause, (tables.cue_after,), civil_ok)
    return None


def toll_kind(tables: CountTables, verb: Any) -> Optional[str]:
    """ "the toll (has risen|stood|was brought) to/at N": the kind of the toll noun, a one-word
    "before" cue ("toll", "casualties"), that is the subject or object of the verb."""
    if verb.pos_ != "VERB":
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child.pos_ == "NOUN":
            cue = tables.cue_before.get((child.lower_,))
            if cue is not None and cue.get("kind"):
                return cue["kind"]
    return None


def verb_cue(verb: Any, tables: Tuple[Dict[Tuple[str, ...], Cue], ...], civil_ok: bool = True) -> Optional[str]:
    """The kind of a verb that is a one-word cue of ``tables``, by its form or its lemma (not a cue
    of civilians' fate unless ``civil_ok``)."""
    if verb.pos_ != "VERB":
        return None
    for table in tables:
        for key in (verb.lower_, verb.lemma_.lower()):
            cue = table.get((key,))
            if cue is not None and cue.get("kind") and (civil_ok or not cue.get("civil")):
                return cue["kind"]
    return None
