"""The contract in code (schema ``conflictnlp/1``): label sets, span keys, record shapes, and
the certainty each hedge-cue type signals. The one owner of these facts: components, the
export, the claim linker, the corpus validator, the importers and the views all read them here.

Standard library only.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, NamedTuple, Optional, TypedDict, Union

# ---------------------------------------------------------------------------- qualifiers


class Qualifier(NamedTuple):
    """What a count's qualifier means: which fields it sets and how it shows."""

    stated: bool  # the text states one figure, so ``value`` is set
    low_is_value: bool  # ``low`` equals the value ("at least 300": low 300)
    high_is_value: bool  # ``high`` equals the value ("nearly 300", "up to 300": high 300)
    needs_bounds: bool  # both bounds are set from the text ("between 600 and 700")
    inferred: bool  # the bounds come from a convention (a vague magnitude, unit strengths)
    worded: bool  # words around the figure set it (components/counts/approximators.jsonl)
    sign: str  # shown before the figure in tables: "~" about, "≤" at most, "≥" at least
    widened: bool  # comparisons widen it by their tolerance (an approximate figure)


# The one table of qualifier meanings: the component's bounds, the corpus validator, the
# approximator table's check and the views read it. Its order is the contract's.
QUALIFIER = {
    "exact": Qualifier(True, True, True, False, False, False, "", False),
    "approx": Qualifier(True, False, False, False, False, True, "~", True),
    "below": Qualifier(True, False, True, False, False, True, "≤", False),
    "min": Qualifier(True, True, False, False, False, True, "≥", False),
    "max": Qualifier(True, False, True, False, False, True, "≤", False),
    "range": Qualifier(False, False, False, True, False, True, "", False),
    "vague": Qualifier(False, False, False, False, True, False, "", False),
    "units": Qualifier(False, False, False, False, True, False, "", False),
}

# ---------------------------------------------------------------------------- label sets, in order

QUALIFIERS = tuple(QUALIFIER)
KINDS = ("troops", "killed", "wounded", "casualties", "captured", "missing", "displaced", "equipment")
ECHELONS = ("squad", "section", "platoon", "company", "battalion", "regiment", "brigade", "division", "corps")
SOURCE_TYPES = ("person", "official", "government", "military", "media", "organization", "unknown")
ATTRIBUTION_CUE_TYPES = ("speech", "belief", "evidence")  # an attribution's cue_type: said / believes / a study shows
# From least to most hedged: a claim is never graded more certain than its sentence.
CERTAINTY_LEVELS = ("certain", "probable", "possible", "unverified")
CUE_TYPES = ("epistemic", "expectation", "estimate", "evidential", "unclear", "denial", "unverifiable", "condition", "model")
# The cue type of a hedge that the trained layer alone found (no lexicon cue): its record spans the
# sentence and carries the model's ``score``. Lexicons and gold use the other types.
MODEL_CUE = "model"
# Keys of doc.cats written by conflict_hedging: the share of hedged sentences and of each level.
DOC_CATS = ("hedged",) + CERTAINTY_LEVELS

COUNT_FIELDS = ("value", "low", "high", "estimate", "qualifier", "kind", "unit", "actor", "echelon", "inferred")
ATTRIBUTION_SPAN_FIELDS = ("cue", "source", "content", "medium", "time")

# ---------------------------------------------------------------------------- span keys

# Each component writes its span group under its configurable ``spans_key``; these are the defaults
# (the factory names), and readers find the key a component actually used with :func:`spans_key`.
COUNTS_KEY = "conflict_counts"
ATTRIBUTION_KEY = "conflict_attribution"
HEDGING_KEY = "conflict_hedging"
DEFAULT_SPANS_KEYS = {"counts": COUNTS_KEY, "attribution": ATTRIBUTION_KEY, "hedging": HEDGING_KEY}
# doc.user_data key under which a component records a spans_key other than its default.
_KEY_RECORD = "conflictnlp.spans_key"


def record_spans_key(doc: Any, layer: str, key: str) -> None:
    """Note on ``doc`` that ``layer`` ("counts", "attribution", "hedging") wrote its spans under ``key``.

    Nothing is written for the default key, so a default pipeline leaves ``doc.user_data`` as it was.
    """
    if key == DEFAULT_SPANS_KEYS[layer]:
        doc.user_data.pop((_KEY_RECORD, layer), None)
    else:
        doc.user_data[(_KEY_RECORD, layer)] = key


