"""The coordinators matrix: every region against every topic (the conference's agenda topics
and each priority of the Action Plan), who coordinates each cell, and the cells nobody does.

Priorities are matched by their identifier, so a coordinator named for ``D.2`` of an earlier
version still fills the ``D.2`` column of the newest one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from accord import rules
from accord.conferences.models import Conference
from accord.meetings import rules as meeting_rules
from accord.meetings.enums import Topic
from accord.meetings.models import Coordinator
from accord.plans.models import PlanVersion
from accord.reference.models import Region

FIXED_TOPICS = (Topic.RESOLUTIONS, Topic.DECLARATION, Topic.QUESTIONS, Topic.STRATEGIC_PLAN)


@dataclass(frozen=True)
class Column:
    key: str  # the topic's value, or "priority:<code>"
    label: str
    title: str


@dataclass(frozen=True)
class Cell:
    column: Column
    coordinators: tuple[Coordinator, ...]

    @property
    def gap(self) -> bool:
        return not self.coordinators


@dataclass(frozen=True)
class Row:
    region: Region
    cells: tuple[Cell, ...]

    @property
    def gaps(self) -> int:
        return sum(cell.gap for cell in self.cells)


@dataclass(frozen=True)
class Matrix:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    @property
    def gaps(self) -> int:
        return sum(row.gaps for row in self.rows)

    @property
    def cells(self) -> int:
        return len(self.columns) * len(self.rows)

    @property
    def column_gaps(self) -> tuple[int, ...]:
        return tuple(sum(row.cells[n].gap for row in self.rows) for n in range(len(self.columns)))

    def as_dict(self) -> dict[str, Any]:
        """A plain form for the API: region code → column key → coordinator names."""
        return {
            row.region.code: {
                cell.column.key: [c.person.name for c in cell.coordinators] for cell in row.cells
            }
            for row in self.rows
        }


def column_key(coordinator: Coordinator) -> str:
    if coordinator.topic == Topic.PRIORITY and coordinator.priority is not None:
        return f"priority:{coordinator.priority.code}"
    return str(coordinator.topic)


def _priority_columns(
    user: Any, conference: Conference, coordinators: list[Coordinator]
) -> list[Column]:
    """The priorities of the newest version the user may read, then any other priority a
    coordinator was named for (by identifier only: its title may be of an unreadable draft)."""
    states = rules.visible_version_states(user, conference)
    version = (
        PlanVersion.objects.filter(plan__conference=conference, state__in=states)
        .order_by("-number")
        .first()
    )
    columns = []
    if version is not None:
        columns = [
            Column(f"priority:{p.code}", p.code, p.title)
            for p in version.priorities.order_by("order", "id")
        ]
    known = {c.key for c in columns}
    for coordinator in coordinators:
        key = column_key(coordinator)
        if key.startswith("priority:") and key not in known:
            known.add(key)
            code = key.removeprefix("priority:")
            columns.append(Column(key, code, code))
    return columns


def coordinator_matrix(user: Any, conference: Conference) -> Matrix:
    """Regions × topics with their coordinators (participants only: it names people).
    Three queries, however many coordinators."""
    rules.require(
        meeting_rules.can_view_participants_only(user, conference),
        gettext("Coordinators are shown to the conference's participants."),
    )
    coordinators = list(
        Coordinator.objects.filter(conference=conference)
        .select_related("person", "organization", "priority", "region")
        .order_by("person__name", "id")
    )
    columns = [Column(str(t.value), str(t.label), str(t.label)) for t in FIXED_TOPICS]
    columns += _priority_columns(user, conference, coordinators)
    by_cell: dict[tuple[int, str], list[Coordinator]] = {}
    for coordinator in coordinators:
        by_cell.setdefault((coordinator.region_id, column_key(coordinator)), []).append(coordinator)
    rows = tuple(
        Row(
            region=region,
            cells=tuple(
                Cell(column, tuple(by_cell.get((region.pk, column.key), ()))) for column in columns
            ),
        )
        for region in Region.objects.order_by("name")
    )
    return Matrix(columns=tuple(columns), rows=rows)
