"""The `newscheck_frames` component: what each figure measures.

For every figure found by `newscheck_figures` it fills a `Frame` on
`Span._.frame`: the metric ("revenue"), the segment that makes it a part of a
whole ("ai and cloud"), the entity (canonical ORG/GPE/PERSON), the period
("2026-Q1"), the role (level, change, share, conversion, forecast, target) and,
for changes and conversions, which other figures they point at.

The dependency parse does most of the work when the model has a parser; the
same rules degrade to word windows on a blank pipeline.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newscheck.nlp import lexicon as lx
from newscheck.nlp import owners
from newscheck.nlp.entities import CORPORATE_SUFFIXES, canonical
from newscheck.nlp.figures import SPAN_KEY
from newscheck.nlp.modality import clause_around, modality_of
from newscheck.nlp.quantities import CURRENCY_OBJECT_RE
from newscheck.nlp.relations import cues
from newscheck.nlp.source import TableCell
from newscheck.nlp.standing import Standing, is_change_role, standing_of
from newscheck.nlp.tables import Tables
from newscheck.nlp.types import Quantity

if not Span.has_extension("frame"):
    Span.set_extension("frame", default=None)
if not Doc.has_extension("sentence_spans"):
    Doc.set_extension("sentence_spans", default=None)

VALUE_KINDS = frozenset({"money", "percent", "points", "number", "multiplier", "range"})
TIME_KINDS = frozenset({"date", "period"})
ENTITY_LABELS = ("ORG", "GPE", "NORP", "PERSON")
_CONVERSION_GAP = re.compile(
    r"^\s*(?:\(|,|/|\bor\b|\bequivalent to\b|\bequal to\b|\bworth\b|\bat\b)?\s*"
    r"(?:\bor\b\s*)?(?:\b(?:about|around|roughly|approximately|approx\.|some|nearly|almost|"
    r"just over|just under|more than|over|c\.|equivalent to|worth)\b|~)?\s*$",
    re.IGNORECASE,
)
# What may stand between "the 50k note will become" and the amount it equals.
_EQUATED = re.compile(
    r"\s*(?:(?:the|a|an)\s+)?(?:new\s+)?(?:(?:about|around|roughly|approximately|some|nearly|"
    r"almost|just over|just under|more than|over)\s+)?",
    re.IGNORECASE,
)
# "€4.5 billion in the January–March period, roughly $4.9 billion": a time phrase between.
_TIME_PHRASE = re.compile(
    r"^\s*(?:in|during|for|over)\s+(?:the\s+)?[^,;()\d]{0,30}?"
    r"(?:period|quarter|year|half|month|months)\b(?=\s*,)",
    re.IGNORECASE,
)
# "$580 million in 2025, up 9%": a time phrase between a level and its change.
_TIME_PHRASE_ANY = re.compile(r"^\s*(?:in|during|for|over|at|on)\s+[^,;()]{1,30}?(?=\s*,)")
_ABSOLUTE_PERIOD = re.compile(r"^(?:FY)?\d{4}(?:-(?:Q[1-4]|H[12]|\d\d))?$|^\.\.\d{4}$")
_RELATIVE_PRIOR = re.compile(
    r"^\W{0,3}(?:(?:in|during|for)\s+the\s+same\s+(?:period|quarter)\s+)?"
    r"(?:a\s+year\s+(?:earlier|before|ago)|(?:the\s+)?(?:previous|prior|last)\s+year|"
    r"year[- ](?:earlier|ago)|in\s+the\s+(?:previous|prior|same)\s+(?:year|period|quarter)"
    r"(?:\s+(?:a\s+year\s+earlier|last\s+year))?)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Frame:
    metric: str | None = None
    segment: str | None = None
    entity: str | None = None
    period: str | None = None
    # How sure the period is: 1.0 when the text or the article's date fixes it; less when
    # it rests on the year an undated story is inferred to speak from (`_story_year`).
    period_confidence: float = 1.0
    role: str = "level"
    direction: str | None = None
    converts: int | None = None  # index into doc.spans["figures"]
    target: int | None = None
    base: int | None = None
    sentence: int = 0
    modality: str | None = None  # nlp/modality.py; None for dates and periods
    standing: Standing = field(default_factory=Standing)  # nlp/standing.py


def sentence_spans(doc: Doc) -> list[Span]:
    """Sentences, never crossing a block break (the analysis text separates blocks by blank lines)."""
    cached = doc._.sentence_spans
    if cached is not None:
        return cached
    out: list[Span] = []
    sents = (
        doc.sents if (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")) else [doc[:]]
    )
    for sent in sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    out.append(doc[start : tok.i])
                start = tok.i + 1
            elif "\n" in tok.whitespace_ and tok.i + 1 < sent.end:
                out.append(doc[start : tok.i + 1])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    out = [s for s in out if s.text.strip()]
    doc._.sentence_spans = out
    return out


class FrameExtractor:
    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.user_data.pop(_CACHE, None)  # entities may have changed since a previous run
        spans = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
        sents = sentence_spans(doc)
        sent_of = _sentence_index(doc, sents)
        has_dep = doc.has_annotation("DEP")
        main_entity = _main_entity(doc)
        doc.user_data["newscheck_main_entity"] = main_entity
        doc.user_data["newscheck_figure_tokens"] = frozenset(
            i for s in spans for i in range(s.start, s.end)
        )
        default_period = _default_period(spans, doc)
        story = _story_time(spans, doc, default_period)
        frames: list[Frame] = [Frame(sentence=sent_of[s.start]) for s in spans]

        # Pass 1: conversions, changes and their targets/bases, shares.
        partitive: dict[int, tuple[str, str]] = {}  # "Of the new homes, 60% …": (whole, part)
        for i, span in enumerate(spans):
            q: Quantity = span._.quantity
            frame = frames[i]
            if q.kind in TIME_KINDS:
                continue
            sent = sents[frame.sentence]
            if q.kind == "money" and (src := _conversion_source(doc, spans, i, frames)) is not None:
                frame.role = "conversion"
                frame.converts = src
                continue
            change = _change(span, sent, has_dep, q)
            if change is not None:
                frame.role = "change"
                frame.direction = change
                # "kept its growth forecast at 3.5 pct ... to 2.5 pct from 2.8 pct": a
                # rate given "at" is no "rose X% to A from B".
                if not _RATE_AT.search(_text(doc)[max(0, span.start_char - 8) : span.start_char]):
                    frame.target, frame.base = _target_and_base(doc, spans, i, frames)
                continue
            if q.kind in {"percent", "range"}:
                if (part := _partitive_part(span, sent)) is not None:
                    partitive[i] = part
                if part is not None or _is_share(span, sent):
                    frame.role = "share"

        targets_or_bases = {f.target for f in frames} | {f.base for f in frames}
        bases = {f.base for f in frames if f.base is not None}
        # The figures of each sentence: periods are looked for there, not article-wide.
        in_sentence: dict[int, list[Span]] = {}
        for span, frame in zip(spans, frames, strict=True):
            in_sentence.setdefault(frame.sentence, []).append(span)
        # Pass 2: metric, segment, entity, period, forecast/target cues.
        for i, span in enumerate(spans):
            q = span._.quantity
            frame = frames[i]
            if q.kind in TIME_KINDS or frame.role == "conversion":
                continue
            sent = sents[frame.sentence]
            metric, segment, noun = _metric(span, sent, frame.role, has_dep)
            if metric is None and i in targets_or_bases:
                # "rose 49% to €1B": the level measures what the change measures.
                owner = next(f for f in frames if i in (f.target, f.base))
                metric, segment = owner.metric, owner.segment
            if i in partitive:
                metric, segment = partitive[i]
            elif frame.role == "share" and has_dep:
                metric, segment = _share_frame(span, sent, metric, segment, spans, frames, i)
            elif frame.role == "level" and q.kind in {"money", "number"}:
                if segment is None:
                    segment = _segment_after(span, sent)
                if metric is None and segment is not None:
                    metric = _listed_metric(doc, spans, frames, i)
            if (
                frame.role == "level"
                and i not in partitive
                and i not in targets_or_bases
                and (listed := _list_item_of(doc, spans, frames, i)) is not None
            ):
                # "inflation at 2.1% this year, 1.7% in 2027 and 2.0% in 2028": each item
                # measures what the first does; the parse often hangs them elsewhere.
                metric, segment = listed.metric, segment or listed.segment
            frame.metric, frame.segment = metric, segment
            before = [
                s
                for s in in_sentence[frame.sentence]
                if s.end <= span.start and s._.quantity.kind not in TIME_KINDS
            ]
            frame.entity, claimed = _entity(
                doc, span, sent, noun, sents, frame.sentence, main_entity, segment, before
            )
            if not claimed and owners.points_back(span):
                # "Homes in Ely cost £300,000. This is 60% more than…": the figure before
                # says whose.
                frame.entity = next(
                    (
                        f.entity
                        for f in reversed(frames[:i])
                        if frame.sentence - 1 <= f.sentence and f.entity is not None
                    ),
                    frame.entity,
                )
            if frame.role == "share" and frame.segment:
                # "India made up 62% of its revenue and Brazil 45%": the parts of one
                # sentence's whole have one owner; Brazil is a part, not whose revenue it is.
                prior = [
                    f
                    for f in frames[:i]
                    if f.sentence == frame.sentence and f.role == "share" and f.metric == metric
                ]
                if prior:
                    frame.entity = prior[-1].entity
                elif frame.entity and frame.entity.lower() == frame.segment:
                    frame.entity = main_entity
            is_base = i in bases or _unstated_change_base(doc, spans, frames, i)
            nearby = in_sentence[frame.sentence]
            frame.period, frame.period_confidence = _period(
                doc,
                span,
                nearby,
                story,
                is_base=is_base,
                has_dep=has_dep,
                sent=sent,
            )
            if frame.role in ("level", "change"):
                words = _governing_words(span, sent, has_dep)
                if words & lx.TARGET_CUES:
                    frame.role = "target" if frame.role == "level" else frame.role
                elif words & lx.FORECAST_CUES or _future_period(nearby):
                    frame.role = "forecast"
                elif frame.role == "level" and any(cues.has("proposal", w) for w in words):
                    # "the cap should be £10,000", "plans to raise it to £150,000": proposed.
                    frame.role = "forecast"
        _table_frames(doc, spans, frames, main_entity)
        # Pass 3: what depends on another figure's frame. A level is framed more
        # reliably than the change beside it ("net income of $1.8B, up 15%").
        for frame in frames:
            target = frames[frame.target] if frame.target is not None else None
            if target is not None and target.metric is not None:
                frame.metric, frame.segment = target.metric, target.segment
            for j in (frame.target, frame.base):
                if j is not None and (frames[j].metric is None or j == frame.base):
                    frames[j].metric, frames[j].segment = frame.metric, frame.segment
                    frames[j].entity = frames[j].entity or frame.entity
        for frame in frames:
            if frame.converts is not None:
                src = frames[frame.converts]
                frame.metric, frame.segment = src.metric, src.segment
                frame.entity, frame.period = src.entity, src.period
                frame.period_confidence = src.period_confidence
        text = _text(doc)
        for span, frame in zip(spans, frames, strict=True):
            sent = sents[frame.sentence]
            q = span._.quantity
            change = q.kind not in TIME_KINDS and is_change_role(
                frame.role, q.direction or frame.direction
            )
            frame.standing = standing_of(
                text, q.start, q.end, sent.start_char, sent.end_char, change=change
            )
            if span._.quantity.kind not in TIME_KINDS:
                clause = clause_around(
                    text, span.start_char, span.end_char, sent.start_char, sent.end_char
                )
                frame.modality = modality_of(frame.role, clause)
            span._.frame = frame
        doc.user_data.pop(_CACHE, None)
        return doc


def _table_frames(doc: Doc, spans: list[Span], frames: list[Frame], main: str | None) -> None:
    """A figure in a table cell is framed by its headers, not by its row read as a sentence.

    One header names a period ("2025"): the other names the metric ("Gross margin").
    With no period in either, the row's label is the metric. A column headed as a
    change ("Change", "y/y") holds changes.
    """
    tables = Tables(doc)
    if not tables:
        return
    # The one absolute period each cell states ("2025", "Q1 2026", "FY2024"), read once.
    stated: dict[TableCell, set[str]] = {}
    for s in spans:
        value = s._.quantity.value
        if (
            s._.quantity.kind == "period"
            and isinstance(value, str)
            and _ABSOLUTE_PERIOD.match(value)
            and (cell := tables.cell_of(s)) is not None
        ):
            stated.setdefault(cell, set()).add(value)

    def period_of(cell: TableCell | None) -> str | None:
        labels = stated.get(cell) if cell is not None else None
        return next(iter(labels)) if labels and len(labels) == 1 else None

    for span, frame in zip(spans, frames, strict=True):
        if span._.quantity.kind in TIME_KINDS or frame.role == "conversion":
            continue
        h = tables.headers(span)
        if h is None:
            continue
        col_period = period_of(h.col_cell)
        row_period = None if col_period else period_of(h.row_cell)
        label = h.col_header if row_period else h.row_header
        other = h.row_header if row_period else h.col_header
        if col_period or row_period:
            frame.period = col_period or row_period
        corner = tables.corner(h)
        if (
            not (col_period or row_period)
            and corner is not None
            and h.col_header is not None
            and h.row_header is not None
            and cues.has("table_dimension", corner.text)
            and not cues.has("change_header", h.col_header.text)
        ):
            # "| Segment | Revenue | Operating profit |": each column is a metric and each
            # row a part of the whole; a row naming the company itself ("Group") is the whole.
            if (named := _header_metric(h.col_header, main)) is not None:
                frame.metric = named[0]
                frame.segment = _row_segment(h.row_header.text, main)
            continue
        if label is not None and (named := _header_metric(label, main)) is not None:
            frame.metric, frame.segment = named
        if (
            frame.role in ("level", "change")
            and other is not None
            and not (col_period or row_period)
            and cues.has("change_header", other.text)
        ):
            frame.role = "change"
            # "| 2024 | 2025 | Change |": the change is to the latest period before it.
            before = [period_of(c) for c in tables.row_before(h)]
            frame.period = next((p for p in reversed(before) if p), frame.period)


def _row_segment(label: str, main: str | None) -> str | None:
    """A row label as a segment; None for a total row or the company's own name."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w&'-]*", label)]
    if not words or cues.has("total_row", label):
        return None
    if main is not None and set(words) <= {w.lower() for w in main.split()}:
        return None
    return " ".join(words)


