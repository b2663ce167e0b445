"""`change_of` and `compares` relations through the whole pipeline, and the rules that read them."""

from __future__ import annotations

import pytest
from helpers import changes_of as _changes
from helpers import messages

from newscheck import analyze


def _fails(text: str, rule: str) -> list[str]:
    return messages(text, rule)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brightwell lifted its operating profit by 14% to £912m from £800m last year.",
            ("14%", "£912m", "£800m"),
        ),
        (
            "Turnover at the retailer rose to $7.4 billion from $6.9 billion, an increase of 7.2%.",
            ("7.2%", "$7.4 billion", "$6.9 billion"),
        ),
        (
            "Pre-tax profit was up 9% at €327m, compared with €300m a year earlier.",
            ("9%", "€327m", "€300m"),
        ),
        (
            "Membership reached 18,400 in June. That was 15% more than the 16,000 of a year earlier.",
            ("15%", "18,400", "16,000"),
        ),
    ],
)
def test_change_written_in_other_words_links_both_levels(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _changes(text)


def test_a_level_in_the_sentence_before_named_again_is_the_change_target() -> None:
    text = (
        "Weekly rents will climb to £212 for a flat and £305 for a house. "
        "The flat rent is 6 per cent higher than the £200 tenants paid in 2025."
    )
    assert ("6 per cent", "£212", "£200") in _changes(text)


def test_a_price_and_a_bill_are_not_one_change() -> None:
    # The fall is the price's; the bill after ", and its …" is another measure entirely.
    text = (
        "The carrier paid an average of $2.80 a gallon for fuel, down 4.8% from $2.94 a year "
        "ago, and its fuel bill came to $2.05 billion."
    )
    found = _changes(text)
    assert ("4.8%", "$2.80", "$2.94") in found
    assert not any(to == "$2.05 billion" for _, to, _ in found)
    assert _fails(text, "NC102") == []


def test_a_level_nearer_another_change_is_that_change_s() -> None:
    text = (
        "Imports grew 2.4% to $88.1 billion from $86.0 billion, short of the 3.0% rise "
        "economists had forecast."
    )
    found = _changes(text)
    assert ("2.4%", "$88.1 billion", "$86.0 billion") in found
    assert not any(c == "3.0%" and to is not None for c, to, _ in found)


def test_points_stated_as_the_relative_change_warn() -> None:
    text = (
        "The participation rate rose to 64.4 per cent from 62.1 per cent a year earlier, an "
        "increase of 3.7 percentage points."
    )
    msgs = _fails(text, "NC105")
    assert msgs and "2.3 percentage points" in msgs[0] and "3.7" in msgs[0]
    assert _fails(text, "NC102") == []


def test_a_point_jump_written_as_a_number_is_read_in_points() -> None:
    text = "Support stands at 46 percent, up from 36 percent in May, a 28-point jump."
    assert ("28", "46 percent", "36 percent") in _changes(text)
    assert _fails(text, "NC105")
    ok = "Support stands at 46 percent, up from 36 percent in May, a 10-point jump."
    assert _fails(ok, "NC105") == [] and _fails(ok, "NC102") == []


def test_percent_stated_for_points_across_the_clause() -> None:
    text = "The vacancy rate eased to 4.1 per cent from 4.6 per cent, a drop of 0.5 per cent."
    msgs = _fails(text, "NC105")
    assert msgs and "0.5 percentage points" in msgs[0]


@pytest.mark.parametrize(
    ("target", "expected"), [("$131.4 million", "fail"), ("$151.2 million", "pass")]
)
def test_more_than_tripled_is_at_least_three_times(target: str, expected: str) -> None:
    text = f"Licence revenue more than tripled to {target} in 2025 from $48.9 million in 2024."
    rep = analyze(text, source="t.txt", markdown=False)
    statuses = [c.status for c in rep.checks if c.id == "NC104"]
    assert statuses == [expected]


def test_a_restated_change_shares_its_levels() -> None:
    text = "Copper fell $210, or 2.3%, to $8,920 a tonne from $9,130."
    found = _changes(text)
    assert ("2.3%", "$8,920", "$9,130") in found
    assert ("$210", "$8,920", "$9,130") in found


def test_explicit_comparison_is_a_compares_relation() -> None:
    rep = analyze(
        "Its net debt was £1.9bn, compared with £2.3bn a year earlier.",
        source="t.txt",
        markdown=False,
    )
    by_id = {f.id: f.text for f in rep.figures}
    pairs = [tuple(by_id[i] for i in r.figures) for r in rep.relations if r.type == "compares"]
    assert ("£1.9bn", "£2.3bn") in pairs


def test_range_change_after_to_and_a_verb_links_its_level() -> None:
    text = "Halvorsen expects sales in the year to June to increase 6 to 8 pct to 910 mln dlrs."
    assert ("6 to 8 pct", "910 mln dlrs", None) in _changes(text)


def test_multiplier_of_a_level_links_the_level_before_it() -> None:
    text = "Tolls brought in £48m ($61m) in 2024, almost double the amount in 2015."
    assert ("double", "£48m", None) in _changes(text)


def test_headline_change_links_the_two_levels_the_story_sets_side_by_side() -> None:
    text = (
        "Corvane in $120m profit revision\n\n"
        "Corvane has cut the profit it reported for last year.\n\n"
        "The firm said it made $410m, compared with the previously reported $530m. "
        "Its shares fell 3% on Monday.\n"
    )
    assert ("$120m", "$410m", "$530m") in _changes(text)


def test_headline_change_the_levels_do_not_give_links_to_nothing() -> None:
    # $530m - $410m is $120m, not $300m: a wrong headline figure is a miss, not a false link.
    text = (
        "Corvane in $300m profit revision\n\n"
        "Corvane has cut the profit it reported for last year.\n\n"
        "The firm said it made $410m, compared with the previously reported $530m. "
        "Its shares fell 3% on Monday.\n"
    )
    assert not [c for c in _changes(text) if c[0] == "$300m"]


def test_an_amount_before_a_change_noun_is_a_change() -> None:
    text = "The council announced a £12m cut in its budget, taking it to £88m from £100m."
    assert ("£12m", "£88m", "£100m") in _changes(text)


def test_the_level_a_multiplier_is_of_is_where_the_change_starts() -> None:
    text = "Ridership is now 9.6 million, almost double the 5 million of 2019."
    assert ("double", "9.6 million", "5 million") in _changes(text)


def test_a_multiplier_of_a_level_its_levels_do_not_give_fails() -> None:
    text = "Ridership is now 14 million, double the 5 million of 2019."
    assert _fails(text, "NC104")


def test_headline_change_stops_where_the_story_states_the_change_itself() -> None:
    text = (
        "VALDORIA SEES GDP GROWTH OF 3.1 PCT\n\n"
        "Gross domestic product is expected to grow by 3.1 pct this year, the minister said.\n\n"
        "Inflation fell to 9 pct from 12 pct, he said.\n"
    )
    assert not [c for c in _changes(text) if c[0] == "3.1 PCT"]


def test_an_amount_named_a_change_takes_no_level_of_an_earlier_clause() -> None:
    text = (
        "World trade is put at 412 mln tonnes against 398 mln last season, "
        "with the forecast five mln rise in Indian imports offset elsewhere."
    )
    assert not [c for c in _changes(text) if c[0] == "five mln"]


def test_a_comparison_with_one_year_does_not_take_a_level_of_another() -> None:
    text = (
        "The port handled only four cruise ships last year, 11 fewer than in 2016 "
        "and the fewest since 2009, when only three called."
    )
    assert not [c for c in _changes(text) if c[0] == "11" and c[2] == "three"]


def test_a_change_by_a_fraction_in_words_is_a_relative_change() -> None:
    # "by a third" is a 30-36.7% rise: £372m -> £500m is 34%, -> £460m only 24%.
    text = "Ticket sales rose by a third to £{} last season, from £372m the season before."
    assert _changes(text.format("500m")) == [("a third", "£500m", "£372m")]
    assert not _fails(text.format("500m"), "NC102")
    assert _fails(text.format("460m"), "NC102")


def test_half_a_point_is_no_relative_change() -> None:
    text = "The margin widened to 21.4 percent from 20.9 percent, an improvement of half a percentage point."
    assert not _fails(text, "NC102")


def test_that_compared_with_pairs_the_levels_across_the_full_stop() -> None:
    # The earlier value stands between the pronoun's level and the change: still the pair.
    text = (
        "Bookings reached 41,300 in the quarter. That compared with 37,900 a year earlier, "
        "an increase of {}%."
    )
    assert _changes(text.format("9.0")) == [("9.0%", "41,300", "37,900")]
    assert not _fails(text.format("9.0"), "NC102")
    assert _fails(text.format("12.0"), "NC102")
