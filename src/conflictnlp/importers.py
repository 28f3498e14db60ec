"""Moved to :mod:`conflictnlp.corpus.importers` (kept as an alias for one release): this module *is* that one."""

import importlib
import sys

sys.modules[__name__] = importlib.import_module("conflictnlp.corpus.importers")
