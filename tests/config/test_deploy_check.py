"""`manage.py check --deploy` with only DEBUG=0, SECRET_KEY and ALLOWED_HOSTS set is clean, and
it does fail when a production default is turned off."""

import pytest

from .deployment import manage, production_env

pytestmark = pytest.mark.slow


def test_deploy_check_is_clean_with_only_the_three_variables(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING", check=False)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("variables", "warning"),
    [
        ({"SECRET_KEY": "too-short"}, "security.W009"),
        ({"SECURE_SSL_REDIRECT": "0"}, "security.W008"),
        ({"SECURE_HSTS_SECONDS": "0"}, "security.W004"),
        ({"SECURE_HSTS_PRELOAD": "0"}, "security.W021"),
        ({"SESSION_COOKIE_SECURE": "0"}, "security.W012"),
        ({"CSRF_COOKIE_SECURE": "0"}, "security.W016"),
        ({"ALLOWED_HOSTS": ""}, "security.W020"),
        ({"DEBUG": "1"}, "security.W018"),
    ],
    ids=lambda value: next(iter(value)) if isinstance(value, dict) else value,
)
def test_deploy_check_fails_when_a_safeguard_is_off(tmp_path, variables, warning):
    result = manage(production_env(tmp_path, **variables), "check", "--deploy", "--fail-level", "WARNING", check=False)
    assert result.returncode != 0
    assert warning in result.stderr + result.stdout


def test_no_secret_key_refuses_to_start_without_debug(tmp_path):
    env = production_env(tmp_path, SECRET_KEY="")
    result = manage(env, "check", check=False)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
