"""Create and change conferences."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import diff, record, snapshot
from accord.conferences.enums import Phase
from accord.conferences.models import Conference
from accord.core.errors import DomainError

EDITABLE_FIELDS = ("name", "short_name", "venue", "start_date", "end_date", "phase", "is_public")


def _check(start_date: dt.date, end_date: dt.date, phase: str) -> None:
    if phase not in Phase.values:
        raise DomainError(
            gettext("Unknown phase '%(phase)s'; expected one of %(values)s.")
            % {"phase": phase, "values": Phase.values},
            field="phase",
        )
    if end_date < start_date:
        raise DomainError(gettext("The closing date is before the opening date."), field="end_date")


def create_conference(
    *,
    user: Any,
    slug: str,
    name: str,
    short_name: str,
    start_date: dt.date,
    end_date: dt.date,
    venue: str = "",
    phase: str = Phase.PREPARATION,
    is_public: bool = True,
) -> Conference:
    """Create a conference (secretariat only)."""
    rules.require(
        rules.can_create_conference(user), gettext("Only the secretariat creates conferences.")
    )
    _check(start_date, end_date, phase)
    if Conference.objects.filter(slug=slug).exists():
        raise DomainError(
            gettext("A conference with the short address '%(slug)s' exists.") % {"slug": slug},
            field="slug",
        )
    with transaction.atomic():
        conference = Conference.objects.create(
            slug=slug,
            name=name,
            short_name=short_name,
            venue=venue,
            start_date=start_date,
            end_date=end_date,
            phase=phase,
            is_public=is_public,
        )
        record(
            actor=user,
            action="conference.created",
            target=conference,
            conference=conference,
            changes={name: [None, str(getattr(conference, name))] for name in EDITABLE_FIELDS},
        )
    return conference


def update_conference(*, user: Any, conference: Conference, **changes: Any) -> Conference:
    """Change the named fields of a conference (secretariat only); audits old and new values."""
    rules.require(
        rules.can_manage_conference(user, conference),
        gettext("Only the secretariat changes a conference."),
    )
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise DomainError(
            gettext("Unknown field: %(value)s.") % {"value": sorted(unknown)[0]},
            field=sorted(unknown)[0],
        )
    before = snapshot(conference, EDITABLE_FIELDS)
    for name, value in changes.items():
        setattr(conference, name, value)
    _check(conference.start_date, conference.end_date, conference.phase)
    with transaction.atomic():
        conference.save(update_fields=list(changes))
        record(
            actor=user,
            action="conference.updated",
            target=conference,
            conference=conference,
            changes=diff(conference, before, changes),
        )
    return conference
