"""coalition/scheduling.py: scheduled tasks never run twice at once, and a
chain that a dead worker broke is restored (tests/national/test_worker_killed.py
does it with a real worker killed mid-run)."""

import datetime as dt
from contextlib import contextmanager

import psycopg
import pytest
from django.db import connection
from django.tasks import TaskResultStatus
from django.utils import timezone

from coalition import scheduling
from members import tasks as members_tasks
from national import tasks as national_tasks
from national.harvest import HarvestReport
from pledges import tasks as pledges_tasks

pytestmark = pytest.mark.django_db

HARVEST = "national.tasks.scheduled_harvest"
REMINDERS = "pledges.tasks.scheduled_report_reminders"


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def rows(path):
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=path)


@contextmanager
def held_elsewhere(task):
    """The task's lock, held by another database session (another worker's run)."""
    # The parameters Django connects with (a socket directory in OPTIONS included,
    # as the embedded development database has).
    params = {**connection.get_connection_params(), "autocommit": True}
    with psycopg.connect(**params) as other:
        other.execute("SELECT pg_advisory_lock(%s)", [scheduling._lock_key(task)])
        yield


def a_dead_run(task):
    """What a worker killed mid-run leaves: the run RUNNING, nothing queued."""
    scheduling.enqueue_once(task, run_after=timezone.now())
    rows(task.module_path).update(status=TaskResultStatus.RUNNING, started_at=timezone.now())


def test_a_run_is_skipped_while_another_run_of_the_task_goes_on():
    work = []

    with held_elsewhere(national_tasks.scheduled_harvest):
        result = scheduling.run_scheduled(
            national_tasks.scheduled_harvest,
            every=dt.timedelta(hours=1),
            work=lambda: work.append("ran"),
        )

    assert (result, work) == (None, [])
    # Queued in case the other run never finishes; it finds this one waiting.
    assert list(rows(HARVEST).values_list("status", flat=True)) == [TaskResultStatus.READY]


def test_a_broken_chain_is_restored_and_its_dead_run_recorded():
    a_dead_run(national_tasks.scheduled_harvest)
    now = timezone.now()

    restored = scheduling.restore_schedules(now=now)

    assert restored == [HARVEST]
    dead = rows(HARVEST).get(status=TaskResultStatus.FAILED)
    assert dead.exception_class_path == "coalition.scheduling.WorkerLostError"
    assert rows(HARVEST).get(status=TaskResultStatus.READY).run_after == now


def test_a_run_going_on_elsewhere_is_left_alone():
    a_dead_run(national_tasks.scheduled_harvest)

    with held_elsewhere(national_tasks.scheduled_harvest):
        restored = scheduling.restore_schedules()

    assert restored == []
    assert list(rows(HARVEST).values_list("status", flat=True)) == [TaskResultStatus.RUNNING]


def test_a_waiting_run_or_a_never_started_schedule_is_left_alone():
    scheduling.enqueue_once(pledges_tasks.scheduled_report_reminders, run_after=timezone.now())

    assert scheduling.restore_schedules() == []
    assert rows(REMINDERS).count() == 1
    assert rows(HARVEST).count() == 0  # never scheduled: starting it is --schedule's choice
    assert rows(members_tasks.scheduled_prune_task_results.module_path).count() == 0


def test_every_scheduled_run_restores_the_other_broken_chains(monkeypatch):
    a_dead_run(pledges_tasks.scheduled_report_reminders)
    monkeypatch.setattr(national_tasks, "harvest_and_notify", lambda **kwargs: HarvestReport())

    national_tasks.scheduled_harvest.call()

    assert rows(REMINDERS).filter(status=TaskResultStatus.READY).count() == 1
    assert rows(HARVEST).filter(status=TaskResultStatus.READY).count() == 1


def test_a_run_releases_its_lock_even_when_it_fails():
    def broken():
        raise RuntimeError("database hiccup")

    with pytest.raises(RuntimeError):
        scheduling.run_scheduled(
            national_tasks.scheduled_harvest, every=dt.timedelta(hours=1), work=broken
        )

    with scheduling.exclusive(national_tasks.scheduled_harvest) as alone:
        assert alone is True
    assert rows(HARVEST).filter(status=TaskResultStatus.READY).count() == 1
