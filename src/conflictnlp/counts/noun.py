"""The counted noun after a figure, across modifiers and nationality words ("about 11,000 North
Korean soldiers", "three full-blooded brigades", "dozens of missiles", "11 of its soldiers").

:func:`read_counted_noun` is the step the reader calls; :func:`read_noun` reads it as named steps:
:func:`enter_of` ("of" and a partitive), :func:`read_chain` (the words up to the noun, one
function per kind of word), :func:`finish_noun` (what the whole phrase rules out).
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Tuple

from ..schema import KINDS
from .context import DocContext
from .quantity import Quantity
from .tables import (
    COLLECTIVES, DETERMINERS, MADE, MAX_PHRASE, MEASURES, MONTHS, NOT_MODIFIERS, PARTITIVE_SKIP, PEOPLE_NOUNS,
    PERCENT, POSSESSIVES, REPORTING, SIZED, SIZED_NOUNS, CountTables,
)

_STOP = -1  # a word step's answer: the chain of words before the noun ends here
_COUNTED = KINDS + ("person",)
# The parser path: the dependencies from a number to the noun it counts, the entity types of a noun
# that is no count ("two years", "30 km", "five percent"), and the words a counted noun may lie past.
_NUMBER_DEPS = ("nummod", "quantmod", "compound")
_NOT_COUNTED_ENTS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL")
_MAX_GAP = 4
# Quotation marks a claimed figure or noun stands in ("'dozens' of soldiers", "100 'terrorists'").
QUOTE_MARKS = frozenset(("'", "‘", "’", '"', "“", "”"))
# The words between the two years of a span ("from 2014 to 2022", "between 2013 and 2018").
YEAR_LINKS = ("and", "to", "-", "–", "through", "until")


class NounPhrase:
    """What :func:`read_noun` found after the figure."""

    __slots__ = (
        "head", "head_index", "end", "kind", "unit", "actor", "adjective_kind", "adjective_head",
        "echelon", "designator", "numeric_many", "partitive", "elided", "civil", "unknown", "parsed", "loose",
        "topic",
    )

    def __init__(self) -> None:
        self.head: Optional[int] = None  # where the noun starts
        self.head_index = 0  # the noun's head token (for the parser)
        self.end = 0
        self.kind: Optional[str] = None
        self.unit: Optional[str] = None
        self.actor: Optional[str] = None
        self.adjective_kind: Optional[str] = None  # "20 wounded soldiers": the adjective gives the kind
        self.adjective_head = False  # the noun is an adjective used as one ("20 dead")
        self.echelon: Optional[Dict[str, Any]] = None  # the units table's entry ("three brigades")
        self.designator = False  # a name, not a count ("2 Brigade", "two terrorist camps")
        self.numeric_many = False  # the figure is a number, not "a"/"an"
        self.partitive = False  # "11 of its soldiers": the span stops at the figure
        self.elided = False  # "killed and 46 wounded": the adjective is the elided verb
        self.civil = False  # a civil modifier before the noun ("aid trucks")
        self.unknown = 0  # words in no table read before the noun ("three unidentified civilians")
        self.parsed = False  # the parser path ran: the kind step may read the governing verb
        self.loose = False  # a noun only the parse gives: it counts only as killed or wounded
        self.topic = False  # the noun is the topic of the sentence, before the figure (topic.py)

    def set_head(self, start: int, end: int, kind: str, unit: Optional[str], adjective: bool) -> None:
        self.head = start
        self.head_index = end - 1 if self.echelon is None else start
        self.end = end
        self.kind = kind
        self.unit = unit
        self.adjective_head = adjective


def read_counted_noun(tables: CountTables, ctx: DocContext, quantity: Quantity) -> Optional[NounPhrase]:
    """The noun the quantity counts; None when the figure names something ("2 Brigade")."""
    noun = NounPhrase()
    if quantity.compound is None:
        allow_of = quantity.vague is not None or quantity.scale_word
        j = quantity.end
        if allow_of and quantity.vague is None and part_of_a_whole(ctx, j):
            allow_of = False  # "1.9 million of Gaza's 2.1 million people": a stated figure's partitive
        if j + 1 < ctx.n and ctx.words[j] in QUOTE_MARKS and ctx.words[j + 1] == "of" and quantity.start > 0 and (
                ctx.words[quantity.start - 1] in QUOTE_MARKS):
            j += 1  # "'dozens' of soldiers": a quoted figure
        noun = read_noun(tables, ctx, j, allow_of, quantity.article, single=quantity.number == 1)
        if noun.unknown and looks_like_year(ctx, quantity):
            return None  # "the 2022 invasion forced people to flee": a year, not a count
        if (noun.head is None or noun.adjective_head) and year_range(ctx, quantity):
            return None  # "a civil war between 2013 and 2018 killed ...": a span of years (or its end)
        return None if noun.designator else noun
    if quantity.compound["lemma"] == "strong":
        read_strong_unit(tables, ctx, quantity.end, noun)
    return noun


def looks_like_year(ctx: DocContext, quantity: Quantity) -> bool:
    """Is the figure four digits from 1900 to 2100, alone ("2022")?"""
    number, text = quantity.number, ctx.doc[quantity.i].text
    return number is not None and 1900 <= number <= 2100 and quantity.core_end - quantity.i == 1 and text.isdigit()


def year_range(ctx: DocContext, quantity: Quantity) -> bool:
    """Is the quantity a range of two years written in four digits ("between 2013 and 2018",
    "from 2014 to 2022", "2013-2018")?"""
    low, high, i, doc = quantity.number, quantity.second, quantity.i, ctx.doc
    if high is None and i > 1 and ctx.words[i - 1] in YEAR_LINKS:
        before = doc[i - 2].text  # "2018" of "between 2013 and 2018", read alone
        if not (before.isdigit() and len(before) == 4):
            return False
        low, high = int(before), low
    if low is None or high is None or not 1900 <= low < high <= 2100:
        return False
    digits = [t.text for t in doc[i : quantity.core_end] if t.text[:1].isdigit()]
    return bool(digits) and all(d.isdigit() and len(d) == 4 or len(d) == 9 and d[4] in "-–" for d in digits)


def read_strong_unit(tables: CountTables, ctx: DocContext, end: int, noun: NounPhrase) -> None:
    """ "a nearly 50,000-strong force": the noun after the compound (outside the span) names the
    unit; a nationality between them names the actor ("a 3,000-strong Ukrainian group")."""
    words = ctx.words
    after = end
    nationality = ctx.actor_starts.get(end)
    if nationality is not None:
        noun.actor, after = nationality
    follower = words[after] if after < ctx.n else ""
    if tables.nouns.get(follower, {}).get("kind") == "troops":
        noun.unit = tables.nouns[follower]["lemma"]
    elif follower in SIZED_NOUNS:
        noun.unit = follower.rstrip("s") if follower != "forces" else "force"


def read_noun(tables: CountTables, ctx: DocContext, j: int, allow_of: bool, article: bool, single: bool = False) -> NounPhrase:
    """The counted noun after a figure, across modifiers and nationality words.

    "dozens of missiles" and "tens of thousands of troops" read through "of"; a stated figure
    before "of" + a determiner is a partitive ("11 of its soldiers", "at least 21 of them"):
    the noun gives the kind and the unit but the span stops at the figure (``noun.partitive``).
    """
    noun = NounPhrase()
    noun.numeric_many = not article
    j = enter_of(tables, ctx, noun, j, allow_of, single)
    done, chain_actor = read_chain(tables, ctx, noun, j)
    if not done:
        finish_noun(tables, ctx, noun, single, chain_actor)
    return noun


def enter_of(tables: CountTables, ctx: DocContext, noun: NounPhrase, j: int, allow_of: bool, single: bool) -> int:
    """Step over "of" (and a determiner) after the figure; where the noun's words start. A figure
    of the whole right after "of" makes a partitive too ("shot down 34 of 40 drones")."""
    words, n, doc = ctx.words, ctx.n, ctx.doc
    # the whole after "of": a determiner, or (before a word more) its own figure ("34 of 40 drones") or a
    # one-word possessor ("1.9 million of Gaza's 2.1 million people")
    whole = not single and (j + 1 < n and words[j] == "of" and words[j + 1] in DETERMINERS
                            or j + 2 < n and part_of_a_whole(ctx, j))
    if not (j + 1 < n and words[j] == "of" and (allow_of or whole)):
        if not (single and j + 1 < n and words[j] == "of" and single_partitive(tables, ctx, j + 1)):
            return j
    noun.partitive = not allow_of
    j += 1
    if j < n and words[j] in DETERMINERS:
        j += 1
    elif noun.partitive and possessor(ctx, j):
        j += 2
    if noun.partitive:
        noun.end = j  # "of them", "of whom": where the cues after the phrase are looked for
        k = j
        while k < min(n, j + 6) and (doc[k].like_num or words[k] in PARTITIVE_SKIP or doc[k].text[:1].isupper()):
            k += 1
        if k > j and k < n and (words[k] in tables.nouns or words[k] in tables.modifiers or words[k] in tables.echelons):
            j = k  # the whole's own figure belongs to the partitive, not to a second count
    return j


def part_of_a_whole(ctx: DocContext, j: int) -> bool:
    """Does "of" at ``j`` open the whole a figure is part of: a determiner, a figure or a one-word
    possessor after it ("of the 2.1 million people", "of 40 drones", "of Gaza's residents")?"""
    words = ctx.words
    return j + 1 < ctx.n and words[j] == "of" and (
        words[j + 1] in DETERMINERS or ctx.doc[j + 1].like_num or possessor(ctx, j + 1))


def possessor(ctx: DocContext, k: int) -> bool:
    """Is token ``k`` a one-word name with a possessive "'s" after it ("Gaza's", "Sudan's")?"""
    return k + 1 < ctx.n and ctx.doc[k].text[:1].isupper() and ctx.words[k + 1] in ("'s", "\u2019s")


def single_partitive(tables: CountTables, ctx: DocContext, d: int) -> bool:
    """ "one of its fighters", "one of the hostages": after "one of", a determiner (at ``d``) and a
    plural counted noun, across modifiers and actor words, make a partitive of one."""
    words, n = ctx.words, ctx.n
    if words[d] not in DETERMINERS or words[d] in ("them", "whom", "which"):
        return False
    k = d + 1
    while k < min(n, d + 4) and (words[k] in tables.modifiers or k in ctx.actor_starts):
        k = ctx.actor_starts[k][1] if k in ctx.actor_starts else k + 1
    entry = tables.nouns.get(words[k]) if k < n else None
    return entry is not None and entry["kind"] in _COUNTED and words[k] != entry["lemma"] and not entry.get("adjective")


# The plural of an equipment model's designation: "Su-25s", "F-16s", "T-72s", "MiG-29s", "TB2s"
# (a letter first, then letters and a number, then "s"; never a decade: "1990s").
MODEL_PLURAL = re.compile(r"[A-Z][A-Za-z]{0,3}-?[0-9]{1,3}[A-Za-z]{0,2}s")


def read_chain(tables: CountTables, ctx: DocContext, noun: NounPhrase, j: int) -> Tuple[bool, Optional[str]]:
    """Read the words from ``j`` (at most seven) into ``noun``: actor words, an echelon, counted
    nouns, hyphens, modifiers and names. Returns (whether the phrase is complete, the first actor)."""
    words, n, doc = ctx.words, ctx.n, ctx.doc
    m, limit = j, min(n, j + 7)
    chain_actor: Optional[str] = None
    while m < limit:
        w = words[m]
        actor_match = ctx.actor_starts.get(m)
        if actor_match is not None:
            m, chain_actor = actor_word(tables, ctx, noun, m, actor_match, chain_actor)
            continue
        if w in tables.echelons and (noun.head is None or noun.adjective_head):
            if echelon_word(tables, ctx, noun, m, chain_actor):
                return True, chain_actor
            m += 1  # "18 battalion commanders": the echelon names whose commanders they are
            continue
        entry, size = noun_at(tables, ctx, noun, m)
        if entry is not None and not entry.get("compound"):
            m = noun_word(ctx, noun, m, entry, size)
        elif w == "-" and ctx.glued(m - 1) and ctx.glued(m):
            m = hyphen(noun, m)
        elif w in tables.modifiers or (ctx.has_pos and doc[m].pos_ == "ADJ"):
            if w in tables.civil_modifiers and noun.head is None:
                noun.civil = True
            m += 1
        elif noun.head is None and not ctx.has_dep and (plural := plural_person(tables, ctx, m)) is not None:
            noun.set_head(m, m + 1, "person", plural[0], adjective=False)
            noun.loose = plural[1]  # "two guards were wounded"; "3 vigilantes wounded" only as killed or wounded
            m += 1
        elif noun.head is None and not ctx.has_dep and demonym(tables, ctx, m):
            noun.set_head(m, m + 1, "person", people_unit(doc[m].text), adjective=False)  # "three Malawians"
            m += 1
        elif noun.head is None and MODEL_PLURAL.fullmatch(doc[m].text):
            noun.set_head(m, m + 1, "equipment", words[m][:-1], adjective=False)  # "two Su-25s" (unit "su-25")
            m += 1
        elif doc[m].text[:1].isupper() and noun.head is None and not doc[m].like_num:
            m += 1  # a model or a name before the noun: "400 Shahed drones", "two T-72 tanks", "TB2 drones"
        elif noun.head is None and noun.unknown < 2 and unknown_modifier(ctx, m):
            noun.unknown += 1  # "three unidentified civilians", "two retreating fighters", "eight mine removal experts"
            m += 1
        elif noun.head is None and w in QUOTE_MARKS and quoted_part(tables, ctx, m, j):
            m += 1  # "100 'terrorists'", "'about 300' Houthi fighters": a quoted word or figure
        elif noun.head is None and m > j and w in ("and", "or") and joins_modifiers(tables, ctx, m):
            m += 1  # "11 ballistic and cruise missiles"
        elif noun.head is None and (measured := measure_modifier(ctx, m)) is not None:
            m = measured  # "two 500-pound bombs", "two 60mm mortars", "61 four-wheel drive vehicles"
        else:
            break
        if m == _STOP:
            break
    return False, chain_actor


def phrase_at(phrases: Dict[Tuple[str, ...], Any], words: List[str], m: int) -> Tuple[Any, int]:
    """The longest form of several words that starts at ``m`` ("rocket launchers"): (its entry, its
    length), or (None, 0)."""
    for size in range(MAX_PHRASE, 1, -1):
        entry = phrases.get(tuple(words[m : m + size])) if m + size <= len(words) else None
        if entry is not None:
            return entry, size
    return None, 0


def noun_at(tables: CountTables, ctx: DocContext, noun: NounPhrase, m: int) -> Tuple[Optional[Dict[str, Any]], int]:
    """The counted noun at ``m``: a compound of several words before the head ("10 rocket
    launchers", "three sniper teams"), else the word's entry; (entry, its length)."""
    if noun.head is None or noun.adjective_head:
        entry, size = phrase_at(tables.noun_phrases, ctx.words, m)
        if entry is not None:
            return entry, size
    return tables.nouns.get(ctx.words[m]), 1


def plural_person(tables: CountTables, ctx: DocContext, m: int) -> Optional[Tuple[str, bool]]:
    """Without a parse: a lowercase plural in no table at ``m``, read as people. (lemma, loose):
    the plural of a lemma of ``people_nouns`` ("guards", "officials") counts as any people noun
    does; any other plural ("vigilantes", "growers") is loose, as a noun only the parse gives on
    the parser path: it counts only as killed or wounded. None for a word that is no plural noun
    (a measure, a time, a stop word, "-ss"/"-us"/"-is")."""
    token, w = ctx.doc[m], ctx.words[m]
    if not (token.is_alpha and token.text == w and len(w) > 3) or token.is_stop or w in NOT_MODIFIERS:
        return None
    if w.endswith("men") and w[:-3] + "man" in PEOPLE_NOUNS:
        return w[:-3] + "man", False  # "fishermen"
    if not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return None
    if w.endswith("ies"):
        lemma = w[:-3] + "y"
    elif w.endswith(("ches", "shes", "xes", "sses", "zes")):
        lemma = w[:-2]
    else:
        lemma = w[:-1]
    if lemma in NOT_MODIFIERS or lemma in tables.nouns or lemma in tables.modifiers:
        return None  # "hours", "times": the singular is a word of time or measure
    return lemma, lemma not in PEOPLE_NOUNS


def quoted_part(tables: CountTables, ctx: DocContext, m: int, j: int) -> bool:
    """Is the quotation mark at ``m`` (``j``: where the words after the figure start) one that closes
    a quoted figure ("'about 300' Houthi fighters") or opens a quoted counted noun ("100
    'terrorists'")? Not one before an adjective used as a noun ("tens of thousands of 'missing'
    emails")."""
    if m == j and ctx.glued(m - 1):
        return True
    entry = tables.nouns.get(ctx.words[m + 1]) if m + 1 < ctx.n and ctx.glued(m) else None
    return entry is not None and not entry.get("adjective")


def joins_modifiers(tables: CountTables, ctx: DocContext, m: int) -> bool:
    """Does the "and"/"or" at ``m`` join two modifiers before the noun ("ballistic and cruise
    missiles", "armoured and unarmoured vehicles")?"""
    def modifier(k: int) -> bool:
        return 0 <= k < ctx.n and (ctx.words[k] in tables.modifiers or unknown_modifier(ctx, k))
    return modifier(m - 1) and modifier(m + 1)


# A figure glued to a measure in one token: a calibre or a weight before the noun ("60mm", "155mm").
_MEASURE_TOKEN = re.compile(r"^\d+(?:\.\d+)?(?:mm|cm|kg|lb|lbs)$")
_CALIBRES = frozenset(("mm", "cm", "kg", "lb", "lbs"))


def measure_modifier(ctx: DocContext, m: int) -> Optional[int]:
    """Where a figure that describes the noun ends, when one starts at ``m``: a calibre or weight
    ("60mm", "500-pound", "122-millimetre"), a number word glued to a word ("four-wheel drive",
    "one-way attack", "12-year-old"). None when none does."""
    words, doc = ctx.words, ctx.doc
    if _MEASURE_TOKEN.match(words[m]):
        return m + 1
    if doc[m].like_num and m + 1 < ctx.n and ctx.glued(m) and words[m + 1] in _CALIBRES:
        return m + 2  # "60mm" split by the tokenizer
    if not doc[m].like_num or m + 2 >= ctx.n or words[m + 1] != "-" or not (ctx.glued(m) and ctx.glued(m + 1)):
        return None
    k = m + 3
    while k + 1 < ctx.n and words[k] == "-" and ctx.glued(k - 1) and ctx.glued(k) and doc[k + 1].is_alpha:
        k += 2  # "12-year-old"
    return k if doc[m + 2].is_alpha else None


# Endings of a plural of nationality ("Malawians", "South Africans", "Yemenis").
DEMONYM_ENDINGS = ("ans", "is")


def demonym(tables: CountTables, ctx: DocContext, m: int, actor_word: bool = False) -> bool:
    """Without a parse: is the capitalized word at ``m``, in no table, a plural of nationality that
    ends the phrase ("nine South Africans, three Malawians and a Uruguayan", "12 Yemenis were
    killed")? Not before another capitalized word or a counted noun ("three Malawian soldiers" is
    read by its noun)."""
    token, w = ctx.doc[m], ctx.words[m]
    if not (token.is_alpha and token.text[:1].isupper() and not token.text.isupper() and len(w) > 4):
        return False
    if not w.endswith(DEMONYM_ENDINGS) or w in tables.nouns or (m in ctx.actor_starts and not actor_word):
        return False
    if m + 1 < ctx.n:
        nxt = ctx.doc[m + 1]
        if nxt.is_alpha and (nxt.text[:1].isupper() or ctx.words[m + 1] in tables.nouns or ctx.words[m + 1] in tables.modifiers):
            return False
    return True


def unknown_modifier(ctx: DocContext, m: int) -> bool:
    """May the word at ``m``, in no table, stand between the figure and its noun? A lowercase word
    of three letters or more that is no plural, no stop word, no time or measure word: "three unidentified civilians",
    "four burned-out tanks", "38 Shahed-type drones" (any word after a glued hyphen). "two years", "three villages" stay out:
    the chain still needs a counted noun after it."""
    token, w = ctx.doc[m], ctx.words[m]
    after_hyphen = m > 0 and ctx.words[m - 1] == "-" and ctx.glued(m - 1)
    return (
        token.is_alpha and len(w) > 2 and token.text == w and (after_hyphen or not token.is_stop)
        and (after_hyphen or (not w.endswith("s") or w.endswith(("ss", "ous"))) and w not in NOT_MODIFIERS)
    )


def actor_word(
    tables: CountTables, ctx: DocContext, noun: NounPhrase, m: int, match: Tuple[str, int], chain_actor: Optional[str]
) -> Tuple[int, Optional[str]]:
    """An actor word in the chain: the first names the phrase's actor; a people word ("Ukrainians")
    is the counted noun. Returns where the chain goes on and its actor."""
    words = ctx.words
    actor, a_end = match
    if maker(ctx, a_end):
        return a_end + 2, chain_actor  # "14 Iranian-built drones"
    chain_actor = chain_actor or actor
    text = ctx.doc[m:a_end].text
    entry = tables.nouns.get(words[m]) if a_end == m + 1 else None
    if text in tables.people and (noun.head is None or noun.adjective_head):
        noun.set_head(m, a_end, "person", tables.people[text].lower(), adjective=False)
        noun.unit = people_unit(text)
    elif entry is not None and entry["kind"] == "person" and (noun.head is None or noun.adjective_head):
        noun.set_head(m, a_end, "person", entry["lemma"], adjective=False)  # "30 Afghans", "12 Britons"
    elif noun.head is None and not ctx.has_dep and demonym(tables, ctx, a_end - 1, actor_word=True):
        noun.set_head(m, a_end, "person", people_unit(text), adjective=False)  # "nine South Africans"
    m = a_end
    if m < ctx.n and words[m] in POSSESSIVES:
        m += 1  # "of the group's fighters", "of Hamas's fighters"
    return m, chain_actor


def people_unit(text: str) -> str:
    """The unit of a people word: "Ukrainians" -> "ukrainian", "Rohingya" -> "rohingya"."""
    return text[:-1].lower() if text.endswith("s") else text.lower()


def echelon_word(tables: CountTables, ctx: DocContext, noun: NounPhrase, m: int, actor: Optional[str]) -> bool:
    """An echelon noun: a designator ("2 Brigade"), a size in units ("three brigades"), or a
    modifier of the next noun (False: "18 battalion commanders"). True when the phrase is read."""
    words, n = ctx.words, ctx.n
    w = words[m]
    entry, size = phrase_at(tables.echelon_phrases, words, m)  # "11 battalion tactical groups"
    if entry is None:
        entry, size = tables.echelons[w], 1
    if ctx.doc[m].text[:1].isupper() and w == entry["forms"][0].lower() and not ctx.is_title(m):
        noun.designator = True  # "2 Brigade", "16 Air Assault Brigade"
        return True
    follower = tables.nouns.get(words[m + size]) if m + size < n else None
    if follower is not None and follower["kind"] in _COUNTED and not follower.get("compound"):
        return False
    read_echelon(tables, ctx, (m, size), entry, noun, actor)
    return True


def noun_word(ctx: DocContext, noun: NounPhrase, m: int, entry: Dict[str, Any], size: int = 1) -> int:
    """A counted noun (or an adjective used as one: "20 dead"); where the chain goes on, or _STOP."""
    words = ctx.words
    w = words[m]
    if noun.head is not None and not noun.adjective_head and w == entry["lemma"] and w != words[noun.end - 1]:
        return _STOP  # "took 12 soldiers prisoner": a singular noun after the head is not part of it
    if entry.get("adjective"):
        if noun.head is not None and not noun.adjective_head:
            return _STOP  # "300 soldiers killed": the participle is a cue, not the noun
        noun.adjective_kind = entry["kind"]
        # "20 dead", "Hundreds Killed": an adjective used as a noun counts no noun, so no unit.
        noun.set_head(m, m + 1, entry["kind"], None, adjective=True)
        noun.elided = bool(entry.get("elided"))
    else:
        noun.set_head(m, m + size, entry["kind"], None if entry.get("pronoun") else entry["lemma"], adjective=False)
        noun.elided = False
        if noun.adjective_kind == entry["kind"]:
            noun.adjective_kind = None
    m += size
    if m + 1 < ctx.n and words[m] == "of" and words[m + 1] == "war" and entry["kind"] == "captured":
        noun.end = m + 2  # "prisoners of war"
        return _STOP
    return m


def hyphen(noun: NounPhrase, m: int) -> int:
    """A glued hyphen: "50 troop-contributing countries" makes the noun a modifier (_STOP)."""
    if noun.head is not None and noun.head == m - 1 and not noun.adjective_head:
        noun.head = None
        return _STOP
    return m + 1


def finish_noun(tables: CountTables, ctx: DocContext, noun: NounPhrase, single: bool, chain_actor: Optional[str]) -> None:
    """What the whole phrase rules out: aid trucks, adjectives of no kind; a second noun joined by
    "and"; a singular noun used as a modifier ("nine terrorist camps")."""
    if noun.head is not None and noun.civil and noun.kind == "equipment":
        noun.head = None  # "600 aid trucks": not military equipment
    if noun.head is not None and not noun.adjective_head:
        read_coordinated(tables, ctx, noun)
    if noun.head is not None and noun.adjective_head and noun.kind not in KINDS:
        noun.head = None
    if noun.adjective_head:
        noun.adjective_kind = None  # "20 dead": the noun itself gives the kind
    if noun.head is None or noun.partitive:
        noun.elided = False
    if singular_modifier(tables, ctx, noun, single):
        noun.head = None  # "nine terrorist camps", "two terrorist bases": a singular noun used as a modifier
        noun.designator = True
    noun.actor = chain_actor if noun.head is not None else None


def singular_modifier(tables: CountTables, ctx: DocContext, noun: NounPhrase, single: bool) -> bool:
    """Is the noun a singular form before another word, after a figure above one?"""
    if noun.head is None or noun.adjective_head or single or noun.head != noun.end - 1:
        return False
    word, n, doc = ctx.words[noun.head], ctx.n, ctx.doc
    entry = tables.nouns.get(word)
    return (
        entry is not None and word == entry["lemma"] and word not in COLLECTIVES
        and len(entry["forms"]) > 1 and noun.end < n and doc[noun.end].is_alpha
        and not doc[noun.end].is_stop and ctx.words[noun.end] not in tables.after_first
    )


def maker(ctx: DocContext, a_end: int) -> bool:
    """ "US-made", "Turkish-built": the country that made the equipment, not whose it is."""
    return a_end + 1 < ctx.n and ctx.words[a_end] == "-" and ctx.words[a_end + 1] in MADE


def read_coordinated(tables: CountTables, ctx: DocContext, noun: NounPhrase) -> None:
    """ "35 tanks and armoured vehicles", "8,000 servicemen and civilians": a second counted noun
    joined by "and"/"or" (only modifiers between) belongs to the same figure."""
    words, n = ctx.words, ctx.n
    k = noun.end
    if k + 1 >= n or words[k] not in ("and", "or"):
        return
    kinds = {"troops", "person"} if noun.kind in ("troops", "person") else {noun.kind}
    m = k + 1
    while m < min(n, k + 5):
        w = words[m]
        entry = tables.nouns.get(w)
        if entry is not None and not entry.get("compound") and not entry.get("adjective"):
            if (entry["kind"] in kinds or entry["kind"] == "person" and "troops" in kinds) and not (
                m + 1 < n and words[m + 1] == "of"
            ):
                noun.end = m + 1
                noun.head_index = m
            return
        if w in tables.modifiers or ctx.actor_starts.get(m) is not None:
            m = ctx.actor_starts[m][1] if ctx.actor_starts.get(m) is not None else m + 1
            continue
        return


def read_echelon(
    tables: CountTables, ctx: DocContext, at: Tuple[int, int], entry: Dict[str, Any], noun: NounPhrase, actor: Optional[str]
) -> NounPhrase:
    """A size in units at ``at`` (start, number of words): "three brigades", "a battalion-sized
    force", "two companies of troops", "11 battalion tactical groups"; an ambiguous or singular
    echelon counts only when the phrase confirms it."""
    words, n = ctx.words, ctx.n
    m, size = at
    noun.echelon = entry
    noun.unit = entry["forms"][0].lower()
    end = m + size
    confirmed = False
    if end + 1 < n and words[end] == "-" and words[end + 1] in SIZED and ctx.glued(end - 1) and ctx.glued(end):
        end += 2
        confirmed = True
        if end < n and (words[end] in SIZED_NOUNS or tables.nouns.get(words[end], {}).get("kind") == "troops"):
            noun.unit = tables.nouns[words[end]]["lemma"] if words[end] in tables.nouns else words[end]
            end += 1
    elif end < n and words[end] == "of":
        end, confirmed, actor = _echelon_of(tables, ctx, end, actor)
    singular = " ".join(words[m : m + size]) == entry["forms"][0].lower()
    if not confirmed and (entry.get("ambiguous") or singular and not noun.numeric_many):
        noun.echelon = None
        noun.unit = None
        return noun
    noun.set_head(m, end, "troops", noun.unit, adjective=False)
    noun.actor = actor
    return noun


def _echelon_of(tables: CountTables, ctx: DocContext, end: int, actor: Optional[str]) -> Tuple[int, bool, Optional[str]]:
    """ "two companies of (Russian) troops": (the phrase's end, whether troops follow, its actor)."""
    words, n = ctx.words, ctx.n
    k = end + 1
    if k < n and words[k] in DETERMINERS:
        k += 1
    while k < n and k < end + 5:
        a = ctx.actor_starts.get(k)
        if a is not None:
            actor = actor or a[0]
            k = a[1]
            continue
        if words[k] in tables.modifiers:
            k += 1
            continue
        break
    if k < n and tables.nouns.get(words[k], {}).get("kind") in ("troops", "person"):
        return k + 1, True, actor
    return end, False, actor


def is_source(ctx: DocContext, end: int) -> bool:
    """Is the phrase the subject of a reporting verb ("two officers said", "three commanders told")?"""
    return end < ctx.n and ctx.words[end] in REPORTING


# ------------------------------------------------------------------------------ the parser path


def parse_noun(tables: CountTables, ctx: DocContext, quantity: Quantity, noun: NounPhrase) -> NounPhrase:
    """With a dependency parse: the noun the figure counts when the tables read none ("four
    burned-out tanks", "30 Kandahar University teachers", "dozens of Rohingya"). The parse gives
    the noun (:func:`modified_noun`); :func:`parsed_entry` decides whether it counts people or arms.
    Marks the phrase ``parsed`` so that the kind step may read its governing verb."""
    noun.parsed = True
    if noun.head is not None or noun.partitive or noun.echelon is not None:
        return noun
    if quantity.compound is not None or quantity.article:
        return noun
    head = modified_noun(ctx, quantity)
    if head is None:
        return noun
    found = parsed_entry(tables, ctx, head, quantity.number == 1 and quantity.second is None)
    if found is None:
        return noun
    kind, unit, loose = found
    if kind == "equipment" and (noun.civil or any(w in tables.civil_modifiers for w in ctx.words[quantity.end : head])):
        return noun  # "80 fuel tanker trucks", "three passenger planes": not military equipment
    noun.set_head(head, head + 1, kind, unit, adjective=False)
    noun.loose = loose
    people = kind == "person" and ctx.actor_starts.get(head, (None, 0))[1] == head + 1
    actors = ctx.actors_between(quantity.end, head + 1 if people else head)  # "seven Malawians": the people word is whose
    noun.actor = actors[0] if actors else None
    return noun


def modified_noun(ctx: DocContext, quantity: Quantity) -> Optional[int]:
    """The noun after the figure that the figure modifies (``nummod``, through "two dozen"), or
    the object of "of" after a vague figure ("dozens of Rohingya"); only modifiers between them."""
    doc = ctx.doc
    if ctx.glued(quantity.core_end - 1) and quantity.core_end < ctx.n and doc[quantity.core_end].is_alpha:
        return None  # "155mm shells", "23mm guns": a calibre, not a count
    token = doc[quantity.core_end - 1]
    while token.dep_ in _NUMBER_DEPS and token.head.pos_ == "NUM" and token.head.i > token.i:
        token = token.head
    head = token.head if token.dep_ == "nummod" else None
    end = quantity.end
    if head is None and (quantity.vague is not None or quantity.scale_word) and end < ctx.n and ctx.words[end] == "of":
        head = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        end += 1
    if head is None or not end <= head.i <= end + _MAX_GAP or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.ent_type_ in _NOT_COUNTED_ENTS or not head.is_alpha:
        return None
    if head.left_edge.i > end or any(_breaks(doc[k]) for k in range(quantity.core_end, head.i)):
        return None  # the words between must be the noun's own modifiers, on the same line
    return head.i


def _breaks(token: Any) -> bool:
    """Does a token between a figure and a noun part them (punctuation but a hyphen, a line break,
    or a plural noun: the figure counts the nearer noun, as in "three separate raids gunmen ..." that
    a small parser misreads as "three gunmen")?"""
    return token.is_space or token.is_punct and token.text != "-" or token.tag_ in ("NNS", "NNPS")


def parsed_entry(tables: CountTables, ctx: DocContext, i: int, single: bool) -> Optional[Tuple[str, Optional[str], bool]]:
    """(kind, unit, loose) of a noun the parse gives: a noun of our tables by its form or lemma; a
    plural people noun (a lemma of ``people_nouns``, or a group the NER marks NORP: "400 Houthis");
    or any plural noun, loose: it counts only where its verb kills or wounds ("killed two herders").
    None for a measure, a share, a month, or a singular noun after a figure above one."""
    token = ctx.doc[i]
    word, lemma = ctx.words[i], token.lemma_.lower()
    if word in MEASURES or word in PERCENT or word in MONTHS or lemma in MEASURES:
        return None
    entry = tables.nouns.get(word) or tables.noun_lemmas.get(lemma)
    plural = token.tag_ in ("NNS", "NNPS")
    if entry is not None and not entry.get("adjective") and not entry.get("compound"):
        return entry["kind"], None if entry.get("pronoun") else entry["lemma"], False
    if token.ent_type_ == "NORP":
        return "person", people_unit(token.text), False  # "400 Houthis", "dozens of Fulani"
    if not plural and not single:
        return None
    if lemma in PEOPLE_NOUNS:
        return "person", lemma, False
    return ("person", lemma, True) if plural and token.pos_ == "NOUN" else None
