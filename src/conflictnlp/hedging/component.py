"""The spaCy shell of ``conflict_hedging``: :class:`ConflictHedging` wires the cue layer
(:mod:`.cues`), the trained layer (:mod:`.model`, :mod:`.calibration`) and the decision
(:mod:`.decision`) to spaCy: predict and set_annotations, update and initialize, scoring and
serialization. The rule tables live in a :class:`~conflictnlp.rules.RuleSet` and the shipped
weights in ``weights/`` beside this module (read on first use).
"""

from __future__ import annotations

import json
import random
import warnings
from bisect import bisect_right
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

import srsly
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example, validate_examples
from thinc.api import Model
from thinc.types import Floats2d

from ..extensions import SpanValues, install_aliases  # importing it registers the Span extensions
from ..doctools import sentence_bounds
from ..rules import EditableRules, RuleSet, RuleSource, TableSetting, initialize_method
from ..schema import CERTAINTY_LEVELS, HEDGING_KEY, MODEL_CUE, record_spans_key
from ..tagging import model_step
from .calibration import CUE_ONLY_SCORES
from .cues import (
    CERTAIN,
    FEATURE_NAMES,
    RULE_TABLES,
    Cue,
    CueMatcher,
    check_rule_tables,
    cue_features,
    rule_from_entry,
)
from .decision import doc_shares, model_cue, sentence_certainty
from .model import SentenceBatch, drop_cue_features, gold_sentences, level_loss

# The weights shipped with the package (inside it, so an installed wheel and a source
# checkout find them at the same place).
BUNDLED_WEIGHTS = Path(__file__).resolve().parent / "weights"
# The values written on each sentence (span._ extensions), in SpanValues order.
SENTENCE_VALUES = ("conflict_certainty", "conflict_hedged", "conflict_hedge_score", "conflict_hedge_cues")
# The values written on each span of the groups named in ``span_keys``, in SpanValues order.
SPAN_GROUP_VALUES = ("conflict_certainty", "conflict_hedge_cues")
# The settings of ``cfg`` that come from the component's config: the config wins over the copy
# in cfg.json (saved with the pipeline), so that spacy.load(path, config={...}) can change them.
CONFIG_SETTINGS = ("threshold", "uncued_threshold", "spans_key", "span_keys")
# Where the cue layer's feature row says that a pseudo-cue matched in the sentence.
PSEUDO_FEATURE = FEATURE_NAMES.index("pseudo_cue")


class _Prediction(NamedTuple):
    bounds: List[List[Tuple[int, int]]]  # per doc: sentence token ranges
    cues: List[List[List[Cue]]]  # per doc, per sentence
    features: List[List[float]]  # per sentence (all docs)
    probs: Optional[List[List[float]]]  # per sentence, CERTAINTY_LEVELS order; None without model


