"""Dates and periods: what must be found (with exact values) and what must not."""

from __future__ import annotations

import datetime as dt

import pytest

from newscheck.nlp.periods import find_periods, month_end

REF = dt.date(2026, 4, 30)


def _one(text: str, needle: str, reference: dt.date | None = REF):
    found = [q for q in find_periods(text, reference) if q.text == needle]
    assert found, f"{needle!r} not found in {text!r}: {find_periods(text, reference)}"
    q = found[0]
    assert text[q.start : q.end] == needle
    return q


@pytest.mark.parametrize(
    ("text", "needle", "kind", "value", "low", "high"),
    [
        # quarters
        (
            "Sales of gadgets fell in Q3 2025.",
            "Q3 2025",
            "period",
            "2025-Q3",
            "2025-07-01",
            "2025-09-30",
        ),
        (
            "Margins widened in 2Q25, the firm said.",
            "2Q25",
            "period",
            "2025-Q2",
            "2025-04-01",
            "2025-06-30",
        ),
        ("Bookings peaked in Q4'24.", "Q4'24", "period", "2024-Q4", "2024-10-01", "2024-12-31"),
        ("Q2 looks weaker, analysts said.", "Q2", "period", "2026-Q2", "2026-04-01", "2026-06-30"),
        (
            "Profit doubled in the third quarter of 2025.",
            "third quarter of 2025",
            "period",
            "2025-Q3",
            "2025-07-01",
            "2025-09-30",
        ),
        (
            "Its first-quarter loss narrowed.",
            "first-quarter",
            "period",
            "2026-Q1",
            "2026-01-01",
            "2026-03-31",
        ),
        # No year: the most recent fourth quarter that started by the reference date.
        (
            "In the fourth quarter, orders slowed.",
            "fourth quarter",
            "period",
            "2025-Q4",
            "2025-10-01",
            "2025-12-31",
        ),
        (
            "Revenue in the quarter was flat.",
            "the quarter",
            "period",
            "2026-Q1",
            "2026-01-01",
            "2026-03-31",
        ),
        (
            "Spending will rise next quarter.",
            "next quarter",
            "period",
            "2026-Q3",
            "2026-07-01",
            "2026-09-30",
        ),
        # halves and fiscal years
        (
            "Deliveries slipped in H2 2025.",
            "H2 2025",
            "period",
            "2025-H2",
            "2025-07-01",
            "2025-12-31",
        ),
        (
            "Growth slowed in the first half of 2024.",
            "first half of 2024",
            "period",
            "2024-H1",
            "2024-01-01",
            "2024-06-30",
        ),
        (
            "It targets fiscal 2027 savings.",
            "fiscal 2027",
            "period",
            "FY2027",
            "2026-02-01",
            "2027-12-31",
        ),
        ("Guidance for FY2026 was kept.", "FY2026", "period", "FY2026", "2025-02-01", "2026-12-31"),
        (
            "In fiscal year 2023 it lost money.",
            "fiscal year 2023",
            "period",
            "FY2023",
            "2022-02-01",
            "2023-12-31",
        ),
        ("FY25 revenue was a record.", "FY25", "period", "FY2025", "2024-02-01", "2025-12-31"),
        # years, spans, open ends
        ("In 2019 the plant opened.", "2019", "period", "2019", "2019-01-01", "2019-12-31"),
        ("1987 profits rose sharply.", "1987", "period", "1987", "1987-01-01", "1987-12-31"),
        (
            "Output grew between 2021 and 2024.",
            "between 2021 and 2024",
            "period",
            "2021..2024",
            "2021-01-01",
            "2024-12-31",
        ),
        (
            "The 2024-25 season was short.",
            "2024-25",
            "period",
            "2024..2025",
            "2024-01-01",
            "2025-12-31",
        ),
        (
            "Demand should grow 9% a year through 2030.",
            "through 2030",
            "period",
            "..2030",
            "2026-04-30",
            "2030-12-31",
        ),
        (
            "The target is to be met by 2029.",
            "by 2029",
            "period",
            "..2029",
            "2026-04-30",
            "2029-12-31",
        ),
        # months
        (
            "Exports slumped in February 2026.",
            "February 2026",
            "period",
            "2026-02",
            "2026-02-01",
            "2026-02-28",
        ),
        ("Rates were cut in June.", "June", "period", "2025-06", "2025-06-01", "2025-06-30"),
        ("Prices rose in May 2026.", "May 2026", "period", "2026-05", "2026-05-01", "2026-05-31"),
        (
            "Inflation eased last month.",
            "last month",
            "period",
            "2026-03",
            "2026-03-01",
            "2026-03-31",
        ),
        # relative years
        ("Sales fell last year.", "last year", "period", "2025", "2025-01-01", "2025-12-31"),
        (
            "It will hire more staff this year.",
            "this year",
            "period",
            "2026",
            "2026-01-01",
            "2026-12-31",
        ),
        # dates
        (
            "The deal closed on March 31, 2026.",
            "March 31, 2026",
            "date",
            "2026-03-31",
            "2026-03-31",
            "2026-03-31",
        ),
        (
            "It was signed on 12 January 2026.",
            "12 January 2026",
            "date",
            "2026-01-12",
            "2026-01-12",
            "2026-01-12",
        ),
        (
            "The filing is dated 2026-02-14.",
            "2026-02-14",
            "date",
            "2026-02-14",
            "2026-02-14",
            "2026-02-14",
        ),
        ("Trading resumes Sept. 8.", "Sept. 8", "date", "2026-09-08", "2026-09-08", "2026-09-08"),
        ("The board met yesterday.", "yesterday", "date", "2026-04-29", "2026-04-29", "2026-04-29"),
        (
            "Results are due on 14/05/2026.",
            "14/05/2026",
            "date",
            "2026-05-14",
            "2026-05-14",
            "2026-05-14",
        ),
        # comparison labels
        (
            "Costs were 4% below the year-earlier level.",
            "year-earlier",
            "period",
            "year-earlier",
            None,
            None,
        ),
        (
            "Revenue was up from a year ago.",
            "from a year ago",
            "period",
            "year-earlier",
            None,
            None,
        ),
        ("Sales grew 7% year-on-year.", "year-on-year", "period", "year-on-year", None, None),
        (
            "Orders rose 3% from the previous quarter.",
            "the previous quarter",
            "period",
            "quarter-earlier",
            None,
            None,
        ),
        (
            "Volume rose 2% sequentially.",
            "sequentially",
            "period",
            "quarter-on-quarter",
            None,
            None,
        ),
        ("The market grows 11% annually.", "annually", "period", "annual", None, None),
        ("It spends $3 million a year, it said.", "a year", "period", "annual", None, None),
    ],
)
def test_found_with_exact_values(
    text: str, needle: str, kind: str, value: str, low: str | None, high: str | None
) -> None:
    q = _one(text, needle)
    assert (q.kind, q.value, q.low, q.high) == (kind, value, low, high)


