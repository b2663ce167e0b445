"""Helpers shared by the arithmetic cross-check rules (NC101-NC123).

Three kinds of help live here:

* reading a figure: is it a number, is it a change, its interval with the
  approximators folded in, its magnitude when the change is stated as a fall;
* reading the words around a figure: the clause it sits in and the cues that
  make two mentions of "the same" metric actually different things (a year
  earlier, an analyst's estimate, an adjusted measure);
* writing messages: "€1B", "€671M", "49%", "2 pp", and `"49%" (line 3)`.

The rules stay small and agree on what a "same figure" is because they all use
the keys and guards defined here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Literal, cast

from newscheck.nlp.checks.intervals import ABOUT, NEARLY, Interval, interval, overlaps, stated
from newscheck.nlp.checks.registry import CheckContext
from newscheck.nlp.standing import clause_bounds, is_change_role
from newscheck.nlp.types import Figure

Direction = Literal["up", "down"]

#: Kinds whose `value` is a number that arithmetic can use.
NUMERIC_KINDS = frozenset({"money", "percent", "points", "number", "multiplier", "range"})
#: Kinds that add up: parts of a whole, sums of a breakdown. Percent levels
#: (margins, rates) and growth figures of a segment may well exceed the whole's.
ADDITIVE_KINDS = frozenset({"money", "number"})
#: Metrics that are averages or ratios: a part's value may exceed the whole's.
NON_ADDITIVE_METRIC = re.compile(
    r"\b(average|mean|median|per|rate|ratio|margin|price|yield|multiple|share price|"
    r"valuation|salary|wage|productivity|growth|capacity|quota|target|plan|budget|gdp|"
    r"level|value|normal|forecast|estimate|goal)\b"
)
#: A frame's metric or segment made of unit words, numbers or company suffixes
#: is the extractor reading the wrong noun ("mln tonnes", "$ 1b", "corp"):
#: nothing to compare.
_NOISE = re.compile(
    r"\d|[$€£¥%]|\b(?:mln|million|billion|bln|trillion|pct|percent|dlrs?|dollars?|cents|nil|tonnes|tons|"
    r"bpd|barrels|bushels|ounces|points?|year|years|quarter|month|week|day|corp|inc|co|ltd|plc|ag|sa|nv|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
#: Words that qualify a measure rather than name a part of it ("cumulative
#: deficit", "additional shares"): not a segment of the whole.
_NOT_SEGMENT = re.compile(
    r"\b(?:cumulative|additional|extra|new|total|combined|overall|annual|annuali[sz]ed|average|"
    r"net|gross|adjusted|unadjusted|seasonally|underlying|comparable|organic|other|remaining|closing|"
    r"opening|exercise|similar)\b",
    re.IGNORECASE,
)


def single_subject(ctx: CheckContext) -> bool:
    """The article is about one organisation: at most one ORG is named more than once.

    Then a figure whose frame found no entity is that organisation's, and two
    such figures may be compared.
    """
    repeated = {e.text for e in ctx.entities if e.label == "ORG" and e.count > 1}
    return len(repeated) <= 1


def sane_metric(fig: Figure) -> bool:
    return fig.metric is not None and not _NOISE.search(fig.metric)


def noisy(text: str | None) -> bool:
    return text is not None and bool(_NOISE.search(text))


def sane_segment(fig: Figure) -> bool:
    """The frame's segment names a part (a unit, a product, a region)."""
    seg = fig.segment
    return seg is not None and not _NOISE.search(seg) and not _NOT_SEGMENT.search(seg)


def comparable_size(a: float, b: float) -> bool:
    """Two statements of one fact are within a factor of 2 of each other.

    Past that, a mismatch is far likelier to be two different facts given the
    same frame (a table row, a per-share and a total figure) than a typo.
    """
    a, b = abs(a), abs(b)
    if a == 0 or b == 0 or not (math.isfinite(a) and math.isfinite(b)):
        return a == b
    return max(a, b) / min(a, b) <= 2


#: "doubled" is never said to a stated precision: copy says "doubled" of a
#: 1.9x or a 2.15x rise without being wrong. 10% either side of the word's
#: value keeps "doubled" (1.8x-2.2x) apart from a 50% rise and from "2.5 times".
MULTIPLIER_TOLERANCE = 0.10

