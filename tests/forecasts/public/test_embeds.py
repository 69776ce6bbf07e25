import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from forecasts.models import Outcome, Status
from tests.factories import AuthorFactory, ForecastFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pundit():
    author = AuthorFactory(name="Ada <Forecaster> & Co")
    ForecastFactory(
        author=author, probability=0.8, status=Status.RESOLVED, outcome=Outcome.YES, resolved_at=timezone.now()
    )
    ForecastFactory(
        author=author, probability=0.6, status=Status.RESOLVED, outcome=Outcome.NO, resolved_at=timezone.now()
    )
    return author


def test_badge_is_an_svg_with_name_brier_and_count(client, pundit):
    response = client.get(reverse("public:badge", args=[pundit.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/svg+xml")
    assert "max-age=300" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert response.has_header("ETag")
    root = ET.fromstring(response.content)  # noqa: S314 (our own output) well-formed despite the name's markup characters
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    # Brier: ((0.8 - 1)^2 + (0.6 - 0)^2) / 2 = 0.2
    assert texts == ["Ada <Forecaster> & Co", "Brier 0.20 · 2 scored"]


def test_badge_of_an_unscored_pundit_says_so(client):
    forecast = ForecastFactory()
    root = ET.fromstring(client.get(reverse("public:badge", args=[forecast.author_id])).content)  # noqa: S314
    assert [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")][1] == "not scored yet"


@pytest.mark.parametrize("key", ["999", "x"])
def test_badge_of_an_unknown_pundit_is_404(client, key):
    assert client.get(f"/scorecards/author/{key}/badge.svg").status_code == 404


def test_card_may_be_framed_by_other_sites_and_names_its_canonical_page(client, pundit):
    response = client.get(reverse("public:card", args=[pundit.pk]))

    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    html = response.content.decode()
    canonical = f"http://testserver{reverse('scorecards:detail', args=['author', pundit.pk])}"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert 'target="_top"' in html
    assert "0.200" in html


def test_a_cached_card_may_still_be_framed(client, pundit):
    url = reverse("public:card", args=[pundit.pk])
    client.get(url)

    assert "X-Frame-Options" not in client.get(url)


def test_other_pages_may_not_be_framed(client, pundit):
    response = client.get(reverse("scorecards:detail", args=["author", pundit.pk]))
    assert response["X-Frame-Options"] == "DENY"


def test_scorecard_page_has_link_preview_metadata_with_the_score_in_words(client, pundit):
    html = client.get(reverse("scorecards:detail", args=["author", pundit.pk])).content.decode()

    assert '<meta property="og:title" content="Ada &lt;Forecaster&gt; &amp; Co: forecast scorecard">' in html
    assert "Brier score 0.200 over 2 scored forecasts (lower is better; always saying 50% earns 0.25)" in html
    assert '<meta name="twitter:card" content="summary">' in html


def test_scores_are_explained_in_words_beside_the_numbers(client, pundit):
    html = client.get(reverse("scorecards:detail", args=["author", pundit.pk])).content.decode()

    assert "always saying 50% earns 0.25; lower is better" in html
    assert 'class="explain"' in html


def test_ranking_tables_say_what_good_looks_like(client, pundit):
    html = client.get(reverse("scorecards:index")).content.decode()

    assert "<caption>Brier score: 0 is perfect, always saying 50% earns 0.25, lower is better." in html
