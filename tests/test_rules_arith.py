"""The arithmetic cross-checks (NC101-NC105, NC121-NC123) on hand-built frames.

No model runs here: figures and sentences are built by `Article`, with the
frames a correct pipeline would give, so each test pins one rule's judgement.
"""

from __future__ import annotations

import json
import math

import pytest

from newscheck.nlp.checks import common
from newscheck.nlp.checks.registry import CheckContext, Rule
from newscheck.nlp.checks.rules.growth import GrowthArithmetic, ImpliedPriorValue
from newscheck.nlp.checks.rules.multiplier import MultiplierWord
from newscheck.nlp.checks.rules.parts import PartExceedsWhole, PartsSumToTotal, SharesOver100
from newscheck.nlp.checks.rules.points import PercentVsPoints
from newscheck.nlp.checks.rules.repeated import RepeatedFigure
from newscheck.nlp.relations import RelationInput, find_relations
from newscheck.nlp.standing import standing_of
from newscheck.nlp.types import Approx, CheckResult, Entity, Figure, Kind, Mention, Sentence

_UNITS = {"percent": "%", "points": "pp", "multiplier": "x", "money": "EUR"}


class Article:
    """Sentences joined by spaces; figures located in them by their text.

    `step` is the stated precision: "€1B" has step 1e8 (0.95e9..1.05e9),
    "49%" step 1 (48.5..49.5), "€700M" step 1e6.
    """

    def __init__(self, *sentences: str) -> None:
        self.sentences: list[Sentence] = []
        pos = 0
        for i, s in enumerate(sentences):
            self.sentences.append(Sentence(i, pos, pos + len(s), 0, s))
            pos += len(s) + 1
        self.text = " ".join(sentences)
        self.figures: list[Figure] = []

    def fig(
        self,
        sentence: int,
        text: str,
        kind: Kind,
        value: float,
        step: float,
        *,
        unit: str | None = None,
        approx: Approx | None = None,
        nth: int = 0,
        **frame: object,
    ) -> Figure:
        s = self.sentences[sentence]
        idx = -1
        for _ in range(nth + 1):
            idx = s.text.index(text, idx + 1)
        a = s.start + idx
        f = Figure(
            id=f"f{len(self.figures)}",
            text=text,
            kind=kind,
            value=value,
            unit=unit or _UNITS.get(kind),
            low=value - step / 2,
            high=value + step / 2,
            approx=approx,
            start=a,
            end=a + len(text),
            line=sentence + 1,
            column=idx + 1,
            sentence=sentence,
            a_start=a,
            a_end=a + len(text),
            **frame,  # type: ignore[arg-type]
        )
        if "standing" not in frame:
            # What the frames component reads from the words around a figure.
            f.standing = standing_of(
                self.text, f.a_start, f.a_end, s.start, s.end, change=common.is_change(f)
            )
        self.figures.append(f)
        return f

    def run(self, rule: type[Rule], entities: list[Entity] | None = None) -> list[CheckResult]:
        # The rules read relations: the proposers link these hand-built frames as the pipeline would.
        ents = entities or []
        inp = RelationInput(self.text, self.figures, self.sentences, entities=ents)
        ctx = CheckContext(
            text=self.text,
            figures=self.figures,
            sentences=self.sentences,
            entities=ents,
            relations=find_relations(inp),
        )
        return list(rule().run(ctx))


def statuses(results: list[CheckResult]) -> list[str]:
    return [r.status for r in results]


NOKIA = {"metric": "revenue", "segment": "ai & cloud", "entity": "Nokia", "period": "2026-Q1"}
ACME = {"metric": "revenue", "entity": "Acme", "period": "2026-Q1"}


def growth_pair(
    first: tuple[str, float, float], second: tuple[str, float, float], **second_frame: object
) -> Article:
    """Two mentions of Nokia AI & Cloud revenue growth in two sentences."""
    art = Article(
        f"Nokia's AI & Cloud revenue rose {first[0]} in the first quarter.",
        "The company credited the Infinera deal.",
        f"AI & Cloud sales at Nokia rose {second[0]} in the quarter.",
    )
    art.fig(0, first[0], "percent", first[1], first[2], role="change", direction="up", **NOKIA)
    frame = {**NOKIA, "role": "change", "direction": "up", **second_frame}
    art.fig(2, second[0], "percent", second[1], second[2], **frame)  # type: ignore[arg-type]
    return art


# -- NC101 repeated-figure ---------------------------------------------------


def test_repeated_same_value_in_other_words_passes() -> None:
    results = growth_pair(("49%", 49, 1), ("49 percent", 49, 1)).run(RepeatedFigure)
    assert statuses(results) == ["pass"]
    assert '"49%" (line 1)' in results[0].message and '"49 percent" (line 3)' in results[0].message


def test_repeated_different_value_fails_with_both_figures() -> None:
    results = growth_pair(("49%", 49, 1), ("45 percent", 45, 1)).run(RepeatedFigure)
    assert statuses(results) == ["fail"]
    r = results[0]
    assert r.severity == "error"
    assert r.message.startswith(
        '"49%" (line 1) and "45 percent" (line 3) give different values for '
    )
    assert "Nokia AI & Cloud revenue growth, 2026-Q1" in r.message
    assert "48.5%–49.5% vs 44.5%–45.5%" in r.message
    assert r.figures == ("f0", "f1")
    json.dumps(dict(r.details))


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (("49.4%", 49.4, 0.1), "pass"),  # 49.35..49.45 lies in 48.5..49.5
        (("49.6%", 49.6, 0.1), "fail"),  # 49.55..49.65 does not
        (("49.5%", 49.5, 0.1), "pass"),  # touching ends: 49.5 rounds to 49 and to 49.5
    ],
)
def test_repeated_rounding_edges(second: tuple[str, float, float], expected: str) -> None:
    assert statuses(growth_pair(("49%", 49, 1), second).run(RepeatedFigure)) == [expected]


@pytest.mark.parametrize(
    ("first", "approx", "second", "expected"),
    [
        (("nearly 50%", 50, 1), "nearly", ("49%", 49, 1), "pass"),
        (("about 50%", 50, 1), "about", ("49%", 49, 1), "pass"),
        (("more than 50%", 50, 1), "more_than", ("45%", 45, 1), "fail"),
        (("more than 50%", 50, 1), "more_than", ("62%", 62, 1), "pass"),
        (("up to 50%", 50, 1), "up_to", ("55%", 55, 1), "fail"),
    ],
)
def test_repeated_approximators(
    first: tuple[str, float, float], approx: Approx, second: tuple[str, float, float], expected: str
) -> None:
    art = growth_pair(first, second)
    art.figures[0].approx = approx
    assert statuses(art.run(RepeatedFigure)) == [expected]


def test_repeated_money_in_two_spellings() -> None:
    art = Article(
        "Nvidia pledged a $1B investment in Nokia in 2026.",
        "Nvidia's $1 billion investment in Nokia in 2026 is large.",
    )
    frame = {"metric": "investment", "entity": "Nvidia", "period": "2026", "role": "level"}
    art.fig(0, "$1B", "money", 1e9, 1e8, unit="USD", **frame)
    art.fig(1, "$1 billion", "money", 1e9, 1e8, unit="USD", **frame)
    assert statuses(art.run(RepeatedFigure)) == ["pass"]
    art.figures[1].value, art.figures[1].low, art.figures[1].high = 1.2e9, 1.15e9, 1.25e9
    assert statuses(art.run(RepeatedFigure)) == ["fail"]


