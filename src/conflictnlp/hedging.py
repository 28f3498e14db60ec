"""``conflict_hedging``: how certain is each sentence? Hedge cues and a trained classifier.

Two layers, combined per sentence:

1. **Cue layer** (:mod:`conflictnlp.cues`): a typed, graded lexicon of hedge cues and
   pseudo-cues (``components/hedging/*.jsonl``), matched with spaCy's matchers and scoped
   by sentence. On its own it grades a sentence by its strongest cue
   (unverified > possible > probable > certain).
2. **Trained layer**: a small classifier over the sentence's tokens *and* the cue layer's
   features (registered architecture ``conflictnlp.HedgeClassifier.v1``, which takes any
   ``tok2vec`` sublayer). Its probability that the sentence is hedged is calibrated on dev
   data (Platt scaling) and becomes ``sent._.hedge_score``.

How they combine: a sentence is hedged when the calibrated score reaches ``threshold``
(cue layer alone: when it has a cue). A hedged sentence takes the grade of its cues; a
hedged sentence without any cue (a hedge the lexicon does not know) takes the model's most
probable hedged level. When the model overrules the cues (score below ``threshold``) the
sentence is certain and reports no cues. See docs/hedging.md.

By default the component loads the weights shipped in the package (on first use), so
``nlp.add_pipe("conflict_hedging")`` works without ``nlp.initialize()``; initializing with
examples trains from scratch; ``use_model = false`` (or ``model = null``) runs the cue
layer alone.
"""

from __future__ import annotations

import json
import math
import random
import warnings
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

import srsly
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example, validate_examples
from spacy.util import registry
from thinc.api import Config, Model, Softmax_v2, set_dropout_rate
from thinc.types import Floats2d

from .extensions import SpanValues  # importing it registers the Span extensions
from .cues import (
    CERTAIN,
    FEATURE_NAMES,
    HEDGED_LEVELS,
    LEVEL_RANK,
    N_FEATURES,
    Cue,
    CueMatcher,
    cue_features,
    cues_by_sentence,
    load_cue_rules,
    load_pseudo_rules,
    parse_cue_rules,
    parse_pseudo_rules,
    select_cues,
    sentences_starting,
    strongest_level,
)
from .doctools import sentence_bounds, sentence_spans
from .rules import ResourceError
from .schema import CERTAINTY_LEVELS, DOC_CATS

SPANS_KEY = "conflict_hedging"
BUNDLED_WEIGHTS = Path(__file__).resolve().parent / "models" / "hedging"

# P(hedged | cue grade) when the cue layer runs alone (use_model = false): the share of
# gold-hedged sentences among the dev sentences of each grade, measured by
# training/train_hedging.py and kept here so that the score stays a probability.
CUE_ONLY_SCORES: Dict[str, float] = {"certain": 0.05, "probable": 0.9286, "possible": 0.9512, "unverified": 0.9583}

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


# ----------------------------------------------------------------------------- the model


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
        rows: List[int] = []
        offset = 0
        for size, doc_bounds in zip(sizes, batch.bounds):
            for start, end in doc_bounds:
                rows.extend(range(offset + start, offset + end))
            offset += size
        row_index = ops.asarray1i(rows)
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


# ----------------------------------------------------------------------------- pure logic


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def platt(raw: float, calibration: Sequence[float], has_cue: bool = False) -> float:
    """Calibrated P(hedged): sigmoid(a * logit(raw) + b + has_cue * (c + d * logit(raw))).

    ``calibration`` is ``(a, b)``, ``(a, b, c)`` or ``(a, b, c, d)``: ``raw`` is the model's
    uncalibrated probability, ``has_cue`` whether the cue layer found a cue in the sentence.
    With ``c`` (and ``d``) the two layers are stacked: a logistic regression over both,
    fitted on dev. ``d`` gives the model its own weight in each group: ``a`` for sentences
    without a cue (where only the model can find a hedge), ``a + d`` for those with one.
    """
    a, b = calibration[0], calibration[1]
    c = calibration[2] if len(calibration) > 2 else 0.0
    d = calibration[3] if len(calibration) > 3 else 0.0
    z = _logit(raw)
    return _sigmoid(a * z + b + ((c + d * z) if has_cue else 0.0))


