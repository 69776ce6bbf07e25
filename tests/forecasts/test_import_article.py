"""Article import: the service, `manage.py import_article` and the admin page and actions."""

import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from forecasts import importing, services
from forecasts.models import Forecast, Status
from sources.models import Author, Source
from tests.factories import ForecastFactory

SEED = Path(__file__).parents[1] / "sources" / "articles" / "seed-russia-china-north-korea-2023.txt"
SEED_DATE = datetime.date(2023, 1, 1)


@pytest.mark.django_db
def test_import_stores_the_article_and_proposes_its_forecasts():
    result = services.propose_forecasts_from_article(text=SEED.read_text(encoding="utf-8"), published_on=SEED_DATE)
    assert result.created
    source = result.source
    assert source.title == "Russia, China bring North Korea in from the cold"
    assert source.publication.name == "East Asia Forum"
    assert [a.name for a in source.authors.all()] == ["Benjamin Katzeff Silberstein"]
    assert len(result.forecasts) == len(result.candidates) >= 10
    assert all(f.status == Status.PROPOSED for f in result.forecasts)
    long_run = next(f for f in result.forecasts if f.quote.startswith("In the long run"))
    assert long_run.deadline == datetime.date(2027, 12, 31)
    assert "no fixed date" in long_run.resolution_criteria


@pytest.mark.django_db
def test_importing_the_same_text_again_returns_the_stored_article():
    text = SEED.read_text(encoding="utf-8")
    first = services.propose_forecasts_from_article(text=text, published_on=SEED_DATE)
    again = services.propose_forecasts_from_article(text=text.replace("\n", "\r\n"), published_on=SEED_DATE)
    assert not again.created
    assert again.source == first.source
    assert Source.objects.count() == 1
    assert Forecast.objects.count() == len(first.forecasts)


@pytest.mark.django_db
def test_missing_date_and_author_are_clear_errors_and_nothing_is_saved():
    # "next year" cannot be read without the date
    with pytest.raises(ValidationError) as error:
        services.propose_forecasts_from_article(text="A title\n\nPrices will likely rise next year.\n")
    assert set(error.value.message_dict) == {"published_on", "author"}
    assert Source.objects.count() == 0
    assert Forecast.objects.count() == 0


@pytest.mark.django_db
def test_an_article_with_no_title_line_and_only_absolute_dates_is_imported():
    text = (
        "Germany\u2019s economy is unlikely to grow by more than 1% in 2030, the Bundesbank said on Friday.\n\n"
        "Exports will probably recover in 2031."
    )
    result = services.propose_forecasts_from_article(text=text, author_name="Jane Doe")
    assert result.source.title == importing.UNTITLED
    assert result.source.published_on == datetime.date.today()
    assert len(result.warnings) == 2
    assert [f.deadline.year for f in result.forecasts] == [2030, 2031]


@pytest.mark.django_db
def test_proposed_forecasts_carry_drafted_criteria_not_a_placeholder():
    result = services.propose_forecasts_from_article(text=SEED.read_text(encoding="utf-8"), published_on=SEED_DATE)
    for forecast in result.forecasts:
        assert "To be written" not in forecast.resolution_criteria
        assert forecast.resolution_criteria.startswith("Resolves yes if")
        assert "check" in forecast.resolution_criteria


@pytest.mark.django_db
def test_proposed_forecasts_are_neither_reminded_nor_scored():
    services.propose_forecasts_from_article(text=SEED.read_text(encoding="utf-8"), published_on=SEED_DATE)
    assert not Forecast.objects.to_remind(datetime.date(2030, 1, 1)).exists()
    assert not Forecast.objects.scored().exists()
    assert not Forecast.objects.reaching_review(datetime.date(2030, 1, 1)).exists()


def finished(forecast):
    """The proposal as an editor leaves it: the criteria written out, the notes deleted."""
    criteria, _notes = importing.criteria_notes(forecast.resolution_criteria)
    return services.forecast_update(forecast=forecast, data={"resolution_criteria": criteria})


@pytest.mark.django_db
def test_accept_opens_proposed_forecasts_and_reject_deletes_them():
    result = services.propose_forecasts_from_article(text=SEED.read_text(encoding="utf-8"), published_on=SEED_DATE)
    first, second, *_ = result.forecasts
    first = finished(first)
    already_open = ForecastFactory(status=Status.OPEN)
    assert services.forecasts_accept(forecasts=[first, already_open]) == 1
    assert services.forecasts_reject(forecasts=[second]) == 1
    first.refresh_from_db()
    assert first.status == Status.OPEN
    assert first.version == 3  # edited, then accepted
    assert not Forecast.objects.filter(pk=second.pk).exists()
    assert Forecast.objects.filter(pk=already_open.pk).exists()


