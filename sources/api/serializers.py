"""The article API's input and output: stored text, its description, publication and authors."""

from rest_framework import serializers

from config.api.serializers import StrictSerializer
from sources.models import Source
from sources.validators import validate_date_in_range

DATE_RULES = [validate_date_in_range]


class SourceSerializer(serializers.ModelSerializer):
    publication = serializers.CharField(source="publication.name", read_only=True, allow_null=True, default=None)
    authors = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    url = serializers.CharField(read_only=True, help_text="The article's address; may be empty.")

    class Meta:
        model = Source
        fields = ["id", "title", "url", "publication", "authors", "published_on", "note", "content_hash", "created_at"]
        read_only_fields = fields


class SourceDetailSerializer(SourceSerializer):
    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "text"]
        read_only_fields = fields


class SourceCreateSerializer(StrictSerializer):
    title = serializers.CharField(max_length=500)
    text = serializers.CharField(help_text="The article text, verbatim; the same text is stored once.")
    published_on = serializers.DateField(validators=DATE_RULES)
    url = serializers.URLField(max_length=1000, required=False, allow_blank=True, default="")
    publication = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="", help_text="Name; created if new."
    )
    authors = serializers.ListField(
        child=serializers.CharField(max_length=200),
        required=False,
        default=list,
        max_length=50,
        help_text="Names; created if new.",
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")


class SourceUpdateSerializer(StrictSerializer):
    """Any subset of the article's description; its text is its identity and does not change."""

    title = serializers.CharField(max_length=500, required=False)
    published_on = serializers.DateField(required=False, validators=DATE_RULES)
    url = serializers.URLField(max_length=1000, required=False, allow_blank=True)
    publication = serializers.CharField(max_length=200, required=False, allow_blank=True)
    authors = serializers.ListField(child=serializers.CharField(max_length=200), required=False, max_length=50)
    note = serializers.CharField(required=False, allow_blank=True)
