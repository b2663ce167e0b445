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
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from newscheck.nlp.errors import Errors, SourceError
from newscheck.nlp.periods import find_periods
from newscheck.nlp.types import Position

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
#: How many blocks after the headline may open with a dateline.
_DATELINE_BLOCKS = 3
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


@dataclass
class Block:
    kind: BlockKind
    start: int  # analysis-text offsets
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


def read_path(path: str | Path, *, max_bytes: int = 5_000_000) -> SourceText:
    """Read an article from a file, or from stdin for "-". Raises `SourceError`."""
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
        if p.is_dir():
            raise SourceError(Errors.E002, name)
        size = p.stat().st_size
        if size > max_bytes:
            raise SourceError(Errors.E004, name, size=size, limit=max_bytes)
        with p.open("rb") as fh:  # read-only: never touch the reporter's file
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


_HIGH_BYTES = bytes(range(0x80, 0x100))
_CONTROL = bytes(c for c in range(32) if chr(c) not in "\t\n\r\f\v\x1b")


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:65536]
    controls = sum(sample.count(c) for c in _CONTROL)
    return controls > max(8, len(sample) // 50)


def from_bytes(data: bytes, *, name: str | None, markdown: bool | None = None) -> SourceText:
    """Decode and analyse raw bytes. UTF-8 (with or without BOM) first, then charset-normalizer."""
    display = name or "<bytes>"
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, body = "utf-8-sig", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, body = "utf-16", data
    else:
        if _looks_binary(data):
            raise SourceError(Errors.E005, display)
        encoding, body = "utf-8", data
    try:
        text = body.decode("utf-8" if encoding == "utf-8-sig" else encoding)
    except UnicodeDecodeError:
        if encoding != "utf-8":
            raise SourceError(Errors.E006, display) from None
        text, encoding = _decode_legacy(data, display)
    source = from_text(text, name=name, markdown=markdown)
    source.encoding = encoding
    return source


def _decode_legacy(data: bytes, display: str) -> tuple[str, str]:
    """Decode non-UTF-8 bytes; returns (text, encoding)."""
    # English copy with a stray "£" or "é" has very few high bytes, and on so
    # little evidence charset-normalizer may pick a CJK code page (0xA3 "£" read
    # as cp932 katakana). Windows-1252 is the likely legacy encoding of such copy.
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high * 50 <= len(data):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes as detect

    best = detect(data).best()
    if best is None:
        raise SourceError(Errors.E006, display)
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        raise SourceError(Errors.E006, display) from None


def from_text(text: str, *, name: str | None = None, markdown: bool | None = None) -> SourceText:
    """Analyse already-decoded text. `markdown=None` decides by the name's suffix, else by sniffing."""
    if markdown is None:
        suffix = Path(name).suffix.lower() if name and name != "-" else ""
        markdown = suffix in _MARKDOWN_SUFFIXES if suffix else _looks_markdown(text)
    builder = _Builder(text)
    meta: dict[str, str] = {}
    if markdown:
        _MarkdownReader(text, builder, meta).read()
    else:
        _PlainReader(text, builder).read()
    _classify_blocks(builder)
    analysis, mapping, inserted = builder.finish()
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
        _map=mapping,
        _inserted=inserted,
    )
    source.date = _parse_date(meta["date"]) if meta.get("date") else None
    if source.date is None:
        source.date = _metadata_date(source)
    if source.date is None:
        source.date = _inline_dateline_date(source)
    return source


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
            if not body:
                out.append(None)
                continue
            start = m.start() + lead
            out.append(_Line(start, start + len(body), _norm(body), content_start=start))
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
        for i, ln in enumerate(lines):
            if ln is None:
                if section == "plain":
                    section = None
                continue
            if ln.kind == "headline":
                continue
            marker = _BULLET_MARKER.match(self.original, ln.start)
            nxt = next((x for x in lines[i + 1 :] if x is not None), None)
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

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


class _MarkdownReader:
    """Walks markdown-it tokens and finds each text piece's exact place in the original."""

    def __init__(self, original: str, builder: _Builder, meta: dict[str, str]) -> None:
        self.original = original
        self.builder = builder
        self.meta = meta
        self.line_starts = [0] + [m.end() for m in _LINE_BREAK.finditer(original)]
        self.cursor = 0

    def front_matter(self) -> int:
        """Parse YAML front matter's title/date; return where the Markdown body starts."""
        text = self.original
        lead = len(text) - len(text.lstrip("\ufeff"))
        if not re.match(r"---[ \t]*(?:\r\n|\r|\n)", text[lead:]):
            return 0
        first_nl = text.index("\n", lead) + 1 if "\n" in text[lead:] else len(text)
        end = _FRONT_MATTER_END.search(text, first_nl)
        if end is None:
            return 0
        for line in text[first_nl : end.start()].splitlines():
            key, sep, value = line.partition(":")
            if (
                sep
                and key.strip().lower() in ("title", "date")
                and not line.startswith((" ", "\t"))
            ):
                self.meta[key.strip().lower()] = value.strip().strip("'\"").strip()
        body = end.end()
        if text.startswith("\r\n", body):
            body += 2
        elif text.startswith(("\n", "\r"), body):
            body += 1
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
        for tok in tokens:
            t = tok.type
            if t.endswith("_open"):
                stack.append(t[:-5])
                if t == "heading_open":
                    pending = "headline" if tok.tag == "h1" and not h1_seen else "heading"
                    h1_seen = h1_seen or tok.tag == "h1"
                elif t == "tr_open":
                    self.builder.open("paragraph")
                    in_row = True
            elif t.endswith("_close"):
                if stack:
                    stack.pop()
                if t == "tr_close":
                    self.builder.close()
                    in_row = False
            elif t == "inline":
                assert tok.map is not None
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
                self.inline(tok.children or [], limit)
                if not in_row:
                    self.builder.close()
            elif tok.map is not None:
                # Code, HTML blocks and rules carry no prose; step over them.
                self.cursor = max(
                    self.cursor,
                    self.line_starts[tok.map[1]]
                    if tok.map[1] < len(self.line_starts)
                    else len(self.original),
                )

    def cell_gap(self, limit: int) -> None:
        bar = self.original.find("|", self.cursor, limit)
        if bar >= 0:
            self.builder.add(bar, bar + 1)  # folded to " " below
            self.builder.chars[-1] = " "
            self.cursor = bar + 1
        else:
            self.builder.insert(" ")

    def inline(self, children: list[Token], limit: int) -> None:
        for child in children:
            t = child.type
            if t in ("text", "code_inline"):
                self.locate(child.content, limit)
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
            else:
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
    if _DATELINE.match(line):
        return True
    # A line that is (nearly) all date: "30 April 2026 10:42 BST".
    return len(line) <= 60 and sum(q.end - q.start for q in dates) >= len(line) * 0.5


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


def _parse_date(s: str) -> dt.date | None:
    """A full date (day, month and year) in a short metadata string, else None."""
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
