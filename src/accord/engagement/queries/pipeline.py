"""Reads of target lists: counts per pipeline step, overdue invitees, filtered invitee rows.
Each in a fixed number of queries, whatever the number of lists or invitees."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from accord.conferences.models import Conference
from accord.core.errors import DomainError, NotAllowed, NotFound
from accord.engagement import rules
from accord.engagement.domain.deadlines import Deadline, deadlines, overdue_steps
from accord.engagement.domain.invitations import INVITABLE
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


def _pk(user: Any) -> int | None:
    return getattr(user, "pk", None) if getattr(user, "is_authenticated", False) else None


def visible_lists(user: Any, conference: Conference) -> QuerySet[TargetList]:
    """The lists the user manages, or owns an invitee on (``rules.can_view_engagement``)."""
    lists = TargetList.objects.filter(conference=conference)
    if rules.can_manage_engagement(user, conference):
        return lists
    pk = _pk(user)
    if pk is None:
        return lists.none()
    return lists.filter(Q(owner_id=pk) | Q(invitees__owner_id=pk)).distinct()


def visible_invitees(user: Any, target_list: TargetList) -> QuerySet[Invitee]:
    """All the list's invitees for those who manage it; else only those the user owns."""
    invitees = target_list.invitees.all()
    if rules.can_manage_list(user, target_list):
        return invitees
    pk = _pk(user)
    return invitees.filter(owner_id=pk) if pk is not None else invitees.none()


def find_target_list(user: Any, conference: Conference, list_id: int) -> TargetList:
    """The conference's list ``list_id``: NotFound if there is none, NotAllowed unless the
    user manages it or owns one of its invitees."""
    found = (
        TargetList.objects.select_related("conference", "owner", "constituent_group")
        .filter(conference=conference, pk=list_id)
        .first()
    )
    if found is None:
        raise NotFound(
            gettext("%(short_name)s has no target list %(list_id)s.")
            % {"short_name": conference.short_name, "list_id": list_id},
            field="list",
        )
    pk = _pk(user)
    if not rules.can_manage_list(user, found) and not (
        pk is not None and found.invitees.filter(owner_id=pk).exists()
    ):
        raise NotAllowed(gettext("You do not manage this list."))
    return found


def find_target_list_named(user: Any, conference: Conference, value: str) -> TargetList:
    """The list called ``value`` (any case), or with that id, among those the user may see:
    for people and scripts who know a list by its name. NotFound names the lists there are."""
    wanted = value.strip()
    lists = visible_lists(user, conference).select_related("conference", "owner")
    found = lists.filter(name__iexact=wanted).first()
    if found is None and wanted.isdigit():
        found = lists.filter(pk=int(wanted)).first()
    if found is None:
        names = ", ".join(f"'{name}'" for name in lists.values_list("name", flat=True))
        raise NotFound(
            gettext("No target list '%(value)s' in %(slug)s (lists: %(names)s).")
            % {"value": value, "slug": conference.slug, "names": names or gettext("none yet")},
            field="list",
        )
    return found


def invitees_to_invite(
    user: Any, target_list: TargetList, state: str, emails: Iterable[str] = ()
) -> list[Invitee]:
    """The invitees of the list in ``state`` (one that invitations go to) whom ``user`` may
    see, or only those with the given ``emails``; NotFound names any address not among them."""
    if state not in INVITABLE:
        raise DomainError(
            gettext("Invitations go to %(states)s people, not %(state)s.")
            % {"states": ", ".join(sorted(INVITABLE)), "state": state},
            field="state",
        )
    chosen = list(
        visible_invitees(user, target_list)
        .filter(state=state)
        .select_related("target_list__conference")
    )
    wanted = {address.strip().lower() for address in emails}
    if not wanted:
        return chosen
    missing = sorted(wanted - {invitee.email for invitee in chosen})
    if missing:
        raise NotFound(
            gettext("Not %(state)s on '%(list)s': %(missing)s.")
            % {"state": state, "list": target_list.name, "missing": ", ".join(missing)},
            field="email",
        )
    return [invitee for invitee in chosen if invitee.email in wanted]


def find_invitee(user: Any, conference: Conference, invitee_id: int) -> Invitee:
    """The conference's invitee ``invitee_id``: NotFound if there is none, NotAllowed unless
    the user manages them (``rules.can_manage_invitee``)."""
    found = (
        Invitee.objects.select_related("target_list__conference", "target_list__owner", "owner")
        .filter(target_list__conference=conference, pk=invitee_id)
        .first()
    )
    if found is None:
        raise NotFound(
            gettext("%(short_name)s has no invitee %(invitee_id)s.")
            % {"short_name": conference.short_name, "invitee_id": invitee_id},
            field="invitee",
        )
    if not rules.can_manage_invitee(user, found):
        raise NotAllowed(gettext("You do not manage this invitee."))
    return found


def overview(user: Any, conference: Conference, today: dt.date | None = None) -> Overview:
    """Per visible list: invitees per step, overdue count; overdue per owner."""
    today = today or timezone.localdate()
    schedule = deadlines(conference)
    lists = list(
        visible_lists(user, conference)
        .select_related("owner", "constituent_group")
        .order_by("name")
    )
    manages_all = rules.can_manage_engagement(user, conference)
    mine = Q(target_list__in=lists)
    if not manages_all:  # on lists they do not own, people count only the invitees they own
        mine = Q(target_list__in=[tl for tl in lists if tl.owner_id == _pk(user)]) | Q(
            target_list__in=lists, owner_id=_pk(user)
        )
    rows = (
        Invitee.objects.filter(mine)
        .values("target_list_id", "state", "owner__username")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts: dict[int, Counter[str]] = {tl.pk: Counter() for tl in lists}
    overdue: Counter[int] = Counter()
    by_owner: Counter[str] = Counter()
    for row in rows:
        counts[row["target_list_id"]][row["state"]] += row["n"]
        if overdue_steps(row["state"], schedule, today):
            overdue[row["target_list_id"]] += row["n"]
            by_owner[row["owner__username"] or "—"] += row["n"]
    summaries = [
        ListSummary(
            target_list=tl,
            counts={state: counts[tl.pk][state] for state in InviteeState.values},
            total=sum(counts[tl.pk].values()),
            overdue=overdue[tl.pk],
            can_manage=manages_all or tl.owner_id == _pk(user),
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
    can_edit: bool = False


def invitee_rows(
    target_list: TargetList,
    *,
    user: Any,
    state: str = "",
    star: bool | None = None,
    owner: str = "",
    overdue_only: bool = False,
    today: dt.date | None = None,
) -> list[InviteeRow]:
    """The list's invitees the user may see (``visible_invitees``), filtered, each with the
    steps it is overdue for and whether the user may edit it."""
    today = today or timezone.localdate()
    schedule = deadlines(target_list.conference)
    manages_list = rules.can_manage_list(user, target_list)
    invitees = visible_invitees(user, target_list).select_related(
        "owner", "country", "constituent_group"
    )
    if state:
        invitees = invitees.filter(state=state)
    if star is not None:
        invitees = invitees.filter(star=star)
    if owner:
        invitees = invitees.filter(owner__username=owner)
    pk = _pk(user)
    result = [
        InviteeRow(
            i,
            overdue_steps(i.state, schedule, today),
            can_edit=manages_list or (pk is not None and i.owner_id == pk),
        )
        for i in invitees
    ]
    return [row for row in result if row.overdue] if overdue_only else result
