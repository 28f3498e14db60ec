"""The rules of ``conflict_counts``: the JSONL tables (loaded and checked through a
:class:`~conflictnlp.rules.RuleSet`), the named word lists of ``components/counts/words.jsonl``,
the closed-class grammar sets, and :class:`CountTables`, the tables compiled for lookup.
"""

from __future__ import annotations

import re

from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Tuple

import numpy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..rules import ResourceError, RuleSet, RuleSource, RuleTable, bundled_jsonl
from ..schema import ECHELONS, KINDS, QUALIFIER, QUALIFIERS
from .numbers import DASHES, FRACTIONS, GROUP_MARKS, INVISIBLE, SCALES, TENS, UNITS

# ------------------------------------------------------------------------------ the rule tables

_KIND_OR_NULL = (str, type(None))
TABLES: Dict[str, Dict[str, Any]] = {
    "approximators": {"text": str, "qualifier": str, "position": str},
    "vague": {"text": str, "low": int, "high": int, "estimate": int, "note?": str},
    "units": {
        "echelon": str, "forms": list, "low": int, "high": int, "estimate": int,
        "ambiguous?": bool, "source?": str,
    },
    "nouns": {
        "lemma": str, "forms": list, "kind": str, "adjective?": bool, "compound?": bool, "elided?": bool,
        "pronoun?": bool,
    },
    "modifiers": {"text": str, "civil?": bool},
    "cues": {"text": str, "role": str, "kind?": _KIND_OR_NULL, "subject?": bool, "care?": bool, "civil?": bool},
    "actors": {"actor": str, "forms": list, "people?": list, "type?": str, "army_of?": str},
}
RULE_TABLES = tuple(RuleTable(name, f"{name}.jsonl", fields) for name, fields in TABLES.items())
# The qualifiers an approximator may set (those of schema.QUALIFIERS that a word sets) and the roles of a cue.
APPROXIMATOR_QUALIFIERS = tuple(q for q in QUALIFIERS if QUALIFIER[q].worded)
APPROXIMATOR_POSITIONS = ("before", "after")
CUE_ROLES = ("before", "after", "link", "possessed")
# The most words of a compound noun or unit form ("battalion tactical groups").
MAX_PHRASE = 3


def check_tables(rules: RuleSet, tables: Mapping[str, List[Dict[str, Any]]]) -> None:
    """Checks that the field specs cannot express; errors name the table and the entry
    (and, for a user file, the file and the line)."""
    for entry in tables["approximators"]:
        if entry["qualifier"] not in APPROXIMATOR_QUALIFIERS:
            rules.fail("approximators", entry, f"qualifier must be {', '.join(APPROXIMATOR_QUALIFIERS[:-1])} or {APPROXIMATOR_QUALIFIERS[-1]}")
        if entry["position"] not in APPROXIMATOR_POSITIONS:
            rules.fail("approximators", entry, "position must be 'before' or 'after'")
    for name in ("vague", "units"):
        for entry in tables[name]:
            if not 0 < entry["low"] <= entry["estimate"] <= entry["high"]:
                rules.fail(name, entry, "needs 0 < low <= estimate <= high")
    for entry in tables["units"]:
        if entry["echelon"] not in ECHELONS:
            rules.fail("units", entry, f"echelon must be one of {', '.join(ECHELONS)}")
    for entry in tables["nouns"]:
        if entry["kind"] not in KINDS + ("person",):
            rules.fail("nouns", entry, f"kind must be one of {', '.join(KINDS)} or person")
    for name in ("units", "nouns", "actors"):
        for entry in tables[name]:
            forms = entry["forms"] + entry.get("people", [])
            if not forms or not all(isinstance(f, str) and f for f in forms):
                rules.fail(name, entry, "forms must be a non-empty list of strings")
            if name != "actors" and any(f != " ".join(f.split()) or len(f.split()) > MAX_PHRASE for f in forms):
                rules.fail(name, entry, f"forms must be words separated by single spaces, at most {MAX_PHRASE}")
    for entry in tables["cues"]:
        if entry["role"] not in CUE_ROLES:
            rules.fail("cues", entry, "role must be before, after, link or possessed")
        if entry.get("kind") is not None and entry["kind"] not in KINDS:
            rules.fail("cues", entry, f"kind must be one of {', '.join(KINDS)}")


