"""Entities, the extractive summary and claims on a scraped-style article."""

from __future__ import annotations

from datetime import date

import pytest

from newscheck import analyze
from newscheck.nlp.report import Report

SCRAPED = (
    "Brightwater Energy Wins Big Offshore Contract As Profits Climb Across The Group\n"
    "Key takeaways\n"
    "- Brightwater Energy won a £900m contract in the North Sea.\n"
    "- Profit rose 14% to £210m in 2025.\n"
    "Brightwater Energy said on Tuesday that it had won a £900m contract to build turbines off "
    "the Scottish coast, its largest order so far.\n"
    "Chief executive Maria Lindqvist said Brightwater’s profit rose 14% to £210m last year. "
    "Lindqvist told reporters the group would hire 400 engineers in Aberdeen.\n"
    "The company, founded in Glasgow, now employs about 3,200 people.\n"
    "Analysts at Fenwick Research expect demand to keep growing.\n"
    "Brightwater Energy Wins Big Offshore Contract As Profits Climb Across The Group\n"
    "Comments\n"
    "Want to join the conversation?\n"
    "Share this article\n"
)


@pytest.fixture(scope="module")
def report() -> Report:
    return analyze(SCRAPED, source="scraped.txt", as_of=date(2026, 3, 4))


def test_entities_merge_variants_and_never_cross_lines(report: Report) -> None:
    by_name = {e.text: e for e in report.entities}
    assert "Maria Lindqvist" in by_name
    assert by_name["Maria Lindqvist"].count == 2  # "Lindqvist" joins the full name
    assert "Brightwater Energy" in by_name
    assert by_name["Brightwater Energy"].count >= 3  # "Brightwater’s" merged
    for e in report.entities:
        assert e.count == len(e.mentions)
        for m in e.mentions:
            assert "\n" not in m.text
            assert len(m.text.split()) <= 6


def test_headline_is_not_one_long_entity(report: Report) -> None:
    assert report.title and report.title.startswith("Brightwater Energy Wins")
    assert all(e.text != report.title for e in report.entities)


def test_boilerplate_stays_out(report: Report) -> None:
    tail = SCRAPED.index("Brightwater Energy Wins", 10)
    assert all(s.start < tail for s in report.summary)
    assert all(c.start < tail for c in report.claims)
    assert all(m.start < tail for e in report.entities for m in e.mentions)
    assert all(f.start < tail for f in report.figures)


def test_summary_default_three_in_order_and_length_option() -> None:
    three = analyze(SCRAPED, source="s.txt")
    assert len(three.summary) == 3
    assert [s.start for s in three.summary] == sorted(s.start for s in three.summary)
    one = analyze(SCRAPED, source="s.txt", sentences=1)
    assert len(one.summary) == 1
    assert one.summary[0].text in {s.text for s in three.summary}


def test_claims_score_figures_and_attribution_above_plain_sentences(report: Report) -> None:
    by_text = {c.text: c for c in report.claims}
    profit = next(c for t, c in by_text.items() if "Lindqvist said" in t)
    assert profit.figures and any("attribution" in r for r in profit.reasons)
    assert any("states a change" in r for r in profit.reasons)
    analysts = [c for t, c in by_text.items() if t.startswith("Analysts at Fenwick")]
    assert not analysts or analysts[0].score < profit.score
    assert all(0 <= c.score <= 1 for c in report.claims)
