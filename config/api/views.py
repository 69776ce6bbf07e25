from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import NotFound

from sources.validators import parse_id

# Detail reads document these errors; a read of one object has no body or query to be bad.
DETAIL_READ_ERRORS = (401, 403, 404, 429)
# The URLs take any string so that a malformed id gets a JSON 404; ids are integers.
ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The object's id.")


class IdInUrl:
    """Looks the object up only by an id written in ASCII digits within the key range: Python's
    int() also reads ' 1' or '١' as 1, which would give one forecast many addresses."""

    def get_object(self):
        if parse_id(self.kwargs.get(self.lookup_url_kwarg or self.lookup_field)) is None:
            raise NotFound()
        return super().get_object()
