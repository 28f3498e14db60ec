"""Source typing of armed forces' commands and press services, state media named by description,
armed groups and plural bodies; names typed from their title or appositive; and the cue_type
(speech / belief / evidence) of every attribution. Sentences written for these tests."""

from __future__ import annotations

import pytest

import conflictnlp
from conflictnlp.lexicons import bundled_jsonl
from conflictnlp.sources import SourceTyper

TYPER_CASES = [  # source as written, source_type, state_media
    ("the navy's spokesman", "official", False),
    ("Southern Command", "military", False),
    ("the Joint Chiefs of Staff", "military", False),
    ("the General Staff of the armed forces", "military", False),
    ("the air force's press service", "military", False),
    ("the ministry of defence press service", "government", False),
    ("the South's state media", "media", True),
    ("state radio", "media", True),
    ("the official news agency", "media", True),
    ("the state-run broadcaster", "media", True),
    ("government-controlled television", "media", True),
    ("an independent news agency", "media", False),
    ("The Taliban", "military", False),
    ("Al-Shabab", "military", False),
    ("the ISIS-linked group", "military", False),
    ("a Hamas-run ministry", "government", False),
    ("Several news outlets", "media", False),
    ("Malian organizations", "organization", False),
    ("a regional coordinator", "official", False),
    # an outlet the outlets table does not list, by the last word of its name
    ("the Kherson Herald", "media", False),
    ("Harbor Times", "media", False),
    ("the Coastal Courier", "media", False),
    ("the Frontier Wire", "media", False),
    ("Times", "unknown", False),  # one word is no outlet's name
    ("the times", "unknown", False),
]


@pytest.fixture(scope="module")
def typer():
    return SourceTyper(bundled_jsonl("attribution", "source_types.jsonl"), bundled_jsonl("attribution", "outlets.jsonl"))


@pytest.mark.parametrize("text,source_type,state_media", TYPER_CASES)
def test_source_kinds(typer, text, source_type, state_media):
    info = typer.classify(text)
    assert (info.source_type, info.state_media) == (source_type, state_media)


@pytest.fixture(scope="module")
def nlp():
    return conflictnlp.load()


NAME_CASES = [  # text, the cue whose source is checked, its source_type
    ("The shelling went on, navy spokesman Capt. Ivo Marek reported. Marek told reporters the port was hit.", "told", "official"),
    ("Across the bay, the army's spokesman, General Pavel Hruby, gave figures. Hruby said ten boats sank.", "said", "official"),
    ("Lena Sorel, a district commissioner, said the bridge was down.", "said", "official"),
    ("Colonel Odo Barr spoke first, and later Ota Kinsky, an army spokesman, spoke. Both Barr and Kinsky said the road was cut.", "said", "official"),
]


@pytest.mark.parametrize("text,cue,source_type", NAME_CASES)
def test_names_keep_their_title(nlp, text, cue, source_type):
    items = [a for a in conflictnlp.to_dict(nlp(text))["attributions"] if a["cue"]["text"] == cue]
    assert items and items[-1]["source_type"] == source_type


CUE_TYPE_CASES = [  # text, cue, cue_type (None: no attribution)
    ("The colonel said the town had fallen.", "said", "speech"),
    ("According to the mayor, the dam held.", "According to", "speech"),
    ("Norwegian intelligence assesses that the regiment has lost most of its tanks.", "assesses", "belief"),
    ("Allied officials believe that the assault will stall before spring.", "believe", "belief"),
    ("The coast guard estimates that 30 boats left overnight.", "estimates", "belief"),
    ("Farmers think that the militia will come back.", "think", "belief"),
    ("A leaked assessment shows that the garrison is short of fuel.", "shows", "evidence"),
    ("A university study concluded that most of the wells were poisoned.", "concluded", "evidence"),
    ("The survey indicates that most of the wells were poisoned.", "indicates", "evidence"),
    ("The major is believed to be hiding in the hills.", "believed", None),
    ("The footage shows troops crossing the bridge.", "shows", None),
    ("The rebels found rifles in the barn.", "found", None),
    ("Observers expect the truce to collapse.", "expect", None),
]


@pytest.mark.parametrize("text,cue,cue_type", CUE_TYPE_CASES)
def test_cue_type(nlp, text, cue, cue_type):
    items = [a for a in conflictnlp.to_dict(nlp(text))["attributions"] if a["cue"]["text"] == cue]
    assert [a["cue_type"] for a in items] == ([cue_type] if cue_type else [])


def test_every_attribution_has_a_cue_type(nlp):
    from conflictnlp import schema
    doc = nlp("“We held,” the captain said. Reporters were told the port was open, residents say.")
    assert doc._.conflict_attributions and all(a["cue_type"] in schema.ATTRIBUTION_CUE_TYPES for a in doc._.conflict_attributions)
