"""Calendar dates for attribution times: "on Sunday", "last week", "on 13 October" against the
document's date (``meta["date"]`` of the export, or ``doc.user_data["date"]``).

:func:`resolve_time` gives an ISO date string (``"2024-11-10"``), a range
``{"start": "2024-11-04", "end": "2024-11-10"}``, or None when the words name no date it knows.
The rules follow news usage, all relative to the document date D (weeks run Monday to Sunday):

- a bare weekday ("Sunday", "on Monday night", "earlier on Friday", "this Tuesday") is the most
  recent such day on or before D: D itself when D is that weekday;
- "last <weekday>" is that weekday in the week before D's week;
- "today", "tonight", "this morning" are D; "yesterday", "last night" are D - 1;
  "N days ago", "a week ago" count back from D;
- "this week", "earlier this week" run from the Monday of D's week to D; "this month",
  "earlier this month" from the 1st to D; "this year", "earlier this year" from 1 January to D;
- "last week", "last month", "last year" are the whole previous week, month or year;
  "the weekend", "this weekend" the most recent Saturday-Sunday up to D, "last weekend" the
  Saturday-Sunday of the week before D's week;
- a day and month without a year ("13 October", "Oct. 13", "on 13th October") is the most recent
  such date on or before D (a date later in D's year is in the previous year); a month alone
  ("in March", "last March") is that month of the most recent such month not after D's month;
  a year alone ("in 2023") is that year;
- a full date ("on 2 February 2023", "October 13, 2024", "2024-10-13") is that date;
- "early", "mid" and "late" narrow a month to its days 1-10, 11-20 and 21 to its end ("late last
  month"); on a day or week they change nothing;
- a range never ends after D (it ends at D; a range that starts after D is null); a range of one
  day is that day's string.

Standard library only.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta
from typing import Any, Dict, List, Optional, Tuple, Union

Resolved = Union[str, Dict[str, str], None]
Range = Tuple[date, date]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NUMBERS = {
    **{name: i for i, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september",
         "october", "november", "december"), start=1)},
    **{name: i for i, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)},
    "sept": 9,
}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10}
DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "overnight"})
# Words before the date itself that do not move it: "on Sunday", "in March", "earlier on Friday".
LEADING = frozenset({"on", "in", "at", "during", "over", "the", "earlier", "later"})
NARROWING = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}  # days of a month
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_ISO_IN_TEXT = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)?|[a-z]+")


class DateWarning(UserWarning):
    """A document date that is not a date: its attribution dates are left null."""


# ----------------------------------------------------------------------------- the document date

def parse_document_date(value: Any) -> Optional[date]:
    """The calendar date of ``value``: a ``date``/``datetime`` or an ISO string ("2024-11-10",
    "2024-11-10T08:30:00Z": the date as written); None for anything else."""
    if is_missing(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _ISO.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def document_date(value: Any, where: Optional[str] = None) -> Optional[date]:
    """:func:`parse_document_date`; when ``value`` is given but is no date, one :class:`DateWarning`
    naming the document (``where``) and None. No date (None, "", a missing value of pandas) is None
    without a warning."""
    if is_missing(value):
        return None
    parsed = parse_document_date(value)
    if parsed is None:
        name = f"{where}: " if where else ""
        warnings.warn(f"{name}meta date {str(value)[:40]!r} is not an ISO date (YYYY-MM-DD); "
                      "attribution dates are null", DateWarning, stacklevel=3)
    return parsed


def is_missing(value: Any) -> bool:
    """None, a blank string, NaN or NaT: a document without a date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    try:
        return bool(value != value)  # NaN and NaT differ from themselves
    except (TypeError, ValueError):  # an array or another value without a plain comparison
        return False


def meta_where(meta: Dict[str, Any]) -> Optional[str]:
    """The name of a document from its meta, for a warning: "path, line N", the id or None."""
    where = meta.get("path") or meta.get("id")
    if where is not None and meta.get("line") is not None:
        return f"{where}, line {meta['line']}"
    return None if where is None else str(where)