@pytest.mark.parametrize(
    ("text", "needle", "value", "low", "high"),
    [
        ("Profit rose in the second quarter.", "second quarter", "Q2", None, None),
        ("Q3 was strong.", "Q3", "Q3", None, None),
        ("Shipments resumed in October.", "October", "--10", None, None),
        ("Sales fell last year.", "last year", "last-year", None, None),
        ("Demand should grow through 2030.", "through 2030", "..2030", None, "2030-12-31"),
        ("Trading resumes Sept. 8.", "Sept. 8", "--09-08", None, None),
    ],
)
def test_without_reference_keeps_labels(
    text: str, needle: str, value: str, low: str | None, high: str | None
) -> None:
    q = _one(text, needle, reference=None)
    assert (q.value, q.low, q.high) == (value, low, high)


@pytest.mark.parametrize(
    ("text", "needle", "value"),
    [
        (
            "Sales should recover in the first half of next year.",
            "first half of next year",
            "2020-H1",
        ),
        ("Demand will pick up next year.", "next year", "2020"),
        ("Demand fell last year.", "last year", "2018"),
        ("Demand fell this year.", "this year", "2019"),
        ("Profit fell in the first quarter of last year.", "first quarter of last year", "2018-Q1"),
        ("Profit fell in the second half of this year.", "second half of this year", "2019-H2"),
        (
            "Output fell in the first six months of last year.",
            "first six months of last year",
            "2018-H1",
        ),
        ("It expects a rebound in Q1 of next year.", "Q1 of next year", "2020-Q1"),
        ("Sales rose in the fourth quarter last year.", "fourth quarter last year", "2018-Q4"),
        ("Last year's third quarter was weak.", "Last year's third quarter", "2018-Q3"),
        ("The plant opens in March next year.", "March next year", "2020-03"),
        ("Orders should rise next quarter.", "next quarter", "2020-Q1"),
        ("Orders rose this quarter.", "this quarter", "2019-Q4"),
        ("Orders fell last quarter.", "last quarter", "2019-Q3"),
        # No year: the most recent such period starting on or before the reference.
        ("Orders fell in the second half.", "second half", "2019-H2"),
        ("Orders fell in the first half.", "first half", "2019-H1"),
        ("Orders fell in the fourth quarter.", "fourth quarter", "2019-Q4"),
        ("Orders fell in December.", "December", "2018-12"),
    ],
)
def test_relative_years_resolve_against_the_reference(text: str, needle: str, value: str) -> None:
    q = _one(text, needle, reference=dt.date(2019, 11, 20))
    assert q.value == value
    assert [x.text for x in find_periods(text, dt.date(2019, 11, 20))] == [needle]


