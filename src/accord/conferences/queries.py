"""Reusable reads about conferences, each respecting ``accord.rules``."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from accord import rules
from accord.conferences.models import Conference


def visible_conferences(user: Any) -> QuerySet[Conference]:
    """The conferences ``rules.can_view_conference`` lets the user see, in one query, newest
    first.

    Mirrors the rule (public, or the user takes part: secretariat, appointment or delegation)
    so a list costs one query instead of one per conference; a test holds the two together.
    """
    conferences = Conference.objects.order_by("-start_date", "short_name", "pk")
    if rules.is_secretariat(user):
        return conferences
    if not (user and user.is_authenticated and user.is_active):
        return conferences.filter(is_public=True)
    takes_part = Q(appointments__user=user) | Q(delegations__members__user=user)
    ids = Conference.objects.filter(Q(is_public=True) | takes_part).values("id")
    return conferences.filter(id__in=ids)
