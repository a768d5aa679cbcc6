"""The thread backend: a task runs in the worker thread, the enqueuing caller does not wait."""

import threading

import pytest
from django.tasks import TaskResultStatus, task, task_backends

pytestmark = pytest.mark.unit

RELEASE = threading.Event()


@task
def thread_name() -> str:
    RELEASE.wait(timeout=10)
    return threading.current_thread().name


@task
def broken() -> None:
    raise ValueError("no good")


@pytest.fixture
def backend(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
        "thread": {"BACKEND": "accord.core.tasks_backend.ThreadBackend"},
    }
    RELEASE.clear()
    return task_backends["thread"]


def test_thread_backend_runs_task_in_another_thread(backend):
    result = thread_name.using(backend="thread").enqueue()

    assert result.status == TaskResultStatus.READY  # the caller did not wait
    RELEASE.set()
    backend.wait()
    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == "accord-tasks-thread"
    assert result.return_value != threading.current_thread().name


def test_thread_backend_records_failure_and_keeps_working(backend):
    failed = broken.using(backend="thread").enqueue()
    RELEASE.set()
    after = thread_name.using(backend="thread").enqueue()
    backend.wait()

    failed.refresh()
    after.refresh()
    assert failed.status == TaskResultStatus.FAILED
    assert failed.errors[0].exception_class_path == "builtins.ValueError"
    assert after.status == TaskResultStatus.SUCCESSFUL
