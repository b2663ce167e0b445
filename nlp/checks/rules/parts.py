"""Parts and wholes: NC121 part-exceeds-whole, NC122 parts-sum-to-total, NC123 shares-over-100.

A part is a figure whose frame has a segment ("AI & Cloud revenue"); its
whole has the same metric, entity, period and unit and no segment. Only
additive measures take part (money, counts): a segment's margin, growth or
average may well exceed the group's.

Sums are only checked where the copy says the parts are all of it ("split
between", "made up of", "the rest"). Lists after "including" are samples, and
two breakdowns of one whole (by region, by business) overlap, so shares are
summed within one sentence only.

Each rule also reads the relations (`nlp/relations/parts.py`, `shares.py`):
`part_of` ("40 of last year's burglaries", "..., including 13,100"),
`sum_of` with a total (a breakdown led by its whole, a list after the whole
is named, a table's total row; all of it only when the text says so, else
only an excess is wrong) and `sum_of` without one (a list of shares of one
whole). Pairs the older linking above already judged are not judged twice.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace

from newscheck.nlp.checks.common import (
    ADDITIVE_KINDS,
    NON_ADDITIVE_METRIC,
    add,
    agree,
    clause,
    context_marks,
    display_segment,
    fmt,
    fmt_interval,
    is_change,
    is_numeric,
    iv6,
    kind_class,
    listed_item,
    plain_statement,
    r6,
    ref,
    same_whole,
    sane_metric,
    sane_segment,
    sentence_text,
    sig,
    span_of,
    subject,
)
from newscheck.nlp.checks.intervals import Interval
from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.types import CheckResult, Figure, Sentence

#: Survey answers overlap: "65% cited cost and 48% speed" need not sum to 100.
SURVEY = re.compile(
    r"\b(?:respondents?|surveyed|survey|polled|poll|reported that|"
    r"of (?:those|people|adults|voters|consumers|customers|companies|firms))\b|"
    # "62% said they…": an answer, not "the company said sales to China were 58%".
    r"(?:%|\bper ?cent|\bpct)\s+(?:of\s+\w+\s+)?(?:said|say|says|cited|cite)\b",
    re.IGNORECASE,
)
_LEVEL_ROLES = frozenset({"level", "forecast", "target"})

#: The parts listed after these words are all of the whole.
SPLIT = re.compile(
    r"\b(?:split (?:evenly |equally )?(?:between|among|across|into)|split(?= [\d€$£¥])|made up of|comprised|"
    r"comprising|comprises|comprise|"
    r"consist(?:s|ed|ing)? of|divided (?:between|among|into)|broken down (?:into|as))\b",
    re.IGNORECASE,
)
#: "... and the remaining 10% from Z": the list closes with what is left; "Germany (7,900),
#: Poland (4,300) and other markets (2,700)": a last item of "other" places is the rest too.
REST = re.compile(
    r"\b(?:the (?:rest|remainder|balance)|remaining|and (?:all )?other (?!than\b)[a-z]+)\b",
    re.IGNORECASE,
)
#: "£1.18bn of that total": a part of an amount the text has just stated.
_OF_THAT_TOTAL = re.compile(
    r"\s+of\s+(?:that|this|the)\s+(?:total|sum|amount|figure|budget|pot)\b(?!\s*(?:of\s+)?[\d€$£¥])",
    re.IGNORECASE,
)
#: "of which" lists parts of the whole, not necessarily all of them.
OF_WHICH = re.compile(r"\bof which\b", re.IGNORECASE)


def _after_rest(sent: Sentence, fig: Figure) -> bool:
    m = REST.search(sent.text)
    return m is not None and fig.a_start >= sent.start + m.start()


def _additive_level(fig: Figure) -> bool:
    if not is_numeric(fig) or not sane_metric(fig) or is_change(fig) or fig.converts is not None:
        return False
    if fig.role not in _LEVEL_ROLES or kind_class(fig) not in ADDITIVE_KINDS:
        return False
    return not NON_ADDITIVE_METRIC.search(fig.metric)


#: Wording that presents a share as a part of a whole.
COMPOSITION = re.compile(
    r"\b(?:made up|make up|makes up|making up|accounted for|account for|accounts for|accounting for|"
    r"represented|represents|representing|comprised|constituted|came from|come from|comes from)\b",
    re.IGNORECASE,
)


def _composition(ctx: CheckContext, fig: Figure) -> bool:
    if fig.metric is None or NON_ADDITIVE_METRIC.search(fig.metric):
        return False
    return bool(COMPOSITION.search(clause(ctx, fig))) and listed_item(fig)


def _own_composition(ctx: CheckContext, fig: Figure, sentence_shares: list[Figure]) -> bool:
    """A composition verb of its own: between the share before it in the sentence and it."""
    if not _composition(ctx, fig):
        return False
    before = [f.a_end for f in sentence_shares if f.a_end <= fig.a_start]
    if not before:
        return True
    return bool(COMPOSITION.search(ctx.text[max(before) : fig.a_start]))


def _share(fig: Figure) -> bool:
    return (
        fig.role == "share"
        and is_numeric(fig)
        and kind_class(fig) == "percent"
        and sane_metric(fig)
    )


def _by_sentence(figs: list[Figure]) -> dict[int, list[Figure]]:
    out: dict[int, list[Figure]] = defaultdict(list)
    for f in figs:
        out[f.sentence].append(f)
    return out


def _part_like(ctx: CheckContext, fig: Figure) -> bool:
    """A part: its frame names a segment, or it stands in its sentence as a list item.

    Frames do not always find the segment of "€3B from hardware" or of
    "hardware accounted for 60%"; such a figure still counts when nothing
    makes it a comparison's other side, an earlier value or an estimate.
    """
    return sane_segment(fig) or listed_item(fig)


def _distinct_parts(ctx: CheckContext, figs: list[Figure]) -> list[Figure]:
    """One figure per segment: a repeated segment is NC101's business, not a second part."""
    seen: dict[str, Figure] = {}
    out: list[Figure] = []
    for f in sorted(figs, key=lambda f: f.a_start):
        if f.segment is not None and sane_segment(f):
            if f.segment not in seen:
                seen[f.segment] = f
                out.append(f)
        elif listed_item(f):
            out.append(f)
    return out


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
AGGREGATE = re.compile(
    r"\b(?:revenues?|sales|turnover|income|profits?|earnings|spending|expenditures?|costs?|"
    r"investments?|assets|liabilit(?:y|ies)|debts?|deposits|loans|exports|imports|output|"
    r"production|shipments|deliveries|orders|jobs|employees|staff|workforce|workers|customers|"
    r"subscribers|users|members|passengers|visitors|population|losses|payroll|bill)\b",
    re.IGNORECASE,
)
#: The word after a count: "4,500 cars". Function words and scale words are no count noun.
_COUNT_NOUN = re.compile(
    r"\s*(?:mln|million|billion|bln|thousand)?\s*([a-z][a-z-]+)", re.IGNORECASE
)
_NOT_NOUN = frozenset(
    {
        *("a", "an", "the", "and", "or", "of", "for", "in", "on", "at", "to", "from", "by"),
        *("with", "as", "than", "per", "pct", "percent", "vs", "against", "last", "this"),
        *("next", "year", "month", "week", "day", "were", "was", "is", "are", "be", "been"),
        *("will", "would"),
    }
)


