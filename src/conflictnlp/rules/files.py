"""Loading and validating the editable resources in ``components/``.

Every resource is JSONL: one JSON object per line. Lines that are blank or start
with ``#`` are comments (each file opens with a header that says what its fields
mean). Files are parsed with :mod:`json` only, so loading never executes code, and
every problem is reported with the file, the line and the field.

This module imports only the standard library: it is used by the entry-point
modules. :mod:`conflictnlp.rules.ruleset` builds a component's named rule set on it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from .. import jsontext

PathLike = Union[str, Path]

# A field spec maps a field name to the accepted Python types. A field whose name ends
# with "?" is optional.
FieldSpec = Mapping[str, Union[type, Tuple[type, ...]]]


class ResourceError(ValueError):
    """A resource file is missing or malformed. The message names file, line and field."""


def resource_dir() -> Path:
    """The directory holding the bundled ``components/`` resources.

    In an installed wheel they live in ``conflictnlp/components``; in a source
    checkout (editable install) they are the repository's top-level ``components/``.
    """
    package = Path(__file__).resolve().parent.parent
    bundled = package / "components"
    if bundled.is_dir():
        return bundled
    source_tree = package.parent.parent / "components"
    if source_tree.is_dir():
        return source_tree
    raise ResourceError(
        f"conflictnlp resources not found: looked in {bundled} and {source_tree}. "
        "Reinstall the package (pip install conflictnlp)."
    )


def resource_path(component: str, name: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("counts", "approximators.jsonl")``."""
    return resource_dir() / component / name


def _type_names(types: Union[type, Tuple[type, ...]]) -> str:
    if not isinstance(types, tuple):
        types = (types,)
    return " or ".join("null" if t is type(None) else t.__name__ for t in types)


def _check_type(value: Any, types: Union[type, Tuple[type, ...]]) -> bool:
    if not isinstance(types, tuple):
        types = (types,)
    # bool is an int subclass; a field declared int must not accept true/false.
    if isinstance(value, bool) and bool not in types:
        return False
    if isinstance(value, int) and not isinstance(value, bool) and float in types:
        return True
    return isinstance(value, types)


def validate_entry(entry: Any, fields: Optional[FieldSpec], where: str) -> Dict[str, Any]:
    """Check one parsed entry against ``fields``; raise :class:`ResourceError` naming ``where``."""
    if not isinstance(entry, dict):
        raise ResourceError(f"{where}: expected a JSON object, got {type(entry).__name__}")
    if fields is None:
        return entry
    known = set()
    for raw_name, types in fields.items():
        optional = raw_name.endswith("?")
        name = raw_name.rstrip("?")
        known.add(name)
        if name not in entry:
            if optional:
                continue
            raise ResourceError(f"{where}: missing field '{name}'")
        if not _check_type(entry[name], types):
            raise ResourceError(
                f"{where}: field '{name}' must be {_type_names(types)}, "
                f"got {json.dumps(entry[name])[:60]}"
            )
    unknown = sorted(set(entry) - known)
    if unknown:
        raise ResourceError(f"{where}: unknown field '{unknown[0]}' (known: {', '.join(sorted(known))})")
    return entry


def parse_jsonl(lines: Iterable[str], source: str, fields: Optional[FieldSpec] = None) -> List[Dict[str, Any]]:
    """Parse JSONL ``lines``; ``source`` names the input in error messages."""
    entries: List[Dict[str, Any]] = []
    for lineno, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        where = f"{source}, line {lineno}"
        try:
            entry = jsontext.loads(stripped)
        except json.JSONDecodeError as err:
            raise ResourceError(f"{where}: invalid JSON ({err.msg} at column {err.colno})") from None
        entries.append(validate_entry(entry, fields, where))
    return entries


def read_jsonl(path: PathLike, fields: Optional[FieldSpec] = None) -> List[Dict[str, Any]]:
    """Read and validate a JSONL resource file (user-supplied or bundled)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf8")
    except FileNotFoundError:
        raise ResourceError(f"{path}: file not found") from None
    except UnicodeDecodeError as err:
        raise ResourceError(f"{path}: not UTF-8 text (byte {err.start})") from None
    except OSError as err:
        raise ResourceError(f"{path}: cannot read ({err.strerror})") from None
    return parse_jsonl(text.splitlines(), str(path), fields)


@lru_cache(maxsize=None)
def _bundled(component: str, name: str) -> Tuple[Dict[str, Any], ...]:
    return tuple(read_jsonl(resource_path(component, name)))


def bundled_jsonl(component: str, name: str, fields: Optional[FieldSpec] = None) -> List[Dict[str, Any]]:
    """A bundled resource, read once per process and validated against ``fields``.

    Returns fresh dict copies so callers may modify them.
    """
    entries = _bundled(component, name)
    if fields is not None:
        path = resource_path(component, name)
        for i, entry in enumerate(entries):
            validate_entry(entry, fields, f"{path}, entry {i + 1}")
    return [dict(e) for e in entries]


def load_entries(
    value: Union[None, PathLike, Sequence[Mapping[str, Any]]],
    component: str,
    default_name: str,
    fields: Optional[FieldSpec] = None,
) -> List[Dict[str, Any]]:
    """Resolve a component config value to a list of entries.

    ``None`` means the bundled default; a string or path names a user JSONL file;
    a list of dicts is used as given (each validated).
    """
    if value is None:
        return bundled_jsonl(component, default_name, fields)
    if isinstance(value, (str, Path)):
        return read_jsonl(value, fields)
    if isinstance(value, (list, tuple)):
        return [dict(validate_entry(e, fields, f"{component} entry {i + 1}")) for i, e in enumerate(value)]
    raise ResourceError(
        f"{component}: expected a path to a JSONL file or a list of entries, got {type(value).__name__}"
    )


def entry_line(path: PathLike, entry: Mapping[str, Any]) -> Optional[int]:
    """The line of a JSONL file that holds ``entry`` (for error messages), or None."""
    try:
        lines = Path(path).read_text(encoding="utf8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for lineno, line in enumerate(lines, start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            try:
                if jsontext.loads(line) == entry:
                    return lineno
            except json.JSONDecodeError:
                continue
    return None


def write_jsonl(path: PathLike, entries: Iterable[Mapping[str, Any]], header: str) -> None:
    """Write ``entries`` as a JSONL resource file that opens with the comment ``header``."""
    lines = [f"# {header}"] + [json.dumps(entry, ensure_ascii=False) for entry in entries]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf8")
