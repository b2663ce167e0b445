"""Dates against the calendar: weekdays, and ages or anniversaries against years."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.types import CheckResult, Figure, Position, Sentence

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _long_date(d: date, day_first: bool) -> str:
    month = MONTHS[d.month - 1]
    return f"{d.day} {month} {d.year}" if day_first else f"{month} {d.day}, {d.year}"


_WD = (
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues|Tue|Weds|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?"
)
_WD_INDEX = {w.lower(): i for i, w in enumerate(WEEKDAYS)}
_WD_INDEX.update({w[:3].lower(): i for i, w in enumerate(WEEKDAYS)})
_WD_INDEX.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
# "Tuesday and Wednesday, Sept. 15-16": the recogniser reads "Wednesday, Sept. 15";
# the weekday before "and" and the day after the dash make a second pair.
_RANGE_WD_BEFORE = re.compile(rf"\b{_WD},?\s+(?:and|&|to|through|or|-|–)\s+$")
_RANGE_DAY_AFTER = re.compile(
    r"\s?[-–]\s?(?P<day>\d{1,2})\b(?![.,]\d)"
    # "Sept. 15 and 16," but not "Sept. 15 and 20 people".
    r"|\s+(?:to|and|through)\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?(?=[,.;:)]|\s+(?:19|20)\d\d\b|\s*$)"
)
# "Saturday 25 and Sunday 26 April": the first day carries its own weekday.
_DAY_WD_BEFORE = re.compile(
    rf"\b{_WD},?\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?:and|&|to|through|or|-|–)\s+$"
)
#: Lines at the top of an article that may carry its dateline or "Published"/"Updated" date.
_TOP_LINES = 6


def _day_first(text: str) -> bool:
    return re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z]", text) is not None


def article_date(ctx: CheckContext) -> date | None:
    """The date the article speaks from: the analysis's date, else the first full
    date on the article's top lines (a dateline, "Last updated: Thursday 10
    September 2026"), which the source reader does not take for the article's."""
    if ctx.doc_date is not None:
        return ctx.doc_date
    if "article_date" in ctx.memo:
        return ctx.memo["article_date"]  # type: ignore[return-value]
    from newscheck.nlp.periods import find_periods

    top_end = 0
    for _ in range(_TOP_LINES):
        nl = ctx.text.find("\n", top_end)
        if nl < 0:
            top_end = len(ctx.text)
            break
        # Blank lines do not count: a dateline two paragraphs down is still on top.
        top_end = nl + 1
        while ctx.text.startswith("\n", top_end):
            top_end += 1
    found = None
    for q in find_periods(ctx.text[:top_end]):
        if q.kind == "date" and isinstance(q.value, str) and len(q.value) == 10:
            try:
                found = date.fromisoformat(q.value)
            except ValueError:
                continue
            break
    ctx.memo["article_date"] = found
    return found


def _nearest(month: int, day: int, ref: date) -> date | None:
    best: date | None = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((d - ref).days) < abs((best - ref).days):
            best = d
    return best


def _years_stated_for(ctx: CheckContext, month: int) -> set[int]:
    """Years the article gives that month elsewhere ("Nov. 5, 2025", "November 2025")."""
    years: set[int] = set()
    for f in ctx.figures:
        if f.kind in ("date", "period") and isinstance(f.value, str):
            m = re.fullmatch(r"(\d{4})-(\d{2})(?:-\d{2})?", f.value)
            if m and int(m[2]) == month:
                years.add(int(m[1]))
    return years


def resolve_date(ctx: CheckContext, value: str) -> date | None:
    """A figure's date; a year-less "--10-29" takes the year nearest the article's
    date, else the one year the article states for that month, else none."""
    if m := re.fullmatch(r"--(\d{2})-(\d{2})", value):
        month, day = int(m[1]), int(m[2])
        ref = article_date(ctx)
        if ref is not None:
            return _nearest(month, day, ref)
        years = _years_stated_for(ctx, month)
        if len(years) != 1:
            return None
        try:
            return date(years.pop(), month, day)
        except ValueError:
            return None
    try:
        return date.fromisoformat(value)
    except ValueError:  # "2026-03": a month has no weekday
        return None


_WD_OPEN_BEFORE = re.compile(rf"\b{_WD}\s*\(\s*$")
_CLOSE_AFTER = re.compile(r"\s*\)")
_WD_IN_BRACKETS_AFTER = re.compile(rf"\s*\(\s*{_WD}\s*\)")


