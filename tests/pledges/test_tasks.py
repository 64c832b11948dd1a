import datetime
from io import StringIO
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from pledges import tasks
from pledges.models import Pledge, PledgeTransition
from tests.pledges.factories import PledgeTransitionFactory, complete_pledge, editor_of

pytestmark = pytest.mark.django_db


def test_the_daily_command_queues_the_reminders_task(
    organisation, django_capture_on_commit_callbacks
):
    editor = editor_of(organisation)
    complete_pledge(
        organisation=organisation,
        approved=True,
        approved_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
    )
    out = StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_report_reminders", stdout=out)  # the test backend runs it at once

    assert "Report reminders queued" in out.getvalue()
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "overdue" in mail.outbox[0].subject
    assert Pledge.objects.get().inactive_since is not None


def test_a_step_of_a_deleted_pledge_sends_nothing():
    assert tasks.notify_transition.call(999999) == 0


def test_the_teams_own_steps_send_nothing(organisation):
    editor_of(organisation)
    step = PledgeTransitionFactory(
        pledge=complete_pledge(organisation=organisation),
        from_status="draft",
        to_status="withdrawn",
    )

    assert tasks.notify_transition.call(step.pk) == 0
    assert mail.outbox == []


def test_a_reminder_for_a_pledge_no_longer_approved_sends_nothing(organisation):
    editor_of(organisation)
    pledge = complete_pledge(organisation=organisation, status="withdrawn")

    assert tasks.send_report_reminder.call(pledge.pk, False) == 0


# --- The daily schedule on the worker ----------------------------------------------

NOW = datetime.datetime(2026, 9, 1, 7, 0, tzinfo=datetime.UTC)
ASAP = datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC)  # the backend's "no run_after"


@pytest.fixture
def database_tasks(settings):
    """The real database task backend: tasks wait in the database for the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr(tasks, "timezone", SimpleNamespace(now=lambda: NOW))


def queued():
    from django_tasks_db.models import DBTaskResult

    return [
        (r.task_path, r.args_kwargs, r.run_after)
        for r in DBTaskResult.objects.filter(status="READY").order_by("enqueued_at")
    ]


def test_the_schedule_needs_a_backend_that_runs_tasks_later():
    out = StringIO()

    call_command("send_report_reminders", "--schedule", stdout=out)

    assert out.getvalue() == (
        "No reminders scheduled: a run is already waiting, or the task backend cannot run "
        "tasks later.\n"
    )


def test_scheduling_twice_starts_one_chain(database_tasks):
    first, second = StringIO(), StringIO()

    call_command("send_report_reminders", "--schedule", stdout=first)
    call_command("send_report_reminders", "--schedule", stdout=second)

    assert first.getvalue() == "Daily report reminders scheduled on the worker.\n"
    assert second.getvalue().startswith("No reminders scheduled: a run is already waiting")
    ((path, arguments, _run_after),) = queued()
    assert (path, arguments) == (
        "pledges.tasks.scheduled_report_reminders",
        {"args": [], "kwargs": {}},
    )


def test_the_scheduled_run_reminds_and_queues_the_next_a_day_later(
    database_tasks, clock, organisation, django_capture_on_commit_callbacks
):
    editor = editor_of(organisation)
    pledge = complete_pledge(organisation=organisation, approved=True)  # due since July

    with django_capture_on_commit_callbacks(execute=True):
        done = tasks.scheduled_report_reminders.call()

    assert done == {"reminded": [pledge.pk], "inactive": []}
    # By task path: in the test the reminder is queued when the captured commit
    # runs, on the worker as soon as its pledge's transaction commits.
    assert sorted(queued()) == [
        (
            "pledges.tasks.scheduled_report_reminders",
            {"args": [], "kwargs": {}},
            NOW + datetime.timedelta(days=1),
        ),
        ("pledges.tasks.send_report_reminder", {"args": [pledge.pk, True], "kwargs": {}}, ASAP),
    ]
    assert mail.outbox == []  # the worker sends it:
    assert tasks.send_report_reminder.call(pledge.pk, True) == 1
    assert [m.to for m in mail.outbox] == [[editor.email]]


def test_a_failed_run_still_queues_the_next(database_tasks, clock, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("database hiccup")

    monkeypatch.setattr("pledges.services.reminders_run", broken)

    with pytest.raises(RuntimeError, match="database hiccup"):
        tasks.scheduled_report_reminders.call()

    assert queued() == [
        (
            "pledges.tasks.scheduled_report_reminders",
            {"args": [], "kwargs": {}},
            NOW + datetime.timedelta(days=1),
        )
    ]


def test_a_run_started_by_hand_meanwhile_keeps_one_chain(database_tasks, clock):
    call_command("send_report_reminders", "--schedule", stdout=StringIO())

    tasks.scheduled_report_reminders.call()  # as if --schedule had raced the worker

    assert [path for path, *_ in queued()] == ["pledges.tasks.scheduled_report_reminders"]


def test_decision_emails_wait_in_the_database_for_the_worker(
    database_tasks, client, moderator, organisation, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    editor = editor_of(organisation)
    pledge = complete_pledge(organisation=organisation, submitted=True)
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:pledges_pledge_decide", args=[pledge.pk]),
            {"decision": "request-changes", "message": "Add a target.", "apply": "1"},
        )

    assert response.status_code == 302
    assert Pledge.objects.get().status == "changes-requested"
    assert mail.outbox == []  # nothing was sent inside the request
    step = PledgeTransition.objects.get()
    (result,) = DBTaskResult.objects.all()
    assert (result.task_path, result.args_kwargs, result.status) == (
        "pledges.tasks.notify_transition",
        {"args": [step.pk], "kwargs": {}},
        "READY",
    )

    sent = result.task.call(*result.args_kwargs["args"])  # what the worker runs

    assert sent == 1
    assert [m.to for m in mail.outbox] == [[editor.email]]
