"""GET /api/: where each part of the API is, as absolute URLs (the entry point a client or a
person in the browsable API starts from)."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

ENDPOINTS = {
    "forecasts": "api-forecast-list",
    "events": "api-event-list",
    "sources": "api-source-list",
    "scorecards": "api-scorecards",
    "schema": "api-schema",
    "docs": "api-docs",
}


class ApiRoot(APIView):
    """The API's endpoints. Anyone may read this list; each endpoint checks its own permissions."""

    permission_classes = [AllowAny]

    # Navigation, not an operation: the schema it links to documents the operations.
    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        # Django's reverse, not DRF's: DRF's carries this request's ?format=api onto every link,
        # and the schema and its docs page know no such format (404).
        return Response({name: request.build_absolute_uri(reverse(url)) for name, url in ENDPOINTS.items()})
