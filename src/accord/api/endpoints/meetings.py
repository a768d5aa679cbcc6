"""Meetings of a conference: list and read them with their agenda and documents (as public as
the conference; contributions to a meeting for participants only); schedule, change and remove
them, and set an agenda (token needed: the secretariat, and a meeting's chair for its agenda);
read the coordinators matrix (participants). Regions are named by code (AFR, AMS, ARB, ASP,
CIS, EUR), people and meetings by id."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Field, Query, Router, Schema, Status
from pydantic import ConfigDict

from accord.api.auth import BearerToken, reader
from accord.api.lookups import visible_conference
from accord.api.schemas import Error
from accord.conferences.models import Conference, Person
from accord.core.errors import DomainError
from accord.meetings import domain, queries
from accord.meetings.enums import DocumentKind, MeetingKind
from accord.meetings.interfaces.meeting_json import meeting_as_dict, with_details
from accord.meetings.models import Meeting

router = Router(tags=["meetings"])

MEETINGS = "/conferences/{slug}/meetings"
MEETING = MEETINGS + "/{meeting_id}"
READ_ERRORS: dict[int, Any] = {401: Error, 404: Error}
WRITE_ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error}


class AgendaItemOut(Schema):
    number: str
    title: str
    links: list[str] = Field(description="Identifiers of the plan's priorities and items.")


class DocumentOut(Schema):
    id: int
    symbol: str
    title: str
    kind: DocumentKind
    file_name: str | None = Field(description="The uploaded file's name; null without a file.")
    size: int
    contribution: int | None = Field(description="The negotiation contribution it carries.")


class MeetingOut(Schema):
    id: int
    kind: MeetingKind
    code: str
    title: str
    region: str | None = Field(description="The region's code; null for interregional meetings.")
    starts_on: dt.date
    ends_on: dt.date
    timezone: str
    city: str
    country: str
    online: bool
    online_url: str
    chair: str | None
    back_to_back_with: int | None = Field(description="The id of the partner meeting.")
    contribution_deadline: dt.date
    contribution_days_before: int
    representatives_per_region: int
    agenda: list[AgendaItemOut]
    documents: list[DocumentOut]


class MeetingIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: MeetingKind
    code: str = Field(max_length=30)
    title: str = Field(max_length=200)
    region: str | None = Field(default=None, description="A region's code; for an RPM.")
    starts_on: dt.date
    ends_on: dt.date
    timezone: str = "UTC"
    city: str = ""
    country: str = ""
    online: bool = False
    online_url: str = ""
    chair: int | None = Field(default=None, description="The id of the person chairing.")
    back_to_back_with: int | None = Field(default=None, description="Another meeting's id.")
    contribution_days_before: int = Field(default=14, ge=0, le=365)
    representatives_per_region: int = Field(default=2, ge=1, le=20)


class MeetingPatch(Schema):
    """Only the fields sent change."""

    model_config = ConfigDict(extra="forbid")

    kind: MeetingKind | None = None
    code: str | None = Field(default=None, max_length=30)
    title: str | None = Field(default=None, max_length=200)
    region: str | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    timezone: str | None = None
    city: str | None = None
    country: str | None = None
    online: bool | None = None
    online_url: str | None = None
    chair: int | None = None
    back_to_back_with: int | None = None
    contribution_days_before: int | None = Field(default=None, ge=0, le=365)
    representatives_per_region: int | None = Field(default=None, ge=1, le=20)


class AgendaEntryIn(Schema):
    model_config = ConfigDict(extra="forbid")

    number: str = Field(max_length=20)
    title: str = Field(max_length=300)
    links: list[str] = Field(default_factory=list, description="e.g. ['D.1', 'D.1-a']")


class AgendaIn(Schema):
    model_config = ConfigDict(extra="forbid")

    items: list[AgendaEntryIn]


class MeetingFilters(Schema):
    kind: MeetingKind | None = None
    region: str | None = Field(default=None, description="A region's code, or 'none'.")


class ColumnOut(Schema):
    key: str = Field(description="A topic, or 'priority:<identifier>'.")
    label: str
    title: str


class MatrixRowOut(Schema):
    region: str
    cells: dict[str, list[str]] = Field(description="Column key → coordinators' names.")
    gaps: int


class MatrixOut(Schema):
    columns: list[ColumnOut]
    rows: list[MatrixRowOut]
    gaps: int = Field(description="Cells no one coordinates.")


def _one(user: Any, conference: Conference, meeting_id: int) -> dict[str, Any]:
    queries.find_meeting(user, conference, meeting_id)  # NotFound when not visible
    rows = with_details(user, conference, queries.meetings_of(user, conference))
    return meeting_as_dict(rows.get(pk=meeting_id))


def _references(conference: Conference, values: dict[str, Any]) -> dict[str, Any]:
    """Turn the ids of the chair and the partner meeting into objects."""
    if values.get("chair") is not None:
        person = Person.objects.filter(pk=values["chair"]).first()
        if person is None:
            raise DomainError(
                gettext("There is no person %(value)s.") % {"value": values["chair"]}, field="chair"
            )
        values["chair"] = person
    if values.get("back_to_back_with") is not None:
        partner = Meeting.objects.filter(
            conference=conference, pk=values["back_to_back_with"]
        ).first()
        if partner is None:
            raise DomainError(
                gettext("%(conference)s has no meeting %(value)s.")
                % {"conference": conference, "value": values["back_to_back_with"]},
                field="back_to_back_with",
            )
        values["back_to_back_with"] = partner
    if "kind" in values and values["kind"] is not None:
        values["kind"] = MeetingKind(values["kind"]).value
    return values


@router.get(MEETINGS, response={200: list[MeetingOut]} | READ_ERRORS, operation_id="list_meetings")
def list_meetings(request: HttpRequest, slug: str, filters: Query[MeetingFilters]) -> Any:
    """The conference's meetings in date order, with their agenda and documents."""
    user = reader(request)
    conference = visible_conference(user, slug)
    region = (filters.region or "").strip()
    rows = queries.meetings_of(
        user,
        conference,
        kind=filters.kind.value if filters.kind else None,
        region=("none" if region.lower() == "none" else region.upper()) or None,
    )
    return [meeting_as_dict(m) for m in with_details(user, conference, rows)]


