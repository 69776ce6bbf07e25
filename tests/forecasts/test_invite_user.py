"""`manage.py invite_user`: the documented way to add an editor or a reviewer."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_invite_user_creates_the_account_and_emails_the_invitation(mailoutbox, settings):
    out = io.StringIO()
    call_command("invite_user", "eve", "--email", "eve@example.org", "--role", "editor", stdout=out)
    user = get_user_model().objects.get(username="eve")
    assert user.groups.filter(name=settings.EDITORS_GROUP).exists()
    assert "Created eve (editor, group Editors)." in out.getvalue()
    assert "Invitation sent to eve@example.org" in out.getvalue()
    assert [message.to for message in mailoutbox] == [["eve@example.org"]]


def test_invite_user_without_an_address_says_why_and_creates_nobody():
    with pytest.raises(CommandError, match=r"Nobody was invited: email: An invitation needs an email address\."):
        call_command("invite_user", "eve", "--role", "reviewer", stdout=io.StringIO())
    assert not get_user_model().objects.exists()


def test_a_failed_delivery_keeps_the_account_and_says_how_to_send_again(settings):
    settings.EMAIL_BACKEND = "tests.forecasts.test_invite_user.FailingBackend"
    with pytest.raises(CommandError, match=r"could not be sent .*run this command again"):
        call_command("invite_user", "eve", "--email", "eve@example.org", "--role", "reviewer", stdout=io.StringIO())
    assert get_user_model().objects.filter(username="eve").exists()


class FailingBackend:
    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")
