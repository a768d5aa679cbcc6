"""Meetings as iCalendar events: each meeting an all-day event, each contribution deadline a
one-day event, and the conference itself when no meeting stands for it.

UIDs are built from database ids and the conference's slug (which never changes), so a
calendar program recognises the same event in every download; DTSTAMP is when the meeting last
changed, so an unchanged feed is the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from accord.conferences.models import Conference, Delegation
from accord.meetings.enums import MeetingKind
from accord.meetings.interfaces.ical import Event, write_calendar
from accord.meetings.models import Meeting
from accord.meetings.queries.feeds import feed_meetings


def _uid(kind: str, pk: int, conference: Conference) -> str:
    return f"{kind}-{pk}@{conference.slug}.accord"


def meeting_event(meeting: Meeting, conference: Conference, url: str) -> Event:
    details = [str(MeetingKind(meeting.kind).label)]
    if meeting.region is not None:
        details.append(_("Region: %(region)s") % {"region": meeting.region.name})
    if meeting.online:
        details.append(_("Online: %(url)s") % {"url": meeting.online_url})
    if meeting.back_to_back_with is not None:
        details.append(_("Back to back with %(code)s") % {"code": meeting.back_to_back_with.code})
    details.append(
        _("Contributions due %(date)s") % {"date": meeting.contribution_deadline.isoformat()}
    )
    details.append(_("Local time zone: %(tz)s") % {"tz": meeting.timezone})
    location = meeting.venue or ""
    if meeting.online:
        location = f"{location} ({_('and online')})" if location else _("Online")
    return Event(
        uid=_uid("meeting", meeting.pk, conference),
        summary=f"{meeting.code}: {meeting.title}",
        first_day=meeting.starts_on,
        last_day=meeting.ends_on,
        stamp=meeting.updated_at,
        description="\n".join(details),
        location=location,
        url=url,
        categories=(str(MeetingKind(meeting.kind).label),),
    )


def deadline_event(meeting: Meeting, conference: Conference, url: str) -> Event:
    day = meeting.contribution_deadline
    return Event(
        uid=_uid("deadline", meeting.pk, conference),
        summary=_("Contributions due: %(code)s") % {"code": meeting.code},
        first_day=day,
        last_day=day,
        stamp=meeting.updated_at,
        description=_("Last day to submit contributions to %(title)s.") % {"title": meeting.title},
        url=url,
        categories=(_("Deadline"),),
        transparent=True,
    )


def conference_event(conference: Conference, url: str) -> Event:
    return Event(
        uid=_uid("conference", conference.pk, conference),
        summary=conference.name,
        first_day=conference.start_date,
        last_day=conference.end_date,
        stamp=conference.created_at,
        location=conference.venue,
        url=url,
        categories=(str(MeetingKind.CONFERENCE.label),),
    )


def calendar_text(
    conference: Conference,
    meetings: Iterable[Meeting],
    *,
    name: str,
    meeting_url: Callable[[Meeting], str],
    conference_url: str,
) -> str:
    """The feed: every meeting and its deadline, and the conference unless a meeting of kind
    'conference' already stands for it."""
    events: list[Event] = []
    has_conference = False
    for meeting in meetings:
        url = meeting_url(meeting)
        has_conference |= meeting.kind == MeetingKind.CONFERENCE
        events.append(meeting_event(meeting, conference, url))
        events.append(deadline_event(meeting, conference, url))
    if not has_conference:
        events.append(conference_event(conference, conference_url))
    events.sort(key=lambda e: (e.first_day, e.last_day, e.uid))
    return write_calendar(name, events)


def conference_calendar(
    conference: Conference, delegation: Delegation | None, absolute: Callable[[str], str]
) -> tuple[str, int]:
    """The feed of the conference, or of what concerns ``delegation``, named after it, its
    links made whole by ``absolute`` (a path to a full address); and how many meetings it
    holds. The feed pages and ``accord meetings ical`` write the same file."""
    meetings = list(feed_meetings(conference, delegation))
    name = (
        f"{conference.short_name} – {delegation.organization}"
        if delegation
        else conference.short_name
    )
    text = calendar_text(
        conference,
        meetings,
        name=name,
        meeting_url=lambda m: absolute(reverse("meeting", args=[conference.slug, m.pk])),
        conference_url=absolute(reverse("conference", args=[conference.slug])),
    )
    return text, len(meetings)
