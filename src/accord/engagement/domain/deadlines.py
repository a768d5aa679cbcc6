"""Deadlines per pipeline step, derived from the conference's opening date by rules.

Month arithmetic clamps to the month's end: one month before 31 March is 28 (or 29)
February, twelve months before 29 February 2028 is 28 February 2027.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from accord.audit import domain as audit_domain
from accord.conferences.models import Conference
from accord.core.errors import DomainError
from accord.engagement import rules
from accord.engagement.enums import DeadlineStep, InviteeState
from accord.engagement.models import DeadlineRule
from accord.rules import require

# Invitations go out a year before the opening (the first seed's advice), confirmations are
# expected half a year before, and registration closes a month before.
DEFAULT_RULES: dict[str, tuple[int, int]] = {
    DeadlineStep.INVITED: (12, 0),
    DeadlineStep.CONFIRMED: (6, 0),
    DeadlineStep.REGISTERED: (1, 0),
}

# How far along the pipeline each state is; "declined" sits beside "confirmed".
RANK: dict[str, int] = {
    InviteeState.IDENTIFIED: 0,
    InviteeState.INVITED: 1,
    InviteeState.CONFIRMED: 2,
    InviteeState.DECLINED: 2,
    InviteeState.REGISTERED: 3,
    InviteeState.ATTENDED: 4,
}


def months_before(day: dt.date, months: int) -> dt.date:
    """``day`` moved back ``months`` calendar months, clamped to the end of the month."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def deadline_for(opening: dt.date, *, months: int, days: int) -> dt.date:
    """The date ``months`` months then ``days`` days before ``opening``."""
    return months_before(opening, months) - dt.timedelta(days=days)


@dataclass(frozen=True)
class Deadline:
    step: str
    months_before: int
    days_before: int
    due: dt.date


def deadlines(
    conference: Conference, stored: Iterable[DeadlineRule] | None = None
) -> list[Deadline]:
    """The conference's deadline per step: its own rules, the defaults for the others."""
    values = dict(DEFAULT_RULES)
    rows = stored if stored is not None else conference.deadline_rules.all()
    for rule in rows:
        values[rule.step] = (rule.months_before, rule.days_before)
    return [
        Deadline(
            step=step,
            months_before=months,
            days_before=days,
            due=deadline_for(conference.start_date, months=months, days=days),
        )
        for step, (months, days) in sorted(values.items(), key=lambda kv: RANK[kv[0]])
    ]


def overdue_steps(state: str, schedule: Iterable[Deadline], today: dt.date) -> list[str]:
    """Steps whose deadline has passed (before ``today``) and that ``state`` has not reached.
    Someone who declined is done, never overdue."""
    if state == InviteeState.DECLINED:
        return []
    return [d.step for d in schedule if d.due < today and RANK[state] < RANK[d.step]]


def set_deadline_rule(
    *, user: Any, conference: Conference, step: str, months_before: int, days_before: int = 0
) -> DeadlineRule:
    """Set when ``step`` is due, counted back from the opening (secretariat only)."""
    require(
        rules.can_manage_engagement(user, conference),
        gettext("Only the secretariat sets invitation deadlines."),
    )
    if step not in DeadlineStep.values:
        raise DomainError(
            gettext("Unknown step '%(step)s'; expected one of %(join)s.")
            % {"step": step, "join": ", ".join(DeadlineStep.values)},
            field="step",
        )
    if months_before < 0 or days_before < 0 or months_before > 60 or days_before > 366:
        raise DomainError(
            gettext("Deadlines count back from the opening: 0–60 months and 0–366 days."),
            field="months_before",
        )
    with transaction.atomic():
        rule, created = DeadlineRule.objects.get_or_create(
            conference=conference,
            step=step,
            defaults={"months_before": months_before, "days_before": days_before},
        )
        before = audit_domain.snapshot(rule, ["months_before", "days_before"])
        if not created:
            rule.months_before, rule.days_before = months_before, days_before
            rule.save(update_fields=["months_before", "days_before"])
        audit_domain.record(
            actor=user,
            action="engagement.deadline_set",
            target=rule,
            conference=conference,
            changes=audit_domain.diff(
                rule, {} if created else before, ["months_before", "days_before"]
            ),
        )
    return rule


def set_deadline_rules(
    *, user: Any, conference: Conference, values: dict[str, tuple[int, int]]
) -> list[Deadline]:
    """Set several steps' deadlines at once (``step → (months, days)``), all or none: one bad
    value leaves every rule as it was. Steps whose values did not change are not rewritten."""
    require(
        rules.can_manage_engagement(user, conference),
        gettext("Only the secretariat sets invitation deadlines."),
    )
    current = {d.step: (d.months_before, d.days_before) for d in deadlines(conference)}
    with transaction.atomic():
        for step, (months, days) in values.items():
            if current.get(step) != (months, days):
                set_deadline_rule(
                    user=user,
                    conference=conference,
                    step=step,
                    months_before=months,
                    days_before=days,
                )
    return deadlines(conference)
