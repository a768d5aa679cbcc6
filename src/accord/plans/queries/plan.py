"""Read the plan tree, one item, or a search, in a fixed number of queries whatever the size."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from accord import rules
from accord.conferences.models import Conference
from accord.core.errors import NotFound
from accord.plans.enums import ItemStatus
from accord.plans.models import KPI, Linkage, PlanItem, PlanVersion, Priority


@dataclass(frozen=True)
class StatusCounts:
    agreed: int = 0
    undisputed_change: int = 0
    disputed: int = 0

    @classmethod
    def of(cls, items: list[PlanItem]) -> StatusCounts:
        counts = Counter(item.status for item in items)
        return cls(**{status: counts.get(status, 0) for status in ItemStatus.values})

    @property
    def total(self) -> int:
        return self.agreed + self.undisputed_change + self.disputed

    def as_dict(self) -> dict[str, int]:
        return {status: getattr(self, status) for status in ItemStatus.values}


@dataclass
class PriorityView:
    priority: Priority
    items: list[PlanItem] = field(default_factory=list)

    @property
    def counts(self) -> StatusCounts:
        return StatusCounts.of(self.items)


def visible_versions(user: Any, conference: Conference) -> QuerySet[PlanVersion]:
    """The versions of the conference's plan this user may read, oldest first."""
    states = rules.visible_version_states(user, conference)
    return PlanVersion.objects.filter(plan__conference=conference, state__in=states).select_related(
        "plan__conference"
    )


def current_version(user: Any, conference: Conference, number: int | None = None) -> PlanVersion:
    """The newest version the user may read, or version ``number``; NotFound otherwise."""
    versions = visible_versions(user, conference)
    version = (
        versions.filter(number=number).first()
        if number is not None
        else versions.order_by("-number").first()
    )
    if version is None:
        what = f"version {number}" if number is not None else "version"
        raise NotFound(
            f"{conference} has no {what} of its Action Plan that you may read.", field="version"
        )
    return version


def _items_with_linkages() -> QuerySet[PlanItem]:
    return PlanItem.objects.select_related("outcome").prefetch_related(
        Prefetch("linkages", queryset=Linkage.objects.order_by("type", "target"))
    )


def plan_tree(version: PlanVersion) -> list[PriorityView]:
    """Priorities in order, each with its items (and their linkages): three queries."""
    views = {p.pk: PriorityView(p) for p in version.priorities.order_by("order", "id")}
    for item in _items_with_linkages().filter(version=version).order_by("order", "id"):
        views[item.priority_id].items.append(item)
    return list(views.values())


def item_detail(user: Any, conference: Conference, version_number: int, code: str) -> PlanItem:
    """One item with its priority, KPIs and periods, linkages and outputs."""
    version = current_version(user, conference, version_number)
    item = (
        _items_with_linkages()
        .select_related("priority", "version__plan__conference")
        .prefetch_related(
            Prefetch("kpis", queryset=KPI.objects.prefetch_related("periods")),
            Prefetch("outputs", queryset=PlanItem.objects.order_by("order")),
        )
        .filter(version=version, code=code)
        .first()
    )
    if item is None:
        raise NotFound(f"Version {version.number} has no item {code}.", field="code")
    return item


def search_items(version: PlanVersion, query: str, limit: int = 50) -> list[PlanItem]:
    """Items whose identifier, text or priority title contain every word of the query."""
    words = query.split()[:10]
    if not words:
        return []
    condition = Q()
    for word in words:
        condition &= (
            Q(code__icontains=word) | Q(text__icontains=word) | Q(priority__title__icontains=word)
        )
    return list(
        PlanItem.objects.filter(condition, version=version)
        .select_related("priority")
        .order_by("priority__order", "order", "id")[:limit]
    )
