"""Second-pass annotations of the round-2 cross-check sample, half "ef" (documents of
writers e and f), and the writer of corpus/crosscheck/second_pass_round2_ef.jsonl.

Annotated from the sentence texts of blank_round2_ef.jsonl and docs/annotation.md only
(plus the rulings decided for round 2), without looking at the first pass. Keys are
(paragraph, sentence), 0-based. Helpers fill the bounds that a qualifier implies.
A transcript turn "NAME: ..." is written with T(name, type): cue ":", content the whole
turn (filled in from the paragraph text).

    python corpus/crosscheck/make_second_pass_round2_ef.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
TURN = "__TURN__"


def C(text, kind, unit=None, actor=None, q="exact", v=None, lo=None, hi=None, ech=None):
    if q == "exact":
        lo = hi = v
    elif q == "below":
        hi = v
    elif q == "min":
        lo = v
    elif q == "max":
        hi = v
    count = {"text": text, "value": v, "low": lo, "high": hi, "qualifier": q, "kind": kind,
             "unit": unit, "actor": actor}
    if ech:
        count["echelon"] = ech
    return count


def A(cue, source, content, st="unknown", anon=False, sm=False, medium=None, time=None, via=(), resolved=None):
    item = {"cue": cue, "source": source, "content": content, "source_type": st, "anonymous": anon,
            "state_media": sm, "medium": medium, "time": time, "via": list(via)}
    if resolved:
        item["resolved"] = resolved
    return item


def T(name, st):
    return A(":", name, TURN, st)


def S(certainty="certain", cues=(), counts=(), attrs=()):
    return {"certainty": certainty, "cues": [{"text": t, "type": ty} for t, ty in cues],
            "counts": list(counts), "attributions": list(attrs)}


ANN = {}

ANN["colombia-f01"] = {
    (0, 1): S(counts=[C("more than 48,000 people", "displaced", "person", None, "min", 48000)],
              attrs=[A("says", "the regional ombudsman's office",
                       "more than 48,000 people have been displaced since fighting broke out between the ELN and FARC dissidents in January", "government")]),
    (0, 2): S(counts=[C("At least 80 people", "killed", "person", None, "min", 80)],
              attrs=[A("said", "the office", "At least 80 people have been killed, among them former FARC combatants who had signed the 2016 peace deal", "government")]),
    (0, 4): S(counts=[C("some 6,000 people", "displaced", "person", None, "approx", 6000)],
              attrs=[A("told", "She", "the sports stadium alone is housing some 6,000 people, many of whom arrived on foot after walking for two days",
                       "media", medium="us", resolved="Lucía Ardila")]),
    (1, 0): S(counts=[C("5,000 additional soldiers", "troops", "soldier", None, "exact", 5000),
                      C("about 10,000", "troops", "soldier", None, "approx", 10000)],
              attrs=[A("announced", "The defence minister", "5,000 additional soldiers would be deployed to the region, joining about 10,000 already there",
                       "official", time="on Sunday")]),
    (1, 1): S(attrs=[A("says", "The army", "its troops have retaken control of the main road between Tibú and Cúcuta", "military")]),
    (1, 2): S(attrs=[A("describe", "residents", "a very different picture, with armed men still stopping vehicles at night", "person", True)]),
    (1, 3): S("unverified", [("denied", "denial")],
              attrs=[A("blamed", "The ELN", "the dissidents for starting the fighting", "military", medium="in a statement on its website"),
                     A("denied", "The ELN", "attacking civilians", "military", medium="in a statement on its website")]),
    (1, 4): S(attrs=[A("accused", "President Gustavo Petro", "it of committing war crimes", "official")]),
    (1, 5): S("possible", [("Whether", "unclear"), ("in doubt", "unclear")]),
    (2, 0): S(counts=[C("two officers", "killed", "officer", None, "exact", 2)],
              attrs=[A("say", "police in Cauca", "two officers were killed when a drone dropped explosives on a police station in the town of Suárez overnight", "military")]),
    (2, 1): S("probable", [("suspect", "epistemic")],
              attrs=[A("suspect", "Authorities", "the Central General Staff", "government")]),
}

ANN["colombia-f02"] = {
    (0, 1): S("probable", [("estimate", "estimate")],
              [C("some 9,000 members", "troops", "member", "Clan del Golfo", "approx", 9000)]),
    (0, 2): S("probable", [("assesses", "estimate")],
              [C("between 5,800 and 6,500 combatants", "troops", "combatant", "ELN", "range", None, 5800, 6500)],
              [A("assesses", "Military intelligence", "the ELN has between 5,800 and 6,500 combatants, roughly a third of them in Venezuela at any given time", "military")]),
    (0, 3): S("probable", [("thought to", "estimate")],
              [C("about 3,500 fighters", "troops", "fighter", "FARC dissidents", "approx", 3500)]),
    (1, 0): S("probable", [("likely", "epistemic")]),
    (1, 1): S("probable", [("believe", "estimate")],
              attrs=[A("believe", "officials", "many more go unreported", "official", True)]),
    (1, 3): S(attrs=[A("have described", "Critics", "the policy as naive", "person", True),
                     A("argued", "Critics", "ceasefires gave the groups room to expand", "person", True)]),
    (1, 4): S(attrs=[A("counter", "Government negotiators", "violence against civilians fell during the ceasefires with the ELN", "official", True)]),
    (1, 5): S("possible", [("do not allow a firm conclusion", "unclear")]),
    (1, 6): S("possible", [("If", "condition"), ("would", "condition")]),
    (1, 7): S("probable", [("unlikely", "epistemic")]),
    (1, 9): S("probable", [("believed", "estimate")],
              [C("at least 38 hostages", "captured", "hostage", None, "min", 38)]),
}

ANN["ethiopia-f01"] = {
    (0, 0): S(counts=[C("at least 26 people", "killed", "person", None, "min", 26),
                      C("11 students", "killed", "student", None, "exact", 11)],
              attrs=[A("said", "two residents and a health official",
                       "Ethiopian government drone strikes on a town in Amhara region killed at least 26 people, including 11 students at a religious school",
                       "person", True, time="on Wednesday")]),
    (0, 1): S(attrs=[A("said", "the residents",
                       "The strikes hit the town of Debre Elias in East Gojjam zone, an area where Fano militiamen have been fighting federal forces since August 2023",
                       "person", True)]),
    (0, 2): S(attrs=[A("told", "one of the residents, a farmer", "There were no fighters in the school, only children studying", "person", True,
                       medium="Highland Wire")]),
    (0, 4): S("unverified", [("denied", "denial")],
              attrs=[A("said", "The military", "it targets only Fano positions", "military", time="in the past"),
                     A("has denied", "The military", "killing civilians", "military")]),
    (1, 1): S("probable", [("estimated", "estimate")],
              [C("tens of thousands of fighters", "troops", "fighter", "Fano", "vague")]),
    (1, 2): S(counts=[C("more than 150 federal soldiers", "killed", "soldier", "Ethiopia", "min", 150),
                      C("four trucks", "equipment", "truck", None, "exact", 4)],
              attrs=[A("said", "A Fano commander in Gojjam, Zemene Kassie",
                       "his forces had killed more than 150 federal soldiers in an ambush last week and seized four trucks of ammunition",
                       "official", medium="in a video posted on YouTube")]),
    (1, 3): S("unverified", [("could not independently verify", "unverifiable")]),
    (1, 4): S(counts=[C("93 extremists", "casualties", "extremist", None, "exact", 93)],
              attrs=[A("reported", "The state-affiliated Fana Broadcasting Corporate",
                       'security forces had "neutralised" 93 extremists in operations across West Gojjam', "media", sm=True, time="on Monday")]),
    (2, 0): S(attrs=[A("have accused", "Rights groups", "both sides of abuses, including extrajudicial killings and the looting of health centres", "organization", True)]),
    (2, 1): S(counts=[C("at least 45 civilians", "killed", "civilian", None, "min", 45)],
              attrs=[A("said", "The Ethiopian Human Rights Commission",
                       "at least 45 civilians were killed by security forces in a house-to-house search in the town of Merawi",
                       "organization", medium="in a report", time="last month")]),
    (2, 2): S("unverified", [("rejected", "denial")],
              attrs=[A("has rejected", "The government", "such reports", "government"),
                     A("calling", "The government", "them one-sided", "government")]),
    (2, 3): S(attrs=[A("according to", "the UN", "More than 1.5 million people in Amhara need food aid", "organization")]),
}

ANN["ethiopia-f02"] = {
    (0, 0): S("probable", [("appears", "epistemic")]),
    (0, 2): S("probable", [("assessment", "estimate")],
              [C("between 20,000 and 40,000 armed men", "troops", "man", "Fano", "range", None, 20000, 40000)]),
    (0, 3): S(counts=[C("a few thousand bandits", "troops", "bandit", "Fano", "vague")],
              attrs=[A("put", "Government figures", "a few thousand bandits", "government")]),
    (0, 4): S("probable", [("probably", "epistemic")],
              [C("six or seven divisions", "troops", "division", "Ethiopia", "units", ech="division")]),
    (1, 0): S("probable", [("believe", "estimate")],
              attrs=[A("believe", "Western diplomats in Addis Ababa",
                       "the government is betting that drone strikes will fragment Fano's leadership before the 2026 elections", "official", True)]),
    (1, 1): S("possible", [("may", "epistemic")]),
    (1, 2): S("probable", [("appears to", "epistemic")],
              [C("at least 480 civilians", "killed", "civilian", None, "min", 480)]),
    (1, 4): S("possible", [("if", "condition"), ("would", "condition"), ("likely", "epistemic")]),
    (1, 5): S("possible", [("unclear", "unclear"), ("whether", "unclear")]),
}

ANN["haiti-e01"] = {
    (0, 0): S(attrs=[A("said", "police and local officials",
                       "Gang members attacked the town of Mirebalais in central Haiti overnight, freeing about 500 inmates from the local prison and setting fire to dozens of homes",
                       "official", True, time="on Monday")]),
    (0, 1): S(counts=[C("At least 11 people", "killed", "person", None, "min", 11),
                      C("two police officers", "killed", "officer", None, "exact", 2)],
              attrs=[A("according to", "the town's mayor, Jean-Robert Pierre", "At least 11 people were killed, including two police officers", "official")]),
    (0, 2): S("probable", [("likely", "epistemic")],
              attrs=[A("said", "Pierre", "the toll was likely to rise as residents searched burned-out houses", "official")]),
    (0, 3): S("unverified", [("claimed", "evidential")],
              attrs=[A("was claimed", "a leader of the Viv Ansanm gang coalition", "The attack", "official", True,
                       medium="in a video posted on social media"),
                     A("boasted", "who", "his men now controlled the town", "official", True)]),
    (0, 4): S("unverified", [("could not verify", "unverifiable")]),
    (1, 0): S(counts=[C("two armoured vehicles", "equipment", "vehicle", "Haiti", "exact", 2)],
              attrs=[A("said", "The Haitian National Police",
                       "it had sent reinforcements, including two armoured vehicles and a special weapons unit, to the area", "military", medium="in a statement")]),
    (1, 1): S(counts=[C("fewer than 30 officers", "troops", "officer", None, "max", 30)],
              attrs=[A("told", "A police union official", "fewer than 30 officers had been stationed in Mirebalais when the attack began",
                       "official", True, medium="Caribbean Wire")]),
    (1, 2): S(attrs=[A("said", "he", "They had rifles from the 1990s and no radio that worked", "official", True)]),
    (1, 3): S(counts=[C("more than 6,000 people", "displaced", "person", None, "min", 6000)],
              attrs=[A("said", "The International Organization for Migration",
                       "more than 6,000 people had fled Mirebalais and nearby villages toward the city of Hinche", "organization")]),
    (2, 0): S(counts=[C("about 1,000 personnel", "troops", "personnel", None, "approx", 1000)]),
    (2, 1): S(counts=[C("at least 2,500 officers", "troops", "officer", None, "min", 2500)],
              attrs=[A("has previously said", "Its commander", "the force needs at least 2,500 officers to secure the main roads out of the capital", "official")]),
    (2, 3): S(counts=[C("More than 5,600 people", "killed", "person", None, "min", 5600)],
              attrs=[A("according to", "the United Nations", "More than 5,600 people were killed in gang violence in Haiti last year", "organization")]),
}

ANN["haiti-e02"] = {
    (0, 0): S(counts=[C("at least 1,520 people", "killed", "person", None, "min", 1520),
                      C("640", "wounded", "person", None, "exact", 640)]),
    (0, 2): S(counts=[C("At least 412 people", "captured", "person", None, "min", 412)]),
    (0, 3): S("probable", [("likely", "epistemic")]),
    (1, 0): S(counts=[C("at least 42 people", "killed", "person", None, "min", 42),
                      C("9 children", "killed", "child", None, "exact", 9),
                      C("27 others", "wounded", None, None, "exact", 27)]),
    (1, 1): S(attrs=[A("told", "Survivors",
                       "the attackers went from house to house and shot residents they accused of supporting a local self-defence brigade",
                       "person", True, medium="the Office"),
                     A("accused", "they", "supporting a local self-defence brigade", "military")]),
    (1, 2): S("unverified", [("allegations", "evidential"), ("suspected", "epistemic")],
              [C("at least 19 suspected gang members", "killed", "member", None, "min", 19)],
              [A("allegations", None, "police officers summarily executed at least 19 suspected gang members in Port-au-Prince during the period")]),
    (1, 3): S("unverified", [("denied", "denial")],
              attrs=[A("has denied", "The Haitian National Police", "its officers carried out extrajudicial killings", "military"),
                     A("said", "The Haitian National Police", "it had opened an internal inquiry into two cases", "military")]),
    (2, 0): S(counts=[C("some 1.3 million people", "displaced", "person", None, "approx", 1300000)],
              attrs=[A("according to", "the International Organization for Migration",
                       "some 1.3 million people are now internally displaced in Haiti, more than half of them children", "organization")]),
    (2, 1): S(counts=[C("Nearly 200,000", "displaced", None, None, "below", 200000)]),
    (2, 2): S("possible", [("may", "epistemic")]),
    (2, 3): S("probable", [("estimate", "estimate")],
              attrs=[A("estimate", "Partners", "up to half of the members of some armed groups are minors", "organization", True)]),
    (2, 4): S(attrs=[A("recommends", "The Office",
                       "the authorities strengthen oversight of the police and ensure that all allegations of violations are investigated", "organization")]),
    (2, 5): S("probable", [("expected", "expectation")],
              [C("5,500 personnel", "troops", "personnel", None, "exact", 5500)],
              [A("urges", "The Office", "its operations comply with international human rights law", "organization")]),
}

ANN["iraq-e01"] = {
    (0, 0): S(counts=[C("four Iraqi soldiers", "killed", "soldier", "Iraq", "exact", 4),
                      C("six others", "wounded", "soldier", "Iraq", "exact", 6)],
              attrs=[A("said", "two security officials",
                       "Islamic State militants killed four Iraqi soldiers and wounded six others in an attack on an army outpost in the Hamrin mountains late on Sunday",
                       "official", True)]),
    (0, 1): S("probable", [("believed", "estimate")],
              [C("about a dozen", "troops", "attacker", None, "approx", 12)],
              [A("said", "one of the officials",
                 "The attackers, believed to number about a dozen, fled toward the Wadi al-Shay valley after a gun battle that lasted nearly an hour", "official", True)]),
    (0, 3): S(counts=[C("three dead", "killed", None, None, "exact", 3)],
              attrs=[A("confirmed", "The Security Media Cell", "the attack", "military", medium="in a statement"),
                     A("gave", "The Security Media Cell", "a lower toll of three dead", "military")]),
    (0, 4): S("unverified", [("claimed", "evidential")],
              [C("11 soldiers", "killed", "soldier", None, "exact", 11)],
              [A("claimed", "Islamic State", "responsibility for the attack", "military", medium="its Amaq news agency"),
               A("saying", "Islamic State", "its fighters had killed 11 soldiers", "military")]),
    (0, 5): S("unverified", [("could not be verified", "unverifiable")]),
    (1, 1): S("probable", [("estimate", "estimate")],
              [C("between 400 and 700 Islamic State fighters", "troops", "fighter", "Islamic State", "range", None, 400, 700)],
              [A("estimate", "Iraqi officials", "between 400 and 700 Islamic State fighters remain active in Iraq, most of them in remote desert and mountain areas", "official", True)]),
    (1, 2): S("possible", [("could", "epistemic"), ("if", "condition")],
              attrs=[A("said", "A US military official", "the group could regroup if pressure on it eased after the planned drawdown of the US-led coalition",
                       "official", True, time="last month")]),
    (1, 3): S(counts=[C("About 2,500 US troops", "troops", "troop", "United States", "approx", 2500)]),
    (1, 4): S(counts=[C("two battalions of reinforcements", "troops", "reinforcement", "Iraq", "units", ech="battalion")],
              attrs=[A("said", "The army", "it had sent two battalions of reinforcements to the area and launched a search operation backed by helicopters", "military")]),
    (1, 5): S(counts=[C("five militants", "killed", "militant", None, "exact", 5)],
              attrs=[A("said", "the Iraqi air force", "an F-16 strike had killed five militants hiding in a cave near the town of Rutba in Anbar province", "military")]),
    (1, 6): S(attrs=[A("accused", "A spokesman for the Popular Mobilisation Forces", "the coalition of withholding surveillance flights over the area", "official", True)]),
}

GEN = "MAJ. GEN. SAAD AL-JUBOURI"
ANN["iraq-e02"] = {
    (0, 0): S(attrs=[T(GEN, "official")]),
    (0, 2): S(counts=[C("17 terrorists", "killed", "terrorist", None, "exact", 17),
                      C("42 suspects", "captured", "suspect", None, "exact", 42)]),
    (1, 0): S(counts=[C("11 soldiers", "killed", "soldier", None, "exact", 11),
                      C("three", "killed", "soldier", None, "exact", 3)],
              attrs=[A("says", "the Islamic State", "it killed 11 soldiers in that attack", "military")]),
    (2, 0): S(attrs=[T(GEN, "official")]),
    (2, 1): S(counts=[C("Three of our heroes", "killed", "hero", "Iraq", "exact", 3),
                      C("six", "wounded", "hero", "Iraq", "exact", 6)]),
    (3, 0): S("possible", [("Are", "epistemic")]),
    (4, 0): S(counts=[C("Two PMF brigades", "troops", "brigade", "PMF", "units", ech="brigade")], attrs=[T(GEN, "official")]),
    (5, 0): S(counts=[C("three people", "killed", "person", None, "exact", 3)],
              attrs=[A("say", "local officials", "three people were killed", "official", True)]),
    (5, 1): S("possible", [("Has", "epistemic")]),
    (6, 0): S(attrs=[T(GEN, "official")]),
    (7, 0): S(attrs=[A("says", "The Turkish defence ministry", "the strike killed PKK militants", "government")]),
    (8, 0): S(attrs=[T(GEN, "official"), A("always say", "They", "that", "government")]),
    (8, 1): S("unverified", [("not in a position to confirm", "unverifiable")],
              attrs=[A("not in a position to confirm", "I", "who was killed", "official", resolved=GEN)]),
    (9, 0): S("possible", [("are", "epistemic")]),
    (10, 0): S(attrs=[T(GEN, "official"), A("won't give", "I", "numbers", "official", resolved=GEN)]),
    (11, 0): S("possible", [("Is", "epistemic"), ("could", "epistemic")]),
    (12, 0): S("probable", [("assessment", "estimate")], attrs=[T(GEN, "official")]),
    (12, 1): S("possible", [("may", "epistemic")]),
}

ANN["libya-e01"] = {
    (0, 1): S(counts=[C("at least 23 people", "killed", "person", None, "min", 23),
                      C("more than 80", "wounded", "person", None, "min", 80)],
              attrs=[A("says", "The health ministry of the Government of National Unity",
                       "at least 23 people have been killed and more than 80 wounded since the clashes began on Monday night", "government")]),
    (0, 2): S("probable", [("thought to", "estimate")],
              [C("two children", "killed", "child", None, "exact", 2)],
              [A("says", "the ministry", "civilians are among them, including two children hit by stray bullets in the Abu Salim district", "government")]),
    (0, 3): S(attrs=[A("says", "Our correspondent in Tripoli", "gunfire and explosions could be heard across the city throughout the night", "media")]),
    (1, 0): S(attrs=[A("said", "The United Nations Support Mission in Libya", "it was deeply alarmed", "organization"),
                     A("urged", "The United Nations Support Mission in Libya", "all parties to stop fighting immediately", "organization")]),
    (1, 1): S("possible", [("may", "epistemic")],
              attrs=[A("warned", "it", "attacks on residential areas may amount to war crimes", "organization", medium="In a statement",
                       resolved="The United Nations Support Mission in Libya")]),
    (1, 2): S(attrs=[A("said", "The prime minister's office", "a ceasefire had been agreed late on Tuesday", "government"),
                     A("told", "residents", "shooting had continued into Wednesday morning", "person", True, medium="by phone")]),
    (1, 3): S(attrs=[A("said", "One man in the Salahuddin area", "his family had been trapped in their basement for two days", "person", True)]),
    (1, 4): S(attrs=[A("said", "he", "We had no water, no electricity, and we could hear the tanks in the street", "person", True)]),
    (2, 0): S("possible", [("could", "epistemic")]),
    (2, 2): S("possible", [("unlikely", "epistemic"), ("unless", "condition")],
              attrs=[A("say", "Analysts", "the LNA is unlikely to intervene unless the government in Tripoli collapses", "person", True)]),
    (2, 3): S(counts=[C("several hundred military advisers", "troops", "adviser", "Turkey", "vague")],
              attrs=[A("has called for", "Turkey", "restraint", "government")]),
}

ANN["libya-e02"] = {
    (0, 1): S(counts=[C("18,900 people", "captured", "person", None, "exact", 18900)],
              attrs=[A("according to", "data compiled by our teams and partner agencies",
                       "In the first ten months of the year, 18,900 people were intercepted at sea by the Libyan coast guard and returned to Libya", "organization")]),
    (0, 2): S(counts=[C("At least 1,120 people", "casualties", "person", None, "min", 1120)]),
    (0, 3): S("probable", [("likely", "epistemic")]),
    (1, 1): S(counts=[C("An estimated 4,500 migrants and refugees", "captured", "migrant", None, "approx", 4500)]),
    (1, 2): S("probable", [("believed", "estimate")],
              [C("Thousands more", "captured", None, None, "vague")]),
    (1, 3): S(attrs=[A("described", "Former detainees interviewed in Tunisia",
                       "beatings, forced labour and demands for ransom of up to US$2,000 for their release", "person", True)]),
    (1, 4): S(attrs=[A("told", "A 17-year-old from Eritrea", "he had been sold twice between armed groups in Bani Walid", "person", True, medium="our staff")]),
    (1, 5): S("unverified", [("could not be independently verified", "unverifiable")]),
    (1, 6): S("unverified", [("denied", "denial")],
              attrs=[A("have repeatedly denied", "The Libyan authorities", "detainees are mistreated in official centres", "government")]),
    (2, 1): S(counts=[C("some 210,000 Sudanese refugees", "displaced", "refugee", "Sudan", "approx", 210000)],
              attrs=[A("according to", "local authorities",
                       "The war in Sudan has driven some 210,000 Sudanese refugees into Libya since April 2023, most of them to the town of Kufra", "government")]),
    (2, 2): S(attrs=[A("says", "The municipality of Kufra", "its hospital, built to serve a population of 60,000, is overwhelmed", "government")]),
    (2, 3): S("possible", [("expected", "expectation"), ("if", "condition")]),
}

ANN["mali-f01"] = {
    (0, 0): S("unverified", [("reports", "evidential")],
              attrs=[A("reports", None, "a major attack on the military camp at Boulkessi, in central Mali near the border with Burkina Faso")]),
    (1, 0): S("unverified", [("claimed", "evidential")],
              attrs=[A("has claimed", "JNIM", "responsibility", "military", medium="in a statement published by its Az-Zallaqa media arm")]),
    (1, 1): S(counts=[C('"more than 100" soldiers', "killed", "soldier", None, "min", 100)],
              attrs=[A("says", "The group", 'its fighters killed "more than 100" soldiers and seized the camp\'s armoury', "military")]),
    (1, 2): S("unverified", [("has not been independently confirmed", "unverifiable")]),
    (2, 0): S("unverified", [("sources told", "evidential")],
              [C("dozens of motorcycles", "equipment", "motorcycle", None, "vague")],
              [A("told", "Two security sources", "the attackers arrived on dozens of motorcycles before dawn and fought for several hours inside the camp",
                 "unknown", True, medium="us")]),
    (2, 1): S(counts=[C("between 30 and 60 dead", "killed", None, "Mali", "range", None, 30, 60)],
              attrs=[A("put", "One of them", "the army's losses at between 30 and 60 dead, with many more missing", "unknown", True)]),
    (3, 0): S(attrs=[A("have posted", "The Malian Armed Forces (FAMa)",
                       'they "vigorously repelled" a terrorist attack at Boulkessi and that "the situation is under control."', "military", medium="X")]),
    (3, 1): S(counts=[C("dozens of terrorists", "casualties", "terrorist", None, "vague")],
              attrs=[A("gives", "The army statement", "casualty figures for its own troops", "military"),
                     A("says", "The army statement", "dozens of terrorists were neutralised", "military")]),
    (4, 0): S("unverified", [("reported", "evidential")],
              attrs=[A("reported", None, "Russian military instructors from the Africa Corps flew reinforcements to the camp by helicopter")]),
    (5, 0): S(counts=[C("hundreds of people", "displaced", "person", None, "vague")],
              attrs=[A("says", "A resident of Boni", "hundreds of people have left the area since the attack, fearing reprisals by the army and its allies against Fulani civilians",
                       "person", True)]),
    (5, 1): S(attrs=[A("according to", "human rights groups", "Such reprisals have followed several previous attacks in central Mali", "organization", True)]),
}

ANN["mali-f02"] = {
    (0, 1): S(attrs=[A("says", "the army", "it has the upper hand", "military")]),
    (0, 2): S("possible", [("Is", "epistemic")]),
    (1, 0): S(attrs=[T("COULIBALY", "person")]),
    (1, 2): S("probable", [("probably", "epistemic")]),
    (2, 0): S("possible", [("does", "epistemic")]),
    (3, 0): S("possible", [("Nobody knows exactly", "unclear")], attrs=[T("COULIBALY", "person")]),
    (3, 1): S(counts=[C("6,000 to 8,000 fighters", "troops", "fighter", "JNIM", "range", None, 6000, 8000)]),
    (4, 0): S(attrs=[A("has accused", "The government", "you and other researchers of repeating terrorist propaganda", "government")]),
    (5, 0): S(attrs=[T("COULIBALY", "person")]),
    (5, 2): S(counts=[C("25 of his people", "killed", "person", None, "exact", 25)],
              attrs=[A("tells", "a village chief", "25 of his people were killed by soldiers", "person", True, medium="me")]),
    (6, 0): S("possible", [("Could", "epistemic")]),
    (7, 0): S("possible", [("may", "epistemic")], attrs=[T("COULIBALY", "person")]),
    (7, 1): S("probable", [("unlikely", "epistemic")]),
}

ANN["mexico-f01"] = {
    (0, 0): S(counts=[C("At least 19 people", "killed", "person", None, "min", 19)],
              attrs=[A("said", "the Sinaloa state prosecutor's office",
                       "At least 19 people were killed in Culiacán over the weekend as rival factions of the Sinaloa Cartel fought for control of the city",
                       "government", time="on Monday")]),
    (0, 1): S(counts=[C("five men", "killed", "man", None, "exact", 5)],
              attrs=[A("said", "prosecutors", "The dead included five men whose bodies were left on an overpass with a threatening banner", "official", True)]),
    (0, 3): S(counts=[C("More than 1,700 people", "killed", "person", None, "min", 1700),
                      C("about 2,000", "missing", "person", None, "approx", 2000)],
              attrs=[A("according to", "a local newspaper",
                       "More than 1,700 people have been killed and about 2,000 reported missing in Sinaloa since the infighting began in September 2024", "media", True)]),
    (1, 0): S(counts=[C("1,100 additional soldiers and National Guard troops", "troops", "soldier", None, "exact", 1100),
                      C("more than 11,000", "troops", None, None, "min", 11000)],
              attrs=[A("told", "Mexico's security secretary, Omar García Harfuch",
                       "1,100 additional soldiers and National Guard troops would arrive in Sinaloa this week, bringing the federal deployment to more than 11,000",
                       "official", medium="reporters")]),
    (1, 1): S(counts=[C("34 gunmen", "captured", "gunman", None, "exact", 34),
                      C("210 rifles", "equipment", "rifle", None, "exact", 210),
                      C("two rocket launchers", "equipment", "launcher", None, "exact", 2),
                      C("48 armoured vehicles", "equipment", "vehicle", None, "exact", 48)],
              attrs=[A("said", "He",
                       "security forces had arrested 34 gunmen and seized 210 rifles, two rocket launchers and 48 armoured vehicles in the state since the start of the month",
                       "official", resolved="Omar García Harfuch")]),
    (1, 2): S(attrs=[A("say", "Business groups in Culiacán", "hundreds of shops have closed, and schools have repeatedly switched to online classes", "organization", True)]),
    (1, 4): S("possible", [("believes", "estimate"), ("may", "epistemic")],
              attrs=[A("said", "A U.S. official", "Washington believes one of the brothers may be hiding in the mountains of Durango", "official", True),
                     A("believes", "Washington", "one of the brothers may be hiding in the mountains of Durango", "government")]),
    (1, 6): S(attrs=[A("has rejected", "President Claudia Sheinbaum", "any suggestion of U.S. military action on Mexican soil", "official"),
                     A("saying", "President Claudia Sheinbaum", "cooperation must respect Mexico's sovereignty", "official")]),
}

ANN["mexico-f02"] = {
    (0, 0): S(counts=[C("7 bodies", "killed", "body", None, "exact", 7)]),
    (0, 1): S(attrs=[A(":", "Sheinbaum", "We will not return to the war on drugs", "official")]),
    (0, 2): S(counts=[C("2 soldiers", "killed", "soldier", None, "exact", 2), C("5", "wounded", "soldier", None, "exact", 5)],
              attrs=[A("says", "Army", "2 soldiers killed, 5 wounded in CJNG ambush in Michoacán", "military")]),
    (0, 3): S(attrs=[A("report", "residents", "CJNG drones drop explosives on Tepalcatepec community", "person", True)]),
    (0, 4): S(counts=[C("some 400 villagers", "displaced", "villager", None, "approx", 400)]),
    (0, 5): S(counts=[C("more than 120,000 people", "missing", "person", None, "min", 120000)],
              attrs=[A(":", "Search collectives", "more than 120,000 people missing nationwide", "organization", True)]),
    (0, 6): S("unverified", [("reportedly", "evidential")],
              attrs=[A("reportedly", None, "U.S. officials reportedly weighing drone strikes on cartel labs"),
                     A("says", "Mexico City", "it has not been consulted", "government")]),
    (0, 7): S(attrs=[A("says", "El Mayo", "he never paid the army", "person")]),
    (0, 8): S(counts=[C("30,000 recruits", "troops", "recruit", None, "exact", 30000)],
              attrs=[A("says", "defence secretary", "National Guard to add 30,000 recruits by 2026", "official")]),
    (0, 9): S("possible", [("Could", "epistemic")]),
}

ANN["niger-f01"] = {
    (0, 1): S(counts=[C("97 civilians", "killed", "civilian", None, "exact", 97),
                      C("41", "captured", "civilian", None, "exact", 41)]),
    (0, 3): S(attrs=[A("said", "Moussa Harouna, the forum's coordinator", "Entire villages are emptying", "organization")]),
    (0, 5): S(counts=[C("Some 14,500 people", "displaced", "person", None, "approx", 14500),
                      C("nearly 200,000", "displaced", "person", None, "below", 200000)]),
    (0, 6): S("possible", [("could", "epistemic"), ("if", "condition")],
              attrs=[A("warned", "the forum", "Food stocks in Ouallam could run out within three weeks if no new deliveries arrive", "organization")]),
    (1, 0): S(attrs=[A("urges", "The forum",
                       "the authorities to allow humanitarian convoys to travel without military escort, which currently delays deliveries by up to ten days", "organization")]),
    (1, 1): S(attrs=[A("calls on", "It", "all armed groups to respect the civilian character of markets, schools and water points", "organization",
                       resolved="Tillabéri Humanitarian Forum")]),
}

ANN["niger-f02"] = {
    (0, 1): S(counts=[C("more than 200 terrorists", "troops", "terrorist", None, "min", 200)]),
    (0, 3): S(counts=[C("65 terrorists", "casualties", "terrorist", None, "exact", 65),
                      C("38 motorcycles", "equipment", "motorcycle", None, "exact", 38)]),
    (0, 4): S(counts=[C("12 soldiers", "killed", "soldier", "Niger", "exact", 12),
                      C("19", "wounded", "soldier", "Niger", "exact", 19),
                      C("4", "missing", "soldier", "Niger", "exact", 4)]),
    (0, 5): S(counts=[C("Two vehicles", "equipment", "vehicle", None, "exact", 2)]),
    (0, 8): S(attrs=[A("reaffirms", "The Government", "its determination to eradicate terrorism and restore security throughout the national territory", "government")]),
    (0, 9): S(attrs=[A("calls on", "It", "the population to continue to cooperate with the Defence and Security Forces by reporting any suspicious movement",
                       "government", resolved="The Government")]),
}

ANN["nigeria-e01"] = {
    (0, 0): S("unverified", [("sources told", "evidential")],
              [C("at least 17 soldiers", "killed", "soldier", "Nigeria", "min", 17)],
              [A("told", "three military sources",
                 "Jihadist fighters overran a Nigerian army base in Borno state on Saturday, killing at least 17 soldiers and carting away weapons and vehicles",
                 "unknown", True, medium="SLC Wire")]),
    (0, 1): S("unverified", [("believed", "estimate"), ("sources said", "evidential")],
              [C("more than 20 gun trucks", "equipment", "truck", None, "min", 20)],
              [A("said", "one of the sources",
                 "The attackers, believed to be from the Islamic State West Africa Province (ISWAP), arrived in more than 20 gun trucks at around dusk",
                 "unknown", True)]),
    (0, 2): S(counts=[C("about 150 troops", "troops", "troop", None, "approx", 150)],
              attrs=[A("said", "He", "the base at Sabon Gari, near the town of Damboa, had been home to about 150 troops of a newly formed battalion", "unknown", True)]),
    (0, 3): S("unverified", [("source said", "evidential"), ("may", "epistemic")],
              [C("Dozens of soldiers", "missing", "soldier", None, "vague")],
              [A("said", "the source", "Dozens of soldiers were still missing on Sunday", "unknown", True)]),
    (1, 0): S(counts=[C("scores of terrorists", "casualties", "terrorist", None, "vague")],
              attrs=[A("confirmed", "The army's spokesman, Brigadier General Tunde Okafor", "an attack on the base", "official"),
                     A("said", "The army's spokesman, Brigadier General Tunde Okafor", "troops had repelled it and “neutralised scores of terrorists”", "official")]),
    (1, 1): S(attrs=[A("did not give", "He", "a toll for the army", "official", resolved="Tunde Okafor")]),
    (1, 2): S("unverified", [("claimed", "evidential")],
              [C("30 “crusader army” soldiers", "killed", "soldier", None, "exact", 30),
               C("four armoured vehicles", "equipment", "vehicle", None, "exact", 4)],
              [A("claimed", "ISWAP", "its fighters had killed 30 “crusader army” soldiers and seized four armoured vehicles", "military",
                 medium="in a statement circulated on Telegram")]),
    (1, 3): S("unverified", [("appeared to", "epistemic"), ("could not independently verify", "unverifiable")]),
    (1, 4): S(attrs=[A("say", "analysts", "reflects the group's growing access to armed drones", "person", True)]),
    (2, 0): S(counts=[C("more than 40,000 people", "killed", "person", None, "min", 40000),
                      C("about two million", "displaced", "person", None, "approx", 2000000)],
              attrs=[A("according to", "the United Nations",
                       "The insurgency, which began with Boko Haram in 2009, has killed more than 40,000 people and displaced about two million in north-east Nigeria",
                       "organization")]),
    (2, 1): S(attrs=[A("said", "Borno's governor", "the militants had regained ground in recent months", "official", time="last week"),
                     A("called on", "Borno's governor", "the federal government to recruit more local vigilantes", "official")]),
    (2, 2): S(attrs=[A("has repeatedly said", "The defence headquarters in Abuja", "the insurgents are “technically defeated”", "military")]),
}

ANN["nigeria-e02"] = {
    (0, 1): S(counts=[C("at least 26 civilians", "killed", "civilian", None, "min", 26)],
              attrs=[A("according to", "local authorities",
                       "Non-state armed groups attacked two villages in Gwoza local government area on 28 November, killing at least 26 civilians", "government")]),
    (0, 2): S(counts=[C("An estimated 9,400 people", "displaced", "person", None, "approx", 9400)]),
    (0, 3): S(counts=[C("about 4,000 of the new arrivals", "displaced", "arrival", None, "approx", 4000)]),
    (1, 2): S(attrs=[A("had warned", "Partners", "several of the return areas lacked basic services and security", "organization", True)]),
    (1, 3): S("probable", [("believed", "estimate")],
              [C("between 60 and 80 people", "captured", "person", None, "range", None, 60, 80)],
              [A("According to", "community leaders",
                 "between 60 and 80 people, mostly young women, were abducted during the attacks and are believed to have been taken toward the Sambisa forest",
                 "person", True)]),
    (1, 4): S("unverified", [("could not be verified", "unverifiable")]),
    (1, 5): S(counts=[C("14 of the abductees", "captured", "abductee", None, "exact", 14)],
              attrs=[A("says", "The military", "it has rescued 14 of the abductees", "military")]),
    (2, 1): S("probable", [("suspected", "epistemic")],
              attrs=[A("report", "Health partners", "a rise in suspected cholera cases in Pulka, with 212 cases and 5 deaths recorded since 1 November", "organization", True)]),
    (2, 2): S("possible", [("likely", "epistemic"), ("could", "epistemic")]),
    (2, 3): S(attrs=[A("say", "partners", "limits the delivery of aid", "organization", True)]),
    (2, 5): S("probable", [("estimate", "estimate")],
              attrs=[A("estimate", "partners", "a further US$92 million is needed before March", "organization", True)]),
}

ANN["southsudan-f01"] = {
    (0, 1): S(counts=[C("at least 30 people", "killed", "person", None, "min", 30)],
              attrs=[A("says", "Our correspondent in Malakal", "at least 30 people were killed on Monday alone, most of them fighters", "media")]),
    (0, 2): S(counts=[C("eight soldiers", "casualties", "soldier", "South Sudan", "exact", 8),
                      C("60 attackers", "killed", "attacker", None, "exact", 60)],
              attrs=[A("told", "The army spokesman, Major General Lul Ruai Koang", "the SSPDF had lost eight soldiers and that 60 attackers were killed",
                       "official", medium="this station")]),
    (0, 3): S("unverified", [("could not be verified", "unverifiable")]),
    (0, 4): S(attrs=[A("accused", "The SPLM-IO", "the army of using helicopter gunships against civilians in the villages around Nasir", "organization")]),
    (0, 5): S("unverified", [("denied", "denial")],
              attrs=[A("denied", "The army", "using aircraft against civilians", "military")]),
    (1, 0): S(counts=[C("thousands of people", "displaced", "person", None, "vague")],
              attrs=[A("say", "Aid agencies", "thousands of people have crossed the Sobat river to escape the fighting", "organization", True)]),
    (1, 1): S(counts=[C("47 wounded", "wounded", None, None, "exact", 47)],
              attrs=[A("said", "the deputy head of an international medical charity, Dr. Pascal Moreau", "his team in Nasir had treated 47 wounded since Sunday",
                       "organization", medium="us")]),
    (1, 2): S(attrs=[A("told", "he", "We are running out of blood and of sutures", "organization", medium="us", resolved="Dr. Pascal Moreau")]),
    (1, 3): S(attrs=[A("has called on", "The UN mission in South Sudan, UNMISS", "both sides to stop the fighting", "organization"),
                     A("says", "The UN mission in South Sudan, UNMISS", "its peacekeepers are patrolling the road to Ulang", "organization")]),
    (1, 4): S("probable", [("expected", "expectation")]),
    (2, 0): S(attrs=[A("told", "the information minister, Michael Makuei Lueth", 'the government would not negotiate with "armed criminals."', "official",
                       medium="reporters")]),
    (2, 1): S("possible", [("could", "epistemic")],
              attrs=[A("warn", "Analysts", "the clashes could unravel the 2018 peace agreement", "person", True)]),
    (2, 2): S(counts=[C("about 55,000", "troops", "troop", None, "approx", 55000),
                      C("83,000 unified troops", "troops", "troop", None, "exact", 83000)],
              attrs=[A("according to", "a monitoring body",
                       "Only about 55,000 of the 83,000 unified troops the deal promised have graduated from training camps", "organization", True)]),
}

ANN["southsudan-f02"] = {
    (0, 0): S(counts=[C("two staff members", "captured", "member", None, "exact", 2)]),
    (0, 1): S(attrs=[A("said", "country director Ingrid Solberg", "Our colleagues were taken at gunpoint on Tuesday night, and we have had no news of them since",
                       "organization")]),
    (0, 3): S(counts=[C("some 9,000", "displaced", "person", None, "approx", 9000)]),
    (0, 4): S("probable", [("likely", "epistemic")]),
    (0, 5): S(counts=[C("11 aid workers", "killed", "worker", None, "exact", 11)],
              attrs=[A("according to", "UN figures",
                       "Since January, 11 aid workers have been killed in South Sudan, making it one of the most dangerous countries in the world for humanitarians",
                       "organization")]),
}

ANN["sudan-f01"] = {
    (0, 0): S(counts=[C("at least 41 civilians", "killed", "civilian", None, "min", 41),
                      C("dozens more", "wounded", "civilian", None, "vague")],
              attrs=[A("said", "a local aid coordinator",
                       "Fighters of the Rapid Support Forces stormed the Darfur town of Kutum on Friday, killing at least 41 civilians and wounding dozens more",
                       "organization", True)]),
    (0, 1): S(attrs=[A("told", "The coordinator", "bodies were still lying in the main market on Saturday morning", "organization", True,
                       medium="Red Sea Wire")]),
    (0, 3): S(counts=[C("12 pickup trucks", "equipment", "truck", None, "exact", 12)],
              attrs=[A("said", "a man in RSF uniform",
                       'the group had "liberated" Kutum from army loyalists and captured 12 pickup trucks mounted with heavy machine guns',
                       "military", True, medium="In a video posted on X")]),
    (0, 4): S("unverified", [("could not be independently verified", "unverifiable")]),
    (1, 0): S(attrs=[A("accused", "The Sudanese army", "the paramilitary group of shelling a displacement camp on the edge of the town", "military"),
                     A("gave", "The Sudanese army", "casualty figure", "military")]),
    (1, 1): S(counts=[C("About 18,000 people", "displaced", "person", None, "approx", 18000)],
              attrs=[A("according to", "the International Organization for Migration", "About 18,000 people have fled Kutum since the fighting began", "organization")]),
    (1, 2): S("probable", [("believed", "estimate")],
              [C("hundreds of thousands of displaced people", "displaced", "person", None, "vague")]),
    (1, 3): S(counts=[C("2,300 new arrivals", "displaced", "arrival", None, "exact", 2300)],
              attrs=[A("said", "Aid workers in Tawila", "they had registered 2,300 new arrivals in two days, most of them women and children", "organization", True)]),
    (1, 4): S("unverified", [("denied", "denial")],
              attrs=[A("has denied", "The RSF", "targeting civilians", "military"),
                     A("says", "The RSF", 'its forces are pursuing "remnants of the former regime."', "military")]),
    (2, 0): S("probable", [("estimate", "estimate")],
              [C("tens of thousands of people", "killed", "person", None, "vague"),
               C("more than 12 million", "displaced", "person", None, "min", 12000000)],
              [A("estimate", "UN agencies",
                 "Since April 2023 the war between the army and the RSF has killed tens of thousands of people and driven more than 12 million from their homes",
                 "organization")]),
    (2, 1): S("possible", [("may", "epistemic")],
              attrs=[A("said", "a researcher at a London university who tracks the conflict", "The true death toll may be far higher", "person", True)]),
    (2, 2): S("probable", [("expected", "expectation")],
              attrs=[A("told", "two diplomats", "Talks brokered by Saudi Arabia and the United States are expected to resume next month", "official", True,
                       medium="Red Sea Wire")]),
}

ANN["sudan-f02"] = {
    (0, 0): S("unverified", [("claims", "evidential")],
              attrs=[A("claims", "RSF", "capture of army base near El Obeid", "military"),
                     A("says", "army", "attack repelled", "military")]),
    (0, 1): S(counts=[C("19 dead", "killed", None, None, "exact", 19), C("53 wounded", "wounded", None, None, "exact", 53)],
              attrs=[A(":", "Health ministry", "19 dead, 53 wounded in drone strike on Omdurman market", "government")]),
    (0, 2): S(attrs=[A(":", "UNHCR", "up to 1,500 refugees crossing daily from West Darfur", "organization")]),
    (0, 3): S(attrs=[A("vows", "Burhan", 'to fight "until the last militiaman"', "official", medium="in speech to officers in Port Sudan")]),
    (0, 4): S("unverified", [("denies", "denial")],
              attrs=[A("denies", "RSF commander", "looting of Zamzam camp", "official", True),
                     A("blames", "RSF commander", "impostors in our uniform", "official", True)]),
    (0, 5): S("possible", [("unclear", "unclear")]),
    (0, 6): S("unverified", [("reportedly", "evidential"), ("sources say", "evidential")],
              [C("six Bayraktar drones", "equipment", "drone", "SAF", "exact", 6)],
              [A("reportedly", None, "Sudanese army reportedly receives six Bayraktar drones from Egypt"),
               A("say", "sources", "Sudanese army reportedly receives six Bayraktar drones from Egypt", "unknown", True)]),
    (0, 7): S("possible", [("may", "epistemic")],
              attrs=[A(":", "Analysts", "army may be overstretched after losing two brigade headquarters in a month", "person", True)]),
    (0, 8): S(counts=[C("600,000 displaced", "displaced", None, None, "exact", 600000)],
              attrs=[A(":", "WFP", "famine confirmed in 5 more localities; 600,000 displaced in North Darfur alone", "organization")]),
}

ANN["ukraine-e01"] = {
    (0, 0): S(attrs=[A("said", "the General Staff of Ukraine's armed forces", "Russian forces attacked Ukrainian positions near Pokrovsk more than 40 times on Tuesday",
                       "military", medium="in its evening update")]),
    (0, 1): S(counts=[C("1,180 soldiers", "casualties", "soldier", "Russia", "exact", 1180)],
              attrs=[A("said", "The General Staff",
                       "its troops had repelled most of the assaults and that Russia had lost 1,180 soldiers killed or wounded across the front in the previous 24 hours",
                       "military")]),
    (0, 2): S("unverified", [("could not be independently verified", "unverifiable")]),
    (0, 3): S("unverified", [("claimed", "evidential")],
              attrs=[A("claimed", "Russia's defence ministry", "its units had taken the village of Novoolenivka, about 15 kilometres south of the town", "government",
                       medium="Telegram")]),
    (0, 4): S("unverified", [("denied", "denial")],
              attrs=[A("denied", "A spokesman for the Ukrainian brigade defending the sector", "the village had fallen", "official", True),
                     A("saying", "A spokesman for the Ukrainian brigade defending the sector", "fighting there was continuing", "official", True)]),
    (1, 0): S(attrs=[A("told", "a company commander who gave only his call sign, Shaman",
                       "They come in groups of three or four on motorcycles, and our drones hit them before they reach the tree line",
                       "official", True, medium="Dnipro Wire")]),
    (1, 1): S(counts=[C("about 120 men", "troops", "man", None, "approx", 120),
                      C("fewer than 50 soldiers", "troops", "soldier", None, "max", 50)],
              attrs=[A("said", "He", "his company, which should number about 120 men, had fewer than 50 soldiers fit for duty", "official", True)]),
    (1, 2): S("probable", [("estimate", "estimate")],
              [C("between 100,000 and 110,000 troops", "troops", "troop", "Russia", "range", None, 100000, 110000)],
              [A("estimate", "Military analysts", "Moscow has massed between 100,000 and 110,000 troops along the Pokrovsk axis", "person", True)]),
    (1, 3): S("probable", [("likely", "epistemic")],
              attrs=[A("said", "The Institute for the Study of War", "Russian troops had likely advanced in two areas west of the town", "organization",
                       medium="in its daily assessment")]),
    (2, 0): S(counts=[C("three people", "killed", "person", None, "exact", 3), C("11 others", "wounded", "person", None, "exact", 11)],
              attrs=[A("wrote", "regional governor Serhiy Tkachuk",
                       "In the Dnipropetrovsk region, a Russian missile strike on the city of Pavlohrad killed three people and wounded 11 others overnight",
                       "official", medium="Telegram")]),
    (2, 1): S(counts=[C("87 drones", "equipment", "drone", "Russia", "exact", 87),
                      C("four Iskander ballistic missiles", "equipment", "missile", "Russia", "exact", 4),
                      C("62 of the drones", "equipment", "drone", "Russia", "exact", 62)],
              attrs=[A("said", "Ukraine's air force",
                       "Russia had launched 87 drones and four Iskander ballistic missiles at the country overnight, and that air defences had shot down 62 of the drones",
                       "military")]),
    (2, 2): S("probable", [("probably", "epistemic")],
              attrs=[A("added", "the air force", "The remaining drones were probably jammed by electronic warfare", "military")]),
    (2, 3): S(attrs=[A("according to", "a soldier in the unit",
                       "The 47th Mechanised Brigade, which has fought near Avdiivka since 2023, was moved to the Pokrovsk sector last month", "person", True)]),
    (2, 4): S(attrs=[A("has repeatedly said", "the Russian defence ministry", "The 19-year-old conscripts Russia calls up each autumn are not sent to Ukraine",
                       "government")]),
}

OL, AM = "OKSANA LEVCHENKO", "COL. ANDRIY MELNYK"
ANN["ukraine-e02"] = {
    (0, 0): S(attrs=[T(OL, "media")]),
    (1, 0): S(attrs=[T(OL, "media")]),
    (1, 1): S("possible", [("are", "epistemic")]),
    (2, 0): S("probable", [("assesses", "estimate")],
              [C("about 11,000 North Korean troops", "troops", "troop", "North Korea", "approx", 11000)],
              [T(AM, "official"),
               A("assesses", "Our intelligence", "about 11,000 North Korean troops were sent to the region, and that a large share of them have been killed or wounded",
                 "military")]),
    (3, 0): S(attrs=[T(OL, "media")]),
    (3, 1): S("possible", [("Would", "epistemic")], [C("more than 3,000 casualties", "casualties", "casualty", None, "min", 3000)]),
    (4, 0): S(counts=[C("Around 3,800", "casualties", None, None, "approx", 3800)], attrs=[T(AM, "official")]),
    (5, 0): S(attrs=[T(OL, "media"), A("has never confirmed", "Pyongyang", "its soldiers are in Russia at all", "government")]),
    (5, 1): S("possible", [("do", "epistemic")]),
    (6, 0): S(counts=[C("two", "captured", None, None, "exact", 2)],
              attrs=[T(AM, "official"), A("told", "both", "they were from the Korean People's Army", "person", True, medium="our interrogators")]),
    (7, 0): S("unverified", [("dismissed", "denial")],
              attrs=[T(OL, "media"), A("dismissed", "Moscow", "those interrogation videos as a provocation staged by Kyiv", "government")]),
    (8, 0): S(attrs=[T(AM, "official")]),
    (8, 1): S(attrs=[A("has been told", None, "where they are held", medium="the Red Cross")]),
    (9, 0): S(attrs=[T(OL, "media")]),
    (9, 1): S("possible", [("Is", "epistemic")]),
    (10, 0): S(attrs=[T(AM, "official")]),
    (11, 0): S("possible", [("do", "epistemic")], attrs=[T(OL, "media")]),
    (12, 0): S(attrs=[T(AM, "official"), A("won't give", "I", "a figure", "official", medium="you", resolved=AM)]),
    (13, 0): S(attrs=[T(OL, "media"),
                      A("reported", "Russian state television", "the last Ukrainian units had been driven out of Sudzha", "media", sm=True, time="this week")]),
    (14, 0): S(attrs=[T(AM, "official"), A("was reported", None, "That", time="in March")]),
    (15, 0): S("unverified", [("reports", "evidential"), ("may", "epistemic")],
               attrs=[T(OL, "media"), A("reports", None, "Russia may send more North Korean battalions in the spring")]),
    (15, 1): S("possible", [("Are", "epistemic")]),
    (16, 0): S("probable", [("expect", "expectation")], attrs=[T(AM, "official")]),
}


def turn_text(paragraph):
    text = " ".join(sentence["s"] for sentence in paragraph)
    return text.split(": ", 1)[1]


def build():
    out = []
    for line in (HERE / "blank_round2_ef.jsonl").read_text(encoding="utf8").splitlines():
        doc = json.loads(line)
        ann = ANN.get(doc["id"], {})
        unused = set(ann)
        for p, paragraph in enumerate(doc["paragraphs"]):
            for s, sentence in enumerate(paragraph):
                a = ann.get((p, s), S())
                unused.discard((p, s))
                for attr in a["attributions"]:
                    if attr["content"] == TURN:
                        attr["content"] = turn_text(paragraph)
                sentence.update({k: v for k, v in a.items() if v and k != "certainty"})
                if a["certainty"] != "certain":
                    sentence["certainty"] = a["certainty"]
        if unused:
            raise SystemExit(f"{doc['id']}: no sentence for {sorted(unused)}")
        out.append(json.dumps(doc, ensure_ascii=False))
    (HERE / "second_pass_round2_ef.jsonl").write_text("\n".join(out) + "\n", encoding="utf8")


if __name__ == "__main__":
    build()
