"""Deterministic cross-validation folds over the gold and planted-news articles.

  python bench/folds.py [--k 5]

A fitting script trains on k-1 folds and reports on the held-out one, for each fold in turn.
Folds are stratified so that every fold sees every source: frames-gold by source (bbc, cnn,
reuters), planted-news by corpus (business, general) and, within it, clean vs with errors.

The order inside a stratum is a hash of the article's name, not the file listing, so adding an
article moves only that article, and the split is the same on every machine. Strata are dealt
round-robin with one running counter, so fold sizes differ by at most one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import require_shared

K = 5


def _key(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()


def assign_folds(items: Iterable[tuple[str, str]], k: int = K) -> dict[str, int]:
    """Fold index (0..k-1) of each (name, stratum): stratified, deterministic."""
    by_stratum: dict[str, list[str]] = {}
    for name, stratum in items:
        by_stratum.setdefault(stratum, []).append(name)
    folds: dict[str, int] = {}
    n = 0
    for stratum in sorted(by_stratum):
        for name in sorted(by_stratum[stratum], key=_key):
            folds[name] = n % k
            n += 1
    return folds


def gold_source(name: str) -> str:
    """bbc, cnn or reuters from a frames-gold name ("bbc-business-207")."""
    return name.split("-", 1)[0]


def frames_gold_names(shared: Path) -> list[str]:
    return sorted(p.stem for p in (shared / "frames-gold" / "gold").glob("*.json"))


def frames_gold_folds(shared: Path, k: int = K) -> dict[str, int]:
    """Fold of each frames-gold article (name without .txt), stratified by source."""
    return assign_folds(((n, gold_source(n)) for n in frames_gold_names(shared)), k)


def planted_news_items(shared: Path) -> list[tuple[str, str]]:
    """("business/01-....txt", "business/errors") for every planted-news article."""
    items: list[tuple[str, str]] = []
    for corpus in ("business", "general"):
        key = json.loads((shared / "planted-news" / corpus / "key.json").read_text("utf-8"))
        for entry in key:
            kind = "clean" if entry["clean"] else "errors"
            items.append((f"{corpus}/{entry['file']}", f"{corpus}/{kind}"))
    return items


def planted_news_folds(shared: Path, k: int = K) -> dict[str, int]:
    """Fold of each planted-news article ("business/NN-slug.txt"), stratified by corpus."""
    return assign_folds(planted_news_items(shared), k)


def split(folds: dict[str, int], held_out: int) -> tuple[list[str], list[str]]:
    """(train, test) names for one held-out fold."""
    train = sorted(n for n, f in folds.items() if f != held_out)
    test = sorted(n for n, f in folds.items() if f == held_out)
    return train, test


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--k", type=int, default=K)
    args = ap.parse_args(argv)
    shared = require_shared()
    for title, folds in (
        ("frames-gold", frames_gold_folds(shared, args.k)),
        ("planted-news", planted_news_folds(shared, args.k)),
    ):
        print(f"{title}:")
        for i in range(args.k):
            _, test = split(folds, i)
            print(f"  fold {i} ({len(test)}): {', '.join(test)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
