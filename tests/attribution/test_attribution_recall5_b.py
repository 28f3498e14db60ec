"""conflict_attribution recall on real reporting, fifth pass (issue 14), helper b: colon cues
(headline speakers and findings, transcript turns, a verb whose colon ends its line) and noun cues
("reports of", "claims about", "warnings from X that"). One case per line, written for these tests:
the text, the cue (its first occurrence), the expected source and content (``None`` means null).
``NOT_CUES`` stay no report. Each case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

import pytest

from attribution_helpers import C, both_paths_tests, find
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

TURNS = ("Part of the transcript follows.\n\n\"OKAFOR: Was the depot hit? We heard three blasts. Nobody has confirmed it.\n\n"
         "\"BRANDT: Twice. Once at the gate, once at the fuel store, but nobody was hurt.\n\n"
         "\"OKAFOR: The army said nobody was hurt?")
LINES = ("Briefing transcript\nOKAFOR: Did the brigade pull back? The villagers say it did.\n"
         "BRANDT: Yes. It left the ridge on Monday.\nOKAFOR: And the guns?\nBRANDT: Those stayed.")

COLON_CUES = [
    # A name before a headline colon speaks when the same name speaks in the story, also with a
    # bracketed tag between the name and the cue.
    C("Lindqvist: Ceasefire Will Not Hold\n\nThe talks broke up in Geneva. Senator Anna Lindqvist (S) said the "
      "guns would open up by Friday.", ":", "Lindqvist", "Ceasefire Will Not Hold"),
    C("Moreau: Convoy Reached the Camp\n\nAid workers arrived late. Colonel Luc Moreau (ret.) told reporters "
      "the trucks were unharmed.", ":", "Moreau", "Convoy Reached the Camp"),
    # A finding that opens a headline speaks through its colon.
    C("Poll: Most Residents Reject Talks With the Militia\n\nThe survey was taken in March.", ":", "Poll",
      "Most Residents Reject Talks With the Militia"),
    C("Survey: Four in Five Families Fled the Shelling\n\nMost left in the first week.", ":", "Survey",
      "Four in Five Families Fled the Shelling"),
    # A title-case headline with a quotation after its colon (the content is its inside).
    C("Karimi Rebukes Army Chiefs: \u2018You Should Be Court-Martialled.\u2019\n\nThe hearing ran late.", ":",
      "Karimi Rebukes Army Chiefs", "You Should Be Court-Martialled"),
    # A transcript turn is the whole line, every sentence of it; a report inside it is the speaker's.
    C(TURNS, ":", "OKAFOR", "Was the depot hit? We heard three blasts. Nobody has confirmed it"),
    C(LINES, ":", "OKAFOR", "Did the brigade pull back? The villagers say it did"),
    # A verb whose colon ends its line reports the paragraph under it.
    # What a colon or a quotation opens is what was said, also when it opens with "for", "by", "whether".
    C('A medic commented: "For you, the siege is the main reason to leave."', "commented:", "A medic",
      "For you, the siege is the main reason to leave"),
    C("The general said: \u201cBy Friday the bridge will be ours.\u201d", "said:", "The general",
      "By Friday the bridge will be ours"),
    C("The colonel added:\n\nThe line will hold. We have shells for a month. Nobody is retreating.\n\nThe "
      "enemy shelled the town.", "added:", "The colonel",
      "The line will hold. We have shells for a month. Nobody is retreating"),
]

NOT_COLON = [
    # a section heading or a credit line before a colon is no speaker
    ("Little Relief for Refugees: The camps near the border filled up in a week.", ":"),
    ("Anger with the police: Residents say nobody came after the shelling.", ":"),
    ("Slow Progress Frustrates Donors: The fund has paid out a third of its pledges.", ":"),
    ("Source: Ministry of Defence.", ":"),
    # a noun after "the following" is no verb of saying; without a colon "for", "on", "by" still end it
    ("On Monday the minister made the following comment:\n\n\u201cWe will not leave.\u201d", "comment"),
    ("The envoy insisted on a new round of talks.", "insisted"),
]


NOUN_CUES = [
    # "reports of", "claims of", "allegations of": the noun and its preposition are the cue, the noun
    # phrase it governs the content; the owner (possessive, pronoun, "by X") the source, else none.
    C("There were reports of heavy shelling near the airport on Monday.", "reports of", None,
      "heavy shelling near the airport"),
    C("Following early reports of an explosion, the governor closed the bridge.", "reports of", None,
      "an explosion"),
    C("The force was withdrawn amid claims of looting in two villages.", "claims of", None,
      "looting"),
    C("Analysts doubt Tehran's claims about the range of the new drone.", "claims about", "Tehran",
      "the range of the new drone"),
    C("The militia's allegations of torture were dismissed by the court.", "allegations of", "The militia",
      "torture"),
    # a possessive pronoun owns a nominal cue with its clause, as a possessive does
    C("Despite his claim that the brigade had withdrawn, the guns kept firing.", "claim", "his"),
]

NOT_NOUN_CUES = [
    # a name, a number or a body after the preposition, or a verb after a role, is no topic
    ("The claims of Serbia over the province are old.", "claims"),
    ("The firm filed insurance claims of $2 million after the fire.", "claims"),
    ("The reports of the commission were published in May.", "reports"),
    ("The governor reports of progress every week.", "reports"),
]


test_colon_cue_found, test_colon_cue_found_with_parser, test_not_a_colon_cue = both_paths_tests(COLON_CUES, NOT_COLON)


@pytest.mark.parametrize("text,turns", [(TURNS, 3), (LINES, 4)])
def test_report_inside_a_turn_is_the_speakers(nlp, parsed, text, turns):
    for pipe in (nlp, parsed):
        doc = pipe(text)
        assert [a["cue"]["text"] for a in doc._.conflict_attributions] == [":"] * turns


test_noun_cue_found, test_noun_cue_found_with_parser, test_not_a_noun_cue = both_paths_tests(NOUN_CUES, NOT_NOUN_CUES)


def test_a_noun_cue_does_not_clip_the_clause_it_stands_in(nlp, parsed):
    text = "The militia's allegations of torture were dismissed by the court."
    for pipe in (nlp, parsed):
        assert find(pipe(text), "dismissed")["content"]["text"] == "The militia's allegations of torture"


QUOTED_TURN = ("Part of the transcript follows.\n\n\"OKAFOR: Was the depot hit?\n\n\"BRANDT: Twice. The army says "
               "nobody was hurt.\n\n\"But the fuel store burned all night.\n\n\"And the gate is gone.\n\n"
               "\"(CROSSTALK.)\n\n\"OKAFOR: Thank you.")


def test_a_quoted_turn_goes_on_through_its_quoted_paragraphs(nlp, parsed):
    for pipe in (nlp, parsed):
        a = next(x for x in pipe(QUOTED_TURN)._.conflict_attributions if x["source"]["text"] == "BRANDT")
        assert [p["text"] for p in a["content_parts"]] == [
            "Twice. The army says nobody was hurt", "But the fuel store burned all night", "And the gate is gone"]
        assert [x["source"]["text"] for x in pipe(QUOTED_TURN)._.conflict_attributions] == ["OKAFOR", "BRANDT", "OKAFOR"]
