"""Conversion, date and name rules (NC111, NC112, NC131, NC132, NC141, NC142) on hand-built frames."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newscheck.nlp.checks.rates import ReferenceRates
from newscheck.nlp.checks.registry import CheckContext, Rule
from newscheck.nlp.checks.rules.conversions import (
    ConversionConsistency,
    ConversionVsReferenceRate,
    amount,
    fmt_rate,
    fmt_rates,
    money_like,
)
from newscheck.nlp.checks.rules.dates import AgeVsYear, WeekdayDate
from newscheck.nlp.checks.rules.names import NameSpelling, PersonTitles, damerau_levenshtein
from newscheck.nlp.types import CheckResult, Entity, Figure, Mention, Position, Sentence

# --- factory ---------------------------------------------------------------------------


def line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def find(text: str, snippet: str, nth: int = 0) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(snippet, at + 1)
    return at


def fig(
    text: str, snippet: str, fid: str, kind: str, value: Any, nth: int = 0, **kw: Any
) -> Figure:
    """A figure at the nth occurrence of `snippet`; analysis text == original text here."""
    start = find(text, snippet, nth)
    line, col = line_col(text, start)
    return Figure(
        id=fid,
        text=snippet,
        kind=kind,  # type: ignore[arg-type]
        value=value,
        unit=kw.pop("unit", None),
        low=kw.pop("low", None),
        high=kw.pop("high", None),
        approx=kw.pop("approx", None),
        start=start,
        end=start + len(snippet),
        line=line,
        column=col,
        a_start=start,
        a_end=start + len(snippet),
        **kw,
    )


def money(
    text: str, snippet: str, fid: str, value: float, unit: str, step: float, **kw: Any
) -> Figure:
    """Money with the interval its stated precision allows (`step` = last digit's unit)."""
    return fig(
        text,
        snippet,
        fid,
        "money",
        value,
        unit=unit,
        low=value - step / 2,
        high=value + step / 2,
        **kw,
    )


def ent(text: str, name: str, label: str, *snippets: str | tuple[str, int]) -> Entity:
    mentions = []
    for s in snippets:
        snippet, nth = (s, 0) if isinstance(s, str) else s
        start = find(text, snippet, nth)
        line, col = line_col(text, start)
        mentions.append(Mention(start, start + len(snippet), line, col, snippet))
    return Entity(name, label, len(mentions), mentions)


def context(text: str, figures: list[Figure] = (), **kw: Any) -> CheckContext:  # type: ignore[assignment]
    def position(s: int, e: int) -> Position:
        return Position(s, e, *line_col(text, s), text[s:e])

    return CheckContext(text=text, figures=list(figures), position=position, **kw)


def run(rule: type[Rule], ctx: CheckContext) -> list[CheckResult]:
    return list(rule().run(ctx))


def span_texts(r: CheckResult) -> list[str]:
    return [p.text for p in r.spans]


@pytest.fixture(scope="module")
def ecb() -> ReferenceRates:
    return ReferenceRates.load()


@pytest.fixture()
def small_rates(tmp_path: Path) -> ReferenceRates:
    """A --rates file that ends on Wednesday 2030-10-30."""
    path = tmp_path / "eurofxref-hist.csv"
    path.write_text(
        "Date,USD,GBP,\n2030-10-30,1.10,0.85,\n2030-10-01,1.12,0.86,\n2030-09-30,1.30,0.80,\n",
        encoding="utf-8",
    )
    return ReferenceRates.load(path)


# --- NC111 / NC112: conversions ---------------------------------------------------------

SEED = "AI revenue rose to €1B (~$1.1B) in Q1 2026.\nGroup sales were €4.5 billion (about $4.9 billion)."


def seed_figures(period: str | None = "2026-Q1") -> list[Figure]:
    return [
        money(SEED, "€1B", "f1", 1e9, "EUR", 1e8, period=period),
        money(
            SEED,
            "$1.1B",
            "f2",
            1.1e9,
            "USD",
            1e8,
            role="conversion",
            converts="f1",
            approx="about",
            period=period,
        ),
        money(SEED, "€4.5 billion", "f3", 4.5e9, "EUR", 1e8, period=period),
        money(
            SEED,
            "$4.9 billion",
            "f4",
            4.9e9,
            "USD",
            1e8,
            role="conversion",
            converts="f3",
            approx="about",
            period=period,
        ),
    ]


def test_nc111_seed_conversions_agree(ecb: ReferenceRates) -> None:
    [r] = run(ConversionConsistency, context(SEED, seed_figures(), rates=ecb))
    assert (r.id, r.status, r.severity) == ("NC111", "pass", "error")
    assert r.figures == ("f1", "f2", "f3", "f4")
    assert '"€1B (~$1.1B)"' in r.message and '"€4.5 billion (about $4.9 billion)"' in r.message
    # The overlap is the tighter of the two: 4.85/4.55 .. 4.95/4.45.
    assert "1.066–1.112 USD per EUR" in r.message


TWO = "Revenue was €2 billion ($2.2 billion).\nProfit was €500 million ($650 million)."


def two_figures() -> list[Figure]:
    return [
        money(TWO, "€2 billion", "a", 2e9, "EUR", 1e8),
        money(TWO, "$2.2 billion", "b", 2.2e9, "USD", 1e8, role="conversion", converts="a"),
        money(TWO, "€500 million", "c", 500e6, "EUR", 1e6),
        money(TWO, "$650 million", "d", 650e6, "USD", 1e6, role="conversion", converts="c"),
    ]


def test_nc111_disagreeing_conversions_fail_stating_both() -> None:
    [r] = run(ConversionConsistency, context(TWO, two_figures()))
    assert (r.status, r.severity) == ("fail", "error")
    assert r.message == (
        '"€2 billion ($2.2 billion)" implies 1.049–1.154 USD per EUR but '
        '"€500 million ($650 million)" implies 1.298–1.302 USD per EUR; '
        "one article should convert at one rate"
    )
    assert span_texts(r) == ["€2 billion", "$2.2 billion", "€500 million", "$650 million"]
    assert [(p.line, p.column) for p in r.spans] == [(1, 13), (1, 25), (2, 12), (2, 26)]


def test_nc111_inverts_conversions_in_the_other_direction() -> None:
    text = "Costs were $1.2 billion (€1 billion).\nSales were €2 billion ($2.4 billion)."
    figs = [
        money(text, "$1.2 billion", "a", 1.2e9, "USD", 1e8),
        money(text, "€1 billion", "b", 1e9, "EUR", 1e8, role="conversion", converts="a"),
        money(text, "€2 billion", "c", 2e9, "EUR", 1e8),
        money(text, "$2.4 billion", "d", 2.4e9, "USD", 1e8, role="conversion", converts="c"),
    ]
    [r] = run(ConversionConsistency, context(text, figs))
    assert r.status == "pass" and "EUR per USD" in r.message
    # Now make the second one disagree: $3.4 billion for €2 billion.
    figs[3] = money(
        text.replace("2.4", "3.4"),
        "$3.4 billion",
        "d",
        3.4e9,
        "USD",
        1e8,
        role="conversion",
        converts="c",
    )
    [r] = run(ConversionConsistency, context(text.replace("2.4", "3.4"), figs))
    assert r.status == "fail"
    assert "implies 0.7600–0.9130 EUR per USD" in r.message  # 0.95/1.25 .. 1.05/1.15
    assert "implies 0.5652–0.6119 EUR per USD" in r.message  # 1.95/3.45 .. 2.05/3.35


def test_nc111_needs_two_conversions_of_one_pair() -> None:
    text = "Sales were €2 billion ($2.2 billion) and £1 billion ($1.9 billion)."
    figs = [
        money(text, "€2 billion", "a", 2e9, "EUR", 1e8),
        money(text, "$2.2 billion", "b", 2.2e9, "USD", 1e8, role="conversion", converts="a"),
        money(text, "£1 billion", "c", 1e9, "GBP", 1e8),
        money(text, "$1.9 billion", "d", 1.9e9, "USD", 1e8, role="conversion", converts="c"),
    ]
    assert run(ConversionConsistency, context(text, figs)) == []


#: An article date inside the seed's Q1 2026: only the period's range is used.
SEED_DAY = date(2026, 3, 5)


def test_nc112_seed_conversion_is_flagged_against_the_ecb(ecb: ReferenceRates) -> None:
    results = run(
        ConversionVsReferenceRate, context(SEED, seed_figures(), rates=ecb, doc_date=SEED_DAY)
    )
    assert [(r.figures, r.status) for r in results] == [
        (("f1", "f2"), "pass"),
        (("f3", "f4"), "fail"),
    ]
    ok, bad = results
    assert bad.severity == "warning"
    # "about" is not widened: with ±5% the 1.112 upper end would reach 1.168 and pass.
    desk = ecb.range("EUR", "USD", date(2026, 2, 5), SEED_DAY)
    assert desk is not None
    assert bad.message == (
        '"€4.5 billion (about $4.9 billion)" implies 1.066–1.112 USD per EUR; the ECB '
        f"reference rate in 2026-Q1 was 1.148–1.197 ({fmt_rates((desk.low, desk.high))} in the "
        "28 days to 2026-03-05), so €4.5 billion was about $5.3 billion"
    )
    assert span_texts(bad) == ["€4.5 billion", "$4.9 billion"]
    assert bad.spans[0].line == 2
    details = dict(bad.details)
    assert details["ecb_days"] == 63 and details["period"] == "2026-Q1" and "partial" not in details
    # €1B -> $1.1B: 1.05/1.05 .. 1.15/0.95 = 1.000–1.211 overlaps the ECB range.
    assert ok.message.startswith('"€1B (~$1.1B)" implies 1.000–1.211 USD per EUR, consistent')


def test_nc112_period_from_the_source_figure(ecb: ReferenceRates) -> None:
    figs = seed_figures(period=None)
    figs[2].period = "2026-Q1"
    results = run(ConversionVsReferenceRate, context(SEED, figs, rates=ecb, doc_date=SEED_DAY))
    assert results[1].status == "fail" and "in 2026-Q1" in results[1].message


def test_nc112_without_a_period_uses_the_four_weeks_to_the_article_date(
    ecb: ReferenceRates,
) -> None:
    day = date(2026, 3, 5)
    desk = ecb.range("EUR", "USD", date(2026, 2, 5), day)
    assert desk is not None
    results = run(
        ConversionVsReferenceRate, context(SEED, seed_figures(None), rates=ecb, doc_date=day)
    )
    bad = results[1]
    assert bad.status == "fail"
    assert f"in the 28 days to 2026-03-05 was {fmt_rates((desk.low, desk.high))}," in bad.message
    assert dict(bad.details)["ecb_days"] == desk.days


def test_nc112_a_rate_of_the_weeks_before_the_article_passes(ecb: ReferenceRates) -> None:
    # 1.10 dollars per euro: no ECB day of 2026-Q1 fixed it, but a desk writing on
    # a Saturday converts at a rate it has used for weeks; a day within them fixed
    # 1.16 or below, so $1.1B for €1B at 1.000–1.211 passes and 1.066–1.112 fails.
    saturday = date(2026, 3, 7)
    results = run(
        ConversionVsReferenceRate, context(SEED, seed_figures(None), rates=ecb, doc_date=saturday)
    )
    assert [r.status for r in results] == ["pass", "fail"]
    assert "in the 28 days to 2026-03-07" in results[1].message


def test_nc112_article_after_the_data_is_not_failed(small_rates: ReferenceRates) -> None:
    # The article's own day is after the last ECB day: its rate is unknown, so a
    # miss against the days before it is no evidence.
    text = "It paid €600m ($780m)."
    figs = [
        money(text, "€600m", "a", 600e6, "EUR", 1e6),
        money(text, "$780m", "b", 780e6, "USD", 1e6, role="conversion", converts="a"),
    ]
    [r] = run(
        ConversionVsReferenceRate,
        context(text, figs, rates=small_rates, doc_date=date(2030, 11, 3)),
    )
    assert r.status == "skip"
    assert "after the last ECB rate in the data (2030-10-30)" in r.message
    # Within the data, the same miss fails: 1.30 was fixed on 2030-09-30, before the weeks.
    [r] = run(
        ConversionVsReferenceRate,
        context(text, figs, rates=small_rates, doc_date=date(2030, 10, 30)),
    )
    assert r.status == "fail"


def test_nc112_skips_without_an_article_date(ecb: ReferenceRates) -> None:
    # A period the frames inferred is not enough: no period figure is written in
    # the sentences, and the conversion may be at the rate of the day of writing.
    for period in (None, "2026-Q1"):
        results = run(ConversionVsReferenceRate, context(SEED, seed_figures(period), rates=ecb))
        assert {(r.status, r.message) for r in results} == {
            (
                "skip",
                "article date unknown: a conversion may use the rate of the day it was "
                "written; pass --as-of DATE",
            )
        }


def test_nc112_without_a_date_a_stated_quarter_and_the_quarter_after_are_the_reference(
    ecb: ReferenceRates,
) -> None:
    text = "The Q1 2026 report shows revenue of €4.5 billion (about $4.9 billion) and €1B (~$1.1B)."
    figs = [
        fig(text, "Q1 2026", "p1", "period", "2026-Q1"),
        money(text, "€4.5 billion", "f1", 4.5e9, "EUR", 1e8, period="2026-Q1"),
        money(
            text, "$4.9 billion", "f2", 4.9e9, "USD", 1e8,
            role="conversion", converts="f1", approx="about", period="2026-Q1",
        ),
        money(text, "€1B", "f3", 1e9, "EUR", 1e8, period="2026-Q1"),
        money(
            text, "$1.1B", "f4", 1.1e9, "USD", 1e8,
            role="conversion", converts="f3", approx="about", period="2026-Q1",
        ),
    ]  # fmt: skip
    bad, ok = run(ConversionVsReferenceRate, context(text, figs, rates=ecb))
    assert (bad.status, ok.status) == ("fail", "pass")
    quarter = ecb.range("EUR", "USD", date(2026, 1, 1), date(2026, 3, 31))
    reported = ecb.range("EUR", "USD", date(2026, 1, 1), date(2026, 6, 30))
    assert quarter is not None and reported is not None and reported.low < quarter.low
    assert (
        f"the ECB reference rate in 2026-Q1 was {fmt_rates((quarter.low, quarter.high))} "
        f"({fmt_rates((reported.low, reported.high))} to 2026-06-30, when 2026-Q1 is reported)"
    ) in bad.message
    assert "article date unknown" in str(dict(bad.details)["period_note"])


@pytest.mark.parametrize(
    ("period_text", "label", "role"),
    [
        ("March 2026", "2026-03", "level"),  # a month narrates an event: converted later
        ("2026", "2026", "level"),
        ("Q1 2026", "2026-Q1", "forecast"),  # converted before the period, at an unknown rate
    ],
)
def test_nc112_without_a_date_other_periods_are_skipped(
    ecb: ReferenceRates, period_text: str, label: str, role: str
) -> None:
    text = f"In {period_text} revenue was €4.5 billion (about $4.9 billion)."
    figs = [
        fig(text, period_text, "p1", "period", label),
        money(text, "€4.5 billion", "f1", 4.5e9, "EUR", 1e8, period=label, role=role),
        money(
            text, "$4.9 billion", "f2", 4.9e9, "USD", 1e8,
            role="conversion", converts="f1", approx="about", period=label,
        ),
    ]  # fmt: skip
    [r] = run(ConversionVsReferenceRate, context(text, figs, rates=ecb))
    assert r.status == "skip" and r.message.startswith("article date unknown")


def test_nc112_skips_without_rates() -> None:
    results = run(ConversionVsReferenceRate, context(SEED, seed_figures()))
    assert [r.status for r in results] == ["skip", "skip"]
    assert results[0].message == "no reference rates loaded"


def test_nc112_period_after_the_data_is_skipped(small_rates: ReferenceRates) -> None:
    results = run(
        ConversionVsReferenceRate,
        context(SEED, seed_figures("2031-Q1"), rates=small_rates, doc_date=date(2031, 4, 15)),
    )
    assert results[0].status == "skip"
    assert results[0].message == (
        "period 2031-Q1 is after the last ECB rate in the data (2030-10-30); "
        "pass --rates FILE with a newer eurofxref-hist"
    )


def test_nc112_partly_elapsed_period_uses_the_days_available(small_rates: ReferenceRates) -> None:
    results = run(
        ConversionVsReferenceRate,
        context(SEED, seed_figures("2030-Q4"), rates=small_rates, doc_date=date(2030, 11, 3)),
    )
    ok = results[0]
    assert ok.status == "pass"  # 1.10–1.12 in Q4 so far; 1.30 was a Q3 day
    assert "in 2030-Q4 (to 2030-10-30) (1.100–1.120)" in ok.message
    assert (
        dict(ok.details)["partial"]
        == "2030-Q4 only partly covered: ECB rates to 2030-10-30 (2 days)"
    )


def test_nc112_unknown_currency_and_bad_period(ecb: ReferenceRates) -> None:
    text = "It paid €1 billion (XYZ 9 billion)."
    figs = [
        money(text, "€1 billion", "a", 1e9, "EUR", 1e8, period="2026-Q1"),
        money(text, "XYZ 9 billion", "b", 9e9, "XYZ", 1e9, role="conversion", converts="a"),
    ]
    [r] = run(ConversionVsReferenceRate, context(text, figs, rates=ecb))
    assert (r.status, r.message) == ("skip", "no ECB reference rate for XYZ")
    figs[1].unit = "USD"
    figs[0].period = "late 2026"
    [r] = run(ConversionVsReferenceRate, context(text, figs, rates=ecb, doc_date=SEED_DAY))
    assert (r.status, r.message) == ("skip", "period 'late 2026' not understood")


def test_nc112_legacy_currency(ecb: ReferenceRates) -> None:
    # DM 100 million is €51.13 million at the irrevocable rate.
    for stated, status in (("€51 million", "pass"), ("€60 million", "fail")):
        text = f"The 2001 deal was worth DM 100 million ({stated})."
        figs = [
            money(text, "DM 100 million", "a", 100e6, "DEM", 1e6, period="2001"),
            money(
                text,
                stated,
                "b",
                float(stated[1:3]) * 1e6,
                "EUR",
                1e6,
                role="conversion",
                converts="a",
            ),
        ]
        [r] = run(
            ConversionVsReferenceRate, context(text, figs, rates=ecb, doc_date=date(2001, 6, 1))
        )
        assert r.status == status, r.message
        assert "reference rate in 2001 was 0.5113" in r.message or status == "pass"


def test_money_like_keeps_the_written_form() -> None:
    text = "about $4.9 billion and ~$1.1B and $650 million and $1,200 million"
    assert (
        money_like(5.266e9, fig(text, "$4.9 billion", "a", "money", 4.9e9, unit="USD"))
        == "$5.3 billion"
    )
    assert money_like(1.17e9, fig(text, "$1.1B", "b", "money", 1.1e9, unit="USD")) == "$1.2B"
    assert (
        money_like(712.4e6, fig(text, "$650 million", "c", "money", 650e6, unit="USD"))
        == "$712 million"
    )
    assert (
        money_like(1234.5e6, fig(text, "$1,200 million", "d", "money", 1200e6, unit="USD"))
        == "$1,234 million"
    )


def test_fmt_rate_four_significant_digits() -> None:
    assert [fmt_rate(x) for x in (1.0769, 163.46, 20275.17, 0.83578)] == [
        "1.077",
        "163.5",
        "20,275",
        "0.8358",
    ]


# --- NC131 weekday ------------------------------------------------------------------------


def test_nc131_wrong_weekday_fails() -> None:
    text = "March 5, 2026\nThe vote is on Monday, March 4, 2026."
    f = fig(text, "Monday, March 4, 2026", "d1", "date", "2026-03-04", weekday=0)
    [r] = run(WeekdayDate, context(text, [f], doc_date=date(2026, 3, 5)))
    assert (r.id, r.status, r.severity) == ("NC131", "fail", "error")
    assert r.message == "Monday, March 4, 2026: March 4, 2026 was a Wednesday"
    assert r.figures == ("d1",) and (r.line, r.column) == (2, 16)


def test_nc131_day_first_future_and_right_weekday() -> None:
    text = "Published 2 March 2026\nTalks resume on Tuesday 4 March 2026 and end on Friday 6 March 2026."
    figs = [
        fig(text, "Tuesday 4 March 2026", "d1", "date", "2026-03-04", weekday=1),
        fig(text, "Friday 6 March 2026", "d2", "date", "2026-03-06", weekday=4),
        fig(text, "2 March 2026", "d0", "date", "2026-03-02"),  # no weekday stated
    ]
    results = run(WeekdayDate, context(text, figs, doc_date=date(2026, 3, 2)))
    assert [(r.figures, r.status) for r in results] == [(("d1",), "fail"), (("d2",), "pass")]
    assert results[0].message == "Tuesday 4 March 2026: 4 March 2026 falls on a Wednesday"
    assert results[1].message == "Friday 6 March 2026: 6 March 2026 is a Friday"


def test_nc131_year_from_the_dateline_without_an_article_date() -> None:
    text = "BRUSSELS, Jan. 12, 2026\nMinisters meet on Thursday, Jan. 20, officials said."
    f = fig(text, "Thursday, Jan. 20", "d1", "date", "--01-20", weekday=3)
    [r] = run(WeekdayDate, context(text, [f]))
    assert (
        r.status == "fail" and r.message == "Thursday, Jan. 20: January 20, 2026 falls on a Tuesday"
    )


def test_nc131_year_stated_elsewhere_for_the_month() -> None:
    # No date on the top lines: the one year the article gives November is used.
    text = "A\nB\nC\nD\nE\nF\nG\nVoters went to the polls on Nov. 4, 2025. Results are certified on Tuesday, Nov. 24."
    figs = [
        fig(text, "Nov. 4, 2025", "d1", "date", "2025-11-04"),
        fig(text, "Tuesday, Nov. 24", "d2", "date", "--11-24", weekday=1),
    ]
    [r] = run(WeekdayDate, context(text, figs))
    assert r.status == "fail" and r.message.endswith("November 24, 2025 was a Monday")
    # Two years for November, or none: no year to check against.
    text2 = text.replace("Nov. 4, 2025.", "Nov. 4, 2025 and Nov. 3, 2021.")
    figs2 = [*figs[:1], fig(text2, "Nov. 3, 2021", "d3", "date", "2021-11-03")]
    figs2.append(fig(text2, "Tuesday, Nov. 24", "d2", "date", "--11-24", weekday=1))
    assert run(WeekdayDate, context(text2, figs2)) == []


@pytest.mark.parametrize(
    ("text", "snippet", "statuses"),
    [
        (
            "Fed officials meet on Tuesday and Wednesday, Sept. 15-16.",
            "Wednesday, Sept. 15",
            ["pass", "pass"],
        ),
        (
            "Fed officials meet on Monday and Tuesday, Sept. 15-16.",
            "Tuesday, Sept. 15",
            ["fail", "fail"],
        ),
        (
            "Fed officials meet on Tuesday and Wednesday, Sept. 15 and 16.",
            "Wednesday, Sept. 15",
            ["pass", "pass"],
        ),
        # One weekday over two days: it could name either.
        ("Fed officials meet on Wednesday, Sept. 15-16.", "Wednesday, Sept. 15", []),
    ],
)
def test_nc131_two_weekdays_over_a_day_range_map_pairwise(
    text: str, snippet: str, statuses: list[str]
) -> None:
    f = fig(text, snippet, "d1", "date", "2026-09-15", weekday=2 if "Wed" in snippet else 1)
    results = run(WeekdayDate, context(text, [f], doc_date=date(2026, 9, 4)))
    assert [r.status for r in results] == statuses
    if statuses:
        assert {
            r.details_dict()["date"] if hasattr(r, "details_dict") else dict(r.details)["date"]
            for r in results
        } == {"2026-09-15", "2026-09-16"}


@pytest.mark.parametrize(
    ("text", "snippet", "status", "label"),
    [
        ("The vote is on Wednesday (March 5).", "March 5", "fail", "Wednesday (March 5)"),
        ("The vote is on March 5 (Thu), the board said.", "March 5", "pass", "March 5 (Thu)"),
    ],
)
def test_nc131_weekday_in_brackets(text: str, snippet: str, status: str, label: str) -> None:
    f = fig(text, snippet, "d1", "date", "2026-03-05")
    [r] = run(WeekdayDate, context(text, [f], doc_date=date(2026, 3, 2)))
    assert r.status == status and r.message.startswith(label + ":")


def test_nc131_day_weekday_pair_before_a_date() -> None:
    text = "The fair opens on Friday 25 and Sunday 26 April."
    f = fig(text, "Sunday 26 April", "d1", "date", "2026-04-26", weekday=6)
    results = run(WeekdayDate, context(text, [f], doc_date=date(2026, 4, 14)))
    assert [(r.status, dict(r.details)["date"]) for r in results] == [
        ("fail", "2026-04-25"),
        ("pass", "2026-04-26"),
    ]
    assert results[0].message == "Friday 25 April: 25 April 2026 falls on a Saturday"
    assert span_texts(results[0]) == ["Friday 25", "Sunday 26 April"]


# --- NC132 age vs year -------------------------------------------------------------------

NC132_CASES = [
    ("Founded in 1865, the 150-year-old company makes routers.", "fail"),
    ("Founded in 1865, the 160-year-old company makes routers.", "pass"),
    ("Founded in 1865, the 162-year-old company makes routers.", "fail"),
    ("Founded in 1865, the 161-year-old company makes routers.", "pass"),
    ("The firm, founded in 1865, marks its 150th anniversary.", "fail"),
    ("The firm, founded in 1865, marked its 150th anniversary in 2015.", "pass"),
    ("The firm, founded in 1865, marked its 140th anniversary in 2015.", "fail"),
    ("Anna Berg, 45, born in 1980, leads the unit.", "pass"),
    ("Anna Berg, 40, born in 1980, leads the unit.", "fail"),
    # Born in 1981: 44 or 45 in 2026, never 46.
    ("Jane Roe, 46, who was born in 1981, leads the unit.", "fail"),
    ("Jane Roe, 44, who was born in 1981, leads the unit.", "pass"),
    ("Born in 1976, Jane Roe turned 50 in January.", "pass"),
    ("Born in 1970, Jane Roe turned 50 in January.", "fail"),
    # An anniversary pinned to a year is exact.
    (
        "The museum, which opened its doors on Whitby's quay in 1876, marks its 150th anniversary this year.",
        "pass",
    ),
    (
        "The museum, which opened its doors on Whitby's quay in 1875, will celebrate its 150th anniversary this year.",
        "fail",
    ),
    ("The club, founded in 1926, is marking 100 years with a parade.", "pass"),
    ("The club, founded in 1936, is marking 100 years with a parade.", "fail"),
    ("The club, founded in 1925, celebrates its centenary this year.", "fail"),
    ("The club, founded in 1926, celebrates its centenary this year.", "pass"),
    ("The club, founded in 1976, marked its fiftieth anniversary in 2025.", "fail"),
    ("The museum has stood 140 years since it opened in 1875.", "fail"),
    ("The app is celebrating 25 years since its 2001 launch.", "pass"),
    ("The app is celebrating 20 years since its 2001 launch.", "fail"),
    ("The bank, established in March 1926, is 100 years old.", "pass"),
    # An age "now" and the age a coming birthday completes (the article is of 5 March).
    ("Born in 1941, the former keeper is now 84 and lives nearby.", "pass"),
    ("Born in 1941, the former keeper is now 81 and lives nearby.", "fail"),
    ("Mrs Ode, who was born on 30 April 1926, turns 100 next month.", "pass"),
    ("Mrs Ode, who was born on 30 April 1926, turns 101 next month.", "fail"),
    ("Mr Tay, who was born on 2 February 1926, turns 101 next February.", "pass"),
]


@pytest.mark.parametrize(("sentence", "status"), NC132_CASES)
def test_nc132_age_vs_year(sentence: str, status: str) -> None:
    text = "March 5, 2026\n" + sentence
    [r] = run(AgeVsYear, context(text, doc_date=date(2026, 3, 5)))
    assert (r.status, r.severity) == (status, "error"), r.message
    assert all(p.line == 2 for p in r.spans)


def test_nc132_message_and_spans() -> None:
    text = "Founded in 1865, the 150-year-old company makes routers."
    [r] = run(AgeVsYear, context(text, doc_date=date(2026, 3, 5)))
    assert r.message == (
        '"150-year-old" vs "Founded in 1865": in 2026 (the article\'s year), '
        "2026 − 1865 = 161 years, not 150"
    )
    assert span_texts(r) == ["Founded in 1865", "150-year-old"]


def test_nc132_age_in_the_next_sentence() -> None:
    text = "Nokia was founded in 1865. The 150-year-old company makes routers."
    [r] = run(AgeVsYear, context(text, doc_date=date(2026, 3, 5)))
    assert r.status == "fail" and span_texts(r) == ["founded in 1865", "150-year-old"]


@pytest.mark.parametrize(
    "text",
    [
        # Another year: the age may be as of then.
        "In 2015, the 150-year-old firm, founded in 1865, was sold.",
        "Founded in 1865, the then 150-year-old firm was sold.",
        # Two founding years: which one?
        "Founded in 1865 and relaunched in 1990, the 50-year-old brand grew.",
        # No anchor at all.
        "The 150-year-old firm makes routers.",
        # The next sentence states a year of its own.
        "Nokia was founded in 1865. In 2015 the 150-year-old company was sold.",
        # The age is at another time.
        "Jane Roe, who was born in 1981, was aged 30 when she founded the firm.",
        "Jane Roe, born in 1981, retired in 2019, aged 38.",
        # "will" without "this year": some later year.
        "The museum opened in 1875 and will celebrate its 150th anniversary.",
        # Opening something else is not the company's start.
        "The firm opened a plant in 1990 and is 150 years old.",
        # Anniversaries and spans counted from something else.
        "The agency, founded in 1958, marks the 50th anniversary of the landing this year.",
        "The charity, founded in 1990, says it is 80 years since the end of the war.",
        "The museum, opened in 1875, marks 200 years of the railway.",
    ],
)
def test_nc132_stays_quiet_when_unsure(text: str) -> None:
    assert run(AgeVsYear, context(text, doc_date=date(2026, 3, 5))) == []


def test_nc132_anniversary_far_from_the_only_founding_year() -> None:
    text = "The museum opened in 1875.\nIt has 12 rooms.\nIt celebrates its 150th anniversary this year."
    [r] = run(AgeVsYear, context(text, doc_date=date(2026, 4, 14)))
    assert r.status == "fail" and span_texts(r) == ["opened in 1875", "150th anniversary"]
    assert "2026 − 1875 = 151 years, not 150" in r.message
    # Two founding years: which one is counted from is unknown.
    text2 = "The museum opened in 1875. The pier opened in 1880.\nIt has 12 rooms.\n" + (
        "It celebrates its 150th anniversary this year."
    )
    assert run(AgeVsYear, context(text2, doc_date=date(2026, 4, 14))) == []


def test_nc132_year_from_the_dateline_when_no_article_date() -> None:
    text = "LONDON, April 14, 2026\nJane Roe, 46, who was born in 1981, leads the unit."
    [r] = run(AgeVsYear, context(text))
    assert r.status == "fail" and "in 2026 (the article's year)" in r.message


def test_nc132_age_and_birth_of_one_named_person_lines_apart() -> None:
    text = (
        "Darren Roper, 50, of Ossett, was sentenced on Monday.\nThe court heard evidence.\n"
        "Roper, who was born in November 1976, denied the charges."
    )
    [r] = run(AgeVsYear, context(text, doc_date=date(2026, 3, 10)))
    assert r.status == "fail" and span_texts(r) == ["50", "born in November 1976"]
    assert r.message.endswith("= 50 years of age (49 in March, before a November birthday), not 50")
    [ok] = run(AgeVsYear, context(text.replace("50,", "49,"), doc_date=date(2026, 3, 10)))
    assert ok.status == "pass"
    # Two Ropers: whose birth is it?
    two = text + "\nHis son, Kyle Roper, 24, was fined."
    assert run(AgeVsYear, context(two, doc_date=date(2026, 3, 10))) == []


def test_nc132_skips_without_an_article_year() -> None:
    [r] = run(AgeVsYear, context("Founded in 1865, the 150-year-old company makes routers."))
    assert r.status == "skip" and "--as-of DATE" in r.message


# --- NC141 name spelling ------------------------------------------------------------------


def test_damerau_levenshtein() -> None:
    assert damerau_levenshtein("Hotard", "Hotart") == 1
    assert damerau_levenshtein("Hotard", "Hotadr") == 1  # transposition
    assert damerau_levenshtein("kitten", "sitting") == 3
    assert damerau_levenshtein("", "abc") == 3
    assert damerau_levenshtein("Smith", "Smith") == 0


def test_nc141_surname_only_misspelling_fails() -> None:
    text = (
        "March 5, 2026\nChief executive Justin Hotard spoke.\nThe deal closed.\nHotart added more."
    )
    ctx = context(text, entities=[ent(text, "Justin Hotard", "PERSON", "Justin Hotard")])
    [r] = run(NameSpelling, ctx)
    assert (r.id, r.status, r.severity) == ("NC141", "fail", "warning")
    assert r.message == '"Hotart" (line 4) vs "Hotard" (line 2): same person spelled two ways?'
    assert span_texts(r) == ["Justin Hotard", "Hotart"]


def test_nc141_two_full_names_with_one_first_name() -> None:
    text = "Maria Gonzalez said prices rose.\nMaria Gonzales said demand held.\nGonzalez left."
    entities = [
        ent(text, "Maria Gonzalez", "PERSON", "Maria Gonzalez", ("Gonzalez", 1)),
        ent(text, "Maria Gonzales", "PERSON", "Maria Gonzales"),
    ]
    [r] = run(NameSpelling, context(text, entities=entities))
    # The spelling used more often is the reference.
    assert r.message == '"Gonzales" (line 2) vs "Gonzalez" (line 1): same person spelled two ways?'


def test_nc141_different_people_and_common_words_pass() -> None:
    text = (
        "Analyst Mark Smith expects growth. Mary Smyth disagrees. Smith repeated it.\n"
        "March sales of Marsh Ltd rose. Morel said so. Model results, a model year."
    )
    entities = [
        ent(text, "Mark Smith", "PERSON", "Mark Smith", ("Smith", 1)),
        ent(text, "Mary Smyth", "PERSON", "Mary Smyth"),
        ent(text, "Anna Marsh", "PERSON", "Marsh"),
        ent(text, "Morel", "PERSON", "Morel"),
    ]
    results = run(NameSpelling, context(text, entities=entities))
    assert [(r.status, r.message) for r in results] == [
        ("pass", '"Mark Smith": 2 mentions, spelled the same way')
    ]


def test_nc141_untagged_name_with_another_first_name_is_another_person() -> None:
    text = "Analyst Mark Smith expects growth. Mary Smyth disagrees."
    entities = [ent(text, "Mark Smith", "PERSON", "Mark Smith")]
    assert run(NameSpelling, context(text, entities=entities)) == []


def test_nc141_token_inside_an_org_is_not_a_name() -> None:
    text = "Tom Sanson joined Samson Group. Sanson said so."
    entities = [
        ent(text, "Tom Sanson", "PERSON", "Tom Sanson", ("Sanson", 1)),
        ent(text, "Samson Group", "ORG", "Samson Group"),
    ]
    results = run(NameSpelling, context(text, entities=entities))
    assert [r.status for r in results] == ["pass"]


def test_nc141_full_name_outside_a_person_entity_tells_two_people_apart() -> None:
    # The NER took "Helena Marchant" for an organisation; the text still names her in
    # full, with another first name than Helen Marchbank's.
    text = (
        "Helen Marchbank won the seat. The Green Party's Helena Marchant came fifth.\n"
        "Ms Marchbank thanked voters. Ms Marchant did not."
    )
    entities = [
        ent(text, "Helen Marchbank", "PERSON", "Helen Marchbank", "Ms Marchbank"),
        ent(text, "Helena Marchant", "ORG", "Helena Marchant"),
        ent(text, "Marchant", "PERSON", "Ms Marchant"),
    ]
    results = run(NameSpelling, context(text, entities=entities))
    assert [r.status for r in results] == ["pass"]


def test_nc141_untagged_variant_without_a_speech_verb() -> None:
    text = (
        "Chief executive Sabine Albrecht said sales rose.\n"
        "Investors expect Albrect, who joined in 2019, to stay on."
    )
    entities = [ent(text, "Sabine Albrecht", "PERSON", "Sabine Albrecht")]
    [r] = run(NameSpelling, context(text, entities=entities))
    assert r.status == "fail" and r.message.startswith('"Albrect" (line 2) vs "Albrecht"')


@pytest.mark.parametrize(
    "line",
    [
        "Albrect, the ratings agency, disagreed.",  # a sentence's first word
        "Investors at Albrect Street were calm.",  # part of a longer proper name
        "Bankers at Smith, Albrect, Lee and Co were calm.",  # a firm's partners
        "Investors Expect Albrect Results To Improve",  # a title-case headline
        "Investors expect Albrects, plural.",  # two edits without a person's context
    ],
)
def test_nc141_untagged_near_spelling_in_no_persons_place(line: str) -> None:
    text = "Chief executive Sabine Albrecht said sales rose.\n" + line
    entities = [ent(text, "Sabine Albrecht", "PERSON", "Sabine Albrecht")]
    assert [r.status for r in run(NameSpelling, context(text, entities=entities))] == []


def test_nc141_a_list_of_surnames_is_not_a_full_name() -> None:
    text = "Winfried Hutmann of Schroeder, Muenchmeyer, Hengst spoke.\nStaff at Munchmeyer agreed with the plan."
    entities = [ent(text, "Schroeder, Muenchmeyer", "PERSON", "Schroeder, Muenchmeyer")]
    assert run(NameSpelling, context(text, entities=entities)) == []


def test_nc141_surname_never_named_in_full_seeds_no_variants() -> None:
    text = "Labour held the seat. Costs fell, Labor said."
    entities = [ent(text, "Labour", "PERSON", "Labour")]
    assert run(NameSpelling, context(text, entities=entities)) == []


# --- NC142 person titles ------------------------------------------------------------------


def _titles(
    text: str, *mentions: str | tuple[str, int], name: str = "Justin Hotard"
) -> list[CheckResult]:
    return run(PersonTitles, context(text, entities=[ent(text, name, "PERSON", *mentions)]))


def test_nc142_two_titles_fail() -> None:
    text = "March 5, 2026\nCEO Justin Hotard spoke.\nLater, chief financial officer Justin Hotard said more."
    [r] = _titles(text, "Justin Hotard", ("Justin Hotard", 1))
    assert (r.id, r.status, r.severity) == ("NC142", "fail", "warning")
    assert r.message == (
        '"CEO Justin Hotard" (line 2) vs "chief financial officer Justin Hotard" (line 3): '
        "Justin Hotard given two titles (CEO; CFO)"
    )
    assert span_texts(r) == ["CEO Justin Hotard", "chief financial officer Justin Hotard"]


def test_nc142_appositive_and_org_prefix() -> None:
    text = "Hotard, Nokia's president and CEO, spoke. Nokia CFO Hotard disagreed."
    [r] = _titles(text, "Hotard", ("Hotard", 1), name="Hotard")
    assert r.status == "fail" and "(CEO and president; CFO)" in r.message
    assert span_texts(r) == ["Hotard, Nokia's president and CEO", "Nokia CFO Hotard"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "CEO Justin Hotard spoke. Justin Hotard, Nokia's president and chief executive, agreed.",
            "pass",
        ),
        (
            "Chief Executive Officer Justin Hotard spoke. Justin Hotard, CEO of Nokia, agreed.",
            "pass",
        ),
        ("CEO Justin Hotard spoke. Former CEO Justin Hotard agreed.", "fail"),
        ("Vice President Justin Hotard spoke. President Justin Hotard agreed.", "fail"),
        ("Chairman Justin Hotard spoke. CEO Justin Hotard agreed.", "pass"),
    ],
)
def test_nc142_title_compatibility(text: str, status: str) -> None:
    [r] = _titles(text, "Justin Hotard", ("Justin Hotard", 1))
    assert r.status == status, r.message


