"""Which forecasts a reader sees, and who may resolve, correct and unresolve forecasts (and resolve
events), accept proposed ones, and link forecasts to events, over the API (the reading and editing
rules are config.api.permissions)."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from forecasts.models import UNCONFIRMED


def sees_unconfirmed(request) -> bool:
    """Signed-in readers see every forecast; anonymous readers see confirmed ones only: a proposed
    candidate is nobody's forecast yet, and a rejected one never is."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


def visible_to(request, queryset):
    return queryset if sees_unconfirmed(request) else queryset.exclude(status__in=UNCONFIRMED)


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
    """Accepting a proposed forecast is part of recording forecasts: the editor's add and change
    permissions, as in the admin."""

    required = ("forecasts.add_forecast", "forecasts.change_forecast")


class CanLinkForecasts(_SignedInWritesNeed):
    """Linking a forecast to an event, or unlinking it, edits the forecast: the editor's change
    permission, as in the admin, where it is a field of the forecast's form."""

    required = ("forecasts.change_forecast",)
