"""Background work of the members app: emails and the daily pruning of finished
task results (an email's result holds the recipient's address and the message)."""

import datetime
import importlib
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from coalition import emails
from members import tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    """The real database task backend: tasks wait in the database for the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def results():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.order_by("enqueued_at")


def queued_email(recipient):
    emails.send_email.enqueue(subject="[Portal] Hello", body="Hello.", recipient=recipient)


def finished_email(recipient, days_ago):
    queued_email(recipient)
    result = results().last()
    result.status = "SUCCESSFUL"
    result.finished_at = timezone.now() - datetime.timedelta(days=days_ago)
    result.save()
    return result


def test_pruning_deletes_finished_results_older_than_two_weeks(database_tasks):
    finished_email("old@example.org", days_ago=15)
    finished_email("recent@example.org", days_ago=13)
    queued_email("queued@example.org")

    call_command("prune_task_results", stdout=StringIO())

    assert [(r.args_kwargs["kwargs"]["recipient"], r.status) for r in results()] == [
        ("recent@example.org", "SUCCESSFUL"),
        ("queued@example.org", "READY"),
    ]


def test_the_daily_pruning_needs_a_backend_that_runs_tasks_later():
    out = StringIO()

    call_command("prune_task_results", "--schedule", stdout=out)

    assert "No pruning scheduled" in out.getvalue()


def test_scheduling_twice_starts_one_chain(database_tasks):
    first, second = StringIO(), StringIO()

    call_command("prune_task_results", "--schedule", stdout=first)
    call_command("prune_task_results", "--schedule", stdout=second)

    assert "scheduled on the worker" in first.getvalue()
    assert "No pruning scheduled" in second.getvalue()
    assert [r.task_path for r in results()] == ["members.tasks.scheduled_prune_task_results"]


def test_the_scheduled_run_prunes_and_queues_the_next_a_day_later(database_tasks):
    finished_email("old@example.org", days_ago=30)
    before = timezone.now()

    tasks.scheduled_prune_task_results.call()

    (waiting,) = results()
    assert (waiting.task_path, waiting.status) == (
        "members.tasks.scheduled_prune_task_results",
        "READY",
    )
    assert before + tasks.PRUNE_EVERY <= waiting.run_after <= timezone.now() + tasks.PRUNE_EVERY


def test_an_email_queued_before_the_task_moved_is_sent_after_the_upgrade(database_tasks):
    from django.apps import apps
    from django.core import mail

    moved = importlib.import_module("members.migrations.0004_email_task_moved_to_coalition")
    queued_email("waiting@example.org")
    results().update(task_path="members.tasks.send_email")  # as queued by the old code

    moved.forwards(apps, schema_editor=None)

    (waiting,) = results()
    waiting.task.call(**waiting.args_kwargs["kwargs"])  # what the worker runs
    assert (waiting.task_path, waiting.status) == ("coalition.emails.send_email", "READY")
    assert [m.to for m in mail.outbox] == [["waiting@example.org"]]
