"""The reminder log: read-only, since only the reminder services write it."""

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from forecasts.models import Reminder, ReminderDigest


class ReminderInline(admin.TabularInline):
    model = Reminder
    fields = ("forecast_link", "kind", "review_on", "cycle_on")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("forecast", "reviewer")

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

    def get_queryset(self, request):
        # The count for every row in the page's one query, not one COUNT per row.
        return super().get_queryset(request).annotate(reminder_count=Count("reminders"))

    @admin.display(description="forecasts", ordering="reminder_count")
    def forecast_count(self, obj):
        return obj.reminder_count

    @admin.display(description="last error")
    def last_error_short(self, obj):
        return obj.last_error[:80]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
