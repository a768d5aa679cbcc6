"""Reads of registrations for the secretariat's queue."""

from __future__ import annotations

from django.db.models import QuerySet

from accord.conferences.models import Conference
from accord.engagement.models import Registration


def registration_queue(conference: Conference, state: str = "") -> QuerySet[Registration]:
    registrations = Registration.objects.filter(conference=conference).select_related(
        "region", "constituent_group", "membership_category", "invitee__target_list"
    )
    return registrations.filter(state=state) if state else registrations
