import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from forecasts import services
from forecasts.models import Outcome, ProbabilityBasis, Status
from forecasts.public import pages
from tests.factories import AuthorFactory, ForecastFactory, SourceFactory, StaffFactory, TagFactory

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Pyongyang opened its border in 2023. Trade with China will likely recover to pre-Covid levels "
    "this year, officials said. Few expect sanctions to ease.\n\nA second paragraph."
)


def _resolved(**kwargs):
    forecast = ForecastFactory(**kwargs)
    return services.forecast_resolve(
        forecast=forecast,
        outcome=Outcome.YES,
        evidence_url="https://evidence.example.org/trade",
        note="Customs data show trade above 2019.",
        resolved_by=StaffFactory(username="resolver", first_name="Ada", last_name="Reviewer"),
    )


def test_quote_in_context_is_the_sentence_around_the_quote():
    found = pages.quote_in_context(ARTICLE, "trade with China will likely   recover to pre-Covid levels")

    assert found.before == ""
    assert found.quote == "Trade with China will likely recover to pre-Covid levels"
    assert found.after == "this year, officials said."


def test_quote_in_context_keeps_the_start_of_the_sentence():
    found = pages.quote_in_context(ARTICLE, "will likely recover")

    assert found.before == "Trade with China"
    assert found.after == "to pre-Covid levels this year, officials said."


@pytest.mark.parametrize("text", ["", "An article that says something else."])
def test_quote_in_context_is_none_without_the_quote(text):
    assert pages.quote_in_context(text, "will likely recover") is None


def test_the_short_url_redirects_to_the_canonical_slug_url(client):
    forecast = ForecastFactory(claim="China–North Korea trade in 2023 is above its 2019 level")

    response = client.get(f"/forecasts/{forecast.pk}/")

    assert response.status_code == 301
    assert response["Location"] == f"/forecasts/{forecast.pk}/china-north-korea-trade-in-2023-is-above-its-2019-level/"
    assert forecast.get_absolute_url() == response["Location"]


def test_a_wrong_slug_redirects_to_the_right_one(client):
    forecast = ForecastFactory()

    response = client.get(f"/forecasts/{forecast.pk}/old-claim-words/")

    assert response.status_code == 301
    assert response["Location"] == forecast.get_absolute_url()


def test_open_forecast_page_shows_the_quote_in_context_and_the_forecast(client):
    source = SourceFactory(text=ARTICLE, url="https://news.example.org/trade")
    forecast = ForecastFactory(
        source=source,
        quote="Trade with China will likely recover to pre-Covid levels",
        estimative_phrase="will likely",
        probability=0.675,
        deadline=datetime.date(2099, 12, 31),
        resolution_criteria="China customs annual total.",
    )

    html = client.get(forecast.get_absolute_url()).content.decode()

    assert "<mark>Trade with China will likely recover to pre-Covid levels</mark> this year, officials said." in html
    assert 'href="https://news.example.org/trade"' in html
    assert forecast.claim in html
    assert "68%" in html and "“will likely”" in html
    assert "China customs annual total." in html
    assert "days to the deadline" in html
    assert "What happened" not in html


def test_resolved_forecast_page_shows_outcome_evidence_resolver_and_corrections(client):
    forecast = _resolved()
    reviewer = StaffFactory(username="corrector")
    services.forecast_correct(
        forecast=forecast,
        changes={"probability": 0.8},
        reason="The article said 80% in its second edition.",
        corrected_by=reviewer,
    )

    html = client.get(forecast.get_absolute_url()).content.decode()

    assert Outcome.YES.label in html
    assert 'href="https://evidence.example.org/trade"' in html
    assert "Customs data show trade above 2019." in html
    assert "by Ada Reviewer" in html
    assert "Corrections after resolution" in html
    assert "The article said 80% in its second edition." in html
    assert "“0.675” → “0.8”" in html


def test_unscored_forecast_says_why(client):
    forecast = ForecastFactory(
        probability=None,
        probability_basis=ProbabilityBasis.NONE,
        estimative_phrase="may",
        deadline=datetime.date(2023, 2, 1),
    )
    forecast = services.forecast_resolve(
        forecast=forecast, outcome=Outcome.NO, evidence_url="https://e.example.org", note="No.", resolved_by=None
    )

    html = client.get(forecast.get_absolute_url()).content.decode()

    assert "not scored: the words carried no probability" in html


@pytest.mark.parametrize("status", [Status.PROPOSED, Status.REJECTED])
@pytest.mark.parametrize("path", ["/forecasts/{pk}/", "/forecasts/{pk}/any-slug/"])
def test_proposed_or_rejected_forecasts_are_never_public(client, path, status):
    forecast = ForecastFactory(status=status)

    assert client.get(path.format(pk=forecast.pk)).status_code == 404