@pytest.mark.parametrize(
    "change",
    [
        {"metric": "net profit"},
        {"segment": None},
        {"segment": "mobile networks"},
        {"entity": "Ericsson"},
        {"period": "2025-Q1"},
        {"role": "forecast"},
        {"role": "share"},
        {"metric": None},
        {"entity": None},
        {"period": "year-earlier"},  # a relative label names no fixed period
        {"unit": "pp", "kind": "points"},
        {"direction": "down"},  # same size, but a fall: a different value, compared signed
    ],
)
def test_repeated_never_compares_different_things(change: dict[str, object]) -> None:
    art = growth_pair(("49%", 49, 1), ("45 percent", 45, 1))
    for k, v in change.items():
        setattr(art.figures[1], k, v)
    results = art.run(RepeatedFigure)
    if change == {"direction": "down"}:
        assert statuses(results) == ["fail"]  # a rise of 49% and a fall of 45% cannot both hold
    else:
        assert results == []


def test_repeated_ignores_conversions_and_same_sentence() -> None:
    art = Article(
        "Nokia's AI & Cloud revenue rose to €1B (~$1.1B) in the quarter, or €1.2B on another count."
    )
    art.fig(0, "€1B", "money", 1e9, 1e8, role="target", **NOKIA)
    art.fig(0, "$1.1B", "money", 1.1e9, 1e8, unit="USD", role="conversion", converts="f0", **NOKIA)
    art.fig(0, "€1.2B", "money", 1.2e9, 1e8, role="target", **NOKIA)
    assert art.run(RepeatedFigure) == []


def test_repeated_excludes_the_base_of_a_change() -> None:
    # "rose to €5B from €4B": the €4B is last year's even if frames gave it this period.
    art = Article("Acme's revenue rose 25% to €5B from €4B.", "Acme's revenue of €5B was a record.")
    art.fig(
        0, "25%", "percent", 25, 1, role="change", direction="up", target="f1", base="f2", **ACME
    )
    art.fig(0, "€5B", "money", 5e9, 1e8, role="level", **ACME)
    art.fig(0, "€4B", "money", 4e9, 1e8, role="level", **ACME)
    art.fig(1, "€5B", "money", 5e9, 1e8, role="level", **ACME)
    results = art.run(RepeatedFigure)
    assert statuses(results) == ["pass"]
    assert results[0].figures == ("f1", "f3")


@pytest.mark.parametrize(
    "first",
    [
        "A year earlier, Acme's revenue was €4B.",
        "Acme's revenue was initially put at €4B.",
        "Analysts had expected Acme's revenue of €4B.",
        "Acme's revenue beat the €4B that analysts expected.",
        "Acme's adjusted revenue was €4B.",
    ],
)
def test_repeated_skips_other_times_versions_and_sources(first: str) -> None:
    art = Article(first, "Acme's revenue was €5B.")
    art.fig(0, "€4B", "money", 4e9, 1e8, role="level", **ACME)
    art.fig(1, "€5B", "money", 5e9, 1e8, role="level", **ACME)
    assert art.run(RepeatedFigure) == []


def test_repeated_superseded_outlook_is_not_a_repeat() -> None:
    art = Article(
        "Nokia now projects 27% annual growth in its AI market through 2028, far above its earlier 16% outlook.",
        "Nokia forecasts AI market growth at 27% annually through 2028.",
    )
    frame = {"metric": "market growth", "entity": "Nokia", "period": "..2028", "role": "forecast"}
    art.fig(0, "27%", "percent", 27, 1, **frame)
    art.fig(0, "16%", "percent", 16, 1, **frame)
    art.fig(1, "27%", "percent", 27, 1, **frame)
    results = art.run(RepeatedFigure)
    assert statuses(results) == ["pass"]
    assert results[0].figures == ("f0", "f2")


def test_repeated_changes_on_different_bases_are_not_compared() -> None:
    art = Article(
        "Acme's revenue rose 10% year on year.", "Acme's revenue rose 3% from the previous quarter."
    )
    art.fig(0, "10%", "percent", 10, 1, role="change", direction="up", **ACME)
    art.fig(1, "3%", "percent", 3, 1, role="change", direction="up", **ACME)
    assert art.run(RepeatedFigure) == []


def test_repeated_unmarked_change_reads_as_year_on_year() -> None:
    art = Article(
        "Acme's revenue rose 10% in the quarter.", "Acme's revenue rose 12% from a year earlier."
    )
    art.fig(0, "10%", "percent", 10, 1, role="change", direction="up", **ACME)
    art.fig(1, "12%", "percent", 12, 1, role="change", direction="up", **ACME)
    assert statuses(art.run(RepeatedFigure)) == ["fail"]


def test_repeated_skips_misread_frames() -> None:
    # A frame whose metric is a unit word, or two values 10x apart, is a
    # misread table row far more often than a typo: nothing is compared.
    art = growth_pair(("49%", 49, 1), ("45 percent", 45, 1))
    for f in art.figures:
        f.metric = "mln tonnes"
    assert art.run(RepeatedFigure) == []
    art = Article("Acme's dividend was 29 cents in 2025.", "Acme's dividend was 1.37 dlrs in 2025.")
    frame = {"metric": "dividend", "entity": "Acme", "period": "2025", "role": "level"}
    art.fig(0, "29 cents", "money", 0.29, 0.01, unit="USD", **frame)
    art.fig(1, "1.37 dlrs", "money", 1.37, 0.01, unit="USD", **frame)
    assert art.run(RepeatedFigure) == []
    # Two levels of one frame that no copying slip links are two quantities more often
    # than one misstated (a live count updated, a table's other row): not compared ...
    art.figures[1].value, art.figures[1].low, art.figures[1].high = 0.37, 0.365, 0.375
    assert art.run(RepeatedFigure) == []
    # ... while one digit changed is reported.
    art.figures[1].value, art.figures[1].low, art.figures[1].high = 0.27, 0.265, 0.275
    art.figures[1].text = "27 cents"
    assert statuses(art.run(RepeatedFigure)) == ["fail"]


def test_repeated_three_mentions_one_wrong() -> None:
    art = Article(
        "Acme's revenue was €5B in the quarter.",
        "Acme's revenue was €5 billion in the quarter.",
        "Acme's revenue was €6B in the quarter.",
    )
    for i, t in enumerate(("€5B", "€5 billion", "€6B")):
        art.fig(i, t, "money", float(t[1]) * 1e9, 1e8, role="level", **ACME)
    results = art.run(RepeatedFigure)
    assert statuses(results) == ["pass", "fail"]
    assert results[1].figures == ("f0", "f2")


# -- NC102 growth-arithmetic and NC103 implied prior -------------------------


def change_article(
    change: tuple[str, float, float, str],
    target: tuple[str, float, float],
    base: tuple[str, float, float] | None,
) -> Article:
    text = f"Acme's revenue {'rose' if change[3] == 'up' else 'fell'} {change[0]} to {target[0]}"
    text += f" from {base[0]}." if base else "."
    art = Article(text)
    kind: Kind = "percent"
    if change[0].startswith("€"):
        kind = "money"
    elif "point" in change[0]:
        kind = "points"
    tkind: Kind = "money" if target[0].startswith("€") else "percent"
    art.fig(
        0,
        change[0],
        kind,
        change[1],
        change[2],
        role="change",
        direction=change[3],
        target="f1",
        base="f2" if base else None,
        **ACME,
    )
    art.fig(0, target[0], tkind, target[1], target[2], role="level", **ACME)
    if base:
        art.fig(0, base[0], tkind, base[1], base[2], role="level", **ACME)
    return art


def test_growth_within_rounding_passes() -> None:
    # €1B may be €0.95B..€1.05B: from €700M that is a 35.6%..50.1% rise, which covers 49%.
    results = change_article(("49%", 49, 1, "up"), ("€1B", 1e9, 1e8), ("€700M", 7e8, 1e6)).run(
        GrowthArithmetic
    )
    assert statuses(results) == ["pass"]
    assert "rose 49% to €1B from €700M" in results[0].message


