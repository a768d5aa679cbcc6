"""Suggested links of plan items: read an item's suggestions, ask for new ones, accept or reject
one (token needed), and suggest for a whole version in the background, with its progress.
Suggestions are seen and judged by the secretariat and chairs, on draft versions; the links
themselves are in the item's ``linkages``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from pydantic import ConfigDict

from accord.api.auth import BearerToken, reader
from accord.api.lookups import visible_conference
from accord.api.schemas import Error, LinkageOut
from accord.linkages import domain
from accord.linkages.enums import Method, RunState, SuggestionState
from accord.linkages.interfaces.suggestion_json import run_as_dict, suggestion_as_dict
from accord.linkages.queries import (
    decided_suggestions,
    find_run,
    find_suggestion,
    pending_suggestions,
    require_viewer,
    run_progress,
)
from accord.plans.enums import LinkageType
from accord.plans.interfaces.plan_json import linkage_as_dict
from accord.plans.models import PlanItem, PlanVersion
from accord.plans.queries import current_version, item_detail

router = Router(tags=["linkage suggestions"])

VERSION = "/conferences/{slug}/versions/{number}"
ITEM = VERSION + "/items/{code}"
SUGGESTION = ITEM + "/suggestions/{suggestion_id}"
READ_ERRORS: dict[int, Any] = {401: Error, 403: Error, 404: Error}
WRITE_ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error}


class SuggestionOut(Schema):
    id: int = Field(description="Use it to accept or reject the suggestion.")
    item: str
    type: LinkageType = Field(description="sdg, sdg_target or wsis.")
    target: str = Field(description="e.g. 4, 4.4, C4")
    score: float = Field(description="Calibrated confidence, 0 to 1.")
    evidence: list[str] = Field(description="The phrases of the item's text that matched.")
    reference: str = Field(description="The reference sentence most like the item's text.")
    method: Method
    state: SuggestionState
    reason: str = Field(description="Why it was rejected.")
    decided_at: dt.datetime | None
    created_at: dt.datetime


class RejectIn(Schema):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(default="", max_length=2000)


class RunIn(Schema):
    model_config = ConfigDict(extra="forbid")

    method: Method = Field(
        default=Method.HYBRID,
        description="hybrid and semantic fall back to lexical without the embedding model.",
    )


class RunOut(Schema):
    id: int
    version: int
    state: RunState
    done: int = Field(description="Items done so far.")
    total: int
    percent: int
    finished: bool
    method: Method = Field(description="The method used (once done: what really ran).")
    suggested: int = Field(description="Pending suggestions when the run finished.")
    error: str
    started_at: dt.datetime
    finished_at: dt.datetime | None


def _version(user: Any, slug: str, number: int) -> PlanVersion:
    return current_version(user, visible_conference(user, slug), number)


def _item(user: Any, slug: str, number: int, code: str) -> PlanItem:
    return item_detail(user, visible_conference(user, slug), number, code)


@router.get(
    ITEM + "/suggestions",
    response={200: list[SuggestionOut]} | READ_ERRORS,
    operation_id="list_suggestions",
)
def list_suggestions(
    request: HttpRequest, slug: str, number: int, code: str, decided: bool = False
) -> Any:
    """The item's pending suggestions, best first; with ``decided=true``, the accepted and
    rejected ones instead, latest decision first (secretariat or chair)."""
    user = reader(request)
    item = _item(user, slug, number, code)
    require_viewer(user, item.version)
    rows = decided_suggestions(item) if decided else pending_suggestions(item)
    for row in rows:
        row.item = item
    return [suggestion_as_dict(row) for row in rows]


@router.post(
    ITEM + "/suggestions",
    auth=BearerToken(),
    response={200: list[SuggestionOut]} | WRITE_ERRORS,
    operation_id="suggest_links",
)
def suggest_links(request: HttpRequest, slug: str, number: int, code: str) -> Any:
    """Ask the engine again for the item's links (draft version; secretariat or chair): its
    pending suggestions are replaced; links it has, and suggestions decided before, are
    not suggested. Returns the pending suggestions, best first."""
    user = request.auth
    item = _item(user, slug, number, code)
    rows = domain.suggest_links(user=user, item=item)
    for row in rows:
        row.item = item
    return [suggestion_as_dict(row) for row in rows]


@router.post(
    SUGGESTION + "/accept",
    auth=BearerToken(),
    response={201: LinkageOut} | WRITE_ERRORS,
    operation_id="accept_suggestion",
)
def accept_suggestion(
    request: HttpRequest, slug: str, number: int, code: str, suggestion_id: int
) -> Any:
    """Make the suggested link (draft version; secretariat or chair); returns the linkage."""
    user = request.auth
    item = _item(user, slug, number, code)
    linkage = domain.accept_suggestion(user=user, suggestion=find_suggestion(item, suggestion_id))
    return Status(201, linkage_as_dict(linkage))


@router.post(
    SUGGESTION + "/reject",
    auth=BearerToken(),
    response={200: SuggestionOut} | WRITE_ERRORS,
    operation_id="reject_suggestion",
)
def reject_suggestion(
    request: HttpRequest,
    slug: str,
    number: int,
    code: str,
    suggestion_id: int,
    payload: RejectIn | None = None,
) -> Any:
    """Reject a suggestion, optionally saying why (draft version; secretariat or chair); it is
    not suggested again for this item."""
    user = request.auth
    item = _item(user, slug, number, code)
    suggestion = domain.reject_suggestion(
        user=user,
        suggestion=find_suggestion(item, suggestion_id),
        reason=payload.reason if payload else "",
    )
    return suggestion_as_dict(suggestion)


@router.post(
    VERSION + "/suggestion-runs",
    auth=BearerToken(),
    response={202: RunOut} | WRITE_ERRORS,
    operation_id="start_suggestion_run",
)
def start_suggestion_run(
    request: HttpRequest, slug: str, number: int, payload: RunIn | None = None
) -> Any:
    """Suggest links for every item of a draft version in the background (secretariat or
    chair); follow it with the run's progress."""
    user = request.auth
    run = domain.start_suggestion_run(
        user=user,
        version=_version(user, slug, number),
        method=(payload.method if payload else Method.HYBRID).value,
    )
    return Status(202, run_as_dict(run_progress(run)))


@router.get(
    VERSION + "/suggestion-runs/{run_id}",
    response={200: RunOut} | READ_ERRORS,
    operation_id="get_suggestion_run",
)
def get_suggestion_run(request: HttpRequest, slug: str, number: int, run_id: int) -> Any:
    """A run's progress and outcome (secretariat or chair)."""
    user = reader(request)
    version = _version(user, slug, number)
    require_viewer(user, version)
    return run_as_dict(run_progress(find_run(version, run_id)))
