"""Celery adapters: each task calls one service and owns only its retries and limits."""

import smtplib

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_ready
from django.conf import settings
from django.utils import timezone

from forecasts import services


@shared_task
def flag_due_forecasts() -> None:
    services.forecasts_flag_due()


@shared_task
def send_review_reminders() -> None:
    services.reminders_send()


# SMTP errors and refused or dropped connections are worth retrying; the digest stays pending
# meanwhile. Backoff keeps a struggling mail server from being hammered; retry_backoff_max is
# well below the Redis visibility timeout, so a waiting retry is never redelivered early.
@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError, SoftTimeLimitExceeded),
    retry_backoff=settings.REMINDER_RETRY_BACKOFF_SECONDS,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
    soft_time_limit=45,
    time_limit=60,
)
def deliver_review_digest(digest_id: int) -> None:
    services.reminder_digest_deliver(digest_id=digest_id)


@shared_task
def deliver_pending_digests() -> None:
    services.reminder_digests_deliver_pending()


@worker_ready.connect
def recover_reminders_on_start(sender, **kwargs) -> None:
    """A worker that was killed left pending digests (and maybe an unfinished run) behind, and a
    broker without redelivery (the filesystem one) has lost their tasks: pick them up now
    instead of at tomorrow's run."""
    if settings.REMINDER_CATCH_UP_ON_START and timezone.localtime().hour >= settings.REMINDER_HOUR:
        send_review_reminders.delay()  # delivers pending digests too
    else:
        deliver_pending_digests.delay()
