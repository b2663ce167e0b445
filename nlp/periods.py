"""Dates and reporting periods in the analysis text.

`find_periods` finds candidates with its own regular expressions and resolves
them arithmetically; it does not call `dateparser` (its `search_dates` is slow
and fires on ordinary words such as "may" or "second"). Every pattern here
either names a calendar unit explicitly (month, quarter, half, fiscal year) or
needs a cue word, so common words and figures stay out.

Values (ISO 8601 where possible; `low`/`high` are the first and last day):

* dates: kind "date", value "2026-03-31", low = high = value. A stated weekday
  is kept in `weekday` (0=Monday) even when it contradicts the date, so a check
  can compare them. A date without a year and no reference is "--03-31" with
  low/high None; a bare weekday ("on Monday") has value None. An impossible
  date ("February 30, 2026") has value None.
* periods: kind "period" with value "2026-Q1", "2026-H1", "FY2025", "2025",
  "2026-03", "2025..2028" (a span of years), "..2028" (open start: "through
  2028"; low is the reference date or None), "annual" ("annually", "a year"),
  or a relative label: "year-earlier", "year-on-year", "quarter-earlier",
  "quarter-on-quarter" (low/high None; they are relative to the period under
  discussion, not to the article's date).

Without a year, a quarter, half or month resolves against `reference` to the
most recent such period that starts on or before the reference date ("the
fourth quarter" in an article dated 2026-04-30 is 2025-Q4; "Q1" is 2026-Q1); a
day-month date resolves to the nearest such day. With no reference they keep a
year-less label ("Q1", "H2", "--03") and low/high None. "last year", "this
quarter", "next month" resolve against the reference or become the labels
"last-year", "this-quarter", "next-month". A year-less quarter, half or month
placed by a relative year ("the first half of next year", "Q1 last year",
"last year's fourth quarter", "in March this year") is one match, resolved
against the reference year (2019-11-20: "2020-H1") or, with no reference,
labelled "next-year-H1", "last-year-Q1", "this-year-03".
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import Literal

from newscheck.nlp.types import Quantity

__all__ = ["find_periods"]

# Speed: Python's `re` only scans quickly when a pattern starts with a literal
# or a character set; a leading `\b`, look-behind or optional group makes it try
# every position. So the date and year patterns are split into a cheap scanner
# (a capitalised word, a 19xx/20xx number, "Q1"/"1Q"/"H1") plus small anchored
# matches before and after it, and the word patterns ("quarter", "year", ...)
# only run on windows around their anchor words.

_MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _i:
        _MONTHS[_name.lower()] = _i
        _MONTHS[_name[:3].lower()] = _i
_MONTHS["sept"] = 9
_FULL_MONTHS = {name.lower() for name in calendar.month_name if name}

_WEEKDAYS: dict[str, int] = {}
for _i, _name in enumerate(calendar.day_name):
    _WEEKDAYS[_name.lower()] = _i
    _WEEKDAYS[_name[:3].lower()] = _i
_WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
_FULL_WEEKDAYS = {name.lower() for name in calendar.day_name}

_YEAR = r"(?:19|20)\d{2}"
# A year is not followed by a letter, a digit, a decimal part or a percent sign
# ("1990s", "2026.5", "2025%").
_YEAR_END = r"(?![\w%]|[.,]\d)"
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues|Tue|Weds|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)"
)
_ORD_Q = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}

# Month names are matched case-sensitively (capitalised): newsroom copy
# capitalises them, and that keeps the verbs "may" and "march" out.
_CAP_WORD = re.compile(r"[A-Z][a-z]+")
_WEEKDAY_BEFORE = re.compile(rf"\b(?P<wd>{_WEEKDAY})\.?,?\s+(?:the\s+)?$")
_DAY_BEFORE = re.compile(r"(?<![\w.,$€£¥])(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_DAY_AFTER = re.compile(
    rf"\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\d%])(?!\s*(?:%|percent|per\s+cent)\b)(?![.,]\d)"
    rf"(?:,?\s+(?P<year>{_YEAR}){_YEAR_END})?"
)
_YEAR_AFTER = re.compile(rf",?\s+(?P<year>{_YEAR}){_YEAR_END}")
_MONTH_CUE_BEFORE = re.compile(
    r"\b(?i:in|since|until|till|by|from|to|through|during|before|after|early|late|mid|last|next"
    r"|this|for|end\s+of|beginning\s+of|start\s+of|middle\s+of)[\s-]+$"
)
_NOT_BARE_MONTH = re.compile(r"['’]s\b|\s+\d")

_YEAR_SCAN = re.compile(_YEAR)
_ISO_AFTER = re.compile(r"-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])")
_SLASH_BEFORE = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/$")
_RANGE_AFTER = re.compile(
    rf"(?:\s?[-–/]\s?(?P<y2>(?:19|20)?\d{{2}})|\s+(?:to|through|and|until)\s+(?P<y4>{_YEAR}))"
    r"(?![\w%]|[.,/-]\d)"
)
_RANGE_CUE_BEFORE = re.compile(r"\b(?i:from|between)\s+$")
_OPEN_CUE_BEFORE = re.compile(r"\b(?i:through|thru|until|till|by)\s+(?:(?i:the\s+end\s+of)\s+)?$")
# Bare years are taken as times unless what follows makes them a count.
_COUNT_AFTER = re.compile(
    r"\s+(?i:million|billion|thousand|trillion|mln|bln|bn|m|k|percent|per\s+cent|pct"
    r"|people|persons|jobs|workers|employees|staff|units|shares|stores|cars|vehicles|tonnes"
    r"|tons|homes|barrels|points|votes|members|customers|users|troops|cases|deaths|pounds"
    r"|dollars|euros|yen|acres|miles|km|kilometres|kilometers|feet|metres|meters)\b"
)

_QH_SCAN = re.compile(r"[QH][1-4]|[1-4][QH]")
_QH_AT = {
    "Q": re.compile(
        rf"Q(?P<n>[1-4])(?:[ \t-]?(?:FY|(?i:fiscal)\s+)?(?P<y4>{_YEAR})"
        r"|\s?(?:['’]|FY\s?)(?P<y2>\d{2}))?(?![\w%])"
    ),
    "q": re.compile(rf"(?P<n>[1-4])Q(?:\s?(?P<y4>{_YEAR})|(?P<y2>\d{{2}}))?(?![\w%])"),
    "H": re.compile(
        rf"H(?P<n>[12])(?:[ \t-]?(?:FY)?(?P<y4>{_YEAR})|\s?['’](?P<y2>\d{{2}}))?(?![\w%])"
    ),
    "h": re.compile(rf"(?P<n>[12])H(?:\s?(?P<y4>{_YEAR})|(?P<y2>\d{{2}}))?(?![\w%])"),
}

# Word patterns, each run only near its anchor words (see `_Finder.scan`).
_Q_ORD = re.compile(
    rf"(?:(?:(?i:fiscal)\s+|FY\s?)?(?P<py>{_YEAR})\s+)?"
    r"\b(?P<ord>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th)|(?i:last)(?=[\s-]+quarter\s+of\s))"
    r"[\s-]+(?i:quarter)\b"
    rf"(?:\s+(?:of\s+)?(?:(?i:fiscal)\s+(?:(?i:year)\s+)?|FY\s?)?(?P<y4>{_YEAR}){_YEAR_END})?"
)
_Q_REL = re.compile(
    r"\b(?P<rel>(?i:the\s+(?:latest|most\s+recent|current|past)|the|this|last|next|latest|current))"
    r"\s+(?i:quarter)\b(?![\s-]+(?:of|point|percent)\b)"
)
_Q_EARLIER = re.compile(
    r"\b(?i:(?:the\s+)?(?:previous|prior|preceding)\s+quarter|(?:a\s+)?quarter[\s-]earlier)\b"
)
_QOQ = re.compile(
    r"\b(?i:quarter[\s-](?:on|over)[\s-]quarter|sequentially)\b|\b(?:QoQ|qoq|Q/Q|q/q)(?![\w/])"
)
_H_WORDS = re.compile(
    rf"\b(?P<ord>(?i:first|second))[\s-]+(?i:half)\b"
    rf"(?:\s+of\s+(?:(?i:fiscal)\s+)?(?P<y4>{_YEAR}){_YEAR_END})?"
    rf"|\b(?i:first)\s+six\s+months(?:\s+of\s+(?:(?i:fiscal)\s+)?(?P<y4b>{_YEAR}){_YEAR_END})?"
)
_FISCAL = re.compile(
    rf"\b(?i:fiscal)[\s-]+(?:(?i:year)\s+)?(?P<y4>{_YEAR}){_YEAR_END}"
    rf"|(?<![\w/])FY[\s-]?(?:(?P<y4b>{_YEAR})|['’]?(?P<y2>\d{{2}}))(?![\w%])"
    rf"|(?<![\w/])(?P<y4c>{_YEAR})\s+(?i:fiscal)\s+(?i:year)\b"
)
_REL_DAY = re.compile(r"\b(?P<rel>(?i:yesterday|today|tomorrow))\b")
_REL_MONTH = re.compile(r"\b(?P<rel>(?i:last|this|next))\s+(?i:month)\b")
# A relative year that places a year-less quarter, half or month: "the first
# half of next year", "Q1 last year" (after it), "last year's second quarter"
# (before it).
_REL_YEAR_AFTER = re.compile(
    r"\s+(?:(?i:of)\s+)?(?P<rel>(?i:last|this|next|the\s+current|the\s+coming))\s+(?i:year)\b"
    r"(?![\s-]+(?:earlier|ago)\b)"
)
_REL_YEAR_BEFORE = re.compile(r"\b(?P<rel>(?i:last|this|next))\s+(?i:year)['’]s\s+$")
_REL_YEAR_SHIFT = {"last": -1, "this": 0, "current": 0, "next": 1, "coming": 1}
_REL_YEAR = re.compile(
    r"\b(?P<rel>(?i:last|this|next|the\s+current|the\s+previous|the\s+prior|the\s+preceding))"
    r"\s+(?i:year)\b(?![\s-]+(?:earlier|ago)\b)"
)
_YEAR_EARLIER = re.compile(
    r"(?i:\b(?:(?:from\s+)?a\s+year\s+(?:earlier|ago|before)|year[\s-](?:earlier|ago)"
    r"|(?:prior|previous)[\s-]year(?=\s+(?:period|quarter|month|figure|level)s?\b)"
    r"|(?:the\s+)?(?:same|corresponding|comparable)\s+(?:quarter|period|month|time|half)\s+"
    r"(?:(?:of\s+)?last\s+year|a\s+year\s+(?:earlier|ago|before)"
    r"|(?:of|in)\s+(?:the\s+)?(?:previous|prior)\s+year))(?![\w-]))"
)
_YOY = re.compile(r"\b(?i:year[\s-](?:on|over)[\s-]year)\b|\b(?:YoY|yoy|Y/Y|y/y)(?![\w/])")
_ANNUAL = re.compile(
    r"\b(?i:annually|per\s+annum|per\s+year|each\s+year|every\s+year"
    r"|a\s+year(?![\s-]+(?:earlier|ago|before|later|after|on|over|long|old|end|to)\b)(?!-))\b"
)

# Chars either side of an anchor word; more than any word pattern reaches
# ("the corresponding period of the previous year" is 41 before "year").
_WINDOW = 48


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month; a month past December runs on into the next year."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year2(y4: str | None, y2: str | None) -> int | None:
    if y4:
        return int(y4)
    if y2:
        # Two-digit years in business copy ("1Q26", "FY25") are this century's.
        return 2000 + int(y2)
    return None


def _recent_start(ref: dt.date, start: Callable[[int], dt.date]) -> int:
    """The year of the most recent period (given its start per year) starting on or before `ref`."""
    return ref.year if start(ref.year) <= ref else ref.year - 1


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class _Finder:
    """Collects candidate quantities for one text; overlaps are resolved in `find_periods`."""

    def __init__(self, text: str, reference: dt.date | None) -> None:
        self.text = text
        self.low = text.lower()
        self.ref = reference
        self.found: list[Quantity] = []
        self._windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}

    def add(
        self,
        start: int,
        end: int,
        kind: Literal["date", "period"],
        value: str | None,
        low: str | None = None,
        high: str | None = None,
        weekday: int | None = None,
    ) -> None:
        self.found.append(
            Quantity(
                start=start,
                end=end,
                text=self.text[start:end],
                kind=kind,
                value=value,
                low=low,
                high=high,
                weekday=weekday,
            )
        )

    def period(self, start: int, end: int, label: str, first: dt.date, last: dt.date) -> None:
        self.add(start, end, "period", label, first.isoformat(), last.isoformat())

    def scan(self, rx: re.Pattern[str], *anchors: str) -> Iterator[re.Match[str]]:
        """`rx.finditer` restricted to windows around the (lower-case) anchor words."""
        merged = self._windows.get(anchors)
        if merged is None:
            merged = self._windows[anchors] = self._merge(anchors)
        for lo, hi in merged:
            yield from rx.finditer(self.text, lo, hi)

    def _merge(self, anchors: tuple[str, ...]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for anchor in anchors:
            i = self.low.find(anchor)
            while i >= 0:
                spans.append((max(0, i - _WINDOW), min(len(self.text), i + len(anchor) + _WINDOW)))
                i = self.low.find(anchor, i + 1)
        spans.sort()
        merged: list[tuple[int, int]] = []
        for lo, hi in spans:
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
            else:
                merged.append((lo, hi))
        return merged

    # -- dates ---------------------------------------------------------------

    def weekday_before(self, start: int) -> tuple[int, int | None]:
        m = _WEEKDAY_BEFORE.search(self.text, max(0, start - 16), start)
        return (m.start(), _WEEKDAYS[m["wd"].lower()]) if m else (start, None)

    def date(self, start: int, end: int, year: int | None, month: int, day: int) -> None:
        start, weekday = self.weekday_before(start)
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            return
        if year is None and self.ref is not None:
            year = self._nearest_year(month, day)
        if year is None:
            value = (
                f"--{month:02d}-{day:02d}" if day <= calendar.monthrange(2000, month)[1] else None
            )
            self.add(start, end, "date", value, weekday=weekday)
            return
        try:
            iso = dt.date(year, month, day).isoformat()
        except ValueError:
            self.add(start, end, "date", None, weekday=weekday)
            return
        self.add(start, end, "date", iso, iso, iso, weekday)

    def _nearest_year(self, month: int, day: int) -> int | None:
        assert self.ref is not None
        best: tuple[int, int] | None = None
        for year in (self.ref.year - 1, self.ref.year, self.ref.year + 1):
            try:
                distance = abs((dt.date(year, month, day) - self.ref).days)
            except ValueError:
                continue
            if best is None or distance < best[0]:
                best = (distance, year)
        return best[1] if best else None

    def capitalised_words(self) -> None:
        """Months and weekdays: "March 31, 2026", "31 March", "March 2026", "in March", "Monday"."""
        text = self.text
        for w in _CAP_WORD.finditer(text):
            s, e = w.span()
            if s and _word_char(text[s - 1]):
                continue
            word = w.group().lower()
            if word in _FULL_WEEKDAYS:
                if not text.startswith(("'s", "’s"), e):
                    self.add(s, e, "date", None, weekday=_WEEKDAYS[word])
                continue
            month = _MONTHS.get(word)
            if month is None:
                continue
            full = word in _FULL_MONTHS
            after = e + 1 if not full and text.startswith(".", e) else e
            if (d := _DAY_BEFORE.search(text, max(0, s - 12), s)) is not None:
                y = _YEAR_AFTER.match(text, after)
                self.date(
                    d.start(),
                    y.end() if y else after,
                    int(y["year"]) if y else None,
                    month,
                    int(d["day"]),
                )
            elif (d := _DAY_AFTER.match(text, after)) is not None:
                self.date(s, d.end(), int(d["year"]) if d["year"] else None, month, int(d["day"]))
            elif (y := _YEAR_AFTER.match(text, after)) is not None:
                year = int(y["year"])
                self.period(
                    s,
                    y.end(),
                    f"{year}-{month:02d}",
                    dt.date(year, month, 1),
                    month_end(year, month),
                )
            elif (
                full
                and _MONTH_CUE_BEFORE.search(text, max(0, s - 20), s)
                and not _NOT_BARE_MONTH.match(text, e)
            ):
                self.month(s, e, month)

    def month(self, start: int, end: int, month: int) -> None:
        self.part_of_year(start, end, None, f"{month:02d}", month, month)

    def relative_days(self) -> None:
        if self.ref is None:
            return
        for m in self.scan(_REL_DAY, "yesterday", "today", "tomorrow"):
            shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[m["rel"].lower()]
            iso = (self.ref + dt.timedelta(days=shift)).isoformat()
            self.add(m.start(), m.end(), "date", iso, iso, iso)

    # -- years ---------------------------------------------------------------

    def years(self) -> None:
        """Numbers 1900-2099: ISO and d/m/y dates, year spans, "through 2028", bare years."""
        text = self.text
        for m in _YEAR_SCAN.finditer(text):
            s, e = m.span()
            year = int(m.group())
            before = text[s - 1] if s else " "
            if e < len(text) and (_word_char(text[e]) or text[e] == "%"):
                continue
            if (iso := _ISO_AFTER.match(text, e)) is not None and not (s and _word_char(before)):
                self.date(s, iso.end(), year, int(iso["month"]), int(iso["day"]))
                continue
            if before == "/" and (sl := _SLASH_BEFORE.search(text, max(0, s - 6), s)) is not None:
                a, b = int(sl["a"]), int(sl["b"])
                # Only unambiguous orders; "03/04/2026" could be either.
                if a > 12 >= b:
                    self.date(sl.start(), e, year, b, a)
                elif b > 12 >= a:
                    self.date(sl.start(), e, year, a, b)
                continue
            if _word_char(before) or before in "$€£¥#@":
                continue
            if before in ".,/-" and s >= 2 and text[s - 2].isdigit():
                continue
            if (r := _RANGE_AFTER.match(text, e)) is not None:
                y2 = (
                    int(r["y4"])
                    if r["y4"]
                    else int(r["y2"])
                    if len(r["y2"]) == 4
                    else year // 100 * 100 + int(r["y2"])
                )
                cue = _RANGE_CUE_BEFORE.search(text, max(0, s - 10), s)
                # "2000 and 2003 results" are two years; only "between 2000 and 2003" is a span.
                joined_by_and = r.group().strip().startswith("and")
                if year < y2 <= year + 50 and not (joined_by_and and cue is None):
                    start = cue.start() if cue else s
                    self.period(
                        start, r.end(), f"{year}..{y2}", dt.date(year, 1, 1), dt.date(y2, 12, 31)
                    )
            if e < len(text) and text[e] in ".," and text[e + 1 : e + 2].isdigit():
                continue
            if (cue := _OPEN_CUE_BEFORE.search(text, max(0, s - 30), s)) is not None:
                low = self.ref.isoformat() if self.ref else None
                self.add(cue.start(), e, "period", f"..{year}", low, f"{year}-12-31")
            if not _COUNT_AFTER.match(text, e):
                self.period(s, e, str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))

    def fiscal_and_relative_years(self) -> None:
        for m in self.scan(_FISCAL, "fiscal", "fy"):
            year = _year2(m["y4"] or m["y4b"] or m["y4c"], m["y2"])
            assert year is not None
            self.period(m.start(), m.end(), f"FY{year}", dt.date(year, 1, 1), dt.date(year, 12, 31))
        for m in self.scan(_REL_YEAR, "year"):
            rel = m["rel"].lower().split()[-1]
            if rel in ("previous", "prior", "preceding"):
                self.add(m.start(), m.end(), "period", "year-earlier")
                continue
            label = "this" if rel == "current" else rel
            if self.ref is None:
                self.add(m.start(), m.end(), "period", f"{label}-year")
                continue
            year = self.ref.year + {"last": -1, "this": 0, "next": 1}[label]
            self.period(m.start(), m.end(), str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))
        for rx, label, anchors in (
            (_YEAR_EARLIER, "year-earlier", ("year",)),
            (_YOY, "year-on-year", ("year", "yoy", "y/y")),
            (_QOQ, "quarter-on-quarter", ("quarter", "qoq", "q/q", "sequentially")),
            (_Q_EARLIER, "quarter-earlier", ("quarter",)),
            (_ANNUAL, "annual", ("year", "annu")),
        ):
            for m in self.scan(rx, *anchors):
                self.add(m.start(), m.end(), "period", label)

    # -- quarters and halves -------------------------------------------------

    def quarter(self, start: int, end: int, q: int, year: int | None) -> None:
        self.part_of_year(start, end, year, f"Q{q}", 3 * q - 2, 3 * q)

    def half(self, start: int, end: int, h: int, year: int | None) -> None:
        self.part_of_year(start, end, year, f"H{h}", 6 * h - 5, 6 * h)

    def part_of_year(
        self, start: int, end: int, year: int | None, part: str, first: int, last: int
    ) -> None:
        """A quarter, half or month ("Q1", "H2", "03": months `first`..`last`) of `year`.

        Without a year, a relative year next to it places it ("the first half of
        next year", "last year's fourth quarter"); failing that, the most recent
        such period starting on or before the reference.
        """
        if year is None:
            start, end, shift = self.relative_year(start, end)
            if shift is not None:
                if self.ref is None:
                    rel = {-1: "last", 0: "this", 1: "next"}[shift]
                    self.add(start, end, "period", f"{rel}-year-{part}")
                    return
                year = self.ref.year + shift
            elif self.ref is not None:
                year = _recent_start(self.ref, lambda y: dt.date(y, first, 1))
        if year is None:
            self.add(start, end, "period", f"--{part}" if part.isdigit() else part)
            return
        label = f"{year}-{part}"
        self.period(start, end, label, dt.date(year, first, 1), month_end(year, last))

    def relative_year(self, start: int, end: int) -> tuple[int, int, int | None]:
        """The span widened over an adjacent relative year, and that year's offset (or None)."""
        text = self.text
        if (m := _REL_YEAR_AFTER.match(text, end)) is not None:
            return start, m.end(), _REL_YEAR_SHIFT[m["rel"].lower().split()[-1]]
        if start and (m := _REL_YEAR_BEFORE.search(text, max(0, start - 16), start)) is not None:
            return m.start(), end, _REL_YEAR_SHIFT[m["rel"].lower()]
        return start, end, None

    def quarters(self) -> None:
        text = self.text
        for m in _QH_SCAN.finditer(text):
            s = m.start()
            if s and (_word_char(text[s - 1]) or text[s - 1] in "/.,"):
                continue
            token = m.group()
            key = token[0] if token[0] in "QH" else token[1].lower()
            if (full := _QH_AT[key].match(text, s)) is None:
                continue
            year = _year2(full["y4"], full["y2"])
            if key in "Qq":
                self.quarter(s, full.end(), int(full["n"]), year)
            else:
                self.half(s, full.end(), int(full["n"]), year)
        for m in self.scan(_Q_ORD, "quarter"):
            year = m["y4"] or m["py"]
            self.quarter(m.start(), m.end(), _ORD_Q[m["ord"].lower()], int(year) if year else None)
        for m in self.scan(_Q_REL, "quarter"):
            words = m["rel"].lower().split()
            rel = words[-1] if len(words) > 1 else words[0]
            label = {
                "current": "this",
                "latest": "last",
                "recent": "last",
                "past": "last",
                "the": "last",
            }.get(rel, rel)
            if self.ref is None:
                self.add(
                    m.start(), m.end(), "period", "quarter" if rel == "the" else f"{label}-quarter"
                )
                continue
            index = (
                self.ref.year * 4
                + (self.ref.month - 1) // 3
                + {"last": -1, "this": 0, "next": 1}[label]
            )
            year, q0 = divmod(index, 4)
            self.period(
                m.start(),
                m.end(),
                f"{year}-Q{q0 + 1}",
                dt.date(year, 3 * q0 + 1, 1),
                month_end(year, 3 * q0 + 3),
            )
        for m in self.scan(_H_WORDS, "half", "six months"):
            h = 2 if m["ord"] and m["ord"].lower() == "second" else 1
            year = m["y4"] or m["y4b"]
            self.half(m.start(), m.end(), h, int(year) if year else None)

    def relative_months(self) -> None:
        for m in self.scan(_REL_MONTH, "month"):
            rel = m["rel"].lower()
            if self.ref is None:
                self.add(m.start(), m.end(), "period", f"{rel}-month")
                continue
            index = (
                self.ref.year * 12 + self.ref.month - 1 + {"last": -1, "this": 0, "next": 1}[rel]
            )
            year, m0 = divmod(index, 12)
            self.period(
                m.start(),
                m.end(),
                f"{year}-{m0 + 1:02d}",
                dt.date(year, m0 + 1, 1),
                month_end(year, m0 + 1),
            )


def _non_overlapping(found: list[Quantity]) -> Iterator[Quantity]:
    """Longest match first; among equal lengths, the earlier start, then the one found first."""
    order = sorted(
        range(len(found)), key=lambda i: (found[i].start - found[i].end, found[i].start, i)
    )
    # The spans kept never overlap, so sorted by start their ends ascend too: a new
    # span overlaps one of them only if it overlaps a neighbour in that order.
    starts: list[int] = []
    ends: list[int] = []
    for i in order:
        q = found[i]
        k = bisect.bisect_right(starts, q.start)
        if (k > 0 and ends[k - 1] > q.start) or (k < len(starts) and starts[k] < q.end):
            continue
        starts.insert(k, q.start)
        ends.insert(k, q.end)
        yield q


def find_periods(text: str, reference: dt.date | None = None) -> list[Quantity]:
    """Dates and periods in `text` (the analysis text), sorted by position.

    `reference` is the article's date; it resolves year-less and relative
    mentions ("the first quarter", "last month", "yesterday").
    """
    finder = _Finder(text, reference)
    finder.capitalised_words()
    finder.relative_days()
    finder.years()
    finder.quarters()
    finder.fiscal_and_relative_years()
    finder.relative_months()
    return sorted(_non_overlapping(finder.found), key=lambda q: (q.start, q.end))
