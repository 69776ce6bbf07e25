"""forecasts/services/events.py: creating events, linking forecasts, resolving an event with all
its forecasts in one transaction, audited, in a constant number of queries."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forecasts import services
from forecasts.models import Comparator, EventLink, Forecast, Outcome, PublicDataVersion, Status
from tests.factories import AuthorFactory, EventFactory, ForecastFactory, SourceFactory, StaffFactory, TagFactory

pytestmark = pytest.mark.django_db

EVIDENCE = "https://example.org/evidence"


@pytest.fixture
def reviewer():
    return StaffFactory(username="reviewer")


def linked(event, link=EventLink.SAME, **kwargs):
    extra = {}
    if link == EventLink.THRESHOLD:
        extra = {"event_comparator": kwargs.pop("comparator"), "event_threshold": kwargs.pop("threshold")}
    return ForecastFactory(event=event, event_link=link, **extra, **kwargs)


def test_event_create_checks_reference_needs_a_source(reviewer):
    with pytest.raises(ValidationError) as error:
        services.event_create(
            title="Brent above $100",
            resolution_criteria="ICE settlement",
            deadline=datetime.date(2026, 12, 31),
            reference_probability=0.3,
            created_by=reviewer,
        )
    assert "reference_probability" in str(error.value) or "comes from" in str(error.value)
    event = services.event_create(
        title="Brent above $100",
        resolution_criteria="ICE settlement",
        deadline=datetime.date(2026, 12, 31),
        reference_probability=0.3,
        reference_source="Polymarket, 2026-01-02",
        tags=["oil"],
        created_by=reviewer,
    )
    assert event.reference_probability == 0.3
    assert [tag.name for tag in event.tags.all()] == ["oil"]
    assert event.history.first().history_user == reviewer


def test_resolving_an_event_derives_each_forecasts_outcome_from_its_link(reviewer, django_capture_on_commit_callbacks):
    event = EventFactory()
    same = linked(event, EventLink.SAME)
    opposite = linked(event, EventLink.OPPOSITE)
    above = linked(event, EventLink.THRESHOLD, comparator=Comparator.GT, threshold=100)
    at_most = linked(event, EventLink.THRESHOLD, comparator=Comparator.LTE, threshold=100)
    below = linked(event, EventLink.THRESHOLD, comparator=Comparator.LT, threshold=150)
    proposed = linked(event, EventLink.SAME, status=Status.PROPOSED)
    unlinked = ForecastFactory()
    version_before = PublicDataVersion.objects.filter(pk=1).values_list("value", flat=True).first() or 1

    with django_capture_on_commit_callbacks(execute=True):
        result = services.event_resolve(
            event=event,
            outcome=Outcome.YES,
            evidence_url=EVIDENCE,
            note="Brent closed at 120.",
            value=120.0,
            resolved_by=reviewer,
        )

    assert (result.resolved, result.already_resolved, result.proposed) == (5, 0, 1)
    outcomes = dict(Forecast.objects.values_list("pk", "outcome"))
    assert outcomes[same.pk] == Outcome.YES
    assert outcomes[opposite.pk] == Outcome.NO
    assert outcomes[above.pk] == Outcome.YES
    assert outcomes[at_most.pk] == Outcome.NO
    assert outcomes[below.pk] == Outcome.YES
    assert outcomes[proposed.pk] is None
    assert outcomes[unlinked.pk] is None
    event.refresh_from_db()
    for forecast in Forecast.objects.filter(event=event).exclude(status=Status.PROPOSED):
        assert forecast.status == Status.RESOLVED
        assert forecast.resolved_by == reviewer
        assert forecast.resolved_at == event.resolved_at
        assert forecast.evidence_url == EVIDENCE
        assert forecast.version == 2
        audit = forecast.history.first()
        assert audit.outcome == forecast.outcome
        assert audit.history_user == reviewer
        assert (
            audit.history_change_reason
            == f"Resolved with event #{event.pk}: did the claim come true? {forecast.outcome}"
        )
    assert (event.outcome, event.resolved_value, event.resolved_by) == (Outcome.YES, 120.0, reviewer)
    assert PublicDataVersion.objects.get(pk=1).value > version_before


def test_history_rows_carry_the_tags(reviewer):
    event = EventFactory()
    forecast = linked(event)
    forecast.tags.set([TagFactory(name="oil"), TagFactory(name="markets")])
    services.event_resolve(event=event, outcome=Outcome.NO, evidence_url=EVIDENCE, note="No.", resolved_by=reviewer)
    audit = forecast.history.first()
    assert sorted(audit.tags.values_list("tag__name", flat=True)) == ["markets", "oil"]


def test_ambiguous_event_leaves_every_claim_ambiguous_without_a_value(reviewer):
    event = EventFactory()
    threshold = linked(event, EventLink.THRESHOLD, comparator=Comparator.GT, threshold=1)
    opposite = linked(event, EventLink.OPPOSITE)
    services.event_resolve(event=event, outcome=Outcome.AMBIGUOUS, resolved_by=reviewer)
    assert set(Forecast.objects.filter(pk__in=[threshold.pk, opposite.pk]).values_list("outcome", flat=True)) == {
        Outcome.AMBIGUOUS
    }


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"outcome": "maybe"}, "outcome"),
        ({"outcome": Outcome.YES, "evidence_url": "", "note": "x"}, "evidence_url"),
        ({"outcome": Outcome.YES, "evidence_url": EVIDENCE, "note": ""}, "resolution_note"),
        ({"outcome": Outcome.YES, "evidence_url": EVIDENCE, "note": "x", "value": float("nan")}, "resolved_value"),
        ({"outcome": Outcome.YES, "evidence_url": EVIDENCE, "note": "x"}, "resolved_value"),
    ],
)
def test_bad_resolution_changes_nothing(reviewer, kwargs, field):
    event = EventFactory()
    linked(event)
    linked(event, EventLink.THRESHOLD, comparator=Comparator.GT, threshold=1)
    with pytest.raises(ValidationError) as error:
        services.event_resolve(event=event, resolved_by=reviewer, **kwargs)
    assert field in error.value.message_dict
    assert not Forecast.objects.filter(status=Status.RESOLVED).exists()
    event.refresh_from_db()
    assert event.outcome is None


def test_already_resolved_forecasts_must_agree(reviewer):
    event = EventFactory()
    open_one = linked(event)
    agreeing = linked(event, status=Status.DUE)
    services.forecast_resolve(
        forecast=agreeing, outcome=Outcome.YES, evidence_url=EVIDENCE, note="y", resolved_by=reviewer
    )
    contradicting = linked(event, EventLink.OPPOSITE, status=Status.DUE)
    services.forecast_resolve(
        forecast=contradicting, outcome=Outcome.YES, evidence_url=EVIDENCE, note="y", resolved_by=reviewer
    )
    with pytest.raises(services.ForecastConflict):
        services.event_resolve(event=event, outcome=Outcome.YES, evidence_url=EVIDENCE, note="y", resolved_by=reviewer)
    open_one.refresh_from_db()
    assert open_one.status == Status.OPEN

    services.forecast_unresolve(forecast=contradicting, unresolved_by=reviewer, reason="wrong")
    result = services.event_resolve(
        event=event, outcome=Outcome.YES, evidence_url=EVIDENCE, note="y", resolved_by=reviewer
    )
    assert (result.resolved, result.already_resolved) == (2, 1)
    with pytest.raises(services.ForecastConflict):
        services.event_resolve(event=event, outcome=Outcome.NO, evidence_url=EVIDENCE, note="n", resolved_by=reviewer)


def _forecasts_on(event, n):
    source, author = SourceFactory(), AuthorFactory()
    tag = TagFactory(name="bulk")
    Forecast.objects.bulk_create(
        Forecast(
            source=source,
            author=author,
            quote="q",
            claim=f"claim {i}",
            claim_key=f"{i:064d}",
            probability=0.6,
            probability_basis="stated",
            made_on=datetime.date(2023, 1, 1),
            deadline=datetime.date(2023, 12, 31),
            review_on=datetime.date(2023, 12, 31),
            resolution_criteria="c",
            event=event,
            event_link=EventLink.OPPOSITE if i % 2 else EventLink.SAME,
        )
        for i in range(n)
    )
    Forecast.tags.through.objects.bulk_create(
        Forecast.tags.through(forecast_id=pk, tag_id=tag.pk)
        for pk in Forecast.objects.filter(event=event).values_list("pk", flat=True)
    )


def _queries_to_resolve(event, reviewer) -> int:
    with CaptureQueriesContext(connection) as queries:
        services.event_resolve(event=event, outcome=Outcome.YES, evidence_url=EVIDENCE, note="y", resolved_by=reviewer)
    return len(queries)


def test_query_count_does_not_grow_with_the_linked_forecasts(reviewer):
    small, large = EventFactory(), EventFactory()
    _forecasts_on(small, 10)
    _forecasts_on(large, 1000)

    assert _queries_to_resolve(small, reviewer) == _queries_to_resolve(large, reviewer)
    assert Forecast.objects.filter(event=large, status=Status.RESOLVED).count() == 1000
    assert Forecast.objects.filter(event=large, outcome=Outcome.NO).count() == 500
    history = Forecast.history.model.objects.filter(event=large, history_type="~")
    assert history.count() == 1000
    tags_history = apps.get_model("forecasts", "HistoricalForecast_tags")
    assert tags_history.objects.filter(history__in=history).count() == 1000


def test_linking_to_a_resolved_event_resolves_the_forecast(reviewer):
    event = EventFactory()
    services.event_resolve(event=event, outcome=Outcome.YES, evidence_url=EVIDENCE, note="y", resolved_by=reviewer)
    forecast = ForecastFactory()
    services.forecast_link_event(forecast=forecast, event=event, link=EventLink.OPPOSITE, linked_by=reviewer)
    forecast.refresh_from_db()
    assert (forecast.status, forecast.outcome, forecast.event_id) == (Status.RESOLVED, Outcome.NO, event.pk)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"link": "sideways"}, "event_link"),
        ({"link": EventLink.THRESHOLD, "comparator": "=", "threshold": 1.0}, "event_comparator"),
        ({"link": EventLink.THRESHOLD, "comparator": ">", "threshold": None}, "event_threshold"),
        ({"link": EventLink.SAME, "comparator": ">", "threshold": 3.0}, "event_threshold"),
    ],
)
def test_bad_link_changes_nothing(reviewer, kwargs, field):
    forecast = ForecastFactory()
    with pytest.raises(ValidationError) as error:
        services.forecast_link_event(forecast=forecast, event=EventFactory(), linked_by=reviewer, **kwargs)
    assert field in error.value.message_dict
    forecast.refresh_from_db()
    assert forecast.event_id is None


def test_unlinking(reviewer):
    event = EventFactory()
    forecast = linked(event)
    services.forecast_link_event(forecast=forecast, event=None, linked_by=reviewer)
    forecast.refresh_from_db()
    assert (forecast.event_id, forecast.event_link) == (None, "")


def test_changing_an_events_reference_changes_its_forecasts_comparison(reviewer):
    event = EventFactory()
    same = linked(event, probability=0.8)
    opposite = linked(event, EventLink.OPPOSITE, probability=0.3)
    own = linked(event, probability=0.6, reference_probability=0.9, reference_source="own model")
    services.event_update(
        event=event, data={"reference_probability": 0.25, "reference_source": "crowd"}, changed_by=reviewer
    )
    used = dict(Forecast.objects.values_list("pk", "reference_used"))
    assert used == {same.pk: 0.25, opposite.pk: 0.75, own.pk: 0.9}
    with pytest.raises(ValidationError):
        services.event_update(event=event, data={"reference_source": ""}, changed_by=reviewer)
    unlinked = ForecastFactory()
    services.forecast_link_event(forecast=unlinked, event=event, link=EventLink.OPPOSITE, linked_by=reviewer)
    unlinked.refresh_from_db()
    assert unlinked.reference_used == 0.75
