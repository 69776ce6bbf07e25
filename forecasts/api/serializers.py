"""Input serializers validate and hand plain values to the services; output serializers
describe what the API returns. Neither holds business rules."""

import math

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.api.serializers import StrictSerializer
from forecasts import rules, scorecards, scoring, slices
from forecasts.models import Comparator, Event, EventLink, Forecast, Outcome, ProbabilityBasis, Status, Tag
from sources.models import Author, Source

# Dates are checked against the same range as the model's (Django's validators run in DRF too).
DATE_RULES = [rules.validate_date_in_range]

MAX_BINS = scoring.MAX_BINS
# Lengths the database keeps, read from the models (the file import reads the same ones).
PHRASE_MAX = Forecast._meta.get_field("estimative_phrase").max_length
EVIDENCE_URL_MAX = Forecast._meta.get_field("evidence_url").max_length
TAG_MAX = Tag._meta.get_field("name").max_length


@extend_schema_field(
    {
        "oneOf": [
            {"type": "number", "format": "double", "minimum": rules.PROBABILITY_MIN, "maximum": rules.PROBABILITY_MAX},
            {"type": "string", "description": rules.PROBABILITY_ENTRY_MESSAGE, "example": "70 %"},
        ],
        "nullable": True,
    }
)
class ProbabilityField(serializers.FloatField):
    default_error_messages = {"out_of_range": rules.PROBABILITY_RANGE_MESSAGE}
    accepts_text = True

    def to_internal_value(self, data):
        # FloatField alone takes "NaN", "inf" and True; none of them is a probability.
        if isinstance(data, bool):
            self.fail("out_of_range")
        if isinstance(data, str):
            # Text is read as people write it ("70 %", "likely"), as in the admin; a JSON number
            # is the schema's fraction.
            try:
                return self.entry(data).probability
            except ValueError as error:
                raise serializers.ValidationError(str(error), code="invalid") from None
        value = super().to_internal_value(data)
        try:
            return rules.probability_normalized(value)
        except ValueError:
            self.fail("out_of_range")

    def entry(self, data) -> rules.ProbabilityEntry | None:
        """What was sent, read as the admin reads it: text gives the number and, when it was words,
        those words; a JSON number (or null) gives None."""
        return rules.parse_probability(data) if isinstance(data, str) else None


# A comment, not a docstring: the schema would show a docstring on the request bodies built on it.
# For the serializers that write a forecast's probability: as in the admin's forms, words sent as
# the probability ("likely") also fill an empty estimative phrase (rules.filled_phrase); a phrase
# sent, or the stored one when none is sent (the serializer's instance), is kept.
class PhraseFromProbability:
    def phrase_from_probability(self, attrs: dict) -> dict:
        if attrs.get("probability") is None:
            return attrs
        stored = getattr(self.instance, "estimative_phrase", "") if self.instance is not None else ""
        phrase = attrs.get("estimative_phrase", stored) or ""
        entry = self.fields["probability"].entry(self.initial_data.get("probability"))
        filled = rules.filled_phrase(phrase, entry)
        if filled != phrase:
            attrs["estimative_phrase"] = filled
        return attrs


# ----- forecasts -------------------------------------------------------------------------------


