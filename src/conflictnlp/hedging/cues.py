"""The cue layer of ``conflict_hedging``: hedge cues as data, matched and graded.

In the style of medspaCy's ConText, the rules (``components/hedging/cues.jsonl`` and
``pseudo_cues.jsonl``) are data objects (a phrase or a Matcher pattern, a cue type and
a certainty level) and the algorithm is separate from them:

1. match every cue and every pseudo-cue in the Doc (PhraseMatcher for phrases, Matcher
   for token patterns);
2. drop cues that overlap a pseudo-cue ("could not be reached for comment", "May" the
   month, "as expected");
3. among overlapping cues keep the longest ("could not be independently verified" beats
   "could"), then the earliest;
4. give each cue to the sentence it starts in; a cue that runs past its sentence is dropped
   (scope is the sentence);
5. grade a sentence by its strongest cue level: unverified > possible > probable > certain.

Everything but :class:`CueMatcher` is plain Python over tuples, testable without spaCy.
The rule tables are checked here (:func:`entry_problem`), for the component's
:class:`~conflictnlp.rules.RuleSet` and for :func:`load_cue_rules` alike.
This module imports only spaCy, numpy, the standard library and conflictnlp modules.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any, Callable, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..doctools import member
from ..rules import PathLike, ResourceError, RuleSet, RuleTable, load_entries, write_jsonl
from ..schema import CERTAINTY_LEVELS, CERTAINTY_RANK, CUE_TYPES, MODEL_CUE, strongest

CERTAIN = CERTAINTY_LEVELS[0]
# The types a lexicon entry may have: every cue type but the trained layer's own.
LEXICON_CUE_TYPES = tuple(t for t in CUE_TYPES if t != MODEL_CUE)
HEDGED_LEVELS = CERTAINTY_LEVELS[1:]  # probable, possible, unverified
LEVEL_RANK: Dict[str, int] = CERTAINTY_RANK  # the schema's order, under the cue layer's old name

CUE_FIELDS = {"phrase?": str, "pattern?": list, "type": str, "level": str, "note?": str}
PSEUDO_FIELDS = {"phrase?": str, "pattern?": list, "blocks?": str, "note?": str}
# What a pseudo-cue match blocks ("blocks"): all its tokens ("all", the default), none ("none":
# the match only marks its sentence, so the trained layer alone does not hedge it: reported
# speech), or only its tokens that are this word ("would" in "said it would extend": the speech
# verb and the words around are context, free for real cues).
BLOCK_ALL = "all"
BLOCK_NONE = "none"
# The component's rule tables (components/hedging/*.jsonl), saved with the pipeline.
RULE_TABLES = (RuleTable("cues", "cues.jsonl", CUE_FIELDS), RuleTable("pseudo_cues", "pseudo_cues.jsonl", PSEUDO_FIELDS))

# Names of the per-sentence feature vector that the cue layer hands to the trained layer.
FEATURE_NAMES: Tuple[str, ...] = (
    ("any_cue",)
    + tuple(f"type_{t}" for t in LEXICON_CUE_TYPES)
    + tuple(f"level_{level}" for level in HEDGED_LEVELS)
    + ("pseudo_cue", "several_cues")
)
N_FEATURES = len(FEATURE_NAMES)


class CueRule(NamedTuple):
    """One lexicon entry. ``type``/``level`` are ``None`` for pseudo-cues."""

    phrase: Optional[str]
    pattern: Optional[List[Dict[str, Any]]]
    type: Optional[str]
    level: Optional[str]
    note: str = ""
    blocks: str = BLOCK_ALL

    def to_entry(self) -> Dict[str, Any]:
        """The JSONL entry this rule was read from (for ``to_disk``)."""
        entry: Dict[str, Any] = {"phrase": self.phrase} if self.phrase is not None else {"pattern": self.pattern}
        if self.type is not None:
            entry["type"] = self.type
            entry["level"] = self.level
        if self.blocks != BLOCK_ALL:
            entry["blocks"] = self.blocks
        if self.note:
            entry["note"] = self.note
        return entry


class Cue(NamedTuple):
    """A matched cue: token offsets ``start:end`` in the Doc, its type and level."""

    start: int
    end: int
    type: str
    level: str


# ----------------------------------------------------------------------------- rules


def _phrase_or_pattern_problem(entry: Mapping[str, Any]) -> Optional[str]:
    phrase, pattern = entry.get("phrase"), entry.get("pattern")
    if (phrase is None) == (pattern is None):
        return "give exactly one of 'phrase' or 'pattern'"
    if phrase is not None and not phrase.strip():
        return "field 'phrase' is empty"
    if pattern is not None and (not pattern or not all(isinstance(t, dict) for t in pattern)):
        return "field 'pattern' must be a non-empty list of token objects"
    return None


def cue_problem(entry: Mapping[str, Any]) -> Optional[str]:
    """What is wrong with a (field-validated) cue entry, or None."""
    problem = _phrase_or_pattern_problem(entry)
    if problem is None and entry["type"] not in LEXICON_CUE_TYPES:
        problem = f"field 'type' must be one of {', '.join(LEXICON_CUE_TYPES)}, got {entry['type']!r}"
    if problem is None and entry["level"] not in HEDGED_LEVELS:
        problem = f"field 'level' must be one of {', '.join(HEDGED_LEVELS)}, got {entry['level']!r}"
    return problem


def entry_problem(table: str, entry: Mapping[str, Any]) -> Optional[str]:
    """What is wrong with a field-validated entry of rule table ``table`` ("cues" or
    "pseudo_cues"), or None."""
    if table == "cues":
        return cue_problem(entry)
    problem = _phrase_or_pattern_problem(entry)
    blocks = entry.get("blocks", BLOCK_ALL)
    if problem is None and (not blocks.strip() or " " in blocks.strip()):
        problem = f"field 'blocks' must be 'all' or one word, got {blocks!r}"
    return problem


def check_rule_tables(ruleset: RuleSet, entries: Mapping[str, Sequence[Mapping[str, Any]]]) -> None:
    """The ``check`` of the component's rule set: every entry of both tables, named by file and line."""
    for table, table_entries in entries.items():
        for entry in table_entries:
            problem = entry_problem(table, entry)
            if problem is not None:
                ruleset.fail(table, entry, problem)


