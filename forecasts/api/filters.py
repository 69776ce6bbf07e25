from django import forms
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

from forecasts.models import Forecast, Outcome, Status
from sources.models import Source, name_key

# The largest primary key the databases store; a bigger number would crash the query.
MAX_ID = 2**63 - 1


@extend_schema_field({"type": "integer", "format": "int64", "minimum": 1, "maximum": MAX_ID})
class IdFilter(filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class StrictFilterSet(filters.FilterSet):
    """An empty `?status=` or `?review_on_before=` is a mistake to report, not "no filter"."""

    def is_valid(self):
        valid = super().is_valid()
        for name, declared in self.filters.items():
            if self.data.get(name) == "" and not isinstance(declared, filters.CharFilter):
                self.form.add_error(name, "Give a value, or leave the parameter out.")
                valid = False
        return valid


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


class SourceFilter(StrictFilterSet):
    publication = IdFilter(field_name="publication_id", label="Publication id")
    author = IdFilter(field_name="authors", label="Author id")
    published_on_after = filters.DateFilter(field_name="published_on", lookup_expr="gte")
    published_on_before = filters.DateFilter(field_name="published_on", lookup_expr="lte")

    class Meta:
        model = Source
        fields = ["publication", "author", "published_on_after", "published_on_before"]


class StrictOrderingFilter(OrderingFilter):
    """`?ordering=` that answers 400 for an unknown field instead of ignoring it, and always
    ends with the primary key so the cursor pagination has a total order."""

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw is None:
            return self.get_default_ordering(view)
        allowed = self._allowed(view)
        fields = [part.strip() for part in raw.split(",") if part.strip()]
        if not fields or any(field not in allowed for field in fields):
            raise ValidationError({self.ordering_param: [f"Order by one of: {', '.join(allowed)}."]})
        if not any(field.lstrip("-") == "id" for field in fields):
            fields.append("-id" if fields[0].startswith("-") else "id")
        return tuple(fields)

    def get_default_ordering(self, view):
        return ("-id",)

    @staticmethod
    def _allowed(view) -> list[str]:
        return [option for name in view.ordering_fields for option in (name, f"-{name}")]

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "Sort order: a field, '-' first for descending; newest first (-id) by default.",
                "schema": {"type": "string", "enum": self._allowed(view)},
            }
        ]
