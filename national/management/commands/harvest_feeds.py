from django.core.management.base import BaseCommand
from django.utils import timezone

from national import tasks


class Command(BaseCommand):
    help = (
        "Harvest the connected websites' feeds now (default), hand the harvest to the "
        "background worker (--enqueue), or start the worker's recurring harvest (--schedule)."
    )

    def add_arguments(self, parser):
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--enqueue", action="store_true", help="Let the background worker harvest once."
        )
        group.add_argument(
            "--schedule",
            action="store_true",
            help="Start the recurring harvest on the background worker (idempotent).",
        )

    def handle(self, *args, enqueue: bool = False, schedule: bool = False, **options):
        if enqueue:
            result = tasks.harvest_feeds.enqueue()
            self.stdout.write(f"Harvest enqueued (task {result.id}).")
            return
        if schedule:
            if tasks.schedule_next_harvest(now=timezone.now()):
                self.stdout.write(
                    f"Recurring harvest scheduled: every {tasks.interval()} on the worker."
                )
            else:
                self.stdout.write(
                    "No harvest scheduled: one is already waiting, or the task backend "
                    "cannot run tasks later."
                )
            return
        report = tasks.harvest_and_notify(now=timezone.now())
        for feed_report in report.feeds:
            if feed_report.error:
                self.stderr.write(f"Feed {feed_report.feed_id}: {feed_report.error}")
        summary = report.as_dict()
        self.stdout.write(
            "Harvested {feeds} feeds: {created} items created, {updated} updated, "
            "{not_modified} unchanged since last time, {failed} failed.".format(**summary)
        )
