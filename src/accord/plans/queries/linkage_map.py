"""The map of what a plan version serves, as the flows of a three-column Sankey chart:
priority → item (outcome or output) → SDG goal, or WSIS action line. Four queries whatever the
plan's size.

Each link of an item to a goal (directly or through one of its targets, counted once) or to an
action line is a flow of 1 from the item to it; a priority sends each of its items as much as
the item passes on, so every node's inflow equals its outflow. Items linked to nothing of the
chosen kind are left out: the coverage view lists them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext

from accord.core.errors import DomainError
from accord.plans.enums import LinkageType
from accord.plans.models import PlanVersion
from accord.plans.queries.coverage import item_goals, version_items, version_links
from accord.reference.models import SDG, WSISActionLine

MapKind = Literal["sdg", "wsis"]
KINDS: tuple[MapKind, ...] = ("sdg", "wsis")

PRIORITY, ITEM, TARGET = 0, 1, 2
"""The three columns, left to right."""


@dataclass(frozen=True)
class Node:
    key: str
    """Unique in the map: ``p:D.1``, ``i:D.1-a``, ``g:9`` or ``w:C2``."""
    column: int
    label: str
    """Short: ``D.1``, ``D.1-a``, ``SDG 9``, ``C2``."""
    title: str
    """Long: the priority's title, the item's text, the goal's or line's name."""
    value: int
    kind: str = ""
    """``outcome`` or ``output`` for an item, else empty."""


@dataclass(frozen=True)
class Flow:
    source: str
    target: str
    value: int


@dataclass(frozen=True)
class LinkMap:
    kind: MapKind
    nodes: list[Node]
    """Column by column, each in plan order (goals and lines by number)."""
    flows: list[Flow]
    """Priority → item flows first, then item → goal (or line), in node order."""

    @property
    def empty(self) -> bool:
        return not self.flows

    def column(self, number: int) -> list[Node]:
        return [node for node in self.nodes if node.column == number]


def linkage_map(
    version: PlanVersion,
    *,
    priority: str | None = None,
    goal: int | None = None,
    line: str | None = None,
    kind: MapKind = "sdg",
) -> LinkMap:
    """The flows of ``version``, of one priority (its code) and to one goal (with ``kind``
    "sdg") or one action line (``kind`` "wsis") when given. Unknown filters raise DomainError
    naming the filter."""
    if kind not in KINDS:
        raise DomainError(
            gettext("Unknown map kind '%(kind)s'; expected sdg or wsis.") % {"kind": kind},
            field="kind",
        )
    priorities = dict(version.priorities.order_by("order", "id").values_list("code", "title"))
    if priority and priority not in priorities:
        raise DomainError(
            gettext("Version %(number)s has no priority %(priority)s.")
            % {"number": version.number, "priority": priority},
            field="priority",
        )
    if kind == "sdg":
        names = {
            f"g:{number}": (f"SDG {number}", name, number)
            for number, name in SDG.objects.values_list("number", "short_name")
        }
        wanted = f"g:{goal}" if goal is not None else None
    else:
        names = {
            f"w:{code}": (code, title, number)
            for code, number, title in WSISActionLine.objects.values_list("code", "number", "title")
        }
        wanted = f"w:{line.upper()}" if line else None
    if wanted is not None and wanted not in names:
        what = f"SDG {goal}" if kind == "sdg" else f"WSIS action line {line}"
        raise DomainError(
            gettext("%(what)s does not exist.") % {"what": what},
            field="goal" if kind == "sdg" else "line",
        )

    links = version_links(version)
    item_nodes: list[Node] = []
    to_items: list[Flow] = []
    to_targets: list[Flow] = []
    sent: dict[str, int] = defaultdict(int)
    received: dict[str, int] = defaultdict(int)
    for item in version_items(version):
        if priority and item.priority != priority:
            continue
        served = sorted(
            (key for key in _served(links.get(item.code, []), kind) if key in names),
            key=lambda key: names[key][2],
        )
        if wanted is not None:
            served = [key for key in served if key == wanted]
        if not served:
            continue
        key = f"i:{item.code}"
        item_nodes.append(Node(key, ITEM, item.code, item.text, len(served), item.kind))
        to_items.append(Flow(f"p:{item.priority}", key, len(served)))
        sent[item.priority] += len(served)
        for target in served:
            to_targets.append(Flow(key, target, 1))
            received[target] += 1

    priority_nodes = [
        Node(f"p:{code}", PRIORITY, code, title, sent[code])
        for code, title in priorities.items()
        if sent[code]
    ]
    target_nodes = [
        Node(key, TARGET, label, title, received[key])
        for key, (label, title, _) in sorted(names.items(), key=lambda entry: entry[1][2])
        if received[key]
    ]
    return LinkMap(kind, priority_nodes + item_nodes + target_nodes, to_items + to_targets)


def _served(links: list[tuple[str, str]], kind: MapKind) -> list[str]:
    """Node keys of the goals (or lines) one item's links reach, in order."""
    if kind == "sdg":
        return [f"g:{goal}" for goal in item_goals(links)]
    return [f"w:{target}" for type_, target in links if type_ == LinkageType.WSIS]
