import re

from django.core.exceptions import FieldDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import CursorPagination

_INTEGER = re.compile(r"-?[0-9]{1,19}")


class IdCursorPagination(CursorPagination):
    """Keyset pagination: each page is one indexed range query, never a COUNT over the table.

    The default order is the primary key, which is unique and never changes, so a page
    boundary cannot skip or repeat a row while others write.
    """

    ordering = "-id"
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        self._model = queryset.model
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        # DRF checks a cursor's offset and direction but puts its position into the query as
        # given; a position that is no value of the ordering column must not reach the database.
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None and not self._position_fits(cursor.position):
            raise NotFound(self.invalid_cursor_message)
        return cursor

    def _position_fits(self, position: str) -> bool:
        try:
            field = self._model._meta.get_field(self.ordering[0].lstrip("-"))
        except (AttributeError, FieldDoesNotExist):
            return False
        if "\x00" in position:
            return False
        if isinstance(field, models.IntegerField):
            return bool(_INTEGER.fullmatch(position)) and -(2**63) <= int(position) < 2**63
        try:
            field.to_python(position)
        except DjangoValidationError:
            return False
        return True

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        # DRF silently falls back to the default for a bad size; an integrator should learn
        # that the parameter was wrong instead.
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {self.page_size_query_param: [f"Give a whole number from 1 to {self.max_page_size}."]}
            )
        return size

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": self.max_page_size}
        return parameters