def test_growth_wrong_base_fails_with_implied_prior() -> None:
    results = change_article(("49%", 49, 1, "up"), ("€1B", 1e9, 1e8), ("€800M", 8e8, 1e6)).run(
        GrowthArithmetic
    )
    assert statuses(results) == ["fail"]
    msg = results[0].message
    assert msg.startswith("rose 49% to €1B implies a prior value of €671M (€635M–€707M)")
    assert "the text states €800M: that is a 25% rise" in msg
    d = dict(results[0].details)
    assert d["implied"] == [18.6758, 31.3321]
    json.dumps(d)


@pytest.mark.parametrize(("pct", "expected"), [(20, "pass"), (10, "fail")])
def test_growth_fall(pct: float, expected: str) -> None:
    art = change_article((f"{pct}%", pct, 1, "down"), ("€800M", 8e8, 1e6), ("€1B", 1e9, 1e7))
    assert statuses(art.run(GrowthArithmetic)) == [expected]


def test_growth_direction_contradiction() -> None:
    results = change_article(("10%", 10, 1, "up"), ("€900M", 9e8, 1e6), ("€1B", 1e9, 1e7)).run(
        GrowthArithmetic
    )
    assert statuses(results) == ["fail"]
    assert "€900M is lower than €1B" in results[0].message


@pytest.mark.parametrize(
    ("change", "expected"), [(("€200M", 2e8, 1e6), "pass"), (("€300M", 3e8, 1e6), "fail")]
)
def test_growth_absolute(change: tuple[str, float, float], expected: str) -> None:
    art = change_article((*change, "up"), ("€1B", 1e9, 1e7), ("€800M", 8e8, 1e6))
    results = art.run(GrowthArithmetic)
    assert statuses(results) == [expected]
    assert change[0] in results[0].message and "€800M" in results[0].message


@pytest.mark.parametrize(
    ("base", "expected"), [(("5%", 5, 1), "pass"), (("6.8%", 6.8, 0.1), "fail")]
)
def test_growth_points(base: tuple[str, float, float], expected: str) -> None:
    art = change_article(("2 percentage points", 2, 1, "up"), ("7%", 7, 1), base)
    assert statuses(art.run(GrowthArithmetic)) == [expected]


def test_growth_round_change_may_be_rounded() -> None:
    # A £596 fall written "£600": a worked-out change in round figures is read to ±5%.
    art = Article("The average asking price fell £600 to £189,733 from £190,329.")
    frame = {"metric": "average asking price", "entity": "Rightmove", "period": "2004-12"}
    art.fig(
        0,
        "£600",
        "money",
        600,
        1,
        unit="GBP",
        role="change",
        direction="down",
        target="f1",
        base="f2",
        **frame,
    )
    art.fig(0, "£189,733", "money", 189733, 1, unit="GBP", role="level", **frame)
    art.fig(0, "£190,329", "money", 190329, 1, unit="GBP", role="level", **frame)
    assert statuses(art.run(GrowthArithmetic)) == ["pass"]
    art.figures[0].value, art.figures[0].low, art.figures[0].high, art.figures[0].text = (
        610,
        609.5,
        610.5,
        "£610",
    )
    assert statuses(art.run(GrowthArithmetic)) == ["fail"]  # "£610" is exact to the pound


def test_growth_percent_between_percents() -> None:
    # 2% matches the points (NC105's warning), 40% the relative rise: NC102 is silent on both.
    for pct in (2, 40):
        art = change_article((f"{pct}%", pct, 1, "up"), ("7%", 7, 0.1), ("5%", 5, 0.1))
        assert art.run(GrowthArithmetic) == []
    results = change_article(("10%", 10, 1, "up"), ("7%", 7, 0.1), ("5%", 5, 0.1)).run(
        GrowthArithmetic
    )
    assert statuses(results) == ["fail"]
    assert "2 percentage points or a 40% relative rise; neither is 10%" in results[0].message


def test_growth_skips_other_currency_and_multipliers() -> None:
    art = change_article(("49%", 49, 1, "up"), ("€1B", 1e9, 1e8), ("$800M", 8e8, 1e6))
    art.figures[2].unit = "USD"
    assert art.run(GrowthArithmetic) == []
    art = change_article(("49%", 49, 1, "up"), ("€1B", 1e9, 1e8), ("€800M", 8e8, 1e6))
    art.figures[0].kind, art.figures[0].unit, art.figures[0].value = "multiplier", "x", 2
    assert art.run(GrowthArithmetic) == []


def cross_article(
    prior_value: float, prior_text: str, prior_period: str = "2025-Q1", basis: str = ""
) -> Article:
    art = Article(
        f"Acme's revenue was {prior_text} in the first quarter of 2025.",
        f"Acme's revenue rose 49% to €1B in the first quarter of 2026{basis}.",
    )
    art.fig(
        0, prior_text, "money", prior_value, 1e6, role="level", **{**ACME, "period": prior_period}
    )
    art.fig(1, "49%", "percent", 49, 1, role="change", direction="up", target="f2", **ACME)
    art.fig(1, "€1B", "money", 1e9, 1e8, role="level", **ACME)
    return art


def test_growth_cross_sentence_prior_period() -> None:
    assert statuses(cross_article(671e6, "€671M").run(GrowthArithmetic)) == ["pass"]
    results = cross_article(800e6, "€800M").run(GrowthArithmetic)
    assert statuses(results) == ["fail"]
    assert "the text states €800M (line 1): that is a 25% rise" in results[0].message
    # Not the prior period, or a quarter-on-quarter change: no base to check against.
    assert cross_article(800e6, "€800M", "2024-Q1").run(GrowthArithmetic) == []
    assert (
        cross_article(800e6, "€800M", basis=" from the previous quarter").run(GrowthArithmetic)
        == []
    )
    assert statuses(
        cross_article(800e6, "€800M", "2025-Q4", " from the previous quarter").run(GrowthArithmetic)
    ) == ["fail"]


def test_growth_cross_sentence_needs_one_agreed_prior() -> None:
    art = cross_article(671e6, "€671M")
    art.sentences.append(
        Sentence(2, len(art.text) + 1, len(art.text) + 30, 0, "Acme's revenue was €800M then.")
    )
    art.text += " Acme's revenue was €800M then."
    art.fig(2, "€800M", "money", 8e8, 1e6, role="level", **{**ACME, "period": "2025-Q1"})
    assert art.run(GrowthArithmetic) == []
    art = cross_article(800e6, "€800M")
    art.figures[0].entity = "Rival"
    assert art.run(GrowthArithmetic) == []


def test_growth_base_after_from_when_frames_linked_only_the_target() -> None:
    art = Article("Acme's operating profit climbed from €40M to €52M, up 20%.")
    frame = {**ACME, "metric": "operating profit"}
    art.fig(0, "€40M", "money", 4e7, 1e6, role="level", **frame)
    art.fig(0, "€52M", "money", 5.2e7, 1e6, role="level", **frame)
    art.fig(0, "20%", "percent", 20, 1, role="change", direction="up", target="f1", **frame)
    results = art.run(GrowthArithmetic)
    assert statuses(results) == ["fail"]
    assert "that is a 30% rise" in results[0].message
    assert art.run(ImpliedPriorValue) == []


def _tonnes(text: str, pct: str, pv: float, pstep: float, direction: str) -> Article:
    """One sentence "... {verb} {pct} to {target} from {base}" with whole-number tonnages."""
    art = Article(text)
    frame = {"metric": "exports", "entity": "Ruritania", "period": "2025"}
    nums = [w.strip(".,") for w in text.split() if "," in w.strip(".,")]
    art.fig(
        0,
        pct,
        "percent",
        pv,
        pstep,
        role="change",
        direction=direction,
        target="f1",
        base="f2",
        **frame,
    )
    for n in nums[:2]:
        art.fig(0, n, "number", float(n.replace(",", "")), 1, role="level", **frame)
    return art


