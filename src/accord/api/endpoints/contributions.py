"""Contributions to a plan version: list and read what you may see; write a draft, add its
amendments, submit or withdraw it (token needed); decide on amendments and merge the accepted
ones into a new version (secretariat or chair). Delegations are named by their organization's
name or short name, items and priorities by their identifiers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from accord.api.auth import BearerToken, reader
from accord.api.lookups import visible_conference
from accord.api.schemas import Error
from accord.core.errors import DomainError
from accord.engines.diff import Op
from accord.negotiation import domain
from accord.negotiation.enums import AmendmentKind, ContributionState, Decision
from accord.negotiation.models import Amendment, Contribution
from accord.negotiation.queries import contributions_of, find_amendment, find_contribution
from accord.negotiation.queries.contributions import (
    delegation_named,
    item_in,
    load_amendments,
    priority_in,
    redline,
)
from accord.plans.enums import ItemKind, VersionState
from accord.plans.queries import current_version
from accord.reference.models import RegionalOrganization

router = Router(tags=["contributions"])

VERSION = "/conferences/{slug}/versions/{number}"
CONTRIBUTION = "/conferences/{slug}/contributions/{contribution_id}"
READ_ERRORS: dict[int, Any] = {401: Error, 404: Error}
WRITE_ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error}


class OpOut(Schema):
    kind: str = Field(description="equal, insert or delete")
    text: str


class AmendmentOut(Schema):
    id: int
    kind: AmendmentKind
    item: str = Field(description="The identifier of the item changed, or of the new item.")
    item_kind: str
    priority: str | None = Field(description="Where a moved or new item goes.")
    base_text: str = Field(description="The item's text the amendment was written against.")
    base_revision: int | None
    text: str
    note: str
    decision: Decision
    decision_note: str
    merged_into: int | None = Field(description="The version it was merged into, if any.")
    ops: list[OpOut] = Field(description="The change as a word-level redline.")


class ContributionOut(Schema):
    id: int
    version: int
    reference: str
    title: str
    summary: str
    delegation: str
    cosponsors: list[str]
    on_behalf_of: str | None = Field(description="The RTO's code, for a common proposal.")
    state: ContributionState
    created_at: dt.datetime
    submitted_at: dt.datetime | None
    amendments: list[AmendmentOut]


class ContributionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    delegation: str = Field(description="The submitting delegation's organization name.")
    title: str = Field(max_length=300)
    reference: str = Field(default="", max_length=60)
    summary: str = ""
    cosponsors: list[str] = Field(default_factory=list)
    on_behalf_of: str | None = Field(default=None, description="An RTO's code, e.g. ATU.")


class AmendmentIn(Schema):
    model_config = ConfigDict(extra="forbid")

    kind: AmendmentKind
    item: str | None = Field(default=None, description="For modify, delete, move: its id.")
    text: str = Field(default="", description="For modify and add: the proposed text.")
    priority: str | None = Field(default=None, description="For move and add: where it goes.")
    item_code: str = Field(default="", max_length=20, description="For add: the new id.")
    item_kind: ItemKind | None = Field(default=None, description="For add.")
    note: str = ""


class DecisionIn(Schema):
    model_config = ConfigDict(extra="forbid")

    decision: Decision
    note: str = ""


class MergeIn(Schema):
    model_config = ConfigDict(extra="forbid")

    label: str = Field(default="", max_length=200)


class MergeOut(Schema):
    number: int
    label: str
    state: VersionState
    based_on: int
    amendments: list[int] = Field(description="The amendments applied.")


def ops_as_dicts(ops: list[Op] | tuple[Op, ...]) -> list[dict[str, str]]:
    return [{"kind": op.kind, "text": op.text} for op in ops]


def amendment_as_dict(amendment: Amendment, ops: list[Op] | None = None) -> dict[str, Any]:
    return {
        "id": amendment.pk,
        "kind": amendment.kind,
        "item": amendment.item_code,
        "item_kind": amendment.item_kind,
        "priority": amendment.priority.code if amendment.priority else None,
        "base_text": amendment.base_text,
        "base_revision": amendment.base_revision,
        "text": amendment.text,
        "note": amendment.note,
        "decision": amendment.decision,
        "decision_note": amendment.decision_note,
        "merged_into": amendment.merged_into.number if amendment.merged_into else None,
        "ops": ops_as_dicts(redline(amendment) if ops is None else ops),
    }


def contribution_as_dict(contribution: Contribution) -> dict[str, Any]:
    """The contribution with its amendments (``load_amendments`` has run)."""
    amendments = contribution.amendment_list  # type: ignore[attr-defined]
    return {
        "id": contribution.pk,
        "version": contribution.version.number,
        "reference": contribution.reference,
        "title": contribution.title,
        "summary": contribution.summary,
        "delegation": contribution.delegation.organization.name,
        "cosponsors": [d.organization.name for d in contribution.cosponsors.all()],
        "on_behalf_of": contribution.on_behalf_of.code if contribution.on_behalf_of else None,
        "state": contribution.state,
        "created_at": contribution.created_at,
        "submitted_at": contribution.submitted_at,
        "amendments": [amendment_as_dict(a, a.ops) for a in amendments],
    }


def _contribution(user: Any, slug: str, contribution_id: int) -> Contribution:
    return find_contribution(user, visible_conference(user, slug), contribution_id)


@router.get(
    VERSION + "/contributions",
    response={200: list[ContributionOut]} | READ_ERRORS,
    operation_id="list_contributions",
)
def list_contributions(request: HttpRequest, slug: str, number: int) -> Any:
    """The contributions to a version you may see: submitted ones, and drafts of your own or
    co-sponsoring delegation."""
    user = reader(request)
    version = current_version(user, visible_conference(user, slug), number)
    rows = contributions_of(user, version)
    load_amendments(rows)
    return [contribution_as_dict(row) for row in rows]


@router.get(
    CONTRIBUTION, response={200: ContributionOut} | READ_ERRORS, operation_id="get_contribution"
)
def get_contribution(request: HttpRequest, slug: str, contribution_id: int) -> Any:
    return contribution_as_dict(_contribution(reader(request), slug, contribution_id))


@router.post(
    VERSION + "/contributions",
    auth=BearerToken(),
    response={201: ContributionOut} | WRITE_ERRORS,
    operation_id="create_contribution",
)
def create_contribution(
    request: HttpRequest, slug: str, number: int, payload: ContributionIn
) -> Any:
    """Start a draft for your delegation (chairs and the secretariat: for any)."""
    user = request.auth
    conference = visible_conference(user, slug)
    version = current_version(user, conference, number)
    rto = None
    if payload.on_behalf_of:
        rto = RegionalOrganization.objects.filter(code__iexact=payload.on_behalf_of).first()
        if rto is None:
            raise DomainError(
                gettext("There is no RTO '%(on_behalf_of)s'.")
                % {"on_behalf_of": payload.on_behalf_of},
                field="on_behalf_of",
            )
    created = domain.create_contribution(
        user=user,
        version=version,
        delegation=delegation_named(conference, payload.delegation),
        title=payload.title,
        summary=payload.summary,
        reference=payload.reference,
        cosponsors=[
            delegation_named(conference, n, field="cosponsors") for n in payload.cosponsors
        ],
        on_behalf_of=rto,
    )
    return Status(201, contribution_as_dict(_contribution(user, slug, created.pk)))


@router.post(
    CONTRIBUTION + "/amendments",
    auth=BearerToken(),
    response={201: AmendmentOut} | WRITE_ERRORS,
    operation_id="add_amendment",
)
def add_amendment(
    request: HttpRequest, slug: str, contribution_id: int, payload: AmendmentIn
) -> Any:
    """Add a change to a draft you write: modify (item, text), delete (item), move (item,
    priority) or add (item_code, item_kind, priority, text)."""
    user = request.auth
    contribution = _contribution(user, slug, contribution_id)
    version = contribution.version
    amendment = domain.add_amendment(
        user=user,
        contribution=contribution,
        kind=payload.kind.value,
        item=item_in(version, payload.item) if payload.item else None,
        priority=priority_in(version, payload.priority) if payload.priority else None,
        text=payload.text,
        item_code=payload.item_code,
        item_kind=payload.item_kind.value if payload.item_kind else "",
        note=payload.note,
    )
    return Status(201, amendment_as_dict(amendment))


@router.post(
    CONTRIBUTION + "/submit",
    auth=BearerToken(),
    response={200: ContributionOut} | WRITE_ERRORS,
    operation_id="submit_contribution",
)
def submit_contribution(request: HttpRequest, slug: str, contribution_id: int) -> Any:
    """Table a draft of your delegation: everyone who reads the version sees it from now on."""
    user = request.auth
    domain.submit_contribution(user=user, contribution=_contribution(user, slug, contribution_id))
    return contribution_as_dict(_contribution(user, slug, contribution_id))


@router.post(
    CONTRIBUTION + "/withdraw",
    auth=BearerToken(),
    response={200: ContributionOut} | WRITE_ERRORS,
    operation_id="withdraw_contribution",
)
def withdraw_contribution(request: HttpRequest, slug: str, contribution_id: int) -> Any:
    user = request.auth
    domain.withdraw_contribution(user=user, contribution=_contribution(user, slug, contribution_id))
    return contribution_as_dict(_contribution(user, slug, contribution_id))


@router.post(
    "/conferences/{slug}/amendments/{amendment_id}/decision",
    auth=BearerToken(),
    response={200: AmendmentOut} | WRITE_ERRORS,
    operation_id="decide_amendment",
)
def decide_amendment(
    request: HttpRequest, slug: str, amendment_id: int, payload: DecisionIn
) -> Any:
    """Accept, reject or reset an amendment of a submitted contribution (secretariat or chair)."""
    user = request.auth
    amendment = find_amendment(user, visible_conference(user, slug), amendment_id)
    domain.decide_amendment(
        user=user, amendment=amendment, decision=payload.decision.value, note=payload.note
    )
    return amendment_as_dict(amendment)


@router.post(
    VERSION + "/merge",
    auth=BearerToken(),
    response={201: MergeOut} | WRITE_ERRORS,
    operation_id="merge_contributions",
)
def merge_contributions(request: HttpRequest, slug: str, number: int, payload: MergeIn) -> Any:
    """Create a new draft version from this one with every accepted amendment applied
    (secretariat or chair). Refused, with nothing written, when accepted amendments conflict."""
    user = request.auth
    version = current_version(user, visible_conference(user, slug), number)
    merged = domain.merge_contributions(user=user, version=version, label=payload.label)
    applied = Amendment.objects.filter(merged_into=merged).order_by("id")
    return Status(
        201,
        {
            "number": merged.number,
            "label": merged.label,
            "state": merged.state,
            "based_on": version.number,
            "amendments": list(applied.values_list("id", flat=True)),
        },
    )
