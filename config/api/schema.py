"""OpenAPI helpers: the error responses every operation documents, and strict request bodies."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, for a person.")
    code = serializers.CharField(help_text="A stable machine-readable code, e.g. 'not_found', 'throttled'.")


class ValidationErrorSerializer(ErrorSerializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages per field; nested input uses dotted paths, the whole body 'non_field_errors'.",
    )


_ERRORS = {
    400: OpenApiResponse(ValidationErrorSerializer, description="Bad input: a message per field; nothing was written."),
    401: OpenApiResponse(ErrorSerializer, description="Not signed in: send 'Authorization: Token <key>'."),
    403: OpenApiResponse(ErrorSerializer, description="Signed in, but not allowed to do this."),
    404: OpenApiResponse(ErrorSerializer, description="No such object (or an invalid page cursor)."),
    409: OpenApiResponse(
        ErrorSerializer,
        description="Conflict: the forecast changed since the version you sent (the message says what and by "
        "whom), or it is resolved and its record frozen. Nothing was written.",
    ),
    413: OpenApiResponse(ErrorSerializer, description="The request body is larger than the server accepts."),
    415: OpenApiResponse(ErrorSerializer, description="The body must be JSON (Content-Type: application/json)."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests; retry after the Retry-After seconds."),
}


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    return {code: _ERRORS[code] for code in codes}


READ_ERRORS = (400, 401, 403, 404, 429)
WRITE_ERRORS = (400, 401, 403, 404, 413, 415, 429)
# Writes to one forecast that can be refused because of its current state.
FORECAST_WRITE_ERRORS = (400, 401, 403, 404, 409, 413, 415, 429)


def forbid_unknown_request_fields(result, generator, request, public):
    """Request bodies declare additionalProperties: false, because the API rejects unknown fields."""
    request_components = set()
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            content = operation.get("requestBody", {}).get("content", {}) if isinstance(operation, dict) else {}
            for media in content.values():
                ref = media.get("schema", {}).get("$ref", "")
                if ref.startswith("#/components/schemas/"):
                    request_components.add(ref.rsplit("/", 1)[1])
    schemas = result.get("components", {}).get("schemas", {})
    for name in request_components:
        if name in schemas and schemas[name].get("type") == "object":
            schemas[name]["additionalProperties"] = False
    return result
