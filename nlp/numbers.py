"""Numerals: every number a text states, in digits or in words, with its precision.

This is the layer under `newscheck.nlp.quantities`: it knows nothing of money,
percent or years, only how numbers are written. `find_numerals` returns spans
such as "9,000", "1.5bn", "2.33 k", "forty-nine", "two hundred and fifty",
"three quarters", "one and a half million", "1 1/4", "one in five".

Precision (`low`/`high`) follows the `Quantity` contract: digits stand for
+-half a unit of their last digit ("4.9" -> 4.85..4.95; "9,000" -> 8999.5..9000.5,
trailing zeros of a whole number count as exact digits). A whole mantissa with a
scale ("€1B", "2 million") is read as one implied decimal of the scale
(0.95e9..1.05e9): writers round "1.04bn" to "1bn" but rarely "1.3bn". Number
words are exact ("forty-nine", "a million", "half").

Ordinals are not numerals ("third quarter", "21st"); they only count as the
denominator of a fraction that has a numerator ("a third", "two fifths").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from newscheck.nlp.errors import Errors, InputError

__all__ = ["Numeral", "find_numerals", "parse_words"]


@dataclass(frozen=True, slots=True)
class Numeral:
    start: int
    end: int
    value: float
    low: float
    high: float
    #: Spelled out entirely in words (exact by convention).
    words: bool = False
    #: The scale applied by a suffix or scale word ("bn", "million"); 1 if none.
    scale: float = 1.0
    #: A bare integer in digits without separators, decimals or scale: the shape
    #: of years, scores, model numbers and list indices, which callers vet.
    bare: bool = False
    fraction: bool = False
    #: The mantissa as written when in digits ("4.9" of "$4.9bn"), else "".
    digits: str = ""


# --- digits -----------------------------------------------------------------

_SUFFIX_SCALE: dict[str, float] = {
    "k": 1e3,
    "K": 1e3,
    "m": 1e6,
    "M": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "MM": 1e6,
    "b": 1e9,
    "B": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "G": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "tln": 1e12,
}
# Suffixes that may stand apart from the digits ("1.5 bn"); a lone "m"/"b"
# after a space is a unit or a letter, not a scale.
_SPACED_SUFFIX = frozenset({"bn", "mn", "mln", "bln", "tn", "trn", "tln", "k", "K", "M", "G"})

_NUM_RE = re.compile(
    r"""
    (?P<sign>(?:^|(?<=[\s(\[~]))[-+]\ ?)?
    (?:(?<![A-Za-z0-9_.])|(?<=\bR)|(?<=\bRs))   # "A320" is a name; "R2bn", "Rs500" money
    (?<!\d,\d{3})(?<![A-Za-z]-)                 # "COVID-19", "F-35" are names
    (?P<mant>
        \d{1,3}(?:,\d{3})+(?:\.\d+)?(?!,\d)
      | \d{1,2},(?:\d{2},)+\d{3}(?:\.\d+)?       # Indian grouping 12,34,567
      | \d{1,3}(?:\ \d{3})+(?:\.\d+)?(?!\d)       # SI grouping 1 234 567
      | (?<!\d,)\d{1,3},\d{1,2}(?![\d,])(?!,\d)   # decimal comma 5,00 (not a list 22,24,26)
      | \d+\.\d+
      | \d+
      | \.\d+
    )
    (?P<exp>e[-+]?\d+(?![\d.])|\^[-+]*\d+(?:\.\d+)?)?
    (?P<frac>[\ -]+\d{1,2}/\d{1,2}(?![\d/])|/\d+(?![\d/]))?
    (?:(?P<sp>\s*)(?P<sfx>bn|mln|mn|bln|tn|trn|tln|mil|MM|k|K|m|M|b|B|G)(?![A-Za-z0-9]))?
    (?=(?:bps?|pp|pts|pc|p)?(?![A-Za-z0-9]))   # "50p" pence, "25bp", "2pp" points, "5pc"
    (?!\.\d)(?!,\d{3}(?!\d))(?!:\d)
    """,
    re.VERBOSE,
)

# A currency sign just before the digits makes "m"/"b"/"K" money scales.
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹]|\b[A-Z]{3})\s?$")
# Nouns that make a lower-case "m" a million rather than metres ("2.3m people").
_COUNT_AFTER = re.compile(
    r"\s+(?:of|people|users|customers|subscribers|viewers|households|homes|jobs|workers|"
    r"employees|shares|barrels|tonnes|tons|passengers|visitors|voters|votes|units|cars|"
    r"vehicles|copies|downloads|members|accounts|patients|cases|children|adults|"
    r"residents|deaths|students|unemployed|more|in|a|each|per|from|to|and|or|last|this)\b"
    # "the 50k note", "a 5m coin": a denomination is money, never a length.
    r"|[\s-]+(?:bank)?notes?\b|[\s-]+coins?\b"
)


_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
_COMMON_DENOMINATORS = frozenset({2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 32.0, 64.0, 100.0})


def _half_unit(mant: str) -> float:
    """Half a unit of the last written digit of a mantissa ("4.90" -> 0.005)."""
    if "." in mant:
        return 0.5 * 10.0 ** -(len(mant) - mant.index(".") - 1)
    return 0.5


def _finite(n: Numeral) -> Numeral | None:
    return n if math.isfinite(n.value) and math.isfinite(n.low) and math.isfinite(n.high) else None


def _mantissa_value(mant: str) -> float:
    return float(mant.replace(",", "").replace(" ", ""))


def _scaled_bounds(mant: str, value: float, scale: float) -> tuple[float, float]:
    # A whole mantissa with a scale has one implied decimal: see the module docstring.
    half = 0.05 * scale if scale != 1.0 and "." not in mant else _half_unit(mant) * scale
    return value - half, value + half


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    low: str  # lower-cased word, "#" for a digit atom, or the punctuation char
    num: Numeral | None = None


def _digit_atom(text: str, m: re.Match[str]) -> Numeral | None:
    mant = m.group("mant")
    if _DECIMAL_COMMA.fullmatch(mant):
        mant = mant.replace(",", ".")
    sign = -1.0 if (m.group("sign") or "").startswith("-") else 1.0
    start = m.start("sign") if m.group("sign") else m.start("mant")
    end = m.end()
    sfx = m.group("sfx")
    value = _mantissa_value(mant)
    exp = m.group("exp")
    frac = m.group("frac")
    if sfx is not None:
        spaced = bool(m.group("sp"))
        before = text[max(0, start - 6) : start]
        money = bool(_CURRENCY_BEFORE.search(before))
        ok = True
        if spaced and sfx not in _SPACED_SUFFIX:
            ok = False
        elif sfx == "m" and not (money or "." in mant or _COUNT_AFTER.match(text, end)):
            ok = False  # "100m" race, "1m" of rope: metres, not millions
        elif sfx in ("K", "G") and not money and len(mant) == 1:
            ok = False  # "4K", "5G": resolutions and network generations
        elif sfx == "b" and not money and "." not in mant:
            ok = False  # "3b" is a footnote or a grade more often than 3 billion
        if not ok:
            if not spaced:
                return None
            end = m.start("sp")
            sfx = None
    if frac:
        # "3/4" and "2 1/4": the mantissa is the whole part or the numerator.
        mixed = frac[0] in " -"  # "2 1/4", and the wire's "85-1/8"
        num_s, den_s = frac.strip(" -").split("/") if mixed else (mant, frac[1:])
        den = float(den_s)
        # Only common fractions: "9/11", "24/7" and "17/2018" are names and dates.
        if den not in _COMMON_DENOMINATORS or (not mixed and value >= den):
            return None
        if frac[0] == "-" and (float(num_s) >= den or " " in frac or "." in mant):
            return None  # "3-5/4", "4 - 1/2": no price written as a mixed fraction
        value = value + float(num_s) / den if mixed else value / den
        # "1-1/2 mln shares": the scale counts, as after any other mantissa.
        scale = _SUFFIX_SCALE[sfx] if sfx else 1.0
        value *= sign * scale
        return Numeral(start, end, value, value, value, scale=scale, fraction=True)
    if exp:
        try:
            if exp.startswith("^"):
                power = float(exp.strip("^+-")) * (-1.0 if exp.count("-") % 2 else 1.0)
                value = value**power
                return _finite(Numeral(start, end, sign * value, sign * value, sign * value))
            value = value * 10.0 ** int(exp[1:])
            half = _half_unit(mant) * 10.0 ** int(exp[1:])
        except (OverflowError, ZeroDivisionError):
            return None  # "10^999", "1e400": beyond any figure a story states
        v = sign * value
        return _finite(Numeral(start, end, v, v - half, v + half))
    scale = _SUFFIX_SCALE[sfx] if sfx else 1.0
    v = sign * value * scale
    lo, hi = _scaled_bounds(mant, v, scale)
    bare = sfx is None and mant.isdigit() and sign > 0
    return Numeral(start, end, v, lo, hi, scale=scale, bare=bare, digits=mant)


# --- words ------------------------------------------------------------------

_UNITS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_UNITS.update({"nought": 0, "naught": 0})
_TENS: dict[str, int] = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
_SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "bn": 1e9,
    "mln": 1e6,
    "bln": 1e9,
    "mn": 1e6,
    "tln": 1e12,
    "trn": 1e12,
}
_DOZEN = frozenset({"dozen", "dozens", "dz", "dzs", "doz", "dozs"})
# Ordinals usable as denominators, singular and plural.
_ORD_SIMPLE: dict[str, float] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1e3,
    "millionth": 1e6,
    "billionth": 1e9,
    "trillionth": 1e12,
    "half": 2,
    "quarter": 4,
}
_ORD: dict[str, tuple[float, bool]] = {}  # word -> (denominator, plural)
for _w, _d in _ORD_SIMPLE.items():
    _ORD[_w] = (_d, False)
    _ORD[_w + "s"] = (_d, True)
_ORD["halves"] = (2, True)
del _ORD["halfs"]
# "first"/"second" only denominate inside a compound ("twenty-first").
_ORD_ALONE_EXCLUDED = frozenset({"first", "firsts", "second", "seconds"})

_NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS)
_WORD_RE = re.compile(r"[A-Za-z]+|[-–/]|\d")
_TOKEN_RE = re.compile(
    r"(?P<w>[A-Za-z]+)|" + _NUM_RE.pattern + r"|(?P<p>[-–/])",
    re.VERBOSE,
)
_GAP_OK = re.compile(r"[ \t]*\n?[ \t]*")


def _is_num_word(t: _Tok) -> bool:
    return t.num is not None or t.low in _UNITS or t.low in _TENS


class _Stream:
    """The token stream of a text: digit atoms, words, hyphens and slashes."""

    __slots__ = ("text", "toks")

    def __init__(self, text: str) -> None:
        self.text = text
        toks: list[_Tok] = []
        add = toks.append
        for m in _TOKEN_RE.finditer(text):
            kind = m.lastgroup
            if kind == "w":
                add(_Tok(m.start(), m.end(), m.group().lower()))
            elif kind == "p":
                add(_Tok(m.start(), m.end(), m.group()))
            else:
                atom = _digit_atom(text, m)
                if atom is not None:
                    add(_Tok(atom.start, atom.end, "#", atom))
                    if atom.end < m.end():  # a suffix we declined: "10 m"
                        for w in _WORD_RE.finditer(text, atom.end, m.end()):
                            add(_Tok(w.start(), w.end(), w.group().lower()))
                else:
                    add(_Tok(m.start(), m.end(), "?"))  # opaque: "5G", "1m"
        self.toks = toks

    def adjacent(self, i: int, j: int) -> bool:
        """Only blanks (at most one line break) between token i and token j."""
        return bool(_GAP_OK.fullmatch(self.text, self.toks[i].end, self.toks[j].start))

    def tight(self, i: int, j: int) -> bool:
        return self.toks[i].end == self.toks[j].start


@dataclass(slots=True)
class _Parse:
    end: int  # token index, exclusive
    value: float
    words: bool
    scale: float = 1.0
    last: str = ""  # kind of the last component: unit/tens/hundred/scale/digit/dozen
    place: float = 1.0  # place value of the last component
    #: Token index of the last "and" joined inside, and the value before it.
    and_at: int = -1
    before_and: float = 0.0
    scale_before_and: float = 1.0


#: How many "and" groups one numeral phrase may nest ("one hundred and two thousand
#: and ..."): real phrases use two or three; each group re-reads the rest of the
#: phrase, so an endless chain would cost quadratic time and then Python's stack.
MAX_AND_DEPTH = 32


def _cardinal(s: _Stream, i: int, stop: int, depth: int = 0) -> _Parse | None:
    """The longest cardinal starting at token i, before token `stop`.

    `InputError` NC-E013 when "and" groups nest deeper than `MAX_AND_DEPTH`.
    """
    if depth > MAX_AND_DEPTH:
        raise InputError(Errors.E013, limit=MAX_AND_DEPTH, at=s.toks[i].start)
    toks = s.toks
    total = hundreds = small = 0.0
    last = ""
    last_scale = math.inf
    words = True
    scale_used = 1.0
    place = 1.0
    and_at = -1
    before_and = 0.0
    scale_before_and = 1.0
    j = i
    result: _Parse | None = None

    def fits(v: float) -> bool:
        # After "hundred"/a scale/"and" a component must fit below its place.
        return last == "" or (last in ("scale", "hundred", "and") and v < place)

    while j < stop:
        t = toks[j]
        w = t.low
        if j > i and not s.adjacent(j - 1, j):
            break
        if t.num is not None:
            nm = t.num
            if last == "":
                small = nm.value
                words = False
                if nm.scale != 1.0:
                    total, small = small, 0.0
                    scale_used = last_scale = place = nm.scale
                    last = "scale"
                else:
                    last = "digit"
                j += 1
                result = _Parse(j, total + hundreds + small, words, scale_used, last, place)
                if nm.scale != 1.0 or nm.fraction or nm.value < 0:
                    break
                continue
            if last in ("scale", "hundred", "and") and nm.bare and fits(nm.value):
                small = nm.value
                words = False
                last = "digit"
                j += 1
                result = _Parse(j, total + hundreds + small, words, scale_used, last, place)
                continue
            break
        if w in _UNITS:
            v = _UNITS[w]
            if not ((last == "tens" and 1 <= v <= 9) or fits(v)):
                break
            small += v
            last = "unit"
            place = 1.0
            j += 1
        elif w in _TENS:
            if not fits(_TENS[w]):
                break
            small += _TENS[w]
            last = "tens"
            place = 10.0
            j += 1
        elif w == "-":
            nxt = toks[j + 1].low if j + 1 < stop else ""
            if last == "tens" and nxt in _UNITS and 1 <= _UNITS[nxt] <= 9:
                j += 1
                continue
            if (
                nxt in _SCALES
                and last in ("unit", "tens", "hundred")
                and s.tight(j - 1, j)
                and s.tight(j, j + 1)
            ):
                j += 1  # "a two-million dollar house", "a three-billion-euro fund"
                continue
            break
        elif w == "hundred":
            if last not in ("unit", "tens", "digit") or hundreds or small <= 0:
                break
            hundreds, small = small * 100, 0.0
            last = "hundred"
            place = 100.0
            j += 1
        elif w in _SCALES:
            sc = _SCALES[w]
            g = hundreds + small
            if g > 0 and sc < last_scale:
                total += g * sc
                hundreds = small = 0.0
                last_scale = scale_used = place = sc
            elif g == 0 and last == "scale" and total > 0:
                total *= sc  # "three lakh crore": a scale of a scale
                scale_used *= sc
                last_scale = place = scale_used
            else:
                break
            last = "scale"
            j += 1
        elif w in _DOZEN:
            if last in ("unit", "tens", "digit") and small > 0:
                small *= 12  # binds only what follows "hundred": "three hundred and two dozen"
                last = "dozen"
                place = 12.0
                result = _Parse(j + 1, total + hundreds + small, words, scale_used, last, place)
            break
        elif w == "and" and last in ("hundred", "scale", "tens") and j + 1 < stop:
            nxt = toks[j + 1]
            # "one hundred and six" joins; "between one hundred and two hundred"
            # does not: what follows must fit below the place before "and".
            if nxt.num is not None and last != "hundred":
                break
            probe = _cardinal(s, j + 1, stop, depth + 1)
            lim = 10.0 if last == "tens" else place
            if probe is None or probe.value <= 0:
                break
            if not probe.value < lim and not (
                # "two hundred and two thousand": the group goes on under a larger scale
                last == "hundred" and probe.last == "scale" and probe.value / probe.scale < 100
            ):
                break
            and_at = j
            before_and = total + hundreds + small
            scale_before_and = scale_used if last == "scale" else 1.0
            place = lim
            last = "and"
            j += 1
            continue
        else:
            break
        result = _Parse(j, total + hundreds + small, words, scale_used, last, place)
    if result is not None:
        result.and_at = and_at if and_at < result.end else -1
        result.before_and = before_and
        result.scale_before_and = scale_before_and
    return result


def _ordinal_at(s: _Stream, j: int) -> tuple[float, bool, int] | None:
    """A denominator at token j: (denominator, plural, end token)."""
    if j >= len(s.toks):
        return None
    w = s.toks[j].low
    if w in _ORD:
        d, plural = _ORD[w]
        return d, plural, j + 1
    return None


def _compound_ok(prefix: _Parse, ordinal: float) -> bool:
    """Whether "thirty" + "fifth" (35th) or "one hundred" + "fifth" is an ordinal."""
    if not prefix.words or prefix.value <= 0 or ordinal >= 100:
        return False
    if ordinal < 10:
        return prefix.value % 10 == 0
    return prefix.value % 100 == 0


_SCALE_AFTER = frozenset({"million", "billion", "trillion", "thousand"})
# Words after "a fifth"/"one third" that leave it a fraction; any other word is
# the noun of an ordinal ("a third term", "a fifth straight year").
_FRACTION_FOLLOWERS = frozenset(
    [
        "of",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "for",
        "with",
        "as",
        "than",
        "more",
        "less",
        "this",
        "that",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "since",
        "over",
        "after",
        "before",
        "last",
        "percent",
        "per",
        "cent",
        "pct",
        "million",
        "billion",
        "trillion",
        "thousand",
        "stake",
        "share",
        "higher",
        "lower",
        "is",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "be",
        "been",
        "said",
        "says",
    ]
)


def _fraction_tail_ok(s: _Stream, k: int, plural: bool) -> bool:
    if k >= len(s.toks) or not s.adjacent(k - 1, k):
        return True
    nxt = s.toks[k].low
    if not nxt.isalpha():
        return nxt != "-"
    if plural:
        return True
    return nxt in _FRACTION_FOLLOWERS


_PhraseResult = tuple[int, float, float, float, bool, float, bool]


def _scale_after(s: _Stream, k: int) -> tuple[int, float] | None:
    """A scale that multiplies a fraction: "half million", "two thirds of a million"."""
    toks = s.toks
    n = len(toks)
    if k < n and s.adjacent(k - 1, k) and toks[k].low in _SCALES and toks[k].low.isalpha():
        return k + 1, _SCALES[toks[k].low]
    if (
        k + 2 < n
        and toks[k].low == "of"
        and toks[k + 1].low in ("a", "an")
        and toks[k + 2].low in _SCALES
        and s.adjacent(k - 1, k)
        and s.adjacent(k + 1, k + 2)
    ):
        return k + 3, _SCALES[toks[k + 2].low]
    return None


def _compound_den(s: _Stream, j: int) -> tuple[float, bool, int] | None:
    """A compound ordinal at token j: "twenty-fifths", "one hundred fifth"."""
    toks = s.toks
    n = len(toks)
    pre = _cardinal(s, j, n)
    if pre is None or not pre.words or pre.and_at >= 0:
        return None
    k = pre.end
    if k < n and toks[k].low == "-" and s.tight(k - 1, k):
        k += 1
    if k >= n or not s.adjacent(k - 1, k):
        return None
    o = _ordinal_at(s, k)
    if o is None or not _compound_ok(pre, o[0]):
        return None
    return pre.value + o[0], o[1], o[2]


def _phrase(s: _Stream, i: int) -> _PhraseResult | None:
    """A number phrase at token i: (end, value, low, high, words, scale, fraction)."""
    toks = s.toks
    n = len(toks)
    t = toks[i]
    sign = 1.0
    if t.low in ("minus", "negative"):
        if not (i + 1 < n and s.adjacent(i, i + 1) and _is_num_word(toks[i + 1])):
            return None
        nx = toks[i + 1]
        if nx.num is not None and nx.num.value < 0:
            return None
        sign = -1.0
        i += 1
        t = toks[i]
    if t.low in ("a", "an", "half", "quarter"):
        return _article_phrase(s, i, sign)
    card = _cardinal(s, i, n)
    if card is None:
        return None
    j = card.end
    value = card.value
    words = card.words
    scale = card.scale
    fraction = False
    if j < n and s.adjacent(j - 1, j) and words:
        frac = _fraction_after(s, i, card)
        if frac is not None:
            j, value = frac
            fraction = True
    if (
        not fraction
        and words
        and j + 1 < n
        and toks[j].low == "and"
        and toks[j + 1].low in _ORD
        and not _ORD[toks[j + 1].low][1]
        and toks[j + 1].low not in ("half", "quarter")
        and s.adjacent(j, j + 1)
    ):
        return None  # "the one hundred and fifth": an ordinal
    if not fraction and j < n and toks[j].low == "and" and s.adjacent(j - 1, j):
        tail = _and_fraction(s, j + 1)
        if tail is not None:
            k, fv = tail
            sc = _scale_after(s, k)
            if sc is not None and toks[k].low != "of":
                k, scv = sc
                if card.last == "scale":
                    value += fv * scv  # "one billion and a half million"
                else:
                    value = (value + fv) * scv  # "one and a half million"
                    scale = scv
            elif card.last == "scale":
                value += fv * card.scale  # "one million and a half"
            else:
                value += fv  # "five and a quarter"
            fraction = True
            j = k
    if fraction and words and card.and_at < 0:
        sc = _scale_after(s, j)
        if sc is not None and card.last != "scale":
            j, scv = sc
            value *= scv
            scale = scv
    if not fraction and j < n and s.adjacent(j - 1, j):
        ratio = _ratio(s, j, value, words, card)
        if ratio is not None:
            j, value = ratio
            fraction = True
    if not fraction and words and j < n and toks[j].low == "point" and s.adjacent(j - 1, j):
        dec = _point_digits(s, j + 1)
        if dec is not None:
            j, digits = dec
            value = value + float("0." + digits)
    value *= sign
    if words:
        return j, value, value, value, True, scale, fraction
    first = toks[i].num
    if first is None:  # "one million 500": words then digits, taken as exact
        return j, value, value, value, False, scale, fraction
    if j == i + 1:
        if first.fraction and first.scale == 1.0 and (sc := _scale_after(s, j)) is not None:
            # "2 1/2 billion dlrs", "3-3/4 million": a fraction of a scale word.
            j, scv = sc
            v = first.value * scv * sign
            return j, v, v, v, False, scv, True
        lo, hi = sorted((first.low * sign, first.high * sign))
        return j, first.value * sign, lo, hi, False, first.scale, first.fraction
    if card.end == i + 2 and card.last == "scale" and not fraction and j == card.end:
        # Digits with a scale word: "2 million", "1.5 billion".
        lo, hi = sorted(_scaled_bounds(first.digits or "0", value, card.scale))
        return j, value, lo, hi, False, card.scale, False
    return j, value, value, value, False, scale, fraction


def _fraction_after(s: _Stream, i: int, card: _Parse) -> tuple[int, float] | None:
    """A denominator after the cardinal `card` (which starts at token i)."""
    toks = s.toks
    n = len(toks)
    j = card.end
    o = _ordinal_at(s, j)
    if o is None and toks[j].low == "-" and j + 1 < n and s.adjacent(j, j + 1):
        o = _ordinal_at(s, j + 1)  # "one-third", "five - eighths"
        if o is None:
            c = _compound_den(s, j + 1)
            if c is not None and c[0] < 100:
                o = c
    if o is None:
        # "twenty twenty-fifths", "one one hundred fifth": numerator, then a
        # compound ordinal as denominator.
        c = _compound_den(s, j)
        if c is None or card.last not in ("unit", "tens", "hundred", "scale"):
            return None
        d, plural, k = c
        if plural == (card.value == 1):
            return None
        if toks[k - 1].low in ("quarters", "halves") and not _quarters_fraction(s, i, k):
            return None
        return k, card.value / d
    d, plural, k = o
    word = toks[k - 1].low
    if card.and_at >= 0 and card.end - card.and_at == 2 and card.last == "unit":
        # "one hundred and three quarters": the fraction is the part after "and".
        num = _UNITS[toks[card.end - 1].low]
        if word in _ORD_ALONE_EXCLUDED or plural != (num != 1):
            return None
        f = num / d
        sc = _scale_after(s, k)
        if sc is not None and toks[k].low != "of":
            k, scv = sc
            f *= scv  # "one billion and three quarters million"
        else:
            f *= card.scale_before_and  # "two million and one half"
        return k, card.before_and + f
    # The longest compound denominator that leaves a whole numerator:
    # "one hundred thirty fifths" is 100/35, "one hundred one thousand fifths" 100/1005.
    for split in range(i + 1, j):
        if toks[split].low in ("-", "and") or toks[split - 1].low in ("-", "and"):
            continue
        pre = _cardinal(s, split, j)
        num = _cardinal(s, i, split)
        if (
            pre is not None
            and pre.end == j
            and num is not None
            and num.end == split
            and _compound_ok(pre, d)
        ):
            return k, num.value / (pre.value + d)
    if word in _ORD_ALONE_EXCLUDED or card.last not in ("unit", "tens", "hundred", "scale"):
        return None
    if plural == (card.value == 1):
        return None  # "two millionth" is an ordinal; "one thirds" is not English
    if not _fraction_tail_ok(s, k, plural):
        return None
    if word in ("quarters", "halves") and not _quarters_fraction(s, i, k):
        return None
    return k, card.value / d


_PERIOD_BEFORE = frozenset(
    [
        "the",
        "past",
        "last",
        "next",
        "previous",
        "first",
        "recent",
        "consecutive",
        "straight",
        "successive",
        "those",
        "these",
        "its",
        "their",
        "for",
        "over",
    ]
)


def _quarters_fraction(s: _Stream, i: int, k: int) -> bool:
    """ "three quarters of" is a fraction; "the past three quarters" are periods."""
    if i > 0 and s.adjacent(i - 1, i) and s.toks[i - 1].low in _PERIOD_BEFORE:
        return False
    if k >= len(s.toks) or not s.adjacent(k - 1, k):
        return True
    nxt = s.toks[k].low
    return nxt in ("of", "million", "billion", "percent") or not nxt.isalpha()


def _and_fraction(s: _Stream, j: int) -> tuple[int, float] | None:
    """ "a half", "one half", "three quarters", "two thirds" after "and"."""
    toks = s.toks
    n = len(toks)
    if j >= n or not s.adjacent(j - 1, j):
        return None
    w = toks[j].low
    if w in ("a", "an", "one"):
        num = 1.0
        k = j + 1
    else:
        card = _cardinal(s, j, n)
        if card is None or not card.words:
            return None
        num = card.value
        k = card.end
    if k >= n or not s.adjacent(k - 1, k):
        return None
    o = _ordinal_at(s, k)
    if o is None:
        return None
    d, _plural, e = o
    if toks[k].low in _ORD_ALONE_EXCLUDED:
        return None
    # Compound denominator after "and": "a thirtieth" is simple; "a twenty-first" rare.
    return e, num / d


def _ratio(s: _Stream, j: int, value: float, words: bool, card: _Parse) -> tuple[int, float] | None:
    """ "one over three", "1 out of 3", "one in five": a ratio stated as two numbers."""
    toks = s.toks
    n = len(toks)
    w = toks[j].low
    k = j + 1
    if w == "out" and k < n and toks[k].low == "of":
        k += 1
    elif w not in ("over", "in"):
        return None
    if k >= n or not s.adjacent(k - 1, k) or card.last in ("scale", "dozen") or value < 0:
        return None
    den = _cardinal(s, k, n)
    if den is None or den.value <= 0 or den.last in ("scale", "dozen"):
        return None
    first = toks[k].num
    # "one in five"; "2 in 2019" is a year, "won 3 in 90 minutes" a count.
    if w == "in" and (
        not (1 <= value <= 10 and value < den.value <= 1000)
        or (first is not None and first.value >= 100)
    ):
        return None
    if (
        w == "over"
        and den.end < n
        and s.adjacent(den.end - 1, den.end)
        and toks[den.end].low.isalpha()
    ):
        return None  # "over 3 years": a duration, not a ratio
    return den.end, value / den.value


def _point_digits(s: _Stream, j: int) -> tuple[int, str] | None:
    toks = s.toks
    n = len(toks)
    out = ""
    k = j
    while k < n and s.adjacent(k - 1, k):
        w = toks[k].low
        if w in _UNITS:
            out += str(_UNITS[w])
            k += 1
        elif w in _TENS:
            v = _TENS[w]
            if k + 2 < n and toks[k + 1].low == "-" and toks[k + 2].low in _UNITS:
                v += _UNITS[toks[k + 2].low]
                k += 3
            elif k + 1 < n and toks[k + 1].low in _UNITS and 1 <= _UNITS[toks[k + 1].low] <= 9:
                v += _UNITS[toks[k + 1].low]
                k += 2
            else:
                k += 1
            out += str(v)
        else:
            break
    return (k, out) if out else None


def _article_phrase(s: _Stream, i: int, sign: float) -> _PhraseResult | None:
    """Phrases led by "a"/"an"/"half"/"quarter": "a dozen", "a third", "half a million"."""
    toks = s.toks
    n = len(toks)
    w = toks[i].low
    if w in ("half", "quarter"):
        frac = 0.5 if w == "half" else 0.25
        k = i + 1
        if k + 1 < n and s.adjacent(i, k) and toks[k].low in ("a", "an"):
            k += 1
        if k < n and s.adjacent(k - 1, k) and (toks[k].low in _SCALES or toks[k].low in _DOZEN):
            sc = _SCALES.get(toks[k].low, 12.0)
            v = sign * frac * sc
            return k + 1, v, v, v, True, sc, False
        if w == "half":
            v = sign * 0.5
            return i + 1, v, v, v, True, 1.0, True
        return None
    k = i + 1
    if k >= n or not s.adjacent(i, k):
        return None
    nxt = toks[k].low
    if nxt == "hundred" or (nxt in _SCALES and nxt.isalpha() and len(nxt) > 3) or nxt in _DOZEN:
        # "a hundred", "a million", "a dozen": the article is "one".
        value = 100.0 if nxt == "hundred" else _SCALES.get(nxt, 12.0)
        scale = value if nxt in _SCALES else 1.0
        j = k + 1
        while j < n and s.adjacent(j - 1, j) and toks[j].low in _SCALES:
            sc = _SCALES[toks[j].low]
            if sc <= value:
                break
            value *= sc  # "a hundred thousand"
            scale = sc
            j += 1
        if j < n and s.adjacent(j - 1, j):
            o = _ordinal_at(s, j)
            if o is not None and o[1]:
                v = sign * value / o[0]  # "a hundred trillionths"
                return o[2], v, v, v, True, 1.0, True
        v = sign * value
        return j, v, v, v, True, scale, False
    o = _ordinal_at(s, k)
    if o is None:
        c = _compound_den(s, k)  # "a twenty-first"
        if c is None or c[1]:
            return None
        v = sign / c[0]
        return c[2], v, v, v, True, 1.0, True
    d, plural, e = o
    if plural or nxt in _ORD_ALONE_EXCLUDED:
        return None
    if nxt == "quarter" and not _quarters_fraction(s, i, e):
        return None  # "a quarter earlier"
    if not _fraction_tail_ok(s, e, plural):
        return None
    v = sign / d
    sc2 = _scale_after(s, e)
    if sc2 is not None:
        e, scv = sc2
        v *= scv  # "a quarter million", "a third of a million"
        return e, v, v, v, True, scv, False
    return e, v, v, v, True, 1.0, True


_STARTERS = (
    frozenset(_UNITS) | frozenset(_TENS) | {"a", "an", "half", "quarter", "minus", "negative", "#"}
)


def find_numerals(text: str) -> list[Numeral]:
    """Every numeral in `text`, in order, non-overlapping."""
    s = _Stream(text)
    toks = s.toks
    out: list[Numeral] = []
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if t.low not in _STARTERS:
            i += 1
            continue
        p = _phrase(s, i)
        if p is None:
            i += 1
            continue
        j, value, lo, hi, words, scale, fraction = p
        a, b = toks[i].start, toks[j - 1].end
        if j == i + 1 and t.num is not None:
            out.append(t.num)
        else:
            bare = False
            digits = ""
            first = toks[i].num if toks[i].low != "minus" else None
            if first is not None and not fraction:
                digits = first.digits
            out.append(
                Numeral(
                    a,
                    b,
                    value,
                    min(lo, hi),
                    max(lo, hi),
                    words=words,
                    scale=scale,
                    bare=bare,
                    fraction=fraction,
                    digits=digits,
                )
            )
        i = j
    return out


def parse_words(phrase: str) -> float | None:
    """The value of a phrase that is one number in words, else None."""
    nums = find_numerals(phrase)
    if len(nums) == 1 and nums[0].start == 0 and nums[0].end == len(phrase.rstrip()):
        return nums[0].value
    return None
