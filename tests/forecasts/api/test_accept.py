"""An editor's decisions on proposals over the API: POST /api/forecasts/{id}/accept/, reject/ and
restore/, by the same services and rules as the admin's Accept, Reject and Restore."""

import pytest

from forecasts.models import Forecast, Status
from tests.factories import ForecastFactory

pytestmark = pytest.mark.django_db

UNFINISHED = (
    "Resolves yes if exports grow. Otherwise resolves no. Drafted automatically: check the source, threshold and date."
)


def test_an_unfinished_proposal_is_refused_with_what_is_left_and_stays_proposed(api):
    forecast = ForecastFactory(status=Status.PROPOSED, resolution_criteria=UNFINISHED)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/accept/", {}, format="json")
    assert response.status_code == 400
    assert "cannot be accepted yet" in str(response.json())
    assert "Nothing was accepted." in str(response.json())
    forecast.refresh_from_db()
    assert forecast.status == Status.PROPOSED


def test_a_finished_proposal_is_accepted_once_edited(api):
    forecast = ForecastFactory(status=Status.PROPOSED, resolution_criteria=UNFINISHED)
    url = f"/api/forecasts/{forecast.pk}/"
    api["editor"].patch(url, {"resolution_criteria": "Customs data for 2026."}, format="json")
    response = api["editor"].post(f"{url}accept/", {}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "open"
    assert Forecast.objects.get(pk=forecast.pk).status == Status.OPEN


def test_accepting_a_forecast_that_is_not_proposed_is_a_conflict(api):
    forecast = ForecastFactory(status=Status.OPEN)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/accept/", {}, format="json")
    assert response.status_code == 409
    assert "not proposed" in response.json()["detail"]


def test_a_body_with_fields_is_refused(api):
    forecast = ForecastFactory(status=Status.PROPOSED)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/accept/", {"status": "open"}, format="json")
    assert response.status_code == 400
    assert Forecast.objects.get(pk=forecast.pk).status == Status.PROPOSED


def test_a_stale_version_is_a_conflict_and_accepts_nothing(api):
    forecast = ForecastFactory(status=Status.PROPOSED)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/accept/", {"version": 7}, format="json")
    assert response.status_code == 409
    assert Forecast.objects.get(pk=forecast.pk).status == Status.PROPOSED


def test_an_accepted_proposal_names_the_editor_in_its_history(api, editor):
    # As in the admin: the history says who decided and what.
    forecast = ForecastFactory(status=Status.PROPOSED)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/accept/", {}, format="json")
    assert response.status_code == 200
    last = Forecast.objects.get(pk=forecast.pk).history.first()
    assert (last.history_user, last.history_change_reason) == (editor, "Accepted: the proposal is confirmed")


# ----- reject and restore ------------------------------------------------------------------------


def _state(forecast: Forecast) -> tuple:
    """What an error must leave as it was: status, version and the number of history records."""
    current = Forecast.objects.get(pk=forecast.pk)
    return current.status, current.version, current.history.count()


def test_an_editor_rejects_a_proposal_which_keeps_its_row_and_names_who_rejected_it(api, editor):
    forecast = ForecastFactory(status=Status.PROPOSED)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/reject/", {"version": 1}, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["id"], body["status"], body["version"]) == (forecast.pk, "rejected", 2)
    assert response["ETag"] == '"2"'
    rejected = Forecast.objects.get(pk=forecast.pk)
    assert (rejected.status, rejected.version) == (Status.REJECTED, 2)
    last = rejected.history.first()
    assert (last.history_user, last.history_change_reason) == (editor, "Rejected: the proposal is not taken")


def test_an_editor_restores_a_rejected_proposal_which_is_proposed_again(api, editor):
    forecast = ForecastFactory(status=Status.REJECTED)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/restore/", {}, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 200, response.json()
    assert (response.json()["status"], response.json()["version"]) == ("proposed", 2)
    restored = Forecast.objects.get(pk=forecast.pk)
    assert restored.status == Status.PROPOSED
    last = restored.history.first()
    assert (last.history_user, last.history_change_reason) == (editor, "Restored: proposed again after a rejection")


def test_reject_then_restore_round_trip_through_the_lists(api):
    forecast = ForecastFactory(status=Status.PROPOSED)
    editor = api["editor"]
    assert editor.post(f"/api/forecasts/{forecast.pk}/reject/", {}, format="json").status_code == 200
    assert _ids(editor.get("/api/forecasts/")) == []
    rejected = editor.get("/api/forecasts/", {"status": "rejected"}).json()["results"]
    assert [(row["id"], row["version"]) for row in rejected] == [(forecast.pk, 2)]
    restored = editor.post(f"/api/forecasts/{forecast.pk}/restore/", {"version": 2}, format="json")
    assert restored.status_code == 200
    assert _ids(editor.get("/api/forecasts/", {"status": "proposed"})) == [forecast.pk]


def _ids(response) -> list[int]:
    return [row["id"] for row in response.json()["results"]]


@pytest.mark.parametrize(
    ("action", "status", "expected"),
    [
        ("reject", Status.OPEN, "is open, not proposed: there is nothing to reject."),
        ("reject", Status.REJECTED, "is rejected, not proposed: there is nothing to reject."),
        ("restore", Status.PROPOSED, "is proposed, not rejected: there is nothing to restore."),
        ("restore", Status.OPEN, "is open, not rejected: there is nothing to restore."),
        ("accept", Status.REJECTED, "is rejected, not proposed: there is nothing to accept."),
    ],
)
def test_a_decision_on_a_forecast_in_another_status_is_a_conflict_and_changes_nothing(api, action, status, expected):
    forecast = ForecastFactory(status=status)
    before = _state(forecast)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/{action}/", {}, format="json")
    assert response.status_code == 409
    assert response.json() == {"detail": f"Forecast {forecast.pk} {expected}", "code": "conflict"}
    assert _state(forecast) == before


@pytest.mark.parametrize(("action", "status"), [("reject", Status.PROPOSED), ("restore", Status.REJECTED)])
def test_a_stale_version_is_a_conflict_and_changes_nothing(api, editor, action, status):
    forecast = ForecastFactory(status=status)
    api["editor"].patch(f"/api/forecasts/{forecast.pk}/", {"claim": "Exports grow by 3 % in 2026"}, format="json")
    before = _state(forecast)
    assert before[1] == 2
    for stale in ({"json": {"version": 1}}, {"json": {}, "HTTP_IF_MATCH": '"1"'}):
        body = stale.pop("json")
        response = api["editor"].post(f"/api/forecasts/{forecast.pk}/{action}/", body, format="json", **stale)
        assert response.status_code == 409
        assert "Changed since you opened it by editor" in response.json()["detail"]
        assert _state(forecast) == before


@pytest.mark.parametrize("action", ["reject", "restore"])
@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"status": "open"}, "status", "Unknown field. Accepted fields: version."),
        ({"reason": "Duplicate"}, "reason", "Unknown field. Accepted fields: version."),
        ({"version": "1"}, "version", "Must be an integer."),
        ({"version": 0}, "version", "Ensure this value is greater than or equal to 1."),
        ({"version": True}, "version", "Must be an integer."),
    ],
)
def test_bad_input_is_400_naming_the_field_and_changes_nothing(api, action, body, field, message):
    forecast = ForecastFactory(status=Status.PROPOSED if action == "reject" else Status.REJECTED)
    before = _state(forecast)
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/{action}/", body, format="json")
    assert response.status_code == 400
    assert response.json()["errors"] == {field: [message]}
    assert _state(forecast) == before


