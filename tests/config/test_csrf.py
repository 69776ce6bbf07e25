"""CSRF is enforced on the admin and on session-authenticated API writes: without the token a
write is refused (403) and changes nothing; with it the same write succeeds."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from forecasts.models import Forecast, Outcome, Status
from tests.factories import (
    ForecastFactory,
    SourceFactory,
    StaffFactory,
    UserFactory,
    forecast_create_payload,
)

from .state import database_state

PASSWORD = "correct horse battery staple"  # tests.factories.UserFactory's


@pytest.fixture
def browser():
    """A client that, like a browser, must present the CSRF token (the test client skips the check
    by default)."""
    return Client(enforce_csrf_checks=True)


def csrf_token(client: Client) -> str:
    client.get("/api/auth/login/")  # a form with {% csrf_token %}, which sets the cookie
    return client.cookies["csrftoken"].value


# Admin -----------------------------------------------------------------------------------------


def test_admin_login_without_the_token_is_refused(browser, db):
    StaffFactory(username="ada")
    response = browser.post("/admin/login/", {"username": "ada", "password": PASSWORD})
    assert response.status_code == 403
    assert b"CSRF" in response.content
    assert "_auth_user_id" not in browser.session


def test_admin_login_with_the_token_signs_in(browser, db):
    user = StaffFactory(username="ada")
    token = csrf_token(browser)
    response = browser.post(
        "/admin/login/", {"username": "ada", "password": PASSWORD, "csrfmiddlewaretoken": token, "next": "/admin/"}
    )
    assert response.status_code == 302
    assert browser.session["_auth_user_id"] == str(user.pk)


def test_admin_change_form_without_the_token_changes_nothing(browser, db):
    browser.force_login(StaffFactory())
    forecast = ForecastFactory(claim="Exports grow")
    before = database_state()
    url = reverse("admin:forecasts_forecast_change", args=[forecast.pk])
    response = browser.post(url, {"claim": "Tampered", "quote": forecast.quote})
    assert response.status_code == 403
    assert database_state() == before


@pytest.mark.parametrize("with_token", [False, True], ids=["without-token", "with-token"])
def test_admin_resolve_needs_the_token(browser, db, with_token):
    browser.force_login(StaffFactory())
    forecast = ForecastFactory()
    data = {"outcome": "yes", "evidence_url": "https://example.org/stats", "note": "It grew."}
    if with_token:
        data["csrfmiddlewaretoken"] = csrf_token(browser)
    before = database_state()
    response = browser.post(reverse("admin:forecasts_forecast_resolve", args=[forecast.pk]), data)
    forecast.refresh_from_db()
    if with_token:
        assert response.status_code == 302
        assert (forecast.status, forecast.outcome) == (Status.RESOLVED, Outcome.YES)
    else:
        assert response.status_code == 403
        assert database_state() == before


# API with a session (the browsable API, or JavaScript on the site) -------------------------------


API_WRITES = {
    "create forecast": ("post", lambda: "/api/forecasts/", forecast_create_payload, 201),
    "edit forecast": ("patch", lambda: f"/api/forecasts/{ForecastFactory().pk}/", lambda: {"claim": "Edited"}, 200),
    "resolve forecast": (
        "post",
        lambda: f"/api/forecasts/{ForecastFactory().pk}/resolve/",
        lambda: {"outcome": "no", "evidence_url": "https://example.org/e", "resolution_note": "It fell."},
        200,
    ),
    "create source": (
        "post",
        lambda: "/api/sources/",
        lambda: {"title": "An article", "text": "Some text.", "published_on": "2024-01-02"},
        201,
    ),
    "edit source": ("patch", lambda: f"/api/sources/{SourceFactory().pk}/", lambda: {"title": "Retitled"}, 200),
}


def _send(client: Client, method: str, url: str, body: dict, **headers):
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json", headers=headers)


@pytest.mark.parametrize("write", API_WRITES)
def test_session_api_write_without_the_token_is_refused_and_changes_nothing(browser, db, write):
    method, url, body, _ = API_WRITES[write]
    browser.force_login(StaffFactory())
    url, body = url(), body()
    before = database_state()
    response = _send(browser, method, url, body)
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert "CSRF" in response.json()["detail"]
    assert database_state() == before


@pytest.mark.parametrize("write", API_WRITES)
def test_session_api_write_with_the_token_succeeds(browser, db, write):
    method, url, body, expected = API_WRITES[write]
    browser.force_login(StaffFactory())
    token = csrf_token(browser)
    url, body = url(), body()
    before = database_state()
    response = _send(browser, method, url, body, X_CSRFToken=token)
    assert response.status_code == expected, response.content
    assert database_state() != before


def test_session_api_write_from_another_site_is_refused_even_with_a_token(browser, db):
    """Django also checks the Origin header: a page elsewhere cannot post with a leaked token."""
    browser.force_login(StaffFactory())
    token = csrf_token(browser)
    response = _send(
        browser, "post", "/api/forecasts/", forecast_create_payload(), X_CSRFToken=token, Origin="https://evil.example"
    )
    assert response.status_code == 403
    assert not Forecast.objects.exists()


def test_token_authenticated_writes_need_no_csrf_token(db):
    """A token is sent by the program, never by a browser on its own, so it is not a CSRF risk."""
    from rest_framework.authtoken.models import Token

    user = StaffFactory()
    client = Client(enforce_csrf_checks=True)
    response = _send(
        client,
        "post",
        "/api/forecasts/",
        forecast_create_payload(),
        Authorization=f"Token {Token.objects.create(user=user).key}",
    )
    assert response.status_code == 201
    assert Forecast.objects.count() == 1


def test_a_plain_user_session_is_refused_before_the_csrf_check_matters(browser, db):
    browser.force_login(UserFactory())
    token = csrf_token(browser)
    response = _send(browser, "post", "/api/forecasts/", forecast_create_payload(), X_CSRFToken=token)
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert "CSRF" not in response.json()["detail"]
