"""django_tasks_db's worker, which first restores the schedules that a worker
killed mid-run left broken (coalition/scheduling.py), so that restarting the
worker is all it takes. This app comes before django_tasks_db in INSTALLED_APPS,
so `manage.py db_worker` is this command."""

from django_tasks_db.management.commands import db_worker

from coalition.scheduling import restore_schedules


class Command(db_worker.Command):
    help = f"{db_worker.Command.help}, after restoring broken schedules"

    def handle(self, *args, **options):
        for path in restore_schedules():
            self.stdout.write(f"Restored the schedule of {path}.")
        return super().handle(*args, **options)
