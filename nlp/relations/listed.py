"""Parts the frames name and lists the words close: `part_of` and `sum_of` from frame slots.

Four readers, each once inside NC121/NC122/NC123 and now evidence like any other:

* `named_part` (`part_of`): a level whose frame has a segment ("AI & Cloud
  revenue"), spelled in its own sentence, against the level of the same
  metric, entity, period and unit without one, a measure that is by its name a
  sum ("revenue", "jobs"): money against money, a count against a count of the
  same noun.
* `that_total` (`part_of`): "£1.18bn of that total", a part of the largest
  amount of the sentence before or its own.
* `listed_amounts` (`sum_of` with a total): amounts listed after a cue that
  says they are all of a whole ("split between", "made up of", "the
  remaining", `complete_cue`) or some of it ("of which"), the whole first in
  the sentence or the previous sentence's.
* `listed_shares` (`sum_of`): shares of one frame listed after such a cue, all
  of 100% (no total), or all of the share before the cue ("the remaining 50
  pct is to be split between ...", the total).
* `sentence_shares` (`sum_of` without a total): shares one sentence gives of
  one metric, entity and period for different parts (each names its segment
  or a composition verb of its own), outside surveys, whose answers overlap.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from newscheck.nlp.checks.common import (
    ADDITIVE_KINDS,
    NON_ADDITIVE_METRIC,
    clause,
    context_marks,
    is_change,
    is_numeric,
    kind_class,
    listed_item,
    plain_statement,
    same_whole,
    sane_metric,
    sane_segment,
    sentence_text,
    span_of,
)
from newscheck.nlp.checks.registry import CheckContext
from newscheck.nlp.relations.base import Candidate, RelationInput, proposer
from newscheck.nlp.relations.parts import of_own
from newscheck.nlp.types import Figure, Sentence

#: Survey answers overlap: "65% cited cost and 48% speed" need not sum to 100.
SURVEY = re.compile(
    r"\b(?:respondents?|surveyed|survey|polled|poll|reported that|"
    r"of (?:those|people|adults|voters|consumers|customers|companies|firms))\b|"
    # "62% said they…": an answer, not "the company said sales to China were 58%".
    r"(?:%|\bper ?cent|\bpct)\s+(?:of\s+\w+\s+)?(?:said|say|says|cited|cite)\b",
    re.IGNORECASE,
)
_LEVEL_ROLES = frozenset({"level", "forecast", "target"})
#: The parts listed after these words are all of the whole.
SPLIT = re.compile(
    r"\b(?:split (?:evenly |equally )?(?:between|among|across|into)|split(?= [\d€$£¥])|made up of|comprised|"
    r"comprising|comprises|comprise|"
    r"consist(?:s|ed|ing)? of|divided (?:between|among|into)|broken down (?:into|as))\b",
    re.IGNORECASE,
)
#: "... and the remaining 10% from Z": the list closes with what is left; "Germany (7,900),
#: Poland (4,300) and other markets (2,700)": a last item of "other" places is the rest too.
REST = re.compile(
    r"\b(?:the (?:rest|remainder|balance)|remaining|and (?:all )?other (?!than\b)[a-z]+)\b",
    re.IGNORECASE,
)
#: "£1.18bn of that total": a part of an amount the text has just stated.
_OF_THAT_TOTAL = re.compile(
    r"\s+of\s+(?:that|this|the)\s+(?:total|sum|amount|figure|budget|pot)\b(?!\s*(?:of\s+)?[\d€$£¥])",
    re.IGNORECASE,
)
#: "of which" lists parts of the whole, not necessarily all of them.
OF_WHICH = re.compile(r"\bof which\b", re.IGNORECASE)
#: Wording that presents a share as a part of a whole.
COMPOSITION = re.compile(
    r"\b(?:made up|make up|makes up|making up|accounted for|account for|accounts for|accounting for|"
    r"represented|represents|representing|comprised|constituted|came from|come from|comes from)\b",
    re.IGNORECASE,
)
#: Measures that are, by their name, the sum of their parts. A whole of a named part
#: must be one: "bonds", "institutes" or "leaders" name a set the frames could not
#: count reliably, and "world" or "system" no measure at all.
AGGREGATE = re.compile(
    r"\b(?:revenues?|sales|turnover|income|profits?|earnings|spending|expenditures?|costs?|"
    r"investments?|assets|liabilit(?:y|ies)|debts?|deposits|loans|exports|imports|output|"
    r"production|shipments|deliveries|orders|jobs|employees|staff|workforce|workers|customers|"
    r"subscribers|users|members|passengers|visitors|population|losses|payroll|bill)\b",
    re.IGNORECASE,
)
#: The word after a count: "4,500 cars". Function words and scale words are no count noun.
_COUNT_NOUN = re.compile(
    r"\s*(?:mln|million|billion|bln|thousand)?\s*([a-z][a-z-]+)", re.IGNORECASE
)
_NOT_NOUN = frozenset(
    {
        *("a", "an", "the", "and", "or", "of", "for", "in", "on", "at", "to", "from", "by"),
        *("with", "as", "than", "per", "pct", "percent", "vs", "against", "last", "this"),
        *("next", "year", "month", "week", "day", "were", "was", "is", "are", "be", "been"),
        *("will", "would"),
    }
)
#: A figure followed by its own earlier value: "34.7 mln stg from 37.2 mln", "3.4 bln, up from 3.26 bln".
_OWN_BASE_AFTER = re.compile(r"\s*,?\s*(?:(?:up|down)\s+)?from\s+[$€£¥]?\d")


def additive_level(fig: Figure) -> bool:
    if not is_numeric(fig) or not sane_metric(fig) or is_change(fig) or fig.converts is not None:
        return False
    if fig.role not in _LEVEL_ROLES or kind_class(fig) not in ADDITIVE_KINDS:
        return False
    return not NON_ADDITIVE_METRIC.search(fig.metric or "")


def share(fig: Figure) -> bool:
    return (
        fig.role == "share"
        and is_numeric(fig)
        and kind_class(fig) == "percent"
        and sane_metric(fig)
    )


def composition(ctx: CheckContext, fig: Figure) -> bool:
    """The words present the share as a part of a whole: "accounted for 60% of revenue"."""
    if fig.metric is None or NON_ADDITIVE_METRIC.search(fig.metric):
        return False
    return bool(COMPOSITION.search(clause(ctx, fig))) and listed_item(fig)


def _own_composition(ctx: CheckContext, fig: Figure, sentence_shares: list[Figure]) -> bool:
    """A composition verb of its own: between the share before it in the sentence and it."""
    if not composition(ctx, fig):
        return False
    before = [f.a_end for f in sentence_shares if f.a_end <= fig.a_start]
    if not before:
        return True
    return bool(COMPOSITION.search(ctx.text[max(before) : fig.a_start]))


def _by_sentence(figs: list[Figure]) -> dict[int, list[Figure]]:
    out: dict[int, list[Figure]] = defaultdict(list)
    for f in figs:
        out[f.sentence].append(f)
    return out


def _distinct_parts(figs: list[Figure]) -> list[Figure]:
    """One figure per segment: a repeated segment is one part stated twice, not two parts."""
    seen: set[str] = set()
    out: list[Figure] = []
    for f in sorted(figs, key=lambda f: f.a_start):
        if f.segment is not None and sane_segment(f):
            if f.segment not in seen:
                seen.add(f.segment)
                out.append(f)
        elif listed_item(f):
            out.append(f)
    return out


def _ids(whole: Figure | None, parts: list[Figure]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    ids = tuple(([whole.id] if whole is not None else []) + [p.id for p in parts])
    roles = tuple((["total"] if whole is not None else []) + ["part"] * len(parts))
    return ids, roles


# -- part_of ------------------------------------------------------------------


def _count_noun(ctx: CheckContext, fig: Figure) -> str | None:
    m = _COUNT_NOUN.match(ctx.text, fig.a_end)
    if m is None:
        return None
    word = m.group(1).lower()
    if word in _NOT_NOUN:
        return None
    return word[:-1] if word.endswith("s") else word


def _spelled(ctx: CheckContext, fig: Figure) -> bool:
    """The part's segment is spelled in its own sentence, not carried over from another.

    Word by word, so that "ai and cloud" is found in "AI & Cloud".
    """
    words = {w for w in re.findall(r"[a-z]+", (fig.segment or "").lower()) if w != "and"}
    have = set(re.findall(r"[a-z]+", sentence_text(ctx, fig).lower()))
    return bool(words) and words <= have


def _like_for_like(ctx: CheckContext, part: Figure, whole: Figure) -> bool:
    """Money against money; a count only against a count of the same stated noun.

    "4,500 for KIMS" and "3,000 for Kodak system", "20 for world" and "four in
    ten": bare numbers the frames gave one metric are rarely counts of one thing.
    """
    if kind_class(part) == "money" and kind_class(whole) == "money":
        return True
    noun = _count_noun(ctx, part)
    return noun is not None and noun == _count_noun(ctx, whole)


def _whole_of(
    ctx: CheckContext, part: Figure, wholes: list[Figure], targets: set[str]
) -> Figure | None:
    """The whole in the part's sentence, else the last plain mention before it, else after."""
    here = [
        w for w in wholes if w.sentence == part.sentence and same_whole(part, w, same_sentence=True)
    ]
    # In one sentence the whole comes first ("revenue of €4.5B, of which €1B ..."). One
    # after the part is more likely a sibling whose segment the frames missed ("BMW-brand
    # sales rose to 80,600 while Mini sales rose to 14,800").
    if here:
        before = [w for w in here if w.a_start < part.a_start]
        return before[-1] if before else None
    if not plain_statement(part, targets):
        return None
    marks = context_marks(part)
    found = [
        w
        for w in wholes
        if w.role == part.role
        and same_whole(part, w, same_sentence=False)
        and plain_statement(w, targets)
        and context_marks(w) == marks
    ]
    # The whole a part is read against is the one stated last before it ("Total sales
    # rose to $1.58B. Domestic sales were $1.25B."), not the lead's figure, which may be
    # a part the frames took for the whole.
    before = [w for w in found if w.a_start < part.a_start]
    if before:
        return max(before, key=lambda w: w.a_start)
    # A later sentence's "slipped to 34.7 mln from 37.2 mln" after "rose to 47.9 mln from
    # 45.3 mln" is the next item of a list, each with its own change, more likely than
    # the whole its segment was missed for.
    after = [
        w for w in found if w.id not in targets and not _OWN_BASE_AFTER.match(ctx.text, w.a_end)
    ]
    return after[0] if after else None


