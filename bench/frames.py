"""Frames and relations against the hand-annotated gold (../shared/data/frames-gold).

  python bench/frames.py [--out bench/results/frames.md] [--articles NAME,...] [--json FILE]

Each of the 25 gold articles is analysed with no date (the gold resolves only what the text
fixes). Predicted figures are aligned one-to-one to gold figures by character overlap (both
index the file's text). Reported:

- figure recognition: precision, recall and F1 of the alignment (dates and periods are not
  figures in the gold and are left out of the prediction);
- slots, over aligned gold figures: period (normalised), entity (lenient), role (mapped),
  modality (when the report has it), metric (token overlap; soft);
- relations, pair-level P/R/F1, in two views: the report's relations (`Report.relations`, or
  when the report has none, the same relations derived from today's figure fields and checks)
  and the pairs the checker compares (from checks with two or more figures).

`score(reports_by_name)` is the same scoring for other bench scripts (a fitting script scores
a held-out fold with it; see bench/folds.py). Reports may be `Report` objects or their JSON
dicts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import RESULTS, SKIPPED, header, md_escape, shared_data_dir, write_results

#: The issue's "done when" targets (cross-validated on the final code).
TARGETS: dict[str, float] = {
    "same_as": 0.80,
    "part_whole": 0.70,
    "change": 0.80,
    "converts": 0.95,
    "period": 0.85,
    "entity": 0.80,
}
PAIR_TYPES = ("same_as", "part_whole", "change", "share_of", "converts", "compares")
PAIR_TITLES = {
    "same_as": "same quantity",
    "part_whole": "part / whole",
    "change": "change of",
    "share_of": "share of",
    "converts": "converts",
    "compares": "compares (report only)",
}
#: Pair types read without direction; the others are (part, whole), (change, level) and
#: (share, part-or-whole), so a reversed pair is both a miss and a false relation.
UNORDERED = frozenset({"same_as", "converts", "compares"})
#: Predicted figure kinds the gold never annotates as figures (it leaves dates out).
NOT_FIGURES = frozenset({"date", "period"})
#: Our roles in the gold's vocabulary: a target is a forecast value there.
ROLE_MAP = {
    "level": "level",
    "change": "change",
    "share": "share",
    "conversion": "conversion",
    "forecast": "forecast",
    "target": "forecast",
}
#: Check ids whose figures the checker compares, and as which relation.
CHECK_PAIRS = {
    "NC101": "same_as",
    "NC121": "part_whole",
    "NC122": "part_whole",
    "NC102": "change",
    "NC103": "change",
    "NC104": "change",
    "NC105": "change",
    "NC111": "converts",
    "NC112": "converts",
    "NC123": "share_of",
}
#: Skipped checks count too: the gold articles are undated, so NC112 skips every conversion
#: ("article date unknown"), yet the checker did pair the two figures, which is what is scored.
COMPARED = frozenset({"pass", "fail", "skip"})

Pair = tuple[str, str]


def _has(obj: Any, key: str) -> bool:
    """The report has the field at all (a slot not yet produced is not scored as wrong)."""
    return key in obj if isinstance(obj, dict) else hasattr(obj, key)


def get(obj: Any, key: str, default: Any = None) -> Any:
    """A field of a report object or of its JSON dict."""
    if isinstance(obj, dict):
        return obj.get(key, default)
    return getattr(obj, key, default)


def norm_pair(kind: str, a: str, b: str) -> Pair:
    return tuple(sorted((a, b))) if kind in UNORDERED else (a, b)  # type: ignore[return-value]


# ---------------------------------------------------------------- gold


def load_gold(shared: Path, names: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """Gold per article name (file stem), with the article text under "_text"."""
    root = shared / "frames-gold"
    wanted = set(names) if names is not None else None
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((root / "gold").glob("*.json")):
        if wanted is not None and path.stem not in wanted:
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        gold["_text"] = (root / "articles" / gold["file"]).read_text(encoding="utf-8")
        out[path.stem] = gold
    return out


def gold_pairs(gold: dict[str, Any]) -> dict[str, set[Pair]]:
    pairs: dict[str, set[Pair]] = {t: set() for t in PAIR_TYPES}
    for group in gold.get("same_as", []):
        pairs["same_as"] |= {norm_pair("same_as", a, b) for a, b in combinations(group, 2)}
    for r in gold.get("part_of", []):
        pairs["part_whole"].add((r["part"], r["whole"]))
    for r in gold.get("sum_of", []):
        pairs["part_whole"] |= {(p, r["total"]) for p in r["parts"]}
    for r in gold.get("change_of", []):
        pairs["change"] |= {(r["change"], r[k]) for k in ("to", "from") if r.get(k)}
    for r in gold.get("share_of", []):
        pairs["share_of"] |= {(r["share"], r[k]) for k in ("part", "whole") if r.get(k)}
    for r in gold.get("converts", []):
        pairs["converts"].add(norm_pair("converts", r["from"], r["to"]))
    for r in gold.get("compares", []):
        pairs["compares"].add(norm_pair("compares", r["a"], r["b"]))
    return pairs


# ---------------------------------------------------------------- predicted relations


def relation_pairs(relations: Iterable[Any]) -> dict[str, set[Pair]]:
    """Pairs from `Report.relations` ({type, figures, roles, score})."""
    pairs: dict[str, set[Pair]] = {t: set() for t in PAIR_TYPES}
    for rel in relations:
        kind = get(rel, "type")
        figs = list(get(rel, "figures", ()) or ())
        roles = list(get(rel, "roles", ()) or ())
        if len(roles) != len(figs):
            roles = []  # positions then: the documented order of each type
        by_role: dict[str, list[str]] = defaultdict(list)
        for i, fid in enumerate(figs):
            by_role[roles[i] if roles else str(i)].append(fid)
        if kind in ("same_as", "converts", "compares") and len(figs) >= 2:
            key = "same_as" if kind == "same_as" else kind
            pairs[key] |= {norm_pair(key, a, b) for a, b in combinations(figs, 2)}
        elif kind == "part_of" and len(figs) >= 2:
            part = (by_role.get("part") or [figs[0]])[0]
            whole = (by_role.get("whole") or [figs[1]])[0]
            pairs["part_whole"].add((part, whole))
        elif kind == "sum_of" and len(figs) >= 2:
            if roles and "total" not in by_role:
                continue  # parts of an unstated whole (shares of 100%): no pair to score
            total = (by_role.get("total") or [figs[0]])[0]
            parts = by_role.get("part") or figs[1:]
            pairs["part_whole"] |= {(p, total) for p in parts if p != total}
        elif kind in ("change_of", "share_of") and len(figs) >= 2:
            head_role = "change" if kind == "change_of" else "share"
            head = (by_role.get(head_role) or [figs[0]])[0]
            key = "change" if kind == "change_of" else "share_of"
            pairs[key] |= {(head, f) for f in figs if f != head}
    return pairs


def check_pairs(checks: Iterable[Any]) -> dict[str, set[Pair]]:
    """The pairs the checker compares: every passed or failed check with two or more figures."""
    pairs: dict[str, set[Pair]] = {t: set() for t in PAIR_TYPES}
    for c in checks:
        kind = CHECK_PAIRS.get(get(c, "id"))
        figs = list(get(c, "figures", ()) or ())
        if kind is None or len(figs) < 2 or get(c, "status") not in COMPARED:
            continue
        rule = get(c, "id")
        if rule == "NC101":
            pairs[kind] |= {norm_pair(kind, a, b) for a, b in combinations(figs, 2)}
        elif rule == "NC121":  # [part, whole]
            pairs[kind].add((figs[0], figs[1]))
        elif rule == "NC122":  # [whole, *parts]
            pairs[kind] |= {(p, figs[0]) for p in figs[1:]}
        elif kind == "change":  # [change, target, base] or [multiplier, level]
            pairs[kind] |= {(figs[0], f) for f in figs[1:]}
        elif kind == "converts":  # [source, target] pairs, one after another
            pairs[kind] |= {
                norm_pair(kind, figs[i], figs[i + 1]) for i in range(0, len(figs) - 1, 2)
            }
        elif rule == "NC123" and "split" in (get(c, "message") or ""):
            # A list of shares adding to 100% names no part or whole figure; only a split of a
            # stated share ("the remaining 50 pct split between ...") has one, listed first.
            pairs["part_whole"] |= {(p, figs[0]) for p in figs[1:]}
    return pairs


def derived_pairs(report: Any) -> dict[str, set[Pair]]:
    """Today's relations without `Report.relations`: figure fields plus the checked pairs."""
    pairs = check_pairs(get(report, "checks", []) or [])
    for f in get(report, "figures", []) or []:
        fid = get(f, "id")
        if get(f, "converts"):
            pairs["converts"].add(norm_pair("converts", fid, get(f, "converts")))
        for k in ("target", "base"):
            if get(f, k):
                pairs["change"].add((fid, get(f, k)))
    return pairs


