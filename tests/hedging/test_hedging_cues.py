"""conflict_hedging's cue layer (hedging/cues.py): the table of sentences, the pure steps,
the rule tables and the matcher.

The table CASES is the specification of the cue layer: (sentence, certainty, cues), cues
given as "text/type" items joined by "; " in text order ("" = none). Our own sentences.
"""

from __future__ import annotations

import pytest
import spacy

from conflictnlp import hedging, sentences  # noqa: F401  (registers the factories)
from conflictnlp.cues import (
    Cue,
    CueMatcher,
    FEATURE_NAMES,
    LEXICON_CUE_TYPES,
    N_FEATURES,
    cue_features,
    cues_by_sentence,
    load_cue_rules,
    load_pseudo_rules,
    select_cues,
    strongest_level,
)
from conflictnlp.lexicons import ResourceError
from conflictnlp.schema import CERTAINTY_LEVELS, CUE_TYPES

from hedging_fixtures import rules_nlp, shipped_nlp  # noqa: F401  (pytest fixtures)


CASES = [
    # --- certain: plain statements, reported speech alone, approximate figures alone
    ("Russian forces shelled Kharkiv overnight.", "certain", ""),
    ("Zelensky said 11,000 North Korean troops are in Kursk.", "certain", ""),
    ("About 5,000 troops crossed into the region on Tuesday.", "certain", ""),
    ("Nearly 50,000 soldiers have been massed near the border, officials said.", "certain", ""),
    ("The RSF killed at least 40 civilians in El Fasher, a UN spokesperson said.", "certain", ""),
    ("Hamas released three hostages on Saturday.", "certain", ""),
    ("The Houthis fired two missiles at a cargo ship in the Red Sea.", "certain", ""),
    ("M23 rebels entered Goma on Monday, residents told reporters.", "certain", ""),
    ("The army will hold a parade in the capital next week.", "certain", ""),
    ("Israel will send a delegation to Cairo, the prime minister's office said.", "certain", ""),
    ("There is no doubt that the bridge was destroyed.", "certain", ""),
    ("The spokesman could not be reached for comment.", "certain", ""),
    ("A ministry official could not immediately be reached for comment on Friday.", "certain", ""),
    ("In May, 300 soldiers of the brigade were captured.", "certain", ""),
    ("The offensive began on 9 May with an artillery barrage.", "certain", ""),
    ("Fighting has continued since May near Bakhmut.", "certain", ""),
    ("The ceasefire collapsed in late May after two weeks.", "certain", ""),
    ("As expected, the convoy reached the city before dawn.", "certain", ""),
    ("Losses were heavier than expected, the general admitted.", "certain", ""),
    ("An estimated 11,000 troops are stationed in the Kursk region.", "certain", ""),  # an approximator, as the corpus annotates it
    ("The Pentagon confirmed that 12 tanks had been delivered.", "certain", ""),
    ("Tens of thousands of people have fled the fighting in Tigray.", "certain", ""),
    ("Arakan Army fighters captured the town after a three-week siege.", "certain", ""),
    ("The general staff reported 1,200 Russian casualties in a single day.", "certain", ""),
    ("Dozens, if not hundreds, of drones were launched at the port.", "certain", ""),
    ("Officials, who would not be named, described the meeting as tense.", "certain", ""),
    ("Some 300 fighters surrendered to the SDF near Raqqa.", "certain", ""),
    ("The Kremlin said it will respond to the strikes.", "certain", ""),
    ("Troops were set to work repairing the bridge.", "certain", ""),
    ("Sudan's army retook the presidential palace in Khartoum.", "certain", ""),
    ("Al-Shabaab fighters attacked a base near Mogadishu, killing 12 soldiers.", "certain", ""),
    ("The UN counted more than 600 civilian deaths in the month.", "certain", ""),
    ("Azerbaijan and Armenia exchanged fire along the border, the ministry said.", "certain", ""),
    ("Ukraine's 47th Brigade withdrew from Avdiivka in February.", "certain", ""),
    ("No doubt the shelling of the port will continue tonight.", "certain", ""),
    ("Turkey has deployed F-16s to the region, a defence official told CNN.", "certain", ""),
    ("The drone struck an oil depot 600 miles from the frontline.", "certain", ""),
    ("Wagner fighters withdrew from the town in May 2023.", "certain", ""),
    ("The convoy, as expected, was stopped at the checkpoint.", "certain", ""),
    ("A spokesperson for the junta could not be reached.", "certain", ""),
    # --- epistemic
    ("Russia may send another 10,000 troops to the front.", "possible", "may/epistemic"),
    ("The strike might have killed dozens of fighters.", "possible", "might/epistemic"),
    ("Iran could supply ballistic missiles to Russia.", "possible", "could/epistemic"),
    ("The brigade possibly lost half its tanks.", "possible", "possibly/epistemic"),
    ("The offensive will likely resume in the spring.", "probable", "likely/epistemic"),
    ("The death toll is probably higher than 85.", "probable", "probably/epistemic"),
    ("Hezbollah is unlikely to join the fighting.", "probable", "unlikely/epistemic"),
    ("The explosion appears to have been caused by a drone.", "probable", "appears to/epistemic"),
    ("Perhaps 2,000 fighters remain in the city.", "possible", "Perhaps/epistemic"),
    ("The junta may lose control of the border crossing.", "possible", "may/epistemic"),
    ("North Korean troops could be deployed to the front within weeks.", "possible", "could/epistemic"),
    ("Fano militias might withdraw from Gondar.", "possible", "might/epistemic"),
    ("It is possible that the RSF moved heavy weapons into Darfur.", "possible", "is possible/epistemic"),
    ("The attack was apparently carried out by JNIM.", "probable", "apparently/epistemic"),
    ("May the fighting end soon.", "possible", "May/epistemic"),
    ("The SAF seems to have regained the initiative.", "probable", "seems to/epistemic"),
    ("Russian losses near Pokrovsk were likely in the hundreds.", "probable", "likely/epistemic"),
    ("Houthi missiles may reach Eilat.", "possible", "may/epistemic"),
    ("The hostages are probably held in tunnels under Rafah.", "probable", "probably/epistemic"),
    # --- expectation
    ("The brigade is expected to arrive in Kursk on Monday.", "probable", "expected/expectation"),
    ("Israel is poised to expand its ground operation in Gaza.", "probable", "poised to/expectation"),
    ("Russia is set to launch a new offensive in Zaporizhzhia.", "certain", ""),  # scheduled future: no hedge (contract)
    ("The army plans to recruit 30,000 new soldiers.", "certain", ""),
    ("Officials anticipate a counteroffensive before winter.", "probable", "anticipate/expectation"),
    ("NATO expects Russia to test its eastern flank.", "probable", "expects/expectation"),
    ("The United States is planning to send more air defence systems.", "certain", ""),
    ("The M23 is preparing to advance on Bukavu.", "certain", ""),
    ("Talks between the SAF and the RSF are set to resume in Jeddah.", "certain", ""),
    ("France plans to withdraw its last troops from Niger.", "certain", ""),
    ("More fighting is expected around Pokrovsk.", "probable", "expected/expectation"),
    ("A second wave of North Korean troops is expected to reach the front.", "probable", "expected/expectation"),
    ("Reinforcements were anticipated by the end of the week.", "probable", "anticipated/expectation"),
    # --- estimate
    ("Western officials estimated that 600,000 Russian soldiers had been killed or wounded.", "probable", "estimated/estimate"),
    ("The militia is believed to have about 3,000 fighters.", "probable", "believed to/epistemic"),
    ("The commander is thought to be hiding in the north.", "probable", "thought to/epistemic"),
    ("Ukraine estimates that Russia has lost 8,000 tanks.", "probable", "estimates/estimate"),
    ("About 70 civilians are believed to be trapped in the rubble.", "probable", "believed to/epistemic"),
    ("Analysts estimate the group's strength at 10,000 men.", "probable", "estimate/estimate"),
    ("The hostages are thought to be alive.", "probable", "thought to/epistemic"),
    ("Islamic State is believed to hold several hundred prisoners.", "probable", "believed to/epistemic"),
    ("The drones were suspected to have been launched from Yemen.", "probable", "suspected to/epistemic"),
    ("It is widely believed that the general was dismissed.", "probable", "widely believed/epistemic"),
    # --- evidential
    ("The rebels reportedly seized the airport.", "unverified", "reportedly/evidential"),
    ("Wagner fighters allegedly executed prisoners near Moura.", "unverified", "allegedly/evidential"),
    ("The video purportedly shows Ukrainian troops near Sudzha.", "unverified", "purportedly/evidential"),
    ("Russia claimed to have shot down 40 drones overnight.", "unverified", "claimed/evidential"),
    ("Sources say the commander was killed in the strike.", "unverified", "Sources say/evidential"),
    ("Separately, reports said the garrison in Tarvik had surrendered.", "unverified", "reports said/evidential"),
    ("Reports suggested that the convoy turned back at the bridge.", "unverified", "Reports suggested/evidential"),
    ("It is said that the garrison surrendered without a fight.", "unverified", "It is said/evidential"),
    ("North Korean soldiers are said to have suffered heavy losses.", "unverified", "are said to/evidential"),
    ("The alleged massacre took place in a village near Gao.", "unverified", "alleged/evidential"),
    ("Hamas claims that 30 hostages have died in captivity.", "unverified", "claims/evidential"),
    ("The RSF is reported to have taken the town of Wad Madani.", "unverified", "is reported to/evidential"),
    ("The Houthis reportedly fired a hypersonic missile.", "unverified", "reportedly/evidential"),
    ("Sources said the convoy was carrying ammunition.", "unverified", "Sources said/evidential"),
    ("The army claimed the town was back under its control.", "unverified", "claimed/evidential"),
    ("A purported leaked document lists 2,000 dead.", "unverified", "purported/evidential"),
    ("According to sources, 50 soldiers deserted.", "unverified", "According to sources/evidential"),
    ("The Tatmadaw supposedly bombed a school in Sagaing.", "unverified", "supposedly/evidential"),
    # --- unclear
    ("It is not yet clear how many soldiers died.", "possible", "It is not yet clear/unclear"),
    ("It remains to be seen whether the truce will hold.", "possible", "remains to be seen/unclear; whether/unclear"),
    ("It was unclear who fired the first shot.", "possible", "It was unclear/unclear"),
    ("There are questions about the number of North Korean troops.", "possible", "questions about/unclear"),
    ("Officials did not say whether the troops had crossed the border.", "possible", "whether/unclear"),
    ("The fate of the 47th Brigade is unclear.", "possible", "unclear/unclear"),
    ("It is not clear if the strike hit the depot.", "possible", "It is not clear/unclear; if/condition"),
    ("The number of casualties remains uncertain.", "possible", "remains uncertain/unclear"),
    ("Questions remain over the role of Rwanda in the offensive.", "possible", "Questions remain/unclear"),
    ("Whether the junta can hold Lashio is an open question.", "possible", "Whether/unclear; is an open question/unclear"),
    # --- denial
    ("The Kremlin denied that its troops were in Kursk.", "unverified", "denied/denial"),
    ("Rwanda rejected the claim that it supports M23.", "unverified", "rejected the claim/denial"),
    ("Israel dismissed the allegations as propaganda.", "unverified", "dismissed the allegations/denial"),
    ("Moscow denies any role in the attack.", "unverified", "denies/denial"),
    ("The RSF rejected the accusations of ethnic killings.", "unverified", "rejected the accusations/denial"),
    ("Eritrea has repeatedly denied sending troops to Tigray.", "unverified", "denied/denial"),
    ("The army disputed the casualty figures.", "unverified", "disputed/denial"),
    ("Pyongyang dismissed the reports as fake news.", "unverified", "dismissed the reports/denial"),
    # --- unverifiable
    ("The claim could not be independently verified.", "unverified", "claim/evidential; could not be independently verified/unverifiable"),
    ("Reuters could not independently verify the figures.", "unverified", "could not independently verify/unverifiable"),
    ("There were unconfirmed reports of fighting near Kupiansk.", "unverified", "unconfirmed/unverifiable; reports of/evidential"),
    ("The toll has not been confirmed.", "unverified", "has not been confirmed/unverifiable"),
    ("The footage cannot be verified.", "unverified", "cannot be verified/unverifiable"),
    ("The number of dead, which could not be verified, rose to 85.", "unverified", "could not be verified/unverifiable"),
    ("The account is unverified.", "unverified", "unverified/unverifiable"),
    ("The BBC has not independently verified the video.", "unverified", "has not independently verified/unverifiable"),
    # --- condition
    ("If the truce holds, 2,000 prisoners will be exchanged.", "possible", "If/condition"),
    ("The army would need three more brigades to hold the line.", "possible", "would need/condition"),
    ("Unless aid arrives, thousands of people will starve in El Fasher.", "possible", "Unless/condition"),
    ("Israel would respond to any attack from Lebanon.", "possible", "would/condition"),
    ("The ministry asked if the troops had been withdrawn.", "possible", "if/condition"),
    ("The talks will go ahead provided that the shelling stops.", "possible", "provided that/condition"),
    # --- several cues: the strongest level wins
    ("Russia may reportedly send more troops.", "unverified", "may/epistemic; reportedly/evidential"),
    ("The brigade is expected to arrive, but it is not yet clear when.", "possible", "expected/expectation; it is not yet clear/unclear"),
    ("Ukraine claimed 300 kills, which could not be independently verified.", "unverified", "claimed/evidential; could not be independently verified/unverifiable"),
    ("The attack is likely to continue if reinforcements arrive.", "possible", "likely/epistemic; if/condition"),
    ("Officials believed to be in the city may have fled.", "possible", "believed to/epistemic; may/epistemic"),
    ("Hamas denied it was planning to release the hostages.", "unverified", "denied/denial"),
    ("An estimated 11,000 troops may be deployed.", "possible", "may/epistemic"),
    ("In May, the troops could have retreated.", "possible", "could/epistemic"),
    ("As expected, the rebels reportedly took the town.", "unverified", "reportedly/evidential"),
    ("The spokesman could not be reached, and the toll could not be verified.", "unverified", "could not be verified/unverifiable"),
    ("There is no doubt the drones may strike again.", "possible", "may/epistemic"),
    ("The general is expected to resign, sources say.", "unverified", "expected/expectation; sources say/evidential"),
    ("Even if the truce holds, fighting continues in Darfur.", "certain", ""),
    ("The soldiers were treated as if they were criminals.", "certain", ""),
    ("Whether or not talks resume, the army has 20,000 troops there.", "certain", ""),
    ("Most of the fighters, if any remain, are in the hills.", "certain", ""),
    ("The army launched the offensive, as expected, on 12 May.", "certain", ""),
    ("It is believed that the commander was killed in the strike.", "probable", "It is believed/epistemic"),
    ("The strike on the depot took place on May 5.", "certain", ""),
    ("The shelling killed 14 people, the governor said, and may have wounded dozens more.", "possible", "may/epistemic"),
    ("Residents said the militia allegedly looted the market.", "unverified", "allegedly/evidential"),
    ("Houthi leaders said they would keep attacking ships.", "certain", ""),  # reported future (contract)
    ("The IDF said it had killed about 20 Hamas fighters.", "certain", ""),
    # a death not confirmed: "presumed dead", "feared dead"
    ("Four soldiers are presumed dead.", "probable", "presumed dead/epistemic"),
    ("Dozens are feared dead after the strike.", "probable", "feared dead/epistemic"),
    # what could not be established, ascertained or authenticated is unverifiable, as what could not be verified
    ("The authenticity of the video could not be established.", "unverified", "could not be established/unverifiable"),
    ("The footage cannot be authenticated.", "unverified", "cannot be authenticated/unverifiable"),
    # a modal in an embedded "how"/"what" question is what is weighed, not a hedge; a "where" relative keeps it
    ("The groups are testing to see how we might respond.", "certain", ""),
    ("Commanders discussed what the army could do next.", "certain", ""),
    ("It is our assessment that these groups are testing to see how we might respond.", "probable", "our assessment that/epistemic"),
    ("Police searched the area where the rebels may have hidden weapons.", "possible", "may/epistemic"),
    ("It is unclear how the rebels could have obtained the missiles.", "possible", "It is unclear/unclear"),
]


