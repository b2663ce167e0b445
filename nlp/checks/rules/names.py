"""People: one person's name spelled one way, and given one job title.

Both rules start from the PERSON entities (spaCy NER, mentions in original
offsets). NC141 also reads capitalised words of the text, because a misspelt
surname on its own ("Hotart said") is often not tagged PERSON at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from newscheck.nlp.checks.registry import CheckContext, Rule, register
from newscheck.nlp.types import CheckResult, Position

_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady)\.?\s+")
_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")
_POSSESSIVE = re.compile(r"['’]s?$")
# A word that can be a surname: letters (with inner hyphens or apostrophes) and
# at least one lower-case letter. "DP-13" (a rating the NER took for a name)
# and "HSBC" are not names that can be misspelt.
_NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’-]*[a-zß-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ]*")
_CAPWORD = re.compile(r"\b[A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’-]*[a-zà-öø-ÿ]\b")

#: Capitalised words that are never surnames; the text's own lower-case words
#: are added per article.
_COMMON = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "then",
        "they",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "from",
        "into",
        "after",
        "before",
        "about",
        "also",
        "more",
        "most",
        "many",
        "some",
        "such",
        "only",
        "over",
        "under",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


_HONORIFIC_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\.?\s+$|\baccording to\s+$"
)
_SPEECH_AFTER = re.compile(
    r"\s+(?:said|says|told|added|adds|argued|explained|wrote|noted|warned|insisted|replied"
    r"|stated|announced|confirmed|denied|believes|thinks|believed|thought)\b"
)


def damerau_levenshtein(a: str, b: str) -> int:
    """Edit distance with adjacent transpositions (optimal string alignment)."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


def _close(a: str, b: str) -> bool:
    """Spellings that may be one name: 1-2 edits apart, same initial, not a plural.

    A typo rarely changes the first letter, while different names often differ
    there ("Wall"/"Ball", "Gates"/"Bates"); "Beatle"/"Beatles", "Oscar"/"Oscars"
    are number, not spelling.
    """
    if min(len(a), len(b)) < 4 or a[0].lower() != b[0].lower():
        return False
    if a + "s" == b or b + "s" == a:
        return False
    return 0 < damerau_levenshtein(a, b) <= max_distance(a, b)


def max_distance(a: str, b: str) -> int:
    """Edits tolerated between two spellings: short names differ by one edit from
    many real, different names ("Chen"/"Chan", "Berg"/"Borg"), so 1 below 6 letters."""
    return 1 if min(len(a), len(b)) < 6 else 2


@dataclass(frozen=True)
class NameMention:
    first: str | None  # None for a surname-only mention ("Hotard said")
    surname: str
    pos: Position  # original text


def _split_name(text: str) -> tuple[str | None, str] | None:
    text = _SUFFIX.sub("", _HONORIFIC.sub("", text.strip()))
    # Trailing punctuation is not spelling: "Wash." and "Wash" are one word.
    words = [_POSSESSIVE.sub("", w.rstrip(".,;:")) for w in text.split()]
    words = [w for w in words if w[:1].isupper()]
    if not words or not _NAME_WORD.fullmatch(words[-1]):
        return None
    # The word before the surname is the first name: NER spans sometimes take
    # a title in ("Analyst Maria Gonzalez"). Not across a comma: "Schroeder,
    # Muenchmeyer" (a firm's partners) is a list of surnames.
    first = words[-2] if len(words) > 1 else None
    if first is not None and re.search(rf"{re.escape(first)}\W*,\s+\S*$", text):
        first = None
    return first, words[-1]


