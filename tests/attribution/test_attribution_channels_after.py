"""conflict_attribution, a channel after a verb's object (issue 17): the channel phrase, with a time
or a platform after it, is no part of what was said and is the medium ("confirmed the deaths in a
statement on Sunday", "claimed the attack in a statement on its Telegram channel", "denied the report
in a post on X."). A platform is reported by its name ("Telegram", not "Telegram channel"). Written
for these tests; each case runs on the blank pipeline and on a trained parser."""

from __future__ import annotations

import pytest

from attribution_helpers import find, text_of

CASES = [
    ("The ministry confirmed the deaths of nine guards in a statement on Sunday.", "confirmed",
     "the deaths of nine guards", "a statement"),
    ("The army announced the capture of the ridge in a statement on Friday.", "announced",
     "the capture of the ridge", "a statement"),
    ("The militia claimed the ambush in a statement on its Telegram channel.", "claimed", "the ambush", "Telegram"),
    ("The governor wrote on his Telegram channel that the air defences were active.", "wrote",
     "the air defences were active", "Telegram"),
    ("The brigade denied the report in a post on X.", "denied", "the report", "X."),
]


@pytest.mark.parametrize("text,cue,content,medium", CASES)
def test_channel_after_the_object(nlp, parsed, text, cue, content, medium):
    for pipe in (nlp, parsed):
        rec = find(pipe(text), cue)
        assert rec is not None, f"no attribution on {cue!r}"
        assert text_of(rec["content"]) == content
        assert text_of(rec["medium"]) == medium


def test_a_long_clause_keeps_its_time(nlp):
    rec = find(nlp("Troops began arriving in the border town on Wednesday, the mayor said."), "said")
    assert text_of(rec["content"]) == "Troops began arriving in the border town on Wednesday"
