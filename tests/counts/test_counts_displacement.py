"""conflict_counts, displacement as reports word it (session 10; the kind our corpus showed the rules
missing most): people who "left the town", "left for", "arrived in", "were forced from their homes",
a shelter "housing" or "hosting" them, "newly displaced", "would displace", "the displacement of";
and fates worded after the figure that the tables lacked ("conscripted", "apprehended", "feared
buried", "trapped under", "currently held").
Those cues are civilians' fate (the cue table's ``civil`` field): soldiers who leave a town are a
force on the move, not displaced. Our own sentences; each runs on the blank default and on a trained
parser."""

from __future__ import annotations

import pytest

from counts_helpers import assert_count, counts_of, find

# fmt: off
CASES = [
    ("Some 40 families have left for Kassala this year.", "Some 40 families", dict(kind="displaced", unit="family", value=40)),
    ("About 3,000 residents had left the town for relatives' homes.", "About 3,000 residents", dict(kind="displaced", qualifier="approx")),
    ("Tens of thousands of people have left villages near the frontier.", "Tens of thousands of people", dict(kind="displaced", qualifier="vague")),
    ("Roughly 12,000 people arrived in Gedaref in November.", "Roughly 12,000 people", dict(kind="displaced", value=12000)),
    ("At least 8,000 villagers were forced from their homes by the fighting.", "At least 8,000 villagers", dict(kind="displaced", qualifier="min")),
    ("Some 9,500 people have been newly displaced in the district.", "Some 9,500 people", dict(kind="displaced", value=9500)),
    ("The school alone is housing some 2,000 people.", "some 2,000 people", dict(kind="displaced", value=2000)),
    ("The offensive could displace tens of thousands of civilians.", "tens of thousands of civilians", dict(kind="displaced")),
    ("A new assault may cause the displacement of up to 500,000 people.", "up to 500,000 people", dict(kind="displaced", qualifier="max")),
    ("At least 2,000 flee the valley for the coast in a week", "At least 2,000", dict(kind="displaced", qualifier="min")),
    ("Aid agencies say thousands of people have crossed the river.", "thousands of people", dict(kind="displaced")),
    ("More than 90,000 people have returned to their villages since June.", "More than 90,000 people", dict(kind="displaced")),
    ("Some 800 families had come back to the town since March.", "Some 800 families", dict(kind="displaced")),
    ("The camp still houses about 15,000 people, most of them children.", "about 15,000 people", dict(kind="displaced")),
    ("Volunteers evacuate up to 30 people a day.", "up to 30 people", dict(kind="displaced", qualifier="max")),
    # --- other fates worded after the figure: conscripted, apprehended, buried under rubble, currently held --
    ("The junta says 41,000 men have been conscripted since February.", "41,000 men", dict(kind="troops")),
    ("In the raid, 27 suspects were apprehended and handed to the police.", "27 suspects", dict(kind="captured")),
    ("Rescuers said dozens were feared buried after the strike.", "dozens", dict(kind="missing")),
    ("Some 60 people are still trapped under the rubble.", "Some 60 people", dict(kind="missing")),
    ("More than 900 prisoners are currently held in the fortress.", "More than 900 prisoners", dict(kind="captured")),
]

# A force that moves is no displacement: the counted noun keeps its own kind.
FORCES = [
    ("About 200 soldiers left the town on Monday.", "About 200 soldiers", "troops"),
    ("Some 300 peacekeepers arrived in Bunia on Friday.", "Some 300 peacekeepers", "troops"),
    ("The base, housing 4,000 troops, was shelled overnight.", "4,000 troops", "troops"),
    ("About 400 soldiers crossed the river at night.", "About 400 soldiers", "troops"),
    ("The base houses 3,000 troops.", "3,000 troops", "troops"),
]
# fmt: on


@pytest.mark.parametrize("text,span_text,fields", CASES, ids=[f"{i}:{c[0][:50]}" for i, c in enumerate(CASES)])
def test_displaced(each_path, text, span_text, fields):
    assert_count(counts_of(each_path, text), span_text, fields)


@pytest.mark.parametrize("text,span_text,kind", FORCES, ids=[f"{i}:{c[0][:50]}" for i, c in enumerate(FORCES)])
def test_a_force_on_the_move_is_not_displaced(each_path, text, span_text, kind):
    found = find(counts_of(each_path, text), span_text)
    assert found is not None and found["kind"] == kind, found


def test_civil_cue_gives_no_kind_to_a_bare_figure(each_path):
    """ "About 2,000 had left the town": without a noun of people the cue counts nothing."""
    counts = counts_of(each_path, "About 2,000 had left the town by Monday.")
    found = find(counts, "About 2,000")
    assert found is None or found["kind"] != "displaced", found
