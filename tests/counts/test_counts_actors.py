"""Whose a count is: one case per link of the actor chain (docs/counts.md, "Whose a count is"),
in chain order, and the guards that leave the actor null. Sentences written for these tests."""

from __future__ import annotations

import json

import pytest
import spacy

import conflictnlp
from conflictnlp.rules import ResourceError

# (link, text, a piece of the count's text, expected actor)
# fmt: off
CASES = [
    # 1. the phrase names the actor, also through an alias of actors.jsonl
    ("phrase", "Some 400 Houthi fighters crossed into Marib.", "400", "Houthis"),
    ("phrase: alias", "Sri Lankan troops said they killed 16 Tamil Tiger rebels in the east.", "16", "LTTE"),
    ("phrase: alias", "Around 70 SPLA-IO fighters surrendered in Nasir.", "70", "SPLA-IO"),
    ("phrase: alias", "About 90 UNAMID personnel were evacuated from El Geneina.", "90", "UNAMID"),
    # 2. "of"/"from" after the figure: "members of X", "fighters of X"
    ("after", "Police said 30 members of the ADF were arrested near Beni.", "30", "ADF"),
    ("after", "Shells hit the camp and 12 fighters of the RSF died.", "12", "RSF"),
    # 3. a possessive before the figure
    ("possessive", "Ethiopia's 5,000 troops stayed in the north.", "5,000", "Ethiopia"),
    ("possessive: a toll", "Moldova's losses stand at 1,200.", "1,200", "Moldova"),
    ("possessive: an actor's adjective before a toll", "Kyiv says Russian losses have reached 600,000 personnel.", "600,000", "Russia"),
    ("possessive: an actor's adjective before a toll", "Israeli casualties rose to 1,400.", "1,400", "Israel"),
    ("possessive: never across a verb on the other side", "Russia's forces killed 300 soldiers near Avdiivka.", "300", None),
    ("possessive: the adjective before forces is no toll", "Russian forces killed 300 soldiers near Avdiivka.", "300", None),
    # 4. a possessive pronoun or "the group's": the one actor named before
    ("reference", "Hamas said 14 of its fighters were killed in the raid.", "14", "Hamas"),
    ("reference: two candidates", "Turkey warned the YPG as its 300 fighters massed near Manbij.", "300", None),
    # 5. "our" inside a quote: the speaker's side
    ("speaker", "“We lost nine of our soldiers,” a Ukrainian brigade commander said.", "nine", "Ukraine"),
    ("speaker: side word", "Mali's army and JNIM clashed near Gao. “We lost 14 of our soldiers,” an army spokesman said.", "14", "Mali"),
    ("speaker: side word", "Chad's army fought Boko Haram. “Six of our fighters died,” a rebel commander told reporters.", "Six", "Boko Haram"),
    ("speaker: unknown side", "Mali and JNIM clashed near Gao. “We lost 14 of our soldiers,” a witness said.", "14", None),
    # 6. the clause's subject owns troops, equipment and its own losses, also after a reporting verb
    ("subject", "Officials in Israel say Hamas fired 70 rockets overnight.", "70", "Hamas"),
    ("subject: the weapons that fired", "Russian jets fired 12 missiles at Kharkiv overnight.", "12", "Russia"),
    ("subject: the weapons that fired", "Houthi drones launched 30 missiles at ships in the strait.", "30", "Houthis"),
    ("subject: a harm verb's object is the other side's", "Ukrainian artillery units destroyed 14 tanks near Bakhmut.", "14", None),
    ("subject: a loss verb's subject, also when a wounded count makes the loss killed", "He says SSPDF forces lost seven fighters and at least 15 others were wounded near Nasir.", "seven", "South Sudan"),
    ("subject: a verb of holding is no owner", "Officials say the Houthis hold 25 foreign hostages.", "25", None),
    # 7. a detail or continuation takes the count before it, unless its noun is another side's
    ("continuation", "The ministry said Armenia lost 12 tanks, including four T-72 tanks.", "four", "Armenia"),
    ("continuation: other side", "At least 20 Boko Haram militants and one soldier died in the clash in Nigeria.", "one soldier", "Nigeria"),
    ("continuation: civilians", "The tally reached 80 ADF rebels and 12 civilians in Congo.", "12 civilians", None),
    ("continuation: N others after the loss before it", "He says SSPDF forces lost seven fighters and at least 15 others were wounded near Nasir.", "15", "South Sudan"),
    ("continuation: N others further on", "Soldiers killed 18 members of the ADF near Beni while four others were captured in Oicha.", "four others", "ADF"),
    ("continuation: N others after another verb", "Troops killed 9 JNIM fighters and took three others into custody near Gao.", "three others", "JNIM"),
    ("toll: the actor word of the number of", "The blast pushed to 212 the number of French soldiers killed in Mali.", "212", "France"),
    # 8. "the N" repeats the count just before
    ("repeated", "The Malian army said seven soldiers died near Mopti. The seven were killed by a roadside bomb.", "seven", "Mali"),
    # 9a. state-side words: the state the text names for that side, else the one state it names
    ("side: state", "Gunmen in Niger killed 11 government soldiers near the border.", "11", "Niger"),
    ("side: state", "The Kenyan army said eight soldiers were wounded in Lamu.", "eight", "Kenya"),
    ("side: state marker", "Protesters marched in Addis Ababa. Gunmen ambushed 19 federal soldiers in Gojjam.", "19", "Ethiopia"),
    ("side: state named as a side", "The Somali government said militants attacked a base near Baidoa, and US officials confirmed a drone strike. Residents fled the area. Officials later said 40 soldiers were wounded.", "40", "Somalia"),
    ("side: state named nearby", "Mali's army has fought JNIM for years. The war has spread across the region. In Niamey, Niger's defence ministry said nine soldiers died.", "nine", "Niger"),
    ("side: two states nearby", "Armenia said 30 of its soldiers died, while Azerbaijan reported the deaths of 25 servicemen.", "25", None),
    ("side: a mission beside the state", "UN peacekeepers and the Malian army repelled an attack near Gao. Four soldiers were wounded.", "Four", None),
    ("side: the enemy", "Nigeria's army said the enemy lost 60 fighters and 12 soldiers near Bama.", "12", None),
    ("side: group too far back", "Al-Shabaab claimed the attack. " + "The town was calm on Monday and shops reopened after a week of curfews and checkpoints. " * 12 + "Police said 20 militants were arrested.", "20", None),
    ("side: civilians listed after a side", "Kenyan officials said 14 wounded soldiers and six civilians reached the hospital.", "six", None),
    ("side: state, headline", "Dozens of Security Forces Die in Attack\n\nAfghan officials said a convoy was hit.", "Dozens", "Afghanistan"),
    ("side: two states", "Russian and Ukrainian forces clashed; 40 soldiers died.", "40", None),
    ("side: the killer's own side", "Ethiopian troops killed 30 soldiers near the border.", "30", None),
    ("side: killed by that state", "Fifteen soldiers were killed by Malian troops near Mopti.", "Fifteen", None),
    ("side: no state named", "Officials said 45 soldiers were killed.", "45", None),
    # 9b. group-side words: the one armed group in play
    ("side: group", "Al-Shabaab attacked a base near Kismayo. Officials said 17 militants were killed.", "17", "al-Shabaab"),
    ("side: group, headline", "Army Says 40 Rebels Killed\n\nCongolese troops fought M23 near Goma on Sunday.", "40", "M23"),
    ("side: group, assailants", "Al-Shabaab attacked a checkpoint near Afgoye. A spokesman said 10 assailants were killed.", "10", "al-Shabaab"),
    ("side: backed", "Iran-backed militias fired drones at the base; five militants were killed.", "five", "Iran"),
    ("side: described group", "The al-Qaeda-linked JNIM attacked the convoy; 30 militants died.", "30", "JNIM"),
    ("side: only a description", "Islamic State-linked gunmen stormed the town; 25 militants were killed.", "25", "Islamic State"),
    ("side: two groups", "Hamas and Islamic Jihad fired rockets; 12 militants were killed.", "12", None),
    ("side: shared noun, a state's army there", "Boko Haram attacked the town and the army lost six fighters.", "six", None),
    ("side: mixed", "Sudanese officials said 60 soldiers and rebels died.", "60", None),
    # 9c. peacekeepers: the mission named last
    ("side: peacekeepers", "UNMISS said a patrol was ambushed near Bor and one peacekeeper was wounded.", "one", "UNMISS"),
]
# fmt: on


def _count(nlp, text, piece):
    counts = conflictnlp.to_dict(nlp(text))["counts"]
    found = [c for c in counts if piece == c["text"]] or [c for c in counts if piece in c["text"]]
    assert found, f"no count with {piece!r}; found {[c['text'] for c in counts]}"
    return found[0]


@pytest.mark.parametrize("link,text,piece,actor", CASES, ids=[f"{c[0]}: {c[1][:50]}" for c in CASES])
def test_actor_chain(nlp, link, text, piece, actor):
    assert _count(nlp, text, piece)["actor"] == actor


def test_a_form_that_names_two_actors_is_reported(tmp_path):
    table = tmp_path / "actors.jsonl"
    rows = [{"actor": "Sudan", "forms": ["Sudanese"]}, {"actor": "SAF", "forms": ["SAF", "Sudanese"]}]
    table.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    nlp = spacy.blank("en")
    with pytest.raises(ResourceError, match="'Sudanese' names both 'Sudan' and 'SAF'"):
        nlp.add_pipe("conflict_counts", config={"actors": str(table)})
