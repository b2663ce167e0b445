"""`same_as`: two mentions of one quantity, at any scale and in any words.

Every pair of figures of the same kind and unit in different sentences is a
candidate. The evidence is what a sub-editor reads: do the words around them
name the same thing (metric, segment, entity, the surrounding content words),
are they the same period, role and modality, does one sum the story up (the
headline, a bullet, the lead) while the other is in the body, and how do the
values relate: equal at the stated precision, a copying slip (a power of ten,
two digits swapped, one digit changed), or unrelated.
"""

from __future__ import annotations

from collections.abc import Iterator

from newscheck.nlp.relations import cues
from newscheck.nlp.relations.base import Candidate, RelationInput, proposer
from newscheck.nlp.relations.evidence import (
    content_words,
    digits,
    head,
    jaccard,
    kind_class,
    metric_words,
    numeric,
    ratio_far,
    resolved,
    same_measure,
    slip,
    values_agree,
)
from newscheck.nlp.types import Figure

#: Each figure is compared with at most this many earlier figures of its kind and
#: unit (plus every figure of the story's top): bounded work on pathological input.
MAX_EARLIER = 80
_ROLE_CLASS = {"forecast": "forecast", "target": "forecast", "level": "level"}


def _role_class(fig: Figure) -> str:
    return _ROLE_CLASS.get(fig.role or "level", fig.role or "level")


def _context(inp: RelationInput, fig: Figure) -> frozenset[str]:
    left, right = inp.words_around(fig, 8)
    return content_words(" ".join(left + right))


def _clause_before(inp: RelationInput, fig: Figure) -> str:
    return inp.before(fig, 60).rsplit(",", 1)[-1]


def _prior(inp: RelationInput, fig: Figure) -> bool:
    """The figure is an earlier value: "up from £285,000", "£3.8bn a year earlier"."""
    return cues.ends_with("prior_before", inp.before(fig, 30)) or cues.starts_with(
        "prior_after", inp.after(fig, 30)
    )


def features(inp: RelationInput, a: Figure, b: Figure) -> dict[str, float]:
    """The evidence that a (earlier) and b (later) state the same quantity."""
    f: dict[str, float] = {}
    ma, mb = metric_words(a), metric_words(b)
    f["metric_head"] = float(head(a.metric) is not None and head(a.metric) == head(b.metric))
    f["metric_overlap"] = jaccard(ma, mb)
    f["metric_conflict"] = float(bool(ma) and bool(mb) and not (ma & mb))
    f["segment_conflict"] = float(
        a.segment is not None and b.segment is not None and a.segment != b.segment
    )
    f["entity_same"] = float(a.entity is not None and a.entity == b.entity)
    f["entity_conflict"] = float(
        a.entity is not None and b.entity is not None and a.entity != b.entity
    )
    f["period_same"] = float(resolved(a.period) and a.period == b.period)
    f["period_conflict"] = float(
        a.period is not None and b.period is not None and a.period != b.period
    )
    ra, rb = _role_class(a), _role_class(b)
    f["role_same"] = float(ra == rb)
    f["role_conflict"] = float(ra != rb)
    ca, cb = _context(inp, a), _context(inp, b)
    f["context_overlap"] = jaccard(ca, cb)
    f["context_shared"] = min(len(ca & cb), 4) / 4
    ta, tb = inp.is_top(a), inp.is_top(b)
    f["one_top"] = float(ta != tb)
    f["both_top"] = float(ta and tb)
    f["same_block"] = float(a.block == b.block)
    f["approx_any"] = float(a.approx is not None or b.approx is not None)
    f["prior_xor"] = float(_prior(inp, a) != _prior(inp, b))
    ea = cues.has("estimate", inp.sentence_text(a))
    eb = cues.has("estimate", inp.sentence_text(b))
    f["estimate_xor"] = float(ea != eb)
    f["hypothetical_any"] = float(
        cues.has("hypothetical", _clause_before(inp, a))
        or cues.has("hypothetical", _clause_before(inp, b))
    )
    f["spelled_any"] = float(
        not any(ch.isdigit() for ch in a.text) or not any(ch.isdigit() for ch in b.text)
    )
    agree = values_agree(a, b)
    kind = slip(a, b)
    f["value_agree"] = float(agree)
    f["slip_scale"] = float(kind == "scale")
    f["slip_transposed"] = float(kind == "transposed")
    f["slip_digit"] = float(kind == "digit")
    # A slip between long numbers is telling: 1,468 and 1,486 are seldom two different
    # things said in one story, 14 and 41 often are.
    f["slip_long"] = float(
        kind is not None and min(len(digits(a).rstrip("0")), len(digits(b).rstrip("0"))) >= 3
    )
    f["value_far"] = float(not agree and kind is None and ratio_far(a, b))
    f["value_near"] = float(not agree and kind is None and not ratio_far(a, b))
    return f


def _eligible(fig: Figure) -> bool:
    return numeric(fig) and fig.role != "conversion" and float(fig.value) > 0  # type: ignore[arg-type]


@proposer("same-quantity")
def same_quantity(inp: RelationInput) -> Iterator[Candidate]:
    groups: dict[tuple[str, str | None], list[Figure]] = {}
    for fig in inp.figures:
        if _eligible(fig):
            groups.setdefault((kind_class(fig), fig.unit), []).append(fig)
    for figs in groups.values():
        top = [f for f in figs if inp.is_top(f)]
        for i, b in enumerate(figs):
            earlier = figs[max(0, i - MAX_EARLIER) : i]
            seen = {e.id for e in earlier}
            earlier += [t for t in top if t.a_start < b.a_start and t.id not in seen]
            for a in earlier:
                if a.sentence == b.sentence or not same_measure(a, b):
                    continue
                # Two values that neither agree nor differ by a copying slip are never one
                # quantity to either view of the model: not worth the features.
                if not values_agree(a, b) and slip(a, b) is None:
                    continue
                yield Candidate("same_as", (a.id, b.id), ("a", "b"), features(inp, a, b))