@pytest.mark.parametrize(
    ("text", "pct", "pv", "pstep", "direction", "expected"),
    [
        # 512,000 / 410,000 is a 24.88% rise: rounded to 25.
        (
            "Ruritania's exports rose 25 pct to 512,000 tonnes from 410,000.",
            "25 pct",
            25,
            1,
            "up",
            "pass",
        ),
        # 515,600 / 410,000 is a 25.76% rise, which copy truncates to 25: accepted.
        (
            "Ruritania's exports rose 25 pct to 515,600 tonnes from 410,000.",
            "25 pct",
            25,
            1,
            "up",
            "pass",
        ),
        # ... but a 26.1% rise is neither rounded nor truncated to 25.
        (
            "Ruritania's exports rose 25 pct to 517,000 tonnes from 410,000.",
            "25 pct",
            25,
            1,
            "up",
            "fail",
        ),
        # A fall truncates its size: 300,000 -> 188,000 is a 37.33% fall, "37 pct"; 37.8% also.
        (
            "Ruritania's exports fell 37 pct to 186,600 tonnes from 300,000.",
            "37 pct",
            37,
            1,
            "down",
            "pass",
        ),
        # One decimal: a 12.46% rise may be written 12.4 (truncated), not 12.2.
        (
            "Ruritania's exports rose 12.4 pct to 112,460 tonnes from 100,000.",
            "12.4 pct",
            12.4,
            0.1,
            "up",
            "pass",
        ),
        (
            "Ruritania's exports rose 12.2 pct to 112,460 tonnes from 100,000.",
            "12.2 pct",
            12.2,
            0.1,
            "up",
            "fail",
        ),
        # A change in words is as rounded as in digits: 10,533 -> 11,122 is 5.59%, "six pct".
        (
            "Ruritania's exports rose six pct to 11,122 tonnes from 10,533.",
            "six pct",
            6,
            0,
            "up",
            "pass",
        ),
        (
            "Ruritania's exports rose five pct to 11,122 tonnes from 10,533.",
            "five pct",
            5,
            0,
            "up",
            "pass",
        ),
        (
            "Ruritania's exports rose four pct to 11,122 tonnes from 10,533.",
            "four pct",
            4,
            0,
            "up",
            "fail",
        ),
    ],
)
def test_growth_change_may_be_rounded_or_truncated(
    text: str, pct: str, pv: float, pstep: float, direction: str, expected: str
) -> None:
    assert statuses(_tonnes(text, pct, pv, pstep, direction).run(GrowthArithmetic)) == [expected]


def test_growth_target_of_another_verb_is_not_checked() -> None:
    # The frames linked "17 pct" to the level that "fell to" reaches.
    art = Article(
        "Freight traffic climbed 17 pct, though the load factor fell to 68.8 pct from 70 pct."
    )
    frame = {"metric": "load factor", "entity": "Skyways", "period": "2025"}
    art.fig(
        0,
        "17 pct",
        "percent",
        17,
        1,
        role="change",
        direction="up",
        target="f1",
        base="f2",
        **frame,
    )
    art.fig(0, "68.8 pct", "percent", 68.8, 0.1, role="level", **frame)
    art.fig(0, "70 pct", "percent", 70, 1, role="level", **frame)
    assert art.run(GrowthArithmetic) == []
    art.text = art.text.replace("fell", "sat ")  # same length: offsets stay
    art.sentences[0] = Sentence(0, 0, len(art.text), 0, art.text)
    assert statuses(art.run(GrowthArithmetic)) == ["fail"]


def test_growth_base_of_a_nearer_level_is_not_checked() -> None:
    # "down from 3,342" is Vanmark's prior; Carco's change has none.
    art = Article("Sales were Carco 1,198, down 50 pct, Vanmark 2,145, down from 3,342.")
    frame = {"metric": "sales", "entity": "Carco", "period": "2025-03"}
    art.fig(0, "1,198", "number", 1198, 1, role="level", **frame)
    art.fig(
        0,
        "50 pct",
        "percent",
        50,
        1,
        role="change",
        direction="down",
        target="f0",
        base="f3",
        **frame,
    )
    art.fig(0, "2,145", "number", 2145, 1, role="level", **frame)
    art.fig(0, "3,342", "number", 3342, 1, role="level", **frame)
    assert art.run(GrowthArithmetic) == []
    # Without the other level, 3,342 is the base, and 1,198 is no 50% fall from it.
    art = Article("Sales were Carco 1,198, down 50 pct from 3,342.")
    art.fig(0, "1,198", "number", 1198, 1, role="level", **frame)
    art.fig(
        0,
        "50 pct",
        "percent",
        50,
        1,
        role="change",
        direction="down",
        target="f0",
        base="f2",
        **frame,
    )
    art.fig(0, "3,342", "number", 3342, 1, role="level", **frame)
    assert statuses(art.run(GrowthArithmetic)) == ["fail"]


def test_growth_currency_quoted_per_dollar_reads_inverted() -> None:
    # Yen per dollar went from 150.20 to 148.90: the yen's value rose 0.87%.
    art = Article("The yen rose 0.9 pct against the dollar to 148.90 in May from 150.20 in April.")
    frame = {"metric": "yen", "entity": "Japan", "period": "2025-05"}
    art.fig(
        0,
        "0.9 pct",
        "percent",
        0.9,
        0.1,
        role="change",
        direction="up",
        target="f1",
        base="f2",
        **frame,
    )
    art.fig(0, "148.90", "number", 148.9, 0.01, role="level", **frame)
    art.fig(0, "150.20", "number", 150.2, 0.01, role="level", **frame)
    assert statuses(art.run(GrowthArithmetic)) == ["pass"]
    art.figures[0].value, art.figures[0].low, art.figures[0].high = 2.5, 2.45, 2.55
    assert statuses(art.run(GrowthArithmetic)) == ["fail"]  # neither reading gives 2.5%
    art = Article("Acme's output rose 0.9 pct to 148.90 tonnes in May from 150.20 in April.")
    art.fig(
        0,
        "0.9 pct",
        "percent",
        0.9,
        0.1,
        role="change",
        direction="up",
        target="f1",
        base="f2",
        **{**frame, "metric": "output"},
    )
    art.fig(0, "148.90", "number", 148.9, 0.01, role="level", **{**frame, "metric": "output"})
    art.fig(0, "150.20", "number", 150.2, 0.01, role="level", **{**frame, "metric": "output"})
    assert statuses(art.run(GrowthArithmetic)) == ["fail"]  # no currency: a contradiction


def test_growth_cross_sentence_prior_must_be_near_the_implied_one() -> None:
    # €671M is the prior 49% to €1B implies; €80M (a different measure) is not near it.
    results = cross_article(80e6, "€80M").run(GrowthArithmetic)
    assert results == []
    assert statuses(cross_article(560e6, "€560M").run(GrowthArithmetic)) == ["fail"]


def test_repeated_without_entity_only_in_a_one_company_article() -> None:
    art = growth_pair(("12%", 12, 1), ("21 percent", 21, 1))
    for f in art.figures:
        f.entity = None
    assert statuses(art.run(RepeatedFigure)) == ["fail"]
    mention = Mention(0, 1, 1, 1, "x")
    two = [Entity("Acme", "ORG", 3, [mention]), Entity("Rival", "ORG", 2, [mention])]
    # Two organisations named: a figure without an entity is no one's in particular, and
    # nothing links the two mentions.
    assert art.run(RepeatedFigure, entities=two) == []


