"""`change_of`: a change and the levels it runs between; `compares`: two levels set side by side.

A change is any figure that states how much something moved: the frames' own
changes ("rose 5%", "doubled"), and what the frames leave as levels but the
words mark as a change: "lifted sales by 12%", "11 per cent higher than",
"a 28-point jump", "a £70m cut in spending". For each change every
combination of a "to" level and a "from" level (either may be missing) among
the comparable figures of its sentence and the one before it is a candidate;
so is a level of the change's metric further back (the current figure a "has
doubled since 2019" refers to) and a level stated for the period the change
runs from.

The evidence is what a reader uses to tell which level is which: the cue just
before each level ("to", "stood at" / "from", "than", "compared with"), where
it stands (after the change, or just before it: "£580m, up 9%"), whether the
level shares the change's metric, whether another verb's clause or another
level stands between them (the level is someone else's), whether the change
crosses a sentence with an anaphor ("That was 8% more than …"), the frames'
own link, and whether the values are plausible together: levels that would
make the change absurd (a price per gallon and a fuel bill read as one change,
a 51-billion-per-cent rise) count against the link. The arithmetic the rules
check is never evidence *for* a link beyond a small tie-break, so a wrong
figure still links.

One exception, `changes_ahead`: a headline's change ("$300m profit revision")
whose two levels the story sets side by side further down. No word ties them,
so there the values must agree; a wrong headline figure is then a miss, not a
link to the wrong levels.

Every candidate of one change shares an exclusive key: the resolver keeps the
best, or none when no candidate clears the threshold.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Token

from newscheck.nlp import lexicon as lx
from newscheck.nlp.checks.common import prior_period
from newscheck.nlp.relations import cues
from newscheck.nlp.relations.base import TOP_BLOCKS, Candidate, RelationInput, proposer
from newscheck.nlp.relations.evidence import (
    head,
    kind_class,
    metric_apart,
    metric_words,
    numeric,
    resolved,
    same_measure,
    values_agree,
)
from newscheck.nlp.standing import basis_of, states_basis
from newscheck.nlp.types import Figure

#: Levels considered on each side of a change: bounded work on long sentences.
MAX_LEVELS = 8
#: How many sentences after a headline's change its levels may be stated.
AHEAD_SENTENCES = 4
#: Levels of a neighbouring sentence considered as where a change starts.
ADJACENT_LEVELS = 2
#: How far into its clause a time shift may stand and still mark the level as the earlier
#: one: "In July last year the airport handled 2.7 million".
_OPENING = 12
#: How many sentences back a level of the change's own metric may be its "to".
FAR_SENTENCES = 6
#: An implied change this many times the stated one is not what the writer
#: computed: the levels are two different measures.
ABSURD = 10.0
#: Below: a change stated far larger than its levels allow is still read as one (a wrong X).
ABSURD_BELOW = 50.0
_LEVEL_KINDS = frozenset({"money", "number", "percent"})
_TIME_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:months?|weeks?|days?|years?|quarters?|hours?|minutes?|decades?)\b", re.I
)
_POINTS_AFTER = re.compile(r"\s*-?\s*(?:percentage[\s-]+)?points?\b\s*", re.I)
_BY_BEFORE = re.compile(
    r"\bby\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|just\s+|over\s+|"
    r"more\s+than\s+|less\s+than\s+|a\s+further\s+|another\s+)?$",
    re.I,
)
_FILLER_END = re.compile(
    r"(?:\s+(?:the|a|an|its|their|his|her|our|some|about|around|nearly|almost|roughly|just|"
    r"over|under|record|estimated|revised|more\s+than|less\s+than|up\s+to|last\s+year's|"
    r"a\s+year\s+earlier's|"
    r"(?:a|an|the)\s+(?:peak|high|low|record|level|total)\s+of))+\s*$",
    re.I,
)
#: Between a change and a level, words that start another clause: that level is not "to".
_CLAUSE_WORDS = frozenset({"and", "but", "while", "whereas", "although", "though"})
#: Two changes that are one stated twice: "fell $1.12, or 1.7%,".
_RESTATED = re.compile(r"[\s,(]*(?:or|and|,)?[\s,(]*(?:about|some|roughly|around|nearly)?\s*", re.I)
_OR_BEFORE = re.compile(
    r"(?:(?:\s+(?:at|in)\s+[A-Za-z][\w ]{0,20})?\s*[,–—-]?\s+or\s+(?:about\s+|some\s+)?|"
    r"(?:\s+(?:more|less|higher|lower|fewer|bigger|smaller))?\s*\()$",
    re.I,
)
#: "£38,831 (12 per cent) more than", "61 per cent or £91,096 more than": the
#: change restated in another unit before the comparative.
_RESTATEMENT_AFTER = re.compile(r"\s*(?:\(|[,–—-]?\s*or\s+)")
_APPROX_END = re.compile(
    r"(?:\s+(?:almost|nearly|about|around|roughly|some|over|just|more\s+than|less\s+than))+\s*$",
    re.I,
)
_NOUN_GAP = re.compile(r"[ \t]*([a-z][a-z-]*)(?=[ \t])")
#: Between an amount and a change noun, words that make the noun another phrase's:
#: "£5m of cuts", "$2bn in a rise", "10,000 and a cut".
_NOUN_GAP_STOP = frozenset(
    {"of", "in", "to", "and", "or", "from", "for", "on", "at", "by", "a", "an", "the", "was", "is"}
)
_MULTIPLIED = re.compile(r"\s+(?:the|its|their|his|her|this|that|last\s+year's)\s+", re.I)
_PUNCT_BREAK = re.compile(r",\s*and\b|;")
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "this", "that"})
_LEVEL_AFTER_FIGURE = re.compile(r"\b(?:to|from)\s+(?:about\s+|around\s+)?$", re.I)
_LEVEL_BEFORE_FROM = re.compile(r"\s*,?\s*(?:up|down)\s+from\b", re.I)
#: A bare "more"/"higher" is a comparison only before "than" or the clause's end:
#: "8% more than", "spent 31% more." but not "10,572,402 more acres", "16 higher at 5.36".
_BARE_OK = re.compile(
    r"\s*(?:[,.;:()—–]|$|than\b|(?:a|last|the\s+previous)\s+(?:year|month|week))", re.I
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Words of the change vocabulary that are not verbs: between a change and a
#: level they do not start another clause ("to $2bn, up from $1.9bn").
_NOT_VERBS = frozenset({"up", "down", "higher", "lower", "slower", "cut", "cuts"})
_VERBS = (lx.UP_VERBS | lx.DOWN_VERBS) - _NOT_VERBS


@dataclass(frozen=True, slots=True)
class Change:
    """A figure read as a change: its direction and the cue that made it one."""

    fig: Figure
    direction: str | None  # "up", "down", or None when only the levels can tell
    cue: str  # "frame", "by", "comparative", "points", "restated", "noun"
    points: bool  # a bare number stated in points ("a 28-point jump")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def read_change(inp: RelationInput, fig: Figure) -> Change | None:
    """The figure as a change, when its frame or the words around it say it is one."""
    if not numeric(fig) or fig.role == "conversion":
        return None
    if _LEVEL_BEFORE_FROM.match(inp.after(fig, 20)):
        return None  # "40%, down from 55%": the level a comparison starts from
    if fig.role == "change" or (fig.role in ("forecast", "target") and fig.direction):
        if _LEVEL_AFTER_FIGURE.search(inp.before(fig, 16)) and _figure_just_before(inp, fig):
            return None  # "rose 2% to 7%": the 7% is where the change ends
        return Change(fig, fig.direction, "frame", False)
    kind = kind_class(fig)
    if kind not in ("percent", "points", "money", "number"):
        return None
    after = inp.after(fig, 40)
    if kind == "number" and (m := _POINTS_AFTER.match(after)):
        # "a 28-point jump": a number in points, moving by the noun after it.
        rest = _words(after[m.end() :])[:2]
        for w in rest:
            if w in lx.CHANGE_NOUNS_UP:
                return Change(fig, "up", "points", True)
            if w in lx.CHANGE_NOUNS_DOWN:
                return Change(fig, "down", "points", True)
        return None
    direction = _comparative_after(inp, fig)
    if direction is not None:
        return Change(fig, direction, "comparative", False)
    if kind in ("money", "number") and (noun := _change_noun_after(after)) is not None:
        # "Nortel in $300m profit revision", "a £70m cut in spending": the noun says change.
        up, down = cues.has("change_noun_up", noun), cues.has("change_noun_down", noun)
        return Change(fig, "up" if up else "down" if down else None, "noun", False)
    before = inp.before(fig, 60)
    if (m := _OR_BEFORE.search(before)) is not None:
        # "fell $1.12, or 1.7%,": the same change in another unit.
        prev = inp.figures_in(fig.sentence)
        k = next((i for i, f in enumerate(prev) if f.id == fig.id), 0)
        if k > 0 and prev[k - 1].a_end >= fig.a_start - len(m.group(0)) - 1:
            first = read_change(inp, prev[k - 1])
            if first is not None and first.cue != "restated":
                return Change(fig, first.direction, "restated", False)
    if _BY_BEFORE.search(before):
        clause = re.split(r"[,;:]", before)[-1]
        for w in reversed(_words(clause)[-7:]):
            if w in lx.UP_VERBS:
                return Change(fig, "up", "by", False)
            if w in lx.DOWN_VERBS:
                return Change(fig, "down", "by", False)
    return None


def _change_noun_after(after: str) -> str | None:
    """The change noun right after an amount, past at most two words naming what changed."""
    pos = 0
    for _ in range(3):
        if (
            n := cues.pattern("change_noun_after").match(after, pos + _space(after, pos))
        ) is not None:
            return n.group(0)
        m = _NOUN_GAP.match(after, pos)
        if m is None or m.group(1).lower() in _NOUN_GAP_STOP:
            return None
        pos = m.end()
    return None


def _space(text: str, pos: int) -> int:
    return len(text[pos:]) - len(text[pos:].lstrip(" \t"))


def _comparative_after(inp: RelationInput, fig: Figure) -> str | None:
    """ "11 per cent higher than", "£38,831 (12 per cent) more than": the direction compared."""
    stripped = _past_restatement(inp, fig, inp.after(fig, 40)).lstrip(" ")
    for table, direction in (("comparative_up", "up"), ("comparative_down", "down")):
        m = cues.pattern(table).match(stripped)
        if m is not None and (" " in m.group(0) or _BARE_OK.match(stripped, m.end())):
            return direction
    return None


def _past_restatement(inp: RelationInput, fig: Figure, after: str) -> str:
    """The words after a figure, past the same change restated in another unit."""
    m = _RESTATEMENT_AFTER.match(after)
    if m is None:
        return after
    start = fig.a_end + m.end()
    nxt = next((f for f in inp.figures_in(fig.sentence) if f.a_start >= fig.a_end), None)
    if nxt is None or nxt.a_start > start + 2:
        return after
    rest = inp.after(nxt, 40)
    return rest[1:] if rest.startswith(")") else rest


def _figure_just_before(inp: RelationInput, fig: Figure) -> bool:
    figs = inp.figures_in(fig.sentence)
    k = next((i for i, f in enumerate(figs) if f.id == fig.id), 0)
    return k > 0 and fig.a_start - figs[k - 1].a_end <= 8


def _comparable(ch: Change, level: Figure) -> bool:
    """Can `level` be where the change starts or ends? A 49% rise ends at money, 2 points at a rate."""
    if level.id == ch.fig.id or not numeric(level) or level.role == "conversion":
        return False
    lk, ck = kind_class(level), kind_class(ch.fig)
    if lk not in _LEVEL_KINDS or level.kind == "range":
        return False
    if ch.points or ck == "points":
        return lk == "percent"
    if ck in ("percent", "multiplier"):
        return True
    return lk == ck and (level.unit or None) == (ch.fig.unit or None)


def _duration(inp: RelationInput, fig: Figure) -> bool:
    """'the three months to February': a length of time, not a level."""
    return fig.kind == "number" and bool(_TIME_AFTER.match(inp.text, fig.a_end))


def _clause_text(inp: RelationInput, a: Figure, b: Figure) -> str:
    lo, hi = sorted((a, b), key=lambda f: f.a_start)
    return inp.text[lo.a_end : hi.a_start]


def _cue_before(inp: RelationInput, level: Figure, after: Figure | None) -> str:
    """The words just before a level, not reaching back past `after` (the change).

    Determiners and approximators between the cue and the level are dropped:
    "than the 51.2p", "from about £40m", "to a record $5bn" end on their cue.
    """
    text = inp.before(level, 40)
    if after is not None and after.a_end <= level.a_start:
        text = inp.text[max(after.a_end, level.a_start - 40) : level.a_start]
    return _FILLER_END.sub("", text)


def _clause_head(tok: Token) -> Token:
    """The verb that governs a token: its clause."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") or t.head is t:
            return t
        t = t.head
    return t


