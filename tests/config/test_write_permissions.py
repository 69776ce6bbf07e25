"""No write without permission: a signed-in user who lacks the add/change/resolve permission is
refused (403) by every API write and every admin write, and nothing changes."""

import datetime
import json

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from forecasts.models import Forecast, Outcome, Status
from tests.factories import (
    EventFactory,
    ForecastFactory,
    SourceFactory,
    StaffFactory,
    UserFactory,
    forecast_create_payload,
)

from .state import database_state


def _user(kind: str):
    """Signed-in users who may read but hold no permission to write forecasts or sources."""
    if kind == "plain user":
        return UserFactory(username="plain")
    if kind == "staff without permissions":
        return StaffFactory(username="bare-staff", is_superuser=False)
    user = StaffFactory(username="reviewer", is_superuser=False)  # may resolve, not edit or add
    user.groups.add(Group.objects.get(name=settings.REVIEWERS_GROUP))
    return user


def _session(user) -> Client:
    """A browser session that gets the CSRF token right, so a refusal is the permission's."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/api/auth/login/")
    return client


def _linked_forecast():
    return ForecastFactory(event=EventFactory(), event_link="same")


def _resolved_forecast():
    return ForecastFactory(status=Status.RESOLVED, outcome=Outcome.YES, resolved_at=timezone.now())


API_WRITES = {
    "create forecast": (
        "post",
        lambda: "/api/forecasts/",
        forecast_create_payload,
    ),
    "edit forecast": ("patch", lambda: f"/api/forecasts/{ForecastFactory().pk}/", lambda: {"claim": "Edited"}),
    "resolve forecast": (
        "post",
        lambda: f"/api/forecasts/{ForecastFactory().pk}/resolve/",
        lambda: {"outcome": "no", "evidence_url": "https://example.org/e", "resolution_note": "It fell."},
    ),
    "unresolve forecast": (
        "post",
        lambda: f"/api/forecasts/{_resolved_forecast().pk}/unresolve/",
        lambda: {"reason": "Wrong figure."},
    ),
    "accept proposed forecast": (
        "post",
        lambda: f"/api/forecasts/{ForecastFactory(status=Status.PROPOSED).pk}/accept/",
        lambda: {},
    ),
    "reject proposed forecast": (
        "post",
        lambda: f"/api/forecasts/{ForecastFactory(status=Status.PROPOSED).pk}/reject/",
        lambda: {},
    ),
    "restore rejected forecast": (
        "post",
        lambda: f"/api/forecasts/{ForecastFactory(status=Status.REJECTED).pk}/restore/",
        lambda: {},
    ),
    "create source": (
        "post",
        lambda: "/api/sources/",
        lambda: {"title": "An article", "text": "Some text.", "published_on": "2024-01-02"},
    ),
    "edit source": ("patch", lambda: f"/api/sources/{SourceFactory().pk}/", lambda: {"title": "Retitled"}),
    "create event": (
        "post",
        lambda: "/api/events/",
        lambda: {"title": "Brent above $100", "resolution_criteria": "ICE Brent.", "deadline": "2026-12-31"},
    ),
    "edit event": ("patch", lambda: f"/api/events/{EventFactory().pk}/", lambda: {"title": "Retitled"}),
    "link forecast": (
        "post",
        lambda: f"/api/events/{EventFactory().pk}/link/",
        lambda: {"forecast": ForecastFactory().pk, "link": "same"},
    ),
    "unlink forecast": (
        "post",
        lambda: f"/api/events/{_linked_forecast().event_id}/unlink/",
        lambda: {"forecast": Forecast.objects.get(event__isnull=False).pk},
    ),
    "resolve event": (
        "post",
        lambda: f"/api/events/{EventFactory().pk}/resolve/",
        lambda: {"outcome": "no", "evidence_url": "https://example.org/e", "resolution_note": "It fell."},
    ),
    "delete forecast": ("delete", lambda: f"/api/forecasts/{ForecastFactory().pk}/", lambda: {}),
    "replace source": ("put", lambda: f"/api/sources/{SourceFactory().pk}/", lambda: {"title": "Replaced"}),
}
# What each kind of user may do anyway: a reviewer resolves and unresolves, and resolves events.
ALLOWED = {("reviewer", "resolve forecast"), ("reviewer", "unresolve forecast"), ("reviewer", "resolve event")}
KINDS = ("plain user", "staff without permissions", "reviewer")
CASES = [(kind, write) for kind in KINDS for write in API_WRITES if (kind, write) not in ALLOWED]


@pytest.mark.parametrize(("kind", "write"), CASES, ids=[f"{kind}-{write}" for kind, write in CASES])
def test_api_write_without_permission_is_refused_and_changes_nothing(db, kind, write):
    method, url, body = API_WRITES[write]
    client = _session(_user(kind))
    url, body = url(), body()
    before = database_state()
    response = getattr(client, method)(
        url, data=json.dumps(body), content_type="application/json", HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value
    )
    assert response.status_code == 403, response.content
    assert response.json()["code"] == "permission_denied"
    assert "CSRF" not in response.json()["detail"]
    assert database_state() == before


def _admin_writes(forecast, proposed, rejected):
    """(description, url, POST data) of every admin write on forecasts and sources."""
    changelist = reverse("admin:forecasts_forecast_changelist")
    action = {"_selected_action": [forecast.pk, proposed.pk, rejected.pk], "index": 0, "apply": "1"}
    return [
        ("add forecast", reverse("admin:forecasts_forecast_add"), {"claim": "New", "quote": "New"}),
        ("change forecast", reverse("admin:forecasts_forecast_change", args=[forecast.pk]), {"claim": "Tampered"}),
        ("delete forecast", reverse("admin:forecasts_forecast_delete", args=[forecast.pk]), {"post": "yes"}),
        (
            "resolve forecast",
            reverse("admin:forecasts_forecast_resolve", args=[forecast.pk]),
            {"outcome": "yes", "evidence_url": "https://example.org/e", "note": "Grew."},
        ),
        ("unresolve forecast", reverse("admin:forecasts_forecast_unresolve", args=[forecast.pk]), {"reason": "No"}),
        (
            "snooze forecast",
            reverse("admin:forecasts_forecast_snooze", args=[forecast.pk]),
            {"review_on": "2030-01-01", "reason": "Later"},
        ),
        (
            "import article",
            reverse("admin:forecasts_forecast_import_article"),
            {"text": "Trade will likely grow in 2025.", "title": "Imported", "published": "2024-01-01"},
        ),
        ("resolve action", changelist, {**action, "action": "resolve_selected", "outcome": "annulled"}),
        (
            "snooze action",
            changelist,
            {**action, "action": "snooze_selected", "review_on": "2030-01-01", "reason": "Later"},
        ),
        ("accept action", changelist, {**action, "action": "accept_proposed"}),
        ("reject action", changelist, {**action, "action": "reject_proposed", "confirm_reject": "Yes"}),
        ("accept proposal", reverse("admin:forecasts_forecast_proposals"), {"accept_one": proposed.pk}),
        (
            "reject proposal",
            reverse("admin:forecasts_forecast_proposals"),
            {"reject": "1", "confirm_reject": "Yes", "_selected_action": [proposed.pk]},
        ),
        ("restore action", changelist, {**action, "action": "restore_rejected"}),
        (
            "restore rejected proposal",
            reverse("admin:forecasts_forecast_restore_rejected"),
            {"_selected_action": [rejected.pk]},
        ),
        ("change source", reverse("admin:sources_source_change", args=[forecast.source.pk]), {"title": "Tampered"}),
        ("add publication", reverse("admin:sources_publication_add"), {"name": "New outlet"}),
    ]


ADMIN_KINDS = ("staff without permissions", "reviewer")


@pytest.mark.parametrize("kind", ADMIN_KINDS)
def test_admin_write_without_permission_changes_nothing(db, kind):
    user = _user(kind)
    forecast = ForecastFactory(review_on=datetime.date(2024, 1, 1))
    proposed = ForecastFactory(status=Status.PROPOSED)
    rejected = ForecastFactory(status=Status.REJECTED)
    client = _session(user)
    token = client.cookies["csrftoken"].value
    for description, url, data in _admin_writes(forecast, proposed, rejected):
        if kind == "reviewer" and description in (
            "resolve forecast",
            "unresolve forecast",
            "resolve action",
            "snooze forecast",
            "snooze action",
        ):
            continue  # what reviewers are for
        before = database_state()
        response = client.post(url, {**data, "csrfmiddlewaretoken": token})
        # Refused outright (403), or, for a bulk action the user does not hold, "no action
        # selected" back on the list (Django's admin offers only permitted actions).
        assert response.status_code in (302, 403), (description, response.status_code)
        if response.status_code == 302:
            assert response["Location"].startswith(reverse("admin:forecasts_forecast_changelist")), description
        assert database_state() == before, description


@pytest.mark.parametrize("kind", ADMIN_KINDS)
def test_admin_pages_that_write_are_forbidden_without_permission(db, kind):
    client = _session(_user(kind))
    forecast = ForecastFactory()
    for url in (
        reverse("admin:forecasts_forecast_add"),
        reverse("admin:forecasts_forecast_import_article"),
        reverse("admin:forecasts_forecast_proposals"),
        reverse("admin:forecasts_forecast_restore_rejected"),
        reverse("admin:forecasts_forecast_delete", args=[forecast.pk]),
    ):
        assert client.get(url).status_code == 403, url


def test_a_user_who_is_not_staff_cannot_enter_the_admin(db):
    client = _session(UserFactory())
    forecast = ForecastFactory(claim="Exports grow")
    response = client.post(
        reverse("admin:forecasts_forecast_change", args=[forecast.pk]),
        {"claim": "Tampered", "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    forecast.refresh_from_db()
    assert forecast.claim == "Exports grow"


def test_the_reviewer_write_above_is_allowed_so_the_refusals_are_meaningful(db):
    """The same session, token and request shape succeed where the permission is held."""
    client = _session(_user("reviewer"))
    forecast = ForecastFactory()
    response = client.post(
        reverse("admin:forecasts_forecast_resolve", args=[forecast.pk]),
        {
            "outcome": "yes",
            "evidence_url": "https://example.org/e",
            "note": "Grew.",
            "csrfmiddlewaretoken": client.cookies["csrftoken"].value,
        },
    )
    assert response.status_code == 302
    forecast.refresh_from_db()
    assert forecast.status == Status.RESOLVED
