"""The admin login of a local run: its password is kept per database, and can be reset."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connections

from forecasts.management.commands.bootstrap_admin import admin_password_file

pytestmark = pytest.mark.django_db


def bootstrap(*args: str) -> str:
    out = io.StringIO()
    call_command("bootstrap_admin", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path


def test_each_database_keeps_its_own_password_file(monkeypatch):
    here = admin_password_file()
    monkeypatch.setitem(connections["default"].settings_dict, "NAME", "elsewhere")
    assert admin_password_file() != here
    assert "elsewhere" in admin_password_file().name


def test_the_printed_password_works_for_this_database():
    first = bootstrap()
    password = first.strip().rsplit(" / ", 1)[1]
    assert get_user_model().objects.get(username="admin").check_password(password)
    # Printed again on the next run.
    assert bootstrap() == first


def test_a_password_file_of_another_database_is_not_printed(monkeypatch):
    """After a run on another database the file of this one is missing: say how to get a password
    rather than print one that does not work."""
    bootstrap()
    admin_password_file().unlink()
    assert "bootstrap_admin --reset" in bootstrap()


def test_reset_sets_and_prints_a_new_password():
    old = bootstrap().strip().rsplit(" / ", 1)[1]
    new = bootstrap("--reset").strip().rsplit(" / ", 1)[1]
    assert new != old
    admin = get_user_model().objects.get(username="admin")
    assert admin.check_password(new)
    assert admin_password_file().read_text().strip() == new
