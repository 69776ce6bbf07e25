"""List filters of the forecast changelist."""

import datetime

from django.contrib import admin
from django.db.models import Exists, OuterRef

from forecasts.models import Forecast, local_today


class ReviewStateFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return (
            ("due", "Due now (review date reached)"),
            ("overdue", "Overdue (past the review date)"),
            ("next30", "Due in the next 30 days"),
            ("unresolved", "Not yet resolved"),
        )

    def queryset(self, request, queryset):
        today = local_today()
        if self.value() == "due":
            return queryset.unresolved().filter(review_on__lte=today)
        if self.value() == "overdue":
            return queryset.overdue(today)
        if self.value() == "next30":
            return queryset.unresolved().filter(review_on__gt=today, review_on__lte=today + datetime.timedelta(days=30))
        if self.value() == "unresolved":
            return queryset.unresolved()
        return queryset


class HasForecastsFilter(admin.RelatedFieldListFilter):
    """The related objects (authors, publications, tags) that have forecasts.

    RelatedOnlyFieldListFilter asks for `pk IN (SELECT DISTINCT ... FROM forecasts)`, which reads
    the whole forecast table on every changelist page. EXISTS per candidate is one index probe
    each: the cost follows the number of authors or tags, not the number of forecasts.
    """

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        # The admin's "-" reads as a stray mark in a filter list; this choice means "not set".
        self.empty_value_display = "(none)"

    def field_choices(self, field, request, model_admin):
        related = field.remote_field.model
        has_forecasts = Exists(Forecast.objects.filter(**{self.field_path: OuterRef("pk")}))
        ordering = self.field_admin_ordering(field, request, model_admin) or related._meta.ordering
        return [(obj.pk, str(obj)) for obj in related._default_manager.filter(has_forecasts).order_by(*ordering)]