@proposer("named-part")
def named_part(inp: RelationInput) -> Iterator[Candidate]:
    ctx = inp.checks
    bases = {f.base for f in ctx.figures if f.base is not None}
    targets = {f.target for f in ctx.figures if f.target is not None}
    levels = [f for f in ctx.figures if additive_level(f) and f.id not in bases]
    # "sales of its hospital products rose to $882m" names one of the owner's lines: a
    # part, though the frames found no segment, and no whole of the others.
    wholes = [f for f in levels if f.segment is None and not of_own(inp, f)]
    for part in levels:
        if not sane_segment(part) or not _spelled(ctx, part):
            continue
        whole = _whole_of(ctx, part, wholes, targets)
        if whole is None or not AGGREGATE.search(whole.metric or ""):
            continue
        if not _like_for_like(ctx, part, whole):
            continue
        yield Candidate(
            "part_of",
            (part.id, whole.id),
            ("part", "whole"),
            {"named_part": 1.0, "same_sentence": float(part.sentence == whole.sentence)},
            exclusive=(part.id,),
        )


@proposer("that-total")
def that_total(inp: RelationInput) -> Iterator[Candidate]:
    """'£1.18bn of that total': a part of the amount stated just before, whatever its frame.

    "That total" may point at any amount of the previous sentence; the whole is the
    largest of them, so the part is only more than its whole if it is more than every
    amount it could mean.
    """
    ctx = inp.checks
    money = [
        f
        for f in ctx.figures
        if kind_class(f) == "money" and is_numeric(f) and f.converts is None and not is_change(f)
    ]
    for part in money:
        if not _OF_THAT_TOTAL.match(ctx.text, part.a_end):
            continue
        earlier = [
            f
            for f in money
            if f.unit == part.unit and f.a_end <= part.a_start and f.sentence >= part.sentence - 1
        ]
        if not earlier:
            continue
        whole = max(earlier, key=lambda f: span_of(f)[1])
        yield Candidate(
            "part_of",
            (part.id, whole.id),
            ("part", "whole"),
            {"that_total": 1.0, "same_sentence": float(part.sentence == whole.sentence)},
            exclusive=(part.id,),
        )