class ForecastSerializer(serializers.ModelSerializer):
    source_title = serializers.CharField(source="source.title", read_only=True)
    publication = serializers.CharField(source="source.publication.name", read_only=True, allow_null=True, default=None)
    author_name = serializers.CharField(source="author.name", read_only=True)
    reviewer = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    resolved_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    tags = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    # Empty until resolved, so a plain string: "" is no URI.
    evidence_url = serializers.CharField(read_only=True, help_text="Where the outcome can be checked; may be empty.")
    # Empty ("") without an event: said in the schema, which a read-only model field would not.
    event_link = serializers.ChoiceField(
        choices=EventLink.choices,
        allow_blank=True,
        read_only=True,
        help_text=Forecast._meta.get_field("event_link").help_text,
    )
    event_comparator = serializers.ChoiceField(
        choices=Comparator.choices,
        allow_blank=True,
        read_only=True,
        help_text=Forecast._meta.get_field("event_comparator").help_text,
    )

    class Meta:
        model = Forecast
        fields = [
            "id",
            "source",
            "source_title",
            "publication",
            "author",
            "author_name",
            "quote",
            "claim",
            "estimative_phrase",
            "probability",
            "probability_basis",
            "made_on",
            "deadline",
            "review_on",
            "resolution_criteria",
            "status",
            "outcome",
            "evidence_url",
            "resolution_note",
            "resolved_by",
            "resolved_at",
            "reviewer",
            "tags",
            "reference_probability",
            "reference_source",
            "event",
            "event_link",
            "event_comparator",
            "event_threshold",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


def _users():
    return get_user_model().objects.filter(is_active=True)


class ForecastWriteSerializer(PhraseFromProbability, StrictSerializer):
    source = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all(), help_text="Id of the article.")
    author = serializers.PrimaryKeyRelatedField(queryset=Author.objects.all(), help_text="Id of the forecaster.")
    quote = serializers.CharField(help_text="The forecast verbatim from the source.")
    claim = serializers.CharField(help_text="A checkable proposition.")
    estimative_phrase = serializers.CharField(max_length=PHRASE_MAX, required=False, allow_blank=True, default="")
    probability = ProbabilityField(
        required=False,
        allow_null=True,
        default=None,
        help_text='Strictly between 0 and 1; null when unscored. Words (e.g. "likely") also fill an empty '
        "estimative_phrase.",
    )
    probability_basis = serializers.ChoiceField(choices=ProbabilityBasis.choices, default=ProbabilityBasis.PHRASE)
    made_on = serializers.DateField(
        required=False, validators=DATE_RULES, help_text="Defaults to the article's publication date."
    )
    deadline = serializers.DateField(validators=DATE_RULES)
    review_on = serializers.DateField(required=False, validators=DATE_RULES, help_text="Defaults to the deadline.")
    resolution_criteria = serializers.CharField()
    reviewer = serializers.SlugRelatedField(
        slug_field="username", queryset=_users(), required=False, allow_null=True, default=None
    )
    tags = serializers.ListField(
        child=serializers.CharField(max_length=TAG_MAX), required=False, default=list, max_length=50
    )
    reference_probability = ProbabilityField(
        required=False,
        allow_null=True,
        help_text="A reference probability for the same claim (market or crowd price, model, base rate).",
    )
    reference_source = serializers.CharField(
        max_length=300, required=False, allow_blank=True, help_text="Where the reference comes from; required with one."
    )

    def validate(self, attrs):
        instance = self.instance
        if self.partial and instance is not None:
            current = {
                name: getattr(instance, name)
                for name in ("source", "made_on", "deadline", "review_on", "reference_probability", "reference_source")
            }
        else:
            current = {}
        source = attrs.get("source", current.get("source"))
        made_on = attrs.get("made_on", current.get("made_on")) or (source.published_on if source else None)
        deadline = attrs.get("deadline", current.get("deadline"))
        # Without a review date of its own, it follows the deadline (checked just below).
        review_on = attrs.get("review_on", current.get("review_on"))
        errors = {}
        if made_on and deadline and deadline < made_on:
            errors["deadline"] = f"The deadline cannot be before the date the forecast was made ({made_on})."
        if made_on and review_on and review_on < made_on:
            errors["review_on"] = f"The review date cannot be before the date the forecast was made ({made_on})."
        if attrs.get("probability") is not None and attrs.get("probability_basis") == ProbabilityBasis.NONE:
            errors["probability_basis"] = "'none' means no number; say how the probability was obtained."
        reference = attrs.get("reference_probability", current.get("reference_probability"))
        if reference is not None and not (attrs.get("reference_source", current.get("reference_source")) or "").strip():
            errors["reference_source"] = "Say where the reference probability comes from."
        if errors:
            raise serializers.ValidationError(errors)
        return self.phrase_from_probability(attrs)


class ForecastCreateSerializer(ForecastWriteSerializer):
    status = serializers.ChoiceField(
        choices=[(Status.OPEN, Status.OPEN.label), (Status.PROPOSED, Status.PROPOSED.label)],
        default=Status.OPEN,
        help_text="A new forecast starts open, or proposed for an editor to confirm.",
    )


def version_field() -> serializers.IntegerField:
    return serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=2**31 - 1,
        help_text="The forecast's version you read (from GET; also its ETag). If it changed since, the request "
        "is refused with 409 and nothing is written. Omitted: only the fields sent are written.",
    )


