"""bench/make_archive.py: the generated archive (deterministic, dated, a dozen outlets, figures that travel)."""

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def maker():
    spec = importlib.util.spec_from_file_location("conflictnlp_make_archive", ROOT / "bench" / "make_archive.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_same_seed_gives_the_same_bytes(maker, tmp_path):
    for name in ("a", "b"):
        assert maker.main(["--documents", "300", "--out", str(tmp_path / f"{name}.jsonl.gz")]) == 0
    assert (tmp_path / "a.jsonl.gz").read_bytes() == (tmp_path / "b.jsonl.gz").read_bytes()
    maker.main(["--documents", "300", "--seed", "8", "--out", str(tmp_path / "c.jsonl.gz")])
    assert (tmp_path / "c.jsonl.gz").read_bytes() != (tmp_path / "a.jsonl.gz").read_bytes()


def test_documents_have_ids_dates_outlets_urls_and_our_texts(maker, tmp_path):
    maker.main(["--documents", "300", "--out", str(tmp_path / "a.jsonl.gz")])
    docs = [json.loads(line) for line in gzip.open(tmp_path / "a.jsonl.gz", "rt", encoding="utf8")]
    assert len(docs) == 300 and len({d["id"] for d in docs}) == 300
    assert [d["date"] for d in docs] == sorted(d["date"] for d in docs)
    assert all(d["date"].startswith("2024-") and d["url"].endswith("/" + d["id"]) for d in docs)
    assert {d["outlet"] for d in docs} == set(maker.OUTLETS) and len(maker.OUTLETS) == 12
    texts = set(maker.corpus_texts())
    assert all(d["text"] in texts or d["text"].split("\n\n", 1)[1] in texts for d in docs)


def test_figures_travel_between_outlets(maker):
    import random

    reports = maker.episode(random.Random(1), maker.STORIES[0], 11000, 100)
    first_day, first_outlet, first = reports[0]
    assert first.endswith("a figure that could not be independently verified.") and "11,000 North Korean troops" in first
    citing = [text for _, _, text in reports[1:]]
    assert sum(f"the {first_outlet} reported on" in t and "citing" in t for t in citing) == 4  # citing the origin
    assert all(day > first_day for day, _, _ in reports[1:])
    assert len({outlet for _, outlet, _ in reports}) == 9


def test_parquet_archives_hold_the_same_documents(maker, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    maker.main(["--documents", "300", "--out", str(tmp_path / "a.jsonl.gz")])
    maker.main(["--documents", "300", "--parquet", "--out", str(tmp_path / "a.parquet")])
    docs = [json.loads(line) for line in gzip.open(tmp_path / "a.jsonl.gz", "rt", encoding="utf8")]
    assert pq.read_table(str(tmp_path / "a.parquet")).to_pylist() == docs


@pytest.mark.parametrize("text, kept", [
    ("Pyongyang's envoy said that 11,000 North Korean soldiers had crossed into the province.", False),
    ("A defector said North Korea had moved 12000 men to the front by March.", False),
    ("Our analysts believe some 1,800 Russian paratroopers died at the dam.", False),
    ("The ministry said 150 Russian armoured vehicles were lost near the ridge.", False),
    ("Hezbollah admitted losing 1,400 fighters, its media office said.", False),
    ("Monitors counted 111,000 North Korean shells fired across the river.", True),   # not 11,000
    ("The harbour held 11,000.5 tonnes of grain, a Korean shipper said.", True),       # no subject
    ("About 11,000 Sudanese troops were deployed to the border, the army said.", True),  # other subject
    ("Belarus said 7,000 reservists were called up.", True),                           # not a story figure
])
def test_corpus_texts_that_give_a_story_figure_for_its_subject_are_not_drawn(maker, text, kept):
    assert maker.story_free_texts(["An unrelated opening line.", text]) == (
        ["An unrelated opening line.", text] if kept else ["An unrelated opening line."])


def test_no_drawn_text_gives_a_story_figure_for_its_subject(maker, tmp_path):
    maker.main(["--documents", "600", "--out", str(tmp_path / "a.jsonl.gz")])
    docs = [json.loads(line) for line in gzip.open(tmp_path / "a.jsonl.gz", "rt", encoding="utf8")]
    texts = set(maker.corpus_texts())
    bodies = [d["text"] if d["text"] in texts else d["text"].split("\n\n", 1)[1] for d in docs]
    free = set(maker.story_free_texts(maker.corpus_texts()))
    assert len(free) < len(texts)  # our corpus has such texts, so the test can fail
    assert all(body in free for body in bodies)
