"""conflict_hedging on the categories real reporting uses (issue 15): hedges the lexicon must
find, reported speech that must stay certain, and the rule that every hedged sentence says why.

Tables of our own sentences: (sentence, certainty, cues), cues as "text/type" items joined by
"; " in text order ("" = none), as in test_hedging_cues.py.
"""

from __future__ import annotations

import pytest

from hedging_fixtures import rules_nlp, shipped_nlp  # noqa: F401  (pytest fixtures)

HEDGES = [
    # --- epistemic verbs of thinking and suspecting
    ("Suspected jihadists burned two schools near Tillaberi.", "probable", "Suspected/epistemic"),
    ("A suspected cartel drone dropped explosives on the checkpoint.", "probable", "suspected/epistemic"),
    ("The colonel is suspected of ordering the massacre.", "probable", "suspected/epistemic"),
    ("Ambush Suspected in Deaths of 4 Chadian Soldiers", "probable", "Suspected/epistemic"),
    ("Investigators suspect that the fuel depot was sabotaged.", "probable", "suspect that/epistemic"),
    ("I think the brigade has pulled most of its armour back.", "probable", "I think/epistemic"),
    ("We would assess that about 40 battalions are in the south.", "probable", "would assess/epistemic"),
    ("It is our assessment that the militia is rearming.", "probable", "our assessment that/epistemic"),
    ("Around 200 fighters are believed to be inside the compound.", "probable", "believed to/epistemic"),
    ("The commander is thought to have fled across the river.", "probable", "thought to/epistemic"),
    # --- appearance
    ("The rebels seemed to be regrouping east of the dam.", "probable", "seemed to/epistemic"),
    ("The blast appeared to target a fuel convoy.", "probable", "appeared to/epistemic"),
    ("It appears that the garrison surrendered overnight.", "probable", "It appears that/epistemic"),
    # --- nominal hedges
    ("Officials raised the possibility of a second landing near the port.", "possible", "possibility of/epistemic"),
    ("Engineers are studying the likelihood that a mine caused the blast.", "probable", "likelihood/epistemic"),
    ("Residents fled after reports of shelling near the northern crossing.", "unverified", "reports of/evidential"),
    ("Aid groups fled amid reports that the militia was advancing.", "unverified", "reports that/evidential"),
    ("Local media reports said nine police officers were abducted.", "unverified", "media reports/evidential"),
    # --- claims offered without proof
    ("The junta offered no evidence for the figure of 300 dead.", "unverified", "offered no evidence/evidential"),
    ("The governor blamed the bombing on a rival clan without providing evidence.", "unverified", "blamed/evidential; without providing evidence/evidential"),
    ("The minister did not provide any evidence for the claim.", "unverified", "did not provide any evidence/evidential; claim/evidential"),
    # --- accusations and second-hand accounts
    ("Herders accused the army of burning their camps.", "unverified", "accused/evidential"),
    ("Community leaders blame the drone strike on foreign advisers.", "unverified", "blame/evidential"),
    ("The government rejected allegations that it armed the militia.", "unverified", "rejected allegations/denial"),
    ("Human rights groups have documented allegations of torture.", "unverified", "allegations/evidential"),
    ("Rival accounts claim the convoy was attacked by bandits.", "unverified", "claim/evidential"),
    ("The group's claim of responsibility was posted online.", "unverified", "claim/evidential"),
    ("Further clashes were reported on Friday in two border villages.", "unverified", "were reported/evidential"),
    ("A reported drone strike hit a wedding party in the valley.", "unverified", "A reported/evidential"),
    ("The fighters purportedly belonged to a breakaway faction.", "unverified", "purportedly/evidential"),
    # --- denial
    ("The militia said the casualty figures were exaggerated.", "unverified", "exaggerated/denial"),
    ("The spokesman told reporters the story was not true.", "unverified", "not true/denial"),
    ("On the contrary, the navy said, the ship was never hit.", "unverified", "On the contrary/denial"),
    ("Analysts cast doubt on the rebels' account of the battle.", "unverified", "cast doubt/denial"),
    ("The ministry dismissed reports that the base had fallen.", "unverified", "dismissed reports/denial"),
    # --- open questions
    ("It remains unknown who planted the roadside bomb.", "possible", "remains unknown/unclear"),
    ("It was not clear how many soldiers were on board.", "possible", "It was not clear/unclear"),
    ("The number of wounded was not yet known.", "possible", "was not yet known/unclear"),
    ("I don't know how many of them crossed the border.", "possible", "I don't know/unclear"),
    ("We cannot say how long the ceasefire will last.", "possible", "We cannot say/unclear"),
    ("I couldn't begin to tell you where the artillery is.", "possible", "I couldn't begin to tell/unclear"),
    # --- preliminary findings
    ("Early indications are that the helicopter was shot down.", "probable", "Early indications/estimate"),
    ("Initial reports put the death toll at 14.", "probable", "Initial reports/estimate"),
    ("At least 23 people died, according to preliminary figures.", "probable", "preliminary figures/estimate"),
    # --- hypotheticals and conditions
    ("Suppose the militia moves 3,000 fighters to the coast.", "possible", "Suppose/condition"),
    ("Imagine that the navy loses two more frigates.", "possible", "Imagine that/condition"),
    ("If Turkey sends 4,000 soldiers, the truce will collapse.", "possible", "If/condition"),
    ("Retaking the valley would need 20,000 troops, the colonel said.", "possible", "would need/condition"),
    ("The general said the army would need 30,000 more recruits to hold the line.", "possible", "would need/condition"),
    ("Should the talks fail, 6,000 peacekeepers would leave.", "possible", "Should the talks fail,/condition; would/condition"),
    ("In the event of an attack, the garrison will evacuate.", "possible", "In the event of/condition"),
]

