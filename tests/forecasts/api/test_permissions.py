import datetime

import pytest
from django.utils import timezone

from forecasts.models import Forecast, Outcome, Status
from sources.models import Source
from tests.factories import ForecastFactory, SourceFactory, forecast_create_payload

ROLES = ("anonymous", "reader", "editor", "reviewer", "staff", "superuser")


def _expect(anonymous, reader, editor, reviewer, staff, superuser):
    return dict(zip(ROLES, (anonymous, reader, editor, reviewer, staff, superuser), strict=True))


def _source_payload():
    return {"title": "An article", "text": "Some article text.", "published_on": "2024-01-02"}


def _resolved_forecast():
    return ForecastFactory(
        status=Status.RESOLVED, outcome=Outcome.YES, resolved_at=timezone.now(), evidence_url="https://example.org/e"
    )


def _resolve_payload():
    return {"outcome": "yes", "evidence_url": "https://example.org/stats", "resolution_note": "It grew."}


# (method, url builder, body builder, expected statuses by role)
MATRIX = {
    # Reads are public while SCORECARDS_PUBLIC is on (the default); test_public_reads covers off.
    "list forecasts": ("get", lambda: "/api/forecasts/", None, _expect(200, 200, 200, 200, 200, 200)),
    "create forecast": (
        "post",
        lambda: "/api/forecasts/",
        forecast_create_payload,
        _expect(401, 403, 201, 403, 403, 201),
    ),
    "read forecast": (
        "get",
        lambda: f"/api/forecasts/{ForecastFactory().pk}/",
        None,
        _expect(200, 200, 200, 200, 200, 200),
    ),
    "edit forecast": (
        "patch",
        lambda: f"/api/forecasts/{ForecastFactory().pk}/",
        lambda: {"claim": "Edited claim"},
        _expect(401, 403, 200, 403, 403, 200),
    ),
    "resolve forecast": (
        "post",
        lambda: f"/api/forecasts/{ForecastFactory().pk}/resolve/",
        _resolve_payload,
        _expect(401, 403, 403, 200, 403, 200),
    ),
    "unresolve forecast": (
        "post",
        lambda: f"/api/forecasts/{_resolved_forecast().pk}/unresolve/",
        lambda: {"reason": "Wrong figure."},
        _expect(401, 403, 403, 200, 403, 200),
    ),
    "accept proposed forecast": (
        "post",
        lambda: f"/api/forecasts/{ForecastFactory(status=Status.PROPOSED).pk}/accept/",
        lambda: {},
        _expect(401, 403, 200, 403, 403, 200),
    ),
    "reject proposed forecast": (
        "post",
        lambda: f"/api/forecasts/{ForecastFactory(status=Status.PROPOSED).pk}/reject/",
        lambda: {},
        _expect(401, 403, 200, 403, 403, 200),
    ),
    "restore rejected forecast": (
        "post",
        lambda: f"/api/forecasts/{ForecastFactory(status=Status.REJECTED).pk}/restore/",
        lambda: {},
        _expect(401, 403, 200, 403, 403, 200),
    ),
    "read rejected forecast": (
        "get",
        lambda: f"/api/forecasts/{ForecastFactory(status=Status.REJECTED).pk}/",
        None,
        # Those who see rejected proposals in the admin (view permission); not every login.
        _expect(404, 404, 200, 200, 404, 200),
    ),
    "list sources": ("get", lambda: "/api/sources/", None, _expect(200, 200, 200, 200, 200, 200)),
    "create source": ("post", lambda: "/api/sources/", _source_payload, _expect(401, 403, 201, 403, 403, 201)),
    "read source": ("get", lambda: f"/api/sources/{SourceFactory().pk}/", None, _expect(200, 200, 200, 200, 200, 200)),
    "edit source": (
        "patch",
        lambda: f"/api/sources/{SourceFactory().pk}/",
        lambda: {"title": "Retitled"},
        _expect(401, 403, 200, 403, 403, 200),
    ),
    "scorecards": ("get", lambda: "/api/scorecards/?by=author", None, _expect(200, 200, 200, 200, 200, 200)),
}

CASES = [(name, role) for name in MATRIX for role in ROLES]


