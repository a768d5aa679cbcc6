"""Suggest links for every item of a version, as a background task with progress.

Starting a run queues it; the task starts once the run is committed (like an overlap
analysis in streamlining). The run saves its progress every few per cent, always ends "done"
or "failed" (with the message), never stuck "running"; after a restart of the serving process,
``recover_interrupted_runs`` tidies what the previous one left (for whoever calls it when the
server starts).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accord.audit.domain import record
from accord.core.actors import user_or_none
from accord.core.errors import DomainError
from accord.core.runs import INTERRUPTED, requeue_or_end, throttled
from accord.linkages import tasks
from accord.linkages.domain.suggester import DEFAULT_METHOD, current_suggester
from accord.linkages.domain.suggestions import (
    TOP,
    candidates,
    item_text,
    require_judge,
    store_suggestions,
)
from accord.linkages.enums import Method, RunState
from accord.linkages.models import SuggestionRun
from accord.plans.enums import VersionState
from accord.plans.models import PlanVersion

logger = logging.getLogger(__name__)


def start_suggestion_run(
    *, user: Any, version: PlanVersion, method: str = DEFAULT_METHOD
) -> SuggestionRun:
    """Queue suggestions for every item of a draft version; the background task starts once
    the run is committed. One run at a time per version. Audited."""
    require_judge(user, version)
    if method not in Method.values:
        raise DomainError(
            gettext("Unknown method '%(method)s'; expected one of %(join)s.")
            % {"method": method, "join": ", ".join(Method.values)},
            field="method",
        )
    with transaction.atomic():
        busy = (
            SuggestionRun.objects.select_for_update()
            .filter(version=version, state__in=[RunState.QUEUED, RunState.RUNNING])
            .first()
        )
        if busy is not None:
            raise DomainError(
                gettext(
                    "Links are already being suggested for version %(number)s "
                    "(run %(pk)s, %(state)s)."
                )
                % {"number": version.number, "pk": busy.pk, "state": busy.state},
                field="version",
            )
        run = SuggestionRun.objects.create(
            version=version,
            method=method,
            total=version.items.count(),
            started_by=user_or_none(user),
        )
        record(
            actor=user,
            action="linkages.run_started",
            target=run,
            conference=version.plan.conference,
            changes={"version": [None, version.number], "method": [None, method]},
        )
        transaction.on_commit(lambda: tasks.suggest_for_version.enqueue(run.pk))
    return run


def _progress_saver(run_id: int) -> Callable[[int, int], None]:
    """A callback for the engine that saves the run's progress now and then."""
    return throttled(
        lambda done, total: SuggestionRun.objects.filter(pk=run_id).update(done=done, total=total)
    )


def _finish(run: SuggestionRun, state: str, **fields: Any) -> None:
    with transaction.atomic():
        for name, value in fields.items():
            setattr(run, name, value)
        run.state = state
        run.finished_at = timezone.now()
        run.save(update_fields=["state", "finished_at", *fields])
        changes: dict[str, Any] = {"state": [RunState.RUNNING, state]}
        if run.error:
            changes["error"] = [None, run.error]
        if state == RunState.DONE:
            changes["suggested"] = [None, run.suggested]
        record(
            actor=None,
            action=f"linkages.run_{state}",
            target=run,
            conference=run.version.plan.conference,
            changes=changes,
        )


def run_suggestions(*, run_id: int) -> SuggestionRun:
    """The task's body: suggest links for each item of the run's version and store them as
    pending (see ``store_suggestions``). Runs a queued run once; any error ends the run
    "failed" with its message."""
    run = SuggestionRun.objects.select_related("version__plan__conference").get(pk=run_id)
    if run.state != RunState.QUEUED:
        return run
    run.state = RunState.RUNNING
    run.started_at = timezone.now()
    run.save(update_fields=["state", "started_at"])
    try:
        version = run.version
        if version.state != VersionState.DRAFT:
            raise DomainError(
                gettext("Version %(number)s is %(state)s; links are suggested for drafts.")
                % {"number": version.number, "state": version.state}
            )
        items = list(version.items.order_by("priority__order", "order", "id"))
        suggester = current_suggester(run.method)
        found = suggester.suggest_many(
            [item_text(item) for item in items], top=TOP, progress=_progress_saver(run.pk)
        )
        with transaction.atomic():
            stored = store_suggestions(
                version,
                [(item, candidates(result)) for item, result in zip(items, found, strict=True)],
                method=suggester.method,
            )
    except Exception as error:  # any failure must end the run, not leave it running
        logger.exception("Suggestion run %s failed", run_id)
        message = error.message if isinstance(error, DomainError) else str(error)
        if not isinstance(error, DomainError):
            message = f"Unexpected error ({type(error).__name__}): {message}"
        run.refresh_from_db(fields=["done", "total"])
        _finish(run, RunState.FAILED, error=message[:2000])
        return run
    total = len(items)
    _finish(
        run,
        RunState.DONE,
        done=total,
        total=total,
        method=suggester.method,
        suggested=sum(len(keys) for keys in stored.pending.values()),
    )
    return run


def recover_interrupted_runs() -> str:
    """After a restart of the serving process (see ``accord.core.recovery``): queue again the
    runs it had queued, end "failed" those it was running. Audited through ``_finish``."""
    return requeue_or_end(
        SuggestionRun.objects.select_related("version__plan__conference"),
        enqueue=tasks.suggest_for_version.enqueue,
        end=lambda run: _finish(run, RunState.FAILED, error=INTERRUPTED),
        label="Link suggestions",
    )
