"""conflict_attribution on constructions of real reporting (issue 14): split quotes, verbs of
saying beyond say/tell, sources written out in full, contents on the right side of the cue.

One case per line, written for these tests. ``parts`` is the list of content parts of the
attribution whose cue is ``cue`` (its first occurrence); ``None`` for a field means null, a
missing field is not checked.
"""

from __future__ import annotations

import pytest
import spacy

from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)


def find(doc, cue):
    at = doc.text.index(cue)
    return next((a for a in doc._.conflict_attributions if a["cue"]["start"] <= at < a["cue"]["end"]), None)


def P(text, cue, parts):
    return pytest.param(text, cue, parts, id=f"{cue}|{text[:50]}")


SPLIT_QUOTES = [
    P('"We will hold the bridge," the brigade commander said. "Nobody here is leaving."', "said",
      ["We will hold the bridge", "Nobody here is leaving"]),
    P("“The convoy was hit twice,” a driver told reporters. “Two of us are still missing.”", "told",
      ["The convoy was hit twice", "Two of us are still missing"]),
    P('"The talks are over," said Amara Okonkwo, "and the ceasefire with them."', "said",
      ["The talks are over", "and the ceasefire with them"]),
    P('"We saw the drones first," the farmer said on Friday. "Then the shelling started. It lasted all night."', "said",
      ["We saw the drones first", "Then the shelling started. It lasted all night"]),
    # the rest of the sentence after the cue is the writer's; the quote goes on in the next one
    P('"The road is open," Mr. Abara said on Friday at a rally in Kano, where the governor also spoke. "The bridge will follow."',
      "said", ["The road is open", "The bridge will follow"]),
    P('"The road is open," said Ines Varga, an engineer who has worked on the project since 2015. "The bridge is next."',
      "said", ["The road is open", "The bridge is next"]),
    # another cue in between: the next quote is not this speaker's for sure
    P('"The road is open," Mr. Abara said, adding that the army had left. "The bridge will follow."', "said",
      ["The road is open"]),
    # the second quote has a cue of its own: it is that attribution's content
    P('"The port is closed," the governor said. "Ships are turning back," his deputy added.', "said",
      ["The port is closed"]),
    # a paragraph break ends the attribution
    P('"The port is closed," the governor said.\n\n"Ships are turning back."', "said", ["The port is closed"]),
    # a quote after a forward cue is not a continuation
    P('The governor said the port was closed. "Ships are turning back."', "said", ["the port was closed"]),
    P('"Nobody came for us," she said.', "said", ["Nobody came for us"]),
]


@pytest.mark.parametrize("text,cue,parts", SPLIT_QUOTES)
def test_split_quote_parts(nlp, text, cue, parts):
    a = find(nlp(text), cue)
    assert a is not None
    assert [p["text"] for p in a["content_parts"]] == parts
    assert a["content"]["text"] == parts[0]
    for p in a["content_parts"]:
        assert text[p["start"]:p["end"]] == p["text"]


def test_no_content_no_parts(nlp):
    doc = nlp("The militia denied it.")
    for a in doc._.conflict_attributions:
        assert (a["content"] is None) == (a["content_parts"] == [])


def S(text, cue, source, content):
    return pytest.param(text, cue, source, content, id=f"{cue}|{text[:50]}")


SOURCES_WRITTEN_OUT = [
    # party and state tags of legislators belong to the name
    S("Sen. Ruth Abernathy (D-Ore.) said the amendment would not pass.", "said", "Sen. Ruth Abernathy (D-Ore.)",
      "the amendment would not pass"),
    S("Rep. Carl Mendez (R-Texas), who chairs the panel, said the hearing was postponed.", "said",
      "Rep. Carl Mendez (R-Texas), who chairs the panel", "the hearing was postponed"),
    S("“The hearing is postponed,” said Rep. Carl Mendez (R-Texas).", "said", "Rep. Carl Mendez (R-Texas)",
      "The hearing is postponed"),
    S("Senate leader Tom Ridley, R-Kan., said the budget would be ready in March.", "said",
      "Senate leader Tom Ridley, R-Kan.", "the budget would be ready in March"),
    # a non-breaking space inside a title and name
    S("Gov.\u00a0Helen Marsh said the guard had been deployed.", "said", "Gov.\u00a0Helen Marsh",
      "the guard had been deployed"),
    # two-apostrophe quotes (newspaper archives)
    S("''We are not leaving,'' said Mr. Ostrowski, a union organizer.", "said", "Mr. Ostrowski, a union organizer",
      "We are not leaving"),
    S("''The plant will close,'' she said.", "said", "she", "The plant will close"),
]


