"""conflict_counts, a figure owned by someone after its cue (session 11): "killed a woman and her four
children", "killed a village chief and his two sons", "killed the governor's two bodyguards". A
possessive pronoun or an owner's "'s" between the cue and the figure no longer hides the cue, also
across a first object joined by "and"; the plural of a model's
designation counts equipment ("two Su-25s"); members of a family take the fate after the family ("Eleven
members of the same family were killed"). Our own sentences; each runs on the blank default and on a
trained parser."""

from __future__ import annotations

import pytest

from counts_helpers import assert_count, counts_of

# fmt: off
CASES = [
    ("The strike killed a woman and her four children.", "four children", dict(kind="killed", value=4)),
    ("Gunmen killed a village chief and his two sons.", "two sons", dict(kind="killed", value=2)),
    ("Militants killed the governor's two bodyguards.", "two bodyguards", dict(kind="killed", value=2)),
    ("The shelling wounded a nurse and her three patients.", "three patients", dict(kind="wounded", value=3)),
    ("The rebels abducted their 12 hostages from a school.", "12 hostages", dict(kind="captured", value=12)),
    # a subject's own loss keeps its owner as the actor
    ("Russia lost its 12 tanks in the ambush.", "12 tanks", dict(kind="equipment", actor="Russia")),
    # members of a family: the fate after the family is theirs (before: "members" kept the kind troops)
    ("Eleven members of the same family were killed.", "Eleven members", dict(kind="killed", value=11)),
    ("Five members of his family died in the strike.", "Five members", dict(kind="killed", value=5)),
    # the plural of a model's designation is the counted equipment (before: "Russia lost two Su-25s" was casualties)
    ("Russia lost two Su-25s.", "two Su-25s", dict(kind="equipment", value=2, unit="su-25", actor="Russia")),
    ("Two F-16s were shot down.", "Two F-16s", dict(kind="equipment", value=2)),
    ("Reports suggest an order for up to 40 J-35s.", "up to 40 J-35s", dict(kind="equipment", qualifier="max")),
]
# fmt: on


@pytest.mark.parametrize("text,span_text,fields", CASES, ids=[f"{i}:{c[0][:50]}" for i, c in enumerate(CASES)])
def test_owned_figure_after_its_cue(each_path, text, span_text, fields):
    assert_count(counts_of(each_path, text), span_text, fields)
