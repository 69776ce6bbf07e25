"""The forecast's history page: who, when to the second in the site's time zone, what changed
from what to what, and why; never a raw None or a "Deleted user"."""

import datetime
import re

import pytest
from django.urls import reverse

from forecasts import services
from forecasts.admin import history
from forecasts.models import Outcome, Status, local_today
from tests.factories import ForecastFactory, UserFactory

pytestmark = pytest.mark.django_db

EVIDENCE = "https://example.org/evidence"


def _resolved_forecast(reviewer):
    forecast = services.forecast_create(
        source=ForecastFactory().source,
        author=ForecastFactory().author,
        quote="Trade will likely grow.",
        claim="Trade grows in 2025",
        estimative_phrase="likely",
        probability=0.675,
        made_on=datetime.date(2024, 1, 1),
        deadline=datetime.date(2024, 12, 31),
        resolution_criteria="The annual figure.",
        recorded_by=None,
    )
    later = local_today() + datetime.timedelta(days=9)
    forecast = services.forecast_snooze(forecast=forecast, review_on=later, reason="Figure late", snoozed_by=reviewer)
    return services.forecast_resolve(
        forecast=forecast, outcome=Outcome.YES, evidence_url=EVIDENCE, note="It grew.", resolved_by=reviewer
    )


def test_each_entry_says_who_when_what_from_what_to_what_and_why(reviewer):
    forecast = _resolved_forecast(reviewer)

    resolved, snoozed, created = history.history_entries(forecast)

    assert resolved.who == "reviewer"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \S+", resolved.when)
    assert resolved.reason == "Resolved: did the claim come true? yes"
    changes = {c.field: (c.old, c.new) for c in resolved.changes}
    assert changes["status"] == ("Open", "Resolved")
    assert changes["outcome"] == ("—", Outcome.YES.label)
    assert changes["resolved by"] == ("—", "reviewer")
    assert "version" not in changes
    assert snoozed.reason.endswith("Figure late")
    assert {c.field for c in snoozed.changes} >= {"review on"}
    assert created.who == history.NOBODY
    assert created.reason == "—"
    assert {c.field: c.new for c in created.changes}["probability"] == "67.5%"


def test_times_are_shown_in_the_sites_time_zone_to_the_second(settings, reviewer):
    settings.TIME_ZONE = "Asia/Seoul"
    moment = datetime.datetime(2026, 1, 2, 15, 4, 5, 123456, tzinfo=datetime.UTC)
    assert history.local_time(moment) == "2026-01-03 00:04:05 KST"


def test_a_user_removed_since_is_named_as_removed_not_none(reviewer):
    other = UserFactory(username="gone", is_staff=True)
    forecast = ForecastFactory(status=Status.DUE)
    services.forecast_update(forecast=forecast, data={"reviewer": other}, changed_by=reviewer)
    other.delete()

    latest = history.history_entries(forecast)[0]

    (change,) = [c for c in latest.changes if c.field == "reviewer"]
    assert change.old == "—"
    assert change.new.startswith("— (removed")


def test_the_history_page_shows_no_raw_none_and_no_deleted_user(client, reviewer):
    forecast = _resolved_forecast(reviewer)
    client.force_login(reviewer)

    response = client.get(reverse("admin:forecasts_forecast_history", args=[forecast.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Deleted user" not in html
    assert not re.search(r">\s*None\s*<", html)
    assert "Figure late" in html
    assert "by reviewer" in html
    version = forecast.history.order_by("history_date").first()
    version_url = reverse("admin:forecasts_forecast_simple_history", args=[forecast.pk, version.history_id])
    assert version_url in html
    assert client.get(version_url).status_code == 200


def test_the_history_of_no_such_forecast_is_404(client, reviewer):
    client.force_login(reviewer)
    assert client.get(reverse("admin:forecasts_forecast_history", args=["abc"])).status_code == 404
    assert client.get(reverse("admin:forecasts_forecast_history", args=[10**6])).status_code == 404


def test_staff_without_view_permission_cannot_read_the_history(client):
    forecast = ForecastFactory()
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("admin:forecasts_forecast_history", args=[forecast.pk])).status_code == 403
