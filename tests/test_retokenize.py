"""`newscheck_retokenize`: each figure one token before the parser, at its own offsets."""

from __future__ import annotations

from dataclasses import astuple

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from newscheck.nlp import pipeline
from newscheck.nlp.figures import SPAN_KEY, FigureFinder
from newscheck.nlp.retokenize import VALUE_KINDS, FigureMerger
from newscheck.nlp.types import Quantity

# Our own sentences: amounts with a currency sign, a scale word, a unit word and a range.
TEXT = (
    "Brindle Foods said turnover rose 14 per cent to €3.2 billion in the second half, "
    "about $3.5bn, while its margin slipped 0.4 percentage points.\n\n"
    "The firm expects 2-3% growth and will hire 1.5 million seasonal workers."
)


@pytest.fixture(scope="module")
def merged() -> Language:
    return pipeline.load_pipeline(None, "before-parser").nlp


@pytest.fixture(scope="module")
def after() -> Language:
    return pipeline.load_pipeline(None, "after-parser").nlp


@pytest.fixture(scope="module")
def plain() -> Language:
    return pipeline.load_pipeline(None, "off").nlp


def test_the_merge_runs_after_the_tagger_and_before_the_parser(merged: Language) -> None:
    names = merged.pipe_names
    assert names.index("tagger") < names.index("newscheck_retokenize") < names.index("parser")
    assert names.index("newscheck_retokenize") < names.index("newscheck_figures")


def test_the_mode_comes_from_the_call_the_environment_or_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(pipeline.RETOKENIZE_ENV, raising=False)
    assert pipeline.retokenize_mode(None) == pipeline.RETOKENIZE
    assert pipeline.retokenize_mode(True) == "before-parser"
    assert pipeline.retokenize_mode(False) == "off"
    monkeypatch.setenv(pipeline.RETOKENIZE_ENV, "after-parser")
    assert pipeline.retokenize_mode(None) == "after-parser"
    assert pipeline.retokenize_mode("off") == "off"
    monkeypatch.setenv(pipeline.RETOKENIZE_ENV, "0")
    assert pipeline.retokenize_mode(None) == "off"
    monkeypatch.setenv(pipeline.RETOKENIZE_ENV, "sideways")
    with pytest.raises(ValueError, match="sideways"):
        pipeline.retokenize_mode(None)


def test_after_the_parser_the_merge_precedes_our_components(after: Language) -> None:
    names = after.pipe_names
    assert names.index("ner") < names.index("newscheck_retokenize")
    assert names.index("newscheck_retokenize") < names.index("newscheck_entity_cleanup")


@pytest.mark.parametrize("mode", ["before-parser", "after-parser"])
def test_each_value_figure_is_one_token_at_the_figures_offsets(mode: str) -> None:
    doc = pipeline.load_pipeline(None, mode).nlp(TEXT)
    assert doc.text == TEXT
    found = [q for q in FigureFinder.match(TEXT, None) if q.kind in VALUE_KINDS]
    assert [q.text for q in found] == [
        "14 per cent",
        "€3.2 billion",
        "$3.5bn",
        "0.4 percentage points",
        "2-3%",
        "1.5 million",
    ]
    for q in found:
        span = doc.char_span(q.start, q.end)
        assert span is not None and len(span) == 1, q.text
        tok = span[0]
        assert (tok.idx, tok.idx + len(tok.text)) == (q.start, q.end)
        assert tok.text == TEXT[q.start : q.end]
        assert tok.tag_ == "CD" and tok.pos_ == "NUM"
        assert tok.like_num
    spans = {s.text: s for s in doc.spans[SPAN_KEY]}
    for q in found:
        assert len(spans[q.text]) == 1
        assert (spans[q.text].start_char, spans[q.text].end_char) == (q.start, q.end)


def test_frames_read_the_merged_figure_like_the_split_one(
    merged: Language, plain: Language
) -> None:
    def frames(nlp: Language) -> dict[str, tuple[object, ...]]:
        doc = nlp(TEXT)
        spans = list(doc.spans[SPAN_KEY])
        out = {}
        for s in spans:
            f = s._.frame
            target = spans[f.target].text if f.target is not None else None
            out[s.text] = (f.role, f.metric, f.entity, target)
        return out

    got = frames(merged)
    assert got["14 per cent"][0] == "change"
    assert got["14 per cent"][3] == "€3.2 billion"
    assert got["€3.2 billion"][1] == "revenue"
    # Same roles, metrics, owners and links as the pipeline that keeps the pieces.
    assert got == frames(plain)


@pytest.mark.parametrize("mode", ["before-parser", "after-parser"])
def test_output_is_deterministic(mode: str) -> None:
    nlp = pipeline.load_pipeline(None, mode).nlp

    def reading(text: str) -> list[tuple[object, ...]]:
        doc = nlp(text)
        frames = [(s.text, *astuple(s._.frame)) for s in doc.spans[SPAN_KEY]]
        return [(t.text, t.tag_, t.dep_, t.head.i) for t in doc] + frames

    first = reading(TEXT)
    nlp("Another text of 12 per cent and £4m in between, to change the vocabulary.")
    assert reading(TEXT) == first
    assert [reading(TEXT) for _ in range(3)] == [first] * 3


