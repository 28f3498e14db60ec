"""The ledger file: Parquet tables (``conflictnlp extract ... --format parquet --out DIR``) loaded into
one embedded DuckDB database, and opened again for queries.

:func:`build` reads the part files of each table with DuckDB's ``read_parquet`` (a folder of part
files or a single file per table), into a new file beside the ledger that then replaces it, so a
rebuild is idempotent and an interrupted one leaves the old ledger whole. The tables keep the
columns of ``docs/export.md#parquet-tables`` and add a few that every query needs, computed once
at build time by the same Python functions the other views use (``docs/archives.md`` lists them).

duckdb is an optional extra (``pip install conflictnlp[archives]``), imported only here.
"""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from ..archive import SCHEMAS, TABLES
from ..export import source_text
from ..runner import one_line
from ..views.compare import _document_name, describe_figure

ARCHIVES_EXTRA = "pip install conflictnlp[archives]"
LEDGER_FORMAT = "conflictnlp-ledger/1"
_SQL_TYPES = {"string": "VARCHAR", "int64": "BIGINT", "bool": "BOOLEAN", "float64": "DOUBLE"}

# The columns the ledger adds to the tables of the archive (name, SQL type, SQL expression over the
# loaded row; cnlp_* are the Python functions of _FUNCTIONS, registered while the ledger is built).
ADDED = {
    "documents": (
        ("ord", "BIGINT", "row_number() OVER (ORDER BY _dir, filename, file_row_number) - 1"),
        ("name", "VARCHAR", "cnlp_name(meta, row_number() OVER (ORDER BY _dir, filename, file_row_number) - 1)"),
        ("day", "DATE", "try_cast(left(date, 10) AS DATE)"),
        ("dir", "VARCHAR", "_dir_path"),
    ),
    "counts": (("figure", "VARCHAR", "cnlp_figure(value, low, high, estimate, qualifier, inferred)"),),
    "attributions": (
        ("source", "VARCHAR", "cnlp_source(source_text, resolved)"),
        ("via_text", "VARCHAR", "cnlp_via(via)"),
        ("medium", "VARCHAR", "cnlp_line(medium_text)"),
        ("cue", "VARCHAR", "cnlp_line(cue_text)"),
    ),
    "sentences": (("sentence_text", "VARCHAR", "cnlp_line(text)"),),
    "claims": (),
}

FIGURES_VIEW = """
CREATE VIEW figures AS
SELECT d.doc_id, d.name AS document, d.ord, d.date, d.day, d.outlet, d.url,
       c.claim, c.count, c.attribution, c.sentence,
       k.figure, k.text, k.value, k.low, k.high, k.estimate, k.qualifier, k.kind, k.unit, k.actor, k.echelon,
       coalesce(k.inferred, false) AS inferred,
       a.cue, a.source, a.source_type, a.anonymous, a.state_media, a.medium, a.via_text AS via, a.via AS via_json,
       a.date_start AS said_start, a.date_end AS said_end,
       c.certainty, coalesce(c.hypothetical, false) AS hypothetical, s.sentence_text
FROM claims c
JOIN documents d ON d.doc_id = c.doc_id
JOIN counts k ON k.doc_id = c.doc_id AND k.count = c.count
LEFT JOIN attributions a ON a.doc_id = c.doc_id AND a.attribution = c.attribution
LEFT JOIN sentences s ON s.doc_id = c.doc_id AND s.sentence = c.sentence
"""

OUTLETS_VIEW = """
CREATE VIEW outlets AS
SELECT outlet, count(*) AS documents, min(day) AS first_day, max(day) AS last_day, CAST(sum(n_claims) AS BIGINT) AS claims
FROM documents WHERE outlet IS NOT NULL GROUP BY outlet
"""


class LedgerError(Exception):
    """A ledger that cannot be built or read (a missing file or folder, not a ledger). One line."""


class LedgerUsageError(LedgerError):
    """A request that cannot be answered as asked (an unknown kind, a missing extra). One line."""


def require_duckdb(what: str = "the ledger") -> Any:
    """The duckdb module, or a :class:`LedgerError` naming the extra to install."""
    try:
        import duckdb
    except ImportError:
        raise LedgerUsageError(f"{what} needs duckdb: {ARCHIVES_EXTRA}") from None
    return duckdb


# ----------------------------------------------------------------------------- build

def table_source(folder: Path, table: str) -> Optional[str]:
    """What ``read_parquet`` reads for ``table`` of an extract folder: its part files, or None."""
    path = folder / f"{table}.parquet"
    if path.is_file():
        return str(path)
    if path.is_dir() and any(p.suffix == ".parquet" and not p.name.startswith(".") for p in path.iterdir()):
        return str(path / "*.parquet")
    return None