def _header_metric(header: Span, main: str | None) -> tuple[str, str | None] | None:
    """The metric a header cell names, folded like a sentence's noun phrase."""
    figure_tokens = header.doc.user_data.get("newscheck_figure_tokens", frozenset())
    words = [t for t in header if t.is_alpha and t.i not in figure_tokens]
    nouns = [t for t in words if t.pos_ in {"NOUN", "PROPN"}] or words
    if not nouns:
        return None
    head = nouns[-1]
    metric, segment, _ = _normalise_metric([t for t in words if t.i < head.i], head, main)
    return (metric, segment) if metric else None


def _sentence_index(doc: Doc, sents: list[Span]) -> list[int]:
    idx = [0] * (len(doc) + 1)
    for n, s in enumerate(sents):
        for t in range(s.start, s.end):
            idx[t] = n
    # Tokens between sentences (block breaks) belong to the next one.
    last = 0
    for t in range(len(doc)):
        if any(s.start <= t < s.end for s in sents[last : last + 2]):
            last = idx[t]
        else:
            idx[t] = last
    return idx


def _main_entity(doc: Doc) -> str | None:
    """Who the article is about: the name mentioned most, organisations first, the lead counting double.

    In "Chairman Robert Ellison said…" the figures are the company's, however
    often its chairman is quoted; a name in the headline or first paragraph is
    the story's subject more often than not. A name that mostly reports ("the Fed
    said", "quoted in China Daily") is weighed down, and so is a place after "in".
    """
    lead_end = _lead_end(doc)
    has_dep = doc.has_annotation("DEP")
    scores: Counter[str] = Counter()
    as_source: Counter[str] = Counter()  # the weight of the mentions that only report
    mentions: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    for e in _cached(doc).names:
        if e.label_ not in {"ORG", "GPE", "NORP", "PERSON"}:
            continue
        name = _name(e)
        label = e.label_
        if label == "PERSON" and not _person_name(name):
            label = "NAME"  # "Royex" tagged PERSON: a one-word name is a company as often
        weight = _LABEL_WEIGHT[label]
        if e.start_char < lead_end:
            weight += 1.0
        if has_dep and e.label_ == "GPE" and e.root.dep_ == "pobj" and e.root.head.lower_ in _AT:
            weight *= 0.5  # "business in the U.S.": where, not who
        mentions[name] += 1
        if has_dep and owners.is_source(e):
            sources[name] += 1
            as_source[name] += weight
        else:
            scores[name] += weight
    for name, weight in as_source.items():
        # "…, China Daily said", "the Fed said the rate was": a name that mostly reports is who
        # says it, not whose it is; a company that also owns ("Royex said its stake…") counts.
        share = _SOURCE_WEIGHT if 2 * sources[name] >= mentions[name] else 1.0
        scores[name] += weight * share
    if not scores:
        return None
    # A tie goes to the name mentioned first (most_common keeps insertion order).
    return scores.most_common(1)[0][0]


def _person_name(name: str) -> bool:
    """A person's full name: two words or more, none of them a company suffix."""
    words = name.split()
    return len(words) > 1 and words[-1].rstrip(".").lower() not in CORPORATE_SUFFIXES


#: Evidence weights for the article's subject: an organisation owns figures more often than a
#: place, and far more often than a person, whose figures are mostly quoted.
_LABEL_WEIGHT = {"ORG": 1.5, "GPE": 1.0, "NORP": 1.0, "NAME": 1.0, "PERSON": 0.5}
_SOURCE_WEIGHT = 0.1
_AT = frozenset({"in", "at", "across", "throughout", "within"})


def _body_start(doc: Doc) -> int:
    """Where the body begins: after the headline, datelines and headings that open the text."""
    pos = 0
    for a, b in sorted(doc._.suspect_ranges or ()):
        if a <= pos + 2:
            pos = max(pos, b)
    return pos


def _lead_sentence_end(doc: Doc) -> int:
    """End of the headline and the first body sentence (a wire lead; a CNN story is one block)."""
    pos = _body_start(doc)
    for sent in sentence_spans(doc):
        if sent.end_char > pos + 2 and sent.text.strip():
            return sent.end_char
    return len(_text(doc))


def _lead_end(doc: Doc) -> int:
    """End of the first body block (after headline, datelines and headings)."""
    pos = _body_start(doc)
    nxt = _text(doc).find("\n\n", pos + 2)
    return len(_text(doc)) if nxt < 0 else nxt


def _governing_words(span: Span, sent: Span, has_dep: bool) -> set[str]:
    """Words that govern the figure: its ancestors and their auxiliaries ("will", "expects").

    "in line with forecasts" in the same sentence does not make a figure a forecast;
    "forecasts 27% growth" and "will rise 5%" do. Without a parse, the whole sentence.
    """
    if not has_dep:
        return {t.lower_ for t in sent}
    words: set[str] = set()
    tok = span.root
    for _ in range(8):
        words.add(tok.lower_)
        words.update(
            c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass", "xcomp", "advmod"}
        )
        if tok.head == tok or not (sent.start <= tok.head.i < sent.end):
            break
        tok = tok.head
    return words


def _default_period(spans: list[Span], doc: Doc) -> str | None:
    """The reporting period the article is about, when one clearly dominates.

    Quarters and halves win when stated; else the year (or fiscal year) stated
    most often among those before the article's own year, the period a report
    published in March 2026 is about.
    """
    suspect = doc._.suspect_ranges or ()
    reference = doc._.reference_date
    if reference is None:
        # Undated, the most frequent year is as often a date in the story's background
        # ("the 1979 agreement") as its subject; only a period the lead states is,
        # or the month a year-ago comparison fixes.
        return _lead_period(spans, doc) or _compared_month(spans, doc)
    if (lead := _lead_period(spans, doc, measured=True)) is not None:
        # "operating profit fell 11% in the fiscal year ended March 31": the period the
        # lead reports beats a quarter the body mentions in passing.
        return lead
    short: Counter[str] = Counter()
    years: Counter[str] = Counter()
    for s in spans:
        q: Quantity = s._.quantity
        if q.kind != "period" or not isinstance(q.value, str):
            continue
        if any(a <= s.start_char < b for a, b in suspect):
            continue
        if re.match(r"^\d{4}-(?:Q[1-4]|H[12])$", q.value):
            short[q.value] += 1
        elif (m := re.match(r"^(?:FY)?(\d{4})$", q.value)) and (
            reference is None or int(m.group(1)) < reference.year
        ):
            years[q.value] += 1
    for counter in (short, years):
        if counter:
            (label, n), *rest = counter.most_common(2)
            return None if rest and rest[0][1] == n else label
    return None


@dataclass(frozen=True, slots=True)
class StoryTime:
    """What places a figure's time when its sentence does not: the story's period, the
    last month of its fiscal year, and the year it speaks from with that year's confidence."""

    default: str | None = None
    fiscal_end: int | None = None
    year: int | None = None
    confidence: float = 0.0


#: Evidence for the year an undated story speaks from, and what each weighs.
#: - relative_part: "July last year" where the text also dates "July 2004": 2005, near certain;
#: - story_period: the year of the story's own quarter, half or month ("first quarter
#:   revenues" in a story about the year ending June 1988: 1987);
#: - latest_year: the latest year stated as a time of its own (not a bound "until 2006"
#:   nor a comparison base), a tie-breaker only: stories often look back a year.
#: A year named near "this year" is no evidence: in the same sentence it is nearly always
#: the contrast ("10% this year after record sales in 2004"), and in the same paragraph
#: as often the year before ("in the last quarter of 2004 ... this year") as this one.
_STORY_YEAR_WEIGHTS = {
    "relative_part": 3.0,
    "story_period": 2.0,
    "latest_year": 0.5,
}
#: The least score a story year needs before relative periods are resolved against it.
_STORY_YEAR_MIN = 1.0
_REL_SHIFT = {"last": -1, "this": 0, "next": 1}
_RELATIVE_PART = re.compile(r"(?P<rel>last|this|next)-year(?:-(?P<part>Q[1-4]|H[12]|\d\d))?")
#: Before a year that bounds a time rather than naming one: "till 2006", "before 2005".
_BOUND_BEFORE = re.compile(
    r"\b(?:until|till|by|through|thru|before|to)\s+(?:the\s+(?:end\s+of\s+)?)?"
    r"(?:(?:the\s+)?year\s+|fiscal\s+(?:year\s+)?)?$",
    re.IGNORECASE,
)


