import re

import pytest
from django.urls import reverse
from django.utils import timezone

from forecasts import scorecards, services
from forecasts.models import Forecast, Outcome, Status
from forecasts.public import pages as public_pages
from forecasts.services import seed_load
from sources.models import Author
from tests.factories import AuthorFactory, ForecastFactory, StaffFactory

pytestmark = pytest.mark.django_db

# Outcomes of the seed forecasts, with the evidence that decided each one.
SEED_OUTCOMES = {
    "TRADE-RECOVER": (Outcome.YES, "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=183176"),
    "TRADE-SURPASS": (Outcome.NO, "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=183176"),
    "WORKERS-RU": (
        Outcome.YES,
        "https://www.nknews.org/2024/02/over-1000-north-koreans-visited-russia-in-2023-marking-five-fold-increase/",
    ),
    "GDP-REBOUND": (Outcome.YES, "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=186917"),
    "NO-SANCTIONS": (Outcome.YES, "https://press.un.org/en/2023/sc15240.doc.htm"),
    "MISSILE-TESTS": (Outcome.YES, "https://www.statista.com/chart/9172/north-korea-missile-tests-timeline/"),
    "NUKE-TEST": (
        Outcome.NO,
        "https://www.anews.com.tr/asia/2025/11/05/north-korea-ready-for-7th-nuclear-test-claims-south-korea",
    ),
    "FX-INCOME": (Outcome.YES, "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=186917"),
}
SEED_CLAIM_PREFIXES = {
    "TRADE-RECOVER": "China–North Korea total trade in 2023 is above",
    "TRADE-SURPASS": "China–North Korea total trade in 2023 is at or above",
    "WORKERS-RU": "More North Korean workers",
    "GDP-REBOUND": "North Korea's real GDP grows in 2023",
    "NO-SANCTIONS": "The UN Security Council adopts no resolution",
    "MISSILE-TESTS": "North Korea conducts at least one ballistic-missile",
    "NUKE-TEST": "North Korea conducts a nuclear explosive test",
    "FX-INCOME": "North Korea's recorded goods exports",
}


@pytest.fixture
def resolved_seed():
    seed_load()
    reviewer = StaffFactory(username="reviewer")
    for key, (outcome, evidence) in SEED_OUTCOMES.items():
        forecast = Forecast.objects.get(claim__startswith=SEED_CLAIM_PREFIXES[key])
        services.forecast_resolve(
            forecast=forecast,
            outcome=outcome,
            evidence_url=evidence,
            note=f"{key}: see evidence.",
            resolved_by=reviewer,
        )
    return Author.objects.get()


def test_index_lists_the_seed_author_with_scores(client, resolved_seed):
    response = client.get(reverse("scorecards:index"))

    assert response.status_code == 200
    html = response.content.decode()
    assert resolved_seed.name in html
    assert reverse("scorecards:detail", args=["author", resolved_seed.pk]) in html
    # Six scored forecasts: a small sample, listed but not ranked.
    assert "small sample" in html
    assert "<svg" in html


