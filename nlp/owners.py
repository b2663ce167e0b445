"""Whose figure: owner candidates with named evidence, scored by weights kept as data.

Every organisation, place, group or person named in a figure's sentence is a
candidate owner, and so is the story's main entity. Each candidate gets 0/1
(or 0..1) evidence features from the parse: does it possess the measured noun
("Arvo's turnover"), modify it ("Korva shares"), head or sit inside the subject
of the clause that governs the figure, stand near it, or only report it ("…,
the Farm Bureau said")? The weights in `nlp/data/owners.json` turn features
into a score; the best positive candidate owns the figure, else the main entity.
The main entity's prior is a fallback: named in the sentence, it keeps the full prior
only as the speaker or when no other name has a grammatical claim on the figure.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from newscheck.nlp.relations import cues

OWNER_LABELS = frozenset({"ORG", "GPE", "NORP", "PERSON"})
#: Figure kinds a person rarely owns: "Mr Dale said the fund would grow 5%".
AMOUNT_KINDS = frozenset({"money", "percent", "points", "range"})
#: Words of a reported clause that point back at its speaker: "Nortel said it had made $434m"
#: points at an organisation, "Mr Dale said his party would pay £2,000" at a person.
SELF_REFERENCE = frozenset({"it", "its", "we", "our", "us", "they", "their"})
PERSONAL_REFERENCE = frozenset({"he", "she", "his", "her", "i", "my"})
_SELF_NOUNS = frozenset({"company", "group", "firm", "party", "bank", "business", "corporation"})
_RELATIVE = frozenset({"who", "which", "that", "whose"})
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})
_PLACE_PREPS = frozenset({"in", "at", "across", "throughout", "within", "from"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
#: Features by which the parse ties a name to the figure, beyond standing in its sentence.
OWNER_EVIDENCE = frozenset(
    {"possessor", "modifier", "subject", "in_subject", "outer_subject", "self_report"}
)
#: Edges that climb from a clause to the clause it depends on, not across reported speech.
_UP = frozenset({"xcomp", "conj", "advcl", "relcl", "acl", "pcomp", "prep", "pobj"})


@lru_cache(maxsize=1)
def _data() -> dict[str, object]:
    text = resources.files("newscheck.nlp").joinpath("data", "owners.json").read_text("utf-8")
    return json.loads(text)  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    table: dict[str, dict[str, object]] = _data()["weights"]  # type: ignore[assignment]
    return {k: float(v["weight"]) for k, v in table.items()}  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def _alias_table() -> dict[str, str]:
    table: dict[str, list[str]] = _data()["aliases"]  # type: ignore[assignment]
    return {
        a.casefold(): name
        for name, names in table.items()
        if not name.startswith("_")
        for a in names
    }


def alias(name: str) -> str:
    """One spelling per owner: "Britain" and "UK" own the same deficit."""
    return _alias_table().get(name.casefold(), name)


def score(features: dict[str, float]) -> float:
    w = weights()
    return sum(w.get(k, 0.0) * v for k, v in features.items())


def _is_speech(tok: Token) -> bool:
    return cues.has("speech_verbs", tok.lower_)


def _lift(tok: Token) -> Token:
    """From a name to the noun it is part of: "Commission chairman Sam Younger" -> Younger."""
    for _ in range(3):
        if tok.dep_ in {"compound", "appos", "amod", "nmod"} and tok.head is not tok:
            tok = tok.head
        else:
            break
    return tok


def _refers_back(subject: Token) -> str | None:
    """How a reported clause's subject points back at its speaker: 'it', 'its profit'
    ("pronoun"); 'the company' ("descriptive", an organisation); 'he', 'his party' ("person")."""
    words = [subject] + [c for c in subject.children if c.dep_ in {"det", "poss"}]
    if any(w.lower_ in PERSONAL_REFERENCE for w in words):
        return "person"
    if subject.lower_ in SELF_REFERENCE or any(
        c.dep_ == "poss" and c.lower_ in SELF_REFERENCE for c in subject.children
    ):
        return "pronoun"
    if subject.lower_ in _SELF_NOUNS and any(w.lower_ == "the" for w in words):
        return "descriptive"
    return None


def is_source(e: Span) -> bool:
    """The mention names who states something rather than what the figures are about.

    The speaker of "X said the market grew" or "according to X", and the
    organisation of a quoted official ("Commission chairman Sam Younger said").
    A speaker whose reported clause refers back to it ("Acme said its profit
    rose") is the owner after all.
    """
    tok = _lift(e.root)
    head = tok.head
    if tok.dep_ in _SUBJECTS and _is_speech(head):
        reports = [c for c in head.children if c.dep_ in {"ccomp", "parataxis"}]
        # "Acme reported earnings of $90m" reports its own figure: no reported clause.
        subjects = [s for c in reports for s in c.children if s.dep_ in _SUBJECTS]
        return bool(reports) and not any(_refers_back(s) for s in subjects)
    # "according to X", "quoted in X".
    return tok.dep_ == "pobj" and _is_speech(head.head)


def clause_verb(tok: Token) -> Token:
    for _ in range(5):
        if tok.pos_ in {"VERB", "AUX"} or tok.dep_ == "ROOT":
            break
        tok = tok.head
    return tok


def _subjects(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not out:
        # "…, followed by Dunmore, on 7%": with no subject of its own, the passive's agent
        # is who does it.
        out = [
            p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
        ]
    if verb.dep_ in {"xcomp", "conj"} and not out:
        out = [c for c in verb.head.children if c.dep_ in _SUBJECTS]
    # "Mr Leslie, who was elected at the age of 24": the relative stands for its noun.
    return [verb.head if s.lower_ in _RELATIVE and verb.dep_ == "relcl" else s for s in out]


def _outer_clauses(verb: Token, limit: int = 3) -> list[Token]:
    """The clauses the figure's clause depends on, stopping at reported speech."""
    out: list[Token] = []
    tok = verb
    for _ in range(limit):
        if tok.dep_ not in _UP or tok.head is tok:
            break
        tok = clause_verb(tok.head)
        if _is_speech(tok):
            break
        out.append(tok)
    return out


def _speech_head(verb: Token) -> Token | None:
    """The speech verb whose report holds the figure's clause: 'X said [sales rose 5%]'."""
    tok = verb
    for _ in range(5):
        if tok.dep_ in {"ccomp", "parataxis"} and _is_speech(tok.head):
            return tok.head
        # "X said she hoped [votes would follow …]": a clause hanging off the object is still
        # inside the report.
        if tok.head is tok or tok.dep_ not in _UP | {"ccomp", "dobj"}:
            return None
        tok = tok.head
    return None


def _words(name: str) -> list[str]:
    return ["and" if w == "&" else w for w in name.casefold().split() if w.isalpha() or w == "&"]


def _names_speaker(e: Span, speakers: list[Token]) -> bool:
    """The name is the speaker or names it: "SNP leader Alex Salmond", "Plaid's spokesman
    Adam Price" (not "Karo, now living in Los Angeles")."""
    tok = e.root
    for _ in range(4):
        if tok in speakers:
            return True
        if tok.dep_ not in {"compound", "appos", "amod", "nmod", "poss"} or tok.head is tok:
            break
        tok = tok.head
    return tok in speakers


def _within(e: Span, tokens: Iterable[Token]) -> bool:
    return any(e.start <= t.i < e.end for t in tokens)


def _inside_phrase(e: Span, head: Token) -> bool:
    """The name hangs off `head` through prepositions and compounds, not a relative clause
    or an apposition ("homes in Didsbury, a suburb that boasts an Aldi": Didsbury only)."""
    tok = e.root
    for _ in range(6):
        if tok == head:
            return True
        if tok.dep_ in {"relcl", "acl", "appos", "ccomp", "advcl"} or tok.head is tok:
            return False
        tok = tok.head
    return False


#: Places named together this often are where something happens, each one no owner.
_PLACE_LIST = 3


def _listed_places(e: Span) -> int:
    """How many proper nouns the coordination of places holding `e` lists ("Ely, Hove and
    Bude": 3), however the model tagged each of them."""
    top = e.root
    while top.dep_ == "conj" and top.head is not top:
        top = top.head
    members = {top.i}
    for t in top.subtree:  # in text order: each conjunct after the one it hangs off
        if t.dep_ == "conj" and t.head.i in members:
            members.add(t.i)
    if not any(e.doc[i].ent_type_ in {"GPE", "LOC"} for i in members):
        return 0  # "Tesco, Asda and Lidl": a list of names, no list of places
    return sum(1 for i in members if e.doc[i].pos_ == "PROPN")


def item_stretch(
    sent: Span, before: list[Span], span: Span, names: list[Span]
) -> tuple[int, int] | None:
    """The tokens between the figure before `span` in its sentence and `span`, when the
    sentence reads as a list of name-figure items: "Dunmore's 800 staff, Korva's 700 and
    Arvo's 90", "Korva came next with 8%, followed by Arvo, on 7%". The first figure must
    follow a name too: in "sales rose 5% in Ely and 3% in Hove" each name follows its figure."""
    if not before:
        return None
    first = before[0]
    if not any(sent.start <= n.start and n.end <= first.start for n in names):
        return None
    return before[-1].end, span.start


#: The longest stretch, in tokens, between two figures that still reads as one list item.
_ITEM_MAX = 12
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _item_name(ents: list[tuple[Span, str]], item: tuple[int, int]) -> Span | None:
    """The one name of a list item's stretch; a place after "in" is where the figure before
    happened ("5% in Ely and 3%…"), not the next item's name."""
    lo, hi = item
    doc = ents[0][0].doc if ents else None
    if doc is None or hi - lo > _ITEM_MAX or any(t.tag_ in _FINITE for t in doc[lo:hi]):
        return None  # an item is short and verbless: "…, the GMB's 70,000", "…, Arvo, on 7%"
    inside = [
        e
        for e, _ in ents
        if lo <= e.start
        and e.end <= hi
        and not (e.root.dep_ == "pobj" and e.root.head.lower_ in _PLACE_PREPS)
    ]
    return inside[0] if len(inside) == 1 else None


def points_back(span: Span) -> bool:
    """The figure's clause is about what the sentence before stated: "This is 64% more
    than…", "That was 3% less"."""
    if not span.doc.has_annotation("DEP"):
        return False
    verb = clause_verb(span.root)
    return any(s.lower_ in _DEMONSTRATIVES for s in verb.children if s.dep_ in _SUBJECTS)


def has_claim(cands: dict[str, dict[str, float]]) -> bool:
    """Some name of the sentence is tied to the figure by the parse, not only nearby."""
    return any(OWNER_EVIDENCE & f.keys() for f in cands.values())


def candidates(
    span: Span,
    sent: Span,
    noun: Token | None,
    ents: list[tuple[Span, str]],
    main: str | None,
    kind: str,
    segment: str | None = None,
    item: tuple[int, int] | None = None,
) -> dict[str, dict[str, float]]:
    """Owner name -> evidence features, for the figure `span` of sentence `sent`.

    `segment` is the part the metric names ("ai and cloud" of "AI & Cloud sales"): a name
    that is that part is not whose figure it is. `item` is the stretch of tokens between
    the figure before in the sentence and this one, when the sentence lists its figures each
    after its own name (`list_item`).
    """
    doc = span.doc
    listed = _item_name(ents, item) if item is not None else None
    has_dep = doc.has_annotation("DEP")
    anchor = noun if noun is not None else span.root
    verb = clause_verb(span.root) if has_dep else span.root
    subjects = _subjects(verb) if has_dep else []
    outer = [s for v in _outer_clauses(verb) for s in _subjects(v)] if has_dep else []
    speech = _speech_head(verb) if has_dep else None
    speakers = [c for c in speech.children if c.dep_ in _SUBJECTS] if speech is not None else []
    # The reported clause's subject, however deep the figure sits: "Bat announced [it had won
    # approval to build a $1.5bn factory]".
    reported = subjects or next((_subjects(v) for v in _outer_clauses(verb) if _subjects(v)), [])
    refers = {_refers_back(s) for s in reported} - {None} if speakers else set()
    if speakers and any(t.dep_ == "poss" and t.lower_ in SELF_REFERENCE for t in anchor.children):
        refers.add("pronoun")  # "X said sales were 62% of its revenue"
    speaker_orgs = [e for e, _ in ents if e.label_ != "PERSON" and _names_speaker(e, speakers)]
    # "Chief executive Ann Lee said the group expects…": the group is no person; "Plaid's
    # spokesman said he wanted…" speaks for his organisation when the sentence names it; a
    # speaker called "it" is no person whatever its tag.
    person_ok = not speaker_orgs and bool(refers & {"pronoun", "person"})
    # "Unison's 800,000, the GMB's 70,000": a possessor right before the figure is its own,
    # whatever noun the figures share.
    own_poss = [t for t in doc[max(sent.start, span.start - 3) : span.start] if t.dep_ == "poss"]
    if span.start - 2 >= sent.start and doc[span.start - 1].tag_ == "POS":
        # "…and Amicus' 20,000": the parse hangs the name elsewhere, the "'" still marks it.
        own_poss.append(doc[span.start - 2])
    out: dict[str, dict[str, float]] = {}
    for e, name in ents:
        f: dict[str, float] = {"sentence": 1.0}
        gap = max(e.start - span.end, span.start - e.end, 0)
        f["proximity"] = 1.0 / (1.0 + gap / 4.0)
        if has_dep:
            if any(t in own_poss for t in e) or (
                not own_poss and any(t.dep_ == "poss" and t.head == anchor for t in e)
            ):
                f["possessor"] = 1.0
            root = _lift(e.root) if e.root.dep_ == "compound" else e.root
            if (
                (span.start <= e.start and e.end <= span.end)
                or (
                    e.root.dep_ in {"compound", "nmod", "amod"}
                    and e.root.head in {anchor, span.root, span.root.head}
                )
                # "Ms Dale, 31,": the figure describes the name.
                or (span.root.dep_ in {"appos", "amod", "nummod"} and _within(e, [span.root.head]))
            ):
                f["modifier"] = 1.0
            if any(e.start <= s.i < e.end for s in subjects):
                f["subject"] = 1.0
            elif any(_inside_phrase(e, s) for s in subjects):
                f["in_subject"] = 1.0
            elif any(e.start <= s.i < e.end or _inside_phrase(e, s) for s in outer):
                f["outer_subject"] = 1.0
            if verb.left_edge.i <= e.start and e.end <= verb.right_edge.i + 1:
                f["clause"] = 1.0
            mine = bool(refers) and _names_speaker(e, speakers)
            if mine and (e.label_ != "PERSON" or person_ok):
                f["self_report"] = 1.0
            elif (
                (e.label_ != "PERSON" or not mine)
                # The story's subject reports its own figures ("EMI said sales will fall").
                and name != main
                # A speaker the figure's own phrase points at is its owner ("said Mr Dale,
                # who joined at the age of 24").
                and not ({"subject", "in_subject", "possessor", "modifier"} & f.keys())
                and (any(_within(e, s.subtree) for s in speakers) or is_source(e))
            ):
                f["source"] = 1.0
            if (
                e.label_ in {"GPE", "LOC"}
                and root.dep_ == "pobj"
                and root.head.lower_ in _PLACE_PREPS
                and not (
                    {"in_subject", "subject", "outer_subject", "possessor", "modifier"} & f.keys()
                )
            ):
                f["place"] = 1.0
        if has_dep and _listed_places(e) >= _PLACE_LIST:
            # "Korva stores in Ely, Hove, Bude and Looe will offer…": a list of places says
            # where, not whose.
            f["place_list"] = 1.0
        if e is listed:
            f["list_item"] = 1.0
        if segment and set(_words(name)) <= set(segment.split()):
            f["segment"] = 1.0
        if (
            e.label_ == "PERSON"
            and kind in AMOUNT_KINDS
            and not ("self_report" in f and "pronoun" in refers)
        ):
            f["person_amount"] = 1.0
        if name == main:
            # Named in the sentence, the story's subject competes on the evidence of this
            # mention: the full prior would outvote "Tesco came next, with 8%" for a main
            # entity named in passing ("...and Aldi the lowest"). As the speaker it reports
            # its own figures ("Korva president Ann Lee told analysts sales would…").
            speaking = _names_speaker(e, speakers) or is_source(e) if has_dep else False
            f["main" if speaking else "main_named"] = 1.0
        prev = out.setdefault(name, {})
        for k, v in f.items():
            prev[k] = max(prev.get(k, 0.0), v)
    if main is not None and main not in out:
        out[main] = {"main": 1.0}
    elif main is not None and "main" in out[main]:
        out[main].pop("main_named", None)  # one prior, whichever of its mentions speaks
    elif main is not None and not any(
        OWNER_EVIDENCE & f.keys() for n, f in out.items() if n != main
    ):
        # No other name has a grammatical claim on the figure ("80% of the bill was met by
        # European nations"): the story's subject keeps its full prior.
        out[main].pop("main_named", None)
        out[main]["main"] = 1.0
    return out


def best(cands: dict[str, dict[str, float]], main: str | None) -> str | None:
    """The best-scoring candidate; the main entity when no candidate has positive evidence."""
    scored = sorted(
        ((score(f), f.get("proximity", 0.0), n) for n, f in cands.items()), reverse=True
    )
    if scored and scored[0][0] > 0:
        return scored[0][2]
    return main