def test_relative_year_of_a_part_without_reference_keeps_a_label() -> None:
    q = _one(
        "Sales should recover in the first half of next year.", "first half of next year", None
    )
    assert (q.value, q.low, q.high) == ("next-year-H1", None, None)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # Relative to the period discussed, not the article: kept apart.
        ("Sales rose in the first half of the previous year.", ["2019-H1", "year-earlier"]),
        ("Sales rose in the first quarter, last year's best.", ["2019-Q1", "2018"]),
        ("Sales rose in the third quarter a year earlier.", ["2019-Q3", "year-earlier"]),
    ],
)
def test_relative_year_must_be_adjacent(text: str, values: list[str]) -> None:
    assert [q.value for q in find_periods(text, dt.date(2019, 11, 20))] == values


def test_stated_weekday_is_kept_even_when_wrong() -> None:
    # 2026-03-05 is a Thursday; the text says Tuesday, and a checker compares them.
    q = _one("The vote was held on Tuesday, March 5, 2026.", "Tuesday, March 5, 2026")
    assert (q.kind, q.value, q.weekday) == ("date", "2026-03-05", 1)


def test_bare_weekday_has_weekday_but_no_value() -> None:
    q = _one("The company said on Friday that it would sell the unit.", "Friday")
    assert (q.kind, q.value, q.weekday) == ("date", None, 4)


def test_impossible_date_has_no_value() -> None:
    q = _one("The notice was sent on February 30, 2026.", "February 30, 2026")
    assert q.value is None


def test_yesterday_needs_a_reference() -> None:
    assert find_periods("The board met yesterday.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The SQ1 sensor and FAQ1 page were updated.",  # "Q1" inside a word
        "Investors may sell if rates rise.",  # "may" the verb
        "Protesters march on the capital.",  # "march" the verb
        "Theresa May said the plan would work.",  # a name, no cue
        "The 5G rollout and version 2.0 are late.",  # not dates
        "The 1990s were a boom decade.",  # decades are skipped
        "The plant employs 2000 workers.",  # a count, not a year
        "It paid $2026 for the permit.",  # money
        "Turnout hit 2019.5 on the index.",  # a decimal
        "The quarter-point cut surprised traders.",  # not a period
    ],
)
def test_not_found(text: str) -> None:
    assert find_periods(text, REF) == []


def test_restated_years_are_two_years_not_a_span() -> None:
    found = find_periods("It will restate its 2000 and 2003 results.", REF)
    assert [q.value for q in found] == ["2000", "2003"]


def test_longest_match_wins_and_results_are_sorted() -> None:
    text = "On Monday, March 2, 2026, it cut its fiscal 2026 outlook for Q2 2026 and beyond."
    found = find_periods(text, REF)
    assert [q.text for q in found] == ["Monday, March 2, 2026", "fiscal 2026", "Q2 2026"]
    assert found[0].weekday == 0


def test_month_end_runs_on_past_december() -> None:
    assert month_end(2026, 2) == dt.date(2026, 2, 28)
    assert month_end(2024, 2) == dt.date(2024, 2, 29)
    assert month_end(2026, 15) == dt.date(2027, 3, 31)  # the quarter after Q4 2026


# -- fiscal years, periods told by their length, spans of months ---------------------------


