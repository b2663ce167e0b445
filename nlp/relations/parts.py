"""`part_of` and `sum_of`: a figure that is part of another, and a whole broken into parts.

The evidence is what a reader uses to see that one figure is inside another:
a partitive "of" whose noun names what an earlier figure counts ("40 of last
year's burglaries", "of the quarter's deliveries"); an inclusion cue between
a whole and a later figure ("..., including", "of which"); a whole named
before a list of same-kind figures ("Of the 52 injuries, 20 ..., 18 ... and
9 ...", a "40-seat" council then the parties' seats); a table's "Total" row. Whether
the list is all of the whole is evidence too ("the remaining", "the rest",
"all others", a table total); the rules decide what an incomplete list may
still be checked for.

The helpers here (what a figure counts, the noun after "of") are shared with
the share and average proposers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newscheck.nlp import lexicon as lx
from newscheck.nlp.relations import cues
from newscheck.nlp.relations.base import Candidate, RelationInput, proposer
from newscheck.nlp.relations.evidence import kind_class, numeric, resolved
from newscheck.nlp.types import Figure, Sentence

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Words after a figure that say how it is written, not what it counts.
_UNIT_WORDS = frozenset(
    {
        *("million", "billion", "trillion", "thousand", "mln", "bln", "bn", "m", "k", "crore"),
        *("lakh", "per", "cent", "percent", "pct", "dlrs", "dollars", "pounds", "euros", "yen"),
        *("more", "new", "extra", "additional", "other", "further", "total", "separate"),
    }
)
_FUNCTION = frozenset(
    {
        *("a", "an", "the", "and", "or", "of", "for", "in", "on", "at", "to", "from", "by"),
        *("with", "as", "than", "vs", "against", "last", "this", "that", "these", "those"),
        *("next", "were", "was", "is", "are", "be", "been", "will", "would", "had", "has"),
        *("have", "it", "its", "their", "his", "her", "who", "which", "while", "but", "so"),
        *("said", "says", "up", "down", "each", "all", "them", "they", "we", "i", "she", "he"),
        *("quarter",),
        *("not", "no", "about", "around", "some", "only", "just", "over", "under", "after"),
    }
)
#: Determiners and possessives between "of" and its noun: "of the quarter's deliveries".
_OF = re.compile(
    # "158 of ...", or a unit noun then "of" and a word that points back:
    # "4.2 million tonnes of the quarter's deliveries", not "shares of common stock".
    r"\s*(?:of\s+|[A-Za-z-]+\s+of\s+(?=(?:the|those|these|its|their|this|that|[A-Za-z]+['’]s)\s))"
    r"(?:(?:the|those|these|this|that|its|their|all|our|[A-Za-z]+['’]s)\s+){0,2}",
    re.IGNORECASE,
)
_DETERMINED = re.compile(
    r"\s*(?:[A-Za-z-]+\s+)?of\s+(?:the|those|these|this|that|its|their|all|our|"
    r"(?:[A-Za-z]+\s+)?[A-Za-z]+['’]s)\s",
    re.IGNORECASE,
)
_STOP_NP = re.compile(r"[,.;:()!?\u2014\u2013]|\s-\s|\b(?:and|who|that|which|while|were|was)\b")
ADDITIVE = frozenset({"money", "number"})
_LEVEL_ROLES = frozenset({None, "level", "forecast", "target"})
#: How many sentences back a whole may be named before its parts.
WINDOW = 8


def stem(word: str) -> str:
    """A crude stem that meets "arrivals" and "arrived", "seat" and "seats"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if len(w) > 5:
        return w[:5]
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


def content_stems(text: str) -> set[str]:
    words = (w.lower() for w in _WORD.findall(text))
    return {stem(w) for w in words if w not in _FUNCTION and w not in _UNIT_WORDS and len(w) > 1}


def noun_after(inp: RelationInput, fig: Figure) -> str | None:
    """The word a count is of: "4,500 cars" -> "car", "a 40-seat council" -> "seat"."""
    return noun_after_text(inp.text, fig)


def noun_after_text(text: str, fig: Figure) -> str | None:
    after = text[fig.a_end : fig.a_end + 40]
    for w in _WORD.findall(after)[:3]:
        lw = w.lower().strip("-")
        if lw in _UNIT_WORDS:
            continue
        if lw in _FUNCTION:
            return None
        return stem(lw)
    return None


def clause_before(inp: RelationInput, fig: Figure, chars: int = 70) -> str:
    text = inp.before(fig, chars)
    return re.split(r"[,;:()\u2014\u2013]|\s-\s", text)[-1]


def _acronyms(text: str) -> set[str]:
    words = [w.lower() for w in _WORD.findall(text)]
    out: set[str] = set()
    for n in (3, 4):
        for i in range(len(words) - n + 1):
            out.add("".join(w[0] for w in words[i : i + n]))
    return out


def names(inp: RelationInput, fig: Figure) -> set[str]:
    """Stems of the words that say what a figure counts: its noun, metric, the clause before it."""
    out = content_stems(" ".join(x for x in (fig.metric, fig.segment) if x))
    if (n := noun_after(inp, fig)) is not None:
        out.add(n)
    lead = clause_before(inp, fig)
    if len(_WORD.findall(lead)) < 2:
        # "Funds under management: £6.2bn": a label before a colon names it.
        lead = re.split(r"[,;()]", inp.before(fig, 60).rstrip(" :,\t"))[-1]
    out |= content_stems(lead)
    out |= _acronyms(lead)
    return out


#: A count of these is a duration or an age, not a part of anything.
TIME_NOUNS = frozenset({"year", "month", "week", "day", "hour", "minut", "secon", "decad"})


def additive_level(inp: RelationInput, fig: Figure) -> bool:
    """A level of a summable measure: money or a count, not a change, rate or conversion.

    A range, a fraction in words ("half") and a duration ("two years") are no such level.
    """
    return (
        numeric(fig)
        and fig.kind != "range"
        and kind_class(fig) in ADDITIVE
        and fig.role in _LEVEL_ROLES
        and fig.converts is None
        and float(fig.value) >= 0  # type: ignore[arg-type]
        and list_item(fig)
        and (fig.kind == "money" or noun_after(inp, fig) not in TIME_NOUNS)
    )


def same_measure(a: Figure, b: Figure) -> bool:
    return kind_class(a) == kind_class(b) and (a.unit or None) == (b.unit or None)


