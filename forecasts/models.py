import datetime
import hashlib
import math
import re
import unicodedata

from django.conf import settings
from django.db import connections, models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from sources.models import Author, NameKeyed, Source

from . import rules, scoring
from .constraints import FieldCheck


class ProbabilityField(models.FloatField):
    """A probability kept at rules.PROBABILITY_DECIMALS within rules' range; both are applied by
    full_clean, which every service calls before saving."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [rules.validate_probability])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("validators") == [rules.validate_probability]:
            del kwargs["validators"]
        return name, path, args, kwargs

    # Rounded when cleaned (full_clean, forms), not in get_prep_value: that would round the
    # values of lookups too (probability__lt=1e-5 would become < 0.0).
    def to_python(self, value):
        return _rounded(super().to_python(value))


def _rounded(value):
    if isinstance(value, float) and math.isfinite(value):
        return round(value, rules.PROBABILITY_DECIMALS)
    return value


class Tag(NameKeyed):
    name = models.CharField(max_length=64, help_text="A topic, e.g. 'north-korea' or 'trade'.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def claim_fingerprint(claim: str) -> str:
    """What makes two claims the same claim: equal after NFC and collapsing white space. A hash,
    because a long text column cannot carry a unique B-tree index on PostgreSQL."""
    normalised = " ".join(unicodedata.normalize("NFC", claim).split())
    return hashlib.sha256(normalised.encode("utf-8", "surrogatepass")).hexdigest()


class Status(models.TextChoices):
    PROPOSED = "proposed", "Proposed (awaiting an editor)"
    # A proposal the editor turned down: kept (and restorable), never shown, reminded or scored.
    REJECTED = "rejected", "Rejected proposal"
    OPEN = "open", "Open"
    DUE = "due", "Due for review"
    RESOLVED = "resolved", "Resolved"


# Nobody's forecast (yet, or any more): candidates awaiting an editor and the ones turned down.
UNCONFIRMED = (Status.PROPOSED, Status.REJECTED)


class Outcome(models.TextChoices):
    # The outcome is whether the claim came true, never whether the forecaster was right.
    YES = "yes", "Yes — the claim came true"
    NO = "no", "No — the claim did not come true"
    AMBIGUOUS = "ambiguous", "Ambiguous — the evidence cannot decide it"
    ANNULLED = "annulled", "Annulled — the claim cannot be checked as stated"


class ProbabilityBasis(models.TextChoices):
    STATED = "stated", "Stated number in the text"
    PHRASE = "phrase", "Estimative words, via the probability scale"
    ANALYST = "analyst", "Analyst judgement"
    NONE = "none", "No number (words like 'may' or 'could')"


# Outcomes that say the claim was decided; they need the evidence that decided it.
DECIDED_OUTCOMES = (Outcome.YES, Outcome.NO)


def resolution_errors(*, outcome: str, evidence_url: str, note: str) -> dict[str, str]:
    """What a resolution lacks, by field: the one rule for resolving, for the resolve service and
    for imported resolved rows alike."""
    errors = {}
    if outcome in DECIDED_OUTCOMES:
        if not evidence_url.strip():
            errors["evidence_url"] = "Link the evidence that shows whether the claim came true."
        if not note.strip():
            errors["resolution_note"] = "Say what the evidence shows."
    return errors


def review_on_or_deadline(review_on: datetime.date | None, deadline: datetime.date) -> datetime.date:
    """The one rule for the review date: unless someone chose one, the forecast is reviewed on its
    deadline. The model applies it on clean() and save(); the file import, which writes in bulk
    without save(), calls it too."""
    return review_on or deadline


def local_today() -> datetime.date:
    """Today in settings.TIME_ZONE: a review date 'comes' at local midnight, not UTC's."""
    return timezone.localdate()


# The one definition of "scored": a forecast enters the scores when it is resolved yes or no and
# carried a probability. ForecastQuerySet.scored(), the scorecards and the calibration cell use it.
SCORED_OUTCOMES = (Outcome.YES, Outcome.NO)
SCORED = Q(status=Status.RESOLVED, outcome__in=[*SCORED_OUTCOMES], probability__isnull=False)


def waiting_condition(today: datetime.date) -> Q:
    """Resolved while its deadline has not passed yet: the partial index on resolved deadlines
    finds these few rows without reading the rest."""
    return Q(status=Status.RESOLVED, deadline__gte=today)


