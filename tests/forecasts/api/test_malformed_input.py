"""Malformed bodies, ids, cursors and keys get 400 or 404 in the one error shape, never a 500."""

import base64
import json

import pytest

from forecasts import rules
from forecasts.models import Forecast
from sources.models import Source
from tests.factories import ForecastFactory, SourceFactory, forecast_create_payload

pytestmark = pytest.mark.django_db


def assert_error_shape(response, status):
    assert response.status_code == status, response.content[:300]
    body = response.json()
    assert isinstance(body["detail"], str)
    assert isinstance(body["code"], str)
    if status == 400:
        assert isinstance(body["errors"], dict)
    return body


def _deep(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", [400, 1000, 100_000])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/forecasts/"),
        ("patch", "/api/forecasts/{forecast}/"),
        ("post", "/api/forecasts/{forecast}/resolve/"),
        ("post", "/api/forecasts/{forecast}/unresolve/"),
        ("post", "/api/sources/"),
        ("patch", "/api/sources/{source}/"),
    ],
)
def test_deeply_nested_json_is_a_parse_error(api, method, path, depth):
    forecast = ForecastFactory()
    url = path.format(forecast=forecast.pk, source=forecast.source.pk)
    client = api["superuser"]

    response = getattr(client, method)(url, _deep(depth), content_type="application/json")

    body = assert_error_shape(response, 400)
    assert "nests deeper than" in body["detail"]


def test_an_object_nested_inside_a_field_is_refused_as_a_wrong_type(api):
    payload = forecast_create_payload()
    payload["tags"] = [[[["trade"]]]]
    assert_error_shape(api["editor"].post("/api/forecasts/", payload, format="json"), 400)


@pytest.mark.parametrize("field", ["source", "author"])
@pytest.mark.parametrize("value", ["1.9", "1.0", "1e309", "-1e309", "1e3"])
def test_an_id_given_as_a_float_is_refused(api, field, value):
    """1.9 used to become id 1; 1e309 (infinity once parsed) was a 500."""
    payload = forecast_create_payload()
    # Written by hand: json.dumps would not write 1e309, and 1.0 would pass through as 1.
    others = ", ".join(f'"{name}": {json.dumps(v)}' for name, v in payload.items() if name != field)
    body = f'{{"{field}": {value}, {others}}}'
    patch_url = f"/api/forecasts/{ForecastFactory().pk}/"
    for response in (
        api["editor"].post("/api/forecasts/", body, content_type="application/json"),
        api["editor"].patch(patch_url, f'{{"{field}": {value}}}', content_type="application/json"),
    ):
        errors = assert_error_shape(response, 400)["errors"]
        assert errors[field] == ["Must be an integer (an id)."]


@pytest.mark.parametrize("value", [2**63, -(2**63) - 1, 10**30, 0, -1])
def test_an_id_out_of_range_is_an_invalid_choice(api, value):
    payload = {**forecast_create_payload(), "source": value}
    errors = assert_error_shape(api["editor"].post("/api/forecasts/", payload, format="json"), 400)["errors"]
    assert "source" in errors


def _cursor(position: str) -> str:
    return base64.b64encode(f"p={position}".encode()).decode()


@pytest.mark.parametrize("path", ["/api/forecasts/", "/api/sources/"])
@pytest.mark.parametrize(
    "cursor",
    [
        "cD1hYmM=",  # p=abc
        _cursor("2024-01-01"),
        _cursor("1.5"),
        _cursor(""),
        _cursor("nan"),
        _cursor("inf"),
        _cursor("\x00"),
        _cursor("١"),
        _cursor(str(2**64)),
        base64.b64encode(b"o=1&r=1&p=abc").decode(),
        "garbage",
    ],
)
def test_a_crafted_cursor_is_not_found(api, path, cursor):
    ForecastFactory.create_batch(2)
    assert_error_shape(api["reader"].get(path, {"cursor": cursor}), 404)


@pytest.mark.parametrize(("ordering", "position"), [("review_on", "abc"), ("-deadline", "1"), ("made_on", "")])
def test_a_crafted_cursor_on_a_date_ordering_is_not_found(api, ordering, position):
    ForecastFactory.create_batch(2)
    response = api["reader"].get("/api/forecasts/", {"ordering": ordering, "cursor": _cursor(position)})
    assert_error_shape(response, 404)


def test_a_real_cursor_still_pages(api):
    ForecastFactory.create_batch(3)
    first = api["reader"].get("/api/forecasts/", {"page_size": 2}).json()
    second = api["reader"].get(first["next"])
    assert second.status_code == 200
    assert len(second.json()["results"]) == 1


@pytest.mark.parametrize(
    "raw_id", ["%201", "%D9%A1", "1%20", "01", "+1", "1.0", "%C2%B9", "9223372036854775808", "99999999999999999999"]
)
@pytest.mark.parametrize("path", ["/api/forecasts/{}/", "/api/forecasts/{}/resolve/", "/api/sources/{}/"])
def test_an_id_not_written_in_ascii_digits_is_not_found(api, raw_id, path):
    # Each of these reads as 1 (or as no number) to int(); objects with id 1 exist.
    source = Source.objects.filter(pk=1).first() or SourceFactory(pk=1)
    if not Forecast.objects.filter(pk=1).exists():
        ForecastFactory(pk=1, source=source)
    client = api["superuser"]
    url = path.format(raw_id)
    response = client.post(url, {}, format="json") if "resolve" in path else client.get(url)
    assert_error_shape(response, 404)


def test_the_largest_id_is_an_id(api):
    assert api["reader"].get(f"/api/forecasts/{rules.MAX_ID}/").status_code == 404
    assert rules.parse_id(str(rules.MAX_ID)) == rules.MAX_ID
    assert rules.parse_id(str(rules.MAX_ID + 1)) is None