def closure(pairs: set[Pair]) -> set[Pair]:
    """All pairs within the connected groups of unordered pairs (same_as is transitive)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    return {norm_pair("same_as", a, b) for g in groups.values() for a, b in combinations(g, 2)}


# ---------------------------------------------------------------- alignment and slots


def align(gold_figs: list[dict[str, Any]], pred_figs: list[Any]) -> dict[str, str]:
    """gold id -> predicted id, one-to-one, largest character overlap first."""
    cands: list[tuple[int, int, str, str]] = []
    for g in gold_figs:
        for p in pred_figs:
            ov = min(g["end"], get(p, "end")) - max(g["start"], get(p, "start"))
            if ov > 0:
                # Ties go to the nearer start, so "12 to 15 pct" takes the span that begins there.
                cands.append((ov, -abs(g["start"] - get(p, "start")), g["id"], get(p, "id")))
    out: dict[str, str] = {}
    used: set[str] = set()
    for _, _, gid, pid in sorted(cands, reverse=True):
        if gid not in out and pid not in used:
            out[gid] = pid
            used.add(pid)
    return out


_FY = re.compile(r"^FY\s*'?(\d{2}|\d{4})$", re.I)
_QH = re.compile(r"^(?:(\d{4})\s*-?\s*([QH][1-4])|([QH][1-4])\s*-?\s*(\d{4}))$", re.I)
_SPAN = re.compile(r"^(?:FY)?(\d{4})\s*(?:-|/|–|to|\.\.)\s*(?:FY)?(\d{2}|\d{4})$", re.I)
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _year(y: str, ref: str | None = None) -> str:
    """Two-digit years: in the century of `ref` when given ("2004/05"), else 19xx above 50."""
    if len(y) == 4:
        return y
    if ref is not None:
        return ref[:2] + y
    return ("19" if int(y) > 50 else "20") + y


def norm_period(value: Any) -> str | None:
    """A period in the gold's spelling, or None when it is not an absolute period.

    The gold writes "2004", "2004-Q4", "2004-H1", "2004-12", "2004-12-03", "FY2004" and
    "2004-2007"; ours may write "Q4 2004", "FY04", "2004/05", "2004-01-01..2004-12-31" or a
    relative label ("year-earlier", "last-quarter") that names no year: that is no period.
    """
    if value is None:
        return None
    s = str(value).strip()
    if not s:
        return None
    if m := _FY.match(s):
        return f"FY{_year(m.group(1))}"
    if m := _QH.match(s):
        year = m.group(1) or m.group(4)
        part = (m.group(2) or m.group(3)).upper()
        return f"{year}-{part}"
    if m := _DATE.match(s):
        return s
    if m := _SPAN.match(s):
        a = m.group(1)
        b = _year(m.group(2), a)
        fiscal = s.upper().startswith("FY")
        if a == b:
            return f"FY{a}" if fiscal else a
        return f"FY{a}-FY{b}" if fiscal else f"{a}-{b}"
    if "-" in s and re.fullmatch(r"FY\d{4}-FY\d{4}", s, re.I):
        return s.upper()
    if not re.search(r"\d{4}", s):
        return None  # relative or partial ("--Q3", "year-earlier"): no year resolved
    return s  # kept as is, so the confusion table shows it


_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    {"the", "a", "an", "of", "in", "on", "at", "for", "to", "and", "or", "by", "from"}
    | {"with", "its", "their", "his", "her", "per", "as"}
)


def _tokens(text: str | None) -> list[str]:
    return [t for t in _WORD.findall((text or "").casefold()) if t not in _STOP]


def entity_match(gold: str | None, pred: str | None) -> bool:
    """Case-folded; equal, one containing the other, or the same last token."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = " ".join(_tokens(gold)), " ".join(_tokens(pred))
    if not g or not p:
        return g == p
    return g == p or g in p or p in g or g.split()[-1] == p.split()[-1]


