"""Moved to :mod:`conflictnlp.counts.numbers`; this name is kept as an alias of that module."""

import sys

from .counts import numbers

sys.modules[__name__] = numbers