def _solve(matrix: List[List[float]], vector: List[float]) -> Optional[List[float]]:
    """Solve a small linear system by Gaussian elimination (None if singular)."""
    n = len(vector)
    rows = [list(matrix[i]) + [vector[i]] for i in range(n)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(rows[r][col]))
        if abs(rows[pivot][col]) < 1e-12:
            return None
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(n):
            if r != col:
                factor = rows[r][col] / rows[col][col]
                rows[r] = [x - factor * y for x, y in zip(rows[r], rows[col])]
    return [rows[i][n] / rows[i][i] for i in range(n)]


def fit_logistic(xs: Sequence[Sequence[float]], gold: Sequence[bool], iterations: int = 100, l2: float = 1e-3) -> List[float]:
    """Weights of a small logistic regression, by Newton's method with step halving.

    Targets are Platt's smoothed ones ((n+ + 1)/(n+ + 2), 1/(n- + 2)), which keep the fit
    finite on separable data; ``l2`` is a light ridge for the same reason.
    """
    n_pos = sum(1 for g in gold if g)
    n_neg = len(gold) - n_pos
    t_pos, t_neg = (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2)
    ys = [t_pos if g else t_neg for g in gold]
    k = len(xs[0]) if xs else 0
    weights = [0.0] * k

    def loss(w: Sequence[float]) -> float:
        total = l2 * sum(v * v for v in w) / 2
        for x, y in zip(xs, ys):
            p = min(max(_sigmoid(sum(a * b for a, b in zip(w, x))), 1e-12), 1 - 1e-12)
            total -= y * math.log(p) + (1 - y) * math.log(1 - p)
        return total

    current = loss(weights)
    for _ in range(iterations):
        grad = [l2 * v for v in weights]
        hess = [[l2 if i == j else 0.0 for j in range(k)] for i in range(k)]
        for x, y in zip(xs, ys):
            p = _sigmoid(sum(a * b for a, b in zip(weights, x)))
            w = p * (1 - p)
            for i in range(k):
                grad[i] += (p - y) * x[i]
                for j in range(k):
                    hess[i][j] += w * x[i] * x[j]
        step = _solve(hess, grad)
        if step is None:
            break
        scale = 1.0
        while scale > 1e-6:
            candidate = [v - scale * d for v, d in zip(weights, step)]
            new = loss(candidate)
            if new <= current:
                break
            scale /= 2
        else:
            break
        improvement = current - new
        weights, current = candidate, new
        if improvement < 1e-10:
            break
    return weights


def fit_platt(
    raw: Sequence[float], gold: Sequence[bool], has_cue: Optional[Sequence[bool]] = None, per_group_slope: bool = False
) -> List[float]:
    """Fit the calibration of :func:`platt` on dev: ``[a, b]``, ``[a, b, c]`` with ``has_cue``,
    ``[a, b, c, d]`` with ``has_cue`` and ``per_group_slope``."""
    if has_cue is None:
        a, b = fit_logistic([[_logit(p), 1.0] for p in raw], gold)
        return [a, b]
    if not per_group_slope:
        a, b, c = fit_logistic([[_logit(p), 1.0, 1.0 if h else 0.0] for p, h in zip(raw, has_cue)], gold)
        return [a, b, c]
    rows = [[_logit(p), 1.0, 1.0 if h else 0.0, _logit(p) if h else 0.0] for p, h in zip(raw, has_cue)]
    return fit_logistic(rows, gold)


def expected_calibration_error(scores: Sequence[float], gold: Sequence[bool], bins: int = 10) -> float:
    """Weighted mean |accuracy - confidence| over equal-width score bins."""
    if not scores:
        return 0.0
    total = 0.0
    for i in range(bins):
        members = [(s, g) for s, g in zip(scores, gold) if (i / bins <= s < (i + 1) / bins) or (i == bins - 1 and s == 1.0)]
        if members:
            mean_score = sum(s for s, _ in members) / len(members)
            share = sum(1 for _, g in members if g) / len(members)
            total += len(members) * abs(mean_score - share)
    return total / len(scores)


