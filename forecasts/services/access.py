"""Groups and permissions: who may do what, as Django permissions so the admin and the API agree;
the accounts of editors and reviewers and their invitations; and the local run's admin login."""

import logging
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from sources import services as source_services

logger = logging.getLogger(__name__)

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


# Accounts for the people who do the work: staff (they work in the admin), in their role's group,
# and without a password until they set one through the invitation's link.


def role_groups() -> dict[str, str]:
    """The roles an account can be invited to, and the group each one is."""
    return {"editor": settings.EDITORS_GROUP, "reviewer": settings.REVIEWERS_GROUP}


@transaction.atomic
def account_invite(*, username: str, email: str, role: str) -> tuple[AbstractBaseUser, bool]:
    """Create a staff account in the role's group, without a password (or add an existing one to
    the group). Returns the account and whether it is new; the caller then sends
    invitation_send, whose link sets the password (for an existing account, a new one)."""
    groups = role_groups()
    if role not in groups:
        raise ValidationError({"role": f"'{role}' is not a role; choose one of: {', '.join(groups)}."})
    user_model = get_user_model()
    user = user_model.objects.select_for_update().filter(**{user_model.USERNAME_FIELD: username}).first()
    created = user is None
    if created:
        user = user_model(**{user_model.USERNAME_FIELD: username}, email=email, is_staff=True)
        user.set_unusable_password()
    else:
        user.is_staff = True
        user.email = email or user.email
    if not user.email:
        raise ValidationError({"email": "An invitation needs an email address."})
    user.full_clean(exclude=["password"] if created else None)
    user.save()
    _join_role(user, groups[role])
    return user, created


def account_for_import(*, username: str, email: str) -> tuple[AbstractBaseUser, bool]:
    """The reviewer account an import names: found, or created as account_invite creates one
    (Reviewers group, staff, invited once the import commits). Safe when two imports race."""
    user_model = get_user_model()
    user = user_model(**{user_model.USERNAME_FIELD: username}, email=email, is_staff=True)
    user.set_unusable_password()
    user, created = source_services.insert_or_get(user, **{user_model.USERNAME_FIELD: username})
    if created:
        _join_role(user, role_groups()["reviewer"])
        if user.email:
            invitation_send_on_commit(user=user)
    return user, created


def _join_role(user, group_name: str) -> None:
    access_groups_ensure()
    user.groups.add(Group.objects.get(name=group_name))


def invitation_send_on_commit(*, user: AbstractBaseUser) -> None:
    # Sent only once the account is really stored; a failed delivery is logged (robust) and the
    # account stays: `manage.py invite_user` sends the invitation again.
    user_pk = user.pk
    transaction.on_commit(lambda: invitation_send(user=get_user_model().objects.get(pk=user_pk)), robust=True)


def invitation_send(*, user: AbstractBaseUser) -> None:
    """Email the account a link to set its password (Django's password-reset token)."""
    try:
        invitation_message(user=user).send()
    except Exception:
        logger.exception("The invitation to %s could not be sent", user.get_username())
        raise


def invitation_message(*, user: AbstractBaseUser) -> EmailMultiAlternatives:
    role_names = dict.fromkeys(name for name in user.groups.values_list("name", flat=True))
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {
        "user": user,
        "roles": list(role_names),
        "is_reviewer": settings.REVIEWERS_GROUP in role_names,
        "is_editor": settings.EDITORS_GROUP in role_names,
        "set_password_url": settings.SITE_URL + path,
        "login_url": settings.SITE_URL + reverse("admin:login"),
        "site_url": settings.SITE_URL,
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    }
    message = EmailMultiAlternatives(
        subject="You are invited to Hindsight: set your password",
        body=render_to_string("forecasts/email/invitation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )
    message.attach_alternative(render_to_string("forecasts/email/invitation.html", context), "text/html")
    return message
