from django_filters import rest_framework as filters

from config.api.filters import IdFilter, StrictFilterSet
from forecasts.models import Forecast, Outcome, Status
from sources.models import name_key


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
    # Tag names are unique regardless of case, so this join cannot repeat a forecast.
    tag = filters.CharFilter(method="filter_tag", max_length=64, label="Tag name (compared ignoring case)")

    class Meta:
        model = Forecast
        fields = ["status", "outcome", "review_on_after", "review_on_before", "author", "publication", "source", "tag"]

    def filter_tag(self, queryset, name, value):
        # The same folding as the unique key, so the filter finds exactly the tag the name names.
        return queryset.filter(tags__name_key=name_key(value)) if value else queryset
