"""Contributions: who writes and sees them, their amendments, submission with positions,
decisions, and which amendments compete for the same text."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accord.audit.models import AuditEntry
from accord.conferences import domain as people
from accord.core.errors import DomainError, NotAllowed, NotFound
from accord.negotiation import domain
from accord.negotiation.models import Amendment, Position
from accord.negotiation.queries import (
    contributions_of,
    find_contribution,
    overlapping_amendments,
)
from accord.negotiation.rules import can_view_contribution
from accord.plans import domain as plans
from accord.reference.models import RegionalOrganization
from tests.negotiation.contribution_data import (
    D1A,
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


# --- Writing and seeing a contribution --------------------------------------------------------


def test_create_contribution_delegate_writes_a_draft_for_own_delegation(n):
    contribution = domain.create_contribution(
        user=n.kenyan,
        version=n.version,
        delegation=n.kenya,
        title="  Rural connectivity  ",
        reference="DDC-27/12",
        cosponsors=[n.brazil],
    )

    assert (contribution.state, contribution.title, contribution.created_by) == (
        "draft",
        "Rural connectivity",
        n.kenyan,
    )
    assert list(contribution.cosponsors.all()) == [n.brazil]
    entry = AuditEntry.objects.get(action="negotiation.contribution_created")
    assert entry.changes == {
        "version": [None, 1],
        "delegation": [None, "Kenya"],
        "title": [None, "Rural connectivity"],
        "cosponsors": [None, ["Brazil"]],
        "on_behalf_of": [None, None],
    }


def test_create_contribution_delegate_cannot_write_for_another_delegation(n):
    with pytest.raises(NotAllowed) as refused:
        domain.create_contribution(
            user=n.kenyan, version=n.version, delegation=n.brazil, title="Not ours"
        )

    assert refused.value.message == "You write contributions for your own delegation only."


def test_create_contribution_chair_writes_for_any_delegation_and_sees_the_draft(n):
    contribution = domain.create_contribution(
        user=n.chair, version=n.version, delegation=n.brazil, title="From the paper"
    )

    assert can_view_contribution(n.chair, contribution) is True
    assert can_view_contribution(n.kenyan, contribution) is False


def test_create_contribution_on_a_draft_version_delegates_cannot_read(admin, n):
    newer = plans.create_plan_version(user=admin, plan=n.version.plan, based_on=n.version)

    with pytest.raises(NotFound) as refused:
        domain.create_contribution(user=n.kenyan, version=newer, delegation=n.kenya, title="x")

    assert refused.value.field == "version"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": "  "}, "title", "The title is empty."),
        ({"title": "x" * 301}, "title", "The title is longer than 300 characters."),
        ({"reference": "r" * 61}, "reference", "The reference is longer than 60 characters."),
    ],
)
def test_create_contribution_refuses_bad_fields_naming_them(n, fields, field, message):
    values = {"title": "Proposal"} | fields

    with pytest.raises(DomainError) as refused:
        domain.create_contribution(user=n.kenyan, version=n.version, delegation=n.kenya, **values)

    assert (refused.value.field, refused.value.message) == (field, message)


def test_create_contribution_submitting_delegation_cannot_cosponsor_itself(n):
    with pytest.raises(DomainError) as refused:
        domain.create_contribution(
            user=n.kenyan, version=n.version, delegation=n.kenya, title="x", cosponsors=[n.kenya]
        )

    assert refused.value.field == "cosponsors"


def test_draft_hidden_from_other_delegations_chairs_and_secretariat(admin, n):
    draft = contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", "New"), submit=False)

    seen = {
        name: can_view_contribution(user, draft)
        for name, user in [
            ("kenyan", n.kenyan),
            ("brazilian", n.brazilian),
            ("chair", n.chair),
            ("secretariat", admin),
            ("observer", n.observer),
        ]
    }

    assert seen == {
        "kenyan": True,
        "brazilian": False,
        "chair": False,
        "secretariat": False,
        "observer": False,
    }
    assert contributions_of(n.brazilian, n.version) == []
    assert contributions_of(n.kenyan, n.version) == [draft]
    with pytest.raises(NotFound):
        find_contribution(n.brazilian, n.version.plan.conference, draft.pk)


def test_draft_seen_and_written_by_cosponsor_who_cannot_submit_it(n):
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False, cosponsors=[n.brazil])

    domain.add_amendment(
        user=n.brazilian, contribution=draft, kind="delete", item=n.version.items.get(code="D.2-b")
    )

    assert contributions_of(n.brazilian, n.version) == [draft]
    assert contributions_of(n.french, n.version) == []
    with pytest.raises(NotAllowed) as refused:
        domain.submit_contribution(user=n.brazilian, contribution=draft)
    assert refused.value.message == "Only the submitting delegation submits its contribution."


def test_submitted_contribution_seen_by_everyone_who_reads_the_version(admin, n):
    submitted = contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", "New text"))

    readers = [n.brazilian, n.chair, admin, n.observer, AnonymousUser()]

    assert [can_view_contribution(user, submitted) for user in readers] == [
        True,
        True,
        True,
        True,
        False,  # circulated versions are for participants only
    ]
    assert contributions_of(n.french, n.version) == [submitted]


def test_contributions_of_counts_queries_independent_of_how_many(n):
    contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", "One"), cosponsors=[n.brazil])
    contributions_of(n.french, n.version)  # the reader's roles are read once, then remembered

    with CaptureQueriesContext(connection) as one:
        assert len(contributions_of(n.french, n.version)) == 1
    for code in ("D.1-1", "D.1-b", "D.2-a"):
        contribute(n.brazilian, n.version, n.brazil, delete(code), cosponsors=[n.kenya, n.france])
    with CaptureQueriesContext(connection) as many:
        rows = contributions_of(n.french, n.version)
        names = [[c.delegation.organization.name, len(c.cosponsors.all())] for c in rows]

    assert names == [["Kenya", 1], ["Brazil", 2], ["Brazil", 2], ["Brazil", 2]]
    assert len(one) == len(many)


# --- On behalf of an RTO ----------------------------------------------------------------------


@pytest.fixture
def rtos(db):
    return {rto.code: rto for rto in RegionalOrganization.objects.all()}


def test_create_contribution_on_behalf_of_the_rto_of_its_region(n, rtos):
    contribution = domain.create_contribution(
        user=n.kenyan, version=n.version, delegation=n.kenya, title="ATU", on_behalf_of=rtos["ATU"]
    )

    assert contribution.on_behalf_of == rtos["ATU"]


def test_create_contribution_refused_on_behalf_of_another_regions_rto(n, rtos):
    with pytest.raises(DomainError) as refused:
        domain.create_contribution(
            user=n.kenyan,
            version=n.version,
            delegation=n.kenya,
            title="x",
            on_behalf_of=rtos["CEPT"],
        )

    assert refused.value.field == "on_behalf_of"
    assert (
        refused.value.message == "Kenya is neither in the region of CEPT (Europe) nor CEPT itself."
    )


def test_create_contribution_by_the_rtos_own_delegation(admin, conference, n, rtos):
    organization = people.create_organization(
        user=admin, name="Asia-Pacific Telecommunity", short_name="APT", category="observer"
    )
    apt = people.create_delegation(user=admin, conference=conference, organization=organization)

    contribution = domain.create_contribution(
        user=n.chair, version=n.version, delegation=apt, title="APT", on_behalf_of=rtos["APT"]
    )

    assert contribution.on_behalf_of.code == "APT"


# --- Amendments -------------------------------------------------------------------------------


def test_add_amendment_modify_keeps_the_text_and_revision_it_was_written_against(n):
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False)
    item = n.version.items.get(code="D.1-a")

    amendment = domain.add_amendment(
        user=n.kenyan, contribution=draft, kind="modify", item=item, text="Promote it", note="Why"
    )

    assert (amendment.base_text, amendment.base_revision, amendment.text, amendment.order) == (
        D1A,
        item.revision,
        "Promote it",
        1,
    )
    assert (amendment.item_code, amendment.item_kind, amendment.note) == ("D.1-a", "outcome", "Why")
    assert AuditEntry.objects.filter(action="negotiation.amendment_added").count() == 1


def test_add_amendment_add_and_move_name_their_priority(n):
    draft = contribute(
        n.kenyan,
        n.version,
        n.kenya,
        add("D.2-9", "D.2", "A new output"),
        move("D.1-b", "D.2"),
        submit=False,
    )

    rows = list(draft.amendments.values_list("kind", "item_code", "item_kind", "priority__code"))

    assert rows == [("add", "D.2-9", "output", "D.2"), ("move", "D.1-b", "outcome", "D.2")]


@pytest.mark.parametrize(
    ("amendment", "field", "message"),
    [
        ({"kind": "modify", "text": "x"}, "item", "Say which item to modify."),
        (modify("D.1-a", D1A), "text", "The proposed text is D.1-a's text: it changes nothing."),
        (modify("D.1-a", "  "), "text", "The text is empty."),
        ({"kind": "delete"}, "item", "Say which item to delete."),
        ({"kind": "move", "item": "D.1-a"}, "priority", "Say under which priority the item goes."),
        (move("D.1-a", "D.1"), "priority", "D.1-a is already under D.1."),
        (add("D.1-a", "D.1", "x"), "item_code", "Item D.1-a already exists in version 1."),
        (add("D 9", "D.1", "x"), "item_code", "The identifier 'D 9' contains spaces."),
        (
            add("D.1-9", "D.1", "x", item_kind="kpi"),
            "item_kind",
            "Unknown item kind 'kpi'; expected outcome or output.",
        ),
        (add("D.1-9", "D.1", ""), "text", "The text is empty."),
        (
            {"kind": "split", "item": "D.1-a"},
            "kind",
            "Unknown kind 'split'; expected one of add, modify, delete, move.",
        ),
    ],
)
def test_add_amendment_refuses_naming_the_field(n, amendment, field, message):
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False)

    with pytest.raises(DomainError) as refused:
        contribute_more(n, draft, amendment)

    assert (refused.value.field, refused.value.message) == (field, message)
    assert Amendment.objects.count() == 0


def contribute_more(n, contribution, amendment):
    values = dict(amendment)
    for key, lookup in (("item", n.version.items), ("priority", n.version.priorities)):
        if isinstance(values.get(key), str):
            values[key] = lookup.get(code=values[key])
    return domain.add_amendment(user=n.kenyan, contribution=contribution, **values)


def test_add_amendment_refuses_an_item_of_another_version(admin, n):
    newer = plans.create_plan_version(user=admin, plan=n.version.plan, based_on=n.version)
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False)

    with pytest.raises(DomainError) as refused:
        domain.add_amendment(
            user=n.kenyan, contribution=draft, kind="delete", item=newer.items.get(code="D.1-a")
        )

    assert refused.value.message == "D.1-a belongs to another version than the contribution's."


def test_add_amendment_refuses_a_second_amendment_of_one_item(n):
    draft = contribute(n.kenyan, n.version, n.kenya, delete("D.1-a"), submit=False)

    with pytest.raises(DomainError) as refused:
        contribute_more(n, draft, modify("D.1-a", "Other"))

    assert refused.value.message == (
        "This contribution already has an amendment of D.1-a; change that one."
    )


def test_add_amendment_refused_once_submitted(n):
    submitted = contribute(n.kenyan, n.version, n.kenya, delete("D.1-a"))

    with pytest.raises(DomainError) as refused:
        contribute_more(n, submitted, delete("D.1-b"))

    assert (refused.value.field, refused.value.message) == (
        "contribution",
        "Proposal is submitted; its amendments can no longer change.",
    )


def test_add_amendment_by_another_delegation_is_not_found(n):
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False)

    with pytest.raises(NotFound):
        domain.add_amendment(
            user=n.brazilian, contribution=draft, kind="delete", item=n.version.items.first()
        )


# --- Submitting, withdrawing, deciding ------------------------------------------------------


def test_submit_contribution_records_the_delegations_positions_from_it(n):
    contribution = contribute(
        n.kenyan,
        n.version,
        n.kenya,
        modify("D.1-a", "Promote broadband", note="Shorter"),
        delete("D.1-1"),
        move("D.1-b", "D.2"),
        add("D.2-9", "D.2", "New output"),
        title="Kenya's proposal",
    )

    rows = list(
        Position.objects.filter(contribution=contribution)
        .order_by("id")
        .values_list("item__code", "delegation_name", "stance", "source", "detail")
    )

    assert contribution.state == "submitted"
    assert contribution.submitted_at is not None
    assert rows == [
        ("D.1-a", "Kenya", "modify", "contribution", "Shorter"),
        ("D.1-1", "Kenya", "remove", "contribution", "Kenya's proposal"),
        ("D.1-b", "Kenya", "merge_move", "contribution", "Kenya's proposal"),
    ]
    assert AuditEntry.objects.filter(action="negotiation.contribution_submitted").count() == 1


def test_submit_contribution_without_amendments_is_refused(n):
    draft = contribute(n.kenyan, n.version, n.kenya, submit=False)

    with pytest.raises(DomainError) as refused:
        domain.submit_contribution(user=n.kenyan, contribution=draft)

    assert (refused.value.field, refused.value.message) == (
        "amendments",
        "The contribution proposes no change yet.",
    )


def test_withdraw_contribution_keeps_it_on_record(n):
    submitted = contribute(n.kenyan, n.version, n.kenya, delete("D.1-a"))
    with pytest.raises(NotAllowed):
        domain.withdraw_contribution(user=n.brazilian, contribution=submitted)

    domain.withdraw_contribution(user=n.kenyan, contribution=submitted)

    submitted.refresh_from_db()
    assert submitted.state == "withdrawn"
    assert contributions_of(n.brazilian, n.version) == [submitted]
    assert AuditEntry.objects.filter(action="negotiation.contribution_withdrawn").count() == 1


def test_decide_amendment_chair_accepts_with_a_note_audited(n):
    contribution = contribute(n.kenyan, n.version, n.kenya, delete("D.1-a"))
    amendment = contribution.amendments.get()

    domain.decide_amendment(user=n.chair, amendment=amendment, decision="accepted", note="Agreed")

    amendment.refresh_from_db()
    assert (amendment.decision, amendment.decision_note, amendment.decided_by) == (
        "accepted",
        "Agreed",
        n.chair,
    )
    entry = AuditEntry.objects.get(action="negotiation.amendment_decided")
    assert entry.changes == {
        "decision": ["pending", "accepted"],
        "decision_note": ["", "Agreed"],
    }


def test_decide_amendment_delegate_is_not_allowed(n):
    amendment = contribute(n.kenyan, n.version, n.kenya, delete("D.1-a")).amendments.get()

    with pytest.raises(NotAllowed):
        domain.decide_amendment(user=n.kenyan, amendment=amendment, decision="accepted")
    with pytest.raises(NotAllowed):
        domain.decide_amendment(user=n.brazilian, amendment=amendment, decision="rejected")

    amendment.refresh_from_db()
    assert amendment.decision == "pending"


def test_decide_amendment_of_a_draft_is_not_found_for_the_chair(n):
    draft = contribute(n.kenyan, n.version, n.kenya, delete("D.1-a"), submit=False)

    with pytest.raises(NotFound):
        domain.decide_amendment(user=n.chair, amendment=draft.amendments.get(), decision="accepted")


def test_decide_amendment_unknown_decision_names_the_field(n):
    amendment = contribute(n.kenyan, n.version, n.kenya, delete("D.1-a")).amendments.get()

    with pytest.raises(DomainError) as refused:
        domain.decide_amendment(user=n.chair, amendment=amendment, decision="maybe")

    assert refused.value.field == "decision"


# --- Competing amendments -------------------------------------------------------------------


def groups(version):
    return [[a.pk for a in group] for group in overlapping_amendments(version)]


def only(contribution):
    return contribution.amendments.get().pk


def test_overlapping_modifications_of_the_same_words_compete(n):
    first = contribute(
        n.kenyan, n.version, n.kenya, modify("D.1-a", D1A.replace("rural", "remote"))
    )
    second = contribute(
        n.brazilian, n.version, n.brazil, modify("D.1-a", D1A.replace("rural areas", "all areas"))
    )

    assert groups(n.version) == [[only(first), only(second)]]


def test_modifications_of_different_words_do_not_compete(n):
    contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", D1A.replace("affordable", "cheap")))
    contribute(n.brazilian, n.version, n.brazil, modify("D.1-a", D1A.replace("rural", "remote")))

    assert groups(n.version) == []


def test_insertions_at_the_same_place_compete(n):
    first = contribute(
        n.kenyan, n.version, n.kenya, modify("D.1-a", D1A.replace("rural", "rural and urban"))
    )
    second = contribute(
        n.brazilian, n.version, n.brazil, modify("D.1-a", D1A.replace("rural", "rural or remote"))
    )

    assert groups(n.version) == [[only(first), only(second)]]


def test_insertion_beside_a_replacement_does_not_compete(n):
    contribute(n.kenyan, n.version, n.kenya, modify("D.1-a", D1A.replace("rural", "remote")))
    contribute(
        n.brazilian, n.version, n.brazil, modify("D.1-a", D1A.replace("rural", "very rural"))
    )

    assert groups(n.version) == []


def test_delete_competes_with_a_move_of_the_item(n):
    deleting = contribute(n.kenyan, n.version, n.kenya, delete("D.1-b"))
    moving = contribute(n.french, n.version, n.france, move("D.1-b", "D.2"))

    assert groups(n.version) == [[only(deleting), only(moving)]]


def test_delete_competes_with_a_modification_of_the_item(n):
    modifying = contribute(n.kenyan, n.version, n.kenya, modify("D.1-b", "Changed"))
    deleting = contribute(n.french, n.version, n.france, delete("D.1-b"))

    assert groups(n.version) == [[only(modifying), only(deleting)]]


def test_two_deletes_of_one_item_agree(n):
    contribute(n.kenyan, n.version, n.kenya, delete("D.1-b"))
    contribute(n.brazilian, n.version, n.brazil, delete("D.1-b"))

    assert groups(n.version) == []


def test_a_move_and_a_modification_of_one_item_both_apply(n):
    contribute(n.kenyan, n.version, n.kenya, move("D.1-b", "D.2"))
    contribute(n.brazilian, n.version, n.brazil, modify("D.1-b", "Changed"))

    assert groups(n.version) == []


def test_moves_to_different_priorities_compete_and_to_the_same_do_not(admin, n):
    plans_version = n.version
    d3 = plans.create_plan_version(user=admin, plan=plans_version.plan, based_on=plans_version)
    plans.add_priority(user=admin, version=d3, code="D.3", title="Third")
    to_d2 = contribute(n.chair, d3, n.kenya, move("D.1-a", "D.2"))
    same = contribute(n.chair, d3, n.brazil, move("D.1-a", "D.2"))
    to_d3 = contribute(n.chair, d3, n.france, move("D.1-a", "D.3"))

    assert groups(d3) == [[only(to_d2), only(same), only(to_d3)]]


def test_adds_of_the_same_identifier_compete(n):
    first = contribute(n.kenyan, n.version, n.kenya, add("D.2-9", "D.2", "One"))
    second = contribute(n.brazilian, n.version, n.brazil, add("D.2-9", "D.1", "Other"))
    contribute(n.french, n.version, n.france, add("D.2-8", "D.2", "Unrelated"))

    assert groups(n.version) == [[only(first), only(second)]]


def test_overlap_ignores_drafts(n):
    contribute(n.kenyan, n.version, n.kenya, delete("D.1-b"), submit=False)
    contribute(n.brazilian, n.version, n.brazil, modify("D.1-b", "Changed"))

    assert groups(n.version) == []
