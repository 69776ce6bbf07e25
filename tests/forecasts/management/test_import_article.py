"""`manage.py import_article`: reading a file or page, asking for the date, dry runs and overrides."""

import datetime
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from forecasts import importing
from forecasts.models import Forecast
from sources.models import Source

SEED = Path(__file__).parents[2] / "sources" / "articles" / "seed-russia-china-north-korea-2023.txt"
SEED_DATE = datetime.date(2023, 1, 1)


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
def test_command_reads_the_date_from_the_url_when_the_text_states_none(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    url = "https://example.com/news/2024/03/05/imf-outlook/"
    out = StringIO()
    call_command("import_article", str(path), "--author", "Jane Reporter", "--url", url, stdout=out)
    assert "2024-03-05 is read from the URL" in out.getvalue()
    source = Source.objects.get()
    assert (source.published_on, source.url) == (datetime.date(2024, 3, 5), url)
    assert source.forecasts.get(quote__contains="next year").deadline == datetime.date(2025, 12, 31)


@pytest.mark.django_db
def test_command_prefers_the_given_date_and_the_texts_to_the_urls(tmp_path):
    url = "https://example.com/news/2024/03/05/imf-outlook/"
    given = tmp_path / "given.txt"
    given.write_text(WIRE, encoding="utf-8")
    call_command(
        "import_article", str(given), "--author", "X Y", "--url", url, "--published", "2024-03-07", stdout=StringIO()
    )
    stated = tmp_path / "stated.txt"
    stated.write_text("IMF outlook\n\n6 March 2024\n\n" + WIRE, encoding="utf-8")
    out = StringIO()
    call_command("import_article", str(stated), "--author", "X Y", "--url", url, stdout=out)
    assert "read from the URL" not in out.getvalue()
    dates = dict(Source.objects.values_list("content_hash", "published_on"))
    assert sorted(dates.values()) == [datetime.date(2024, 3, 6), datetime.date(2024, 3, 7)]


@pytest.mark.django_db
def test_command_still_asks_when_the_url_names_only_a_month(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text(WIRE, encoding="utf-8")
    with pytest.raises(CommandError, match="publication date"):
        call_command(
            "import_article", str(path), "--author", "X Y", "--url", "https://example.com/2010/04/oil-prices.html"
        )


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


@pytest.mark.django_db
def test_command_rescue_is_on_by_default_and_off_when_asked(tmp_path, monkeypatch):
    from sources.extraction.rescue import RESCUED_WARNING
    from tests.forecasts.services.test_proposals import RESCUABLE, sentence_model_rescuing_exports

    sentence_model_rescuing_exports(monkeypatch)
    path = tmp_path / "outlook.txt"
    path.write_text(RESCUABLE, encoding="utf-8")
    options = ("--published", "2024-01-02", "--author", "Jane Reporter")
    looked = StringIO()
    call_command("import_article", str(path), *options, "--no-rescue", "--dry-run", "--format", "json", stdout=looked)
    assert [row["quote"] for row in json.loads(looked.getvalue())] == ["Trade will likely grow in 2025."]

    call_command("import_article", str(path), *options, stdout=StringIO())
    rescued = Forecast.objects.get(quote="Exports reach a record in 2026.")
    assert rescued.status == "proposed"
    assert RESCUED_WARNING in rescued.resolution_criteria
    assert Forecast.objects.count() == 2
