"""Coordinators per region and topic (the matrix and its gaps) and the representatives each
region mandates to an interregional meeting (the cap)."""

import pytest

from accord.audit.models import AuditEntry
from accord.conferences import domain as people
from accord.core.errors import DomainError, NotAllowed
from accord.meetings import domain
from accord.meetings.enums import Topic
from accord.meetings.models import Coordinator, MandatedRepresentative
from accord.meetings.queries import coordinator_matrix, representative_slots
from accord.plans import domain as plans
from tests import factories

pytestmark = pytest.mark.integration


def person(admin, name, organization=None):
    return people.create_person(user=admin, name=name, organization=organization)


# --- Coordinators ------------------------------------------------------------------------------


def test_assign_coordinator_defaults_organization_and_audits(admin, conference):
    delegation = factories.make_delegation(admin, conference, "KEN", name="Kenya")
    amina = person(admin, "Amina", delegation.organization)

    coordinator = domain.assign_coordinator(
        user=admin, conference=conference, region="AFR", topic=Topic.RESOLUTIONS, person=amina
    )

    assert coordinator.organization == delegation.organization
    assert coordinator.region.code == "AFR"
    entry = AuditEntry.objects.get(action="meeting.coordinator_named")
    assert entry.changes == {
        "region": [None, "AFR"],
        "topic": [None, "resolutions"],
        "priority": [None, None],
        "person": [None, "Amina"],
    }


def test_assign_coordinator_priority_topic_needs_priority(admin, conference):
    with pytest.raises(DomainError) as error:
        domain.assign_coordinator(
            user=admin,
            conference=conference,
            region="AFR",
            topic=Topic.PRIORITY,
            person=person(admin, "A"),
        )

    assert error.value.field == "priority"


def test_assign_coordinator_priority_with_other_topic_refused(admin, conference, draft):
    with pytest.raises(DomainError) as error:
        domain.assign_coordinator(
            user=admin,
            conference=conference,
            region="AFR",
            topic=Topic.DECLARATION,
            priority=draft.priorities.get(code="D.1"),
            person=person(admin, "A"),
        )

    assert error.value.field == "priority"


def test_assign_coordinator_priority_of_other_conference_refused(admin, conference):
    other = factories.make_conference(admin, slug="other")
    priority = factories.make_plan_version(admin, other).priorities.get(code="D.1")

    with pytest.raises(DomainError) as error:
        domain.assign_coordinator(
            user=admin,
            conference=conference,
            region="AFR",
            topic=Topic.PRIORITY,
            priority=priority,
            person=person(admin, "A"),
        )

    assert error.value.message == "D.1 is a priority of another conference."


def test_assign_coordinator_twice_same_cell_refused(admin, conference):
    amina = person(admin, "Amina")
    domain.assign_coordinator(
        user=admin, conference=conference, region="AFR", topic=Topic.QUESTIONS, person=amina
    )

    with pytest.raises(DomainError) as error:
        domain.assign_coordinator(
            user=admin, conference=conference, region="AFR", topic=Topic.QUESTIONS, person=amina
        )

    assert error.value.message == "Amina already coordinates Study Group Questions for Africa."


def test_assign_coordinator_refused_to_delegate(admin, conference, delegate):
    with pytest.raises(NotAllowed):
        domain.assign_coordinator(
            user=delegate,
            conference=conference,
            region="AFR",
            topic=Topic.QUESTIONS,
            person=delegate.person,
        )


def test_remove_coordinator_frees_cell(admin, conference):
    coordinator = domain.assign_coordinator(
        user=admin,
        conference=conference,
        region="EUR",
        topic=Topic.DECLARATION,
        person=person(admin, "A"),
    )

    domain.remove_coordinator(user=admin, coordinator=coordinator)

    assert Coordinator.objects.count() == 0
    assert AuditEntry.objects.filter(action="meeting.coordinator_removed").count() == 1


