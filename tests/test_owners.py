"""Whose figure (nlp/owners.py): each figure belongs to the name its own clause or list item
gives it; the story's main entity is the fallback, not a bonus that outvotes that name."""

from __future__ import annotations

from spacy.tokens import Span

from newscheck import analyze
from newscheck.nlp import frames
from newscheck.nlp.pipeline import load_pipeline
from newscheck.nlp.types import Figure


def figures(text: str) -> dict[str, Figure]:
    report = analyze(text, markdown=False)
    return {f.text: f for f in report.figures}


def test_a_ranked_list_gives_each_figure_its_own_chain() -> None:
    text = (
        "Bakery chains\n\n"
        "Crumb & Co said prices rose. Crumb & Co has 300 shops. Crumb & Co is the biggest "
        "chain. Greggan Bakeries came in next, with a premium of 9 per cent, followed by "
        "Bunhouse Group, on 6 per cent.\n"
    )
    figs = figures(text)
    assert figs["9 per cent"].entity == "Greggan Bakeries"
    assert figs["6 per cent"].entity == "Bunhouse Group"


def test_the_main_entity_named_in_passing_does_not_outvote_the_clause_subject() -> None:
    text = (
        "Bakery chains\n\n"
        "Crumb & Co said prices rose. Crumb & Co has 300 shops. Crumb & Co is the biggest "
        "chain. Crumb & Co kept its lead, while Greggan Bakeries lost 9 per cent of its "
        "sales. Crumb & Co opened a new shop and Greggan Bakeries closed 12 shops.\n"
    )
    figs = figures(text)
    assert figs["9 per cent"].entity == "Greggan Bakeries"
    assert figs["12"].entity == "Greggan Bakeries"


def test_the_main_entity_named_without_rival_keeps_the_figure() -> None:
    text = (
        "Tarvin Steel results\n\n"
        "Tarvin Steel lifted output in 2025. Tarvin Steel said demand was strong. "
        "Tarvin Steel expects more orders. Analysts noted that 70% of the Tarvin Steel order "
        "book was met by Danish and Polish buyers.\n"
    )
    assert figures(text)["70%"].entity == "Tarvin Steel"


def test_this_points_back_to_the_figure_before() -> None:
    text = (
        "Bakery chains and house prices\n\n"
        "Crumb & Co said homes near its shops sell fast. Crumb & Co has 300 shops. "
        "Homes in Ashby cost £310,000 on average, the survey found. This is 40 per cent "
        "more than in nearby towns.\n"
    )
    figs = figures(text)
    assert figs["£310,000"].entity == "Ashby"
    assert figs["40 per cent"].entity == "Ashby"


def test_a_possessive_right_before_the_figure_names_its_owner() -> None:
    text = (
        "Strike ballot\n\n"
        "The Tarlow Union will ballot members. The Tarlow Union said pay had fallen. "
        "Tarlow Union's 9,000 members, the Brick and Stone Workers' Federation's 4,000 and "
        "Corran' 2,500 could strike in May.\n"
    )
    figs = figures(text)
    assert figs["4,000"].entity == "Brick and Stone Workers' Federation"


def test_a_list_of_towns_is_where_not_whose() -> None:
    text = (
        "Toy relaunch\n\n"
        "Kestrel Toys Ltd will relaunch its tin robot on Friday. Kestrel Toys Ltd said demand "
        "was high. Its stores in Leeds, Exeter, Bath and Bristol will sell the first 50 robots "
        "at half price.\n"
    )
    assert figures(text)["50"].entity == "Kestrel Toys Ltd"


def test_an_untagged_repeat_of_a_tagged_name_is_a_name() -> None:
    nlp = load_pipeline(None).nlp
    doc = nlp("Pellmont opened a shop in May. Homes near a Pellmont cost 5 per cent more.")
    first = next(t.i for t in doc if t.text == "Pellmont")
    doc.ents = [Span(doc, first, first + 1, label="ORG")]  # the model tags one mention only
    doc.user_data.pop(frames._CACHE, None)
    names = [e for e in frames._cached(doc).names if e.text == "Pellmont"]
    assert len(names) == 2
    assert all(e.label_ == "ORG" for e in names)


def test_a_short_form_repeated_untagged_keeps_the_full_name() -> None:
    nlp = load_pipeline(None).nlp
    doc = nlp(
        "Council backs plan\n\nLarkby District Council approved a £9m plan. "
        "Council leader Ann Lee said the plan was needed."
    )
    full = next(t.i for t in doc if t.text == "Larkby")
    short = next(t.i for t in doc if t.text == "Council" and t.i > full + 2)
    doc.ents = [
        Span(doc, full, full + 3, label="ORG"),
        Span(doc, short, short + 1, label="ORG"),
    ]
    doc.user_data.pop(frames._CACHE, None)
    headline = next(e for e in frames._cached(doc).names if e.start == 0)
    assert frames._name(headline) == "Larkby District Council"
