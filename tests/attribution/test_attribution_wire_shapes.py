"""conflict_attribution, shapes of wire and broadcast copy the corpus showed the rules missing
(issue 17, session 9): a source whose head looks like a verb form ("the military's media wing said",
"a Washington think tank", "a state body"), "here" between a source and its verb, a reported clause
that opens with a time ("said that on Monday, ..."), "There are reports that ...", and a
noun-or-verb form after a subject of two words on the blank pipeline ("The Mozambican army claims
its forces ..."). Our own sentences; each case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

CUES = [
    C("Three soldiers were killed near the dam, the army's media wing said.", "said", "the army's media wing",
      "Three soldiers were killed near the dam"),
    C("The Oskel Institute, a Washington think tank, said that the front had barely moved.", "said",
      "The Oskel Institute, a Washington think tank", "the front had barely moved"),
    C("The commission, a state body, said it had begun a survey of damaged homes.", "said", "The commission, a state body",
      "it had begun a survey of damaged homes"),
    C("Villagers here say the shelling comes every night.", "say", "Villagers", "the shelling comes every night"),
    C("There are reports that two officers were killed near Kidal.", "reports", None, "two officers were killed near Kidal"),
    C("There have been unconfirmed reports that the depot was hit.", "reports", None, "the depot was hit"),
    C("The ministry said that on Monday, two convoys were attacked.", "said", "The ministry",
      "on Monday, two convoys were attacked"),
    C("The Mozambican army claims its forces have retaken the port.", "claims", "The Mozambican army",
      "its forces have retaken the port"),
    C("The defence ministry claims 40,000 personnel in the east.", "claims", "The defence ministry",
      "40,000 personnel in the east"),
]
NOT_CUES = [
    ("The east wing of the hospital was hit twice.", "wing"),
    ("Analysts at the think tank wrote a long report.", "think"),
    ("The claims commission in Oskel met on Monday.", "claims"),
]

test_found, test_found_with_parser, test_not_a_cue = both_paths_tests(CUES, NOT_CUES)
