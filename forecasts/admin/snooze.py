"""Snooze: postpone the review of one forecast (from its page, where the reminder email's link
lands) or of the selected ones (the list's action). Both call services.forecast_snooze."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404

from forecasts import services
from forecasts.models import Forecast
from forecasts.services.scheduling import SNOOZABLE

from .forms import SnoozeForm
from .pages import action_page, add_service_errors, admin_url, object_id_or_404


def snooze_view(model_admin, request, object_id):
    if not model_admin.has_snooze_permission(request):
        raise PermissionDenied
    forecast = get_object_or_404(Forecast, pk=object_id_or_404(object_id))
    if forecast.status not in SNOOZABLE:
        model_admin.message_user(request, "Only an open or due forecast can be snoozed.", messages.WARNING)
        return HttpResponseRedirect(admin_url(model_admin, "change", forecast.pk))
    form = SnoozeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.forecast_snooze(
                forecast=forecast,
                review_on=form.cleaned_data["review_on"],
                reason=form.cleaned_data["reason"],
                snoozed_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            model_admin.message_user(
                request, f"Snoozed until {form.cleaned_data['review_on']:%d %B %Y}.", messages.SUCCESS
            )
            return HttpResponseRedirect(admin_url(model_admin, "change", forecast.pk))
    return _render(model_admin, request, form, [forecast], [], action=None)


@admin.action(description="Snooze selected forecasts (postpone the review)", permissions=["snooze"])
def snooze_selected(model_admin, request, queryset):
    form = SnoozeForm(request.POST if "apply" in request.POST else None)
    snoozable = list(queryset.filter(status__in=SNOOZABLE))
    skipped = list(queryset.exclude(status__in=SNOOZABLE))
    if form.is_bound and form.is_valid():
        try:
            with transaction.atomic():
                for forecast in snoozable:
                    services.forecast_snooze(
                        forecast=forecast,
                        review_on=form.cleaned_data["review_on"],
                        reason=form.cleaned_data["reason"],
                        snoozed_by=request.user,
                    )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            model_admin.message_user(
                request,
                f"Snoozed {len(snoozable)} forecast(s) until {form.cleaned_data['review_on']:%d %B %Y}.",
                messages.SUCCESS,
            )
            return None
    return _render(model_admin, request, form, snoozable, skipped, action="snooze_selected")


def _render(model_admin, request, form, forecasts, skipped, *, action):
    return action_page(
        model_admin,
        request,
        template="admin/forecasts/forecast/snooze_form.html",
        title="Snooze: postpone the review",
        form=form,
        forecasts=forecasts,
        skipped=skipped,
        action=action,
    )
