"""conflict_attribution on real reporting, sixth pass (issue 14), e: a source described by a reduced
relative clause ("Figures released by the ministry say", "Officials based in Kharkiv said") is the
whole phrase as written, not the object of its preposition; a raising cue before what someone is
reported to be ("Several soldiers are reported dead") is a report without a source; headlines: a
speaker and topic before a colon ("Kyiv Mayor on Blackouts: ..."), a quotation in single quotes
after a headline colon, and a capitalized verb the tagger reads as a name in a title-case headline; a parenthetical source
and cue before a phrase ("..., he said, for how ..."); "many of whom say"; a linking adverbial next to the cue ("said, however, that"). One case per line, written for these
tests: the text, the cue (its first occurrence), the expected source and content (``None`` means
null). Each case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

CUES = [
    C("Figures released by the health ministry say 31 people were killed.", "say",
      "Figures released by the health ministry", "31 people were killed"),
    C("Officials based in Kharkiv said the strikes continued overnight.", "said", "Officials based in Kharkiv",
      "the strikes continued overnight"),
    C("Residents reached by phone said the shelling had stopped.", "said", "Residents reached by phone",
      "the shelling had stopped"),
    C("Soldiers interviewed by the agency said they had not been paid for months.", "said",
      "Soldiers interviewed by the agency", "they had not been paid for months"),
    C("A report published by the monitoring group on Monday said 12 drones were downed.", "said",
      "A report published by the monitoring group", "12 drones were downed"),
    C("But medics stationed near the front told reporters that the clinic was full.", "told",
      "medics stationed near the front", "the clinic was full"),
    C("Peacekeepers deployed along the border reported that two villages were burned.", "reported",
      "Peacekeepers deployed along the border", "two villages were burned"),
    # The participle of a passive or of the content is no relative clause of the source.
    C("The bodies were found by villagers near the river, officials said.", "said", "officials",
      "The bodies were found by villagers near the river"),
    C("Russia said troops based in Belarus had moved south.", "said", "Russia", "troops based in Belarus had moved south"),
    C("The army said drones launched from the coast were shot down.", "said", "The army",
      "drones launched from the coast were shot down"),
]

REPORTED_STATES = [
    # No source; the clause is the content, as for "reportedly" (the cue keeps its participle).
    C("Several soldiers are reported dead after the clashes near the dam.", "reported", None,
      "Several soldiers are reported dead after the clashes near the dam"),
    C("At least 12 civilians were reported killed in the shelling.", "reported", None,
      "At least 12 civilians were reported killed in the shelling"),
    C("Two journalists are reported missing in the east.", "reported", None, "Two journalists are reported missing in the east"),
    C("Many of the hostages are reported alive, the negotiator said.", "reported", None,
      "Many of the hostages are reported alive"),
    # Inside another report, the clause starts after the outer cue.
    C("Hospital staff say dozens are reported wounded.", "reported", None, "dozens are reported wounded"),
    C("Villagers said that the herders were reported abducted.", "reported", None, "the herders were reported abducted"),
]

HEADLINES = [
    C("Kyiv Mayor on Blackouts: 'Hardest Winter Yet'", "on Blackouts:", "Kyiv Mayor", "Hardest Winter Yet"),
    C("Defence Ministry on Drone Strikes: 'All Targets Were Military'", "on Drone Strikes:", "Defence Ministry",
      "All Targets Were Military"),
    C("Zelensky: 'We Will Win This War'", ":", "Zelensky", "We Will Win This War"),
    C("General Warns of ‘Long War’ in the East", "Warns of", "General", "‘Long War’ in the East"),
    C("Army Chief Warns of ‘Hard Winter’ for Troops", "Warns of", "Army Chief", "‘Hard Winter’ for Troops"),
]

PARENTHETICALS = [
    # Source and cue between commas after a clause: what follows goes on the clause, whatever word
    # opens it (a preposition, "to", "before"): two content parts.
    C("The army has drawn up a plan, he said, for how it can hold the river.", "said", "he",
      "The army has drawn up a plan"),
    C("He has drawn up a plan, the colonel said, for how the brigade can hold the river.", "said", "the colonel",
      "He has drawn up a plan"),
    C("The militia was ready, the commander insisted, for a long siege.", "insisted", "the commander",
      "The militia was ready"),
    # A relative that counts part of a group is the source as written, its content ends with the insert.
    C("Families of the dead, many of whom say the inquiry was a sham, marched on Sunday.", "say", "many of whom",
      "the inquiry was a sham"),
    C("The strikes angered residents, most of whom say the army ignored their warnings.", "say", "most of whom",
      "the army ignored their warnings"),
    C("Twelve officers were detained, two of whom said they had been beaten.", "said", "two of whom",
      "they had been beaten"),
]

ADVERBIALS = [
    # A linking adverbial next to the cue belongs to neither the source nor the content.
    C("The commander said on the other hand, \u201cthe reserves are not ready.\u201d", "said", "The commander",
      "the reserves are not ready"),
    C("The minister said, however, that the talks would go on.", "said", "The minister", "the talks would go on"),
    C("The envoy said instead that a truce was close.", "said", "The envoy", "a truce was close"),
    C("The spokesman said, for example, that two depots had burned.", "said", "The spokesman", "two depots had burned"),
    C("Rebels, however, said the town was still theirs.", "said", "Rebels", "the town was still theirs"),
    C("The governor, for her part, said the shelters were full.", "said", "The governor", "the shelters were full"),
    C("The governor dismissed reports, however, that the town had fallen.", "dismissed", "The governor",
      "the town had fallen"),
    C("The army denied claims, though, that its drones hit the market.", "denied", "The army",
      "its drones hit the market"),
]

DESCRIBED_AS = [
    # "as" right after "described" is the cue's particle; after an object it stays in the content.
    C("The blast was what the mayor described as \u201can intentional act.\u201d", "described as", "the mayor",
      "\u201can intentional act.\u201d"),
    C("Analysts described as reckless the decision to cross the river.", "described as", "Analysts",
      "reckless the decision to cross the river"),
    C("The governor described the attack as a war crime.", "described", "The governor", "the attack as a war crime"),
]

ESTIMATES = [
    # A figure put on a count is what the source holds (cue_type belief): the count and its figure.
    C("Officials in the province have put the death toll from Tuesday's raid on the market at 17.", "have put",
      "Officials in the province", "the death toll from Tuesday's raid on the market at 17"),
    C("The UN puts the number of displaced at 1.2 million.", "puts", "The UN", "the number of displaced at 1.2 million"),
    C("Local officials put the toll at more than 40, the agency said.", "put", "Local officials",
      "the toll at more than 40"),
    C("The ministry estimates the number of dead at about 300.", "estimates", "The ministry",
      "the number of dead at about 300"),
    C("Rescuers are putting the number of missing at nearly two hundred.", "are putting", "Rescuers",
      "the number of missing at nearly two hundred"),
]

NOUN_CLAUSES = [
    C("The army denied reports that were published by the rebels.", "denied", "The army",
      "reports that were published by the rebels"),
    C("Kyiv claims that wounded soldiers were left behind.", "claims", "Kyiv", "wounded soldiers were left behind"),
]

PARTS_OF_GROUPS = [
    # A part of a group that opens the clause speaks ("some" is no determiner here).
    C("But some note that the army has not withdrawn.", "note", "some", "the army has not withdrawn"),
    C("Some say the offensive has stalled.", "say", "Some", "the offensive has stalled"),
    C("Some reported that the convoy turned back.", "reported", "Some", "the convoy turned back"),
    C("Some reports say the bridge was destroyed.", "say", "Some reports", "the bridge was destroyed"),
    C("The army dismissed some reports that the town had fallen.", "dismissed", "The army", "the town had fallen"),
]

SPEECH_NOUNS = [
    # A clause that names what is said before its colon: the verb group to the colon is the cue.
    C("The ministry made the following statement: \u201cOur forces repelled the attack.\u201d", "made the following statement:",
      "The ministry", "Our forces repelled the attack"),
    C("The commander gave a short answer: \u201cWe hold the bridge.\u201d", "gave a short answer:", "The commander",
      "We hold the bridge"),
    C("The army issued this warning: civilians must leave the area by noon.", "issued this warning:", "The army",
      "civilians must leave the area by noon"),
    C("On July 6, the general made the following comment:\n\n\u201cWe will not give up the city.\u201d",
      "made the following comment:", "the general", "We will not give up the city"),
    C("The governor gave him a short answer: \u201cNo.\u201d", "gave him a short answer:", "The governor", "No"),
]

BARE_CLAUSES = [
    # Without tags, a noun-or-verb form before a clause opening with a subject pronoun is the verb;
    # a plural subject with an -ing modifier opens the clause.
    C("However, conflicting accounts claim it was the police who fired first.", "claim", "conflicting accounts",
      "it was the police who fired first"),
    C("The rebel group reports they captured two tanks.", "reports", "The rebel group", "they captured two tanks"),
    C("The town fell, and fleeing residents said the bridge was gone.", "said", "fleeing residents",
      "the bridge was gone"),
]

NOT_CUES = [
    ("The plan had one aim: to retake the airport.", ":"),
    ("The convoy carried three things: flour, fuel and medicine.", ":"),
    ("Here is the statement: the talks are over.", ":"),
    ("Some claims were never checked.", "claims"),
    # A noun-or-verb form before a relative clause or a title is a noun, tags or none.
    ("The nonstop demands that come with front-line command erase a commander's private life.", "demands"),
    ("The governor's niece, state Sen. Lina Oduya, spoke first.", "state"),
    ("Reports that were published by the rebels could not be checked.", "Reports"),
    ("The claims they made were false.", "claims"),
    ("Medics put the wounded on a bus to the city.", "put"),
    ("The army put the blame on the rebels.", "put"),
    ("The engineers put the number plates at the gate.", "put"),
    ("Sanctions on Oil: A Year of Loopholes", ":"),
    ("Attacks on Shipping: What We Know", ":"),
    ("Update: Strikes resume overnight", ":"),
    ("The reported dead include two medics.", "reported"),
    ("The fire was reported late on Sunday.", "reported"),
    ("Supplies stored in the said warehouse were looted.", "said"),
]

test_found, test_found_with_parser, test_not_a_cue = both_paths_tests(CUES + REPORTED_STATES + HEADLINES + PARENTHETICALS + ADVERBIALS + DESCRIBED_AS + ESTIMATES + BARE_CLAUSES + NOUN_CLAUSES + PARTS_OF_GROUPS + SPEECH_NOUNS, NOT_CUES)


def test_parenthetical_cue_keeps_both_parts(nlp, parsed):
    text = "The army has drawn up a plan, he said, for how it can hold the river."
    for pipe in (nlp, parsed):
        a = pipe(text)._.conflict_attributions[0]
        assert [p["text"] for p in a["content_parts"]] == ["The army has drawn up a plan", "for how it can hold the river"]


def test_an_estimate_is_a_belief(nlp, parsed):
    for pipe in (nlp, parsed):
        a = pipe("The UN puts the number of displaced at 1.2 million.")._.conflict_attributions[0]
        assert a["cue_type"] == "belief"