def test_implied_prior_is_information() -> None:
    results = change_article(("49%", 49, 1, "up"), ("€1B", 1e9, 1e8), None).run(ImpliedPriorValue)
    assert statuses(results) == ["pass"]
    assert results[0].severity == "info"
    assert (
        results[0].message == "rose 49% to €1B implies a prior value of about €671M (€635M–€707M)"
    )
    results = change_article(("12%", 12, 1, "down"), ("€880M", 8.8e8, 1e6), None).run(
        ImpliedPriorValue
    )
    assert results[0].message.startswith("fell 12% to €880M implies a prior value of about €1B")
    # Not with a stated base, nor to a percent (points or relative is open).
    assert (
        change_article(("49%", 49, 1, "up"), ("€1B", 1e9, 1e8), ("€700M", 7e8, 1e6)).run(
            ImpliedPriorValue
        )
        == []
    )
    assert change_article(("10%", 10, 1, "up"), ("7%", 7, 1), None).run(ImpliedPriorValue) == []


# -- NC104 multiplier-word ---------------------------------------------------


def multiplier_article(
    word: str,
    ratio: float,
    target: tuple[str, float],
    base: tuple[str, float],
    direction: str = "up",
    approx: Approx | None = None,
) -> Article:
    art = Article(f"Acme's revenue {word} to {target[0]} from {base[0]}.")
    art.fig(
        0,
        word,
        "multiplier",
        ratio,
        0,
        role="change",
        direction=direction,
        target="f1",
        base="f2",
        approx=approx,
        **ACME,
    )
    art.fig(0, target[0], "money", target[1], 1e8, role="level", **ACME)
    art.fig(0, base[0], "money", base[1], 1e8, role="level", **ACME)
    return art


@pytest.mark.parametrize(
    ("word", "ratio", "target", "base", "direction", "approx", "expected"),
    [
        ("doubled", 2, ("€2.4B", 2.4e9), ("€1.2B", 1.2e9), "up", None, "pass"),
        ("doubled", 2, ("€1.9B", 1.9e9), ("€1.0B", 1e9), "up", None, "pass"),  # 1.9x is "doubled"
        ("doubled", 2, ("€3.0B", 3e9), ("€1.2B", 1.2e9), "up", None, "fail"),  # 2.5x
        ("doubled", 2, ("€1.5B", 1.5e9), ("€1.0B", 1e9), "up", None, "fail"),  # a 50% rise
        ("more than doubled", 2, ("€3.0B", 3e9), ("€1.2B", 1.2e9), "up", "more_than", "pass"),
        ("halved", 0.5, ("€0.45B", 4.5e8), ("€0.9B", 9e8), "down", None, "pass"),
        ("halved", 0.5, ("€0.3B", 3e8), ("€0.9B", 9e8), "down", None, "fail"),
        ("fell threefold", 3, ("€0.3B", 3e8), ("€0.9B", 9e8), "down", None, "pass"),
        ("2x", 2, ("€2.0B", 2e9), ("€1.0B", 1e9), "up", None, "pass"),
        # "nearly" allows falling a little short, not a two-thirds rise called a doubling.
        ("nearly doubled", 2, ("€1.85B", 1.85e9), ("€1.0B", 1e9), "up", "nearly", "pass"),
        ("nearly doubled", 2, ("€5.1B", 5.1e9), ("€3.1B", 3.1e9), "up", "nearly", "fail"),
        ("almost trebled", 3, ("€2.8B", 2.8e9), ("€1.0B", 1e9), "up", "nearly", "pass"),
        ("nearly halved", 0.5, ("€0.55B", 5.5e8), ("€1.0B", 1e9), "down", "nearly", "pass"),
        ("nearly halved", 0.5, ("€0.66B", 6.6e8), ("€1.0B", 1e9), "down", "nearly", "fail"),
    ],
)
def test_multiplier_against_levels(
    word: str,
    ratio: float,
    target: tuple[str, float],
    base: tuple[str, float],
    direction: str,
    approx: Approx | None,
    expected: str,
) -> None:
    results = multiplier_article(word, ratio, target, base, direction, approx).run(MultiplierWord)
    assert statuses(results) == [expected]
    assert (
        word in results[0].message
        and target[0] in results[0].message
        and base[0] in results[0].message
    )


@pytest.mark.parametrize(
    ("word", "ratio", "direction", "pct", "pct_dir", "expected"),
    [
        ("doubled", 2, "up", 40, "up", "fail"),
        ("doubled", 2, "up", 100, "up", "pass"),
        ("tripled", 3, "up", 200, "up", "pass"),
        ("halved", 0.5, "down", 50, "down", "pass"),
        ("halved", 0.5, "down", 50, "up", "fail"),
    ],
)
def test_multiplier_beside_percent(
    word: str, ratio: float, direction: str, pct: float, pct_dir: str, expected: str
) -> None:
    art = Article(f"Acme's revenue {word} in the quarter, a {pct}% change.")
    art.fig(0, word, "multiplier", ratio, 0, role="change", direction=direction, **ACME)
    art.fig(0, f"{pct}%", "percent", pct, 1, role="change", direction=pct_dir, **ACME)
    results = art.run(MultiplierWord)
    assert statuses(results) == [expected]
    assert f'"{word}" (line 1)' in results[0].message and f'"{pct}%" (line 1)' in results[0].message


def test_multiplier_beside_percent_of_another_metric() -> None:
    art = Article("Acme's profit doubled in the quarter, and revenue rose 40%.")
    art.fig(
        0,
        "doubled",
        "multiplier",
        2,
        0,
        role="change",
        direction="up",
        **{**ACME, "metric": "net profit"},
    )
    art.fig(0, "40%", "percent", 40, 1, role="change", direction="up", **ACME)
    assert art.run(MultiplierWord) == []


# -- NC105 percent-vs-points -------------------------------------------------


def test_points_stated_as_percent_warns() -> None:
    results = change_article(("2%", 2, 1, "up"), ("7%", 7, 0.1), ("5%", 5, 0.1)).run(
        PercentVsPoints
    )
    assert statuses(results) == ["fail"]
    r = results[0]
    assert r.severity == "warning"
    assert (
        r.message == "2% stated (line 1); from 5% to 7% is 2 percentage points, a 40% relative rise"
    )


def test_points_relative_change_passes_and_others_are_left_alone() -> None:
    assert statuses(
        change_article(("40%", 40, 1, "up"), ("7%", 7, 0.1), ("5%", 5, 0.1)).run(PercentVsPoints)
    ) == ["pass"]
    # Neither reading: NC102's error, not this warning.
    assert (
        change_article(("10%", 10, 1, "up"), ("7%", 7, 0.1), ("5%", 5, 0.1)).run(PercentVsPoints)
        == []
    )
    # Money levels: a percent change is only relative.
    assert (
        change_article(("2%", 2, 1, "up"), ("€1B", 1e9, 1e8), ("€800M", 8e8, 1e6)).run(
            PercentVsPoints
        )
        == []
    )


# -- NC121 part-exceeds-whole ------------------------------------------------


def part_whole(part: tuple[str, float], whole: tuple[str, float], **part_frame: object) -> Article:
    art = Article(
        f"Nokia's AI & Cloud revenue was {part[0]} in the quarter.",
        f"Nokia's revenue was {whole[0]} in the quarter.",
    )
    art.fig(0, part[0], "money", part[1], 1e8, **{**NOKIA, "role": "level", **part_frame})  # type: ignore[arg-type]
    art.fig(1, whole[0], "money", whole[1], 1e8, **{**NOKIA, "segment": None, "role": "level"})
    return art


