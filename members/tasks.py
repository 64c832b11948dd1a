"""Background work of the members app (Django's tasks framework): the daily
pruning of finished task results. (Its emails go through coalition.emails.)"""

from __future__ import annotations

import datetime

from django.core.management import call_command
from django.tasks import task

from coalition.scheduling import enqueue_once, run_scheduled

# Finished task results are kept this long, then pruned: an email's result holds
# the recipient's address and the whole message.
TASK_RESULTS_KEPT_DAYS = 14
PRUNE_EVERY = datetime.timedelta(days=1)


def prune_task_results() -> None:
    """Delete the finished results of every queue older than TASK_RESULTS_KEPT_DAYS
    (django_tasks_db's own command)."""
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=TASK_RESULTS_KEPT_DAYS,
        verbosity=0,
    )


@task()
def scheduled_prune_task_results() -> None:
    """The daily pruning, which then queues the next one, a day after this one
    started (even when this one failed, so one bad day does not end the chain);
    never two at once, restored if a worker dies mid-run (coalition/scheduling.py)."""
    run_scheduled(scheduled_prune_task_results, every=PRUNE_EVERY, work=prune_task_results)


def schedule_prune_task_results(*, run_after: datetime.datetime) -> bool:
    """Queue the daily pruning for ``run_after`` unless one is already waiting
    (see coalition.scheduling.enqueue_once)."""
    return enqueue_once(scheduled_prune_task_results, run_after=run_after)
