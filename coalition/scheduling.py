"""Recurring background work without a separate scheduler: a scheduled task does
its work, then queues its own next run (in a ``finally``, so one failed run does
not end the chain). `enqueue_once` is the queueing step they share."""

from __future__ import annotations

import datetime

from django.tasks import Task


def enqueue_once(task: Task, *, run_after: datetime.datetime) -> bool:
    """Queue `task` to run at `run_after` unless a run of it is already waiting,
    so that starting a schedule twice never makes two chains. Returns False when
    nothing was queued: a run is waiting, or the task backend cannot run tasks
    later (the immediate backend of tests and development)."""
    if not task.get_backend().supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult  # only with the database backend

    if DBTaskResult.objects.filter(task_path=task.module_path, status="READY").exists():
        return False
    task.using(run_after=run_after).enqueue()
    return True