def _cue_string(sent) -> str:
    return "; ".join(f"{c['text']}/{c['type']}" for c in sent._.conflict_hedge_cues)


def test_table_is_large_and_covers_every_label():
    assert len(CASES) >= 150
    assert {level for _, level, _ in CASES} == set(CERTAINTY_LEVELS)
    types = {item.rsplit("/", 1)[1] for _, _, cues in CASES for item in cues.split("; ") if item}
    assert types == set(LEXICON_CUE_TYPES)


@pytest.mark.parametrize("text,certainty,cues", CASES)
def test_cue_layer(rules_nlp, text, certainty, cues):
    doc = rules_nlp(text)
    sents = list(doc.sents)
    assert len(sents) == 1, [s.text for s in sents]
    sent = sents[0]
    assert (sent._.conflict_certainty, _cue_string(sent)) == (certainty, cues)
    assert sent._.conflict_hedged == (certainty != "certain")


def test_shipped_model_agrees_with_most_of_the_table(shipped_nlp):
    docs = list(shipped_nlp.pipe(text for text, _, _ in CASES))
    hedged_right = sum(doc[:]._.conflict_hedged == (level != "certain") for doc, (_, level, _) in zip(docs, CASES))
    level_right = sum(doc[:]._.conflict_certainty == level for doc, (_, level, _) in zip(docs, CASES))
    assert hedged_right / len(CASES) >= 0.9
    assert level_right / len(CASES) >= 0.85


