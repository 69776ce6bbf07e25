"""Property-based tests of the whole API from its own OpenAPI schema, as a staff user.

Every operation gets at least 25 generated requests; none may answer 5xx, every answer must
match its documented schema, and every status code must be one the schema lists.
"""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from forecasts.models import Outcome, Status
from tests.factories import EventFactory, ForecastFactory, StaffFactory

CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]


def _served_schema() -> dict:
    # What /api/schema/ serves, built without a request: collection runs before the test
    # database and the test host settings exist.
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


schema = schemathesis.openapi.from_dict(_served_schema())
schema.app = application  # calls go straight into Django's WSGI handler, no server


@pytest.fixture(autouse=True)
def _wsgi_calls_share_the_test_transaction(settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]  # the WSGI client calls itself localhost
    # As Django's test client does: the end of a request must not close the connection that
    # holds the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def staff_token(db, settings):
    # Rows for the generated ids to find: open, resolved and unscored forecasts.
    ForecastFactory.create_batch(3)
    ForecastFactory(status=Status.RESOLVED, outcome=Outcome.YES, resolved_at="2024-01-01T00:00:00Z")
    ForecastFactory(probability=None, probability_basis="none")
    # Events for the generated event ids: an open one with a linked forecast, and a resolved one.
    open_event = EventFactory()
    ForecastFactory(event=open_event, event_link="same")
    EventFactory(outcome=Outcome.YES, resolved_at="2024-01-01T00:00:00Z")
    # A superuser: every write is permitted, so the generated writes reach the services.
    token, _ = Token.objects.get_or_create(user=StaffFactory(username="schemathesis"))
    return token.key


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@pytest.mark.slow
def test_api_conforms_to_its_schema(case, staff_token):
    # HTTPS, as in production: config.wsgi.application was built with the SSL redirect on.
    case.call_and_validate(
        base_url="https://localhost", headers={"Authorization": f"Token {staff_token}"}, checks=CHECKS
    )