def person_mentions(ctx: CheckContext) -> list[NameMention]:
    """PERSON mentions, plus untagged capitalised words close to a known surname."""
    out: list[NameMention] = []
    covered: list[tuple[int, int]] = []
    for ent in ctx.entities:
        for m in ent.mentions:
            covered.append((m.start, m.end))
            if ent.label != "PERSON":
                continue
            parts = _split_name(m.text)
            if parts is None:
                continue
            out.append(
                NameMention(parts[0], parts[1], Position(m.start, m.end, m.line, m.column, m.text))
            )
    firsts = {m.first for m in out if m.first}
    lower_words = set(re.findall(r"\b[a-z][a-z'-]+\b", ctx.text))
    # Known surnames: those of people named in full at least once (by the NER or
    # in the text: "the Green Party's Helena Marchant" tagged ORG is still a full
    # name). A lone "Labour" the NER took for a person is not a surname to vary.
    surnames = {s for s, f in text_first_names(ctx, {m.surname for m in out}).items() if f}
    surnames |= {m.surname for m in out if m.first}
    for tok in _CAPWORD.finditer(ctx.text):
        word = _POSSESSIVE.sub("", tok[0])
        low = word.lower()
        if len(word) < 4 or low in _COMMON or low in lower_words or word in firsts:
            continue
        if word not in surnames and not any(_close(word, s) for s in surnames):
            continue
        pos = ctx.span(tok.start(), tok.start() + len(word))
        if any(s <= pos.start < e for s, e in covered):
            continue  # part of an entity already read (or of an ORG, a place)
        first = None
        before = ctx.text[max(0, tok.start() - 30) : tok.start()]
        prev = re.search(r"\b([A-Z][a-z]+)\s+$", before)
        if prev and _first_name(prev[1], firsts, lower_words):
            # "Justin Hotart" / "Mary Smyth" untagged: the capitalised word before
            # is a first name unless it is a common word or a title.
            first = prev[1]
            pos = ctx.span(tok.start() - len(prev[0]), tok.start() + len(word))
            if any(s <= pos.start < e for s, e in covered):
                first, pos = None, ctx.span(tok.start(), tok.start() + len(word))
        after = ctx.text[tok.end() : tok.end() + 20]
        # Where a person's name stands ("Justin Hotart", "Mr Prichard", "Hotart
        # said", "said Hotart", "Hotart's") a near-spelling of a known surname is a
        # candidate at up to two edits. Elsewhere only one edit is, and not a word
        # that may be capitalised for another reason: a sentence's or a line's first
        # word ("However"/"Hoover"), a part of a longer proper name ("Boston Dynamics").
        person_like = (
            first is not None
            or _HONORIFIC_BEFORE.search(before) is not None
            or _SPEECH_BEFORE.search(before) is not None
            or _SPEECH_AFTER.match(after) is not None
            or tok[0].endswith(("'s", "’s"))
        )
        if not person_like and not _bare_candidate(
            ctx.text, tok.start(), tok.end(), word, surnames
        ):
            continue
        out.append(NameMention(first, word, pos))
    out.sort(key=lambda m: m.pos.start)
    return out


_SPEECH_BEFORE = re.compile(r"\b(?:said|says|added|adds|told|wrote|asked)\s+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;•*#>|\-–—]\s*|[\"“‘'(\[]\s*)$")
_CAP_NEIGHBOUR_AFTER = re.compile(r",?\s+[A-Z]")


def _bare_candidate(text: str, start: int, end: int, word: str, surnames: set[str]) -> bool:
    """A capitalised word in no person's context: a variant only one edit from a
    known surname, inside a sentence, and a name of one word."""
    if not any(0 < damerau_levenshtein(word, s) <= 1 and _close(word, s) for s in surnames):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if _SENTENCE_START.search(before):
        return False
    if re.search(r"[A-Z][\w’'-]*,?\s+$", before) or _CAP_NEIGHBOUR_AFTER.match(text, end):
        return False  # "Hoover Dam", "New Bolton", "Schroeder, Munchmeyer, Hengst": a longer name
    # A title-case line (a headline) capitalises every word.
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = re.findall(r"[A-Za-z][\w’'-]*", line)
    return sum(w[0].isupper() for w in words) * 2 < len(words)


def text_first_names(ctx: CheckContext, surnames: set[str]) -> dict[str, set[str]]:
    """For each surname, the first names the text puts before it ("Helena Marchant"),
    whatever the NER made of the pair."""
    lower_words = set(re.findall(r"\b[a-z][a-z'-]+\b", ctx.text))
    out: dict[str, set[str]] = {s: set() for s in surnames}
    for s in surnames:
        for m in re.finditer(rf"\b([A-Z][a-z]+)\s+{re.escape(s)}\b", ctx.text):
            if _first_name(m[1], set(), lower_words) and m[1] not in surnames:
                out[s].add(m[1])
    return out


#: Capitalised words before a surname that are not first names ("Mr Prichard").
_NOT_FIRST = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "sir",
        "dame",
        "lord",
        "lady",
        "rev",
        "father",
        "sister",
        "brother",
        "councillor",
        "senator",
        "governor",
        "mayor",
        "minister",
        "judge",
        "justice",
        "coach",
        "manager",
        "captain",
        "general",
        "colonel",
        "major",
        "sergeant",
        "officer",
        "inspector",
        "detective",
        "chancellor",
        "president",
    ]
)


