"""conflict_hedging's trained layer (hedging/model.py): what the shipped model catches, training,
and the distinct-row prediction path."""

from __future__ import annotations

import json
import random

import pytest
import spacy

from conflictnlp import hedging, sentences  # noqa: F401  (registers the factories)
from conflictnlp.cues import Cue, cue_features
from conflictnlp.hedging import drop_cue_features

from hedging_fixtures import shipped_nlp, TRAIN, _examples  # noqa: F401  (pytest fixtures)


# Unseen hedges: the hedging word is removed from a user-supplied lexicon (every bundled
# entry mentioning it is dropped), so the cue layer finds nothing; the shipped model must
# still flag the sentence, with the level it predicts, and report one cue of type "model" over
# the sentence, with its score. Certain sentences stay certain. (sentence, removed word, expected certainty)
UNSEEN_HEDGES = [
    ("The brigade is likely to withdraw from the town.", "likely", "probable"),
    ("Officials are expected to announce a ceasefire.", "expected", "probable"),
    ("Around 300 fighters are believed to have died.", "believed", "probable"),
    ("The strike reportedly killed 12 civilians.", "reportedly", "unverified"),
    ("It remains unclear who fired the missile.", "unclear", "possible"),
    ("The army may have lost 40 tanks.", "may", "possible"),
    ("Troops shelled the village on Monday.", "may", "certain"),
    ("The general said 2,000 soldiers were deployed.", "likely", "certain"),
    ("Rebels captured the airport on Sunday, residents said.", "reportedly", "certain"),
]


def _lexicon_without(word: str, path) -> str:
    from conflictnlp.cues import CUE_FIELDS
    from conflictnlp.lexicons import bundled_jsonl

    entries = [e for e in bundled_jsonl("hedging", "cues.jsonl", CUE_FIELDS) if word not in json.dumps(e).lower()]
    path.write_text("\n".join(json.dumps(e) for e in entries) + "\n", encoding="utf8")
    return str(path)


@pytest.mark.parametrize("text,word,certainty", UNSEEN_HEDGES)
def test_shipped_model_catches_hedges_the_lexicon_misses(tmp_path, text, word, certainty):
    cues = _lexicon_without(word, tmp_path / "cues.jsonl")
    rules = spacy.blank("en")
    rules.add_pipe("conflict_sentences")
    rules.add_pipe("conflict_hedging", config={"use_model": False, "cues": cues})
    assert rules(text)[:]._.conflict_certainty == "certain"  # the ablated lexicon sees no hedge
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_hedging", config={"cues": cues})
    sent = nlp(text)[:]
    model_cues = [] if certainty == "certain" else [
        {"start": 0, "end": len(text), "text": text, "type": "model", "score": round(sent._.conflict_hedge_score, 4)}
    ]
    assert (sent._.conflict_certainty, sent._.conflict_hedge_cues) == (certainty, model_cues)
    assert (sent._.conflict_hedge_score >= 0.5) == (certainty != "certain")


def test_drop_cue_features_zeroes_cue_features_but_keeps_the_pseudo_cue_reproducibly():
    row = cue_features([Cue(0, 1, "epistemic", "possible")], has_pseudo=True)
    dropped = cue_features([], has_pseudo=True)  # only the pseudo-cue feature is left
    batch = hedging.SentenceBatch([], [], [row] * 400)
    assert drop_cue_features(batch, 0.0, random.Random(0)) is batch
    first = drop_cue_features(batch, 0.5, random.Random(0)).features
    assert first == drop_cue_features(batch, 0.5, random.Random(0)).features
    assert all(r in (row, dropped) for r in first)
    assert 150 < sum(r == dropped for r in first) < 250


def test_overfit_tiny_set_then_reload(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_hedging", config={"weights": None})
    examples = _examples(nlp)
    optimizer = nlp.initialize(lambda: examples)
    first = nlp.update(examples, sgd=optimizer)["conflict_hedging"]
    for _ in range(60):
        losses = nlp.update(examples, sgd=optimizer)
    assert losses["conflict_hedging"] < first / 5
    text = examples[0].reference.text
    doc = nlp(text)
    assert [s._.conflict_certainty for s in doc.sents] == [c for _, c, _ in TRAIN]
    scores = nlp.evaluate(examples)
    assert scores["hedging_acc"] == 1.0 and scores["hedging_hedged_f"] == 1.0 and scores["hedging_cue_f"] == 1.0

    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "conflict_hedging" / "model").exists()
    assert (tmp_path / "pipeline" / "conflict_hedging" / "cues.jsonl").exists()
    reloaded = spacy.load(tmp_path / "pipeline")
    doc2 = reloaded(text)
    assert [s._.conflict_certainty for s in doc2.sents] == [c for _, c, _ in TRAIN]
    assert [s._.conflict_hedge_score for s in doc2.sents] == [s._.conflict_hedge_score for s in doc.sents]

    other = spacy.blank("en")
    other.add_pipe("conflict_sentences")
    other.add_pipe("conflict_hedging", config={"weights": None})
    other.from_bytes(nlp.to_bytes())
    assert [s._.conflict_hedge_score for s in other(text).sents] == [s._.conflict_hedge_score for s in doc.sents]


