"""List filters of the forecast changelist."""

import datetime

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Exists, OuterRef, Q

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


class AssignedFilter(admin.SimpleListFilter):
    """Whose forecasts: a reviewer's list starts at their own work queue.

    "Mine" is what the reminders send a reviewer: the forecasts assigned to them, and those
    assigned to nobody, which go to every member of the reviewers' group."""

    title = "assigned to"
    parameter_name = "assigned"
    MINE, UNASSIGNED, ANYONE = "mine", "nobody", "anyone"

    def __init__(self, request, params, model, model_admin):
        self.user = request.user
        # Asked once per page: value() is read for every link the filter draws.
        self.is_reviewer = (
            self.user.is_authenticated and self.user.groups.filter(name=settings.REVIEWERS_GROUP).exists()
        )
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return (
            (self.MINE, "Me (or nobody)"),
            (self.UNASSIGNED, "Nobody yet"),
            (self.ANYONE, "Anyone"),
        )

    def value(self):
        value = super().value()
        if value is None and self.is_reviewer:
            return self.MINE
        return value

    def has_output(self):
        return True

    def choices(self, changelist):
        # Without a choice a reviewer sees their own queue, so "Anyone" is a choice of its own
        # rather than the removal of the parameter.
        current = self.value() or self.ANYONE
        for lookup, title in self.lookup_choices:
            yield {
                "selected": current == lookup,
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.MINE:
            return queryset.filter(Q(reviewer=self.user) | Q(reviewer__isnull=True))
        if value == self.UNASSIGNED:
            return queryset.filter(reviewer__isnull=True)
        if value not in (None, self.ANYONE):
            raise IncorrectLookupParameters(f"assigned: choose one of {self.MINE}, {self.UNASSIGNED}, {self.ANYONE}.")
        return queryset
