"""Settings for the Coalition Portal, read from environment variables only.

Every variable is listed, with its default, in `.env.example`. The defaults are
safe: DEBUG is off, and without DEBUG a missing SECRET_KEY stops the start.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
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
    "ninja",  # django-ninja: the open data API; its static files hold Swagger UI
    # Before django_tasks_db: its db_worker command restores broken schedules first.
    "coalition",
    "django_tasks_db",
    "members",
    "pledges",
    "national",
    "api",
]

MIDDLEWARE = [
    # First: health checks come by IP address over plain HTTP (coalition/middleware.py).
    "coalition.middleware.healthz",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "coalition.middleware.permissions_policy",
    # Before anything reads the query or the form (coalition/middleware.py).
    "coalition.middleware.refuse_nul_bytes",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # In the order Django's documentation gives: compress last (GZip before
    # anything that reads or changes the body), and hash the page for its ETag
    # (ConditionalGet) before compressing it (coalition/caching.py).
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "coalition.middleware.session_limits",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "coalition.urls"
WSGI_APPLICATION = "coalition.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        # Django's default loaders: the cached loader over the templates/ folder
        # and the apps' own (each template compiled once per process; in
        # development the autoreloader empties it when a template changes).
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "coalition.context_processors.site",
            ],
        },
    },
    {
        # The Pledge Viewer's fragment alone (coalition/jinja2.py says why).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "coalition.jinja2.environment"},
    },
]

# --- Database -------------------------------------------------------------
# DATABASE_URL selects a PostgreSQL server. In development (DEBUG) without it,
# an embedded PostgreSQL starts from the binaries of a development dependency
# (coalition/embedded_db.py); production refuses to start without it.
DATABASE_URL = env("DATABASE_URL")
if not DATABASE_URL:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DATABASE_URL is not set. Set it to your PostgreSQL server "
            "(postgres://user:password@host:5432/name), or set DEBUG=true for the "
            "embedded development database."
        )
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

# Django's PostgreSQL backend, with psycopg's connection options (.env.example).
# Server-side binding sends parameters apart from the statement, so a statement's
# text is the same whatever its values; psycopg then prepares a statement on its
# Nth use on a connection (prepare_threshold; empty: never), and the database
# keeps its plan: a page's statements are planned once per connection, not on
# every request. A pool replaces the kept connection (Django needs
# CONN_MAX_AGE=0 with one).
DATABASE_POOL = env_bool("DATABASE_POOL", False)
_prepare_threshold = env("DATABASE_PREPARE_THRESHOLD", "5")
_database_options: dict[str, object] = {
    "server_side_binding": env_bool("DATABASE_SERVER_SIDE_BINDING", True),
    "prepare_threshold": env_int("DATABASE_PREPARE_THRESHOLD", 5) if _prepare_threshold else None,
}
if DATABASE_POOL:
    _database_options["pool"] = True
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        # A new connection per request costs most of a database page's time:
        # keep connections open between requests (or pooled).
        conn_max_age=0 if DATABASE_POOL else env_int("CONN_MAX_AGE", 600),
        # Django asks a kept connection whether it still works before a
        # request's first query, so a database restart costs no failed request.
        conn_health_checks=env_bool("CONN_HEALTH_CHECKS", True),
    )
}
DATABASES["default"].setdefault("OPTIONS", {}).update(_database_options)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions ---------------------------------------------------
# Shared by every web process: the database by default, Redis when REDIS_URL is set.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
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
# How long the shared cache keeps what it holds for one generation of the
# public data: whole pages for anonymous visitors, fragments, figures
# (coalition/caching.py). 0 turns that cache off.
PUBLIC_PAGE_CACHE_SECONDS = 600
# False: anonymous pages are rendered on every request (layer 2 off), while
# values and fragments are still kept (layer 3); the load test measures pages
# computed this way.
KEEP_PUBLIC_PAGES = True
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# A logged-in session ends after this long without activity (coalition.middleware.
# session_limits): half an hour for staff, a few hours for others, two weeks for
# those who ticked "Remember me" at login (staff excepted); and after
# SESSION_ABSOLUTE_SECONDS whatever the activity.
SESSION_IDLE_SECONDS_STAFF = env_int("SESSION_IDLE_SECONDS_STAFF", 30 * 60)
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 4 * 3600)
SESSION_IDLE_SECONDS_REMEMBERED = env_int("SESSION_IDLE_SECONDS_REMEMBERED", 14 * 86400)
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_SECONDS", 30 * 86400)
SESSION_COOKIE_AGE = SESSION_IDLE_SECONDS_REMEMBERED

# --- Tasks (background work runs in its own worker process) ---------------
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Tasks that run on a schedule (coalition/scheduling.py): each queues its next
# run; a worker restores a chain that a dead worker broke.
SCHEDULED_TASKS = [
    "national.tasks.scheduled_harvest",
    "pledges.tasks.scheduled_report_reminders",
    "members.tasks.scheduled_prune_task_results",
]

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
# The portal's own limits on forms that email someone else, in the shared cache
# (coalition/ratelimits.py): name -> (uses, per seconds).
RATE_LIMITS = {
    "invitations-per-organisation": (20, 3600),
    "invitations-per-address": (3, 86400),
    "join-requests-per-user": (10, 86400),
    "join-requests-per-organisation": (20, 86400),
}
# Behind proxies, REMOTE_ADDR is the proxy's address, so every visitor would
# share one "ip" rate limit. Set the number of proxies you run in front of the
# portal (each appends to X-Forwarded-For; allauth reads the entry that the
# farthest of them added), or the header a proxy puts the visitor's address in
# (e.g. X-Real-IP). Left at 0, X-Forwarded-For is ignored: visitors can forge it.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("ALLAUTH_TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("ALLAUTH_TRUSTED_CLIENT_IP_HEADER") or None

# --- Open data API and catalogue ------------------------------------------
# Requests one address may send to /api/v1/ per second, minute, hour or day
# ("120/m"), counted in the shared cache; "off" for no limit.
API_RATE_LIMIT = env("API_RATE_LIMIT", "120/m")
# Who publishes the DCAT-AP catalogue (/catalogue.ttl): an IRI, ideally from the
# EU's corporate bodies vocabulary, and a name. Without them, the portal itself.
CATALOGUE_PUBLISHER_URI = env("CATALOGUE_PUBLISHER_URI")
CATALOGUE_PUBLISHER_NAME = env("CATALOGUE_PUBLISHER_NAME")

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
# The EU's 24 official languages, in the EU's protocol order (by each
# language's own name). Adding one takes its catalogue (locale/<code>/) and a
# line here; a language Django does not know needs its own name in
# coalition/languages.py (NATIVE_NAMES), as Maltese does.
LANGUAGES = [
    ("bg", _("Bulgarian")),
    ("es", _("Spanish")),
    ("cs", _("Czech")),
    ("da", _("Danish")),
    ("de", _("German")),
    ("et", _("Estonian")),
    ("el", _("Greek")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ga", _("Irish")),
    ("hr", _("Croatian")),
    ("it", _("Italian")),
    ("lv", _("Latvian")),
    ("lt", _("Lithuanian")),
    ("hu", _("Hungarian")),
    ("mt", _("Maltese")),
    ("nl", _("Dutch")),
    ("pl", _("Polish")),
    ("pt", _("Portuguese")),
    ("ro", _("Romanian")),
    ("sk", _("Slovak")),
    ("sl", _("Slovenian")),
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
]
# locale/ is the portal's catalogue (`make messages`); locale-libraries/ holds
# translations of the libraries' strings for languages a library ships none in
# (Django: Maltese; allauth, django-countries: Irish, Maltese), read after it.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale-libraries"]
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

# Content-Security-Policy on every response (Django's CSP middleware). Pages
# carry no inline script or style, so no nonce is needed and cached pages stay
# valid: scripts and styles come from the portal's static files only. The
# embeddable scoreboard alone may be framed (pledges/scoreboards/views.py).
# CSP_IMG_SRC adds image sources, e.g. an object storage's origin for logos.
SECURE_CSP = {
    # Nothing unless named below (frames, media, workers, manifests: none used).
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *env_list("CSP_IMG_SRC")],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "report-uri": "/csp-report",
}
# The browser features no page uses, switched off for the portal and anything it frames.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=()"
)
# Violation reports (POST /csp-report) are logged; at most this many a minute
# across the portal, so a flood of them cannot fill the log.
CSP_REPORTS_PER_MINUTE = env_int("CSP_REPORTS_PER_MINUTE", 60)

# --- Logging --------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
