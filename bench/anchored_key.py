"""The key of a planted-error corpus, built from anchor phrases so line numbers follow the text.

Each error lists `anchors`: phrases that each occur on exactly one line of its article; those
lines are the error's `lines`, and every `figures` entry must occur on one of them. Two errors
never share a line, so a finding credits one error at most. Used by the `make_key.py` of
bench/paraphrase and bench/cross.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

E = dict[str, Any]
Article = tuple[str, list[E], list[str]]


def err(kind: str, anchors: list[str], figures: list[str], explanation: str) -> E:
    return {"type": kind, "anchors": anchors, "figures": figures, "explanation": explanation}


def line_of(lines: list[str], anchor: str, name: str) -> int:
    hits = [i + 1 for i, ln in enumerate(lines) if anchor in ln]
    if len(hits) != 1:
        raise SystemExit(f"{name}: anchor {anchor!r} on lines {hits}")
    return hits[0]


def build(here: Path, articles: list[Article]) -> list[E]:
    key = []
    for name, errors, traps in articles:
        lines = (here / name).read_text(encoding="utf-8").splitlines()
        out_errors = []
        used: set[int] = set()
        for e in errors:
            ls = sorted({line_of(lines, a, name) for a in e["anchors"]})
            for f in e["figures"]:
                if not any(f in lines[n - 1] for n in ls):
                    raise SystemExit(f"{name}: figure {f!r} not on lines {ls}")
            if used & set(ls):
                raise SystemExit(f"{name}: errors share lines {used & set(ls)}")
            used |= set(ls)
            out_errors.append(
                {
                    "type": e["type"],
                    "lines": ls,
                    "figures": e["figures"],
                    "explanation": e["explanation"],
                }
            )
        key.append({"file": name, "clean": not out_errors, "errors": out_errors, "traps": traps})
    return key


def write(here: Path, articles: list[Article]) -> None:
    key = build(here, articles)
    (here / "key.json").write_text(
        json.dumps(key, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    n_err = sum(len(a["errors"]) for a in key)
    print(f"{len(key)} articles, {n_err} errors, {sum(len(a['traps']) for a in key)} traps")
