"""`share_of`, and lists of shares of one whole (a `sum_of` with no stated total).

A share is checked against its part and whole when the text states all
three: the part next to the share ("830, or 21.5 per cent", "£2.9bn, 41 per
cent of revenue", "380, more than half"), the whole named by the share's
"of" noun or by the partitive that introduced the part ("Of the 700 pupils
..., 380"). A list of shares in one sentence, the first naming the
whole and the rest elliptical ("A on 34%, B on 31% ... and all others on 9%";
"41 per cent said yes, 47 per cent said no"), is a breakdown of 100%.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newscheck.nlp.relations import cues
from newscheck.nlp.relations.base import Candidate, RelationInput, proposer
from newscheck.nlp.relations.evidence import kind_class, numeric
from newscheck.nlp.relations.parts import (
    FAR,
    additive_level,
    completeness,
    list_item,
    list_runs,
    names,
    noun_after,
    of_phrase,
    prior_cued,
    same_measure,
    whole_candidates,
    whole_features,
)
from newscheck.nlp.types import Figure

#: Between a part and its share: "830, or 21.5 per cent"; "640 (16.6 per cent)".
_APPOSITION = re.compile(
    # "4,800 homes, or 25 per cent", "6.1 GW of capacity, or 38%": the part's unit or noun.
    r"^(?:\s+(?!of\b|or\b|and\b)[A-Za-z][\w'\u2019-]*){0,2}(?:\s+of\s+[^,.;()\d]{1,40})?\s*(?:,\s*(?:or|about|around|roughly|some|nearly|almost|just)?\s*|\(\s*|,?\s*or\s+)"
    r"(?:(?:more|less|fewer) than|just over|just under|over|under|about|almost|nearly)?\s*$",
    re.IGNORECASE,
)


def full_share(share: Figure) -> float:
    return 100.0 if kind_class(share) == "percent" else 1.0


def share_like(fig: Figure) -> bool:
    """A percent, or a fraction in words ("half", "a third", "two in five")."""
    if not numeric(fig):
        return False
    if kind_class(fig) == "percent":
        return fig.role not in ("change",) and fig.converts is None
    v = float(fig.value)  # type: ignore[arg-type]
    return kind_class(fig) == "number" and 0 < v < 1 and not any(c.isdigit() for c in fig.text)


#: "Of those, 714 were awarded the top grade, or one in four": after a partitive, the
#: share may close the clause its part opens.
_CLAUSE_THEN_OR = re.compile(
    r"^\s+[^\d;:()]{3,70},\s*or\s+(?:about|around|roughly|nearly|almost)?\s*$"
)


def _part_before(inp: RelationInput, share: Figure) -> Figure | None:
    here = [f for f in inp.figures_in(share.sentence) if f.a_end <= share.a_start]
    if not here:
        return None
    part = here[-1]
    if not additive_level(inp, part):
        return None
    gap = inp.text[part.a_end : share.a_start]
    if _APPOSITION.match(gap):
        return part
    if _CLAUSE_THEN_OR.match(gap) and of_phrase_whole(inp, part) is not None:
        return part
    return None


#: Between a part and its whole in "6.1 GW of the region's 14.2 GW, or 43%": an "of"
#: with at most a unit before it and a short possessor or noun phrase after, no figure.
_OF_FIGURE = re.compile(
    r"^\s*(?:[A-Za-z]{1,5}\.?\s+)?of\s+(?:the|its|their|his|her|a|an|all)?\s*[^,.;()\d]{0,40}$",
    re.IGNORECASE,
)


def _of_figure_part(inp: RelationInput, whole: Figure) -> Figure | None:
    """The part an "A of B" names when B is the figure a share follows: A, if of B's measure."""
    here = [f for f in inp.figures_in(whole.sentence) if f.a_end <= whole.a_start]
    if not here:
        return None
    part = here[-1]
    if not additive_level(inp, part) or not same_measure(part, whole):
        return None
    return part if _OF_FIGURE.match(inp.text[part.a_end : whole.a_start]) else None


