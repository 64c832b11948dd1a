"""The settings the members issue relies on, read in fresh processes from the
environment as production reads them: the shared cache and the email backend."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRINT = (
    "import json, django; django.setup(); from django.conf import settings; "
    "print(json.dumps({'cache': settings.CACHES['default'], "
    "'mail': settings.MAILERS['default']}, default=str))"
)


def settings_with(**environment):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"REDIS_URL", "EMAIL_BACKEND", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        and not k.startswith("EMAIL_")
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "coalition.settings",
        "DEBUG": "false",
        "SECRET_KEY": "a-production-like-secret-key-with-enough-entropy-7Hc9qLx2VbN4rT8zWm",
        "ALLOWED_HOSTS": "digital-skills.example.eu",
        # Production settings refuse to start without one; they only parse it.
        "DATABASE_URL": os.environ.get("DATABASE_URL") or "postgres://postgres@localhost/unused",
        **environment,
    }
    result = subprocess.run(
        [sys.executable, "-c", PRINT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_cache_is_redis_when_redis_url_is_set():
    cache = settings_with(REDIS_URL="redis://cache.internal:6379/1")["cache"]

    assert (cache["BACKEND"], cache["LOCATION"]) == (
        "django_redis.cache.RedisCache",
        "redis://cache.internal:6379/1",
    )


def test_the_cache_is_the_database_without_redis_url():
    cache = settings_with()["cache"]

    assert (cache["BACKEND"], cache["LOCATION"]) == (
        "django.core.cache.backends.db.DatabaseCache",
        "coalition_cache",
    )


@pytest.mark.parametrize(
    ("environment", "backend"),
    [
        ({}, "django.core.mail.backends.smtp.EmailBackend"),  # production's default
        ({"DEBUG": "true"}, "django.core.mail.backends.console.EmailBackend"),
        ({"EMAIL_BACKEND": "console"}, "django.core.mail.backends.console.EmailBackend"),
        ({"EMAIL_BACKEND": "file"}, "django.core.mail.backends.filebased.EmailBackend"),
        ({"EMAIL_BACKEND": "smtp"}, "django.core.mail.backends.smtp.EmailBackend"),
    ],
)
def test_the_email_backend_follows_the_environment(environment, backend):
    assert settings_with(**environment)["mail"]["BACKEND"] == backend


def test_smtp_takes_its_server_from_the_environment():
    mail = settings_with(
        EMAIL_BACKEND="smtp",
        EMAIL_HOST="smtp.example.eu",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="portal",
        EMAIL_HOST_PASSWORD="s3cret",
        EMAIL_USE_TLS="true",
    )["mail"]

    assert mail["OPTIONS"] == {
        "host": "smtp.example.eu",
        "port": 587,
        "username": "portal",
        "password": "s3cret",
        "use_tls": True,
        "use_ssl": False,
        "timeout": 10,
    }


def test_the_file_backend_writes_where_email_file_path_says():
    mail = settings_with(EMAIL_BACKEND="file", EMAIL_FILE_PATH="/srv/portal/mail")["mail"]

    assert mail["OPTIONS"] == {"file_path": "/srv/portal/mail"}


def test_an_unknown_email_backend_is_refused():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "coalition.settings", "DEBUG": "true"}
    env["EMAIL_BACKEND"] = "pigeon"

    result = subprocess.run(
        [sys.executable, "-c", PRINT], cwd=ROOT, env=env, capture_output=True, text=True
    )

    assert result.returncode != 0
    assert "EMAIL_BACKEND must be one of console, file, smtp" in result.stderr