def _story_time(spans: list[Span], doc: Doc, default: str | None) -> StoryTime:
    fiscal_end = _fiscal_end(spans)
    reference = doc._.reference_date
    if reference is not None:
        return StoryTime(default, fiscal_end, reference.year, 1.0)
    found = _story_year(spans, doc, default, fiscal_end)
    return StoryTime(default, fiscal_end, *(found or (None, 0.0)))


def _fiscal_end(spans: list[Span]) -> int | None:
    """The last month of the fiscal year, when the text states one and only one."""
    ends = {
        int(m["m2"])
        for s in spans
        if (m := _TWELVE_MONTHS.fullmatch(str(s._.quantity.value)))
        and _fiscal_label(str(s._.quantity.value))
    }
    return ends.pop() if len(ends) == 1 else None


def _story_year(
    spans: list[Span], doc: Doc, default: str | None, fiscal_end: int | None
) -> tuple[int, float] | None:
    """The year an undated story speaks from, inferred from its own dated mentions.

    Each piece of evidence (`_STORY_YEAR_WEIGHTS`) votes for a year; the best year wins
    when it scores at least `_STORY_YEAR_MIN` and no other year ties it. Its confidence
    is its share of all the votes, discounted when the evidence is thin.
    """
    text = _text(doc)
    votes: Counter[int] = Counter()
    dated_parts: dict[str, set[int]] = {}
    relative: list[tuple[int, str | None]] = []
    own_years: list[int] = []
    for s in spans:
        q: Quantity = s._.quantity
        if q.kind not in TIME_KINDS or not isinstance(q.value, str):
            continue
        label = q.value
        if m := _RELATIVE_PART.fullmatch(label):
            relative.append((_REL_SHIFT[m["rel"]], m["part"]))
            continue
        if m := re.fullmatch(r"(\d{4})-(Q[1-4]|H[12]|\d\d)(?:-\d\d)?", label):
            dated_parts.setdefault(m[2], set()).add(int(m[1]))
        before = text[max(0, s.start_char - 40) : s.start_char]
        if _BOUND_BEFORE.search(before) or _BASE_PERIOD_BEFORE.search(before):
            continue
        # A year, month, quarter or date; a span of years by its last year.
        if m := re.fullmatch(
            r"(\d{4})(?:-(?:Q[1-4]|H[12]|\d\d)(?:-\d\d)?)?|\d{4}\.\.(\d{4})", label
        ):
            own_years.append(int(m[1] or m[2]))
        elif fy := re.fullmatch(r"FY(\d{4})", _fiscal_label(label) or label):
            # A fiscal year not ending in December starts the year before it is named for.
            own_years.append(int(fy[1]) - (fiscal_end != 12))
    w = _STORY_YEAR_WEIGHTS
    for shift, part in relative:
        for year in dated_parts.get(part or "", ()):
            votes[year - shift] += w["relative_part"]
    if default and (m := re.fullmatch(r"(?:FY)?(\d{4})-(?:Q[1-3]|H1|0\d|1[01])", default)):
        # A results story reports a period just ended: in its year, unless it is the
        # year's last quarter, half or month (reported the next year).
        votes[int(m[1])] += w["story_period"]
    elif default and fiscal_end and default.startswith("FY"):
        placed = {
            _place(m[1], default, fiscal_end)
            for s in spans
            if (m := _YEARLESS.match(str(s._.quantity.value))) and m[1][0] in "QH"
        }
        years = {int(p[:4]) for p in placed if not re.search(r"Q4|H2", p)}
        if len(years) == 1:
            votes[years.pop()] += w["story_period"]
    if own_years:
        votes[max(own_years)] += w["latest_year"]
    if not votes:
        return None
    (year, score), *rest = votes.most_common(2)
    if score < _STORY_YEAR_MIN or (rest and rest[0][1] == score):
        return None
    confidence = score / sum(votes.values()) * min(1.0, score / w["relative_part"])
    return year, round(confidence, 3)


def _relative_to_year(raw: str, year: int) -> str | None:
    """ "last-year", "this-year-Q1" resolved against the story's year: "2003", "2004-Q1"."""
    if (m := _RELATIVE_PART.fullmatch(raw)) is None:
        return None
    resolved = year + _REL_SHIFT[m["rel"]]
    return f"{resolved}-{m['part']}" if m["part"] else str(resolved)


#: Before a period that is the other side of a comparison: "to 3.2 billion dlrs over fiscal 1987".
_BASE_BEFORE = re.compile(
    r"\b(?:over|from|than|against|versus|vs\.?|compared\s+(?:with|to)|since|before)\s+"
    r"(?:the\s+)?(?:same\s+\w+\s+(?:of|in)\s+)?$",
    re.IGNORECASE,
)


