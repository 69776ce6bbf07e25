"""The admin index: its links beside the models."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_admin_index_links_to_the_scorecards(staff_client):
    assert reverse("scorecards:index") in staff_client.get(reverse("admin:index")).content.decode()