def test_initialize_with_examples_trains_from_scratch():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    component = nlp.add_pipe("conflict_hedging")  # would load the shipped weights on first use
    examples = _examples(nlp)
    nlp.initialize(lambda: examples)
    assert component._pending_weights is None
    # a fresh softmax starts uniform: a sentence with a cue scores 1 - P(certain) = 0.75, one
    # without scores its most probable hedged level, 0.25 (decision.model_raw)
    scores = [s._.conflict_hedge_score for s in nlp(examples[0].reference.text).sents]
    assert scores == [0.75 if cues else 0.25 for _, _, cues in TRAIN]


# -- prediction computes each distinct token's vector once -------------------------------


def _distinct_texts():
    return [
        "Russia has amassed some 50,000 troops, a US official told CNN.",
        "",
        "   ",
        "An assault is expected in the coming days. An assault is expected.",
        "Пять тысяч солдат. 五万人の兵士. troops troops TROOPS Troops",
    ]


def _split(every, lengths):
    out, start = [], 0
    for length in lengths:
        out.append(every[start : start + length])
        start += length
    return out


def test_distinct_rows_give_the_vectors_of_the_plain_call(shipped_nlp):
    from conflictnlp.hedging import _context_free, _distinct_vectors

    hedger = shipped_nlp.get_pipe("conflict_hedging")
    shipped_nlp("warm up: loads the shipped weights")
    tok2vec = hedger.model.get_ref("tok2vec")
    assert _context_free(tok2vec)
    docs = [shipped_nlp.make_doc(text) for text in _distinct_texts()]
    plain = tok2vec.predict(docs)
    every, lengths = _distinct_vectors(tok2vec, docs)
    assert lengths == [len(doc) for doc in docs]
    fast = _split(every, lengths)
    assert len(plain) == len(fast) == len(docs)
    for a, b in zip(plain, fast):
        assert a.shape == b.shape
        assert (a == b).all()
    every, lengths = _distinct_vectors(tok2vec, [])
    assert lengths == [] and every.shape[0] == 0


def test_distinct_rows_survive_key_collisions(shipped_nlp, monkeypatch):
    # Force every row onto one key: the exact row-wise unique must take over.
    import numpy

    from conflictnlp import hedging as module

    hedger = shipped_nlp.get_pipe("conflict_hedging")
    shipped_nlp("warm up")
    tok2vec = hedger.model.get_ref("tok2vec")
    docs = [shipped_nlp.make_doc(text) for text in _distinct_texts()]
    real_unique = numpy.unique

    def colliding_unique(values, *args, **kwargs):
        if values.ndim == 1 and kwargs.get("return_index"):
            values = numpy.zeros_like(values)
        return real_unique(values, *args, **kwargs)

    monkeypatch.setattr(numpy, "unique", colliding_unique)
    fast = _split(*module._distinct_vectors(tok2vec, docs))
    monkeypatch.undo()
    for a, b in zip(tok2vec.predict(docs), fast):
        assert (a == b).all()


def test_context_window_tok2vec_takes_the_plain_path():
    from thinc.api import Config

    from conflictnlp.hedging import _context_free

    config = Config().from_str(
        """
        [model]
        @architectures = "spacy.Tok2Vec.v2"
        [model.embed]
        @architectures = "spacy.MultiHashEmbed.v2"
        width = 32
        attrs = ["NORM"]
        rows = [500]
        include_static_vectors = false
        [model.encode]
        @architectures = "spacy.MaxoutWindowEncoder.v2"
        width = 32
        depth = 1
        window_size = 1
        maxout_pieces = 2
        """
    )
    tok2vec = spacy.util.registry.resolve(config)["model"]
    assert not _context_free(tok2vec)
