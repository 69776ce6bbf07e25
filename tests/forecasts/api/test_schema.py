import pytest
import yaml
from django.core.management import call_command


@pytest.fixture
def schema(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_schema_validates_without_warnings(tmp_path):
    # --fail-on-warn turns any drf-spectacular warning (an undocumented type, a guess) into an error.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert (tmp_path / "schema.yml").read_text().startswith("openapi: 3")


def test_every_operation_documents_its_errors(schema):
    operations = [(path, method, op) for path, item in schema["paths"].items() for method, op in item.items()]
    assert {path for path, _, _ in operations} == {
        "/api/forecasts/",
        "/api/forecasts/{id}/",
        "/api/forecasts/{id}/resolve/",
        "/api/forecasts/{id}/correct/",
        "/api/forecasts/{id}/unresolve/",
        "/api/forecasts/{id}/accept/",
        "/api/forecasts/{id}/reject/",
        "/api/forecasts/{id}/restore/",
        "/api/events/",
        "/api/events/{id}/",
        "/api/events/{id}/link/",
        "/api/events/{id}/unlink/",
        "/api/events/{id}/resolve/",
        "/api/sources/",
        "/api/sources/{id}/",
        "/api/scorecards/",
        "/api/scorecards/head-to-head/",
    }
    for path, method, op in operations:
        documented = set(op["responses"])
        assert {"401", "403", "404", "429"} <= documented, (path, method)
        if method in ("post", "patch"):
            assert {"400", "413", "415"} <= documented, (path, method)
            body = op["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
            assert schema["components"]["schemas"][body]["additionalProperties"] is False


def test_write_methods_that_do_not_exist_are_405(api):
    assert api["superuser"].delete("/api/forecasts/1/").status_code == 405
    assert api["superuser"].put("/api/sources/1/", {}, format="json").status_code == 405


def test_swagger_ui_is_served_without_a_cdn(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    assert "cdn." not in html and "unpkg" not in html
