"""axe-core finds no critical or serious violation on the pages a reviewer and an editor work in,
nor on the public scorecards, at a laptop's and a phone's width."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from forecasts import services
from forecasts.models import Forecast, Status
from tests.e2e.accessibility import blocking_violations
from tests.e2e.steps import LAPTOP, PHONE, join_by_invitation, sign_in
from tests.e2e.test_import_article import ARTICLE, PUBLICATION

pytestmark = pytest.mark.e2e

FORECASTS = "/admin/forecasts/forecast/"


def _site() -> dict:
    services.seed_load(with_outcomes=True)
    services.forecasts_flag_due()
    result = services.propose_forecasts_from_article(text=ARTICLE, publication_name=PUBLICATION)
    services.forecasts_reject(forecasts=[result.forecasts[-1]], rejected_by=None)
    due = Forecast.objects.filter(status=Status.DUE).order_by("pk").first()
    resolved = Forecast.objects.filter(status=Status.RESOLVED).select_related("author").order_by("pk").first()
    return {
        "due": due,
        "resolved": resolved,
        "proposal": result.forecasts[0],
        "rejected": result.forecasts[-1],
        "source": result.source,
    }


def _reviewer_pages(site) -> list[str]:
    due = site["due"].pk
    return [
        "/admin/",
        FORECASTS,
        f"{FORECASTS}?status__exact=due",
        f"{FORECASTS}{due}/change/",
        f"{FORECASTS}{due}/resolve/",
        f"{FORECASTS}{due}/snooze/",
        f"{FORECASTS}{site['resolved'].pk}/history/",
    ]


def _editor_pages(site) -> list[str]:
    return [
        "/admin/",
        f"{FORECASTS}import-article/",
        f"{FORECASTS}proposals/",
        f"{FORECASTS}proposals/?source={site['source'].pk}",
        f"{FORECASTS}?status__exact=proposed",
        f"{FORECASTS}?status__exact=rejected",
        f"{FORECASTS}proposals/restore/?ids={site['rejected'].pk}",
        f"{FORECASTS}{site['proposal'].pk}/change/",
        f"{FORECASTS}{site['proposal'].pk}/history/",
        f"{FORECASTS}add/",
    ]


def _public_pages(site) -> list[str]:
    resolved = site["resolved"]
    author = reverse("scorecards:detail", args=["author", resolved.author.pk])
    return ["/scorecards/", author, resolved.get_absolute_url()]


def _check(page: Page, paths: list[str], screenshot, label: str) -> list[str]:
    found = []
    for number, path in enumerate(paths):
        response = page.goto(path)
        assert response is not None and response.status == 200, (path, response and response.status)
        found += blocking_violations(page)
        if number < 2:
            screenshot(f"{label}-{number}")
    return found


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280px", "390px"])
def test_reviewer_editor_and_public_pages_have_no_serious_violations(page: Page, screenshot, viewport):
    site = _site()
    page.set_viewport_size(viewport)
    found = _check(page, _public_pages(site), screenshot, "public")
    join_by_invitation(page, "rita", "reviewer")
    sign_in(page, "rita")
    found += _check(page, _reviewer_pages(site), screenshot, "reviewer")
    page.context.clear_cookies()
    join_by_invitation(page, "ed", "editor")
    sign_in(page, "ed")
    found += _check(page, _editor_pages(site), screenshot, "editor")
    assert not found, "\n".join(found)
