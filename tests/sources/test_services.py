"""The sources services under concurrent writers: a lost insert race returns the row that won."""

import pytest

from sources import services as source_services
from sources.models import Author, Publication, Source
from tests.concurrency import race, race_test

KELVIN = "\u212aelvin"


@race_test
@pytest.mark.parametrize(
    ("model", "create"),
    [
        (Author, lambda name: source_services.author_get_or_create(name=name)),
        (Publication, lambda name: source_services.publication_get_or_create(name=name)),
    ],
)
def test_a_concurrent_get_or_create_returns_the_row_that_won(model, create):
    results = race(lambda: create("kelvin"), lambda: create(KELVIN))
    assert results["first"].pk == results["second"].pk
    assert model.objects.count() == 1


@race_test
def test_a_concurrent_store_of_the_same_article_returns_the_stored_one():
    def store():
        return source_services.source_get_or_create(
            title="Same article", text="The same text.", published_on="2024-01-01"
        )

    results = race(store, store)
    assert results["first"] == (results["first"][0], True)
    assert results["second"] == (results["first"][0], False)
    assert Source.objects.count() == 1
