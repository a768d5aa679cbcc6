"""A task backend for Django's tasks framework that runs tasks in a thread of the serving
process, so a request that enqueues a long analysis answers at once.

Django ships only the immediate backend (runs the task inside the request) and the dummy one
(never runs it). Accord is served by one process (``accord serve``), so one worker thread and an
in-memory queue are enough: no broker, no extra service to run. What this gives up, knowingly:
tasks still queued when the process stops are lost (the domain records its own state, e.g. an
analysis run stays "queued", and can be started again), and results are kept in memory only,
for the last ``MAX_RESULTS`` tasks.
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import threading
from collections import OrderedDict
from traceback import format_exception
from typing import Any

from django.db import close_old_connections, connections
from django.tasks.backends.base import BaseTaskBackend
from django.tasks.base import TaskContext, TaskError, TaskResult, TaskResultStatus
from django.tasks.exceptions import TaskResultDoesNotExist
from django.tasks.signals import task_enqueued, task_finished, task_started
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.json import normalize_json

logger = logging.getLogger(__name__)

MAX_RESULTS = 1000


def _snapshot(result: TaskResult) -> TaskResult:
    """A copy for the caller: the worker goes on changing its own."""
    copy = dataclasses.replace(
        result, errors=list(result.errors), worker_ids=list(result.worker_ids)
    )
    object.__setattr__(copy, "_return_value", result._return_value)  # type: ignore[attr-defined]
    return copy


class ThreadBackend(BaseTaskBackend):
    """Runs enqueued tasks one after another in a single daemon thread, started on first use."""

    supports_get_result = True

    def __init__(self, alias: str, params: dict[str, Any]) -> None:
        super().__init__(alias, params)
        self.worker_id = get_random_string(32)
        self._queue: queue.Queue[str] = queue.Queue()
        self._results: OrderedDict[str, TaskResult] = OrderedDict()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def enqueue(self, task: Any, args: Any, kwargs: Any) -> TaskResult:
        self.validate_task(task)
        result: TaskResult[Any, Any] = TaskResult(
            task=task,
            id=get_random_string(32),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        with self._lock:
            self._results[result.id] = result
            while len(self._results) > MAX_RESULTS:
                self._results.popitem(last=False)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._work, name=f"accord-tasks-{self.alias}", daemon=True
                )
                self._thread.start()
        task_enqueued.send(type(self), task_result=result)
        enqueued = _snapshot(result)  # before the worker can change it
        self._queue.put(result.id)
        return enqueued

    def get_result(self, result_id: str) -> TaskResult:
        with self._lock:
            result = self._results.get(result_id)
            if result is None:
                raise TaskResultDoesNotExist(result_id)
            return _snapshot(result)

    def wait(self) -> None:
        """Block until every task enqueued so far has run (for tests and shutdown)."""
        self._queue.join()

    def _work(self) -> None:
        while True:
            result_id = self._queue.get()
            try:
                with self._lock:
                    result = self._results.get(result_id)
                if result is not None:
                    self._run(result)
            finally:
                self._queue.task_done()

    def _run(self, result: TaskResult) -> None:
        """Run one task as Django's immediate backend would, then close this thread's database
        connections: the thread lives on, and an idle connection must not linger."""
        task = result.task
        started = timezone.now()
        with self._lock:
            object.__setattr__(result, "status", TaskResultStatus.RUNNING)
            object.__setattr__(result, "started_at", started)
            object.__setattr__(result, "last_attempted_at", started)
            result.worker_ids.append(self.worker_id)
        task_started.send(sender=type(self), task_result=result)
        close_old_connections()
        try:
            if task.takes_context:
                value = task.call(TaskContext(task_result=result), *result.args, **result.kwargs)
            else:
                value = task.call(*result.args, **result.kwargs)
            value = normalize_json(value)
        except BaseException as error:  # a failed task must not end the worker thread
            logger.exception("Task %s failed", task.name)
            with self._lock:
                result.errors.append(
                    TaskError(
                        exception_class_path=(
                            f"{type(error).__module__}.{type(error).__qualname__}"
                        ),
                        traceback="".join(format_exception(error)),
                    )
                )
                object.__setattr__(result, "status", TaskResultStatus.FAILED)
                object.__setattr__(result, "finished_at", timezone.now())
        else:
            with self._lock:
                object.__setattr__(result, "_return_value", value)
                object.__setattr__(result, "status", TaskResultStatus.SUCCESSFUL)
                object.__setattr__(result, "finished_at", timezone.now())
        finally:
            connections.close_all()
        task_finished.send(type(self), task_result=result)
