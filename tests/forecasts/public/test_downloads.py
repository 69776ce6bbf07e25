import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from forecasts import services, transfer
from forecasts.models import Forecast, Outcome, Status
from forecasts.public import downloads
from sources.models import Author, Publication, Source
from tests.factories import AuthorFactory, ForecastFactory, StaffFactory, TagFactory, UserFactory

pytestmark = pytest.mark.django_db


def _body(response) -> str:
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def pundit():
    author = AuthorFactory(name="Benjamin Katzeff Silberstein")
    reviewer = UserFactory(username="desk-reviewer")
    resolved = ForecastFactory(author=author, claim="Trade recovers", reviewer=reviewer)
    resolved.tags.add(TagFactory(name="trade"))
    services.forecast_resolve(
        forecast=resolved,
        outcome=Outcome.YES,
        evidence_url="https://e.example.org/trade",
        note="Customs figures.",
        resolved_by=StaffFactory(username="resolver"),
    )
    ForecastFactory(author=author, claim="Missile tests continue", reviewer=reviewer)
    ForecastFactory(author=author, claim="Not confirmed", status=Status.PROPOSED)
    return author


def test_csv_download_has_the_export_fields_and_only_confirmed_forecasts(client, pundit):
    response = client.get(reverse("public:group-download", args=["author", pundit.pk, "csv"]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(_body(response))))
    assert tuple(rows[0]) == transfer.FIELDS
    assert sorted(row["claim"] for row in rows) == ["Missile tests continue", "Trade recovers"]
    # The newsroom's workflow stays private; who resolved it is part of the record.
    assert {row["reviewer"] for row in rows} == {""}
    assert {row["resolved_by"] for row in rows} == {"", "resolver"}


def test_json_download_equals_the_export_rows(client, pundit):
    response = client.get(reverse("public:group-download", args=["author", pundit.pk, "json"]))

    rows = json.loads(_body(response))
    expected = list(transfer.export_rows(Forecast.objects.exclude(status=Status.PROPOSED)))
    for row in expected:
        row["reviewer"] = row["recorded_by"] = None
    assert rows == expected


def test_downloads_follow_the_list_filters(client, pundit):
    response = client.get(reverse("public:group-download", args=["author", pundit.pk, "csv"]), {"status": "open"})

    assert [row["claim"] for row in csv.DictReader(io.StringIO(_body(response)))] == ["Missile tests continue"]


def test_a_downloaded_csv_imports_back_into_an_empty_database(client, pundit, tmp_path):
    exported = _body(client.get("/scorecards/forecasts.csv"))
    before = sorted(
        (r["claim"], r["status"], r["outcome"], r["tags"], r["resolved_by"])
        for r in csv.DictReader(io.StringIO(exported))
    )
    Forecast.objects.all().delete()
    Source.objects.all().delete()
    Author.objects.all().delete()
    Publication.objects.all().delete()
    path = tmp_path / "download.csv"
    path.write_text(exported, encoding="utf-8")

    call_command("import_forecasts", str(path), stdout=io.StringIO())

    again = _body(client.get("/scorecards/forecasts.csv"))
    after = sorted(
        (r["claim"], r["status"], r["outcome"], r["tags"], r["resolved_by"]) for r in csv.DictReader(io.StringIO(again))
    )
    assert after == before
    assert Forecast.objects.get(claim="Trade recovers").outcome == Outcome.YES


def test_an_empty_download_is_a_header_or_an_empty_list(client):
    assert _body(client.get("/scorecards/forecasts.csv")).strip() == ",".join(transfer.FIELDS)
    assert json.loads(_body(client.get("/scorecards/forecasts.json"))) == []


@pytest.mark.parametrize("path", ["/scorecards/forecasts.xml", "/scorecards/author/x/forecasts.csv"])
def test_unknown_downloads_are_404(client, path):
    assert client.get(path).status_code == 404


def test_large_downloads_stream_in_batches_with_one_header(client, monkeypatch):
    monkeypatch.setattr(downloads, "BATCH", 2)
    ForecastFactory.create_batch(3)

    chunks = list(client.get("/scorecards/forecasts.csv").streaming_content)

    assert len(chunks) == 2
    body = b"".join(chunks).decode()
    assert body.count("source_title") == 1
    assert len(list(csv.DictReader(io.StringIO(body)))) == 3
