"""The figure recogniser: must-find and must-not-find examples for every family."""

from __future__ import annotations

import itertools
import time

import pytest

from newscheck.nlp.quantities import find_quantities
from newscheck.nlp.types import Quantity

Expect = tuple[str, str, str, float, str | None, float, float, str | None]
# (sentence, span, kind, value, unit, low, high, approx)

MONEY: list[Expect] = [
    ("The unit earned €1B last year.", "€1B", "money", 1e9, "EUR", 0.95e9, 1.05e9, None),
    ("That is ~$1.1B at today's rate.", "$1.1B", "money", 1.1e9, "USD", 1.05e9, 1.15e9, "about"),
    ("It raised US$4.9bn in bonds.", "US$4.9bn", "money", 4.9e9, "USD", 4.85e9, 4.95e9, None),
    ("Sales hit $4.9 billion.", "$4.9 billion", "money", 4.9e9, "USD", 4.85e9, 4.95e9, None),
    ("a EUR 1bn facility", "EUR 1bn", "money", 1e9, "EUR", 0.95e9, 1.05e9, None),
    ("a fund of 1 billion euros", "1 billion euros", "money", 1e9, "EUR", 0.95e9, 1.05e9, None),
    ("€1,000 million in cash", "€1,000 million", "money", 1e9, "EUR", 999.95e6, 1000.05e6, None),
    ("a £250m deal", "£250m", "money", 250e6, "GBP", 249.95e6, 250.05e6, None),
    ("debt of ¥3tn", "¥3tn", "money", 3e12, "JPY", 2.95e12, 3.05e12, None),
    (
        "USD 34.6 million was paid",
        "USD 34.6 million",
        "money",
        34.6e6,
        "USD",
        34.55e6,
        34.65e6,
        None,
    ),
    ("a price of 10 million USD", "10 million USD", "money", 1e7, "USD", 9.95e6, 10.05e6, None),
    (
        "for 420 million Finnish markka",
        "420 million Finnish markka",
        "money",
        420e6,
        "FIM",
        419.95e6,
        420.05e6,
        None,
    ),
    ("net profit of 6.5 mln dlrs", "6.5 mln dlrs", "money", 6.5e6, "USD", 6.45e6, 6.55e6, None),
    ("a loss of 3.1 billion dlrs", "3.1 billion dlrs", "money", 3.1e9, "USD", 3.05e9, 3.15e9, None),
    ("profit of 40 mln stg", "40 mln stg", "money", 40e6, "GBP", 39.95e6, 40.05e6, None),
    (
        "sales of 120 billion yen",
        "120 billion yen",
        "money",
        120e9,
        "JPY",
        119.95e9,
        120.05e9,
        None,
    ),
    ("worth 2.5 billion marks", "2.5 billion marks", "money", 2.5e9, "DEM", 2.45e9, 2.55e9, None),
    ("a DM 300 mln loan", "DM 300 mln", "money", 300e6, "DEM", 299.95e6, 300.05e6, None),
    ("cost 900 mln francs", "900 mln francs", "money", 900e6, "FRF", 899.95e6, 900.05e6, None),
    (
        "paid 75 mln Swiss francs",
        "75 mln Swiss francs",
        "money",
        75e6,
        "CHF",
        74.95e6,
        75.05e6,
        None,
    ),
    ("raised 60 mln guilders", "60 mln guilders", "money", 60e6, "NLG", 59.95e6, 60.05e6, None),
    (
        "a bill of 800 billion lire",
        "800 billion lire",
        "money",
        800e9,
        "ITL",
        799.95e9,
        800.05e9,
        None,
    ),
    ("a C$45 mln contract", "C$45 mln", "money", 45e6, "CAD", 44.95e6, 45.05e6, None),
    ("18 mln Canadian dlrs", "18 mln Canadian dlrs", "money", 18e6, "CAD", 17.95e6, 18.05e6, None),
    ("an A$2bn bid", "A$2bn", "money", 2e9, "AUD", 1.95e9, 2.05e9, None),
    ("HK$7.5bn of shares", "HK$7.5bn", "money", 7.5e9, "HKD", 7.45e9, 7.55e9, None),
    ("an S$300m plant", "S$300m", "money", 300e6, "SGD", 299.95e6, 300.05e6, None),
    ("Rs 450 crore", "Rs 450 crore", "money", 4.5e9, "INR", 4.4995e9, 4.5005e9, None),
    ("a R2bn upgrade", "R2bn", "money", 2e9, "ZAR", 1.95e9, 2.05e9, None),
    ("SEK 3bn in savings", "SEK 3bn", "money", 3e9, "SEK", 2.95e9, 3.05e9, None),
    (
        "5 billion Swedish crowns",
        "5 billion Swedish crowns",
        "money",
        5e9,
        "SEK",
        4.95e9,
        5.05e9,
        None,
    ),
    (
        "7 billion Norwegian crowns",
        "7 billion Norwegian crowns",
        "money",
        7e9,
        "NOK",
        6.95e9,
        7.05e9,
        None,
    ),
    (
        "400 million yuan of loans",
        "400 million yuan",
        "money",
        4e8,
        "CNY",
        3.9995e8,
        4.0005e8,
        None,
    ),
    ("3 trillion won in sales", "3 trillion won", "money", 3e12, "KRW", 2.95e12, 3.05e12, None),
    ("90 billion roubles", "90 billion roubles", "money", 90e9, "RUB", 89.95e9, 90.05e9, None),
    ("12 billion rand", "12 billion rand", "money", 12e9, "ZAR", 11.95e9, 12.05e9, None),
    ("20 billion pesos", "20 billion pesos", "money", 20e9, "MXN", 19.95e9, 20.05e9, None),
    ("a dividend of 14 cents", "14 cents", "money", 0.14, "USD", 0.135, 0.145, None),
    ("shares fell 9p", "9p", "money", 0.09, "GBP", 0.085, 0.095, None),
    ("at 312 pence", "312 pence", "money", 3.12, "GBP", 3.115, 3.125, None),
    ("a 15-cent dividend", "15-cent", "money", 0.15, "USD", 0.145, 0.155, None),
    ("it cost $12", "$12", "money", 12, "USD", 11.5, 12.5, None),
    (
        "four dollars and twenty cents",
        "four dollars and twenty cents",
        "money",
        4.2,
        "USD",
        4.195,
        4.205,
        None,
    ),
    ("up to £5m in fines", "£5m", "money", 5e6, "GBP", 4.95e6, 5.05e6, "up_to"),
    ("just under $40bn", "$40bn", "money", 40e9, "USD", 39.95e9, 40.05e9, "nearly"),
]

