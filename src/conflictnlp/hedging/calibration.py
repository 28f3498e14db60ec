"""Calibration of ``conflict_hedging``'s score: P(hedged) from the model's raw probability.

Platt scaling, optionally stacked with the cue layer (a logistic regression over the model's
logit and whether the sentence has a cue), fitted on dev data by ``training/train_hedging.py``;
and the fixed probabilities the cue layer alone reports (``use_model = false``). Pure Python.
"""

from __future__ import annotations

import math
from typing import Dict, List, Optional, Sequence

# P(hedged | cue grade) when the cue layer runs alone (use_model = false): the share of
# gold-hedged sentences among the dev sentences of each grade, measured by
# training/train_hedging.py and kept here so that the score stays a probability.
CUE_ONLY_SCORES: Dict[str, float] = {"certain": 0.0753, "probable": 0.9655, "possible": 0.9565, "unverified": 0.9655}


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


def fit_logistic(
    xs: Sequence[Sequence[float]],
    gold: Sequence[bool],
    iterations: int = 100,
    l2: float = 1e-3,
    sample_weights: Optional[Sequence[float]] = None,
) -> List[float]:
    """Weights of a small logistic regression, by Newton's method with step halving.

    Targets are Platt's smoothed ones ((n+ + 1)/(n+ + 2), 1/(n- + 2)), which keep the fit
    finite on separable data; ``l2`` is a light ridge for the same reason. ``sample_weights``
    (default 1 each) weigh each row's term of the log-loss.
    """
    n_pos = sum(1 for g in gold if g)
    n_neg = len(gold) - n_pos
    t_pos, t_neg = (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2)
    ys = [t_pos if g else t_neg for g in gold]
    sws = list(sample_weights) if sample_weights is not None else [1.0] * len(ys)
    k = len(xs[0]) if xs else 0
    weights = [0.0] * k

    def loss(w: Sequence[float]) -> float:
        total = l2 * sum(v * v for v in w) / 2
        for x, y, sw in zip(xs, ys, sws):
            p = min(max(_sigmoid(sum(a * b for a, b in zip(w, x))), 1e-12), 1 - 1e-12)
            total -= sw * (y * math.log(p) + (1 - y) * math.log(1 - p))
        return total

    current = loss(weights)
    for _ in range(iterations):
        grad = [l2 * v for v in weights]
        hess = [[l2 if i == j else 0.0 for j in range(k)] for i in range(k)]
        for x, y, sw in zip(xs, ys, sws):
            p = _sigmoid(sum(a * b for a, b in zip(weights, x)))
            w = sw * p * (1 - p)
            for i in range(k):
                grad[i] += sw * (p - y) * x[i]
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
    raw: Sequence[float],
    gold: Sequence[bool],
    has_cue: Optional[Sequence[bool]] = None,
    per_group_slope: bool = False,
    sample_weights: Optional[Sequence[float]] = None,
) -> List[float]:
    """Fit the calibration of :func:`platt` on dev: ``[a, b]``, ``[a, b, c]`` with ``has_cue``,
    ``[a, b, c, d]`` with ``has_cue`` and ``per_group_slope``; ``sample_weights`` weigh the rows."""
    if has_cue is None:
        a, b = fit_logistic([[_logit(p), 1.0] for p in raw], gold, sample_weights=sample_weights)
        return [a, b]
    if not per_group_slope:
        rows = [[_logit(p), 1.0, 1.0 if h else 0.0] for p, h in zip(raw, has_cue)]
        a, b, c = fit_logistic(rows, gold, sample_weights=sample_weights)
        return [a, b, c]
    rows = [[_logit(p), 1.0, 1.0 if h else 0.0, _logit(p) if h else 0.0] for p, h in zip(raw, has_cue)]
    return fit_logistic(rows, gold, sample_weights=sample_weights)


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
