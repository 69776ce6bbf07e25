"""Races on PostgreSQL, run for real with threads, each on its own connection and transaction.

The loser of each race is made to lose deterministically: the winner inserts and keeps its
transaction open; the loser starts, and only once PostgreSQL shows it waiting on the winner's
lock does the winner commit. Without handling, the loser then fails with an IntegrityError."""

import io
import json
import threading
import time

import pytest
from django.core.management import call_command
from django.db import close_old_connections, connection, connections, transaction

from forecasts import services
from forecasts.models import Forecast, Tag
from sources import services as source_services
from sources.models import Author, Publication, Source

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers, so these races cannot happen there; run with DATABASE_URL=postgres://…",
    ),
]

KELVIN = "\u212aelvin"


def in_thread(function, results: dict, name: str) -> threading.Thread:
    def run():
        try:
            results[name] = function()
        except Exception as exc:  # reported to the test, which fails on it
            results[name] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def wait_until_a_backend_waits_for_a_lock(limit_seconds: float = 30) -> None:
    """Poll PostgreSQL until another session is blocked on a lock (the race is on)."""
    deadline = time.monotonic() + limit_seconds
    with connections["default"].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)
    raise AssertionError("the second writer never waited for the first")


def race(first_write, second_write) -> dict:
    """first_write runs and holds its transaction open until second_write blocks behind it."""
    results: dict = {}
    wrote, release = threading.Event(), threading.Event()

    def first():
        with transaction.atomic():
            value = first_write()
            wrote.set()
            release.wait(60)
        return value

    one = in_thread(first, results, "first")
    assert wrote.wait(60)
    two = in_thread(lambda: second_write(), results, "second")
    try:
        wait_until_a_backend_waits_for_a_lock()
    finally:
        release.set()
        one.join(60)
        two.join(60)
        close_old_connections()
    for value in results.values():
        if isinstance(value, Exception):
            raise value
    return results


@pytest.mark.parametrize(
    ("model", "create"),
    [
        (Author, lambda name: source_services.author_get_or_create(name=name)),
        (Publication, lambda name: source_services.publication_get_or_create(name=name)),
        (Tag, lambda name: services.tags_get_or_create(names=[name])[0]),
    ],
)
def test_a_concurrent_get_or_create_returns_the_row_that_won(model, create):
    results = race(lambda: create("kelvin"), lambda: create(KELVIN))
    assert results["first"].pk == results["second"].pk
    assert model.objects.count() == 1


def test_a_concurrent_store_of_the_same_article_returns_the_stored_one():
    def store():
        return source_services.source_get_or_create(
            title="Same article", text="The same text.", published_on="2024-01-01"
        )

    results = race(store, store)
    assert results["first"] == (results["first"][0], True)
    assert results["second"] == (results["first"][0], False)
    assert Source.objects.count() == 1


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


def test_two_imports_into_existing_articles_at_once_store_the_file_once(tmp_path):
    path = _file(tmp_path, rows=3)
    _import(path)
    Forecast.objects.all().delete()
    path = _file(tmp_path)
    results = race(lambda: _import(path), lambda: _import(path))
    assert "Imported 0 forecasts" in results["second"]
    assert Forecast.objects.count() == 300
