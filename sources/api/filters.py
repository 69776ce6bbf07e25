from django_filters import rest_framework as filters

from config.api.filters import IdFilter, StrictFilterSet
from sources.models import Source


class SourceFilter(StrictFilterSet):
    publication = IdFilter(field_name="publication_id", label="Publication id")
    author = IdFilter(field_name="authors", label="Author id")
    published_on_after = filters.DateFilter(field_name="published_on", lookup_expr="gte")
    published_on_before = filters.DateFilter(field_name="published_on", lookup_expr="lte")

    class Meta:
        model = Source
        fields = ["publication", "author", "published_on_after", "published_on_before"]
