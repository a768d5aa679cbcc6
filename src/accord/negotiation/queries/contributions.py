"""Reads of contributions and their amendments: what a user may see of a version's
contributions, one contribution with its redlines, and the chair's merge board, where
amendments that compete for the same text are grouped together.

Each read costs a fixed number of queries whatever the number of contributions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils.translation import gettext

from accord import rules
from accord.conferences.models import Conference, Delegation
from accord.core.errors import DomainError, NotFound
from accord.engines.diff import EditConflict, Op, changed_ranges, diff_words, merge_edits
from accord.negotiation.enums import AmendmentKind, ContributionState, Decision
from accord.negotiation.models import Amendment, Contribution
from accord.negotiation.rules import (
    can_view_contribution,
    visible_contributions_filter,
)
from accord.plans.models import PlanItem, PlanVersion, Priority

# --- Lists and details ------------------------------------------------------------------------


def _with_people(contributions: QuerySet[Contribution]) -> QuerySet[Contribution]:
    return contributions.select_related(
        "delegation__organization", "on_behalf_of", "version__plan__conference"
    ).prefetch_related(
        Prefetch(
            "cosponsors",
            queryset=Delegation.objects.select_related("organization").order_by(
                "organization__name"
            ),
        )
    )


def contributions_of(user: Any, version: PlanVersion) -> list[Contribution]:
    """The contributions to ``version`` the user may see, oldest first, each with
    ``n_amendments`` and ``n_accepted``; two queries. NotFound if the version is not readable."""
    conference = version.plan.conference
    if not rules.can_view_version(user, version):
        raise NotFound(
            gettext("%(conference)s has no such version that you may read.")
            % {"conference": conference},
            field="version",
        )
    rows = (
        Contribution.objects.filter(version=version)
        .filter(visible_contributions_filter(user, conference))
        .annotate(
            n_amendments=Count("amendments"),
            n_accepted=Count("amendments", filter=Q(amendments__decision=Decision.ACCEPTED)),
        )
        .order_by("id")
    )
    return list(_with_people(rows))


def redline(amendment: Amendment) -> list[Op]:
    """How the amendment changes its item's text, word by word (a move leaves it as it is)."""
    if amendment.kind == AmendmentKind.MODIFY:
        return diff_words(amendment.base_text, amendment.text)
    if amendment.kind == AmendmentKind.DELETE:
        return [Op("delete", amendment.base_text)] if amendment.base_text else []
    if amendment.kind == AmendmentKind.ADD:
        return [Op("insert", amendment.text)]
    return [Op("equal", amendment.base_text)] if amendment.base_text else []


def _amendments() -> QuerySet[Amendment]:
    return Amendment.objects.select_related(
        "item__priority", "priority", "merged_into", "decided_by"
    ).order_by("order", "id")


def load_amendments(contributions: Sequence[Contribution]) -> None:
    """Give each contribution ``amendment_list``, each amendment its redline ``ops``; one
    query for all of them."""
    prefetch_related_objects(
        list(contributions),
        Prefetch("amendments", queryset=_amendments(), to_attr="amendment_list"),
    )
    for contribution in contributions:
        for amendment in contribution.amendment_list:  # type: ignore[attr-defined]
            amendment.ops = redline(amendment)  # for the template


def find_contribution(user: Any, conference: Conference, contribution_id: int) -> Contribution:
    """One contribution of the conference with its amendments (``amendment_list``, each with its
    ``ops``); NotFound when there is none the user may see."""
    contribution = (
        _with_people(Contribution.objects.filter(version__plan__conference=conference))
        .filter(pk=contribution_id)
        .first()
    )
    if contribution is None or not can_view_contribution(user, contribution):
        raise NotFound(
            gettext("There is no contribution %(contribution_id)s that you may see.")
            % {"contribution_id": contribution_id},
            field="id",
        )
    load_amendments([contribution])
    return contribution


