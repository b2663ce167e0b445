"""The `newscheck_figures` component: every figure in the document.

The recognisers (`quantities`, `periods`) are plain functions over the text;
this component runs them once per Doc, aligns their spans to tokens and keeps
the results on `Doc._.quantities` and in `doc.spans["figures"]` (each span with
`Span._.quantity`). spaCy's NER is a hint only: it never adds a figure, but a
bare number that the model reads as part of a name ("Windows 11", "Section 230")
is dropped.

At most `MAX_PER_SENTENCE` figures of one sentence (`MAX_PER_PARSE` of one parsed
sentence, which may run over many lines) are kept: frames and checks
compare the figures of a sentence with each other, so a sentence of thousands
of figures (a data dump, a flattened table) would cost quadratic time. At most
`MAX_PER_DOCUMENT` are kept in all, because some checks still compare each change
with every figure of the article. What is left out is counted on
`Doc._.figures_dropped` / `Doc._.figures_over` (with the first one's offset) for
the report's notes, never dropped silently.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from newscheck.nlp.periods import find_periods
from newscheck.nlp.quantities import find_quantities, tally_count
from newscheck.nlp.types import Quantity

SPAN_KEY = "figures"
#: Figures kept per sentence; news sentences hold a handful, a table row a few dozen.
MAX_PER_SENTENCE = 64
#: Figures kept per sentence as the parser reads it. It does not break at line ends, so
#: a table or a list without full stops is one parse; frames walk its dependency tree
#: for each of its figures, so that walk is bounded by capping figures per parse too.
MAX_PER_PARSE = 256
#: Figures kept per document: a long article holds about 900 in 100 KB; a data dump more.
MAX_PER_DOCUMENT = 2_000

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)
if not Doc.has_extension("reference_date"):
    # The date the article speaks from; resolves "the first quarter", "last year".
    Doc.set_extension("reference_date", default=None)
if not Doc.has_extension("figures_dropped"):
    Doc.set_extension("figures_dropped", default=0)
if not Doc.has_extension("figures_dropped_at"):
    Doc.set_extension("figures_dropped_at", default=None)
if not Doc.has_extension("figures_over"):
    Doc.set_extension("figures_over", default=0)
if not Doc.has_extension("figures_over_at"):
    Doc.set_extension("figures_over_at", default=None)
if not Doc.has_extension("figures_found"):
    # What the recognisers found, when `newscheck_retokenize` ran them before the parser.
    Doc.set_extension("figures_found", default=None)
if not Span.has_extension("quantity"):
    Span.set_extension("quantity", default=None)


class FigureFinder:
    def __init__(self, name: str, ner_veto_labels: list[str]) -> None:
        self.name = name
        self.ner_veto_labels = frozenset(ner_veto_labels)

    def __call__(self, doc: Doc) -> Doc:
        found: list[Quantity] | None = doc._.figures_found
        if found is None:
            reference: date | None = doc._.reference_date
            found = self.match(doc.text, reference)
        self.set_annotations(doc, found)
        return doc

    @staticmethod
    def match(text: str, reference: date | None) -> list[Quantity]:
        quantities = find_quantities(text)
        periods = find_periods(text, reference)
        return merge(quantities, periods)

    def _vetoed(self, q: Quantity, span: Span, text: str) -> bool:
        if q.kind != "number" or not self.ner_veto_labels:
            return False
        if tally_count(text, q.start, q.end):
            # "Reform UK 11" in "Labour 24, the Greens 17 and Reform UK 11": the
            # model reads the count into the name; the list around it says otherwise.
            return False
        # Only when the number continues a name the model saw ("Windows 11"),
        # not when it opens one: the model's spans often start at a count.
        return all(tok.ent_type_ in self.ner_veto_labels for tok in span) and any(
            tok.ent_iob_ == "I" for tok in span
        )

    def set_annotations(self, doc: Doc, found: list[Quantity]) -> None:
        spans: list[Span] = []
        kept: list[Quantity] = []
        starts, parse_starts = _segment_starts(doc)
        seg = 0  # index into starts of the current figure's sentence
        in_sent = 0
        parse = 0  # index into parse_starts of the current figure's parsed sentence
        in_parse = 0
        dropped = 0
        dropped_at: int | None = None
        over = 0
        over_at: int | None = None
        text = doc.text  # built from the tokens on every access: read it once
        for q in found:
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if (
                span is None
                or (spans and span.start < spans[-1].end)
                or self._vetoed(q, span, text)
            ):
                continue
            moved = False
            while seg + 1 < len(starts) and span.start >= starts[seg + 1]:
                seg += 1
                moved = True
            if moved:
                in_sent = 0
            moved = False
            while parse + 1 < len(parse_starts) and span.start >= parse_starts[parse + 1]:
                parse += 1
                moved = True
            if moved:
                in_parse = 0
            in_sent += 1
            in_parse += 1
            if in_sent > MAX_PER_SENTENCE or in_parse > MAX_PER_PARSE:
                dropped += 1
                dropped_at = q.start if dropped_at is None else dropped_at
                continue
            if len(kept) >= MAX_PER_DOCUMENT:
                over += 1
                over_at = q.start if over_at is None else over_at
                continue
            span._.quantity = q
            spans.append(span)
            kept.append(q)
        doc._.quantities = kept
        doc.spans[SPAN_KEY] = spans
        doc._.figures_dropped = dropped
        doc._.figures_dropped_at = dropped_at
        doc._.figures_over = over
        doc._.figures_over_at = over_at


def _segment_starts(doc: Doc) -> tuple[list[int], list[int]]:
    """Token indices where a sentence starts, as `frames.sentence_spans` cuts them (at the
    pipeline's sentence starts and after every line break: blocks, table rows), and where
    the pipeline's own sentences start."""
    sents = doc.has_annotation("SENT_START")
    starts = [0]
    parse_starts = [0]
    for tok in doc:
        if not tok.i:
            continue
        if sents and tok.is_sent_start:
            starts.append(tok.i)
            parse_starts.append(tok.i)
        elif "\n" in doc[tok.i - 1].whitespace_ or (
            doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text
        ):
            starts.append(tok.i)
    return starts, parse_starts


def merge(quantities: list[Quantity], periods: list[Quantity]) -> list[Quantity]:
    """Both recognisers' results, sorted; where they overlap the longer span wins."""
    ordered = sorted(quantities + periods, key=lambda q: (q.start, -(q.end - q.start)))
    out: list[Quantity] = []
    for q in ordered:
        if out and q.start < out[-1].end:
            prev = out[-1]
            if (q.end - q.start) > (prev.end - prev.start):
                out[-1] = q
            continue
        out.append(q)
    return out


@Language.factory(
    "newscheck_figures",
    default_config={"ner_veto_labels": ["ORG", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "EVENT"]},
)
def make_figure_finder(nlp: Language, name: str, ner_veto_labels: list[str]) -> FigureFinder:
    return FigureFinder(name, ner_veto_labels)
