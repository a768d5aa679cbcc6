"""Merging accepted amendments into a new version: each kind applied, modifications of one item
combined, conflicts refused with nothing written, rejected amendments kept on record."""

import pytest

from accord.audit.models import AuditEntry
from accord.core.errors import DomainError, NotAllowed
from accord.negotiation import domain
from accord.negotiation.models import Amendment
from accord.plans import domain as plans
from accord.plans.domain.status import derive_statuses
from accord.plans.models import PlanItem, PlanVersion
from tests.negotiation.contribution_data import (
    D1A,
    accept_all,
    add,
    contribute,
    delete,
    modify,
    move,
    negotiation,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def n(admin, conference, draft):
    return negotiation(admin, conference, draft)


def outline(version):
    """Priority code → item codes, in order."""
    rows = version.items.order_by("priority__order", "order", "id").values_list(
        "priority__code", "code"
    )
    result = {}
    for priority, code in rows:
        result.setdefault(priority, []).append(code)
    return result


def text_of(version, code):
    return version.items.get(code=code).text


def test_merge_applies_modify_delete_move_and_add(n):
    kenya = contribute(
        n.kenyan,
        n.version,
        n.kenya,
        modify("D.1-a", D1A.replace("rural", "remote")),
        delete("D.1-1"),
    )
    brazil = contribute(
        n.brazilian,
        n.version,
        n.brazil,
        move("D.1-b", "D.2"),
        add("D.2-9", "D.2", "Regional centres of excellence", item_kind="output"),
    )
    accept_all(n.chair, kenya)
    accept_all(n.chair, brazil)

    merged = domain.merge_contributions(user=n.chair, version=n.version, label="After RPMs")

    assert (merged.number, merged.label, merged.state, merged.based_on) == (
        2,
        "After RPMs",
        "draft",
        n.version,
    )
    assert outline(merged) == {
        "D.1": ["D.1-a"],
        "D.2": ["D.2-a", "D.2-1", "D.2-b", "D.1-b", "D.2-9"],
    }
    assert text_of(merged, "D.1-a") == "Promote affordable broadband connectivity in remote areas"
    assert (text_of(merged, "D.2-9"), merged.items.get(code="D.2-9").kind) == (
        "Regional centres of excellence",
        "output",
    )
    assert merged.items.get(code="D.1-a").revision == n.version.items.get(code="D.1-a").revision + 1
    # The version merged from does not change.
    assert outline(n.version) == {
        "D.1": ["D.1-a", "D.1-1", "D.1-b"],
        "D.2": ["D.2-a", "D.2-1", "D.2-b"],
    }
    assert text_of(n.version, "D.1-a") == D1A
    assert set(Amendment.objects.values_list("merged_into", flat=True)) == {merged.pk}


def test_merge_combines_modifications_of_different_words_of_one_item(n):
    first = contribute(
        n.kenyan, n.version, n.kenya, modify("D.1-a", D1A.replace("rural", "remote"))
    )
    second = contribute(
        n.brazilian, n.version, n.brazil, modify("D.1-a", D1A.replace("affordable", "universal"))
    )
    third = contribute(
        n.french, n.version, n.france, modify("D.1-a", D1A.replace("rural", "very rural"))
    )
    for contribution in (first, second, third):
        accept_all(n.chair, contribution)

    merged = domain.merge_contributions(user=n.chair, version=n.version)

    assert text_of(merged, "D.1-a") == (
        "Promote universal broadband connectivity in very remote areas"
    )
    assert merged.label == "v1 with accepted contributions"


def test_merge_refuses_overlapping_modifications_and_writes_nothing(n):
    first = contribute(
        n.kenyan, n.version, n.kenya, modify("D.1-a", D1A.replace("rural", "remote"))
    )
    second = contribute(
        n.brazilian, n.version, n.brazil, modify("D.1-a", D1A.replace("rural areas", "cities"))
    )
    other = contribute(n.french, n.version, n.france, delete("D.2-b"))
    for contribution in (first, second, other):
        accept_all(n.chair, contribution)
    entries = AuditEntry.objects.count()
    ids = [c.amendments.get().pk for c in (first, second)]

    with pytest.raises(DomainError) as refused:
        domain.merge_contributions(user=n.chair, version=n.version)

    assert refused.value.field == "amendments"
    assert refused.value.message == (
        "Cannot merge: they change the same words of D.1-a differently: "
        f"#{ids[0]} (Proposal: Modify an item D.1-a), #{ids[1]} (Proposal: Modify an item D.1-a)."
        " Reject one of them and merge again."
    )
    assert PlanVersion.objects.count() == 1
    assert AuditEntry.objects.count() == entries
    assert list(Amendment.objects.values_list("merged_into", flat=True)) == [None, None, None]


def test_merge_refuses_a_delete_accepted_with_a_modification_of_the_item(n):
    first = contribute(n.kenyan, n.version, n.kenya, delete("D.1-a"))
    second = contribute(n.brazilian, n.version, n.brazil, modify("D.1-a", "Other text"))
    accept_all(n.chair, first)
    accept_all(n.chair, second)

    with pytest.raises(DomainError) as refused:
        domain.merge_contributions(user=n.chair, version=n.version)

    assert refused.value.message.startswith("Cannot merge: D.1-a would be deleted and changed: ")
    assert PlanVersion.objects.count() == 1


def test_merge_refuses_moves_of_one_item_to_different_priorities(admin, n):
    working = plans.create_plan_version(user=admin, plan=n.version.plan, based_on=n.version)
    plans.add_priority(user=admin, version=working, code="D.3", title="Third")
    accept_all(n.chair, contribute(n.chair, working, n.kenya, move("D.1-a", "D.2")))
    accept_all(n.chair, contribute(n.chair, working, n.brazil, move("D.1-a", "D.3")))

    with pytest.raises(DomainError) as refused:
        domain.merge_contributions(user=n.chair, version=working)

    assert refused.value.message.startswith(
        "Cannot merge: D.1-a would move to different priorities: "
    )


def test_merge_carries_a_modification_over_a_later_change_of_the_item(admin, n):
    working = plans.create_plan_version(user=admin, plan=n.version.plan, based_on=n.version)
    contribution = contribute(
        n.chair, working, n.kenya, modify("D.1-a", D1A.replace("rural", "remote"))
    )
    item = working.items.get(code="D.1-a")
    plans.update_item(
        user=admin,
        item=item,
        expected_revision=item.revision,
        text=D1A.replace("Promote", "Foster"),
    )
    accept_all(n.chair, contribution)

    merged = domain.merge_contributions(user=n.chair, version=working)

    assert text_of(merged, "D.1-a") == "Foster affordable broadband connectivity in remote areas"


def test_merge_leaves_rejected_and_pending_amendments_on_record(n):
    contribution = contribute(
        n.kenyan, n.version, n.kenya, delete("D.1-1"), delete("D.1-b"), delete("D.2-b")
    )
    accepted, rejected, _pending = contribution.amendments.order_by("order")
    domain.decide_amendment(user=n.chair, amendment=accepted, decision="accepted")
    domain.decide_amendment(user=n.chair, amendment=rejected, decision="rejected", note="No")

    merged = domain.merge_contributions(user=n.chair, version=n.version)

    rows = list(
        Amendment.objects.order_by("order").values_list(
            "item_code", "decision", "decision_note", "merged_into"
        )
    )
    assert rows == [
        ("D.1-1", "accepted", "", merged.pk),
        ("D.1-b", "rejected", "No", None),
        ("D.2-b", "pending", "", None),
    ]
    assert sorted(merged.items.values_list("code", flat=True)) == [
        "D.1-a",
        "D.1-b",
        "D.2-1",
        "D.2-a",
        "D.2-b",
    ]


def test_merge_is_audited_once_with_the_amendments_and_per_item(n):
    contribution = contribute(
        n.kenyan,
        n.version,
        n.kenya,
        modify("D.1-a", "Promote broadband"),
        delete("D.1-1"),
        move("D.1-b", "D.2"),
        add("D.2-9", "D.2", "New"),
    )
    accept_all(n.chair, contribution)
    ids = list(contribution.amendments.order_by("order").values_list("id", flat=True))

    merged = domain.merge_contributions(user=n.chair, version=n.version)

    entry = AuditEntry.objects.get(action="negotiation.contributions_merged")
    assert (entry.actor, entry.target_id, entry.changes) == (
        n.chair,
        str(merged.pk),
        {
            "based_on": [None, 1],
            "amendments": [None, ids],
            "contributions": [None, [contribution.pk]],
        },
    )
    started = AuditEntry.objects.get(action="plan.version_created", target_id=str(merged.pk))
    items = list(
        AuditEntry.objects.filter(id__gt=started.id, id__lt=entry.id)
        .order_by("id")
        .values_list("action", "target_repr", "changes")
    )
    assert items == [
        ("plan.item_updated", "D.1-a", {"text": [D1A, "Promote broadband"]}),
        (
            "plan.item_deleted",
            "D.1-1",
            {
                "text": ["Training on spectrum management for regulators", None],
                "priority": ["D.1", None],
            },
        ),
        ("plan.item_moved", "D.1-b", {"priority": ["D.1", "D.2"]}),
        (
            "plan.item_added",
            "D.2-9",
            {
                "kind": [None, "output"],
                "text": [None, "New"],
                "status": [None, "agreed"],
                "outcome": [None, None],
            },
        ),
    ]


def test_merge_refreshes_the_derived_statuses_of_the_new_version(n):
    contribution = contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", "Promote broadband"))
    accept_all(n.chair, contribution)

    merged = domain.merge_contributions(user=n.chair, version=n.version)

    items = list(PlanItem.objects.filter(version=merged))
    assert {item.pk: item.derived_status for item in items} == derive_statuses(items)


def test_merge_delegate_is_not_allowed(n):
    accept_all(n.chair, contribute(n.kenyan, n.version, n.kenya, delete("D.1-a")))

    with pytest.raises(NotAllowed) as refused:
        domain.merge_contributions(user=n.kenyan, version=n.version)

    assert refused.value.message == "Only the secretariat or a chair merges contributions."
    assert PlanVersion.objects.count() == 1


def test_merge_with_nothing_accepted_is_refused(n):
    contribute(n.kenyan, n.version, n.kenya, delete("D.1-a"))

    with pytest.raises(DomainError) as refused:
        domain.merge_contributions(user=n.chair, version=n.version)

    assert (refused.value.field, refused.value.message) == (
        "version",
        "No accepted amendment to version 1 awaits merging.",
    )


def test_merge_twice_applies_each_amendment_once_and_freezes_its_decision(n):
    contribution = contribute(n.kenyan, n.version, n.kenya, delete("D.1-a"))
    accept_all(n.chair, contribution)
    domain.merge_contributions(user=n.chair, version=n.version)
    amendment = contribution.amendments.get()

    with pytest.raises(DomainError) as again:
        domain.merge_contributions(user=n.chair, version=n.version)
    with pytest.raises(DomainError) as redecide:
        domain.decide_amendment(user=n.chair, amendment=amendment, decision="rejected")
    with pytest.raises(DomainError) as withdraw:
        domain.withdraw_contribution(user=n.kenyan, contribution=contribution)

    assert again.value.field == "version"
    assert redecide.value.message == (
        "Delete an item D.1-a was already merged into a new version; its decision is final."
    )
    assert withdraw.value.field == "state"


def test_merge_ignores_withdrawn_contributions(n):
    contribution = contribute(n.kenyan, n.version, n.kenya, delete("D.1-a"))
    accept_all(n.chair, contribution)
    accept_all(n.chair, contribute(n.brazilian, n.version, n.brazil, delete("D.2-b")))
    domain.withdraw_contribution(user=n.kenyan, contribution=contribution)

    merged = domain.merge_contributions(user=n.chair, version=n.version)

    assert sorted(merged.items.values_list("code", flat=True)) == [
        "D.1-1",
        "D.1-a",
        "D.1-b",
        "D.2-1",
        "D.2-a",
    ]


def test_merge_refuses_an_add_whose_identifier_was_taken_since(admin, n):
    working = plans.create_plan_version(user=admin, plan=n.version.plan, based_on=n.version)
    contribution = contribute(n.chair, working, n.kenya, add("D.1-9", "D.1", "Proposed"))
    accept_all(n.chair, contribution)
    plans.add_item(
        user=admin,
        priority=working.priorities.get(code="D.1"),
        kind="output",
        code="D.1-9",
        text="Added by the secretariat",
    )

    with pytest.raises(DomainError) as refused:
        domain.merge_contributions(user=n.chair, version=working)

    assert refused.value.message == (
        f"Cannot merge: version 2 has an item D.1-9 by now: #{contribution.amendments.get().pk} "
        "(Proposal: Add an item D.1-9). Reject it and merge again."
    )
    assert PlanVersion.objects.count() == 2
