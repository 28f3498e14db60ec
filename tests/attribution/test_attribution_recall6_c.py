"""conflict_attribution recall on real reporting, sixth pass (issue 14), helper c: participles and
gerunds of saying, "as"-parentheticals, an inverted sentence-initial "Said X:". One case per line,
written for these tests: the text, the cue (its first occurrence), the expected source and content
(``None`` means null). ``NOT_CUES`` stay no cue. Each case runs on the blank pipeline and on a
trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

CUES = [
    # A gerund of saying takes the subject of the clause it hangs on, also past an opening phrase,
    # a time phrase, an adverb, an appositive or a relative clause, and with an irregular past.
    C("In August, several aid groups granted the militia an extension on a deadline to leave the camp, saying its "
      "fighters needed more time.", "saying", "several aid groups", "its fighters needed more time"),
    C("On March 3 they published the results of the inquiry by announcing that the strike was legal.", "announcing",
      "they", "the strike was legal"),
    C("He recently appealed to the villagers by telling them that the army would protect them.", "telling", "He",
      "the army would protect them"),
    C("He then defended the remark, saying, \u201cI stand by every word.\u201d", "saying", "He", "I stand by every word"),
    C("During a speech earlier in the day, Novak attacked the minister for his support of the war, saying, \"He is "
      "reckless.\"", "saying", "Novak", "He is reckless"),
    C("Meanwhile, it attacked the militia, saying its fighters had looted the villages.", "saying", "it",
      "its fighters had looted the villages"),
    C("Novak, a former general, then appeared on state television on Tuesday and began by saying he would never "
      "surrender.", "saying", "Novak, a former general", "he would never surrender"),
    C("Two newspapers filed a motion to unseal the court records, arguing the move was needed to inform the public.",
      "arguing", "Two newspapers", "the move was needed to inform the public"),
    C("Regional leaders who have been the strongest opponents of the truce have embraced the plan, warning that the "
      "rebels will regroup.", "warning", "Regional leaders who have been the strongest opponents of the truce",
      "the rebels will regroup"),
    C("A group of doctors in 2019 sent a letter to the minister, calling for his dismissal.", "calling for",
      "A group of doctors", "his dismissal"),
    C("On Thursday, however, Marsh spoke to a gathering of militia leaders, promising to lift the curfew.",
      "promising", "Marsh", "to lift the curfew"),
    C("Stung by the losses, as well as by complaints over the cost, the ministry revised its plan, promising to "
      "recruit more drones.", "promising", "the ministry", "to recruit more drones"),
]

NOT_CUES = [
    # an infinitive after a gerund of promise or threat needs a speaker in its clause
    ("The storm battered the coast, threatening to flood the delta.", "threatening"),
    ("The fighting intensified on Sunday, promising to test the truce.", "promising"),
]


test_cue_found, test_cue_found_with_parser, test_not_a_cue = both_paths_tests(CUES, NOT_CUES)
