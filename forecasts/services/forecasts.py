"""Recording and editing forecasts and their tags."""

import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sources import services as source_services
from sources.models import Author, Source, name_key

from .. import rules
from ..models import Forecast, ProbabilityBasis, Status, Tag

# Fields an editor may change on an existing forecast; status and outcome change only through
# the resolution and scheduling services.
EDITABLE_FIELDS = (
    "source",
    "author",
    "quote",
    "claim",
    "estimative_phrase",
    "probability",
    "probability_basis",
    "made_on",
    "deadline",
    "review_on",
    "resolution_criteria",
    "reviewer",
    "reference_probability",
    "reference_source",
)


def _check_probability(probability: float | None, *, field: str = "probability") -> None:
    """The probability rule, keyed by its field, before the row is locked: SQLite would store a
    NaN that slipped past as NULL."""
    try:
        rules.validate_probability(probability)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from None


@transaction.atomic
def tags_get_or_create(*, names: Iterable[str]) -> list[Tag]:
    tags = []
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        key = name_key(name)
        tag = Tag.objects.filter(name_key=key).first()
        if tag is None:
            tag = Tag(name=name)
            tag.full_clean()
            tag, _ = source_services.insert_or_get(tag, name_key=key)
        if tag not in tags:
            tags.append(tag)
    return tags


@transaction.atomic
def forecast_create(
    *,
    source: Source,
    author: Author,
    quote: str,
    claim: str,
    deadline: datetime.date,
    resolution_criteria: str,
    probability: float | None,
    probability_basis: str = ProbabilityBasis.PHRASE,
    estimative_phrase: str = "",
    made_on: datetime.date | None = None,
    review_on: datetime.date | None = None,
    status: str = Status.OPEN,
    reviewer: AbstractBaseUser | None = None,
    recorded_by: AbstractBaseUser | None = None,
    tags: Iterable[str] = (),
    reference_probability: float | None = None,
    reference_source: str = "",
) -> Forecast:
    _check_probability(probability)
    _check_probability(reference_probability, field="reference_probability")
    if status not in (Status.OPEN, Status.PROPOSED):
        raise ValidationError({"status": "A new forecast starts open or proposed; resolve it afterwards."})
    forecast = Forecast(
        source=source,
        author=author,
        quote=quote,
        claim=claim,
        estimative_phrase=estimative_phrase,
        probability=probability,
        probability_basis=ProbabilityBasis.NONE if probability is None else probability_basis,
        made_on=made_on or source.published_on,
        deadline=deadline,
        review_on=review_on,  # full_clean() defaults it to the deadline
        resolution_criteria=resolution_criteria,
        status=status,
        reviewer=reviewer,
        recorded_by=recorded_by,
        reference_probability=reference_probability,
        reference_source=reference_source.strip(),
    )
    forecast.full_clean()
    # The history middleware only sees session users; name the author of the change explicitly
    # so that token (API) and command writes are attributed too.
    if recorded_by is not None:
        forecast._history_user = recorded_by
    forecast.save()
    if tags:
        forecast.tags.set(tags_get_or_create(names=tags))
    return forecast


def _required_reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": message})
    return reason


class ForecastConflict(ValidationError):
    """The forecast is not in the state the caller believed: someone changed it since it was read,
    or it is resolved and its record is frozen. Nothing was written; the API answers 409."""


# A resolved forecast's record: these change only by unresolving it (with a reason) or by an
# audited correction (forecast_correct), never by an ordinary edit.
FROZEN_FIELDS = (
    "source",
    "author",
    "quote",
    "claim",
    "estimative_phrase",
    "probability",
    "probability_basis",
    "made_on",
    "deadline",
    "review_on",
    "resolution_criteria",
    "reference_probability",
    "reference_source",
)
# What a correction may change: the frozen record and the resolution itself.
CORRECTABLE_FIELDS = (*FROZEN_FIELDS, "outcome", "evidence_url", "resolution_note")
# Compared to tell someone what changed since the version they read.
_TRACKED_FIELDS = (*EDITABLE_FIELDS, "status", "outcome", "evidence_url", "resolution_note")