_EPS = 1e-9


# -- reading figures ---------------------------------------------------------


def is_numeric(fig: Figure) -> bool:
    v = fig.value
    return fig.kind in NUMERIC_KINDS and isinstance(v, int | float) and not isinstance(v, bool)


_UNIT_KIND = {"%": "percent", "pp": "points", "x": "multiplier"}


def kind_class(fig: Figure) -> str:
    """A range counts as the kind of its unit: "3-5%" is a percent, "€1-2B" money."""
    if fig.kind != "range":
        return fig.kind
    if fig.unit in _UNIT_KIND:
        return _UNIT_KIND[fig.unit]
    return "money" if fig.unit else "number"


def is_change(fig: Figure) -> bool:
    """A change figure. Frames keep `direction` when a change in a forecast
    sentence is re-labelled "forecast" ("expects sales to rise 10% to €5B")."""
    return is_change_role(fig.role, fig.direction)


def value(fig: Figure) -> float:
    return float(fig.value) if isinstance(fig.value, int | float) else math.nan


#: How far a round number in copy may be from what it rounds: "fell £600"
#: for a £596 fall, "€700M" for €680M. Bounded by the digits: "€1B" stays
#: ±5% (its stated interval), "£610" is exact to the pound.
ROUND_NUMBER = 0.05


def rounded(fig: Figure) -> Interval:
    """The stated interval, widened for a round number's trailing zeros.

    The recognisers take "600" to be exact to the unit (599.5..600.5), which
    is right for a reported level but too strict for a change the writer
    worked out: a £596 fall is written "fell £600". Used for change sizes. A whole number of its
    stated step (value/step) with z trailing zeros may stand for anything
    within half of 10^z steps, but never more than `ROUND_NUMBER` of itself.
    """
    lo, hi = stated(fig)
    v = value(fig)
    step = hi - lo
    if not (math.isfinite(v) and step > 0 and v != 0):
        return lo, hi
    n = round(abs(v) / step)
    if n == 0 or abs(abs(v) / step - n) > 1e-6:
        return lo, hi
    zeros = len(str(n)) - len(str(n).rstrip("0"))
    if zeros == 0:
        return lo, hi
    slack = min(0.5 * 10**zeros * step, ROUND_NUMBER * abs(v))
    return min(lo, v - slack), max(hi, v + slack)


def span_of(fig: Figure) -> Interval:
    """The figure's interval with its approximators folded in."""
    return interval(fig, widen=True)


def magnitude(fig: Figure) -> tuple[Interval, Direction | None]:
    """A change's size as a non-negative interval, and its stated direction.

    Frames give "fell 10%" as 10 with direction "down"; a signed -10 is read
    the same way, so that "more than" keeps meaning "a larger fall". A round
    change ("£600") may be rounded: see `rounded`.
    """
    v = value(fig)
    direction = fig.direction
    lo, hi = rounded(fig)
    if v < 0:
        fig = replace(fig, value=-v, low=-hi, high=-lo)
        direction = direction or "down"
    else:
        fig = replace(fig, low=lo, high=hi)
    return span_of(fig), direction


#: Copy truncates a percent change as often as it rounds it: a 25.54% rise
#: is written "25 pct" as well as "26 pct" (Reuters style sheets of the 1980s
#: truncated; agencies still drop the decimals of a computed change). A change
#: X stated to d decimals therefore stands for a true change anywhere in
#: [X - 0.5*10^-d, X + 10^-d): the rounding half-step below, a whole step
#: above (truncation). The step is the stated precision; a change written in
#: words ("five pct") is as rounded as "5 pct", so an exact-looking integer
#: gets a step of 1.
def truncated_size(fig: Figure) -> tuple[Interval, Direction | None]:
    """`magnitude`, widened to allow a rounded *or truncated* statement of the change."""
    (lo, hi), direction = magnitude(fig)
    v = abs(value(fig))
    s_lo, s_hi = stated(fig)
    step = s_hi - s_lo
    if not math.isfinite(v):
        return (lo, hi), direction
    if step <= 0:
        if v != round(v):
            return (lo, hi), direction
        step = 1.0
        lo = min(lo, v - 0.5 * step)
    # Half-open above: a change of exactly X + step would be written X + step.
    hi = max(hi, v + step * (1 - 1e-6))
    return (max(lo, 0.0), hi), direction


