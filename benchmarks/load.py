"""A bounded local load test: gunicorn on PostgreSQL under wrk, 32 connections from 127.0.0.1.

    .venv/bin/python -m benchmarks.load
    .venv/bin/python -m benchmarks.load --forecasts 10000 --requests 10000 --database-url postgres://…/hindsight_load

It fills its own database (the name must contain "load"; it is emptied and refilled on every
run) with `import_forecasts` and creates a staff user with an API token. Then it collects the
static files, starts gunicorn with production settings (DEBUG off, config/gunicorn.py) on a free
port, waits for /healthz, and signs in at /admin/login/ as a browser does (CSRF cookie and
token). For each target it checks that one request answers 200 with the real page (not the
login page), then runs wrk until the target has answered --requests requests;
benchmarks/wrk_report.lua counts every status other than 200 as an error. It prints markdown
tables, writes all numbers to var/load-<time>.json, stops gunicorn (also on Ctrl-C or SIGTERM)
and exits 1 if any target had an error or too few requests.

Every request carries `X-Forwarded-Proto: https`, as from the TLS proxy in front of production;
gunicorn trusts it from 127.0.0.1 (FORWARDED_ALLOW_IPS), so the HTTPS-only settings stay on. The
API's per-user throttle is raised for the run (API_THROTTLE_USER): above 1,200 requests a minute
the API answers 429 by design.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import io
import json
import math
import os
import platform
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from benchmarks.run import ROOT, django_setup, ensure_database

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/hindsight_load"
WRK_SCRIPT = Path(__file__).resolve().parent / "wrk_report.lua"
GUNICORN_CONFIG = ROOT / "config" / "gunicorn.py"
REPORT_MARKER = "WRK_REPORT_JSON "
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
ADMIN_USERNAME = "load-admin"
TAGS = ("economy", "trade", "elections", "security", "energy", "climate", "health", "technology")
REVIEWERS = 5
FORECASTS_PER_ARTICLE = 50


TARGETS = ("api", "author", "admin", "index")
DEFAULT_TARGETS = ["api", "author", "admin"]


@dataclass
class Target:
    name: str
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    # Every one of these must be in the body of a 200 answer, so that the run measures the real page.
    expect: tuple[str, ...] = ()
    refuse: tuple[str, ...] = ()


# Data ------------------------------------------------------------------------------------------


def load_rows(count: int, *, authors: int, resolved_share: float, today: datetime.date) -> Iterator[dict]:
    """Rows in the export_forecasts format: the benchmark's synthetic archive, of which the first
    `resolved_share` stay resolved and the rest are open (review date after `today`), with a
    topic and one of a few reviewers each."""
    from benchmarks import synthetic

    resolved = round(count * resolved_share)
    for i, row in enumerate(synthetic.export_file_rows(count, authors=authors)):
        row["tags"] = [TAGS[i % len(TAGS)]]
        row["reviewer"] = f"load-reviewer-{i % REVIEWERS}"
        if i >= resolved:
            review_on = today + datetime.timedelta(days=30 + i % 700)
            row.update(
                status="open",
                outcome=None,
                evidence_url="",
                deadline=review_on.isoformat(),
                review_on=review_on.isoformat(),
            )
        yield row


def fill_database(*, forecasts: int, authors: int, resolved_share: float) -> dict:
    """Empty the load database and import the forecasts through the real import_forecasts command."""
    from django.core.management import call_command
    from django.db import connection

    from benchmarks import synthetic
    from forecasts import transfer
    from forecasts.models import Forecast, Status
    from sources.models import Author, Source

    call_command("migrate", verbosity=0)
    synthetic.truncate()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "load-forecasts.json"
        today = datetime.date.today()
        with path.open("w", encoding="utf-8") as handle:
            transfer.write_json(
                load_rows(forecasts, authors=authors, resolved_share=resolved_share, today=today), handle
            )
        call_command("import_forecasts", str(path), "--create-reviewers", stdout=io.StringIO())
    synthetic.analyze()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        (database_bytes,) = cursor.fetchone()
    return {
        "forecasts": Forecast.objects.count(),
        "resolved": Forecast.objects.filter(status=Status.RESOLVED).count(),
        "open": Forecast.objects.filter(status=Status.OPEN).count(),
        "authors": Author.objects.count(),
        "articles": Source.objects.count(),
        "history_rows": Forecast.history.count(),
        "database_mb": round(database_bytes / 2**20, 1),
        "fill_seconds": round(time.perf_counter() - started, 1),
    }


def staff_user_with_token() -> tuple[str, str, str]:
    """The load test's superuser with a fresh random password, and its API token."""
    from django.contrib.auth import get_user_model
    from rest_framework.authtoken.models import Token

    password = secrets.token_urlsafe(24)
    user, _ = get_user_model().objects.get_or_create(
        username=ADMIN_USERNAME, defaults={"email": f"{ADMIN_USERNAME}@example.org"}
    )
    user.is_staff = user.is_superuser = user.is_active = True
    user.set_password(password)
    user.save()
    token, _ = Token.objects.get_or_create(user=user)
    return ADMIN_USERNAME, password, token.key