def rule_from_entry(entry: Mapping[str, Any]) -> CueRule:
    """The rule of a checked entry (a pseudo-cue has neither type nor level)."""
    return CueRule(
        entry.get("phrase"), entry.get("pattern"), entry.get("type"), entry.get("level"),
        entry.get("note", ""), entry.get("blocks", BLOCK_ALL),
    )


def _parse(table: str, entries: Sequence[Mapping[str, Any]], source: str) -> List[CueRule]:
    rules = []
    for i, entry in enumerate(entries, start=1):
        problem = entry_problem(table, entry)
        if problem is not None:
            raise ResourceError(f"{source}, entry {i}: {problem}")
        rules.append(rule_from_entry(entry))
    return rules


def parse_cue_rules(entries: Sequence[Mapping[str, Any]], source: str = "cues") -> List[CueRule]:
    """Check cue entries (already field-validated) and turn them into rules."""
    return _parse("cues", entries, source)


def parse_pseudo_rules(entries: Sequence[Mapping[str, Any]], source: str = "pseudo_cues") -> List[CueRule]:
    return _parse("pseudo_cues", entries, source)


RuleSource = Union[None, PathLike, Sequence[Mapping[str, Any]]]


def load_cue_rules(value: RuleSource = None) -> List[CueRule]:
    """Cue rules from the bundled lexicon (``None``), a JSONL path or a list of entries."""
    source = "components/hedging/cues.jsonl" if value is None else (str(value) if not isinstance(value, (list, tuple)) else "cues")
    return parse_cue_rules(load_entries(value, "hedging", "cues.jsonl", CUE_FIELDS), source)


def load_pseudo_rules(value: RuleSource = None) -> List[CueRule]:
    source = "components/hedging/pseudo_cues.jsonl" if value is None else (str(value) if not isinstance(value, (list, tuple)) else "pseudo_cues")
    return parse_pseudo_rules(load_entries(value, "hedging", "pseudo_cues.jsonl", PSEUDO_FIELDS), source)


def write_rules(path: PathLike, entries: Sequence[Mapping[str, Any]], what: str) -> None:
    """Write rule ``entries`` as a JSONL file whose header says it holds ``what``."""
    write_jsonl(path, entries, f"conflict_hedging {what}, saved with the pipeline.")


# ----------------------------------------------------------------------------- algorithm


