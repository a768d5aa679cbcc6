"""Calendar feeds: which meetings a feed holds, and the private address of a delegation's feed.

A delegation's address carries ``feed_token``: an HMAC, under the server's secret key, of the
delegation's id and its feed's random salt. Knowing the database is not enough to forge it,
comparing it takes constant time, and renewing the salt retires the old address.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils.crypto import constant_time_compare, salted_hmac

from accord.conferences.models import Conference, Delegation
from accord.meetings.models import CalendarFeed, Meeting

_KEY_SALT = "accord.meetings.calendar_feed"


def feed_token(feed: CalendarFeed) -> str:
    return salted_hmac(
        _KEY_SALT, f"{feed.delegation_id}:{feed.salt}", algorithm="sha256"
    ).hexdigest()[:40]


def feed_by_token(conference: Conference, delegation_id: int, token: str) -> CalendarFeed | None:
    """The delegation's feed if ``token`` is its current key; None otherwise."""
    feed = (
        CalendarFeed.objects.select_related("delegation__organization__region")
        .filter(delegation_id=delegation_id, delegation__conference=conference)
        .first()
    )
    if feed is None or not constant_time_compare(feed_token(feed), token):
        return None
    return feed


def feed_meetings(
    conference: Conference, delegation: Delegation | None = None
) -> QuerySet[Meeting]:
    """The conference's meetings; for a delegation, those of its region and those of no single
    region (IPMs, advisory and working groups, the conference itself)."""
    meetings = Meeting.objects.filter(conference=conference).select_related(
        "region", "back_to_back_with"
    )
    if delegation is not None:
        region_id = delegation.organization.region_id
        meetings = meetings.filter(Q(region__isnull=True) | Q(region_id=region_id))
    return meetings.order_by("starts_on", "ends_on", "code", "id")
