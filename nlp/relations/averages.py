"""`average_of`: an average stated with the total and the count it divides.

"Dealers sold 2,000 cars ... The total value of those sales was £60 million,
putting the average price at £30,000"; "staff logged 1,800 hours of overtime
..., an average of 450 minutes per shift". The
average is marked by a cue ("average", "each", "for every", "per"); its total
is a figure of the same kind (money with money, a duration with a duration)
near it, and its count a plain count near it. Evidence: where they stand, a
"total" cue on the total, the count's noun met in the average's words, an
earlier value ("compared with 2,500") as the count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newscheck.nlp.relations import cues
from newscheck.nlp.relations.base import Candidate, RelationInput, proposer
from newscheck.nlp.relations.evidence import kind_class, numeric
from newscheck.nlp.relations.parts import (
    FAR,
    clause_before,
    content_stems,
    noun_after,
    prior_cued,
)
from newscheck.nlp.types import Figure

#: Seconds per time unit, by the stem `noun_after` gives.
DURATION = {
    "secon": 1.0,
    "minut": 60.0,
    "hour": 3600.0,
    "day": 86400.0,
    "week": 604800.0,
    "month": 2629800.0,
    "year": 31557600.0,
}
#: How many sentences before the average its total and count may stand.
WINDOW = 3


def duration_unit(inp: RelationInput, fig: Figure) -> float | None:
    if kind_class(fig) != "number":
        return None
    return DURATION.get(noun_after(inp, fig) or "")


def _per_text(inp: RelationInput, fig: Figure) -> str:
    """The words right after the figure, up to the clause's end: "minutes for every shift"."""
    return re.split(r"[,;:()\u2014\u2013]", inp.after(fig, 40))[0]


def _averaged(inp: RelationInput, fig: Figure) -> bool:
    """Called an average: "25 dlrs per share" alone is a price or a rate, not an average."""
    return cues.has("average", clause_before(inp, fig, 50))


def _compound(inp: RelationInput, fig: Figure) -> bool:
    """ "4 minutes, 55 seconds": the figure is only the first part of the duration."""
    return re.match(r"^\s*[a-z]+,?\s+(?:and\s+)?\d", inp.after(fig, 20)) is not None


def _count(inp: RelationInput, fig: Figure) -> bool:
    return (
        numeric(fig)
        and kind_class(fig) == "number"
        and fig.unit is None
        and duration_unit(inp, fig) is None
        and float(fig.value) >= 2  # type: ignore[arg-type]
        and any(c.isdigit() for c in fig.text)
        and fig.role not in ("change", "share")
    )


def _near(inp: RelationInput, avg: Figure) -> list[Figure]:
    return [
        f
        for f in inp.figures
        if f is not avg and avg.sentence - WINDOW <= f.sentence <= avg.sentence and numeric(f)
    ]


@proposer("average-of")
def average_of(inp: RelationInput) -> Iterator[Candidate]:
    for avg in inp.figures:
        if not numeric(avg) or avg.role == "change" or not _averaged(inp, avg):
            continue
        avg_unit = duration_unit(inp, avg)
        money = kind_class(avg) == "money"
        if (not money and avg_unit is None) or _compound(inp, avg):
            continue
        per = _per_text(inp, avg)
        per_words = content_stems(per) - {"minut", "hour", "secon", "day", "week"}
        near = _near(inp, avg)
        totals = [
            t
            for t in near
            if t.a_end <= avg.a_start
            and t.role not in ("change", "share")
            and (
                (money and kind_class(t) == "money" and t.unit == avg.unit and t.converts is None)
                or (avg_unit is not None and duration_unit(inp, t) is not None)
            )
        ]
        counts = [c for c in near if _count(inp, c)]
        avg_words = content_stems(inp.sentence_text(avg))
        for total in totals:
            for count in counts:
                if count is total:
                    continue
                noun = noun_after(inp, count)
                cw = content_stems(clause_before(inp, count)) | ({noun} if noun else set())
                total_cued = cues.has("total", clause_before(inp, total, 40))
                if not total_cued and total.sentence != avg.sentence:
                    # A total stated as such, or in the average's own sentence: a segment's
                    # revenue two sentences back is one of several amounts it could divide.
                    continue
                t_sec, a_sec = duration_unit(inp, total), avg_unit
                factor = (t_sec / a_sec) if (t_sec and a_sec) else 1.0
                implied = factor * float(total.value) / float(count.value)  # type: ignore[arg-type]
                stated = float(avg.value)  # type: ignore[arg-type]
                f = {
                    "average_cue": 1.0,
                    "total_cue": float(cues.has("total", clause_before(inp, total, 40))),
                    "count_total_cue": float(cues.has("total", clause_before(inp, count, 40))),
                    "total_same_sentence": float(total.sentence == avg.sentence),
                    "count_same_sentence": float(count.sentence == avg.sentence),
                    "count_noun_match": float(bool(cw & avg_words)),
                    "count_prior": float(prior_cued(inp, count)),
                    "count_after": float(count.a_start > avg.a_start),
                    "count_distance": (avg.sentence - count.sentence) / WINDOW,
                    # "per mile", "for every visitor": the count must be of that.
                    "per_noun_match": float(bool(per_words & cw)),
                    "per_noun_mismatch": float(bool(per_words) and not per_words & cw),
                    # A stated average is about right or the relation is wrong.
                    "ratio_far": float(
                        stated <= 0 or not (stated / FAR <= implied <= stated * FAR)
                    ),
                }
                yield Candidate(
                    "average_of",
                    (avg.id, total.id, count.id),
                    ("average", "total", "count"),
                    f,
                    exclusive=(avg.id,),
                )
