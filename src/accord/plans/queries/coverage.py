"""What a plan version serves: items per SDG goal, per SDG target and per WSIS action line, and
the items linked to nothing — read in a fixed number of queries, whatever the plan's size.

An item serves a goal when it links to the goal itself or to one of the goal's targets
(``9.c`` serves SDG 9); it is counted once per goal however many such links it has.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from accord.plans.enums import LinkageType
from accord.plans.models import Linkage, PlanItem, PlanVersion
from accord.reference.models import SDG, SDGTarget, WSISActionLine


@dataclass(frozen=True)
class ItemRef:
    """An item as the coverage lists name it."""

    code: str
    kind: str
    text: str
    priority: str


@dataclass(frozen=True)
class Served:
    """What a reference entry (goal, target, WSIS line) is served by: the codes of the items
    linked to it, in plan order."""

    items: list[str] = field(default_factory=list, kw_only=True)

    @property
    def count(self) -> int:
        return len(self.items)

    @property
    def covered(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True)
class GoalCoverage(Served):
    number: int
    name: str


@dataclass(frozen=True)
class TargetCoverage(Served):
    code: str
    goal: int
    description: str
    """Empty when the UN target list has not been imported."""
    indicators: int = 0
    """How many of the UN's indicators measure the target (0 until they are imported)."""


@dataclass(frozen=True)
class LineCoverage(Served):
    code: str
    number: int
    title: str


@dataclass(frozen=True)
class Coverage:
    version: PlanVersion
    goals: list[GoalCoverage]
    """All seventeen goals, uncovered ones included."""
    targets: list[TargetCoverage]
    """Every imported target (uncovered ones flagged by ``covered``), plus any linked target
    that the imported list lacks; only the linked ones when no list has been imported."""
    targets_imported: bool
    wsis: list[LineCoverage]
    """All eleven action lines, uncovered ones included."""
    unlinked: list[ItemRef]
    """Items with no link of any type, in plan order."""
    items_total: int

    @property
    def items_linked(self) -> int:
        return self.items_total - len(self.unlinked)

    @property
    def goals_covered(self) -> int:
        return sum(goal.covered for goal in self.goals)

    @property
    def targets_covered(self) -> int:
        return sum(target.covered for target in self.targets)

    @property
    def wsis_covered(self) -> int:
        return sum(line.covered for line in self.wsis)

    @property
    def indicators_imported(self) -> bool:
        return any(target.indicators for target in self.targets)

    @property
    def covered_targets(self) -> list[TargetCoverage]:
        return [target for target in self.targets if target.covered]

    @property
    def uncovered_targets(self) -> list[TargetCoverage]:
        return [target for target in self.targets if not target.covered]


def goal_of_target(code: str) -> int | None:
    """``"9.c"`` → 9; None for a code that does not start with a goal number."""
    head = code.split(".", 1)[0]
    return int(head) if head.isdigit() else None


def _target_sort_key(code: str) -> tuple[int, int, str]:
    """Targets in the UN's order: numbered ones (9.1…9.5) before lettered ones (9.a…9.c)."""
    goal, _, rest = code.partition(".")
    number = int(goal) if goal.isdigit() else 0
    return (number, 0, f"{int(rest):03d}") if rest.isdigit() else (number, 1, rest)


def version_items(version: PlanVersion) -> list[ItemRef]:
    """Every item of the version in plan order, as plain values: one query."""
    rows = (
        PlanItem.objects.filter(version=version)
        .order_by("priority__order", "priority_id", "order", "id")
        .values_list("code", "kind", "text", "priority__code")
    )
    return [ItemRef(code, kind, text, priority) for code, kind, text, priority in rows]


def version_links(version: PlanVersion) -> dict[str, list[tuple[str, str]]]:
    """``{item code: [(type, target), …]}`` for the version: one query."""
    links: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, type_, target in (
        Linkage.objects.filter(item__version=version)
        .order_by("type", "target")
        .values_list("item__code", "type", "target")
    ):
        links[code].append((type_, target))
    return links


def item_goals(links: list[tuple[str, str]]) -> set[int]:
    """The goals one item serves, directly or through a target."""
    goals: set[int] = set()
    for type_, target in links:
        if type_ == LinkageType.SDG and target.isdigit():
            goals.add(int(target))
        elif type_ == LinkageType.SDG_TARGET:
            goal = goal_of_target(target)
            if goal is not None:
                goals.add(goal)
    return goals


def coverage(version: PlanVersion) -> Coverage:
    """Which goals, targets and action lines the version serves and with which items; which
    items serve nothing. Five queries."""
    items = version_items(version)
    links = version_links(version)
    goal_items: dict[int, list[str]] = defaultdict(list)
    target_items: dict[str, list[str]] = defaultdict(list)
    line_items: dict[str, list[str]] = defaultdict(list)
    unlinked = []
    for item in items:
        own = links.get(item.code, [])
        if not own:
            unlinked.append(item)
            continue
        for goal in sorted(item_goals(own)):
            goal_items[goal].append(item.code)
        for type_, target in own:
            if type_ == LinkageType.SDG_TARGET:
                target_items[target].append(item.code)
            elif type_ == LinkageType.WSIS:
                line_items[target].append(item.code)

    goals = [
        GoalCoverage(number, name, items=goal_items.get(number, []))
        for number, name in SDG.objects.order_by("number").values_list("number", "short_name")
    ]
    imported = {
        code: (goal, description, indicators)
        for code, goal, description, indicators in SDGTarget.objects.annotate(
            n=Count("indicators")
        ).values_list("code", "goal__number", "description", "n")
    }
    codes = set(imported) | set(target_items)
    targets = []
    for code in sorted(codes, key=_target_sort_key):
        goal, description, indicators = imported.get(code, (goal_of_target(code) or 0, "", 0))
        targets.append(
            TargetCoverage(code, goal, description, indicators, items=target_items.get(code, []))
        )
    lines = [
        LineCoverage(code, number, title, items=line_items.get(code, []))
        for code, number, title in WSISActionLine.objects.order_by("number").values_list(
            "code", "number", "title"
        )
    ]
    return Coverage(
        version=version,
        goals=goals,
        targets=targets,
        targets_imported=bool(imported),
        wsis=lines,
        unlinked=unlinked,
        items_total=len(items),
    )
