"""What every conference page passes to the base template: the conference and the user's role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from accord.conferences.models import Conference
from accord.web.access import role_label


def conference_context(
    request: HttpRequest, conference: Conference, section: str
) -> dict[str, Any]:
    """``section`` marks the current entry of the conference navigation (aria-current)."""
    return {
        "conference": conference,
        "role": role_label(request.user, conference),
        "section": section,
    }
