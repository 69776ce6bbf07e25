"""Who may do what over the API; the same Django permissions the admin uses.

Anonymous: read scorecards, events, confirmed forecasts and sources, under the anonymous
throttle (nothing, unless signed in, when SCORECARDS_PUBLIC is off). Signed in: read forecasts,
events and sources. Editors (add/change permissions): create and edit, and link forecasts to
events. Reviewers (resolve_forecast): resolve and unresolve forecasts, and resolve events.
Superusers hold every permission. Being staff grants none by itself, as in the admin: a staff
account that may only look at the admin must not write through the API.
"""

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions


def reads_are_public(request) -> bool:
    return request.method in SAFE_METHODS and settings.SCORECARDS_PUBLIC


class ReadSignedInWriteWithModelPermission(DjangoModelPermissions):
    """Reads are public with SCORECARDS_PUBLIC (else need a login); POST needs the model's add
    permission, PATCH its change permission."""

    def has_permission(self, request, view):
        if reads_are_public(request) and not (request.user and request.user.is_authenticated):
            return True
        return super().has_permission(request, view)
