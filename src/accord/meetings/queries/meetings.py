"""Reads of meetings, each respecting ``accord.meetings.rules`` and each in a fixed number of
queries, however many meetings, agenda items or documents there are."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext

from accord import rules
from accord.conferences.models import Conference
from accord.core.errors import NotFound
from accord.meetings import rules as meeting_rules
from accord.meetings.enums import DocumentKind, MeetingKind
from accord.meetings.models import (
    AgendaItem,
    Coordinator,
    MandatedRepresentative,
    Meeting,
    MeetingDocument,
)
from accord.plans.models import PlanItem, PlanVersion, Priority
from accord.reference.models import Region


def _require_visible(user: Any, conference: Conference) -> None:
    if not meeting_rules.can_view_meetings(user, conference):
        raise NotFound(
            gettext("There is no conference '%(slug)s' that you may see.")
            % {"slug": conference.slug},
            field="slug",
        )


def documents_filter(user: Any, conference: Conference, prefix: str = "") -> Q:
    """Contributions are for participants; agendas, reports and information documents for all
    who see the meeting."""
    if meeting_rules.can_view_participants_only(user, conference):
        return Q()
    return ~Q(**{f"{prefix}kind": DocumentKind.CONTRIBUTION})


def meetings_of(
    user: Any, conference: Conference, *, kind: str | None = None, region: str | None = None
) -> QuerySet[Meeting]:
    """The conference's meetings in date order, with region, chair, partner and the number of
    documents the user may see; ``kind`` and ``region`` (a code, or ``"none"`` for meetings of
    no single region) filter them. NotFound if the user may not see the conference."""
    _require_visible(user, conference)
    meetings = (
        Meeting.objects.filter(conference=conference)
        .select_related("region", "chair", "back_to_back_with")
        .annotate(
            n_documents=Count("documents", filter=documents_filter(user, conference, "documents__"))
        )
        .order_by("starts_on", "ends_on", "code", "id")
    )
    if kind:
        meetings = meetings.filter(kind=kind)
    if region == "none":
        meetings = meetings.filter(region__isnull=True)
    elif region:
        meetings = meetings.filter(region__code=region)
    return meetings


def find_meeting(user: Any, conference: Conference, meeting_id: int) -> Meeting:
    """The conference's meeting ``meeting_id``; NotFound if there is none the user may see."""
    _require_visible(user, conference)
    meeting = (
        Meeting.objects.select_related("conference", "region", "chair", "back_to_back_with")
        .filter(conference=conference, pk=meeting_id)
        .first()
    )
    if meeting is None:
        raise NotFound(
            gettext("%(conference)s has no meeting %(meeting_id)s.")
            % {"conference": conference, "meeting_id": meeting_id},
            field="meeting",
        )
    return meeting


@dataclass(frozen=True)
class PlanLink:
    """An agenda item's link to the plan: the identifier, and the page to open when the
    viewer may read a version that has it."""

    code: str
    title: str
    kind: str  # "priority" or "item"
    version: int | None


@dataclass
class AgendaLine:
    item: AgendaItem
    links: list[PlanLink] = field(default_factory=list)


@dataclass
class RegionSlots:
    """The representatives a region mandated to an IPM, and how many places it leaves open."""

    region: Region
    representatives: list[MandatedRepresentative]
    allowed: int

    @property
    def missing(self) -> int:
        return max(0, self.allowed - len(self.representatives))

    @property
    def open_slots(self) -> range:
        return range(self.missing)


@dataclass
class MeetingPage:
    meeting: Meeting
    agenda: list[AgendaLine]
    documents: list[MeetingDocument]
    partners: list[Meeting]
    slots: list[RegionSlots] | None  # None: not an IPM, or not shown to this user
    link_version: int | None

    @property
    def missing_representatives(self) -> int:
        return sum(s.missing for s in self.slots or [])


def _link_version(user: Any, conference: Conference) -> PlanVersion | None:
    """The newest plan version the user may read, which agenda links open."""
    states = rules.visible_version_states(user, conference)
    return (
        PlanVersion.objects.filter(plan__conference=conference, state__in=states)
        .order_by("-number")
        .first()
    )


def _if(condition: bool, number: int | None) -> int | None:
    return number if condition else None


