"""Which forecasts a reader sees, and who may resolve, correct and unresolve forecasts (and resolve
events), accept, reject and restore proposed ones, and link forecasts to events, over the API (the
reading and editing rules are config.api.permissions)."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from forecasts.models import UNCONFIRMED, Status


def sees_unconfirmed(request) -> bool:
    """Signed-in readers see proposed forecasts; anonymous readers see confirmed ones only: a
    proposed candidate is nobody's forecast yet, and a rejected one never is."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


def sees_rejected(request) -> bool:
    """Rejected proposals are for the people who work on forecasts: in the admin, those who may
    view forecasts there (Django's rule: the view or the change permission), so Editors and
    Reviewers, not every login."""
    user = getattr(request, "user", None)
    return bool(
        user
        and user.is_authenticated
        and (user.has_perm("forecasts.view_forecast") or user.has_perm("forecasts.change_forecast"))
    )


def hidden_statuses(request, *, asks_for_rejected: bool = False) -> tuple[str, ...]:
    """The statuses left out of what this reader gets. A rejected proposal is set aside, so it is
    in no list; it comes back only when asked for (the list's status=rejected, or one forecast by
    its id, e.g. to read its version before restoring it), and then only to those who see rejected
    proposals in the admin."""
    if not sees_unconfirmed(request):
        return UNCONFIRMED
    if asks_for_rejected and sees_rejected(request):
        return ()
    return (Status.REJECTED,)


def visible_to(request, queryset, *, asks_for_rejected: bool = False):
    hidden = hidden_statuses(request, asks_for_rejected=asks_for_rejected)
    return queryset.exclude(status__in=hidden) if hidden else queryset


class _SignedInWritesNeed(BasePermission):
    """Any signed-in user reads; a write needs every permission in `required`."""

    required: tuple[str, ...] = ()

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            return True
        return user.has_perms(self.required)


class CanResolveForecasts(_SignedInWritesNeed):
    required = ("forecasts.resolve_forecast",)


class CanDecideProposals(_SignedInWritesNeed):
    """Accepting, rejecting and restoring proposed forecasts is part of recording forecasts: the
    editor's add and change permissions, as in the admin."""

    required = ("forecasts.add_forecast", "forecasts.change_forecast")


class CanLinkForecasts(_SignedInWritesNeed):
    """Linking a forecast to an event, or unlinking it, edits the forecast: the editor's change
    permission, as in the admin, where it is a field of the forecast's form."""

    required = ("forecasts.change_forecast",)