def counted_condition(today: datetime.date) -> Q:
    return ~Q(status=Status.RESOLVED) | Q(deadline__lt=today)


# Where a forecast counts in a scorecard: its calibration bin (0 .. n_bins - 1) when it is scored,
# else a negative cell for its state. forecasts.scorecards groups by it.
CELL_OPEN, CELL_DUE, CELL_AMBIGUOUS, CELL_ANNULLED, CELL_UNSCORED = -1, -2, -3, -4, -5


def calibration_cell_case(n_bins: int) -> models.Case:
    """SQL twin of `scoring.bin_index` for scored forecasts (the first inner edge >= p names the
    bin), and the state's cell for the others. Scored forecasts come first: in an archive they
    are most rows, and CASE stops at the first match."""
    edges = scoring.bin_edges(n_bins)
    bins = models.Case(
        *(models.When(probability__lte=edges[k + 1], then=models.Value(k)) for k in range(n_bins - 1)),
        default=models.Value(n_bins - 1),
    )
    return models.Case(
        models.When(SCORED, then=bins),
        models.When(status=Status.OPEN, then=models.Value(CELL_OPEN)),
        models.When(status=Status.DUE, then=models.Value(CELL_DUE)),
        models.When(outcome=Outcome.AMBIGUOUS, then=models.Value(CELL_AMBIGUOUS)),
        models.When(outcome=Outcome.ANNULLED, then=models.Value(CELL_ANNULLED)),
        default=models.Value(CELL_UNSCORED),
    )


class EventLink(models.TextChoices):
    """How a forecast's outcome follows from its event's."""

    SAME = "same", "Same claim: came true when the event did"
    OPPOSITE = "opposite", "Opposite claim ('will not'): came true when the event did not"
    THRESHOLD = "threshold", "Threshold on the event's value: came true when the value passes it"


class Comparator(models.TextChoices):
    GT = ">", "above"
    GTE = ">=", "at or above"
    LT = "<", "below"
    LTE = "<=", "at or below"


def _compare(value: float, comparator: str, threshold: float) -> bool:
    return {
        Comparator.GT: value > threshold,
        Comparator.GTE: value >= threshold,
        Comparator.LT: value < threshold,
        Comparator.LTE: value <= threshold,
    }[comparator]


def linked_outcome(
    *, link: str, comparator: str = "", threshold: float | None = None, event_outcome: str, value: float | None
) -> str:
    """The one rule for how a linked forecast's outcome follows from its event: the same claim
    shares the event's outcome, the opposite claim flips yes and no, a threshold claim is decided
    by the event's value. An event that is ambiguous or annulled leaves every claim so."""
    if event_outcome not in DECIDED_OUTCOMES:
        return event_outcome
    if link == EventLink.SAME:
        return event_outcome
    if link == EventLink.OPPOSITE:
        return Outcome.NO if event_outcome == Outcome.YES else Outcome.YES
    if value is None or threshold is None:
        raise ValueError("A threshold claim is decided by the event's value; the event has none.")
    return Outcome.YES if _compare(value, comparator, threshold) else Outcome.NO


def linked_outcome_case(*, event_outcome: str, value: float | None) -> models.Case:
    """SQL twin of `linked_outcome` over Forecast rows, so that resolving an event is one UPDATE
    whatever the number of its forecasts."""
    if event_outcome not in DECIDED_OUTCOMES:
        return models.Value(event_outcome)
    opposite = Outcome.NO if event_outcome == Outcome.YES else Outcome.YES
    whens = [
        models.When(event_link=EventLink.SAME, then=models.Value(event_outcome)),
        models.When(event_link=EventLink.OPPOSITE, then=models.Value(opposite)),
    ]
    if value is not None:
        passes = {
            Comparator.GT: Q(event_threshold__lt=value),
            Comparator.GTE: Q(event_threshold__lte=value),
            Comparator.LT: Q(event_threshold__gt=value),
            Comparator.LTE: Q(event_threshold__gte=value),
        }
        whens += [
            models.When(
                Q(event_link=EventLink.THRESHOLD, event_comparator=comparator) & passes[comparator],
                then=models.Value(Outcome.YES),
            )
            for comparator in Comparator.values
        ]
    return models.Case(*whens, default=models.Value(Outcome.NO), output_field=models.CharField())


