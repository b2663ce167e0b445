"""Whole folders, globs, exclusions, --jobs, progress, skip summaries, stdin names, pipes, colour
and narrow terminals, through the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from drafts import BAD, BAD_LINES, CLEAN, LATE, WARN, write
from typer.testing import CliRunner

import newscheck.cli.app as app_module
from newscheck.cli.app import app


@pytest.fixture()
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, input: bytes | None = None, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), input=input, env=env)

    return invoke


def _files(stdout: str) -> list[str]:
    return sorted({line.split(":")[0] for line in stdout.splitlines()})


def test_a_folder_recurses_into_drafts_honouring_gitignore(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(
        tmp_path,
        {
            "desk/.gitignore": "private/\n*.tmp.md\n!keep.tmp.md\n",
            "desk/a.md": BAD,
            "desk/b.txt": BAD,
            "desk/c.rst": BAD,  # not a draft suffix
            "desk/x.tmp.md": BAD,
            "desk/keep.tmp.md": BAD,
            "desk/private/secret.md": BAD,
            "desk/sub/d.markdown": BAD,
            "desk/node_modules/pkg/readme.md": BAD,
            "desk/.git/notes.md": BAD,
        },
    )
    (tmp_path / "desk" / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    result = run("check", "desk")
    assert _files(result.stdout) == [
        "desk/a.md",
        "desk/b.txt",
        "desk/keep.tmp.md",
        "desk/sub/d.markdown",
    ]
    # Input order: sorted within each folder, files before the folders below them.
    assert [line.split(":")[0] for line in result.stdout.splitlines()][::2] == [
        "desk/a.md",
        "desk/b.txt",
        "desk/keep.tmp.md",
        "desk/sub/d.markdown",
    ]
    assert "newscheck: 4 files checked: 8 errors" in result.stderr
    assert "newscheck: 2 paths skipped: ignored by .gitignore" in result.stderr
    # Named explicitly, a gitignored file is read.
    assert _files(run("check", "desk/x.tmp.md").stdout) == ["desk/x.tmp.md"]


def test_quoted_globs_and_exclude(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"d/one.md": BAD, "d/two.md": BAD, "d/deep/three.md": BAD, "d/notes.txt": BAD})
    assert _files(run("check", "d/*.md").stdout) == ["d/one.md", "d/two.md"]
    assert _files(run("check", "d/**/*.md").stdout) == ["d/deep/three.md", "d/one.md", "d/two.md"]
    excluded = run("check", "--exclude", "deep/", "--exclude", "two.md", "d")
    assert _files(excluded.stdout) == ["d/notes.txt", "d/one.md"]
    assert "2 paths skipped: excluded" in excluded.stderr
    none = run("check", "d/*.rst", "d/one.md")
    assert none.exit_code == 2
    assert "newscheck: error: d/*.rst: no file matches this pattern" in none.stderr
    assert _files(none.stdout) == ["d/one.md"]  # the others are still checked


def test_jobs_give_the_same_bytes_in_input_order(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    texts = [BAD, CLEAN, WARN, LATE, BAD, WARN, CLEAN]
    write(tmp_path, {f"f{i}.md": t for i, t in enumerate(texts)})
    # Reverse order on the command line: the output follows it, not the file names.
    names = [f"f{i}.md" for i in reversed(range(len(texts)))]
    for args in (["check"], ["check", "--format", "json"], ["summarize", "--json"]):
        one = run(*args, "--jobs", "1", *names)
        two = run(*args, "--jobs", "3", *names)
        assert one.stdout == two.stdout and one.stdout
        assert one.stderr == two.stderr
        assert one.exit_code == two.exit_code
    seen = [
        json.loads(x)["file"]
        for x in run("summarize", "--json", "-j", "2", *names).stdout.splitlines()
    ]
    assert seen == names


def test_worker_errors_are_reported_per_file(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"a.md": BAD, "c.md": BAD})
    (tmp_path / "b.md").write_bytes(b"\x00\x01binary" * 100)
    result = run("check", "--jobs", "2", "a.md", "b.md", "missing.md", "c.md")
    assert result.exit_code == 2
    assert _files(result.stdout) == ["a.md", "c.md"]
    errors = [x for x in result.stderr.splitlines() if "error" in x]
    assert "b.md" in errors[0] and "missing.md" in errors[1]


UNDATED = "# Fjordline\n\nFjordline said revenue was €4.5 billion (about $4.9 billion).\n"


def test_skip_summary_names_the_reason(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"late1.md": LATE, "late2.md": LATE, "undated.md": UNDATED})
    result = run("check", "late1.md", "late2.md", "undated.md")
    lines = result.stderr.splitlines()
    assert "newscheck: 2 conversion checks skipped: ECB data ends 2026-10-30; pass --rates" in lines
    assert "newscheck: 1 conversion check skipped: no article date; pass --as-of" in lines


def test_progress_bar_only_on_a_terminal_and_never_on_stdout(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {f"f{i}.md": BAD for i in range(app_module.PROGRESS_MIN_FILES)})
    names = [f"f{i}.md" for i in range(app_module.PROGRESS_MIN_FILES)]
    quiet = run("check", "--jobs", "1", *names)
    assert "checking" not in quiet.stderr
    monkeypatch.setattr(app_module, "_stderr_is_terminal", lambda: True)
    # rich draws live only on what it takes for a terminal.
    shown = run("check", "--jobs", "1", *names, env={"TTY_COMPATIBLE": "1", "TTY_INTERACTIVE": "1"})
    assert shown.stdout == quiet.stdout
    assert "checking" in shown.stderr and f"{len(names)}/{len(names)}" in shown.stderr
    assert shown.stderr.rstrip().endswith(quiet.stderr.splitlines()[0])
    few = run("check", "--jobs", "1", *names[:2], env={"TTY_COMPATIBLE": "1"})
    assert "checking" not in few.stderr


def test_stdin_filename_names_the_text_and_finds_its_configuration(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(
        tmp_path,
        {
            "desk/.newscheck.toml": 'ignore = ["NC131"]\n[per-file-ignores]\n"wire/*.md" = ["NC102"]\n'
        },
    )
    text = "---\ntitle: From the CMS\n---\n" + BAD.split("\n", 1)[1]
    result = run("check", "--stdin-filename", "desk/story.md", "-", input=text.encode())
    assert result.stdout.splitlines() == [
        BAD_LINES[0].format(p="desk/story.md").replace(":3:32:", ":5:32:")
    ]
    doc = json.loads(
        run(
            "summarize", "--json", "--stdin-filename", "desk/story.md", "-", input=text.encode()
        ).stdout
    )
    assert doc["file"] == "desk/story.md" and doc["title"] == "From the CMS"
    wire = run("check", "--stdin-filename", "desk/wire/a.md", "-", input=text.encode())
    assert wire.stdout == "" and wire.exit_code == 0  # NC131 ignored, NC102 per file
    # Without the name, "-" is sniffed and no configuration applies to it.
    bare = run("check", "-", input=text.encode())
    assert "[NC131]" in bare.stdout and bare.stdout.startswith("-:")


def test_piped_into_head_keeps_the_tally_and_no_traceback(tmp_path: Path) -> None:
    write(tmp_path, {f"f{i}.md": BAD for i in range(6)})
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [
        sys.executable,
        "-m",
        "newscheck",
        "check",
        "--jobs",
        "1",
        *(f"f{i}.md" for i in range(6)),
    ]
    proc = subprocess.Popen(
        cmd, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `head -1` does after one line
    err = proc.stderr.read().decode()
    proc.stderr.close()
    code = proc.wait(timeout=300)
    assert first.startswith(b"f0.md:3:32: error:")
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err
    assert "newscheck: 6 files checked: 12 errors, 0 warnings, 0 info" in err
    assert code == 1


def test_colour_follows_no_color_only_when_non_empty(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"bad.md": BAD})
    forced = {"FORCE_COLOR": "1"}
    coloured = run("summarize", "--format", "rich", "bad.md", env={**forced, "NO_COLOR": ""})
    assert "\x1b[" in coloured.stdout  # an empty NO_COLOR is not a request
    for extra, args in (({"NO_COLOR": "1"}, []), ({}, ["--no-color"])):
        plain = run("summarize", "--format", "rich", *args, "bad.md", env={**forced, **extra})
        assert "\x1b[3" not in plain.stdout and "Cross-checks" in plain.stdout


def test_passed_checks_read_pass_never_error(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"clean.md": CLEAN, "bad.md": BAD})
    plain = run("summarize", "--format", "plain", "clean.md", "bad.md").stdout
    rows = [x for x in plain.splitlines() if x.startswith(("  ✓", "  ✗", "  –"))]
    assert rows
    for row in rows:
        label = row.split()[2]
        assert label == {"✓": "pass", "✗": "error", "–": "skipped"}[row.split()[0]], row


def test_rich_tables_never_break_a_position_at_60_columns() -> None:
    from rich.console import Console

    from newscheck import analyze
    from newscheck.cli.render import print_rich

    # Figures far along long lines: positions like 9:150 that a narrow table used to fold.
    filler = "The regional desk filed this note after a long day of budget hearings and votes. "
    text = (
        "# Borealis results\n\n"
        + filler * 2
        + "Borealis Foods said sales rose 10% to $2.5 billion in 2025 from $2.0 billion a year earlier.\n\n"
        + filler
        + "Borealis Foods said sales rose 11% in 2025.\n"
    )
    report = analyze(text, source="narrow.md")
    positions = {f"{p.line}:{p.column}" for c in report.checks for p in c.spans}
    positions |= {
        f"{f.line}:{f.column}" for f in report.figures if f.kind not in ("date", "period")
    }
    assert any(len(p) >= 5 for p in positions)
    for width in (60, 72):
        buf = StringIO()
        print_rich(report, Console(file=buf, width=width, color_system=None, force_terminal=False))
        cells = [cell.strip() for line in buf.getvalue().splitlines() for cell in line.split("│")]
        for pos in positions:
            assert pos in cells or any(pos in c.split() for c in cells), (width, pos)
