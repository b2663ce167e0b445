"""`analyze`: one article in, one `Report` out. The CLI and the Python API both call this.

This is the one place where analysis-text offsets (what spaCy sees) become
original-text offsets (what the report shows): every span goes through
`SourceText.position`.
"""

from __future__ import annotations

import bisect
import re
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from spacy.tokens import Doc

from newscheck.nlp.checks.rates import ReferenceRates, needs_rates
from newscheck.nlp.checks.registry import CheckContext, run_checks
from newscheck.nlp.claims import score_claims
from newscheck.nlp.entities import NAME_LABELS, canonical, group_entities
from newscheck.nlp.errors import Errors, InputError, SourceError
from newscheck.nlp.figures import MAX_PER_DOCUMENT, MAX_PER_PARSE, MAX_PER_SENTENCE, SPAN_KEY
from newscheck.nlp.frames import Frame, sentence_spans
from newscheck.nlp.periods import check_date_range
from newscheck.nlp.pipeline import load_pipeline
from newscheck.nlp.relations.base import RelationInput, propose, resolve, score_candidates
from newscheck.nlp.report import Report
from newscheck.nlp.source import SourceText, from_text
from newscheck.nlp.summary import summarize
from newscheck.nlp.types import Claim, Figure, Quantity, Sentence, SummarySentence

#: Blocks whose text is not the article: figures and entities there are ignored.
NOT_ARTICLE = frozenset({"boilerplate", "metadata"})


def analyze(
    text: str,
    *,
    source: str | None = None,
    markdown: bool | None = None,
    as_of: date | None = None,
    model: str | None = None,
    sentences: int = 3,
    rates: ReferenceRates | str | Path | None = None,
) -> Report:
    """Analyse one article's text. `source` is the file name shown in the report."""
    src = from_text(text, name=source, markdown=markdown)
    return analyze_source(src, as_of=as_of, model=model, sentences=sentences, rates=rates)


def analyze_source(
    src: SourceText,
    *,
    as_of: date | None = None,
    model: str | None = None,
    sentences: int = 3,
    rates: ReferenceRates | str | Path | None = None,
) -> Report:
    """Analyse a read article. Out-of-range values found on the way (a date, a
    numeral phrase) are `SourceError`s naming the file, like unreadable input."""
    try:
        return _analyze_source(src, as_of=as_of, model=model, sentences=sentences, rates=rates)
    except InputError as exc:
        raise SourceError.of(exc, src.path or "-") from None


def _analyze_source(
    src: SourceText,
    *,
    as_of: date | None,
    model: str | None,
    sentences: int,
    rates: ReferenceRates | str | Path | None,
) -> Report:
    timings: dict[str, float] = {}
    if as_of is not None:
        check_date_range(as_of)
    t0 = time.perf_counter()
    loaded = load_pipeline(model)
    nlp = loaded.nlp
    if len(src.text) > nlp.max_length:
        # The parser needs about 1 GB per 100,000 characters beyond spaCy's limit: no
        # article is that long, so it is refused rather than cut.
        raise SourceError(Errors.E008, src.path or "-", length=len(src.text), limit=nlp.max_length)
    reference = as_of or src.date
    doc: Doc = nlp.make_doc(src.text)
    doc._.reference_date = reference
    doc._.table_cells = tuple(src.cells)
    doc._.suspect_ranges = tuple(
        (b.start, b.end)
        for b in src.blocks
        if b.kind in {"headline", "heading", "boilerplate", "metadata"}
    )
    doc = nlp(doc)
    notes = list(src.notes)
    if doc._.figures_dropped:
        line, _col = src.line_col(src.to_original(doc._.figures_dropped_at))
        notes.append(
            f"{doc._.figures_dropped:,} figures beyond {MAX_PER_SENTENCE} in one sentence"
            f" ({MAX_PER_PARSE} in lines parsed as one) not analysed (the first on line {line})"
        )
    if doc._.figures_over:
        line, _col = src.line_col(src.to_original(doc._.figures_over_at))
        notes.append(
            f"{doc._.figures_over:,} figures beyond {MAX_PER_DOCUMENT:,} in one document"
            f" not analysed (the first on line {line})"
        )
    t1 = time.perf_counter()
    timings["pipeline"] = t1 - t0

    block_starts = [b.start for b in src.blocks]
    block_kinds = [b.kind for b in src.blocks] or ["paragraph"]

    def block_of(offset: int) -> int:
        return max(bisect.bisect_right(block_starts, offset) - 1, 0)

    def outside_article(offset: int) -> bool:
        return bool(src.blocks) and block_kinds[block_of(offset)] in NOT_ARTICLE

    sents = [
        Sentence(n, s.start_char, s.end_char, block_of(s.start_char), s.text)
        for n, s in enumerate(sentence_spans(doc))
    ]
    figures = _figures(doc, src, block_of, outside_article)
    entities = group_entities(doc, src.position, skip=outside_article)
    t2 = time.perf_counter()
    timings["frames"] = t2 - t1

    summary = [
        SummarySentence(*_orig(src, s.start, s.end), round(score, 4), _normalized(s.text))
        for score, s in summarize(sents, block_kinds, figures, src.title, sentences)
    ]
    ent_offsets = [
        (e.start_char, e.end_char, canonical(e)) for e in doc.ents if e.label_ in NAME_LABELS
    ]
    claims = [
        Claim(
            *_orig(src, c.sentence.start, c.sentence.end),
            c.figures,
            c.score,
            c.reasons,
            _normalized(c.sentence.text),
        )
        for c in score_claims(sents, block_kinds, figures, ent_offsets)
    ]
    t3 = time.perf_counter()
    timings["summary"] = t3 - t2

    candidates = score_candidates(
        propose(
            RelationInput(
                text=src.text,
                figures=figures,
                sentences=sents,
                block_kinds=list(block_kinds),
                doc=doc,
                doc_date=reference,
                entities=entities,
            )
        )
    )
    relations = resolve(candidates)
    t4 = time.perf_counter()
    timings["relations"] = t4 - t3
    ref_rates = _rates(rates) if needs_rates(figures) else None
    ctx = CheckContext(
        text=src.text,
        figures=figures,
        sentences=sents,
        entities=entities,
        doc_date=reference,
        rates=ref_rates,
        block_kinds=list(block_kinds),
        position=src.position,
        relations=relations,
    )
    checks = run_checks(ctx)
    timings["checks"] = time.perf_counter() - t4
    return Report(
        file=src.path,
        title=src.title,
        date=reference,
        encoding=src.encoding,
        model=loaded.model,
        summary=summary,
        entities=entities,
        figures=figures,
        claims=claims,
        checks=checks,
        relations=relations,
        candidates=candidates,
        timings=timings,
        notes=notes,
    )