def _weekday_in_brackets(ctx: CheckContext, fig: Figure) -> tuple[int, str, Position] | None:
    """A weekday stated in brackets beside a date: "Thursday (Nov. 5)", "Nov. 5 (Thu)".

    Returns the weekday, the words to quote and the weekday's span."""
    start, end = fig.a_start, fig.a_end
    if start is None or end is None:
        return None
    before = _WD_OPEN_BEFORE.search(ctx.text, max(0, start - 16), start)
    if before is not None and _CLOSE_AFTER.match(ctx.text, end):
        wd_end = before.start() + len(before["wd"])
        label = ctx.text[before.start() : end] + ")"
        return _WD_INDEX[before["wd"].lower()], label, ctx.span(before.start(), wd_end)
    after = _WD_IN_BRACKETS_AFTER.match(ctx.text, end)
    if after is not None:
        return (
            _WD_INDEX[after["wd"].lower()],
            ctx.text[start : after.end()],
            ctx.span(after.start("wd"), after.end("wd")),
        )
    return None


@dataclass(frozen=True)
class _Pair:
    weekday: int  # the stated one
    day: date
    label: str  # the words the message quotes
    spans: tuple[Position, ...]  # evidence beside the figure (the other weekday, the range end)


@register
class WeekdayDate(Rule):
    id = "NC131"
    rule = "weekday-date"
    name = "Weekday of a date"
    severity = "error"
    description = "A date stated with its weekday falls on that weekday."
    triggers = (
        "March 5, 2026\nShareholders will vote on Monday, March 4, 2026, the company said.",
        "Published 2 February 2026\nThe plant closed on Thursday 30 January 2026 and will "
        "reopen on Tuesday 10 February 2026.",
        "BRUSSELS, Jan. 12, 2026\nMinisters meet again on Thursday, Jan. 20, officials said.",
        "Updated: Monday 4 May 2026\nThe talks run on Wednesday and Thursday, May 6-8.",
        "Published 2 March 2026\nThe fair opens on Saturday 6 and Sunday 8 March.",
        "Published 2 March 2026\nThe vote is on Wednesday (March 5), the board said.",
    )
    passes = (
        "March 5, 2026\nShareholders voted on Wednesday, March 4, 2026, the company said.",
        "Published 2 February 2026\nThe plant closed on Friday 30 January 2026 and will reopen "
        "on Tuesday 10 February 2026 after repairs, a spokesperson said. "
        "Talks resumed on Monday, February 2, 2026.",
        "BRUSSELS, Jan. 12, 2026\nMinisters meet again on Tuesday, Jan. 20, officials said.",
        "Updated: Monday 4 May 2026\nThe talks run on Wednesday and Thursday, May 6-7.",
        "Published 2 March 2026\nThe fair opens on Saturday 7 and Sunday 8 March.",
        "Published 2 March 2026\nThe vote is on Thursday (March 5), the board said. "
        "Results follow on March 6 (Fri).",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        for fig in ctx.figures:
            if fig.kind != "date" or not isinstance(fig.value, str):
                continue
            if fig.weekday is None:
                beside = _weekday_in_brackets(ctx, fig)
                if beside is None:
                    continue
                fig = replace(fig, weekday=beside[0])
            else:
                beside = None
            day = resolve_date(ctx, fig.value)  # type: ignore[arg-type]
            if day is None:
                continue
            if beside is not None:
                pair = _Pair(fig.weekday, day, beside[1], (beside[2],))  # type: ignore[arg-type]
                yield self._check(ctx, fig, pair)
                continue
            for pair in self._pairs(ctx, fig, day):
                yield self._check(ctx, fig, pair)

    def _pairs(self, ctx: CheckContext, fig: Figure, day: date) -> Iterator[_Pair]:
        """(stated weekday, date) pairs of one figure: one, or two for a stated range."""
        assert fig.weekday is not None
        start, end = fig.a_start, fig.a_end
        if start is None or end is None:
            yield _Pair(fig.weekday, day, fig.text, ())
            return
        before = ctx.text[max(0, start - 40) : start]
        rng = _RANGE_DAY_AFTER.match(ctx.text, end, end + 14)
        if rng:
            wd = _RANGE_WD_BEFORE.search(before)
            if wd is None:
                return  # one weekday over a range of days: which day does it name?
            # Two weekdays over a day range map pairwise: first to first, second to last.
            try:
                last = day.replace(day=int(rng["day"] or rng["day2"]))
            except ValueError:
                return
            if last <= day:
                return
            wd_start = start - len(before) + wd.start()
            label = ctx.text[wd_start : rng.end()]
            first_wd = ctx.span(wd_start, wd_start + len(wd["wd"]))
            group = "day" if rng["day"] else "day2"
            range_end = ctx.span(rng.start(group), rng.end(group))
            yield _Pair(_WD_INDEX[wd["wd"].lower()], day, label, (first_wd,))
            yield _Pair(fig.weekday, last, label, (range_end,))
            return
        lead = _DAY_WD_BEFORE.search(before)
        if lead:
            # "Saturday 25 and Sunday 26 April": the first day takes this month and year.
            try:
                first = day.replace(day=int(lead["day"]))
            except ValueError:
                first = None
            if first is not None and first < day:
                lead_start = start - len(before) + lead.start()
                lead_end = start - len(before) + lead.end("day")
                label = ctx.text[lead_start:lead_end] + " " + fig.text.split()[-1]
                yield _Pair(
                    _WD_INDEX[lead["wd"].lower()], first, label, (ctx.span(lead_start, lead_end),)
                )
        yield _Pair(fig.weekday, day, fig.text, ())

    def _check(self, ctx: CheckContext, fig: Figure, p: _Pair) -> CheckResult:
        actual = p.day.weekday()
        # Mirror the article's order ("4 March 2026" vs "March 4, 2026").
        when = _long_date(p.day, _day_first(fig.text))
        details = {"date": p.day.isoformat(), "stated": WEEKDAYS[p.weekday]}
        if actual == p.weekday:
            return self.result(
                "pass",
                f"{p.label}: {when} is a {WEEKDAYS[actual]}",
                [fig],
                spans=p.spans,
                details=details,
            )
        ref = article_date(ctx)
        verb = "falls on" if ref is not None and p.day > ref else "was"
        return self.result(
            "fail",
            f"{p.label}: {when} {verb} a {WEEKDAYS[actual]}",
            [fig],
            spans=p.spans,
            details={**details, "actual": WEEKDAYS[actual]},
        )


# --- NC132 ----------------------------------------------------------------------------

_YEAR_RE = r"1[5-9]\d\d|20\d\d"
_YEAR = rf"(?P<year>{_YEAR_RE})"
_MONTH = "(?:" + "|".join(MONTHS) + r")\.?"
# "in March 1865", "on 3 March 1980", "March 3, 1980"
_DAY_MONTH = rf"(?:(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?"

Kind = Literal["org", "person", "any"]
# A place named after "opened on/at/in": a capitalised word and up to two more
# ("Whitby's harbourside", "Union Square").
_PLACE = rf"(?!{_MONTH}\s)[A-Z][\w’'-]*(?:\s+[\w’'-]+){{0,2}}?"

#: Sentence patterns giving the year a thing began (`year` group).
_ANCHORS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        "org",
        re.compile(
            r"\b(?:founded|established|set up|incorporated|formed|launched|created|opened"
            r"|introduced|debuted|started)"
            # "opened its doors on the harbourside in 1875": the thing itself opened, at
            # a place; "opened a plant in 1990" is something else's start.
            r"(?:\s+(?:its|their)\s+doors|\s+for\s+business|\s+to\s+the\s+public)?"
            rf"(?:\s+(?:on|at|in)\s+(?:the\s+)?{_PLACE})?"
            rf"\s+(?:back\s+)?(?:(?:in|on)\s+)?{_DAY_MONTH}{_YEAR}\b",
            re.IGNORECASE,  # "Founded in 1865, ..."
        ),
    ),
    ("org", re.compile(rf"\bdat(?:es|ing)\s+back\s+to\s+{_YEAR}\b", re.IGNORECASE)),
    (
        "org",
        re.compile(
            rf"\b(?:its|the|their)\s+{_YEAR}\s+"
            r"(?:founding|foundation|launch|debut|creation|inception|listing|IPO|opening)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "person",
        re.compile(
            # "born in Onitsha in 1979", "born on 3 March 1980": the month, when
            # given, says whether this year's birthday has passed.
            rf"\bborn(?:\s+in\s+{_PLACE})?\s+(?:(?:in|on)\s+)?"
            rf"(?:(?:\d{{1,2}}\s+)?(?P<month>{'|'.join(MONTHS)})\.?\s+(?:\d{{1,2}},?\s+)?)?{_YEAR}\b",
            re.IGNORECASE,
        ),
    ),
)