@pytest.mark.parametrize(
    "text",
    [
        # Titles at two companies can both be true.
        "Intel CEO Justin Hotard spoke. Nokia CFO Justin Hotard agreed.",
        # "Dr" is not a job title: one titled mention only.
        "Dr Justin Hotard spoke. CEO Justin Hotard agreed.",
        # The CFO is Tom Lee's title, not Hotard's.
        "Justin Hotard, CEO, spoke. He met Justin Hotard, CFO Tom Lee and others.",
        # A past role elsewhere is not a title clash.
        "CEO Justin Hotard, a former Intel AI executive, spoke. Justin Hotard agreed.",
    ],
)
def test_nc142_no_clash(text: str) -> None:
    results = _titles(text, "Justin Hotard", ("Justin Hotard", 1))
    assert all(r.status == "pass" for r in results), [r.message for r in results]


# --- allowances added after running the planted benchmark --------------------------------


def test_amount_is_at_least_half_a_unit_of_the_last_digit() -> None:
    text = "€600m ($574m) and €1B and $4.9 billion"
    # A recogniser reading "$574m" as 573.95m..574.05m: widened to 573.5m..574.5m.
    tight = money(text, "$574m", "a", 574e6, "USD", 1e5)
    assert amount(tight) == (573.5e6, 574.5e6)
    # One-digit amounts and decimals keep the recogniser's interval.
    assert amount(money(text, "€1B", "b", 1e9, "EUR", 1e8)) == (0.95e9, 1.05e9)
    assert amount(money(text, "$4.9 billion", "c", 4.9e9, "USD", 1e8)) == (4.85e9, 4.95e9)


