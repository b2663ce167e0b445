"""Property tests (hypothesis) on generated news-like text and random unicode.

Invariants: no exception but newscheck's own one-line errors; every span's `text` is
the original's text at its offsets; line and column agree with the offsets; the JSON
validates against the schema; two runs give the same bytes. `make test` runs a few
derandomised examples per property. `make fuzz` runs 5,000 inputs through each reading
property and 1,000 through each whole-report property (each analysed twice), 12,000 in
all (NEWSCHECK_FUZZ_EXAMPLES and NEWSCHECK_FUZZ_REPORT_EXAMPLES change them).
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from newscheck import analyze
from newscheck.nlp.errors import NewscheckError
from newscheck.nlp.report import schema
from newscheck.nlp.source import _TRANSLATE, from_text

# -- generated news-like text --------------------------------------------------------

ENTITIES = ["Acme", "Nokia", "Harbour Bank", "the council", "Zürich Re", "O’Neill & Co"]
VERBS = ["rose", "fell", "grew", "climbed", "dropped", "was", "reached", "doubled to"]
METRICS = ["revenue", "sales", "net profit", "costs", "market share", "exports"]
SIGNS = ["$", "€", "£", "¥", "US$", "C$"]
SCALES = ["", "m", "bn", " million", " billion", "k", " trillion"]
PERIODS = [
    "in the first quarter",
    "in Q3 2025",
    "in 2024",
    "a year earlier",
    "on 5 March 2025",
    "on Tuesday, March 4, 2025",
    "in fiscal 2026",
    "in the first half of next year",
    "between 2020 and 2024",
    "on 2025-03-05",
]
SPACES = [" ", " ", " ", "\u00a0", "\u202f", "\u2009"]
HYPHENS = ["-", "\u2011", "\u2010", "\u2212"]
QUOTES = [('"', '"'), ("\u201c", "\u201d"), ("'", "'"), ("\u2018", "\u2019")]

numbers = st.one_of(
    st.integers(0, 999).map(str),
    st.integers(1000, 9_999_999).map(lambda n: f"{n:,}"),
    st.floats(0, 1000, allow_nan=False).map(lambda x: f"{x:.1f}"),
    st.sampled_from(["two", "three hundred", "a dozen", "half", "1 1/2", "1e3", "4.5"]),
)


@st.composite
def figures(draw: Any) -> str:
    n = draw(numbers)
    kind = draw(st.integers(0, 5))
    space = draw(st.sampled_from(SPACES))
    if kind == 0:
        return f"{n}{draw(st.sampled_from(['%', space + '%', ' percent', ' per cent', 'bp', ' points']))}"
    if kind == 1:
        return f"{draw(st.sampled_from(SIGNS))}{n}{draw(st.sampled_from(SCALES))}"
    if kind == 2:
        return f"{n}{space}{draw(st.sampled_from(['euros', 'dollars', 'pounds', 'USD', 'EUR']))}"
    if kind == 3:
        sign = draw(st.sampled_from(SIGNS))
        return f"{sign}{n}{draw(st.sampled_from(SCALES))} (about {draw(st.sampled_from(SIGNS))}{draw(numbers)}{draw(st.sampled_from(SCALES))})"
    if kind == 4:
        return f"{draw(st.sampled_from(HYPHENS))}{n}{draw(st.sampled_from(['%', 'm']))}"
    return n


@st.composite
def sentences(draw: Any) -> str:
    form = draw(st.integers(0, 4))
    who = draw(st.sampled_from(ENTITIES))
    what = draw(st.sampled_from(METRICS))
    if form == 0:
        s = (
            f"{who} said {what} {draw(st.sampled_from(VERBS))} {draw(figures())} to "
            f"{draw(figures())} from {draw(figures())} {draw(st.sampled_from(PERIODS))}."
        )
    elif form == 1:
        open_q, close_q = draw(st.sampled_from(QUOTES))
        s = f"{open_q}It was a {draw(figures())} year,{close_q} {who}{draw(st.sampled_from(HYPHENS))}based chief said."
    elif form == 2:
        s = f"Of {draw(figures())}, {draw(figures())} went to {who} {draw(st.sampled_from(PERIODS))}."
    elif form == 3:
        words = draw(
            st.lists(st.one_of(st.sampled_from(METRICS + VERBS + ENTITIES), figures()), max_size=12)
        )
        s = " ".join(words) + draw(st.sampled_from([".", "!", "?", "", ":"]))
    else:
        s = draw(st.text(max_size=60))
    return s


@st.composite
def markdown_blocks(draw: Any, nl: str) -> str:
    body = draw(sentences())
    form = draw(st.integers(0, 13))
    if form == 0:
        return f"{'#' * draw(st.integers(1, 3))} {body}"
    if form == 1:
        return f"- {body}{nl}- {draw(sentences())}"
    if form == 2:
        return f"{'>' * draw(st.integers(1, 25))} {body}"
    if form == 3:
        depth = draw(st.integers(1, 12))
        return (
            nl.join("  " * i + f"- item {i}" for i in range(depth))
            + nl
            + "  " * depth
            + f"- {body}"
        )
    if form == 4:
        word = body.split(" ", 1)
        return f"**{word[0]}** {word[-1]}" if len(word) == 2 else f"*{body}*"
    if form == 5:
        code = draw(st.sampled_from(["`x`", f"`make{nl}bench`", "``a ` b``", "`40%`"]))
        return f"Run {code} first. {body}"
    if form == 6:
        return f"See [{body}](https://example.org/a?b=1) and ![chart](c.png)."
    if form == 7:
        cells = draw(st.lists(figures(), min_size=1, max_size=6))
        head = "| " + " | ".join(f"c{i}" for i in range(len(cells))) + " |"
        rule = "|" + "---|" * len(cells)
        return nl.join([head, rule, "| " + " | ".join(cells) + " |"])
    if form == 8:
        return f"```{nl}{body}{nl}```"
    if form == 9:
        return f"<b>{body}</b> &amp; AT&amp;T \\*{draw(figures())}\\*"
    if form == 10:
        return f"{body}  {nl}{draw(sentences())}"
    if form == 11:
        return f"1. {body}{nl}2. {draw(sentences())}"
    if form == 12:
        return "---"
    return body


@st.composite
def front_matter(draw: Any, nl: str) -> str:
    date = draw(st.sampled_from(["2025-03-05", "2026-04-30", "'2024-12-31'", "someday"]))
    form = draw(st.integers(0, 3))
    if form == 0:
        return f"---{nl}title: Results{nl}date: {date}{nl}---{nl}"
    if form == 1:
        return f'+++{nl}title = "Results"{nl}date = {date}{nl}+++{nl}'
    if form == 2:
        return f"---{nl}title: x{nl}not a field{nl}---{nl}"
    return ""


@st.composite
def articles(draw: Any) -> tuple[str, bool]:
    """(text, markdown)"""
    nl = draw(st.sampled_from(["\n", "\r\n"]))
    markdown = draw(st.booleans())
    if markdown:
        blocks = draw(st.lists(markdown_blocks(nl), min_size=1, max_size=8))
        text = draw(front_matter(nl)) + (nl + nl).join(blocks) + nl
    else:
        lines = draw(st.lists(sentences(), min_size=1, max_size=10))
        sep = draw(st.sampled_from([nl, nl + nl, " "]))
        text = sep.join(lines) + nl
        if draw(st.booleans()):
            text = draw(st.sampled_from(ENTITIES)) + " posts results" + nl + nl + text
    return text, markdown


random_unicode = st.tuples(st.text(max_size=300), st.booleans())

# A whole report costs the spaCy pipeline twice; the long run gives it fewer inputs.
if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz":
    report_examples = settings(
        max_examples=int(os.environ.get("NEWSCHECK_FUZZ_REPORT_EXAMPLES", "1000"))
    )
else:

    def report_examples(test: Any) -> Any:
        return test


# -- invariants ------------------------------------------------------------------------

_BREAK = re.compile(r"\r\n|\r|\n")


@functools.lru_cache(maxsize=4)
def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _BREAK.finditer(text)]


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column, computed here independently of SourceText."""
    line = bisect.bisect_right(_line_starts(text), offset)
    return line, offset - _line_starts(text)[line - 1] + 1


