"""Every sample through the whole pipeline: offsets index the original file, frames are sane."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import line_col, sample_paths

from newscheck import analyze
from newscheck.nlp.source import read_path

PATHS = sample_paths()


def test_at_least_five_samples_with_markdown() -> None:
    assert len(PATHS) >= 5
    assert any(p.suffix == ".md" for p in PATHS)


@pytest.fixture(scope="module", params=PATHS, ids=lambda p: p.name)
def sample(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    path: Path = request.param
    src = read_path(path)
    return path, src, analyze(path.read_text(encoding="utf-8-sig"), source=str(path))


def test_every_figure_indexes_the_original(sample) -> None:  # type: ignore[no-untyped-def]
    _path, src, report = sample
    assert report.figures, "a sample with no figures tests nothing"
    for f in report.figures:
        assert src.original[f.start : f.end] == f.text
        assert (f.line, f.column) == line_col(src.original, f.start)


def test_every_span_indexes_the_original(sample) -> None:  # type: ignore[no-untyped-def]
    _path, src, report = sample
    for c in report.checks:
        for p in c.spans:
            assert src.original[p.start : p.end] == p.text
            assert (p.line, p.column) == line_col(src.original, p.start)
    for e in report.entities:
        for m in e.mentions:
            assert src.original[m.start : m.end] == m.text
            assert "\n" not in m.text
    for s in report.summary:
        assert line_col(src.original, s.start)[0] == s.line


def test_summary_is_in_article_order(sample) -> None:  # type: ignore[no-untyped-def]
    _path, _src, report = sample
    starts = [s.start for s in report.summary]
    assert starts == sorted(starts)
    assert 1 <= len(report.summary) <= 3


def test_claims_have_scores_and_reasons(sample) -> None:  # type: ignore[no-untyped-def]
    _path, _src, report = sample
    assert report.claims
    for c in report.claims:
        assert 0.0 <= c.score <= 1.0
        assert c.reasons


def test_json_document_validates_against_the_schema(sample) -> None:  # type: ignore[no-untyped-def]
    import json

    import jsonschema

    from newscheck.nlp.report import schema

    _path, _src, report = sample
    doc = json.loads(report.to_json())
    jsonschema.validate(doc, schema())
    assert doc == report.to_dict()
    ids = {f["id"] for f in doc["figures"]}
    for f in doc["figures"]:
        for link in (f["converts"], f["target"], f["base"]):
            assert link is None or link in ids
    for c in doc["checks"]:
        assert set(c["figures"]) <= ids