def _count_noun(ctx: CheckContext, fig: Figure) -> str | None:
    m = _COUNT_NOUN.match(ctx.text, fig.a_end)
    if m is None:
        return None
    word = m.group(1).lower()
    if word in _NOT_NOUN:
        return None
    return word[:-1] if word.endswith("s") else word


def _spelled(ctx: CheckContext, fig: Figure) -> bool:
    """The part's segment is spelled in its own sentence, not carried over from another.

    Word by word, so that "ai and cloud" is found in "AI & Cloud".
    """
    words = {w for w in re.findall(r"[a-z]+", (fig.segment or "").lower()) if w != "and"}
    have = set(re.findall(r"[a-z]+", sentence_text(ctx, fig).lower()))
    return bool(words) and words <= have


def _like_for_like(ctx: CheckContext, part: Figure, whole: Figure) -> bool:
    """Money against money; a count only against a count of the same stated noun.

    "4,500 for KIMS" and "3,000 for Kodak system", "20 for world" and "four in
    ten": bare numbers the frames gave one metric are rarely counts of one thing.
    """
    if kind_class(part) == "money" and kind_class(whole) == "money":
        return True
    noun = _count_noun(ctx, part)
    return noun is not None and noun == _count_noun(ctx, whole)


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
        # A part the linking below already judged is not judged again against
        # another mention of its whole.
        seen: set[str] = set()
        for res in (*self._named_parts(ctx), *self._anaphoric_parts(ctx)):
            seen.update(res.figures[:1])
            yield res
        yield from self._related(ctx, seen)

    def _related(self, ctx: CheckContext, seen: set[str]) -> Iterator[CheckResult]:
        """The `part_of` relations: "40 of last year's burglaries", "..., including 13,100"."""
        for rel in ctx.related("part_of"):
            figs = ctx.playing(rel, "part", "whole")
            if figs is None or figs[0].id in seen:
                continue
            part, whole = figs
            p, w = span_of(part), span_of(whole)
            details: dict[str, object] = {
                "part": iv6(p),
                "whole": iv6(w),
                "relation": list(rel.evidence),
            }
            if p[0] > w[1]:
                msg = (
                    f"{ref(part)} is given as part of {ref(whole)} but is more than it: "
                    f"{_excess(part, whole)}"
                )
                yield self.result("fail", msg, [part, whole], details=details)
            else:
                msg = f"{ref(part)} fits within {ref(whole)}, the whole it is part of"
                yield self.result("pass", msg, [part, whole], details=details)

    def _anaphoric_parts(self, ctx: CheckContext) -> Iterator[CheckResult]:
        """'£1.18bn of that total': a part of the amount stated just before, whatever its frame.

        "That total" may point at any amount of the previous sentence; the part
        is compared with the largest of them, so it fails only if it is more
        than every amount it could mean.
        """
        money = [
            f
            for f in ctx.figures
            if kind_class(f) == "money"
            and is_numeric(f)
            and f.converts is None
            and not is_change(f)
        ]
        for part in money:
            if not _OF_THAT_TOTAL.match(ctx.text, part.a_end):
                continue
            earlier = [
                f
                for f in money
                if f.unit == part.unit
                and f.a_end <= part.a_start
                and f.sentence >= part.sentence - 1
            ]
            if not earlier:
                continue
            whole = max(earlier, key=lambda f: span_of(f)[1])
            p, w = span_of(part), span_of(whole)
            details: dict[str, object] = {"part": iv6(p), "whole": iv6(w), "anaphoric": True}
            if p[0] > w[1]:
                msg = (
                    f"{ref(part)} is given as part of an amount stated before it, but is more "
                    f"than {ref(whole)}, the largest such amount: {_excess(part, whole)}"
                )
                yield self.result("fail", msg, [part, whole], details=details)
            else:
                msg = f"{ref(part)}, part of an amount stated before it, fits within {ref(whole)}"
                yield self.result("pass", msg, [part, whole], details=details)

    def _named_parts(self, ctx: CheckContext) -> Iterator[CheckResult]:
        bases = {f.base for f in ctx.figures if f.base is not None}
        targets = {f.target for f in ctx.figures if f.target is not None}
        levels = [f for f in ctx.figures if _additive_level(f) and f.id not in bases]
        wholes = [f for f in levels if f.segment is None]
        for part in levels:
            if not sane_segment(part):
                continue
            if not _spelled(ctx, part):
                continue
            whole = self._whole(ctx, part, wholes, targets)
            if whole is None or not AGGREGATE.search(whole.metric or ""):
                continue
            if not _like_for_like(ctx, part, whole):
                continue
            p, w = span_of(part), span_of(whole)
            details: dict[str, object] = {"part": iv6(p), "whole": iv6(w)}
            seg = display_segment(ctx, part)
            if p[0] > w[1]:
                msg = (
                    f"{ref(part)} for {seg} is more than {ref(whole)} for all of "
                    f"{subject(ctx, whole)}: {_excess(part, whole)}"
                )
                yield self.result("fail", msg, [part, whole], details=details)
            else:
                msg = f"{ref(part)} for {seg} fits within {ref(whole)} for {subject(ctx, whole)}"
                yield self.result("pass", msg, [part, whole], details=details)

    @staticmethod
    def _whole(
        ctx: CheckContext, part: Figure, wholes: list[Figure], targets: set[str]
    ) -> Figure | None:
        """The whole in the part's sentence, else the first plain mention elsewhere."""
        here = [
            w
            for w in wholes
            if w.sentence == part.sentence and same_whole(part, w, same_sentence=True)
        ]
        # In one sentence the whole comes first ("revenue of €4.5B, of which €1B ...").
        # One after the part is more likely a sibling whose segment the frames missed
        # ("BMW-brand sales rose to 80,600 while Mini sales rose to 14,800").
        if here:
            before = [w for w in here if w.a_start < part.a_start]
            return before[-1] if before else None
        if not plain_statement(part, targets):
            return None
        marks = context_marks(part)
        found = [
            w
            for w in wholes
            if w.role == part.role
            and same_whole(part, w, same_sentence=False)
            and plain_statement(w, targets)
            and context_marks(w) == marks
        ]
        # The whole a part is read against is the one stated last before it
        # ("Total sales rose to $1.58B. Domestic sales were $1.25B."), not the
        # lead's figure, which may be a part the frames took for the whole.
        before = [w for w in found if w.a_start < part.a_start]
        if before:
            return max(before, key=lambda w: w.a_start)
        # A later sentence's "slipped to 34.7 mln from 37.2 mln" or "went up 3 pct to
        # 1.5 bln" after "rose to 47.9 mln from 45.3 mln" is the next item of a list, each
        # with its own change, more likely than the whole its segment was missed for.
        after = [
            w for w in found if w.id not in targets and not _OWN_BASE_AFTER.match(ctx.text, w.a_end)
        ]
        return after[0] if after else None


