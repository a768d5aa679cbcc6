"""Create, change and delete meetings (secretariat only).

A meeting is checked as a whole before it is saved: its dates, its region (an RPM has one; an
IPM and the conference itself belong to no single region), its time zone, where it is held, and
its back-to-back partner (adjacent dates, same place unless one of them is online). Every write
is atomic and audited.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from collections import Counter
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext

from accord.audit.domain import diff, record, snapshot
from accord.conferences.models import Conference, Person
from accord.core.errors import DomainError
from accord.meetings.domain import checks
from accord.meetings.enums import MeetingKind
from accord.meetings.models import MandatedRepresentative, Meeting, SubmissionStatus

# How many days may separate two meetings held back to back (a weekend fits). Override with the
# Django setting ACCORD_BACK_TO_BACK_DAYS.
DEFAULT_BACK_TO_BACK_DAYS = 3
MAX_DEADLINE_DAYS = 365
MAX_REPRESENTATIVES = 20

FIELDS = (
    "kind",
    "code",
    "title",
    "region",
    "starts_on",
    "ends_on",
    "timezone",
    "city",
    "country",
    "online",
    "online_url",
    "chair",
    "back_to_back_with",
    "contribution_days_before",
    "representatives_per_region",
)
# Foreign keys are compared and audited by their id (``region_id``), not by a fetched object.
_AUDITED = tuple(
    f"{name}_id" if name in {"region", "chair", "back_to_back_with"} else name for name in FIELDS
)
_REGIONLESS = {MeetingKind.IPM, MeetingKind.CONFERENCE}


def back_to_back_days() -> int:
    """The largest gap, in days, between two meetings held back to back."""
    return int(getattr(settings, "ACCORD_BACK_TO_BACK_DAYS", DEFAULT_BACK_TO_BACK_DAYS))


@functools.cache
def time_zones() -> frozenset[str]:
    """The IANA time zone names this system knows (read once: it scans the zone files)."""
    return frozenset(zoneinfo.available_timezones() | {"UTC"})


def _check_kind_and_region(meeting: Meeting) -> None:
    if meeting.kind not in MeetingKind.values:
        raise DomainError(
            gettext("Unknown kind '%(kind)s'; expected one of %(join)s.")
            % {"kind": meeting.kind, "join": ", ".join(MeetingKind.values)},
            field="kind",
        )
    kind = MeetingKind(meeting.kind)
    if kind == MeetingKind.RPM and meeting.region_id is None:
        raise DomainError(
            gettext("A regional preparatory meeting needs its region."), field="region"
        )
    if kind in _REGIONLESS and meeting.region_id is not None:
        raise DomainError(
            gettext("%(label)s belongs to no single region; leave the region empty.")
            % {"label": kind.label},
            field="region",
        )


def _check_dates_and_place(meeting: Meeting) -> None:
    if meeting.ends_on < meeting.starts_on:
        raise DomainError(
            gettext("The last day (%(ends_on)s) is before the first (%(starts_on)s).")
            % {
                "ends_on": format(meeting.ends_on, "%Y-%m-%d"),
                "starts_on": format(meeting.starts_on, "%Y-%m-%d"),
            },
            field="ends_on",
        )
    if meeting.timezone not in time_zones():
        raise DomainError(
            gettext(
                "Unknown time zone '%(timezone)s'; use an IANA name such as "
                "'Africa/Nairobi' or 'UTC'."
            )
            % {"timezone": meeting.timezone},
            field="timezone",
        )
    if not meeting.city and not meeting.online:
        raise DomainError(
            gettext("Say where the meeting is held (a city), or that it is online."), field="city"
        )
    if meeting.online and not meeting.online_url:
        raise DomainError(
            gettext("An online meeting needs the address to join it."), field="online_url"
        )
    if meeting.online_url and not meeting.online_url.startswith(("https://", "http://")):
        raise DomainError(
            gettext("The online meeting address starts with https:// or http://."),
            field="online_url",
        )
    if meeting.contribution_days_before > MAX_DEADLINE_DAYS:
        raise DomainError(
            gettext(
                "The contribution deadline is at most %(max_deadline_days)s days before the start."
            )
            % {"max_deadline_days": MAX_DEADLINE_DAYS},
            field="contribution_days_before",
        )
    if not 1 <= meeting.representatives_per_region <= MAX_REPRESENTATIVES:
        raise DomainError(
            gettext("Each region mandates from 1 to %(max_representatives)s representatives.")
            % {"max_representatives": MAX_REPRESENTATIVES},
            field="representatives_per_region",
        )


def same_place(a: Meeting, b: Meeting) -> bool:
    """Same city and country, whatever the case and spacing."""

    def place(m: Meeting) -> tuple[str, str]:
        return (" ".join(m.city.split()).casefold(), " ".join(m.country.split()).casefold())

    return place(a) == place(b)


def check_back_to_back(meeting: Meeting, partner: Meeting) -> None:
    """Refuse a pairing of meetings that are not held one right after the other, at one place
    (unless one of them is online)."""
    if partner.pk is not None and partner.pk == meeting.pk:
        raise DomainError(
            gettext("A meeting cannot be back to back with itself."), field="back_to_back_with"
        )
    if partner.conference_id != meeting.conference_id:
        raise DomainError(
            gettext("%(partner)s is a meeting of another conference.") % {"partner": partner},
            field="back_to_back_with",
        )
    first, second = sorted((meeting, partner), key=lambda m: (m.starts_on, m.ends_on))
    gap = (second.starts_on - first.ends_on).days
    allowed = back_to_back_days()
    if gap < 0 or gap > allowed:
        where = "overlap" if gap < 0 else f"are {gap} days apart"
        raise DomainError(
            gettext(
                "%(value)s (%(starts_on)s to "
                "%(ends_on)s) and %(code)s (%(starts_on2)s to "
                "%(ends_on2)s) %(where)s; back-to-back meetings follow each other "
                "within %(allowed)s days."
            )
            % {
                "value": meeting.code or "This meeting",
                "starts_on": format(meeting.starts_on, "%Y-%m-%d"),
                "ends_on": format(meeting.ends_on, "%Y-%m-%d"),
                "code": partner.code,
                "starts_on2": format(partner.starts_on, "%Y-%m-%d"),
                "ends_on2": format(partner.ends_on, "%Y-%m-%d"),
                "where": where,
                "allowed": allowed,
            },
            field="back_to_back_with",
        )
    if not (meeting.online or partner.online) and not same_place(meeting, partner):
        raise DomainError(
            gettext(
                "%(code)s is held in %(value)s, not in "
                "%(value2)s; back-to-back meetings share their venue "
                "unless one of them is online."
            )
            % {
                "code": partner.code,
                "value": partner.venue or "another place",
                "value2": meeting.venue or "the same place",
            },
            field="back_to_back_with",
        )


def _check_representatives_fit(meeting: Meeting) -> None:
    """Lowering the number per region may not leave a region with more than it allows."""
    if meeting.pk is None:
        return
    counts: dict[str, int] = {}
    for rep in MandatedRepresentative.objects.filter(meeting=meeting).select_related("region"):
        counts[rep.region.name] = counts.get(rep.region.name, 0) + 1
    limit = meeting.representatives_per_region
    over = [f"{name} ({n})" for name, n in sorted(counts.items()) if n > limit]
    if over:
        raise DomainError(
            gettext(
                "Mandated representatives already exceed %(limit)s per region for "
                "%(join)s; withdraw some first."
            )
            % {"limit": limit, "join": ", ".join(over)},
            field="representatives_per_region",
        )


def _validate(meeting: Meeting) -> None:
    meeting.code = checks.text(meeting.code, "code", limit=30, label="short name")
    meeting.title = checks.text(meeting.title, "title", limit=200)
    meeting.city = checks.text(meeting.city, "city", limit=100, required=False)
    meeting.country = checks.text(meeting.country, "country", limit=100, required=False)
    meeting.online_url = checks.text(
        meeting.online_url, "online_url", limit=500, required=False, label="online address"
    )
    meeting.timezone = (meeting.timezone or "UTC").strip()
    _check_kind_and_region(meeting)
    _check_dates_and_place(meeting)
    taken = Meeting.objects.filter(conference_id=meeting.conference_id, code=meeting.code)
    if taken.exclude(pk=meeting.pk).exists():
        raise DomainError(
            gettext("%(conference)s already has a meeting named '%(code)s'.")
            % {"conference": meeting.conference, "code": meeting.code},
            field="code",
        )
    if meeting.back_to_back_with is not None:
        check_back_to_back(meeting, meeting.back_to_back_with)
    if meeting.pk is not None:
        for partner in Meeting.objects.filter(back_to_back_with=meeting).exclude(pk=meeting.pk):
            check_back_to_back(meeting, partner)
    _check_representatives_fit(meeting)


def _audit_values(meeting: Meeting) -> dict[str, Any]:
    """The new meeting's values as JSON: dates and other objects as text."""

    def plain(value: Any) -> Any:
        return value if value is None or isinstance(value, bool | int | str) else str(value)

    return {name: [None, plain(value)] for name, value in snapshot(meeting, _AUDITED).items()}


