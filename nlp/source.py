"""Reading articles exactly: bytes -> original text -> analysis text with an offset map.

The *original* text is the decoded file, unchanged (CRLF kept): every offset a
report shows indexes it. The *analysis* text is what the NLP sees: typographic
variants folded 1:1 (NBSP -> space, U+2011 -> "-", curly -> straight quotes,
bullets -> space), zero-width characters and soft hyphens removed, Markdown
markup dropped, and one block (headline, heading, bullet, paragraph,
boilerplate, metadata) per "\n\n"-separated chunk so no sentence spans two.

Every analysis character records the original index it came from (`_map`, with
an end sentinel). Characters that exist only in the analysis text (the "\n\n"
between blocks, a character markdown-it decoded from an entity it could not
locate) are flagged in `_inserted` and map to the original offset where the
gap starts, i.e. just after the last original character used before them; so
`original_span` never stretches a span over a character it did not contain.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import stat
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from newscheck.nlp.decoding import decode
from newscheck.nlp.errors import Errors, InputError, SourceError
from newscheck.nlp.periods import DATE_RANGE, check_date_range, find_periods
from newscheck.nlp.types import Position, Quantity

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["Block", "BlockKind", "SourceText", "from_bytes", "from_text", "read_path"]

BlockKind = Literal["headline", "heading", "bullet", "paragraph", "boilerplate", "metadata"]
#: Blocks that are not the article's own prose; recognisers and checks skip them.
NON_CONTENT: frozenset[str] = frozenset({"boilerplate", "metadata"})

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_REMOVED = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_TRANSLATE: dict[int, str | None] = {ord(c): " " for c in _SPACES + "\t\r\n\v\f"}
_TRANSLATE.update({ord(c): "-" for c in "\u2010\u2011\u2212"})
_TRANSLATE.update({ord(c): "'" for c in "\u2018\u2019\u201a\u201b"})
_TRANSLATE.update({ord(c): '"' for c in "\u201c\u201d\u201e\u201f"})
_TRANSLATE.update({ord(c): " " for c in "•·▪◦‣"})
_TRANSLATE.update({ord(c): None for c in _REMOVED})
# What `str.strip` misses but a line's edges should lose.
_STRIP = " \t\r\n\v\f" + _SPACES + _REMOVED

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}

_BULLET_MARKER = re.compile(r"(?:(?:[-*+–—](?=\s)|[•▪◦‣·])[ \t\u00a0]*)+|\d{1,2}[.)][ \t]+")
_TAKEAWAYS = re.compile(
    r"(?i:key\s+(?:takeaways|points|facts|findings)|highlights|at\s+a\s+glance|in\s+brief"
    r"|summary|what\s+you\s+need\s+to\s+know|the\s+bottom\s+line|tl;?dr)\s*:?"
)
_BOILERPLATE = re.compile(
    r"""(?ix)
    (?:\d+\s+)?comments?(?:\s*\(\d+\))?|want\s+to\s+join\s+the\s+conversation\??
    |join\s+the\s+conversation|share\s+this(?:\s+(?:article|story|page|post))?
    |share\s+(?:on|via)\s+\w+.*|share|subscribe\b.*|sign\s+up\b.*|follow\s+us\b.*
    |advertisement|advert|sponsored(?:\s+content)?|read\s+more\b.*|related\s*:.*
    |related\s+(?:articles|stories|topics|content)|more\s+on\s+this\s+story
    |image\s+(?:caption|source|copyright)\b.*|.*\bgetty\s+images\b.*
    |.*\bcookies?\b.*\b(?:accept|consent|polic\w*|settings|preferences)\b.*|accept\s+(?:all\s+)?cookies
    |.*\ball\s+rights\s+reserved\b.*|(?:©|\(c\)\s+\d{4}|copyright\s+(?:©|\d{4})).*
    |skip\s+to\s+(?:main\s+)?content|click\s+here\b.*|listen\s+to\s+this\s+article.*
    |print(?:\s+this\s+(?:article|page))?|email(?:\s+this\s+(?:article|page))?
    |(?:get\s+(?:our|the)\s+)?newsletter\b.*|download\s+(?:our|the)\s+app\b.*"""
)
_COMMENTS = re.compile(r"(?i)(?:\d+\s+)?comments?(?:\s*\(\d+\))?")
_BYLINE = re.compile(
    r"(?i:by)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|la))*(?:\s*[,|–—-].*)?"
)
_DATELINE = re.compile(
    r"(?i:published|updated|posted|last\s+updated|first\s+published|last\s+modified|date)\b\s*:?\s*(?i:on\s+)?"
)
# A dateline opening the first paragraph(s): "LONDON, 5 March 2025 —",
# "SPRINGFIELD, Ill., June 17, 2025 —", "NEW YORK, March 5, 2026 (Reuters) -",
# "HOUSTON (Reuters) -", "Published 12 March 2026", "March 12, 2026 —",
# "12 March 2026 |". The date part is only located here; `_parse_date` reads it.
_DL_DATE = (
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]{2,8}\.?,?\s+(?:19|20)\d{2}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2})(?!\d)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5}\b)?)?"
)
_DL_WORD = r"[A-Z][\w.'’&-]*"
_DL_AGENCY = r"\((?:[A-Z][\w.&'’/-]*)(?:\s+[A-Z][\w.&'’/-]*){0,3}\)"
_DL_END = r"\s*(?:[-–—|:]+(?=\s|$)|$)"
_WIRE_DATELINE = re.compile(
    # Place (up to four capitalised words, an optional region), then a date and/or an agency.
    rf"(?P<place>{_DL_WORD}(?:\s+{_DL_WORD}){{0,3}})(?:,\s*{_DL_WORD}(?:\s+{_DL_WORD}){{0,2}})?"
    rf"(?:,\s*(?P<date>{_DL_DATE})(?:\s*{_DL_AGENCY})?|\s*{_DL_AGENCY}(?:,?\s*(?P<date2>{_DL_DATE}))?)"
    rf"{_DL_END}"
    # Or the date first, maybe after "Published"/"Updated": "12 March 2026 |".
    rf"|(?:(?i:published|updated|posted|first\s+published|last\s+updated)\b\s*:?\s*(?i:on\s+)?)?"
    rf"(?P<date3>{_DL_DATE})(?:\s*{_DL_AGENCY})?{_DL_END}"
)
# The fields of a bar-separated dateline ("Our Bureau | Bengaluru | April 17, 2025").
_FIELD = re.compile(r"[^|]+")
_FIELD_MAX = 40
#: How many blocks after the headline may open with a dateline.
_DATELINE_BLOCKS = 3
DATE_RANGE_YEARS = (DATE_RANGE[0].year, DATE_RANGE[1].year)


@dataclass
class Block:
    kind: BlockKind
    start: int  # analysis-text offsets
    end: int


@dataclass(frozen=True, slots=True)
class TableCell:
    """One cell of a Markdown table, by its place: row 0 is the header row, column 0
    holds the row's label. `start`/`end` are analysis-text offsets of its content."""

    table: int
    row: int
    col: int
    start: int
    end: int


