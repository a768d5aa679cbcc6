"""Where consensus stands: counts per priority, the matrix, standing alone, convergence across
versions and a delegation's record, on a small negotiation built through the domain."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from accord.core.errors import NotFound
from accord.engines.consensus import Cell, Column
from accord.negotiation.domain import record_position
from accord.negotiation.queries import (
    ConvergencePoint,
    consensus_of,
    convergence,
    delegation_record,
    item_positions,
    open_items,
)
from accord.negotiation.queries.consensus import DelegationSummary, PriorityStanding
from accord.plans import domain as plans
from accord.plans.enums import ItemKind, VersionState
from accord.plans.models import PlanItem
from accord.plans.queries import StatusCounts
from tests import factories

pytestmark = pytest.mark.integration

D1A = "Affordable [broadband/mobile] access [in [rural] areas]"
D2A = "Digital skills for [women and girls] [and older persons]"


def at(day: int) -> dt.datetime:
    return dt.datetime(2027, 3, day, 9, 0, tzinfo=dt.UTC)


def negotiated(admin: Any, conference: Any, *, versions: bool = True) -> SimpleNamespace:
    """Version 1 (published): D.1-a with three brackets (one nested, one with options), D.1-1
    clean, D.2-a with two brackets, D.2-1 which Kenya wants modified; Kenya, Brazil and France
    speak, Senegal does not. With ``versions``, version 2 (circulated) settles D.2-a's brackets
    and version 3 (draft) two of D.1-a's."""
    plan = plans.create_action_plan(user=admin, conference=conference, title="Action Plan")
    v1 = plans.create_plan_version(user=admin, plan=plan, label="First draft")
    d1 = plans.add_priority(user=admin, version=v1, code="D.1", title="Connectivity")
    d2 = plans.add_priority(user=admin, version=v1, code="D.2", title="Inclusion")

    def item(priority: Any, kind: str, code: str, text: str) -> PlanItem:
        return plans.add_item(user=admin, priority=priority, kind=kind, code=code, text=text)

    d1a = item(d1, ItemKind.OUTCOME, "D.1-a", D1A)
    item(d1, ItemKind.OUTPUT, "D.1-1", "Training on spectrum management")
    d2a = item(d2, ItemKind.OUTCOME, "D.2-a", D2A)
    d21 = item(d2, ItemKind.OUTPUT, "D.2-1", "Accessible services for persons with disabilities")
    kenya = factories.make_delegation(admin, conference, "KEN", name="Kenya")
    brazil = factories.make_delegation(admin, conference, "BRA", name="Brazil")
    france = factories.make_delegation(admin, conference, "FRA", name="France")
    factories.make_delegation(admin, conference, "SEN", name="Senegal")  # says nothing

    def say(it: PlanItem, who: Any, stance: str, day: int, **more: Any) -> None:
        it.refresh_from_db()
        record_position(
            user=admin, item=it, delegation=who, stance=stance, stated_at=at(day), **more
        )

    say(d1a, kenya, "keep", 1, bracket=0)
    say(d1a, kenya, "prefer_option", 2, bracket=0, option=1)
    say(d1a, brazil, "prefer_option", 3, bracket=0, option=2, detail="mobile first")
    say(d1a, france, "support", 4)
    say(d1a, kenya, "remove", 5, bracket=2)
    say(d2a, brazil, "keep", 6, bracket=0)
    say(d2a, france, "keep", 7, bracket=0)
    say(d2a, kenya, "remove", 8, bracket=0)
    say(d2a, brazil, "remove", 9, bracket=1)
    say(d21, kenya, "modify", 10, detail="add older persons")
    plans.set_version_state(user=admin, version=v1, state=VersionState.PUBLISHED)
    out = SimpleNamespace(v1=v1, kenya=kenya, brazil=brazil, france=france)
    if versions:
        v2 = plans.create_plan_version(user=admin, plan=plan, label="Second", based_on=v1)
        edit(admin, v2, "D.2-a", "Digital skills for women and girls")
        plans.set_version_state(user=admin, version=v2, state=VersionState.CIRCULATED)
        v3 = plans.create_plan_version(user=admin, plan=plan, label="Third", based_on=v2)
        edit(admin, v3, "D.1-a", "Affordable [broadband/mobile] access in rural areas")
        out.v2, out.v3 = v2, v3
    return out


