"""Priorities common to several regions: pairs of priorities from *different* regions that say
much the same thing (the overlap engine on title and text), and plan items that priorities of
two or more regions are linked to. Each grouping says why it was formed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from accord.conferences.models import Conference
from accord.engines import overlap
from accord.engines.overlap import semantic
from accord.plans.models import PlanItem
from accord.regional.models import RegionalPriority
from accord.regional.queries.priorities import priorities_of

LEXICAL_THRESHOLD = 0.25
"""The lexical cut for priorities. The engine's default (0.65) is calibrated to catch
near-duplicate paragraphs of one plan; two RTOs writing the same wish in their own words share
fewer words. On the demo's eighteen priorities, the cross-region pairs on one theme score
0.29-0.56 and the best pair on different themes 0.16, so 0.25 keeps the first and drops the
second; each pair shows its shared phrases for a reader to judge."""
HYBRID_THRESHOLD = 0.3
"""The hybrid cut for priorities, lowered for the same reason from the engine's 0.489: on the
demo's priorities it keeps seven cross-region pairs on connectivity, skills, cybersecurity and
emergency telecommunications (0.35-0.76) where the default keeps three."""


@dataclass(frozen=True)
class OverlapLink:
    """Two priorities of different regions the engine matched, and the phrases they share."""

    a: RegionalPriority
    b: RegionalPriority
    score: float
    shared: tuple[str, ...]


@dataclass
class OverlapGroup:
    """Priorities of several regions linked by matched pairs (a cluster of the engine's)."""

    priorities: list[RegionalPriority]
    links: list[OverlapLink] = field(default_factory=list)

    @property
    def regions(self) -> list[str]:
        return sorted({p.rto.region.code for p in self.priorities})


@dataclass(frozen=True)
class LinkGroup:
    """A plan item that priorities of two or more regions are linked to."""

    item: PlanItem
    priorities: list[RegionalPriority]

    @property
    def regions(self) -> list[str]:
        return sorted({p.rto.region.code for p in self.priorities})


@dataclass
class CommonPriorities:
    method: str
    overlaps: list[OverlapGroup]
    links: list[LinkGroup]
    shared_ids: set[int]
    warnings: list[str] = field(default_factory=list)


def _corpus(rows: Sequence[RegionalPriority]) -> list[overlap.Text]:
    return [
        overlap.Text(
            id=str(p.pk),
            text=f"{p.title}. {p.text}".strip(),
            kind="regional_priority",
            source=p.rto.region.code,
        )
        for p in rows
    ]


def _overlaps(
    rows: list[RegionalPriority], method: str, embedder: Any
) -> tuple[list[OverlapGroup], str, list[str]]:
    by_id = {str(p.pk): p for p in rows}
    threshold = LEXICAL_THRESHOLD if method == "lexical" else HYBRID_THRESHOLD
    found = overlap.find_overlaps(
        _corpus(rows), method=method, threshold=threshold, semantic=embedder
    )
    cross = [
        pair for pair in found.pairs if by_id[pair.a].rto.region_id != by_id[pair.b].rto.region_id
    ]
    groups = []
    for members in overlap.cluster(cross, [t.id for t in _corpus(rows)]):
        if len(members) < 2:
            continue
        inside = set(members)
        links = [
            OverlapLink(by_id[p.a], by_id[p.b], round(p.score, 3), p.shared)
            for p in cross
            if p.a in inside and p.b in inside
        ]
        groups.append(OverlapGroup([by_id[m] for m in members], links))
    groups.sort(key=lambda g: (-len(g.regions), -max(link.score for link in g.links)))
    return groups, found.method, list(found.warnings)


def _link_groups(rows: list[RegionalPriority]) -> list[LinkGroup]:
    by_item: dict[int, tuple[PlanItem, list[RegionalPriority]]] = {}
    for priority in rows:
        for item in priority.plan_items.all():
            by_item.setdefault(item.pk, (item, []))[1].append(priority)
    groups = [
        LinkGroup(item, members)
        for item, members in by_item.values()
        if len({p.rto.region_id for p in members}) >= 2
    ]
    groups.sort(key=lambda g: (-len(g.regions), g.item.code))
    return groups


def common_priorities(
    user: Any, conference: Conference, *, embedder: Any = None
) -> CommonPriorities:
    """The groupings of priorities common to several regions. The engine's hybrid method is
    used when the embedding model is installed (or ``embedder`` is given), the lexical one
    otherwise; exact links to one plan item are found either way."""
    rows = list(priorities_of(user, conference))
    method = "hybrid" if embedder is not None or semantic.available() else "lexical"
    overlaps, used, warnings = (
        _overlaps(rows, method, embedder) if len(rows) > 1 else ([], method, [])
    )
    links = _link_groups(rows)
    shared = {p.pk for g in overlaps for p in g.priorities} | {
        p.pk for g in links for p in g.priorities
    }
    return CommonPriorities(used, overlaps, links, shared, warnings)
