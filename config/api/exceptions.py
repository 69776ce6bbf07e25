"""One error shape for every API failure, so clients and the OpenAPI schema can rely on it.

Every error body is ``{"detail": str, "code": str}``; a 400 adds ``"errors"``: a message
list per field (dotted paths for nested input, ``non_field_errors`` for the whole body).
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

from forecasts.services import ForecastConflict


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is larger than the server accepts."
    default_code = "request_too_large"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The forecast changed since you read it; reload and apply your change again."
    default_code = "conflict"


class PreconditionMalformed(exceptions.ParseError):
    default_detail = 'If-Match must be the forecast\'s ETag (e.g. "3") or *.'
    default_code = "invalid_if_match"


def exception_handler(exc, context):
    exc = _as_api_exception(exc)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError):
        response.data = {"detail": "Invalid input.", "code": "invalid", "errors": field_messages(exc.detail)}
    else:
        codes = exc.get_codes() if isinstance(exc, exceptions.APIException) else None
        body = {"detail": _text(exc.detail), "code": codes if isinstance(codes, str) else exc.default_code}
        if response.status_code == status.HTTP_400_BAD_REQUEST:
            body["errors"] = {}
        response.data = body
    return response


def _as_api_exception(exc):
    # A write refused because of the forecast's state (changed since read, resolved and frozen).
    if isinstance(exc, ForecastConflict):
        return Conflict(detail=" ".join(exc.messages))
    # Services raise Django's ValidationError; the API answers those as any other bad input.
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(detail=django_messages(exc))
    if isinstance(exc, RequestDataTooBig):
        return RequestTooLarge()
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return exceptions.PermissionDenied()
    return exc


def django_messages(error: DjangoValidationError) -> dict[str, list[str]]:
    non_field = api_settings.NON_FIELD_ERRORS_KEY
    if hasattr(error, "error_dict"):
        return {(non_field if name == "__all__" else name): messages for name, messages in error.message_dict.items()}
    return {non_field: error.messages}


def field_messages(detail, prefix: str = "") -> dict[str, list[str]]:
    """Flatten DRF's nested error detail into ``{"field.path": [messages]}``."""
    key = prefix or api_settings.NON_FIELD_ERRORS_KEY
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for name, value in detail.items():
            for path, messages in field_messages(value, f"{prefix}.{name}" if prefix else str(name)).items():
                flat.setdefault(path, []).extend(messages)
        return flat
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return {key: [str(item) for item in detail]}
        flat = {}
        for index, item in enumerate(detail):
            for path, messages in field_messages(item, f"{prefix}.{index}" if prefix else str(index)).items():
                flat.setdefault(path, []).extend(messages)
        return flat
    return {key: [str(detail)]}


def _text(detail) -> str:
    if isinstance(detail, dict | list):
        return " ".join(message for messages in field_messages(detail).values() for message in messages)
    return str(detail)
