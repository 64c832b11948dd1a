"""A real `manage.py db_worker` killed (SIGKILL) during a scheduled harvest:
started again, it records the dead run as failed, harvests at once and queues
the next harvest, so the schedule goes on; nothing ran twice at once."""

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.db import connection
from django.tasks import TaskResultStatus
from django.utils import timezone

from coalition.scheduling import enqueue_once
from national import tasks
from national.models import Item, Kind
from tests.national.factories import FeedFactory, NationalCoalitionFactory

ROOT = Path(__file__).resolve().parents[2]
WAIT = 60  # seconds at most for a worker to reach each step (a loaded machine)
ONE_HOUR = dt.timedelta(hours=1)


def results():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path="national.tasks.scheduled_harvest")


def start_worker(feed_server) -> subprocess.Popen:
    # Where Django connects (the embedded development database's socket
    # directory included, which it keeps in OPTIONS).
    params = connection.get_connection_params()
    url = "postgres://{user}:{password}@/{dbname}?{query}".format(
        user=quote(params.get("user") or ""),
        password=quote(params.get("password") or ""),
        dbname=params["dbname"],
        query=urlencode(
            {"host": params.get("host") or "localhost", "port": params.get("port") or 5432}
        ),
    )
    host, port = feed_server.httpd.server_address[:2]
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": url,
        "TEST_FEED_SERVER": f"{host}:{port}",
    }
    command = ["manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay", "--no-reload"]
    return subprocess.Popen(
        [sys.executable, *command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.1)


def advisory_locks() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())"
        )
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_harvest_picks_the_schedule_up_when_started_again(
    feed_server, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    coalition = NationalCoalitionFactory(country="DE")
    FeedFactory(coalition=coalition, kind=Kind.NEWS, url=feed_server.url("hold/atom.xml"))
    assert enqueue_once(tasks.scheduled_harvest, run_after=timezone.now())

    worker = start_worker(feed_server)
    try:
        assert feed_server.held.wait(WAIT), "the worker never fetched the feed"
        worker.send_signal(signal.SIGKILL)  # in the middle of the scheduled harvest
    finally:
        worker.kill()
        worker.communicate(timeout=WAIT)
    # PostgreSQL ends the dead worker's session, and with it the run's lock.
    wait_until(lambda: advisory_locks() == 0, "the dead worker's session to end")
    assert list(results().values_list("status", flat=True)) == [TaskResultStatus.RUNNING]
    assert Item.objects.count() == 0

    feed_server.holding = False
    feed_server.release.set()
    started_again = timezone.now()
    worker = start_worker(feed_server)
    try:
        # The restored run (queued at once) has run and queued the next, an hour on.
        # Both: the worker records the run's end after the run queued the next.
        wait_until(
            lambda: (
                results()
                .filter(status=TaskResultStatus.READY, run_after__gt=timezone.now() + ONE_HOUR / 2)
                .exists()
                and results().filter(status=TaskResultStatus.SUCCESSFUL).exists()
            ),
            "the harvest after the restored one to be queued",
        )
    finally:
        worker.send_signal(signal.SIGTERM)
        output = worker.communicate(timeout=WAIT)[0].decode()

    assert "Restored the schedule of national.tasks.scheduled_harvest." in output
    statuses = sorted(results().values_list("status", flat=True))
    assert statuses == sorted(
        [TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL, TaskResultStatus.READY]
    )
    dead = results().get(status=TaskResultStatus.FAILED)
    assert dead.exception_class_path == "coalition.scheduling.WorkerLostError"
    done = results().get(status=TaskResultStatus.SUCCESSFUL)
    assert done.started_at >= started_again
    assert done.return_value["created"] == 2
    waiting = results().get(status=TaskResultStatus.READY)
    assert waiting.run_after - done.started_at >= tasks.interval() - dt.timedelta(seconds=1)
    assert Item.objects.count() == 2  # harvested once, not twice