def _other_clause(inp: RelationInput, change: Figure, level: Figure) -> float:
    """The parse puts the level in another clause than the change (another verb governs it)."""
    if inp.doc is None or change.sentence != level.sentence:
        return 0.0
    a, b = inp.span(change), inp.span(level)
    if a is None or b is None or not inp.doc.has_annotation("DEP"):
        return 0.0
    ha, hb = _clause_head(a.root), _clause_head(b.root)
    if ha == hb or ha in hb.ancestors or hb in ha.ancestors:
        return 0.0
    # Two verbs joined by "and" each with their own subject: different clauses.
    return 1.0 if any(c.dep_ in ("nsubj", "nsubjpass") for c in hb.children) else 0.0


def _verb_between(inp: RelationInput, change: Figure, level: Figure) -> bool:
    """A verb of change stands between the two: the level is that verb's ("though X fell to 68.8")."""
    if change.sentence != level.sentence:
        return False
    words = _words(_clause_text(inp, change, level))
    # After a determiner the word is a noun: "an increase of", "the rise to".
    return any(
        w in _VERBS and (i == 0 or words[i - 1] not in _DETERMINERS) for i, w in enumerate(words)
    )


def _levels_between(
    inp: RelationInput, change: Figure, level: Figure, levels: list[Figure]
) -> frozenset[str]:
    """Levels of the same kind between the change and this one (each would be nearer)."""
    if change.sentence != level.sentence:
        return frozenset()
    first, second = sorted((change, level), key=lambda f: f.a_start)
    lo, hi = first.a_end, second.a_start
    return frozenset(
        f.id for f in levels if lo <= f.a_start < hi and f.id != level.id and same_measure(f, level)
    )


