"""Query-count guards: the pages and jobs that a large archive would slow down issue the same
queries whatever the number of rows, authors, tags or reviewers. Timings live in benchmarks/."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forecasts import comparisons, scorecards, services, slices
from forecasts.models import Forecast, Outcome, ReminderDigest, Status
from tests.factories import ForecastFactory, StaffFactory, TagFactory, UserFactory

TODAY = datetime.date(2024, 7, 1)


@pytest.fixture(autouse=True)
def _reminder_settings(settings):
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


def test_a_scorecard_and_its_relative_brier_are_one_query(db, django_assert_num_queries):
    make_forecasts(5, **resolved_fields())
    with django_assert_num_queries(1):
        cards = [scorecards.scorecard()]
        comparisons.relative_for(cards, by=None, filters=slices.DEFAULT)
    # Counting every resolved forecast at once, too.
    with django_assert_num_queries(1):
        scorecards.scorecard(filters=slices.parse({"early": "include"}))


@pytest.mark.parametrize("by", scorecards.GROUP_BY_CHOICES)
def test_scorecards_by_group_are_two_queries_however_many_groups(db, by, django_assert_num_queries):
    make_forecasts(12, **resolved_fields())
    filters = slices.parse({"horizon": "6-12m", "made_year": "2023"})
    with django_assert_num_queries(2):  # the aggregate and the groups' labels
        cards = scorecards.scorecards_by(by, filters=filters)
        comparisons.relative_for(cards, by=by, filters=filters)
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
    services.reminder_digests_create(today=TODAY, enqueue=False)
    small = ReminderDigest.objects.get(reviewer=small_reviewer)
    large = ReminderDigest.objects.get(reviewer=large_reviewer)
    few = queries_of(lambda: services.reminder_digest_deliver(digest_id=small.pk))
    with django_assert_num_queries(len(few)):
        assert services.reminder_digest_deliver(digest_id=large.pk) == "sent"


def plan_then_deliver(*, reviewers: int, per_reviewer: int, tag: str) -> tuple[int, int]:
    """(planning queries, delivery queries) of one reminder run: flagging, then writing the
    digests, then sending them, as services.reminders_send(deliver_now=True) does."""
    for i in range(reviewers):
        due_for(UserFactory(username=f"{tag}-{i}"), per_reviewer)

    def planning():
        services.forecasts_flag_due(today=TODAY)
        services.reminder_digests_create(today=TODAY, enqueue=False)

    planned = len(queries_of(planning))
    delivered = len(queries_of(lambda: services.reminder_digests_deliver_pending(deliver_now=True)))
    assert ReminderDigest.objects.filter(reviewer__username__startswith=f"{tag}-", status="sent").count() == reviewers
    # Out of the next run's way.
    Forecast.objects.filter(reviewer__username__startswith=f"{tag}-").update(status=Status.PROPOSED)
    return planned, delivered


def test_planning_a_reminder_run_costs_the_same_queries_for_any_number_of_reviewers_and_forecasts(db):
    planning_2x2, delivery_2x2 = plan_then_deliver(reviewers=2, per_reviewer=2, tag="a")
    planning_2x10, delivery_2x10 = plan_then_deliver(reviewers=2, per_reviewer=10, tag="b")
    planning_6x2, delivery_6x2 = plan_then_deliver(reviewers=6, per_reviewer=2, tag="c")

    assert planning_2x10 == planning_2x2
    assert planning_6x2 == planning_2x2
    # Delivery is one email per reviewer, so a few queries per digest, none per forecast.
    assert delivery_2x10 == delivery_2x2
    per_digest = (delivery_6x2 - delivery_2x2) / 4
    assert delivery_6x2 == delivery_2x2 + 4 * per_digest
    assert per_digest <= 6


def test_a_run_already_done_costs_the_same_queries_for_any_number_of_reminders(db):
    """The second run of the day reads what the first wrote in one query, not one per reviewer."""

    def again(reviewers: int, tag: str) -> int:
        for i in range(reviewers):
            due_for(UserFactory(username=f"{tag}-{i}"), 3)
        services.reminders_send(today=TODAY, deliver_now=True)
        count = len(queries_of(lambda: services.reminders_send(today=TODAY, deliver_now=True)))
        assert len(mail.outbox) == ReminderDigest.objects.count()
        return count

    assert again(1, "a") == again(5, "b")


def test_planning_for_the_reviewers_group_costs_the_same_for_any_number_of_members(db, django_assert_num_queries):
    group = Group.objects.get_or_create(name="Reviewers")[0]
    group.user_set.add(UserFactory(username="member-0"))
    ForecastFactory(reviewer=None, review_on=TODAY)
    services.forecasts_flag_due(today=TODAY)
    one = len(queries_of(lambda: services.reminder_digests_create(today=TODAY, enqueue=False)))
    group.user_set.add(*[UserFactory(username=f"member-{i}") for i in range(1, 6)])
    ForecastFactory.create_batch(4, reviewer=None, review_on=TODAY + datetime.timedelta(days=7))

    with django_assert_num_queries(one):
        created = services.reminder_digests_create(today=TODAY + datetime.timedelta(days=7), enqueue=False)
    assert len(created) == 6
