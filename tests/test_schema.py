"""schema.py is the one owner of the contract's facts: the qualifier table that the component's
bounds, the corpus validator, the approximator check and the views all read."""

from __future__ import annotations

import pytest

from conflictnlp import schema
from conflictnlp.corpus.validate import check_record
from conflictnlp.counts.bounds import stated_bounds
from conflictnlp.counts.tables import APPROXIMATOR_QUALIFIERS
from conflictnlp.views.compare import describe_figure, figure_interval

STATED = [q for q in schema.QUALIFIERS if schema.QUALIFIER[q].stated]


def record_with(count):
    text = "Some 300 soldiers were killed."
    count = dict({"start": 0, "end": 17, "text": "Some 300 soldiers", "kind": "killed", "unit": "soldier",
                  "actor": None, "echelon": None, "inferred": False}, **count)
    return {"id": "q", "text": text, "sentences": [{"start": 0, "end": len(text), "certainty": "certain", "cues": []}],
            "counts": [count]}


def test_qualifier_order_is_the_contract():
    assert schema.QUALIFIERS == ("exact", "approx", "below", "min", "max", "range", "vague", "units")


@pytest.mark.parametrize("qualifier", STATED)
def test_the_component_writes_what_the_validator_accepts(qualifier):
    """stated_bounds (the component) and the validator read one table: their outputs agree."""
    figures = stated_bounds(qualifier, 300)
    figures.pop("inferred")
    assert check_record(record_with(dict(figures, qualifier=qualifier)), "q") == []


@pytest.mark.parametrize("qualifier", STATED)
def test_bounds_follow_the_table(qualifier):
    meaning = schema.QUALIFIER[qualifier]
    figures = stated_bounds(qualifier, 300)
    assert (figures["low"] == 300) is meaning.low_is_value
    assert (figures["high"] == 300) is meaning.high_is_value


@pytest.mark.parametrize(
    "count,problem",
    [
        ({"qualifier": "exact", "value": 300, "low": 299, "high": 300, "estimate": 300}, "needs low == value"),
        ({"qualifier": "exact", "value": 300, "low": None, "high": 301, "estimate": 300}, "needs high == value"),
        ({"qualifier": "min", "value": 300, "low": 200, "high": None, "estimate": 300}, "qualifier 'min' needs low == value"),
        ({"qualifier": "max", "value": 300, "low": None, "high": 400, "estimate": 300}, "qualifier 'max' needs high == value"),
        ({"qualifier": "range", "value": None, "low": 200, "high": None, "estimate": 200}, "qualifier 'range' needs both low and high"),
        ({"qualifier": "vague", "value": 300, "low": 100, "high": 900, "estimate": 300}, "must be null for qualifier 'vague'"),
        ({"qualifier": "approx", "value": None, "low": None, "high": None, "estimate": 300}, "qualifier 'approx' needs a value"),
    ],
)
def test_validator_reads_the_table(count, problem):
    problems = check_record(record_with(count), "q")
    assert any(problem in p for p in problems), problems


def test_an_exact_figure_may_leave_its_bounds_out():
    """The guidelines: exact may leave low/high null; when given they must equal the value."""
    assert check_record(record_with({"qualifier": "exact", "value": 300, "low": None, "high": None, "estimate": 300}), "q") == []
    assert check_record(record_with({"qualifier": "exact", "value": 300, "low": 300, "high": None, "estimate": 300}), "q") == []


def test_approximators_set_the_worded_qualifiers():
    assert APPROXIMATOR_QUALIFIERS == ("approx", "below", "min", "max", "range")


@pytest.mark.parametrize("qualifier,shown", [("exact", "300"), ("approx", "~300"), ("below", "≤300"), ("min", "≥300"), ("max", "≤300")])
def test_views_show_the_sign_of_the_table(qualifier, shown):
    assert describe_figure(dict(stated_bounds(qualifier, 300), qualifier=qualifier)) == shown


def test_only_widened_qualifiers_get_the_tolerance():
    assert figure_interval({"qualifier": "approx", "value": 100, "low": None, "high": None}, 0.1) == pytest.approx((90.0, 110.0))
    assert figure_interval({"qualifier": "exact", "value": 100, "low": 100, "high": 100}, 0.1) == (100, 100)


def test_cue_certainty_is_one_function():
    assert schema.cue_certainty({"type": "epistemic", "text": "is believed to"}) == "probable"
    assert schema.cue_certainty({"type": "epistemic", "text": "may"}) == "possible"
    assert schema.cue_certainty({"type": "evidential", "text": "reportedly"}) == "unverified"
    assert schema.cue_certainty({"type": "condition", "level": "probable"}) == "probable"
    assert schema.cue_certainty({"type": "nonsense"}) == "possible"
    assert schema.cue_certainty({"type": "nonsense"}, default=None) is None
    assert schema.strongest(["probable", "unverified", "possible"]) == "unverified"
    assert schema.strongest([]) == "certain"
