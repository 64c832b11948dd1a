from django.core.management.base import BaseCommand
from django.utils import timezone

from members import tasks


class Command(BaseCommand):
    help = (
        "Delete finished background-task results older than "
        f"{tasks.TASK_RESULTS_KEPT_DAYS} days (they hold the emails sent) now (default), "
        "or start the worker's daily pruning (--schedule, idempotent; no cron needed)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Start the daily pruning on the background worker (idempotent).",
        )

    def handle(self, *args, schedule: bool = False, **options):
        if schedule:
            if tasks.schedule_prune_task_results(run_after=timezone.now()):
                self.stdout.write("Daily pruning of task results scheduled on the worker.")
            else:
                self.stdout.write(
                    "No pruning scheduled: a run is already waiting, or the task backend "
                    "cannot run tasks later."
                )
            return
        tasks.prune_task_results()
        self.stdout.write("Finished task results pruned.")