def check_dirs(dirs: Sequence[Union[str, Path]]) -> List[Path]:
    """The extract folders as paths; a :class:`LedgerError` for one that is missing or holds no tables."""
    if not dirs:
        raise LedgerError("ledger build: give at least one folder of Parquet tables (extract --format parquet --out DIR)")
    folders = []
    for given in dirs:
        folder = Path(given)
        if not folder.exists():
            raise LedgerError(f"{given}: no such folder")
        if not folder.is_dir():
            raise LedgerError(f"{given}: not a folder (give the --out DIR of `conflictnlp extract --format parquet`)")
        if table_source(folder, "documents") is None:
            raise LedgerError(f"{given}: no Parquet tables (no documents.parquet); write them with "
                              f"`conflictnlp extract ARCHIVE... --format parquet --out {given}`")
        folders.append(folder)
    return folders


def build(ledger: Union[str, Path], dirs: Sequence[Union[str, Path]]) -> Dict[str, int]:
    """Load the Parquet tables of the extract folders ``dirs`` into the DuckDB file ``ledger``
    (replacing it); return the number of rows of each table.

    The documents keep their input order (``ord``: folder by folder, part file by part file). A
    ``doc_id`` that two documents share is an error (their rows could not be told apart).
    """
    duckdb = require_duckdb("ledger build")
    folders = check_dirs(dirs)
    ledger = Path(ledger)
    if ledger.is_dir():
        raise LedgerError(f"{ledger}: is a folder; give the ledger file to write (LEDGER.duckdb)")
    if ledger.exists():  # replaced only when it is a ledger: never another file by a slip of the hand
        try:
            connect(ledger)[0].close()
        except LedgerError:
            raise LedgerError(f"{ledger}: exists and is not a ledger; give another path or remove it") from None
    building = ledger.with_name(ledger.name + ".building")
    for stale in (building, Path(str(building) + ".wal")):
        if stale.exists():
            stale.unlink()
    ledger.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(building))
    try:
        _register(con)
        sizes = {table: _load_table(con, table, folders) for table in TABLES}
        _check_unique(con)
        con.execute(FIGURES_VIEW)
        con.execute(OUTLETS_VIEW)
        _write_info(con, folders, sizes)
        con.execute("CHECKPOINT")
    except Exception as err:
        con.close()
        building.unlink(missing_ok=True)
        if isinstance(err, LedgerError):
            raise
        raise LedgerError(f"{ledger}: cannot build ({one_line(err)})") from None
    con.close()
    os.replace(building, ledger)
    return sizes


def _load_table(con: Any, table: str, folders: Sequence[Path]) -> int:
    """Create ``table`` with the archive's columns and the added ones, from every folder's part files."""
    columns = SCHEMAS[table]
    added = ADDED[table]
    con.execute(f"CREATE TEMP TABLE _raw ({', '.join(f'{_q(n)} {_SQL_TYPES[t]}' for n, t in columns)}, "
                "_dir INTEGER, _dir_path VARCHAR, filename VARCHAR, file_row_number BIGINT)")
    names = ", ".join(_q(name) for name, _ in columns)
    for index, folder in enumerate(folders):
        source = table_source(folder, table)
        if source is None:  # a folder without this table (an older run): no rows from it
            continue
        con.execute(f"INSERT INTO _raw SELECT {names}, ?, ?, filename, file_row_number "
                    "FROM read_parquet(?, filename = true, file_row_number = true, union_by_name = true)",
                    [index, str(folder), source])
    extra = "".join(f", {expr} AS {_q(name)}" for name, _, expr in added)
    con.execute(f"CREATE TABLE {table} AS SELECT {names}{extra} FROM _raw "
                "ORDER BY _dir, filename, file_row_number")
    con.execute("DROP TABLE _raw")
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def _check_unique(con: Any) -> None:
    row = con.execute("SELECT doc_id, list(dir ORDER BY ord)[1:2] FROM documents GROUP BY doc_id "
                      "HAVING count(*) > 1 ORDER BY min(ord) LIMIT 1").fetchone()
    if row is not None:
        raise LedgerError(f"doc_id {row[0]!r} names two documents (in {' and '.join(row[1])}); "
                          "give each document its own id")


