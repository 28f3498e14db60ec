"""conflict_attribution, where an unquoted reported clause ends (session 10): a relative clause after
a comma is part of what was said unless it judges the claim (", which could not be independently
verified", ", which the army denied"); a noun-or-verb cue form after "and" that modifies the next
word ("national and state law", "and protest groups") does not start a new report. Our own
sentences; each case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

CUES = [
    C("The governor said the convoy was headed to the border crossing, which aid groups had asked to reopen.",
      "said", "The governor", "the convoy was headed to the border crossing, which aid groups had asked to reopen"),
    C("The monitor said the militia recruited boys in the camps, which are run by the interior ministry.",
      "said", "The monitor", "the militia recruited boys in the camps, which are run by the interior ministry"),
    C("The ministry said its forces destroyed 30 drones, which could not be independently verified.",
      "said", "The ministry", "its forces destroyed 30 drones"),
    C("Rebels said they downed a helicopter near Gao, which the army denied.",
      "said", "Rebels", "they downed a helicopter near Gao"),
    C("The rebels claimed they captured 120 soldiers, which an army spokesman described as propaganda.",
      "claimed", "The rebels", "they captured 120 soldiers"),
    C("The commission says the militia violated national and state law by recruiting children.",
      "says", "The commission", "the militia violated national and state law by recruiting children"),
    C("Organisers said students and protest groups would march on the ministry on Friday.",
      "said", "Organisers", "students and protest groups would march on the ministry on Friday"),
    # "and" + a cue form used as a verb still ends the clause: the second report is its own
    C("The army said the town was retaken and reports that 40 fighters surrendered.",
      "said", "The army", "the town was retaken"),
]

test_found, test_found_with_parser, test_not_a_cue = both_paths_tests(CUES, [
    ("The commission says the militia violated national and state law by recruiting children.", "state"),
])
