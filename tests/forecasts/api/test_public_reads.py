import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from config.api.throttling import AnonRateThrottle
from forecasts.models import Outcome, Status
from tests.factories import ForecastFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_anonymous_readers_see_confirmed_forecasts_but_never_proposed_ones():
    confirmed = ForecastFactory(status=Status.OPEN)
    resolved = ForecastFactory(status=Status.RESOLVED, outcome=Outcome.ANNULLED, resolved_at=timezone.now())
    proposed = ForecastFactory(status=Status.PROPOSED)
    client = APIClient()

    listed = client.get("/api/forecasts/").json()["results"]

    assert {row["id"] for row in listed} == {confirmed.pk, resolved.pk}
    assert client.get(f"/api/forecasts/{confirmed.pk}/").status_code == 200
    assert client.get(f"/api/forecasts/{proposed.pk}/").status_code == 404


def test_signed_in_readers_still_see_proposed_forecasts(api):
    proposed = ForecastFactory(status=Status.PROPOSED)

    assert api["reader"].get(f"/api/forecasts/{proposed.pk}/").status_code == 200


def test_anonymous_readers_get_an_articles_reference_without_its_text():
    source = SourceFactory(text="The whole article, which is the publisher's.")

    body = APIClient().get(f"/api/sources/{source.pk}/").json()

    assert body["title"] == source.title
    assert "text" not in body


def test_reads_need_a_login_when_scorecards_are_private(settings):
    settings.SCORECARDS_PUBLIC = False
    forecast = ForecastFactory()
    client = APIClient()

    assert client.get("/api/forecasts/").status_code == 401
    assert client.get(f"/api/forecasts/{forecast.pk}/").status_code == 401
    assert client.get("/api/sources/").status_code == 401


def test_anonymous_writes_are_still_refused():
    forecast = ForecastFactory()

    response = APIClient().patch(f"/api/forecasts/{forecast.pk}/", {"claim": "Changed"}, format="json")

    assert response.status_code == 401
    forecast.refresh_from_db()
    assert forecast.claim != "Changed"


def test_anonymous_readers_are_throttled_at_the_anonymous_rate(monkeypatch):
    # DRF reads the rates once, at import; patch the class rather than the setting.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "2/minute"})
    client = APIClient()

    codes = [client.get("/api/forecasts/").status_code for _ in range(3)]

    assert codes == [200, 200, 429]
