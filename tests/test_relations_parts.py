"""Part/whole, breakdown, share and average relations, and the rules that read them."""

from __future__ import annotations

from newscheck import analyze
from newscheck.nlp.report import Report


def _report(text: str, *, markdown: bool = False) -> Report:
    return analyze(text, source="example.md" if markdown else "example.txt", markdown=markdown)


def _relations(report: Report, rtype: str) -> list[dict[str, str]]:
    """Each relation of a type as {role: figure text}; repeated roles get a number."""
    texts = {f.id: f.text for f in report.figures}
    out = []
    for r in report.relations:
        if r.type != rtype:
            continue
        roles: dict[str, str] = {}
        for fid, role in zip(r.figures, r.roles, strict=True):
            key = role if role not in roles else f"{role}{sum(k.startswith(role) for k in roles)}"
            roles[key] = texts[fid]
        out.append(roles)
    return out


def _fails(report: Report, rule_id: str) -> list[str]:
    return [c.message for c in report.checks if c.id == rule_id and c.status == "fail"]


def test_partitive_of_names_an_earlier_whole() -> None:
    ok = _report(
        "The county recorded 312 burglaries in 2025. Police said knives were involved in 40 "
        "of last year's burglaries."
    )
    assert {"part": "40", "whole": "312"} in _relations(ok, "part_of")
    assert not _fails(ok, "NC121")
    bad = _report(
        "The county recorded 312 burglaries in 2025. Police said knives were involved in 340 "
        "of last year's burglaries."
    )
    assert _fails(bad, "NC121")


def test_inclusion_cue_makes_a_part() -> None:
    report = _report("The plant built 12,400 vans last year, including 13,100 electric ones.")
    assert {"part": "13,100", "whole": "12,400"} in _relations(report, "part_of")
    assert _fails(report, "NC121")


def test_breakdown_led_by_its_whole_is_checked_only_for_excess() -> None:
    # The text does not say the three places are all of the injuries: fewer is fine.
    under = _report(
        "Of the 52 injuries, 20 were in Alder, 18 in Birch and 9 in Cedar, officials said."
    )
    sums = _relations(under, "sum_of")
    assert sums and sums[0]["total"] == "52" and len(sums[0]) == 4
    assert not _fails(under, "NC122")
    over = _report(
        "Of the 52 injuries, 20 were in Alder, 18 in Birch and 19 in Cedar, officials said."
    )
    assert _fails(over, "NC122")


def test_seats_listed_after_the_council_size() -> None:
    lead = "Voters elected a new 40-seat council on Thursday.\n\n"
    bad = _report(
        lead + "The Greens finished with 18 seats, the Liberals with 14 and Labour with nine."
    )
    assert any(r.get("total") == "40" for r in _relations(bad, "sum_of"))
    assert _fails(bad, "NC122")
    ok = _report(
        lead + "The Greens finished with 18 seats, the Liberals with 14 and Labour with eight."
    )
    assert not _fails(ok, "NC122")


def test_list_closed_by_the_remainder_must_add_up() -> None:
    lead = "Fennick's latest funding round totalled $90 million.\n\n"
    body = (
        "The round was led by Orla Capital, which put in $40 million. Two other funds added "
        "{a} and $15 million, and the remaining $10 million came from angel investors."
    )
    bad = _report(lead + body.format(a="$20 million"))
    assert _fails(bad, "NC122")
    ok = _report(lead + body.format(a="$25 million"))
    assert not _fails(ok, "NC122")


def test_table_total_row_sums_its_column() -> None:
    table = (
        "# Budget\n\nThe budget is set out below.\n\n"
        "| Item | Amount |\n|---|---|\n| Roads | £40m |\n| Schools | £35m |\n"
        "| Parks | £10m |\n| **Total** | **{total}** |\n"
    )
    bad = _report(table.format(total="£95m"), markdown=True)
    assert any("table_total" in r.evidence for r in bad.relations if r.type == "sum_of")
    assert _fails(bad, "NC122")
    assert not _fails(_report(table.format(total="£85m"), markdown=True), "NC122")


def test_table_total_sums_its_own_column_whatever_the_other_cells() -> None:
    # A blank cell in one column must not shift the other columns' cells.
    table = (
        "# Depots\n\nParcels handled by depot.\n\n"
        "| Depot | 2024 | 2025 |\n|---|---|---|\n| Leeds | 4,100 | 4,300 |\n"
        "| York | n/a | 2,900 |\n| Hull | 1,800 | 1,700 |\n| **Total** | 8,800 | {total} |\n"
    )
    ok = _report(table.format(total="8,900"), markdown=True)
    sums = _relations(ok, "sum_of")
    assert {"total": "8,900", "part": "4,300", "part1": "2,900", "part2": "1,700"} in sums
    # The 2024 column has a blank cell: it states no breakdown.
    assert not any(r["total"] == "8,800" for r in sums)
    assert not _fails(ok, "NC122")
    assert _fails(_report(table.format(total="9,900"), markdown=True), "NC122")


