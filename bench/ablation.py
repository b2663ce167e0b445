"""Ablation: what the evidence that was once the rules' own linking adds to the relations.

Issue #7 wants the rules to read relations only. Four rules used to link
figures themselves (NC101 grouped figures by frame key, NC121 found named and
anaphoric parts, NC122 listed amounts and shares, NC123 grouped shares by
sentence); that linking is now evidence in the relation layer: the `frame_key`
feature of `same_as` (`nlp/relations/restated.py`) and the proposers of
`nlp/relations/listed.py`. This script runs the planted-error corpora and
published copy twice in one process, once as shipped and once with that
evidence switched off (patched here, never in the product), and writes what it
contributes: errors found and false alarms.

    python bench/ablation.py [--limit N] [--own paraphrase] [--out FILE]

`--own` names our own blind corpora to include (bench/heldout is the lead's to
measure, never a helper's).
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
from newscheck.nlp.relations import base, restated

#: The former linking of the rules, now relation evidence: (where, name, what it links).
PROPOSERS: tuple[tuple[str, str], ...] = (
    ("named-part", "NC121 a segment's level against the group's (part_of)"),
    ("that-total", "NC121 '£X of that total' against the amount before (part_of)"),
    ("listed-amounts", "NC122 amounts listed after a completeness cue (sum_of)"),
    ("listed-shares", "NC122 shares listed as all of a whole (sum_of)"),
    ("sentence-shares", "NC123 shares of one whole in one sentence (sum_of)"),
)
FRAME_KEY = "NC101 mentions one frame gives one fact (same_as, `frame_key`)"


def _nothing(*_args: Any, **_kwargs: Any) -> list[Any]:
    return []


@contextmanager
def relations_only() -> Iterator[None]:
    """The relations without the evidence that was once the rules' own linking."""
    base.all_proposers()  # register every family before patching
    saved = {name: base.PROPOSERS[name] for name, _ in PROPOSERS}
    saved_pairs = restated.frame_key_pairs
    try:
        for name, _ in PROPOSERS:
            base.PROPOSERS[name] = _nothing
        restated.frame_key_pairs = _nothing  # type: ignore[assignment]
        yield
    finally:
        base.PROPOSERS.update(saved)
        restated.frame_key_pairs = saved_pairs  # type: ignore[assignment]


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


def measure(shared: Path | None, limit: int, own: set[str]) -> dict[str, str]:
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
        if part not in own:
            continue
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
    ap.add_argument("--own", default="paraphrase", help="our own blind corpora, comma-separated")
    args = ap.parse_args(argv)
    own = {p.strip() for p in args.own.split(",") if p.strip()}
    shared = shared_data_dir()
    print("as shipped ...", file=sys.stderr)
    shipped = measure(shared, args.limit, own)
    print("relations only ...", file=sys.stderr)
    with relations_only():
        ablated = measure(shared, args.limit, own)
    lines = [header("newscheck ablation: the rules' former linking, now relation evidence"), ""]
    lines += [
        "Each corpus analysed twice in one run: as shipped, and without the relation evidence "
        "that was once the rules' own linking (the rules read relations only either way). "
        "Switched off:",
        "",
    ]
    lines += [f"- proposer `{name}`: {what}" for name, what in PROPOSERS]
    lines += [f"- `restated.frame_key_pairs`: {FRAME_KEY}"]
    lines += ["", "| corpus | as shipped | without that evidence |", "|---|---|---|"]
    lines += [f"| {k} | {shipped[k]} | {ablated[k]} |" for k in shipped]
    if shared is None:
        lines += ["", "../shared/data not found: planted-news and published copy not run."]
    write_results(args.out, "\n".join(lines) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
