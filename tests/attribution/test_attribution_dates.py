"""Attribution dates: the ``time`` of an attribution resolved against the document date
(conflictnlp.attribution.dates; rules in docs/attribution.md, "Dates")."""

import json
import subprocess
import sys
import warnings
from datetime import date, datetime

import pytest

from conflictnlp.attribution.dates import DateWarning, date_problem, document_date, parse_document_date, resolve_time, with_dates

WED = "2024-11-13"  # a Wednesday
SUN = "2024-11-17"  # a Sunday
MON = "2024-11-11"  # a Monday


def week(start, end):
    return {"start": start, "end": end}


# (time as written, document date, expected date or range; None: not resolved)
CASES = [
    ("on Sunday", WED, "2024-11-10"),
    ("Sunday", SUN, SUN),  # the document's own weekday is that day
    ("on Monday", MON, MON),
    ("Tuesday", WED, "2024-11-12"),
    ("on Thursday", WED, "2024-11-07"),
    ("on Monday night", WED, MON),
    ("earlier on Friday", WED, "2024-11-08"),
    ("late on Saturday evening", WED, "2024-11-09"),
    ("this Tuesday", WED, "2024-11-12"),
    ("last Thursday", WED, "2024-11-07"),  # the Thursday of the previous week
    ("last Monday", WED, "2024-11-04"),
    ("last Saturday", SUN, "2024-11-09"),
    ("last Sunday", MON, "2024-11-10"),
    ("today", WED, WED),
    ("tonight", WED, WED),
    ("this morning", WED, WED),
    ("yesterday", WED, "2024-11-12"),
    ("yesterday afternoon", "2024-03-01", "2024-02-29"),
    ("last night", "2025-01-01", "2024-12-31"),
    ("the day before yesterday", WED, "2024-11-11"),
    ("two days ago", WED, "2024-11-11"),
    ("a week ago", WED, "2024-11-06"),
    ("this week", WED, week(MON, WED)),
    ("earlier this week", WED, week(MON, WED)),
    ("this week", MON, MON),  # a range of one day is that day
    ("last week", WED, week("2024-11-04", "2024-11-10")),
    ("last week", SUN, week("2024-11-04", "2024-11-10")),
    ("over the weekend", WED, week("2024-11-09", "2024-11-10")),
    ("at the weekend", SUN, week("2024-11-16", SUN)),
    ("this weekend", "2024-11-16", "2024-11-16"),
    ("last weekend", SUN, week("2024-11-09", "2024-11-10")),
    ("earlier this month", WED, week("2024-11-01", WED)),
    ("this month", WED, week("2024-11-01", WED)),
    ("last month", WED, week("2024-10-01", "2024-10-31")),
    ("last month", "2024-03-30", week("2024-02-01", "2024-02-29")),
    ("last month", "2025-01-05", week("2024-12-01", "2024-12-31")),
    ("late last month", WED, week("2024-10-21", "2024-10-31")),
    ("early last month", WED, week("2024-10-01", "2024-10-10")),
    ("in mid-October", WED, week("2024-10-11", "2024-10-20")),
    ("earlier this year", WED, week("2024-01-01", WED)),
    ("last year", WED, week("2023-01-01", "2023-12-31")),
    ("on 13 October", WED, "2024-10-13"),
    ("on 13 December", WED, "2023-12-13"),  # later in the document's year: the year before
    ("on 13 November", WED, "2024-11-13"),
    ("on 14 November", WED, "2023-11-14"),
    ("on October 13", WED, "2024-10-13"),
    ("on Oct. 13", WED, "2024-10-13"),
    ("on Sept. 3", WED, "2024-09-03"),
    ("on 3rd September", WED, "2024-09-03"),
    ("on 13 Oct 2022", WED, "2022-10-13"),
    ("on October 13, 2022", WED, "2022-10-13"),
    ("on 2 February 2023", WED, "2023-02-02"),
    ("2024-10-13", WED, "2024-10-13"),
    ("on 2023-05-07", WED, "2023-05-07"),
    ("on 29 February", "2025-06-01", None),  # 2025 has no 29 February
    ("on 31 June", WED, None),
    ("in March", WED, week("2024-03-01", "2024-03-31")),
    ("in December", WED, week("2023-12-01", "2023-12-31")),
    ("in November", WED, week("2024-11-01", WED)),
    ("last March", WED, week("2024-03-01", "2024-03-31")),
    ("in March 2022", WED, week("2022-03-01", "2022-03-31")),
    ("in 2023", WED, week("2023-01-01", "2023-12-31")),
    ("late this month", "2024-11-05", None),  # starts after the document date
    ("next week", WED, None),
    ("tomorrow", WED, None),
    ("on the frontline", WED, None),
    ("since Monday", WED, None),
    ("", WED, None),
    ("yesterday", "0001-01-01", None),  # no day before the first
    ("in December", "9999-12-31", None),
    ("on 13 October", "0001-03-01", None),
]


@pytest.mark.parametrize("text,anchor,expected", CASES)
def test_resolve_time(text, anchor, expected):
    assert resolve_time(text, date.fromisoformat(anchor)) == expected


