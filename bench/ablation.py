"""Ablation: what the rules' own linking adds to the relations they read.

Issue #7 wants the rules to read relations only. Four rules still link figures
themselves besides reading relations: NC101 groups figures by their frame key,
NC121 finds named and anaphoric parts, NC122 finds listed amounts and shares,
NC123 groups shares by sentence. This script runs the planted-error corpora
and published copy twice in one process, once as shipped and once with those
linking paths switched off (patched here, never in the product), and writes
what each contributes: errors found and false alarms.

    python bench/ablation.py [--limit N] [--out FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from checks import (
    OWN_CORPORA,
    PLANTED,
    PLANTED_NEWS,
    alarms,
    planted_section,
    run_corpus,
    run_planted,
    run_planted_news,
    score_news_article,
)
from common import (
    RESULTS,
    header,
    load_bbc,
    load_cnndm,
    load_reuters,
    shared_data_dir,
    write_results,
)

from newscheck import analyze
from newscheck.nlp.checks.rules.parts import PartExceedsWhole, PartsSumToTotal, SharesOver100
from newscheck.nlp.checks.rules.repeated import RepeatedFigure

#: The rules' own linking paths: (class, method, what it links).
LINKING: tuple[tuple[type, str, str], ...] = (
    (RepeatedFigure, "_grouped", "NC101 figures grouped by frame key"),
    (PartExceedsWhole, "_named_parts", "NC121 parts named against a whole"),
    (PartExceedsWhole, "_anaphoric_parts", "NC121 parts of an amount stated before"),
    (PartsSumToTotal, "_amounts", "NC122 listed amounts and their total"),
    (PartsSumToTotal, "_shares", "NC122 listed shares"),
    (SharesOver100, "_legacy", "NC123 shares grouped by sentence"),
)


def _nothing(*_args: Any, **_kwargs: Any) -> Iterator[Any]:
    return iter(())


@contextmanager
def relations_only() -> Iterator[None]:
    saved = [(cls, name, getattr(cls, name)) for cls, name, _ in LINKING]
    try:
        for cls, name, _ in LINKING:
            setattr(cls, name, _nothing)
        yield
    finally:
        for cls, name, method in saved:
            setattr(cls, name, method)


def planted_counts(folder: Path, corpus: str) -> tuple[int, int, int, int]:
    """(errors found, errors, matching fails, fails) on one corpus with a key.json."""
    found = errors = matching = fails = 0
    for art in run_planted_news(folder, corpus, analyze):
        score = score_news_article(art)
        found += sum(score.found)
        errors += len(score.found)
        matching += sum(score.matching)
        fails += len(score.fails)
    return found, errors, matching, fails


def measure(shared: Path | None, limit: int) -> dict[str, str]:
    out: dict[str, str] = {}

    def planted_row(name: str, counts: tuple[int, int, int, int]) -> None:
        found, errors, matching, fails = counts
        out[name] = f"{found}/{errors} found; {matching}/{fails} fails match"

    res = run_planted(analyze, PLANTED / "manifest.json")
    _, st = planted_section(res)
    out["bench/planted (ours, written with the rules)"] = (
        f"recall {st['recall']:.2f}, precision {st['precision']:.2f}"
    )
    for part, folder, _title, _source in OWN_CORPORA:
        planted_row(f"bench/{part} (ours, written blind)", planted_counts(folder, part))
    if shared is not None:
        for corpus in PLANTED_NEWS:
            planted_row(
                f"planted-news/{corpus} (others)",
                planted_counts(shared / "planted-news" / corpus, corpus),
            )
        loaders: tuple[tuple[str, Callable[[], Any]], ...] = (
            ("BBC business", lambda: load_bbc(shared, ["business"])),
            ("Reuters-21578", lambda: load_reuters(shared)),
            ("CNN/DailyMail", lambda: load_cnndm(shared)),
        )
        for name, loader in loaders:
            arts = [a for _, a in zip(range(limit), loader(), strict=False)]
            result = run_corpus(name, arts, analyze)
            n = sum(len(alarms(r.report)) for r in result.ok)
            out[f"{name}: false alarms in the first {len(arts)}"] = str(n)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=600, help="published articles per corpus")
    ap.add_argument("--out", type=Path, default=RESULTS / "ablation.md")
    args = ap.parse_args(argv)
    shared = shared_data_dir()
    print("as shipped ...", file=sys.stderr)
    shipped = measure(shared, args.limit)
    print("relations only ...", file=sys.stderr)
    with relations_only():
        ablated = measure(shared, args.limit)
    lines = [header("newscheck ablation: the rules' own linking"), ""]
    lines += [
        "Each corpus analysed twice in one run: as shipped, and with the rules' own linking "
        "paths switched off so that they read relations only. The paths:",
        "",
    ]
    lines += [f"- `{cls.__name__}.{name}`: {what}" for cls, name, what in LINKING]
    lines += ["", "| corpus | as shipped | relations only |", "|---|---|---|"]
    lines += [f"| {k} | {shipped[k]} | {ablated[k]} |" for k in shipped]
    if shared is None:
        lines += ["", "../shared/data not found: planted-news and published copy not run."]
    write_results(args.out, "\n".join(lines) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