def test_table_total_column_sums_its_own_row() -> None:
    table = (
        "# Sales\n\nSales by shop.\n\n"
        "| Shop | Q1 | Q2 | Total |\n|---|---|---|---|\n| Leeds | £10m | £12m | £22m |\n"
        "| York | £8m | £9m | {total} |\n| Hull | £5m | £6m | £11m |\n"
    )
    ok = _report(table.format(total="£17m"), markdown=True)
    assert {"total": "£17m", "part": "£8m", "part1": "£9m"} in _relations(ok, "sum_of")
    assert not _fails(ok, "NC122")
    assert _fails(_report(table.format(total="£19m"), markdown=True), "NC122")


def test_table_column_of_changes_is_not_summed() -> None:
    table = (
        "# Prices\n\nPrices by region.\n\n"
        "| Region | Change |\n|---|---|\n| North | +1.8% |\n| South | +2.2% |\n"
        "| West | +2.5% |\n| **Total** | **+2.1%** |\n"
    )
    report = _report(table, markdown=True)
    assert not _fails(report, "NC122")


def test_single_choice_answers_over_100_but_not_multiple_choice() -> None:
    bad = _report(
        "Asked about the plan, 52 per cent of voters said yes, 38 per cent said no and "
        "15 per cent were unsure."
    )
    assert _fails(bad, "NC123")
    multi = _report(
        "Respondents could name up to three concerns: 61 per cent of voters named prices, "
        "48 per cent named crime and 40 per cent named housing."
    )
    assert not _fails(multi, "NC123")


def test_share_relation_has_its_part_and_whole() -> None:
    report = _report(
        "Brindle Foods reported revenue of £8.4 billion for 2025. Its bakery arm contributed "
        "£2.9 billion, or 41 per cent of revenue."
    )
    assert _relations(report, "share_of") == [
        {"share": "41 per cent", "part": "£2.9 billion", "whole": "£8.4 billion"}
    ]
    assert _fails(report, "NC124")


def test_share_far_from_its_ratio_is_not_read_as_that_share() -> None:
    # 7.2% against a stated 61%: the whole is some other amount, not a slip.
    report = _report(
        "Brindle Foods reported revenue of £40 billion for 2025. Its bakery arm contributed "
        "£2.9 billion, or 61 per cent of revenue."
    )
    assert not _relations(report, "share_of")


def test_average_relation_and_duration_units() -> None:
    report = _report(
        "Staff logged 1,800 hours of overtime in total across 240 shifts, an average of "
        "400 minutes per shift."
    )
    assert _relations(report, "average_of") == [
        {"average": "400", "total": "1,800", "count": "240"}
    ]
    (msg,) = _fails(report, "NC125")
    assert "450 minutes" in msg


def test_an_earlier_count_is_not_the_average_count() -> None:
    report = _report(
        "Dealers sold 2,000 cars in May, compared with 2,500 a year earlier. The total value "
        "of those sales was £60 million, putting the average price at £30,000."
    )
    (rel,) = _relations(report, "average_of")
    assert rel["count"] == "2,000"
    assert not _fails(report, "NC125")


def test_of_them_makes_a_part_of_the_figure_just_named() -> None:
    ok = _report("The helpline took 1,240 calls in March, and 410 of them were about billing.")
    assert {"part": "410", "whole": "1,240"} in _relations(ok, "part_of")
    assert not _fails(ok, "NC121")
    bad = _report("The helpline took 1,240 calls in March, and 1,410 of them were about billing.")
    assert _fails(bad, "NC121")


def test_list_counts_the_noun_of_a_whole_named_paragraphs_before() -> None:
    filler = " ".join(f"Talks resumed on day {n} of the dispute." for n in range(2, 12))
    text = (
        "Up to 52,000 drivers could join the stoppage next month.\n\n"
        f"{filler}\n\n"
        "The Northern branch's 30,000 drivers, the Coastal Drivers' Association's {b} and "
        "the city depot's 4,000 are among those being balloted."
    )
    ok = _report(text.format(b="9,000"))
    sums = _relations(ok, "sum_of")
    assert {"total": "52,000", "part": "30,000", "part1": "9,000", "part2": "4,000"} in sums
    assert not _fails(ok, "NC122")
    # An open list ("among those") is wrong only when it adds up to more than the whole.
    assert _fails(_report(text.format(b="29,000")), "NC122")


def test_shares_listed_after_one_of_phrase_share_its_whole() -> None:
    report = _report(
        "Revenue for the year will be about £900m. Freight will make up 55 per cent of "
        "revenue, buses 40 per cent and coaches five per cent."
    )
    shares = _relations(report, "share_of")
    for share in ("55 per cent", "40 per cent", "five per cent"):
        assert {"share": share, "whole": "£900m"} in shares


