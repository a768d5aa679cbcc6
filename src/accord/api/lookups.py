"""Find conferences as a given user may see them: an invisible conference is 'not found'."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from accord import rules
from accord.conferences.models import Conference
from accord.core.errors import NotFound


def visible_conference(user: Any, slug: str) -> Conference:
    """The conference with this slug; NotFound if there is none or the user may not see it."""
    conference = Conference.objects.filter(slug=slug).first()
    if conference is None or not rules.can_view_conference(user, conference):
        raise NotFound(
            gettext("There is no conference '%(slug)s' that you may see.") % {"slug": slug},
            field="slug",
        )
    return conference