@dataclass
class SourceText:
    """An article as read: the original text, the analysis text, its blocks and the offset map."""

    path: str | None  # display name ("-" for stdin)
    original: str  # decoded original text (what offsets in output index)
    text: str  # analysis text
    blocks: list[Block]
    encoding: str  # "utf-8", "utf-8-sig", or what charset-normalizer detected
    markdown: bool
    title: str | None
    date: dt.date | None
    #: One-line notes for stderr: how the bytes were decoded, what was not analysed.
    notes: list[str] = field(default_factory=list, compare=False)
    #: Markdown table cells in text order (none for plain text).
    cells: list[TableCell] = field(default_factory=list, compare=False)
    _map: list[int] = field(default_factory=list, repr=False, compare=False)
    _inserted: bytearray = field(default_factory=bytearray, repr=False, compare=False)
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self._map:
            # An identity map: text == original (used when built by hand).
            self._map = [*range(len(self.text)), len(self.text)]
            self._inserted = bytearray(len(self.text))
        self._line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(self.original)]

    def to_original(self, a: int) -> int:
        """Analysis offset -> original offset (`len(text)` maps past the last character used)."""
        return self._map[min(max(a, 0), len(self.text))]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Analysis span [start, end) -> the original span that holds the same characters."""
        n = len(self.text)
        start, end = min(max(start, 0), n), min(max(end, 0), n)
        first = self._map[start]
        if end <= start:
            return first, first
        last = end - 1
        stop = self._map[last] + (0 if self._inserted[last] else 1)
        return first, max(first, stop)

    def line_col(self, orig_offset: int) -> tuple[int, int]:
        """1-based line and column of an original offset; columns count characters."""
        line = bisect_right(self._line_starts, orig_offset)
        return line, orig_offset - self._line_starts[line - 1] + 1

    def position(self, start: int, end: int) -> Position:
        """Analysis span -> `Position` in original coordinates."""
        s, e = self.original_span(start, end)
        line, column = self.line_col(s)
        return Position(start=s, end=e, line=line, column=column, text=self.original[s:e])

    def block_at(self, a: int) -> int | None:
        """Index of the block containing analysis offset `a`, or None (between blocks)."""
        i = bisect_right([b.start for b in self.blocks], a) - 1
        return i if i >= 0 and a < self.blocks[i].end else None

    @property
    def content_blocks(self) -> list[Block]:
        """The article's own prose: every block but boilerplate and metadata."""
        return [b for b in self.blocks if b.kind not in NON_CONTENT]


# -- reading -------------------------------------------------------------------


#: The longest text analysed, in characters: spaCy's default `max_length`. Checked
#: on the decoded text before any reading work, which is linear but not free.
MAX_CHARS = 1_000_000


