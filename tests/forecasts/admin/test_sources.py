"""The article admin as the forecasts app registers it again: its forecasts listed, its text read-only."""

import pytest
from django.urls import reverse

from sources.models import Source
from tests.factories import ForecastFactory, SourceFactory

pytestmark = pytest.mark.django_db


def test_source_change_form_lists_its_forecasts(staff_client):
    forecast = ForecastFactory(claim="Exports rise in 2023")
    response = staff_client.get(reverse("admin:sources_source_change", args=[forecast.source.pk]))
    assert response.status_code == 200
    assert "Exports rise in 2023" in response.content.decode()


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