@pytest.mark.parametrize(
    ("text", "needle", "value", "low", "high"),
    [
        # A split year is one fiscal year, named by the year it ends in; April or July start.
        (
            "It will spend £4bn in the 2026-27 financial year.",
            "2026-27",
            "FY2027",
            "2026-04-01",
            "2027-06-30",
        ),
        (
            "The council set its 2025/26 budget.",
            "2025/26",
            "FY2026",
            "2025-04-01",
            "2026-06-30",
        ),
        ("Guidance for FY2025/26 was cut.", "FY2025/26", "FY2026", "2025-04-01", "2026-06-30"),
        (
            "It targets fiscal 2026-27 growth.",
            "fiscal 2026-27",
            "FY2027",
            "2026-04-01",
            "2027-06-30",
        ),
        # A length and a last day.
        (
            "Trading in the nine weeks to 3 January 2026 was strong.",
            "nine weeks to 3 January 2026",
            "2025-11-02/2026-01-03",
            "2025-11-02",
            "2026-01-03",
        ),
        (
            # Twelve months with their days; only "the financial year to ..." is labelled FY.
            "It carried 47 million passengers in the year to March 2026.",
            "year to March 2026",
            "2025-04-01/2026-03-31",
            "2025-04-01",
            "2026-03-31",
        ),
        (
            "Output rose in the three months to June.",
            "three months to June",
            "2025-Q2",
            "2025-04-01",
            "2025-06-30",
        ),
        # Months joined into one span.
        (
            "The cap runs from April to June.",
            "from April to June",
            "2026-Q2",
            "2026-04-01",
            "2026-06-30",
        ),
        (
            "Sales in the January-March quarter rose.",
            "January-March",
            "2026-Q1",
            "2026-01-01",
            "2026-03-31",
        ),
        (
            "Prices fell between October and December 2025.",
            "between October and December 2025",
            "2025-Q4",
            "2025-10-01",
            "2025-12-31",
        ),
        (
            "For FY26 (April 2025 to March 2026) it expects growth.",
            "April 2025 to March 2026",
            "FY2026",
            "2025-04-01",
            "2026-03-31",
        ),
    ],
)
def test_fiscal_years_and_spans(text: str, needle: str, value: str, low: str, high: str) -> None:
    q = _one(text, needle)
    assert (q.kind, q.value, q.low, q.high) == ("period", value, low, high)


def test_a_stated_fiscal_year_end_gives_every_fiscal_year_its_days() -> None:
    text = (
        "Profit rose in the financial year ended March 31, 2025 (FY25), against FY24. "
        "For FY26 it expects more."
    )
    found = {q.text: (q.value, q.low, q.high) for q in find_periods(text, REF)}
    assert found["financial year ended March 31, 2025"] == ("FY2025", "2024-04-01", "2025-03-31")
    assert found["FY25"] == ("FY2025", "2024-04-01", "2025-03-31")
    assert found["FY24"] == ("FY2024", "2023-04-01", "2024-03-31")
    assert found["FY26"] == ("FY2026", "2025-04-01", "2026-03-31")


def test_a_bare_month_dash_month_is_not_a_span() -> None:
    # "the January–March period, roughly $4.9 billion": no year, no "quarter".
    found = find_periods("Revenue in the January–March period was flat.", REF)
    assert all("–" not in q.text for q in found)


@pytest.mark.parametrize(
    ("reference", "value"),
    [(dt.date(2026, 9, 3), "2026-09"), (dt.date(2026, 10, 20), "2026-09"), (REF, "2025-09")],
)
def test_a_month_without_a_year_is_the_latest_one_begun_by_the_article_date(
    reference: dt.date, value: str
) -> None:
    q = _one("Sales rose 5% in September.", "September", reference)
    assert q.value == value


def test_a_bare_split_year_stays_a_span() -> None:
    q = _one("Councils spent £3m in 2024-25.", "2024-25")
    assert (q.value, q.low, q.high) == ("2024..2025", "2024-01-01", "2025-12-31")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Gifts rose in 2011, 2012 and 2013.", ["2011..2013"]),
        ("Gifts rose in 2011, 2012, 2013 and 2014.", ["2011..2014"]),
        # Not consecutive, or only two: separate years.
        ("Gifts rose in 2011, 2013 and 2015.", ["2011", "2013", "2015"]),
        ("Gifts rose in 2011 and 2012.", ["2011", "2012"]),
    ],
)
def test_listed_consecutive_years_are_a_span(text: str, values: list[str]) -> None:
    assert [q.value for q in find_periods(text)] == values


