"""Shared test helpers (imported as `helpers`: tests/ is on sys.path under pytest)."""

from __future__ import annotations

from pathlib import Path

from newscheck import analyze
from newscheck.nlp.report import Report
from newscheck.nlp.types import Relation

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def sample_paths() -> list[Path]:
    return sorted(
        p for p in SAMPLES.iterdir() if p.suffix in {".txt", ".md"} and p.name != "README.md"
    )


def line_col(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    col = offset - (before.rfind("\n") + 1) + 1
    return line, col


def report(text: str) -> Report:
    """An analysed plain-text article, without a date."""
    return analyze(text, source="t.txt", markdown=False)


def changes_of(text: str) -> list[tuple[str, str | None, str | None]]:
    """Each change_of relation as the texts of (change, to, from)."""
    rep = report(text)
    by_id = {f.id: f.text for f in rep.figures}

    def txt(r: Relation, role: str) -> str | None:
        fid = r.one(role)
        return by_id[fid] if fid else None

    return [
        (by_id[r.one("change") or ""], txt(r, "to"), txt(r, "from"))
        for r in rep.relations
        if r.type == "change_of"
    ]


def messages(text: str, rule: str, status: str = "fail") -> list[str]:
    """The messages of one rule's checks of one status."""
    return [c.message for c in report(text).checks if c.id == rule and c.status == status]
