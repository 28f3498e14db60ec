"""conflict_attribution, reports real news words without the marks our rules waited for (session 11,
categories from US news and our corpus): a clause without "that" after a verb of evidence or saying
("The report indicates the army lost ...", "Satellite images show the army has moved ...", "His
advisers have suggested the offensive is over"); "as reported by X" and "as stated in X" framing the
clause they stand beside; an aside of comparison between the cue and its "that" ("said, as it did on
Friday, that ..."); a report inside a clause opened by "While", "Although", "If" ... ends with that
clause; a contracted auxiliary is no source ("We've warned that ..."); a source starts where a new
subject does: after an opening dash, at a capitalized article after a plain word (a lost full stop),
after a noun of time ("the first time Russia said"); a name after "according to", and the subject of a
second verb, keep their appositive; a gerund insert after a subject ("Ryan, admitting that ...,
backed it") speaks for it; a comparison after what was said (", as did the UN") is the writer's. Our own sentences; each case
runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests

CUES = [
    # a finite clause without "that" after a verb of evidence or of saying
    C("The report indicates the army lost at least 300 tanks in the winter.", "indicates", "The report",
      "the army lost at least 300 tanks in the winter"),
    C("The study found the militia fired the rockets from a school.", "found", "The study",
      "the militia fired the rockets from a school"),
    C("Satellite images show the army has moved artillery closer to the border.", "show", "Satellite images",
      "the army has moved artillery closer to the border"),
    C("Analysts have suggested the army is short of shells.", "suggested", "Analysts",
      "the army is short of shells"),
    C("The commander cautioned the dam could fail within days.", "cautioned", "The commander",
      "the dam could fail within days"),
    C("Evidence suggests the missile was fired from the east.", "suggests", "Evidence",
      "the missile was fired from the east"),
    # "as reported by X", "as stated in X": the clause beside the frame is what was reported
    C("As first reported by the Kyiv Independent, the rebels took the airport.", "reported by",
      "the Kyiv Independent", "the rebels took the airport"),
    C("The rebels took the airport, as reported by Reuters.", "reported by", "Reuters",
      "The rebels took the airport"),
    C("As stated in the ministry's report, there are conflicting accounts of how the convoy was hit.",
      "As stated in", "the ministry's report", "there are conflicting accounts of how the convoy was hit"),
    C("The convoy was hit twice, as detailed in the UN report.", "as detailed in", "the UN report",
      "The convoy was hit twice"),
    # an aside of comparison between the cue and its "that"
    C("The army said, as it did on Friday, that the rebels had withdrawn.", "said", "The army",
      "the rebels had withdrawn"),
    C("Several analysts cautioned, as did the ministry itself, that the ceasefire might collapse.", "cautioned",
      "Several analysts", "the ceasefire might collapse"),
    # a report inside a fronted clause ends with it
    C("While officials said the offensive is over, the general is preparing another push.", "said", "officials",
      "the offensive is over"),
    C("Although the army has suggested the offensive is over, the general is preparing another push.", "suggested",
      "the army", "the offensive is over"),
    C("If, as the ministry has suggested, the militia is running out of shells, the offensive will stall.",
      "suggested", "the ministry", "the militia is running out of shells"),
    # a contracted auxiliary between source and cue
    C("We've warned that the dam could fail.", "warned", "We", "the dam could fail"),
    C("They'd said the bridge would hold.", "said", "They", "the bridge would hold"),
    C("The rebels together vowed to fight on.", "vowed", "The rebels", "to fight on"),
    # where a new subject starts inside the words before the cue
    C("It was the second time the army said it had taken the town.", "said", "the army", "it had taken the town"),
    C("It was the first time Russia said it had lost aircraft in the region.", "said", "Russia",
      "it had lost aircraft in the region"),
    C("The rebels held the bridge for days - officials said they had mined it - before withdrawing.", "said",
      "officials", "they had mined it"),
    C("Army engineers blew up the bridge The ministry said it would rebuild it by June.", "said", "The ministry",
      "it would rebuild it by June"),
    C("Kall -- co-editor of a book on the war -- said the general liked surprises.", "said",
      "Kall -- co-editor of a book on the war", "the general liked surprises"),
    C("Reporters from The Times said the convoy had turned back.", "said", "Reporters from The Times",
      "the convoy had turned back"),
    # a name after "according to" with its appositive; a second verb's subject with its appositive
    C("According to Ahmed Salim, a spokesman for the ministry, 12 soldiers died in the attack.", "According to",
      "Ahmed Salim, a spokesman for the ministry", "12 soldiers died in the attack"),
    C("Twelve soldiers died in the attack, according to Ahmed Salim, a spokesman for the ministry.", "according to",
      "Ahmed Salim, a spokesman for the ministry", "Twelve soldiers died in the attack"),
    C("According to Colonel Ruiz, the attack destroyed four villages, as well as a clinic.", "According to",
      "Colonel Ruiz", "the attack destroyed four villages, as well as a clinic"),
    C("Rendell, a party veteran, said he had fought off pneumonia and called it a common ailment.", "called",
      "Rendell, a party veteran", "it a common ailment"),
    # a noun-or-verb form ("reports", "claims") as the verb: before a clause without "that", after its
    # source and appositive, or between commas after its source
    C("One aid group, Relief for Kivu, reports machetes and axes were used in the attack.", "reports",
      "One aid group, Relief for Kivu", "machetes and axes were used in the attack"),
    C("The monitoring group claims government troops have retaken the town.", "claims", "The monitoring group",
      "government troops have retaken the town"),
    C("The rebels, the group claims, have retaken the town.", "claims", "the group", "The rebels"),
    # a gerund insert after the subject speaks for it, up to its comma; a comparison ends no content
    C("Ryan, admitting that he had concerns about the plan, backed it anyway.", "admitting", "Ryan",
      "he had concerns about the plan"),
    C("The general, saying the town was lost, ordered a retreat.", "saying", "The general", "the town was lost"),
    C("The ministry noted the rebels had withdrawn, as did the UN.", "noted", "The ministry",
      "the rebels had withdrawn"),
    C("The army said the road was open, as have other monitors.", "said", "The army", "the road was open"),
    # a channel or statement between the cue and a clause without "that"
    C("The army said on Telegram it had destroyed the bridge.", "said", "The army", "it had destroyed the bridge"),
    C("The ministry said in a statement the strike killed 12 people.", "said", "The ministry",
      "the strike killed 12 people"),
    C("The air force said on Telegram it had destroyed 21 of 27 drones launched overnight.", "said",
      "The air force", "it had destroyed 21 of 27 drones launched overnight"),
    C("The army wrote on Telegram it had destroyed the bridge.", "wrote", "The army", "it had destroyed the bridge"),
    C("The ministry said in a statement posted on its website that 12 people died.", "said", "The ministry",
      "12 people died"),
    # a text quoted with "read"
    C("\u201cThe enemy suffered heavy losses,\u201d the statement read.", "read", "the statement",
      "The enemy suffered heavy losses"),
    C("The post reads: \u201cWe hold the bridge.\u201d", "reads", "The post", "We hold the bridge"),
]
NOT_CUES = [
    ("An hourlong show aired on state television on Sunday.", "show"),
    ("The parade was a show of force.", "show"),
    ("The Morning Brief Show aired the interview on Monday.", "Show"),
    ("The general suggested a ceasefire.", "suggested"),
    ("The map showed the site where troops had camped.", "showed"),
    ("They show no sign of leaving.", "show"),
    ("Soldiers show reporters the wreckage of the drone.", "show"),
    ("Local media reports suggest the town has fallen.", "reports"),
    ("The army did not elaborate on the incident, citing operational matters.", "citing"),
    ("The ministry declined to give figures, citing security reasons.", "citing"),
    ("The envoy left early, citing the sensitivity of the talks.", "citing"),
    ("Rebels, claiming the town had fallen, posted videos from the square.", "posted"),
    ("Soldiers read the report before the assault.", "read"),
    ("He read the names of the dead aloud.", "read"),
    # a refusal to say: "can neither confirm nor deny" reports nothing
    ("I can neither confirm nor deny it.", "confirm"),
    ("I can neither confirm nor deny it.", "deny"),
    ("The spokesman would neither confirm nor deny the report.", "confirm"),
    # what a parse alone read as a report (session 11): a question put to "you", a disclaimer, an agentless passive
    ("Can you confirm whether the army carried out that strike?", "confirm"),
    ("Can you say who is responsible for the executions?", "say"),
    ("If there were any civilian victims, and I am not saying there were, an inquiry will establish the facts.", "saying"),
    ("The video showed a rifleman saying he had been told he was going to a training exercise.", "told"),
    ("The New York state attorney general is confirming that the foundation is not registered.", "state"),
]

test_found, test_found_with_parser, test_not_a_cue = both_paths_tests(CUES, NOT_CUES)


def test_a_fronted_clause_keeps_a_relative_inside_it(nlp, parsed):
    text = "While officials said the offensive, which began in May, is over, the general is preparing another push."
    for pipe in (nlp, parsed):
        (rec,) = [a for a in pipe(text)._.conflict_attributions if a["cue"]["text"] == "said"]
        assert rec["content"]["text"] == "the offensive, which began in May, is over"