def of_phrase(inp: RelationInput, fig: Figure) -> tuple[set[str], Figure | None] | None:
    """The noun of a partitive "of" right after the figure, or the figure it names.

    "40 of last year's burglaries" -> ({"burgl"}, None); "310 of the 2,040
    pupils" -> (..., the 2,040 figure).
    """
    s = inp.sentence(fig)
    end = s.end if s is not None else len(inp.text)
    m = _OF.match(inp.text, fig.a_end, end)
    if m is None:
        return None
    rest = inp.text[m.end() : min(end, m.end() + 60)]
    nxt = inp.next_figure_start(fig.a_start)
    if nxt is not None and nxt == m.end():
        named = next((f for f in inp.figures if f.a_start == nxt), None)
        if named is not None and numeric(named):
            return set(), named
    cut = _STOP_NP.search(rest)
    np = rest[: cut.start()] if cut else rest
    words = [w for w in _WORD.findall(np)[:4]]
    stems = content_stems(" ".join(words))
    if any(w.lower() in ("total", "all") for w in words):
        # "of the overall total" names no measure: the caller reads the part's words.
        stems.add("total")
    acr = {w.lower() for w in words if w.isupper() and len(w) >= 2}
    return stems | acr, None


#: After a figure, these introduce the next figure, not this one's time.
_NEXT_IS_PRIOR = re.compile(
    r"^\s*(?:[A-Za-z]+\s+)?(?:from|against|versus|vs|up from|down from|compared (?:with|to)|than)\b",
    re.IGNORECASE,
)


#: "were on 14 per cent", "Labour is on 34%": a standing, not "up 6% on" an earlier value.
_STANDS_ON = re.compile(
    r"\b(?:is|are|was|were|stood|stands|sat|sits|remain(?:s|ed)?|ha(?:s|ve|d) been)\s+on\s*$",
    re.IGNORECASE,
)


_ON_END = re.compile(r"\bon\s*$", re.IGNORECASE)
#: Words of a move, after which "on" introduces an earlier value ("up 6% on 2022").
_MOVES = lx.UP_VERBS | lx.DOWN_VERBS | lx.CHANGE_NOUNS | {"more", "less", "fewer"}


def prior_cued(inp: RelationInput, fig: Figure) -> bool:
    """An earlier value: "from 176", "compared with 2,500", "£3.8bn a year earlier"."""
    # "an increase of 11 pct over the 400 mln", "compared with the 2,500": the
    # determiner aside, the clause ends with what introduces an earlier value.
    lead = re.sub(r"\s+(?:the|a|an)\s*$", "", clause_before(inp, fig, 30))
    if _STANDS_ON.search(lead) or (
        _ON_END.search(lead) and not _MOVES.intersection(re.findall(r"[a-z]+", lead.lower()))
    ):
        # "the Greens were on 14 per cent", "independents on 12 per cent": where a party
        # stands; "on" introduces an earlier value only after a move ("up 6% on 2022").
        return False
    if cues.ends_with("prior", lead) or cues.ends_with("change_from", lead):
        return True
    # After it, only a named earlier time: "2,500 a year earlier". "Last year" is
    # as often the story's own period ("sold 1,250 vans last year").
    after = inp.after(fig, 18)
    return not _NEXT_IS_PRIOR.match(after) and cues.has("prior_time", after)


def _period_conflict(a: Figure, b: Figure) -> bool:
    return resolved(a.period) and resolved(b.period) and a.period != b.period


def whole_candidates(
    inp: RelationInput, part: Figure, *, any_measure: bool = False
) -> list[Figure]:
    """Earlier figures of the part's measure within the window, and the story's top figures.

    `any_measure`: a share's whole may be money or a count, whatever the share is.
    """
    lo = part.sentence - WINDOW
    return [
        w
        for w in inp.figures
        if w is not part
        and w.a_end <= part.a_start
        and additive_level(inp, w)
        and (any_measure or same_measure(w, part))
        and (w.sentence >= lo or inp.is_top(w))
    ]


def whole_features(inp: RelationInput, part: Figure, whole: Figure) -> dict[str, float]:
    """Where the whole stands relative to the part, and whether it is an earlier value."""
    gap = part.sentence - whole.sentence
    return {
        "same_sentence": float(gap == 0),
        "previous_sentence": float(gap == 1),
        "near": float(1 < gap <= 3),
        "whole_top": float(inp.is_top(whole) and gap > 3),
        "whole_prior": float(prior_cued(inp, whole) or whole.id in _bases(inp)),
        "whole_change_target": float(whole.id in _targets(inp)),
        "period_conflict": float(_period_conflict(part, whole)),
        "period_same": float(resolved(part.period) and part.period == whole.period),
        "whole_is_top": float(inp.is_top(whole)),
        "whole_after_prior": float(_prior_before(inp, whole)),
    }


def _prior_before(inp: RelationInput, fig: Figure) -> bool:
    """An earlier time named before the figure in its sentence: "a year earlier, when 5,100 were ..."."""
    s = inp.sentence(fig)
    lead = inp.text[s.start if s is not None else 0 : fig.a_start]
    return cues.has("prior_time", lead)


def _bases(inp: RelationInput) -> set[str]:
    """Levels a change starts from: "an increase of 11 pct over the 400 mln" is no whole."""
    return {f.base for f in inp.figures if f.base is not None}


def _targets(inp: RelationInput) -> set[str]:
    return {f.target for f in inp.figures if f.target is not None}


def far_above(part: float, whole: float) -> float:
    """A part half as big again as its whole: a wrong pairing, not a writer's slip.

    A copying slip makes a part a little more than its whole (a transposed
    digit, a wrong total); a part many times its whole is another quantity.
    """
    return float(part > FAR * whole)


#: How far above its whole a part (or a list's sum) may be and still be read as one.
FAR = 1.25


def _with_value(cands: Iterator[Candidate], inp: RelationInput) -> Iterator[Candidate]:
    for c in cands:
        part, whole = inp.by_id[c.figures[0]], inp.by_id[c.figures[1]]
        c.features["part_far"] = far_above(float(part.value), float(whole.value))  # type: ignore[arg-type]
        yield c


@proposer("part-of")
def part_of(inp: RelationInput) -> Iterator[Candidate]:
    yield from _with_value(_part_of(inp), inp)


