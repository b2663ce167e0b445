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

if not Doc.has_extension("suspect_ranges"):
    # Analysis-text ranges where Title Case misleads the NER: headline, headings, boilerplate.
    Doc.set_extension("suspect_ranges", default=())
if not Doc.has_extension("canonical"):
    # (token start, token end) of each entity -> its canonical name.
    Doc.set_extension("canonical", default=None)

NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT"})
CORPORATE_SUFFIXES = frozenset(
    [
        "inc",
        "corp",
        "corporation",
        "co",
        "ltd",
        "plc",
        "llc",
        "ag",
        "sa",
        "se",
        "nv",
        "bv",
        "oyj",
        "ab",
        "asa",
        "group",
        "holdings",
        "company",
        "limited",
        "gmbh",
        "spa",
    ]
)
_POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$")
_LEADING = re.compile(r"^(?:(?:the|The|THE)|(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?)\s+")


def normalise_name(text: str) -> str:
    text = " ".join(text.split())
    text = _LEADING.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return text.strip(" .,;:-–—\"'<>")


class EntityCleanup:
    def __init__(self, name: str, max_tokens: int) -> None:
        self.name = name
        self.max_tokens = max_tokens

    def __call__(self, doc: Doc) -> Doc:
        kept: list[Span] = []
        too_long: list[Span] = []
        for ent in doc.ents:
            for piece in _split_at_breaks(ent):
                if len(piece) > self.max_tokens or any(
                    a <= piece.start_char < b for a, b in doc._.suspect_ranges
                ):
                    too_long.append(piece)
                elif any(c.isupper() for c in normalise_name(piece.text)):
                    # A name has a capital; "cts" or "pct" read as ORG does not.
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


LABEL_PREFERENCE = ("ORG", "PERSON", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT")


def _resolve(
    names: Counter[str], person_votes: Counter[str], places: frozenset[str] = frozenset()
) -> dict[str, str]:
    """Short forms join the full form they name: a surname its person, a first word its company.

    A place or a people (mostly tagged GPE, LOC, NORP) is no short form: "China" is not
    "China Daily", "Turkish" not "Turkish Central Bank".
    """
    order = sorted(names, key=lambda n: (-len(n.split()), -names[n], n))
    mapping: dict[str, str] = {}
    for name in order:
        words = name.split()
        target = name
        longer = [f for f in order if len(f.split()) > len(words)]
        for full in longer:
            fw = full.split()
            if person_votes[full] and fw[-len(words) :] == words:
                target = mapping.get(full, full)
                break
        else:
            starts = [
                f
                for f in longer
                if name not in places
                and f.split()[: len(words)] == words
                and all(w[:1].isupper() and w.isalpha() for w in f.split()[len(words) :])
                and not name.isupper()
            ]
            # "Bat" -> "British American Tobacco": an abbreviation of the one name it spells.
            spelt = [f for f in longer if len(words) == 1 and _initials(f) == name.casefold()]
            if len(spelt) == 1 and not starts:
                starts = spelt
            # "Nokia" -> "Nokia Oyj"; "Larkfield" -> "Larkfield Outdoor" when that is the only one.
            if len(starts) == 1 or (
                starts
                and all(f.split()[-1].rstrip(".").lower() in CORPORATE_SUFFIXES for f in starts[:1])
            ):
                target = mapping.get(starts[0], starts[0])
        mapping[name] = target
    return mapping


_LINKS = frozenset({"and", "of", "the", "for", "&"})


def _initials(name: str) -> str:
    """'British American Tobacco' -> 'bat'; 'Bank of England' -> 'boe'."""
    words = [w for w in name.split() if w.casefold() not in _LINKS]
    return "".join(w[0] for w in words).casefold() if len(words) > 1 else ""


def canonical_names(doc: Doc) -> dict[tuple[int, int], str]:
    """Canonical name of every named entity, and one label per name by majority vote.

    The small model labels one name differently from sentence to sentence
    ("Larkfield" ORG, then PERSON); the vote relabels the doc's entities.
    """
    ents = [e for e in doc.ents if e.label_ in NAME_LABELS]
    names: Counter[str] = Counter(normalise_name(e.text) for e in ents)
    person_votes: Counter[str] = Counter(
        normalise_name(e.text) for e in ents if e.label_ == "PERSON"
    )
    place_votes: Counter[str] = Counter(
        normalise_name(e.text) for e in ents if e.label_ in {"GPE", "LOC", "NORP"}
    )
    places = frozenset(n for n, k in place_votes.items() if 2 * k > names[n])
    mapping = _resolve(names, person_votes, places)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for e in ents:
        short = normalise_name(e.text)
        full = mapping.get(short, short)
        label = e.label_
        # A person's short form is the surname; a first-word short form names a company.
        if (
            label == "PERSON"
            and full != short
            and full.split()[: len(short.split())] == short.split()
        ):
            label = "ORG"
        if full != short and len(short.split()) == 1 and _initials(full) == short.casefold():
            continue  # an abbreviation keeps the label of the name it spells
        votes[full][label] += 1
    label_of = {
        name: min(v, key=lambda lab: (-v[lab], LABEL_PREFERENCE.index(lab)))
        for name, v in votes.items()
    }
    relabelled: list[Span] = []
    out: dict[tuple[int, int], str] = {}
    for e in doc.ents:
        if e.label_ in NAME_LABELS:
            name = mapping.get(normalise_name(e.text), normalise_name(e.text))
            out[(e.start, e.end)] = name
            relabelled.append(Span(doc, e.start, e.end, label=label_of.get(name, e.label_)))
        else:
            relabelled.append(e)
    doc.set_ents(relabelled, default="outside")
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
