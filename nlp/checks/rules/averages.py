"""NC125 average-arithmetic: an average stated with its total and count must be their quotient.

The rule reads the `average_of` relations (average, total, count): a total
sales value and a number of sales against the stated average price, hours
lost and arrivals against the stated minutes per arrival. Durations are
compared in one unit (the proposer reads "hours", "minutes" after them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newscheck.nlp.checks.common import fmt, fmt_interval, iv6, kind_class, ref, span_of
from newscheck.nlp.checks.intervals import divide, overlaps, scale
from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.relations.averages import DURATION
from newscheck.nlp.relations.parts import noun_after_text
from newscheck.nlp.types import CheckResult, Figure


def _seconds(ctx: CheckContext, fig: Figure) -> float | None:
    return DURATION.get(noun_after_text(ctx.text, fig) or "")


def _unit_word(ctx: CheckContext, fig: Figure) -> str:
    m = re.match(r"\s*([A-Za-z]+)", ctx.text[fig.a_end : fig.a_end + 20])
    return m.group(1) if m else ""


@register
class AverageArithmetic(Rule):
    id = "NC125"
    rule = "average-arithmetic"
    name = "Average arithmetic"
    severity = "warning"
    description = (
        "An average given with its total and its count must be the total divided by the count."
    )
    triggers = (
        "Orrin Motors sold 1,250 vans last year. The vans brought in a total of £40 million, "
        "an average price of £36,000 each.",
        "Staff logged 1,800 hours of overtime in total across 240 shifts, an average of "
        "400 minutes per shift.",
    )
    passes = (
        "Orrin Motors sold 1,250 vans last year. The vans brought in a total of £40 million, "
        "an average price of £32,000 each.",
        "Staff logged 1,800 hours of overtime in total across 240 shifts, an average of "
        "450 minutes per shift.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        for rel in ctx.related("average_of"):
            if (figs := ctx.playing(rel, "average", "total", "count")) is None:
                continue
            avg, total, count = figs
            quotient = divide(span_of(total), span_of(count))
            if quotient is None:
                continue
            factor = 1.0
            if kind_class(avg) != "money":
                t, a = _seconds(ctx, total), _seconds(ctx, avg)
                if t is None or a is None:
                    continue
                factor = t / a
            implied = scale(quotient, factor)
            stated = span_of(avg)
            nominal = factor * float(total.value) / float(count.value)  # type: ignore[arg-type]
            details: dict[str, object] = {
                "implied": iv6(implied),
                "stated": iv6(stated),
                "relation": list(rel.evidence),
            }
            unit_kind = kind_class(avg)
            # A duration's unit is the word after it: "450 minutes".
            word = "" if unit_kind == "money" else f" {_unit_word(ctx, avg)}"
            shown = fmt_interval(implied, unit_kind, avg.unit)
            implied_text = f"{fmt(nominal, unit_kind, avg.unit)}{word} ({shown})"
            if overlaps(implied, stated):
                msg = f"{ref(avg)} is {ref(total)} over {ref(count)}: {implied_text}"
                yield self.result("pass", msg, figs, details=details)
            else:
                msg = f"{ref(total)} over {ref(count)} is an average of {implied_text}, not {ref(avg)}"
                yield self.result("fail", msg, figs, details=details)