def _part_of(inp: RelationInput) -> Iterator[Candidate]:
    levels = [f for f in inp.figures if additive_level(inp, f)]
    for part in levels:
        # "40 of the burglaries", "4.2m tonnes of last year's deliveries": a word that
        # points back at a set. "24,500 of wheat" or "6,000 shares of common" name no set.
        if not _DETERMINED.match(inp.text, part.a_end):
            continue
        found = of_phrase(inp, part)
        if found is not None:
            yield from _partitive(inp, part, *found)
    yield from _inclusion(inp, levels)
    yield from _pronoun_of(inp, levels)
    yield from _contributed_to(inp, levels)
    for whole in levels:
        if lead_of(inp, whole):
            nxt = [f for f in inp.figures_in(whole.sentence) if f.a_start > whole.a_end]
            if nxt and additive_level(inp, nxt[0]) and same_measure(nxt[0], whole):
                f = {"lead_of": 1.0, "noun_same": float(_noun_same(inp, nxt[0], whole))}
                yield Candidate(
                    "part_of", (nxt[0].id, whole.id), ("part", "whole"), f, (nxt[0].id,)
                )


def _partitive(
    inp: RelationInput, part: Figure, words: set[str], named: Figure | None
) -> Iterator[Candidate]:
    if named is not None:
        if additive_level(inp, named) and same_measure(part, named):
            f = {"of_figure": 1.0, "noun_same": float(_noun_same(inp, part, named))}
            yield Candidate("part_of", (part.id, named.id), ("part", "whole"), f, (part.id,))
        return
    if not words:
        return
    for whole in whole_candidates(inp, part):
        hit = words & names(inp, whole)
        if not hit:
            continue
        f = {"of_phrase": 1.0, "head_match": min(len(hit), 2) / 2}
        # "$3bn of new loans" and "$1bn of the target's loans": two amounts of one
        # noun are siblings, not a part and its whole.
        own = of_phrase(inp, whole)
        f["whole_same_of"] = float(own is not None and bool(own[0] & words))
        f.update(whole_features(inp, part, whole))
        yield Candidate("part_of", (part.id, whole.id), ("part", "whole"), f, (part.id,))


_APPROX_TAIL = re.compile(
    r"\s+(?:about|around|roughly|some|nearly|almost|over|just|an estimated|more than|less than)\s*$",
    re.IGNORECASE,
)
_TO_NP = re.compile(r"\s+to\s+(?:(?:the|its|their|this|that|[A-Za-z]+['’]s)\s+)?", re.IGNORECASE)


def _contributed_to(inp: RelationInput, levels: list[Figure]) -> Iterator[Candidate]:
    """ "Stronger currencies contributed $29m to third-quarter international sales":
    what the amount went into is a whole the "to" phrase names."""
    for part in levels:
        lead = _APPROX_TAIL.sub("", clause_before(inp, part, 50))
        if not cues.ends_with("contribution", lead):
            continue
        s = inp.sentence(part)
        end = s.end if s is not None else len(inp.text)
        m = _TO_NP.match(inp.text, part.a_end, end)
        if m is None:
            continue
        rest = inp.text[m.end() : min(end, m.end() + 60)]
        cut = _STOP_NP.search(rest)
        words = content_stems(" ".join(_WORD.findall(rest[: cut.start()] if cut else rest)[:4]))
        if not words:
            continue
        for whole in whole_candidates(inp, part):
            hit = words & names(inp, whole)
            if not hit:
                continue
            f = {"to_phrase": 1.0, "to_head_match": len(hit) / len(words)}
            # "to international sales": the segment named must be the whole's own.
            seg = content_stems(whole.segment or "")
            f["to_segment_match"] = float(bool(seg & words))
            f["to_segment_conflict"] = float(bool(seg) and not seg & words)
            f.update(whole_features(inp, part, whole))
            yield Candidate("part_of", (part.id, whole.id), ("part", "whole"), f, (part.id,))


#: "£12m of them", "40 of those", "a third of it": "of" and a word pointing back, no noun.
_OF_PRONOUN = re.compile(
    # "of these 37 fields" names its figure, "of those surveyed" its noun: neither is a pronoun.
    # A unit word may stand between ("41.2 million tonnes of that").
    r"(?:\s+(?!of\b|or\b|and\b|to\b|in\b|from\b)[a-z]+)?\s+of\s+(?:them|it|(?:these|those|this|that)(?![\s\u00a0]+(?:\d|(?!(?:were|was|are|is|"
    r"came|come|went|had|have|has|from|in|on|at|by|with|for)\b)[a-z])))\b",
    re.IGNORECASE,
)


def _pronoun_of(inp: RelationInput, levels: list[Figure]) -> Iterator[Candidate]:
    """ "almost £68m in donations, with nearly £12m of them from ...": the pronoun's
    antecedent is the nearest earlier figure of the part's measure, in its own
    sentence or the one before."""
    for part in levels:
        if not _OF_PRONOUN.match(inp.text, part.a_end):
            continue
        earlier = [
            w
            for w in levels
            if w.a_end <= part.a_start
            and part.sentence - 1 <= w.sentence <= part.sentence
            and same_measure(w, part)
            and not prior_cued(inp, w)
        ]
        if not earlier:
            continue
        whole = earlier[-1]
        f = {"of_pronoun": 1.0, "noun_same": float(_noun_same(inp, part, whole))}
        f.update(whole_features(inp, part, whole))
        if whole.sentence == part.sentence:
            # The pronoun takes the set as just named, its time with it: periods the
            # frames read apart within one sentence ("in 2001, 2002 and 2003") are no conflict.
            f["period_conflict"] = 0.0
        yield Candidate("part_of", (part.id, whole.id), ("part", "whole"), f, (part.id,))


def _noun_same(inp: RelationInput, a: Figure, b: Figure) -> bool:
    na, nb = noun_after(inp, a), noun_after(inp, b)
    return na is not None and na == nb


