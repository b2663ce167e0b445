"""Named entities: the `newscheck_entity_cleanup` component and grouping for the report.

The small English model makes mistakes that matter to a newsroom: it runs an
entity over a line break, or reads a Title Case headline as one long ORG. The
cleanup component cuts entities at block breaks, drops spans too long to be a
name (keeping the names inside them that the document names elsewhere), and
gives every entity a canonical name ("Nokia’s" -> "Nokia", "Hotard" -> "Justin
Hotard") on `Doc._.canonical`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span

from newscheck.nlp.types import Entity, Mention, Position

if not Doc.has_extension("canonical"):
    # (token start, token end) of each entity -> its canonical name.
    Doc.set_extension("canonical", default=None)

NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT"})
_POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$")
_LEADING = re.compile(r"^(?:the|The|THE)\s+")


def normalise_name(text: str) -> str:
    text = " ".join(text.split())
    text = _LEADING.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return text.strip(" .,;:-–—\"'")


class EntityCleanup:
    def __init__(self, name: str, max_tokens: int) -> None:
        self.name = name
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        kept: list[Span] = []
        too_long: list[Span] = []
        for ent in doc.ents:
            for piece in _split_at_breaks(ent):
                if len(piece) > self.max_tokens:
                    too_long.append(piece)
                elif normalise_name(piece.text):
                    kept.append(piece)
        if too_long:
            kept.extend(_names_inside(doc, too_long, kept))
        doc.set_ents(_trim(kept, doc), default="outside")
        doc._.canonical = canonical_names(doc)
        return doc


def _split_at_breaks(ent: Span) -> list[Span]:
    pieces: list[Span] = []
    start = ent.start
    for tok in ent:
        if "\n" in tok.text or "\n" in tok.whitespace_ or tok.text in {":", "|", "•"}:
            end = tok.i if "\n" in tok.text or tok.text in {":", "|", "•"} else tok.i + 1
            if end > start:
                pieces.append(Span(ent.doc, start, end, label=ent.label))
            start = tok.i + 1
    if start < ent.end:
        pieces.append(Span(ent.doc, start, ent.end, label=ent.label))
    return [p for p in pieces if p.text.strip()]


def _names_inside(doc: Doc, spans: list[Span], known: list[Span]) -> list[Span]:
    """Sub-spans of over-long entities that match names the document states elsewhere."""
    names: dict[tuple[str, ...], str] = {}
    for ent in known:
        names[tuple(t.text for t in ent)] = ent.label_
    out: list[Span] = []
    for span in spans:
        i = span.start
        while i < span.end:
            best = 0
            for words, _label in names.items():
                n = len(words)
                if (
                    n > best
                    and i + n <= span.end
                    and tuple(t.text for t in doc[i : i + n]) == words
                ):
                    best = n
            if best:
                words = tuple(t.text for t in doc[i : i + best])
                out.append(Span(doc, i, i + best, label=names[words]))
                i += best
            else:
                i += 1
    return out


def _trim(spans: list[Span], doc: Doc) -> list[Span]:
    out: list[Span] = []
    for s in spans:
        start, end = s.start, s.end
        while start < end and (
            doc[start].is_punct or doc[start].is_space or doc[start].lower_ == "the"
        ):
            start += 1
        while end > start and (
            doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in {"'s", "’s"}
        ):
            end -= 1
        if end > start:
            out.append(Span(doc, start, end, label=s.label))
    out.sort(key=lambda s: (s.start, -len(s)))
    result: list[Span] = []
    for s in out:
        if result and s.start < result[-1].end:
            continue
        result.append(s)
    return result


def canonical_names(doc: Doc) -> dict[tuple[int, int], str]:
    """Canonical name of every entity: short forms join the longest full form they end or start."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in doc.ents:
        forms[ent.label_][normalise_name(ent.text)] += 1
    resolved: dict[str, dict[str, str]] = {}
    for label, counter in forms.items():
        names = sorted(counter, key=lambda n: (-len(n.split()), -counter[n], n))
        mapping: dict[str, str] = {}
        for name in names:
            words = name.split()
            target = name
            for full in names:
                fw = full.split()
                if len(fw) <= len(words):
                    continue
                # A surname alone ("Hotard") or a first word ("Nokia" of "Nokia Oyj").
                if (label == "PERSON" and fw[-len(words) :] == words) or (
                    label != "PERSON" and fw[: len(words)] == words
                ):
                    target = mapping.get(full, full)
                    break
            mapping[name] = target
        resolved[label] = mapping
    out: dict[tuple[int, int], str] = {}
    for ent in doc.ents:
        name = normalise_name(ent.text)
        out[(ent.start, ent.end)] = resolved[ent.label_].get(name, name)
    return out


def canonical(span: Span) -> str:
    table = span.doc._.canonical or {}
    return table.get((span.start, span.end), normalise_name(span.text))


def group_entities(
    doc: Doc,
    position: Callable[[int, int], Position],
    skip: Callable[[int], bool] = lambda _offset: False,
) -> list[Entity]:
    """Entities grouped by canonical name and label, with every mention (original offsets).

    `skip(analysis_offset)` is true for text that is not the article (boilerplate).
    """
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS or skip(ent.start_char):
            continue
        pos = position(ent.start_char, ent.end_char)
        groups[(canonical(ent), ent.label_)].append(
            Mention(pos.start, pos.end, pos.line, pos.column, pos.text)
        )
    entities = [
        Entity(text=name, label=label, count=len(mentions), mentions=mentions)
        for (name, label), mentions in groups.items()
        if name
    ]
    entities.sort(key=lambda e: (-e.count, e.mentions[0].start, e.label, e.text))
    return entities


@Language.factory("newscheck_entity_cleanup", default_config={"max_tokens": 6})
def make_entity_cleanup(nlp: Language, name: str, max_tokens: int) -> EntityCleanup:
    return EntityCleanup(name, max_tokens)
