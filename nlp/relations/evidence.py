"""Evidence shared by the proposers: what a figure's value, words and frame say about a pair.

Every function here is a small, named test that a proposer turns into a
feature; the scoring model decides how much each is worth.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from newscheck.nlp import lexicon as lx
from newscheck.nlp.checks.common import kind_class
from newscheck.nlp.checks.intervals import Interval, interval, overlaps, stated
from newscheck.nlp.types import Figure

NUMERIC_KINDS = frozenset({"money", "percent", "points", "number", "multiplier", "range"})
#: Scale words, units and month names say nothing about what a figure measures.
_FILLER = frozenset(
    {
        "million",
        "billion",
        "trillion",
        "thousand",
        "mln",
        "bln",
        "bn",
        "m",
        "per",
        "cent",
        "percent",
        "pct",
        "point",
        "points",
        "percentage",
        "dlrs",
        "dollars",
        "pounds",
        "euros",
        "crore",
        "lakh",
        "year",
        "years",
        "month",
        "months",
        "quarter",
        "week",
        "weeks",
        "said",
        "says",
        "also",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "more",
        "than",
        "over",
        "under",
        "just",
        "only",
    }
)
_DIGITS = re.compile(r"\d[\d,.\u202f\u00a0 ]*\d|\d")


def numeric(fig: Figure) -> bool:
    v = fig.value
    return (
        fig.kind in NUMERIC_KINDS
        and isinstance(v, int | float)
        and not isinstance(v, bool)
        and math.isfinite(float(v))
    )


def same_measure(a: Figure, b: Figure) -> bool:
    """Same kind of number in the same unit: the precondition for any comparison."""
    return kind_class(a) == kind_class(b) and (a.unit or None) == (b.unit or None)


def value_interval(fig: Figure) -> Interval:
    return interval(fig)


def values_agree(a: Figure, b: Figure) -> bool:
    """The two stated values can be the same number.

    Half-open: "1.7%" stands for [1.65, 1.75) and "1.8%" for [1.75, 1.85), so two
    values stated to the same precision agree only when they are equal.
    """
    return intervals_agree(value_interval(a), value_interval(b))


def intervals_agree(ia: Interval, ib: Interval) -> bool:
    if ia[0] == ia[1] or ib[0] == ib[1]:
        return overlaps(ia, ib)
    # Ends that touch up to float noise (1.1500000000000001 against 1.15) do not overlap.
    eps = 1e-9 * max((abs(x) for x in (*ia, *ib) if math.isfinite(x)), default=1.0)
    return ia[0] < ib[1] - eps and ib[0] < ia[1] - eps


def agreement(a: Figure, b: Figure) -> str | None:
    """How two agreeing values agree, None when they do not.

    "equal": the same number as written ("£10,000" twice, "more than 300" and "300");
    "rounded": different numbers that the coarser precision covers ("16%" and "16.2%",
    "£1.2bn" and "£1,198m"); "bound": they meet only because one side is hedged by an
    approximator ("up to 1.4m" and "800,000", "more than £100,000" and "£1bn"), which
    says little about their being one quantity.
    """
    if not values_agree(a, b):
        return None
    if float(a.value) == float(b.value):  # type: ignore[arg-type]
        return "equal"
    return "rounded" if intervals_agree(stated(a), stated(b)) else "bound"


def significant(fig: Figure) -> int:
    """Significant digits as written: "£38,831" 5, "16.2%" 3, "800,000" 1, "$3.00" 1."""
    return len(digits(fig).rstrip("0"))


def digits(fig: Figure) -> str:
    """The digits as written, leading zeros dropped: "$1.54 million" -> "154", "0.8%" -> "8"."""
    return _digits_of(fig.text)


@lru_cache(maxsize=4096)
def _digits_of(text: str) -> str:
    # Cached: the same-quantity proposer asks for every pair of up to 80 figures.
    m = _DIGITS.search(text)
    if m is None:
        return ""
    raw = re.sub(r"\D", "", m.group())
    return raw.lstrip("0") or "0"


def slip(a: Figure, b: Figure, *, agrees: bool | None = None) -> str | None:
    """The copying slip that would turn one stated value into the other, if any.

    "scale": a factor of a power of ten (€350m / €3.5bn, 154,000 / 1.54 million);
    "transposed": two adjacent digits swapped (74.2% / 72.4%, 2,530 / 2,350);
    "digit": one digit changed (¥800bn / ¥850bn, 1.7% / 1.8%).
    `agrees`: whether the values agree, when the caller already knows.
    """
    va, vb = float(a.value), float(b.value)  # type: ignore[arg-type]
    if va <= 0 or vb <= 0 or (values_agree(a, b) if agrees is None else agrees):
        return None
    da, db = digits(a), digits(b)
    ratio = math.log10(va / vb)
    k = round(ratio)
    # The same digits a thousand times apart (m for bn) or less: a million apart is a
    # table's unit in its header ("53.9" under "million tonnes"), not a slip.
    if 1 <= abs(k) <= 3 and abs(ratio - k) < 0.004 and da.rstrip("0") == db.rstrip("0"):
        return "scale"
    # A slip of one or two digits keeps the size: €4.9bn and €0.47bn share digits, not a value.
    if not 0.5 < va / vb < 2:
        return None
    if len(da) == len(db) == 1:
        return "digit"  # "6%" for "9%": a one-digit figure has no other digit to slip
    if len(da) != len(db) or len(da) < 2 or da == db:
        return None
    diff = [i for i, (x, y) in enumerate(zip(da, db, strict=True)) if x != y]
    i = diff[0] if diff else 0
    if len(diff) == 2 and diff[1] == i + 1 and da[i] == db[i + 1] and da[i + 1] == db[i]:
        return "transposed"
    # The leading digit changed is a different number, not a slip of the pen.
    if len(diff) == 1 and diff[0] > 0:
        return "digit"
    return None


def ratio_far(a: Figure, b: Figure, factor: float = 2.0) -> bool:
    va, vb = abs(float(a.value)), abs(float(b.value))  # type: ignore[arg-type]
    if va == 0 or vb == 0:
        return va != vb
    return max(va, vb) / min(va, vb) > factor


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z][a-z'’-]+", text.lower())
    return frozenset(w.rstrip("s") for w in words if w not in STOP_WORDS and w not in _FILLER)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def head(metric: str | None) -> str | None:
    if not metric:
        return None
    words = metric.split()
    return words[-1].rstrip("s") if words else None


def metric_words(fig: Figure) -> frozenset[str]:
    return content_words(" ".join(x for x in (fig.metric, fig.segment) if x))


def resolved(period: str | None) -> bool:
    return bool(period) and bool(re.match(r"^(?:FY)?\d{4}", period or ""))


def metric_kin(a: Figure, b: Figure) -> bool:
    """The two metrics share a word or name one quantity in other words (lexicon.METRIC_KIN)."""
    wa, wb = metric_words(a), metric_words(b)
    if wa & wb:
        return True
    return any(wa & group and wb & group for group in lx.METRIC_KIN)


def metric_generic(fig: Figure) -> bool:
    """No metric, or one that could restate any other ("the figure", "131,600 people")."""
    words = metric_words(fig)
    return not words or words <= lx.GENERIC_METRICS


def metric_apart(a: Figure, b: Figure) -> bool:
    """Two named metrics that are neither one word, kin, nor generic: two quantities."""
    return not (metric_generic(a) or metric_generic(b) or metric_kin(a, b))


def kin_words(fig: Figure, near: list[str], *, metric: bool = True) -> frozenset[str]:
    """The kin groups (by index) that the figure's metric or the words next to it name."""
    words = (metric_words(fig) if metric else frozenset()) | {w.rstrip("s") for w in near}
    return frozenset(str(i) for i, group in enumerate(lx.METRIC_KIN) if words & group)
