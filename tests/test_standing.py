"""How a figure stands to its frame, read once from the words around it (nlp/standing.py)."""

from __future__ import annotations

import pytest

from newscheck.nlp import standing
from newscheck.nlp.relations import cues
from newscheck.nlp.standing import standing_of
from newscheck.nlp.types import Standing


def _of(sentence: str, figure: str, *, change: bool = False) -> Standing:
    start = sentence.index(figure)
    return standing_of(sentence, start, start + len(figure), 0, len(sentence), change=change)


@pytest.mark.parametrize(
    ("sentence", "figure", "side"),
    [
        ("Orders reached 5,200 in May.", "5,200", "current"),
        ("Orders rose to 5,200 from 4,900 in April.", "4,900", "compared"),
        ("Orders were 5,200, compared with about 4,900 in April.", "4,900", "compared"),
        ("Margins were wider than 12% at the rival.", "12%", "compared"),
        ("Margins were more than 12% in every region.", "12%", "current"),
        ("Its previous outlook of 16% was dropped.", "16%", "superseded"),
        ("A year earlier, the mill shipped 810 tonnes.", "810", "earlier"),
        # The year-earlier phrase is a basis, and "to" ends the movement: both current.
        ("Output rose to 910 tonnes from 810 a year earlier.", "910", "current"),
        ("A year ago the tally was 40, officials said.", "40", "earlier"),
    ],
)
def test_side(sentence: str, figure: str, side: str) -> None:
    assert _of(sentence, figure).side == side


def test_a_change_in_an_earlier_time_sentence_stays_current() -> None:
    sentence = "Sales grew 6% from a year earlier."
    assert _of(sentence, "6%", change=True).side == "current"
    assert _of(sentence, "6%", change=False).side == "earlier"


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        ("Exports grew 3% to £1.1bn.", "yoy"),
        ("Exports grew 3% from the previous quarter.", "qoq"),
        ("Prices rose 0.4% month on month.", "mom"),
        ("Exports grew 3% sequentially and 9% year-on-year.", "mixed"),
    ],
)
def test_basis_of_a_change(sentence: str, basis: str) -> None:
    assert _of(sentence, "3%" if "3%" in sentence else "0.4%", change=True).basis == basis


def test_a_level_has_no_basis() -> None:
    assert _of("Exports were £1.1bn from the previous quarter's £1bn.", "£1.1bn").basis is None


@pytest.mark.parametrize(
    ("sentence", "figure", "versions"),
    [
        ("Adjusted earnings were $2.10 a share.", "$2.10", {"adjusted"}),
        ("Like-for-like sales rose 4.5% at the chain.", "4.5%", {"organic"}),
        ("The three plants employ a combined 2,400 people.", "2,400", {"cumulative"}),
        ("Wages fell 1.2% in real terms last year.", "1.2%", {"real"}),
        ("Revenue was $9.8bn in the quarter.", "$9.8bn", set()),
    ],
)
def test_version_from_the_figure_s_own_phrase(sentence: str, figure: str, versions: set) -> None:
    assert _of(sentence, figure).version == frozenset(versions)


def test_a_version_far_from_the_figure_is_not_its_own() -> None:
    sentence = "Adjusted for the strike and the weather in the north, output was 910 tonnes."
    assert _of(sentence, "910").version == frozenset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("economists polled by the agency had forecast", True),
        ("analysts at the broker expect", True),
        ("the market consensus", True),
        ("estimates of", True),
        ("analysts said, and the board expected", False),  # the comma ends the analysts' phrase
        ("the company expected", False),
    ],
)
def test_estimated(text: str, expected: bool) -> None:
    assert standing.estimated(text) is expected


def test_aside_marks_what_is_not_a_list_item_as_such() -> None:
    assert not _of("Hardware brought in €3bn.", "€3bn").aside
    assert _of("Hardware brought in €3bn last year.", "€3bn").aside
    assert _of("Analysts put hardware at €3bn.", "€3bn").aside


def test_wildcard_phrases_match_word_beginnings() -> None:
    assert cues.has("estimate_verbs", "they had anticipated it")
    assert not cues.has("estimate_verbs", "unexpectedly")  # a cue starts at a word's start


def test_the_pipeline_carries_standing_into_figures_and_json() -> None:
    from newscheck import analyze

    report = analyze(
        "Brightwater Mills profit rises\n\n"
        "Brightwater Mills said profit rose 8% to £42m in 2025, up from £39 million. "
        "Its adjusted profit was £45m."
    )
    by_text = {f.text: f for f in report.figures}
    assert by_text["£39 million"].standing.side == "compared"
    assert by_text["£42m"].standing.side == "current"
    assert by_text["£45m"].standing.version == frozenset({"adjusted"})
    assert by_text["8%"].standing.basis == "yoy"
    doc = report.to_dict()
    out = {f["text"]: f["standing"] for f in doc["figures"]}
    assert out["£39 million"] == {"side": "compared", "basis": None, "version": []}
    assert out["8%"]["basis"] == "yoy"
