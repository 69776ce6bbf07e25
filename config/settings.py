"""Hindsight settings: one module, every deploy-varying value read from the environment.

The embedded defaults (SQLite file, a broker that needs no server, emails printed to the
console) let a newcomer run everything with one command; production sets DATABASE_URL,
CELERY_BROKER_URL, EMAIL_URL and SECRET_KEY.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ
from django.core.exceptions import ImproperlyConfigured

from config.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


class StrictEnv(environ.Env):
    """django-environ, except that a value it cannot read stops the start with the variable's
    name: by default any unknown word is False ("SECURE_SSL_REDIRECT=ture" would turn HTTPS off)
    and a bad number fails without saying which variable holds it."""

    BOOLEANS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}
    BOOLEANS[""] = False  # "DEBUG=" in a .env file, as django-environ reads it

    def bool(self, var, default=environ.Env.NOTSET):
        if var not in self.ENVIRON:
            return super().bool(var, default=default)
        value = self.ENVIRON[var]
        if value.strip().lower() not in self.BOOLEANS:
            raise ImproperlyConfigured(
                f"{var}={value!r} is not a yes or no; use 1 or 0 (or true/false, yes/no, on/off)."
            )
        return self.BOOLEANS[value.strip().lower()]

    def int(self, var, default=environ.Env.NOTSET):
        try:
            return super().int(var, default=default)
        except ValueError:
            raise ImproperlyConfigured(f"{var}={self.ENVIRON[var]!r} is not a whole number.") from None


env = StrictEnv()
env.read_env(BASE_DIR / ".env")  # optional; real environment variables win

# Runtime files of the embedded defaults: the SQLite database, the broker folder, mail files.
VAR_DIR = Path(env.str("HINDSIGHT_VAR_DIR", default=str(BASE_DIR / "var")))

DEBUG = env.bool("DEBUG", default=False)

# A secret with a production default is no secret: without DEBUG, refuse to start.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(for example: export SECRET_KEY=$(python -c 'import secrets; print(secrets.token_urlsafe(50))')), "
            "or set DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "simple_history",
    "axes",
    "sources",
    "forecasts",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into the lockout answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# Database ---------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'hindsight.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server, the Celery worker and beat write to the same file at once: WAL lets
    # readers run beside one writer, IMMEDIATE transactions take the write lock up front
    # (no "database is locked" upgrade deadlocks) and the busy timeout waits instead of failing.
    # Django's SQLite backend with SQLite's real parameter limit (bulk inserts in one statement).
    DATABASES["default"]["ENGINE"] = "config.sqlite3"
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    # A file, not memory, so that a Celery worker started by the tests can open it; one per
    # test process, so that parallel runs on one checkout do not share it.
    DATABASES["default"].setdefault("TEST", {})["NAME"] = str(VAR_DIR / f"test-hindsight-{os.getpid()}.sqlite3")
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
# A kept connection (CONN_MAX_AGE > 0) is checked before a request reuses it, so a restarted
# database costs one reconnect instead of one failed request per worker.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Behind pgbouncer in transaction pooling mode a server-side cursor (QuerySet.iterator() on
# PostgreSQL: exports, reminder planning) would not survive to its next fetch; this turns them off.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env.bool("DISABLE_SERVER_SIDE_CURSORS", default=False)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a sign-in while its username is locked out from that address.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed sign-ins (admin and /api/auth/login/) are counted per username and client address, in
# the database, so every worker sees them; after LOGIN_FAILURE_LIMIT failures that pair is locked
# out for LOGIN_LOCKOUT_MINUTES (a correct password included), then counting starts again.
# Behind a proxy the address is the proxy's (REMOTE_ADDR), so the username is what tells apart.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Lockouts are kept in the database (and its admin); no log line on every process start.
AXES_VERBOSE = False
AXES_COOLOFF_MESSAGE = (
    f"Too many failed sign-ins for this username from this address: signing in is locked for "
    f"{int(AXES_COOLOFF_TIME.total_seconds() // 60)} minutes. Try again later, or ask an administrator."
)
# The sign-in page for anyone (the admin's only lets staff in), and where it leads without ?next=.
LOGIN_URL = "rest_framework:login"
LOGIN_REDIRECT_URL = "scorecards:index"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]


# Cache -----------------------------------------------------------------------------------------
# The API's throttle counters live here. When the broker is Redis, the default cache is the same
# Redis server on the next database number (broker on /0: cache on /1), so every gunicorn worker
# and machine counts together and a worker restart forgets nothing. Otherwise the default is
# per process: each worker counts alone and forgets on restart. CACHE_URL overrides both
# (Django's own RedisCache, on the redis package celery[redis] installs).
def _cache_url_beside_redis_broker(broker_url: str) -> str | None:
    parts = urlsplit(broker_url)
    if parts.scheme not in ("redis", "rediss"):
        return None
    database = int(parts.path.strip("/") or 0)
    return urlunsplit((parts.scheme, parts.netloc, f"/{(database + 1) % 16}", parts.query, ""))


CACHES = {
    "default": env.cache_url(
        "CACHE_URL",
        default=_cache_url_beside_redis_broker(env.str("CELERY_BROKER_URL", default="")) or "locmemcache://",
    )
}

# Internationalisation ----------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
# "Today" for due dates and reminders follows this zone, not the server's.
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# Static files ------------------------------------------------------------------------------
STATIC_URL = "static/"
# `collectstatic` gathers the files here; whitenoise serves them from here, compressed and with
# far-future cache headers for the hashed names.
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Email ----------------------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Without a timeout a stuck SMTP server hangs a worker forever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Hindsight <hindsight@localhost>")
# Absolute links in reminder emails point here. `make run` passes the address it serves on
# (HOST/PORT) to every process, so a local run's links reach its own web server; a wildcard
# address is not one a browser can open, so links then name the loopback address.
_run_host = env.str("HINDSIGHT_HOST", default="127.0.0.1")
_run_host = "127.0.0.1" if _run_host in ("", "0.0.0.0", "::") else _run_host  # noqa: S104
_run_host = f"[{_run_host}]" if ":" in _run_host else _run_host
SITE_URL = env.str("SITE_URL", default=f"http://{_run_host}:{env.str('HINDSIGHT_PORT', default='8000')}").rstrip("/")

# Security ------------------------------------------------------------------------------------
# Without DEBUG every default is the safe one (`manage.py check --deploy` is clean); each can be
# turned off by its variable, e.g. SECURE_SSL_REDIRECT=0 for a plain-HTTP test on 127.0.0.1.
_production = not DEBUG
# Plain-HTTP requests are redirected to HTTPS, except the health check: load balancers probe it
# over plain HTTP from inside the network (the pattern is matched against the path without "/").
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=_production)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# HSTS: browsers use HTTPS only, for a year, on subdomains too. Preload is on so the check is
# clean, but a header alone never submits the domain to the browsers' preload list (that is a
# manual step at hstspreload.org); set SECURE_HSTS_PRELOAD=0 if subdomains may still need HTTP.
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000 if _production else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=_production)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=_production)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=_production)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=_production)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = env.str("SECURE_REFERRER_POLICY", default="same-origin")
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# gunicorn already marks a request secure when a trusted proxy (FORWARDED_ALLOW_IPS in
# config/gunicorn.py) sends X-Forwarded-Proto: https, and ignores the header from anyone else.
# This setting makes Django trust the header from any peer, so it is only for WSGI servers
# that cannot check the peer, behind a proxy that always overwrites the header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_HTTPS_PROXY", default=False) else None
# Requests larger than this are refused before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)

# Celery ----------------------------------------------------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
_broker_dir = VAR_DIR / "broker"
# The folder transport ignores the host; naming one spares every process kombu's
# "No hostname was supplied" warning.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="filesystem://localhost//")
if CELERY_BROKER_URL.startswith("filesystem://"):
    for sub in ("out", "processed", "control"):
        (_broker_dir / sub).mkdir(parents=True, exist_ok=True)
    # One folder is both the inbox and the outbox, so any process on this machine can
    # publish and consume without a broker server.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "out"),
        "data_folder_out": str(_broker_dir / "out"),
        "processed_folder": str(_broker_dir / "processed"),
        "store_processed": False,
        # Remote control (`celery inspect`) messages; kombu's default is ./control.
        "control_folder": str(_broker_dir / "control"),
        # A folder cannot notify; poll it often enough that a queued task starts promptly.
        "polling_interval": 0.25,
    }
else:
    # Longer than any task runs, so an unacknowledged task is redelivered only when its
    # worker really died.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
CELERY_RESULT_BACKEND = None  # nothing reads task results
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
# Tasks are idempotent, so acknowledge after running: a killed worker's task is redelivered.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Lets several deployments (or test sessions) share one broker without reading each other's tasks.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker outlives any broker outage instead of exiting after 100 attempts (~47 minutes).
CELERY_BROKER_CONNECTION_MAX_RETRIES = None
# A lost broker connection must not kill a running sender between the SMTP server's 250 and the
# digest being marked sent (Celery 6 changes the default to True); its task is idempotent anyway.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = False

# Reminders ---------------------------------------------------------------------------------------
# Local hour (TIME_ZONE) at which the daily digest goes out.
REMINDER_HOUR = env.int("REMINDER_HOUR", default=8)
# Days before the review date for a heads-up digest; 0 turns the heads-up off.
REMINDER_HEADS_UP_DAYS = env.int("REMINDER_HEADS_UP_DAYS", default=0)
# While a forecast stays unresolved after its review date, remind again every this many days.
REMINDER_REPEAT_DAYS = env.int("REMINDER_REPEAT_DAYS", default=7)
REVIEWERS_GROUP = env.str("REVIEWERS_GROUP", default="Reviewers")
# import_forecasts creates accounts for unknown reviewer usernames; a username that is not an
# email address gets username@this-domain ("" leaves the address empty).
IMPORT_REVIEWER_EMAIL_DOMAIN = env.str("IMPORT_REVIEWER_EMAIL_DOMAIN", default="localhost")
# A digest being sent is leased to one worker process for this long. No live send can outlast
# the task time limit, so an expired lease means its sender died and another may take over.
REMINDER_DELIVERY_LEASE_SECONDS = env.int("REMINDER_DELIVERY_LEASE_SECONDS", default=CELERY_TASK_TIME_LIMIT + 30)
# A worker that starts after today's reminder hour finishes today's run (safe: runs are idempotent),
# so a worker that was down or killed at the reminder hour catches up.
REMINDER_CATCH_UP_ON_START = env.bool("REMINDER_CATCH_UP_ON_START", default=True)
# First delay (seconds) before retrying a digest the mail server refused; it doubles each time.
REMINDER_RETRY_BACKOFF_SECONDS = env.int("REMINDER_RETRY_BACKOFF_SECONDS", default=5)

# REST framework ------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Token first: an anonymous request then gets 401 with a WWW-Authenticate challenge, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["config.api.parsers.BoundedJSONParser"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_THROTTLE_CLASSES": [
        "config.api.throttling.AnonRateThrottle",
        "config.api.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="60/minute"),
        "user": env.str("API_THROTTLE_USER", default="1200/minute"),
    },
    "DEFAULT_PAGINATION_CLASS": "config.api.pagination.IdCursorPagination",
    "PAGE_SIZE": env.int("API_PAGE_SIZE", default=50),
    "EXCEPTION_HANDLER": "config.api.exceptions.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# Anonymous visitors may read the scorecards (GET /api/scorecards/); False requires a login.
SCORECARDS_PUBLIC = env.bool("SCORECARDS_PUBLIC", default=True)
EDITORS_GROUP = env.str("EDITORS_GROUP", default="Editors")
SPECTACULAR_SETTINGS = {
    "TITLE": "Hindsight API",
    "DESCRIPTION": "Forecasts from articles, their outcomes, and calibration scorecards.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI from the installed sidecar package: the docs page loads nothing from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per choice set that several fields share (a forecast's link and status, in the forecast
    # and in an event's list of linked forecasts), the names the schema had before events.
    "ENUM_NAME_OVERRIDES": {
        "EventLinkEnum": "forecasts.models.EventLink",
        "EventComparatorEnum": "forecasts.models.Comparator",
        "ForecastStatusEnum": "forecasts.models.Status",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.api.schema.forbid_unknown_request_fields",
    ],
}

# The history's "Revert" would restore outcomes without the resolution service's rules; an
# old version can still be read and re-applied through the change form.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Logging -------------------------------------------------------------------------------------
# Everything goes to stdout: JSON lines in production (one object per record, for a log
# collector), text with DEBUG so `make run` stays readable. gunicorn and Celery use the same
# configuration (config/gunicorn.py, config/celery.py).
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = logging_config(log_format=LOG_FORMAT, level=LOG_LEVEL)
