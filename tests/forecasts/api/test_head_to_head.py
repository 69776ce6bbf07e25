"""GET /api/scorecards/head-to-head/ and the relative scores in GET /api/scorecards/."""

import pytest

from forecasts import comparisons, services
from forecasts.models import EventLink, Outcome, Status
from tests.factories import AuthorFactory, EventFactory, ForecastFactory

URL = "/api/scorecards/head-to-head/"
EVIDENCE = "https://example.org/evidence"


@pytest.fixture
def pair(db):
    ann, bob = AuthorFactory(name="Ann"), AuthorFactory(name="Bob")
    for k, (p_ann, p_bob, outcome) in enumerate(
        [(0.9, 0.6, Outcome.YES), (0.2, 0.5, Outcome.NO), (0.7, 0.8, Outcome.YES)]
    ):
        event = EventFactory(title=f"Event {k}")
        ForecastFactory(
            author=ann,
            event=event,
            event_link=EventLink.SAME,
            probability=p_ann,
            status=Status.DUE,
            reference_probability=0.5,
            reference_source="coin",
        )
        # Bob says the opposite: his probability of the event is 1 - p_bob.
        ForecastFactory(
            author=bob, event=event, event_link=EventLink.OPPOSITE, probability=1 - p_bob, status=Status.DUE
        )
        services.event_resolve(event=event, outcome=outcome, evidence_url=EVIDENCE, note="n", resolved_by=None)
    return ann, bob


def test_head_to_head_answers_the_comparison(api, pair):
    ann, bob = pair
    response = api["anonymous"].get(URL, {"a": ann.pk, "b": bob.pk})
    assert response.status_code == 200
    body = response.json()
    expected = comparisons.head_to_head(ann.pk, bob.pk)
    assert body["n_events"] == 3
    assert body["a"] == {"id": ann.pk, "name": "Ann"}
    assert body["mean_brier_difference"] == pytest.approx(((0.01 - 0.16) + (0.04 - 0.25) + (0.09 - 0.04)) / 3)
    assert body["ci_low"] == expected.interval.ci_low
    assert [e["title"] for e in body["events"]] == ["Event 0", "Event 1", "Event 2"]
    assert body["verdict"] == "not distinguishable"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({}, "a"),
        ({"a": "1"}, "b"),
        ({"a": "x", "b": "2"}, "a"),
        ({"a": "1", "b": "1.0"}, "b"),
        ({"a": "0", "b": "2"}, "a"),
        ({"a": "3", "b": "3"}, "b"),
    ],
)
def test_bad_ids_are_400(api, query, field):
    response = api["anonymous"].get(URL, query)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_unknown_pundit_is_404(api, pair):
    ann, _ = pair
    response = api["anonymous"].get(URL, {"a": ann.pk, "b": 999_999})
    assert response.status_code == 404
    assert "b" in response.json()["detail"] or "b" in str(response.json())


def test_scorecards_carry_the_relative_score(api, pair):
    ann, bob = pair
    cards = {c["group"]["key"]: c for c in api["anonymous"].get("/api/scorecards/", {"by": "author"}).json()}
    assert cards[str(ann.pk)]["relative"]["n"] == 3
    assert cards[str(ann.pk)]["relative"]["brier_minus_reference"] == pytest.approx(
        (0.01 - 0.25 + 0.04 - 0.25 + 0.09 - 0.25) / 3
    )
    assert cards[str(bob.pk)]["relative"] == {"n": 0, "brier_minus_reference": None, "ci_low": None, "ci_high": None}
