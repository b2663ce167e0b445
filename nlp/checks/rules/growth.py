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
    comparable_size,
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
    truncated_size,
    value,
    verb,
)
from newscheck.nlp.checks.intervals import Interval
from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.types import CheckResult, Figure

FROM_BEFORE = re.compile(r"\bfrom\s*(?:about\s+|around\s+|some\s+)?$", re.IGNORECASE)
#: A finite verb of change: between a change and the level the frames linked
#: to it, it means the level belongs to another verb ("freight climbed 17 pct,
#: though the load factor fell to 68.8 pct from 70 pct").
CHANGE_VERB = re.compile(
    r"\b(?:rose|risen|rises|fell|fallen|falls|dropped|drops|declined|declines|climbed|climbs|"
    r"increased|increases|decreased|decreases|jumped|jumps|slipped|slips|slumped|soared|surged|"
    r"gained|grew|grown|grows|plunged|plummeted|tumbled|eased|edged|advanced|dipped|sank|"
    r"shrank|expanded|was cut|were cut|was raised|were raised)\b",
    re.IGNORECASE,
)
#: A currency's value quoted as units per dollar: the yen "rose" when the
#: number of yen per dollar fell. Such a change reads on the inverse ratio.
FX_QUOTE = re.compile(
    r"\bagainst the (?:u\.s\. )?(?:dollar|yen|mark|pound|sterling|euro|franc|lira|yuan|won|rupee)s?\b|"
    r"\bexchange rates?\b|\bper (?:u\.s\. )?(?:dollar|euro|pound)\b",
    re.IGNORECASE,
)
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
    for f in ctx.figures_in(target.sentence):
        if (
            f.a_start < target.a_start
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


def _between(a: Figure, b: Figure) -> tuple[int, int]:
    first, second = (a, b) if a.a_start <= b.a_start else (b, a)
    return first.a_end, second.a_start


def _other_verb_between(ctx: CheckContext, change: Figure, target: Figure) -> bool:
    """A verb of change stands between the change and its target: the target is another verb's."""
    if change.sentence != target.sentence:
        return False
    lo, hi = _between(change, target)
    return bool(CHANGE_VERB.search(ctx.text[lo:hi]))


_DURATION = re.compile(r"\s*(?:months?|weeks?|days?|years?|quarters?|hours?)\b", re.IGNORECASE)


def _duration(ctx: CheckContext, f: Figure) -> bool:
    """'the three months to February': a length of time, not a level."""
    return f.kind == "number" and bool(_DURATION.match(ctx.text, f.a_end))


def _nearer_level(ctx: CheckContext, change: Figure, target: Figure, base: Figure) -> bool:
    """Another level stands between the change and its base: the base is that level's "from".

    "AMC 1,198, down 50 pct, Volkswagen 2,145, down from 3,342": 3,342 is
    Volkswagen's prior, not AMC's.
    """
    if change.sentence != base.sentence:
        return False
    lo, hi = _between(change, base)
    # A number the recognisers did not take as a figure counts too; the
    # target and dates ("in 2026") between the two do not.
    skip = [
        (f.a_start, f.a_end)
        for f in ctx.figures
        if f.id == target.id or f.kind in ("date", "period") or _duration(ctx, f)
    ]
    rest = "".join(
        ch for i, ch in enumerate(ctx.text[lo:hi], lo) if not any(a <= i < b for a, b in skip)
    )
    if re.search(r"\d", rest):
        return True
    return any(
        f.sentence == base.sentence
        and lo <= f.a_start < hi
        and f.id not in (target.id, base.id, change.id)
        and f.role == "level"
        and is_numeric(f)
        and kind_class(f) == kind_class(base)
        and not _duration(ctx, f)
        for f in ctx.figures
    )


def _plausible_prior(change: Figure, target: Figure, base: Figure) -> bool:
    """A level found elsewhere is the change's base only if it is near the base the change implies.

    A prior level more than twice or less than half the implied one is a
    different measure the frames gave the same name (a company's turnover for
    one market's unit sales), not a wrong figure.
    """
    if kind_class(change) != "percent":
        return True
    implied = implied_prior(target, change)
    return implied is None or comparable_size(implied[0], value(base))


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
            if _other_verb_between(ctx, c, t):
                continue
            stated_base = ctx.figure(c.base) or _from_in_clause(ctx, c, t)
            if stated_base is not None:
                if _same_scale(t, stated_base) and not _nearer_level(ctx, c, t, stated_base):
                    yield from self._fx_aware(ctx, c, t, stated_base)
            elif (b := prior_level(ctx, c, t)) is not None and _plausible_prior(c, t, b):
                yield from self._check(c, t, b, cross=True)

    def _fx_aware(
        self, ctx: CheckContext, c: Figure, t: Figure, b: Figure
    ) -> Iterator[CheckResult]:
        """Check a stated base; a currency quoted per dollar may read on the inverse ratio."""
        results = list(self._check(c, t, b, cross=False))
        if any(r.status == "fail" for r in results) and FX_QUOTE.search(sentence_text(ctx, c)):
            inverse = list(self._check(c, b, t, cross=False))
            if inverse and all(r.status == "pass" for r in inverse):
                results = inverse
        yield from results

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
            if (mv.relative and agree(truncated_size(c)[0], mv.relative)) or agree(
                size, mv.absolute
            ):
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
        # Rounded or truncated: see `truncated_size`.
        size, _ = truncated_size(c)
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
