"""Background work of linkage suggestions. Tasks take ids, re-fetch and call the domain."""

from __future__ import annotations

from django.tasks import task


@task
def suggest_for_version(run_id: int) -> None:
    """Run one queued suggestion run (see ``domain.run_suggestions``)."""
    from accord.linkages.domain import run_suggestions  # the domain enqueues this task

    run_suggestions(run_id=run_id)