@pytest.mark.parametrize(
    "levels,expected",
    [
        ([], "certain"),
        (["probable"], "probable"),
        (["probable", "possible"], "possible"),
        (["possible", "unverified", "probable"], "unverified"),
        (["unverified", "probable"], "unverified"),
    ],
)
def test_strongest_level(levels, expected):
    assert strongest_level(levels) == expected


@pytest.mark.parametrize(
    "candidates,blocked,expected",
    [
        # longest wins: "could not be independently verified" over "could"
        ([(0, 1, "epistemic", "possible"), (0, 5, "unverifiable", "unverified")], [], [(0, 5)]),
        # a cue overlapping a pseudo-cue is dropped
        ([(3, 4, "epistemic", "possible")], [(3, 8)], []),
        # non-overlapping cues are all kept, in order
        ([(6, 7, "condition", "possible"), (1, 2, "epistemic", "possible")], [], [(1, 2), (6, 7)]),
        # a pseudo-cue elsewhere does not block
        ([(1, 2, "epistemic", "possible")], [(5, 7)], [(1, 2)]),
        # same length: the earlier one
        ([(2, 4, "estimate", "probable"), (3, 5, "estimate", "probable")], [], [(2, 4)]),
    ],
)
def test_select_cues(candidates, blocked, expected):
    kept = select_cues([Cue(*c) for c in candidates], blocked)
    assert [(c.start, c.end) for c in kept] == expected


