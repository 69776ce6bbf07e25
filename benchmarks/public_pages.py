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
import contextlib
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


@contextlib.contextmanager
def _counting():
    """The statements a request runs. Not CaptureQueriesContext: a request's start empties the
    connection's query log, which would make its count short by the queries run before."""
    from django.db import connection

    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        yield statements


def _measure(repeat: int) -> dict[str, dict]:
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from forecasts.models import Forecast, Status

    forecast = Forecast.objects.filter(status=Status.OPEN).order_by("pk").first()
    # A word of one claim (its number): the search finds a needle, through the full-text index.
    word = next(token for token in forecast.claim.split() if token.isdigit())
    pages = {
        "overview": reverse("scorecards:index"),
        "pundit": reverse("scorecards:detail", args=["author", forecast.author_id]),
        "forecast": forecast.get_absolute_url(),
        "search": f"{reverse('public:search')}?q={word}",
    }
    client = Client()
    results = {}
    for name, url in pages.items():
        start = time.perf_counter()
        with _counting() as cold_queries:
            cold = client.get(url, secure=True)
        cold_ms = 1000 * (time.perf_counter() - start)
        assert cold.status_code == 200, (url, cold.status_code)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            response = client.get(url, secure=True)
            times.append(1000 * (time.perf_counter() - start))
            assert response.status_code == 200
        with _counting() as queries:
            client.get(url, secure=True)
        results[name] = {
            "cold_ms": cold_ms,
            "cold_queries": len(cold_queries),
            "warm_p50_ms": statistics.median(times),
            "warm_queries": len(queries),
        }
    if connection.vendor == "postgresql":
        from forecasts.public import selectors

        found = selectors.search_site(word).forecasts[: pages_module().CALLS_PER_PAGE]
        start = time.perf_counter()
        rows = len(list(found))
        results["search"]["query_ms"] = 1000 * (time.perf_counter() - start)
        results["search"]["rows"] = rows
        results["search"]["plan"] = found.explain(analyze=True)
    return results


def pages_module():
    from forecasts.public import pages

    return pages


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
                f"  N={n:,} {page}: cold {numbers['cold_ms']:.1f} ms ({numbers['cold_queries']} queries), "
                f"warm p50 {numbers['warm_p50_ms']:.2f} ms, {numbers['warm_queries']} queries warm",
                flush=True,
            )
            if "plan" in numbers:
                print(f"  search query ({numbers['rows']} rows): {numbers['query_ms']:.1f} ms\n{numbers['plan']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
