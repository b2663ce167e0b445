"""The relation layer: evidence, the scoring model, the resolver, and what reaches the report."""

from __future__ import annotations

from datetime import date

import pytest

from newscheck import analyze
from newscheck.nlp.relations import cues
from newscheck.nlp.relations.base import IDENTITY_VIEW, Candidate, resolve
from newscheck.nlp.relations.evidence import digits, slip, values_agree
from newscheck.nlp.relations.model import identity, probability, threshold
from newscheck.nlp.types import Figure


def fig(text: str, value: float, low: float, high: float, kind: str = "number") -> Figure:
    return Figure(
        id="F1",
        text=text,
        kind=kind,  # type: ignore[arg-type]
        value=value,
        unit="%" if kind == "percent" else None,
        low=low,
        high=high,
        approx=None,
        start=0,
        end=len(text),
        line=1,
        column=1,
    )


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        (
            fig("154,000", 154000, 153999.5, 154000.5),
            fig("1.54 million", 1.54e6, 1.535e6, 1.545e6),
            "scale",
        ),
        (
            fig("74.2%", 74.2, 74.15, 74.25, "percent"),
            fig("72.4%", 72.4, 72.35, 72.45, "percent"),
            "transposed",
        ),
        (fig("1,468", 1468, 1467.5, 1468.5), fig("1,486", 1486, 1485.5, 1486.5), "transposed"),
        (fig("850", 850, 849.5, 850.5), fig("800", 800, 799.5, 800.5), "digit"),
        (fig("6%", 6, 5.5, 6.5, "percent"), fig("9%", 9, 8.5, 9.5, "percent"), "digit"),
        # Not slips: unrelated digits, the leading digit of a longer number, a unit's
        # million in a table header, and equal values.
        (fig("39,500", 39500, 39499.5, 39500.5), fig("48,000", 48000, 47999.5, 48000.5), None),
        (fig("310", 310, 309.5, 310.5), fig("230", 230, 229.5, 230.5), None),
        (fig("53.9", 53.9, 53.85, 53.95), fig("53.9 million", 53.9e6, 53.85e6, 53.95e6), None),
        (fig("3,956", 3956, 3955.5, 3956.5), fig("398", 398, 397.5, 398.5), None),
        (fig("49%", 49, 48.5, 49.5, "percent"), fig("49 percent", 49, 48.5, 49.5, "percent"), None),
        # Shared digits at ten times the size: a whole and one of its parts, not a slip.
        (fig("$5.8bn", 5.8e9, 5.75e9, 5.85e9), fig("$0.56bn", 5.6e8, 5.55e8, 5.65e8), None),
    ],
)
def test_slip_kinds(a: Figure, b: Figure, kind: str | None) -> None:
    assert slip(a, b) == kind


def test_same_precision_values_agree_only_when_equal() -> None:
    # Half-open intervals: 1.7 stands for [1.65, 1.75), 1.8 for [1.75, 1.85).
    assert not values_agree(
        fig("1.7%", 1.7, 1.65, 1.75, "percent"), fig("1.8%", 1.8, 1.75, 1.85, "percent")
    )
    assert values_agree(
        fig("1.75%", 1.75, 1.745, 1.755, "percent"), fig("1.8%", 1.8, 1.75, 1.85, "percent")
    )
    # Float noise at a touching end is no overlap.
    assert not values_agree(
        fig("1.1%", 1.1, 1.05, 1.1500000000000001, "percent"),
        fig("1.2%", 1.2, 1.15, 1.25, "percent"),
    )
    assert digits(fig("$1.54 million", 1.54e6, 1.535e6, 1.545e6, "money")) == "154"


def test_cue_tables_match_whole_words() -> None:
    assert cues.ends_with("prior_before", "sales rose to £4.1bn, up from ")
    assert cues.starts_with("prior_after", " a year earlier, the company said")
    assert not cues.ends_with("prior_before", "the frontier ")
    assert not cues.starts_with("prior_after", " this year")


def test_model_reads_weights_and_ignores_unknown_features() -> None:
    base = probability("same_as", {})
    assert 0.0 < base < 0.5
    assert probability("same_as", {"value_agree": 1.0}) > base
    assert probability("same_as", {"no_such_feature": 1.0}) == pytest.approx(base)
    assert 0.0 < threshold("same_as") < 1.0
    view = identity("same_as")
    assert view is not None
    assert any({"slip_long", "one_top"} <= set(p["requires_all"]) for p in view["paths"])


def test_resolver_keeps_one_candidate_per_exclusive_key() -> None:
    weak = Candidate("change_of", ("F1", "F2"), ("change", "to"), {"frame_link": 1.0}, ("F1",))
    strong = Candidate(
        "change_of", ("F1", "F2", "F3"), ("change", "to", "from"), {"frame_link": 1.0}, ("F1",)
    )
    weak.score, strong.score = 0.8, 0.9
    low = Candidate("converts", ("F4", "F5"), ("from", "to"), {})
    low.score = 0.1
    out = resolve([weak, strong, low])
    assert [(r.type, r.figures) for r in out] == [("change_of", ("F1", "F2", "F3"))]
    assert out[0].one("from") == "F3" and out[0].ids("to") == ("F2",)


