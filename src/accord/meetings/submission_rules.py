"""Who may see and act on contributions to a meeting (``Submission``).

- Contributions to meetings are for participants only: the public sees none, whatever their
  status (see ``accord.meetings.rules``).
- A **draft** is seen by the members of the submitting and co-sponsoring delegations, by the
  account that created it while it may still act for the submitting delegation (a chair who
  drafted for a delegation; not a delegate who has since left it), and by the secretariat
  (which helps delegations get their documents in on time; unlike a negotiation draft, a
  meeting document has no strategy to hide from it). Other delegations, chairs and observers
  do not see it.
- Once **submitted** (accepted or withdrawn later) every participant sees it.
- A draft's authors (as ``is_author``) change its title, document and co-sponsors until it
  is submitted.
- Only someone who acts for the submitting delegation submits or withdraws it; the
  secretariat accepts it for the meeting and admits a late one.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from accord import rules
from accord.conferences.models import Conference
from accord.core.actors import user_or_none
from accord.meetings.models import Submission, SubmissionStatus


def _user_pk(user: Any) -> int | None:
    return getattr(user_or_none(user), "pk", None)


def is_author(user: Any, submission: Submission) -> bool:
    """A member of the submitting or a co-sponsoring delegation, or its creator while they
    may still act for the submitting delegation. Uses ``submission.cosponsors`` as
    prefetched when it is."""
    who = rules.standing(user, submission.meeting.conference)
    if submission.delegation_id in who.delegation_ids:
        return True
    if (
        submission.created_by_id is not None
        and submission.created_by_id == _user_pk(user)
        and rules.can_act_for_delegation(user, submission.delegation)
    ):
        return True
    return any(d.pk in who.delegation_ids for d in submission.cosponsors.all())


def can_view_submission(user: Any, submission: Submission) -> bool:
    conference = submission.meeting.conference
    who = rules.standing(user, conference)
    if not who.participant:
        return False
    if submission.status != SubmissionStatus.DRAFT:
        return True
    return who.secretariat or is_author(user, submission)


def visible_submissions_filter(user: Any, conference: Conference) -> Q | None:
    """``can_view_submission`` as a filter on Submission; None when the user sees none."""
    who = rules.standing(user, conference)
    if not who.participant:
        return None
    if who.secretariat:
        return Q()
    ids = who.delegation_ids
    cosponsored = Submission.cosponsors.through.objects.filter(delegation_id__in=ids)
    condition = (
        ~Q(status=SubmissionStatus.DRAFT)
        | Q(delegation_id__in=ids)
        | Q(pk__in=cosponsored.values("submission_id"))
    )
    # A creator who is not a member acts for the delegation only as a chair (``is_author``).
    pk = _user_pk(user)
    return condition | Q(created_by_id=pk) if pk is not None and who.chair else condition


def can_submit(user: Any, submission: Submission) -> bool:
    """Submitting or withdrawing speaks for the submitting delegation."""
    return rules.can_act_for_delegation(user, submission.delegation)


def can_edit(user: Any, submission: Submission) -> bool:
    """Changing a draft's title, document or co-sponsors: its authors, while it is a draft."""
    return submission.status == SubmissionStatus.DRAFT and is_author(user, submission)


def can_decide(user: Any, conference: Conference) -> bool:
    """Accepting a contribution for the meeting and admitting a late one: the secretariat."""
    return rules.can_manage_conference(user, conference)
