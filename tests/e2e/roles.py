"""The people of the browser tests, set up as the README sets them up: the groups come from
`migrate` (services.access_groups_ensure), the account is an ordinary staff login in one of them.
Never a superuser, which would hide a missing permission."""

from django.contrib.auth import get_user_model

from forecasts import services
from tests.e2e.steps import PASSWORD


def reviewer_member(username: str = "reviewer", password: str = PASSWORD):
    _editors, reviewers = services.access_groups_ensure()
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=password, is_staff=True
    )
    user.groups.add(reviewers)
    return user
