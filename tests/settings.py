"""Test settings: the real settings, made fast and isolated. Still PostgreSQL."""

import os
import tempfile

os.environ.setdefault(
    "SECRET_KEY", "tests-only-secret-key-that-is-long-enough-for-checks-0123456789"
)

from coalition.settings import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="coalition-test-media-")
# Tests never collect static files; an existing, empty STATIC_ROOT keeps whitenoise
# from warning (an error here) on a fresh clone that has no staticfiles/ yet.
STATIC_ROOT = tempfile.mkdtemp(prefix="coalition-test-static-")
# The manifest needs collectstatic; tests serve static files from the finders.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each test starts with an empty cache (conftest clears it), so rate limits and
# cached pages never leak from one test into another.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}  # noqa: F405