@pytest.mark.parametrize(("endpoint", "role"), CASES, ids=[f"{name}-{role}" for name, role in CASES])
def test_permission_matrix(api, endpoint, role):
    method, url, body, expected = MATRIX[endpoint]
    response = getattr(api[role], method)(url(), body() if body else None, format="json")
    assert response.status_code == expected[role], response.content
    if response.status_code in (401, 403):
        assert response.json()["code"] in ("not_authenticated", "permission_denied")


def test_anonymous_is_challenged_for_a_token(api):
    response = api["anonymous"].post("/api/forecasts/", forecast_create_payload(), format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_anonymous_write_is_refused_and_writes_nothing(api):
    payload = forecast_create_payload()
    response = api["anonymous"].post("/api/forecasts/", payload, format="json")
    assert response.status_code == 401
    assert not Forecast.objects.exists()
    response = api["anonymous"].post("/api/sources/", _source_payload(), format="json")
    assert response.status_code == 401
    assert Source.objects.count() == 1  # only the one the forecast payload referred to


def test_refused_resolution_changes_nothing(api):
    forecast = ForecastFactory()
    response = api["editor"].post(f"/api/forecasts/{forecast.pk}/resolve/", _resolve_payload(), format="json")
    assert response.status_code == 403
    forecast.refresh_from_db()
    assert forecast.status == Status.OPEN
    assert forecast.outcome is None


@pytest.mark.parametrize(("role", "expected"), _expect(401, 200, 200, 200, 200, 200).items())
def test_private_scorecards_need_a_login(api, settings, role, expected):
    settings.SCORECARDS_PUBLIC = False
    assert api[role].get("/api/scorecards/").status_code == expected


def test_staff_without_model_permissions_may_not_write(api, staff):
    # As in the admin: being staff grants no permission by itself.
    assert not staff.has_perm("forecasts.add_forecast")
    response = api["staff"].post("/api/forecasts/", forecast_create_payload(), format="json")
    assert response.status_code == 403
    assert not Forecast.objects.exists()


def test_session_login_works_for_the_browsable_api(client, reader):
    client.force_login(reader)
    ForecastFactory(claim="Exports grow in 2024")
    response = client.get("/api/forecasts/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"Exports grow in 2024" in response.content


def test_unknown_object_is_404_before_anything_else(api):
    missing = datetime.date.today().toordinal()  # any id no row has
    response = api["reviewer"].post(f"/api/forecasts/{missing}/resolve/", _resolve_payload(), format="json")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


# ----- which forecasts a reader gets (permissions.visible_to) ---------------------------------------


@pytest.fixture
def each_status(db):
    return {status: ForecastFactory(status=status).pk for status in (Status.OPEN, Status.PROPOSED, Status.REJECTED)}


def _listed(client, **query) -> set[int]:
    response = client.get("/api/forecasts/", query)
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


@pytest.mark.parametrize("role", ["anonymous", "reader", "staff", "editor", "reviewer"])
def test_no_list_holds_a_rejected_proposal_unless_asked_for(api, each_status, role):
    seen = {Status.OPEN} if role == "anonymous" else {Status.OPEN, Status.PROPOSED}
    assert _listed(api[role]) == {each_status[status] for status in seen}
    assert _listed(api[role], status="open") == {each_status[Status.OPEN]}


@pytest.mark.parametrize(("role", "sees"), [("editor", True), ("reviewer", True), ("reader", False), ("staff", False)])
def test_rejected_proposals_are_listed_on_request_to_those_who_see_them_in_the_admin(api, each_status, role, sees):
    # The admin shows rejected rows to whoever may view forecasts there: Editors and Reviewers,
    # not a login without that permission (nor staff without it).
    assert _listed(api[role], status="rejected") == ({each_status[Status.REJECTED]} if sees else set())
    detail = api[role].get(f"/api/forecasts/{each_status[Status.REJECTED]}/")
    assert detail.status_code == (200 if sees else 404)


def test_anonymous_readers_never_get_a_rejected_proposal(api, each_status):
    assert _listed(api["anonymous"], status="rejected") == set()
    assert api["anonymous"].get(f"/api/forecasts/{each_status[Status.REJECTED]}/").status_code == 404


def test_an_editor_reads_a_rejected_proposals_version_to_restore_it(api, each_status):
    pk = each_status[Status.REJECTED]
    read = api["editor"].get(f"/api/forecasts/{pk}/")
    assert (read.json()["status"], read["ETag"]) == ("rejected", '"1"')
    restored = api["editor"].post(f"/api/forecasts/{pk}/restore/", {}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert restored.status_code == 200
