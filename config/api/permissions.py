"""Who may do what over the API; the same Django permissions the admin uses.

Anonymous: scorecards only (unless SCORECARDS_PUBLIC is off). Signed in: read forecasts and
sources. Editors (add/change permissions): create and edit. Reviewers (resolve_forecast):
resolve and unresolve. Superusers hold every permission. Being staff grants none by itself, as in
the admin: a staff account that may only look at the admin must not write through the API.
"""

from rest_framework.permissions import DjangoModelPermissions


class ReadSignedInWriteWithModelPermission(DjangoModelPermissions):
    """Reads need a login; POST needs the model's add permission, PATCH its change permission."""
