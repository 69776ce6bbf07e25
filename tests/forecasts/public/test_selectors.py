import pytest
from django.db import connection

from forecasts.public import selectors
from tests.factories import ForecastFactory

postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")


@postgres_only
def test_claim_search_is_served_by_the_full_text_index(db):
    ForecastFactory(claim="Exports to China will grow", quote="Exports will likely grow.")
    ForecastFactory(claim="Inflation falls below two percent", quote="Inflation will fall.")
    found = selectors.search_forecasts(selectors.public_forecasts(), "grows")
    with connection.cursor() as cursor:
        # On a table this small a scan is cheaper; forbid it to see whether the index can serve.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = found.explain()
    assert "forecast_search_gin" in plan, plan
    assert [f.claim for f in found] == ["Exports to China will grow"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the fallback of a database without the index")
def test_without_postgresql_there_is_no_index_and_search_is_a_substring_match(db):
    ForecastFactory(claim="Exports to China will grow", quote="Exports will likely grow.")
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, "forecasts_forecast")
    assert "forecast_search_gin" not in indexes
    assert [f.claim for f in selectors.search_forecasts(selectors.public_forecasts(), "china will")] == [
        "Exports to China will grow"
    ]
