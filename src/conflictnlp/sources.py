"""Moved to :mod:`conflictnlp.attribution.sources` (kept as an alias: the same module object)."""

import sys

from .attribution import sources as _sources

sys.modules[__name__] = _sources
