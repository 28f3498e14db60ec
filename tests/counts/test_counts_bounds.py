"""conflict_counts, the arithmetic (conflictnlp.counts.bounds): bounds and estimates of stated
figures, vague magnitudes and sizes in units, and the estimate policy."""

from __future__ import annotations

import doctest

import pytest
import spacy
from hypothesis import given, settings, strategies as st

import conflictnlp
from conflictnlp.counts import bounds
from conflictnlp.counts import check_policy, stated_bounds, unit_bounds, vague_bounds


# fmt: off
BOUNDS = [
    ("exact", 300, None, None, dict(value=300, low=300, high=300, estimate=300)),
    ("approx", 300, None, None, dict(value=300, low=None, high=None, estimate=300)),
    ("below", 50000, None, None, dict(value=50000, low=None, high=50000, estimate=50000)),
    ("min", 10000, None, None, dict(value=10000, low=10000, high=None, estimate=10000)),
    ("max", 12000, None, None, dict(value=12000, low=None, high=12000, estimate=12000)),
    ("range", None, 600, 700, dict(value=None, low=600, high=700, estimate=650)),
]
# fmt: on


@pytest.mark.parametrize("qualifier,value,low,high,expected", BOUNDS)
def test_stated_bounds(qualifier, value, low, high, expected):
    got = stated_bounds(qualifier, value, low, high)
    assert {k: got[k] for k in expected} == expected
    assert got["inferred"] is False


def test_factors_change_estimates_within_bounds():
    policy = check_policy({"min_factor": 1.5, "below_factor": 0.9, "max_factor": 0.5, "range_estimate": "high"})
    assert stated_bounds("min", 10000, policy=policy)["estimate"] == 15000
    assert stated_bounds("below", 50000, policy=policy)["estimate"] == 45000
    assert stated_bounds("max", 12000, policy=policy)["estimate"] == 6000
    assert stated_bounds("range", low=600, high=700, policy=policy)["estimate"] == 700


def test_vague_and_unit_policies():
    entry = {"low": 24, "high": 99, "estimate": 40}
    assert vague_bounds(entry)["estimate"] == 40
    assert vague_bounds(entry, check_policy({"vague_estimate": "low"}))["estimate"] == 24
    assert vague_bounds(entry, check_policy({"vague_estimate": "midpoint"}))["estimate"] == 61
    brigade = {"low": 3000, "high": 5000, "estimate": 4000}
    assert unit_bounds(2, 3, 2.5, brigade) == {"value": None, "low": 6000, "high": 15000, "estimate": 10000, "inferred": True}
    assert unit_bounds(3, 3, 3, brigade, check_policy({"units_estimate": "high"}))["estimate"] == 15000


def test_policy_config_reaches_the_component():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_counts", config={"min_factor": 2.0, "vague_estimate": "high"})
    counts = conflictnlp.to_dict(nlp("More than 100 soldiers and dozens of tanks were lost."))["counts"]
    assert [(c["estimate"]) for c in counts] == [200, 99]


@pytest.mark.parametrize("config", [
    {"vague_estimate": "median"}, {"range_estimate": "table"}, {"min_factor": 0.5},
    {"below_factor": 1.5}, {"max_factor": 0}, {"below_factor": "x"},
])
def test_bad_policy_is_a_clear_error(config):
    with pytest.raises(ValueError, match="conflict_counts"):
        spacy.blank("en").add_pipe("conflict_counts", config=config)


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["exact", "approx", "below", "min", "max"]),
    st.integers(min_value=1, max_value=10**9),
    st.floats(min_value=0.01, max_value=1.0),
    st.floats(min_value=1.0, max_value=100.0),
)
def test_policy_keeps_estimate_within_bounds(qualifier, value, shrink, grow):
    policy = check_policy({"below_factor": shrink, "max_factor": shrink, "min_factor": grow})
    got = stated_bounds(qualifier, value, policy=policy)
    assert got["low"] is None or got["low"] <= got["estimate"]
    assert got["high"] is None or got["estimate"] <= got["high"]
    assert got["value"] == value


def test_docstring_examples():
    result = doctest.testmod(bounds)
    assert result.attempted and not result.failed