def test_part_exceeding_whole_fails() -> None:
    results = part_whole(("€5.2B", 5.2e9), ("€4.5B", 4.5e9)).run(PartExceedsWhole)
    assert statuses(results) == ["fail"]
    assert '"€5.2B" (line 1)' in results[0].message and '"€4.5B" (line 2)' in results[0].message
    assert "at least €5.15B against at most €4.55B" in results[0].message


@pytest.mark.parametrize(
    ("part", "approx", "expected"),
    [
        (("€1B", 1e9), None, "pass"),
        (("€4.5B", 4.5e9), None, "pass"),  # equal: a unit may be all of the group
        (("€4.6B", 4.6e9), None, "pass"),  # 4.55..4.65 touches 4.45..4.55: not beyond rounding
        (("€4.7B", 4.7e9), None, "fail"),
        (("about €4.8B", 4.8e9), "about", "pass"),  # "about" lets it be as low as €4.51B
        (("€4.8B", 4.8e9), None, "fail"),
    ],
)
def test_part_whole_rounding(part: tuple[str, float], approx: Approx | None, expected: str) -> None:
    art = part_whole(part, ("€4.5B", 4.5e9))
    art.figures[0].approx = approx
    assert statuses(art.run(PartExceedsWhole)) == [expected]


@pytest.mark.parametrize(
    "frame",
    [
        {"period": "2025-Q1"},
        {"entity": "Ericsson"},
        {"metric": "operating margin"},
        {"metric": "average salary"},
        {"role": "change", "direction": "up"},
        {"role": "forecast"},
    ],
)
def test_part_whole_only_like_for_like(frame: dict[str, object]) -> None:
    assert part_whole(("€5.2B", 5.2e9), ("€4.5B", 4.5e9), **frame).run(PartExceedsWhole) == []


def test_part_whole_in_one_sentence_needs_the_whole_first() -> None:
    whole_first = Article("Nokia's revenue was €4.5B, and its AI & Cloud revenue was €5.2B.")
    whole_first.fig(0, "€4.5B", "money", 4.5e9, 1e8, **{**NOKIA, "segment": None, "role": "level"})
    whole_first.fig(0, "€5.2B", "money", 5.2e9, 1e8, **{**NOKIA, "role": "level"})
    assert statuses(whole_first.run(PartExceedsWhole)) == ["fail"]
    # "BMW-brand sales rose to 80,600 while Mini sales rose to 14,800": the frames
    # missed the second segment; a "whole" after the part is not trusted.
    sibling = Article(
        "BMW-brand sales rose 2.3% to 80,600 while sales of Mini models rose 3.6% to 14,800."
    )
    frame = {"metric": "sales", "entity": "BMW", "period": "2004", "role": "level"}
    sibling.fig(0, "80,600", "number", 80600, 1, unit=None, segment="brand", **frame)
    sibling.fig(0, "14,800", "number", 14800, 1, unit=None, **frame)
    assert sibling.run(PartExceedsWhole) == []


def test_part_whole_percent_parts_are_not_compared() -> None:
    art = Article("Nokia's AI & Cloud margin was 20%.", "Nokia's margin was 12%.")
    art.fig(0, "20%", "percent", 20, 1, **{**NOKIA, "metric": "operating margin", "role": "level"})
    art.fig(
        1,
        "12%",
        "percent",
        12,
        1,
        **{**NOKIA, "metric": "operating margin", "segment": None, "role": "level"},
    )
    assert art.run(PartExceedsWhole) == []


# -- NC122 parts-sum-to-total ------------------------------------------------


def breakdown(
    sentence: str, whole: tuple[str, float] | None, parts: list[tuple[str, float, str]]
) -> Article:
    art = Article(sentence)
    if whole:
        art.fig(0, whole[0], "money", whole[1], 1e8, role="level", **ACME)
    for text, v, seg in parts:
        art.fig(0, text, "money", v, 1e8 if v >= 1e9 else 1e6, role="level", segment=seg, **ACME)
    return art


@pytest.mark.parametrize(
    ("software", "expected"), [(("€1.5B", 1.5e9), "pass"), (("€1B", 1e9), "fail")]
)
def test_parts_split_must_add_up(software: tuple[str, float], expected: str) -> None:
    art = breakdown(
        f"Acme's revenue of €4.5B was split between €3B from hardware and {software[0]} from software.",
        ("€4.5B", 4.5e9),
        [("€3B", 3e9, "hardware"), (software[0], software[1], "software")],
    )
    results = art.run(PartsSumToTotal)
    assert statuses(results) == [expected]
    assert '"€3B" + ' in results[0].message and '"€4.5B" (line 1)' in results[0].message


def test_parts_of_which_is_an_upper_bound_and_including_is_not_checked() -> None:
    under = breakdown(
        "Acme's revenue of €4.5B, of which €1B from cloud and €2B from software, was a record.",
        ("€4.5B", 4.5e9),
        [("€1B", 1e9, "cloud"), ("€2B", 2e9, "software")],
    )
    assert statuses(under.run(PartsSumToTotal)) == ["pass"]
    over = breakdown(
        "Acme's revenue of €4.5B, of which €3B from cloud and €2B from software, was a record.",
        ("€4.5B", 4.5e9),
        [("€3B", 3e9, "cloud"), ("€2B", 2e9, "software")],
    )
    assert statuses(over.run(PartsSumToTotal)) == ["fail"]
    including = breakdown(
        "Acme's revenue of €4.5B included €1B from cloud and €2B from software.",
        ("€4.5B", 4.5e9),
        [("€1B", 1e9, "cloud"), ("€2B", 2e9, "software")],
    )
    assert including.run(PartsSumToTotal) == []


def test_parts_without_segment_count_as_list_items() -> None:
    # Frames may miss "hardware" in "€3B from hardware"; the split still lists two parts.
    art = breakdown(
        "Acme's revenue of €4.5B was split between €3B from hardware and €1B from software.",
        ("€4.5B", 4.5e9),
        [("€3B", 3e9, ""), ("€1B", 1e9, "")],
    )
    for f in art.figures:
        f.segment = None
    assert statuses(art.run(PartsSumToTotal)) == ["fail"]
    # A year-earlier figure after the list is no part of it.
    art = Article(
        "Acme's revenue of €4.5B was split between €3B from hardware and €1.5B from software, "
        "against €4B a year earlier."
    )
    for text, v in (("€4.5B", 4.5e9), ("€3B", 3e9), ("€1.5B", 1.5e9), ("€4B", 4e9)):
        art.fig(0, text, "money", v, 1e8, role="level", **ACME)
    assert statuses(art.run(PartsSumToTotal)) == ["pass"]


def test_parts_whole_in_previous_sentence() -> None:
    art = Article(
        "Acme's revenue was €4.5B.", "It was split between €3B from hardware and €1B from software."
    )
    art.fig(0, "€4.5B", "money", 4.5e9, 1e8, role="level", **ACME)
    art.fig(1, "€3B", "money", 3e9, 1e8, role="level", segment="hardware", **ACME)
    art.fig(1, "€1B", "money", 1e9, 1e8, role="level", segment="software", **ACME)
    assert statuses(art.run(PartsSumToTotal)) == ["fail"]


def share_sentence(sentence: str, shares: list[tuple[str, float, str]], step: float = 1) -> Article:
    art = Article(sentence)
    for text, v, seg in shares:
        art.fig(0, text, "percent", v, step, role="share", segment=seg, **ACME)
    return art