# (meta date as given, the document date; None: no date)
DOCUMENT_DATES = [
    ("2024-11-13", date(2024, 11, 13)),
    ("2024-11-13T23:10:00+05:00", date(2024, 11, 13)),  # the date as written, not moved to UTC
    ("2024-11-13 08:00:00", date(2024, 11, 13)),
    (date(2024, 11, 13), date(2024, 11, 13)),
    (datetime(2024, 11, 13, 8, 30), date(2024, 11, 13)),
    ("13/11/2024", None),
    ("2024-13-45", None),
    ("yesterday", None),
    (20241113, None),
    ({"day": 13}, None),
    ("", None),
    (float("nan"), None),
]


@pytest.mark.parametrize("value,expected", DOCUMENT_DATES)
def test_parse_document_date(value, expected):
    assert parse_document_date(value) == expected


# (an Attribution's date field, whether it has the contract's shape)
DATE_FIELDS = [
    (None, True),
    ("2024-11-10", True),
    ({"start": "2024-11-04", "end": "2024-11-10"}, True),
    ({"start": "2024-11-10", "end": "2024-11-10"}, True),
    ("2024-02-30", False),
    ("10 November 2024", False),
    ("2024-11-10T09:00", False),
    ({"start": "2024-11-10", "end": "2024-11-04"}, False),
    ({"start": "2024-11-04"}, False),
    ({"start": "2024-11-04", "end": None}, False),
    (20241110, False),
]


@pytest.mark.parametrize("value,ok", DATE_FIELDS)
def test_date_problem(value, ok):
    assert (date_problem(value) is None) == ok


def test_bad_document_date_warns_once_and_dates_are_null():
    with pytest.warns(DateWarning, match=r"^report\.jsonl, line 4: meta date '2024-13-45'") as caught:
        anchor = document_date("2024-13-45", "report.jsonl, line 4")
    assert anchor is None and len(caught) == 1 and "\n" not in str(caught[0].message)
    items = [{"time": {"start": 0, "end": 9, "text": "on Sunday"}}, {"time": None}]
    assert [a["date"] for a in with_dates(items, anchor)] == [None, None]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for missing in (None, "", "  ", float("nan")):  # no date given: no warning
            assert document_date(missing) is None


def test_to_dict_resolves_dates_from_meta(nlp):
    import conflictnlp

    doc = nlp("The ministry said on Sunday that 300 soldiers were killed. Kyiv said it had lost 12 tanks.")
    dated = conflictnlp.to_dict(doc, {"date": "2024-11-13"})["attributions"]
    assert [(a["time"] or {}).get("text") for a in dated] == ["on Sunday", None]
    assert [a["date"] for a in dated] == ["2024-11-10", None]
    assert [a["date"] for a in conflictnlp.to_dict(doc)["attributions"]] == [None, None]
    with pytest.warns(DateWarning):
        bad = conflictnlp.to_dict(doc, {"date": "soon", "path": "x.txt"})["attributions"]
    assert [a["date"] for a in bad] == [None, None]


def test_doc_user_data_date(nlp):
    import conflictnlp

    doc = nlp.make_doc("Officials said last week that 40 drones were shot down.")
    doc.user_data["date"] = "2024-11-13"
    doc = nlp(doc)
    assert doc._.conflict_attributions[0]["date"] == {"start": "2024-11-04", "end": "2024-11-10"}
    assert conflictnlp.to_dict(doc)["attributions"][0]["date"] == {"start": "2024-11-04", "end": "2024-11-10"}
    # the export's meta date wins over the Doc's own
    assert conflictnlp.to_dict(doc, {"date": "2024-11-20"})["attributions"][0]["date"] == {
        "start": "2024-11-11", "end": "2024-11-17"}


def test_cli_extract_gives_dates(tmp_path):
    lines = [
        {"text": "The governor said on Monday that 25 civilians were wounded.", "meta": {"date": "2024-11-13"}},
        {"text": "The army said yesterday that 60 fighters were captured.", "meta": {"date": "13.11.2024"}},
        {"text": "Rescuers said last month that 80 people were missing.", "meta": {"date": "2025-01-05"}},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf8")
    done = subprocess.run([sys.executable, "-m", "conflictnlp", "extract", str(source)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    exports = [json.loads(line) for line in done.stdout.splitlines()]
    assert [[a["date"] for a in e["attributions"]] for e in exports] == [
        ["2024-11-11"], [None], [{"start": "2024-12-01", "end": "2024-12-31"}]]
    warned = [line for line in done.stderr.splitlines() if "13.11.2024" in line]
    assert len(warned) == 1 and warned[0].startswith("conflictnlp: warning: ") and "in.jsonl, line 2" in warned[0]


def test_flat_rows_carry_the_date(nlp):
    import conflictnlp
    from conflictnlp.export import CSV_COLUMNS, count_rows
    from conflictnlp.views.compare import CLAIM_FIELDS, claim_rows

    nlp_counts = conflictnlp.load()
    text = "The ministry said last week that 300 soldiers were killed. The governor said on Sunday that 12 tanks were lost."
    export = conflictnlp.to_dict(nlp_counts(text), {"date": "2024-11-13"})
    assert "date" in CSV_COLUMNS and "date" in CLAIM_FIELDS
    assert [row["date"] for row in count_rows(export)] == ["2024-11-04/2024-11-10", "2024-11-10"]
    assert [row["date"] for row in claim_rows([export])] == ["2024-11-04/2024-11-10", "2024-11-10"]


def test_pandas_dates():
    pd = pytest.importorskip("pandas")
    assert parse_document_date(pd.Timestamp("2024-11-13 23:00", tz="UTC")) == date(2024, 11, 13)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert document_date(pd.NaT) is None  # a missing date in a DataFrame: no warning
