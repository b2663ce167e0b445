"""What proposers read (`RelationInput`), what they yield (`Candidate`), and the resolver."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span

from newscheck.nlp.relations.model import identity, probability, requires, threshold
from newscheck.nlp.tables import Tables
from newscheck.nlp.types import Entity, Figure, Relation, RelationType, Sentence

if TYPE_CHECKING:
    from newscheck.nlp.checks.registry import CheckContext

#: Blocks that sum the story up: a figure there is restated in the body.
#: Evidence mark of a relation kept by its type's identity view alone (a same_as pair
#: whose words say "one quantity" and whose values differ by a copying slip).
IDENTITY_VIEW = "identity_view"
TOP_BLOCKS = frozenset({"headline", "heading", "bullet", "standfirst"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(slots=True)
class Candidate:
    """One proposed relation with the evidence for it, before scoring.

    `features` are named numbers (mostly 0/1) that the model weighs; the names
    with a non-zero value become the relation's `evidence`. `exclusive` groups
    candidates of which at most one may hold (the "to" level of one change).
    """

    type: RelationType
    figures: tuple[str, ...]
    roles: tuple[str, ...]
    features: dict[str, float]
    exclusive: tuple[object, ...] | None = None
    score: float = 0.0
    # The value-blind score, for types whose model has an identity view (same_as).
    identity: float | None = None


@dataclass
class RelationInput:
    """The article as proposers see it. Offsets (`Figure.a_start`, sentences) index `text`."""

    text: str
    figures: list[Figure]
    sentences: list[Sentence]
    block_kinds: list[str] = field(default_factory=list)
    doc: Doc | None = None
    doc_date: date | None = None
    # Whether the story is about one organisation decides which undated figures are its own.
    entities: list[Entity] = field(default_factory=list)

    @cached_property
    def checks(self) -> CheckContext:
        """The article as the checks' shared readers (`nlp.checks.common`) take it, without
        relations: proposers that link as those readers do reuse them rather than copy them."""
        from newscheck.nlp.checks.registry import CheckContext

        return CheckContext(
            text=self.text,
            figures=self.figures,
            sentences=self.sentences,
            entities=self.entities,
            doc_date=self.doc_date,
            block_kinds=self.block_kinds,
        )

    @cached_property
    def by_id(self) -> dict[str, Figure]:
        return {f.id: f for f in self.figures}

    @cached_property
    def _by_sentence(self) -> dict[int, list[Figure]]:
        out: dict[int, list[Figure]] = {}
        for f in self.figures:
            out.setdefault(f.sentence, []).append(f)
        return out

    @cached_property
    def _sentence_index(self) -> dict[int, Sentence]:
        return {s.index: s for s in self.sentences}

    @cached_property
    def _starts(self) -> list[int]:
        return sorted(f.a_start for f in self.figures)

    @cached_property
    def lead_block(self) -> int | None:
        """The first paragraph block: with the headline, the story's own summary."""
        for n, kind in enumerate(self.block_kinds):
            if kind == "paragraph":
                return n
        return None

    @cached_property
    def blocks(self) -> dict[int, tuple[int, str]]:
        """Each block's start offset and text, from its first sentence to its last."""
        spans: dict[int, tuple[int, int]] = {}
        for s in self.sentences:
            lo, hi = spans.get(s.block, (s.start, s.end))
            spans[s.block] = (min(lo, s.start), max(hi, s.end))
        return {b: (lo, self.text[lo:hi]) for b, (lo, hi) in spans.items()}

    def figures_in(self, sentence: int) -> list[Figure]:
        return self._by_sentence.get(sentence, [])

    def sentence(self, fig: Figure) -> Sentence | None:
        return self._sentence_index.get(fig.sentence)

    def block_kind(self, fig: Figure) -> str:
        kinds = self.block_kinds
        return kinds[fig.block] if 0 <= fig.block < len(kinds) else "paragraph"

    @cached_property
    def _tables(self) -> Tables | None:
        return Tables(self.doc) if self.doc is not None else None

    def in_table(self, fig: Figure) -> bool:
        """In a Markdown table's cell."""
        tables = self._tables
        return tables is not None and tables.cell_at(fig.a_start, fig.a_end) is not None

    def is_top(self, fig: Figure) -> bool:
        """In the headline, a heading, a bullet, or the lead paragraph."""
        return self.block_kind(fig) in TOP_BLOCKS or fig.block == self.lead_block

    def sentence_text(self, fig: Figure) -> str:
        s = self.sentence(fig)
        return s.text if s is not None else ""

    def before(self, fig: Figure, chars: int = 40) -> str:
        """Text just before the figure, within its sentence."""
        s = self.sentence(fig)
        lo = max(fig.a_start - chars, s.start if s is not None else 0)
        return self.text[lo : fig.a_start]

    def after(self, fig: Figure, chars: int = 40) -> str:
        s = self.sentence(fig)
        hi = min(fig.a_end + chars, s.end if s is not None else len(self.text))
        return self.text[fig.a_end : hi]

    def between(self, a: Figure, b: Figure) -> str:
        lo, hi = sorted((a, b), key=lambda f: f.a_start)
        return self.text[lo.a_end : hi.a_start]

    def words_around(self, fig: Figure, n: int = 6) -> tuple[list[str], list[str]]:
        """Up to n words left and right of the figure inside its sentence, lower case.

        Words inside other figures are skipped: "rose 5% to $2bn" gives "rose", "to".
        """
        left = [w.lower() for w in _WORD.findall(self.before(fig, 12 * n))]
        right = [w.lower() for w in _WORD.findall(self.after(fig, 12 * n))]
        return left[-n:], right[:n]

    def span(self, fig: Figure) -> Span | None:
        """The figure's tokens in the parsed doc, when there is one."""
        if self.doc is None:
            return None
        return self.doc.char_span(fig.a_start, fig.a_end, alignment_mode="expand")

    def next_figure_start(self, offset: int) -> int | None:
        k = bisect.bisect_right(self._starts, offset)
        return self._starts[k] if k < len(self._starts) else None