PERCENT: list[Expect] = [
    ("Profit rose 49% on the year.", "49%", "percent", 49, "%", 48.5, 49.5, None),
    ("a 49 percent stake", "49 percent", "percent", 49, "%", 48.5, 49.5, None),
    ("49 per cent of voters", "49 per cent", "percent", 49, "%", 48.5, 49.5, None),
    ("up 3.7 pct", "3.7 pct", "percent", 3.7, "%", 3.65, 3.75, None),
    ("forty-nine percent of them", "forty-nine percent", "percent", 49, "%", 49, 49, None),
    ("a 16-percent rise", "16-percent", "percent", 16, "%", 15.5, 16.5, None),
    ("growth of -3% last year", "-3%", "percent", -3, "%", -3.5, -2.5, None),
    ("about 12% of staff", "12%", "percent", 12, "%", 11.5, 12.5, "about"),
    ("more than 60% of homes", "60%", "percent", 60, "%", 59.5, 60.5, "more_than"),
    ("at least 5 per cent", "5 per cent", "percent", 5, "%", 4.5, 5.5, "at_least"),
    ("less than 1% of sales", "1%", "percent", 1, "%", 0.5, 1.5, "less_than"),
]

POINTS: list[Expect] = [
    ("up 2 percentage points", "2 percentage points", "points", 2, "pp", 1.5, 2.5, None),
    ("a rise of 0.4 pp", "0.4 pp", "points", 0.4, "pp", 0.35, 0.45, None),
    # Basis points are hundredths of a percentage point.
    ("a cut of 25 basis points", "25 basis points", "points", 0.25, "pp", 0.245, 0.255, None),
    ("raised 50bp", "50bp", "points", 0.5, "pp", 0.495, 0.505, None),
]