def _inclusion(inp: RelationInput, levels: list[Figure]) -> Iterator[Candidate]:
    """ "built 12,400 vans, including 3,100 electric ones": a whole, a cue, a part."""
    for whole in levels:
        nxt = [f for f in inp.figures_in(whole.sentence) if f.a_start > whole.a_end and numeric(f)]
        if not nxt:
            continue
        part = nxt[0]
        between = inp.text[whole.a_end : part.a_start]
        if len(between) > 60 or not cues.has("inclusion", between):
            continue
        if not additive_level(inp, part) or not same_measure(part, whole):
            continue
        np, nw = noun_after(inp, part), noun_after(inp, whole)
        if re.match(r"^\s*(?:[a-z-]+\s+)?ones?\b", inp.after(part, 30)):
            # "3,100 electric ones": the part is counted in the whole's noun.
            np = nw
        f = {
            "inclusion_cue": 1.0,
            "noun_same": float(np is not None and np == nw),
            "noun_conflict": float(np is not None and nw is not None and np != nw),
            "money_pair": float(kind_class(part) == "money"),
            "whole_prior": float(prior_cued(inp, whole)),
        }
        yield Candidate("part_of", (part.id, whole.id), ("part", "whole"), f, (part.id,))


# -- breakdowns ---------------------------------------------------------------

#: Between two items of a list: a comma or "and", a few words naming the next item.
_LIST_GAP = re.compile(r"^[^.;:!?\d]*$")
#: How long that gap may be: a few words; a list of a whole named sentences
#: before may name each item at length ("the Dock and Harbour Staff Union's").
GAP_CHARS = 45
LONG_GAP_CHARS = 60


def _gap(inp: RelationInput, a: Figure, b: Figure) -> str:
    """The words between two items, a change beside an item ("19, up four, ...") left out."""
    cuts = [
        f
        for f in inp.figures
        if a.a_end <= f.a_start and f.a_end <= b.a_start and f.role == "change"
    ]
    text, pos = [], a.a_end
    for f in cuts:
        text.append(inp.text[pos : f.a_start])
        pos = f.a_end
    text.append(inp.text[pos : b.a_start])
    return "".join(text)


_RESTATE = re.compile(r"^\s*(?:,\s*or\b|\(|,\s*(?:about|roughly|around|some)\b)", re.IGNORECASE)


def _list_gap(inp: RelationInput, a: Figure, b: Figure, chars: int = GAP_CHARS) -> bool:
    gap = _gap(inp, a, b)
    if _RESTATE.match(gap) or len(gap) > chars:
        return False
    if cues.has("breakdown_opens", gap):
        # "a further 233,600 tonnes ..., comprising 47,000 ...": the first is the whole
        # of what follows, not an item beside it.
        return False
    return bool(_LIST_GAP.match(gap)) and ("," in gap or re.search(r"\band\b", gap) is not None)


def list_item(fig: Figure) -> bool:
    """A fraction in words ("half", "seven in 10") qualifies an item; it is none itself."""
    return any(c.isdigit() for c in fig.text) or float(fig.value) >= 1  # type: ignore[arg-type]


def list_runs(inp: RelationInput, figs: list[Figure], chars: int = GAP_CHARS) -> list[list[Figure]]:
    """Maximal runs of figures that stand as items of one list in the text."""
    runs: list[list[Figure]] = []
    for f in sorted((f for f in figs if list_item(f)), key=lambda f: f.a_start):
        if runs and _list_gap(inp, runs[-1][-1], f, chars):
            runs[-1].append(f)
        else:
            runs.append([f])
    return runs


def _items(inp: RelationInput, sentence: int, like: Figure) -> list[Figure]:
    return [
        f
        for f in inp.figures_in(sentence)
        if additive_level(inp, f) and same_measure(f, like) and not prior_cued(inp, f)
    ]


def completeness(inp: RelationInput, text: str) -> float:
    return float(cues.has("complete_list", text))


_REMAINDER_BEFORE = re.compile(r"\b(?:the|its|their)\s+(?:other|remaining)\s*$", re.IGNORECASE)


def remainder_item(inp: RelationInput, fig: Figure) -> float:
    """The last item is what is left of the whole: "... and the other 9", "and its remaining 12"."""
    return float(
        _REMAINDER_BEFORE.search(inp.text, max(0, fig.a_start - 25), fig.a_start) is not None
    )


@proposer("breakdown")
def breakdown(inp: RelationInput) -> Iterator[Candidate]:
    yield from _lead_of(inp)
    yield from _lead_in(inp)
    yield from _all_of(inp)
    yield from _all_but(inp)
    yield from _bullet_tally(inp)
    yield from _table_totals(inp)
    yield from _total_then_list(inp)
    yield from _list_then_total(inp)


def _lead_of(inp: RelationInput) -> Iterator[Candidate]:
    """ "Of the 52 injuries, 20 were in A, 18 in B and 9 in C": the whole leads its own sentence."""
    for s in inp.sentences:
        figs = [f for f in inp.figures_in(s.index) if additive_level(inp, f)]
        for whole in figs:
            if not lead_of(inp, whole):
                continue
            parts = [f for f in _items(inp, s.index, whole) if f.a_start > whole.a_end]
            runs = list_runs(inp, parts)
            if not runs or len(runs[0]) < 2:
                continue
            run = runs[0] + _run_on(inp, whole, runs[0])
            tail = inp.text[whole.a_end : run[-1].a_end]
            f = {
                "lead_of": 1.0,
                "items3": float(len(run) >= 3),
                "complete_cue": max(completeness(inp, tail), remainder_item(inp, run[-1])),
                "partial_cue": float(cues.has("partial_list", tail)),
            }
            yield _sum(whole, run, f)


def _run_on(inp: RelationInput, whole: Figure, run: list[Figure]) -> list[Figure]:
    """The items of the next sentence when it only carries the list on.

    "Of the 40 seats, A won 20, B 9 and C 7. D took three seats and E two.":
    the second sentence is nothing but more items of the whole's own noun.
    """
    nxt = inp.sentence(run[-1])
    if nxt is None or run[-1].a_end < nxt.end - 3:
        return []  # the list does not close its sentence
    figs = inp.figures_in(nxt.index + 1)
    items = _items(inp, nxt.index + 1, whole)
    runs = list_runs(inp, items)
    noun = noun_after(inp, whole)
    if (
        noun is None
        or len(runs) != 1
        or len(runs[0]) < 2
        or len(items) != len(figs)
        or items[0].block != run[-1].block
        or noun not in {noun_after(inp, f) for f in items}
        or cues.has("partial_list", inp.sentence_text(items[0]))
    ):
        return []
    return runs[0]


