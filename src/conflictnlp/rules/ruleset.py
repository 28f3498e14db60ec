"""A component's named rule set: its tables, loaded, checked, saved and restored in one place.

Every component that reads rule files (``conflict_sentences``, ``conflict_counts``,
``conflict_attribution``, ``conflict_hedging``) declares its tables as :class:`RuleTable` rows and
keeps them in a :class:`RuleSet`. The set

- loads each table from its config value: ``None`` (the bundled file in ``components/``), the
  path of a user JSONL file, or a list of entries; every field is checked, and errors name the
  file and the line;
- runs the component's cross-field checks (``check``), whose errors name the file and line of the
  offending entry through :meth:`RuleSet.fail`;
- saves every table with the pipeline (``to_disk``/``to_bytes``) and restores it
  (``from_disk``/``from_bytes``), so a saved pipeline never needs the user's files again;
- lets the config win at load time: with the tables it saves the config value each table was
  built from, and a table whose config names another file or other entries when the pipeline is
  loaded (``spacy.load(path, config={...})``) keeps the config's table instead of the saved one
  (with a warning when that drops edits saved with the pipeline). A null config value (the
  default) takes the saved table, so that ``add_pipe(name).from_disk(path)`` restores it;
- replaces tables at ``initialize`` (``[initialize.components.<name>]``, spaCy's place for
  resource paths; :meth:`EditableRules.initialize_tables`), saved with the pipeline like edits;
- defers the error of a user file that is missing at construction: ``spacy.load`` builds a
  component from its config (where the path may name a file of another machine) before
  ``from_disk`` restores the saved tables. The bundled table stands in until then, and
  :meth:`RuleSet.raise_pending` raises the error on the first Doc if no saved copy replaced it.

Standard library only.
"""

from __future__ import annotations

import json
import typing
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, NamedTuple, Optional, Sequence, Set, Union

from .. import jsontext
from .files import FieldSpec, PathLike, ResourceError, entry_line, load_entries, read_jsonl, validate_entry, write_jsonl

# A table's config value: None (the bundled file), a path to a JSONL file, or the entries.
RuleSource = Union[None, PathLike, Sequence[Mapping[str, Any]]]
Entries = Dict[str, List[Dict[str, Any]]]
# A table in a component's ``initialize`` arguments (spaCy validates them against this type):
# a path, the entries, or None (keep the table).
TableSetting = Optional[Union[str, List[Dict[str, Any]]]]
# Beside the tables: the config value each table was built from and the tables edited since
# (a file in the component's folder; a key of the bytes).
SOURCES_FILE = "rule_sources.json"
SOURCES_KEY = "_rule_sources"


class RuleTable(NamedTuple):
    """One table of a rule set: its config key, its bundled file and the fields of an entry."""

    name: str
    file: str
    fields: FieldSpec


