"""Moved to :mod:`conflictnlp.views.render` (kept as an alias for one release): this module *is* that one."""

import sys

from .views import render as _module

sys.modules[__name__] = _module
