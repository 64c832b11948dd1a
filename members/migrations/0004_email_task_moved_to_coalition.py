"""The task that sends a finished email moved from members.tasks to
coalition.emails (one email helper for every app). Emails still waiting for the
worker at the upgrade would otherwise fail to load there, and stored results
would escape the deletion of an account's email results: point them at the new
path (same arguments)."""

from django.db import migrations

OLD = "members.tasks.send_email"
NEW = "coalition.emails.send_email"


def rename(apps, old: str, new: str) -> None:
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(task_path=old).update(task_path=new)


def forwards(apps, schema_editor):
    rename(apps, OLD, NEW)


def backwards(apps, schema_editor):
    rename(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_first_charter_and_moderators"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
