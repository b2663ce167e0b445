"""Figures as intervals: what a stated figure can stand for.

statcheck's rule: a value given to d decimals stands for +-0.5*10^-d; the
recognisers already put that interval in `Figure.low`/`high`. Approximators
widen it ("about") or make it one-sided ("more than"); whether they may is the
rule's call, so it is a flag here.
"""

from __future__ import annotations

import math

from newscheck.nlp.types import Figure

#: How far "about"/"~"/"roughly" may stray from the stated value, relative.
ABOUT = 0.05
#: "nearly"/"almost" 50 means a little under 50: at most this far under.
NEARLY = 0.10

Interval = tuple[float, float]


def stated(fig: Figure) -> Interval:
    """The interval the stated precision allows, approximators ignored."""
    v = float(fig.value) if isinstance(fig.value, int | float) else math.nan
    lo = float(fig.low) if isinstance(fig.low, int | float) else v
    hi = float(fig.high) if isinstance(fig.high, int | float) else v
    return (min(lo, hi), max(lo, hi))


def interval(fig: Figure, *, widen: bool = True) -> Interval:
    """The interval a figure stands for, approximators folded in when `widen`."""
    lo, hi = stated(fig)
    if not widen or fig.approx is None:
        return (lo, hi)
    v = float(fig.value) if isinstance(fig.value, int | float) else (lo + hi) / 2
    mag = abs(v)
    match fig.approx:
        case "about":
            return (lo - ABOUT * mag, hi + ABOUT * mag)
        case "nearly":
            return (lo - NEARLY * mag, hi)
        case "more_than" | "at_least":
            return (lo, math.inf)
        case "less_than" | "up_to":
            return (-math.inf, hi)
    return (lo, hi)


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def scale(a: Interval, k: float) -> Interval:
    x, y = a[0] * k, a[1] * k
    return (min(x, y), max(x, y))


def divide(a: Interval, b: Interval) -> Interval | None:
    """a / b for positive intervals; None when b may be zero or signs are mixed."""
    if b[0] <= 0 or a[0] < 0:
        return None
    return (a[0] / b[1], a[1] / b[0])


def multiply(a: Interval, b: Interval) -> Interval:
    products = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]]
    products = [p for p in products if not math.isnan(p)]
    return (min(products), max(products))


def distance(a: Interval, b: Interval) -> float:
    """0 when they overlap, else the gap between them."""
    if overlaps(a, b):
        return 0.0
    return b[0] - a[1] if a[1] < b[0] else a[0] - b[1]
