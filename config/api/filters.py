"""Query-string filters that report a bad parameter instead of ignoring it."""

from django import forms
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

from sources.validators import MAX_ID, parse_id


class IdFormField(forms.IntegerField):
    """An id as the URLs take it (parse_id): ASCII digits within the key range. Django's own
    field also reads '1.0' or '١' as 1."""

    default_error_messages = {"invalid": f"Give an id: a whole number from 1 to {MAX_ID}."}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        pk = parse_id(str(value))
        if pk is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return pk


@extend_schema_field({"type": "integer", "format": "int64", "minimum": 1, "maximum": MAX_ID})
class IdFilter(filters.NumberFilter):
    field_class = IdFormField

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
