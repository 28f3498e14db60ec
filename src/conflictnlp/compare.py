"""Moved to :mod:`conflictnlp.views.compare` (kept as an alias for one release): this module *is* that one."""

import sys

from .views import compare as _module

sys.modules[__name__] = _module
