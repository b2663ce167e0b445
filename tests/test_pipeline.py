"""Model choice and the rule-only fallback: figures are found with no model at all."""

from __future__ import annotations

import pytest
import spacy
from typer.testing import CliRunner

from newscheck.nlp import pipeline
from newscheck.nlp.figures import SPAN_KEY


def test_preferred_model_is_loaded_with_our_components() -> None:
    loaded = pipeline.load_pipeline()
    assert loaded.model in pipeline.PREFERRED_MODELS
    assert loaded.warning is None
    names = loaded.nlp.pipe_names
    assert (
        names.index("ner")
        < names.index("newscheck_entity_cleanup")
        < names.index("newscheck_figures")
    )
    assert names[-1] == "newscheck_frames"


def test_without_any_model_a_blank_pipeline_still_finds_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "PREFERRED_MODELS", ("no_such_model_abc", "no_such_model_xyz"))
    nlp, name, warning = pipeline._load_model(None)
    assert name == "blank:en"
    assert warning is not None and "\n" not in warning
    nlp = pipeline.build(nlp)
    doc = nlp(
        "Acme said sales rose 12% to $4.5 billion in the first quarter.\n\nIt employs 9,000 people."
    )
    texts = [s.text for s in doc.spans[SPAN_KEY]]
    assert texts == ["12%", "$4.5 billion", "first quarter", "9,000"]
    frames = {s.text: s._.frame for s in doc.spans[SPAN_KEY]}
    assert frames["12%"].role == "change"
    assert frames["12%"].target is not None


def test_blank_fallback_warns_once_on_stderr(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newscheck.cli.app import app

    monkeypatch.setattr(pipeline, "PREFERRED_MODELS", ("no_such_model_abc",))
    pipeline._load_pipeline.cache_clear()
    try:
        path = tmp_path / "a.txt"
        path.write_text(
            "Acme results\n\nAcme said revenue rose 10% to $1.1 billion.\n", encoding="utf-8"
        )
        result = CliRunner().invoke(app, ["summarize", "--json", str(path), str(path)])
        assert result.exit_code == 0
        assert result.stderr.count("warning: no spaCy English model") == 1
        assert '"model":"blank:en"' in result.stdout
    finally:
        pipeline._load_pipeline.cache_clear()


def test_model_flag_accepts_a_path(tmp_path) -> None:  # type: ignore[no-untyped-def]
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.to_disk(tmp_path / "tiny")
    loaded = pipeline.load_pipeline(str(tmp_path / "tiny"))
    assert loaded.model == str(tmp_path / "tiny")
    doc = loaded.nlp("Profit fell 3 percent.")
    assert [s.text for s in doc.spans[SPAN_KEY]] == ["3 percent"]


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(pipeline.ModelError, match="no_such_model"):
        pipeline.load_pipeline("no_such_model_qq")


def test_a_figure_in_millions_ends_its_sentence() -> None:
    nlp = pipeline.load_pipeline().nlp
    doc = nlp("Turnover fell to £39m. Its rival made £41m. The 7 a.m. train was late.")
    sentences = [s.text for s in doc.sents]
    assert sentences[:2] == ["Turnover fell to £39m.", "Its rival made £41m."]
    # Other abbreviations keep their full stop.
    assert "a.m." in [t.text for t in doc]
