"""Thin API views for articles: validate with an input serializer, call sources.services, answer
with an output serializer."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.response import Response

from config.api.filters import StrictOrderingFilter
from config.api.permissions import ReadSignedInWriteWithModelPermission
from config.api.schema import READ_ERRORS, WRITE_ERRORS, error_responses
from config.api.views import DETAIL_READ_ERRORS, ID, IdInUrl
from sources import services as source_services
from sources.models import Source

from . import serializers as s
from .filters import SourceFilter


class SourceListCreateApi(generics.ListAPIView):
    queryset = Source.objects.select_related("publication").prefetch_related("authors")
    serializer_class = s.SourceSerializer
    permission_classes = [ReadSignedInWriteWithModelPermission]
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = SourceFilter
    ordering_fields = ["id", "published_on"]

    @extend_schema(
        summary="List articles",
        responses={200: s.SourceSerializer(many=True), **error_responses(*READ_ERRORS)},
    )
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    @extend_schema(
        summary="Store an article",
        description="The same text is stored once: posting it again answers 200 with the stored article.",
        request=s.SourceCreateSerializer,
        responses={
            201: OpenApiResponse(s.SourceDetailSerializer, description="Stored."),
            200: OpenApiResponse(s.SourceDetailSerializer, description="Already stored (same text)."),
            **error_responses(*WRITE_ERRORS),
        },
    )
    def post(self, request, *args, **kwargs):
        serializer = s.SourceCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        source, created = source_services.source_record(
            title=data["title"],
            text=data["text"],
            published_on=data["published_on"],
            url=data["url"],
            publication_name=data["publication"],
            author_names=data["authors"],
            note=data["note"],
        )
        body = s.SourceDetailSerializer(self.get_queryset().get(pk=source.pk)).data
        return Response(body, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class SourceDetailApi(IdInUrl, generics.RetrieveAPIView):
    queryset = Source.objects.select_related("publication").prefetch_related("authors")
    serializer_class = s.SourceDetailSerializer

    def get_serializer_class(self):
        # The article's full text is the publisher's; anonymous readers get the reference only.
        if not self.request.user.is_authenticated:
            return s.SourceSerializer
        return super().get_serializer_class()

    permission_classes = [ReadSignedInWriteWithModelPermission]

    @extend_schema(
        summary="One article",
        parameters=[ID],
        responses={200: s.SourceDetailSerializer, **error_responses(*DETAIL_READ_ERRORS)},
    )
    def get(self, request, *args, **kwargs):
        return self.retrieve(request, *args, **kwargs)

    @extend_schema(
        summary="Edit an article's description",
        parameters=[ID],
        request=s.SourceUpdateSerializer,
        responses={200: s.SourceDetailSerializer, **error_responses(*WRITE_ERRORS)},
    )
    def patch(self, request, *args, **kwargs):
        source = self.get_object()
        serializer = s.SourceUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        source_services.source_update(
            source=source,
            data={name: data[name] for name in ("title", "published_on", "url", "note") if name in data},
            publication_name=data.get("publication"),
            author_names=data.get("authors"),
        )
        return Response(s.SourceDetailSerializer(self.get_queryset().get(pk=source.pk)).data)
