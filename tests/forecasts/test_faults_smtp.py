"""A mail server that accepts connections and drops them: digests are retried with backoff, every
reviewer gets exactly one email, and the database records each digest as sent once.

Real `celery -A config worker` processes on the test database and the broker CELERY_BROKER_URL
names (see test_tasks_worker.py), sending over TCP to benchmarks.faults.DroppingSmtpServer, which
drops its first connections at each point of the SMTP dialogue.
"""

import re
import time
from collections import Counter, defaultdict

import pytest

from benchmarks.faults import (
    ALL_FAULTS,
    DATA_AFTER_REPLY,
    DATA_KEPT_BEFORE_REPLY,
    MAIL,
    RETRIED_FAULTS,
    DroppingSmtpServer,
)
from forecasts.models import DigestStatus, Reminder, ReminderDigest
from tests.forecasts.test_tasks_worker import Broker, Workers, make_reviewers, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.fault, pytest.mark.django_db(transaction=True)]

BACKOFF_SECONDS = 1


@pytest.fixture
def smtp():
    with DroppingSmtpServer(silent_seconds=30) as server:
        yield server


@pytest.fixture
def broker(tmp_path):
    broker = Broker(tmp_path / "var")
    yield broker
    broker.purge()


@pytest.fixture
def workers(broker, smtp, tmp_path, transactional_db):
    workers = Workers(broker, smtp, tmp_path)
    yield workers
    workers.stop_all()


def start_worker(workers: Workers) -> None:
    # EMAIL_TIMEOUT 1: the silent server costs one second, not ten.
    workers.start(
        "w1", concurrency=2, EMAIL_TIMEOUT="1", REMINDER_RETRY_BACKOFF_SECONDS=str(BACKOFF_SECONDS), LOG_LEVEL="INFO"
    )


def settle(smtp: DroppingSmtpServer, expected: int, workers: Workers) -> None:
    def done():
        return (
            sum(smtp.recipients().values()) >= expected
            and smtp.faults_left() == 0
            and ReminderDigest.objects.count() > 0
            and not ReminderDigest.objects.pending().exists()
        )

    wait_for(done, timeout=120, what=f"{expected} emails\n{workers.log_text()}")
    # Whatever would still send a second copy (a retry, a redelivered message) has had the time
    # to run: the workers have nothing else to do.
    before = sum(smtp.recipients().values())
    time.sleep(2)
    assert sum(smtp.recipients().values()) == before


RETRY_LINE = re.compile(r"deliver_review_digest\[(?P<task>[0-9a-f-]+)\] retry: Retry in (?P<seconds>\d+)s")


def retry_countdowns(workers: Workers) -> dict[str, list[int]]:
    """Task id -> the countdowns Celery chose for its retries, in order (from the worker log)."""
    countdowns = defaultdict(list)
    for path in workers.logs.values():
        for match in RETRY_LINE.finditer(path.read_text()):
            countdowns[match["task"]].append(int(match["seconds"]))
    return dict(countdowns)


def assert_backoff_is_exponential(countdowns: dict[str, list[int]]) -> None:
    # Full jitter: the n-th retry (n from 0) waits a random whole number of seconds up to
    # BACKOFF * 2**n, so only the bound can be checked, not the exact delay.
    for task, delays in countdowns.items():
        for n, delay in enumerate(delays):
            assert 0 <= delay <= BACKOFF_SECONDS * 2**n, (task, delays)


def test_connections_dropped_at_every_step_are_retried_and_each_reviewer_gets_one_email(workers, broker, smtp):
    claims = make_reviewers(6, 2)
    smtp.add_faults(*ALL_FAULTS)
    start_worker(workers)

    broker.send("forecasts.tasks.send_review_reminders")

    settle(smtp, len(claims), workers)
    assert smtp.faults_applied() == Counter(ALL_FAULTS)
    assert smtp.recipients() == Counter(dict.fromkeys(claims, 1))
    for address, expected in claims.items():
        [text] = smtp.texts(address)
        for claim in expected:
            assert text.count(f"* {claim}\n") == 1, (address, claim)
    digests = ReminderDigest.objects.all()
    assert sorted(d.reviewer.email for d in digests) == sorted(claims)
    assert {d.status for d in digests} == {DigestStatus.SENT}
    assert all(d.sent_at is not None for d in digests)
    # One attempt per connection: each dropped one was retried, the one dropped after "250" was not.
    assert sum(d.attempts for d in digests) == len(claims) + len(RETRIED_FAULTS)
    assert len(smtp.connections) == len(claims) + len(RETRIED_FAULTS)
    assert Counter(Reminder.objects.values_list("forecast_id", flat=True)).most_common(1)[0][1] == 1
    assert Reminder.objects.count() == sum(len(c) for c in claims.values())
    countdowns = retry_countdowns(workers)
    assert sum(len(delays) for delays in countdowns.values()) == len(RETRIED_FAULTS), workers.log_text()
    assert_backoff_is_exponential(countdowns)


def test_a_digest_dropped_again_and_again_backs_off_then_is_sent_once(workers, broker, smtp):
    claims = make_reviewers(1, 1)
    smtp.add_faults(MAIL, MAIL, MAIL)
    start_worker(workers)

    broker.send("forecasts.tasks.send_review_reminders")

    settle(smtp, 1, workers)
    digest = ReminderDigest.objects.get()
    assert digest.status == DigestStatus.SENT
    assert digest.attempts == 4
    assert digest.last_error == ""  # cleared by the send that succeeded
    assert smtp.recipients() == Counter(dict.fromkeys(claims, 1))
    [delays] = retry_countdowns(workers).values()
    assert len(delays) == 3
    assert_backoff_is_exponential({"one digest": delays})


def test_a_message_accepted_then_dropped_before_quit_is_not_sent_again(workers, broker, smtp):
    claims = make_reviewers(1, 1)
    smtp.add_faults(DATA_AFTER_REPLY)
    start_worker(workers)

    broker.send("forecasts.tasks.send_review_reminders")

    settle(smtp, 1, workers)
    digest = ReminderDigest.objects.get()
    assert (digest.status, digest.attempts) == (DigestStatus.SENT, 1)
    assert smtp.recipients() == Counter(dict.fromkeys(claims, 1))
    assert retry_countdowns(workers) == {}


def test_a_server_that_keeps_a_message_it_never_confirmed_gets_a_copy_with_the_same_message_id(workers, broker, smtp):
    """The limit of any SMTP client (RFC 1047): the connection died before the server's "250", so
    the client cannot know the server kept the message, and must send it again. The copy carries
    the same Message-ID, so that the receiving side can drop it."""
    claims = make_reviewers(1, 1)
    smtp.add_faults(DATA_KEPT_BEFORE_REPLY)
    start_worker(workers)

    broker.send("forecasts.tasks.send_review_reminders")

    settle(smtp, 2, workers)
    [address] = claims
    first, second = smtp.message_ids(address)
    assert first == second
    digest = ReminderDigest.objects.get()
    assert (digest.status, digest.attempts) == (DigestStatus.SENT, 2)
    assert first.startswith(f"<reminder-digest-{digest.pk}@")
