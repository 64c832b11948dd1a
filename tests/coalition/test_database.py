"""The database backend (coalition/postgresql): Django's PostgreSQL backend with a
health check that sends nothing for an idle connection, and still finds out when
the server has ended one."""

import select

import psycopg
import pytest
from django.db import connections

from coalition.postgresql.base import DatabaseWrapper

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def wrapper():
    """A connection of its own, as a web process keeps one between requests."""
    wrapper = connections.create_connection("default")
    wrapper.ensure_connection()
    yield wrapper
    wrapper.close()


def _terminate(wrapper) -> None:
    pid = wrapper.connection.info.backend_pid
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    # The server says so on the socket: wait for it (no sleep, a condition).
    readable, _, _ = select.select([wrapper.connection.fileno()], [], [], 10)
    assert readable


def test_the_portal_uses_this_backend(wrapper):
    assert isinstance(wrapper, DatabaseWrapper)
    assert wrapper.vendor == "postgresql"
    assert wrapper.health_check_enabled


def test_an_idle_connection_is_usable_without_a_round_trip(wrapper, monkeypatch):
    def no_query(*args, **kwargs):
        raise AssertionError("the health check sent a query")

    monkeypatch.setattr(psycopg.Connection, "cursor", no_query)

    assert wrapper.is_usable()


def test_a_connection_the_server_ended_is_not_usable(wrapper):
    _terminate(wrapper)

    assert not wrapper.is_usable()


def test_the_next_request_gets_a_new_connection_after_the_server_ended_one(wrapper):
    _terminate(wrapper)
    wrapper.health_check_done = False  # a new request, as request_started does

    with wrapper.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_a_connection_in_a_transaction_gets_the_real_check(wrapper):
    wrapper.connection.execute("BEGIN")
    wrapper.connection.execute("SELECT 1")

    assert wrapper.is_usable()  # Django's own check: a query that works
    wrapper.connection.execute("ROLLBACK")
