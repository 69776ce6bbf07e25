"""Query-count guards: the pages and jobs that a large archive would slow down issue the same
queries whatever the number of rows, authors, tags or reviewers. Timings live in benchmarks/."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forecasts import reminders, scorecards, services
from forecasts.models import Outcome, ReminderDigest, Status
from forecasts.paginators import EstimatedCountPaginator
from tests.factories import ForecastFactory, StaffFactory, TagFactory, UserFactory

TODAY = datetime.date(2024, 7, 1)


@pytest.fixture(autouse=True)
def _reminder_settings(settings):
    # Every forecast here brings its own reviewer account: hash their passwords cheaply.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.REMINDER_HEADS_UP_DAYS = 0
    settings.REMINDER_REPEAT_DAYS = 7
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def make_forecasts(count: int, *, start: int = 0, **fields) -> list:
    """Forecasts that each bring their own author, article, publication, tag and reviewer: the
    worst case for N+1 queries."""
    forecasts = []
    for i in range(start, start + count):
        forecast = ForecastFactory(reviewer=UserFactory(username=f"reviewer-{i}"), **fields)
        forecast.tags.add(TagFactory(name=f"topic-{i}"), TagFactory(name="shared"))
        forecasts.append(forecast)
    return forecasts


def resolved_fields() -> dict:
    return {"status": Status.RESOLVED, "outcome": Outcome.YES, "resolved_at": datetime.datetime.now(datetime.UTC)}


def queries_of(function) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        function()
    return [query["sql"] for query in captured.captured_queries]


# Admin ---------------------------------------------------------------------------------------


CHANGELISTS = [
    "/admin/forecasts/forecast/",
    "/admin/forecasts/forecast/?status__exact=resolved",
    "/admin/forecasts/forecast/?review=due",
    "/admin/forecasts/forecast/?q=claim",
]


@pytest.mark.parametrize("url", CHANGELISTS)
def test_admin_changelist_queries_do_not_grow_with_rows_authors_or_tags(db, client, url, django_assert_num_queries):
    client.force_login(StaffFactory(username="admin"))
    make_forecasts(2, **resolved_fields())
    few = queries_of(lambda: client.get(url))
    make_forecasts(10, start=2, **resolved_fields())
    with django_assert_num_queries(len(few)):
        assert client.get(url).status_code == 200


def test_admin_filters_list_only_what_has_forecasts_without_reading_the_forecast_table(db, client):
    """The author, publication and tag filters ask EXISTS per candidate, never SELECT DISTINCT
    over the forecasts (RelatedOnlyFieldListFilter does, on every page load)."""
    client.force_login(StaffFactory(username="admin"))
    used = make_forecasts(2)
    TagFactory(name="unused-tag")
    queries = queries_of(lambda: client.get("/admin/forecasts/forecast/"))
    assert not any("DISTINCT" in sql.upper() for sql in queries)
    page = client.get("/admin/forecasts/forecast/").content.decode()
    assert used[0].author.name in page and "topic-1" in page and "unused-tag" not in page


def test_changelist_paginator_counts_exactly_off_postgresql(db):
    make_forecasts(3)
    from forecasts.models import Forecast

    paginator = EstimatedCountPaginator(Forecast.objects.order_by("pk"), 2)
    assert paginator.count == 3 and paginator.num_pages == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the estimate is PostgreSQL's planner")
def test_changelist_paginator_estimates_above_the_exact_limit_with_the_same_queries(
    db, monkeypatch, django_assert_num_queries
):
    from forecasts import paginators
    from forecasts.models import Forecast

    make_forecasts(5)
    with django_assert_num_queries(2):
        assert EstimatedCountPaginator(Forecast.objects.order_by("pk"), 2).count == 5
    monkeypatch.setattr(paginators, "EXACT_COUNT_LIMIT", 2)
    with django_assert_num_queries(2):
        assert EstimatedCountPaginator(Forecast.objects.order_by("pk"), 2).count >= 3


# API -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/api/forecasts/", "/api/sources/", "/api/forecasts/?status=resolved"])
def test_api_list_queries_do_not_grow_with_rows(db, client, url, django_assert_num_queries):
    client.force_login(StaffFactory(username="admin"))
    make_forecasts(2, **resolved_fields())
    few = queries_of(lambda: client.get(url))
    make_forecasts(10, start=2, **resolved_fields())
    with django_assert_num_queries(len(few)) as many:
        response = client.get(url)
    assert response.status_code == 200 and len(response.json()["results"]) > 2
    assert not any("COUNT(" in query["sql"].upper() for query in many.captured_queries)


# Scorecards ----------------------------------------------------------------------------------


def test_a_scorecard_is_one_query(db, django_assert_num_queries):
    make_forecasts(5, **resolved_fields())
    with django_assert_num_queries(1):
        scorecards.scorecard()


@pytest.mark.parametrize("by", scorecards.GROUP_BY_CHOICES)
def test_scorecards_by_group_are_two_queries_however_many_groups(db, by, django_assert_num_queries):
    make_forecasts(12, **resolved_fields())
    with django_assert_num_queries(2):
        cards = scorecards.scorecards_by(by)
    assert len(cards) >= 2


# Reminders -----------------------------------------------------------------------------------


def due_for(reviewer, count: int) -> None:
    for _ in range(count):
        ForecastFactory(reviewer=reviewer, review_on=TODAY, deadline=TODAY).tags.add(TagFactory(name="shared"))


def test_delivering_a_digest_costs_the_same_queries_for_2_or_20_forecasts(db, django_assert_num_queries):
    small_reviewer, large_reviewer = UserFactory(username="small"), UserFactory(username="large")
    due_for(small_reviewer, 2)
    due_for(large_reviewer, 20)
    services.forecasts_flag_due(today=TODAY)
    planned = reminders.plan(today=TODAY)
    small = reminders.create_digest(reviewer_id=small_reviewer.pk, planned=planned[small_reviewer.pk], today=TODAY)
    large = reminders.create_digest(reviewer_id=large_reviewer.pk, planned=planned[large_reviewer.pk], today=TODAY)
    few = queries_of(lambda: reminders.deliver(digest_id=small.pk))
    with django_assert_num_queries(len(few)):
        assert reminders.deliver(digest_id=large.pk) == "sent"


def test_reminder_run_queries_grow_with_reviewers_only_never_with_forecasts(db):
    """One digest per reviewer is the design (each is its own outbox row and email), so a run
    costs a fixed number of queries per reviewer; the number of forecasts adds none."""

    def run_queries(reviewers: int, per_reviewer: int, tag: str) -> int:
        for i in range(reviewers):
            due_for(UserFactory(username=f"{tag}-{i}"), per_reviewer)
        count = len(queries_of(lambda: services.reminders_send(today=TODAY, deliver_now=True)))
        assert ReminderDigest.objects.filter(reviewer__username__startswith=f"{tag}-").count() == reviewers
        from forecasts.models import Forecast

        Forecast.objects.filter(reviewer__username__startswith=f"{tag}-").update(status=Status.PROPOSED)
        return count

    two_by_two = run_queries(2, 2, "a")
    two_by_ten = run_queries(2, 10, "b")
    four_by_two = run_queries(4, 2, "c")
    assert two_by_ten == two_by_two
    per_reviewer = (four_by_two - two_by_two) / 2
    assert four_by_two == two_by_two + 2 * per_reviewer
    assert per_reviewer <= 30
