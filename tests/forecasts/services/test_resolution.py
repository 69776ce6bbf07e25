"""forecasts/services/resolution.py: resolving, refusing a second resolution, unresolving."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from forecasts import services
from forecasts.models import Forecast, Outcome, Status
from tests.factories import ForecastFactory, StaffFactory

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
