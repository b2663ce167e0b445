"""The README documents every command, every option and every exit code (sqlite-utils' habit)."""

from __future__ import annotations

import re

import typer
from helpers import ROOT

from newscheck.cli.app import app
from newscheck.cli.exitcodes import ExitCode

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_and_option_is_in_the_readme() -> None:
    group = typer.main.get_command(app)
    missing = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if f"newscheck {name}" not in README:
            missing.append(f"newscheck {name}")
        for param in command.params:
            for opt in param.opts:
                if opt.startswith("--") and opt not in ("--help",) and opt not in README:
                    missing.append(f"newscheck {name} {opt}")
    assert not missing, f"not in README.md: {', '.join(missing)}"


def test_every_exit_code_is_in_the_readme_table() -> None:
    rows = dict(re.findall(r"^\| (\d) \| (.+) \|$", README, re.M))
    assert sorted(int(k) for k in rows) == sorted(int(c) for c in ExitCode)
    assert "configuration" in rows[str(int(ExitCode.USAGE))]


def test_the_pre_commit_snippet_names_the_hook_that_is_defined() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.search(r"^- id: newscheck$", hooks, re.M)
    assert re.search(r"^  entry: newscheck check$", hooks, re.M)
    assert re.search(r"^  language: python$", hooks, re.M)
    assert "- id: newscheck" in README and "repos:" in README