@router.get(MEETING, response={200: MeetingOut} | READ_ERRORS, operation_id="get_meeting")
def get_meeting(request: HttpRequest, slug: str, meeting_id: int) -> Any:
    user = reader(request)
    return _one(user, visible_conference(user, slug), meeting_id)


@router.post(
    MEETINGS,
    auth=BearerToken(),
    response={201: MeetingOut} | WRITE_ERRORS,
    operation_id="create_meeting",
)
def create_meeting(request: HttpRequest, slug: str, payload: MeetingIn) -> Any:
    """Schedule a meeting (secretariat)."""
    user = request.auth
    conference = visible_conference(user, slug)
    values = _references(conference, payload.model_dump())
    created = domain.create_meeting(user=user, conference=conference, **values)
    return Status(201, _one(user, conference, created.pk))


@router.patch(
    MEETING,
    auth=BearerToken(),
    response={200: MeetingOut} | WRITE_ERRORS,
    operation_id="update_meeting",
)
def update_meeting(request: HttpRequest, slug: str, meeting_id: int, payload: MeetingPatch) -> Any:
    """Change the fields sent (secretariat); the meeting is checked again as a whole."""
    user = request.auth
    conference = visible_conference(user, slug)
    meeting = queries.find_meeting(user, conference, meeting_id)
    values = _references(conference, payload.model_dump(exclude_unset=True))
    domain.update_meeting(user=user, meeting=meeting, **values)
    return _one(user, conference, meeting_id)


@router.delete(
    MEETING,
    auth=BearerToken(),
    response={204: None} | WRITE_ERRORS,
    operation_id="delete_meeting",
)
def delete_meeting(request: HttpRequest, slug: str, meeting_id: int) -> Any:
    """Remove a meeting with its agenda, documents and mandates (secretariat)."""
    user = request.auth
    meeting = queries.find_meeting(user, visible_conference(user, slug), meeting_id)
    domain.delete_meeting(user=user, meeting=meeting)
    return Status(204, None)


@router.put(
    MEETING + "/agenda",
    auth=BearerToken(),
    response={200: MeetingOut} | WRITE_ERRORS,
    operation_id="set_agenda",
)
def set_agenda(request: HttpRequest, slug: str, meeting_id: int, payload: AgendaIn) -> Any:
    """Replace the agenda (secretariat, or the meeting's chair); links are identifiers in the
    newest version of the plan."""
    user = request.auth
    conference = visible_conference(user, slug)
    meeting = queries.find_meeting(user, conference, meeting_id)
    domain.set_agenda(
        user=user,
        meeting=meeting,
        entries=[
            domain.AgendaEntry(number=e.number, title=e.title, links=tuple(e.links))
            for e in payload.items
        ],
    )
    return _one(user, conference, meeting_id)


@router.get(
    "/conferences/{slug}/coordinators",
    response={200: MatrixOut, 403: Error} | READ_ERRORS,
    operation_id="get_coordinators",
)
def get_coordinators(request: HttpRequest, slug: str) -> Any:
    """Regions × topics: who coordinates each cell, and how many cells no one does
    (participants only)."""
    user = reader(request)
    matrix = queries.coordinator_matrix(user, visible_conference(user, slug))
    cells = matrix.as_dict()
    return {
        "columns": [{"key": c.key, "label": c.label, "title": c.title} for c in matrix.columns],
        "rows": [
            {"region": row.region.code, "cells": cells[row.region.code], "gaps": row.gaps}
            for row in matrix.rows
        ],
        "gaps": matrix.gaps,
    }