def _metric_same(a: Figure, b: Figure) -> bool:
    ha, hb = head(a.metric), head(b.metric)
    return (ha is not None and ha == hb) or bool(metric_words(a) & metric_words(b))


def _metric_conflict(a: Figure, b: Figure) -> bool:
    wa, wb = metric_words(a), metric_words(b)
    return bool(wa) and bool(wb) and not (wa & wb)


def _level_features(
    inp: RelationInput, ch: Change, level: Figure, role: str, others: list[Change]
) -> dict[str, float]:
    """Evidence about one level in one role, independent of the other level.

    `others` are the other changes of the article: a level nearer another
    change of its sentence is that change's level.
    """
    c = ch.fig
    f: dict[str, float] = {}
    same = level.sentence == c.sentence
    after_change = same and level.a_start > c.a_start
    before = _cue_before(inp, level, c if after_change else None)
    strong_to = cues.ends_with("change_to_strong", before)
    strong_from = cues.ends_with("change_from_strong", before)
    gap = _clause_text(inp, c, level) if same else ""
    if role == "to":
        cued = same and cues.ends_with("change_to", before) and not strong_from
        lead = False
        if same and not after_change:
            # "£580m, up 9%": the level just before the change, nothing but words between
            # (and the change itself stated in another unit: "£239,595, 61% or £91,096 more").
            for o in others:
                if o.fig.id != c.id and level.a_end <= o.fig.a_start < c.a_start:
                    gap = gap.replace(o.fig.text, " ")
            # "210bn yuan ($25.4bn) in 2004, almost double": the level restated in
            # another currency, its period, and the change's own approximator are no
            # words between.
            for g in inp.figures_in(level.sentence):
                mine = g.converts == level.id or g.kind in ("date", "period")
                if mine and level.a_end <= g.a_start < c.a_start:
                    gap = gap.replace(g.text, " ")
            gap = _APPROX_END.sub("", gap)
            words = _words(gap)
            lead = (
                len(words) <= 6 and not re.search(r"[\d;]", gap) and not _CLAUSE_WORDS & set(words)
            )
        # "The year before they were 1.18 million, a rise of 30%": a level its own clause
        # marks as the earlier one is where a change starts, not where it ends.
        f["to_marked_prior"] = float(same and _marked_prior(inp, level))
        f["to_cue"] = float(cued)
        f["to_lead"] = float(lead)
        f["to_miscued"] = float(strong_from and not strong_to)
        # "three mln to 3.3 mln": the upper end of a range, not where a change ends.
        f["to_range_end"] = float(_range_end(inp, level, others))
        # "£270,350 in March last year": a level of the prior period is where a change starts.
        f["to_prior"] = float(cues.has("change_from_after", inp.after(level, 30).split(",")[0]))
        # "11% higher than X": what is higher is the subject, before the change.
        f["to_after_comparative"] = float(after_change and ch.cue == "comparative")
        f["to_uncued"] = float(same and not cued and not lead)
        # After the change a "to" level is all but always cued ("to", "at", "reaching").
        f["to_uncued_after"] = float(after_change and not cued)
    else:
        # "93 fewer than in 2022, when staffing peaked at 1,705": the level after a comparative.
        compared = after_change and ch.cue == "comparative" and not _clause_break(gap)
        # "$4bn, more than double the $1.5bn it made": the level a multiplier is of.
        compared = compared or (
            after_change
            and kind_class(c) == "multiplier"
            and _MULTIPLIED.fullmatch(gap) is not None
        )
        cued = cues.ends_with("change_from", before) and not strong_to
        f["from_cue"] = float(cued)
        f["from_compared"] = float(compared and not cued)
        # "15 fewer than in 1985 and the lowest since 1980, when only two": the
        # comparison is with 1985; a level stated for another period is another's.
        f["from_other_period"] = float(
            after_change and ch.cue == "comparative" and _other_period_between(inp, c, level)
        )
        f["from_prior"] = float(cues.has("change_from_after", inp.after(level, 25).split(",")[0]))
        f["from_miscued"] = float(strong_to and not strong_from and not compared)
        f["from_before"] = float(same and not after_change)
        marked = same and not cued and not compared and _marked_prior(inp, level)
        f["from_marked_prior"] = float(marked)
        f["from_uncued"] = float(same and not cued and not compared and not marked)
    # "a loss of 30 mln dlrs, or 19 cts a share": an amount and a per-share level.
    f[f"{role}_scale_far"] = float(
        kind_class(c) in ("money", "number") and not ch.points and _ratio(c, level) > 1000
    )
    f[f"{role}_metric"] = float(_metric_same(c, level))
    f[f"{role}_metric_conflict"] = float(_metric_conflict(c, level))
    f[f"{role}_other_clause"] = _other_clause(inp, c, level)
    f[f"{role}_verb_between"] = float(_verb_between(inp, c, level))
    f[f"{role}_clause_break"] = float(same and _clause_break(gap))
    f[f"{role}_other_change"] = float(_nearer_change(inp, ch, level, others))
    # Far apart in one sentence: "rise to 4.8 pct … if … a 10 pct increase in the wage".
    f[f"{role}_distant"] = float(same and len(_words(gap)) > 10)
    if not same:
        f[f"{role}_other_sentence"] = 1.0
        f["from_period"] = float(role == "from")  # only prior-period levels come from afar
    return f


