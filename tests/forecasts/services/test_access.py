"""The groups' permissions: each role can do its whole job and no more."""

import pytest

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