def _spans(node: Any) -> list[dict[str, Any]]:
    """Every object in the JSON with start/end beside a text."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys():
            found.append(node)
        for value in node.values():
            found += _spans(value)
    elif isinstance(node, list):
        for value in node:
            found += _spans(value)
    return found


@functools.cache
def _validator() -> jsonschema.protocols.Validator:
    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())


def _check_report(text: str, markdown: bool) -> None:
    try:
        first = analyze(text, source="gen.md" if markdown else "gen.txt", markdown=markdown)
    except NewscheckError as exc:  # a coded, one-line refusal is a valid outcome
        assert str(exc).startswith("NC-E") and "\n" not in str(exc)
        return
    doc = first.to_dict()
    _validator().validate(doc)
    for span in _spans(doc):
        assert text[span["start"] : span["end"]] == span["text"], span
        if "line" in span:
            line, column = _line_col(text, span["start"])
            assert span["line"] == line, span
            if "column" in span:
                assert span["column"] == column, span
    for sentence in doc["summary"] + doc["claims"]:
        _covers(sentence["normalized"], text[sentence["start"] : sentence["end"]])
    second = analyze(text, source="gen.md" if markdown else "gen.txt", markdown=markdown)
    assert second.to_json() == first.to_json()


def _covers(normalized: str, original: str) -> None:
    """The span covers the right text: the analysed characters appear in it, in order
    (Markdown may sit between them; typographic variants are folded as in reading)."""
    folded = original.translate(_TRANSLATE)
    cursor = 0
    for ch in normalized.replace(" ", ""):
        found = folded.find(ch, cursor)
        assert found >= 0, (normalized, original)
        cursor = found + 1


def _check_source(text: str, markdown: bool) -> None:
    try:
        src = from_text(text, name="gen", markdown=markdown)
    except NewscheckError as exc:
        assert str(exc).startswith("NC-E") and "\n" not in str(exc)
        return
    previous = 0
    for i, ch in enumerate(src.text):
        orig = src.to_original(i)
        assert orig >= previous  # the map never runs backwards
        previous = orig
        if not src._inserted[i]:
            # Each analysed character is its original, folded 1:1 (or blanked).
            folded = text[orig].translate(_TRANSLATE) or ""
            assert ch in (folded, " "), (i, ch, text[orig])
    for m in re.finditer(r"\S+", src.text):
        pos = src.position(m.start(), m.end())
        assert pos.text == text[pos.start : pos.end]
        assert (pos.line, pos.column) == _line_col(text, pos.start)


@given(articles())
def test_generated_articles_source_map(article: tuple[str, bool]) -> None:
    _check_source(*article)


@given(random_unicode)
def test_random_unicode_source_map(article: tuple[str, bool]) -> None:
    _check_source(*article)


@report_examples
@given(articles())
def test_generated_articles_report(article: tuple[str, bool]) -> None:
    _check_report(*article)


@report_examples
@given(random_unicode)
def test_random_unicode_report(article: tuple[str, bool]) -> None:
    _check_report(*article)
