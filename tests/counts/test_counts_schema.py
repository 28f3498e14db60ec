"""conflict_counts against the contract in conflictnlp.schema: its labels are the schema's, and the
corpus validator accepts what it writes."""

from __future__ import annotations

import conflictnlp
from conflictnlp import schema
from conflictnlp.validate import check_record


def test_section_is_an_echelon_in_order():
    assert schema.ECHELONS[:3] == ("squad", "section", "platoon")


def test_validator_accepts_a_section_count():
    """units.jsonl has "section": a count of sections is a valid corpus record."""
    nlp = conflictnlp.load()
    record = conflictnlp.to_dict(nlp("Two sections of soldiers crossed the river."))
    assert [c["echelon"] for c in record["counts"]] == ["section"]
    record["id"] = "section-count"
    assert check_record(record, "section-count") == []
