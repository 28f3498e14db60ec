"""Reproduce the conflict_hedging weights shipped in src/conflictnlp/hedging/weights/.

    python training/train_hedging.py            # from the repository root

1. trains ``training/hedging.cfg`` on corpus/train.jsonl (dev: corpus/dev.jsonl) with
   ``spacy train`` into training/output/hedging;
2. loads model-last (the config's fixed number of steps, no early stopping: the dev score
   that would pick model-best is the cue layer's), fits the calibration of the hedged score
   on dev (Platt scaling of the model's probability stacked with the cue layer's "has a
   cue"; the model alone is fitted on dev's uncued sentences and on dev's cued ones with
   their cue features zeroed, see ``calibrate``), and measures P(hedged | cue grade) on dev
   for the cue layer alone;
3. evaluates dev and test (hedged P/R/F1, four-way accuracy, cue F1, calibration error),
   for the cue layer alone and for both layers, and writes training/hedging_metrics.json;
4. saves the calibrated pipeline to <output>/model-calibrated (load it with
   ``conflictnlp.load(...)`` or ``conflictnlp evaluate --base ...``) and writes ``model`` and
   ``cfg.json`` to the weights directory.

It warns (on stderr, and under "warnings" in the metrics) when the dev set is too small to
choose a model (``conflictnlp.corpus.authoring.dev_size_warning``) and, with ``--checkpoint best``,
when spaCy kept the model of step 0 as model-best (``best_step_warning``: every evaluation is
logged to <output>/training_log.jsonl).

On your own data (docs/training.md), pass ``--train``/``--dev``/``--test``: the weights and
metrics then go to <output>/weights and <output>/metrics.json, never over the shipped ones
(unless ``--weights``/``--metrics`` say so). Other options are spaCy config overrides, as
for ``spacy train``: ``--training.max_steps 200``, ``--system.seed 1``.

Deterministic on CPU: the same corpus, config and library versions give byte-identical
``model``, ``cfg.json`` and metrics (``tests/test_training.py`` retrains the shipped weights
and compares the bytes).

Needs conflictnlp importable (``pip install -e .`` or ``PYTHONPATH=src``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent


def _examples(nlp, path: Path) -> List[Any]:
    from conflictnlp.corpus import read_examples

    return list(read_examples(nlp, path))


def _raw_scores(component, examples, without_cues: bool = False):
    """Uncalibrated P(hedged), the gold hedged flag and the cue grade of each gold sentence.

    ``without_cues``: the model's score with every sentence's cue features zeroed (the pseudo-cue
    feature kept), as if the lexicon knew none of its cues: what the trained layer alone sees."""
    import random

    from conflictnlp.cues import strongest_level
    from conflictnlp.hedging import drop_cue_features, model_raw

    batch, truths = component._training_batch(examples)
    grades = []
    for doc, bounds in zip(batch.docs, batch.bounds):
        cues, _ = component.sentence_cues(doc, bounds)
        grades.extend(strongest_level(c.level for c in sent_cues) for sent_cues in cues)
    if without_cues:
        batch = drop_cue_features(batch, 1.0, random.Random(0))
    probs = component.model.ops.to_numpy(component.model.predict(batch)).tolist() if truths else []
    raw = [model_raw(p, g != "certain" and not without_cues) for p, g in zip(probs, grades)]
    gold = [t[0] == 0.0 for t in truths]
    return raw, gold, grades


def _evaluate(nlp, examples) -> Dict[str, Any]:
    from spacy.training import Example

    from conflictnlp.hedging import score_hedging

    predicted = [Example(nlp(eg.reference.text), eg.reference) for eg in examples]
    scores = score_hedging(predicted)
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in scores.items()}


LOG_NAME = "training_log.jsonl"


def _log_overrides(config_path: Path, output: Path, overrides: Dict[str, Any]) -> Dict[str, Any]:
    """Config overrides that make spaCy's console logger also write each evaluation (step, score)
    to <output>/training_log.jsonl, so that the step model-best comes from can be told. Only for
    spaCy's ConsoleLogger (v1, v2 or v3), and never over a logger the user overrides."""
    from spacy.util import load_config

    if any(key.startswith("training.logger") for key in overrides):
        return {}
    logger = load_config(config_path)["training"].get("logger") or {}
    name = logger.get("@loggers", "")
    if not name.startswith("spacy.ConsoleLogger.v"):
        return {}
    log = output / LOG_NAME
    if log.exists():
        log.unlink()  # spaCy's logger writes nothing over an existing file
    extra: Dict[str, Any] = {"training.logger.output_file": str(log)}
    if name == "spacy.ConsoleLogger.v1":  # v1 has no output_file; v2 takes the same progress_bar
        extra["training.logger.@loggers"] = "spacy.ConsoleLogger.v2"
    return extra


