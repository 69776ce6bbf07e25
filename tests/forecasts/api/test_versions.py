"""Versions over the API: the ETag/`version` a client read, 409 when it is stale or the record is
frozen, and the one way to change a resolved record: POST .../correct/ with a reason."""

import pytest
from django.utils import timezone

from forecasts import services
from forecasts.models import Forecast, ForecastCorrection, Outcome, Status
from tests.factories import ForecastFactory

EVIDENCE = {"outcome": "yes", "evidence_url": "https://example.org/stats", "resolution_note": "Trade rose."}


def _resolved(**fields) -> Forecast:
    return ForecastFactory(status=Status.RESOLVED, outcome=Outcome.NO, resolved_at=timezone.now(), **fields)


def test_get_shows_the_version_and_its_etag(api):
    forecast = ForecastFactory()
    response = api["reader"].get(f"/api/forecasts/{forecast.pk}/")
    assert response.json()["version"] == 1
    assert response["ETag"] == '"1"'


def test_patch_with_the_current_version_lands_and_returns_the_next(api):
    forecast = ForecastFactory()
    response = api["editor"].patch(f"/api/forecasts/{forecast.pk}/", {"claim": "New", "version": 1}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["version"] == 2
    assert response["ETag"] == '"2"'


def test_patch_with_a_stale_version_is_409_saying_what_changed(api, reviewer):
    forecast = ForecastFactory(claim="Original")
    services.forecast_update(forecast=forecast, data={"claim": "By reviewer"}, changed_by=reviewer)

    response = api["editor"].patch(f"/api/forecasts/{forecast.pk}/", {"probability": 0.9, "version": 1}, format="json")

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "conflict"
    assert body["detail"].startswith("Changed since you opened it by reviewer at ")
    assert ": claim." in body["detail"]
    assert Forecast.objects.get(pk=forecast.pk).probability == 0.675


def test_if_match_works_like_the_body_version(api):
    forecast = ForecastFactory()
    stale = api["editor"].patch(f"/api/forecasts/{forecast.pk}/", {"claim": "x"}, format="json", HTTP_IF_MATCH='"7"')
    assert stale.status_code == 409
    current = api["editor"].patch(f"/api/forecasts/{forecast.pk}/", {"claim": "x"}, format="json", HTTP_IF_MATCH='"1"')
    assert current.status_code == 200


@pytest.mark.parametrize("header", ['"abc"', '"1.5"', '"1", "2"', '"99999999999999"'])
def test_a_malformed_if_match_is_400(api, header):
    forecast = ForecastFactory()
    response = api["editor"].patch(
        f"/api/forecasts/{forecast.pk}/", {"claim": "x"}, format="json", HTTP_IF_MATCH=header
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_if_match"
    assert Forecast.objects.get(pk=forecast.pk).claim != "x"


@pytest.mark.parametrize("version", [0, -1, "1", 1.5, True, 2**40])
def test_a_bad_version_is_400(api, version):
    forecast = ForecastFactory()
    response = api["editor"].patch(f"/api/forecasts/{forecast.pk}/", {"claim": "x", "version": version}, format="json")
    assert response.status_code == 400
    assert "version" in response.json()["errors"]


def test_patch_without_a_version_writes_only_the_fields_sent(api):
    forecast = ForecastFactory(claim="Original", probability=0.5)
    response = api["editor"].patch(f"/api/forecasts/{forecast.pk}/", {"probability": 0.6}, format="json")
    assert response.status_code == 200
    current = Forecast.objects.get(pk=forecast.pk)
    assert (current.claim, current.probability) == ("Original", 0.6)


@pytest.mark.parametrize("body", [{"claim": "Rewritten"}, {"probability": 0.99}, {"deadline": "2024-06-30"}])
def test_editing_a_resolved_forecasts_record_is_409(api, body):
    forecast = _resolved()
    response = api["editor"].patch(f"/api/forecasts/{forecast.pk}/", body, format="json")
    assert response.status_code == 409
    assert "frozen" in response.json()["detail"]
    assert Forecast.objects.get(pk=forecast.pk).version == 1


def test_reviewer_corrects_a_resolved_forecast_with_a_reason(api, reviewer):
    forecast = _resolved(probability=0.6)
    response = api["reviewer"].post(
        f"/api/forecasts/{forecast.pk}/correct/",
        {
            "probability": 0.65,
            "outcome": "yes",
            "evidence_url": "https://e.org/1",
            "resolution_note": "Recount",
            "reason": "Recounted",
            "version": 1,
        },
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["probability"], body["outcome"], body["status"], body["version"]) == (0.65, "yes", "resolved", 2)
    assert set(ForecastCorrection.objects.filter(forecast=forecast).values_list("field", flat=True)) == {
        "probability",
        "outcome",
        "evidence_url",
        "resolution_note",
    }
    assert ForecastCorrection.objects.filter(corrected_by=reviewer, reason="Recounted").count() == 4


@pytest.mark.parametrize(("stored", "kept"), [("", "very unlikely"), ("may", "may")])
def test_a_correction_with_words_as_the_probability_fills_an_empty_phrase(api, reviewer, stored, kept):
    # As the admin's correction form: the filled phrase is a correction of its own, with the reason.
    forecast = _resolved(probability=0.6, estimative_phrase=stored)
    body = {"probability": "very unlikely", "reason": "Misread the hedge"}
    response = api["reviewer"].post(f"/api/forecasts/{forecast.pk}/correct/", body, format="json")
    assert response.status_code == 200, response.json()
    assert (response.json()["probability"], response.json()["estimative_phrase"]) == (0.125, kept)
    corrected = set(ForecastCorrection.objects.filter(forecast=forecast).values_list("field", flat=True))
    assert corrected == ({"probability", "estimative_phrase"} if not stored else {"probability"})


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"claim": "x"}, 400),  # no reason
        ({"claim": "x", "reason": "  "}, 400),
        ({"status": "open", "reason": "r"}, 400),  # not correctable
        ({"claim": "x", "reason": "r", "version": 5}, 409),
    ],
)
def test_bad_corrections_are_refused_and_change_nothing(api, body, status):
    forecast = _resolved()
    response = api["reviewer"].post(f"/api/forecasts/{forecast.pk}/correct/", body, format="json")
    assert response.status_code == status
    assert not ForecastCorrection.objects.exists()
    assert Forecast.objects.get(pk=forecast.pk).version == 1


def test_correcting_an_unresolved_forecast_is_409(api):
    forecast = ForecastFactory()
    response = api["reviewer"].post(
        f"/api/forecasts/{forecast.pk}/correct/", {"claim": "x", "reason": "r"}, format="json"
    )
    assert response.status_code == 409


@pytest.mark.parametrize(("role", "status"), [("anonymous", 401), ("reader", 403), ("editor", 403), ("superuser", 200)])
def test_correct_needs_the_resolve_permission(api, role, status):
    forecast = _resolved()
    response = api[role].post(f"/api/forecasts/{forecast.pk}/correct/", {"claim": "x", "reason": "r"}, format="json")
    assert response.status_code == status


def test_a_resolve_naming_a_stale_version_is_409(api, editor):
    forecast = ForecastFactory()
    services.forecast_update(forecast=forecast, data={"claim": "changed"}, changed_by=editor)
    response = api["reviewer"].post(f"/api/forecasts/{forecast.pk}/resolve/", {**EVIDENCE, "version": 1}, format="json")
    assert response.status_code == 409
    assert Forecast.objects.get(pk=forecast.pk).status == Status.OPEN