Proposer = Callable[[RelationInput], Iterable[Candidate]]
PROPOSERS: dict[str, Proposer] = {}


def proposer(name: str) -> Callable[[Proposer], Proposer]:
    """Register a proposer under a stable name (the bench reports per proposer)."""

    def wrap(fn: Proposer) -> Proposer:
        if name in PROPOSERS:
            raise ValueError(f"duplicate relation proposer {name}")
        PROPOSERS[name] = fn
        return fn

    return wrap


def all_proposers() -> dict[str, Proposer]:
    # Importing the family modules registers their proposers.
    from newscheck.nlp.relations import families  # noqa: F401

    return dict(sorted(PROPOSERS.items()))


def propose(inp: RelationInput) -> list[Candidate]:
    out: list[Candidate] = []
    for fn in all_proposers().values():
        out.extend(fn(inp))
    return out


def score_candidates(cands: list[Candidate]) -> list[Candidate]:
    for c in cands:
        c.score = probability(c.type, c.features)
        if identity(c.type) is not None:
            c.identity = probability(c.type, c.features, "identity")
    return cands


def _full(c: Candidate) -> bool:
    """Kept by the type's full model: over its threshold, with the evidence it requires."""
    need = requires(c.type)
    return c.score >= threshold(c.type) and (not need or any(c.features.get(k) for k in need))


def _kept(c: Candidate) -> bool:
    if _full(c):
        return True
    sub = identity(c.type)
    if sub is None or c.identity is None or c.identity < float(sub.get("threshold", 1.0)):
        return False
    # Each path is one configuration of evidence that, with a slip, says "one quantity"
    # (e.g. a long number slipped between the story's top and its body).
    paths = sub.get("paths") or [sub]
    return any(_path_holds(c, p) for p in paths)


def _path_holds(c: Candidate, path: dict[str, Any]) -> bool:
    any_of = path.get("requires_any") or []
    all_of = path.get("requires_all") or []
    return (not any_of or any(c.features.get(k) for k in any_of)) and all(
        c.features.get(k) for k in all_of
    )


def resolve(cands: list[Candidate]) -> list[Relation]:
    """Keep what clears its type's threshold and beats its exclusive rivals."""
    best: dict[tuple[object, ...], Candidate] = {}
    free: dict[tuple[object, ...], Candidate] = {}
    for c in cands:
        if not _kept(c):
            continue
        key = (c.type, c.figures, c.roles)
        if key in free and free[key].score >= c.score:
            continue
        free[key] = c
    for c in free.values():
        if c.exclusive is None:
            continue
        k = (c.type, *c.exclusive)
        if k not in best or _better(c, best[k]):
            best[k] = c
    kept = _one_list_each(
        [c for c in free.values() if c.exclusive is None or best[(c.type, *c.exclusive)] is c]
    )
    out = [
        Relation(
            c.type,
            c.figures,
            c.roles,
            round(max(c.score, c.identity or 0.0), 4),
            tuple(sorted(k for k, v in c.features.items() if v))
            + ((IDENTITY_VIEW,) if not _full(c) else ()),
        )
        for c in kept
    ]
    return sorted(out, key=_order)


def _one_list_each(cands: list[Candidate]) -> list[Candidate]:
    """A share is in one list of shares of one whole: of overlapping `sum_of`s without a
    stated total, the likeliest stays ("A 60%, B 35%" read by the segments the frames name
    and again as a run of percentages is one list, judged once)."""
    lists = sorted(
        (c for c in cands if c.type == "sum_of" and "total" not in c.roles),
        key=lambda c: (-c.score, _fig_key(c.figures)),
    )
    taken: set[str] = set()
    dropped: set[int] = set()
    for c in lists:
        if taken & set(c.figures):
            dropped.add(id(c))
        else:
            taken.update(c.figures)
    return [c for c in cands if id(c) not in dropped]


def _better(a: Candidate, b: Candidate) -> bool:
    # Ties go to the candidate with more figures (a change with both levels), then text order.
    if a.score != b.score:
        return a.score > b.score
    if len(a.figures) != len(b.figures):
        return len(a.figures) > len(b.figures)
    return _fig_key(a.figures) < _fig_key(b.figures)


def _fig_key(ids: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(int(i[1:]) for i in ids)


def _order(r: Relation) -> tuple[object, ...]:
    return (_fig_key(r.figures), r.type, r.roles)


def find_relations(inp: RelationInput) -> list[Relation]:
    return resolve(score_candidates(propose(inp)))