class ConflictHedging(TrainablePipe, EditableRules):
    """Sets ``sent._.conflict_certainty``, ``sent._.conflict_hedged``, ``sent._.conflict_hedge_score``,
    ``sent._.conflict_hedge_cues``, ``doc.spans[spans_key]`` and ``doc.cats``; with ``span_keys``,
    also ``span._.conflict_certainty`` and ``span._.conflict_hedge_cues`` on every span of
    those groups (the values of the sentence the span starts in).

    ``score`` is TrainablePipe's: it calls the configured ``scorer`` with ``cfg`` as keyword
    arguments (``spans_key`` among them)."""

    def __init__(
        self,
        vocab,
        model: Optional[Model],
        name: str = "conflict_hedging",
        *,
        make_doc: Callable[[str], Doc],
        cues: RuleSource = None,
        pseudo_cues: RuleSource = None,
        weights: Optional[str] = "bundled",
        threshold: float = 0.5,
        uncued_threshold: float = 0.7,
        cue_dropout: float = 0.0,
        spans_key: str = HEDGING_KEY,
        span_keys: Sequence[str] = (),
        scorer: Optional[Callable] = None,
    ) -> None:
        _check_options(threshold, uncued_threshold, cue_dropout)
        if isinstance(span_keys, str):
            raise ValueError(f"conflict_hedging: span_keys must be a list of keys, got the string {span_keys!r}")
        install_aliases(*SENTENCE_VALUES)  # their deprecated short names ("certainty", ...)
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
            "span_keys": list(span_keys),
            "calibration": [1.0, 0.0],
            "cue_only_scores": dict(CUE_ONLY_SCORES),
            "labels": list(CERTAINTY_LEVELS),
        }
        # spacy.load() builds the component from its config, then from_disk() brings the
        # saved tables: a user file that has gone since is an error only if no saved copy
        # replaces it before the component runs (RuleSet.raise_pending).
        self.rules = RuleSet("hedging", "conflict_hedging", RULE_TABLES, check=check_rule_tables)
        self.rules.load({"cues": cues, "pseudo_cues": pseudo_cues})
        self._compile_rules()
        # Shipped or user weights are read on first use (so that nlp.initialize() with
        # examples can train from scratch without reading them at all).
        self._pending_weights: Optional[str] = weights if model is not None else None

    def _compile_rules(self) -> None:
        """The matcher of the rule tables (again after a restore)."""
        self.cue_rules = [rule_from_entry(entry) for entry in self.rules["cues"]]
        self.pseudo_rules = [rule_from_entry(entry) for entry in self.rules["pseudo_cues"]]
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
        self.cfg.update(read_weights(self.model, path))

    # -- prediction -----------------------------------------------------------------------

    def sentence_cues(self, doc: Doc, bounds: Sequence[Tuple[int, int]]) -> Tuple[List[List[Cue]], List[bool]]:
        """Cues of each sentence (token ranges ``bounds``) and whether it holds a pseudo-cue."""
        self.rules.raise_pending()
        return self.matcher.by_sentence(doc, bounds)

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
        spans_key = self.cfg["spans_key"]
        rows = iter(prediction.probs) if prediction.probs is not None else None
        pseudo = iter(row[PSEUDO_FEATURE] > 0 for row in prediction.features)
        values = SpanValues(SENTENCE_VALUES)
        for doc, bounds, doc_cues in zip(docs, prediction.bounds, prediction.cues):
            levels: List[str] = []
            graded: List[Tuple[str, List[Dict[str, Any]]]] = []
            cue_spans: List[Span] = []
            for (start, end), cues in zip(bounds, doc_cues):
                probs = next(rows) if rows is not None else None
                sent = Span(doc, start, end)
                # A pseudo-cue, or no words at all: the model alone hedges nothing. (A sentence
                # whose first token is not whitespace has words: ``Span.text`` builds a Token
                # per token, so it is read only for the others.)
                blank = doc[start].is_space and not sent.text.strip()
                level, score = sentence_certainty(cues, probs, self.cfg, next(pseudo) or blank)
                spans, cue_dicts = _reported_cues(sent, cues, score) if level != CERTAIN else ([], [])
                cue_spans.extend(spans)
                values.set(sent, (level, level != CERTAIN, round(score, 4), cue_dicts))
                levels.append(level)
                graded.append((level, cue_dicts))
            doc.spans[spans_key] = cue_spans
            if self.cfg.get("span_keys"):
                grade_span_groups(doc, bounds, graded, self.cfg["span_keys"])
            record_spans_key(doc, "hedging", spans_key)
            doc.cats = doc_shares(levels)

    # -- training -------------------------------------------------------------------------

    def _training_batch(self, examples: Iterable[Example]) -> Tuple[SentenceBatch, List[List[float]]]:
        """Gold sentences (boundaries and certainty from the reference) as a model batch."""
        docs, bounds, truths = gold_sentences(examples)
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
        return model_step(self, batch, truths, drop, sgd, losses)

    def get_loss(self, truths: List[List[float]], scores: Floats2d) -> Tuple[float, Floats2d]:
        return level_loss(self.model, truths, scores)

    @initialize_method
    def initialize(
        self, get_examples: Optional[Callable[[], Iterable[Example]]] = None, *, nlp=None,
        cues: TableSetting = None, pseudo_cues: TableSetting = None,
    ) -> None:
        """With examples: a fresh model, trained from scratch by the following updates.
        Without (or ``use_model = false``): keep the shipped or loaded weights. ``cues`` and
        ``pseudo_cues`` (from ``[initialize.components.conflict_hedging]``: a path or the entries;
        null keeps a table) replace those rule tables, saved with the pipeline."""
        self.initialize_tables(cues=cues, pseudo_cues=pseudo_cues)
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
        data: Dict[str, Any] = {"cfg": self.cfg, "rules": self.rules.to_bytes()}
        if model_ready and self.model is not None:
            data["model"] = self.model.to_bytes()
        return srsly.msgpack_dumps(data)

    def from_bytes(self, bytes_data: bytes, *, exclude=tuple()) -> "ConflictHedging":
        data = srsly.msgpack_loads(bytes_data)
        self.cfg.update(_learned(data.get("cfg", {})))
        if "rules" not in data:  # saved by an earlier version: the two tables as lists
            data["rules"] = json.dumps({name: data[name] for name in ("cues", "pseudo_cues")}).encode("utf8")
        self.rules.from_bytes(data["rules"])
        self._compile_rules()
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
        self.rules.to_disk(path)
        if model_ready and self.model is not None:
            (path / "model").write_bytes(self.model.to_bytes())

    def from_disk(self, path, *, exclude=tuple()) -> "ConflictHedging":
        path = Path(path)
        if (path / "cfg.json").exists():
            self.cfg.update(_learned(srsly.read_json(path / "cfg.json")))
        self.rules.from_disk(path)
        self._compile_rules()
        if self.model is not None and "model" not in exclude and (path / "model").exists():
            self.model.from_bytes((path / "model").read_bytes())
            self._pending_weights = None
        return self