class ForecastUpdateSerializer(ForecastWriteSerializer):
    """Any subset of the editable fields; status and outcome change only by resolving."""

    probability_basis = serializers.ChoiceField(choices=ProbabilityBasis.choices, required=False)
    version = version_field()


class ForecastCorrectSerializer(PhraseFromProbability, StrictSerializer):
    """Any subset of a resolved forecast's record and outcome, with the reason for the correction."""

    reason = serializers.CharField(max_length=2000, help_text="Why the record is corrected; shown with it.")
    version = version_field()
    source = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all(), required=False)
    author = serializers.PrimaryKeyRelatedField(queryset=Author.objects.all(), required=False)
    quote = serializers.CharField(required=False)
    claim = serializers.CharField(required=False)
    estimative_phrase = serializers.CharField(max_length=PHRASE_MAX, required=False, allow_blank=True)
    probability = ProbabilityField(
        required=False, allow_null=True, help_text='Words (e.g. "likely") also fill an empty estimative_phrase.'
    )
    probability_basis = serializers.ChoiceField(choices=ProbabilityBasis.choices, required=False)
    made_on = serializers.DateField(required=False)
    deadline = serializers.DateField(required=False)
    review_on = serializers.DateField(required=False)
    resolution_criteria = serializers.CharField(required=False)
    reference_probability = ProbabilityField(required=False, allow_null=True)
    reference_source = serializers.CharField(max_length=300, required=False, allow_blank=True)
    outcome = serializers.ChoiceField(choices=Outcome.choices, required=False)
    evidence_url = serializers.URLField(max_length=EVIDENCE_URL_MAX, required=False, allow_blank=True)
    resolution_note = serializers.CharField(required=False, allow_blank=True)

    def validate(self, attrs):
        return self.phrase_from_probability(attrs)


class ForecastResolveSerializer(StrictSerializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices, help_text="Did the claim come true?")
    evidence_url = serializers.URLField(max_length=EVIDENCE_URL_MAX, required=False, allow_blank=True, default="")
    resolution_note = serializers.CharField(required=False, allow_blank=True, default="")
    version = version_field()


class ForecastUnresolveSerializer(StrictSerializer):
    reason = serializers.CharField(max_length=2000, help_text="Why the outcome is withdrawn; kept in the history.")
    version = version_field()


class ForecastAcceptSerializer(StrictSerializer):
    """Accepting takes the proposal as it stands (finish it with PATCH first)."""

    version = version_field()


class ForecastRejectSerializer(StrictSerializer):
    """Rejecting sets the proposal aside as it stands (restore undoes it)."""

    version = version_field()


class ForecastRestoreSerializer(StrictSerializer):
    """Restoring proposes the rejected forecast again, as it stands."""

    version = version_field()


# ----- scorecards ------------------------------------------------------------------------------


class ScorecardQuerySerializer(StrictSerializer):
    by = serializers.ChoiceField(
        choices=scorecards.GROUP_BY_CHOICES, required=False, help_text="Group by; omitted: one overall scorecard."
    )
    # At least two: a one-bin "calibration table" says nothing the base rate does not.
    bins = serializers.IntegerField(
        min_value=2, max_value=MAX_BINS, default=10, help_text="Equal-width calibration bins."
    )

    # The slice: documented here, checked by forecasts.slices (the parser the pages and the
    # command use too), which also refuses names that are none of these.
    made_from = serializers.CharField(required=False, help_text=slices.PARAMS["made_from"].capitalize() + ".")
    made_to = serializers.CharField(required=False, help_text=slices.PARAMS["made_to"].capitalize() + ".")
    made_year = serializers.CharField(required=False, help_text=slices.PARAMS["made_year"].capitalize() + ".")
    resolved_from = serializers.CharField(required=False, help_text=slices.PARAMS["resolved_from"].capitalize() + ".")
    resolved_to = serializers.CharField(required=False, help_text=slices.PARAMS["resolved_to"].capitalize() + ".")
    horizon = serializers.ChoiceField(
        choices=list(slices.HORIZONS), required=False, help_text=slices.PARAMS["horizon"].capitalize() + "."
    )
    basis = serializers.ChoiceField(
        choices=list(slices.BASIS_CHOICES), required=False, help_text=slices.PARAMS["basis"].capitalize() + "."
    )
    tag = serializers.CharField(required=False, help_text=slices.PARAMS["tag"].capitalize() + ".")
    author = serializers.CharField(required=False, help_text=slices.PARAMS["author"].capitalize() + ".")
    early = serializers.ChoiceField(
        choices=list(slices.EARLY_CHOICES), required=False, help_text=slices.PARAMS["early"].capitalize() + "."
    )

    def to_internal_value(self, data):
        # DRF's ?format= is read by the renderer; every other name must be one of ours.
        # Query strings are strings: the strict JSON type check of StrictSerializer does not apply.
        data = {name: value for name, value in data.items() if name != "format"}
        return serializers.Serializer.to_internal_value(self, data)


