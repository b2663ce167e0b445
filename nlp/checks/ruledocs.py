"""What each cross-check does and why it matters: the text of `newscheck rule NC1xx` and docs/rules/.

Kept apart from the rule modules so that rules can be redesigned without touching their
documentation, and the other way round. A rule without an entry here still gets a page: its
`description`, first `triggers` example and first `passes` example stand in (a meta-test lists
the rules that have no entry, so the gap is seen).

Pseudo-rules that the command line produces itself (not registered, never run on a text) are
documented here too, so that `newscheck rule` and the SARIF rule table can describe them.
"""

from __future__ import annotations

from dataclasses import dataclass

from newscheck.nlp.checks.registry import REGISTRY, Rule, all_rules, docs_url


@dataclass(frozen=True, slots=True)
class RuleDoc:
    what: str  # what the rule checks, a paragraph
    why: str  # why an editor should care, a paragraph
    # A text the rule fails on and one it passes. Empty: the rule's own first
    # `triggers` / `passes` example is used (those are tested through the pipeline).
    fails: str = ""
    passes: str = ""
    # What a failure looks like when the failing example is not an error
    # (info rules report a derived value rather than a contradiction).
    note: str = ""


@dataclass(frozen=True, slots=True)
class RulePage:
    """Everything a rule's page shows, resolved (entry or fallback)."""

    id: str
    rule: str
    name: str
    severity: str
    summary: str
    what: str
    why: str
    fails: str
    passes: str
    note: str
    url: str
    documented: bool  # False when the page is made of the rule's own attributes only


#: The pseudo-rule for an inline ignore comment that suppressed nothing
#: (reported with `check --report-unused-ignores`).
UNUSED_IGNORE = "NC001"
PSEUDO_RULES: dict[str, tuple[str, str, str, str]] = {
    # id: (rule, name, severity, one-line description)
    UNUSED_IGNORE: (
        "unused-ignore",
        "Unused ignore comment",
        "warning",
        "A newscheck-disable comment that suppresses no finding, or names an unknown rule.",
    ),
}

