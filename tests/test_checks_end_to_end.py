"""Cross-checks through the whole pipeline on short articles of our own."""

from __future__ import annotations

from datetime import date

from newscheck import analyze


def fails(text: str, rule: str, as_of: date = date(2026, 3, 12)) -> list[str]:
    report = analyze(text, source="t.txt", as_of=as_of)
    return [c.message for c in report.checks if c.id == rule and c.status == "fail"]


def test_a_duration_between_change_and_base_does_not_hide_the_base() -> None:
    text = (
        "Grain exports\n\n"
        "Canadian barley exports rose 9 pct to 1.9 mln tonnes in the six months to March "
        "from 1.4 mln tonnes a year earlier, the board said.\n"
    )
    assert fails(text, "NC102")
    fixed = text.replace("9 pct", "36 pct")
    assert not fails(fixed, "NC102")


def test_a_restatement_attributed_to_analysts_is_still_the_company_figure() -> None:
    text = (
        "Brewer results\n\n"
        "Oakridge Brewing said sales rose 7% to £410m in 2025 from £383m the year before.\n\n"
        "The company owns 300 pubs.\n\n"
        "Analysts said the 11% growth in sales was better than the wider market.\n"
    )
    msgs = fails(text, "NC101")
    assert msgs and "7%" in msgs[0] and "11%" in msgs[0]
    assert not fails(text.replace("11% growth", "7% growth"), "NC101")


def test_analysts_estimate_is_not_the_reported_figure() -> None:
    text = (
        "Chipmaker results\n\n"
        "Corlan Devices said revenue rose 12% to $4.4 billion in the first quarter.\n\n"
        "Analysts had expected revenue of $4.1 billion for the quarter.\n"
    )
    assert not fails(text, "NC101")


def test_key_points_bullet_against_body() -> None:
    text = (
        "Jobs report\n\n"
        "Key points\n"
        "- Unemployment rate: 4.2% in May\n"
        "- Employers added 150,000 jobs\n\n"
        "Employers added 150,000 jobs in May and the unemployment rate rose to 4.8 percent, "
        "the statistics office said on Friday.\n"
    )
    msgs = fails(text, "NC101", as_of=date(2026, 6, 5))
    assert msgs and "4.2%" in msgs[0] and "4.8 percent" in msgs[0]
    assert not fails(text.replace("4.8 percent", "4.2 percent"), "NC101", as_of=date(2026, 6, 5))


def test_spelled_out_counts_of_different_sets_are_not_compared() -> None:
    text = (
        "Bank results\n\n"
        "Five regional banks in Norland reported losses in 2025, the central bank said.\n\n"
        "Three of the banks have since raised capital, and two more plan to do so.\n"
    )
    assert not fails(text, "NC101")


def test_shares_of_one_whole_over_100_even_when_the_rest_is_unquantified() -> None:
    text = (
        "Pump maker results\n\n"
        "Arlen Pumps said sales to India accounted for 62% of its revenue in 2025, while "
        "Brazil made up 45% and the rest came from Mexico.\n"
    )
    msgs = fails(text, "NC123")
    assert msgs and "62%" in msgs[0] and "45%" in msgs[0]
    assert not fails(text.replace("45%", "25%"), "NC123")


def test_shares_of_different_wholes_are_not_summed() -> None:
    text = (
        "Brewery deal\n\n"
        "The Leuven brewer Hopmark said it would own 97.3% of the voting shares and 98.8% of "
        "the non-voting shares of Sun Malt after the deal.\n"
    )
    assert not fails(text, "NC123")


def test_a_part_above_a_whole_stated_as_the_end_of_a_rise() -> None:
    text = (
        "Valve maker results\n\n"
        "Corbel Industries Inc said fourth-quarter net sales rose to 2.10 billion dlrs from "
        "1.95 billion dlrs a year earlier.\n\n"
        "The company said its marine division had sales of 2.40 billion dlrs in the quarter.\n"
    )
    assert fails(text, "NC121", as_of=date(2026, 1, 20))
    assert not fails(text.replace("2.40 billion", "640 mln"), "NC121", as_of=date(2026, 1, 20))


def test_a_would_after_the_figure_does_not_make_it_hypothetical() -> None:
    text = (
        "SPRINGDALE, June 3, 2025 -\n\n"
        "The town board approved a $96 million town budget for 2026 on Tuesday after months of debate.\n\n"
        "Library hours are unchanged.\n\n"
        "Supervisor Ana Ruiz called the $69 million budget for 2026 fair and said the town would review "
        "fees in the autumn.\n"
    )
    assert fails(text, "NC101", as_of=date(2025, 6, 3))
    assert not fails(text.replace("$69 million", "$96 million"), "NC101", as_of=date(2025, 6, 3))