def with_dates(attributions: List[Dict[str, Any]], anchor: Optional[date]) -> List[Dict[str, Any]]:
    """``attributions`` (new dicts) with ``date`` resolved from their ``time`` against ``anchor``."""
    return [dict(item, date=time_date(item.get("time"), anchor)) for item in attributions]


def time_date(time: Any, anchor: Optional[date]) -> Resolved:
    """The ``date`` field of an attribution whose ``time`` span is ``time`` (a span dict or None)."""
    if anchor is None or not isinstance(time, dict) or not isinstance(time.get("text"), str):
        return None
    return resolve_time(time["text"], anchor)


def date_problem(value: Any) -> Optional[str]:
    """Why ``value`` is no ``date`` field of an Attribution (None, "YYYY-MM-DD", or
    ``{"start", "end"}`` of such strings, start not after end), or None when it is one."""
    if value is None or (isinstance(value, str) and _is_iso_day(value)):
        return None
    if isinstance(value, dict) and set(value) == {"start", "end"} and all(
            isinstance(v, str) and _is_iso_day(v) for v in value.values()):
        return None if value["start"] <= value["end"] else "start is after end"
    return 'must be null, "YYYY-MM-DD" or {"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}'


def date_text(value: Any) -> Optional[str]:
    """An Attribution's ``date`` as one string for flat rows (CSV, tables): "2024-11-10", a range as
    the ISO interval "2024-11-04/2024-11-10"; None for none."""
    if isinstance(value, dict):
        return f"{value.get('start')}/{value.get('end')}"
    return value if isinstance(value, str) else None


def _is_iso_day(text: str) -> bool:
    return _ISO_IN_TEXT.fullmatch(text) is not None and parse_document_date(text) is not None


# ----------------------------------------------------------------------------- time words

def resolve_time(text: str, anchor: date) -> Resolved:
    """The date or range that ``text`` ("last Thursday", "on 13 October") names, written on
    ``anchor``; None when it names none that the rules know."""
    try:
        return _resolve(text, anchor)
    except (OverflowError, ValueError):  # before 1 January 1 or after 9999
        return None


def _resolve(text: str, anchor: date) -> Resolved:
    iso = _ISO_IN_TEXT.search(text)
    if iso is not None:  # "2024-10-13", "on 2024-10-13": that day, whatever the anchor
        day = parse_document_date(iso.group(0))
        rest = _tokens(text[:iso.start()] + " " + text[iso.end():])
        return day.isoformat() if day is not None and all(w in LEADING for w in rest) else None
    tokens = _tokens(text)
    narrow = None
    while tokens and (tokens[0] in LEADING or tokens[0] in NARROWING):
        narrow = tokens[0] if tokens[0] in NARROWING else narrow
        tokens = tokens[1:]
    found = _relative(tokens, anchor) or _weekday(tokens, anchor) or _calendar(tokens, anchor)
    if found is None:
        return None
    start, end = found
    if narrow is not None and _is_month(start, end):
        low, high = NARROWING[narrow]
        start, end = start.replace(day=low), min(end, start.replace(day=min(high, end.day)))
    if start == end:
        return start.isoformat()  # a full date after the anchor stays as written
    return None if start > anchor else _written(start, min(end, anchor))


def _tokens(text: str) -> List[str]:
    """Lowercase words and numbers, ordinals without their suffix ("13th" -> "13"); a day part at
    the end is dropped unless it is all there is after "last"/"this" ("last night")."""
    words = [w.rstrip("stndrh") if w[0].isdigit() else w for w in _TOKEN.findall(text.lower().replace("mid-", "mid "))]
    if len(words) == 2 and words[1] in DAY_PARTS and words[0] in ("last", "this"):
        return ["yesterday"] if words[0] == "last" else ["today"]
    while len(words) > 1 and words[-1] in DAY_PARTS:
        words = words[:-1]
    return ["today"] if words == ["tonight"] else words


