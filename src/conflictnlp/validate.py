"""Moved to :mod:`conflictnlp.corpus.validate` (kept as an alias for one release): this module *is* that one."""

import sys

from .corpus import validate as _module

sys.modules[__name__] = _module
