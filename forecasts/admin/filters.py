"""List filters of the forecast changelist."""

import datetime

from django.conf import settings
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Exists, OuterRef, Q

from forecasts.models import Forecast, local_today

# The review states the list filters by and the admin index counts: one rule for both.
REVIEW_DUE, REVIEW_OVERDUE, REVIEW_NEXT30, REVIEW_UNRESOLVED = "due", "overdue", "next30", "unresolved"


def in_review_state(queryset, state: str | None, today: datetime.date | None = None):
    """The forecasts in a review state (None: all of them)."""
    today = today or local_today()
    if state == REVIEW_DUE:
        return queryset.unresolved().filter(review_on__lte=today)
    if state == REVIEW_OVERDUE:
        return queryset.overdue(today)
    if state == REVIEW_NEXT30:
        return queryset.unresolved().filter(review_on__gt=today, review_on__lte=today + datetime.timedelta(days=30))
    if state == REVIEW_UNRESOLVED:
        return queryset.unresolved()
    return queryset


class ReviewStateFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return (
            (REVIEW_DUE, "Due now (review date reached)"),
            (REVIEW_OVERDUE, "Overdue (past the review date)"),
            (REVIEW_NEXT30, "Due in the next 30 days"),
            (REVIEW_UNRESOLVED, "Not yet resolved"),
        )

    def queryset(self, request, queryset):
        return in_review_state(queryset, self.value())


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


def is_reviewer(user) -> bool:
    return user.is_authenticated and user.groups.filter(name=settings.REVIEWERS_GROUP).exists()


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
        self.is_reviewer = is_reviewer(self.user)
        super().__init__(request, params, model, model_admin)

    @classmethod
    def assigned(cls, queryset, user, value: str | None):
        """The forecasts a choice of this filter lists for the user."""
        if value == cls.MINE:
            return queryset.filter(Q(reviewer=user) | Q(reviewer__isnull=True))
        if value == cls.UNASSIGNED:
            return queryset.filter(reviewer__isnull=True)
        if value not in (None, cls.ANYONE):
            raise IncorrectLookupParameters(f"assigned: choose one of {cls.MINE}, {cls.UNASSIGNED}, {cls.ANYONE}.")
        return queryset

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
        return self.assigned(queryset, self.user, self.value())
