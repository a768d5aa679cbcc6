"""Invitations and registration: target lists with pipeline counts (the secretariat and list
owners), the registration queue and decisions (the secretariat; decisions need a token)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema
from pydantic import ConfigDict

from accord.api.auth import BearerToken, reader
from accord.api.lookups import visible_conference
from accord.api.schemas import Error
from accord.core.errors import NotAllowed, NotFound
from accord.engagement import rules
from accord.engagement.domain import registration as registration_domain
from accord.engagement.models import Registration
from accord.engagement.queries.pipeline import overview
from accord.engagement.queries.registrations import registration_queue

router = Router(tags=["invitations"])

CONFERENCE = "/conferences/{slug}"
READ_ERRORS: dict[int, Any] = {401: Error, 403: Error, 404: Error}
WRITE_ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error}


class TargetListOut(Schema):
    id: int
    name: str
    owner: str | None
    counts: dict[str, int] = Field(description="Invitees per pipeline state.")
    total: int
    overdue: int = Field(description="Invitees past the deadline of a step not reached.")


class DeadlineOut(Schema):
    step: str
    due: dt.date


class TargetListsOut(Schema):
    deadlines: list[DeadlineOut]
    lists: list[TargetListOut]


class RegistrationOut(Schema):
    id: int
    name: str
    email: str
    organization: str
    constituent_group: str | None
    state: str
    attended: bool
    submitted_at: dt.datetime
    has_credentials: bool


class DecisionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    decision: Literal["approve", "reject"]
    reason: str = Field("", max_length=2000, description="Required to reject.")


def _registration(r: Registration) -> dict[str, Any]:
    return {
        "id": r.pk,
        "name": r.name,
        "email": r.email,
        "organization": r.organization_name,
        "constituent_group": r.constituent_group.code if r.constituent_group else None,
        "state": r.state,
        "attended": r.attended,
        "submitted_at": r.submitted_at,
        "has_credentials": bool(r.credentials),
    }


@router.get(
    CONFERENCE + "/target-lists",
    response={200: TargetListsOut} | READ_ERRORS,
    operation_id="list_target_lists",
)
def list_target_lists(request: HttpRequest, slug: str) -> Any:
    """The lists you may see, with invitees per step and how many are overdue."""
    user = reader(request)
    conference = visible_conference(user, slug)
    if not rules.can_view_engagement(user, conference):
        raise NotAllowed("Invitations are the secretariat's and list owners' business.")
    data = overview(user, conference)
    return {
        "deadlines": [{"step": d.step, "due": d.due} for d in data.schedule],
        "lists": [
            {
                "id": s.target_list.pk,
                "name": s.target_list.name,
                "owner": s.target_list.owner.get_username() if s.target_list.owner else None,
                "counts": s.counts,
                "total": s.total,
                "overdue": s.overdue,
            }
            for s in data.lists
        ],
    }


@router.get(
    CONFERENCE + "/registrations",
    response={200: list[RegistrationOut]} | READ_ERRORS,
    operation_id="list_registrations",
)
def list_registrations(request: HttpRequest, slug: str, state: str = "") -> Any:
    """Registrations, newest first (the secretariat)."""
    user = reader(request)
    conference = visible_conference(user, slug)
    if not rules.can_decide_registrations(user, conference):
        raise NotAllowed("Only the secretariat sees registrations.")
    return [_registration(r) for r in registration_queue(conference, state)]


@router.post(
    CONFERENCE + "/registrations/{registration_id}/decision",
    auth=BearerToken(),
    response={200: RegistrationOut} | WRITE_ERRORS,
    operation_id="decide_registration",
)
def decide_registration(
    request: HttpRequest, slug: str, registration_id: int, payload: DecisionIn
) -> Any:
    """Approve or reject a pending registration; the registrant is e-mailed."""
    user = request.auth  # type: ignore[attr-defined]  # set by BearerToken
    conference = visible_conference(user, slug)
    registration = Registration.objects.filter(pk=registration_id, conference=conference).first()
    if registration is None:
        raise NotFound("No such registration.")
    registration_domain.decide(
        user=user,
        registration=registration,
        approve=payload.decision == "approve",
        reason=payload.reason,
    )
    return _registration(registration)
