import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.urls import reverse

from forecasts import services
from forecasts.models import Forecast, Outcome, Status
from tests.factories import ForecastFactory, UserFactory

pytestmark = pytest.mark.django_db

EVIDENCE = "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=183176"


# Admin ------------------------------------------------------------------------------------


def change_url(forecast):
    return reverse("admin:forecasts_forecast_change", args=[forecast.pk])


def test_admin_change_form_offers_resolve_button(staff_client):
    forecast = ForecastFactory(status=Status.DUE)

    html = staff_client.get(change_url(forecast)).content.decode()

    assert reverse("admin:forecasts_forecast_resolve", args=[forecast.pk]) in html
    assert "did the claim come true?" in html


def test_admin_resolve_then_unresolve_keeps_both_in_history(staff_client, staff_user):
    forecast = ForecastFactory(status=Status.DUE)
    resolve_url = reverse("admin:forecasts_forecast_resolve", args=[forecast.pk])

    response = staff_client.post(
        resolve_url, {"outcome": Outcome.YES, "evidence_url": EVIDENCE, "note": "82.3% of 2019.", "apply": "Resolve"}
    )

    assert response.status_code == 302
    forecast.refresh_from_db()
    assert forecast.outcome == Outcome.YES
    assert forecast.resolved_by == staff_user
    html = staff_client.get(change_url(forecast)).content.decode()
    assert reverse("admin:forecasts_forecast_unresolve", args=[forecast.pk]) in html

    response = staff_client.post(
        reverse("admin:forecasts_forecast_unresolve", args=[forecast.pk]), {"reason": "Wrong table", "apply": "x"}
    )

    assert response.status_code == 302
    forecast.refresh_from_db()
    assert forecast.outcome is None
    history = list(forecast.history.all()[:2])
    assert [h.outcome for h in history] == [None, Outcome.YES]
    assert all(h.history_user == staff_user for h in history)
    history_page = staff_client.get(reverse("admin:forecasts_forecast_history", args=[forecast.pk]))
    assert history_page.status_code == 200


def test_admin_resolve_yes_without_evidence_shows_the_errors(staff_client):
    forecast = ForecastFactory(status=Status.DUE)

    response = staff_client.post(
        reverse("admin:forecasts_forecast_resolve", args=[forecast.pk]), {"outcome": Outcome.NO, "apply": "Resolve"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Link the evidence" in html
    assert "Say what the evidence shows" in html
    forecast.refresh_from_db()
    assert forecast.status == Status.DUE


def resolve_rows(rows: dict[int, dict]) -> dict:
    """The bulk resolve page's POST: one row per forecast id with its own answer."""
    data = {"row-TOTAL_FORMS": len(rows), "row-INITIAL_FORMS": len(rows)}
    for i, (pk, answer) in enumerate(rows.items()):
        data[f"row-{i}-forecast"] = pk
        data.update({f"row-{i}-{name}": value for name, value in answer.items()})
    return data


def test_admin_bulk_resolve_asks_then_resolves_all(staff_client, staff_user):
    forecasts = ForecastFactory.create_batch(3, status=Status.DUE)
    proposed = ForecastFactory(status=Status.PROPOSED)
    changelist = reverse("admin:forecasts_forecast_changelist")
    selected = [f.pk for f in [*forecasts, proposed]]

    ask = staff_client.post(changelist, {"action": "resolve_selected", ACTION_CHECKBOX_NAME: selected, "index": 0})

    assert ask.status_code == 200
    assert "Did these claims come true?" in ask.content.decode()

    done = staff_client.post(
        changelist,
        {
            "action": "resolve_selected",
            ACTION_CHECKBOX_NAME: selected,
            **resolve_rows({f.pk: {"outcome": Outcome.ANNULLED, "note": "Series withdrawn."} for f in forecasts}),
            "apply": "Resolve",
        },
    )

    assert done.status_code == 302
    assert set(Forecast.objects.filter(pk__in=selected).values_list("status", flat=True)) == {
        Status.RESOLVED,
        Status.PROPOSED,
    }
    assert Forecast.objects.filter(outcome=Outcome.ANNULLED, resolved_by=staff_user).count() == 3


def test_admin_bulk_resolve_yes_without_evidence_resolves_nothing(staff_client):
    forecasts = ForecastFactory.create_batch(2, status=Status.DUE)

    response = staff_client.post(
        reverse("admin:forecasts_forecast_changelist"),
        {
            "action": "resolve_selected",
            ACTION_CHECKBOX_NAME: [f.pk for f in forecasts],
            **resolve_rows({f.pk: {"outcome": Outcome.YES} for f in forecasts}),
            "apply": "Resolve",
        },
    )

    assert response.status_code == 200
    assert "Link the evidence" in response.content.decode()
    assert not Forecast.objects.filter(status=Status.RESOLVED).exists()


def test_admin_bulk_unresolve(staff_client, staff_user):
    forecasts = ForecastFactory.create_batch(2, status=Status.DUE)
    for forecast in forecasts:
        services.forecast_resolve(forecast=forecast, outcome=Outcome.AMBIGUOUS, resolved_by=staff_user)

    response = staff_client.post(
        reverse("admin:forecasts_forecast_changelist"),
        {"action": "unresolve_selected", ACTION_CHECKBOX_NAME: [f.pk for f in forecasts], "reason": "", "apply": "x"},
    )

    assert response.status_code == 200  # asks again: a reason is required
    assert Forecast.objects.filter(status=Status.RESOLVED).count() == 2

    response = staff_client.post(
        reverse("admin:forecasts_forecast_changelist"),
        {
            "action": "unresolve_selected",
            ACTION_CHECKBOX_NAME: [f.pk for f in forecasts],
            "reason": "Wrong series",
            "apply": "x",
        },
    )

    assert response.status_code == 302
    assert not Forecast.objects.filter(status=Status.RESOLVED).exists()


def test_staff_without_the_resolve_permission_cannot_resolve(client):
    clerk = UserFactory(username="clerk", is_staff=True)
    clerk.user_permissions.add(*Permission.objects.filter(codename__in=["view_forecast", "change_forecast"]))
    client.force_login(clerk)
    forecast = ForecastFactory(status=Status.DUE)

    response = client.post(
        reverse("admin:forecasts_forecast_resolve", args=[forecast.pk]),
        {"outcome": Outcome.YES, "evidence_url": EVIDENCE, "note": "n", "apply": "Resolve"},
    )

    assert response.status_code == 403
    assert "Resolve: did the claim come true?" not in client.get(change_url(forecast)).content.decode()
    forecast.refresh_from_db()
    assert forecast.status == Status.DUE


def test_admin_index_links_to_the_scorecards(staff_client):
    assert reverse("scorecards:index") in staff_client.get(reverse("admin:index")).content.decode()