def spans_key(doc: Any, layer: str) -> str:
    """The span-group key under which ``layer`` wrote its spans on ``doc`` (its default if none was noted)."""
    key = doc.user_data.get((_KEY_RECORD, layer)) if doc.user_data else None
    return key if isinstance(key, str) else DEFAULT_SPANS_KEYS[layer]


# ---------------------------------------------------------------------------- certainty of a hedge cue

# The certainty a cue of each type signals when the cue carries no level of its own (the contract
# promises only "type"). Mirrors the levels of components/hedging/cues.jsonl.
CUE_TYPE_CERTAINTY = {
    "epistemic": "possible",
    "unclear": "possible",
    "condition": "possible",
    "expectation": "probable",
    "estimate": "probable",
    "evidential": "unverified",
    "denial": "unverified",
    "unverifiable": "unverified",
}
# Words that make an epistemic cue "probable" rather than "possible" (contract: likely, believed).
PROBABLE_EPISTEMIC = frozenset(
    {
        "likely", "unlikely", "probably", "probable", "apparently", "believed", "presumably",
        "appear", "appears", "appeared", "seem", "seems", "seemed", "suspected", "suspect",
        # beliefs and assessments (realnews convention: "believe", "would assess" are epistemic, probable)
        "believe", "believes", "believing", "thought", "think", "assess", "assesses", "assessed", "assessment",
        "presumed", "understood", "judge", "consider",
    }
)
CERTAINTY_RANK = {level: rank for rank, level in enumerate(CERTAINTY_LEVELS)}


def cue_certainty(cue: Mapping[str, Any], default: Optional[str] = "possible") -> Optional[str]:
    """The certainty one hedge cue signals on its own: its ``level`` (or ``certainty``) field if it
    has one, else from its type (an epistemic cue with a word of :data:`PROBABLE_EPISTEMIC` is
    probable); ``default`` for a cue of unknown type."""
    for field in ("level", "certainty"):
        if cue.get(field) in CERTAINTY_RANK:
            return cue[field]
    kind = cue.get("type")
    if kind == "epistemic" and any(word in PROBABLE_EPISTEMIC for word in str(cue.get("text", "")).lower().split()):
        return "probable"
    return CUE_TYPE_CERTAINTY.get(kind, default) if isinstance(kind, str) else default


def strongest(levels: List[str]) -> str:
    """The most hedged of ``levels`` ("certain" for none)."""
    return max(levels, key=CERTAINTY_RANK.__getitem__) if levels else CERTAINTY_LEVELS[0]


# ---------------------------------------------------------------------------- record shapes

SpanDict = Dict[str, Any]  # {"start", "end", "text"}: character offsets into the document


class Count(TypedDict, total=False):
    start: int
    end: int
    text: str
    value: Optional[int]
    low: Optional[int]
    high: Optional[int]
    estimate: Optional[int]
    qualifier: str
    kind: str
    unit: Optional[str]
    actor: Optional[str]
    echelon: Optional[str]
    inferred: bool


class Attribution(TypedDict, total=False):
    id: int
    cue: SpanDict
    source: Optional[SpanDict]
    content: Optional[SpanDict]
    content_parts: List[SpanDict]
    cue_type: str  # one of ATTRIBUTION_CUE_TYPES
    source_type: str
    anonymous: bool
    state_media: bool
    medium: Optional[SpanDict]
    time: Optional[SpanDict]
    via: List[SpanDict]
    date: Union[str, Dict[str, str], None]  # "2024-11-10" or {"start", "end"}: time against meta.date


class HedgeCue(TypedDict, total=False):
    start: int
    end: int
    text: str
    type: str
    score: float  # only on a cue of type MODEL_CUE


class Sentence(TypedDict, total=False):
    start: int
    end: int
    certainty: str
    hedged: bool
    score: float
    cues: List[HedgeCue]


class Claim(TypedDict, total=False):
    count: int
    attribution: Optional[int]
    sentence: int
    certainty: str
    hypothetical: bool


Record = Union[Count, Attribution, Sentence, Claim]
