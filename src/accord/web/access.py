"""Which conferences a visitor may open, and what to call their role there."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accord import rules
from accord.conferences.models import Conference
from accord.core.errors import NotAllowed


def conference_for(
    request: HttpRequest, slug: str, *, loaded: Conference | None = None
) -> Conference:
    """The conference at ``slug`` if the user may view it; ``loaded`` when a query the caller
    made already brought it.

    A visitor who is not signed in gets 404 for a non-public conference, so its existence does
    not leak; a signed-in user who takes no part gets 403.
    """
    conference = loaded or Conference.objects.filter(slug=slug).first()
    if conference is None:
        raise Http404("No such conference.")
    if not rules.can_view_conference(request.user, conference):
        if not request.user.is_authenticated:
            raise Http404("No such conference.")
        raise NotAllowed(gettext("You take no part in this conference."))
    return conference


def role_label(user: Any, conference: Conference) -> str:
    """The single most powerful role the user holds at the conference, for the header."""
    if not (user and user.is_authenticated):
        return ""
    who = rules.standing(user, conference)
    if who.secretariat:
        return str(_("Secretariat"))
    if who.chair:
        return str(_("Chair"))
    if who.delegation_ids:
        return str(_("Delegate"))
    if who.observer:
        return str(_("Observer"))
    return str(_("Visitor"))