def make_rules() -> RuleSet:
    """An empty rule set of ``conflict_counts`` (call ``.load(sources)``)."""
    return RuleSet("counts", "conflict_counts", RULE_TABLES, check=check_tables)


def load_tables(sources: Mapping[str, RuleSource]) -> Dict[str, List[Dict[str, Any]]]:
    """Resolve every table: ``None`` = bundled default, a path = user JSONL file, a list = entries."""
    return make_rules().load(sources).entries


# ------------------------------------------------------------------------------ named word lists

WORD_LIST_FIELDS = {"list": str, "words": list, "note?": str}
_WORD_LISTS = (
    "months", "currency", "percent", "measures", "sized", "sized_nouns", "collectives", "made",
    "particle_verbs", "reporting", "actor_heads", "army_heads", "group_anaphors", "army_anaphors", "compass",
    "not_modifiers", "toll_links", "toll_nouns", "origins", "people_nouns",
    # whose a count is when the phrase names no actor (actor.py, side_actor)
    "state_side", "group_side", "shared_side", "peace_side", "state_markers", "group_markers", "side_heads", "backing", "ties",
    # participles of violence before "and" and a cue after a count (kind.py, cue_after)
    "violence_verbs",
    # words of time and scope after a figure without a noun (kind.py, bare_ok): "rose to 27 overnight"
    "bare_closers",
    # phrases that set a counted noun as the topic of a bare figure after them (topic.py): "as for tanks, ... lost 40"
    "topic_openers",
    # what a verb of care ("treated N people for ...") must treat to count the wounded (kind.py, cared_for_harm)
    "harm_reasons",
)
_PHRASE_LISTS = frozenset({"topic_openers"})  # lists whose entries may be phrases of several words


def read_word_lists(entries: Iterable[Mapping[str, Any]], where: str = "counts words.jsonl") -> Dict[str, FrozenSet[str]]:
    """The named word lists of ``words.jsonl``: each name of :data:`_WORD_LISTS` exactly once."""
    lists: Dict[str, FrozenSet[str]] = {}
    for entry in entries:
        name, words = entry["list"], entry["words"]
        if name not in _WORD_LISTS:
            raise ResourceError(f"{where}: unknown list {name!r} (known: {', '.join(_WORD_LISTS)})")
        if name in lists:
            raise ResourceError(f"{where}: list {name!r} is given twice")
        spaces_ok = name in _PHRASE_LISTS
        if not all(isinstance(w, str) and w.strip() and w == w.lower() and (spaces_ok or " " not in w) for w in words):
            raise ResourceError(f"{where}: list {name!r}: words must be lowercase" + ("" if spaces_ok else " single words"))
        lists[name] = frozenset(words)
    missing = [name for name in _WORD_LISTS if name not in lists]
    if missing:
        raise ResourceError(f"{where}: missing list {missing[0]!r}")
    return lists


WORDS = read_word_lists(bundled_jsonl("counts", "words.jsonl", WORD_LIST_FIELDS))
MONTHS = WORDS["months"]
CURRENCY = WORDS["currency"]
PERCENT = WORDS["percent"]
MEASURES = WORDS["measures"]
SIZED = WORDS["sized"]
SIZED_NOUNS = WORDS["sized_nouns"]
COLLECTIVES = WORDS["collectives"]
MADE = WORDS["made"]
PARTICLE_VERBS = WORDS["particle_verbs"]
REPORTING = WORDS["reporting"]
ACTOR_HEADS = WORDS["actor_heads"]
ARMY_HEADS = WORDS["army_heads"]
GROUP_ANAPHORS = WORDS["group_anaphors"]
ARMY_ANAPHORS = WORDS["army_anaphors"]
COMPASS = WORDS["compass"]
NOT_MODIFIERS = WORDS["not_modifiers"] | MONTHS | MEASURES | PERCENT | CURRENCY
TOLL_LINKS = WORDS["toll_links"]
TOLL_NOUNS = WORDS["toll_nouns"]
ORIGINS = WORDS["origins"]
PEOPLE_NOUNS = WORDS["people_nouns"]
VIOLENCE_VERBS = WORDS["violence_verbs"]  # "300 people | shot and | killed"
BARE_CLOSERS = WORDS["bare_closers"]  # "the toll rose to 27 | overnight"
HARM_REASONS = WORDS["harm_reasons"]  # "treated 40 people for | gunshot wounds"
TOPIC_OPENERS = frozenset(tuple(phrase.split()) for phrase in WORDS["topic_openers"])  # "as for | tanks, ... 40"
SIDE_NOUNS = {side: WORDS[f"{side}_side"] for side in ("state", "group", "shared", "peace")}
SIDE_MARKERS = {"state": WORDS["state_markers"], "group": WORDS["group_markers"]}
SIDE_HEADS, BACKING, TIES = WORDS["side_heads"], WORDS["backing"], WORDS["ties"]