@proposer("share-of")
def share_of(inp: RelationInput) -> Iterator[Candidate]:
    for share in inp.figures:
        if not share_like(share):
            continue
        part = _part_before(inp, share)
        if part is None:
            yield from _share_of_whole(inp, share)
            yield from _share_of_antecedent(inp, share)
            continue
        inner = _of_figure_part(inp, part)
        if inner is not None:
            # "supplied 6.1 GW of the region's 14.2 GW, or 38%": the share is of the
            # figure it follows, and the part is the figure that "of" hangs from.
            f = {"apposition": 1.0, "of_figure": 1.0, "same_sentence": 1.0}
            f.update(_value_evidence(share, inner, part))
            yield Candidate(
                "share_of",
                (share.id, inner.id, part.id),
                ("share", "part", "whole"),
                f,
                exclusive=(share.id,),
            )
        found = of_phrase(inp, share)
        words = found[0] if found is not None else set()
        partitive = of_phrase_whole(inp, part)
        own = of_phrase(inp, part)
        own_words = own[0] if own is not None else set()
        for whole in whole_candidates(inp, part):
            f = {"apposition": 1.0}
            hit = words & names(inp, whole)
            f["of_head_match"] = len(hit) / len(words - {"total"}) if words - {"total"} else 0.0
            # "of the overall total" names no measure: what the part's own
            # clause counts ("logged the most complaints, 830") must be the whole's.
            total_word = "total" in words
            ctx_hit = (names(inp, part) - {"total"}) & names(inp, whole)
            f["total_context_match"] = float(total_word and bool(ctx_hit))
            f["part_of_match"] = float(bool(own_words & names(inp, whole)))
            f["partitive_whole"] = float(partitive is not None and partitive.id == whole.id)
            f["of_missing"] = float(found is None and partitive is None)
            f.update(whole_features(inp, part, whole))
            f.update(_value_evidence(share, part, whole))
            if not (hit or f["total_context_match"] or f["partitive_whole"] or f["part_of_match"]):
                continue
            yield Candidate(
                "share_of",
                (share.id, part.id, whole.id),
                ("share", "part", "whole"),
                f,
                exclusive=(share.id,),
            )


def _share_of_antecedent(inp: RelationInput, share: Figure) -> Iterator[Candidate]:
    """ "The society lent £6.4bn to first-time buyers. That was 31% of its £18.2bn of new
    lending.": a sentence that opens on a pronoun takes its part from the sentence before.

    The whole is the figure the share's "of" names; the part is the one level of the
    whole's measure in the previous sentence of the paragraph, so the pronoun has one
    thing to point at.
    """
    s = inp.sentence(share)
    if (
        s is None
        or cues.pattern("anaphor").match(inp.text[s.start : share.a_start].strip()) is None
    ):
        return
    found = of_phrase(inp, share)
    whole = found[1] if found is not None else None
    if whole is None or not additive_level(inp, whole):
        return
    prev = [
        f
        for f in inp.figures_in(share.sentence - 1)
        if additive_level(inp, f) and same_measure(f, whole) and f.block == share.block
    ]
    if len(prev) != 1 or prior_cued(inp, prev[0]):
        return
    f = {"anaphor_part": 1.0, "of_figure": 1.0, "previous_sentence": 1.0}
    f.update(_value_evidence(share, prev[0], whole))
    yield Candidate(
        "share_of",
        (share.id, prev[0].id, whole.id),
        ("share", "part", "whole"),
        f,
        exclusive=(share.id,),
    )


def _share_of_whole(inp: RelationInput, share: Figure) -> Iterator[Candidate]:
    """A share with no part beside it, of a whole its "of" names: "about 40 pct of revenues".

    In a list of shares the "of" is said once: "A will be 49 pct of revenues, B 49
    pct and C two pct" makes B's and C's shares of revenues too.
    """
    found = of_phrase(inp, share)
    elided = False
    if found is None:
        found = _list_head_of(inp, share)
        elided = found is not None
    if found is None or not (words := found[0] - {"total"}):
        return
    for whole in whole_candidates(inp, share, any_measure=True):
        hit = words & names(inp, whole)
        if not hit:
            continue
        f = {"of_head_match": len(hit) / len(words), "no_part": 1.0}
        f.update(whole_features(inp, share, whole))
        f["of_elided"] = float(elided)
        yield Candidate("share_of", (share.id, whole.id), ("share", "whole"), f, (share.id,))