def test_until_the_year_is_an_open_period() -> None:
    (q,) = find_periods("The treaty stays in force until the year 2061.")
    assert (q.value, q.text) == ("..2061", "until the year 2061")


@pytest.mark.parametrize(
    ("text", "needle", "ref", "value"),
    [
        # A half or quarter named by its last month; without a year, the most recent
        # one whose last month has begun.
        ("Earnings climbed in the June half.", "the June half", dt.date(2025, 8, 20), "2025-H1"),
        ("Earnings climbed in the June half.", "the June half", dt.date(2026, 1, 15), "2025-H1"),
        (
            "Costs rose in the December quarter.",
            "the December quarter",
            dt.date(2026, 2, 3),
            "2025-Q4",
        ),
        (
            "Costs rose in the December quarter.",
            "the December quarter",
            dt.date(2025, 12, 10),
            "2025-Q4",
        ),
        (
            "Fees grew in the September quarter of 2024.",
            "the September quarter of 2024",
            dt.date(2026, 2, 3),
            "2024-Q3",
        ),
        # A fiscal half named by its end month is an explicit span.
        (
            "Revenue grew in the September half.",
            "the September half",
            dt.date(2025, 11, 20),
            "2025-04-01/2025-09-30",
        ),
        # "half" and "quarter" told by their end: six months and three.
        ("Revenue fell in the half to June.", "half to June", dt.date(2025, 8, 20), "2025-H1"),
        (
            "Revenue fell in the half-year ended 31 December 2024.",
            "half-year ended 31 December 2024",
            dt.date(2025, 3, 1),
            "2024-H2",
        ),
        (
            "Output rose in the quarter to March.",
            "quarter to March",
            dt.date(2025, 5, 2),
            "2025-Q1",
        ),
        # Seasons with a relative word or a year, from the article date.
        (
            "Pass rates fell this summer.",
            "this summer",
            dt.date(2025, 8, 20),
            "2025-06-01/2025-08-31",
        ),
        (
            "Pass rates fell last summer.",
            "last summer",
            dt.date(2025, 8, 20),
            "2024-06-01/2024-08-31",
        ),
        (
            "Pass rates fell last summer.",
            "last summer",
            dt.date(2025, 10, 2),
            "2025-06-01/2025-08-31",
        ),
        ("Bills rise this winter.", "this winter", dt.date(2026, 1, 15), "2025-12-01/2026-02-28"),
        (
            "Visits peaked in summer 2023.",
            "summer 2023",
            dt.date(2025, 1, 5),
            "2023-06-01/2023-08-31",
        ),
    ],
)
def test_halves_quarters_and_seasons_as_desks_write_them(
    text: str, needle: str, ref: dt.date, value: str
) -> None:
    assert _one(text, needle, ref).value == value


def test_a_season_without_a_relative_word_or_year_is_no_period() -> None:
    assert not find_periods("She took a summer job at the winter resort.", dt.date(2025, 8, 20))


def test_a_half_year_to_a_date_is_six_months_not_a_year() -> None:
    q = _one("Profit for the half year to 30 June 2025 rose.", "half year to 30 June 2025", None)
    assert (q.low, q.high) == ("2025-01-01", "2025-06-30")


def test_quarter_named_by_its_month_takes_the_relative_year_beside_it() -> None:
    text = "Kelso lost 12 mln dlrs in the December quarter last year."
    assert _one(text, "the December quarter last year", None).value == "last-year-Q4"
    assert _one(text, "the December quarter last year", dt.date(2020, 5, 2)).value == "2019-Q4"
    # A month that ends no calendar quarter is not read as one.
    assert not [
        q for q in find_periods("in the November quarter last year", None) if "Nov" in q.text
    ]


@pytest.mark.parametrize(
    ("text", "needle", "value"),
    [
        ("Over the past six months, orders rose 8 pct.", "the past six months", "past-6-months"),
        ("Fares climbed in the last 18 months.", "the last 18 months", "past-18-months"),
        (
            "Output grew in the previous four quarters.",
            "the previous four quarters",
            "past-4-quarters",
        ),
    ],
)
def test_trailing_stretch_is_a_relative_period(text: str, needle: str, value: str) -> None:
    q = _one(text, needle)
    assert (q.value, q.low, q.high) == (value, None, None)


def test_trailing_stretch_needs_a_count_of_two_or_more() -> None:
    assert not [q for q in find_periods("in the past one months", None) if "past" in q.text]
