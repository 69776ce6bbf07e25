"""forecasts/admin/proposals.py: the editor's side-by-side review, accept and reject-with-confirmation."""

import html
import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.urls import reverse

from forecasts.models import Forecast, Status
from tests.factories import ForecastFactory

pytestmark = pytest.mark.django_db

URL = reverse("admin:forecasts_forecast_proposals")
RESTORE_URL = reverse("admin:forecasts_forecast_restore_rejected")
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


def _undo_url(response) -> str:
    match = re.search(r'href="([^"]+)">Undo: restore', _texts(response)[0])
    assert match, _texts(response)
    return html.unescape(match[1])


def test_reject_asks_first_listing_what_goes_then_keeps_it_rejected_with_an_undo(client, editor):
    forecast = ForecastFactory(status=Status.PROPOSED, claim="A claim to reject")
    client.force_login(editor)
    asked = client.post(URL, {"reject_one": forecast.pk})
    assert asked.status_code == 200
    assert "A claim to reject" in asked.content.decode()
    assert "Yes, reject 1" in asked.content.decode()
    assert Forecast.objects.get(pk=forecast.pk).status == Status.PROPOSED

    done = client.post(URL, {"reject": "1", "confirm_reject": "Yes", ACTION_CHECKBOX_NAME: [forecast.pk]})
    assert done.status_code == 302
    # Nothing is lost: the row stays, out of the review, and the history names the editor.
    rejected = Forecast.objects.get(pk=forecast.pk)
    assert rejected.status == Status.REJECTED
    assert rejected.history.first().history_user == editor
    assert "A claim to reject" not in client.get(URL).content.decode()

    undo = _undo_url(done)
    asked_again = client.get(undo)
    assert asked_again.status_code == 200
    assert "A claim to reject" in asked_again.content.decode()
    assert "Yes, restore 1" in asked_again.content.decode()
    assert Forecast.objects.get(pk=forecast.pk).status == Status.REJECTED  # a GET changes nothing

    restored = client.post(RESTORE_URL, {ACTION_CHECKBOX_NAME: [forecast.pk]})
    assert restored.status_code == 302
    assert "Restored 1 rejected proposal(s): they await an editor again." in _texts(restored)
    forecast.refresh_from_db()
    assert forecast.status == Status.PROPOSED
    record = forecast.history.first()
    assert (record.history_user, record.history_change_reason) == (
        editor,
        "Restored: proposed again after a rejection",
    )
    assert "A claim to reject" in client.get(URL).content.decode()


@pytest.mark.parametrize("ids", ["", "abc,-1", "{open}", "{proposed}", "99999999"])
def test_restore_of_nothing_rejected_explains_and_changes_nothing(client, editor, ids):
    open_one, proposed = ForecastFactory(status=Status.OPEN), ForecastFactory(status=Status.PROPOSED)
    client.force_login(editor)
    chosen = ids.format(open=open_one.pk, proposed=proposed.pk)

    shown = client.get(RESTORE_URL, {"ids": chosen})
    posted = client.post(RESTORE_URL, {ACTION_CHECKBOX_NAME: chosen.split(",")})

    for response in (shown, posted):
        assert response.status_code == 302
        assert "None of these forecasts is a rejected proposal: there is nothing to restore." in _texts(response)
    assert dict(Forecast.objects.values_list("pk", "status")) == {
        open_one.pk: Status.OPEN,
        proposed.pk: Status.PROPOSED,
    }


def test_an_editor_restores_rejected_proposals_from_the_list(client, editor):
    rejected, other = ForecastFactory(status=Status.REJECTED), ForecastFactory(status=Status.OPEN)
    client.force_login(editor)
    changelist = reverse("admin:forecasts_forecast_changelist")
    listed = client.get(changelist, {"status__exact": "rejected", "assigned": "anyone"})
    assert [f.pk for f in listed.context["cl"].result_list] == [rejected.pk]
    assert "restore_rejected" in dict(listed.context["action_form"].fields["action"].choices)

    response = client.post(changelist, {"action": "restore_rejected", ACTION_CHECKBOX_NAME: [rejected.pk, other.pk]})

    assert response.status_code == 302
    assert "Restored 1 rejected proposal(s): they await an editor again." in _texts(response)
    assert dict(Forecast.objects.values_list("pk", "status")) == {rejected.pk: Status.PROPOSED, other.pk: Status.OPEN}
    assert Forecast.objects.get(pk=rejected.pk).history.first().history_user == editor


def test_reviewers_may_not_restore_rejected_proposals(client, reviewer):
    rejected = ForecastFactory(status=Status.REJECTED)
    client.force_login(reviewer)

    assert client.get(RESTORE_URL, {"ids": rejected.pk}).status_code == 403
    assert client.post(RESTORE_URL, {ACTION_CHECKBOX_NAME: [rejected.pk]}).status_code == 403
    actions = client.get(reverse("admin:forecasts_forecast_changelist")).context["action_form"].fields["action"]
    assert "restore_rejected" not in dict(actions.choices)
    assert Forecast.objects.get(pk=rejected.pk).status == Status.REJECTED


def test_a_rejected_proposal_has_no_public_page_and_no_resolve_button(client, reviewer):
    rejected = ForecastFactory(status=Status.REJECTED)
    client.force_login(reviewer)

    change = client.get(reverse("admin:forecasts_forecast_change", args=[rejected.pk])).content.decode()

    assert reverse("admin:forecasts_forecast_resolve", args=[rejected.pk]) not in change
    assert not rejected.is_public
    client.logout()
    assert client.get(rejected.get_absolute_url()).status_code == 404


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
