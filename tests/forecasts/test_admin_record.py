"""The admin keeps the record: the history page saves nothing, a form opened on an older version
cannot revert newer changes, resolved forecasts are corrected with a reason, ids are checked."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from forecasts import services
from forecasts.models import Forecast, ForecastCorrection, Outcome, Status
from sources.models import Source
from tests.factories import ForecastFactory, SourceFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

EVIDENCE = "https://example.org/evidence"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _member(username: str, group: str):
    services.access_groups_ensure()
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(settings):
    return _member("editor", settings.EDITORS_GROUP)


@pytest.fixture
def reviewer(settings):
    return _member("reviewer", settings.REVIEWERS_GROUP)


@pytest.fixture
def users(editor, reviewer):
    staffonly = UserFactory(username="staffonly", is_staff=True)
    return {"su": StaffFactory(username="su"), "editor": editor, "reviewer": reviewer, "staffonly": staffonly}


def _change_form(client, forecast) -> dict:
    """The change form's fields as a browser would post them back."""
    form = client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk])).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    return data


def _history_form(client, forecast, record) -> dict:
    url = reverse("admin:forecasts_forecast_simple_history", args=[forecast.pk, record.history_id])
    response = client.get(url)
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is not None:
            data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    return data


@pytest.mark.parametrize("role", ["su", "editor", "reviewer", "staffonly"])
def test_posting_a_history_version_is_403_for_every_role_and_changes_nothing(client, users, role):
    forecast = ForecastFactory(claim="original claim", probability=0.5)
    record = forecast.history.first()
    client.force_login(users["su"])
    data = _history_form(client, forecast, record)
    data.update(claim="claim changed through the history page", probability="0.99")
    client.force_login(users[role])

    response = client.post(
        reverse("admin:forecasts_forecast_simple_history", args=[forecast.pk, record.history_id]), data
    )

    assert response.status_code == 403
    current = Forecast.objects.get(pk=forecast.pk)
    assert (current.claim, current.probability) == ("original claim", 0.5)


def test_an_editor_cannot_clear_an_outcome_through_the_history_page(client, users, reviewer):
    forecast = ForecastFactory()
    first = forecast.history.first()
    services.forecast_resolve(
        forecast=forecast, outcome=Outcome.YES, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )
    client.force_login(users["su"])
    data = _history_form(client, forecast, first)
    client.force_login(users["editor"])

    response = client.post(
        reverse("admin:forecasts_forecast_simple_history", args=[forecast.pk, first.history_id]), data
    )

    assert response.status_code == 403
    assert Forecast.objects.get(pk=forecast.pk).outcome == Outcome.YES


def test_the_history_page_still_shows_a_version(client, users):
    forecast = ForecastFactory()
    client.force_login(users["reviewer"])
    url = reverse("admin:forecasts_forecast_simple_history", args=[forecast.pk, forecast.history.first().history_id])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("bad_id", ["abc", "1.5", "%C2%B2", "-1", "99999999999999999999999"])
@pytest.mark.parametrize("view", ["resolve", "unresolve", "correct", "history"])
def test_admin_forecast_views_answer_404_for_ids_that_are_not_integers(client, users, bad_id, view):
    client.force_login(users["su"])
    assert client.get(f"/admin/forecasts/forecast/{bad_id}/{view}/").status_code == 404


@pytest.mark.parametrize("bad_id", ["abc", "1.5"])
def test_a_history_version_with_a_bad_id_is_404(client, users, bad_id):
    forecast = ForecastFactory()
    client.force_login(users["su"])
    assert client.get(f"/admin/forecasts/forecast/{forecast.pk}/history/{bad_id}/").status_code == 404
    assert client.get(f"/admin/forecasts/forecast/{bad_id}/history/1/").status_code == 404


def test_a_change_form_opened_before_another_edit_is_refused_and_reverts_nothing(client, editor, reviewer):
    forecast = ForecastFactory(claim="original claim", probability=0.5)
    client.force_login(editor)
    opened = _change_form(client, forecast)  # editor A opens the form
    services.forecast_update(forecast=forecast, data={"claim": "claim corrected by B"}, changed_by=reviewer)

    opened["probability"] = "0.7"  # A saves a new probability over the form it opened earlier
    response = client.post(reverse("admin:forecasts_forecast_change", args=[forecast.pk]), opened)

    assert response.status_code == 200
    errors = response.context["adminform"].form.non_field_errors()
    assert "Changed since you opened it by reviewer" in errors[0]
    assert "claim" in errors[0]
    current = Forecast.objects.get(pk=forecast.pk)
    assert (current.claim, current.probability, current.version) == ("claim corrected by B", 0.5, 2)


