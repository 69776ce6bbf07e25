"""The API never lets a client choose an id, and folds tag names as the import does."""

import pytest

from forecasts.models import Forecast, Tag
from tests.factories import ForecastFactory, forecast_create_payload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("forecast_id", [5, 2**63 - 1])
def test_a_client_cannot_choose_a_forecasts_id(api, forecast_id):
    response = api["editor"].post("/api/forecasts/", {**forecast_create_payload(), "id": forecast_id}, format="json")
    assert response.status_code == 400
    assert "id" in response.json()["errors"]
    assert not Forecast.objects.exists()


def test_a_patch_cannot_change_an_id(api):
    forecast = ForecastFactory()
    response = api["editor"].patch(f"/api/forecasts/{forecast.pk}/", {"id": forecast.pk + 1000}, format="json")
    assert response.status_code == 400
    assert Forecast.objects.get().pk == forecast.pk


def test_tags_sent_in_two_cases_are_one_tag(api):
    payload = {**forecast_create_payload(), "tags": ["kelvin", "\u212aelvin", "Trade", "TRADE"]}
    response = api["editor"].post("/api/forecasts/", payload, format="json")
    assert response.status_code == 201, response.json()
    assert sorted(response.json()["tags"]) == ["Trade", "kelvin"]
    assert Tag.objects.count() == 2


def test_recording_the_same_forecast_twice_is_refused_with_a_message(api):
    payload = forecast_create_payload()
    assert api["editor"].post("/api/forecasts/", payload, format="json").status_code == 201
    again = {**payload, "claim": f"  {payload['claim']} "}
    response = api["editor"].post("/api/forecasts/", again, format="json")
    assert response.status_code == 400
    assert "already recorded" in str(response.json())
    assert Forecast.objects.count() == 1