# ------------------------------------------------------------------------------ closed-class grammar

GLUE_OK = frozenset({"(", "[", "“", '"', "'", "‘", "~", "≈", "—", "–"})
ARTICLES = frozenset({"a", "an"})
DETERMINERS = frozenset({"the", "their", "its", "his", "her", "our", "these", "those", "them", "whom", "which"})
POSSESSIVES = ("'s", "’s")
# Words skipped between a cue and the figure: "killed a total of 300", "the toll rose to 300".
BEFORE_SKIP = frozenset({
    "has", "have", "had", "been", "is", "was", "were", "are", "be", "reportedly", "allegedly", "also",
    "already", "now", "so", "far", "the", "a", "an", "rose", "risen", "climbed", "reached", "stood",
    "stand", "stands", "at", "to", "of", "total", "another", "with", "still", "since", "in", "all", "'", "‘", '"', "“",
    "passed", "surpassed", "exceeded", "topped", "raising", "bringing", "pushing", "overall", "amounted",
    "amounting", "are", "those", "among",
})
# Words skipped between a figure and a cue after it: "300 soldiers were killed", "who have fled".
AFTER_SKIP = frozenset({
    "were", "was", "have", "had", "has", "been", "are", "is", "being", "reportedly", "allegedly", "also",
    "all", "later", "now", "who", "that", "either", "since", "already", "subsequently", "'", "’", '"', "”",
    "still", "remain", "remained", "remains", "believed", "thought", "feared", "said", "to", "be", "severely",
    "seriously", "critically", "lightly", "slightly", "badly", "fatally", "mortally", "may", "might", "could",
    "listed", "as", "presumed", "confirmed", "reported", "being", "will", "more", "newly", "currently",
    "temporarily",
})
AUX = frozenset({
    "has", "have", "had", "is", "are", "was", "were", "been", "now", "reportedly", "allegedly", "also",
    "already", "will", "would", "could", "may", "might", "reported", "recently", "since", "then", "quickly",
    "still", "quietly", "thought", "believed", "estimated", "said", "expected", "likely", "to", "probably",
    "claims", "can", "appears", "seems", "planned", "plans", "set", "able", "is", "be", "reportedly", "already",
})
# Tokens after which an actor starts a clause (for the no-parser subject fallback).
CLAUSE_OPENERS = frozenset({
    ",", ";", ":", "—", "–", "-", "“", '"', "(", "and", "but", "while", "as", "that", "said", "says",
    "when", "after", "since", "because", "meanwhile", "whereas", "though", "although", "if",
})
POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "on", "into", "towards", "toward", "near", "across", "inside", "to", "from"})
# Words that end the reach of a toll named earlier in the sentence (kind.cue_far): a new clause.
TOLL_BREAKS = frozenset({";", ":", "which", "who", "whom", "whose", "when", "where", "while", "because", "although", "but", "said", "says", "told"})
ASIDE_OPENERS = frozenset({"including", "most", "many", "mostly", "among", "some", "all", "nearly", "almost", "half"})
# Words between "N of the" and the whole's noun: "18 of the 24 battalion commanders", "of Aitaroun's roughly 11,000".
PARTITIVE_SKIP = frozenset({"'s", "’s", "roughly", "about", "some", "around", "nearly", "approximately", "estimated", "an"})
REJECT_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"})
# Shapes of a figure with a suffix ("3x", "12k", "1.5X") that the pre-filter lets through.
SUFFIX_SHAPES = sorted(
    {d + s for d in ("d", "dd", "ddd", "d.d", "d.dd", "dd.d", "ddd.d") for s in ("x", "xx", "xxx", "X")}
)
# Shapes of a figure that LIKE_NUM misses: other group marks ("11'000", "11’000"), a soft hyphen or
# zero-width character in or around it ("3\u00ad000", "300\u200b"), a range in one token
# ("300–500", "3,000—5,000", "1.5–2").
_HEADS = ("d", "dd", "ddd")
_SIDES = _HEADS + ("dddd", "d,ddd", "dd,ddd", "ddd,ddd", "d.d", "dd.d")
FIGURE_SHAPES = sorted(
    {h + (m + "ddd") * k for h in _HEADS for m in GROUP_MARKS + tuple(INVISIBLE) for k in (1, 2, 3)}
    | {h + c for h in _SIDES for c in INVISIBLE} | {c + h for h in _SIDES for c in INVISIBLE}
    | {a + dash + b for a in _SIDES for b in _SIDES for dash in DASHES}
)

