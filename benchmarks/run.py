"""Hindsight at scale: one run that generates N synthetic forecasts and prints the table of docs/performance.md.

    .venv/bin/python -m benchmarks.run --database postgres --n 100000
    .venv/bin/python -m benchmarks.run --database postgres --n 1000000
    .venv/bin/python -m benchmarks.run --database sqlite --n 100000

It only ever uses its own databases (hindsight_bench and hindsight_bench_import on PostgreSQL,
var/bench*.sqlite3 for SQLite; --database-url, or BENCH_DATABASE_URL / BENCH_IMPORT_DATABASE_URL,
override them, but the database name must contain "bench"), empties them, and creates them when
missing. --events links every forecast to one of that many events (PostgreSQL), as
`benchmarks.events` does; --reuse measures again on the rows of an earlier run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("pages", "scorecards", "flagging", "reminders", "import")
PG_URL = "postgres://postgres@127.0.0.1:5432/hindsight_bench"
PG_IMPORT_URL = "postgres://postgres@127.0.0.1:5432/hindsight_bench_import"


def database_urls(kind: str, main_url: str | None = None) -> tuple[str, str]:
    if main_url:
        main = main_url
        imported = os.environ.get("BENCH_IMPORT_DATABASE_URL", main_url + "_import")
    elif kind == "postgres":
        main = os.environ.get("BENCH_DATABASE_URL", PG_URL)
        imported = os.environ.get("BENCH_IMPORT_DATABASE_URL", PG_IMPORT_URL)
    else:
        main = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
        imported = os.environ.get("BENCH_IMPORT_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-import.sqlite3'}")
    for url in (main, imported):
        if "bench" not in Path(urlsplit(url).path).name:
            raise SystemExit(f"Refusing to use {url}: a benchmark database's name must contain 'bench'.")
    return main, imported


def ensure_database(url: str) -> None:
    """Create a missing PostgreSQL database (SQLite creates its file itself)."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        (ROOT / "var").mkdir(exist_ok=True)
        return
    import psycopg
    from psycopg import sql

    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl().replace("pgsql://", "postgresql://", 1)
    with psycopg.connect(admin_url, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def bench_environment(url: str) -> dict[str, str]:
    """Production-like settings: without DEBUG, Django would also keep every SQL statement in
    memory, which distorts both the timings and the import's memory."""
    return {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "benchmark-only-" + os.urandom(16).hex(),
        "SESSION_COOKIE_SECURE": "0",
        "CONN_MAX_AGE": "600",
    }


def django_setup(url: str) -> None:
    os.environ.update(bench_environment(url))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def paired_ratio(subject: Callable[[], object], baseline: Callable[[], object], repeat: int) -> dict:
    """Median times and the median of per-round ratios, subject and baseline run back to back so
    that load from elsewhere on the machine hits both alike."""
    subject()
    baseline()  # warm caches and connections
    subject_times, baseline_times, ratios = [], [], []
    for _ in range(repeat):
        (b,) = timed(baseline, 1)
        (s,) = timed(subject, 1)
        subject_times.append(s)
        baseline_times.append(b)
        ratios.append(s / b)
    return {
        "subject_ms": 1000 * statistics.median(subject_times),
        "baseline_ms": 1000 * statistics.median(baseline_times),
        "ratio": statistics.median(ratios),
    }


class Report:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []
        self.data: dict[str, object] = {}

    def add(self, what: str, ratio: str, target: str, detail: str) -> None:
        self.rows.append((what, ratio, target, detail))
        print(f"  {what}: {ratio} (target {target}) — {detail}", flush=True)

    def table(self) -> str:
        header = ("Measurement", "Ratio", "Target", "Numbers")
        widths = [max(len(r[i]) for r in [header, *self.rows]) for i in range(4)]
        lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
        lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in self.rows]
        return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument(
        "--database-url", help="The benchmark database (its name must contain 'bench'); the import's gets '_import'."
    )
    parser.add_argument("--n", type=int, default=100_000, help="Forecasts in the big table (default 100,000).")
    parser.add_argument("--authors", type=int, default=1000)
    parser.add_argument("--small", type=int, default=1000, help="Rows of the small table for the list pages.")
    parser.add_argument("--repeat", type=int, default=7, help="Timed rounds per measurement (medians).")
    parser.add_argument(
        "--import-n", type=int, help="Rows of the bigger import file (default: N, at most 100,000); also N/10."
    )
    parser.add_argument("--skip-naive", action="store_true", help="Leave out the ORM + scikit-learn path.")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=SECTIONS,
        default=SECTIONS,
        help="Measure only these (the table of N rows is generated in any case).",
    )
    parser.add_argument("--json", type=Path, help="Also write the numbers as JSON to this file.")
    parser.add_argument(
        "--events", type=int, default=0, help="Link every forecast to one of this many events (PostgreSQL only)."
    )
    parser.add_argument(
        "--reuse", action="store_true", help="Keep the rows of an earlier run with the same --n (and --events)."
    )
    args = parser.parse_args(argv)
    if args.events and args.database != "postgres":
        parser.error("--events needs --database postgres.")

    main_url, import_url = database_urls(args.database, args.database_url)
    ensure_database(main_url)
    django_setup(main_url)

    from benchmarks import measure

    report = Report()
    started = time.perf_counter()
    print(f"Hindsight benchmark: {args.database}, N={args.n:,}, {args.authors:,} authors", flush=True)
    reused = args.reuse and measure.has_rows(n=args.n, events=args.events)
    if reused:
        print("  measuring the rows of an earlier run", flush=True)
        measure.prepare(empty=False)
        if "pages" in args.only:
            parser.error("--reuse cannot measure the list pages, which need the small table first.")
    else:
        measure.prepare()
        measure.list_pages_and_scale(
            report, n=args.n, small=args.small, authors=args.authors, repeat=args.repeat, pages="pages" in args.only
        )
        if args.events:
            measure.link_events(report, events=args.events)
    if "scorecards" in args.only:
        measure.scorecards(report, repeat=args.repeat, naive=not args.skip_naive)
    if "flagging" in args.only:
        measure.flagging(report, n=args.n, repeat=args.repeat)
    if "reminders" in args.only:
        measure.reminders(report)
    if "import" in args.only and not args.skip_import:
        import_n = args.import_n or min(args.n, 100_000)
        import_runs(report, import_url, sizes=(max(import_n // 10, 100), import_n), authors=args.authors)
        judged(report, import_url, repeat=args.repeat)
    report.data["seconds"] = time.perf_counter() - started
    print()
    print(f"Hindsight benchmark: {args.database}, N={args.n:,}; took {report.data['seconds']:.0f} s")
    print(report.table())
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"rows": report.rows, **report.data}, indent=2, default=str))
    return 0


