"""conflict_hedging's calibration (hedging/calibration.py): Platt scaling and its fit."""

from __future__ import annotations

import pytest

from conflictnlp import hedging, sentences  # noqa: F401  (registers the factories)
from conflictnlp.hedging import expected_calibration_error, fit_platt, platt


def test_platt_identity_and_monotone():
    assert platt(0.3, [1.0, 0.0]) == pytest.approx(0.3)
    assert platt(0.2, [2.0, 0.5]) < platt(0.4, [2.0, 0.5]) < platt(0.9, [2.0, 0.5])
    assert 0.0 <= platt(0.0, [5.0, 0.0]) < platt(0.5, [5.0, 0.0]) < platt(1.0, [5.0, 0.0]) <= 1.0


@pytest.mark.parametrize(
    "raw,has_cue,calibration,expected",
    [
        (0.3, False, [1.0, 0.0, 2.0, 0.5], 0.3),  # no cue: c and d do not apply
        (0.3, True, [1.0, 0.0, 0.0, 0.0], 0.3),  # d = 0, c = 0: as without a cue
        (0.5, True, [1.0, 0.0, 2.0, 5.0], 0.8808),  # logit(0.5) = 0: only c counts
        (0.9, True, [1.0, 0.0, 0.0, -1.0], 0.5),  # a + d = 0: the model has no weight with a cue
        (0.9, True, [1.0, 0.0, 1.0], 0.9607),  # three parameters: one shared slope
    ],
)
def test_platt_with_cue_terms(raw, has_cue, calibration, expected):
    assert platt(raw, calibration, has_cue) == pytest.approx(expected, abs=1e-4)


def test_fit_platt_per_group_slope_gives_the_model_its_own_weight_without_cues():
    # Without a cue the model is reliable (its score decides); with a cue the cue decides.
    raw = [0.95] * 10 + [0.05] * 10 + [0.95] * 10 + [0.05] * 10
    has_cue = [False] * 20 + [True] * 20
    gold = [True] * 10 + [False] * 10 + [True] * 20
    a, b, c, d = fit_platt(raw, gold, has_cue, per_group_slope=True)
    assert a > 0.5 and a + d < a
    assert platt(0.95, (a, b, c, d), False) > 0.8 and platt(0.05, (a, b, c, d), False) < 0.2
    assert platt(0.05, (a, b, c, d), True) > 0.8


def test_fit_platt_softens_overconfident_scores():
    # 80% of the sentences scored 0.99 are hedged: calibration should pull 0.99 toward 0.8
    raw = [0.99] * 10 + [0.01] * 10
    gold = [True] * 8 + [False] * 2 + [False] * 8 + [True] * 2
    a, b = fit_platt(raw, gold)
    assert platt(0.99, (a, b)) == pytest.approx(0.8, abs=0.07)  # Platt smoothing pulls a little further
    assert expected_calibration_error([platt(p, (a, b)) for p in raw], gold) < expected_calibration_error(raw, gold)
