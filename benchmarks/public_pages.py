"""Public pages at scale: the overview, a pundit's page and a forecast page, cold and warm.

    .venv/bin/python -m benchmarks.public_pages --n 1000000
    .venv/bin/python -m benchmarks.public_pages --database sqlite --n 100000

Generates N synthetic forecasts (most resolved, some open) in its own database
(hindsight_bench_public on PostgreSQL, var/bench-public.sqlite3 for SQLite; the name must contain
"bench"), then asks for each page as an anonymous reader: once cold (rendered from the
database), then `--repeat` times warm (from the cache, after the data-version lookup), and prints
the medians and the queries of a warm request at 1,000 and at N forecasts.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from benchmarks.run import ROOT, django_setup, ensure_database

PG_URL = "postgres://postgres@127.0.0.1:5432/hindsight_bench_public"


def _fill(n: int, authors: int) -> None:
    from benchmarks import synthetic
    from forecasts import services
    from forecasts.models import Status

    synthetic.truncate()
    author_ids, publication_ids = synthetic.ensure_people(authors=authors)
    source_ids = synthetic.add_sources(max(n // 20, 1), publication_ids)
    open_n = max(n // 10, 1)
    synthetic.add_forecasts(n - open_n, author_ids=author_ids, source_ids=source_ids)
    synthetic.add_forecasts(open_n, author_ids=author_ids, source_ids=source_ids, status=Status.OPEN, seed=8)
    synthetic.analyze()
    services.public_data_changed()  # outside a transaction: bumps at once


def _measure(repeat: int) -> dict[str, dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from forecasts.models import Forecast, Status

    forecast = Forecast.objects.filter(status=Status.OPEN).order_by("pk").first()
    pages = {
        "overview": reverse("scorecards:index"),
        "pundit": reverse("scorecards:detail", args=["author", forecast.author_id]),
        "forecast": forecast.get_absolute_url(),
    }
    client = Client()
    results = {}
    for name, url in pages.items():
        start = time.perf_counter()
        cold = client.get(url, secure=True)
        cold_ms = 1000 * (time.perf_counter() - start)
        assert cold.status_code == 200, (url, cold.status_code)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            response = client.get(url, secure=True)
            times.append(1000 * (time.perf_counter() - start))
            assert response.status_code == 200
        with CaptureQueriesContext(connection) as queries:
            client.get(url, secure=True)
        results[name] = {
            "cold_ms": cold_ms,
            "warm_p50_ms": statistics.median(times),
            "warm_queries": len(queries),
        }
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--authors", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args(argv)
    url = (
        os.environ.get("BENCH_DATABASE_URL", PG_URL)
        if args.database == "postgres"
        else f"sqlite:///{ROOT / 'var' / 'bench-public.sqlite3'}"
    )
    if "bench" not in url.rsplit("/", 1)[-1]:
        raise SystemExit(f"Refusing to use {url}: a benchmark database's name must contain 'bench'.")
    ensure_database(url)
    django_setup(url)
    from benchmarks import measure

    measure.prepare()
    rows = []
    for n in (1000, args.n):
        started = time.perf_counter()
        _fill(n, min(args.authors, n))
        print(f"{n:,} forecasts generated in {time.perf_counter() - started:.0f} s", flush=True)
        for page, numbers in _measure(args.repeat).items():
            rows.append((n, page, numbers))
            print(
                f"  N={n:,} {page}: cold {numbers['cold_ms']:.1f} ms, warm p50 {numbers['warm_p50_ms']:.2f} ms, "
                f"{numbers['warm_queries']} queries warm",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
