"""forecasts/admin/events.py and the event part of the forecast admin: editors create and link
events, reviewers resolve them with every linked forecast, the forecast page suggests events."""

import datetime

import pytest
from django.urls import reverse

from forecasts.models import Comparator, Event, EventLink, Forecast, Outcome, Status
from tests.factories import EventFactory, ForecastFactory, TagFactory

pytestmark = pytest.mark.django_db

EVIDENCE = "https://example.org/evidence"


def test_editor_creates_an_event_through_the_service(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:forecasts_event_add"),
        {
            "title": "Brent above $100 in 2026",
            "resolution_criteria": "ICE settlement price",
            "deadline": "2026-12-31",
            "reference_probability": "0.3",
            "reference_source": "",
        },
    )
    assert response.status_code == 200
    assert "Say where the reference probability comes from." in response.content.decode()
    assert not Event.objects.exists()
    response = client.post(
        reverse("admin:forecasts_event_add"),
        {
            "title": "Brent above $100 in 2026",
            "resolution_criteria": "ICE settlement price",
            "deadline": "2026-12-31",
            "reference_probability": "0.3",
            "reference_source": "Polymarket",
        },
    )
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.history.first().history_user == editor


def test_editor_links_a_forecast_and_the_event_page_lists_it(client, editor):
    event = EventFactory(title="Oil above 100")
    forecast = ForecastFactory()
    client.force_login(editor)
    change_url = reverse("admin:forecasts_forecast_change", args=[forecast.pk])
    form = client.get(change_url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["tags"] = []
    bad = client.post(change_url, {**data, "event": event.pk, "event_link": EventLink.THRESHOLD})
    assert bad.status_code == 200
    assert Forecast.objects.get(pk=forecast.pk).event_id is None
    done = client.post(
        change_url,
        {
            **data,
            "event": event.pk,
            "event_link": EventLink.THRESHOLD,
            "event_comparator": ">",
            "event_threshold": "100",
        },
    )
    assert done.status_code == 302, done.content.decode()[:2000]
    linked = Forecast.objects.get(pk=forecast.pk)
    assert (linked.event_id, linked.event_link, linked.event_comparator, linked.event_threshold) == (
        event.pk,
        EventLink.THRESHOLD,
        Comparator.GT,
        100.0,
    )
    page = client.get(reverse("admin:forecasts_event_change", args=[event.pk])).content.decode()
    assert str(linked) in page


def test_only_reviewers_resolve_events(client, editor, reviewer):
    event = EventFactory()
    same = ForecastFactory(event=event, event_link=EventLink.SAME, status=Status.DUE)
    opposite = ForecastFactory(event=event, event_link=EventLink.OPPOSITE)
    url = reverse("admin:forecasts_event_resolve", args=[event.pk])
    client.force_login(editor)
    assert client.get(url).status_code == 403

    client.force_login(reviewer)
    assert "Resolve the event and its forecasts" in client.get(url).content.decode()
    missing = client.post(url, {"outcome": Outcome.YES, "evidence_url": EVIDENCE, "note": "", "apply": "1"})
    assert missing.status_code == 200
    assert Forecast.objects.filter(status=Status.RESOLVED).count() == 0
    done = client.post(url, {"outcome": Outcome.YES, "evidence_url": EVIDENCE, "note": "It happened.", "apply": "1"})
    assert done.status_code == 302
    assert dict(Forecast.objects.values_list("pk", "outcome")) == {same.pk: Outcome.YES, opposite.pk: Outcome.NO}
    assert Forecast.objects.get(pk=same.pk).resolved_by == reviewer


def test_threshold_links_need_the_value_on_the_page(client, reviewer):
    event = EventFactory()
    ForecastFactory(event=event, event_link=EventLink.THRESHOLD, event_comparator=">", event_threshold=3)
    client.force_login(reviewer)
    url = reverse("admin:forecasts_event_resolve", args=[event.pk])
    response = client.post(url, {"outcome": Outcome.YES, "evidence_url": EVIDENCE, "note": "n", "value": "nan"})
    assert response.status_code == 200
    response = client.post(url, {"outcome": Outcome.YES, "evidence_url": EVIDENCE, "note": "n"})
    assert "give the event&#x27;s measured value" in response.content.decode()
    assert (
        client.post(url, {"outcome": Outcome.YES, "evidence_url": EVIDENCE, "note": "n", "value": "4"}).status_code
        == 302
    )
    assert Forecast.objects.get().outcome == Outcome.YES


def test_forecast_page_suggests_likely_events(client, editor):
    oil = TagFactory(name="oil")
    forecast = ForecastFactory(
        claim="Brent crude oil price rises above 100 dollars",
        made_on=datetime.date(2025, 1, 1),
        deadline=datetime.date(2025, 12, 31),
    )
    forecast.tags.add(oil)
    similar = EventFactory(
        title="Brent crude oil price above 100 dollars in 2025", deadline=datetime.date(2025, 12, 31)
    )
    tagged = EventFactory(title="OPEC cuts output", deadline=datetime.date(2025, 6, 30))
    tagged.tags.add(oil)
    EventFactory(title="Brent crude oil price above 100 dollars in 2019", deadline=datetime.date(2019, 12, 31))
    EventFactory(title="Elections held in France", deadline=datetime.date(2025, 6, 30))

    suggested = Event.objects.suggested_for(forecast)
    assert [event.pk for event in suggested] == [similar.pk, tagged.pk]

    client.force_login(editor)
    page = client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk])).content.decode()
    assert "likely events" in page.lower()
    assert similar.title in page and "Elections held in France" not in page
