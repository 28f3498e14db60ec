"""Dask for more than one machine: ``conflictnlp extract ... --engine dask [--workers N | --scheduler ADDRESS]``.

The client (the process that runs ``extract``) reads the inputs as a stream, as the serial run
does, cuts them into batches of ``--batch-size`` documents and submits each batch as one task to
the workers of a ``dask.distributed`` cluster: a ``LocalCluster`` of ``--workers`` processes with
one thread each (default: one per CPU core), or the cluster whose scheduler is at ``--scheduler``.
At most two tasks per worker are in flight, so the client never holds more than those batches
and the part being written. Each worker loads the pipeline once (:func:`worker_pipeline`, cached
in the worker process by its options) and sends back the table rows of each document of its
batch (the export dicts with ``--format jsonl``); the client takes them in input order and writes
them exactly as the serial run does
(:func:`conflictnlp.archive.write_parts`): the same tables, rows, order and part files, the
same resumable skip of done parts (their documents are never sent), a failed document as an
error row. A batch is the batch the serial run gives ``nlp.pipe``, so even a trained pipeline
sees the same batches.

:func:`extract` is the Python API over a dask Bag or DataFrame. dask and distributed are an
optional extra (``pip install conflictnlp[dask]``), imported only when used.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import tempfile
from collections import deque
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Deque, Dict, Iterator, List, Optional, Tuple, Union

from .archive import (DEFAULT_PART_SIZE, TABLES, ArchiveError, Item, Summary, as_rows, check_manifest, plain,
                      record_document, require_pyarrow, write_parts)
from .runner import Failure, _Held, _is_long, _is_result, export_one, one_line, run_exports

DASK_EXTRA = "pip install conflictnlp[dask]"
ENGINES = ("serial", "dask")
TASKS_PER_WORKER = 2  # tasks in flight per worker: one running, one waiting (so a worker never idles)


class SchedulerError(ArchiveError, ValueError):
    """No scheduler at ``--scheduler`` (a ValueError, so that any command shows its message alone)."""


def require_dask(what: str) -> Tuple[Any, Any]:
    """``(dask, distributed)``, or an :class:`~conflictnlp.archive.ArchiveError` naming the extra to install."""
    try:
        import dask
        import distributed
    except ImportError:
        raise ArchiveError(f"{what} needs dask and distributed: {DASK_EXTRA}") from None
    return dask, distributed


# ----------------------------------------------------------------------------- on the workers


@functools.lru_cache(maxsize=4)
def worker_pipeline(load: Callable[[Optional[str]], Any], base: Optional[str]) -> Any:
    """The pipeline of this worker process for these options: ``load(base)`` on its first task, then kept."""
    return load(base)


def run_batch(items: List[Any], load: Callable[[Optional[str]], Any], base: Optional[str], batch_size: int,
              rows: bool = False) -> List[Any]:
    """One task: the results of ``items`` (:func:`conflictnlp.runner.run_exports`) with the worker's
    pipeline; with ``rows``, each export as its table rows (:class:`~conflictnlp.archive.Rows`)."""
    results = run_exports(worker_pipeline(load, base), items, batch_size=batch_size)
    return [as_rows(result) for result in results] if rows else list(results)


# ----------------------------------------------------------------------------- on the client


def dask_results(client: Any, items: Iterator[Any], batch_size: int, *, load: Optional[Callable[[Optional[str]], Any]] = None,
                 base: Optional[str] = None, nlp: Any = None, stream_long: bool = False, rows: bool = False,
                 in_flight: Optional[int] = None) -> Iterator[Any]:
    """What ``run_exports(nlp, items, batch_size=batch_size)`` gives, computed on ``client``'s workers:
    each batch is one task, at most ``in_flight`` tasks (default two per worker thread) are submitted ahead
    of the one being read, the results come in input order. A batch of results only (documents of
    done parts, inputs that failed) is passed through without a task. With ``stream_long``, a text
    above ``nlp.max_length`` stays in this process and comes as a
    :class:`~conflictnlp.runner.LongExport` (as in ``run_exports``). With ``rows``, the workers send
    each export as its table rows (:class:`~conflictnlp.archive.Rows`: the Parquet writer's work
    that is done per document, off the client)."""
    if load is None:
        from .pipeline import load
    if in_flight is None:
        in_flight = TASKS_PER_WORKER * max(1, sum(client.nthreads().values()))  # a worker thread runs one task
    iterator = iter(items)
    pending: Deque[Tuple[Any, List[Any], Dict[int, Any]]] = deque()
    while True:
        batch = list(islice(iterator, batch_size))
        if batch:
            held = {i: item for i, item in enumerate(batch) if stream_long and _is_long(nlp, item)}
            sent = [_Held() if i in held else item for i, item in enumerate(batch)]
            task = None if all(_is_result(item) for item in sent) else client.submit(
                run_batch, sent, load, base, batch_size, rows, pure=False)
            pending.append((task, sent, held))
        while pending and (len(pending) > in_flight or not batch):
            task, sent, held = pending.popleft()
            for i, result in enumerate(sent if task is None else task.result()):
                yield export_one(nlp, *held[i], stream_long) if i in held else result
        if not batch:
            return


def _connect_timeout(dask: Any) -> float:
    from dask.utils import parse_timedelta

    return parse_timedelta(dask.config.get("distributed.comm.timeouts.connect"), default="seconds")


def _check_scheduler(address: str, dask: Any) -> None:
    """Reach the scheduler once before a ``Client`` is made (a failed ``Client`` prints tracebacks when collected)."""
    from distributed.comm import connect

    async def probe() -> None:
        comm = await connect(address, timeout=_connect_timeout(dask))
        await comm.close()

    try:
        asyncio.run(probe())
    except (OSError, ValueError, TypeError, asyncio.TimeoutError) as err:
        raise SchedulerError(f"--scheduler {address}: cannot reach the scheduler ({one_line(err)})") from None


@contextlib.contextmanager
def cluster_client(workers: Optional[int] = None, scheduler: Optional[str] = None) -> Iterator[Any]:
    """A ``distributed.Client`` of the scheduler at ``scheduler``, or of a ``LocalCluster`` of
    ``workers`` processes (default: one per CPU core) with one thread each, closed on exit."""
    dask, distributed = require_dask("--engine dask")
    if scheduler:
        _check_scheduler(scheduler, dask)
        with distributed.Client(scheduler, set_as_default=False) as client:
            yield client
        return
    if workers is not None and workers < 1:
        raise ArchiveError(f"--workers {workers}: must be at least 1")
    # the scheduler's HTTP server on a free port: a cluster already on 8787 is no warning in our output
    with distributed.LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
            distributed.Client(cluster, set_as_default=False) as client:
        yield client


def engine_problem(args: Any) -> Optional[str]:
    """The one-line usage error of ``--engine``, ``--workers``, ``--scheduler`` and ``--n-process``, if any."""
    engine, workers, scheduler = (getattr(args, name, None) for name in ("engine", "workers", "scheduler"))
    if (engine or "serial") == "serial":
        return "--workers and --scheduler need --engine dask" if workers is not None or scheduler else None
    try:
        require_dask("--engine dask")
    except ArchiveError as err:
        return str(err)
    if workers is not None and scheduler:
        return "--workers N starts a local cluster, --scheduler ADDRESS uses one: give one of them"
    if workers is not None and workers < 1:
        return f"--workers {workers}: must be at least 1"
    if getattr(args, "n_process", 1) != 1:
        return "--n-process is for --engine serial; with --engine dask give --workers N"
    return None


@contextlib.contextmanager
def engine_runner(args: Any, nlp: Any = None, stream_long: bool = False) -> Iterator[Optional[Callable[..., Any]]]:
    """``run(items, batch_size)`` for the ``--engine`` of ``args`` (None for serial: the caller's own runner)."""
    if (getattr(args, "engine", None) or "serial") == "serial":
        yield None
        return
    from .pipeline import load

    with cluster_client(args.workers, args.scheduler) as client:
        yield functools.partial(dask_results, client, load=load, base=args.base, nlp=nlp, stream_long=stream_long,
                                rows=args.format == "parquet")


# ----------------------------------------------------------------------------- the Python API


def extract(collection: Any, out: Union[str, Path, None] = None, *, text_column: str = "text", base: Optional[str] = None,
            load: Optional[Callable[[Optional[str]], Any]] = None, batch_size: int = 64,
            part_size: int = DEFAULT_PART_SIZE, client: Any = None, progress: Any = None,
            on_error: Optional[Callable[[str], None]] = None) -> Union[Summary, Dict[str, Any]]:
    """Run the pipeline over a dask collection on a dask cluster and write (or return) the Parquet tables
    of ``conflictnlp extract --format parquet`` (``docs/export.md``).

    ``collection``: a dask Bag of ``(text, meta)`` pairs or of dicts with a ``"text"`` string (the
    other fields, and a ``"meta"`` dict, are the meta), or a dask DataFrame with a ``text_column``
    (every other column is meta). Each document's meta also gets its ``row`` (counted from 1), its
    ``doc_id`` when it has no ``id``. The partitions are read in order, two ahead, and their
    documents run as in :func:`dask_results` on ``client`` (default: the current client of
    ``distributed.get_client``, else a ``LocalCluster`` for this call); ``load(base)`` builds each
    worker's pipeline (default :func:`conflictnlp.load`).

    With ``out``, the tables are written there in parts of ``part_size`` documents and a
    :class:`~conflictnlp.archive.Summary` is returned; a rerun on the same collection into the same
    ``out`` skips the parts done. Without ``out``, a dict of ``pyarrow.Table`` by table name is returned.

    For example (a script that starts a local cluster, with no current client, must do it under
    ``if __name__ == "__main__":``: the worker processes import the script again):

        import dask.bag as db
        from conflictnlp.dask import extract

        bag = db.from_sequence([{"id": "a1", "outlet": "Kessel Herald",
                                 "text": "About 300 soldiers were killed, the ministry said."}], npartitions=1)
        tables = extract(bag)                    # {"documents": pyarrow.Table, "counts": ..., ...}
        tables["counts"].to_pandas()[["doc_id", "value", "kind"]]
        extract(bag, out="tables/")              # DIR/documents.parquet ... as the command line writes
    """
    dask, _ = require_dask("conflictnlp.dask.extract")
    pa, pq = require_pyarrow("conflictnlp.dask.extract")
    if out is None:
        with tempfile.TemporaryDirectory() as folder:
            extract(collection, folder, text_column=text_column, base=base, load=load, batch_size=batch_size,
                    part_size=part_size, client=client, progress=progress, on_error=on_error)
            return {table: pq.read_table(str(Path(folder) / f"{table}.parquet")) for table in TABLES}
    if part_size < 1 or batch_size < 1:
        raise ArchiveError(f"part_size {part_size} / batch_size {batch_size}: each must be at least 1")
    frame = _is_frame(collection)
    if frame and text_column not in collection.columns:
        raise ArchiveError(f'no "{text_column}" column (columns: {", ".join(map(str, collection.columns))}); see text_column')
    out = Path(out)
    check_manifest(out, [f"dask:{dask.base.tokenize(collection)}"], part_size, text_column)
    with _api_client(client) as used:
        items = collection_items(used, collection, text_column, pa)
        run = functools.partial(dask_results, used, load=load, base=base, rows=True)
        return write_parts(items, out, part_size, min(batch_size, part_size), run, progress, on_error)


@contextlib.contextmanager
def _api_client(client: Any) -> Iterator[Any]:
    if client is not None:
        yield client
        return
    from distributed import get_client

    try:
        yield get_client()
        return
    except ValueError:  # no current client: a local cluster for this call
        pass
    with cluster_client() as made:
        yield made


def _is_frame(collection: Any) -> bool:
    return hasattr(collection, "columns") and hasattr(collection, "dtypes")


def collection_items(client: Any, collection: Any, text_column: str = "text", pa: Any = None) -> Iterator[Item]:
    """``(text, meta)`` (or a :class:`~conflictnlp.runner.Failure`) of each record of a dask Bag or
    DataFrame, in order; the partitions are computed on ``client``, two ahead of the one being read."""
    frame = _is_frame(collection)
    parts = iter(collection.to_delayed())
    ahead: Deque[Any] = deque(client.compute(part) for part in islice(parts, 2))
    row = 0
    while ahead:
        data = ahead.popleft().result()
        ahead.extend(client.compute(part) for part in islice(parts, 1))
        records = pa.Table.from_pandas(data, preserve_index=False).to_pylist() if frame else data
        for record in records:
            row += 1
            yield _frame_item(record, text_column, row) if frame else _bag_item(record, row)


def _bag_item(record: Any, row: int) -> Item:
    if isinstance(record, tuple) and len(record) == 2 and isinstance(record[0], str) and isinstance(record[1], dict):
        return record[0], {**record[1], "row": row}
    if isinstance(record, dict):
        return record_document(record, {"row": row})
    return Failure({"row": row}, 'expected a (text, meta) pair or an object with a "text" string')


def _frame_item(record: Dict[str, Any], text_column: str, row: int) -> Item:
    text = record.pop(text_column)
    meta = {key: plain(value) for key, value in record.items()}
    meta["row"] = row
    return (text, meta) if isinstance(text, str) else Failure(meta, f'"{text_column}" is not a string')