def test_nc112_one_percent_around_the_ecb_fixing_passes(ecb: ReferenceRates) -> None:
    day = date(2022, 9, 28)
    desk = ecb.range("EUR", "USD", date(2022, 8, 31), day)
    assert desk is not None
    for factor, status in ((1.008, "pass"), (1.03, "fail")):
        usd = round(600 * desk.high * factor)
        text = f"It sold the offices for €600m (${usd}m)."
        figs = [
            money(text, "€600m", "a", 600e6, "EUR", 1e5),
            money(text, f"${usd}m", "b", usd * 1e6, "USD", 1e5, role="conversion", converts="a"),
        ]
        [r] = run(ConversionVsReferenceRate, context(text, figs, rates=ecb, doc_date=day))
        assert r.status == status, r.message


def test_nc111_rounded_rates_agree() -> None:
    # 693/600 = 1.155 and 812/700 = 1.160: two roundings of one rate.
    text = "It paid €600m ($693m) and €700m ($812m)."
    figs = [
        money(text, "€600m", "a", 600e6, "EUR", 1e6),
        money(text, "$693m", "b", 693e6, "USD", 1e6, role="conversion", converts="a"),
        money(text, "€700m", "c", 700e6, "EUR", 1e6),
        money(text, "$812m", "d", 812e6, "USD", 1e6, role="conversion", converts="c"),
    ]
    [r] = run(ConversionConsistency, context(text, figs))
    assert r.status == "pass" and "rates agree within 3%" in r.message