# ------------------------------------------------------------------------------ compiled for lookup

Phrases = Dict[Tuple[str, ...], Any]


def phrase_table(entries: Iterable[Tuple[str, Any]]) -> Phrases:
    """Map the lowercased word tuple of each ``text`` to its value."""
    return {form_words(text): value for text, value in entries}


def form_words(text: str) -> Tuple[str, ...]:
    """The lowercased words of a form as the tokenizer splits them: at spaces, and around a hyphen
    between letters ("passers-by" -> passers, -, by)."""
    return tuple(re.sub(r"(?<=[a-z])-(?=[a-z])", " - ", text.lower()).split())


class CountTables:
    """The rule tables of one ``CountFinder`` compiled for lookup: phrase tables by word tuple,
    word -> entry maps, the actor ``PhraseMatcher`` and the pre-filter's hash arrays. Read-only
    once built; the component builds a new one when its rules are restored."""

    def __init__(self, tables: Mapping[str, List[Dict[str, Any]]], vocab: Any, make_doc: Any) -> None:
        self._compile_words(tables)
        self._compile_cues(tables["cues"])
        self._compile_actors(tables["actors"], vocab, make_doc)
        self.word_ids, self.word_codes, self.shape_ids = prefilter_arrays(self.vague, self.echelons, vocab)

    def _compile_words(self, t: Mapping[str, List[Dict[str, Any]]]) -> None:
        approximators = t["approximators"]
        self.approx_before = phrase_table((e["text"], e["qualifier"]) for e in approximators if e["position"] == "before")
        self.approx_after = phrase_table((e["text"], e["qualifier"]) for e in approximators if e["position"] == "after")
        self.vague = phrase_table((e["text"], e) for e in t["vague"])
        self.echelons = {form.lower(): e for e in t["units"] for form in e["forms"] if " " not in form}
        self.echelon_singular = {e["forms"][0].lower() for e in t["units"]}
        self.nouns = {form.lower(): e for e in t["nouns"] for form in e["forms"] if " " not in form}
        # Forms of several words, by their word tuple: "rocket launchers", "battalion tactical groups".
        self.noun_phrases = phrase_table((f, e) for e in t["nouns"] for f in e["forms"] if len(form_words(f)) > 1)
        self.echelon_phrases = phrase_table((f, e) for e in t["units"] for f in e["forms"] if " " in f)
        # The parser path: a counted noun by its lemma ("burned-out tanks" -> "tank").
        self.noun_lemmas = {e["lemma"]: e for e in t["nouns"] if not e.get("adjective") and not e.get("compound")}
        # Hyphen compounds: "50,000-strong", "a 3,000-man force", "a 30,000-member wing".
        self.compounds = {form for form, e in self.nouns.items() if e.get("compound") or e["kind"] == "troops"}
        self.modifiers = {e["text"].lower() for e in t["modifiers"]}
        self.civil_modifiers = {e["text"].lower() for e in t["modifiers"] if e.get("civil")}
        self.max_approx = max((len(k) for k in self.approx_before), default=1)

    def _compile_cues(self, cues: List[Dict[str, Any]]) -> None:
        self.cue_before = phrase_table((c["text"], c) for c in cues if c["role"] == "before")
        self.cue_after = phrase_table((c["text"], c) for c in cues if c["role"] == "after")
        self.cue_link = phrase_table((c["text"], c) for c in cues if c["role"] == "link")
        self.cue_possessed = phrase_table((c["text"], c) for c in cues if c["role"] == "possessed")
        self.after_first = {k[0] for k in self.cue_after}
        self.subject_verbs = {k[0] for k, c in self.cue_before.items() if len(k) == 1 and c.get("subject") is True}
        self.object_verbs = {k[0] for k, c in self.cue_before.items() if len(k) == 1 and c.get("subject") is False}
        self.max_cue = max((len(k) for k in list(self.cue_before) + list(self.cue_possessed) + list(self.cue_link)), default=1)

    def _compile_actors(self, actors: List[Dict[str, Any]], vocab: Any, make_doc: Any) -> None:
        self.actor_of: Dict[str, str] = {}
        self.actor_type: Dict[str, str] = {e["actor"]: e.get("type", "state") for e in actors}
        self.army_of: Dict[str, str] = {e["army_of"]: e["actor"] for e in actors if e.get("army_of")}
        self.people: Dict[str, str] = {}
        self.actor_matcher = PhraseMatcher(vocab, attr="ORTH")
        for entry in actors:
            for form in entry["forms"] + entry.get("people", []):
                if self.actor_of.get(form, entry["actor"]) != entry["actor"]:
                    raise ResourceError(f"counts actors: {form!r} names both {self.actor_of[form]!r} and {entry['actor']!r}")
                self.actor_of[form] = entry["actor"]
            for form in entry.get("people", []):
                self.people[form] = entry["actor"]
        by_actor: Dict[str, List[Doc]] = {}
        for form, actor in self.actor_of.items():
            by_actor.setdefault(actor, []).append(make_doc(form))
        for actor, docs in by_actor.items():
            self.actor_matcher.add(actor, docs)


