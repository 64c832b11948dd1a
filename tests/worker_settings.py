"""Settings for a real `manage.py db_worker` that a test starts: the test
settings, with the database task backend, and the test's feed server let
through the harvester's address check (TEST_FEED_SERVER=host:port)."""

import ipaddress
import os

from national.outbound import is_public_destination
from tests.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

_host, _port = os.environ["TEST_FEED_SERVER"].rsplit(":", 1)
_ALLOWED = (ipaddress.ip_address(_host), int(_port))


def NATIONAL_FEED_DESTINATION_CHECK(address, port):  # noqa: N802 - a setting
    return (address, port) == _ALLOWED or is_public_destination(address, port)
