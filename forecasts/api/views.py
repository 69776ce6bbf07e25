"""Thin API views: validate with an input serializer, call a service or a QuerySet, answer
with an output serializer. Errors take the one shape of config.api.exceptions."""

from django.conf import settings
from django.db import transaction
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from config.api.exceptions import Conflict, PreconditionMalformed
from config.api.filters import StrictOrderingFilter
from config.api.permissions import ReadSignedInWriteWithModelPermission
from config.api.schema import FORECAST_WRITE_ERRORS, READ_ERRORS, WRITE_ERRORS, error_responses
from config.api.views import DETAIL_READ_ERRORS, ID, IdInUrl
from forecasts import comparisons, scorecards, services, slices
from forecasts.models import Forecast, Status

from . import serializers as s
from .filters import ForecastFilter
from .permissions import CanDecideProposals, CanResolveForecasts, visible_to


class ForecastListCreateApi(generics.ListAPIView):
    queryset = Forecast.objects.with_related().prefetch_related("tags")

    def get_queryset(self):
        # A list holds rejected proposals only when the reader filters for them.
        asks = self.request.query_params.get("status") == Status.REJECTED
        return visible_to(self.request, super().get_queryset(), asks_for_rejected=asks)

    serializer_class = s.ForecastSerializer
    permission_classes = [ReadSignedInWriteWithModelPermission]
    filter_backends = [DjangoFilterBackend, StrictOrderingFilter]
    filterset_class = ForecastFilter
    ordering_fields = ["id", "review_on", "deadline", "made_on"]

    @extend_schema(
        summary="List forecasts",
        description="Anonymous readers get confirmed forecasts only; signed-in readers proposed ones too. "
        "Rejected proposals are in no list but the one filtered with `status=rejected`, and only for readers "
        "who may view forecasts in the admin (Editors, Reviewers).",
        responses={200: s.ForecastSerializer(many=True), **error_responses(*READ_ERRORS)},
    )
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    @extend_schema(
        summary="Record a forecast",
        request=s.ForecastCreateSerializer,
        responses={201: s.ForecastSerializer, **error_responses(*WRITE_ERRORS)},
    )
    def post(self, request, *args, **kwargs):
        serializer = s.ForecastCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        forecast = services.forecast_create(**serializer.validated_data, recorded_by=request.user)
        return Response(self._output(forecast), status=status.HTTP_201_CREATED)

    def _output(self, forecast: Forecast) -> dict:
        return s.ForecastSerializer(self.get_queryset().get(pk=forecast.pk)).data


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=False,
    description='The ETag of the forecast as read (its version, e.g. "3"); same effect as `version` in the body.',
)


def etag(forecast: Forecast) -> str:
    return f'"{forecast.version}"'


def expected_version(request, data: dict) -> int | None:
    """The version the client read: `version` in the body or an If-Match ETag (they must agree)."""
    body_version = data.pop("version", None)
    header = request.headers.get("If-Match", "").strip()
    header_version = None
    if header and header != "*":
        tag = header.removeprefix("W/").strip('"')
        if not (tag.isascii() and tag.isdigit()) or len(tag) > 10 or "," in header:
            raise PreconditionMalformed()
        header_version = int(tag)
    if body_version is not None and header_version is not None and body_version != header_version:
        raise ValidationError({"version": ["The body's version and the If-Match header disagree."]})
    return body_version if body_version is not None else header_version


