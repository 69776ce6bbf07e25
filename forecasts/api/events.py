"""Thin API views for events: list, read, create and edit them, link and unlink forecasts, and
resolve an event with every forecast linked to it (services.event_resolve, as the admin does)."""

from django.db.models import Count, Q
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from config.api.exceptions import Conflict
from config.api.filters import StrictOrderingFilter
from config.api.permissions import ReadSignedInWriteWithModelPermission
from config.api.schema import FORECAST_WRITE_ERRORS, READ_ERRORS, WRITE_ERRORS, error_responses
from config.api.views import DETAIL_READ_ERRORS, ID, IdInUrl
from forecasts import services
from forecasts.models import Event, Forecast

from . import serializers as s
from .filters import EventFilter
from .permissions import CanLinkForecasts, CanResolveForecasts, hidden_statuses, visible_to
from .views import forecast_response

LINKED_FIELDS = (
    "id",
    "author_id",
    "status",
    "outcome",
    "probability",
    "event_link",
    "event_comparator",
    "event_threshold",
    "version",
)


def events_for(request):
    """Events with their tags and the number of linked forecasts this reader may see."""
    hidden = hidden_statuses(request)
    counted = ~Q(forecasts__status__in=hidden) if hidden else Q()
    return (
        Event.objects.select_related("resolved_by")
        .prefetch_related("tags")
        .annotate(forecast_count=Count("forecasts", filter=counted))
    )


def _detail(request, event: Event) -> dict:
    event = events_for(request).get(pk=event.pk)
    linked = visible_to(request, Forecast.objects.filter(event=event)).only(*LINKED_FIELDS).order_by("id")
    event.linked = list(linked)
    return s.EventDetailSerializer(event).data


class EventListCreateApi(generics.ListAPIView):
    queryset = Event.objects.all()
    serializer_class = s.EventSerializer
    permission_classes = [ReadSignedInWriteWithModelPermission]
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = EventFilter
    ordering_fields = ["id", "deadline"]

    def get_queryset(self):
        return events_for(self.request)

    @extend_schema(
        summary="List events",
        description="Events that several forecasts are about, newest first, with how many forecasts are linked.",
        responses={200: s.EventSerializer(many=True), **error_responses(*READ_ERRORS)},
    )
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    @extend_schema(
        summary="Create an event",
        description="What is predicted, once; link forecasts to it with POST /api/events/{id}/link/.",
        request=s.EventWriteSerializer,
        responses={201: s.EventDetailSerializer, **error_responses(*WRITE_ERRORS)},
    )
    def post(self, request, *args, **kwargs):
        serializer = s.EventWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        event = services.event_create(**serializer.validated_data, created_by=request.user)
        return Response(_detail(request, event), status=status.HTTP_201_CREATED)


