"""Relations stated across sentences: a change's earlier level in the next sentence, a
breakdown a sentence after (or paragraphs before) its total, a share whose part is the
pronoun's antecedent, and a figure restated in a definite noun phrase of a kin noun."""

from __future__ import annotations

import pytest
from helpers import changes_of as _changes
from helpers import messages
from helpers import report as _report


def _fails(text: str, rule: str) -> list[str]:
    return messages(text, rule)


def _passes(text: str, rule: str) -> list[str]:
    return messages(text, rule, "pass")


# ---------------------------------------------------------------- changes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Trading profit at Pellworth rose 12% to £448m in 2025. It had been £400m a year "
            "earlier.",
            ("12%", "£448m", "£400m"),
        ),
        (
            "The hospital's waiting list grew by 1,200 this year, to 14,600. Twelve months ago "
            "13,400 people were waiting.",
            ("1,200", "14,600", "13,400"),
        ),
        (
            "Ridership on the tram line climbed 8% to 5.4 million in March. In March last year "
            "the network carried 5.0 million passengers.",
            ("8%", "5.4 million", "5.0 million"),
        ),
        (
            "Bookings at the theatre reached 64,800 in 2025. The year before they were 54,000, "
            "a rise of 20%.",
            ("20%", "64,800", "54,000"),
        ),
    ],
)
def test_earlier_level_in_the_neighbouring_sentence(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _changes(text)


def test_a_wrong_change_against_the_next_sentence_fails() -> None:
    text = (
        "Trading profit at Pellworth rose 20% to £448m in 2025. It had been £400m a year earlier."
    )
    assert _fails(text, "NC102")


@pytest.mark.parametrize(
    "text",
    [
        # Another metric in the next sentence is not the change's earlier level.
        "Revenue at Pellworth rose 12% to £448m in 2025. A year earlier, net debt was £310m.",
        # Nothing marks the next sentence's level as an earlier one.
        "Trading profit at Pellworth rose 12% to £448m in 2025. The group also holds £310m "
        "in cash.",
    ],
)
def test_a_neighbouring_level_that_is_not_the_earlier_one_is_not_linked(text: str) -> None:
    assert all(frm is None for _c, _t, frm in _changes(text))
    assert not _fails(text, "NC102")


# ---------------------------------------------------------------- breakdowns


def test_parts_in_the_next_sentence_that_exceed_the_total_fail() -> None:
    text = (
        "Group sales came to $6.0 billion in the year. The tools unit contributed $2.8 "
        "billion, lighting $2.1 billion and hardware $1.6 billion."
    )
    assert _fails(text, "NC122")


def test_parts_in_the_next_sentence_that_fit_pass() -> None:
    text = (
        "Group sales came to $6.5 billion in the year. The tools unit contributed $2.8 "
        "billion, lighting $2.1 billion and hardware $1.6 billion."
    )
    assert not _fails(text, "NC122")
    assert _passes(text, "NC122")


def test_seat_list_over_two_sentences_without_a_cue() -> None:
    text = (
        "The new council has 45 seats. The Liberal Democrats won 20 seats. Labour took 14, "
        "the Conservatives 9 and the Greens 4."
    )
    assert _fails(text, "NC122")  # 20 + 14 + 9 + 4 = 47


def test_a_region_is_an_item_beside_the_list_not_its_total() -> None:
    text = "Sales in Europe rose to €3.0bn. Asia brought in €1.9bn and the Americas €1.4bn."
    assert not _fails(text, "NC122")


def test_a_complete_breakdown_said_after_the_list_must_add_up() -> None:
    text = (
        "Fenwick Cables' revenue reached £900m last year. Britain brought in £500m, Ireland "
        "£200m and France £100m. Fenwick sells in no other country."
    )
    assert _fails(text, "NC122")


def test_a_total_named_paragraphs_after_its_list() -> None:
    text = (
        "Enrolments from Kent rose to 3,100 this autumn. Surrey sent 1,200, Sussex 900 and "
        "Essex 700.\n\nThe college has added two new courses.\n\n"
        "In total the college enrolled 5,500 students from the four counties."
    )
    rep = _report(text)
    assert any(r.type == "sum_of" and "total_after_list" in r.evidence for r in rep.relations)
    assert _fails(text, "NC122")  # 5,900 listed against 5,500


# ---------------------------------------------------------------- shares


def test_a_share_whose_part_is_in_the_sentence_before() -> None:
    wrong = "The charity spent £4.2m on research in 2025. That was 25% of its £12.0m budget."
    right = "The charity spent £3.0m on research in 2025. That was 25% of its £12.0m budget."
    assert _fails(wrong, "NC124")
    assert not _fails(right, "NC124")


# ---------------------------------------------------------------- restatements


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("The club agreed a fee of £36.4m for the striker.", "The £34.6m charge"),
        ("Operating income was $715 million in the quarter.", "The $751 million operating profit"),
        ("Ministers approved a budget of £268m for the scheme.", "The spending plan, worth £286m,"),
    ],
)
def test_a_restatement_in_other_words_with_a_slip_is_reported(first: str, later: str) -> None:
    text = (
        "Both sides said talks had been long.\n\n"
        f"{first} The deal was signed on Monday.\n\n"
        "Officials said the work would start in the spring.\n\n"
        f"{later} was described as fair by both sides."
    )
    assert _fails(text, "NC101")


def test_a_definite_restatement_of_another_noun_is_not_one_figure() -> None:
    text = (
        "Both sides said talks had been long.\n\n"
        "The club agreed a fee of £36.4m for the striker. The deal was signed on Monday.\n\n"
        "Officials said the work would start in the spring.\n\n"
        "The £34.6m stadium loan was described as fair by both sides."
    )
    assert not _fails(text, "NC101")
