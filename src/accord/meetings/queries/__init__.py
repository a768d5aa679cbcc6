"""Reads of meetings, coordinators and representatives, each respecting the rules."""

from accord.meetings.queries.coordination import Matrix, column_key, coordinator_matrix
from accord.meetings.queries.feeds import feed_by_token, feed_meetings, feed_token
from accord.meetings.queries.meetings import (
    MeetingPage,
    RegionSlots,
    find_coordinator,
    find_meeting,
    find_representative,
    meeting_page,
    meetings_of,
    representative_slots,
    visible_document,
)

__all__ = [
    "Matrix",
    "MeetingPage",
    "RegionSlots",
    "column_key",
    "coordinator_matrix",
    "feed_by_token",
    "feed_meetings",
    "feed_token",
    "find_coordinator",
    "find_meeting",
    "find_representative",
    "meeting_page",
    "meetings_of",
    "representative_slots",
    "visible_document",
]
