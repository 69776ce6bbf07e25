"""The snooze action: postpone the review of the selected forecasts (services.forecast_snooze)."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction

from forecasts import services
from forecasts.models import Status

from .forms import SnoozeForm
from .pages import action_page


@admin.action(description="Snooze selected forecasts (postpone the review)", permissions=["change"])
def snooze_selected(model_admin, request, queryset):
    form = SnoozeForm(request.POST if "apply" in request.POST else None)
    snoozable = list(queryset.filter(status__in=[Status.OPEN, Status.DUE]))
    skipped = list(queryset.exclude(status__in=[Status.OPEN, Status.DUE]))
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
            form.add_error(None, error)
        else:
            model_admin.message_user(
                request,
                f"Snoozed {len(snoozable)} forecast(s) until {form.cleaned_data['review_on']:%d %B %Y}.",
                messages.SUCCESS,
            )
            return None
    return action_page(
        model_admin,
        request,
        template="admin/forecasts/forecast/snooze_form.html",
        title="Snooze: postpone the review",
        form=form,
        forecasts=snoozable,
        skipped=skipped,
        action="snooze_selected",
    )