def read_path(path: str | Path, *, max_bytes: int = 5_000_000) -> SourceText:
    """Read an article from a file, or from stdin for "-". Raises `SourceError`.

    Only regular files are opened: a FIFO with no writer, a terminal or a device
    would block or never end, so they are refused from `stat` before `open`.
    """
    if str(path) == "":
        raise SourceError(Errors.E015, "''")
    if str(path) == "-":
        try:
            data = sys.stdin.buffer.read(max_bytes + 1)
        except OSError as exc:
            raise SourceError(Errors.E007, "-", reason=exc.strerror or exc) from None
        if len(data) > max_bytes:
            raise SourceError(Errors.E004, "-", size=len(data), limit=max_bytes)
        return from_bytes(data, name="-")
    p = Path(path)
    name = str(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise SourceError(Errors.E002, name)
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(Errors.E010, name, kind=_file_kind(st.st_mode))
        size = st.st_size
        if size > max_bytes:
            raise SourceError(Errors.E004, name, size=size, limit=max_bytes)
        # Read-only, and non-blocking in case the path was swapped for a FIFO after stat.
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise SourceError(Errors.E010, name, kind=_file_kind(os.fstat(fh.fileno()).st_mode))
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise SourceError(Errors.E001, name) from None
    except IsADirectoryError:
        raise SourceError(Errors.E002, name) from None
    except PermissionError:
        raise SourceError(Errors.E003, name) from None
    except OSError as exc:
        raise SourceError(Errors.E007, name, reason=exc.strerror or exc) from None
    if len(data) > max_bytes:  # the file grew while we read it
        raise SourceError(Errors.E004, name, size=len(data), limit=max_bytes)
    return from_bytes(data, name=name, markdown=p.suffix.lower() in _MARKDOWN_SUFFIXES)


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def from_bytes(data: bytes, *, name: str | None, markdown: bool | None = None) -> SourceText:
    """Decode (see `decoding.decode`) and analyse raw bytes."""
    display = name or "<bytes>"
    decoded = decode(data, display)
    source = from_text(decoded.text, name=name, markdown=markdown)
    source.encoding = decoded.encoding
    if decoded.note:
        source.notes.insert(0, decoded.note)
    return source


def from_text(
    text: str, *, name: str | None = None, markdown: bool | None = None, max_chars: int = MAX_CHARS
) -> SourceText:
    """Analyse already-decoded text. `markdown=None` decides by the name's suffix, else by sniffing.

    Raises `SourceError`: NC-E008 for text over `max_chars` (before any other work),
    NC-E009 for a numeral beyond Python's int-string limit, NC-E012/NC-E014 for
    out-of-range or malformed front matter.
    """
    display = name or "<text>"
    if len(text) > max_chars:
        raise SourceError(Errors.E008, display, length=len(text), limit=max_chars)
    if markdown is None:
        suffix = Path(name).suffix.lower() if name and name != "-" else ""
        markdown = suffix in _MARKDOWN_SUFFIXES if suffix else _looks_markdown(text)
    builder = _Builder(text)
    meta: dict[str, str] = {}
    notes: list[str] = []
    cells: list[TableCell] = []
    try:
        if markdown:
            reader = _MarkdownReader(text, builder, meta, notes)
            reader.read()
            cells = reader.cells
        else:
            _PlainReader(text, builder).read()
    except InputError as exc:
        raise SourceError.of(exc, display) from None
    _classify_blocks(builder)
    analysis, mapping, inserted = builder.finish()
    analysis = _bound(analysis, mapping, text, display, notes)
    title = meta.get("title") or next(
        (analysis[b.start : b.end] for b in builder.blocks if b.kind == "headline"), None
    )
    source = SourceText(
        path=name,
        original=text,
        text=analysis,
        blocks=builder.blocks,
        encoding="utf-8",
        markdown=markdown,
        title=title.strip() if title else None,
        date=None,
        notes=notes,
        cells=cells,
        _map=mapping,
        _inserted=inserted,
    )
    try:
        source.date = _front_matter_date(meta["date"], notes) if meta.get("date") else None
    except InputError as exc:
        raise SourceError.of(exc, display) from None
    if source.date is None:
        source.date = _metadata_date(source)
    if source.date is None:
        source.date = _inline_dateline_date(source)
    return source


#: Longest word analysed. No word or numeral of prose comes near it; past it (hex
#: dumps, base64, digit runs, "[[[[…") spaCy's tokenizer and the recognisers' scans
#: cost time quadratic in the word's length, so such words are blanked (1:1, offsets
#: kept) and reported in a note.
MAX_WORD = 200
#: Python's int-string limit: a longer numeral cannot be a number in this process.
MAX_NUMERAL_DIGITS = 4300
# Look-behinds anchor each scan at a word's first character: a pattern such as
# `\S{201,}` would otherwise re-scan a long word from each of its positions.
_LONG_WORD = re.compile(rf"(?<!\S)\S{{{MAX_WORD + 1},}}")
_DIGIT_RUN = re.compile(rf"(?<![\d.,])\d[\d.,]{{{MAX_NUMERAL_DIGITS},}}")


def _bound(analysis: str, mapping: list[int], original: str, display: str, notes: list[str]) -> str:
    """The analysis text with over-long words blanked; NC-E009 for an out-of-range numeral."""
    for m in _DIGIT_RUN.finditer(analysis):
        digits = sum(c.isdigit() for c in m.group())
        if digits > MAX_NUMERAL_DIGITS:
            raise SourceError(Errors.E009, display, digits=digits, limit=MAX_NUMERAL_DIGITS)
    long_words = list(_LONG_WORD.finditer(analysis))
    if not long_words:
        return analysis
    pieces: list[str] = []
    last = 0
    for m in long_words:
        pieces += [analysis[last : m.start()], " " * (m.end() - m.start())]
        last = m.end()
    pieces.append(analysis[last:])
    first = mapping[long_words[0].start()]
    line = original.count("\n", 0, first) + 1
    n = len(long_words)
    notes.append(
        f"{n:,} word{'s' if n != 1 else ''} longer than {MAX_WORD} characters not analysed"
        f" (the first on line {line})"
    )
    return "".join(pieces)


def _front_matter_date(value: str, notes: list[str]) -> dt.date | None:
    """The front matter's `date:`; NC-E012 when out of range, a note when unreadable."""
    m = re.match(r"\s*[\"']?(\d{4,})-(\d{1,2})-(\d{1,2})", value)
    if m and int(m[1]) > DATE_RANGE_YEARS[1]:
        # datetime stops at 9999; "10000-01-01" must still be NC-E012, not unreadable.
        raise InputError(
            Errors.E012,
            value=m.group().strip(" \"'"),
            low=DATE_RANGE_YEARS[0],
            high=DATE_RANGE_YEARS[1],
        )
    day = _parse_date(value, strict=False)
    if day is None:
        notes.append(f"front matter date {value[:40]!r} is not a date; ignored")
        return None
    return check_date_range(day)


def _looks_markdown(text: str) -> bool:
    head = text.lstrip("\ufeff")[:4000]
    return (
        head.startswith("---\n")
        or head.startswith("---\r\n")
        or re.search(r"(?m)^#{1,6} \S", head) is not None
        or re.search(r"\[[^\]\n]+\]\([^)\s]+\)", head) is not None
    )


# -- the analysis text ----------------------------------------------------------


class _Builder:
    """Analysis text built from (original index, char) pieces, with the blocks it holds."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.chars: list[str] = []
        self.map: list[int] = []
        self.inserted = bytearray()
        self.blocks: list[Block] = []
        self._block_start: int | None = None
        self._kind: BlockKind = "paragraph"
        self._gap = 0  # original offset just after the last character used
        self._open_at = 0  # length of the text before the open block's separator

    def add(self, start: int, end: int) -> None:
        """Append original[start:end], normalised 1:1 and with zero-width characters dropped."""
        if end <= start:
            return
        piece = self.original[start:end]
        folded = piece.translate(_TRANSLATE)
        if len(folded) == len(piece):
            self.chars.extend(folded)
            self.map.extend(range(start, end))
        else:
            for i, ch in enumerate(piece):
                out = _TRANSLATE.get(ord(ch), ch)
                if out is not None:
                    self.chars.append(out)
                    self.map.append(start + i)
        self.inserted.extend(bytes(len(self.map) - len(self.inserted)))
        self._gap = end

    def insert(self, text: str) -> None:
        """Append characters the original does not have; they map to the current gap."""
        for ch in text:
            self.chars.append(ch)
            self.map.append(self._gap)
            self.inserted.append(1)

    def open(self, kind: BlockKind) -> None:
        if self._block_start is not None:
            self.close()
        self._open_at = len(self.chars)
        if self.chars:
            self.insert("\n\n")
        self._block_start = len(self.chars)
        self._kind = kind

    def close(self) -> None:
        if self._block_start is None:
            return
        start = self._block_start
        self._block_start = None
        # Trim whitespace the pieces brought in at either edge of the block.
        end = len(self.chars)
        while end > start and self.chars[end - 1].isspace():
            end -= 1
        del self.chars[end:], self.map[end:], self.inserted[end:]
        lead = start
        while lead < end and self.chars[lead].isspace():
            lead += 1
        if lead > start:
            del self.chars[start:lead], self.map[start:lead], self.inserted[start:lead]
            end -= lead - start
        if end == start:
            # Nothing to show: drop the block and the separator that preceded it.
            cut = self._open_at
            del self.chars[cut:], self.map[cut:], self.inserted[cut:]
            return
        self.blocks.append(Block(self._kind, start, end))

    def finish(self) -> tuple[str, list[int], bytearray]:
        self.close()
        sentinel = self.map[-1] + (0 if self.inserted[-1] else 1) if self.map else 0
        return "".join(self.chars), [*self.map, sentinel], self.inserted


# -- plain text -------------------------------------------------------------------


@dataclass
class _Line:
    start: int  # original offsets of the stripped content
    end: int
    text: str  # normalised content, for classification
    kind: BlockKind | None = None
    content_start: int = 0  # after a bullet marker


def _norm(s: str) -> str:
    return " ".join(s.translate(_TRANSLATE).split())


def _is_headingish(text: str) -> bool:
    """A short line with no final sentence punctuation: "Key Takeaways", "Pulse Analysis"."""
    words = text.split()
    return (
        0 < len(words) <= 10
        and len(text) <= 80
        and text[-1] not in ".!?,;"
        and text[0].isupper()
        and any(c.isalpha() for c in text)
    )


class _PlainReader:
    def __init__(self, original: str, builder: _Builder) -> None:
        self.original = original
        self.builder = builder

    def lines(self) -> list[_Line | None]:
        out: list[_Line | None] = []
        for m in _LINE.finditer(self.original):
            if m.start() == m.end():
                break
            raw = m.group().rstrip("\r\n")
            lead = len(raw) - len(raw.lstrip(_STRIP))
            body = raw.strip(_STRIP)
            normal = _norm(body)
            if not normal:
                # Blank, or only characters `str.split` takes for spaces (U+0085, U+001C…).
                out.append(None)
                continue
            start = m.start() + lead
            out.append(_Line(start, start + len(body), normal, content_start=start))
        return out

    def read(self) -> None:
        lines = self.lines()
        present = [ln for ln in lines if ln is not None]
        if not present:
            return
        # Hard-wrapped copy (no line over 100 chars, and long lines that stop
        # mid-sentence and go on in lower case on the next line) joins consecutive
        # lines into paragraphs; otherwise, as in scraped or pasted copy, each
        # line is a paragraph of its own.
        runs_on = sum(
            1
            for ln, nxt in pairwise(lines)
            if ln is not None
            and nxt is not None
            and len(ln.text) >= 50
            and ln.text[-1] not in ".!?:\"')]"
            and (nxt.text[0].islower() or nxt.text[0].isdigit())
        )
        wrapped = max(len(ln.text) for ln in present) <= 100 and runs_on >= 2
        first = present[0]
        if (
            len(first.text) <= 200
            and not first.text.endswith(".")
            and not _BULLET_MARKER.match(first.text)
            and not _BOILERPLATE.fullmatch(first.text)
            and not _is_metadata(first.text)
        ):
            first.kind = "headline"
        section: str | None = None  # inside a "Key takeaways" list: "marker" or "plain"
        # The next non-blank line after each line, found once from the end: looking it
        # up per line by slicing the list was quadratic in the number of lines.
        following: list[_Line | None] = [None] * len(lines)
        upcoming: _Line | None = None
        for k in range(len(lines) - 1, -1, -1):
            following[k] = upcoming
            if lines[k] is not None:
                upcoming = lines[k]
        for i, ln in enumerate(lines):
            if ln is None:
                if section == "plain":
                    section = None
                continue
            if ln.kind == "headline":
                continue
            marker = _BULLET_MARKER.match(self.original, ln.start)
            nxt = following[i]
            if marker and marker.end() < ln.end:
                ln.kind, ln.content_start = "bullet", marker.end()
                if section is None:
                    section = "marker"
            elif section == "plain" or (section is None and _follows_takeaways(lines, i)):
                ln.kind, section = "bullet", "plain"
            elif (
                _is_headingish(ln.text) and nxt is not None and not _BOILERPLATE.fullmatch(ln.text)
            ):
                ln.kind = "heading"
                section = None
            else:
                ln.kind = "paragraph"
                section = None
        # Emit blocks, joining wrapped paragraph lines.
        builder = self.builder
        prev: _Line | None = None
        for ln in lines:
            if ln is None:
                prev = None
                continue
            assert ln.kind is not None
            joinable = (
                prev is not None
                and prev.kind == ln.kind == "paragraph"
                and (wrapped or (prev.text[-1] not in ".!?:\"'" and ln.text[0].islower()))
            )
            if joinable:
                builder.add(builder._gap, ln.end)
            else:
                builder.open(ln.kind)
                builder.add(ln.content_start, ln.end)
            prev = ln
        builder.close()


def _follows_takeaways(lines: list[_Line | None], i: int) -> bool:
    """Line i is the first line after a "Key takeaways"-style heading."""
    j = i - 1
    while j >= 0 and lines[j] is None:
        j -= 1
    prev = lines[j] if j >= 0 else None
    return (
        prev is not None and prev.kind == "heading" and _TAKEAWAYS.fullmatch(prev.text) is not None
    )


# -- Markdown ----------------------------------------------------------------------


@functools.cache
def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.options["maxNesting"] = MAX_NESTING
    return md


#: Cells analysed per table row; a wider row is data, not prose (the rest is noted).
MAX_TABLE_CELLS = 64
#: markdown-it's nesting limit (its "commonmark" preset): deeper content yields no
#: tokens, so `_MarkdownReader` finds the lines it skipped and reads them flat.
MAX_NESTING = 20
_FM_OPEN = re.compile(r"(---|\+\+\+)[ \t]*(?:\r\n|\n|\r)")
_FM_CLOSE = {
    "---": re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M),
    "+++": re.compile(r"^\+\+\+[ \t]*\r?$", re.M),
}
_FM_KEY = {
    "---": re.compile(r"[A-Za-z_][\w.-]*[ \t]*:(?:[ \t]|$)"),
    "+++": re.compile(r"(?:[A-Za-z_][\w.-]*|\"[^\"]*\")[ \t]*="),
}
# Container markers before a line's content: quotes, bullets, ordered-list numbers.
_CONTAINER_PREFIX = re.compile(r"[ \t]*(?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*)*")
_LINK_DEFINITION = re.compile(r"[ \t]{0,3}\[[^\]]+\]:")
#: Tokens whose map covers lines the reader has dealt with.
_LEAF_TOKENS = frozenset({"inline", "fence", "code_block", "html_block", "hr", "table_open"})


class _MarkdownReader:
    """Walks markdown-it tokens and finds each text piece's exact place in the original."""

    def __init__(
        self, original: str, builder: _Builder, meta: dict[str, str], notes: list[str]
    ) -> None:
        self.original = original
        self.builder = builder
        self.meta = meta
        self.notes = notes
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(original)]
        self.cursor = 0
        self.covered = 0  # lines before this one are read (or are front matter)
        self.flat: list[int] = []  # lines read flat (nested beyond MAX_NESTING)
        self.wide_cells = 0
        self.wide_line = 0
        self.cells: list[TableCell] = []

    def line_end(self, line: int) -> int:
        """Offset just after line `line`'s text (before its line break)."""
        start = self.line_starts[line]
        nl = _LINE_BREAK.search(self.original, start)
        return nl.start() if nl else len(self.original)

    def front_matter(self) -> int:
        """Read YAML (---) or TOML (+++) front matter's title/date; return where the body starts.

        An unclosed block is NC-E014 (its fields must not become prose); a line in it
        that is not `key: value` (`key = value`) is noted and ignored.
        """
        text = self.original
        lead = len(text) - len(text.lstrip("\ufeff"))
        opened = _FM_OPEN.match(text, lead)
        if opened is None:
            return 0
        fence = opened.group(1)
        key_re = _FM_KEY[fence]
        end = _FM_CLOSE[fence].search(text, opened.end())
        if end is None:
            # A leading "---" is a thematic break unless a "key:" line follows it.
            if fence == "---" and not key_re.match(text, opened.end()):
                return 0
            raise InputError(Errors.E014, reason=f"the {fence!r} on line 1 is never closed")
        sep = ":" if fence == "---" else "="
        bad: list[int] = []
        first_line = text.count("\n", 0, opened.end()) + 1
        for n, line in enumerate(text[opened.end() : end.start()].splitlines(), start=first_line):
            stripped = line.strip()
            if not stripped or stripped.startswith("#") or line[:1] in (" ", "\t", "-", "["):
                continue  # blank, a comment, nested YAML, a list item or a TOML table
            if not key_re.match(line):
                bad.append(n)
                continue
            key, _, value = line.partition(sep)
            key = key.strip().strip('"').lower()
            if key in ("title", "date"):
                self.meta[key] = value.strip().strip("'\"").strip()
        if bad:
            lines = ", ".join(str(n) for n in bad[:3]) + (", …" if len(bad) > 3 else "")
            self.notes.append(
                f"front matter line{'s' if len(bad) > 1 else ''} {lines}: not 'key{sep} value'; ignored"
            )
        body = end.end()
        if text.startswith("\r\n", body):
            body += 2
        elif text.startswith(("\n", "\r"), body):
            body += 1
        self.covered = bisect_right(self.line_starts, body) - 1  # the body's first line
        # An empty block with the front matter's place: nothing of it enters the text.
        self.builder.blocks.append(Block("metadata", 0, 0))
        return body

    def read(self) -> None:
        body = self.front_matter()
        # Blank out the front matter but keep its line breaks, so token line numbers still match.
        src = re.sub(r"[^\r\n]", " ", self.original[:body]) + self.original[body:]
        tokens = _markdown_parser().parse(src)
        stack: list[str] = []
        pending: str | None = None  # kind of the block the next inline token opens
        h1_seen = False
        in_row = False
        cells = 0
        table, row = -1, -1
        for tok in tokens:
            t = tok.type
            if tok.map is not None and t in _LEAF_TOKENS:
                self.read_skipped(tok.map[0])
                self.covered = max(self.covered, tok.map[1])
            if t.endswith("_open"):
                stack.append(t[:-5])
                if t == "heading_open":
                    pending = "headline" if tok.tag == "h1" and not h1_seen else "heading"
                    h1_seen = h1_seen or tok.tag == "h1"
                elif t == "table_open":
                    table, row = table + 1, -1
                elif t == "tr_open":
                    self.builder.open("paragraph")
                    in_row = True
                    cells = 0
                    row += 1
                elif t in ("td_open", "th_open"):
                    cells += 1
            elif t.endswith("_close"):
                if stack:
                    stack.pop()
                if t == "tr_close":
                    self.builder.close()
                    in_row = False
            elif t == "inline":
                assert tok.map is not None
                if in_row and cells > MAX_TABLE_CELLS:
                    self.wide_cells += 1
                    self.wide_line = self.wide_line or tok.map[0] + 1
                    continue
                self.cursor = max(self.cursor, self.line_starts[tok.map[0]])
                limit = (
                    self.line_starts[tok.map[1]]
                    if tok.map[1] < len(self.line_starts)
                    else len(self.original)
                )
                if in_row:
                    if self.builder.chars and self.builder._block_start != len(self.builder.chars):
                        self.cell_gap(limit)
                else:
                    kind = pending or ("bullet" if "list_item" in stack else "paragraph")
                    self.builder.open(kind)  # type: ignore[arg-type]
                pending = None
                start = len(self.builder.chars)
                self.inline(tok.children or [], limit)
                if in_row:
                    end = len(self.builder.chars)
                    while end > start and self.builder.chars[end - 1].isspace():
                        end -= 1
                    self.cells.append(TableCell(table, row, cells - 1, start, end))
                else:
                    self.builder.close()
            elif tok.map is not None:
                # Code, HTML blocks and rules carry no prose; step over them.
                self.cursor = max(
                    self.cursor,
                    self.line_starts[tok.map[1]]
                    if tok.map[1] < len(self.line_starts)
                    else len(self.original),
                )
        self.read_skipped(len(self.line_starts))
        if self.flat:
            n = len(self.flat)
            self.notes.append(
                f"{n:,} line{'s' if n != 1 else ''} nested deeper than {MAX_NESTING} Markdown"
                f" levels read as plain paragraphs (the first on line {self.flat[0] + 1})"
            )
        if self.wide_cells:
            self.notes.append(
                f"{self.wide_cells:,} table cell{'s' if self.wide_cells != 1 else ''} beyond"
                f" {MAX_TABLE_CELLS} per row not analysed (the first on line {self.wide_line})"
            )

    def read_skipped(self, upto: int) -> None:
        """Lines before `upto` that no token covered: markdown-it dropped them (too deep).

        Each is read flat, without its container markers, as a paragraph; blank lines,
        bare markers and link reference definitions are what such gaps normally hold.
        """
        for line in range(self.covered, min(upto, len(self.line_starts))):
            start, end = self.line_starts[line], self.line_end(line)
            content = _CONTAINER_PREFIX.match(self.original, start, end)
            first = content.end() if content else start
            if first >= end or not self.original[first:end].strip(_STRIP):
                continue
            if _LINK_DEFINITION.match(self.original, start, end):
                continue
            self.flat.append(line)
            self.builder.open("paragraph")
            self.builder.add(first, end)
            self.builder.close()
            self.cursor = max(self.cursor, end)
        self.covered = max(self.covered, upto)

    def cell_gap(self, limit: int) -> None:
        # The bar stays in the analysis text with a space either side, so the
        # cells' figures stay apart ("| 1 | 234 |" is not "1 234").
        bar = self.original.find("|", self.cursor, limit)
        self.builder.insert(" ")
        if bar >= 0:
            self.builder.add(bar, bar + 1)
            self.cursor = bar + 1
            self.builder.insert(" ")

    def inline(self, children: list[Token], limit: int) -> None:
        for child in children:
            t = child.type
            if t == "text":
                self.locate(child.content, limit)
            elif t == "code_inline":
                self.skip_code(child.markup, limit)
            elif t in ("softbreak", "hardbreak"):
                nl = _LINE_BREAK.search(self.original, self.cursor, limit)
                if nl:
                    self.builder.add(nl.start(), nl.start() + 1)  # "\n"/"\r" folds to " "
                    self.cursor = nl.end()
                else:
                    self.builder.insert(" ")
            elif t == "link_close":
                self.skip_link_target(limit)
            elif t == "image":
                bang = self.original.find("![", self.cursor, limit)
                if bang >= 0:
                    self.cursor = self.skip_brackets(bang + 1, limit)
                    self.skip_link_target(limit, after_label=True)
            elif t == "html_inline":
                at = self.original.find(child.content, self.cursor, limit)
                if at >= 0:
                    self.cursor = at + len(child.content)

    def skip_code(self, fence: str, limit: int) -> None:
        """Step over an inline code span: code is not prose, and its content may differ
        from the source (a line break inside it becomes a space), so it is not located."""
        opened = self.original.find(fence, self.cursor, limit)
        if opened < 0:
            return
        at = opened + len(fence)
        while True:
            closed = self.original.find(fence, at, limit)
            if closed < 0:
                return
            after = closed + len(fence)
            # The closer is a backtick run of exactly the opener's length.
            if (after >= len(self.original) or self.original[after] != "`") and (
                self.original[closed - 1] != "`"
            ):
                break
            at = after
            while at < limit and self.original[at] == "`":
                at += 1
        self.cursor = after
        self.builder.insert(" ")  # keeps the words either side apart

    def locate(self, content: str, limit: int) -> None:
        if not content:
            return
        at = self.original.find(content, self.cursor, limit)
        if at >= 0:
            self.builder.add(at, at + len(content))
            self.cursor = at + len(content)
            return
        # Escapes and entities ("\*", "&amp;") make the text differ from the source:
        # align character by character, looking only a few characters ahead.
        for ch in content:
            j = self.original.find(ch, self.cursor, min(limit, self.cursor + 10))
            if j >= 0:
                self.builder.add(j, j + 1)
                self.cursor = j + 1
            elif ch != "\ufffd":  # markdown-it's stand-in for a NUL: no character of prose
                self.builder.insert(ch.translate(_TRANSLATE) or "")

    def skip_brackets(self, pos: int, limit: int) -> int:
        """From an opening "[" or "(" at pos, return the offset after its balanced closer."""
        opener = self.original[pos] if pos < len(self.original) else ""
        closer = {"[": "]", "(": ")"}.get(opener)
        if closer is None:
            return pos
        depth = 0
        i = pos
        while i < limit:
            c = self.original[i]
            if c == "\\":
                i += 2
                continue
            if c == opener:
                depth += 1
            elif c == closer:
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return pos

    def skip_link_target(self, limit: int, *, after_label: bool = False) -> None:
        """Step over "](url)" or "][ref]" after a link's text (emphasis closers may come first)."""
        pos = self.cursor
        if not after_label:
            close = self.original.find("]", pos, min(limit, pos + 4))
            if close < 0:
                return  # an autolink "<...>": nothing to skip
            pos = close + 1
        if pos < limit and self.original[pos] in "([":
            pos = self.skip_brackets(pos, limit)
        self.cursor = pos


