"""Forecasts reaching their review date, and postponing a review."""

import datetime
from collections import defaultdict

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from ..models import Forecast, Status, local_today
from .forecasts import _locked, _required_reason
from .public import public_data_changed

# A review can be postponed only while one is coming or due.
SNOOZABLE = (Status.OPEN, Status.DUE)


@transaction.atomic
def forecasts_flag_due(*, today: datetime.date | None = None) -> int:
    """Move open forecasts whose review date has come to due; returns how many moved.

    One set-based UPDATE instead of a save() per row. simple-history does not see UPDATEs, so the
    history rows (and their tag snapshots) are written in bulk for exactly the rows that moved."""
    today = today or local_today()
    now = timezone.now()
    # skip_locked: two flaggers at once (PostgreSQL) split the rows instead of both writing history.
    # Locked in (review_on, pk) order, the order of the review-date indexes: with ORDER BY pk alone
    # PostgreSQL may walk the whole primary key to skip a sort, reading every forecast ever made.
    moving = list(
        Forecast.objects.reaching_review(today).select_for_update(skip_locked=True).order_by("review_on", "pk")
    )
    if not moving:
        return 0
    ids = [forecast.pk for forecast in moving]
    # Below SQLite's and PostgreSQL's limits on query parameters: in practice a single UPDATE.
    for start in range(0, len(ids), 10_000):
        Forecast.objects.filter(pk__in=ids[start : start + 10_000]).update(
            status=Status.DUE, updated_at=now, version=F("version") + 1
        )
    for forecast in moving:
        forecast.status = Status.DUE
        forecast.version += 1
    # No batch_size: as many rows per INSERT as the backend takes (all of them on PostgreSQL), so
    # a reminder run's queries do not grow with the forecasts it flags.
    history = Forecast.history.bulk_history_create(
        moving, update=True, default_change_reason="Review date reached", default_date=now
    )
    _bulk_tag_history(history=history, forecast_ids=ids)
    public_data_changed()
    return len(moving)


def _bulk_tag_history(*, history: list, forecast_ids: list[int]) -> None:
    """Snapshot each forecast's tags for its new history row, as a save() would have done."""
    through = Forecast.tags.through
    tag_history = Forecast.history.model._meta.get_field("historicalforecast_tags").related_model
    links = defaultdict(list)
    for start in range(0, len(forecast_ids), 10_000):
        for link in through.objects.filter(forecast_id__in=forecast_ids[start : start + 10_000]):
            links[link.forecast_id].append(link)
    rows = [
        tag_history(history=record, forecast_id=link.forecast_id, tag_id=link.tag_id, id=link.pk)
        for record in history
        for link in links[record.id]
    ]
    tag_history.objects.bulk_create(rows)


@transaction.atomic
def forecast_snooze(
    *, forecast: Forecast, review_on: datetime.date, reason: str, snoozed_by: AbstractBaseUser | None
) -> Forecast:
    """Postpone the review to a later day; the forecast is open again and not reminded until then."""
    reason = _required_reason(reason, "Say why the review is postponed; the reason is kept in the history.")
    forecast = _locked(forecast)
    if forecast.status not in SNOOZABLE:
        raise ValidationError("Only an open or due forecast can be snoozed.")
    today = local_today()
    if review_on <= today:
        raise ValidationError({"review_on": "Snooze to a day after today."})
    previous = forecast.review_on
    forecast.review_on = review_on
    forecast.status = Status.OPEN
    forecast.snoozed_on = today
    forecast.full_clean()
    forecast.version += 1
    forecast._history_user = snoozed_by
    forecast._change_reason = f"Snoozed from {previous.isoformat()} to {review_on.isoformat()}: {reason}"
    forecast.save()
    return forecast