def test_nc111_rates_within_three_percent_agree() -> None:
    # 0.5308–0.5359 and 0.5177–0.5218 GBP per USD: 1.7% apart, as in published copy.
    text = "It paid $300m (£160m) for the plant and $1.52bn (£790m) for the network."
    figs = [
        money(text, "$300m", "a", 300e6, "USD", 1e6),
        money(text, "£160m", "b", 160e6, "GBP", 1e6, role="conversion", converts="a"),
        money(text, "$1.52bn", "c", 1.52e9, "USD", 1e7),
        money(text, "£790m", "d", 790e6, "GBP", 1e6, role="conversion", converts="c"),
    ]
    [r] = run(ConversionConsistency, context(text, figs))
    assert r.status == "pass", r.message
    # 8% apart is not rounding.
    figs[3] = money(text, "£790m", "d", 730e6, "GBP", 1e6, role="conversion", converts="c")
    [r] = run(ConversionConsistency, context(text, figs))
    assert r.status == "fail" and dict(r.details)["slack"] == 0.03


YEARS = "A 600bn yen ($5.6bn) loss in 2001 became a 300bn yen ($2.4bn) profit in 2003."


def year_figures(text: str, periods: tuple[str, str], stated: bool = True) -> list[Figure]:
    figs = [
        money(text, "600bn yen", "a", 600e9, "JPY", 1e9, period=periods[0]),
        money(text, "$5.6bn", "b", 5.6e9, "USD", 1e8, role="conversion", converts="a"),
        money(text, "300bn yen", "c", 300e9, "JPY", 1e9, period=periods[1]),
        money(text, "$2.4bn", "d", 2.4e9, "USD", 1e8, role="conversion", converts="c"),
    ]
    if stated:
        figs += [fig(text, y, f"y{y}", "period", y) for y in sorted(set(periods)) if y in text]
    return figs