def create_meeting(
    *,
    user: Any,
    conference: Conference,
    kind: str,
    code: str,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date,
    region: Any = None,
    timezone: str = "UTC",
    city: str = "",
    country: str = "",
    online: bool = False,
    online_url: str = "",
    chair: Person | None = None,
    back_to_back_with: Meeting | None = None,
    contribution_days_before: int = 14,
    representatives_per_region: int = 2,
) -> Meeting:
    """Add a meeting to the conference's calendar (secretariat only). ``region`` is a Region or
    its code. Side effects: the meeting, one audit entry."""
    checks.require_secretariat(user, conference, "schedules meetings")
    meeting = Meeting(
        conference=conference,
        kind=kind,
        code=code,
        title=title,
        region=checks.region(region),
        starts_on=starts_on,
        ends_on=ends_on,
        timezone=timezone,
        city=city,
        country=country,
        online=online,
        online_url=online_url,
        chair=chair,
        back_to_back_with=back_to_back_with,
        contribution_days_before=contribution_days_before,
        representatives_per_region=representatives_per_region,
    )
    _validate(meeting)
    with transaction.atomic():
        meeting.save()
        record(
            actor=user,
            action="meeting.created",
            target=meeting,
            conference=conference,
            changes=_audit_values(meeting),
        )
    return meeting


