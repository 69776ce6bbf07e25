"""The name-key and claim-key migrations on a database that already holds names folding to the
same key and a repeated forecast: every row and link is kept."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from forecasts import services
from forecasts.models import Forecast, Tag
from sources import services as source_services
from sources.models import Author, name_key

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("forecasts", "0008_probability_and_date_ranges"), ("sources", "0003_published_on_date_range")]


def test_colliding_names_and_repeated_forecasts_survive_the_migration():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    OldTag, OldAuthor = old.get_model("forecasts", "Tag"), old.get_model("sources", "Author")
    OldSource, OldForecast = old.get_model("sources", "Source"), old.get_model("forecasts", "Forecast")
    # LOWER() keeps these apart on both databases; case folding makes each pair one name.
    first_tag, second_tag = OldTag.objects.create(name="Straße"), OldTag.objects.create(name="STRASSE")
    first_author, second_author = OldAuthor.objects.create(name="Straße"), OldAuthor.objects.create(name="STRASSE")
    source = OldSource.objects.create(title="t", published_on=datetime.date(2024, 1, 1), content_hash="h")
    forecasts = [
        OldForecast.objects.create(
            source=source,
            author=first_author,
            quote="q",
            claim=claim,
            probability=0.5,
            probability_basis="stated",
            made_on=datetime.date(2024, 1, 1),
            deadline=datetime.date(2024, 12, 31),
            review_on=datetime.date(2024, 12, 31),
            resolution_criteria="r",
        )
        for claim in ("Same claim", "Same  claim")
    ]
    forecasts[1].tags.add(second_tag)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert set(Tag.objects.values_list("id", flat=True)) == {first_tag.id, second_tag.id}
    assert set(Author.objects.values_list("id", flat=True)) == {first_author.id, second_author.id}
    assert Forecast.objects.count() == 2
    assert list(Forecast.objects.get(id=forecasts[1].id).tags.values_list("id", flat=True)) == [second_tag.id]
    # The oldest row holds the name's key, so lookups by either spelling find it.
    assert Tag.objects.get(id=first_tag.id).name_key == name_key("strasse")
    assert services.tags_get_or_create(names=["STRASSE"])[0].id == first_tag.id
    assert source_services.author_get_or_create(name="strasse").id == first_author.id
