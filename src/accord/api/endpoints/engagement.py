"""Invitations and registration: target lists with pipeline counts and their invitees (the
secretariat and list owners; an invitee's owner sees only their own), editing and deleting
lists (secretariat) and invitees (whoever manages them), the registration queue and decisions
(the secretariat). Writes need a token. Reference data is named by code: countries by ISO
alpha-3 (KEN), regions (AFR), constituent groups (private_sector), membership categories
(sector_member); owners by username."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.contrib.auth import get_user_model
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from accord.api.auth import BearerToken, reader
from accord.api.lookups import visible_conference
from accord.api.schemas import Error
from accord.conferences.models import Conference
from accord.core.errors import DomainError, NotAllowed, NotFound
from accord.engagement import rules
from accord.engagement.domain import editing
from accord.engagement.domain import registration as registration_domain
from accord.engagement.enums import Gender
from accord.engagement.interfaces.pipeline_json import list_summary_as_dict
from accord.engagement.models import Registration
from accord.engagement.queries.pipeline import (
    InviteeRow,
    find_invitee,
    find_target_list,
    invitee_rows,
    overview,
)
from accord.engagement.queries.registrations import registration_queue
from accord.reference.models import ConstituentGroup, Country, MembershipCategory, Region

router = Router(tags=["invitations"])

CONFERENCE = "/conferences/{slug}"
TARGET_LIST = CONFERENCE + "/target-lists/{list_id}"
INVITEE = CONFERENCE + "/invitees/{invitee_id}"
READ_ERRORS: dict[int, Any] = {401: Error, 403: Error, 404: Error}
WRITE_ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error}


class TargetListOut(Schema):
    id: int
    name: str
    owner: str | None
    counts: dict[str, int] = Field(description="Invitees per pipeline state.")
    total: int
    overdue: int = Field(description="Invitees past the deadline of a step not reached.")


class TargetListPatch(Schema):
    """Only the fields sent change; null clears the group or the owner."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=200)
    constituent_group: str | None = Field(default=None, description="A constituent group's code.")
    owner: str | None = Field(default=None, description="The owner's username.")


class InviteeOut(Schema):
    id: int
    target_list: int = Field(description="The target list's id.")
    name: str
    email: str
    organization: str
    country: str | None = Field(description="ISO alpha-3 code.")
    region: str | None
    constituent_group: str | None
    membership_category: str | None
    gender: Gender
    star: bool
    owner: str | None
    notes: str
    state: str
    overdue: list[str] = Field(description="Steps whose deadline passed before they reached it.")