ARTICLE = (
    "Tramline carries record numbers\n\n"
    "- Average weekday journeys: 154,000\n"
    "- Fare income: £48.2m\n\n"
    "The Harbour Tramline had its busiest year since it opened, its operator said.\n\n"
    "The Harbour Tramline carried an average of 1.54 million journeys every weekday last year, "
    "the operator said on Monday.\n\n"
    "Fare income rose to £48.2m, and the operator plans two new stops.\n"
)


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return analyze(ARTICLE, source="tram.txt", as_of=date(2026, 3, 2))


def test_restatement_at_another_scale_is_one_quantity_and_fails(report) -> None:  # type: ignore[no-untyped-def]
    by_text = {f.text: f.id for f in report.figures}
    pair = {by_text["154,000"], by_text["1.54 million"]}
    rel = next(r for r in report.relations if r.type == "same_as" and set(r.figures) == pair)
    assert IDENTITY_VIEW in rel.evidence and "slip_scale" in rel.evidence
    fail = next(c for c in report.checks if c.id == "NC101" and set(c.figures) == pair)
    assert fail.status == "fail"
    assert "slip of scale" in fail.message and "154,000" in fail.message


def test_agreeing_restatement_is_related_and_passes(report) -> None:  # type: ignore[no-untyped-def]
    ids = [f.id for f in report.figures if f.text == "£48.2m"]
    assert len(ids) == 2
    assert any(r.type == "same_as" and set(r.figures) == set(ids) for r in report.relations)
    assert not any(c.status == "fail" and set(c.figures) == set(ids) for c in report.checks)


def test_relations_are_in_the_json_in_text_order(report) -> None:  # type: ignore[no-untyped-def]
    doc = report.to_dict()
    assert list(doc)[list(doc).index("figures") + 1] == "relations"
    rels = doc["relations"]
    assert rels and all(set(r) == {"type", "figures", "roles", "score", "evidence"} for r in rels)
    firsts = [int(r["figures"][0][1:]) for r in rels]
    assert firsts == sorted(firsts)


def test_two_different_quantities_with_unrelated_values_are_not_compared() -> None:
    text = (
        "Storm leaves homes without power\n\n"
        "By 8am, 39,500 homes were without power, the network operator said.\n\n"
        "By noon, 48,000 homes were without power as the storm moved north.\n"
    )
    report = analyze(text, source="storm.txt", as_of=date(2026, 1, 12))
    assert not [c for c in report.checks if c.id == "NC101" and c.status == "fail"]


def _nc101_fails(text: str, name: str) -> list[str]:
    report = analyze(text, source=name, as_of=date(2026, 3, 2))
    return [c.message for c in report.checks if c.id == "NC101" and c.status == "fail"]


def test_a_table_cell_restated_in_prose_with_digits_swapped_fails() -> None:
    text = (
        "# Larchmont Robotics files for listing\n\n"
        "Larchmont Robotics set out its results in its filing on Monday.\n\n"
        "| Metric | 2024 | 2025 |\n"
        "|---|---|---|\n"
        "| Revenue | $61.5m | $88.0m |\n"
        "| Operating margin | 12.1% | 14.6% |\n\n"
        "The company reported an operating margin of 16.4% in 2025, it said.\n"
    )
    fails = _nc101_fails(text, "t.md")
    assert any("14.6%" in m and "16.4%" in m for m in fails), fails
    text_ok = text.replace("16.4%", "14.6%")
    assert not _nc101_fails(text_ok, "t.md")


def test_one_item_of_a_series_restated_from_the_top_differently_fails() -> None:
    text = (
        "Institute trims jobless outlook\n\n"
        "- The institute sees unemployment at 4.6 per cent in 2026, 4.3 per cent in 2027 "
        "and 4.1 per cent in 2028\n\n"
        "The institute published its spring projections on Monday.\n\n"
        "Its economists put unemployment at 4.6 per cent in 2026 and 4.2 per cent in 2027, "
        "falling to 4.1 per cent in 2028, they said.\n"
    )
    fails = _nc101_fails(text, "t.txt")
    assert any("4.3 per cent" in m and "4.2 per cent" in m for m in fails), fails
    assert not _nc101_fails(text.replace("4.2 per cent", "4.3 per cent"), "t.txt")


def test_a_forecast_said_to_be_unchanged_but_restated_differently_fails() -> None:
    text = (
        "Brightwater Foods lifts first-half sales\n\n"
        "Brightwater Foods said first-half sales rose 6% to $3.1 billion, about half of "
        "its full-year sales forecast of $6.2 billion.\n\n"
        "Brightwater kept its full-year sales forecast of $6.5 billion unchanged, the company "
        "said.\n"
    )
    fails = _nc101_fails(text, "t.txt")
    assert any("$6.2 billion" in m and "$6.5 billion" in m for m in fails), fails
    assert not _nc101_fails(text.replace("$6.5 billion", "$6.2 billion"), "t.txt")


def test_a_rival_claim_or_an_expectation_is_not_a_restatement() -> None:
    text = (
        "Brightwater profit falls short\n\n"
        "Brightwater Foods said on Monday that its 2025 net profit was $1.12 billion.\n\n"
        "Analysts had expected 2025 net profit of $1.21 billion, according to a poll.\n\n"
        "The union claims Brightwater's 2025 net profit was $1.21 billion before a one-off "
        "charge.\n"
    )
    assert not _nc101_fails(text, "t.txt")
    # The same figure restated by the company itself, one digit changed, still fails.
    text_bad = text.replace("The union claims", "The company said")
    assert any(
        "$1.12 billion" in m and "$1.21 billion" in m for m in _nc101_fails(text_bad, "t.txt")
    )
