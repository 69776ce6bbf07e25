"""ForecastAdmin: the changelist and its filters, the change form, the history (which saves nothing),
and forms opened on an older version that cannot revert newer changes."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forecasts import services
from forecasts.models import Forecast, Outcome, Status
from tests.factories import AuthorFactory, ForecastFactory, SourceFactory, TagFactory, UserFactory

pytestmark = pytest.mark.django_db

EVIDENCE = "https://example.org/evidence"
CHANGELIST = reverse("admin:forecasts_forecast_changelist")


FILTERS = [
    "",
    "?status__exact=open",
    "?outcome__exact=yes",
    "?review=due",
    "?review=overdue",
    "?review=next30",
    "?probability_basis__exact=none",
    "?q=trade",
    "?review_on__year=2023",
    "?review_on__year=2023&review_on__month=12",
]


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


def _add_form(**overrides):
    source = SourceFactory()
    data = {
        "source": source.pk,
        "author": AuthorFactory().pk,
        "quote": "Growth will likely resume.",
        "claim": "GDP grows in 2023",
        "estimative_phrase": "will likely",
        "probability": "0.675",
        "probability_basis": "phrase",
        "made_on": "2023-01-01",
        "deadline": "2023-12-31",
        "review_on": "",
        "resolution_criteria": "Bank of Korea estimate",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("query", FILTERS)
def test_changelist_and_filters_render_for_staff(staff_client, query):
    ForecastFactory(claim="Trade grows")
    response = staff_client.get(CHANGELIST + query)
    assert response.status_code == 200


def test_changelist_filters_by_publication_author_and_tag(staff_client):
    tag = TagFactory(name="trade")
    wanted = ForecastFactory(claim="Trade with China grows")
    wanted.tags.add(tag)
    ForecastFactory(claim="Something else entirely")
    for query in (
        f"?source__publication__id__exact={wanted.source.publication_id}",
        f"?author__id__exact={wanted.author_id}",
        f"?tags__id__exact={tag.id}",
    ):
        response = staff_client.get(CHANGELIST + query)
        assert list(response.context["cl"].result_list) == [wanted], query


def test_changelist_shows_probability_as_percent(staff_client):
    ForecastFactory(probability=0.675)
    ForecastFactory(probability=None, probability_basis="none", estimative_phrase="may")
    content = staff_client.get(CHANGELIST).content.decode()
    assert "67.5%" in content


def test_due_filter_lists_unresolved_forecasts_whose_review_date_has_come(staff_client):
    today = datetime.date.today()
    due = ForecastFactory(made_on=today - datetime.timedelta(days=40), deadline=today - datetime.timedelta(days=1))
    ForecastFactory(made_on=today, deadline=today + datetime.timedelta(days=60))
    response = staff_client.get(CHANGELIST + "?review=due")
    assert list(response.context["cl"].result_list) == [due]


def test_change_form_and_history_render_for_staff(staff_client):
    forecast = ForecastFactory()
    change = staff_client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk]))
    assert change.status_code == 200
    content = change.content.decode()
    for group in ("Claim", "Timing", "Resolution", "Review"):
        assert f">{group}<" in content
    assert "whether the claim came true" in content
    history = staff_client.get(reverse("admin:forecasts_forecast_history", args=[forecast.pk]))
    assert history.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        CHANGELIST,
        reverse("admin:forecasts_forecast_add"),
        reverse("admin:index"),
        reverse("admin:sources_source_changelist"),
    ],
)
def test_anonymous_users_are_sent_to_the_login_page(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_adding_a_forecast_in_the_admin_records_who_recorded_it(staff_client, staff_user):
    response = staff_client.post(reverse("admin:forecasts_forecast_add"), _add_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    forecast = Forecast.objects.get()
    assert forecast.recorded_by == staff_user
    assert forecast.review_on == datetime.date(2023, 12, 31)
    assert forecast.status == Status.OPEN


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("0.7", 0.7), ("70", 0.7), ("70 %", 0.7), ("70%", 0.7), ("likely", 0.675), ("Very unlikely", 0.125), ("", None)],
)
def test_the_admin_takes_the_probability_as_people_write_it(staff_client, typed, stored):
    basis = "none" if typed == "" else "phrase"
    response = staff_client.post(
        reverse("admin:forecasts_forecast_add"), _add_form(probability=typed, probability_basis=basis)
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Forecast.objects.get().probability == stored


@pytest.mark.parametrize(
    ("typed", "phrase_typed", "phrase_stored"),
    [
        ("likely", "", "likely"),
        ("Very  unlikely", "", "Very unlikely"),
        ("likely", "will probably", "will probably"),
        ("70%", "", ""),
        ("0.7", "", ""),
    ],
)
def test_a_probability_typed_as_words_fills_an_empty_phrase_and_keeps_a_typed_one(
    client, editor, typed, phrase_typed, phrase_stored
):
    client.force_login(editor)

    response = client.post(
        reverse("admin:forecasts_forecast_add"), _add_form(probability=typed, estimative_phrase=phrase_typed)
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Forecast.objects.get().estimative_phrase == phrase_stored


def test_editing_the_probability_as_words_fills_the_empty_phrase_and_audits_it(client, editor):
    forecast = ForecastFactory(probability=0.4, estimative_phrase="")
    client.force_login(editor)
    data = _change_form(client, forecast)

    response = client.post(
        reverse("admin:forecasts_forecast_change", args=[forecast.pk]), {**data, "probability": "unlikely"}
    )

    assert response.status_code == 302
    forecast.refresh_from_db()
    assert (forecast.probability, forecast.estimative_phrase) == (0.325, "unlikely")
    assert forecast.history.first().estimative_phrase == "unlikely"


def test_an_invalid_probability_fills_nothing(client, editor):
    client.force_login(editor)

    response = client.post(reverse("admin:forecasts_forecast_add"), _add_form(probability="likely-ish"))

    assert response.status_code == 200
    assert response.context["adminform"].form.cleaned_data.get("estimative_phrase") == "will likely"
    assert Forecast.objects.count() == 0


def test_the_change_form_shows_the_stored_probability_as_entered(staff_client):
    forecast = ForecastFactory(probability=0.675)
    html = staff_client.get(reverse("admin:forecasts_forecast_change", args=[forecast.pk])).content.decode()
    assert 'name="probability" value="0.675"' in html


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"probability": "150"}, "from 0.001 to 0.999"),
        ({"probability": "1"}, "from 0.001 to 0.999"),
        ({"probability": "100 %"}, "from 0.001 to 0.999"),
        ({"probability": "likely-ish"}, "a percentage (70 or 70 %), or an estimative phrase"),
        ({"probability": "0"}, "from 0.001 to 0.999"),
        ({"probability": "0.0004"}, "from 0.001 to 0.999"),
        ({"probability": "1e-200"}, "a fraction (0.7), a percentage (70 or 70 %)"),
        ({"deadline": "9999-12-31"}, "Give a date from 1900-01-01 to 2200-12-31."),
        ({"made_on": "0001-01-01"}, "Give a date from 1900-01-01 to 2200-12-31."),
        ({"review_on": "2201-01-01"}, "Give a date from 1900-01-01 to 2200-12-31."),
        ({"deadline": "2022-12-31"}, "deadline cannot be before"),
    ],
)
def test_admin_form_explains_invalid_forecasts(staff_client, overrides, message):
    response = staff_client.post(reverse("admin:forecasts_forecast_add"), _add_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Forecast.objects.count() == 0


def test_date_hierarchy_drills_into_review_dates_without_distinct_scans(staff_client):
    ForecastFactory(made_on=datetime.date(2023, 1, 1), deadline=datetime.date(2023, 12, 31))
    ForecastFactory(made_on=datetime.date(2023, 1, 1), deadline=datetime.date(2025, 6, 30))
    with CaptureQueriesContext(connection) as queries:
        years = staff_client.get(CHANGELIST).content.decode()
    assert "review_on__year=2024" in years  # a year inside the span, listed from MIN/MAX
    assert not any("DISTINCT" in query["sql"] for query in queries.captured_queries)
    months = staff_client.get(CHANGELIST + "?review_on__year=2025").content.decode()
    assert "review_on__month=6" in months
    days = staff_client.get(CHANGELIST + "?review_on__year=2025&review_on__month=6").content.decode()
    assert "review_on__day=30" in days


def test_admin_form_stores_the_probability_at_four_decimals(staff_client):
    response = staff_client.post(reverse("admin:forecasts_forecast_add"), _add_form(probability="0.123456"))
    assert response.status_code == 302
    assert Forecast.objects.get().probability == 0.1235


@pytest.mark.parametrize("query", ["", "?review_on__year=9999", "?review_on__year=9999&review_on__month=12"])
def test_changelist_renders_with_a_review_date_at_the_end_of_the_calendar(staff_client, query):
    """Stored before dates had a range: the date hierarchy stepped past year 9999 and the list
    answered 500 for everyone."""
    ForecastFactory(made_on=datetime.date(2023, 1, 1), deadline=datetime.date(2023, 12, 31))
    Forecast.objects.update(review_on=datetime.date(9999, 12, 31), deadline=datetime.date(9999, 12, 31))

    response = staff_client.get(CHANGELIST + query)

    # A period that cannot be listed is a bad filter: Django's changelist redirects with ?e=1.
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        assert staff_client.get(response["Location"]).status_code == 200


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


def test_staff_with_view_permission_only_cannot_save_through_the_history_page(client):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_forecast"))
    forecast = ForecastFactory(claim="original")
    client.force_login(viewer)
    url = reverse("admin:forecasts_forecast_simple_history", args=[forecast.pk, forecast.history.first().history_id])
    assert client.post(url, {"claim": "changed"}).status_code == 403
    assert Forecast.objects.get(pk=forecast.pk).claim == "original"


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