def _write_info(con: Any, folders: Sequence[Path], sizes: Dict[str, int]) -> None:
    from ..about import __version__

    con.execute("CREATE TABLE ledger_info (key VARCHAR, value VARCHAR)")
    info = {"format": LEDGER_FORMAT, "conflictnlp": __version__,
            "built": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "dirs": json.dumps([str(f) for f in folders]), **{f"rows.{t}": str(n) for t, n in sizes.items()}}
    con.executemany("INSERT INTO ledger_info VALUES (?, ?)", list(info.items()))


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# ----------------------------------------------------------------------------- the Python functions of the build

def _one_line(text: Optional[str]) -> Optional[str]:
    return " ".join(text.split()) if text else None


def _name(meta: Optional[str], ord_: int) -> str:
    try:
        data = json.loads(meta) if meta else {}
    except ValueError:
        data = {}
    return _document_name({"meta": data if isinstance(data, dict) else {}}, ord_)


def _figure(value: Any, low: Any, high: Any, estimate: Any, qualifier: Any, inferred: Any) -> str:
    return describe_figure({"value": value, "low": low, "high": high, "estimate": estimate,
                            "qualifier": qualifier, "inferred": inferred})


def _source(text: Optional[str], resolved: Optional[str]) -> Optional[str]:
    return source_text({"source": {"text": text}, "resolved": resolved}) if text else None


def _via(via: Optional[str]) -> Optional[str]:
    try:
        spans = json.loads(via) if via else []
    except ValueError:
        return None
    texts = [_one_line(span.get("text")) for span in spans if isinstance(span, dict)] if isinstance(spans, list) else []
    return "; ".join(t for t in texts if t) or None


_FUNCTIONS: Tuple[Tuple[str, Any, Tuple[str, ...], str], ...] = (
    ("cnlp_line", _one_line, ("VARCHAR",), "VARCHAR"),
    ("cnlp_name", _name, ("VARCHAR", "BIGINT"), "VARCHAR"),
    ("cnlp_figure", _figure, ("BIGINT", "BIGINT", "BIGINT", "BIGINT", "VARCHAR", "BOOLEAN"), "VARCHAR"),
    ("cnlp_source", _source, ("VARCHAR", "VARCHAR"), "VARCHAR"),
    ("cnlp_via", _via, ("VARCHAR",), "VARCHAR"),
)


def _register(con: Any) -> None:
    for name, function, parameters, result in _FUNCTIONS:
        con.create_function(name, function, list(parameters), result, null_handling="special")


# ----------------------------------------------------------------------------- open

def connect(ledger: Union[str, Path, Any]) -> Tuple[Any, bool]:
    """``(connection, opened_here)`` for a ledger path (opened read-only) or a connection as given.
    A missing file, a file that is not DuckDB or a DuckDB file without the ledger's tables is a
    :class:`LedgerError` naming it."""
    if not isinstance(ledger, (str, Path)):
        return ledger, False
    duckdb = require_duckdb()
    path = Path(ledger)
    if not path.exists():
        raise LedgerError(f"{ledger}: no such ledger; build it with `conflictnlp ledger build {ledger} DIR...`")
    if path.is_dir():
        raise LedgerError(f"{ledger}: is a folder, not a ledger file")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except Exception as err:
        raise LedgerError(f"{ledger}: not a ledger (not a DuckDB file: {one_line(err)})") from None
    try:
        found = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    except Exception as err:
        con.close()
        raise LedgerError(f"{ledger}: not a ledger ({one_line(err)})") from None
    if not {"ledger_info", "figures", *TABLES} <= found:
        con.close()
        raise LedgerError(f"{ledger}: not a ledger (a DuckDB file without the ledger's tables); "
                          f"build one with `conflictnlp ledger build {ledger} DIR...`")
    return con, True


def is_ledger_path(path: str) -> bool:
    """Whether ``path`` names a ledger for ``compare``: a ``.duckdb`` file, or a file that starts as
    DuckDB files do."""
    if path.lower().endswith((".duckdb", ".ddb")):
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(12)
    except OSError:
        return False
    return head[8:12] == b"DUCK"


def info(ledger: Union[str, Path, Any]) -> Dict[str, str]:
    """The ``ledger_info`` table as a dict (format, conflictnlp version, build time, folders, rows)."""
    con, opened = connect(ledger)
    try:
        return dict(con.execute("SELECT key, value FROM ledger_info").fetchall())
    finally:
        if opened:
            con.close()


def rows(con: Any, sql: str, parameters: Union[Iterable[Any], Dict[str, Any]] = ()) -> List[Dict[str, Any]]:
    """The rows of a query (with ``?`` parameters in a sequence, or ``$name`` ones in a dict) as dicts."""
    cursor = con.execute(sql, parameters if isinstance(parameters, dict) else list(parameters))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
