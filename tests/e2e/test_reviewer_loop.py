"""A reviewer's day, at laptop and at phone width, signed in as a Reviewers member (never a
superuser): the reminder email's link opens the forecast; its resolve page shows the claim, the
whole criteria, the dates and the evidence rules; it is resolved with evidence, another is snoozed
with a reason from its page; the due list is their queue, most overdue first; the history is
readable and no page is wider than the screen."""

import datetime
import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from forecasts import services
from forecasts.models import Forecast, Outcome, Status, local_today
from tests.e2e.roles import reviewer_member
from tests.e2e.steps import PASSWORD, changelist_row, messages
from tests.factories import ForecastFactory, UserFactory

pytestmark = pytest.mark.e2e

CRITERIA = (
    "YES if the Bank of Korea's first estimate of 2025 real GDP, published in its annual national accounts "
    "release, is more than 5% above the 2019 figure. NO if it is 5% above or less, including a contraction."
)
EVIDENCE_URL = "https://evidence.example.org/bank-of-korea/gdp-2025"
NOTE = "The Bank of Korea's estimate puts 2025 real GDP 5.3% above 2019."
REASON = "The statistics office delayed the annual figure to the spring"
WIDTHS = {"laptop": 1280, "phone": 390}


def _due(days_ago: int, claim: str, **kwargs) -> Forecast:
    day = local_today() - datetime.timedelta(days=days_ago)
    return ForecastFactory(
        claim=claim, made_on=day - datetime.timedelta(days=400), deadline=day, review_on=day, **kwargs
    )


def _links_in(message) -> dict[int, str]:
    """The admin path of every forecast the email links to, by forecast id."""
    found = re.findall(r"https?://[^/\s\"]+(/admin/forecasts/forecast/(\d+)/change/)", message.body)
    return {int(pk): path for path, pk in found}


def _fits(page: Page, width: int) -> None:
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} is {scroll_width} px wide at {width} px"


