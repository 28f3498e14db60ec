"""Whose a count is: the actor of its phrase ("11,000 soldiers from the DPRK"), a possessive
("Russia's 50,000 troops"), an actor named earlier and referred to ("its roughly 500 troops", "the
group's fighters"), the clause's subject ("Russia has amassed 50,000 troops"), or the count it
details or continues ("five aircraft, including three Rafales")."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, List, Optional, Tuple

from .context import DocContext
from .kind import Cue, KindReading, Previous, inherited
from .noun import NounPhrase
from .tables import (
    ACTOR_HEADS, ARMY_ANAPHORS, ARMY_HEADS, AUX, BACKING, BEFORE_SKIP, CLAUSE_OPENERS, COMPASS, GROUP_ANAPHORS,
    MADE, PLACE_PREPOSITIONS, POSSESSIVE_PRONOUNS, POSSESSIVES, REPORTING, SIDE_HEADS, SIDE_MARKERS, SIDE_NOUNS,
    TIES, CountTables,
)

# The kinds the clause's subject may own: troops, equipment and its own losses. For the killed,
# wounded or captured it is usually the other side ("Hamas holds 59 hostages").
_SUBJECT_KINDS = ("troops", "equipment", "casualties")
# A count said to be the enemy's belongs to the side opposite a speaker the words do not name.
ENEMY = frozenset({"enemy", "enemy's", "enemies", "adversary"})
# How far back (in tokens, about six news sentences; the same with or without a parser's sentence
# boundaries) a bare "militants" looks for the armed group it means.
RECENT_WORDS = 180


def find_actor(
    tables: CountTables,
    options: Any,
    ctx: DocContext,
    span: Tuple[int, int],
    sentence: Tuple[int, int],
    noun: NounPhrase,
    reading: KindReading,
    previous: Optional[Previous],
) -> Optional[str]:
    """The actor of the count ``span`` (start, end) in ``sentence`` (start, end), each way in turn
    until one answers."""
    start, end = span
    sent_start, sent_end = sentence
    actor = noun.actor if noun.actor is not None else reading.link_actor
    if actor is None:
        actor = actor_after(ctx, end, sent_end)
    if actor is None:
        actor = possessive_actor(tables, ctx, start, sent_start)
    if actor is None:
        actor = reference_actor(tables, ctx, start, max(end, noun.end), sent_start, sent_end)
    if actor is None:
        actor = speaker_actor(tables, ctx, start, max(end, noun.end))
    before_cue = reading.before_cue
    # a verb whose subject owns what it counts, whatever the kind became ("SSPDF forces lost seven fighters and
    # 20 others were wounded": killed), but not one of holding ("Hamas holds 20 hostages")
    owner_cue = before_cue is not None and before_cue.get("subject") is True and before_cue.get("kind") in _SUBJECT_KINDS
    if actor is None and (reading.kind in _SUBJECT_KINDS or owner_cue) and not (before_cue and before_cue.get("subject") is False):
        actor = subject_actor(tables, options, ctx, (start, end), noun, before_cue, sent_start)
    phrase, unit = (start, max(end, noun.end)), noun.unit or reading.unit
    if actor is None:
        actor = whole_actor(tables, ctx, start, noun, sent_start, previous)
        if actor is not None and not fits_side(tables, ctx, phrase, unit, actor):
            actor = None  # "28 rebels and one soldier": the soldier is not the rebels'
    if actor is None:
        actor = repeated_actor(ctx, start, noun, previous)
    if actor is None:
        actor = side_actor(tables, ctx, phrase, noun.unit, before_cue, sentence)
    return actor


def actor_after(ctx: DocContext, end: int, limit: int) -> Optional[str]:
    """ "11,000 soldiers from the DPRK", "troops of the RSF"."""
    words = ctx.words
    if end < limit and words[end] in ("from", "of"):
        k = end + 1
        if k < limit and words[k] == "the":
            k += 1
        a = ctx.actor_starts.get(k)
        if a is not None:
            return a[0]
    return None


def possessive_actor(tables: CountTables, ctx: DocContext, start: int, sent_start: int) -> Optional[str]:
    """ "Russia's 50,000 troops", "Russia's losses stood at 300"; an actor's adjective before a
    toll that names its kind too ("Russian losses stand at 600,000", "Israeli casualties rose to
    1,400"). Never across a verb that acts on the other side ("Russia's forces killed 300
    soldiers": the dead are not Russia's)."""
    words = ctx.words
    for p in range(start - 1, max(sent_start, start - 7) - 1, -1):
        possessive = words[p] in ("'s", "’s", "'")
        owner = ctx.actor_ends.get(p - 1) if possessive else ctx.actor_ends.get(p)
        if not possessive and (owner is None or p + 1 >= start):
            continue
        if owner is None:
            return None
        if p + 1 == start:
            return owner
        for length in range(min(tables.max_cue, start - p - 1), 0, -1):
            key = tuple(words[p + 1 : p + 1 + length])
            entry = tables.cue_possessed.get(key)
            if entry is not None and (possessive or entry.get("kind")):
                rest = words[p + 1 + length : start]
                if all(w in BEFORE_SKIP or (w,) in tables.cue_before for w in rest) and not any(
                        tables.cue_before.get((w,), {}).get("subject") is False for w in rest):
                    return owner
        if possessive:
            return None
    return None


def subject_actor(
    tables: CountTables,
    options: Any,
    ctx: DocContext,
    span: Tuple[int, int],
    noun: NounPhrase,
    before_cue: Optional[Cue],
    sent_start: int,
) -> Optional[str]:
    """The actor of the clause's subject when its verb is one whose subject owns the count
    ("Russia has amassed 50,000 troops"): from the parse when there is one, else (or when the
    parse gives none) from the words."""
    if options.use_parser and ctx.has_dep:
        actor = parsed_subject_actor(tables, options, ctx, span[1], noun)
        if actor is not None:
            return actor
    # No parser, or no answer from it: "<Actor> (has) amassed N ...", the actor opening the clause.
    if before_cue is None or before_cue.get("subject") is not True:
        return None
    return clause_subject_actor(tables, ctx, before_cue["_start"] - 1, sent_start)


def parsed_subject_actor(tables: CountTables, options: Any, ctx: DocContext, end: int, noun: NounPhrase) -> Optional[str]:
    """The subject of the verb that governs the count, from the dependency parse."""
    doc = ctx.doc
    head = doc[noun.head_index] if noun.head is not None else doc[end - 1]
    token = head
    for _ in range(4):
        if token.dep_ in ("nsubj", "nsubjpass", "ROOT") or token.head is token:
            break
        if token.pos_ in ("VERB", "AUX") and token.i != head.i:
            break
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass"):
        return None  # the count is itself the subject
    verb = token
    if not (verb.lower_ in tables.subject_verbs or verb.lemma_.lower() in tables.subject_verbs):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ in ("conj", "xcomp"):
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.pos_ == "PRON":
        return None
    for k in range(subject.left_edge.i, subject.i + 1):
        a = ctx.actor_starts.get(k)
        if a is not None and a[1] > subject.i:
            return a[0]
    if subject.ent_type_ == "GPE" and options.use_ner:
        ent = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
        return ent.text if ent is not None else None
    return None


def clause_subject_actor(tables: CountTables, ctx: DocContext, p: int, sent_start: int) -> Optional[str]:
    """The actor word that opens the clause whose verb ends at ``p`` (auxiliaries skipped):
    "Russia has amassed", "The Fano militia has", "Eritrea's army could", "UNIFIL, which has"."""
    words = ctx.words
    while p >= sent_start and words[p] in AUX:
        p -= 1
    if p < sent_start:
        return None
    referred = subject_reference(tables, ctx, p, sent_start)
    if referred is not None:
        return referred
    heads = 0
    while heads < 2 and p - 1 >= sent_start and p not in ctx.actor_ends and is_subject_head(tables, words[p]):
        p -= 1  # "The Fano militia has ...", "Russian forces have ...", "Russian jets fired ..."
        heads += 1
    if heads and words[p] in POSSESSIVES and p - 1 >= sent_start:
        p -= 1  # "Eritrea's army could mobilise ..."
    owner = ctx.actor_ends.get(p)
    if owner is None:
        return None
    q = ctx.actor_start_of_end[p] - 1
    if q >= sent_start and words[q] == "the":
        q -= 1
    if q < sent_start or words[q] in CLAUSE_OPENERS or words[q] in REPORTING or is_clock(words[q]):
        return owner  # "..., Hezbollah fired", "officials say Hezbollah fired"
    if words[q] == "of" and q - 1 >= sent_start and words[q - 1] in ACTOR_HEADS:
        return owner  # "the Armed Forces of Ukraine lost ..."
    return None


def is_subject_head(tables: CountTables, word: str) -> bool:
    """May ``word`` head a subject after its owner's name: a force ("militia", "forces") or the
    side's own weapons and units that fire ("jets", "drones", "artillery units")?"""
    return word in ACTOR_HEADS or tables.nouns.get(word, {}).get("kind") in ("equipment", "troops")


# ------------------------------------------------------------------------------ actors named earlier


def reference_actor(tables: CountTables, ctx: DocContext, start: int, stop: int, sent_start: int, sent_end: int) -> Optional[str]:
    """ "its roughly 500 troops", "11 of its soldiers", "2,000 of the group's fighters", "the army's
    3,000 soldiers": a possessive pronoun or a definite description names an actor said earlier."""
    words = ctx.words
    p = start - 1
    if p >= sent_start and words[p] in POSSESSIVE_PRONOUNS:
        return pronoun_referent(tables, ctx, p, sent_start)
    if p - 2 >= sent_start and words[p] in POSSESSIVES and words[p - 2] == "the":
        return antecedent(tables, ctx, p - 1)
    for q in range(start + 1, min(stop + 3, sent_end)):
        w = words[q]
        if w in POSSESSIVE_PRONOUNS and words[q - 1] == "of":
            return pronoun_referent(tables, ctx, q, sent_start)
        if words[q - 1] == "the" and q + 1 < sent_end and words[q + 1] in POSSESSIVES:
            return antecedent(tables, ctx, q)
    return None


def subject_reference(tables: CountTables, ctx: DocContext, p: int, sent_start: int) -> Optional[str]:
    """The actor of a subject that points back: "UNIFIL, which has", "the group is estimated to
    have", "it had"; ``p`` is the subject's last word."""
    words = ctx.words
    w = words[p]
    if w in ("which", "who") and p - 2 >= sent_start and words[p - 1] == ",":
        q = p - 2
        if words[q] in ACTOR_HEADS and q not in ctx.actor_ends:
            q -= 1  # "The Rwandan contingent, which ..."
        return ctx.actor_ends.get(q)
    if w in ("it", "they"):
        return pronoun_referent(tables, ctx, p, sent_start)
    if p - 1 >= sent_start and words[p - 1] == "the":
        return antecedent(tables, ctx, p)
    return None


def pronoun_referent(tables: CountTables, ctx: DocContext, p: int, sent_start: int) -> Optional[str]:
    """ "its"/"their"/"it": the one actor named in the sentence before it, else a definite
    description there ("the group ... its"), else the one actor of the sentence before. Two
    different actors make it ambiguous: no actor; a place ("in Gaza") is not a candidate."""
    actors = {a for s, a in ctx.actors_at(sent_start, p) if not is_place(ctx, s)}
    if not actors or ctx.words[p] in ("it", "they"):  # a subject pronoun: the descriptions must agree too
        for q in range(p - 1, sent_start, -1):
            if ctx.words[q - 1] == "the" and (ctx.words[q] in GROUP_ANAPHORS or ctx.words[q] in ARMY_ANAPHORS):
                actors.add(antecedent(tables, ctx, q))
    if actors:
        return actors.pop() if len(actors) == 1 else None
    if sent_start > 0:
        before = ctx.actors_between(ctx.sentence(sent_start - 1)[0], sent_start)
        if before and len(set(before)) == 1:
            return before[0]
    return None


def is_place(ctx: DocContext, s: int) -> bool:
    """Is the actor word at ``s`` a place ("at northern Israel", "in Gaza")?"""
    words = ctx.words
    p = s - 1
    if p >= 0 and words[p] in COMPASS:
        p -= 1
    return p >= 0 and words[p] in PLACE_PREPOSITIONS


def antecedent(tables: CountTables, ctx: DocContext, q: int) -> Optional[str]:
    """ "the group" -> the last armed group named before ``q``; "the army"/"the military" -> the
    last state named as an army ("the Sudanese army", "Russia's military", "the IDF")."""
    word = ctx.words[q]
    if word in GROUP_ANAPHORS:
        return next((a for a in _actors_back(ctx, q) if tables.actor_type.get(a, "state") == "group"), None)
    if word not in ARMY_ANAPHORS:
        return None
    # "In Niger, the army ...": a state named earlier in the same sentence.
    sent_start = ctx.sentence(q)[0]
    for s in reversed(ctx.actor_positions_before(q - 1)):
        if s < sent_start:
            break
        if tables.actor_type.get(ctx.actor_starts[s][0], "state") == "state":
            return ctx.actor_starts[s][0]
    for s in reversed(ctx.actor_positions_before(q - 1)):
        actor, e = ctx.actor_starts[s]
        if tables.actor_type.get(actor, "state") == "state" and named_as_army(ctx, e):
            return actor
    return None


def _actors_back(ctx: DocContext, q: int) -> List[str]:
    """The actors named before ``q``, the nearest first."""
    return [ctx.actor_starts[s][0] for s in reversed(ctx.actor_positions_before(q - 1))]


def named_as_army(ctx: DocContext, e: int) -> bool:
    """Do the words at an actor word ending at ``e`` name an army ("the Sudanese army", "Russia's
    military", "the junta", "the IDF")?"""
    words, doc = ctx.words, ctx.doc
    nxt = words[e + 1] if e + 1 < ctx.n and words[e] in POSSESSIVES else (words[e] if e < ctx.n else "")
    return nxt in ARMY_HEADS or words[e - 1] in ARMY_HEADS or words[e - 1] in ("junta", "tatmadaw") or doc[e - 1].text.isupper()


# How far after the count before it "N others" still counts more of the same side (tokens).
OTHERS_REACH = 20


def whole_actor(
    tables: CountTables, ctx: DocContext, start: int, noun: NounPhrase, sent_start: int, previous: Optional[Previous]
) -> Optional[str]:
    """A detail or a continuation takes the actor of the count before it: "five aircraft, including
    three Rafales", "killed 87 soldiers and captured 40 others", "ten were killed and 14 wounded";
    "N others" up to 20 tokens after it in its sentence, whatever stands between ("killed 15
    fighters and took three others into custody", "... near Beni while four others were captured")."""
    if previous is None or previous.start < sent_start or previous.actor is None:
        return None
    if inherited(ctx, start, sent_start, previous, partitive=noun.partitive) is not None:
        return previous.actor
    p = start - 1
    if p > sent_start and (ctx.words[p],) in tables.cue_before:
        p -= 1  # "... and captured 40 others"
    bare = noun.head is None or noun.unit is None or noun.elided
    if bare and start - previous.end <= 12 and ctx.words[p] in ("and", ","):
        return previous.actor
    if bare and start - previous.end <= OTHERS_REACH and "others" in ctx.words[start : max(start + 1, noun.end)]:
        return previous.actor  # "killed 18 members of the ADF near Beni while four others were captured"
    return None


def repeated_actor(ctx: DocContext, start: int, noun: NounPhrase, previous: Optional[Previous]) -> Optional[str]:
    """ "Nine soldiers died. The nine were killed when ...": "the" and a figure without a noun
    repeat the count just before (the same figure, at most 60 words back) and take its actor."""
    if previous is None or previous.actor is None or noun.head is not None or start - previous.end > 60:
        return None
    words = ctx.words
    k = start + 1 if words[start] == "the" else start
    if k == start and (start == 0 or words[start - 1] != "the"):
        return None
    if k >= ctx.n or not (words[k].isdigit() or ctx.number_at(k) is not None):
        return None
    return previous.actor if words[k] in words[previous.start : previous.end] else None


# ------------------------------------------------------------------------------ "our" inside a quote

OPEN_QUOTES, CLOSE_QUOTES = ("“", '"', "«"), ("”", '"', "»")


def speaker_actor(tables: CountTables, ctx: DocContext, start: int, stop: int) -> Optional[str]:
    """ "“We lost 12 of our soldiers,” a Malian army spokesman said": "our" inside a quote is the
    speaker's side: the actor named in the attribution right after the quote or right before it,
    else the side its words name ("an army spokesman", "a rebel commander")."""
    words = ctx.words
    if "our" not in words[max(start - 2, 0) : min(stop + 3, ctx.n)]:
        return None
    close = next((k for k in range(stop, min(stop + 80, ctx.n)) if words[k] in CLOSE_QUOTES), None)
    opening = next((k for k in range(start - 1, max(start - 80, -1), -1) if words[k] in OPEN_QUOTES), None)
    windows = []
    if close is not None:
        windows.append((close + 1, min(close + 12, ctx.n)))
    if opening is not None:
        windows.append((max(opening - 12, 0), opening))
    for i, j in windows:
        part = words[i:j]
        if "." in part:
            part = part[: part.index(".")] if i > start else part[len(part) - part[::-1].index(".") :]
        if not any(w in REPORTING for w in part):
            continue
        span = (i, i + len(part)) if i > start else (j - len(part), j)
        actors = set(ctx.actors_between(*span))
        if actors:
            return actors.pop() if len(actors) == 1 else None
        side = next((side for side, markers in SIDE_MARKERS.items() if any(w in markers or w in ARMY_ANAPHORS and side == "state" for w in part)), None)
        if side is not None:
            return state_in_play(tables, ctx, start, ctx.sentence(start)) if side == "state" else group_in_play(tables, ctx, start)
        return None
    return None


def is_clock(word: str) -> bool:
    """A live blog's time stamp ("13:15") opens a clause."""
    return ":" in word and word.replace(":", "").isdigit()


# ------------------------------------------------------------------------------ the side a phrase names


def side_actor(
    tables: CountTables, ctx: DocContext, phrase: Tuple[int, int], unit: Optional[str], before_cue: Optional[Cue], sentence: Tuple[int, int]
) -> Optional[str]:
    """A phrase that names no actor but a side: "12 government soldiers" take the state the text
    names for that side, "15 militants" the one armed group the text names, "one peacekeeper" the
    mission named last. No answer when the text names two candidates, when the phrase mixes sides
    ("seven soldiers and rebels"), or when the candidate is the one that killed them."""
    start, stop = phrase
    side = phrase_side(ctx, start, stop, unit)
    if side is None or owned(ctx, start, stop):
        return None
    words = ctx.words
    if side == "peace":
        actor = nearest_organization(tables, ctx, start)
    elif side == "state":
        actor = state_in_play(tables, ctx, start, sentence)
        actor = tables.army_of.get(actor, actor) if actor is not None else None
    elif side == "shared" and (
        not SIDE_HEADS.isdisjoint(words[sentence[0] : start])
        or any(tables.actor_type.get(a, "state") == "state" for a in ctx.actors_between(sentence[0], sentence[1]))
    ):
        return None  # "the army lost four fighters": whose fighters the words do not say
    else:
        actor = group_in_play(tables, ctx, start, sponsors=side == "group")
    if actor is None or mixed(tables, ctx, start, stop, sentence[1]):
        return None
    if not ENEMY.isdisjoint(words[sentence[0] : stop]):
        return None  # "the enemy lost 300 servicemen": the other side of a speaker we do not know
    return None if actor in the_other_side(tables, ctx, phrase, before_cue, sentence) else actor


def phrase_side(ctx: DocContext, start: int, stop: int, unit: Optional[str]) -> Optional[str]:
    """The side the phrase's words name: a marker ("government", "security", "rebel"; not after
    "pro-"/"anti-"), else its counted noun (``*_side`` lists of ``words.jsonl``)."""
    words = ctx.words
    for k in range(start, stop):
        if k >= 2 and words[k - 1] == "-" and words[k - 2] in ("pro", "anti"):
            return None  # "pro-government militias" are neither the state nor the rebels
        for side, markers in SIDE_MARKERS.items():
            if words[k] in markers:
                return side
    return next((side for side, nouns in SIDE_NOUNS.items() if unit in nouns), None)


def owned(ctx: DocContext, start: int, stop: int) -> bool:
    """Does a possessive say whose the count is ("its 300 fighters", "11 of their soldiers", "the
    group's fighters")? Then that reference decides, and an ambiguous one leaves the actor open."""
    words = ctx.words
    return any(w in POSSESSIVE_PRONOUNS or w in POSSESSIVES or w == "our" for w in words[max(start - 2, 0) : min(stop + 3, ctx.n)])


def fits_side(tables: CountTables, ctx: DocContext, phrase: Tuple[int, int], unit: Optional[str], actor: str) -> bool:
    """Can ``actor`` own this phrase: a state its soldiers, a group its militants? People listed
    after a side's count ("23 wounded soldiers and 11 civilians") are not that side's; a detail
    ("including 19 children") may be a state's people."""
    kind = tables.actor_type.get(actor, "state")
    side = phrase_side(ctx, phrase[0], phrase[1], unit)
    if side is None and unit is not None and tables.nouns.get(unit, {}).get("kind") == "person":
        if phrase[0] > 0 and ctx.words[phrase[0] - 1] in (",", "and", "or"):
            return False  # "23 wounded soldiers and 11 civilians": the civilians are nobody's side
        side = "state"
    return not (side == "state" and kind != "state" or side == "group" and kind != "group")


def mixed(tables: CountTables, ctx: DocContext, start: int, stop: int, limit: int) -> bool:
    """Does one figure count several sides' people ("seven soldiers and rebels", "40 troops,
    fighters and civilians")? A counted noun right after "and"/"or"/"," (in the phrase or just
    after it) without a figure of its own."""
    words = ctx.words
    for j in range(start + 1, min(stop + 1, limit)):
        if words[j] not in ("and", "or", ",", "&", "/"):
            continue
        for k in range(j + 1, min(j + 3, limit)):
            if ctx.number_at(k) is not None:
                break
            if words[k] in tables.nouns:
                return True
    return False


def mention_role(ctx: DocContext, e: int) -> str:
    """How an actor word ending before ``e`` is used: "plain", "backed" ("Iran-backed militias"),
    "tied" ("an al-Qaeda-linked group": a description of another group) or "made" ("US-made")."""
    if e + 1 < ctx.n and ctx.words[e] == "-":
        w = ctx.words[e + 1]
        if w in BACKING:
            return "backed"
        if w in TIES:
            return "tied"
        if w in MADE:
            return "made"
    return "plain"


def named_as_side(ctx: DocContext, e: int) -> bool:
    """Is a state word ending before ``e`` named as a side: "the Somali government", "Pakistan's
    army", "Malian troops", "the Sudanese army" (a form that ends in an army word)?"""
    words = ctx.words
    k = e + 1 if e < ctx.n and words[e] in POSSESSIVES else e
    if k + 1 < ctx.n and words[k] in ("and", ",", "or") and k + 1 in ctx.actor_starts:
        return named_as_side(ctx, ctx.actor_starts[k + 1][1])  # "Russian and Ukrainian forces": both
    return (k < ctx.n and words[k] in SIDE_HEADS) or words[e - 1] in ARMY_HEADS


def state_in_play(tables: CountTables, ctx: DocContext, start: int, sentence: Tuple[int, int]) -> Optional[str]:
    """The state the text names for the state's side: the one state named as a side before the
    figure, else the one state named before it; in a headline (none named before), the same over
    the whole text. The figure's sentence and the one before come first: one state or mission
    named there as a side decides ("In Niamey, ... Ten soldiers were killed, the Nigerien defence
    ministry said"), one named there otherwise must be the same state, two leave it open."""
    before = ctx.sentence(sentence[0] - 1)[0] if sentence[0] > 0 else sentence[0]
    local, local_sides = set(), set()
    for s, actor in ctx.actors_at(before, sentence[1]):
        e = ctx.actor_starts[s][1]
        if tables.actor_type.get(actor, "state") != "group" and mention_role(ctx, e) == "plain":
            local.add(actor)
            if named_as_side(ctx, e):
                local_sides.add(actor)
    if len(local) > 1:
        return None
    if local and local == local_sides:
        return local.pop()
    actor = text_state(tables, ctx, start)
    return actor if not local or local == {actor} else None


def text_state(tables: CountTables, ctx: DocContext, start: int) -> Optional[str]:
    """The one state named as a side before ``start``, else the one state named before it; with
    none named before (a headline), the same over the whole text."""
    firsts = ctx.derived("first states", lambda: first_states(tables, ctx))
    for limit in (start, ctx.n):
        for actor, first, second in firsts:
            if first < limit:
                return actor if second >= limit else None
    return None


def first_states(tables: CountTables, ctx: DocContext) -> List[Tuple[Optional[str], int, int]]:
    """For the states named as a side, then for all states named plainly: the first state named,
    where, and where another state is first named (``ctx.n``: nowhere). Read once per Doc, so
    that :func:`text_state` looks at no figure's whole text before it."""
    out = []
    for as_side in (True, False):
        found, first, second = None, ctx.n, ctx.n
        for s in ctx.actor_positions():
            actor, e = ctx.actor_starts[s]
            if tables.actor_type.get(actor, "state") != "state" or mention_role(ctx, e) != "plain":
                continue
            if as_side and not named_as_side(ctx, e) or actor == found:
                continue
            if found is not None:
                second = s
                break
            found, first = actor, s
        out.append((found, first, second))
    return out


def group_in_play(tables: CountTables, ctx: DocContext, start: int, sponsors: bool = True) -> Optional[str]:
    """The one armed group in play: named in the last :data:`RECENT_WORDS` tokens (none
    named before at all: a headline, the whole text), as itself or (``sponsors``) as the sponsor
    of the groups described ("Iran-backed militias"); a group named only in a description
    ("Islamic State-linked fighters") when no group is named plainly. A group named only further
    back is not assumed to be the one meant."""
    # The Doc's mentions are read once; a figure reads those of its last RECENT_WORDS tokens.
    mentions = ctx.derived(f"group mentions {sponsors}", lambda: group_mentions(tables, ctx, ctx.actor_positions(), sponsors))
    before = bisect_left(mentions, (start,))
    if not before:
        return ctx.derived(f"group in play {sponsors}", lambda: one_group(mentions))
    return one_group(mentions[bisect_left(mentions, (start - RECENT_WORDS,)) : before])


def one_group(mentions: List[Tuple[int, str, str]]) -> Optional[str]:
    """The one group named plainly among ``mentions``, else the one named in a description."""
    plain = {actor for _, actor, role in mentions if role != "tied"}
    pool = plain or {actor for _, actor, role in mentions if role == "tied"}
    return pool.pop() if len(pool) == 1 else None


def group_mentions(tables: CountTables, ctx: DocContext, positions: List[int], sponsors: bool) -> List[Tuple[int, str, str]]:
    """(start, actor, role) of the armed groups named at ``positions`` (and of the sponsors of
    groups described as "X-backed" when ``sponsors``)."""
    found = []
    for s in positions:
        actor, e = ctx.actor_starts[s]
        role = mention_role(ctx, e)
        if role == "backed" and sponsors or role in ("plain", "tied") and tables.actor_type.get(actor) == "group":
            found.append((s, actor, role))
    return found


def nearest_organization(tables: CountTables, ctx: DocContext, start: int) -> Optional[str]:
    """The mission or organization named last before a peacekeeper count ("UNMISS said")."""
    for s in reversed(ctx.actor_positions_before(start)):
        actor, e = ctx.actor_starts[s]
        if tables.actor_type.get(actor) == "organization" and mention_role(ctx, e) == "plain":
            return actor
    return None


def the_other_side(
    tables: CountTables, ctx: DocContext, phrase: Tuple[int, int], before_cue: Optional[Cue], sentence: Tuple[int, int]
) -> Tuple[str, ...]:
    """Who the sentence says killed, wounded or took the counted people: the subject of the verb
    before ("Pakistani troops killed 30 militants") and the actor after "by" ("... killed by Somali
    soldiers"); a side never counts its own victims."""
    found: List[str] = []
    if before_cue is not None and before_cue.get("subject") is False and "_start" in before_cue:
        killer = clause_subject_actor(tables, ctx, before_cue["_start"] - 1, sentence[0])
        if killer is not None:
            found.append(killer)
    words = ctx.words
    for k in range(phrase[1], min(phrase[1] + 6, sentence[1] - 1)):
        if words[k] == "by":
            found.extend(ctx.actors_between(k + 1, min(k + 4, sentence[1])))
            break
    return tuple(found)
