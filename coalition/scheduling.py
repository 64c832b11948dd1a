"""Recurring background work without a separate scheduler, that survives the
worker being killed at any moment.

A scheduled task (settings.SCHEDULED_TASKS: the harvest, the report reminders,
the pruning of task results) runs through `run_scheduled`, which

- holds a PostgreSQL advisory lock on the task for the whole run, so two runs
  of it never overlap, whichever workers pick them up; the lock belongs to the
  worker's database session, so PostgreSQL frees it the moment a killed
  worker's connection drops;
- queues the task's next run when it ends, even when it failed (so one bad run
  does not end the chain).

A worker killed during a run queues nothing and leaves the run RUNNING. So
`restore_schedules` looks for such a broken chain, a task that was scheduled
once but has no run waiting and none going on (its lock is free), records the
dead run as failed and queues a run at once. It runs when a worker starts (the
portal's `db_worker` command) and at the end of every scheduled run (for the
other tasks), so nothing is lost for longer than the shortest interval.

`enqueue_once` is the queueing step they share: it never makes two chains.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import connection
from django.tasks import Task, TaskResultStatus
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class WorkerLostError(Exception):
    """Recorded on a run that a worker left unfinished (it was killed or died)."""


def scheduled_tasks() -> list[Task]:
    return [import_string(path) for path in settings.SCHEDULED_TASKS]


def enqueue_once(task: Task, *, run_after: datetime.datetime) -> bool:
    """Queue `task` to run at `run_after` unless a run of it is already waiting,
    so that starting a schedule twice never makes two chains. Returns False when
    nothing was queued: a run is waiting, or the task backend cannot run tasks
    later (the immediate backend of tests and development)."""
    if not task.get_backend().supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult  # only with the database backend

    if DBTaskResult.objects.filter(
        task_path=task.module_path, status=TaskResultStatus.READY
    ).exists():
        return False
    task.using(run_after=run_after).enqueue()
    return True


def _lock_key(task: Task) -> int:
    digest = hashlib.sha256(f"coalition.scheduling:{task.module_path}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@contextmanager
def exclusive(task: Task) -> Iterator[bool]:
    """Try to take `task`'s advisory lock; yields whether it was taken (False:
    a run of it is going on elsewhere). Released on leaving."""
    key = _lock_key(task)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        taken = cursor.fetchone()[0]
    try:
        yield taken
    finally:
        if taken:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


def run_scheduled(
    task: Task,
    *,
    every: datetime.timedelta,
    work: Callable[[], Any],
    started: datetime.datetime | None = None,
) -> Any:
    """The body of a scheduled task: `work()` unless a run of `task` is going on,
    then the next run `every` after this one `started` (default: now), then any
    other broken schedule restored."""
    started = started or timezone.now()
    with exclusive(task) as alone:
        if not alone:
            # The run going on queues the next one when it ends; queue one
            # anyway in case it never does (it checks for a waiting run first).
            logger.warning("%s is already running: this run is skipped", task.module_path)
            enqueue_once(task, run_after=started + every)
            return None
        try:
            return work()
        finally:
            enqueue_once(task, run_after=started + every)
            restore_schedules(now=timezone.now(), skip=task)


def restore_schedules(
    *, now: datetime.datetime | None = None, skip: Task | None = None
) -> list[str]:
    """Queue a run at once of every scheduled task whose chain a dead worker
    broke (see the module's docstring); returns their paths. Tasks never
    scheduled stay unscheduled: starting a schedule is `--schedule`'s choice."""
    now = now or timezone.now()
    restored = []
    for task in scheduled_tasks():
        if task.module_path == getattr(skip, "module_path", None):
            continue
        if not task.get_backend().supports_defer:
            continue
        from django_tasks_db.models import DBTaskResult

        runs = DBTaskResult.objects.filter(task_path=task.module_path)
        if not runs.exists() or runs.filter(status=TaskResultStatus.READY).exists():
            continue  # never scheduled, or a run is waiting
        with exclusive(task) as alone:
            if not alone:
                continue  # a run is going on: it queues the next one
            # No run is going on, so a run still RUNNING was left by a dead worker.
            for dead in runs.filter(status=TaskResultStatus.RUNNING):
                dead.set_failed(WorkerLostError("The worker stopped during this run."))
        if enqueue_once(task, run_after=now):
            logger.warning("%s had no next run (a worker died mid-run): queued", task.module_path)
            restored.append(task.module_path)
    return restored
