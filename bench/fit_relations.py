"""Fit the relation scoring model, cross-validated, and write the weights newscheck ships.

  python bench/fit_relations.py [--bbc N] [--out bench/results/fit.md] [--write] [--types T,..]
  [--selection fixed|inner] [--splits N]

Every relation candidate the proposers make is a row of named evidence features
(`Report.candidates`). Labels come from three kinds of text written by other hands:

* frames-gold (25 real stories, every relation annotated): a candidate is
  positive when every pair it asserts (the head figure with each other figure)
  is a gold pair of its type, negative otherwise;
* planted-news (60 articles): a `same_as` candidate whose values disagree is
  positive when both figures belong to one planted repeated-figure mismatch,
  negative otherwise: the rest of each article is consistent;
* published BBC business copy (taken to be correct): a `same_as` candidate whose
  values disagree is negative. This is what keeps the checker quiet on real copy.

For each type, a logistic regression (scikit-learn, L2) is trained on four folds
and scored on the fifth (bench/folds.py: stratified by source and corpus). The
training folds alone choose the features (those that fire on at least
MIN_SUPPORT training rows); by default (`--selection fixed`) the model is C=1 with
classes weighted to balance and the threshold 0.5, nothing tuned; `--selection
inner` instead picks C, the class weighting and the threshold by an inner
cross-validation over the training folds. Reported: the held-out precision,
recall and F1 per type (per fold for `same_as`, and its mean over `--splits`
random article-level splits for both selections, since with a few dozen positives
one split's luck is worth several points), and for `same_as` the mismatches that
would be flagged (planted recall, false alarms per article). `--write` fits the
chosen setting on every row and writes the types named by `--types` (default
`same_as`) to `nlp/data/relation_weights.json`; the other types keep their
hand-set priors.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import RESULTS, header, load_bbc, require_shared, write_results
from folds import K, frames_gold_folds, planted_news_folds
from frames import align, gold_pairs, load_gold

from newscheck.nlp.relations.model import probability

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS = ROOT / "nlp" / "data" / "relation_weights.json"
#: Which gold pair set labels each relation type.
GOLD_KEY = {
    "same_as": "same_as",
    "part_of": "part_whole",
    "sum_of": "part_whole",
    "change_of": "change",
    "share_of": "share_of",
    "converts": "converts",
    "compares": "compares",
}
UNORDERED = frozenset({"same_as", "converts", "compares"})
#: Evidence from the values themselves: left out of the identity view of same_as, which
#: must say "one quantity" from the words alone so that a mismatch can be reported.
VALUE_FEATURES = frozenset(
    {
        "value_agree",
        "value_equal",
        "value_rounded",
        "value_bound",
        "value_long",
        "value_small",
        "value_far",
        "value_near",
        "slip_scale",
        "slip_transposed",
        "slip_digit",
    }
)
#: The agreement twins of the conflict features say the same thing twice; the identity
#: view is fitted on few positives, so it keeps the conflicts only.
TWINS = frozenset({"role_same", "entity_same", "period_same"})
SLIPS = ("slip_digit", "slip_scale", "slip_transposed")
#: Fewer positive examples than this and a type keeps its hand-set prior.
MIN_POSITIVES = 8
#: Evidence without which a type's full model keeps nothing (see model.requires).
REQUIRES = {"same_as": ["value_agree"]}
SEED = 20261201


@dataclass
class Row:
    source: str  # gold | planted | bbc
    article: str
    fold: int
    rtype: str
    features: dict[str, float]
    label: int
    mismatch: bool  # same_as only: the two values disagree
    pair: tuple[str, ...]


def _hash_fold(name: str) -> int:
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % K


def _pairs_of(
    rtype: str, figures: tuple[str, ...], roles: tuple[str, ...]
) -> list[tuple[str, str]]:
    """The pairs a candidate asserts: its head figure with each other figure."""
    head_role = {
        "part_of": "whole",
        "sum_of": "total",
        "change_of": "change",
        "share_of": "share",
    }.get(rtype)
    if head_role is None:
        return [(figures[0], f) for f in figures[1:]]
    head = next((f for f, r in zip(figures, roles, strict=True) if r == head_role), figures[0])
    others = [f for f in figures if f != head]
    if rtype in ("part_of", "sum_of"):
        return [(o, head) for o in others]  # gold stores (part, whole)
    return [(head, o) for o in others]


def gold_rows(shared: Path, analyze: Any) -> list[Row]:
    folds = frames_gold_folds(shared)
    rows: list[Row] = []
    for name, gold in load_gold(shared).items():
        report = analyze(gold["_text"], source=name)
        to_gold = {p: g for g, p in align(gold["figures"], report.figures).items()}
        pairs = gold_pairs(gold)
        for c in report.candidates:
            key = GOLD_KEY.get(c.type)
            if key is None:
                continue
            asserted = _pairs_of(c.type, c.figures, c.roles)
            ok = True
            for a, b in asserted:
                ga, gb = to_gold.get(a), to_gold.get(b)
                if ga is None or gb is None:
                    ok = False
                    break
                pair = tuple(sorted((ga, gb))) if c.type in UNORDERED else (ga, gb)
                if pair not in pairs[key]:
                    ok = False
                    break
            rows.append(
                Row(
                    "gold",
                    name,
                    folds[name],
                    c.type,
                    dict(c.features),
                    int(ok),
                    _mismatch(c),
                    c.figures,
                )
            )
    return rows


def _mismatch(c: Any) -> bool:
    return c.type == "same_as" and not c.features.get("value_agree", 0.0)


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u2011", "-").casefold().split())


def _in_error(fig: Any, err: dict[str, Any]) -> bool:
    """The figure is one of a planted error's figures, on one of its lines."""
    texts = [_norm(t) for t in err["figures"]]
    return fig.line in err["lines"] and any(
        _norm(fig.text) in t or t in _norm(fig.text) for t in texts
    )


