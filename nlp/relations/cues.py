"""Cue tables (`nlp/data/cues.json`): word lists the proposers read, kept as data."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, object]]:
    text = resources.files("newscheck.nlp").joinpath("data", "cues.json").read_text("utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@lru_cache(maxsize=256)
def pattern(name: str) -> re.Pattern[str]:
    """One regex matching any phrase of the table, as whole words, case-insensitive.

    A phrase ending in "*" matches any word that begins with it ("expect*": expected,
    expectations).
    """
    phrases = sorted(_tables()[name]["phrases"], key=len, reverse=True)  # type: ignore[arg-type]
    alt = "|".join(_phrase_rx(p) for p in phrases)
    return re.compile(rf"(?<![A-Za-z])(?:{alt})(?![A-Za-z])", re.IGNORECASE)


def _phrase_rx(phrase: str) -> str:
    stem = phrase.removesuffix("*")
    rx = re.escape(stem).replace(r"\ ", r"\s+")
    return rx + "[A-Za-z]*" if stem != phrase else rx


def has(name: str, text: str) -> bool:
    return pattern(name).search(text) is not None


def ends_with(name: str, text: str) -> bool:
    """The text ends with a cue of the table (whitespace and punctuation aside)."""
    stripped = text.rstrip(" \t,(:;-–—~")
    return any(m.end() == len(stripped) for m in pattern(name).finditer(stripped))


def starts_with(name: str, text: str) -> bool:
    """The text begins with a cue of the table (whitespace and punctuation aside)."""
    stripped = text.lstrip(" \t,(:;-–—")
    m = pattern(name).match(stripped)
    return m is not None


def names() -> list[str]:
    return sorted(_tables())
