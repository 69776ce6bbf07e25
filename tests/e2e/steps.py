"""What a person does in the admin, as browser steps shared by the end-to-end tests."""

import re

from django.conf import settings
from django.core import mail
from playwright.sync_api import Locator, Page, expect

from forecasts import services

PASSWORD = "a long reviewer passphrase 2026"
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}


def join_by_invitation(page: Page, username: str, role: str) -> None:
    """An editor or reviewer as the README adds one: `invite_user`'s service creates the account
    and emails the invitation; the person follows its link and sets a password."""
    user, _ = services.account_invite(username=username, email=f"{username}@example.org", role=role)
    services.invitation_send(user=user)
    link = re.search(r"https?://\S+/admin/reset/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link.removeprefix(settings.SITE_URL))  # the live server is not SITE_URL
    page.get_by_label("New password:").fill(PASSWORD)
    page.get_by_label("Confirm password:").fill(PASSWORD)
    page.get_by_role("button", name="Change my password").click()
    expect(page.get_by_text("Your password has been set")).to_be_visible()


def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Open the admin, get sent to its login form, type the credentials and sign in."""
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Username:").fill(username)
    page.get_by_label("Password:").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Needs attention")).to_be_visible()


def changelist_row(page: Page, text: str) -> Locator:
    return page.locator("#result_list tbody tr").filter(has_text=text)


def run_action(page: Page, rows: list[Locator], action: str) -> None:
    """Tick the rows' checkboxes, pick the action in the drop-down and press Go."""
    for row in rows:
        row.locator("input.action-select").check()
    page.locator("select[name=action]").select_option(label=action)
    page.get_by_role("button", name="Go").click()


def stat(page: Page, name: str) -> Locator:
    """The value under a heading of a scorecard's summary ("Scored", "Brier score", ...)."""
    return page.locator("dl.stats > div").filter(has=page.get_by_text(name, exact=True)).locator("dd:not(.explain)")


def messages(page: Page) -> Locator:
    return page.locator("ul.messagelist")