def planted_rows(shared: Path, analyze: Any) -> list[Row]:
    folds = planted_news_folds(shared)
    rows: list[Row] = []
    for corpus in ("business", "general"):
        folder = shared / "planted-news" / corpus
        for entry in json.loads((folder / "key.json").read_text("utf-8")):
            name = entry["file"]
            report = analyze(
                (folder / name).read_text("utf-8"), source=name, markdown=name.endswith(".md")
            )
            by_id = {f.id: f for f in report.figures}
            errors = [e for e in entry["errors"] if e["type"] == "repeated-figure-mismatch"]

            for c in report.candidates:
                if c.type != "same_as" or not _mismatch(c):
                    continue
                label = any(all(_in_error(by_id[fid], e) for fid in c.figures) for e in errors)
                key = f"{corpus}/{name}"
                rows.append(
                    Row(
                        "planted",
                        key,
                        folds[key],
                        c.type,
                        dict(c.features),
                        int(label),
                        True,
                        c.figures,
                    )
                )
    return rows


def bbc_rows(shared: Path, analyze: Any, limit: int) -> list[Row]:
    rows: list[Row] = []
    for art in list(load_bbc(shared, ["business"]))[:limit]:
        report = analyze(art.text, source=art.name, as_of=art.date)
        for c in report.candidates:
            if c.type == "same_as" and _mismatch(c):
                rows.append(
                    Row(
                        "bbc",
                        art.name,
                        _hash_fold(art.name),
                        c.type,
                        dict(c.features),
                        0,
                        True,
                        c.figures,
                    )
                )
    return rows


# ---------------------------------------------------------------- fitting


def _matrix(rows: list[Row], names: list[str]) -> tuple[Any, Any]:
    import numpy as np

    x = np.array([[r.features.get(n, 0.0) for n in names] for r in rows], dtype=float)
    y = np.array([r.label for r in rows], dtype=int)
    return x, y


#: The regularisation strengths and class weightings tried; one is chosen per training set
#: by an inner cross-validation over its own folds, never by the held-out fold.
C_GRID = (0.1, 0.3, 1.0, 3.0)
WEIGHTINGS = (False, True)  # True: classes weighted to balance (few positives)
#: A feature that fires on fewer training rows than this is dropped: its weight would be
#: fitted to one or two stories.
MIN_SUPPORT = 3


def _fit(rows: list[Row], names: list[str], c_reg: float, balanced: bool = False) -> Any:
    from sklearn.linear_model import LogisticRegression

    x, y = _matrix(rows, names)
    model = LogisticRegression(
        C=c_reg,
        max_iter=2000,
        random_state=SEED,
        class_weight="balanced" if balanced else None,
    )
    model.fit(x, y)
    return model