def metric_match(gold: str | None, pred: str | None) -> bool:
    """Soft: any shared content word (singular/plural folded)."""
    if gold is None or pred is None:
        return gold is None and pred is None

    def stems(x: str | None) -> set[str]:
        return {t[:-1] if t.endswith("s") and len(t) > 3 else t for t in _tokens(x)}

    return bool(stems(gold) & stems(pred))


def role_of(pred: Any) -> str | None:
    role = get(pred, "role")
    return ROLE_MAP.get(role, role) if role is not None else None


# ---------------------------------------------------------------- scoring


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else float("nan")
    r = tp / n_gold if n_gold else float("nan")
    f = 2 * p * r / (p + r) if n_pred and n_gold and (p + r) else 0.0 if n_gold else float("nan")
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "precision": p, "recall": r, "f1": f}


def relation_views(report: Any) -> dict[str, dict[str, set[Pair]]]:
    """Predicted pairs per view: relations (closed and raw same_as) and checks."""
    rels = get(report, "relations", None)
    source = relation_pairs(rels) if rels is not None else derived_pairs(report)
    closed = {k: set(v) for k, v in source.items()}
    closed["same_as"] = closure(source["same_as"])
    return {
        "relations": closed,
        "relations (same_as not closed)": source,
        "checks": check_pairs(get(report, "checks", []) or []),
    }