def _marked_prior(inp: RelationInput, level: Figure) -> bool:
    """Its clause opens on a time shift before the level: "A year earlier it was 287",
    "The year before they were 1.18 million", "Twelve months ago 131,600 were waiting"."""
    s = inp.sentence(level)
    if s is None:
        return False
    # Its own clause, and at its opening: "..., when only three called" and "rose 15% from
    # a year ago to reach £546m" are not.
    clause = re.split(r"[,;:()]", inp.text[s.start : level.a_start])[-1].lstrip()
    m = cues.pattern("prior_level").search(clause)
    return m is not None and m.start() <= _OPENING


def _other_period_between(inp: RelationInput, c: Figure, level: Figure) -> bool:
    """The comparison names its period ("than in 1985") and another period follows it before the level."""
    periods = [
        f
        for f in inp.figures_in(c.sentence)
        if f.kind in ("date", "period") and c.a_end <= f.a_start < level.a_start
    ]
    if len(periods) < 2:
        return False
    return (
        re.fullmatch(
            r"\s*\w+\s+than\s+(?:in\s+|during\s+)?", inp.text[c.a_end : periods[0].a_start]
        )
        is not None
    )


def _clause_break(gap: str) -> bool:
    """Another clause starts in the gap: "…, and its fuel bill came to", "…, while …"."""
    return cues.has("clause_break", gap) or _PUNCT_BREAK.search(gap) is not None


def _nearer_change(inp: RelationInput, ch: Change, level: Figure, others: list[Change]) -> bool:
    """Another change of the sentence stands nearer the level (and is not this one restated).

    "rose 1.3% to $216.4bn, … ahead of the 0.9% increase expected": $216.4bn is
    the 1.3%'s. "fell $1.12, or 1.7%, to $64.35": the two changes are one.
    """
    c = ch.fig
    if level.sentence != c.sentence:
        # A level in another sentence that has a change of its own is that change's.
        return any(o.fig.sentence == level.sentence for o in others)
    dist = _distance(c, level)
    for o in others:
        f = o.fig
        if f.id == c.id or f.sentence != c.sentence or _distance(f, level) >= dist:
            continue
        if _RESTATED.fullmatch(_clause_text(inp, c, f)):
            continue
        return True
    return False


def _between_ids(c: Figure, level: Figure, other: Figure) -> bool:
    lo, hi = sorted((c.a_start, level.a_start))
    return other.sentence == level.sentence and lo < other.a_start < hi


def _paired_elsewhere(inp: RelationInput, frm: Figure, mine: tuple[str, str]) -> bool:
    """The from-level's cue follows another level: "Honda 7,447 compared with 5,031"."""
    figs = inp.figures_in(frm.sentence)
    k = next((i for i, f in enumerate(figs) if f.id == frm.id), 0)
    prev = next((f for f in reversed(figs[:k]) if f.kind not in ("date", "period")), None)
    if prev is None or prev.id in mine or not same_measure(prev, frm):
        return False
    gap = inp.text[prev.a_end : frm.a_start]
    return len(_words(gap)) <= 3 and cues.ends_with("change_from", _FILLER_END.sub("", gap))


