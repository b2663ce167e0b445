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

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from newscheck.nlp.checks.intervals import Interval
from newscheck.nlp.relations import cues, restated
from newscheck.nlp.relations.base import Candidate, RelationInput, proposer
from newscheck.nlp.relations.evidence import (
    agreement,
    content_words,
    digits,
    head,
    intervals_agree,
    jaccard,
    kin_words,
    kind_class,
    metric_words,
    numeric,
    ratio_far,
    resolved,
    same_measure,
    significant,
    slip,
    value_interval,
    values_agree,
)
from newscheck.nlp.types import Figure

#: Each figure is compared with at most this many earlier figures of its kind and
#: unit (plus every figure of the story's top): bounded work on pathological input.
MAX_EARLIER = 80
#: "The £12.4m fine", "the $808 million operating profit": a figure inside a definite
#: noun phrase names a quantity the story has already given.
_DEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:the|this|that|its)\s*$", re.I)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:a|an|the|in|of|on|to|for|from|and|or|was|is|were|are|will|would)\b)[a-z][a-z-]+",
    re.I,
)
#: The noun a figure's own noun phrase ends on: "a $12 million budget", "the £5.7m subsidy".
_HEAD_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?([a-z]+)\b(?=\s*[,.;:]|\s+(?:was|is|were|are|will|would|had|has|for|of|to|in|and)\b)",
    re.I,
)
#: "The spending plan, worth £421m, ...", "The money raised, £481,000, ...": the
#: definite noun phrase opens the sentence and the figure stands in apposition to it.
_APPOSED = re.compile(
    r"^\s*the(?:\s+[a-z][a-z'’-]*){1,4},\s*(?:worth\s+|of\s+|totalling\s+|totaling\s+)?$", re.I
)
_ROLE_CLASS = {"forecast": "forecast", "target": "forecast", "level": "level"}


def _role_class(fig: Figure) -> str:
    return _ROLE_CLASS.get(fig.role or "level", fig.role or "level")


@dataclass(frozen=True, slots=True)
class _View:
    """What one figure's own words say, read once: a figure takes part in many pairs."""

    fig: Figure
    metric: frozenset[str]
    context: frozenset[str]
    near: frozenset[str]  # the content words of the three words either side
    top: bool
    prior: bool  # an earlier value: "up from £285,000", "£3.8bn a year earlier"
    estimate: bool  # its sentence gives an estimate, forecast or target
    hypothetical: bool  # its clause is conditional: "would have cost"
    spelled: bool  # written in words, no digit
    long: bool  # three or more significant digits
    table: bool  # in a table's cell
    unchanged: bool  # its clause says it is as before: "kept its forecast of £2bn unchanged"
    # Its block is the whole story (text with no paragraph breaks): being in the top or in
    # one block with another figure then says nothing.
    whole: bool
    definite: bool  # inside a definite noun phrase that restates it: "the £5.7m subsidy"
    kin: frozenset[str]  # the words near it that name what it is, for `metric_kin`
    named: frozenset[str]  # the kin group of the noun its own phrase ends on: "a $12m budget"


def _view(inp: RelationInput, fig: Figure, whole: bool) -> _View:
    left, right = inp.words_around(fig, 8)
    clause = inp.before(fig, 60).rsplit(",", 1)[-1]
    return _View(
        fig,
        metric_words(fig),
        content_words(" ".join(left + right)),
        content_words(" ".join(left[-3:] + right[:3])),
        inp.is_top(fig),
        cues.ends_with("prior_before", inp.before(fig, 30))
        or cues.starts_with("prior_after", inp.after(fig, 30)),
        cues.has("estimate", inp.sentence_text(fig)),
        cues.has("hypothetical", clause),
        not any(ch.isdigit() for ch in fig.text),
        len(digits(fig).rstrip("0")) >= 3,
        inp.in_table(fig),
        cues.has("unchanged", clause + inp.after(fig, 30)),
        whole,
        _definite(inp, fig),
        kin_words(fig, left[-4:] + right[:4]),
        kin_words(
            fig,
            [m.group(1).lower()] if (m := _HEAD_AFTER.match(inp.after(fig, 30))) else [],
            metric=False,
        ),
    )