def decide(
    cue_level: str,
    score: float,
    threshold: float,
    level_probs: Optional[Sequence[float]] = None,
    uncued_threshold: Optional[float] = None,
) -> str:
    """The certainty of one sentence from both layers (see the module docstring).

    ``level_probs`` are the model's probabilities in CERTAINTY_LEVELS order, or ``None``
    when the cue layer runs alone (then ``cue_level`` is the answer). A sentence without
    any cue must reach ``uncued_threshold`` (when higher than ``threshold``): the model
    alone flags a hedge only when it is confident, so reported speech stays certain.
    """
    if level_probs is None:
        return cue_level
    if score < threshold:
        return CERTAIN
    if cue_level == CERTAIN and uncued_threshold is not None and score < uncued_threshold:
        return CERTAIN
    if cue_level != CERTAIN:
        return cue_level
    hedged = list(level_probs[1:])
    return HEDGED_LEVELS[max(range(len(hedged)), key=hedged.__getitem__)]


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


def doc_shares(levels: Sequence[str]) -> Dict[str, float]:
    """``doc.cats``: the share of hedged sentences and of each level (keys DOC_CATS)."""
    total = len(levels)
    cats = {label: 0.0 for label in DOC_CATS}
    if not total:
        return cats
    for level in levels:
        cats[level] += 1.0 / total
        if level != CERTAIN:
            cats["hedged"] += 1.0 / total
    return cats


# ----------------------------------------------------------------------------- the component


class _Prediction(NamedTuple):
    bounds: List[List[Tuple[int, int]]]  # per doc: sentence token ranges
    cues: List[List[List[Cue]]]  # per doc, per sentence
    features: List[List[float]]  # per sentence (all docs)
    probs: Optional[List[List[float]]]  # per sentence, CERTAINTY_LEVELS order; None without model