def _orig(src: SourceText, start: int, end: int) -> tuple[str, int, int, int]:
    """(text, start, end, line) of an analysis span in the original: the JSON's contract
    is that a span's `text` is exactly the file's text at its offsets."""
    pos = src.position(start, end)
    return pos.text, pos.start, pos.end, pos.line


def _normalized(text: str) -> str:
    # One line for display: a sentence may span wrapped lines (or blanked words).
    return " ".join(text.split())


def _rates(rates: ReferenceRates | str | Path | None) -> ReferenceRates:
    if isinstance(rates, ReferenceRates):
        return rates
    return ReferenceRates.load(rates)


#: How loosely a fraction in words states a change: "a third" for 30-36.7%.
_WORD_SLACK = 0.10


#: "half a percentage point", "a third of a point": the fraction sizes a unit, it is no
#: relative change.
_OF_A_UNIT = re.compile(r"\s+(?:of\s+)?an?\s+\w", re.IGNORECASE)


def _fraction_word(q: Quantity) -> bool:
    """A fraction written in words ("a third", "a quarter", "half"), not "0.3"."""
    if q.kind != "number" or not isinstance(q.value, int | float):
        return False
    return 0 < q.value < 1 and not any(ch.isdigit() for ch in q.text)


def _figures(doc: Doc, src: SourceText, block_of, outside_article) -> list[Figure]:  # type: ignore[no-untyped-def]
    spans = list(doc.spans[SPAN_KEY]) if SPAN_KEY in doc.spans else []
    ids: dict[int, str] = {}
    kept: list[tuple[int, Quantity, Frame]] = []
    for i, span in enumerate(spans):
        q: Quantity = span._.quantity
        if outside_article(q.start):
            continue
        ids[i] = f"F{len(kept) + 1}"
        kept.append((i, q, span._.frame or Frame()))
    out: list[Figure] = []
    for _i, q, fr in kept:
        pos = src.position(q.start, q.end)
        timeless = q.kind in ("date", "period")
        if (
            fr.role == "change"
            and (q.direction or fr.direction)
            and _fraction_word(q)
            and not _OF_A_UNIT.match(doc.text, q.end)
        ):
            # "rose by a third", "fell by a quarter": a relative change, read as the
            # percent it rounds (a third: 30-36.7%), so the growth rules can weigh it.
            v = float(q.value) * 100  # type: ignore[arg-type]
            q = replace(
                q,
                kind="percent",
                unit="%",
                value=v,
                low=v * (1 - _WORD_SLACK),
                high=v * (1 + _WORD_SLACK),
            )
        out.append(
            Figure(
                id=ids[_i],
                text=pos.text,
                kind=q.kind,
                value=q.value,
                unit=q.unit,
                low=q.low,
                high=q.high,
                approx=q.approx,
                start=pos.start,
                end=pos.end,
                line=pos.line,
                column=pos.column,
                metric=fr.metric,
                entity=fr.entity,
                period=fr.period,
                period_confidence=fr.period_confidence,
                role=None if timeless else fr.role,  # type: ignore[arg-type]
                modality=None if timeless else fr.modality,
                standing=fr.standing,
                segment=fr.segment,
                converts=ids.get(fr.converts) if fr.converts is not None else None,
                target=ids.get(fr.target) if fr.target is not None else None,
                base=ids.get(fr.base) if fr.base is not None else None,
                direction=q.direction or fr.direction,  # type: ignore[arg-type]
                weekday=q.weekday,
                block=block_of(q.start),
                sentence=fr.sentence,
                a_start=q.start,
                a_end=q.end,
            )
        )
    return out
