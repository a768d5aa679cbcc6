"""What every background run (an overlap analysis, a whole-plan link suggestion) shares: how
often it saves its progress, and what happens to it when the server that ran it stops."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet

PROGRESS_STEP = 0.05
"""Save progress every 5% of the work: often enough to watch, rarely enough to be cheap."""
INTERRUPTED = "Interrupted: the server stopped while this ran. Start it again."

Progress = Callable[[int, int], None]


def throttled(save: Callable[[int, int], object], step: float = PROGRESS_STEP) -> Progress:
    """A progress callback for an engine that calls ``save(done, total)`` at most every
    ``step`` of the work, and at the end."""
    last = -1.0

    def report(done: int, total: int) -> None:
        nonlocal last
        fraction = done / total if total else 1.0
        if fraction - last >= step or done == total:
            last = fraction
            save(done, total)

    return report


def requeue_or_end(
    runs: QuerySet[Any],
    *,
    enqueue: Callable[[int], object],
    end: Callable[[Any], None],
    label: str,
) -> str:
    """After a restart (see ``accord.core.recovery``): queue again the ``runs`` still
    "queued", pass those still "running" to ``end`` (which marks them failed with
    ``INTERRUPTED``); a line saying what was done, empty when nothing was."""
    queued = list(runs.filter(state="queued").values_list("pk", flat=True))
    running = list(runs.filter(state="running"))
    for run in running:
        end(run)
    for run_id in queued:
        enqueue(run_id)
    if not queued and not running:
        return ""
    return f"{label}: {len(queued)} queued again, {len(running)} interrupted."