class ConflictHedging(TrainablePipe):
    """Sets ``sent._.certainty``, ``sent._.hedged``, ``sent._.hedge_score``,
    ``sent._.hedge_cues``, ``doc.spans["conflict_hedging"]`` and ``doc.cats``."""

    def __init__(
        self,
        vocab,
        model: Optional[Model],
        name: str = "conflict_hedging",
        *,
        make_doc: Callable[[str], Doc],
        cues: Any = None,
        pseudo_cues: Any = None,
        weights: Optional[str] = "bundled",
        threshold: float = 0.5,
        uncued_threshold: float = 0.7,
        cue_dropout: float = 0.0,
        spans_key: str = SPANS_KEY,
        scorer: Optional[Callable] = None,
    ) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"conflict_hedging: threshold must be between 0 and 1, got {threshold!r}")
        if not 0.0 < uncued_threshold <= 1.0:
            raise ValueError(f"conflict_hedging: uncued_threshold must be in (0, 1], got {uncued_threshold!r}")
        if not 0.0 <= cue_dropout < 1.0:
            raise ValueError(f"conflict_hedging: cue_dropout must be in [0, 1), got {cue_dropout!r}")
        self.cue_dropout = cue_dropout
        # Own seeded RNG (reset by initialize): training stays reproducible byte for byte.
        self._cue_rng = random.Random(0)
        self.vocab = vocab
        self.model = model
        self.name = name
        self.make_doc = make_doc
        self.scorer = scorer
        self.cfg: Dict[str, Any] = {
            "threshold": threshold,
            "uncued_threshold": uncued_threshold,
            "spans_key": spans_key,
            "calibration": [1.0, 0.0],
            "cue_only_scores": dict(CUE_ONLY_SCORES),
            "labels": list(CERTAINTY_LEVELS),
        }
        self._rules_error: Optional[ResourceError] = None
        try:
            self._set_rules(load_cue_rules(cues), load_pseudo_rules(pseudo_cues))
        except ResourceError as err:
            if not _missing_file(cues, pseudo_cues):
                raise
            # spacy.load() builds the component from its config, then from_disk() brings
            # the saved lexicons: a user file that has gone since is only an error if
            # no saved copy replaces it before the component runs.
            self._rules_error = err
        # Shipped or user weights are read on first use (so that nlp.initialize() with
        # examples can train from scratch without reading them at all).
        self._pending_weights: Optional[str] = weights if model is not None else None

    # -- rules ----------------------------------------------------------------------------

    def _set_rules(self, rules, pseudo_rules) -> None:
        self._rules_error = None
        self.cue_rules = list(rules)
        self.pseudo_rules = list(pseudo_rules)
        self.matcher = CueMatcher(self.vocab, self.make_doc, self.cue_rules, self.pseudo_rules)

    @property
    def labels(self) -> Tuple[str, ...]:
        return tuple(CERTAINTY_LEVELS)

    @property
    def is_trainable(self) -> bool:
        return self.model is not None

    def add_label(self, label: str) -> int:
        raise NotImplementedError("conflict_hedging has the fixed labels of schema.CERTAINTY_LEVELS")

    # -- weights --------------------------------------------------------------------------

    def _ensure_weights(self) -> None:
        source, self._pending_weights = self._pending_weights, None
        if source is None or self.model is None:
            return
        path = BUNDLED_WEIGHTS if source == "bundled" else Path(source)
        if source == "bundled" and not (path / "model").exists():
            # A source checkout before the weights were trained: run the cue layer alone.
            warnings.warn(f"conflict_hedging: no shipped weights in {path}; using the cue layer alone")
            self.model = None
            return
        try:
            self._read_weights(path)
        except (OSError, ValueError, KeyError) as err:
            raise ValueError(
                f"conflict_hedging: cannot load weights from {path} ({type(err).__name__}: {str(err)[:200]}). "
                "The shipped weights fit only the default model config; with another model set "
                "weights = null and train it (nlp.initialize(get_examples) or spacy train), or "
                "set use_model = false for the cue layer alone."
            ) from None

    def _read_weights(self, path: Path) -> None:
        cfg = srsly.read_json(path / "cfg.json")
        self.model.from_bytes((path / "model").read_bytes())
        for key in ("calibration", "cue_only_scores"):
            if key in cfg:
                self.cfg[key] = cfg[key]

    # -- prediction -----------------------------------------------------------------------

    def sentence_cues(self, doc: Doc, bounds: Sequence[Tuple[int, int]]) -> Tuple[List[List[Cue]], List[bool]]:
        """Cues of each sentence (token ranges ``bounds``) and whether it holds a pseudo-cue."""
        if self._rules_error is not None:
            raise self._rules_error
        candidates, blocked = self.matcher.matches(doc)
        per_sentence = cues_by_sentence(select_cues(candidates, blocked), bounds)
        pseudo = sentences_starting((b[0] for b in blocked), bounds)
        return per_sentence, pseudo

    def _features(self, docs: Sequence[Doc], bounds: Sequence[Sequence[Tuple[int, int]]]):
        all_cues, features = [], []
        for doc, doc_bounds in zip(docs, bounds):
            cues, pseudo = self.sentence_cues(doc, doc_bounds)
            all_cues.append(cues)
            features.extend(cue_features(c, p) for c, p in zip(cues, pseudo))
        return all_cues, features

    def predict(self, docs: Iterable[Doc]) -> _Prediction:
        docs = list(docs)
        bounds = [sentence_bounds(doc) for doc in docs]
        cues, features = self._features(docs, bounds)
        probs = None
        self._ensure_weights()
        if self.model is not None and features:
            scores = self.model.predict(SentenceBatch(docs, bounds, features))
            probs = self.model.ops.to_numpy(scores).tolist()
        return _Prediction(bounds, cues, features, probs)

    def set_annotations(self, docs: Iterable[Doc], prediction: _Prediction) -> None:
        threshold = self.cfg["threshold"]
        calibration = self.cfg["calibration"]
        cue_only = self.cfg["cue_only_scores"]
        spans_key = self.cfg["spans_key"]
        uncued_threshold = self.cfg.get("uncued_threshold")
        probs_rows = prediction.probs
        values = SpanValues(("certainty", "hedged", "hedge_score", "hedge_cues"))
        row = 0
        for doc, bounds, doc_cues in zip(docs, prediction.bounds, prediction.cues):
            levels: List[str] = []
            cue_spans: List[Span] = []
            for (start, end), cues in zip(bounds, doc_cues):
                cue_level = strongest_level(c.level for c in cues) if cues else CERTAIN
                if probs_rows is None:
                    probs = None
                    score = float(cue_only.get(cue_level, 0.5))
                else:
                    probs = probs_rows[row]
                    score = platt(1.0 - probs[0], calibration, bool(cues))
                row += 1
                level = decide(cue_level, score, threshold, probs, uncued_threshold)
                cue_dicts: List[Dict[str, Any]] = []
                if cues and level != CERTAIN:
                    for c in cues:
                        cue_span = Span(doc, c.start, c.end, label=c.type)
                        cue_dicts.append(_cue_object(cue_span, c.type))
                        cue_spans.append(cue_span)
                values.set(Span(doc, start, end), (level, level != CERTAIN, round(score, 4), cue_dicts))
                levels.append(level)
            doc.spans[spans_key] = cue_spans
            doc.cats = doc_shares(levels)

    # -- training -------------------------------------------------------------------------

    def _training_batch(self, examples: Iterable[Example]) -> Tuple[SentenceBatch, List[List[float]]]:
        """Gold sentences (boundaries and certainty from the reference) as a model batch."""
        docs, bounds, truths = [], [], []
        for eg in examples:
            ref, pred = eg.reference, eg.predicted
            if not len(ref) or not ref.has_annotation("SENT_START"):
                continue
            doc_bounds = []
            for sent in ref.sents:
                certainty = sent._.certainty
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
        _, features = self._features(docs, bounds)
        return SentenceBatch(docs, bounds, features), truths

    def update(
        self,
        examples: Iterable[Example],
        *,
        drop: float = 0.0,
        sgd=None,
        losses: Optional[Dict[str, float]] = None,
    ) -> Dict[str, float]:
        if losses is None:
            losses = {}
        losses.setdefault(self.name, 0.0)
        if self.model is None:
            return losses
        examples = list(examples)
        validate_examples(examples, "ConflictHedging.update")
        self._ensure_weights()
        batch, truths = self._training_batch(examples)
        if not truths:
            return losses
        batch = drop_cue_features(batch, self.cue_dropout, self._cue_rng)
        set_dropout_rate(self.model, drop)
        scores, backprop = self.model.begin_update(batch)
        loss, d_scores = self.get_loss(truths, scores)
        backprop(d_scores)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def get_loss(self, truths: List[List[float]], scores: Floats2d) -> Tuple[float, Floats2d]:
        """Cross-entropy of the level softmax; the gradient is taken w.r.t. its logits."""
        ops = self.model.ops
        gold = ops.asarray2f(truths)
        d_scores = scores - gold
        loss = float(-(gold * ops.xp.log(ops.xp.clip(scores, 1e-8, 1.0))).sum())
        return loss, d_scores

    def initialize(self, get_examples: Optional[Callable[[], Iterable[Example]]] = None, *, nlp=None) -> None:
        """With examples: a fresh model, trained from scratch by the following updates.
        Without (or ``use_model = false``): keep the shipped or loaded weights."""
        if self.model is None:
            return
        examples = list(get_examples()) if get_examples is not None else []
        if examples:
            validate_examples(examples, "ConflictHedging.initialize")
        batch, truths = self._training_batch(examples[:20])
        if not truths:
            self._ensure_weights()
            return
        self._pending_weights = None
        self._cue_rng = random.Random(0)
        self.model.initialize(X=batch, Y=self.model.ops.asarray2f(truths))
        self.cfg["calibration"] = [1.0, 0.0]

    # -- serialization --------------------------------------------------------------------

    def _model_ready(self) -> bool:
        """Load pending weights; is there a trained (or at least initialized) model?"""
        if self.model is None:
            return False
        self._ensure_weights()
        return not self.model.has_ref("output") or bool(self.model.get_ref("output").has_param("W"))

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        model_ready = "model" not in exclude and self._model_ready()  # before cfg: see to_disk
        data: Dict[str, Any] = {
            "cfg": self.cfg,
            "cues": [r.to_entry() for r in self.cue_rules],
            "pseudo_cues": [r.to_entry() for r in self.pseudo_rules],
        }
        if model_ready and self.model is not None:
            data["model"] = self.model.to_bytes()
        return srsly.msgpack_dumps(data)

    def from_bytes(self, bytes_data: bytes, *, exclude=tuple()) -> "ConflictHedging":
        data = srsly.msgpack_loads(bytes_data)
        self.cfg.update(data.get("cfg", {}))
        self._set_rules(parse_cue_rules(data["cues"], "cues"), parse_pseudo_rules(data["pseudo_cues"], "pseudo_cues"))
        if "model" in data and self.model is not None and "model" not in exclude:
            self.model.from_bytes(data["model"])
            self._pending_weights = None
        return self

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        # Load pending (shipped) weights first: they bring their calibration into self.cfg,
        # which must be in cfg.json (a pipeline saved before its first use lost it).
        model_ready = "model" not in exclude and self._model_ready()
        srsly.write_json(path / "cfg.json", self.cfg)
        write_rules(path / "cues.jsonl", [r.to_entry() for r in self.cue_rules], "hedge cues (see components/hedging/cues.jsonl)")
        write_rules(path / "pseudo_cues.jsonl", [r.to_entry() for r in self.pseudo_rules], "pseudo-cues (see components/hedging/pseudo_cues.jsonl)")
        if model_ready and self.model is not None:
            (path / "model").write_bytes(self.model.to_bytes())

    def from_disk(self, path, *, exclude=tuple()) -> "ConflictHedging":
        path = Path(path)
        if (path / "cfg.json").exists():
            self.cfg.update(srsly.read_json(path / "cfg.json"))
        if (path / "cues.jsonl").exists():
            self._set_rules(load_cue_rules(path / "cues.jsonl"), load_pseudo_rules(path / "pseudo_cues.jsonl"))
        if self.model is not None and "model" not in exclude and (path / "model").exists():
            self.model.from_bytes((path / "model").read_bytes())
            self._pending_weights = None
        return self


