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
  discussion, not to the article's date), or a trailing stretch "past-6-months"
  ("the past six months"; low/high None).

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

from newscheck.nlp.errors import Errors, InputError
from newscheck.nlp.numbers import parse_words
from newscheck.nlp.types import Quantity

__all__ = ["DATE_RANGE", "check_date_range", "find_periods"]

#: The dates an article may speak from, and the years a date or period in its text
#: may name. Checks step a year or a quarter either side of a date (the period
#: before, the quarter after), so the range keeps well inside `datetime`'s years
#: 1-9999; no newsroom text needs more.
DATE_RANGE = (dt.date(1000, 1, 1), dt.date(9000, 12, 31))


def check_date_range(day: dt.date) -> dt.date:
    """`day` itself, or `InputError` NC-E012 when it is outside `DATE_RANGE`."""
    low, high = DATE_RANGE
    if not low <= day <= high:
        raise InputError(Errors.E012, value=day.isoformat(), low=low.year, high=high.year)
    return day


def _in_range(iso: str | None) -> bool:
    # ISO labels from this module: "2026-03-31", or "+10000-..." never (datetime stops at 9999).
    return iso is None or DATE_RANGE[0].isoformat() <= iso <= DATE_RANGE[1].isoformat()


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
#: A month name that is a whole Markdown table cell ("| April | May |" reads "April | May"
#: in the analysis text): a column header names the month its figures are for.
_CELL_BEFORE = re.compile(r"(?:^|\n|\|[ \t]*)$")
_CELL_AFTER = re.compile(r"[ \t]*(?:\||\n|$)")

