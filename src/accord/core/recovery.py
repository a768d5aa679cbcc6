"""Work left unfinished by a stopped server: background runs it was doing or had queued.

The thread task backend keeps its queue in the serving process's memory, so when
``accord serve`` stops, a run it was doing stays "running" and a queued one stays "queued",
and both would show a spinner for ever. When the server starts again, each app that records
runs says what to do with them: queued runs are queued again (they never started); running
ones end "failed" with a message saying why, for a person to start again (running them again
unasked could repeat whatever stopped the server). Only the thread backend needs this: with
any other backend the runs are another process's business.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.utils.module_loading import import_string

RECOVERIES = (
    "accord.streamlining.domain.recover_interrupted_runs",
    "accord.linkages.domain.recover_interrupted_runs",
    "accord.engagement.domain.invitations.recover_interrupted_batches",
)
"""Functions, one per app with background runs, that tidy that app's runs after a restart
and return a line saying what they did (empty when there was nothing to do)."""

THREAD_BACKEND = "accord.core.tasks_backend.ThreadBackend"


def recover_after_restart() -> list[str]:
    """Tidy every app's runs left by the previous server process; what was done, one line per
    app that had something to tidy. Call once, when the server starts."""
    if settings.TASKS["default"]["BACKEND"] != THREAD_BACKEND:
        return []
    recoveries: list[Callable[[], str]] = [import_string(path) for path in RECOVERIES]
    return [line for line in (recover() for recover in recoveries) if line]
