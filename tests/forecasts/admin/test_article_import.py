import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from forecasts.models import Forecast, Status
from tests.factories import ForecastFactory

pytestmark = pytest.mark.django_db


def test_an_editor_rejects_proposed_forecasts_without_delete_permission(client, editor):
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

    assert not Forecast.objects.filter(pk=proposed.pk).exists()
    assert Forecast.objects.filter(pk=confirmed.pk).exists()
