"""An editor, added by invitation, pastes an article into the admin's import page, reviews the
proposed forecasts side by side, is refused Accept while the drafts are unfinished, edits and
accepts two (they become open) and rejects the third after confirming, undoes the rejection
and rejects it again; at a laptop's and a phone's width, with no serious accessibility violation
on the way."""

import pytest
from playwright.sync_api import Page, expect

from forecasts.models import Forecast, Status
from tests.e2e.accessibility import blocking_violations
from tests.e2e.steps import LAPTOP, PHONE, join_by_invitation, messages, sign_in

pytestmark = pytest.mark.e2e

ARTICLE = """Harbour towns brace for a quieter tourist season

By Maria Lindqvist

March 3, 2025

Ferry bookings to the islands fell sharply this winter, and operators are cautious about the months ahead.

Passenger numbers on the main ferry routes will very likely stay below their 2019 level this year, \
the operators' association says.

The regional council will probably approve the new harbour bridge by June.

There is a 20% chance that a second ferry operator leaves the market within six months.

Maria Lindqvist is a fellow at the Nordic Coastal Institute.
"""
PUBLICATION = "Coastal Review"
# Words of each forecast's claim, as the extractor words it from the sentence above.
FERRY_ROUTES = "Passenger numbers on the main ferry routes will stay below their 2019 level"
BRIDGE = "The regional council will approve the new harbour bridge by June"
OPERATOR = "A second ferry operator leaves the market within six months"


FINISHED_CRITERIA = {
    FERRY_ROUTES: "Resolves yes if the operators' association reports fewer passengers on the main routes in "
    "2025 than in 2019; otherwise no.",
    BRIDGE: "Resolves yes if the regional council's minutes record approval of the harbour bridge on or before "
    "2025-06-30; otherwise no.",
}


def card(page: Page, claim: str):
    return page.locator("article.proposal").filter(has_text=claim)


def fits_the_screen(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280px", "390px"])
def test_an_editor_imports_reviews_edits_accepts_and_rejects_proposals(page: Page, screenshot, viewport):
    page.set_viewport_size(viewport)
    # An Editors member as the README adds one (invite_user): a superuser would hide a missing permission.
    join_by_invitation(page, "editor", "editor")
    sign_in(page, "editor")
    page.locator("tr.model-forecast").get_by_role("link", name="Forecasts", exact=True).click()
    page.get_by_role("link", name="Import article").click()
    page.get_by_label("Text:").fill(ARTICLE)
    page.get_by_label("Publication:").fill(PUBLICATION)
    assert blocking_violations(page) == []
    screenshot("import-form")
    page.get_by_role("button", name="Import").click()

    expect(messages(page)).to_contain_text("Article stored; 3 forecasts proposed.")
    expect(page.get_by_role("heading", name="Harbour towns brace for a quieter tourist season")).to_be_visible()
    expect(page.get_by_text(f"Maria Lindqvist, {PUBLICATION}, 2025-03-03")).to_be_visible()
    candidates = page.locator("#candidates tbody tr")
    expect(candidates).to_have_count(3)
    for claim in (FERRY_ROUTES, BRIDGE, OPERATOR):
        expect(candidates.filter(has_text=claim)).to_have_count(1)
    expect(candidates.filter(has_text="20% chance")).to_contain_text("0.2")
    screenshot("candidates")

    # Side by side: the quote, the claim, the drafted criteria, the deadline and what is left to do.
    page.get_by_role("link", name="Review the proposed forecasts").click()
    expect(page.locator("article.proposal")).to_have_count(3)
    ferry = card(page, FERRY_ROUTES)
    expect(ferry.locator("blockquote")).to_contain_text("Passenger numbers on the main ferry routes")
    expect(ferry.locator(".proposal-criteria")).to_contain_text("Resolves yes if")
    expect(ferry.locator(".proposal-deadline")).to_have_text("2025-12-31")
    expect(ferry.locator(".proposal-notes")).to_contain_text("Drafted automatically")
    assert blocking_violations(page) == []
    assert fits_the_screen(page)
    screenshot("proposals")

    # Accept is refused while the drafts still carry notes for the editor; nothing changes.
    ferry.get_by_role("checkbox").check()
    card(page, BRIDGE).get_by_role("checkbox").check()
    page.get_by_role("button", name="Accept selected").click()
    expect(messages(page)).to_contain_text("cannot be accepted yet")
    expect(messages(page)).to_contain_text("Nothing was accepted.")
    expect(page.locator("article.proposal")).to_have_count(3)
    screenshot("accept-refused")

    # The editor finishes each draft on its change page, then accepts it from its card.
    for claim, criteria in FINISHED_CRITERIA.items():
        card(page, claim).get_by_role("link", name="Edit").click()
        page.get_by_label("Resolution criteria:").fill(criteria)
        page.get_by_role("button", name="Save", exact=True).click()
        expect(messages(page)).to_contain_text("was changed successfully")
        page.get_by_role("link", name="Review proposals").click()
        expect(card(page, claim).locator(".proposal-ready")).to_have_text("Ready to accept.")
        card(page, claim).get_by_role("button", name="Accept").click()
        expect(messages(page)).to_contain_text("Accepted 1 proposed forecast(s): they are open.")
        expect(card(page, claim)).to_have_count(0)
    screenshot("accepted")

    # Reject asks first, naming what will be deleted.
    card(page, OPERATOR).get_by_role("button", name="Reject…").click()
    expect(page.get_by_role("heading", name="Reject proposed forecasts?")).to_be_visible()
    expect(page.locator(".reject-list")).to_contain_text(OPERATOR)
    assert blocking_violations(page) == []
    screenshot("reject-confirmation")
    page.get_by_role("button", name="Yes, reject 1").click()
    expect(messages(page)).to_contain_text("Rejected 1 proposed forecast(s); they are kept")
    expect(page.get_by_text("No proposed forecasts are waiting.")).to_be_visible()
    screenshot("rejected")

    # Nothing is lost: the message undoes the rejection, after naming what comes back.
    messages(page).get_by_role("link", name="Undo: restore it").click()
    expect(page.get_by_role("heading", name="Restore rejected proposals?")).to_be_visible()
    expect(page.locator(".reject-list")).to_contain_text(OPERATOR)
    assert blocking_violations(page) == []
    assert fits_the_screen(page)
    screenshot("restore-confirmation")
    page.get_by_role("button", name="Yes, restore 1").click()
    expect(messages(page)).to_contain_text("Restored 1 rejected proposal(s)")
    expect(card(page, OPERATOR)).to_have_count(1)

    card(page, OPERATOR).get_by_role("button", name="Reject…").click()
    page.get_by_role("button", name="Yes, reject 1").click()
    expect(page.get_by_text("No proposed forecasts are waiting.")).to_be_visible()

    article = Forecast.objects.filter(source__publication__name=PUBLICATION, author__name="Maria Lindqvist")
    assert sorted(article.values_list("status", flat=True)) == [Status.OPEN, Status.OPEN, Status.REJECTED]
