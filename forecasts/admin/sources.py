"""The sources app's article admin, registered again here with the article's forecasts below it:
sources knows nothing of forecasts, so the forecasts app adds them."""

from django.contrib import admin

from forecasts.models import Forecast
from sources.admin import SourceAdmin
from sources.models import Source


class ForecastInline(admin.TabularInline):
    model = Forecast
    fields = ("claim", "estimative_phrase", "probability", "deadline", "review_on", "status", "outcome")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public else None


admin.site.unregister(Source)


@admin.register(Source)
class SourceWithForecastsAdmin(SourceAdmin):
    inlines = [*SourceAdmin.inlines, ForecastInline]
