"""Reads of linkage suggestions: an item's pending ones, a version's, and run progress.

These do not check who asks; edges call ``require_viewer`` first (suggestions are seen by
whoever sees the conference's drafts: the secretariat and chairs).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from accord.core.errors import NotFound
from accord.linkages.enums import SuggestionState
from accord.linkages.models import LinkSuggestion, SuggestionRun
from accord.linkages.rules import can_view_suggestions
from accord.plans.models import PlanItem, PlanVersion
from accord.rules import require

BEST_FIRST = ("-score", "type", "target", "id")


def require_viewer(user: Any, version: PlanVersion) -> None:
    require(
        can_view_suggestions(user, version),
        gettext("Only the secretariat and chairs see suggested links."),
    )


def pending_suggestions(item: PlanItem) -> list[LinkSuggestion]:
    """The item's pending suggestions, best first (one query)."""
    return list(
        LinkSuggestion.objects.filter(item=item, state=SuggestionState.PENDING).order_by(
            *BEST_FIRST
        )
    )


def decided_suggestions(item: PlanItem) -> list[LinkSuggestion]:
    """The item's accepted and rejected suggestions, latest decision first (one query)."""
    return list(
        LinkSuggestion.objects.filter(item=item)
        .exclude(state=SuggestionState.PENDING)
        .select_related("decided_by")
        .order_by("-decided_at", "-id")
    )


def pending_by_item(version: PlanVersion) -> dict[int, list[LinkSuggestion]]:
    """Every item's pending suggestions, best first, by item id (one query)."""
    found: dict[int, list[LinkSuggestion]] = defaultdict(list)
    for row in LinkSuggestion.objects.filter(
        item__version=version, state=SuggestionState.PENDING
    ).order_by("item_id", *BEST_FIRST):
        found[row.item_id].append(row)
    return dict(found)


def find_suggestion(item: PlanItem, suggestion_id: int) -> LinkSuggestion:
    """One suggestion of the item, with the item attached (no further query for it)."""
    suggestion = LinkSuggestion.objects.filter(item=item, pk=suggestion_id).first()
    if suggestion is None:
        raise NotFound(
            gettext("%(code)s has no suggestion %(suggestion_id)s.")
            % {"code": item.code, "suggestion_id": suggestion_id},
            field="suggestion_id",
        )
    suggestion.item = item
    return suggestion


def latest_run(version: PlanVersion) -> SuggestionRun | None:
    return (
        SuggestionRun.objects.filter(version=version)
        .select_related("started_by")
        .order_by("-started_at", "-id")
        .first()
    )


def find_run(version: PlanVersion, run_id: int) -> SuggestionRun:
    run = SuggestionRun.objects.filter(version=version, pk=run_id).first()
    if run is None:
        raise NotFound(
            gettext("Version %(number)s has no suggestion run %(run_id)s.")
            % {"number": version.number, "run_id": run_id},
            field="run_id",
        )
    return run


@dataclass(frozen=True)
class RunProgress:
    """What a progress bar shows."""

    id: int
    version: int
    state: str
    done: int
    total: int
    percent: int
    finished: bool
    method: str
    suggested: int
    error: str
    started_at: dt.datetime
    finished_at: dt.datetime | None


def run_progress(run: SuggestionRun) -> RunProgress:
    """The run as it is now (re-read: the task updates it from another thread)."""
    run.refresh_from_db()
    return RunProgress(
        id=run.pk,
        version=run.version.number,
        state=run.state,
        done=run.done,
        total=run.total,
        percent=run.percent,
        finished=run.finished,
        method=run.method,
        suggested=run.suggested,
        error=run.error,
        started_at=run.started_at,
        finished_at=run.finished_at,
    )
