import pytest
from django.db import connection

from forecasts.admin import paginator
from forecasts.admin.paginator import EstimatedCountPaginator
from forecasts.models import Forecast
from tests.factories import ForecastFactory


def test_changelist_paginator_counts_exactly_off_postgresql(db):
    ForecastFactory.create_batch(3)
    pages = EstimatedCountPaginator(Forecast.objects.order_by("pk"), 2)
    assert pages.count == 3 and pages.num_pages == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the estimate is PostgreSQL's planner")
def test_below_the_exact_limit_one_capped_count_and_no_plan(db, django_assert_num_queries):
    ForecastFactory.create_batch(5)
    with django_assert_num_queries(1) as queries:
        assert EstimatedCountPaginator(Forecast.objects.order_by("pk"), 2).count == 5
    assert not any("EXPLAIN" in query["sql"].upper() for query in queries.captured_queries)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the estimate is PostgreSQL's planner")
def test_above_the_exact_limit_the_planner_estimates_with_one_more_query(db, monkeypatch, django_assert_num_queries):
    ForecastFactory.create_batch(5)
    monkeypatch.setattr(paginator, "EXACT_COUNT_LIMIT", 2)
    with django_assert_num_queries(2) as queries:
        assert EstimatedCountPaginator(Forecast.objects.order_by("pk"), 2).count >= 3
    assert "EXPLAIN" in queries.captured_queries[-1]["sql"].upper()