def test_author_page_has_a_reliability_diagram_and_tables(client, resolved_seed):
    response = client.get(reverse("scorecards:detail", args=["author", resolved_seed.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'class="diagonal"' in svg
    # Scored: three at 0.675 (all came true) and three at 0.97 (all came true): two non-empty bins.
    assert len(re.findall(r"<circle ", svg)) == 2
    assert "3 of 3 came true" in svg
    assert svg.count('class="ci"') == 2 * 3
    assert "3 of 3 (100%)" in html  # calibration table
    assert "“will likely”" in html  # the per-phrase table
    assert "“perhaps”" in html and "0 of 1" in html  # words without a number still have a record
    assert SEED_OUTCOMES["NO-SANCTIONS"][1] in html  # evidence link in the forecast list
    assert "Did not come true" in html
    assert "<script" not in html


def test_pages_load_nothing_from_other_sites(client, resolved_seed):
    html = client.get(reverse("scorecards:detail", args=["author", resolved_seed.pk])).content.decode()

    # A canonical or alternate link names an address; it loads nothing.
    loads = re.sub(r'<link rel="(canonical|alternate)"[^>]*>', "", html)
    assert not re.search(r"<(link|script|img)[^>]+(href|src)=\"(https?:)?//", loads)
    assert 'name="viewport"' in html


@pytest.mark.parametrize("by", ["publication", "source", "tag"])
def test_every_grouping_has_a_page(client, resolved_seed, by):
    card = scorecards.scorecards_by(by)[0]

    response = client.get(reverse("scorecards:detail", args=[by, card.group.key]))

    assert response.status_code == 200
    assert card.group.label in response.content.decode()


@pytest.mark.parametrize(
    ("by", "key"),
    [
        ("weather", "1"),
        ("author", "999"),
        ("author", "abc"),
        # Digits str.isdigit() accepts but int() does not, or reads as another id.
        ("author", "%C2%B2"),
        ("tag", "%C2%B9"),
        ("author", "%D9%A1"),
        ("author", "%201"),
        ("author", "99999999999999999999"),
    ],
)
def test_unknown_scorecard_is_404(client, db, by, key):
    assert client.get(f"/scorecards/{by}/{key}/").status_code == 404


def test_bins_parameter_changes_the_table(client, resolved_seed):
    html = client.get(reverse("scorecards:detail", args=["author", resolved_seed.pk]) + "?bins=4").content.decode()

    assert "Calibration in 4 equal-width bins" in html


def test_empty_database_renders(client, db):
    response = client.get(reverse("scorecards:index"))

    assert response.status_code == 200
    assert "Nothing scored yet" in response.content.decode()


def test_private_scorecards_send_anonymous_readers_to_login(client, db, settings):
    settings.SCORECARDS_PUBLIC = False

    response = client.get(reverse("scorecards:index"))

    assert response.status_code == 302
    assert "login" in response["Location"]
    assert client.get(response["Location"]).status_code == 200  # a sign-in page that exists


def test_signing_in_without_next_lands_on_a_page_that_exists(client, db):
    StaffFactory(username="someone", password="a long enough password")

    response = client.post("/api/auth/login/", {"username": "someone", "password": "a long enough password"})

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_resolved_forecasts_are_paginated(client, db):
    author = AuthorFactory()
    ForecastFactory.create_batch(
        public_pages.CALLS_PER_PAGE + 1,
        author=author,
        status=Status.RESOLVED,
        outcome=Outcome.ANNULLED,
        resolved_at=timezone.now(),
    )
    url = reverse("scorecards:detail", args=["author", author.pk])

    first = client.get(url).content.decode()
    second = client.get(url + "?page=2").content.decode()

    assert first.count('<article class="forecast') == public_pages.CALLS_PER_PAGE
    assert second.count('<article class="forecast') == 1
    assert "Page 1 of 2" in first


def test_empty_scorecards_say_how_to_fill_them(client, staff_client):
    seed_load()
    page = client.get(reverse("scorecards:index")).content.decode()
    assert "To fill these scorecards" in page
    assert "load_seed --with-outcomes" in page
    assert (
        'href="/admin/forecasts/forecast/?status__exact=due"'
        in staff_client.get(reverse("scorecards:index")).content.decode()
    )


def test_filled_scorecards_drop_the_hint(client):
    seed_load(with_outcomes=True)
    assert "To fill these scorecards" not in client.get(reverse("scorecards:index")).content.decode()


def test_a_slice_narrows_the_pages_and_a_bad_one_is_a_400_page(client, resolved_seed):
    url = reverse("scorecards:detail", args=["author", resolved_seed.pk])

    everything = client.get(url)
    none_made = client.get(url, {"made_year": "1999"})
    unknown = client.get(url, {"since": "2020"})
    bad_value = client.get(reverse("scorecards:index"), {"horizon": "soon"})

    assert everything.context["card"].n > 0
    assert none_made.status_code == 200 and none_made.context["card"].n == 0
    assert "Only forecasts made from 1999-01-01 to 1999-12-31" in none_made.content.decode()
    assert unknown.status_code == 400 and "unknown parameter" in unknown.content.decode()
    assert bad_value.status_code == 400 and "lt6m, 6-12m, 1-3y, gt3y" in bad_value.content.decode()


def test_the_pundit_page_shows_brier_by_year_and_the_ranking_rule(client, resolved_seed):
    page = client.get(reverse("scorecards:detail", args=["author", resolved_seed.pk]))
    index = client.get(reverse("scorecards:index")).content.decode()

    years = page.context["years"]
    assert years and sum(card.n for _year, card in years) == page.context["card"].n
    assert 'id="by-year"' in page.content.decode()
    assert "How the ranking works" in index and "cannot tell the two apart" in index


def test_a_forecast_resolved_early_is_shown_as_waiting(client):
    import datetime

    forecast = ForecastFactory(
        probability=0.9,
        status=Status.RESOLVED,
        outcome=Outcome.YES,
        resolved_at=timezone.now(),
        deadline=datetime.date(2030, 12, 31),
    )
    url = reverse("scorecards:detail", args=["author", forecast.author_id])

    page = client.get(url).content.decode()
    included = client.get(url, {"early": "include"})

    assert "resolved early, counted at the deadline" in page
    assert "1 resolved early" in page
    assert included.context["card"].n == 1


def test_the_overview_lists_only_the_latest_articles_newest_first(client, monkeypatch):
    import datetime

    from forecasts import views
    from tests.factories import SourceFactory

    monkeypatch.setattr(views, "RECENT_ARTICLES", 2)
    for year, title in [(2021, "Oldest article"), (2023, "Newest article"), (2022, "Middle article")]:
        ForecastFactory(source=SourceFactory(title=title, published_on=datetime.date(year, 1, 1)))
    SourceFactory(title="Article without forecasts", published_on=datetime.date(2024, 1, 1))

    page = client.get(reverse("scorecards:index")).content.decode()
    articles = page[page.index("Latest articles") :]

    assert "The 2 most recently published articles" in articles
    assert articles.index("Newest article") < articles.index("Middle article")
    assert "Oldest article" not in page and "Article without forecasts" not in page
