"""Redlines between two versions of the Action Plan you may read: every item's change, with
the word-level operations that turn the old text into the new."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from accord.api.auth import reader
from accord.api.endpoints.contributions import OpOut, ops_as_dicts
from accord.api.lookups import visible_conference
from accord.api.schemas import Error
from accord.engines.diff import ItemDiff, PlanItemText
from accord.negotiation.queries import compare_item, compare_versions

router = Router(tags=["compare"])

READ_ERRORS: dict[int, Any] = {401: Error, 404: Error}


class ItemTextOut(Schema):
    code: str
    priority: str = Field(description="The identifier of the priority it sits under.")
    kind: str
    text: str


class ItemDiffOut(Schema):
    code: str
    change: str = Field(description="added, removed, changed, moved or unchanged")
    old: ItemTextOut | None
    new: ItemTextOut | None
    ops: list[OpOut] = Field(description="Joining equal+delete gives old, equal+insert new.")


class CompareOut(Schema):
    conference: str
    old_version: int
    new_version: int
    items: list[ItemDiffOut]


def _text(text: PlanItemText | None) -> dict[str, str] | None:
    if text is None:
        return None
    return {"code": text.code, "priority": text.priority, "kind": text.kind, "text": text.text}


def diff_as_dict(diff: ItemDiff) -> dict[str, Any]:
    return {
        "code": diff.code,
        "change": diff.change,
        "old": _text(diff.old),
        "new": _text(diff.new),
        "ops": ops_as_dicts(diff.ops),
    }


@router.get(
    "/conferences/{slug}/compare",
    response={200: CompareOut} | READ_ERRORS,
    operation_id="compare_versions",
)
def compare(
    request: HttpRequest,
    slug: str,
    old: int = Query(..., alias="from", description="The earlier version's number."),
    new: int = Query(..., alias="to", description="The later version's number."),
) -> Any:
    """Every item of both versions: how it changed from ``from`` to ``to``, in the new plan's
    order (removed items where they used to be)."""
    user = reader(request)
    diffs = compare_versions(user, visible_conference(user, slug), old, new)
    return {
        "conference": slug,
        "old_version": old,
        "new_version": new,
        "items": [diff_as_dict(diff) for diff in diffs],
    }


@router.get(
    "/conferences/{slug}/compare/items/{code}",
    response={200: ItemDiffOut} | READ_ERRORS,
    operation_id="compare_item",
)
def compare_one_item(
    request: HttpRequest,
    slug: str,
    code: str,
    old: int = Query(..., alias="from"),
    new: int = Query(..., alias="to"),
) -> Any:
    """How one item changed between two versions."""
    user = reader(request)
    return diff_as_dict(compare_item(user, visible_conference(user, slug), code, old, new))