#: Before a period stated only as the other side of a comparison: "down from 80.2 pct in
#: February, 1986", "below the February 1986 rate".
_BASE_PERIOD_BEFORE = re.compile(
    r"\b(?:from|than|below|above|over|against|versus|vs\.?|compared\s+(?:with|to))\s+"
    r"(?:the\s+)?(?:(?:[^,;.]|\.(?=\d)){0,25}?\s+in\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


def _measured_over(label: str) -> bool:
    """A reporting period (fiscal year, quarter, half), not a bare year that may date an event."""
    return bool(re.fullmatch(r"FY\d{4}|\d{4}-(?:Q[1-4]|H[12])", label))


def _compared_month(spans: list[Span], doc: Doc) -> str | None:
    """The story's month when a year-less month is set against the same month of a stated year.

    "…rose to 79.8 pct in February … down from 80.2 pct in February, 1986": the
    bare February is not the one the text dates, and a comparison base is the
    earlier one, so it is February 1987. Only when every dated mention of that
    month is a comparison base, and only one month qualifies.
    """
    base: dict[str, set[int]] = {}
    stated: set[str] = set()
    bare: set[str] = set()
    for s in spans:
        q: Quantity = s._.quantity
        label = q.value if q.kind == "period" and isinstance(q.value, str) else ""
        if m := re.fullmatch(r"(\d{4})-(\d\d)", label):
            before = _text(doc)[max(0, s.start_char - 50) : s.start_char]
            if _BASE_PERIOD_BEFORE.search(before):
                base.setdefault(m[2], set()).add(int(m[1]))
            else:
                stated.add(m[2])
        elif m := re.fullmatch(r"--(\d\d)", label):
            bare.add(m[1])
    found = {f"{max(base[mm]) + 1}-{mm}" for mm in bare if mm in base and mm not in stated}
    return found.pop() if len(found) == 1 else None


def _lead_period(spans: list[Span], doc: Doc, *, measured: bool = False) -> str | None:
    """The one absolute period the headline and first paragraph state, not as a comparison base.

    "Nortel revised its profits for the 2003 fiscal year", "sales rose 13 pct in
    the 1987 third quarter": the lead says what period the story reports.
    """
    lead_end = _lead_sentence_end(doc)
    # "Ms Ferris - who joined in 2011 - called for ...": an aside dates its own event.
    asides = [m.span() for m in _ASIDE.finditer(_text(doc), 0, lead_end)]
    lead = [
        s
        for s in spans
        if s.start_char < lead_end and not any(a <= s.start_char < b for a, b in asides)
    ]
    # "sales for the year ending March 31, 2027, to grow 8 pct over fiscal 2026": a
    # lead that counts in fiscal years reports the twelve months as the fiscal year.
    fiscal = any(str(s._.quantity.value).startswith("FY") for s in lead)
    labels: set[str] = set()
    for s in lead:
        q: Quantity = s._.quantity
        if q.kind != "period" or not isinstance(q.value, str):
            continue
        value = _fiscal_label(q.value) if fiscal else None
        if value is None and (not _ABSOLUTE_PERIOD.match(q.value) or q.value.startswith("..")):
            continue
        if _BASE_BEFORE.search(_text(doc)[max(0, s.start_char - 30) : s.start_char]):
            continue
        if measured and not _measured_over(value or q.value):
            # Only a period figures are measured over: "the current year" in a results
            # lead dates a forecast, not the results.
            continue
        labels.add(value or q.value)
    return labels.pop() if len(labels) == 1 else None


def _fiscal_label(raw: str) -> str | None:
    """Twelve months not ending in December ("1987-07-01/1988-06-30") as the fiscal year
    they end in ("FY1988"), or None for any other label."""
    m = _TWELVE_MONTHS.fullmatch(raw)
    if m and (int(m["y2"]) - int(m["y1"])) * 12 + int(m["m2"]) - int(m["m1"]) == 11:
        return f"FY{m['y2']}"
    return None


def _conversion_source(doc: Doc, spans: list[Span], i: int, frames: list[Frame]) -> int | None:
    if i == 0:
        return None
    prev, cur = spans[i - 1], spans[i]
    pq: Quantity = prev._.quantity
    cq: Quantity = cur._.quantity
    if pq.kind != "money" or frames[i - 1].role == "conversion":
        return None
    if frames[i].sentence != frames[i - 1].sentence:
        return None
    text = _text(doc)
    gap = _TIME_PHRASE.sub("", text[prev.end_char : cur.start_char])
    # "the 50k note, worth $4", "the 1,000-franc note will become a 10-franc coin": the
    # amount names a note or coin, and the words after it equate it with the other.
    obj = CURRENCY_OBJECT_RE.match(gap)
    if obj is not None:
        gap = gap[obj.end() :]
        equates = cues.pattern("conversion_equates").match(gap.lstrip(" ,"))
        if equates is not None:
            rest = gap.lstrip(" ,")[equates.end() :]
            if _EQUATED.fullmatch(rest):
                gap = ""
    # One currency on both sides is a conversion only between two of its notes or
    # coins (a redenomination: "the 1,000-peso note will become a one-peso coin").
    if pq.unit == cq.unit and not (
        obj is not None
        and not gap
        and pq.value != cq.value
        and CURRENCY_OBJECT_RE.match(text, cur.end_char)
    ):
        return None
    if len(gap) > 30 or not _CONVERSION_GAP.match(gap):
        return None
    # "€2bn or $2.2bn" only if nothing suggests two different amounts ("or more").
    return i - 1


def _change(span: Span, sent: Span, has_dep: bool, q: Quantity) -> str | None:
    """'up'/'down' when the figure states a change, else None."""
    if q.kind == "multiplier":
        return q.direction or "up"
    if q.kind not in {"percent", "points", "money", "number", "range"}:
        return None
    doc = span.doc
    left = [t for t in doc[max(sent.start, span.start - 4) : span.start] if not t.is_space]
    # "rose 49%", "up 49%", "rose by 49%", "an increase of 49%", "a rise of about 3%".
    words = [t.lower_ for t in left]
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w in {"up", "down"} and k > 0 and words[k - 1] in _PARTICLE_VERBS:
            break
        after = words[k + 1 :]
        # "growth at 27%": after a change noun, "at" gives the rate (after a verb,
        # "closed up at 120p", it gives a level).
        if w in lx.CHANGE_NOUNS and after[:1] == ["at"] and q.kind in {"percent", "points"}:
            return "up" if w in lx.CHANGE_NOUNS_UP else "down"
        if all(
            a
            in {
                "by",
                "of",
                "about",
                "around",
                "nearly",
                "almost",
                "some",
                "roughly",
                "a",
                "an",
                "more",
                "than",
                "over",
                "just",
                "~",
                "as",
                "much",
            }
            for a in after
        ):
            # "to increase 12 to 15 pct", "will rise 5%": after "to" or a modal the
            # word is the verb; the noun needs "of" ("an increase of 5%").
            verb = k > 0 and words[k - 1] in _VERB_OPENERS
            if w in lx.UP_VERBS or w in lx.CHANGE_NOUNS_UP:
                if w in lx.CHANGE_NOUNS_UP and "of" not in after and not verb:
                    continue
                return "up"
            if w in lx.DOWN_VERBS or w in lx.CHANGE_NOUNS_DOWN:
                if w in lx.CHANGE_NOUNS_DOWN and "of" not in after and not verb:
                    continue
                if w in _AMOUNT_NOT_CHANGE and q.kind in {"money", "number"}:
                    # "cut 300 jobs", "a loss of 30 mln dlrs": the amount is a level.
                    return None
                return "down"
        else:
            break
    # "a 49% rise", "a 49 percent jump in sales", "49% year-on-year growth".
    right = [t for t in doc[span.end : min(sent.end, span.end + 3)] if not t.is_space]
    for t in right:
        w = t.lower_
        if w in lx.CHANGE_NOUNS_UP and q.kind in {"percent", "points", "range"}:
            return "up"
        if w in lx.CHANGE_NOUNS_DOWN and q.kind in {"percent", "points", "range"} and w != "loss":
            return "down"
        if w in {
            "year-on-year",
            "year-over-year",
            "annual",
            "yearly",
            "quarterly",
            "-",
            "on",
            "year",
            "y/y",
            "yoy",
        }:
            continue
        break
    # "revenue, up 12% from ..." needs no verb; "grew 49 percent" is covered above.
    if has_dep and q.kind in {"percent", "points"}:
        head = span.root.head
        if head.lower_ in lx.UP_VERBS and span.root.dep_ in {
            "dobj",
            "npadvmod",
            "advmod",
            "attr",
            "pobj",
        }:
            return "up"
        if head.lower_ in lx.DOWN_VERBS and span.root.dep_ in {
            "dobj",
            "npadvmod",
            "advmod",
            "attr",
            "pobj",
        }:
            return "down"
    return None


_VERB_OPENERS = frozenset({"to", "will", "would", "could", "may", "might", "should", "can"})
_AMOUNT_NOT_CHANGE = frozenset({"cut", "cuts", "lost", "lose", "lower", "loss", "losses"})


def _target_and_base(
    doc: Doc, spans: list[Span], i: int, frames: list[Frame]
) -> tuple[int | None, int | None]:
    """The figures after 'to' and 'from' in the same clause, or before ', up X%'."""
    me = spans[i]
    q: Quantity = me._.quantity
    target = base = None
    sent_n = frames[i].sentence
    for j in range(i + 1, min(len(spans), i + 7)):
        other = spans[j]
        oq: Quantity = other._.quantity
        if frames[j].sentence != sent_n:
            break
        if oq.kind in TIME_KINDS or frames[j].role == "conversion":
            continue
        if not _comparable(q, oq) or _is_duration(other):
            continue
        before = _text(doc)[max(me.end_char, other.start_char - 25) : other.start_char].lower()
        if (
            re.search(
                r"\bto\s*(?:a\s+record\s+|an?\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|~)?\s*$",
                before,
            )
            and target is None
        ):
            target = j
        elif (
            re.search(
                r"\bfrom\s*(?:a\s+|an\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|~)?\s*$",
                before,
            )
            and base is None
        ):
            base = j
        else:
            break
    p = i - 1
    while p >= 0 and spans[p]._.quantity.kind in TIME_KINDS and frames[p].sentence == sent_n:
        p -= 1
    if target is None and p >= 0 and frames[p].sentence == sent_n:
        prev = spans[p]
        pq: Quantity = prev._.quantity
        if pq.kind not in TIME_KINDS and _comparable(q, pq):
            gap = _TIME_PHRASE_ANY.sub("", _text(doc)[prev.end_char : me.start_char].lower())
            if re.fullmatch(_AFTER_LEVEL, gap):
                target = p
                # "rose from A to B, an increase of X": B is the target, A the base.
                before_target = _text(doc)[max(0, prev.start_char - 12) : prev.start_char].lower()
                p2 = p - 1
                while p2 >= 0 and spans[p2]._.quantity.kind in TIME_KINDS:
                    p2 -= 1
                if (
                    p2 >= 0
                    and frames[p2].sentence == sent_n
                    and re.search(r"\bto\s*$", before_target)
                    and re.search(
                        r"\bfrom\s*$",
                        _text(doc)[max(0, spans[p2].start_char - 8) : spans[p2].start_char].lower(),
                    )
                    and _comparable(q, spans[p2]._.quantity)
                ):
                    base = p2
                # "A, up X% from B".
                for j in range(i + 1, min(len(spans), i + 3)):
                    if frames[j].sentence != sent_n:
                        break
                    before = _text(doc)[me.end_char : spans[j].start_char].lower()
                    if re.fullmatch(
                        r"\s*(?:year-on-year\s*)?from\s*(?:a\s+|about\s+)?", before
                    ) and _comparable(q, spans[j]._.quantity):
                        base = j
                        break
    if target is None:
        target = _anaphoric_target(doc, spans, i, frames)
    return target, base


_ANAPHORA = re.compile(
    r"^\W*(?:that|this|it|the (?:figure|total|amount|number))\s+(?:was|is|were|represents|"
    r"represented|marks|marked|came|comes)\b[^.;]{0,20}$",
    re.IGNORECASE,
)


def _anaphoric_target(doc: Doc, spans: list[Span], i: int, frames: list[Frame]) -> int | None:
    """'…reached €3.4bn last year. That was up 18% from €3.1bn': the level the pronoun refers to."""
    me = spans[i]
    sent = me.sent
    head = _text(doc)[sent.start_char : me.start_char]
    if not _ANAPHORA.match(head):
        return None
    q: Quantity = me._.quantity
    for j in range(i - 1, -1, -1):
        if frames[j].sentence == frames[i].sentence:
            continue
        if frames[j].sentence < frames[i].sentence - 1:
            return None
        oq: Quantity = spans[j]._.quantity
        if oq.kind not in TIME_KINDS and frames[j].role != "conversion" and _comparable(q, oq):
            return j
    return None


# Between a level and the change stated after it: "$580M, up 9%", "to 6.1%, an increase of 0.9%".
_AFTER_LEVEL = re.compile(
    r"\s*,?\s*(?:up|down|an? (?:increase|rise|decrease|drop|fall|decline|jump|gain|fall|cut|"
    r"reduction|improvement|climb) of)\s*(?:by\s*)?(?:about\s+|around\s+|some\s+|roughly\s+)?"
)


def _is_duration(span: Span) -> bool:
    """'six months', '12 weeks': a length of time, never the end or start of a change."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in TIME_NOUNS


def _comparable(change: Quantity, level: Quantity) -> bool:
    """Can `level` be the start or end of `change`? A 49% rise ends at money; a 2-point rise at a percent."""
    if level.kind in {"money", "number"}:
        return change.kind in {"percent", "money", "number", "multiplier", "range"} and (
            change.kind in {"percent", "multiplier", "range"} or change.unit == level.unit
        )
    if level.kind == "percent":
        return change.kind in {"percent", "points", "multiplier"}
    return False


def _unstated_change_base(doc: Doc, spans: list[Span], frames: list[Frame], i: int) -> bool:
    """'sales rose to $1.23B from $1.12B a year earlier': the 'from' level is the earlier one,
    even with no percentage stated."""
    me = spans[i]
    if not re.search(
        r"\bfrom\s*(?:a\s+|an\s+|about\s+|some\s+)?$",
        _text(doc)[max(0, me.start_char - 12) : me.start_char],
    ):
        return False
    for j in range(i - 1, -1, -1):
        if frames[j].sentence != frames[i].sentence:
            return False
        if spans[j]._.quantity.kind in TIME_KINDS:
            continue
        before = _text(doc)[max(0, spans[j].start_char - 40) : spans[j].start_char].lower()
        return bool(
            re.search(
                r"\b(?:" + "|".join(sorted(lx.UP_VERBS | lx.DOWN_VERBS)) + r")\s+(?:\w+\s+)?to\s*$",
                before,
            )
        )
    return False


def _is_share(span: Span, sent: Span) -> bool:
    doc = span.doc
    nxt = doc[span.end] if span.end < sent.end else None
    if nxt is not None and nxt.lower_ == "of":
        return True
    if nxt is not None and nxt.lower_ in lx.SHARE_NOUNS:
        return True
    left = [t.lower_ for t in doc[max(sent.start, span.start - 3) : span.start]]
    if any(w in lx.SHARE_VERBS for w in left) and (
        "for" in left
        or "up" in left
        or left[-1:] in (["represented"], ["represents"], ["comprised"])
    ):
        return True
    return _gapped_share(span, sent) is not None


_PARTITIVE_DETS = frozenset({"the", "its", "their", "these", "those", "this", "our"})
_COPULA = frozenset({"will", "would", "be", "is", "are", "was", "were", "go", "goes", "went"})
_PART_PREPS = frozenset({"for", "to", "in", "on", "from", "into"})


def _partitive_part(span: Span, sent: Span) -> tuple[str, str] | None:
    """(whole, part) of "Of the new homes, 60% will be for private sale, 30% for social rent".

    The fronted "Of the X," names the whole every percentage of the sentence
    divides. Only a part introduced by a preposition counts: "Of the victims,
    60% were men and 70% were under 30" describes two overlapping breakdowns.
    """
    doc = span.doc
    if doc[sent.start].lower_ != "of" or (span.end < sent.end and doc[span.end].lower_ == "of"):
        return None
    comma = next((t.i for t in doc[sent.start : span.start] if t.text == ","), None)
    if comma is None or comma - sent.start > 6:
        return None
    words = list(doc[sent.start + 1 : comma])
    if not words or words[0].lower_ not in _PARTITIVE_DETS:
        return None
    head = words[-1]
    if not head.is_alpha or head.lower_ in TIME_NOUNS or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    k = span.end
    while k < sent.end and doc[k].lower_ in _COPULA:
        k += 1
    if k >= sent.end or doc[k].lower_ not in _PART_PREPS:
        return None
    part: list[str] = []
    for t in doc[k + 1 : min(sent.end, k + 6)]:
        if t.is_punct or t.like_num or t.lower_ in {"and", "or", "while", "with", "under"}:
            break
        if t.is_alpha and t.pos_ not in {"DET", "ADP"} and t.dep_ != "poss":
            part.append(t.lower_)
    if not part:
        return None
    whole = lx.METRIC_SYNONYMS.get(head.lower_, head.lower_)
    return whole, " ".join(part)


def _gapped_share(span: Span, sent: Span) -> Span | None:
    """'X accounted for 70% of sales and the Classic range for 45%': the verb is left out.

    Returns the part's noun phrase ("the Classic range") when the figure follows
    "<noun> for" after a share verb earlier in the same sentence.
    """
    doc = span.doc
    if span.start - 2 < sent.start or doc[span.start - 1].lower_ != "for":
        return None
    noun = doc[span.start - 2]
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not any(t.lower_ in lx.SHARE_VERBS for t in doc[sent.start : noun.i]):
        return None
    start = noun.i
    while start - 1 > sent.start and doc[start - 1].pos_ in {"NOUN", "PROPN", "ADJ"}:
        start -= 1
    if start - 1 >= sent.start and doc[start - 1].lower_ not in {
        "and",
        "the",
        ",",
        "while",
        "with",
    }:
        return None
    return doc[start : noun.i + 1]


TIME_NOUNS = frozenset(
    [
        "quarter",
        "quarters",
        "year",
        "years",
        "period",
        "periods",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "time",
        "times",
        "decade",
        "decades",
        "half",
        "halves",
        "season",
        "seasons",
        "term",
        "hour",
        "hours",
        "minute",
        "minutes",
    ]
)


def _noun_phrase(tok: Token, sent: Span) -> tuple[list[Token], Token]:
    """Left modifiers of a noun (compounds, adjectives) inside its sentence, and the noun."""
    mods: list[Token] = []
    figure_tokens = tok.doc.user_data.get("newscheck_figure_tokens", frozenset())
    for child in tok.lefts:
        if child.dep_ in {"compound", "amod", "nmod", "npadvmod", "poss"} or (
            child.dep_ in {"cc", "conj"} and child.i < tok.i
        ):
            mods.extend(
                t
                for t in child.subtree
                if sent.start <= t.i < tok.i and not t.is_space and t.i not in figure_tokens
            )
    mods.sort(key=lambda t: t.i)
    return mods, tok


def _normalise_metric(
    mods: list[Token], head: Token, main: str | None
) -> tuple[str | None, str | None, Token]:
    """(metric, segment) from a noun phrase, synonyms folded ('AI & Cloud sales' -> revenue, 'ai and cloud')."""
    words = [t for t in mods if not t.is_punct or t.text == "&"]
    if head.lower_ in lx.SEGMENT_NOISE and words and words[-1].lower_ in {"market", "markets"}:
        # "its AI market segment": the market is what is measured, AI which part.
        head, words = words[-1], words[:-1]
    head_text = head.lower_
    if head_text in TIME_NOUNS or head_text in lx.SEGMENT_NOISE or head_text in lx.CHANGE_NOUNS:
        return None, None, head
    # Two-word metrics ("growth rate", "market share", "share price").
    if words and f"{words[-1].lower_} {head_text}" in lx.METRIC_SYNONYMS:
        metric = lx.METRIC_SYNONYMS[f"{words[-1].lower_} {head_text}"]
        words = words[:-1]
    elif head_text in lx.METRIC_SYNONYMS:
        metric = lx.METRIC_SYNONYMS[head_text]
    elif head.pos_ in {"NOUN", "PROPN"} or not head.doc.has_annotation("TAG"):
        if head.is_stop or head.like_num or len(head_text) < 3 or not head_text.isalpha():
            return None, None, head
        if head.ent_type_ in {"ORG", "GPE", "PERSON", "DATE", "MONEY", "PERCENT", "CARDINAL"}:
            return None, None, head
        metric = head_text
    else:
        return None, None, head
    metric_mods: list[str] = []
    segment: list[str] = []
    poss_ent = {t.i for t in words if t.dep_ == "poss"}
    for t in words:
        w = t.lower_
        # Who, not which part: a possessor ("Nokia's"), or the article's main entity.
        if t.i in poss_ent or (t.ent_type_ and t.head.i in poss_ent):
            continue
        if t.ent_type_ in {"ORG", "GPE", "NORP"} and main and _ent_text(t) == main:
            continue
        if w in lx.METRIC_MODIFIERS:
            metric_mods.append(w)
        elif (
            w in lx.WHOLE_MODIFIERS
            or t.is_stop
            or t.like_num
            or (not any(c.isalpha() for c in w) and w != "&")
            or w in {"'s", "’s"}
            or w in lx.SEGMENT_NOISE
            or t.ent_type_ in {"DATE", "MONEY", "PERCENT", "CARDINAL", "ORDINAL"}
        ):
            continue
        else:
            segment.append("and" if w == "&" else w)
    if metric == "revenue":
        # Net sales are the revenue; "net" qualifies profit, not the top line.
        metric_mods = [m for m in metric_mods if m not in {"net", "gross"}]
    if metric_mods:
        metric = " ".join([*metric_mods, metric])
    seg = " ".join(segment).strip() or None
    return metric, seg, head


_DOTTED = re.compile(r"^(?:[A-Z]\.)+[A-Z]\.?$")


def _name(e: Span) -> str:
    """The canonical name, an abbreviation with full stops spelt without them ("U.S." -> "US"),
    so that "US" and "U.S." in one article are one owner."""
    name = canonical(e)
    return owners.alias(name.replace(".", "") if _DOTTED.match(name) else name)


def _ent_text(t: Token) -> str | None:
    ent = _ent_at(t.doc).get(t.i)
    return _name(ent) if ent is not None else None


# Doc.text and Doc.ents are rebuilt from the tokens on every access: looked up
# per figure they made frames quadratic in the article's length. The component
# keeps one copy of each while it runs.
_CACHE = "newscheck_frames_cache"


@dataclass(frozen=True)
class _DocCache:
    text: str
    ents: tuple[Span, ...]
    ent_at: dict[int, Span]  # token index -> its entity
    names: tuple[Span, ...]  # possible owners: the entities and the names the model missed
    name_starts: list[int]


def _cached(doc: Doc) -> _DocCache:
    cache = doc.user_data.get(_CACHE)
    if cache is None:
        ents = tuple(doc.ents)
        found = [*ents, *_missed_names(doc, ents)]
        more = _untagged_mentions(doc, found)
        names = tuple(sorted([*found, *more], key=lambda e: e.start))
        cache = _DocCache(
            doc.text,
            ents,
            {i: e for e in ents for i in range(e.start, e.end)},
            names,
            [e.start for e in names],
        )
        doc.user_data[_CACHE] = cache
    return cache


#: A capitalised proper noun the story repeats this often, outside every entity, is a name.
_MISSED_NAME_MIN = 3


def _missed_names(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """Names the small model never tagged ("flats near a Brindle's"): a capitalised proper noun,
    not opening a sentence, repeated in the story and never part of a tagged entity."""
    if not doc.has_annotation("TAG"):
        return []
    known = {t.lower_ for e in ents for t in e}
    found: dict[str, list[int]] = {}
    for t in doc:
        if (
            t.pos_ == "PROPN"
            and not t.ent_type_
            and t.is_title
            and t.is_alpha
            and len(t) > 2
            and not t.is_sent_start
            and t.lower_ not in known
            and not (t.i > 0 and doc[t.i - 1].pos_ == "PROPN")
            and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")
        ):
            found.setdefault(t.lower_, []).append(t.i)
    out = [
        Span(doc, i, i + 1, label="ORG")
        for idx in found.values()
        if len(idx) >= _MISSED_NAME_MIN
        for i in idx
    ]
    tagged = {i for e in ents for i in range(e.start, e.end)}
    for t in doc:
        # "Plaid Cymru's spokesman": two proper nouns or more owning something are a name,
        # however rarely the story repeats them.
        if t.tag_ != "POS" or t.i < 2:
            continue
        start = t.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title:
            start -= 1
        if (
            t.i - start >= 2
            and not any(i in tagged for i in range(start, t.i))
            and doc[start].lower_.rstrip(".") not in _HONORIFICS
        ):
            out.append(Span(doc, start, t.i, label="ORG"))
    return out


#: Words before a person's name: "Mr Dale's" names a person, not an organisation.
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame"})


#: The longest name, in tokens, looked for again where the model did not tag it.
_MENTION_MAX = 5


def _untagged_mentions(doc: Doc, names: list[Span]) -> list[Span]:
    """A name tagged once is a name wherever the story spells it the same way: the small
    model tags "Brindle's" in one sentence and misses it in "Rents in streets with a Brindle's
    cost…". Each untagged run of the same capitalised words is one more mention, with the
    label its tagged mentions carry most often."""
    labels: dict[tuple[str, ...], Counter[str]] = {}
    canon: dict[tuple[str, ...], str] = {}  # "Council" of "Northshire County Council"
    for e in names:
        words = tuple(t.text for t in e)
        if (
            e.label_ in {"ORG", "GPE", "NORP", "PERSON"}
            and len(words) <= _MENTION_MAX
            and words[0][:1].isupper()
            and not all(t.is_stop for t in e)
        ):
            labels.setdefault(words, Counter())[e.label_] += 1
            canon.setdefault(words, canonical(e))
    if not labels:
        return []
    for words in canon:
        # "Council" after "Northshire County Council": the short form names the full one.
        longer = {canon[w] for w in canon if len(w) > len(words) and w[-len(words) :] == words}
        if len(longer) == 1:
            canon[words] = longer.pop()
    taken = {i for e in names for i in range(e.start, e.end)}
    table = doc._.canonical
    longest = max(len(w) for w in labels)
    out: list[Span] = []
    i = 0
    while i < len(doc):
        for n in range(min(longest, len(doc) - i), 0, -1):
            words = tuple(t.text for t in doc[i : i + n])
            if words in labels and not any(k in taken for k in range(i, i + n)):
                out.append(Span(doc, i, i + n, label=labels[words].most_common(1)[0][0]))
                if isinstance(table, dict):
                    table[(i, i + n)] = canon[words]  # one owner under one name
                i += n
                break
        else:
            i += 1
    return out


def _names_within(doc: Doc, span: Span) -> list[Span]:
    """The possible owners named inside `span`."""
    cache = _cached(doc)
    lo = bisect.bisect_left(cache.name_starts, span.start)
    hi = bisect.bisect_left(cache.name_starts, span.end)
    return [e for e in cache.names[lo:hi] if e.end <= span.end]


def _text(doc: Doc) -> str:
    return _cached(doc).text


def _ents(doc: Doc) -> tuple[Span, ...]:
    return _cached(doc).ents


def _ent_at(doc: Doc) -> dict[int, Span]:
    return _cached(doc).ent_at


def _metric(
    span: Span, sent: Span, role: str, has_dep: bool
) -> tuple[str | None, str | None, Token | None]:
    doc = span.doc
    noun = _metric_noun(span, sent, role, has_dep)
    if noun is None:
        return None, None, None
    if isinstance(noun, str):
        return noun, None, None
    main = doc.user_data.get("newscheck_main_entity")
    if has_dep:
        mods, head = _noun_phrase(noun, sent)
    else:
        mods = []
        k = noun.i - 1
        while (
            k >= sent.start
            and doc[k].is_alpha
            and (doc[k].is_title or doc[k].is_upper or doc[k].lower_ in lx.METRIC_MODIFIERS)
            and not doc[k].is_sent_start
        ):
            mods.insert(0, doc[k])
            k -= 1
        head = noun
    # "27% growth in its AI market", "AI market growth at 27%": growth of what is the metric.
    if head.lower_ in lx.CHANGE_NOUNS or head.lower_ in {"growth", "rate"}:
        inner = _pp_object(head, sent)
        if inner is not None:
            imods, ihead = _noun_phrase(inner, sent) if has_dep else ([], inner)
            metric, segment, h = _normalise_metric(imods, ihead, main)
            if metric is not None:
                return metric, segment, h
        nouns = [t for t in mods if t.pos_ in {"NOUN", "PROPN"} and t.lower_ not in lx.CHANGE_NOUNS]
        if has_dep and nouns and nouns[-1].i == head.i - 1:
            inner = nouns[-1]
            metric, segment, h = _normalise_metric([t for t in mods if t.i < inner.i], inner, main)
            if metric is not None:
                return metric, segment, h
    metric, segment, head = _normalise_metric(mods, head, main)
    if (
        has_dep
        and head == span.root.head
        and span.root.dep_ in {"nummod", "compound", "quantmod", "amod", "nmod"}
    ):
        # "an £84m capital programme": the figure sizes the whole thing it modifies;
        # its other modifiers name that whole, not a part of something larger.
        segment = None
    if metric is not None and segment is None and has_dep:
        segment = _segment_from_pp(head) or _segment_from_clause(head, sent, main)
    return metric, segment, head


def _segment_from_clause(head: Token, sent: Span, main: str | None) -> str | None:
    """'Its wholesale arm ... generated revenue of $612M' / 'its cloud unit, where sales rose'."""
    verb = _clause_verb(head)
    holders: list[Token] = [
        c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c != head
    ]
    if verb.dep_ == "relcl":
        holders.append(verb.head)
    for h in holders:
        if h.lower_ in lx.SEGMENT_NOISE and sent.start <= h.i < sent.end:
            mods, _ = _noun_phrase(h, sent)
            words = [
                "and" if t.text == "&" else t.lower_
                for t in mods
                if t.dep_ != "poss"
                and not t.is_stop
                and (t.is_alpha or t.text == "&")
                and t.lower_ not in lx.WHOLE_MODIFIERS
            ]
            if words:
                return " ".join(words)
    return None


def _share_frame(
    span: Span,
    sent: Span,
    metric: str | None,
    segment: str | None,
    spans: list[Span],
    frames: list[Frame],
    i: int,
) -> tuple[str | None, str | None]:
    """A share is of a whole (the metric) and for a part (the segment): who accounted for it.

    "Sales to China accounted for 58% of its revenue, while Europe made up 49%":
    both are shares of revenue; the parts are China and Europe.
    """
    verb = _clause_verb(span.root)
    part: str | None = None
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and sent.start <= child.i < sent.end:
            holder = child
            if holder.lower_ in lx.METRIC_SYNONYMS:
                inner = next(
                    (
                        p
                        for c in holder.rights
                        if c.dep_ == "prep" and c.lower_ in {"to", "in", "from", "of"}
                        for p in c.children
                        if p.dep_ == "pobj"
                    ),
                    None,
                )
                holder = inner if inner is not None else holder
            if holder.lower_ in lx.METRIC_SYNONYMS or holder.pos_ == "PRON":
                break
            words = [
                "and" if t.text == "&" else t.lower_
                for t in holder.subtree
                if sent.start <= t.i < sent.end
                and (t.is_alpha or t.text == "&")
                and not t.is_stop
                and t.dep_ not in {"relcl", "acl"}
                and t.i <= holder.i
            ]
            part = " ".join(words) or None
            break
    if (gap := _gapped_share(span, sent)) is not None:
        part = " ".join(t.lower_ for t in gap if not t.is_stop) or None
        metric, segment = None, None
    if metric is None or metric == part:
        # "…and Europe made up 49%": the whole of the share before it in the sentence.
        for j in range(i - 1, -1, -1):
            if frames[j].sentence != frames[i].sentence:
                break
            if frames[j].role == "share" and frames[j].metric:
                metric = frames[j].metric
                break
    of_whole = False
    if span.end < sent.end and span.doc[span.end].lower_ == "of":
        for t in span.doc[span.end + 1 : min(sent.end, span.end + 6)]:
            if t.pos_ == "PRON" and t.dep_ != "poss":
                break
            if t.pos_ in {"NOUN", "PROPN"}:
                of_whole = True
                break
    if not of_whole:
        return metric, part or segment
    if segment and metric:
        # "97.3% of the voting shares and 98.8% of the non-voting shares": the
        # modifiers of the whole name which whole it is; the part is who holds it.
        metric = f"{segment} {metric}"
    return metric, part


def _segment_after(span: Span, sent: Span) -> str | None:
    """'£52m for schools', '€3B from hardware': the part a listed amount is for."""
    doc = span.doc
    if span.end + 1 >= sent.end or doc[span.end].lower_ not in {"for", "from"}:
        return None
    words: list[str] = []
    for t in doc[span.end + 1 : min(sent.end, span.end + 6)]:
        if t.is_punct or t.like_num or t.lower_ in {"and", "or", "while", "with"}:
            break
        if t.lower_ in TIME_NOUNS or t.ent_type_ in {"DATE", "MONEY", "PERCENT"}:
            return None
        if not t.is_stop:
            words.append(t.lower_)
    return " ".join(words) or None


def _listed_metric(doc: Doc, spans: list[Span], frames: list[Frame], i: int) -> str | None:
    """'£52m for schools, £21m for roads': later items of a list measure what the first does."""
    q: Quantity = spans[i]._.quantity
    for j in range(i - 1, -1, -1):
        if frames[j].sentence != frames[i].sentence:
            return None
        oq: Quantity = spans[j]._.quantity
        if oq.kind in TIME_KINDS:
            continue
        gap = _text(doc)[spans[j].end_char : spans[i].start_char]
        if (
            oq.kind == q.kind
            and oq.unit == q.unit
            and len(gap) < 60
            and re.search(r",|\band\b", gap)
            and not _names_a_measure(gap)
        ):
            return frames[j].metric
        return None
    return None


def _names_a_measure(gap: str) -> bool:
    """'a profit of £2m, which included a loss of £5m for …': a metric or change noun
    between two amounts says what the second measures; it is not the first's list."""
    return any(
        w in lx.METRIC_SYNONYMS or w in lx.CHANGE_NOUNS for w in re.findall(r"[a-z]+", gap.lower())
    )


#: What may stand between two items of one list of figures, besides the periods that
#: tell them apart: commas, "and", a preposition, and an aside on a change
#: ("2.1% in 2026, up 0.2 points from June, and 1.8% in 2027").
_LIST_GAP = re.compile(
    r"^(?:[\s,;]|\b(?:and|or|then|in|for|by|during|over|at|while)\b"
    r"|,\s*(?:up|down|unchanged)\b[^,;.]{0,60}(?=,))*$",
    re.IGNORECASE,
)


def _list_item_of(doc: Doc, spans: list[Span], frames: list[Frame], i: int) -> Frame | None:
    """The frame of the list's previous item when figure i is a later item of a list of
    like figures told apart only by period ("A this year, B in 2027 and C in 2028")."""
    q: Quantity = spans[i]._.quantity
    times: list[Span] = []
    for j in range(i - 1, -1, -1):
        if frames[j].sentence != frames[i].sentence:
            return None
        oq: Quantity = spans[j]._.quantity
        if oq.kind in TIME_KINDS:
            times.append(spans[j])
            continue
        if frames[j].role == "change":
            continue  # an aside's figure ("up 0.2 points"): the gap pattern vets its words
        if oq.kind != q.kind or oq.unit != q.unit or frames[j].metric is None:
            return None
        if frames[j].role not in ("level", "forecast", "target"):
            return None
        text = _text(doc)
        gap = list(text[spans[j].end_char : spans[i].start_char])
        if len(gap) > 90 or not times:
            return None
        for t in times:
            for k in range(t.start_char, t.end_char):
                gap[k - spans[j].end_char] = " "
        # Blank the aside's figures too, so that only words remain to be vetted.
        for k in range(j + 1, i):
            s = spans[k]
            if s._.quantity.kind not in TIME_KINDS:
                for c in range(s.start_char, s.end_char):
                    gap[c - spans[j].end_char] = " "
        return frames[j] if _LIST_GAP.match("".join(gap)) else None
    return None


def _pp_object(head: Token, sent: Span) -> Token | None:
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"in", "of", "for"}:
            for pobj in child.children:
                if (
                    pobj.dep_ == "pobj"
                    and sent.start <= pobj.i < sent.end
                    and pobj.pos_ in {"NOUN", "PROPN"}
                ):
                    return pobj
    return None


