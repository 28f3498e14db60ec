"""``conflict_counts``: find and normalize troop, casualty and equipment counts.

Writes ``doc.spans["conflict_counts"]`` (sorted by position, label = kind) and, on each
span, ``span._.count``: a plain dict with the contract's Count fields except the offsets
(``value, low, high, estimate, qualifier, kind, unit, actor, echelon, inferred``).

How it reads a count, in order:

1. a cheap pre-filter (a set scan over `Doc.to_array`) picks tokens that can start a quantity: numerals,
   number words, vague magnitudes ("dozens", "tens of thousands"), "a"/"an" before a
   multiplier or a unit name;
2. the quantity itself (``numbers.parse_number_tokens``), a range ("3,000 to 5,000",
   "10-12 thousand"), an approximator before or after it ("nearly", "more than", "or more",
   "-plus") and a hyphen compound ("50,000-strong", "a 3,000-man force");
3. the counted noun, across modifiers and nationality words ("about 11,000 North Korean
   soldiers", "three full-blooded brigades", "dozens of missiles"): a number with no counted
   noun is a count only when a cue gives its kind ("killed at least 30", "300 were killed");
4. the kind (noun, then cue words after and before), and the actor (nationality word in the
   phrase, "soldiers from X", a possessive, then the clause's subject).

The rules are data in ``components/counts/*.jsonl``; the arithmetic of bounds and estimates is
in plain functions (:func:`stated_bounds`, :func:`vague_bounds`, :func:`unit_bounds`).
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy
from spacy.attrs import LIKE_NUM, LOWER, ORTH, SENT_START, SHAPE, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import registry

from .doctools import SentenceOf, decode, lookup, member
from .extensions import SpanValues  # importing it registers Span._.count
from .rules import PathLike, ResourceError, load_entries, read_jsonl
from .numbers import SCALES, UNITS, TENS, ParsedNumber, parse_number_tokens

from . import schema
from .schema import COUNTS_KEY as SPANS_KEY, ECHELONS, KINDS, QUALIFIERS  # noqa: F401  (re-exported)

ESTIMATE_CHOICES = ("table", "low", "midpoint", "high")
RANGE_CHOICES = ("midpoint", "low", "high")

# ------------------------------------------------------------------------------ resources

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
    "cues": {"text": str, "role": str, "kind?": _KIND_OR_NULL, "subject?": bool},
    "actors": {"actor": str, "forms": list, "people?": list, "type?": str},
}


def _entry_line(path: PathLike, entry: Dict[str, Any]) -> Optional[int]:
    """The line of a user JSONL file that holds ``entry`` (for error messages)."""
    try:
        lines = Path(path).read_text(encoding="utf8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for lineno, line in enumerate(lines, start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            try:
                if json.loads(line) == entry:
                    return lineno
            except json.JSONDecodeError:
                continue
    return None


def _check_tables(tables: Dict[str, List[Dict[str, Any]]], sources: Optional[Dict[str, Any]] = None) -> None:
    """Checks that the field specs cannot express; errors name the table and the entry
    (and, for a user file, the file and the line)."""

    def fail(name: str, entry: Dict[str, Any], message: str) -> None:
        shown = json.dumps(entry, ensure_ascii=False)[:80]
        source = (sources or {}).get(name)
        if isinstance(source, (str, Path)):
            lineno = _entry_line(source, entry)
            where = f"{source}, line {lineno}" if lineno else str(source)
            raise ResourceError(f"{where}: counts {name} table, entry {shown}: {message}")
        raise ResourceError(f"counts {name} table, entry {shown}: {message}")

    for entry in tables["approximators"]:
        if entry["qualifier"] not in ("approx", "below", "min", "max", "range"):
            fail("approximators", entry, "qualifier must be approx, below, min, max or range")
        if entry["position"] not in ("before", "after"):
            fail("approximators", entry, "position must be 'before' or 'after'")
    for name in ("vague", "units"):
        for entry in tables[name]:
            if not 0 < entry["low"] <= entry["estimate"] <= entry["high"]:
                fail(name, entry, "needs 0 < low <= estimate <= high")
    for entry in tables["units"]:
        if entry["echelon"] not in ECHELONS:
            fail("units", entry, f"echelon must be one of {', '.join(ECHELONS)}")
    for entry in tables["nouns"]:
        if entry["kind"] not in KINDS + ("person",):
            fail("nouns", entry, f"kind must be one of {', '.join(KINDS)} or person")
    for name in ("units", "nouns", "actors"):
        for entry in tables[name]:
            forms = entry["forms"] + entry.get("people", [])
            if not forms or not all(isinstance(f, str) and f for f in forms):
                fail(name, entry, "forms must be a non-empty list of strings")
            if name != "actors" and any(" " in f for f in forms):
                fail(name, entry, "forms must be single words")
    for entry in tables["cues"]:
        if entry["role"] not in ("before", "after", "link", "possessed"):
            fail("cues", entry, "role must be before, after, link or possessed")
        if entry.get("kind") is not None and entry["kind"] not in KINDS:
            fail("cues", entry, f"kind must be one of {', '.join(KINDS)}")


def load_tables(sources: Dict[str, Union[None, PathLike, List[dict]]]) -> Dict[str, List[Dict[str, Any]]]:
    """Resolve every table: ``None`` = bundled default, a path = user JSONL file, a list = entries."""
    tables = {
        name: load_entries(sources.get(name), "counts", f"{name}.jsonl", fields)
        for name, fields in TABLES.items()
    }
    _check_tables(tables, sources)
    return tables


# ------------------------------------------------------------------------------ the arithmetic

DEFAULT_POLICY: Dict[str, Any] = {
    "vague_estimate": "table",
    "units_estimate": "table",
    "range_estimate": "midpoint",
    "below_factor": 1.0,
    "min_factor": 1.0,
    "max_factor": 1.0,
}


def check_policy(policy: Dict[str, Any]) -> Dict[str, Any]:
    """Validate an estimate policy (merged over :data:`DEFAULT_POLICY`); clear errors name the key."""
    merged = dict(DEFAULT_POLICY)
    merged.update(policy)
    for key in ("vague_estimate", "units_estimate"):
        if merged[key] not in ESTIMATE_CHOICES:
            raise ValueError(f"conflict_counts: {key} must be one of {ESTIMATE_CHOICES}, got {merged[key]!r}")
    if merged["range_estimate"] not in RANGE_CHOICES:
        raise ValueError(f"conflict_counts: range_estimate must be one of {RANGE_CHOICES}, got {merged['range_estimate']!r}")
    for key, lo, hi in (("below_factor", 0.0, 1.0), ("max_factor", 0.0, 1.0), ("min_factor", 1.0, 100.0)):
        value = merged[key]
        number_ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        # below/max estimates may shrink the figure (0 < factor <= 1); min estimates may grow it (1 <= factor <= 100).
        in_range = number_ok and (lo < value <= hi if key != "min_factor" else lo <= value <= hi)
        if not in_range:
            raise ValueError(f"conflict_counts: {key} must be a number from {lo} to {hi}, got {value!r}")
    return merged


def _pick(low: int, high: int, table: int, how: str) -> int:
    if how == "low":
        return low
    if how == "high":
        return high
    if how == "midpoint":
        return (low + high) // 2
    return min(max(table, low), high)


def stated_bounds(
    qualifier: str,
    value: Optional[int] = None,
    low: Optional[int] = None,
    high: Optional[int] = None,
    policy: Dict[str, Any] = DEFAULT_POLICY,
) -> Dict[str, Any]:
    """value/low/high/estimate for a figure the text states.

    >>> stated_bounds("below", 50000)["high"]
    50000
    >>> stated_bounds("min", 10000)
    {'value': 10000, 'low': 10000, 'high': None, 'estimate': 10000, 'inferred': False}
    >>> stated_bounds("range", low=600, high=700)["estimate"]
    650
    """
    if qualifier == "range":
        if low is None or high is None or low > high:
            raise ValueError(f"a range needs low <= high, got {low}..{high}")
        estimate = _pick(low, high, (low + high) // 2, policy["range_estimate"])
        return {"value": None, "low": low, "high": high, "estimate": estimate, "inferred": False}
    if value is None:
        raise ValueError(f"qualifier {qualifier!r} needs a value")
    if qualifier == "exact":
        return {"value": value, "low": value, "high": value, "estimate": value, "inferred": False}
    if qualifier == "approx":
        return {"value": value, "low": None, "high": None, "estimate": value, "inferred": False}
    if qualifier == "below":
        estimate = min(value, max(0, math.floor(value * policy["below_factor"])))
        return {"value": value, "low": None, "high": value, "estimate": estimate, "inferred": False}
    if qualifier == "min":
        estimate = max(value, math.ceil(value * policy["min_factor"]))
        return {"value": value, "low": value, "high": None, "estimate": estimate, "inferred": False}
    if qualifier == "max":
        estimate = min(value, max(0, math.floor(value * policy["max_factor"])))
        return {"value": value, "low": None, "high": value, "estimate": estimate, "inferred": False}
    raise ValueError(f"unknown qualifier for a stated figure: {qualifier!r}")


def vague_bounds(entry: Dict[str, Any], policy: Dict[str, Any] = DEFAULT_POLICY) -> Dict[str, Any]:
    """Bounds of a vague magnitude from its table entry ("dozens" -> 24..99)."""
    low, high = entry["low"], entry["high"]
    return {
        "value": None, "low": low, "high": high,
        "estimate": _pick(low, high, entry["estimate"], policy["vague_estimate"]), "inferred": True,
    }


def unit_bounds(
    n_low: float, n_high: float, n_estimate: float, unit: Dict[str, Any], policy: Dict[str, Any] = DEFAULT_POLICY
) -> Dict[str, Any]:
    """Bounds of a size given in units: ``n_low..n_high`` units (estimate ``n_estimate``) of one echelon.

    >>> unit_bounds(3, 3, 3, {"low": 3000, "high": 5000, "estimate": 4000})["estimate"]
    12000
    """
    low = int(round(n_low * unit["low"]))
    high = int(round(n_high * unit["high"]))
    table = int(round(n_estimate * unit["estimate"]))
    return {
        "value": None, "low": low, "high": high,
        "estimate": _pick(low, high, table, policy["units_estimate"]), "inferred": True,
    }


# ------------------------------------------------------------------------------ lookups

_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.", "jun", "jun.",
    "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec.",
}
_CURRENCY = {"$", "€", "£", "¥", "us$", "usd", "eur", "gbp", "₴", "₽", "rs", "rs."}
_PERCENT = {"%", "percent", "per", "pc", "percentage"}
_GLUE_OK = {"(", "[", "“", '"', "'", "‘", "~", "≈", "—", "–"}
_ARTICLES = {"a", "an"}
_DETERMINERS = {"the", "their", "its", "his", "her", "our", "these", "those", "them", "whom", "which"}
_SIZED = {"sized", "size", "strong"}
_SIZED_NOUNS = {"force", "forces", "unit", "units", "group", "groups", "contingent", "element", "formation", "detachment", "army"}
# Words skipped between a cue and the figure: "killed a total of 300", "the toll rose to 300".
_BEFORE_SKIP = {
    "has", "have", "had", "been", "is", "was", "were", "are", "be", "reportedly", "allegedly", "also",
    "already", "now", "so", "far", "the", "a", "an", "rose", "risen", "climbed", "reached", "stood",
    "stands", "at", "to", "of", "total", "another", "with", "still", "since", "in", "all", "'", "‘", '"', "“",
    "passed", "surpassed", "exceeded", "topped", "raising", "bringing", "pushing", "overall", "amounted",
    "amounting", "are", "those", "among",
}
# Words skipped between a figure and a cue after it: "300 soldiers were killed", "who have fled".
_AFTER_SKIP = {
    "were", "was", "have", "had", "has", "been", "are", "is", "being", "reportedly", "allegedly", "also",
    "all", "later", "now", "who", "that", "either", "since", "already", "subsequently", "'", "’", '"', "”",
    "still", "remain", "remained", "remains", "believed", "thought", "feared", "said", "to", "be", "severely",
    "seriously", "critically", "lightly", "slightly", "badly", "fatally", "mortally", "may", "might", "could",
    "listed", "as", "presumed", "confirmed", "reported", "being", "will",
}
_AUX = {
    "has", "have", "had", "is", "are", "was", "were", "been", "now", "reportedly", "allegedly", "also",
    "already", "will", "would", "could", "may", "might", "reported", "recently", "since", "then", "quickly",
    "still", "quietly", "thought", "believed", "estimated", "said", "expected", "likely", "to", "probably",
    "claims", "can", "appears", "seems", "planned", "plans", "set", "able", "is", "be", "reportedly", "already",
}
# Tokens after which an actor starts a clause (for the no-parser subject fallback).
_CLAUSE_OPENERS = {
    ",", ";", ":", "—", "–", "-", "“", '"', "(", "and", "but", "while", "as", "that", "said", "says",
    "when", "after", "since", "because", "meanwhile", "whereas", "though", "although", "if",
}
# Nouns that may follow an actor word in a clause's subject: "the Fano militia", "Russian forces".
_ACTOR_HEADS = {
    "militia", "militias", "forces", "army", "military", "rebels", "fighters", "group", "government",
    "troops", "authorities", "navy", "junta", "regime", "command",
}
# Definite descriptions that point back to an armed group or an army named earlier in the text:
# "the group's fighters", "the army is thought to have ...", "the militants were ...".
_GROUP_ANAPHORS = {"group", "movement", "militia", "militants", "insurgents", "rebels", "organisation", "organization"}
_ARMY_ANAPHORS = {"army", "military"}
# Words after an actor that make it the name of an army: "the Sudanese army", "Russia's military".
_ARMY_HEADS = {"army", "military", "forces", "armed", "troops", "junta", "defence", "defense"}
_POSSESSIVE_PRONOUNS = {"its", "their"}
_PLACE_PREPOSITIONS = {"in", "at", "on", "into", "towards", "toward", "near", "across", "inside", "to", "from"}
_COMPASS = {"northern", "southern", "eastern", "western", "central", "north", "south", "east", "west", "northeastern", "northwestern", "southeastern", "southwestern"}
_ASIDE_OPENERS = {"including", "most", "many", "mostly", "among", "some", "all", "nearly", "almost", "half"}
_MADE = {"made", "built", "supplied", "designed", "manufactured", "produced", "provided", "donated"}
# Singular nouns that name a whole group after a figure ("a 2,000-odd contingent guards ...").
_COLLECTIVES = {"force", "contingent", "personnel", "man", "aircraft"}
# Verbs that take "over" as a particle: "handed over 150 prisoners" is not "more than 150".
_PARTICLE_VERBS = {
    "handed", "hand", "hands", "handing", "turned", "turn", "turning", "took", "take", "taken", "taking", "won",
    "win", "took", "passed", "pass", "fought", "flown", "flew", "brought", "transferred", "hauled",
}
# Words between "N of the" and the whole's noun: "18 of the 24 battalion commanders", "of Aitaroun's roughly 11,000".
_PARTITIVE_SKIP = {"'s", "’s", "roughly", "about", "some", "around", "nearly", "approximately", "estimated", "an"}
# Verbs after a phrase that make it the source of a report, not a count: "two military officers said".
_REPORTING = {"said", "say", "says", "told", "tell", "added", "reported", "confirmed", "claimed", "stated", "explained"}
_REJECT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}
# A number is read from at most `_NUMBER_WINDOW` tokens, first from `_SHORT_NUMBER` (see `number_at`).
_NUMBER_WINDOW = 12
_SHORT_NUMBER = 4

# The token attributes `CountFinder` reads once per Doc (`Doc.to_array`), in this order.
_COLUMNS = [LOWER, LIKE_NUM, SHAPE, ORTH, SPACY, SENT_START]
_SUFFIX_SHAPES = sorted(
    {d + s for d in ("d", "dd", "ddd", "d.d", "d.dd", "dd.d", "ddd.d") for s in ("x", "xx", "xxx", "X")}
)


def _phrase_table(entries: Iterable[Tuple[str, Any]]) -> Dict[Tuple[str, ...], Any]:
    return {tuple(text.lower().split()): value for text, value in entries}


class CountFinder:
    """Finds count phrases and normalizes them. See the module docstring."""

    def __init__(
        self,
        nlp: Language,
        name: str = SPANS_KEY,
        *,
        tables: Optional[Dict[str, Union[None, PathLike, List[dict]]]] = None,
        policy: Optional[Dict[str, Any]] = None,
        use_parser: bool = True,
        use_ner: bool = True,
        scorer: Optional[Callable] = None,
        spans_key: str = SPANS_KEY,
    ) -> None:
        self.name = name
        self.spans_key = spans_key
        self.vocab = nlp.vocab
        self.make_doc = nlp.make_doc
        self.policy = check_policy(policy or {})
        self.use_parser = use_parser
        self.use_ner = use_ner
        self.scorer = scorer
        self.sources = dict(tables or {})
        # A user file that is missing here may be restored by from_disk (a pipeline saved on
        # another machine): the error is kept and raised on the first Doc if it still applies.
        self._pending_error: Optional[ResourceError] = None
        try:
            self.tables = load_tables(self.sources)
        except ResourceError as err:
            if "file not found" not in str(err):
                raise
            self._pending_error = err
            self.tables = load_tables({})
        self._compile()

    # ---------------------------------------------------------------- compile the tables

    def _compile(self) -> None:
        t = self.tables
        self.approx_before = _phrase_table((e["text"], e["qualifier"]) for e in t["approximators"] if e["position"] == "before")
        self.approx_after = _phrase_table((e["text"], e["qualifier"]) for e in t["approximators"] if e["position"] == "after")
        self.vague = _phrase_table((e["text"], e) for e in t["vague"])
        self.echelons = {form.lower(): e for e in t["units"] for form in e["forms"]}
        self.echelon_singular = {e["forms"][0].lower() for e in t["units"]}
        self.nouns = {form.lower(): e for e in t["nouns"] for form in e["forms"]}
        # Hyphen compounds: "50,000-strong", "a 3,000-man force", "a 30,000-member wing".
        self.compounds = {form for form, e in self.nouns.items() if e.get("compound") or e["kind"] == "troops"}
        self.modifiers = {e["text"].lower() for e in t["modifiers"]}
        self.civil_modifiers = {e["text"].lower() for e in t["modifiers"] if e.get("civil")}
        cues = t["cues"]
        self.cue_before = _phrase_table((c["text"], c) for c in cues if c["role"] == "before")
        self.cue_after = _phrase_table((c["text"], c) for c in cues if c["role"] == "after")
        self.cue_link = _phrase_table((c["text"], c) for c in cues if c["role"] == "link")
        self.cue_possessed = _phrase_table((c["text"], c) for c in cues if c["role"] == "possessed")
        self.after_first = {k[0] for k in self.cue_after}
        self.subject_verbs = {k[0] for k, c in self.cue_before.items() if len(k) == 1 and c.get("subject") is True}
        self.object_verbs = {k[0] for k, c in self.cue_before.items() if len(k) == 1 and c.get("subject") is False}
        self.actor_of: Dict[str, str] = {}
        self.actor_type: Dict[str, str] = {e["actor"]: e.get("type", "state") for e in t["actors"]}
        self.people: Dict[str, str] = {}
        self.actor_matcher = PhraseMatcher(self.vocab, attr="ORTH")
        for entry in t["actors"]:
            for form in entry["forms"] + entry.get("people", []):
                self.actor_of[form] = entry["actor"]
            for form in entry.get("people", []):
                self.people[form] = entry["actor"]
        by_actor: Dict[str, List[Doc]] = {}
        for form, actor in self.actor_of.items():
            by_actor.setdefault(actor, []).append(self.make_doc(form))
        for actor, docs in by_actor.items():
            self.actor_matcher.add(actor, docs)
        # The pre-filter: tokens that can start a quantity. A figure (LIKE_NUM, or a shape such as
        # "3x", "1.5X"), a number word or vague word ("dozens"), or an article before a scale,
        # echelon or vague word ("a thousand", "a battalion", "a few"). Kept as sets of string
        # hashes (sorted numpy arrays) and looked up over `Doc.to_array` (see `_candidates`): much
        # cheaper than a Matcher, whose set predicates create a Token object per token.
        starters = {k[0] for k in self.vague} | set(UNITS) | set(TENS) | {"half", "dozen"}
        starters -= _ARTICLES
        followers = set(SCALES) | set(self.echelons) | {k[1] for k in self.vague if len(k) > 1 and k[0] in _ARTICLES}
        strings = self.vocab.strings
        # One table over LOWER hashes (bit 1: starter, 2: article, 4: follower), one over SHAPE.
        codes: Dict[int, int] = {}
        for bit, words in ((1, starters), (2, _ARTICLES), (4, followers)):
            for word in words:
                key = strings.add(word)
                codes[key] = codes.get(key, 0) | bit
        self.word_ids = numpy.array(sorted(codes), dtype="uint64")
        self.word_codes = numpy.array([codes[k] for k in sorted(codes)], dtype="uint8")
        self.shape_ids = numpy.array(sorted({strings.add(w) for w in _SUFFIX_SHAPES}), dtype="uint64")
        self.max_approx = max((len(k) for k in self.approx_before), default=1)
        self.max_cue = max((len(k) for k in list(self.cue_before) + list(self.cue_possessed) + list(self.cue_link)), default=1)

    # ---------------------------------------------------------------- spaCy API

    def __call__(self, doc: Doc) -> Doc:
        if self._pending_error is not None:
            raise self._pending_error
        found: List[Tuple[Span, Dict[str, Any]]] = []
        array = doc.to_array(_COLUMNS)
        starts = self._candidates(array)
        if starts:
            ctx = _DocContext(doc, self, array)
            used_until = 0
            for i in starts:
                if i < used_until:
                    continue
                count = self._read(ctx, i, used_until)
                if count is None:
                    continue
                start, end, data = count
                found.append((Span(doc, start, end, label=data["kind"]), data))
                used_until = max(end, ctx.consumed)
                ctx.previous = (start, data["kind"], end)
                ctx.previous_actor = data["actor"]
        doc.spans[self.spans_key] = [span for span, _ in found]
        schema.record_spans_key(doc, "counts", self.spans_key)
        values = SpanValues(("count",))
        for span, data in found:
            values.set(span, (data,))
        return doc

    def _candidates(self, array: Any) -> List[int]:
        """Positions of the tokens that can start a quantity (the pre-filter), in order:
        LIKE_NUM, a starter word, a figure's shape, or an article before a follower word."""
        lower = array[:, 0]
        where, known = lookup(lower, self.word_ids)
        codes = numpy.where(known, self.word_codes[where], 0)
        found = (array[:, 1] != 0) | (codes & 1 != 0) | member(array[:, 2], self.shape_ids)
        if len(lower) > 1:
            found[:-1] |= (codes[:-1] & 2 != 0) & (codes[1:] & 4 != 0)
        return found.nonzero()[0].tolist()

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
        scorer = self.scorer or score_counts
        return scorer(examples, **kwargs)

    # The tables are stored with the pipeline, so a saved pipeline does not need the user's files.
    def to_bytes(self, *, exclude: Sequence[str] = tuple()) -> bytes:
        return json.dumps(self.tables, ensure_ascii=False).encode("utf8")

    def from_bytes(self, bytes_data: bytes, *, exclude: Sequence[str] = tuple()) -> "CountFinder":
        self._set_tables(json.loads(bytes_data.decode("utf8")), "bytes")
        return self

    def to_disk(self, path: PathLike, *, exclude: Sequence[str] = tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, entries in self.tables.items():
            lines = [f"# conflict_counts {name} table, saved with the pipeline"]
            lines += [json.dumps(e, ensure_ascii=False) for e in entries]
            (path / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf8")

    def from_disk(self, path: PathLike, *, exclude: Sequence[str] = tuple()) -> "CountFinder":
        path = Path(path)
        tables = {}
        for name, fields in TABLES.items():
            file = path / f"{name}.jsonl"
            if file.exists():
                tables[name] = read_jsonl(file, fields)
        self._set_tables(tables, str(path))
        return self

    def _set_tables(self, tables: Dict[str, Any], where: str) -> None:
        merged = dict(self.tables)
        for name, entries in tables.items():
            if name not in TABLES:
                raise ResourceError(f"{where}: unknown counts table {name!r}")
            merged[name] = entries
        _check_tables(merged)
        self.tables = merged
        if len(tables) == len(TABLES):
            self._pending_error = None
        self._compile()

    # ---------------------------------------------------------------- reading one count

    def _read(self, ctx: "_DocContext", i: int, floor: int) -> Optional[Tuple[int, int, Dict[str, Any]]]:
        doc, words, n = ctx.doc, ctx.words, ctx.n
        if not self._plausible_start(ctx, i):
            return None
        # 1. the quantity core ------------------------------------------------------
        vague_entry, core_end = self._match_phrase(words, i, self.vague)
        number: Optional[float] = None
        second: Optional[float] = None
        article = False
        scale_word = False
        if vague_entry is None:
            if words[i] in _ARTICLES and i + 1 < n and words[i + 1] in self.echelons:
                number, core_end, article = 1, i + 1, True
            else:
                parsed = ctx.number_at(i)
                if parsed is None:
                    return None
                number, core_end = parsed.value, i + parsed.length
                scale_word = words[core_end - 1] in SCALES
                if self.use_ner and ctx.has_ner and doc[i].ent_type_ in _REJECT_ENTS:
                    return None
        # 2. approximator before ------------------------------------------------------
        qualifier = "exact"
        start = i
        before, before_len = self._match_before(words, i, floor, self.approx_before)
        if before is not None:
            qualifier, start = before, i - before_len
        # 3. range --------------------------------------------------------------------
        if number is not None and not article:
            rng = self._read_range(ctx, core_end, number, qualifier == "range")
            if rng is not None:
                number, second, core_end = rng
                qualifier = "range"
        if qualifier == "range" and second is None:
            if words[start] == "between":
                return None  # "between 2022 and ..." without a second figure: not a range we read
            qualifier, start = "exact", i  # "fled from 300 ...": "from" opened no range
        if number is not None and not _whole_positive(number) or second is not None and not _whole_positive(second):
            return None
        # 4. approximator after, hyphen compounds ---------------------------------------
        end = core_end
        after, after_len = self._match_after(ctx, end)
        if after is not None and qualifier in ("exact", "approx"):
            qualifier, end = after, end + after_len
        if not self._plausible_end(ctx, i, end):
            return None
        compound = None
        if end + 1 < n and words[end] == "-" and ctx.glued(end - 1) and ctx.glued(end):
            follower = words[end + 1]
            if follower in self.compounds:
                compound = self.nouns[follower]
                end += 2
            else:
                return None  # "19-year-old", "600-mile", "30-minute"
        # 5. the counted noun ----------------------------------------------------------------
        noun = _NounPhrase()
        if compound is None:
            noun = self._read_noun(
                ctx, end, allow_of=vague_entry is not None or scale_word, article=article, single=number == 1
            )
            if noun.designator:
                return None
        elif compound["lemma"] == "strong":
            # "a nearly 50,000-strong force": the noun after the compound (outside the span) names the
            # unit; a nationality between them names the actor ("a 3,000-strong Ukrainian group").
            after = end
            nationality = ctx.actor_starts.get(end)
            if nationality is not None:
                noun.actor, after = nationality
            follower = words[after] if after < n else ""
            if self.nouns.get(follower, {}).get("kind") == "troops":
                noun.unit = self.nouns[follower]["lemma"]
            elif follower in _SIZED_NOUNS:
                noun.unit = follower.rstrip("s") if follower != "forces" else "force"
        # Where the cues after the phrase are looked for: after the noun, also when the span stops
        # before it ("11 of its soldiers were killed" -> "11", "and 46 wounded" -> "46").
        cue_from = end
        own_cue = self._cue_after(ctx, noun.head, ctx.n) if noun.elided else None
        if noun.elided and not (
            start > 0 and words[start - 1] in ("and", ",", "but", "while")
            and not (ctx.previous is not None and ctx.previous[2] == start - 1)
        ) and not (own_cue is not None and own_cue["_start"] == noun.head and own_cue["_end"] - own_cue["_start"] > 1):
            noun.elided = False  # "received 142 wounded", "20 dead and 45 wounded": the word is the counted noun
        if noun.head is not None or noun.partitive:
            cue_from = max(end, noun.end)
            ctx.consumed = cue_from if noun.partitive else 0
            if not noun.partitive and not noun.elided:
                end = noun.end
        if article and noun.echelon is None:
            return None
        if noun.head is not None and noun.kind == "troops" and self._is_source(ctx, noun.end):
            return None  # "two military officers said": the people who report, not a count
        # 6. kind ---------------------------------------------------------------------
        sent_start, sent_end = ctx.sentence(i)
        before_cue = self._cue_before(ctx, start, max(floor, sent_start))
        after_cue = self._cue_after(ctx, cue_from, sent_end)
        after_kind = after_cue.get("kind") if after_cue else None
        before_kind = before_cue.get("kind") if before_cue else None
        link = None
        if compound is not None:
            kind = "troops"
            unit = noun.unit if compound["lemma"] == "strong" else compound["lemma"]
        elif noun.echelon is not None:
            kind, unit = after_kind or before_kind or "troops", noun.unit
            if kind not in ("troops", "killed", "wounded", "casualties", "captured", "missing"):
                kind = "troops"
        elif noun.elided:
            kind, unit = noun.kind, None  # "killed and 46 wounded": the participle is the elided verb
            own = self._cue_after(ctx, noun.head, sent_end)
            if own is not None and own.get("kind") and own["_start"] == noun.head:
                kind = own["kind"]
        elif noun.head is not None:
            head_kind = noun.kind
            unit = noun.unit
            if head_kind in ("troops", "person"):
                kind = noun.adjective_kind or after_kind or before_kind or self._inherited(ctx, start, sent_start)
                if kind is None and head_kind == "troops":
                    kind = "troops"
            else:
                kind = head_kind
        else:
            # A figure without a counted noun: only with a cue, and never before another noun.
            if not self._bare_ok(ctx, end, number, core_end - i, words[i]):
                return None
            kind, unit = after_kind or before_kind, None
            if kind is None and noun.partitive:
                kind = self._inherited(ctx, start, sent_start, partitive=True)
            if kind is None:
                link = self._link(ctx, start, sent_start)
                if link is None:
                    return None
                kind, unit = link
            if after_cue is not None and after_cue.get("_nominal") and end == after_cue["_start"]:
                end = after_cue["_end"]
        if kind is None or kind not in KINDS:
            return None
        # 7. bounds ----------------------------------------------------------------------
        if noun.echelon is not None:
            unit_entry = noun.echelon
            if vague_entry is not None:
                n_lo, n_hi, n_est = vague_entry["low"], vague_entry["high"], vague_entry["estimate"]
            elif second is not None:
                n_lo, n_hi, n_est = number, second, (number + second) / 2
            else:
                n_lo = n_hi = n_est = number
            figures = unit_bounds(n_lo, n_hi, n_est, unit_entry, self.policy)
            qualifier = "units"
            echelon = unit_entry["echelon"]
        elif vague_entry is not None:
            figures = vague_bounds(vague_entry, self.policy)
            qualifier, echelon = "vague", None
        elif qualifier == "range":
            figures = stated_bounds("range", low=int(number), high=int(second), policy=self.policy)
            echelon = None
        else:
            figures = stated_bounds(qualifier, int(number), policy=self.policy)
            echelon = None
        # 8. actor -------------------------------------------------------------------------
        actor = noun.actor
        if actor is None and link is not None:
            actor = ctx.link_actor
        if actor is None:
            actor = self._actor_after(ctx, end, sent_end)
        if actor is None:
            actor = self._possessive_actor(ctx, start, sent_start)
        if actor is None:
            actor = self._reference_actor(ctx, start, max(end, noun.end), sent_start, sent_end)
        # The clause's subject owns troops, equipment and its own losses; for the killed, wounded or
        # captured it is usually the other side ("Hamas holds 59 hostages"), so it is not used there.
        if actor is None and kind in ("troops", "equipment", "casualties") and not (
            before_cue and before_cue.get("subject") is False
        ):
            actor = self._subject_actor(ctx, start, end, noun, before_cue, sent_start)
        if actor is None:
            actor = self._whole_actor(ctx, start, noun, sent_start)
        data = {
            "value": figures["value"], "low": figures["low"], "high": figures["high"],
            "estimate": figures["estimate"], "qualifier": qualifier, "kind": kind, "unit": unit,
            "actor": actor, "echelon": echelon, "inferred": figures["inferred"],
        }
        return start, end, data

    # ---------------------------------------------------------------- pieces

    def _inherited(self, ctx: "_DocContext", start: int, sent_start: int, partitive: bool = False) -> Optional[str]:
        """The kind of the previous count in the sentence, for a figure that details it:
        "killed 43 Palestinians, including 19 people", "50 hostages, around 20 of whom ..."."""
        prev = ctx.previous
        if prev is None or prev[0] < sent_start:
            return None
        words = ctx.words
        between = words[prev[2] : start]
        if between and len(between) <= 2 and all(w in (",", "and", "or") for w in between):
            return prev[1]  # "captured 27 soldiers and 12 FDLR elements", "destroyed 11 tanks, 14 launchers"
        p = start - 1
        if not partitive:
            if p >= sent_start and words[p] in ("them", "whom", "those") and p - 1 >= sent_start and words[p - 1] == "among":
                return prev[1]  # "among them 11 health workers"
            if p < sent_start or words[p] not in ("including", "among"):
                return None
        return prev[1] if start - prev[2] <= 14 else None

    def _is_source(self, ctx: "_DocContext", end: int) -> bool:
        """Is the phrase the subject of a reporting verb ("two officers said", "three commanders told")?"""
        return end < ctx.n and ctx.words[end] in _REPORTING

    def _plausible_start(self, ctx: "_DocContext", i: int) -> bool:
        """Rejections that look at what precedes the figure: money, models, dates, designators."""
        if i == 0:
            return True
        doc, words = ctx.doc, ctx.words
        prev = words[i - 1]
        if prev in _CURRENCY or prev in _MONTHS or prev in ("no.", "#", "number"):
            return False
        if not doc[i - 1].whitespace_ and prev not in _GLUE_OK and not doc[i - 1].is_space:
            return False  # "$5bn", "F-16" split oddly, "A-50": glued to a word or a symbol
        if prev in self.echelon_singular and doc[i - 1].text[:1].isupper():
            return False  # "Brigade 47"
        return True

    def _plausible_end(self, ctx: "_DocContext", i: int, end: int) -> bool:
        if end >= ctx.n:
            return True
        nxt = ctx.words[end]
        if nxt in _PERCENT or nxt in _MONTHS:
            return False
        if nxt in ("km", "kilometres", "kilometers", "miles", "mi", "metres", "meters", "kg", "tonnes", "tons"):
            return False
        return True

    @staticmethod
    def _match_phrase(words: List[str], i: int, table: Dict[Tuple[str, ...], Any]) -> Tuple[Optional[Any], int]:
        for length in (5, 4, 3, 2, 1):
            key = tuple(words[i : i + length])
            if len(key) == length and key in table:
                return table[key], i + length
        return None, i

    def _match_before(
        self, words: List[str], i: int, floor: int, table: Dict[Tuple[str, ...], Any]
    ) -> Tuple[Optional[Any], int]:
        for length in range(min(self.max_approx, i - floor), 0, -1):
            key = tuple(words[i - length : i])
            if key in table:
                if key == ("over",) and i - 2 >= floor and words[i - 2] in _PARTICLE_VERBS:
                    return None, 0  # "handed over 150 prisoners": a phrasal verb, not "more than"
                return table[key], length
        return None, 0

    def _match_after(self, ctx: "_DocContext", end: int) -> Tuple[Optional[str], int]:
        words = ctx.words
        for length in (2, 1):
            key = tuple(words[end : end + length])
            if len(key) == length and key in self.approx_after:
                if key[0] == "-" and not (ctx.glued(end - 1) and ctx.glued(end)):
                    continue
                return self.approx_after[key], length
        return None, 0

    def _read_range(
        self, ctx: "_DocContext", j: int, first: float, between: bool
    ) -> Optional[Tuple[float, float, int]]:
        words, n = ctx.words, ctx.n
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
        parsed = ctx.number_at(j + 1)
        if parsed is None:
            return None
        second = parsed.value
        if parsed.scale > 1 and words[j + parsed.length] in SCALES and first < second / parsed.scale + 1:
            # "10-12 thousand", "between five and seven thousand": the multiplier covers both.
            if first * parsed.scale <= second:
                first = first * parsed.scale
        if not first < second:
            return None
        if conn == "or" and j + 1 + parsed.length < n and words[j + 1 + parsed.length] in ("more", "so"):
            return None
        return first, second, j + 1 + parsed.length

    def _read_noun(self, ctx: "_DocContext", j: int, allow_of: bool, article: bool, single: bool = False) -> "_NounPhrase":
        """The counted noun after a figure, across modifiers and nationality words.

        "dozens of missiles" and "tens of thousands of troops" read through "of"; a stated figure
        before "of" + a determiner is a partitive ("11 of its soldiers", "at least 21 of them"):
        the noun gives the kind and the unit but the span stops at the figure (``noun.partitive``).
        """
        words, n, doc = ctx.words, ctx.n, ctx.doc
        noun = _NounPhrase()
        noun.numeric_many = not article
        if j + 1 < n and words[j] == "of" and (allow_of or (words[j + 1] in _DETERMINERS and not single)):
            noun.partitive = not allow_of
            j += 1
            if j < n and words[j] in _DETERMINERS:
                j += 1
            if noun.partitive:
                noun.end = j  # "of them", "of whom": where the cues after the phrase are looked for
                k = j
                while k < min(n, j + 6) and (doc[k].like_num or words[k] in _PARTITIVE_SKIP or doc[k].text[:1].isupper()):
                    k += 1
                if k > j and k < n and (words[k] in self.nouns or words[k] in self.modifiers or words[k] in self.echelons):
                    j = k  # the whole's own figure belongs to the partitive, not to a second count
        elif allow_of:
            pass
        m = j
        limit = min(n, j + 7)
        chain_actor: Optional[str] = None
        while m < limit:
            w = words[m]
            actor_match = ctx.actor_starts.get(m)
            if actor_match is not None:
                actor, a_end = actor_match
                if self._maker(ctx, a_end):
                    m = a_end + 2  # "14 Iranian-built drones"
                    continue
                chain_actor = chain_actor or actor
                text = doc[m:a_end].text
                if text in self.people and (noun.head is None or noun.adjective_head):
                    noun.set_head(m, a_end, "person", self.people[text].lower(), adjective=False)
                    noun.unit = text[:-1].lower() if text.endswith("s") else text.lower()
                m = a_end
                if m < n and words[m] in ("'s", "’s"):
                    m += 1  # "of the group's fighters", "of Hamas's fighters"
                continue
            if w in self.echelons and noun.head is None or (w in self.echelons and noun.adjective_head):
                entry = self.echelons[w]
                token = doc[m]
                if token.text[:1].isupper() and w == entry["forms"][0].lower() and not ctx.is_title(m):
                    noun.designator = True  # "2 Brigade", "16 Air Assault Brigade"
                    return noun
                follower = self.nouns.get(words[m + 1]) if m + 1 < n else None
                if follower is not None and follower["kind"] in KINDS + ("person",) and not follower.get("compound"):
                    m += 1  # "18 battalion commanders": the echelon names whose commanders they are
                    continue
                return self._read_echelon(ctx, m, entry, noun, chain_actor)
            entry = self.nouns.get(w)
            if entry is not None and not entry.get("compound"):
                if noun.head is not None and not noun.adjective_head and w == entry["lemma"] and w != words[noun.end - 1]:
                    break  # "took 12 soldiers prisoner": a singular noun after the head is not part of it
                if entry.get("adjective"):
                    if noun.head is not None and not noun.adjective_head:
                        break  # "300 soldiers killed": the participle is a cue, not the noun
                    noun.adjective_kind = entry["kind"]
                    noun.set_head(m, m + 1, entry["kind"], entry["lemma"], adjective=True)
                    noun.elided = bool(entry.get("elided"))
                else:
                    noun.set_head(m, m + 1, entry["kind"], None if entry.get("pronoun") else entry["lemma"], adjective=False)
                    noun.elided = False
                    if noun.adjective_kind == entry["kind"]:
                        noun.adjective_kind = None
                m += 1
                if m + 1 < n and words[m] == "of" and words[m + 1] == "war" and entry["kind"] == "captured":
                    m += 2  # "prisoners of war"
                    noun.end = m
                    break
                continue
            if w == "-" and ctx.glued(m - 1) and ctx.glued(m):
                if noun.head is not None and noun.head == m - 1 and not noun.adjective_head:
                    noun.head = None  # "50 troop-contributing countries": the noun is a modifier
                    break
                m += 1
                continue
            if w in self.modifiers or (ctx.has_pos and doc[m].pos_ == "ADJ"):
                if w in self.civil_modifiers and noun.head is None:
                    noun.civil = True
                m += 1
                continue
            token = doc[m]
            if token.text[:1].isupper() and noun.head is None and not token.like_num:
                m += 1  # a model or a name before the noun: "400 Shahed drones", "two T-72 tanks", "TB2 drones"
                continue
            break
        if noun.head is not None and noun.civil and noun.kind == "equipment":
            noun.head = None  # "600 aid trucks": not military equipment
        if noun.head is not None and not noun.adjective_head:
            self._read_coordinated(ctx, noun)
        if noun.head is not None and noun.adjective_head and noun.kind not in KINDS:
            noun.head = None
        if noun.adjective_head:
            noun.adjective_kind = None  # "20 dead": the noun itself gives the kind
        if noun.head is None or noun.partitive:
            noun.elided = False
        if (
            noun.head is not None and not noun.adjective_head and not single and noun.head == noun.end - 1
            and words[noun.head] in self.nouns and words[noun.head] == self.nouns[words[noun.head]]["lemma"]
            and words[noun.head] not in _COLLECTIVES
            and len(self.nouns[words[noun.head]]["forms"]) > 1 and noun.end < n and doc[noun.end].is_alpha
            and not doc[noun.end].is_stop and words[noun.end] not in self.after_first
        ):
            noun.head = None  # "nine terrorist camps", "two terrorist bases": a singular noun used as a modifier
            noun.designator = True
        noun.actor = chain_actor if noun.head is not None else None
        return noun

    @staticmethod
    def _maker(ctx: "_DocContext", a_end: int) -> bool:
        """ "US-made", "Turkish-built": the country that made the equipment, not whose it is."""
        return a_end + 1 < ctx.n and ctx.words[a_end] == "-" and ctx.words[a_end + 1] in _MADE

    def _read_coordinated(self, ctx: "_DocContext", noun: "_NounPhrase") -> None:
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
            entry = self.nouns.get(w)
            if entry is not None and not entry.get("compound") and not entry.get("adjective"):
                if (entry["kind"] in kinds or entry["kind"] == "person" and "troops" in kinds) and not (
                    m + 1 < n and words[m + 1] == "of"
                ):
                    noun.end = m + 1
                    noun.head_index = m
                return
            if w in self.modifiers or ctx.actor_starts.get(m) is not None:
                m = ctx.actor_starts[m][1] if ctx.actor_starts.get(m) is not None else m + 1
                continue
            return

    def _read_echelon(
        self, ctx: "_DocContext", m: int, entry: Dict[str, Any], noun: "_NounPhrase", actor: Optional[str]
    ) -> "_NounPhrase":
        words, n = ctx.words, ctx.n
        noun.echelon = entry
        noun.unit = entry["forms"][0].lower()
        end = m + 1
        confirmed = False
        if end + 1 < n and words[end] == "-" and words[end + 1] in _SIZED and ctx.glued(end - 1) and ctx.glued(end):
            end += 2
            confirmed = True
            if end < n and (words[end] in _SIZED_NOUNS or self.nouns.get(words[end], {}).get("kind") == "troops"):
                noun.unit = self.nouns[words[end]]["lemma"] if words[end] in self.nouns else words[end]
                end += 1
        elif end < n and words[end] == "of":
            k = end + 1
            if k < n and words[k] in _DETERMINERS:
                k += 1
            while k < n and k < end + 5:
                a = ctx.actor_starts.get(k)
                if a is not None:
                    actor = actor or a[0]
                    k = a[1]
                    continue
                if words[k] in self.modifiers:
                    k += 1
                    continue
                break
            if k < n and self.nouns.get(words[k], {}).get("kind") in ("troops", "person"):
                end = k + 1
                confirmed = True
        singular = words[m] == entry["forms"][0].lower()
        if not confirmed and (entry.get("ambiguous") or singular and not noun.numeric_many):
            noun.echelon = None
            noun.unit = None
            return noun
        noun.set_head(m, end, "troops", noun.unit, adjective=False)
        noun.actor = actor
        return noun

    def _cue_before(self, ctx: "_DocContext", start: int, floor: int) -> Optional[Dict[str, Any]]:
        words = ctx.words
        p = start - 1
        steps = 0
        first: Optional[Dict[str, Any]] = None
        while p >= floor and steps < 5:
            matched = False
            for length in range(min(self.max_cue, p - floor + 1), 0, -1):
                key = tuple(words[p - length + 1 : p + 1])
                cue = self.cue_before.get(key)
                if cue is not None:
                    found = dict(cue)
                    found["_start"], found["_end"] = p - length + 1, p + 1
                    if found.get("kind") is not None or key[0] not in ("has", "have", "had"):
                        return found
                    # "the death toll has passed 61,200": an auxiliary "has" may hide the cue before it
                    first = first or found
                    p -= length
                    steps += 1
                    matched = True
                    break
            if matched:
                continue
            if words[p] in _BEFORE_SKIP:
                p -= 1
                steps += 1
                continue
            return first
        return first

    def _cue_after(self, ctx: "_DocContext", end: int, limit: int) -> Optional[Dict[str, Any]]:
        words = ctx.words
        p = end
        steps = 0
        while p < limit and steps < 6:
            if words[p] in ("from", "of"):
                # "2,000 fighters from the TPLF were captured": step over whose they are.
                k = p + 1 + (p + 1 < limit and words[p + 1] == "the")
                actor = ctx.actor_starts.get(k)
                if actor is not None and actor[1] <= limit:
                    p = actor[1]
                    if p < limit and words[p] in _ACTOR_HEADS:
                        p += 1
                    steps += 1
                    continue
                if k < limit and words[k] in _ACTOR_HEADS:
                    p = k + 1  # "312 members of the militia were killed"
                    steps += 1
                    continue
            for length in (4, 3, 2, 1):
                key = tuple(words[p : p + length])
                if len(key) == length and p + length <= limit and key in self.cue_after:
                    found = dict(self.cue_after[key])
                    found["_start"], found["_end"] = p, p + length
                    found["_nominal"] = steps == 0 and length == 1 and words[p] in self.nouns
                    return found
            if words[p] in _AFTER_SKIP:
                p += 1
                steps += 1
                continue
            if words[p] == ",":
                close = self._aside_end(words, p, limit)
                if close is not None:
                    p = close + 1  # "26 civilians, including women and children, were killed"
                    steps += 1
                    continue
            return None
        return None

    @staticmethod
    def _aside_end(words: List[str], p: int, limit: int) -> Optional[int]:
        """The closing comma of an aside opened at ``p`` (", including 10 civilians,", ", most of them
        children,"), or None."""
        if p + 1 >= limit or words[p + 1] not in _ASIDE_OPENERS:
            return None
        for q in range(p + 2, min(limit, p + 10)):
            if words[q] == ",":
                return q
            if words[q] in (";", ".", ":"):
                return None
        return None

    def _bare_ok(self, ctx: "_DocContext", end: int, number: Optional[float], core_len: int, first: str) -> bool:
        """May a figure without a counted noun be a count? Not before another noun, not a year."""
        if number is not None and 1900 <= number <= 2100 and core_len == 1 and first.isdigit():
            return False
        if end < ctx.n:
            token = ctx.doc[end]
            w = ctx.words[end]
            if token.is_alpha and not token.is_stop and w not in self.after_first and w not in self.cue_link:
                return False  # "two years", "three villages", "30 km"
        return True

    def _link(self, ctx: "_DocContext", start: int, sent_start: int) -> Optional[Tuple[str, Optional[str]]]:
        """ "North Korean soldiers, estimated at over 10,000": the noun earlier in the sentence."""
        words = ctx.words
        link_len = 0
        for length in range(min(4, start - sent_start), 0, -1):
            if tuple(words[start - length : start]) in self.cue_link:
                link_len = length
                break
        if not link_len:
            return None
        p = start - link_len - 1
        while p >= max(sent_start, start - 14):
            entry = self.nouns.get(words[p])
            if entry is not None and entry["kind"] in KINDS:
                actor = None
                for q in range(max(sent_start, p - 3), p):
                    a = ctx.actor_starts.get(q)
                    if a is not None and a[1] <= p:
                        actor = a[0]
                ctx.link_actor = actor
                return entry["kind"], entry["lemma"]
            p -= 1
        return None

    def _actor_after(self, ctx: "_DocContext", end: int, limit: int) -> Optional[str]:
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

    def _possessive_actor(self, ctx: "_DocContext", start: int, sent_start: int) -> Optional[str]:
        """ "Russia's 50,000 troops", "Russia's losses stood at 300"."""
        words = ctx.words
        for p in range(start - 1, max(sent_start, start - 7) - 1, -1):
            if words[p] not in ("'s", "’s", "'"):
                continue
            owner = ctx.actor_ends.get(p - 1)
            if owner is None:
                return None
            if p + 1 == start:
                return owner
            for length in range(min(self.max_cue, start - p - 1), 0, -1):
                key = tuple(words[p + 1 : p + 1 + length])
                if key in self.cue_possessed:
                    rest = words[p + 1 + length : start]
                    if all(w in _BEFORE_SKIP or (w,) in self.cue_before for w in rest):
                        return owner
            return None
        return None

    def _subject_actor(
        self,
        ctx: "_DocContext",
        start: int,
        end: int,
        noun: "_NounPhrase",
        before_cue: Optional[Dict[str, Any]],
        sent_start: int,
    ) -> Optional[str]:
        doc = ctx.doc
        if self.use_parser and ctx.has_dep:
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
            if not (verb.lower_ in self.subject_verbs or verb.lemma_.lower() in self.subject_verbs):
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
            if subject.ent_type_ == "GPE" and self.use_ner:
                ent = next((e for e in doc.ents if e.start <= subject.i < e.end), None)
                return ent.text if ent is not None else None
            return None
        # No parser: "<Actor> (has) amassed N ...", the actor opening the clause.
        if before_cue is None or before_cue.get("subject") is not True:
            return None
        p = before_cue["_start"] - 1
        while p >= sent_start and ctx.words[p] in _AUX:
            p -= 1
        if p < sent_start:
            return None
        referred = self._subject_reference(ctx, p, sent_start)
        if referred is not None:
            return referred
        if ctx.words[p] in _ACTOR_HEADS and p not in ctx.actor_ends and p - 1 >= sent_start:
            p -= 1  # "The Fano militia has ...", "Russian forces have ..."
            if ctx.words[p] in ("'s", "’s") and p - 1 >= sent_start:
                p -= 1  # "Eritrea's army could mobilise ..."
        owner = ctx.actor_ends.get(p)
        if owner is None:
            return None
        a_start = ctx.actor_start_of_end[p]
        q = a_start - 1
        if q >= sent_start and ctx.words[q] == "the":
            q -= 1
        if q < sent_start or ctx.words[q] in _CLAUSE_OPENERS or _is_clock(ctx.words[q]):
            return owner
        if ctx.words[q] == "of" and q - 1 >= sent_start and ctx.words[q - 1] in _ACTOR_HEADS:
            return owner  # "the Armed Forces of Ukraine lost ..."
        return None


    # ------------------------------------------------------------ actors named earlier

    def _reference_actor(self, ctx: "_DocContext", start: int, stop: int, sent_start: int, sent_end: int) -> Optional[str]:
        """ "its roughly 500 troops", "11 of its soldiers", "2,000 of the group's fighters", "the army's
        3,000 soldiers": a possessive pronoun or a definite description names an actor said earlier."""
        words = ctx.words
        p = start - 1
        if p >= sent_start and words[p] in _POSSESSIVE_PRONOUNS:
            return self._pronoun_referent(ctx, p, sent_start)
        if p - 2 >= sent_start and words[p] in ("'s", "’s") and words[p - 2] == "the":
            return self._antecedent(ctx, p - 1)
        for q in range(start + 1, min(stop + 3, sent_end)):
            w = words[q]
            if w in _POSSESSIVE_PRONOUNS and words[q - 1] == "of":
                return self._pronoun_referent(ctx, q, sent_start)
            if words[q - 1] == "the" and q + 1 < sent_end and words[q + 1] in ("'s", "’s"):
                return self._antecedent(ctx, q)
        return None

    def _subject_reference(self, ctx: "_DocContext", p: int, sent_start: int) -> Optional[str]:
        """The actor of a subject that points back: "UNIFIL, which has", "the group is estimated to
        have", "it had"; ``p`` is the subject's last word."""
        words = ctx.words
        w = words[p]
        if w in ("which", "who") and p - 2 >= sent_start and words[p - 1] == ",":
            q = p - 2
            if words[q] in _ACTOR_HEADS and q not in ctx.actor_ends:
                q -= 1  # "The Rwandan contingent, which ..."
            return ctx.actor_ends.get(q)
        if w in ("it", "they"):
            return self._pronoun_referent(ctx, p, sent_start)
        if p - 1 >= sent_start and words[p - 1] == "the":
            return self._antecedent(ctx, p)
        return None

    def _pronoun_referent(self, ctx: "_DocContext", p: int, sent_start: int) -> Optional[str]:
        """ "its"/"their"/"it": the one actor named in the sentence before it, else a definite
        description there ("the group ... its"), else the one actor of the sentence before. Two
        different actors make it ambiguous: no actor; a place ("in Gaza") is not a candidate."""
        actors = {a for s, a in ctx.actors_at(sent_start, p) if not self._place(ctx, s)}
        if not actors or ctx.words[p] in ("it", "they"):  # a subject pronoun: the descriptions must agree too
            for q in range(p - 1, sent_start, -1):
                if ctx.words[q - 1] == "the" and (ctx.words[q] in _GROUP_ANAPHORS or ctx.words[q] in _ARMY_ANAPHORS):
                    actors.add(self._antecedent(ctx, q))
        if actors:
            return actors.pop() if len(actors) == 1 else None
        if sent_start > 0:
            before = ctx.actors_between(ctx.sentence(sent_start - 1)[0], sent_start)
            if before and len(set(before)) == 1:
                return before[0]
        return None

    @staticmethod
    def _place(ctx: "_DocContext", s: int) -> bool:
        """Is the actor word at ``s`` a place ("at northern Israel", "in Gaza")?"""
        words = ctx.words
        p = s - 1
        if p >= 0 and words[p] in _COMPASS:
            p -= 1
        return p >= 0 and words[p] in _PLACE_PREPOSITIONS

    def _antecedent(self, ctx: "_DocContext", q: int) -> Optional[str]:
        """ "the group" -> the last armed group named before ``q``; "the army"/"the military" -> the
        last state named as an army ("the Sudanese army", "Russia's military", "the IDF")."""
        word = ctx.words[q]
        group = word in _GROUP_ANAPHORS
        if not group and word not in _ARMY_ANAPHORS:
            return None
        words, doc = ctx.words, ctx.doc
        if not group:
            # "In Niger, the army ...": a state named earlier in the same sentence.
            sent_start = ctx.sentence(q)[0]
            for s in reversed(ctx.actor_positions_before(q - 1)):
                if s < sent_start:
                    break
                if self.actor_type.get(ctx.actor_starts[s][0], "state") == "state":
                    return ctx.actor_starts[s][0]
        for s in reversed(ctx.actor_positions_before(q - 1)):
            actor, e = ctx.actor_starts[s]
            kind = self.actor_type.get(actor, "state")
            if group:
                if kind == "group":
                    return actor
                continue
            if kind != "state":
                continue
            nxt = words[e + 1] if e + 1 < ctx.n and words[e] in ("'s", "’s") else (words[e] if e < ctx.n else "")
            if nxt in _ARMY_HEADS or words[e - 1] in _ARMY_HEADS or words[e - 1] in ("junta", "tatmadaw") or doc[e - 1].text.isupper():
                return actor
        return None

    def _whole_actor(self, ctx: "_DocContext", start: int, noun: "_NounPhrase", sent_start: int) -> Optional[str]:
        """A detail or a continuation takes the actor of the count before it: "five aircraft, including
        three Rafales", "killed 87 soldiers and captured 40 others", "ten were killed and 14 wounded"."""
        prev = ctx.previous
        if prev is None or prev[0] < sent_start or ctx.previous_actor is None:
            return None
        if self._inherited(ctx, start, sent_start, partitive=noun.partitive) is not None:
            return ctx.previous_actor
        p = start - 1
        if p > sent_start and (ctx.words[p],) in self.cue_before:
            p -= 1  # "... and captured 40 others"
        bare = noun.head is None or noun.unit is None or noun.elided
        if bare and start - prev[2] <= 12 and ctx.words[p] in ("and", ","):
            return ctx.previous_actor
        return None


class _NounPhrase:
    """What :meth:`CountFinder._read_noun` found after the figure."""

    __slots__ = (
        "head", "head_index", "end", "kind", "unit", "actor", "adjective_kind", "adjective_head",
        "echelon", "designator", "numeric_many", "partitive", "elided", "civil",
    )

    def __init__(self) -> None:
        self.head: Optional[int] = None
        self.head_index = 0
        self.end = 0
        self.kind: Optional[str] = None
        self.unit: Optional[str] = None
        self.actor: Optional[str] = None
        self.adjective_kind: Optional[str] = None
        self.adjective_head = False
        self.echelon: Optional[Dict[str, Any]] = None
        self.designator = False
        self.numeric_many = False
        self.partitive = False
        self.elided = False
        self.civil = False

    def set_head(self, start: int, end: int, kind: str, unit: Optional[str], adjective: bool) -> None:
        self.head = start
        self.head_index = end - 1 if self.echelon is None else start
        self.end = end
        self.kind = kind
        self.unit = unit
        self.adjective_head = adjective


class _DocContext:
    """Per-Doc lookups, computed once when the Doc has candidate figures."""

    def __init__(self, doc: Doc, finder: CountFinder, array: Any) -> None:
        self.doc = doc
        self.n = len(doc)
        self.strings = strings = doc.vocab.strings
        # Read from `Doc.to_array` (columns in `_COLUMNS` order): faster than creating Tokens.
        self.words = decode(strings, array[:, 0].tolist())
        self._orth = array[:, 3]
        self._spacy = array[:, 4].tolist()
        self._array = array
        self._sentence_of = SentenceOf(doc)
        self.has_dep = doc.has_annotation("DEP")
        self.has_pos = doc.has_annotation("POS")
        self.has_ner = doc.has_annotation("ENT_IOB")
        self.has_sents = doc.has_annotation("SENT_START")
        self.link_actor: Optional[str] = None
        # (start, kind, end) of the last count found, for figures that detail it ("including 19 people").
        self.previous: Optional[Tuple[int, str, int]] = None
        self.previous_actor: Optional[str] = None
        self._positions: Optional[List[int]] = None
        # End of the tokens the last count consumed beyond its span ("four of the 25 crew members").
        self.consumed = 0
        self.actor_starts: Dict[int, Tuple[str, int]] = {}
        self.actor_ends: Dict[int, str] = {}
        self.actor_start_of_end: Dict[int, int] = {}
        strings = doc.vocab.strings
        matches = sorted(finder.actor_matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        taken_until = 0
        for match_id, s, e in matches:
            if s < taken_until:
                continue
            actor = strings[match_id]
            self.actor_starts[s] = (actor, e)
            self.actor_ends[e - 1] = actor
            self.actor_start_of_end[e - 1] = s
            taken_until = e

    def actor_positions_before(self, i: int) -> List[int]:
        """Start positions of the actor words that begin before ``i``, in order."""
        if self._positions is None:
            self._positions = sorted(self.actor_starts)
        return self._positions[: bisect_left(self._positions, i)]

    def actors_between(self, i: int, j: int) -> List[str]:
        """The actors named by words starting in ``i..j-1``, in order."""
        return [actor for _, actor in self.actors_at(i, j)]

    def actors_at(self, i: int, j: int) -> List[Tuple[int, str]]:
        """(start, actor) of the actor words starting in ``i..j-1``, in order."""
        positions = self.actor_positions_before(j)
        return [(s, self.actor_starts[s][0]) for s in positions[bisect_left(positions, i):]]

    def number_at(self, i: int) -> Optional[ParsedNumber]:
        """``parse_number_tokens`` over the 12 tokens from ``i``. It decides each step from
        the token before, the token and the one after, so a number of at most two tokens read
        from a window of four is the one it reads from twelve; most numbers are one token, and
        decoding twelve tokens for each figure cost more than parsing it."""
        parsed = parse_number_tokens(self.texts(i, i + _SHORT_NUMBER), self.spaces(i, i + _SHORT_NUMBER))
        if parsed is not None and parsed.length > _SHORT_NUMBER - 2:
            parsed = parse_number_tokens(self.texts(i, i + _NUMBER_WINDOW), self.spaces(i, i + _NUMBER_WINDOW))
        return parsed

    def texts(self, i: int, j: int) -> List[str]:
        return decode(self.strings, self._orth[i:j].tolist())

    def spaces(self, i: int, j: int) -> List[bool]:
        return list(map(bool, self._spacy[i:j]))

    def glued(self, i: int) -> bool:
        """Is token ``i`` directly followed by the next token (no whitespace)?"""
        return 0 <= i < self.n and not self._spacy[i]

    def is_title(self, i: int) -> bool:
        """Is token ``i`` capitalized only because it opens a sentence or the text is in title case?"""
        return i == 0 or bool(self._array[i, 5] == 1)

    def sentence(self, i: int) -> Tuple[int, int]:
        if not self.has_sents:
            return 0, self.n
        return self._sentence_of(i)


def _is_clock(word: str) -> bool:
    """A live blog's time stamp ("13:15") opens a clause."""
    return ":" in word and word.replace(":", "").isdigit()


def _whole_positive(value: float) -> bool:
    return value >= 1 and abs(value - round(value)) < 1e-6 and value < 10**12


# ------------------------------------------------------------------------------ scorer


def _count_spans(doc: Doc, attr: str) -> List[Span]:
    key = schema.spans_key(doc, "counts")
    return list(doc.spans[key]) if key in doc.spans else []


def score_counts(examples: Iterable[Example], **kwargs: Any) -> Dict[str, Any]:
    """Span P/R/F of the count phrases (boundaries only: ``counts_p/r/f``; with the kind as the
    label: ``counts_kind_f``) and, on spans found with the right boundaries, how often the value,
    qualifier, kind, estimate and actor agree with the reference (``counts_value_acc`` ...)."""
    examples = list(examples)
    scores: Dict[str, Any] = {}
    spans = Scorer.score_spans(examples, "counts", getter=_count_spans, labeled=False, allow_overlap=True)
    scores.update({k: v for k, v in spans.items() if not k.endswith("per_type")})
    labeled = Scorer.score_spans(examples, "counts", getter=_count_spans, labeled=True, allow_overlap=True)
    scores["counts_kind_f"] = labeled["counts_f"]
    fields = ("value", "qualifier", "kind", "estimate", "actor")
    agree = {f: 0 for f in fields}
    seen = {f: 0 for f in fields}
    for eg in examples:
        gold = {(s.start_char, s.end_char): s._.count for s in _count_spans(eg.reference, "")}
        for span in _count_spans(eg.predicted, ""):
            ref = gold.get((span.start_char, span.end_char))
            if not ref:
                continue
            pred = span._.count or {}
            for f in fields:
                if f in ref:
                    seen[f] += 1
                    agree[f] += int(pred.get(f) == ref[f])
    for f in fields:
        scores[f"counts_{f}_acc"] = agree[f] / seen[f] if seen[f] else None
    return scores


@registry.scorers("conflictnlp.counts_scorer.v1")
def make_counts_scorer() -> Callable[..., Dict[str, Any]]:
    return score_counts


# ------------------------------------------------------------------------------ factory


@Language.factory(
    "conflict_counts",
    assigns=["doc.spans", "span._.count"],
    requires=[],
    default_config={
        "approximators": None,
        "vague": None,
        "units": None,
        "nouns": None,
        "modifiers": None,
        "cues": None,
        "actors": None,
        **DEFAULT_POLICY,  # the estimate policy's defaults, in one place
        "use_parser": True,
        "use_ner": True,
        "spans_key": SPANS_KEY,
        "scorer": {"@scorers": "conflictnlp.counts_scorer.v1"},
    },
    default_score_weights={
        "counts_f": 1.0, "counts_p": 0.0, "counts_r": 0.0, "counts_kind_f": 0.0,
        "counts_value_acc": 0.0, "counts_qualifier_acc": 0.0, "counts_kind_acc": 0.0,
        "counts_estimate_acc": 0.0, "counts_actor_acc": 0.0,
    },
)
def make_conflict_counts(
    nlp: Language,
    name: str,
    approximators: Optional[str],
    vague: Optional[str],
    units: Optional[str],
    nouns: Optional[str],
    modifiers: Optional[str],
    cues: Optional[str],
    actors: Optional[str],
    vague_estimate: str,
    units_estimate: str,
    range_estimate: str,
    below_factor: float,
    min_factor: float,
    max_factor: float,
    use_parser: bool,
    use_ner: bool,
    spans_key: str,
    scorer: Optional[Callable],
) -> CountFinder:
    tables = {
        "approximators": approximators, "vague": vague, "units": units, "nouns": nouns,
        "modifiers": modifiers, "cues": cues, "actors": actors,
    }
    policy = {
        "vague_estimate": vague_estimate, "units_estimate": units_estimate, "range_estimate": range_estimate,
        "below_factor": below_factor, "min_factor": min_factor, "max_factor": max_factor,
    }
    return CountFinder(nlp, name, tables=tables, policy=policy, use_parser=use_parser, use_ner=use_ner, scorer=scorer, spans_key=spans_key)
