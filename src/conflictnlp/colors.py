"""Moved to :mod:`conflictnlp.views.colors` (kept as an alias for one release): this module *is* that one."""

import sys

from .views import colors as _module

sys.modules[__name__] = _module
