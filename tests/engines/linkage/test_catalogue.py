"""The shipped reference data: goals, WSIS lines and their descriptions, the lexicon and
the WSIS–SDG links; and the catalogue built with imported targets."""

import re

import pytest

from accord.engines.linkage import (
    LinkageError,
    Target,
    builtin_catalogue,
    wsis_descriptions,
)
from accord.engines.linkage.catalogue import goal_descriptions, lexicon, wsis_links

pytestmark = pytest.mark.unit

WSIS_CODES = [f"C{n}" for n in range(1, 12)]


def test_builtin_catalogue_has_17_goals_11_lines_and_no_targets():
    catalogue = builtin_catalogue()
    assert [goal.number for goal in catalogue.goals] == list(range(1, 18))
    assert [line.code for line in catalogue.wsis] == WSIS_CODES
    assert catalogue.targets == ()
    assert catalogue.goals[3].name == "Quality education"


def test_builtin_catalogue_orders_targets_and_keeps_the_first_of_a_code():
    targets = [
        Target("4.a", 4, "a"),
        Target("4.10", 4, "ten"),
        Target("4.2", 4, "two"),
        Target("1.1", 1, "one"),
        Target("4.2", 4, "again"),
    ]
    catalogue = builtin_catalogue(targets)
    assert [(t.code, t.description) for t in catalogue.targets] == [
        ("1.1", "one"),
        ("4.2", "two"),
        ("4.10", "ten"),
        ("4.a", "a"),
    ]


def test_builtin_catalogue_refuses_a_target_of_an_unknown_goal():
    with pytest.raises(LinkageError, match=r"target 18\.1 belongs to goal 18; expected a goal"):
        builtin_catalogue([Target("18.1", 18, "x")])


def test_wsis_descriptions_are_a_few_sentences_for_each_line():
    descriptions = wsis_descriptions()
    assert list(descriptions) == WSIS_CODES
    assert min(text.count(".") for text in descriptions.values()) >= 1
    assert min(len(text) for text in descriptions.values()) >= 150


def test_goal_descriptions_cover_every_goal():
    assert sorted(goal_descriptions()) == list(range(1, 18))


def test_lexicon_codes_are_known_candidates():
    goals = {str(n) for n in range(1, 18)}
    for term in lexicon():
        if term.kind == "sdg_goal":
            assert term.code in goals, term
        elif term.kind == "wsis":
            assert term.code in WSIS_CODES, term
        elif term.kind == "sdg_target":
            assert re.fullmatch(r"(1[0-7]|[1-9])\.(\d{1,2}|[a-z])", term.code), term
        else:
            assert term.kind == "neutral", term


def test_lexicon_has_terms_for_every_goal_and_line_with_weights_up_to_3():
    kinds = {(term.kind, term.code) for term in lexicon()}
    assert {("sdg_goal", str(n)) for n in range(1, 18)} <= kinds
    assert {("wsis", code) for code in WSIS_CODES} <= kinds
    assert max(term.weight for term in lexicon()) == 3.0


def test_wsis_links_cover_every_line_with_known_goals():
    links = wsis_links()
    assert sorted({row.line for row in links}, key=lambda c: int(c[1:])) == WSIS_CODES
    assert {goal for row in links for goal in row.goals} <= set(range(1, 18))
    assert {row.application for row in links if row.line == "C7"} >= {"e-health", "e-learning"}
