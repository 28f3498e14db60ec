"""Moved to :mod:`conflictnlp.hedging.cues` (kept as an alias for one release)."""

from .hedging.cues import *  # noqa: F401,F403
from .hedging.cues import CUE_FIELDS, PSEUDO_FIELDS, RULE_TABLES, CueRule, pattern_phrases  # noqa: F401