def _agenda(meeting: Meeting, version: PlanVersion | None) -> list[AgendaLine]:
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .prefetch_related(
            Prefetch("priorities", queryset=Priority.objects.order_by("order", "id")),
            Prefetch("plan_items", queryset=PlanItem.objects.order_by("priority__order", "order")),
        )
        .order_by("order", "id")
    )
    codes = {p.code for i in items for p in i.priorities.all()} | {
        p.code for i in items for p in i.plan_items.all()
    }
    in_version: set[tuple[str, str]] = set()
    if version is not None and codes:
        in_version |= {
            ("priority", c)
            for c in version.priorities.filter(code__in=codes).values_list("code", flat=True)
        }
        in_version |= {
            ("item", c) for c in version.items.filter(code__in=codes).values_list("code", flat=True)
        }
    number = version.number if version is not None else None
    lines = []
    for item in items:
        links = [
            PlanLink(p.code, p.title, "priority", _if(("priority", p.code) in in_version, number))
            for p in item.priorities.all()
        ] + [
            PlanLink(i.code, i.text, "item", _if(("item", i.code) in in_version, number))
            for i in item.plan_items.all()
        ]
        lines.append(AgendaLine(item=item, links=links))
    return lines


def representative_slots(meeting: Meeting) -> list[RegionSlots]:
    """Every region with the representatives it mandated to the meeting and its open places."""
    by_region: dict[int, list[MandatedRepresentative]] = {}
    for rep in (
        MandatedRepresentative.objects.filter(meeting=meeting)
        .select_related("person", "delegation__organization", "region")
        .order_by("person__name", "id")
    ):
        by_region.setdefault(rep.region_id, []).append(rep)
    return [
        RegionSlots(region, by_region.get(region.pk, []), meeting.representatives_per_region)
        for region in Region.objects.order_by("name")
    ]


def meeting_page(user: Any, meeting: Meeting) -> MeetingPage:
    """All the meeting page shows: agenda with plan links, the documents the user may see,
    back-to-back partners (either way) and, for an IPM seen by a participant, its
    representatives per region."""
    conference = meeting.conference
    _require_visible(user, conference)
    version = _link_version(user, conference)
    documents = list(
        meeting.documents.filter(documents_filter(user, conference))
        .select_related("contribution__version", "submission")
        .order_by("uploaded_at", "id")
    )
    partners = list(
        Meeting.objects.filter(Q(pk=meeting.back_to_back_with_id) | Q(back_to_back_with=meeting))
        .exclude(pk=meeting.pk)
        .select_related("region")
        .order_by("starts_on", "id")
    )
    slots = None
    if meeting.kind == MeetingKind.IPM and meeting_rules.can_view_participants_only(
        user, conference
    ):
        slots = representative_slots(meeting)
    return MeetingPage(
        meeting=meeting,
        agenda=_agenda(meeting, version),
        documents=documents,
        partners=partners,
        slots=slots,
        link_version=version.number if version else None,
    )


def visible_document(user: Any, meeting: Meeting, document_id: int) -> MeetingDocument:
    """A document of the meeting the user may open; NotFound otherwise."""
    conference = meeting.conference
    _require_visible(user, conference)
    document = (
        meeting.documents.filter(documents_filter(user, conference), pk=document_id)
        .select_related("meeting")
        .first()
    )
    if document is None:
        raise NotFound(
            gettext("%(code)s has no document %(document_id)s you may open.")
            % {"code": meeting.code, "document_id": document_id},
            field="document",
        )
    return document


def find_representative(meeting: Meeting, representative_id: int) -> MandatedRepresentative:
    """A mandate at the meeting; NotFound otherwise (the caller has checked the meeting)."""
    found = (
        MandatedRepresentative.objects.select_related("meeting__conference", "region", "person")
        .filter(meeting=meeting, pk=representative_id)
        .first()
    )
    if found is None:
        raise NotFound(
            gettext("%(code)s has no representative %(representative_id)s.")
            % {"code": meeting.code, "representative_id": representative_id},
            field="person",
        )
    return found


def find_coordinator(conference: Conference, coordinator_id: int) -> Coordinator:
    """A coordinator of the conference; NotFound otherwise."""
    found = (
        Coordinator.objects.select_related("conference", "region", "person")
        .filter(conference=conference, pk=coordinator_id)
        .first()
    )
    if found is None:
        raise NotFound(
            gettext("%(conference)s has no coordinator %(coordinator_id)s.")
            % {"conference": conference, "coordinator_id": coordinator_id},
            field="person",
        )
    return found
