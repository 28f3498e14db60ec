"""compare(): figures whose actor the text does not give are their own group per kind, listed but
never flagged as a disagreement between sources (issue 13). Sentences written for these tests."""

from __future__ import annotations

import pytest

from conflictnlp.views.compare import compare

# (name, one text per document, expected {(actor, kind): (figures, disagree)})
CASES = [
    ("two tolls without an actor do not disagree",
     ["The district mayor said 300 people were killed in the shelling.", "A hospital director said 45 people were killed in the town."],
     {(None, "killed"): (2, False)}),
    ("the same actor still disagrees",
     ["Russia has amassed 50,000 troops, the ministry said.", "Russia has amassed 20,000 troops, an analyst said."],
     {("Russia", "troops"): (2, True)}),
    ("actorless figures stay apart from the actor's group",
     ["Russia has amassed 50,000 troops, the ministry said. The mayor said 12 people were wounded.", "Russia has amassed 20,000 troops. A medic said 400 people were wounded."],
     {("Russia", "troops"): (2, True), (None, "wounded"): (2, False)}),
]


@pytest.mark.parametrize("name,texts,expected", CASES, ids=[c[0] for c in CASES])
def test_actorless_figures_are_their_own_group(nlp, name, texts, expected):
    result = compare({f"d{i}": nlp(text) for i, text in enumerate(texts)})
    got = {(g["actor"], g["kind"]): (g["figures"], g["disagree"]) for g in result.groups}
    assert got == expected
    for row in result.rows:
        if row["actor"] is None:
            assert row["conflicts"] == 0 and row["disagree"] is False


def test_actorless_group_reads_as_unknown_in_the_table(nlp):
    result = compare([nlp("The mayor said 300 people were killed."), nlp("A medic said 45 people were killed.")])
    assert "(actor unknown)" in result.table() and "SOURCES DISAGREE" not in result.table()
