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
>>> number_to_words(50000)
'fifty thousand'
"""

from __future__ import annotations

import re
from typing import Dict, List, NamedTuple, Optional, Sequence, Union

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
# Words and abbreviations that multiply what precedes them ("two dozen", "1.2 million").
SCALES: Dict[str, int] = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
}
# Suffixes glued to digits: "12k", "1.2mn", "5bn", "3m".
SUFFIXES: Dict[str, int] = {
    "k": 1_000, "K": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "M": 1_000_000,
    "bn": 1_000_000_000, "b": 1_000_000_000, "B": 1_000_000_000,
}
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | {"half"}

_DIGITS = re.compile(
    r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<suffix>k|K|m|mn|mln|M|bn|b|B)?$"
)
_GROUP = re.compile(r"^\d{3}$")
_HEAD_GROUP = re.compile(r"^\d{1,3}$")


def _clean(value: float) -> Number:
    """An int when the float is whole (1.2 * 1_000_000 -> 1200000), else the float."""
    rounded = round(value)
    return int(rounded) if abs(value - rounded) < 1e-6 else value


def parse_numeral(text: str) -> Optional[Number]:
    """The value of one written numeral, or None.

    Digits with comma separators and decimals ("11,000", "1.5"), glued multipliers
    ("12k", "1.2mn", "5bn") and single number words ("eleven", "twenty"). Ordinals
    ("47th"), years with a suffix ("1950s"), models ("T-72") and anything else give None.
    """
    match = _DIGITS.match(text)
    if match:
        value = float(match.group("num").replace(",", ""))
        suffix = match.group("suffix")
        if suffix:
            value *= SUFFIXES[suffix]
        return _clean(value)
    lower = text.lower()
    if lower in UNITS:
        return UNITS[lower]
    if lower in TENS:
        return TENS[lower]
    return None


class ParsedNumber(NamedTuple):
    value: Number  # the number's value
    length: int  # how many tokens it spans
    scale: int  # the last multiplier applied (1 if none): "10-12 thousand" lends it to 10


def parse_number_tokens(
    tokens: Sequence[str], spaces: Optional[Sequence[bool]] = None
) -> Optional[ParsedNumber]:
    """Parse the number that starts at ``tokens[0]`` (token texts, as split by a tokenizer).

    Reads as far as the number goes: "eleven thousand", "a thousand", "two dozen",
    "twenty - five", "three hundred and fifty", "1.2 million", "half a million",
    "11 000" (digit groups split by a space; ``spaces[i]`` says whether token i is
    followed by whitespace). Returns None when no number starts there.
    """
    n = len(tokens)
    if n == 0:
        return None
    lowers = [t.lower() for t in tokens]
    reading = _Reading()
    i = _read_opening(lowers, reading)
    while i < n and _read_token(tokens, lowers, spaces, i, reading):
        i += 1
    if not reading.have:
        return None
    return ParsedNumber(_clean(reading.total + reading.current), i, reading.scale)


class _Reading:
    """The parse so far of one number (local to one :func:`parse_number_tokens` call)."""

    __slots__ = ("total", "current", "have", "last", "scale", "group_seen")

    def __init__(self) -> None:
        self.total = 0.0  # what the scales passed have added up: "two million" in "two million three"
        self.current = 0.0  # the part below the last scale
        self.have = False  # a number has been read
        self.last = ""  # kind of the last part: "digit", "unit", "tens", "hundred", "dozen", "scale"
        self.scale = 1  # the last multiplier applied
        self.group_seen = False  # "11 000" joins one digit group, not more


def _read_opening(lowers: List[str], reading: _Reading) -> int:
    """ "a thousand", "a dozen", "half a million": where the number's words start after the opening."""
    n = len(lowers)
    if lowers[0] in ("a", "an") and n > 1 and lowers[1] in SCALES:
        reading.current, reading.have, reading.last = 1.0, True, "unit"
        return 1
    if lowers[0] == "half" and n > 2 and lowers[1] == "a" and lowers[2] in SCALES:
        reading.current, reading.have, reading.last = 0.5, True, "unit"
        return 2
    return 0


def _read_token(
    tokens: Sequence[str], lowers: List[str], spaces: Optional[Sequence[bool]], i: int, reading: _Reading
) -> bool:
    """Add token ``i`` to the number; False when the number ends before it."""
    word, n = lowers[i], len(lowers)
    if word in SCALES:
        return _read_scale(word, reading)
    if word == "and" and reading.have and reading.last in ("hundred", "scale") and i + 1 < n and (
        lowers[i + 1] in UNITS or lowers[i + 1] in TENS
    ):
        return True  # "three hundred and fifty"
    if word == "-" and reading.last == "tens" and i + 1 < n and lowers[i + 1] in UNITS and 0 < UNITS[lowers[i + 1]] < 10:
        return not (spaces is not None and (spaces[i - 1] or spaces[i]))  # "twenty-five"
    if word in UNITS:
        return _read_unit(UNITS[word], reading)
    if word in TENS:
        if reading.last in ("", "hundred", "scale") and not (reading.last == "" and reading.have):
            reading.current += TENS[word]
            reading.have, reading.last = True, "tens"
            return True
        return False
    numeral = parse_numeral(tokens[i]) if word[:1].isdigit() or word[:1] == "." else None
    if numeral is not None:
        return _read_numeral(tokens, spaces, i, numeral, reading)
    return False


def _read_scale(word: str, reading: _Reading) -> bool:
    """A multiplier: "hundred", "dozen", "thousand", "million", "bn"."""
    if not reading.have:
        return False
    factor = SCALES[word]
    if factor == 100 and word == "hundred":
        if reading.last in ("hundred", "scale") and reading.current == 0:
            return False
        reading.current = (reading.current or 1) * 100
        reading.last, reading.scale = "hundred", 100
    elif factor == 12:
        if reading.last in ("hundred", "scale", "dozen"):
            return False
        reading.current = (reading.current or 1) * 12
        reading.last, reading.scale = "dozen", 12
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
    """A number word below twenty: "five", "twenty-five", "three hundred and fifty"."""
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
    """Digits: the number's first figure, or "11 000": a digit group continuing the previous digits."""
    if not reading.have:
        reading.current = float(numeral)
        reading.have, reading.last = True, "digit"
        reading.group_seen = False
        return True
    if (
        reading.last == "digit"
        and spaces is not None
        and spaces[i - 1]
        and reading.total == 0
        and _HEAD_GROUP.match(tokens[i - 1])
        and _GROUP.match(tokens[i])
        and not reading.group_seen
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
