"""conflict_attribution, belief verbs with a finite clause and no "that" (session 10; the belief
reports our corpus showed the rules missing most): "Analysts believe India may have lost ...",
"Police believe the attackers may have fled", "security forces believe about 200 fighters are
operating". The clause needs a subject and then a modal or a form of "be", "have" or "do" before
any punctuation; an infinitive ("expect the truce to hold"), an object ("believe him", "think so"),
"believe in" and a verb inside a quotation stay no report. A gerund after a nested report speaks for
the outer speaker. Our own sentences; each case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests, find
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

CUES = [
    C("Analysts believe the militia may have lost far more fighters than it admits.", "believe", "Analysts",
      "the militia may have lost far more fighters than it admits"),
    C("Police believe the attackers may have fled north towards the river.", "believe", "Police",
      "the attackers may have fled north towards the river"),
    C("Security forces believe about 200 fighters are operating in the valleys.", "believe", "Security forces",
      "about 200 fighters are operating in the valleys"),
    C("Some researchers believe the true death toll could be three times higher.", "believe", "Some researchers",
      "the true death toll could be three times higher"),
    C("Western diplomats think the government will seek a truce before the rains.", "think", "Western diplomats",
      "the government will seek a truce before the rains"),
    C("Aid agencies expect the number of displaced will double by March.", "expect", "Aid agencies",
      "the number of displaced will double by March"),
    C("Officials estimated fewer than 100 militants were still active in the district.", "estimated", "Officials",
      "fewer than 100 militants were still active in the district"),
    # a past tense right after a plural noun or a name marks the clause too
    C("Investigators believe the attackers used explosives taken from an army depot.", "believe", "Investigators",
      "the attackers used explosives taken from an army depot"),
    C("Analysts believe Oskel lost two brigades in the spring.", "believe", "Analysts",
      "Oskel lost two brigades in the spring"),
]
NOT_CUES = [
    ("Villagers believe in the ceasefire more than their leaders do.", "believe"),
    ("The commander said he did not believe him.", "believe"),
    ("Diplomats expect the truce to hold until the talks.", "expect"),
    ("The governor thinks so too.", "thinks"),
    ("The medics believe the wounded soldiers.", "believe"),
    ("The general is believed to have fled the city.", "believed"),
    ("\u201cWe hold the bridge, but I do think the convoy is late,\u201d the mayor said.", "think"),
]

test_found, test_found_with_parser, test_not_a_cue = both_paths_tests(CUES, NOT_CUES)


def test_a_gerund_after_a_nested_report_speaks_for_the_outer_speaker(nlp, parsed):
    text = ("The governor told the crowd that she believes the militia will withdraw, "
            "saying that the talks had gone well.")
    for pipe in (nlp, parsed):
        doc = pipe(text)
        saying = find(doc, "saying")
        assert saying is not None and saying["source"]["text"] == "The governor", saying