class RuleSet:
    """The rule tables of one component. See the module docstring."""

    def __init__(
        self,
        component: str,
        owner: str,
        tables: Sequence[RuleTable],
        check: Optional[Callable[["RuleSet", Entries], None]] = None,
    ) -> None:
        self.component = component  # the folder in components/ ("counts")
        self.owner = owner  # the component's name in messages and file headers ("conflict_counts")
        self.tables: Dict[str, RuleTable] = {table.name: table for table in tables}
        self.check = check
        self.entries: Entries = {}
        self.sources: Dict[str, RuleSource] = {}
        self.config_sources: Dict[str, RuleSource] = {}  # as the component's config gave them
        self.edited: Set[str] = set()  # tables changed since: add, remove, initialize
        self.missing: Dict[str, ResourceError] = {}

    def __getitem__(self, name: str) -> List[Dict[str, Any]]:
        return self.entries[name]

    # ------------------------------------------------------------------ loading

    def load(self, sources: Mapping[str, RuleSource]) -> "RuleSet":
        """Load every table from ``sources`` (a missing key means the bundled file)."""
        unknown = sorted(set(sources) - set(self.tables))
        if unknown:
            raise ResourceError(f"{self.owner}: unknown rule table {unknown[0]!r} (known: {', '.join(self.tables)})")
        self.sources = dict(sources)
        self.config_sources = dict(sources)
        entries: Entries = {}
        missing: Dict[str, ResourceError] = {}
        for name, table in self.tables.items():
            value = self.sources.get(name)
            try:
                entries[name] = load_entries(value, self.component, table.file, table.fields)
            except ResourceError as err:
                if not (isinstance(value, (str, Path)) and not Path(value).exists()):
                    raise
                missing[name] = err
                entries[name] = load_entries(None, self.component, table.file, table.fields)
        self._set(entries)
        self.missing = missing
        return self

    def add(self, name: str, entries: Sequence[Mapping[str, Any]]) -> None:
        """Append ``entries`` to table ``name`` (each checked like a file's entries)."""
        table = self._table(name)
        added = [dict(validate_entry(dict(e), table.fields, f"{self.owner} {name} entry {i}")) for i, e in enumerate(entries, 1)]
        self._set({name: self.entries[name] + added})
        self.edited.add(name)

    def remove(self, name: str, **match: Any) -> int:
        """Remove the entries of table ``name`` whose fields equal ``match``; how many went."""
        self._table(name)
        if not match:
            raise ResourceError(f"{self.owner}: say which {name} entries to remove (field=value)")
        keep = [e for e in self.entries[name] if not all(e.get(k) == v for k, v in match.items())]
        removed = len(self.entries[name]) - len(keep)
        self._set({name: keep})
        self.edited.add(name)
        return removed

    def replace(self, sources: Mapping[str, RuleSource]) -> None:
        """Load the tables of ``sources`` anew (a path, a list of entries, or None for the bundled
        file), e.g. from ``[initialize]``; a missing file is an error at once."""
        for name in sources:
            self._table(name)
        loaded = {name: load_entries(value, self.component, self.tables[name].file, self.tables[name].fields)
                  for name, value in sources.items()}
        before = dict(self.sources)
        self.sources.update(sources)
        try:
            self._set(loaded)
        except ResourceError:
            self.sources = before
            raise
        for name in sources:
            self.missing.pop(name, None)
            self.edited.add(name)

    def _table(self, name: str) -> RuleTable:
        if name not in self.tables:
            raise ResourceError(f"{self.owner}: unknown rule table {name!r} (known: {', '.join(self.tables)})")
        return self.tables[name]

    def raise_pending(self) -> None:
        """Raise the error of a user file that was missing and has not been restored since."""
        if self.missing:
            raise next(iter(self.missing.values()))

    def fail(self, name: str, entry: Mapping[str, Any], message: str) -> None:
        """Raise a :class:`ResourceError` about ``entry`` of table ``name``, naming its file and line."""
        shown = json.dumps(entry, ensure_ascii=False)[:80]
        source = self.sources.get(name)
        if isinstance(source, (str, Path)):
            lineno = entry_line(source, entry)
            where = f"{source}, line {lineno}" if lineno else str(source)
            raise ResourceError(f"{where}: {self.component} {name} table, entry {shown}: {message}")
        raise ResourceError(f"{self.component} {name} table, entry {shown}: {message}")

    def _set(self, entries: Entries) -> None:
        merged = dict(self.entries)
        merged.update(entries)
        if self.check is not None:
            self.check(self, merged)
        self.entries = merged

    # ------------------------------------------------------------------ saving and restoring

    def to_disk(self, path: PathLike) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, table in self.tables.items():
            write_jsonl(path / table.file, self.entries[name], f"{self.owner} {name} table, saved with the pipeline")
        (path / SOURCES_FILE).write_text(json.dumps(self._saved_sources(), ensure_ascii=False, indent=1), encoding="utf8")

    def from_disk(self, path: PathLike) -> "RuleSet":
        """Restore the tables saved under ``path`` (a table without a file keeps its entries)."""
        path = Path(path)
        restored = {
            name: read_jsonl(path / table.file, table.fields)
            for name, table in self.tables.items()
            if (path / table.file).exists()
        }
        state = None
        if (path / SOURCES_FILE).exists():
            state = json.loads((path / SOURCES_FILE).read_text(encoding="utf8"))
        self._restore(self._unless_overridden(restored, state))
        return self

    def to_bytes(self) -> bytes:
        return json.dumps({**self.entries, SOURCES_KEY: self._saved_sources()}, ensure_ascii=False).encode("utf8")

    def from_bytes(self, data: bytes) -> "RuleSet":
        saved = jsontext.loads(data.decode("utf8"))
        if not isinstance(saved, dict):
            raise ResourceError(f"{self.owner}: saved rules must be a JSON object of tables")
        state = saved.pop(SOURCES_KEY, None)
        restored = {}
        for name, entries in saved.items():
            if name not in self.tables:
                raise ResourceError(f"{self.owner}: unknown rule table {name!r} in saved rules")
            restored[name] = load_entries(entries, self.component, self.tables[name].file, self.tables[name].fields)
        self._restore(self._unless_overridden(restored, state))
        return self

    def _saved_sources(self) -> Dict[str, Any]:
        """What is saved beside the tables: each table's config value and the tables edited since."""
        return {"config": {name: _plain_source(value) for name, value in self.config_sources.items()},
                "edited": sorted(self.edited)}

    def _unless_overridden(self, restored: Entries, state: Optional[Mapping[str, Any]]) -> Entries:
        """The saved tables of ``restored``, except where this component's config names a file or
        entries other than the ones the table was saved with: there the config's table stays (the
        config wins), with a warning where that drops edits saved with the pipeline. A null config
        value, or tables saved by an earlier version (no ``state``), take the saved table."""
        if not isinstance(state, Mapping):
            return restored
        saved_config, saved_edited = state.get("config") or {}, set(state.get("edited") or [])
        kept: Entries = {}
        for name, entries in restored.items():
            source = self.config_sources.get(name)
            if source is None or _plain_source(source) == saved_config.get(name):
                kept[name] = entries
                if name in saved_edited:
                    self.edited.add(name)
            elif name in saved_edited:
                warnings.warn(
                    f"{self.owner}: the config's {name} table ({_describe(source)}) replaces the one saved with "
                    f"the pipeline, and the edits saved with it (add_entries, remove_entries, initialize) are not used",
                    stacklevel=3,
                )
        return kept

    def _restore(self, restored: Entries) -> None:
        self.sources = {name: value for name, value in self.sources.items() if name not in restored}
        self._set(restored)
        for name in restored:
            self.missing.pop(name, None)