# Suggestions: a shared tag counts as much as this much trigram similarity of the texts.
SHARED_TAG_WEIGHT = 0.25
# Below this similarity, and without a shared tag, an event is not suggested.
MIN_SIMILARITY = 0.1
# On databases without trigrams the word overlap is computed in Python over this many candidates.
SUGGESTION_CANDIDATES = 2000


def _words(text: str) -> set[str]:
    return {word for word in re.findall(r"\w+", text.casefold()) if len(word) > 2}


def word_overlap(a: str, b: str) -> float:
    """Jaccard similarity of the words (three letters or more) of two texts: the plain stand-in
    for trigram similarity where the database has none."""
    first, second = _words(a), _words(b)
    return len(first & second) / len(first | second) if first and second else 0.0


def reference_for(*, own: float | None, link: str, event_reference: float | None) -> float | None:
    """The one rule for the reference a forecast is compared with: its own, else its event's (one
    minus it for the opposite claim). A threshold claim takes none from its event, whose
    reference is about the event's claim, not the threshold."""
    if own is not None:
        return own
    if event_reference is None:
        return None
    if link == EventLink.SAME:
        return event_reference
    if link == EventLink.OPPOSITE:
        return round(1.0 - event_reference, rules.PROBABILITY_DECIMALS)
    return None


def reference_from_event_case(event_reference: float | None) -> models.Case | models.Value:
    """SQL twin of `reference_for` for forecasts without their own reference, so that changing an
    event's reference updates its forecasts in one statement."""
    if event_reference is None:
        return models.Value(None, output_field=models.FloatField())
    return models.Case(
        models.When(event_link=EventLink.SAME, then=models.Value(event_reference)),
        models.When(
            event_link=EventLink.OPPOSITE,
            then=models.Value(round(1.0 - event_reference, rules.PROBABILITY_DECIMALS)),
        ),
        default=models.Value(None),
        output_field=models.FloatField(),
    )


def _squared_error(probability) -> models.Expression:
    came_true = models.Case(
        models.When(outcome=Outcome.YES, then=models.Value(1.0)),
        default=models.Value(0.0),
        output_field=models.FloatField(),
    )
    return models.ExpressionWrapper(
        (probability - came_true) * (probability - came_true), output_field=models.FloatField()
    )


def relative_brier_case() -> models.Case:
    """(p − o)² − (r − o)² for a scored forecast with a reference r, else NULL: what the relative
    Brier averages, stored so that a scorecard sums one column instead of joining events."""
    return models.Case(
        models.When(
            SCORED & Q(reference_used__isnull=False),
            then=_squared_error(F("probability")) - _squared_error(F("reference_used")),
        ),
        default=models.Value(None),
        output_field=models.FloatField(),
    )


class EventQuerySet(models.QuerySet):
    def unresolved(self):
        return self.filter(resolved_at__isnull=True)

    def resolved(self):
        return self.filter(resolved_at__isnull=False)

    def suggested_for(self, forecast: "Forecast", *, limit: int = 5) -> list["Event"]:
        """Events a forecast is likely about: their window overlaps the forecast's (made on to
        deadline), ranked by how similar their title is to the claim (trigram similarity on
        PostgreSQL, word overlap elsewhere) plus a bonus for each shared tag. Each suggestion
        carries .similarity and .shared_tags."""
        tag_ids = list(forecast.tags.values_list("pk", flat=True)) if forecast.pk else []
        candidates = self.filter(deadline__gte=forecast.made_on).filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=forecast.deadline)
        )
        if forecast.event_id is not None:
            candidates = candidates.exclude(pk=forecast.event_id)
        shared = models.Count("tags", filter=Q(tags__in=tag_ids), distinct=True) if tag_ids else models.Value(0)
        candidates = candidates.annotate(shared_tags=shared)
        if connections[self.db].vendor == "postgresql":
            from django.contrib.postgres.search import TrigramSimilarity

            ranked = (
                candidates.annotate(similarity=TrigramSimilarity("title", forecast.claim))
                .annotate(rank=F("similarity") + F("shared_tags") * SHARED_TAG_WEIGHT)
                .filter(Q(shared_tags__gt=0) | Q(similarity__gte=MIN_SIMILARITY))
                .order_by("-rank", "deadline", "id")
            )
            return list(ranked[:limit])
        events = list(candidates.order_by("-deadline", "-id")[:SUGGESTION_CANDIDATES])
        for event in events:
            event.similarity = word_overlap(event.title, forecast.claim)
        events = [e for e in events if e.shared_tags or e.similarity >= MIN_SIMILARITY]
        events.sort(key=lambda e: (-(e.similarity + e.shared_tags * SHARED_TAG_WEIGHT), e.deadline, e.pk))
        return events[:limit]