def _segment_from_pp(head: Token) -> str | None:
    """'growth rate for its AI market segment' / 'sales in the cloud unit' -> the segment."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"for", "in", "at", "from"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lower_ in lx.SEGMENT_NOISE | {"market", "markets"}:
                    words = [
                        t.lower_
                        for t in pobj.subtree
                        if t.dep_ in {"compound", "amod", "nmod"} and not t.is_stop
                    ]
                    if pobj.lower_ in {"market", "markets"}:
                        words.append("market")
                    words = ["and" if w == "&" else w for w in words]
                    return " ".join(words) or None
    for child in head.rights:
        # "orders for defense capital goods rose": the orders of that part, not all orders.
        if child.dep_ == "prep" and child.lower_ == "for":
            for pobj in child.children:
                if (
                    pobj.dep_ == "pobj"
                    and pobj.pos_ == "NOUN"
                    and pobj.lower_ not in TIME_NOUNS
                    and pobj.lower_ not in lx.SEGMENT_NOISE
                    and not pobj.ent_type_
                    # A named part: "capital goods", "farm machinery", "cars", not a bare word.
                    and (
                        pobj.tag_ == "NNS"
                        or any(c.dep_ in {"compound", "amod"} for c in pobj.children)
                    )
                    # "sales for the first nine weeks": a period, however the parse reads it.
                    and not any(
                        t.lower_ in TIME_NOUNS or t.like_num or t.ent_type_ in {"DATE", "ORDINAL"}
                        for t in pobj.subtree
                    )
                ):
                    words = [
                        t.lower_
                        for t in pobj.subtree
                        if (t.dep_ in {"compound", "amod", "nmod"} or t == pobj)
                        and t.is_alpha
                        and not t.is_stop
                    ]
                    return " ".join(words) or None
    if head.lower_ in {"market", "markets"}:
        # "the market it addresses in AI", "the market it serves in Europe".
        for clause in head.rights:
            if clause.dep_ != "relcl":
                continue
            for prep in clause.children:
                if prep.dep_ == "prep" and prep.lower_ == "in":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and pobj.pos_ in {"NOUN", "PROPN"}:
                            words = [
                                t.lower_
                                for t in pobj.subtree
                                if t.dep_ in {"compound", "amod", "pobj"} and not t.is_stop
                            ]
                            return " ".join(words) or None
    return None


#: "growth at 3.5 pct": a rate given "at" a value.
_RATE_AT = re.compile(r"\bat\s+(?:about\s+|around\s+)?$", re.IGNORECASE)


# "made up about half", "set up", "broke down": phrasal verbs, not changes.
_PARTICLE_VERBS = frozenset(
    [
        "made",
        "make",
        "makes",
        "making",
        "set",
        "sets",
        "pick",
        "picks",
        "picked",
        "end",
        "ends",
        "ended",
        "take",
        "takes",
        "took",
        "taken",
        "break",
        "breaks",
        "broke",
        "broken",
        "shut",
        "shuts",
        "turn",
        "turns",
        "turned",
        "step",
        "steps",
        "stepped",
        "sum",
        "sums",
        "summed",
        "back",
        "backs",
        "backed",
        "sign",
        "signs",
        "signed",
    ]
)
_SKIP_AFTER = frozenset(
    {"year-on-year", "year-over-year", "annual", "yearly", "-", "y/y", "yoy", "annually"}
)


def _noun_after_prep(
    span: Span, sent: Span, nxt: list[Token], k: int, has_dep: bool
) -> Token | None:
    doc = span.doc
    for t in nxt[k + 1 :]:
        if t.pos_ in {"NOUN", "PROPN"} or (
            not doc.has_annotation("TAG") and t.is_alpha and not t.is_stop
        ):
            head = t
            if has_dep:
                while (
                    head.dep_ in {"compound", "amod", "nmod", "poss", "case"}
                    and span.end <= head.head.i < sent.end
                    and head.head.i > head.i
                ):
                    head = head.head
            return head
        if doc.has_annotation("TAG") and t.pos_ not in {
            "DET",
            "PRON",
            "ADJ",
            "CCONJ",
            "PUNCT",
            "SYM",
            "ADV",
        }:
            return None
    return None


def _metric_noun(span: Span, sent: Span, role: str, has_dep: bool) -> Token | str | None:
    doc = span.doc
    nxt = [t for t in doc[span.end : min(sent.end, span.end + 7)] if not t.is_space]
    prev = [t for t in doc[max(sent.start, span.start - 6) : span.start] if not t.is_space]
    # Skip a change or share noun after the figure: "a 49 percent jump in AI & Cloud sales".
    k = 0
    while k < len(nxt) and (
        nxt[k].lower_ in lx.CHANGE_NOUNS
        or nxt[k].lower_ in _SKIP_AFTER
        or nxt[k].lower_ in lx.SHARE_NOUNS
    ):
        k += 1
    # "60% of revenue", "a 49% jump in sales": the object names the metric.
    prep_here = k < len(nxt) and (
        (
            nxt[k].lower_ == "of"
            and (
                k > 0
                or role == "share"
                or any(t.lower_ in lx.METRIC_SYNONYMS for t in nxt[k + 1 : k + 4])
            )
        )
        or (k > 0 and nxt[k].lower_ in {"in", "for"})
    )
    t = _noun_after_prep(span, sent, nxt, k, has_dep) if prep_here else None
    if t is not None and t.lower_ not in TIME_NOUNS:
        return t
    # A key-value line: "Unemployment rate: 4.1% in September".
    if prev and prev[-1].text == ":" and len(prev) >= 2 and prev[-2].pos_ in {"NOUN", "PROPN"}:
        return prev[-2]
    # "revenue of €4.5B", "revenue was €4.5B", "sales reached €4.5B": a metric word just before.
    for t in reversed(prev):
        if t.lower_ in lx.METRIC_SYNONYMS and not t.like_num:
            return t
        if t.is_punct and t.text not in {"(", "~", "$", "€", "£"}:
            break
    # A figure modifying a noun: "a $1B investment", "9,000 jobs", "a 27 percent growth rate".
    if has_dep:
        root = span.root
        if (
            root.dep_ in {"nummod", "compound", "amod", "nmod", "quantmod"}
            and root.head.pos_ in {"NOUN", "PROPN"}
            and span.end <= root.head.i < sent.end
            and root.head.lower_ not in TIME_NOUNS
        ):
            return root.head
    if nxt and nxt[0].pos_ == "NOUN" and role != "change" and nxt[0].lower_ not in TIME_NOUNS:
        t = nxt[0]
        while t.i + 1 < sent.end and doc[t.i + 1].pos_ == "NOUN":
            t = doc[t.i + 1]
        return t
    # "€4.5B in revenue".
    if (
        k < len(nxt)
        and nxt[k].lower_ == "in"
        and k + 1 < len(nxt)
        and nxt[k + 1].lower_ in lx.METRIC_SYNONYMS
    ):
        return nxt[k + 1]
    if has_dep:
        # Climb to the verb and take its subject: "AI & Cloud revenue rose 49%".
        tok = span.root
        for _ in range(4):
            if tok.pos_ in {"VERB", "AUX"} or tok.dep_ == "ROOT":
                break
            tok = tok.head
        if tok.lower_ in lx.VERB_METRICS and role != "change":
            return lx.VERB_METRICS[tok.lower_]
        for child in tok.children:
            if child.dep_ in {"nsubj", "nsubjpass"} and sent.start <= child.i < sent.end:
                if child.ent_type_ in ENTITY_LABELS or child.pos_ == "PRON":
                    break
                return child
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if (
            infinitive
            and tok.dep_ in {"xcomp", "advcl"}
            and tok.head.dep_ == "relcl"
            and tok.head.head.pos_ == "NOUN"
            and sent.start <= tok.head.head.i < sent.end
        ):
            # "expects the market it addresses in AI to expand by 27%": parsed as if
            # the relative clause went on, the infinitive's subject is its antecedent.
            return tok.head.head
        if tok.dep_ in {"xcomp", "ccomp", "advcl"} and tok.head.pos_ in {"VERB", "AUX"}:
            for child in tok.head.children:
                if (
                    child.dep_ == "dobj"
                    and child.pos_ == "NOUN"
                    and sent.start <= child.i < sent.end
                ):
                    return child
    # Word window fallback: nearest metric word before the figure in the sentence.
    for t in reversed(list(doc[sent.start : span.start])):
        if t.lower_ in lx.METRIC_SYNONYMS:
            return t
    return None


_SELF_NOUNS = frozenset(["company", "group", "firm", "business", "concern", "corporation"])


def _descriptive_reference(
    doc: Doc, noun: Token, sents: list[Span], n: int, main: str | None
) -> str | None:
    """'the company’s' is the article's subject; 'the chipmaker’s' the organisation just named."""
    if noun.lower_ in _SELF_NOUNS:
        return main
    start = sents[max(n - 2, 0)].start_char
    recent = [
        e
        for e in _ents(doc)
        if e.label_ in {"ORG", "GPE"} and start <= e.start_char < noun.idx and _name(e) != main
    ]
    return _name(recent[-1]) if recent else main


