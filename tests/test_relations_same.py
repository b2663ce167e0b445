"""`same_as` evidence about the values (how two agree, how telling an equal value is), the
features that mean nothing in a story without paragraphs, and the small-data fit."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from newscheck import analyze
from newscheck.nlp.relations.evidence import agreement, significant
from newscheck.nlp.types import Figure

BENCH = Path(__file__).resolve().parents[1] / "bench"


def fig(text: str, value: float, low: float, high: float, approx: str | None = None) -> Figure:
    return Figure(
        id="F1",
        text=text,
        kind="money",
        value=value,
        unit="EUR",
        low=low,
        high=high,
        approx=approx,  # type: ignore[arg-type]
        start=0,
        end=len(text),
        line=1,
        column=1,
    )


def test_equal_values_agree_as_equal_even_when_one_is_hedged() -> None:
    exact = fig("€450", 450, 449.5, 450.5)
    assert agreement(exact, fig("€450", 450, 449.5, 450.5)) == "equal"
    assert agreement(fig("over €450", 450, 449.5, 450.5, "more_than"), exact) == "equal"


def test_a_coarser_rounding_of_the_same_number_agrees_as_rounded() -> None:
    coarse = fig("€2.4bn", 2.4e9, 2.35e9, 2.45e9)
    fine = fig("€2,412m", 2.412e9, 2.4115e9, 2.4125e9)
    assert agreement(coarse, fine) == "rounded"


def test_values_that_meet_only_through_a_bound_agree_as_bound() -> None:
    cap = fig("up to €9m", 9e6, 8.5e6, 9.5e6, "up_to")
    inside = fig("€3m", 3e6, 2.5e6, 3.5e6)
    assert agreement(cap, inside) == "bound"
    assert agreement(fig("€7m", 7e6, 6.5e6, 7.5e6), inside) is None


def test_significant_digits_ignore_trailing_zeros() -> None:
    assert significant(fig("€47,316", 47316, 47315.5, 47316.5)) == 5
    assert significant(fig("€600,000", 6e5, 599999.5, 600000.5)) == 1
    assert significant(fig("€7.25", 7.25, 7.245, 7.255)) == 3


def _same_as_features(text: str) -> list[dict[str, float]]:
    report = analyze(text, source="t.txt")
    return [c.features for c in report.candidates if c.type == "same_as"]


def test_a_long_equal_value_is_marked_and_a_small_count_is_marked_too() -> None:
    text = (
        "Harbour Mills said its grant came to €47,316 last year.\n\n"
        "Nine mills shared the money.\n\n"
        "The €47,316 grant was the largest the council gave, and nine mills applied.\n"
    )
    feats = _same_as_features(text)
    longs = [f for f in feats if f.get("value_long")]
    smalls = [f for f in feats if f.get("value_small")]
    assert longs and all(f["value_equal"] for f in longs)
    assert smalls and not any(f.get("value_long") for f in smalls)


def test_top_and_block_say_nothing_in_a_story_without_paragraph_breaks() -> None:
    flat = (
        "Harbour Mills said its grant came to €47,316 last year. The mill's owner said "
        "the €47,316 grant paid for a new roof. Work starts in May."
    )
    feats = _same_as_features(flat)
    assert feats
    assert not any(f.get("both_top") or f.get("same_block") for f in feats)
    split = flat.replace(". The mill's", ".\n\nThe mill's")
    assert any(f.get("value_equal") for f in _same_as_features(split))


# ---------------------------------------------------------------- the fit (bench script)


def _fit_module():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))
    import fit_relations

    return fit_relations


def _rows(fr, seed: int = 7) -> list:  # type: ignore[no-untyped-def,type-arg]
    rng = random.Random(seed)
    rows = []
    for i in range(150):
        label = int(rng.random() < 0.25)
        strong = float(label if rng.random() < 0.9 else 1 - label)
        feats = {"strong": strong, "noise": float(rng.random() < 0.5)}
        if i < 2:
            feats["rare"] = 1.0  # fires on two rows only
        rows.append(fr.Row("gold", f"a{i % 25}", i % 25 % 5, "change_of", feats, label, False, ()))
    return rows


def test_a_feature_seen_on_too_few_training_rows_is_not_fitted() -> None:
    fr = _fit_module()
    for mode in fr.SELECTIONS:
        st = fr.choose(_rows(fr), mode)
        assert "strong" in st.names and "rare" not in st.names
    inner = fr.choose(_rows(fr), "inner")
    assert 0.05 <= inner.threshold <= 0.95 and inner.c_reg in fr.C_GRID


def test_the_held_out_fold_never_shapes_its_own_setting() -> None:
    fr = _fit_module()
    rows = _rows(fr)
    before = fr.cross_validate(rows, "inner")["settings"][0]
    # Relabel the held-out fold at random: the setting chosen for it must not move.
    rng = random.Random(3)
    flipped = [
        fr.Row(r.source, r.article, r.fold, r.rtype, r.features, rng.randint(0, 1), False, ())
        if r.fold == 0
        else r
        for r in rows
    ]
    after = fr.cross_validate(flipped, "inner")["settings"][0]
    assert (after.c_reg, after.balanced, after.threshold, after.names) == (
        before.c_reg,
        before.balanced,
        before.threshold,
        before.names,
    )
    # ...while the held-out predictions follow the strong feature, in either selection.
    for mode in fr.SELECTIONS:
        tp, fp, fn = fr._counts(fr.cross_validate(rows, mode)["oof"], "gold")
        assert fr._prf(tp, fp, fn)[2] > 0.7


def test_a_random_resplit_keeps_every_article_in_one_fold() -> None:
    fr = _fit_module()
    rows = fr.resplit(_rows(fr), 11)
    folds: dict[str, set[int]] = {}
    for r in rows:
        folds.setdefault(r.article, set()).add(r.fold)
    assert all(len(f) == 1 for f in folds.values())
    assert {f for fs in folds.values() for f in fs} == set(range(fr.K))


def test_a_pair_whose_values_differ_is_never_kept_on_the_full_models_word() -> None:
    from newscheck.nlp.relations.base import IDENTITY_VIEW, Candidate, resolve
    from newscheck.nlp.relations.model import requires

    assert requires("same_as") == ["value_agree"]
    # Every word says "one quantity", but the values differ and no slip path holds.
    words = {"metric_head": 1.0, "metric_overlap": 1.0, "context_shared": 1.0}
    c = Candidate("same_as", ("F1", "F2"), ("a", "b"), {**words, "value_near": 1.0})
    c.score, c.identity = 0.99, 0.0
    assert resolve([c]) == []
    # The same evidence with agreeing values is kept, and not as the identity view's.
    d = Candidate("same_as", ("F1", "F2"), ("a", "b"), {**words, "value_agree": 1.0})
    d.score = 0.99
    (rel,) = resolve([d])
    assert IDENTITY_VIEW not in rel.evidence


# ---------------------------------------------------------------- words around both figures


def _pair_features(text: str, a: str, b: str) -> dict[str, float]:
    """The same_as features of the one candidate pairing the figures written `a` and `b`."""
    report = analyze(text, source="t.txt")
    by_id = {f.id: f.text for f in report.figures}
    (feats,) = [
        c.features
        for c in report.candidates
        if c.type == "same_as" and {by_id[i] for i in c.figures} == {a, b}
    ]
    return feats


def _same_pairs(text: str) -> set[frozenset[str]]:
    report = analyze(text, source="t.txt")
    by_id = {f.id: f.text for f in report.figures}
    return {frozenset(by_id[i] for i in r.figures) for r in report.relations if r.type == "same_as"}


def test_a_figure_restated_with_a_word_of_what_it_counts_shares_context() -> None:
    text = (
        "Kelso Ferries carried 41 lorries on its first crossing.\n\n"
        "The harbour master said the 41 lorries were a record for the route.\n"
    )
    f = _pair_features(text, "41", "41")
    assert f["context_none_short"] == 0.0
    assert f["context_near"] == 1.0  # "lorries" right after both


def test_an_equal_small_number_with_nothing_in_common_around_it_shares_no_context() -> None:
    text = (
        "The rowing club was founded by 17 fishermen.\n\n"
        "Its youngest cox this season is aged 17, the coach confirmed.\n"
    )
    f = _pair_features(text, "17", "17")
    assert f["value_equal"] == 1.0
    assert f["context_none_short"] == 1.0 and f["context_near"] == 0.0


def test_words_in_the_same_paragraph_but_not_beside_both_are_context_not_near() -> None:
    text = (
        "The board said its members picked 650 crates of pears this autumn.\n\n"
        "According to the board, growers filled 650 by hand.\n"
    )
    f = _pair_features(text, "650", "650")
    assert f["context_none_short"] == 0.0  # "board", five words away on one side
    assert f["context_near"] == 0.0


def test_a_shared_word_around_two_equal_values_decides_whether_they_are_one_quantity() -> None:
    restated = (
        "Kelso Ferries carried 41 lorries on its first crossing.\n\n"
        "The harbour master said the 41 lorries were a record for the route.\n"
    )
    assert frozenset({"41"}) in _same_pairs(restated)
    unrelated = (
        "The rowing club was founded by 17 fishermen.\n\n"
        "Its youngest cox this season is aged 17, the coach confirmed.\n"
    )
    assert frozenset({"17"}) not in _same_pairs(unrelated)


def test_a_long_equal_value_needs_no_shared_word_to_be_one_quantity() -> None:
    # Three significant digits are seldom shared by chance: two names for one figure.
    text = (
        "Fenmoor Water reported an operating profit of £318.4 million for the year.\n\n"
        "Regulators called the £318.4 million outcome excessive for a monopoly.\n"
    )
    f = _pair_features(text, "£318.4 million", "£318.4 million")
    assert f["value_long"] == 1.0 and f["context_none_short"] == 0.0
    assert frozenset({"£318.4 million"}) in _same_pairs(text)


def test_the_shipped_model_weighs_against_short_values_with_nothing_in_common() -> None:
    from newscheck.nlp.relations.model import weights

    w = weights()["types"]["same_as"]["weights"]
    assert w.get("context_none_short", 0.0) < -1.0
