"""The linking NC101, NC121, NC122 and NC123 once did themselves, now relation evidence.

Each reader yields candidates with a named feature (`frame_key`, `named_part`,
`that_total`, `listed_amounts`, `listed_shares`, `sentence_shares`); the rules
read the kept relations only, so a context without relations gives them nothing
to judge.
"""

from __future__ import annotations

from newscheck import analyze
from newscheck.nlp.checks.registry import CheckContext
from newscheck.nlp.checks.rules.parts import PartExceedsWhole, PartsSumToTotal, SharesOver100
from newscheck.nlp.checks.rules.repeated import RepeatedFigure
from newscheck.nlp.relations.base import Candidate, resolve
from newscheck.nlp.report import Report


def _report(text: str) -> Report:
    return analyze(text, source="example.txt")


def _with(report: Report, rtype: str, feature: str) -> list[dict[str, list[str]]]:
    """The relations of a type carrying a feature, as {role: [figure texts]}."""
    texts = {f.id: f.text for f in report.figures}
    out = []
    for r in report.relations:
        if r.type != rtype or feature not in r.evidence:
            continue
        roles: dict[str, list[str]] = {}
        for fid, role in zip(r.figures, r.roles, strict=True):
            roles.setdefault(role, []).append(texts[fid])
        out.append(roles)
    return out


def _statuses(report: Report, rule_id: str) -> list[str]:
    return [c.status for c in report.checks if c.id == rule_id]


HEADLINE_BODY = (
    "# Harbor Freight Lines revenue climbs 18% in 2025\n\n"
    "Harbor Freight Lines said on Monday that its revenue rose {body} in 2025, helped by "
    "new routes to the north.\n\n"
    "The company also named a new finance chief.\n"
)


def test_one_fact_restated_is_linked_by_its_frame_whatever_the_values() -> None:
    same = _report(HEADLINE_BODY.format(body="18%"))
    pairs = _with(same, "same_as", "frame_key")
    assert pairs == [{"a": ["18%"], "b": ["18%"]}]
    assert _statuses(same, "NC101") == ["pass"]
    # A rate of change of one metric and period is one fact however it differs: the pair
    # is kept though the values disagree by no copying slip.
    off = _report(HEADLINE_BODY.format(body="12%"))
    assert _with(off, "same_as", "frame_key") == [{"a": ["18%"], "b": ["12%"]}]
    assert _statuses(off, "NC101") == ["fail"]


def test_a_line_of_the_owner_is_no_restatement_of_the_group_figure() -> None:
    # "sales of its cargo products" names one of the owner's lines though the frames find no
    # segment: its 13% is not the group's 11%.
    report = _report(
        "# Harbor Freight Lines sales up in third quarter\n\n"
        "Harbor Freight Lines said sales of its cargo products rose 13% in the third quarter "
        "of 2025.\n\n"
        "Harbor Freight Lines said its sales rose 11% in the third quarter of 2025.\n"
    )
    assert _with(report, "same_as", "frame_key") == []
    assert "fail" not in _statuses(report, "NC101")


def test_a_named_segment_is_part_of_the_group_level() -> None:
    text = (
        "Acme Corp's total revenue for 2025 was $750 million, and Acme Corp's cloud revenue "
        "reached ${cloud} million in 2025."
    )
    ok = _report(text.format(cloud=600))
    assert {"part": ["$600 million"], "whole": ["$750 million"]} in _with(
        ok, "part_of", "named_part"
    )
    assert _statuses(ok, "NC121") == ["pass"]
    assert _statuses(_report(text.format(cloud=900)), "NC121") == ["fail"]


def test_of_that_total_is_part_of_the_amount_before() -> None:
    text = (
        "Acme Corp will invest $900 million next year. Its software arm will spend {part} of "
        "that total on data centres."
    )
    ok = _report(text.format(part="$300 million"))
    assert _with(ok, "part_of", "that_total") == [
        {"part": ["$300 million"], "whole": ["$900 million"]}
    ]
    assert _statuses(_report(text.format(part="$1.2 billion")), "NC121") == ["fail"]


def test_amounts_split_between_are_all_of_their_whole() -> None:
    text = (
        "Acme Corp's revenue of $4.5 billion in 2025 was split between $3 billion from hardware "
        "and {soft} from software."
    )
    ok = _report(text.format(soft="$1.5 billion"))
    sums = _with(ok, "sum_of", "listed_amounts")
    assert sums == [{"total": ["$4.5 billion"], "part": ["$3 billion", "$1.5 billion"]}]
    assert "complete_cue" in next(r for r in ok.relations if r.type == "sum_of").evidence
    assert _statuses(ok, "NC122") == ["pass"]
    assert _statuses(_report(text.format(soft="$1 billion")), "NC122") == ["fail"]


def test_shares_split_between_add_up_to_100() -> None:
    text = (
        "Acme Corp's revenue in 2025 was split between hardware, which accounted for 60% of "
        "revenue, and software, which accounted for {soft} of revenue."
    )
    ok = _report(text.format(soft="40%"))
    assert _with(ok, "sum_of", "listed_shares") == [{"part": ["60%", "40%"]}]
    assert _statuses(ok, "NC122") == ["pass"]
    assert "NC123" not in {c.id for c in ok.checks}  # a complete list is NC122's alone
    assert _statuses(_report(text.format(soft="30%")), "NC122") == ["fail"]


def test_shares_of_one_whole_in_one_sentence_fit_in_100() -> None:
    text = (
        "In 2025, hardware accounted for 60% of revenue at Acme Corp and software accounted "
        "for {soft} of revenue at Acme Corp."
    )
    ok = _report(text.format(soft="35%"))
    assert _with(ok, "sum_of", "sentence_shares") == [{"part": ["60%", "35%"]}]
    assert _statuses(ok, "NC123") == ["pass"]
    assert _statuses(_report(text.format(soft="55%")), "NC123") == ["fail"]


def test_a_share_is_in_one_list_the_likeliest() -> None:
    def lst(ids: tuple[str, ...], score: float) -> Candidate:
        c = Candidate("sum_of", ids, ("part",) * len(ids), {"share_list": 1.0})
        c.score = score
        return c

    kept = resolve([lst(("f1", "f2"), 0.9), lst(("f2", "f3"), 0.95), lst(("f4", "f5"), 0.6)])
    assert sorted(r.figures for r in kept) == [("f2", "f3"), ("f4", "f5")]


def test_the_rules_link_nothing_themselves() -> None:
    """Without relations the four rules have no pair to judge, however the frames agree."""
    for rule, text in (
        (RepeatedFigure, HEADLINE_BODY.format(body="12%")),
        (PartExceedsWhole, PartExceedsWhole.triggers[1]),
        (PartsSumToTotal, PartsSumToTotal.triggers[0]),
        (SharesOver100, SharesOver100.triggers[0]),
    ):
        report = _report(text)
        assert any(c.id == rule.id and c.status == "fail" for c in report.checks), rule.id
        bare = CheckContext(text=text, figures=report.figures)
        assert list(rule().run(bare)) == [], rule.id