def _range_end(inp: RelationInput, level: Figure, others: list[Change]) -> bool:
    figs = inp.figures_in(level.sentence)
    k = next((i for i, f in enumerate(figs) if f.id == level.id), 0)
    if k == 0:
        return False
    prev = figs[k - 1]
    if any(o.fig.id == prev.id for o in others) or not same_measure(prev, level):
        return False
    return re.fullmatch(r"\s*(?:to|-|–)\s*", inp.text[prev.a_end : level.a_start]) is not None


def _loose_digits(inp: RelationInput, c: Figure, level: Figure, partner: str) -> bool:
    """A number the recognisers did not take stands between: "AMC 1,198, down 50 pct, VW 2,145, down from"."""
    if c.sentence != level.sentence:
        return False
    first, second = sorted((c, level), key=lambda f: f.a_start)
    lo, hi = first.a_end, second.a_start
    chars = list(inp.text[lo:hi])
    # Figures are weighed by `_levels_between`; only digits outside any figure count here.
    for f in inp.figures_in(c.sentence):
        if f.a_end > lo and f.a_start < hi:
            for i in range(max(f.a_start, lo), min(f.a_end, hi)):
                chars[i - lo] = " "
    return any(ch.isdigit() for ch in chars)


def _distance(a: Figure, b: Figure) -> int:
    return b.a_start - a.a_end if a.a_start < b.a_start else a.a_start - b.a_end


def _anaphor(inp: RelationInput, c: Figure) -> bool:
    """The change's sentence opens on a pronoun or "the figure": it continues the one before."""
    s = inp.sentence(c)
    if s is None:
        return False
    opening = " ".join(_words(inp.text[s.start : c.a_start])[:2])
    return bool(opening) and cues.pattern("anaphor").match(opening) is not None


def _last_before(inp: RelationInput, ch: Change, level: Figure, frm: Figure | None = None) -> bool:
    """No comparable level stands between this one and the change: the nearest thing it can
    refer to. The pair's own earlier value may ("A. That compared with B, a rise of C")."""
    c = ch.fig
    skip = {c.id, frm.id} if frm is not None else {c.id}
    return not any(
        level.a_end <= f.a_start < c.a_start and f.id not in skip and _comparable(ch, f)
        for s in range(level.sentence, c.sentence + 1)
        for f in inp.figures_in(s)
    )


def _named_before(inp: RelationInput, c: Figure, level: Figure) -> bool:
    """The change's sentence names the level's metric before the change: "The adult fare is 12% higher"."""
    h = head(level.metric)
    s = inp.sentence(c)
    if h is None or s is None or len(h) < 3:
        return False
    return h in {w.rstrip("s") for w in _words(inp.text[s.start : c.a_start])}


def _implied(ch: Change, to: Figure, frm: Figure) -> list[float]:
    """The change sizes the two levels allow, in every reading of the change's unit."""
    t, b = float(to.value), float(frm.value)  # type: ignore[arg-type]
    ck = "points" if ch.points else kind_class(ch.fig)
    out: list[float] = []
    if ck == "multiplier":
        if b > 0 and t > 0:
            out.append(max(t / b, b / t))
        return out
    if ck in ("percent", "points") and kind_class(to) == "percent":
        out.append(abs(t - b))
    if ck == "percent" and b > 0:
        out.append(abs(t / b - 1) * 100)
    if ck in ("money", "number"):
        out.append(abs(t - b))
    return out


def _stated(ch: Change) -> float:
    v = abs(float(ch.fig.value))  # type: ignore[arg-type]
    if kind_class(ch.fig) == "multiplier" and ch.fig.direction == "down" and 0 < v < 1:
        return 1 / v
    return v


def _prior_plausible(ch: Change, to: Figure, frm: Figure, ratios: list[float]) -> bool:
    """The from-level is within a factor of two of the one the change implies (or the sizes agree so)."""
    if kind_class(ch.fig) == "percent" and kind_class(to) in ("money", "number"):
        step = _stated(ch) / 100 * (-1 if ch.direction == "down" else 1)
        if 1 + step <= 0:
            return False
        implied = abs(float(to.value)) / (1 + step)  # type: ignore[arg-type]
        base = abs(float(frm.value))  # type: ignore[arg-type]
        return implied > 0 and base > 0 and max(implied, base) / min(implied, base) <= 2
    return any(0.5 <= r <= 2 for r in ratios)


def _pair_features(ch: Change, to: Figure, frm: Figure) -> dict[str, float]:
    f: dict[str, float] = {"both_levels": 1.0}
    tv, bv = abs(float(to.value)), abs(float(frm.value))  # type: ignore[arg-type]
    # A price and a bill, a rate and a count: the levels are not one measure.
    f["levels_far"] = float(tv > 0 and bv > 0 and max(tv, bv) / min(tv, bv) > 50)
    f["levels_metric_conflict"] = float(_metric_conflict(to, frm))
    stated = _stated(ch)
    implied = _implied(ch, to, frm)
    if stated > 0 and implied:
        ratios = [max(x, 1e-9) / stated for x in implied]
        # Levels far apart for the change stated is a wrong link (a price and a bill);
        # levels close together for a large stated change are more likely a wrong figure.
        f["scale_absurd"] = float(all(r > ABSURD or r < 1 / ABSURD_BELOW for r in ratios))
        # A small tie-break only: a wrong figure must still link to its levels.
        f["value_fits"] = float(any(0.7 <= r <= 1.3 for r in ratios))
        # A level from another sentence must be near what the change implies.
        f["far_value_off"] = float(
            (to.sentence != ch.fig.sentence or frm.sentence != ch.fig.sentence)
            and not _prior_plausible(ch, to, frm, ratios)
        )
        # The levels move the other way, and by far more than stated: not this change's.
        shown = "up" if float(to.value) > float(frm.value) else "down"  # type: ignore[arg-type]
        f["direction_conflict"] = float(
            ch.direction is not None
            and kind_class(ch.fig) != "multiplier"
            and shown != ch.direction
            and all(r > 2 for r in ratios)
        )
    return f


