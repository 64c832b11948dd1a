from django.core.management.base import BaseCommand

from pledges.tasks import report_reminders


class Command(BaseCommand):
    help = (
        "Queue the daily progress-report reminders for the background worker "
        "(run it once a day, e.g. from cron; the worker sends the emails)."
    )

    def handle(self, *args, **options):
        result = report_reminders.enqueue()
        self.stdout.write(f"Report reminders queued (task {result.id}).")
