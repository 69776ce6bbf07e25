"""The forecast list as a reviewer's work queue: theirs by default, how overdue, most urgent first,
and the next step beside each claim."""

import datetime

import pytest
from django.urls import reverse

from forecasts.admin import due_list
from forecasts.models import Status, local_today
from tests.factories import ForecastFactory, UserFactory

pytestmark = pytest.mark.django_db


def _due(days_ago: int, **kwargs):
    day = local_today() - datetime.timedelta(days=days_ago)
    return ForecastFactory(
        made_on=day - datetime.timedelta(days=400), deadline=day, review_on=day, status=Status.DUE, **kwargs
    )


def _listed(response) -> list[str]:
    return [str(f) for f in response.context["cl"].result_list]


def test_days_overdue_counts_from_the_review_date():
    today = datetime.date(2026, 3, 10)
    forecast = ForecastFactory.build(review_on=datetime.date(2026, 3, 1), status=Status.DUE)
    assert due_list.days_overdue(forecast, today) == 9
    forecast.review_on = today
    assert due_list.days_overdue(forecast, today) == 0
    forecast.status = Status.RESOLVED
    assert due_list.days_overdue(forecast, today) is None


def test_a_reviewer_sees_their_own_queue_by_default_most_overdue_first(client, reviewer):
    someone_else = UserFactory(username="other", is_staff=True)
    mine = _due(3, claim="Mine, three days late", reviewer=reviewer)
    oldest = _due(20, claim="Nobody's, twenty days late")
    _due(40, claim="Someone else's", reviewer=someone_else)
    client.force_login(reviewer)

    response = client.get(reverse("admin:forecasts_forecast_changelist"), {"review": "due"})

    assert _listed(response) == [str(oldest), str(mine)]
    html = response.content.decode()
    assert "20 days" in html and "3 days" in html
    assert reverse("admin:forecasts_forecast_resolve", args=[mine.pk]) in html
    assert reverse("admin:forecasts_forecast_snooze", args=[mine.pk]) in html


def test_a_reviewer_can_list_everyones(client, reviewer):
    _due(3, reviewer=reviewer)
    _due(40, reviewer=UserFactory(username="other", is_staff=True))
    client.force_login(reviewer)

    response = client.get(reverse("admin:forecasts_forecast_changelist"), {"assigned": "anyone"})

    assert len(_listed(response)) == 2


def test_an_editor_sees_everything_by_default_and_no_resolve_links(client, editor, reviewer):
    forecast = _due(3, reviewer=reviewer)
    _due(4)
    client.force_login(editor)

    response = client.get(reverse("admin:forecasts_forecast_changelist"))

    assert len(_listed(response)) == 2
    html = response.content.decode()
    assert reverse("admin:forecasts_forecast_resolve", args=[forecast.pk]) not in html
    assert reverse("admin:forecasts_forecast_snooze", args=[forecast.pk]) in html


def test_an_unknown_assigned_choice_is_reported_not_ignored(client, reviewer):
    client.force_login(reviewer)

    response = client.get(reverse("admin:forecasts_forecast_changelist"), {"assigned": "everybody"})

    assert response.status_code == 302
    assert "e=1" in response["Location"]