@pytest.mark.django_db
def test_reject_refuses_a_selection_with_a_confirmed_forecast_and_deletes_nothing():
    result = services.propose_forecasts_from_article(text=SEED.read_text(encoding="utf-8"), published_on=SEED_DATE)
    proposed = result.forecasts[0]
    already_open = ForecastFactory(status=Status.OPEN)
    with pytest.raises(ValidationError, match="Only proposed forecasts can be rejected"):
        services.forecasts_reject(forecasts=[proposed, already_open])
    assert Forecast.objects.filter(pk__in=[proposed.pk, already_open.pk]).count() == 2


# --- command ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_command_dry_run_json_prints_candidates_and_saves_nothing():
    out = StringIO()
    call_command("import_article", str(SEED), "--published", "2023-01-01", "--dry-run", "--format", "json", stdout=out)
    rows = json.loads(out.getvalue())
    assert Source.objects.count() == 0
    assert Forecast.objects.count() == 0
    assert {row["status"] for row in rows} == {"proposed"}
    assert {"id", "source_title", "quote", "claim", "probability", "probability_basis", "deadline"} <= set(rows[0])
    trade = next(row for row in rows if row["quote"].startswith("Trade with China"))
    assert (trade["probability"], trade["deadline"], trade["author"]) == (
        0.675,
        "2023-12-31",
        "Benjamin Katzeff Silberstein",
    )


@pytest.mark.django_db
def test_command_saves_with_overrides(tmp_path):
    out = StringIO()
    call_command(
        "import_article",
        str(SEED),
        "--published",
        "2023-01-02",
        "--title",
        "Cold no more",
        "--author",
        "B. K. Silberstein",
        "--publication",
        "Asia Times",
        "--url",
        "https://example.org/a",
        stdout=out,
    )
    source = Source.objects.get()
    assert (source.title, source.published_on, source.url) == (
        "Cold no more",
        datetime.date(2023, 1, 2),
        "https://example.org/a",
    )
    assert source.publication.name == "Asia Times"
    assert set(Forecast.objects.values_list("author__name", flat=True)) == {"B. K. Silberstein"}
    assert "forecasts proposed" in out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00" * 10, "binary"),
        ("Caf\u00e9 will likely reopen in 2024.".encode("latin-1"), "not UTF-8"),
    ],
)
def test_command_refuses_bad_files(tmp_path, content, message):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_article", str(path), "--published", "2023-01-01", "--author", "X Y")
    assert Source.objects.count() == 0


WIRE = (
    "Global economic output should increase by 3.6 percent next year, the IMF said on Tuesday.\n\n"
    "Emerging economies will probably grow 4.6 percent in 2031."
)


@pytest.mark.django_db
def test_an_attributed_forecast_is_proposed_with_its_forecaster_and_the_source_keeps_its_author():
    result = services.propose_forecasts_from_article(
        text=WIRE, title="IMF outlook", author_name="Jane Reporter", published_on=datetime.date(2030, 10, 10)
    )
    imf, own = result.forecasts
    assert imf.author.name == "IMF"
    assert own.author.name == "Jane Reporter"
    assert [a.name for a in result.source.authors.all()] == ["Jane Reporter"]
    # a second article by the same institution reuses its Author
    services.propose_forecasts_from_article(
        text=WIRE.replace("Tuesday", "Friday"),
        title="IMF again",
        author_name="Jane Reporter",
        published_on=datetime.date(2030, 10, 12),
    )
    assert Author.objects.filter(name="IMF").count() == 1