def score_article(name: str, gold: dict[str, Any], report: Any) -> dict[str, Any]:
    text = gold["_text"]
    gfigs = gold["figures"]
    pfigs = [f for f in get(report, "figures", []) or [] if get(f, "kind") not in NOT_FIGURES]
    by_pid = {get(f, "id"): f for f in pfigs}
    gmap = align(gfigs, pfigs)
    pmap = {p: g for g, p in gmap.items()}  # predicted id -> gold id
    gtext = {g["id"]: g["text"] for g in gfigs}

    has_modality = any(_has(f, "modality") for f in pfigs)
    figures: list[dict[str, Any]] = []
    for g in gfigs:
        pid = gmap.get(g["id"])
        p = by_pid.get(pid) if pid else None
        rec: dict[str, Any] = {
            "article": name,
            "gold": g["id"],
            "gold_text": g["text"],
            "pred": pid,
            "pred_text": get(p, "text") if p is not None else None,
            "exact_span": p is not None
            and (get(p, "start"), get(p, "end")) == (g["start"], g["end"]),
        }
        if p is not None:
            pp = get(p, "period")
            slots = {
                "period": (g["period"], norm_period(pp), norm_period(pp) == g["period"], pp),
                "entity": (
                    g["entity"],
                    get(p, "entity"),
                    entity_match(g["entity"], get(p, "entity")),
                ),
                "role": (g["role"], role_of(p), role_of(p) == g["role"], get(p, "role")),
                "metric": (
                    g["metric"],
                    get(p, "metric"),
                    metric_match(g["metric"], get(p, "metric")),
                ),
            }
            if has_modality:
                m = get(p, "modality")
                slots["modality"] = (g["modality"], m, m == g["modality"])
            for slot, vals in slots.items():
                rec[slot] = {"gold": vals[0], "pred": vals[1], "ok": vals[2]}
                if len(vals) > 3:
                    rec[slot]["raw"] = vals[3]
        figures.append(rec)
    false_figs = [
        {"article": name, "pred": get(f, "id"), "text": get(f, "text"), "kind": get(f, "kind")}
        for f in pfigs
        if get(f, "id") not in pmap
    ]

    gpairs = gold_pairs(gold)
    pairs: list[dict[str, Any]] = []
    for view, pred in relation_views(report).items():
        for kind in PAIR_TYPES:
            mapped: set[Pair] = set()
            for a, b in pred[kind]:
                if a in pmap and b in pmap:
                    mapped.add(norm_pair(kind, pmap[a], pmap[b]))
                else:
                    # A pair with a figure the gold does not annotate (a date, a vague
                    # amount) cannot be judged: counted apart, not as false.
                    pairs.append(
                        {
                            "article": name,
                            "view": view,
                            "type": kind,
                            "a": pmap.get(a),
                            "b": pmap.get(b),
                            "pred_a": a,
                            "pred_b": b,
                            "gold": False,
                            "predicted": True,
                            "unjudged": True,
                            "text_a": get(by_pid.get(a), "text") if a in by_pid else a,
                            "text_b": get(by_pid.get(b), "text") if b in by_pid else b,
                        }
                    )
            for a, b in sorted(gpairs[kind] | mapped):
                pairs.append(
                    {
                        "article": name,
                        "view": view,
                        "type": kind,
                        "a": a,
                        "b": b,
                        "pred_a": gmap.get(a),
                        "pred_b": gmap.get(b),
                        "gold": (a, b) in gpairs[kind],
                        "predicted": (a, b) in mapped,
                        "unjudged": False,
                        "recognised": a in gmap and b in gmap,
                        "text_a": gtext.get(a, a),
                        "text_b": gtext.get(b, b),
                    }
                )
    return {
        "article": name,
        "chars": len(text),
        "figures": figures,
        "false_figures": false_figs,
        "pairs": pairs,
        "has_modality": has_modality,
        "has_relations": get(report, "relations", None) is not None,
    }


