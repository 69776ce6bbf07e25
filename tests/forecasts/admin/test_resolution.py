"""Resolve, correct and unresolve in the admin: with a reason, by reviewers only, never re-resolving."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from forecasts import services
from forecasts.models import Forecast, ForecastCorrection, Outcome, Status
from tests.factories import ForecastFactory
from tests.forecasts.test_resolution import resolve_rows

pytestmark = pytest.mark.django_db

EVIDENCE = "https://example.org/evidence"


def test_correct_the_outcome_page_corrects_with_a_reason_and_shows_it(client, reviewer):
    forecast = ForecastFactory(probability=0.6)
    services.forecast_resolve(
        forecast=forecast, outcome=Outcome.YES, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )
    client.force_login(reviewer)
    change = client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk])).content.decode()
    correct_url = reverse("admin:forecasts_forecast_correct", args=[forecast.pk])
    assert correct_url in change
    form = client.get(correct_url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}

    no_reason = client.post(correct_url, {**data, "probability": "0.7", "apply": "Correct"})
    assert no_reason.status_code == 200
    assert Forecast.objects.get(pk=forecast.pk).probability == 0.6

    done = client.post(correct_url, {**data, "probability": "0.7", "reason": "Wrong number", "apply": "Correct"})

    assert done.status_code == 302
    current = Forecast.objects.get(pk=forecast.pk)
    assert (current.probability, current.status, current.outcome) == (0.7, Status.RESOLVED, Outcome.YES)
    correction = ForecastCorrection.objects.get(forecast=forecast)
    assert (correction.field, correction.reason, correction.corrected_by) == ("probability", "Wrong number", reviewer)
    assert "Wrong number" in client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk])).content.decode()


def test_resolving_a_resolved_forecast_in_the_admin_is_refused(client, reviewer):
    forecast = ForecastFactory()
    services.forecast_resolve(
        forecast=forecast, outcome=Outcome.YES, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )
    client.force_login(reviewer)

    response = client.post(
        reverse("admin:forecasts_forecast_resolve", args=[forecast.pk]),
        {"outcome": Outcome.NO, "evidence_url": EVIDENCE, "note": "other", "apply": "Resolve"},
    )

    assert response.status_code == 200
    assert "already resolved; correct it with a reason or unresolve it" in response.content.decode()
    assert Forecast.objects.get(pk=forecast.pk).outcome == Outcome.YES


def test_unresolve_in_the_admin_needs_a_reason(client, reviewer):
    forecast = ForecastFactory()
    services.forecast_resolve(forecast=forecast, outcome=Outcome.ANNULLED, resolved_by=reviewer)
    client.force_login(reviewer)

    response = client.post(
        reverse("admin:forecasts_forecast_unresolve", args=[forecast.pk]), {"reason": " ", "apply": "Unresolve"}
    )

    assert response.status_code == 200
    assert Forecast.objects.get(pk=forecast.pk).status == Status.RESOLVED


def test_an_editor_without_resolve_permission_cannot_correct(client, editor, reviewer):
    forecast = ForecastFactory()
    services.forecast_resolve(forecast=forecast, outcome=Outcome.ANNULLED, resolved_by=reviewer)
    client.force_login(editor)
    assert client.get(reverse("admin:forecasts_forecast_correct", args=[forecast.pk])).status_code == 403


def test_bulk_resolve_skips_resolved_forecasts_instead_of_re_resolving_them(client, reviewer):
    open_one = ForecastFactory()
    resolved = ForecastFactory()
    services.forecast_resolve(
        forecast=resolved, outcome=Outcome.YES, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )
    client.force_login(reviewer)

    response = client.post(
        reverse("admin:forecasts_forecast_changelist"),
        {
            "action": "resolve_selected",
            ACTION_CHECKBOX_NAME: [open_one.pk, resolved.pk],
            **resolve_rows({open_one.pk: {"outcome": Outcome.ANNULLED, "note": "Withdrawn"}}),
            "apply": "Resolve",
        },
    )

    assert response.status_code == 302
    assert Forecast.objects.get(pk=open_one.pk).outcome == Outcome.ANNULLED
    assert Forecast.objects.get(pk=resolved.pk).outcome == Outcome.YES
