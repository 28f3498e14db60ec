"""conflict_attribution: a verb of saying in an infinitive of purpose after a verb of contact,
appearance or publishing ("A militia spokesman called back the radio station to confirm ..."; issue 17). Its
subject is the source, the verb's object the medium. One case per line, written for these tests:
the text, the cue (its first occurrence), the expected source and content. ``NOT_CUES`` stay no
cue. Each case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

import pytest
from attribution_helpers import C, both_paths_tests, find, text_of
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

CUES = [
    # contact: calling, phoning, writing, contacting, summoning
    C("A militia spokesman called back the radio station to confirm that the bridge had been destroyed.", "confirm",
      "A militia spokesman", "the bridge had been destroyed"),
    C("A police officer phoned the news agency to say that 12 people had been killed.", "say", "A police officer",
      "12 people had been killed"),
    C("The governor wrote to the UN Security Council to warn that the town could fall within days.", "warn",
      "The governor", "the town could fall within days"),
    C("Residents called local radio stations to report that gunmen had entered the market.", "report", "Residents",
      "gunmen had entered the market"),
    C("The ministry later contacted reporters to say the figure had been revised to 40.", "say", "The ministry",
      "the figure had been revised to 40"),
    C("The foreign ministry summoned the ambassador to protest the shelling of the border post.", "protest",
      "The foreign ministry", "the shelling of the border post"),
    # appearing: "took to", "went on", "appeared on", with a time phrase before the "to"
    C("A militia commander took to Telegram overnight to claim that his men had hit the depot.", "claim",
      "A militia commander", "his men had hit the depot"),
    C("The defence minister went on state television to deny that any soldiers had been captured.", "deny",
      "The defence minister", "any soldiers had been captured"),
    C("The group took to Telegram to deny any role in the strike.", "deny", "The group", "any role in the strike"),
    # publishing a document, or using a speech, with "to"
    C("The army issued a statement on Sunday to confirm the deaths of three soldiers.", "confirm", "The army",
      "the deaths of three soldiers"),
    C("The rebels posted a video online to claim they had shot down a helicopter.", "claim", "The rebels",
      "they had shot down a helicopter"),
    C("The president used a televised address to announce a ceasefire in the east.", "announce", "The president",
      "a ceasefire in the east"),
]

NOT_CUES = [
    # a request: the infinitive is what someone else is to say
    ("The general told the agency to confirm the figure.", "confirm"),
    ("The army called on the UN to confirm the death toll.", "confirm"),
    ("The ministry asked the agency to confirm the report.", "confirm"),
    # a passive, or a verb of going that is no appearance
    ("The soldiers were sent to the border to report on the fighting.", "report"),
    ("The president returned to the capital to announce his cabinet.", "announce"),
    # a publishing verb without a document, speech or occasion: another sense of the verb
    ("The rebels seized the hill and used it to claim the whole valley.", "claim"),
    # a verb of writing or talking in another sense, and a verb of belief
    ("The envoy used the occasion to write a report on the talks.", "write"),
    ("The colonel called the base to think about the options.", "think"),
    # a clause between the verb and its "to"
    ("The captain called the men who were about to say goodbye.", "say"),
]


test_cue_found, test_cue_found_with_parser, test_not_a_cue = both_paths_tests(CUES, NOT_CUES)


@pytest.mark.parametrize("text,cue,medium", [
    ("A militia spokesman called back the radio station to confirm that the bridge had been destroyed.", "confirm",
     "the radio station"),
    ("A militia commander took to Telegram overnight to claim that his men had hit the depot.", "claim", "Telegram"),
    ("The defence minister went on state television to deny that any soldiers had been captured.", "deny",
     "state television"),
    ("The army issued a statement late on Sunday to confirm the deaths of three soldiers.", "confirm", "a statement"),
    ("The rebels posted a video online to claim they had shot down a helicopter.", "claim", "a video"),
])
def test_the_verbs_object_is_the_medium(nlp, parsed, text, cue, medium):
    """The channel or addressee is the object of the verb of contact, without a time phrase or
    adverb after it; the cue is the verb of saying alone."""
    for pipe in (nlp, parsed):
        a = find(pipe(text), cue)
        assert a is not None and a["cue"]["text"] == cue
        assert text_of(a["medium"]) == medium
