"""Organizations, people and their accounts, delegations and appointments."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.conferences.enums import Role
from accord.conferences.models import (
    Appointment,
    Conference,
    Delegation,
    DelegationMembership,
    Organization,
    Person,
)
from accord.core.errors import DomainError
from accord.reference.models import ConstituentGroup, Country, MembershipCategory, Region


def _lookup(model: Any, field: str, value: str | None, *, key: str = "code") -> Any:
    if value is None:
        return None
    found = model.objects.filter(**{key: value}).first()
    if found is None:
        raise DomainError(
            gettext("Unknown %(verbose_name)s '%(value)s'.")
            % {"verbose_name": model._meta.verbose_name, "value": value},
            field=field,
        )
    return found


def _create_account(
    username: str, name: str, email: str, password: str | None, **flags: bool
) -> Any:
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise DomainError(
            gettext("The user name '%(username)s' is taken.") % {"username": username},
            field="username",
        )
    given, _, family = name.partition(" ")
    return User.objects.create_user(
        username=username,
        email=email,
        password=password,
        first_name=given[:150],
        last_name=family[:150],
        **flags,
    )


def create_organization(
    *,
    user: Any,
    name: str,
    category: str,
    country: str | None = None,
    region: str | None = None,
    constituent_group: str | None = None,
    short_name: str = "",
) -> Organization:
    """Create an organization from reference codes (secretariat only).

    ``country`` is an ISO alpha-3 code; the region defaults to the country's.
    """
    rules.require(
        rules.is_secretariat(user), gettext("Only the secretariat registers organizations.")
    )
    if Organization.objects.filter(name=name).exists():
        raise DomainError(
            gettext("An organization named '%(name)s' exists.") % {"name": name}, field="name"
        )
    country_obj = _lookup(Country, "country", country, key="iso3")
    region_obj = _lookup(Region, "region", region) or (country_obj.region if country_obj else None)
    with transaction.atomic():
        organization = Organization.objects.create(
            name=name,
            short_name=short_name,
            category=_lookup(MembershipCategory, "category", category),
            country=country_obj,
            region=region_obj,
            constituent_group=_lookup(ConstituentGroup, "constituent_group", constituent_group),
        )
        record(
            actor=user,
            action="organization.created",
            target=organization,
            changes={
                "name": [None, name],
                "category": [None, category],
                "country": [None, country],
                "region": [None, region_obj.code if region_obj else None],
                "constituent_group": [None, constituent_group],
            },
        )
    return organization


def create_person(
    *,
    user: Any,
    name: str,
    email: str = "",
    organization: Organization | None = None,
    gender: str = "",
    username: str | None = None,
    password: str | None = None,
    is_staff: bool = False,
) -> Person:
    """Create a person; with ``username``, also the user account they sign in with."""
    rules.require(rules.is_secretariat(user), gettext("Only the secretariat registers people."))
    account = None
    with transaction.atomic():
        if username is not None:
            account = _create_account(username, name, email, password, is_staff=is_staff)
        person = Person.objects.create(
            user=account, name=name, email=email, organization=organization, gender=gender
        )
        record(
            actor=user,
            action="person.created",
            target=person,
            changes={
                "name": [None, name],
                "organization": [None, str(organization) if organization else None],
                "account": [None, username],
                "secretariat": [None, is_staff],
            },
        )
    return person


def create_delegation(
    *, user: Any, conference: Conference, organization: Organization, head: Person | None = None
) -> Delegation:
    """Register an organization's delegation at a conference (secretariat only)."""
    rules.require(
        rules.can_manage_conference(user, conference),
        gettext("Only the secretariat registers delegations."),
    )
    if Delegation.objects.filter(conference=conference, organization=organization).exists():
        raise DomainError(
            gettext("%(organization)s already has a delegation at %(conference)s.")
            % {"organization": organization, "conference": conference},
            field="organization",
        )
    with transaction.atomic():
        delegation = Delegation.objects.create(
            conference=conference, organization=organization, head=head
        )
        if head is not None:
            DelegationMembership.objects.create(delegation=delegation, person=head)
            rules.forget_standing(head.user)
        record(
            actor=user,
            action="delegation.created",
            target=delegation,
            conference=conference,
            changes={
                "organization": [None, str(organization)],
                "head": [None, str(head) if head else None],
            },
        )
    return delegation


def add_delegation_member(*, user: Any, delegation: Delegation, person: Person) -> None:
    """Add a person to a delegation (secretariat or head of delegation)."""
    rules.require(
        rules.can_manage_delegation(user, delegation),
        gettext("Only the secretariat or the head of delegation adds members."),
    )
    if DelegationMembership.objects.filter(delegation=delegation, person=person).exists():
        raise DomainError(
            gettext("%(person)s is already a member of %(delegation)s.")
            % {"person": person, "delegation": delegation},
            field="person",
        )
    with transaction.atomic():
        DelegationMembership.objects.create(delegation=delegation, person=person)
        record(
            actor=user,
            action="delegation.member_added",
            target=delegation,
            conference=delegation.conference,
            changes={"members": [None, str(person)]},
        )
    rules.forget_standing(person.user)


def appoint(
    *, user: Any, conference: Conference, account: Any, role: str, body: str = ""
) -> Appointment:
    """Appoint a user as chair or observer at a conference (secretariat only)."""
    rules.require(
        rules.can_manage_conference(user, conference), gettext("Only the secretariat appoints.")
    )
    if role not in Role.values:
        raise DomainError(
            gettext("Unknown role '%(role)s'; expected one of %(values)s.")
            % {"role": role, "values": Role.values},
            field="role",
        )
    with transaction.atomic():
        appointment, created = Appointment.objects.get_or_create(
            conference=conference, user=account, role=role, body=body
        )
        if created:
            record(
                actor=user,
                action="appointment.created",
                target=appointment,
                conference=conference,
                changes={
                    "user": [None, account.get_username()],
                    "role": [None, role],
                    "body": [None, body],
                },
            )
    rules.forget_standing(account)
    return appointment


def create_secretariat_account(*, username: str, name: str, email: str, password: str) -> Person:
    """Bootstrap the first secretariat account of an installation (like ``createsuperuser``).

    Needs no acting user, so it is for set-up commands and the demo only; the audit trail
    names the system as the actor.
    """
    with transaction.atomic():
        account = _create_account(username, name, email, password, is_staff=True, is_superuser=True)
        person = Person.objects.create(user=account, name=name, email=email)
        record(
            actor=None,
            action="person.created",
            target=person,
            changes={
                "name": [None, name],
                "account": [None, username],
                "secretariat": [None, True],
            },
        )
    return person