def multiplier_value(fig: Figure) -> float:
    """The ratio new/old a multiplier names: 2 for "doubled", 0.5 for "halved" (or "fell twofold")."""
    v = abs(value(fig))
    return 1 / v if fig.direction == "down" and v > 1 else v


def multiplier_ratio(fig: Figure) -> Interval:
    """The ratio new/old a multiplier word allows ("doubled" -> 1.8..2.2).

    A falling multiplier is read as the ratio it leaves: "halved" is 0.5 and
    "fell threefold" 1/3. "More than doubled" is open above, "more than
    halved" open below (a deeper fall).
    """
    v = multiplier_value(fig)
    down = fig.direction == "down"
    lo, hi = v * (1 - MULTIPLIER_TOLERANCE), v * (1 + MULTIPLIER_TOLERANCE)
    match fig.approx:
        case "about":
            lo, hi = lo - ABOUT * v, hi + ABOUT * v
        case "nearly":
            # "nearly doubled" falls a little short of 2; "nearly halved" of 0.5. A quarter of
            # the approximator's width past the word's own 10%: a 1.7x rise is not "nearly
            # double" (1.75x-2.2x), nor 0.6 "nearly halved" (0.45-0.5625).
            lo, hi = (lo, hi + NEARLY * v / 4) if down else (lo - NEARLY * v / 4, hi)
        case "more_than" | "at_least":
            lo, hi = (0.0, hi) if down else (lo, math.inf)
        case "less_than" | "up_to":
            lo, hi = (lo, 1.0) if down else (1.0, hi)
    return (max(lo, 0.0), hi)


def agree(a: Interval, b: Interval) -> bool:
    """Overlap, with a hair of slack for float noise at touching ends."""
    scale = max((abs(x) for x in (*a, *b) if math.isfinite(x)), default=1.0)
    scale = max(scale, 1.0)
    return overlaps((a[0] - _EPS * scale, a[1] + _EPS * scale), b)


def add(a: Interval, b: Interval) -> Interval:
    return (a[0] + b[0], a[1] + b[1])


# -- what a change implies ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class Movement:
    """What a target and a base say about the change between them."""

    direction: Direction  # the direction the change claims (or the figures show, if unstated)
    shown: Direction | None  # what the figures show beyond rounding; None if level within it
    relative: Interval | None  # size of the rise/fall in %, None if the base may be <= 0
    absolute: Interval  # size of the rise/fall in the levels' unit
    ratio: Interval | None  # target / base
    nominal_relative: float | None
    nominal_absolute: float

    @property
    def contradicts(self) -> bool:
        return self.shown is not None and self.shown != self.direction


def movement(target: Figure, base: Figure, stated: Direction | None) -> Movement:
    t, b = span_of(target), span_of(base)
    tv, bv = value(target), value(base)
    shown: Direction | None = "down" if t[1] < b[0] else "up" if t[0] > b[1] else None
    d: Direction = stated or ("up" if tv >= bv else "down")
    if d == "up":
        absolute = (t[0] - b[1], t[1] - b[0])
        nominal_abs = tv - bv
    else:
        absolute = (b[0] - t[1], b[1] - t[0])
        nominal_abs = bv - tv
    relative = ratio = None
    nominal_rel = None
    if b[0] > 0 and t[0] >= 0:
        ratio = (t[0] / b[1], t[1] / b[0])
        if d == "up":
            relative = ((ratio[0] - 1) * 100, (ratio[1] - 1) * 100)
        else:
            relative = ((1 - ratio[1]) * 100, (1 - ratio[0]) * 100)
        nominal_rel = (tv / bv - 1) * 100 if d == "up" else (1 - tv / bv) * 100
    return Movement(d, shown, relative, absolute, ratio, nominal_rel, nominal_abs)


def implied_prior(target: Figure, change: Figure) -> tuple[float, Interval] | None:
    """The base a percent change to a target implies: €1B / 1.49 = €671M."""
    size, direction = magnitude(change)
    t = span_of(target)
    pct = value(change) if value(change) >= 0 else -value(change)
    if direction == "down":
        factor, factors = 1 - pct / 100, (1 - size[1] / 100, 1 - size[0] / 100)
    else:
        factor, factors = 1 + pct / 100, (1 + size[0] / 100, 1 + size[1] / 100)
    if factor <= 0 or factors[0] <= 0 or t[0] < 0:
        return None
    lo = t[0] / factors[1] if math.isfinite(factors[1]) else 0.0
    hi = t[1] / factors[0]
    return value(target) / factor, (lo, hi)


