"""The benchmark script's own logic (not its timings: speed is measured by bench/, never by tests)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import spacy

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("conflictnlp_benchmark", ROOT / "bench" / "benchmark.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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
