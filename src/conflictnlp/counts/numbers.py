"""Pure number parsing for war reporting: digits, separators, decimals, number words, multipliers.

Nothing here knows about spaCy. The functions work on strings, or on lists of token
texts (as a tokenizer splits them), so they can be tested and reused anywhere.

>>> parse_numeral("11,000")
11000
>>> parse_numeral("1.2mn")
1200000
>>> words_to_number("eleven thousand")
11000
>>> words_to_number("two dozen")
24
>>> words_to_number("a quarter of a million")
250000
>>> parse_numeral("11.000")
11000
>>> number_to_words(50000)
'fifty thousand'
"""

from __future__ import annotations

import math
import re
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

Number = Union[int, float]

UNITS: Dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: Dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Words and abbreviations that multiply what precedes them ("two dozen", "a score", "1.2 million").
SCALES: Dict[str, int] = {
    "dozen": 12, "score": 20, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
}
# Suffixes glued to digits: "12k", "1.2mn", "5bn", "3m".
SUFFIXES: Dict[str, int] = {
    "k": 1_000, "K": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "M": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "B": 1_000_000_000,
}
# The small multipliers: they multiply a number below a hundred ("two dozen", "three score").
SMALL_SCALES = frozenset({"dozen", "score"})
# Fractions of a multiplier: "half a million", "a quarter of a million", "three-quarters of a million".
FRACTIONS: Dict[str, float] = {"half": 0.5, "quarter": 0.25, "quarters": 0.25}
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | {"half"}

# Characters that do not count inside a word or a number: the soft hyphen, the zero-width space,
# non-joiner and joiner, the word joiner and the byte-order mark ("3\u00ad000", "sol\u00addiers").
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
# Spaces that join digit groups, or a figure and its noun, without a break: no-break, narrow
# no-break and thin space ("11\u00a0000", "300\u00a0troops"). The tokenizer makes each a token.
GROUP_SPACES = frozenset({"\u00a0", "\u202f", "\u2009"})
# Thousands separators a token may hold besides the comma: "11'000", "11’000" (Swiss).
GROUP_MARKS = ("'", "’")
# Dashes that join the two figures of a range written as one token ("300–500", "10—12").
DASHES = ("–", "—")

_DIGITS = re.compile(
    r"^(?P<num>\d{1,3}(?P<sep>[,'’])\d{3}(?:(?P=sep)\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<suffix>k|K|m|mn|mln|M|bn|b|B)?$"
)
# "11.000", "2.500", "1.200.000": dots between groups of three digits are thousands separators
# (a decimal has no such reading: "1.5", "0.500", "12.50").
_DOT_GROUPS = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+$")
_GROUP = re.compile(r"^\d{3}$")
_HEAD_GROUP = re.compile(r"^\d{1,3}$")


# No count in war reporting comes near this; a longer run of digits is a code, a hash or an attack
# on the parser ("9" * 400 is infinity as a float), and is not read as a number.
MAX_FIGURE = 10**15


def _in_range(value: Number) -> bool:
    # An int is compared as it is: math.isfinite would convert it to a float, which a huge one overflows.
    return abs(value) <= MAX_FIGURE if isinstance(value, int) else math.isfinite(value) and abs(value) <= MAX_FIGURE


def _clean(value: float) -> Number:
    """An int when the float is whole (1.2 * 1_000_000 -> 1200000), else the float."""
    if not math.isfinite(value):
        return value
    rounded = round(value)
    return int(rounded) if abs(value - rounded) < 1e-6 else value


def parse_numeral(text: str) -> Optional[Number]:
    """The value of one written numeral, or None.

    Digits with comma separators and decimals ("11,000", "1.5"), Swiss separators ("11'000",
    "11’000"), dots between groups of three digits ("11.000", "2.500": thousands), glued
    multipliers ("12k", "1.2mn", "5bn") and single number words ("eleven", "twenty"); soft
    hyphens and zero-width characters do not count ("3\u00ad000"). Ordinals ("47th"), years
    with a suffix ("1950s"), models ("T-72") and anything else give None.
    """
    if "." in text and _DOT_GROUPS.match(text):
        value = int(text.replace(".", ""))
        return value if _in_range(value) else None
    match = _DIGITS.match(text)
    if match:
        num, sep = match.group("num", "sep")
        value = float(num.replace(sep, "") if sep else num)
        suffix = match.group("suffix")
        if suffix:
            value *= SUFFIXES[suffix]
        return _clean(value) if _in_range(value) else None
    lower = text.lower()
    if lower in UNITS:
        return UNITS[lower]
    if lower in TENS:
        return TENS[lower]
    if INVISIBLE_RE.search(text):
        return parse_numeral(INVISIBLE_RE.sub("", text))
    return None