def strongest_level(levels: Iterable[str]) -> str:
    """The grade of a sentence: its strongest cue level, ``certain`` when there is none."""
    return strongest(list(levels))


def select_cues(candidates: Iterable[Cue], blocked: Iterable[Tuple[int, int]] = ()) -> List[Cue]:
    """Cues that survive pseudo-cues and overlap resolution, sorted by position.

    A candidate overlapping any ``blocked`` (pseudo-cue) range is dropped; among the
    rest, longer cues win over shorter ones they overlap, then earlier ones.
    """
    # Ranges are non-empty, so two overlap exactly when they share a token: track the
    # covered tokens in sets (linear) rather than comparing every pair of ranges.
    covered = set()
    for start, end in blocked:
        covered.update(range(start, end))
    free = [c for c in set(candidates) if covered.isdisjoint(range(c.start, c.end))]
    free.sort(key=lambda c: (-(c.end - c.start), c.start, LEVEL_RANK[c.level] * -1, c.type))
    kept: List[Cue] = []
    taken = set()
    for cue in free:
        tokens = range(cue.start, cue.end)
        if taken.isdisjoint(tokens):
            kept.append(cue)
            taken.update(tokens)
    return sorted(kept)


def _sorted_disjoint(bounds: Sequence[Tuple[int, int]]) -> bool:
    return all(bounds[i][1] <= bounds[i + 1][0] for i in range(len(bounds) - 1))


def sentence_of(position: int, bounds: Sequence[Tuple[int, int]], starts: Sequence[int]) -> int:
    """Index of the sentence (sorted, disjoint token ranges ``bounds``; ``starts`` their
    starts) that holds token ``position``, or -1."""
    i = bisect_right(starts, position) - 1
    return i if i >= 0 and position < bounds[i][1] else -1


def cues_by_sentence(cues: Sequence[Cue], bounds: Sequence[Tuple[int, int]]) -> List[List[Cue]]:
    """Give each cue to the sentence (token range) it lies in; cues crossing a boundary are dropped."""
    out: List[List[Cue]] = [[] for _ in bounds]
    if _sorted_disjoint(bounds):  # always so for a Doc's sentences: binary search
        starts = [start for start, _ in bounds]
        for cue in cues:
            i = sentence_of(cue.start, bounds, starts)
            if i >= 0 and cue.end <= bounds[i][1]:
                out[i].append(cue)
        return out
    for cue in cues:
        for i, (start, end) in enumerate(bounds):
            if start <= cue.start < end:
                if cue.end <= end:
                    out[i].append(cue)
                break
    return out


def sentences_starting(positions: Iterable[int], bounds: Sequence[Tuple[int, int]]) -> List[bool]:
    """For each sentence (token range), whether any of ``positions`` lies in it."""
    positions = list(positions)
    if not _sorted_disjoint(bounds):
        return [any(start <= p < end for p in positions) for start, end in bounds]
    out = [False] * len(bounds)
    starts = [start for start, _ in bounds]
    for p in positions:
        i = sentence_of(p, bounds, starts)
        if i >= 0:
            out[i] = True
    return out


def cue_features(cues: Sequence[Cue], has_pseudo: bool = False) -> List[float]:
    """The cue layer's summary of one sentence, in the order of :data:`FEATURE_NAMES`."""
    if not cues:  # most sentences: a fresh copy of the constant row
        return list(_PSEUDO_ONLY if has_pseudo else _NO_CUES)
    types = {c.type for c in cues}
    levels = {c.level for c in cues}
    return (
        [1.0 if cues else 0.0]
        + [1.0 if t in types else 0.0 for t in LEXICON_CUE_TYPES]
        + [1.0 if level in levels else 0.0 for level in HEDGED_LEVELS]
        + [1.0 if has_pseudo else 0.0, 1.0 if len(cues) > 1 else 0.0]
    )


_NO_CUES = [0.0] * (1 + len(LEXICON_CUE_TYPES) + len(HEDGED_LEVELS) + 2)
_PSEUDO_ONLY = _NO_CUES[:-2] + [1.0, 0.0]