def test_nc111_conversions_of_different_stated_years_are_not_compared() -> None:
    # 0.00925–0.00942 vs 0.00783–0.00817 USD per JPY: each right in its own year.
    [r] = run(ConversionConsistency, context(YEARS, year_figures(YEARS, ("2001", "2003"))))
    assert r.status == "skip"
    assert "figures of different years: 2001 and 2003" in r.message
    # Years the frames inferred, not written in the sentence: compared.
    text = "A 600bn yen ($5.6bn) loss became a 300bn yen ($2.4bn) profit."
    [r] = run(ConversionConsistency, context(text, year_figures(text, ("2001", "2003"))))
    assert r.status == "fail"


def test_nc111_year_told_relative_to_another_is_not_compared() -> None:
    text = (
        "A 600bn yen ($5.6bn) loss in 2001 became a 300bn yen ($2.4bn) profit the following year."
    )
    figs = year_figures(text, ("2001", "2001"))
    sentence = Sentence(0, 0, len(text), 0, text)
    [r] = run(ConversionConsistency, context(text, figs, sentences=[sentence]))
    assert r.status == "skip" and '"the following year"' in r.message
    # The same conversions in one year: one rate.
    text = text.replace("the following year", "the same year")
    figs = year_figures(text, ("2001", "2001"))
    sentence = Sentence(0, 0, len(text), 0, text)
    [r] = run(ConversionConsistency, context(text, figs, sentences=[sentence]))
    assert r.status == "fail"