# -- block kinds that depend on the text ---------------------------------------------


def _classify_blocks(builder: _Builder) -> None:
    """Boilerplate and metadata, for both plain and Markdown blocks."""
    text = "".join(builder.chars)
    blocks = builder.blocks
    headline = next(
        (_norm(text[b.start : b.end]).casefold() for b in blocks if b.kind == "headline"), None
    )
    n = len(blocks)
    comments_at: int | None = None
    for i, b in enumerate(blocks):
        if b.kind in ("headline", "metadata") and b.end > b.start:
            continue
        if b.end == b.start:
            continue
        body = _norm(text[b.start : b.end])
        if headline and i > 0 and body.casefold() == headline:
            b.kind = "boilerplate"
        elif len(body) <= 400 and _BOILERPLATE.fullmatch(body):
            b.kind = "boilerplate"
            # "Comments" near the end starts the comment thread: all of it is boilerplate.
            if comments_at is None and _COMMENTS.fullmatch(body) and i >= n * 0.6:
                comments_at = i
        elif i <= 6 and b.kind in ("paragraph", "heading") and _is_metadata(body):
            b.kind = "metadata"
    if comments_at is not None:
        for b in blocks[comments_at:]:
            b.kind = "boilerplate"


def _dateline(text: str) -> re.Match[str] | None:
    """A dateline with a date at the start of `text` (the date is in group "date"/"date2"/"date3")."""
    m = _WIRE_DATELINE.match(text)
    return m if m is not None and _dateline_text(m) is not None else None


