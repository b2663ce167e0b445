"""The rule registry: every cross-check is a small `Rule` subclass registered here.

A rule reads a `CheckContext` (figures with their frames, sentences, entities,
the document date and the reference rates) and yields `CheckResult`s: passed
cross-checks as well as failed ones, so the report can show what was verified.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from newscheck.nlp.types import (
    CheckResult,
    Entity,
    Figure,
    Position,
    Relation,
    Sentence,
    Severity,
    Status,
)

if TYPE_CHECKING:
    from newscheck.nlp.checks.rates import ReferenceRates


def figure_position(fig: Figure) -> Position:
    return Position(fig.start, fig.end, fig.line, fig.column, fig.text)


@dataclass(slots=True)
class CheckContext:
    """Everything a rule may read. Offsets in `sentences` and `Figure.a_*` index `text`."""

    text: str  # the analysis text
    figures: list[Figure]
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    # Date the article speaks from: --as-of, else front matter / dateline. None if unknown.
    doc_date: date | None = None
    rates: ReferenceRates | None = None
    # Kind of each structural block ("headline", "bullet", "paragraph", …), by Figure.block.
    block_kinds: list[str] = field(default_factory=list)
    # Analysis-text span -> Position in the original text.
    position: Callable[[int, int], Position] | None = None
    # How figures are connected (`newscheck.nlp.relations`): what rules compare.
    relations: list[Relation] = field(default_factory=list)
    _by_id: dict[str, Figure] = field(default_factory=dict, repr=False)
    _by_index: dict[int, Sentence] = field(default_factory=dict, repr=False)
    _figures_in: dict[int, list[Figure]] | None = field(default=None, repr=False)
    # What helpers derive once per article (`checks.common.top_sentences`, …), by name.
    memo: dict[str, object] = field(default_factory=dict, repr=False)

    def figure(self, fid: str | None) -> Figure | None:
        if fid is None:
            return None
        if not self._by_id:
            self._by_id = {f.id: f for f in self.figures}
        return self._by_id.get(fid)

    def related(self, rtype: str) -> list[Relation]:
        """The relations of one type, in text order."""
        return [r for r in self.relations if r.type == rtype]

    def playing(self, rel: Relation, *roles: str) -> tuple[Figure, ...] | None:
        """The figures playing these roles in a relation, or None if one is missing."""
        figs = tuple(self.figure(rel.one(r)) for r in roles)
        return None if any(f is None for f in figs) else figs  # type: ignore[return-value]

    def span(self, start: int, end: int) -> Position:
        """Position of an analysis-text span (for evidence that is not a figure)."""
        if self.position is not None:
            return self.position(start, end)
        return Position(start, end, 1, start + 1, self.text[start:end])

    def figures_in(self, sentence: int) -> list[Figure]:
        """The figures of one sentence, in article order."""
        if self._figures_in is None:
            self._figures_in = {}
            for f in self.figures:
                self._figures_in.setdefault(f.sentence, []).append(f)
        return self._figures_in.get(sentence, [])

    def sentence_of(self, fig: Figure) -> Sentence | None:
        if len(self._by_index) != len(self.sentences):
            self._by_index = {s.index: s for s in self.sentences}
        return self._by_index.get(fig.sentence)


class Rule:
    """Base class of a check. Subclasses set the class attributes and `run`."""

    id: ClassVar[str]  # stable code, "NC101"
    rule: ClassVar[str]  # kebab-case name, "repeated-figure"
    name: ClassVar[str]  # title, "Repeated figure"
    severity: ClassVar[Severity]
    description: ClassVar[str]  # one line for the docs table
    # Texts that must produce at least one `fail` of this rule, and texts that
    # must produce none. Enforced through the whole pipeline by a meta-test.
    triggers: ClassVar[tuple[str, ...]] = ()
    passes: ClassVar[tuple[str, ...]] = ()

    def run(self, ctx: CheckContext) -> Iterable[CheckResult]:  # pragma: no cover
        raise NotImplementedError

    def result(
        self,
        status: Status,
        message: str,
        figures: Iterable[Figure] = (),
        *,
        spans: Iterable[Position] = (),
        details: dict[str, object] | None = None,
        severity: Severity | None = None,
    ) -> CheckResult:
        figs = list(figures)
        all_spans = [figure_position(f) for f in figs] + list(spans)
        all_spans.sort(key=lambda p: (p.start, p.end))
        return CheckResult(
            id=self.id,
            rule=self.rule,
            name=self.name,
            status=status,
            severity=severity or self.severity,
            message=message,
            figures=tuple(f.id for f in figs),
            spans=tuple(all_spans),
            details=tuple(sorted((details or {}).items())),
        )


REGISTRY: dict[str, type[Rule]] = {}

#: Where a rule's page (docs/rules/NCxxx.md, generated by `make docs`) is published. Findings
#: carry it in JSON and SARIF. The host follows the report schema's `$id`; change it here once.
DOCS_BASE = "https://newscheck.example/docs/rules/"


def docs_url(rule_id: str) -> str:
    return f"{DOCS_BASE}{rule_id}.md"


def register(cls: type[Rule]) -> type[Rule]:
    if cls.id in REGISTRY:
        raise ValueError(f"duplicate check id {cls.id}")
    REGISTRY[cls.id] = cls
    return cls


def all_rules() -> list[type[Rule]]:
    # Importing the rule modules registers them.
    from newscheck.nlp.checks import rules  # noqa: F401

    return [REGISTRY[k] for k in sorted(REGISTRY)]


def run_checks(ctx: CheckContext, select: Iterable[str] | None = None) -> list[CheckResult]:
    wanted = set(select) if select is not None else None
    out: list[CheckResult] = []
    for cls in all_rules():
        if wanted is not None and cls.id not in wanted:
            continue
        out.extend(cls().run(ctx))
    return sorted(out, key=_order)


def _order(r: CheckResult) -> tuple[int, int, str, str]:
    return (r.start, r.spans[0].end if r.spans else 0, r.id, r.message)
