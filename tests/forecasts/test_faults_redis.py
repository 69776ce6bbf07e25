"""Redis restarted with tasks queued: the reminders still go out, each exactly once.

Runs when the tests use Redis (CELERY_BROKER_URL=redis://…), on a PRIVATE redis-server started on
a free port for each test (the shared one is never restarted), with real `celery -A config
worker` processes on the test database. Redis as usually configured (no snapshots, no append-only
file) loses every queued task when it restarts; the digests are in the database, so a worker
delivers them when it starts (worker_ready) or when it reconnects (RecoverRemindersOnReconnect).
With appendonly yes the queue survives even a SIGKILL.
"""

import shutil
import subprocess
import sys
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from benchmarks.faults import DroppingSmtpServer, PrivateRedis
from forecasts.models import DigestStatus, Reminder, ReminderDigest
from tests.factories import ForecastFactory, UserFactory
from tests.forecasts.test_tasks_worker import BASE_DIR, REVIEW_ON, Workers, wait_for

pytestmark = [
    pytest.mark.worker,
    pytest.mark.fault,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not settings.CELERY_BROKER_URL.startswith("redis://"),
        reason="Redis restarts are tested when the tests run on Redis (CELERY_BROKER_URL=redis://…)",
    ),
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server to start a private Redis"),
]


class PrivateBroker:
    """What Workers needs of a broker: a queue and a runtime folder of this test."""

    def __init__(self, var_dir: Path):
        self.var_dir = var_dir
        self.queue = f"hindsight-faults-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def redis(tmp_path, monkeypatch):
    # Celery prefers this variable to the broker an app is given: without this, the producer
    # below would publish to the shared Redis.
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    server = PrivateRedis(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp():
    with DroppingSmtpServer(delay=0.3) as server:
        yield server


@pytest.fixture
def workers(redis, smtp, tmp_path, transactional_db):
    workers = Workers(PrivateBroker(tmp_path / "var"), smtp, tmp_path)
    yield workers
    workers.stop_all()


def reviewers(prefix: str, count: int, forecasts_each: int = 2) -> dict[str, list[str]]:
    claims = {}
    for r in range(count):
        reviewer = UserFactory(username=f"{prefix}{r:02d}")
        forecasts = ForecastFactory.create_batch(forecasts_each, reviewer=reviewer, review_on=REVIEW_ON)
        claims[reviewer.email] = [f.claim for f in forecasts]
    return claims


def enqueue_a_run(workers: Workers, redis: PrivateRedis) -> None:
    """A reminder run in enqueue mode, in a process of its own on the private Redis: the digests are
    written and committed, their delivery tasks wait in the queue."""
    code = "from forecasts import services; services.reminders_send()"
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BASE_DIR,
        env=workers.env(CELERY_BROKER_URL=redis.url),
        check=True,
        capture_output=True,
    )


def send_task(workers: Workers, redis: PrivateRedis, name: str) -> None:
    from celery import Celery

    # not the current app: once this private Redis is stopped, the project's tasks must not publish to it
    app = Celery("faults-producer", broker=redis.url, set_as_current=False)
    app.conf.task_default_queue = workers.broker.queue
    try:
        app.send_task(name)
    finally:
        app.close()


def settle(smtp: DroppingSmtpServer, expected: int, workers: Workers) -> None:
    wait_for(
        lambda: sum(smtp.recipients().values()) >= expected and not ReminderDigest.objects.pending().exists(),
        timeout=120,
        what=f"{expected} emails\n{workers.log_text()}",
    )
    # Anything that would still send a second copy (a surviving task, a second sweep) has had the
    # time to run once the worker has nothing else to do.
    before = sum(smtp.recipients().values())
    time.sleep(2)
    assert sum(smtp.recipients().values()) == before


def assert_each_reviewer_got_one_email(smtp: DroppingSmtpServer, claims: dict[str, list[str]]) -> None:
    assert smtp.recipients() == Counter(dict.fromkeys(claims, 1))
    for address, expected in claims.items():
        [text] = smtp.texts(address)
        for claim in expected:
            assert text.count(f"* {claim}\n") == 1, (address, claim)
    assert set(ReminderDigest.objects.values_list("status", flat=True)) == {DigestStatus.SENT}
    assert ReminderDigest.objects.count() == len(claims)
    assert Reminder.objects.count() == sum(len(c) for c in claims.values())


def test_tasks_lost_in_a_restart_are_sent_once_by_the_next_worker(workers, redis, smtp):
    smtp.delay = 0
    planned = reviewers("planned", 4)
    enqueue_a_run(workers, redis)  # four digests written, their four delivery tasks queued
    later = reviewers("later", 3)  # due too, but the run that would plan them is lost with the queue
    send_task(workers, redis, "forecasts.tasks.send_review_reminders")
    assert redis.queued(workers.broker.queue) == 5

    redis.restart()

    assert redis.queued(workers.broker.queue) == 0
    assert ReminderDigest.objects.pending().count() == 4
    # A worker starting after the reminder hour delivers what is pending and catches up the run.
    workers.start("w1", concurrency=2, CELERY_BROKER_URL=redis.url, REMINDER_CATCH_UP_ON_START="1", REMINDER_HOUR="0")
    settle(smtp, 7, workers)
    assert_each_reviewer_got_one_email(smtp, {**planned, **later})


def test_a_worker_reconnects_after_a_restart_and_sends_what_was_queued_once(workers, redis, smtp):
    claims = reviewers("busy", 8, 1)
    workers.start("w1", concurrency=1, CELERY_BROKER_URL=redis.url)
    send_task(workers, redis, "forecasts.tasks.send_review_reminders")
    # The slow mail server keeps the worker on one email while the rest wait in the queue.
    wait_for(
        lambda: sum(smtp.recipients().values()) >= 1 and redis.queued(workers.broker.queue) >= 4,
        what=f"deliveries queued behind a busy worker\n{workers.log_text()}",
    )

    redis.restart()

    assert redis.queued(workers.broker.queue) == 0
    assert ReminderDigest.objects.pending().count() >= 4
    settle(smtp, 8, workers)
    assert_each_reviewer_got_one_email(smtp, claims)
    log = workers.log_text()
    assert "Connected to the broker again" in log


def test_an_append_only_redis_keeps_the_queue_through_a_crash(workers, tmp_path, smtp):
    smtp.delay = 0
    folder = tmp_path / "aof"
    folder.mkdir()
    durable = PrivateRedis(folder, appendonly=True)
    durable.start()
    try:
        claims = reviewers("durable", 5)
        enqueue_a_run(workers, durable)
        assert durable.queued(workers.broker.queue) == 5

        durable.restart(crash=True)  # SIGKILL: nothing is written on the way down

        assert durable.queued(workers.broker.queue) == 5
        workers.start("w1", concurrency=2, CELERY_BROKER_URL=durable.url)
        settle(smtp, 5, workers)
        assert_each_reviewer_got_one_email(smtp, claims)
    finally:
        durable.stop()
