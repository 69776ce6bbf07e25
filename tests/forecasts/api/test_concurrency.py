"""Racing requests, for real: threads with their own database connections send an edit and a
resolve (or two edits) through the API at the same moment, many times. Every resolution and every
field change either lands or is refused with 409; none is silently lost.

PostgreSQL serialises the writers with the row lock; SQLite with its IMMEDIATE transactions (one
writer at a time), so the same assertions hold on both."""

import threading

import pytest
from django.conf import settings
from django.db import connection, connections
from rest_framework.test import APIClient

from forecasts import services
from forecasts.models import Forecast, Outcome, Status
from tests.api_fixtures import _client_for, _member_of
from tests.factories import ForecastFactory

pytestmark = pytest.mark.django_db(transaction=True)

TRIALS = 20
RESOLVE = {"outcome": "yes", "evidence_url": "https://e.org/1", "resolution_note": "A"}


def _race(*requests) -> list:
    """Run each request in its own thread, released together; return their responses."""
    barrier = threading.Barrier(len(requests))
    results: list = [None] * len(requests)

    def run(index, request):
        try:
            barrier.wait()
            results[index] = request()
        except Exception as error:  # reported by the assertions, not lost in the thread
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, r)) for i, r in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _status(response) -> int:
    assert not isinstance(response, Exception), repr(response)
    return response.status_code


def _patch(client: APIClient, forecast_id: int, body: dict):
    return lambda: client.patch(f"/api/forecasts/{forecast_id}/", body, format="json")


def test_an_edit_and_a_resolve_at_once_never_lose_the_resolution(api, reviewer):
    landed = {"patch": 0, "resolve": 0}
    for trial in range(TRIALS):
        forecast = ForecastFactory()
        criteria = f"edited criteria {trial}"
        patch = _patch(
            api["editor"],
            forecast.pk,
            {
                "resolution_criteria": criteria,
                "tags": ["t1", "t2", "t3"],
                "reviewer": "reviewer",
                "source": forecast.source_id,
                "author": forecast.author_id,
            },
        )
        resolve = lambda pk=forecast.pk: api["reviewer"].post(f"/api/forecasts/{pk}/resolve/", RESOLVE, format="json")  # noqa: E731

        edited, resolved = _race(patch, resolve)

        assert _status(resolved) == 200, resolved.json()
        # The edit lands, or (the resolve came first and froze the criteria) is refused with 409.
        assert _status(edited) in (200, 409), edited.json()
        current = Forecast.objects.get(pk=forecast.pk)
        assert (current.status, current.outcome, current.evidence_url) == (
            Status.RESOLVED,
            Outcome.YES,
            "https://e.org/1",
        )
        if edited.status_code == 200:
            assert current.resolution_criteria == criteria
            assert sorted(current.tags.values_list("name", flat=True)) == ["t1", "t2", "t3"]
            assert current.reviewer == reviewer
            landed["patch"] += 1
        else:
            assert "frozen" in edited.json()["detail"]
        landed["resolve"] += 1
    assert landed["resolve"] == TRIALS


def test_two_edits_of_different_fields_at_once_both_land(api):
    for trial in range(TRIALS):
        forecast = ForecastFactory(claim="original claim", probability=0.5)
        claim = f"claim from A {trial}"

        first, second = _race(
            _patch(api["editor"], forecast.pk, {"claim": claim}),
            _patch(api["superuser"], forecast.pk, {"probability": 0.9, "estimative_phrase": "very likely"}),
        )

        assert (_status(first), _status(second)) == (200, 200)
        current = Forecast.objects.get(pk=forecast.pk)
        assert (current.claim, current.probability, current.estimative_phrase) == (claim, 0.9, "very likely")
        assert current.version == 3


