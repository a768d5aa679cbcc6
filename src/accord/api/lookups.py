"""Find conferences as a given user may see them: an invisible conference is 'not found'."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from accord import rules
from accord.conferences.models import Conference
from accord.core.errors import NotFound


def visible_conferences(user: Any) -> QuerySet[Conference]:
    """The conferences ``rules.can_view_conference`` lets the user see, in one query.

    Mirrors the rule (public, or the user takes part: secretariat, appointment or delegation)
    so a list costs one query instead of one per conference.
    """
    conferences = Conference.objects.all()
    if rules.is_secretariat(user):
        return conferences
    if not (user and user.is_authenticated and user.is_active):
        return conferences.filter(is_public=True)
    takes_part = Q(appointments__user=user) | Q(delegations__members__user=user)
    ids = conferences.filter(Q(is_public=True) | takes_part).values("id")
    return conferences.filter(id__in=ids)


def visible_conference(user: Any, slug: str) -> Conference:
    """The conference with this slug; NotFound if there is none or the user may not see it."""
    conference = Conference.objects.filter(slug=slug).first()
    if conference is None or not rules.can_view_conference(user, conference):
        raise NotFound(f"There is no conference '{slug}' that you may see.", field="slug")
    return conference