def test_nc112_forecast_period_uses_the_article_date(ecb: ReferenceRates) -> None:
    text = "It will invest €3 billion ($2.6 billion) by 2028."
    figs = [
        money(text, "€3 billion", "a", 3e9, "EUR", 1e8, period="2028"),
        money(text, "$2.6 billion", "b", 2.6e9, "USD", 1e8, role="conversion", converts="a"),
    ]
    [r] = run(ConversionVsReferenceRate, context(text, figs, rates=ecb, doc_date=date(2026, 2, 10)))
    desk = ecb.range("EUR", "USD", date(2026, 1, 13), date(2026, 2, 10))
    assert desk is not None
    assert r.status == "fail"
    assert (
        f"the ECB reference rate in the 28 days to 2026-02-10 was {fmt_rates((desk.low, desk.high))}"
        in r.message
    )
    assert dict(r.details)["period_note"].startswith("2028 is after the article date")


def test_nc112_period_or_article_date_either_may_match(ecb: ReferenceRates) -> None:
    # 2003 revenue converted in an article of 2005-02-01: the 2005 rate fits.
    text = "Its 2003 revenue was $155.2bn (£82.8bn)."
    figs = [
        money(text, "$155.2bn", "a", 155.2e9, "USD", 1e8, period="2003"),
        money(text, "£82.8bn", "b", 82.8e9, "GBP", 1e8, role="conversion", converts="a"),
    ]
    [alone] = run(ConversionVsReferenceRate, context(text, figs, rates=ecb))
    assert alone.status == "skip" and "--as-of DATE" in alone.message
    # Written in mid-2004 (~0.55 GBP per USD): neither 2003 nor that day fits 0.5335.
    [mid_2004] = run(
        ConversionVsReferenceRate, context(text, figs, rates=ecb, doc_date=date(2004, 6, 1))
    )
    assert mid_2004.status == "fail" and "in 2003 was" in mid_2004.message
    assert "in the 28 days to 2004-06-01" in mid_2004.message
    [dated] = run(
        ConversionVsReferenceRate, context(text, figs, rates=ecb, doc_date=date(2005, 2, 1))
    )
    assert dated.status == "pass" and "in the 28 days to 2005-02-01" in dated.message


