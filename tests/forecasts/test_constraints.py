import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import models

from forecasts.constraints import FieldCheck
from forecasts.models import Forecast
from tests.factories import ForecastFactory

pytestmark = pytest.mark.django_db


def _constraint(name: str) -> FieldCheck:
    [constraint] = [c for c in Forecast._meta.constraints if c.name == name]
    return constraint


def test_validation_reads_only_the_fields_the_condition_names(monkeypatch):
    forecast = ForecastFactory.build(made_on=datetime.date(2023, 1, 1), deadline=datetime.date(2024, 1, 1))
    read = []
    expression_map = Forecast._get_field_expression_map

    def spy(self, meta, exclude=None):
        fields = expression_map(self, meta, exclude)
        read.append(set(fields))
        return fields

    monkeypatch.setattr(Forecast, "_get_field_expression_map", spy)
    _constraint("forecast_deadline_not_before_made_on").validate(Forecast, forecast)

    assert read == [{"deadline", "made_on"}]


def test_a_violation_is_still_reported_with_its_message():
    forecast = ForecastFactory.build(made_on=datetime.date(2023, 1, 1), deadline=datetime.date(2022, 12, 31))

    with pytest.raises(ValidationError, match="deadline cannot be before"):
        _constraint("forecast_deadline_not_before_made_on").validate(Forecast, forecast)


def test_a_condition_on_a_field_the_caller_excludes_is_skipped_as_django_skips_it():
    forecast = ForecastFactory.build(made_on=datetime.date(2023, 1, 1), deadline=datetime.date(2022, 12, 31))

    _constraint("forecast_deadline_not_before_made_on").validate(Forecast, forecast, exclude={"deadline"})


def test_migrations_record_a_plain_check_constraint():
    path, _, kwargs = _constraint("forecast_status_valid").deconstruct()

    assert path == "django.db.models.CheckConstraint"
    assert isinstance(models.CheckConstraint(**kwargs), models.CheckConstraint)