def summarise(articles: list[dict[str, Any]]) -> dict[str, Any]:
    figs = [f for a in articles for f in a["figures"]]
    n_gold = len(figs)
    n_aligned = sum(1 for f in figs if f["pred"] is not None)
    n_false = sum(len(a["false_figures"]) for a in articles)
    out: dict[str, Any] = {
        "figures": prf(n_aligned, n_aligned + n_false, n_gold),
        "exact_spans": sum(1 for f in figs if f["exact_span"]),
        "slots": {},
        "relations": {},
    }
    for slot in ("period", "entity", "role", "modality", "metric"):
        rows = [f[slot] for f in figs if slot in f]
        if rows:
            ok = sum(1 for r in rows if r["ok"])
            stated = [r for r in rows if r["gold"] is not None]
            out["slots"][slot] = {
                "n": len(rows),
                "correct": ok,
                "accuracy": ok / len(rows),
                "n_gold_stated": len(stated),
                "accuracy_gold_stated": (
                    sum(1 for r in stated if r["ok"]) / len(stated) if stated else float("nan")
                ),
            }
    views = sorted({p["view"] for a in articles for p in a["pairs"]})
    for view in views:
        out["relations"][view] = {}
        for kind in PAIR_TYPES:
            rows = [
                p for a in articles for p in a["pairs"] if p["view"] == view and p["type"] == kind
            ]
            judged = [p for p in rows if not p["unjudged"]]
            tp = sum(1 for p in judged if p["gold"] and p["predicted"])
            n_pred = sum(1 for p in judged if p["predicted"])
            n_gold = sum(1 for p in judged if p["gold"])
            res = prf(tp, n_pred, n_gold)
            recog = [p for p in judged if p["gold"] and p["recognised"]]
            res["gold_recognised"] = len(recog)
            res["unjudged"] = sum(1 for p in rows if p["unjudged"])
            out["relations"][view][kind] = res
    return out


