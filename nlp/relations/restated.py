"""Evidence for `same_as`: one fact restated with every slot of its frame the same.

Two mentions whose frames agree on metric, segment, entity, period, role,
modality, kind and unit, neither of which anything marks as a different thing
(the "from" side of a comparison, an earlier or superseded value, an estimate,
a hypothetical, an item of a breakdown, another basis of change), and one of
which sums the story up (headline, key points, lead), are one statement made
twice. `frame_key_pairs` finds, for each such later mention, the earlier one
it restates; the same-quantity proposer (`same.py`) marks those pairs with the
`frame_key` feature, which the identity view of `same_as` weighs so that a pair
is kept whatever its values, for NC101 to judge.

Which earlier mention a later one restates: one that differs from it by what
looks like a slip (a rate of change of one metric and period is one fact however
it differs; two levels only when a copying slip links them), else one that
agrees. Two levels of one frame that differ by no slip (39,500 homes at dawn,
48,000 by noon) are two quantities, and no pair is made.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from newscheck.nlp.checks.common import (
    agree,
    comparable_size,
    context_marks,
    headline_interval,
    headline_sentences,
    is_change,
    is_numeric,
    just_before,
    kind_class,
    lead_in,
    magnitude,
    multiplier_ratio,
    noisy,
    plain_statement,
    resolved_period,
    sane_metric,
    sentence_bounds,
    single_subject,
    span_of,
    top_sentences,
    value,
)
from newscheck.nlp.checks.intervals import Interval
from newscheck.nlp.checks.registry import CheckContext
from newscheck.nlp.relations.base import RelationInput
from newscheck.nlp.relations.evidence import slip, values_agree
from newscheck.nlp.relations.parts import of_own
from newscheck.nlp.types import Figure

FEATURE = "frame_key"
_ROLES = frozenset({"level", "change", "share", "forecast", "target"})

#: "If they fail, the price may drop to 14 dlrs": a hypothetical figure is
#: no statement of the fact. Lower case only, so that the month May is not one.
_HYPOTHETICAL = re.compile(r"\b(?:[Ii]f|would|could|might|may)\b")
#: "will invest 24 pct, or 120 mln dlrs": an amount restating a share is a part.
_SHARE_OR = re.compile(r"\d\s*(?:pct|percent|per cent|%)\s*,?\s*or\s*(?:about\s+|some\s+)?$", re.I)
#: Words after which the figures of a sentence are the items of a breakdown.
_BREAKDOWN = re.compile(
    r"\b(?:split (?:evenly |equally )?(?:between|among|across|into)|made up of|comprised|comprising|"
    r"comprises?|consist(?:s|ed|ing)? of|divided (?:between|among|into)|broken down|of which|"
    r"including|includes?)\b",
    re.IGNORECASE,
)
#: "called the $421 million budget": a definite reference back to an amount already given.
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+$", re.IGNORECASE)
_NEXT_WORDS = re.compile(r"(?:[\s-]+[A-Za-z]+){1,3}")


def signed(fig: Figure, headline: bool = False) -> Interval:
    """A change as a signed interval (a fall is negative); a level as is."""
    if fig.kind == "multiplier":
        return multiplier_ratio(fig)
    if not is_change(fig):
        return headline_interval(fig) if headline else span_of(fig)
    size, direction = magnitude(fig)
    return (-size[1], -size[0]) if direction == "down" else size


def same_precision_unequal(a: Figure, b: Figure) -> bool:
    """Two values given to one precision agree only when equal: "1.1%" and "1.2%" touch at
    1.15 as intervals but are two different statements."""
    if a.approx or b.approx or is_change(a) != is_change(b) or a.kind == "multiplier":
        return False
    ia, ib = span_of(a), span_of(b)
    width_a, width_b = ia[1] - ia[0], ib[1] - ib[0]
    if width_a <= 0 or abs(width_a - width_b) > 1e-9 * max(1.0, width_a):
        return False
    return not values_agree(a, b)


def differ(a: Figure, b: Figure, heads: frozenset[int]) -> bool:
    """The two mentions state different values (a headline may round or truncate)."""
    sa, sb = signed(a, a.sentence in heads), signed(b, b.sentence in heads)
    return not agree(sa, sb) or same_precision_unequal(a, b)


def _opposite_only(a: Figure, b: Figure, heads: frozenset[int]) -> bool:
    """Two changes of one size read in opposite directions: a misread direction word is
    likelier than a story that says both "rose 2.4%" and "fell 2.4%"."""
    sa, sb = signed(a, a.sentence in heads), signed(b, b.sentence in heads)
    return agree((-sa[1], -sa[0]), sb)


def _names_metric(ctx: CheckContext, fig: Figure) -> bool:
    """The amount modifies its metric's noun: "$421 million budget"."""
    m = _NEXT_WORDS.match(ctx.text, fig.a_end)
    if m is None or not fig.metric:
        return False
    head = fig.metric.split()[-1].rstrip("s")
    return any(w.lower().rstrip("s") == head for w in re.findall(r"[A-Za-z]+", m[0]))