class Event(models.Model):
    """What is being predicted, once: several forecasts (by different pundits, in different
    articles, for or against it, or on thresholds of its value) link to it and are resolved
    together from its one evidence record."""

    title = models.CharField(
        max_length=300, help_text="The event as a checkable claim, e.g. 'Brent above $100 in 2026'."
    )
    resolution_criteria = models.TextField(help_text="What source and threshold decide the event.")
    starts_on = models.DateField(
        null=True,
        blank=True,
        validators=[rules.validate_date_in_range],
        help_text="Start of the event's window, if any.",
    )
    deadline = models.DateField(validators=[rules.validate_date_in_range], help_text="End of the event's window.")
    tags = models.ManyToManyField(Tag, related_name="events", blank=True)
    reference_probability = ProbabilityField(
        null=True,
        blank=True,
        help_text="A reference for the event's claim (a market or crowd price, a model, a base rate); linked "
        "forecasts without a reference of their own are compared with it.",
    )
    reference_source = models.CharField(
        max_length=300, blank=True, help_text="Where the reference probability comes from; required with one."
    )
    # NULL, not "", means "not resolved yet", as on Forecast.
    outcome = models.CharField(  # noqa: DJ001
        max_length=10, choices=Outcome.choices, null=True, blank=True, help_text="Whether the event's claim came true."
    )
    resolved_value = models.FloatField(
        null=True, blank=True, help_text="The measured value, when the event is a quantity that thresholds decide."
    )
    evidence_url = models.URLField(max_length=1000, blank=True, help_text="Where the outcome can be checked.")
    resolution_note = models.TextField(blank=True, help_text="What the evidence says, and any caveats.")
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[tags])

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "id"]
        constraints = [
            FieldCheck(
                condition=(Q(outcome__isnull=False) & Q(resolved_at__isnull=False))
                | (Q(outcome__isnull=True) & Q(resolved_at__isnull=True)),
                name="event_outcome_matches_resolved_at",
                violation_error_message="A resolved event needs an outcome and a resolution time; "
                "an unresolved one has neither.",
            ),
            FieldCheck(condition=Q(outcome__isnull=True) | Q(outcome__in=Outcome.values), name="event_outcome_valid"),
            FieldCheck(
                condition=Q(reference_probability__isnull=True) | ~Q(reference_source=""),
                name="event_reference_has_source",
                violation_error_message="Say where the reference probability comes from.",
            ),
            FieldCheck(
                condition=Q(starts_on__isnull=True) | Q(deadline__gte=F("starts_on")),
                name="event_deadline_not_before_start",
                violation_error_message="The deadline cannot be before the start of the window.",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None


class ForecastQuerySet(models.QuerySet):
    def unresolved(self):
        return self.filter(status__in=[Status.OPEN, Status.DUE])

    def proposed(self):
        return self.filter(status=Status.PROPOSED)

    def rejected(self):
        return self.filter(status=Status.REJECTED)

    def confirmed(self):
        """Forecasts someone is on record as having made: not a proposal, pending or rejected."""
        return self.exclude(status__in=UNCONFIRMED)

    def open(self):
        return self.filter(status=Status.OPEN)

    def resolved(self):
        return self.filter(status=Status.RESOLVED)

    def reaching_review(self, today: datetime.date | None = None):
        """Open forecasts whose review date has come: the ones the scheduler flags as due."""
        return self.open().filter(review_on__lte=today or local_today())

    def overdue(self, today: datetime.date | None = None):
        return self.unresolved().filter(review_on__lt=today or local_today())

    def to_remind(self, today: datetime.date, heads_up_days: int = 0):
        """Unresolved forecasts whose review date is within the heads-up window or past."""
        return self.unresolved().filter(review_on__lte=today + datetime.timedelta(days=heads_up_days))

    def scored(self):
        """Forecasts that enter the scores: a probability and a yes/no outcome."""
        return self.filter(SCORED)

    def counted(self, *, include_early: bool = False, today: datetime.date | None = None):
        """Forecasts a scorecard counts today. A resolved forecast counts once its deadline has
        passed, when it could have resolved either way: before that only a claim that came true
        early can be resolved, and counting it at once would tilt calibration toward "yes". Such a
        forecast waits (`resolved_early`) and is counted at its deadline. `include_early` counts
        every resolved forecast at once.

        A plain WHERE condition, so the aggregation over the counted rows does no extra work."""
        if include_early:
            return self.all()
        return self.filter(counted_condition(today or local_today()))

    def resolved_early(self, today: datetime.date | None = None):
        """Resolved before the deadline has passed: waiting to be counted (see `counted`)."""
        return self.filter(waiting_condition(today or local_today()))

    def with_related(self):
        return self.select_related("source", "source__publication", "author", "reviewer", "resolved_by")


# Characters of the readable part of a forecast's public address.
SLUG_LENGTH = 60


class Forecast(models.Model):
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="forecasts")
    author = models.ForeignKey(
        Author,
        on_delete=models.PROTECT,
        related_name="forecasts",
        verbose_name="forecaster",
        help_text="Who made the forecast (the article's author), not who recorded it.",
    )
    quote = models.TextField(help_text="The forecast verbatim from the source, as a quotation.")
    claim = models.TextField(
        help_text="A checkable proposition: after the deadline, anyone with the criteria below "
        "can say whether it came true."
    )
    claim_key = models.CharField(
        max_length=64, editable=False, help_text="Fingerprint of the claim; derived, never edited."
    )
    estimative_phrase = models.CharField(
        max_length=100, blank=True, help_text="The words that carry the probability, e.g. 'will likely', 'unlikely'."
    )
    probability = ProbabilityField(
        null=True,
        blank=True,
        help_text=f"Probability that the claim comes true, from {rules.PROBABILITY_MIN} to {rules.PROBABILITY_MAX}. "
        "Empty when the words carry no number ('may', 'could'): tracked, but not scored.",
    )
    probability_basis = models.CharField(
        max_length=10,
        choices=ProbabilityBasis.choices,
        default=ProbabilityBasis.PHRASE,
        help_text="How the probability was obtained.",
    )
    made_on = models.DateField(
        validators=[rules.validate_date_in_range],
        help_text="When the forecast was made: the article's publication date.",
    )
    deadline = models.DateField(validators=[rules.validate_date_in_range], help_text="The end of the claim's window.")
    review_on = models.DateField(
        blank=True,
        validators=[rules.validate_date_in_range],
        help_text="When the evidence is expected (e.g. when the annual figure is published). "
        "Defaults to the deadline. Reviewers are reminded from this day.",
    )
    resolution_criteria = models.TextField(help_text="What source and threshold decide whether the claim came true.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    # NULL, not "", means "no outcome yet": the status/outcome constraint tests IS NULL.
    outcome = models.CharField(  # noqa: DJ001
        max_length=10,
        choices=Outcome.choices,
        null=True,
        blank=True,
        help_text="Whether the claim came true — not whether the forecaster was right.",
    )
    evidence_url = models.URLField(max_length=1000, blank=True, help_text="Where the outcome can be checked.")
    resolution_note = models.TextField(blank=True, help_text="What the evidence says, and any caveats.")
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forecasts_to_review",
        help_text="Who is reminded to resolve it. Empty: the Reviewers group.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    snoozed_on = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the review date was last moved by a snooze; no heads-up is sent for days before it.",
    )
    tags = models.ManyToManyField(Tag, related_name="forecasts", blank=True)
    event = models.ForeignKey(
        "Event",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forecasts",
        # Indexed by forecast_event_scores_idx, which leads with the event.
        db_index=False,
        help_text="The event this forecast is about, shared with other forecasts; resolving the event resolves it.",
    )
    # The empty defaults are also the database's, so rows written outside the ORM (bulk loads,
    # benchmarks' COPY) that know nothing of events are valid.
    event_link = models.CharField(
        max_length=10,
        choices=EventLink.choices,
        blank=True,
        default="",
        db_default="",
        help_text="How the forecast's outcome follows from the event's; empty without an event.",
    )
    event_comparator = models.CharField(
        max_length=2,
        choices=Comparator.choices,
        blank=True,
        default="",
        db_default="",
        help_text="For a threshold claim: above or below.",
    )
    event_threshold = models.FloatField(
        null=True, blank=True, help_text="For a threshold claim: the value the event's value is compared with."
    )
    reference_probability = ProbabilityField(
        null=True,
        blank=True,
        help_text="A reference probability for the same claim on the day the forecast was made (a market or "
        "crowd price, a model, the base rate of its tag). Empty: the event's reference, if any.",
    )
    reference_source = models.CharField(
        max_length=300,
        blank=True,
        default="",
        db_default="",
        help_text="Where the reference probability comes from; required with one.",
    )
    reference_used = models.FloatField(
        null=True,
        blank=True,
        editable=False,
        help_text="The reference the relative score uses: the forecast's own, else its event's; derived.",
    )
    # Bumped by every service write, so a client that read version N can be told that someone
    # changed the forecast since, instead of overwriting that change.
    version = models.PositiveIntegerField(
        default=1,
        db_default=1,
        editable=False,
        help_text="Goes up by one with every change; an edit names the version it read.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Stored, so a scorecard by author groups by a column instead of evaluating a CASE per row
    # and scorecard (about a third of the database's work on 100,000 forecasts).
    calibration_cell = models.GeneratedField(
        expression=calibration_cell_case(scoring.DEFAULT_BINS),
        output_field=models.SmallIntegerField(),
        db_persist=True,
        help_text="Where the forecast counts in a 10-bin scorecard; derived, never edited.",
    )
    relative_brier = models.GeneratedField(
        expression=relative_brier_case(),
        output_field=models.FloatField(),
        db_persist=True,
        help_text="Brier minus the reference's Brier when scored with a reference; derived, never edited.",
    )

    history = HistoricalRecords(
        m2m_fields=[tags],
        excluded_fields=["updated_at", "calibration_cell", "claim_key", "reference_used", "relative_brier"],
    )

    objects = ForecastQuerySet.as_manager()

    class Meta:
        ordering = ["review_on", "id"]
        # Recording what happened is the reviewers' job, separate from editing the forecast.
        permissions = [
            ("resolve_forecast", "Can resolve, correct and unresolve forecasts"),
            # Postponing a review is part of reviewing: a reviewer without change rights snoozes.
            ("snooze_forecast", "Can snooze forecasts (postpone the review, with a reason)"),
        ]
        indexes = [
            # The scheduler only ever looks at open forecasts by review date: a partial index
            # keeps that work proportional to what is open, not to the whole history.
            models.Index(fields=["review_on"], condition=Q(status="open"), name="forecast_open_review_idx"),
            models.Index(fields=["status", "review_on"], name="forecast_status_review_idx"),
            # Meta.ordering: the admin changelist's first page reads 50 index entries instead of
            # sorting the table, and the date hierarchy's MIN/MAX(review_on) are index lookups.
            models.Index(fields=["review_on", "id"], name="forecast_review_order_idx"),
            # Scorecards count the forecasts resolved before their deadline separately ("waiting"):
            # an index range over the resolved forecasts' deadlines from today on.
            models.Index(fields=["deadline"], condition=Q(status="resolved"), name="forecast_resolved_deadline_idx"),
            # Head-to-head reads one pundit's scored forecasts on events: this partial index holds
            # every column it needs, so PostgreSQL answers from the index alone instead of one
            # random table page per forecast.
            models.Index(
                fields=["author", "event", "status", "outcome", "probability"],
                condition=Q(event__isnull=False),
                name="forecast_author_event_idx",
            ),
            # A pundit's page reads every forecast on the events they forecast: the same columns,
            # led by the event (this also serves the foreign key's lookups).
            models.Index(
                fields=["event", "author", "status", "outcome", "probability"],
                condition=Q(event__isnull=False),
                name="forecast_event_scores_idx",
            ),
            # The relative scores read only forecasts compared with a reference, usually a few of
            # many: this keeps the scorecards' extra query to those rows, not a scan of the table.
            models.Index(fields=["author"], condition=Q(relative_brier__isnull=False), name="forecast_relative_idx"),
        ]
        constraints = [
            # "The same forecast": one forecaster's claim in one article, recorded once. Importing
            # a file twice, even at the same moment, cannot add it again.
            models.UniqueConstraint(
                fields=["source", "author", "claim_key"],
                name="forecast_unique_claim_per_source_author",
                violation_error_message="This forecaster's claim is already recorded for this article.",
            ),
            FieldCheck(
                condition=Q(probability__isnull=True)
                | Q(probability__gte=rules.PROBABILITY_MIN, probability__lte=rules.PROBABILITY_MAX),
                name="forecast_probability_in_range",
                violation_error_message=rules.PROBABILITY_RANGE_MESSAGE,
            ),
            # Also rejects NaN on SQLite, which stores NaN as NULL: a NULL probability must say
            # that the words carried no number.
            FieldCheck(
                condition=(Q(probability__isnull=True) & Q(probability_basis=ProbabilityBasis.NONE))
                | (Q(probability__isnull=False) & ~Q(probability_basis=ProbabilityBasis.NONE)),
                name="forecast_probability_matches_basis",
                violation_error_message="A probability needs a basis (stated, phrase or analyst); "
                "'no number' means the probability is empty.",
            ),
            FieldCheck(
                condition=Q(probability_basis__in=ProbabilityBasis.values),
                name="forecast_probability_basis_valid",
            ),
            FieldCheck(
                condition=Q(deadline__gte=F("made_on")),
                name="forecast_deadline_not_before_made_on",
                violation_error_message="The deadline cannot be before the date the forecast was made.",
            ),
            FieldCheck(
                condition=Q(review_on__gte=F("made_on")),
                name="forecast_review_not_before_made_on",
                violation_error_message="The review date cannot be before the date the forecast was made.",
            ),
            FieldCheck(condition=Q(status__in=Status.values), name="forecast_status_valid"),
            FieldCheck(
                condition=(Q(event__isnull=True) & Q(event_link=""))
                | (Q(event__isnull=False) & Q(event_link__in=EventLink.values)),
                name="forecast_event_link_matches_event",
                violation_error_message="A forecast linked to an event says how its outcome follows from the "
                "event (same, opposite or threshold); one without an event says nothing.",
            ),
            FieldCheck(
                condition=(
                    Q(event_link=EventLink.THRESHOLD)
                    & Q(event_comparator__in=Comparator.values)
                    & Q(event_threshold__isnull=False)
                )
                | (~Q(event_link=EventLink.THRESHOLD) & Q(event_comparator="") & Q(event_threshold__isnull=True)),
                name="forecast_event_threshold_matches_link",
                violation_error_message="A threshold claim needs a comparator and a threshold; "
                "other claims have neither.",
            ),
            FieldCheck(
                condition=Q(reference_probability__isnull=True) | ~Q(reference_source=""),
                name="forecast_reference_has_source",
                violation_error_message="Say where the reference probability comes from.",
            ),
            FieldCheck(
                condition=Q(outcome__isnull=True) | Q(outcome__in=Outcome.values), name="forecast_outcome_valid"
            ),
            FieldCheck(
                condition=(Q(status=Status.RESOLVED) & Q(outcome__isnull=False) & Q(resolved_at__isnull=False))
                | (~Q(status=Status.RESOLVED) & Q(outcome__isnull=True) & Q(resolved_at__isnull=True)),
                name="forecast_outcome_matches_status",
                violation_error_message="A resolved forecast needs an outcome and a resolution time; "
                "an unresolved one has neither.",
            ),
        ]

    def __str__(self) -> str:
        return self.claim if len(self.claim) <= 80 else self.claim[:79] + "…"

    def save(self, *args, **kwargs):
        self.review_on = review_on_or_deadline(self.review_on, self.deadline)
        self.claim_key = claim_fingerprint(self.claim)
        self.reference_used = reference_for(
            own=self.reference_probability,
            link=self.event_link,
            event_reference=self.event.reference_probability
            if self.event_id is not None and self.reference_probability is None
            else None,
        )
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            derived = {"reference_used"} | ({"claim_key"} if "claim" in update_fields else set())
            kwargs["update_fields"] = {*update_fields, *derived}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        """The public page; a proposed forecast has none yet (it answers 404 until confirmed)."""
        return reverse("public:forecast", args=[self.pk, self.slug])

    @property
    def is_public(self) -> bool:
        """Has a public page: a proposed candidate is nobody's forecast until an editor confirms it,
        and a rejected one never is."""
        return self.status not in UNCONFIRMED

    @property
    def is_scored(self) -> bool:
        """SCORED, read on this one row."""
        return self.status == Status.RESOLVED and self.outcome in SCORED_OUTCOMES and self.probability is not None

    @property
    def slug(self) -> str:
        """A readable slug from the claim, cut at a word; the id alone identifies the forecast."""
        slug = slugify(re.sub(r"[\u2010-\u2015/]", " ", self.claim))
        if len(slug) > SLUG_LENGTH:
            slug = slug[:SLUG_LENGTH].rsplit("-", 1)[0]
        return slug or "forecast"

    def clean(self):
        self.review_on = review_on_or_deadline(self.review_on, self.deadline)
        self.claim_key = claim_fingerprint(self.claim)

    def validate_constraints(self, exclude=None):
        # Forms leave out the derived key; the claim decides, so the uniqueness is checked with it.
        self.claim_key = claim_fingerprint(self.claim)
        if exclude and "claim" not in exclude:
            exclude = set(exclude) - {"claim_key"}
        super().validate_constraints(exclude=exclude)


class ForecastCorrection(models.Model):
    """One field of a resolved forecast changed by an explicit correction, with its reason: listed
    on the forecast's public page and its admin change page."""

    forecast = models.ForeignKey(Forecast, on_delete=models.CASCADE, related_name="corrections")
    field = models.CharField(max_length=40)
    old_value = models.TextField(blank=True)
    new_value = models.TextField(blank=True)
    reason = models.TextField()
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    corrected_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["corrected_at", "id"]
        indexes = [models.Index(fields=["forecast", "corrected_at"], name="correction_forecast_idx")]

    def __str__(self) -> str:
        return f"{self.field} corrected after resolution"


class ReminderKind(models.TextChoices):
    HEADS_UP = "heads_up", "Heads-up before the review date"
    DUE = "due", "Review date reached"
    REPEAT = "repeat", "Still unresolved"


class DigestStatus(models.TextChoices):
    PENDING = "pending", "Pending (not sent yet)"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed (the mail server refused it for good)"
    CANCELLED = "cancelled", "Cancelled (nothing left to remind)"


class ReminderDigestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=DigestStatus.PENDING)

    def deliverable(self, now: datetime.datetime):
        """Pending digests nobody is sending right now: never leased, or the lease ran out."""
        return self.pending().filter(Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lt=now))


