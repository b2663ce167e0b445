"""NC124 share-arithmetic: a share stated with its part and its whole must be their ratio.

The rule reads the `share_of` relations (share, part, whole): "830, or 21.5 per
cent of the overall total" with the total stated earlier, "£2.9bn, or 41 per
cent of revenue" with revenue stated, "Of the 700 pupils ..., 380, more than
half". A share in words ("half", "a third") stands for a
rounded fraction; "more than"/"less than" make it one-sided.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from newscheck.nlp.checks.common import fmt_interval, iv6, kind_class, ref, sig, span_of
from newscheck.nlp.checks.intervals import Interval, divide, overlaps, scale
from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.types import CheckResult, Figure

#: How far a share in words may be from the exact ratio: "a third" for 31-36%.
WORDS_SLACK = 0.10


def share_interval(fig: Figure) -> Interval:
    """What a stated share allows, in per cent."""
    if kind_class(fig) == "percent":
        lo, hi = span_of(fig)
        if not any(c.isdigit() for c in fig.text):
            # "nine pct" is written to the unit: 8.5-9.5.
            v = float(fig.value)  # type: ignore[arg-type]
            return (min(lo, v - 0.5), max(hi, v + 0.5))
        return lo, hi
    v = float(fig.value) * 100  # type: ignore[arg-type]
    match fig.approx:
        case "more_than" | "at_least":
            return (v, math.inf)
        case "less_than" | "up_to":
            return (-math.inf, v)
        case "nearly":
            return (v * (1 - 2 * WORDS_SLACK), v)
    return (v * (1 - WORDS_SLACK), v * (1 + WORDS_SLACK))


@register
class ShareArithmetic(Rule):
    id = "NC124"
    rule = "share-arithmetic"
    name = "Share arithmetic"
    severity = "warning"
    description = "A share given with its part and its whole must be the part divided by the whole."
    triggers = (
        "The agency counted 3,200 complaints in the year. Of the 3,200 complaints, 1,450, more "
        "than half, concerned late deliveries.",
        "Brindle Foods reported revenue of £8.4 billion for 2025. Its bakery arm contributed "
        "£2.9 billion, or 41 per cent of revenue, the company said.",
    )
    passes = (
        "The agency counted 3,200 complaints in the year. Of the 3,200 complaints, 1,750, more "
        "than half, concerned late deliveries.",
        "Brindle Foods reported revenue of £8.4 billion for 2025. Its bakery arm contributed "
        "£2.9 billion, or 35 per cent of revenue, the company said.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        for rel in ctx.related("share_of"):
            if (figs := ctx.playing(rel, "share", "part", "whole")) is None:
                continue
            share, part, whole = figs
            ratio = divide(span_of(part), span_of(whole))
            if ratio is None:
                continue
            implied = scale(ratio, 100.0)
            stated = share_interval(share)
            nominal = 100 * float(part.value) / float(whole.value)  # type: ignore[arg-type]
            details: dict[str, object] = {
                "implied": iv6(implied),
                "stated": iv6(stated),
                "relation": list(rel.evidence),
            }
            implied_text = f"{sig(nominal)}% ({fmt_interval(implied, 'percent', '%')})"
            if overlaps(implied, stated):
                msg = f"{ref(share)} is {ref(part)} of {ref(whole)}: {implied_text}"
                yield self.result("pass", msg, figs, details=details)
            else:
                msg = f"{ref(part)} of {ref(whole)} is {implied_text}, not {ref(share)}"
                yield self.result("fail", msg, figs, details=details)