@pytest.mark.parametrize("text,cue,source,content", SOURCES_WRITTEN_OUT)
def test_sources_written_out(nlp, text, cue, source, content):
    a = find(nlp(text), cue)
    assert a is not None
    assert (a["source"] or {}).get("text") == source
    assert (a["content"] or {}).get("text") == content


def test_two_apostrophe_split_quote(nlp):
    a = find(nlp("''The plant will close,'' she said. ''Everyone knows it.''"), "said")
    assert [p["text"] for p in a["content_parts"]] == ["The plant will close", "Everyone knows it"]


VERBS_OF_SAYING = [
    S("The envoy called for an immediate ceasefire in the north.", "called for", "The envoy",
      "an immediate ceasefire in the north"),
    S("The mayor urged residents to stay indoors.", "urged", "The mayor", "residents to stay indoors"),
    S("The rebel leader threatened to shell the airport.", "threatened", "The rebel leader", "to shell the airport"),
    S("The premier vowed to rebuild the bridge within a year.", "vowed", "The premier", "to rebuild the bridge within a year"),
    S("Rights groups blamed the militia for the massacre.", "blamed", "Rights groups", "the militia for the massacre"),
    S("The deputy testified that the orders came from the capital.", "testified", "The deputy",
      "the orders came from the capital"),
    S("Ms. Okafor countered that the budget had been approved in May.", "countered", "Ms. Okafor",
      "the budget had been approved in May"),
    S("Officials cited security concerns for the delay.", "cited", "Officials", "security concerns for the delay"),
    # verbs of naming: the object and its name
    S("The minister called the raid “a massacre of innocents.”", "called", "The minister",
      "the raid “a massacre of innocents.”"),
    S("The opposition called the vote a farce.", "called", "The opposition", "the vote a farce"),
    S("Analysts have dubbed the offensive a failure.", "dubbed", "Analysts", "the offensive a failure"),
    # progressive and negated forms are finite verbs
    S("Army officials are denying that the convoy was attacked.", "denying", "Army officials", "the convoy was attacked"),
    S("The governor is now saying the curfew will be lifted on Friday.", "saying", "The governor",
      "the curfew will be lifted on Friday"),
    # a gerund after "while", and after an issued document
    S("The colonel said the base was secure, while admitting that two guards were hurt.", "admitting", "The colonel",
      "two guards were hurt"),
    S("The mission issued a statement saying it condemned the raid on the camp.", "saying", "The mission",
      "it condemned the raid on the camp"),
    # "was quoted as saying": the subject speaks
    S("The minister was quoted as saying that talks had collapsed.", "saying", "The minister", "talks had collapsed"),
    S("Nkosi was quoted by local radio as saying the road was closed.", "saying", "Nkosi", "the road was closed"),
]


@pytest.mark.parametrize("text,cue,source,content", VERBS_OF_SAYING)
def test_verbs_of_saying(nlp, text, cue, source, content):
    test_sources_written_out(nlp, text, cue, source, content)


def N(text, cue):
    return pytest.param(text, cue, id=f"{cue}|{text[:50]}")


