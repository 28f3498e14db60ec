"""Reproduce the conflict_hedging weights shipped in src/conflictnlp/hedging/weights/.

    python training/train_hedging.py            # from the repository root

1. trains ``training/hedging.cfg`` on corpus/train.jsonl (dev: corpus/dev.jsonl) with
   ``spacy train`` into training/output/hedging;
2. loads model-best, fits the calibration of the hedged score on dev (Platt scaling of
   the model's probability stacked with the cue layer's "has a cue"), and measures
   P(hedged | cue grade) on dev for the cue layer alone;
3. evaluates dev and test (hedged P/R/F1, four-way accuracy, cue F1, calibration error),
   for the cue layer alone and for both layers, and writes training/hedging_metrics.json;
4. saves the calibrated pipeline to <output>/model-calibrated (load it with
   ``conflictnlp.load(...)`` or ``conflictnlp evaluate --base ...``) and writes ``model`` and
   ``cfg.json`` to the weights directory.

On your own data (docs/training.md), pass ``--train``/``--dev``/``--test``: the weights and
metrics then go to <output>/weights and <output>/metrics.json, never over the shipped ones
(unless ``--weights``/``--metrics`` say so). Other options are spaCy config overrides, as
for ``spacy train``: ``--training.max_steps 200``, ``--system.seed 1``.

Needs conflictnlp importable (``pip install -e .`` or ``PYTHONPATH=src``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List

ROOT = Path(__file__).resolve().parent.parent


def _examples(nlp, path: Path) -> List[Any]:
    from conflictnlp.corpus import read_examples

    return list(read_examples(nlp, path))


def _raw_scores(component, examples):
    """Uncalibrated P(hedged), the gold hedged flag and the cue grade of each gold sentence."""
    from conflictnlp.cues import strongest_level
    from conflictnlp.hedging import SentenceBatch

    batch, truths = component._training_batch(examples)
    probs = component.model.ops.to_numpy(component.model.predict(batch)).tolist() if truths else []
    grades = []
    for doc, bounds in zip(batch.docs, batch.bounds):
        cues, _ = component.sentence_cues(doc, bounds)
        grades.extend(strongest_level(c.level for c in sent_cues) for sent_cues in cues)
    raw = [1.0 - p[0] for p in probs]
    gold = [t[0] == 0.0 for t in truths]
    return raw, gold, grades


def _evaluate(nlp, examples) -> Dict[str, Any]:
    from spacy.training import Example

    from conflictnlp.hedging import score_hedging

    predicted = [Example(nlp(eg.reference.text), eg.reference) for eg in examples]
    scores = score_hedging(predicted)
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in scores.items()}


def main(argv=None) -> int:
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
    parser.add_argument("--skip-train", action="store_true", help="reuse an existing model-best")
    args, rest = parser.parse_known_args(argv)

    import spacy
    from spacy.cli._util import parse_config_overrides
    from spacy.cli.train import train

    overrides = parse_config_overrides(rest)  # e.g. --training.max_steps 200, as for spacy train
    shipped = all(getattr(args, name) == parser.get_default(name) for name in ("train", "dev", "test"))
    if args.weights is None:
        args.weights = ROOT / "src" / "conflictnlp" / "hedging" / "weights" if shipped else args.output / "weights"
    if args.metrics is None:
        args.metrics = ROOT / "training" / "hedging_metrics.json" if shipped else args.output / "metrics.json"

    from conflictnlp import hedging  # noqa: F401  (registers factories without entry points)
    from conflictnlp import corpus, sentences  # noqa: F401
    from conflictnlp.hedging import expected_calibration_error, fit_platt, platt

    if not args.skip_train:
        overrides.update({"paths.train": str(args.train), "paths.dev": str(args.dev)})
        train(args.config, args.output, overrides=overrides)
    nlp = spacy.load(args.output / "model-best")
    component = nlp.get_pipe("conflict_hedging")

    dev = _examples(nlp, args.dev)
    test = _examples(nlp, args.test)
    raw_dev, gold_dev, grades_dev = _raw_scores(component, dev)
    has_cue_dev = [g != "certain" for g in grades_dev]
    calibration = fit_platt(raw_dev, gold_dev, has_cue_dev, per_group_slope=True)
    component.cfg["calibration"] = calibration
    cue_only = {}
    for grade in ("certain", "probable", "possible", "unverified"):
        members = [g for g, c in zip(gold_dev, grades_dev) if c == grade]
        # add-one smoothing: a grade rare on dev still gets a probability, not 0 or 1
        cue_only[grade] = round((sum(members) + 1) / (len(members) + 2), 4)
    component.cfg["cue_only_scores"] = cue_only

    metrics: Dict[str, Any] = {"calibration": calibration, "cue_only_scores": cue_only}
    rules = spacy.blank("en")
    rules.add_pipe("conflict_sentences")
    rules.add_pipe("conflict_hedging", config={"use_model": False})
    rules.get_pipe("conflict_hedging").cfg["cue_only_scores"] = cue_only
    for name, examples in (("dev", dev), ("test", test)):
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
    nlp.to_disk(args.output / "model-calibrated")
    args.weights.mkdir(parents=True, exist_ok=True)
    (args.weights / "model").write_bytes(component.model.to_bytes())
    (args.weights / "cfg.json").write_text(
        json.dumps({"calibration": calibration, "cue_only_scores": cue_only, "trained_on": str(args.train.name)}, indent=2) + "\n",
        encoding="utf8",
    )
    args.metrics.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf8")
    json.dump(metrics, sys.stdout, indent=2)
    print()
    print(f"calibrated pipeline: {args.output / 'model-calibrated'}\nweights: {args.weights}\nmetrics: {args.metrics}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
