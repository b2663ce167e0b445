"""Plain data shared by the recognisers, the pipeline, the checks and the renderers.

Offsets in `Quantity` index the *analysis* text (normalised, Markdown stripped);
offsets in everything that reaches a report index the *original* text. The
conversion happens once, in `newscheck.nlp.analyze`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["money", "percent", "points", "number", "multiplier", "range", "date", "period"]
Role = Literal["level", "change", "share", "conversion", "forecast", "target"]

#: Approximators and bounds, as recorded on a figure. The checker widens or
#: orients a figure's interval by these; the words that map to each live in
#: `newscheck.nlp.quantities`.
Approx = Literal["about", "nearly", "more_than", "at_least", "less_than", "up_to"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure as a recogniser found it, before it knows what it measures.

    `value`, `low` and `high` are numbers for money/percent/points/number/
    multiplier/range (money in units of the currency: "€1B" -> 1e9), and ISO
    strings for date/period ("2026-03-31"; a period "2026-Q1" with low
    "2026-01-01" and high "2026-03-31").

    `low`/`high` is the interval the *stated precision* allows: "€1B" is
    0.95e9..1.05e9, "$4.9 billion" is 4.85e9..4.95e9, "49%" is 48.5..49.5,
    "9,000" is 8999.5..9000.5 (trailing zeros of a whole number are taken as
    exact digits). Approximators are not folded in; they are in `approx`.
    For a range ("3–5%") low/high are the two ends and value their midpoint.
    """

    start: int
    end: int
    text: str
    kind: Kind
    value: float | str | None
    unit: str | None = None  # ISO 4217 code, "%", "pp", "x", or None
    low: float | str | None = None
    high: float | str | None = None
    approx: Approx | None = None
    # For a change multiplier ("doubled") the direction: "up" or "down".
    direction: Literal["up", "down"] | None = None
    # For a date stated with its weekday ("Monday, March 4, 2026"): 0=Monday..6=Sunday.
    weekday: int | None = None


@dataclass(frozen=True, slots=True)
class Position:
    """A span of the original text with its 1-based line and column."""

    start: int
    end: int
    line: int
    column: int
    text: str


Side = Literal["current", "compared", "superseded", "earlier"]
Basis = Literal["yoy", "qoq", "mom", "mixed"]


@dataclass(frozen=True, slots=True)
class Standing:
    """What the words around one figure say of it, beyond metric, owner and period."""

    # current: the value the frame names; compared: the other side of a comparison
    # ("from", "versus", "than"); superseded: an earlier version ("its previous outlook");
    # earlier: its sentence is about an earlier time ("A year earlier, sales were …"),
    # unless it is a change or where a movement ends ("rose to $1.2bn from $1.1bn a
    # year earlier").
    side: Side = "current"
    # What a change is measured against (year, quarter or month before), read from its
    # sentence up to its clause's end; "mixed" when two are cited; None for a level.
    basis: Basis | None = None
    # Versions of the measure named in the figure's own phrase ("adjusted", "organic").
    version: frozenset[str] = field(default_factory=frozenset)
    # Someone other than the subject estimates it ("analysts had expected £1.2bn").
    estimated: bool = False
    # Its clause puts it at another time, with another source or in another version:
    # not an item of a breakdown as such.
    aside: bool = False


