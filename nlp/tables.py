"""Markdown tables as the frames see them: which cell a figure sits in, and its headers.

A table states its frames in its headers, not in sentences: the row's first
cell names what is measured ("Gross margin") and the header row names the
period ("2025") or, in a table turned the other way, the other way round. The
reader (`nlp/source.py`) records each cell's place; this module answers, for
a figure, the header cells of its row and column.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from newscheck.nlp.source import TableCell

if not Doc.has_extension("table_cells"):
    Doc.set_extension("table_cells", default=())


@dataclass(frozen=True, slots=True)
class CellHeaders:
    """The header cells that frame one body cell (None where the table has none)."""

    cell: TableCell
    row_header: Span | None  # the row's label: column 0 of the same row
    col_header: Span | None  # the column's label: row 0 of the same column


class Tables:
    """Lookup of the cells of a document's tables by analysis offset."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        cells: tuple[TableCell, ...] = tuple(doc._.table_cells or ())
        self._cells = sorted(cells, key=lambda c: c.start)
        self._starts = [c.start for c in self._cells]
        self._at = {(c.table, c.row, c.col): c for c in cells}

    def __bool__(self) -> bool:
        return bool(self._cells)

    def cell_of(self, span: Span) -> TableCell | None:
        """The cell that holds the whole span, if any."""
        i = bisect.bisect_right(self._starts, span.start_char) - 1
        if i < 0:
            return None
        c = self._cells[i]
        return c if c.start <= span.start_char and span.end_char <= c.end else None

    def _span(self, c: TableCell | None) -> Span | None:
        if c is None or c.end <= c.start:
            return None
        return self.doc.char_span(c.start, c.end, alignment_mode="expand")

    def headers(self, span: Span) -> CellHeaders | None:
        """The headers of a figure in a body cell that is not the row's label."""
        c = self.cell_of(span)
        if c is None or c.row == 0 or c.col == 0:
            return None
        return CellHeaders(
            c,
            self._span(self._at.get((c.table, c.row, 0))),
            self._span(self._at.get((c.table, 0, c.col))),
        )

    def row_before(self, h: CellHeaders) -> list[Span | None]:
        """The header cells of the columns before this cell's, left to right."""
        c = h.cell
        return [self._span(self._at.get((c.table, 0, k))) for k in range(1, c.col)]
