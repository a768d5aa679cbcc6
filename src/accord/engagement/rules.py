"""Who may see and change invitations and registrations.

- The secretariat manages everything: lists (create, rename, hand over, delete), deadline
  rules, invitations, registrations (approve, reject, attendance, credentials letters).
- The owner of a target list manages that list's invitees (add, import, edit, remove, move,
  invite) and sees all of them; the owner of one invitee may edit, star, move and invite that
  invitee, and sees only the invitees they own (not the rest of the list, nor its export).
- Handing an invitee to another owner is for those who manage the list.
- Delegates, observers and the public see none of it; registrants only use their own link.
"""

from __future__ import annotations

from typing import Any

from accord import rules
from accord.conferences.models import Conference
from accord.engagement.models import Invitee, TargetList


def _pk(user: Any) -> int | None:
    return getattr(user, "pk", None) if getattr(user, "is_authenticated", False) else None


def can_manage_engagement(user: Any, conference: Conference) -> bool:
    """Lists, deadline rules and registrations: the secretariat."""
    return rules.can_manage_conference(user, conference)


def can_view_engagement(user: Any, conference: Conference) -> bool:
    """The invitation pages: the secretariat and whoever owns a list or an invitee."""
    if can_manage_engagement(user, conference):
        return True
    pk = _pk(user)
    if pk is None:
        return False
    return (
        TargetList.objects.filter(conference=conference, owner_id=pk).exists()
        or Invitee.objects.filter(target_list__conference=conference, owner_id=pk).exists()
    )


def can_manage_list(user: Any, target_list: TargetList) -> bool:
    if can_manage_engagement(user, target_list.conference):
        return True
    pk = _pk(user)
    return pk is not None and target_list.owner_id == pk


def can_edit_list(user: Any, target_list: TargetList) -> bool:
    """Rename a list, change its group or owner, delete it: the secretariat, who creates lists."""
    return can_manage_engagement(user, target_list.conference)


def can_manage_invitee(user: Any, invitee: Invitee) -> bool:
    if can_manage_list(user, invitee.target_list):
        return True
    pk = _pk(user)
    return pk is not None and invitee.owner_id == pk


def can_remove_invitee(user: Any, invitee: Invitee) -> bool:
    """Taking someone off a list undoes adding them: those who add invitees."""
    return can_manage_list(user, invitee.target_list)


def can_reassign_invitee(user: Any, invitee: Invitee) -> bool:
    """Handing an invitee to another owner: those who manage the list."""
    return can_manage_list(user, invitee.target_list)


def can_decide_registrations(user: Any, conference: Conference) -> bool:
    """Approve, reject, mark attendance and download credentials letters."""
    return rules.can_manage_conference(user, conference)
