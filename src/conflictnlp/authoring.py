"""Moved to :mod:`conflictnlp.corpus.authoring` (kept as an alias for one release): this module *is*
that one, and ``python -m conflictnlp.authoring`` still runs its command."""

import sys

from .corpus import authoring as _module

if __name__ == "__main__":
    raise SystemExit(_module.main())
sys.modules[__name__] = _module
