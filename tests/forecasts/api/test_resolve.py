import datetime

import pytest
from django.utils import timezone

from forecasts.models import Outcome, Status
from tests.factories import ForecastFactory

EVIDENCE = {"outcome": "yes", "evidence_url": "https://example.org/stats", "resolution_note": "Trade rose 120%."}


def test_reviewer_resolves_and_the_response_shows_it(api, reviewer):
    forecast = ForecastFactory()
    response = api["reviewer"].post(f"/api/forecasts/{forecast.pk}/resolve/", EVIDENCE, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "resolved"
    assert body["outcome"] == "yes"
    assert body["resolved_by"] == "reviewer"
    forecast.refresh_from_db()
    assert forecast.history.first().history_user == reviewer


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"outcome": "probably"}, "outcome"),
        ({}, "outcome"),
        ({"outcome": "yes"}, "evidence_url"),  # a decided outcome needs its evidence
        ({**EVIDENCE, "evidence_url": "no url"}, "evidence_url"),
        ({**EVIDENCE, "note": "unknown field"}, "note"),
    ],
)
def test_bad_resolution_is_400_and_changes_nothing(api, body, field):
    forecast = ForecastFactory()
    response = api["reviewer"].post(f"/api/forecasts/{forecast.pk}/resolve/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    forecast.refresh_from_db()
    assert forecast.status == Status.OPEN


def test_resolving_a_resolved_forecast_is_409_and_points_to_correct(api):
    forecast = ForecastFactory(status=Status.RESOLVED, outcome=Outcome.NO, resolved_at=timezone.now())
    response = api["reviewer"].post(f"/api/forecasts/{forecast.pk}/resolve/", EVIDENCE, format="json")
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "conflict"
    assert "already resolved; correct it with a reason or unresolve it" in body["detail"]
    forecast.refresh_from_db()
    assert forecast.outcome == Outcome.NO


def test_proposed_forecast_cannot_be_resolved(api):
    forecast = ForecastFactory(status=Status.PROPOSED)
    response = api["reviewer"].post(f"/api/forecasts/{forecast.pk}/resolve/", EVIDENCE, format="json")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()["errors"]


def test_unresolve_returns_the_forecast_to_review(api):
    forecast = ForecastFactory(
        review_on=datetime.date(2020, 1, 1),
        deadline=datetime.date(2020, 1, 1),
        made_on=datetime.date(2019, 1, 1),
        status=Status.RESOLVED,
        outcome=Outcome.YES,
        resolved_at=timezone.now(),
    )
    response = api["reviewer"].post(f"/api/forecasts/{forecast.pk}/unresolve/", {"reason": "Wrong year"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "due"  # its review date has passed
    assert response.json()["outcome"] is None
    again = api["reviewer"].post(f"/api/forecasts/{forecast.pk}/unresolve/", {"reason": "Again"}, format="json")
    assert again.status_code == 400


@pytest.mark.parametrize("body", [{}, {"reason": ""}, {"reason": "   "}])
def test_unresolve_without_a_reason_is_400_and_changes_nothing(api, body):
    forecast = ForecastFactory(status=Status.RESOLVED, outcome=Outcome.NO, resolved_at=timezone.now())
    response = api["reviewer"].post(f"/api/forecasts/{forecast.pk}/unresolve/", body, format="json")
    assert response.status_code == 400
    assert "reason" in response.json()["errors"]
    forecast.refresh_from_db()
    assert forecast.status == Status.RESOLVED