def edit(admin: Any, version: Any, code: str, text: str) -> None:
    it = PlanItem.objects.get(version=version, code=code)
    plans.update_item(user=admin, item=it, expected_revision=it.revision, text=text)


@pytest.fixture
def talks(admin, conference):
    return negotiated(admin, conference)


def test_consensus_counts_items_brackets_and_disputes_per_priority(admin, conference, talks):
    data = consensus_of(admin, conference, 1)

    assert data.version == talks.v1
    assert data.priorities == [
        PriorityStanding(
            code="D.1",
            title="Connectivity",
            counts=StatusCounts(agreed=1, undisputed_change=0, disputed=1),
            open_brackets=3,
            disputed=["D.1-a"],
        ),
        PriorityStanding(
            code="D.2",
            title="Inclusion",
            counts=StatusCounts(agreed=0, undisputed_change=1, disputed=1),
            open_brackets=2,
            disputed=["D.2-a"],
        ),
    ]
    assert (data.open_brackets, data.totals.total) == (5, 4)


def test_consensus_matrix_has_a_column_per_bracket_and_marks_whole_item_stances(
    admin, conference, talks
):
    matrix = consensus_of(admin, conference, 1).matrix

    assert matrix.columns == [
        Column("D.1-a", 0, "[broadband/mobile]", ("broadband", "mobile")),
        Column("D.1-a", 1, "[in [rural] areas]", ("in [rural] areas",)),
        Column("D.1-a", 2, "[rural]", ("rural",)),
        Column("D.2-a", 0, "[women and girls]", ("women and girls",)),
        Column("D.2-a", 1, "[and older persons]", ("and older persons",)),
    ]
    assert matrix.delegations == ["Brazil", "France", "Kenya"]
    assert matrix.cells == {
        ("Kenya", 0): Cell("prefer_option", 1),
        ("Brazil", 0): Cell("prefer_option", 2, "mobile first"),
        ("France", 0): Cell("support", whole_item=True),
        ("France", 1): Cell("support", whole_item=True),
        ("France", 2): Cell("support", whole_item=True),
        ("Kenya", 2): Cell("remove"),
        ("Brazil", 3): Cell("keep"),
        ("France", 3): Cell("keep"),
        ("Kenya", 3): Cell("remove"),
        ("Brazil", 4): Cell("remove"),
    }


def test_consensus_lists_who_stands_alone_on_which_bracket(admin, conference, talks):
    data = consensus_of(admin, conference, 1)

    # Kenya alone stops the others agreeing on [women and girls]; Brazil alone wants
    # [and older persons] gone. Three-way splits and two-sided ones have nobody alone.
    assert [(a.column.item, a.column.index, a.delegation, a.cell.stance) for a in data.alone] == [
        ("D.2-a", 0, "Kenya", "remove"),
        ("D.2-a", 1, "Brazil", "remove"),
    ]


def test_consensus_summarises_each_delegation_including_silent_ones(admin, conference, talks):
    data = consensus_of(admin, conference, 1)

    def summary(name, delegation, items, brackets, hold, change, alone):
        leanings = {"hold": hold, "change": change, "object": 0, "neutral": 0}
        return DelegationSummary(name, delegation.pk, items, brackets, leanings, alone)

    senegal = data.delegation_ids["Senegal"]
    assert data.delegations == [
        summary("Brazil", talks.brazil, 2, 3, hold=1, change=2, alone=1),
        summary("France", talks.france, 2, 1, hold=2, change=0, alone=0),
        summary("Kenya", talks.kenya, 3, 3, hold=0, change=4, alone=1),
        DelegationSummary(
            "Senegal", senegal, 0, 0, dict.fromkeys(data.delegations[0].leanings, 0), 0
        ),
    ]


def test_consensus_of_newest_version_follows_the_settled_brackets(admin, conference, talks):
    data = consensus_of(admin, conference)

    assert data.version == talks.v3
    assert [c.text for c in data.matrix.columns] == ["[broadband/mobile]"]
    # France's support on the whole item lapsed with the new text; Kenya's "remove" with [rural].
    assert data.matrix.cells == {
        ("Kenya", 0): Cell("prefer_option", 1),
        ("Brazil", 0): Cell("prefer_option", 2, "mobile first"),
    }


