"""The trained layer of ``conflict_hedging``: the registered architecture
``conflictnlp.HedgeClassifier.v1`` and its forward pass, its training batches and loss.

A sentence classifier over the sentence's tokens *and* the cue layer's features: mean- and
max-pooled token vectors of each sentence, joined with one row of cue features (see
:data:`conflictnlp.hedging.cues.FEATURE_NAMES`), through a softmax over the certainty levels
(``schema.CERTAINTY_LEVELS`` order). ``tok2vec`` is any sublayer mapping Docs to token vectors.
"""

from __future__ import annotations

import random
from typing import Callable, Iterable, List, NamedTuple, Optional, Sequence, Tuple

from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry
from thinc.api import Config, Model, Softmax_v2
from thinc.types import Floats2d

from .. import extensions  # noqa: F401  (registers Span._.conflict_certainty, read from the gold Docs)
from ..schema import CERTAINTY_LEVELS
from .cues import FEATURE_NAMES, LEVEL_RANK, N_FEATURES

DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "conflictnlp.HedgeClassifier.v1"

[model.tok2vec]
@architectures = "spacy.MultiHashEmbed.v2"
width = 32
attrs = ["NORM", "PREFIX", "SUFFIX"]
rows = [2000, 500, 1000]
include_static_vectors = false
"""
DEFAULT_MODEL = Config().from_str(DEFAULT_MODEL_CONFIG)["model"]


class SentenceBatch(NamedTuple):
    """Input of the trained layer: Docs, each Doc's sentences as token ranges, and one row
    of cue-layer features per sentence (all Docs' sentences in order)."""

    docs: List[Doc]
    bounds: List[List[Tuple[int, int]]]
    features: List[List[float]]


@registry.architectures("conflictnlp.HedgeClassifier.v1")
def build_hedge_classifier(
    tok2vec: Model[List[Doc], List[Floats2d]],
    n_features: int = N_FEATURES,
    nO: int = len(CERTAINTY_LEVELS),
) -> Model[SentenceBatch, Floats2d]:
    """Sentence classifier: mean- and max-pooled token vectors of each sentence, joined with
    the cue features, through a softmax over the certainty levels (CERTAINTY_LEVELS order).

    ``tok2vec`` is any layer mapping Docs to token vectors: the default hash-embed CNN, a
    ``spacy.Tok2VecListener.v1`` or a ``spacy-transformers.TransformerListener.v1``.
    """
    output = Softmax_v2(nO=nO)
    return Model(
        "hedge_classifier",
        _classifier_forward,
        init=_classifier_init,
        layers=[tok2vec, output],
        refs={"tok2vec": tok2vec, "output": output},
        dims={"nO": nO, "n_features": n_features, "width": None},
    )


def _classifier_init(model: Model, X: Optional[SentenceBatch] = None, Y: Optional[Floats2d] = None) -> None:
    tok2vec = model.get_ref("tok2vec")
    tok2vec.initialize(X=X.docs if X is not None else None)
    if tok2vec.has_dim("nO") and tok2vec.get_dim("nO"):
        width = tok2vec.get_dim("nO")
    elif X is not None and X.docs:
        width = tok2vec.predict(X.docs[:1])[0].shape[1]
    else:
        raise ValueError("conflict_hedging: cannot tell the tok2vec width; initialize the model with examples")
    model.set_dim("width", width)
    output = model.get_ref("output")
    output.set_dim("nI", 2 * width + model.get_dim("n_features"))
    output.initialize()


# Leaf layers whose output row for a token depends on that token's features alone.
_ROW_WISE_LEAVES = frozenset({"ints-getitem", "hashembed", "maxout", "layernorm", "dropout", "list2ragged", "ragged2list"})


def _context_free(tok2vec: Model) -> bool:
    """Is ``tok2vec`` a feature extractor followed by layers that map each token's feature
    row to its vector on its own (e.g. ``spacy.MultiHashEmbed.v2``, our default)? Then
    equal feature rows give equal vectors and :func:`_distinct_vectors` may compute each
    once. Any other layer (a window encoder, a listener, a transformer) answers no."""
    layers = tok2vec.layers
    return bool(
        layers
        and layers[0].name == "extract_features"
        and all(leaf.name in _ROW_WISE_LEAVES for layer in layers[1:] for leaf in layer.walk() if not leaf.layers)
    )


def _distinct_vectors(tok2vec: Model, docs: List[Doc]) -> Tuple[Floats2d, List[int]]:
    """``tok2vec.predict(docs)`` for a context-free ``tok2vec``, concatenated into one
    array, and each Doc's number of tokens. The vector of each distinct feature row is
    computed once (news text repeats most of its words: about a sixth of the tokens of a
    batch are distinct); the vectors are those of the plain call."""
    ops = tok2vec.ops
    features = tok2vec.layers[0].predict(docs)
    lengths = [f.shape[0] for f in features]
    if not sum(lengths):
        return ops.alloc2f(0, tok2vec.get_dim("nO")), lengths
    stacked = ops.xp.ascontiguousarray(ops.xp.vstack(features))
    xp = ops.xp
    # One 64-bit key per row (a multiplicative mix of its columns), whose 1-d unique is
    # fast; a collision would merge two rows, so it is checked, and the slow exact
    # row-wise unique runs instead in that (astronomically rare) case.
    key = stacked[:, 0].copy()
    for column in range(1, stacked.shape[1]):
        key *= xp.uint64(0x9E3779B97F4A7C15)
        key ^= stacked[:, column]
    _, first, inverse = xp.unique(key, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    distinct = stacked[first]
    if not bool((distinct[inverse] == stacked).all()):
        distinct, inverse = xp.unique(stacked, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
    vectors = [ops.asarray2i(distinct, dtype="uint64")]
    for layer in tok2vec.layers[1:]:
        vectors = layer.predict(vectors)
    return vectors[0][inverse], lengths


def _covers_every_token(bounds: Sequence[Sequence[Tuple[int, int]]], sizes: Sequence[int]) -> bool:
    """Do the sentences of each Doc follow each other from its first token to its last?"""
    for doc_bounds, size in zip(bounds, sizes):
        position = 0
        for start, end in doc_bounds:
            if start != position:
                return False
            position = end
        if position != size:
            return False
    return True


def _sentence_rows(sizes: Sequence[int], bounds: Sequence[Sequence[Tuple[int, int]]]) -> List[int]:
    """Rows of the Docs' concatenated token vectors (``sizes`` tokens each) that the
    sentences ``bounds`` cover, sentence after sentence."""
    rows: List[int] = []
    offset = 0
    for size, doc_bounds in zip(sizes, bounds):
        for start, end in doc_bounds:
            rows.extend(range(offset + start, offset + end))
        offset += size
    return rows


def _classifier_forward(model: Model, batch: SentenceBatch, is_train: bool) -> Tuple[Floats2d, Callable]:
    ops = model.ops
    tok2vec = model.get_ref("tok2vec")
    output = model.get_ref("output")
    backprop_tok2vec: Optional[Callable] = None
    if is_train or not _context_free(tok2vec):
        tokvecs, backprop_tok2vec = tok2vec(batch.docs, is_train)
        sizes = [vecs.shape[0] for vecs in tokvecs]
        flat = None
    else:
        flat, sizes = _distinct_vectors(tok2vec, batch.docs)
    width = model.get_dim("width")
    lengths = [end - start for doc_bounds in batch.bounds for start, end in doc_bounds]
    if not lengths:
        empty = ops.alloc2f(0, model.get_dim("nO"))
        return empty, lambda d_scores: batch
    if min(lengths) < 1:
        raise ValueError("conflict_hedging: a sentence without tokens was passed to the model")
    if flat is None:
        flat = ops.flatten(tokvecs) if len(tokvecs) > 1 else tokvecs[0]
    length_array = ops.asarray1i(lengths)
    if not is_train and _covers_every_token(batch.bounds, sizes):
        # Predicting over whole Docs split into sentences: every row, in order.
        row_index = None
        selected = flat
    else:
        row_index = ops.asarray1i(_sentence_rows(sizes, batch.bounds))
        selected = flat[row_index]
    means = ops.reduce_mean(selected, length_array)
    maxes, which = ops.reduce_max(selected, length_array)
    features = ops.asarray2f(batch.features) if batch.features else ops.alloc2f(len(lengths), 0)
    pooled = ops.xp.hstack([means, maxes, features]).astype("float32")
    scores, backprop_output = output(pooled, is_train)

    def backprop(d_scores: Floats2d) -> SentenceBatch:
        d_pooled = backprop_output(d_scores)
        d_selected = ops.backprop_reduce_mean(
            ops.xp.ascontiguousarray(d_pooled[:, :width]), length_array
        ) + ops.backprop_reduce_max(ops.xp.ascontiguousarray(d_pooled[:, width : 2 * width]), which, length_array)
        d_flat = ops.alloc2f(*flat.shape)
        ops.scatter_add(d_flat, row_index, d_selected)
        backprop_tok2vec(ops.unflatten(d_flat, ops.asarray1i(sizes)))
        return batch

    return scores, backprop



# ----------------------------------------------------------------------------- training


def gold_sentences(examples: Iterable[Example]) -> Tuple[List[Doc], List[List[Tuple[int, int]]], List[List[float]]]:
    """The gold sentences of ``examples`` (boundaries and certainty from the reference) as
    predicted Docs, their sentences' token ranges and one-hot truths (CERTAINTY_LEVELS order)."""
    docs, bounds, truths = [], [], []
    for eg in examples:
        ref, pred = eg.reference, eg.predicted
        if not len(ref) or not ref.has_annotation("SENT_START"):
            continue
        doc_bounds = []
        for sent in ref.sents:
            certainty = sent._.conflict_certainty
            if certainty not in LEVEL_RANK:
                continue
            span = pred.char_span(sent.start_char, sent.end_char, alignment_mode="expand")
            if span is None or not len(span):
                continue
            doc_bounds.append((span.start, span.end))
            truths.append([1.0 if level == certainty else 0.0 for level in CERTAINTY_LEVELS])
        if doc_bounds:
            docs.append(pred)
            bounds.append(doc_bounds)
    return docs, bounds, truths


def level_loss(model: Model, truths: List[List[float]], scores: Floats2d) -> Tuple[float, Floats2d]:
    """Cross-entropy of the level softmax; the gradient is taken w.r.t. its logits."""
    ops = model.ops
    gold = ops.asarray2f(truths)
    d_scores = scores - gold
    loss = float(-(gold * ops.xp.log(ops.xp.clip(scores, 1e-8, 1.0))).sum())
    return loss, d_scores


_PSEUDO_FEATURE = FEATURE_NAMES.index("pseudo_cue")


def drop_cue_features(batch: SentenceBatch, rate: float, rng: random.Random) -> SentenceBatch:
    """Training batch with each sentence's cue features zeroed with probability ``rate``.

    Without it the model learns "has a cue" and little else, so it cannot catch a hedge
    the lexicon misses; with it the model must also learn the hedging words and their
    context from the tokens (the cue words stay in the text). The pseudo-cue feature is
    kept: it tells the model that "if" in "even if" is no hedge.
    """
    if rate <= 0.0:
        return batch
    features = [
        [v if i == _PSEUDO_FEATURE else 0.0 for i, v in enumerate(row)] if rng.random() < rate else row
        for row in batch.features
    ]
    return SentenceBatch(batch.docs, batch.bounds, features)

