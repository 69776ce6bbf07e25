"""Input serializers that reject what they do not expect: unknown fields and wrong JSON types."""

from collections.abc import Mapping

from rest_framework import serializers


# A comment, not a docstring: the schema would show a docstring on every request body.
# Rejects fields it does not know and values of the wrong JSON type: a typo ('probabilty')
# or "0.5" for 0.5 must be reported, not silently dropped or converted.
class StrictSerializer(serializers.Serializer):
    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            writable = [name for name, field in self.fields.items() if not field.read_only]
            errors = {name: [f"Unknown field. Accepted fields: {', '.join(writable)}."] for name in data}
            for name in writable:
                errors.pop(name, None)
                if name in data and not _json_type_matches(self.fields[name], data[name]):
                    errors[name] = [f"Must be {_expected_type(self.fields[name])}."]
            if errors:
                raise serializers.ValidationError(dict(sorted(errors.items())))
        return super().to_internal_value(data)


def _json_type_matches(field, value) -> bool:
    if value is None:
        return True  # the field itself decides whether null is allowed
    if isinstance(field, serializers.ListField):
        return isinstance(value, list) and all(_json_type_matches(field.child, item) for item in value)
    if isinstance(field, serializers.IntegerField | serializers.PrimaryKeyRelatedField):
        # An id given as 1.9 is a mistake, not a way to write 1 (and 1e309 is no number at all).
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(field, serializers.FloatField):
        # A field that reads text as people write it (a probability: "70 %", "likely") says so.
        if getattr(field, "accepts_text", False) and isinstance(value, str):
            return True
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(
        field,
        serializers.CharField | serializers.ChoiceField | serializers.SlugRelatedField | serializers.DateField,
    ):
        return isinstance(value, str)
    return True


_TYPE_NAMES = {
    serializers.ListField: "a list",
    serializers.FloatField: "a number",
    serializers.IntegerField: "an integer",
    serializers.PrimaryKeyRelatedField: "an integer (an id)",
}


def _expected_type(field) -> str:
    for field_class, name in _TYPE_NAMES.items():
        if isinstance(field, field_class):
            return name
    return "a string"
