"""forecasts/api/root.py: GET /api/ lists the endpoints, and every link it gives works."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["", "?format=api", "?format=json"])
def test_every_endpoint_the_root_lists_answers_whatever_format_the_root_was_asked_in(client, query):
    response = client.get(f"/api/{query}")
    assert response.status_code == 200
    for name, url in response.data.items():
        assert "format=" not in url, name
        assert client.get(url.removeprefix("http://testserver")).status_code == 200, name