def test_gapped_shares_are_shares_of_the_same_whole() -> None:
    text = (
        "Tea maker results\n\n"
        "Harrow Leaf said its loose-leaf range accounted for 65% of the company's sales in 2025 "
        "and the herbal range for 40%.\n"
    )
    msgs = fails(text, "NC123")
    assert msgs and "65%" in msgs[0] and "40%" in msgs[0]
    assert not fails(text.replace("40%", "30%"), "NC123")


def test_undated_results_conversion_is_checked_against_its_quarter() -> None:
    text = (
        "Halvard results\n\n"
        "Halvard's interim report for Q1 2026 shows revenue of €2.5 billion "
        "(about $2.6 billion), up 8%.\n"
    )
    report = analyze(text, source="t.txt")
    [check] = [c for c in report.checks if c.id == "NC112"]
    assert check.status == "fail" and "2026-Q1" in check.message
    right = analyze(text.replace("$2.6 billion", "$2.9 billion"), source="t.txt")
    assert [c.status for c in right.checks if c.id == "NC112"] == ["pass"]
    # A narrated event dated by its month is converted when the story is written.
    sold = "Mill sold\n\nThe mill was sold in June 2004 for $800m (£424m) to a local group.\n"
    assert [c.status for c in analyze(sold, source="t.txt").checks if c.id == "NC112"] == ["skip"]


def test_a_forecast_restated_in_other_words_is_compared() -> None:
    text = (
        "Vantor Systems results\n\n"
        "Vantor Systems forecasts data-centre market growth at 18% annually through 2029.\n\n"
        "Chief executive Mara Lind said the group now projects an 18 percent annual growth rate "
        "for its data-centre market segment through 2029, well above its earlier 11-percent "
        "outlook.\n"
    )
    report = analyze(text, source="t.txt", as_of=date(2026, 3, 12))
    passed = [c for c in report.checks if c.id == "NC101" and c.status == "pass"]
    assert [[s.text for s in c.spans] for c in passed] == [["18%", "18 percent"]]
    assert not fails(text, "NC101")
    msgs = fails(text.replace("an 18 percent", "a 15 percent"), "NC101")
    assert len(msgs) == 1 and "18%" in msgs[0] and "15 percent" in msgs[0]


def test_fronted_whole_makes_the_percentages_shares_of_it() -> None:
    text = (
        "Homes approved\n\n"
        "Councillors approved 1,800 homes at Brackley Fields on Monday.\n\n"
        "Of the new homes, 55% will be for private sale, 35% for social rent and 20% for "
        "shared ownership.\n"
    )
    msgs = fails(text, "NC123")
    assert len(msgs) == 1 and "110%" in msgs[0]
    assert not fails(text.replace("20% for", "10% for"), "NC123")
    # Overlapping descriptions of one group are not parts of it.
    survey = text.replace(
        "55% will be for private sale, 35% for social rent and 20% for shared ownership",
        "60% will have gardens and 70% will have two bedrooms",
    )
    assert not fails(survey, "NC123")


def test_a_part_of_that_total_above_every_earlier_amount_fails() -> None:
    text = (
        "Water plan\n\n"
        "Tarn Water has announced £610m of investment for the coming year after a £9m fine.\n\n"
        "Its wastewater arm will spend £720m of that total on storm overflows.\n"
    )
    msgs = fails(text, "NC121")
    assert len(msgs) == 1 and "£720m" in msgs[0] and "£610m" in msgs[0]
    assert not fails(text.replace("£720m", "£420m"), "NC121")


def test_undated_conversion_ignores_the_period_of_the_compared_figure() -> None:
    text = (
        "Carco results\n\nCarco earned $630m (£481.5m) in the October-to-December period, "
        "down from $1bn in the fourth quarter of 2003.\n"
    )
    report = analyze(text, source="t.txt")
    assert [c.status for c in report.checks if c.id == "NC112"] == ["skip"]
    own = text.replace("in the October-to-December period", "in the fourth quarter of 2004")
    own = own.replace("down from $1bn in the fourth quarter of 2003", "down from $1bn")
    report = analyze(own, source="t.txt")
    assert [c.status for c in report.checks if c.id == "NC112"] == ["fail"]


UNDATED = (
    "Millbrook budget\n\n"
    "The Millbrook town board on Tuesday approved a $96 million general fund budget, ending "
    "weeks of debate over road repairs and library hours.\n\n"
    "Library hours are unchanged.\n\n"
    "Supervisor Ana Ruiz called the $69 million budget fair and said the town would review fees "
    "in the autumn.\n"
)