def _all_of(inp: RelationInput) -> Iterator[Candidate]:
    """ "All of the deaths were in four towns: 20 in A, 17 in B and 9 in C", the
    total of deaths stated in one of the two sentences before.

    The opening says the list is the whole of what an earlier figure counts.
    """
    for s in inp.sentences:
        m = cues.pattern("whole_lead").match(inp.text, s.start, s.end)
        if m is None:
            continue
        head = _WORD.findall(inp.text[m.end() : m.end() + 30])
        if not head:
            continue
        noun = stem(head[0])
        items = [f for f in inp.figures_in(s.index) if additive_level(inp, f) and list_item(f)]
        runs = [r for r in list_runs(inp, items) if len(r) >= 2]
        if len(runs) != 1:
            continue
        run = runs[0]
        wholes = [
            w
            for w in inp.figures
            if s.index - 2 <= w.sentence < s.index
            and additive_level(inp, w)
            and same_measure(w, run[0])
            and noun in content_stems(inp.sentence_text(w))
            and float(w.value) >= max(float(p.value) for p in run)  # type: ignore[arg-type]
        ]
        if not wholes:
            continue
        f = {"lead_in": 1.0, "items3": float(len(run) >= 3), "complete_cue": 1.0}
        f["noun_match"] = 1.0
        yield _sum(wholes[-1], run, f)


_OWNER_TAIL = re.compile(r"\s+[\w&.-]+['’]s?$")


#: "all but 11,000 of the month's increase": the noun the remainder and the whole count.
_OF_NOUN = re.compile(r"\s+of\s+((?:[\w.&'’-]+\s*){1,4})")


def _all_but(inp: RelationInput) -> Iterator[Candidate]:
    """A list, then "... accounted for all but 6,000 of the rise": the remainder is a part.

    The list and the remainder make up the whole, which an earlier sentence
    states with the same noun ("the payroll rise of 90,000", "rose by 90,000").
    """
    for s in inp.sentences:
        text = inp.text[s.start : s.end]
        for m in cues.pattern("remainder_of").finditer(text):
            at = s.start + m.end()
            rest = next((f for f in inp.figures_in(s.index) if 0 <= f.a_start - at <= 2), None)
            if rest is None or not additive_level(inp, rest):
                continue
            of = _OF_NOUN.match(inp.text, rest.a_end)
            if of is None:
                continue
            # "of the month's increase": the month dates the whole, the increase is what it counts.
            nouns = {n for n in content_stems(of.group(1)) if n not in TIME_NOUNS}
            run = _run_before(inp, s.index, rest)
            if run is None:
                continue
            wholes = [
                w
                for w in inp.figures
                if s.index - 3 <= w.sentence < run[0].sentence
                and w.a_end <= run[0].a_start
                and _counts_noun(inp, w, nouns)
                and same_measure(w, rest)
                and float(w.value) > float(rest.value)  # type: ignore[arg-type]
            ]
            if not wholes:
                continue
            f = {"lead_in": 1.0, "items3": float(len(run) >= 3), "complete_cue": 1.0}
            f["noun_match"] = 1.0
            yield _sum(wholes[-1], [*run, rest], f)


def _run_before(inp: RelationInput, sentence: int, rest: Figure) -> list[Figure] | None:
    """The last list of two or more items of the remainder's measure, in its sentence or the one before."""
    for index in (sentence, sentence - 1):
        items = [
            f
            for f in inp.figures_in(index)
            if f is not rest
            and f.a_end <= rest.a_start
            and additive_level(inp, f)
            and same_measure(f, rest)
        ]
        runs = [r for r in list_runs(inp, items) if len(r) >= 2]
        if runs:
            return runs[-1]
    return None


def _counts_noun(inp: RelationInput, whole: Figure, nouns: set[str]) -> bool:
    """The figure counts one of the nouns: "90,000 new jobs", "jobs increased by 90,000"."""
    if not numeric(whole) or whole.kind == "range" or whole.role not in (*_LEVEL_ROLES, "change"):
        return False
    if noun_after(inp, whole) in nouns:
        return True
    return bool(nouns & content_stems(inp.before(whole, 30)))


#: A bullet that is one tally item: a name, a colon or dash, and its count ("- Labour: 24").
_BULLET_ITEM = re.compile(r"[A-Z][\w&'’. -]{0,40}?\s*[:–—-]\s*$")


def _bullet_tally(inp: RelationInput) -> Iterator[Candidate]:
    """Bullets "Labour: 24", "Greens: 17", ... under a sentence that states their whole
    and introduces them ("The council's 60 seats are held as follows:").

    Nothing says the bullets list every part, so only a sum above the whole is wrong.
    """
    firsts = {}
    for s in inp.sentences:
        firsts.setdefault(s.block, s)
    bullets: list[Figure] = []
    for block in sorted(firsts):
        bullet = block < len(inp.block_kinds) and inp.block_kinds[block] == "bullet"
        item = _bullet_count(inp, firsts[block]) if bullet else None
        if item is not None and (not bullets or bullets[-1].block == block - 1):
            bullets.append(item)
            continue
        yield from _bullet_whole(inp, bullets)
        bullets = [item] if item is not None else []
    yield from _bullet_whole(inp, bullets)


def _bullet_count(inp: RelationInput, s: Sentence) -> Figure | None:
    figs = [f for f in inp.figures_in(s.index) if numeric(f)]
    if len(figs) != 1 or not additive_level(inp, figs[0]):
        return None
    fig = figs[0]
    if not _BULLET_ITEM.fullmatch(inp.text[s.start : fig.a_start]):
        return None
    return fig if not inp.text[fig.a_end : s.end].strip(" .;,") else None


def _bullet_whole(inp: RelationInput, items: list[Figure]) -> Iterator[Candidate]:
    if len(items) < 3 or any(not same_measure(f, items[0]) for f in items):
        return
    lead = [s for s in inp.sentences if s.block == items[0].block - 1]
    if not lead or not inp.text[lead[-1].start : lead[-1].end].rstrip().endswith(":"):
        return
    wholes = [
        w
        for w in inp.figures_in(lead[-1].index)
        if additive_level(inp, w) and same_measure(w, items[0])
    ]
    if len(wholes) != 1:
        return
    f = {"lead_of": 1.0, "items3": 1.0}
    yield _sum(wholes[0], items, f)


