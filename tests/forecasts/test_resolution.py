import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from forecasts import services
from forecasts.models import Forecast, Outcome, Status
from tests.factories import ForecastFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

EVIDENCE = "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=183176"


@pytest.fixture
def reviewer():
    return StaffFactory(username="reviewer")


def test_resolve_records_outcome_evidence_who_and_when(reviewer):
    forecast = ForecastFactory(status=Status.DUE)

    resolved = services.forecast_resolve(
        forecast=forecast,
        outcome=Outcome.YES,
        evidence_url=EVIDENCE,
        note="2023 trade was 82.3% of 2019.",
        resolved_by=reviewer,
    )

    resolved.refresh_from_db()
    assert resolved.status == Status.RESOLVED
    assert resolved.outcome == Outcome.YES
    assert resolved.evidence_url == EVIDENCE
    assert resolved.resolution_note == "2023 trade was 82.3% of 2019."
    assert resolved.resolved_by == reviewer
    assert resolved.resolved_at is not None
    latest = resolved.history.first()
    assert latest.history_user == reviewer
    assert latest.outcome == Outcome.YES


@pytest.mark.parametrize("outcome", [Outcome.YES, Outcome.NO])
@pytest.mark.parametrize(("evidence_url", "note"), [("", "a note"), (EVIDENCE, ""), ("  ", "  ")])
def test_yes_and_no_need_evidence_and_a_note(reviewer, outcome, evidence_url, note):
    forecast = ForecastFactory(status=Status.DUE)

    with pytest.raises(ValidationError):
        services.forecast_resolve(
            forecast=forecast, outcome=outcome, evidence_url=evidence_url, note=note, resolved_by=reviewer
        )

    assert Forecast.objects.get(pk=forecast.pk).status == Status.DUE


@pytest.mark.parametrize("outcome", [Outcome.AMBIGUOUS, Outcome.ANNULLED])
def test_ambiguous_and_annulled_need_no_evidence(reviewer, outcome):
    forecast = services.forecast_resolve(forecast=ForecastFactory(), outcome=outcome, resolved_by=reviewer)

    assert forecast.status == Status.RESOLVED
    assert forecast.outcome == outcome


def test_unknown_outcome_is_rejected(reviewer):
    with pytest.raises(ValidationError):
        services.forecast_resolve(
            forecast=ForecastFactory(), outcome="right", evidence_url=EVIDENCE, note="n", resolved_by=reviewer
        )


def test_proposed_forecast_cannot_be_resolved(reviewer):
    with pytest.raises(ValidationError):
        services.forecast_resolve(
            forecast=ForecastFactory(status=Status.PROPOSED),
            outcome=Outcome.YES,
            evidence_url=EVIDENCE,
            note="n",
            resolved_by=reviewer,
        )


def test_unresolve_returns_to_due_and_keeps_the_old_outcome_in_history(reviewer):
    forecast = ForecastFactory(status=Status.DUE, review_on=datetime.date(2024, 7, 31))
    services.forecast_resolve(
        forecast=forecast, outcome=Outcome.NO, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )

    unresolved = services.forecast_unresolve(forecast=forecast, unresolved_by=reviewer, reason="Wrong series")

    unresolved.refresh_from_db()
    assert unresolved.status == Status.DUE
    assert unresolved.outcome is None
    assert unresolved.resolved_at is None
    assert unresolved.resolved_by is None
    outcomes = list(unresolved.history.values_list("outcome", flat=True))
    assert outcomes[:2] == [None, Outcome.NO]
    assert unresolved.history.first().history_change_reason == "Unresolved: Wrong series"


def test_unresolve_before_the_review_date_returns_to_open(reviewer):
    forecast = ForecastFactory(status=Status.OPEN, deadline=datetime.date(2199, 12, 31))
    services.forecast_resolve(forecast=forecast, outcome=Outcome.ANNULLED, resolved_by=reviewer)

    assert services.forecast_unresolve(forecast=forecast, unresolved_by=reviewer, reason="r").status == Status.OPEN


def test_unresolve_an_unresolved_forecast_is_rejected(reviewer):
    with pytest.raises(ValidationError):
        services.forecast_unresolve(forecast=ForecastFactory(), unresolved_by=reviewer, reason="r")


@pytest.mark.parametrize("reason", ["", "   "])
def test_unresolve_needs_a_reason(reviewer, reason):
    forecast = services.forecast_resolve(forecast=ForecastFactory(), outcome=Outcome.ANNULLED, resolved_by=reviewer)

    with pytest.raises(ValidationError) as error:
        services.forecast_unresolve(forecast=forecast, unresolved_by=reviewer, reason=reason)

    assert "reason" in error.value.message_dict
    assert Forecast.objects.get(pk=forecast.pk).status == Status.RESOLVED


def test_resolving_a_resolved_forecast_is_refused_and_keeps_the_outcome(reviewer):
    forecast = ForecastFactory(status=Status.DUE)
    services.forecast_resolve(
        forecast=forecast, outcome=Outcome.YES, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )

    with pytest.raises(services.ForecastConflict, match="already resolved; correct it with a reason or unresolve"):
        services.forecast_resolve(
            forecast=forecast, outcome=Outcome.NO, evidence_url=EVIDENCE, note="Misread table", resolved_by=reviewer
        )

    assert Forecast.objects.get(pk=forecast.pk).outcome == Outcome.YES


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
            "outcome": Outcome.ANNULLED,
            "note": "Source withdrew the series.",
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
            "outcome": Outcome.YES,
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
