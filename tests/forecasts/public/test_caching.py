import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forecasts import services
from forecasts.models import Outcome, PublicDataVersion
from forecasts.public import caching, versioning
from forecasts.services import public as services_public
from tests.factories import ForecastFactory, StaffFactory

pytestmark = pytest.mark.django_db


def _pages(forecast):
    return [
        forecast.get_absolute_url(),
        reverse("scorecards:detail", args=["author", forecast.author_id]),
        reverse("public:feed", args=["author", forecast.author_id]),
        reverse("scorecards:index"),
    ]


def test_a_resolve_changes_every_pages_etag_and_content_at_once(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        forecast = ForecastFactory(claim="Trade recovers in 2023")
    before = {url: client.get(url) for url in _pages(forecast)}
    for url, response in before.items():
        assert response.status_code == 200, url
        # Unchanged data: the browser's copy is still good.
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304, url

    with django_capture_on_commit_callbacks(execute=True):
        services.forecast_resolve(
            forecast=forecast,
            outcome=Outcome.YES,
            evidence_url="https://e.example.org/trade",
            note="Customs figures.",
            resolved_by=StaffFactory(),
        )

    for url, old in before.items():
        response = client.get(url, HTTP_IF_NONE_MATCH=old["ETag"])
        assert response.status_code == 200, url
        assert response["ETag"] != old["ETag"], url
    assert "What happened" in client.get(forecast.get_absolute_url()).content.decode()
    assert "Resolved (came true)" in client.get(_pages(forecast)[2]).content.decode()
    assert "Came true" in client.get(_pages(forecast)[1]).content.decode()


def test_the_version_goes_up_only_after_the_commit(django_capture_on_commit_callbacks):
    start, _ = versioning.current()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ForecastFactory()
        assert versioning.current()[0] == start
    for callback in callbacks:
        callback()

    assert versioning.current()[0] > start


def test_flagging_due_forecasts_bumps_the_version(django_capture_on_commit_callbacks):

    ForecastFactory(review_on=datetime.date(2020, 1, 1), made_on=datetime.date(2019, 1, 1))
    start, _ = versioning.current()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.forecasts_flag_due() == 1

    assert versioning.current()[0] > start


def test_an_import_bumps_the_version(django_capture_on_commit_callbacks, tmp_path):
    import io

    from django.core.management import call_command

    path = tmp_path / "rows.csv"
    ForecastFactory(claim="Exported claim")
    out = io.StringIO()
    call_command("export_forecasts", "--format", "csv", stdout=out)
    from forecasts.models import Forecast

    Forecast.objects.all().delete()
    path.write_text(out.getvalue())
    start, _ = versioning.current()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_forecasts", str(path), stdout=io.StringIO())

    assert versioning.current()[0] > start


def test_anonymous_readers_get_the_cached_page_with_one_query(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        forecast = ForecastFactory()
    url = reverse("scorecards:detail", args=["author", forecast.author_id])
    first = client.get(url).content

    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)

    assert again.content == first
    assert len(queries) == 1  # the data version


def test_signed_in_readers_are_not_served_the_anonymous_copy(client):
    forecast = ForecastFactory()
    url = reverse("scorecards:index")
    anonymous = client.get(url)
    client.force_login(StaffFactory())

    signed_in = client.get(url)

    assert "Admin" in signed_in.content.decode() and 'class="admin-link"' not in anonymous.content.decode()
    assert signed_in["ETag"] != anonymous["ETag"]
    assert "Cookie" in signed_in["Vary"]
    assert forecast  # a page with data, not an empty one


def test_the_version_row_is_created_on_the_first_write(django_capture_on_commit_callbacks):
    PublicDataVersion.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        ForecastFactory()

    assert versioning.current()[0] >= 2


def test_two_writes_within_a_second_give_two_last_modified_seconds(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    moment = datetime.datetime(2026, 3, 1, 12, 0, 0, 250_000, tzinfo=datetime.UTC)
    monkeypatch.setattr(services_public.timezone, "now", lambda: moment)
    with django_capture_on_commit_callbacks(execute=True):
        forecast = ForecastFactory()
    url = forecast.get_absolute_url()
    first = client.get(url)

    with django_capture_on_commit_callbacks(execute=True):
        moment = moment.replace(microsecond=750_000)
        services.forecast_resolve(forecast=forecast, outcome=Outcome.ANNULLED, resolved_by=None)

    # A reader that revalidates by date only is not told "not modified".
    response = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert response.status_code == 200
    assert response["Last-Modified"] != first["Last-Modified"]


def _renderings(monkeypatch) -> list:
    """Count the overview's renderings behind the cache (each computes the overall scorecard)."""
    from forecasts import scorecards

    renders = []
    real = scorecards.scorecard_and_scorecards_by

    def counting(*args, **kwargs):
        renders.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(scorecards, "scorecard_and_scorecards_by", counting)
    return renders


def test_a_reader_who_finds_the_page_being_rendered_waits_for_it_instead_of_rendering_it(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    with django_capture_on_commit_callbacks(execute=True):
        ForecastFactory(claim="Trade recovers in 2023")
    url = reverse("scorecards:index")
    rendered = client.get(url)  # what the other reader is about to store
    request = rendered.wsgi_request
    key = caching._cache_key(request)
    stored = cache.get(key)
    cache.delete(key)
    cache.add(f"{key}:rendering", 1, 60)  # another reader holds the lock
    polls = []

    def the_other_reader_finishes(seconds):
        polls.append(seconds)
        if len(polls) == 3:
            cache.set(key, stored, 60)
            cache.delete(f"{key}:rendering")

    monkeypatch.setattr(caching.time, "sleep", the_other_reader_finishes)
    renders = _renderings(monkeypatch)

    response = client.get(url)

    assert response.status_code == 200 and response.content == rendered.content
    assert len(polls) == 3
    assert renders == []  # this reader rendered nothing


def test_a_reader_renders_the_page_itself_when_the_lock_holder_stored_nothing(client, monkeypatch):
    from django.core.cache import cache

    ForecastFactory()
    url = reverse("scorecards:index")
    key = caching._cache_key(client.get(url).wsgi_request)
    cache.delete(key)
    cache.add(f"{key}:rendering", 1, 60)
    monkeypatch.setattr(caching.time, "sleep", lambda seconds: cache.delete(f"{key}:rendering"))

    response = client.get(url)

    assert response.status_code == 200
    assert cache.get(key) is not None  # and stored it for the next reader
    assert cache.get(f"{key}:rendering") is None


def test_the_render_lock_is_released_when_the_page_fails(client, monkeypatch):
    from django.core.cache import cache

    ForecastFactory()
    url = reverse("scorecards:index")
    key = caching._cache_key(client.get(url).wsgi_request)
    cache.delete(key)
    monkeypatch.setattr("forecasts.views.scorecards.scorecard_and_scorecards_by", lambda *args, **kwargs: 1 / 0)
    client.raise_request_exception = False

    assert client.get(url).status_code == 500
    assert cache.get(f"{key}:rendering") is None and cache.get(key) is None
