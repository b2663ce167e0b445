"""Canonical names: abbreviations join the name they spell, places stay places."""

from __future__ import annotations

from spacy.language import Language

from newscheck.nlp.entities import canonical
from newscheck.nlp.pipeline import load_pipeline


def _nlp() -> Language:
    return load_pipeline(None).nlp


def test_abbreviation_joins_the_name_it_spells() -> None:
    doc = _nlp()(
        "British American Tobacco opened a plant. A spokeswoman for Bat declined to comment. "
        "Bat said it was pleased.\n"
    )
    names = {canonical(e) for e in doc.ents if e.text == "Bat"}
    assert names <= {"British American Tobacco"} and names


def test_a_place_is_not_the_short_form_of_a_longer_name() -> None:
    doc = _nlp()(
        "China has 300 million smokers, China Daily said. China will not allow new plants. "
        "Exports from China fell.\n"
    )
    assert {canonical(e) for e in doc.ents if e.text == "China"} == {"China"}
