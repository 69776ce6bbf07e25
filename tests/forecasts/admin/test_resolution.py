"""Resolve, correct and unresolve in the admin: with a reason, by reviewers only, never re-resolving."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Permission
from django.urls import reverse

from forecasts import services
from forecasts.models import Forecast, ForecastCorrection, Outcome, Status
from tests.factories import ForecastFactory, UserFactory

pytestmark = pytest.mark.django_db


def resolve_rows(rows: dict[int, dict]) -> dict:
    """The bulk resolve page's POST: one row per forecast id with its own answer."""
    data = {"row-TOTAL_FORMS": len(rows), "row-INITIAL_FORMS": len(rows)}
    for i, (pk, answer) in enumerate(rows.items()):
        data[f"row-{i}-forecast"] = pk
        data.update({f"row-{i}-{name}": value for name, value in answer.items()})
    return data


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


NEWS_EVIDENCE = "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=183176"


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
        resolve_url,
        {"outcome": Outcome.YES, "evidence_url": NEWS_EVIDENCE, "note": "82.3% of 2019.", "apply": "Resolve"},
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
        {"outcome": Outcome.YES, "evidence_url": NEWS_EVIDENCE, "note": "n", "apply": "Resolve"},
    )

    assert response.status_code == 403
    assert "Resolve: did the claim come true?" not in client.get(change_url(forecast)).content.decode()
    forecast.refresh_from_db()
    assert forecast.status == Status.DUE


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


def test_a_correction_typed_as_words_also_corrects_the_empty_phrase(client, reviewer):
    forecast = ForecastFactory(probability=0.6, estimative_phrase="")
    services.forecast_resolve(
        forecast=forecast, outcome=Outcome.YES, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )
    client.force_login(reviewer)
    correct_url = reverse("admin:forecasts_forecast_correct", args=[forecast.pk])
    form = client.get(correct_url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}

    done = client.post(correct_url, {**data, "probability": "very likely", "reason": "The text says very likely"})

    assert done.status_code == 302
    current = Forecast.objects.get(pk=forecast.pk)
    assert (current.probability, current.estimative_phrase) == (0.875, "very likely")
    corrected = dict(ForecastCorrection.objects.filter(forecast=forecast).values_list("field", "new_value"))
    assert corrected == {"probability": "0.875", "estimative_phrase": "very likely"}