#: Anniversaries in words.
_ORDINAL_YEARS = {
    "tenth": 10,
    "twentieth": 20,
    "twenty-fifth": 25,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventy-fifth": 75,
    "hundredth": 100,
}
_JUBILEE_YEARS = {
    "centenary": 100,
    "centennial": 100,
    "bicentenary": 200,
    "bicentennial": 200,
    "sesquicentennial": 150,
    "tercentenary": 300,
    r"silver\s+jubilee": 25,
    r"golden\s+jubilee": 50,
    r"diamond\s+jubilee": 60,
}

#: Sentence patterns claiming an elapsed number of years (`n` group, or `word`).
_CLAIMS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("any", re.compile(r"\b(?P<n>\d{1,3})[-‑ ]year[-‑ ]old\b")),
    ("any", re.compile(r"\b(?P<n>\d{1,3})\s+years\s+old\b")),
    ("any", re.compile(r"\b(?P<n>\d{1,3})\s+years\s+(?:since|ago)\b")),
    (
        "org",
        re.compile(
            rf"\b(?:(?P<n>\d{{1,3}})(?:st|nd|rd|th)|(?P<word>{'|'.join(_ORDINAL_YEARS)}))"
            rf"\s+anniversary\b(?:\s+in\s+(?P<at>{_YEAR_RE})|\s+(?P<now>this\s+year))?",
            re.IGNORECASE,
        ),
    ),
    # "its centenary this year", "the bank's bicentennial in 2017".
    (
        "org",
        re.compile(
            rf"\b(?P<word>{'|'.join(_JUBILEE_YEARS)})\b"
            rf"(?:\s+in\s+(?P<at>{_YEAR_RE})|\s+(?P<now>this\s+year))?",
            re.IGNORECASE,
        ),
    ),
    # "marks 150 years", "celebrating 25 years of ...": elapsed until now.
    (
        "org",
        re.compile(
            r"\b(?:marks?|marking|marked|celebrat(?:es?|ing|ed))\s+(?P<n>\d{1,3})\s+years\b"
            # "marks 80 years since the war", "150 years of whaling": another start.
            r"(?!\s+(?:since|ago|of\b(?!\s+(?:service|trading|business|operation))))"
        ),
    ),
    (
        "person",
        re.compile(
            rf"\b(?P<n>\d{{1,3}})(?:st|nd|rd|th)\s+birthday\b(?:\s+in\s+(?P<at>{_YEAR_RE}))?"
        ),
    ),
    # "Jane Doe, 45, ..." : an appositive age after a capitalised name.
    ("person", re.compile(r"\b(?P<name>[A-Z][\w’'-]+),\s+(?P<n>\d{1,3}),\s")),
    ("person", re.compile(r"\baged\s+(?P<n>\d{1,3})\b")),
    # "Born in 1934, she is now 91": an age stated for today.
    (
        "person",
        re.compile(
            r"\b(?:is|she['’]s|he['’]s)\s+now\s+(?P<n>\d{1,3})\b"
            r"(?!\s*(?:%|per|points?|million|billion|years?\s+(?:since|ago|on))\b)"
        ),
    ),
    # "She turns 104 on Sunday": the age this year's (coming) birthday completes.
    ("person", re.compile(r"\bturns\s+(?P<n>\d{1,3})\b(?!\s*(?:%|per|points?|million)\b)")),
    ("person", re.compile(r"\bturned\s+(?P<n>\d{1,3})\b(?!\s*(?:%|per|points?|million)\b)")),
)

