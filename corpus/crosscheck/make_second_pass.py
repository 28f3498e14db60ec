"""Second-pass annotations of the cross-check sample, written compactly, and the writer
of corpus/crosscheck/second_pass.jsonl (authoring format).

The annotations below were made from the sentence texts of blank.jsonl only, following
docs/annotation.md, without looking at the first pass. Keys are (paragraph, sentence),
0-based. Helpers fill the bounds that a qualifier implies.

    python corpus/crosscheck/make_second_pass.py
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


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


def S(certainty="certain", cues=(), counts=(), attrs=()):
    return {"certainty": certainty, "cues": [{"text": t, "type": ty} for t, ty in cues],
            "counts": list(counts), "attributions": list(attrs)}


ANN = {}

ANN["drcongo-b01"] = {
    (0, 0): S(attrs=[A("said", "residents and a local official",
                       "M23 rebels backed by Rwanda pushed south from Bukavu on Saturday and seized the town of Kamanyola, near the Burundian border",
                       "person", True)]),
    (0, 1): S("probable", [("believed", "estimate")]),
    (0, 2): S("probable", [("likely", "epistemic")],
              [C("about 10,000 soldiers", "troops", "soldier", "Burundi", "approx", 10000)],
              [A("according to", "two diplomats", "Burundi has about 10,000 soldiers deployed in eastern Congo under a bilateral agreement", "official", True)]),
    (0, 3): S(attrs=[A("said", "A spokesman for the Congolese army, General Sylvain Ekenge", "the armed forces were 'holding firm' around Uvira",
                       "official", medium="in a statement read on state television")]),
    (0, 4): S("unverified", [("claimed", "evidential")],
              [C("'hundreds' of Congolese soldiers", "captured", "soldier", "DR Congo", "vague")],
              [A("claimed", "M23 spokesman Lawrence Kanyuka",
                 "the rebels had 'liberated' Kamanyola and that 'hundreds' of Congolese soldiers and allied Wazalendo militiamen had surrendered",
                 "official", medium="X")]),
    (0, 5): S("unverified", [("could not be verified", "unverifiable")]),
    (1, 1): S(counts=[C("at least 7,000 people", "killed", "person", None, "min", 7000),
                      C("about 3,000 people", "killed", "person", None, "approx", 3000)],
              attrs=[A("say", "Congolese authorities", "at least 7,000 people were killed in the fighting in January and February alone", "government"),
                     A("said", "the UN", "about 3,000 people died in Goma", "organization")]),
    (1, 2): S(counts=[C("between 3,000 and 4,000 Rwandan troops", "troops", "troop", "Rwanda", "range", None, 3000, 4000)],
              attrs=[A("reported", "Reuters",
                       "between 3,000 and 4,000 Rwandan troops were operating inside Congo alongside the rebels, and that Kigali exercised 'de facto control' over M23 operations",
                       "media", time="last month", via=["a confidential report by UN experts"])]),
    (1, 3): S("unverified", [("denies", "denial")],
              attrs=[A("denies", "Rwanda", "supporting M23", "government"),
                     A("says", "Rwanda", "its forces are deployed defensively against threats from the FDLR, a militia founded by Hutu extremists linked to the 1994 genocide", "government")]),
    (1, 4): S("probable", [("estimate", "estimate")],
              [C("between 6,500 and 8,000 fighters", "troops", "fighter", "M23", "range", None, 6500, 8000),
               C("fewer than 1,000", "troops", None, "M23", "max", 1000)],
              [A("estimate", "Western diplomats", "M23 now fields between 6,500 and 8,000 fighters, up from fewer than 1,000 when it re-emerged in late 2021", "official", True)]),
    (1, 5): S("possible", [("unclear", "unclear")]),
    (2, 0): S("probable", [("likely", "epistemic")]),
    (2, 1): S(counts=[C("almost 70,000 people", "displaced", "person", None, "below", 70000)],
              attrs=[A("said", "The UN refugee agency", "almost 70,000 people had crossed into Burundi in the past two weeks, many of them by canoe across the Rusizi river", "organization")]),
    (2, 2): S("possible", [("could", "epistemic")],
              attrs=[A("said", "Aid workers", "a cholera outbreak could spread quickly in the crowded transit sites at Gatumba, where latrines are overflowing", "person", True)]),
    (2, 3): S("unverified", [("reportedly", "evidential")],
              attrs=[A("reportedly", None, "The rebels have also reportedly taken control of several mining sites in Walikale territory, which holds some of the world's richest tin deposits")]),
    (2, 4): S("possible", [("Whether", "unclear"), ("is not clear", "unclear")],
              attrs=[A("said", "analysts", "Whether they intend to push further west toward Kisangani is not clear", "person", True)]),
    (2, 5): S("possible", [("if", "condition"), ("would", "condition"), ("probably", "epistemic")]),
}

ANN["ethiopia-b01"] = {
    (0, 0): S(counts=[C("at least 30 people", "killed", "person", None, "min", 30)],
              attrs=[A("told", "two residents and a health worker", "An Ethiopian military drone strike on a market in the Amhara region killed at least 30 people on Tuesday",
                       "person", True, medium="Reuters")]),
    (0, 1): S(attrs=[A("said", "the health worker", "The strike hit the weekly market in Jibla, a town in West Gojjam zone, around midday", "person", True)]),
    (0, 2): S(counts=[C("26 bodies", "killed", "body", None, "exact", 26)],
              attrs=[A("said", "the health worker", "I counted 26 bodies myself. Many more were taken away by families before we arrived", "person", True)]),
    (0, 5): S("unverified", [("denied", "denial")],
              attrs=[A("denied", "The government", "targeting civilians", "government"),
                     A("saying", "The government", "its operations are aimed at 'extremist' armed groups seeking to overthrow the constitutional order", "government")]),
    (1, 1): S("probable", [("estimated", "estimate")],
              [C("tens of thousands of fighters", "troops", "fighter", "Fano", "vague")]),
    (1, 2): S("unverified", [("claimed", "evidential")],
              [C("87 federal soldiers", "killed", "soldier", "Ethiopia", "exact", 87),
               C("40 others", "captured", None, "Ethiopia", "exact", 40)],
              [A("claimed", "A Fano commander in Gojjam", "his forces had killed 87 federal soldiers and captured 40 others in an ambush near Bure last week",
                 "official", True, medium="in a telephone interview")]),
    (1, 3): S("unverified", [("could not be independently verified", "unverifiable")]),
    (1, 4): S("unverified", [("dismissed", "denial")],
              [C("more than 1,000 Fano fighters", "killed", "fighter", "Fano", "min", 1000)],
              [A("said", "The army", "it killed more than 1,000 Fano fighters in operations in Gojjam and Gondar in the past month", "military"),
               A("dismissed", "Fano leaders", None, "official", True)]),
    (1, 5): S(counts=[C("hundreds of thousands of people", "displaced", "person", None, "vague")],
              attrs=[A("according to", "the UN", "The conflict has displaced hundreds of thousands of people in Amhara", "organization")]),
    (1, 6): S(attrs=[A("said", "The UN humanitarian office", "at least 4.5 million people in the region need assistance and that more than 3,600 schools remain closed",
                       "organization", medium="in a report", time="on Friday")]),
    (1, 7): S(counts=[C("more than 45 civilians", "killed", "civilian", None, "min", 45)],
              attrs=[A("said", "Amnesty International", "government soldiers killed more than 45 civilians in the town of Merawi in January 2024", "organization", medium="in a report")]),
    (1, 8): S("possible", [("unclear", "unclear")]),
    (2, 0): S("possible", [("could", "epistemic")]),
    (2, 1): S("possible", [("was not clear", "unclear")],
              attrs=[A("said", "Diplomats in Addis Ababa", "Eritrea had moved troops closer to the border in recent weeks", "official", True)]),
    (2, 2): S(attrs=[A("said", "Eritrea's information minister, Yemane Gebremeskel", "the reports were 'false and malicious'", "official", medium="X")]),
    (2, 3): S("possible", [("could", "epistemic"), ("believe", "estimate")],
              [C("as many as 200,000 fighters", "troops", "fighter", "TPLF", "max", 200000)]),
    (2, 4): S(attrs=[A("told", "Prime Minister Abiy Ahmed",
                       "Ethiopia has no intention of invading Eritrea, but that access to the Red Sea is an 'existential' matter for the landlocked country",
                       "official", medium="parliament", time="in October")]),
}

ANN["gaza-c01"] = {
    (0, 0): S(counts=[C("at least 43 Palestinians", "killed", "palestinian", "Palestine", "min", 43),
                      C("19 people", "killed", "person", "Palestine", "exact", 19)],
              attrs=[A("said", "local health officials",
                       "Israeli air strikes killed at least 43 Palestinians across the Gaza Strip on Tuesday, including 19 people waiting for food near a distribution site in Rafah",
                       "official", True)]),
    (0, 1): S(attrs=[A("said", "The Israeli military",
                       "it was reviewing the reports and that its troops had fired warning shots at suspects who approached forces of the 162nd Division", "military")]),
    (0, 2): S("unverified", [("could not be independently verified", "unverifiable")]),
    (1, 0): S(counts=[C("61,200", "killed", None, "Palestine", "min", 61200),
                      C("more than 152,000 people", "wounded", "person", "Palestine", "min", 152000)],
              attrs=[A("says", "Gaza's health ministry", "the overall death toll since October 2023 has passed 61,200, with more than 152,000 people wounded", "government")]),
    (2, 0): S("probable", [("apparently", "epistemic")],
              attrs=[A("told", "Witnesses", "tanks, apparently of the Nahal Brigade, pushed about 2 km into eastern Khan Younis overnight, backed by armoured D9 bulldozers",
                       "person", True, medium="Meridian")]),
    (2, 1): S(counts=[C("at least 14 Israeli Merkava tanks", "equipment", "tank", "Israel", "min", 14)],
              attrs=[A("said", "One resident, Samir Abu Odeh", "he counted at least 14 Israeli Merkava tanks near the Bani Suheila roundabout before dawn", "person")]),
    (2, 2): S(attrs=[A("said", "he", "They came from the east with their engines roaring and then the shelling started. We took the children and ran with nothing",
                       "person", medium="by phone", resolved="Samir Abu Odeh")]),
    (3, 0): S("unverified", [("claimed", "evidential")],
              [C("dozens of Hamas fighters", "killed", "fighter", "Hamas", "vague")],
              [A("claimed", "The Israel Defense Forces", "troops had killed dozens of Hamas fighters in the area over the past week and located a tunnel shaft near a school",
                 "military", medium="in a statement")]),
    (3, 2): S("unverified", [("claimed", "evidential")],
              [C("two Israeli armoured vehicles", "equipment", "vehicle", "Israel", "exact", 2),
               C("several Israeli soldiers", "killed", "soldier", "Israel", "vague")],
              [A("claimed", "Hamas's armed wing, the Qassam Brigades",
                 "its fighters had destroyed two Israeli armoured vehicles with Yassin-105 rockets and killed several Israeli soldiers", "military", medium="Telegram")]),
    (3, 3): S("unverified", [("could not independently verify", "unverifiable")]),
    (4, 0): S(attrs=[A("said", "the Gaza Humanitarian Foundation", "it had distributed 1.4 million meals on Monday from three sites in southern Gaza", "organization")]),
    (4, 1): S(attrs=[A("say", "UN agencies", "about 600 aid trucks a day are needed to meet basic needs, far more than the 86 a day that entered on average in July", "organization")]),
    (5, 0): S("probable", [("believed", "estimate")],
              [C("50 hostages", "captured", "hostage", None, "exact", 50),
               C("around 20", "captured", None, None, "approx", 20)]),
    (5, 1): S(attrs=[A("said", "Qatar's prime minister", "the two sides remained far apart on the sequencing of an Israeli withdrawal from the Philadelphi corridor",
                       "official", time="on Sunday")]),
    (5, 2): S("probable", [("unlikely", "epistemic"), ("planned", "expectation")],
              [C("60,000 reservists", "troops", "reservist", "Israel", "exact", 60000)],
              [A("said", "Israeli officials",
                 "a deal was unlikely before the end of the month and that the army planned to call up 60,000 reservists for an expanded operation in Gaza City", "official", True)]),
    (6, 1): S("probable", [("estimates", "estimate")],
              [C("about 1.9 million", "displaced", None, "Palestine", "approx", 1900000)],
              [A("estimates", "The United Nations", "about 1.9 million of Gaza's 2.1 million people have been forced from their homes at least once since the war began", "organization")]),
    (7, 0): S("possible", [("could", "epistemic"), ("unclear", "unclear")],
              attrs=[A("reported", "Israeli media", "the security cabinet could approve the Gaza City operation as early as Thursday", "media")]),
    (7, 1): S("unverified", [("reportedly", "evidential")],
              [C("10 living hostages", "captured", "hostage", None, "exact", 10)],
              [A("reportedly", None, "Hamas reportedly told mediators it was ready to free 10 living hostages in exchange for a 60-day truce"),
               A("told", "Hamas", "it was ready to free 10 living hostages in exchange for a 60-day truce", "military", medium="mediators")]),
    (7, 2): S("unverified", [("denied", "denial")],
              attrs=[A("denied", "An Israeli official", "any such offer had been made", "official", True)]),
    (7, 3): S("probable", [("expected", "expectation")],
              [C("about 130,000 troops", "troops", "troop", "Israel", "approx", 130000)],
              [A("according to", "two defence officials", "The Israeli military is expected to deploy about 130,000 troops in the offensive", "official", True)]),
    (7, 4): S("possible", [("might", "epistemic"), ("if", "condition")],
              [C("tens of thousands more people", "displaced", "person", None, "vague")],
              [A("warned", "Aid officials", "tens of thousands more people might be displaced if the assault goes ahead", "organization", True)]),
    (7, 5): S("probable", [("likely", "epistemic")],
              [C("an estimated 40 people", "missing", "person", None, "approx", 40)]),
}

ANN["kashmir-c01"] = {
    (0, 0): S(attrs=[A("saying", "India", "it had targeted infrastructure used by militant groups it blames for last month's massacre of tourists in Pahalgam", "government")]),
    (0, 1): S(counts=[C("26 civilians", "killed", "civilian", "Pakistan", "exact", 26), C("46", "wounded", None, "Pakistan", "exact", 46)],
              attrs=[A("said", "Pakistan's military", "26 civilians, including women and children, were killed and 46 wounded in the strikes, which hit six locations including mosques in Bahawalpur and Muridke", "military")]),
    (0, 2): S(attrs=[A("said", "India's defence ministry", "its actions had been focused, measured and non-escalatory and that no Pakistani military facilities had been targeted", "government", medium="in a statement")]),
    (0, 3): S(attrs=[A("said", "Pakistani Prime Minister Shehbaz Sharif", "Pakistan had the right to respond", "official")]),
    (1, 0): S("unverified", [("claimed", "evidential")],
              [C("five Indian aircraft", "equipment", "aircraft", "India", "exact", 5), C("three Rafale fighters", "equipment", "fighter", "India", "exact", 3)],
              [A("claimed", "Pakistan's military spokesman, Lieutenant General Ahmed Sharif Chaudhry", "Pakistani jets had shot down five Indian aircraft, including three Rafale fighters, during the overnight engagement", "official")]),
    (1, 1): S("unverified", [("could not be independently verified", "unverifiable")]),
    (1, 2): S("probable", [("probably", "epistemic")],
              [C("at least one Indian Rafale", "equipment", "rafale", "India", "min", 1)],
              [A("told", "Two senior US officials", "at least one Indian Rafale had probably been brought down", "official", True, medium="Meridian", via=["intelligence assessments"])]),
    (2, 1): S(counts=[C("at least 12 civilians", "killed", "civilian", "India", "min", 12), C("57", "wounded", None, "India", "exact", 57)],
              attrs=[A("said", "Indian army officials", "at least 12 civilians were killed and 57 wounded in Pakistani shelling on the town of Poonch and nearby villages, the deadliest bombardment in the area in decades", "official", True)]),
    (2, 2): S("unverified", [("claimed", "evidential")],
              attrs=[A("claimed", "The Indian army", "its troops had responded proportionately and destroyed several Pakistani army posts", "military")]),
    (3, 0): S(counts=[C("26 people", "killed", "person", None, "exact", 26)]),
    (3, 1): S("unverified", [("denied", "denial")],
              attrs=[A("says", "India", "the attack was carried out by The Resistance Front, a proxy of the Pakistan-based Lashkar-e-Taiba", "government"),
                     A("denied", "Islamabad", None, "government")]),
    (3, 2): S(attrs=[A("told", "Foreign Secretary Vikram Misri", "India has no doubt that Pakistan was behind the Pahalgam attack", "official", medium="reporters")]),
    (3, 3): S(attrs=[A("said", "Pakistan's National Security Committee", "it had authorised the armed forces to respond at a time and place of their choosing", "government")]),
    (4, 0): S(attrs=[A("said", "Diplomats", "the United States, Saudi Arabia and Iran were in contact with both sides to prevent a wider conflict between the nuclear-armed neighbours", "official", True)]),
    (4, 1): S(counts=[C("an estimated 500,000 to 700,000 soldiers", "troops", "soldier", "India", "range", None, 500000, 700000)],
              attrs=[A("according to", "independent estimates", "India has an estimated 500,000 to 700,000 soldiers and paramilitary police deployed in Indian-administered Kashmir", "unknown", True)]),
    (4, 3): S("possible", [("could", "epistemic"), ("possibly", "epistemic")],
              attrs=[A("warned", "Analysts", "a Pakistani retaliation could trigger further Indian strikes, possibly on military targets", "person", True)]),
    (5, 0): S("probable", [("likely", "epistemic")],
              attrs=[A("said", "two Western diplomats", "Pakistan is likely to retaliate within days", "official", True)]),
    (5, 1): S("possible", [("may", "epistemic")],
              attrs=[A("according to", "defence analysts", "India may have used SCALP cruise missiles and Hammer precision bombs fired from Rafale jets", "person", True)]),
    (5, 2): S("unverified", [("claimed", "evidential")],
              attrs=[A("claimed", "Pakistan", "its forces had captured an Indian pilot", "government")]),
    (5, 3): S("unverified", [("denied", "denial")],
              attrs=[A("denied", "Indian officials", "any of the sites struck were civilian", "official", True)]),
    (5, 4): S("possible", [("Whether", "unclear")],
              attrs=[A("said", "analysts", "Whether the conflict escalates further will depend on Pakistan's response", "person", True)]),
    (5, 5): S("probable", [("believed", "estimate")],
              [C("About 1,500 residents", "displaced", "resident", None, "approx", 1500)]),
}

ANN["lebanon-c01"] = {
    (0, 0): S(attrs=[A("said", "the military", "it had sent the 146th Division into the ground offensive against Hezbollah, alongside the 36th, 91st and 98th Divisions", "military")]),
    (0, 1): S(counts=[C("Four Israeli divisions", "troops", "division", "Israel", "units", ech="division"),
                      C("roughly 15,000 to 20,000 soldiers", "troops", "soldier", "Israel", "range", None, 15000, 20000)],
              attrs=[A("according to", "a Western military official", "Four Israeli divisions amount to roughly 15,000 to 20,000 soldiers", "official", True)]),
    (1, 0): S(counts=[C("46 people", "killed", "person", "Lebanon", "exact", 46), C("85", "wounded", None, "Lebanon", "exact", 85),
                      C("2,141", "killed", None, "Lebanon", "exact", 2141)],
              attrs=[A("said", "Lebanon's health ministry", "Israeli strikes had killed 46 people and wounded 85 over the previous 24 hours, raising the death toll since October 2023 to 2,141", "government")]),
    (1, 1): S("possible", [("unclear", "unclear")]),
    (1, 2): S("probable", [("estimates", "estimate")],
              [C("More than 1.2 million Lebanese", "displaced", "lebanese", "Lebanon", "min", 1200000)],
              [A("estimates", "the government", "More than 1.2 million Lebanese have fled their homes", "government")]),
    (2, 0): S("unverified", [("claimed", "evidential")],
              [C("three Israeli Merkava tanks", "equipment", "tank", "Israel", "exact", 3)],
              [A("claimed", "Hezbollah", "its fighters had clashed with Israeli troops at close range in the border villages of Odaisseh and Kfar Kila and destroyed three Israeli Merkava tanks with guided missiles", "military")]),
    (2, 1): S(counts=[C("eight soldiers", "killed", "soldier", "Israel", "exact", 8), C("three", "killed", None, "Israel", "exact", 3)],
              attrs=[A("confirmed", "The Israeli military", "eight soldiers, including three from the Golani Brigade's Egoz unit, had been killed in southern Lebanon on Wednesday, its heaviest single-day loss on the front in a year", "military")]),
    (2, 3): S(counts=[C("around 140 rockets", "equipment", "rocket", "Hezbollah", "approx", 140), C("several drones", "equipment", "drone", "Hezbollah", "vague")],
              attrs=[A("said", "the Israeli military", "Hezbollah fired around 140 rockets and several drones at northern Israel on Wednesday", "military")]),
    (2, 4): S(attrs=[A("said", "Israeli medics", "A 58-year-old man was killed when a rocket struck his car near Kiryat Shmona", "person", True)]),
    (2, 5): S(counts=[C("An estimated 60,000 Israelis", "displaced", "israeli", "Israel", "approx", 60000)]),
    (3, 0): S(attrs=[A("told", "Israeli Defense Minister Yoav Gallant", "Hezbollah's chain of command had been shattered and that the operation was far from over", "official", medium="troops")]),
    (3, 1): S("possible", [("may", "epistemic"), ("if", "condition")],
              attrs=[A("said", "Two Israeli officials", "the army may widen the ground operation to a second line of villages if Hezbollah keeps firing", "official", True)]),
    (3, 2): S(attrs=[A("said", "Lebanese Prime Minister Najib Mikati", "his government was ready to deploy the army south of the Litani under UN Security Council Resolution 1701", "official", medium="in a televised address")]),
    (3, 3): S("possible", [("could", "epistemic"), ("if", "condition")],
              [C("about 4,500 troops", "troops", "troop", "Lebanon", "approx", 4500)],
              [A("said", "a Lebanese military source", "The Lebanese army has about 4,500 troops stationed in the south and could double that number within weeks if it receives funding", "official", True)]),
    (4, 0): S(counts=[C("some 10,000 peacekeepers", "troops", "peacekeeper", "UNIFIL", "approx", 10000),
                      C("two Indonesian peacekeepers", "wounded", "peacekeeper", "Indonesia", "exact", 2)],
              attrs=[A("said", "UNIFIL", "two of its positions near Naqoura were hit by Israeli fire on Thursday, wounding two Indonesian peacekeepers", "organization")]),
    (4, 1): S(attrs=[A("said", "The Israeli military", "its troops had fired at a threat nearby and that the incident was being examined", "military")]),
    (4, 2): S("unverified", [("could not be independently verified", "unverifiable")],
              [C("more than 2,000 of the group's fighters", "killed", "fighter", "Hezbollah", "min", 2000)],
              [A("says", "Israel", "its forces have killed more than 2,000 of the group's fighters since last October", "government")]),
    (4, 3): S("unverified", [("estimate", "estimate"), ("claimed", "evidential")],
              [C("between 40,000 and 50,000 fighters", "troops", "fighter", "Hezbollah", "range", None, 40000, 50000),
               C("100,000", "troops", None, "Hezbollah", "exact", 100000)],
              [A("estimate", "Analysts", "Hezbollah had between 40,000 and 50,000 fighters before the war", "person", True),
               A("claimed", "the group's late leader Hassan Nasrallah", "it had 100,000", "official")]),
    (5, 0): S("possible", [("could", "epistemic"), ("likely", "epistemic")],
              [C("two additional brigades", "troops", "brigade", "Israel", "units", ech="brigade")],
              [A("said", "Israeli officials", "the ground operation could last several more weeks and that reservists from two additional brigades were likely to be called up", "official", True)]),
    (5, 1): S("probable", [("believed", "estimate")],
              [C("several hundred fighters", "casualties", "fighter", "Hezbollah", "vague")]),
    (5, 2): S("unverified", [("denied", "denial")],
              attrs=[A("denied", "The group", "Israeli reports that its Radwan Force had withdrawn north of the Litani", "military")]),
    (5, 3): S("possible", [("unclear", "unclear")]),
    (5, 4): S("probable", [("expected", "expectation")],
              attrs=[A("said", "A senior Lebanese official", "the government expected a ceasefire proposal from US envoy Amos Hochstein within days", "official", True)]),
    (5, 5): S("possible", [("may", "epistemic")],
              [C("Up to 400,000 people", "displaced", "person", None, "max", 400000)],
              [A("according to", "the UN refugee agency", "Up to 400,000 people may have crossed into Syria since late September", "organization")]),
}

ANN["mozambique-c01"] = {
    (0, 0): S(counts=[C("at least 12 Mozambican soldiers", "killed", "soldier", "Mozambique", "min", 12)],
              attrs=[A("said", "two military officers", "Islamist insurgents killed at least 12 Mozambican soldiers in an attack on a military base near Mocímboa da Praia in Cabo Delgado province on Sunday", "official", True)]),
    (0, 1): S("unverified", [("claimed", "evidential")],
              [C("20 members of the Mozambican army", "killed", "member", "Mozambique", "exact", 20)],
              [A("claimed", "Islamic State", "the attack", "military", medium="in a statement on its Amaq news agency"),
               A("saying", "Islamic State", "its fighters had killed 20 members of the Mozambican army and seized weapons and ammunition", "military")]),
    (0, 3): S(attrs=[A("said", "a local official", "Rwandan troops, who have been deployed in Cabo Delgado since July 2021, were sent to reinforce the area on Monday", "official", True)]),
    (0, 4): S(counts=[C("about 4,000 soldiers", "troops", "soldier", "Rwanda", "approx", 4000), C("1,000", "troops", None, "Rwanda", "exact", 1000)],
              attrs=[A("said", "Kigali", "it will keep them there as long as Maputo requests", "government")]),
    (1, 0): S(counts=[C("more than 6,000 people", "killed", "person", None, "min", 6000), C("about 1.3 million", "displaced", None, None, "approx", 1300000)],
              attrs=[A("according to", "the conflict monitor ACLED", "The insurgency, which began in October 2017, has killed more than 6,000 people", "organization")]),
    (1, 1): S(attrs=[A("according to", "Human Rights Watch", "Attacks have surged this year, with insurgents raiding villages in Ancuabe, Chiúre and Macomia districts and beheading civilians", "organization")]),
    (1, 2): S("probable", [("appears", "epistemic")],
              attrs=[A("said", "the rights group", "The group also appears to be recruiting children", "organization", medium="in a report", time="in September", via=["former captives"])]),
    (1, 3): S(counts=[C("Some 60,000 people", "displaced", "person", None, "approx", 60000)],
              attrs=[A("said", "the International Organization for Migration", "Some 60,000 people fled their homes in Chiúre district within ten days in February", "organization")]),
    (2, 0): S(attrs=[A("said", "TotalEnergies", "it was ready to restart construction", "organization", time="in October")]),
    (2, 1): S(counts=[C("dozens of people", "killed", "person", None, "vague")]),
    (2, 2): S(counts=[C("between 300 and 400 fighters", "troops", "fighter", "Islamic State", "range", None, 300, 400)],
              attrs=[A("say", "Analysts", "the insurgents number between 300 and 400 fighters, but that they are highly mobile and exploit local grievances over poverty and land", "person", True)]),
    (2, 3): S(attrs=[A("told", "Mozambique's President Daniel Chapo", "the security forces were winning the war against terrorism in Cabo Delgado", "official", medium="parliament", time="in December")]),
    (2, 4): S(counts=[C("2,000-strong", "troops", None, "SADC", "exact", 2000)]),
    (3, 0): S(attrs=[A("said", "Residents of Mocímboa da Praia", "many families were packing their belongings to flee again", "person", True)]),
    (3, 1): S("possible", [("If", "condition")],
              attrs=[A("said", "a fisherman", "If the soldiers leave, we will be next", "person")]),
    (3, 2): S("possible", [("not clear", "unclear")]),
    (4, 0): S("probable", [("thought to", "estimate")]),
    (4, 1): S("unverified", [("could not be independently confirmed", "unverifiable")],
              [C("20 dead", "killed", None, "Mozambique", "exact", 20)]),
    (4, 2): S("possible", [("may", "epistemic")],
              attrs=[A("according to", "a security consultant", "A second attack on Monday may have targeted a convoy carrying supplies for the Afungi LNG site", "person", True)]),
    (4, 3): S("possible", [("expected", "expectation"), ("if", "condition")],
              [C("about 1,000 more troops", "troops", "troop", "Rwanda", "approx", 1000)]),
    (4, 4): S("unverified", [("denied", "denial")],
              attrs=[A("denied", "Mozambique's defence ministry", "the base had been overrun", "government"),
                     A("saying", "Mozambique's defence ministry", "troops had repelled the assault", "government")]),
    (4, 5): S("possible", [("unclear", "unclear")]),
}

ANN["nk-a01"] = {
    (0, 1): S(counts=[C("at least 200 people", "killed", "person", None, "min", 200), C("10 civilians", "killed", "civilian", None, "exact", 10),
                      C("more than 400", "wounded", None, None, "min", 400)],
              attrs=[A("said", "Armenian separatist authorities", "at least 200 people, including 10 civilians, had been killed and more than 400 wounded in the fighting", "government")]),
    (0, 2): S("unverified", [("could not be independently verified", "unverifiable")]),
    (0, 3): S(counts=[C("up to 20 military vehicles", "equipment", "vehicle", "Nagorno-Karabakh", "max", 20)],
              attrs=[A("said", "Azerbaijan's Defence Ministry", "its forces had seized more than 90 combat positions and destroyed up to 20 military vehicles belonging to the separatists", "government")]),
    (0, 4): S("unverified", [("denied", "denial")],
              attrs=[A("denied", "Baku", "targeting civilians", "government"),
                     A("said", "Baku", "the operation was a limited \"anti-terrorist\" measure", "government")]),
    (1, 0): S(counts=[C("roughly 10,000-strong", "troops", None, "Nagorno-Karabakh", "approx", 10000)]),
    (1, 1): S("probable", [("believed", "estimate")],
              [C("about 2,000 peacekeepers", "troops", "peacekeeper", "Russia", "approx", 2000)]),
    (1, 2): S(counts=[C("five Russian peacekeepers", "killed", "peacekeeper", "Russia", "exact", 5)],
              attrs=[A("said", "Russia's Defence Ministry", "five Russian peacekeepers, including a deputy commander, were killed when their vehicle came under fire near the village of Janyatag", "government")]),
    (1, 3): S(attrs=[A("said", "the Kremlin", "Azerbaijan's President Ilham Aliyev apologised to Vladimir Putin in a phone call", "government")]),
    (1, 4): S("probable", [("expected", "expectation")]),
    (1, 5): S("possible", [("not immediately clear", "unclear")]),
    (2, 0): S(attrs=[A("said", "Armenian Prime Minister Nikol Pashinyan", "Armenia was not involved in the fighting and had no troops in Nagorno-Karabakh", "official", medium="in a televised address")]),
    (2, 1): S(attrs=[A("said", "he", "We are ready to receive our brothers and sisters, but we hope they will not have to leave their homes", "official", resolved="Nikol Pashinyan")]),
    (2, 2): S("possible", [("may", "epistemic")],
              [C("Thousands of people", "displaced", "person", None, "vague")],
              [A("said", "local residents", "Thousands of people may have fled to the Russian peacekeepers' base at Stepanakert airport", "person", True, medium="by phone")]),
    (2, 3): S("unverified", [("reportedly", "evidential")],
              attrs=[A("reportedly", None, "Some families reportedly spent the night in the open")]),
    (2, 4): S("probable", [("planned", "expectation")]),
    (2, 5): S("possible", [("could", "epistemic")],
              attrs=[A("say", "Analysts", "the collapse of the enclave's defences could trigger a mass exodus within days", "person", True)]),
    (2, 6): S(attrs=[A("said", "The European Union", "it was ready to provide humanitarian assistance", "organization")]),
    (2, 7): S("possible", [("not yet clear", "unclear")],
              attrs=[A("said", "The Armenian government", "it was not yet clear how many of the enclave's residents intend to leave", "government")]),
}

ANN["sahel-b01"] = {
    (0, 0): S(counts=[C("dozens of soldiers", "killed", "soldier", "Burkina Faso", "vague")],
              attrs=[A("said", "two security sources", "Islamist militants linked to al Qaeda killed dozens of soldiers in an attack on a military base in northern Burkina Faso on Sunday", "unknown", True)]),
    (0, 1): S("unverified", [("reportedly", "evidential")],
              attrs=[A("reportedly", None, "Fighters from Jama'at Nusrat al-Islam wal-Muslimin (JNIM) stormed the base in Djibo at dawn, reportedly overrunning its defences after a suicide car bomb breached the outer wall")]),
    (0, 2): S("possible", [("could", "epistemic")],
              [C("more than 50 soldiers", "killed", "soldier", "Burkina Faso", "min", 50), C("at least 20 others", "missing", None, "Burkina Faso", "min", 20)],
              [A("said", "A local official", "more than 50 soldiers and auxiliary militiamen had been killed and at least 20 others were missing, though the toll could rise", "official", True)]),
    (0, 3): S("unverified", [("claimed", "evidential")],
              [C("more than 100 apostates", "killed", "apostate", "Burkina Faso", "min", 100), C("14 vehicles", "equipment", "vehicle", "Burkina Faso", "exact", 14)],
              [A("claimed", "JNIM", "responsibility", "military", medium="in a statement released through its az-Zallaqa media arm"),
               A("saying", "JNIM", "its fighters had killed 'more than 100 apostates' and seized 14 vehicles and large quantities of ammunition", "military")]),
    (0, 4): S("unverified", [("could not be independently verified", "unverifiable")]),
    (0, 6): S(counts=[C("several dozen terrorists", "killed", "terrorist", "JNIM", "vague")],
              attrs=[A("said", "State broadcaster RTB", "the army had 'neutralised several dozen terrorists' in air strikes on their retreat routes", "media", sm=True, time="on Monday evening")]),
    (1, 1): S(counts=[C("thousands of people", "killed", "person", None, "vague"), C("more than 2 million", "displaced", None, None, "min", 2000000)],
              attrs=[A("according to", "the Norwegian Refugee Council", "Attacks by jihadist groups have killed thousands of people in Burkina Faso and displaced more than 2 million since 2015", "organization")]),
    (1, 2): S(counts=[C("tens of thousands of civilian auxiliaries", "troops", "auxiliary", "Burkina Faso", "vague")]),
    (1, 3): S("unverified", [("denies", "denial")],
              attrs=[A("say", "Rights groups", "some VDP units have carried out reprisal killings against ethnic Fulani communities", "organization", True),
                     A("denies", "the government", None, "government")]),
    (2, 1): S("possible", [("could", "epistemic"), ("if", "condition")],
              attrs=[A("said", "diplomats", "several Western embassies could evacuate non-essential staff if the blockade is not lifted", "official", True)]),
    (2, 2): S("probable", [("estimated", "estimate")],
              [C("about 2,500 personnel", "troops", "personnel", "Russia", "approx", 2500)]),
    (2, 3): S("probable", [("thought to", "estimate")],
              attrs=[A("said", "Wagner", "its mission had been 'accomplished'", "military")]),
    (2, 4): S("possible", [("may", "epistemic")],
              attrs=[A("say", "Analysts", "the junta in Bamako may struggle to hold the capital's supply lines through the dry season", "person", True)]),
    (2, 5): S("unverified", [("Sources", "evidential")],
              attrs=[A("said", "Sources close to the presidency", "Colonel Assimi Goïta had discussed the crisis with Russian officials in Moscow last week", "unknown", True),
                     A("cited by", "Jeune Afrique", "Colonel Assimi Goïta had discussed the crisis with Russian officials in Moscow last week", "media")]),
    (2, 7): S("possible", [("Whether", "unclear"), ("remains to be seen", "unclear")]),
}

ANN["somalia-b01"] = {
    (0, 0): S(attrs=[A("said", "residents and a military officer",
                       "Al-Shabaab fighters captured the central Somali town of Moqokori on Tuesday after government troops and allied clan militias withdrew overnight", "person", True)]),
    (0, 1): S("probable", [("believed", "estimate")],
              [C("at least three armoured vehicles", "equipment", "vehicle", "Somalia", "min", 3)],
              [A("told", "the officer", "The militants are believed to have seized at least three armoured vehicles and a large weapons cache left behind at the base", "official", True, medium="Reuters")]),
    (0, 2): S("possible", [("could", "epistemic")],
              [C("at least 17 soldiers", "killed", "soldier", "Somalia", "min", 17), C("more than 30", "wounded", None, "Somalia", "min", 30)],
              [A("said", "He", "at least 17 soldiers were killed in the fighting and more than 30 were wounded", "official", True),
               A("cautioned", "He", "the toll could rise", "official", True)]),
    (0, 3): S("unverified", [("could not be independently verified", "unverifiable")],
              [C("more than 90 apostate soldiers", "killed", "soldier", "Somalia", "min", 90)],
              [A("said", "Al-Shabaab", "it had killed 'more than 90 apostate soldiers'", "military", medium="in a statement on its Andalus radio station")]),
    (0, 4): S(attrs=[A("said", "Somalia's Ministry of Information", "the withdrawal was 'tactical' and that forces were regrouping to retake the town", "government")]),
    (0, 5): S("possible", [("may", "epistemic")],
              attrs=[A("said", "a senior officer", "The army may attempt a counter-attack from its base at Mahas", "official", True)]),
    (0, 6): S("probable", [("thought to", "estimate")],
              [C("Several thousand residents", "displaced", "resident", None, "vague")],
              [A("according to", "local elders", "Several thousand residents of Moqokori are thought to have fled toward Beledweyne, the regional capital", "person", True)]),
    (1, 1): S("probable", [("thought to", "estimate")]),
    (1, 2): S("probable", [("estimate", "estimate")],
              [C("between 7,000 and 12,000 fighters", "troops", "fighter", "al-Shabaab", "range", None, 7000, 12000)],
              [A("estimate", "Analysts", "al-Shabaab has between 7,000 and 12,000 fighters, making it one of al Qaeda's most powerful affiliates", "person", True)]),
    (1, 3): S("possible", [("perhaps", "epistemic")],
              [C("perhaps 5,000 soldiers", "troops", "soldier", "Somalia", "approx", 5000)],
              [A("said", "Security analysts", "the army's Turkish-trained Gorgor brigades, numbering perhaps 5,000 soldiers, were stretched thin", "person", True)]),
    (2, 0): S(counts=[C("about 11,000 troops", "troops", "troop", "AUSSOM", "approx", 11000), C("20,000", "troops", None, None, "exact", 20000)]),
    (2, 1): S("possible", [("could", "epistemic"), ("if", "condition")],
              attrs=[A("say", "diplomats", "some troop-contributing countries could withdraw if salaries are not paid", "official", True)]),
    (2, 2): S("possible", [("may", "epistemic")],
              [C("around 4,500 soldiers", "troops", "soldier", "Uganda", "approx", 4500)],
              [A("warned", "Uganda", "it may scale down its presence next year", "government")]),
    (2, 3): S("probable", [("expected", "expectation")],
              [C("up to 1,100 soldiers", "troops", "soldier", "Egypt", "max", 1100), C("thousands of troops", "troops", "troop", "Ethiopia", "vague")]),
    (2, 4): S(attrs=[A("according to", "a tally by the New America think tank",
                       "The United States has carried out more than 100 air strikes against al-Shabaab and Islamic State targets in Somalia this year", "organization")]),
    (2, 5): S("possible", [("whether", "unclear")],
              [C("roughly 500 troops", "troops", "troop", "United States", "approx", 500)],
              [A("said", "A US official", "Washington was reviewing whether to keep its roughly 500 troops in the country", "official", True)]),
    (2, 6): S(attrs=[A("said", "Somalia's President Hassan Sheikh Mohamud", "We will not surrender a single district to the khawarij", "official", time="last week")]),
    (2, 7): S("possible", [("Whether", "unclear"), ("remains to be seen", "unclear")]),
}


def build():
    out = []
    for line in (HERE / "blank.jsonl").read_text(encoding="utf8").splitlines():
        doc = json.loads(line)
        ann = ANN.get(doc["id"], {})
        unused = set(ann)
        for p, paragraph in enumerate(doc["paragraphs"]):
            for s, sentence in enumerate(paragraph):
                a = ann.get((p, s), S())
                unused.discard((p, s))
                sentence.update({k: v for k, v in a.items() if v})
                if a["certainty"] != "certain":
                    sentence["certainty"] = a["certainty"]
        if unused:
            raise SystemExit(f"{doc['id']}: no sentence for {sorted(unused)}")
        out.append(json.dumps(doc, ensure_ascii=False))
    (HERE / "second_pass.jsonl").write_text("\n".join(out) + "\n", encoding="utf8")


if __name__ == "__main__":
    build()
