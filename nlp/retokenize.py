"""The `newscheck_retokenize` component: each figure one token.

The tokenizer cuts "€4.5 billion" into "€", "4.5", "billion" and "£39m" into "£",
"39", "m". Frames walk the parse from a figure's root and read the words around it;
split, a figure's own unit word ("dlrs" of "30 mln dlrs", "pct") is a noun of the
sentence and is read as what the figure measures. Merged, a figure is one word.

The component recognises the figures on the text (the recognisers read only the
text, so nothing here needs sentences or a parse), merges each multi-token figure
of the configured kinds into one token with `Doc.retokenize`, and leaves the
recognised list on `Doc._.figures_found` for `newscheck_figures`, which then does
not recognise again. `pipeline.build` places it (`pipeline.RETOKENIZE`):

- "before-parser": after tok2vec and the tagger, before the parser, so that the
  parse reads each figure as one word. The parser of the small English models reads
  nothing but the shared tok2vec rows (`doc.tensor`), one per token, so which row
  stands for the merged token decides how it is parsed. spaCy keeps the last one,
  which is the figure's head in English ("49 *percent*", "€4.5 *billion*"); `row=
  "number"` keeps the numeral's row instead, `row="mean"` the mean of all.
- "after-parser": after the NER. The merged token takes the head and label of the
  figure's root; the model's parse is otherwise unchanged, and so are its names but
  for a figure's pieces at a name's edge ("CHF" of "CHF 3.12 billion" tagged ORG).

A merged token keeps the figure's exact character offsets: a figure whose ends
fall inside a token ("$5bn" of "US$5bn") or whose text crosses a line break (a
sentence cut for `frames.sentence_spans`) is left as it is.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date
from typing import Literal

import numpy as np
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc, Span

from newscheck.nlp.entities import NAME_LABELS
from newscheck.nlp.figures import MAX_PER_DOCUMENT, MAX_PER_PARSE, FigureFinder
from newscheck.nlp.types import Quantity

Row = Literal["last", "number", "mean"]
#: The kinds merged by default: amounts, not dates ("the first quarter of 2025"
#: parsed as one word loses the "of" its period is read from).
VALUE_KINDS = ("money", "percent", "points", "number", "multiplier", "range")


class FigureMerger:
    def __init__(
        self, name: str, kinds: list[str], tag: str, pos: str, row: Row, repair_tree: bool = False
    ) -> None:
        self.name = name
        self.repair_tree = repair_tree
        self.kinds = frozenset(kinds)
        self.tag = tag
        self.pos = pos
        self.row: Row = row

    def __call__(self, doc: Doc) -> Doc:
        reference: date | None = doc._.reference_date
        text = doc.text  # rebuilt from the tokens on every access: read it once
        found = FigureFinder.match(text, reference)
        doc._.figures_found = found
        spans = self.mergeable(doc, text, found)
        if not spans:
            return doc
        _trim_names(doc, spans)
        # Spans go stale with the merge: keep their bounds and texts.
        bounds = [(span.start, span.end, span.text) for span in spans]
        tensor = doc.tensor
        rows = None
        if self.row != "last" and tensor is not None and tensor.size:
            rows = [self._row(tensor, span) for span in spans]
        with doc.retokenize() as retokenizer:
            for span in spans:
                retokenizer.merge(span, attrs={"TAG": self.tag, "POS": self.pos})
        if self.repair_tree:
            # With no parser after it, a merge on an unparsed doc leaves stale tree edges
            # (spaCy walks off the doc from them): every token its own head again.
            # Edges are only rebuilt for labelled arcs: label them, then drop the labels.
            starts = [tok.is_sent_start for tok in doc]
            arcs = np.zeros((len(doc), 2), dtype="uint64")
            arcs[:, 1] = doc.vocab.strings.add("dep")
            doc.from_array([HEAD, DEP], arcs)
            for tok in doc:
                tok.dep = 0
            for tok, start in zip(doc, starts, strict=True):
                tok.is_sent_start = start
        shift = 0  # tokens the earlier merges removed
        for k, (start, end, figure) in enumerate(bounds):
            if rows is not None:
                doc.tensor[start - shift] = rows[k]
            shift += end - start - 1
            # Code that skips numerals by `like_num` ("3 of the 5 firms") must skip a
            # merged figure too; the flag lives on the figure text's lexeme.
            doc.vocab[figure].like_num = True
        return doc

    def mergeable(self, doc: Doc, text: str, found: list[Quantity]) -> list[Span]:
        # Bounded like `newscheck_figures`, which analyses at most MAX_PER_PARSE figures
        # of a parsed sentence and MAX_PER_DOCUMENT in all: spaCy's merges cost the
        # square of their number, and a figure past the caps is never read.
        starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        spans: list[Span] = []
        sent, in_sent = 0, 0
        for q in found:
            if len(spans) >= MAX_PER_DOCUMENT:
                break
            if q.kind not in self.kinds or "\n" in text[q.start : q.end]:
                continue
            span = doc.char_span(q.start, q.end)  # strict: the offsets stay the figure's
            if span is None or len(span) < 2 or (spans and span.start < spans[-1].end):
                continue
            at = bisect_right(starts, span.start) - 1
            if at != sent:
                sent, in_sent = at, 0
            in_sent += 1
            if in_sent > MAX_PER_PARSE:
                continue
            spans.append(span)
        return spans

    def _row(self, tensor: np.ndarray, span: Span) -> np.ndarray:
        block = tensor[span.start : span.end]
        if self.row == "mean":
            return block.mean(axis=0)
        digits = [k for k, tok in enumerate(span) if any(c.isdigit() for c in tok.text)]
        return block[digits[-1] if digits else -1].copy()


def _trim_names(doc: Doc, spans: list[Span]) -> None:
    """A figure is no part of a name. After the NER ("after-parser"), a name that takes
    in a figure's piece ("CHF" of "CHF 3.12 billion", "m" of "£14m City") would take in
    the whole figure once merged: such names lose the figure's tokens at their edges."""
    if not doc.has_annotation("ENT_IOB"):
        return
    covered = {i for span in spans for i in range(span.start, span.end)}
    kept: list[Span] = []
    changed = False
    for ent in doc.ents:
        start, end = ent.start, ent.end
        if ent.label_ in NAME_LABELS:
            while start < end and start in covered:
                start += 1
            while end > start and end - 1 in covered:
                end -= 1
        if (start, end) == (ent.start, ent.end):
            kept.append(ent)
            continue
        changed = True
        if start < end:
            kept.append(Span(doc, start, end, label=ent.label_))
    if changed:
        doc.ents = kept


@Language.factory(
    "newscheck_retokenize",
    default_config={
        "kinds": list(VALUE_KINDS),
        "tag": "CD",
        "pos": "NUM",
        "row": "last",
        "repair_tree": False,
    },
)
def make_figure_merger(
    nlp: Language, name: str, kinds: list[str], tag: str, pos: str, row: Row, repair_tree: bool
) -> FigureMerger:
    return FigureMerger(name, kinds, tag, pos, row, repair_tree)
