"""After a restart of the serving process, runs it left behind are queued again or ended,
so no run shows "running" for ever."""

import pytest

from accord.audit.models import AuditEntry
from accord.core import recovery
from accord.core.runs import INTERRUPTED
from accord.streamlining import domain
from accord.streamlining.enums import RunState
from accord.streamlining.models import AnalysisRun

pytestmark = pytest.mark.integration


@pytest.fixture
def left_behind(admin, conference, plan):
    """A run the stopped server was doing and one it had queued (started without letting the
    task run: no on_commit callbacks run inside the test's transaction)."""
    running = domain.start_analysis(user=admin, conference=conference, version=plan)
    AnalysisRun.objects.filter(pk=running.pk).update(state=RunState.RUNNING)
    queued = domain.start_analysis(user=admin, conference=conference, version=plan)
    return running, queued


def test_recover_interrupted_runs_ends_running_and_requeues_queued(left_behind):
    running, queued = left_behind

    line = domain.recover_interrupted_runs()

    running.refresh_from_db()
    queued.refresh_from_db()
    assert line == "Overlap analyses: 1 queued again, 1 interrupted."
    assert (running.state, running.error) == (RunState.FAILED, INTERRUPTED)
    assert running.finished_at is not None
    assert queued.state == RunState.DONE  # the immediate backend ran it when queued again
    assert AuditEntry.objects.filter(action="streamlining.analysis_failed").count() == 1


def test_recover_interrupted_runs_with_nothing_left_says_nothing(plan):
    assert domain.recover_interrupted_runs() == ""


def test_recover_after_restart_only_for_the_thread_backend(left_behind, monkeypatch):
    running, _ = left_behind

    assert recovery.recover_after_restart() == []  # the tests' immediate backend
    running.refresh_from_db()
    assert running.state == RunState.RUNNING

    monkeypatch.setattr(
        recovery, "THREAD_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"
    )
    assert recovery.recover_after_restart() == ["Overlap analyses: 1 queued again, 1 interrupted."]
