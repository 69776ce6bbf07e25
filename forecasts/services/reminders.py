"""Reminder runs: writing today's digests, leasing them, delivering each exactly once.

Exactly once per (forecast, reviewer, cycle) rests on three things, none of them on "only one
beat runs":

1. The cycle of a forecast on a day is a pure function of (review date, day, settings), so every
   run on the same day computes the same cycle.
2. A Reminder row per (forecast, reviewer, cycle) is protected by a unique constraint, and it is
   written in the same transaction as the ReminderDigest (the outbox row) that will carry it.
   Planning runs are serialised by one lock per run (a PostgreSQL advisory lock; SQLite's
   IMMEDIATE transactions), and read the reminders already written inside it, so concurrent
   runs produce one digest per reviewer, and later runs find nothing new.
3. A digest is sent by whoever holds its lease; it is marked sent only after the SMTP server
   accepted it. A failed send leaves it pending for a retry; a dead sender's lease is taken over.
"""

import datetime
import logging
import os
import smtplib
import socket
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.db import InterfaceError, OperationalError, connection, transaction
from django.utils import timezone

from .. import reminders
from ..models import DigestStatus, Reminder, ReminderDigest, local_today
from .scheduling import forecasts_flag_due

logger = logging.getLogger(__name__)


# Names "the reminder planning" among PostgreSQL's advisory locks ("HindRem1" in ASCII).
PLANNING_LOCK_KEY = 0x48696E6452656D31