def _best_threshold(probs: list[float], labels: list[int]) -> float:
    best, best_f = 0.5, -1.0
    for t in [i / 100 for i in range(5, 96)]:
        tp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= t and y)
        fp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= t and not y)
        fn = sum(1 for p, y in zip(probs, labels, strict=True) if p < t and y)
        f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f > best_f + 1e-12:
            best, best_f = t, f
    return best


def _f1_at(probs: list[float], labels: list[int], t: float) -> float:
    tp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= t and y)
    fp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= t and not y)
    fn = sum(labels) - tp
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def supported(rows: list[Row], names: list[str] | None = None) -> list[str]:
    """The features that fire on at least MIN_SUPPORT of these rows."""
    every = names if names is not None else sorted({k for r in rows for k in r.features})
    return [n for n in every if sum(1 for r in rows if r.features.get(n)) >= MIN_SUPPORT]


def inner_oof(rows: list[Row], names: list[str], c_reg: float, balanced: bool) -> list[float]:
    """Out-of-fold probabilities over the folds these rows come from (a training set's own)."""
    probs: dict[int, float] = {}
    for k in sorted({r.fold for r in rows}):
        train = [r for r in rows if r.fold != k]
        test = [r for r in rows if r.fold == k]
        if len({r.label for r in train}) < 2:
            probs.update((id(r), 0.0) for r in test)
            continue
        p = _fit(train, names, c_reg, balanced).predict_proba(_matrix(test, names)[0])[:, 1]
        probs.update((id(r), float(q)) for r, q in zip(test, p, strict=True))
    return [probs[id(r)] for r in rows]


@dataclass
class Setting:
    names: list[str]
    c_reg: float
    balanced: bool
    threshold: float
    inner_f1: float


#: How a training set picks its setting. "fixed": C=1, classes weighted to balance and the
#: threshold they make natural, 0.5 (nothing tuned: with a few dozen positives, tuning C
#: and the threshold moved held-out F1 by less than the split of the folds did, see
#: --splits); "inner": the best of C_GRID x WEIGHTINGS and threshold by an inner
#: cross-validation over the training folds.
SELECTIONS = ("fixed", "inner")


def choose(rows: list[Row], mode: str = "fixed", c_grid: tuple[float, ...] = C_GRID) -> Setting:
    """Features, C, class weighting and threshold, chosen on these (training) rows alone.

    The features are those that fire on at least MIN_SUPPORT of the rows. In "inner" mode
    each setting is scored by the F1 of an inner cross-validation over the rows' own folds;
    the threshold is the best one on those inner out-of-fold probabilities, not on the
    model's fit to its own rows (which would be optimistic and set it too high).
    """
    names = supported(rows)
    if mode == "fixed":
        return Setting(names, 1.0, True, 0.5, float("nan"))
    labels = [r.label for r in rows]
    best: Setting | None = None
    for c_reg in c_grid:
        for balanced in WEIGHTINGS:
            probs = inner_oof(rows, names, c_reg, balanced)
            t = _best_threshold(probs, labels)
            f = _f1_at(probs, labels, t)
            if best is None or f > best.inner_f1 + 1e-9:
                best = Setting(names, c_reg, balanced, t, f)
    assert best is not None
    return best


def cross_validate(rows: list[Row], mode: str = "fixed") -> dict[str, Any]:
    oof: list[tuple[Row, float, float]] = []  # row, probability, threshold of its fold
    settings: dict[int, Setting] = {}
    for k in range(K):
        train = [r for r in rows if r.fold != k]
        test = [r for r in rows if r.fold == k]
        if not test or len({r.label for r in train}) < 2:
            continue
        st = choose(train, mode)
        settings[k] = st
        if not st.names:
            # No feature fires often enough in this training set (its rows are nearly all
            # one story's): nothing to fit, and the held-out rows get the base rate.
            base = sum(r.label for r in train) / len(train)
            oof += [(r, _gated(r, base), st.threshold) for r in test]
            continue
        model = _fit(train, st.names, st.c_reg, st.balanced)
        p_test = model.predict_proba(_matrix(test, st.names)[0])[:, 1]
        oof += [(r, _gated(r, float(p)), st.threshold) for r, p in zip(test, p_test, strict=True)]
    return {"oof": oof, "settings": settings}


