"""Source typing (conflictnlp.attribution.sources, also importable as conflictnlp.sources): the
type, anonymity and state-media flag of a source phrase, pure functions over strings."""

from __future__ import annotations

import pytest

from conflictnlp import schema
from conflictnlp.lexicons import bundled_jsonl
from conflictnlp.sources import SourceTyper


# ------------------------------------------------------------------------------------------ source typing
TYPER_CASES = [
    ("Ukrainian President Volodymyr Zelensky", "official", False, False),
    ("a spokesperson for the air force", "official", True, False),
    ("the Kremlin", "government", False, False),
    ("the Pentagon", "government", False, False),
    ("The New York Times", "media", False, False),
    ("the UN", "organization", False, False),
    ("a commander", "official", True, False),
    ("a US official", "official", True, False),
    ("sources", "unknown", True, False),
    ("officials", "official", True, False),
    ("a senior Moldovan official with knowledge of the convoy schedule", "official", True, False),
    ("Ukrainian official Mykhailo Podolyak", "official", False, False),
    ("TASS", "media", False, True),
    ("RIA Novosti", "media", False, True),
    ("KCNA", "media", False, True),
    ("Xinhua", "media", False, True),
    ("RT", "media", False, True),
    ("Sputnik", "media", False, True),
    ("IRNA", "media", False, True),
    ("SANA", "media", False, True),
    ("Al-Masirah", "media", False, True),
    ("CCTV", "media", False, True),
    ("Press TV", "media", False, True),
    ("Yonhap", "media", False, False),
    ("a TASS correspondent", "media", False, True),
    ("the Institute for the Study of War", "organization", False, False),
    ("Russia's Defence Ministry", "government", False, False),
    ("Ukraine's General Staff", "military", False, False),
    ("the Israeli military", "military", False, False),
    ("Volodymyr Zelensky", "person", False, False),
    ("he", "person", False, False),
    ("residents", "person", True, False),
    ("people familiar with the matter", "unknown", True, False),
    ("Hotnews", "media", False, False),
    ("an army spokesman", "official", True, False),
    ("aid agencies", "organization", True, False),
    ("Human rights groups", "organization", True, False),
    ("Russian military bloggers", "media", True, False),
    ("Israeli media", "media", True, False),
    ("UN experts", "organization", True, False),
    ("researchers at Addis Ababa University", "organization", True, False),
    ("The General Command of the Armed Forces", "military", False, False),
    ("the paramilitary group", "military", False, False),
    ("the interior ministry's press service", "government", False, False),
    ("IDF intelligence", "military", False, False),
    ("the Houthi-run health ministry", "government", False, False),
    ("the SDF-affiliated administration", "government", False, False),
    ("The Hamas-run civil defence agency", "government", False, False),
    ("the Sudan Doctors Network", "organization", False, False),
    ("Médecins Sans Frontières", "organization", False, False),
    ("the Syrian Alliance for Relief", "organization", False, False),
    ("Hezbollah's member of parliament for Tyre, Ali Fayyad", "official", False, False),
    ("Islamabad", "government", False, False),
    ("Uganda", "government", False, False),
    ("Israeli Defence Minister Israel Katz", "official", False, False),
    ("The military council", "military", False, False),
    ("Local MLA Nazir Ahmad", "official", False, False),
    ("Military sources", "unknown", True, False),
    ("the State Emergency Service", "government", False, False),
    ("MSF", "organization", False, False),
    ("a Lebanese military source", "official", True, False),
    ("a diplomatic source", "official", True, False),
    ("two residents", "person", True, False),
    ("a trader", "person", True, False),
    ("the Yale Humanitarian Research Lab", "organization", False, False),
    ("the National Rehabilitation Commission", "government", False, False),
    ("the district commissioner", "official", False, False),
    ("The junta", "military", False, False),
    ("Hamas", "military", False, False),
    ("police spokesman Abdifatah Aden Hassan", "official", False, False),
    ("the Border Security Force", "military", False, False),
    ("Unconfirmed reports", "unknown", True, False),
    ("local authorities", "government", True, False),
]


@pytest.fixture(scope="module")
def typer():
    return SourceTyper(bundled_jsonl("attribution", "source_types.jsonl"), bundled_jsonl("attribution", "outlets.jsonl"))


@pytest.mark.parametrize("text,source_type,anonymous,state_media", TYPER_CASES)
def test_source_typing(typer, text, source_type, anonymous, state_media):
    info = typer.classify(text)
    assert (info.source_type, info.anonymous, info.state_media) == (source_type, anonymous, state_media)


def test_source_typing_uses_entity_label(typer):
    assert typer.classify("Mwangi", "PERSON").source_type == "person"
    assert typer.classify("Mwangi").source_type == "unknown"


def test_bad_source_type_is_named(typer):
    with pytest.raises(ValueError, match="'spy'"):
        SourceTyper([{"text": "spook", "type": "spy"}], [])


def test_old_module_path_is_the_same_module_and_types_come_from_the_schema():
    import conflictnlp.sources
    from conflictnlp.attribution import sources

    assert conflictnlp.sources is sources
    assert sources.SOURCE_TYPES is schema.SOURCE_TYPES
