"""Property tests of the API's write validators: whatever JSON a client sends, the answer is
never a server error, and what is accepted lies within the stated ranges."""

import datetime
import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forecasts import rules
from forecasts.models import Forecast
from forecasts.transfer import _probability as import_probability
from tests.factories import AuthorFactory, ForecastFactory, SourceFactory

pytestmark = pytest.mark.django_db

PROPERTY_SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FIELDS = [
    "source",
    "author",
    "quote",
    "claim",
    "estimative_phrase",
    "probability",
    "probability_basis",
    "made_on",
    "deadline",
    "review_on",
    "resolution_criteria",
    "reviewer",
    "tags",
    "status",
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()  # NaN and infinities included: json.dumps writes them, the parser must refuse
    | st.text(max_size=30)
    | st.dates(min_value=datetime.date(1, 1, 1)).map(datetime.date.isoformat)
    | st.sampled_from(["stated", "phrase", "analyst", "none", "open", "proposed", "resolved", "1", "0.5"])
)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)
any_body = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), json_values, max_size=8),
)


@pytest.fixture
def ids(db):
    return {"source": SourceFactory().pk, "author": AuthorFactory().pk}


# Examples share one database: each create gets its own claim, or the second would be refused as
# the same forecaster's claim already recorded for the article.
_claim_numbers = itertools.count(1)


def _valid_create(ids) -> dict:
    return {
        **ids,
        "quote": "q",
        "claim": f"claim {next(_claim_numbers)}",
        "probability": 0.5,
        "probability_basis": "stated",
        "deadline": "2030-01-01",
        "resolution_criteria": "r",
    }


def assert_within_the_rules(body: dict) -> None:
    p = body["probability"]
    assert p is None or (rules.PROBABILITY_MIN <= p <= rules.PROBABILITY_MAX and p == round(p, 4))
    for name in ("made_on", "deadline", "review_on"):
        day = datetime.date.fromisoformat(body[name])
        assert rules.EARLIEST_DATE <= day <= rules.LATEST_DATE, name


def _post(client, url, body, method="post"):
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


@PROPERTY_SETTINGS
@given(body=any_body)
def test_any_create_body_is_answered_without_a_server_error(api, ids, body):
    response = _post(api["editor"], "/api/forecasts/", body)
    assert response.status_code in (201, 400), response.content[:300]
    if response.status_code == 201:
        assert_within_the_rules(response.json())


@PROPERTY_SETTINGS
@given(overrides=st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=4))
def test_a_valid_create_with_any_fields_changed_stays_within_the_rules(api, ids, overrides):
    response = _post(api["editor"], "/api/forecasts/", {**_valid_create(ids), **overrides})
    assert response.status_code in (201, 400), response.content[:300]
    if response.status_code == 201:
        assert_within_the_rules(response.json())


@PROPERTY_SETTINGS
@given(body=any_body)
def test_any_patch_body_is_answered_without_a_server_error(api, body):
    forecast = ForecastFactory()
    response = _post(api["editor"], f"/api/forecasts/{forecast.pk}/", body, method="patch")
    assert response.status_code in (200, 400), response.content[:300]
    forecast.refresh_from_db()
    p = forecast.probability
    assert p is None or rules.PROBABILITY_MIN <= p <= rules.PROBABILITY_MAX
    assert all(rules.EARLIEST_DATE <= day <= rules.LATEST_DATE for day in (forecast.made_on, forecast.deadline))


@PROPERTY_SETTINGS
@given(day=st.dates(min_value=datetime.date(1, 1, 1)))
def test_dates_are_accepted_exactly_within_the_range(api, ids, day):
    body = {**_valid_create(ids), "made_on": "1900-01-01", "deadline": day.isoformat()}
    response = _post(api["editor"], "/api/forecasts/", body)
    in_range = rules.EARLIEST_DATE <= day <= rules.LATEST_DATE
    assert response.status_code == (201 if in_range else 400), response.content[:300]
    if not in_range:
        assert response.json()["errors"]["deadline"] == [rules.DATE_RANGE_MESSAGE]


@PROPERTY_SETTINGS
@given(p=st.floats(min_value=0, max_value=1))
def test_a_probability_round_trips_at_the_stored_precision(api, ids, p):
    response = _post(api["editor"], "/api/forecasts/", {**_valid_create(ids), "probability": p})
    stored = round(p, rules.PROBABILITY_DECIMALS)
    if rules.PROBABILITY_MIN <= stored <= rules.PROBABILITY_MAX:
        assert response.status_code == 201
        assert response.json()["probability"] == stored
        assert Forecast.objects.get(pk=response.json()["id"]).probability == stored
    else:
        assert response.status_code == 400
        assert response.json()["errors"]["probability"] == [rules.PROBABILITY_RANGE_MESSAGE]


@given(p=st.decimals(min_value="0.001", max_value="0.999", allow_nan=False, places=8))
def test_a_probability_written_as_text_is_kept_alike_by_the_admin_and_the_import(p):
    text = str(p)
    expected = round(float(text), rules.PROBABILITY_DECIMALS)
    field = Forecast._meta.get_field("probability")
    if rules.PROBABILITY_MIN <= expected <= rules.PROBABILITY_MAX:
        assert field.to_python(text) == expected
        assert import_probability(text) == expected
        assert float(str(expected)) == expected  # shown and read back unchanged