class ScorecardGroupSerializer(serializers.Serializer):
    by = serializers.ChoiceField(choices=scorecards.GROUP_BY_CHOICES)
    key = serializers.CharField(help_text="Id of the author, publication, source or tag.")
    label = serializers.CharField()


class ScorecardCountsSerializer(serializers.Serializer):
    total = serializers.IntegerField()
    scored = serializers.IntegerField()
    open = serializers.IntegerField()
    due = serializers.IntegerField()
    resolved = serializers.IntegerField()
    waiting = serializers.IntegerField(
        help_text="Resolved before the deadline passed: counted from the day after the deadline (see `early`)."
    )
    ambiguous = serializers.IntegerField()
    annulled = serializers.IntegerField()
    unscored = serializers.IntegerField()


class DecompositionSerializer(serializers.Serializer):
    reliability = serializers.FloatField(allow_null=True)
    resolution = serializers.FloatField(allow_null=True)
    uncertainty = serializers.FloatField(allow_null=True)
    within_bin_variance = serializers.FloatField(allow_null=True)
    within_bin_covariance = serializers.FloatField(allow_null=True)


class CalibrationBinSerializer(serializers.Serializer):
    lower = serializers.FloatField()
    upper = serializers.FloatField()
    n = serializers.IntegerField()
    mean_probability = serializers.FloatField(allow_null=True)
    observed_frequency = serializers.FloatField(allow_null=True)
    ci_low = serializers.FloatField(allow_null=True)
    ci_high = serializers.FloatField(allow_null=True)


class RelativeSerializer(serializers.Serializer):
    n = serializers.IntegerField(help_text="Scored forecasts that had a reference probability.")
    brier_minus_reference = serializers.FloatField(
        allow_null=True, help_text="Mean Brier of the forecasts minus the reference's on the same claims."
    )
    ci_low = serializers.FloatField(allow_null=True, help_text="95% t interval; null with fewer than 2.")
    ci_high = serializers.FloatField(allow_null=True)


class ScorecardSerializer(serializers.Serializer):
    """Calibration and accuracy of a group of forecasts (or of all of them)."""

    group = ScorecardGroupSerializer(allow_null=True, help_text="null for the overall scorecard.")
    counts = ScorecardCountsSerializer()
    brier = serializers.FloatField(allow_null=True)
    brier_interval = serializers.ListField(
        child=serializers.FloatField(),
        min_length=2,
        max_length=2,
        allow_null=True,
        help_text="95 % t interval of the mean Brier score; null below two scored forecasts.",
    )
    log_loss = serializers.FloatField(allow_null=True)
    base_rate = serializers.FloatField(allow_null=True)
    brier_skill = serializers.FloatField(allow_null=True)
    ece = serializers.FloatField(allow_null=True)
    decomposition = DecompositionSerializer()
    calibration = CalibrationBinSerializer(many=True)
    relative = RelativeSerializer(help_text="Against the reference probabilities, where forecasts had one.")
    rank = serializers.IntegerField(
        allow_null=True,
        help_text=f"With `by`: 1 for the best shrunk Brier score. null without `by` and for groups with fewer "
        f"than {scorecards.MIN_RANKED_N} scored forecasts, which are not ranked.",
    )
    shrunk_brier = serializers.FloatField(
        allow_null=True,
        help_text="The ranking key: the Brier score pulled toward the mean of all groups, the more the fewer "
        "scored forecasts the group has (empirical Bayes). null where `rank` is null.",
    )
    distinguishable_from_leader = serializers.BooleanField(
        allow_null=True,
        help_text="false when the 95 % interval of the Brier score (`brier_interval`) overlaps the leader's: the "
        "data cannot tell the two apart. null for the leader and where `rank` is null.",
    )


