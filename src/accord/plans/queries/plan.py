"""Read the plan tree, one item, or a search, in a fixed number of queries whatever the size."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils.translation import gettext

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
        return cls.from_counter(Counter(item.status for item in items))

    @classmethod
    def from_counter(cls, counts: Counter[str]) -> StatusCounts:
        return cls(**{status: counts.get(status, 0) for status in ItemStatus.values})

    def __add__(self, other: StatusCounts) -> StatusCounts:
        return StatusCounts(*(getattr(self, s) + getattr(other, s) for s in ItemStatus.values))

    @property
    def total(self) -> int:
        return self.agreed + self.undisputed_change + self.disputed

    def as_dict(self) -> dict[str, int]:
        return {status: getattr(self, status) for status in ItemStatus.values}


@dataclass
class PriorityView:
    """A priority with its counts per status; ``items`` only when the caller loaded them."""

    priority: Priority
    counts: StatusCounts
    items: list[PlanItem] = field(default_factory=list)


def visible_versions(user: Any, conference: Conference) -> QuerySet[PlanVersion]:
    """The versions of the conference's plan this user may read, oldest first."""
    states = rules.visible_version_states(user, conference)
    return PlanVersion.objects.filter(plan__conference=conference, state__in=states).select_related(
        "plan__conference"
    )


def conference_versions(user: Any, slug: str) -> tuple[Conference | None, list[PlanVersion]]:
    """The conference at ``slug`` (if it has a plan version) and the versions ``user`` may read,
    newest first: one query for both, which the plan page, read more than any other, needs.

    The caller still checks that the user may view the conference; ``None`` means no version
    exists, and the conference must then be read on its own.
    """
    every = sorted(  # a plan has a handful of versions: sorted here, not in the SQL
        PlanVersion.objects.filter(plan__conference__slug=slug)
        .select_related("plan__conference")
        .order_by(),
        key=lambda version: -version.number,
    )
    if not every:
        return None, []
    conference = every[0].plan.conference
    states = rules.visible_version_states(user, conference)
    return conference, [v for v in every if v.state in states]


def current_version(user: Any, conference: Conference, number: int | None = None) -> PlanVersion:
    """The newest version the user may read, or version ``number``; NotFound otherwise."""
    return choose_version(conference, list(visible_versions(user, conference)), number)


def choose_version(
    conference: Conference, versions: list[PlanVersion], number: int | None
) -> PlanVersion:
    """Version ``number`` among ``versions`` (those the user may read), or the newest of them.

    Lets a page that lists the versions pick the one to show without another query.
    """
    if number is None:
        version = max(versions, key=lambda v: v.number, default=None)
    else:
        version = next((v for v in versions if v.number == number), None)
    if version is None:
        what = f"version {number}" if number is not None else "version"
        raise NotFound(
            gettext("%(conference)s has no %(what)s of its Action Plan that you may read.")
            % {"conference": conference, "what": what},
            field="version",
        )
    return version


def plan_outline(version: PlanVersion) -> list[PriorityView]:
    """Priorities with their counts per status, without items: one query, however large."""
    counts = {
        status: Count("items", filter=Q(items__status=status)) for status in ItemStatus.values
    }
    priorities = version.priorities.annotate(**{f"n_{s}": c for s, c in counts.items()})
    return [
        PriorityView(
            priority,
            StatusCounts(*(getattr(priority, f"n_{status}") for status in ItemStatus.values)),
        )
        for priority in priorities.order_by("order", "id")
    ]


def _load_items(items: QuerySet[PlanItem], linkages: QuerySet[Linkage]) -> list[PlanItem]:
    """Items in order, each with ``outcome_code`` and ``linkage_list`` (its linkages, sorted).

    Two queries; linkages are grouped here rather than by prefetch_related, which costs a
    queryset per item and dominated the time of large plans.
    """
    rows = list(items.annotate(outcome_code=F("outcome__code")).order_by("order", "id"))
    grouped: dict[int, list[Linkage]] = defaultdict(list)
    for link in linkages.order_by("type", "target"):
        grouped[link.item_id].append(link)
    for item in rows:
        item.linkage_list = grouped[item.pk]
    return rows


def plan_tree(version: PlanVersion) -> list[PriorityView]:
    """Every priority with all its items and their linkages: three queries."""
    items = _load_items(
        PlanItem.objects.filter(version=version), Linkage.objects.filter(item__version=version)
    )
    by_priority: dict[int, list[PlanItem]] = defaultdict(list)
    for item in items:
        by_priority[item.priority_id].append(item)
    return [
        PriorityView(priority, StatusCounts.of(by_priority[priority.pk]), by_priority[priority.pk])
        for priority in version.priorities.order_by("order", "id")
    ]


def priority_items(version: PlanVersion, code: str) -> PriorityView:
    """One priority with its items, for a plan page that opens priorities on demand."""
    priority = version.priorities.filter(code=code).first()
    if priority is None:
        raise NotFound(
            gettext("Version %(number)s has no priority %(code)s.")
            % {"number": version.number, "code": code},
            field="code",
        )
    items = _load_items(priority.items.all(), Linkage.objects.filter(item__priority=priority))
    return PriorityView(priority, StatusCounts.of(items), items)


def _items_with_linkages() -> QuerySet[PlanItem]:
    return PlanItem.objects.select_related("outcome").prefetch_related(
        Prefetch("linkages", queryset=Linkage.objects.order_by("type", "target"))
    )


def item_detail(user: Any, conference: Conference, version_number: int, code: str) -> PlanItem:
    """One item with its priority, KPIs and periods, linkages and outputs."""
    version = current_version(user, conference, version_number)
    item = (
        _items_with_linkages()
        .select_related("priority", "version__plan__conference", "version__based_on")
        .prefetch_related(
            Prefetch("kpis", queryset=KPI.objects.prefetch_related("periods")),
            Prefetch("outputs", queryset=PlanItem.objects.order_by("order")),
        )
        .filter(version=version, code=code)
        .first()
    )
    if item is None:
        raise NotFound(
            gettext("Version %(number)s has no item %(code)s.")
            % {"number": version.number, "code": code},
            field="code",
        )
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