def _missing_file(*values: Any) -> bool:
    return any(isinstance(v, (str, Path)) and not Path(v).exists() for v in values)


def _cue_object(span: Span, cue_type: str) -> Dict[str, Any]:
    """The contract's cue object (char offsets) for a matched cue's span."""
    return {"start": span.start_char, "end": span.end_char, "text": span.text, "type": cue_type}


def write_rules(path: Path, entries: Sequence[Dict[str, Any]], what: str) -> None:
    lines = [f"# conflict_hedging {what}, saved with the pipeline."]
    lines += [json.dumps(e, ensure_ascii=False) for e in entries]
    path.write_text("\n".join(lines) + "\n", encoding="utf8")


# ----------------------------------------------------------------------------- scorer


def _prf(tp: int, fp: int, fn: int) -> Tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def sentence_pairs(example: Example) -> List[Tuple[str, Optional[str]]]:
    """(gold, predicted) certainty for each gold sentence of ``example``.

    The predicted level is that of the predicted sentence holding the gold sentence's
    first character, so the score is fair when the predicted boundaries differ.
    """
    ref, pred = example.reference, example.predicted
    if not len(ref) or not ref.has_annotation("SENT_START"):
        return []
    predicted = [(s.start_char, s.end_char, s._.certainty) for s in sentence_spans(pred)]
    pairs = []
    for sent in ref.sents:
        if sent._.certainty not in LEVEL_RANK:
            continue
        found = next((c for start, end, c in predicted if start <= sent.start_char < end), None)
        pairs.append((sent._.certainty, found))
    return pairs