NUMBERS: list[Expect] = [
    ("It hired 9,000 people.", "9,000", "number", 9000, None, 8999.5, 9000.5, None),
    ("some 1.5 million visitors", "1.5 million", "number", 1.5e6, None, 1.45e6, 1.55e6, "about"),
    ("2.3m people watched", "2.3m", "number", 2.3e6, None, 2.25e6, 2.35e6, None),
    ("forty-nine branches", "forty-nine", "number", 49, None, 49, 49, None),
    ("two hundred and fifty staff", "two hundred and fifty", "number", 250, None, 250, 250, None),
    ("a dozen banks", "a dozen", "number", 12, None, 12, 12, None),
    ("two dozen banks", "two dozen", "number", 24, None, 24, 24, None),
    ("a third of voters", "a third", "number", 1 / 3, None, 1 / 3, 1 / 3, None),
    ("half of all firms", "half", "number", 0.5, None, 0.5, 0.5, None),
    ("nearly half of all firms", "half", "number", 0.5, None, 0.5, 0.5, "nearly"),
    ("three quarters of staff", "three quarters", "number", 0.75, None, 0.75, 0.75, None),
    ("one in five adults", "one in five", "number", 0.2, None, 0.2, 0.2, None),
    ("a million homes", "a million", "number", 1e6, None, 1e6, 1e6, None),
    ("three companies bid", "three", "number", 3, None, 3, 3, None),
    ("1/3 of the budget", "1/3", "number", 1 / 3, None, 1 / 3, 1 / 3, None),
    ("a yield of 7.25", "7.25", "number", 7.25, None, 7.245, 7.255, None),
    ("2026 employees", "2026", "number", 2026, None, 2025.5, 2026.5, None),
    ("over 300 stores", "300", "number", 300, None, 299.5, 300.5, "more_than"),
    ("as many as 40 jobs", "40", "number", 40, None, 39.5, 40.5, "up_to"),
    ("fewer than 10 flights", "10", "number", 10, None, 9.5, 10.5, "less_than"),
    ("roughly 70 firms", "70", "number", 70, None, 69.5, 70.5, "about"),
    ("c. 500 homes", "500", "number", 500, None, 499.5, 500.5, "about"),
    ("in excess of 800 sites", "800", "number", 800, None, 799.5, 800.5, "more_than"),
    ("close to 90 shops", "90", "number", 90, None, 89.5, 90.5, "nearly"),
]

MULTIPLIERS: list[tuple[str, str, float, str]] = [
    ("Profits doubled in a year.", "doubled", 2, "up"),
    ("Sales tripled.", "tripled", 3, "up"),
    ("Output trebled.", "trebled", 3, "up"),
    ("Costs quadrupled.", "quadrupled", 4, "up"),
    ("The deficit halved.", "halved", 0.5, "down"),
    ("a 2x return", "2x", 2, "up"),
    ("a 3-fold rise", "3-fold", 3, "up"),
    ("a threefold rise", "threefold", 3, "up"),
    ("twice as large", "twice", 2, "up"),
    ("three times as many", "three times", 3, "up"),
    ("2.5 times higher", "2.5 times", 2.5, "up"),
]

RANGES: list[Expect] = [
    ("growth of 3–5% a year", "3–5%", "range", 4, "%", 2.5, 5.5, None),
    ("growth of 3-5% a year", "3-5%", "range", 4, "%", 2.5, 5.5, None),
    ("between 3 and 5 percent", "3 and 5 percent", "range", 4, "%", 2.5, 5.5, None),
    ("a $2-3 billion deal", "$2-3 billion", "range", 2.5e9, "USD", 1.95e9, 3.05e9, None),
    ("2 to 3 million users", "2 to 3 million", "range", 2.5e6, None, 1.95e6, 3.05e6, None),
    ("£40m-£60m in fees", "£40m-£60m", "range", 50e6, "GBP", 39.95e6, 60.05e6, None),
    ("10 to 15 per cent", "10 to 15 per cent", "range", 12.5, "%", 9.5, 15.5, None),
    ("5-7 years", "5-7", "range", 6, None, 4.5, 7.5, None),
]


def _find(sentence: str, span: str) -> Quantity:
    qs = [q for q in find_quantities(sentence) if q.text == span]
    assert qs, f"{span!r} not found in {sentence!r}: {find_quantities(sentence)}"
    return qs[0]