def _list_head_of(inp: RelationInput, share: Figure) -> tuple[set[str], Figure | None] | None:
    """The "of" phrase of the first share of the list this share closes, if any."""
    before = [
        f
        for f in inp.figures_in(share.sentence)
        if _percent_share(f) and f.a_start <= share.a_start
    ]
    if prior_cued(inp, share):
        return None  # "9 to 11 pct of the area, compared to four to six pct a week ago"
    for run in list_runs(inp, before):
        if run[-1] is share and len(run) >= 2:
            if any(of_phrase(inp, p) is not None for p in run[1:]):
                return None
            if cues.has("compare", inp.text[run[0].a_end : share.a_start]):
                return None
            return of_phrase(inp, run[0])
    return None


def _value_evidence(share: Figure, part: Figure, whole: Figure) -> dict[str, float]:
    """Whether the values could belong together at all (not whether they agree).

    A share under 100% of a whole smaller than its part, or a ratio far from
    the stated share ("180%" for "41 per cent"), means the wrong whole; a
    writer's slip is a few points, which the rule then reports. Between the two
    ("roughly a fifth" of a 27% share) only a whole the text names ("of total
    revenue") outweighs the doubt, so that band is a separate, milder feature.
    """
    p, w, stated = _val(part), _val(whole), _val(share)
    full = full_share(share)
    ratio = p / w * full if w > 0 else 0.0
    near = stated > 0 and stated / FAR <= ratio <= stated * FAR
    off = stated > 0 and not near and stated / SLIP <= ratio <= stated * SLIP
    return {
        "part_exceeds": float(p > w and stated < full),
        "ratio_far": float(not (near or off)),
        "ratio_off": float(off),
    }


#: How far a stated share may be from its part/whole ratio and still be a slip of the writer's
#: (with a named whole): "roughly a fifth" for 27%, "38%" for 43% are errors to report.
SLIP = 1.6


def _val(fig: Figure) -> float:
    return float(fig.value)  # type: ignore[arg-type]


def of_phrase_whole(inp: RelationInput, part: Figure) -> Figure | None:
    """The whole a sentence opens with, "Of the 700 pupils who ..., 380": its figure."""
    s = inp.sentence(part)
    if s is None:
        return None
    for w in inp.figures_in(s.index):
        if w.a_end > part.a_start:
            break
        lead = inp.text[s.start : w.a_start]
        if len(lead) <= 40 and cues.ends_with("breakdown_lead", lead) and same_measure(w, part):
            return w
    # "A total of 2,380 pupils sat the paper. Of those, 714 ...": the partitive's
    # pronoun points at the last count of the sentence before.
    lead = inp.text[s.start : part.a_start]
    if _PARTITIVE_PRONOUN.match(lead) and s.index > 0:
        before = [
            w
            for w in inp.figures_in(s.index - 1)
            if additive_level(inp, w) and same_measure(w, part) and w.value != part.value
        ]
        if before:
            return before[-1]
    return None


_PARTITIVE_PRONOUN = re.compile(r"^\W*(?:of|out of)\s+(?:those|these|them),?\s*$", re.IGNORECASE)


# -- a share and its amount, the whole unstated -------------------------------------

#: Between a share and the amount it restates: "12 per cent more - or £38,831 -",
#: "a premium of 8 per cent (£17,125)", "61 per cent or £91,096 more".
_SHARE_THEN_AMOUNT = re.compile(
    r"^\s*(?:(?:more|less|higher|lower|cheaper|dearer|up|down)\s*)?"
    r"(?:[,\u2013\u2014-]\s*)?(?:or\s+|\(\s*)$",
    re.IGNORECASE,
)


