"""How the default pipeline's time grows with the length of its input (a script, not a test).

    python bench/scaling.py [--small 300] [--factor 4] [--shape NAME ...] [--json bench/results/scaling.json]
    python bench/scaling.py --sizes 500,1000,2000,4000,8000 --shape "many cues in one sentence"

For each shape below, the input is built from a short unit of our own writing repeated
``--small`` times, then ``--small * --factor`` times, and run through ``conflictnlp.load()``
(with ``nlp.max_length`` raised, so that no Doc is cut). Most shapes are one Doc; "new words
in every document" is as many Docs, each with words no earlier Doc had. Linear time gives the
same microseconds (of CPU time) per token at both sizes: the ``growth`` column is the ratio of
the two (1.0: linear; ``--factor``: quadratic), ``x per doubling`` the ratio of the CPU times per
doubling of the input (2.0: linear; 4.0: quadratic). With ``--sizes`` the chosen shapes are timed at each
number of repetitions, with the ratio of each CPU time to the one before.

The shapes are those that made some rule look back over the whole Doc or sentence: many
sentences with sources and figures, one sentence with thousands of words, open quotations,
repeated names, thousands of reporting verbs in one sentence (text without full stops, or in
lower case after them: OCR, transcripts, scraped pages), and a vocabulary that never stops
growing (news always brings new names and numbers).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List

# name -> (unit, separator): one Doc of the unit repeated.
REPEATED = {
    "paragraphs": (
        "Officials said 500 troops and 40 tanks arrived on Monday, according to TASS. "
        "It is likely that about 2,000 more may follow, he added.",
        "\n\n",
    ),
    "sentences with names": ("Peskov told CNN that 50 troops died. Zelensky said he disagreed.", " "),
    "one long sentence": (
        "officials said 500 troops and 40 tanks arrived, according to TASS, and about 2,000 more may follow, he added,",
        " ",
    ),
    "closed quotations": ("\u201cWe lost 300 men,\u201d the commander told CNN, \u201cand 12 tanks.\u201d", " "),
    "open quotations": ("\u201cWe lost 300 men, he said", " "),
    "colons": ("Officials: 500 troops killed;", " "),
    "figures": ("7 troops,", " "),
    # A reporting verb, its source and a figure, again and again, with no full stop.
    "many cues in one sentence": ("the ministry said 12 soldiers were killed and", " "),
    # Full stops, but the next sentence starts in lower case: still one sentence.
    "lower case after full stops": ("a local commander said 40 fighters were wounded.", " "),
}
NEW_WORDS = "new words in every document"


def new_word_documents(repeat: int) -> List[str]:
    """``repeat`` short reports, each with a place name and a figure no other one has."""
    return [
        f"Officials in Velmora{k:x} said {k * 7 + 3} troops arrived near Ostrik{k * 13:x}." for k in range(repeat)
    ]


def shape_texts(name: str, repeat: int) -> List[str]:
    """The input of a shape at ``repeat`` repetitions of its unit: the texts of its Docs."""
    if name == NEW_WORDS:
        return new_word_documents(repeat)
    unit, separator = REPEATED[name]
    return [separator.join([unit] * repeat)]


SHAPES: Dict[str, Callable[[int], List[str]]] = {
    name: (lambda repeat, name=name: shape_texts(name, repeat)) for name in [*REPEATED, NEW_WORDS]
}


def measure(nlp, texts: List[str]) -> dict:
    """Wall-clock and CPU seconds of the default pipeline over ``texts`` (the ratios use the CPU
    seconds: on a shared machine the wall clock also counts the time other processes take)."""
    start, cpu_start = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {"docs": len(texts), "tokens": tokens, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
            "us_per_token": round(cpu / max(1, tokens) * 1e6, 1)}


def per_doubling(small: dict, large: dict) -> float:
    """The ratio of the CPU times per doubling of the input (2.0: linear)."""
    doublings = math.log2(large["tokens"] / max(1, small["tokens"]))
    ratio = large["cpu_seconds"] / max(small["cpu_seconds"], 1e-9)
    return round(ratio ** (1 / doublings), 2) if doublings > 0 and ratio > 0 else float("nan")


def two_sizes(nlp, names: List[str], small_repeat: int, factor: int) -> List[dict]:
    """The table of the shapes at ``small_repeat`` and ``small_repeat * factor`` repetitions."""
    rows = []
    print("| shape | tokens | CPU s | us/token | tokens | CPU s | us/token | growth | x per doubling |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in names:
        small = measure(nlp, SHAPES[name](small_repeat))
        large = measure(nlp, SHAPES[name](small_repeat * factor))
        growth = round(large["us_per_token"] / max(small["us_per_token"], 1e-9), 2)
        doubling = per_doubling(small, large)
        rows.append({"shape": name, "small": small, "large": large, "growth": growth, "per_doubling": doubling})
        print(
            f"| {name} | {small['tokens']:,} | {small['cpu_seconds']} | {small['us_per_token']} "
            f"| {large['tokens']:,} | {large['cpu_seconds']} | {large['us_per_token']} | {growth} | {doubling} |"
        )
    return rows


def series(nlp, names: List[str], sizes: List[int]) -> List[dict]:
    """The table of the shapes at each of ``sizes`` repetitions."""
    rows = []
    print("| shape | repetitions | tokens | s | CPU s | x the CPU time before | x per doubling |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in names:
        before = None
        for size in sizes:
            row = measure(nlp, SHAPES[name](size))
            ratio = round(row["cpu_seconds"] / max(before["cpu_seconds"], 1e-9), 2) if before else None
            doubling = per_doubling(before, row) if before else None
            rows.append({"shape": name, "repetitions": size, **row, "ratio": ratio, "per_doubling": doubling})
            print(f"| {name} | {size:,} | {row['tokens']:,} | {row['seconds']} | {row['cpu_seconds']} "
                  f"| {ratio or ''} | {doubling or ''} |", flush=True)
            before = row
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=300)
    parser.add_argument("--factor", type=int, default=4)
    parser.add_argument("--sizes", help="comma-separated numbers of repetitions, instead of --small/--factor")
    parser.add_argument("--shape", action="append", choices=list(SHAPES), help="only this shape (repeatable)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    import conflictnlp

    nlp = conflictnlp.load()
    nlp.max_length = 10_000_000
    nlp("Warm-up: officials said 500 troops arrived.")
    names = args.shape or list(SHAPES)
    if args.sizes:
        result = {"sizes": [int(s) for s in args.sizes.split(",")]}
        result["rows"] = series(nlp, names, result["sizes"])
    else:
        result = {"factor": args.factor, "rows": two_sizes(nlp, names, args.small, args.factor)}
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
