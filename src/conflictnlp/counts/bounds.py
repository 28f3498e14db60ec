"""The arithmetic of a count's bounds: value, low, high and estimate of a stated figure
(:func:`stated_bounds`), of a vague magnitude (:func:`vague_bounds`) and of a size given in units
(:func:`unit_bounds`), under an estimate policy (:func:`check_policy`, :data:`DEFAULT_POLICY`).
Plain functions over numbers and table entries; nothing here knows about spaCy.
"""

from __future__ import annotations

import math
from typing import Any, Dict, Optional, Tuple

from ..schema import QUALIFIER

ESTIMATE_CHOICES = ("table", "low", "midpoint", "high")
RANGE_CHOICES = ("midpoint", "low", "high")

DEFAULT_POLICY: Dict[str, Any] = {
    "vague_estimate": "table",
    "units_estimate": "table",
    "range_estimate": "midpoint",
    "below_factor": 1.0,
    "min_factor": 1.0,
    "max_factor": 1.0,
}


def check_policy(policy: Dict[str, Any]) -> Dict[str, Any]:
    """Validate an estimate policy (merged over :data:`DEFAULT_POLICY`); clear errors name the key."""
    merged = dict(DEFAULT_POLICY)
    merged.update(policy)
    for key in ("vague_estimate", "units_estimate"):
        if merged[key] not in ESTIMATE_CHOICES:
            raise ValueError(f"conflict_counts: {key} must be one of {ESTIMATE_CHOICES}, got {merged[key]!r}")
    if merged["range_estimate"] not in RANGE_CHOICES:
        raise ValueError(f"conflict_counts: range_estimate must be one of {RANGE_CHOICES}, got {merged['range_estimate']!r}")
    for key, lo, hi in (("below_factor", 0.0, 1.0), ("max_factor", 0.0, 1.0), ("min_factor", 1.0, 100.0)):
        value = merged[key]
        number_ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        # below/max estimates may shrink the figure (0 < factor <= 1); min estimates may grow it (1 <= factor <= 100).
        in_range = number_ok and (lo < value <= hi if key != "min_factor" else lo <= value <= hi)
        if not in_range:
            raise ValueError(f"conflict_counts: {key} must be a number from {lo} to {hi}, got {value!r}")
    return merged


def _pick(low: int, high: int, table: int, how: str) -> int:
    if how == "low":
        return low
    if how == "high":
        return high
    if how == "midpoint":
        return (low + high) // 2
    return min(max(table, low), high)


def stated_bounds(
    qualifier: str,
    value: Optional[int] = None,
    low: Optional[int] = None,
    high: Optional[int] = None,
    policy: Dict[str, Any] = DEFAULT_POLICY,
) -> Dict[str, Any]:
    """value/low/high/estimate for a figure the text states.

    >>> stated_bounds("below", 50000)["high"]
    50000
    >>> stated_bounds("min", 10000)
    {'value': 10000, 'low': 10000, 'high': None, 'estimate': 10000, 'inferred': False}
    >>> stated_bounds("range", low=600, high=700)["estimate"]
    650
    """
    if qualifier == "range":
        if low is None or high is None or low > high:
            raise ValueError(f"a range needs low <= high, got {low}..{high}")
        estimate = _pick(low, high, (low + high) // 2, policy["range_estimate"])
        return {"value": None, "low": low, "high": high, "estimate": estimate, "inferred": False}
    if value is None:
        raise ValueError(f"qualifier {qualifier!r} needs a value")
    meaning = QUALIFIER.get(qualifier)
    if meaning is None or not meaning.stated:
        raise ValueError(f"unknown qualifier for a stated figure: {qualifier!r}")
    low = value if meaning.low_is_value else None
    high = value if meaning.high_is_value else None
    estimate = value
    if low is None and high is not None:  # an upper bound: the estimate may shrink ("nearly", "up to")
        estimate = min(value, max(0, math.floor(value * policy[f"{qualifier}_factor"])))
    elif high is None and low is not None:  # a lower bound: the estimate may grow ("at least")
        estimate = max(value, math.ceil(value * policy[f"{qualifier}_factor"]))
    return {"value": value, "low": low, "high": high, "estimate": estimate, "inferred": False}


def vague_bounds(entry: Dict[str, Any], policy: Dict[str, Any] = DEFAULT_POLICY) -> Dict[str, Any]:
    """Bounds of a vague magnitude from its table entry ("dozens" -> 24..99)."""
    low, high = entry["low"], entry["high"]
    return {
        "value": None, "low": low, "high": high,
        "estimate": _pick(low, high, entry["estimate"], policy["vague_estimate"]), "inferred": True,
    }


def unit_bounds(
    n_low: float, n_high: float, n_estimate: float, unit: Dict[str, Any], policy: Dict[str, Any] = DEFAULT_POLICY
) -> Dict[str, Any]:
    """Bounds of a size given in units: ``n_low..n_high`` units (estimate ``n_estimate``) of one echelon.

    >>> unit_bounds(3, 3, 3, {"low": 3000, "high": 5000, "estimate": 4000})["estimate"]
    12000
    """
    low = int(round(n_low * unit["low"]))
    high = int(round(n_high * unit["high"]))
    table = int(round(n_estimate * unit["estimate"]))
    return {
        "value": None, "low": low, "high": high,
        "estimate": _pick(low, high, table, policy["units_estimate"]), "inferred": True,
    }


def count_bounds(
    qualifier: str,
    number: Optional[float],
    second: Optional[float],
    vague: Optional[Dict[str, Any]],
    echelon: Optional[Dict[str, Any]],
    policy: Dict[str, Any] = DEFAULT_POLICY,
) -> Tuple[Dict[str, Any], str, Optional[str]]:
    """(bounds, qualifier, echelon name) of a count: ``number`` (to ``second`` for a range) or the
    ``vague`` table entry, counted in units of the ``echelon`` table entry when there is one."""
    if echelon is not None:
        if vague is not None:
            n_lo, n_hi, n_est = vague["low"], vague["high"], vague["estimate"]
        elif second is not None:
            n_lo, n_hi, n_est = number, second, (number + second) / 2
        else:
            n_lo = n_hi = n_est = number
        return unit_bounds(n_lo, n_hi, n_est, echelon, policy), "units", echelon["echelon"]
    if vague is not None:
        return vague_bounds(vague, policy), "vague", None
    if qualifier == "range":
        return stated_bounds("range", low=int(number), high=int(second), policy=policy), qualifier, None
    return stated_bounds(qualifier, int(number), policy=policy), qualifier, None