def _changes_since(forecast: Forecast, version: int) -> str:
    """ "Changed since you opened it by editor at 14:02 UTC: claim, probability." from the history."""
    records = list(forecast.history.filter(version__gte=version).order_by("history_date", "history_id"))
    # The last record of that version: rows written before versions existed all share version 1.
    base = next((record for record in reversed(records) if record.version == version), None)
    later = [record for record in records if record.version > version]
    if base is None or not later:
        return f"Changed since you opened it (you read version {version}; it is now version {forecast.version})."
    names = [
        name
        for name in _TRACKED_FIELDS
        if getattr(base, f"{name}_id" if name in ("source", "author", "reviewer") else name)
        != getattr(forecast, f"{name}_id" if name in ("source", "author", "reviewer") else name)
    ]
    who = ", ".join(
        dict.fromkeys(str(record.history_user) if record.history_user else "the system" for record in later)
    )
    when = timezone.localtime(later[-1].history_date).strftime("%Y-%m-%d %H:%M %Z")
    what = ", ".join(names) if names else "tags or status"
    return f"Changed since you opened it by {who} at {when}: {what}."


def _locked(forecast: Forecast | int, *, expected_version: int | None = None) -> Forecast:
    """The forecast's current row, locked until the transaction ends (PostgreSQL; SQLite's
    IMMEDIATE transactions already hold the write lock), checked against the version the
    caller read."""
    pk = forecast if isinstance(forecast, int) else forecast.pk
    current = Forecast.objects.select_for_update().get(pk=pk)
    if expected_version is not None and current.version != expected_version:
        raise ForecastConflict(f"{_changes_since(current, expected_version)} Reload and apply your change again.")
    return current


@transaction.atomic
def forecast_check_version(*, forecast: Forecast, expected_version: int | None) -> Forecast:
    """Lock the forecast and refuse (ForecastConflict) when it changed since `expected_version`.
    For a form that validates before it saves, inside the transaction that then saves."""
    return _locked(forecast, expected_version=expected_version)


def _differs(forecast: Forecast, name: str, value) -> bool:
    field = Forecast._meta.get_field(name)
    if field.is_relation:
        return getattr(forecast, field.attname) != (value.pk if value is not None else None)
    return getattr(forecast, name) != value


@transaction.atomic
def forecast_update(
    *,
    forecast: Forecast,
    data: dict,
    tags: Iterable[str] | None = None,
    changed_by: AbstractBaseUser | None = None,
    expected_version: int | None = None,
) -> Forecast:
    """Write the given fields, and only them, onto the forecast's current row.

    The row is locked and re-read first, so a resolution or another edit that committed
    meanwhile is kept; with `expected_version` an edit made on an older version is refused.
    A resolved forecast's record (FROZEN_FIELDS) is not edited here: correct it or unresolve it."""
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: "This field cannot be changed here." for name in sorted(unknown)})
    if "probability" in data:
        _check_probability(data["probability"])
    if "reference_probability" in data:
        _check_probability(data["reference_probability"], field="reference_probability")
    forecast = _locked(forecast, expected_version=expected_version)
    changed = [name for name, value in data.items() if _differs(forecast, name, value)]
    if forecast.status == Status.RESOLVED:
        frozen = [name for name in changed if name in FROZEN_FIELDS]
        if frozen:
            raise ForecastConflict(
                f"This forecast is resolved, so its record is frozen ({', '.join(frozen)}). "
                "Correct it with a reason, or unresolve it first."
            )
    for name in changed:
        setattr(forecast, name, data[name])
    if forecast.probability is None:
        if forecast.probability_basis != ProbabilityBasis.NONE:
            forecast.probability_basis = ProbabilityBasis.NONE
            changed.append("probability_basis")
    elif forecast.probability_basis == ProbabilityBasis.NONE:
        raise ValidationError({"probability_basis": "Say how the probability was obtained."})
    new_tags = tags_get_or_create(names=tags) if tags is not None else None
    tags_changed = new_tags is not None and {tag.pk for tag in new_tags} != set(
        forecast.tags.values_list("pk", flat=True)
    )
    if not changed and not tags_changed:
        return forecast
    forecast.full_clean()
    forecast.version += 1
    if changed_by is not None:
        forecast._history_user = changed_by
    forecast.save()
    if tags_changed:
        forecast.tags.set(new_tags)
    return forecast