DOCS: dict[str, RuleDoc] = {
    UNUSED_IGNORE: RuleDoc(
        what=(
            "Reported only with `newscheck check --report-unused-ignores`. A "
            "`<!-- newscheck-disable … -->`, `newscheck-disable-next-line` comment that "
            "suppressed no finding in this run, or that names a rule id newscheck does not have."
        ),
        why=(
            "An ignore comment outlives the sentence it was written for. Once the text is fixed "
            "or rewritten, a stale comment silently hides the next real mistake in that place."
        ),
        fails=(
            "<!-- newscheck-disable-next-line NC101 -- checked with the desk -->\n"
            "Revenue was €1 billion in the quarter.\n"
        ),
        passes=(
            "<!-- newscheck-disable-next-line NC101 -- 45% is the restated figure -->\n"
            "In the first quarter of 2026, Nokia's AI & Cloud revenue rose 49%. In the first "
            "quarter of 2026, Nokia's AI & Cloud revenue rose 45%, the company said.\n"
        ),
    ),
    "NC101": RuleDoc(
        what=(
            "Finds the same measure stated more than once (same metric, same entity, same "
            "period, same role, same modality) and checks that every statement gives the same "
            'value, within the precision each is written with: "49%" and "49 percent" agree, '
            '"49%" and "45%" do not. A result, analysts\' expectation of it and a rival\'s '
            "claim about it are different statements and are not compared."
        ),
        why=(
            "A figure repeated in the standfirst, a bullet and the body is often edited in one "
            "place only. Readers notice the contradiction before the editor does, and it costs "
            "the whole article its credibility."
        ),
    ),
    "NC102": RuleDoc(
        what=(
            'For a change stated with both ends ("rose 20% to $1.2 billion from $1.0 billion") '
            "recomputes the change from the two levels and compares it with the stated one, "
            "widening every figure by its stated precision and its approximators."
        ),
        why=(
            "Growth figures are copied from releases that state several of them; a percent "
            "from one line and a level from another give arithmetic that cannot be true."
        ),
    ),
    "NC103": RuleDoc(
        what=(
            'For a percent change to a stated level ("rose 49% to €1 billion"), reports the '
            "prior value it implies (about €671 million), as information to verify against "
            "the source."
        ),
        why=(
            "The prior value is rarely printed but easy to check in last year's report; a "
            "wrong implied prior reveals a wrong percent or a wrong level."
        ),
        fails="Acme Corp said revenue rose 25% to $1 billion in 2025.\n",
        passes="Acme Corp said revenue was $1 billion in 2025.\n",
        note=(
            "An info rule: the first example reports the implied prior value ($800 million); "
            "the second gives nothing to derive."
        ),
    ),
    "NC104": RuleDoc(
        what=(
            'Checks multiplier words ("doubled", "tripled", "halved", "2x") against the two '
            "levels they connect and against any percent stated beside them."
        ),
        why=(
            '"Doubled" is often written for a rise of 60% or 150%. The word is what readers '
            "remember, so it has to be right."
        ),
    ),
    "NC105": RuleDoc(
        what=(
            "Flags a percent change between two percentages that is in fact their difference "
            'in percentage points ("rose 2% to 7% from 5%": that is 2 points, or 40%).'
        ),
        why=(
            "Percent and percentage points are the most common confusion in economic copy; "
            "the two readings differ by a factor that changes the story."
        ),
    ),
    "NC111": RuleDoc(
        what=(
            'Collects every currency conversion in the article ("€2 billion ($2.2 billion)") '
            "and checks that conversions between the same two currencies imply one exchange "
            "rate, within the precision of the figures."
        ),
        why=(
            "Conversions added by different hands, or updated on different days, drift apart; "
            "two rates in one article mean at least one figure is wrong."
        ),
    ),
    "NC112": RuleDoc(
        what=(
            "Compares the exchange rate a conversion implies with the ECB euro reference rates "
            "of its stated period and of the article's date (cross rates through the euro). "
            "When the period lies after the shipped rates, the check is skipped and the run "
            "says so: pass `--rates` with a newer eurofxref-hist file."
        ),
        why=(
            "A conversion at a stale or mistyped rate misstates the figure to every reader of "
            "the converted currency, and is invisible without a reference."
        ),
    ),
    "NC121": RuleDoc(
        what=(
            'A segment\'s figure ("AI & Cloud revenue") cannot exceed the same figure for the '
            "whole (revenue) of the same entity and period."
        ),
        why=(
            "A part larger than its whole usually means a swapped figure or a wrong unit "
            "(million for billion), both of which readers can spot at a glance."
        ),
    ),
    "NC122": RuleDoc(
        what=(
            'When the text says parts make up a whole ("split between $3 billion from hardware '
            'and $1.5 billion from software"), the parts must add up to it, within rounding.'
        ),
        why=(
            "Breakdowns are retyped from tables; a dropped or transposed digit shows up as a "
            "sum that does not add up."
        ),
    ),
    "NC123": RuleDoc(
        what=(
            "Shares of one whole for different segments of the same entity and period cannot "
            "add up to more than 100%."
        ),
        why=(
            "Shares over 100% are impossible, and a sure sign of a mistyped or misattributed share."
        ),
    ),
    "NC131": RuleDoc(
        what='A date written with its weekday ("Monday, March 4, 2026") must fall on that weekday.',
        why=(
            "Weekday and date are often updated separately when a story is rescheduled; the "
            "mismatch leaves readers unsure which one is right."
        ),
    ),
    "NC132": RuleDoc(
        what=(
            'An age or anniversary ("the 150-year-old company") must agree with the founding '
            "or birth year stated with it, counted from the article's date (±1 year)."
        ),
        why="Ages are computed by hand and go stale as a story is reused in later years.",
    ),
    "NC124": RuleDoc(
        what=(
            "A share stated beside its part and its whole must be the part divided by the "
            'whole: "449 of the 1,284 schools, or 35%" holds; "or 45%" does not.'
        ),
        why=(
            "A share is usually worked out by the reporter from two figures the story also "
            "gives, so a slip in the division is both likely and easy to prove."
        ),
    ),
    "NC125": RuleDoc(
        what=(
            "An average stated with its total and its count must be the total divided by the "
            'count: "2,000 homes sold for £500m, an average of £250,000" holds.'
        ),
        why=(
            "Averages are derived figures: when the total, the count and the average are all "
            "given, any one of them copied wrongly shows up in the arithmetic."
        ),
    ),
    "NC151": RuleDoc(
        what=(
            "A figure stated twice is given for the same period both times: the same "
            "like-for-like sales growth cannot be for the nine weeks to 3 January in the "
            "summary and for the six weeks to 3 January in the body."
        ),
        why=(
            "The period is part of the fact. A figure moved to the wrong period reads as "
            "right and is hard to spot, because the number itself agrees."
        ),
    ),
    "NC141": RuleDoc(
        what=(
            "A person named in full should be spelled the same way throughout: a surname that "
            'differs by a letter or two ("Hotard" / "Hotart") is flagged.'
        ),
        why=(
            "Misspelling a name is the error people complain about most, and a spell checker "
            "does not catch it."
        ),
    ),
    "NC142": RuleDoc(
        what=(
            "A person should be given one job title, or compatible ones, throughout the "
            'article ("CEO" and "chief executive" agree; "CEO" and "chief financial officer" '
            "do not)."
        ),
        why="A wrong title misinforms readers about who said what, and is a common correction.",
    ),
}


