import datetime
from pathlib import Path

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from forecasts import services
from forecasts.models import Forecast, Status
from sources.models import Source
from tests.factories import ForecastFactory
from tests.forecasts.services.test_proposals import finished

pytestmark = pytest.mark.django_db


def test_an_editor_rejects_proposed_forecasts_without_delete_permission_and_nothing_is_deleted(client, editor):
    assert not editor.has_perm("forecasts.delete_forecast")
    proposed, confirmed = ForecastFactory(status=Status.PROPOSED), ForecastFactory(status=Status.OPEN)
    client.force_login(editor)
    changelist = reverse("admin:forecasts_forecast_changelist")
    actions = dict(client.get(changelist).context["action_form"].fields["action"].choices)
    assert "reject_proposed" in actions
    assert "delete_selected" not in actions

    selection = {"action": "reject_proposed", ACTION_CHECKBOX_NAME: [proposed.pk, confirmed.pk]}
    client.post(changelist, selection)
    assert Forecast.objects.filter(pk=proposed.pk).exists()  # asked first
    client.post(changelist, {**selection, "confirm_reject": "Yes"})

    assert Forecast.objects.get(pk=proposed.pk).status == Status.REJECTED
    assert Forecast.objects.get(pk=confirmed.pk).status == Status.OPEN


SEED = Path(__file__).parents[2] / "sources" / "articles" / "seed-russia-china-north-korea-2023.txt"
SEED_DATE = datetime.date(2023, 1, 1)


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_admin_import_page_proposes_forecasts_from_an_upload(superuser_client):
    url = reverse("admin:forecasts_forecast_import_article")
    assert superuser_client.get(url).status_code == 200
    upload = SimpleUploadedFile("seed.txt", SEED.read_bytes(), content_type="text/plain")
    response = superuser_client.post(url, {"file": upload, "published": "2023-01-01", "scale": "icd203"})
    assert response.status_code == 200
    assert "forecasts proposed" in response.content.decode()
    assert Forecast.objects.proposed().count() >= 10


@pytest.mark.django_db
def test_admin_import_page_shows_form_errors_and_saves_nothing(superuser_client):
    url = reverse("admin:forecasts_forecast_import_article")
    response = superuser_client.post(url, {"text": "Title\n\nPrices will likely rise next year.", "scale": "icd203"})
    assert response.status_code == 200
    assert "no publication date" in response.content.decode()
    response = superuser_client.post(url, {"text": "", "scale": "icd203"})
    assert "Paste the article" in response.content.decode()
    assert Source.objects.count() == 0


@pytest.mark.django_db
def test_admin_bulk_accept_and_reject(superuser_client):
    result = services.propose_forecasts_from_article(text=SEED.read_text(encoding="utf-8"), published_on=SEED_DATE)
    first, second, *_ = result.forecasts
    finished(first)
    changelist = reverse("admin:forecasts_forecast_changelist")
    superuser_client.post(changelist, {"action": "accept_proposed", "_selected_action": [first.pk]})
    asked = superuser_client.post(changelist, {"action": "reject_proposed", "_selected_action": [second.pk]})
    assert "Reject proposed forecasts?" in asked.content.decode()
    assert Forecast.objects.filter(pk=second.pk).exists()
    superuser_client.post(
        changelist, {"action": "reject_proposed", "_selected_action": [second.pk], "confirm_reject": "Yes"}
    )
    first.refresh_from_db()
    assert first.status == Status.OPEN
    assert Forecast.objects.get(pk=second.pk).status == Status.REJECTED
    assert "Import article" in superuser_client.get(changelist).content.decode()


def test_the_rescue_is_on_by_default_and_an_editor_turns_it_off_for_one_import(client, editor, monkeypatch):
    from sources.extraction.rescue import RESCUED_WARNING
    from tests.forecasts.services.test_proposals import RESCUABLE, sentence_model_rescuing_exports

    sentence_model_rescuing_exports(monkeypatch)
    client.force_login(editor)
    url = reverse("admin:forecasts_forecast_import_article")
    form = client.get(url).context["form"]
    assert form.fields["rescue"].initial is True
    fields = {"text": RESCUABLE, "published": "2024-01-02", "author": "Jane Reporter", "scale": "icd203"}
    # an unticked box is absent from the post: the editor turned the rescue off
    preview = client.post(url, {**fields, "dry_run": "on"})
    assert [c.quote for c in preview.context["result"].candidates] == ["Trade will likely grow in 2025."]

    response = client.post(url, {**fields, "rescue": "on"})
    assert response.status_code == 200
    rescued = Forecast.objects.get(quote="Exports reach a record in 2026.")
    assert rescued.status == Status.PROPOSED and rescued.recorded_by == editor
    assert RESCUED_WARNING in rescued.resolution_criteria
    assert Forecast.objects.count() == 2