def test_percentage_and_the_amount_it_comes_to() -> None:
    report = _report(
        "Flats near the new station sold for 9 per cent more (£21,300) than those further out. "
        "Parking spaces cost £4,100, or 15 per cent, less."
    )
    shares = _relations(report, "share_of")
    assert {"share": "9 per cent", "part": "£21,300"} in shares
    assert {"share": "15 per cent", "part": "£4,100"} in shares
    # A percentage beside a figure of another sentence, or beside another rate, is no pair.
    other = _report("Fares rose 9 per cent. The operator carried 21,300 passengers.")
    assert not _relations(other, "share_of")
    assert not _relations(_report("Inflation may reach 2.5 or 3 per cent next year."), "share_of")
    # £40m against the £38m base is the new level, 5 per cent up: not 5 per cent of anything.
    level = _report("Sales were £40m, or 5 per cent more than the £38m of a year earlier.")
    assert not _relations(level, "share_of")
    diff = _report("Sales were £2m, or 5 per cent, more than the £38m of a year earlier.")
    assert {"share": "5 per cent", "part": "£2m"} in _relations(diff, "share_of")


def test_sales_of_its_line_are_part_of_the_total_named_later() -> None:
    text = (
        "Harlow Foods said sales of its bakery business rose 4 pct to {part} mln dlrs in "
        "2025. The company's total sales in 2025 rose 6 pct to 400 mln dlrs."
    )
    ok = _report(text.format(part="120"))
    assert {"part": "120 mln dlrs", "whole": "400 mln dlrs"} in _relations(ok, "part_of")
    assert not _fails(ok, "NC121")
    assert _fails(_report(text.format(part="470")), "NC121")


def test_of_these_with_a_figure_names_that_figure_not_a_pronoun() -> None:
    report = _report(
        "Some 52 of the country's 9,000 bridges need repairs. Only 14 of these 52 bridges "
        "are on main roads."
    )
    parts = _relations(report, "part_of")
    assert {"part": "14", "whole": "52"} in parts
    assert {"part": "14", "whole": "9,000"} not in parts


def test_amount_contributed_to_a_named_segment_is_part_of_it() -> None:
    text = (
        "Marlow Tools said its domestic sales rose to 410 mln dlrs in 2025, while sales from "
        "overseas markets rose to 180 mln dlrs. Weaker sterling contributed about {part} mln "
        "dlrs to overseas sales in 2025."
    )
    ok = _report(text.format(part="12"))
    assert {"part": "12 mln dlrs", "whole": "180 mln dlrs"} in _relations(ok, "part_of")
    assert not _fails(ok, "NC121")
    assert _fails(_report(text.format(part="212")), "NC121")


def test_share_after_a_part_of_a_figure_is_of_that_figure() -> None:
    # "A of the B, or S": the share follows the whole; the part is what "of" hangs from.
    report = _report("The housing trust owns 1,150 of the town's 4,600 homes, or 35 per cent.")
    assert {"share": "35 per cent", "part": "1,150", "whole": "4,600"} in _relations(
        report, "share_of"
    )
    assert _fails(report, "NC124")
    ok = _report("The housing trust owns 1,150 of the town's 4,600 homes, or 25 per cent.")
    assert not _fails(ok, "NC124")


def test_share_in_words_a_slip_away_from_a_named_whole_is_reported() -> None:
    # 26% called "roughly a fifth" of a whole the share names: a writer's slip, reported.
    report = _report(
        "Sales at the bakery group came to £9,400 million last year. Cakes brought in "
        "£2,450 million, roughly a fifth of total sales, the company said."
    )
    assert _relations(report, "share_of") == [
        {"share": "a fifth", "part": "£2,450 million", "whole": "£9,400 million"}
    ]
    assert _fails(report, "NC124")


def test_of_that_after_a_unit_word_is_a_part_of_the_figure_before() -> None:
    report = _report(
        "The terminal loaded 12.4 million barrels in March. The largest berth took 13.1 "
        "million barrels of that, the operator said."
    )
    assert {"part": "13.1 million", "whole": "12.4 million"} in _relations(report, "part_of")
    assert _fails(report, "NC121")


def test_a_list_closed_by_other_places_is_all_of_its_whole() -> None:
    text = (
        "Tallis Group had a busy year. Tallis's 9,400 employees work in France (4,100), "
        "Italy (2,600) and other markets ({})."
    )
    assert _fails(_report(text.format("2,300")), "NC122")
    assert not _fails(_report(text.format("2,700")), "NC122")