@pytest.mark.parametrize("action", ["reject", "restore"])
def test_a_body_and_an_if_match_that_disagree_are_400_and_change_nothing(api, action):
    forecast = ForecastFactory(status=Status.PROPOSED if action == "reject" else Status.REJECTED)
    before = _state(forecast)
    response = api["editor"].post(
        f"/api/forecasts/{forecast.pk}/{action}/", {"version": 1}, format="json", HTTP_IF_MATCH='"2"'
    )
    assert response.status_code == 400
    assert "version" in response.json()["errors"]
    assert _state(forecast) == before


@pytest.mark.parametrize("action", ["reject", "restore"])
@pytest.mark.parametrize(("role", "code"), [("anonymous", 401), ("reader", 403), ("reviewer", 403), ("staff", 403)])
def test_only_editors_decide_and_a_refusal_changes_nothing(api, action, role, code):
    forecast = ForecastFactory(status=Status.PROPOSED if action == "reject" else Status.REJECTED)
    before = _state(forecast)
    response = api[role].post(f"/api/forecasts/{forecast.pk}/{action}/", {}, format="json")
    assert response.status_code == code
    assert response.json()["code"] == ("not_authenticated" if code == 401 else "permission_denied")
    assert _state(forecast) == before


@pytest.mark.parametrize("action", ["reject", "restore"])
@pytest.mark.parametrize("pk", ["999999", "1.0", " 1", "abc"])
def test_an_unknown_or_malformed_id_is_404(api, action, pk):
    response = api["editor"].post(f"/api/forecasts/{pk}/{action}/", {}, format="json")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
