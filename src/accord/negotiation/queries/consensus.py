"""Where consensus stands: open brackets and disputed items per priority, who said what on
each bracket, who stands alone, how the versions converged, and one delegation's record.

Every read sees only the versions ``accord.rules`` lets the user read and costs a fixed number
of queries whatever the size of the plan; the rule itself lives in ``engines.consensus``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils.translation import gettext

from accord.conferences.models import Conference, Delegation
from accord.core.errors import NotFound
from accord.engines.brackets import Parsed
from accord.engines.consensus import (
    Cell,
    Column,
    Leaning,
    Matrix,
    Placed,
    Stated,
    bracket_matrix,
    leaning,
    place,
    standing_alone,
)
from accord.engines.gc_pause import gc_paused
from accord.negotiation.models import Position
from accord.plans.domain.status import parse_text, stances_at
from accord.plans.enums import ItemStatus
from accord.plans.models import PlanItem, PlanVersion, Priority
from accord.plans.queries import StatusCounts, choose_version, visible_versions


def open_brackets(parsed: Parsed) -> int:
    """Brackets still open in a text: matched ones, and strays that pair with nothing."""
    return len(parsed.brackets) + len(parsed.unbalanced)


@dataclass(frozen=True)
class PriorityStanding:
    """One priority: its items per status, the brackets still open in them, and the codes of
    its disputed items (in plan order)."""

    code: str
    title: str
    counts: StatusCounts
    open_brackets: int
    disputed: list[str]


@dataclass(frozen=True)
class DelegationSummary:
    """What one delegation currently holds on this version, counted."""

    name: str
    delegation_id: int | None
    """None for a name stated in a comment that matches no registered delegation."""
    items: int
    """Items it holds a current stance on (on the item or one of its brackets)."""
    brackets: int
    """Brackets it spoke on itself (whole-item stances not counted)."""
    leanings: dict[str, int]
    """Current stances by leaning: hold, change, object, neutral."""
    alone: int
    """Brackets where it stands alone."""


@dataclass(frozen=True)
class Alone:
    column: Column
    delegation: str
    cell: Cell


@dataclass
class Consensus:
    """Where consensus stands on one version (see ``consensus_of``)."""

    version: PlanVersion
    versions: list[PlanVersion]
    """Every version the user may read, newest first (to choose another)."""
    priorities: list[PriorityStanding]
    matrix: Matrix
    column_priority: list[str]
    """The priority code of each matrix column."""
    alone: list[Alone]
    delegations: list[DelegationSummary]
    delegation_ids: dict[str, int] = field(default_factory=dict)
    """Delegation name → id, for the names that are registered delegations."""

    @property
    def totals(self) -> StatusCounts:
        return sum((p.counts for p in self.priorities), StatusCounts())

    @property
    def open_brackets(self) -> int:
        return sum(p.open_brackets for p in self.priorities)


@dataclass(slots=True)
class _Item:
    """The columns of an item these reads need: plain rows, because building thousands of
    model instances costs more than the rule itself."""

    pk: int
    code: str
    text: str
    revision: int
    status: str
    priority_id: int
    order: int


@dataclass
class _Loaded:
    """A version's priorities and items in plan order, parsed, with current stances."""

    priorities: list[Priority]
    items: list[_Item]
    parsed: dict[int, Parsed]
    stances: dict[int, list[Stated]]
    _placed: dict[int, Placed] = field(default_factory=dict)

    def matrix(self) -> Matrix:
        return bracket_matrix(
            (item.code, self.parsed[item.pk], self.placed(item)) for item in self.items
        )

    def placed(self, item: _Item) -> Placed:
        """Placed once per item: the matrix and the per-delegation counts both need it."""
        if item.pk not in self._placed:
            self._placed[item.pk] = place(self.parsed[item.pk], self.stances.get(item.pk, ()))
        return self._placed[item.pk]


def _load(version: PlanVersion) -> _Loaded:
    """Three queries: priorities, items, current stances."""
    priorities = list(version.priorities.order_by("order", "id").only("id", "code", "title"))
    rank = {priority.pk: n for n, priority in enumerate(priorities)}
    rows = PlanItem.objects.filter(version=version).values_list(
        "id", "code", "text", "revision", "status", "priority_id", "order"
    )
    items = sorted(
        (_Item(*row) for row in rows),
        key=lambda item: (rank.get(item.priority_id, len(rank)), item.order, item.pk),
    )
    return _Loaded(
        priorities=priorities,
        items=items,
        parsed={item.pk: parse_text(item.text) for item in items},
        stances=(
            stances_at({item.pk: item.revision for item in items}, version_id=version.pk)
            if items
            else {}
        ),
    )


def _readable(
    user: Any, conference: Conference, number: int | None
) -> tuple[PlanVersion, list[PlanVersion]]:
    versions = list(visible_versions(user, conference).order_by("-number"))
    return choose_version(conference, versions, number), versions


