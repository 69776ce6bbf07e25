import logging

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


@never_cache  # a cached "ok" from a proxy would hide an outage
@require_safe
def healthz(request):
    """Liveness: the process answers and the database is reachable."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # any database failure means "not healthy", never a 500 page
        logger.warning("Health check failed: database unreachable (%s)", exc.__class__.__name__)
        return JsonResponse({"status": "error", "database": exc.__class__.__name__}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_safe
def home(request):
    """The site's front door: the public scorecards, or the admin (its sign-in) when they are private."""
    return redirect(reverse("scorecards:index") if settings.SCORECARDS_PUBLIC else reverse("admin:index"))


@require_safe
def favicon(request):
    """Browsers ask for /favicon.ico whatever a page links; send them to the static icon."""
    return redirect(static("favicon.svg"), permanent=True)


admin.site.site_header = "Hindsight"
admin.site.site_title = "Hindsight"
admin.site.index_title = "Forecasts, outcomes and scorecards"
# The index and the breadcrumbs are enough navigation; the sidebar squeezes the forecast list.
admin.site.enable_nav_sidebar = False
# "View site" on every admin page: the front door, which leads to a real page.
admin.site.site_url = "/"

# The password pages look like the rest of the admin: its header and title.
_ADMIN_LOOK = {"site_header": admin.site.site_header, "site_title": admin.site.site_title}


class PasswordSetView(auth_views.PasswordResetCompleteView):
    """ "Your password has been set", with its sign-in link to the admin (LOGIN_URL is the API's)."""

    extra_context = _ADMIN_LOOK

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "login_url": reverse("admin:login")}


urlpatterns = [
    path("", home, name="home"),
    # Browsers ask for /favicon.ico whatever the page links; answer with the static icon.
    path("favicon.ico", favicon, name="favicon"),
    # Setting a password from an invitation, and "Forgotten your password?" on the sign-in page:
    # Django's password-reset views with the admin's own templates. The reset form emails only
    # accounts that have a password; an invited account's link comes from its invitation.
    path(
        "admin/password_reset/",
        auth_views.PasswordResetView.as_view(extra_context=_ADMIN_LOOK),
        name="admin_password_reset",
    ),
    path(
        "admin/password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(extra_context=_ADMIN_LOOK),
        name="password_reset_done",
    ),
    path(
        "admin/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(extra_context=_ADMIN_LOOK),
        name="password_reset_confirm",
    ),
    path("admin/reset/done/", PasswordSetView.as_view(), name="password_reset_complete"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("forecasts.public.urls")),
    path("scorecards/", include("forecasts.urls")),
    path("api/", include("config.api.urls")),
]
