"""Moved to :mod:`conflictnlp.corpus.authoring` (kept as an alias for one release): this module *is*
that one, and ``python -m conflictnlp.authoring`` still runs its command."""

import importlib
import sys

if __name__ == "__main__":
    raise SystemExit(importlib.import_module("conflictnlp.corpus.authoring").main())
sys.modules[__name__] = importlib.import_module("conflictnlp.corpus.authoring")