def test_consensus_of_a_draft_is_not_found_for_a_delegate(admin, conference, talks):
    delegate = factories.make_delegate(admin, talks.kenya, "kenyan")

    with pytest.raises(NotFound):
        consensus_of(delegate, conference, 3)

    assert consensus_of(delegate, conference).version == talks.v2


def test_convergence_counts_open_brackets_and_disputes_in_every_visible_version(
    admin, conference, talks
):
    assert convergence(admin, conference) == [
        ConvergencePoint(1, "First draft", open_brackets=5, disputed=2),
        ConvergencePoint(2, "Second", open_brackets=3, disputed=1),
        ConvergencePoint(3, "Third", open_brackets=1, disputed=1),
    ]
    assert convergence(AnonymousUser(), conference) == [
        ConvergencePoint(1, "First draft", open_brackets=5, disputed=2)
    ]


def test_convergence_recounts_a_draft_after_its_text_changes(admin, conference, talks):
    convergence(admin, conference)  # cached per version

    edit(admin, talks.v3, "D.1-a", "Affordable broadband access in rural areas")

    assert convergence(admin, conference)[-1] == ConvergencePoint(3, "Third", 0, 0)


def test_open_items_place_current_stances_on_brackets_and_item(admin, conference, talks):
    items = open_items(admin, conference, 1)

    assert [i.code for i in items] == ["D.1-a", "D.2-a"]
    placed = items[0].placed
    assert {k: [(s.delegation, s.stance) for s in v] for k, v in placed.on_bracket.items()} == {
        0: [("Kenya", "prefer_option"), ("Brazil", "prefer_option")],
        2: [("Kenya", "remove")],
    }
    assert [(s.delegation, s.stance) for s in placed.on_item] == [("France", "support")]


def test_item_positions_flag_superseded_and_lapsed_ones(admin, conference, talks):
    history = item_positions(admin, conference, 3, "D.1-a")

    assert [(s.who, s.position.stance, s.bracket_index, s.lapsed, s.current) for s in history] == [
        ("Kenya", "keep", 0, False, False),
        ("Kenya", "prefer_option", 0, False, True),
        ("Brazil", "prefer_option", 0, False, True),
        ("France", "support", None, True, False),
        ("Kenya", "remove", None, True, False),
    ]


def test_item_positions_of_unknown_item_is_not_found(admin, conference, talks):
    with pytest.raises(NotFound):
        item_positions(admin, conference, 1, "D.9-z")


def test_delegation_record_groups_what_it_said_by_version_newest_first(admin, conference, talks):
    record = delegation_record(admin, conference, talks.kenya)

    assert [r.version.number for r in record] == [3, 2, 1]
    assert [
        (
            s.position.item.code,
            s.position.bracket,
            s.position.stance,
            s.position.option,
            s.position.detail,
            s.position.stated_at.day,
            s.lapsed,
            s.current,
        )
        for s in record[0].said
    ] == [
        ("D.2-1", "", "modify", None, "add older persons", 10, False, True),
        ("D.2-a", "[women and girls]", "remove", None, "", 8, True, False),
        ("D.1-a", "[rural]", "remove", None, "", 5, True, False),
        ("D.1-a", "[broadband/mobile]", "prefer_option", 1, "", 2, False, True),
        ("D.1-a", "[broadband/mobile]", "keep", None, "", 1, False, False),
    ]
    assert [s.lapsed for s in record[2].said] == [False] * 5


def test_delegation_record_shows_only_versions_the_user_may_read(admin, conference, talks):
    record = delegation_record(AnonymousUser(), conference, talks.brazil)

    assert [(r.version.number, [s.position.stance for s in r.said]) for r in record] == [
        (1, ["remove", "keep", "prefer_option"])
    ]


def test_delegation_record_shows_a_whole_item_stance_lapse_when_the_text_changes(
    admin, conference, talks
):
    record = delegation_record(admin, conference, talks.france)

    assert [(r.version.number, len(r.said)) for r in record] == [(3, 2), (2, 2), (1, 2)]
    # Its keep on [women and girls] lapsed in v2 with the bracket; its support of D.1-a in v3
    # with the new text of the item.
    assert [[(s.lapsed, s.current) for s in r.said] for r in record] == [
        [(True, False), (True, False)],
        [(True, False), (False, True)],
        [(False, True), (False, True)],
    ]
