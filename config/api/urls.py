"""/api/: each app's endpoints, the OpenAPI schema and its docs page."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

urlpatterns = [
    path("", include("forecasts.api.urls")),
    path("", include("sources.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    # Log in and out of the browsable API.
    path("auth/", include("rest_framework.urls", namespace="rest_framework")),
]