@pytest.mark.parametrize("pk", ["0", "x", "١", "99999999999999999999999", "-1"])
def test_malformed_or_missing_ids_are_404(client, pk):
    assert client.get(f"/forecasts/{pk}/").status_code == 404
    assert client.get(f"/forecasts/{pk}/slug/").status_code == 404


def test_private_scorecards_hide_forecast_pages_from_anonymous_readers(client, settings):
    settings.SCORECARDS_PUBLIC = False
    forecast = ForecastFactory()

    response = client.get(forecast.get_absolute_url())

    assert response.status_code == 302 and "login" in response["Location"]


def test_forecast_page_has_link_preview_metadata(client):
    forecast = _resolved(probability=0.3)

    html = client.get(forecast.get_absolute_url()).content.decode()

    assert f'<meta property="og:title" content="{forecast.claim}">' in html
    assert '<meta name="twitter:card" content="summary">' in html
    assert f'<link rel="canonical" href="http://testserver{forecast.get_absolute_url()}">' in html
    assert "30%" in html and "Came true" in html


def test_admin_view_on_site_goes_to_the_public_page(client):
    admin = StaffFactory(username="boss")
    client.force_login(admin)
    forecast = ForecastFactory()

    html = client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk])).content.decode()

    assert forecast.get_absolute_url() in html


def test_group_page_lists_open_scored_and_unscored_calls_with_links(client):
    author = AuthorFactory()
    open_call = ForecastFactory(author=author, deadline=timezone.localdate() + datetime.timedelta(days=10))
    scored = _resolved(author=author)
    annulled = ForecastFactory(author=author)
    services.forecast_resolve(forecast=annulled, outcome=Outcome.ANNULLED, resolved_by=None)

    html = client.get(reverse("scorecards:detail", args=["author", author.pk])).content.decode()

    assert "10 days to the deadline" in html
    assert "not scored: the claim cannot be checked as stated" in html
    assert "scored: Brier" in html
    for forecast in (open_call, scored, annulled):
        assert f'href="{forecast.get_absolute_url()}"' in html
    # Open calls come before resolved ones.
    assert html.index(open_call.claim) < html.index(scored.claim)


def test_group_page_filters_by_status_tag_and_words(client):
    author = AuthorFactory()
    tagged = ForecastFactory(author=author, claim="Exports to Russia grow")
    tagged.tags.add(TagFactory(name="russia"))
    other = ForecastFactory(author=author, claim="Missile tests continue")
    resolved = _resolved(author=author, claim="Trade recovers")
    url = reverse("scorecards:detail", args=["author", author.pk])

    by_status = client.get(url, {"status": "open"}).content.decode()
    by_tag = client.get(url, {"tag": "RUSSIA"}).content.decode()
    by_words = client.get(url, {"q": "missile"}).content.decode()

    assert tagged.claim in by_status and other.claim in by_status and resolved.claim not in by_status
    assert tagged.claim in by_tag and other.claim not in by_tag
    assert other.claim in by_words and tagged.claim not in by_words


def test_unknown_filter_values_narrow_nothing(client):
    forecast = ForecastFactory()
    url = reverse("scorecards:detail", args=["author", forecast.author_id])

    response = client.get(url, {"status": "nonsense", "page": "x", "q": "\x00" * 5})

    assert response.status_code == 200
    for path in ("/search/", reverse("public:group-download", args=["author", forecast.author_id, "csv"])):
        assert client.get(path, {"q": "trade\x00", "tag": "\x00"}).status_code == 200


def test_site_search_finds_pundits_articles_and_claims(client):
    forecast = ForecastFactory(
        author=AuthorFactory(name="Benjamin Katzeff Silberstein"),
        source=SourceFactory(title="Russia, China bring North Korea in from the cold"),
        claim="North Korea's exports grow in 2023",
    )
    ForecastFactory(author=AuthorFactory(name="Hidden Candidate"), status=Status.PROPOSED)

    by_name = client.get("/search/", {"q": "katzeff"}).content.decode()
    by_title = client.get("/search/", {"q": "cold"}).content.decode()
    by_claim = client.get("/search/", {"q": "exports"}).content.decode()
    proposed = client.get("/search/", {"q": "Hidden"}).content.decode()

    assert reverse("scorecards:detail", args=["author", forecast.author_id]) in by_name
    assert reverse("scorecards:detail", args=["source", forecast.source_id]) in by_title
    assert forecast.get_absolute_url() in by_claim
    assert "Hidden Candidate" not in proposed.split("<h1>Search</h1>")[1]


def test_every_page_has_the_search_box(client):
    forecast = ForecastFactory()

    for url in ("/scorecards/", forecast.get_absolute_url(), "/search/"):
        assert 'role="search"' in client.get(url).content.decode()
