import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from forecasts import services
from forecasts.models import Forecast, Outcome, Tag
from sources.models import Author, Publication, Source
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def export(fmt="json") -> str:
    out = io.StringIO()
    call_command("export_forecasts", format=fmt, stdout=out)
    return out.getvalue()


def empty_database():
    Forecast.objects.all().delete()
    Source.objects.all().delete()
    Author.objects.all().delete()
    Publication.objects.all().delete()
    Tag.objects.all().delete()


def seeded_with_a_resolution():
    call_command("load_seed")
    reviewer = UserFactory(username="reviewer1")
    forecast = Forecast.objects.get(claim__startswith="North Korea's real GDP grows in 2023")
    services.forecast_update(forecast=forecast, data={"reviewer": reviewer})
    services.forecast_resolve(
        forecast=forecast,
        outcome=Outcome.YES,
        evidence_url="http://m.koreatimes.co.kr/pages/article.asp?newsIdx=379402",
        note="Bank of Korea: +3.1% in 2023.",
        resolved_by=reviewer,
    )
    with_reference = Forecast.objects.exclude(pk=forecast.pk).exclude(probability=None).first()
    services.forecast_update(
        forecast=with_reference, data={"reference_probability": 0.35, "reference_source": "Crowd, 2023-01-05"}
    )


def test_export_lists_exactly_the_documented_fields():
    call_command("load_seed")
    rows = json.loads(export())
    assert len(rows) == 15
    assert list(rows[0]) == [
        "id", "source_title", "source_url", "publication", "author", "quote", "claim", "estimative_phrase",
        "probability", "probability_basis", "made_on", "deadline", "review_on", "resolution_criteria", "status",
        "outcome", "evidence_url", "resolution_note", "reviewer", "tags", "resolved_at", "resolved_by",
        "recorded_by", "reference_probability", "reference_source",
    ]  # fmt: skip


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_round_trip_into_an_empty_database_gives_the_same_data(tmp_path, fmt):
    seeded_with_a_resolution()
    first = export(fmt)
    path = tmp_path / f"forecasts.{fmt}"
    path.write_text(first, encoding="utf-8")
    empty_database()
    call_command("import_forecasts", str(path), stdout=io.StringIO())
    assert export(fmt) == first
    assert Forecast.objects.filter(reference_probability=0.35, reference_source="Crowd, 2023-01-05").count() == 1


def test_importing_the_same_file_twice_adds_nothing(tmp_path):
    call_command("load_seed")
    path = tmp_path / "forecasts.json"
    path.write_text(export(), encoding="utf-8")
    out = io.StringIO()
    call_command("import_forecasts", str(path), stdout=out)
    assert Forecast.objects.count() == 15
    assert "15 already recorded" in out.getvalue()


def _rows():
    return [
        {
            "source_title": "An article",
            "source_url": "https://example.org/a",
            "publication": "Example Times",
            "author": "A. Pundit",
            "quote": f"Growth will likely reach {n}%.",
            "claim": f"Growth reaches {n}% in 2024",
            "estimative_phrase": "will likely",
            "probability": 0.675,
            "made_on": "2024-01-05",
            "deadline": "2024-12-31",
            "resolution_criteria": "National statistics office",
            "reviewer": "rev@example.org",
            "tags": ["economy"],
        }
        for n in range(1, 6)
    ]


def test_import_refuses_a_reviewer_with_no_account_and_writes_nothing(tmp_path):
    path = tmp_path / "new.json"
    path.write_text(json.dumps(_rows()), encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        call_command("import_forecasts", str(path), stdout=io.StringIO())
    message = str(refused.value)
    assert "row 1 (index 0): reviewer: no account named 'rev@example.org'" in message
    assert "--create-reviewers" in message
    assert "row 4 (index 3)" not in message  # three rows per unknown name are enough
    assert Forecast.objects.count() == 0
    assert not get_user_model().objects.exists()


def test_import_creates_sources_authors_and_invites_missing_reviewers_when_told(
    tmp_path, mailoutbox, django_capture_on_commit_callbacks, settings
):
    path = tmp_path / "new.json"
    path.write_text(json.dumps(_rows()), encoding="utf-8")
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_forecasts", str(path), "--create-reviewers", stdout=out)
    assert Forecast.objects.count() == 5
    forecast = Forecast.objects.first()
    assert forecast.source.publication.name == "Example Times"
    reviewer = forecast.reviewer
    assert reviewer.email == "rev@example.org"
    assert reviewer.is_staff and not reviewer.has_usable_password()
    assert list(reviewer.groups.values_list("name", flat=True)) == [settings.REVIEWERS_GROUP]
    assert reviewer.has_perm("forecasts.resolve_forecast")
    assert forecast.review_on == forecast.deadline
    assert forecast.history.first().history_change_reason == "Imported"
    assert "emailed an invitation" in out.getvalue()
    (invitation,) = mailoutbox
    assert invitation.to == ["rev@example.org"]
    assert "/admin/reset/" in invitation.body


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("probability", 1.5, "probability: 1.5 is not from 0.001 to 0.999"),
        ("probability", "abc", "probability: 'abc' is not a number"),
        ("deadline", "2023-12-31", "deadline: 2023-12-31 is before made_on 2024-01-05"),
        ("made_on", "05/01/2024", "made_on: '05/01/2024' is not a date"),
        ("outcome", "maybe", "outcome: 'maybe' is not one of"),
        ("colour", "blue", "row: unknown field(s): colour"),
        ("claim", "", "claim: is required"),
        ("reference_probability", 2, "reference_probability: 2 is not from 0.001 to 0.999"),
        ("reference_probability", 0.4, "reference_source: is required with a reference_probability"),
    ],
)
def test_a_bad_row_is_reported_with_its_index_and_field_and_nothing_is_written(tmp_path, field, value, message):
    rows = _rows()
    rows[3][field] = value
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    with pytest.raises(CommandError) as excinfo:
        call_command("import_forecasts", str(path), stdout=io.StringIO())
    assert f"row 4 (index 3): {message}" in str(excinfo.value)
    assert Forecast.objects.count() == 0
    assert Source.objects.count() == 0


def test_a_bad_csv_row_is_reported_with_its_line(tmp_path):
    path = tmp_path / "bad.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(_rows()[0]))
        writer.writeheader()
        for row in _rows():
            writer.writerow({**row, "tags": "economy"})
        writer.writerow({**_rows()[0], "claim": "Another claim", "tags": "", "probability": "0"})
    with pytest.raises(CommandError) as excinfo:
        call_command("import_forecasts", str(path), stdout=io.StringIO())
    assert "line 7: probability: 0 is not from 0.001 to 0.999" in str(excinfo.value)
    assert Forecast.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.json", "[{", "is not valid JSON"),
        ("object.json", "{}", "must hold a JSON array"),
        ("latin1.json", "caf\xe9".encode("latin-1"), "is not UTF-8"),
        ("empty.json", "[]", "holds no forecasts"),
        ("forecasts.xlsx", "x", "unknown file type"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(tmp_path, name, content, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_forecasts", str(path), stdout=io.StringIO())
