"""What each figure measures: metric, segment, entity, period, role and links, through the pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from newscheck import analyze
from newscheck.nlp.pipeline import load_pipeline
from newscheck.nlp.types import Figure


def figures(text: str, as_of: date | None = date(2026, 4, 24)) -> dict[str, Figure]:
    report = analyze(text, source="t.txt", as_of=as_of)
    return {f.text: f for f in report.figures}


ARTICLE = (
    "Halvorsen posts strong quarter\n\n"
    "Halvorsen said its cloud sales rose 12% to $2.3 billion in the first quarter of 2026. "
    "Group revenue reached €8.1 billion ($8.9 billion) in the quarter.\n\n"
    "Halvorsen's operating profit was $640 million, up 8% from $593 million a year earlier.\n\n"
    "Software accounted for 35% of revenue. The company employs 14,000 people.\n"
)


@pytest.fixture(scope="module")
def figs() -> dict[str, Figure]:
    return figures(ARTICLE)


def test_change_with_target(figs: dict[str, Figure]) -> None:
    f = figs["12%"]
    assert (f.kind, f.role, f.direction) == ("percent", "change", "up")
    assert (f.metric, f.segment, f.entity, f.period) == ("revenue", "cloud", "Halvorsen", "2026-Q1")
    assert f.target == figs["$2.3 billion"].id
    assert figs["$2.3 billion"].role == "level"
    assert figs["$2.3 billion"].metric == "revenue"


def test_conversion_points_at_its_source(figs: dict[str, Figure]) -> None:
    conv = figs["$8.9 billion"]
    assert conv.role == "conversion"
    assert conv.converts == figs["€8.1 billion"].id
    assert figs["€8.1 billion"].metric == "revenue"
    assert figs["€8.1 billion"].segment is None


def test_level_up_from_base_with_prior_period(figs: dict[str, Figure]) -> None:
    change = figs["8%"]
    assert change.role == "change"
    assert change.target == figs["$640 million"].id
    assert change.base == figs["$593 million"].id
    assert figs["$640 million"].metric == "operating profit"
    assert figs["$593 million"].period == "prior-year"


def test_share_and_count(figs: dict[str, Figure]) -> None:
    assert figs["35%"].role == "share"
    assert figs["35%"].metric == "revenue"
    assert figs["14,000"].kind == "number"
    assert figs["14,000"].metric == "people"


def test_synonyms_and_possessives_normalise() -> None:
    a = figures("Arvo results\n\nArvo’s turnover rose 5% to £300m in 2025.\n")
    b = figures("Arvo results\n\nSales at Arvo rose 5% to £300m in 2025.\n")
    assert a["5%"].metric == b["5%"].metric == "revenue"
    assert a["5%"].entity == "Arvo"
    assert a["5%"].period == b["5%"].period == "2025"


def test_forecast_role() -> None:
    f = figures(
        "Outlook\n\nThe company forecasts 27% annual growth in its AI market through 2028.\n"
    )
    assert f["27%"].role == "forecast"
    assert f["27%"].period == "through 2028"


@pytest.mark.parametrize(
    "text",
    [
        "Acme made up about half of the market.",
        "The report ran to 5,000 pages in the 1990s and 2000s.",
    ],
)
def test_phrasal_up_is_not_a_change(text: str) -> None:
    for f in figures(f"Note\n\n{text}\n").values():
        assert f.role != "change", f


def test_growth_at_a_rate_is_a_change_of_the_market_it_names() -> None:
    f = figures("Ostra forecasts battery market growth at 14% annually through 2030.\n")["14%"]
    assert (f.role, f.direction) == ("forecast", "up")
    assert (f.metric, f.segment, f.period) == ("market", "battery", "through 2030")


def test_a_rate_given_at_is_not_the_change_to_a_later_level() -> None:
    figs = figures(
        "He left his first-quarter forecast of output growth at 3.2 pct, but cut his "
        "second-quarter growth forecast to 2.1 pct from 2.6 pct.\n"
    )
    assert figs["3.2 pct"].direction == "up"
    assert figs["3.2 pct"].target is None and figs["3.2 pct"].base is None


def test_market_segment_names_the_market() -> None:
    f = figures(
        "Ostra now projects an 11 percent annual growth rate for its battery market segment "
        "through 2030.\n"
    )["11 percent"]
    assert (f.metric, f.segment) == ("market", "battery")


def test_fronted_whole_gives_shares_and_their_parts() -> None:
    figs = figures(
        "Of the new places, 50% will go to local pupils, 30% to siblings and 20% to others.\n"
    )
    got = [(figs[t].role, figs[t].metric, figs[t].segment) for t in ("50%", "30%", "20%")]
    assert got == [
        ("share", "places", "local pupils"),
        ("share", "places", "siblings"),
        ("share", "places", "others"),
    ]


# -- slots on undated copy: the lead's period, year-ago comparisons, proposals --------------------------


def test_dotted_abbreviation_is_one_owner() -> None:
    text = (
        "U.S. factories ran at 77.1 pct of capacity in March, the statistics office said. "
        "U.S. mines ran at 81.0 pct.\n"
    )
    assert figures(text, as_of=None)["77.1 pct"].entity == "US"


def test_undated_story_background_year_is_not_every_figures_period() -> None:
    text = (
        "Harbour board approves new ferry\n\n"
        "The harbour board approved a new ferry that will carry 600 passengers. "
        "The old ferry, built in 1988, carried 350 passengers. The 1988 ferry was "
        "retired after a 1988 refit failed.\n"
    )
    figs = figures(text, as_of=None)
    assert figs["600"].period is None


def test_undated_story_takes_the_period_its_lead_states() -> None:
    text = (
        "Ostrander results\n\n"
        "Ostrander Corp said sales rose 9 pct to 412 mln dlrs in the 1987 second quarter.\n\n"
        "The company said its net income in the second quarter was 31 mln dlrs. "
        "Its staff of 2,100 people was cut on Tuesday by 40 jobs.\n"
    )
    figs = figures(text, as_of=None)
    assert figs["412 mln dlrs"].period == "1987-Q2"
    assert figs["31 mln dlrs"].period == "1987-Q2"  # the year-less quarter, placed
    assert figs["2,100"].period is None  # a time of its own ("on Tuesday")


def test_fiscal_year_written_after_the_year() -> None:
    text = "Dunmore Ltd cut its profit for the 2019 fiscal year to $45m.\n"
    assert figures(text, as_of=None)["$45m"].period == "FY2019"


def test_year_ago_comparison_fixes_the_story_month() -> None:
    text = (
        "Mill output index\n\n"
        "Paper mills ran at 88.2 pct of capacity in October, against 87.5 pct in "
        "September and 86.9 pct in August.\n\n"
        "The October rate was down from 90.1 pct in October, 2030.\n"
    )
    figs = figures(text, as_of=None)
    assert figs["88.2 pct"].period == "2031-10"
    assert figs["87.5 pct"].period == "2031-09"
    assert figs["90.1 pct"].period == "2030-10"


def test_proposed_value_is_a_forecast() -> None:
    text = "The council said the parking charge should be £3.50 an hour.\n"
    assert figures(text)["£3.50"].role == "forecast"


TABLE_STORY = (
    "# Larchmont Robotics files for listing\n\n"
    "Larchmont Robotics set out its results in its filing on Monday.\n\n"
    "| Metric | 2024 | 2025 | Change |\n"
    "|---|---|---|---|\n"
    "| Revenue | $61.5m | $88.0m | +43% |\n"
    "| Operating margin | 12.1% | 14.6% | +2.5 pts |\n\n"
    "The company reported an operating margin of 14.6% in 2025.\n"
)


def test_table_cells_are_framed_by_their_row_and_column_headers() -> None:
    report = analyze(TABLE_STORY, source="t.md", as_of=date(2026, 3, 2))
    cells = {f.text: f for f in report.figures if f.line in (7, 8)}
    assert (cells["$61.5m"].metric, cells["$61.5m"].period) == ("revenue", "2024")
    assert (cells["$88.0m"].metric, cells["$88.0m"].period) == ("revenue", "2025")
    assert cells["12.1%"].metric == cells["14.6%"].metric == "operating margin"
    assert cells["14.6%"].period == "2025"
    # A column headed "Change" holds changes, to the latest period before it.
    assert (cells["+43%"].role, cells["+43%"].period) == ("change", "2025")


def test_a_table_turned_the_other_way_takes_periods_from_its_rows() -> None:
    text = (
        "# Harbour traffic\n\n"
        "| Year | Containers | Cruise calls |\n"
        "|---|---|---|\n"
        "| 2024 | 412,000 | 96 |\n"
        "| 2025 | 455,000 | 104 |\n"
    )
    report = analyze(text, source="t.md", as_of=date(2026, 3, 2))
    cell = next(f for f in report.figures if f.text == "455,000")
    assert (cell.metric, cell.period) == ("containers", "2025")


def test_later_items_of_a_list_by_period_measure_what_the_first_does() -> None:
    f = figures(
        "Forecasters see unemployment at 4.4 per cent this year, 4.1 per cent in 2027 "
        "and 3.9 per cent in 2028, the institute said.\n"
    )
    assert f["4.1 per cent"].metric == f["3.9 per cent"].metric == f["4.4 per cent"].metric
    assert f["4.1 per cent"].metric == "unemployment"
    assert (f["4.1 per cent"].period, f["3.9 per cent"].period) == ("2027", "2028")


@pytest.mark.parametrize(
    ("text", "figure", "modality"),
    [
        ("Halvorsen said revenue rose 4% to $2.3 billion last year.\n", "$2.3 billion", "actual"),
        (
            "Halvorsen expects revenue to rise to $2.6 billion in 2027, it said.\n",
            "$2.6 billion",
            "forecast",
        ),
        (
            "Analysts had expected profit of $410 million, according to a poll.\n",
            "$410 million",
            "expected",
        ),
        (
            "The scheme could cost another $90 million, officials warned.\n",
            "$90 million",
            "hypothetical",
        ),
        ("The union claims 12,000 jobs are at risk at the plant.\n", "12,000", "reported_by_other"),
        (
            "Stores will sell the reissued console for its 1989 price of $99 next week.\n",
            "$99",
            "actual",
        ),
    ],
)
def test_modality_reads_the_figure_s_own_clause(text: str, figure: str, modality: str) -> None:
    assert figures(text)[figure].modality == modality


def test_comparison_base_period_is_not_the_later_figures() -> None:
    text = (
        "Kiln output report\n\n"
        "Brick kilns ran at 71.4 pct of capacity in May, the agency said. "
        "Tile kilns rose to 64.2 pct from 63.9 pct in April. "
        "Glass works operated at 58.0 pct, the same as in April.\n\n"
        "The May rate compared with 69.0 pct in May, 2031.\n"
    )
    figs = figures(text, as_of=None)
    assert figs["63.9 pct"].period == "2032-04"  # the base takes the period after it
    assert figs["64.2 pct"].period == "2032-05"  # the later figure keeps the story's month
    assert figs["58.0 pct"].period == "2032-05"


def test_relative_clause_dates_its_own_event_not_the_figure() -> None:
    text = "Mr Okafor, 44, who joined the board in 2011, chairs the audit committee.\n"
    assert figures(text, as_of=None)["44"].period is None


def test_nearest_relative_period_beats_a_farther_year() -> None:
    text = "The brewer earned 310 mln dlrs last year, twice the figure in 2019.\n"
    assert figures(text, as_of=None)["310 mln dlrs"].period is None


def test_comparable_period_takes_the_storys_quarter() -> None:
    text = (
        "Dunmore results\n\n"
        "Dunmore Inc said net income rose to 40 mln dlrs in the 1991 second quarter.\n\n"
        "That was up from 32 mln dlrs in the comparable 1990 period.\n"
    )
    figs = figures(text, as_of=None)
    assert figs["40 mln dlrs"].period == "1991-Q2"
    assert figs["32 mln dlrs"].period == "1990-Q2"


def test_consecutive_years_listed_are_one_span() -> None:
    text = "Grants totalled £14m in 2011, 2012 and 2013, the trust said.\n"
    assert figures(text, as_of=None)["£14m"].period == "2011..2013"


def test_years_counted_from_a_start_year_span_them() -> None:
    text = "She was first elected in 1972 and held the seat for 18 years.\n"
    assert figures(text, as_of=None)["18"].period == "1972..1990"


def test_a_base_does_not_take_the_period_stated_before_it() -> None:
    text = "Orders are seen falling to 40 mln tonnes in 2040 from 52.5 mln tonnes.\n"
    figs = figures(text, as_of=None)
    assert figs["40 mln"].period == "2040"
    assert figs["52.5 mln"].period is None


def test_a_dated_results_story_defaults_to_the_year_its_lead_reports() -> None:
    text = (
        "Ostrava Motor results\n\n"
        "Ostrava Motor said operating profit fell 9% in the fiscal year ended March 31, and "
        "forecast growth in the current year.\n\n"
        "In the January-March quarter, profit fell 20%.\n\n"
        "Tariffs cut profit by ¥210 billion over the year.\n"
    )
    figs = figures(text, as_of=date(2031, 5, 12))
    assert figs["¥210 billion"].period == "FY2031"


def test_twelve_months_beside_a_named_fiscal_year_are_a_fiscal_year() -> None:
    text = (
        "Tarn Corp expects sales of 4.1 bln dlrs for the year ending June 30, 2032, "
        "up 9 pct over fiscal 2031.\n"
    )
    figs = figures(text, as_of=None)
    assert figs["4.1 bln dlrs"].period == "FY2032"
    assert figs["9 pct"].period == "FY2032"  # "over fiscal 2031" is the base of the rise
    plain = "Tarn Corp had sales of 3.6 bln dlrs in the year ended June 30, 2031.\n"
    assert figures(plain, as_of=None)["3.6 bln dlrs"].period is None


# -- whose figure: owner candidates scored by evidence (nlp/owners.py) ------------------------


def test_speaker_is_not_the_owner_of_the_figures() -> None:
    text = (
        "Fenwick orchards report\n\n"
        "Orchards in Fenwick County picked 3.1 million crates this autumn, the Growers "
        "Council said. The Growers Council said the crop was late, and the Growers Council "
        "told reporters that prices would rise.\n"
    )
    assert figures(text, as_of=None)["3.1 million"].entity != "Growers Council"


def test_speaker_referring_to_itself_owns_the_figure() -> None:
    text = (
        "Selwyn Quarries said it earned $410 million in 2025. Selwyn Quarries said its output "
        "rose 6%. Selwyn Quarries is based in Leeds.\n"
    )
    assert figures(text)["$410 million"].entity == "Selwyn Quarries"


def test_subject_of_the_figures_own_clause_owns_it() -> None:
    text = (
        "Engineering results\n\n"
        "Siemens said its sales rose 3% in 2025. Rival Philips lifted its revenue by 11% to "
        "$640 million, a spokesman said.\n"
    )
    figs = figures(text)
    assert figs["11%"].entity == figs["$640 million"].entity
    assert "Philips" in (figs["11%"].entity or "")
    assert figs["3%"].entity == "Siemens"


def test_possessor_right_before_the_figure_owns_it() -> None:
    text = (
        "Strike ballot\n\n"
        "The Dock Workers Union will ballot members. Hartwell Ports' 900 staff and the "
        "union's other members could strike, the Dock Workers Union said. Hartwell Ports "
        "employs 2,000 people.\n"
    )
    assert figures(text, as_of=None)["900"].entity == "Hartwell Ports"


def test_name_the_model_missed_can_own_figures() -> None:
    from newscheck.nlp import frames

    text = (
        "Homes near a Pellworth store cost 7 per cent more than others. Shoppers love "
        "Pellworth, and a new Pellworth opened in May. Rents near a Pellworth rose 2 per cent.\n"
    )
    nlp = load_pipeline(None).nlp
    doc = nlp(text)
    names = {frames._name(e) for e in frames._cached(doc).names}
    assert "Pellworth" in names


def test_a_country_and_its_names_are_one_owner() -> None:
    from newscheck.nlp.owners import alias

    assert alias("Britain") == alias("United Kingdom") == "UK"
    assert alias("Acme") == "Acme"


def test_a_name_inside_the_subject_owns_the_figure_not_the_source() -> None:
    text = (
        "House prices\n\n"
        "Homes in Leeds cost £200,000 on average this year, Rightmove said. Rightmove "
        "expects prices to rise.\n"
    )
    assert figures(text)["£200,000"].entity == "Leeds"


def test_an_executive_speaking_for_the_group_does_not_own_its_figures() -> None:
    text = (
        "Harrow Metals results\n\n"
        "Harrow Metals lifted output in 2025. Chief executive Dana Reyes said the group "
        "expects sales of $450 million in 2026.\n"
    )
    assert figures(text)["$450 million"].entity == "Harrow Metals"


def test_a_figure_that_describes_a_name_belongs_to_it() -> None:
    text = (
        "Court case\n\n"
        "Harmon Records was sued on Monday. The singer Rosa Dale, 31, says the label owes her "
        "money, and Harmon Records denies it.\n"
    )
    assert figures(text)["31"].entity == "Rosa Dale"


def test_a_metric_for_a_named_part_is_that_parts() -> None:
    f = figures(
        "Orders report\n\nOrders for farm machinery rose 4 pct to 2.1 billion dlrs in March.\n"
    )["2.1 billion dlrs"]
    assert (f.metric, f.segment) == ("orders", "farm machinery")


def test_a_month_named_alone_in_a_column_header_dates_its_cells() -> None:
    text = (
        "# Ferry crossings\n\n"
        "| Route | March | April |\n"
        "|---|---|---|\n"
        "| Calais | 18,200 | 19,450 |\n"
    )
    report = analyze(text, source="t.md", as_of=date(2026, 5, 20))
    cells = {f.text: f for f in report.figures}
    assert (cells["18,200"].period, cells["19,450"].period) == ("2026-03", "2026-04")


def test_a_table_of_segments_takes_metrics_from_its_columns() -> None:
    text = (
        "# Tallis Group results\n\n"
        "Tallis Group posted higher profits for 2025.\n\n"
        "| Division | Sales | Profit |\n"
        "|---|---|---|\n"
        "| Buses | £1.10bn | £96m |\n"
        "| Group | £2.40bn | £210m |\n"
    )
    report = analyze(text, source="t.md", as_of=date(2026, 3, 2))
    cells = {f.text: f for f in report.figures}
    assert (cells["£96m"].metric, cells["£96m"].segment) == ("profit", "buses")
    # The row that names the company itself is the whole, not a segment.
    assert (cells["£210m"].metric, cells["£210m"].segment) == ("profit", None)
    assert cells["£2.40bn"].metric == "revenue"  # sales folded to revenue


# -- undated stories: the year they speak from, inferred from their own dates ------------------------


def test_a_year_beside_this_year_is_no_evidence_of_the_story_year() -> None:
    # The paragraph names 2012 as the year just ended; "this year" is the next one.
    text = (
        "Ruritania's recovery\n\n"
        "Factories shed 4,000 jobs in the last quarter of 2012. Tourist arrivals are up 18% "
        "this year, and the bank expects 4.2% growth this year after 2.9% in 2012.\n"
    )
    figs = figures(text, as_of=None)
    assert figs["18%"].period is None
    assert figs["4.2%"].period is None
    assert (figs["4,000"].period, figs["4,000"].period_confidence) == ("2012-Q4", 1.0)


def test_undated_story_year_from_a_month_dated_both_ways() -> None:
    # "in May 2011" and "our offer in May last year" are one month: the story speaks from 2012.
    text = (
        "Glenmore drops bid\n\n"
        "In May 2011, Glenmore offered $2.4bn for the port operator. "
        'A Glenmore spokesman said: "Nothing has changed since our offer in May last year."\n\n'
        "The operator earned $310m in profits last year.\n"
    )
    f = figures(text, as_of=None)["$310m"]
    assert f.period == "2011"
    assert f.period_confidence > 0.5


def test_undated_story_without_dated_evidence_leaves_this_year_unresolved() -> None:
    text = "Harbour traffic\n\nContainer traffic is up 7% this year, the port said.\n"
    assert figures(text, as_of=None)["7%"].period is None


def test_a_year_that_bounds_a_time_is_no_evidence_of_the_story_year() -> None:
    # "until 2030" is where a plan ends, not where the story stands.
    text = "Dam plan\n\nWater use is up 6% this year and the levy will stay until 2030.\n"
    assert figures(text, as_of=None)["6%"].period is None


def test_dated_story_resolves_relative_periods_with_full_confidence() -> None:
    text = "Harbour traffic\n\nContainer traffic is up 7% this year, the port said.\n"
    f = figures(text, as_of=date(2026, 4, 24))["7%"]
    assert (f.period, f.period_confidence) == ("2026", 1.0)


def test_fiscal_quarter_of_a_story_about_a_fiscal_year_is_its_calendar_quarter() -> None:
    text = (
        "TORVALD SEES HIGHER SALES\n\n"
        "Torvald Inc expects sales for the year ending March 31, 1991, to rise 8 pct over "
        "fiscal 1990 to 900 mln dlrs.\n\n"
        "He said profit for the year should rise 5 pct.\n\n"
        "Earlier Torvald said first quarter sales rose 6 pct to 210 mln dlrs and profits were "
        "9.5 mln dlrs, or 12 cts a share, vs 7.1 mln dlrs, or nine cts a share, in the June "
        "quarter last year.\n\n"
        "Over the past six months, orders for its printers rose 14 pct.\n"
    )
    figs = figures(text, as_of=None)
    assert figs["900 mln dlrs"].period == "FY1991"
    assert figs["5 pct"].period == "FY1991"  # "for the year": the lead's fiscal year
    # Fiscal Q1 of the year to March 1991 is April-June 1990.
    assert figs["210 mln dlrs"].period == "1990-Q2"
    assert figs["9.5 mln dlrs"].period == "1990-Q2"  # not the base's period after "vs"
    assert figs["12 cts"].period == "1990-Q2"
    assert figs["7.1 mln dlrs"].period == "1989-Q2"  # the June quarter a year before
    assert figs["14 pct"].period is None  # a trailing six months, not the fiscal year


def test_a_year_in_an_aside_dates_its_own_event() -> None:
    text = (
        "Council vote\n\n"
        "Ms Ferris - who joined the council in 2011 as its youngest member - called for a "
        "cap of 40 homes on the site.\n\n"
        "The plan (first drafted in 2016) sets aside 12 acres for a school.\n"
    )
    figs = figures(text, as_of=None)
    assert figs["40"].period is None
    assert figs["12"].period is None  # nor is the lead's aside the story's period


def test_a_length_of_time_runs_from_the_year_before_it() -> None:
    text = (
        "Coach leaves\n\n"
        "In 2014 Varga moved to Porto and spent three seasons there before the 2018 World Cup.\n"
    )
    assert figures(text, as_of=None)["three"].period == "2014..2017"
