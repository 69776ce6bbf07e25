"""Reproduce the "How it is judged" scenario of the reminders, end to end, and print the numbers.

    .venv/bin/python benchmarks/reminders_demo.py        # PostgreSQL + Redis on 127.0.0.1
    DATABASE_URL=sqlite:////tmp/demo.sqlite3 CELERY_BROKER_URL=filesystem:// \
        .venv/bin/python benchmarks/reminders_demo.py    # the embedded defaults

Each scenario starts from an empty database (DATABASE_URL, default a `hindsight_reminders_demo`
database that this script drops and re-creates), imports 200 due forecasts over 20 reviewers with
`manage.py import_forecasts`, runs a real worker (`celery -A config worker --concurrency 2`)
with EMAIL_URL pointing at an SMTP server in this process, and enqueues send_review_reminders
three times at once (three `manage.py send_review_reminders --enqueue` processes).

1. "three at once": exactly 20 emails, one per reviewer, each listing its 10 forecasts once.
2. "kill and restart": the worker is killed (SIGKILL to its main process) while two emails are
   in flight, then started again; what was missing is delivered and nothing twice.
"""

import asyncio
import datetime
import email
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from email import policy
from pathlib import Path

from aiosmtpd.controller import Controller

# This script only ever runs this interpreter with fixed arguments.
# ruff: noqa: S603

BASE_DIR = Path(__file__).resolve().parent.parent
REVIEWERS = 20
FORECASTS_EACH = 10
PYTHON = sys.executable


class SmtpSink:
    def __init__(self):
        self.messages = []
        self.in_flight = 0
        self.delay = 0.0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.in_flight += 1
        try:
            if self.delay:
                await asyncio.sleep(self.delay)  # cancelled if the client vanishes: not accepted
            with self.lock:
                self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        finally:
            with self.lock:
                self.in_flight -= 1
        return "250 OK"

    def count(self) -> int:
        with self.lock:
            return len(self.messages)

    def report(self) -> dict:
        with self.lock:
            per_recipient = Counter(m["To"] for m in self.messages)
            listed = Counter()
            for m in self.messages:
                text = m.get_body(("plain",)).get_content().replace("\r\n", "\n")
                listed.update((m["To"], line) for line in text.splitlines() if line.startswith("* Demo claim"))
        return {
            "emails": sum(per_recipient.values()),
            "reviewers_emailed": len(per_recipient),
            "reviewers_emailed_twice": sum(1 for n in per_recipient.values() if n > 1),
            "forecast_listings": sum(listed.values()),
            "forecasts_listed_twice": sum(1 for n in listed.values() if n > 1),
        }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def base_env() -> dict:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hindsight_reminders_demo")
    env.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
    env.update(
        DEBUG="1",
        HINDSIGHT_VAR_DIR=str(Path(tempfile.mkdtemp(prefix="hindsight-demo-"))),
        CELERY_TASK_DEFAULT_QUEUE=f"hindsight-demo-{uuid.uuid4().hex[:8]}",
        REMINDER_CATCH_UP_ON_START="0",
        LOG_LEVEL="WARNING",
    )
    return env


def reset_database(env: dict) -> None:
    url = env["DATABASE_URL"]
    if url.startswith("sqlite"):
        path = Path(url.split("sqlite://", 1)[1])
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        import psycopg

        name = url.rsplit("/", 1)[1]
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
    manage(env, "migrate", "--noinput")


def manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def due_forecast_rows(*, reviewers: int, each: int, label: str, review_on: datetime.date) -> list[dict]:
    """Rows in the export format: `each` open forecasts per reviewer, due since `review_on`."""
    return [
        {
            "source_title": f"{label} article {r}",
            "source_url": f"https://example.org/{label.lower()}/{r}",
            "publication": f"{label} Review",
            "author": f"Pundit {r}",
            "quote": f"{label} quote {r}-{i}: it will likely happen.",
            "claim": f"{label} claim {r:03d}-{i:02d} comes true",
            "estimative_phrase": "will likely",
            "probability": 0.675,
            "probability_basis": "phrase",
            "made_on": "2023-01-15",
            "deadline": (review_on - datetime.timedelta(days=1)).isoformat(),
            "review_on": review_on.isoformat(),
            "resolution_criteria": "The official annual figure.",
            "status": "open",
            "reviewer": f"reviewer{r:03d}",
            "tags": [label.lower()],
        }
        for r in range(reviewers)
        for i in range(each)
    ]


