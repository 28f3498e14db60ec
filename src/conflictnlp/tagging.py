"""The trainable span-tagging layer shared by ``conflict_counts`` and ``conflict_attribution``.

One registered architecture, ``conflictnlp.SpanTagger.v1``: a ``tok2vec`` (any layer mapping
Docs to token vectors: a hash-embed CNN, a ``spacy.Tok2VecListener.v1`` of a trained pipeline's
tok2vec, or a ``spacy-transformers`` listener) followed by a per-token softmax over BIO tags of
a label set (``O``, then ``B-`` and ``I-`` of each label). Around it:

- :func:`gold_tags`: the reference spans of an Example as one tag per predicted token;
- :func:`tag_loss`: the softmax cross-entropy and its gradient;
- :func:`decode`: the tag probabilities of a Doc as candidate spans with a probability;
- :class:`SpanTaggingPipe`: the ``TrainablePipe`` plumbing of a rule component that carries
  the layer (update, initialize, the threshold, saving the weights with the rule tables). The
  component decides what the spans mean: with no model it is its rules alone;
- :func:`pipeline_lookups` (``conflictnlp.pipeline_lookups.v1``): an installed pipeline's lemma
  tables, for the sourced lemmatizer of the ``training/*_sm.cfg`` configs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

import srsly
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example, validate_examples
from spacy.util import minibatch, registry
from thinc.api import Config, Maxout, Model, Softmax_v2, chain, set_dropout_rate, with_array
from thinc.types import Floats2d

from .rules import EditableRules

OUTSIDE = "O"
# The span group (the component's ``spans_key`` + this) of the layer's candidates, written
# only when the component has a trained model; its scorer reads it (:func:`tagged_scores`).
TAGGED = "_tagged"
# The tok2vec of a component's default model (used when a config names no other).
DEFAULT_TOK2VEC_CONFIG = """
[model]
@architectures = "conflictnlp.SpanTagger.v1"
nO = null
hidden_width = 0

