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
- defers the error of a user file that is missing at construction: ``spacy.load`` builds a
  component from its config (where the path may name a file of another machine) before
  ``from_disk`` restores the saved tables. The bundled table stands in until then, and
  :meth:`RuleSet.raise_pending` raises the error on the first Doc if no saved copy replaced it.

Standard library only.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, NamedTuple, Optional, Sequence, Union

from .. import jsontext
from .files import FieldSpec, PathLike, ResourceError, entry_line, load_entries, read_jsonl, validate_entry, write_jsonl

# A table's config value: None (the bundled file), a path to a JSONL file, or the entries.
RuleSource = Union[None, PathLike, Sequence[Mapping[str, Any]]]
Entries = Dict[str, List[Dict[str, Any]]]


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

    def remove(self, name: str, **match: Any) -> int:
        """Remove the entries of table ``name`` whose fields equal ``match``; how many went."""
        self._table(name)
        if not match:
            raise ResourceError(f"{self.owner}: say which {name} entries to remove (field=value)")
        keep = [e for e in self.entries[name] if not all(e.get(k) == v for k, v in match.items())]
        removed = len(self.entries[name]) - len(keep)
        self._set({name: keep})
        return removed

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

    def from_disk(self, path: PathLike) -> "RuleSet":
        """Restore the tables saved under ``path`` (a table without a file keeps its entries)."""
        path = Path(path)
        restored = {
            name: read_jsonl(path / table.file, table.fields)
            for name, table in self.tables.items()
            if (path / table.file).exists()
        }
        self._restore(restored)
        return self

    def to_bytes(self) -> bytes:
        return json.dumps(self.entries, ensure_ascii=False).encode("utf8")

    def from_bytes(self, data: bytes) -> "RuleSet":
        saved = jsontext.loads(data.decode("utf8"))
        if not isinstance(saved, dict):
            raise ResourceError(f"{self.owner}: saved rules must be a JSON object of tables")
        restored = {}
        for name, entries in saved.items():
            if name not in self.tables:
                raise ResourceError(f"{self.owner}: unknown rule table {name!r} in saved rules")
            restored[name] = load_entries(entries, self.component, self.tables[name].file, self.tables[name].fields)
        self._restore(restored)
        return self

    def _restore(self, restored: Entries) -> None:
        self.sources = {name: value for name, value in self.sources.items() if name not in restored}
        self._set(restored)
        for name in restored:
            self.missing.pop(name, None)


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
