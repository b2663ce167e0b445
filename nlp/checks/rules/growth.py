"""NC102 growth-arithmetic and NC103 implied-prior-value.

"rose 49% to €1B from €671M" states three figures that must fit together:
(target/base - 1)·100 for a percent change, target - base for an absolute one
(money, number, or percentage points between two rates). All three are
intervals, so the check is whether the change its target and base allow
overlaps the change as stated. Multipliers ("doubled") are NC104's; a percent
change between two percents that reads as points is NC105's.

Which figures are the change, its target and its base is not decided here:
the rules read the `change_of` relations (`newscheck.nlp.relations.changes`),
which also find a base stated elsewhere for the prior period, a target in the
sentence before ("… cost £392,961. This is 64% more than …") and changes the
frames left as levels ("lifted sales by 12%", "11 per cent higher than").
NC103 shows the base a percent change to a target implies, as information.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import cast

from newscheck.nlp.checks.common import (
    Movement,
    agree,
    fmt,
    fmt_interval,
    implied_prior,
    is_numeric,
    iv6,
    kind_class,
    magnitude,
    movement,
    noun,
    r6,
    sentence_text,
    sig,
    span_of,
    truncated_size,
    value,
    verb,
)
from newscheck.nlp.checks.intervals import Interval
from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.types import CheckResult, Figure

#: A currency's value quoted as units per dollar: the yen "rose" when the
#: number of yen per dollar fell. Such a change reads on the inverse ratio.
FX_QUOTE = re.compile(
    r"\bagainst the (?:u\.s\. )?(?:dollar|yen|mark|pound|sterling|euro|franc|lira|yuan|won|rupee)s?\b|"
    r"\bexchange rates?\b|\bper (?:u\.s\. )?(?:dollar|euro|pound)\b",
    re.IGNORECASE,
)
_ABSOLUTE = {("money", "money"), ("number", "number"), ("points", "percent")}


@dataclass(frozen=True, slots=True)
class ChangeLink:
    """A `change_of` relation as figures: the change, the level it ends at and the one it starts from.

    The change is read as the relation's evidence says: its direction from the
    cue that made it a change ("higher than", "lifted … by"), and a bare number
    stated in points ("a 28-point jump") as points.
    """

    change: Figure
    to: Figure | None
    base: Figure | None

    @property
    def cross(self) -> bool:
        """The base is stated in another sentence than the change."""
        return self.base is not None and self.base.sentence != self.change.sentence


def change_links(ctx: CheckContext) -> list[ChangeLink]:
    if (cached := ctx.memo.get("change_links")) is not None:
        return cast(list[ChangeLink], cached)
    out: list[ChangeLink] = []
    for r in ctx.related("change_of"):
        c = ctx.figure(r.one("change"))
        if c is None or not is_numeric(c):
            continue
        direction = c.direction
        if direction is None:
            direction = (
                "down" if "cue_down" in r.evidence else "up" if "cue_up" in r.evidence else None
            )
        kind, unit = c.kind, c.unit
        if "change_points" in r.evidence:
            kind, unit = "points", "pp"
        c = replace(c, role="change", direction=direction, kind=kind, unit=unit)
        t, b = ctx.figure(r.one("to")), ctx.figure(r.one("from"))
        out.append(
            ChangeLink(
                c,
                t if t is not None and is_numeric(t) else None,
                b if b is not None and is_numeric(b) else None,
            )
        )
    ctx.memo["change_links"] = out
    return out


def _same_scale(t: Figure, b: Figure) -> bool:
    """Target and base measure in the same unit (two currencies are a conversion's business)."""
    return is_numeric(b) and kind_class(t) == kind_class(b) and t.unit == b.unit


def changes_with_target(ctx: CheckContext) -> Iterator[tuple[Figure, Figure, Figure | None]]:
    """Non-multiplier changes that state the level they end at, with the base if stated."""
    for link in change_links(ctx):
        c = link.change
        if link.to is None or kind_class(c) == "multiplier":
            continue
        yield c, link.to, link.base


def points_as_percent(c: Figure, mv: Movement) -> bool:
    """A change in points whose size is the relative change between the two rates.

    Read on the nominal relative change, to the precision the change is stated
    at: "2.9 percentage points" for 20.8% to 21.4% (a 2.88% rise) is the slip;
    "2 points" for 6.8% to 7% (2.9%) is just wrong, NC102's.
    """
    size, _ = magnitude(c)
    return mv.nominal_relative is not None and agree(size, (mv.nominal_relative,) * 2)


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
        for link in change_links(ctx):
            c, t, b = link.change, link.to, link.base
            if t is None or b is None or kind_class(c) == "multiplier" or not _same_scale(t, b):
                continue
            yield from self._fx_aware(ctx, c, t, b, cross=link.cross)

    def _fx_aware(
        self, ctx: CheckContext, c: Figure, t: Figure, b: Figure, *, cross: bool
    ) -> Iterator[CheckResult]:
        """Check a stated base; a currency quoted per dollar may read on the inverse ratio."""
        results = list(self._check(c, t, b, cross=cross))
        if any(r.status == "fail" for r in results) and FX_QUOTE.search(sentence_text(ctx, c)):
            inverse = list(self._check(c, b, t, cross=cross))
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
            if ck == "points" and not agree(size, mv.absolute) and points_as_percent(c, mv):
                return  # points that are the relative change: NC105 reports it
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
        for c, t, b in changes_with_target(ctx):
            # A percent target ("rose 10% to 5.5%") leaves points-or-percent open.
            if kind_class(c) != "percent" or kind_class(t) not in ("money", "number"):
                continue
            if b is not None:
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
