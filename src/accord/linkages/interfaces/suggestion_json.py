"""Suggestions and runs as JSON-ready dicts (the API's output, and any export that wants them)."""

from __future__ import annotations

from typing import Any

from accord.linkages.models import LinkSuggestion
from accord.linkages.queries import RunProgress


def suggestion_as_dict(suggestion: LinkSuggestion) -> dict[str, Any]:
    return {
        "id": suggestion.pk,
        "item": suggestion.item.code,
        "type": suggestion.type,
        "target": suggestion.target,
        "score": suggestion.score,
        "evidence": list(suggestion.evidence),
        "reference": suggestion.reference,
        "method": suggestion.method,
        "state": suggestion.state,
        "reason": suggestion.reason,
        "decided_at": suggestion.decided_at,
        "created_at": suggestion.created_at,
    }


def run_as_dict(progress: RunProgress) -> dict[str, Any]:
    return {
        "id": progress.id,
        "version": progress.version,
        "state": progress.state,
        "done": progress.done,
        "total": progress.total,
        "percent": progress.percent,
        "finished": progress.finished,
        "method": progress.method,
        "suggested": progress.suggested,
        "error": progress.error,
        "started_at": progress.started_at,
        "finished_at": progress.finished_at,
    }
