"""Password validators are on: weak passwords are refused by validate_password and by the admin's
password forms, and the password bootstrap_admin generates passes them."""

import io
import secrets

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from forecasts.management.commands.bootstrap_admin import admin_password_file
from tests.factories import StaffFactory, UserFactory

VALIDATORS = {
    "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
    "django.contrib.auth.password_validation.MinimumLengthValidator",
    "django.contrib.auth.password_validation.CommonPasswordValidator",
    "django.contrib.auth.password_validation.NumericPasswordValidator",
}


def test_all_four_validators_are_configured():
    assert {validator["NAME"] for validator in settings.AUTH_PASSWORD_VALIDATORS} == VALIDATORS


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Xy7!q", "password_too_short"),
        ("password123", "password_too_common"),
        ("48151623424816", "password_entirely_numeric"),
        ("ada.lovelace.1815", "password_too_similar"),
    ],
)
def test_weak_passwords_are_refused(db, password, code):
    user = UserFactory(username="ada.lovelace", email="ada.lovelace@example.org")
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    assert code in {error.code for error in refused.value.error_list}


def test_a_strong_password_passes(db):
    validate_password(secrets.token_urlsafe(16), UserFactory(username="ada.lovelace"))


@pytest.fixture
def admin_session(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(StaffFactory(username="root"))
    client.get("/api/auth/login/")
    return client


def test_the_admin_password_form_refuses_a_weak_password(admin_session):
    user = UserFactory(username="grace")
    url = reverse("admin:auth_user_password_change", args=[user.pk])
    token = admin_session.cookies["csrftoken"].value
    response = admin_session.post(url, {"password1": "password", "password2": "password", "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert b"This password is too common." in response.content
    user.refresh_from_db()
    assert user.check_password("correct horse battery staple")  # the factory's, unchanged

    strong = secrets.token_urlsafe(16)
    response = admin_session.post(url, {"password1": strong, "password2": strong, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(strong)


def test_the_admin_add_user_form_refuses_a_weak_password(admin_session):
    response = admin_session.post(
        reverse("admin:auth_user_add"),
        {
            "username": "newcomer",
            "usable_password": "true",
            "password1": "12345678",
            "password2": "12345678",
            "csrfmiddlewaretoken": admin_session.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 200
    assert b"This password is entirely numeric." in response.content
    assert not get_user_model().objects.filter(username="newcomer").exists()


def test_bootstrap_admin_generates_passwords_that_pass_the_validators(db, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    for n in range(10):
        username = f"admin{n}"
        admin_password_file().unlink(missing_ok=True)
        call_command("bootstrap_admin", username=username, stdout=io.StringIO())
        password = admin_password_file().read_text().strip()
        user = get_user_model().objects.get(username=username)
        assert user.check_password(password)
        validate_password(password, user)
