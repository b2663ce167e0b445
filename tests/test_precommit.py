"""The pre-commit hook, run by the real pre-commit framework on a throwaway newsroom repository.

The hook repository is a clean copy of this checkout (its tracked and not-ignored files, committed
anew), as a `repos:` entry would clone it; pre-commit builds the hook's environment from it with
pip, once for the whole module. Where pip cannot reach the package index the test skips, saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from drafts import BAD, CLEAN
from helpers import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Desk",
    "GIT_AUTHOR_EMAIL": "desk@example.org",
    "GIT_COMMITTER_NAME": "Desk",
    "GIT_COMMITTER_EMAIL": "desk@example.org",
}
# What pip says when it cannot reach the package index.
OFFLINE = (
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "Network is unreachable",
    "No matching distribution found",
    "Could not find a version that satisfies",
    "ConnectTimeoutError",
    "ProxyError",
)


def _git(cwd: Path, *args: str) -> str:
    out = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV},
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """(a clean committed copy of this project, its commit, a PRE_COMMIT_HOME for the module)."""
    pytest.importorskip("pre_commit", reason="pre-commit is not installed (pip install '.[dev]')")
    base = tmp_path_factory.mktemp("precommit")
    src = base / "newscheck"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for rel in filter(None, listed.split("\0")):
        if not (ROOT / rel).is_file():
            continue  # deleted in the work tree
        target = src / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    _git(src, "init", "-q")
    _git(src, "add", "-A")
    _git(src, "commit", "-q", "-m", "snapshot")
    rev = _git(src, "rev-parse", "HEAD").strip()
    return src, rev, base / "home"


def _newsroom(base: Path) -> Path:
    repo = base / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "README.md").write_text("# Newsroom\n\nDrafts live here.\n", encoding="utf-8")
    _git(repo, "add", "README.md")
    _git(repo, "commit", "-q", "-m", "start")
    return repo


def _pre_commit(repo: Path, home: Path, *args: str, skip: str | None = None):  # type: ignore[no-untyped-def]
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("SKIP", None)
    if skip:
        env["SKIP"] = skip
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )


def _skip_if_offline(result) -> None:  # type: ignore[no-untyped-def]
    text = result.stdout + result.stderr
    failed = result.returncode not in (0, 1) or "An unexpected error has occurred" in text
    if failed and any(marker in text for marker in OFFLINE):
        pytest.skip("pip could not reach the package index to build the hook environment")


def test_try_repo_blocks_a_bad_draft_passes_a_clean_one_and_honours_skip(
    hook_repo: tuple[Path, str, Path], tmp_path: Path
) -> None:
    src, rev, home = hook_repo
    repo = _newsroom(tmp_path)
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "clean.md").write_text(CLEAN, encoding="utf-8")
    (repo / "notes.py").write_text("print('not a draft')\n", encoding="utf-8")
    # No suffix: not a draft, though its text would fail.
    (repo / "LICENSE").write_text(BAD, encoding="utf-8")

    bad = _pre_commit(
        repo, home, "try-repo", str(src), "newscheck", "--ref", rev, "--files", "bad.md"
    )
    _skip_if_offline(bad)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "newscheck" in bad.stdout and "Failed" in bad.stdout
    assert (
        "bad.md:5:24: error: Monday, March 4, 2026: March 4, 2026 was a Wednesday [NC131]"
        in bad.stdout
    )

    clean = _pre_commit(
        repo,
        home,
        "try-repo",
        str(src),
        "newscheck",
        "--ref",
        rev,
        "--files",
        "clean.md",
        "notes.py",
        "LICENSE",
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout

    skipped = _pre_commit(
        repo,
        home,
        "try-repo",
        str(src),
        "newscheck",
        "--ref",
        rev,
        "--files",
        "bad.md",
        skip="newscheck",
    )
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    assert "Skipped" in skipped.stdout


def test_one_repos_entry_blocks_the_commit_of_a_bad_draft(
    hook_repo: tuple[Path, str, Path], tmp_path: Path
) -> None:
    src, rev, home = hook_repo
    repo = _newsroom(tmp_path)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {src}\n    rev: {rev}\n    hooks:\n      - id: newscheck\n",
        encoding="utf-8",
    )
    installed = _pre_commit(repo, home, "install")
    assert installed.returncode == 0, installed.stderr

    def commit(name: str, text: str, skip: str | None = None):  # type: ignore[no-untyped-def]
        (repo / name).write_text(text, encoding="utf-8")
        _git(repo, "add", name, ".pre-commit-config.yaml")
        env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
        env.pop("SKIP", None)
        if skip:
            env["SKIP"] = skip
        return subprocess.run(
            ["git", "-c", "commit.gpgsign=false", "commit", "-m", f"add {name}"],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
        )

    blocked = commit("story.md", BAD)
    _skip_if_offline(blocked)
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr
    assert "[NC102]" in blocked.stdout + blocked.stderr
    assert "story.md" not in _git(repo, "log", "--name-only", "--format=")

    fixed = commit("story.md", CLEAN)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "story.md" in _git(repo, "log", "--name-only", "--format=")

    forced = commit("second.md", BAD, skip="newscheck")
    assert forced.returncode == 0, forced.stdout + forced.stderr