def _delegation_ids(conference: Conference) -> dict[str, int]:
    return dict(
        Delegation.objects.filter(conference=conference).values_list("organization__name", "id")
    )


def consensus_of(user: Any, conference: Conference, number: int | None = None) -> Consensus:
    """Where consensus stands on version ``number`` (default: the newest the user may read).

    Counts follow each item's ``status`` (what everyone sees, a chair's decision included);
    the matrix and standing-alone list follow the current stances. Raises NotFound when the
    version is not there or not readable. Five queries, plus two for the user's roles.
    """
    version, versions = _readable(user, conference, number)
    with gc_paused():
        return _consensus(conference, version, versions)


def version_matrix(version: PlanVersion) -> Matrix:
    """The delegation × bracket matrix of a version, from the database: its items, their
    current stances, every bracket with who said what. (No permission check: callers have
    the version from a query that made one.)"""
    with gc_paused():
        return _load(version).matrix()


def _consensus(
    conference: Conference, version: PlanVersion, versions: list[PlanVersion]
) -> Consensus:
    loaded = _load(version)
    matrix = loaded.matrix()
    priority_code = {p.pk: p.code for p in loaded.priorities}
    item_priority = {item.code: priority_code.get(item.priority_id, "") for item in loaded.items}
    alone = [Alone(column, who, cell) for column, who, cell in standing_alone(matrix)]
    ids = _delegation_ids(conference)
    return Consensus(
        version=version,
        versions=versions,
        priorities=_priorities(loaded),
        matrix=matrix,
        column_priority=[item_priority[column.item] for column in matrix.columns],
        alone=alone,
        delegations=_summaries(loaded, alone, ids),
        delegation_ids=ids,
    )


def _priorities(loaded: _Loaded) -> list[PriorityStanding]:
    by_priority: dict[int, list[_Item]] = defaultdict(list)
    for item in loaded.items:
        by_priority[item.priority_id].append(item)
    return [
        PriorityStanding(
            code=priority.code,
            title=priority.title,
            counts=StatusCounts.from_counter(Counter(item.status for item in items)),
            open_brackets=sum(open_brackets(loaded.parsed[item.pk]) for item in items),
            disputed=[item.code for item in items if item.status == ItemStatus.DISPUTED],
        )
        for priority in loaded.priorities
        for items in [by_priority[priority.pk]]
    ]


def _summaries(loaded: _Loaded, alone: list[Alone], ids: dict[str, int]) -> list[DelegationSummary]:
    """Registered delegations that said nothing are listed too, with zeros."""
    said: list[tuple[str, str]] = []  # (delegation, stance), every current stance
    on_brackets: list[str] = []
    speakers: list[str] = []  # each delegation once per item it speaks on
    for item in loaded.items:
        if item.pk not in loaded.stances:
            continue
        placed = loaded.placed(item)
        seen = set()
        for stated in placed.on_item:
            said.append((stated.delegation, stated.stance))
            seen.add(stated.delegation)
        for group in placed.on_bracket.values():
            for stated in group:
                said.append((stated.delegation, stated.stance))
                on_brackets.append(stated.delegation)
                seen.add(stated.delegation)
        speakers.extend(seen)
    items, brackets = Counter(speakers), Counter(on_brackets)
    leanings: Counter[tuple[str, Leaning]] = Counter()
    for (who, stance), n in Counter(said).items():
        leanings[who, leaning(stance)] += n
    alone_count = Counter(entry.delegation for entry in alone)
    names = sorted(set(ids) | set(items), key=str.casefold)
    return [
        DelegationSummary(
            name=name,
            delegation_id=ids.get(name),
            items=items[name],
            brackets=brackets[name],
            leanings={pull.value: leanings[name, pull] for pull in Leaning},
            alone=alone_count[name],
        )
        for name in names
    ]


@dataclass(frozen=True)
class OpenItem:
    """An item whose text still has open brackets, with its current stances placed."""

    code: str
    text: str
    parsed: Parsed
    placed: Placed


def open_items(user: Any, conference: Conference, number: int) -> list[OpenItem]:
    """Every item of version ``number`` with open brackets, in plan order; NotFound when the
    version is not readable."""
    version, _ = _readable(user, conference, number)
    loaded = _load(version)
    return [
        OpenItem(item.code, item.text, loaded.parsed[item.pk], loaded.placed(item))
        for item in loaded.items
        if open_brackets(loaded.parsed[item.pk])
    ]


@dataclass(frozen=True)
class ConvergencePoint:
    number: int
    label: str
    open_brackets: int
    disputed: int


def convergence(user: Any, conference: Conference) -> list[ConvergencePoint]:
    """Open brackets and disputed items in every version the user may read, oldest first.

    Disputed counts are read afresh (a position can change a status without changing any
    text); bracket counts depend on the texts only, so they are cached per version until its
    ``changed_at`` moves.
    """
    versions = list(visible_versions(user, conference).order_by("number"))
    if not versions:
        return []
    disputed = dict(
        PlanItem.objects.filter(version__in=versions)
        .values("version_id")
        .annotate(n=Count("id", filter=Q(status=ItemStatus.DISPUTED)))
        .values_list("version_id", "n")
    )
    brackets = _bracket_counts(versions)
    return [
        ConvergencePoint(v.number, v.label, brackets[v.pk], disputed.get(v.pk, 0)) for v in versions
    ]


