"""Writes of linkage suggestions. Each function checks rules, owns its transaction and audits."""

from accord.linkages.domain.runs import (
    recover_interrupted_runs,
    run_suggestions,
    start_suggestion_run,
)
from accord.linkages.domain.suggester import current_suggester, forget_suggesters
from accord.linkages.domain.suggestions import (
    accept_suggestion,
    reject_suggestion,
    suggest_links,
)

__all__ = [
    "accept_suggestion",
    "current_suggester",
    "forget_suggesters",
    "recover_interrupted_runs",
    "reject_suggestion",
    "run_suggestions",
    "start_suggestion_run",
    "suggest_links",
]
