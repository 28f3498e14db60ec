"""conflict_counts, recall beyond our noun tables (issue 17, categories our corpus showed the rules
missing): on the blank default, a plural that no table knows counts people when a verb kills or
wounds them ("7 vigilantes"), and the plural of a people noun counts with any cue ("Eleven officials
were detained"), as the parser path reads them; "the number of <noun> ... rose to N" is a total; modifiers
joined by "and" and figures that describe the noun ("two 250-kilogram bombs") stand before it. A span
of years is no count, nor is the subject of an active kill verb killed. Our own sentences; each runs on
the blank default and on a trained parser.
"""

from __future__ import annotations

import pytest

from counts_helpers import assert_count, assert_no_count, counts_of, find

# fmt: off
CASES = [
    # --- a plural in no table: people, as killed or wounded only; the plural of a people noun: any cue ----
    ("Four guards were lightly wounded when the convoy was hit.", "Four guards", dict(kind="wounded", unit="guard", value=4)),
    ("Eleven officials were detained at the checkpoint.", "Eleven officials", dict(kind="captured", unit="official")),
    ("Gunmen killed 7 vigilantes near Gwoza.", "7 vigilantes", dict(kind="killed", unit="vigilante")),
    ("At least 28 community leaders have been murdered since January.", "At least 28 community leaders", dict(kind="killed", unit="leader", qualifier="min")),
    ("Three of its staff were killed in the strike.", "Three", dict(kind="killed", unit="staff")),
    # --- "the number of ..." as a running total ------------------------------------------------------------
    ("The ministry says the number of martyrs in Khan Younis has risen to 318.", "318", dict(kind="killed")),
    ("The number of its soldiers killed since the offensive began rose to 92.", "92", dict(kind="killed")),
    ("That brings the number of Shahed drones shot down this month to 140.", "140", dict(kind="equipment")),
    ("The number of foreign troops in the enclave rose to 2,500.", "2,500", dict(kind="troops")),
    # --- words before the noun: modifiers joined by "and", a figure that describes the noun ---------------
    ("The militia fired 9 ballistic and cruise missiles at the port.", "9 ballistic and cruise missiles", dict(kind="equipment", unit="missile")),
    ("A drone dropped two 250-kilogram bombs on the market.", "two 250-kilogram bombs", dict(kind="equipment", unit="bomb", value=2)),
    ("Police seized four 82mm mortars at the farm.", "four 82mm mortars", dict(kind="equipment", unit="mortar", value=4)),
    ("The rebels captured 12 four-wheel drive vehicles.", "12 four-wheel drive vehicles", dict(kind="equipment", unit="vehicle")),
    # --- a span of years before the verb does not hide the count after it -------------------------------
    ("The war between 1998 and 2003 killed an estimated 300,000 people.", "an estimated 300,000 people", dict(kind="killed", qualifier="approx")),
    # --- a claimed figure or noun in quotation marks -------------------------------------------------------
    ("The group claimed that 'dozens' of Kenyan soldiers were killed in the raid.", "'dozens' of Kenyan soldiers", dict(kind="killed", unit="soldier", qualifier="vague")),
    ("Army: 'about 250' Houthi fighters killed near Marib", "'about 250' Houthi fighters", dict(kind="killed", value=250, actor="Houthis")),
    ("The ministry said 41 'terrorists' had been killed in the valley.", "41 'terrorists'", dict(kind="killed", unit="terrorist")),
    # --- a stated figure's part of a whole, after "of" and a possessor or the whole's figure ----------------
    ("About 1.9 million of Oskel's 2.1 million people have fled.", "About 1.9 million", dict(kind="displaced", value=1900000, unit="person")),
    ("About 30 of Marnia's soldiers were killed.", "About 30", dict(kind="killed", unit="soldier")),
    ("Two million of the 2.5 million residents remain displaced.", "Two million", dict(kind="displaced", value=2000000)),
    # --- the group a figure belongs to, named before it -----------------------------------------------------
    ("Among the dead were six children, the hospital said.", "six children", dict(kind="killed", unit="child")),
    ("Among the wounded taken to the clinic are 14 students.", "14 students", dict(kind="wounded")),
    ("Of the dead, 52 were fighters of the militia.", "52", dict(kind="killed")),
    # --- nouns of several words with a hyphen, nationalities, a group's name for its members ----------------
    ("The shell wounded four passers-by near the market.", "four passers-by", dict(kind="wounded", unit="passer-by")),
    ("The blast killed seven Malawians and two Zambians.", "seven Malawians", dict(kind="killed", unit="malawian", actor="Malawi")),
    ("Air strikes killed 35 Taliban in Helmand.", "35 Taliban", dict(kind="killed", actor="Taliban")),
    ("A spokesman said one of their medics lost his life in the attack.", "one", dict(kind="killed", unit="medic")),
    ("Regrettably, 4 soldiers paid the supreme price in the ambush.", "4 soldiers", dict(kind="killed")),
    # --- a figure compared with the count before it; a force's strength; "their number at" ------------------
    ("Kenya has about 2,500 police officers in Haiti, up from 400 at the start of the mission.", "400", dict(kind="troops", actor="Kenya")),
    ("At least 212 activists were killed this year, compared with 190 in all of last year.", "190", dict(kind="killed")),
    ("The death toll rose to 52, up from 38 on Monday.", "38", dict(kind="killed")),
    ("The toll rose to 63, with dozens more in critical condition.", "dozens", dict(kind="wounded")),
    ("Four soldiers are in a serious condition in hospital.", "Four soldiers", dict(kind="wounded")),
    ("The rebel forces, perhaps 12,000 strong, hold the hills.", "perhaps 12,000 strong", dict(kind="troops", qualifier="approx")),
    ("Officials said Eritrean troops were in the town and estimated their number at about 3,000.", "about 3,000", dict(kind="troops")),
]