def pattern_phrases(pattern: Sequence[Mapping[str, Any]], limit: int = 4096) -> Optional[List[List[str]]]:
    """The word sequences a pattern of plain ``LOWER`` tokens matches, or ``None``.

    A token may be ``{"LOWER": word}`` or ``{"LOWER": {"IN": [...]}}``, optionally with
    ``"OP": "?"``. Such patterns are matched with the (hash-indexed, fast) PhraseMatcher
    instead of the Matcher, which tests every pattern at every token. Patterns with other
    attributes or operators, or that spell out to more than ``limit`` phrases, give ``None``.
    """
    variants: List[List[str]] = [[]]
    for token in pattern:
        if not set(token) <= {"LOWER", "OP"} or token.get("OP", "?") != "?":
            return None
        lower = token.get("LOWER")
        if isinstance(lower, str):
            words = [lower]
        elif isinstance(lower, dict) and set(lower) == {"IN"} and all(isinstance(w, str) for w in lower["IN"]):
            words = list(lower["IN"])
        else:
            return None
        options: List[List[str]] = [[w.lower()] for w in words] + ([[]] if "OP" in token else [])
        variants = [v + o for v in variants for o in options]
        if len(variants) > limit:
            return None
    return [v for v in variants if v]


def _anchor_words(value: Any) -> List[str]:
    """The words a token pattern's ORTH or LOWER value requires: one string, or an ``IN`` set."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and all(isinstance(w, str) for w in value["IN"]):
        return list(value["IN"])
    return []


def _blocked_range(doc: Doc, start: int, end: int, blocks: str) -> List[Tuple[int, int]]:
    """The token ranges a pseudo-cue match ``start:end`` blocks (see :data:`BLOCK_ALL`)."""
    if blocks == BLOCK_ALL:
        return [(start, end)]
    if blocks == BLOCK_NONE:
        return [(start, start)]  # an empty range: blocks no token, marks the sentence
    word = blocks.strip().lower()
    return [(k, k + 1) for k in range(start, end) if doc[k].lower_ == word]


class AnchoredPattern(NamedTuple):
    """A Matcher pattern with what bounds its matches: the words one of which every match
    holds (``column``: ORTH or LOWER; ``anchors``: sorted hashes; empty: none, so the whole
    Doc is searched) and the most tokens a match has ``before`` and ``after`` that word
    (None: unbounded, an operator "*" or "+")."""

    matcher: Matcher
    column: int
    anchors: frozenset  # word hashes
    before: Optional[int]
    after: Optional[int]


def anchor_pattern(vocab: Vocab, pattern: Sequence[Mapping[str, Any]], key: str) -> AnchoredPattern:
    """The :class:`AnchoredPattern` of one Matcher pattern, labelled ``key``. The anchor is the
    required token with the fewest words ("would" rather than the speech verbs before it)."""
    matcher = Matcher(vocab, validate=True)
    matcher.add(key, [pattern])
    options = [
        (len(words), k, attr, words)
        for k, token in enumerate(pattern)
        if "OP" not in token
        for attr in ("ORTH", "LOWER")
        for words in [_anchor_words(token.get(attr))]
        if words
    ]
    bounded = all(token.get("OP") in (None, "?", "!") for token in pattern)
    if not options:
        return AnchoredPattern(matcher, LOWER, frozenset(), None, None)
    _, k, attr, words = min(options, key=lambda option: option[:2])
    anchors = frozenset(vocab.strings.add(w) for w in words)
    column = ORTH if attr == "ORTH" else LOWER
    return AnchoredPattern(matcher, column, anchors, k if bounded else None, len(pattern) - k - 1 if bounded else None)


def anchor_windows(positions: Sequence[int], before: Optional[int], after: Optional[int], n: int) -> List[Tuple[int, int]]:
    """Merged token ranges around anchor ``positions`` that hold every match of a pattern
    with at most ``before``/``after`` tokens around its anchor (the whole Doc when unbounded)."""
    if not positions:
        return []
    if before is None or after is None:
        return [(0, n)]
    windows: List[Tuple[int, int]] = []
    for i in positions:
        start, end = max(0, i - before), min(n, i + after + 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


class CueMatcher:
    """Compiles cue and pseudo-cue rules into spaCy matchers and finds cues in Docs.

    Plain word patterns run on one PhraseMatcher; every other pattern has its own Matcher,
    run only on windows around its anchor words (the Matcher tries its patterns at every
    token, so a Doc without the anchor words skips it)."""

    def __init__(
        self,
        vocab: Vocab,
        make_doc: Callable[[str], Doc],
        rules: Sequence[CueRule],
        pseudo_rules: Sequence[CueRule] = (),
    ) -> None:
        self.rules = list(rules)
        self.pseudo_rules = list(pseudo_rules)
        self.phrase_matcher = PhraseMatcher(vocab, attr="LOWER")
        self.patterns: List[AnchoredPattern] = []
        # Match labels: "cue:<i>" for rules[i], "pseudo:<i>" for pseudo_rules[i].
        self._labels: Dict[int, Tuple[str, int]] = {}
        for kind, group in (("cue", self.rules), ("pseudo", self.pseudo_rules)):
            for i, rule in enumerate(group):
                key = f"{kind}:{i}"
                self._labels[vocab.strings.add(key)] = (kind, i)
                phrases = pattern_phrases(rule.pattern) if rule.pattern is not None else None
                if rule.phrase is not None:
                    self.phrase_matcher.add(key, [make_doc(rule.phrase)])
                elif phrases:
                    self.phrase_matcher.add(key, [Doc(vocab, words=words) for words in phrases])
                else:
                    try:
                        self.patterns.append(anchor_pattern(vocab, rule.pattern, key))
                    except (ValueError, KeyError) as err:
                        raise ResourceError(f"{kind} rule {i + 1} ({rule.pattern!r}): bad Matcher pattern: {err}") from None
        # Per column (ORTH, LOWER): every pattern's anchor words, looked up once per Doc.
        self._anchor_arrays: Dict[int, Any] = {
            column: numpy.array(sorted(set().union(*(p.anchors for p in self.patterns if p.column == column))), dtype="uint64")
            for column in {p.column for p in self.patterns if p.anchors}
        }

    def _anchor_hits(self, doc: Doc) -> Dict[int, List[Tuple[int, int]]]:
        """Per column, the (position, word hash) of every token that is some pattern's anchor."""
        hits: Dict[int, List[Tuple[int, int]]] = {}
        for column, anchors in self._anchor_arrays.items():
            values = doc.to_array(column)  # array reads instead of a Token object per token
            positions = numpy.flatnonzero(member(values, anchors)).tolist()
            hits[column] = [(i, int(values[i])) for i in positions]
        return hits

    def _pattern_matches(self, doc: Doc) -> List[Tuple[int, int, int]]:
        """(match id, start, end) of every Matcher pattern, each searched around its anchors."""
        n = len(doc)
        if not self.patterns or n == 0:
            return []
        hits = self._anchor_hits(doc)
        found: List[Tuple[int, int, int]] = []
        for pattern in self.patterns:
            if pattern.anchors:
                positions = [i for i, word in hits[pattern.column] if word in pattern.anchors]
            else:
                positions = [0]
            for lo, hi in anchor_windows(positions, pattern.before, pattern.after, n):
                view = doc if (lo, hi) == (0, n) else doc[lo:hi]
                found += [(m, lo + s, lo + e) for m, s, e in pattern.matcher(view, allow_missing=True)]
        return found

    def matches(self, doc: Doc) -> Tuple[List[Cue], List[Tuple[int, int]]]:
        """Raw cue candidates and pseudo-cue ranges (token offsets) in ``doc``."""
        found = list(self.phrase_matcher(doc)) + self._pattern_matches(doc)
        candidates: List[Cue] = []
        blocked: List[Tuple[int, int]] = []
        for match_id, start, end in found:
            kind, i = self._labels[match_id]
            if kind == "pseudo":
                blocked.extend(_blocked_range(doc, start, end, self.pseudo_rules[i].blocks))
            else:
                rule = self.rules[i]
                candidates.append(Cue(start, end, rule.type, rule.level))  # type: ignore[arg-type]
        return candidates, blocked

    def __call__(self, doc: Doc) -> List[Cue]:
        """The cues of ``doc`` after pseudo-cue filtering and overlap resolution."""
        candidates, blocked = self.matches(doc)
        return select_cues(candidates, blocked)

    def by_sentence(self, doc: Doc, bounds: Sequence[Tuple[int, int]]) -> Tuple[List[List[Cue]], List[bool]]:
        """Steps 1-4 for the sentences ``bounds`` (token ranges) of ``doc``: the cues of each
        sentence, and whether a pseudo-cue starts in it."""
        candidates, blocked = self.matches(doc)
        per_sentence = cues_by_sentence(select_cues(candidates, blocked), bounds)
        pseudo = sentences_starting((b[0] for b in blocked), bounds)
        return per_sentence, pseudo