def an_author_with_a_scorecard() -> int:
    from forecasts.models import Forecast, Status

    return Forecast.objects.filter(status=Status.RESOLVED).order_by("author_id").values_list("author_id", flat=True)[0]


def load_targets(token: str, session: str, author: int) -> dict[str, Target]:
    """What is loaded, by the short names of --only, and what its real page contains."""
    return {
        "api": Target(
            "API /api/forecasts/",
            "/api/forecasts/",
            headers={"Authorization": f"Token {token}"},
            expect=('"results":', '"next":', '"claim":'),
        ),
        "author": Target(
            f"Author scorecard /scorecards/author/{author}/",
            f"/scorecards/author/{author}/",
            expect=("Brier", "<svg"),
        ),
        "admin": Target(
            "Admin changelist /admin/forecasts/forecast/",
            "/admin/forecasts/forecast/",
            headers={"Cookie": f"sessionid={session}"},
            expect=('id="result_list"', "Imported claim"),
            refuse=('id="login-form"',),
        ),
        "index": Target("Scorecards overview /scorecards/", "/scorecards/", expect=("Brier", "<svg")),
    }


# HTTP ------------------------------------------------------------------------------------------


def request(
    port: int, method: str, path: str, *, headers: dict[str, str] | None = None, body: bytes | None = None
) -> tuple[int, dict[str, list[str]], bytes]:
    """One request without following redirects; headers come back as name (lower case) -> values."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers={**PROXY_HEADERS, **(headers or {})})
        response = connection.getresponse()
        answer: dict[str, list[str]] = {}
        for name, value in response.getheaders():
            answer.setdefault(name.lower(), []).append(value)
        return response.status, answer, response.read()
    finally:
        connection.close()


def cookies_of(headers: dict[str, list[str]]) -> dict[str, str]:
    jar = SimpleCookie()
    for value in headers.get("set-cookie", []):
        jar.load(value)
    return {name: morsel.value for name, morsel in jar.items()}


def sign_in(port: int, username: str, password: str) -> str:
    """Sign in at /admin/login/ as a browser does; returns the session cookie's value.

    The session and CSRF cookies are Secure under production settings, so they are carried by
    hand over the plain-HTTP hop the TLS proxy would make."""
    status, headers, body = request(port, "GET", "/admin/login/")
    if status != 200:
        raise SystemExit(f"GET /admin/login/ answered {status}, not the login form.")
    csrf_cookie = cookies_of(headers).get("csrftoken")
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if not csrf_cookie or not match:
        raise SystemExit("The login form came without a CSRF cookie or token.")
    origin = f"https://127.0.0.1:{port}"
    form = urlencode(
        {
            "csrfmiddlewaretoken": match.group(1).decode(),
            "username": username,
            "password": password,
            "next": "/admin/",
        }
    ).encode()
    status, headers, _ = request(
        port,
        "POST",
        "/admin/login/",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf_cookie}",
            "Origin": origin,
            "Referer": f"{origin}/admin/login/",
        },
        body=form,
    )
    session = cookies_of(headers).get("sessionid")
    if status != 302 or not session:
        raise SystemExit(f"Signing in at /admin/login/ answered {status} without a session; expected a 302.")
    return session


def check_target(port: int, target: Target) -> int:
    """One request must answer 200 with the real page; returns the body's size."""
    status, _, body = request(port, "GET", target.path, headers=target.headers)
    text = body.decode("utf-8", errors="replace")
    missing = [needle for needle in target.expect if needle not in text]
    present = [needle for needle in target.refuse if needle in text]
    if status != 200 or missing or present:
        raise SystemExit(
            f"{target.name}: GET {target.path} answered {status}"
            + (f", missing {missing}" if missing else "")
            + (f", containing {present}" if present else "")
            + f"; not the page to measure:\n{text[:500]}"
        )
    return len(body)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# gunicorn --------------------------------------------------------------------------------------


