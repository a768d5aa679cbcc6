"""Give a delegation a private calendar address, or a new one that retires the old.

Calendar programs cannot sign in, so the address itself carries the key: an HMAC of the
delegation and a random salt under the server's secret key (see ``queries.feeds``). Whoever
acts for the delegation may issue it; audited (the key itself is never recorded).
"""

from __future__ import annotations

import secrets
from typing import Any

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext

from accord import rules
from accord.audit.domain import record
from accord.conferences.models import Delegation
from accord.core.actors import user_or_none
from accord.meetings import rules as meeting_rules
from accord.meetings.models import CalendarFeed


def issue_calendar_feed(*, user: Any, delegation: Delegation) -> CalendarFeed:
    """Create the delegation's calendar address, or replace it (the old one stops working).
    Side effects: the feed's salt, one audit entry."""
    rules.require(
        meeting_rules.can_use_delegation_feed(user, delegation),
        gettext(
            "Only members of the delegation, its chairs and the secretariat manage its calendar."
        ),
    )
    with transaction.atomic():
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(
            delegation=delegation,
            defaults={"salt": secrets.token_hex(16), "created_by": user_or_none(user)},
        )
        if not created:
            feed.salt = secrets.token_hex(16)
            feed.created_by = user_or_none(user)
            feed.created_at = now()
            feed.save(update_fields=["salt", "created_by", "created_at"])
        record(
            actor=user,
            action="meeting.calendar_feed_issued" if created else "meeting.calendar_feed_renewed",
            target=feed,
            conference=delegation.conference,
            changes={"delegation": [None, str(delegation.organization)]},
        )
    return feed