def best_step_warning(log_path: Path) -> Optional[str]:
    """A warning when spaCy kept the model of its first evaluation (step 0, after one update) as
    model-best: no later evaluation on dev scored higher. None when a later one did, or without a log.

    spaCy's rule: a checkpoint is model-best when its score equals the highest so far, so of equal
    scores the last one is kept."""
    if not log_path.is_file():
        return None
    rows = [json.loads(line) for line in log_path.read_text(encoding="utf8").splitlines() if line.strip()]
    if len(rows) < 2:
        return None
    top = max(row["score"] for row in rows)
    best = [row for row in rows if row["score"] == top][-1]
    if best is not rows[0]:
        return None
    last = rows[-1]
    return (
        f"model-best is the model of step {best['step']} (dev score {best['score']:.3f}): no later evaluation "
        f"scored higher (last: step {last['step']}, {last['score']:.3f}), so training kept an almost untrained "
        "model. A dev set this small cannot choose; add dev documents, or calibrate model-last with --checkpoint last "
        "(docs/training.md, 'A dev set that can choose')"
    )


def _dev_warning(path: Path) -> Optional[str]:
    from conflictnlp.corpus import CorpusError, read_records
    from conflictnlp.corpus.authoring import dev_size_warning

    try:
        return dev_size_warning(list(read_records(path)))
    except (CorpusError, OSError):
        return None  # the reader reports a bad or missing file when training starts


def _parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=ROOT / "training" / "hedging.cfg")
    parser.add_argument("--train", type=Path, default=ROOT / "corpus" / "train.jsonl")
    parser.add_argument("--dev", type=Path, default=ROOT / "corpus" / "dev.jsonl")
    parser.add_argument("--test", type=Path, default=ROOT / "corpus" / "test.jsonl")
    parser.add_argument("--output", type=Path, default=ROOT / "training" / "output" / "hedging")
    parser.add_argument("--weights", type=Path, default=None,
                        help="default: the shipped src/conflictnlp/hedging/weights when training on corpus/, "
                             "else <output>/weights")
    parser.add_argument("--metrics", type=Path, default=None,
                        help="default: training/hedging_metrics.json when training on corpus/, else <output>/metrics.json")
    parser.add_argument("--skip-train", action="store_true", help="reuse an existing model-last (or model-best)")
    parser.add_argument("--checkpoint", choices=("last", "best"), default="last",
                        help="the model to calibrate: model-last (default: the fixed number of steps of the config) "
                             "or spaCy's model-best (picked by the dev score, which the cue layer dominates)")
    args, rest = parser.parse_known_args(argv)
    shipped = all(getattr(args, name) == parser.get_default(name) for name in ("train", "dev", "test"))
    if args.weights is None:
        args.weights = ROOT / "src" / "conflictnlp" / "hedging" / "weights" if shipped else args.output / "weights"
    if args.metrics is None:
        args.metrics = ROOT / "training" / "hedging_metrics.json" if shipped else args.output / "metrics.json"
    return args, rest


def calibrate(component, dev) -> Dict[str, Any]:
    """The calibration ``(a, b, c, d)`` of the hedged score and P(hedged | cue grade), fitted on dev.

    The cued group (``c``, ``d``) is dev's sentences with a lexicon cue, scored as they are. The
    uncued group (``a``, ``b``: the trained layer alone) is dev's sentences without a cue plus
    every cued dev sentence once more with its cue features zeroed, as the trained layer sees it
    when the lexicon misses its cue. The lexicon catches nearly every hedge of dev, so its few
    real misses alone give the model's slope no support; the simulated misses do. Their weights
    add up to the number of real misses (at least one), so the share of hedges among uncued
    sentences stays near dev's own and the model alone stays rare: it hedges a sentence only
    when it is sure of one level (``model_raw``)."""
    from conflictnlp.hedging import fit_platt

    raw, gold, grades = _raw_scores(component, dev)
    has_cue = [g != "certain" for g in grades]
    alone, _, _ = _raw_scores(component, dev, without_cues=True)
    simulated = [(r, g) for r, g, h in zip(alone, gold, has_cue) if h]
    real_misses = sum(1 for g, h in zip(gold, has_cue) if g and not h)
    weight = max(1, real_misses) / max(1, sum(1 for _, g in simulated if g))
    calibration = fit_platt(
        raw + [r for r, _ in simulated],
        gold + [g for _, g in simulated],
        has_cue + [False] * len(simulated),
        per_group_slope=True,
        sample_weights=[1.0] * len(raw) + [weight] * len(simulated),
    )
    cue_only = {}
    for grade in ("certain", "probable", "possible", "unverified"):
        members = [g for g, c in zip(gold, grades) if c == grade]
        # add-one smoothing: a grade rare on dev still gets a probability, not 0 or 1
        cue_only[grade] = round((sum(members) + 1) / (len(members) + 2), 4)
    return {"calibration": calibration, "cue_only_scores": cue_only}