def _dateline_text(m: re.Match[str]) -> str | None:
    return m["date"] or m["date2"] or m["date3"]


def _is_metadata(line: str) -> bool:
    if len(line) <= 80 and _BYLINE.fullmatch(line):
        return True
    if len(line) > 100:
        return False
    if (m := _dateline(line)) is not None:
        rest = line[m.end() :].strip()
        # Only a dateline ("SPRINGFIELD, Ill., June 17, 2025 —") is metadata; a
        # dateline opening a sentence ("Published 12 March 2026 — Sales rose 4%.")
        # is the first paragraph.
        if not rest:
            return True
        if len(rest.split()) >= 4 and rest[-1] in ".!?\"'":
            return False
    dates = [q for q in find_periods(line) if q.kind == "date" and q.value]
    if not dates:
        return False
    if _field_dateline(line, dates):
        return True
    if _DATELINE.match(line):
        return True
    # A line that is (nearly) all date: "30 April 2026 10:42 BST".
    return len(line) <= 60 and sum(q.end - q.start for q in dates) >= len(line) * 0.5


def _field_dateline(line: str, dates: list[Quantity]) -> bool:
    """A line of short fields split by bars, one of them a full date.

    "Our Bureau | Bengaluru | April 17, 2025", "May 12, 2026 | 5:18 PM JST": a
    desk's byline, place and time stamp around the article's date, no sentence.
    """
    fields = []
    for m in _FIELD.finditer(line):
        text = m.group()
        if text.strip():
            a = m.start() + len(text) - len(text.lstrip())
            fields.append((a, a + len(text.strip())))
    if len(fields) < 2 or any(b - a > _FIELD_MAX for a, b in fields):
        return False
    return any(
        any(q.start <= a + 1 and q.end >= b - 1 for q in dates if q.value and len(q.value) == 10)
        for a, b in fields
    )


