import datetime
import math

import pytest
from django.db import IntegrityError, transaction

from forecasts.models import Outcome, ProbabilityBasis, Status
from tests.factories import ForecastFactory

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