# Not hedges in our contract: reported speech and reported future, scheduled and planned
# future, "could" of ability, the noun "estimates", suspects as people.
NOT_HEDGES = [
    ("The ministry said on Monday that it would extend the curfew by a week.", "certain", ""),
    ("The rebels told mediators they would free the hostages on Friday.", "certain", ""),
    ("The commander announced that his troops would withdraw from the ridge.", "certain", ""),
    ("Kenya plans to send 400 more police officers to Haiti.", "certain", ""),
    ("The defence ministry is set to receive 12 new helicopters.", "certain", ""),
    ("The rebels are said to be preparing a new push on the capital.", "certain", ""),
    ("The two armies are preparing to exchange prisoners.", "certain", ""),
    ("Rescuers could not reach the flooded villages until Thursday.", "certain", ""),
    ("Residents could hear artillery fire throughout the night.", "certain", ""),
    ("Smoke could be seen rising over the refinery.", "certain", ""),
    ("According to UN estimates, 8,000 people fled the district.", "certain", ""),
    ("Estimates of the dead range from 40 to 60.", "certain", ""),
    ("Police arrested three suspects after the grenade attack.", "certain", ""),
    ("Unknown gunmen killed five farmers near the market.", "certain", ""),
    ("The army will deploy two more battalions next month.", "certain", ""),
    ("Officials said the convoy would reach the camp within two days.", "certain", ""),
    ("The council agreed the peacekeepers would stay until March.", "certain", ""),
    ("Officials told reporters the brigade had withdrawn from the ridge.", "certain", ""),
    ("The ceasefire talks would resume in Doha on Monday, the mediators said.", "certain", ""),
    ("The bridge would need months of repairs, engineers said.", "possible", "would need/condition"),
    ("The junta said it intends to hold elections next year.", "certain", ""),
    ("The statement said the militia would be disbanded within a month.", "certain", ""),
    ("Kyiv said Moscow was preparing a new offensive in the south.", "certain", ""),
    # reported future with a phrasal 'take' (the hypothetical 'would take years' stays a condition)
    ("The mediator said the truce would take effect at dawn on Sunday.", "certain", ""),
    ("The militia announced it would take part in the disarmament talks.", "certain", ""),
    ("The governor said the handover would take place after the elections.", "certain", ""),
    ("The colonel said his battalion would take control of the crossing by Friday.", "certain", ""),
    ("Clearing the mines would take years, the deminers said.", "possible", "would take/condition"),
    ("The general said it would take 15,000 soldiers to hold the coast.", "possible", "would take/condition"),
    # real hedges next to reported speech stay hedges
    ("The ministry said the curfew would be lifted if the attacks stopped.", "possible", "if/condition"),
    ("The army said it would likely need more troops.", "probable", "likely/epistemic"),
    ("A pullout would leave the border town undefended.", "possible", "would/condition"),
    ("The death toll could still rise, officials said.", "possible", "could/epistemic"),
    ("The strike could not be ruled out, the general warned.", "possible", "could/epistemic"),
    ("Officials estimate that 70 fighters were killed.", "probable", "estimate/estimate"),
]