def _on_screen(page: Page, locator, width: int) -> None:
    expect(locator).to_be_visible()
    box = locator.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (box, width)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_a_reviewer_works_the_queue_from_the_reminder_email(page: Page, screenshot, width):
    page.set_viewport_size({"width": width, "height": 900})
    reviewer = reviewer_member()
    someone_else = UserFactory(username="someone-else", email="else@example.org", is_staff=True)
    oldest = _due(10, "Exports to China fall in 2025", reviewer=reviewer)
    to_resolve = _due(5, "South Korea's 2025 real GDP is more than 5% above 2019", reviewer=reviewer)
    to_snooze = _due(2, "The statistics office publishes the 2025 trade figure", reviewer=reviewer)
    unassigned = _due(1, "Nobody's forecast, for the whole group")
    _due(30, "Someone else's forecast", reviewer=someone_else)
    to_resolve.resolution_criteria = CRITERIA
    Forecast.objects.filter(pk=to_resolve.pk).update(resolution_criteria=CRITERIA)

    services.reminders_send(deliver_now=True)
    [email] = [m for m in mail.outbox if m.to == [reviewer.email]]
    links = _links_in(email)
    assert to_resolve.pk in links and to_snooze.pk in links

    # The email's link asks for the login, then lands on the forecast.
    page.goto(links[to_resolve.pk])
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Username:").fill(reviewer.username)
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(rf"/admin/forecasts/forecast/{to_resolve.pk}/change/$"))
    _fits(page, width)
    screenshot("forecast-from-email")

    # Resolve: the claim, the whole criteria, the dates and the evidence rules on one screen.
    page.get_by_role("link", name="Resolve: did the claim come true?").click()
    expect(page.get_by_role("heading", name="Did the claim come true?")).to_be_visible()
    facts = page.locator(".forecast-facts")
    expect(facts).to_contain_text(to_resolve.claim)
    expect(facts.locator(".criteria")).to_have_text(CRITERIA)
    expect(facts).to_contain_text(f"{to_resolve.deadline:%-d %B %Y}")
    expect(facts).to_contain_text("5 days overdue")
    expect(page.locator(".evidence-rules")).to_contain_text("an evidence URL anyone can open")
    _fits(page, width)
    page.get_by_label(Outcome.YES.label).check()
    page.get_by_label("Evidence URL:").fill(EVIDENCE_URL)
    page.get_by_label("Note:").fill(NOTE)
    screenshot("resolve-form")
    page.get_by_role("button", name="Resolve").click()
    expect(messages(page)).to_contain_text(f"Resolved: {Outcome.YES.label}.")
    expect(page.locator(".field-status .readonly")).to_have_text("Resolved")

    # Its history: who, when to the second, from what to what, why; as wide as the screen.
    page.get_by_role("link", name="History").click()
    latest = page.locator("#change-history > li").first
    expect(latest.locator(".history-who")).to_have_text("by reviewer")
    expect(latest.locator("time")).to_have_text(re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+$"))
    expect(latest).to_contain_text("Resolved: did the claim come true? yes")
    expect(latest.locator(".history-changes")).to_contain_text(EVIDENCE_URL)
    expect(page.locator("#change-history")).not_to_contain_text("None")
    expect(page.locator("#change-history")).not_to_contain_text("Deleted user")
    _fits(page, width)
    screenshot("history")

    # Snooze the other one from its own page, with a reason.
    new_date = local_today() + datetime.timedelta(days=45)
    page.goto(links[to_snooze.pk])
    page.get_by_role("link", name="Snooze: postpone the review").click()
    expect(page.get_by_role("heading", name="Snooze: postpone the review")).to_be_visible()
    page.get_by_label("New review date:").fill(new_date.isoformat())
    page.get_by_label("Reason:").fill(REASON)
    _fits(page, width)
    screenshot("snooze-form")
    page.get_by_role("button", name="Snooze").click()
    expect(messages(page)).to_contain_text(f"Snoozed until {new_date:%d %B %Y}.")
    expect(page.locator("#id_review_on, .field-review_on .readonly").first).to_be_visible()

    # The due list: the reviewer's own queue (theirs and nobody's), most overdue first.
    page.goto("/admin/")
    page.locator(".hindsight-summary").get_by_role("link", name="Due for review", exact=True).click()
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text(oldest.claim)
    expect(rows.nth(1)).to_contain_text(unassigned.claim)
    first = changelist_row(page, oldest.claim)
    expect(first.locator("td.field-days_overdue_display")).to_have_text("10 days")
    _on_screen(page, first.get_by_role("link", name=oldest.claim), width)
    _on_screen(page, first.locator("td.field-days_overdue_display strong"), width)
    _on_screen(page, first.get_by_role("link", name="Resolve"), width)
    _fits(page, width)
    # Every column it shows fits on the screen, beside the filters on a laptop: none is cut off.
    table_width, box_width = page.evaluate(
        "(() => { const r = document.querySelector('#changelist .results'); return [r.scrollWidth, r.clientWidth]; })()"
    )
    assert table_width <= box_width, f"the due list's table is {table_width} px wide in a {box_width} px box"
    screenshot("due-list")

    resolved, snoozed = Forecast.objects.get(pk=to_resolve.pk), Forecast.objects.get(pk=to_snooze.pk)
    assert (resolved.status, resolved.outcome, resolved.resolved_by) == (Status.RESOLVED, Outcome.YES, reviewer)
    assert (snoozed.status, snoozed.review_on) == (Status.OPEN, new_date)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_bulk_resolve_gives_each_selected_forecast_its_own_outcome(page: Page, screenshot, width):
    page.set_viewport_size({"width": width, "height": 900})
    reviewer = reviewer_member()
    grew = _due(4, "Exports to Vietnam grow in 2025", reviewer=reviewer)
    shrank = _due(3, "Imports from Japan grow in 2025", reviewer=reviewer)
    services.forecasts_flag_due()

    page.goto("/admin/")
    page.get_by_label("Username:").fill(reviewer.username)
    page.get_by_label("Password:").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.locator(".hindsight-summary").get_by_role("link", name="Due for review", exact=True).click()
    for claim in (grew.claim, shrank.claim):
        changelist_row(page, claim).locator("input.action-select").check()
    page.locator("select[name=action]").select_option(label="Resolve selected forecasts (did the claim come true?)")
    page.get_by_role("button", name="Go").click()

    expect(page.get_by_role("heading", name="Did these claims come true?")).to_be_visible()
    rows = page.locator("section.resolve-row")
    expect(rows).to_have_count(2)
    first, second = rows.filter(has_text=grew.claim), rows.filter(has_text=shrank.claim)
    first.get_by_label(Outcome.YES.label).check()
    first.get_by_label("Evidence URL:").fill(EVIDENCE_URL)
    first.get_by_label("Note:").fill("Exports to Vietnam grew 7%.")
    second.get_by_label(Outcome.NO.label).check()
    second.get_by_label("Evidence URL:").fill(EVIDENCE_URL + "/imports")
    second.get_by_label("Note:").fill("Imports from Japan fell 2%.")
    _fits(page, width)
    screenshot("bulk-resolve")
    page.get_by_role("button", name="Resolve").click()

    expect(messages(page)).to_contain_text("Resolved 2 forecast(s)")
    outcomes = dict(Forecast.objects.filter(pk__in=[grew.pk, shrank.pk]).values_list("pk", "outcome"))
    assert outcomes == {grew.pk: Outcome.YES, shrank.pk: Outcome.NO}