def test_nc132_a_later_since_year_is_not_a_reference_time() -> None:
    text = "Born in 1998, the 31-year-old has scored 48 goals since joining in 2021."
    [r] = run(AgeVsYear, context(text, doc_date=date(2024, 10, 2)))
    assert r.status == "fail" and "2024 − 1998 = 26" in r.message


def test_nc141_honorific_and_untagged_words() -> None:
    text = 'Councillor Gareth Pritchard led the campaign.\n"A bad idea," Mr Prichard said.'
    ctx = context(
        text, entities=[ent(text, "Gareth Pritchard", "PERSON", "Councillor Gareth Pritchard")]
    )
    [r] = run(NameSpelling, ctx)
    assert r.status == "fail" and r.message.startswith(
        '"Prichard" (line 2) vs "Pritchard" (line 1)'
    )
    # Untagged look-alikes not standing where a name would: no finding.
    text = "Eleanor Scott spoke. Scots voted. However, Hoover rose.\nBolton met Boston fans."
    entities = [
        ent(text, "Eleanor Scott", "PERSON", "Eleanor Scott"),
        ent(text, "Hoover", "PERSON", "Hoover"),
        ent(text, "Bolton", "PERSON", "Bolton"),
    ]
    assert run(NameSpelling, context(text, entities=entities)) == []


