"""Faults: reminder runs survive a dropping mail server, a Redis restart and a PostgreSQL restart.

    .venv/bin/python -m benchmarks.faults smtp-drop   # SMTP server drops the first connections
    .venv/bin/python -m benchmarks.faults redis       # private redis-server restarted with tasks queued
    .venv/bin/python -m benchmarks.faults postgres    # private PostgreSQL restarted mid-run
    .venv/bin/python -m benchmarks.faults all

Every scenario runs on private services only: a PostgreSQL cluster initialised in a temporary
folder and a redis-server, each on a free port, started and stopped by this script (the machine's
5432 and 6379 are never touched). Each imports due forecasts for many reviewers with
`manage.py import_forecasts`, starts a real `celery -A config worker`, points EMAIL_URL at the
SMTP server below, runs `send_review_reminders`, injects the fault, waits for recovery and
checks: every reviewer got exactly one digest, none twice, every digest is recorded as sent,
every forecast was reminded once. It prints the measured counts and exits non-zero on a failure.

Needs redis-server and PostgreSQL 15's binaries (/usr/lib/postgresql/15/bin); as root, the
cluster runs as the `postgres` user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import argparse
import datetime
import email
import json
import os
import shutil
import signal
import socket
import socketserver
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, deque
from dataclasses import dataclass, field
from email import policy
from pathlib import Path

from benchmarks.reminders_demo import due_forecast_rows, manage

# This script only runs this interpreter, redis-server and PostgreSQL's tools with fixed arguments.
# ruff: noqa: S603, S607

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


# An SMTP server that drops connections -----------------------------------------------------------

# Where a faulty connection is dropped, in the order of an SMTP transaction.
CONNECT = "connect"  # TCP accepted, closed before the 220 greeting
SILENT = "silent"  # TCP accepted, never a word: the client's EMAIL_TIMEOUT runs out
EHLO = "ehlo"  # greeting sent, closed on EHLO
MAIL = "mail"  # closed on MAIL FROM
RCPT_RESET = "rcpt-reset"  # reset (RST, not FIN) on RCPT TO
DATA_BEFORE_REPLY = "data-before-reply"  # whole message received, closed before "250": not accepted
DATA_AFTER_REPLY = "data-after-reply"  # "250" sent (accepted), then closed before QUIT
# A server that keeps a message it never confirmed (RFC 1047's duplicate problem): the client
# cannot know the message arrived, retries, and the reviewer gets a second copy. No client can
# prevent that; the stable Message-ID lets the receiving side drop it.
DATA_KEPT_BEFORE_REPLY = "data-kept-before-reply"

RETRIED_FAULTS = (CONNECT, SILENT, EHLO, MAIL, RCPT_RESET, DATA_BEFORE_REPLY)
ALL_FAULTS = (*RETRIED_FAULTS, DATA_AFTER_REPLY)


@dataclass
class SmtpConnection:
    fault: str | None
    recipients: list[str] = field(default_factory=list)
    accepted: bool = False


class DroppingSmtpServer:
    """A small ESMTP server on 127.0.0.1 (a raw socket server, so that it can drop a connection at
    any point of the dialogue): the first connections get the faults given, one each, in order;
    after that it accepts mail like a real server. A message counts as delivered when the server
    answered its DATA with 250 (or, for DATA_KEPT_BEFORE_REPLY, when it kept it without saying so).
    """

    def __init__(self, faults=(), silent_seconds: float = 30.0, delay: float = 0.0):
        self.faults = deque(faults)
        self.silent_seconds = silent_seconds
        # Seconds the server takes to accept a message (a slow server keeps a run going long
        # enough to restart something in the middle of it).
        self.delay = delay
        self.messages: list[email.message.EmailMessage] = []
        self.connections: list[SmtpConnection] = []
        self.lock = threading.Lock()
        server = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                server._converse(self)

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._tcp = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._tcp.daemon_threads = True
        self.port = self._tcp.server_address[1]
        self._thread = threading.Thread(target=self._tcp.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._tcp.shutdown()
        self._tcp.server_close()

    def add_faults(self, *faults: str) -> None:
        with self.lock:
            self.faults.extend(faults)

    # What the tests and the script read.

    def recipients(self) -> Counter:
        with self.lock:
            return Counter(m["To"] for m in self.messages)

    def message_ids(self, recipient: str) -> list[str]:
        with self.lock:
            return [m["Message-ID"] for m in self.messages if m["To"] == recipient]

    def texts(self, recipient: str) -> list[str]:
        with self.lock:
            return [
                m.get_body(("plain",)).get_content().replace("\r\n", "\n")
                for m in self.messages
                if m["To"] == recipient
            ]

    def faults_applied(self) -> Counter:
        with self.lock:
            return Counter(c.fault for c in self.connections if c.fault)

    def faults_left(self) -> int:
        with self.lock:
            return len(self.faults)

    # The dialogue.

    def _converse(self, handler: socketserver.StreamRequestHandler) -> None:
        with self.lock:
            record = SmtpConnection(self.faults.popleft() if self.faults else None)
            self.connections.append(record)
        fault = record.fault
        sock, rfile = handler.connection, handler.rfile

        def reply(text: str) -> None:
            sock.sendall(text.encode("ascii") + b"\r\n")

        if fault == CONNECT:
            return
        if fault == SILENT:
            sock.settimeout(self.silent_seconds)
            try:
                while sock.recv(4096):  # until the client gives up and closes
                    pass
            except OSError:
                pass
            return
        reply("220 faulty.localhost ESMTP")
        while line := rfile.readline(1000):
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                if fault == EHLO:
                    return
                reply("250-faulty.localhost\r\n250 8BITMIME" if verb == b"EHLO" else "250 faulty.localhost")
            elif verb == b"MAIL":
                if fault == MAIL:
                    return
                reply("250 OK")
            elif verb == b"RCPT":
                record.recipients.append(line[8:].strip().strip(b"<>").decode())
                if fault == RCPT_RESET:
                    # SO_LINGER 0: close() sends RST instead of FIN.
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    return
                reply("250 OK")
            elif verb == b"DATA":
                reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)
                if not data:
                    return
                message = email.message_from_bytes(b"".join(lines), policy=policy.default)
                if fault == DATA_BEFORE_REPLY:
                    return
                if self.delay:
                    time.sleep(self.delay)
                with self.lock:
                    self.messages.append(message)
                    record.accepted = True
                if fault == DATA_KEPT_BEFORE_REPLY:
                    return
                reply("250 OK: queued")
                if fault == DATA_AFTER_REPLY:
                    return
            elif verb in (b"RSET", b"NOOP"):
                reply("250 OK")
            elif verb == b"QUIT":
                reply("221 Bye")
                return
            else:
                reply("502 Command not implemented")


# Private services ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(condition, what: str, timeout: float = 120.0, interval: float = 0.05) -> float:
    """Poll until `condition()` is true; returns the seconds it took."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            raise SystemExit(f"Gave up waiting for {what} after {timeout:.0f} s.")
        time.sleep(interval)
    return time.monotonic() - started


