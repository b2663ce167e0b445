"""The numeral layer: how numbers are written, with no notion of units."""

from __future__ import annotations

import pytest

from newscheck.nlp.numbers import find_numerals, parse_words

# (phrase, value): each phrase is exactly one numeral.
WORDS = [
    ("seven", 7),
    ("zero", 0),
    ("forty-nine", 49),
    ("sixty - two", 62),
    ("eighty   four", 84),
    ("two hundred and fifty", 250),
    ("three hundred seventeen", 317),
    ("nine thousand", 9000),
    ("five thousand and six hundred", 5600),
    ("four hundred and three thousand", 403000),
    ("thirty-one billion and two hundred", 31e9 + 200),
    ("a hundred", 100),
    ("a million", 1e6),
    ("a dozen", 12),
    ("two dozen", 24),
    ("four dozens", 48),
    ("half a dozen", 6),
    ("one hundred and two dozen", 124),
    ("half", 0.5),
    ("a half", 0.5),
    ("a third", 1 / 3),
    ("one third", 1 / 3),
    ("two thirds", 2 / 3),
    ("three quarters", 0.75),
    ("seven eighths", 7 / 8),
    ("one-fifth", 0.2),
    ("a tenth", 0.1),
    ("a thousandth", 0.001),
    ("six and a half", 6.5),
    ("eleven and three quarters", 11.75),
    ("one and a half million", 1.5e6),
    ("two million and a half", 2.5e6),
    ("half a million", 5e5),
    ("quarter million", 2.5e5),
    ("three fifths of a million", 6e5),
    ("nine and two fifths", 9.4),
    ("forty and one third", 40 + 1 / 3),
    ("twenty sixths", 20 / 6),
    ("three forty-fifths", 3 / 45),
    ("one in five", 0.2),
    ("three out of ten", 0.3),
    ("two over five", 0.4),
    ("six point two five", 6.25),
    ("zero point zero seven", 0.07),
    ("minus eight", -8),
    ("negative twelve", -12),
    ("four lakh", 4e5),
    ("two crore", 2e7),
]


@pytest.mark.parametrize(("phrase", "value"), WORDS)
def test_number_words(phrase: str, value: float) -> None:
    got = parse_words(phrase)
    assert got == pytest.approx(value)


# (text, numeral text, value, low, high)
DIGITS = [
    ("9,000", "9,000", 9000, 8999.5, 9000.5),
    ("4.9", "4.9", 4.9, 4.85, 4.95),
    ("4.90", "4.90", 4.9, 4.895, 4.905),
    (".35", ".35", 0.35, 0.345, 0.355),
    ("-7.5", "-7.5", -7.5, -7.55, -7.45),
    ("1.5 million", "1.5 million", 1.5e6, 1.45e6, 1.55e6),
    ("2 million", "2 million", 2e6, 1.95e6, 2.05e6),
    ("1.5bn", "1.5bn", 1.5e9, 1.45e9, 1.55e9),
    ("1.5 bn", "1.5 bn", 1.5e9, 1.45e9, 1.55e9),
    ("7 mln", "7 mln", 7e6, 6.95e6, 7.05e6),
    ("25k", "25k", 25e3, 24.95e3, 25.05e3),
    ("3tn", "3tn", 3e12, 2.95e12, 3.05e12),
    ("2.3m people", "2.3m", 2.3e6, 2.25e6, 2.35e6),
    ("12,34,567", "12,34,567", 1234567, 1234566.5, 1234567.5),
    ("3 400 000", "3 400 000", 3.4e6, 3399999.5, 3400000.5),
    ("2.5e3", "2.5e3", 2500, 2450, 2550),
    ("3/4", "3/4", 0.75, 0.75, 0.75),
    ("5 1/2", "5 1/2", 5.5, 5.5, 5.5),
    ("8 hundred and 40", "8 hundred and 40", 840, 840, 840),
]


@pytest.mark.parametrize(("text", "span", "value", "low", "high"), DIGITS)
def test_digits_and_precision(text: str, span: str, value: float, low: float, high: float) -> None:
    nums = find_numerals(text)
    assert len(nums) == 1
    n = nums[0]
    assert text[n.start : n.end] == span
    assert n.value == pytest.approx(value)
    assert n.low == pytest.approx(low)
    assert n.high == pytest.approx(high)


def test_words_are_exact() -> None:
    (n,) = find_numerals("forty-nine")
    assert n.low == n.high == n.value == 49
    assert n.words


# Texts holding no numeral at all.
NONE = [
    "the third quarter",
    "a fifth straight year",
    "the first time",
    "someone else",
    "5G networks",
    "4K screens",
    "the A320 jet",
    "COVID-19",
    "an F-35",
    "the 1990s",
    "the 21st century",
    "a 100km trip",
    "a 1m drop",
    "v2",
    "the 9/11 attacks",
    "a 24/7 service",
    "two millionth",
]


@pytest.mark.parametrize("text", NONE)
def test_no_numeral(text: str) -> None:
    spans = [text[n.start : n.end] for n in find_numerals(text)]
    if text == "two millionth":
        # An ordinal with a numerator other than one: only the cardinal is a numeral.
        assert spans == ["two"]
    else:
        assert spans == []


def test_offsets_index_the_text() -> None:
    text = "Between forty-two and 1,300 staff, or about 2.5bn in all, and a third of them."
    for n in find_numerals(text):
        assert 0 <= n.start < n.end <= len(text)
    assert [text[n.start : n.end] for n in find_numerals(text)] == [
        "forty-two",
        "1,300",
        "2.5bn",
        "a third",
    ]


def test_compound_ordinal_denominator() -> None:
    # A denominator can be a compound ordinal: 100/35, not 130/5.
    assert parse_words("one hundred thirty fifths") == pytest.approx(100 / 35)
    assert parse_words("one hundred and thirty fifths") == pytest.approx(26)


def test_separate_numbers_stay_separate() -> None:
    text = "between one hundred and two hundred"
    assert [text[n.start : n.end] for n in find_numerals(text)] == ["one hundred", "two hundred"]
    text = "4000 3 hundred"
    assert [text[n.start : n.end] for n in find_numerals(text)] == ["4000", "3 hundred"]
