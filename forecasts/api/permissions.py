"""Who may do what over the API; the same Django permissions the admin uses.

Anonymous: scorecards only (unless SCORECARDS_PUBLIC is off). Signed in: read forecasts and
sources. Editors (add/change permissions): create and edit. Reviewers (resolve_forecast):
resolve and unresolve. Staff: everything.
"""

from rest_framework.permissions import SAFE_METHODS, BasePermission, DjangoModelPermissions


def _is_staff(user) -> bool:
    return bool(user and user.is_authenticated and user.is_staff)


class ReadSignedInWriteWithModelPermission(DjangoModelPermissions):
    """Reads need a login; POST needs the model's add permission, PATCH its change permission."""

    def has_permission(self, request, view):
        return _is_staff(request.user) or super().has_permission(request, view)


class CanResolveForecasts(BasePermission):
    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if request.method in SAFE_METHODS:
            return True
        return user.is_staff or user.has_perm("forecasts.resolve_forecast")
