import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from forecasts import services
from forecasts.models import Forecast, Outcome, Status
from tests.factories import ForecastFactory, TagFactory

TODAY = datetime.date(2024, 7, 1)

pytestmark = pytest.mark.django_db


def test_flags_open_forecasts_whose_review_date_has_come():
    past = ForecastFactory(review_on=TODAY - datetime.timedelta(days=30))
    today = ForecastFactory(review_on=TODAY)
    future = ForecastFactory(review_on=TODAY + datetime.timedelta(days=1))
    proposed = ForecastFactory(review_on=TODAY, status=Status.PROPOSED)

    assert services.forecasts_flag_due(today=TODAY) == 2

    statuses = dict(Forecast.objects.values_list("pk", "status"))
    assert statuses == {
        past.pk: Status.DUE,
        today.pk: Status.DUE,
        future.pk: Status.OPEN,
        proposed.pk: Status.PROPOSED,
    }


def test_resolved_forecasts_stay_resolved():
    forecast = ForecastFactory(review_on=TODAY - datetime.timedelta(days=3))
    services.forecast_resolve(
        forecast=forecast, outcome=Outcome.ANNULLED, note="The statistic was discontinued.", resolved_by=None
    )

    assert services.forecasts_flag_due(today=TODAY) == 0
    assert Forecast.objects.get().status == Status.RESOLVED


def test_flagging_again_changes_nothing():
    ForecastFactory.create_batch(3, review_on=TODAY)
    services.forecasts_flag_due(today=TODAY)
    history_rows = Forecast.history.count()

    assert services.forecasts_flag_due(today=TODAY) == 0
    assert Forecast.history.count() == history_rows


def test_flagging_writes_a_history_row_with_the_tags_at_that_time():
    forecast = ForecastFactory(review_on=TODAY)
    forecast.tags.set([TagFactory(name="trade"), TagFactory(name="china")])

    services.forecasts_flag_due(today=TODAY)

    latest = forecast.history.latest()
    assert latest.status == Status.DUE
    assert latest.history_type == "~"
    assert latest.history_change_reason == "Review date reached"
    assert sorted(t.tag.name for t in latest.tags.all()) == ["china", "trade"]
    assert latest.prev_record.status == Status.OPEN


def test_flagging_uses_one_update_however_many_are_due(django_assert_max_num_queries):
    ForecastFactory.create_batch(40, review_on=TODAY)

    # select, update, history insert, tag links select (+ savepoint bookkeeping): not one per row.
    with django_assert_max_num_queries(8):
        assert services.forecasts_flag_due(today=TODAY) == 40


@pytest.mark.parametrize(
    ("time_zone", "flagged"),
    [
        # 2024-06-30 20:00 UTC is already 1 July in Auckland, still 30 June in UTC and Los Angeles.
        ("Pacific/Auckland", True),
        ("UTC", False),
        ("America/Los_Angeles", False),
    ],
)
def test_today_follows_the_configured_time_zone(settings, monkeypatch, time_zone, flagged):
    settings.TIME_ZONE = time_zone
    instant = datetime.datetime(2024, 6, 30, 20, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(timezone, "now", lambda: instant)
    ForecastFactory(review_on=datetime.date(2024, 7, 1))

    assert services.forecasts_flag_due() == (1 if flagged else 0)


def test_command_reports_how_many_were_flagged(capsys):
    ForecastFactory.create_batch(2, review_on=datetime.date(2023, 12, 31))

    call_command("flag_due_forecasts")
    call_command("flag_due_forecasts")

    assert capsys.readouterr().out.splitlines() == ["Flagged 2 forecasts as due.", "Flagged 0 forecasts as due."]
