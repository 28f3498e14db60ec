"""conflict_attribution recall on real reporting, second pass (issue 14): categories of cues the
blank default missed. One case per line, written for these tests: the text, the cue (its first
occurrence), and the expected source and content (``None`` means null; a missing value is not
checked). ``NOT_CUES`` are words that must stay no cue.
"""

from __future__ import annotations

import pytest

from attribution_helpers import C, assert_cue_found, find
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)


CUES = [
    # Abbreviated titles whose full stop the tokenizer splits off stay inside the source.
    C("The depot burned all night, Army Col. Ruth Vance, the garrison's spokeswoman, said.", "said",
      "Army Col. Ruth Vance, the garrison's spokeswoman", "The depot burned all night"),
    C("Two patrols were ambushed near the dam, said Maj. Gen. Idris Bello, head of the Eastern Command.",
      "said", "Maj. Gen. Idris Bello, head of the Eastern Command", "Two patrols were ambushed near the dam"),
    C("The convoy turned back, Coast Guard Lt. Cmdr. Ana Pires said on Friday.", "said",
      "Coast Guard Lt. Cmdr. Ana Pires", "The convoy turned back"),
    C("Sgt. Omar Reyes said the checkpoint was overrun.", "said", "Sgt. Omar Reyes",
      "the checkpoint was overrun"),
    # An acronym in parentheses after an organisation's name belongs to the source.
    C("A spokesman for the rebel Northern Liberation Front (NLF) said it was a government raid.", "said",
      "A spokesman for the rebel Northern Liberation Front (NLF)", "it was a government raid"),
    C("The harbour was mined, said an officer of the Coastal Defence Force (CDF).", "said",
      "an officer of the Coastal Defence Force (CDF)", "The harbour was mined"),
    # The name of a channel between commas after the cue: the content starts after it.
    C("Odhiambo said on state radio, Sauti FM, that the raid had failed.", "said", "Odhiambo",
      "the raid had failed"),
    C("The governor told local television, Channel Nine, that schools would stay shut.", "told",
      "The governor", "schools would stay shut"),
    # A time phrase between the cue and a reported clause without "that" ends where it ends.
    C("The ferries stopped. Halvorsen said Tuesday the blockade would last a week.", "said", "Halvorsen",
      "the blockade would last a week"),
    C("The envoy said on Thursday the talks in the capital had collapsed.", "said", "The envoy",
      "the talks in the capital had collapsed"),
    C("Police told reporters last night the gunmen had fled on foot.", "told", "Police",
      "the gunmen had fled on foot"),
    # Verbs of the manner of saying, questions and charges: weak, found with "that", a colon or a quote.
    C("The governor asks, “Who will rebuild the bridge?”", "asks", "The governor", "Who will rebuild the bridge?"),
    C("Strikers at the depot chanted “Bread and peace!”", "chanted", "Strikers at the depot", "Bread and peace!"),
    C("Mendoza joked that the council had finally found the budget.", "joked", "Mendoza",
      "the council had finally found the budget"),
    C("The opposition charges that the tender went to a cousin of the minister.", "charges", "The opposition",
      "the tender went to a cousin of the minister"),
    C("A woman shouted: “They took my son!”", "shouted", "A woman", "They took my son!"),
    C("The farmer pleaded that the soldiers spare his cattle.", "pleaded", "The farmer",
      "the soldiers spare his cattle"),
    # A gerund of a promise or threat after a comma, with its infinitive, takes the clause's subject.
    C("The militia shelled the ferry port on Sunday, vowing to hit the airport next.", "vowing", "The militia",
      "to hit the airport next"),
    # A plural claim noun heads a source before a verb of saying: "reports said", "media reports say".
    C("The airport reopened. Separately, reports said a second tanker was seized off the cape.", "said",
      "reports", "a second tanker was seized off the cape"),
    C("Regional media reports say the prefect has left the city.", "say", "Regional media reports",
      "the prefect has left the city"),
    # An owner's name before a platform ("on Kenyan state radio") keeps the channel whole.
    C("Wanjiru said on Kenyan state radio, Sauti FM, that the dam had held.", "said", "Wanjiru",
      "the dam had held"),
    # The speaker's own refusal after "and"/"but" ends the reported clause; another subject's does not.
    C("The mayor said several police cars were burned but did not give details on the wounded.", "said",
      "The mayor", "several police cars were burned"),
    C("The spokesman said the army had retaken the bridge, and declined to elaborate.", "said",
      "The spokesman", "the army had retaken the bridge"),
    C("The governor said the rebels shelled the town and did not stop until dawn.", "said", "The governor",
      "the rebels shelled the town and did not stop until dawn"),
    # A short reported clause opening with "at least"/"at most" is a quantity, not a channel or place.
    C("The navy said at least nine sailors drowned.", "said", "The navy", "at least nine sailors drowned"),
    C("Medics said that at most 30 people fled.", "said", "Medics", "at most 30 people fled"),
    # Examples between commas ("such as", "including") stay inside the source.
    C("Regional broadcasters, such as Lake FM and Channel Six, reported that at least 14 guards died.",
      "reported", "Regional broadcasters, such as Lake FM and Channel Six", "at least 14 guards died"),
    # A phrasal verb of saying in the progressive ("is calling for", "are pointing out").
    C("The council is calling for an audit of the relief funds.", "calling for", "The council",
      "an audit of the relief funds"),
    C("Engineers are pointing out that the levee is already cracked.", "pointing out", "Engineers",
      "the levee is already cracked"),
]

NOT_CUES = [
    ("The report was filed by Capt. Lena Morris at noon.", "filed"),
    ("The driver was charged with smuggling on Monday.", "charged"),
    ("The crowd chanted for an hour in the square.", "chanted"),
    ("Both men pleaded guilty to arson.", "pleaded"),
    ("She asked the court to delay the hearing.", "asked"),
    ("The mayor's jokes fell flat.", "jokes"),
    ("The storm hit the coast, threatening to flood the delta.", "threatening"),
    ("The envoy said at the airport.", "said"),
]


@pytest.mark.parametrize("text,cue,source,content", CUES)
def test_cue_found(nlp, text, cue, source, content):
    assert_cue_found(nlp(text), cue, source, content)


@pytest.mark.parametrize("text,word", NOT_CUES)
def test_not_a_cue(nlp, text, word):
    assert find(nlp(text), word) is None
