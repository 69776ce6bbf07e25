import logging
import logging.config
import os

from celery import Celery, bootsteps, signals
from django.conf import settings
from django.utils import timezone

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("hindsight")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)


@signals.setup_logging.connect
def use_django_logging(**kwargs):
    """Worker and beat log like the web app (settings.LOGGING: JSON lines or text on stdout).

    Without a receiver for this signal Celery replaces the root logger's handlers with its own
    text format; with one, it leaves logging to us (and `--loglevel` to LOG_LEVEL).
    """
    logging.config.dictConfig(settings.LOGGING)


# Reminder recovery: registered with the worker here, on the app, so that importing the tasks
# (as the web process does to enqueue them) changes nothing in Celery.


def _recover_reminders() -> None:
    if settings.REMINDER_CATCH_UP_ON_START and timezone.localtime().hour >= settings.REMINDER_HOUR:
        app.send_task("forecasts.tasks.send_review_reminders")  # delivers pending digests too
    else:
        app.send_task("forecasts.tasks.deliver_pending_digests")


@signals.worker_ready.connect
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


app.steps["consumer"].add(RecoverRemindersOnReconnect)