def test_two_edits_naming_the_same_version_one_lands_the_other_is_409(api):
    for trial in range(TRIALS):
        forecast = ForecastFactory(claim="original claim", probability=0.5)
        claim = f"claim from A {trial}"

        first, second = _race(
            _patch(api["editor"], forecast.pk, {"claim": claim, "version": 1}),
            _patch(api["superuser"], forecast.pk, {"probability": 0.9, "version": 1}),
        )

        statuses = sorted((_status(first), _status(second)))
        assert statuses == [200, 409]
        current = Forecast.objects.get(pk=forecast.pk)
        assert current.version == 2
        if first.status_code == 200:
            assert (current.claim, current.probability) == (claim, 0.5)
            assert "Changed since you opened it" in second.json()["detail"]
        else:
            assert (current.claim, current.probability) == ("original claim", 0.9)


def test_an_edit_naming_its_version_and_a_resolve_at_once(api):
    for _ in range(TRIALS):
        forecast = ForecastFactory(claim="original claim")
        edited, resolved = _race(
            _patch(api["editor"], forecast.pk, {"claim": "edited", "version": 1}),
            lambda pk=forecast.pk: api["reviewer"].post(f"/api/forecasts/{pk}/resolve/", RESOLVE, format="json"),
        )
        assert _status(resolved) == 200
        assert _status(edited) in (200, 409)
        current = Forecast.objects.get(pk=forecast.pk)
        assert current.status == Status.RESOLVED
        assert (current.claim == "edited") == (edited.status_code == 200)


def test_two_resolves_at_once_one_lands_the_other_is_409(api, superuser):
    for _ in range(TRIALS):
        forecast = ForecastFactory()
        first, second = _race(
            lambda pk=forecast.pk: api["reviewer"].post(f"/api/forecasts/{pk}/resolve/", RESOLVE, format="json"),
            lambda pk=forecast.pk: api["superuser"].post(
                f"/api/forecasts/{pk}/resolve/", {**RESOLVE, "outcome": "no"}, format="json"
            ),
        )
        assert sorted((_status(first), _status(second))) == [200, 409]
        current = Forecast.objects.get(pk=forecast.pk)
        winner = first if first.status_code == 200 else second
        assert current.outcome == winner.json()["outcome"]
        assert current.history.filter(history_change_reason__startswith="Resolved").count() == 1


def test_a_reject_and_an_accept_at_once_one_decides_the_other_is_409(api):
    # Two editors decide on the same proposal: the status is checked on the locked row, so the
    # second sees the first's decision and is refused, never decides over it.
    other_editor = _client_for(_member_of(settings.EDITORS_GROUP, "editor-2"))
    for _ in range(TRIALS):
        forecast = ForecastFactory(status=Status.PROPOSED)
        reject, accept = _race(
            lambda pk=forecast.pk: api["editor"].post(f"/api/forecasts/{pk}/reject/", {}, format="json"),
            lambda pk=forecast.pk: other_editor.post(f"/api/forecasts/{pk}/accept/", {}, format="json"),
        )
        assert sorted((_status(reject), _status(accept))) == [200, 409]
        winner = "reject" if reject.status_code == 200 else "accept"
        current = Forecast.objects.get(pk=forecast.pk)
        assert current.status == (Status.REJECTED if winner == "reject" else Status.OPEN)
        assert current.version == 2
        decisions = current.history.filter(history_change_reason__regex=r"^(Rejected|Accepted):")
        assert decisions.count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SELECT ... FOR UPDATE is what this exercises; SQLite has one writer at a time anyway",
)
def test_service_edits_from_many_threads_each_land_once(editor):
    forecast = ForecastFactory(claim="c0", probability=0.5)
    names = [f"claim {i}" for i in range(8)]

    def edit(claim):
        return lambda: services.forecast_update(
            forecast=Forecast(pk=forecast.pk), data={"claim": claim}, changed_by=editor
        )

    results = _race(*(edit(name) for name in names))

    assert not [r for r in results if isinstance(r, Exception)]
    current = Forecast.objects.get(pk=forecast.pk)
    assert current.version == 1 + len(names)
    assert sorted(current.history.exclude(version=1).values_list("claim", flat=True)) == sorted(names)