def _first_name(word: str, firsts: set[str], lower_words: set[str]) -> bool:
    if word in firsts:
        return True
    low = word.lower()
    if low in _COMMON or low in _NOT_FIRST or low in lower_words:
        return False
    return _TITLE_ITEM.fullmatch(word) is None


def _display(mentions: list[NameMention]) -> str:
    firsts = {m.first for m in mentions if m.first}
    surname = mentions[0].surname
    return f"{next(iter(firsts))} {surname}" if len(firsts) == 1 else surname


@register
class NameSpelling(Rule):
    """Pass results: one per person mentioned at least twice, all spelled alike,
    so the report shows whose names were cross-checked; single mentions get none
    (nothing to compare)."""

    id = "NC141"
    rule = "name-spelling"
    name = "Name spelling"
    severity = "warning"
    description = "A person's name is spelled the same way throughout the article."
    triggers = (
        "March 5, 2026\nChief executive Justin Hotard said the deal would close soon. "
        "Hotart added that the company expected more orders.",
        "Published 12 January 2026\nAnalyst Maria Gonzalez expects prices to rise. "
        "Maria Gonzales said demand was strong in the first quarter.",
        "Published 12 January 2026\nChief executive Sabine Albrecht expects prices to rise. "
        "Investors expect Albrect, who joined the board in 2019, to stay on.",
    )
    passes = (
        "March 5, 2026\nChief executive Justin Hotard said the deal would close soon. "
        "Hotard added that the company expected more orders.",
        "Published 12 January 2026\nAnalyst Mark Smith expects prices to rise. "
        "His colleague Mary Smyth said demand was strong in the first quarter.",
        "Published 12 January 2026\nHelen Marchbank won the seat. The Green Party's Helena "
        "Marchant came fifth. Ms Marchbank thanked voters; Ms Marchant did not.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        mentions = person_mentions(ctx)
        by_name: dict[str, list[NameMention]] = {}
        for m in mentions:
            # "O’Brien" and "O'Brien" are one spelling in two typefaces.
            by_name.setdefault(m.surname.translate(_APOSTROPHES), []).append(m)
        names = list(by_name)
        # Union-find over spellings that look like one person's.
        parent = {n: n for n in names}

        def root(n: str) -> str:
            while parent[n] != n:
                n = parent[n]
            return n

        text_firsts = text_first_names(ctx, {m.surname for m in mentions})
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if self._same_person(by_name[a], by_name[b], text_firsts):
                    parent[root(b)] = root(a)
        clusters: dict[str, list[str]] = {}
        for n in names:
            clusters.setdefault(root(n), []).append(n)

        for spellings in clusters.values():
            # The spelling used most (then first) is the reference.
            spellings.sort(key=lambda n: (-len(by_name[n]), by_name[n][0].pos.start))
            ref = spellings[0]
            ref_m = by_name[ref][0]
            if len(spellings) == 1:
                if len(by_name[ref]) >= 2:
                    yield self.result(
                        "pass",
                        f'"{_display(by_name[ref])}": {len(by_name[ref])} mentions, '
                        "spelled the same way",
                        spans=[m.pos for m in by_name[ref]],
                        details={"spelling": ref},
                    )
                continue
            for other in spellings[1:]:
                var_m = by_name[other][0]
                yield self.result(
                    "fail",
                    f'"{other}" (line {var_m.pos.line}) vs "{ref}" (line {ref_m.pos.line}): '
                    "same person spelled two ways?",
                    spans=[ref_m.pos, *(m.pos for m in by_name[other])],
                    details={
                        "spelling": other,
                        "reference": ref,
                        "distance": damerau_levenshtein(other, ref),
                    },
                )

    @staticmethod
    def _same_person(
        a: list[NameMention], b: list[NameMention], text_firsts: dict[str, set[str]]
    ) -> bool:
        if not _close(a[0].surname, b[0].surname):
            return False
        fa = {m.first for m in a if m.first} | text_firsts.get(a[0].surname, set())
        fb = {m.first for m in b if m.first} | text_firsts.get(b[0].surname, set())
        # Same first name, or one spelling never comes with a first name of its
        # own. "Mark Smith" / "Mary Smyth" are two people.
        return bool(fa & fb) or not fa or not fb


# --- NC142 ----------------------------------------------------------------------------

#: Title phrase -> canonical title. Longer phrases first so that the regex
#: prefers "chief executive officer" to "chief executive".
_TITLES: tuple[tuple[str, str], ...] = (
    (r"chief\s+executive\s+officer|group\s+chief\s+executive|chief\s+executive|C\.?E\.?O", "CEO"),
    (r"chief\s+financial\s+officer|finance\s+chief|finance\s+director|C\.?F\.?O", "CFO"),
    (r"chief\s+operating\s+officer|C\.?O\.?O", "COO"),
    (r"chief\s+technology\s+officer|chief\s+technical\s+officer|CTO", "CTO"),
    (r"chief\s+marketing\s+officer|CMO", "CMO"),
    (r"chief\s+information\s+officer", "chief information officer"),
    (r"chief\s+investment\s+officer", "chief investment officer"),
    (r"chief\s+economist", "chief economist"),
    (r"general\s+counsel", "general counsel"),
    (
        r"(?:executive\s+|senior\s+)?vice[\s-]+president|(?:E|S)?VP",
        "vice president",
    ),
    (r"vice[\s-]+chair(?:man|woman|person)?|deputy\s+chair(?:man|woman|person)?", "vice chair"),
    (r"chair(?:man|woman|person)?", "chair"),
    (r"president", "president"),
    (r"co-?founder|founder", "founder"),
    (r"managing\s+director", "managing director"),
    (r"prime\s+minister", "prime minister"),
    (r"finance\s+minister", "finance minister"),
)

#: Titles one person cannot hold at once (in one organisation).
_EXCLUSIVE: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "CEO",
            "CFO",
            "COO",
            "CTO",
            "CMO",
            "chief information officer",
            "chief investment officer",
            "chief economist",
            "general counsel",
        }
    ),
    frozenset({"president", "vice president"}),
    frozenset({"chair", "vice chair"}),
    frozenset({"prime minister", "finance minister"}),
)