@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value", "unit", "low", "high", "approx"),
    MONEY + PERCENT + POINTS + NUMBERS + RANGES,
)
def test_finds(
    sentence: str,
    span: str,
    kind: str,
    value: float,
    unit: str | None,
    low: float,
    high: float,
    approx: str | None,
) -> None:
    q = _find(sentence, span)
    assert sentence[q.start : q.end] == q.text
    assert q.kind == kind
    assert q.value == pytest.approx(value)
    assert q.unit == unit
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)
    assert q.approx == approx


@pytest.mark.parametrize(("sentence", "span", "value", "direction"), MULTIPLIERS)
def test_multipliers(sentence: str, span: str, value: float, direction: str) -> None:
    q = _find(sentence, span)
    assert (q.kind, q.unit, q.direction) == ("multiplier", "x", direction)
    assert q.value == pytest.approx(value)


# Sentences in which nothing is a figure.
NOTHING = [
    "In 2028 the plan starts.",
    "Results for fiscal 2025 were late.",
    "It grew in the 1990s.",
    "The 5G and 6G rollout.",
    "A 4K screen.",
    "It runs Windows 11 on an iPhone 15.",
    "Update to v2.3 or 3.8.0 today.",
    "Call +44 20 7946 0000 now.",
    "The meeting is at 10:30.",
    "It closes at 5pm.",
    "He finished 1st and she 2nd.",
    "In the third quarter sales fell.",
    "The deal closes on March 31.",
    "The deal closed on 31 March 2026.",
    "It was agreed on Jan. 5, 2026.",
    "Results are due in Q1 and H1.",
    "The A320 and the F-35 flew.",
    "COVID-19 cases fell.",
    "He won Formula 1 twice.",
    "The G7 met.",
    "United won 3-1 at home.",
    "The 2010-2015 period.",
    "One of the firms left.",
    "The one that got away.",
    "Which one is it?",
    "No one came.",
    "Someone called.",
    "In the first half profit fell.",
    "It was a one-time charge.",
    "She won a third term.",
    "It posted a fifth straight gain.",
    "See page 12 for details.",
    "Visit http://example.com/a%20b?q=30%25 now.",
    "It is version 2 of the app.",
    "Sales fell in those quarters.",
]


def test_quarters_as_periods_are_not_a_fraction() -> None:
    qs = find_quantities("Over the past three quarters sales fell.")
    # Neither 3/4 nor a count: a window back from now, as "last year" is.
    assert [(q.text, q.value) for q in qs] == []
    qs = find_quantities("Sales fell in three quarters of its stores.")
    assert [(q.text, q.value) for q in qs] == [("three quarters", 0.75)]


@pytest.mark.parametrize("sentence", NOTHING)
def test_finds_nothing(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_from_to_is_two_figures_not_a_range() -> None:
    qs = find_quantities("Margins rose from 3% to 5%.")
    assert [(q.text, q.kind) for q in qs] == [("3%", "percent"), ("5%", "percent")]


def test_approximators_stay_outside_the_span() -> None:
    text = "Revenue of about €1B (~$1.1B) and more than 40% growth."
    qs = find_quantities(text)
    assert [q.text for q in qs] == ["€1B", "$1.1B", "40%"]
    assert [q.approx for q in qs] == ["about", "about", "more_than"]


def test_sorted_non_overlapping_with_exact_offsets() -> None:
    text = (
        "Acme said on March 31, 2026 that revenue rose 49% to €1B (~$1.1B) from €671M, "
        "while costs doubled to $2-3 billion and staff grew by a third to 9,000 in 2025."
    )
    qs = find_quantities(text)
    for q in qs:
        assert text[q.start : q.end] == q.text
    for a, b in itertools.pairwise(qs):
        assert a.end <= b.start
    assert [q.text for q in qs] == [
        "49%",
        "€1B",
        "$1.1B",
        "€671M",
        "doubled",
        "$2-3 billion",
        "a third",
        "9,000",
    ]
    assert qs[-1].approx is None


def test_fast_enough_for_every_article() -> None:
    article = (
        "Acme Corp said on Tuesday that revenue rose 12% to $4.9 billion in the third quarter, "
        "while operating costs fell by about a third to 1.2bn euros. The company, which employs "
        "some 9,000 people in 40 countries, expects growth of 3-5% next year. "
    ) * 12
    find_quantities(article)  # warm caches
    t0 = time.process_time()
    for _ in range(20):
        find_quantities(article)
    per_call = (time.process_time() - t0) / 20
    assert len(article.split()) > 500
    assert per_call < 0.05  # generous: the target is ~3 ms; this guards against blow-ups


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("They bought a two-million dollar flat.", "two-million dollar", 2e6, "USD"),
        ("A three-billion-euro fund was set up.", "three-billion-euro", 3e9, "EUR"),
        ("The ninety-million-pound deal fell through.", "ninety-million-pound", 9e7, "GBP"),
    ],
)
def test_hyphenated_number_word_and_scale_is_one_amount(
    sentence: str, text: str, value: float, unit: str
) -> None:
    (q,) = [q for q in find_quantities(sentence) if q.kind == "money"]
    assert (q.text, q.value, q.unit) == (text, value, unit)