def _amount(inp: RelationInput, fig: Figure) -> bool:
    return (
        numeric(fig)
        and fig.kind != "range"
        and kind_class(fig) in ("money", "number")
        and fig.converts is None
        and float(fig.value) > 0  # type: ignore[arg-type]
        and list_item(fig)
        and not prior_cued(inp, fig)
        # "2.5 or three pct", "38 or 39 pct", "10 pct (10)": a bare number beside a
        # percentage is the same rate with its unit left off, or a rank, not an amount.
        and (kind_class(fig) == "money" or _counted(inp, fig))
    )


def _counted(inp: RelationInput, fig: Figure) -> bool:
    """A count with its noun right after it: "5.8 mln shares", "400,000 barrels"."""
    m = re.match(
        r"\s+(?:mln\s+|million\s+|billion\s+|bln\s+)?([A-Za-z][A-Za-z-]*)", inp.after(fig, 30)
    )
    return m is not None and noun_after(inp, fig) is not None


@proposer("share-amount")
def share_amount(inp: RelationInput) -> Iterator[Candidate]:
    """A percentage and the amount it comes to, side by side: "£38,831 (12 per cent)".

    The amount is the share's part of a whole the text need not state (the
    price the premium is on): the pair is one quantity said two ways.
    """
    for share in inp.figures:
        if not _percentage(share) or of_phrase(inp, share) is not None:
            # "41 per cent of revenue" names its whole: `share_of` above pairs all three.
            continue
        here = inp.figures_in(share.sentence)
        k = here.index(share)
        for other, gap, pattern in (
            (here[k + 1] if k + 1 < len(here) else None, "after", _SHARE_THEN_AMOUNT),
            (here[k - 1] if k > 0 else None, "before", _APPOSITION),
        ):
            if other is None or not _amount(inp, other):
                continue
            between = inp.between(share, other)
            if len(between) > 12 or not pattern.match(between):
                continue
            if not re.search(r"\bor\b|\(", between):
                # A bare comma lists ("a three billion franc, 8.50 pct bond") as
                # often as it restates; "or" and brackets restate.
                continue
            f = {"amount_apposition": 1.0, f"amount_{gap}": 1.0}
            f.update(_against_base(inp, share, other))
            yield Candidate(
                "share_of",
                (share.id, other.id),
                ("share", "part"),
                f,
                exclusive=("amount", share.id),
            )


def _against_base(inp: RelationInput, share: Figure, amount: Figure) -> dict[str, float]:
    """Whether the amount is the difference the percentage measures, or the new level.

    "was 376.9 billion dlrs, or six pct more than the 355.6 billion" states a level
    and its change; "was 5.1 billion dlrs, or 1.4 pct, above the total of 373.4
    billion" a difference. With the base the comparison names, the values tell.
    """
    last = max(share.a_end, amount.a_end)
    later = [f for f in inp.figures_in(share.sentence) if f.a_start >= last and numeric(f)]
    # The figure right after the pair: "..., followed by M&S on 7 per cent (£18,786)"
    # names another pair, not a base.
    base = later[0] if later else None
    if base is None or not same_measure(base, amount) or float(base.value) <= 0:  # type: ignore[arg-type]
        return {}
    if not cues.has("change_from", inp.text[last : base.a_start]):
        return {}
    stated, a, b = _val(share), _val(amount), _val(base)
    part_fit = stated > 0 and stated / FAR <= 100 * a / b <= stated * FAR
    level_fit = stated > 0 and stated / FAR <= 100 * abs(a - b) / b <= stated * FAR
    return {"base_part_fit": float(part_fit), "base_level_fit": float(level_fit and not part_fit)}


def _percentage(fig: Figure) -> bool:
    """ "12 per cent", "12 per cent more": a percentage, a share or a change (a share of the level it is on)."""
    return (
        numeric(fig)
        and kind_class(fig) == "percent"
        and fig.converts is None
        and float(fig.value) > 0  # type: ignore[arg-type]
    )


# -- lists of shares ----------------------------------------------------------