class IdField(serializers.IntegerField):
    """An id as the URLs take it: ASCII digits within the key range, so ' 1', '1.0' or '١' are refused."""

    default_error_messages = {"invalid": "Give an id: a whole number from 1 to {max_id}."}

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=rules.MAX_ID, **kwargs)

    def to_internal_value(self, data):
        pk = rules.parse_id(str(data))
        if pk is None:
            self.fail("invalid", max_id=rules.MAX_ID)
        return pk


class HeadToHeadQuerySerializer(StrictSerializer):
    a = IdField(help_text="Id of the first pundit (author).")
    b = IdField(help_text="Id of the second pundit (author).")

    def to_internal_value(self, data):
        # Query strings carry other parameters (format); only these two are ours.
        return serializers.Serializer.to_internal_value(self, data)

    def validate(self, attrs):
        if attrs["a"] == attrs["b"]:
            raise serializers.ValidationError({"b": "Compare two different pundits: a and b are the same id."})
        return attrs


class PunditSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class SharedEventSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    brier_a = serializers.FloatField()
    brier_b = serializers.FloatField()


class HeadToHeadSerializer(serializers.Serializer):
    a = PunditSerializer()
    b = PunditSerializer()
    n_events = serializers.IntegerField(help_text="Events both pundits forecast (scored forecasts only).")
    mean_brier_difference = serializers.FloatField(allow_null=True, help_text="a minus b; negative: a did better.")
    ci_low = serializers.FloatField(allow_null=True, help_text="95% paired t interval; null with fewer than 2 events.")
    ci_high = serializers.FloatField(allow_null=True)
    verdict = serializers.ChoiceField(choices=["beat", "lost to", "not distinguishable"])
    events = SharedEventSerializer(many=True)


# ----- events ----------------------------------------------------------------------------------

EVENT_TITLE_MAX = Event._meta.get_field("title").max_length
EVENT_REFERENCE_SOURCE_MAX = Event._meta.get_field("reference_source").max_length


class LinkedForecastSerializer(serializers.Serializer):
    """A forecast linked to an event, and how its outcome follows from the event's."""

    id = serializers.IntegerField()
    author = serializers.IntegerField(source="author_id", help_text="Id of the forecaster.")
    status = serializers.ChoiceField(choices=Status.choices)
    outcome = serializers.ChoiceField(choices=Outcome.choices, allow_null=True)
    probability = serializers.FloatField(allow_null=True)
    event_link = serializers.ChoiceField(choices=EventLink.choices, help_text=EventLink.__doc__)
    event_comparator = serializers.ChoiceField(
        choices=Comparator.choices, allow_blank=True, help_text="For a threshold claim; empty otherwise."
    )
    event_threshold = serializers.FloatField(allow_null=True, help_text="For a threshold claim; null otherwise.")
    version = serializers.IntegerField(help_text="The forecast's version, to send when linking or unlinking it.")


class EventSerializer(serializers.ModelSerializer):
    tags = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    resolved_by = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    # Empty until resolved, so a plain string: "" is no URI.
    evidence_url = serializers.CharField(read_only=True, help_text="Where the outcome can be checked; may be empty.")
    forecast_count = serializers.IntegerField(read_only=True, help_text="Forecasts linked to the event.")

    class Meta:
        model = Event
        fields = [
            "id",
            "title",
            "resolution_criteria",
            "starts_on",
            "deadline",
            "tags",
            "reference_probability",
            "reference_source",
            "outcome",
            "resolved_value",
            "evidence_url",
            "resolution_note",
            "resolved_by",
            "resolved_at",
            "created_at",
            "forecast_count",
        ]
        read_only_fields = fields


class EventDetailSerializer(EventSerializer):
    forecasts = LinkedForecastSerializer(
        many=True, read_only=True, source="linked", help_text="The linked forecasts, by id."
    )

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "forecasts"]
        read_only_fields = fields


