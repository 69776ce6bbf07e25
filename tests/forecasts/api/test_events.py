"""forecasts/api/events.py: events over the API, as Editors and Reviewers members (never a
superuser): list, read, create, edit, link and unlink forecasts, resolve with every linked one."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forecasts import services
from forecasts.models import Event, EventLink, Forecast, Outcome, Status
from tests.factories import AuthorFactory, EventFactory, ForecastFactory, TagFactory

pytestmark = pytest.mark.django_db

EVIDENCE = {"outcome": "yes", "evidence_url": "https://example.org/stats", "resolution_note": "Brent closed at 104."}
NEW_EVENT = {
    "title": "Brent above $100 in 2026",
    "resolution_criteria": "ICE Brent front-month close, any day in 2026.",
    "starts_on": "2026-01-01",
    "deadline": "2026-12-31",
    "tags": ["oil"],
}


def _linked(event, link=EventLink.SAME, **fields) -> Forecast:
    forecast = ForecastFactory(**fields)
    threshold = {"comparator": ">", "threshold": 100.0} if link == EventLink.THRESHOLD else {}
    return services.forecast_link_event(forecast=forecast, event=event, link=link, linked_by=None, **threshold)


# Sent as 1e400: valid JSON, which Python reads as infinity, a number no comparison decides.
HUGE = float("inf")


def _post_json(client, url, body):
    text = json.dumps(body).replace("Infinity", "1e400")
    return client.post(url, data=text, content_type="application/json")


def _resolve(event, outcome="yes"):
    services.event_resolve(
        event=event, outcome=outcome, evidence_url="https://example.org/e", note="It did.", resolved_by=None
    )


# ----- reading ---------------------------------------------------------------------------------


def test_list_is_newest_first_with_the_count_of_linked_forecasts(api):
    older, newer = EventFactory(), EventFactory()
    _linked(newer)
    _linked(newer)
    body = api["reader"].get("/api/events/").json()
    assert [row["id"] for row in body["results"]] == [newer.pk, older.pk]
    assert [row["forecast_count"] for row in body["results"]] == [2, 0]
    assert body["next"] is None


def test_list_is_cursor_paginated(api):
    events = EventFactory.create_batch(3)
    first = api["reader"].get("/api/events/", {"page_size": 2}).json()
    assert [row["id"] for row in first["results"]] == [events[2].pk, events[1].pk]
    second = api["reader"].get(first["next"].removeprefix("http://testserver")).json()
    assert [row["id"] for row in second["results"]] == [events[0].pk]


def test_list_filters(api):
    oil = TagFactory(name="Oil")
    author = AuthorFactory()
    resolved = EventFactory(title="Brent above 100", deadline=datetime.date(2026, 12, 31))
    resolved.tags.add(oil)
    _resolve(resolved)
    open_event = EventFactory(title="Rates cut in 2025", deadline=datetime.date(2025, 6, 30))
    forecast = _linked(open_event, author=author)

    def ids(**query):
        response = api["reader"].get("/api/events/", query)
        assert response.status_code == 200, response.json()
        return [row["id"] for row in response.json()["results"]]

    assert ids(status="resolved") == [resolved.pk]
    assert ids(status="unresolved") == [open_event.pk]
    assert ids(outcome="yes") == [resolved.pk]
    assert ids(deadline_before="2025-12-31") == [open_event.pk]
    assert ids(deadline_after="2026-01-01") == [resolved.pk]
    assert ids(title="brent") == [resolved.pk]
    assert ids(tag="oil") == [resolved.pk]
    assert ids(author=author.pk) == [open_event.pk]
    assert ids(forecast=forecast.pk) == [open_event.pk]
    assert ids(ordering="deadline") == [open_event.pk, resolved.pk]


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ({"status": "done"}, "status"),
        ({"status": ""}, "status"),
        ({"outcome": "maybe"}, "outcome"),
        ({"deadline_before": "31/12/2025"}, "deadline_before"),
        ({"author": "1.0"}, "author"),
        ({"forecast": str(2**63)}, "forecast"),
        ({"ordering": "title"}, "ordering"),
        ({"page_size": "0"}, "page_size"),
    ],
)
def test_bad_list_parameters_are_400_naming_them(api, query, param):
    response = api["reader"].get("/api/events/", query)
    assert response.status_code == 400
    assert param in response.json()["errors"]


@pytest.mark.parametrize("unconfirmed", [Status.PROPOSED, Status.REJECTED])
def test_anonymous_readers_do_not_see_unconfirmed_forecasts_of_an_event(api, unconfirmed):
    event = EventFactory()
    confirmed = _linked(event)
    proposed = _linked(event, status=unconfirmed)
    anonymous = api["anonymous"].get(f"/api/events/{event.pk}/").json()
    assert [f["id"] for f in anonymous["forecasts"]] == [confirmed.pk]
    assert anonymous["forecast_count"] == 1
    assert api["anonymous"].get("/api/events/", {"forecast": proposed.pk}).json()["results"] == []


@pytest.mark.parametrize("role", ["reader", "editor", "reviewer"])
def test_signed_in_readers_see_an_events_proposed_forecasts_and_no_rejected_one(api, role):
    # A rejected proposal is set aside: in no list, for anyone.
    event = EventFactory()
    confirmed = _linked(event)
    proposed = _linked(event, status=Status.PROPOSED)
    rejected = _linked(event, status=Status.REJECTED)
    body = api[role].get(f"/api/events/{event.pk}/").json()
    assert [f["id"] for f in body["forecasts"]] == [confirmed.pk, proposed.pk]
    assert body["forecast_count"] == 2
    assert [e["forecast_count"] for e in api[role].get("/api/events/").json()["results"]] == [2]
    assert api[role].get("/api/events/", {"forecast": rejected.pk}).json()["results"] == []


def test_detail_lists_each_linked_forecast_and_how_its_outcome_follows(api):
    event = EventFactory()
    same = _linked(event)
    opposite = _linked(event, link=EventLink.OPPOSITE)
    threshold = _linked(event, link=EventLink.THRESHOLD)
    body = api["reader"].get(f"/api/events/{event.pk}/").json()
    assert body["title"] == event.title
    assert [(f["id"], f["event_link"], f["event_comparator"], f["event_threshold"]) for f in body["forecasts"]] == [
        (same.pk, "same", "", None),
        (opposite.pk, "opposite", "", None),
        (threshold.pk, "threshold", ">", 100.0),
    ]
    assert {f["version"] for f in body["forecasts"]} == {2}


@pytest.mark.parametrize("pk", ["0", "١", " 1", "1.0", str(2**63), "abc"])
def test_a_malformed_id_is_404(api, pk):
    EventFactory()
    assert api["reader"].get(f"/api/events/{pk}/").status_code == 404
    assert api["reviewer"].post(f"/api/events/{pk}/resolve/", EVIDENCE, format="json").status_code == 404


# ----- creating and editing ---------------------------------------------------------------------


def test_editor_creates_an_event(api, editor):
    response = api["editor"].post("/api/events/", NEW_EVENT, format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["title"] == NEW_EVENT["title"]
    assert body["tags"] == ["oil"]
    assert body["forecasts"] == []
    event = Event.objects.get(pk=body["id"])
    assert event.created_by == editor
    assert event.history.first().history_user == editor


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**NEW_EVENT, "deadline": "2025-12-31"}, "deadline"),  # before the window starts
        ({**NEW_EVENT, "reference_probability": 0.4}, "reference_source"),
        ({**NEW_EVENT, "reference_probability": 1.5, "reference_source": "A market"}, "reference_probability"),
        ({**NEW_EVENT, "title": ""}, "title"),
        ({**NEW_EVENT, "title": "x" * 301}, "title"),
        ({**NEW_EVENT, "deadline": "1800-01-01", "starts_on": None}, "deadline"),
        ({**NEW_EVENT, "deadline": 20261231}, "deadline"),
        ({**NEW_EVENT, "outcome": "yes"}, "outcome"),  # resolved only by resolving
        ({key: value for key, value in NEW_EVENT.items() if key != "resolution_criteria"}, "resolution_criteria"),
    ],
)
def test_bad_event_is_400_and_creates_nothing(api, body, field):
    response = api["editor"].post("/api/events/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"], response.json()
    assert not Event.objects.exists()


def test_editor_edits_an_event_and_bad_edits_change_nothing(api):
    event = EventFactory(starts_on=datetime.date(2023, 1, 1))
    response = api["editor"].patch(f"/api/events/{event.pk}/", {"title": "Retitled", "tags": ["x"]}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["title"] == "Retitled"
    assert response.json()["tags"] == ["x"]
    bad = api["editor"].patch(f"/api/events/{event.pk}/", {"deadline": "2022-12-31"}, format="json")
    assert bad.status_code == 400
    assert "deadline" in bad.json()["errors"]
    event.refresh_from_db()
    assert event.deadline == datetime.date(2023, 12, 31)


# ----- linking ----------------------------------------------------------------------------------


def test_editor_links_a_forecast_and_gets_it_back_with_its_new_version(api, editor):
    event = EventFactory()
    forecast = ForecastFactory()
    body = {"forecast": forecast.pk, "link": "threshold", "comparator": ">=", "threshold": 100, "version": 1}
    response = api["editor"].post(f"/api/events/{event.pk}/link/", body, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["event"] == event.pk
    assert response.json()["event_link"] == "threshold"
    assert response.json()["version"] == 2
    assert response["ETag"] == '"2"'
    forecast.refresh_from_db()
    assert (forecast.event_id, forecast.event_comparator, forecast.event_threshold) == (event.pk, ">=", 100.0)
    assert forecast.history.first().history_user == editor


def test_linking_with_a_stale_version_is_409_and_links_nothing(api):
    event = EventFactory()
    forecast = ForecastFactory()
    response = api["editor"].post(
        f"/api/events/{event.pk}/link/", {"forecast": forecast.pk, "version": 5}, format="json"
    )
    assert response.status_code == 409
    forecast.refresh_from_db()
    assert forecast.event_id is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "forecast"),
        ({"forecast": "1"}, "forecast"),
        ({"forecast": 0}, "forecast"),
        ({"forecast": 2**63}, "forecast"),
        ({"forecast": 999999}, "forecast"),  # no such forecast
        ({"link": "maybe"}, "link"),
        ({"link": "threshold"}, "comparator"),
        ({"link": "threshold", "comparator": ">"}, "threshold"),
        ({"link": "threshold", "comparator": ">", "threshold": HUGE}, "threshold"),
        ({"link": "same", "threshold": 3}, "threshold"),
        ({"version": 0}, "version"),
        ({"event": 1}, "event"),
    ],
)
def test_bad_link_is_400_and_changes_nothing(api, body, field):
    event = EventFactory()
    forecast = ForecastFactory()
    body = {"forecast": forecast.pk, **body} if "forecast" not in body and body != {} else body
    response = _post_json(api["editor"], f"/api/events/{event.pk}/link/", body)
    assert response.status_code == 400, response.json()
    assert field in response.json()["errors"], response.json()
    forecast.refresh_from_db()
    assert (forecast.event_id, forecast.version) == (None, 1)


def test_linking_a_resolved_forecast_that_disagrees_with_the_resolved_event_is_409(api):
    event = EventFactory()
    _resolve(event)
    forecast = ForecastFactory(status=Status.RESOLVED, outcome=Outcome.NO, resolved_at=timezone.now())
    response = api["editor"].post(f"/api/events/{event.pk}/link/", {"forecast": forecast.pk}, format="json")
    assert response.status_code == 409
    assert "correct or unresolve the forecast first" in response.json()["detail"]
    forecast.refresh_from_db()
    assert forecast.event_id is None


def test_unlinking(api):
    event, other = EventFactory(), EventFactory()
    forecast = _linked(event)
    elsewhere = api["editor"].post(f"/api/events/{other.pk}/unlink/", {"forecast": forecast.pk}, format="json")
    assert elsewhere.status_code == 409
    assert f"not linked to event {other.pk}" in elsewhere.json()["detail"]
    stale = api["editor"].post(
        f"/api/events/{event.pk}/unlink/", {"forecast": forecast.pk, "version": 1}, format="json"
    )
    assert stale.status_code == 409
    response = api["editor"].post(
        f"/api/events/{event.pk}/unlink/", {"forecast": forecast.pk, "version": 2}, format="json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["event"] is None
    assert response.json()["event_link"] == ""
    forecast.refresh_from_db()
    assert forecast.event_id is None


# ----- resolving --------------------------------------------------------------------------------


def test_reviewer_resolves_the_event_and_every_linked_forecast_with_it(api, reviewer):
    event = EventFactory()
    same = _linked(event)
    opposite = _linked(event, link=EventLink.OPPOSITE)
    threshold = _linked(event, link=EventLink.THRESHOLD)
    proposed = _linked(event, status=Status.PROPOSED)
    response = api["reviewer"].post(
        f"/api/events/{event.pk}/resolve/", {**EVIDENCE, "resolved_value": 104.5}, format="json"
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["resolved"], body["already_resolved"], body["proposed"]) == (3, 0, 1)
    assert body["event"]["outcome"] == "yes"
    assert body["event"]["resolved_by"] == "reviewer"
    assert body["event"]["resolved_value"] == 104.5
    outcomes = dict(Forecast.objects.values_list("pk", "outcome"))
    assert outcomes == {same.pk: "yes", opposite.pk: "no", threshold.pk: "yes", proposed.pk: None}
    same.refresh_from_db()
    assert same.evidence_url == EVIDENCE["evidence_url"]
    assert same.resolved_by == reviewer
    assert same.history.first().history_user == reviewer
    reason = same.history.first().history_change_reason
    assert reason == f"Resolved with event #{event.pk}: did the claim come true? yes"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"outcome": "probably"}, "outcome"),
        ({}, "outcome"),
        ({"outcome": "yes"}, "evidence_url"),  # a decided outcome needs its evidence
        ({**EVIDENCE, "evidence_url": "no url"}, "evidence_url"),
        ({**EVIDENCE, "resolved_value": "104"}, "resolved_value"),
        ({**EVIDENCE, "resolved_value": HUGE}, "resolved_value"),
        ({**EVIDENCE, "note": "unknown field"}, "note"),
        (EVIDENCE, "resolved_value"),  # a threshold claim is linked: the value decides it
    ],
)
def test_bad_resolution_is_400_and_changes_nothing(api, body, field):
    event = EventFactory()
    forecast = _linked(event, link=EventLink.THRESHOLD)
    response = _post_json(api["reviewer"], f"/api/events/{event.pk}/resolve/", body)
    assert response.status_code == 400
    assert field in response.json()["errors"], response.json()
    event.refresh_from_db()
    forecast.refresh_from_db()
    assert (event.outcome, forecast.status) == (None, Status.OPEN)


def test_resolving_a_resolved_event_is_409(api):
    event = EventFactory()
    api["reviewer"].post(f"/api/events/{event.pk}/resolve/", EVIDENCE, format="json")
    response = api["reviewer"].post(f"/api/events/{event.pk}/resolve/", {**EVIDENCE, "outcome": "no"}, format="json")
    assert response.status_code == 409
    assert "already resolved" in response.json()["detail"]
    event.refresh_from_db()
    assert event.outcome == "yes"


def test_an_event_that_contradicts_a_resolved_forecast_is_409_and_resolves_nothing(api):
    event = EventFactory()
    contradicted = _linked(event)
    services.forecast_resolve(
        forecast=contradicted, outcome="no", evidence_url="https://example.org/n", note="No.", resolved_by=None
    )
    open_one = _linked(event)
    response = api["reviewer"].post(f"/api/events/{event.pk}/resolve/", EVIDENCE, format="json")
    assert response.status_code == 409
    assert "correct or unresolve them first" in response.json()["detail"]
    event.refresh_from_db()
    open_one.refresh_from_db()
    assert (event.outcome, open_one.status) == (None, Status.OPEN)


# ----- who may do what (role members, as the forecast API's matrix) ----------------------------


def _link_body():
    return {"forecast": ForecastFactory().pk}


def _unlink_url():
    event = EventFactory()
    _linked(event)
    return f"/api/events/{event.pk}/unlink/"


def _unlink_body(url):
    return {"forecast": Forecast.objects.get(event_id=int(url.split("/")[3])).pk}


ROLES = ("anonymous", "reader", "editor", "reviewer", "staff")
# As the forecast API: editors create, edit and link (a link is part of the forecast's record);
# reviewers resolve; staff without permissions and readers only read.
MATRIX = {
    "list": ("get", lambda: "/api/events/", None, (200, 200, 200, 200, 200)),
    "read": ("get", lambda: f"/api/events/{EventFactory().pk}/", None, (200, 200, 200, 200, 200)),
    "create": ("post", lambda: "/api/events/", lambda url: NEW_EVENT, (401, 403, 201, 403, 403)),
    "edit": (
        "patch",
        lambda: f"/api/events/{EventFactory().pk}/",
        lambda url: {"title": "Retitled"},
        (401, 403, 200, 403, 403),
    ),
    "link": (
        "post",
        lambda: f"/api/events/{EventFactory().pk}/link/",
        lambda url: _link_body(),
        (401, 403, 200, 403, 403),
    ),
    "unlink": ("post", _unlink_url, _unlink_body, (401, 403, 200, 403, 403)),
    "resolve": (
        "post",
        lambda: f"/api/events/{EventFactory().pk}/resolve/",
        lambda url: EVIDENCE,
        (401, 403, 403, 200, 403),
    ),
}
CASES = [(name, role) for name in MATRIX for role in ROLES]


@pytest.mark.parametrize(("endpoint", "role"), CASES, ids=[f"{name}-{role}" for name, role in CASES])
def test_permission_matrix(api, endpoint, role):
    method, url_of, body_of, expected = MATRIX[endpoint]
    url = url_of()
    events_before = list(Event.objects.values_list("pk", "title", "outcome"))
    links_before = list(Forecast.objects.values_list("pk", "event_id", "version"))
    response = getattr(api[role], method)(url, body_of(url) if body_of else None, format="json")
    assert response.status_code == expected[ROLES.index(role)], response.content
    if response.status_code in (401, 403):
        assert response.json()["code"] in ("not_authenticated", "permission_denied")
        # Refused: nothing written (the body builders may add rows of their own, never change one).
        assert set(events_before) <= set(Event.objects.values_list("pk", "title", "outcome"))
        assert set(links_before) <= set(Forecast.objects.values_list("pk", "event_id", "version"))


def test_private_events_need_a_login(api, settings):
    settings.SCORECARDS_PUBLIC = False
    assert api["anonymous"].get("/api/events/").status_code == 401
    assert api["reader"].get("/api/events/").status_code == 200


def test_reading_events_takes_the_same_queries_for_few_or_many(api):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert api["reader"].get(url).status_code == 200
        return len(captured)

    event = EventFactory()
    event.tags.add(TagFactory())
    _linked(event)
    few = (queries("/api/events/"), queries(f"/api/events/{event.pk}/"))
    for _ in range(5):
        other = EventFactory()
        other.tags.add(TagFactory())
        _linked(event)
        _linked(other)
    assert (queries("/api/events/"), queries(f"/api/events/{event.pk}/")) == few
