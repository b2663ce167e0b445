"""Conversions across a note or coin: "the 50k note, worth $4"; a redenomination."""

from __future__ import annotations

from newscheck import analyze
from newscheck.nlp.types import Figure


def figures(text: str) -> dict[str, Figure]:
    return {f.text: f for f in analyze(text, source="t.txt").figures}


def test_a_note_worth_an_amount_is_a_conversion() -> None:
    figs = figures(
        "Inflation hit 40% in the Republic of Veldra. Shops price bread at two million "
        "crowns, and the 50m note, worth $4, is the largest."
    )
    note, usd = figs["50m"], figs["$4"]
    assert (note.kind, note.unit) == ("money", "SEK")
    assert usd.role == "conversion"
    assert usd.converts == note.id


def test_a_redenomination_converts_within_one_currency() -> None:
    figs = figures(
        "Veldra will drop four zeros from the peso. In March the 10,000-peso note will become "
        "a one-peso coin."
    )
    assert figs["one-peso"].role == "conversion"
    assert figs["one-peso"].converts == figs["10,000-peso"].id


def test_two_amounts_of_one_currency_without_a_note_are_no_conversion() -> None:
    figs = figures("Its profit became 10,000 pesos, then became 20,000 pesos.")
    assert all(f.converts is None for f in figs.values())


def test_a_note_and_a_later_price_are_no_conversion() -> None:
    figs = figures("The 10,000-peso note is rare, and a loaf costs 20 pesos.")
    assert figs["20 pesos"].converts is None


def test_conversion_relation_is_reported() -> None:
    report = analyze(
        "Shops price bread at two million crowns, and the 50m note, worth $4, is the largest.",
        source="t.txt",
    )
    ids = {f.text: f.id for f in report.figures}
    assert any(
        r.type == "converts" and set(r.figures) == {ids["50m"], ids["$4"]} for r in report.relations
    )


def _compared(text: str) -> list[list[str]]:
    report = analyze(text, source="t.txt")
    texts = {f.id: f.text for f in report.figures}
    return [[texts[i] for i in r.figures] for r in report.relations if r.type == "compares"]


def test_a_figure_own_bound_is_no_comparison() -> None:
    assert _compared("The shop has 300 staff and more than 120 contractors.") == []


def test_more_than_a_prior_year_still_compares() -> None:
    assert _compared("Sales were 500 units, more than 400 units a year earlier.") == [
        ["500", "400"]
    ]


REDENOMINATION = (
    "Veldra prices in Mexican pesos. Bread costs two million pesos, and the 50k note, "
    "worth $3, is the largest. "
)


def _nc112(text: str) -> list[tuple[str, str]]:
    from datetime import date

    report = analyze(text, source="t.txt", as_of=date(2020, 6, 1))
    return [(c.status, c.message) for c in report.checks if c.id == "NC112"]


def test_an_old_note_converted_at_a_redenomination_is_not_checked_against_the_ecb() -> None:
    text = REDENOMINATION + "Next year a one-million peso note will become a one-peso coin."
    [(status, message)] = _nc112(text)
    assert status == "skip"
    assert "redenominates MXN" in message


def test_without_a_redenomination_the_rate_is_checked() -> None:
    [(status, _message)] = _nc112(REDENOMINATION)
    assert status == "fail"
