"""The admin index: its links beside the models, and what needs the signed-in user now, counted by
the forecast list's own filters so each number opens the list it counts."""

import datetime

import pytest
from django.urls import reverse

from forecasts.models import Status, local_today
from tests.factories import ForecastFactory, UserFactory

pytestmark = pytest.mark.django_db


def _due(days_ago: int, **kwargs):
    day = local_today() - datetime.timedelta(days=days_ago)
    return ForecastFactory(
        made_on=day - datetime.timedelta(days=400), deadline=day, review_on=day, status=Status.DUE, **kwargs
    )


def _rows(response) -> dict[str, dict]:
    return {row["label"]: row for row in response.context["rows"]}


def _listed(client, url) -> int:
    return len(client.get(url).context["cl"].result_list)


@pytest.fixture
def queue(reviewer):
    """Two due forecasts in the reviewer's queue (one theirs, one nobody's), two someone else's."""
    someone_else = UserFactory(username="other", is_staff=True)
    _due(3, reviewer=reviewer)
    _due(0)
    _due(5, reviewer=someone_else)
    _due(0, reviewer=someone_else)


def test_admin_index_links_to_the_scorecards(client, editor):
    client.force_login(editor)
    assert reverse("scorecards:index") in client.get(reverse("admin:index")).content.decode()


def test_a_reviewer_sees_their_own_due_count_and_everyones_each_opening_its_list(client, reviewer, queue):
    client.force_login(reviewer)

    rows = _rows(client.get(reverse("admin:index")))

    assert rows["Due for review"]["count"] == 2
    assert rows["Overdue"]["count"] == 1
    assert rows["Due for review, everyone's"]["count"] == 4
    for label in ("Due for review", "Overdue", "Due for review, everyone's"):
        assert _listed(client, rows[label]["url"]) == rows[label]["count"], label


def test_an_editor_sees_everyones_due_count_opening_the_same_list(client, editor, queue):
    client.force_login(editor)

    response = client.get(reverse("admin:index"))
    rows = _rows(response)

    assert rows["Due for review"]["count"] == 4
    assert rows["Overdue"]["count"] == 2
    assert "Due for review, everyone's" not in rows
    assert _listed(client, rows["Due for review"]["url"]) == 4
    assert rows["Due for review"]["url"] in response.content.decode().replace("&amp;", "&")


def test_the_proposed_count_opens_the_proposed_forecasts(client, editor):
    ForecastFactory(status=Status.PROPOSED)
    ForecastFactory(status=Status.OPEN)
    client.force_login(editor)

    row = _rows(client.get(reverse("admin:index")))["Proposed, awaiting an editor"]

    assert row["count"] == 1
    assert _listed(client, row["url"]) == 1
