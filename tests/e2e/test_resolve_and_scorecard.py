"""A reviewer signs in, finds the forecast that is due, resolves it with evidence, and the
author's public scorecard and its calibration chart change."""

import re

import pytest
from playwright.sync_api import Page, expect

from forecasts import services
from forecasts.models import Forecast, Outcome, Status, local_today
from forecasts.services import seed_load
from tests.e2e.steps import PASSWORD, changelist_row, messages, sign_in, stat
from tests.factories import StaffFactory

pytestmark = pytest.mark.e2e

EVIDENCE_URL = "https://evidence.example.org/bank-of-korea/gdp-2025"
NOTE = "The Bank of Korea's estimate puts 2025 real GDP 5.3% above 2019."


def chart_counts(page: Page) -> list[tuple[int, int]]:
    """The (came true, n) label of every dot of the reliability diagram."""
    labels = page.locator("figure.chart svg g.bin text.count").all_text_contents()
    return [tuple(int(x) for x in label.split("/")) for label in labels]


def open_author_scorecard(page: Page, author: str) -> None:
    page.goto("/scorecards/")
    authors = page.locator("section").filter(has=page.get_by_role("heading", name="Authors", exact=True))
    authors.get_by_role("link", name=author).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(author)


def test_resolving_a_due_forecast_updates_the_scorecard_and_its_chart(page: Page, screenshot):
    seed_load(with_outcomes=True)
    services.forecasts_flag_due()
    # A real member of Reviewers, as the README sets one up: a superuser would hide a missing permission.
    _editors, reviewers = services.access_groups_ensure()
    reviewer = StaffFactory(username="reviewer", password=PASSWORD, is_superuser=False)
    reviewer.groups.add(reviewers)
    due = Forecast.objects.filter(status=Status.DUE, review_on__lte=local_today())
    target = due.filter(probability__isnull=False).select_related("author").order_by("pk").first()
    assert target is not None, "the seed has a due forecast with a probability"
    author = target.author.name

    # Before: what the public scorecard says now.
    open_author_scorecard(page, author)
    scored_before = int(stat(page, "Scored").inner_text())
    brier_before = stat(page, "Brier score").inner_text()
    assert sum(n for _, n in chart_counts(page)) == scored_before
    screenshot("scorecard-before")

    # The reviewer finds what is due from the admin's front page.
    sign_in(page, reviewer.username)
    summary = page.locator(".hindsight-summary")
    expect(
        summary.locator("tr").filter(has=page.get_by_role("link", name="Due for review", exact=True)).locator("td")
    ).to_have_text(str(due.count()))
    screenshot("admin-index")
    summary.get_by_role("link", name="Due for review", exact=True).click()
    expect(page.locator("#result_list tbody tr")).to_have_count(due.count())
    row = changelist_row(page, str(target))
    expect(row.locator("td.field-status_display")).to_have_text("due")
    screenshot("due-forecasts")
    row.get_by_role("link", name=str(target)).click()

    page.get_by_role("link", name="Resolve: did the claim come true?").click()
    expect(page.get_by_role("heading", name="Did the claim come true?")).to_be_visible()
    page.get_by_label(Outcome.YES.label).check()
    page.get_by_label("Evidence URL:").fill(EVIDENCE_URL)
    page.get_by_label("Note:").fill(NOTE)
    screenshot("resolve-form")
    page.get_by_role("button", name="Resolve").click()

    expect(messages(page)).to_contain_text(f"Resolved: {Outcome.YES.label}.")
    expect(page.locator(".field-status .readonly")).to_have_text("Resolved")
    expect(page.locator(".field-evidence_url .readonly")).to_contain_text(EVIDENCE_URL)
    screenshot("resolved")

    # After: the author's scorecard counts it, and the chart is drawn from the new numbers.
    open_author_scorecard(page, author)
    expect(stat(page, "Scored")).to_have_text(str(scored_before + 1))
    brier = stat(page, "Brier score")
    expect(brier).to_have_text(re.compile(r"^0\.\d{3}$"))
    assert brier.inner_text() != brier_before
    chart = page.locator("figure.chart svg")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box["width"] > 100 and box["height"] > 100
    dots = chart.locator("circle.point")
    expect(dots.first).to_be_visible()
    for i in range(dots.count()):
        dot_box = dots.nth(i).bounding_box()
        assert dot_box["width"] > 0 and dot_box["height"] > 0
    assert sum(n for _, n in chart_counts(page)) == scored_before + 1
    resolved = page.locator("article.forecast").filter(has_text=target.claim)
    expect(resolved.locator(".verdict")).to_contain_text("Came true")
    expect(resolved.get_by_role("link", name="Evidence")).to_have_attribute("href", EVIDENCE_URL)
    screenshot("scorecard-after")

    # The overview counts it too.
    page.get_by_role("link", name="Hindsight").click()
    overview = page.locator("section.overview")
    expect(overview.locator("figure.chart svg circle.point").first).to_be_visible()
    screenshot("scorecards-index")
