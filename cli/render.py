"""Renderers: rich and plain text for people, JSON Lines for machines, lint lines for editors.

They all read the same `Report`; none of them analyses anything.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newscheck.nlp.report import Report
from newscheck.nlp.types import CheckResult, Figure

STATUS_MARK = {"pass": "✓", "fail": "✗", "skip": "–"}
STATUS_STYLE = {"pass": "green", "fail": "bold red", "skip": "dim"}
SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
TOP_CLAIMS = 5
TOP_FIGURES = 25


def value_figures(report: Report) -> list[Figure]:
    return [f for f in report.figures if f.kind not in ("date", "period")]


def _frame(f: Figure) -> str:
    metric = f.metric or "?"
    if f.segment:
        metric = f"{f.segment} {metric}"
    return metric


def _checks_sorted(checks: Iterable[CheckResult]) -> list[CheckResult]:
    order = {"fail": 0, "skip": 1, "pass": 2}
    return sorted(
        checks, key=lambda c: (order[c.status], -SEVERITY_RANK[c.severity], c.start, c.id)
    )


def _where(c: CheckResult, sep: str = ", ") -> str:
    return sep.join(f"{p.line}:{p.column}" for p in c.spans) or "-"


def result_label(c: CheckResult) -> str:
    """What a check came to, in words: a passed check never reads as "error"."""
    if c.status == "pass":
        return "pass"
    if c.status == "skip":
        return "skipped"
    return "ignored" if c.ignored is not None else c.severity


#: How a relation reads in the report: "F2 same as F9", "F3 change of F2 to F4".
RELATION_WORDS = {
    "same_as": "same as",
    "part_of": "part of",
    "sum_of": "sum of",
    "change_of": "change",
    "share_of": "share",
    "average_of": "average",
    "converts": "converts",
    "compares": "compared with",
}


def relation_rows(report: Report) -> list[tuple[str, str, str, str]]:
    """(relation, figures as written with their roles, score, where) for each relation."""
    by_id = {f.id: f for f in report.figures}
    rows = []
    for r in report.relations:
        figs = [by_id.get(fid) for fid in r.figures]
        if any(f is None for f in figs):
            continue
        said = ", ".join(
            f'{role} "{f.text}"'  # type: ignore[union-attr]
            for role, f in zip(r.roles, figs, strict=True)
        )
        where = " ".join(f"{f.line}:{f.column}" for f in figs)  # type: ignore[union-attr]
        rows.append((RELATION_WORDS.get(r.type, r.type), said, f"{r.score:.2f}", where))
    return rows


def top_claims(report: Report) -> list:
    return sorted(report.claims, key=lambda c: (-c.score, c.start))[:TOP_CLAIMS]


# ---------------------------------------------------------------- rich


def render_rich(report: Report) -> Group:
    parts: list = []
    title = Text(report.title or "(untitled)", style="bold")
    meta = f"{report.file or '-'}"
    if report.date:
        meta += f" · {report.date.isoformat()}"
    parts.append(Panel(title, subtitle=escape(meta), subtitle_align="right"))

    parts.append(Text("Summary", style="bold underline"))
    if report.summary:
        for n, s in enumerate(report.summary, 1):
            parts.append(
                Text.assemble((f" {n}. ", "bold"), s.normalized, (f"  (line {s.line})", "dim"))
            )
    else:
        parts.append(Text(" (nothing to summarise)", style="dim"))

    figs = value_figures(report)
    table = Table(
        title="Key figures", title_justify="left", title_style="bold underline", expand=False
    )
    for col in ("figure", "kind", "measures", "entity", "period", "role"):
        table.add_column(col, overflow="fold")
    # A position must never be folded ("10:11" / "1" reads as two places): no wrap, and
    # at least as wide as the longest one, so narrow terminals fold the words instead.
    table.add_column(
        "at", no_wrap=True, min_width=max((len(f"{f.line}:{f.column}") for f in figs), default=2)
    )
    for f in figs[:TOP_FIGURES]:
        role = f.role or ""
        if f.converts:
            role += f" of {f.converts}"
        table.add_row(
            escape(f.text),
            f.kind,
            escape(_frame(f)),
            escape(f.entity or ""),
            escape(f.period or ""),
            role,
            f"{f.line}:{f.column}",
        )
    parts.append(table if figs else Text("Key figures: none found", style="dim"))
    if len(figs) > TOP_FIGURES:
        parts.append(Text(f" … and {len(figs) - TOP_FIGURES} more (--json lists all)", style="dim"))

    parts.append(Text("Entities", style="bold underline"))
    by_label: dict[str, list[str]] = {}
    for e in report.entities:
        by_label.setdefault(e.label, []).append(f"{e.text} ({e.count})")
    for label in sorted(by_label):
        parts.append(Text.assemble((f" {label}: ", "bold"), ", ".join(by_label[label])))
    if not by_label:
        parts.append(Text(" none found", style="dim"))

    rel_rows = relation_rows(report)
    if rel_rows:
        rels = Table(title="How figures relate", title_justify="left", title_style="bold underline")
        rels.add_column("relation", no_wrap=True)
        rels.add_column("figures", overflow="fold")
        rels.add_column("score", justify="right", no_wrap=True)
        rels.add_column(
            "at", no_wrap=True, min_width=max(len(w) for *_, w in rel_rows), overflow="fold"
        )
        for kind, said, score, where in rel_rows:
            rels.add_row(kind, escape(said), score, where)
        parts.append(rels)

    claims = Table(
        title="Claims worth checking", title_justify="left", title_style="bold underline"
    )
    claims.add_column("score", justify="right")
    claims.add_column("line", justify="right", no_wrap=True)
    claims.add_column("claim", overflow="fold")
    claims.add_column("why", overflow="fold", style="dim")
    for c in top_claims(report):
        claims.add_row(
            f"{c.score:.2f}", str(c.line), escape(c.normalized), escape("; ".join(c.reasons))
        )
    parts.append(claims if report.claims else Text("Claims: none found", style="dim"))

    checks = Table(title="Cross-checks", title_justify="left", title_style="bold underline")
    checks.add_column("", width=1, no_wrap=True)
    checks.add_column("check", no_wrap=True)
    checks.add_column("result", no_wrap=True)
    # One position per line, never folded inside one.
    at_width = max((len(f"{p.line}:{p.column}") for c in report.checks for p in c.spans), default=2)
    checks.add_column("at", no_wrap=True, min_width=at_width)
    checks.add_column("finding", overflow="fold")
    for c in _checks_sorted(report.checks):
        counted = c.status == "fail" and c.ignored is None
        checks.add_row(
            Text(
                STATUS_MARK[c.status],
                style=STATUS_STYLE[c.status] if counted or c.status != "fail" else "dim",
            ),
            c.id,
            Text(result_label(c), style=SEVERITY_STYLE[c.severity] if counted else "dim"),
            _where(c, "\n"),
            escape(c.message),
        )
    parts.append(checks if report.checks else Text("Cross-checks: none applicable", style="dim"))
    parts.append(Text(tally(report.checks), style="bold"))
    return Group(*parts)


def print_rich(report: Report, console: Console) -> None:
    console.print(render_rich(report))


# ---------------------------------------------------------------- plain


def render_plain(report: Report) -> str:
    out: list[str] = []
    out.append(report.title or "(untitled)")
    out.append("=" * min(len(out[0]), 80))
    meta = f"file: {report.file or '-'}"
    if report.date:
        meta += f"  date: {report.date.isoformat()}"
    out.append(meta)
    out.append("")
    out.append("Summary")
    for n, s in enumerate(report.summary, 1):
        out.append(f"  {n}. {s.normalized}  (line {s.line})")
    if not report.summary:
        out.append("  (nothing to summarise)")
    out.append("")
    figs = value_figures(report)
    out.append(f"Key figures ({len(figs)})")
    for f in figs[:TOP_FIGURES]:
        bits = [f"{f.line}:{f.column}", f.text, f.kind, _frame(f)]
        if f.entity:
            bits.append(f.entity)
        if f.period:
            bits.append(f.period)
        role = f.role or ""
        if f.converts:
            role += f" of {f.converts}"
        bits.append(role)
        out.append("  " + " | ".join(bits))
    if len(figs) > TOP_FIGURES:
        out.append(f"  ... and {len(figs) - TOP_FIGURES} more (--json lists all)")
    out.append("")
    out.append("Entities")
    by_label: dict[str, list[str]] = {}
    for e in report.entities:
        by_label.setdefault(e.label, []).append(f"{e.text} ({e.count})")
    for label in sorted(by_label):
        out.append(f"  {label}: {', '.join(by_label[label])}")
    out.append("")
    rel_rows = relation_rows(report)
    if rel_rows:
        out.append(f"How figures relate ({len(rel_rows)})")
        for kind, said, score, where in rel_rows:
            out.append(f"  {kind}: {said}  [{score}]  {where}")
        out.append("")
    out.append("Claims worth checking")
    for c in top_claims(report):
        out.append(f"  [{c.score:.2f}] line {c.line}: {c.normalized}")
        out.append(f"         why: {'; '.join(c.reasons)}")
    out.append("")
    out.append("Cross-checks")
    for c in _checks_sorted(report.checks):
        out.append(
            f"  {STATUS_MARK[c.status]} {c.id} {result_label(c):<7} {_where(c):<12} {c.message}"
        )
    if not report.checks:
        out.append("  (none applicable)")
    out.append(tally(report.checks))
    return "\n".join(out) + "\n"


def plural(n: int, word: str) -> str:
    """'1 error', '2 errors'; "info" has no plural."""
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def severity_counts(counts: dict[str, int]) -> str:
    return ", ".join(plural(counts[s], s) for s in ("error", "warning", "info"))


def tally(checks: Iterable[CheckResult]) -> str:
    checks = list(checks)
    passed = sum(c.status == "pass" for c in checks)
    skipped = sum(c.status == "skip" for c in checks)
    fails = [c for c in checks if c.status == "fail" and c.ignored is None]
    ignored = sum(c.status == "fail" and c.ignored is not None for c in checks)
    by_sev = {s: sum(c.severity == s for c in fails) for s in ("error", "warning", "info")}
    return (
        f"{len(checks)} cross-checks: {passed} passed, {len(fails)} failed "
        f"({severity_counts(by_sev)}), "
        f"{skipped} skipped" + (f", {ignored} ignored" if ignored else "")
    )
