import feedparser
import pytest
from django.urls import reverse

from forecasts import services
from forecasts.models import Outcome, Status
from tests.factories import AuthorFactory, ForecastFactory, StaffFactory, TagFactory

pytestmark = pytest.mark.django_db


def _feed(client, by, key):
    response = client.get(reverse("public:feed", args=[by, key]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    return parsed


def test_a_pundits_feed_has_new_calls_and_resolutions(client):
    author = AuthorFactory(name="Benjamin Katzeff Silberstein")
    first = ForecastFactory(author=author, claim="Trade recovers in 2023")
    ForecastFactory(author=author, claim="Missile tests continue")
    ForecastFactory(claim="Someone else's call")
    ForecastFactory(author=author, claim="A candidate nobody confirmed", status=Status.PROPOSED)
    services.forecast_resolve(
        forecast=first,
        outcome=Outcome.YES,
        evidence_url="https://e.example.org/trade",
        note="It did.",
        resolved_by=StaffFactory(),
    )

    parsed = _feed(client, "author", author.pk)

    titles = [entry.title for entry in parsed.entries]
    assert titles[0] == "Resolved (came true): Trade recovers in 2023"
    assert sorted(titles[1:]) == ["New call: Missile tests continue", "New call: Trade recovers in 2023"]
    assert len({entry.id for entry in parsed.entries}) == 3
    assert parsed.entries[0].link.endswith(first.get_absolute_url() + "#resolution")
    assert "Benjamin Katzeff Silberstein" in parsed.feed.title


@pytest.mark.parametrize("by", ["publication", "source", "tag"])
def test_outlets_articles_and_topics_have_feeds(client, by):
    forecast = ForecastFactory()
    tag = TagFactory(name="trade")
    forecast.tags.add(tag)
    key = {"publication": forecast.source.publication_id, "source": forecast.source_id, "tag": tag.pk}[by]

    parsed = _feed(client, by, key)

    assert [entry.title for entry in parsed.entries] == [f"New call: {forecast.claim}"]


@pytest.mark.parametrize("path", ["country/1", "author/999", "author/x"])
def test_unknown_feeds_are_404(client, path):
    ForecastFactory()
    assert client.get(f"/scorecards/{path}/feed.atom").status_code == 404


def test_a_group_with_only_proposed_forecasts_has_no_feed(client):
    forecast = ForecastFactory(status=Status.PROPOSED)
    assert client.get(reverse("public:feed", args=["author", forecast.author_id])).status_code == 404


def test_scorecard_page_advertises_its_feed(client):
    forecast = ForecastFactory()
    html = client.get(reverse("scorecards:detail", args=["author", forecast.author_id])).content.decode()
    assert 'type="application/atom+xml"' in html
    assert reverse("public:feed", args=["author", forecast.author_id]) in html
