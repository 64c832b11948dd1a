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

from coalition import emails
from coalition.scheduling import enqueue_once, run_scheduled
from national import harvest
from national.models import Feed


def interval() -> dt.timedelta:
    return dt.timedelta(minutes=int(getattr(settings, "NATIONAL_HARVEST_INTERVAL_MINUTES", 60)))


def harvest_and_notify(*, now: dt.datetime, feeds=None) -> harvest.HarvestReport:
    """Harvest every active feed (or just `feeds`), then tell the moderators about
    the new items that wait for them. The command, the tasks and the admin's
    "Harvest now" all go through here, so they notify the same people."""
    report = harvest.harvest_all(now=now, feeds=feeds)
    notify_moderators(item_ids=report.created_pending)
    return report


@task
def harvest_feeds() -> dict[str, int]:
    return harvest_and_notify(now=timezone.now()).as_dict()


@task
def harvest_selected_feeds(feed_ids: list[int]) -> dict[str, int]:
    """The admin's "Harvest now": these feeds, paused or not, on the worker."""
    feeds = Feed.objects.filter(pk__in=feed_ids)
    return harvest_and_notify(now=timezone.now(), feeds=feeds).as_dict()


@task
def scheduled_harvest() -> dict[str, int] | None:
    """The recurring harvest: never two at once, the next one queued even after
    an error, restored if a worker dies mid-run (coalition/scheduling.py)."""
    return run_scheduled(
        scheduled_harvest,
        every=interval(),
        work=lambda: harvest_and_notify(now=timezone.now()).as_dict(),
    )


@task
def send_moderation_notice(item_ids: list[int]) -> int:
    """Email the moderators (MODERATORS_EMAIL and the Moderators group's active
    staff) about items waiting for them."""
    from national.notifications import email_moderators

    return email_moderators(item_ids=item_ids)


def notify_moderators(*, item_ids: list[int]) -> None:
    """Queue the moderators' email once the current transaction commits (who
    receives it is decided when it is sent)."""
    if item_ids:
        emails.enqueue_on_commit(send_moderation_notice, list(item_ids))


def schedule_next_harvest(*, now: dt.datetime) -> bool:
    """Queue the next scheduled harvest unless one is already waiting (see
    coalition.scheduling.enqueue_once)."""
    return enqueue_once(scheduled_harvest, run_after=now + interval())
