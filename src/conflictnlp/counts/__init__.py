"""``conflict_counts``: find and normalize troop, casualty and equipment counts.

Writes ``doc.spans[spans_key]`` (default ``"conflict_counts"``; sorted by position, label = kind)
and, on each span, ``span._.conflict_count``: a plain dict with the contract's Count fields except the
offsets (``value, low, high, estimate, qualifier, kind, unit, actor, echelon, inferred``).

The package, in the order a count is read:

- :mod:`.factory` (config -> component) and :mod:`.component` (the spaCy shell);
- :mod:`.tables`: the rules in ``components/counts/*.jsonl``, checked and compiled for lookup;
- :mod:`.reader`: one count as named steps, from a token the pre-filter picks
  (:func:`.quantity.candidates`): :mod:`.quantity` (the figure, approximators, a range) ->
  :mod:`.noun` (the counted noun) -> :mod:`.kind` (noun, cues, the count it details, a link) ->
  :mod:`.bounds` (value/low/high/estimate, pure arithmetic) -> :mod:`.actor` (whose);
- :mod:`.numbers`: pure number parsing; :mod:`.scorer`: the registered scorer.
"""

from ..schema import ECHELONS, KINDS, QUALIFIERS
from .bounds import (
    DEFAULT_POLICY, ESTIMATE_CHOICES, RANGE_CHOICES, check_policy, count_bounds, stated_bounds, unit_bounds,
    vague_bounds,
)
from .component import SPANS_KEY, CountFinder
from .factory import make_conflict_counts
from .numbers import SCALES, TENS, UNITS, ParsedNumber, parse_number_tokens
from .scorer import make_counts_scorer, score_counts
from .tables import TABLES, load_tables

__all__ = [
    "SPANS_KEY", "QUALIFIERS", "KINDS", "ECHELONS", "ESTIMATE_CHOICES", "RANGE_CHOICES", "TABLES", "DEFAULT_POLICY",
    "CountFinder", "make_conflict_counts", "make_counts_scorer", "score_counts", "check_policy", "count_bounds",
    "stated_bounds", "unit_bounds", "vague_bounds", "load_tables", "SCALES", "TENS", "UNITS", "ParsedNumber",
    "parse_number_tokens",
]
