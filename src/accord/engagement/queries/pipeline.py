"""Reads of target lists: counts per pipeline step, overdue invitees, filtered invitee rows.
Each in a fixed number of queries, whatever the number of lists or invitees."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accord.conferences.models import Conference
from accord.engagement import rules
from accord.engagement.domain.deadlines import Deadline, deadlines, overdue_steps
from accord.engagement.enums import InviteeState
from accord.engagement.models import Invitee, TargetList


@dataclass
class ListSummary:
    target_list: TargetList
    counts: dict[str, int]
    total: int
    overdue: int
    can_manage: bool


@dataclass
class Overview:
    lists: list[ListSummary]
    schedule: list[Deadline]
    totals: dict[str, int]
    overdue_by_owner: list[tuple[str, int]] = field(default_factory=list)


def visible_lists(user: Any, conference: Conference) -> QuerySet[TargetList]:
    lists = TargetList.objects.filter(conference=conference)
    if rules.can_manage_engagement(user, conference):
        return lists
    pk = getattr(user, "pk", None)
    return lists.filter(Q(owner_id=pk) | Q(invitees__owner_id=pk)).distinct()


def overview(user: Any, conference: Conference, today: dt.date | None = None) -> Overview:
    """Per visible list: invitees per step, overdue count; overdue per owner."""
    today = today or timezone.localdate()
    schedule = deadlines(conference)
    lists = list(
        visible_lists(user, conference)
        .select_related("owner", "constituent_group")
        .order_by("name")
    )
    rows = (
        Invitee.objects.filter(target_list__in=lists)
        .values("target_list_id", "state", "owner__username")
        .annotate(n=Count("id"))
    )
    counts: dict[int, Counter[str]] = {tl.pk: Counter() for tl in lists}
    overdue: Counter[int] = Counter()
    by_owner: Counter[str] = Counter()
    for row in rows:
        counts[row["target_list_id"]][row["state"]] += row["n"]
        if overdue_steps(row["state"], schedule, today):
            overdue[row["target_list_id"]] += row["n"]
            by_owner[row["owner__username"] or "—"] += row["n"]
    manages_all = rules.can_manage_engagement(user, conference)
    summaries = [
        ListSummary(
            target_list=tl,
            counts={state: counts[tl.pk][state] for state in InviteeState.values},
            total=sum(counts[tl.pk].values()),
            overdue=overdue[tl.pk],
            can_manage=manages_all or tl.owner_id == getattr(user, "pk", None),
        )
        for tl in lists
    ]
    totals = {state: sum(s.counts[state] for s in summaries) for state in InviteeState.values}
    return Overview(
        lists=summaries,
        schedule=schedule,
        totals=totals,
        overdue_by_owner=sorted(by_owner.items(), key=lambda kv: (-kv[1], kv[0])),
    )


@dataclass
class InviteeRow:
    invitee: Invitee
    overdue: list[str]


def invitee_rows(
    target_list: TargetList,
    *,
    state: str = "",
    star: bool | None = None,
    owner: str = "",
    overdue_only: bool = False,
    today: dt.date | None = None,
) -> list[InviteeRow]:
    """The list's invitees, filtered, each with the steps it is overdue for."""
    today = today or timezone.localdate()
    schedule = deadlines(target_list.conference)
    invitees = target_list.invitees.select_related("owner", "country", "constituent_group")
    if state:
        invitees = invitees.filter(state=state)
    if star is not None:
        invitees = invitees.filter(star=star)
    if owner:
        invitees = invitees.filter(owner__username=owner)
    result = [InviteeRow(i, overdue_steps(i.state, schedule, today)) for i in invitees]
    return [row for row in result if row.overdue] if overdue_only else result
