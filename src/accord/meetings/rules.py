"""Who may see and change meetings, coordinators and representatives.

- Meetings, their agendas and documents other than contributions are seen by whoever sees the
  conference (the public sees those of public conferences, as for published plan versions).
- Contributions to a meeting, coordinators and mandated representatives name people and
  their positions: participants only.
- The secretariat creates and changes meetings, documents, coordinators and representatives;
  a meeting's chair also sets its agenda.
- A delegation's private calendar address: whoever acts for the delegation.
"""

from __future__ import annotations

from typing import Any

from accord import rules
from accord.conferences.models import Conference, Delegation
from accord.meetings.models import Meeting


def can_view_meetings(user: Any, conference: Conference) -> bool:
    return rules.can_view_conference(user, conference)


def can_manage_meetings(user: Any, conference: Conference) -> bool:
    return rules.can_manage_conference(user, conference)


def chairs(user: Any, meeting: Meeting) -> bool:
    """True if the user is the person in the meeting's chair."""
    if meeting.chair_id is None or not getattr(user, "is_authenticated", False):
        return False
    user_pk = getattr(user, "pk", None)
    return user_pk is not None and meeting.chair is not None and meeting.chair.user_id == user_pk


def can_edit_agenda(user: Any, meeting: Meeting) -> bool:
    return can_manage_meetings(user, meeting.conference) or chairs(user, meeting)


def can_view_participants_only(user: Any, conference: Conference) -> bool:
    """Coordinators, representatives and contributions: people who take part."""
    return rules.standing(user, conference).participant


def can_use_delegation_feed(user: Any, delegation: Delegation) -> bool:
    return rules.can_act_for_delegation(user, delegation)
