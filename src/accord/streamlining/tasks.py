"""Background work of streamlining. Tasks take ids, re-fetch and call the domain."""

from __future__ import annotations

from django.tasks import task


@task
def analyse(run_id: int) -> None:
    """Run one queued analysis (see ``domain.run_analysis``)."""
    from accord.streamlining.domain import run_analysis  # the domain enqueues this task

    run_analysis(run_id=run_id)
