"""How a figure stands to its frame: the value the frame names, or another side of it.

A frame says "revenue, Acme, 2025". The words around the figure can still make it
the other side of a comparison ("up from €4bn"), a value of another time ("a year
earlier, revenue was €4bn"), a superseded version ("its earlier outlook of 16%"),
another version of the measure ("adjusted", "organic") or someone else's estimate.
The checks compare only figures that stand alike, so this is read once per figure
here, from cue tables kept as data (`nlp/data/cues.json`), and carried on the
frame; no rule reads the words again.
"""

from __future__ import annotations

import re

from newscheck.nlp.relations import cues
from newscheck.nlp.types import Basis, Side, Standing

#: Where a clause ends: punctuation that sets off a phrase, or a contrasting conjunction.
_CLAUSE_END = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\bwhile\b|\bwhereas\b|\bbut\b")
#: "rose to $1.23B from $1.12B a year earlier": a figure after "to"/"at" is where a
#: movement ends, the current value even in a "year earlier" sentence.
_END_OF_MOVEMENT = re.compile(
    r"\b(?:to|at)\s*(?:a\s+record\s+|about\s+|around\s+|some\s+)?$", re.IGNORECASE
)
_BASES: tuple[tuple[Basis, str], ...] = (
    ("yoy", "basis_yoy"),
    ("qoq", "basis_qoq"),
    ("mom", "basis_mom"),
)
_VERSIONS = ("adjusted", "organic", "cumulative", "real")
#: Characters read on each side of the figure for its own phrase ("adjusted profit of").
_NEAR = 25
#: Characters read before the figure for a comparison word ("compared with about").
_BEFORE = 30
#: How far an estimator may stand from its verb ("analysts polled by Reuters expected").
_ESTIMATOR_REACH = 25


def is_change_role(role: str | None, direction: str | None) -> bool:
    """A change, also when a forecast sentence re-labels it "forecast" but keeps its
    direction ("expects sales to rise 10% to €5B")."""
    return role == "change" or (role in ("forecast", "target") and direction is not None)


def basis_of(text: str) -> Basis:
    """The comparison basis a text states: year, quarter or month before; "mixed" when
    it states two. Financial copy compares with a year earlier unless it says so."""
    found = {name for name, table in _BASES if cues.has(table, text)}
    if len(found) > 1:
        return "mixed"
    return found.pop() if found else "yoy"


def states_basis(text: str, *names: Basis) -> bool:
    """The text names one of these bases in words ("month on month")."""
    return any(cues.has(table, text) for name, table in _BASES if name in names)


def versions(text: str) -> frozenset[str]:
    return frozenset(v for v in _VERSIONS if cues.has(f"version_{v}", text))


def estimated(text: str) -> bool:
    """An estimator and its verb ("economists had forecast"), or an estimate named as one."""
    if cues.has("estimate_source", text):
        return True
    verbs = cues.pattern("estimate_verbs")
    for m in cues.pattern("estimators").finditer(text):
        reach = text[m.end() : m.end() + _ESTIMATOR_REACH + 40]
        for v in verbs.finditer(reach):
            if v.start() > _ESTIMATOR_REACH or re.search(r"[.;,]", reach[: v.start()]):
                break
            return True
    return False


def compared(before: str) -> bool:
    """The text before a figure ends with a comparison word ("up from", "versus the")."""
    if cues.ends_with("approx_than", before):
        return False  # "more than 50%" is an approximation, not a comparison
    stripped = before.rstrip(" \t,(:;-–—~")
    filler = [m for m in cues.pattern("compared_filler").finditer(stripped)]
    if filler and filler[-1].end() == len(stripped):
        stripped = stripped[: filler[-1].start()]
    return cues.ends_with("compared_before", stripped)


def superseded(lead_in: str) -> bool:
    """A revised, earlier or former version ("its earlier 16% outlook"). Phrases that
    name a comparison period ("from a year earlier") are not revisions."""
    for table in ("basis_yoy", "basis_qoq", "basis_mom", "time_shift"):
        lead_in = cues.pattern(table).sub(" ", lead_in)
    return cues.has("revision", lead_in)


def clause_bounds(
    text: str, start: int, end: int, sent_start: int, sent_end: int
) -> tuple[int, int]:
    """The figure's clause: from the last clause break before it to the next after it.

    What comes before a figure in its sentence qualifies it ("A year earlier, revenue
    was €4B"); what follows the next comma usually belongs to another figure.
    """
    start = min(max(start, sent_start), sent_end)
    end = min(max(end, sent_start), sent_end)
    breaks = [m.end() for m in _CLAUSE_END.finditer(text, sent_start, start)]
    after = _CLAUSE_END.search(text, end, sent_end)
    return (breaks[-1] if breaks else sent_start), (after.start() if after else sent_end)


def standing_of(
    text: str, start: int, end: int, sent_start: int, sent_end: int, *, change: bool = False
) -> Standing:
    """How the figure at text[start:end] stands, from its sentence text[sent_start:sent_end].

    `change`: the figure is a change. Its "from a year earlier" is its basis, not
    another time, so an earlier-time sentence leaves it current.
    """
    start = min(max(start, sent_start), sent_end)
    end = min(max(end, sent_start), sent_end)
    clause_start, clause_end = clause_bounds(text, start, end, sent_start, sent_end)
    lead_in = text[sent_start:clause_end]
    clause = text[clause_start:clause_end]
    before = text[max(sent_start, start - _BEFORE) : start]
    near = text[max(sent_start, start - _NEAR) : min(sent_end, end + _NEAR)]

    side: Side = "current"
    if compared(before):
        side = "compared"
    elif superseded(lead_in):
        side = "superseded"
    ends_movement = bool(_END_OF_MOVEMENT.search(text[max(sent_start, start - 24) : start]))
    if side == "current" and cues.has("time_shift", lead_in) and not (change or ends_movement):
        side = "earlier"
    is_compared = side == "compared"
    return Standing(
        side=side,
        basis=basis_of(lead_in) if change else None,
        version=versions(near),
        estimated=estimated(clause),
        aside=is_compared
        or cues.has("time_shift", clause)
        or cues.has("source_other", clause)
        or cues.has("revision", clause),
    )
