"""Shared test helpers (imported as `helpers`: tests/ is on sys.path under pytest)."""

from __future__ import annotations

from pathlib import Path

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
