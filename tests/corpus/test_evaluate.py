"""The evaluator's metrics on hand-made gold/pred pairs (no model needed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conflictnlp.corpus.evaluate import (
    PRF, align_sentences, format_scores, match_exact, match_overlap, overlap, score,
)

TEXT = "Rebels lost 40 fighters and 3 tanks, officials said. Talks may resume. It is unclear who fired."


def _count(start, end, **fields):
    base = {"value": None, "qualifier": "exact", "kind": "killed", "actor": None}
    base.update(fields)
    return dict(start=start, end=end, text=TEXT[start:end], **base)


def _span(start, end):
    return {"start": start, "end": end, "text": TEXT[start:end]}


def _attr(cue, source=None, content=None, source_type="official", anonymous=True):
    return {"cue": _span(*cue), "source": _span(*source) if source else None,
            "content": _span(*content) if content else None, "source_type": source_type, "anonymous": anonymous}


def _sent(start, end, certainty="certain", cues=()):
    return {"start": start, "end": end, "certainty": certainty,
            "cues": [dict(_span(s, e), type=t) for s, e, t in cues]}


GOLD = {
    "text": TEXT,
    "counts": [_count(12, 23, value=40, unit="fighter"), _count(28, 35, value=3, kind="equipment")],
    "attributions": [_attr((47, 51), (37, 46), (0, 35))],
    "sentences": [_sent(0, 52), _sent(53, 71, "possible", [(59, 62, "epistemic")]),
                  _sent(72, 96, "possible", [(78, 85, "unclear")])],
}
PRED = {
    "text": TEXT,
    # one exact hit with a wrong kind, one overlapping hit ("3 tanks," would be 28:36), one false positive
    "counts": [_count(12, 23, value=40, kind="casualties"), _count(28, 36, value=3, kind="equipment"), _count(0, 6, value=1)],
    "attributions": [_attr((47, 51), (37, 46), (0, 36), source_type="government", anonymous=True)],
    "sentences": [_sent(0, 52, "unverified", [(47, 51, "evidential")]), _sent(53, 71, "possible", [(59, 62, "epistemic")]),
                  _sent(72, 96)],
}

# (layer, figure, key, expected)
EXPECTED = [
    ("counts", "mentions_exact", "tp", 1),
    ("counts", "mentions_exact", "p", round(1 / 3, 4)),
    ("counts", "mentions_exact", "r", 0.5),
    ("counts", "mentions_overlap", "tp", 2),
    ("counts", "mentions_overlap", "f", 0.8),
    ("counts", "value", "acc", 1.0),
    ("counts", "kind", "acc", 0.5),
    ("counts", "qualifier", "correct", 2),
    ("attributions", "cue_exact", "f", 1.0),
    ("attributions", "source_exact", "f", 1.0),
    ("attributions", "content_exact", "f", 0.0),
    ("attributions", "content_overlap", "f", 1.0),
    ("attributions", "source_type", "acc", 0.0),
    ("attributions", "anonymous", "acc", 1.0),
    ("hedging", "hedged", "tp", 1),
    ("hedging", "hedged", "pred", 2),
    ("hedging", "hedged", "gold", 2),
    ("hedging", "hedged", "f", 0.5),
    ("hedging", "certainty", "acc", round(1 / 3, 4)),
    ("hedging", "cues_typed", "tp", 1),
    ("hedging", "cues_typed", "f", 0.5),
]


@pytest.mark.parametrize("layer,figure,key,expected", EXPECTED, ids=[f"{e[0]}-{e[1]}-{e[2]}" for e in EXPECTED])
def test_hand_made_pair(layer, figure, key, expected):
    assert score([(GOLD, PRED)])[layer][figure][key] == expected


def test_perfect_prediction_scores_one():
    result = score([(GOLD, GOLD)])
    for layer in ("counts", "attributions", "hedging"):
        for figure, d in result[layer].items():
            assert d.get("f", d.get("acc")) == 1.0, (layer, figure)


def test_absent_layers_are_none_not_zero():
    result = score([(GOLD, PRED)], layers=("counts",))
    assert result["attributions"] is None and result["hedging"] is None
    assert "absent: conflict_hedging is not in the pipeline" in format_scores(result)


def test_empty_prediction_scores_zero():
    empty = {"text": TEXT, "counts": [], "attributions": [], "sentences": []}
    result = score([(GOLD, empty)])
    assert result["counts"]["mentions_exact"] == {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "pred": 0, "gold": 2}
    # sentences missing from the prediction count as "certain"
    assert result["hedging"]["certainty"]["correct"] == 1


def test_micro_average_over_documents():
    result = score([(GOLD, PRED), (GOLD, GOLD)])
    assert result["documents"] == 2
    assert result["counts"]["mentions_exact"]["tp"] == 3


MATCHES = [
    ("exact one-to-one", match_exact, [(0, 5), (0, 5)], [(0, 5)], [(0, 0)]),
    ("overlap prefers largest", match_overlap, [(0, 10)], [(0, 2), (1, 9)], [(0, 1)]),
    ("overlap one-to-one", match_overlap, [(0, 6), (5, 12)], [(4, 11)], [(1, 0)]),
    ("touching is not overlap", match_overlap, [(0, 5)], [(5, 9)], []),
]


@pytest.mark.parametrize("name,fn,gold,pred,pairs", MATCHES, ids=[m[0] for m in MATCHES])
def test_matching(name, fn, gold, pred, pairs):
    assert fn(gold, pred) == pairs


def test_align_sentences():
    assert align_sentences([(0, 10), (11, 20), (30, 40)], [(0, 15), (15, 25)]) == [0, 1, None]


spans = st.tuples(st.integers(0, 50), st.integers(1, 20)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(spans, max_size=8), st.lists(spans, max_size=8))
def test_matching_properties(gold, pred):
    exact, loose = match_exact(gold, pred), match_overlap(gold, pred)
    for pairs in (exact, loose):
        assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
        assert all(overlap(gold[i], pred[j]) > 0 for i, j in pairs)
    assert len(exact) <= len(match_exact(gold, gold)) and len(loose) >= 0
    prf = PRF(len(loose), len(pred), len(gold))
    assert 0.0 <= prf.f <= 1.0


def test_cli_evaluate_table_and_json(tmp_path, capsys, monkeypatch):
    import io
    import json

    import spacy

    from conflictnlp import cli
    from conflictnlp.corpus.authoring import build_record

    record = build_record({"id": "ev-1", "paragraphs": [[{"s": "Twelve tanks were destroyed."}]]})
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf8")

    def blank_pipeline(base):  # a pipeline with none of the scored components
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return nlp

    monkeypatch.setattr(cli, "load_pipeline", blank_pipeline)
    out = io.StringIO()
    assert cli.main(["evaluate", str(path)], stdout=out) == 0
    assert "1 documents" in out.getvalue() and "(absent: conflict_counts is not in the pipeline)" in out.getvalue()
    out = io.StringIO()
    assert cli.main(["evaluate", "--json", str(path)], stdout=out) == 0
    assert json.loads(out.getvalue()) == {"documents": 1, "counts": None, "attributions": None, "hedging": None}
    assert cli.main(["evaluate", str(tmp_path / "none.jsonl")], stdout=io.StringIO()) == 1
    assert "none.jsonl: no such file" in capsys.readouterr().err


def test_layers_of_finds_components_under_any_name(nlp):
    import spacy

    from conflictnlp.corpus.evaluate import layers_of

    assert nlp.pipe_names  # conflictnlp.load() registered the factories
    renamed = spacy.blank("en")
    renamed.add_pipe("conflict_counts", name="my_counts")
    renamed.add_pipe("conflict_attribution")
    assert layers_of(renamed) == ["counts", "attributions"]
