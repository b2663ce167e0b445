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
    row_cell: TableCell | None  # the row's label: column 0 of the same row
    col_cell: TableCell | None  # the column's label: row 0 of the same column
    row_header: Span | None  # their text
    col_header: Span | None


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

    def cell_at(self, start: int, end: int) -> TableCell | None:
        """The cell that holds the whole analysis-text span [start, end), if any."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i < 0:
            return None
        c = self._cells[i]
        return c if c.start <= start and end <= c.end else None

    def cell_of(self, span: Span) -> TableCell | None:
        return self.cell_at(span.start_char, span.end_char)

    def _span(self, c: TableCell | None) -> Span | None:
        if c is None or c.end <= c.start:
            return None
        return self.doc.char_span(c.start, c.end, alignment_mode="expand")

    def headers(self, span: Span) -> CellHeaders | None:
        """The headers of a figure in a body cell that is not the row's label."""
        c = self.cell_of(span)
        if c is None or c.row == 0 or c.col == 0:
            return None
        row_cell, col_cell = self._at.get((c.table, c.row, 0)), self._at.get((c.table, 0, c.col))
        return CellHeaders(c, row_cell, col_cell, self._span(row_cell), self._span(col_cell))

    def corner(self, h: CellHeaders) -> Span | None:
        """The text of the table's top-left cell: what its row labels are ("Segment")."""
        return self._span(self._at.get((h.cell.table, 0, 0)))

    def row_before(self, h: CellHeaders) -> list[TableCell | None]:
        """The header cells of the columns before this cell's, left to right."""
        c = h.cell
        return [self._at.get((c.table, 0, k)) for k in range(1, c.col)]