class ReminderDigest(models.Model):
    """One reminder email to one reviewer: the outbox row that is created, claimed, sent, marked."""

    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_digests")
    run_on = models.DateField(help_text="The local day of the reminder run that created it.")
    status = models.CharField(max_length=10, choices=DigestStatus.choices, default=DigestStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # Who is sending it right now ("host:pid") and until when; nobody else may send it meanwhile.
    lease_owner = models.CharField(max_length=255, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)

    objects = ReminderDigestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "reminder email"
        indexes = [models.Index(fields=["created_at"], condition=Q(status="pending"), name="digest_pending_idx")]
        constraints = [
            FieldCheck(condition=Q(status__in=DigestStatus.values), name="digest_status_valid"),
            FieldCheck(
                condition=Q(status=DigestStatus.SENT, sent_at__isnull=False)
                | (~Q(status=DigestStatus.SENT) & Q(sent_at__isnull=True)),
                name="digest_sent_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return f"Reminder to {self.reviewer} on {self.run_on:%Y-%m-%d} ({self.get_status_display()})"


class Reminder(models.Model):
    """That a forecast was put in front of a reviewer for one reminder cycle."""

    forecast = models.ForeignKey(Forecast, on_delete=models.CASCADE, related_name="reminders")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders")
    # The cycle is (review date, cycle date): a snooze starts new cycles instead of reusing old ones.
    review_on = models.DateField()
    cycle_on = models.DateField(help_text="The scheduled reminder day this reminder belongs to.")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    digest = models.ForeignKey(ReminderDigest, on_delete=models.CASCADE, related_name="reminders")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["forecast__review_on", "forecast_id"]
        constraints = [
            # Exactly once per (forecast, reviewer, cycle): the database refuses a second one.
            models.UniqueConstraint(
                fields=["forecast", "reviewer", "review_on", "cycle_on"], name="reminder_once_per_cycle"
            ),
            FieldCheck(condition=Q(kind__in=ReminderKind.values), name="reminder_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.forecast} → {self.reviewer} ({self.cycle_on:%Y-%m-%d})"


class PublicDataVersion(models.Model):
    """One row whose `value` goes up after every committed change that a public page shows.

    Public pages, feeds and downloads are cached and answered with ETags under this value, so a
    resolve shows everywhere at once. It lives in the database, not the cache: every web process
    and worker then agrees on it, whatever cache is configured."""

    value = models.BigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"public data version {self.value}"


class CalendarToken(models.Model):
    """A reviewer's private key to the iCalendar feed of their review dates: calendar apps cannot
    sign in, so whoever holds the URL reads the feed, until the reviewer replaces the key."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token")
    key = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"calendar key of {self.user}"
