from django.db.models import Exists, OuterRef
from django_filters import rest_framework as filters

from config.api.filters import IdFilter, StrictFilterSet
from forecasts.models import Event, Forecast, Outcome, Status
from sources.models import name_key

from .permissions import visible_to


class ForecastFilter(StrictFilterSet):
    status = filters.ChoiceFilter(choices=Status.choices)
    outcome = filters.ChoiceFilter(choices=Outcome.choices)
    review_on_after = filters.DateFilter(
        field_name="review_on", lookup_expr="gte", label="Review date on or after (YYYY-MM-DD)"
    )
    review_on_before = filters.DateFilter(
        field_name="review_on", lookup_expr="lte", label="Review date on or before (YYYY-MM-DD)"
    )
    author = IdFilter(field_name="author_id", label="Forecaster (author) id")
    publication = IdFilter(field_name="source__publication_id", label="Publication id")
    source = IdFilter(field_name="source_id", label="Source (article) id")
    event = IdFilter(field_name="event_id", label="Event id: the forecasts linked to it")
    # Tag names are unique regardless of case, so this join cannot repeat a forecast.
    tag = filters.CharFilter(method="filter_tag", max_length=64, label="Tag name (compared ignoring case)")

    class Meta:
        model = Forecast
        fields = [
            "status",
            "outcome",
            "review_on_after",
            "review_on_before",
            "author",
            "publication",
            "source",
            "event",
            "tag",
        ]

    def filter_tag(self, queryset, name, value):
        # The same folding as the unique key, so the filter finds exactly the tag the name names.
        return queryset.filter(tags__name_key=name_key(value)) if value else queryset


EVENT_STATES = [("unresolved", "Not resolved yet"), ("resolved", "Resolved")]


class EventFilter(StrictFilterSet):
    status = filters.ChoiceFilter(choices=EVENT_STATES, method="filter_status", label="Resolved or not")
    outcome = filters.ChoiceFilter(choices=Outcome.choices)
    deadline_after = filters.DateFilter(
        field_name="deadline", lookup_expr="gte", label="Deadline on or after (YYYY-MM-DD)"
    )
    deadline_before = filters.DateFilter(
        field_name="deadline", lookup_expr="lte", label="Deadline on or before (YYYY-MM-DD)"
    )
    title = filters.CharFilter(
        field_name="title", lookup_expr="icontains", max_length=300, label="Words in the title (ignoring case)"
    )
    tag = filters.CharFilter(method="filter_tag", max_length=64, label="Tag name (compared ignoring case)")
    author = IdFilter(method="filter_author", label="Forecaster (author) id: events they made a forecast on")
    forecast = IdFilter(method="filter_forecast", label="Forecast id: the event it is linked to")

    class Meta:
        model = Event
        fields = ["status", "outcome", "deadline_after", "deadline_before", "title", "tag", "author", "forecast"]

    def filter_status(self, queryset, name, value):
        return queryset.resolved() if value == "resolved" else queryset.unresolved()

    def filter_tag(self, queryset, name, value):
        return queryset.filter(tags__name_key=name_key(value)) if value else queryset

    def filter_author(self, queryset, name, value):
        # EXISTS, not a join: one author may have many forecasts on the same event.
        return queryset.filter(Exists(self._linked().filter(author_id=value)))

    def filter_forecast(self, queryset, name, value):
        return queryset.filter(Exists(self._linked().filter(pk=value)))

    def _linked(self):
        # A reader finds events only by the forecasts they may see.
        return visible_to(self.request, Forecast.objects.filter(event=OuterRef("pk")))
