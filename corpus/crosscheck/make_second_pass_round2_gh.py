"""Second-pass annotations of the round-2 cross-check sample, half "gh", and the writer of
corpus/crosscheck/second_pass_round2_gh.jsonl (authoring format).

The annotations below were made from the sentence texts of blank_round2_gh.jsonl only,
following docs/annotation.md and the session-4 rulings, without looking at the first pass.
Keys are (paragraph, sentence), 0-based. Helpers fill the bounds that a qualifier implies.

    python corpus/crosscheck/make_second_pass_round2_gh.py
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


def T(name, content, st="person", anon=False):
    """A transcript turn "NAME: ..." (ruling: cue ":", source NAME, content the whole turn)."""
    return A(":", name, content, st, anon)


ANN = {}

ANN["afpak-h01"] = {
    (0, 0): S(counts=[C("at least 12 Pakistani soldiers", "killed", "soldier", "Pakistan", "min", 12),
                      C("27", "wounded", "soldier", "Pakistan", "exact", 27)],
              attrs=[A("said", "Pakistan's military",
                       "Pakistani and Afghan forces exchanged heavy fire along the border near Chaman overnight, killing at least 12 Pakistani soldiers and wounding 27",
                       "military", time="on Sunday")]),
    (0, 1): S(counts=[C("more than 80 Taliban fighters", "killed", "fighter", "Afghanistan", "min", 80)],
              attrs=[A("said", "The military's media wing",
                       "its troops had killed \"more than 80 Taliban fighters and khawarij\" and destroyed 19 Afghan border posts in retaliation",
                       "military")]),
    (1, 0): S(counts=[C("58 Pakistani soldiers", "killed", "soldier", "Pakistan", "exact", 58),
                      C("nine men", "killed", "man", "Afghanistan", "exact", 9)],
              attrs=[A("wrote", "Taliban government spokesman Zabihullah Mujahid",
                       "58 Pakistani soldiers had been killed and that Afghan forces had lost nine men", "official", medium="X")]),
    (1, 1): S(attrs=[A("accused", "He", "striking civilian homes in Kandahar province", "official", resolved="Zabihullah Mujahid"),
                     A("called", "He", "the attacks a violation of Afghan sovereignty", "official", resolved="Zabihullah Mujahid")]),
    (1, 2): S("unverified", [("could be independently verified", "unverifiable")]),
    (2, 0): S("unverified", [("denies", "denial")],
              attrs=[A("has long accused", "Islamabad", "sheltering fighters of the Tehrik-i-Taliban Pakistan (TTP)", "government"),
                     A("denies", "Kabul", "a charge", "government")]),
    (2, 1): S("probable", [("estimated", "estimate")],
              [C("about 6,500 fighters", "troops", "fighter", "TTP", "approx", 6500)],
              [A("estimated", "A UN monitoring team", "the TTP had about 6,500 fighters in Afghanistan", "organization", time="last year")]),
    (2, 2): S("possible", [("believe", "estimate"), ("may", "epistemic")],
              attrs=[A("believe", "Pakistani officials", "the real number may be twice as high", "official", True)]),
    (2, 4): S(attrs=[A("said", "drivers", "Hundreds of trucks were stranded on both sides", "person", True)]),
    (2, 5): S("possible", [("could", "epistemic")],
              attrs=[A("urged", "Qatar and Turkey", "both governments to show restraint", "government"),
                     A("said", "a Qatari official", "talks could resume in Doha as early as next week", "official", True)]),
}

ANN["afpak-h02"] = {
    (0, 0): S(counts=[C("seven soldiers", "killed", "soldier", None, "exact", 7)],
              attrs=[A("says", "the army", "a suicide bomber has killed seven soldiers in North Waziristan", "military")]),
    (0, 4): S(counts=[C("at least 15 more soldiers", "wounded", "soldier", None, "min", 15)],
              attrs=[A("tell", "Security officials here", "at least 15 more soldiers were wounded, some of them critically", "official", True, medium="me")]),
    (0, 5): S("unverified", [("claimed", "evidential"), ("has not been confirmed", "unverifiable")],
              attrs=[A("claimed", "A faction linked to the Pakistani Taliban", "the attack", "military", True, medium="Telegram"),
                     A("has not been confirmed", "the army", "that claim", "military")]),
    (0, 6): S("possible", [("Is", "epistemic")]),
    (0, 7): S("possible", [("whether", "unclear")],
              attrs=[A("isn't saying", "The military", "whether the bomber crossed from Afghanistan", "military"),
                     A("told", "a senior police officer", "the group has bases just across the border", "official", True, medium="me")]),
    (0, 8): S("probable", [("believe", "estimate")],
              [C("about 200 fighters", "troops", "fighter", None, "approx", 200)],
              [A("said", "He", "security forces believe about 200 fighters are operating in the valleys around Mir Ali", "official", True),
               A("believe", "security forces", "about 200 fighters are operating in the valleys around Mir Ali", "military")]),
    (0, 9): S("possible", [("could", "epistemic")],
              attrs=[A("say", "residents I spoke to", "they are afraid a new military operation could force them from their homes again", "person", True)]),
    (0, 10): S(counts=[C("nearly a million people", "displaced", "person", None, "below", 1000000)]),
    (1, 0): S(attrs=[A("described", "The prime minister", "the attackers as \"enemies of humanity\"", "official")]),
    (1, 1): S(attrs=[A("said", "his office", "the government would not allow Afghan soil to be used against Pakistan", "government", medium="In a statement")]),
}

ANN["armaz-h01"] = {
    (0, 0): S(counts=[C("49 of its soldiers", "killed", "soldier", "Armenia", "exact", 49)],
              attrs=[A("said", "Armenia's defence ministry", "49 of its soldiers had been killed in the heaviest clashes since 2020", "government")]),
    (0, 1): S(attrs=[A("said", "The ministry",
                       "Azerbaijani forces had shelled the towns of Jermuk, Goris and Vardenis with artillery and drones and had advanced up to two kilometres into Armenian territory in places",
                       "government")]),
    (0, 2): S(counts=[C("50 of its servicemen", "killed", "serviceman", "Azerbaijan", "exact", 50)],
              attrs=[A("said", "Azerbaijan's defence ministry", "its forces had responded to \"large-scale provocations\" by Armenian units", "government"),
                     A("acknowledged", "Azerbaijan's defence ministry", "50 of its servicemen had been killed", "government")]),
    (1, 0): S(counts=[C("at least 7,600 civilians", "displaced", "civilian", None, "min", 7600)],
              attrs=[A("told", "Prime Minister Nikol Pashinyan",
                       "Azerbaijan had occupied about 10 square kilometres of Armenian land and that at least 7,600 civilians had been evacuated from border villages",
                       "official", medium="parliament")]),
    (1, 1): S(attrs=[A("accused", "He", "trying to force concessions in peace talks at gunpoint", "official", resolved="Nikol Pashinyan")]),
    (1, 2): S("unverified", [("denied", "denial")],
              attrs=[A("denied", "Baku", "targeting civilians", "government"),
                     A("said", "Baku", "Armenian sappers had been laying mines on supply routes", "government")]),
    (1, 3): S(counts=[C("eight artillery pieces", "equipment", "artillery piece", "Armenia", "exact", 8),
                      C("two air defence systems", "equipment", "air defence system", "Armenia", "exact", 2)],
              attrs=[A("reported", "Azerbaijani state news agency AZERTAC",
                       "Armenian forces had lost eight artillery pieces and two air defence systems", "media", sm=True,
                       via=["the defence ministry"])]),
    (1, 4): S(attrs=[A("called", "Armenia", "those figures invented", "government")]),
    (2, 0): S(counts=[C("some 2,000 peacekeepers", "troops", "peacekeeper", "Russia", "approx", 2000)],
              attrs=[A("said", "Russia", "it had brokered a ceasefire from 9 a.m. Moscow time on Wednesday", "government")]),
    (2, 1): S("possible", [("not clear", "unclear"), ("whether", "unclear")],
              attrs=[A("accused", "both sides", "firing after the deadline", "military")]),
    (2, 2): S("unverified", [("disputed", "denial")],
              [C("at least 23 of its soldiers", "captured", "soldier", "Armenia", "min", 23)],
              [A("holds", "Armenia", "at least 23 of its soldiers remain in Azerbaijani captivity", "government"),
               A("has disputed", "Baku", "a figure", "government")]),
    (2, 3): S("probable", [("expected", "expectation")]),
}

ANN["armaz-h02"] = {
    (0, 2): S(counts=[C("at least 12 attack drones", "equipment", "drone", "Azerbaijan", "min", 12),
                      C("three", "equipment", "drone", "Azerbaijan", "exact", 3)]),
    (0, 3): S(counts=[C("15", "killed", "serviceman", "Armenia", "exact", 15),
                      C("28 wounded servicemen", "wounded", "serviceman", "Armenia", "exact", 28)]),
    (0, 4): S(counts=[C("Three servicemen", "missing", "serviceman", "Armenia", "exact", 3)]),
    (1, 0): S(attrs=[A("According to", "preliminary data", "the enemy has suffered significant losses in manpower and equipment", "unknown")]),
    (1, 1): S("unverified", [("does not correspond to reality", "denial")],
              attrs=[A("statement", "the Ministry of Defence of Azerbaijan", "Armenian units had fired first", "government")]),
}

ANN["gaza-g01"] = {
    (0, 0): S(counts=[C("at least 19 Palestinians", "killed", "Palestinian", "Palestine", "min", 19),
                      C("seven children", "killed", "child", "Palestine", "exact", 7)],
              attrs=[A("said", "the Gaza health ministry",
                       "Israeli air strikes on two houses in the Zeitoun district killed at least 19 Palestinians overnight, including seven children",
                       "government", time="on Thursday")]),
    (0, 1): S("probable", [("believed", "estimate")],
              [C("about a dozen people", "missing", "person", None, "approx", 12)],
              [A("said", "Civil defence crews",
                 "they were still searching the rubble for about a dozen people believed to be trapped under one of the buildings", "government")]),
    (0, 2): S(attrs=[A("said", "The Israeli military",
                       "it had struck \"a Hamas command cell\" operating from the area and that it took steps to limit harm to civilians", "military")]),
    (0, 4): S(attrs=[A("called", "Hamas", "the strikes a war crime", "military"),
                     A("accused", "Hamas", "deliberately targeting families sheltering in their homes", "military")]),
    (1, 0): S("unverified", [("could not be independently verified", "unverifiable")]),
    (1, 1): S("unverified", [("has not backed with evidence", "unverifiable")],
              [C("more than 20,000 militants", "killed", "militant", None, "min", 20000)],
              [A("says", "The Israeli military", "more than 20,000 militants have been killed since the war began", "military")]),
    (1, 2): S(counts=[C("two soldiers", "killed", "soldier", None, "exact", 2), C("five", "wounded", "soldier", None, "exact", 5)],
              attrs=[A("said", "the military", "two soldiers were killed and five wounded when an explosive device hit their vehicle in Rafah on Wednesday", "military")]),
    (1, 3): S(counts=[C("412", "killed", "soldier", None, "exact", 412)],
              attrs=[A("according to", "military figures", "That brings to 412 the number of soldiers killed in the ground offensive", "military")]),
    (1, 4): S(counts=[C("one brigade", "troops", "brigade", "Israel", "units", ech="brigade")],
              attrs=[A("said", "An Israeli official who asked not to be named",
                       "the Israeli army planned to pull one brigade out of the southern city within days", "official", True)]),
    (2, 0): S("probable", [("expected", "expectation")],
              attrs=[A("told", "two diplomats", "Mediators from Egypt and Qatar are expected to present a new ceasefire proposal next week", "official", True, medium="EMW")]),
    (2, 1): S(counts=[C("33 hostages", "captured", "hostage", None, "exact", 33),
                      C("hundreds of Palestinian prisoners", "captured", "prisoner", "Palestine", "vague")],
              attrs=[A("said", "they", "Under the draft, Hamas would free 33 hostages in exchange for hundreds of Palestinian prisoners", "official", True)]),
    (2, 2): S("possible", [("not clear", "unclear"), ("whether", "unclear")]),
    (2, 3): S(counts=[C("Nearly 1.9 million people", "displaced", "person", None, "below", 1900000)],
              attrs=[A("according to", "UN estimates", "Nearly 1.9 million people, about 90 percent of Gaza's population, have been displaced at least once", "organization")]),
    (2, 4): S(attrs=[A("say", "Aid groups", "only a fraction of the 500 trucks a day needed before the war are now entering the territory", "organization", True)]),
    (2, 5): S("unverified", [("disputed", "denial")],
              attrs=[A("has disputed", "The Israeli defence body that handles aid, COGAT", "those figures", "government"),
                     A("said", "The Israeli defence body that handles aid, COGAT", "more than 4,200 trucks entered last month", "government")]),
}

ANN["gaza-g02"] = {
    (0, 2): S(counts=[C("46", "wounded", None, None, "exact", 46)],
              attrs=[T("HADDAD", "We received 46 wounded at the field hospital overnight, most of them women and children", "organization")]),
    (0, 3): S(counts=[C("Four", "killed", None, None, "exact", 4)],
              attrs=[T("HADDAD", "Four of them died before we could get them into surgery", "organization")]),
    (0, 4): S(attrs=[A("says", "The Israeli army", "it warned residents to leave that area two days ago", "military"),
                     A("warned", "it", "to leave that area", "military", medium="residents", time="two days ago")]),
    (0, 5): S(attrs=[T("HADDAD", "People did leave, but there is nowhere safe to go, and the families who came to us said the strike hit the tents they had moved into", "organization"),
                     A("said", "the families who came to us", "the strike hit the tents they had moved into", "person", True)]),
    (0, 7): S("possible", [("estimate", "estimate"), ("perhaps", "epistemic")],
              [C("between 60,000 and 70,000", "displaced", None, None, "range", None, 60000, 70000),
               C("perhaps 20,000", "displaced", None, None, "approx", 20000)],
              [T("HADDAD", "Our teams estimate between 60,000 and 70,000, up from perhaps 20,000 a month ago", "organization"),
               A("estimate", "Our teams", "between 60,000 and 70,000, up from perhaps 20,000 a month ago", "organization")]),
    (0, 8): S("possible", [("Is", "epistemic")]),
    (0, 9): S("possible", [("if", "condition"), ("may", "epistemic")],
              attrs=[T("HADDAD", "Very little, and if the fuel does not arrive by the weekend the hospital may have to shut its intensive care unit", "organization")]),
    (0, 10): S(attrs=[A("told", "a spokesperson", "the incident was under review", "official", True, medium="us")]),
    (0, 11): S("unverified", [("could not confirm", "unverifiable")],
               attrs=[A("said", "The spokesperson", "Hamas fighters had fired rockets from close to the camp", "official", True),
                      A("could not confirm", "the charity", "which", "organization")]),
    (0, 12): S(attrs=[T("HADDAD", "I can only tell you what I see: we have not seen any fighters in the camp", "organization")]),
}

ANN["iran-g01"] = {
    (0, 0): S(counts=[C("dozens of ballistic missiles", "equipment", "missile", "Iran", "vague")],
              attrs=[A("said", "The Islamic Revolutionary Guard Corps",
                       "its aerospace force had struck military and intelligence centres of the Zionist regime in the occupied territories with dozens of ballistic missiles and drones",
                       "military", time="on Saturday")]),
    (0, 1): S(attrs=[A("said", "the IRGC",
                       "the operation, code-named True Promise, was a legitimate response to the regime's attack on the Iranian embassy compound in Damascus",
                       "military", medium="In a statement carried by state television")]),
    (0, 2): S(attrs=[A("said", "The statement", "the targets were hit \"with precision\"", "military"),
                     A("warned", "The statement", "any further aggression would be met with a \"stronger and more painful\" response", "military")]),
    (0, 3): S(attrs=[A("told", "Foreign Minister spokesman Hossein Karimi", "the operation had ended and that Iran did not seek to escalate",
                       "official", medium="reporters")]),
    (0, 4): S(attrs=[A("described", "He", "the claims of Western media about the failure of the missiles as \"psychological warfare\"", "official",
                       resolved="Hossein Karimi"),
                     A("claims", "Western media", "the failure of the missiles", "media", True)]),
    (1, 0): S(attrs=[A("reported", "state media",
                       "Thousands of people took to the streets of Tehran, Isfahan and Mashhad after midnight to celebrate the operation",
                       "media", True, sm=True)]),
    (1, 1): S("unverified", [("informed military source", "evidential")],
              [C("more than 150 drones", "equipment", "drone", None, "min", 150), C("110 missiles", "equipment", "missile", None, "exact", 110)],
              [A("reported", "The semi-official news agency Tasnim", "more than 150 drones and 110 missiles had been fired in the first wave",
                 "media", via=["an informed military source"])]),
    (1, 2): S("unverified", [("source said", "evidential")],
              attrs=[A("said", "The source", "Iran's air defences were on full alert and that no Iranian aircraft had taken part in the operation",
                       "unknown", True)]),
    (1, 3): S("unverified", [("claimed", "evidential"), ("rejected", "denial")],
              attrs=[A("claimed", "The Zionist regime's military", "99 percent of the projectiles had been intercepted", "military"),
                     A("rejected", "Iranian officials", "a figure", "official", True)]),
    (1, 4): S(attrs=[A("acknowledged", "Israeli media", "an air base in the Negev had been hit", "media", True)]),
    (1, 5): S(attrs=[A("said", "Armed forces chief of staff Major General Reza Bahrami",
                       "the country's forces were ready to carry out operations \"several times larger\" if necessary",
                       "official", medium="in a televised address")]),
    (1, 6): S("possible", [("would", "condition")],
              attrs=[A("called on", "He", "the United States to stay out of the conflict", "official", resolved="Reza Bahrami"),
                     A("warned", "He", "American bases in the region would otherwise become legitimate targets", "official", resolved="Reza Bahrami")]),
    (1, 7): S(attrs=[A("saying", "Parliament speaker Ali Nazari", "the operation had restored the balance of deterrence", "official",
                       medium="in an open session")]),
}

ANN["iran-g02"] = {
    (0, 2): S(counts=[C("More than 100 aircraft", "equipment", "aircraft", None, "min", 100)]),
    (0, 5): S(counts=[C("some 180 ballistic missiles", "equipment", "missile", "Iran", "approx", 180)],
              attrs=[A("said:", "The Prime Minister",
                       "Iran fired some 180 ballistic missiles at our cities; we promised to respond, and we have.", "official")]),
    (0, 6): S(attrs=[A("added", "he", "Our message to the regime in Tehran is simple: whoever attacks us will pay a heavy price", "official")]),
    (1, 2): S(attrs=[A("reiterated", "the President of the United States", "his country's commitment to Israel's security", "official")]),
    (1, 3): S("unverified", [("do not reflect the full picture", "denial")],
              attrs=[A("Reports", "foreign media", "the targets struck and the damage caused", "media", True)]),
    (1, 4): S("unverified", [("are false", "denial")],
              attrs=[A("claims", "the Iranian regime", "the attack caused only limited damage", "government")]),
    (1, 5): S("possible", [("may", "epistemic")],
              attrs=[A("instructs", "The Home Front Command", "to continue to follow its guidelines, which may change according to the situation",
                       "military", medium="residents")]),
}

ANN["kashmir-h01"] = {
    (0, 0): S(counts=[C("at least 16 civilians", "killed", "civilian", None, "min", 16)],
              attrs=[A("said", "officials on both sides", "at least 16 civilians had been killed since Tuesday", "official", True)]),
    (0, 1): S(counts=[C("nine people", "killed", "person", None, "exact", 9), C("four children", "killed", "child", None, "exact", 4)],
              attrs=[A("said", "a police officer", "shells hit a school and a mosque, killing nine people, among them four children", "official", True)]),
    (0, 2): S(counts=[C("seven civilians", "killed", "civilian", None, "exact", 7), C("31", "wounded", "civilian", None, "exact", 31)],
              attrs=[A("told", "an official in Muzaffarabad", "Indian fire had killed seven civilians and wounded 31 in the Neelum valley",
                       "official", True, medium="the agency")]),
    (1, 0): S(attrs=[A("said", "India's army", "it had destroyed \"several\" Pakistani posts and launch pads used by militants", "military")]),
    (1, 1): S(counts=[C("five Indian drones", "equipment", "drone", "India", "exact", 5),
                      C("40 to 50 Indian soldiers", "killed", "soldier", "India", "range", None, 40, 50)],
              attrs=[A("told", "Pakistan's military spokesman, Lieutenant General Asim Raza",
                       "five Indian drones had been shot down and that 40 to 50 Indian soldiers had been killed", "official",
                       medium="a news conference in Rawalpindi")]),
    (1, 2): S("unverified", [("dismissed", "denial")],
              [C("two soldiers", "casualties", "soldier", "India", "exact", 2)],
              [A("dismissed", "India", "the claim as \"pure fiction\"", "government"),
               A("acknowledged", "India", "the loss of only two soldiers", "government")]),
    (1, 3): S("unverified", [("could be independently confirmed", "unverifiable")]),
    (2, 0): S(counts=[C("22 Hindu pilgrims", "killed", "pilgrim", None, "exact", 22)]),
    (2, 1): S("unverified", [("denied", "denial")], attrs=[A("denied", "Islamabad", "any role", "government")]),
    (2, 2): S(counts=[C("Tens of thousands of people", "displaced", "person", None, "vague")],
              attrs=[A("said", "local officials", "Tens of thousands of people have left villages near the line", "official", True)]),
    (2, 3): S(counts=[C("an estimated 500,000 soldiers", "troops", "soldier", "India", "approx", 500000)]),
    (2, 5): S("possible", [("could not be ruled out", "epistemic")],
              attrs=[A("said", "A senior Indian official",
                       "the army had been given \"full operational freedom\" and that further strikes could not be ruled out", "official", True)]),
    (2, 6): S(attrs=[A("urged", "The United Nations", "both sides to exercise maximum restraint", "organization")]),
}

ANN["kashmir-h02"] = {
    (0, 3): S(counts=[C("about 32,000 people", "displaced", "person", None, "approx", 32000)],
              attrs=[A("report", "Our teams on the ground",
                       "about 32,000 people have taken refuge in 140 temporary shelters since the start of May", "organization")]),
    (0, 4): S(counts=[C("nearly 11,000", "displaced", "child", None, "below", 11000)]),
    (1, 0): S(attrs=[A("said", "Dr Nusrat Bano, the Trust's director of programmes",
                       "Families left with nothing but the clothes they were wearing", "organization")]),
    (1, 2): S(counts=[C("212 people", "wounded", "person", None, "exact", 212)]),
    (1, 3): S("possible", [("believe", "estimate"), ("could", "epistemic"), ("if", "condition")],
              attrs=[A("believe", "Our staff in Uri", "the number of displaced could double if the shelling continues into next week", "organization")]),
    (2, 0): S(attrs=[A("calls on", "The Trust",
                       "all parties to respect international humanitarian law and to refrain from targeting homes, schools and health facilities",
                       "organization")]),
}

ANN["korea-h01"] = {
    (0, 0): S(counts=[C("about 3,000 more troops", "troops", "troop", "North Korea", "approx", 3000)],
              attrs=[A("said", "South Korea's military",
                       "North Korea has sent about 3,000 more troops to Russia to replenish units that suffered heavy losses in the Kursk region",
                       "military", time="on Monday")]),
    (0, 1): S("probable", [("believed", "estimate")],
              [C("roughly 11,000 soldiers", "troops", "soldier", "North Korea", "approx", 11000)],
              [A("said", "The Joint Chiefs of Staff",
                 "the reinforcements were believed to have arrived in January and February, adding to the roughly 11,000 soldiers Pyongyang deployed last autumn",
                 "military")]),
    (0, 2): S(counts=[C("millions of shells", "equipment", "shell", "North Korea", "vague")],
              attrs=[A("said", "it", "North Korea has also supplied Russia with short-range ballistic missiles, artillery systems and millions of shells",
                       "military", resolved="The Joint Chiefs of Staff")]),
    (1, 0): S("probable", [("estimates", "estimate")],
              [C("some 4,000 North Korean soldiers", "casualties", "soldier", "North Korea", "approx", 4000)],
              [A("estimates", "South Korea's spy agency", "some 4,000 North Korean soldiers have been killed or wounded since December", "government")]),
    (1, 1): S(counts=[C("about 300", "killed", None, "North Korea", "approx", 300)],
              attrs=[A("told", "Lawmaker Park Sun-won", "about 300 of them had died", "official", medium="reporters",
                       time="after a closed-door briefing", via=["the National Intelligence Service"])]),
    (1, 2): S(counts=[C("nearly 4,500", "casualties", None, "North Korea", "below", 4500)],
              attrs=[A("has put", "Ukrainian President Volodymyr Zelenskyy", "the number of North Korean casualties higher, at nearly 4,500", "official")]),
    (1, 3): S(counts=[C("two North Korean soldiers", "captured", "soldier", "North Korea", "exact", 2)],
              attrs=[A("said", "Ukraine's special forces", "they had captured two North Korean soldiers, one of whom was wounded in the jaw",
                       "military", medium="Telegram")]),
    (1, 4): S(attrs=[A("saying", "one of the men", "he had been told he was going to a training exercise", "person", True),
                     A("had been told", None, "he was going to a training exercise")]),
    (2, 0): S("unverified", [("dismissed", "denial")],
              attrs=[A("did not acknowledge", "Moscow and Pyongyang", "the deployment", "government"),
                     A("dismissed", "the Kremlin", "early reports of it as \"fake news\"", "government")]),
    (2, 1): S(attrs=[A("confirmed", "North Korea's official news agency KCNA", "its troops fought in Kursk", "media", sm=True)]),
    (2, 2): S("possible", [("may", "epistemic")],
              attrs=[A("say", "Analysts in Seoul", "the North may be receiving Russian air defence systems and help with its satellite programme in return",
                       "person", True)]),
    (2, 4): S("probable", [("expected", "expectation")],
              attrs=[A("according to", "a South Korean official who spoke on condition of anonymity",
                       "The North's leader, Kim Jong Un, is expected to visit Moscow later this year", "official", True)]),
}

ANN["korea-h02"] = {
    (0, 2): S("probable", [("estimate", "estimate")],
              [C("between 12,000 and 15,000 North Korean personnel", "troops", "personnel", "North Korea", "range", None, 12000, 15000)],
              [A("estimate", "We", "between 12,000 and 15,000 North Korean personnel have rotated through the Kursk area since October 2024", "organization")]),
    (0, 3): S("probable", [("appear to", "epistemic")]),
    (1, 1): S("probable", [("suggest", "estimate")],
              attrs=[A("suggest", "Ukrainian and Western estimates cited in this brief",
                       "North Korean units lost up to a third of their strength in the first three months, largely to drones", "unknown")]),
    (1, 2): S(counts=[C("two prisoners", "captured", "prisoner", None, "exact", 2)],
              attrs=[A("indicate", "Interviews with the two prisoners held by Ukraine",
                       "the men received little training in drone warfare before deployment", "unknown")]),
    (1, 3): S("probable", [("appear to", "epistemic")],
              attrs=[A("told", "Ukrainian commanders", "North Korean infantry now advanced in smaller groups of five to seven men", "official", True,
                       medium="Western journalists", time="in the spring")]),
    (1, 4): S(counts=[C("about 1.2 million active soldiers", "troops", "soldier", "North Korea", "approx", 1200000)]),
    (2, 1): S("possible", [("could", "epistemic")],
              [C("450,000-strong", "troops", None, "South Korea", "exact", 450000)]),
    (2, 2): S("possible", [("may", "epistemic")],
              attrs=[A("have said", "US officials", "Moscow is providing Pyongyang with air defence equipment", "official", True)]),
    (2, 3): S("possible", [("unclear", "unclear"), ("whether", "unclear")]),
    (2, 4): S("unverified", [("denied", "denial")],
              attrs=[A("has denied", "Moscow", "any intention to intervene on the peninsula", "government")]),
}

ANN["lebanon-g01"] = {
    (0, 2): S(attrs=[A("says", "the municipality", "more than 900 have been destroyed or damaged beyond repair", "government")]),
    (0, 3): S(attrs=[A("said", "Hassan Fakih", "My father built this house in 1975, and now I cannot even find the door", "person")]),
    (0, 4): S(counts=[C("about 3,000", "displaced", "resident", None, "approx", 3000)],
              attrs=[A("told", "Mayor Youssef Rahal",
                       "about 3,000 of the village's 4,500 residents had registered to return, but that few could stay overnight",
                       "official", medium="the Courier")]),
    (0, 5): S(attrs=[A("said", "he", "There is no water, no electricity and no school", "official", resolved="Youssef Rahal")]),
    (0, 6): S(attrs=[A("according to", "residents",
                       "The Israeli army still holds five hilltop positions inside Lebanese territory, including one overlooking the village", "person", True)]),
    (1, 0): S("unverified", [("source said", "evidential")],
              [C("14 unexploded shells", "equipment", "shell", None, "exact", 14), C("two rockets", "equipment", "rocket", None, "exact", 2)],
              [A("said", "a military source", "Army engineers removed 14 unexploded shells and two rockets from the main road on Saturday", "unknown", True)]),
    (1, 1): S(counts=[C("at least four villagers", "killed", "villager", None, "min", 4)],
              attrs=[A("say", "Residents",
                       "at least four villagers were killed by Israeli fire in the area after the ceasefire took effect, including a shepherd shot near the border fence",
                       "person", True)]),
    (1, 2): S(attrs=[A("has said", "The Israeli military", "it fires only on suspects who approach its forces and pose a threat", "military")]),
    (1, 3): S(attrs=[A("said", "A Hezbollah official in the district", "the group had no armed presence south of the Litani river", "official", True)]),
    (1, 4): S("possible", [("may", "epistemic")]),
    (1, 5): S(attrs=[A("said", "The Council for the South", "it had begun surveying damaged houses", "government"),
                     A("did not say", "The Council for the South", "when compensation would be paid", "government")]),
    (1, 6): S("possible", [("could", "epistemic")],
              attrs=[A("according to", "a World Bank estimate", "Reconstruction across the south could cost more than $10 billion", "organization")]),
    (1, 7): S("possible", [("unclear", "unclear"), ("whether", "unclear")]),
}

ANN["lebanon-g02"] = {
    (0, 0): S(attrs=[A("warns of", "Cedar Relief Coalition", "winter crisis for displaced families in Lebanon", "organization")]),
    (0, 1): S(counts=[C("More than 110,000 people", "displaced", "person", None, "min", 110000)],
              attrs=[A("said", "the Cedar Relief Coalition", "More than 110,000 people remain displaced in Lebanon months after the ceasefire",
                       "organization", time="today"),
                     A("warning", "the Cedar Relief Coalition", "many face the winter without adequate shelter", "organization")]),
    (0, 2): S(counts=[C("nearly 40,000 of the displaced", "displaced", "child", None, "below", 40000)],
              attrs=[A("According to", "the coalition's field teams", "nearly 40,000 of the displaced are children under 12", "organization")]),
    (0, 3): S(attrs=[A("said", "Rania Khoury, the coalition's country director",
                       "We are seeing families living in unfinished buildings with no windows", "organization")]),
    (0, 4): S("possible", [("If", "condition"), ("may", "epistemic")],
              attrs=[A("added", "she", "If aid does not reach them in the next weeks, children will fall sick and some may die", "organization",
                       resolved="Rania Khoury")]),
    (0, 7): S(counts=[C("more than 4,000 people", "killed", "person", None, "min", 4000),
                      C("about 16,500", "wounded", "person", None, "approx", 16500)],
              attrs=[A("According to", "Lebanese health ministry figures",
                       "more than 4,000 people were killed and about 16,500 wounded in Lebanon during the war", "government")]),
    (0, 8): S(attrs=[A("urged", "The coalition", "all parties to respect the ceasefire", "organization"),
                     A("called on", "The coalition", "donors to fund the UN's flash appeal", "organization")]),
}

ANN["myanmar-h01"] = {
    (0, 0): S(counts=[C("at least 45 soldiers", "captured", "soldier", "Myanmar", "min", 45)],
              attrs=[A("said", "a spokesman for the Ta'ang National Liberation Army",
                       "Resistance fighters overran a junta outpost near the town of Kyaukme on Thursday, capturing at least 45 soldiers",
                       "official", True)]),
    (0, 1): S(counts=[C("two captains", "captured", "captain", "Myanmar", "exact", 2)],
              attrs=[A("told", "The spokesman, who gave his name only as Mai Aung", "the captives included a major and two captains", "official",
                       medium="the wire")]),
    (0, 2): S("unverified", [("could not be independently verified", "unverifiable")]),
    (1, 0): S(counts=[C("about 30 insurgents", "killed", "insurgent", None, "approx", 30)],
              attrs=[A("said", "State television",
                       "troops had \"repelled terrorist attacks\" in northern Shan State and killed about 30 insurgents", "media", sm=True,
                       time="late on Thursday")]),
    (1, 1): S(attrs=[A("did not mention", "It", "any losses among government forces", "media", sm=True)]),
    (1, 2): S(attrs=[A("said", "Residents of Kyaukme", "fighter jets struck the outskirts of the town twice overnight, destroying dozens of houses", "person", True)]),
    (1, 3): S(attrs=[A("said", "a 52-year-old shopkeeper who asked not to be named for fear of reprisals",
                       "We spent the whole night in the monastery cellar", "person", True)]),
    (1, 4): S("probable", [("estimate", "estimate")],
              [C("more than 8,000 people", "displaced", "person", None, "min", 8000)],
              [A("estimate", "Local aid groups", "more than 8,000 people have fled the town since the fighting began", "organization", True)]),
    (2, 0): S("probable", [("believed", "estimate")],
              [C("between 8,000 and 10,000 fighters", "troops", "fighter", "TNLA", "range", None, 8000, 10000)]),
    (2, 1): S("unverified", [("denied", "denial")],
              attrs=[A("was accused", "the military", "using the town's hospital as a base", "military"),
                     A("denied", "the group", "a charge", "military")]),
    (2, 2): S("possible", [("unclear", "unclear"), ("whether", "unclear")]),
    (2, 3): S(attrs=[A("say", "analysts", "The military has lost control of dozens of towns since a rebel offensive began in late 2023", "person", True)]),
    (2, 4): S("unverified", [("dismissed", "denial")],
              attrs=[A("has repeatedly dismissed", "Junta spokesman Major General Zaw Min Tun", "such reports as propaganda", "official")]),
    (2, 5): S(counts=[C("More than 3 million people", "displaced", "person", None, "min", 3000000)],
              attrs=[A("according to", "UN figures", "More than 3 million people are displaced across Myanmar", "organization")]),
}

ANN["myanmar-h02"] = {
    (0, 2): S("unverified", [("could not be independently verified", "unverifiable")]),
    (1, 1): S(counts=[C("An estimated 112,000 people", "displaced", "person", None, "approx", 112000),
                      C("roughly 1.2 million", "displaced", "person", None, "approx", 1200000)]),
    (1, 2): S(counts=[C("At least 41 civilians", "killed", "civilian", None, "min", 41), C("12 children", "killed", "child", None, "exact", 12),
                      C("a further 96", "wounded", "civilian", None, "exact", 96)]),
    (1, 4): S("probable", [("likely", "epistemic")]),
    (2, 1): S("probable", [("believe", "estimate")],
              attrs=[A("described", "Witnesses in three townships", "soldiers burning homes after residents fled", "person", True),
                     A("believe", "the report's authors", "such burnings were systematic", "organization")]),
    (2, 2): S(attrs=[A("said", "Several families", "men of fighting age had been detained at checkpoints and taken to unknown locations", "person", True)]),
    (2, 3): S("unverified", [("may", "epistemic"), ("sources", "evidential")],
              [C("Up to 300 people", "captured", "person", None, "max", 300)],
              [A("according to", "two sources in the town", "Up to 300 people may be held in a school compound near Monywa", "unknown", True)]),
    (2, 5): S("unverified", [("reportedly", "evidential")],
              attrs=[A("reportedly", None, "young men reportedly abducted from markets and bus stations")]),
    (3, 1): S(attrs=[A("urge", "We", "all parties to allow unimpeded humanitarian access and to stop attacks on civilian sites", "organization")]),
    (3, 2): S("possible", [("If", "condition"), ("could", "epistemic")]),
}

ANN["scs-h01"] = {
    (0, 0): S(counts=[C("two Philippine supply boats", "equipment", "boat", "Philippines", "exact", 2),
                      C("four Filipino sailors", "wounded", "sailor", "Philippines", "exact", 4)],
              attrs=[A("said", "the Philippine military",
                       "Chinese coast guard ships fired water cannon at two Philippine supply boats near the Second Thomas Shoal on Saturday, injuring four Filipino sailors",
                       "military")]),
    (0, 1): S(attrs=[A("told", "Armed Forces spokesman Colonel Ramon Dizon",
                       "one of the boats was rammed and disabled and had to be towed back to Palawan", "official", medium="reporters")]),
    (0, 2): S(counts=[C("six China Coast Guard vessels", "equipment", "vessel", "China", "exact", 6),
                      C("about 15 maritime militia boats", "equipment", "boat", None, "approx", 15)],
              attrs=[A("said", "He",
                       "six China Coast Guard vessels and about 15 maritime militia boats took part in the blockade, about 105 nautical miles from Palawan",
                       "official", resolved="Ramon Dizon")]),
    (1, 0): S(attrs=[A("said", "China's coast guard",
                       "the Philippine boats had \"illegally intruded\" into waters near Ren'ai Jiao, its name for the shoal, and that it had taken \"necessary control measures\" in accordance with the law",
                       "military", medium="in a statement")]),
    (1, 1): S(attrs=[A("accused", "It", "trying to deliver construction materials to the BRP Sierra Madre", "military")]),
    (1, 2): S("unverified", [("denied", "denial")],
              attrs=[A("denied", "Manila", "the accusation", "government"),
                     A("said", "Manila", "the boats carried food, water and medicine for the small contingent of marines stationed on the ship", "government")]),
    (1, 3): S("probable", [("believed", "estimate")], [C("fewer than a dozen marines", "troops", "marine", None, "max", 12)]),
    (2, 0): S(attrs=[A("called", "The US State Department", "the Chinese actions \"dangerous and destabilising\"", "government"),
                     A("reaffirmed", "The US State Department",
                       "the mutual defence treaty extends to Philippine armed forces anywhere in the South China Sea", "government")]),
    (2, 1): S(attrs=[A("said", "A Philippine security official",
                       "Manila was considering whether to ask for US naval escorts on future missions", "official", True)]),
    (2, 3): S("probable", [("appeared to", "epistemic")]),
    (2, 4): S(attrs=[A("asserts", "China", "sovereignty over almost the entire South China Sea", "government"),
                     A("ruled", "an international tribunal", "the claim had no legal basis", "organization", time="in 2016")]),
    (2, 5): S("unverified", [("rejected", "denial")], attrs=[A("has rejected", "Beijing", "the ruling", "government")]),
}

ANN["scs-h02"] = {
    (0, 0): S(attrs=[A("says", "the Philippine coast guard",
                       "Chinese ships used water cannon and a military-grade laser against one of its patrol vessels near Scarborough Shoal", "military")]),
    (0, 2): S(counts=[C("at least nine Chinese coast guard and navy ships", "equipment", "ship", "China", "min", 9)]),
    (0, 4): S(counts=[C("two crew members", "wounded", "crew member", None, "exact", 2)],
              attrs=[A("told", "The coast guard's spokesman for the West Philippine Sea, Commodore Arturo Lim",
                       "the laser briefly blinded two crew members on the bridge", "official", medium="us")]),
    (0, 5): S(attrs=[T("COMMODORE LIM",
                       "This is the most aggressive behaviour we have seen this year. They want to push us away from our own fishermen", "official")]),
    (0, 7): S(attrs=[A("say", "some fishermen", "they have been chased away by Chinese rubber boats", "person", True)]),
    (0, 8): S(attrs=[A("saying", "China's embassy in Manila", "the Philippine ship had \"deliberately provoked\" the incident", "government",
                       medium="Facebook")]),
    (0, 9): S(attrs=[A("did not mention", "It", "the laser", "government")]),
    (0, 10): S("possible", [("is", "epistemic")]),
    (0, 11): S(attrs=[A("said", "The national security adviser", "Manila would not be intimidated and would keep sending ships", "official",
                        time="this morning")]),
    (0, 12): S(counts=[C("about 20 large patrol vessels", "equipment", "vessel", None, "approx", 20)],
               attrs=[A("privately acknowledge", "officials", "the coast guard has only about 20 large patrol vessels to cover the entire western coast",
                        "official", True)]),
    (0, 13): S("probable", [("estimated", "estimate")],
               [C("more than 150 coast guard ships", "equipment", "ship", "China", "min", 150)]),
}

ANN["syria-g01"] = {
    (0, 2): S(counts=[C("46 suspects", "captured", "suspect", None, "exact", 46), C("four leaders", "captured", "leader", None, "exact", 4),
                      C("nine terrorists", "killed", "terrorist", None, "exact", 9)]),
    (0, 3): S(counts=[C("12 vehicles", "equipment", "vehicle", None, "exact", 12), C("two mortar launchers", "equipment", "launcher", None, "exact", 2),
                      C("dozens of rifles", "equipment", "rifle", None, "vague")]),
    (0, 4): S(counts=[C("Three of our fighters", "killed", "fighter", "SDF", "exact", 3), C("seven", "wounded", "fighter", "SDF", "exact", 7)]),
    (0, 5): S(counts=[C("More than 1,500 fighters from the Deir ez-Zor Military Council", "troops", "fighter", None, "min", 1500)]),
    (1, 0): S(counts=[C("two civilians", "killed", "civilian", None, "exact", 2)],
              attrs=[A("note", "We",
                       "the Turkish occupation army and its mercenaries shelled 14 villages in the Tal Tamr and Ain Issa countryside during the same period, killing two civilians, including a child",
                       "military")]),
    (1, 3): S("unverified", [("are baseless", "denial")],
              attrs=[A("claims", "Turkish media", "our forces shelled the city of Azaz", "media", True)]),
    (1, 4): S(counts=[C("more than 9,000 ISIS members", "captured", "member", "Islamic State", "min", 9000),
                      C("tens of thousands of their relatives", "captured", "relative", None, "vague")]),
    (1, 5): S(attrs=[A("call on", "We", "the international community to repatriate the foreign nationals held in these facilities", "military")]),
}

ANN["syria-g02"] = {
    (0, 0): S(counts=[C("23 PKK/YPG terrorists", "casualties", "terrorist", "SDF", "exact", 23)],
              attrs=[A("said", "the Ministry of National Defence",
                       "Turkish security forces neutralised 23 PKK/YPG terrorists in northern Syria and northern Iraq over the past week", "government",
                       time="on Thursday")]),
    (0, 1): S(attrs=[A("said", "spokesperson Rear Admiral Selim Aktaş",
                       "the terrorists were detected preparing to attack Turkish bases in the Operation Peace Spring area", "official",
                       medium="the ministry's weekly press briefing")]),
    (0, 2): S(counts=[C("1,127 terrorists", "casualties", "terrorist", None, "exact", 1127), C("431", "casualties", "terrorist", None, "exact", 431)],
              attrs=[A("said", "Aktaş", "1,127 terrorists had been neutralised since the beginning of the year, including 431 in northern Syria", "official")]),
    (0, 3): S(counts=[C("41 members of the terrorist organisation", "captured", "member", None, "exact", 41)],
              attrs=[A("added", "He",
                       "41 members of the terrorist organisation had surrendered to Turkish security forces in the last month, persuaded by the efforts of security units",
                       "official", resolved="Selim Aktaş")]),
    (0, 4): S(attrs=[A("stressed", "The spokesperson", "the fight against terrorism would continue until the last terrorist was neutralised", "official")]),
    (1, 0): S(attrs=[A("reported", "the agency's correspondent", "the Turkish Armed Forces delivered humanitarian aid to families in Ras al-Ain", "media",
                       sm=True)]),
    (1, 1): S(attrs=[A("told", "Local residents", "the terrorist organisation had forcibly recruited young people in villages under its control", "person",
                       True, medium="AFA")]),
    (1, 2): S(counts=[C("at least 120 children", "troops", "child", None, "min", 120)],
              attrs=[A("According to", "figures obtained by AFA", "the terror group forcibly recruited at least 120 children in the past year", "unknown")]),
    (1, 3): S("unverified", [("denies", "denial")], attrs=[A("denies", "The group", "recruiting minors", "military")]),
    (1, 4): S("unverified", [("sources said", "evidential")],
              [C("six suspects", "captured", "suspect", None, "exact", 6)],
              [A("said", "Security sources",
                 "intelligence units had identified a cell planning bombings in Tel Abyad and that six suspects were detained in a dawn operation", "unknown", True)]),
    (1, 5): S("probable", [("believed", "estimate")]),
    (1, 6): S(attrs=[A("said", "President Kaya", "Türkiye would never allow a \"terror corridor\" along its southern border", "official", medium="lawmakers")]),
    (1, 7): S(attrs=[A("urged", "He", "the United States to end its support for the group", "official", resolved="Kaya"),
                     A("described", "He", "it as the Syrian branch of the PKK", "official", resolved="Kaya")]),
}

ANN["westbank-g01"] = {
    (0, 0): S(counts=[C("at least seven Palestinians", "killed", "Palestinian", "Palestine", "min", 7)],
              attrs=[A("said", "the Palestinian health ministry in Ramallah",
                       "Israeli forces killed at least seven Palestinians during a raid on the Jenin refugee camp that began before dawn on Monday", "government")]),
    (0, 1): S(counts=[C("18 others", "wounded", None, None, "exact", 18), C("three", "wounded", None, None, "exact", 3)],
              attrs=[A("said", "The ministry", "18 others were wounded, three of them critically", "government")]),
    (0, 2): S(counts=[C("five gunmen", "killed", "gunman", None, "exact", 5), C("22 wanted suspects", "captured", "suspect", None, "exact", 22)],
              attrs=[A("said", "The Israeli military",
                       "its troops had killed five gunmen who opened fire on them and detained 22 wanted suspects in the operation", "military")]),
    (0, 3): S(counts=[C("one Border Police officer", "wounded", "officer", None, "exact", 1)],
              attrs=[A("said", "It", "one Border Police officer was moderately wounded", "military")]),
    (0, 4): S(attrs=[A("said", "The Jenin Brigade", "its fighters had detonated explosive devices against armoured vehicles", "military",
                       medium="in a statement on Telegram")]),
    (0, 5): S("unverified", [("could not be independently verified", "unverifiable")]),
    (1, 0): S(counts=[C("hundreds of families", "displaced", "family", None, "vague")],
              attrs=[A("said", "Residents",
                       "bulldozers had torn up roads and water pipes in the camp and that hundreds of families had fled to nearby villages", "person", True,
                       medium="by phone")]),
    (1, 1): S(attrs=[A("condemned", "The Palestinian Authority's presidency", "the raid as a \"massacre\"", "government"),
                     A("called on", "The Palestinian Authority's presidency", "the United States to intervene", "government")]),
    (1, 2): S(attrs=[A("said", "Israel's defence minister",
                       "the army would \"act with full force\" against what he called Iranian-funded terror in the northern West Bank", "official", medium="X"),
                     A("called", "he", "Iranian-funded terror", "official")]),
    (1, 3): S("unverified", [("denies", "denial")],
              attrs=[A("saying", "The military", "militants there are armed and funded by Iran", "military"),
                     A("denies", "Tehran", "a charge", "government")]),
    (1, 4): S(counts=[C("At least 610 Palestinians", "killed", "Palestinian", "Palestine", "min", 610)],
              attrs=[A("according to", "the UN",
                       "At least 610 Palestinians, many of them gunmen but also stone-throwers and civilians, have been killed in the West Bank since the Gaza war began",
                       "organization")]),
    (1, 5): S(counts=[C("at least 30 Israelis", "killed", "Israeli", "Israel", "min", 30)],
              attrs=[A("according to", "Israeli figures",
                       "at least 30 Israelis, including soldiers and police, have been killed in Palestinian attacks or military operations", "government")]),
    (1, 6): S(counts=[C("two battalions", "troops", "battalion", None, "units", ech="battalion")],
              attrs=[A("said", "Security officials", "the army was preparing to keep two battalions in the northern West Bank through the winter", "official", True),
                     A("quoted by", "Israeli media", "the army was preparing to keep two battalions in the northern West Bank through the winter", "media", True)]),
    (1, 7): S(attrs=[A("said", "A Palestinian security official", "PA forces had been ordered to stay in their barracks during the raid", "official", True)]),
    (1, 8): S("probable", [("estimated", "estimate")], [C("about 30,000", "troops", None, "Palestine", "approx", 30000)]),
}

ANN["westbank-g02"] = {
    (0, 2): S(counts=[C("one young man", "killed", "man", None, "exact", 1), C("11 citizens", "wounded", "citizen", None, "exact", 11),
                      C("four", "wounded", "citizen", None, "exact", 4)]),
    (0, 4): S(attrs=[A("According to", "the Palestinian Colonization and Wall Resistance Commission",
                       "settlers carried out more than 1,400 attacks against citizens and their property in the first half of this year", "government")]),
    (0, 5): S(counts=[C("some 1,600 people", "displaced", "person", None, "approx", 1600)]),
    (1, 0): S("unverified", [("rejects", "denial")],
              attrs=[A("rejects", "The Ministry",
                       "the claims of the occupation government that these are isolated incidents carried out by a small number of extremists", "government"),
                     A("claims", "the occupation government", "these are isolated incidents carried out by a small number of extremists", "government")]),
    (1, 1): S(attrs=[A("notes", "The Ministry",
                       "not a single settler has been charged over last month's attack on Huwara, despite video footage that clearly shows the perpetrators",
                       "government")]),
    (1, 2): S(attrs=[A("calls on", "The Ministry", "the international community and the Security Council to provide international protection for our people",
                       "government")]),
    (1, 3): S(attrs=[A("urges", "It", "other states to follow suit", "government")]),
    (1, 4): S("possible", [("could", "epistemic")],
              attrs=[A("warns", "The Ministry", "continued impunity could lead to an explosion of the situation that no one can control", "government")]),
    (1, 5): S(counts=[C("three citizens", "captured", "citizen", None, "exact", 3)]),
}

ANN["yemen-g01"] = {
    (0, 0): S(attrs=[A("announced", "the armed forces spokesman",
                       "The armed forces carried out a qualitative military operation targeting an American aircraft carrier in the northern Red Sea with a number of cruise missiles and drones",
                       "official", time="on Tuesday")]),
    (0, 1): S(counts=[C("11 ballistic and winged missiles", "equipment", "missile", None, "exact", 11), C("17 drones", "equipment", "drone", None, "exact", 17)],
              attrs=[A("said", "the spokesman",
                       "the operation was carried out with 11 ballistic and winged missiles and 17 drones, and that it achieved its objectives successfully",
                       "official", medium="In a televised statement")]),
    (0, 2): S(attrs=[A("said", "He",
                       "the naval forces also targeted two ships belonging to companies that deal with the Israeli enemy in the Gulf of Aden", "official")]),
    (0, 3): S(attrs=[A("affirmed", "The spokesman", "operations would continue until the aggression on Gaza stops and the siege is lifted", "official")]),
    (0, 4): S("unverified", [("source said", "evidential")],
              attrs=[A("said", "a security source",
                       "the American-British aggression launched 14 raids on the Hodeidah governorate and two raids on the capital's Bani Matar district",
                       "unknown", True)]),
    (1, 0): S("unverified", [("source said", "evidential")],
              [C("six workers", "killed", "worker", None, "exact", 6), C("23 others", "wounded", "worker", None, "exact", 23)],
              [A("said", "A health ministry source", "the raids on Hodeidah port killed six workers and wounded 23 others, some of them critically", "unknown", True)]),
    (1, 1): S(attrs=[A("described", "The ministry's spokesman", "the raids as a full-fledged war crime against civilian facilities", "official")]),
    (1, 3): S(attrs=[A("stressed", "The statement of the rally", "the Yemeni people will not be deterred by the aggression", "unknown")]),
    (1, 4): S(counts=[C("dozens", "casualties", "mercenary", None, "vague")]),
    (1, 5): S("unverified", [("source told", "evidential")],
              [C("three armoured vehicles", "equipment", "vehicle", None, "exact", 3)],
              [A("told", "A military source",
                 "the enemy suffered heavy losses in lives and equipment, including three armoured vehicles that were destroyed", "unknown", True, medium="SNNA")]),
    (1, 6): S(attrs=[A("said", "The Supreme Political Council", "the United States bore full responsibility for the consequences of the escalation", "government"),
                     A("warned", "The Supreme Political Council", "the response would be painful", "government")]),
    (1, 7): S(attrs=[A("called on", "The Council", "the countries of the region not to allow their territory to be used by the aggression", "government")]),
}

ANN["yemen-g02"] = {
    (0, 1): S(counts=[C("18 one-way attack uncrewed aerial systems", "equipment", "uncrewed aerial system", "Houthis", "exact", 18),
                      C("two anti-ship cruise missiles", "equipment", "missile", "Houthis", "exact", 2),
                      C("one anti-ship ballistic missile", "equipment", "missile", "Houthis", "exact", 1)]),
    (0, 2): S(counts=[C("four coalition destroyers", "equipment", "destroyer", None, "exact", 4)]),
    (1, 0): S(attrs=[A("said", "Vice Adm. Daniel Korr, commander of the task force",
                       "These reckless attacks endanger the lives of innocent mariners and disrupt the free flow of commerce", "official")]),
    (1, 1): S(attrs=[A("said", "Korr", "We will continue to take action to protect shipping", "official")]),
    (1, 2): S("probable", [("Initial assessments", "estimate")],
              [C("at least two mobile launchers", "equipment", "launcher", None, "min", 2)],
              [A("indicate", "Initial assessments", "the strikes destroyed at least two mobile launchers and a number of drones being prepared for launch", "military")]),
    (1, 4): S("unverified", [("could not be confirmed", "unverifiable")],
              attrs=[A("reports", None, "a merchant vessel was struck near Mokha")]),
    (1, 5): S("unverified", [("claimed", "evidential")],
              attrs=[A("have claimed", "The Houthis", "responsibility for more than 100 attacks on merchant vessels since November", "military")]),
    (1, 6): S(counts=[C("25 sailors", "captured", "sailor", None, "exact", 25)]),
}


def build():
    out = []
    for line in (HERE / "blank_round2_gh.jsonl").read_text(encoding="utf8").splitlines():
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
    (HERE / "second_pass_round2_gh.jsonl").write_text("\n".join(out) + "\n", encoding="utf8")


if __name__ == "__main__":
    build()