def _serialise_planning() -> None:
    """One lock per run, held until the run's transaction ends: a concurrent run waits here, then
    reads the reminders the first one wrote and finds nothing new. One lock for the whole run,
    not one per reviewer, keeps the run's query count independent of the reviewers."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PLANNING_LOCK_KEY])
    # SQLite: the transaction is IMMEDIATE (config/settings.py), so it began by taking the
    # database's write lock, which serialises every writer, runs included.


@transaction.atomic(savepoint=False)
def create_digests(*, today: datetime.date) -> list[int]:
    """Plan today's reminders and write, in one transaction, one outbox row per reviewer with
    something new and its reminder rows; returns the new digests' ids (in reviewer order).

    A fixed number of queries whatever the number of reviewers and forecasts: the lock, the
    plan (two reads), the reminders already written for those forecasts (one read), and the two
    bulk inserts."""
    _serialise_planning()
    planned = reminders.plan(today=today)
    if not planned:
        return []
    earliest = min(p.cycle.on for planned_for_one in planned.values() for p in planned_for_one)
    # The forecasts as a subquery, not a list of ids: no parameter limit, and one query.
    taken = set(
        Reminder.objects.filter(
            forecast__in=reminders.forecasts_to_remind(today).values("pk"), cycle_on__gte=earliest
        ).values_list("forecast_id", "reviewer_id", "review_on", "cycle_on")
    )
    new = {
        reviewer_id: fresh
        for reviewer_id in sorted(planned)
        if (
            fresh := [
                p for p in planned[reviewer_id] if (p.forecast_id, reviewer_id, p.review_on, p.cycle.on) not in taken
            ]
        )
    }
    if not new:
        return []
    digests = [ReminderDigest(reviewer_id=reviewer_id, run_on=today) for reviewer_id in new]
    for digest in digests:
        # Field checks only: full_clean() would add a query per row for the reviewer's foreign
        # key, which the INSERT checks anyway.
        digest.clean_fields(exclude=["reviewer"])
    ReminderDigest.objects.bulk_create(digests)
    rows = [
        Reminder(
            forecast_id=p.forecast_id,
            reviewer_id=digest.reviewer_id,
            review_on=p.review_on,
            cycle_on=p.cycle.on,
            kind=p.cycle.kind,
            digest=digest,
        )
        for digest in digests
        for p in new[digest.reviewer_id]
    ]
    # The unique constraint is the last word, whatever the lock above did or did not do: a
    # reminder some other writer got in first is dropped, and a digest left without reminders
    # is cancelled at delivery instead of sent.
    Reminder.objects.bulk_create(rows, ignore_conflicts=True)
    return [digest.pk for digest in digests]


# Delivery ----------------------------------------------------------------------------------------


def process_identity() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A killed pool process stays a zombie until something reaps it, and signal 0 still reaches
    # a zombie: on Linux, ask /proc whether it is one.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def release_dead_leases(*, now: datetime.datetime | None = None) -> int:
    """Free leases held by processes on this host that no longer exist (a killed worker), so a
    restarted worker delivers at once instead of waiting for the lease to run out."""
    now = now or timezone.now()
    host = socket.gethostname()
    released = 0
    leased = ReminderDigest.objects.pending().filter(lease_owner__startswith=f"{host}:", lease_expires_at__gte=now)
    for digest_id, owner in leased.values_list("pk", "lease_owner"):
        pid = owner.rpartition(":")[2]
        if pid.isdigit() and not _pid_alive(int(pid)):
            # Compare-and-set on the owner: a lease renewed meanwhile by a live process stays.
            released += ReminderDigest.objects.filter(pk=digest_id, lease_owner=owner).update(
                lease_owner="", lease_expires_at=None
            )
    return released


@transaction.atomic
def lease(*, digest_id: int, owner: str, now: datetime.datetime | None = None) -> ReminderDigest | None:
    """Take the digest for sending, or None if it is sent, finished, or someone else is sending it."""
    now = now or timezone.now()
    digest = (
        ReminderDigest.objects.select_for_update()
        .deliverable(now)
        .filter(pk=digest_id)
        .select_related("reviewer")
        .first()
    )
    if digest is None:
        return None
    digest.lease_owner = owner
    digest.lease_expires_at = now + datetime.timedelta(seconds=settings.REMINDER_DELIVERY_LEASE_SECONDS)
    digest.attempts += 1
    # Only the lease fields changed, on a row just read under lock: checking the reviewer's
    # foreign key and the status constraints again would cost three queries per email.
    digest.full_clean(exclude=["reviewer"], validate_constraints=False)
    digest.save(update_fields=["lease_owner", "lease_expires_at", "attempts"])
    return digest


def finish(*, digest: ReminderDigest, owner: str, status: str, error: str = "") -> bool:
    """Close the digest if `owner` still holds it. A conditional UPDATE, not save(): it must
    not overwrite a state that another process wrote after a lease ran out."""
    values = {"status": status, "lease_owner": "", "lease_expires_at": None, "last_error": error}
    if status == DigestStatus.SENT:
        values["sent_at"] = timezone.now()
    return bool(ReminderDigest.objects.pending().filter(pk=digest.pk, lease_owner=owner).update(**values))


def release(*, digest: ReminderDigest, owner: str, error: str) -> None:
    """Give the lease back after a failed attempt; the digest stays pending for a retry."""
    ReminderDigest.objects.pending().filter(pk=digest.pk, lease_owner=owner).update(
        lease_owner="", lease_expires_at=None, last_error=error[:2000]
    )


# Connection errors of the database (PostgreSQL restarting, a network blip): worth retrying.
DATABASE_ERRORS = (OperationalError, InterfaceError)
# How long a sender keeps trying to record what it did once the database stops answering: longer
# than a PostgreSQL restart takes, well within the delivery task's soft time limit.
DATABASE_PATIENCE_SECONDS = 20.0


def _when_database_answers(write, *, seconds: float):
    """Run `write` (one autocommit statement that must not be lost: "sent", or giving a lease
    back), waiting out a database that is restarting: on a connection error, drop the dead
    connection, wait, and try again until `seconds` have passed; then give up and raise."""
    deadline = time.monotonic() + seconds
    pause = 0.2
    while True:
        try:
            return write()
        except DATABASE_ERRORS:
            # Inside a transaction the statement cannot be retried alone.
            if connection.in_atomic_block or time.monotonic() + pause > deadline:
                raise
            logger.warning("The database did not answer; trying again in %.1f s.", pause, exc_info=True)
            connection.close()
            time.sleep(pause)
            pause = min(pause * 2, 2.0)


def reminder_digest_deliver(*, digest_id: int) -> str:
    """Send one digest unless it was sent or someone else is sending it, and say what happened
    ("sent", "skipped", ...).

    SMTP and connection errors propagate after the lease is released, so the caller (the Celery
    task) retries; the digest stays pending until a send succeeded."""
    owner = process_identity()
    digest = lease(digest_id=digest_id, owner=owner)
    if digest is None:
        return "skipped"
    # "Days overdue" as of the run that wrote the digest, so a retry tells the same story.
    today = digest.run_on
    # Opened here so that sending leaves the connection open: the QUIT exchange then happens
    # after the digest is marked sent, outside the window described below.
    mail_connection = get_connection()
    try:
        try:
            items = reminders.digest_items(digest=digest, today=today)
            if not items:
                _when_database_answers(
                    lambda: finish(digest=digest, owner=owner, status=DigestStatus.CANCELLED),
                    seconds=DATABASE_PATIENCE_SECONDS,
                )
                return DigestStatus.CANCELLED
            message = reminders.build_message(digest=digest, items=items, today=today)
            mail_connection.open()
            message.connection = mail_connection
            message.send()
        except Exception as exc:
            if reminders.is_permanent_failure(exc):
                finish(digest=digest, owner=owner, status=DigestStatus.FAILED, error=repr(exc))
                return DigestStatus.FAILED
            # Whatever failed (the mail server, or the database in the middle of a restart), the
            # lease goes back, so that the retry of this task can take the digest again instead of
            # finding it leased by a live process and skipping it until the lease runs out.
            error = repr(exc)
            _when_database_answers(
                lambda: release(digest=digest, owner=owner, error=error), seconds=DATABASE_PATIENCE_SECONDS
            )
            raise
        # The one window exactly-once cannot close: the SMTP server has accepted the message,
        # and the row is not yet marked sent. If this process dies right here (or the database
        # stays unreachable for longer than DATABASE_PATIENCE_SECONDS), the lease runs out and
        # the digest is sent again. No SMTP transaction can be committed together with a database
        # row; the window is one UPDATE long, it outlasts a database restart, and the stable
        # Message-ID lets the receiving side drop the copy.
        recorded = _when_database_answers(
            lambda: finish(digest=digest, owner=owner, status=DigestStatus.SENT), seconds=DATABASE_PATIENCE_SECONDS
        )
        if not recorded:
            logger.error("Digest %s was sent but its lease had been taken over; it may arrive twice.", digest.pk)
        return DigestStatus.SENT
    finally:
        try:
            mail_connection.close()
        except (OSError, smtplib.SMTPException):  # the message is already delivered and recorded
            logger.warning("Closing the mail connection after digest %s failed.", digest.pk, exc_info=True)


@dataclass(frozen=True)
class ReminderRun:
    digests_created: int
    delivered: dict[str, int]


def reminders_send(*, today: datetime.date | None = None, deliver_now: bool = False) -> ReminderRun:
    """Write one digest per reviewer for the reminders due today, then deliver them: one Celery
    task per digest (after commit), or right here with deliver_now (management command, cron).

    Safe to run any number of times, at once or in sequence: see this module's docstring."""
    today = today or local_today()
    forecasts_flag_due(today=today)
    created = reminder_digests_create(today=today, enqueue=not deliver_now)
    if deliver_now:
        delivered = reminder_digests_deliver_pending(deliver_now=True)
    else:
        # Older digests whose delivery task was lost (a killed worker, a broker without redelivery).
        delivered = reminder_digests_deliver_pending(exclude=created)
    return ReminderRun(digests_created=len(created), delivered=delivered)


