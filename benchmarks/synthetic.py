"""Synthetic forecasts, written straight into the tables (COPY on PostgreSQL, executemany on SQLite).

This deliberately bypasses the services: the benchmark needs a million rows in seconds, and
what it measures is reading and aggregating them, not writing them. The rows still satisfy
every database constraint (probability in (0, 1), outcome only when resolved, dates in order).
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone

from forecasts.models import Forecast, Outcome, ProbabilityBasis, Status, claim_fingerprint
from sources.models import Author, Publication, Source, name_key

# Stated numbers and ICD 203 midpoints, as real archives mostly hold.
PROBABILITIES = (0.03, 0.125, 0.2, 0.3, 0.325, 0.5, 0.6, 0.675, 0.7, 0.8, 0.875, 0.9, 0.97)
PHRASES = ("unlikely", "likely", "very likely", "roughly even", "almost certain", "remote", "30% chance")
FAR_FUTURE = datetime.date(2099, 1, 1)


def _copy_or_insert(model: type[models.Model], columns: list[str], rows: Iterator[tuple]) -> int:
    """Write `rows` into `model`'s table: COPY on PostgreSQL, executemany elsewhere."""
    table = model._meta.db_table
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
            raw = cursor.cursor  # the psycopg 3 cursor under Django's wrapper
            with raw.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
                    count += 1
        else:
            placeholders = ", ".join(["%s"] * len(columns))
            sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) >= 10_000:
                    cursor.executemany(sql, batch)
                    count += len(batch)
                    batch = []
            if batch:
                cursor.executemany(sql, batch)
                count += len(batch)
    return count


def _next_id(model: type[models.Model]) -> int:
    return (model.objects.aggregate(m=models.Max("pk"))["m"] or 0) + 1


def reset_sequences() -> None:
    statements = connection.ops.sequence_reset_sql(
        no_style(), [Publication, Author, Source, Forecast, get_user_model()]
    )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def truncate() -> None:
    """Empty the benchmark database (only ever called on a database whose name says 'bench')."""
    tables = [m._meta.db_table for m in _data_models()]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        else:
            for table in reversed(tables):
                cursor.execute(f"DELETE FROM {table}")  # noqa: S608


def _data_models() -> list[type[models.Model]]:
    from forecasts.models import Event, Reminder, ReminderDigest, Tag

    return [
        Publication,
        Author,
        Source,
        Source.authors.through,
        Tag,
        Event,
        Event.history.model,
        Forecast,
        Forecast.tags.through,
        Forecast.history.model,
        Forecast.history.model._meta.get_field("historicalforecast_tags").related_model,
        ReminderDigest,
        Reminder,
    ]


def ensure_people(*, authors: int, publications: int = 20) -> tuple[list[int], list[int]]:
    """At least `authors` authors and `publications` publications; returns their ids."""
    have_authors = list(Author.objects.order_by("pk").values_list("pk", flat=True))
    if len(have_authors) < authors:
        start = _next_id(Author)
        _copy_or_insert(
            Author,
            ["id", "name", "name_key", "bio"],
            (
                (start + i, name, name_key(name), "")
                for i in range(authors - len(have_authors))
                for name in [f"Synthetic Author {start + i:07d}"]
            ),
        )
    have_publications = list(Publication.objects.order_by("pk").values_list("pk", flat=True))
    if len(have_publications) < publications:
        start = _next_id(Publication)
        _copy_or_insert(
            Publication,
            ["id", "name", "name_key", "url", "note"],
            (
                (start + i, name, name_key(name), "", "")
                for i in range(publications)
                for name in [f"Synthetic Times {start + i:05d}"]
            ),
        )
    reset_sequences()
    return (
        list(Author.objects.order_by("pk").values_list("pk", flat=True)[:authors]),
        list(Publication.objects.order_by("pk").values_list("pk", flat=True)[:publications]),
    )


def add_sources(count: int, publication_ids: list[int]) -> list[int]:
    start = _next_id(Source)
    now = timezone.now()
    rows = (
        (
            start + i,
            f"Synthetic article {start + i}",
            f"https://example.org/synthetic/{start + i}",
            publication_ids[i % len(publication_ids)],
            datetime.date(2020, 1, 1) + datetime.timedelta(days=i % 1000),
            "",
            f"synthetic-{start + i:054d}",
            "",
            now,
        )
        for i in range(count)
    )
    columns = ["id", "title", "url", "publication_id", "published_on", "text", "content_hash", "note", "created_at"]
    _copy_or_insert(Source, columns, rows)
    reset_sequences()
    return list(range(start, start + count))


FORECAST_COLUMNS = [
    "id",
    "source_id",
    "author_id",
    "quote",
    "claim",
    "claim_key",
    "estimative_phrase",
    "probability",
    "probability_basis",
    "made_on",
    "deadline",
    "review_on",
    "resolution_criteria",
    "status",
    "outcome",
    "evidence_url",
    "resolution_note",
    "resolved_at",
    "reviewer_id",
    "created_at",
    "updated_at",
]


