"""POST /api/forecasts/{id}/accept/: the same rule as the admin's Accept."""

import pytest

from forecasts.models import Forecast, Status
from tests.factories import ForecastFactory

pytestmark = pytest.mark.django_db

UNFINISHED = (
    "Resolves yes if exports grow. Otherwise resolves no. Drafted automatically: check the source, threshold and date."
)


def test_an_unfinished_proposal_is_refused_with_what_is_left_and_stays_proposed(api):
    forecast = ForecastFactory(status=Status.PROPOSED, resolution_criteria=UNFINISHED)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/accept/", {}, format="json")
    assert response.status_code == 400
    assert "cannot be accepted yet" in str(response.json())
    assert "Nothing was accepted." in str(response.json())
    forecast.refresh_from_db()
    assert forecast.status == Status.PROPOSED


def test_a_finished_proposal_is_accepted_once_edited(api):
    forecast = ForecastFactory(status=Status.PROPOSED, resolution_criteria=UNFINISHED)
    url = f"/api/forecasts/{forecast.pk}/"
    api["editor"].patch(url, {"resolution_criteria": "Customs data for 2026."}, format="json")
    response = api["editor"].post(f"{url}accept/", {}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "open"
    assert Forecast.objects.get(pk=forecast.pk).status == Status.OPEN


def test_accepting_a_forecast_that_is_not_proposed_is_a_conflict(api):
    forecast = ForecastFactory(status=Status.OPEN)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/accept/", {}, format="json")
    assert response.status_code == 409
    assert "not proposed" in response.json()["detail"]


def test_a_body_with_fields_is_refused(api):
    forecast = ForecastFactory(status=Status.PROPOSED)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/accept/", {"status": "open"}, format="json")
    assert response.status_code == 400
    assert Forecast.objects.get(pk=forecast.pk).status == Status.PROPOSED


def test_a_stale_version_is_a_conflict_and_accepts_nothing(api):
    forecast = ForecastFactory(status=Status.PROPOSED)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/accept/", {"version": 7}, format="json")
    assert response.status_code == 409
    assert Forecast.objects.get(pk=forecast.pk).status == Status.PROPOSED