def _gated(r: Row, p: float) -> float:
    """The probability as the resolver uses it: nothing without the type's required evidence."""
    need = REQUIRES.get(r.rtype)
    return p if not need or any(r.features.get(k) for k in need) else 0.0


def _counts(oof: list[tuple[Row, float, float]], source: str | None = None) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for r, p, t in oof:
        if source is not None and r.source != source:
            continue
        hit = p >= t
        tp += hit and r.label == 1
        fp += hit and r.label == 0
        fn += (not hit) and r.label == 1
    return tp, fp, fn


def blind(rows: list[Row]) -> list[Row]:
    return [
        Row(
            r.source,
            r.article,
            r.fold,
            r.rtype,
            {k: v for k, v in r.features.items() if k not in (VALUE_FEATURES - set(SLIPS)) | TWINS},
            r.label,
            r.mismatch,
            r.pair,
        )
        for r in rows
    ]


def _slipped(r: Row) -> bool:
    return any(r.features.get(k) for k in SLIPS)


def identity_cv(rows: list[Row], c_reg: float) -> tuple[list[str], dict[str, Any]]:
    """The same_as view for values that differ by a copying slip, and its threshold.

    Trained only on such pairs: planted repeated-figure errors against every other
    slipped pair of the planted, published and gold articles. Its evidence is the
    words (not whether the values agree) and the kind of slip: a transposition is
    rarer between two different figures than one changed digit. Per held-out fold,
    model and threshold (best F1) come from the other folds.
    """
    brows = blind(rows)
    slipped = {id(b) for r, b in zip(rows, brows, strict=True) if r.mismatch and _slipped(r)}
    names = sorted({k for r in brows for k in r.features})
    found: list[tuple[Row, float, float]] = []
    for k in range(K):
        cand = [r for r in brows if r.fold != k and id(r) in slipped]
        test = [r for r in brows if r.fold == k and id(r) in slipped]
        if not test or len({r.label for r in cand}) < 2:
            continue
        model = _fit(cand, names, c_reg, balanced=True)
        p_tr = model.predict_proba(_matrix(cand, names)[0])[:, 1]
        thr = _best_threshold(list(p_tr), [r.label for r in cand])
        p_te = model.predict_proba(_matrix(test, names)[0])[:, 1]
        found += [(r, float(p), thr) for r, p in zip(test, p_te, strict=True)]
    lines = []
    for source in ("planted", "bbc", "gold"):
        tp, fp, fn = _counts(found, source)
        n_art = len({r.article for r in rows if r.source == source}) or 1
        lines.append(f"| {source} | {tp} | {tp + fn} | {fp} | {fp / n_art:.3f} |")
    cand = [r for r in brows if id(r) in slipped]
    final = _fit(cand, names, c_reg, balanced=True)
    p_all = final.predict_proba(_matrix(cand, names)[0])[:, 1]
    thr = _best_threshold(list(p_all), [r.label for r in cand])
    model = {
        "bias": round(float(final.intercept_[0]), 4),
        "threshold": thr,
        "requires_any": list(SLIPS),
        "weights": {n: round(float(w), 4) for n, w in zip(names, final.coef_[0], strict=True)},
    }
    return lines, model


def shipped_identity(rows: list[Row]) -> list[str]:
    from newscheck.nlp.relations.base import Candidate, _kept

    lines = []
    for source in ("planted", "bbc", "gold"):
        tp = fp = fn = 0
        for r in rows:
            if r.source != source or not r.mismatch:
                continue
            c = Candidate("same_as", r.pair, ("a", "b"), r.features)
            c.score = 0.0  # the full model never keeps a mismatch
            c.identity = probability("same_as", r.features, "identity")
            hit = _kept(c)
            tp += hit and r.label == 1
            fp += hit and r.label == 0
            fn += (not hit) and r.label == 1
        n_art = len({r.article for r in rows if r.source == source}) or 1
        lines.append(f"| {source} | {tp} | {tp + fn} | {fp} | {fp / n_art:.3f} |")
    return lines


