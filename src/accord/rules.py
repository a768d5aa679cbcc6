"""Who may do what. The one place where permissions are decided; the domain layer enforces them.

Roles:
- **secretariat**: staff users (``is_staff``); manage every conference.
- **chair**: appointed to a conference (of a meeting, working group or the plenary); edit its plan
  and record positions for any delegation.
- **delegate**: member of a delegation; acts for that delegation only.
- **observer**: appointed to a conference; reads what participants read, changes nothing.
- **public**: anyone else; sees published versions of public conferences only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from accord.conferences.enums import Role
from accord.conferences.models import Appointment, Conference, Delegation
from accord.core.actors import Operator
from accord.core.errors import NotAllowed
from accord.plans.enums import VersionState


@dataclass(frozen=True)
class Standing:
    """What one user is at one conference."""

    secretariat: bool = False
    chair: bool = False
    observer: bool = False
    delegation_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def participant(self) -> bool:
        return self.secretariat or self.chair or self.observer or bool(self.delegation_ids)


def is_secretariat(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_staff)


def standing(user: Any, conference: Conference) -> Standing:
    """The user's roles at the conference, computed once per user object and conference."""
    if isinstance(user, Operator):
        return Standing(secretariat=True)
    if not (user and user.is_authenticated and user.is_active):
        return Standing()
    cache: dict[int, Standing] = user.__dict__.setdefault("_accord_standing", {})
    if conference.pk not in cache:
        roles = set(
            Appointment.objects.filter(conference=conference, user=user).values_list(
                "role", flat=True
            )
        )
        delegations = Delegation.objects.filter(conference=conference, members__user=user)
        cache[conference.pk] = Standing(
            secretariat=is_secretariat(user),
            chair=Role.CHAIR in roles,
            observer=Role.OBSERVER in roles,
            delegation_ids=frozenset(delegations.values_list("id", flat=True)),
        )
    return cache[conference.pk]


def can_create_conference(user: Any) -> bool:
    return is_secretariat(user)


def can_manage_conference(user: Any, conference: Conference) -> bool:
    return standing(user, conference).secretariat


def can_view_conference(user: Any, conference: Conference) -> bool:
    return conference.is_public or standing(user, conference).participant


def visible_version_states(user: Any, conference: Conference) -> set[str]:
    """Drafts: secretariat and chairs. Circulated: every participant. Published: everyone."""
    who = standing(user, conference)
    if who.secretariat or who.chair:
        return set(VersionState.values)
    if who.participant:
        return {VersionState.CIRCULATED, VersionState.PUBLISHED}
    return {VersionState.PUBLISHED} if conference.is_public else set()


def can_view_version(user: Any, version: Any) -> bool:
    return version.state in visible_version_states(user, version.plan.conference)


def can_edit_plan(user: Any, conference: Conference) -> bool:
    who = standing(user, conference)
    return who.secretariat or who.chair


def can_act_for_delegation(user: Any, delegation: Delegation) -> bool:
    """Delegates act for their own delegation; chairs and the secretariat for any."""
    who = standing(user, delegation.conference)
    return who.secretariat or who.chair or delegation.pk in who.delegation_ids


def can_manage_delegation(user: Any, delegation: Delegation) -> bool:
    """The secretariat, or the head of the delegation, manages its membership."""
    if standing(user, delegation.conference).secretariat:
        return True
    head = delegation.head
    return bool(head and head.user_id and head.user_id == getattr(user, "pk", None))


def forget_standing(user: Any) -> None:
    """Drop the cached roles after they change (an appointment, a new delegation member)."""
    if user is not None:
        user.__dict__.pop("_accord_standing", None)


def require(allowed: bool, message: str) -> None:
    """Raise NotAllowed with ``message`` unless ``allowed``."""
    if not allowed:
        raise NotAllowed(message)