class ParsedNumber(NamedTuple):
    value: Number  # the number's value
    length: int  # how many tokens it spans
    scale: int  # the last multiplier applied (1 if none): "10-12 thousand" lends it to 10


def parse_number_tokens(
    tokens: Sequence[str], spaces: Optional[Sequence[bool]] = None
) -> Optional[ParsedNumber]:
    """Parse the number that starts at ``tokens[0]`` (token texts, as split by a tokenizer).

    Reads as far as the number goes: "eleven thousand", "a thousand", "two dozen", "a score",
    "twenty - five", "forty-thousand", "three hundred and fifty", "1.2 million", "half a
    million", "a quarter of a million", "three-quarters of a million", "two and a half
    thousand", "three point five million", "11 000" (digit groups split by a space;
    ``spaces[i]`` says whether token i is followed by whitespace, and a token that is a
    no-break or thin space counts as a space: "11\u00a0000"). Soft hyphens and zero-width
    characters do not count. Returns None when no number starts there.
    """
    n = len(tokens)
    if n == 0:
        return None
    joined = "".join(tokens)
    if not joined.isascii() and INVISIBLE_RE.search(joined):
        tokens = [INVISIBLE_RE.sub("", t) for t in tokens]
    lowers = [t.lower() for t in tokens]
    reading = _Reading()
    i = _read_opening(lowers, reading)
    while i < n:
        step = _read_token(tokens, lowers, spaces, i, reading)
        if not step:
            break
        i += step
    if not reading.have:
        return None
    while lowers[i - 1] in GROUP_SPACES:
        i -= 1  # the space after the number ("300\u00a0troops") is not part of it
    value = reading.total + reading.current
    return ParsedNumber(_clean(value), i, reading.scale) if _in_range(value) else None


class _Reading:
    """The parse so far of one number (local to one :func:`parse_number_tokens` call)."""

    __slots__ = ("total", "current", "have", "last", "scale", "group_seen", "place")

    def __init__(self) -> None:
        self.total = 0.0  # what the scales passed have added up: "two million" in "two million three"
        self.current = 0.0  # the part below the last scale
        self.have = False  # a number has been read
        # kind of the last part: "digit", "unit", "tens", "hundred", "dozen", "scale", "fraction"
        # ("and a half"), "point", "decimal" (a digit word after "point")
        self.last = ""
        self.scale = 1  # the last multiplier applied
        self.group_seen = False  # "11 000" joins one digit group, not more
        self.place = 0.1  # the value of the next digit word after "point"


def _read_opening(lowers: List[str], reading: _Reading) -> int:
    """ "a thousand", "a dozen", "half a million", "a quarter of a million": where the number's
    words go on after the opening (at the multiplier)."""
    n = len(lowers)
    if lowers[0] in ("a", "an") and n > 1 and lowers[1] in SCALES:
        reading.current, reading.have, reading.last = 1.0, True, "unit"
        return 1
    fraction = _fraction_opening(lowers)
    if fraction is not None:
        reading.current, reading.have, reading.last = fraction[0], True, "unit"
        return fraction[1]
    return 0


def _fraction_opening(lowers: List[str]) -> Optional[Tuple[float, int]]:
    """A fraction of the multiplier after it, and where the multiplier is: "half a", "a half",
    "a quarter of a", "a quarter-", "three-quarters of a", "three quarters of a"; None unless a
    multiplier follows. A plural fraction needs a count above one ("three-quarters")."""
    n, first = len(lowers), lowers[0]
    count, j = 1, 0
    if first in ("a", "an", "one"):
        j = 1
    elif UNITS.get(first, 0) > 1:
        count, j = UNITS[first], 1
        if j < n and lowers[j] == "-":
            j += 1
    if j >= n or lowers[j] not in FRACTIONS or (count > 1) != lowers[j].endswith("s"):
        return None
    part = FRACTIONS[lowers[j]]
    j += 1
    if j < n and lowers[j] in ("-", "of"):
        j += 1
    if j < n and lowers[j] in ("a", "an"):
        j += 1
    if j < n and lowers[j] in SCALES:
        return count * part, j
    return None


