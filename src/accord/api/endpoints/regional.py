"""Regional priorities: read them (as public as the conference) and the groupings common to
several regions; write them (token: the secretariat, and delegations acting for the RTO),
within the cap per RTO the secretariat sets. RTOs are named by code (ATU, CITEL, ASMG, APT,
RCC, CEPT), plan items by identifier in the newest version of the plan."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from accord.api.auth import BearerToken, reader
from accord.api.lookups import visible_conference
from accord.api.schemas import Error
from accord.conferences.models import Conference
from accord.core.errors import DomainError
from accord.plans.models import PlanItem, PlanVersion
from accord.regional import domain, queries
from accord.regional.models import RegionalPriority

router = Router(tags=["regional priorities"])

PRIORITIES = "/conferences/{slug}/regional-priorities"
READ_ERRORS: dict[int, Any] = {401: Error, 404: Error}
WRITE_ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error}


class PriorityOut(Schema):
    id: int
    rto: str
    region: str
    code: str
    title: str
    text: str
    plan_items: list[str] = Field(description="Identifiers of the linked plan items.")


class PrioritiesOut(Schema):
    cap: int = Field(description="Most priorities each RTO may bring.")
    priorities: list[PriorityOut]


class PriorityIn(Schema):
    model_config = ConfigDict(extra="forbid")

    rto: str = Field(description="The RTO's code, e.g. ATU.")
    code: str = Field(max_length=20)
    title: str = Field(max_length=200)
    text: str = ""
    plan_items: list[str] = Field(default_factory=list, description="e.g. ['D.1-a']")


class PriorityPatch(Schema):
    """Only the fields sent change."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, max_length=200)
    text: str | None = None
    plan_items: list[str] | None = None


class CapIn(Schema):
    model_config = ConfigDict(extra="forbid")

    cap: int = Field(ge=1, le=50)


class OverlapLinkOut(Schema):
    a: str
    b: str
    score: float
    shared: list[str] = Field(description="Phrases both priorities have.")


class OverlapGroupOut(Schema):
    regions: list[str]
    priorities: list[str] = Field(description="Codes of the priorities in the group.")
    links: list[OverlapLinkOut]


class LinkGroupOut(Schema):
    plan_item: str
    regions: list[str]
    priorities: list[str]


class CommonOut(Schema):
    method: str = Field(description="'hybrid' with the embedding model, else 'lexical'.")
    overlaps: list[OverlapGroupOut]
    links: list[LinkGroupOut]
    warnings: list[str]


def as_dict(priority: RegionalPriority) -> dict[str, Any]:
    return {
        "id": priority.pk,
        "rto": priority.rto.code,
        "region": priority.rto.region.code,
        "code": priority.code,
        "title": priority.title,
        "text": priority.text,
        "plan_items": sorted(item.code for item in priority.plan_items.all()),
    }


def _items(conference: Conference, codes: list[str]) -> list[PlanItem]:
    version = PlanVersion.objects.filter(plan__conference=conference).order_by("-number").first()
    found = {i.code: i for i in version.items.filter(code__in=codes)} if version else {}
    missing = [code for code in codes if code not in found]
    if missing:
        raise DomainError(
            gettext("The newest version of the plan has no item %(join)s.")
            % {"join": ", ".join(missing)},
            field="plan_items",
        )
    return [found[code] for code in codes]


def _one(user: Any, conference: Conference, pk: int) -> dict[str, Any]:
    return as_dict(queries.find_priority(user, conference, pk))


@router.get(PRIORITIES, response={200: PrioritiesOut} | READ_ERRORS, operation_id="list_regional")
def list_priorities(request: HttpRequest, slug: str) -> Any:
    """Every RTO's priorities, by RTO and code, with the cap."""
    user = reader(request)
    conference = visible_conference(user, slug)
    rows = queries.priorities_of(user, conference)
    return {"cap": domain.cap_of(conference), "priorities": [as_dict(p) for p in rows]}


@router.get(
    PRIORITIES + "/common", response={200: CommonOut} | READ_ERRORS, operation_id="common_regional"
)
def common(request: HttpRequest, slug: str) -> Any:
    """Groupings of priorities of different regions: those the overlap engine matches (with
    the phrases they share) and those linked to the same plan item."""
    user = reader(request)
    found = queries.common_priorities(user, visible_conference(user, slug))
    return {
        "method": found.method,
        "overlaps": [
            {
                "regions": g.regions,
                "priorities": [p.code for p in g.priorities],
                "links": [
                    {"a": x.a.code, "b": x.b.code, "score": x.score, "shared": list(x.shared)}
                    for x in g.links
                ],
            }
            for g in found.overlaps
        ],
        "links": [
            {
                "plan_item": g.item.code,
                "regions": g.regions,
                "priorities": [p.code for p in g.priorities],
            }
            for g in found.links
        ],
        "warnings": found.warnings,
    }


@router.post(
    PRIORITIES,
    auth=BearerToken(),
    response={201: PriorityOut} | WRITE_ERRORS,
    operation_id="add_regional_priority",
)
def add(request: HttpRequest, slug: str, payload: PriorityIn) -> Any:
    """Add one of an RTO's priorities; refused beyond the cap."""
    user = request.auth  # type: ignore[attr-defined]
    conference = visible_conference(user, slug)
    made = domain.add_priority(
        user=user,
        conference=conference,
        rto=payload.rto,
        code=payload.code,
        title=payload.title,
        text=payload.text,
        plan_items=_items(conference, payload.plan_items),
    )
    return Status(201, _one(user, conference, made.pk))


@router.put(
    PRIORITIES + "/cap",
    auth=BearerToken(),
    response={200: PrioritiesOut} | WRITE_ERRORS,
    operation_id="set_regional_cap",
)
def set_cap(request: HttpRequest, slug: str, payload: CapIn) -> Any:
    """How many priorities each RTO may bring (secretariat)."""
    user = request.auth  # type: ignore[attr-defined]
    conference = visible_conference(user, slug)
    domain.set_cap(user=user, conference=conference, cap=payload.cap)
    rows = queries.priorities_of(user, conference)
    return {"cap": domain.cap_of(conference), "priorities": [as_dict(p) for p in rows]}


@router.patch(
    PRIORITIES + "/{priority_id}",
    auth=BearerToken(),
    response={200: PriorityOut} | WRITE_ERRORS,
    operation_id="update_regional_priority",
)
def update(request: HttpRequest, slug: str, priority_id: int, payload: PriorityPatch) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    conference = visible_conference(user, slug)
    priority = queries.find_priority(user, conference, priority_id)
    domain.update_priority(
        user=user,
        priority=priority,
        title=payload.title,
        text=payload.text,
        plan_items=None if payload.plan_items is None else _items(conference, payload.plan_items),
    )
    return _one(user, conference, priority_id)


@router.delete(
    PRIORITIES + "/{priority_id}",
    auth=BearerToken(),
    response={204: None} | WRITE_ERRORS,
    operation_id="remove_regional_priority",
)
def remove(request: HttpRequest, slug: str, priority_id: int) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    conference = visible_conference(user, slug)
    domain.remove_priority(user=user, priority=queries.find_priority(user, conference, priority_id))
    return Status(204, None)
