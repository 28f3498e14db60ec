"""Moved to :mod:`conflictnlp.corpus.evaluate` (kept as an alias for one release): this module *is* that one."""

import sys

from .corpus import evaluate as _module

sys.modules[__name__] = _module
