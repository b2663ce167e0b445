"""Currency conversions: consistent within the article, and plausible against the ECB.

A conversion ("€4.5 billion (about $4.9 billion)") is a money figure with role
"conversion" whose `converts` names the source money figure. It implies a rate,
target / source, as an interval from the *stated precision* of both figures.

Approximators on a conversion ("about", "~") are not widened here, unlike in
other checks: on a conversion they announce that the converted value was
rounded, and the rounding is exactly what the stated precision already allows.
Widening by a further 5% would let "€4.5 billion (about $4.9 billion)" pass
although the ECB rate in Q1 2026 gives $5.2-5.4 billion.

Two small allowances keep correct articles quiet:

* precision: a whole number written with a scale word ("$574m") stands for
  +-0.5 of its last digit (573.5-574.5m), even if the recogniser read it more
  tightly; single-digit amounts ("€1B") keep the recogniser's interval;
* slack: the ECB rate is one snapshot a day (14:10 CET) while newsrooms convert
  at a market rate of the moment, often the previous close, so NC112 allows 1%
  around the ECB range. Two conversions in one article may have used a rounded
  rate ($1.9 per £ for 1.87) or been written on different days of a running
  story, and the converted figure is itself rounded ("$2,300", "£558m"), so
  NC111 allows 3% between their rate intervals: published BBC copy has pairs
  1-2% apart (0.5332-0.5354 vs 0.5186-0.5244 GBP per USD), while a wrong
  conversion is off by far more (the planted errors are 10% and more).

When each is right:

* NC111 compares two conversions only if they may share a rate. It does not
  when their sentences state different years ("684bn yen ($6.4bn) in 2000",
  "$2.7bn in 2003"), or a year relative to another ("a loss in 2000 into a
  profit the following year"): a historical amount is often converted at the
  rate of its own year. A period the frames inferred for the whole article
  does not count as stated.
* NC112 flags only what no plausible desk rate explains. With the article's
  date (`--as-of`, front matter or a dateline) the plausible rates are every
  daily ECB rate of the figure's period (a quarter, a half, a month, a fiscal
  year with the days the article states for it: an Indian FY25 is April 2024
  to March 2025), and every daily rate of the four weeks to the article's
  date: a desk converts at the rate of the day it writes or one it has kept
  since the figure was first reported ("the 1999 debt of $280bn (£155bn)"
  written in 2005), and results at their period's average. The conversion
  fails only if its implied rate, from the stated precision of both amounts,
  lies outside all of those (with the 1% slack).
* NC112 without it: a quarter, half or fiscal year stated in the conversion's
  sentence ("the Q1 2026 report shows revenue of €4.5 billion (about $4.9
  billion)") stands in, since results are converted when they are reported:
  the conversion passes when it matches the period's rates or those up to the
  end of the following quarter. A calendar year, month or day does not stand
  in (BBC copy converts "sold in June 2004 for $800m" at the rate of 2005),
  nor does a forecast's period; then it skips. So does a period after the
  last ECB day in the data: a rate is never guessed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from newscheck.nlp.checks.common import compared_side
from newscheck.nlp.checks.intervals import Interval, divide, overlaps, stated
from newscheck.nlp.checks.rates import (
    DESK_DAYS,
    RateRange,
    ReferenceRates,
    desk_window,
    reporting_window,
    stated_bounds,
)
from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.types import CheckResult, Figure

#: Relative allowance around the ECB range (market rate vs the daily fixing).
ECB_SLACK = 0.01
#: Relative allowance between two conversions of one article (rounded rates).
RATE_SLACK = 0.03
#: Periods whose results are reported soon after they end: the stand-in for an unknown date.
_REPORTING_PERIOD = re.compile(r"\d{4}-(?:Q[1-4]|H[12])|FY\d{4}")
#: Why NC112 is skipped when the article's date is unknown.
NO_DATE = (
    "article date unknown: a conversion may use the rate of the day it was written; "
    "pass --as-of DATE"
)


@dataclass(frozen=True)
class Conversion:
    source: Figure
    target: Figure
    base: str  # source currency
    quote: str  # target currency
    rate: Interval  # quote per 1 base
    text: str  # the conversion as written, for messages


def conversions(ctx: CheckContext) -> list[Conversion]:
    """Every conversion between two different currencies with a usable rate interval."""
    out: list[Conversion] = []
    for tgt in ctx.figures:
        if tgt.role != "conversion" or tgt.kind != "money":
            continue
        src = ctx.figure(tgt.converts)
        if src is None or src.kind != "money" or not src.unit or not tgt.unit:
            continue
        if src.unit == tgt.unit:
            continue
        rate = divide(amount(tgt), amount(src))
        if rate is None or any(math.isnan(x) for x in rate):
            continue
        out.append(Conversion(src, tgt, src.unit, tgt.unit, rate, _quote(ctx, src, tgt)))
    return out


def redenominated(ctx: CheckContext) -> set[str]:
    """Currencies the article redenominates: a note or coin converted into its own currency.

    "The 1,000-peso note will become a new one-peso coin": the old and the new
    unit share a name and a code here, so whether "the 50k note, worth $4" is in the
    old unit or the new is unsaid, and no reference rate applies to either.
    """
    out: set[str] = set()
    for tgt in ctx.figures:
        if tgt.role != "conversion" or tgt.kind != "money" or not tgt.unit:
            continue
        src = ctx.figure(tgt.converts)
        if src is not None and src.kind == "money" and src.unit == tgt.unit:
            out.add(tgt.unit)
    return out


def _redenomination_note(code: str) -> str:
    return f"the article redenominates {code}: an amount may be in the old unit or the new"


def amount(fig: Figure) -> Interval:
    """The money interval its stated precision allows, at least +-0.5 of the last written digit."""
    lo, hi = stated(fig)
    m = _NUMBER.search(fig.text)
    if m is None or m.group(1) is not None or not isinstance(fig.value, int | float):
        return (lo, hi)
    shown = float(m.group(0).replace(",", ""))
    if shown < 10:
        return (lo, hi)  # "€1B": the recogniser's reading (0.95-1.05B) stands
    half = 0.5 * fig.value / shown  # half a unit of the scale: 0.5m for "574m"
    return (min(lo, fig.value - half), max(hi, fig.value + half))


def widen(r: Interval, k: float) -> Interval:
    mid = (r[0] + r[1]) / 2
    return (r[0] - k * mid, r[1] + k * mid)


def _quote(ctx: CheckContext, src: Figure, tgt: Figure) -> str:
    """The conversion as it reads in the text, else the two figures joined."""
    lo, hi = min(src.a_start, tgt.a_start), max(src.a_end, tgt.a_end)
    slack = 40  # "(about ", "or roughly ", "equivalent to "
    if 0 <= lo < hi <= len(ctx.text) and hi - lo <= len(src.text) + len(tgt.text) + slack:
        quoted = ctx.text[lo:hi]
        if quoted.count("(") > quoted.count(")") and ctx.text[hi : hi + 1] == ")":
            quoted += ")"  # "€4.5 billion (about $4.9 billion)"
        return " ".join(quoted.split())
    return f"{src.text} ({tgt.text})"


def fmt_rate(x: float) -> str:
    """Four significant digits without exponents: 1.077, 163.5, 20275."""
    if x == 0 or not math.isfinite(x):
        return f"{x:g}"
    decimals = max(0, 3 - math.floor(math.log10(abs(x))))
    return f"{x:,.{decimals}f}"


def fmt_rates(r: Interval) -> str:
    a, b = fmt_rate(r[0]), fmt_rate(r[1])
    return a if a == b else f"{a}–{b}"


def _invert(r: Interval) -> Interval:
    return (1 / r[1], 1 / r[0])


_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_LEADING_APPROX = re.compile(
    r"^(?:~|≈|about|around|approximately|roughly|some|nearly|almost|or|equivalent to|worth)\s*",
    re.IGNORECASE,
)


def money_like(value: float, like: Figure) -> str:
    """`value` (in units of `like`'s currency) written the way `like` is written.

    "$4.9 billion" and 5.27e9 give "$5.3 billion"; "$1.1B" and 1.17e9 "$1.2B".
    """
    text = like.text
    m = _NUMBER.search(text)
    stated_value = float(like.value) if isinstance(like.value, int | float) else None
    if m is None or not stated_value:
        return f"{value:,.0f} {like.unit or ''}".strip()
    shown = float(m.group(0).replace(",", ""))
    scale = stated_value / shown if shown else 1.0  # "billion" -> 1e9
    scaled = value / scale
    decimals = len(m.group(1) or "")
    # At least two significant digits, so the corrected figure says something.
    if scaled != 0:
        decimals = max(decimals, 1 - math.floor(math.log10(abs(scaled))))
    number = f"{scaled:,.{decimals}f}" if "," in m.group(0) else f"{scaled:.{decimals}f}"
    out = text[: m.start()] + number + text[m.end() :]
    while (stripped := _LEADING_APPROX.sub("", out)) != out:
        out = stripped
    return out.strip("() ")


@register
class ConversionConsistency(Rule):
    id = "NC111"
    rule = "conversion-consistency"
    name = "Conversion consistency"
    severity = "error"
    description = "Conversions between the same two currencies in one article imply the same rate."
    triggers = (
        "March 5, 2026\n"
        "Revenue rose to €2 billion ($2.2 billion) in the first quarter, "
        "while operating profit was €500 million ($650 million).",
        "Published 12 February 2026\n"
        "The bank sold bonds worth £300 million (about $400 million). "
        "It also repaid a loan of £800 million, or about $890 million.",
    )
    passes = (
        "March 5, 2026\n"
        "Revenue rose to €1B (~$1.1B) in Q1 2026. "
        "Group sales were €4.5 billion (about $4.9 billion).",
        "Published 12 February 2026\n"
        "The bank sold bonds worth £300 million (about $410 million). "
        "It also repaid a loan of £800 million, or about $1.09 billion.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        groups: dict[frozenset[str], list[Conversion]] = {}
        for c in conversions(ctx):
            groups.setdefault(frozenset((c.base, c.quote)), []).append(c)
        red = redenominated(ctx)
        for pair, convs in groups.items():
            if len(convs) < 2:
                continue  # nothing to agree with; NC112 checks it against the ECB
            if pair & red:
                figs = [f for c in convs for f in (c.source, c.target)]
                yield self.result("skip", _redenomination_note(min(pair & red)), figs)
                continue
            yield from self._check(ctx, convs)

    def _check(self, ctx: CheckContext, convs: list[Conversion]) -> Iterator[CheckResult]:
        # Express every rate in the direction the article first converts.
        base, quote = convs[0].base, convs[0].quote
        unit = f"{quote} per {base}"
        rates = [c.rate if c.base == base else _invert(c.rate) for c in convs]
        figs = [f for c in convs for f in (c.source, c.target)]
        loose = [widen(r, RATE_SLACK / 2) for r in rates]
        years = [_stated_year(ctx, c) for c in convs]
        relative = [_relative_year(ctx, c) for c in convs]
        fails: list[tuple[int, int]] = []
        not_compared: list[str] = []
        for i in range(len(convs)):
            for j in range(i + 1, len(convs)):
                why = _not_comparable(years[i], years[j], relative[i] or relative[j])
                if why:
                    not_compared.append(f'"{convs[i].text}" and "{convs[j].text}" ({why})')
                elif not overlaps(loose[i], loose[j]):
                    fails.append((i, j))
        compared = len(convs) * (len(convs) - 1) // 2 - len(not_compared)
        if not fails:
            listed = ", ".join(f'"{c.text}"' for c in convs)
            if not compared:
                yield self.result(
                    "skip",
                    f"{len(convs)} conversions between {base} and {quote} not compared: "
                    + "; ".join(not_compared),
                    figs,
                    details={"unit": unit, "not_compared": not_compared},
                )
                return
            common = (max(r[0] for r in loose), min(r[1] for r in loose))
            exact = (max(r[0] for r in rates), min(r[1] for r in rates))
            if not_compared:
                agree = (
                    f"rates agree within {RATE_SLACK:.0%} where comparable; not compared: "
                    + "; ".join(not_compared)
                )
            elif exact[0] <= exact[1]:
                agree = f"all allow {fmt_rates(exact)} {unit}"
            else:
                agree = f"rates agree within {RATE_SLACK:.0%} ({fmt_rates(common)} {unit})"
            details: dict[str, object] = {"unit": unit, "slack": RATE_SLACK}
            if common[0] <= common[1]:
                details.update(rate_low=common[0], rate_high=common[1])
            if not_compared:
                details["not_compared"] = not_compared
            yield self.result(
                "pass",
                f"{len(convs)} conversions between {base} and {quote} agree: {listed} {agree}",
                figs,
                details=details,
            )
            return
        # Report every disjoint comparable pair, each stating both conversions.
        for i, j in fails:
            a, b = convs[i], convs[j]
            yield self.result(
                "fail",
                f'"{a.text}" implies {fmt_rates(rates[i])} {unit} but '
                f'"{b.text}" implies {fmt_rates(rates[j])} {unit}; '
                "one article should convert at one rate",
                [a.source, a.target, b.source, b.target],
                details={
                    "unit": unit,
                    "rate_a": list(rates[i]),
                    "rate_b": list(rates[j]),
                    "slack": RATE_SLACK,
                },
            )


_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
#: A year told relative to another ("turned a loss in 2000 into a profit the
#: following year"): the frames give such a figure the other year's label.
_RELATIVE_YEAR = re.compile(
    r"\b(?:the\s+(?:following|next|previous|preceding|prior)\s+year"
    r"|a\s+year\s+(?:earlier|before|later|ago)|year[- ]earlier)\b",
    re.IGNORECASE,
)


def _stated_year(ctx: CheckContext, c: Conversion) -> str | None:
    """The year of the conversion's period when its sentence states it ("in 2000").

    A period the frames inferred from the rest of the article does not count:
    only a year written next to the figures says they are of another time.
    """
    label = c.target.period or c.source.period
    m = _YEAR.search(label or "")
    if m is None:
        return None
    for f in _written_periods(ctx, c):
        if isinstance(f.value, str) and m[1] in _YEAR.findall(f.value):
            return m[1]
    return None


def _after_data(label: str, rates: ReferenceRates) -> str:
    return (
        f"period {label} is after the last ECB rate in the data "
        f"({rates.last_date.isoformat()}); pass --rates FILE with a newer eurofxref-hist"
    )


def _written_periods(ctx: CheckContext, c: Conversion) -> list[Figure]:
    """The periods and dates written in the conversion's sentences."""
    sentences = {c.source.sentence, c.target.sentence}
    return [f for f in ctx.figures if f.kind in ("period", "date") and f.sentence in sentences]


def _relative_year(ctx: CheckContext, c: Conversion) -> str | None:
    """A relative year phrase in the conversion's sentence, if any."""
    for s in ctx.sentences:
        if (
            s.index in (c.source.sentence, c.target.sentence)
            and (m := _RELATIVE_YEAR.search(s.text)) is not None
        ):
            return " ".join(m[0].split())
    return None


def _not_comparable(ya: str | None, yb: str | None, relative: str | None) -> str:
    """Why two conversions of one article may fairly use different rates, or ""."""
    if ya and yb and ya != yb:
        return f"figures of different years: {ya} and {yb}"
    if relative:
        return f'a year told relative to another: "{relative}"'
    return ""


@register
class ConversionVsReferenceRate(Rule):
    id = "NC112"
    rule = "conversion-vs-reference-rate"
    name = "Conversion vs reference rate"
    severity = "warning"
    description = (
        "A conversion's implied rate lies within the ECB euro reference rates of its period "
        "or of the four weeks to the article's date."
    )
    triggers = (
        "March 5, 2026\n"
        "The company said first-quarter revenue was €4.5 billion (about $4.9 billion) "
        "in Q1 2026.",
        "Published 10 February 2026\n"
        "The carmaker will invest €3 billion ($2.6 billion) in a new battery plant.",
    )
    passes = (
        "March 5, 2026\n"
        "The company said first-quarter revenue was €4.5 billion (about $5.3 billion) "
        "in Q1 2026.",
        "Published 10 February 2026\n"
        "The carmaker will invest €3 billion ($3.5 billion) in a new battery plant.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        red = redenominated(ctx)
        for c in conversions(ctx):
            if red & {c.base, c.quote}:
                code = min(red & {c.base, c.quote})
                yield self.result("skip", _redenomination_note(code), [c.source, c.target])
                continue
            yield self._check(ctx, c)

    def _check(self, ctx: CheckContext, c: Conversion) -> CheckResult:
        figs = [c.source, c.target]
        unit = f"{c.quote} per {c.base}"
        rates = ctx.rates
        if rates is None:
            return self.result("skip", "no reference rates loaded", figs)
        for code in (c.base, c.quote):
            if code not in rates.currencies():
                return self.result("skip", f"no ECB reference rate for {code}", figs)

        doc = ctx.doc_date
        details: dict[str, object] = {"unit": unit, "rate_low": c.rate[0], "rate_high": c.rate[1]}
        written = _written_periods(ctx, c)
        if doc is None:
            # A forecast's conversion is made before its period, at a rate unknown here.
            stated = (
                None if c.source.role in ("forecast", "target") else _stated_period(ctx, c, written)
            )
            if stated is None:
                # A newsroom converts at the rate of the day it writes, whatever
                # period the figure is about ("its 1999 debt of $280bn (£173bn)"
                # written in 2005): without that day, or a period written next
                # to the figures, there is nothing to compare.
                return self.result("skip", NO_DATE, figs)
            return self._against_period(rates, c, stated, written, figs, details)

        windows: list[tuple[str, RateRange]] = []
        why_not = ""  # the reason to skip if no window has rates
        label = c.target.period or c.source.period
        bounds: tuple[date, date] | None = None
        if label:
            bounds = stated_bounds(label, written)
            if bounds is None:
                return self.result("skip", f"period {label!r} not understood", figs)
            if bounds[0] > doc:
                # A forecast period: nobody converts at a rate yet to come; the
                # article's date is when the conversion was made.
                details["period_note"] = (
                    f"{label} is after the article date; rates before the article date used"
                )
                bounds = None
        if label and bounds is not None:
            details["period"] = label
            start, end = bounds
            ecb = rates.range(c.base, c.quote, start, end) if start <= rates.last_date else None
            if ecb is not None:
                when = f"in {label}"
                if rates.last_date < end:
                    # The period has not ended in the data: say which days we used.
                    details["partial"] = (
                        f"{label} only partly covered: ECB rates to "
                        f"{ecb.last.isoformat()} ({ecb.days} days)"
                    )
                    when += f" (to {ecb.last.isoformat()})"
                windows.append((when, ecb))
            elif start > rates.last_date:
                why_not = _after_data(label, rates)
            elif end < rates.first_date:
                why_not = (
                    f"period {label} is before the first ECB rate in the data "
                    f"({rates.first_date.isoformat()})"
                )
            else:
                why_not = f"no ECB rate for both {c.base} and {c.quote} in {label}"
        # A desk converts at a rate of the day or of the weeks before it: the
        # day the figure was first reported, or a rate it keeps for a running story.
        first, last = desk_window(doc)
        ecb = rates.range(c.base, c.quote, first, last) if first <= rates.last_date else None
        unseen = ""  # why a miss is not a fail: the desk's days are not all in the data
        if ecb is not None:
            windows.append((f"in the {DESK_DAYS} days to {doc.isoformat()}", ecb))
            details["article_date"] = doc.isoformat()
            if doc > rates.last_date:
                unseen = (
                    f"the article date {doc.isoformat()} is after the last ECB rate in the data "
                    f"({rates.last_date.isoformat()}): its rate is unknown; "
                    "pass --rates FILE with a newer eurofxref-hist"
                )
        elif not why_not:
            edge = first > rates.last_date
            why_not = f"the article date {doc.isoformat()} is " + (
                f"after the last ECB rate in the data ({rates.last_date.isoformat()}); "
                "pass --rates FILE with a newer eurofxref-hist"
                if edge
                else f"outside the ECB data for {c.base} and {c.quote}"
            )
        if not windows:
            return self.result("skip", why_not, figs, details=details)
        verdict = self._verdict(c, windows, figs, details)
        if verdict.status == "fail" and unseen:
            return self.result("skip", unseen, figs, details=details)
        return verdict

    def _against_period(
        self,
        rates: ReferenceRates,
        c: Conversion,
        label: str,
        written: list[Figure],
        figs: list[Figure],
        details: dict[str, object],
    ) -> CheckResult:
        """No article date: a stated reporting period and the quarter after it, when it is reported."""
        bounds = stated_bounds(label, written)
        assert bounds is not None  # _stated_period checked it
        start, end = bounds
        until = reporting_window(start, end)[1]
        details["period"] = label
        details["period_note"] = (
            f"article date unknown: the rates of {label} and of the quarter after it "
            f"(to {until.isoformat()}), when its figures are reported"
        )
        if start > rates.last_date:
            return self.result("skip", _after_data(label, rates), figs, details=details)
        own = rates.range(c.base, c.quote, start, end)
        reported = rates.range(c.base, c.quote, start, until)
        if own is None or reported is None:
            why = f"no ECB rate for both {c.base} and {c.quote} in {label}"
            return self.result("skip", why, figs, details=details)
        if rates.last_date < until:
            details["partial"] = (
                f"{label} and the quarter after only partly covered: ECB rates to "
                f"{reported.last.isoformat()}"
            )
        windows = [
            (f"in {label}", own),
            (f"to {reported.last.isoformat()}, when {label} is reported", reported),
        ]
        return self._verdict(c, windows, figs, details)

    def _verdict(
        self,
        c: Conversion,
        windows: list[tuple[str, RateRange]],
        figs: list[Figure],
        details: dict[str, object],
    ) -> CheckResult:
        unit = f"{c.quote} per {c.base}"
        when, ecb = windows[0]
        details.update(
            ecb_low=ecb.low,
            ecb_high=ecb.high,
            ecb_mean=ecb.mean,
            ecb_days=ecb.days,
            ecb_first=ecb.first.isoformat(),
            ecb_last=ecb.last.isoformat(),
            slack=ECB_SLACK,
        )
        matched = [
            (w, r) for w, r in windows if overlaps(c.rate, widen((r.low, r.high), ECB_SLACK))
        ]
        if matched:
            w, r = matched[0]
            return self.result(
                "pass",
                f'"{c.text}" implies {fmt_rates(c.rate)} {unit}, consistent with the '
                f"ECB reference rate {w} ({fmt_rates((r.low, r.high))})",
                figs,
                details=details,
            )
        also = "".join(f" ({fmt_rates((r.low, r.high))} {w})" for w, r in windows[1:])
        src_value = _value(c.source)
        so = ""
        if src_value is not None:
            details["at_ecb_mean"] = src_value * ecb.mean
            so = f", so {c.source.text} was about {money_like(src_value * ecb.mean, c.target)}"
        return self.result(
            "fail",
            f'"{c.text}" implies {fmt_rates(c.rate)} {unit}; the ECB reference rate '
            f"{when} was {fmt_rates((ecb.low, ecb.high))}{also}{so}",
            figs,
            details=details,
        )


def _stated_period(ctx: CheckContext, c: Conversion, written: list[Figure]) -> str | None:
    """The conversion's reporting period (a quarter, a half, a fiscal year) when its sentence writes it.

    "The Q1 2026 report shows revenue of €4.5 billion (about $4.9 billion)":
    results are converted when they are reported, soon after the period. A
    calendar year, a month or a day is no such cue: "sold in June 2004 for
    $800m (£424m)" and "its 1999 debt of $280bn (£155bn)" are converted at the
    rate of the day of writing, which may be years later.
    """
    label = c.target.period or c.source.period
    if label is None or not _REPORTING_PERIOD.fullmatch(label):
        return None
    for f in written:
        if f.value == label and not _compared_figure_period(ctx, f):
            return label if stated_bounds(label, written) is not None else None
    return None


#: What joins an amount to its period: "$1bn in the fourth quarter of 2003".
_PERIOD_LINK = re.compile(r"\s*(?:in|during|for|over)?\s*(?:the\s+)?")


def _compared_figure_period(ctx: CheckContext, period: Figure) -> bool:
    """The period belongs to the other side of a comparison ("down from $1bn in the fourth
    quarter of 2003"), not to the conversion."""
    amounts = [
        f
        for f in ctx.figures_in(period.sentence)
        if f.a_end <= period.a_start and f.kind not in ("period", "date")
    ]
    if not amounts:
        return False
    prev = amounts[-1]
    return bool(_PERIOD_LINK.fullmatch(ctx.text, prev.a_end, period.a_start)) and compared_side(
        prev
    )


def _days(r: RateRange | None) -> str:
    if r is None:
        return ""
    a, b = r.first.isoformat(), r.last.isoformat()
    return a if a == b else f"{a} to {b}"


def _value(f: Figure) -> float | None:
    return float(f.value) if isinstance(f.value, int | float) else None