def test_after_the_parser_the_parse_and_the_names_are_the_models(
    after: Language, plain: Language
) -> None:
    doc, ref = after(TEXT), plain(TEXT)

    def holder(idx: int) -> int:  # the merged doc's token over a character
        span = doc.char_span(idx, idx + 1, alignment_mode="expand")
        assert span is not None
        return span[0].i

    # Each merged token hangs where the figure's root hung; every other arc is kept.
    for tok in ref:
        mine = doc[holder(tok.idx)]
        if mine.text == tok.text:
            assert mine.head.i == holder(tok.head.idx), tok.text
            assert mine.dep_ == tok.dep_
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in {"ORG", "GPE", "PERSON"}] == [
        (e.text, e.label_) for e in ref.ents if e.label_ in {"ORG", "GPE", "PERSON"}
    ]


def test_a_unit_word_inside_a_figure_is_never_its_metric(after: Language) -> None:
    # Split, "dlrs" of "4.2 mln dlrs" is a noun of the sentence and was read as the metric.
    text = (
        "Last year Brindle reported a profit of 1.5 mln dlrs, which included a loss of "
        "4.2 mln dlrs for closed stores and 3.1 mln dlrs for legal costs."
    )
    frames = {s.text: s._.frame for s in after(text).spans[SPAN_KEY]}
    assert frames["1.5 mln dlrs"].metric == "profit"
    for figure in ("4.2 mln dlrs", "3.1 mln dlrs"):
        # Nor the profit's: the loss named between them says these are not its list.
        assert frames[figure].metric not in {"dlrs", "mln", "profit"}


def test_a_figure_inside_a_token_or_across_a_line_is_left_alone(merged: Language) -> None:
    text = "It paid US$5bn and 2.5\nmillion euros."
    doc = merged.make_doc(text)
    merger = FigureMerger("t", list(VALUE_KINDS), "CD", "NUM", "last")

    def q(figure: str) -> Quantity:
        start = text.index(figure)
        return Quantity(start, start + len(figure), figure, "money", 1.0)

    # "$5bn" starts inside the token "US$": widening it would give the merged token
    # characters that are not the figure's. A line break is a sentence cut downstream.
    kept = merger.mergeable(doc, text, [q("US$5bn"), q("$5bn"), q("2.5\nmillion")])
    assert [s.text for s in kept] == ["US$5bn"]


def test_dates_are_not_merged_by_default(merged: Language) -> None:
    doc = merged("Output fell 3 per cent in the first quarter of 2026.")
    assert "3 per cent" in [t.text for t in doc]
    assert "first" in [t.text for t in doc] and "quarter" in [t.text for t in doc]


@pytest.mark.parametrize("mode", ["before-parser", "after-parser"])
def test_a_blank_pipeline_merges_too(mode: str) -> None:
    nlp = pipeline.build(spacy.blank("en"), retokenize=mode)  # type: ignore[arg-type]
    assert "newscheck_retokenize" in nlp.pipe_names
    doc = nlp("Acme said sales rose 12% to $4.5 billion.\n\nIt employs 9,000 people.")
    assert [s.text for s in doc.spans[SPAN_KEY]] == ["12%", "$4.5 billion", "9,000"]
    assert all(len(s) == 1 for s in doc.spans[SPAN_KEY])
    assert doc.spans[SPAN_KEY][0]._.frame.role == "change"


def test_a_name_never_takes_in_a_figure(plain: Language) -> None:
    from newscheck.nlp.retokenize import _trim_names

    doc = plain.make_doc("The £14m City paid went to Lisbon.")
    # As the small model sometimes tags it: the figure's "m" opening a club's name.
    doc.ents = [Span(doc, 3, 5, label="ORG"), Span(doc, 8, 9, label="GPE")]
    figure = doc.char_span(4, 8)  # "£14m"
    assert figure is not None and figure.text == "£14m"
    _trim_names(doc, [figure])
    assert [(e.text, e.label_) for e in doc.ents] == [("City", "ORG"), ("Lisbon", "GPE")]


def test_after_the_parser_no_owner_is_a_figure(after: Language) -> None:
    text = (
        "Underlying profit rose 6% at constant rates to CHF 1.84 billion from CHF 1.71 "
        "billion, and other units made CHF 0.62 billion."
    )
    doc = after(text)
    figures = {s.text for s in doc.spans[SPAN_KEY]}
    for span in doc.spans[SPAN_KEY]:
        entity = span._.frame.entity
        assert entity is None or not any(f in entity for f in figures), entity


def test_merges_stop_at_the_figure_caps(plain: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy's merges cost the square of their number: past the caps of
    # `newscheck_figures` (whose figures beyond them are never read) nothing is merged.
    from newscheck.nlp import retokenize

    text = "Stock rose 4 per cent, 5 per cent, 6 per cent and 7 per cent on the day."
    doc = plain(text)
    merger = FigureMerger("m", list(VALUE_KINDS), "CD", "NUM", "last")
    found = FigureFinder.match(text, None)
    assert [s.text for s in merger.mergeable(doc, text, found)] == [
        "4 per cent",
        "5 per cent",
        "6 per cent",
        "7 per cent",
    ]
    monkeypatch.setattr(retokenize, "MAX_PER_PARSE", 2)
    assert [s.text for s in merger.mergeable(doc, text, found)] == ["4 per cent", "5 per cent"]
    monkeypatch.setattr(retokenize, "MAX_PER_PARSE", 256)
    monkeypatch.setattr(retokenize, "MAX_PER_DOCUMENT", 3)
    assert len(merger.mergeable(doc, text, found)) == 3
