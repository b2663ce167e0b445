"""Every registered rule: documented, and its own examples behave, through the whole pipeline."""

from __future__ import annotations

import re

import pytest

from newscheck import analyze
from newscheck.nlp.checks.registry import all_rules
from newscheck.nlp.types import CheckResult

RULES = all_rules()


def _fails(text: str, rule_id: str) -> list[CheckResult]:
    report = analyze(text, source="example.txt")
    return [c for c in report.checks if c.id == rule_id and c.status == "fail"]


def test_registry_has_the_documented_rules() -> None:
    ids = [r.id for r in RULES]
    assert ids == sorted(set(ids))
    for r in RULES:
        assert re.fullmatch(r"NC\d{3}", r.id)
        assert re.fullmatch(r"[a-z0-9-]+", r.rule)
        assert r.name and r.description and r.severity in ("error", "warning", "info")


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_examples(rule) -> None:  # type: ignore[no-untyped-def]
    assert len(rule.triggers) >= 2 or rule.severity == "info"
    assert len(rule.passes) >= 2


TRIGGER_CASES = [(r, t) for r in RULES for t in r.triggers]
PASS_CASES = [(r, t) for r in RULES for t in r.passes]


@pytest.mark.parametrize(
    ("rule", "text"), TRIGGER_CASES, ids=lambda x: getattr(x, "id", "")[:6] or None
)
def test_trigger_examples_fail(rule, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _fails(text, rule.id), f"{rule.id} did not fire on: {text}"


@pytest.mark.parametrize(
    ("rule", "text"), PASS_CASES, ids=lambda x: getattr(x, "id", "")[:6] or None
)
def test_pass_examples_do_not_fail(rule, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not _fails(text, rule.id), f"{rule.id} fired on a correct text: {text}"


def test_docs_table_is_generated_from_the_registry() -> None:
    from helpers import ROOT

    from newscheck.cli.app import rules_markdown

    assert (ROOT / "docs" / "checks.md").read_text(encoding="utf-8") == rules_markdown()


def test_docs_schema_copy_is_current() -> None:
    from helpers import ROOT

    from newscheck.nlp.report import schema_text

    assert (ROOT / "docs" / "schema.json").read_text(encoding="utf-8") == schema_text()
