"""Background work for pledges, run by the worker (`manage.py db_worker`),
never inside a web request."""

from __future__ import annotations

import logging

from django.tasks import task
from django.utils import timezone

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


@task()
def report_reminders() -> dict:
    """The daily run: remind teams whose report is due, mark inactive pledges."""
    done = services.reminders_run(now=timezone.now())
    logger.info(
        "Report reminders: %d reminded, %d marked inactive",
        len(done["reminded"]),
        len(done["inactive"]),
    )
    return done