def _percent_share(fig: Figure) -> bool:
    return (
        numeric(fig)
        and kind_class(fig) == "percent"
        and fig.role not in ("change",)
        and fig.converts is None
        and float(fig.value) >= 0  # type: ignore[arg-type]
    )


@proposer("share-list")
def share_list(inp: RelationInput) -> Iterator[Candidate]:
    """Shares listed in one sentence, the first naming what they are shares of."""
    for s in inp.sentences:
        shares = [f for f in inp.figures_in(s.index) if _percent_share(f)]
        if len(shares) < 3:
            continue
        for run in list_runs(inp, shares):
            # A part is less than all of its whole: a list with "100 pct" or "105 pct"
            # in it is of ratios or levels (prices, coverage), not of shares.
            if len(run) < 3 or any(float(p.value) >= 100 for p in run):  # type: ignore[arg-type]
                continue
            text = inp.text[s.start : s.end]
            span = inp.text[run[0].a_start : run[-1].a_end]
            first_of = of_phrase(inp, run[0])
            later_of = [p for p in run[1:] if of_phrase(inp, p) is not None]
            f = {
                "share_list": 1.0,
                "of_once": float(first_of is not None and not later_of),
                "answers": float(cues.has("exclusive_answers", span)),
                "complete_cue": completeness(inp, span),
                "multi_answer": float(cues.has("multi_answer", text)),
                "prior_any": float(any(prior_cued(inp, p) for p in run)),
                "role_share": float(any(p.role == "share" for p in run)),
            }
            yield Candidate(
                "sum_of", tuple(p.id for p in run), ("part",) * len(run), f, exclusive=None
            )
    yield from _share_list_across(inp)


#: At most this much text before a list's continuation in the next sentence ("The Greens
#: were on 14 per cent, ..."): the sentence carries the list on, it does not start anew.
_CONTINUES_WITHIN = 40


def _share_list_across(inp: RelationInput) -> Iterator[Candidate]:
    """A list of shares that runs on into the next sentence of the paragraph.

    "... 34 per cent named Labor and 31 per cent the Coalition. The Greens were on
    14 per cent, independents on 12 per cent, and 17 per cent were undecided." The
    first sentence ends on its run, the next begins with its own; only answers to
    one question (an "undecided" among them) or a whole named once make it one list.
    """
    for s in inp.sentences:
        nxt = s.index + 1
        here = [f for f in inp.figures_in(s.index) if _percent_share(f)]
        there = [f for f in inp.figures_in(nxt) if _percent_share(f)]
        if len(here) < 2 or not there or here[-1].block != there[0].block:
            continue
        head = list_runs(inp, here)[-1]
        tail = list_runs(inp, there)[0]
        if len(head) < 2 or len(head) + len(tail) < 3:
            continue
        if any(f.a_start > head[-1].a_end for f in inp.figures_in(s.index)):
            continue  # the first sentence goes on past its list
        if any(f.a_end <= tail[0].a_start for f in inp.figures_in(nxt)):
            continue
        nxt_start = inp.sentence(tail[0])
        if nxt_start is None or tail[0].a_start - nxt_start.start > _CONTINUES_WITHIN:
            continue
        run = head + tail
        if any(float(p.value) >= 100 for p in run):  # type: ignore[arg-type]
            continue
        prev = inp.sentences[s.index - 1] if s.index > 0 else s
        text = inp.text[prev.start : nxt_start.end]
        # The answer words may follow the last share: "and 17 per cent were undecided".
        span = inp.text[run[0].a_start : nxt_start.end]
        first_of = of_phrase(inp, run[0])
        f = {
            "share_list": 1.0,
            "two_sentences": 1.0,
            "of_once": float(first_of is not None and not any(of_phrase(inp, p) for p in run[1:])),
            "answers": float(cues.has("exclusive_answers", span)),
            "complete_cue": completeness(inp, span),
            "multi_answer": float(cues.has("multi_answer", text)),
            "prior_any": float(any(prior_cued(inp, p) for p in run)),
            "role_share": float(any(p.role == "share" for p in run)),
        }
        yield Candidate("sum_of", tuple(p.id for p in run), ("part",) * len(run), f, exclusive=None)
