"""NC101 repeated-figure: one fact stated twice must agree.

The rule reads the `same_as` relations (`nlp/relations/same.py`,
`restated.py`): pairs the scoring model takes for one quantity, and pairs whose
frames agree on every slot (metric, segment, entity, period, role, modality),
one in the story's top, that nothing marks as different things (the "from"
side of a comparison, a year-earlier or superseded value, an analyst's
estimate, an adjusted or constant-currency measure, a change against another
basis). Values are compared as intervals: "49%" and "nearly 50%" agree, "49%"
and "45 percent" do not.
"""

from __future__ import annotations

from collections.abc import Iterator

from newscheck.nlp.checks.common import (
    fmt_interval,
    headline_sentences,
    iv6,
    kind_class,
    ref,
    span_of,
    subject,
)
from newscheck.nlp.checks.intervals import Interval
from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.relations import restated
from newscheck.nlp.relations.base import IDENTITY_VIEW
from newscheck.nlp.relations.evidence import slip, values_agree
from newscheck.nlp.types import CheckResult, Figure, Relation

_SLIP_WORDS = {
    "scale": "a slip of scale (a power of ten)",
    "transposed": "two digits transposed",
    "digit": "one digit changed",
}


@register
class RepeatedFigure(Rule):
    id = "NC101"
    rule = "repeated-figure"
    name = "Repeated figure"
    severity = "error"
    description = (
        "The same metric of the same entity and period, stated twice, must give the same value."
    )
    triggers = (
        "In the first quarter of 2026, Nokia's AI & Cloud revenue rose 49%. Chief executive "
        "Justin Hotard credited the Infinera deal for much of the gain. In the first quarter of "
        "2026, Nokia's AI & Cloud revenue rose 45%, the company said.",
        "Acme Corp reported revenue of $4.2 billion for 2025. The company also raised its dividend. "
        "Acme Corp's 2025 revenue of $4.8 billion was a record.",
    )
    passes = (
        "In the first quarter of 2026, Nokia's AI & Cloud revenue rose 49%. Chief executive "
        "Justin Hotard credited the Infinera deal for much of the gain. In the first quarter of "
        "2026, Nokia's AI & Cloud revenue rose 49 percent, the company said.",
        "Acme Corp reported revenue of $4.2 billion for 2025, up from $3.9 billion in 2024. "
        "Acme Corp's 2025 revenue of $4.2 billion was a record.",
        "Acme Corp expects revenue growth of 27% a year through 2028, far above its earlier outlook "
        "of 16%. Acme Corp expects revenue growth of 27% a year through 2028.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        heads = headline_sentences(ctx)
        for rel in ctx.related("same_as"):
            if (figs := ctx.playing(rel, "a", "b")) is None:
                continue
            a, b = figs
            if restated.FEATURE in rel.evidence:
                yield self._restated(ctx, rel, a, b, heads)
            else:
                yield from self._related(ctx, rel, a, b)

    def _restated(
        self, ctx: CheckContext, rel: Relation, a: Figure, b: Figure, heads: frozenset[int]
    ) -> CheckResult:
        """One fact the frames give twice: its two values must agree."""
        ia = restated.signed(a, a.sentence in heads)
        ib = restated.signed(b, b.sentence in heads)
        what = subject(ctx, b)
        details: dict[str, object] = {
            "first": iv6(ia),
            "second": iv6(ib),
            "metric": b.metric,
            "period": b.period,
            "score": rel.score,
            "evidence": list(rel.evidence),
        }
        if restated.differ(a, b, heads):
            msg = (
                f"{ref(a)} and {ref(b)} give different values for {what}: "
                f"{self._show(a, ia)} vs {self._show(b, ib)}"
            )
            return self.result("fail", msg, [a, b], details=details)
        return self.result(
            "pass", f"{ref(a)} and {ref(b)} agree on {what}", [a, b], details=details
        )

    def _related(
        self, ctx: CheckContext, rel: Relation, a: Figure, b: Figure
    ) -> Iterator[CheckResult]:
        """A pair the scoring model says is one quantity, whatever their frames say.

        A pair whose values disagree only clears the model's threshold with strong
        evidence of identity and, nearly always, a copying slip; the message names it.
        """
        what = subject(ctx, b)
        details: dict[str, object] = {
            "first": iv6(span_of(a)),
            "second": iv6(span_of(b)),
            "score": rel.score,
            "evidence": list(rel.evidence),
        }
        if values_agree(a, b):
            yield self.result(
                "pass", f"{ref(a)} and {ref(b)} agree on {what}", [a, b], details=details
            )
            return
        kind = slip(a, b)
        if IDENTITY_VIEW not in rel.evidence:
            # Kept by the full model, whose evidence includes the values: a pair it
            # keeps although they differ has no slip strong enough to report.
            return
        looks = f"; looks like {_SLIP_WORDS[kind]}" if kind else ""
        details["slip"] = kind
        yield self.result(
            "fail",
            f"{ref(a)} and {ref(b)} look like one figure ({what}) but differ: "
            f"{self._show(a, span_of(a))} vs {self._show(b, span_of(b))}{looks}",
            [a, b],
            details=details,
        )

    @staticmethod
    def _show(fig: Figure, iv: Interval) -> str:
        if iv[1] <= 0 and fig.kind != "multiplier":
            iv = (-iv[1], -iv[0])  # a fall reads as its size: "9.5%–10.5%"
        return fmt_interval(iv, kind_class(fig), fig.unit)