def _candidate_levels(
    inp: RelationInput, ch: Change, changes: frozenset[str]
) -> tuple[list[Figure], list[Figure], list[Figure]]:
    """Levels that may be the "to" and the "from" of the change (other changes are not levels),
    and which of the froms are a neighbouring sentence's only (`_adjacent_froms`)."""
    c = ch.fig

    def ok(f: Figure) -> bool:
        return f.id not in changes and _comparable(ch, f) and not _duration(inp, f)

    here = [f for f in inp.figures_in(c.sentence) if ok(f)]
    prev = [f for f in inp.figures_in(c.sentence - 1) if ok(f)]
    # Nearest first, so that the bound keeps the likeliest.
    here.sort(key=lambda f: abs(f.a_start - c.a_start))
    prev.sort(key=lambda f: -f.a_start)
    tos = here[:MAX_LEVELS] + prev[:MAX_LEVELS]
    froms = list(here[:MAX_LEVELS])
    if not any(f.a_start > c.a_start for f in here):
        # "has doubled since 2019, when 1,840 were recorded": the current level is
        # stated earlier, named by the same metric.
        seen = {f.id for f in tos}
        for s in range(c.sentence - 2, max(-1, c.sentence - 1 - FAR_SENTENCES), -1):
            for f in inp.figures_in(s):
                if f.id not in seen and ok(f) and _metric_same(c, f):
                    tos.append(f)
                    seen.add(f.id)
    froms += [f for f in _prior_levels(inp, ch, {f.id for f in froms}) if f.id not in changes]
    seen = {f.id for f in froms}
    adjacent = [f for f in _adjacent_froms(inp, ch, ok) if f.id not in seen]
    return tos, froms + adjacent, adjacent


def _adjacent_froms(inp: RelationInput, ch: Change, ok: Callable[[Figure], bool]) -> list[Figure]:
    """Levels a change may run from in the neighbouring sentence of its paragraph.

    "Operating profit climbed 14% to €312m. It had been €287m a year earlier.": the
    prior value in the next sentence. "Net profit rose to €540m from €410m. That is an
    increase of 24%.": a change that opens on a pronoun reads its levels in the sentence
    before. Which of them is the one is the evidence's (`_adjacent_features`).
    """
    c = ch.fig
    s = inp.sentence(c)
    if s is not None and cues.has("change_from_strong", inp.text[c.a_end : s.end]):
        # "down 46 from the previous week": the change names what it is measured against.
        return []
    out: list[Figure] = []
    nxt = [f for f in inp.figures_in(c.sentence + 1) if f.block == c.block and ok(f)]
    if len(nxt) == 1:
        # One level, so that the sentence is about it alone: "It had been €287m a year
        # earlier", not "Ford made $104m, compared with a loss of $793m a year ago".
        out += nxt
    if _anaphor(inp, c):
        out += [f for f in inp.figures_in(c.sentence - 1) if f.block == c.block and ok(f)][
            -ADJACENT_LEVELS:
        ]
    return [f for f in out if not _rival_prior(inp, c, f)]


def _rival_prior(inp: RelationInput, c: Figure, level: Figure) -> bool:
    """Another value stated for the level's period and the change's measure: the text
    does not say which one the change runs from."""
    if not resolved(level.period):
        return False
    return any(
        f.id != level.id
        and f.sentence != c.sentence
        and f.period == level.period
        and f.role == "level"
        and (f.metric, f.segment, f.entity) == (c.metric, c.segment, c.entity)
        and same_measure(f, level)
        and not values_agree(f, level)
        for f in inp.figures
    )


def _adjacent_features(inp: RelationInput, ch: Change, level: Figure) -> dict[str, float]:
    """Evidence that a level of a neighbouring sentence is where the change starts.

    A prior value in another sentence is marked as one: by a time shift in its own
    sentence ("a year earlier", "had been", "twelve months ago", "In July last year") or
    by its period, the one the change runs from. Its measure must be the change's: a
    level of another metric, or one another change of its sentence moves, is not it.
    """
    c = ch.fig
    f: dict[str, float] = {"from_adjacent": 1.0}
    if level.sentence < c.sentence:
        # The pair before the pronoun states its own comparison: "from €410m".
        marked = cues.ends_with("change_from", _cue_before(inp, level, None))
    else:
        basis = basis_of(inp.sentence_text(c))
        prior = prior_period(c.period, basis) if basis != "mixed" else None
        marked = cues.has("prior_level", inp.sentence_text(level)) or (
            prior is not None and level.period == prior
        )
    f["from_adjacent_marked"] = float(marked)
    f["from_adjacent_unmarked"] = float(not marked)
    f["from_adjacent_metric_conflict"] = float(
        metric_apart(c, level) or bool(level.segment and c.segment and level.segment != c.segment)
    )
    f["from_adjacent_entity_conflict"] = float(
        c.entity is not None and level.entity is not None and c.entity != level.entity
    )
    return {k: v for k, v in f.items() if v}