def add_forecasts(
    count: int,
    *,
    author_ids: list[int],
    source_ids: list[int],
    status: str = Status.RESOLVED,
    reviewer_ids: list[int] | None = None,
    review_on: datetime.date | None = None,
    due_count: int = 0,
    today: datetime.date | None = None,
    seed: int = 7,
) -> tuple[int, int]:
    """Append `count` forecasts; returns the (first, last) id.

    Resolved ones are scored mostly (about 92%), the rest ambiguous, annulled or without a
    number. Open ones have their review date far ahead, except the first `due_count`, whose
    review date is `today`, so that exactly those are flagged.
    """
    rng = random.Random(seed)
    start = _next_id(Forecast)
    now = timezone.now()
    today = today or timezone.localdate()
    # Each author has a slant, so the scorecards by author differ.
    slant = {author: rng.uniform(-0.15, 0.15) for author in author_ids}

    def rows():
        for i in range(count):
            author = author_ids[i % len(author_ids)]
            roll = rng.random()
            probability = PROBABILITIES[rng.randrange(len(PROBABILITIES))] if roll > 0.03 else None
            basis = ProbabilityBasis.NONE if probability is None else ProbabilityBasis.PHRASE
            made_on = datetime.date(2018, 1, 1) + datetime.timedelta(days=i % 1500)
            outcome = resolved_at = None
            if status == Status.RESOLVED:
                truth = min(0.99, max(0.01, (probability or 0.5) + slant[author]))
                outcome = Outcome.YES if rng.random() < truth else Outcome.NO
                if roll < 0.05:
                    outcome = Outcome.AMBIGUOUS if roll < 0.04 else Outcome.ANNULLED
                resolved_at = now
                review = made_on + datetime.timedelta(days=365)
            elif i < due_count:
                review = today
            else:
                review = review_on or FAR_FUTURE
            yield (
                start + i,
                source_ids[i % len(source_ids)],
                author,
                f"Synthetic quote number {start + i}.",
                f"Synthetic claim number {start + i} will come true.",
                claim_fingerprint(f"Synthetic claim number {start + i} will come true."),
                PHRASES[i % len(PHRASES)],
                probability,
                basis,
                made_on,
                max(made_on, min(review, FAR_FUTURE)),
                review,
                "The official statistics decide.",
                status,
                outcome,
                "https://example.org/evidence" if outcome else "",
                "The official figure." if outcome else "",
                resolved_at,
                reviewer_ids[i % len(reviewer_ids)] if reviewer_ids else None,
                now,
                now,
            )

    _copy_or_insert(Forecast, FORECAST_COLUMNS, rows())
    reset_sequences()
    return start, start + count - 1


def add_events(events: int) -> None:
    """`events` events, each forecast linked to one (same or opposite claim), a quarter of the
    forecasts with a reference of their own and half of the events with one (PostgreSQL only).

    A hash spreads consecutive forecasts (round-robin authors) over the events, so each event
    gets forecasts by several pundits; every third one says the opposite."""
    from forecasts.models import Event

    now = timezone.now()
    start = _next_id(Event)
    _copy_or_insert(
        Event,
        ["id", "title", "resolution_criteria", "deadline", "reference_source", "evidence_url", "resolution_note",
         "created_at"],
        ((i, f"Synthetic event {i}", "The official statistics decide.", "2030-01-01", "", "", "", now)
         for i in range(start, start + events)),
    )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE forecasts_forecast SET event_id = %s + abs(hashtext(id::text)) %% %s, "
            "event_link = CASE WHEN id %% 3 = 0 THEN 'opposite' ELSE 'same' END, "
            "reference_probability = CASE WHEN id %% 4 = 0 THEN 0.5 END, "
            "reference_used = CASE WHEN id %% 4 = 0 THEN 0.5 END, "
            "reference_source = CASE WHEN id %% 4 = 0 THEN 'base rate' ELSE '' END",
            [start, events],
        )
        cursor.execute(
            "UPDATE forecasts_event SET reference_probability = 0.4, reference_source = 'crowd' WHERE id % 2 = 0"
        )
        for statement in connection.ops.sequence_reset_sql(no_style(), [Event]):
            cursor.execute(statement)
        # As autovacuum would soon: the visibility map lets head-to-head read the index alone.
        cursor.execute("VACUUM ANALYZE forecasts_forecast")


def delete_forecasts(first: int, last: int) -> None:
    history = Forecast.history.model
    tag_history = history._meta.get_field("historicalforecast_tags").related_model
    with connection.cursor() as cursor:
        for model, column in ((tag_history, "forecast_id"), (history, "id"), (Forecast, "id")):
            cursor.execute(
                f"DELETE FROM {model._meta.db_table} WHERE {column} BETWEEN %s AND %s",  # noqa: S608
                [first, last],
            )


def export_file_rows(count: int, *, authors: int, seed: int = 11) -> Iterator[dict]:
    """Rows in the export_forecasts format: resolved forecasts over `authors` forecasters."""
    rng = random.Random(seed)
    for i in range(count):
        probability = PROBABILITIES[rng.randrange(len(PROBABILITIES))]
        made_on = datetime.date(2018, 1, 1) + datetime.timedelta(days=i % 1500)
        yield {
            "id": None,
            "source_title": f"Imported article {i // 50}",
            "source_url": f"https://example.org/imported/{i // 50}",
            "publication": f"Imported Gazette {i % 20}",
            "author": f"Imported Author {i % authors:05d}",
            "quote": f"Imported quote {i}.",
            "claim": f"Imported claim {i} will come true.",
            "estimative_phrase": PHRASES[i % len(PHRASES)],
            "probability": probability,
            "probability_basis": "phrase",
            "made_on": made_on.isoformat(),
            "deadline": (made_on + datetime.timedelta(days=365)).isoformat(),
            "review_on": (made_on + datetime.timedelta(days=365)).isoformat(),
            "resolution_criteria": "The official statistics decide.",
            "status": "resolved",
            "outcome": "yes" if rng.random() < probability else "no",
            "evidence_url": "https://example.org/evidence",
            "resolution_note": "The official figure.",
            "reviewer": None,
            "tags": [],
        }


def write_export_file(path, count: int, *, authors: int) -> None:
    from forecasts import transfer

    with open(path, "w", encoding="utf-8") as handle:
        transfer.write_json(export_file_rows(count, authors=authors), handle)
