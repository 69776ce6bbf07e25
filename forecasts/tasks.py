"""Celery adapters: each task calls one service and owns only its retries and limits.

The services are imported inside each task: the services enqueue these tasks (looked up when
they run), so neither module imports the other at import time. Importing this module changes
nothing in the Celery app; the worker's start and reconnect hooks are in config/celery.py."""

import smtplib

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError

# A database that is restarting (or briefly unreachable) fails a task with a connection error;
# each task gets a fresh connection (Celery's Django fixup closes the old one around every task),
# so a retry a few seconds later finds the database back. Without the retry, a run that fails is
# acknowledged and gone until tomorrow's. Every task here is idempotent, so retrying is safe.
RETRY_ON_DATABASE_ERRORS = {
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": settings.REMINDER_RETRY_BACKOFF_SECONDS,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": 8,
}


@shared_task(**RETRY_ON_DATABASE_ERRORS)
def flag_due_forecasts() -> None:
    from forecasts import services

    services.forecasts_flag_due()


@shared_task(**RETRY_ON_DATABASE_ERRORS)
def send_review_reminders() -> None:
    from forecasts import services

    services.reminders_send()


# SMTP errors and refused or dropped connections are worth retrying; the digest stays pending
# meanwhile. Backoff keeps a struggling mail server from being hammered; retry_backoff_max is
# well below the Redis visibility timeout, so a waiting retry is never redelivered early.
@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError, SoftTimeLimitExceeded, OperationalError, InterfaceError),
    retry_backoff=settings.REMINDER_RETRY_BACKOFF_SECONDS,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=8,
    soft_time_limit=45,
    time_limit=60,
)
def deliver_review_digest(digest_id: int) -> None:
    from forecasts import services

    services.reminder_digest_deliver(digest_id=digest_id)


@shared_task(**RETRY_ON_DATABASE_ERRORS)
def deliver_pending_digests() -> None:
    from forecasts import services

    services.reminder_digests_deliver_pending()
