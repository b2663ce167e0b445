"""`check --format json|github|sarif`, and the rule pages (`newscheck rule`, docs/rules/)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from drafts import BAD, WARN, write
from helpers import ROOT
from typer.testing import CliRunner

from newscheck.cli.app import app
from newscheck.nlp.checks import ruledocs
from newscheck.nlp.checks.registry import all_rules, docs_url
from newscheck.nlp.report import schema

SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture()
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args))

    return invoke


def test_json_stream_validates_and_points_at_the_figures(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"bad.md": BAD, "warn.md": WARN})
    result = run("check", "--format", "json", "bad.md", "warn.md")
    assert result.exit_code == 1
    finding = {"$ref": "#/$defs/finding", "$defs": schema()["$defs"]}
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    for row in rows:
        jsonschema.validate(row, finding)
    assert [(r["file"], r["id"], r["line"], r["column"]) for r in rows] == [
        ("bad.md", "NC102", 3, 32),
        ("bad.md", "NC131", 5, 24),
        ("warn.md", "NC112", 5, 42),
        ("warn.md", "NC141", 7, 17),
    ]
    text = (tmp_path / "bad.md").read_text(encoding="utf-8")
    for r in rows[:2]:
        assert text[r["start"] : r["end"]] == r["spans"][0]["text"]
        assert r["end_column"] == r["column"] + len(r["spans"][0]["text"])
        assert r["url"] == docs_url(r["id"])


def test_github_annotations(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"bad.md": BAD, "warn.md": WARN})
    result = run("check", "--format", "github", "bad.md", "warn.md")
    lines = result.stdout.splitlines()
    assert lines[1] == (
        "::error file=bad.md,line=5,col=24,endLine=5,endColumn=45,title=NC131 weekday-date::"
        "Monday, March 4, 2026: March 4, 2026 was a Wednesday"
    )
    assert lines[0].startswith("::error file=bad.md,line=3,col=32,")
    assert lines[2].startswith("::warning file=warn.md,line=5,col=42,")
    assert "title=NC141 name-spelling::" in lines[3]
    assert len(lines) == 4 and result.exit_code == 1


def test_github_escapes_properties_and_data() -> None:
    from newscheck.cli.formats import _gh_data, _gh_prop

    assert _gh_prop("a,b:c%d") == "a%2Cb%3Ac%25d"
    assert _gh_data("100%\nnext") == "100%25%0Anext"


def _sarif(run, *files: str) -> dict:  # type: ignore[no-untyped-def]
    result = run("check", "--format", "sarif", *files)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def test_sarif_validates_against_the_official_schema(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ignored = BAD.replace(
        "The board", "<!-- newscheck-disable-next-line NC131 -- moved -->\nThe board"
    )
    write(tmp_path, {"bad.md": ignored, "warn.md": WARN, "sub dir/clean.md": "# Nothing\n"})
    log = _sarif(run, "bad.md", "warn.md", "sub dir/clean.md")
    official = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(official)
    jsonschema.Draft4Validator(official).validate(log)

    [sarif_run] = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["NC001", *(r.id for r in all_rules())]
    assert all(r["helpUri"] == docs_url(r["id"]) for r in rules)
    results = sarif_run["results"]
    assert [r["ruleId"] for r in results] == ["NC102", "NC131", "NC112", "NC141"]
    for r in results:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["partialFingerprints"]["newscheckFinding/v1"]
    nc131 = results[1]
    assert nc131["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "moved"}
    ]
    region = nc131["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["snippet"]["text"]) == (
        6,
        24,
        "Monday, March 4, 2026",
    )
    uris = [a["location"]["uri"] for a in sarif_run["artifacts"]]
    assert uris == ["bad.md", "warn.md", "sub%20dir/clean.md"]


def test_sarif_fingerprints_survive_moved_lines(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"bad.md": BAD})
    before = _sarif(run, "bad.md")["runs"][0]["results"]
    write(
        tmp_path,
        {"bad.md": BAD.replace("# Borealis results\n", "# Borealis results\n\nNew lede.\n")},
    )
    after = _sarif(run, "bad.md")["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    lines = [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in (*before, *after)
    ]
    assert lines == [3, 5, 5, 7]
    other = BAD.replace("$2.5 billion", "$2.6 billion")
    write(tmp_path, {"bad.md": other})
    changed = _sarif(run, "bad.md")["runs"][0]["results"]
    assert changed[0]["partialFingerprints"] != before[0]["partialFingerprints"]


def test_sarif_with_nothing_found_is_a_valid_empty_run(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"clean.md": "# Quiet\n\nNothing to see.\n"})
    log = _sarif(run, "clean.md")
    official = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(official).validate(log)
    assert log["runs"][0]["results"] == []


# ---------------------------------------------------------------- rule pages


def test_rule_command_prints_what_why_and_examples(run) -> None:  # type: ignore[no-untyped-def]
    result = run("rule", "nc102")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("# NC102 growth-arithmetic\n")
    for heading in ("## What it checks", "## Why it matters", "## Example", "## Use instead"):
        assert heading in out
    rule = next(r for r in all_rules() if r.id == "NC102")
    assert rule.triggers[0] in out and rule.passes[0] in out
    assert ruledocs.DOCS["NC102"].why in out


def test_rule_command_unknown_id_is_one_line_exit_2(run) -> None:  # type: ignore[no-untyped-def]
    result = run("rule", "NC999")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "newscheck: error: unknown rule 'NC999' (see `newscheck rules`)\n"


def test_every_registered_rule_is_documented() -> None:
    missing = ruledocs.undocumented()
    assert not missing, f"rules without an entry in nlp/checks/ruledocs.py: {', '.join(missing)}"
    for rule in all_rules():
        page = ruledocs.page(rule.id)
        assert page is not None and page.what and page.why and page.fails and page.passes, rule.id


def test_a_rule_without_an_entry_falls_back_to_its_own_attributes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(ruledocs.DOCS, "NC131")
    page = ruledocs.page("NC131")
    rule = next(r for r in all_rules() if r.id == "NC131")
    assert page is not None and not page.documented
    assert (page.what, page.fails, page.passes) == (
        rule.description,
        rule.triggers[0],
        rule.passes[0],
    )
    assert ruledocs.undocumented() == ["NC131"]


def test_documented_examples_behave() -> None:
    """Examples written in ruledocs (not taken from the rule) fail and pass as they say."""
    from newscheck import analyze

    for rule_id, entry in ruledocs.DOCS.items():
        if rule_id in ruledocs.PSEUDO_RULES or not entry.fails:
            continue
        fired = [c for c in analyze(entry.fails, source="x.txt").checks if c.id == rule_id]
        quiet = [c for c in analyze(entry.passes, source="x.txt").checks if c.id == rule_id]
        if next(r for r in all_rules() if r.id == rule_id).severity == "info":
            assert fired and not quiet, rule_id  # an info rule reports; the other gives nothing
        else:
            assert any(c.status == "fail" for c in fired), rule_id
            assert not any(c.status == "fail" for c in quiet), rule_id


def test_unused_ignore_examples_behave(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    entry = ruledocs.DOCS[ruledocs.UNUSED_IGNORE]
    write(tmp_path, {"fails.md": entry.fails, "passes.md": entry.passes})
    result = run("check", "--report-unused-ignores", "fails.md", "passes.md")
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["fails.md"]
    assert result.stdout.rstrip().endswith("[NC001]")


def test_docs_rules_pages_are_generated_from_the_registry() -> None:
    folder = ROOT / "docs" / "rules"
    pages = ruledocs.all_pages()
    assert sorted(p.name for p in folder.glob("NC*.md")) == sorted(f"{p.id}.md" for p in pages)
    for page in pages:
        assert (folder / f"{page.id}.md").read_text(encoding="utf-8") == ruledocs.markdown(page)
