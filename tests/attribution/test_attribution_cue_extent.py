"""conflict_attribution: the cue is the whole reporting expression (issue 14), and verbs of saying
found by their frame. One case per line, written for these tests (war reporting): the text, the
expected cue text, and the source, content and medium it must keep (``...`` means not checked,
``None`` null). ``NOT_CUES``: sentences with no report at all.
"""

from __future__ import annotations

import pytest


def C(text, cue, source=..., content=..., medium=...):
    return pytest.param(text, cue, source, content, medium, id=f"{cue}|{text[:50]}")


def text_of(part):
    return part["text"] if part else None


EXTENT = [
    # auxiliaries, modals and negation of the verb group
    C("The brigade has said that 40 soldiers were wounded.", "has said", "The brigade", "40 soldiers were wounded"),
    C("The rebel commander is saying the airport is surrounded.", "is saying", "The rebel commander",
      "the airport is surrounded"),
    C("The navy had told the port authority that two frigates were lost.", "had told", "The navy",
      "two frigates were lost", "the port authority"),
    C("The defence ministry did not deny that the convoy was hit.", "did not deny", "The defence ministry",
      "the convoy was hit"),
    C("The militia's leaders haven't said that the town has fallen.", "haven't said", "The militia's leaders",
      "the town has fallen"),
    C("The governor would not confirm that six shells hit the school.", "would not confirm", "The governor"),
    C("The governor later confirmed that six shells hit the school.", "confirmed", "The governor"),  # a time word stays out
    C("The strike was confirmed by the border guard service.", "was confirmed", "the border guard service", "The strike"),
    # adverbs inside the verb group
    C("Aid workers have also reported that the clinic ran out of fuel.", "have also reported", "Aid workers",
      "the clinic ran out of fuel"),
    C("The army once again denied that its drones struck the market.", "once again denied", "The army",
      "its drones struck the market"),
    C("The colonel angrily denied that his unit had retreated.", "angrily denied", "The colonel",
      "his unit had retreated"),
    C("The assembly said the ceasefire would hold.", "said", "The assembly", "the ceasefire would hold"),
    # particles and governed prepositions of phrasal verbs of saying
    C("The envoy spoke of a betrayal by the militia.", "spoke of", "The envoy", "a betrayal by the militia"),
    C("Residents complained about the shelling of the market.", "complained about", "Residents",
      "the shelling of the market"),
    C("Aid groups have repeatedly asked about the fate of the prisoners.", "have repeatedly asked about", "Aid groups",
      "the fate of the prisoners"),
    C("The president talked about the losses at the front.", "talked about", "The president", "the losses at the front"),
    C("The spokesman responded to the charge that troops fired on civilians.", "responded to", "The spokesman"),
    C("The commander warned of a new offensive in the south.", "warned of", "The commander",
      "a new offensive in the south"),
    C("The rebels have called for a ceasefire.", "have called for", "The rebels", "a ceasefire"),
    C("“The bridge will hold,” the rebels have also continued.", "have also continued", "the rebels", "The bridge will hold"),
    C("The minister pointed out that the border had been quiet.", "pointed out", "The minister",
      "the border had been quiet"),
    # the colon right after the cue
    C("The general said: “We will not give up the bridge.”", "said:", "The general", "We will not give up the bridge"),
    C("The field commander has added: “Nobody is leaving.”", "has added:", "The field commander", "Nobody is leaving"),
    # what stays out: the addressee, a time, the source, the content
    C("The general told reporters that the bridge was mined.", "told", "The general", "the bridge was mined", "reporters"),
    C("The ministry on Friday said that 12 drones were downed.", "said", "The ministry", "12 drones were downed"),
    C("The shelling has stopped, the brigade's spokesman has said.", "has said", "the brigade's spokesman",
      "The shelling has stopped"),
    C("Pakistan's claim that five jets were downed has not been verified.", "claim", "Pakistan"),
]

