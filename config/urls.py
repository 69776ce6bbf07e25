import logging

from django.conf import settings
from django.contrib import admin
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

urlpatterns = [
    path("", home, name="home"),
    # Browsers ask for /favicon.ico whatever the page links; answer with the static icon.
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("", include("forecasts.public.urls")),
    path("scorecards/", include("forecasts.urls")),
    path("api/", include("config.api.urls")),
]
