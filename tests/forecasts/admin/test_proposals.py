"""forecasts/admin/proposals.py: the editor's side-by-side review, accept and reject-with-confirmation."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.urls import reverse

from forecasts.models import Forecast, Status
from tests.factories import ForecastFactory

pytestmark = pytest.mark.django_db

URL = reverse("admin:forecasts_forecast_proposals")
DRAFT = (
    "Resolves yes if exports grow. Otherwise resolves no. Drafted automatically: check the source, threshold and "
    "date. Deadline to set: the text gives no time; the deadline is a default."
)


def _texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_each_proposal_shows_quote_claim_criteria_deadline_and_what_is_left(client, editor):
    forecast = ForecastFactory(status=Status.PROPOSED, quote="Exports will likely grow.", resolution_criteria=DRAFT)
    ForecastFactory(status=Status.OPEN, claim="An open forecast is not a proposal")
    client.force_login(editor)
    page = client.get(URL).content.decode()
    assert "Exports will likely grow." in page
    assert forecast.claim in page
    assert "Resolves yes if exports grow. Otherwise resolves no." in page
    assert forecast.deadline.isoformat() in page
    assert "is a placeholder" in page
    assert "<li>Deadline to set: the text gives no time; the deadline is a default.</li>" in page
    assert "An open forecast is not a proposal" not in page


def test_accept_is_refused_while_placeholders_remain_and_works_once_edited(client, editor):
    forecast = ForecastFactory(status=Status.PROPOSED, resolution_criteria=DRAFT)
    client.force_login(editor)
    refused = client.post(URL, {"accept_one": forecast.pk})
    assert refused.status_code == 302
    assert any("cannot be accepted yet" in text for text in _texts(refused))
    forecast.refresh_from_db()
    assert forecast.status == Status.PROPOSED

    Forecast.objects.filter(pk=forecast.pk).update(resolution_criteria="Customs data for 2026.")
    accepted = client.post(URL, {"accept": "1", ACTION_CHECKBOX_NAME: [forecast.pk]})
    assert "Accepted 1 proposed forecast(s): they are open." in _texts(accepted)
    forecast.refresh_from_db()
    assert forecast.status == Status.OPEN


def test_reject_asks_first_listing_what_goes_then_deletes(client, editor):
    forecast = ForecastFactory(status=Status.PROPOSED, claim="A claim to reject")
    client.force_login(editor)
    asked = client.post(URL, {"reject_one": forecast.pk})
    assert asked.status_code == 200
    assert "A claim to reject" in asked.content.decode()
    assert "Yes, reject 1" in asked.content.decode()
    assert Forecast.objects.filter(pk=forecast.pk).exists()

    done = client.post(URL, {"reject": "1", "confirm_reject": "Yes", ACTION_CHECKBOX_NAME: [forecast.pk]})
    assert done.status_code == 302
    assert not Forecast.objects.filter(pk=forecast.pk).exists()
    # Nothing is lost silently: the message links the history, which still shows the claim.
    history = reverse("admin:forecasts_forecast_history", args=[forecast.pk])
    assert f'<a href="{history}">#{forecast.pk}</a>' in _texts(done)[0]
    assert "A claim to reject" in client.get(history).content.decode()


def test_a_selection_of_nothing_or_of_bad_ids_changes_nothing(client, editor):
    forecast = ForecastFactory(status=Status.PROPOSED)
    client.force_login(editor)
    response = client.post(URL, {"accept": "1", ACTION_CHECKBOX_NAME: ["abc", "-1"]})
    assert "Select at least one proposed forecast to accept." in _texts(response)
    forecast.refresh_from_db()
    assert forecast.status == Status.PROPOSED


def test_a_bad_article_id_is_reported_and_every_proposal_shown(client, editor):
    ForecastFactory(status=Status.PROPOSED, claim="Still listed")
    client.force_login(editor)
    response = client.get(URL, {"source": "x1"})
    assert "Still listed" in response.content.decode()
    assert any("is not an article id" in text for text in _texts(response))


def test_the_source_filter_lists_one_articles_proposals(client, editor):
    kept = ForecastFactory(status=Status.PROPOSED, claim="From this article")
    ForecastFactory(status=Status.PROPOSED, claim="From another article")
    client.force_login(editor)
    page = client.get(URL, {"source": kept.source_id}).content.decode()
    assert "From this article" in page
    assert "From another article" not in page


def test_reviewers_may_not_decide_on_proposals(client, reviewer):
    client.force_login(reviewer)
    assert client.get(URL).status_code == 403