def find_amendment(user: Any, conference: Conference, amendment_id: int) -> Amendment:
    """One amendment of the conference, with its contribution; NotFound if not visible."""
    amendment = (
        Amendment.objects.select_related(
            "contribution__version__plan__conference", "item", "priority"
        )
        .filter(contribution__version__plan__conference=conference, pk=amendment_id)
        .first()
    )
    if amendment is None or not can_view_contribution(user, amendment.contribution):
        raise NotFound(
            gettext("There is no amendment %(amendment_id)s that you may see.")
            % {"amendment_id": amendment_id},
            field="id",
        )
    return amendment


def delegations_for(user: Any, conference: Conference) -> QuerySet[Delegation]:
    """The delegations the user may write a contribution for: their own, or any for chairs and
    the secretariat."""
    who = rules.standing(user, conference)
    delegations = Delegation.objects.filter(conference=conference).select_related(
        "organization__country", "organization__region"
    )
    if who.secretariat or who.chair:
        return delegations
    return delegations.filter(pk__in=who.delegation_ids)


# --- Lookups by name, for the API and the command line ------------------------------------------


def delegation_named(conference: Conference, name: str, *, field: str = "delegation") -> Delegation:
    """The conference's delegation whose organization has this name or short name."""
    found = (
        Delegation.objects.filter(conference=conference)
        .filter(Q(organization__name__iexact=name) | Q(organization__short_name__iexact=name))
        .select_related("organization__country", "organization__region")
        .first()
    )
    if found is None:
        raise DomainError(
            gettext("%(conference)s has no delegation named '%(name)s'.")
            % {"conference": conference, "name": name},
            field=field,
        )
    return found


def item_in(version: PlanVersion, code: str, *, field: str = "item") -> PlanItem:
    item = version.items.filter(code=code).select_related("priority").first()
    if item is None:
        raise DomainError(
            gettext("Version %(number)s has no item %(code)s.")
            % {"number": version.number, "code": code},
            field=field,
        )
    return item


def priority_in(version: PlanVersion, code: str, *, field: str = "priority") -> Priority:
    priority = version.priorities.filter(code=code).first()
    if priority is None:
        raise DomainError(
            gettext("Version %(number)s has no priority %(code)s.")
            % {"number": version.number, "code": code},
            field=field,
        )
    return priority


# --- Competing amendments ---------------------------------------------------------------------