def page(rule_id: str) -> RulePage | None:
    """The resolved documentation of one rule (or pseudo-rule); None for an unknown id."""
    entry = DOCS.get(rule_id)
    if rule_id in PSEUDO_RULES:
        rule, name, severity, summary = PSEUDO_RULES[rule_id]
        assert entry is not None
        return RulePage(
            rule_id,
            rule,
            name,
            severity,
            summary,
            entry.what,
            entry.why,
            entry.fails,
            entry.passes,
            entry.note,
            docs_url(rule_id),
            True,
        )
    all_rules()  # registers the rule modules
    cls: type[Rule] | None = REGISTRY.get(rule_id)
    if cls is None:
        return None
    return RulePage(
        id=cls.id,
        rule=cls.rule,
        name=cls.name,
        severity=cls.severity,
        summary=cls.description,
        what=entry.what if entry else cls.description,
        why=entry.why if entry else "",
        fails=(entry.fails if entry and entry.fails else (cls.triggers[0] if cls.triggers else "")),
        passes=(entry.passes if entry and entry.passes else (cls.passes[0] if cls.passes else "")),
        note=entry.note if entry else "",
        url=docs_url(cls.id),
        documented=entry is not None,
    )


def all_pages() -> list[RulePage]:
    ids = [*sorted(PSEUDO_RULES), *(r.id for r in all_rules())]
    return [p for p in (page(i) for i in ids) if p is not None]


def undocumented() -> list[str]:
    """Registered rules with no entry in DOCS (their pages fall back to the class attributes)."""
    return [r.id for r in all_rules() if r.id not in DOCS]


def markdown(p: RulePage) -> str:
    """The rule's page, in the shape of ruff's rule pages: what, why, example, use instead."""
    out = [f"# {p.id} {p.rule}", "", f"{p.name}. Default severity: **{p.severity}**.", ""]
    out += ["## What it checks", "", p.what, ""]
    if p.why:
        out += ["## Why it matters", "", p.why, ""]
    if p.fails:
        out += ["## Example", "", "```text", p.fails.rstrip("\n"), "```", ""]
    if p.passes:
        out += ["## Use instead", "", "```text", p.passes.rstrip("\n"), "```", ""]
    if p.note:
        out += [p.note, ""]
    out += [
        "## Ignoring it",
        "",
        f"In a Markdown draft: `<!-- newscheck-disable-next-line {p.id} -- reason -->` above "
        f'the line, or `ignore = ["{p.id}"]` under `[tool.newscheck]` for every file.',
        "",
    ]
    return "\n".join(out)
