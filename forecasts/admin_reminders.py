"""Reminders in the admin: the snooze action on forecasts and the read-only reminder log."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from . import services
from .models import Reminder, ReminderDigest, Status, local_today


class SnoozeForm(forms.Form):
    review_on = forms.DateField(
        label="New review date",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="A day after today. The forecast is open again and not reminded until then.",
    )
    reason = forms.CharField(
        max_length=500,
        help_text="Why the review is postponed (e.g. 'the statistics office delayed the annual figure'). "
        "Kept in the forecast's history.",
    )

    def clean_review_on(self):
        review_on = self.cleaned_data["review_on"]
        if review_on <= local_today():
            raise ValidationError("Snooze to a day after today.")
        return review_on


class SnoozeAdminMixin:
    """For ForecastAdmin: postpone the review of the selected forecasts."""

    actions = ("snooze_selected",)

    @admin.action(description="Snooze selected forecasts (postpone the review)", permissions=["change"])
    def snooze_selected(self, request, queryset):
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
                self.message_user(
                    request,
                    f"Snoozed {len(snoozable)} forecast(s) until {form.cleaned_data['review_on']:%d %B %Y}.",
                    messages.SUCCESS,
                )
                return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Snooze: postpone the review",
            "form": form,
            "forecasts": snoozable,
            "skipped": skipped,
            "action": "snooze_selected",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/forecasts/forecast/snooze_form.html", context)


class ReminderInline(admin.TabularInline):
    model = Reminder
    fields = ("forecast_link", "kind", "review_on", "cycle_on")
    readonly_fields = fields
    extra = 0
    can_delete = False

    @admin.display(description="forecast")
    def forecast_link(self, obj):
        url = reverse("admin:forecasts_forecast_change", args=[obj.forecast_id])
        return format_html('<a href="{}">{}</a>', url, obj.forecast)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ReminderDigest)
class ReminderDigestAdmin(admin.ModelAdmin):
    """The reminder log: who was reminded of what, when, and whether the email went out.
    Read-only: the rows are the exactly-once record, so only the reminder services write them."""

    list_display = ("reviewer", "run_on", "status", "forecast_count", "attempts", "sent_at", "last_error_short")
    list_filter = ("status", "run_on")
    search_fields = ("reviewer__username", "reviewer__email", "reminders__forecast__claim")
    date_hierarchy = "run_on"
    list_select_related = ("reviewer",)
    show_full_result_count = False
    fields = (
        "reviewer",
        "run_on",
        "status",
        "created_at",
        "sent_at",
        "attempts",
        "last_error",
        "lease_owner",
        "lease_expires_at",
    )
    readonly_fields = fields
    inlines = [ReminderInline]

    @admin.display(description="forecasts")
    def forecast_count(self, obj):
        return obj.reminders.count()

    @admin.display(description="last error")
    def last_error_short(self, obj):
        return obj.last_error[:80]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
