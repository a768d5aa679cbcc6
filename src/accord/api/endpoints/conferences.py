"""Read conferences, their plan versions and the plan itself. Public data needs no token."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from accord.api.auth import reader
from accord.api.lookups import visible_conference
from accord.api.schemas import ConferenceDetailOut, ConferenceOut, Error, PlanOut, VersionOut
from accord.conferences.queries import visible_conferences
from accord.plans.interfaces.plan_json import plan_as_dict
from accord.plans.models import ActionPlan, PlanVersion
from accord.plans.queries import current_version, visible_versions

router = Router(tags=["conferences"])

NOT_FOUND: dict[int, Any] = {401: Error, 404: Error}


@router.get(
    "/conferences", response={200: list[ConferenceOut], 401: Error}, operation_id="list_conferences"
)
def list_conferences(request: HttpRequest) -> Any:
    """The conferences you may see: public ones, and those you take part in."""
    return visible_conferences(reader(request))


@router.get(
    "/conferences/{slug}",
    response={200: ConferenceDetailOut} | NOT_FOUND,
    operation_id="get_conference",
)
def get_conference(request: HttpRequest, slug: str) -> Any:
    user = reader(request)
    conference = visible_conference(user, slug)
    plan = ActionPlan.objects.filter(conference=conference).first()
    newest = visible_versions(user, conference).order_by("-number").values_list("number", flat=True)
    return {
        **{field: getattr(conference, field) for field in ConferenceOut.model_fields},
        "is_public": conference.is_public,
        "plan_title": plan.title if plan else None,
        "current_version": newest.first(),
    }


@router.get(
    "/conferences/{slug}/versions",
    response={200: list[VersionOut]} | NOT_FOUND,
    operation_id="list_versions",
)
def list_versions(request: HttpRequest, slug: str) -> Any:
    """The versions of the conference's Action Plan you may read, oldest first."""
    user = reader(request)
    return visible_versions(user, visible_conference(user, slug)).order_by("number")


@router.get(
    "/conferences/{slug}/plan", response={200: PlanOut} | NOT_FOUND, operation_id="get_current_plan"
)
def get_current_plan(request: HttpRequest, slug: str) -> Any:
    """The newest version of the plan you may read (drafts only for the secretariat and chairs)."""
    user = reader(request)
    return _plan(current_version(user, visible_conference(user, slug)))


@router.get(
    "/conferences/{slug}/versions/{number}/plan",
    response={200: PlanOut} | NOT_FOUND,
    operation_id="get_plan",
)
def get_plan(request: HttpRequest, slug: str, number: int) -> Any:
    user = reader(request)
    return _plan(current_version(user, visible_conference(user, slug), number))


def _plan(version: PlanVersion) -> dict[str, Any]:
    return plan_as_dict(version) | {"label": version.label, "state": version.state}
