"""NC104 multiplier-word: "doubled", "tripled", "halved", "2x", "threefold".

Two checks: a multiplier with the levels it runs between (its `change_of`
relation: "doubled to €2B from €1B", target/base against the word), and a multiplier beside a percent
change of the same metric in the same sentence ("doubled, a 40% rise").

The word's value gets `MULTIPLIER_TOLERANCE` (10%) either side on top of the
figures' rounding: copy says "doubled" of a 1.9x rise without being wrong,
and 10% still tells doubling from a 50% rise or from "2.5 times".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newscheck.nlp.checks.common import (
    agree,
    fmt,
    fmt_interval,
    is_change,
    is_numeric,
    iv6,
    kind_class,
    magnitude,
    movement,
    multiplier_ratio,
    multiplier_value,
    noun,
    ref,
    sig,
    span_of,
    subject,
    value,
)
from newscheck.nlp.checks.intervals import Interval
from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.checks.rules.growth import change_links
from newscheck.nlp.types import CheckResult, Figure


def word_ratio(m: Figure) -> Interval:
    """The ratio a multiplier word allows; "more than tripled" is no less than three times.

    The tolerance for a loosely used word does not reach below a bound the
    writer set: a 2.7x rise is "nearly tripled", not "more than tripled". The
    levels' own rounding still widens the ratio they give.
    """
    lo, hi = multiplier_ratio(m)
    if m.approx in ("more_than", "at_least"):
        v = multiplier_value(m)
        if m.direction == "down":
            hi = min(hi, v)
        else:
            lo = max(lo, v)
    return lo, hi


def _as_percent(ratio: Interval) -> Interval:
    """A ratio new/old as the size of the percent rise or fall: 1.8..2.2 -> 80..120, 0.45..0.55 -> 45..55."""
    if ratio[1] <= 1:
        return ((1 - ratio[1]) * 100, (1 - ratio[0]) * 100)
    return ((ratio[0] - 1) * 100, (ratio[1] - 1) * 100)


def _percent_ratio(fig: Figure) -> Interval:
    """The ratio new/old a percent change states: "40% rise" -> 1.4, "50% fall" -> 0.5."""
    size, direction = magnitude(fig)
    if direction == "down":
        return (max(0.0, 1 - size[1] / 100), 1 - size[0] / 100)
    return (1 + size[0] / 100, 1 + size[1] / 100)


#: "... and provisions were more than doubled": a clause with its own
#: subject starts between two figures.
_NEW_SUBJECT = re.compile(
    r"\band\s+(?:the\s+|its\s+|their\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}\s+"
    r"(?:was|were|is|are|has|have|had)\b",
    re.IGNORECASE,
)


def _new_clause_between(ctx: CheckContext, a: Figure, b: Figure) -> bool:
    """Another subject's clause starts between two figures of one sentence.

    "Net profit fell 17.8 pct to 152.1 mln and provisions were more than
    doubled": the frames may give both the first clause's metric, but the
    multiplier is the provisions'.
    """
    first, second = (a, b) if a.a_start <= b.a_start else (b, a)
    return bool(_NEW_SUBJECT.search(ctx.text[first.a_end : second.a_start]))


@register
class MultiplierWord(Rule):
    id = "NC104"
    rule = "multiplier-word"
    name = "Multiplier word"
    severity = "error"
    description = "A multiplier word (doubled, tripled, halved, 2x) must match its levels and any percent beside it."
    triggers = (
        "Acme Corp said its cloud revenue doubled to $3 billion in 2025 from $1.2 billion in 2024.",
        "Nokia's operating profit doubled in 2025, an increase of 40%.",
        "Acme Corp's net profit halved to $300 million in 2025 from $900 million in 2024.",
    )
    passes = (
        "Acme Corp said its cloud revenue doubled to $2.4 billion in 2025 from $1.2 billion in 2024.",
        "Nokia's operating profit doubled in 2025, an increase of 100%.",
        "Acme Corp's net profit halved to $450 million in 2025 from $900 million in 2024.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        for m in ctx.figures:
            if m.kind != "multiplier" or not is_numeric(m) or value(m) <= 0:
                continue
            yield from self._levels(ctx, m)
            yield from self._beside(ctx, m)

    def _levels(self, ctx: CheckContext, m: Figure) -> Iterator[CheckResult]:
        link = next((k for k in change_links(ctx) if k.change.id == m.id), None)
        if link is None or link.to is None or link.base is None:
            return
        t, b = link.to, link.base
        if kind_class(t) != kind_class(b) or t.unit != b.unit:
            return
        mv = movement(t, b, None)
        if mv.ratio is None:
            return
        want = word_ratio(m)
        nominal = value(t) / value(b)
        figs = [m, t, b]
        details: dict[str, object] = {
            "stated_ratio": iv6(want),
            "implied_ratio": iv6(mv.ratio),
            "target": iv6(span_of(t)),
            "base": iv6(span_of(b)),
        }
        lead = f"{m.text} to {t.text} from {b.text}"
        shown = f"{fmt(nominal, 'multiplier', 'x')} ({fmt_interval(mv.ratio, 'multiplier', 'x')})"
        if agree(mv.ratio, want):
            yield self.result(
                "pass", f"{lead}: {t.text} is {shown} {b.text}, as stated", figs, details=details
            )
        else:
            msg = (
                f"{lead}: {t.text} is {shown} {b.text}, not "
                f"{fmt_interval(want, 'multiplier', 'x')} as {m.text} says"
            )
            yield self.result("fail", msg, figs, details=details)

    def _beside(self, ctx: CheckContext, m: Figure) -> Iterator[CheckResult]:
        if m.metric is None:
            return
        want = word_ratio(m)
        pct = _as_percent(want)
        key = (m.metric, m.segment, m.entity, m.period)
        for p in ctx.figures:
            if p.sentence != m.sentence or kind_class(p) != "percent" or not is_numeric(p):
                continue
            if _new_clause_between(ctx, m, p):
                continue
            if not is_change(p) or (p.metric, p.segment, p.entity, p.period) != key:
                continue
            stated = _percent_ratio(p)
            details: dict[str, object] = {
                "multiplier_ratio": iv6(want),
                "percent_ratio": iv6(stated),
            }
            r = multiplier_value(m)
            word = f"{m.text} is a {sig(abs(r - 1) * 100)}% {noun('up' if r >= 1 else 'down')}"
            if agree(stated, want):
                msg = f"{ref(m)} and {ref(p)} agree on {subject(ctx, m)}: {word}"
                yield self.result("pass", msg, [m, p], details=details)
            else:
                msg = (
                    f"{ref(m)} and {ref(p)} disagree on {subject(ctx, m)}: {word} "
                    f"({fmt_interval(pct, 'percent', '%')} allowing for the word), not {p.text}"
                )
                yield self.result("fail", msg, [m, p], details=details)