class EventDetailApi(IdInUrl, generics.RetrieveAPIView):
    queryset = Event.objects.all()
    serializer_class = s.EventDetailSerializer
    permission_classes = [ReadSignedInWriteWithModelPermission]

    @extend_schema(
        summary="One event",
        description="With the linked forecasts: each one's id, and how its outcome follows from the event's "
        "(same claim, opposite claim, or a threshold on the event's value).",
        parameters=[ID],
        responses={200: s.EventDetailSerializer, **error_responses(*DETAIL_READ_ERRORS)},
    )
    def get(self, request, *args, **kwargs):
        return Response(_detail(request, self.get_object()))

    @extend_schema(
        summary="Edit an event",
        description="Writes only the fields sent. The resolution changes only by resolving the event.",
        parameters=[ID],
        request=s.EventUpdateSerializer,
        responses={200: s.EventDetailSerializer, **error_responses(*WRITE_ERRORS)},
    )
    def patch(self, request, *args, **kwargs):
        event = self.get_object()
        serializer = s.EventUpdateSerializer(instance=event, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        tags = data.pop("tags", None)
        services.event_update(event=event, data=data, tags=tags, changed_by=request.user)
        return Response(_detail(request, event))


class EventForecastApi(IdInUrl, generics.GenericAPIView):
    """Link or unlink one forecast, named in the body, to the event in the URL."""

    queryset = Event.objects.all()
    permission_classes = [CanLinkForecasts]

    def forecast_named(self, data: dict) -> Forecast:
        """The forecast the body names; an id with no forecast behind it is bad input."""
        forecast = Forecast.objects.filter(pk=data["forecast"]).first()
        if forecast is None:
            raise ValidationError({"forecast": [f"No forecast with id {data['forecast']}."]})
        return forecast


class EventLinkApi(EventForecastApi):
    serializer_class = s.EventLinkSerializer

    @extend_schema(
        summary="Link a forecast to the event",
        description="Says that the forecast is about this event and how its outcome follows from the event's. "
        "A forecast already linked to another event moves to this one. Linking to a resolved event resolves an "
        "open forecast at once from the event's evidence; a resolved forecast that disagrees with the event is "
        "refused with 409 (correct or unresolve it first). With `version` (the forecast's, from GET "
        "/api/forecasts/{id}/) the link is refused with 409 when the forecast changed since. Answers with the "
        "forecast.",
        parameters=[ID],
        request=s.EventLinkSerializer,
        responses={200: s.ForecastSerializer, **error_responses(*FORECAST_WRITE_ERRORS)},
    )
    def post(self, request, *args, **kwargs):
        event = self.get_object()
        serializer = s.EventLinkSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        forecast = self.forecast_named(data)
        services.forecast_link_event(
            forecast=forecast,
            event=event,
            link=data["link"],
            comparator=data["comparator"],
            threshold=data["threshold"],
            linked_by=request.user,
            expected_version=data.get("version"),
        )
        return forecast_response(forecast)


class EventUnlinkApi(EventForecastApi):
    serializer_class = s.EventUnlinkSerializer

    @extend_schema(
        summary="Unlink a forecast from the event",
        description="The forecast keeps its outcome if it has one. 409 if the forecast is not linked to this "
        "event, or changed since `version` (the forecast's). Answers with the forecast.",
        parameters=[ID],
        request=s.EventUnlinkSerializer,
        responses={200: s.ForecastSerializer, **error_responses(*FORECAST_WRITE_ERRORS)},
    )
    def post(self, request, *args, **kwargs):
        event = self.get_object()
        serializer = s.EventUnlinkSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        forecast = self.forecast_named(data)
        if forecast.event_id != event.pk:
            raise Conflict(f"Forecast {forecast.pk} is not linked to event {event.pk}.")
        services.forecast_link_event(
            forecast=forecast, event=None, linked_by=request.user, expected_version=data.get("version")
        )
        return forecast_response(forecast)


class EventResolveApi(IdInUrl, generics.GenericAPIView):
    queryset = Event.objects.all()
    serializer_class = s.EventResolveSerializer
    permission_classes = [CanResolveForecasts]

    @extend_schema(
        summary="Record whether the event happened, resolving its forecasts",
        description="Resolves the event and every open or due forecast linked to it, in one transaction, from the "
        "event's one evidence record; each forecast's outcome follows from its link. Proposed forecasts are left "
        "as they are. Refused with 409, nothing written, when the event is already resolved or a linked forecast "
        "is already resolved with an outcome the event contradicts (correct or unresolve it first).",
        parameters=[ID],
        request=s.EventResolveSerializer,
        responses={200: s.EventResolutionSerializer, **error_responses(*FORECAST_WRITE_ERRORS)},
    )
    def post(self, request, *args, **kwargs):
        event = self.get_object()
        serializer = s.EventResolveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        result = services.event_resolve(
            event=event,
            outcome=data["outcome"],
            evidence_url=data["evidence_url"],
            note=data["resolution_note"],
            value=data["resolved_value"],
            resolved_by=request.user,
        )
        return Response(
            {
                "event": _detail(request, result.event),
                "resolved": result.resolved,
                "already_resolved": result.already_resolved,
                "proposed": result.proposed,
            }
        )
