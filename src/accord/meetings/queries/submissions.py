"""Reads of contributions to a meeting, each respecting ``meetings.submission_rules`` and each
in a fixed number of queries however many contributions there are."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext

from accord import rules
from accord.conferences.models import Delegation
from accord.core.errors import NotFound
from accord.meetings import submission_rules
from accord.meetings.domain.submissions import deadline_end
from accord.meetings.models import Meeting, Submission, SubmissionStatus
from accord.meetings.queries.meetings import find_meeting


@dataclass(frozen=True)
class SubmissionRow:
    """One contribution as the list shows it, with how late it came."""

    submission: Submission
    lateness: dt.timedelta | None

    @property
    def late_label(self) -> str:
        """``"2 d 3 h"`` / ``"45 min"``: how long after the deadline."""
        if self.lateness is None:
            return ""
        minutes = int(self.lateness.total_seconds() // 60)
        days, rest = divmod(minutes, 24 * 60)
        hours, mins = divmod(rest, 60)
        if days:
            return f"{days} d {hours} h"
        if hours:
            return f"{hours} h {mins} min"
        return f"{mins} min"


@dataclass(frozen=True)
class SubmissionList:
    meeting: Meeting
    deadline_end: dt.datetime
    rows: list[SubmissionRow]

    @property
    def late_count(self) -> int:
        return sum(1 for row in self.rows if row.submission.late)


def _visible(user: Any, meeting: Meeting) -> QuerySet[Submission]:
    condition = submission_rules.visible_submissions_filter(user, meeting.conference)
    if condition is None:
        return Submission.objects.none()
    return (
        Submission.objects.filter(condition, meeting=meeting)
        .select_related(
            "meeting__conference",
            "delegation__organization",
            "delegation__conference",
            "on_behalf_of",
        )
        .prefetch_related("cosponsors__organization")
        .distinct()
    )


def submissions_of(user: Any, meeting: Meeting) -> SubmissionList:
    """The meeting's contributions the user may see: tabled ones in order of submission, then
    drafts; the public and anyone who is not a participant see none."""
    end = deadline_end(meeting)
    found = sorted(
        _visible(user, meeting),
        key=lambda s: (s.submitted_at is None, s.submitted_at or s.created_at, s.pk),
    )
    rows = [
        SubmissionRow(s, s.submitted_at - end if s.late and s.submitted_at else None) for s in found
    ]
    return SubmissionList(meeting=meeting, deadline_end=end, rows=rows)


def find_submission(user: Any, meeting: Meeting, submission_id: int) -> Submission:
    """The meeting's contribution ``submission_id``; NotFound unless the user may see it."""
    submission = _visible(user, meeting).filter(pk=submission_id).first()
    if submission is None:
        raise NotFound(
            gettext("%(code)s has no contribution %(submission_id)s that you may see.")
            % {"code": meeting.code, "submission_id": submission_id},
            field="submission",
        )
    return submission


def find_meeting_submission(
    user: Any, conference: Any, meeting_id: int, submission_id: int
) -> Submission:
    return find_submission(user, find_meeting(user, conference, meeting_id), submission_id)


def delegations_for(user: Any, meeting: Meeting) -> list[Any]:
    """The delegations the user may submit for: their own; any for chairs and the secretariat."""
    who = rules.standing(user, meeting.conference)
    delegations = Delegation.objects.filter(conference=meeting.conference).select_related(
        "organization"
    )
    if not (who.secretariat or who.chair):
        delegations = delegations.filter(pk__in=who.delegation_ids)
    return list(delegations.order_by("organization__name"))


__all__ = [
    "SubmissionList",
    "SubmissionRow",
    "SubmissionStatus",
    "delegations_for",
    "find_meeting_submission",
    "find_submission",
    "submissions_of",
]