def import_due_forecasts(env: dict) -> None:
    review_on = datetime.date.today() - datetime.timedelta(days=3)
    rows = due_forecast_rows(reviewers=REVIEWERS, each=FORECASTS_EACH, label="Demo", review_on=review_on)
    path = Path(env["HINDSIGHT_VAR_DIR"]) / "forecasts.json"
    path.write_text(json.dumps(rows))
    # The reviewers' invitations go to the console: the SMTP sink counts reminders only.
    manage({**env, "EMAIL_URL": "consolemail://"}, "import_forecasts", str(path), "--create-reviewers")


def pending_digests(env: dict) -> int:
    out = manage(
        env,
        "shell",
        "-c",
        "from forecasts.models import ReminderDigest; print(ReminderDigest.objects.pending().count())",
    )
    return int(out.strip().splitlines()[-1])


def start_worker(env: dict, log: Path, **extra) -> subprocess.Popen:
    command = [PYTHON, "-m", "celery", "-A", "config", "worker", "-n", "demo@%h", "--concurrency", "2"]
    command += ["--without-gossip", "--without-mingle"]
    # LOG_LEVEL, not --loglevel, sets a worker's level (config/celery.py); INFO logs "ready.".
    process = subprocess.Popen(
        command, cwd=BASE_DIR, env={**env, "LOG_LEVEL": "INFO", **extra}, stdout=log.open("a"), stderr=subprocess.STDOUT
    )
    try:
        wait_for(lambda: " ready." in log.read_text(), "the worker to start", 60)
    except BaseException:
        # A worker that never said "ready." must not outlive the demo (SIGTERM stops its pool too).
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        raise
    return process


def enqueue_three_at_once(env: dict) -> None:
    runs = [
        subprocess.Popen([PYTHON, "manage.py", "send_review_reminders", "--enqueue"], cwd=BASE_DIR, env=env)
        for _ in range(3)
    ]
    for run in runs:
        run.wait()


def wait_for(condition, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"Gave up waiting for {what}.")
        time.sleep(0.05)


def settle(sink: SmtpSink, env: dict) -> None:
    wait_for(lambda: sink.count() >= REVIEWERS and sink.in_flight == 0, f"{REVIEWERS} emails")
    wait_for(lambda: pending_digests(env) == 0, "no pending digests")
    time.sleep(3)  # long enough for any duplicate to show up


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def scenario_three_at_once(env: dict, sink: SmtpSink, log: Path) -> dict:
    reset_database(env)
    import_due_forecasts(env)
    worker = start_worker(env, log)
    started = time.monotonic()
    try:
        enqueue_three_at_once(env)
        settle(sink, env)
        seconds = time.monotonic() - started - 3
    finally:
        stop(worker)
    return {**sink.report(), "seconds_to_deliver": round(seconds, 1)}


def scenario_kill_and_restart(env: dict, sink: SmtpSink, log: Path) -> dict:
    reset_database(env)
    import_due_forecasts(env)
    sink.delay = 0.4
    worker = start_worker(env, log)
    enqueue_three_at_once(env)
    wait_for(lambda: sink.count() >= 5 and sink.in_flight == 2, "emails in flight")
    worker.send_signal(signal.SIGKILL)  # the pool children follow (PR_SET_PDEATHSIG)
    worker.wait()
    before_kill = sink.count()
    time.sleep(0.5)
    sink.delay = 0.0
    restarted = time.monotonic()
    worker = start_worker(env, log, REMINDER_CATCH_UP_ON_START="1", REMINDER_HOUR="0")
    try:
        settle(sink, env)
        seconds = time.monotonic() - restarted - 3
    finally:
        stop(worker)
    return {
        **sink.report(),
        "delivered_before_kill": before_kill,
        "delivered_after_restart": sink.count() - before_kill,
        "seconds_from_restart_to_complete": round(seconds, 1),
    }


def main() -> None:
    env = base_env()
    log = Path(env["HINDSIGHT_VAR_DIR"]) / "worker.log"
    print(f"Database {env['DATABASE_URL']}, broker {env['CELERY_BROKER_URL']}, worker log {log}")
    for name, scenario in (("three at once", scenario_three_at_once), ("kill and restart", scenario_kill_and_restart)):
        sink = SmtpSink()
        controller = Controller(sink, hostname="127.0.0.1", port=free_port())
        controller.start()
        try:
            result = scenario({**env, "EMAIL_URL": f"smtp://127.0.0.1:{controller.port}"}, sink, log)
        finally:
            controller.stop()
        ok = (
            result["emails"] == REVIEWERS
            and result["reviewers_emailed"] == REVIEWERS
            and result["forecast_listings"] == REVIEWERS * FORECASTS_EACH
            and result["forecasts_listed_twice"] == 0
        )
        print(f"{name}: {'OK' if ok else 'FAILED'} {json.dumps(result)}")


if __name__ == "__main__":
    main()