@dataclass(slots=True)
class Figure:
    id: str
    text: str
    kind: Kind
    value: float | str | None
    unit: str | None
    low: float | str | None
    high: float | str | None
    approx: Approx | None
    start: int
    end: int
    line: int
    column: int
    metric: str | None = None
    entity: str | None = None
    period: str | None = None
    # 1.0 when the text or the article's date fixes the period; less when it rests on the
    # year an undated story was inferred to speak from ("this year" in a story that says
    # "expected in 2004").
    period_confidence: float = field(default=1.0, compare=False)
    role: Role | None = None
    # actual | expected | forecast | hypothetical | reported_by_other (nlp/modality.py);
    # None for dates and periods.
    modality: str | None = None
    # Qualifier that makes the metric a part of a whole: "AI & Cloud" for
    # "AI & Cloud revenue" (metric "revenue"). None for the whole itself.
    segment: str | None = None
    # The figure this one converts ("(~$1.1B)" after "€1B"): the other's id.
    converts: str | None = None
    # For a change ("rose 49% to €1B from €671M"): ids of the level it ends at
    # ("to") and the level it starts from ("from"), when the text states them.
    target: str | None = None
    base: str | None = None
    direction: Literal["up", "down"] | None = None
    weekday: int | None = None
    # How it stands to its frame: current value, a comparison's other side, an earlier
    # time or superseded version; its change basis and measure version (nlp/standing.py).
    standing: Standing = field(default_factory=Standing)
    block: int = 0  # index of the structural block (bullet/paragraph) it sits in
    sentence: int = 0  # index of the sentence it sits in
    # Offsets into the analysis text, kept for the checks; not serialised.
    a_start: int = field(default=0, repr=False, compare=False)
    a_end: int = field(default=0, repr=False, compare=False)


RelationType = Literal[
    "same_as", "part_of", "sum_of", "change_of", "share_of", "average_of", "converts", "compares"
]


@dataclass(frozen=True, slots=True)
class Relation:
    """Two or more figures the text connects, with the role each plays and how sure we are.

    Roles by type: same_as (a, b); part_of (part, whole); sum_of (total, part, part, …);
    change_of (change, and any of to, from); share_of (share, and any of part, whole);
    average_of (average, total, count); converts (from, to); compares (a, b).
    `score` is the scoring model's probability that the relation holds (0..1);
    `evidence` names the cues that proposed and supported it, for the reader.
    """

    type: RelationType
    figures: tuple[str, ...]
    roles: tuple[str, ...]
    score: float
    evidence: tuple[str, ...] = ()

    def ids(self, role: str) -> tuple[str, ...]:
        return tuple(f for f, r in zip(self.figures, self.roles, strict=True) if r == role)

    def one(self, role: str) -> str | None:
        found = self.ids(role)
        return found[0] if found else None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or bullet) of the analysis text; offsets index the analysis text."""

    index: int
    start: int
    end: int
    block: int
    text: str


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    line: int
    column: int
    text: str


@dataclass(slots=True)
class Entity:
    text: str
    label: str
    count: int
    mentions: list[Mention]


@dataclass(slots=True)
class SummarySentence:
    text: str  # the original file's text at [start, end)
    start: int
    end: int
    line: int
    score: float
    normalized: str = ""  # what was analysed: Markdown stripped, quotes and spaces folded


@dataclass(slots=True)
class Claim:
    text: str  # the original file's text at [start, end)
    start: int
    end: int
    line: int
    figures: list[str]
    score: float
    reasons: list[str]
    normalized: str = ""  # what was analysed: Markdown stripped, quotes and spaces folded


@dataclass(frozen=True, slots=True)
class Ignored:
    """Why a failed check is not counted: an inline `newscheck-disable` comment in the file."""

    by: Literal["comment"]
    line: int  # 1-based line of the comment
    reason: str | None  # the text after "--" in the comment, if any


Status = Literal["pass", "fail", "skip"]
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One cross-check, passed, failed or skipped, as every renderer reads it."""

    id: str  # rule id, "NC101"
    rule: str  # rule name, "repeated-figure"
    name: str  # human title, "Repeated figure"
    status: Status
    severity: Severity
    message: str
    figures: tuple[str, ...]
    spans: tuple[Position, ...]
    details: tuple[tuple[str, object], ...] = ()
    # Set by the command line when an inline comment suppresses this failure: it stays in
    # the JSON, marked, but is not printed as a finding nor counted.
    ignored: Ignored | None = None

    @property
    def start(self) -> int:
        return self.spans[0].start if self.spans else 0

    @property
    def line(self) -> int:
        return self.spans[0].line if self.spans else 1

    @property
    def column(self) -> int:
        return self.spans[0].column if self.spans else 1
