"""Small drafts written for the command-line tests, with the findings each one must give.

BAD has an arithmetic error on line 3 (NC102) and a wrong weekday on line 5 (NC131); CLEAN is
the same story with both fixed; WARN has two warnings (NC112 on line 5, NC141 on line 7); LATE
has a conversion in a quarter after the shipped ECB data (NC112 skipped).
"""

from __future__ import annotations

from pathlib import Path

BAD = """# Borealis results

Borealis Foods said sales rose 10% to $2.5 billion in 2025 from $2.0 billion a year earlier.

The board will meet on Monday, March 4, 2026, the company said.
"""
BAD_LINES = [
    "{p}:3:32: error: rose 10% to $2.5 billion implies a prior value of $2.27B ($2.22B–$2.33B); "
    "the text states $2.0 billion: that is a 25% rise (19.5%–30.8%) [NC102]",
    "{p}:5:24: error: Monday, March 4, 2026: March 4, 2026 was a Wednesday [NC131]",
]

CLEAN = """# Borealis results

Borealis Foods said sales rose 25% to $2.5 billion in 2025 from $2.0 billion a year earlier.

The board met on Wednesday, March 4, 2026, the company said.
"""

WARN = """# Fjordline results

Oslo, March 5, 2026

Fjordline said first-quarter revenue was €4.5 billion (about $4.9 billion) in Q1 2026.

Chief executive Marta Lindqvist said the deal would close soon. Lindqvest added that orders rose.
"""

LATE = """# Fjordline results

Oslo, March 5, 2027

Fjordline said first-quarter revenue was €4.5 billion (about $4.9 billion) in Q1 2027.
"""


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")
