"""Failed sign-ins are limited (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one
username from one address, even the right password is refused until the lockout ends."""

import pytest
from django.conf import settings

from tests.factories import StaffFactory

PASSWORD = "correct horse battery staple"
LOGIN_PAGES = ["/admin/login/", "/api/auth/login/"]


@pytest.fixture
def staff(db):
    return StaffFactory(username="target", password=PASSWORD)


def _sign_in(client, url, password, username="target"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR="203.0.113.9")


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_eleven_wrong_passwords_then_the_right_one_is_refused(client, staff, url):
    assert settings.AXES_FAILURE_LIMIT == 10
    for _ in range(11):
        response = _sign_in(client, url, "wrong password")
        assert "_auth_user_id" not in client.session

    response = _sign_in(client, url, PASSWORD)

    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_a_few_wrong_passwords_do_not_lock_anyone_out(client, staff, url):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, url, "wrong password")

    response = _sign_in(client, url, PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_the_lockout_is_per_username(client, staff):
    StaffFactory(username="colleague", password=PASSWORD)
    for _ in range(11):
        _sign_in(client, "/admin/login/", "wrong password")

    response = _sign_in(client, "/admin/login/", PASSWORD, username="colleague")

    assert response.status_code == 302
