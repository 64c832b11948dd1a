"""Background work for pledges, run by the worker (`manage.py db_worker`),
never inside a web request.

`report_reminders` is the daily run of report reminders and inactivity.
`scheduled_report_reminders` does the same and then queues its own next run a
day after it started, so the worker runs it every day with no cron: start the
chain once with `manage.py send_report_reminders --schedule` (safe to repeat:
it queues nothing while a run is waiting).
"""

from __future__ import annotations

import datetime
import logging

from django.tasks import task
from django.utils import timezone

from coalition.scheduling import enqueue_once, run_scheduled
from pledges import emails, services
from pledges.models import Pledge, PledgeTransition

logger = logging.getLogger(__name__)


@task()
def notify_transition(transition_id: int) -> int:
    """Email whoever a workflow step concerns; returns the number of emails sent."""
    step = (
        PledgeTransition.objects.select_related("pledge__organisation", "report", "actor")
        .filter(pk=transition_id)
        .first()
    )
    if step is None:  # the pledge was deleted since
        return 0
    return emails.transition_email(step)


@task()
def send_report_reminder(pledge_id: int, overdue: bool) -> int:
    pledge = Pledge.objects.select_related("organisation").filter(pk=pledge_id).first()
    if pledge is None or not pledge.accepts_reports:
        return 0
    return emails.reminder_email(pledge, overdue=overdue, due_at=services.report_due_at(pledge))


REMINDERS_EVERY = datetime.timedelta(days=1)


def _remind(now: datetime.datetime) -> dict:
    done = services.reminders_run(now=now)
    logger.info(
        "Report reminders: %d reminded, %d marked inactive",
        len(done["reminded"]),
        len(done["inactive"]),
    )
    return done


@task()
def report_reminders() -> dict:
    """The daily run: remind teams whose report is due, mark inactive pledges."""
    return _remind(timezone.now())


@task()
def scheduled_report_reminders() -> dict | None:
    """The daily run, which then queues the next one, a day after this one
    started (even when this one failed, so one bad day does not end the chain);
    never two at once, restored if a worker dies mid-run (coalition/scheduling.py)."""
    started = timezone.now()
    return run_scheduled(
        scheduled_report_reminders,
        every=REMINDERS_EVERY,
        started=started,
        work=lambda: _remind(started),
    )


def schedule_report_reminders(*, run_after: datetime.datetime) -> bool:
    """Queue the scheduled run for ``run_after`` unless one is already waiting
    (see coalition.scheduling.enqueue_once)."""
    return enqueue_once(scheduled_report_reminders, run_after=run_after)
