import datetime

import pytest

from sources.models import Author, Publication, Source
from tests.factories import AuthorFactory, PublicationFactory, SourceFactory


@pytest.fixture
def payload():
    return {
        "title": "Russia, China bring North Korea in from the cold",
        "text": "Trade with China will likely move toward pre-Covid-19 levels.",
        "published_on": "2023-01-01",
        "url": "https://example.org/nk",
        "publication": "East Asia Forum",
        "authors": ["Benjamin Katzeff Silberstein"],
    }


def test_editor_stores_an_article_once(api, payload):
    first = api["editor"].post("/api/sources/", payload, format="json")
    assert first.status_code == 201, first.json()
    body = first.json()
    assert body["publication"] == "East Asia Forum"
    assert body["authors"] == ["Benjamin Katzeff Silberstein"]
    assert body["text"] == payload["text"]
    again = api["editor"].post("/api/sources/", {**payload, "title": "Another title"}, format="json")
    assert again.status_code == 200
    assert again.json()["id"] == body["id"]
    assert Source.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("published_on", {"published_on": "2023-13-01"}),
        ("url", {"url": "not a url"}),
        ("text", {"text": ""}),
        ("title", {"title": "x" * 501}),
        ("authors", {"authors": "one name"}),
        ("content_hash", {"content_hash": "0" * 64}),
    ],
)
def test_bad_article_is_400_and_writes_nothing(api, payload, field, change):
    payload.update(change)
    response = api["editor"].post("/api/sources/", payload, format="json")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    assert not Source.objects.exists()
    assert not Publication.objects.exists()
    assert not Author.objects.exists()


def test_editor_edits_the_description_not_the_text(api):
    source = SourceFactory()
    response = api["editor"].patch(
        f"/api/sources/{source.pk}/",
        {"title": "New  title", "publication": "", "authors": ["A. Writer"]},
        format="json",
    )
    assert response.status_code == 200, response.json()
    source.refresh_from_db()
    assert source.title == "New title"
    assert source.publication is None
    assert [a.name for a in source.authors.all()] == ["A. Writer"]
    response = api["editor"].patch(f"/api/sources/{source.pk}/", {"text": "changed"}, format="json")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["text"]


def test_list_filters_and_leaves_out_the_text(api):
    publication, author = PublicationFactory(), AuthorFactory()
    old = SourceFactory(published_on=datetime.date(2020, 1, 1))
    new = SourceFactory(publication=publication, published_on=datetime.date(2024, 1, 1))
    new.authors.add(author)
    reader = api["reader"]
    body = reader.get("/api/sources/").json()
    assert [item["id"] for item in body["results"]] == [new.pk, old.pk]
    assert "text" not in body["results"][0]
    assert [i["id"] for i in reader.get("/api/sources/", {"publication": publication.pk}).json()["results"]] == [new.pk]
    assert [i["id"] for i in reader.get("/api/sources/", {"author": author.pk}).json()["results"]] == [new.pk]
    before = reader.get("/api/sources/", {"published_on_before": "2021-01-01"}).json()["results"]
    assert [i["id"] for i in before] == [old.pk]


def test_missing_source_is_404(api):
    assert api["reader"].get("/api/sources/424242/").status_code == 404
    assert api["editor"].patch("/api/sources/424242/", {"title": "x"}, format="json").status_code == 404
