"""Celery adapters: each task calls one service and owns only its retries and limits."""

import logging
import smtplib

from celery import bootsteps, current_app, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_ready
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from forecasts import services

logger = logging.getLogger(__name__)

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
    services.forecasts_flag_due()


@shared_task(**RETRY_ON_DATABASE_ERRORS)
def send_review_reminders() -> None:
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
    services.reminder_digest_deliver(digest_id=digest_id)


@shared_task(**RETRY_ON_DATABASE_ERRORS)
def deliver_pending_digests() -> None:
    services.reminder_digests_deliver_pending()


def _recover_reminders() -> None:
    if settings.REMINDER_CATCH_UP_ON_START and timezone.localtime().hour >= settings.REMINDER_HOUR:
        send_review_reminders.delay()  # delivers pending digests too
    else:
        deliver_pending_digests.delay()


@worker_ready.connect
def recover_reminders_on_start(sender, **kwargs) -> None:
    """A worker that was killed left pending digests (and maybe an unfinished run) behind, and a
    broker without redelivery (the filesystem one) has lost their tasks: pick them up now
    instead of at tomorrow's run."""
    _recover_reminders()


class RecoverRemindersOnReconnect(bootsteps.StartStopStep):
    """A broker that restarted without persistence (Redis as usually configured) has lost every
    queued task: delivery tasks of digests that stay pending, maybe today's run itself. The
    worker reconnects by itself, but worker_ready fired only once, at its start: so each time the
    worker's consumer connects again, recover as at a start. Idempotent, like everything it runs;
    a digest whose task did survive is sent once, the second task finds it sent."""

    requires = {"celery.worker.consumer.tasks:Tasks"}

    def __init__(self, parent, **kwargs):
        super().__init__(parent, **kwargs)
        self.connections = 0

    def start(self, parent) -> None:
        self.connections += 1
        if self.connections > 1:
            logger.info("Connected to the broker again: delivering what its restart may have lost.")
            _recover_reminders()


current_app.steps["consumer"].add(RecoverRemindersOnReconnect)