def test_answers_listed_across_two_sentences_are_one_list() -> None:
    text = (
        "Asked who should lead the county, 38 per cent backed Ms Adeyemi and {} per cent Mr "
        "Holt. The mayor was on 15 per cent, with 9 per cent undecided."
    )
    assert _fails(_report(text.format("45")), "NC123")
    assert not _fails(_report(text.format("35")), "NC123")


def test_a_party_standing_on_a_share_is_no_earlier_value() -> None:
    # "on 15 per cent" after a copula or in a list is where a party stands; "up 4% on" is a base.
    report = _report(
        "In the latest poll Labour was on 31 per cent, the Greens on 14 per cent and "
        "others on 62 per cent."
    )
    assert _fails(report, "NC123")


def test_of_those_takes_its_whole_from_the_sentence_before() -> None:
    text = (
        "In all, 1,640 drivers were stopped at the checkpoint. Of those, {} were over the "
        "limit, or one in five motorists, police said."
    )
    report = _report(text.format("410"))
    assert _relations(report, "share_of") == [
        {"share": "one in five", "part": "410", "whole": "1,640"}
    ]
    assert _fails(report, "NC124")
    assert not _fails(_report(text.format("330")), "NC124")


def test_tally_after_party_names_runs_on_into_the_next_sentence() -> None:
    # 20 + 9 + 7 + three + two = 41 seats of a 40-seat chamber.
    bad = _report(
        "Of the assembly's 40 seats, the Greens won 20, the Liberals 9 and Plaid Cymru 7. "
        "The Conservatives took three seats and independents two."
    )
    sums = _relations(bad, "sum_of")
    assert any(r.get("total") == "40" and len(r) == 6 for r in sums)
    assert _fails(bad, "NC122")
    ok = _report(
        "Of the assembly's 40 seats, the Greens won 20, the Liberals 9 and Plaid Cymru 6. "
        "The Conservatives took three seats and independents two."
    )
    assert not _fails(ok, "NC122")


def test_all_of_the_noun_makes_a_complete_list_of_an_earlier_total() -> None:
    lead = "The number of road deaths in the province reached 50 last year, police said.\n\n"
    bad = _report(
        lead + "All of the deaths occurred in three towns: 20 in Alpha, 17 in Beta and 9 in Gamma."
    )
    assert any(r.get("total") == "50" for r in _relations(bad, "sum_of"))
    assert _fails(bad, "NC122")
    ok = _report(
        lead + "All of the deaths occurred in three towns: 20 in Alpha, 17 in Beta and 13 in Gamma."
    )
    assert not _fails(ok, "NC122")


def test_all_but_a_remainder_is_a_part_of_the_earlier_total() -> None:
    lead = "Employers added 90,000 jobs in May.\n\n"
    bad = _report(
        lead + "Retail added 40,000 jobs, transport 25,000 and health 15,000. "
        "Those three together made up all but 6,000 of the new jobs."
    )
    sums = _relations(bad, "sum_of")
    assert {
        "total": "90,000",
        "part": "40,000",
        "part1": "25,000",
        "part2": "15,000",
        "part3": "6,000",
    } in sums
    assert _fails(bad, "NC122")
    ok = _report(
        lead + "Retail added 40,000 jobs, transport 25,000 and health 15,000. "
        "Those three together made up all but 10,000 of the new jobs."
    )
    assert not _fails(ok, "NC122")


def test_an_open_list_after_all_of_is_not_read_without_a_named_total() -> None:
    # The earlier figure counts something else: no total for the towns' list.
    report = _report(
        "The agency opened 50 shelters last year.\n\n"
        "All of the deaths occurred in three towns: 20 in Alpha, 17 in Beta and 9 in Gamma."
    )
    assert not any(r.get("total") == "50" for r in _relations(report, "sum_of"))


def test_the_other_n_closes_a_list_as_its_remainder() -> None:
    # "the other 9" says the list is all of the 40 seats: 38 is too few.
    bad = _report(
        "Of the 40 seats, the Greens won 20, the Liberals 9 and the other 9 went to independents."
    )
    assert _fails(bad, "NC122")
    ok = _report(
        "Of the 40 seats, the Greens won 20, the Liberals 9 and the other 11 went to independents."
    )
    assert not _fails(ok, "NC122")


def test_bullet_tally_under_its_whole() -> None:
    lead = "# Vote\n\nThe 30 places on the board were filled as follows:\n\n"
    bad = _report(lead + "- Greens: 14\n- Liberals: 9\n- Plaid Cymru: 8\n", markdown=True)
    assert any(r.get("total") == "30" for r in _relations(bad, "sum_of"))
    assert _fails(bad, "NC122")
    # Bullets need not list every part: fewer than the whole is fine.
    ok = _report(lead + "- Greens: 14\n- Liberals: 9\n- Plaid Cymru: 5\n", markdown=True)
    assert not _fails(ok, "NC122")