def _ambiguous(figs: list[Figure], a: Figure, b: Figure, view: Callable[[Figure], _View]) -> bool:
    """Another figure of the measure is a noun phrase of a kin noun ("a $12m budget"): "the
    $69m budget" may restate either of two budgets."""
    kin = view(b).kin
    return any(f.id not in (a.id, b.id) and view(f).named & kin for f in figs)


def _definite(inp: RelationInput, fig: Figure) -> bool:
    """The figure sits in a definite noun phrase: "the £83m terminal project", or in
    apposition to one opening its sentence: "The money raised, £481,000, will ..."."""
    s = inp.sentence(fig)
    opening = inp.text[s.start : fig.a_start] if s is not None else ""
    if _APPOSED.match(opening):
        return True
    return bool(_DEFINITE_BEFORE.search(inp.before(fig, 12))) and bool(
        _NOUN_AFTER.match(inp.after(fig, 30))
    )


def features(
    va: _View, vb: _View, kind: str | None, series: frozenset[str] = frozenset()
) -> dict[str, float]:
    """The evidence that a (earlier) and b (later) state the same quantity; `kind` is the
    copying slip between their values, if any."""
    a, b = va.fig, vb.fig
    f: dict[str, float] = {}
    ma, mb = va.metric, vb.metric
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
    ca, cb = va.context, vb.context
    f["context_overlap"] = jaccard(ca, cb)
    f["context_shared"] = min(len(ca & cb), 4) / 4
    # A word right beside both ("sales rose 13%", "staff numbers of 800,000"): the
    # phrase itself repeated, not just the paragraph's topic.
    f["context_near"] = float(bool(va.near & vb.near))
    f["one_top"] = float(va.top != vb.top)
    # A table sums the story up as a headline does: its cells are restated in prose.
    f["one_table"] = float(va.table != vb.table)
    f["declared_same"] = float(va.unchanged or vb.unchanged)
    # The later figure restates the earlier one in other words: a definite noun phrase
    # whose noun is kin to the earlier one's ("a penalty of £14.2m" ... "the £12.4m fine").
    restated = vb.definite and not va.definite and bool(va.kin & vb.kin)
    f["restated_kin"] = float(restated)
    f["both_top"] = float(va.top and vb.top and not va.whole)
    f["same_block"] = float(a.block == b.block and not va.whole)
    f["approx_any"] = float(a.approx is not None or b.approx is not None)
    f["prior_xor"] = float(va.prior != vb.prior)
    f["estimate_xor"] = float(va.estimate != vb.estimate)
    # A result and someone's expectation of it, a plan and a supposition: not one quantity.
    f["modality_conflict"] = float(
        a.modality is not None and b.modality is not None and a.modality != b.modality
    )
    f["hypothetical_any"] = float(va.hypothetical or vb.hypothetical)
    f["spelled_any"] = float(va.spelled or vb.spelled)
    agree = kind is None and values_agree(a, b)
    f["value_agree"] = float(agree)
    how = agreement(a, b) if agree else None
    f["value_equal"] = float(how == "equal")
    f["value_rounded"] = float(how == "rounded")
    f["value_bound"] = float(how == "bound")
    # An equal value is worth as much as it is unlikely by chance: "£38,831" twice is one
    # figure, "21" twice (an age, a count) is often two things that happen to match.
    long_equal = how == "equal" and max(significant(a), significant(b)) >= 3
    f["value_long"] = float(long_equal)
    f["value_small"] = float(
        how == "equal" and a.kind == "number" and float(a.value) < 100  # type: ignore[arg-type]
    )
    # Not one word in common around them is a step, not a point on a scale: a figure
    # restated is nearly always restated with a word of what it counts ("18" and "18"
    # with nothing in common around them are two ages, two limits, two counts). Only
    # for a value that two things can share by chance: "€2.36 billion" twice is one
    # figure however differently each sentence names it ("profit", "the result").
    f["context_none_short"] = float(not ca & cb and not long_equal)
    f["slip_scale"] = float(kind == "scale")
    f["slip_transposed"] = float(kind == "transposed")
    f["slip_digit"] = float(kind == "digit")
    # A slip between long numbers is telling: 1,468 and 1,486 are seldom two different
    # things said in one story, 14 and 41 often are.
    f["slip_long"] = float(kind is not None and va.long and vb.long)
    # Their two blocks restate a series by period ("2.1% in 2026, 1.8% in 2027 and 2.0%
    # in 2028"), other periods equal in both: this pair is the one item that is not.
    f["series_restated"] = float(f["period_same"] > 0 and any(p != a.period for p in series))
    f["value_far"] = float(not agree and kind is None and ratio_far(a, b))
    f["value_near"] = float(not agree and kind is None and not ratio_far(a, b))
    if restated:
        # A definite noun phrase carries its antecedent's role and modality: "the £83m
        # project would make ..." restates the cost, it does not forecast one.
        f["role_same"], f["role_conflict"] = 1.0, 0.0
        f["modality_conflict"] = 0.0
        f["estimate_xor"] = 0.0
    return f


