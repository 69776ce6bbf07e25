"""Import keeps the rules: every bad file is refused with a row and field, never a traceback, and
nothing is stored; ids stay in range; tags and names fold the same way everywhere; who resolved
and when survives export -> import -> export."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection

from forecasts import services, transfer
from forecasts.models import Forecast, Outcome, Status, Tag
from sources import services as source_services
from sources.models import Author, Publication, Source
from tests.factories import ForecastFactory, TagFactory, UserFactory

pytestmark = pytest.mark.django_db

KELVIN = "\u212aelvin"  # with the Kelvin sign, which NFKC folds to "K"


def row(**changes) -> dict:
    base = {
        "source_title": "An article",
        "source_url": "https://example.org/a",
        "publication": "Example Times",
        "author": "A. Pundit",
        "quote": "Growth will likely reach 3%.",
        "claim": "Growth reaches 3% in 2024",
        "estimative_phrase": "will likely",
        "probability": 0.675,
        "made_on": "2024-01-05",
        "deadline": "2024-12-31",
        "resolution_criteria": "National statistics office",
        "tags": ["economy"],
    }
    return {**base, **changes}


def run_import(path, *options: str) -> str:
    out = io.StringIO()
    call_command("import_forecasts", str(path), *options, stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return (
        Forecast.objects.count(),
        Source.objects.count(),
        Author.objects.count(),
        Publication.objects.count(),
        Tag.objects.count(),
        get_user_model().objects.count(),
    )


def refused(path, message: str) -> None:
    before = counts()
    with pytest.raises(CommandError) as excinfo:
        run_import(path)
    assert message in str(excinfo.value)
    assert counts() == before


def export(fmt="json") -> str:
    out = io.StringIO()
    call_command("export_forecasts", format=fmt, stdout=out)
    return out.getvalue()


# Bad values: a row and field error, nothing stored ------------------------------------------------

BIG = "1" + "0" * 400
HUGE = "1" + "0" * 5000
NOT_A_PROBABILITY = "probability: must be a number from 0.001 to 0.999, or empty"
INJECTED = "bad name\nBcc: x@evil.example"
RESOLVED = {"status": "resolved", "outcome": "yes", "evidence_url": "https://e.org/1", "resolution_note": "n"}


@pytest.mark.parametrize(
    ("raw_row", "message"),
    [
        (json.dumps(row()).replace('"probability": 0.675', f'"probability": {BIG}'), NOT_A_PROBABILITY),
        (json.dumps(row()).replace('"probability": 0.675', f'"probability": {HUGE}'), NOT_A_PROBABILITY),
        (json.dumps(row(id=1)).replace('"id": 1', f'"id": {HUGE}'), "id: '<a number of 5001 digits>' is not a whole"),
        (json.dumps(row(claim="\ud800 claim")), "claim: contains an unpaired surrogate"),
        (json.dumps(row(quote="a\u0000b")), "quote: contains a NUL character"),
        (json.dumps(row(tags=["ok", "t\u0000"])), "tags: contains a NUL character"),
        (json.dumps(row(id=2**63)), f"id: {2**63} is not a whole number from 1 to 9007199254740991"),
        (json.dumps(row(id=2**63 - 1)), "id: 9223372036854775807 is not a whole number from 1 to 9007199254740991"),
        (json.dumps(row(id=2**53)), "id: 9007199254740992 is not a whole number"),
        (json.dumps(row(id="-3")), "id: '-3' is not a whole number"),
        (json.dumps(row(id=0)), "id: 0 is not a whole number"),
        (json.dumps(row(id=1.0)), "id: '1.0' is not a whole number"),
        (json.dumps(row(id=True)), "id: 'True' is not a whole number"),
        (json.dumps(row(reviewer="r" * 200)), "reviewer: 'rrrrrrrr"),
        (json.dumps(row(reviewer=INJECTED)), f"reviewer: '{INJECTED}' is not a valid username"),
        (json.dumps(row(recorded_by="a b")), "recorded_by: 'a b' is not a valid username"),
        (
            json.dumps(
                row(
                    status="resolved",
                    outcome="yes",
                    evidence_url="https://e.org/" + "x" * 1500,
                    resolution_note="note",
                )
            ),
            "evidence_url: Ensure this value has at most 1000 characters",
        ),
        (json.dumps(row(status="resolved", outcome="yes")), "evidence_url: Link the evidence"),
        (json.dumps(row(status="resolved", outcome="no", evidence_url="https://e.org/1")), "resolution_note: Say what"),
        (
            json.dumps(row(**RESOLVED, resolved_at="2024-02-01T10:00:00")),
            "resolved_at: '2024-02-01T10:00:00' needs a time zone offset",
        ),
        (json.dumps(row(resolved_by="someone")), "resolved_by: only a resolved forecast has this"),
        (json.dumps(row(tags=["x" * 65])), "tags: tag 'xxxxxxxxxxxxxxxxxxxx…' is longer than 64 characters"),
    ],
)  # fmt: skip
def test_a_bad_value_is_a_row_and_field_error_and_nothing_is_stored(tmp_path, raw_row, message):
    path = tmp_path / "bad.json"
    path.write_text(f"[{json.dumps(row(claim='A good row'))},\n{raw_row}]", encoding="utf-8")
    refused(path, f"row 2 (index 1): {message}")


def test_the_same_bad_values_in_json_lines(tmp_path):
    path = tmp_path / "bad.jsonl"
    lines = [
        json.dumps(row(claim="first")),
        json.dumps(row(claim="second")).replace('"probability": 0.675', f'"probability": {HUGE}'),
        json.dumps(row(claim="third \ud800")),
        "[" * 100_000 + "]" * 100_000,
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    refused(path, "line 2: probability: must be a number from 0.001 to 0.999, or empty")
    refused(path, "line 3: claim: contains an unpaired surrogate")
    refused(path, "line 4: row: not valid JSON: nested too deeply")


def test_json_nested_100000_deep_is_refused(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" + json.dumps(row()) + "," + "[" * 100_000 + "]" * 100_000 + "]", encoding="utf-8")
    refused(path, "row 2 (index 1) is nested too deeply")


def test_a_raw_nul_in_a_csv_cell_is_refused(tmp_path):
    path = tmp_path / "nul.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(row()))
        writer.writeheader()
        writer.writerow({**row(), "tags": "economy", "claim": "a\x00b"})
    refused(path, "line 2: claim: contains a NUL character")


def test_rows_over_the_stated_size_are_refused_in_every_format(tmp_path, monkeypatch):
    monkeypatch.setattr(transfer, "MAX_ROW_CHARS", 5_000)
    big = row(quote="q" * 6_000)
    (tmp_path / "big.json").write_text(json.dumps([row(claim="small"), big]), encoding="utf-8")
    refused(tmp_path / "big.json", "row 2 (index 1) is longer than 5000 characters")
    (tmp_path / "big.jsonl").write_text(json.dumps(big), encoding="utf-8")
    refused(tmp_path / "big.jsonl", "line 1: row: the row is longer than 5000 characters")
    with (tmp_path / "big.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(big))
        writer.writeheader()
        writer.writerow({**big, "tags": "", "claim": "c" * 4_000, "quote": "q" * 4_000})
    refused(tmp_path / "big.csv", "line 2: row: the row is longer than 5000 characters")
    with (tmp_path / "cell.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(big))
        writer.writeheader()
        writer.writerow({**big, "tags": ""})
    refused(tmp_path / "cell.csv", "cell.csv, after line 1: not readable as CSV (field larger than field limit (5000))")


def _errors(path) -> str:
    with pytest.raises(CommandError) as excinfo:
        run_import(path)
    return str(excinfo.value)


def test_a_csv_cell_longer_than_the_csv_modules_default_limit_imports(tmp_path):
    # 131,072 characters is the csv module's default; the API stores longer quotes than that.
    ForecastFactory(quote="q" * 200_000)
    first = export("csv")
    (tmp_path / "long.csv").write_text(first, encoding="utf-8")
    Forecast.objects.all().delete()
    run_import(tmp_path / "long.csv")
    assert export("csv") == first


# Ids --------------------------------------------------------------------------------------------


def test_the_largest_importable_id_leaves_the_sequence_room_for_new_forecasts(tmp_path):
    path = tmp_path / "max.json"
    path.write_text(json.dumps([row(id=transfer.MAX_IMPORT_ID)]), encoding="utf-8")
    try:
        run_import(path)
        assert Forecast.objects.get().id == 9_007_199_254_740_991
        created = ForecastFactory()
        assert created.id == 9_007_199_254_740_992
        # Kept ids come from a file only: services never take an id from a client.
        assert "id" not in services.EDITABLE_FIELDS
    finally:
        # A PostgreSQL sequence ignores the test's rollback: put it back for the tests after this one.
        Forecast.objects.all().delete()
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [Forecast]):
                cursor.execute(statement)


# Tags and names fold the same way everywhere ----------------------------------------------------


@pytest.mark.parametrize(("first", "second"), [("kelvin", KELVIN), ("Straße", "STRASSE"), ("Trade", "TRADE")])
def test_names_that_differ_only_in_case_are_one_tag_author_and_publication(first, second):
    [tag] = services.tags_get_or_create(names=[first, second])
    assert services.tags_get_or_create(names=[second]) == [tag]
    assert tag.name == first
    assert source_services.author_get_or_create(name=first) == source_services.author_get_or_create(name=second)
    assert source_services.publication_get_or_create(name=first) == source_services.publication_get_or_create(
        name=second
    )
    assert (Tag.objects.count(), Author.objects.count(), Publication.objects.count()) == (1, 1, 1)


def test_the_database_refuses_a_second_tag_that_folds_to_the_same_name():
    from django.core.exceptions import ValidationError

    TagFactory(name="kelvin")
    with pytest.raises(ValidationError, match="already exists"):
        Tag(name=KELVIN).full_clean()


def test_the_api_tag_filter_folds_as_the_tags_do(client):
    forecast = ForecastFactory()
    forecast.tags.set(services.tags_get_or_create(names=["kelvin"]))
    client.force_login(UserFactory())
    response = client.get("/api/forecasts/", {"tag": KELVIN.upper()})
    assert [item["id"] for item in response.json()["results"]] == [forecast.id]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_tags_that_differ_only_in_case_in_one_row_are_one_tag(tmp_path, fmt):
    path = tmp_path / f"tags.{fmt}"
    if fmt == "json":
        path.write_text(json.dumps([row(tags=["Trade", "trade", KELVIN, "kelvin"])]), encoding="utf-8")
    else:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(row()))
            writer.writeheader()
            writer.writerow({**row(), "tags": f"Trade,trade,{KELVIN},kelvin"})
    run_import(path)
    assert set(Forecast.objects.get().tags.values_list("name", flat=True)) == {KELVIN, "Trade"}


def test_an_export_with_tags_folding_together_imports_back(tmp_path):
    # Two rows naming the same tag in different cases, as an export from an older database may.
    path = tmp_path / "tags.json"
    path.write_text(json.dumps([row(claim="one", tags=["kelvin"]), row(claim="two", tags=[KELVIN])]), "utf-8")
    run_import(path)
    assert Tag.objects.count() == 1
    assert Forecast.tags.through.objects.count() == 2


# The resolution rule and who resolved, across the round trip -------------------------------------


def test_resolved_rows_keep_when_and_by_whom_through_export_and_import(tmp_path):
    editor = UserFactory(username="editor1")
    reviewer = UserFactory(username="reviewer1")
    forecast = ForecastFactory(recorded_by=editor)
    resolved_at = datetime.datetime(2024, 2, 1, 9, 30, 15, 123456, tzinfo=datetime.UTC)
    services.forecast_resolve(
        forecast=forecast,
        outcome=Outcome.YES,
        evidence_url="https://e.org/1",
        note="It happened.",
        resolved_by=reviewer,
        resolved_at=resolved_at,
    )
    ForecastFactory(recorded_by=None)
    first = export()
    exported = json.loads(first)
    assert exported[0]["resolved_at"] == "2024-02-01T09:30:15.123456+00:00"
    assert (exported[0]["resolved_by"], exported[0]["recorded_by"]) == ("reviewer1", "editor1")
    assert (exported[1]["resolved_at"], exported[1]["resolved_by"], exported[1]["recorded_by"]) == (None, None, None)

    path = tmp_path / "all.json"
    path.write_text(first, encoding="utf-8")
    Forecast.objects.all().delete()
    Source.objects.all().delete()
    Author.objects.all().delete()
    get_user_model().objects.all().delete()
    run_import(path, "--create-reviewers")

    assert export() == first
    imported = Forecast.objects.get(status=Status.RESOLVED)
    assert imported.resolved_at == resolved_at
    assert imported.resolved_by.username == "reviewer1"
    assert imported.recorded_by.username == "editor1"


def test_an_older_export_without_the_resolution_fields_still_imports(tmp_path):
    path = tmp_path / "old.json"
    resolved = row(status="resolved", outcome="annulled")
    path.write_text(json.dumps([resolved]), encoding="utf-8")
    run_import(path)
    forecast = Forecast.objects.get()
    assert forecast.resolved_at is not None
    assert forecast.resolved_by is None


# Importing the same forecasts again -------------------------------------------------------------


def test_the_database_refuses_a_second_copy_of_a_forecast():
    from django.db import IntegrityError, transaction

    forecast = ForecastFactory()
    copy = Forecast(
        source=forecast.source,
        author=forecast.author,
        quote="another quote",
        claim=f"  {forecast.claim}  ",
        probability=0.5,
        made_on=forecast.made_on,
        deadline=forecast.deadline,
        resolution_criteria="r",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()


def test_a_file_repeating_a_forecast_imports_it_once(tmp_path):
    path = tmp_path / "twice.json"
    path.write_text(json.dumps([row(), row(claim=" Growth  reaches 3% in 2024 ")]), encoding="utf-8")
    assert "Imported 1 forecasts" in run_import(path)
    assert "Imported 0 forecasts" in run_import(path)
    assert Forecast.objects.count() == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite id limit; PostgreSQL is covered above")
def test_sqlite_kept_ids_do_not_exhaust_rowids(tmp_path):
    path = tmp_path / "max.json"
    path.write_text(json.dumps([row(id=transfer.MAX_IMPORT_ID)]), encoding="utf-8")
    run_import(path)
    for _ in range(3):
        ForecastFactory()
    assert Forecast.objects.count() == 4


@pytest.mark.parametrize(
    ("url", "existing"),
    [
        ("/admin/forecasts/tag/add/", lambda: TagFactory(name="kelvin")),
        ("/admin/sources/author/add/", lambda: source_services.author_get_or_create(name="kelvin")),
        ("/admin/sources/publication/add/", lambda: source_services.publication_get_or_create(name="kelvin")),
    ],
)
def test_the_admin_refuses_a_name_that_folds_to_an_existing_one_with_a_form_error(staff_client, url, existing):
    existing()
    response = staff_client.post(url, {"name": KELVIN})
    assert response.status_code == 200
    assert "already exists (names are compared ignoring case)" in response.content.decode()
