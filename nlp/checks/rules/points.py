"""NC105 percent-vs-points: "rose from 5% to 7%, an increase of 2%".

Between two percents, a change in % is a relative change (7/5 - 1 = 40%); the
difference (2) is in percentage points. A stated "2%" that matches the point
difference but not the relative change is the classic slip, a warning since
some copy uses "%" loosely for points. A change matching the relative change
passes; one matching neither is an arithmetic error, reported by NC102.
The same slip the other way is flagged too: "10 points" stated for 50% to
55%, which is 5 points and a 10% relative rise.
"""

from __future__ import annotations

from collections.abc import Iterator

from newscheck.nlp.checks.common import (
    Movement,
    agree,
    iv6,
    kind_class,
    magnitude,
    movement,
    noun,
    sig,
)
from newscheck.nlp.checks.intervals import Interval
from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.checks.rules.growth import changes_with_target, points_as_percent
from newscheck.nlp.types import CheckResult, Figure


@register
class PercentVsPoints(Rule):
    id = "NC105"
    rule = "percent-vs-points"
    name = "Percent or points"
    severity = "warning"
    description = (
        "A % change between two percents that is really the difference in percentage points."
    )
    triggers = (
        "The jobless rate rose 2% to 7% in March from 5% in February, the statistics office said.",
        "Acme Corp's operating margin fell 3% to 9% in 2025 from 12% in 2024.",
        "Turnout reached 55 per cent, up from 50 per cent in 2022, a rise of 10 percentage points.",
    )
    passes = (
        "The jobless rate rose 2 percentage points to 7% in March from 5% in February.",
        "The jobless rate rose 40% to 7% in March from 5% in February, the statistics office said.",
        "Acme Corp's operating margin fell 25% to 9% in 2025 from 12% in 2024.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        for c, t, b in changes_with_target(ctx):
            if b is None or kind_class(t) != "percent" or kind_class(b) != "percent":
                continue
            if kind_class(c) == "percent":
                yield from self._percent(c, t, b)
            elif kind_class(c) == "points":
                yield from self._points(c, t, b)

    def _percent(self, c: Figure, t: Figure, b: Figure) -> Iterator[CheckResult]:
        size, stated_dir = magnitude(c)
        mv = movement(t, b, stated_dir)
        if mv.contradicts or mv.relative is None or mv.nominal_relative is None:
            return  # a rise to a lower rate is NC102's error
        rel_ok = agree(size, mv.relative)
        pts_ok = agree(size, mv.absolute)
        span = f"from {b.text} to {t.text}"
        points = f"{sig(mv.nominal_absolute)} percentage points"
        relative = f"a {sig(mv.nominal_relative)}% relative {noun(mv.direction)}"
        details = _details(size, mv)
        if rel_ok:
            msg = f"{c.text} {noun(mv.direction)} {span} is {relative} ({points}), as stated"
            yield self.result("pass", msg, [c, t, b], details=details)
        elif pts_ok:
            msg = f"{c.text} stated (line {c.line}); {span} is {points}, {relative}"
            yield self.result("fail", msg, [c, t, b], details=details)

    def _points(self, c: Figure, t: Figure, b: Figure) -> Iterator[CheckResult]:
        """The slip the other way: points stated that are the relative change in %."""
        size, stated_dir = magnitude(c)
        mv = movement(t, b, stated_dir)
        if mv.contradicts or mv.nominal_relative is None or agree(size, mv.absolute):
            return
        if points_as_percent(c, mv):
            msg = (
                f"{c.text} stated (line {c.line}); from {b.text} to {t.text} is "
                f"{sig(mv.nominal_absolute)} percentage points, a {sig(mv.nominal_relative)}% "
                f"relative {noun(mv.direction)}"
            )
            yield self.result("fail", msg, [c, t, b], details=_details(size, mv))


def _details(size: Interval, mv: Movement) -> dict[str, object]:
    return {
        "stated": iv6(size),
        "implied_percent": iv6(mv.relative),
        "implied_points": iv6(mv.absolute),
    }
