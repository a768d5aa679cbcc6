"""Reads of regional priorities, each respecting ``regional.rules`` and each in a fixed number
of queries however many priorities there are."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext

from accord.conferences.models import Conference
from accord.core.errors import NotFound
from accord.plans.models import PlanItem
from accord.reference.models import RegionalOrganization
from accord.regional import rules as regional_rules
from accord.regional.domain.priorities import cap_of
from accord.regional.models import RegionalPriority


def require_visible(user: Any, conference: Conference) -> None:
    if not regional_rules.can_view_priorities(user, conference):
        raise NotFound(
            gettext("There is no conference '%(slug)s' that you may see.")
            % {"slug": conference.slug},
            field="slug",
        )


def priorities_of(user: Any, conference: Conference) -> QuerySet[RegionalPriority]:
    """The conference's regional priorities by RTO and code, with their region and plan items."""
    require_visible(user, conference)
    return (
        RegionalPriority.objects.filter(conference=conference)
        .select_related("rto__region")
        .prefetch_related(
            Prefetch("plan_items", queryset=PlanItem.objects.select_related("version"))
        )
        .order_by("rto__code", "code", "id")
    )


def find_priority(user: Any, conference: Conference, priority_id: int) -> RegionalPriority:
    found = priorities_of(user, conference).filter(pk=priority_id).first()
    if found is None:
        raise NotFound(
            gettext("%(short_name)s has no regional priority %(priority_id)s.")
            % {"short_name": conference.short_name, "priority_id": priority_id},
            field="priority",
        )
    return found


@dataclass(frozen=True)
class RtoPriorities:
    """One RTO's priorities, against the cap, and whether the user may add to them."""

    rto: RegionalOrganization
    priorities: list[RegionalPriority]
    cap: int
    writable: bool

    @property
    def places_left(self) -> int:
        return max(self.cap - len(self.priorities), 0)


def priorities_by_rto(user: Any, conference: Conference) -> list[RtoPriorities]:
    """Every RTO (those without priorities too), in code order."""
    rows = list(priorities_of(user, conference))
    cap = cap_of(conference)
    writable = regional_rules.rtos_written_by(user, conference)
    grouped: dict[int, list[RegionalPriority]] = {}
    for row in rows:
        grouped.setdefault(row.rto_id, []).append(row)
    return [
        RtoPriorities(rto, grouped.get(rto.pk, []), cap, rto.pk in writable)
        for rto in RegionalOrganization.objects.select_related("region").order_by("code")
    ]