def _prior_levels(inp: RelationInput, ch: Change, seen: set[str]) -> list[Figure]:
    """Levels elsewhere of the change's metric and entity, stated for the period it runs from."""
    c = ch.fig
    if c.period is None or c.entity is None or c.metric is None:
        return []
    text = inp.sentence_text(c)
    cue = basis_of(text)
    stated = states_basis(text, "yoy", "mom")
    if re.fullmatch(r"\d{4}-\d\d", c.period) and not stated:
        # A monthly change with no stated basis is as often on the month before as on
        # the year before ("spending rose 1.0 pct in January"): no prior level is implied.
        return []
    prior = prior_period(c.period, cue) if cue != "mixed" else None
    if prior is None:
        return []
    found = [
        f
        for f in inp.figures
        if f.id not in seen
        and f.sentence != c.sentence
        and f.period == prior
        and f.role == "level"
        and f.converts is None
        and (f.metric, f.segment, f.entity) == (c.metric, c.segment, c.entity)
        and _comparable(ch, f)
    ]
    # Two different prior values: the text does not say which the change is against.
    if any(not values_agree(found[0], f) for f in found[1:]):
        return []
    return found[:1]


def change_features(
    inp: RelationInput,
    ch: Change,
    to: Figure | None,
    frm: Figure | None,
    level_feats: dict[tuple[str, str], dict[str, float]],
    levels: list[Figure],
) -> dict[str, float]:
    c = ch.fig
    f: dict[str, float] = {}
    if ch.direction is not None:
        f[f"cue_{ch.direction}"] = 1.0
    f[f"change_{ch.cue}"] = 1.0
    for lv, role, other in ((to, "to", frm), (frm, "from", to)):
        if lv is None:
            continue
        f.update(level_feats[(role, lv.id)])
        between = _levels_between(inp, c, lv, levels)
        partner = other.id if other else ""
        f[f"{role}_level_between"] = float(
            bool(between - {partner}) or _loose_digits(inp, c, lv, partner)
        )
        if other is not None and f.get(f"{role}_distant") and _between_ids(c, lv, other):
            # "rose 7.1% in the four weeks to March 20 to A from B": B is near A, its partner.
            f[f"{role}_distant"] = float(len(_words(_clause_text(inp, other, lv))) > 10)
    if ch.cue == "noun":
        # "173 mln against 169 mln … with the forecast three mln rise in Soviet imports":
        # an amount named a change by its noun has its levels after it ("a £12m cut,
        # taking it to £88m") or just before it ("£88m, a £12m cut").
        f["noun_level_before"] = float(
            any(
                lv is not None
                and lv.sentence == c.sentence
                and lv.a_start < c.a_start
                and not (role == "to" and f.get("to_lead"))
                for lv, role in ((to, "to"), (frm, "from"))
            )
        )
    if to is not None and frm is not None:
        f.update(_pair_features(ch, to, frm))
        # "Visitors reached 1.42 million in 2025. The year before they were 1.18 million,
        # a rise of 30%": the change and its marked earlier level follow the level it
        # ends at, stated in the sentence before.
        f["to_before_prior_pair"] = float(
            to.sentence == c.sentence - 1
            and to.block == c.block
            and frm.sentence == c.sentence
            and bool(f.get("from_marked_prior"))
            and not metric_apart(to, frm)
        )
        f["from_paired_elsewhere"] = float(_paired_elsewhere(inp, frm, (c.id, to.id)))
        # Either level is another change's: then the pair is that change's too.
        f["pair_other_change"] = max(f.get("to_other_change", 0.0), f.get("from_other_change", 0.0))
        f["order_to_from"] = float(to.a_start < frm.a_start)
    if to is not None and to.sentence != c.sentence:
        # Only a comparison ("… is 11% higher than …") or a pronoun reaches back a sentence.
        f["cross_comparative"] = float(
            ch.cue in ("comparative", "restated") or _comparative_after(inp, c) is not None
        )
        f["anaphor"] = float(_anaphor(inp, c))
        f["to_last_before"] = float(_last_before(inp, ch, to, frm))
        # "… cost £392,961. This is 64% more than …": the pronoun's nearest level.
        f["anaphor_last"] = f["anaphor"] * f["to_last_before"]
        f["to_named"] = float(_named_before(inp, c, to))
    stated = (c.target, c.base)
    if any(stated):
        mine = (to.id if to else None, frm.id if frm else None)
        f["frame_link"] = float(mine == stated)
        f["frame_to"] = float(to is not None and to.id == c.target)
        f["frame_from"] = float(frm is not None and frm.id == c.base)
    return {k: v for k, v in f.items() if v}


@proposer("changes")
def changes(inp: RelationInput) -> Iterator[Candidate]:
    found = [ch for fig in inp.figures if (ch := read_change(inp, fig)) is not None]
    change_ids = frozenset(ch.fig.id for ch in found)
    for ch in found:
        fig = ch.fig
        tos, froms, adjacent = _candidate_levels(inp, ch, change_ids)
        levels = [
            f
            for f in inp.figures_in(fig.sentence)
            if _comparable(ch, f) and f.id not in change_ids and not _duration(inp, f)
        ]
        feats = {("to", t.id): _level_features(inp, ch, t, "to", found) for t in tos}
        feats.update({("from", b.id): _level_features(inp, ch, b, "from", found) for b in froms})
        for b in adjacent:
            feats[("from", b.id)].update(_adjacent_features(inp, ch, b))
        options: list[tuple[Figure | None, Figure | None]] = [(t, None) for t in tos]
        options += [(None, b) for b in froms]
        options += [(t, b) for t in tos for b in froms if t.id != b.id and same_measure(t, b)]
        for to, frm in options:
            ids, roles = [fig.id], ["change"]
            for lv, role in ((to, "to"), (frm, "from")):
                if lv is not None:
                    ids.append(lv.id)
                    roles.append(role)
            yield Candidate(
                "change_of",
                tuple(ids),
                tuple(roles),
                change_features(inp, ch, to, frm, feats, levels),
                exclusive=(fig.id,),
            )


