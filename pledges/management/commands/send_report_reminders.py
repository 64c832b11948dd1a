from django.core.management.base import BaseCommand
from django.utils import timezone

from pledges import tasks


class Command(BaseCommand):
    help = (
        "Queue the progress-report reminders for the background worker once (default), "
        "or start the worker's daily run (--schedule, idempotent; no cron needed)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Start the daily reminders on the background worker (idempotent).",
        )

    def handle(self, *args, schedule: bool = False, **options):
        if schedule:
            if tasks.schedule_report_reminders(run_after=timezone.now()):
                self.stdout.write("Daily report reminders scheduled on the worker.")
            else:
                self.stdout.write(
                    "No reminders scheduled: a run is already waiting, or the task backend "
                    "cannot run tasks later."
                )
            return
        result = tasks.report_reminders.enqueue()
        self.stdout.write(f"Report reminders queued (task {result.id}).")