#: Words that move the claim to another time than the article's ("the then
#: 150-year-old", "will turn 50"): too uncertain to check.
_OTHER_TIME = re.compile(r"\b(?:then|will|would|turns?|turning|next year|last year)\b", re.I)
#: Capitalised words before a surname that are not a first name ("Mr Mottram").
_NOT_FIRST = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Mx",
        "Dr",
        "Prof",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "The",
        "His",
        "Her",
    ]
)
#: Words after an age that put it at another time: "was 46 when she joined".
_OTHER_TIME_AFTER = re.compile(r"\W{0,3}(?:when|at the time|back then|until)\b", re.I)
_ANY_YEAR = re.compile(rf"\b(?:{_YEAR_RE})\b")
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Anchor:
    kind: Kind
    year: int
    start: int  # analysis-text offsets
    end: int
    text: str
    month: int | None = None  # of a birth ("born in November 1976")
    name: str | None = None  # whose birth ("Mottram, who was born in ...")


@dataclass(frozen=True)
class _Claim:
    kind: Kind
    n: int
    at: int | None  # an explicit year of the claim ("150th anniversary in 2015")
    now: bool  # pinned to the article's year ("its 150th anniversary this year")
    start: int
    end: int
    text: str
    at_span: tuple[int, int] | None
    name: str | None = None  # whose age ("Mottram, 49,")
    anniversary: bool = False  # "150th anniversary", "centenary": completed in a year
    since: bool = False  # "N years since ...": counted from what follows
    turns: bool = False  # "turns 104": the age at the next birthday


