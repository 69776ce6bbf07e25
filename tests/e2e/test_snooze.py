"""A reviewer (a Reviewers member, not a superuser) whose evidence is late snoozes a due forecast:
a new review date and a reason through the list's action; the forecast is open again and the
reason is in its history."""

import datetime

import pytest
from django.utils.formats import date_format
from playwright.sync_api import Page, expect

from forecasts import services
from forecasts.models import local_today
from tests.e2e.roles import reviewer_member
from tests.e2e.steps import changelist_row, messages, run_action, sign_in
from tests.factories import ForecastFactory

pytestmark = pytest.mark.e2e

CLAIM = "The statistics office publishes the 2025 annual trade figure"
REASON = "The statistics office delayed the annual figure to the spring"


def test_snoozing_a_due_forecast_moves_its_review_date_and_reopens_it(page: Page, screenshot):
    today = local_today()
    was_due_on = today - datetime.timedelta(days=3)
    new_date = today + datetime.timedelta(days=45)
    forecast = ForecastFactory(
        claim=CLAIM, made_on=today - datetime.timedelta(days=400), deadline=was_due_on, review_on=was_due_on
    )
    ForecastFactory(claim="A forecast that stays due")
    services.forecasts_flag_due()
    reviewer = reviewer_member()

    sign_in(page, reviewer.username)
    page.locator(".hindsight-summary").get_by_role("link", name="Due for review", exact=True).click()
    row = changelist_row(page, CLAIM)
    expect(row.locator("td.field-status_display")).to_have_text("due")
    expect(row.locator("td.field-review_on")).to_have_text(date_format(was_due_on))
    screenshot("due-forecasts")

    run_action(page, [row], "Snooze selected forecasts (postpone the review)")
    expect(page.get_by_role("heading", name="Snooze: postpone the review")).to_be_visible()
    expect(page.locator("#content-main li")).to_have_count(1)
    expect(page.locator("#content-main li")).to_contain_text(CLAIM)
    page.get_by_label("New review date:").fill(new_date.isoformat())
    page.get_by_label("Reason:").fill(REASON)
    screenshot("snooze-form")
    page.get_by_role("button", name="Snooze").click()

    expect(messages(page)).to_contain_text(f"Snoozed 1 forecast(s) until {new_date:%d %B %Y}.")
    # Back on the due list, which it has left; the other forecast is still due.
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    expect(changelist_row(page, CLAIM)).to_have_count(0)
    screenshot("snoozed")

    page.locator("#changelist-filter").get_by_role("link", name="Clear all filters").click()
    page.locator("#searchbar").fill(CLAIM)
    page.locator("#searchbar").press("Enter")
    row = changelist_row(page, CLAIM)
    expect(row.locator("td.field-status_display")).to_have_text("open")
    expect(row.locator("td.field-review_on")).to_have_text(date_format(new_date))
    screenshot("search-open")

    row.get_by_role("link", name=CLAIM).click()
    # A reviewer reads the forecast; editing it is an editor's job.
    expect(page.locator(".field-review_on .readonly")).to_have_text(date_format(new_date))
    expect(page.locator(".field-status .readonly")).to_have_text("Open")
    page.get_by_role("link", name="History").click()
    expect(page.locator("#change-history")).to_contain_text(
        f"Snoozed from {was_due_on.isoformat()} to {new_date.isoformat()}: {REASON}"
    )
    screenshot("history")

    forecast.refresh_from_db()
    assert (forecast.status, forecast.review_on) == ("open", new_date)
