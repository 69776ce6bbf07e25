"""What the environment changes, in a fresh process each time: without DEBUG plain HTTP is
redirected and HTTPS answers carry HSTS, with DEBUG neither; each variable changes what is served;
a value that cannot be read stops the start with the variable's name."""

import json
import re
from pathlib import Path

import environ
import pytest

from .deployment import HOST, production_env, run_django

pytestmark = pytest.mark.slow

PROBE = (
    "import json\n"
    "from django.conf import settings\n"
    "from django.test import Client\n"
    f"client = Client(SERVER_NAME={HOST!r})\n"
    "plain = client.get('/no-such-page/')\n"
    "secure = client.get('/no-such-page/', secure=True)\n"
    "proxied = client.get('/no-such-page/', headers={'X-Forwarded-Proto': 'https'})\n"
    "print(json.dumps({\n"
    "    'plain': [plain.status_code, plain.headers.get('Location')],\n"
    "    'hsts': secure.headers.get('Strict-Transport-Security'),\n"
    "    'proxied': proxied.status_code,\n"
    "    'database': {k: settings.DATABASES['default'][k] for k in ('CONN_MAX_AGE', 'DISABLE_SERVER_SIDE_CURSORS')},\n"
    "    'cache': settings.CACHES['default']['BACKEND'],\n"
    "    'trusted_origins': settings.CSRF_TRUSTED_ORIGINS,\n"
    "}))\n"
)


def served(env: dict) -> dict:
    """How a request is answered (redirect, HSTS header, a proxy's HTTPS header) and the settings
    no request shows, in a fresh process with these variables."""
    result = run_django(env, PROBE)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_without_debug_plain_http_is_redirected_and_https_answers_carry_hsts(tmp_path):
    answers = served(production_env(tmp_path))
    assert answers["plain"] == [301, f"https://{HOST}/no-such-page/"]
    assert answers["hsts"] == "max-age=31536000; includeSubDomains; preload"
    # No proxy is trusted by default: its header does not make a plain request secure.
    assert answers["proxied"] == 301


def test_debug_serves_plain_http_without_hsts(tmp_path):
    env = production_env(tmp_path, DEBUG="1")
    del env["SECRET_KEY"]
    answers = served(env)
    assert answers["plain"] == [404, None]
    assert answers["hsts"] is None


def test_each_variable_changes_what_is_served(tmp_path):
    answers = served(
        production_env(
            tmp_path,
            SECURE_SSL_REDIRECT="0",
            SECURE_HSTS_SECONDS="3600",
            SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
            SECURE_HSTS_PRELOAD="0",
            BEHIND_HTTPS_PROXY="1",
            CSRF_TRUSTED_ORIGINS="https://hindsight.example.org,https://admin.example.org",
            CONN_MAX_AGE="60",
            DISABLE_SERVER_SIDE_CURSORS="1",
            CACHE_URL="redis://127.0.0.1:6379/1",
        )
    )
    assert answers["plain"] == [404, None]
    assert answers["hsts"] == "max-age=3600"
    assert answers["proxied"] == 404  # the trusted proxy's header makes it HTTPS: no redirect
    assert answers["trusted_origins"] == ["https://hindsight.example.org", "https://admin.example.org"]
    assert answers["database"] == {"CONN_MAX_AGE": 60, "DISABLE_SERVER_SIDE_CURSORS": True}
    assert answers["cache"] == "django.core.cache.backends.redis.RedisCache"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("SECURE_SSL_REDIRECT", "ture"),
        ("DEBUG", "maybe"),
        ("BEHIND_HTTPS_PROXY", "enabled"),
        ("SECURE_HSTS_SECONDS", "one year"),
        ("CONN_MAX_AGE", "60s"),
    ],
)
def test_a_value_that_cannot_be_read_stops_the_start_naming_the_variable(tmp_path, variable, value):
    result = run_django(production_env(tmp_path, **{variable: value}), "print('started')\n")
    assert result.returncode != 0
    assert "started" not in result.stdout
    assert f"{variable}={value!r}" in result.stderr


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