def _eligible(fig: Figure) -> bool:
    return numeric(fig) and fig.role != "conversion" and float(fig.value) > 0  # type: ignore[arg-type]


@proposer("same-quantity")
def same_quantity(inp: RelationInput) -> Iterator[Candidate]:
    groups: dict[tuple[str, str | None], list[Figure]] = {}
    for fig in inp.figures:
        if _eligible(fig):
            groups.setdefault((kind_class(fig), fig.unit), []).append(fig)
    views: dict[str, _View] = {}
    whole = len({s.block for s in inp.sentences}) <= 1

    intervals: dict[str, Interval] = {}

    def interval_of(fig: Figure) -> Interval:
        if fig.id not in intervals:
            intervals[fig.id] = value_interval(fig)
        return intervals[fig.id]

    def view(fig: Figure) -> _View:
        if fig.id not in views:
            views[fig.id] = _view(inp, fig, whole)
        return views[fig.id]

    pairs_framed = restated.frame_key_pairs(inp)
    framed = {(a.id, b.id) for a, b in pairs_framed}
    for figs in groups.values():
        top = [f for f in figs if inp.is_top(f)]
        pairs: list[tuple[Figure, Figure, str | None]] = []
        # The periods at which two blocks state equal figures of one period each.
        agreed: dict[tuple[int, int], set[str]] = {}
        for i, b in enumerate(figs):
            earlier = figs[max(0, i - MAX_EARLIER) : i]
            seen = {e.id for e in earlier}
            earlier += [t for t in top if t.a_start < b.a_start and t.id not in seen]
            for a in earlier:
                if a.sentence == b.sentence or not same_measure(a, b):
                    continue
                # Two values that neither agree nor differ by a copying slip are never one
                # quantity to either view of the model: not worth the features.
                agrees = intervals_agree(interval_of(a), interval_of(b))
                kind = None if agrees else slip(a, b, agrees=False)
                if kind is None and not agrees:
                    continue
                pairs.append((a, b, kind))
                if kind is None and resolved(a.period) and a.period == b.period:
                    agreed.setdefault((a.block, b.block), set()).add(str(a.period))
        for a, b, kind in pairs:
            series = frozenset(agreed.get((a.block, b.block), ())) if kind else frozenset()
            feats = features(view(a), view(b), kind, series)
            if feats.get("restated_kin") and _ambiguous(figs, a, b, view):
                feats = features(view(a), replace(view(b), definite=False), kind, series)
            feats[restated.FEATURE] = float((a.id, b.id) in framed)
            framed.discard((a.id, b.id))
            yield Candidate("same_as", (a.id, b.id), ("a", "b"), feats)
    # A restatement the frames agree on is a candidate whatever its values say: a rate
    # of change of one metric and period is one fact however it differs.
    for a, b in pairs_framed:
        if (a.id, b.id) in framed:
            feats = features(view(a), view(b), slip(a, b), frozenset())
            feats[restated.FEATURE] = 1.0
            yield Candidate("same_as", (a.id, b.id), ("a", "b"), feats)