def prefilter_arrays(vague: Phrases, echelons: Mapping[str, Any], vocab: Any) -> Tuple[Any, Any, Any]:
    """The pre-filter: tokens that can start a quantity. A figure (LIKE_NUM, or a shape such as
    "3x", "1.5X", "11'000", "300–500"), a number word or vague word ("dozens"), or an article
    before a scale, fraction, echelon or vague word ("a thousand", "a quarter", "a battalion",
    "a few"). Kept as sets of string hashes (sorted
    numpy arrays) and looked up over `Doc.to_array` (see `quantity.candidates`): much cheaper
    than a Matcher, whose set predicates create a Token object per token. Returns the sorted
    LOWER hashes, their codes (bit 1: starter, 2: article, 4: follower) and the SHAPE hashes."""
    starters = {k[0] for k in vague} | set(UNITS) | set(TENS) | {"half", "dozen"}
    starters -= ARTICLES
    followers = set(SCALES) | set(FRACTIONS) | set(echelons) | {k[1] for k in vague if len(k) > 1 and k[0] in ARTICLES}
    strings = vocab.strings
    codes: Dict[int, int] = {}
    for bit, words in ((1, starters), (2, ARTICLES), (4, followers)):
        for word in words:
            key = strings.add(word)
            codes[key] = codes.get(key, 0) | bit
    word_ids = numpy.array(sorted(codes), dtype="uint64")
    word_codes = numpy.array([codes[k] for k in sorted(codes)], dtype="uint8")
    shape_ids = numpy.array(sorted({strings.add(w) for w in SUFFIX_SHAPES + FIGURE_SHAPES}), dtype="uint64")
    return word_ids, word_codes, shape_ids
