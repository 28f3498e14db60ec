"""JSON text from users, parsed with a nesting limit.

``json.loads`` of a line nested about 1,000 levels deep raises ``RecursionError``, which the
readers' ``except json.JSONDecodeError`` clauses let through as a traceback; a line a little
less deep parses, then makes a recursive walk of it (validation, offset shifting) overflow.
:func:`loads` raises ``json.JSONDecodeError`` for both, at the position where the nesting
passes :data:`MAX_DEPTH`, so every reader reports it in its one line with file and line.
Standard library only.
"""

from __future__ import annotations

import json
import re
from typing import Any, Optional

# Far deeper than any record, task or rule of ours (they nest 4 or 5 levels).
MAX_DEPTH = 100

_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def too_deep_at(text: str, limit: int = MAX_DEPTH) -> Optional[int]:
    """The index in ``text`` where JSON nesting first passes ``limit`` levels, or None."""
    if text.count("[") + text.count("{") <= limit:  # cheap: most lines cannot nest that deep
        return None
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        elif token in "]}":
            depth -= 1
    return None


def loads(text: str, limit: int = MAX_DEPTH) -> Any:
    """``json.loads(text)``, or ``json.JSONDecodeError`` ("nested deeper than N levels") where the
    nesting passes ``limit`` (instead of a ``RecursionError`` or a value too deep to walk)."""
    at = too_deep_at(text, limit)
    if at is None:
        try:
            return json.loads(text)
        except RecursionError:
            at = 0
    raise json.JSONDecodeError(f"nested deeper than {limit} levels", text, at)
