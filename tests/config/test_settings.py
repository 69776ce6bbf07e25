"""What config/settings.py computes from the environment, in a fresh process each time: safe
defaults without DEBUG, a plain-HTTP local run with DEBUG, and each default overridable."""

import json
import re
from pathlib import Path

import environ
import pytest

from .deployment import production_env, run_django

pytestmark = pytest.mark.slow

NAMES = (
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_PROXY_SSL_HEADER",
    "CSRF_TRUSTED_ORIGINS",
    "LOG_FORMAT",
    "STATIC_ROOT",
)


def computed(env: dict) -> dict:
    result = run_django(
        env,
        "import json\n"
        "from django.conf import settings\n"
        f"values = {{name: getattr(settings, name) for name in {NAMES!r}}}\n"
        "values['STATIC_ROOT'] = str(values['STATIC_ROOT'])\n"
        "values['DATABASE'] = {k: settings.DATABASES['default'][k] for k in "
        "('CONN_MAX_AGE', 'CONN_HEALTH_CHECKS', 'DISABLE_SERVER_SIDE_CURSORS')}\n"
        "values['CACHE'] = settings.CACHES['default']['BACKEND']\n"
        "print(json.dumps(values))\n",
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_production_defaults(tmp_path):
    values = computed(production_env(tmp_path))
    assert values["DEBUG"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    # gunicorn decides which peers may claim HTTPS; Django trusts no header by default.
    assert values["SECURE_PROXY_SSL_HEADER"] is None
    assert values["LOG_FORMAT"] == "json"
    assert values["DATABASE"] == {"CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": True, "DISABLE_SERVER_SIDE_CURSORS": False}
    assert values["CACHE"] == "django.core.cache.backends.locmem.LocMemCache"


def test_debug_is_the_plain_http_local_run(tmp_path):
    env = production_env(tmp_path, DEBUG="1")
    del env["SECRET_KEY"], env["ALLOWED_HOSTS"]
    values = computed(env)
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 0
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["CSRF_COOKIE_SECURE"] is False
    assert values["LOG_FORMAT"] == "text"


def test_every_default_can_be_overridden(tmp_path):
    values = computed(
        production_env(
            tmp_path,
            SECURE_SSL_REDIRECT="0",
            SECURE_HSTS_SECONDS="3600",
            SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
            SECURE_HSTS_PRELOAD="0",
            BEHIND_HTTPS_PROXY="1",
            CSRF_TRUSTED_ORIGINS="https://hindsight.example.org,https://admin.example.org",
            LOG_FORMAT="text",
            STATIC_ROOT=str(tmp_path / "static"),
            CONN_MAX_AGE="60",
            DISABLE_SERVER_SIDE_CURSORS="1",
            CACHE_URL="redis://127.0.0.1:6379/1",
        )
    )
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_HSTS_SECONDS"] == 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert values["CSRF_TRUSTED_ORIGINS"] == ["https://hindsight.example.org", "https://admin.example.org"]
    assert values["LOG_FORMAT"] == "text"
    assert values["STATIC_ROOT"] == str(tmp_path / "static")
    assert values["DATABASE"] == {"CONN_MAX_AGE": 60, "CONN_HEALTH_CHECKS": True, "DISABLE_SERVER_SIDE_CURSORS": True}
    assert values["CACHE"] == "django.core.cache.backends.redis.RedisCache"


def test_the_documented_file_email_examples_write_to_an_absolute_path():
    """django-environ drops one slash: filemail:///tmp/x means the relative folder tmp/x."""
    root = Path(__file__).resolve().parents[2]
    text = "".join((root / name).read_text() for name in ("README.md", "docs/reminders.md", "docs/configuration.md"))
    examples = re.findall(r"filemail://[^\s`)]+", text)
    assert examples
    for example in examples:
        assert environ.Env.email_url_config(example)["EMAIL_FILE_PATH"].startswith("/"), example


def _site_url(env: dict) -> str:
    result = run_django(env, "from django.conf import settings\nprint(settings.SITE_URL)\n")
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1]


def test_reminder_links_follow_the_address_make_run_serves_on(tmp_path):
    """`make run` hands HOST and PORT to every process as HINDSIGHT_HOST/HINDSIGHT_PORT."""
    env = production_env(tmp_path)
    assert _site_url(env) == "http://127.0.0.1:8000"
    assert _site_url({**env, "HINDSIGHT_PORT": "8312"}) == "http://127.0.0.1:8312"
    assert _site_url({**env, "HINDSIGHT_HOST": "0.0.0.0", "HINDSIGHT_PORT": "8080"}) == "http://127.0.0.1:8080"  # noqa: S104
    assert _site_url({**env, "HINDSIGHT_HOST": "hindsight.local"}) == "http://hindsight.local:8000"
    assert _site_url({**env, "HINDSIGHT_PORT": "8312", "SITE_URL": "https://h.example.org/"}) == "https://h.example.org"