def initialize_method(func: Callable) -> Callable:
    """Decorates a component's ``initialize``: its annotations evaluated (a module with ``from
    __future__ import annotations`` keeps them as strings), so that spaCy can check the settings of
    ``[initialize.components.<name>]`` against them."""
    func.__annotations__ = typing.get_type_hints(func)
    return func


def _plain_source(value: RuleSource) -> Any:
    """A table's config value as JSON data (a path as its string), to compare and to save."""
    if value is None or isinstance(value, (str, Path)):
        return None if value is None else str(value)
    return json.loads(json.dumps([dict(entry) for entry in value], ensure_ascii=False))


def _describe(value: RuleSource) -> str:
    """A table's (non-null) config value in a message: its path, or how many entries."""
    return str(value) if isinstance(value, (str, Path)) else f"{len(value)} entries"


class EditableRules:
    """The spaCy layer of a component whose state is its rule tables, kept in ``self.rules`` (a
    :class:`RuleSet`), with lookups rebuilt by ``self._compile_rules()``: ``add_entries`` and
    ``remove_entries`` (checked like a file's entries, used at once) and ``to_disk``/``from_disk``/
    ``to_bytes``/``from_bytes`` (the tables are saved with the pipeline, so a saved pipeline never
    needs the user's files). A component with more state (weights, settings) defines its own."""

    rules: RuleSet

    def _compile_rules(self) -> None:  # pragma: no cover - every component defines it
        raise NotImplementedError

    def add_entries(self, table: str, entries: Sequence[Mapping[str, Any]]) -> None:
        """Add rules to one table, e.g. ``add_entries("cues", [{"phrase": "purportedly", ...}])``."""
        self.rules.add(table, entries)
        self._compile_rules()

    def remove_entries(self, table: str, **match: Any) -> int:
        """Remove the rules of one table whose fields equal ``match``, e.g.
        ``remove_entries("approximators", text="some")``; returns how many were removed."""
        removed = self.rules.remove(table, **match)
        self._compile_rules()
        return removed

    def initialize_tables(self, **tables: TableSetting) -> None:
        """Load the rule tables that a component's ``initialize`` was given (from
        ``[initialize.components.<name>]``, spaCy's place for resource paths, or passed to it):
        each a path of a JSONL file or a list of entries; null keeps the table as it is. Used at
        once and saved with the pipeline."""
        given = {name: value for name, value in tables.items() if value is not None}
        if given:
            self.rules.replace(given)
            self._compile_rules()

    def to_disk(self, path: PathLike, *, exclude: Sequence[str] = tuple()) -> None:
        self.rules.to_disk(path)

    def from_disk(self, path: PathLike, *, exclude: Sequence[str] = tuple()) -> Any:
        self.rules.from_disk(path)
        self._compile_rules()
        return self

    def to_bytes(self, *, exclude: Sequence[str] = tuple()) -> bytes:
        return self.rules.to_bytes()

    def from_bytes(self, bytes_data: bytes, *, exclude: Sequence[str] = tuple()) -> Any:
        if bytes_data:  # a component of an earlier version may have saved nothing (b"")
            self.rules.from_bytes(bytes_data)
            self._compile_rules()
        return self
