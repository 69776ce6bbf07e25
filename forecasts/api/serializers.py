"""Input serializers validate and hand plain values to the services; output serializers
describe what the API returns. Neither holds business rules."""

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.api.serializers import StrictSerializer
from forecasts import rules, scorecards, scoring
from forecasts.models import Forecast, Outcome, ProbabilityBasis, Status, Tag
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
        "type": "number",
        "format": "double",
        "minimum": rules.PROBABILITY_MIN,
        "maximum": rules.PROBABILITY_MAX,
        "nullable": True,
    }
)
class ProbabilityField(serializers.FloatField):
    default_error_messages = {"out_of_range": rules.PROBABILITY_RANGE_MESSAGE}

    def to_internal_value(self, data):
        # FloatField alone takes "NaN", "inf" and True; none of them is a probability.
        if isinstance(data, bool):
            self.fail("out_of_range")
        value = super().to_internal_value(data)
        try:
            return rules.probability_normalized(value)
        except ValueError:
            self.fail("out_of_range")


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
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


def _users():
    return get_user_model().objects.filter(is_active=True)


class ForecastWriteSerializer(StrictSerializer):
    source = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all(), help_text="Id of the article.")
    author = serializers.PrimaryKeyRelatedField(queryset=Author.objects.all(), help_text="Id of the forecaster.")
    quote = serializers.CharField(help_text="The forecast verbatim from the source.")
    claim = serializers.CharField(help_text="A checkable proposition.")
    estimative_phrase = serializers.CharField(max_length=PHRASE_MAX, required=False, allow_blank=True, default="")
    probability = ProbabilityField(
        required=False, allow_null=True, default=None, help_text="Strictly between 0 and 1; null when unscored."
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

    def validate(self, attrs):
        instance = self.instance
        if self.partial and instance is not None:
            current = {name: getattr(instance, name) for name in ("source", "made_on", "deadline", "review_on")}
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
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


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


class ForecastCorrectSerializer(StrictSerializer):
    """Any subset of a resolved forecast's record and outcome, with the reason for the correction."""

    reason = serializers.CharField(max_length=2000, help_text="Why the record is corrected; shown with it.")
    version = version_field()
    source = serializers.PrimaryKeyRelatedField(queryset=Source.objects.all(), required=False)
    author = serializers.PrimaryKeyRelatedField(queryset=Author.objects.all(), required=False)
    quote = serializers.CharField(required=False)
    claim = serializers.CharField(required=False)
    estimative_phrase = serializers.CharField(max_length=PHRASE_MAX, required=False, allow_blank=True)
    probability = ProbabilityField(required=False, allow_null=True)
    probability_basis = serializers.ChoiceField(choices=ProbabilityBasis.choices, required=False)
    made_on = serializers.DateField(required=False)
    deadline = serializers.DateField(required=False)
    review_on = serializers.DateField(required=False)
    resolution_criteria = serializers.CharField(required=False)
    outcome = serializers.ChoiceField(choices=Outcome.choices, required=False)
    evidence_url = serializers.URLField(max_length=EVIDENCE_URL_MAX, required=False, allow_blank=True)
    resolution_note = serializers.CharField(required=False, allow_blank=True)


class ForecastResolveSerializer(StrictSerializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices, help_text="Did the claim come true?")
    evidence_url = serializers.URLField(max_length=EVIDENCE_URL_MAX, required=False, allow_blank=True, default="")
    resolution_note = serializers.CharField(required=False, allow_blank=True, default="")
    version = version_field()


class ForecastUnresolveSerializer(StrictSerializer):
    reason = serializers.CharField(max_length=2000, help_text="Why the outcome is withdrawn; kept in the history.")
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

    def to_internal_value(self, data):
        # Query strings carry other parameters (format, cursors); only these two are ours.
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


class ScorecardSerializer(serializers.Serializer):
    """Calibration and accuracy of a group of forecasts (or of all of them)."""

    group = ScorecardGroupSerializer(allow_null=True, help_text="null for the overall scorecard.")
    counts = ScorecardCountsSerializer()
    brier = serializers.FloatField(allow_null=True)
    log_loss = serializers.FloatField(allow_null=True)
    base_rate = serializers.FloatField(allow_null=True)
    brier_skill = serializers.FloatField(allow_null=True)
    ece = serializers.FloatField(allow_null=True)
    decomposition = DecompositionSerializer()
    calibration = CalibrationBinSerializer(many=True)
