"""A forecast's history as people read it: who, when (to the second, in the site's time zone),
what changed from what to what, and the reason, newest first."""

import datetime
from dataclasses import dataclass, field

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone

from forecasts import rules
from forecasts.models import Forecast

from .pages import object_id_or_404

# Bookkeeping, not a change anyone made: the version bumps with every write.
HIDDEN_FIELDS = {"id", "version", "created_at"}
EMPTY = "—"
NOBODY = "nobody (automatic)"


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class Entry:
    when: str
    who: str
    what: str
    reason: str
    changes: list[Change] = field(default_factory=list)
    history_id: int | None = None


def local_time(moment: datetime.datetime) -> str:
    """A moment in the site's TIME_ZONE, to the second, with the zone's name."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S %Z")


def shown(model_field, value) -> str:
    """One stored value as a person reads it: labels for choices, names for people and sources,
    percentages for probabilities, "—" for nothing."""
    if value is None or value == "":
        return EMPTY
    if model_field.name == "probability":
        return rules.probability_percent(value)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.ForeignKey):
        related = model_field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else f"{EMPTY} (removed, #{value})"
    if isinstance(value, datetime.datetime):
        return local_time(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _tag_names(record) -> str:
    names = sorted(str(row.tag) for row in record.tags.select_related("tag"))
    return ", ".join(names) or EMPTY


def history_entries(forecast: Forecast | int) -> list[Entry]:
    """Every version of the forecast (or of the deleted forecast with this id), newest first, each
    with what it changed from the one before."""
    pk = forecast if isinstance(forecast, int) else forecast.pk
    records = list(Forecast.history.filter(id=pk).select_related("history_user").order_by("history_date", "history_id"))
    tracked = [f for f in Forecast.history.model.tracked_fields if f.name not in HIDDEN_FIELDS]
    entries = []
    previous = None
    for record in records:
        changes = []
        for model_field in tracked:
            old = getattr(previous, model_field.attname) if previous is not None else None
            new = getattr(record, model_field.attname)
            if previous is None and new in (None, ""):
                continue
            if previous is None or old != new:
                changes.append(Change(model_field.verbose_name, shown(model_field, old), shown(model_field, new)))
        old_tags = _tag_names(previous) if previous is not None else EMPTY
        new_tags = _tag_names(record)
        if old_tags != new_tags:
            changes.append(Change("tags", old_tags, new_tags))
        entries.append(
            Entry(
                when=local_time(record.history_date),
                who=str(record.history_user) if record.history_user is not None else NOBODY,
                what=record.get_history_type_display(),
                reason=record.history_change_reason or EMPTY,
                changes=changes,
                history_id=record.history_id,
            )
        )
        previous = record
    return entries[::-1]


def history_view(model_admin, request, object_id, extra_context=None):
    pk = object_id_or_404(unquote(object_id))
    forecast = Forecast.objects.filter(pk=pk).first()
    # Proposals rejected before rejection kept the row were deleted; their history stays
    # readable: it is the record of what was rejected, by whom and when.
    last_version = None if forecast is not None else Forecast.history.filter(id=pk).order_by("-history_id").first()
    if forecast is None and last_version is None:
        raise Http404(f"No forecast or forecast history with id {pk}.")
    if not model_admin.has_view_or_change_permission(request, forecast):
        raise PermissionDenied
    opts = model_admin.opts
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"History: {forecast}" if forecast is not None else f"History: {last_version.claim} (deleted)",
        "subtitle": None,
        "entries": history_entries(pk),
        "object": forecast,
        "deleted_object": last_version,
        "object_pk": pk,
        "opts": opts,
        "app_label": opts.app_label,
        "module_name": str(opts.verbose_name_plural),
        "time_zone": timezone.get_current_timezone_name(),
        **(extra_context or {}),
    }
    return TemplateResponse(request, "admin/forecasts/forecast/object_history.html", context)
