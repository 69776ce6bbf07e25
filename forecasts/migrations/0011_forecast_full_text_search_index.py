"""A GIN index for the public pages' full-text search over claims and quotes, on PostgreSQL only.

The indexed expression is the one forecasts.public.selectors.search_vector() builds, so that
PostgreSQL's planner matches the query to the index; a test checks the plan uses it. SQLite has
no full-text search here (the pages fall back to a substring match), so there this does nothing.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "forecast_search_gin"


def _index() -> GinIndex:
    return GinIndex(SearchVector("claim", "quote", config="english"), name=INDEX_NAME)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("forecasts", "Forecast"), _index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("forecasts", "Forecast"), _index())


class Migration(migrations.Migration):
    dependencies = [
        ("forecasts", "0010_public_pages"),
    ]

    operations = [
        migrations.RunPython(add_index, remove_index, elidable=False),
    ]
