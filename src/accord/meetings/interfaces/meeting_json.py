"""A meeting as a JSON-ready dict: the API's meeting format, also printed by
``accord meetings list --json``."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from accord.conferences.models import Conference
from accord.meetings.models import AgendaItem, Meeting, MeetingDocument
from accord.meetings.queries.meetings import documents_filter


def with_details(user: Any, conference: Conference, meetings: QuerySet[Meeting]) -> Any:
    """Agenda (with links) and the documents the user may see, in a fixed number of queries."""
    return meetings.prefetch_related(
        Prefetch(
            "agenda_items",
            queryset=AgendaItem.objects.order_by("order", "id").prefetch_related(
                "priorities", "plan_items"
            ),
        ),
        Prefetch(
            "documents",
            queryset=MeetingDocument.objects.filter(documents_filter(user, conference)).order_by(
                "uploaded_at", "id"
            ),
        ),
    )


def meeting_as_dict(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.pk,
        "kind": meeting.kind,
        "code": meeting.code,
        "title": meeting.title,
        "region": meeting.region.code if meeting.region else None,
        "starts_on": meeting.starts_on,
        "ends_on": meeting.ends_on,
        "timezone": meeting.timezone,
        "city": meeting.city,
        "country": meeting.country,
        "online": meeting.online,
        "online_url": meeting.online_url,
        "chair": meeting.chair.name if meeting.chair else None,
        "back_to_back_with": meeting.back_to_back_with_id,
        "contribution_deadline": meeting.contribution_deadline,
        "contribution_days_before": meeting.contribution_days_before,
        "representatives_per_region": meeting.representatives_per_region,
        "agenda": [
            {
                "number": item.number,
                "title": item.title,
                "links": [p.code for p in item.priorities.all()]
                + [i.code for i in item.plan_items.all()],
            }
            for item in meeting.agenda_items.all()
        ],
        "documents": [
            {
                "id": d.pk,
                "symbol": d.symbol,
                "title": d.title,
                "kind": d.kind,
                "file_name": d.original_name or None,
                "size": d.size,
                "contribution": d.contribution_id,
            }
            for d in meeting.documents.all()
        ],
    }
