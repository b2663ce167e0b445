"""Markdown that broke offsets or lost content (issue #9): wrapped inline code, table
cells, deep nesting, YAML and TOML front matter with LF and CRLF."""

from __future__ import annotations

import datetime as dt

import pytest

from newscheck import analyze
from newscheck.nlp.errors import SourceError
from newscheck.nlp.source import MAX_TABLE_CELLS, from_text


def _figures(text: str) -> list[tuple[str, int, int]]:
    report = analyze(text, source="t.md", markdown=True)
    for f in report.figures:
        assert text[f.start : f.end] == f.text
    return [(f.text, f.line, f.column) for f in report.figures]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_wrapped_inline_code_keeps_later_offsets_exact(newline: str) -> None:
    text = (
        f"Run `make{newline}bench` first. Sales rose 20% to $52 million from $40 million.{newline}"
    )
    second = text.splitlines()[1]
    assert _figures(text) == [
        (f, 2, second.index(f) + 1) for f in ("20%", "$52 million", "$40 million")
    ]
    report = analyze(text, source="t.md", markdown=True)
    for check in report.checks:  # the message reads the figures, not shifted text
        assert "rose  to" not in check.message
        for span in check.spans:
            assert text[span.start : span.end] == span.text


def test_inline_code_is_not_analysed() -> None:
    src = from_text("Set `retries = 40%` and `2x` now; costs rose 3%.\n", name="t.md")
    assert "40%" not in src.text and "2x" not in src.text and "rose 3%" in src.text
    assert [f[0] for f in _figures("Set `retries = 40%` now; costs rose 3%.\n")] == ["3%"]


def test_code_spans_with_longer_fences_and_backticks_inside() -> None:
    text = "Use ``a ` b`` and ```x``` here; profit rose 7% to $3 million.\n"
    assert [f[0] for f in _figures(text)] == ["7%", "$3 million"]


def test_table_cells_are_separate_figures() -> None:
    text = "| 2025 | 2026 |\n|---|---|\n| £70m | £74m |\n| 1 | 234 |\n"
    figures = [f[0] for f in _figures(text)]
    assert "£70m" in figures and "£74m" in figures
    assert "1 234" not in figures and "£70m | £" not in figures


def test_table_width_is_capped_and_noted() -> None:
    cells = MAX_TABLE_CELLS + 10
    text = "| " + " | ".join(f"{i}%" for i in range(cells)) + " |\n|" + "---|" * cells + "\n"
    src = from_text(text, name="t.md")
    assert f"{MAX_TABLE_CELLS - 1}%" in src.text and f"{MAX_TABLE_CELLS}%" not in src.text
    assert src.notes == [
        f"10 table cells beyond {MAX_TABLE_CELLS} per row not analysed (the first on line 1)"
    ]


def test_list_nested_ten_levels_is_read_flat_and_noted() -> None:
    text = (
        "".join("  " * i + "- level\n" for i in range(10))
        + "  " * 10
        + "- Sales rose 5% to $10m.\n"
    )
    src = from_text(text, name="t.md")
    assert "Sales rose 5% to $10m." in src.text
    assert len(src.notes) == 1 and "read as plain paragraphs" in src.notes[0]
    assert [f[0] for f in _figures(text)] == ["5%", "$10m"]


def test_quotes_nested_twenty_levels_are_read_flat_and_noted() -> None:
    text = "Intro line.\n\n" + ">" * 20 + " Sales rose 5% to $10m.\n\nAfter it, costs fell 2%.\n"
    src = from_text(text, name="t.md")
    assert src.text.index("Sales rose") < src.text.index("costs fell")  # order kept
    assert "nested deeper than 20 Markdown levels" in src.notes[0]
    assert [f[0] for f in _figures(text)] == ["5%", "$10m", "2%"]


def test_ordinary_markdown_has_no_notes() -> None:
    text = "# Title\n\n> A quote with 5%.\n\n- one\n  - two 3%\n\n[ref]: https://example.org\n"
    assert from_text(text, name="t.md").notes == []


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize(
    "front",
    [
        "---{nl}title: Results day{nl}date: 2025-03-05{nl}---{nl}",
        '+++{nl}title = "Results day"{nl}date = 2025-03-05{nl}+++{nl}',
        "---{nl}title: 'Results day'{nl}date: \"2025-03-05\"{nl}tags:{nl}  - a{nl}...{nl}",
    ],
    ids=["yaml", "toml", "yaml-dots"],
)
def test_front_matter_yaml_and_toml_lf_and_crlf(front: str, newline: str) -> None:
    text = front.format(nl=newline) + f"Sales rose 5% in the first quarter.{newline}"
    src = from_text(text, name="t.md")
    assert src.date == dt.date(2025, 3, 5)
    assert src.title == "Results day"
    assert src.text == "Sales rose 5% in the first quarter."
    assert src.notes == []


def test_unclosed_front_matter_is_an_error_not_prose() -> None:
    with pytest.raises(
        SourceError, match=r"NC-E014 t.md: front matter is malformed .*never closed"
    ):
        from_text("---\ntitle: x\ndate: 2025-03-05\n\nSales rose 5%.\n", name="t.md")


def test_front_matter_line_that_is_not_a_field_is_noted() -> None:
    src = from_text("---\ntitle: x\nthis is not yaml\n---\nSales rose 5%.\n", name="t.md")
    assert src.text == "Sales rose 5%."
    assert src.notes == ["front matter line 3: not 'key: value'; ignored"]


def test_unreadable_front_matter_date_is_noted() -> None:
    src = from_text("---\ndate: someday\n---\nSales rose 5%.\n", name="t.md")
    assert src.date is None and src.notes == ["front matter date 'someday' is not a date; ignored"]


def test_leading_rule_without_fields_is_a_thematic_break() -> None:
    src = from_text("---\n\nSales rose 5%.\n", name="t.md")
    assert src.text == "Sales rose 5%." and src.notes == []


def test_nul_in_markdown_adds_no_character() -> None:
    # Found by the property tests: markdown-it reads NUL as U+FFFD, which is not in the file.
    report = analyze("Sales rose 5%.\x00\n", source="t.md", markdown=True)
    assert all("\ufffd" not in s.normalized for s in report.summary)
    assert [f.text for f in report.figures] == ["5%"]