class EventWriteSerializer(StrictSerializer):
    title = serializers.CharField(max_length=EVENT_TITLE_MAX, help_text=Event._meta.get_field("title").help_text)
    resolution_criteria = serializers.CharField(help_text=Event._meta.get_field("resolution_criteria").help_text)
    starts_on = serializers.DateField(
        required=False, allow_null=True, validators=DATE_RULES, help_text="Start of the event's window, if any."
    )
    deadline = serializers.DateField(validators=DATE_RULES, help_text="End of the event's window.")
    tags = serializers.ListField(
        child=serializers.CharField(max_length=TAG_MAX), required=False, default=list, max_length=50
    )
    reference_probability = ProbabilityField(
        required=False,
        allow_null=True,
        help_text="A reference for the event's claim (market or crowd price, model, base rate); linked forecasts "
        "without a reference of their own are compared with it.",
    )
    reference_source = serializers.CharField(
        max_length=EVENT_REFERENCE_SOURCE_MAX,
        required=False,
        allow_blank=True,
        help_text="Where the reference comes from; required with one.",
    )

    def validate(self, attrs):
        event = self.instance
        current = {} if event is None else {name: getattr(event, name) for name in self.fields if name != "tags"}

        def value(name):
            return attrs.get(name, current.get(name))

        errors = {}
        starts_on, deadline = value("starts_on"), value("deadline")
        if starts_on and deadline and deadline < starts_on:
            errors["deadline"] = f"The deadline cannot be before the start of the window ({starts_on})."
        if value("reference_probability") is not None and not (value("reference_source") or "").strip():
            errors["reference_source"] = "Say where the reference probability comes from."
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class EventUpdateSerializer(EventWriteSerializer):
    """Any subset of the event's fields; its resolution changes only by resolving it."""

    tags = serializers.ListField(child=serializers.CharField(max_length=TAG_MAX), required=False, max_length=50)


class FiniteFloatField(serializers.FloatField):
    """A measured number: JSON reads 1e400 as infinity, which no comparison can decide."""

    default_error_messages = {"not_finite": "Give a finite number."}

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not math.isfinite(value):
            self.fail("not_finite")
        return value


class EventLinkSerializer(StrictSerializer):
    forecast = IdField(help_text="Id of the forecast to link to this event.")
    link = serializers.ChoiceField(
        choices=EventLink.choices, default=EventLink.SAME, help_text="How the forecast's outcome follows."
    )
    comparator = serializers.ChoiceField(
        choices=Comparator.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="For a threshold claim: how the event's value is compared with the threshold.",
    )
    threshold = FiniteFloatField(
        required=False,
        allow_null=True,
        default=None,
        help_text="For a threshold claim: the number the event's value is compared with.",
    )
    version = version_field()

    def validate(self, attrs):
        errors = {}
        if attrs["link"] == EventLink.THRESHOLD:
            if not attrs["comparator"]:
                errors["comparator"] = f"A threshold claim needs a comparator: one of {', '.join(Comparator.values)}."
            if attrs["threshold"] is None:
                errors["threshold"] = "A threshold claim needs the number the event's value is compared with."
        elif attrs["comparator"] or attrs["threshold"] is not None:
            errors["threshold"] = "Only a threshold claim has a comparator and a threshold; leave them out."
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class EventUnlinkSerializer(StrictSerializer):
    forecast = IdField(help_text="Id of the forecast to unlink from this event.")
    version = version_field()


class EventResolveSerializer(StrictSerializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices, help_text="Did the event's claim come true?")
    evidence_url = serializers.URLField(max_length=EVIDENCE_URL_MAX, required=False, allow_blank=True, default="")
    resolution_note = serializers.CharField(required=False, allow_blank=True, default="")
    resolved_value = FiniteFloatField(
        required=False,
        allow_null=True,
        default=None,
        help_text="The measured value; needed when threshold claims are linked and the outcome is yes or no.",
    )


class EventResolutionSerializer(serializers.Serializer):
    event = EventDetailSerializer()
    resolved = serializers.IntegerField(help_text="Linked forecasts resolved now.")
    already_resolved = serializers.IntegerField(
        help_text="Linked forecasts resolved before, whose outcome agrees with the event."
    )
    proposed = serializers.IntegerField(help_text="Linked candidates nobody has confirmed yet: left as they are.")