def test_coordinator_matrix_counts_gaps_exactly(admin, conference, draft):
    """6 regions × (4 topics + 2 priorities) = 36 cells; 4 distinct cells filled → 32 gaps."""
    amina, joao, lea = person(admin, "Amina"), person(admin, "João"), person(admin, "Léa")
    d1 = draft.priorities.get(code="D.1")
    for region, topic, who, priority in [
        ("AFR", Topic.RESOLUTIONS, amina, None),
        ("AFR", Topic.RESOLUTIONS, joao, None),  # two people share one cell
        ("AFR", Topic.PRIORITY, amina, d1),
        ("AMS", Topic.DECLARATION, joao, None),
        ("EUR", Topic.PRIORITY, lea, d1),
    ]:
        domain.assign_coordinator(
            user=admin,
            conference=conference,
            region=region,
            topic=topic,
            person=who,
            priority=priority,
        )

    matrix = coordinator_matrix(admin, conference)

    assert [c.key for c in matrix.columns] == [
        "resolutions",
        "declaration",
        "questions",
        "strategic_plan",
        "priority:D.1",
        "priority:D.2",
    ]
    assert [row.region.code for row in matrix.rows] == ["AFR", "AMS", "ARB", "ASP", "CIS", "EUR"]
    assert matrix.cells == 36
    assert matrix.gaps == 32
    assert [row.gaps for row in matrix.rows] == [4, 5, 6, 6, 6, 5]
    assert matrix.column_gaps == (5, 5, 6, 6, 4, 6)
    assert matrix.as_dict()["AFR"]["resolutions"] == ["Amina", "João"]
    assert matrix.as_dict()["EUR"]["priority:D.1"] == ["Léa"]
    assert matrix.as_dict()["ARB"]["questions"] == []


def test_coordinator_matrix_matches_priority_of_earlier_version_by_code(admin, conference, draft):
    domain.assign_coordinator(
        user=admin,
        conference=conference,
        region="CIS",
        topic=Topic.PRIORITY,
        priority=draft.priorities.get(code="D.2"),
        person=person(admin, "Aigerim"),
    )
    plans.create_plan_version(user=admin, plan=draft.plan, label="Next", based_on=draft)

    matrix = coordinator_matrix(admin, conference)

    assert matrix.as_dict()["CIS"]["priority:D.2"] == ["Aigerim"]
    assert [c.key for c in matrix.columns].count("priority:D.2") == 1


def test_coordinator_matrix_without_plan_has_fixed_topics(admin, conference):
    matrix = coordinator_matrix(admin, conference)

    assert [c.key for c in matrix.columns] == [
        "resolutions",
        "declaration",
        "questions",
        "strategic_plan",
    ]
    assert matrix.gaps == 24


def test_coordinator_matrix_refused_to_public(conference):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(NotAllowed):
        coordinator_matrix(AnonymousUser(), conference)


def test_coordinator_matrix_shown_to_delegate(admin, conference, delegate):
    assert coordinator_matrix(delegate, conference).gaps == 24


# --- Mandated representatives -----------------------------------------------------------------


def member(admin, delegation, name):
    someone = person(admin, name, delegation.organization)
    people.add_delegation_member(user=admin, delegation=delegation, person=someone)
    return someone


def test_mandate_representative_records_and_audits(admin, conference, ipm, kenya):
    amina = member(admin, kenya, "Amina")

    rep = domain.mandate_representative(
        user=admin, meeting=ipm, region="AFR", person=amina, delegation=kenya
    )

    assert (rep.region.code, rep.person, rep.delegation) == ("AFR", amina, kenya)
    assert AuditEntry.objects.filter(action="meeting.representative_mandated").count() == 1


def test_mandate_representative_cap_per_region_enforced(admin, conference, ipm):
    domain.mandate_representative(user=admin, meeting=ipm, region="AFR", person=person(admin, "A"))
    domain.mandate_representative(user=admin, meeting=ipm, region="AFR", person=person(admin, "B"))

    with pytest.raises(DomainError) as error:
        domain.mandate_representative(
            user=admin, meeting=ipm, region="AFR", person=person(admin, "C")
        )

    assert error.value.field == "region"
    assert error.value.message == (
        "Africa has already mandated 2 representatives to IPM-1, the most each region may "
        "send; withdraw one first or raise the number per region."
    )
    assert MandatedRepresentative.objects.filter(region__code="AFR").count() == 2


