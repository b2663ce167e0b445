"""Shared helpers of the benchmarks: where the evaluation data lives, machine info, medians.

The evaluation data sits outside the repository (`../shared/data`, or `$NEWSCHECK_SHARED`).
Benchmarks that need it say so and exit 0 when it is absent; nothing in the test suite uses it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
RESULTS = BENCH / "results"
SKIPPED = "shared data not found: skipped"


def shared_data_dir() -> Path | None:
    """The shared evaluation data folder, or None when it is not there."""
    env = os.environ.get("NEWSCHECK_SHARED")
    path = Path(env) if env else Path(__file__).resolve().parents[2] / "shared" / "data"
    return path if path.is_dir() else None


def require_shared() -> Path:
    """The shared data folder; prints the skip notice and exits 0 when it is absent."""
    path = shared_data_dir()
    if path is None:
        print(SKIPPED)
        sys.exit(0)
    return path


def read_text(path: Path) -> str:
    """Read an article as UTF-8, falling back to Latin-1 (one BBC file is Latin-1)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


@dataclass(frozen=True, slots=True)
class Article:
    """One article of an evaluation corpus: a display name, its text and its date if known."""

    name: str
    text: str
    date: dt.date | None = None


def bbc_articles(shared: Path, topics: Iterable[str] | None = None) -> list[Path]:
    """BBC News Summary article paths, sorted (topic, then file name)."""
    root = shared / "bbc-news-summary" / "articles"
    wanted = set(topics) if topics is not None else None
    return sorted(p for p in root.glob("*/*.txt") if wanted is None or p.parent.name in wanted)


def load_bbc(shared: Path, topics: Iterable[str] | None = None) -> Iterator[Article]:
    for path in bbc_articles(shared, topics):
        yield Article(f"bbc/{path.parent.name}/{path.name}", read_text(path))


def _reuters_date(value: str) -> dt.date | None:
    # "26-FEB-1987 15:01:01.79"
    try:
        return dt.datetime.strptime(value.split()[0].title(), "%d-%b-%Y").date()
    except (ValueError, IndexError):
        return None


def load_reuters(shared: Path) -> Iterator[Article]:
    """Reuters-21578 numeric stories: headline, blank line, body; dated by the wire date."""
    path = shared / "business-news" / "reuters21578_numeric.jsonl"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            text = f"{rec['title'].strip()}\n\n{rec['text']}"
            yield Article(f"reuters/{rec['id']}", text, _reuters_date(rec.get("date", "")))


def load_cnndm(shared: Path) -> Iterator[Article]:
    """The 250 CNN/DailyMail test stories FRANK selected; undated, one paragraph each."""
    path = shared / "cnn-dailymail-sample" / "frank_cnndm_test_250.jsonl"
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                yield Article(f"cnndm/{rec['id']}", rec["article"])


def median(values: Iterable[float]) -> float:
    vals = list(values)
    return statistics.median(vals) if vals else float("nan")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024 / 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    except (ValueError, OSError, AttributeError):
        return None


def _git(*args: str) -> str:
    out = subprocess.run(
        ["git", "-C", str(REPO), *args], capture_output=True, text=True, timeout=10, check=True
    )
    return out.stdout.strip()


def git_commit() -> str | None:
    try:
        commit = _git("rev-parse", "--short", "HEAD")
        dirty = _git("status", "--porcelain", "--untracked-files=no")
        return f"{commit} (uncommitted changes)" if commit and dirty else commit or None
    except (OSError, subprocess.SubprocessError):
        return None


def machine_info() -> dict[str, str]:
    ram = ram_gib()
    info = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu_model(),
        "cores": str(os.cpu_count() or "?"),
        "ram": f"{ram:.1f} GiB" if ram else "?",
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }
    try:
        import spacy

        info["spacy"] = spacy.__version__
    except ImportError:  # pragma: no cover
        pass
    try:
        import newscheck

        info["newscheck"] = newscheck.__version__
    except ImportError:  # pragma: no cover
        pass
    commit = git_commit()
    if commit:
        info["commit"] = commit
    return info


def header(title: str, extra: dict[str, str] | None = None) -> str:
    """A Markdown title followed by the machine/date table."""
    info = machine_info()
    if extra:
        info.update(extra)
    lines = [f"# {title}", "", "| | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in info.items()]
    return "\n".join(lines) + "\n"


def md_escape(text: str) -> str:
    """Make a value safe inside a Markdown table cell."""
    return " ".join(str(text).replace("|", "\\|").split())


def write_results(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
