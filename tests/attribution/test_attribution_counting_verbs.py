"""conflict_attribution, monitors' counts and visual evidence (session 10): a verb of counting events
("recorded", "documented": the ``counting`` field of cues.jsonl) reports its object when a figure
opens it, as conflict monitors word their tallies ("ACLED recorded more than 11,000 deaths"); a verb
of showing (``visual``) reports its plain object when its source is a visual record or data
("Satellite images ... appear to show damage"). A recording or a document of something else, a map,
a person showing something, is no report. Our own sentences; each case runs on the blank pipeline
and on a trained parser."""

from __future__ import annotations

from attribution_helpers import C, both_paths_tests, find
from conflictnlp import attribution, sentences  # noqa: F401  (registers the factories)

CUES = [
    C("The monitoring group recorded more than 2,400 deaths in the province last year.", "recorded",
      "The monitoring group", "more than 2,400 deaths in the province last year"),
    C("Between March and May, the UN office documented at least 310 civilians killed.", "documented",
      "the UN office", "at least 310 civilians killed"),
    C("Our field teams recorded 41 attacks in which 12 schools were hit.", "recorded", "Our field teams",
      "41 attacks in which 12 schools were hit"),
    C("Rights monitors documented dozens of cases of forced recruitment.", "documented", "Rights monitors",
      "dozens of cases of forced recruitment"),
    C("Satellite images reviewed by the institute appear to show damage to a radar site.", "appear to show",
      "Satellite images reviewed by the institute", "damage to a radar site"),
    C("Video released by the coast guard appeared to show a patrol boat ramming a supply ship.", "appeared to show",
      "Video released by the coast guard", "a patrol boat ramming a supply ship"),
    C("Shipping data shows at least 14 grain vessels waiting to leave the port.", "shows", "Shipping data",
      "at least 14 grain vessels waiting to leave the port"),
]
NOT_CUES = [
    ("The soldier recorded a video of the attack on his phone.", "recorded"),
    ("The brigade documented its own patrol routes in a notebook.", "documented"),
    ("The map shows the front line near the river.", "shows"),
    ("The colonel showed reporters the wreckage of the drone.", "showed"),
]

test_found, test_found_with_parser, test_not_a_cue = both_paths_tests(CUES, NOT_CUES)


def test_a_monitors_count_is_evidence(nlp):
    found = find(nlp("The monitoring group recorded more than 2,400 deaths in the province last year."), "recorded")
    assert found["cue_type"] == "evidence"