def score_hedging(examples: Iterable[Example], *, spans_key: str = SPANS_KEY, **kwargs: Any) -> Dict[str, Any]:
    """Scores of ``conflict_hedging``: hedged P/R/F, four-way accuracy, cue P/R/F
    (exact offsets and type), per-level P/R/F."""
    tp = fp = fn = correct = total = 0
    cue_tp = cue_fp = cue_fn = 0
    level_counts = {level: [0, 0, 0] for level in CERTAINTY_LEVELS}
    for eg in examples:
        for gold, guess in sentence_pairs(eg):
            guess = guess or CERTAIN
            total += 1
            correct += gold == guess
            g_h, p_h = gold != CERTAIN, guess != CERTAIN
            tp += g_h and p_h
            fp += p_h and not g_h
            fn += g_h and not p_h
            for level in CERTAINTY_LEVELS:
                counts = level_counts[level]
                counts[0] += gold == level and guess == level
                counts[1] += guess == level and gold != level
                counts[2] += gold == level and guess != level
        gold_cues = {(s.start_char, s.end_char, s.label_) for s in eg.reference.spans.get(spans_key, [])}
        pred_cues = {(s.start_char, s.end_char, s.label_) for s in eg.predicted.spans.get(spans_key, [])}
        cue_tp += len(gold_cues & pred_cues)
        cue_fp += len(pred_cues - gold_cues)
        cue_fn += len(gold_cues - pred_cues)
    p, r, f = _prf(tp, fp, fn)
    cp, cr, cf = _prf(cue_tp, cue_fp, cue_fn)
    per_level = {}
    for level, (ltp, lfp, lfn) in level_counts.items():
        lp, lr, lf = _prf(ltp, lfp, lfn)
        per_level[level] = {"p": lp, "r": lr, "f": lf}
    return {
        "hedging_hedged_p": p,
        "hedging_hedged_r": r,
        "hedging_hedged_f": f,
        "hedging_acc": correct / total if total else 0.0,
        "hedging_cue_p": cp,
        "hedging_cue_r": cr,
        "hedging_cue_f": cf,
        "hedging_per_level": per_level,
    }