def lead_of(inp: RelationInput, whole: Figure) -> bool:
    """The whole opens its sentence as "Of the 52 injuries, ...", "Out of 700 pupils, ..."."""
    s = inp.sentence(whole)
    if s is None:
        return False
    lead = inp.text[s.start : whole.a_start].strip().strip("\"'“‘")
    # "Of the council's 60 seats", "Of Acme's 900 staff": an owner between the cue and the whole.
    lead = _OWNER_TAIL.sub("", lead) or lead
    return bool(lead) and cues.pattern("breakdown_lead").fullmatch(lead) is not None


def _sum(whole: Figure | None, parts: list[Figure], f: dict[str, float]) -> Candidate:
    if whole is not None:
        total = sum(float(p.value) for p in parts)  # type: ignore[arg-type]
        f["sum_far"] = far_above(total, float(whole.value))  # type: ignore[arg-type]
    ids = tuple(([whole.id] if whole is not None else []) + [p.id for p in parts])
    roles = tuple((["total"] if whole is not None else []) + ["part"] * len(parts))
    return Candidate("sum_of", ids, roles, f, exclusive=("breakdown", parts[0].id))


def _lead_in(inp: RelationInput) -> Iterator[Candidate]:
    """A list of same-kind figures in one paragraph, its whole named in an earlier sentence.

    "... elected a 40-seat council." then "The Greens finished with 18 seats, the
    Liberals with 14 ... Labour won five, and independents three."
    """
    by_block: dict[int, list[Figure]] = {}
    for f in inp.figures:
        if additive_level(inp, f) and not prior_cued(inp, f) and inp.block_kind(f) == "paragraph":
            by_block.setdefault(f.block, []).append(f)
    for figs in by_block.values():
        # A sentence that opens with its whole ("Of the 52 injuries, ...") is `_lead_of`'s.
        if any(lead_of(inp, f) for f in figs):
            continue
        for kind_figs in _by_measure(figs):
            items = _block_list(inp, kind_figs)
            if items is None:
                continue
            first = items[0]
            text = inp.text[inp.sentence(first).start : items[-1].a_end]  # type: ignore[union-attr]
            nouns = {n for p in items if (n := noun_after(inp, p)) is not None}
            block_words = content_stems(text)
            block_words |= {w.lower() for w in _WORD.findall(text) if w.isupper() and len(w) > 1}
            near = whole_candidates(inp, first)
            far = _counted_before(inp, first, nouns, near)
            for whole in (*near, *far):
                if whole.block == first.block and whole.sentence == first.sentence:
                    continue
                wn = noun_after(inp, whole)
                shared = block_words & content_stems(inp.sentence_text(whole))
                named = block_words & names(inp, whole)
                noun_match = wn is not None and wn in nouns
                if not named and not noun_match:
                    continue
                if kind_class(first) != "money" and not noun_match and not completeness(inp, text):
                    # Bare numbers in a row (prices, tonnages, counts of different
                    # things) are a list of one whole only when they count its noun.
                    continue
                f = {
                    "lead_in": 1.0,
                    "items3": float(len(items) >= 3),
                    "noun_match": float(wn is not None and wn in nouns),
                    "names_shared": float(bool(named)),
                    "context_shared": min(len(shared), 3) / 3,
                    "complete_cue": max(completeness(inp, text), remainder_item(inp, items[-1])),
                    "partial_cue": float(cues.has("partial_list", text)),
                    # Segment profits may add up to more than a group's (a loss elsewhere):
                    # an open list of amounts says nothing about the total.
                    "money_open": float(
                        kind_class(first) == "money" and not completeness(inp, text)
                    ),
                }
                f.update(whole_features(inp, first, whole))
                f["whole_far"] = float(whole in far)
                yield _sum(whole, items, f)


def _counted_before(
    inp: RelationInput, first: Figure, nouns: set[str], near: list[Figure]
) -> list[Figure]:
    """The last earlier count of the list's own noun, when the window holds none.

    "Up to 1.4m workers could strike" ... paragraphs later "Unison's 800,000
    workers, the T&G's 70,000 and Amicus' 20,000 are among those balloted":
    the list counts what the whole counts, however far back it was named.
    """
    if kind_class(first) == "money" or any(noun_after(inp, w) in nouns for w in near):
        return []
    earlier = [
        w
        for w in inp.figures
        if w.a_end <= first.a_start
        and w not in near
        and additive_level(inp, w)
        and same_measure(w, first)
        and noun_after(inp, w) in nouns
    ]
    return earlier[-1:]


def _by_measure(figs: list[Figure]) -> list[list[Figure]]:
    out: dict[tuple[str, str | None], list[Figure]] = {}
    for f in figs:
        out.setdefault((kind_class(f), f.unit), []).append(f)
    return list(out.values())


def _block_list(inp: RelationInput, figs: list[Figure]) -> list[Figure] | None:
    """The block's figures when they read as one list across at most two sentences.

    Each sentence holds a list run (or one item that a list sentence continues),
    and the sentences follow each other: "X put in $40m. Two funds added $25m
    and $15m, and the remaining $10m came from W."
    """
    sentences = sorted({f.sentence for f in figs})
    if len(sentences) > 2 or (len(sentences) == 2 and sentences[1] != sentences[0] + 1):
        return None
    runs = [list_runs(inp, [f for f in figs if f.sentence == s], LONG_GAP_CHARS) for s in sentences]
    if any(len(r) != 1 for r in runs):
        return None
    # A list closes with "and" before its last item ("A, B and C"); "9,120 staff,
    # or roughly 9,100, a net gain of 240" is one figure restated, then another.
    for r in runs:
        if len(r[0]) >= 2 and not re.search(r"\band\b", _gap(inp, r[0][-2], r[0][-1])):
            return None
    items = [f for r in runs for f in r[0]]
    if len(items) < 3 or min(len(r[0]) for r in runs) < 2:
        # One item before a list sentence belongs to it only when the list closes
        # with what is left of the whole ("... and the remaining $10m").
        last = runs[-1][0]
        closing = inp.text[inp.sentence(last[0]).start : last[-1].a_end]  # type: ignore[union-attr]
        if len(items) < 3 or len(last) < 2 or not cues.has("complete_list", closing):
            return None
    return items