def test_cues_by_sentence_scopes_to_the_sentence():
    cues = [Cue(1, 2, "epistemic", "possible"), Cue(4, 6, "unclear", "possible"), Cue(7, 8, "condition", "possible")]
    # the second cue runs over the boundary at token 5: dropped
    assert cues_by_sentence(cues, [(0, 5), (5, 10)]) == [[cues[0]], [cues[2]]]


def test_cue_features():
    assert len(FEATURE_NAMES) == N_FEATURES
    none = cue_features([])
    assert none == [0.0] * N_FEATURES
    feats = dict(zip(FEATURE_NAMES, cue_features([Cue(0, 1, "denial", "unverified")], has_pseudo=True)))
    assert feats["any_cue"] == feats["type_denial"] == feats["level_unverified"] == feats["pseudo_cue"] == 1.0
    assert feats["type_epistemic"] == feats["several_cues"] == 0.0


@pytest.mark.parametrize(
    "entry,message",
    [
        ({"phrase": "may", "type": "guess", "level": "possible"}, "field 'type'"),
        ({"phrase": "may", "type": "epistemic", "level": "certain"}, "field 'level'"),
        ({"phrase": "may", "pattern": [{"LOWER": "may"}], "type": "epistemic", "level": "possible"}, "exactly one"),
        ({"type": "epistemic", "level": "possible"}, "exactly one"),
        ({"phrase": "may", "type": "epistemic"}, "missing field 'level'"),
        ({"phrase": "may", "type": "epistemic", "level": "possible", "weight": 2}, "unknown field 'weight'"),
    ],
)
def test_bad_cue_entries_name_the_problem(entry, message):
    with pytest.raises(ResourceError, match=message):
        load_cue_rules([entry])