@transaction.atomic
def reminder_digests_create(*, today: datetime.date, enqueue: bool = True) -> list[int]:
    """Write today's digests (one per reviewer with something new) and their reminders, and with
    `enqueue` hand each to a delivery task once they are committed; returns the digests' ids.

    The planning of a run: a fixed number of queries however many reviewers and forecasts."""
    created = create_digests(today=today)
    if enqueue:
        from .. import tasks  # looked up here: the tasks call the services, never the reverse at import

        for digest_id in created:
            tasks.deliver_review_digest.delay_on_commit(digest_id)
    return created


def reminder_digests_deliver_pending(*, deliver_now: bool = False, exclude: Iterable[int] = ()) -> dict[str, int]:
    """Deliver every pending digest nobody is sending, taking over those of dead processes."""
    release_dead_leases()
    outcomes: dict[str, int] = defaultdict(int)
    pending = ReminderDigest.objects.deliverable(timezone.now()).exclude(pk__in=list(exclude))
    from .. import tasks  # looked up here: the tasks call the services, never the reverse at import

    for digest_id in pending.order_by("pk").values_list("pk", flat=True):
        if not deliver_now:
            tasks.deliver_review_digest.delay_on_commit(digest_id)
            outcomes["enqueued"] += 1
            continue
        try:
            outcomes[reminder_digest_deliver(digest_id=digest_id)] += 1
        except Exception:  # the digest stays pending; one bad address must not stop the rest
            outcomes["pending"] += 1
    return dict(outcomes)
