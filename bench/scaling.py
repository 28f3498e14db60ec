"""How the default pipeline's time grows with the length of one Doc (a script, not a test).

    python bench/scaling.py [--small 300] [--factor 4] [--json bench/results/scaling.json]

For each shape below, one Doc is built from a short unit of our own writing repeated
``--small`` times, then ``--small * --factor`` times, and run through ``conflictnlp.load()``
(with ``nlp.max_length`` raised, so that the Doc is not cut). Linear time gives the same
microseconds per token at both sizes; the ``growth`` column is the ratio of the two (1.0:
linear; ``--factor``: quadratic). The shapes are those that made some rule look back over
the whole Doc or sentence: many sentences with sources and figures, one sentence with
thousands of words, open quotations, repeated names.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

# name -> (unit, separator)
SHAPES = {
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
}


def shape_text(name: str, repeat: int) -> str:
    unit, separator = SHAPES[name]
    return separator.join([unit] * repeat)


def measure(nlp, text: str) -> dict:
    start = time.perf_counter()
    doc = nlp(text)
    seconds = time.perf_counter() - start
    return {"tokens": len(doc), "seconds": round(seconds, 3), "us_per_token": round(seconds / max(1, len(doc)) * 1e6, 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", type=int, default=300)
    parser.add_argument("--factor", type=int, default=4)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    import conflictnlp

    nlp = conflictnlp.load()
    nlp.max_length = 10_000_000
    nlp("Warm-up: officials said 500 troops arrived.")
    rows = []
    print("| shape | tokens | s | us/token | tokens | s | us/token | growth |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in SHAPES:
        small = measure(nlp, shape_text(name, args.small))
        large = measure(nlp, shape_text(name, args.small * args.factor))
        growth = round(large["us_per_token"] / max(small["us_per_token"], 1e-9), 2)
        rows.append({"shape": name, "small": small, "large": large, "growth": growth})
        print(
            f"| {name} | {small['tokens']:,} | {small['seconds']} | {small['us_per_token']} "
            f"| {large['tokens']:,} | {large['seconds']} | {large['us_per_token']} | {growth} |"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"factor": args.factor, "rows": rows}, indent=2) + "\n", encoding="utf8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
