"""docs/training.md, "From Label Studio to a trained pipeline", as a test: 201 invented annotated
sentences exported from Label Studio (examples/walkthrough/labelstudio_export.json) -> `corpus
import` -> `corpus build` (train/dev/test) -> `python -m spacy train` with a shipped config and
command-line overrides -> `conflictnlp.load(...)` with the trained component (as the base, and
swapped into the shipped pipeline with `use_trained`) -> `conflictnlp evaluate`.

One run per trainable component (TRAINABLE). Training is short (a fixed number of steps), so the
figures are checked for shape and sanity, not for accuracy.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import conflictnlp
from conflictnlp.cli import main
from conflictnlp.corpus import read_records
from conflictnlp.pipeline import DEFAULT_COMPONENTS, use_trained

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "training"
EXPORT = ROOT / "examples" / "walkthrough" / "labelstudio_export.json"
STEPS = ["--training.max_steps", "100", "--training.eval_frequency", "50"]


def _config(name: str):
    return pytest.mark.skipif(not (TRAINING / name).exists(), reason=f"training/{name} is not in this checkout yet")


# The trainable components: (component, its config in training/, its layer in the scores).
# Counts and attributions plug in here (issue 17): each runs once its config lands in training/;
# the steps below are the same for every component.
TRAINABLE = [
    pytest.param("conflict_hedging", "hedging.cfg", "hedging", id="hedging"),
    pytest.param("conflict_counts", "counts.cfg", "counts", id="counts", marks=_config("counts.cfg")),
    pytest.param("conflict_attribution", "attribution.cfg", "attributions", id="attribution", marks=_config("attribution.cfg")),
]

needs_install = pytest.mark.skipif(
    not any(ep.name == "conflictnlp.Corpus.v1" for ep in entry_points(group="spacy_readers")),
    reason="conflictnlp is not installed (pip install .): `python -m spacy train` finds our reader through its entry points")


def _cli(*argv) -> str:
    """A `conflictnlp` command, as in the docs; its stdout."""
    out = io.StringIO()
    assert main([str(a) for a in argv], stdout=out) == 0, argv
    return out.getvalue()


def _run(*argv) -> None:
    """A Python command from the repository root (`python -m spacy train ...`), offline."""
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    result = subprocess.run([sys.executable, *map(str, argv)], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{argv}:\n{result.stderr[-3000:]}\n{result.stdout[-2000:]}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Steps 1-2: import the Label Studio export, then split it by document."""
    folder = tmp_path_factory.mktemp("walkthrough")
    imported = folder / "all.jsonl"
    assert _cli("corpus", "import", "--from", "labelstudio", EXPORT, "--out", imported) == f"49 documents written to {imported}\n"
    assert _cli("corpus", "validate", imported).startswith("49 documents, 201 sentences, ")  # every field filled in
    built = folder / "corpus"
    assert main(["corpus", "build", str(imported), "--out", str(built)], stdout=io.StringIO()) == 0
    sizes = {split: len(list(read_records(built / f"{split}.jsonl"))) for split in ("train", "dev", "test")}
    assert sizes == {"train": 39, "dev": 5, "test": 5}
    return built


def _train(config: str, corpus: Path, output: Path) -> Path:
    """Step 3: `spacy train` with the shipped config, our data and a short run; for hedging, the
    calibration of docs/training.md (its uncalibrated model-last overrules the cue rules)."""
    _run("-m", "spacy", "train", TRAINING / config, "--output", output,
         "--paths.train", corpus / "train.jsonl", "--paths.dev", corpus / "dev.jsonl", *STEPS)
    if config != "hedging.cfg":
        return output / "model-last"
    _run(TRAINING / "train_hedging.py", "--skip-train", "--output", output, "--train", corpus / "train.jsonl",
         "--dev", corpus / "dev.jsonl", "--test", corpus / "test.jsonl")
    return output / "model-calibrated"


def _check_scores(scores: dict, layer: str, test: Path) -> None:
    """Step 5's figures: every layer scored, each a share between 0 and 1, over the test files' gold."""
    records = list(read_records(test))
    assert scores["documents"] == len(records) == 5
    assert set(scores) >= {"counts", "attributions", "hedging"} and all(scores[k] for k in ("counts", "attributions", "hedging"))
    for name, figure in (scores[layer] or {}).items():
        for key in ("p", "r", "f", "acc"):
            if key in figure:
                assert 0.0 <= figure[key] <= 1.0, (name, figure)
    assert scores["hedging"]["certainty"]["total"] == sum(len(r["sentences"]) for r in records) == 20
    assert scores["counts"]["mentions_exact"]["gold"] == sum(len(r["counts"]) for r in records)
    assert scores["attributions"]["cue_exact"]["gold"] == sum(len(r["attributions"]) for r in records)
    # sanity: the rules and the trained layer find most of the test set's hedges and attributions
    assert scores["hedging"]["hedged"]["f"] >= 0.5 and scores["hedging"]["certainty"]["acc"] >= 0.7
    assert scores["attributions"]["cue_overlap"]["f"] >= 0.5


@needs_install
@pytest.mark.parametrize("component, config, layer", TRAINABLE)
def test_from_label_studio_to_a_trained_pipeline(component, config, layer, corpus, tmp_path):
    trained = _train(config, corpus, tmp_path / "output")
    # 4a. the trained pipeline as the base: its component, and the shipped ones it lacks
    nlp = conflictnlp.load(str(trained))
    assert component in nlp.pipe_names and set(DEFAULT_COMPONENTS) <= set(nlp.pipe_names)
    # 4b. the trained component swapped into the shipped pipeline, at the same place
    shipped = conflictnlp.load()
    swapped = use_trained(conflictnlp.load(), trained, [component])
    assert swapped.pipe_names == shipped.pipe_names
    assert swapped.get_pipe(component).model.to_bytes() == nlp.get_pipe(component).model.to_bytes()
    # 5. evaluate on the test split, as `conflictnlp evaluate --json --base PIPELINE` prints it
    scores = json.loads(_cli("evaluate", "--json", "--base", trained, corpus / "test.jsonl"))
    _check_scores(scores, layer, corpus / "test.jsonl")
    record = conflictnlp.to_dict(swapped("Patrols crossed the river at dawn. The bridge may have been mined."))
    assert [s["certainty"] for s in record["sentences"]] == ["certain", "possible"]


def test_use_trained_names_a_component_missing_from_either_pipeline():
    from conflictnlp.pipeline import PipelineError

    nlp = conflictnlp.load(components=["conflict_counts"])
    with pytest.raises(PipelineError, match="'conflict_hedging' must be in both pipelines"):
        use_trained(nlp, conflictnlp.load(), ["conflict_hedging"])
