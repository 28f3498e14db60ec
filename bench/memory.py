"""Peak memory of ``conflictnlp extract`` on one long document (a script, not a test).

    python bench/memory.py [--sizes 1,10,50] [--format jsonl] [--input text|jsonl] [--json OUT]

For each size (in MB), a text of war reporting is generated from our own templates (seeded:
the same text every run), written as one plain-text file (or, with ``--input jsonl``, as one
JSONL line), and ``python -m conflictnlp extract`` runs on it in a fresh process with its output
sent to a temporary file. The peak resident memory of that process (``ru_maxrss`` from
``os.wait4``), its time and the size of its output are reported.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List

SOURCES = ("a military spokesman", "the regional governor", "Colonel Aldo Ferrant", "the defence ministry",
           "local officials", "a senior commander", "the border guard service", "an army statement")
PLACES = ("Varnesk", "Doldur", "the Kemir Pass", "Ostrava Heights", "the river port of Lanza", "Teskovo")
ACTORS = ("Northern Front", "Valdori", "government", "militia", "coalition", "rebel")
PEOPLE = ("soldiers", "troops", "fighters", "civilians", "conscripts", "border guards")
KIT = ("tanks", "armoured vehicles", "drones", "artillery pieces")
TEMPLATES = (
    "{source} said {n} {people} were killed near {place} on {day}.",
    "According to {source}, about {n} {actor} {people} crossed into {place} overnight.",
    "At least {n} {people} may have been captured, {source} told reporters.",
    "{source} claimed that some {n} {people} had been wounded in the shelling of {place}.",
    "Up to {n} {actor} {kit} are believed to be massing east of {place}, {source} said.",
    "The {actor} forces lost {n} {kit} in two days, {source} reported.",
    "\u201cWe destroyed {n} {kit} near {place},\u201d {source} said on {day}.",
    "It is unclear whether the {n} {people} reported by {source} reached {place}.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def paragraph(rng: random.Random) -> str:
    """Three to six sentences of war reporting from the templates."""
    sentences = []
    for _ in range(rng.randint(3, 6)):
        template = rng.choice(TEMPLATES)
        sentence = template.format(
            source=rng.choice(SOURCES), place=rng.choice(PLACES), actor=rng.choice(ACTORS),
            people=rng.choice(PEOPLE), kit=rng.choice(KIT), day=rng.choice(DAYS), n=f"{rng.randint(2, 40) * 25:,}",
        )
        sentences.append(sentence[0].upper() + sentence[1:])
    return " ".join(sentences)


def report_text(size: int, seed: int = 16) -> str:
    """At least ``size`` characters of paragraphs separated by blank lines (deterministic)."""
    rng = random.Random(seed)
    parts: List[str] = []
    total = 0
    while total < size:
        parts.append(paragraph(rng))
        total += len(parts[-1]) + 2
    return "\n\n".join(parts) + "\n"


def write_input(directory: Path, size: int, input_format: str) -> Path:
    text = report_text(size)
    if input_format == "jsonl":
        path = directory / f"long-{size}.jsonl"
        path.write_text(json.dumps({"text": text, "meta": {"id": "long"}}, ensure_ascii=False) + "\n", encoding="utf8")
    else:
        path = directory / f"long-{size}.txt"
        path.write_text(text, encoding="utf8")
    return path


def measure(path: Path, output_format: str, out_path: Path) -> Dict[str, float]:
    """Run ``extract`` on ``path`` in a fresh process: its peak RSS, time and output size."""
    command = [sys.executable, "-m", "conflictnlp", "extract", str(path), "--format", output_format]
    start = time.perf_counter()
    with open(out_path, "wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE)
        stderr = process.stderr.read() if process.stderr is not None else b""
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    returncode = os.waitstatus_to_exitcode(status)
    if returncode != 0:
        raise SystemExit(f"extract failed on {path} ({returncode}): {stderr.decode('utf8', 'replace')[-500:]}")
    return {
        "input_mb": round(path.stat().st_size / 1e6, 1),
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024),
        "output_mb": round(out_path.stat().st_size / 1e6, 1),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,50", help="input sizes in MB, comma-separated")
    parser.add_argument("--format", default="jsonl", help="extract --format (jsonl, csv, table, html)")
    parser.add_argument("--input", default="text", choices=("text", "jsonl"), help="one text file or one JSONL line")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for size_mb in [float(s) for s in args.sizes.split(",")]:
            path = write_input(Path(tmp), int(size_mb * 1e6), args.input)
            result = measure(path, args.format, Path(tmp) / "out")
            path.unlink()
            result["ratio"] = round(result["peak_rss_mb"] / max(result["input_mb"], 0.1), 1)
            results.append(result)
            print(f"{result['input_mb']:>7} MB in  {result['peak_rss_mb']:>7} MB peak  ({result['ratio']}x)  "
                  f"{result['seconds']:>7} s  {result['output_mb']:>8} MB out", flush=True)
    if args.json:
        args.json.write_text(json.dumps({"format": args.format, "input": args.input, "results": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
