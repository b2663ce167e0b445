"""Claims: sentences and bullets that assert something a fact-checker can check.

A claim carries its figures and a check-worthiness score in 0..1 with the
reasons behind it, in the spirit of ClaimBuster's features (numbers, comparisons,
attribution, predictions), kept transparent so an editor can see why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newscheck.nlp.types import Figure, Sentence

CLAIM_BLOCKS = frozenset({"headline", "paragraph", "bullet"})

_COMPARISON = re.compile(
    r"\b(record|highest|lowest|largest|biggest|smallest|fastest|slowest|"
    r"first(?![- ](?:quarter|half|time))|only|most|least|"
    r"more than|less than|fewer than|outpac\w*|doubl\w*|tripl\w*|halv\w*|compared with|"
    r"compared to|versus|than)\b",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r"\b(said|says|told|according to|reported|reports|announced|estimated|stated|claimed|"
    r"confirmed|showed|shows|found)\b",
    re.IGNORECASE,
)
_FORECAST = re.compile(
    r"\b(will|expects?|expected|forecasts?|projects?|projected|predicts?|outlook|guidance|"
    r"target\w*|aims?|plans? to|by 20\d\d|through 20\d\d)\b",
    re.IGNORECASE,
)


@dataclass(slots=True)
class ClaimCandidate:
    sentence: Sentence
    figures: list[str]
    score: float
    reasons: list[str]


def score_claims(
    sentences: Sequence[Sentence],
    block_kinds: Sequence[str],
    figures: Sequence[Figure],
    entity_offsets: Sequence[tuple[int, int, str]],
) -> list[ClaimCandidate]:
    """Every sentence with at least one reason to check it, in article order.

    `entity_offsets` are (analysis start, analysis end, name) of named entities.
    """
    by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(f.sentence, []).append(f)
    out: list[ClaimCandidate] = []
    for s in sentences:
        if block_kinds[s.block] not in CLAIM_BLOCKS:
            continue
        figs = by_sentence.get(s.index, [])
        values = [f for f in figs if f.kind not in ("date", "period")]
        reasons: list[str] = []
        score = 0.0
        if values:
            score += 0.35 + min(0.1 * (len(values) - 1), 0.2)
            kinds = sorted({f.kind for f in values})
            reasons.append(
                f"{len(values)} figure{'s' if len(values) > 1 else ''} ({', '.join(kinds)})"
            )
        if any(f.role == "change" for f in values):
            score += 0.1
            reasons.append("states a change")
        if m := _COMPARISON.search(s.text):
            score += 0.15
            reasons.append(f"comparison: {m.group(0).lower()}")
        if m := _ATTRIBUTION.search(s.text):
            score += 0.1
            reasons.append(f"attribution: {m.group(0).lower()}")
        if m := _FORECAST.search(s.text):
            score += 0.1
            reasons.append(f"forecast: {m.group(0).lower()}")
        names = sorted({name for a, b, name in entity_offsets if s.start <= a and b <= s.end})
        if names:
            score += 0.1
            reasons.append("names " + ", ".join(names[:3]))
        if any(f.kind in ("date", "period") for f in figs):
            score += 0.05
            reasons.append("dated")
        # A claim needs something checkable: a figure, a comparison or an attribution.
        if not values and not _COMPARISON.search(s.text) and not _ATTRIBUTION.search(s.text):
            continue
        out.append(ClaimCandidate(s, [f.id for f in values], round(min(score, 1.0), 3), reasons))
    return out
