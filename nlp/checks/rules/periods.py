"""One figure given two periods (NC151).

A figure restated later in an article is restated for the same period. When
the two mentions state periods that cannot both hold ("like-for-like sales up
4.1% in the nine weeks to 3 January" against "4.1% in the six weeks to 3
January"; a cap charged "from 1 January" against the same cap that "runs from
April to June"), one of the periods is wrong.

Evidence, all required:

* one figure: the same kind, unit, role and value at the same stated precision
  (the interval both mentions allow is identical, so "4.1%" and "4.12%" are
  not one figure), in different sentences; a percentage also needs the same
  metric from the frames, a money amount written with at least three
  significant digits ("£1,812") is specific enough on its own;
* the same entity when the frames give both;
* a period stated for each mention, over which the figure is measured (a
  quarter, a half, a fiscal year, a span told by its ends or its length; a
  single month or year often dates an event instead): a time phrase in its sentence that is
  nearer to it than to any other figure there ("£298,400, up from £285,000 in
  March 2025": March 2025 is the prior value's), or, for a bullet without one,
  the single period of the line that introduces the list ("Highlights – nine
  weeks to 3 January"). A date after "from" is a start ("from 1 January").
  Relative periods ("a year earlier"), open-ended ones ("through 2028"),
  multi-year spans and fiscal years whose days the article does not give are
  no evidence;
* the periods conflict: two spans that overlap without being the same, or a
  start that differs from the start of a span or of another start running
  into it. A period written without a year ("from April to June") may be of
  the year before or after the one it resolved to, so it conflicts only if it
  does in each of those years that overlap the other.
* periods that do not meet conflict only on stronger evidence of one quantity:
  "the rate held at 3.0% in February and 3.0% in March" is one value twice.
  The relation model links the two as the same quantity, or the value has at
  least three significant digits and no other metric; and both are the current
  value of their frame (not a comparison's other side, an earlier or
  superseded value), in one version, and neither is a forecast or expectation
  for a period not yet over on the article's date ("the board expects A$2.46bn
  in the December half" after an A$2.46bn June half). Linked figures may be
  framed in different roles (a level and a share, a result and an outlook) if
  they pass the same test.

Nothing is flagged when either sentence says the value repeats ("unchanged",
"the same", "again", "held", "remained").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.types import CheckResult, Figure

#: Value kinds a restated figure may have.
_VALUE_KINDS = frozenset({"money", "percent", "points", "number"})
_TIME_KINDS = frozenset({"period", "date"})
#: Longest span that is one reporting period (a fiscal year of 53 weeks).
_MAX_DAYS = 371
_START_CUE = re.compile(
    r"\b(?:from|starting|beginning|effective(?:\s+from)?|with\s+effect\s+from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MONTH_WORD = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
_YEAR_WRITTEN = re.compile(r"(?:19|20)\d{2}|['’]\d{2}\b")
_REPEATS = re.compile(
    r"\b(?:unchanged|the\s+same(?!\s+(?:period|quarter|half|month|week|time|months|weeks)\b)|again|held|holds|remained|remains|steady|flat|both|each"
    r"|matching|matched|equal(?:led|ed|ling|ing)?|also|too|likewise|repeat(?:ed|ing)?)\b",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d")
#: Labels of periods a figure is measured over: quarters, halves, fiscal years, spans.
_MEASURED = re.compile(r"\d{4}-(?:Q[1-4]|H[12])|FY\d{4}|\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Stated:
    """A period stated for one mention: `first`..`last`, or a start only (`last` None)."""

    time: Figure
    first: date
    last: date | None
    yearless: bool  # written without a year: may be a year earlier or later

    def shifted(self, years: int) -> tuple[date, date | None]:
        if years == 0:
            return self.first, self.last
        return _shift(self.first, years), _shift(self.last, years) if self.last else None

    def describe(self) -> str:
        span = (
            f"a period starting {self.first.isoformat()}"
            if self.last is None
            else f"{self.first.isoformat()} to {self.last.isoformat()}"
        )
        return f'{span} ("{self.time.text}")'


def _shift(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _usable(ctx: CheckContext, t: Figure) -> Stated | None:
    """The time figure as a stated period or start, or None if it is no evidence."""
    if not isinstance(t.low, str):
        return None
    try:
        first = date.fromisoformat(t.low)
        last = date.fromisoformat(t.high) if isinstance(t.high, str) else None
    except ValueError:
        return None
    if isinstance(t.value, str) and t.value.startswith(".."):
        return None
    yearless = _MONTH_WORD.search(t.text) is not None and not _YEAR_WRITTEN.search(t.text)
    before = ctx.text[max(0, t.a_start - 30) : t.a_start]
    starts = _START_CUE.search(before) is not None and not t.text.lower().startswith("from")
    if t.kind == "date":
        return Stated(t, first, None, yearless) if starts else None
    if last is None or (last - first).days + 1 > _MAX_DAYS:
        return None
    if starts and (last - first).days < 31:
        return Stated(t, first, None, yearless)  # "from January": a start
    # A single month or calendar year often dates an event rather than measures
    # a figure ("the 18 dlrs agreed last December", "70,000 tonnes agreed in
    # April"); a quarter, half, fiscal year or a span told by its ends is the
    # period a figure covers.
    if not (isinstance(t.value, str) and _MEASURED.fullmatch(t.value)):
        return None
    return Stated(t, first, last, yearless)


def _stated_periods(ctx: CheckContext) -> dict[str, list[Stated]]:
    """For each value figure, the periods stated for it (see the module docstring)."""
    out: dict[str, list[Stated]] = {}
    by_sentence: dict[int, list[Figure]] = {}
    for f in ctx.figures:
        by_sentence.setdefault(f.sentence, []).append(f)
    for figs in by_sentence.values():
        values = [f for f in figs if f.kind in _VALUE_KINDS]
        if not values:
            continue
        nearest: dict[str, tuple[float, Stated]] = {}
        for t in figs:
            if t.kind not in _TIME_KINDS or (stated := _usable(ctx, t)) is None:
                continue
            owner = min(values, key=lambda v: _distance(v, t, ctx.text))
            d = _distance(owner, t, ctx.text)
            # A figure's period is the nearest one it owns: "£612 from January to
            # March, to rise in April" dates the £612 by the span, not by April.
            if owner.id not in nearest or d < nearest[owner.id][0]:
                nearest[owner.id] = (d, stated)
        for fid, (_, stated) in nearest.items():
            out[fid] = [stated]
    _list_leads(ctx, out)
    return out


#: Only a preposition between a figure and the period after it: "£2bn for the half
#: to June, up 8%" dates the £2bn, even though the 8% is as near.
_BOUND_AFTER = re.compile(
    r"\s*(?:for|in|over|during|across|through|throughout)(?:\s+(?:the|its|this))?\s*",
    re.IGNORECASE,
)


def _distance(v: Figure, t: Figure, text: str) -> float:
    # A period usually follows its figure ("4.1% in the six weeks to ..."); one
    # before it is a little further away than the same gap after.
    if t.a_start >= v.a_end:
        if _BOUND_AFTER.fullmatch(text, v.a_end, t.a_start):
            return 0.0
        return t.a_start - v.a_end
    return 1.5 * max(0, v.a_start - t.a_end)


def _list_leads(ctx: CheckContext, out: dict[str, list[Stated]]) -> None:
    """A bullet without a period takes the single period of the line that introduces its list."""
    kinds = ctx.block_kinds
    by_block: dict[int, list[Figure]] = {}
    for f in ctx.figures:
        by_block.setdefault(f.block, []).append(f)
    for f in ctx.figures:
        if f.kind not in _VALUE_KINDS or f.id in out:
            continue
        b = f.block
        if not 0 <= b < len(kinds) or kinds[b] != "bullet":
            continue
        while b > 0 and kinds[b] == "bullet":
            b -= 1
        lead = by_block.get(b, [])
        if b == f.block or any(g.kind in _VALUE_KINDS for g in lead):
            continue
        stated = [s for g in lead if g.kind in _TIME_KINDS and (s := _usable(ctx, g)) is not None]
        if len(stated) == 1:
            out[f.id] = stated


def _conflict(a: Stated, b: Stated) -> bool:
    """Whether the two stated periods cannot both be the period of one figure."""
    readings = [
        _conflict_at(a.shifted(ka), b.shifted(kb))
        for ka in ((-1, 0, 1) if a.yearless else (0,))
        for kb in ((-1, 0, 1) if b.yearless else (0,))
    ]
    # Among the readings in which the periods meet, every one must conflict.
    meeting = [r for r in readings if r is not None]
    return bool(meeting) and all(meeting)


def _conflict_at(a: tuple[date, date | None], b: tuple[date, date | None]) -> bool | None:
    """True if they meet but differ, False if the same, None if they do not meet."""
    (a0, a1), (b0, b1) = a, b
    end_a = a1 or date.max
    end_b = b1 or date.max
    if a0 > end_b or b0 > end_a:
        return None
    if a1 is None or b1 is None:
        return a0 != b0
    return (a0, a1) != (b0, b1)


def _one_figure(ctx: CheckContext, a: Figure, b: Figure, linked: bool = False) -> bool:
    """The same value twice as one figure; `linked`: the relation model calls them one quantity."""
    if (a.kind, a.unit) != (b.kind, b.unit) or a.sentence == b.sentence:
        return False
    # A value the relation model links may be framed as a level in one place and a
    # share or an outlook in the other; a change or a target is never a level.
    if a.role != b.role and not (linked and {a.role, b.role} <= _STATE_ROLES):
        return False
    if a.role == "conversion":
        return False
    if (a.value, a.low, a.high) != (b.value, b.low, b.high):
        return False
    # A rise of 1.1% and a fall of 1.1% are two values, whatever links them.
    if a.direction and b.direction and a.direction != b.direction:
        return False
    if a.entity and b.entity and a.entity != b.entity:
        return False
    if linked or (a.metric and b.metric and a.metric == b.metric):
        return True
    # A specific amount is one figure by itself: "£1,812" twice is one price cap.
    return a.kind == "money" and len(_DIGITS.findall(a.text)) >= 3


def _linked(ctx: CheckContext) -> set[frozenset[str]]:
    """The pairs of figures the relation model calls one quantity."""
    return {frozenset(r.figures) for r in ctx.related("same_as") if len(r.figures) == 2}


def _disjoint(a: Stated, b: Stated) -> bool:
    """Whether the two periods cannot meet in any reading of a year-less one."""
    return all(
        _conflict_at(a.shifted(ka), b.shifted(kb)) is None
        for ka in ((-1, 0, 1) if a.yearless else (0,))
        for kb in ((-1, 0, 1) if b.yearless else (0,))
    )


_FORWARD = frozenset({"forecast", "expected", "hypothetical"})
#: Roles of a value that states how much there is (not a change, target or conversion).
_STATE_ROLES = frozenset({"level", "share", "forecast"})


def _forward(ctx: CheckContext, f: Figure, periods: list[Stated]) -> bool:
    """A forecast or expectation for a period not yet over on the article's date.

    "would fund", "will pay" make a clause forward-looking, but a figure of a
    period already ended is a result spoken of, not a forecast of it.
    """
    if f.modality not in _FORWARD and f.role != "forecast":
        return False
    if ctx.doc_date is None:
        return True
    # A period written without a year resolves to the most recent one; an outlook
    # may mean the next ("expects A$2bn in the December half", said in August).
    return any(
        (last or first) >= ctx.doc_date
        for p in periods
        for first, last in (p.shifted(1) if p.yearless else p.shifted(0),)
    )


def _same_standing(
    ctx: CheckContext, a: Figure, b: Figure, pa: list[Stated], pb: list[Stated]
) -> bool:
    """Both are the current value of their frame, in one version, and neither is a forecast.

    A comparison's other side, an earlier or superseded value, or a forecast
    against an actual is rightly another period's figure, whatever its value.
    Whether someone else estimates it is left to the modality: "analysts said the
    result for the half beat forecasts" speaks of the result itself.
    """
    sa, sb = a.standing, b.standing
    return (
        sa.side == sb.side == "current"
        and sa.version == sb.version
        and not (_forward(ctx, a, pa) or _forward(ctx, b, pb))
    )


def _one_quantity(ctx: CheckContext, a: Figure, b: Figure, linked: set[frozenset[str]]) -> bool:
    """Strong enough evidence of one quantity to question periods that do not meet.

    The same value for two disjoint periods is usually two facts ("3.0% in
    February and 3.0% in March"); only the relation model's same-quantity link,
    or a value written with at least three significant digits under one metric,
    makes it one figure given the wrong period.
    """
    if frozenset((a.id, b.id)) in linked:
        return True
    if a.metric and b.metric and a.metric != b.metric:
        return False
    return all(len(_DIGITS.findall(f.text)) >= 3 for f in (a, b))


def _repeats(ctx: CheckContext, f: Figure) -> bool:
    s = ctx.sentence_of(f)
    return s is not None and _REPEATS.search(s.text) is not None


@register
class OnePeriodPerFigure(Rule):
    id = "NC151"
    rule = "one-figure-two-periods"
    name = "One figure, two periods"
    severity = "warning"
    description = "A figure stated twice is stated for the same period both times."
    triggers = (
        "Published 9 January 2026\n\n"
        "Highlights – the ten weeks to 3 January 2026\n\n"
        "- Comparable sales up 3.7 per cent\n\n"
        "Comparable sales rose 3.7 per cent in the five weeks to 3 January, the shop said.",
        "Published 20 November 2025\n\n"
        "From 1 January 2026 the standing charge will be £612 a year for a typical home. "
        "Analysts expect the £612 charge, which applies from April to June, to fall later.",
        "Published 12 March 2026\n\n"
        "Tarn Foods said pre-tax profit grew 6 per cent to £418.5 million in the December half.\n\n"
        "The £418.5 million first-half profit beat the board's own target, the chairman said.",
    )
    passes = (
        "Published 9 January 2026\n\n"
        "Highlights – the five weeks to 3 January 2026\n\n"
        "- Comparable sales up 3.7 per cent\n\n"
        "Comparable sales rose 3.7 per cent in the five weeks to 3 January, the shop said.",
        "Published 20 November 2025\n\n"
        "From 1 January 2026 the standing charge will be £612 a year for a typical home. "
        "Analysts expect the £612 charge, which applies from January to March, to rise in April.",
        "Published 14 April 2026\n\n"
        "The jobless rate was 4.4 per cent in February. "
        "It was 4.4 per cent again in March, the statistics office said.",
        "Published 12 March 2026\n\n"
        "Tarn Foods said pre-tax profit grew 6 per cent to £418.5 million in the December half.\n\n"
        "The £418.5 million second-half profit beat the board's own target, the chairman said.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        stated = _stated_periods(ctx)
        figs = [f for f in ctx.figures if f.kind in _VALUE_KINDS and stated.get(f.id)]
        linked = _linked(ctx)
        for i, a in enumerate(figs):
            for b in figs[i + 1 :]:
                if not _one_figure(ctx, a, b, frozenset((a.id, b.id)) in linked):
                    continue
                if _repeats(ctx, a) or _repeats(ctx, b):
                    continue
                standing = _same_standing(ctx, a, b, stated[a.id], stated[b.id])
                if a.role != b.role and not standing:
                    continue  # a forecast against a result: two periods by design
                apart = standing and _one_quantity(ctx, a, b, linked)
                yield from self._pair(a, b, stated[a.id], stated[b.id], apart)

    def _pair(
        self, a: Figure, b: Figure, sa: list[Stated], sb: list[Stated], apart: bool
    ) -> Iterator[CheckResult]:
        """`apart`: periods that do not meet conflict too (see `_one_quantity`)."""
        for pa in sa:
            for pb in sb:
                if _conflict(pa, pb) or (apart and _disjoint(pa, pb)):
                    yield self.result(
                        "fail",
                        f'"{a.text}" (line {a.line}) is given for {pa.describe()} but '
                        f'"{b.text}" (line {b.line}) for {pb.describe()}: '
                        "one figure, two periods",
                        [a, b, pa.time, pb.time],
                        details={
                            "period_a": pa.describe(),
                            "period_b": pb.describe(),
                        },
                    )
                    return
        pa, pb = sa[0], sb[0]
        if _disjoint(pa, pb):
            return  # periods that do not meet: one value for two periods, nothing to check
        yield self.result(
            "pass",
            f'"{a.text}" (line {a.line}) and "{b.text}" (line {b.line}) are given for '
            f"one period: {pa.describe()} and {pb.describe()}",
            [a, b],
        )