def _table_totals(inp: RelationInput) -> Iterator[Candidate]:
    """A table's totals: a total row's cell sums the cells of its own column, a
    total column's cell the cells of its own row.

    A Markdown table reaches the analysis text one row per block, its cells
    separated by " | "; a figure's cell is its place between the bars, not its
    place among the row's figures, so an empty or wordy cell, or a row the
    sentence splitter cut in two, shifts nothing.
    """
    for table in _tables(inp):
        header, body = table[0], table[1:]
        yield from _column_totals(inp, body)
        yield from _row_totals(inp, header, body)


#: One table row as read: its block, the cell texts, and the numeric figures by cell.
_Row = tuple[int, list[str], dict[int, list[Figure]]]


def _tables(inp: RelationInput) -> list[list[_Row]]:
    """Runs of consecutive table-row blocks with the same number of cells."""
    figs: dict[int, list[Figure]] = {}
    for f in inp.figures:
        if numeric(f):
            figs.setdefault(f.block, []).append(f)
    tables: list[list[_Row]] = []
    prev: int | None = None
    for block, (start, text) in sorted(inp.blocks.items()):
        if _BAR not in text or "\n" in text:
            prev = None
            continue
        cells = text.split(_BAR)
        by_cell: dict[int, list[Figure]] = {}
        for f in figs.get(block, []):
            by_cell.setdefault(text[: f.a_start - start].count(_BAR), []).append(f)
        row = (block, cells, by_cell)
        if prev is not None and prev == block - 1 and len(tables[-1][-1][1]) == len(cells):
            tables[-1].append(row)
        else:
            tables.append([row])
        prev = block
    return [t for t in tables if len(t) >= 3]


_BAR = " | "


def _cell_figure(row: _Row, col: int) -> Figure | None:
    cell = row[2].get(col, [])
    return cell[0] if len(cell) == 1 else None


def _summable(inp: RelationInput, total: Figure, parts: list[Figure]) -> bool:
    if len(parts) < 2 or not all(same_measure(p, total) for p in parts):
        return False
    # A column of changes ("+1.8%", "−3.3%") or of rates has no sum; a percent
    # column sums only when it is a breakdown of 100%.
    if any(_signed(inp, c) or c.role == "change" for c in (total, *parts)):
        return False
    return kind_class(total) != "percent" or float(total.value) == 100  # type: ignore[arg-type]


def _column_totals(inp: RelationInput, body: list[_Row]) -> Iterator[Candidate]:
    """A row labelled "Total" sums each of its columns over the rows since the last total."""
    first = 0
    for i, row in enumerate(body):
        if not cues.has("total_row", row[1][0]):
            continue
        above = body[first:i]
        first = i + 1
        if len(above) < 2 or any(cues.has("inclusion", r[1][0]) for r in above):
            # "of which", "including" rows restate part of a row above: no breakdown.
            continue
        for col in range(1, len(row[1])):
            total = _cell_figure(row, col)
            if total is None:
                continue
            parts = [_cell_figure(r, col) for r in above]
            if any(p is None for p in parts):
                continue  # a blank or wordy cell: the column is not all figures
            found = [p for p in parts if p is not None]
            if _summable(inp, total, found):
                yield _sum(total, found, {"table_total": 1.0, "complete_cue": 1.0})


def _row_totals(inp: RelationInput, header: _Row, body: list[_Row]) -> Iterator[Candidate]:
    """A column headed "Total" sums, in each row, the cells before it."""
    for col in range(2, len(header[1])):
        if not cues.has("total_row", header[1][col]) or _cell_figure(header, col) is not None:
            continue
        if any(cues.has("total_row", h) for h in header[1][1:col]):
            continue
        for row in body:
            total = _cell_figure(row, col)
            parts = [_cell_figure(row, c) for c in range(1, col)]
            if total is None or any(p is None for p in parts):
                continue
            found = [p for p in parts if p is not None]
            if _summable(inp, total, found):
                yield _sum(total, found, {"table_total": 1.0, "complete_cue": 1.0})


def _signed(inp: RelationInput, fig: Figure) -> bool:
    before = inp.text[max(0, fig.a_start - 1) : fig.a_start]
    return fig.text[:1] in "+-−–" or before in ("+", "-", "−", "–")


# -- segments of a stated total -------------------------------------------------


def _total_named(inp: RelationInput, fig: Figure) -> bool:
    """The figure is named as the whole: "the group's total sales rose to $2.4bn"."""
    # "expected to total 287 mln": "total" right before the figure is the verb, no name.
    lead = re.sub(r"\b(?:to\s+)?total(?:s|led|ed|ling|ing)?\s*$", "", clause_before(inp, fig, 60))
    return cues.has("whole_named", lead)


#: "sales of its hospital products rose to $882m": the measure of one of the
#: owner's lines, a segment whether or not the frames named it.
_OF_OWN = re.compile(r"\b[a-z]+\s+of\s+(?:its|their)\s+[a-z]", re.IGNORECASE)


def of_own(inp: RelationInput, fig: Figure) -> bool:
    """Its words name one of the owner's lines: a segment, whatever the frame says."""
    return _OF_OWN.search(clause_before(inp, fig, 90)) is not None


@proposer("segment-of")
def segment_of(inp: RelationInput) -> Iterator[Candidate]:
    """A segment's figure and the total of the same measure the text names as such.

    The frames give the segment ("export" sales); the whole is the figure of
    the same metric, entity and period whose own words call it the total.
    Two breakdowns of one total overlap (by region, by business), so these
    pairs make no `sum_of`.
    """
    levels = [f for f in inp.figures if additive_level(inp, f)]
    wholes = [w for w in levels if w.segment is None and _total_named(inp, w)]
    for part in levels:
        if (part.segment is None and not of_own(inp, part)) or not part.metric:
            continue
        for whole in wholes:
            if whole is part or not same_measure(part, whole) or whole.metric != part.metric:
                continue
            if abs(whole.sentence - part.sentence) > WINDOW:
                continue
            f = {
                "segment_total": 1.0,
                "entity_conflict": float(
                    part.entity is not None
                    and whole.entity is not None
                    and part.entity != whole.entity
                ),
                "period_same": float(resolved(part.period) and part.period == whole.period),
                "period_conflict": float(_period_conflict(part, whole)),
                "whole_prior": float(prior_cued(inp, whole)),
                "part_prior": float(prior_cued(inp, part)),
                "part_far": far_above(float(part.value), float(whole.value)),  # type: ignore[arg-type]
            }
            yield Candidate("part_of", (part.id, whole.id), ("part", "whole"), f, (part.id,))


