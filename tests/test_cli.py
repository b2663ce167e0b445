"""The command line through typer's CliRunner: exit codes, streams, golden output."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import jsonschema
import pytest
from helpers import SAMPLES
from typer.testing import CliRunner

from newscheck.cli.app import app
from newscheck.nlp.report import schema

GOLDEN = Path(__file__).parent / "golden"
NOKIA = SAMPLES / "nokia-ai.txt"
DRAFT = SAMPLES / "draft.md"
LINT_LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning|info): .+ \[NC\d{3}\]$"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("NEWSCHECK_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_summarize_plain_golden(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["summarize", str(NOKIA.relative_to(SAMPLES.parent))], env={"NO_COLOR": "1"}
    )
    assert result.exit_code == 0, result.stderr
    _golden("nokia-ai.plain.txt", result.stdout)


def test_summarize_rich_golden_at_fixed_width() -> None:
    from io import StringIO

    from rich.console import Console

    from newscheck import analyze
    from newscheck.cli.render import print_rich

    report = analyze(NOKIA.read_text(encoding="utf-8"), source="samples/nokia-ai.txt")
    buf = StringIO()
    print_rich(report, Console(file=buf, width=100, color_system=None, force_terminal=False))
    _golden("nokia-ai.rich.txt", buf.getvalue())


def test_json_lines_one_valid_document_per_file(runner: CliRunner) -> None:
    result = runner.invoke(app, ["summarize", "--json", str(NOKIA), str(DRAFT)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    docs = [json.loads(line) for line in lines]
    for doc in docs:
        jsonschema.validate(doc, schema())
    assert [d["file"] for d in docs] == [str(NOKIA), str(DRAFT)]
    assert list(docs[0])[:3] == ["schema_version", "newscheck", "file"]


def test_json_is_byte_for_byte_deterministic(runner: CliRunner) -> None:
    a = runner.invoke(app, ["summarize", "--format", "json", str(NOKIA)]).stdout
    b = runner.invoke(app, ["summarize", "--format", "json", str(NOKIA)]).stdout
    assert a == b and a


def test_schema_command_prints_the_shipped_schema(runner: CliRunner) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == schema()
    jsonschema.Draft202012Validator.check_schema(schema())


def test_check_lint_lines_and_exit_codes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["check", str(DRAFT)])
    assert result.exit_code == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines, "the draft has planted inconsistencies"
    positions = []
    for line in lines:
        m = LINT_LINE.match(line)
        assert m, line
        assert m["path"] == str(DRAFT)
        positions.append((int(m["line"]), int(m["col"])))
    assert positions == sorted(positions)
    assert result.stderr == "newscheck: 1 file checked: 3 errors, 0 warnings, 0 info\n"

    never = runner.invoke(app, ["check", "--fail-on", "never", str(DRAFT)])
    assert never.exit_code == 0
    assert never.stdout == result.stdout


def test_check_clean_sample_exits_zero_but_warning_threshold_trips(runner: CliRunner) -> None:
    ok = runner.invoke(app, ["check", str(NOKIA)])
    assert ok.exit_code == 0, ok.stdout + ok.stderr
    assert all(": error:" not in line for line in ok.stdout.splitlines())
    strict = runner.invoke(app, ["check", "--fail-on", "warning", str(NOKIA)])
    assert strict.exit_code == 1
    assert "[NC112]" in strict.stdout


def test_check_json_is_one_finding_per_line_matching_the_report(runner: CliRunner) -> None:
    a = runner.invoke(app, ["check", "--format", "json", "--fail-on", "never", str(NOKIA)])
    b = runner.invoke(app, ["summarize", "--json", str(NOKIA)])
    lines = [json.loads(x) for x in a.stdout.splitlines()]
    fails = [c for c in json.loads(b.stdout)["checks"] if c["status"] == "fail"]
    assert len(lines) == len(fails) == 2
    finding = {"$ref": "#/$defs/finding", "$defs": schema()["$defs"]}
    for line, check in zip(lines, sorted(fails, key=lambda c: c["spans"][0]["start"]), strict=True):
        jsonschema.validate(line, finding)
        assert line["file"] == str(NOKIA)
        assert (line["id"], line["message"], line["spans"]) == (
            check["id"],
            check["message"],
            check["spans"],
        )
        assert line["url"].endswith(f"/{line['id']}.md") and line["ignored"] is None


def _digest(paths: list[Path]) -> list[tuple[str, float]]:
    return [(hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime) for p in paths]


def test_bad_inputs_one_line_each_exit_2_others_processed(
    runner: CliRunner, tmp_path: Path
) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text(
        "Acme reports\n\nAcme said revenue rose 10% to $1.1 billion.\n", encoding="utf-8"
    )
    before = _digest([binary, empty, good])
    args = [
        "summarize",
        "--json",
        str(tmp_path / "missing.txt"),
        str(binary),
        str(empty),
        str(good),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr + result.stdout
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 2
    assert "missing.txt" in errors[0] and "photo.txt" in errors[1]
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(d["file"]).name for d in docs] == ["empty.txt", "good.txt"]
    assert docs[0]["figures"] == [] and docs[0]["summary"] == []
    assert docs[1]["figures"]
    assert _digest([binary, empty, good]) == before


def test_other_encoding_is_named_on_stderr(runner: CliRunner, tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes(
        "Café owners in Zürich said prices rose 12% this year, to an average of 6,40 francs.\n".encode(
            "cp1252"
        )
        * 5
    )
    result = runner.invoke(app, ["summarize", "--json", str(latin)])
    assert result.exit_code == 0
    assert "latin.txt" in result.stderr and "decoded as" in result.stderr
    assert (
        "Café" in json.loads(result.stdout)["summary"][0]["text"]
        or json.loads(result.stdout)["summary"]
    )


def test_stdin_dash(runner: CliRunner) -> None:
    text = NOKIA.read_text(encoding="utf-8")
    result = runner.invoke(app, ["summarize", "--json", "-"], input=text.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["file"] == "-"
    assert doc["figures"]


def test_bad_usage_exits_2(runner: CliRunner) -> None:
    assert runner.invoke(app, ["summarize", "--as-of", "yesterday", str(NOKIA)]).exit_code == 2
    assert runner.invoke(app, ["check", "--fail-on", "sometimes", str(NOKIA)]).exit_code == 2
    assert (
        runner.invoke(app, ["summarize", "--model", "no_such_model_xyz", str(NOKIA)]).exit_code == 2
    )


def test_version(runner: CliRunner) -> None:
    from newscheck import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"newscheck {__version__}"


def test_pathological_numbers_are_no_traceback(runner: CliRunner, tmp_path: Path) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_text(
        "Odd numbers\n\nRevenue rose "
        + "9" * 2000
        + "% to $"
        + "1" * 400
        + " billion from 1e308 dlrs, 1e400 dlrs and 10^999 units. "
        + "Profit fell 100% to $0 from $0 and shares were 0% and 0% of 0.\n",
        encoding="utf-8",
    )
    for command in (["check"], ["summarize", "--json"]):
        result = runner.invoke(app, [*command, str(odd)])
        assert result.exit_code == 0, result.stderr
        assert "Traceback" not in result.stderr + result.stdout
    doc = json.loads(runner.invoke(app, ["summarize", "--json", str(odd)]).stdout)
    jsonschema.Draft202012Validator(schema()).validate(doc)


def test_an_internal_error_is_one_line_and_exit_3_others_processed(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newscheck.nlp.analyze as analyze_module

    real = analyze_module.analyze_source
    boom = tmp_path / "boom.txt"
    boom.write_text("Boom\n\nRevenue rose 10% to $1.1 billion.\n", encoding="utf-8")

    def failing(src, **kw):  # type: ignore[no-untyped-def]
        if src.path and src.path.endswith("boom.txt"):
            raise ValueError("simulated failure")
        return real(src, **kw)

    monkeypatch.setattr(analyze_module, "analyze_source", failing)
    result = runner.invoke(app, ["check", str(boom), str(DRAFT)])
    assert result.exit_code == 3
    assert "Traceback" not in result.stderr + result.stdout
    [line] = [x for x in result.stderr.splitlines() if "internal error" in x]
    assert "boom.txt" in line and "ValueError: simulated failure" in line
    assert result.stdout.count(str(DRAFT)) == 3  # the other file is still checked


def test_text_beyond_the_model_limit_is_one_line_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    long.write_text("Long\n\n" + "Revenue rose 10% to $1.1 billion. " * 32_000, encoding="utf-8")
    result = runner.invoke(app, ["check", str(long), str(DRAFT)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr + result.stdout
    [line] = [x for x in result.stderr.splitlines() if "error" in x and "long.txt" in x]
    assert "NC-E008" in line and "too long to analyse" in line and "1,000,000" in line
    assert result.stdout.count(str(DRAFT)) == 3  # the other file is still checked


@pytest.mark.parametrize("command", ["check", "summarize"])
def test_a_bad_retokenize_setting_is_one_line_exit_2(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    monkeypatch.setenv("NEWSCHECK_RETOKENIZE", "sideways")
    result = runner.invoke(app, [command, str(DRAFT)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert "NC-E018" in line and "NEWSCHECK_RETOKENIZE" in line and "sideways" in line
