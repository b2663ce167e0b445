"""Configuration files and inline ignore comments, end to end through the CLI (CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from drafts import BAD, BAD_LINES, CLEAN, WARN, write
from typer.testing import CliRunner

from newscheck.cli.app import app
from newscheck.nlp.report import schema


@pytest.fixture()
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str, input: bytes | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), input=input)

    return invoke


def _ids(stdout: str) -> list[str]:
    return [line.rsplit("[", 1)[1].rstrip("]") for line in stdout.splitlines()]


# ---------------------------------------------------------------- configuration


def test_pyproject_table_ignores_a_rule_and_overrides_a_severity(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"bad.md": BAD})
    plain = run("check", "bad.md")
    assert plain.stdout.splitlines() == [x.format(p="bad.md") for x in BAD_LINES]
    write(
        tmp_path,
        {
            "pyproject.toml": '[project]\nname = "desk"\n\n[tool.newscheck]\nignore = ["NC102"]\n'
            '[tool.newscheck.severity]\nNC131 = "info"\n'
        },
    )
    result = run("check", "bad.md")
    assert result.stdout == BAD_LINES[1].format(p="bad.md").replace(": error:", ": info:") + "\n"
    assert result.exit_code == 0  # an info is below the default fail-on
    assert result.stderr.startswith("newscheck: 1 file checked: 0 errors, 0 warnings, 1 info\n")
    isolated = run("check", "--isolated", "bad.md")
    assert isolated.stdout == plain.stdout and isolated.exit_code == 1


def test_nearest_configuration_wins_and_newscheck_toml_comes_first(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.newscheck]\nselect = ["NC102"]\n',
            "top.md": BAD,
            "desk/pyproject.toml": '[tool.newscheck]\nselect = ["NC102"]\n',
            "desk/.newscheck.toml": 'select = ["NC13"]\n',  # a prefix: NC131, NC132
            "desk/story.md": BAD,
            "desk/plain/pyproject.toml": '[project]\nname = "x"\n',  # no table: passed over
            "desk/plain/deep.md": BAD,
        },
    )
    result = run("check", "top.md", "desk/story.md", "desk/plain/deep.md")
    assert _ids(result.stdout) == ["NC102", "NC131", "NC131"]
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [
        "top.md",
        "desk/story.md",
        "desk/plain/deep.md",
    ]


def test_explicit_config_file_and_cli_select_win(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.newscheck]\nignore = ["NC102", "NC131"]\n',
            "bad.md": BAD,
            "elsewhere/strict.toml": '[tool.newscheck]\nselect = ["NC102"]\n',
        },
    )
    assert run("check", "bad.md").stdout == ""
    explicit = run("check", "--config", "elsewhere/strict.toml", "bad.md")
    assert _ids(explicit.stdout) == ["NC102"]
    assert _ids(run("check", "--isolated", "--select", "NC131", "bad.md").stdout) == ["NC131"]
    assert _ids(run("check", "--isolated", "--ignore", "NC131,NC102", "bad.md").stdout) == []


def test_per_file_ignores_and_fail_on(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(
        tmp_path,
        {
            ".newscheck.toml": 'fail-on = "warning"\n[per-file-ignores]\n"wire/*.md" = ["NC141"]\n',
            "warn.md": WARN,
            "wire/warn.md": WARN,
        },
    )
    result = run("check", "warn.md", "wire/warn.md")
    assert _ids(result.stdout) == ["NC112", "NC141", "NC112"]
    assert result.exit_code == 1  # fail-on = "warning" from the file
    assert run("check", "--fail-on", "never", "warn.md").exit_code == 0  # the CLI wins


def test_exclude_in_configuration_skips_files_and_says_so(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(
        tmp_path,
        {
            ".newscheck.toml": 'exclude = ["archive/", "*.draft.md"]\n',
            "a.md": CLEAN,
            "b.draft.md": BAD,
            "archive/old.md": BAD,
        },
    )
    result = run("check", ".")
    assert result.exit_code == 0 and result.stdout == ""
    assert "newscheck: 1 file checked" in result.stderr
    assert "2 paths skipped: excluded by --exclude or a configuration's exclude" in result.stderr
    # Named explicitly, an excluded file is still excluded (a pre-commit hook names every file).
    named = run("check", "b.draft.md")
    assert named.stdout == "" and "0 files checked" in named.stderr


def test_as_of_sentences_and_rates_from_configuration(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.newscheck]\nas-of = 2026-04-24\nsentences = 1\nrates = "fx/rates.csv"\n',
            "fx/rates.csv": "Date,USD,\n2026-03-31,1.0900,\n2026-01-02,1.0950,\n2026-04-24,1.0920,\n",
            "warn.md": WARN,
        },
    )
    doc = json.loads(run("summarize", "--json", "warn.md").stdout)
    assert doc["date"] == "2026-04-24"
    assert len(doc["summary"]) == 1
    # With these (made-up) rates $4.9 billion for €4.5 billion is right: no NC112 failure.
    nc112 = [c for c in doc["checks"] if c["id"] == "NC112"]
    assert nc112 and all(c["status"] == "pass" for c in nc112)
    assert len(json.loads(run("summarize", "--json", "-n", "2", "warn.md").stdout)["summary"]) == 2


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('[tool.newscheck]\nselct = ["NC101"]\n', "unknown key 'selct' in [tool.newscheck]"),
        ('[tool.newscheck]\nfail_on = "warning"\n', "did you mean 'fail-on'?"),
        ('[tool.newscheck]\nignore = ["NC999"]\n', "unknown rule id 'NC999'"),
        ('[tool.newscheck.severity]\nNC998 = "error"\n', "unknown rule id 'NC998'"),
        (
            '[tool.newscheck.severity]\nNC101 = "fatal"\n',
            "'fatal' is not one of error, warning, info",
        ),
        ('[tool.newscheck]\nas-of = "soon"\n', "as-of 'soon' is not a date"),
        ('[tool.newscheck]\nrates = "missing.csv"\n', "missing.csv: not found"),
        ('[tool.newscheck]\nmodel = "no_such_model_xyz"\n', "cannot use spaCy model"),
        ("[tool.newscheck\n", "not valid TOML"),
    ],
)
def test_bad_configuration_is_one_line_exit_2(
    run, tmp_path: Path, config: str, expected: str
) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"pyproject.toml": config, "bad.md": BAD})
    result = run("check", "bad.md")
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("newscheck: error: ") and expected in line
    assert "Traceback" not in result.stderr


def test_bad_cli_selector_and_missing_config_file_exit_2(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"bad.md": BAD, "other/pyproject.toml": '[project]\nname = "x"\n'})
    for args in (
        ["--select", "NC9"],
        ["--config", "nope.toml"],
        ["--config", "other/pyproject.toml"],
    ):
        result = run("check", *args, "bad.md")
        assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1, result.stderr


# ---------------------------------------------------------------- inline ignores

IGNORED_NEXT = BAD.replace(
    "Borealis Foods said",
    "<!-- newscheck-disable-next-line NC102 -- the desk checked the filing -->\nBorealis Foods said",
)


def test_disable_next_line_hides_the_finding_but_the_json_keeps_it(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"bad.md": IGNORED_NEXT})
    result = run("check", "bad.md")
    assert _ids(result.stdout) == ["NC131"]
    assert result.stdout.startswith("bad.md:6:24:")  # positions count the comment's line
    assert "; 1 ignored by comments" in result.stderr.splitlines()[0]

    stream = [json.loads(x) for x in run("check", "--format", "json", "bad.md").stdout.splitlines()]
    assert [(f["id"], f["ignored"]) for f in stream] == [
        ("NC102", {"by": "comment", "line": 3, "reason": "the desk checked the filing"}),
        ("NC131", None),
    ]
    doc = json.loads(run("summarize", "--json", "bad.md").stdout)
    jsonschema.validate(doc, schema())
    marked = [c for c in doc["checks"] if c["ignored"]]
    assert [c["id"] for c in marked] == ["NC102"] and marked[0]["status"] == "fail"


def test_disable_enable_block_in_markdown_with_front_matter(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (
        "---\ntitle: Borealis results\ndate: 2026-03-05\n---\n\n"
        "<!-- newscheck-disable NC131 -->\n"
        "The board will meet on Monday, March 4, 2026, the company said.\n\n"
        "<!-- newscheck-enable -->\n"
        "Shareholders will vote on Monday, March 11, 2026.\n"
    )
    write(tmp_path, {"story.md": text})
    result = run("check", "story.md")
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("story.md:10:") and lines[0].endswith("[NC131]")
    # Every rule: a disable without ids.
    write(tmp_path, {"story.md": text.replace("disable NC131", "disable")})
    assert run("check", "story.md").stdout.count("[NC131]") == 1
    # An enable naming another rule does not close it.
    write(tmp_path, {"story.md": text.replace("newscheck-enable", "newscheck-enable NC101")})
    assert run("check", "story.md").stdout == ""


def test_report_unused_ignores(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (
        "<!-- newscheck-disable-next-line NC141 -->\n"
        + IGNORED_NEXT
        + "\n<!-- newscheck-disable NC777 -->\n"
    )
    write(tmp_path, {"bad.md": text})
    plain = run("check", "bad.md")
    assert _ids(plain.stdout) == ["NC131"]
    assert "bad.md:9: newscheck-disable NC777: unknown rule id NC777" in plain.stderr
    result = run("check", "--report-unused-ignores", "bad.md")
    assert result.stdout.splitlines() == [
        "bad.md:1:1: warning: unused ignore comment: newscheck-disable-next-line NC141 "
        "suppresses no finding [NC001]",
        "bad.md:7:24: error: Monday, March 4, 2026: March 4, 2026 was a Wednesday [NC131]",
        "bad.md:9:1: warning: newscheck-disable NC777: unknown rule id NC777 [NC001]",
    ]
    assert "NC777" not in result.stderr  # reported once, as a finding
    # NC001 comes with the option even under a narrow select; the NC141 and NC102 comments
    # name rules that did not run, so they are not called unused.
    selected = run("check", "--report-unused-ignores", "--select", "NC131", "bad.md")
    assert _ids(selected.stdout) == ["NC131", "NC001"]
    assert "NC777" in selected.stdout
    quiet = run("check", "--report-unused-ignores", "--ignore", "NC001", "bad.md")
    assert _ids(quiet.stdout) == ["NC131"]


def test_a_comment_with_no_rule_id_but_words_ignores_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"bad.md": "<!-- newscheck-disable checked by the desk -->\n" + BAD})
    result = run("check", "bad.md")
    assert _ids(result.stdout) == ["NC102", "NC131"]
    assert "unknown rule id checked, by, the, desk" in result.stderr


def test_ignored_finding_does_not_fail_the_run(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    write(tmp_path, {"bad.md": "<!-- newscheck-disable -->\n" + BAD})
    result = run("check", "bad.md")
    assert result.exit_code == 0 and result.stdout == ""
    assert "0 errors" in result.stderr and "2 ignored by comments" in result.stderr
    plain = run("summarize", "--format", "plain", "bad.md").stdout
    assert plain.count(" ignored ") == 2 and "2 ignored" in plain.splitlines()[-1]