def test_nc141_different_initial_or_plural_is_not_a_misspelling() -> None:
    text = "Tom Wall spoke. Ball replied. The Beatles played. Beatle fans came."
    entities = [
        ent(text, "Tom Wall", "PERSON", "Tom Wall"),
        ent(text, "Ball", "PERSON", "Ball"),
        ent(text, "Beatles", "PERSON", "Beatles"),
        ent(text, "Beatle", "PERSON", "Beatle"),
    ]
    assert [r.status for r in run(NameSpelling, context(text, entities=entities))] == []


def test_nc141_apostrophe_typeface_is_not_a_spelling() -> None:
    text = "Liam O'Brien spoke. O’Brien said more. Later, Liam O’Brian replied."
    entities = [
        ent(text, "Liam O'Brien", "PERSON", "Liam O'Brien", "O’Brien"),
        ent(text, "Liam O’Brian", "PERSON", "Liam O’Brian"),
    ]
    results = run(NameSpelling, context(text, entities=entities))
    # One spelling in two typefaces; "O’Brian" is a second spelling.
    assert [(r.status, dict(r.details)["spelling"]) for r in results] == [("fail", "O'Brian")]


def test_nc141_codes_and_trailing_points_are_not_misspelt_names() -> None:
    # Ratings the NER took for people: not names at all.
    text = "Its notes were cut to BX-21 from BX-19, and its shares to BX-22 from BX-23."
    entities = [
        ent(text, "BX-21", "PERSON", "BX-21"),
        ent(text, "BX-22", "PERSON", "BX-22"),
        ent(text, "BX-23", "PERSON", "BX-23"),
    ]
    assert run(NameSpelling, context(text, entities=entities)) == []
    # A full stop after a name is punctuation, not a second spelling.
    text = "Stocks in Tacoma Wash. rose; Tacoma Wash fell."
    entities = [ent(text, "Wash", "PERSON", "Tacoma Wash.", "Tacoma Wash")]
    assert [r.status for r in run(NameSpelling, context(text, entities=entities))] == ["pass"]
    # A real misspelling of a name still fails.
    text = "Analyst Daniel Kowalczyk spoke. Kowalcyzk said rates would fall."
    entities = [ent(text, "Daniel Kowalczyk", "PERSON", "Daniel Kowalczyk")]
    [r] = run(NameSpelling, context(text, entities=entities))
    assert r.status == "fail"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # "ex-" before the organisation makes the title a former one too.
        ("Ex-Intel CEO Justin Hotard spoke. Former CEO Justin Hotard agreed.", "pass"),
        ("Former Intel CEO Justin Hotard spoke. Ex-CEO Justin Hotard agreed.", "pass"),
        ("Ex-Intel CEO Justin Hotard spoke. Intel CEO Justin Hotard agreed.", "fail"),
    ],
)
def test_nc142_former_before_the_organisation(text: str, status: str) -> None:
    results = _titles(text, "Justin Hotard", ("Justin Hotard", 1))
    assert [r.status for r in results] == [status], [r.message for r in results]
