"""forecasts/services/access.py: the groups' permissions, and editors' and reviewers' accounts and their invitations."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from forecasts import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _member(group):
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    return user


def test_reviewers_resolve_and_snooze_but_do_not_edit():
    _editors, reviewers = services.access_groups_ensure()
    reviewer = _member(reviewers)

    assert reviewer.has_perm("forecasts.resolve_forecast")
    assert reviewer.has_perm("forecasts.snooze_forecast")
    assert not reviewer.has_perm("forecasts.change_forecast")


def test_editors_snooze_and_edit_but_do_not_resolve():
    editors, _reviewers = services.access_groups_ensure()
    editor = _member(editors)

    assert editor.has_perm("forecasts.snooze_forecast")
    assert editor.has_perm("forecasts.change_forecast")
    assert not editor.has_perm("forecasts.resolve_forecast")


def test_ensuring_the_groups_twice_changes_nothing():
    first = [set(group.permissions.values_list("codename", flat=True)) for group in services.access_groups_ensure()]
    second = [set(group.permissions.values_list("codename", flat=True)) for group in services.access_groups_ensure()]
    assert first == second


pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_an_invited_account_is_staff_in_its_group_without_a_password(role, settings):
    user, created = services.account_invite(username="sam", email="sam@example.org", role=role)
    assert created
    assert user.is_staff and not user.is_superuser
    assert not user.has_usable_password()
    group = {"editor": settings.EDITORS_GROUP, "reviewer": settings.REVIEWERS_GROUP}[role]
    assert list(user.groups.values_list("name", flat=True)) == [group]


def test_inviting_an_existing_account_adds_the_group_and_keeps_its_password(settings):
    existing = UserFactory(username="kim", email="kim@example.org", password="an old passphrase 2026")
    user, created = services.account_invite(username="kim", email="", role="editor")
    assert not created
    assert user.pk == existing.pk
    assert user.is_staff
    assert user.check_password("an old passphrase 2026")
    assert user.email == "kim@example.org"
    assert user.groups.filter(name=settings.EDITORS_GROUP).exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"role": "admin"}, "role", "choose one of: editor, reviewer"),
        ({"email": ""}, "email", "needs an email address"),
        ({"email": "not an address"}, "email", "valid email"),
        ({"username": "bad name!"}, "username", "valid username"),
    ],
)
def test_a_bad_invitation_is_refused_and_creates_nobody(fields, field, message):
    values = {"username": "sam", "email": "sam@example.org", "role": "reviewer", **fields}
    with pytest.raises(ValidationError) as refused:
        services.account_invite(**values)
    assert message in " ".join(refused.value.message_dict[field])
    assert not get_user_model().objects.exists()


def test_the_invitation_link_sets_the_password_once(client, mailoutbox, settings):
    user, _ = services.account_invite(username="sam", email="sam@example.org", role="reviewer")
    services.invitation_send(user=user)
    (message,) = mailoutbox
    assert message.subject == "You are invited to Hindsight: set your password"
    assert message.to == ["sam@example.org"]
    html = message.alternatives[0][0]
    assert "Set your password" in html and "reviewer" in html
    link = re.search(r"https?://\S+/admin/reset/\S+/", message.body).group(0)
    assert link.startswith(settings.SITE_URL)
    path = link.removeprefix(settings.SITE_URL)

    form = client.get(path, follow=True)
    assert "Enter new password" in form.content.decode()
    assert "Hindsight" in form.content.decode()
    new = {"new_password1": "a long reviewer passphrase 2026", "new_password2": "a long reviewer passphrase 2026"}
    done = client.post(form.redirect_chain[-1][0], new, follow=True)
    assert "Your password has been set" in done.content.decode()
    assert 'href="/admin/login/"' in done.content.decode()
    user.refresh_from_db()
    assert user.check_password("a long reviewer passphrase 2026")
    again = client.get(path, follow=True)
    assert "The password reset link was invalid" in again.content.decode()


def test_an_import_account_is_a_reviewer_invited_only_when_the_import_commits(
    mailoutbox, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks() as callbacks:
        user, created = services.access.account_for_import(username="lee", email="lee@example.org")
    assert created
    assert user.groups.filter(name=settings.REVIEWERS_GROUP).exists()
    assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert [message.to for message in mailoutbox] == [["lee@example.org"]]
    again, created = services.access.account_for_import(username="lee", email="lee@example.org")
    assert (again.pk, created) == (user.pk, False)