_clause_verb = owners.clause_verb


def _entity(
    doc: Doc,
    span: Span,
    sent: Span,
    noun: Token | None,
    sents: list[Span],
    n: int,
    main: str | None,
    segment: str | None = None,
    before: list[Span] | None = None,
) -> tuple[str | None, bool]:
    """Whose figure: the best-scored owner candidate of the sentence (nlp/owners.py), else the
    article's; and whether a name of the sentence has a grammatical claim on it."""
    if noun is not None:
        for child in noun.lefts:
            if (
                child.dep_ == "poss"
                and child.pos_ == "NOUN"
                and any(d.lower_ == "the" for d in child.lefts)
            ):
                return _descriptive_reference(doc, child, sents, n, main), True
    names = _names_within(doc, sent)
    if (poss := _possessive_name(span, sent, names)) is not None:
        # It replaces a tagged tail of itself ("Federation" of "Brick Workers' Federation").
        names = [*(e for e in names if not (poss.start <= e.start and e.end <= poss.end)), poss]
    ents = [
        (e, _name(e))
        for e in names
        if e.label_ in owners.OWNER_LABELS
        and not _text(doc)[e.end_char : e.end_char + 7].lower().startswith(("-based", " based"))
    ]
    q: Quantity = span._.quantity
    item = owners.item_stretch(sent, before or [], span, [e for e, _ in ents])
    cands = owners.candidates(span, sent, noun, ents, main, q.kind, segment, item)
    return owners.best(cands, main), owners.has_claim(cands)


