import datetime as dt

import pytest

from accord.audit.models import AuditEntry
from accord.conferences import domain
from accord.conferences.enums import Phase, Role
from accord.conferences.models import Conference, Delegation
from accord.core.errors import DomainError, NotAllowed
from accord.rules import standing
from tests import factories

pytestmark = pytest.mark.integration


def test_create_conference_by_secretariat_is_audited(admin):
    conference = factories.make_conference(admin, slug="wtdc-x")

    entry = AuditEntry.objects.get(action="conference.created")
    assert conference.phase == Phase.PREPARATION
    assert entry.actor == admin
    assert entry.conference == conference
    assert entry.changes["short_name"] == [None, "WTDC-X"]


def test_create_conference_by_delegate_is_refused(admin, conference):
    delegate = factories.make_delegate(admin, factories.make_delegation(admin, conference), "del")

    with pytest.raises(NotAllowed):
        factories.make_conference(delegate, slug="other")

    assert list(Conference.objects.values_list("slug", flat=True)) == ["conf"]


def test_create_conference_with_dates_reversed_names_the_field(admin):
    with pytest.raises(DomainError) as error:
        factories.make_conference(
            admin, start_date=dt.date(2027, 6, 5), end_date=dt.date(2027, 6, 1)
        )

    assert error.value.field == "end_date"
    assert Conference.objects.count() == 0


def test_create_conference_with_taken_slug_is_refused(admin, conference):
    with pytest.raises(DomainError) as error:
        factories.make_conference(admin, slug="conf")

    assert error.value.field == "slug"


def test_update_conference_records_old_and_new_values(admin, conference):
    domain.update_conference(user=admin, conference=conference, phase=Phase.CONFERENCE)

    entry = AuditEntry.objects.get(action="conference.updated")
    conference.refresh_from_db()
    assert conference.phase == "conference"
    assert entry.changes == {"phase": ["preparation", "conference"]}


def test_update_conference_with_unknown_phase_is_refused(admin, conference):
    with pytest.raises(DomainError) as error:
        domain.update_conference(user=admin, conference=conference, phase="voting")

    conference.refresh_from_db()
    assert error.value.field == "phase"
    assert conference.phase == "preparation"


def test_update_conference_by_chair_is_refused(admin, conference):
    chair = factories.make_chair(admin, conference)

    with pytest.raises(NotAllowed):
        domain.update_conference(user=chair, conference=conference, venue="Elsewhere")


def test_create_organization_takes_region_from_country(admin):
    organization = domain.create_organization(
        user=admin,
        name="Kenya",
        category="member_state",
        country="KEN",
        constituent_group="government",
    )

    assert organization.region.code == "AFR"
    assert organization.country.name == "Kenya"


def test_create_organization_with_unknown_country_names_the_field(admin):
    with pytest.raises(DomainError) as error:
        domain.create_organization(
            user=admin, name="Atlantis", category="member_state", country="ATL"
        )

    assert error.value.field == "country"
    assert error.value.message == "Unknown Member State 'ATL'."


def test_create_delegation_twice_for_one_organization_is_refused(admin, conference):
    delegation = factories.make_delegation(admin, conference)

    with pytest.raises(DomainError):
        domain.create_delegation(
            user=admin, conference=conference, organization=delegation.organization
        )

    assert Delegation.objects.count() == 1


def test_head_of_delegation_adds_a_member(admin, conference):
    delegation = factories.make_delegation(admin, conference)
    head = domain.create_person(user=admin, name="Head", username="head", password="x-pass-12345")
    delegation.head = head
    delegation.save(update_fields=["head"])
    newcomer = domain.create_person(user=admin, name="Newcomer")

    domain.add_delegation_member(user=head.user, delegation=delegation, person=newcomer)

    assert list(delegation.members.values_list("name", flat=True)) == ["Newcomer"]


def test_delegate_of_another_delegation_cannot_add_members(admin, conference):
    kenya = factories.make_delegation(admin, conference, "KEN")
    brazil = factories.make_delegation(admin, conference, "BRA")
    brazilian = factories.make_delegate(admin, brazil, "bra")
    outsider = domain.create_person(user=admin, name="Outsider")

    with pytest.raises(NotAllowed):
        domain.add_delegation_member(user=brazilian, delegation=kenya, person=outsider)

    assert kenya.members.count() == 0


def test_appoint_chair_gives_chair_standing(admin, conference):
    account = factories.make_user(admin, "wgchair")
    assert standing(account, conference).chair is False

    domain.appoint(user=admin, conference=conference, account=account, role=Role.CHAIR, body="WG1")

    assert standing(account, conference).chair is True
    assert AuditEntry.objects.filter(action="appointment.created").count() == 1


def test_appoint_with_unknown_role_is_refused(admin, conference):
    account = factories.make_user(admin, "someone")

    with pytest.raises(DomainError) as error:
        domain.appoint(user=admin, conference=conference, account=account, role="king")

    assert error.value.field == "role"


def test_create_person_with_taken_username_writes_nothing(admin):
    people_before = AuditEntry.objects.filter(action="person.created").count()

    with pytest.raises(DomainError) as error:
        domain.create_person(user=admin, name="Clash", username="admin", password="x-pass-12345")

    assert error.value.field == "username"
    assert AuditEntry.objects.filter(action="person.created").count() == people_before
