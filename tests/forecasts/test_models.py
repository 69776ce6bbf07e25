import datetime
import math

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from forecasts import rules, services
from forecasts.models import Forecast, Outcome, ProbabilityBasis, Status
from tests.factories import AuthorFactory, ForecastFactory, SourceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("probability", [0.0, 1.0, -0.1, 1.5, math.nan, 1e-200, 0.0009, 0.9991])
def test_database_rejects_probability_outside_its_range(probability):
    """The check constraints hold even when a write skips model validation."""
    with pytest.raises(IntegrityError), transaction.atomic():
        ForecastFactory(probability=probability)


def test_database_rejects_deadline_before_made_on():
    with pytest.raises(IntegrityError), transaction.atomic():
        ForecastFactory(made_on=datetime.date(2023, 1, 1), deadline=datetime.date(2022, 12, 31))


def test_database_rejects_review_date_before_made_on():
    with pytest.raises(IntegrityError), transaction.atomic():
        ForecastFactory(made_on=datetime.date(2023, 1, 1), review_on=datetime.date(2022, 6, 1))


def test_database_rejects_outcome_on_unresolved_forecast():
    with pytest.raises(IntegrityError), transaction.atomic():
        ForecastFactory(status=Status.OPEN, outcome=Outcome.YES)


def test_database_rejects_resolved_forecast_without_outcome():
    with pytest.raises(IntegrityError), transaction.atomic():
        ForecastFactory(status=Status.RESOLVED, outcome=None)


def test_database_rejects_probability_without_basis():
    with pytest.raises(IntegrityError), transaction.atomic():
        ForecastFactory(probability=0.5, probability_basis=ProbabilityBasis.NONE)


def _create(**overrides):
    source = SourceFactory()
    data = {
        "source": source,
        "author": AuthorFactory(),
        "quote": "Growth will likely resume.",
        "claim": "GDP growth in 2023 is above zero",
        "deadline": datetime.date(2023, 12, 31),
        "resolution_criteria": "Bank of Korea estimate",
        "probability": 0.675,
        "estimative_phrase": "will likely",
    }
    data.update(overrides)
    return services.forecast_create(**data)


@pytest.mark.parametrize(
    ("probability", "message"),
    [
        (0.0, "from 0.001 to 0.999"),
        (1.0, "from 0.001 to 0.999"),
        (-0.1, "from 0.001 to 0.999"),
        (1.5, "from 0.001 to 0.999"),
        (math.nan, "from 0.001 to 0.999"),
    ],
)
def test_service_explains_bad_probability(probability, message):
    with pytest.raises(ValidationError) as excinfo:
        _create(probability=probability)
    assert message in str(excinfo.value)
    assert Forecast.objects.count() == 0


def test_service_explains_deadline_before_made_on():
    with pytest.raises(ValidationError) as excinfo:
        _create(made_on=datetime.date(2023, 1, 1), deadline=datetime.date(2022, 1, 1))
    assert "deadline cannot be before" in str(excinfo.value)


def test_review_date_defaults_to_deadline():
    forecast = _create()
    assert forecast.review_on == datetime.date(2023, 12, 31)
    assert forecast.made_on == forecast.source.published_on


def test_words_without_number_are_unscored():
    forecast = _create(probability=None, estimative_phrase="may")
    assert forecast.probability_basis == ProbabilityBasis.NONE


def test_every_change_is_kept_in_history():
    forecast = _create()
    services.forecast_update(forecast=forecast, data={"claim": "GDP growth in 2023 is above 1%"})
    claims = [h.claim for h in forecast.history.order_by("history_date")]
    assert claims == ["GDP growth in 2023 is above zero", "GDP growth in 2023 is above 1%"]


@pytest.mark.parametrize(
    ("probability", "shown"), [(0.675, "67.5%"), (0.7, "70%"), (0.3333, "33.33%"), (0.001, "0.1%"), (0.999, "99.9%")]
)
def test_a_probability_reads_as_the_percentage_it_was_entered_as(probability, shown):
    assert rules.probability_percent(probability) == shown