_NAME_JOINERS = frozenset({"and", "of", "&", "'", "for"})


def _possessive_name(span: Span, sent: Span, names: list[Span]) -> Span | None:
    """The capitalised name whose "'s" stands right before the figure, when the model tagged
    none there or only its tail: "the Dock and Harbour Staff Union's 12,500"."""
    doc = span.doc
    end = span.start - 1  # the "'s"
    if end - 1 < sent.start or doc[end].tag_ != "POS" or not doc[end - 1].is_title:
        return None
    start = end - 1
    while start - 1 >= sent.start and (
        doc[start - 1].is_title or doc[start - 1].lower_ in _NAME_JOINERS
    ):
        start -= 1
    while start < end and (not doc[start].is_title or doc[start].is_stop):
        start += 1  # a name opens with a capital, not "and" or a sentence's "The"
    if end - start < 2:
        return None  # one capitalised word is a name only when the model says so
    if any(e.end == end and e.start <= start for e in names):
        return None  # the model tagged it whole
    return Span(doc, start, end, label="ORG")


def _period(
    doc: Doc,
    me: Span,
    nearby: list[Span],
    story: StoryTime,
    *,
    is_base: bool,
    has_dep: bool = False,
    sent: Span | None = None,
) -> tuple[str | None, float]:
    """The period of figure `me`: the best-scored period candidate of its sentence.

    Each period of the sentence is a candidate scored by its distance (one before the
    figure costs more than one after it). Evidence rules a candidate out when it belongs
    to another figure: a comparison base ("to 80 pct from 78 pct in March": March is the
    78's) or a relative clause about someone else ("Kunis, 31, who moved in 1991"). A
    relative period ("last month") competes too: the nearest one wins even when the story
    cannot resolve it, so a farther year in the sentence does not stand in for it.
    Without a candidate, the story's default period, unless the sentence has a time of
    its own. Returns the period and its confidence (`Frame.period_confidence`).
    """
    default = story.default
    # A base stated as "a year earlier" is the prior period, whatever the sentence says.
    after = _text(doc)[me.end_char : me.end_char + 60]
    if is_base and _RELATIVE_PRIOR.match(after):
        return "prior-year", 1.0
    best: tuple[float, str | None, float] | None = None
    start_year: tuple[float, str, float] | None = None  # the nearest year before the figure
    own_time = False
    elsewhere: set[str] = set()
    # A sentence that names a fiscal year ("over fiscal 1987") counts in fiscal years.
    fiscal = any(str(x._.quantity.value).startswith("FY") for x in nearby)
    for s in nearby:
        q: Quantity = s._.quantity
        if q.kind == "date":
            own_time = True
        # A period, not a day: "budget for the fiscal year that begins July 1" is not about July 1.
        if q.kind != "period":
            continue
        if _belongs_elsewhere(doc, s, me, sent, has_dep):
            elsewhere.add(q.value if isinstance(q.value, str) else "")
            continue
        if is_base and s.end_char <= me.start_char:
            # "falling to 89 mln from 124.6 mln": a base's period follows it; one before
            # it is the later figure's.
            continue
        raw = q.value if isinstance(q.value, str) else None
        label = _candidate_label(doc, s, raw, story, fiscal=fiscal)
        confidence = 1.0
        if label is None and raw and story.year is not None:
            # "exports are up 30% this year" in an undated story: the year it speaks from,
            # as sure as the inference of that year.
            label = _relative_to_year(raw, story.year)
            confidence = story.confidence
        if label is None:
            # Relative labels naming the basis of a change ("year-earlier", "annual") are
            # no period of the figure; "last month", "Q3" unplaced are one we cannot name.
            if not (raw and _UNPLACED.match(raw)):
                continue
            own_time = True
        d = (
            (s.start_char - me.end_char)
            if s.start_char >= me.end_char
            else 1.5 * (me.start_char - s.end_char)
        )
        if s.start_char < me.start_char and "," in _text(doc)[s.end_char : me.start_char]:
            # "4.4% this year, 4.1% in 2027": a period before a comma is the last item's.
            d += 100
        if best is None or d < best[0]:
            best = (d, label, confidence)
        nearer = start_year is None or d < start_year[0]
        if s.end_char <= me.start_char and nearer and label and re.fullmatch(r"\d{4}", label):
            start_year = (d, label, confidence)
    if best is not None:
        if (years := _years_counted(me)) and start_year is not None:
            # "won the 1904 by-election and served for 47 years", "in 2009 he moved to Paris
            # and spent two seasons there before the 2011 World Cup": a length of time covers
            # the span it runs from the year its sentence starts it, whatever year is nearer.
            return f"{start_year[1]}..{int(start_year[1]) + years}", start_year[2]
        return best[1], best[2]
    if is_base or own_time:
        # "climbed 1.46% on Tuesday", "lost 50% since last year": the sentence places the
        # figure in a time of its own that no stated year fixes; the story's period is not it.
        return None, 1.0
    # A story period its sentence gives another figure or clause is not this figure's.
    return (None if default in elsewhere else default), 1.0