class PrivateRedis:
    """A redis-server of our own on a free port, in a folder of our own."""

    def __init__(self, folder: Path, *, appendonly: bool = False):
        self.folder = folder
        self.port = free_port()
        self.appendonly = appendonly
        self.process: subprocess.Popen | None = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.folder)]
        command += ["--save", ""]  # like the machine's shared Redis: no snapshots
        if self.appendonly:
            command += ["--appendonly", "yes", "--appendfsync", "always"]
        else:
            command += ["--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=(self.folder / "redis.log").open("a"), stderr=subprocess.STDOUT)
        wait_for(self.ping, "redis-server to start", 20)

    def client(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def ping(self) -> bool:
        try:
            return bool(self.client().ping())
        except Exception:  # not up yet
            return False

    def queued(self, queue: str) -> int:
        return int(self.client().llen(queue))

    def stop(self, *, crash: bool = False) -> None:
        """SHUTDOWN NOSAVE (a clean stop that keeps nothing in memory), or SIGKILL with crash."""
        if self.process is None or self.process.poll() is not None:
            return
        if crash:
            self.process.kill()
        else:
            subprocess.run(
                ["redis-cli", "-p", str(self.port), "shutdown", "nosave"], capture_output=True, check=False, timeout=20
            )
        self.process.wait(timeout=20)

    def restart(self, *, crash: bool = False) -> float:
        started = time.monotonic()
        self.stop(crash=crash)
        self.start()
        return time.monotonic() - started


def _as_postgres_user() -> list[str]:
    # PostgreSQL refuses to run as root.
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


class PrivatePostgres:
    """A PostgreSQL 15 cluster of our own (initdb into a temporary folder), on a free port."""

    BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))

    def __init__(self, folder: Path):
        self.folder = folder
        self.data = folder / "pgdata"
        self.port = free_port()
        self.log = folder / "postgres.log"

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def _run(self, *args: str) -> None:
        subprocess.run([*_as_postgres_user(), *args], check=True, capture_output=True, text=True)

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(str(self.BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c max_connections=200"
        # Without fsync: what is written survives the server process being killed (the operating
        # system keeps it), which is all the restarts here do; only a machine crash would need it.
        options += " -c fsync=off"
        self._run(str(self.BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def restart(self, mode: str = "fast") -> float:
        """Restart the server: `fast` rolls back open transactions and checkpoints; `immediate`
        is a crash (no checkpoint: the start replays the WAL)."""
        started = time.monotonic()
        # Stop, then start with the same options and log file. (`pg_ctl restart` would hand the
        # new server our stdout, and running it would never return.)
        self._run(str(self.BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")
        self.start()
        return time.monotonic() - started

    def stop(self) -> None:
        if self.data.exists():
            subprocess.run(
                [*_as_postgres_user(), str(self.BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
                capture_output=True,
                check=False,
            )

    def execute(self, sql: str, database: str = "postgres") -> list[tuple]:
        import psycopg

        with psycopg.connect(self.url(database), autocommit=True) as conn, conn.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall() if cursor.description else []


# The reminder run under test ---------------------------------------------------------------------

REVIEWERS = 60
FORECASTS_EACH = 3


class Deployment:
    """A Hindsight installation on the private services: one database per scenario, cloned from a
    migrated template, a queue of its own, worker processes, and the SMTP server."""

    def __init__(self, ctx: Context, database: str, redis: PrivateRedis | None = None):
        folder, postgres, redis = ctx.folder, ctx.postgres, redis or ctx.redis
        self.reviewers = ctx.reviewers
        self.folder = folder
        self.postgres = postgres
        self.redis = redis
        self.database = database
        self.queue = f"hindsight-faults-{uuid.uuid4().hex[:8]}"
        self.workers: list[subprocess.Popen] = []
        self.log = folder / f"{database}-worker.log"
        postgres.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        postgres.execute(f'CREATE DATABASE "{database}" TEMPLATE "{TEMPLATE}"')

    def env(self, smtp_port: int, **extra: str) -> dict:
        env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": self.postgres.url(self.database),
            "CELERY_BROKER_URL": self.redis.url,
            "CELERY_TASK_DEFAULT_QUEUE": self.queue,
            "HINDSIGHT_VAR_DIR": str(self.folder),
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "EMAIL_TIMEOUT": "2",
            "REMINDER_RETRY_BACKOFF_SECONDS": "1",
            "REMINDER_CATCH_UP_ON_START": "0",
            "LOG_LEVEL": "INFO",
        }
        env.update(extra)
        return env

    def manage(self, env: dict, *args: str) -> str:
        return manage(env, *args)

    def import_due_forecasts(self, env: dict) -> None:
        review_on = datetime.date.today() - datetime.timedelta(days=2)
        rows = due_forecast_rows(reviewers=self.reviewers, each=FORECASTS_EACH, label="Fault", review_on=review_on)
        path = self.folder / f"{self.database}.json"
        path.write_text(json.dumps(rows))
        # The reviewers' invitations go to the console: the SMTP sink counts reminders only.
        self.manage({**env, "EMAIL_URL": "consolemail://"}, "import_forecasts", str(path), "--create-reviewers")

    def start_worker(self, env: dict, concurrency: int = 4, **extra: str) -> subprocess.Popen:
        mark = self.log.read_text().count(" ready.") if self.log.exists() else 0
        command = [PYTHON, "-m", "celery", "-A", "config", "worker", "-n", f"{self.database}@%h"]
        command += ["--concurrency", str(concurrency)]
        command += ["--without-gossip", "--without-mingle", "--without-heartbeat"]
        process = subprocess.Popen(
            command,
            cwd=BASE_DIR,
            env={**env, **extra},
            stdout=self.log.open("a"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.workers.append(process)
        wait_for(lambda: self.log.read_text().count(" ready.") > mark or process.poll() is not None, "a worker", 60)
        if process.poll() is not None:
            raise SystemExit(f"The worker did not start:\n{self.log.read_text()[-3000:]}")
        return process

    def stop_workers(self) -> None:
        for process in self.workers:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
        self.workers.clear()

    def producer(self):
        from celery import Celery

        # not the current app: the project's own tasks keep their broker once this Redis is gone
        app = Celery("faults-producer", broker=self.redis.url, set_as_current=False)
        app.conf.task_default_queue = self.queue
        return app

    def send_task(self, name: str) -> None:
        app = self.producer()
        try:
            app.send_task(name)
        finally:
            app.close()

    def db(self, sql: str) -> list[tuple]:
        return self.postgres.execute(sql, self.database)

    def digest_states(self) -> dict[str, int]:
        return dict(self.db("SELECT status, count(*) FROM forecasts_reminderdigest GROUP BY status"))

    def pending(self) -> int:
        return self.digest_states().get("pending", 0)

    def log_count(self, text: str) -> int:
        return self.log.read_text().count(text) if self.log.exists() else 0


TEMPLATE = "hindsight_faults_template"


def check(deployment: Deployment, smtp: DroppingSmtpServer, **measured) -> dict:
    """Every reviewer got exactly one digest listing each of their forecasts once, and the
    database agrees: one digest per reviewer, all sent, one reminder per forecast."""
    per_recipient = smtp.recipients()
    listed = Counter()
    for address in per_recipient:
        for text in smtp.texts(address):
            listed.update((address, line) for line in text.splitlines() if line.startswith("* Fault claim"))
    digests = deployment.digest_states()
    [(reminders, reminded_forecasts)] = deployment.db(
        "SELECT count(*), count(DISTINCT forecast_id) FROM forecasts_reminder"
    )
    [(attempts,)] = deployment.db("SELECT coalesce(sum(attempts), 0) FROM forecasts_reminderdigest")
    reviewers = deployment.reviewers
    result = {
        "reviewers": reviewers,
        "emails": sum(per_recipient.values()),
        "reviewers_emailed": len(per_recipient),
        "reviewers_emailed_twice": sum(1 for n in per_recipient.values() if n > 1),
        "forecasts_listed": sum(listed.values()),
        "forecasts_listed_twice": sum(1 for n in listed.values() if n > 1),
        "digests": digests,
        "reminder_rows": reminders,
        "send_attempts": attempts,
        "task_retries_logged": deployment.log_count(" retry: Retry in "),
        **measured,
    }
    result["ok"] = (
        result["emails"] == reviewers
        and result["reviewers_emailed"] == reviewers
        and result["forecasts_listed"] == reviewers * FORECASTS_EACH
        and result["forecasts_listed_twice"] == 0
        and digests == {"sent": reviewers}
        and reminders == reminded_forecasts == reviewers * FORECASTS_EACH
    )
    return result


def settle(deployment: Deployment, smtp: DroppingSmtpServer, timeout: float = 180.0) -> float:
    """Wait until every digest is closed, then give anything that would send a second copy (a
    retry, a redelivered task) a few seconds to show up; returns the seconds until settled."""
    seconds = wait_for(
        lambda: sum(smtp.recipients().values()) >= deployment.reviewers and deployment.pending() == 0,
        f"{deployment.reviewers} emails (worker log {deployment.log})",
        timeout,
        interval=0.2,
    )
    time.sleep(3)
    return round(seconds, 1)


# Scenarios ---------------------------------------------------------------------------------------


def scenario_smtp_drop(ctx: Context) -> list[dict]:
    """The mail server drops its first connections at every step of the dialogue (three of each
    kind), then behaves."""
    deployment = Deployment(ctx, "hindsight_faults_smtp")
    faults = [fault for _ in range(3) for fault in ALL_FAULTS]
    with DroppingSmtpServer(faults, silent_seconds=10) as smtp:
        env = deployment.env(smtp.port)
        deployment.import_due_forecasts(env)
        deployment.start_worker(env)
        try:
            started = time.monotonic()
            deployment.send_task("forecasts.tasks.send_review_reminders")
            settle(deployment, smtp)
            seconds = round(time.monotonic() - started - 3, 1)
        finally:
            deployment.stop_workers()
        result = check(
            deployment,
            smtp,
            dropped_connections=sum(smtp.faults_applied().values()),
            connections=len(smtp.connections),
            seconds_to_deliver_all=seconds,
        )
        expected_attempts = deployment.reviewers + 3 * len(RETRIED_FAULTS)
        result["ok"] = result["ok"] and result["send_attempts"] == expected_attempts
        return [{"scenario": "smtp-drop", **result}]


def scenario_redis(ctx: Context) -> list[dict]:
    """Redis restarted while tasks are queued, three ways."""
    return [_redis_lost_no_worker(ctx), _redis_lost_worker_up(ctx), _redis_persisted_crash(ctx)]


def _enqueue_a_run(deployment: Deployment, env: dict) -> None:
    """What beat and a run leave in the queue: a run's delivery tasks (the digests are written and
    committed), plus the daily and the hourly task themselves."""
    deployment.manage(env, "shell", "-c", "from forecasts import services; services.reminders_send()")
    deployment.send_task("forecasts.tasks.send_review_reminders")
    deployment.send_task("forecasts.tasks.flag_due_forecasts")


def _restart_with_a_run_queued(deployment: Deployment, redis: PrivateRedis, *, crash: bool, **worker_env) -> dict:
    """Queue a run with no worker up, restart Redis (crash: SIGKILL, else SHUTDOWN NOSAVE), then
    start a worker and check that every reviewer gets one email."""
    with DroppingSmtpServer() as smtp:
        env = deployment.env(smtp.port)
        deployment.import_due_forecasts(env)
        _enqueue_a_run(deployment, env)
        queued_before = redis.queued(deployment.queue)
        restart = redis.restart(crash=crash)
        queued_after = redis.queued(deployment.queue)
        pending = deployment.pending()
        deployment.start_worker(env, **worker_env)
        try:
            seconds = settle(deployment, smtp)
        finally:
            deployment.stop_workers()
        return check(
            deployment,
            smtp,
            queued_before_restart=queued_before,
            queued_after_restart=queued_after,
            pending_digests_after_restart=pending,
            redis_restart_seconds=round(restart, 2),
            seconds_from_worker_start_to_all_sent=seconds,
        )


def _redis_lost_no_worker(ctx: Context) -> dict:
    """No worker running; Redis restarted without persistence loses every queued task. The next
    worker to start delivers the pending digests (worker_ready) and catches up today's run."""
    deployment = Deployment(ctx, "hindsight_faults_redis_a")
    result = _restart_with_a_run_queued(
        deployment, ctx.redis, crash=False, REMINDER_CATCH_UP_ON_START="1", REMINDER_HOUR="0"
    )
    return {"scenario": "redis: SHUTDOWN NOSAVE, no worker, then a worker starts", **result}


def _redis_lost_worker_up(ctx: Context) -> dict:
    """A worker is busy (a slow mail server) with most delivery tasks still queued when Redis is
    restarted without persistence: the queued tasks are lost, the worker reconnects by itself,
    and on reconnecting delivers the digests still pending in the database, each once."""
    deployment = Deployment(ctx, "hindsight_faults_redis_b")
    with DroppingSmtpServer(delay=0.2) as smtp:
        env = deployment.env(smtp.port)
        deployment.import_due_forecasts(env)
        deployment.start_worker(env, concurrency=2)
        try:
            deployment.manage(env, "shell", "-c", "from forecasts import services; services.reminders_send()")
            wait_for(lambda: sum(smtp.recipients().values()) >= 5, "the first emails")
            queued_before = ctx.redis.queued(deployment.queue)
            emails_before = sum(smtp.recipients().values())
            reconnects_before = deployment.log_count("Connected to redis://")
            restarted = time.monotonic()
            restart = ctx.redis.restart()
            queued_after = ctx.redis.queued(deployment.queue)
            pending_after = deployment.pending()
            wait_for(
                lambda: deployment.log_count("Connected to redis://") > reconnects_before,
                "the worker to reconnect to Redis",
                120,
            )
            reconnect = time.monotonic() - restarted
            settle(deployment, smtp)
            seconds = round(time.monotonic() - restarted - 3, 1)
        finally:
            deployment.stop_workers()
        result = check(
            deployment,
            smtp,
            emails_before_restart=emails_before,
            queued_before_restart=queued_before,
            queued_after_restart=queued_after,
            pending_digests_after_restart=pending_after,
            redis_restart_seconds=round(restart, 2),
            worker_reconnected_after_seconds=round(reconnect, 1),
            seconds_from_restart_to_all_sent=seconds,
        )
    return {"scenario": "redis: SHUTDOWN NOSAVE while a worker is busy", **result}


def _redis_persisted_crash(ctx: Context) -> dict:
    """Redis with appendonly yes (appendfsync always) killed with SIGKILL while tasks are queued:
    the queue survives the crash and a worker runs the tasks afterwards (no catch-up needed)."""
    folder = ctx.folder / "redis-aof"
    folder.mkdir(exist_ok=True)
    redis = PrivateRedis(folder, appendonly=True)
    redis.start()
    try:
        deployment = Deployment(ctx, "hindsight_faults_redis_c", redis)
        # REMINDER_CATCH_UP_ON_START stays 0: only the queued tasks can deliver.
        result = _restart_with_a_run_queued(deployment, redis, crash=True)
    finally:
        redis.stop()
    return {"scenario": "redis: appendonly yes, SIGKILL, then a worker starts", **result}


def scenario_postgres(ctx: Context) -> list[dict]:
    return [_postgres_restart(ctx, mode) for mode in ctx.postgres_modes]


def _postgres_restart(ctx: Context, mode: str) -> dict:
    """PostgreSQL restarted twice during one reminder run: right as the run is handed to the
    worker (planning), and again with about a third of the emails sent (delivery)."""
    deployment = Deployment(ctx, f"hindsight_faults_pg_{mode}")
    with DroppingSmtpServer(delay=0.05) as smtp:
        env = deployment.env(smtp.port)
        deployment.import_due_forecasts(env)
        deployment.start_worker(env)
        try:
            started = time.monotonic()
            deployment.send_task("forecasts.tasks.send_review_reminders")
            wait_for(lambda: deployment.log_count("send_review_reminders[") > 0, "the run to start", 30, 0.01)
            first = ctx.postgres.restart(mode)
            a_third = deployment.reviewers // 3
            wait_for(lambda: sum(smtp.recipients().values()) >= a_third, "a third of the emails", 120, 0.01)
            sent_at_second = sum(smtp.recipients().values())
            second = ctx.postgres.restart(mode)
            settle(deployment, smtp)
            seconds = round(time.monotonic() - started - 3, 1)
        finally:
            deployment.stop_workers()
        result = check(
            deployment,
            smtp,
            restart_mode=mode,
            restart_seconds=[round(first, 2), round(second, 2)],
            emails_when_restarted_mid_delivery=sent_at_second,
            database_errors_logged=deployment.log_count("OperationalError") + deployment.log_count("InterfaceError"),
            seconds_to_deliver_all=seconds,
        )
    return {"scenario": f"postgres: pg_ctl stop -m {mode} and start, twice during a run", **result}


# Running -----------------------------------------------------------------------------------------


@dataclass
class Context:
    folder: Path
    postgres: PrivatePostgres
    redis: PrivateRedis
    reviewers: int = REVIEWERS
    # How pg_ctl stops the server: fast (a clean restart) and immediate (a crash).
    postgres_modes: tuple[str, ...] = ("fast", "immediate")


SCENARIOS = {"smtp-drop": scenario_smtp_drop, "redis": scenario_redis, "postgres": scenario_postgres}


def private_services_missing() -> str | None:
    """Why the private PostgreSQL and Redis cannot be started here, or None."""
    if not (PrivatePostgres.BIN / "initdb").exists():
        return f"no PostgreSQL binaries in {PrivatePostgres.BIN} (set PG_BIN)"
    if shutil.which("redis-server") is None:
        return "no redis-server"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root without a postgres user to run PostgreSQL as"
        if shutil.which("runuser") is None:
            return "running as root without runuser"
    return None


def run(
    names: list[str],
    *,
    reviewers: int = REVIEWERS,
    postgres_modes: tuple[str, ...] = ("fast", "immediate"),
    keep: bool = False,
    report=print,
) -> list[dict]:
    """Start the private services, run the scenarios, stop everything; returns the results."""
    # Celery prefers this variable to the broker an app is given: the producer here must use the
    # private Redis (the worker processes get theirs in Deployment.env).
    os.environ.pop("CELERY_BROKER_URL", None)
    folder = Path(tempfile.mkdtemp(prefix="hindsight-faults-"))
    os.chmod(folder, 0o755)  # noqa: S103  (the postgres user reads the socket folder)
    postgres = PrivatePostgres(folder)
    redis = PrivateRedis(folder)
    results = []
    try:
        started = time.monotonic()
        postgres.init()
        redis.start()
        ctx = Context(folder, postgres, redis, reviewers, postgres_modes)
        template_env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": postgres.url(TEMPLATE),
            "HINDSIGHT_VAR_DIR": str(folder),
            "LOG_LEVEL": "WARNING",
        }
        postgres.execute(f'CREATE DATABASE "{TEMPLATE}"')
        migrate = [PYTHON, "manage.py", "migrate", "--noinput"]
        subprocess.run(migrate, cwd=BASE_DIR, env=template_env, check=True, capture_output=True)
        report(
            f"Private PostgreSQL on port {postgres.port}, private Redis on port {redis.port}, "
            f"set up in {time.monotonic() - started:.1f} s; logs in {folder}"
        )
        for name in names:
            for result in SCENARIOS[name](ctx):
                results.append(result)
                report(f"{'OK' if result['ok'] else 'FAILED'} {json.dumps(result)}")
    finally:
        redis.stop()
        postgres.stop()
        if not keep and results and all(r["ok"] for r in results):
            shutil.rmtree(folder, ignore_errors=True)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", choices=[*SCENARIOS, "all"])
    parser.add_argument("--reviewers", type=int, default=REVIEWERS, help=f"default {REVIEWERS}")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, data)")
    args = parser.parse_args(argv)
    if missing := private_services_missing():
        parser.error(f"cannot start the private services: {missing}")
    # On SIGTERM too, leave through the `finally` blocks that stop the workers and the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    names = list(SCENARIOS) if args.scenario == "all" else [args.scenario]
    results = run(names, reviewers=args.reviewers, keep=args.keep, report=lambda line: print(line, flush=True))
    return 0 if results and all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
