"""Snooze: postpone the review of one forecast (from its page, where the reminder email's link
lands) or of the selected ones (the list's action). Both call services.forecast_snooze."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404

from forecasts import services
from forecasts.models import Forecast
from forecasts.services.scheduling import SNOOZABLE

from .forms import SnoozeForm
from .pages import admin_url, form_page, object_id_or_404


def snooze_view(model_admin, request, object_id):
    if not model_admin.has_snooze_permission(request):
        raise PermissionDenied
    forecast = get_object_or_404(Forecast, pk=object_id_or_404(object_id))
    if forecast.status not in SNOOZABLE:
        model_admin.message_user(request, "Only an open or due forecast can be snoozed.", messages.WARNING)
        return HttpResponseRedirect(admin_url(model_admin, "change", forecast.pk))

    def snooze(data) -> str:
        services.forecast_snooze(
            forecast=forecast, review_on=data["review_on"], reason=data["reason"], snoozed_by=request.user
        )
        return f"Snoozed until {data['review_on']:%d %B %Y}."

    return form_page(
        model_admin,
        request,
        form=SnoozeForm(request.POST or None),
        apply=snooze,
        done_url=admin_url(model_admin, "change", forecast.pk),
        **_page([forecast], [], action=None),
    )


@admin.action(description="Snooze selected forecasts (postpone the review)", permissions=["snooze"])
def snooze_selected(model_admin, request, queryset):
    snoozable = list(queryset.filter(status__in=SNOOZABLE))
    skipped = list(queryset.exclude(status__in=SNOOZABLE))

    def snooze(data) -> str:
        with transaction.atomic():
            for forecast in snoozable:
                services.forecast_snooze(
                    forecast=forecast, review_on=data["review_on"], reason=data["reason"], snoozed_by=request.user
                )
        return f"Snoozed {len(snoozable)} forecast(s) until {data['review_on']:%d %B %Y}."

    return form_page(
        model_admin,
        request,
        form=SnoozeForm(request.POST if "apply" in request.POST else None),
        apply=snooze,
        **_page(snoozable, skipped, action="snooze_selected"),
    )


def _page(forecasts, skipped, *, action) -> dict:
    return {
        "template": "admin/forecasts/forecast/snooze_form.html",
        "title": "Snooze: postpone the review",
        "forecasts": forecasts,
        "skipped": skipped,
        "action": action,
    }