def _bracket_counts(versions: Sequence[PlanVersion]) -> dict[int, int]:
    keys = {v.pk: f"accord:open-brackets:{v.pk}:{v.changed_at.isoformat()}" for v in versions}
    cached = cache.get_many(list(keys.values()))
    counts = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = [pk for pk in keys if pk not in counts]
    if missing:
        counts.update(dict.fromkeys(missing, 0))
        rows = PlanItem.objects.filter(version_id__in=missing).values_list("version_id", "text")
        for version_id, text in rows.iterator():
            counts[version_id] += open_brackets(parse_text(text))
        cache.set_many({keys[pk]: counts[pk] for pk in missing}, timeout=None)
    return counts


@dataclass(frozen=True)
class Said:
    """One position, as history: ``lapsed`` when it concerns a bracket the text no longer has
    or an earlier revision of the item's text; ``current`` when it is the delegation's latest
    word on that target and has not lapsed (what the status rule counts)."""

    position: Position
    who: str
    lapsed: bool
    current: bool
    bracket_index: int | None
    """The bracket's index in the current text, unless it lapsed (or concerns the item)."""


def _who(position: Position) -> str:
    """The name a position goes by, as in ``current_stances``: its delegation's organization,
    else the name as stated (so matrix rows and records agree)."""
    delegation = position.delegation
    return delegation.organization.name if delegation else position.delegation_name


def _history(positions: Iterable[Position]) -> list[Said]:
    """Mark positions (oldest first, with item and delegation loaded) lapsed and current, by
    the rule of ``plans.domain.status.current_stances`` and ``engines.consensus.place``."""
    positions = list(positions)
    parsed: dict[int, dict[str, int]] = {}
    latest: dict[tuple[int | None, str, str], int] = {}
    lapsed: list[bool] = []
    names = [_who(position) for position in positions]
    for n, position in enumerate(positions):
        item = position.item
        if item is None:  # on a priority: no text to lapse against
            lapsed.append(False)
        elif position.bracket:
            if item.pk not in parsed:
                parsed[item.pk] = {}
                for bracket in parse_text(item.text).brackets:
                    parsed[item.pk].setdefault(bracket.text, bracket.index)
            lapsed.append(position.bracket not in parsed[item.pk])
        else:
            lapsed.append(position.item_revision not in (None, item.revision))
        if not lapsed[-1] or position.bracket:
            key = (position.item_id or -(position.priority_id or 0), names[n], position.bracket)
            latest[key] = n
    current = set(latest.values())
    return [
        Said(
            position=position,
            who=names[n],
            lapsed=lapsed[n],
            current=n in current and not lapsed[n],
            bracket_index=(
                parsed.get(position.item_id or 0, {}).get(position.bracket)
                if position.bracket and not lapsed[n]
                else None
            ),
        )
        for n, position in enumerate(positions)
    ]


def item_positions(user: Any, conference: Conference, number: int, code: str) -> list[Said]:
    """Every position ever stated on item ``code`` of version ``number``, oldest first."""
    version, _ = _readable(user, conference, number)
    item = PlanItem.objects.filter(version=version, code=code).first()
    if item is None:
        raise NotFound(
            gettext("Version %(number)s has no item %(code)s.")
            % {"number": version.number, "code": code},
            field="code",
        )
    positions = (
        Position.objects.filter(item=item)
        .select_related("delegation__organization")
        .order_by("stated_at", "id")
    )
    for position in positions:
        position.item = item
    return _history(positions)


@dataclass(frozen=True)
class VersionRecord:
    version: PlanVersion
    said: list[Said]
    """Newest first."""


def delegation_record(
    user: Any, conference: Conference, delegation: Delegation
) -> list[VersionRecord]:
    """Everything ``delegation`` has said in the versions the user may read, newest version
    first and newest word first. Includes positions stated under its name in comments that
    were not linked to it. Two queries, plus two for the user's roles."""
    versions = {v.pk: v for v in visible_versions(user, conference)}
    if not versions or delegation.conference_id != conference.pk:
        return []
    name = delegation.organization.name
    positions = (
        Position.objects.filter(version_id__in=versions)
        .filter(Q(delegation=delegation) | Q(delegation__isnull=True, delegation_name=name))
        .select_related("item", "priority", "delegation__organization")
        .order_by("stated_at", "id")
    )
    by_version: dict[int, list[Said]] = defaultdict(list)
    for said in _history(positions):
        by_version[said.position.version_id].append(said)
    return [
        VersionRecord(versions[pk], list(reversed(by_version[pk])))
        for pk in sorted(by_version, key=lambda pk: versions[pk].number, reverse=True)
    ]