def test_an_undated_amount_referred_back_to_must_agree() -> None:
    msgs = fails(UNDATED, "NC101")
    assert len(msgs) == 1 and "$96 million" in msgs[0] and "$69 million" in msgs[0]
    assert "$95.95M–$96.05M" in msgs[0]  # the ends told apart, not "$96M–$96M"
    assert not fails(UNDATED.replace("$69 million", "$96 million"), "NC101")


def test_undated_amounts_are_not_compared_without_a_definite_reference() -> None:
    # "a $69 million budget" introduces another budget; a third amount makes it a list.
    assert not fails(UNDATED.replace("the $69 million budget", "a $69 million budget"), "NC101")
    third = UNDATED.replace("are unchanged.", "are unchanged under a $12 million budget.")
    assert not fails(third, "NC101")


def test_one_part_of_two_wholes_is_not_summed() -> None:
    text = (
        "Population outlook\n\n"
        "Migrants and their children will account for 71.5 per cent of the country's population "
        "growth between 2010 and 2050 and 84 per cent of growth between 2010 and 2060, the "
        "report said.\n"
    )
    assert not fails(text, "NC123")
    two_parts = (
        "Population outlook\n\n"
        "In 2025, cities accounted for 71.5 per cent of the country's population growth and "
        "villages accounted for 84 per cent of the country's population growth.\n"
    )
    assert fails(two_parts, "NC123")


def test_a_conversion_at_a_rate_of_the_weeks_before_the_article_passes() -> None:
    # The yen rose about 9% against the dollar in the four weeks to 9 August 2024:
    # 0.0065 dollars per yen is 4.5% off that day's ECB cross rate (0.00681) but
    # one the ECB fixed late in July.
    text = "Tosa results\n\nTosa Steel will invest ¥100 billion ($650 million) in a new mill.\n"
    assert not fails(text, "NC112", as_of=date(2024, 8, 9))
    msgs = fails(text.replace("$650 million", "$540 million"), "NC112", as_of=date(2024, 8, 9))
    assert len(msgs) == 1 and "28 days to 2024-08-09" in msgs[0]


def test_an_undated_fiscal_year_conversion_is_checked_against_that_fiscal_year() -> None:
    # The rupee moved between 83 and 87.6 per dollar from April 2024 to March 2025.
    text = (
        "Vistara Soft results\n\n"
        "Net profit rose to ₹8,904 crore ($1.15 billion) for the financial year ended "
        "March 31, 2025.\n"
    )
    report = analyze(text, source="t.txt")
    [check] = [c for c in report.checks if c.id == "NC112"]
    assert check.status == "fail" and "FY2025" in check.message
    right = analyze(text.replace("$1.15 billion", "$1.05 billion"), source="t.txt")
    assert [c.status for c in right.checks if c.id == "NC112"] == ["pass"]


def test_one_figure_given_two_periods() -> None:
    text = (
        "Published 9 January 2026\n\n"
        "Group comparable sales rose 3.7 per cent in the five weeks to 3 January.\n\n"
        "Comparable sales were up 3.7 per cent in the ten weeks to 3 January, the group said.\n"
    )
    msgs = fails(text, "NC151", as_of=date(2026, 1, 9))
    assert len(msgs) == 1 and "five weeks" in msgs[0] and "ten weeks" in msgs[0]
    assert not fails(text.replace("ten weeks", "five weeks"), "NC151", as_of=date(2026, 1, 9))
    # Another value: two figures, each with its own period.
    assert not fails(text.replace("up 3.7", "up 4.2"), "NC151", as_of=date(2026, 1, 9))


def test_one_result_given_two_periods_that_do_not_meet() -> None:
    # The same specific amount, linked as one quantity, for two halves: one is wrong.
    text = (
        "Published 21 November 2025\n\n"
        "Harbour Copper said net profit rose 9 per cent to A$2.46 billion in the June half.\n\n"
        "The miner sold 12.3 million tonnes of concentrate.\n\n"
        "Chief executive Jo Smith said the A$2.46 billion third-quarter profit would fund a "
        "smelter.\n"
    )
    msgs = fails(text, "NC151", as_of=date(2025, 11, 21))
    assert len(msgs) == 1 and "June half" in msgs[0] and "third-quarter" in msgs[0]
    assert not fails(text.replace("third-quarter", "half-year"), "NC151", as_of=date(2025, 11, 21))
    # Said to repeat: one value for two periods, as written.
    assert not fails(
        text.replace(
            "the A$2.46 billion third-quarter profit",
            "the third-quarter profit, again A$2.46 billion,",
        ),
        "NC151",
        as_of=date(2025, 11, 21),
    )