# -- sum_of -------------------------------------------------------------------


def _after_rest(sent: Sentence, fig: Figure) -> bool:
    m = REST.search(sent.text)
    return m is not None and fig.a_start >= sent.start + m.start()


def _listed(
    sent: Sentence, figs: list[Figure], *, partial: bool
) -> tuple[list[Figure], bool] | None:
    """The figures a completeness cue presents as the parts, and whether they are all of it.

    "split between A and B": the parts follow the cue. "A, B and the remaining C":
    every part counts, as long as the remainder's figure is stated after the cue (else
    the rest is left unstated).
    """
    text = sent.text
    if m := SPLIT.search(text):
        cut = sent.start + m.start()
        return [f for f in figs if f.a_start >= cut], True
    if m := REST.search(text):
        cut = sent.start + m.start()
        if any(f.a_start >= cut for f in figs):
            return list(figs), True
        return None
    if partial and (m := OF_WHICH.search(text)):
        cut = sent.start + m.start()
        return [f for f in figs if f.a_start >= cut], False
    return None


@proposer("listed-amounts")
def listed_amounts(inp: RelationInput) -> Iterator[Candidate]:
    ctx = inp.checks
    levels = _by_sentence([f for f in ctx.figures if additive_level(f)])
    for sent in ctx.sentences:
        figs = levels.get(sent.index, [])
        cue = next((m for rx in (SPLIT, REST, OF_WHICH) if (m := rx.search(sent.text))), None)
        if cue is None or not figs:
            continue
        cut = sent.start + cue.start()
        # The whole comes first: "revenue of €4.5B was split between ...", else it is the
        # previous sentence's ("Revenue was €4.5B. It was split between ...").
        first = min((f for f in figs if f.a_start < cut), key=lambda f: f.a_start, default=None)
        # A segment the frames made of a period or unit word ("fiscal year") is no part.
        if first is not None and not sane_segment(first):
            whole, rest = first, [f for f in figs if f.a_start > first.a_start]
        else:
            previous = levels.get(sent.index - 1, [])
            whole = next((w for w in previous if not sane_segment(w) and listed_item(w)), None)
            rest = figs
        if whole is None:
            continue
        # A part names its segment, or stands as a list item, or is "the remaining" amount.
        candidates = [
            f
            for f in rest
            if (sane_segment(f) or listed_item(f) or _after_rest(sent, f))
            and f.role == whole.role
            and same_whole(whole, f, same_sentence=True)
        ]
        found = _listed(sent, candidates, partial=True)
        if found is None or len(found[0]) < 2:
            continue
        ids, roles = _ids(whole, found[0])
        f = {
            "listed_amounts": 1.0,
            "complete_cue": float(found[1]),
            "partial_cue": float(not found[1]),
        }
        yield Candidate("sum_of", ids, roles, f, exclusive=("breakdown", found[0][0].id))