def export(rows: list[Row], mode: str = "fixed") -> dict[str, Any]:
    """The shipped model: the setting chosen as for a training set, here all five folds,
    refitted on every row."""
    st = choose(rows, mode)
    model = _fit(rows, st.names, st.c_reg, st.balanced)
    weights = {n: round(float(w), 4) for n, w in zip(st.names, model.coef_[0], strict=True)}
    return {
        "bias": round(float(model.intercept_[0]), 4),
        "threshold": st.threshold,
        "weights": weights,
        "_fit": {
            "C": st.c_reg,
            "balanced": st.balanced,
            "min_support": MIN_SUPPORT,
            "selection": mode,
        },
    }


def resplit(rows: list[Row], seed: int) -> list[Row]:
    """The same rows dealt into K folds by article at random: how much of a held-out score
    is the luck of one split."""
    import random

    arts = sorted({r.article for r in rows})
    random.Random(seed).shuffle(arts)
    fold = {a: i % K for i, a in enumerate(arts)}
    return [
        Row(r.source, r.article, fold[r.article], r.rtype, r.features, r.label, r.mismatch, r.pair)
        for r in rows
    ]


def split_lines(rows: list[Row], splits: int) -> list[str]:
    lines = []
    for mode in SELECTIONS:
        scores = []
        for seed in range(splits):
            cv = cross_validate(resplit(rows, SEED + seed), mode)
            scores.append(_prf(*_counts(cv["oof"], "gold"))[2])
        mean = sum(scores) / len(scores)
        lines.append(f"| {mode} | {splits} | {mean:.3f} | {min(scores):.2f} | {max(scores):.2f} |")
    return lines


