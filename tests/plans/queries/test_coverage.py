"""Coverage of a plan version: goals, targets and WSIS lines served, items linked to nothing."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accord.plans.queries.coverage import coverage, goal_of_target
from accord.reference.models import SDG, SDGTarget
from tests import factories
from tests.plans.queries.conftest import link_items

pytestmark = pytest.mark.integration


def test_coverage_goals_all_seventeen_with_items_direct_or_through_targets(linked):
    result = coverage(linked)

    assert [goal.number for goal in result.goals] == list(range(1, 18))
    assert {goal.number: goal.items for goal in result.goals if goal.items} == {
        4: ["D.1-a"],
        9: ["D.1-a", "D.1-1", "D.1-b"],
        17: ["D.2-a"],
    }
    assert result.goals[8].name == "Industry, innovation and infrastructure"
    assert result.goals[8].count == 3
    assert result.goals_covered == 3


def test_coverage_targets_only_linked_ones_when_none_imported(linked):
    result = coverage(linked)

    assert result.targets_imported is False
    assert [(t.code, t.goal, t.items) for t in result.targets] == [
        ("4.4", 4, ["D.1-a"]),
        ("9.1", 9, ["D.1-b"]),
        ("9.c", 9, ["D.1-1"]),
    ]
    assert result.targets_covered == 3


def test_coverage_targets_imported_ones_flag_the_uncovered(admin, draft):
    goal = SDG.objects.get(number=9)
    for code in ("9.1", "9.2", "9.10", "9.c", "9.a"):
        SDGTarget.objects.create(goal=goal, code=code, description=f"Target {code} text")
    link_items(admin, draft, {"D.1-a": [("sdg_target", "9.c")], "D.1-b": [("sdg_target", "9.2")]})

    result = coverage(draft)

    assert result.targets_imported is True
    assert [(t.code, t.covered) for t in result.targets] == [
        ("9.1", False),
        ("9.2", True),
        ("9.10", False),
        ("9.a", False),
        ("9.c", True),
    ]
    assert [t.code for t in result.uncovered_targets] == ["9.1", "9.10", "9.a"]
    assert result.covered_targets[0].description == "Target 9.2 text"


def test_coverage_wsis_all_eleven_lines(linked):
    result = coverage(linked)

    assert [line.code for line in result.wsis] == [f"C{n}" for n in range(1, 12)]
    assert {line.code: line.items for line in result.wsis if line.items} == {
        "C2": ["D.1-1", "D.1-b"],
        "C4": ["D.1-a"],
    }
    assert result.wsis_covered == 2


def test_coverage_unlinked_items_and_totals(linked):
    result = coverage(linked)

    assert [(i.code, i.kind, i.priority) for i in result.unlinked] == [("D.2-1", "output", "D.2")]
    assert result.items_total == 6
    assert result.items_linked == 5


def test_coverage_empty_version_covers_nothing(admin, conference):
    from accord.plans import domain as plans

    plan = plans.create_action_plan(user=admin, conference=conference, title="Plan")
    version = plans.create_plan_version(user=admin, plan=plan, label="Empty")

    result = coverage(version)

    assert result.goals_covered == 0
    assert result.targets == []
    assert result.unlinked == []
    assert result.items_total == 0


def test_coverage_query_count_independent_of_plan_size(admin):
    small = factories.make_plan_version(
        admin, factories.make_conference(admin), priorities=1, items_per_priority=1
    )
    large = factories.make_plan_version(
        admin, factories.make_conference(admin), priorities=6, items_per_priority=10
    )
    for version in (small, large):
        link_items(
            admin,
            version,
            {
                item.code: [("sdg", "9"), ("sdg_target", "9.c"), ("wsis", "C2")]
                for item in version.items.all()
            },
        )

    counts = []
    for version in (small, large):
        with CaptureQueriesContext(connection) as captured:
            coverage(version)
        counts.append(len(captured))

    assert counts == [5, 5]


def test_goal_of_target_reads_the_goal_number():
    assert [goal_of_target(code) for code in ("9.c", "17.17", "x.1")] == [9, 17, None]
