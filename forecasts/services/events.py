"""Events shared by several forecasts: creating one, linking a forecast to it, and resolving it
together with every forecast linked to it."""

import datetime
import math
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connections, transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.utils import timezone

from ..models import (
    UNCONFIRMED,
    Comparator,
    Event,
    EventLink,
    Forecast,
    Outcome,
    Status,
    linked_outcome,
    linked_outcome_case,
    reference_from_event_case,
)
from .forecasts import ForecastConflict, _check_probability, _locked, tags_get_or_create
from .public import public_data_changed
from .resolution import _check_evidence, forecast_resolve, resolution_change_reason


@transaction.atomic
def event_create(
    *,
    title: str,
    resolution_criteria: str,
    deadline: datetime.date,
    starts_on: datetime.date | None = None,
    tags: Iterable[str] = (),
    reference_probability: float | None = None,
    reference_source: str = "",
    created_by: AbstractBaseUser | None,
) -> Event:
    event = Event(
        title=title.strip(),
        resolution_criteria=resolution_criteria.strip(),
        deadline=deadline,
        starts_on=starts_on,
        reference_probability=reference_probability,
        reference_source=reference_source.strip(),
        created_by=created_by,
    )
    _check_probability(reference_probability, field="reference_probability")
    event.full_clean()
    event._history_user = created_by
    event.save()
    if tags:
        event.tags.set(tags_get_or_create(names=tags))
    return event


# What an editor may change on an event; its resolution changes only through event_resolve.
EVENT_EDITABLE_FIELDS = (
    "title",
    "resolution_criteria",
    "starts_on",
    "deadline",
    "reference_probability",
    "reference_source",
)


@transaction.atomic
def event_update(
    *, event: Event, data: dict, tags: Iterable[str] | None = None, changed_by: AbstractBaseUser | None
) -> Event:
    """Write the given fields onto the event's current row."""
    unknown = set(data) - set(EVENT_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: "This field cannot be changed here." for name in sorted(unknown)})
    if "reference_probability" in data:
        _check_probability(data["reference_probability"], field="reference_probability")
    event = Event.objects.select_for_update().get(pk=event.pk)
    for name, value in data.items():
        setattr(event, name, value.strip() if isinstance(value, str) else value)
    event.full_clean()
    event._history_user = changed_by
    event.save()
    if "reference_probability" in data:
        # Forecasts without a reference of their own are compared with the event's: one UPDATE.
        Forecast.objects.filter(event=event, reference_probability__isnull=True).update(
            reference_used=reference_from_event_case(event.reference_probability)
        )
    if tags is not None:
        event.tags.set(tags_get_or_create(names=tags))
    public_data_changed()
    return event


def _check_link(*, link: str, comparator: str, threshold: float | None) -> None:
    if link not in EventLink.values:
        raise ValidationError({"event_link": f"Choose one of: {', '.join(EventLink.values)}."})
    if link == EventLink.THRESHOLD:
        errors = {}
        if comparator not in Comparator.values:
            errors["event_comparator"] = f"Choose one of: {', '.join(Comparator.values)}."
        if threshold is None or not isinstance(threshold, int | float) or not math.isfinite(threshold):
            errors["event_threshold"] = "Give the number the event's value is compared with."
        if errors:
            raise ValidationError(errors)
    elif comparator or threshold is not None:
        raise ValidationError(
            {"event_threshold": "Only a threshold claim has a comparator and a threshold; leave them empty."}
        )


@transaction.atomic
def forecast_link_event(
    *,
    forecast: Forecast,
    event: Event | None,
    link: str = EventLink.SAME,
    comparator: str = "",
    threshold: float | None = None,
    linked_by: AbstractBaseUser | None,
    expected_version: int | None = None,
) -> Forecast:
    """Say which event a forecast is about and how its outcome follows from the event's (None
    unlinks it). A forecast linked to a resolved event is resolved from it at once; one already
    resolved must agree with the event, or be corrected first."""
    forecast = _locked(forecast, expected_version=expected_version)
    if event is None:
        link, comparator, threshold = "", "", None
    else:
        _check_link(link=link, comparator=comparator, threshold=threshold)
        event = Event.objects.select_for_update().get(pk=event.pk)
    if event is not None and event.is_resolved and forecast.status == Status.RESOLVED:
        derived = _derived(event, link=link, comparator=comparator, threshold=threshold)
        if derived != forecast.outcome:
            raise ForecastConflict(
                f"This forecast is resolved '{forecast.outcome}' but the event's outcome makes it '{derived}'; "
                "correct or unresolve the forecast first."
            )
    forecast.event = event
    forecast.event_link = link
    forecast.event_comparator = comparator
    forecast.event_threshold = threshold
    forecast.full_clean()
    forecast.version += 1
    forecast._history_user = linked_by
    forecast._change_reason = f"Linked to event #{event.pk}" if event is not None else "Unlinked from its event"
    forecast.save()
    if event is not None and event.is_resolved and forecast.status in (Status.OPEN, Status.DUE):
        forecast = forecast_resolve(
            forecast=forecast,
            outcome=_derived(event, link=link, comparator=comparator, threshold=threshold),
            evidence_url=event.evidence_url,
            note=event.resolution_note,
            resolved_by=linked_by,
        )
    public_data_changed()
    return forecast


def _derived(event: Event, *, link: str, comparator: str, threshold: float | None) -> str:
    try:
        return linked_outcome(
            link=link,
            comparator=comparator,
            threshold=threshold,
            event_outcome=event.outcome,
            value=event.resolved_value,
        )
    except ValueError as error:
        raise ValidationError({"resolved_value": str(error)}) from None