@pytest.mark.parametrize(
    ("shares", "expected"),
    [
        ([("60%", 60, "x"), ("30%", 30, "y")], "fail"),
        ([("60%", 60, "x"), ("40%", 40, "y")], "pass"),
        ([("33%", 33, "x"), ("33%", 33, "y"), ("33%", 33, "z")], "pass"),  # 97.5..100.5 holds 100
        ([("30%", 30, "x"), ("30%", 30, "y"), ("30%", 30, "z")], "fail"),
    ],
)
def test_parts_share_breakdown(shares: list[tuple[str, float, str]], expected: str) -> None:
    listing = ", ".join(f"{t} from {s}" for t, _, s in shares)
    art = Article(f"Acme's revenue was split {listing}.")
    for i, (text, v, seg) in enumerate(shares):
        nth = sum(1 for t, _, _ in shares[:i] if t == text)
        art.fig(0, text, "percent", v, 1, role="share", segment=seg, nth=nth, **ACME)
    assert statuses(art.run(PartsSumToTotal)) == [expected]


def test_parts_rest_without_figure_is_not_a_full_list() -> None:
    unstated = share_sentence(
        "Hardware made up 60% of revenue, software 30% and the rest came from services.",
        [("60%", 60, "hardware"), ("30%", 30, "software")],
    )
    assert unstated.run(PartsSumToTotal) == []
    stated = share_sentence(
        "Hardware made up 60% of revenue, software 30% and services the remaining 5%.",
        [("60%", 60, "hardware"), ("30%", 30, "software"), ("5%", 5, "services")],
    )
    assert statuses(stated.run(PartsSumToTotal)) == ["fail"]


# -- NC123 shares-over-100 ---------------------------------------------------


@pytest.mark.parametrize(("software", "expected"), [(55, "fail"), (35, "pass"), (41, "pass")])
def test_shares_over_100(software: float, expected: str) -> None:
    # 60% and 41% have lows 59.5 + 40.5 = 100: not beyond rounding.
    art = share_sentence(
        f"Hardware made up 60% of Acme's revenue and software {software}% of it.",
        [("60%", 60, "hardware"), (f"{software}%", software, "software")],
    )
    results = art.run(SharesOver100)
    assert statuses(results) == [expected]
    assert '"60%" + ' in results[0].message


def test_single_share_over_100() -> None:
    results = share_sentence("Cloud made up 120% of Acme's revenue.", [("120%", 120, "cloud")]).run(
        SharesOver100
    )
    assert statuses(results) == ["fail"]
    assert '"120%" (line 1)' in results[0].message


def test_share_over_100_needs_a_composition() -> None:
    # "Debt rose to 120% of GDP", "150% of the exercise price": ratios, not parts.
    art = share_sentence("Acme's debt rose to 120% of revenue.", [("120%", 120, "debt")])
    assert art.run(SharesOver100) == []
    price = share_sentence("The offer is 150% of the closing price.", [("150%", 150, "offer")])
    price.figures[0].metric = "price"
    assert price.run(SharesOver100) == []


def test_shares_not_summed_across_sentences_surveys_or_repeats() -> None:
    # Two breakdowns (by region, by business) in two sentences overlap.
    art = Article(
        "Europe made up 60% of Acme's revenue.", "Software made up 55% of Acme's revenue."
    )
    art.fig(0, "60%", "percent", 60, 1, role="share", segment="europe", **ACME)
    art.fig(1, "55%", "percent", 55, 1, role="share", segment="software", **ACME)
    assert art.run(SharesOver100) == []
    survey = share_sentence(
        "Of those surveyed, 65% cited cost and 48% cited speed.",
        [("65%", 65, "cost"), ("48%", 48, "speed")],
    )
    assert survey.run(SharesOver100) == []
    same_segment = share_sentence(
        "Cloud made up 60% of revenue, or 60% by another count.",
        [("60%", 60, "cloud"), ("60%", 60, "cloud")],
    )
    assert same_segment.run(SharesOver100) == []


def test_shares_complete_breakdown_is_left_to_nc122() -> None:
    art = share_sentence(
        "Acme's revenue was split 70% from hardware and 50% from software.",
        [("70%", 70, "hardware"), ("50%", 50, "software")],
    )
    assert art.run(SharesOver100) == []
    assert statuses(art.run(PartsSumToTotal)) == ["fail"]


# -- helpers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "kind", "unit", "text"),
    [
        (1e9, "money", "EUR", "€1B"),
        (671.14e6, "money", "EUR", "€671M"),
        (1.1e9, "money", "USD", "$1.1B"),
        (4.5e9, "money", "GBP", "£4.5B"),
        (2.5e6, "money", "CHF", "CHF 2.5M"),
        (450_000, "money", "EUR", "€450,000"),
        (49, "percent", "%", "49%"),
        (35.714, "percent", "%", "35.7%"),
        (2, "points", "pp", "2 pp"),
        (2, "multiplier", "x", "2x"),
        (9000, "number", None, "9,000"),
    ],
)
def test_fmt(x: float, kind: str, unit: str | None, text: str) -> None:
    assert common.fmt(x, kind, unit) == text


@pytest.mark.parametrize(
    ("label", "basis", "prior"),
    [
        ("2026-Q1", "yoy", "2025-Q1"),
        ("2026-Q1", "qoq", "2025-Q4"),
        ("2026-Q3", "qoq", "2026-Q2"),
        ("FY2025", "yoy", "FY2024"),
        ("2025", "yoy", "2024"),
        ("2026-H1", "yoy", "2025-H1"),
        ("2026-01", "mom", "2025-12"),
        ("2025", "qoq", None),
        ("year-earlier", "yoy", None),
    ],
)
def test_prior_period(label: str, basis: str, prior: str | None) -> None:
    assert common.prior_period(label, basis) == prior


def test_details_are_plain_json() -> None:
    assert common.r6(2 / 3) == 0.666667
    assert common.r6(math.inf) == "inf"
    assert common.fmt_interval((50.0, math.inf), "percent", "%") == "50% or more"


# -- guards against different things given one frame ------------------------


def _blocks(art: Article, *blocks: int) -> Article:
    """Put each sentence in its own structural block (headline, lead, body paragraphs)."""
    art.sentences = [
        Sentence(s.index, s.start, s.end, b, s.text)
        for s, b in zip(art.sentences, blocks, strict=True)
    ]
    return art


GADGET = {"metric": "exports", "entity": "Ruritania", "period": "2025", "role": "level"}


def test_repeated_body_mentions_are_not_a_restatement() -> None:
    # Two body paragraphs with one frame: likely two products; a lead mention is a restatement.
    lead = (
        "Ruritania's trade ministry said on Monday that its exports rose to record highs in 2025."
    )
    art = _blocks(
        Article(
            "RURITANIA EXPORTS AT RECORD",
            lead,
            "Exports of oilseeds were 9,600 tonnes in 2025, the ministry said.",
            "Exports of meal were 14,000 tonnes in 2025, it added.",
        ),
        0,
        1,
        2,
        3,
    )
    art.fig(2, "9,600", "number", 9600, 1, **GADGET)
    art.fig(3, "14,000", "number", 14000, 1, **GADGET)
    assert art.run(RepeatedFigure) == []
    art = _blocks(
        Article(
            "RURITANIA EXPORTS AT RECORD",
            "Ruritania's exports were 9,600 tonnes in 2025, the trade ministry said on Monday.",
            "Other news followed in the report.",
            "Exports were 9,060 tonnes in 2025, it added.",
        ),
        0,
        1,
        2,
        3,
    )
    art.fig(1, "9,600", "number", 9600, 1, **GADGET)
    art.fig(3, "9,060", "number", 9060, 1, **GADGET)
    assert statuses(art.run(RepeatedFigure)) == ["fail"]


def test_repeated_sentence_listing_several_values_is_not_compared() -> None:
    art = Article(
        "Ruritania's exports were 12,000 tonnes in 2025.",
        "Exports were 9,000 tonnes to the north and 11,000 tonnes to the south in 2025.",
    )
    art.fig(0, "12,000", "number", 12000, 1, **GADGET)
    art.fig(1, "9,000", "number", 9000, 1, **GADGET)
    art.fig(1, "11,000", "number", 11000, 1, **GADGET)
    assert art.run(RepeatedFigure) == []