@registry.scorers("conflictnlp.hedging_scorer.v1")
def make_hedging_scorer() -> Callable[..., Dict[str, Any]]:
    return score_hedging


# ----------------------------------------------------------------------------- factory


@Language.factory(
    "conflict_hedging",
    assigns=["doc.spans", "doc.cats", "span._.certainty", "span._.hedged", "span._.hedge_score", "span._.hedge_cues"],
    default_config={
        "model": DEFAULT_MODEL,
        "use_model": True,
        "weights": "bundled",
        "cues": None,
        "pseudo_cues": None,
        "threshold": 0.5,
        "uncued_threshold": 0.7,
        "cue_dropout": 0.5,
        "spans_key": SPANS_KEY,
        "scorer": {"@scorers": "conflictnlp.hedging_scorer.v1"},
    },
    default_score_weights={
        "hedging_hedged_f": 0.5,
        "hedging_acc": 0.5,
        "hedging_hedged_p": 0.0,
        "hedging_hedged_r": 0.0,
        "hedging_cue_f": 0.0,
        "hedging_cue_p": None,
        "hedging_cue_r": None,
        "hedging_per_level": None,
    },
)
def make_conflict_hedging(
    nlp: Language,
    name: str,
    model: Optional[Model],
    use_model: bool,
    weights: Optional[str],
    cues: Optional[str],
    pseudo_cues: Optional[str],
    threshold: float,
    uncued_threshold: float,
    cue_dropout: float,
    spans_key: str,
    scorer: Optional[Callable],
) -> ConflictHedging:
    return ConflictHedging(
        nlp.vocab, model if use_model else None, name, make_doc=nlp.make_doc, cues=cues,
        pseudo_cues=pseudo_cues, weights=weights, threshold=threshold, uncued_threshold=uncued_threshold,
        cue_dropout=cue_dropout, spans_key=spans_key,
        scorer=scorer,
    )
