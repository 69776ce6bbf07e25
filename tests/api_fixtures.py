"""API clients per role, shared by the API tests of every app (imported by their conftest.py)."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import StaffFactory, UserFactory


def _client_for(user) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def _member_of(group_name: str, username: str):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def reader(db):
    return UserFactory(username="reader")


@pytest.fixture
def editor(db):
    return _member_of(settings.EDITORS_GROUP, "editor")


@pytest.fixture
def reviewer(db):
    return _member_of(settings.REVIEWERS_GROUP, "reviewer")


@pytest.fixture
def staff(db):
    # Staff without superuser rights or permissions: may read, like any login, but not write.
    return StaffFactory(username="api-staff", is_superuser=False)


@pytest.fixture
def superuser(db):
    return StaffFactory(username="api-superuser")


@pytest.fixture
def api(db, reader, editor, reviewer, staff, superuser):
    """Clients by role: api["anonymous"], api["reader"], api["editor"], api["reviewer"], api["staff"],
    api["superuser"]."""
    return {
        "anonymous": _client_for(None),
        "reader": _client_for(reader),
        "editor": _client_for(editor),
        "reviewer": _client_for(reviewer),
        "staff": _client_for(staff),
        "superuser": _client_for(superuser),
    }
