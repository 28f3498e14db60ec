"""One rule-file layer for every component.

- :mod:`.files`: JSONL parsing and field checks that name the file and the line, the bundled
  resources in ``components/``;
- :mod:`.ruleset`: a component's named rule set, which loads, validates, saves and restores itself.

Standard library only: the entry-point modules import it.
"""

from .files import (
    FieldSpec,
    PathLike,
    ResourceError,
    bundled_jsonl,
    entry_line,
    load_entries,
    parse_jsonl,
    read_jsonl,
    resource_dir,
    resource_path,
    validate_entry,
    write_jsonl,
)
from .ruleset import EditableRules, RuleSet, RuleSource, RuleTable, TableSetting, initialize_method

__all__ = [
    "EditableRules", "FieldSpec", "PathLike", "ResourceError", "RuleSet", "RuleSource", "RuleTable", "TableSetting", "bundled_jsonl",
    "entry_line", "initialize_method", "load_entries", "parse_jsonl", "read_jsonl", "resource_dir", "resource_path",
    "validate_entry", "write_jsonl",
]