def verb(direction: Direction | None) -> str:
    return {"up": "rose", "down": "fell"}.get(direction or "", "changed")


def noun(direction: Direction | None) -> str:
    return {"up": "rise", "down": "fall"}.get(direction or "", "change")


# -- grouping ----------------------------------------------------------------

#: Period labels the frames resolved to a calendar span. Relative labels
#: ("year-earlier", "annual", "last-quarter") name no fixed period, so two of
#: them need not be the same period.
_RESOLVED_PERIOD = re.compile(
    r"^(?:FY)?\d{4}(?:-(?:Q[1-4]|H[12]|\d{2}))?$|^(?:\d{4})?\.\.\d{4}$|^through \d{4}$"
)


def resolved_period(label: str | None) -> bool:
    return label is not None and bool(_RESOLVED_PERIOD.match(label))


def prior_period(label: str | None, basis: str = "yoy") -> str | None:
    """The period a change is measured from: a year earlier, or the preceding quarter/month."""
    if label is None:
        return None
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", label):
        y, q = int(m[1]), int(m[2])
        if basis == "qoq":
            return f"{y}-Q{q - 1}" if q > 1 else f"{y - 1}-Q4"
        return f"{y - 1}-Q{q}" if basis == "yoy" else None
    if m := re.fullmatch(r"(\d{4})-(\d{2})", label):
        y, mo = int(m[1]), int(m[2])
        if basis == "mom":
            return f"{y}-{mo - 1:02d}" if mo > 1 else f"{y - 1}-12"
        return f"{y - 1}-{mo:02d}" if basis == "yoy" else None
    if basis != "yoy":
        return None
    if m := re.fullmatch(r"(\d{4})-H([12])", label):
        return f"{int(m[1]) - 1}-H{m[2]}"
    if m := re.fullmatch(r"(FY)?(\d{4})", label):
        return f"{m[1] or ''}{int(m[2]) - 1}"
    return None


def whole_key(fig: Figure) -> tuple[object, ...]:
    """What a figure is a value of, segment aside: metric, entity, period, unit."""
    return (fig.metric, fig.entity, fig.period, fig.kind, fig.unit)


def same_whole(a: Figure, b: Figure, *, same_sentence: bool) -> bool:
    """Same metric/entity/period/unit; across sentences entity and period must be known."""
    if not sane_metric(a) or whole_key(a) != whole_key(b):
        return False
    return same_sentence or (a.entity is not None and resolved_period(a.period))


# -- reading the words around a figure ---------------------------------------

#: A sentence of running prose: eight words or more, ending as a sentence does.
_PROSE_END = re.compile(r"[.!?][\"'”’)]*\s*$")


def headline_sentences(ctx: CheckContext) -> frozenset[int]:
    """The top sentences before the lead paragraph: headline, key points, dateline."""
    if (cached := ctx.memo.get("headline_sentences")) is not None:
        return cast(frozenset[int], cached)
    ctx.memo["headline_sentences"] = found = frozenset(_headline_sentences(ctx))
    return found


def _headline_sentences(ctx: CheckContext) -> set[int]:
    top = top_sentences(ctx)
    blocks = [s.block for s in ctx.sentences if s.index in top]
    lead = max(blocks) if blocks else -1
    return {s.index for s in ctx.sentences if s.index in top and s.block != lead}


def headline_interval(fig: Figure) -> Interval:
    """A headline figure, read as rounded *or truncated* to its last digit.

    Headlines are short of room: "$14m" heads a story about a $14.5m payment.
    Like a truncated change (`truncated_size`), X with last-digit unit u stands
    for [X - 0.5u, X + u) in size.
    """
    lo, hi = span_of(fig)
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", fig.text)
    v = value(fig)
    if m is None or not math.isfinite(v) or v == 0:
        return lo, hi
    try:
        number = float(m.group(0).replace(",", ""))
    except ValueError:
        return lo, hi
    if number == 0:
        return lo, hi
    unit = 10.0 ** -len(m.group(1) or "") * abs(v) / number
    if v > 0:
        return min(lo, v - 0.5 * unit), max(hi, v + unit * (1 - 1e-6))
    return min(lo, v - unit * (1 - 1e-6)), max(hi, v + 0.5 * unit)


