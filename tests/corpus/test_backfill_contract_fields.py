"""corpus/tools/backfill_contract_fields.py: transcript turns by rule and hand-checked edits, both
idempotent. Invented documents."""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path

import pytest

from conflictnlp.corpus.authoring import build_record

SCRIPT = Path(__file__).resolve().parents[2] / "corpus" / "tools" / "backfill_contract_fields.py"


@pytest.fixture(scope="module")
def backfill():
    spec = importlib.util.spec_from_file_location("backfill_contract_fields", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _doc(style="transcript"):
    return {"id": "bf-1", "style": style, "paragraphs": [[
        {"s": "HOST: How many boats crossed the strait?"},
        {"s": "CAPT. ILONA BREK: Eleven.", "attributions": [
            {"cue": ":", "source": "CAPT. ILONA BREK", "content": "Eleven", "source_type": "official"}]},
        {"s": "Two of them sank."},
        {"s": "10:45 - MIRO TAL: We saw the flares."},
    ]]}


# (label rule case, expected turn attributions: (sentence index, source, content, cue))
def test_turns_get_their_whole_turn_and_roles_none(backfill):
    doc, log = _doc(), []
    fields = {("bf-1", "MIRO TAL"): {"source_type": "person", "anonymous": False}}
    backfill.apply_turns(doc, fields, log)
    got = [(i, a["source"], a["content"], a["cue"]) for i, s in enumerate(doc["paragraphs"][0])
           for a in s.get("attributions") or []]
    assert got == [(1, "CAPT. ILONA BREK", "Eleven. Two of them sank", ":"),
                   (3, "MIRO TAL", "We saw the flares", {"text": ":", "nth": 2})]
    record = build_record(doc)  # the turn content spans two sentences and builds
    assert [a["content"]["text"] for a in record["attributions"]] == ["Eleven. Two of them sank", "We saw the flares"]
    again = copy.deepcopy(doc)
    backfill.apply_turns(again, fields, [])
    assert again == doc  # idempotent


def test_headline_lists_keep_their_colons(backfill):
    doc = _doc("headline_list")
    before = copy.deepcopy(doc)
    backfill.apply_turns(doc, {}, [])
    assert doc == before


# (edit, the attribution list of sentence 1 after it)
EDITS = [
    ({"op": "set", "cue": ":", "fields": {"cue_type": "belief"}}, [("CAPT. ILONA BREK", "belief")]),
    ({"op": "remove", "cue": ":"}, []),
    ({"op": "add", "attribution": {"cue": "Eleven", "source": None, "content": None}},
     [("CAPT. ILONA BREK", None), (None, None)]),
]


@pytest.mark.parametrize("edit,expected", EDITS)
def test_hand_checked_edits_apply_once(backfill, edit, expected):
    doc = _doc()
    edit = dict(edit, at=[0, 1], s="CAPT. ILONA", doc="bf-1", why="test")
    assert backfill.apply_edit(doc, edit) is True
    assert backfill.apply_edit(doc, edit) is False  # the second run changes nothing
    got = [(a.get("source"), a.get("cue_type")) for a in doc["paragraphs"][0][1].get("attributions")]
    assert got == expected


def test_an_edit_on_a_changed_sentence_stops(backfill):
    with pytest.raises(SystemExit, match="not 'Three boats'"):
        backfill.apply_edit(_doc(), {"op": "remove", "at": [0, 1], "s": "Three boats", "cue": ":", "doc": "bf-1"})


# (whole turn, its content): the final full stop goes, as in quote contents; "?", "!" and "..." stay
TURN_ENDS = [
    ("We held the bridge.", "We held the bridge"),
    ("Eleven. Two sank.", "Eleven. Two sank"),
    ("Were they armed?", "Were they armed?"),
    ("Get down!", "Get down!"),
    ("We waited and waited...", "We waited and waited..."),
]


@pytest.mark.parametrize("turn,content", TURN_ENDS)
def test_turn_content_stops_before_the_final_full_stop(backfill, turn, content):
    assert backfill._content(turn) == content
