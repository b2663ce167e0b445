"""Modality: is a figure a fact, a forecast, an expectation, a supposition or a claim?

A fact-checker compares an actual result with an actual result: "profit of £1.2bn"
is not contradicted by "analysts had expected £1.3bn", nor by "the plan could
cost £1bn". The frame's role already says forecast and target; this reads the
figure's own clause for the rest, with cue tables kept as data in
`nlp/data/cues.json` (`modality_*`).
"""

from __future__ import annotations

import re
from typing import Literal

from newscheck.nlp.relations import cues

Modality = Literal["actual", "expected", "forecast", "hypothetical", "reported_by_other"]
MODALITIES: tuple[Modality, ...] = (
    "actual",
    "expected",
    "forecast",
    "hypothetical",
    "reported_by_other",
)
#: Where a clause begins, looking back from the figure.
_CLAUSE_START = re.compile(r"[;:—–]|,\s+(?:and|but|while|whereas|which|who)\b|\b(?:but|while)\b")
#: How far after the figure its clause is read ("7.9% growth expected in 2004").
AFTER = 40


def clause_around(text: str, start: int, end: int, sent_start: int, sent_end: int) -> str:
    """The figure's clause: back to the last clause break in its sentence, a little after."""
    before = text[sent_start:start]
    breaks = list(_CLAUSE_START.finditer(before))
    lo = sent_start + (breaks[-1].end() if breaks else 0)
    after = text[end : min(sent_end, end + AFTER)]
    cut = _CLAUSE_START.search(after)
    return text[lo:start] + " " + (after[: cut.start()] if cut else after)


def modality_of(role: str | None, clause: str) -> Modality:
    """The figure's modality from its role and its clause's words."""
    if cues.has("modality_hypothetical", clause):
        return "hypothetical"
    if cues.has("modality_expected", clause):
        return "expected"
    if cues.has("modality_claim", clause):
        return "reported_by_other"
    # The frame's role says the sentence looks ahead ("will", a future year); the figure is
    # forecast only when its own clause says so: "will offer the doll for $3.00" is a price.
    if role in ("forecast", "target") and cues.has("modality_forecast", clause):
        return "forecast"
    return "actual"