def _eligible(
    inp: RelationInput,
    fig: Figure,
    bases: set[str],
    targets: set[str],
    *,
    anonymous_ok: bool,
    undated: bool = False,
) -> bool:
    ctx = inp.checks
    if not is_numeric(fig) or not sane_metric(fig) or noisy(fig.segment):
        return False
    # "sales of its hospital products rose 13 pct": one of the owner's lines, its segment
    # unread, is no restatement of the group's figure.
    if fig.segment is None and of_own(inp, fig):
        return False
    # A count spelled out ("five institutes") counts a set the sentence names; two of
    # them are seldom the same set restated.
    if fig.kind == "number" and not any(ch.isdigit() for ch in fig.text):
        return False
    # A figure without an entity is the article's subject's, if it has one.
    if fig.entity is None and not anonymous_ok:
        return False
    # A relative label ("year-earlier") may name a different period in each sentence.
    # No period is no more comparable: on real copy two undated amounts are usually
    # different things (measured: +9 false alarms in 2,502 articles).
    dated = resolved_period(fig.period) or (undated and fig.period is None)
    if not dated or fig.role not in _ROLES or fig.converts is not None:
        return False
    if _HYPOTHETICAL.search(ctx.text[sentence_bounds(ctx, fig)[0] : fig.a_end]) or _SHARE_OR.search(
        just_before(ctx, fig)
    ):
        return False
    # "The programme comprises £52m for schools, £21m for roads ...": an item of a
    # breakdown, whatever segment the frames found for it, is a part.
    if _BREAKDOWN.search(lead_in(ctx, fig)[: max(0, fig.a_start - sentence_bounds(ctx, fig)[0])]):
        return False
    # The base of a change is an earlier value than anything else in its frame.
    return fig.id not in bases and plain_statement(fig, targets)


def _key(fig: Figure, *, dated: bool) -> tuple[object, ...]:
    # A result, analysts' expectation of it and a rival's claim about it are three
    # statements, not one stated three ways: the modality is part of the key.
    period = (fig.period,) if dated else ()
    return (
        fig.metric,
        fig.segment,
        fig.entity,
        *period,
        fig.role,
        fig.modality,
        kind_class(fig),
        fig.unit,
    )


def frame_key_pairs(inp: RelationInput) -> list[tuple[Figure, Figure]]:
    """(earlier, later) mentions one frame gives one fact, each later restating one earlier."""
    ctx = inp.checks
    anonymous_ok = single_subject(ctx)
    bases = {f.base for f in ctx.figures if f.base is not None}
    targets = {f.target for f in ctx.figures if f.target is not None}
    groups: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
    undated: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
    for fig in ctx.figures:
        if fig.period is None and _eligible(
            inp, fig, bases, targets, anonymous_ok=anonymous_ok, undated=True
        ):
            undated[_key(fig, dated=False)].append(fig)
        elif _eligible(inp, fig, bases, targets, anonymous_ok=anonymous_ok):
            groups[_key(fig, dated=True)].append(fig)
    top = top_sentences(ctx)
    heads = headline_sentences(ctx)
    marks: dict[str, tuple[object, ...]] = {}
    out: list[tuple[Figure, Figure]] = []
    for figs in groups.values():
        # A sentence that gives several values of one frame lists different things the
        # frames could not tell apart (products, months, analysts).
        per_sentence = Counter(f.sentence for f in figs)
        figs = sorted(
            (f for f in figs if per_sentence[f.sentence] == 1), key=lambda f: (f.a_start, f.start)
        )
        for i, later in enumerate(figs):
            # A restatement: one of the two mentions sums the story up. Two body mentions
            # with one frame are far more often two things than one fact twice.
            earlier = figs[:i]
            if later.sentence not in top:
                earlier = [e for e in earlier if e.sentence in top]
            if (other := _restated(later, earlier, marks, heads)) is not None:
                out.append((other, later))
    for figs in undated.values():
        # Undated amounts are usually different things (measured: comparing them all gave
        # +9 false alarms in 2,502 articles). One case is safe: the only two of their
        # frame, the later a definite reference back to the first, which sums the story
        # up ("approved a $412 million budget" ... "called the $412 million budget fair").
        if len(figs) != 2:
            continue
        first, later = sorted(figs, key=lambda f: (f.a_start, f.start))
        if (
            first.sentence != later.sentence
            and first.sentence in top
            and _DEFINITE.search(just_before(ctx, later))
            and _names_metric(ctx, later)
            and _names_metric(ctx, first)
            and (other := _restated(later, [first], marks, heads)) is not None
        ):
            out.append((other, later))
    return out


def _restated(
    later: Figure,
    earlier: list[Figure],
    marks: dict[str, tuple[object, ...]],
    heads: frozenset[int],
) -> Figure | None:
    def marks_of(f: Figure) -> tuple[object, ...]:
        # Each figure is compared with many others: read its context once.
        if f.id not in marks:
            marks[f.id] = context_marks(f)
        return marks[f.id]

    mine = marks_of(later)
    compatible = [
        e
        for e in earlier
        if e.sentence != later.sentence
        and marks_of(e) == mine
        and comparable_size(value(e), value(later))
    ]
    if not compatible:
        return None
    unequal = [e for e in compatible if differ(e, later, heads)]
    # Two levels one frame gives that no copying slip links are far more often two
    # quantities than one stated wrongly; a rate of change of one metric and period is
    # one fact however it differs.
    mismatch = next(
        (
            e
            for e in unequal
            if (is_change(later) and not _opposite_only(e, later, heads))
            or slip(e, later) is not None
        ),
        None,
    )
    if mismatch is not None:
        return mismatch
    return next((e for e in compatible if e not in unequal), None)