class ForecastDetailApi(IdInUrl, generics.RetrieveAPIView):
    queryset = Forecast.objects.with_related().prefetch_related("tags")

    def get_queryset(self):
        # One forecast by its id is asked for: a rejected one is found by those who may see it.
        return visible_to(self.request, super().get_queryset(), asks_for_rejected=True)

    serializer_class = s.ForecastSerializer
    permission_classes = [ReadSignedInWriteWithModelPermission]

    @extend_schema(
        summary="One forecast",
        description="The ETag header is the forecast's version; send it back as If-Match (or `version`) to edit.",
        parameters=[ID],
        responses={200: s.ForecastSerializer, **error_responses(*DETAIL_READ_ERRORS)},
    )
    def get(self, request, *args, **kwargs):
        forecast = self.get_object()
        return Response(s.ForecastSerializer(forecast).data, headers={"ETag": etag(forecast)})

    @extend_schema(
        summary="Edit a forecast",
        description="Writes only the fields sent, onto the current row. With `version` (or If-Match) the edit is "
        "refused with 409 when the forecast changed since that version. A resolved forecast's record is frozen: "
        "changing it answers 409 (correct it with POST .../correct/, or unresolve it).",
        parameters=[ID, IF_MATCH],
        request=s.ForecastUpdateSerializer,
        responses={200: s.ForecastSerializer, **error_responses(*FORECAST_WRITE_ERRORS)},
    )
    def patch(self, request, *args, **kwargs):
        forecast = self.get_object()
        serializer = s.ForecastUpdateSerializer(instance=forecast, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = expected_version(request, data)
        tags = data.pop("tags", None)
        services.forecast_update(
            forecast=forecast, data=data, tags=tags, changed_by=request.user, expected_version=version
        )
        return forecast_response(forecast)


def forecast_response(forecast: Forecast) -> Response:
    """The forecast as it now is, with its version as the ETag: what every write answers."""
    current = Forecast.objects.with_related().prefetch_related("tags").get(pk=forecast.pk)
    return Response(s.ForecastSerializer(current).data, headers={"ETag": etag(current)})


def forecast_action_schema(*, summary: str, description: str):
    """The schema of a POST .../<action>/ on one forecast: its id and If-Match, the view's serializer
    as the body, the forecast as the answer, and the errors any forecast write can give."""

    def decorate(view):
        return extend_schema_view(
            post=extend_schema(
                summary=summary,
                parameters=[ID, IF_MATCH],
                description=description,
                request=view.serializer_class,
                responses={200: s.ForecastSerializer, **error_responses(*FORECAST_WRITE_ERRORS)},
            )
        )(view)

    return decorate


class ForecastActionApi(IdInUrl, generics.GenericAPIView):
    """POST .../<action>/ on one forecast: look it up, validate the body with serializer_class,
    read the version the client sent (body or If-Match), call `perform`, answer with the forecast."""

    queryset = Forecast.objects.with_related().prefetch_related("tags")
    permission_classes = [CanResolveForecasts]

    def post(self, request, *args, **kwargs):
        forecast = self.get_object()
        # With the forecast as read: a rule that depends on its current values reads them there.
        serializer = self.serializer_class(forecast, data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = expected_version(request, data)
        self.perform(forecast, data, version)
        return forecast_response(forecast)

    def perform(self, forecast: Forecast, data: dict, version: int | None) -> None:
        raise NotImplementedError


@forecast_action_schema(
    summary="Record whether the claim came true",
    description="Refused with 409 for a forecast that is already resolved: correct it with a reason "
    "(POST .../correct/) or unresolve it.",
)
class ForecastResolveApi(ForecastActionApi):
    serializer_class = s.ForecastResolveSerializer

    def perform(self, forecast, data, version):
        services.forecast_resolve(
            forecast=forecast,
            outcome=data["outcome"],
            evidence_url=data["evidence_url"],
            note=data["resolution_note"],
            resolved_by=self.request.user,
            expected_version=version,
        )


@forecast_action_schema(
    summary="Correct a resolved forecast",
    description="Changes a resolved forecast's record (quote, claim, probability, dates, criteria, source, "
    "author) or its outcome, evidence and note, with a required reason. Each changed field is kept as a "
    "correction (old and new value, who, when, why). 409 if the forecast is not resolved or changed since "
    "`version`.",
)
class ForecastCorrectApi(ForecastActionApi):
    serializer_class = s.ForecastCorrectSerializer

    def perform(self, forecast, data, version):
        reason = data.pop("reason")
        services.forecast_correct(
            forecast=forecast, changes=data, reason=reason, corrected_by=self.request.user, expected_version=version
        )


@forecast_action_schema(
    summary="Undo a resolution",
    description="Needs a reason. The previous outcome and evidence stay in the audit history.",
)
class ForecastUnresolveApi(ForecastActionApi):
    serializer_class = s.ForecastUnresolveSerializer

    def perform(self, forecast, data, version):
        services.forecast_unresolve(
            forecast=forecast, unresolved_by=self.request.user, reason=data["reason"], expected_version=version
        )


class ProposalDecisionApi(ForecastActionApi):
    """POST .../accept/, .../reject/ or .../restore/: an editor's decision on a proposal, taken by
    the service the admin's actions call and recorded in the history under the signed-in user.
    409 when the forecast is not in the status the decision starts from (`decides_on`) or changed
    since the version the client read."""

    permission_classes = [CanDecideProposals]
    decides_on: str = Status.PROPOSED
    verb: str = ""

    def perform(self, forecast, data, version):
        # The version check, the status check and the decision in one transaction on the locked
        # row: what was read is what is decided.
        with transaction.atomic():
            current = services.forecast_check_version(forecast=forecast, expected_version=version)
            if current.status != self.decides_on:
                raise Conflict(
                    f"Forecast {current.pk} is {current.status}, not {self.decides_on}: "
                    f"there is nothing to {self.verb}."
                )
            self.decide(current)

    def decide(self, forecast: Forecast) -> None:
        raise NotImplementedError


@forecast_action_schema(
    summary="Accept a proposed forecast (it becomes open)",
    description="Refused with 400, naming what is left, while the proposal is unfinished: the criteria are "
    "the import's placeholder, the deadline is a default or proxy, or the criteria still carry notes for the "
    "editor (finish it with PATCH first). 409 if the forecast is not proposed or changed since `version`.",
)
class ForecastAcceptApi(ProposalDecisionApi):
    serializer_class = s.ForecastAcceptSerializer
    verb = "accept"

    def decide(self, forecast):
        services.forecasts_accept(forecasts=[forecast], accepted_by=self.request.user)


@forecast_action_schema(
    summary="Reject a proposed forecast",
    description="Nothing is deleted: the forecast keeps its row with the status `rejected` (never reminded or "
    "scored, and listed only when asked for with `status=rejected`; its history names who rejected it), and "
    "POST .../restore/ proposes it again. "
    "409 if the forecast is not proposed or changed since `version`.",
)
class ForecastRejectApi(ProposalDecisionApi):
    serializer_class = s.ForecastRejectSerializer
    verb = "reject"

    def decide(self, forecast):
        services.forecasts_reject(forecasts=[forecast], rejected_by=self.request.user)


@forecast_action_schema(
    summary="Restore a rejected proposal (it is proposed again)",
    description="Undoes a rejection: the forecast is proposed again, back in the editors' review; its "
    "history names who restored it. 409 if the forecast is not rejected or changed since `version`.",
)
class ForecastRestoreApi(ProposalDecisionApi):
    serializer_class = s.ForecastRestoreSerializer
    decides_on = Status.REJECTED
    verb = "restore"

    def decide(self, forecast):
        services.forecasts_restore(forecasts=[forecast], restored_by=self.request.user)


class ScorecardListApi(APIView):
    def get_permissions(self):
        # Read at request time so the setting can be flipped (and overridden in tests).
        return [AllowAny()] if settings.SCORECARDS_PUBLIC else [IsAuthenticated()]

    @extend_schema(
        summary="Calibration scorecards",
        description="Without `by`: one overall scorecard. With `by`: one per author, publication, source or tag, "
        "in the scorecard pages' order: first the groups with enough scored forecasts to rank, best first by the "
        "shrunk Brier score (`rank` 1, 2, ...), then the others (`rank` null), most scored forecasts first. "
        "Anonymous access unless SCORECARDS_PUBLIC is off.",
        parameters=[s.ScorecardQuerySerializer],
        responses={200: s.ScorecardSerializer(many=True), **error_responses(*READ_ERRORS)},
    )
    def get(self, request, *args, **kwargs):
        # A plain dict, so that "?by=" is a wrong value rather than a missing one.
        # The slice parser first: its messages list the valid choices, the same words as on the
        # pages and in the command.
        try:
            filters = slices.parse(request.query_params, other_params=("by", "bins", "format"))
        except slices.SliceError as error:
            raise ValidationError({error.param: [error.message]}) from None
        query = s.ScorecardQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        by, bins = query.validated_data.get("by"), query.validated_data["bins"]
        if by:
            cards = scorecards.scorecards_by(by, n_bins=bins, filters=filters)
        else:
            cards = [scorecards.scorecard(n_bins=bins, filters=filters)]
        relative = comparisons.relative_for(cards, by=by, filters=filters)
        relative_of = {card.group.key if card.group else None: rel for card, rel in zip(cards, relative, strict=True)}
        ranks = {}
        if by:
            # The pages' order and ranking: the ranked cards best first, then those too small to rank.
            ranked, small = scorecards.ranked(cards)
            cards = [*ranked, *small]
            ranks = {id(card): position for position, card in enumerate(ranked, start=1)}
        return Response(
            [
                {
                    **card.as_dict(),
                    "relative": relative_of[card.group.key if card.group else None].as_dict(),
                    **_ranking(card, ranks.get(id(card))),
                }
                for card in cards
            ]
        )


def _ranking(card: scorecards.Scorecard, rank: int | None) -> dict:
    """Where the card stands in `scorecards.ranked`: its rank, the shrunk Brier it is ranked by,
    and whether its 95 % interval keeps it apart from the leader's (None for the leader itself
    and for cards not ranked)."""
    return {
        "rank": rank,
        "shrunk_brier": card.shrunk_brier,
        "distinguishable_from_leader": None if rank in (None, 1) else not card.like_leader,
    }


class HeadToHeadApi(APIView):
    def get_permissions(self):
        return [AllowAny()] if settings.SCORECARDS_PUBLIC else [IsAuthenticated()]

    @extend_schema(
        summary="Two pundits on the events both forecast",
        description="The mean Brier difference (a minus b; negative: a forecast better) over the events both "
        "pundits forecast, with its 95% paired t interval, and each shared event's Brier per pundit. A pundit's "
        "Brier on an event is the mean over their scored forecasts linked to it.",
        parameters=[s.HeadToHeadQuerySerializer],
        responses={200: s.HeadToHeadSerializer, **error_responses(*READ_ERRORS)},
    )
    def get(self, request, *args, **kwargs):
        query = s.HeadToHeadQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        a, b = query.validated_data["a"], query.validated_data["b"]
        names = comparisons.author_names([a, b])
        missing = [name for name, pk in (("a", a), ("b", b)) if pk not in names]
        if missing:
            raise NotFound(f"No pundit with the id given as {' and '.join(missing)}.")
        result = comparisons.head_to_head(a, b)
        titles = comparisons.event_titles([event.event_id for event in result.events])
        return Response(result.as_dict(names, titles))