[model.tok2vec]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 96
depth = 2
embed_size = 2000
window_size = 1
maxout_pieces = 3
subword_features = true
"""
DEFAULT_MODEL = Config().from_str(DEFAULT_TOK2VEC_CONFIG)["model"]


def model_step(pipe: TrainablePipe, inputs: Any, gold: Any, drop: float, sgd, losses: Dict[str, float]) -> Dict[str, float]:
    """One training step of ``pipe.model`` (shared by the trainable components): forward on ``inputs``
    with dropout ``drop``, ``pipe.get_loss(gold, scores)``, backprop and the optimizer's update; the
    loss is added to ``losses[pipe.name]`` and ``losses`` returned."""
    set_dropout_rate(pipe.model, drop)
    scores, backprop = pipe.model.begin_update(inputs)
    loss, d_scores = pipe.get_loss(gold, scores)
    backprop(d_scores)
    if sgd is not None:
        pipe.finish_update(sgd)
    losses[pipe.name] += loss
    return losses


class Tagged(NamedTuple):
    """A candidate span of the layer: tokens ``start..end`` (end exclusive), its label and the
    mean probability of its tags."""

    start: int
    end: int
    label: str
    prob: float


@registry.misc("conflictnlp.pipeline_lookups.v1")
def pipeline_lookups(name: str, component: str = "lemmatizer") -> Any:
    """The lookup tables of ``component`` in the installed pipeline ``name``: what the ``_sm``
    training configs give their sourced lemmatizer in ``[initialize.components.lemmatizer]``, so
    that ``spacy debug data`` (which initializes frozen components too) does not look for them
    in spacy-lookups-data."""
    import spacy

    return spacy.load(name, exclude=[p for p in ("ner", "parser", "tagger") if p != component]).get_pipe(component).lookups


def tag_names(labels: Sequence[str]) -> List[str]:
    """The BIO tags of ``labels``: ``O``, then ``B-label`` and ``I-label`` of each, in order."""
    return [OUTSIDE] + [f"{prefix}-{label}" for label in labels for prefix in ("B", "I")]


@registry.architectures("conflictnlp.SpanTagger.v1")
def build_span_tagger(
    tok2vec: Model[List[Doc], List[Floats2d]], nO: Optional[int] = None, hidden_width: int = 0
) -> Model[List[Doc], List[Floats2d]]:
    """Per-token tag probabilities: ``tok2vec``, then (``hidden_width`` > 0) a Maxout layer of
    that width, which a frozen ``tok2vec`` (a listener of a trained pipeline's) needs to learn
    from, then a softmax over ``nO`` tags (set from the component's label set at initialization
    when null)."""
    output = Softmax_v2(nO=nO)
    head = chain(Maxout(nO=hidden_width, nP=3, normalize=True), output) if hidden_width > 0 else output
    model = chain(tok2vec, with_array(head))
    model.set_ref("tok2vec", tok2vec)
    model.set_ref("output", output)
    return model


def gold_tags(doc: Doc, spans: Iterable[Tuple[int, int, str]], labels: Sequence[str]) -> List[int]:
    """One tag index (:func:`tag_names` order) per token of ``doc`` for the character spans
    ``(start, end, label)``, placed by label (``labels`` order) then position; a span that
    overlaps one placed before it (a content holding another attribution's cue), of an
    unknown label or outside the text is skipped."""
    tags = [0] * len(doc)
    index = {label: 1 + 2 * k for k, label in enumerate(labels)}
    for start, end, label in sorted(spans, key=lambda s: (index.get(s[2], 0), s[0], s[1])):
        span = doc.char_span(start, end, alignment_mode="expand") if label in index else None
        if span is None or not len(span) or any(tags[span.start : span.end]):
            continue
        tags[span.start] = index[label]
        for k in range(span.start + 1, span.end):
            tags[k] = index[label] + 1
    return tags


def tag_loss(model: Model, truths: Sequence[Sequence[int]], scores: Sequence[Floats2d]) -> Tuple[float, List[Floats2d]]:
    """Cross-entropy of each token's tag softmax; the gradient w.r.t. its logits."""
    ops = model.ops
    loss = 0.0
    d_scores = []
    for gold, probs in zip(truths, scores):
        onehot = ops.alloc2f(*probs.shape)
        if len(gold):
            onehot[ops.xp.arange(len(gold)), ops.asarray1i(gold)] = 1.0
        d_scores.append(probs - onehot)
        loss += float(-(onehot * ops.xp.log(ops.xp.clip(probs, 1e-8, 1.0))).sum())
    return loss, d_scores


def decode(probs: Any, labels: Sequence[str]) -> List[Tagged]:
    """The spans of one Doc's tag probabilities (rows: tokens, :func:`tag_names` columns): a
    ``B-`` tag, or an ``I-`` tag after another label, opens a span; ``I-`` of the same label
    continues it. Each span's probability is the mean of its tokens' tag probabilities."""
    found: List[Tagged] = []
    current: Optional[List[Any]] = None  # [start, label, probabilities]
    best = probs.argmax(axis=1).tolist() if len(probs) else []
    for i, tag in enumerate(best):
        label = labels[(tag - 1) // 2] if tag else None
        if current is not None and (label != current[1] or tag % 2 == 1):
            found.append(_closed(current, i))
            current = None
        if label is not None:
            if current is None:
                current = [i, label, []]
            current[2].append(float(probs[i, tag]))
    if current is not None:
        found.append(_closed(current, len(best)))
    return found


def _closed(current: List[Any], end: int) -> Tagged:
    start, label, values = current
    return Tagged(start, end, label, sum(values) / len(values))


def tagged_scores(examples: Iterable[Example], key: Callable[[Doc], str], prefix: str,
                  gold: Callable[[Example], Iterable[Tuple[int, int, str]]], labeled: bool) -> Dict[str, Any]:
    """P/R/F (``<prefix>_tagged_p/r/f``) of the layer's candidates (span group ``key`` + TAGGED of
    each predicted Doc, ``key`` giving the component's key) against ``gold`` (character spans with labels); {} when no predicted Doc
    has the group (a component without a trained model)."""
    n_pred = n_gold = hits = 0
    seen = False
    for eg in examples:
        group = eg.predicted.spans.get(key(eg.predicted) + TAGGED)
        if group is None:
            continue
        seen = True
        pred = {(s.start_char, s.end_char, s.label_ if labeled else "") for s in group}
        true = {(start, end, label if labeled else "") for start, end, label in gold(eg)}
        n_pred, n_gold, hits = n_pred + len(pred), n_gold + len(true), hits + len(pred & true)
    if not seen:
        return {}
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return {f"{prefix}_tagged_p": p, f"{prefix}_tagged_r": r, f"{prefix}_tagged_f": 2 * p * r / (p + r) if p + r else 0.0}


class SpanTaggingPipe(TrainablePipe, EditableRules):
    """A rule component with the span-tagging layer. The subclass sets ``tag_labels`` (a
    label set of :mod:`conflictnlp.schema`), :meth:`gold_spans` and :meth:`annotate`, which runs
    its rules on a Doc with the layer's candidates (none without a trained model). ``self.cfg["threshold"]`` is the probability a candidate needs."""

    tag_labels: Tuple[str, ...] = ()
    model: Optional[Model]
    spans_key: str

    def setup_layer(self, vocab: Any, model: Optional[Model], threshold: float) -> None:
        """Called by the subclass's ``__init__``."""
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"{self.name}: threshold must be between 0 and 1, got {threshold!r}")
        self.vocab = vocab
        self.model = model
        self.cfg: Dict[str, Any] = {"threshold": threshold, "labels": list(self.tag_labels)}

    @property
    def labels(self) -> Tuple[str, ...]:
        return tuple(self.tag_labels)

    @property
    def is_trainable(self) -> bool:
        return self.model is not None

    def add_label(self, label: str) -> int:
        raise NotImplementedError(f"{self.name} has the fixed labels {', '.join(self.tag_labels)}")

    def gold_spans(self, example: Example) -> List[Tuple[int, int, str]]:  # pragma: no cover - subclass
        raise NotImplementedError

    def model_ready(self) -> bool:
        """Is there a model with weights (trained, or at least initialized)?"""
        return self.model is not None and self.model.get_ref("output").has_param("W")

    def tagged(self, docs: Sequence[Doc]) -> List[List[Tagged]]:
        """The layer's candidate spans of each Doc at or above the threshold; [] per Doc
        without a model."""
        if not self.model_ready() or not docs:
            return [[] for _ in docs]
        threshold = self.cfg["threshold"]
        scores = self.model.predict(list(docs))
        return [[t for t in decode(self.model.ops.to_numpy(s), self.tag_labels) if t.prob >= threshold] for s in scores]

    def predict(self, docs: Iterable[Doc]) -> List[List[Tagged]]:
        return self.tagged(list(docs))

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations([doc], self.tagged([doc]))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 1000) -> Iterable[Doc]:
        if not self.model_ready():  # the rules alone, Doc by Doc
            for doc in docs:
                yield self(doc)
            return
        for batch in minibatch(docs, batch_size):
            self.set_annotations(batch, self.tagged(batch))
            yield from batch

    def set_annotations(self, docs: Iterable[Doc], tagged: Sequence[List[Tagged]]) -> None:
        """The subclass's :meth:`annotate` of each Doc with its candidates ``tagged``; with a
        trained model, the candidates also go to the span group ``spans_key`` + TAGGED."""
        self.rules.raise_pending()
        layer = self.model_ready()
        for doc, spans in zip(docs, tagged):
            self.annotate(doc, spans)
            if layer:
                doc.spans[self.spans_key + TAGGED] = [Span(doc, t.start, t.end, label=t.label) for t in spans]

    def annotate(self, doc: Doc, tagged: List[Tagged]) -> None:  # pragma: no cover - subclass
        """The rules' annotations of ``doc``, given the layer's candidates ``tagged`` ([] without a model)."""
        raise NotImplementedError

    def _truths(self, examples: Sequence[Example]) -> List[List[int]]:
        return [gold_tags(eg.predicted, self.gold_spans(eg), self.tag_labels) for eg in examples]

    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd=None,
               losses: Optional[Dict[str, float]] = None) -> Dict[str, float]:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = [eg for eg in examples if len(eg.predicted)]
        if self.model is None or not examples:
            return losses
        validate_examples(examples, f"{type(self).__name__}.update")
        return model_step(self, [eg.predicted for eg in examples], examples, drop, sgd, losses)

    def get_loss(self, examples: Sequence[Example], scores: Sequence[Floats2d]) -> Tuple[float, List[Floats2d]]:
        return tag_loss(self.model, self._truths(examples), scores)

    def initialize_layer(self, get_examples: Optional[Callable[[], Iterable[Example]]]) -> None:
        """A fresh model sized to the tag set (from ``initialize``); no model: nothing."""
        if self.model is None:
            return
        examples = [eg for eg in (get_examples() if get_examples is not None else []) if len(eg.predicted)][:10]
        validate_examples(examples, f"{type(self).__name__}.initialize")
        output = self.model.get_ref("output")
        if not output.has_dim("nO") or output.get_dim("nO") is None:
            output.set_dim("nO", len(tag_names(self.tag_labels)))
        elif output.get_dim("nO") != len(tag_names(self.tag_labels)):
            raise ValueError(f"{self.name}: model nO must be {len(tag_names(self.tag_labels))} "
                             f"(the BIO tags of {', '.join(self.tag_labels)}) or null")
        # without examples, one Doc of one word tells the layers their sizes
        self.model.initialize(X=[eg.predicted for eg in examples] or [Doc(self.vocab, words=["."])])

    # -- saving: the rule tables, the settings and the weights -------------------------------
    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        self.rules.to_disk(path)
        if self.model_ready() and "model" not in exclude:
            (path / "model").write_bytes(self.model.to_bytes())

    def from_disk(self, path, *, exclude=tuple()) -> Any:
        path = Path(path)
        EditableRules.from_disk(self, path)
        if self.model is not None and "model" not in exclude and (path / "model").exists():
            self.model.from_bytes((path / "model").read_bytes())
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        """The rule tables' bytes as before; with weights, both in one msgpack map."""
        if not self.model_ready() or "model" in exclude:
            return self.rules.to_bytes()
        return srsly.msgpack_dumps({"rules": self.rules.to_bytes(), "model": self.model.to_bytes()})

    def from_bytes(self, bytes_data: bytes, *, exclude=tuple()) -> Any:
        packed = bytes_data[:1] == b"\x82"  # a msgpack map of two: rules and weights
        data = srsly.msgpack_loads(bytes_data) if packed else {"rules": bytes_data}
        EditableRules.from_bytes(self, data["rules"])
        if self.model is not None and "model" in data and "model" not in exclude:
            self.model.from_bytes(data["model"])
        return self