# The person a birth belongs to: "Mottram, who was born", "Jane Roe was born".
_BORN_NAME = re.compile(r"\b(?P<name>[A-Z][\w’'-]+),?\s+(?:who\s+)?(?:was\s+)?$")


def _anchors(s: Sentence) -> list[_Anchor]:
    out = []
    for kind, pat in _ANCHORS:
        for m in pat.finditer(s.text):
            month = m.groupdict().get("month")
            name = None
            if kind == "person":
                who = _BORN_NAME.search(s.text, max(0, m.start() - 40), m.start())
                name = who["name"] if who else None
            out.append(
                _Anchor(
                    kind,
                    int(m["year"]),
                    s.start + m.start(),
                    s.start + m.end(),
                    m[0],
                    MONTHS.index(month.capitalize()) + 1 if month else None,
                    name,
                )
            )
    return out


def _claims(s: Sentence) -> list[_Claim]:
    out = []
    for kind, pat in _CLAIMS:
        for m in pat.finditer(s.text):
            at = m.groupdict().get("at")
            now = m.groupdict().get("now") is not None
            start, end = m.span("n") if kind == "person" and "," in m[0] else m.span()
            if now:
                end = m.start("now") - 1
            if _OTHER_TIME_AFTER.match(s.text, m.end()):
                continue
            if _OF_ANOTHER.match(s.text, m.end()):
                continue  # "the 50th anniversary of the moon landing"
            word = m.groupdict().get("word")
            if word:
                words = {**_ORDINAL_YEARS, **_JUBILEE_YEARS}
                n = next(v for k, v in words.items() if re.fullmatch(k, word, re.IGNORECASE))
            else:
                n = int(m["n"])
            if at:
                at_span: tuple[int, int] | None = (s.start + m.start("at"), s.start + m.end("at"))
                end = m.start("at") - len(" in ")
            else:
                at_span = None
            out.append(
                _Claim(
                    kind,
                    n,
                    int(at) if at else None,
                    now,
                    s.start + start,
                    s.start + end,
                    s.text[start:end],
                    at_span,
                    m.groupdict().get("name"),
                    anniversary="anniversary" in m[0].lower() or word is not None,
                    since="since" in m[0],
                    turns=m[0].lower().startswith("turns"),
                )
            )
    return out


# What an anniversary or "N years of" counts from, when it is not the thing itself.
_OF_ANOTHER = re.compile(
    r"\s+of\b(?!\s+(?:its|their|the\s+[\w’'-]+['’]s)\s+(?:founding|foundation|opening|launch"
    r"|creation|establishment|formation|incorporation|birth)\b)"
)
# "N years since it opened", "since its 2001 launch": the thing's own start.
_SINCE_ITSELF = re.compile(r"\s+(?:it|its|they|their|he|his|she|her)\b")


def _since_refers(text: str, c: _Claim, a: _Anchor) -> bool:
    """Whether "N years since ..." counts from the anchor: "since it opened in 1875",
    "since its 2001 launch", not "since the end of the war" (another start)."""
    if _SINCE_ITSELF.match(text, c.end):
        return True
    return c.end <= a.start <= c.end + 60


