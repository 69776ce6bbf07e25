"""Snooze in the admin: a reviewer postpones a review from the forecast's page or the list, always
with a reason; the page refuses what cannot be snoozed and changes nothing."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from forecasts import services
from forecasts.models import Forecast, Status, local_today
from tests.factories import ForecastFactory, UserFactory

pytestmark = pytest.mark.django_db


def _later(days: int = 30) -> datetime.date:
    return local_today() + datetime.timedelta(days=days)


def test_a_reviewer_sees_the_snooze_button_on_a_due_forecast_page(client, reviewer):
    forecast = ForecastFactory(status=Status.DUE)
    client.force_login(reviewer)

    html = client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk])).content.decode()

    assert reverse("admin:forecasts_forecast_snooze", args=[forecast.pk]) in html
    assert "Snooze: postpone the review" in html


def test_no_snooze_button_on_a_resolved_forecast(client, reviewer):
    forecast = services.forecast_resolve(forecast=ForecastFactory(), outcome="annulled", resolved_by=reviewer)
    client.force_login(reviewer)

    html = client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk])).content.decode()

    assert reverse("admin:forecasts_forecast_snooze", args=[forecast.pk]) not in html


def test_a_reviewer_snoozes_from_the_forecast_page_with_a_reason(client, reviewer):
    forecast = ForecastFactory(status=Status.DUE)
    client.force_login(reviewer)
    url = reverse("admin:forecasts_forecast_snooze", args=[forecast.pk])

    assert client.get(url).status_code == 200
    response = client.post(url, {"review_on": _later().isoformat(), "reason": "The figure is delayed"})

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:forecasts_forecast_change", args=[forecast.pk])
    forecast.refresh_from_db()
    assert (forecast.status, forecast.review_on) == (Status.OPEN, _later())
    assert forecast.history.first().history_user == reviewer
    assert "The figure is delayed" in forecast.history.first().history_change_reason


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"review_on": "", "reason": "Later"}, "This field is required."),
        ({"review_on": "2031-01-01", "reason": " "}, "This field is required."),
        ({"review_on": "yesterday", "reason": "Later"}, "Enter a valid date."),
        ({"review_on": "2001-01-01", "reason": "Later"}, "Snooze to a day after today."),
    ],
)
def test_the_snooze_page_explains_bad_input_and_changes_nothing(client, reviewer, data, message):
    forecast = ForecastFactory(status=Status.DUE)
    client.force_login(reviewer)

    response = client.post(reverse("admin:forecasts_forecast_snooze", args=[forecast.pk]), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Forecast.objects.get(pk=forecast.pk).status == Status.DUE


def test_a_resolved_forecast_is_not_snoozed(client, reviewer):
    forecast = services.forecast_resolve(forecast=ForecastFactory(), outcome="annulled", resolved_by=reviewer)
    client.force_login(reviewer)

    response = client.post(
        reverse("admin:forecasts_forecast_snooze", args=[forecast.pk]),
        {"review_on": _later().isoformat(), "reason": "Later"},
    )

    assert response.status_code == 302
    assert Forecast.objects.get(pk=forecast.pk).review_on == forecast.review_on


def test_staff_without_the_snooze_permission_is_refused(client, db):
    forecast = ForecastFactory(status=Status.DUE)
    client.force_login(UserFactory(is_staff=True))

    response = client.post(
        reverse("admin:forecasts_forecast_snooze", args=[forecast.pk]),
        {"review_on": _later().isoformat(), "reason": "Later"},
    )

    assert response.status_code == 403
    assert Forecast.objects.get(pk=forecast.pk).status == Status.DUE


def test_a_reviewer_snoozes_selected_forecasts_from_the_list(client, reviewer):
    forecasts = ForecastFactory.create_batch(2, status=Status.DUE)
    client.force_login(reviewer)

    response = client.post(
        reverse("admin:forecasts_forecast_changelist"),
        {
            "action": "snooze_selected",
            ACTION_CHECKBOX_NAME: [f.pk for f in forecasts],
            "review_on": _later().isoformat(),
            "reason": "Both figures are late",
            "apply": "Snooze",
        },
    )

    assert response.status_code == 302
    assert set(Forecast.objects.values_list("status", "review_on")) == {(Status.OPEN, _later())}