def _metadata_date(source: SourceText) -> dt.date | None:
    for b in source.blocks[:8]:
        if b.kind != "metadata" or b.end == b.start:
            continue
        found = _parse_date(source.text[b.start : b.end])
        if found:
            return found
    return None


def _inline_dateline_date(source: SourceText) -> dt.date | None:
    """The date of a dateline opening one of the first paragraphs ("LONDON, 5 March 2025 — ...").

    The paragraph stays a paragraph: only the article's date is taken from it.
    """
    seen = 0
    for b in source.blocks[: _DATELINE_BLOCKS + 4]:
        if b.kind in ("headline", "boilerplate") or b.end == b.start:
            continue
        seen += 1
        if seen > _DATELINE_BLOCKS:
            break
        if b.kind not in ("paragraph", "metadata"):
            continue
        m = _dateline(source.text[b.start : min(b.end, b.start + 200)])
        if m is not None and (found := _parse_date(_dateline_text(m) or "")) is not None:
            return found
    return None


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@functools.cache
def _dateparser() -> Any:
    import dateparser

    return dateparser


def _parse_date(s: str, *, strict: bool = True) -> dt.date | None:
    """A full date (day, month and year) in a short metadata string, else None.

    With `strict`, a date outside `periods.DATE_RANGE` is None too (a dateline
    is a hint; front matter checks the range itself and says so).
    """
    found = _parse_any_date(s)
    if found is not None and strict:
        low, high = DATE_RANGE
        return found if low <= found <= high else None
    return found


def _parse_any_date(s: str) -> dt.date | None:
    m = _ISO_DATE.match(s.strip())
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    for q in find_periods(s):
        if q.kind == "date" and isinstance(q.value, str) and _ISO_DATE.fullmatch(q.value):
            return dt.date.fromisoformat(q.value)
    rest = _DATELINE.sub("", s.strip(), count=1)
    parsed = _dateparser().parse(
        rest,
        languages=["en"],
        settings={
            "STRICT_PARSING": True,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DATES_FROM": "past",
        },
    )
    return parsed.date() if parsed else None
