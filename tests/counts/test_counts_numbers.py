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