@proposer("changes-ahead")
def changes_ahead(inp: RelationInput) -> Iterator[Candidate]:
    """A headline's change and the two levels the story states for it further down.

    "Nortel in $300m profit revision" … "it had made $434m, compared to the
    previously reported $732m": a change in the headline (or a heading, bullet,
    standfirst) with no level of its own, and a later sentence that sets two
    levels of its measure side by side. Nothing in the words ties them, so the
    values must: the levels have to give the change stated (`ahead_value_off`
    weighs heavily against a pair that does not). A wrong headline figure then
    links to nothing, a miss rather than a false alarm on published copy.
    """
    if not any(inp.block_kind(f) in TOP_BLOCKS for f in inp.figures):
        return
    found = [ch for fig in inp.figures if (ch := read_change(inp, fig)) is not None]
    change_ids = frozenset(ch.fig.id for ch in found)
    for ch in found:
        c = ch.fig
        if inp.block_kind(c) not in TOP_BLOCKS:
            continue
        if any(f.id not in change_ids and _comparable(ch, f) for f in inp.figures_in(c.sentence)):
            continue  # its own sentence states a level: the `changes` proposer's
        for s in range(c.sentence + 1, c.sentence + 1 + AHEAD_SENTENCES):
            if any(o.fig.sentence == s and same_measure(o.fig, c) for o in found):
                # "GDP GROWTH OF 4.4 PCT" … "is expected to grow by 4.4 pct": the story
                # states the change itself; its own sentence gives the levels, if any.
                break
            for to, frm in _side_by_side(inp, ch, s, change_ids):
                if ch.direction is not None and _shown(to, frm) != ch.direction:
                    continue  # "RISES" of two levels that fall are not this change's
                f = {"ahead_pair": 1.0, "both_levels": 1.0, f"change_{ch.cue}": 1.0}
                if ch.direction is not None:
                    f[f"cue_{ch.direction}"] = 1.0
                f.update(_pair_features(ch, to, frm))
                f["ahead_value_off"] = float(not f.get("value_fits"))
                f["to_metric_conflict"] = float(_metric_conflict(c, to))
                yield Candidate(
                    "change_of",
                    (c.id, to.id, frm.id),
                    ("change", "to", "from"),
                    {k: v for k, v in f.items() if v},
                    exclusive=(c.id,),
                )


def _shown(to: Figure, frm: Figure) -> str:
    return "up" if float(to.value) > float(frm.value) else "down"  # type: ignore[arg-type]


def _side_by_side(
    inp: RelationInput, ch: Change, sentence: int, changes: frozenset[str]
) -> Iterator[tuple[Figure, Figure]]:
    """Two levels of one measure in a sentence, the second cued as the first's comparison."""
    figs = [
        f
        for f in inp.figures_in(sentence)
        if f.id not in changes and f.role != "conversion" and f.kind not in ("date", "period")
    ]
    for a, b in pairwise(figs):
        if not (_comparable(ch, a) and _comparable(ch, b) and same_measure(a, b)):
            continue
        if _duration(inp, a) or _duration(inp, b):
            continue
        # "$434m (£231m), compared to the previously reported $732m": the cue may
        # stand a few words before the level it marks.
        gap = _without_conversions(inp, a, b)
        if len(_words(gap)) <= 8 and cues.has("change_from_strong", gap) and not _clause_break(gap):
            yield a, b


def _without_conversions(inp: RelationInput, a: Figure, b: Figure) -> str:
    """The text between two levels with the first's restatement in another currency dropped."""
    gap = inp.text[a.a_end : b.a_start]
    for f in inp.figures_in(a.sentence):
        if f.converts == a.id and a.a_end <= f.a_start < b.a_start:
            gap = gap.replace(f.text, " ")
    return gap


@proposer("comparisons")
def comparisons(inp: RelationInput) -> Iterator[Candidate]:
    """Two levels of one measure in a sentence, the second after "compared with", "against", …"""
    for s in inp.sentences:
        figs = [f for f in inp.figures_in(s.index) if numeric(f) and f.role != "conversion"]
        for j, b in enumerate(figs):
            before = inp.before(b, 25)
            if not cues.ends_with("compare", before):
                continue
            if (
                b.approx in ("more_than", "less_than")
                and cues.ends_with("approx_than", before)
                and not cues.has("prior_after", re.split(r"[,;]", inp.after(b, 30))[0])
            ):
                # "300 staff and more than 120 contractors": the figure's own bound; but
                # "500 units, more than 400 a year earlier" compares two years.
                continue
            earlier = [a for a in figs[:j] if same_measure(a, b) and a.role != "change"]
            if not earlier:
                continue
            a = earlier[-1]
            f = {
                "compare_cue": 1.0,
                "metric_same": float(_metric_same(a, b)),
                "metric_conflict": float(_metric_conflict(a, b)),
                "verb_between": float(_verb_between(inp, a, b)),
                "levels_far": float(_far(a, b)),
            }
            yield Candidate(
                "compares",
                (a.id, b.id),
                ("a", "b"),
                {k: v for k, v in f.items() if v},
                exclusive=("b", b.id),
            )


def _ratio(a: Figure, b: Figure) -> float:
    va, vb = abs(float(a.value)), abs(float(b.value))  # type: ignore[arg-type]
    return max(va, vb) / min(va, vb) if va > 0 and vb > 0 else 1.0


def _far(a: Figure, b: Figure) -> bool:
    va, vb = abs(float(a.value)), abs(float(b.value))  # type: ignore[arg-type]
    return va > 0 and vb > 0 and math.log10(max(va, vb) / min(va, vb)) > math.log10(50)