@pytest.mark.django_db
def test_command_asks_for_the_date_only_when_a_relative_time_needs_it(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    with pytest.raises(CommandError, match="publication date"):
        call_command("import_article", str(path), "--author", "Jane Reporter")
    # a dry run only looks: it counts "next year" from today and says so
    looked = StringIO()
    call_command("import_article", str(path), "--author", "Jane Reporter", "--dry-run", stdout=looked)
    assert "deadlines counted from today" in looked.getvalue()
    absolute = tmp_path / "absolute.txt"
    absolute.write_text(WIRE.replace("next year", "in 2031"), encoding="utf-8")
    out = StringIO()
    call_command("import_article", str(absolute), "--author", "Jane Reporter", "--dry-run", stdout=out)
    text = out.getvalue()
    assert "no title line" in text and "today's date" in text
    assert "criteria: Resolves yes if" in text
    assert "forecaster: IMF" in text
    assert Source.objects.count() == 0


@pytest.mark.django_db
def test_command_stores_an_article_with_no_title_line(tmp_path):
    path = tmp_path / "untitled.txt"
    path.write_text("Hi everyone,\n\n" + WIRE.replace("next year", "in 2031"), encoding="utf-8")
    call_command("import_article", str(path), "--author", "Jane Reporter", stdout=StringIO())
    source = Source.objects.get()
    assert source.title == importing.UNTITLED
    assert source.forecasts.count() == 2


@pytest.mark.django_db
def test_command_refuses_an_unreadable_date():
    with pytest.raises(CommandError, match="Cannot read the date"):
        call_command("import_article", str(SEED), "--published", "first of Smarch")


@pytest.mark.django_db
def test_command_refuses_a_file_over_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr("sources.ingestion.MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("Prices will likely rise in 2024. " * 10)
    with pytest.raises(CommandError, match="too large"):
        call_command("import_article", str(path), "--published", "2023-01-01", "--author", "X Y")


@pytest.mark.django_db
def test_command_strips_scripts_from_html(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(
        "<html><head><title>Outlook</title><script>var x = 'Rates will surely rise in 2024.';</script></head>"
        "<body><h1>Outlook</h1><p>By Jane Roe</p><p>Rates will likely fall in 2024.</p></body></html>",
        encoding="utf-8",
    )
    call_command("import_article", str(path), "--published", "2024-01-02", stdout=StringIO())
    assert "script" not in Source.objects.get().text
    assert list(Forecast.objects.values_list("quote", flat=True)) == ["Rates will likely fall in 2024."]


# --- admin ------------------------------------------------------------------------------------


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_admin_import_page_proposes_forecasts_from_an_upload(superuser_client):
    url = reverse("admin:forecasts_forecast_import_article")
    assert superuser_client.get(url).status_code == 200
    upload = SimpleUploadedFile("seed.txt", SEED.read_bytes(), content_type="text/plain")
    response = superuser_client.post(url, {"file": upload, "published": "2023-01-01", "scale": "icd203"})
    assert response.status_code == 200
    assert "forecasts proposed" in response.content.decode()
    assert Forecast.objects.proposed().count() >= 10


@pytest.mark.django_db
def test_admin_import_page_shows_form_errors_and_saves_nothing(superuser_client):
    url = reverse("admin:forecasts_forecast_import_article")
    response = superuser_client.post(url, {"text": "Title\n\nPrices will likely rise next year.", "scale": "icd203"})
    assert response.status_code == 200
    assert "no publication date" in response.content.decode()
    response = superuser_client.post(url, {"text": "", "scale": "icd203"})
    assert "Paste the article" in response.content.decode()
    assert Source.objects.count() == 0


@pytest.mark.django_db
def test_admin_bulk_accept_and_reject(superuser_client):
    result = services.propose_forecasts_from_article(text=SEED.read_text(encoding="utf-8"), published_on=SEED_DATE)
    first, second, *_ = result.forecasts
    finished(first)
    changelist = reverse("admin:forecasts_forecast_changelist")
    superuser_client.post(changelist, {"action": "accept_proposed", "_selected_action": [first.pk]})
    asked = superuser_client.post(changelist, {"action": "reject_proposed", "_selected_action": [second.pk]})
    assert "Reject proposed forecasts?" in asked.content.decode()
    assert Forecast.objects.filter(pk=second.pk).exists()
    superuser_client.post(
        changelist, {"action": "reject_proposed", "_selected_action": [second.pk], "confirm_reject": "Yes"}
    )
    first.refresh_from_db()
    assert first.status == Status.OPEN
    assert not Forecast.objects.filter(pk=second.pk).exists()
    assert "Import article" in superuser_client.get(changelist).content.decode()


@pytest.mark.django_db
def test_command_dry_run_needs_no_publication_date(tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text("Prices in the harbour\n\nBy Ann Example\n\nPrices will likely rise within six months.\n")
    out = StringIO()
    call_command("import_article", str(article), "--dry-run", stdout=out)
    today = timezone.localdate()
    header, summary = out.getvalue().splitlines()[:2]
    assert header.endswith(f"no publication date (deadlines counted from today, {today.isoformat()})")
    assert summary == "Dry run: 1 candidates, nothing saved."
    assert Source.objects.count() == 0
    # Saving still needs the date: a stored forecast's deadline must not hang on the day it was imported.
    with pytest.raises(CommandError, match="publication date"):
        call_command("import_article", str(article), stdout=StringIO())
    assert Source.objects.count() == 0


@pytest.mark.django_db
def test_a_repeated_import_shows_the_stored_article(tmp_path):
    args = ("--published", "2023-01-01", "--publication", "Asia Times")
    call_command("import_article", str(SEED), *args, stdout=StringIO())
    for extra in ((), ("--dry-run",)):
        out = StringIO()
        # Without the options this time: the header is the stored article's record, not "no publication".
        call_command("import_article", str(SEED), "--published", "2023-01-01", *extra, stdout=out)
        header = out.getvalue().splitlines()[0]
        assert header == (
            "Russia, China bring North Korea in from the cold — Benjamin Katzeff Silberstein, Asia Times, 2023-01-01"
        )
    assert Source.objects.count() == 1