def _overlap(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Half-open spans of one text share words, or are pure insertions at one offset. An
    insertion at the edge of a replaced span does not compete: both apply side by side."""
    (a, b), (c, d) = sorted((first, second))
    if a == b and c == d:
        return a == c
    if a == b:  # an insertion before a span starting at or after it
        return False
    return c < b if c < d else a < c < b


class _Ranges:
    """Each modification's changed spans of its item's *current* text, so amendments written
    against different revisions compare; None when it no longer applies to that text."""

    def __init__(self) -> None:
        self._cache: dict[int, list[tuple[int, int]] | None] = {}

    def __call__(self, amendment: Amendment) -> list[tuple[int, int]] | None:
        if amendment.pk not in self._cache:
            assert amendment.item is not None
            current = amendment.item.text
            try:
                text = (
                    amendment.text
                    if amendment.base_text == current
                    else merge_edits(amendment.base_text, [current, amendment.text])
                )
            except EditConflict:
                self._cache[amendment.pk] = None
            else:
                self._cache[amendment.pk] = changed_ranges(current, text)
        return self._cache[amendment.pk]


def _compete(first: Amendment, second: Amendment, ranges: _Ranges) -> bool:
    kinds = {first.kind, second.kind}
    if kinds == {AmendmentKind.ADD}:
        return first.item_code == second.item_code
    if AmendmentKind.ADD in kinds or first.item_id is None or first.item_id != second.item_id:
        return False
    if AmendmentKind.DELETE in kinds:
        return kinds != {AmendmentKind.DELETE}
    if kinds == {AmendmentKind.MOVE}:
        return first.priority_id != second.priority_id
    if kinds == {AmendmentKind.MODIFY}:
        one, other = ranges(first), ranges(second)
        if one is None or other is None:
            return True
        return any(_overlap(x, y) for x in one for y in other)
    return False  # a move and a modification of one item both apply


def competitors(amendments: Sequence[Amendment]) -> dict[int, list[Amendment]]:
    """For each amendment id, the amendments it competes with (directly), in list order."""
    ranges = _Ranges()
    by_target: dict[tuple[str, Any], list[Amendment]] = defaultdict(list)
    for amendment in amendments:
        if amendment.kind == AmendmentKind.ADD:
            by_target[("code", amendment.item_code)].append(amendment)
        elif amendment.item_id is not None:
            by_target[("item", amendment.item_id)].append(amendment)
    found: dict[int, list[Amendment]] = defaultdict(list)
    for group in by_target.values():
        for index, first in enumerate(group):
            for second in group[index + 1 :]:
                if _compete(first, second, ranges):
                    found[first.pk].append(second)
                    found[second.pk].append(first)
    return dict(found)


def _pending_merge(version: PlanVersion) -> list[Amendment]:
    return list(
        Amendment.objects.filter(
            contribution__version=version,
            contribution__state=ContributionState.SUBMITTED,
            merged_into__isnull=True,
        )
        .select_related(
            "item__priority", "priority", "contribution__delegation__organization", "decided_by"
        )
        .order_by("contribution_id", "order", "id")
    )


def _groups(
    amendments: list[Amendment], links: dict[int, list[Amendment]]
) -> list[list[Amendment]]:
    """Connected groups of competing amendments, in order of their first amendment."""
    position = {a.pk: i for i, a in enumerate(amendments)}
    seen: set[int] = set()
    groups = []
    for amendment in amendments:
        if amendment.pk in seen:
            continue
        group, todo = [], [amendment]
        seen.add(amendment.pk)
        while todo:
            current = todo.pop()
            group.append(current)
            for other in links.get(current.pk, []):
                if other.pk not in seen:
                    seen.add(other.pk)
                    todo.append(other)
        groups.append(sorted(group, key=lambda a: position[a.pk]))
    return groups


def overlapping_amendments(version: PlanVersion) -> list[list[Amendment]]:
    """Groups of submitted, not yet merged amendments to ``version`` that compete for the same
    item: modifications changing overlapping words, a delete with a modify or move of the item,
    moves to different priorities, adds of one identifier. The caller checked the version is
    readable (submitted amendments are seen by all who read it)."""
    amendments = _pending_merge(version)
    links = competitors(amendments)
    return [group for group in _groups(amendments, links) if len(group) > 1]


@dataclass
class BoardEntry:
    amendment: Amendment
    ops: list[Op]
    competes_with: list[Amendment] = field(default_factory=list)


@dataclass
class BoardGroup:
    """One amendment, or several competing for the same item (shown together)."""

    entries: list[BoardEntry]

    @property
    def competing(self) -> bool:
        return len(self.entries) > 1


@dataclass
class MergeBoard:
    version: PlanVersion
    groups: list[BoardGroup]

    @property
    def accepted(self) -> int:
        return sum(
            entry.amendment.decision == Decision.ACCEPTED
            for group in self.groups
            for entry in group.entries
        )


def merge_board(user: Any, version: PlanVersion) -> MergeBoard:
    """The chair's view of what a merge of ``version`` would consider: every submitted, not
    yet merged amendment with its redline, competing ones grouped. Three queries."""
    rules.require(
        rules.can_edit_plan(user, version.plan.conference),
        gettext("Only the secretariat or a chair merges contributions."),
    )
    amendments = _pending_merge(version)
    links = competitors(amendments)
    groups = [
        BoardGroup(
            [BoardEntry(a, redline(a), links.get(a.pk, [])) for a in group],
        )
        for group in _groups(amendments, links)
    ]
    return MergeBoard(version, groups)
