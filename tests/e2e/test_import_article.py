"""An editor pastes an article into the admin's import page, sees the proposed forecasts,
accepts two (they become open) and rejects the third."""

import pytest
from playwright.sync_api import Page, expect

from forecasts import services
from forecasts.models import Forecast, Status
from tests.e2e.steps import PASSWORD, changelist_row, messages, run_action, sign_in
from tests.factories import StaffFactory

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


def test_importing_an_article_proposes_forecasts_that_an_editor_accepts_or_rejects(page: Page, screenshot):
    # A real member of Editors, as the README sets one up: a superuser would hide a missing permission.
    editors, _ = services.access_groups_ensure()
    editor = StaffFactory(username="editor", password=PASSWORD, is_superuser=False)
    editor.groups.add(editors)

    sign_in(page, editor.username)
    page.locator("tr.model-forecast").get_by_role("link", name="Forecasts", exact=True).click()
    page.get_by_role("link", name="Import article").click()
    page.get_by_label("Text:").fill(ARTICLE)
    page.get_by_label("Publication:").fill(PUBLICATION)
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

    page.get_by_role("link", name="Review the proposed forecasts").click()
    proposed = page.locator("#result_list tbody tr")
    expect(proposed).to_have_count(3)
    run_action(
        page,
        [changelist_row(page, FERRY_ROUTES), changelist_row(page, BRIDGE)],
        "Accept selected proposed forecasts (they become open)",
    )
    expect(messages(page)).to_contain_text("Accepted 2 proposed forecasts.")
    # Still filtered to proposed: only the third is left to decide.
    expect(proposed).to_have_count(1)
    expect(proposed).to_contain_text(OPERATOR)
    screenshot("accepted")

    run_action(page, [changelist_row(page, OPERATOR)], "Reject selected proposed forecasts (delete them)")
    expect(messages(page)).to_contain_text("Rejected 1 proposed forecasts.")
    expect(page.get_by_text(OPERATOR)).to_have_count(0)
    screenshot("rejected")

    page.locator("#changelist-filter").get_by_role("link", name="Open", exact=True).click()
    opened = page.locator("#result_list tbody tr")
    expect(opened).to_have_count(2)
    for claim in (FERRY_ROUTES, BRIDGE):
        expect(changelist_row(page, claim).locator("td.field-status_display")).to_have_text("open")
    screenshot("open-forecasts")

    assert set(Forecast.objects.values_list("status", flat=True)) == {Status.OPEN}
    assert Forecast.objects.filter(source__publication__name=PUBLICATION, author__name="Maria Lindqvist").count() == 2