def _cue_string(sent) -> str:
    return "; ".join(f"{c['text']}/{c['type']}" for c in sent._.conflict_hedge_cues)


@pytest.mark.parametrize("text,certainty,cues", HEDGES + NOT_HEDGES)
def test_cue_layer_categories(rules_nlp, text, certainty, cues):
    sents = list(rules_nlp(text).sents)
    assert len(sents) == 1, [s.text for s in sents]
    assert (sents[0]._.conflict_certainty, _cue_string(sents[0])) == (certainty, cues)


@pytest.mark.parametrize("text,certainty,cues", NOT_HEDGES)
def test_shipped_model_keeps_reported_speech_certain(shipped_nlp, text, certainty, cues):
    """With the trained layer too: a sentence that only reports speech, plans or ability is
    certain (a pseudo-cue keeps the model alone off it)."""
    sent = shipped_nlp(text)[:]
    assert (sent._.conflict_certainty, _cue_string(sent)) == (certainty, cues)


def test_every_hedged_sentence_says_why(shipped_nlp):
    """No hedged sentence without a cue record; a certain one has none."""
    texts = [text for text, _, _ in HEDGES + NOT_HEDGES]
    for doc in shipped_nlp.pipe(texts):
        for sent in doc.sents:
            assert bool(sent._.conflict_hedge_cues) == sent._.conflict_hedged, sent.text


def test_a_lexicon_entry_cannot_claim_the_model_type():
    from conflictnlp.cues import load_cue_rules
    from conflictnlp.lexicons import ResourceError

    with pytest.raises(ResourceError, match="field 'type'"):
        load_cue_rules([{"phrase": "may", "type": "model", "level": "possible"}])


@pytest.mark.parametrize(
    "entry,problem",
    [
        ({"phrase": "said it would", "blocks": "would"}, None),
        ({"phrase": "said it would", "blocks": "all"}, None),
        ({"phrase": "said", "blocks": "none"}, None),
        ({"phrase": "said it would", "blocks": "it would"}, "field 'blocks'"),
        ({"phrase": "said it would", "blocks": " "}, "field 'blocks'"),
    ],
)
def test_pseudo_cue_blocks_field(entry, problem):
    from conflictnlp.cues import load_pseudo_rules
    from conflictnlp.lexicons import ResourceError

    if problem is None:
        assert load_pseudo_rules([entry])[0].blocks == entry["blocks"]
    else:
        with pytest.raises(ResourceError, match=problem):
            load_pseudo_rules([entry])


def test_reported_speech_marks_the_sentence_but_blocks_no_cue(rules_nlp):
    """The speech verbs are pseudo-cues with "blocks": "none": "sources said" stays a cue."""
    sent = rules_nlp("Sources said the depot was hit twice.")[:]
    assert [(c["text"], c["type"]) for c in sent._.conflict_hedge_cues] == [("Sources said", "evidential")]


def test_a_word_blocking_pseudo_cue_leaves_the_other_words_free():
    """'blocks': 'would' drops only the would of 'said ... would'; a cue elsewhere in the
    match ('reportedly') stays."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_sentences")
    nlp.add_pipe("conflict_hedging", config={"use_model": False})
    sent = nlp("The envoy said the rebels reportedly would sign on Monday.")[:]
    assert [(c["text"], c["type"]) for c in sent._.conflict_hedge_cues] == [("reportedly", "evidential")]


def test_no_hedged_sentence_without_a_cue_record_on_the_corpus(shipped_nlp):
    """Every sentence of our corpus (dev and test texts), through the shipped component: a
    hedged sentence has at least one cue record (a lexicon cue, or one of type "model" with
    its score); a certain one has none."""
    import json
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[2] / "corpus"
    texts = [json.loads(line)["text"] for split in ("dev", "test") for line in open(corpus / f"{split}.jsonl", encoding="utf8")]
    assert len(texts) >= 15
    hedged = 0
    for doc in shipped_nlp.pipe(texts):
        for sent in doc.sents:
            cues = sent._.conflict_hedge_cues
            assert bool(cues) == sent._.conflict_hedged, sent.text
            assert all(("score" in c) == (c["type"] == "model") for c in cues), cues
            hedged += sent._.conflict_hedged
    assert hedged >= 100