_YEAR_SCAN = re.compile(_YEAR)
_ISO_AFTER = re.compile(r"-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])")
_SLASH_BEFORE = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/$")
_RANGE_AFTER = re.compile(
    rf"(?:\s?[-–/]\s?(?P<y2>(?:19|20)?\d{{2}})|\s+(?:to|through|and|until)\s+(?P<y4>{_YEAR}))"
    r"(?![\w%]|[.,/-]\d)"
)
_MONTH_NAMES_CAP = tuple(name for name in calendar.month_name if name)
# A list of three or more consecutive years is the span they cover: "in 2001, 2002 and 2003".
_YEAR_LIST_AFTER = re.compile(
    rf"(?:,\s*(?:19|20)\d{{2}}(?![\w%])){{1,8}},?\s+and\s+(?P<last>{_YEAR}){_YEAR_END}"
)
_SPAN_CUE_BEFORE = re.compile(r"\b(?P<cue>(?i:from|between))\s+$")
_QUARTER_AFTER = re.compile(r"\s+(?i:quarter|half)\b")
_FISCAL_AFTER = re.compile(r"\s+(?i:financial|fiscal|budget|tax|accounting)\b")
_FISCAL_BEFORE = re.compile(r"\b(?i:financial|fiscal|budget|tax)\s+(?:(?i:year)\s+)?$")
_RANGE_CUE_BEFORE = re.compile(r"\b(?i:from|between)\s+$")
_OPEN_CUE_BEFORE = re.compile(
    r"\b(?i:through|thru|until|till|by)\s+(?:(?i:the\s+end\s+of)\s+)?(?:(?i:the\s+year)\s+)?$"
)
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
# A second year after a fiscal year makes it a split year: "FY2025/26", "fiscal 2026-27".
_SPLIT_END = r"(?:\s?[-–/]\s?(?P<{name}>(?:19|20)?\d{{2}}))?"
_FISCAL = re.compile(
    rf"\b(?:(?i:fiscal)[\s-]+(?:(?i:year)\s+)?|(?i:financial)\s+(?i:year)\s+)(?P<y4>{_YEAR})"
    + _SPLIT_END.format(name="e4")
    + rf"{_YEAR_END}(?![-–/]\d)"
    rf"|(?<![\w/])FY[\s-]?(?:(?P<y4b>{_YEAR})|['’]?(?P<y2>\d{{2}}))"
    + _SPLIT_END.format(name="e2")
    + r"(?![\w%])(?![-–/]\d)"
    + rf"|(?<![\w/])(?P<y4c>{_YEAR})\s+(?i:fiscal)\s+(?i:year)\b"
)
_MONTH_FULL = "|".join(name for name in calendar.month_name if name)
# The lengths of reporting periods written in words ("nine weeks", "fifty-two weeks");
# their values are read by `numbers.parse_words`.
_NUMBER_WORDS = [
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
    "twenty-six",
    "fifty-two",
    "fifty-three",
]
# A period told by its length and its last day: "the nine weeks to 3 January
# 2026", "the financial year ended March 31, 2025", "the year to August 2025",
# "three months to June".
_DURATION_TO = re.compile(
    r"(?P<unit>(?i:weeks?|months?|half[\s-]year|half|quarter|year))\s+"
    r"(?i:to|ended|ending|through|that\s+ended|which\s+ended)\s+(?:(?i:on)\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<mon>{_MONTH_FULL})"
    r"(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?![\d%]))?"
    rf"(?:,?\s+(?P<y>{_YEAR}){_YEAR_END})?"
)
# Its length before it: "nine weeks", "the 52 weeks", "the financial year".
_DURATION_BEFORE = re.compile(
    r"(?:(?<![\w.,])(?P<n>\d{1,2}|(?i:"
    + "|".join(_NUMBER_WORDS)
    + r"))[\s-]+)?(?:(?P<fiscal>(?i:fiscal|financial))\s+)?$"
)
# A span of months: "from April to June", "the January-March quarter",
# "between October and December 2025", "April 2025 to March 2026".
_MONTH_SPAN = re.compile(
    rf"(?P<m1>{_MONTH_FULL})(?:\s+(?P<y1>{_YEAR}))?"
    r"(?:\s*[-–]\s*|\s+(?P<join>to|through|until|and)\s+)"
    rf"(?P<m2>{_MONTH_FULL})(?:,?\s+(?P<y2>{_YEAR}){_YEAR_END})?(?![\w-]|\s+\d)"
)
# A quarter or half named by its last month, as Australian and company copy
# writes it: "the June half", "the December quarter", "the September 2025
# quarter", "the March quarter of 2026".
_MONTH_NAMED_PART = re.compile(
    rf"(?i:the)\s+(?P<mon>{_MONTH_FULL})(?:\s+(?P<y1>{_YEAR}))?[\s-]+"
    r"(?P<part>(?i:half|quarter))(?![\w-])(?:[\s-]+(?i:year))?"
    rf"(?:,?\s+(?:(?i:of)\s+)?(?P<y2>{_YEAR}){_YEAR_END})?"
)
# Seasons (northern meteorological: spring from March, summer from June,
# autumn from September, winter from December into the next year). Only with a
# relative word or a year, so "a summer job" or "the spring" stays out.
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON = re.compile(
    r"\b(?:(?P<rel>(?i:this|last|next|the\s+past|the\s+coming))\s+"
    r"(?P<s1>(?i:spring|summer|autumn|winter))"
    rf"|(?P<s2>(?i:spring|summer|autumn|fall|winter))\s+(?:(?i:of)\s+)?(?P<y>{_YEAR}){_YEAR_END})\b"
)
# A trailing stretch of time counted back from the story's date: "the past six months",
# "over the last 12 months", "in the previous four quarters". A relative label
# ("past-6-months"): the figure's own time, which only the article's date would place.
_TRAILING = re.compile(
    r"\b(?:the\s+)?(?i:past|last|previous|preceding)\s+(?P<n>\d{1,2}|(?i:"
    + "|".join(_NUMBER_WORDS)
    + r"))\s+(?P<unit>(?i:weeks|months|quarters|years))\b"
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


def _shift_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (earlier if negative), clipped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, m0 = divmod(index, 12)
    return dt.date(year, m0 + 1, min(day.day, calendar.monthrange(year, m0 + 1)[1]))


def _span_label(first: dt.date, last: dt.date) -> str:
    """The label of an explicit span: a calendar unit when it is one, else an ISO interval.

    Twelve months (or 52-53 weeks) not ending in December are a fiscal year,
    labelled by the year they end in ("FY2026" for April 2025 to March 2026).
    """
    days = (last - first).days + 1
    whole_months = first.day == 1 and last == month_end(last.year, last.month)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if (whole_months and months == 12) or 364 <= days <= 371:
        return str(last.year) if (last.month, last.day) == (12, 31) else f"FY{last.year}"
    if whole_months and months == 1:
        return f"{first.year}-{first.month:02d}"
    if whole_months and months == 3 and first.month % 3 == 1:
        return f"{first.year}-Q{first.month // 3 + 1}"
    if whole_months and months == 6 and first.month in (1, 7):
        return f"{first.year}-H{1 if first.month == 1 else 2}"
    return f"{first.isoformat()}/{last.isoformat()}"


def fiscal_envelope(end_year: int, start_known: bool) -> tuple[dt.date, dt.date]:
    """Every day a fiscal year ending in `end_year` may cover when its end month is unknown.

    A split year ("2026-27") starts in April (UK, India, Japan, Canada) or July
    (Australia, New Zealand); "FY2026" alone may also end in September (US
    government) or December, or start in February (retailers).
    """
    if start_known:
        return dt.date(end_year - 1, 4, 1), dt.date(end_year, 6, 30)
    return dt.date(end_year - 1, 2, 1), dt.date(end_year, 12, 31)


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class _Finder:
    """Collects candidate quantities for one text; overlaps are resolved in `find_periods`."""

    def __init__(self, text: str, reference: dt.date | None) -> None:
        self.text = text
        self.low = text.lower()
        self.ref = reference
        self.found: list[Quantity] = []
        # Fiscal years whose end month the text did not state (index in `found`,
        # end year, whether the start year was written), and the end months of
        # the twelve-month spans it did state ("the financial year ended March 31").
        self.fiscal_defaults: list[tuple[int, int, bool]] = []
        self.fiscal_ends: set[int] = set()
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
        if not (_in_range(low) and _in_range(high)):
            # "FY9999", "31 December 9999": no article's period; later steps would
            # overflow `datetime`, so it is not read as a date (it stays a number).
            return
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
            ) or (
                full
                and "|" in text[max(0, s - 3) : e + 3]
                and _CELL_BEFORE.search(text, max(0, s - 3), s)
                and _CELL_AFTER.match(text, e)
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
                two_digit = r["y2"] is not None and (len(r["y2"]) == 2 or "/" in r.group())
                if (
                    y2 == year + 1
                    and two_digit
                    and cue is None
                    and (
                        _FISCAL_AFTER.match(text, r.end())
                        or _FISCAL_BEFORE.search(text, max(0, s - 24), s)
                    )
                ):
                    # "the 2026-27 financial year", "the 2025/26 budget": one year, not
                    # two. A bare "2024-25" stays a span: it may be a season, and
                    # other copy writes it for two calendar years.
                    self.fiscal_year(s, r.end(), y2, start_known=True)
                elif year < y2 <= year + 50 and not (joined_by_and and cue is None):
                    start = cue.start() if cue else s
                    self.period(
                        start, r.end(), f"{year}..{y2}", dt.date(year, 1, 1), dt.date(y2, 12, 31)
                    )
            if e < len(text) and text[e] in ".," and text[e + 1 : e + 2].isdigit():
                continue
            if (lst := _YEAR_LIST_AFTER.match(text, e)) is not None:
                listed = [year, *map(int, _YEAR_SCAN.findall(lst.group()))]
                if listed == list(range(year, year + len(listed))):
                    last = listed[-1]
                    self.period(
                        s, lst.end(), f"{year}..{last}", dt.date(year, 1, 1), dt.date(last, 12, 31)
                    )
            if (cue := _OPEN_CUE_BEFORE.search(text, max(0, s - 30), s)) is not None:
                low = self.ref.isoformat() if self.ref else None
                self.add(cue.start(), e, "period", f"..{year}", low, f"{year}-12-31")
            if not _COUNT_AFTER.match(text, e):
                self.period(s, e, str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))

    def fiscal_and_relative_years(self) -> None:
        for m in self.scan(_FISCAL, "fiscal", "fy", "financial"):
            year = _year2(m["y4"] or m["y4b"] or m["y4c"], m["y2"])
            assert year is not None
            split = None if m["y4c"] else (m["e4"] or m["e2"])
            if split is not None:
                end_year = int(split) if len(split) == 4 else year // 100 * 100 + int(split)
                if end_year != year + 1:
                    continue
                self.fiscal_year(m.start(), m.end(), end_year, start_known=True)
            else:
                self.fiscal_year(m.start(), m.end(), year, start_known=False)
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

    def fiscal_year(self, start: int, end: int, end_year: int, *, start_known: bool) -> None:
        """A fiscal year ending in `end_year`; its days are fixed later if the text states its end."""
        first, last = fiscal_envelope(end_year, start_known)
        self.fiscal_defaults.append((len(self.found), end_year, start_known))
        self.period(start, end, f"FY{end_year}", first, last)

    def durations(self) -> None:
        """ "the nine weeks to 3 January 2026", "the financial year ended March 31, 2025"."""
        for m in self.scan(_DURATION_TO, "week", "month", "year", "half", "quarter"):
            if m.start() and _word_char(self.text[m.start() - 1]):
                continue
            unit = m["unit"].lower().rstrip("s")
            if unit.startswith("half") or unit == "quarter":
                # "the half to June", "the half-year ended 31 December": six months;
                # "the quarter to September": three.
                unit, m_count = "month", 6 if unit.startswith("half") else 3
            else:
                m_count = None
            before = _DURATION_BEFORE.search(self.text, max(0, m.start() - 24), m.start())
            assert before is not None  # every part of it is optional
            n = before["n"]
            start = before.start() if before.group() else m.start()
            count = (int(n) if n.isdigit() else int(parse_words(n.lower()) or 0)) if n else None
            if m_count is not None:
                if count not in (None, 1):
                    continue
                count = m_count
            if (count not in (None, 1)) if unit == "year" else not count:
                continue
            month = _MONTHS[m["mon"].lower()]
            day = m["d1"] or m["d2"]
            last = self._last_day(month, int(day) if day else None, m["y"])
            if last is None:
                continue
            after = last + dt.timedelta(days=1)
            if unit == "week":
                first = last - dt.timedelta(days=7 * (count or 1) - 1)
            else:
                first = _shift_months(after, -(12 if unit == "year" else count or 1))
            label = _span_label(first, last)
            if label.startswith("FY"):
                self.fiscal_ends.add(last.month)
                if not before["fiscal"]:
                    # "the year ended March 31, 1986" is twelve months with these
                    # days, but only "the financial year ended ..." names the
                    # fiscal year that other figures of the story are labelled by.
                    label = f"{first.isoformat()}/{last.isoformat()}"
            self.period(start, m.end(), label, first, last)

    def _last_day(self, month: int, day: int | None, year: str | None) -> dt.date | None:
        """The stated last day (the month's end without a day); without a year, the most recent."""
        try:
            if year is not None:
                y = int(year)
                return dt.date(y, month, day) if day else month_end(y, month)
            if self.ref is None:
                return None
            for y in (self.ref.year, self.ref.year - 1):
                last = dt.date(y, month, day) if day else month_end(y, month)
                if last <= self.ref or (day is None and last.replace(day=1) <= self.ref):
                    return last
        except ValueError:
            return None
        return None

    def month_spans(self) -> None:
        """ "from April to June", "the January-March quarter", "April 2025 to March 2026"."""
        text = self.text
        for s in self._month_starts():
            if (m := _MONTH_SPAN.match(text, s)) is None:
                continue
            if s and (_word_char(text[s - 1]) or _DAY_BEFORE.search(text, max(0, s - 12), s)):
                continue
            c = _SPAN_CUE_BEFORE.search(text, max(0, s - 10), s)
            cue = c["cue"].lower() if c else None
            start = c.start() if c else s
            # "and" joins two months into a span only after "between", and "between" only so.
            between = cue == "between"
            if m["join"] is not None and (m["join"] == "and") != between:
                continue
            # A bare "January–March" is a span only with a year or as a quarter or
            # half; "to" needs "from" or a year ("sales rose from April to June").
            dated = m["y1"] or m["y2"]
            if m["join"] is None and not (dated or _QUARTER_AFTER.match(text, m.end())):
                continue
            if m["join"] not in (None, "and") and not (dated or cue):
                continue
            m1, m2 = _MONTHS[m["m1"].lower()], _MONTHS[m["m2"].lower()]
            if m1 == m2:
                continue
            wraps = m2 < m1  # "October to March" ends the next year
            if m["y2"]:
                y2 = int(m["y2"])
                y1 = int(m["y1"]) if m["y1"] else y2 - wraps
            elif m["y1"]:
                y1 = int(m["y1"])
                y2 = y1 + wraps
            elif self.ref is not None:
                y1 = (
                    self.ref.year
                    if dt.date(self.ref.year, m1, 1) <= self.ref
                    else self.ref.year - 1
                )
                y2 = y1 + wraps
            else:
                self.add(start, m.end(), "period", f"--{m1:02d}/--{m2:02d}")
                continue
            if y2 - y1 != wraps:
                continue
            first, last = dt.date(y1, m1, 1), month_end(y2, m2)
            label = _span_label(first, last)
            if label.startswith("FY"):
                self.fiscal_ends.add(m2)
            self.period(start, m.end(), label, first, last)

    def _month_starts(self) -> list[int]:
        """Where a capitalised month name starts, in text order (str.find is fast)."""
        out: list[int] = []
        for name in _MONTH_NAMES_CAP:
            i = self.text.find(name)
            while i >= 0:
                out.append(i)
                i = self.text.find(name, i + 1)
        return sorted(out)

    def stated_fiscal_ends(self) -> None:
        """Fiscal years the text names without their end take the end it states elsewhere.

        "FY26" in a story that also says "the financial year ended March 31,
        2025" is April 2025 to March 2026; with no end stated, or several, the
        fiscal year keeps its envelope (`fiscal_envelope`).
        """
        if len(self.fiscal_ends) != 1:
            return
        (end_month,) = self.fiscal_ends
        if end_month == 12:
            return
        for i, end_year, _ in self.fiscal_defaults:
            q = self.found[i]
            last = month_end(end_year, end_month)
            first = _shift_months(last + dt.timedelta(days=1), -12)
            self.found[i] = Quantity(
                start=q.start,
                end=q.end,
                text=q.text,
                kind=q.kind,
                value=q.value,
                low=first.isoformat(),
                high=last.isoformat(),
            )

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

    def month_named_parts(self) -> None:
        """ "the June half", "the December quarter": the half or quarter ending in that month."""
        for m in self.scan(_MONTH_NAMED_PART, "half", "quarter"):
            month = _MONTHS[m["mon"].lower()]
            months = 6 if m["part"].lower() == "half" else 3
            year = m["y1"] or m["y2"]
            # "the September quarter last year": a calendar quarter or half placed by the
            # relative year beside it, as "Q3 last year" is (`part_of_year`).
            if (
                year is None
                and month % months == 0
                and self.relative_year(m.start(), m.end())[2] is not None
            ):
                place = self.quarter if months == 3 else self.half
                place(m.start(), m.end(), month // months, None)
                continue
            # Without a year, the most recent one whose last month has begun, as for
            # "the half to June" (`durations`): results are reported once it is over.
            last = self._last_day(month, None, year)
            if last is None:
                continue
            first = _shift_months(last + dt.timedelta(days=1), -months)
            self.period(m.start(), m.end(), _span_label(first, last), first, last)

    def seasons(self) -> None:
        """ "this summer", "last winter", "summer 2025": three months from the season's start."""
        for m in self.scan(_SEASON, "spring", "summer", "autumn", "fall", "winter"):
            name = (m["s1"] or m["s2"]).lower()
            start_month = _SEASON_START[name]
            if m["y"]:
                # "winter 2025" is the winter that starts in December 2025.
                year = int(m["y"])
            elif self.ref is not None:
                rel = m["rel"].lower().split()[-1]
                ref = self.ref
                # The instance this year is the one starting in this calendar year, or
                # for winter the one running now when the reference is in January or
                # February.
                year = ref.year - (start_month == 12 and ref.month < 3)
                end = month_end(year, start_month + 2)
                if rel in ("last", "past"):
                    # The most recent one that has ended.
                    year -= end >= ref
                elif rel in ("next", "coming"):
                    year += dt.date(year, start_month, 1) <= ref
            else:
                self.add(m.start(), m.end(), "period", f"{m['rel'].lower().split()[-1]}-{name}")
                continue
            first, last = dt.date(year, start_month, 1), month_end(year, start_month + 2)
            self.period(m.start(), m.end(), _span_label(first, last), first, last)

    def trailing(self) -> None:
        """ "the past six months", "the last four years": a relative span ending now."""
        for m in self.scan(_TRAILING, "weeks", "months", "quarters", "years"):
            n = m["n"]
            count = int(n) if n.isdigit() else parse_words(n.lower())
            if not count or count < 2:
                continue
            self.add(m.start(), m.end(), "period", f"past-{int(count)}-{m['unit'].lower()}")

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
    mentions ("the first quarter", "last month", "yesterday"). A reference
    outside `DATE_RANGE` is `InputError` NC-E012.
    """
    if reference is not None:
        check_date_range(reference)
    finder = _Finder(text, reference)
    finder.capitalised_words()
    finder.relative_days()
    finder.years()
    finder.quarters()
    finder.fiscal_and_relative_years()
    finder.relative_months()
    finder.trailing()
    finder.month_named_parts()
    finder.seasons()
    finder.durations()
    finder.month_spans()
    finder.stated_fiscal_ends()
    return sorted(_non_overlapping(finder.found), key=lambda q: (q.start, q.end))