@dataclass(frozen=True)
class EventResolution:
    event: Event
    resolved: int  # linked forecasts resolved now
    already_resolved: int  # linked forecasts resolved before, whose outcome agrees with the event
    proposed: int  # linked candidates nobody has confirmed yet: left as they are


@transaction.atomic
def event_resolve(
    *,
    event: Event,
    outcome: str,
    evidence_url: str = "",
    note: str = "",
    value: float | None = None,
    resolved_by: AbstractBaseUser | None,
    resolved_at: datetime.datetime | None = None,
) -> EventResolution:
    """Resolve the event and every open or due forecast linked to it, in one transaction, from the
    event's one evidence record: each forecast's outcome follows from its own link (same claim,
    opposite claim, or threshold on `value`). Each resolved forecast gets the audit row a single
    resolution gets. The query count does not grow with the number of linked forecasts: one
    UPDATE derives every outcome in SQL, and the history rows are copied in one INSERT ... SELECT."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": f"Choose one of: {', '.join(Outcome.values)}."})
    if event.is_resolved:
        raise ForecastConflict({"outcome": "This event is already resolved."})
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value)
    ):
        raise ValidationError({"resolved_value": "The value must be a finite number."})
    evidence_url, note = evidence_url.strip(), note.strip()
    _check_evidence(outcome=outcome, evidence_url=evidence_url, note=note)
    resolved_at = resolved_at or timezone.now()

    linked = Forecast.objects.select_for_update().filter(event=event)
    rows = list(linked.values_list("status", "outcome", "event_link", "event_comparator", "event_threshold"))
    needs_value = outcome in (Outcome.YES, Outcome.NO) and any(row[2] == EventLink.THRESHOLD for row in rows)
    if needs_value and value is None:
        raise ValidationError({"resolved_value": "Threshold claims are linked: give the event's measured value."})
    conflicts = 0
    for status, current, link, comparator, threshold in rows:
        if status == Status.RESOLVED and current != linked_outcome(
            link=link, comparator=comparator, threshold=threshold, event_outcome=outcome, value=value
        ):
            conflicts += 1
    if conflicts:
        raise ForecastConflict(
            {
                "outcome": f"{conflicts} linked forecast(s) are already resolved with an outcome this event "
                "contradicts; correct or unresolve them first."
            }
        )

    event.outcome = outcome
    event.resolved_value = value
    event.evidence_url = evidence_url
    event.resolution_note = note
    event.resolved_by = resolved_by
    event.resolved_at = resolved_at
    event.full_clean()
    event._history_user = resolved_by
    event._change_reason = f"Resolved: did the event happen? {outcome}"
    event.save()

    to_resolve = linked.filter(status__in=[Status.OPEN, Status.DUE])
    resolved = to_resolve.update(
        status=Status.RESOLVED,
        outcome=linked_outcome_case(event_outcome=outcome, value=value),
        evidence_url=Value(evidence_url),
        resolution_note=Value(note),
        resolved_by=resolved_by,
        resolved_at=resolved_at,
        version=F("version") + 1,
        updated_at=resolved_at,
    )
    if resolved:
        _copy_history(event=event, resolved_at=resolved_at, user=resolved_by)
        public_data_changed()
    return EventResolution(
        event=event,
        resolved=resolved,
        already_resolved=sum(1 for row in rows if row[0] == Status.RESOLVED),
        proposed=sum(1 for row in rows if row[0] in UNCONFIRMED),
    )


def _copy_history(*, event: Event, resolved_at: datetime.datetime, user: AbstractBaseUser | None) -> None:
    """The audit rows of the forecasts just resolved, as simple_history writes them on save (the
    row as it now is, who, why, and its tags), copied in SQL: two statements for any number of
    forecasts, where saving each would take several queries per forecast."""
    history = Forecast.history.model
    own = {"history_id", "history_date", "history_change_reason", "history_type", "history_user"}
    columns = [field.column for field in history._meta.concrete_fields if field.name not in own]
    connection = connections[Forecast.objects.db]
    quote = connection.ops.quote_name
    history_date = connection.ops.adapt_datetimefield_value(timezone.now())
    just_resolved = (
        Forecast.objects.filter(event=event, status=Status.RESOLVED, resolved_at=resolved_at)
        .annotate(change_reason=Concat(Value(resolution_change_reason("", event_id=event.pk)), F("outcome")))
        .values_list(*columns, "change_reason")
        .order_by()
    )
    select_sql, select_params = just_resolved.query.sql_with_params()
    history_table = quote(history._meta.db_table)
    tags_history = history._meta.apps.get_model("forecasts", "HistoricalForecast_tags")
    # Only quoted table and column names from the models are formatted in; every value is bound.
    insert_history = (
        f"INSERT INTO {history_table} ({', '.join(quote(c) for c in columns)}, history_change_reason, "  # noqa: S608
        f"history_date, history_type, history_user_id) SELECT resolved_rows.*, %s, %s, %s "
        f"FROM ({select_sql}) resolved_rows"
    )
    insert_tags = (
        f"INSERT INTO {quote(tags_history._meta.db_table)} (id, forecast_id, tag_id, history_id) "  # noqa: S608
        f"SELECT t.id, t.forecast_id, t.tag_id, h.history_id FROM {quote(Forecast.tags.through._meta.db_table)} t "
        f"JOIN {history_table} h ON h.id = t.forecast_id "
        "WHERE h.event_id = %s AND h.history_date = %s AND h.history_type = %s"
    )
    with connection.cursor() as cursor:
        # The outer placeholders come first in the text, before the subquery's.
        cursor.execute(insert_history, (history_date, "~", user.pk if user is not None else None, *select_params))
        cursor.execute(insert_tags, (event.pk, history_date, "~"))