class InviteePatch(Schema):
    """Only the fields sent change. A null group or owner means the list's, a null region the
    country's; a new country brings its region when the region was the old country's."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, max_length=200)
    email: str | None = Field(default=None, max_length=254)
    organization: str | None = Field(default=None, max_length=200)
    country: str | None = None
    region: str | None = None
    constituent_group: str | None = None
    membership_category: str | None = None
    gender: Gender | None = None
    star: bool | None = None
    owner: str | None = None
    notes: str | None = None


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


def _invitee_out(row: InviteeRow) -> dict[str, Any]:
    i = row.invitee
    return {
        "id": i.pk,
        "target_list": i.target_list_id,
        "name": i.name,
        "email": i.email,
        "organization": i.organization_name,
        "country": i.country.iso3 if i.country else None,
        "region": i.region.code if i.region else None,
        "constituent_group": i.constituent_group.code if i.constituent_group else None,
        "membership_category": i.membership_category.code if i.membership_category else None,
        "gender": i.gender,
        "star": i.star,
        "owner": i.owner.get_username() if i.owner else None,
        "notes": i.notes,
        "state": i.state,
        "overdue": row.overdue,
    }


def _one_list(user: Any, conference: Conference, list_id: int) -> dict[str, Any]:
    summaries = [s for s in overview(user, conference).lists if s.target_list.pk == list_id]
    return list_summary_as_dict(summaries[0])


def _one_invitee(user: Any, conference: Conference, invitee_id: int) -> dict[str, Any]:
    invitee = find_invitee(user, conference, invitee_id)
    rows = invitee_rows(invitee.target_list, user=user)
    return _invitee_out(next(row for row in rows if row.invitee.pk == invitee_id))


def _by_code(model: type[models.Model], field: str, value: str | None, key: str) -> Any:
    """The reference row named by ``value`` (None stays None), or a 400 naming the field."""
    if value is None:
        return None
    found = model._default_manager.filter(**{f"{key}__iexact": value.strip()}).first()
    if found is None:
        raise DomainError(
            gettext("Unknown %(replace)s '%(value)s'.")
            % {"replace": field.replace("_", " "), "value": value},
            field=field,
        )
    return found


REFERENCES: dict[str, tuple[type[models.Model], str]] = {
    "country": (Country, "iso3"),
    "region": (Region, "code"),
    "constituent_group": (ConstituentGroup, "code"),
    "membership_category": (MembershipCategory, "code"),
}


def _references(values: dict[str, Any]) -> dict[str, Any]:
    """The codes and usernames of a patch turned into the rows they name."""
    for field, (model, key) in REFERENCES.items():
        if field in values:
            values[field] = _by_code(model, field, values[field], key)
    if "owner" in values:
        values["owner"] = _by_code(get_user_model(), "owner", values["owner"], "username")
    if "organization" in values:
        values["organization_name"] = values.pop("organization") or ""
    return values


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
        raise NotAllowed(gettext("Invitations are the secretariat's and list owners' business."))
    data = overview(user, conference)
    return {
        "deadlines": [{"step": d.step, "due": d.due} for d in data.schedule],
        "lists": [list_summary_as_dict(s) for s in data.lists],
    }


@router.get(
    TARGET_LIST + "/invitees",
    response={200: list[InviteeOut]} | READ_ERRORS,
    operation_id="list_invitees",
)
def list_invitees(request: HttpRequest, slug: str, list_id: int) -> Any:
    """The list's invitees by name: all of them for those who manage the list, else only
    those you own."""
    user = reader(request)
    target_list = find_target_list(user, visible_conference(user, slug), list_id)
    return [_invitee_out(row) for row in invitee_rows(target_list, user=user)]


@router.patch(
    TARGET_LIST,
    auth=BearerToken(),
    response={200: TargetListOut} | WRITE_ERRORS,
    operation_id="update_target_list",
)
def update_target_list(
    request: HttpRequest, slug: str, list_id: int, payload: TargetListPatch
) -> Any:
    """Rename a list, change its constituent group or owner (secretariat)."""
    user = request.auth  # type: ignore[attr-defined]  # set by BearerToken
    conference = visible_conference(user, slug)
    target_list = find_target_list(user, conference, list_id)
    values = _references(payload.model_dump(exclude_unset=True))
    editing.update_target_list(user=user, target_list=target_list, **values)
    return _one_list(user, conference, list_id)


@router.delete(
    TARGET_LIST,
    auth=BearerToken(),
    response={204: None} | WRITE_ERRORS,
    operation_id="delete_target_list",
)
def delete_target_list(request: HttpRequest, slug: str, list_id: int) -> Any:
    """Delete a list whose invitees were never invited, with them (secretariat); refused
    (400) while anyone on it was invited or registered."""
    user = request.auth  # type: ignore[attr-defined]  # set by BearerToken
    target_list = find_target_list(user, visible_conference(user, slug), list_id)
    editing.delete_target_list(user=user, target_list=target_list)
    return Status(204, None)


@router.patch(
    INVITEE,
    auth=BearerToken(),
    response={200: InviteeOut} | WRITE_ERRORS,
    operation_id="update_invitee",
)
def update_invitee(request: HttpRequest, slug: str, invitee_id: int, payload: InviteePatch) -> Any:
    """Change an invitee's details or star (whoever manages them; another owner: those who
    manage the list)."""
    user = request.auth  # type: ignore[attr-defined]  # set by BearerToken
    conference = visible_conference(user, slug)
    invitee = find_invitee(user, conference, invitee_id)
    values = _references(payload.model_dump(exclude_unset=True))
    editing.update_invitee(user=user, invitee=invitee, **values)
    return _one_invitee(user, conference, invitee_id)


@router.delete(
    INVITEE,
    auth=BearerToken(),
    response={204: None} | WRITE_ERRORS,
    operation_id="remove_invitee",
)
def remove_invitee(request: HttpRequest, slug: str, invitee_id: int) -> Any:
    """Take someone never invited off their list (the list's owner, the secretariat);
    refused (400) for anyone invited: mark them declined instead."""
    user = request.auth  # type: ignore[attr-defined]  # set by BearerToken
    invitee = find_invitee(user, visible_conference(user, slug), invitee_id)
    editing.remove_invitee(user=user, invitee=invitee)
    return Status(204, None)


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
        raise NotAllowed(gettext("Only the secretariat sees registrations."))
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
        raise NotFound(gettext("No such registration."))
    registration_domain.decide(
        user=user,
        registration=registration,
        approve=payload.decision == "approve",
        reason=payload.reason,
    )
    return _registration(registration)
