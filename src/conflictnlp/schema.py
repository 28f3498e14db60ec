"""The label sets of the public contract (schema ``conflictnlp/1``), in one place.

Components, the corpus validator and the evaluator all check labels against these.
Standard library only.
"""

from __future__ import annotations

QUALIFIERS = ("exact", "approx", "below", "min", "max", "range", "vague", "units")
KINDS = ("troops", "killed", "wounded", "casualties", "captured", "missing", "displaced", "equipment")
ECHELONS = ("squad", "platoon", "company", "battalion", "regiment", "brigade", "division", "corps")
SOURCE_TYPES = ("person", "official", "government", "military", "media", "organization", "unknown")
CERTAINTY_LEVELS = ("certain", "probable", "possible", "unverified")
CUE_TYPES = ("epistemic", "expectation", "estimate", "evidential", "unclear", "denial", "unverifiable", "condition")
# Keys of doc.cats written by conflict_hedging: the share of hedged sentences and of each level.
DOC_CATS = ("hedged",) + CERTAINTY_LEVELS

COUNT_FIELDS = ("value", "low", "high", "estimate", "qualifier", "kind", "unit", "actor", "echelon", "inferred")
ATTRIBUTION_SPAN_FIELDS = ("cue", "source", "content", "medium", "time")
