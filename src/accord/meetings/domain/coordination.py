"""Coordinators per region and topic, and the representatives each region mandates to an
interregional meeting (secretariat only; audited).

A region mandates at most ``meeting.representatives_per_region`` people to an IPM: the cap is
checked with the meeting locked, so two secretaries adding the last slot at once cannot both
succeed.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from accord.audit.domain import record
from accord.conferences.models import Conference, Delegation, Organization, Person
from accord.core.errors import DomainError
from accord.meetings.domain import checks
from accord.meetings.enums import MeetingKind, Topic
from accord.meetings.models import Coordinator, MandatedRepresentative, Meeting
from accord.plans.models import Priority
from accord.reference.models import Region


def assign_coordinator(
    *,
    user: Any,
    conference: Conference,
    region: Region | str,
    topic: str,
    person: Person,
    priority: Priority | None = None,
    organization: Organization | None = None,
) -> Coordinator:
    """Name ``person`` coordinator of ``topic`` for ``region`` (several people may share one).
    A priority topic names the priority; the organization defaults to the person's. Side
    effects: the coordinator, one audit entry."""
    checks.require_secretariat(user, conference, "names coordinators")
    region_obj = checks.region(region)
    if region_obj is None:
        raise DomainError(gettext("Choose the region the coordinator speaks for."), field="region")
    if topic not in Topic.values:
        raise DomainError(
            gettext("Unknown topic '%(topic)s'; expected one of %(join)s.")
            % {"topic": topic, "join": ", ".join(Topic.values)},
            field="topic",
        )
    if topic == Topic.PRIORITY:
        if priority is None:
            raise DomainError(gettext("Choose the priority of the Action Plan."), field="priority")
        if priority.version.plan.conference_id != conference.pk:
            raise DomainError(
                gettext("%(code)s is a priority of another conference.") % {"code": priority.code},
                field="priority",
            )
    elif priority is not None:
        raise DomainError(
            gettext(
                "The topic '%(label)s' takes no priority; choose the topic "
                "'%(label2)s' to coordinate %(code)s."
            )
            % {"label": Topic(topic).label, "label2": Topic.PRIORITY.label, "code": priority.code},
            field="priority",
        )
    same_cell = Coordinator.objects.filter(
        conference=conference, region=region_obj, topic=topic, person=person
    )
    if priority is not None:
        same_cell = same_cell.filter(priority__code=priority.code)
    if same_cell.exists():
        what = priority.code if priority is not None else Topic(topic).label
        raise DomainError(
            gettext("%(person)s already coordinates %(what)s for %(name)s.")
            % {"person": person, "what": what, "name": region_obj.name},
            field="person",
        )
    with transaction.atomic():
        coordinator = Coordinator.objects.create(
            conference=conference,
            region=region_obj,
            topic=topic,
            priority=priority,
            person=person,
            organization=organization or person.organization,
        )
        record(
            actor=user,
            action="meeting.coordinator_named",
            target=coordinator,
            conference=conference,
            changes={
                "region": [None, region_obj.code],
                "topic": [None, topic],
                "priority": [None, priority.code if priority else None],
                "person": [None, str(person)],
            },
        )
    return coordinator


def remove_coordinator(*, user: Any, coordinator: Coordinator) -> None:
    """Remove a coordinator (secretariat only). Audited."""
    conference = coordinator.conference
    checks.require_secretariat(user, conference, "removes coordinators")
    with transaction.atomic():
        record(
            actor=user,
            action="meeting.coordinator_removed",
            target=coordinator,
            conference=conference,
            changes={
                "region": [coordinator.region.code, None],
                "topic": [coordinator.topic, None],
                "person": [str(coordinator.person), None],
            },
        )
        coordinator.delete()


def _check_delegation(
    meeting: Meeting, region: Region, person: Person, delegation: Delegation
) -> None:
    if delegation.conference_id != meeting.conference_id:
        raise DomainError(
            gettext("%(delegation)s is not at %(conference)s.")
            % {"delegation": delegation, "conference": meeting.conference},
            field="delegation",
        )
    home = delegation.organization.region_id
    if home is not None and home != region.pk:
        raise DomainError(
            gettext("%(organization)s is not in the region %(name)s.")
            % {"organization": delegation.organization, "name": region.name},
            field="delegation",
        )
    if not delegation.members.filter(pk=person.pk).exists():
        raise DomainError(
            gettext("%(person)s is not a member of the delegation of %(organization)s.")
            % {"person": person, "organization": delegation.organization},
            field="person",
        )


def mandate_representative(
    *,
    user: Any,
    meeting: Meeting,
    region: Region | str,
    person: Person,
    delegation: Delegation | None = None,
) -> MandatedRepresentative:
    """Record that ``region`` mandates ``person`` (of ``delegation``, if given) to speak for it
    at the interregional ``meeting``, within the meeting's number per region. Side effects: the
    mandate, one audit entry."""
    checks.require_secretariat(user, meeting.conference, "records mandated representatives")
    if meeting.kind != MeetingKind.IPM:
        raise DomainError(
            gettext(
                "Regions mandate representatives to interregional meetings; %(code)s is "
                "a %(lower)s."
            )
            % {"code": meeting.code, "lower": MeetingKind(meeting.kind).label.lower()},
            field="meeting",
        )
    region_obj = checks.region(region)
    if region_obj is None:
        raise DomainError(
            gettext("Choose the region that mandates the representative."), field="region"
        )
    if delegation is not None:
        _check_delegation(meeting, region_obj, person, delegation)
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        mandates = MandatedRepresentative.objects.filter(meeting=locked)
        if mandates.filter(person=person).exists():
            raise DomainError(
                gettext("%(person)s is already mandated to %(code)s.")
                % {"person": person, "code": meeting.code},
                field="person",
            )
        taken = mandates.filter(region=region_obj).count()
        if taken >= locked.representatives_per_region:
            raise DomainError(
                gettext(
                    "%(name)s has already mandated %(taken)s representatives to "
                    "%(code)s, the most each region may send; withdraw one first or raise "
                    "the number per region."
                )
                % {"name": region_obj.name, "taken": taken, "code": meeting.code},
                field="region",
            )
        representative = MandatedRepresentative.objects.create(
            meeting=locked, region=region_obj, person=person, delegation=delegation
        )
        record(
            actor=user,
            action="meeting.representative_mandated",
            target=representative,
            conference=meeting.conference,
            changes={
                "meeting": [None, meeting.code],
                "region": [None, region_obj.code],
                "person": [None, str(person)],
                "delegation": [None, str(delegation.organization) if delegation else None],
            },
        )
    return representative


def withdraw_representative(*, user: Any, representative: MandatedRepresentative) -> None:
    """Withdraw a mandate (secretariat only), freeing the region's slot. Audited."""
    meeting = representative.meeting
    checks.require_secretariat(user, meeting.conference, "withdraws mandated representatives")
    with transaction.atomic():
        record(
            actor=user,
            action="meeting.representative_withdrawn",
            target=representative,
            conference=meeting.conference,
            changes={
                "meeting": [meeting.code, None],
                "region": [representative.region.code, None],
                "person": [str(representative.person), None],
            },
        )
        representative.delete()