FRAMES = [
    # verbs of saying with a plain object or a clause without "that"
    C("Opposition leaders criticized the decision to withdraw from the town.", "criticized", "Opposition leaders",
      "the decision to withdraw from the town"),
    C("The general noted the ceasefire had held for a week.", "noted", "The general", "the ceasefire had held for a week"),
    C("The mayor has mentioned the shortage of water in the shelters.", "has mentioned", "The mayor",
      "the shortage of water in the shelters"),
    C("The council demanded the release of the hostages.", "demanded", "The council", "the release of the hostages"),
    C("The rebel commander is stressing the need for more ammunition.", "is stressing", "The rebel commander",
      "the need for more ammunition"),
    C("The brigade commander argues there is no way to hold the ridge.", "argues", "The brigade commander",
      "there is no way to hold the ridge"),
    C("The separatists tweeted that the airport had fallen.", "tweeted", "The separatists", "the airport had fallen"),
    # questions
    C("The commander has also questioned whether the truce will hold.", "has also questioned", "The commander",
      "whether the truce will hold"),
    C("Relatives asked how the soldiers could have vanished.", "asked", "Relatives", "how the soldiers could have vanished"),
    # gerunds of saying after a clause
    C("The minister toured the front, noting that morale was high.", "noting", "The minister", "morale was high"),
    C("The minister toured the front, emphasizing the need for more shells.", "emphasizing", "The minister",
      "the need for more shells"),
    C("The envoy was criticized for saying that the siege was over.", "saying", "The envoy", "the siege was over"),
    C("The officer visited the camp, speaking of a grave shortage of tents.", "speaking of", "The officer",
      "a grave shortage of tents"),
    # a question or exclamation quote the sentence splitter cut off before its speaker and cue
    C("“Where is the convoy?” Marsh asked.", "asked", "Marsh", "Where is the convoy?"),
    C("The mayor spoke. “Who fired first?” the colonel said. “Nobody knows.”", "said", "the colonel", "Who fired first?"),
    C("“Run!” The soldiers fled as the shells fell, the mayor said.", "said", "the mayor",
      "The soldiers fled as the shells fell"),
    # a channel or time between commas is no source; a pronoun addressee is the medium
    C("The general, at a later briefing, said, “The bridge is lost.”", "said", "The general", "The bridge is lost"),
    C("The mayor told me, “We will hold the bridge.”", "told", "The mayor", "We will hold the bridge", "me"),
    C("The colonel warned them that the dam would break.", "warned", "The colonel", "the dam would break", "them"),
    # naming with the name further away
    C("At the summit, the president called his decision to withdraw from the northern province a mistake.", "called",
      "the president"),
    # a speaker going on, only before a colon or a quote or after a closing quote
    C("The colonel continued: “Nobody will leave the bridge.”", "continued:", "The colonel", "Nobody will leave the bridge"),
    C("“Nobody will leave the bridge,” the colonel continued.", "continued", "the colonel", "Nobody will leave the bridge"),
    # after a report, any gerund of saying with its clause; the report keeps what came before it
    C("The bridge is gone, the colonel said, adding he would not retreat.", "adding", "the colonel",
      "he would not retreat"),
    C("The bridge is gone, the colonel said, adding he would not retreat.", "said", "the colonel", "The bridge is gone"),
    C("The bridge is gone, the colonel said, adding that he would not retreat.", "said", "the colonel",
      "The bridge is gone"),
]

TRANSCRIPT = "Partial transcript:\n\n\"HOLLIS: Was the convoy hit?\n\n\"MARSH: The convoy was hit twice near the bridge.\n\nHOLLIS: By drones?"

FRAMES += [
    # a speaker's turn in a transcript, also inside a quoted paragraph
    C(TRANSCRIPT, ":", "HOLLIS", "Was the convoy hit?"),
    C("HOLLIS: Was the convoy hit?\nMARSH: Twice, near the bridge.", ":", "HOLLIS", "Was the convoy hit?"),
]

NOT_CUES = [
    # roles and kickers are no speakers' names; a single capitalized label is no transcript
    "PRESENTER: Good evening.\n\nQUESTION: Was the convoy hit?",
    "UPDATE: The convoy was hit.\n\nGOMA: Fighting resumed near the airport.",
    "Police questioned three men after the blast.",
    "The militia posted tweets mocking the army.",
    "The mayor spoke to reporters on Monday.",
    "The officer, speaking on condition of anonymity, left the base.",
    "The peace talks about the corridor resumed in Doha.",
    "A similar question: who pays for the repairs?",
    "The storm hit the coast, adding to the damage.",
    "The army asked residents to leave the town.",
    "The general spent the day by visiting the front.",
    "Despite the truce, the shelling continued.",
    "The assembly voted for admitting three new members to the alliance.",
    "The army continued to fight near the dam.",
]


@pytest.mark.parametrize("text,cue,source,content,medium", EXTENT + FRAMES)
def test_cue_extent(nlp, text, cue, source, content, medium):
    doc = nlp(text)
    found = [a for a in doc._.conflict_attributions if a["cue"]["text"] == cue]
    assert found, f"no cue {cue!r}; got {[a['cue']['text'] for a in doc._.conflict_attributions]}"
    a = found[0]
    assert doc.text[a["cue"]["start"]:a["cue"]["end"]] == cue  # one contiguous span
    for name, want in (("source", source), ("content", content), ("medium", medium)):
        if want is not ...:
            assert text_of(a[name]) == want, name


@pytest.mark.parametrize("text", NOT_CUES)
def test_no_cue(nlp, text):
    assert nlp(text)._.conflict_attributions == []


def test_gerund_without_a_clause_is_no_report(nlp):
    doc = nlp("The army said the town fell, adding to the confusion.")
    assert [a["cue"]["text"] for a in doc._.conflict_attributions] == ["said"]


def test_cue_type_read_through_the_verb_group(nlp):
    a = nlp("Western officials have long believed that the offensive will stall.")._.conflict_attributions[0]
    assert (a["cue"]["text"], a["cue_type"]) == ("have long believed", "belief")
    a = nlp("The colonel said: “The bridge is gone.”")._.conflict_attributions[0]
    assert (a["cue"]["text"], a["cue_type"]) == ("said:", "speech")


def test_cue_span_group_matches_the_cue(nlp):
    doc = nlp("The brigade has also said that the depot burned.")
    (span,) = doc.spans["conflict_attribution"]
    assert span.text == doc._.conflict_attributions[0]["cue"]["text"] == "has also said"
