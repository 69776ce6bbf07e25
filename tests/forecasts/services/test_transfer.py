"""The transfer service's bulk write under a second import of the same file at the same time."""

import io
import json

from django.core.management import call_command

from forecasts.models import Forecast, Tag
from sources.models import Author, Publication, Source
from tests.concurrency import race, race_test


def _file(tmp_path, rows: int = 300):
    path = tmp_path / "forecasts.json"
    path.write_text(
        json.dumps(
            [
                {
                    "source_title": "A brand-new article",
                    "source_url": "https://example.org/new",
                    "publication": "A Brand-New Paper",
                    "author": "A. New Pundit",
                    "quote": f"Growth will likely reach {n}%.",
                    "claim": f"Growth reaches {n}% in 2024",
                    "probability": 0.7,
                    "made_on": "2024-01-05",
                    "deadline": "2024-12-31",
                    "resolution_criteria": "National statistics office",
                    "reviewer": "new-reviewer",
                    "tags": ["Economy", "growth"],
                }
                for n in range(rows)
            ]
        ),
        encoding="utf-8",
    )
    return path


def _import(path) -> str:
    out = io.StringIO()
    call_command("import_forecasts", str(path), "--create-reviewers", stdout=out)
    return out.getvalue()


@race_test
def test_two_imports_of_the_same_file_at_once_store_it_once(tmp_path):
    # Everything new: the publication, author, article, reviewer and tags race too.
    path = _file(tmp_path)
    results = race(lambda: _import(path), lambda: _import(path))
    assert "Imported 300 forecasts" in results["first"]
    assert "Imported 0 forecasts" in results["second"]
    assert "300 already recorded" in results["second"]
    assert Forecast.objects.count() == 300
    assert (Source.objects.count(), Author.objects.count(), Publication.objects.count(), Tag.objects.count()) == (
        1,
        1,
        1,
        2,
    )
    assert Forecast.tags.through.objects.count() == 600


@race_test
def test_two_imports_into_existing_articles_at_once_store_the_file_once(tmp_path):
    path = _file(tmp_path, rows=3)
    _import(path)
    Forecast.objects.all().delete()
    path = _file(tmp_path)
    results = race(lambda: _import(path), lambda: _import(path))
    assert "Imported 0 forecasts" in results["second"]
    assert Forecast.objects.count() == 300
