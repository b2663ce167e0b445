"""Build the planted-error corpus from sources.src.

For every article in sources.src this writes NN-slug.txt (planted error(s) in place) and
NN-slug.clean.txt (the clean twin), and manifest.json listing the planted errors. Run it
after editing sources.src:  python bench/planted/build.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[\[(.*?)\|\|(.*?)\]\]", re.S)
RULES = {
    "NC101",
    "NC102",
    "NC104",
    "NC105",
    "NC111",
    "NC112",
    "NC121",
    "NC122",
    "NC123",
    "NC131",
    "NC132",
    "NC141",
    "NC142",
}


def parse(source: str) -> list[dict]:
    articles: list[dict] = []
    cur: dict | None = None
    for line in source.splitlines():
        if line.startswith("=== "):
            cur = {"slug": line[4:].strip(), "planted": [], "lines": []}
            articles.append(cur)
        elif cur is None:
            continue  # file header comment
        elif line.startswith("@ "):
            rule, figure, note = (part.strip() for part in line[2:].split("|", 2))
            cur["planted"].append({"rule": rule, "figure": figure, "note": note})
        else:
            cur["lines"].append(line)
    return articles


def build(articles: list[dict]) -> list[dict]:
    manifest = []
    for art in articles:
        body = "\n".join(art["lines"]).strip() + "\n"
        bad = MARK.sub(lambda m: m.group(1), body)
        clean = MARK.sub(lambda m: m.group(2), body)
        name = f"{art['slug']}.txt"
        clean_name = f"{art['slug']}.clean.txt"
        problems = []
        if bad == clean:
            problems.append("no [[error||clean]] marker")
        for p in art["planted"]:
            if p["rule"] not in RULES:
                problems.append(f"unknown rule {p['rule']}")
            if p["figure"] not in bad:
                problems.append(f"figure {p['figure']!r} not in the text with the error")
        words = len(bad.split())
        if not 120 <= words <= 300:
            problems.append(f"{words} words (want 120-300)")
        if problems:
            sys.exit(f"{art['slug']}: " + "; ".join(problems))
        (HERE / name).write_text(bad, encoding="utf-8")
        (HERE / clean_name).write_text(clean, encoding="utf-8")
        manifest.append({"file": name, "clean": clean_name, "planted": art["planted"]})
    return manifest


def main() -> None:
    articles = parse((HERE / "sources.src").read_text(encoding="utf-8"))
    manifest = build(articles)
    (HERE / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    counts: dict[str, int] = {}
    for entry in manifest:
        for p in entry["planted"]:
            counts[p["rule"]] = counts.get(p["rule"], 0) + 1
    print(
        f"{len(manifest)} articles; planted per rule:",
        ", ".join(f"{r} {n}" for r, n in sorted(counts.items())),
    )


if __name__ == "__main__":
    main()