NOT_REPORTING = [
    # the non-reporting sense of a weak verb
    N("The fighting threatened the harvest in the valley.", "threatened"),
    N("The deputy testified before the committee on Tuesday.", "testified"),
    N("Calls for a ceasefire grew louder on Monday.", "Calls for"),
    # a reporter's dateline
    N("Anna Ilves reported from Narva, and Piet Kask from Tartu.", "reported"),
    # calling without naming
    N("The president called a meeting of the security council.", "called"),
    N("The army called up 20,000 reservists.", "called"),
    N("They reached a town called Marivka.", "called"),
    N("Kyiv called off the talks.", "called"),
    # a capitalized form inside a name
    N("Officials in the United States said the drones were shot down.", "States"),
    N("The Drudge Report said the senator had resigned.", "Report"),
    N("He spoke before the State of the Union address.", "State"),
    # the speaker's aside
    N("I can't tell you how many were killed, the general said.", "tell"),
    N("Let me say this: the town is holding, the commander said.", "say"),
    # a report inside a quotation is the quoted speaker's words
    N("“Nobody warned us that the dam would break,” the farmer said.", "warned"),
    N("“The army claims it hit only fighters, but we saw the bodies,” a nurse said.", "claims"),
]


@pytest.mark.parametrize("text,cue", NOT_REPORTING)
def test_not_reporting(nlp, text, cue):
    assert find(nlp(text), cue) is None


def test_title_case_headline_still_reports(nlp):
    a = find(nlp("Rebels Say They Have Taken The Airport"), "Say")
    assert a is not None and a["source"]["text"] == "Rebels"


def T(text, cue, source, content, time):
    return pytest.param(text, cue, source, content, time, id=f"{cue}|{text[:50]}")


RIGHT_SIDE = [
    # after a quote, what follows the cue is the writer's, not what was said
    T("“We will not retreat,” the commander said Monday.", "said", "the commander", "We will not retreat", "Monday"),
    T("“We are going home,” she said, waving at the buses.", "said", "she", "We are going home", None),
    T("“The dam held,” the engineer told reporters Friday afternoon.", "told", "the engineer", "The dam held",
      "Friday afternoon"),
    # a bare weekday after the cue is its time (US wire style)
    T("The ministry said Tuesday that the border would reopen.", "said", "The ministry", "the border would reopen",
      "Tuesday"),
    # time words and adverbs between source and cue are neither source nor content
    T("The ministry last month announced that the border would reopen.", "announced", "The ministry",
      "the border would reopen", "last month"),
    T("The general angrily denied that his troops had fired first.", "denied", "The general",
      "his troops had fired first", None),
    T("The governors all said the talks had failed.", "said", "The governors", "the talks had failed", None),
    T("Kovac has often cited the 1995 accords as a model.", "cited", "Kovac", "the 1995 accords as a model", None),
    T("The police spokesman on Monday told the agency that the road was being cleared.", "told", "The police spokesman",
      "the road was being cleared", "on Monday"),
    # a weekday with a possessive names an event
    T("Officials blamed Sunday's ambush on a splinter faction.", "blamed", "Officials",
      "Sunday's ambush on a splinter faction", None),
    # "said that if ...": the condition is part of what was said
    T("He said that, if elected, he would pull the troops out.", "said", "He", "if elected, he would pull the troops out", None),
    T("She said that if the court ruled against her, she would appeal.", "said", "She",
      "if the court ruled against her, she would appeal", None),
    # relative pronouns are sources as written; an insert's report ends at its comma
    T("The tenants spoke to an architect who said the tower was unsafe.", "said", "who", "the tower was unsafe", None),
    T("The group, which has said it wants a separate state, denied the attack.", "said", "which",
      "it wants a separate state", None),
    # an appositive with a relative clause: a role stays, a description goes
    T("The Federal Relief Agency, the body that runs the shelters, said it was adding beds.", "said",
      "The Federal Relief Agency, the body that runs the shelters", "it was adding beds", None),
    T("Tom Brandt, a former aide who travelled with her to Lagos, said the trip mattered more.", "said",
      "Tom Brandt, a former aide who travelled with her to Lagos",
      "the trip mattered more", None),
    # a noun in -ly after a determiner stays the source
    T("The assembly said the vote was valid.", "said", "The assembly", "the vote was valid", None),
]


@pytest.mark.parametrize("text,cue,source,content,time", RIGHT_SIDE)
def test_content_on_the_right_side(nlp, text, cue, source, content, time):
    a = find(nlp(text), cue)
    assert a is not None
    assert (a["source"] or {}).get("text") == source
    assert (a["content"] or {}).get("text") == content
    assert (a["time"] or {}).get("text") == time