def test_a_share_for_two_seasons_is_one_figure_given_two_periods() -> None:
    text = (
        "Published 20 August 2025\n\n"
        "Some 28.4 per cent of entries were awarded a top grade this summer, the regulator said.\n\n"
        "The proportion of top grades, 28.4 per cent last summer, is above the level of 2019.\n"
    )
    msgs = fails(text, "NC151", as_of=date(2025, 8, 20))
    assert len(msgs) == 1 and "this summer" in msgs[0] and "last summer" in msgs[0]
    assert not fails(text.replace("last summer", "this summer"), "NC151", as_of=date(2025, 8, 20))


def test_a_forecast_for_a_later_period_is_not_the_result_given_another_period() -> None:
    # The outlook for a half not yet over may equal the result of the half before.
    text = (
        "Published 21 August 2025\n\n"
        "Harbour Copper said net profit rose 9 per cent to A$2.46 billion in the June half.\n\n"
        "The board expects a profit of A$2.46 billion in the December half as prices hold.\n"
    )
    assert not fails(text, "NC151", as_of=date(2025, 8, 21))


def test_a_rise_and_a_fall_of_one_size_are_two_figures() -> None:
    text = (
        "Published 2 March 2031\n\n"
        "Freight volumes rose 2.35 per cent in the fourth quarter of 2030, the port said.\n\n"
        "That follows a 2.35 per cent fall in the fourth quarter of 2029.\n"
    )
    assert not fails(text, "NC151", as_of=date(2031, 3, 2))


def test_the_prior_side_of_a_comparison_keeps_its_own_period() -> None:
    text = (
        "Published 21 November 2025\n\n"
        "Harbour Copper said net profit rose to A$2.61 billion in the September quarter.\n\n"
        "Profit in the June quarter was A$2.46 billion, and it climbed to A$2.61 billion from "
        "A$2.46 billion in the June quarter.\n"
    )
    assert not fails(text, "NC151", as_of=date(2025, 11, 21))


def test_the_period_after_a_prior_value_is_the_prior_values() -> None:
    text = (
        "Published 14 April 2026\n\n"
        "The average home cost £298,400, up from £285,000 in March 2025.\n\n"
        "Homes sold for an average of £298,400 in the six months to April 2025, the agency said.\n"
    )
    assert not fails(text, "NC151", as_of=date(2026, 4, 14))


def test_a_month_that_dates_an_event_is_not_the_period_of_the_figure() -> None:
    # The price was agreed in one month and applies from another: one figure, no conflict.
    text = (
        "Published 11 March 2027\n\n"
        "Growers kept the reference price of 24 dlrs a crate agreed in November.\n\n"
        "The cartel restored the price of 24 dlrs a crate from February 1, officials said.\n"
    )
    assert not fails(text, "NC151", as_of=date(2027, 3, 11))


def test_a_later_item_with_its_own_earlier_value_is_a_sibling_not_the_whole() -> None:
    text = (
        "Machine exports\n\n"
        "Vantor Bank said machine exports to Asia fell 3.0 pct in 2030 to 9 billion crowns.\n\n"
        "Exports to Laos were lower last year than in 2029. "
        "Exports to Vietnam were 1.2 billion crowns, down from 1.3 billion.\n"
    )
    assert not fails(text, "NC121", as_of=date(2031, 3, 2))


def test_a_monthly_change_with_no_stated_basis_is_not_read_against_the_year_before() -> None:
    text = (
        "U.S. ROAD SPENDING ROSE 0.8 PCT IN JUNE\n\n"
        "U.S. road spending rose 2.1 bln dlrs, or 0.8 pct, in June to a seasonally adjusted "
        "rate of 266.0 bln dlrs, the Transport Department said.\n\n"
        "Spending in May fell a revised 1.5 bln dlrs, or 0.6 pct, to 263.9 bln dlrs, the "
        "department said.\n\n"
        "The department said June road spending was 4.4 bln dlrs, or 1.7 pct, above the "
        "June, 2030 total of 261.6 bln dlrs.\n"
    )
    assert not fails(text, "NC102", as_of=date(2031, 8, 1))


def test_a_later_item_reported_as_a_rise_is_a_sibling_not_the_whole() -> None:
    text = (
        "Machine exports\n\n"
        "Vantor Bank said machine exports to Asia fell 3.0 pct in 2030 to 9 billion crowns.\n\n"
        "Exports to Laos were lower last year than in 2029. "
        "Exports to Vietnam went up by over two pct to 1.2 billion crowns.\n"
    )
    assert not fails(text, "NC121", as_of=date(2031, 3, 2))
