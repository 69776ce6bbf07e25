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


LONG_CRITERIA = (
    "YES if the statistics office's annual release shows growth above 2%. " * 5
    + "NO if it shows 2% or less, or a contraction."
)


def test_the_resolve_page_shows_the_whole_criteria_the_dates_and_the_evidence_rules(client, reviewer):
    forecast = ForecastFactory(resolution_criteria=LONG_CRITERIA, claim="C" * 400, status=Status.DUE)
    client.force_login(reviewer)

    html = client.get(reverse("admin:forecasts_forecast_resolve", args=[forecast.pk])).content.decode()

    assert "NO if it shows 2% or less, or a contraction." in html
    assert "C" * 400 in html
    assert "31 December 2023" in html  # the deadline and review date
    assert "Evidence rules." in html


def test_bulk_resolve_takes_an_outcome_per_forecast(client, reviewer):
    grew, shrank, later = ForecastFactory.create_batch(3, status=Status.DUE)
    client.force_login(reviewer)
    changelist = reverse("admin:forecasts_forecast_changelist")
    selected = [grew.pk, shrank.pk, later.pk]

    ask = client.post(changelist, {"action": "resolve_selected", ACTION_CHECKBOX_NAME: selected, "index": 0})
    assert ask.status_code == 200
    assert ask.content.decode().count('name="row-') >= 3 * 3

    done = client.post(
        changelist,
        {
            "action": "resolve_selected",
            ACTION_CHECKBOX_NAME: selected,
            **resolve_rows(
                {
                    grew.pk: {"outcome": Outcome.YES, "evidence_url": EVIDENCE, "note": "Grew 3%."},
                    shrank.pk: {"outcome": Outcome.NO, "evidence_url": EVIDENCE + "/2", "note": "Shrank."},
                    later.pk: {"outcome": ""},
                }
            ),
            "apply": "Resolve",
        },
    )

    assert done.status_code == 302
    assert Forecast.objects.get(pk=grew.pk).outcome == Outcome.YES
    assert Forecast.objects.get(pk=shrank.pk).evidence_url == EVIDENCE + "/2"
    assert Forecast.objects.get(pk=later.pk).status == Status.DUE


def test_one_refused_row_resolves_nothing_and_says_which(client, reviewer):
    first, second = ForecastFactory.create_batch(2, status=Status.DUE)
    client.force_login(reviewer)

    response = client.post(
        reverse("admin:forecasts_forecast_changelist"),
        {
            "action": "resolve_selected",
            ACTION_CHECKBOX_NAME: [first.pk, second.pk],
            **resolve_rows(
                {first.pk: {"outcome": Outcome.ANNULLED, "note": "Withdrawn"}, second.pk: {"outcome": Outcome.YES}}
            ),
            "apply": "Resolve",
        },
    )

    assert response.status_code == 200
    assert "Link the evidence" in response.content.decode()
    assert not Forecast.objects.filter(status=Status.RESOLVED).exists()


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"outcome": ""}, "Choose an outcome for at least one forecast"),
        ({"outcome": "maybe"}, "Select a valid choice"),
        ({"outcome": "annulled", "evidence_url": "not a url"}, "Enter a valid URL"),
    ],
)
def test_bulk_resolve_explains_bad_rows_and_changes_nothing(client, reviewer, answer, message):
    forecast = ForecastFactory(status=Status.DUE)
    client.force_login(reviewer)
    rows = {forecast.pk: answer}

    response = client.post(
        reverse("admin:forecasts_forecast_changelist"),
        {"action": "resolve_selected", ACTION_CHECKBOX_NAME: [forecast.pk], **resolve_rows(rows), "apply": "Resolve"},
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Forecast.objects.get(pk=forecast.pk).status == Status.DUE


def test_a_row_for_a_forecast_outside_the_selection_is_refused(client, reviewer):
    selected, other = ForecastFactory.create_batch(2, status=Status.DUE)
    client.force_login(reviewer)

    response = client.post(
        reverse("admin:forecasts_forecast_changelist"),
        {
            "action": "resolve_selected",
            ACTION_CHECKBOX_NAME: [selected.pk],
            **resolve_rows({other.pk: {"outcome": Outcome.ANNULLED, "note": "x"}}),
            "apply": "Resolve",
        },
    )

    assert response.status_code == 200
    assert Forecast.objects.get(pk=other.pk).status == Status.DUE