def _read_token(
    tokens: Sequence[str], lowers: List[str], spaces: Optional[Sequence[bool]], i: int, reading: _Reading
) -> int:
    """Add token ``i`` (and the words it opens) to the number: how many tokens it took, 0 when
    the number ends before it."""
    word = lowers[i]
    if word[:1].isdigit() or word[:1] == ".":
        numeral = parse_numeral(tokens[i])
        if numeral is None:
            return 0
        if i + 1 < len(lowers) and lowers[i + 1] in SCALES and word.count(".") == 1 and _DOT_GROUPS.match(word):
            numeral = float(word)  # "1.500 million": a decimal before a multiplier, not "1,500 million"
        return int(_read_numeral(tokens, spaces, i, numeral, reading))
    if word in SCALES:
        return int(_read_scale(word, reading))
    if word in UNITS:
        return int(_read_unit(UNITS[word], reading))
    if word in TENS:
        if reading.last in ("", "hundred", "scale") and not (reading.last == "" and reading.have):
            reading.current += TENS[word]
            reading.have, reading.last = True, "tens"
            return 1
        return 0
    if word in ("and", "-", "point"):
        return _read_joint(lowers, spaces, i, reading)
    if word in GROUP_SPACES:
        return int(reading.have and lowers[i - 1] not in GROUP_SPACES)  # "11\u00a0000"
    return 0


def _read_joint(lowers: List[str], spaces: Optional[Sequence[bool]], i: int, reading: _Reading) -> int:
    """A word that joins two parts of a number, taken only when the part after it follows:
    "three hundred and fifty", "two and a half thousand", "twenty-five", "forty-thousand",
    "three point five million". How many tokens it took (0: the number ends before it)."""
    word, last, n = lowers[i], reading.last, len(lowers)
    nxt = lowers[i + 1] if i + 1 < n else ""
    if word == "and":
        if last in ("hundred", "scale") and (nxt in UNITS or nxt in TENS):
            return 1  # "three hundred and fifty"
        if last in ("unit", "tens", "digit") and nxt in ("a", "an") and i + 3 < n and (
            lowers[i + 2] in ("half", "quarter") and lowers[i + 3] in SCALES
        ):
            reading.current += FRACTIONS[lowers[i + 2]]  # "two and a half thousand"
            reading.last = "fraction"
            return 3
        return 0
    if word == "-":
        joins = (last == "tens" and 0 < UNITS.get(nxt, 0) < 10) or (
            last in ("unit", "tens", "digit") and nxt in SCALES
        )  # "twenty-five", "forty-thousand"
        return int(joins and not (spaces is not None and (spaces[i - 1] or spaces[i])))
    if last in ("unit", "tens") and not reading.total and reading.current < 100 and UNITS.get(nxt, 10) < 10:
        reading.last, reading.place = "point", 0.1  # "three point five million"
        return 1
    return 0


def _read_scale(word: str, reading: _Reading) -> bool:
    """A multiplier: "hundred", "dozen", "score", "thousand", "million", "bn"."""
    if not reading.have:
        return False
    factor = SCALES[word]
    if factor == 100 and word == "hundred":
        if reading.last in ("hundred", "scale") and reading.current == 0:
            return False
        reading.current = (reading.current or 1) * 100
        reading.last, reading.scale = "hundred", 100
    elif word in SMALL_SCALES:
        if reading.last in ("hundred", "scale", "dozen"):
            return False
        reading.current = (reading.current or 1) * factor
        reading.last, reading.scale = "dozen", factor
    else:
        if reading.last == "scale" and reading.current == 0:
            return False
        # Scales must decrease: "two million three hundred thousand".
        if reading.total and factor >= _largest_scale(reading.total):
            return False
        reading.total += (reading.current or 1) * factor
        reading.current = 0.0
        reading.last, reading.scale = "scale", factor
    return True


def _read_unit(value: int, reading: _Reading) -> bool:
    """A number word below twenty: "five", "twenty-five", "three hundred and fifty", the digits
    after "point" ("three point five")."""
    if reading.last in ("point", "decimal"):
        if value > 9:
            return False
        reading.current += value * reading.place
        reading.place /= 10
        reading.last = "decimal"
        return True
    if reading.last == "tens" and 0 < value < 10 and reading.current % 100 != 0:
        reading.current += value
    elif reading.last in ("", "hundred", "scale"):
        if reading.last == "" and reading.have:
            return False
        reading.current += value
    else:
        return False
    reading.have, reading.last = True, "unit"
    return True


def _read_numeral(
    tokens: Sequence[str], spaces: Optional[Sequence[bool]], i: int, numeral: Number, reading: _Reading
) -> bool:
    """Digits: the number's first figure, or "11 000": a digit group continuing the previous
    digits after a space (one group: "11 000 000" may be two figures) or after a no-break or
    thin space token (any number of groups: "5\u00a0000\u00a0000")."""
    if not reading.have:
        reading.current = float(numeral)
        reading.have, reading.last = True, "digit"
        reading.group_seen = False
        return True
    marked = tokens[i - 1] in GROUP_SPACES  # "5\u00a0000\u00a0000": as many groups as there are
    head = i - 2 if marked else i - 1
    if (
        reading.last == "digit"
        and (marked or (spaces is not None and spaces[i - 1] and not reading.group_seen))
        and reading.total == 0
        and _HEAD_GROUP.match(tokens[head])
        and _GROUP.match(tokens[i])
    ):
        reading.current = reading.current * 1000 + numeral
        reading.group_seen = True
        return True
    return False


