"""A corpus of real encodings, written by the tests: each decodes to the text that was
encoded, keeps its figures, and names the decision and its confidence on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newscheck.cli.app import app
from newscheck.nlp.errors import SourceError
from newscheck.nlp.source import from_bytes

POUNDS = "Revenue rose 5% to £100m, from £95m.\n"
EUROS = "Sales reached €1.2bn in the café’s first year – up 4%.\n"
FRENCH = (
    "Le chiffre d’affaires a progressé de 4 % à 1,2 milliard d’euros, selon la société à Lyon.\n"
)
GERMAN = "Der Umsatz stieg um 5 % auf 300 Millionen Euro, teilte die Gesellschaft in München mit.\n"

# (name, text, bytes, codec newscheck reports)
CORPUS: list[tuple[str, str, bytes, str]] = [
    ("cp1252-pounds", POUNDS, POUNDS.encode("cp1252"), "cp1252"),
    ("cp1252-euros", EUROS, EUROS.encode("cp1252"), "cp1252"),
    (
        "latin-1-french",
        FRENCH.replace("’", "'"),
        FRENCH.replace("’", "'").encode("latin-1"),
        "cp1252",
    ),
    ("latin-1-german", GERMAN, GERMAN.encode("latin-1"), "cp1252"),
    ("mac-roman-french", FRENCH, FRENCH.encode("mac-roman"), "mac-roman"),
    # "£" is the same byte in Mac Roman and Windows-1252: the same text either way.
    ("mac-roman-pounds", POUNDS, POUNDS.encode("mac-roman"), "cp1252"),
    ("utf-8-sig", EUROS, EUROS.encode("utf-8-sig"), "utf-8-sig"),
    ("utf-16-le-bom", EUROS, EUROS.encode("utf-16"), "utf-16-le"),
    ("utf-16-be-bom", EUROS, b"\xfe\xff" + EUROS.encode("utf-16-be"), "utf-16-be"),
    ("utf-16-le", EUROS, EUROS.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be", POUNDS, POUNDS.encode("utf-16-be"), "utf-16-be"),
    ("utf-32-le-bom", EUROS, EUROS.encode("utf-32"), "utf-32-le"),
    ("utf-32-be-bom", POUNDS, b"\x00\x00\xfe\xff" + POUNDS.encode("utf-32-be"), "utf-32-be"),
]


@pytest.mark.parametrize(("name", "text", "data", "codec"), CORPUS, ids=[c[0] for c in CORPUS])
def test_corpus_decodes_exactly(name: str, text: str, data: bytes, codec: str) -> None:
    src = from_bytes(data, name=f"{name}.txt")
    assert src.original == text
    assert src.encoding == codec


def test_latin1_bytes_are_read_as_cp1252_with_the_same_text() -> None:
    # Latin-1 and Windows-1252 agree on every printable byte they share; where they
    # differ (0x80-0x9F) Latin-1 has control characters, so cp1252 is the reading.
    data = "Prices: 5 ½ % up, 3° colder, £4 less\n".encode("latin-1")
    assert from_bytes(data, name="x.txt").original == "Prices: 5 ½ % up, 3° colder, £4 less\n"


def test_cjk_legacy_text_still_goes_to_detection() -> None:
    text = "東京証券取引所の株価は本日大幅に上昇しました。投資家は慎重な姿勢を崩していません。" * 4
    src = from_bytes(text.encode("shift_jis"), name="jp.txt")
    assert src.original == text
    assert src.notes and "charset-normalizer, confidence" in src.notes[0]


def test_utf16_without_bom_is_not_binary_but_random_nuls_are() -> None:
    assert from_bytes("Sales rose 5%.\n".encode("utf-16-le"), name="x").original == (
        "Sales rose 5%.\n"
    )
    with pytest.raises(SourceError, match="NC-E005"):
        from_bytes(b"\x00\x01\x02\x03PNG\x00\x00\x10\xff\xd8" * 20, name="x.bin")


@pytest.mark.parametrize(("name", "text", "data", "codec"), CORPUS, ids=[c[0] for c in CORPUS])
def test_figures_survive_and_the_decision_is_named(
    tmp_path: Path, name: str, text: str, data: bytes, codec: str
) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["summarize", "--json", str(path)])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    figures = [f["text"] for f in doc["figures"] if f["kind"] in ("money", "percent")]
    if "£" in text:
        assert figures[:3] == ["5%", "£100m", "£95m"]
    if "€1.2bn" in text:
        assert "€1.2bn" in figures
    for f in doc["figures"]:
        assert text[f["start"] : f["end"]] == f["text"]
    lines = result.stderr.splitlines()
    if codec == "utf-8-sig":
        assert lines == []
    else:
        assert len(lines) == 1 and lines[0].startswith(
            f"newscheck: note: {path}: decoded as {codec} ("
        )
        assert "%" in lines[0] or "byte-order mark" in lines[0]  # a confidence, or a certainty
