"""Every write to forecasts goes through these functions: the admin, the API, the management
commands and the Celery tasks all call them, so the rules live in one place."""

import datetime
import math
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from sources.models import Author, Source

from .models import Forecast, ProbabilityBasis, Status, Tag

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
)


def _check_probability(probability: float | None) -> None:
    # The database would store NaN as NULL on SQLite; refuse it before it gets there.
    if probability is not None and (not isinstance(probability, int | float) or not math.isfinite(probability)):
        raise ValidationError({"probability": "The probability must be a number strictly between 0 and 1."})


@transaction.atomic
def tags_get_or_create(*, names: Iterable[str]) -> list[Tag]:
    tags = []
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        tag = Tag.objects.filter(name__iexact=name).first()
        if tag is None:
            tag = Tag(name=name)
            tag.full_clean()
            tag.save()
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
) -> Forecast:
    _check_probability(probability)
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
        review_on=review_on or deadline,
        resolution_criteria=resolution_criteria,
        status=status,
        reviewer=reviewer,
        recorded_by=recorded_by,
    )
    forecast.full_clean()
    forecast.save()
    if tags:
        forecast.tags.set(tags_get_or_create(names=tags))
    return forecast


@transaction.atomic
def forecast_update(*, forecast: Forecast, data: dict, tags: Iterable[str] | None = None) -> Forecast:
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: "This field cannot be changed here." for name in sorted(unknown)})
    if "probability" in data:
        _check_probability(data["probability"])
    for name, value in data.items():
        setattr(forecast, name, value)
    if forecast.probability is None:
        forecast.probability_basis = ProbabilityBasis.NONE
    elif forecast.probability_basis == ProbabilityBasis.NONE:
        raise ValidationError({"probability_basis": "Say how the probability was obtained."})
    forecast.full_clean()
    forecast.save()
    if tags is not None:
        forecast.tags.set(tags_get_or_create(names=tags))
    return forecast