def top_sentences(ctx: CheckContext) -> frozenset[int]:
    """The sentences that sum the story up: headline, key points and the lead paragraph."""
    if (cached := ctx.memo.get("top_sentences")) is not None:
        return cast(frozenset[int], cached)
    ctx.memo["top_sentences"] = found = frozenset(_top_sentences(ctx))
    return found


def _top_sentences(ctx: CheckContext) -> set[int]:
    """What `top_sentences` returns, computed.

    Everything up to the first paragraph of prose (a sentence of eight words
    or more that ends with a full stop), and that paragraph. Headlines, key
    points and datelines do not end with a full stop, so they come before it.
    """
    out: set[int] = set()
    if ctx.block_kinds:
        # The reader's structure is known: headline, key-point bullets, the lead paragraph.
        kinds = ctx.block_kinds
        first = next((i for i, k in enumerate(kinds) if k == "paragraph"), None)
        for s in ctx.sentences:
            k = kinds[s.block] if 0 <= s.block < len(kinds) else "paragraph"
            if k in {"headline", "heading", "bullet", "metadata"} or s.block == first:
                out.add(s.index)
        return out
    lead_block: int | None = None
    for s in sorted(ctx.sentences, key=lambda s: s.index):
        if lead_block is not None and s.block != lead_block:
            break
        out.add(s.index)
        text = s.text.strip()
        if lead_block is None and len(text.split()) >= 8 and _PROSE_END.search(text):
            lead_block = s.block
    return out


def sentence_bounds(ctx: CheckContext, fig: Figure) -> tuple[int, int]:
    s = ctx.sentence_of(fig)
    if s is not None:
        return s.start, s.end
    return 0, len(ctx.text)


def sentence_text(ctx: CheckContext, fig: Figure) -> str:
    start, end = sentence_bounds(ctx, fig)
    return ctx.text[start:end]


def lead_in(ctx: CheckContext, fig: Figure) -> str:
    """The sentence from its start to the end of the figure's clause (`standing.clause_bounds`)."""
    start, end = sentence_bounds(ctx, fig)
    _, stop = clause_bounds(ctx.text, fig.a_start, fig.a_end, start, end)
    return ctx.text[start:stop]


def clause(ctx: CheckContext, fig: Figure) -> str:
    """The clause the figure sits in: from the last clause break before it to the next after it."""
    start, end = sentence_bounds(ctx, fig)
    lo, hi = clause_bounds(ctx.text, fig.a_start, fig.a_end, start, end)
    return ctx.text[lo:hi]


def just_before(ctx: CheckContext, fig: Figure, chars: int = 30) -> str:
    start, _ = sentence_bounds(ctx, fig)
    a_start = max(fig.a_start, start)
    return ctx.text[max(start, a_start - chars) : a_start]


def superseded(fig: Figure) -> bool:
    """A revised, earlier or former version of the figure ("its earlier 16% outlook")."""
    return fig.standing.side == "superseded"


def plain_statement(fig: Figure, targets: set[str]) -> bool:
    """Nothing around the figure makes it another time or version than its frame says.

    Used before comparing figures across sentences: the "from" side of a
    comparison, a year-earlier value and a superseded outlook all carry the
    frame of the current one. A change's "from a year earlier" is its basis, and
    the level a movement ends at ("rose to $1.23B from $1.12B a year earlier") is
    the current value even in a year-earlier sentence.
    """
    side = fig.standing.side
    return side == "current" or (side == "earlier" and fig.id in targets)


def context_marks(fig: Figure) -> tuple[object, ...]:
    """What besides the frame tells two mentions apart: measure version, source, basis."""
    st = fig.standing
    change_basis = st.basis or "-"
    if change_basis == "mixed":
        # Two bases cited side by side: equal to nothing.
        return (object(),)
    # A qualifier belongs to the figure's own phrase, an estimate to its own clause:
    # "the 4.9 mln passengers carried … filled an average of 63.5 pct" is no average,
    # and "Analysts said the 9% growth …" reports the company's figure.
    return (st.version, st.estimated, change_basis)


