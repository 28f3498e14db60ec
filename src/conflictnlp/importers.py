"""Moved to :mod:`conflictnlp.corpus.importers` (kept as an alias for one release): this module *is* that one."""

import sys

from .corpus import importers as _module

sys.modules[__name__] = _module