def test_bad_user_file_names_file_and_line(tmp_path):
    path = tmp_path / "my_cues.jsonl"
    path.write_text('# my cues\n{"phrase": "may", "type": "epistemic", "level": "possible"}\n{"phrase": \n', encoding="utf8")
    with pytest.raises(ResourceError, match=r"my_cues.jsonl, line 3"):
        load_cue_rules(path)


def test_bad_pattern_is_reported():
    with pytest.raises(ResourceError, match="bad Matcher pattern"):
        CueMatcher(
            spacy.blank("en").vocab,
            spacy.blank("en").make_doc,
            load_cue_rules([{"pattern": [{"LOWER": {"BOGUS": 1}}], "type": "epistemic", "level": "possible"}]),
        )


def test_user_lexicon_replaces_the_bundled_one(tmp_path):
    path = tmp_path / "cues.jsonl"
    path.write_text('{"phrase": "rumour has it", "type": "evidential", "level": "unverified"}\n', encoding="utf8")
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_hedging", config={"use_model": False, "cues": str(path)})
    doc = nlp("Rumour has it that the brigade may withdraw.")
    assert doc[:]._.conflict_certainty == "unverified"
    assert [c["text"] for c in doc[:]._.conflict_hedge_cues] == ["Rumour has it"]  # "may" is no longer a cue