def listed_item(fig: Figure) -> bool:
    """An item of a list as such: not a comparison's other side, an earlier value or an estimate.

    Lets a figure whose frame has no segment ("€3B from hardware") count as one
    part of a breakdown stated in its sentence.
    """
    return not fig.standing.aside


def compared_side(fig: Figure) -> bool:
    """The figure is the "from"/"versus"/"than" side of a comparison."""
    return fig.standing.side == "compared"


# -- writing messages --------------------------------------------------------

_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹", "CNY": "CN¥", "KRW": "₩"}
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"))


def sig(x: float, digits: int = 3) -> str:
    """`x` to `digits` significant digits, no exponent, thousands separated: 671.14 -> "671"."""
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞"
    if x == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(x))))
    text = f"{round(x, decimals):,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def fmt(x: float, kind: str, unit: str | None, digits: int = 3) -> str:
    """A value as a message shows it: "€1B", "€671M", "$1.1B", "49%", "2 pp", "2x", "9,000"."""
    if kind == "money":
        sym = _SYMBOLS.get(unit or "", f"{unit} " if unit else "")
        sign = "-" if x < 0 else ""
        ax = abs(x)
        for scale, suffix in _SCALES:
            if ax >= scale * 0.9995:
                return f"{sign}{sym}{sig(ax / scale, digits)}{suffix}"
        return f"{sign}{sym}{sig(ax, digits)}"
    if kind == "percent" or unit == "%":
        return f"{sig(x, digits)}%"
    if kind == "points" or unit == "pp":
        return f"{sig(x, digits)} pp"
    if kind == "multiplier" or unit == "x":
        return f"{sig(x, digits)}x"
    return sig(x, digits)


def fmt_interval(iv: Interval, kind: str, unit: str | None) -> str:
    lo, hi = iv
    if not math.isfinite(hi) and not math.isfinite(lo):
        return "any value"
    if not math.isfinite(hi):
        return f"{fmt(lo, kind, unit)} or more"
    if not math.isfinite(lo):
        return f"up to {fmt(hi, kind, unit)}"
    if lo == hi:
        return fmt(lo, kind, unit)
    a, b = fmt(lo, kind, unit), fmt(hi, kind, unit)
    if a == b:
        # "$411.95M–$412.05M", not "$412M–$412M"; an interval narrower than that
        # (a count's ±0.5, a derived value) reads as its value.
        a, b = fmt(lo, kind, unit, 5), fmt(hi, kind, unit, 5)
        if a == b:
            return fmt(lo, kind, unit)
    return f"{a}–{b}"


def ref(fig: Figure) -> str:
    """`"49%" (line 3)`: how a message points at a figure."""
    return f'"{fig.text}" (line {fig.line})'


def r6(x: float) -> float | str:
    """A number for `details`: 6 significant digits; infinities as strings (JSON has none)."""
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return float(f"{x:.6g}")


def iv6(iv: Interval | None) -> list[float | str] | None:
    return None if iv is None else [r6(iv[0]), r6(iv[1])]


def display_segment(ctx: CheckContext, fig: Figure) -> str | None:
    """The segment as the sentence spells it ("AI & Cloud"), else as normalised."""
    if fig.segment is None:
        return None
    m = re.search(re.escape(fig.segment), sentence_text(ctx, fig), re.IGNORECASE)
    return m.group(0) if m else fig.segment


def subject(ctx: CheckContext, fig: Figure) -> str:
    """What a figure measures, for messages: "Nokia AI & Cloud revenue growth, 2026-Q1"."""
    seg = display_segment(ctx, fig)
    metric = fig.metric or "value"
    if fig.role == "share":
        owner = f"{fig.entity} {metric}" if fig.entity else metric
        text = f"{seg}'s share of {owner}" if seg else f"share of {owner}"
    else:
        words = [w for w in (fig.entity, seg, metric) if w]
        if is_change(fig):
            words.append({"up": "growth", "down": "decline"}.get(fig.direction or "", "change"))
        if fig.role in ("forecast", "target"):
            words.append(fig.role)
        text = " ".join(words)
    return f"{text}, {fig.period}" if fig.period else text