def test_repeated_headline_may_round_or_truncate() -> None:
    def run(head: str, hv: float, step: float = 1e6) -> list[str]:
        art = _blocks(
            Article(
                f"Ruritania to pay {head} to settle suit",
                "Ruritania has agreed to pay a total of $14.5m to settle a lawsuit over its exports.",
            ),
            0,
            1,
        )
        frame = {**GADGET, "metric": "payment"}
        art.fig(0, head, "money", hv, step, unit="USD", **frame)
        art.fig(1, "$14.5m", "money", 14.5e6, 1e5, unit="USD", **frame)
        return statuses(art.run(RepeatedFigure))

    assert run("$14m", 14e6) == ["pass"]  # $14.5m truncated to $14m
    assert run("$15m", 15e6) == ["pass"]  # ... or rounded to $15m
    # A headline that no rounding and no copying slip explains: two figures, not compared.
    assert run("$13m", 13e6) == []
    # Given to the body's own precision, a headline has nothing to round.
    assert run("$15.4m", 15.4e6, 1e5) == ["fail"]  # two digits transposed
    assert run("$14.6m", 14.6e6, 1e5) == ["fail"]


def test_repeated_skips_hypothetical_and_share_restating_amounts() -> None:
    art = Article(
        "Ruritania's exports were $120 million in 2025, the ministry said.",
        "If talks fail, exports in 2025 could be $90 million, one official said.",
    )
    art.fig(0, "$120 million", "money", 1.2e8, 1e6, unit="USD", **GADGET)
    art.fig(1, "$90 million", "money", 9e7, 1e6, unit="USD", **GADGET)
    assert art.run(RepeatedFigure) == []
    art = Article(
        "Ruritania's exports were $120 million in 2025, the ministry said.",
        "Its partner took 24 pct, or $90 million, of exports in 2025.",
    )
    art.fig(0, "$120 million", "money", 1.2e8, 1e6, unit="USD", **GADGET)
    art.fig(1, "$90 million", "money", 9e7, 1e6, unit="USD", **GADGET)
    assert art.run(RepeatedFigure) == []


def _counts(part_text: str, whole_text: str, metric: str = "sales") -> Article:
    art = Article(
        f"Acme sold {whole_text} in the first quarter of 2026.",
        f"Of those, its cloud unit sold {part_text} in the first quarter of 2026.",
    )
    frame = {**ACME, "metric": metric, "role": "level"}
    wv = float(whole_text.split()[0].replace(",", ""))
    pv = float(part_text.split()[0].replace(",", ""))
    art.fig(0, whole_text.split()[0], "number", wv, 1, **frame)
    art.fig(1, part_text.split()[0], "number", pv, 1, segment="cloud", **frame)
    return art


def test_part_whole_counts_need_one_count_noun_and_an_aggregate() -> None:
    assert statuses(_counts("4,500 servers", "3,000 servers").run(PartExceedsWhole)) == ["fail"]
    # Counts of different nouns are not part and whole.
    assert _counts("4,500 licences", "3,000 servers").run(PartExceedsWhole) == []
    # A whole whose metric is no sum by name ("system") is not compared.
    assert _counts("4,500 servers", "3,000 servers", metric="system").run(PartExceedsWhole) == []


def test_part_segment_must_be_spelled_in_its_sentence() -> None:
    art = Article(
        "Acme's revenue was €4.5 billion in the first quarter of 2026.",
        "A further €5.2 billion was booked in the first quarter of 2026.",
    )
    art.fig(0, "€4.5 billion", "money", 4.5e9, 1e8, role="level", **ACME)
    art.fig(1, "€5.2 billion", "money", 5.2e9, 1e8, role="level", segment="cloud", **ACME)
    assert art.run(PartExceedsWhole) == []


def test_multiplier_of_another_subject_is_not_beside_the_percent() -> None:
    art = Article("Acme's net profit fell 17.8% to €152M and provisions were more than doubled.")
    frame = {**ACME, "metric": "net profit"}
    art.fig(0, "17.8%", "percent", 17.8, 0.1, role="change", direction="down", **frame)
    art.fig(0, "€152M", "money", 1.52e8, 1e6, role="level", **frame)
    art.fig(
        0,
        "more than doubled",
        "multiplier",
        2,
        0,
        role="change",
        direction="up",
        approx="more_than",
        **frame,
    )
    assert art.run(MultiplierWord) == []
    art = Article("Acme's net profit fell 17.8% to €152M and more than doubled in the year.")
    art.fig(0, "17.8%", "percent", 17.8, 0.1, role="change", direction="down", **frame)
    art.fig(
        0,
        "more than doubled",
        "multiplier",
        2,
        0,
        role="change",
        direction="up",
        approx="more_than",
        **frame,
    )
    assert statuses(art.run(MultiplierWord)) == ["fail"]


def test_parts_splitting_a_share_add_up_to_it() -> None:
    text = (
        "The remaining 50% of Acme is to be split between a 40% stake for investors "
        "and a {}% stake for staff."
    )
    for other, expected in (("10", "pass"), ("20", "fail")):
        art = Article(text.format(other))
        frame = {**ACME, "metric": "equity", "role": "share"}
        art.fig(0, "50%", "percent", 50, 1, role="share", entity="Acme", period="2026-Q1")
        art.fig(0, "40%", "percent", 40, 1, **frame)
        art.fig(0, f"{other}%", "percent", float(other), 1, **frame)
        results = [r for r in art.run(PartsSumToTotal) if r.status != "skip"]
        assert statuses(results) == [expected]
        assert '"50%"' in results[0].message


def test_shares_that_are_thresholds_are_not_summed() -> None:
    art = Article(
        "Exposure above 60% of capital must be reported, and exposure above 150% of capital "
        "needs approval."
    )
    frame = {**ACME, "metric": "capital", "role": "share"}
    art.fig(0, "60%", "percent", 60, 1, **frame)
    art.fig(0, "150%", "percent", 150, 1, **frame)
    assert art.run(SharesOver100) == []


def test_repeated_item_of_a_breakdown_is_a_part_not_a_restatement() -> None:
    frame = {**GADGET, "metric": "programme"}
    art = Article(
        "Ruritania approved an £84m programme for 2025.",
        "The programme comprises £52m for ports and £21m for roads.",
    )
    art.fig(0, "£84m", "money", 84e6, 1e6, unit="GBP", **frame)
    art.fig(1, "£52m", "money", 52e6, 1e6, unit="GBP", **frame)  # frames missed "ports"
    assert art.run(RepeatedFigure) == []
    art = Article(
        "Ruritania approved an £84m programme for 2025.",
        "The programme costs £48m, officials said.",
    )
    art.fig(0, "£84m", "money", 84e6, 1e6, unit="GBP", **frame)
    art.fig(1, "£48m", "money", 48e6, 1e6, unit="GBP", **frame)
    assert statuses(art.run(RepeatedFigure)) == ["fail"]


def test_parts_whole_with_a_period_word_for_segment_is_still_the_whole() -> None:
    # The frames may take "fiscal-year" for the whole's segment; a period word names no part.
    art = Article(
        "Acme's fiscal-year revenue of €10B was split between €6B from cloud and €5B from licences."
    )
    frame = {**ACME, "role": "level"}
    art.fig(0, "€10B", "money", 1e10, 1e8, segment="fiscal year", **frame)
    art.fig(0, "€6B", "money", 6e9, 1e8, segment="cloud", **frame)
    art.fig(0, "€5B", "money", 5e9, 1e8, segment="licences", **frame)
    assert statuses(art.run(PartsSumToTotal)) == ["fail"]