NEGATIVES = [
    ("Soldiers were wounded in 2 ambushes near the border.", "2"),
    ("The men were killed at 3 checkpoints on the road.", "3"),
    ("The fighting from 2011 to 2019 killed 4,000 people.", "2011"),
    ("The fighting from 2011 to 2019 killed 4,000 people.", "2019"),
    ("A civil war between 1983 and 2005 killed about two million people.", "1983"),
    ("The number of checkpoints rose to 40.", None),
    ("The number of people at the rally rose to 3,000.", None),
    ("The prison holds 300 inmates, and 12 guards work each shift.", "12"),
    ("The governor said the state had lost 40,000 jobs since the war began.", None),
    ("Investigators are still looking for 3,000 emails that are missing.", None),
    ("He asked about tens of thousands of 'missing' emails.", None),
    ("The rally drew crowds 15,000 strong.", None),
    ("Prices rose to 40, up from 30 last week.", None),
]
# fmt: on


@pytest.mark.parametrize("text,span_text,fields", CASES, ids=[f"{i}:{c[0][:50]}" for i, c in enumerate(CASES)])
def test_open_noun_case(each_path, text, span_text, fields):
    counts = counts_of(each_path, text)
    assert_count(counts, span_text, fields)


@pytest.mark.parametrize("text,piece", NEGATIVES, ids=[f"{i}:{c[0][:50]}" for i, c in enumerate(NEGATIVES)])
def test_open_noun_not_a_count(each_path, text, piece):
    assert_no_count(counts_of(each_path, text), piece)


def test_subject_of_an_active_kill_verb_is_not_killed(each_path):
    """ "Three gunmen killed two policemen": the policemen are killed, the gunmen are not."""
    counts = counts_of(each_path, "Three gunmen killed two policemen.")
    assert find(counts, "two policemen")["kind"] == "killed"
    gunmen = find(counts, "Three gunmen")
    assert gunmen is None or gunmen["kind"] != "killed", gunmen
