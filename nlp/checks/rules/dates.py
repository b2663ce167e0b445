"""Dates against the calendar: weekdays, and ages or anniversaries against years."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.types import CheckResult, Position, Sentence

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
    )
    passes = (
        "March 5, 2026\nShareholders voted on Wednesday, March 4, 2026, the company said.",
        "Published 2 February 2026\nThe plant closed on Friday 30 January 2026 and will reopen "
        "on Tuesday 10 February 2026 after repairs, a spokesperson said. "
        "Talks resumed on Monday, February 2, 2026.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        for fig in ctx.figures:
            if fig.kind != "date" or fig.weekday is None or not isinstance(fig.value, str):
                continue
            try:
                day = date.fromisoformat(fig.value)
            except ValueError:  # "2026-03": a month has no weekday
                continue
            actual = day.weekday()
            # Mirror the article's order ("4 March 2026" vs "March 4, 2026").
            day_first = re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z]", fig.text) is not None
            when = _long_date(day, day_first)
            details = {"date": day.isoformat(), "stated": WEEKDAYS[fig.weekday]}
            if actual == fig.weekday:
                yield self.result(
                    "pass", f"{fig.text}: {when} is a {WEEKDAYS[actual]}", [fig], details=details
                )
                continue
            future = ctx.doc_date is not None and day > ctx.doc_date
            verb = "falls on" if future else "was"
            yield self.result(
                "fail",
                f"{fig.text}: {when} {verb} a {WEEKDAYS[actual]}",
                [fig],
                details={**details, "actual": WEEKDAYS[actual]},
            )


# --- NC132 ----------------------------------------------------------------------------

_YEAR_RE = r"1[5-9]\d\d|20\d\d"
_YEAR = rf"(?P<year>{_YEAR_RE})"
_MONTH = "(?:" + "|".join(MONTHS) + r")\.?"
# "in March 1865", "on 3 March 1980", "March 3, 1980"
_DAY_MONTH = rf"(?:(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?"

Kind = Literal["org", "person", "any"]

#: Sentence patterns giving the year a thing began (`year` group).
_ANCHORS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        "org",
        re.compile(
            r"\b(?:founded|established|set up|incorporated|formed|launched|created|opened"
            rf"|introduced|debuted|started)\s+(?:back\s+)?(?:(?:in|on)\s+)?{_DAY_MONTH}{_YEAR}\b",
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
    ("person", re.compile(rf"\bborn\s+(?:(?:in|on)\s+)?{_DAY_MONTH}{_YEAR}\b", re.IGNORECASE)),
)

#: Sentence patterns claiming an elapsed number of years (`n` group).
_CLAIMS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    ("any", re.compile(r"\b(?P<n>\d{1,3})[-‑ ]year[-‑ ]old\b")),
    ("any", re.compile(r"\b(?P<n>\d{1,3})\s+years\s+old\b")),
    ("any", re.compile(r"\b(?P<n>\d{1,3})\s+years\s+(?:since|ago)\b")),
    (
        "org",
        re.compile(
            rf"\b(?P<n>\d{{1,3}})(?:st|nd|rd|th)\s+anniversary\b(?:\s+in\s+(?P<at>{_YEAR_RE}))?"
        ),
    ),
    (
        "person",
        re.compile(
            rf"\b(?P<n>\d{{1,3}})(?:st|nd|rd|th)\s+birthday\b(?:\s+in\s+(?P<at>{_YEAR_RE}))?"
        ),
    ),
    # "Jane Doe, 45, ..." : an appositive age after a capitalised name.
    ("person", re.compile(r"\b[A-Z][\w’'-]+,\s+(?P<n>\d{1,3}),\s")),
    ("person", re.compile(r"\baged\s+(?P<n>\d{1,3})\b")),
)

#: Words that move the claim to another time than the article's ("the then
#: 150-year-old", "will turn 50"): too uncertain to check.
_OTHER_TIME = re.compile(r"\b(?:then|will|would|turns?|turning|next year|last year)\b", re.I)
_ANY_YEAR = re.compile(rf"\b(?:{_YEAR_RE})\b")
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Anchor:
    kind: Kind
    year: int
    start: int  # analysis-text offsets
    end: int
    text: str


@dataclass(frozen=True)
class _Claim:
    kind: Kind
    n: int
    at: int | None  # an explicit year of the claim ("150th anniversary in 2015")
    start: int
    end: int
    text: str
    at_span: tuple[int, int] | None


def _anchors(s: Sentence) -> list[_Anchor]:
    out = []
    for kind, pat in _ANCHORS:
        for m in pat.finditer(s.text):
            out.append(_Anchor(kind, int(m["year"]), s.start + m.start(), s.start + m.end(), m[0]))
    return out


def _claims(s: Sentence) -> list[_Claim]:
    out = []
    for kind, pat in _CLAIMS:
        for m in pat.finditer(s.text):
            at = m.groupdict().get("at")
            start, end = m.span("n") if kind == "person" and "," in m[0] else m.span()
            if at:
                at_span: tuple[int, int] | None = (s.start + m.start("at"), s.start + m.end("at"))
                end = m.start("at") - len(" in ")
            else:
                at_span = None
            out.append(
                _Claim(
                    kind,
                    int(m["n"]),
                    int(at) if at else None,
                    s.start + start,
                    s.start + end,
                    s.text[start:end],
                    at_span,
                )
            )
    return out


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


def _compatible(a: _Anchor, c: _Claim) -> bool:
    return c.kind == "any" or c.kind == a.kind


@register
class AgeVsYear(Rule):
    id = "NC132"
    rule = "age-vs-year"
    name = "Age vs year"
    severity = "error"
    description = (
        "An age or anniversary agrees with the founding or birth year stated with it (±1 year)."
    )
    triggers = (
        "March 5, 2026\nFounded in 1865, the 150-year-old company now makes network gear.",
        "Published 12 January 2026\nThe chief executive, Anna Berg, 38, born in 1975, "
        "joined the group last spring.",
        "June 1, 2026\nThe brewery, established in 1926, is celebrating its 90th anniversary.",
    )
    passes = (
        "March 5, 2026\nFounded in 1865, the 160-year-old company now makes network gear.",
        "Published 12 January 2026\nThe chief executive, Anna Berg, 50, born in 1975, "
        "joined the group last spring.",
        "June 1, 2026\nThe brewery, established in 1926, is celebrating its 100th anniversary.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        sents = sentences_of(ctx)
        found = [(s, _anchors(s), _claims(s)) for s in sents]
        ref_year = ctx.doc_date.year if ctx.doc_date else None
        for k, (s, anchors, claims) in enumerate(found):
            for c in claims:
                pair = self._anchor_for(c, s, anchors, ref_year)
                if (
                    pair is None
                    and k > 0
                    and len(claims) == 1
                    and not _blocking_years(s, c, ref_year, [])
                ):
                    # "Nokia was founded in 1865. The 160-year-old company ..."
                    prev_anchors = [a for a in found[k - 1][1] if _compatible(a, c)]
                    if len(prev_anchors) == 1 and not _OTHER_TIME.search(
                        s.text[: c.start - s.start]
                    ):
                        pair = prev_anchors[0]
                if pair is not None:
                    yield self._check(ctx, pair, c)

    def _anchor_for(
        self, c: _Claim, s: Sentence, anchors: list[_Anchor], ref_year: int | None
    ) -> _Anchor | None:
        usable = [a for a in anchors if _compatible(a, c)]
        if len(usable) != 1:
            return None  # none, or ambiguous: which year does the age go with?
        a = usable[0]
        if _blocking_years(s, c, ref_year, [a]) or _OTHER_TIME.search(s.text[: c.start - s.start]):
            return None
        return a

    def _check(self, ctx: CheckContext, a: _Anchor, c: _Claim) -> CheckResult:
        spans: list[Position] = [ctx.span(a.start, a.end), ctx.span(c.start, c.end)]
        if c.at is not None:
            ref, ref_note = c.at, str(c.at)
            assert c.at_span is not None
            spans.append(ctx.span(*c.at_span))
        elif ctx.doc_date is not None:
            ref, ref_note = ctx.doc_date.year, f"{ctx.doc_date.year} (the article's year)"
        else:
            return self.result(
                "skip",
                f'"{c.text}" vs "{a.text}": no article date to count from; use --as-of DATE',
                spans=spans,
            )
        elapsed = ref - a.year
        details = {"year": a.year, "stated": c.n, "reference_year": ref, "elapsed": elapsed}
        what = "years" if c.kind != "person" or "birthday" in c.text else "years of age"
        if abs(elapsed - c.n) <= 1:
            return self.result(
                "pass",
                f'"{c.text}" agrees with "{a.text}": {ref} − {a.year} = {elapsed}',
                spans=spans,
                details=details,
            )
        return self.result(
            "fail",
            f'"{c.text}" vs "{a.text}": in {ref_note}, {ref} − {a.year} = {elapsed} {what}, '
            f"not {c.n}",
            spans=spans,
            details=details,
        )