def test_a_spaced_hyphen_does_not_join_a_scale() -> None:
    assert not [q for q in find_quantities("It had two - million problems.") if q.value == 2e6]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A year before "to" and a scaled amount: the year, then where a change ends.
        ("Orders should grow 8% over 2024 to 4.1 billion euros.", ["8%", "4.1 billion euros"]),
        # After a change verb, ends forty times apart are a change and its level.
        ("Bookings climbed 12 to 540 mln dlrs.", ["12", "540 mln dlrs"]),
    ],
)
def test_two_figures_not_a_range(sentence: str, expected: list[str]) -> None:
    assert [q.text for q in find_quantities(sentence)] == expected


def test_a_change_range_after_a_verb_stays_a_range() -> None:
    qs = find_quantities("Bookings climbed 12 to 15 pct.")
    assert [(q.text, q.kind) for q in qs] == [("12 to 15 pct", "range")]


@pytest.mark.parametrize(
    ("sentence", "span", "value", "approx"),
    [
        ("Fares are now almost double the level of 2019.", "double", 2.0, "nearly"),
        ("The bill came to more than twice what was budgeted.", "twice", 2.0, "more_than"),
        ("Output is triple its pre-war level.", "triple", 3.0, None),
        # Present tense: "the new deal almost doubles the old one".
        ("The new lease almost doubles the rent the charity paid.", "doubles", 2.0, "nearly"),
        ("Her pay award triples what the board offered in May.", "triples", 3.0, None),
    ],
)
def test_multiplier_of_a_level(sentence: str, span: str, value: float, approx: str | None) -> None:
    q = _find(sentence, span)
    assert (q.kind, q.value, q.direction, q.approx) == ("multiplier", value, "up", approx)


def test_double_as_an_adjective_is_no_figure() -> None:
    assert find_quantities("It was a double blow for the firm.") == []


def test_a_year_before_to_is_not_the_low_end_of_a_range() -> None:
    from newscheck.nlp.quantities import find_quantities

    found = find_quantities("Sales should rise over fiscal 2031 to 4.1 billion dlrs.")
    assert [q.text for q in found if q.kind != "number"] == ["4.1 billion dlrs"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # British headline style: "pc" fixed to the numeral is per cent.
        ("Jobless rate climbs to 5.1pc as hiring stalls", [("5.1pc", "percent", 5.1)]),
        ("The office bought 2 PCs and a printer.", [("2", "number", 2.0)]),
    ],
)
def test_pc_after_a_numeral_is_per_cent(text: str, expected: list[tuple[str, str, float]]) -> None:
    assert [(q.text, q.kind, q.value) for q in find_quantities(text)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In the final count the Greens 12, the Liberals 8 and Plaid Cymru 3.", ["12", "8", "3"]),
        (
            "Standings after the vote: Centre Party 21; Green Left 14; Farmers Union 6.",
            ["21", "14", "6"],
        ),
        (
            "Of the 30 places, the Greens won 12, the Liberals 8 and Plaid Cymru 3.",
            ["30", "12", "8", "3"],
        ),
    ],
)
def test_counts_after_names_in_a_tally_are_figures(sentence: str, expected: list[str]) -> None:
    assert [q.text for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The studio moved its build servers to Windows 11 last spring.",
        "Testers compared Windows 10 and Windows 11 on old laptops.",
        "The team left Formula 1, and its engineers joined a rally outfit.",
    ],
)
def test_a_number_glued_to_one_name_stays_out(sentence: str) -> None:
    assert find_quantities(sentence) == []
