import pytest

from accord.audit.models import AuditEntry
from accord.conferences.models import Delegation
from accord.demo.seed import seed_demo
from accord.participation.models import ParticipationTarget, PastParticipation
from accord.plans.enums import ItemStatus, VersionState
from accord.plans.models import KPI, Linkage, PlanItem
from accord.rules import standing

pytestmark = pytest.mark.integration


def test_demo_has_the_promised_shape(demo):
    conference = demo.conference
    base, working = list(conference.action_plan.versions.order_by("number"))
    statuses = set(base.items.values_list("status", flat=True))
    regions = set(
        Delegation.objects.filter(conference=conference).values_list(
            "organization__region__code", flat=True
        )
    )

    assert (conference.phase, base.state, working.state) == (
        "preparation",
        VersionState.PUBLISHED,
        VersionState.DRAFT,
    )
    assert 4 <= base.priorities.count() <= 5
    assert 15 <= base.items.count() <= 25
    assert statuses == set(ItemStatus.values)
    assert KPI.objects.filter(item__version=base).exists()
    assert set(Linkage.objects.filter(item__version=base).values_list("type", flat=True)) >= {
        "sdg",
        "wsis",
    }
    assert Delegation.objects.filter(conference=conference).count() == 12
    assert {"AFR", "AMS", "ARB", "ASP", "CIS", "EUR"} <= regions


def test_demo_accounts_hold_their_roles(demo):
    from django.contrib.auth import authenticate

    roles = {}
    for credential in demo.credentials:
        user = authenticate(username=credential.username, password=credential.password)
        who = standing(user, demo.conference)
        roles[credential.username] = (who.secretariat, who.chair, len(who.delegation_ids))

    assert roles == {
        "secretariat": (True, False, 0),
        "chair": (False, True, 0),
        "delegate1": (False, False, 1),
        "delegate2": (False, False, 1),
    }


def test_seeding_twice_leaves_the_same_data(demo):
    counts = (PlanItem.objects.count(), Delegation.objects.count(), AuditEntry.objects.count())

    again = seed_demo()

    assert again.created is False
    assert again.conference == demo.conference
    assert (
        PlanItem.objects.count(),
        Delegation.objects.count(),
        AuditEntry.objects.count(),
    ) == counts


def test_demo_is_written_through_the_domain_with_an_audit_trail(demo):
    actions = set(AuditEntry.objects.values_list("action", flat=True))

    assert {
        "conference.created",
        "plan.item_added",
        "plan.linkage_added",
        "plan.kpi_added",
        "appointment.created",
    } <= actions
    assert (
        AuditEntry.objects.filter(action="plan.item_added").count()
        == PlanItem.objects.filter(version__number=1).count()
    )


def test_demo_negotiation_has_positions_and_contributions_to_merge(demo):
    from django.contrib.auth import get_user_model

    from accord.negotiation.models import Position
    from accord.negotiation.queries import contributions_of, overlapping_amendments

    base = demo.conference.action_plan.versions.get(number=1)
    users = get_user_model().objects
    kenyan, brazilian = users.get(username="delegate1"), users.get(username="delegate2")

    sources = Position.objects.filter(version=base).values_list("source", flat=True)
    assert (
        sources.filter(source="statement").count(),
        sources.filter(source="contribution").count(),
    ) == (24, 4)
    assert {c.title for c in contributions_of(kenyan, base)} - {
        c.title for c in contributions_of(brazilian, base)
    } == {"Draft: cyber-drills for small island States"}
    # Kenya and Brazil both rewrite D.1-c: the chair sees them side by side.
    assert [[a.item_code for a in group] for group in overlapping_amendments(base)] == [
        ["D.1-c", "D.1-c"]
    ]


def test_demo_participation_has_targets_and_previous_figures(demo):
    targets = ParticipationTarget.objects.filter(conference=demo.conference)

    assert sorted(targets.values_list("dimension", "value")) == [
        ("constituent_group", "academia"),
        ("constituent_group", "private_sector"),
        ("gender", "female"),
    ]
    assert set(
        PastParticipation.objects.filter(conference=demo.conference).values_list("label", flat=True)
    ) == {"WTDC-22"}