def sentences_of(ctx: CheckContext) -> list[Sentence]:
    """The pipeline's sentences, else lines and full stops (hand-built contexts)."""
    if ctx.sentences:
        return ctx.sentences
    out = []
    for i, m in enumerate(re.finditer(r"[^\n.!?]+[.!?]?", ctx.text)):
        if m[0].strip():
            out.append(Sentence(i, m.start(), m.end(), 0, m[0]))
    return out


def _blocking_years(s: Sentence, c: _Claim, ref_year: int | None, skip: list[_Anchor]) -> bool:
    """Whether another year in the sentence may be the time the claim refers to.

    A year before the claim ("In 2015, the 150-year-old firm") or after it
    ("the 150-year-old firm was sold in 2015") may be; a starting point after
    "since" ("has scored 48 goals since joining in 2021") is not. The article's
    own year (a dateline sharing the sentence) is the reference anyway.
    """
    own = [(a.start - s.start, a.end - s.start) for a in skip if a.start >= s.start]
    if c.at_span is not None:
        own.append((c.at_span[0] - s.start, c.at_span[1] - s.start))
    for m in _ANY_YEAR.finditer(s.text):
        if int(m[0]) == ref_year or any(lo <= m.start() < hi for lo, hi in own):
            continue
        if m.start() > c.end - s.start and _SINCE.search(
            s.text[max(0, m.start() - 40) : m.start()]
        ):
            continue
        return True
    return False


def _one_person(ctx: CheckContext, surname: str) -> bool:
    """Whether the article names one person with this surname: "Darren Roper" and
    "Kyle Roper" make a lone "Roper" ambiguous."""
    firsts = {
        m[1]
        for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(surname)}\b", ctx.text)
        if m[1] not in _NOT_FIRST
    }
    return len(firsts) <= 1


def _compatible(a: _Anchor, c: _Claim) -> bool:
    # "Roper, who was born in 1976" is not the birth of "Kyle Hart, 24,".
    if a.name is not None and c.name is not None and a.name != c.name:
        return False
    return c.kind == "any" or c.kind == a.kind