def _split_share(ctx: CheckContext, sent: Sentence, parts: list[Figure]) -> Figure | None:
    """The percent being split, when one stands before the split cue ("the remaining 50 pct")."""
    m = SPLIT.search(sent.text)
    if m is None:
        return None
    cut = sent.start + m.start()
    before = [
        f
        for f in ctx.figures_in(sent.index)
        if f not in parts
        and f.a_start < cut
        and kind_class(f) == "percent"
        and is_numeric(f)
        and not is_change(f)
    ]
    return before[-1] if before else None


@proposer("listed-shares")
def listed_shares(inp: RelationInput) -> Iterator[Candidate]:
    """Shares of one frame the words present as all of a whole: 100%, or the share they split."""
    ctx = inp.checks
    shares = _by_sentence([f for f in ctx.figures if share(f)])
    for sent in ctx.sentences:
        groups: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
        for f in shares.get(sent.index, []):
            groups[(f.metric, f.entity, f.period)].append(f)
        for group in groups.values():
            found = _listed(sent, _distinct_parts(group), partial=False)
            if found is None or len(found[0]) < 2:
                continue
            parts = found[0]
            split_of = _split_share(ctx, sent, parts)
            ids, roles = _ids(split_of, parts)
            f = {"listed_shares": 1.0, "complete_cue": 1.0}
            yield Candidate("sum_of", ids, roles, f, exclusive=("breakdown", parts[0].id))


@proposer("sentence-shares")
def sentence_shares(inp: RelationInput) -> Iterator[Candidate]:
    """Shares of one whole in one sentence, one per segment (at most all of it together)."""
    ctx = inp.checks
    for figs in _by_sentence([f for f in ctx.figures if share(f)]).values():
        text = sentence_text(ctx, figs[0])
        # Survey answers may overlap; a stated complete breakdown is `listed_shares`.
        rest = REST.search(text)
        # "…and the rest came from Asia" states no figure for the rest: the shares given
        # must still fit in 100%. "…and the remaining 10%" is a complete list.
        rest_has_figure = rest is not None and re.search(r"\d", text[rest.end() :]) is not None
        if SURVEY.search(text) or SPLIT.search(text) or rest_has_figure:
            continue
        groups: dict[tuple[object, ...], list[Figure]] = defaultdict(list)
        for f in figs:
            # A share of a price or of capacity is a ratio; ratios need not sum to 100.
            if not f.metric or NON_ADDITIVE_METRIC.search(f.metric):
                continue
            # Only a part is summed: a share whose frame names its segment, or one the words
            # present as a composition of its own. "Exposure over 60 pct of capital ... over
            # 150 pct of capital" are two thresholds, and "immigrants will account for 75.5%
            # of growth to 2050 and 82% of growth to 2060" one part of two wholes.
            if sane_segment(f) or _own_composition(ctx, f, figs):
                groups[(f.metric, f.entity, f.period)].append(f)
        for group in groups.values():
            distinct = _distinct_parts(group)
            if len(distinct) >= 2:
                ids, roles = _ids(None, distinct)
                yield Candidate("sum_of", ids, roles, {"sentence_shares": 1.0})
