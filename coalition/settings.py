"""Settings for the Coalition Portal, read from environment variables only.

Every variable is listed, with its default, in `.env.example`. The defaults are
safe: DEBUG is off, and without DEBUG a missing SECRET_KEY stops the start.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    """A setting from the environment, or from the file named by NAME_FILE (Docker secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        return Path(file_name).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name, "")
    if not value:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = env(name, "")
    try:
        return int(value) if value else default
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


VAR_DIR = Path(env("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (or SECRET_KEY_FILE), "
            "or set DEBUG=true for development."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-debug"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "EU Digital Skills and Jobs Coalition"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "django_filters",
    "django_countries",
    "django_tasks_db",
    "coalition",
    "members",
    "pledges",
    "national",
]

MIDDLEWARE = [
    # First: health checks come by IP address over plain HTTP (coalition/middleware.py).
    "coalition.middleware.healthz",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "coalition.urls"
WSGI_APPLICATION = "coalition.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # Django's cached loader, one copy per language with the constant
            # {% translate %} tags already translated (coalition/template_loaders.py).
            "loaders": [
                (
                    "coalition.template_loaders.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "coalition.context_processors.site",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# DATABASE_URL selects a PostgreSQL server; without it, an embedded PostgreSQL
# starts from the binaries a Python package ships (coalition/embedded_db.py).
DATABASE_URL = env("DATABASE_URL")
if not DATABASE_URL:
    from coalition import embedded_db

    DATABASE_URL = embedded_db.ensure_running(VAR_DIR)
if not DATABASE_URL.startswith(("postgres://", "postgresql://")):
    # The portal needs PostgreSQL (array fields, full-text search, GIN indexes).
    # The scheme alone is named: the rest of the URL may hold a password.
    _scheme = DATABASE_URL.partition(":")[0]
    raise ImproperlyConfigured(
        f"DATABASE_URL must point at PostgreSQL (postgres://user:password@host:5432/name), "
        f"not {_scheme}: the portal uses PostgreSQL-only features and never SQLite."
    )

DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        # A new connection per request costs two thirds of a database page's
        # throughput here: keep connections open between requests.
        conn_max_age=env_int("CONN_MAX_AGE", 600),
        conn_health_checks=True,
        # Django's PostgreSQL backend, with a health check that needs no round
        # trip for an idle connection (coalition/postgresql/base.py).
        engine="coalition.postgresql",
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ---------------------------------------------------
# Shared by every web process: the database by default, Redis when REDIS_URL is set.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "coalition",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "coalition_cache",
            # Room for the cached viewer pages, so that culling (which drops a
            # third of the keys when full) rarely reaches the viewer generation.
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# Kept by each process: parts of the layout that change only with the code and
# the language (the stylesheets' hashed addresses, the footer), for the
# template's {% cache ... using="layout" %}.
# In development they are not kept: an edited template shows at once.
CACHES["layout"] = {
    "BACKEND": "django.core.cache.backends.dummy.DummyCache"
    if DEBUG
    else "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "coalition-layout",
}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Tasks (background work runs in its own worker process) ---------------
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- National coalitions' connected websites ------------------------------
NATIONAL_FEED_TIMEOUT = env_int("NATIONAL_FEED_TIMEOUT", 10)  # seconds for a whole download
NATIONAL_FEED_MAX_BYTES = env_int("NATIONAL_FEED_MAX_BYTES", 2_000_000)
NATIONAL_HARVEST_INTERVAL_MINUTES = env_int("NATIONAL_HARVEST_INTERVAL_MINUTES", 60)

# --- Accounts -------------------------------------------------------------
AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:dashboard"

ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# Sign-up and password reset answer the same whether an address is known or not;
# the owner of a known address gets an email instead.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_SIGNUP_REDIRECT_URL = "members:dashboard"
# A new address replaces the old one only once it is verified.
ACCOUNT_CHANGE_EMAIL = True
# Tell people by email when their password or email address changes.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
# Changing the password keeps this session and ends every other one (Django
# invalidates sessions whose password hash no longer matches).
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# allauth's rate limits live in the default cache, which every web process
# shares (database or Redis). "login_failed": five wrong passwords for one
# account within five minutes lock further tries until the window has passed.
ACCOUNT_RATE_LIMITS = {
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reset_password": "20/m/ip,5/m/key",
    "reauthenticate": "10/m/user",
    "reset_password_from_key": "20/m/ip",
    "signup": "20/m/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "confirm_email": "1/180s/key",
}
# Behind proxies, REMOTE_ADDR is the proxy's address, so every visitor would
# share one "ip" rate limit. Set the number of proxies you run in front of the
# portal (each appends to X-Forwarded-For; allauth reads the entry that the
# farthest of them added), or the header a proxy puts the visitor's address in
# (e.g. X-Real-IP). Left at 0, X-Forwarded-For is ignored: visitors can forge it.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("ALLAUTH_TRUSTED_CLIENT_IP_HEADER") or None

# --- Email ----------------------------------------------------------------
# Console (DEBUG) or SMTP by default; EMAIL_BACKEND=file writes .eml files to
# EMAIL_FILE_PATH, which is handy to read verification links in development.
_EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
}
_email_backend = env("EMAIL_BACKEND", "console" if DEBUG else "smtp")
if _email_backend not in _EMAIL_BACKENDS:
    raise ImproperlyConfigured(f"EMAIL_BACKEND must be one of {', '.join(_EMAIL_BACKENDS)}")
_email_options: dict[str, object] = {}
if _email_backend == "file":
    _email_options = {"file_path": env("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))}
elif _email_backend == "smtp":
    _email_options = {
        "host": env("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": env("EMAIL_HOST_USER"),
        "password": env("EMAIL_HOST_PASSWORD"),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "use_ssl": env_bool("EMAIL_USE_SSL", False),
        "timeout": env_int("EMAIL_TIMEOUT", 10),
    }
MAILERS = {"default": {"BACKEND": _EMAIL_BACKENDS[_email_backend], "OPTIONS": _email_options}}
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", "Digital Skills and Jobs Coalition <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
MODERATORS_EMAIL = env_list("MODERATORS_EMAIL")
CONTACT_EMAIL = env("CONTACT_EMAIL", "digital-skills-coalition@example.eu")

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["coalition.formats"]  # English dates day first (coalition/formats)
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True
# Country names as the EU writes them in English (Interinstitutional Style
# Guide) where django-countries' list says otherwise.
COUNTRIES_OVERRIDE = {"NR": _("Nauru"), "BS": _("Bahamas"), "US": _("United States")}

# --- Static and uploaded files --------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# "build/" holds the front-end assets that `npm run build` copies out of
# node_modules (the Europa Component Library, map data); it is not committed.
STATICFILES_DIRS = [BASE_DIR / "static", BASE_DIR / "build"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)  # off when FILE_STORAGE serves files itself
STORAGES = {
    "default": {"BACKEND": env("FILE_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880

# --- Security -------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# /healthz never reaches SecurityMiddleware (coalition.middleware.healthz answers
# it first); the exemption stays in case the order of MIDDLEWARE changes.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# --- Logging --------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