def _subprocess(module: str, url: str, *args: str) -> dict:
    env = bench_environment(url)
    result = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", module, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{module} {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def import_runs(report: Report, url: str, *, sizes: tuple[int, int], authors: int) -> None:
    """import_forecasts on files of two sizes, each in a fresh process on an emptied database."""
    ensure_database(url)
    results = {size: _subprocess("benchmarks.importing", url, str(size), str(authors)) for size in sizes}
    small, large = (results[size] for size in sizes)
    report.data["import"] = results
    for step in ("read", "check", "write"):
        growth = large[f"{step}_peak_mb"] / max(small[f"{step}_peak_mb"], 0.001)
        report.add(
            f"import_forecasts peak memory, {step} step, {sizes[1]:,} vs {sizes[0]:,} rows",
            f"{growth:.2f}x",
            "flat (~1x)",
            f"{small[f'{step}_peak_mb']:.1f} MB vs {large[f'{step}_peak_mb']:.1f} MB (tracemalloc)",
        )
    report.add(
        f"import_forecasts rate, {sizes[1]:,} rows",
        f"{large['rows_per_second']:,.0f} rows/s",
        "-",
        f"{large['command_seconds']:.1f} s for the command (check + write); "
        f"{small['rows_per_second']:,.0f} rows/s at {sizes[0]:,}; "
        f"peak RSS of the command process {large['maxrss_mb']:.0f} MB",
    )


def judged(report: Report, url: str, *, repeat: int) -> None:
    """The issue's criterion on the database that the bigger import just filled."""
    result = _subprocess("benchmarks.judged", url, str(repeat))
    report.data["judged"] = result
    rows = result["rows"]
    report.add(
        f"scorecard --format json vs floor, {rows:,} imported",
        f"{result['overall']['ratio']:.2f}x",
        "<= 1.0x",
        f"{result['overall']['subject_ms']:.0f} ms vs {result['overall']['baseline_ms']:.0f} ms",
    )
    report.add(
        f"scorecard --by author --format json vs floor, {rows:,} imported",
        f"{result['by_author']['ratio']:.2f}x",
        "<= 1.5x",
        f"{result['by_author']['subject_ms']:.0f} ms vs {result['by_author']['baseline_ms']:.0f} ms",
    )


if __name__ == "__main__":
    sys.exit(main())
