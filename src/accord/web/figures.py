"""Key figures on a conference's home page: who takes part and where the plan stands."""

from __future__ import annotations

from dataclasses import dataclass

from accord.conferences.models import Conference, Delegation
from accord.plans.queries import PriorityView, StatusCounts


@dataclass(frozen=True)
class KeyFigures:
    delegations: int
    regions: list[str]
    items: StatusCounts | None


def key_figures(conference: Conference, tree: list[PriorityView] | None) -> KeyFigures:
    """Delegation and region counts (two queries) and item counts of an already-read outline."""
    delegations = Delegation.objects.filter(conference=conference)
    regions = (
        delegations.exclude(organization__region=None)
        .order_by("organization__region__name")
        .values_list("organization__region__name", flat=True)
        .distinct()
    )
    items = None
    if tree is not None:
        items = sum((view.counts for view in tree), StatusCounts())
    return KeyFigures(delegations=delegations.count(), regions=list(regions), items=items)
