"""coalition/settings.py as production reads it: each case starts a fresh Python
process, because settings are computed once, when the module is imported."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from allauth.account.adapter import get_adapter
from django.test import RequestFactory

ROOT = Path(__file__).resolve().parent.parent.parent
# Settings need a database URL but never connect while they are read.
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "coalition.settings",
    "SECRET_KEY": "a-production-like-secret-key-with-enough-entropy-7Hc9qLx2VbN4rT8zWm",
    "DATABASE_URL": "postgres://portal:secret@db.example.eu:5432/portal",
    "ALLOWED_HOSTS": "portal.example.eu",
}
READ = """
import json, sys
import django
django.setup()
from django.conf import settings
from allauth import app_settings
values = {name: getattr(settings, name) for name in sys.argv[1:]}
values["allauth"] = {
    "TRUSTED_PROXY_COUNT": app_settings.TRUSTED_PROXY_COUNT,
    "TRUSTED_CLIENT_IP_HEADER": app_settings.TRUSTED_CLIENT_IP_HEADER,
}
print(json.dumps(values, default=str))
"""


def start(env: dict[str, str], *names: str) -> subprocess.CompletedProcess:
    # Only what the case sets: nothing from the test run's own environment
    # (DEBUG=true, its DATABASE_URL, the browser tests' async switch).
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k in {"PATH", "HOME", "LANG", "PYTHONPATH", "VIRTUAL_ENV"}
    }
    return subprocess.run(
        [sys.executable, "-c", READ, *names],
        cwd=ROOT,
        env=inherited | env,
        capture_output=True,
        text=True,
        check=False,
    )


def production_settings(*names: str, **env: str) -> dict:
    result = start(PRODUCTION_ENV | env, *names)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_debug_is_off_when_the_variable_is_unset():
    values = production_settings("DEBUG")

    assert values["DEBUG"] is False


def test_database_connections_persist_between_requests():
    values = production_settings("DATABASES")

    assert values["DATABASES"]["default"]["CONN_MAX_AGE"] == 600
    assert values["DATABASES"]["default"]["CONN_HEALTH_CHECKS"] is True


def test_static_files_are_compressed_and_hashed_by_whitenoise():
    values = production_settings("STORAGES")

    assert values["STORAGES"]["staticfiles"] == {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    }


def test_a_sqlite_database_url_is_refused_with_a_clear_error():
    result = start(PRODUCTION_ENV | {"DATABASE_URL": "sqlite:///var/db.sqlite3"})

    assert result.returncode == 1
    assert (
        "django.core.exceptions.ImproperlyConfigured: DATABASE_URL must point at PostgreSQL "
        "(postgres://user:password@host:5432/name), not sqlite: the portal uses "
        "PostgreSQL-only features and never SQLite."
    ) in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DATABASE_URL"}

    result = start(env)

    assert result.returncode == 1
    assert (
        "django.core.exceptions.ImproperlyConfigured: DATABASE_URL is not set. Set it to your "
        "PostgreSQL server (postgres://user:password@host:5432/name), or set DEBUG=true for "
        "the embedded development database."
    ) in result.stderr
    assert "embedded_db" not in result.stderr  # refused before starting anything


def test_production_sends_the_security_headers():
    values = production_settings(
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_CSP",
        "PERMISSIONS_POLICY",
        "MIDDLEWARE",
    )

    assert (values["SECURE_HSTS_SECONDS"], values["SECURE_HSTS_INCLUDE_SUBDOMAINS"]) == (
        31536000,
        True,
    )
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert "unsafe-inline" not in str(values["SECURE_CSP"])
    assert values["SECURE_CSP"]["frame-ancestors"] == ["'none'"]
    assert "camera=()" in values["PERMISSIONS_POLICY"]
    assert "django.middleware.csp.ContentSecurityPolicyMiddleware" in values["MIDDLEWARE"]
    assert "coalition.middleware.permissions_policy" in values["MIDDLEWARE"]


def test_allauth_trusts_no_proxy_by_default():
    values = production_settings()

    assert values["allauth"] == {"TRUSTED_PROXY_COUNT": 0, "TRUSTED_CLIENT_IP_HEADER": None}


def test_allauth_reads_the_trusted_proxies_from_the_environment():
    values = production_settings(
        ALLAUTH_TRUSTED_PROXY_COUNT="1", ALLAUTH_TRUSTED_CLIENT_IP_HEADER="X-Real-IP"
    )

    assert values["allauth"] == {"TRUSTED_PROXY_COUNT": 1, "TRUSTED_CLIENT_IP_HEADER": "X-Real-IP"}


def test_a_proxy_count_that_is_not_a_number_is_refused():
    result = start(PRODUCTION_ENV | {"ALLAUTH_TRUSTED_PROXY_COUNT": "one"})

    assert result.returncode == 1
    assert "ALLAUTH_TRUSTED_PROXY_COUNT must be a whole number, not 'one'" in result.stderr


@pytest.mark.parametrize(
    ("proxy_count", "expected"),
    [
        (0, "10.0.0.2"),  # no proxy trusted: X-Forwarded-For could be forged
        (1, "203.0.113.7"),  # the entry the one trusted proxy added
    ],
)
def test_rate_limits_see_the_visitor_behind_the_trusted_proxy(settings, proxy_count, expected):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxy_count
    request = RequestFactory().get(
        "/en/accounts/login/",
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7",
    )

    assert get_adapter(request).get_client_ip(request) == expected


def test_any_setting_can_be_read_from_a_file(tmp_path):
    # Docker secrets: NAME_FILE names a file that holds the value.
    (tmp_path / "var_dir").write_text("/srv/portal/var\n")
    (tmp_path / "proxies").write_text("2")

    values = production_settings(
        "VAR_DIR",
        "MEDIA_ROOT",
        VAR_DIR_FILE=str(tmp_path / "var_dir"),
        ALLAUTH_TRUSTED_PROXY_COUNT_FILE=str(tmp_path / "proxies"),
    )

    assert values["VAR_DIR"] == "/srv/portal/var"
    assert values["MEDIA_ROOT"] == "/srv/portal/var/media"
    assert values["allauth"]["TRUSTED_PROXY_COUNT"] == 2


def test_every_cache_is_shared_by_the_web_processes():
    caches = production_settings("CACHES")["CACHES"]

    assert list(caches) == ["default"]
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


def test_pages_are_hashed_for_their_etag_before_they_are_compressed():
    middleware = production_settings("MIDDLEWARE")["MIDDLEWARE"]
    gzip = middleware.index("django.middleware.gzip.GZipMiddleware")
    conditional = middleware.index("django.middleware.http.ConditionalGetMiddleware")

    # Responses pass the middleware in reverse: ConditionalGet sees the page first.
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") < gzip < conditional
    assert conditional < middleware.index("django.middleware.locale.LocaleMiddleware")


def test_the_portal_uses_djangos_postgresql_backend_with_prepared_statements():
    database = production_settings("DATABASES")["DATABASES"]["default"]

    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["OPTIONS"]["server_side_binding"] is True
    assert database["OPTIONS"]["prepare_threshold"] == 5
    assert "pool" not in database["OPTIONS"]


def test_prepared_statements_can_be_switched_off_for_a_pooler():
    database = production_settings(
        "DATABASES", DATABASE_SERVER_SIDE_BINDING="false", DATABASE_PREPARE_THRESHOLD=""
    )["DATABASES"]["default"]

    assert database["OPTIONS"]["server_side_binding"] is False
    assert database["OPTIONS"]["prepare_threshold"] is None


def test_a_connection_pool_replaces_kept_connections():
    database = production_settings("DATABASES", DATABASE_POOL="true", CONN_MAX_AGE="600")[
        "DATABASES"
    ]["default"]

    assert database["OPTIONS"]["pool"] is True
    assert database["CONN_MAX_AGE"] == 0  # Django refuses a pool with kept connections
    assert database["CONN_HEALTH_CHECKS"] is True