def measure(nlp, component, splits, warnings: List[str] = ()) -> Dict[str, Any]:
    """Scores of both layers and of the cue layer alone, and calibration errors, per split (and
    the ``warnings`` of the run, when there are any)."""
    import spacy

    from conflictnlp.hedging import expected_calibration_error, platt

    calibration = component.cfg["calibration"]
    metrics: Dict[str, Any] = {"calibration": calibration, "cue_only_scores": component.cfg["cue_only_scores"]}
    if warnings:
        metrics["warnings"] = list(warnings)
    rules = spacy.blank("en")
    rules.add_pipe("conflict_sentences")
    rules.add_pipe("conflict_hedging", config={"use_model": False})
    rules.get_pipe("conflict_hedging").cfg["cue_only_scores"] = component.cfg["cue_only_scores"]
    for name, examples in splits:
        raw, gold, grades = _raw_scores(component, examples)
        calibrated = [platt(p, calibration, g != "certain") for p, g in zip(raw, grades)]
        metrics[name] = {
            "sentences": len(gold),
            "hedged_share": round(sum(gold) / max(1, len(gold)), 4),
            "both_layers": _evaluate(nlp, examples),
            "cue_layer_only": _evaluate(rules, examples),
            "ece_raw": round(expected_calibration_error(raw, gold), 4),
            "ece_calibrated": round(expected_calibration_error(calibrated, gold), 4),
        }
    return metrics


def write_weights(component, weights: Path, trained_on: str) -> None:
    """``model`` (the thinc bytes) and ``cfg.json`` (calibration, cue-only scores), the layout
    of the shipped weights; the same model and corpus give the same bytes."""
    weights.mkdir(parents=True, exist_ok=True)
    (weights / "model").write_bytes(component.model.to_bytes())
    cfg = {key: component.cfg[key] for key in ("calibration", "cue_only_scores")}
    (weights / "cfg.json").write_text(json.dumps({**cfg, "trained_on": trained_on}, indent=2) + "\n", encoding="utf8")


def main(argv=None) -> int:
    args, rest = _parse_args(argv)

    import spacy
    from spacy.cli._util import parse_config_overrides
    from spacy.cli.train import train

    from conflictnlp import hedging  # noqa: F401  (registers factories without entry points)
    from conflictnlp import corpus, sentences  # noqa: F401

    overrides = parse_config_overrides(rest)  # e.g. --training.max_steps 200, as for spacy train
    warnings = [w for w in [_dev_warning(args.dev)] if w]
    if not args.skip_train:
        overrides.update({"paths.train": str(args.train), "paths.dev": str(args.dev)})
        overrides.update(_log_overrides(args.config, args.output, overrides))
        train(args.config, args.output, overrides=overrides)
    if args.checkpoint == "best":
        warnings += [w for w in [best_step_warning(args.output / LOG_NAME)] if w]
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    nlp = spacy.load(args.output / f"model-{args.checkpoint}")
    component = nlp.get_pipe("conflict_hedging")
    dev = _examples(nlp, args.dev)
    component.cfg.update(calibrate(component, dev))
    metrics = measure(nlp, component, (("dev", dev), ("test", _examples(nlp, args.test))), warnings)
    nlp.to_disk(args.output / "model-calibrated")
    write_weights(component, args.weights, args.train.name)
    args.metrics.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf8")
    json.dump(metrics, sys.stdout, indent=2)
    print()
    print(f"calibrated pipeline: {args.output / 'model-calibrated'}\nweights: {args.weights}\nmetrics: {args.metrics}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
