"""Pipeline counts as JSON-ready dicts: the API's target-list format, also printed by
``accord invitations status --json``."""

from __future__ import annotations

from typing import Any

from accord.engagement.queries.pipeline import ListSummary, Overview


def list_summary_as_dict(summary: ListSummary) -> dict[str, Any]:
    target_list = summary.target_list
    return {
        "id": target_list.pk,
        "name": target_list.name,
        "owner": target_list.owner.get_username() if target_list.owner else None,
        "counts": summary.counts,
        "total": summary.total,
        "overdue": summary.overdue,
    }


def overview_as_dict(data: Overview) -> dict[str, Any]:
    """Deadlines (ISO dates), each list's counts, the totals and the overdue per owner."""
    return {
        "deadlines": [{"step": d.step, "due": d.due.isoformat()} for d in data.schedule],
        "lists": [list_summary_as_dict(s) for s in data.lists],
        "totals": data.totals,
        "overdue_by_owner": [
            {"owner": owner, "overdue": count} for owner, count in data.overdue_by_owner
        ],
    }
