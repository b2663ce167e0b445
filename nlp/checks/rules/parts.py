"""Parts and wholes: NC121 part-exceeds-whole, NC122 parts-sum-to-total, NC123 shares-over-100.

The rules read the relations (`nlp/relations/parts.py`, `shares.py`,
`listed.py`): `part_of` (a segment's level against the group's, "40 of last
year's burglaries", "..., including 13,100", "£1.18bn of that total"),
`sum_of` with a total (a breakdown led by its whole, amounts listed after
"split between" or "of which", a list after the whole is named, a table's
total row; all of it only when the words say so, else only an excess is
wrong) and `sum_of` without one (shares of one whole: all of 100% when the
words say so, else at most 100%).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import replace

from newscheck.nlp.checks.common import (
    add,
    agree,
    display_segment,
    fmt,
    fmt_interval,
    iv6,
    kind_class,
    r6,
    ref,
    sig,
    span_of,
    subject,
)
from newscheck.nlp.checks.intervals import Interval
from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.relations.listed import composition, share
from newscheck.nlp.types import CheckResult, Figure, Relation

#: Evidence of a list of shares the words present as all of their whole (`listed.py`).
_COMPLETE_SHARES = "listed_shares"


def _count_span(fig: Figure) -> Interval:
    """A whole count written out ("19", "nine") is exact: seats and deaths come in units."""
    lo, hi = span_of(fig)
    v = fig.value
    if (
        fig.kind == "number"
        and fig.approx is None
        and isinstance(v, int | float)
        and float(v).is_integer()
        and hi - lo <= 1
        and not re.search(
            r"(?i)\b(?:thousand|million|billion|mln|bln|bn|lakh|crore)\b|\dk\b", fig.text
        )
    ):
        return (float(v), float(v))
    return lo, hi


def _total(figs: list[Figure]) -> Interval:
    lo, hi = 0.0, 0.0
    for f in figs:
        lo, hi = add((lo, hi), _count_span(f))
    return lo, hi


def _excess(part: Figure, whole: Figure) -> str:
    """ "at least £1.18B against at most £940.05M": the least the part can be, the most the whole."""
    low, high = span_of(part)[0], span_of(whole)[1]
    return f"at least {fmt(low, part.kind, part.unit)} against at most {fmt(high, whole.kind, whole.unit)}"


def _names(figs: list[Figure]) -> str:
    return " + ".join(f'"{f.text}"' for f in figs)


#: Measures that are, by their name, the sum of their parts. A whole of NC121
#: must be one: "bonds", "institutes" or "leaders" name a set the frames
#: could not count reliably, and "world" or "system" no measure at all.


@register
class PartExceedsWhole(Rule):
    id = "NC121"
    rule = "part-exceeds-whole"
    name = "Part exceeds whole"
    severity = "error"
    description = "A segment's figure cannot be larger than the same figure for the whole."
    triggers = (
        "In the first quarter of 2026, Nokia's AI & Cloud revenue was €5.2 billion. "
        "In the first quarter of 2026, Nokia's revenue was €4.5 billion.",
        "Acme Corp's total revenue for 2025 was $750 million, and Acme Corp's cloud revenue "
        "reached $900 million in 2025.",
        "Acme Corp will invest $900 million next year. Its software arm will spend $1.2 billion "
        "of that total on data centres.",
        "The depot handled 8,200 parcels on Monday, including 9,100 overseas ones.",
        "The helpline took 1,240 calls in March, and 1,410 of them were about billing.",
        "Marlow Tools said its domestic sales rose to 410 mln dlrs in 2025, while sales from "
        "overseas markets rose to 180 mln dlrs. Weaker sterling contributed about 212 mln dlrs "
        "to overseas sales in 2025.",
    )
    passes = (
        "In the first quarter of 2026, Nokia's AI & Cloud revenue was €1 billion. "
        "In the first quarter of 2026, Nokia's revenue was €4.5 billion.",
        "Acme Corp's total revenue for 2025 was $750 million, and Acme Corp's cloud revenue "
        "reached $600 million in 2025.",
        "Acme Corp will invest $900 million next year. Its software arm will spend $300 million "
        "of that total on data centres.",
        "The depot handled 8,200 parcels on Monday, including 1,900 overseas ones.",
        "The helpline took 1,240 calls in March, and 410 of them were about billing.",
        "Marlow Tools said its domestic sales rose to 410 mln dlrs in 2025, while sales from "
        "overseas markets rose to 180 mln dlrs. Weaker sterling contributed about 12 mln dlrs "
        "to overseas sales in 2025.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        for rel in ctx.related("part_of"):
            figs = ctx.playing(rel, "part", "whole")
            if figs is None:
                continue
            part, whole = figs
            p, w = span_of(part), span_of(whole)
            details: dict[str, object] = {
                "part": iv6(p),
                "whole": iv6(w),
                "relation": list(rel.evidence),
            }
            over = p[0] > w[1]
            yield self.result(
                "fail" if over else "pass",
                self._message(ctx, rel, part, whole, over=over),
                [part, whole],
                details=details,
            )

    @staticmethod
    def _message(
        ctx: CheckContext, rel: Relation, part: Figure, whole: Figure, *, over: bool
    ) -> str:
        """Worded by what links the two: a named segment, "of that total", or other words."""
        if "named_part" in rel.evidence:
            seg = display_segment(ctx, part)
            if over:
                return (
                    f"{ref(part)} for {seg} is more than {ref(whole)} for all of "
                    f"{subject(ctx, whole)}: {_excess(part, whole)}"
                )
            return f"{ref(part)} for {seg} fits within {ref(whole)} for {subject(ctx, whole)}"
        if "that_total" in rel.evidence:
            # The whole is the largest amount "that total" may point at.
            if over:
                return (
                    f"{ref(part)} is given as part of an amount stated before it, but is more "
                    f"than {ref(whole)}, the largest such amount: {_excess(part, whole)}"
                )
            return f"{ref(part)}, part of an amount stated before it, fits within {ref(whole)}"
        if over:
            return (
                f"{ref(part)} is given as part of {ref(whole)} but is more than it: "
                f"{_excess(part, whole)}"
            )
        return f"{ref(part)} fits within {ref(whole)}, the whole it is part of"


@register
class PartsSumToTotal(Rule):
    id = "NC122"
    rule = "parts-sum-to-total"
    name = "Parts sum to total"
    severity = "error"
    description = "Parts the text says make up a whole must add up to it, within rounding."
    triggers = (
        "Acme Corp's revenue of $4.5 billion in 2025 was split between $3 billion from hardware "
        "and $1 billion from software.",
        "Acme Corp's revenue in 2025 was split between hardware, which accounted for 60% of "
        "revenue, and software, which accounted for 30% of revenue.",
        "Of the 64 complaints, 30 were about noise, 22 about parking and 15 about litter.",
        "Of the chamber's 50 seats, the Greens won 24, the Liberals 17 and Plaid Cymru 11.",
        "The number of road deaths in the province reached 50 last year. All of the deaths "
        "occurred in three towns: 20 in Alpha, 17 in Beta and 9 in Gamma.",
        "Employers added 90,000 jobs in May. Retail added 40,000 jobs, transport 25,000 and "
        "health 15,000. Those three made up all but 6,000 of the new jobs.",
    )
    passes = (
        "Acme Corp's revenue of $4.5 billion in 2025 was split between $3 billion from hardware "
        "and $1.5 billion from software.",
        "Acme Corp's revenue in 2025 was split between hardware, which accounted for 60% of "
        "revenue, and software, which accounted for 40% of revenue.",
        "Acme Corp's revenue of $4.5 billion in 2025 included $3 billion from hardware and $1 billion "
        "from software.",
        "Of the 64 complaints, 30 were about noise, 22 about parking and 8 about litter.",
        "Of the chamber's 50 seats, the Greens won 24, the Liberals 14 and Plaid Cymru 11.",
        "The number of road deaths in the province reached 50 last year. All of the deaths "
        "occurred in three towns: 20 in Alpha, 17 in Beta and 13 in Gamma.",
        "Employers added 90,000 jobs in May. Retail added 40,000 jobs, transport 25,000 and "
        "health 15,000. Those three made up all but 10,000 of the new jobs.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        """A list the text does not call complete may leave parts out, so it is only wrong
        when it adds up to more than its total."""
        for rel in ctx.related("sum_of"):
            parts = [p for i in rel.ids("part") if (p := ctx.figure(i)) is not None]
            if len(parts) < 2:
                continue
            whole = ctx.figure(rel.one("total"))
            if whole is None:
                if _COMPLETE_SHARES in rel.evidence:
                    yield self._hundred(rel, parts)
                continue
            complete = "complete_cue" in rel.evidence or "table_total" in rel.evidence
            for res in self._judge(ctx, whole, parts, complete=complete):
                details = dict(res.details)
                details["relation"] = list(rel.evidence)
                yield replace(res, details=tuple(sorted(details.items())))

    def _judge(
        self, ctx: CheckContext, whole: Figure, parts: list[Figure], *, complete: bool
    ) -> Iterator[CheckResult]:
        total, w = _total(parts), _count_span(whole)
        nominal = sum(float(p.value) for p in parts if isinstance(p.value, int | float))
        details: dict[str, object] = {
            "parts_sum": iv6(total),
            "whole": iv6(w),
            "complete": complete,
        }
        figs = [whole, *parts]
        names = _names(parts)
        sum_text = f"{fmt(nominal, whole.kind, whole.unit)} ({fmt_interval(total, whole.kind, whole.unit)})"
        ok = agree(total, w) if complete else total[0] <= w[1]
        if ok:
            how = "add up to" if complete else "fit within"
            yield self.result(
                "pass", f"{names} {how} {ref(whole)}: {sum_text}", figs, details=details
            )
        elif complete:
            msg = f"{names} are given as all of {ref(whole)} but add up to {sum_text}"
            yield self.result("fail", msg, figs, details=details)
        else:
            msg = f"{names}, parts of {ref(whole)}, add up to more than it: {sum_text}"
            yield self.result("fail", msg, figs, details=details)

    def _hundred(self, rel: Relation, parts: list[Figure]) -> CheckResult:
        """Shares given as the whole breakdown of one thing add up to 100%."""
        total = _total(parts)
        nominal = sum(float(p.value) for p in parts if isinstance(p.value, int | float))
        details: dict[str, object] = {"shares_sum": iv6(total), "relation": list(rel.evidence)}
        names = _names(parts)
        first = parts[0]
        what = f"{first.entity} {first.metric}" if first.entity else first.metric
        sum_text = f"{sig(nominal)}% ({fmt_interval(total, 'percent', '%')})"
        if agree(total, (100.0, 100.0)):
            msg = f"{names}, the whole breakdown of {what}, add up to 100%: {sum_text}"
            return self.result("pass", msg, parts, details=details)
        msg = f"{names} are given as the whole breakdown of {what} but add up to {sum_text}"
        return self.result("fail", msg, parts, details=details)


@register
class SharesOver100(Rule):
    id = "NC123"
    rule = "shares-over-100"
    name = "Shares over 100%"
    severity = "error"
    description = "Shares of one whole for different segments cannot add up to more than 100%."
    triggers = (
        "In 2025, hardware accounted for 60% of revenue at Acme Corp and software accounted for "
        "55% of revenue at Acme Corp.",
        "Cloud services accounted for 120% of revenue at Acme Corp in 2025.",
        "Asked whether the bypass should be built, 48% of residents said yes, 44% said no and "
        "14% were undecided.",
    )
    passes = (
        "In 2025, hardware accounted for 60% of revenue at Acme Corp and software accounted for "
        "35% of revenue at Acme Corp.",
        "In a survey, 65% of customers cited cost and 48% of customers cited speed.",
        "Asked whether the bypass should be built, 48% of residents said yes, 44% said no and "
        "8% were undecided.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        for f in ctx.figures:
            # "debt at 120% of GDP", "150% of the exercise price": a ratio, not a part.
            # Only a stated composition ("accounted for", "made up") makes it one.
            if share(f) and span_of(f)[0] > 100 and composition(ctx, f):
                msg = f"{ref(f)} is given as a share of {subject(ctx, f)} but is more than 100%"
                yield self.result("fail", msg, [f], details={"share": iv6(span_of(f))})
        for rel in ctx.related("sum_of"):
            # A list given as all of its whole is NC122's to sum to 100%.
            if rel.one("total") is not None or _COMPLETE_SHARES in rel.evidence:
                continue
            group = [p for i in rel.ids("part") if (p := ctx.figure(i)) is not None]
            if len(group) < 2 or any(kind_class(p) != "percent" for p in group):
                continue
            yield from self._judge(ctx, group, "sentence_shares" in rel.evidence)

    def _judge(
        self, ctx: CheckContext, group: list[Figure], by_segment: bool
    ) -> Iterator[CheckResult]:
        lows = [max(0.0, span_of(f)[0]) for f in group]
        low_sum = sum(x for x in lows if math.isfinite(x))
        nominal = sum(float(f.value) for f in group if isinstance(f.value, int | float))
        details: dict[str, object] = {
            "lows_sum": r6(low_sum),
            "shares": [iv6(span_of(f)) for f in group],
        }
        names = _names(group)
        if by_segment:
            # Shares one sentence gives of one metric for the segments its frames name.
            what = subject(ctx, group[0]).split("'s share of ", 1)[-1]
            kind = f"shares of {what} for different parts"
        else:
            kind = "listed as shares of one whole"
        if low_sum > 100:
            msg = f"{names} are {kind} but add up to {sig(nominal)}%, more than 100%"
            yield self.result("fail", msg, group, details=details)
        else:
            msg = f"{names}, {kind}, add up to {sig(nominal)}%, within 100%"
            yield self.result("pass", msg, group, details=details)
