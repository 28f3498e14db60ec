"""Speed and memory benchmark for conflictnlp (a script, not a test).

    python bench/benchmark.py [--words 1000000] [--json bench/results/latest.json]

Builds a deterministic text of at least ``--words`` words from our own corpus
(``corpus/*.jsonl``, documents in id order, repeated), then measures, each in a fresh
subprocess pinned to one thread so that peak memory is its own:

- ``tokenizer``: ``nlp.make_doc`` only (the yardstick);
- ``default``: the full default pipeline (``conflictnlp.load()``), with the time spent in
  each component (``<name>`` rows: that component's own time, measured in context);
- ``parser``: blank English + randomly initialised tok2vec, tagger and parser (costs what a
  trained one costs);
- ``parser+ours``: the same with our components added after the parser.

Words/second counts whitespace-separated words. Each row also gives the ratio of its
speed to the tokenizer's in the same run, and ``ours_overhead`` is the share of time that our
components add to the parser pipeline.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_texts(words: int) -> list:
    records = []
    for path in sorted((ROOT / "corpus").glob("*.jsonl")):
        for line in path.read_text(encoding="utf8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    records.sort(key=lambda r: r.get("id", ""))
    base = [r["text"] for r in records] or [(ROOT / "examples" / "report.txt").read_text(encoding="utf8")]
    texts, total, i = [], 0, 0
    while total < words:
        text = base[i % len(base)]
        texts.append(text)
        total += len(text.split())
        i += 1
    return texts


def _parser_pipeline():
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    nlp.add_pipe("tagger", config={"model": {"tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96}}})
    nlp.add_pipe("parser", config={"model": {"tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": 96}}})
    words = ["Russia", "has", "amassed", "50,000", "troops", "."]
    doc = spacy.tokens.Doc(nlp.vocab, words=words, heads=[2, 2, 2, 4, 2, 2],
                           deps=["nsubj", "aux", "ROOT", "nummod", "dobj", "punct"],
                           tags=["NNP", "VBZ", "VBN", "CD", "NNS", "."])
    nlp.initialize(lambda: [Example(nlp.make_doc(doc.text), doc)])
    return nlp


def measure(config: str, words: int) -> dict:
    """Runs in the child process: time one configuration."""
    import resource

    import spacy

    import conflictnlp

    texts = build_texts(words)
    n_words = sum(len(t.split()) for t in texts)
    per_pipe: dict = {}
    start = time.perf_counter()
    if config == "tokenizer":
        nlp = spacy.blank("en")
        start = time.perf_counter()
        for text in texts:
            nlp.make_doc(text)
    elif config == "default":
        nlp = conflictnlp.load()
        nlp("warm up")
        start = time.perf_counter()
        for text in texts:
            t0 = time.perf_counter()
            doc = nlp.make_doc(text)
            per_pipe["tokenizer"] = per_pipe.get("tokenizer", 0.0) + time.perf_counter() - t0
            for name, proc in nlp.pipeline:
                t0 = time.perf_counter()
                doc = proc(doc)
                per_pipe[name] = per_pipe.get(name, 0.0) + time.perf_counter() - t0
    elif config in ("parser", "parser+ours"):
        nlp = _parser_pipeline()
        if config == "parser+ours":
            conflictnlp.add_components(nlp)
        nlp("warm up")
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64):
            pass
    else:
        raise SystemExit(f"unknown config {config!r}")
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"config": config, "words": n_words, "seconds": seconds, "words_per_second": n_words / seconds,
            "peak_memory_mb": peak_kb / 1024, "per_component_seconds": per_pipe}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.words)))
        return 0
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    results = {}
    for config in ("tokenizer", "default", "parser", "parser+ours"):
        out = subprocess.run([sys.executable, __file__, "--child", config, "--words", str(args.words)],
                             capture_output=True, text=True, env=env, check=False)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return 1
        results[config] = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{config:12} {results[config]['words_per_second']:>12,.0f} words/s  "
              f"peak {results[config]['peak_memory_mb']:.0f} MB", file=sys.stderr)
    tok = results["tokenizer"]["words_per_second"]
    rows = []
    for config, r in results.items():
        rows.append((config, r["words_per_second"], r["words_per_second"] / tok, r["peak_memory_mb"]))
    default = results["default"]
    n_words = default["words"]
    for name, secs in default["per_component_seconds"].items():
        wps = n_words / secs if secs else float("inf")
        rows.append((f"  {name} (in default)", wps, wps / tok, None))
    overhead = results["parser"]["words_per_second"] / results["parser+ours"]["words_per_second"] - 1
    summary = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine(), "cpus": os.cpu_count()},
        "words": n_words,
        "results": results,
        "ours_overhead_on_parser_pipeline": overhead,
    }
    print("| configuration | words/s | ratio to tokenizer | peak memory (MB) |")
    print("|---|---:|---:|---:|")
    for name, wps, ratio, mem in rows:
        print(f"| {name} | {wps:,.0f} | {ratio:.3f} | {'' if mem is None else f'{mem:.0f}'} |")
    print(f"\nOur components add {overhead:.1%} to the time of the parser pipeline.")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
