"""Reading articles exactly: decoding, normalisation, structure and the offset map."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from newscheck.nlp.errors import SourceError
from newscheck.nlp.source import SourceText, from_bytes, from_text, read_path

PLAIN = (
    "Harbour Foods Posts Record Quarter As Exports Climb\r\n"
    "Published 30 April 2026\r\n"
    "Key Takeaways\r\n"
    "- \u2022Sales rose 12% to \u20ac310\u00a0million in Q1 2026.\r\n"
    "- \u2022Chief executive Ana\u00a0Ruiz called it \u201cour best start\u201d.\r\n"
    "Market Context\r\n"
    "Harbour\u2019s non\u2011food unit grew 4%, while the \u2212$2\u202fmillion FX hit was\u00adsmall.\r\n"
    "The firm\u200b expects 6% growth annually through 2028.\r\n"
    "Harbour Foods posts record quarter as exports climb\r\n"
    "Comments\r\n"
    "Want to join the conversation?\r\n"
)

MARKDOWN = """---
title: "Tidewater raises forecast"
date: 2026-03-02
---

# Tidewater *raises* forecast

Tidewater Ltd said [net income](https://example.org/ir?q=1) rose **9%** to $48 million,
helped by `TW-4` pumps &amp; lower costs\\*. ![chart](chart.png)<!-- check figure -->

- Orders grew to _1,150_ units
- Backlog: $210 million

| Segment | Revenue |
|---|---|
| Marine | $31 million |

> "A solid quarter," the chair said.

[ir]: https://example.org/ir
"""


def _fold(s: str) -> str:
    """The 1:1 folds and removals the analysis text applies, for comparing spans."""
    table = {ord(c): " " for c in "\u00a0\u2009\u202f\u2007\r\n\t•"}
    table.update({ord(c): "-" for c in "\u2011\u2010\u2212"})
    table.update({ord(c): "'" for c in "\u2018\u2019"})
    table.update({ord(c): '"' for c in "\u201c\u201d"})
    table.update({ord(c): None for c in "\u200b\u00ad\ufeff"})
    return s.translate(table)


def _check_plain_invariant(src: SourceText) -> None:
    """Every word span inside a block maps back to the same (folded) characters."""
    for block in src.blocks:
        for m in re.finditer(r"\S+(?:\s+\S+){0,3}", src.text[block.start : block.end]):
            a, b = block.start + m.start(), block.start + m.end()
            s, e = src.original_span(a, b)
            assert _fold(src.original[s:e]) == src.text[a:b]
            assert s == src.to_original(a)
            assert e == src.to_original(b - 1) + 1


def _check_markdown_invariant(src: SourceText) -> None:
    """Markup may sit between words, but each word is found in order in its original span."""
    for block in src.blocks:
        for m in re.finditer(r"\S+(?:\s+\S+){0,2}", src.text[block.start : block.end]):
            a, b = block.start + m.start(), block.start + m.end()
            pos = src.position(a, b)
            assert pos.text == src.original[pos.start : pos.end]
            cursor = 0
            for word in src.text[a:b].split():
                for ch in word:
                    found = pos.text.find(ch, cursor)
                    if ch in "&*":  # decoded from "&amp;" / "\\*": still present in the source
                        assert found >= 0
                    assert found >= 0, (word, pos.text)
                    cursor = found + 1


# -- plain text ---------------------------------------------------------------------


def test_plain_text_normalisation_keeps_offsets() -> None:
    src = from_bytes(b"\xef\xbb\xbf" + PLAIN.encode("utf-8"), name="harbour.txt")
    assert src.encoding == "utf-8-sig"
    assert src.original == PLAIN  # BOM stripped by decoding, CRLF kept
    assert "\u20ac310 million" in src.text
    assert "non-food" in src.text and "-$2 million" in src.text
    assert '"our best start"' in src.text and "Harbour's" in src.text
    assert "wassmall" in src.text and "firm expects" in src.text  # soft hyphen and ZWSP removed
    assert "\r" not in src.text and "\u2022" not in src.text
    _check_plain_invariant(src)


def test_position_is_exact_with_line_and_column() -> None:
    src = from_text(PLAIN, name="harbour.txt")
    a = src.text.index("\u20ac310 million")
    pos = src.position(a, a + len("\u20ac310 million"))
    assert pos.text == "\u20ac310\u00a0million"
    assert PLAIN[pos.start : pos.end] == pos.text
    assert (pos.line, pos.column) == (4, 22)  # after "- •Sales rose 12% to "
    a = src.text.index("non-food")
    pos = src.position(a, a + 8)
    assert pos.text == "non\u2011food" and pos.line == 7
    # A span after removed characters still lines up.
    a = src.text.index("expects")
    pos = src.position(a, a + 7)
    assert pos.text == "expects" and (pos.line, pos.column) == (8, 11)


def test_plain_structure() -> None:
    src = from_text(PLAIN, name="harbour.txt")
    kinds = [b.kind for b in src.blocks]
    assert kinds == [
        "headline",
        "metadata",
        "heading",
        "bullet",
        "bullet",
        "heading",
        "paragraph",
        "paragraph",
        "boilerplate",
        "boilerplate",
        "boilerplate",
    ]
    assert src.title == "Harbour Foods Posts Record Quarter As Exports Climb"
    assert src.date == dt.date(2026, 4, 30)
    bullet = src.blocks[3]
    assert src.text[bullet.start : bullet.end].startswith("Sales rose 12%")
    # Blocks never touch: a sentence splitter cannot join two of them.
    for left, right in pairwise(src.blocks):
        assert src.text[left.end : right.start] == "\n\n"
    assert [b.kind for b in src.content_blocks].count("boilerplate") == 0


def test_newswire_layout_headline_then_paragraphs() -> None:
    text = (
        "Lumber prices slide on weak housing data\n\n"
        "Lumber futures fell 6% on Tuesday after housing starts dropped to a two-year low.\n\n"
        "Traders said mills had cut output by 10% since January, but stocks remained high.\n"
    )
    src = from_text(text)
    assert [b.kind for b in src.blocks] == ["headline", "paragraph", "paragraph"]
    assert src.title == "Lumber prices slide on weak housing data"
    assert src.date is None
    assert src.block_at(src.text.index("Traders")) == 2
    assert src.block_at(src.text.index("Traders") - 1) is None


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Copper miner lifts output goal\n\n"
        "The miner said on Monday it would lift copper output by 15 percent over\n"
        "the next three years as new pits in the north of the country come on\n"
        "stream, with capital spending of about 400 million dollars a year.\n\n"
        "It said the plan was approved by the board and would be funded from\n"
        "cash flow and a new credit line arranged with a group of local banks.\n"
    )
    src = from_text(text)
    assert [b.kind for b in src.blocks] == ["headline", "paragraph", "paragraph"]
    para = src.blocks[1]
    assert "over the next three years" in src.text[para.start : para.end]
    _check_plain_invariant(src)


def test_byline_and_dateline_are_metadata() -> None:
    text = (
        "Airline trims fleet plan\n"
        "By Sam Okafor\n"
        "Updated: March 3, 2026\n"
        "The carrier will retire 14 older jets this year.\n"
    )
    src = from_text(text)
    assert [b.kind for b in src.blocks] == ["headline", "metadata", "metadata", "paragraph"]
    assert src.date == dt.date(2026, 3, 3)


_BODY = "Harrow Mills said on Wednesday that output rose 4% in 2025."


@pytest.mark.parametrize(
    ("opening", "date"),
    [
        ("LONDON, 5 March 2025 \u2014 ", dt.date(2025, 3, 5)),
        ("NEW YORK, March 5, 2026 (Reuters) - ", dt.date(2026, 3, 5)),
        ("SAN JOSE, Calif., Oct. 18, 2023 \u2014 ", dt.date(2023, 10, 18)),
        ("FRANKFURT (Reuters), Feb. 2, 2024 - ", dt.date(2024, 2, 2)),
        ("Published 12 March 2026 \u2014 ", dt.date(2026, 3, 12)),
        ("March 12, 2026 \u2014 ", dt.date(2026, 3, 12)),
        ("12 March 2026 | ", dt.date(2026, 3, 12)),
    ],
)
def test_inline_dateline_sets_the_date_and_stays_a_paragraph(opening: str, date: dt.date) -> None:
    src = from_text(f"Mill output climbs\n\n{opening}{_BODY}\n\nIt said demand held up.\n")
    assert src.date == date
    assert [b.kind for b in src.blocks] == ["headline", "paragraph", "paragraph"]
    para = src.blocks[1]
    assert src.text[para.start : para.end] == (opening + _BODY).strip()


def test_wire_dateline_without_a_date_uses_a_date_line_nearby() -> None:
    text = f"Mill output climbs\n\nMon Mar 9, 2026 4:32pm EDT\n\nHOUSTON (Reuters) - {_BODY}\n"
    src = from_text(text)
    assert src.date == dt.date(2026, 3, 9)
    assert [b.kind for b in src.blocks] == ["headline", "metadata", "paragraph"]


def test_dateline_on_its_own_line_is_metadata_not_the_headline() -> None:
    src = from_text(f"SPRINGFIELD, Ill., June 17, 2025 \u2014\n\n{_BODY}\n")
    assert src.date == dt.date(2025, 6, 17)
    assert src.title is None
    assert [b.kind for b in src.blocks] == ["metadata", "paragraph"]


@pytest.mark.parametrize(
    "text",
    [
        # Too late: only the first few blocks after the headline may carry a dateline.
        "Mill output climbs\n\nOne.\n\nTwo.\n\nThree.\n\nLONDON, 5 March 2025 \u2014 It rose.\n",
        # A date inside the first sentence is not a dateline.
        "Mill output climbs\n\nThe deal, signed on 5 March 2025, closes in June.\n",
        "Mill output climbs\n\nOn March 5, 2026 \u2014 a Thursday \u2014 the mill shut.\n",
    ],
)
def test_no_dateline_no_date(text: str) -> None:
    assert from_text(text).date is None


def test_every_sample_and_planted_article_has_a_date() -> None:
    root = Path(__file__).resolve().parent.parent
    paths = sorted((root / "bench" / "planted").glob("*.txt"))
    paths += sorted(p for p in (root / "samples").iterdir() if p.name != "README.md")
    assert paths
    missing = [p.name for p in paths if read_path(p).date is None]
    assert missing == []


def test_sentence_starting_with_updated_is_not_metadata() -> None:
    src = from_text("Airline trims fleet plan\n\nUpdated guidance calls for 3% growth in 2026.\n")
    assert [b.kind for b in src.blocks] == ["headline", "paragraph"]


def test_empty_and_blank_text() -> None:
    for data in (b"", b"\n\n  \n"):
        src = from_bytes(data, name="empty.txt")
        assert src.text == "" and src.blocks == [] and src.title is None
        assert src.to_original(0) == 0
        assert src.position(0, 0).line == 1


# -- Markdown ------------------------------------------------------------------------


def test_markdown_front_matter_and_structure() -> None:
    src = from_text(MARKDOWN, name="draft.md")
    assert src.markdown
    assert src.title == "Tidewater raises forecast"
    assert src.date == dt.date(2026, 3, 2)
    kinds = [b.kind for b in src.blocks if b.end > b.start]
    assert kinds == [
        "headline",
        "paragraph",
        "bullet",
        "bullet",
        "paragraph",
        "paragraph",
        "paragraph",
    ]
    assert src.blocks[0].kind == "metadata" and src.blocks[0].start == src.blocks[0].end
    assert "---" not in src.text and "title:" not in src.text
    body = src.text
    assert body.startswith("Tidewater raises forecast\n\n")
    # Inline code is not prose: it leaves the analysis text (one space keeps the words apart).
    assert "said net income rose 9% to $48 million, helped by   pumps & lower costs*." in body
    assert "TW-4" not in body
    assert "chart" not in body and "check figure" not in body and "example.org" not in body
    assert "Orders grew to 1,150 units" in body
    # Table cells keep their bar, so the figures of neighbouring cells stay apart.
    assert "Segment | Revenue" in body and "Marine | $31 million" in body
    assert '"A solid quarter," the chair said.' in body
    _check_markdown_invariant(src)


def test_markdown_positions_point_into_the_source() -> None:
    src = from_text(MARKDOWN, name="draft.md")
    a = src.text.index("net income")
    pos = src.position(a, a + len("net income"))
    assert pos.text == "net income"
    assert (pos.line, pos.column) == (8, 21)  # after 'Tidewater Ltd said ['
    a = src.text.index("9%")
    assert src.position(a, a + 2).text == "9%"
    a = src.text.index("1,150")
    assert src.position(a, a + 5).text == "1,150"
    a = src.text.index("$31 million")
    pos = src.position(a, a + len("$31 million"))
    assert (pos.text, pos.line) == ("$31 million", 16)
    a = src.text.index("helped")
    assert src.position(a, a + 6).line == 9  # the soft break kept the lines apart


def test_markdown_crlf_lines() -> None:
    text = MARKDOWN.replace("\n", "\r\n")
    src = from_text(text, name="draft.md")
    a = src.text.index("$48 million")
    pos = src.position(a, a + len("$48 million"))
    assert (pos.text, pos.line) == ("$48 million", 8)
    _check_markdown_invariant(src)


def test_markdown_is_sniffed_on_stdin_text() -> None:
    assert from_text("# Title\n\nBody text here.\n").markdown
    assert not from_text("Title\n\nBody text here.\n").markdown


# -- reading files --------------------------------------------------------------------


def test_read_path_plain_and_markdown(tmp_path: Path) -> None:
    p = tmp_path / "story.md"
    p.write_bytes(MARKDOWN.encode("utf-8"))
    before = p.stat().st_mtime_ns
    src = read_path(p)
    assert src.markdown and src.path == str(p) and src.encoding == "utf-8"
    assert p.stat().st_mtime_ns == before and p.read_bytes() == MARKDOWN.encode("utf-8")


def test_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = (
        "Café chain expands\n\nThe café group, whose shares trade at 12 euros, opened "
        "40 outlets in Zürich and Genève; revenue rose 8% — its best result since 2019.\n"
    )
    p = tmp_path / "cafe.txt"
    p.write_bytes(text.encode("cp1252"))
    src = read_path(p)
    assert src.encoding not in ("utf-8", "utf-8-sig")
    assert src.original == text


def test_latin1_pound_sign_is_not_read_as_a_cjk_code_page() -> None:
    data = b"The striker cost \xa315.8m, the club said on Monday after a week of talks in Milan.\n"
    src = from_bytes(data, name="fee.txt")
    assert src.encoding == "cp1252"
    assert "\u00a315.8m" in src.original


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Headline here\n\nA body line.\n"))
    )
    src = read_path("-")
    assert src.path == "-" and src.title == "Headline here"


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        ("missing", "NC-E001"),
        ("directory", "NC-E002"),
        ("binary", "NC-E005"),
        ("control", "NC-E005"),
        ("large", "NC-E004"),
    ],
)
def test_read_errors_are_one_line_and_name_the_file(tmp_path: Path, setup: str, code: str) -> None:
    p = tmp_path / "article.txt"
    if setup == "directory":
        p.mkdir()
    elif setup == "binary":
        p.write_bytes(b"PK\x03\x04\x00\x00binary\x00data")
    elif setup == "control":
        p.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8] * 20) + b"text")
    elif setup == "large":
        p.write_bytes(b"a" * 101)
    with pytest.raises(SourceError) as info:
        read_path(p, max_bytes=100 if setup == "large" else 5_000_000)
    err = info.value
    assert err.code == code
    assert str(p) in str(err) and "\n" not in str(err) and str(err).startswith(code)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path: Path) -> None:
    p = tmp_path / "locked.txt"
    p.write_text("secret")
    p.chmod(0)
    try:
        with pytest.raises(SourceError) as info:
            read_path(p)
        assert info.value.code == "NC-E003"
    finally:
        p.chmod(0o600)


def test_undetectable_encoding(monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    class _NoMatch:
        def best(self) -> None:
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: _NoMatch())
    with pytest.raises(SourceError) as info:
        from_bytes(b"caf\xe9 \xff\xfe", name="odd.txt")
    assert info.value.code == "NC-E006" and "odd.txt" in str(info.value)


def test_a_line_of_only_unusual_spaces_is_blank() -> None:
    # Found by the property tests: U+0085 alone on a line made an empty line of text.
    text = "Sales rose 5%.\n\x85\nCosts fell 2%.\n\u2028\x1c\n"
    src = from_text(text, name="t.txt")
    assert "Sales rose 5%." in src.text and "Costs fell 2%." in src.text


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("City Desk | Leeds | March 3, 2027", dt.date(2027, 3, 3)),
        ("June 8, 2028 | 9:40 AM BST", dt.date(2028, 6, 8)),
        ("Staff Reporter | Porto | 14 October 2029", dt.date(2029, 10, 14)),
    ],
)
def test_bar_separated_dateline_gives_the_date(line: str, date: dt.date) -> None:
    src = from_text(f"Mill output climbs\n\n{line}\n\n{_BODY}\n")
    assert src.date == date
    assert [b.kind for b in src.blocks] == ["headline", "metadata", "paragraph"]


def test_bar_separated_line_without_a_full_date_is_no_dateline() -> None:
    assert from_text(f"Mill output climbs\n\nCity Desk | Leeds | March\n\n{_BODY}\n").date is None