def _years_counted(me: Span) -> int | None:
    """The number of years a figure counts ("47 continuous years", "two seasons"), if it is one."""
    q: Quantity = me._.quantity
    if q.kind != "number" or not isinstance(q.value, (int, float)) or q.value != int(q.value):
        return None
    doc = me.doc
    words = [t.lower_ for t in me[1:]] + [t.lower_ for t in doc[me.end : min(len(doc), me.end + 2)]]
    noun = next(
        (w for w in words if w.isalpha() and w not in {"continuous", "straight", "more"}), ""
    )
    return int(q.value) if noun in {"years", "seasons"} and 1 < q.value <= 100 else None


def _candidate_label(
    doc: Doc, s: Span, raw: str | None, story: StoryTime, *, fiscal: bool = False
) -> str | None:
    """A period span's label as a figure's period, or None when it names none absolutely."""
    if not raw:
        return None
    default = story.default
    if fiscal and (label := _fiscal_label(raw)) is not None:
        # "sales for the year ending March 31, 2027, to grow 8 pct over fiscal 2026":
        # twelve months beside a named fiscal year are the fiscal year they end in.
        return label
    if default and (m := _YEARLESS.match(raw)):
        # "the third quarter" in a story whose lead fixed "the 1987 third quarter".
        return _place(m[1], default, story.fiscal_end)
    if default and (rel := _RELATIVE_TO_STORY.match(raw)) and _unit(default) == rel["unit"]:
        # Undated, "last month" in a story whose lead reports a month is that month:
        # monthly figures are published the month after.
        return default
    part = re.fullmatch(r"(?:FY)?\d{4}(-(?:Q[1-4]|H[12]|\d\d))", default or "")
    if part and re.fullmatch(r"\d{4}", raw) and _comparable_before(doc, s):
        # "up from 51 mln in the comparable 1986 period": the story's quarter, that year.
        return raw + part[1]
    if _SPAN_LABEL.match(raw):
        return raw
    if not _ABSOLUTE_PERIOD.match(raw):
        return None
    return f"through {raw[2:]}" if raw.startswith("..") else raw


def _unit(label: str) -> str:
    if re.fullmatch(r"(?:FY)?\d{4}-Q[1-4]", label):
        return "quarter"
    if re.fullmatch(r"\d{4}-\d\d", label):
        return "month"
    return "other"


def _comparable_before(doc: Doc, s: Span) -> bool:
    before = _text(doc)[max(0, s.start_char - 16) : s.start_char]
    return cues.ends_with("period_comparable", before) and bool(
        re.match(r"\s+(?:period|quarter|half|months)\b", _text(doc)[s.end_char : s.end_char + 12])
    )


def _belongs_elsewhere(doc: Doc, s: Span, me: Span, sent: Span | None, has_dep: bool) -> bool:
    """Evidence that period `s` is another figure's, not `me`'s."""
    if (extent := _base_extent(doc, s, sent)) is not None and not (
        extent[0] <= me.start_char < extent[1]
    ):
        return True
    if (aside := _aside_around(doc, s, sent)) is not None and not (
        aside[0] <= me.start_char < aside[1]
    ):
        # "Ms Okafor - who joined the board in 2011 - backed a cap of 40 hours a week": an
        # aside between dashes or brackets dates its own event, not the sentence's figures.
        return True
    if has_dep:
        # "Ms Kunis, 31, who moved to the U.S. in 1991": a relative clause dates its own
        # event; the figure outside it is not measured then.
        tok = s.root
        for _ in range(12):
            if (
                tok.dep_ == "relcl"
                and not (tok.left_edge.i <= me.root.i <= tok.right_edge.i)
                and any(c.tag_ in _RELATIVE_TAGS for c in tok.children)
            ):
                # Only a clause its relative pronoun opens: a zero relative ("the market
                # it addresses in AI to expand until 2028") is often a misparse.
                return True
            if tok.head == tok:
                break
            tok = tok.head
    return False


#: An aside: a stretch between spaced dashes (" - ", " – ", " — ") or in brackets.
_ASIDE = re.compile(r"\s[-–—]\s[^-–—()]{3,160}?\s[-–—]\s|\([^()]{3,160}\)")


def _aside_around(doc: Doc, s: Span, sent: Span | None) -> tuple[int, int] | None:
    """The aside of its sentence that period `s` sits in, if any."""
    if sent is None:
        return None
    text = _text(doc)
    for m in _ASIDE.finditer(text, sent.start_char, sent.end_char):
        if m.start() <= s.start_char and s.end_char <= m.end():
            return m.start(), m.end()
    return None


def _base_extent(doc: Doc, s: Span, sent: Span | None) -> tuple[int, int] | None:
    """Where the comparison that period `s` is the base of runs, when it is one.

    "raised manufacturing to 80.1 pct from 79.9 pct in January": from the cue to the
    end of the phrase (a comma, "to", the sentence's end); figures outside it are the
    other side of the comparison.
    """
    text = _text(doc)
    lo = max(sent.start_char if sent is not None else 0, s.start_char - 90)
    m = None
    # The cue nearest the period: a farther "from" earlier in the sentence is another comparison.
    while (found := _base_rx().search(text, lo, s.start_char)) is not None:
        m, lo = found, found.start() + 1
    if m is None:
        return None
    label = str(s._.quantity.value)
    if m.group().lower().startswith("over") and not re.fullmatch(r"(?:FY)?\d{4}", label):
        # "over fiscal 1987" is the base of a rise; "over the first quarter", "over
        # 2001-2003" are the time a figure runs over.
        return None
    stretch = m["stretch"] or ""
    if stretch and (not re.search(r"\d", stretch) or cues.has("prior_after", stretch)):
        # "higher than expected in 2004", "from a year earlier in the first quarter": the
        # period is the figure's own, not a base's.
        return None
    hi = sent.end_char if sent is not None else len(text)
    if stop := re.compile(r"[,;]|\bto\b").search(text, s.end_char, hi):
        hi = stop.start()
    return m.start(), hi


_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_SPAN_LABEL = re.compile(r"^\d{4}\.\.\d{4}$")
#: Twelve months not ending in December ("2026-04-01/2027-03-31"), as periods.py labels
#: "the year ending March 31, 2027" unless it is called a fiscal year.
_TWELVE_MONTHS = re.compile(r"(?P<y1>\d{4})-(?P<m1>\d\d)-01/(?P<y2>\d{4})-(?P<m2>\d\d)-\d\d")
_RELATIVE_TO_STORY = re.compile(r"^(?:(?:last|this)-)?(?P<unit>month|quarter)$")


@lru_cache(maxsize=1)
def _base_rx() -> re.Pattern[str]:
    cue = cues.pattern("period_base").pattern
    return re.compile(
        rf"(?:{cue})\s+(?:the\s+)?"
        # The base figure between the cue and its period, with its per-share twin ("vs a
        # loss of 12 mln dlrs, or 7 cts a share, in the June quarter").
        r"(?:(?P<stretch>(?:(?!\bto\b)[^,;.]|\.(?=\d)){1,30}?"
        r"(?:,\s+or\s+(?:(?!\bto\b)[^,;.]|\.(?=\d)){1,24}?,?)?)\s+)??"
        r"(?:(?:in|during|for|of)\s+)?(?:the\s+)?"
        r"(?:(?:same|comparable|corresponding|year-earlier|year-ago|prior|previous)\s+)?$",
        re.IGNORECASE,
    )


def _place(part: str, anchor: str, fiscal_end: int | None = None) -> str:
    """A year-less quarter, half or month ("Q3", "12") in the year of the story's period: the
    latest such one on or before it ("December" in a February 1987 story is 1986-12).

    In a story about a fiscal year whose last month the text states, a quarter or half
    is the fiscal one, named as the calendar quarter or half it is ("the first quarter"
    of the year ending March 31, 2027 is April-June 2026: "2026-Q2").
    """
    if fiscal_end and (fy := re.fullmatch(r"FY(\d{4})", anchor)):
        if part[0] in "QH" and fiscal_end % 3 == 0:
            size = 3 if part[0] == "Q" else 6
            # Months since January of the fiscal year's end year, 0-based, of the part's start.
            first = fiscal_end - 12 + size * (int(part[1]) - 1)
            year, m0 = divmod(int(fy[1]) * 12 + first, 12)
            if m0 % size == 0:
                return f"{year}-{part[0]}{m0 // size + 1}"
        elif part.isdigit():
            return f"{int(fy[1]) - (int(part) > fiscal_end)}-{part}"
    year = int(anchor.removeprefix("FY")[:4])
    m = re.fullmatch(r"(?:FY)?\d{4}-(\d\d|Q[1-4]|H[12])", anchor)
    same_unit = m is not None and (m[1].isdigit() if part.isdigit() else m[1][0] == part[0])
    if m is not None and same_unit and int(part.lstrip("QH")) > int(m[1].lstrip("QH")):
        year -= 1
    return f"{year}-{part}"


_YEARLESS = re.compile(r"^(?:--)?([QH][1-4]|\d\d)$")
_UNPLACED = re.compile(
    r"^(?:(?:last|this|next)-(?:year|month|quarter)(?:-.*)?|--\d\d|[QH][1-4]|past-\d+-\w+)$"
)


def _future_period(nearby: list[Span]) -> bool:
    """A "through 2028" period among the figures of the sentence."""
    return any(
        s._.quantity.kind == "period"
        and isinstance(s._.quantity.value, str)
        and s._.quantity.value.startswith("..")
        for s in nearby
    )


@Language.factory("newscheck_frames")
def make_frame_extractor(nlp: Language, name: str) -> FrameExtractor:
    return FrameExtractor(name)
