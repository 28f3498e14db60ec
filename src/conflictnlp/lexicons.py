"""Moved to :mod:`conflictnlp.rules` (kept as an alias for one release)."""

from .rules.files import *  # noqa: F401,F403
from .rules.files import FieldSpec, PathLike, ResourceError, bundled_jsonl, load_entries, parse_jsonl, read_jsonl  # noqa: F401
from .rules.files import resource_dir, resource_path, validate_entry  # noqa: F401
