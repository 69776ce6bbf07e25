"""Events at scale: head-to-head for a pundit pair, a pundit's head-to-head list, the relative
Brier, and resolving an event with 1,000 linked forecasts (time and query count).

    .venv/bin/python -m benchmarks.events --n 1000000 --events 100000

It uses its own PostgreSQL database (hindsight_bench_events; BENCH_DATABASE_URL overrides it, but
the name must contain "bench"), empties it and fills it with synthetic rows: N resolved forecasts
by --authors pundits, each linked to one of --events events (same or opposite claim, spread so
that every event has forecasts by several pundits), a quarter with a reference probability.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import statistics
import time

from benchmarks.run import database_urls, django_setup, ensure_database, timed

PG_URL = "postgres://postgres@127.0.0.1:5432/hindsight_bench_events"
LINKED_TO_RESOLVE = 1000


def _fill(*, n: int, events: int, authors: int) -> list[int]:
    from benchmarks import synthetic

    synthetic.truncate()
    author_ids, publication_ids = synthetic.ensure_people(authors=authors)
    source_ids = synthetic.add_sources(max(1, n // 50), publication_ids)
    started = time.perf_counter()
    synthetic.add_forecasts(n, author_ids=author_ids, source_ids=source_ids)
    synthetic.add_events(events)
    synthetic.analyze()
    print(f"  filled {n:,} forecasts on {events:,} events in {time.perf_counter() - started:.0f} s", flush=True)
    return author_ids


def _resolve_event(author_ids: list[int]) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from benchmarks import synthetic
    from forecasts import services
    from forecasts.models import Event, Forecast, Status

    event = services.event_create(
        title="Benchmark event", resolution_criteria="c", deadline=datetime.date(2031, 1, 1),
        created_by=None,
    )  # fmt: skip
    first, last = synthetic.add_forecasts(
        LINKED_TO_RESOLVE, author_ids=author_ids, source_ids=[1], status=Status.OPEN, seed=11
    )
    Forecast.objects.filter(pk__range=(first, last)).update(event=event, event_link="same")
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = services.event_resolve(
            event=Event.objects.get(pk=event.pk), outcome="yes", evidence_url="https://example.org/e", note="n",
            resolved_by=None,
        )  # fmt: skip
        elapsed = time.perf_counter() - started
    assert result.resolved == LINKED_TO_RESOLVE
    history = Forecast.history.model.objects.filter(event_id=event.pk, history_type="~").count()
    # Leave the rows as they were, so that a later --reuse (here or in benchmarks.run) finds them.
    synthetic.delete_forecasts(first, last)
    Event.objects.filter(pk=event.pk).delete()
    return {"ms": 1000 * elapsed, "queries": len(queries), "history_rows": history}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--authors", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=30, help="Pundit pairs timed (medians and maximum).")
    parser.add_argument("--reuse", action="store_true", help="Keep the rows of an earlier run.")
    args = parser.parse_args(argv)
    os.environ.setdefault("BENCH_DATABASE_URL", PG_URL)
    url, _ = database_urls("postgres")
    ensure_database(url)
    django_setup(url)
    from django.core.management import call_command
    from django.db import connection

    from forecasts import comparisons
    from forecasts.models import Forecast

    call_command("migrate", verbosity=0)
    if args.reuse and Forecast.objects.exists():
        author_ids = sorted(Forecast.objects.values_list("author_id", flat=True).distinct()[: args.authors])
    else:
        author_ids = _fill(n=args.n, events=args.events, authors=args.authors)
    connection.ensure_connection()
    rng = random.Random(3)
    pairs = [tuple(rng.sample(author_ids, 2)) for _ in range(args.pairs)]

    def pair_api_work(a: int, b: int) -> int:
        # What GET /api/scorecards/head-to-head/ reads: both names, the comparison, the titles.
        comparisons.author_names([a, b])
        result = comparisons.head_to_head(a, b)
        comparisons.event_titles([e.event_id for e in result.events])
        return result.n

    for a, b in pairs[:3]:
        pair_api_work(a, b)  # warm
    pair_times, shared = [], []
    for a, b in pairs:
        shared.append(pair_api_work(a, b))
        # The median of three rounds per pair: the machine is shared, and one round can wait on it.
        pair_times.append(statistics.median(timed(lambda a=a, b=b: pair_api_work(a, b), 3)))
    opponent_times = [timed(lambda a=a: comparisons.opponents(a), 1)[0] for a, _ in pairs[:10]]
    relative_times = timed(comparisons.relative_scores, 5)
    relative_by_times = timed(lambda: comparisons.relative_by("author"), 3)
    resolved = _resolve_event(author_ids)
    result = {
        "forecasts": Forecast.objects.count(),
        "events": args.events,
        "authors": len(author_ids),
        "pairs": len(pairs),
        "shared_events_median": statistics.median(shared),
        "head_to_head_ms_median": 1000 * statistics.median(pair_times),
        "head_to_head_ms_max": 1000 * max(pair_times),
        "opponents_ms_median": 1000 * statistics.median(opponent_times),
        "relative_overall_ms_median": 1000 * statistics.median(relative_times),
        "relative_by_author_ms_median": 1000 * statistics.median(relative_by_times),
        "resolve_event_1000_linked": resolved,
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
