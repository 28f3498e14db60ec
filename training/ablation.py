"""Cue ablation of conflict_hedging: does the trained layer catch hedges the lexicon misses?

    python training/ablation.py                  # shipped weights, corpus/dev.jsonl
    python training/ablation.py --weights training/output/hedging/weights --data corpus/test.jsonl

For each ablation group (each cue type, then three random thirds of the cue entries,
seed 0) the group's entries are removed from the bundled lexicon, and on the data set we
count:

- ``missed_by_lexicon``: gold-hedged sentences that the full lexicon gives a cue but the
  ablated one does not (the "unseen hedges" of this group: the cue layer alone now calls
  them certain);
- ``caught``: how many of those the combined system (ablated lexicon + trained layer)
  still calls hedged, and ``caught_level``: how many get the gold level;
- ``fp_certain``: gold-certain sentences called hedged by the combined system with the
  ablated lexicon (with the full lexicon: ``fp_certain_full``), out of ``certain``;
- ``hedged_p``/``hedged_r``/``acc``: the scorer's numbers with the ablated lexicon.

The weights stay those trained with the full lexicon: the model has seen the removed words
in the training text, labelled by the sentence's certainty, but (thanks to cue-feature
dropout, see docs/hedging.md) must judge them from the words alone. ``--retrain`` trains one
model per random third with that third removed from the lexicon as well (slower: about a
minute per third), which is the same situation as a user whose lexicon lacks the entries.
Writes JSON to stdout (and to ``--out`` when given).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent


def ablation_groups(entries: Sequence[Dict[str, Any]], seed: int = 0, folds: int = 3) -> Dict[str, List[int]]:
    """Indices of the entries removed by each group: ``type:<t>`` and ``third:<k>``."""
    groups: Dict[str, List[int]] = {}
    for i, entry in enumerate(entries):
        groups.setdefault(f"type:{entry['type']}", []).append(i)
    order = list(range(len(entries)))
    random.Random(seed).shuffle(order)
    for k in range(folds):
        groups[f"third:{k}"] = sorted(order[k::folds])
    return groups


def _pipeline(cues_path: Optional[Path], use_model: bool, weights: str):
    import spacy

    from conflictnlp import hedging, sentences  # noqa: F401  (factories without entry points)

    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    config: Dict[str, Any] = {"use_model": use_model, "weights": weights}
    if cues_path is not None:
        config["cues"] = str(cues_path)
    nlp.add_pipe("conflict_hedging", config=config)
    return nlp


def _levels(nlp, examples) -> List[tuple]:
    """(gold, predicted) certainty per gold sentence."""
    from spacy.training import Example

    from conflictnlp.hedging import sentence_pairs

    pairs: List[tuple] = []
    for eg in examples:
        pairs.extend(sentence_pairs(Example(nlp(eg.reference.text), eg.reference)))
    return [(gold, guess or "certain") for gold, guess in pairs]


def _scores(pairs) -> Dict[str, float]:
    tp = sum(1 for g, p in pairs if g != "certain" and p != "certain")
    fp = sum(1 for g, p in pairs if g == "certain" and p != "certain")
    fn = sum(1 for g, p in pairs if g != "certain" and p == "certain")
    return {
        "hedged_p": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "hedged_r": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "acc": round(sum(1 for g, p in pairs if g == p) / len(pairs), 4) if pairs else 0.0,
    }


def ablate(
    examples,
    entries: Sequence[Dict[str, Any]],
    removed: Sequence[int],
    weights: str,
    full_rules: List[tuple],
    full_combined: List[tuple],
    workdir: Path,
) -> Dict[str, Any]:
    """The counts of the module docstring for one group of removed entries."""
    from conflictnlp.hedging import write_rules

    gone = set(removed)
    path = workdir / "ablated_cues.jsonl"
    write_rules(path, [e for i, e in enumerate(entries) if i not in gone], "ablated hedge cues")
    rules = _levels(_pipeline(path, False, weights), examples)
    combined = _levels(_pipeline(path, True, weights), examples)
    missed = [i for i, ((gold, full), (_, abl)) in enumerate(zip(full_rules, rules))
              if gold != "certain" and full != "certain" and abl == "certain"]
    certain = [i for i, (gold, _) in enumerate(rules) if gold == "certain"]
    return {
        "entries_removed": len(gone),
        "missed_by_lexicon": len(missed),
        "caught": sum(1 for i in missed if combined[i][1] != "certain"),
        "caught_level": sum(1 for i in missed if combined[i][1] == combined[i][0]),
        "certain": len(certain),
        "fp_certain": sum(1 for i in certain if combined[i][1] != "certain"),
        "fp_certain_full": sum(1 for i in certain if full_combined[i][1] != "certain"),
        **_scores(combined),
    }


def _retrain(entries, removed, workdir: Path, name: str) -> str:
    """Train a model with the group removed from the lexicon; returns its weights directory."""
    from conflictnlp.hedging import write_rules

    sys.path.insert(0, str(ROOT / "training"))
    import train_hedging

    gone = set(removed)
    path = workdir / f"{name}_cues.jsonl"
    write_rules(path, [e for i, e in enumerate(entries) if i not in gone], "ablated hedge cues")
    out = workdir / name
    train_hedging.main([
        "--output", str(out), "--weights", str(out / "weights"), "--metrics", str(out / "metrics.json"),
        "--components.conflict_hedging.cues", str(path),
    ])
    return str(out / "weights")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "corpus" / "dev.jsonl")
    parser.add_argument("--weights", default="bundled", help="'bundled' or a directory with model + cfg.json")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--retrain", action="store_true", help="also retrain one model per random third")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)

    import spacy

    from conflictnlp.corpus import read_examples
    from conflictnlp.cues import CUE_FIELDS
    from conflictnlp.lexicons import bundled_jsonl

    entries = bundled_jsonl("hedging", "cues.jsonl", CUE_FIELDS)
    examples = list(read_examples(spacy.blank("en"), args.data))
    full_rules = _levels(_pipeline(None, False, args.weights), examples)
    full_combined = _levels(_pipeline(None, True, args.weights), examples)
    results: Dict[str, Any] = {
        "data": args.data.name,
        "weights": args.weights,
        "full_lexicon": {"cue_layer_only": _scores(full_rules), "both_layers": _scores(full_combined)},
        "groups": {},
    }
    groups = ablation_groups(entries, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for name, removed in groups.items():
            results["groups"][name] = ablate(examples, entries, removed, args.weights, full_rules, full_combined, workdir)
        if args.retrain:
            results["retrained"] = {}
            for name, removed in groups.items():
                if name.startswith("third:"):
                    weights = _retrain(entries, removed, workdir, name.replace(":", "_"))
                    retrained_full = _levels(_pipeline(None, True, weights), examples)
                    results["retrained"][name] = ablate(examples, entries, removed, weights, full_rules, retrained_full, workdir)
    for key in ("groups", "retrained"):
        rows = results.get(key, {})
        if rows:
            missed = sum(r["missed_by_lexicon"] for k, r in rows.items() if k.startswith("third:"))
            caught = sum(r["caught"] for k, r in rows.items() if k.startswith("third:"))
            results[f"{key}_thirds_total"] = {"missed_by_lexicon": missed, "caught": caught,
                                             "recall": round(caught / missed, 4) if missed else 0.0}
    text = json.dumps(results, indent=2)
    print(text)
    if args.out is not None:
        args.out.write_text(text + "\n", encoding="utf8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