def _relative(tokens: List[str], anchor: date) -> Optional[Range]:
    """today, yesterday, N days ago, this/last week, month, year, weekend."""
    phrase = " ".join(tokens)
    if phrase in ("today", "yesterday", "the day before yesterday", "day before yesterday"):
        back = {"today": 0, "yesterday": 1}.get(phrase, 2)
        return anchor - timedelta(back), anchor - timedelta(back)
    if len(tokens) == 3 and tokens[2] == "ago" and tokens[1] in ("day", "days", "week", "weeks"):
        count = int(tokens[0]) if tokens[0].isdigit() else NUMBER_WORDS.get(tokens[0])
        if count is None:
            return None
        day = anchor - timedelta(count * (7 if tokens[1].startswith("week") else 1))
        return day, day
    if len(tokens) == 2 and tokens[0] in ("this", "last") and tokens[1] in ("week", "month", "year", "weekend"):
        return _period(tokens[1], anchor, tokens[0] != "this")
    if tokens == ["weekend"]:
        return _period("weekend", anchor, False)
    return None


def _period(unit: str, anchor: date, previous: bool) -> Range:
    """The week (Monday-Sunday), month, year or weekend of ``anchor``, or the one before it."""
    if unit == "week":
        monday = anchor - timedelta(anchor.weekday() + (7 if previous else 0))
        return monday, monday + timedelta(6)
    if unit == "weekend":
        sunday = anchor + timedelta(6 - anchor.weekday())  # the Sunday of anchor's week
        if anchor.weekday() < 5 or previous:
            sunday -= timedelta(7)
        return sunday - timedelta(1), sunday
    if unit == "month":
        first = anchor.replace(day=1)
        if previous:
            first = (first - timedelta(1)).replace(day=1)
        return first, _month_end(first.year, first.month)
    year = anchor.year - (1 if previous else 0)
    return date(year, 1, 1), date(year, 12, 31)


def _weekday(tokens: List[str], anchor: date) -> Optional[Range]:
    """Sunday, this Sunday (the most recent on or before the anchor), last Sunday (previous week)."""
    previous = len(tokens) == 2 and tokens[0] == "last"
    if len(tokens) == 2 and tokens[0] in ("last", "this"):
        tokens = tokens[1:]
    if len(tokens) != 1 or tokens[0] not in WEEKDAYS:
        return None
    wanted = WEEKDAYS.index(tokens[0])
    if previous:
        day = anchor - timedelta(anchor.weekday() + 7 - wanted)
    else:
        day = anchor - timedelta((anchor.weekday() - wanted) % 7)
    return day, day


def _calendar(tokens: List[str], anchor: date) -> Optional[Range]:
    """13 October [2024], October 13[, 2024], [last] March [2023], 2023."""
    if tokens[:1] == ["last"] and len(tokens) == 2 and tokens[1] in MONTH_NUMBERS:
        tokens = tokens[1:]  # "last March": the most recent March, as "in March"
    year = None
    if len(tokens) > 1 and tokens[-1].isdigit() and len(tokens[-1]) == 4:
        year, tokens = int(tokens[-1]), tokens[:-1]
    if not tokens and year is not None:
        return date(year, 1, 1), date(year, 12, 31)
    months = [t for t in tokens if t in MONTH_NUMBERS]
    days = [t for t in tokens if t.isdigit() and len(t) <= 2]
    if len(months) != 1 or len(days) + len(months) != len(tokens) or len(days) > 1:
        return _year_only(tokens, year)
    month = MONTH_NUMBERS[months[0]]
    if not days:
        if year is None:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        return date(year, month, 1), _month_end(year, month)
    try:
        day = date(year or anchor.year, month, int(days[0]))
        if year is None and day > anchor:
            day = date(anchor.year - 1, month, int(days[0]))
    except ValueError:  # 31 June, 29 February of a common year
        return None
    return day, day


def _year_only(tokens: List[str], year: Optional[int]) -> Optional[Range]:
    if year is None and len(tokens) == 1 and tokens[0].isdigit() and len(tokens[0]) == 4:
        year = int(tokens[0])
        return date(year, 1, 1), date(year, 12, 31)
    return None


def _month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(1)


def _is_month(start: date, end: date) -> bool:
    return start.day == 1 and start.month == end.month and start.year == end.year and end.day > 20


def _written(start: date, end: date) -> Resolved:
    if start == end:
        return start.isoformat()
    return {"start": start.isoformat(), "end": end.isoformat()}