_ONE_TITLE = "|".join(f"(?:{p})" for p, _ in _TITLES)
_TITLE_LIST = rf"(?i:(?:{_ONE_TITLE}))(?:\s*(?:,|and|&)\s*(?i:(?:{_ONE_TITLE})))*"
# An organisation before a title ("Nokia CFO"); its words are never title words,
# else "Vice President" would read as org "Vice" + "President".
_ORG_WORD = (
    rf"(?!(?i:{_ONE_TITLE}|vice|deputy|senior|executive|group|chief|former|ex|the)\b)[A-Z][\w&-]*"
)
_ORG = rf"{_ORG_WORD}(?:\s+{_ORG_WORD}){{0,2}}"
# "the bank's chief executive": an organisation we cannot name.
_SOME_ORG = r"[a-z]+['’]s\s+"
_FORMER = r"\b(?i:former|ex)[\s‑-]*"
_PREFIX = re.compile(
    # "ex-Guinness chairman Saunders", "former Nokia CEO": a former title too.
    rf"(?P<former0>{_FORMER})?(?:(?P<org>{_ORG})['’]s\s+|(?P<org1>{_ORG})\s+|{_SOME_ORG})?(?P<former>{_FORMER})?"
    rf"(?P<title>\b{_TITLE_LIST})\s*,?\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$"
)
_SUFFIX_TITLE = re.compile(
    rf"^\s*,\s+(?:(?:the|a|an)\s+)?(?:(?P<org>{_ORG})['’]s\s+|{_SOME_ORG})?(?P<former>{_FORMER})?"
    rf"(?P<title>{_TITLE_LIST})\b(?:\s+(?:of|at)\s+(?P<org2>{_ORG}))?"
    # "Anna Berg, CFO Tom Lee and ..." : the title is Tom Lee's, not Berg's.
    r"(?!\s+[A-Z][a-z])"
)
_TITLE_ITEM = re.compile(rf"(?i:{_ONE_TITLE})")


def _canonical(phrase: str) -> str:
    for pattern, canon in _TITLES:
        if re.fullmatch(pattern, phrase, flags=re.IGNORECASE):
            return canon
    return phrase.lower()


@dataclass(frozen=True)
class TitledMention:
    titles: frozenset[str]
    former: bool
    org: str | None
    pos: Position  # title and name together

    def label(self) -> str:
        t = " and ".join(sorted(self.titles))
        return f"former {t}" if self.former else t


def _incompatible(a: TitledMention, b: TitledMention) -> bool:
    if a.org and b.org and a.org.lower() != b.org.lower():
        return False  # titles at two organisations can both be true
    if a.former != b.former:
        # "former CEO" vs "CEO": one of them is out of date.
        return bool(a.titles & b.titles)
    if a.former:
        return False  # past roles accumulate
    for group in _EXCLUSIVE:
        ga, gb = a.titles & group, b.titles & group
        if ga and gb and not (ga <= gb or gb <= ga):
            return True
    return False


