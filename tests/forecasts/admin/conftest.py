"""Staff accounts by role for the admin tests."""

import pytest
from django.contrib.auth.models import Group

from forecasts import services
from tests.factories import StaffFactory, UserFactory


def _member(username: str, group: str):
    services.access_groups_ensure()
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(settings):
    return _member("editor", settings.EDITORS_GROUP)


@pytest.fixture
def reviewer(settings):
    return _member("reviewer", settings.REVIEWERS_GROUP)


@pytest.fixture
def users(editor, reviewer):
    staffonly = UserFactory(username="staffonly", is_staff=True)
    return {"su": StaffFactory(username="su"), "editor": editor, "reviewer": reviewer, "staffonly": staffonly}
