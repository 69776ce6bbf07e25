"""The reminder machinery behind services.reminders_send and services.reminder_digest_deliver.

Exactly once per (forecast, reviewer, cycle) rests on three things, none of them on "only one
beat runs":

1. The cycle of a forecast on a day is a pure function of (review date, day, settings), so every
   run on the same day computes the same cycle.
2. A Reminder row per (forecast, reviewer, cycle) is protected by a unique constraint, and it is
   written in the same transaction as the ReminderDigest (the outbox row) that will carry it.
   Runs for one reviewer are serialised by locking the reviewer's row, so concurrent runs
   produce one digest, and later runs find nothing new.
3. A digest is sent by whoever holds its lease; it is marked sent only after the SMTP server
   accepted it. A failed send leaves it pending for a retry; a dead sender's lease is taken over.
"""

import datetime
import logging
import os
import smtplib
import socket
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

from dateutil import rrule
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import DigestStatus, Forecast, Reminder, ReminderDigest, ReminderKind

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cycle:
    on: datetime.date
    kind: str


def reminder_cycle(
    *,
    review_on: datetime.date,
    today: datetime.date,
    heads_up_days: int,
    repeat_days: int,
    snoozed_on: datetime.date | None = None,
) -> Cycle | None:
    """The reminder cycle a forecast is in on `today`: the latest scheduled reminder day on or
    before today (heads-up, the review date, then every `repeat_days`), or None.

    Taking the latest scheduled day, not only "is today a reminder day", means a run that was
    missed (worker down) is caught up by the next run instead of being lost."""
    if today >= review_on:
        if repeat_days <= 0:
            return Cycle(review_on, ReminderKind.DUE)
        start = datetime.datetime.combine(review_on, datetime.time())
        repeats = rrule.rrule(rrule.DAILY, interval=repeat_days, dtstart=start)
        latest = repeats.before(datetime.datetime.combine(today, datetime.time()), inc=True).date()
        return Cycle(latest, ReminderKind.DUE if latest == review_on else ReminderKind.REPEAT)
    if heads_up_days > 0:
        heads_up_on = review_on - relativedelta(days=heads_up_days)
        # Whoever just snoozed a forecast does not want a heads-up for it the same week.
        snoozed_since = snoozed_on is not None and snoozed_on >= heads_up_on
        if today >= heads_up_on and not snoozed_since:
            return Cycle(heads_up_on, ReminderKind.HEADS_UP)
    return None


def _reachable(user) -> bool:
    return user is not None and user.is_active and bool(user.email)


def fallback_reviewer_ids() -> list[int]:
    """Who reviews forecasts without a (reachable) reviewer: the Reviewers group, else staff."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    members = list(users.filter(groups__name=settings.REVIEWERS_GROUP).values_list("pk", flat=True).distinct())
    return members or list(users.filter(is_staff=True).values_list("pk", flat=True))


@dataclass(frozen=True)
class PlannedReminder:
    forecast_id: int
    review_on: datetime.date
    cycle: Cycle


def plan(*, today: datetime.date) -> dict[int, list[PlannedReminder]]:
    """Reviewer id -> the reminders due on `today` (read only; nothing is claimed yet)."""
    heads_up_days = settings.REMINDER_HEADS_UP_DAYS
    planned: dict[int, list[PlannedReminder]] = defaultdict(list)
    fallback: list[int] | None = None
    forecasts = (
        Forecast.objects.to_remind(today, heads_up_days)
        .select_related("reviewer")
        .only("id", "review_on", "snoozed_on", "reviewer")
        .order_by("id")
    )
    for forecast in forecasts.iterator(chunk_size=2000):
        cycle = reminder_cycle(
            review_on=forecast.review_on,
            today=today,
            heads_up_days=heads_up_days,
            repeat_days=settings.REMINDER_REPEAT_DAYS,
            snoozed_on=forecast.snoozed_on,
        )
        if cycle is None:
            continue
        if _reachable(forecast.reviewer):
            recipients = [forecast.reviewer_id]
        else:
            if fallback is None:
                fallback = fallback_reviewer_ids()
            recipients = fallback
        for reviewer_id in recipients:
            planned[reviewer_id].append(PlannedReminder(forecast.pk, forecast.review_on, cycle))
    if fallback == []:
        logger.warning(
            "Forecasts without a reviewer, and no %s group members or staff with an email address.",
            settings.REVIEWERS_GROUP,
        )
    return planned


@transaction.atomic
def create_digest(*, reviewer_id: int, planned: list[PlannedReminder], today: datetime.date) -> ReminderDigest | None:
    """Write the outbox row and its reminders in one transaction, or nothing if every planned
    reminder already belongs to an earlier digest."""
    # Serialise runs per reviewer: a concurrent run waits here, then finds everything taken.
    # (On SQLite select_for_update is a no-op, but IMMEDIATE transactions serialise all writers.)
    if not list(get_user_model().objects.select_for_update().filter(pk=reviewer_id).values_list("pk", flat=True)):
        return None
    earliest = min(p.cycle.on for p in planned)
    taken = set(
        Reminder.objects.filter(reviewer_id=reviewer_id, cycle_on__gte=earliest).values_list(
            "forecast_id", "review_on", "cycle_on"
        )
    )
    new = [p for p in planned if (p.forecast_id, p.review_on, p.cycle.on) not in taken]
    if not new:
        return None
    digest = ReminderDigest(reviewer_id=reviewer_id, run_on=today)
    digest.full_clean()
    digest.save()
    reminders = [
        Reminder(
            forecast_id=p.forecast_id,
            reviewer_id=reviewer_id,
            review_on=p.review_on,
            cycle_on=p.cycle.on,
            kind=p.cycle.kind,
            digest=digest,
        )
        for p in new
    ]
    # The unique constraint is the last word, whatever the lock above did or did not do.
    Reminder.objects.bulk_create(reminders, ignore_conflicts=True, batch_size=500)
    if not digest.reminders.exists():
        digest.delete()
        return None
    return digest


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
    digest.full_clean()
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


def is_permanent_failure(exc: Exception) -> bool:
    """The server refused the recipient for good (5xx): retrying only repeats the refusal."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    return False


