"""conflictnlp.counts.numbers (alias conflictnlp.numbers): pure number parsing. Table-driven cases and round-trip properties."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, strategies as st

import conflictnlp.numbers
from conflictnlp.counts import numbers
from conflictnlp.counts.numbers import number_to_words, parse_number_tokens, parse_numeral, split_words, words_to_number

# fmt: off
NUMERALS = [
    ("11,000", 11000),
    ("1,200,000", 1200000),
    ("300", 300),
    ("1.2", 1.2),
    ("12k", 12000),
    ("12K", 12000),
    ("1.2mn", 1200000),
    ("1.5bn", 1500000000),
    ("3m", 3000000),
    ("2.5mln", 2500000),
    ("eleven", 11),
    ("Twenty", 20),
    ("47th", None),
    ("3rd", None),
    ("1950s", None),
    ("T-72", None),
    ("Su-34", None),
    ("155mm", None),
    ("1,00", None),
    ("abc", None),
    ("", None),
    ("thousand", None),
    # other thousands separators (issue 13): Swiss marks, dots between groups of three, invisible characters
    ("11'000", 11000),
    ("11’000", 11000),
    ("1'250'000", 1250000),
    ("11'00", None),
    ("11'000,000", None),
    ("11.000", 11000),
    ("2.500", 2500),
    ("1.500", 1500),
    ("1.200.000", 1200000),
    ("1.5", 1.5),
    ("12.50", 12.5),
    ("0.500", 0.5),
    ("1.500bn", 1500000000),
    ("3\u00ad000", 3000),
    ("3\u200b000", 3000),
    ("\ufeff300", 300),
    ("300\u2060", 300),
    ("twen\u00adty", 20),
    ("300–500", None),
]
PHRASES = [
    ("eleven thousand", 11000),
    ("a thousand", 1000),
    ("an hundred", 100),
    ("two dozen", 24),
    ("a dozen", 12),
    ("twenty-five", 25),
    ("three hundred and fifty", 350),
    ("one hundred thousand", 100000),
    ("half a million", 500000),
    ("1.2 million", 1200000),
    ("1.2 mn", 1200000),
    ("11 000", 11000),
    ("two million three hundred thousand", 2300000),
    ("fifty thousand", 50000),
    ("ninety-nine", 99),
    ("seven", 7),
    ("300", 300),
    ("two three", None),
    ("thousand", None),
    ("a", None),
    ("dozen two", None),
    ("11 000 000", None),
    ("twenty-twenty", None),
    ("and two", None),
    # fractions, point, and a half, a hyphen before a multiplier, a score (issue 13)
    ("a quarter of a million", 250000),
    ("three-quarters of a million", 750000),
    ("three quarters of a million", 750000),
    ("one quarter of a million", 250000),
    ("a half million", 500000),
    ("a quarter million", 250000),
    ("half a dozen", 6),
    ("three point five million", 3500000),
    ("two point seven five million", 2750000),
    ("three point five", 3.5),
    ("two and a half thousand", 2500),
    ("one and a half million", 1500000),
    ("2 and a half million", 2500000),
    ("forty-thousand", 40000),
    ("two-dozen", 24),
    ("a score", 20),
    ("three score", 60),
    ("1.500 million", 1500000),
    ("a quarter of the", None),
    ("three-quarter of a million", None),
    ("a quarters of a million", None),
    ("two and a half", None),
    ("point five", None),
    ("three point", None),
    ("forty - thousand", 40000),
    ("twenty-twenty-five", None),
]
# (tokens, spaces, expected value, expected length)
TOKENS = [
    (["11", "000", "soldiers"], [True, True, False], 11000, 2),
    (["11", "000"], [False, False], 11, 1),
    (["twenty", "-", "five", "troops"], [False, False, True, False], 25, 3),
    (["twenty", "-", "year"], [False, False, False], 20, 1),
    (["a", "thousand", "men"], [True, True, False], 1000, 2),
    (["two", "dozen", "drones"], [True, True, False], 24, 2),
    (["1.2", "million", "people"], [True, True, False], 1200000, 2),
    (["2024", "300"], [True, False], 2024, 1),
    (["three", "hundred", "and", "fifty", "fighters"], [True] * 5, 350, 4),
    (["three", "hundred", "and", "the"], [True] * 4, 300, 2),
    (["11", "\u00a0", "000", "soldiers"], [False] * 4, 11000, 3),
    (["300", "\u00a0", "soldiers"], [False] * 3, 300, 1),
    (["5", "\u202f", "000", "\u202f", "000"], [False] * 5, 5000000, 5),
    (["11", "000", "000"], [True] * 3, 11000, 2),
    (["two", "and", "a", "half", "thousand"], [True] * 5, 2500, 5),
    (["two", "and", "a", "half", "soldiers"], [True] * 5, 2, 1),
    (["forty", "-", "thousand"], [True, False, False], 40, 1),
    (["one", "point", "five", "soldiers"], [True] * 4, 1.5, 3),
]
# fmt: on


@pytest.mark.parametrize("text,expected", NUMERALS)
def test_parse_numeral(text, expected):
    assert parse_numeral(text) == expected


@pytest.mark.parametrize("text,expected", PHRASES)
def test_words_to_number(text, expected):
    assert words_to_number(text) == expected


@pytest.mark.parametrize("tokens,spaces,value,length", TOKENS)
def test_parse_number_tokens(tokens, spaces, value, length):
    parsed = parse_number_tokens(tokens, spaces)
    assert parsed is not None
    assert (parsed.value, parsed.length) == (value, length)


def test_parse_number_tokens_scale():
    assert parse_number_tokens(["12", "thousand"], [True, False]).scale == 1000
    assert parse_number_tokens(["soldiers"]) is None
    assert parse_number_tokens([]) is None


@pytest.mark.parametrize("n,words", [(0, "zero"), (21, "twenty-one"), (50000, "fifty thousand"), (1_000_001, "one million one")])
def test_number_to_words(n, words):
    assert number_to_words(n) == words


@pytest.mark.parametrize("bad", [-1, 10**12, 1.5, True, "7"])
def test_number_to_words_rejects(bad):
    with pytest.raises(ValueError):
        number_to_words(bad)


def test_split_words():
    assert split_words("twenty-five  thousand") == ["twenty", "-", "five", "thousand"]


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_words_round_trip(n):
    assert words_to_number(number_to_words(n)) == n


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_digits_round_trip(n):
    assert parse_numeral(f"{n:,}") == n
    assert parse_numeral(str(n)) == n


@given(st.text(max_size=40))
def test_never_crashes(text):
    words_to_number(text)
    parse_numeral(text)
    parse_number_tokens(split_words(text))


def test_old_module_name_is_the_same_module():
    assert conflictnlp.numbers is numbers


def test_docstring_examples():
    result = doctest.testmod(numbers)
    assert result.attempted and not result.failed
