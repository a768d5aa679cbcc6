"""Read one plan item; change its text or status and its linkages (token needed)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Router, Status

from accord.api.auth import BearerToken, reader
from accord.api.errors import ItemConflict
from accord.api.lookups import visible_conference
from accord.api.schemas import (
    BracketResolution,
    Error,
    ItemOut,
    ItemPatch,
    LinkageIn,
    LinkageOut,
    StaleEditOut,
)
from accord.core.errors import NotFound
from accord.negotiation import domain as negotiation
from accord.plans import domain as plans
from accord.plans.interfaces.plan_json import item_detail_as_dict, linkage_as_dict
from accord.plans.models import Linkage, PlanItem
from accord.plans.queries import item_detail

router = Router(tags=["plan items"])

ITEM = "/conferences/{slug}/versions/{number}/items/{code}"
WRITE_ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error}


def _item(user: Any, slug: str, number: int, code: str) -> PlanItem:
    return item_detail(user, visible_conference(user, slug), number, code)


@router.get(ITEM, response={200: ItemOut, 401: Error, 404: Error}, operation_id="get_item")
def get_item(request: HttpRequest, slug: str, number: int, code: str) -> Any:
    """An item with its status, text, priority, outcome or outputs, linkages, and KPIs."""
    return item_detail_as_dict(_item(reader(request), slug, number, code))


@router.patch(
    ITEM,
    auth=BearerToken(),
    response={200: ItemOut, 409: StaleEditOut} | WRITE_ERRORS,
    operation_id="update_item",
)
def update_item(request: HttpRequest, slug: str, number: int, code: str, payload: ItemPatch) -> Any:
    """Change an item of a draft version (secretariat or chair).

    Refused with 409 and the current item when someone saved after the revision you read.
    """
    user = request.auth
    item = _item(user, slug, number, code)
    try:
        plans.update_item(
            user=user,
            item=item,
            expected_revision=payload.expected_revision,
            text=payload.text,
            status=payload.status.value if payload.status else None,
        )
    except plans.StaleEdit as stale:
        current = item_detail_as_dict(_item(user, slug, number, code))
        raise ItemConflict(stale, current) from stale
    return item_detail_as_dict(_item(user, slug, number, code))


@router.post(
    ITEM + "/brackets/{index}/resolve",
    auth=BearerToken(),
    response={200: ItemOut, 409: StaleEditOut} | WRITE_ERRORS,
    operation_id="resolve_bracket",
)
def resolve_bracket(
    request: HttpRequest, slug: str, number: int, code: str, index: int, payload: BracketResolution
) -> Any:
    """Settle bracket ``index`` (0-based, outer before inner, as the brackets list gives them)
    of an item of a draft version (secretariat or chair). Text outside it is untouched."""
    user = request.auth
    item = _item(user, slug, number, code)
    try:
        negotiation.resolve_bracket(
            user=user,
            item=item,
            index=index,
            choice=payload.choice,
            expected_revision=payload.expected_revision,
        )
    except plans.StaleEdit as stale:
        raise ItemConflict(stale, item_detail_as_dict(_item(user, slug, number, code))) from stale
    return item_detail_as_dict(_item(user, slug, number, code))


@router.post(
    ITEM + "/linkages",
    auth=BearerToken(),
    response={201: LinkageOut} | WRITE_ERRORS,
    operation_id="add_linkage",
)
def add_linkage(request: HttpRequest, slug: str, number: int, code: str, payload: LinkageIn) -> Any:
    """Link an item of a draft version to an SDG, SDG target, WSIS line, resolution…"""
    user = request.auth
    item = _item(user, slug, number, code)
    linkage = plans.add_linkage(
        user=user, item=item, type=payload.type.value, target=payload.target, note=payload.note
    )
    return Status(201, linkage_as_dict(linkage))


@router.delete(
    ITEM + "/linkages/{linkage_id}",
    auth=BearerToken(),
    response={204: None} | WRITE_ERRORS,
    operation_id="remove_linkage",
)
def remove_linkage(request: HttpRequest, slug: str, number: int, code: str, linkage_id: int) -> Any:
    """Remove a linkage (its id is in the item's ``linkages``)."""
    user = request.auth
    item = _item(user, slug, number, code)
    linkage = Linkage.objects.filter(pk=linkage_id, item=item).first()
    if linkage is None:
        raise NotFound(
            gettext("%(code)s has no linkage %(linkage_id)s.")
            % {"code": item.code, "linkage_id": linkage_id},
            field="linkage_id",
        )
    linkage.item = item  # already loaded with its version and conference
    plans.remove_linkage(user=user, linkage=linkage)
    return Status(204, None)