def _people(ctx: CheckContext) -> dict[str, tuple[str, list[str]]]:
    """Person key -> (display name, name regexes to find in the text)."""
    by_surname: dict[str, set[str]] = {}
    for ent in ctx.entities:
        if ent.label != "PERSON":
            continue
        for text in [ent.text, *(m.text for m in ent.mentions)]:
            parts = _split_name(text)
            if parts is not None:
                by_surname.setdefault(parts[1], set()).add(parts[0] or "")
    out: dict[str, tuple[str, list[str]]] = {}
    for surname, firsts_raw in by_surname.items():
        firsts = sorted(f for f in firsts_raw if f)
        s = re.escape(surname)
        if len(firsts) <= 1:
            first = rf"(?:{re.escape(firsts[0])}\s+)?" if firsts else ""
            name = f"{firsts[0]} {surname}" if firsts else surname
            out[surname] = (name, [rf"\b{first}{s}\b"])
        else:
            # Two people share the surname: only full names say who is meant.
            for f in firsts:
                out[f"{f} {surname}"] = (f"{f} {surname}", [rf"\b{re.escape(f)}\s+{s}\b"])
    return out


def titled_mentions(ctx: CheckContext, patterns: list[str]) -> list[TitledMention]:
    out: list[TitledMention] = []
    seen: set[int] = set()
    for pat in patterns:
        for m in re.finditer(pat, ctx.text):
            if m.start() in seen:
                continue
            seen.add(m.start())
            before = ctx.text[max(0, m.start() - 120) : m.start()]
            after = ctx.text[m.end() : m.end() + 160]
            if (p := _PREFIX.search(before)) is not None:
                start = m.start() - len(before) + p.start()
                out.append(
                    _titled(
                        p,
                        p["org"] or p["org1"],
                        ctx.span(start, m.end()),
                        former=p["former0"] is not None,
                    )
                )
            if (q := _SUFFIX_TITLE.search(after)) is not None:
                out.append(
                    _titled(q, q["org"] or q["org2"], ctx.span(m.start(), m.end() + q.end()))
                )
    out.sort(key=lambda t: t.pos.start)
    return out


def _titled(
    m: re.Match[str], org: str | None, pos: Position, *, former: bool = False
) -> TitledMention:
    titles = frozenset(_canonical(t[0]) for t in _TITLE_ITEM.finditer(m["title"]))
    return TitledMention(titles, former or m["former"] is not None, org, pos)


@register
class PersonTitles(Rule):
    id = "NC142"
    rule = "person-titles"
    name = "Person titles"
    severity = "warning"
    description = "A person is given one job title (or compatible ones) throughout the article."
    triggers = (
        "March 5, 2026\nCEO Justin Hotard said orders rose. Later in the call, "
        "chief financial officer Justin Hotard said margins would improve.",
        "Published 12 January 2026\nThe plan was presented by Anna Berg, the bank's "
        "chief executive. Former chief executive Anna Berg has led the bank since 2019.",
    )
    passes = (
        "March 5, 2026\nCEO Justin Hotard said orders rose. Justin Hotard, Nokia's president "
        "and chief executive, said margins would improve.",
        "Published 12 January 2026\nThe plan was presented by Anna Berg, the bank's "
        "chief executive. Chief financial officer Tom Lee said costs fell.",
    )

    def run(self, ctx: CheckContext) -> Iterator[CheckResult]:
        for name, patterns in _people(ctx).values():
            mentions = titled_mentions(ctx, patterns)
            if len(mentions) < 2:
                continue
            reported: set[tuple[str, str]] = set()
            for j, b in enumerate(mentions):
                for a in mentions[:j]:
                    if not _incompatible(a, b) or (a.label(), b.label()) in reported:
                        continue
                    reported.add((a.label(), b.label()))
                    yield self.result(
                        "fail",
                        f'"{a.pos.text}" (line {a.pos.line}) vs "{b.pos.text}" '
                        f"(line {b.pos.line}): {name} given two titles "
                        f"({a.label()}; {b.label()})",
                        spans=[a.pos, b.pos],
                        details={"person": name, "titles": [a.label(), b.label()]},
                    )
                    break
            if not reported:
                labels = ", ".join(f'"{m.pos.text}"' for m in mentions)
                yield self.result(
                    "pass",
                    f"{name}: titles agree ({labels})",
                    spans=[m.pos for m in mentions],
                    details={"person": name, "titles": sorted({m.label() for m in mentions})},
                )
