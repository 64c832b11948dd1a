"""Background work for national coalitions: harvesting connected websites.

`harvest_feeds` harvests every feed once. `scheduled_harvest` does the same and
then enqueues its own next run (NATIONAL_HARVEST_INTERVAL_MINUTES later), so
the background worker harvests on a schedule with no cron: start the chain
once with `manage.py harvest_feeds --schedule` (safe to repeat).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from national import harvest


def interval() -> dt.timedelta:
    return dt.timedelta(minutes=int(getattr(settings, "NATIONAL_HARVEST_INTERVAL_MINUTES", 60)))


@task
def harvest_feeds() -> dict[str, int]:
    return harvest.harvest_all(now=timezone.now()).as_dict()


@task
def scheduled_harvest() -> dict[str, int]:
    summary = harvest.harvest_all(now=timezone.now()).as_dict()
    schedule_next_harvest(now=timezone.now())
    return summary


def schedule_next_harvest(*, now: dt.datetime) -> bool:
    """Enqueue the next scheduled harvest unless one is already waiting.
    Returns False when the task backend cannot run tasks later (the immediate
    backend of tests and development) or a run is already queued."""
    backend = scheduled_harvest.get_backend()
    if not backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult  # only with the database backend

    waiting = DBTaskResult.objects.filter(
        task_path=scheduled_harvest.module_path, status="READY"
    ).exists()
    if waiting:
        return False
    scheduled_harvest.using(run_after=now + interval()).enqueue()
    return True