def update_meeting(*, user: Any, meeting: Meeting, **changes: Any) -> Meeting:
    """Change the named fields (any of ``FIELDS``; secretariat only), checking the meeting as a
    whole again, with its back-to-back partners. Side effects: the meeting, one audit entry
    listing old and new values."""
    conference = meeting.conference
    checks.require_secretariat(user, conference, "changes meetings")
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise DomainError(
            gettext("Unknown field: %(value)s.") % {"value": unknown[0]}, field=unknown[0]
        )
    if "region" in changes:
        changes["region"] = checks.region(changes["region"])
    before = snapshot(meeting, _AUDITED)
    original = {name: getattr(meeting, name) for name in changes}
    for name, value in changes.items():
        setattr(meeting, name, value)
    try:
        _validate(meeting)
    except DomainError:
        for name, value in original.items():
            setattr(meeting, name, value)
        raise
    changed = diff(meeting, before, _AUDITED)
    if not changed:
        return meeting
    meeting.updated_at = now()
    with transaction.atomic():
        meeting.save(update_fields=[*FIELDS, "updated_at"])
        record(
            actor=user,
            action="meeting.updated",
            target=meeting,
            conference=conference,
            changes=changed,
        )
    return meeting


def _delete_files(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def delete_meeting(*, user: Any, meeting: Meeting) -> None:
    """Remove a meeting with its agenda, documents (their files once committed) and mandates;
    meetings back to back with it lose the link. Secretariat only; audited.

    Refused while delegations have contributions to it, drafts included: they are the
    members' work and record, which removing a calendar entry must not take with it."""
    conference = meeting.conference
    checks.require_secretariat(user, conference, "removes meetings")
    held = Counter(meeting.submissions.values_list("status", flat=True))
    if held:
        what = ", ".join(
            f"{n} {SubmissionStatus(status).label.lower()}" for status, n in sorted(held.items())
        )
        raise DomainError(
            gettext(
                "%(code)s holds %(total)s contribution(s) (%(what)s); a meeting with "
                "contributions is kept: change its dates or place instead."
            )
            % {"code": meeting.code, "total": held.total(), "what": what},
            field="meeting",
        )
    files = [d.file.name for d in meeting.documents.exclude(file="") if d.file.name]
    with transaction.atomic():
        record(
            actor=user,
            action="meeting.deleted",
            target=meeting,
            conference=conference,
            changes={"code": [meeting.code, None], "title": [meeting.title, None]},
        )
        meeting.delete()
        if files:
            transaction.on_commit(lambda: _delete_files(files))