def _learned(saved_cfg: Dict[str, Any]) -> Dict[str, Any]:
    """The values of a saved ``cfg`` that training learned (calibration, ...), without the
    settings of the config (:data:`CONFIG_SETTINGS`), which the loaded config decides."""
    return {key: value for key, value in saved_cfg.items() if key not in CONFIG_SETTINGS}


def _check_options(threshold: float, uncued_threshold: float, cue_dropout: float) -> None:
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"conflict_hedging: threshold must be between 0 and 1, got {threshold!r}")
    if not 0.0 < uncued_threshold <= 1.0:
        raise ValueError(f"conflict_hedging: uncued_threshold must be in (0, 1], got {uncued_threshold!r}")
    if not 0.0 <= cue_dropout < 1.0:
        raise ValueError(f"conflict_hedging: cue_dropout must be in [0, 1), got {cue_dropout!r}")


def read_weights(model: Model, path: Path) -> Dict[str, Any]:
    """Load the weights saved in ``path`` (``model`` + ``cfg.json``) into ``model``; returns
    the settings they bring (``calibration``, ``cue_only_scores``)."""
    try:
        cfg = srsly.read_json(path / "cfg.json")
        model.from_bytes((path / "model").read_bytes())
    except (OSError, ValueError, KeyError) as err:
        raise ValueError(
            f"conflict_hedging: cannot load weights from {path} ({type(err).__name__}: {str(err)[:200]}). "
            "The shipped weights fit only the default model config; with another model set "
            "weights = null and train it (nlp.initialize(get_examples) or spacy train), or "
            "set use_model = false for the cue layer alone."
        ) from None
    return {key: cfg[key] for key in ("calibration", "cue_only_scores") if key in cfg}


def _reported_cues(sent: Span, cues: Sequence[Cue], score: float) -> Tuple[List[Span], List[Dict[str, Any]]]:
    """The spans (for the Doc's span group) and the contract's cue objects (char offsets) of
    a hedged sentence's cues; a sentence the trained layer alone hedged gets one cue of type
    ``model`` over the whole sentence, with its ``score``."""
    doc = sent.doc
    if not cues:  # the sentence as the export gives it: without trailing whitespace
        text = sent.text.rstrip()
        record = model_cue(sent.start_char, sent.start_char + len(text), text, score)
        return [Span(doc, sent.start, sent.end, label=MODEL_CUE)], [record]
    spans = [Span(doc, c.start, c.end, label=c.type) for c in cues]
    cue_dicts = [{"start": s.start_char, "end": s.end_char, "text": s.text, "type": c.type} for s, c in zip(spans, cues)]
    return spans, cue_dicts


def grade_span_groups(
    doc: Doc,
    bounds: Sequence[Tuple[int, int]],
    graded: Sequence[Tuple[str, List[Dict[str, Any]]]],
    span_keys: Sequence[str],
) -> None:
    """Write ``span._.conflict_certainty`` and ``span._.conflict_hedge_cues`` on every span of
    ``doc.spans[key]`` for each key of ``span_keys`` (a missing key is skipped): the level and
    a copy of the cue dicts (``graded``) of the sentence (token ranges ``bounds``) the span
    starts in; a span outside every sentence is ``certain`` with no cues."""
    starts = [start for start, _ in bounds]
    values = SpanValues(SPAN_GROUP_VALUES)
    for key in span_keys:
        if key not in doc.spans:
            continue
        for span in doc.spans[key]:
            i = bisect_right(starts, span.start) - 1
            if i < 0 or span.start >= bounds[i][1]:
                values.set(span, (CERTAIN, []))
            else:
                level, cues = graded[i]
                values.set(span, (level, [dict(cue) for cue in cues]))
