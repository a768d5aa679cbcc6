"""The negotiation: open brackets with who said what on them, an item's positions (read, and
record one with a token), and where consensus stands on a version."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Router, Status
from pydantic import BaseModel, ConfigDict, Field

from accord.api.auth import BearerToken, reader
from accord.api.lookups import visible_conference
from accord.api.schemas import Error
from accord.conferences.models import Delegation
from accord.core.errors import NotFound
from accord.engines.consensus import Stated
from accord.negotiation import domain as negotiation
from accord.negotiation.enums import PositionSource, Stance
from accord.negotiation.queries import (
    Said,
    consensus_of,
    convergence,
    item_positions,
    open_items,
)
from accord.plans.models import PlanItem
from accord.plans.queries import current_version

router = Router(tags=["negotiation"])

VERSION = "/conferences/{slug}/versions/{number}"
POSITIONS = VERSION + "/items/{code}/positions"
READ_ERRORS: dict[int, Any] = {401: Error, 404: Error}
WRITE_ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error}


# Plain pydantic models, as for the plan read: they validate plain dicts quickly.
class StanceOut(BaseModel):
    delegation: str = Field(description="The delegation's name.")
    stance: Stance
    option: int | None = Field(description="For prefer_option: which option, from 1.")
    detail: str


class BracketOut(BaseModel):
    index: int = Field(description="0-based, in the order the brackets open (nested included).")
    start: int
    end: int
    text: str = Field(description="The bracketed text, brackets included.")
    options: list[str]
    positions: list[StanceOut] = Field(description="Current stances on this bracket.")


class OpenItemOut(BaseModel):
    code: str
    text: str
    brackets: list[BracketOut]
    unbalanced: list[int] = Field(description="Offsets of brackets that pair with nothing.")
    positions: list[StanceOut] = Field(description="Current stances on the whole item.")


class PositionOut(BaseModel):
    id: int
    delegation: str
    delegation_id: int | None = Field(description="Null when the name matches no delegation.")
    stance: Stance
    bracket: str = Field(description="The bracketed text it concerns; empty: the whole item.")
    bracket_index: int | None = Field(
        description="That bracket's index in the current text; null if it lapsed or for the item."
    )
    option: int | None
    detail: str
    source: PositionSource
    stated_at: dt.datetime
    lapsed: bool = Field(
        description="The bracket is gone from the text, or the item's text changed since."
    )
    current: bool = Field(description="The delegation's latest word on it, still standing.")


class PositionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    delegation_id: int
    stance: Stance
    bracket: int | None = Field(
        default=None, ge=0, description="The bracket's index (see /brackets); omit: the item."
    )
    option: int | None = Field(default=None, ge=1)
    detail: str = Field(default="", max_length=4000)
    source: PositionSource = PositionSource.STATEMENT


class CountsOut(BaseModel):
    agreed: int
    undisputed_change: int
    disputed: int


class PriorityConsensusOut(BaseModel):
    code: str
    title: str
    counts: CountsOut
    open_brackets: int
    disputed: list[str] = Field(description="Codes of the disputed items.")


class ColumnOut(BaseModel):
    item: str
    index: int
    text: str
    options: list[str]


class CellOut(StanceOut):
    column: int = Field(description="Index into columns.")
    whole_item: bool = Field(description="Stated on the whole item rather than this bracket.")


class RowOut(BaseModel):
    delegation: str
    delegation_id: int | None
    cells: list[CellOut] = Field(description="Only the columns it has a stance on.")


class AloneOut(BaseModel):
    item: str
    index: int
    delegation: str
    stance: Stance
    option: int | None


class DelegationSummaryOut(BaseModel):
    delegation: str
    delegation_id: int | None
    items: int
    brackets: int
    hold: int
    change: int
    object: int
    neutral: int
    alone: int


class ConvergenceOut(BaseModel):
    version: int
    label: str
    open_brackets: int
    disputed: int


class ConsensusOut(BaseModel):
    conference: str
    version: int
    label: str
    priorities: list[PriorityConsensusOut]
    columns: list[ColumnOut]
    rows: list[RowOut]
    standing_alone: list[AloneOut]
    delegations: list[DelegationSummaryOut]
    convergence: list[ConvergenceOut]


def _stance(stated: Stated) -> dict[str, Any]:
    return {
        "delegation": stated.delegation,
        "stance": stated.stance,
        "option": stated.option,
        "detail": stated.detail,
    }


@router.get(
    VERSION + "/brackets",
    response={200: list[OpenItemOut]} | READ_ERRORS,
    operation_id="list_open_brackets",
)
def list_open_brackets(request: HttpRequest, slug: str, number: int) -> Any:
    """Every item of the version with open brackets, each bracket with the current stances on
    it, in plan order."""
    user = reader(request)
    return [
        {
            "code": item.code,
            "text": item.text,
            "brackets": [
                {
                    "index": b.index,
                    "start": b.start,
                    "end": b.end,
                    "text": b.text,
                    "options": list(b.options),
                    "positions": [_stance(s) for s in item.placed.on_bracket.get(b.index, ())],
                }
                for b in item.parsed.brackets
            ],
            "unbalanced": [u.offset for u in item.parsed.unbalanced],
            "positions": [_stance(s) for s in item.placed.on_item],
        }
        for item in open_items(user, visible_conference(user, slug), number)
    ]


def _position(said: Said) -> dict[str, Any]:
    position = said.position
    return {
        "id": position.pk,
        "delegation": said.who,
        "delegation_id": position.delegation_id,
        "stance": position.stance,
        "bracket": position.bracket,
        "bracket_index": said.bracket_index,
        "option": position.option,
        "detail": position.detail,
        "source": position.source,
        "stated_at": position.stated_at,
        "lapsed": said.lapsed,
        "current": said.current,
    }


@router.get(
    POSITIONS, response={200: list[PositionOut]} | READ_ERRORS, operation_id="list_positions"
)
def list_positions(request: HttpRequest, slug: str, number: int, code: str) -> Any:
    """Every position stated on the item, oldest first: current ones, superseded ones, and
    lapsed ones (their bracket is gone or the text changed since)."""
    user = reader(request)
    return [
        _position(s) for s in item_positions(user, visible_conference(user, slug), number, code)
    ]


@router.post(
    POSITIONS,
    auth=BearerToken(),
    response={201: PositionOut} | WRITE_ERRORS,
    operation_id="record_position",
)
def record_position(
    request: HttpRequest, slug: str, number: int, code: str, payload: PositionIn
) -> Any:
    """Record a delegation's stance on the item or one of its brackets. Delegates record for
    their own delegation only (403 otherwise); chairs and the secretariat for any."""
    user = request.auth
    conference = visible_conference(user, slug)
    version = current_version(user, conference, number)
    item = PlanItem.objects.filter(version=version, code=code).first()
    if item is None:
        raise NotFound(
            gettext("Version %(number)s has no item %(code)s.")
            % {"number": version.number, "code": code},
            field="code",
        )
    item.version = version  # already loaded with its plan and conference
    delegation = (
        Delegation.objects.filter(conference=conference, pk=payload.delegation_id)
        .select_related("organization", "conference")
        .first()
    )
    if delegation is None:
        raise NotFound(
            gettext("%(conference)s has no delegation %(delegation_id)s.")
            % {"conference": conference, "delegation_id": payload.delegation_id},
            field="delegation_id",
        )
    position = negotiation.record_position(
        user=user,
        item=item,
        delegation=delegation,
        stance=payload.stance.value,
        bracket=payload.bracket,
        option=payload.option,
        detail=payload.detail,
        source=payload.source.value,
    )
    # Just stated, on the text as it reads now: current, and not lapsed.
    said = Said(position, delegation.organization.name, False, True, payload.bracket)
    return Status(201, _position(said))


@router.get(
    "/conferences/{slug}/consensus",
    response={200: ConsensusOut} | READ_ERRORS,
    operation_id="get_consensus",
)
def get_consensus(request: HttpRequest, slug: str, version: int | None = None) -> Any:
    """Where consensus stands on a version (default: the newest you may read): counts per
    priority, the delegations × open brackets matrix, who stands alone, per-delegation counts,
    and open brackets and disputed items in every version you may read."""
    user = reader(request)
    conference = visible_conference(user, slug)
    data = consensus_of(user, conference, version)
    matrix = data.matrix
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in matrix.delegations}
    for (name, column), cell in sorted(matrix.cells.items(), key=lambda kv: kv[0][1]):
        rows[name].append(
            {
                "column": column,
                "delegation": name,
                "stance": cell.stance,
                "option": cell.option,
                "detail": cell.detail,
                "whole_item": cell.whole_item,
            }
        )
    return {
        "conference": conference.slug,
        "version": data.version.number,
        "label": data.version.label,
        "priorities": [
            {
                "code": p.code,
                "title": p.title,
                "counts": p.counts.as_dict(),
                "open_brackets": p.open_brackets,
                "disputed": p.disputed,
            }
            for p in data.priorities
        ],
        "columns": [
            {"item": c.item, "index": c.index, "text": c.text, "options": list(c.options)}
            for c in matrix.columns
        ],
        "rows": [
            {"delegation": name, "delegation_id": data.delegation_ids.get(name), "cells": cells}
            for name, cells in rows.items()
        ],
        "standing_alone": [
            {
                "item": a.column.item,
                "index": a.column.index,
                "delegation": a.delegation,
                "stance": a.cell.stance,
                "option": a.cell.option,
            }
            for a in data.alone
        ],
        "delegations": [
            {
                "delegation": d.name,
                "delegation_id": d.delegation_id,
                "items": d.items,
                "brackets": d.brackets,
                **d.leanings,
                "alone": d.alone,
            }
            for d in data.delegations
        ],
        "convergence": [
            {
                "version": p.number,
                "label": p.label,
                "open_brackets": p.open_brackets,
                "disputed": p.disputed,
            }
            for p in convergence(user, conference)
        ],
    }