def test_a_change_form_opened_before_a_resolution_cannot_undo_it(client, editor, reviewer):
    forecast = ForecastFactory()
    client.force_login(editor)
    opened = _change_form(client, forecast)
    services.forecast_resolve(
        forecast=forecast, outcome=Outcome.NO, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )

    opened["claim"] = "edited after all"
    response = client.post(reverse("admin:forecasts_forecast_change", args=[forecast.pk]), opened)

    assert response.status_code == 200
    current = Forecast.objects.get(pk=forecast.pk)
    assert (current.status, current.outcome) == (Status.RESOLVED, Outcome.NO)
    assert current.claim != "edited after all"


def test_a_current_change_form_saves_only_what_changed(client, editor):
    forecast = ForecastFactory(claim="original claim", probability=0.5)
    client.force_login(editor)
    data = _change_form(client, forecast)
    data["probability"] = "0.7"

    response = client.post(reverse("admin:forecasts_forecast_change", args=[forecast.pk]), data)

    assert response.status_code == 302
    current = Forecast.objects.get(pk=forecast.pk)
    assert (current.claim, current.probability, current.version) == ("original claim", 0.7, 2)
    assert current.history.first().history_user == editor


def test_a_resolved_forecasts_record_is_read_only_in_the_change_form(client, editor, reviewer):
    forecast = ForecastFactory()
    services.forecast_resolve(
        forecast=forecast, outcome=Outcome.NO, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )
    client.force_login(editor)
    form = client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk])).context["adminform"].form
    for name in services.FROZEN_FIELDS:
        assert name not in form.fields
    assert "reviewer" in form.fields


def test_correct_the_outcome_page_corrects_with_a_reason_and_shows_it(client, reviewer):
    forecast = ForecastFactory(probability=0.6)
    services.forecast_resolve(
        forecast=forecast, outcome=Outcome.YES, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )
    client.force_login(reviewer)
    change = client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk])).content.decode()
    correct_url = reverse("admin:forecasts_forecast_correct", args=[forecast.pk])
    assert correct_url in change
    form = client.get(correct_url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}

    no_reason = client.post(correct_url, {**data, "probability": "0.7", "apply": "Correct"})
    assert no_reason.status_code == 200
    assert Forecast.objects.get(pk=forecast.pk).probability == 0.6

    done = client.post(correct_url, {**data, "probability": "0.7", "reason": "Wrong number", "apply": "Correct"})

    assert done.status_code == 302
    current = Forecast.objects.get(pk=forecast.pk)
    assert (current.probability, current.status, current.outcome) == (0.7, Status.RESOLVED, Outcome.YES)
    correction = ForecastCorrection.objects.get(forecast=forecast)
    assert (correction.field, correction.reason, correction.corrected_by) == ("probability", "Wrong number", reviewer)
    assert "Wrong number" in client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk])).content.decode()


def test_resolving_a_resolved_forecast_in_the_admin_is_refused(client, reviewer):
    forecast = ForecastFactory()
    services.forecast_resolve(
        forecast=forecast, outcome=Outcome.YES, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )
    client.force_login(reviewer)

    response = client.post(
        reverse("admin:forecasts_forecast_resolve", args=[forecast.pk]),
        {"outcome": Outcome.NO, "evidence_url": EVIDENCE, "note": "other", "apply": "Resolve"},
    )

    assert response.status_code == 200
    assert "already resolved; correct it with a reason or unresolve it" in response.content.decode()
    assert Forecast.objects.get(pk=forecast.pk).outcome == Outcome.YES


