"""Background work of the members app (Django's tasks framework)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.core.management import call_command
from django.tasks import task
from django.utils import timezone

# Finished task results are kept this long, then pruned: an email's result holds
# the recipient's address and the whole message.
TASK_RESULTS_KEPT_DAYS = 14
PRUNE_EVERY = datetime.timedelta(days=1)


@task
def send_email(*, subject: str, body: str, recipient: str) -> None:
    """Send one plain-text email. Queued in the transaction that caused it, so it
    goes out only if that transaction commits, and a slow or failing mail server
    never breaks a page; the worker (`manage.py db_worker`) sends it."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient])


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
    started (even when this one failed, so one bad day does not end the chain)."""
    started = timezone.now()
    try:
        prune_task_results()
    finally:
        schedule_prune_task_results(run_after=started + PRUNE_EVERY)


def schedule_prune_task_results(*, run_after: datetime.datetime) -> bool:
    """Queue the daily pruning for ``run_after`` unless one is already waiting.
    Returns False when the task backend cannot run tasks later (the immediate
    backend of tests and development) or a run is already queued."""
    backend = scheduled_prune_task_results.get_backend()
    if not backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult  # only with the database backend

    waiting = DBTaskResult.objects.filter(
        task_path=scheduled_prune_task_results.module_path, status="READY"
    ).exists()
    if waiting:
        return False
    scheduled_prune_task_results.using(run_after=run_after).enqueue()
    return True
