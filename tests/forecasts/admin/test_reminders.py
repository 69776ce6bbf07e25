"""The reminder log: read-only, and its list costs the same queries for 2 emails as for 14."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forecasts.models import Reminder, ReminderDigest, ReminderKind
from tests.factories import ForecastFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

LOG = reverse("admin:forecasts_reminderdigest_changelist")
RUN_ON = datetime.date(2024, 7, 1)


def make_digests(count: int, *, start: int = 0) -> None:
    """Digests of two forecasts each, every one to its own reviewer."""
    for i in range(start, start + count):
        reviewer = UserFactory(username=f"reviewer-{i}")
        digest = ReminderDigest.objects.create(reviewer=reviewer, run_on=RUN_ON)
        for forecast in ForecastFactory.create_batch(2, reviewer=reviewer):
            Reminder.objects.create(
                forecast=forecast,
                reviewer=reviewer,
                review_on=forecast.review_on,
                cycle_on=RUN_ON,
                kind=ReminderKind.DUE,
                digest=digest,
            )


def log_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LOG)
    assert response.status_code == 200
    return len(queries)


def test_the_reminder_log_queries_do_not_grow_with_its_rows(client):
    client.force_login(StaffFactory(username="admin"))
    make_digests(2)
    with_two = log_queries(client)
    make_digests(12, start=2)
    assert log_queries(client) == with_two


def test_the_reminder_log_counts_the_forecasts_of_each_email(client):
    client.force_login(StaffFactory(username="admin"))
    make_digests(1)
    response = client.get(LOG)
    assert [digest.reminder_count for digest in response.context["cl"].result_list] == [2]


def test_an_email_page_lists_its_forecasts_in_queries_that_do_not_grow_with_them(client):
    client.force_login(StaffFactory(username="admin"))
    make_digests(1)
    digest = ReminderDigest.objects.get()
    url = reverse("admin:forecasts_reminderdigest_change", args=[digest.pk])
    client.get(url)  # the first request after logging in also touches the session
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for forecast in ForecastFactory.create_batch(5, reviewer=digest.reviewer):
        Reminder.objects.create(
            forecast=forecast,
            reviewer=digest.reviewer,
            review_on=forecast.review_on,
            cycle_on=RUN_ON,
            kind=ReminderKind.DUE,
            digest=digest,
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(many) == len(few)
    assert response.content.decode().count("/admin/forecasts/forecast/") >= 7
