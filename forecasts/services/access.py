"""Groups and permissions: who may do what, as Django permissions so the admin and the API agree;
and the local run's admin login."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

# Who may do what, as Django permissions so the admin and the API agree. Editors record and
# edit forecasts and articles; reviewers record what happened.
EDITOR_PERMISSIONS = (
    "forecasts.view_forecast",
    "forecasts.add_forecast",
    "forecasts.change_forecast",
    "forecasts.snooze_forecast",
    "forecasts.view_tag",
    "forecasts.add_tag",
    "forecasts.change_tag",
    "forecasts.view_event",
    "forecasts.add_event",
    "forecasts.change_event",
    "sources.view_source",
    "sources.add_source",
    "sources.change_source",
    "sources.view_author",
    "sources.add_author",
    "sources.change_author",
    "sources.view_publication",
    "sources.add_publication",
    "sources.change_publication",
)
REVIEWER_PERMISSIONS = (
    "forecasts.view_forecast",
    "forecasts.resolve_forecast",
    "forecasts.snooze_forecast",
    "forecasts.view_tag",
    # Resolving an event resolves its forecasts: the same permission as resolving one.
    "forecasts.view_event",
    "sources.view_source",
    "sources.view_author",
    "sources.view_publication",
)


@transaction.atomic
def access_groups_ensure() -> list[Group]:
    """Create the editors' and reviewers' groups if missing and grant their permissions.

    Only adds: a group or permission an administrator set up stays as it is.
    """
    groups = []
    for name, perms in (
        (settings.EDITORS_GROUP, EDITOR_PERMISSIONS),
        (settings.REVIEWERS_GROUP, REVIEWER_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        for perm in perms:
            app_label, codename = perm.split(".")
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            # Missing only while migrations are half applied; the next migrate adds it.
            if permission is not None:
                group.permissions.add(permission)
        groups.append(group)
    return groups


@transaction.atomic
def admin_login_ensure(*, username: str, known_password: str = "", reset: bool = False) -> str | None:
    """Make sure the local run's superuser exists. Returns its password when this call set one
    (a new login, or `reset`), `known_password` when that still works, and None when the login
    exists with a password nobody here knows (the caller says how to reset it)."""
    user_model = get_user_model()
    user = user_model.objects.select_for_update().filter(username=username).first()
    if user is None:
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(username=username, email=f"{username}@localhost", password=password)
        return password
    if reset:
        password = secrets.token_urlsafe(12)
        user.set_password(password)
        user.save(update_fields=["password"])
        return password
    if known_password and user.check_password(known_password):
        return known_password
    return None