def fold_lines(cv: dict[str, Any]) -> list[str]:
    """Held-out precision, recall and F1 of each fold, with the setting its training chose."""
    lines = []
    for k, st in sorted(cv["settings"].items()):
        tp, fp, fn = _counts([x for x in cv["oof"] if x[0].fold == k], "gold")
        p, r, f = _prf(tp, fp, fn)
        lines.append(
            f"| {k} | {tp + fn} | {tp} | {fp} | {fn} | {p:.2f} | {r:.2f} | {f:.2f} | "
            f"{st.c_reg} | {'balanced' if st.balanced else 'none'} | {st.threshold:.2f} | "
            f"{len(st.names)} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bbc", type=int, default=510, help="BBC business articles as negatives")
    ap.add_argument(
        "--c", type=float, default=1.0, help="inverse L2 strength of the identity view's fit"
    )
    ap.add_argument("--selection", choices=SELECTIONS, default="fixed")
    ap.add_argument(
        "--splits",
        type=int,
        default=8,
        help="random article-level splits over which same_as's held-out F1 is also averaged",
    )
    ap.add_argument(
        "--types",
        default="same_as",
        help="comma-separated types whose fitted weights --write ships (others keep priors)",
    )
    ap.add_argument("--out", type=Path, default=RESULTS / "fit.md")
    ap.add_argument("--write", action="store_true", help="write nlp/data/relation_weights.json")
    args = ap.parse_args(argv)
    shared = require_shared()

    from newscheck import analyze

    t0 = time.perf_counter()
    rows = gold_rows(shared, analyze) + planted_rows(shared, analyze)
    rows += bbc_rows(shared, analyze, args.bbc)
    by_type: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_type[r.rtype].append(r)

    out = [
        "## Relation scoring model: cross-validated fit",
        "",
        f"{K} folds (bench/folds.py); selection `{args.selection}`. For each held-out fold, "
        f"the training folds alone choose the features (those firing on at least "
        f"{MIN_SUPPORT} training rows) and, in `inner` selection, the L2 strength C (of "
        f"{', '.join(map(str, C_GRID))}), the class weighting and the threshold by an inner "
        "cross-validation over the training folds; `fixed` selection uses C=1, balanced class "
        "weights and the threshold 0.5. Held-out figures below: every "
        "number is predicted by a model that never saw the article.",
        "",
        "| type | rows | gold positives | held-out P | R | F1 | cross-validated |",
        "|---|---|---|---|---|---|---|",
    ]
    fitted: dict[str, dict[str, Any]] = {}
    mismatch_lines: list[str] = []
    shipped_lines: list[str] = []
    same_folds: list[str] = []
    same_splits: list[str] = []
    for rtype in sorted(by_type):
        trows = by_type[rtype]
        grows = [r for r in trows if r.source == "gold"]
        pos = sum(r.label for r in grows)
        if pos < MIN_POSITIVES:
            out.append(f"| {rtype} | {len(trows)} | {pos} | - | - | - | no: hand-set prior kept |")
            continue
        if pos == len(grows):
            # Every candidate the proposers make is a gold pair: nothing to separate.
            out.append(
                f"| {rtype} | {len(trows)} | {pos} | - | - | - | "
                "no: no negative candidate, hand-set prior kept |"
            )
            continue
        cv = cross_validate(grows, args.selection)
        p, r_, f = _prf(*_counts(cv["oof"], "gold"))
        out.append(f"| {rtype} | {len(trows)} | {pos} | {p:.2f} | {r_:.2f} | {f:.2f} | yes |")
        fitted[rtype] = export(grows, args.selection)
        if rtype in REQUIRES:
            fitted[rtype]["requires_any"] = REQUIRES[rtype]
        if rtype == "same_as":
            same_folds = fold_lines(cv)
            if args.splits:
                same_splits = split_lines(grows, args.splits)
            # Measured, not shipped: six planted mismatches are too few to fit on (see the
            # table). The shipped identity view is hand-set and evaluated below.
            mismatch_lines, _ = identity_cv(trows, args.c)
            shipped_lines = shipped_identity(trows)
    out += [
        "",
        "### same_as per held-out fold (frames-gold candidates)",
        "",
        "| fold | positives | TP | FP | FN | P | R | F1 | C | class weights | threshold | "
        "features |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *same_folds,
        "",
        "### same_as held out over random splits by article (how much is the luck of the split)",
        "",
        "| selection | splits | mean F1 | min | max |",
        "|---|---|---|---|---|",
        *same_splits,
        "",
        "### same_as with values that disagree by a slip (what NC101 flags), held out",
        "",
        "The identity view (no value features) trained on every source; pairs whose values "
        "differ by a copying slip are flagged when it clears the threshold chosen on the other "
        "folds.",
        "",
        "| source | planted mismatch pairs found | planted mismatch pairs | flagged pairs that are "
        "no planted error | per article |",
        "|---|---|---|---|---|",
        *mismatch_lines,
        "",
        "### The shipped identity view (hand-set in the weights file), on every slipped mismatch",
        "",
        "Not fitted, so nothing is held out: this is the rule as shipped, measured on each source.",
        "",
        "| source | planted mismatch pairs found | planted mismatch pairs | flagged pairs that are "
        "no planted error | per article |",
        "|---|---|---|---|---|",
        *shipped_lines,
    ]
    if args.write:
        current = json.loads(WEIGHTS.read_text("utf-8"))
        wanted = {t.strip() for t in args.types.split(",") if t.strip()}
        fitted = {t: m for t, m in fitted.items() if t in wanted}
        for rtype, model in fitted.items():
            # The hand-set views of a type (same_as's identity) are kept as they are.
            kept = {k: v for k, v in current["types"].get(rtype, {}).items() if k == "identity"}
            current["types"][rtype] = {**model, **kept}
        current["fitted"] = {
            "script": "bench/fit_relations.py",
            "types": sorted(fitted),
            "rows": len(rows),
            "C": {t: m["_fit"]["C"] for t, m in fitted.items()},
        }
        WEIGHTS.write_text(json.dumps(current, indent=2, sort_keys=False) + "\n", "utf-8")
        out += [
            "",
            f"Weights written to `nlp/data/{WEIGHTS.name}` for: {', '.join(sorted(fitted))}.",
        ]
        for rtype, model in fitted.items():
            top = sorted(model["weights"].items(), key=lambda kv: -abs(kv[1]))[:12]
            out += [
                "",
                f"{rtype}: bias {model['bias']}, threshold {model['threshold']}; "
                + ", ".join(f"{k} {v:+.2f}" for k, v in top),
            ]
    out += ["", f"Run time {time.perf_counter() - t0:.0f} s."]
    doc = header("newscheck relation model fit", {"rows": str(len(rows))}) + "\n" + "\n".join(out)
    write_results(args.out, doc + "\n")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
