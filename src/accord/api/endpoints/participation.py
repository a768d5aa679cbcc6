"""Participation figures of a conference: registered and attended counts and shares per
dimension and value, against targets and a previous conference (participants; aggregates
only, never a name); set a target (token needed: the secretariat)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema
from pydantic import ConfigDict

from accord.api.auth import BearerToken, reader
from accord.api.lookups import visible_conference
from accord.api.schemas import Error
from accord.participation import domain
from accord.participation.enums import Dimension
from accord.participation.models import ParticipationTarget
from accord.participation.queries import Dashboard, participation_dashboard

router = Router(tags=["participation"])

PARTICIPATION = "/conferences/{slug}/participation"
READ_ERRORS: dict[int, Any] = {401: Error, 403: Error, 404: Error}
WRITE_ERRORS: dict[int, Any] = {400: Error, 401: Error, 403: Error, 404: Error}


class ValueOut(Schema):
    value: str = Field(description="The reference code, or 'unknown' for missing values.")
    name: str
    registered: int
    attended: int
    registered_share: float = Field(description="Percent of all registered, to 0.1.")
    attended_share: float
    target: float | None
    met: bool | None
    gap: float | None = Field(description="Points short of the target; 0 when met.")
    past_registered_share: float | None
    past_attended_share: float | None


class DimensionOut(Schema):
    dimension: Dimension
    label: str
    registered: int
    attended: int
    values: list[ValueOut]


class DashboardOut(Schema):
    registered: int
    attended: int
    compared_with: str | None = Field(description="The previous conference's label.")
    previous_conferences: list[str]
    headlines: list[str]
    dimensions: list[DimensionOut]


class TargetIn(Schema):
    model_config = ConfigDict(extra="forbid")

    dimension: Dimension
    value: str = Field(max_length=40, description="A reference code, e.g. private_sector.")
    share: Decimal | None = Field(description="Percent, 0–100; null removes the target.")


class TargetOut(Schema):
    dimension: Dimension
    value: str
    share: float


def dashboard_as_dict(dashboard: Dashboard) -> dict[str, Any]:
    return {
        "registered": dashboard.registered,
        "attended": dashboard.attended,
        "compared_with": dashboard.past_label,
        "previous_conferences": dashboard.past_labels,
        "headlines": dashboard.headlines(),
        "dimensions": [
            {
                "dimension": figures.dimension,
                "label": figures.label,
                "registered": figures.registered,
                "attended": figures.attended,
                "values": [
                    {
                        "value": v.value,
                        "name": str(v.name),
                        "registered": v.registered,
                        "attended": v.attended,
                        "registered_share": v.registered_share,
                        "attended_share": v.attended_share,
                        "target": v.target,
                        "met": v.met,
                        "gap": v.gap,
                        "past_registered_share": v.past_registered_share,
                        "past_attended_share": v.past_attended_share,
                    }
                    for v in figures.values
                ],
            }
            for figures in dashboard.dimensions
        ],
    }


@router.get(
    PARTICIPATION,
    response={200: DashboardOut} | READ_ERRORS,
    operation_id="get_participation",
)
def get_participation(request: HttpRequest, slug: str, compare: str | None = None) -> Any:
    """Figures per dimension, compared with ``compare`` or the latest previous conference."""
    user = reader(request)
    conference = visible_conference(user, slug)
    return dashboard_as_dict(participation_dashboard(user, conference, compare_with=compare))


@router.post(
    PARTICIPATION + "/targets",
    auth=BearerToken(),
    response={200: list[TargetOut]} | WRITE_ERRORS,
    operation_id="set_participation_target",
)
def set_participation_target(request: HttpRequest, slug: str, payload: TargetIn) -> Any:
    """Set (or with a null share remove) one target; answers every target of the conference."""
    user = request.auth
    conference = visible_conference(user, slug)
    domain.set_target(
        user=user,
        conference=conference,
        dimension=payload.dimension.value,
        value=payload.value,
        share=payload.share,
    )
    return [
        {"dimension": t.dimension, "value": t.value, "share": float(t.share)}
        for t in ParticipationTarget.objects.filter(conference=conference).order_by(
            "dimension", "value"
        )
    ]