# The email -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DigestItem:
    forecast: Forecast
    kind: str
    days_overdue: int
    admin_url: str


def digest_items(*, digest: ReminderDigest, today: datetime.date) -> list[DigestItem]:
    """What the email lists: the digest's forecasts that still need review. A forecast resolved or
    snoozed since the digest was written (a retry can be hours later) is left out."""
    reminders = digest.reminders.filter(forecast__in=Forecast.objects.unresolved())
    items = []
    for reminder in reminders.select_related("forecast__source__publication", "forecast__author").order_by(
        "forecast__review_on", "forecast_id"
    ):
        forecast = reminder.forecast
        if forecast.review_on != reminder.review_on:
            continue
        items.append(
            DigestItem(
                forecast=forecast,
                kind=reminder.kind,
                days_overdue=(today - forecast.review_on).days,
                admin_url=settings.SITE_URL + reverse("admin:forecasts_forecast_change", args=[forecast.pk]),
            )
        )
    return items


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def build_message(*, digest: ReminderDigest, items: list[DigestItem], today: datetime.date) -> EmailMultiAlternatives:
    overdue = [i for i in items if i.days_overdue > 0]
    due_today = [i for i in items if i.days_overdue == 0]
    coming_up = [i for i in items if i.days_overdue < 0]
    subject = f"Hindsight: {_plural(len(items), 'forecast')} to review"
    if overdue:
        subject += f" ({len(overdue)} overdue)"
    context = {
        "reviewer": digest.reviewer,
        "today": today,
        "sections": [
            ("Overdue", overdue),
            ("Due today", due_today),
            ("Coming up", coming_up),
        ],
        "count": len(items),
        "site_url": settings.SITE_URL,
        "admin_due_url": settings.SITE_URL + reverse("admin:forecasts_forecast_changelist") + "?status__exact=due",
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("forecasts/email/review_digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[digest.reviewer.email],
        # A stable Message-ID: if the residual window ever produces a second copy, mail
        # systems that deduplicate by Message-ID can drop it.
        headers={"Message-ID": f"<reminder-digest-{digest.pk}@{urlsplit(settings.SITE_URL).hostname or 'hindsight'}>"},
    )
    message.attach_alternative(render_to_string("forecasts/email/review_digest.html", context), "text/html")
    return message


def deliver(*, digest_id: int) -> str:
    """Send one digest if nobody has, and say what happened ("sent", "skipped", ...).

    SMTP and connection errors propagate after the lease is released, so the caller (the Celery
    task) retries; the digest stays pending until a send succeeded."""
    owner = process_identity()
    digest = lease(digest_id=digest_id, owner=owner)
    if digest is None:
        return "skipped"
    # "Days overdue" as of the run that wrote the digest, so a retry tells the same story.
    today = digest.run_on
    items = digest_items(digest=digest, today=today)
    if not items:
        finish(digest=digest, owner=owner, status=DigestStatus.CANCELLED)
        return DigestStatus.CANCELLED
    message = build_message(digest=digest, items=items, today=today)
    try:
        message.send()
    except Exception as exc:
        if is_permanent_failure(exc):
            finish(digest=digest, owner=owner, status=DigestStatus.FAILED, error=repr(exc))
            return DigestStatus.FAILED
        release(digest=digest, owner=owner, error=repr(exc))
        raise
    # The one window exactly-once cannot close: the SMTP server has accepted the message, and
    # the row is not yet marked sent. If this process dies right here (or the database is
    # unreachable for the next statement), the lease runs out and the digest is sent again.
    # No SMTP transaction can be committed together with a database row; the window is one
    # UPDATE long, and the stable Message-ID lets the receiving side drop the copy.
    if not finish(digest=digest, owner=owner, status=DigestStatus.SENT):
        logger.error("Digest %s was sent but its lease had been taken over; it may arrive twice.", digest.pk)
    return DigestStatus.SENT