def test_mandate_representative_cap_is_per_region(admin, conference, ipm):
    for name in ("A", "B"):
        domain.mandate_representative(
            user=admin, meeting=ipm, region="AFR", person=person(admin, name)
        )

    rep = domain.mandate_representative(
        user=admin, meeting=ipm, region="EUR", person=person(admin, "C")
    )

    assert rep.region.code == "EUR"


def test_mandate_representative_configurable_number(admin, conference, ipm):
    domain.update_meeting(user=admin, meeting=ipm, representatives_per_region=3)
    for name in ("A", "B", "C"):
        domain.mandate_representative(
            user=admin, meeting=ipm, region="ASP", person=person(admin, name)
        )

    assert MandatedRepresentative.objects.count() == 3


def test_lowering_number_below_mandates_refused(admin, conference, ipm):
    for name in ("A", "B"):
        domain.mandate_representative(
            user=admin, meeting=ipm, region="AFR", person=person(admin, name)
        )

    with pytest.raises(DomainError) as error:
        domain.update_meeting(user=admin, meeting=ipm, representatives_per_region=1)

    assert error.value.message == (
        "Mandated representatives already exceed 1 per region for Africa (2); withdraw some first."
    )


def test_mandate_representative_only_at_ipm(admin, conference, rpm):
    with pytest.raises(DomainError) as error:
        domain.mandate_representative(
            user=admin, meeting=rpm, region="AFR", person=person(admin, "A")
        )

    assert error.value.message == (
        "Regions mandate representatives to interregional meetings; RPM-AFR is a regional "
        "preparatory meeting."
    )


def test_mandate_representative_same_person_twice_refused(admin, conference, ipm):
    amina = person(admin, "Amina")
    domain.mandate_representative(user=admin, meeting=ipm, region="AFR", person=amina)

    with pytest.raises(DomainError) as error:
        domain.mandate_representative(user=admin, meeting=ipm, region="AMS", person=amina)

    assert error.value.field == "person"


def test_mandate_representative_not_member_of_delegation_refused(admin, conference, ipm, kenya):
    with pytest.raises(DomainError) as error:
        domain.mandate_representative(
            user=admin,
            meeting=ipm,
            region="AFR",
            person=person(admin, "Stranger"),
            delegation=kenya,
        )

    assert error.value.message == "Stranger is not a member of the delegation of Kenya."


def test_mandate_representative_delegation_of_other_region_refused(admin, conference, ipm, kenya):
    amina = member(admin, kenya, "Amina")

    with pytest.raises(DomainError) as error:
        domain.mandate_representative(
            user=admin, meeting=ipm, region="EUR", person=amina, delegation=kenya
        )

    assert error.value.message == "Kenya is not in the region Europe."


def test_mandate_representative_refused_to_chair(admin, conference, ipm, chair):
    with pytest.raises(NotAllowed):
        domain.mandate_representative(
            user=chair, meeting=ipm, region="AFR", person=person(admin, "A")
        )


def test_withdraw_representative_frees_slot(admin, conference, ipm):
    rep = domain.mandate_representative(
        user=admin, meeting=ipm, region="AFR", person=person(admin, "A")
    )

    domain.withdraw_representative(user=admin, representative=rep)

    slots = {s.region.code: s.missing for s in representative_slots(ipm)}
    assert slots == {"AFR": 2, "AMS": 2, "ARB": 2, "ASP": 2, "CIS": 2, "EUR": 2}


def test_representative_slots_show_missing_per_region(admin, conference, ipm):
    domain.mandate_representative(user=admin, meeting=ipm, region="AFR", person=person(admin, "A"))
    domain.mandate_representative(user=admin, meeting=ipm, region="AFR", person=person(admin, "B"))
    domain.mandate_representative(user=admin, meeting=ipm, region="EUR", person=person(admin, "C"))

    slots = representative_slots(ipm)

    assert [(s.region.code, len(s.representatives), s.missing) for s in slots] == [
        ("AFR", 2, 0),
        ("AMS", 0, 2),
        ("ARB", 0, 2),
        ("ASP", 0, 2),
        ("CIS", 0, 2),
        ("EUR", 1, 1),
    ]