def server_environment(base: dict[str, str], database_url: str, port: int, args: argparse.Namespace) -> dict[str, str]:
    """Production settings (`base` is the environment this command was started with)."""
    environment = dict(base)
    environment.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        # The load test is one user asking a million times a minute; the production rate
        # (1200/minute) would rightly answer most of it with 429.
        API_THROTTLE_USER="1000000/minute",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        # Its own copy of the static files, so the checkout's staticfiles/ is left as it is.
        STATIC_ROOT=str(ROOT / "var" / "load-static"),
    )
    if args.workers:
        environment["WEB_CONCURRENCY"] = str(args.workers)
    if args.conn_max_age is not None:
        environment["CONN_MAX_AGE"] = str(args.conn_max_age)
    if not GUNICORN_CONFIG.exists():
        # gunicorn trusts X-Forwarded-Proto from 127.0.0.1 only when told so (config/gunicorn.py
        # does); without it, Django has to.
        environment["BEHIND_HTTPS_PROXY"] = "1"
    return environment


def gunicorn_command(port: int, args: argparse.Namespace) -> list[str]:
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    if GUNICORN_CONFIG.exists():
        return [gunicorn, "-c", str(GUNICORN_CONFIG.relative_to(ROOT)), "config.wsgi"]
    # Before config/gunicorn.py existed: the same shape by flags.
    workers = args.workers or 2 * (os.cpu_count() or 1) + 1
    return [gunicorn, "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "config.wsgi"]


def collect_static(environment: dict[str, str]) -> None:
    """Without DEBUG, pages refer to the hashed names of the static files' manifest."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )


def wait_healthy(port: int, server: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with {server.returncode}; see {log}:\n{log.read_text()[-2000:]}")
        try:
            status, _, _ = request(port, "GET", "/healthz")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"/healthz did not answer 200 within {timeout:.0f} s; see {log}.")


def process_children(pid: int) -> list[int]:
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def gunicorn_settings(command: list[str], environment: dict[str, str]) -> dict[str, str]:
    """The configuration gunicorn resolves from the command and the environment."""
    result = subprocess.run(  # noqa: S603 - gunicorn, fixed arguments
        [*command[:-1], "--print-config", command[-1]], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    settings = dict(re.findall(r"^(\w+)\s+= (.*)$", result.stdout, flags=re.MULTILINE))
    return {
        key: settings.get(key, "?")
        for key in ("bind", "workers", "threads", "worker_class", "max_requests", "timeout", "keepalive")
    }


def _process_cpu(pid: int | str, *, reaped_children: bool) -> tuple[str, float]:
    """(command name, CPU seconds) of a process from /proc; with `reaped_children`, also the CPU
    of the children it has waited for, which the kernel adds to the parent when it reaps them."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return "", 0.0
    name = stat[stat.index("(") + 1 : stat.rindex(")")]
    fields = stat.rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime, stime
    if reaped_children:
        ticks += int(fields[13]) + int(fields[14])  # cutime, cstime
    return name, ticks / os.sysconf("SC_CLK_TCK")


def server_cpu_seconds(master: int) -> float:
    """CPU of gunicorn so far: the master, its live workers, and the workers it has already
    replaced (max_requests recycles them)."""
    return _process_cpu(master, reaped_children=True)[1] + sum(
        _process_cpu(worker, reaped_children=False)[1] for worker in process_children(master)
    )


def postgres_cpu_seconds() -> float:
    """CPU of every PostgreSQL process on the machine so far, backends that have exited included
    (the postmaster reaps them): the load test's share and whatever else uses the server."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            name, seconds = _process_cpu(entry.name, reaped_children=True)
            if name == "postgres":
                total += seconds
    return total


def machine_busy_seconds() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, over all cores."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    ticks = os.sysconf("SC_CLK_TCK")
    return (sum(values[:8]) - idle) / ticks, sum(values[:8]) / ticks


# wrk -------------------------------------------------------------------------------------------


def parse_wrk_report(output: str) -> dict:
    """The JSON line benchmarks/wrk_report.lua prints in done(), with the error total added:
    connect, read, write and timeout errors, and every answer other than 200."""
    lines = [line for line in output.splitlines() if line.startswith(REPORT_MARKER)]
    if len(lines) != 1:
        raise ValueError(f"expected one {REPORT_MARKER.strip()} line in wrk's output, found {len(lines)}:\n{output}")
    report = json.loads(lines[0][len(REPORT_MARKER) :])
    errors = report["errors"]
    errors["total"] = sum(errors[kind] for kind in ("connect", "read", "write", "timeout", "not_200"))
    return report


QUOTA_MARKER = "WRK_QUOTA_REACHED"


def run_wrk(url: str, target: Target, *, seconds: int, args: argparse.Namespace, requests: int = 0) -> dict:
    """wrk for `seconds`, or, with `requests`, until every thread has had its share of answers
    (the script says so on stdout; wrk stops and reports on SIGINT) and at most `seconds`."""
    command = [
        args.wrk,
        "--connections",
        str(args.connections),
        "--threads",
        str(args.threads),
        "--duration",
        f"{seconds}s",
        "--timeout",
        f"{args.timeout}s",
        "--script",
        str(WRK_SCRIPT),
    ]
    for name, value in {**PROXY_HEADERS, **target.headers}.items():
        command += ["--header", f"{name}: {value}"]
    command.append(url + target.path)
    if requests:
        command += ["--", str(math.ceil(requests / args.threads))]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    output = []
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as wrk:  # noqa: S603
        try:
            threads_done = 0
            for line in wrk.stdout:
                output.append(line)
                if line.strip() == QUOTA_MARKER:
                    threads_done += 1
                    if threads_done == args.threads:
                        wrk.send_signal(signal.SIGINT)
            stderr = wrk.stderr.read()
        except BaseException:  # Ctrl-C or SIGTERM: do not leave wrk loading the server
            wrk.kill()
            raise
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if wrk.returncode != 0:
        raise SystemExit(f"wrk failed ({wrk.returncode}):\n{''.join(output)}\n{stderr}")
    report = parse_wrk_report("".join(output))
    report["wrk_cpu_s"] = round((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), 2)
    return report


def measure_target(url: str, target: Target, server_pid: int, args: argparse.Namespace) -> dict:
    """A short warm-up, then load until the target has answered --requests requests."""
    warm_up = run_wrk(url, target, seconds=args.warm_up, args=args)
    server_before, postgres_before = server_cpu_seconds(server_pid), postgres_cpu_seconds()
    busy_before, total_before = machine_busy_seconds()
    report = run_wrk(url, target, seconds=args.max_seconds, requests=args.requests, args=args)
    busy_after, total_after = machine_busy_seconds()
    report["gunicorn_cpu_s"] = round(server_cpu_seconds(server_pid) - server_before, 2)
    report["postgres_cpu_s"] = round(postgres_cpu_seconds() - postgres_before, 2)
    report["machine_cpu_s"] = round(busy_after - busy_before, 2)
    report["machine_cpu_share"] = round((busy_after - busy_before) / max(total_after - total_before, 1e-9), 3)
    report["warm_up"] = {key: warm_up[key] for key in ("requests", "requests_per_s", "errors")}
    return report


# Report ----------------------------------------------------------------------------------------


def milliseconds(microseconds: float) -> str:
    return f"{microseconds / 1000:,.1f} ms"


def markdown_table(results: dict[str, dict]) -> str:
    header = ("Target", "Requests", "Errors", "Req/s", "p50", "p90", "p99", "Max")
    rows = [
        (
            name,
            f"{r['requests']:,}",
            f"{r['errors']['total']:,}",
            f"{r['requests_per_s']:,.0f}",
            milliseconds(r["latency_us"]["p50"]),
            milliseconds(r["latency_us"]["p90"]),
            milliseconds(r["latency_us"]["p99"]),
            milliseconds(r["latency_us"]["max"]),
        )
        for name, r in results.items()
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(8)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def cpu_table(results: dict[str, dict]) -> str:
    """Where each target's CPU went, per request, during its timed run (two cores make 2 s of CPU
    per second): gunicorn, PostgreSQL (every process on the machine), wrk, and everything else."""
    header = ("Target", "gunicorn", "PostgreSQL", "wrk", "Other processes", "Machine busy")
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 1)]
    for name, r in results.items():
        per_request = 1000 / max(r["requests"], 1)
        other = r["machine_cpu_s"] - r["gunicorn_cpu_s"] - r["postgres_cpu_s"] - r["wrk_cpu_s"]
        cells = [f"{r[key] * per_request:.1f} ms" for key in ("gunicorn_cpu_s", "postgres_cpu_s", "wrk_cpu_s")]
        cells += [f"{max(other, 0) * per_request:.1f} ms", f"{100 * r['machine_cpu_share']:.0f}%"]
        lines.append("| " + " | ".join([name, *cells]) + " |")
    return "\n".join(lines)


def failures(results: dict[str, dict], minimum_requests: int) -> list[str]:
    problems = []
    for name, r in results.items():
        if r["errors"]["total"]:
            problems.append(f"{name}: {r['errors']['total']} errors ({r['errors']})")
        if r["requests"] < minimum_requests:
            problems.append(f"{name}: {r['requests']:,} requests, fewer than {minimum_requests:,}")
    return problems


def machine_facts(database_url: str, wrk: str) -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        (postgres_version,) = cursor.fetchone()
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    wrk_version = subprocess.run([wrk, "--version"], capture_output=True, text=True, check=False).stdout  # noqa: S603
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gb": round(memory_kb / 2**20, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "postgresql": postgres_version,
        "wrk": wrk_version.split(" [", 1)[0].strip(),
        "load_average_before": os.getloadavg(),
        "database": urlsplit(database_url).path.lstrip("/"),
    }


# Main ------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--forecasts", type=int, default=10_000, help="Forecasts in the database (default 10,000).")
    parser.add_argument("--authors", type=int, default=300)
    parser.add_argument("--resolved-share", type=float, default=0.6, help="Share of the forecasts resolved.")
    parser.add_argument("--requests", type=int, default=10_000, help="At least this many requests per target.")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads.")
    parser.add_argument("--timeout", type=int, default=10, help="wrk's per-request timeout in seconds.")
    parser.add_argument("--warm-up", type=int, default=5, help="Seconds of load before each timed run.")
    parser.add_argument(
        "--max-seconds", type=int, default=1800, help="Stop a target's run after this long even if short of --requests."
    )
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: config/gunicorn.py's).")
    parser.add_argument(
        "--conn-max-age", type=int, help="CONN_MAX_AGE for gunicorn's workers (default: config/gunicorn.py's, 60)."
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=TARGETS,
        default=DEFAULT_TARGETS,
        help="Targets to load (default: %(default)s; 'index' is the /scorecards/ overview).",
    )
    parser.add_argument("--wrk", default=shutil.which("wrk") or "wrk")
    parser.add_argument("--json", type=Path, help="Where to write the numbers (default var/load-<time>.json).")
    args = parser.parse_args(argv)

    if "load" not in urlsplit(args.database_url).path.rsplit("/", 1)[-1]:
        raise SystemExit(
            f"Refusing to use {args.database_url}: the load test empties it; its name must contain 'load'."
        )
    if urlsplit(args.database_url).scheme not in ("postgres", "postgresql", "pgsql"):
        raise SystemExit("The load test runs on PostgreSQL, as production does.")
    if not shutil.which(args.wrk):
        print(
            "wrk is not installed. On Debian or Ubuntu: sudo apt-get install wrk (macOS: brew install wrk).",
            file=sys.stderr,
        )
        return 2

    # SIGTERM ends the run like Ctrl-C does: through the finally clauses that stop wrk and gunicorn.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    base_environment = dict(os.environ)  # before django_setup adds the benchmark's settings
    ensure_database(args.database_url)
    django_setup(args.database_url)
    started = datetime.datetime.now(datetime.UTC)
    facts = machine_facts(args.database_url, args.wrk)
    print(f"Filling {facts['database']} with {args.forecasts:,} forecasts over {args.authors:,} authors …", flush=True)
    data = fill_database(forecasts=args.forecasts, authors=args.authors, resolved_share=args.resolved_share)
    print(f"  {data}", flush=True)
    username, password, token = staff_user_with_token()
    author = an_author_with_a_scorecard()
    from django.db import connection

    connection.close()  # gunicorn's workers are the ones to use the database from here on

    port = free_port()
    environment = server_environment(base_environment, args.database_url, port, args)
    collect_static(environment)
    (ROOT / "var").mkdir(exist_ok=True)
    log_path = ROOT / "var" / "load-gunicorn.log"
    command = gunicorn_command(port, args)
    with log_path.open("w") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    results: dict[str, dict] = {}
    try:
        wait_healthy(port, server, log_path)
        session = sign_in(port, username, password)
        server_facts = {
            "command": "gunicorn " + " ".join(command[1:]),
            **gunicorn_settings(command, environment),
            "workers_running": len(process_children(server.pid)),
            "conn_max_age": environment.get("CONN_MAX_AGE", "60 (config/gunicorn.py's default)"),
        }
        print(f"gunicorn on 127.0.0.1:{port}: {server_facts}", flush=True)
        targets = [target for key, target in load_targets(token, session, author).items() if key in args.only]
        url = f"http://127.0.0.1:{port}"
        for target in targets:
            size = check_target(port, target)
            print(f"{target.name}: 200, {size:,} bytes; loading …", flush=True)
            results[target.name] = measure_target(url, target, server.pid, args)
            results[target.name]["page_bytes"] = size
            r = results[target.name]
            print(
                f"  {r['requests']:,} requests in {r['duration_s']:.0f} s, {r['requests_per_s']:,.0f}/s, "
                f"{r['errors']['total']} errors, p50 {milliseconds(r['latency_us']['p50'])}, "
                f"p99 {milliseconds(r['latency_us']['p99'])}; CPU seconds: gunicorn {r['gunicorn_cpu_s']:.0f}, "
                f"PostgreSQL {r['postgres_cpu_s']:.0f}, wrk {r['wrk_cpu_s']:.0f}, machine {r['machine_cpu_s']:.0f}",
                flush=True,
            )
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    problems = failures(results, args.requests)
    output = args.json or ROOT / "var" / f"load-{started:%Y%m%dT%H%M%S}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        json.dumps(
            {
                "started": started.isoformat(),
                "settings": {key: value for key, value in vars(args).items() if key not in ("json", "wrk")},
                "machine": facts,
                "data": data,
                "server": server_facts,
                "results": results,
                "problems": problems,
            },
            indent=2,
            default=str,
        )
    )
    print()
    print(
        f"Hindsight load test: {data['forecasts']:,} forecasts ({data['database_mb']} MB), gunicorn "
        f"{server_facts['workers']} workers x {server_facts['threads']} thread(s), "
        f"wrk -c {args.connections} -t {args.threads} from 127.0.0.1, {facts['cpus']} CPUs"
    )
    print(markdown_table(results))
    print()
    print("CPU per request (user + system) during the timed runs:")
    print(cpu_table(results))
    print(f"Numbers: {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    if problems:
        print("FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