def score(reports_by_name: dict[str, Any], shared: Path | None = None) -> dict[str, Any]:
    """Score reports (name = gold file stem, e.g. "bbc-business-207") against the gold.

    Returns {"summary": ..., "articles": [per-article figures, false figures and pairs]}.
    """
    shared = shared or shared_data_dir()
    if shared is None:
        raise FileNotFoundError(SKIPPED)
    gold = load_gold(shared, reports_by_name)
    missing = set(reports_by_name) - set(gold)
    if missing:
        raise KeyError(f"no gold for: {', '.join(sorted(missing))}")
    articles = [score_article(n, gold[n], reports_by_name[n]) for n in sorted(reports_by_name)]
    return {"summary": summarise(articles), "articles": articles}


# ---------------------------------------------------------------- report


def _f(x: float) -> str:
    return "-" if x != x else f"{x:.2f}"


def _target(key: str, value: float) -> str:
    t = TARGETS.get(key)
    if t is None:
        return ""
    return f"\u2265 {t:.2f} " + ("met" if value == value and value >= t else "**missed**")


def render(result: dict[str, Any]) -> str:
    s = result["summary"]
    arts = result["articles"]
    out: list[str] = []
    src = (
        "`Report.relations`"
        if any(a["has_relations"] for a in arts)
        else "derived (no `Report.relations` yet): `converts` → converts, `target`/`base` → "
        "change of, plus the checked pairs"
    )
    fr = s["figures"]
    out += [
        "## Summary",
        "",
        f"{len(arts)} articles of `../shared/data/frames-gold`, analysed without a date. Relations "
        f"view: {src}. Targets are the issue's (to be met cross-validated).",
        "",
        "| measure | value | detail | target |",
        "|---|---|---|---|",
        f"| figures: F1 | {_f(fr['f1'])} | P {_f(fr['precision'])}, R {_f(fr['recall'])}; "
        f"{fr['tp']} aligned of {fr['gold']} gold, {fr['pred']} predicted; "
        f"{s['exact_spans']} exact spans | |",
    ]
    for slot, st in s["slots"].items():
        soft = " (soft)" if slot == "metric" else ""
        out.append(
            f"| {slot}{soft}: accuracy | {_f(st['accuracy'])} | {st['correct']}/{st['n']} aligned; "
            f"{_f(st['accuracy_gold_stated'])} where the gold states one "
            f"({st['n_gold_stated']}) | {_target(slot, st['accuracy'])} |"
        )
    if "modality" not in s["slots"]:
        out.append("| modality | - | not in the report yet | |")
    rel = s["relations"].get("relations", {})
    chk = s["relations"].get("checks", {})
    for kind in PAIR_TYPES:
        r, c = rel.get(kind), chk.get(kind)
        if r is None:
            continue
        out.append(
            f"| {PAIR_TITLES[kind]}: F1 | {_f(r['f1'])} | relations P {_f(r['precision'])} "
            f"R {_f(r['recall'])} ({r['tp']}/{r['gold']} gold, {r['pred']} predicted); "
            f"checks F1 {_f(c['f1'])} ({c['tp']}/{c['gold']}, {c['pred']} compared) "
            f"| {_target(kind, r['f1'])} |"
        )

    out += [
        "",
        "## Relations, pair level",
        "",
        "Gold pairs: same_as groups give every unordered pair; part_of (part, whole) and sum_of "
        "(each part, total); change_of (change, to) and (change, from); share_of (share, part) "
        "and (share, whole); converts and compares unordered. Predicted pairs are mapped to gold "
        "ids through the figure alignment. Recall counts every gold pair (one whose figure was "
        "not recognised is missed; *recognised* says how many had both figures aligned); a "
        "predicted pair with a figure the gold does not annotate is *unjudged*, not false. "
        "*relations* takes the transitive closure of same_as; *checks* are the pairs of every "
        "passed, failed or skipped check with two or more figures, paired by the rule's figure "
        "order (NC111's four figures are two conversions, not six pairs) (NC101 same quantity; NC121, NC122 "
        "part/whole; NC102-NC105 change; NC111, NC112 converts; NC123 a split share).",
        "",
        "| view | relation | gold | recognised | predicted | correct | P | R | F1 | unjudged |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for view, kinds in s["relations"].items():
        for kind, r in kinds.items():
            out.append(
                f"| {view} | {PAIR_TITLES[kind]} | {r['gold']} | {r['gold_recognised']} "
                f"| {r['pred']} | {r['tp']} | {_f(r['precision'])} | {_f(r['recall'])} "
                f"| {_f(r['f1'])} | {r['unjudged']} |"
            )

    figs = [f for a in arts for f in a["figures"]]
    out += ["", "## Period confusions", ""]
    out.append(
        "Gold period against ours, normalised (raw label in brackets when it differs), wrong "
        "ones only, most frequent first."
    )
    conf: Counter[tuple[str, str]] = Counter()
    for f in figs:
        if "period" in f and not f["period"]["ok"]:
            p = f["period"]
            raw = p.get("raw")
            shown = str(p["pred"]) + (f" [{raw}]" if raw is not None and raw != p["pred"] else "")
            conf[(str(p["gold"]), shown)] += 1
    out += ["", "| gold | predicted | figures |", "|---|---|---|"]
    out += [f"| {g} | {md_escape(p)} | {n} |" for (g, p), n in conf.most_common(40)]

    out += [
        "",
        "## Role confusions",
        "",
        "| gold | predicted (mapped) | figures |",
        "|---|---|---|",
    ]
    rconf = Counter(
        (str(f["role"]["gold"]), str(f["role"]["pred"]))
        for f in figs
        if "role" in f and not f["role"]["ok"]
    )
    out += [f"| {g} | {p} | {n} |" for (g, p), n in rconf.most_common()]

    out += [
        "",
        "## Entity confusions",
        "",
        "Gold owner against ours, wrong ones only, most frequent first. *class*: none (we name "
        "no owner), spurious (the gold has none), other (a different name).",
        "",
        "| gold | predicted | class | figures |",
        "|---|---|---|---|",
    ]
    econf: Counter[tuple[str, str, str]] = Counter()
    for f in figs:
        if "entity" in f and not f["entity"]["ok"]:
            g, p = f["entity"]["gold"], f["entity"]["pred"]
            cls = "none" if p is None else "spurious" if g is None else "other"
            econf[(str(g), str(p), cls)] += 1
    out += [
        f"| {md_escape(g)} | {md_escape(p)} | {c} | {n} |" for (g, p, c), n in econf.most_common(40)
    ]

    out += ["", "## Per article", ""]
    out.append(
        "For each article: gold figures not recognised, predicted figures the gold does not "
        "have, wrong period/entity/role, and in the relations view the gold pairs not predicted "
        "(miss) and predicted pairs not in the gold (false); then the same for the checks view "
        "when it differs."
    )
    for a in arts:
        out += ["", f"### {a['article']}", ""]
        n_al = sum(1 for f in a["figures"] if f["pred"])
        out.append(
            f"{len(a['figures'])} gold figures, {n_al} recognised, "
            f"{len(a['false_figures'])} predicted figures not in the gold."
        )
        missed = [f for f in a["figures"] if f["pred"] is None]
        if missed:
            out.append("")
            out.append(
                "Not recognised: "
                + ", ".join(f"{f['gold']} `{md_escape(f['gold_text'])}`" for f in missed)
            )
        if a["false_figures"]:
            out.append("")
            out.append(
                "Not in the gold: "
                + ", ".join(f"`{md_escape(f['text'])}` ({f['kind']})" for f in a["false_figures"])
            )
        wrong = [
            f
            for f in a["figures"]
            if f["pred"] and any(not f[s]["ok"] for s in ("period", "entity", "role") if s in f)
        ]
        if wrong:
            out += ["", "| figure | slot | gold | ours |", "|---|---|---|---|"]
            for f in wrong:
                for slot in ("period", "entity", "role"):
                    if slot in f and not f[slot]["ok"]:
                        ours = f[slot].get("raw", f[slot]["pred"])
                        out.append(
                            f"| {f['gold']} `{md_escape(f['gold_text'])}` | {slot} "
                            f"| {md_escape(str(f[slot]['gold']))} | {md_escape(str(ours))} |"
                        )
        shown: list[tuple[Any, ...]] = []
        for view in ("relations", "checks"):
            rows = [
                p
                for p in a["pairs"]
                if p["view"] == view and not p["unjudged"] and p["gold"] != p["predicted"]
            ]
            keys = [(p["type"], p["a"], p["b"], p["gold"]) for p in rows]
            if not rows or keys == shown:
                if rows and view == "checks":
                    out += ["", "checks view: the same."]
                continue
            shown = keys
            out += [
                "",
                f"{view} view:",
                "",
                "| | relation | a | b | note |",
                "|---|---|---|---|---|",
            ]
            for p in rows:
                what = "miss" if p["gold"] else "false"
                note = "" if not p["gold"] or p.get("recognised") else "figure not recognised"
                out.append(
                    f"| {what} | {PAIR_TITLES[p['type']]} | {p['a']} `{md_escape(p['text_a'])}` "
                    f"| {p['b']} `{md_escape(p['text_b'])}` | {note} |"
                )
    return "\n".join(out) + "\n"


def summary_lines(s: dict[str, Any]) -> list[str]:
    fr = s["figures"]
    rel = s["relations"].get("relations", {})
    chk = s["relations"].get("checks", {})
    slots = ", ".join(f"{k} {_f(v['accuracy'])}" for k, v in s["slots"].items())
    lines = [
        f"frames-gold figures: P {_f(fr['precision'])} R {_f(fr['recall'])} F1 {_f(fr['f1'])}",
        f"frames-gold slots: {slots}",
        "frames-gold relations F1 (relations / checks): "
        + ", ".join(
            f"{PAIR_TITLES[k].split(' (')[0]} {_f(rel[k]['f1'])} / {_f(chk[k]['f1'])}"
            for k in PAIR_TYPES
            if k in rel and k in chk
        ),
    ]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=RESULTS / "frames.md")
    ap.add_argument("--articles", default=None, help="comma-separated gold names (file stems)")
    ap.add_argument("--json", type=Path, default=None, help="dump per-figure and per-pair results")
    args = ap.parse_args(argv)

    shared = shared_data_dir()
    if shared is None:
        print(SKIPPED)
        return 0
    names = [n.strip() for n in args.articles.split(",")] if args.articles else None
    gold = load_gold(shared, names)
    if names is not None and len(gold) != len(set(names)):
        print(f"unknown article(s): {', '.join(sorted(set(names) - set(gold)))}", file=sys.stderr)
        return 2

    from newscheck import analyze

    t0 = time.perf_counter()
    reports = {
        name: analyze(g["_text"], source=g["file"], markdown=False) for name, g in gold.items()
    }
    result = score(reports, shared)
    elapsed = time.perf_counter() - t0
    extra = {"run time": f"{elapsed:.0f} s", "articles": str(len(reports))}
    doc = header("newscheck frames benchmark", extra) + "\n" + render(result)
    write_results(args.out, doc)
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"wrote {args.json}")
    for line in summary_lines(result["summary"]):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