def test_unresolve_in_the_admin_needs_a_reason(client, reviewer):
    forecast = ForecastFactory()
    services.forecast_resolve(forecast=forecast, outcome=Outcome.ANNULLED, resolved_by=reviewer)
    client.force_login(reviewer)

    response = client.post(
        reverse("admin:forecasts_forecast_unresolve", args=[forecast.pk]), {"reason": " ", "apply": "Unresolve"}
    )

    assert response.status_code == 200
    assert Forecast.objects.get(pk=forecast.pk).status == Status.RESOLVED


def test_an_editor_without_resolve_permission_cannot_correct(client, editor, reviewer):
    forecast = ForecastFactory()
    services.forecast_resolve(forecast=forecast, outcome=Outcome.ANNULLED, resolved_by=reviewer)
    client.force_login(editor)
    assert client.get(reverse("admin:forecasts_forecast_correct", args=[forecast.pk])).status_code == 403


def test_an_editor_rejects_proposed_forecasts_without_delete_permission(client, editor):
    assert not editor.has_perm("forecasts.delete_forecast")
    proposed, confirmed = ForecastFactory(status=Status.PROPOSED), ForecastFactory(status=Status.OPEN)
    client.force_login(editor)
    changelist = reverse("admin:forecasts_forecast_changelist")
    actions = dict(client.get(changelist).context["action_form"].fields["action"].choices)
    assert "reject_proposed" in actions
    assert "delete_selected" not in actions

    client.post(changelist, {"action": "reject_proposed", ACTION_CHECKBOX_NAME: [proposed.pk, confirmed.pk]})

    assert not Forecast.objects.filter(pk=proposed.pk).exists()
    assert Forecast.objects.filter(pk=confirmed.pk).exists()


def test_an_articles_text_is_read_only_in_the_admin(client, editor):
    source = SourceFactory(text="The original text.")
    client.force_login(editor)
    url = reverse("admin:sources_source_change", args=[source.pk])
    form = client.get(url).context["adminform"].form
    assert "text" not in form.fields
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["authors"] = [str(pk) for pk in data.get("authors", [])]
    data.update({"text": "COMPLETELY DIFFERENT TEXT", "forecasts-TOTAL_FORMS": "0", "forecasts-INITIAL_FORMS": "0"})

    client.post(url, data)

    assert Source.objects.get(pk=source.pk).text == "The original text."


def test_staff_with_view_permission_only_cannot_save_through_the_history_page(client):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_forecast"))
    forecast = ForecastFactory(claim="original")
    client.force_login(viewer)
    url = reverse("admin:forecasts_forecast_simple_history", args=[forecast.pk, forecast.history.first().history_id])
    assert client.post(url, {"claim": "changed"}).status_code == 403
    assert Forecast.objects.get(pk=forecast.pk).claim == "original"


def test_bulk_resolve_skips_resolved_forecasts_instead_of_re_resolving_them(client, reviewer):
    open_one = ForecastFactory()
    resolved = ForecastFactory()
    services.forecast_resolve(
        forecast=resolved, outcome=Outcome.YES, evidence_url=EVIDENCE, note="n", resolved_by=reviewer
    )
    client.force_login(reviewer)

    response = client.post(
        reverse("admin:forecasts_forecast_changelist"),
        {
            "action": "resolve_selected",
            ACTION_CHECKBOX_NAME: [open_one.pk, resolved.pk],
            "outcome": Outcome.ANNULLED,
            "note": "Withdrawn",
            "apply": "Resolve",
        },
    )

    assert response.status_code == 302
    assert Forecast.objects.get(pk=open_one.pk).outcome == Outcome.ANNULLED
    assert Forecast.objects.get(pk=resolved.pk).outcome == Outcome.YES


def test_a_conflict_message_names_the_last_state_of_a_version_shared_by_old_history_rows(reviewer, editor):
    forecast = ForecastFactory(claim="first")
    # Rows recorded before versions existed all carry version 1.
    Forecast.objects.filter(pk=forecast.pk).update(claim="second")
    forecast.refresh_from_db()
    forecast.save()  # a second history row, still version 1, claim "second"
    services.forecast_update(forecast=forecast, data={"probability": 0.9}, changed_by=reviewer)

    with pytest.raises(services.ForecastConflict) as error:
        services.forecast_update(forecast=forecast, data={"claim": "x"}, changed_by=editor, expected_version=1)

    assert error.value.messages[0].split(": ", 1)[1].startswith("probability.")
