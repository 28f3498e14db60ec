"""Throughput of ``extract --format parquet`` serial and on a Dask ``LocalCluster`` (a script, not a test).

    python bench/scale.py [--words 200000] [--workers 1,2] [--base PIPELINE] [--json bench/results/scale.json]

Builds a ``.jsonl.gz`` archive of at least ``--words`` words from our own corpus (the text of
``bench/benchmark.py``: ``corpus/*.jsonl`` in id order, repeated; each document with an id, a date
and an outlet), then runs the same extraction into Parquet tables:

- ``serial``: :func:`conflictnlp.archive.extract_parquet` in this process;
- ``dask``: the same with ``--engine dask`` on a ``LocalCluster`` of N worker processes (one
  thread each), for each N of ``--workers``.

Each run is timed from the first document read to the last part written, with the pipelines
already loaded (the startup, a cluster and one pipeline per worker, is timed apart). Every dask
run's tables are checked equal to the serial run's. The CPU seconds of this process and of the
workers are counted apart: on a shared machine the wall-clock rates follow the load, the words per
CPU-second of the pipeline (a worker's, or this process's in the serial run) much less. ``client ceiling`` is how fast this process
alone does its share of a dask run (read the archive, unpickle the rows the workers send, write
the part files), the pipeline's work taken away: the rate no number of workers can pass, since
one client writes every part. Words are whitespace-separated words.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import pickle
import platform
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from benchmark import build_texts  # noqa: E402  (bench/ is no package)

OUTLETS = ("Kessel Herald", "Border Wire", "Valdor Daily", "Marenian Post")


def write_archive(path: Path, texts: list) -> Path:
    """The texts as a ``.jsonl.gz`` archive with ids, dates (one day per 100 documents) and outlets."""
    with gzip.open(path, "wt", encoding="utf8") as lines:
        for i, text in enumerate(texts):
            day = 1 + (i // 100) % 28
            lines.write(json.dumps({"id": f"gen-{i:06d}", "date": f"2024-11-{day:02d}",
                                    "outlet": OUTLETS[i % len(OUTLETS)], "text": text}) + "\n")
    return path


def tables_of(out: Path) -> dict:
    import pyarrow.parquet as pq

    from conflictnlp.archive import TABLES

    return {table: pq.read_table(str(out / f"{table}.parquet")) for table in TABLES}


def timed_serial(nlp, archive: Path, out: Path, part_size: int, batch_size: int) -> dict:
    from conflictnlp.archive import extract_parquet

    start, cpu = time.perf_counter(), time.process_time()
    extract_parquet(nlp, [str(archive)], out, part_size=part_size, batch_size=batch_size)
    return {"startup": 0.0, "seconds": time.perf_counter() - start, "client_cpu": time.process_time() - cpu,
            "worker_cpu": 0.0}


def timed_dask(workers: int, archive: Path, out: Path, part_size: int, batch_size: int, base) -> dict:
    """Startup and run seconds on a fresh LocalCluster of ``workers`` processes, and the CPU seconds
    of this process (reading, writing) and of the workers (the pipeline) during the run."""
    from conflictnlp.archive import extract_parquet
    from conflictnlp.dask import cluster_client, dask_results, worker_pipeline
    from conflictnlp.pipeline import load

    start = time.perf_counter()
    with cluster_client(workers=workers) as client:
        client.run(worker_pipeline, load, base)  # each worker loads its pipeline before the clock starts
        ready, cpu, before = time.perf_counter(), time.process_time(), client.run(time.process_time)
        run = functools.partial(dask_results, client, load=load, base=base, rows=True)
        extract_parquet(None, [str(archive)], out, part_size=part_size, batch_size=batch_size, run=run)
        seconds, client_cpu, after = time.perf_counter() - ready, time.process_time() - cpu, client.run(time.process_time)
    return {"startup": ready - start, "seconds": seconds, "client_cpu": client_cpu,
            "worker_cpu": sum(after[w] - before[w] for w in before)}


def client_ceiling(nlp, archive: Path, out: Path, part_size: int, batch_size: int) -> float:
    """Seconds this process takes for its share of a dask run with the pipeline's work taken away:
    read the archive, unpickle the rows the workers send (made here beforehand), write the tables."""
    from conflictnlp.archive import as_rows, iter_inputs, write_parts
    from conflictnlp.runner import run_exports

    sent = pickle.dumps([as_rows(r) for r in run_exports(nlp, iter_inputs([str(archive)]), batch_size=batch_size)])

    def replay(items, _batch_size):
        received = pickle.loads(sent)
        return (received[i] for i, _ in enumerate(items))

    start = time.perf_counter()
    write_parts(iter_inputs([str(archive)]), out, part_size, batch_size, replay)
    return time.perf_counter() - start


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--workers", default="1,2", help="comma-separated numbers of dask workers")
    parser.add_argument("--part-size", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--base", default=None, help="an installed spaCy pipeline to build on")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    args = parser.parse_args(argv)
    import conflictnlp

    texts = build_texts(args.words)
    words = sum(len(t.split()) for t in texts)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        archive = write_archive(folder / "archive.jsonl.gz", texts)
        nlp = conflictnlp.load(args.base)
        for _ in nlp.pipe(texts[:20]):  # warm up, as each worker's first task would
            pass
        timed = timed_serial(nlp, archive, folder / "serial", args.part_size, args.batch_size)
        rows.append({"engine": "serial", "workers": 1, **timed, "identical": True})
        expected = tables_of(folder / "serial")
        for workers in (int(n) for n in args.workers.split(",") if n):
            out = folder / f"dask-{workers}"
            timed = timed_dask(workers, archive, out, args.part_size, args.batch_size, args.base)
            same = all(tables_of(out)[t].equals(expected[t]) for t in expected)
            rows.append({"engine": "dask", "workers": workers, **timed, "identical": same})
        ceiling = client_ceiling(nlp, archive, folder / "ceiling", args.part_size, args.batch_size)
    report(rows, words, len(texts), ceiling, args)
    return 0 if all(row["identical"] for row in rows) else 1


def report(rows: list, words: int, docs: int, ceiling: float, args) -> None:
    """Print the table (markdown) and write the JSON of ``--json``."""
    serial = rows[0]["seconds"]
    machine = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
               "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None}
    print(f"{words:,} words in {docs:,} documents; {machine['cpus']} CPU cores; "
          f"load average before the end {machine['load_average'][0] if machine['load_average'] else '?':.1f}")
    print("| engine | workers | startup (s) | run (s) | words/s | docs/s | speed-up | CPU s: client + workers "
          "| words per worker CPU-s | identical to serial |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        pipeline_cpu = row["worker_cpu"] or row["client_cpu"]
        row.update(words_per_second=words / row["seconds"], docs_per_second=docs / row["seconds"],
                   speedup=serial / row["seconds"], words_per_pipeline_cpu_second=words / pipeline_cpu)
        print(f"| {row['engine']} | {row['workers']} | {row['startup']:.1f} | {row['seconds']:.1f} | "
              f"{row['words_per_second']:,.0f} | {row['docs_per_second']:,.1f} | {row['speedup']:.2f} | "
              f"{row['client_cpu']:.1f} + {row['worker_cpu']:.1f} | {row['words_per_pipeline_cpu_second']:,.0f} | "
              f"{'yes' if row['identical'] else 'NO'} |")
    print(f"| client ceiling (reading and writing only) | | | {ceiling:.1f} | {words / ceiling:,.0f} | "
          f"{docs / ceiling:,.1f} | | | | |")
    if args.json:
        summary = {"machine": machine, "words": words, "documents": docs, "rows": rows,
                   "client_ceiling": {"seconds": ceiling, "words_per_second": words / ceiling,
                                      "docs_per_second": docs / ceiling},
                   "options": {"part_size": args.part_size, "batch_size": args.batch_size, "base": args.base}}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf8")


if __name__ == "__main__":
    raise SystemExit(main())