def _largest_scale(total: float) -> int:
    for factor in (1_000_000_000, 1_000_000, 1_000):
        if total >= factor:
            return factor
    return 1


def lend_scale(first: Number, second: ParsedNumber, ends_with_scale: bool) -> Number:
    """The first figure of a range whose second figure ends with a multiplier: "10-12 thousand",
    "between five and seven thousand" (the multiplier covers both: 10 -> 10,000) when the first
    is below it; else ``first`` as it is ("3,000 to 5 thousand")."""
    scale = second.scale
    if scale > 1 and ends_with_scale and first < second.value / scale + 1 and first * scale <= second.value:
        return _clean(first * scale)
    return first


class ParsedRange(NamedTuple):
    low: Number  # the first figure
    high: Number  # the second figure
    length: int  # how many tokens it spans


def parse_range_tokens(tokens: Sequence[str], spaces: Optional[Sequence[bool]] = None) -> Optional[ParsedRange]:
    """A range written as one token with an en or em dash, and the multiplier after it:
    "300–500", "3,000—5,000", "10–12 thousand" (10,000 to 12,000), "1.5–2 million". None
    when ``tokens[0]`` is no such range or the first figure is not below the second."""
    if not tokens:
        return None
    text = INVISIBLE_RE.sub("", tokens[0]) if INVISIBLE_RE.search(tokens[0]) else tokens[0]
    dash = next((d for d in DASHES if d in text), None)
    if dash is None:
        return None
    left, _, right = text.partition(dash)
    first = parse_numeral(left) if left[:1].isdigit() else None
    if first is None or not right[:1].isdigit():
        return None
    rest_spaces = None if spaces is None else list(spaces)
    second = parse_number_tokens([right, *tokens[1:]], rest_spaces)
    if second is None:
        return None
    first = lend_scale(first, second, second.length > 1 and tokens[second.length - 1].lower() in SCALES)
    if not first < second.value:
        return None
    return ParsedRange(first, second.value, second.length)


_TOKEN_SPLIT = re.compile(r"\s+|(?<=[a-z])(-)(?=[a-z])", re.IGNORECASE)


def split_words(text: str) -> List[str]:
    """Split ``text`` roughly as a tokenizer would for numbers: spaces, and hyphens between words."""
    return [part for part in _TOKEN_SPLIT.split(text.strip()) if part]


def words_to_number(text: str) -> Optional[Number]:
    """The value of a whole number phrase ("eleven thousand", "twenty-five", "1.2 million"), or None
    if ``text`` is not exactly one number."""
    tokens = split_words(text)
    if not tokens:
        return None
    # A hyphen is glued to its neighbours ("twenty-five"); other tokens were space-separated.
    spaces = [
        not (tok == "-" or (i + 1 < len(tokens) and tokens[i + 1] == "-")) for i, tok in enumerate(tokens)
    ]
    parsed = parse_number_tokens(tokens, spaces)
    if parsed is None or parsed.length != len(tokens):
        return None
    return parsed.value


_ONES_WORDS = {v: k for k, v in UNITS.items()}
_TENS_WORDS = {v: k for k, v in TENS.items()}


def _below_thousand(n: int) -> List[str]:
    words: List[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        words += [_ONES_WORDS[hundreds], "hundred"]
    if rest:
        if rest < 20:
            words.append(_ONES_WORDS[rest])
        else:
            tens, ones = divmod(rest, 10)
            words.append(_TENS_WORDS[tens * 10] + (f"-{_ONES_WORDS[ones]}" if ones else ""))
    return words


def number_to_words(n: int) -> str:
    """English words for ``0 <= n < 10**12`` ("fifty thousand", "three hundred twenty-one")."""
    if not isinstance(n, int) or isinstance(n, bool) or n < 0 or n >= 10**12:
        raise ValueError(f"number_to_words: expected an int from 0 to 10**12 - 1, got {n!r}")
    if n == 0:
        return "zero"
    words: List[str] = []
    for factor, name in ((1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")):
        chunk, n = divmod(n, factor)
        if chunk:
            words += _below_thousand(chunk) + [name]
    words += _below_thousand(n)
    return " ".join(words)
