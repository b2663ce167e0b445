"""Notes, coins and currency words without a sign; times and pronouns that are no figures."""

from __future__ import annotations

import pytest

from newscheck.nlp.quantities import find_quantities


def found(text: str) -> dict[str, tuple[str, float, str | None]]:
    return {q.text: (q.kind, q.value, q.unit) for q in find_quantities(text)}


@pytest.mark.parametrize(
    ("sentence", "span", "value", "unit"),
    [
        ("Collectors prize the old 500-rupee note.", "500-rupee", 500.0, "INR"),
        ("She kept a five-rand coin for luck.", "five-rand", 5.0, "ZAR"),
        ("The mint struck a 10-lira coin.", "10-lira", 10.0, "ITL"),
        ("A two-peso coin rolled away.", "two-peso", 2.0, "MXN"),
        ("He found a 10-mark coin in the drawer.", "10-mark", 10.0, "DEM"),
        ("The 10 rand coin is silver.", "10 rand", 10.0, "ZAR"),
    ],
)
def test_currency_word_before_a_note_or_coin_is_money(
    sentence: str, span: str, value: float, unit: str
) -> None:
    assert found(sentence)[span] == ("money", value, unit)


def test_a_mark_or_won_without_a_coin_is_no_currency() -> None:
    assert found("The index passed the 1,000-mark level.")["1,000"][0] == "number"
    assert found("The team won 3 games.")["3"][0] == "number"


def test_a_scaled_number_naming_a_note_takes_the_currency_named_before_it() -> None:
    text = "Wallets held notes of 2 billion won, and the 50m note was common."
    q = found(text)
    assert q["50m"] == ("money", 50e6, "KRW")


def test_the_note_takes_the_currency_of_the_previous_sentence() -> None:
    text = "Shoppers carried wads of 10,000 pesos. The 500 note, worth $25, was the largest."
    q = found(text)
    assert q["500"] == ("money", 500.0, "MXN")
    assert q["$25"] == ("money", 25.0, "USD")


def test_the_article_single_currency_names_the_note() -> None:
    text = "A loaf costs 3 euros.\n\nLater on.\n\nMuch later.\n\nThe 50 note is rarely seen."
    assert found(text)["50"] == ("money", 50.0, "EUR")


def test_no_currency_named_means_no_money() -> None:
    assert found("The 50 note is rarely seen.")["50"] == ("number", 50.0, None)


def test_notes_counted_are_not_a_denomination() -> None:
    assert found("It cost 3 euros. Police found 20 notes in the bag.")["20"][0] == "number"


def test_a_metre_is_still_no_million() -> None:
    assert "100m" not in found("She won the 100m race in 3 euros of shoes.")


def test_a_bare_lira_is_the_nationality_the_article_names() -> None:
    text = "The Turkish lira slid again. A loaf now costs 500,000 lira and a one-lira coin buys nothing."
    q = found(text)
    assert q["500,000 lira"] == ("money", 500000.0, "TRY")
    assert q["one-lira"] == ("money", 1.0, "TRY")


def test_two_nationalities_leave_the_default() -> None:
    text = "Swiss francs and French francs both rose; a ticket costs 40 francs."
    assert found(text)["40 francs"][2] == "FRF"


def test_dollars_keep_the_us_default() -> None:
    text = "The Canadian dollar rose. The firm paid 40 dollars a share."
    assert found(text)["40 dollars"][2] == "USD"


@pytest.mark.parametrize(
    "sentence",
    [
        "Trading opened at 0800 GMT and closed at 1630 GMT.",
        "The minister speaks at 1415 local time.",
        "She left the firm 25 years ago.",
        "Ten years ago the market was tiny.",
        "He returned six weeks later.",
        "The suit came 30 years after the accident.",
        "He scored just 62 minutes into the match.",
        "For the past six months demand has slowed.",
        "A decision is due within the next 30 days.",
        "They may sell one or more divisions.",
        "It is not one we would choose.",
        "The new contract replaces the current one, which ends in May.",
    ],
)
def test_times_and_pronouns_are_no_figures(sentence: str) -> None:
    assert [q.text for q in find_quantities(sentence) if q.kind == "number"] == []


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("The company employs 1200 staff.", "1200"),
        ("Limits apply in the nine weeks before the vote.", "nine"),
        ("He served for five years after the merger.", "five"),
        ("He bought one house.", "one"),
        ("The last 30 workers left.", "30"),
        ("FIRM EXTENDS LEASE FOR 40 YEARS", "40"),
    ],
)
def test_counts_and_lengths_of_time_stay(sentence: str, span: str) -> None:
    assert span in found(sentence)


def test_a_name_in_a_capitals_headline_stays_a_name() -> None:
    assert found("IBM SELLS 3090 MODEL") == {}


@pytest.mark.parametrize(
    ("sentence", "span", "kind", "value"),
    [
        ("Its stock rose 1-3/8 to 42-5/8 on the news.", "42-5/8", "number", 42.625),
        ("Its stock rose 1-3/8 to 42-5/8 on the news.", "1-3/8", "number", 1.375),
        ("The bank cut its prime rate to 7-1/2 pct.", "7-1/2 pct", "percent", 7.5),
        ("It sought a 2-1/2 billion dlr credit.", "2-1/2 billion dlr", "money", 2.5e9),
        ("It sold 1-1/4 mln shares.", "1-1/4 mln", "number", 1.25e6),
        ("A 3 1/2 million dlr fee was paid.", "3 1/2 million dlr", "money", 3.5e6),
    ],
)
def test_wire_mixed_fractions(sentence: str, span: str, kind: str, value: float) -> None:
    q = found(sentence)[span]
    assert q[0] == kind
    assert q[1] == pytest.approx(value)


@pytest.mark.parametrize("sentence", ["It was filed on 3-5/87 in court.", "Take exit 4-9/4 now."])
def test_dates_and_odd_fractions_stay_out(sentence: str) -> None:
    assert [q.text for q in find_quantities(sentence) if "/" in q.text] == []


def test_the_bid_side_of_a_two_way_quote_is_left_out() -> None:
    q = found("Overnight money firmed to 7-3/8, 7-1/2 pct from 7-1/8, 7-1/4 pct.")
    assert "7-3/8" not in q and "7-1/8" not in q
    assert q["7-1/2 pct"] == ("percent", 7.5, "%")
