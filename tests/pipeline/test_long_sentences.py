"""Text without sentence ends (issue 16, finding 6): OCR, transcripts and scraped pages make one
"sentence" of thousands of reporting verbs and figures, with no full stop or in lower case after
each one. Each rule reads at most ``doctools.RULE_WINDOW`` tokens on either side of its cue or
figure, and the passes over a sentence's records look only at those near each one, so the work
grows linearly with the cues. Counted, not timed: the calls of an inner routine that ran once per
pair of cues (or of figure and actor) of the sentence before."""

from __future__ import annotations

import importlib

import pytest

import conflictnlp
from conflictnlp.doctools import RULE_WINDOW, near

# (module, routine, unit of our own writing: repeated, it is one sentence)
CALL_CASES = [
    ("conflictnlp.attribution.content", "withholds", "the ministry said 12 soldiers were killed and "),
    ("conflictnlp.attribution.content", "withholds", "a local commander said 40 fighters and 3 tanks were lost. "),
    ("conflictnlp.attribution.sentence", "gap_is_light", "the army said, citing local police, 6 guards died and "),
    ("conflictnlp.claims", "_cue_distance", "officials said 14 soldiers were wounded and "),
    ("conflictnlp.claims", "_cue_distance", "9 tanks burned, figures cited by the army showed, and "),
    ("conflictnlp.counts.actor", "mention_role", "a French officer said 30 troops were killed and "),
    ("conflictnlp.counts.actor", "mention_role", "Kyiv said 5 militants died and "),
]


@pytest.fixture(scope="module")
def nlp():
    pipeline = conflictnlp.load()
    pipeline.max_length = 10_000_000
    return pipeline


@pytest.mark.parametrize("module,routine,unit", CALL_CASES)
def test_the_work_grows_linearly_with_the_cues_of_one_sentence(nlp, monkeypatch, module, routine, unit):
    target = importlib.import_module(module)
    original = getattr(target, routine)
    calls = [0]

    def counted(*args, **kwargs):
        calls[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(target, routine, counted)
    made = []
    for repeat in (150, 300):
        calls[0] = 0
        doc = nlp(unit * repeat)
        assert len(list(doc.sents)) == 1
        made.append(calls[0])
    assert made[0] > 0
    assert made[1] <= 2.3 * made[0], f"{routine}: {made} calls for 150 and 300 cues (quadratic: x4)"


def test_every_cue_and_figure_of_a_long_sentence_is_read(nlp):
    repeat = 300
    export = conflictnlp.to_dict(nlp("the ministry said 12 soldiers were killed and " * repeat))
    attributions = export["attributions"]
    assert len(attributions) == len(export["counts"]) == len(export["claims"]) == repeat
    assert all(a["source"]["text"] == "the ministry" for a in attributions)
    assert all(a["content"]["text"].startswith("12 soldiers were killed") for a in attributions)
    # A content reaches at most RULE_WINDOW tokens past its cue (8 tokens a unit here).
    assert max(len(a["content"]["text"].split()) for a in attributions) <= RULE_WINDOW
    assert [c["attribution"] for c in export["claims"]] == list(range(repeat))


@pytest.mark.parametrize("lo,hi,s,e,expected", [
    (0, 40, 10, 11, (0, 40)),  # a short sentence: all of it
    (0, 1000, 500, 501, (500 - RULE_WINDOW, 501 + RULE_WINDOW)),
    (100, 1000, 150, 152, (100, 152 + RULE_WINDOW)),
    (0, 1000, 990, 991, (990 - RULE_WINDOW, 1000)),
])
def test_a_rule_reads_its_sentence_or_a_window_around_its_words(lo, hi, s, e, expected):
    assert near(lo, hi, s, e) == expected