def test_bundled_lexicons_cover_every_type_and_level():
    rules = load_cue_rules()
    assert {r.type for r in rules} == set(LEXICON_CUE_TYPES)
    assert {r.level for r in rules} == {"probable", "possible", "unverified"}
    assert load_pseudo_rules()


# -- the Matcher looks only at windows around its anchor words -----------------------------


@pytest.mark.parametrize(
    "patterns",
    [
        [[{"ORTH": "May"}, {"LIKE_NUM": True}], [{"LOWER": "in"}, {"ORTH": "May"}], [{"ORTH": "May", "IS_SENT_START": False}]],
        [[{"LOWER": "could"}, {"IS_ALPHA": True, "OP": "?"}, {"LOWER": "be"}]],
        [[{"LOWER": "might"}, {"IS_ALPHA": True, "OP": "*"}, {"LOWER": "attack"}]],  # unbounded: whole Doc
        [[{"IS_DIGIT": True}, {"LOWER": "troops"}]],  # anchored on "troops"
    ],
)
def test_matcher_windows_find_what_the_whole_doc_gives(patterns):
    from spacy.matcher import Matcher

    from conflictnlp.cues import CueMatcher, CueRule

    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    rules = [CueRule(None, p, "epistemic", "possible") for p in patterns]
    cue_matcher = CueMatcher(nlp.vocab, nlp.make_doc, rules)
    reference = Matcher(nlp.vocab)
    for i, p in enumerate(patterns):
        reference.add(str(i), [p])
    texts = [
        "May 5 troops could be moved. In May the army might well attack, 300 troops said.",
        "May", "in May", "It could  be. Could they be? 12 troops", "", "might attack might not attack",
    ]
    for text in texts:
        doc = nlp(text)
        got, _ = cue_matcher.matches(doc)
        expected = {(s, e) for _, s, e in reference(doc)}
        assert {(c.start, c.end) for c in got} == expected, text
