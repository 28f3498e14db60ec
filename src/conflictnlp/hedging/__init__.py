"""``conflict_hedging``: how certain is each sentence? Hedge cues and a trained classifier.

Two layers, combined per sentence:

1. **Cue layer** (:mod:`.cues`): a typed, graded lexicon of hedge cues and pseudo-cues
   (``components/hedging/*.jsonl``), matched with spaCy's matchers and scoped by sentence.
   On its own it grades a sentence by its strongest cue
   (unverified > possible > probable > certain).
2. **Trained layer** (:mod:`.model`): a small classifier over the sentence's tokens *and*
   the cue layer's features (registered architecture ``conflictnlp.HedgeClassifier.v1``,
   which takes any ``tok2vec`` sublayer). Its probability that the sentence is hedged is
   calibrated on dev data (:mod:`.calibration`, Platt scaling) and becomes
   ``sent._.conflict_hedge_score``.

How they combine (:mod:`.decision`): a sentence is hedged when the calibrated score reaches
``threshold`` (cue layer alone: when it has a cue). A hedged sentence takes the grade of its
cues; a hedged sentence without any cue (a hedge the lexicon does not know) takes the model's
most probable hedged level. When the model overrules the cues (score below ``threshold``) the
sentence is certain and reports no cues. See docs/hedging.md.

The package: :mod:`.factory` (config -> component), :mod:`.component` (the spaCy shell),
:mod:`.cues`, :mod:`.model`, :mod:`.calibration`, :mod:`.decision`, :mod:`.scorer`, and
``weights/`` (the shipped weights). By default the component loads those weights on first
use, so ``nlp.add_pipe("conflict_hedging")`` works without ``nlp.initialize()``; initializing
with examples trains from scratch; ``use_model = false`` (or ``model = null``) runs the cue
layer alone.
"""

from ..schema import HEDGING_KEY as SPANS_KEY
from .calibration import CUE_ONLY_SCORES, expected_calibration_error, fit_logistic, fit_platt, platt
from .component import BUNDLED_WEIGHTS, ConflictHedging, read_weights
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
    write_rules,
)
from .decision import decide, doc_shares, model_raw, sentence_certainty
from .factory import make_conflict_hedging
from .model import (
    DEFAULT_MODEL,
    DEFAULT_MODEL_CONFIG,
    SentenceBatch,
    _context_free,
    _distinct_vectors,
    build_hedge_classifier,
    drop_cue_features,
)
from .scorer import make_hedging_scorer, score_hedging, sentence_pairs

__all__ = [
    "BUNDLED_WEIGHTS", "CERTAIN", "CUE_ONLY_SCORES", "ConflictHedging", "Cue", "CueMatcher", "DEFAULT_MODEL",
    "DEFAULT_MODEL_CONFIG", "FEATURE_NAMES", "HEDGED_LEVELS", "LEVEL_RANK", "N_FEATURES", "SPANS_KEY",
    "SentenceBatch", "build_hedge_classifier", "cue_features", "cues_by_sentence", "decide", "doc_shares",
    "drop_cue_features", "expected_calibration_error", "fit_logistic", "fit_platt", "load_cue_rules",
    "load_pseudo_rules", "make_conflict_hedging", "make_hedging_scorer", "parse_cue_rules", "parse_pseudo_rules",
    "model_raw", "platt", "read_weights", "score_hedging", "select_cues", "sentence_certainty", "sentence_pairs",
    "sentences_starting", "strongest_level", "write_rules",
]
