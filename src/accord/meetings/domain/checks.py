"""Small checks the meeting writes share: texts, regions, who may write."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext

from accord import rules
from accord.conferences.models import Conference
from accord.core.errors import DomainError
from accord.meetings import rules as meeting_rules
from accord.reference.models import Region


def text(value: str, field: str, *, limit: int, required: bool = True, label: str = "") -> str:
    """``value`` stripped; refused when empty (if required) or longer than ``limit``."""
    value = (value or "").strip()
    name = label or field.replace("_", " ")
    if required and not value:
        raise DomainError(gettext("The %(name)s is empty.") % {"name": name}, field=field)
    if len(value) > limit:
        raise DomainError(
            gettext("The %(name)s is longer than %(limit)s characters.")
            % {"name": name, "limit": limit},
            field=field,
        )
    return value


def region(value: Region | str | None, field: str = "region") -> Region | None:
    """A region given as itself or by its code (AFR, AMS, ARB, ASP, CIS, EUR)."""
    if value is None or value == "":
        return None
    if isinstance(value, Region):
        return value
    found = Region.objects.filter(code=str(value).strip().upper()).first()
    if found is None:
        codes = ", ".join(Region.objects.order_by("code").values_list("code", flat=True))
        raise DomainError(
            gettext("Unknown region '%(value)s'; expected one of %(codes)s.")
            % {"value": value, "codes": codes},
            field=field,
        )
    return found


def require_secretariat(user: Any, conference: Conference, what: str) -> None:
    rules.require(
        meeting_rules.can_manage_meetings(user, conference),
        gettext("Only the secretariat %(what)s.") % {"what": what},
    )
