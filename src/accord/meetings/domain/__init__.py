"""Writes about meetings. Each function checks the rules, owns its transaction and appends to
the audit trail."""

from accord.meetings.domain.agenda import AgendaEntry, agenda_as_text, parse_agenda, set_agenda
from accord.meetings.domain.coordination import (
    assign_coordinator,
    mandate_representative,
    remove_coordinator,
    withdraw_representative,
)
from accord.meetings.domain.documents import attach_document, next_symbol, remove_document
from accord.meetings.domain.feeds import issue_calendar_feed
from accord.meetings.domain.meetings import (
    back_to_back_days,
    create_meeting,
    delete_meeting,
    update_meeting,
)

__all__ = [
    "AgendaEntry",
    "agenda_as_text",
    "assign_coordinator",
    "attach_document",
    "back_to_back_days",
    "create_meeting",
    "delete_meeting",
    "issue_calendar_feed",
    "mandate_representative",
    "next_symbol",
    "parse_agenda",
    "remove_coordinator",
    "remove_document",
    "set_agenda",
    "update_meeting",
    "withdraw_representative",
]