#: A figure followed by its own earlier value: "34.7 mln stg from 37.2 mln", "3.4 bln, up from 3.26 bln".
_OWN_BASE_AFTER = re.compile(r"\s*,?\s*(?:(?:up|down)\s+)?from\s+[$€£¥]?\d")


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
        sentences = {s.index: s for s in ctx.sentences}
        levels = _by_sentence([f for f in ctx.figures if _additive_level(f)])
        shares = _by_sentence([f for f in ctx.figures if _share(f)])
        wholes: set[str] = set()
        for index in sorted(set(levels) | set(shares)):
            sent = sentences.get(index)
            if sent is None:
                continue
            for res in (
                *self._amounts(ctx, sent, levels.get(index, []), levels.get(index - 1, [])),
                *self._shares(ctx, sent, shares.get(index, [])),
            ):
                wholes.update(res.figures)
                yield res
        yield from self._related(ctx, wholes)

    def _related(self, ctx: CheckContext, seen: set[str]) -> Iterator[CheckResult]:
        """The `sum_of` relations with a stated total: all of it when the text says so.

        A list the text does not call complete may leave parts out, so it is
        only wrong when it adds up to more than the total.
        """
        for rel in ctx.related("sum_of"):
            whole = ctx.figure(rel.one("total"))
            if whole is None or whole.id in seen:
                continue
            parts = [p for i in rel.ids("part") if (p := ctx.figure(i)) is not None]
            if len(parts) < 2:
                continue
            complete = "complete_cue" in rel.evidence or "table_total" in rel.evidence
            for res in self._judge(ctx, whole, parts, complete=complete):
                details = dict(res.details)
                details["relation"] = list(rel.evidence)
                yield replace(res, details=tuple(sorted(details.items())))

    @staticmethod
    def _listed(
        sent: Sentence, figs: list[Figure], *, partial: bool
    ) -> tuple[list[Figure], bool] | None:
        """The figures a completeness cue presents as the parts, and whether they are all of it.

        "split between A and B": the parts follow the cue. "A, B and the
        remaining C": every part counts, as long as the remainder's figure is
        stated after the cue (else the rest is left unstated).
        """
        text = sent.text
        if m := SPLIT.search(text):
            cut = sent.start + m.start()
            return [f for f in figs if f.a_start >= cut], True
        if m := REST.search(text):
            cut = sent.start + m.start()
            if any(f.a_start >= cut for f in figs):
                return list(figs), True
            return None
        if partial and (m := OF_WHICH.search(text)):
            cut = sent.start + m.start()
            return [f for f in figs if f.a_start >= cut], False
        return None

    def _amounts(
        self, ctx: CheckContext, sent: Sentence, figs: list[Figure], previous: list[Figure]
    ) -> Iterator[CheckResult]:
        cue = next((m for rx in (SPLIT, REST, OF_WHICH) if (m := rx.search(sent.text))), None)
        if cue is None:
            return
        cut = sent.start + cue.start()
        # The whole comes first: "revenue of €4.5B was split between ...", else it
        # is the previous sentence's ("Revenue was €4.5B. It was split between ...").
        first = min((f for f in figs if f.a_start < cut), key=lambda f: f.a_start, default=None)
        # A segment the frames made of a period or unit word ("fiscal year") is no part.
        if first is not None and not sane_segment(first):
            whole, rest = first, [f for f in figs if f.a_start > first.a_start]
        else:
            whole = next((w for w in previous if not sane_segment(w) and listed_item(w)), None)
            rest = figs
        if whole is None:
            return
        # A part names its segment, or stands as a list item, or is "the remaining" amount.
        candidates = [
            f
            for f in rest
            if (_part_like(ctx, f) or _after_rest(sent, f))
            and f.role == whole.role
            and same_whole(whole, f, same_sentence=True)
        ]
        found = self._listed(sent, candidates, partial=True)
        if found is not None and len(found[0]) >= 2:
            yield from self._judge(ctx, whole, found[0], complete=found[1])

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

    def _shares(
        self, ctx: CheckContext, sent: Sentence, figs: list[Figure]
    ) -> Iterator[CheckResult]:
        groups: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
        for f in figs:
            groups[(f.metric, f.entity, f.period)].append(f)
        for group in groups.values():
            found = self._listed(sent, _distinct_parts(ctx, group), partial=False)
            if found is None or len(found[0]) < 2:
                continue
            parts = found[0]
            total = _total(parts)
            nominal = sum(float(p.value) for p in parts if isinstance(p.value, int | float))
            details: dict[str, object] = {"shares_sum": iv6(total)}
            names = _names(parts)
            what = f"{parts[0].entity} {parts[0].metric}" if parts[0].entity else parts[0].metric
            sum_text = f"{sig(nominal)}% ({fmt_interval(total, 'percent', '%')})"
            split_of = self._split_share(ctx, sent, parts)
            if split_of is not None:
                # "The remaining 50 pct is to be split between a 40-pct stake and a
                # 10-pct stake": the parts make up that share, not 100%.
                if agree(total, span_of(split_of)):
                    msg = f"{names} add up to {ref(split_of)}, the share they split: {sum_text}"
                    yield self.result("pass", msg, [split_of, *parts], details=details)
                else:
                    msg = f"{names} are given as all of {ref(split_of)} but add up to {sum_text}"
                    yield self.result("fail", msg, [split_of, *parts], details=details)
                continue
            if agree(total, (100.0, 100.0)):
                msg = f"{names}, the whole breakdown of {what}, add up to 100%: {sum_text}"
                yield self.result("pass", msg, parts, details=details)
            else:
                msg = f"{names} are given as the whole breakdown of {what} but add up to {sum_text}"
                yield self.result("fail", msg, parts, details=details)

    @staticmethod
    def _split_share(ctx: CheckContext, sent: Sentence, parts: list[Figure]) -> Figure | None:
        """The percent being split, when one stands before the split cue ("the remaining 50 pct")."""
        m = SPLIT.search(sent.text)
        if m is None:
            return None
        cut = sent.start + m.start()
        before = [
            f
            for f in ctx.figures
            if f.sentence == sent.index
            and f not in parts
            and f.a_start < cut
            and kind_class(f) == "percent"
            and is_numeric(f)
            and not is_change(f)
        ]
        return before[-1] if before else None


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
        seen: set[frozenset[str]] = set()
        for res in self._legacy(ctx):
            seen.add(frozenset(res.figures))
            yield res
        for rel in ctx.related("sum_of"):
            if rel.one("total") is not None:
                continue
            group = [p for i in rel.ids("part") if (p := ctx.figure(i)) is not None]
            if len(group) < 2 or any(kind_class(p) != "percent" for p in group):
                continue
            if any(frozenset(p.id for p in group) & s for s in seen):
                continue
            yield from self._judge(ctx, group)

    def _judge(self, ctx: CheckContext, group: list[Figure]) -> Iterator[CheckResult]:
        lows = [max(0.0, span_of(f)[0]) for f in group]
        low_sum = sum(x for x in lows if math.isfinite(x))
        nominal = sum(float(f.value) for f in group if isinstance(f.value, int | float))
        details: dict[str, object] = {
            "lows_sum": r6(low_sum),
            "shares": [iv6(span_of(f)) for f in group],
        }
        names = _names(group)
        if low_sum > 100:
            msg = f"{names} are listed as shares of one whole but add up to {sig(nominal)}%, more than 100%"
            yield self.result("fail", msg, group, details=details)
        else:
            msg = f"{names}, listed as shares of one whole, add up to {sig(nominal)}%, within 100%"
            yield self.result("pass", msg, group, details=details)

    def _legacy(self, ctx: CheckContext) -> Iterator[CheckResult]:
        shares = [f for f in ctx.figures if _share(f)]
        for f in shares:
            # "debt at 120% of GDP", "150% of the exercise price": a ratio, not a part.
            # Only a stated composition ("accounted for", "made up") makes it one.
            if span_of(f)[0] > 100 and _composition(ctx, f):
                msg = f"{ref(f)} is given as a share of {subject(ctx, f)} but is more than 100%"
                yield self.result("fail", msg, [f], details={"share": iv6(span_of(f))})
        for group in self._groups(ctx, shares):
            lows = [max(0.0, span_of(f)[0]) for f in group]
            low_sum = sum(x for x in lows if math.isfinite(x))
            nominal = sum(float(f.value) for f in group if isinstance(f.value, int | float))
            details: dict[str, object] = {
                "lows_sum": r6(low_sum),
                "shares": [iv6(span_of(f)) for f in group],
            }
            names = _names(group)
            what = subject(ctx, group[0]).split("'s share of ", 1)[-1]
            if low_sum > 100:
                msg = f"{names} are shares of {what} for different parts but add up to {sig(nominal)}%, more than 100%"
                yield self.result("fail", msg, group, details=details)
            else:
                msg = f"{names}, shares of {what} for different parts, add up to {sig(nominal)}%, within 100%"
                yield self.result("pass", msg, group, details=details)

    @staticmethod
    def _groups(ctx: CheckContext, shares: list[Figure]) -> Iterator[list[Figure]]:
        """Shares of one whole in one sentence, one per segment; NC122 owns complete breakdowns."""
        for figs in _by_sentence(shares).values():
            text = sentence_text(ctx, figs[0])
            # Survey answers may overlap; a stated complete breakdown is NC122's to sum.
            rest = REST.search(text)
            # "…and the rest came from Asia" states no figure for the rest: the shares
            # given must still fit in 100%. "…and the remaining 10%" is NC122's.
            rest_has_figure = rest is not None and re.search(r"\d", text[rest.end() :]) is not None
            if SURVEY.search(text) or SPLIT.search(text) or rest_has_figure:
                continue
            groups: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
            for f in figs:
                # A share of a price or of capacity is a ratio; ratios need not sum to 100.
                if f.metric and not NON_ADDITIVE_METRIC.search(f.metric):
                    # Only a part is summed: a share whose frame names its segment, or
                    # one the words present as a composition of its own. "Exposure over
                    # 60 pct of capital ... over 150 pct of capital" are two thresholds,
                    # and "immigrants will account for 75.5% of growth to 2050 and 82%
                    # of growth to 2060" one part of two wholes.
                    if not (sane_segment(f) or _own_composition(ctx, f, figs)):
                        continue
                    groups[(f.metric, f.entity, f.period)].append(f)
            for group in groups.values():
                distinct = _distinct_parts(ctx, group)
                if len(distinct) >= 2:
                    yield distinct
