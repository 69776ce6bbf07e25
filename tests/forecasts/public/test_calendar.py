import datetime

import icalendar
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from forecasts.models import CalendarToken, Status
from forecasts.public import calendar
from forecasts.services import public as services_public
from tests.factories import ForecastFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_fold_keeps_lines_within_75_octets_and_characters_whole():
    line = "SUMMARY:" + "Prognose über Nordkorea, " * 10
    folded = calendar.fold(line)
    parts = folded.split("\r\n ")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert "".join(parts) == line


def test_the_feed_lists_the_reviewers_unresolved_forecasts_and_parses(client):
    reviewer = UserFactory(username="rita")
    mine = ForecastFactory(
        reviewer=reviewer, claim="Trade, tariffs; and more\nnext line", review_on=datetime.date(2024, 6, 30)
    )
    ForecastFactory(reviewer=reviewer, status=Status.PROPOSED)
    ForecastFactory(reviewer=UserFactory(username="other"))
    token = services_public.calendar_token_issue(user=reviewer)

    response = client.get(reverse("public:calendar", args=[token.key]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    parsed = icalendar.Calendar.from_ical(response.content)
    events = parsed.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == "Review: Trade, tariffs; and more\nnext line"
    assert events[0].decoded("DTSTART") == datetime.date(2024, 6, 30)
    assert str(events[0]["UID"]).startswith(f"forecast-{mine.pk}-review@")
    assert response.content.count(b"\r\n") == len(response.content.split(b"\r\n")) - 1


def test_reviewers_group_members_also_get_forecasts_without_a_reviewer(client):
    member = UserFactory(username="member")
    member.groups.add(Group.objects.get_or_create(name="Reviewers")[0])
    ForecastFactory(reviewer=None)
    token = services_public.calendar_token_issue(user=member)

    parsed = icalendar.Calendar.from_ical(client.get(reverse("public:calendar", args=[token.key])).content)

    assert len(parsed.walk("VEVENT")) == 1


def test_a_wrong_or_replaced_key_is_404(client):
    reviewer = UserFactory()
    old = services_public.calendar_token_issue(user=reviewer).key
    new = services_public.calendar_token_issue(user=reviewer).key

    assert old != new
    assert client.get(reverse("public:calendar", args=[old])).status_code == 404
    assert client.get(reverse("public:calendar", args=["guess"])).status_code == 404
    assert client.get(reverse("public:calendar", args=[new])).status_code == 200
    assert CalendarToken.objects.count() == 1


def test_signed_in_reviewer_makes_and_sees_their_calendar_address(client):
    reviewer = UserFactory()
    client.force_login(reviewer)

    assert "no calendar address yet" in client.get("/calendar/").content.decode()
    response = client.post("/calendar/")

    assert response.status_code == 302
    key = CalendarToken.objects.get(user=reviewer).key
    assert key in client.get("/calendar/").content.decode()


def test_the_calendar_page_needs_a_login(client):
    response = client.get("/calendar/")
    assert response.status_code == 302 and "login" in response["Location"]
