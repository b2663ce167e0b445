"""NC102 growth-arithmetic and NC103 implied-prior-value.

"rose 49% to €1B from €671M" states three figures that must fit together:
(target/base - 1)·100 for a percent change, target - base for an absolute one
(money, number, or percentage points between two rates). All three are
intervals, so the check is whether the change its target and base allow
overlaps the change as stated. Multipliers ("doubled") are NC104's; a percent
change between two percents that reads as points is NC105's.

When the base is not in the clause, a level of the same metric stated for the
prior period elsewhere in the text serves as one; NC103 shows the base a
percent change to a target implies, as information.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newscheck.nlp.checks.common import (
    agree,
    basis,
    context_marks,
    fmt,
    fmt_interval,
    implied_prior,
    is_change,
    is_numeric,
    iv6,
    just_before,
    kind_class,
    magnitude,
    movement,
    noun,
    prior_period,
    r6,
    resolved_period,
    sane_metric,
    sentence_text,
    sig,
    span_of,
    superseded,
    value,
    verb,
)
from newscheck.nlp.checks.intervals import Interval
from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.types import CheckResult, Figure

FROM_BEFORE = re.compile(r"\bfrom\s*(?:about\s+|around\s+|some\s+)?$", re.IGNORECASE)
_ABSOLUTE = {("money", "money"), ("number", "number"), ("points", "percent")}


def _same_scale(t: Figure, b: Figure) -> bool:
    """Target and base measure in the same unit (two currencies are a conversion's business)."""
    return is_numeric(b) and kind_class(t) == kind_class(b) and t.unit == b.unit


def changes_with_target(ctx: CheckContext) -> Iterator[tuple[Figure, Figure]]:
    """Non-multiplier changes that state the level they end at."""
    for c in ctx.figures:
        if not is_numeric(c) or not is_change(c) or kind_class(c) == "multiplier":
            continue
        t = ctx.figure(c.target)
        if t is not None and is_numeric(t):
            yield c, t


def _from_in_clause(ctx: CheckContext, change: Figure, target: Figure) -> Figure | None:
    """The base of "climbed from $40M to $52M, up 20%" when the frames linked only the target.

    A level of the target's metric and unit, right after "from", before the
    target in the same sentence.
    """
    for f in ctx.figures:
        if (
            f.sentence == target.sentence
            and f.a_start < target.a_start
            and f.id not in (change.id, target.id)
            and f.role == "level"
            and (f.metric, f.segment, f.entity) == (target.metric, target.segment, target.entity)
            and _same_scale(target, f)
            and FROM_BEFORE.search(just_before(ctx, f))
        ):
            return f
    return None


def prior_level(ctx: CheckContext, change: Figure, target: Figure) -> Figure | None:
    """A level of the target's metric stated for the period the change runs from.

    Only when all such levels agree with one another: two different prior
    values mean the frames cannot tell which one the change is against.
    """
    period = change.period if resolved_period(change.period) else target.period
    if not resolved_period(period) or target.entity is None or not sane_metric(target):
        return None
    cue = basis(sentence_text(ctx, change))
    prior = prior_period(period, cue) if cue else None
    if prior is None:
        return None
    marks = context_marks(ctx, target)
    found = [
        f
        for f in ctx.figures
        if f.id != target.id
        and f.role == "level"
        and f.converts is None
        and f.period == prior
        and (f.metric, f.segment, f.entity) == (target.metric, target.segment, target.entity)
        and _same_scale(target, f)
        and context_marks(ctx, f)[:2] == marks[:2]
        # A year-earlier level is just what is wanted here; a superseded one is not.
        and not superseded(ctx, f)
    ]
    if not found or any(not agree(span_of(found[0]), span_of(f)) for f in found[1:]):
        return None
    return found[0]


@register
class GrowthArithmetic(Rule):
    id = "NC102"
    rule = "growth-arithmetic"
    name = "Growth arithmetic"
    severity = "error"
    description = "A change stated with the levels it runs from and to must match them."
    triggers = (
        "Acme Corp said revenue rose 20% to $1.5 billion in the first quarter from $1.0 billion "
        "a year earlier.",
        "Nokia's operating profit fell 10% to €800 million in 2025 from €1 billion in 2024.",
        "In the first quarter of 2025, Acme Corp's revenue was $1.0 billion. In the first quarter "
        "of 2026, Acme Corp's revenue rose 20% to $1.5 billion.",
        "The jobless rate rose 2 percentage points to 7% in March 2026 from 6.8% in February.",
    )
    passes = (
        "Acme Corp said revenue rose 20% to $1.2 billion in the first quarter from $1.0 billion "
        "a year earlier.",
        "Nokia's AI & Cloud revenue rose 49% to €1 billion in the first quarter of 2026 from "
        "€671 million a year earlier.",
        "Nokia's operating profit fell €200 million to €800 million in 2025 from €1 billion in 2024.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        for c, t in changes_with_target(ctx):
            stated_base = ctx.figure(c.base) or _from_in_clause(ctx, c, t)
            if stated_base is not None:
                if _same_scale(t, stated_base):
                    yield from self._check(c, t, stated_base, cross=False)
            elif (b := prior_level(ctx, c, t)) is not None:
                yield from self._check(c, t, b, cross=True)

    def _check(self, c: Figure, t: Figure, b: Figure, *, cross: bool) -> Iterator[CheckResult]:
        size, stated_dir = magnitude(c)
        mv = movement(t, b, stated_dir)
        ck, tk = kind_class(c), kind_class(t)
        base_text = f"{b.text} (line {b.line}, {b.period})" if cross else b.text
        lead = f"{verb(mv.direction)} {c.text} to {t.text} from {base_text}"
        figs = [c, t, b]
        details: dict[str, object] = {
            "stated": iv6(size),
            "target": iv6(span_of(t)),
            "base": iv6(span_of(b)),
            "direction": mv.direction,
        }
        if mv.contradicts:
            shown = mv.shown or mv.direction
            rel = (
                f"a {sig(abs(value(t) / value(b) - 1) * 100)}% {noun(shown)}"
                if value(b) > 0
                else f"a {noun(shown)}"
            )
            side = "lower" if shown == "down" else "higher"
            msg = f"{lead}: but {t.text} is {side} than {b.text}, {rel}"
            yield self.result("fail", msg, figs, details=details)
            return
        if ck == "percent" and tk in ("money", "number"):
            yield from self._relative(
                c, t, b, lead, mv.relative, mv.nominal_relative, details, cross=cross
            )
        elif ck == "percent" and tk == "percent":
            # Reads right as points or as a relative change: NC105 reports it.
            if (mv.relative and agree(size, mv.relative)) or agree(size, mv.absolute):
                return
            rel = (
                f" or a {sig(mv.nominal_relative)}% relative {noun(mv.direction)}"
                if mv.nominal_relative is not None
                else ""
            )
            msg = (
                f"{lead}: that is {sig(mv.nominal_absolute)} percentage points{rel}; "
                f"neither is {c.text}"
            )
            details["implied_points"] = iv6(mv.absolute)
            details["implied_percent"] = iv6(mv.relative)
            yield self.result("fail", msg, figs, details=details)
        elif (ck, tk) in _ABSOLUTE and (ck == "points" or c.unit == t.unit):
            details["implied"] = iv6(mv.absolute)
            details["implied_nominal"] = r6(mv.nominal_absolute)
            unit = "pp" if ck == "points" else t.unit
            kind = "points" if ck == "points" else tk
            diff = fmt(mv.nominal_absolute, kind, unit)
            span = fmt_interval(mv.absolute, kind, unit)
            if agree(size, mv.absolute):
                yield self.result(
                    "pass",
                    f"{lead}: a {noun(mv.direction)} of {diff} ({span}), as stated",
                    figs,
                    details=details,
                )
            else:
                msg = f"{lead}: the {noun(mv.direction)} is {diff} ({span}), not {c.text}"
                yield self.result("fail", msg, figs, details=details)

    def _relative(
        self,
        c: Figure,
        t: Figure,
        b: Figure,
        lead: str,
        relative: Interval | None,
        nominal: float | None,
        details: dict[str, object],
        *,
        cross: bool,
    ) -> Iterator[CheckResult]:
        if relative is None or nominal is None:
            return
        size, _ = magnitude(c)
        details["implied"] = iv6(relative)
        details["implied_nominal"] = r6(nominal)
        direction = "down" if c.direction == "down" else "up"
        change = f"a {sig(nominal)}% {noun(direction)} ({fmt_interval(relative, 'percent', '%')})"
        figs = [c, t, b]
        if agree(size, relative):
            yield self.result("pass", f"{lead}: {change}, as stated", figs, details=details)
            return
        prior = implied_prior(t, c)
        said = f"{b.text} (line {b.line})" if cross else b.text
        if prior is None:
            msg = f"{lead}: from {b.text} to {t.text} is {change}, not {c.text}"
        else:
            nominal_prior, prior_iv = prior
            details["implied_prior"] = iv6(prior_iv)
            msg = (
                f"{verb(direction)} {c.text} to {t.text} implies a prior value of "
                f"{fmt(nominal_prior, t.kind, t.unit)} ({fmt_interval(prior_iv, t.kind, t.unit)}); "
                f"the text states {said}: that is {change}"
            )
        yield self.result("fail", msg, figs, details=details)


@register
class ImpliedPriorValue(Rule):
    id = "NC103"
    rule = "implied-prior-value"
    name = "Implied prior value"
    severity = "info"
    description = (
        "The prior value a percent change to a stated level implies, for the reader to verify."
    )
    # An information finding is never a failure: it has no trigger texts, and
    # its examples are texts where it shows a value (status "pass").
    passes = (
        "Nokia's AI & Cloud revenue rose 49% to €1 billion in the first quarter of 2026.",
        "Acme Corp said quarterly revenue fell 12% to $880 million.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        for c, t in changes_with_target(ctx):
            # A percent target ("rose 10% to 5.5%") leaves points-or-percent open.
            if kind_class(c) != "percent" or kind_class(t) not in ("money", "number"):
                continue
            if c.base is not None or _from_in_clause(ctx, c, t) is not None:
                continue
            prior = implied_prior(t, c)
            if prior is None:
                continue
            nominal, iv = prior
            msg = (
                f"{verb(c.direction)} {c.text} to {t.text} implies a prior value of about "
                f"{fmt(nominal, t.kind, t.unit)} ({fmt_interval(iv, t.kind, t.unit)})"
            )
            details: dict[str, object] = {"implied_prior": iv6(iv), "implied_nominal": r6(nominal)}
            yield self.result("pass", msg, [c, t], details=details)