#: The words of a whole that may come out less than its listed parts: a profit with a
#: loss-making segment left out of the list.
_NETTED = re.compile(
    r"\b(?:profit|profits|income|earnings|ebitda|ebit|margin|result|results|surplus)\b", re.I
)


def _sentence_list(inp: RelationInput, index: int, like: Figure) -> list[Figure] | None:
    """The sentence's figures of the measure when they are one list run (or one item)."""
    items = [f for f in _items(inp, index, like) if list_item(f)]
    if not items:
        return None
    runs = list_runs(inp, items, LONG_GAP_CHARS)
    return runs[0] if len(runs) == 1 else None


def _list_after(inp: RelationInput, whole: Figure) -> list[Figure] | None:
    """The items of the sentence (or two) right after the whole's, read as one list.

    "The assembly has 80 seats. The Alliance won 34 seats. The Greens took 21, Labour 15
    and independents 12.": an item per sentence, then a run closed by "and".
    """
    found: list[Figure] = []
    for index in (whole.sentence + 1, whole.sentence + 2):
        figs = inp.figures_in(index)
        if not figs or figs[0].block != whole.block:
            break
        run = _sentence_list(inp, index, whole)
        if run is None or len([f for f in figs if same_measure(f, whole)]) != len(run):
            break
        found += run
        if len(run) >= 2:
            closed = re.search(r"\band\b", _gap(inp, run[-2], run[-1])) is not None
            return found if closed and len(found) >= 2 else None
    return None


def _cross_features(
    inp: RelationInput, whole: Figure, items: list[Figure], text: str
) -> dict[str, float] | None:
    """What ties a whole to a list in other sentences: the noun they count, the whole's
    words in the list, or a verb of contribution ("brought in", "contributed")."""
    nouns = {n for p in items if (n := noun_after(inp, p)) is not None}
    wn = noun_after(inp, whole)
    noun_match = wn is not None and wn in nouns
    named = bool(content_stems(text) & names(inp, whole))
    contribution = cues.has("contribution", text)
    if not (noun_match or named or contribution):
        return None
    money = kind_class(whole) == "money"
    paragraph = inp.blocks.get(items[-1].block, (0, ""))[1]
    return {
        # "Norrvik sells in no other region", "and the remaining 9": the list is all of it.
        "complete_cue": float(
            cues.has("complete_list", text) or cues.has("complete_paragraph", paragraph)
        ),
        "items3": float(len(items) >= 3),
        "noun_match": float(noun_match),
        "names_shared": float(named),
        "contribution_cue": float(contribution),
        "partial_cue": float(cues.has("partial_list", text)),
        # A profit's parts may add up to more than it (a loss left out of the list).
        "money_open": float(money and bool(_NETTED.search(inp.sentence_text(whole)))),
        "whole_prior": float(prior_cued(inp, whole) or whole.id in _bases(inp)),
        "period_conflict": float(any(_period_conflict(p, whole) for p in items)),
    }


#: "Applications from England rose to 41,200. Scotland sent 6,300, ...": a figure named
#: for a place or segment is an item beside the list, not its total.
_NAMED_FOR = re.compile(r"\b(?:from|in|at|for|to)\s+(?:the\s+)?[A-Z][a-z]")


def _peer(inp: RelationInput, whole: Figure) -> bool:
    """The figure is one segment's or one place's: the first item of a list, not its whole."""
    if whole.segment:
        return True
    s = inp.sentence(whole)
    clause = inp.text[s.start if s is not None else 0 : whole.a_start] + inp.after(whole, 20)
    return _NAMED_FOR.search(clause) is not None


def _total_then_list(inp: RelationInput) -> Iterator[Candidate]:
    """A total, then its parts in the next sentence of the paragraph, with or without a cue.

    "Revenue came to $4.2bn. The cloud unit contributed $1.9bn, devices $1.4bn and
    services $1.2bn." Nothing says the list is complete, so NC122 checks only that the
    parts fit within the total.
    """
    for s in inp.sentences:
        figs = [f for f in inp.figures_in(s.index) if additive_level(inp, f)]
        wholes = [f for f in figs if not prior_cued(inp, f)]
        if len(wholes) != 1 or inp.block_kind(wholes[0]) != "paragraph" or lead_of(inp, wholes[0]):
            continue
        whole = wholes[0]
        # "Orla Capital put in $40m. Two other funds added $25m and $15m": a figure its
        # own clause says was contributed is the first item, not the total.
        if _peer(inp, whole) or cues.has("item_verbs", clause_before(inp, whole)):
            continue
        items = _list_after(inp, whole)
        if items is None:
            continue
        text = inp.text[inp.sentence(items[0]).start : items[-1].a_end]  # type: ignore[union-attr]
        f = _cross_features(inp, whole, items, text)
        if f is None:
            continue
        f["total_before_list"] = 1.0
        yield _sum(whole, items, f)


def _list_then_total(inp: RelationInput) -> Iterator[Candidate]:
    """A list, then its total named as one ("In all", "in total") paragraphs later.

    "Applications from England rose to 41,200. Scotland sent 6,300, Wales 2,900 and
    Northern Ireland 1,100." ... "In total the university received 50,500 applications."
    """
    for whole in inp.figures:
        s = inp.sentence(whole)
        if s is None or not additive_level(inp, whole) or inp.block_kind(whole) != "paragraph":
            continue
        if not cues.has("total", inp.text[s.start : whole.a_start]):
            continue
        lists: list[list[Figure]] = []
        start = max(0, whole.sentence - WINDOW)
        while start < whole.sentence:
            first = _sentence_list(inp, start, whole)
            start += 1
            if first is None or first[0].block == whole.block:
                continue
            items = list(first)
            nxt = _sentence_list(inp, start, whole)
            if len(items) == 1 and nxt is not None and nxt[0].block == items[0].block:
                items += nxt
                start += 1
            if len(items) >= 3 and re.search(r"\band\b", _gap(inp, items[-2], items[-1])):
                lists.append(items)
        if not lists:
            continue
        items = lists[-1]
        text = inp.text[inp.sentence(items[0]).start : items[-1].a_end]  # type: ignore[union-attr]
        f = _cross_features(inp, whole, items, text)
        if f is None or not (f["noun_match"] or f["names_shared"]):
            continue
        f["total_after_list"] = 1.0
        yield _sum(whole, items, f)