@register
class AgeVsYear(Rule):
    id = "NC132"
    rule = "age-vs-year"
    name = "Age vs year"
    severity = "error"
    description = (
        "An age or anniversary agrees with the founding or birth year stated with it "
        "(an age may be a year short)."
    )
    triggers = (
        "March 5, 2026\nFounded in 1865, the 150-year-old company now makes network gear.",
        "Published 12 January 2026\nThe chief executive, Anna Berg, 38, born in 1975, "
        "joined the group last spring.",
        "June 1, 2026\nThe brewery, established in 1926, is celebrating its 90th anniversary.",
        "LONDON, April 14, 2026\nThe museum, which opened its doors on the quay in 1875, will "
        "celebrate its 150th anniversary this year.",
        "Published 3 May 2026\nThe lead designer, Jane Roe, 46, who was born in 1981, left.",
    )
    passes = (
        "March 5, 2026\nFounded in 1865, the 160-year-old company now makes network gear.",
        "Published 12 January 2026\nThe chief executive, Anna Berg, 50, born in 1975, "
        "joined the group last spring.",
        "June 1, 2026\nThe brewery, established in 1926, is celebrating its 100th anniversary.",
        "LONDON, April 14, 2026\nThe museum, which opened its doors on the quay in 1875, will "
        "celebrate its 151st anniversary this year.",
        "Published 3 May 2026\nThe lead designer, Jane Roe, 45, who was born in 1981, left. "
        "She was 30 when she joined, and in 2019, aged 38, she ran the studio.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        sents = sentences_of(ctx)
        found = [(s, _anchors(s), _claims(s)) for s in sents]
        ref = article_date(ctx)
        ref_year = ref.year if ref else None
        # An anniversary in one sentence, the founding year in another: when the
        # article gives only one founding year, that is the year counted from.
        org_years = {a.year for _, anchors, _ in found for a in anchors if a.kind == "org"}
        only_org = next((a for _, anchors, _ in found for a in anchors if a.kind == "org"), None)
        for k, (s, anchors, claims) in enumerate(found):
            for c in claims:
                pair = self._anchor_for(c, s, anchors, ref_year)
                if (
                    pair is None
                    and len(claims) == 1
                    and not _blocking_years(s, c, ref_year, [])
                    and not self._other_time(c, s)
                ):
                    # "Nokia was founded in 1865. The 160-year-old company ..."
                    prev_anchors = [a for a in found[k - 1][1] if _compatible(a, c)] if k else []
                    if len(prev_anchors) == 1 and (c.name is None or _one_person(ctx, c.name)):
                        pair = prev_anchors[0]
                    elif c.kind == "org" and len(org_years) == 1 and not anchors:
                        pair = only_org
                    elif c.name is not None:
                        pair = self._birth_of(ctx, c.name, found)
                if pair is not None and c.since and not _since_refers(ctx.text, c, pair):
                    pair = None
                if pair is not None:
                    yield self._check(ctx, pair, c)

    @staticmethod
    def _birth_of(
        ctx: CheckContext, name: str, found: list[tuple[Sentence, list[_Anchor], list[_Claim]]]
    ) -> _Anchor | None:
        """The one birth the article gives for `name` ("Mottram, 49," and, lines
        later, "Mottram, who was born in November 1976"), if the name is one person's:
        "Darren Mottram" and "Kyle Mottram" make "Mottram" ambiguous."""
        births = [a for _, anchors, _ in found for a in anchors if a.name == name]
        if len({a.year for a in births}) != 1:
            return None
        return births[0] if _one_person(ctx, name) else None

    @staticmethod
    def _other_time(c: _Claim, s: Sentence) -> bool:
        """A claim at another time than the article's ("will turn 50"), unless the
        text pins it to this year ("will celebrate its 150th anniversary this year")."""
        return not c.now and _OTHER_TIME.search(s.text[: c.start - s.start]) is not None

    def _anchor_for(
        self, c: _Claim, s: Sentence, anchors: list[_Anchor], ref_year: int | None
    ) -> _Anchor | None:
        usable = [a for a in anchors if _compatible(a, c)]
        if len(usable) != 1:
            return None  # none, or ambiguous: which year does the age go with?
        a = usable[0]
        if _blocking_years(s, c, ref_year, [a]) or self._other_time(c, s):
            return None
        return a

    def _check(self, ctx: CheckContext, a: _Anchor, c: _Claim) -> CheckResult:
        spans: list[Position] = [ctx.span(a.start, a.end), ctx.span(c.start, c.end)]
        if c.at is not None:
            ref, ref_note = c.at, str(c.at)
            assert c.at_span is not None
            spans.append(ctx.span(*c.at_span))
        elif (day := article_date(ctx)) is not None:
            ref, ref_note = day.year, f"{day.year} (the article's year)"
        else:
            return self.result(
                "skip",
                f'"{c.text}" vs "{a.text}": no article date to count from; use --as-of DATE',
                spans=spans,
            )
        elapsed = ref - a.year
        details = {"year": a.year, "stated": c.n, "reference_year": ref, "elapsed": elapsed}
        what = "years" if c.kind != "person" or "birthday" in c.text else "years of age"
        # An age or "N years" may be a year short of the calendar difference (the
        # birthday or the founding day not reached yet), never a year over: born in
        # 1981, one is 44 or 45 in 2026, not 46. "Its Nth anniversary in 2015" or
        # "this year" names the year the count completes: exact.
        exact = c.anniversary and (c.at is not None or c.now)
        low, high = elapsed - (0 if exact else 1), elapsed
        today = article_date(ctx)
        birthday = ""
        if a.month is not None and c.at is None and today is not None and a.month != today.month:
            # Born in November, in a March article: this year's birthday is still to come.
            low = high = elapsed - (1 if a.month > today.month else 0)
            when = "before" if a.month > today.month else "after"
            birthday = (
                f" ({low} in {MONTHS[today.month - 1]}, {when} a {MONTHS[a.month - 1]} birthday)"
            )
        if c.turns and today is not None and c.at is None:
            # The birthday a "turns" names is the next one: this year's unless its month
            # is already past (then next year's); with no month, either.
            if a.month is None:
                low, high = elapsed, elapsed + 1
            else:
                low = high = elapsed + (1 if a.month < today.month else 0)
            birthday = ""
        if low <= c.n <= high:
            return self.result(
                "pass",
                f'"{c.text}" agrees with "{a.text}": {ref} − {a.year} = {elapsed}{birthday}',
                spans=spans,
                details=details,
            )
        return self.result(
            "fail",
            f'"{c.text}" vs "{a.text}": in {ref_note}, {ref} − {a.year} = {elapsed} {what}'
            f"{birthday}, not {c.n}",
            spans=spans,
            details=details,
        )
