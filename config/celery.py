import logging.config
import os

from celery import Celery, signals
from django.conf import settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("hindsight")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.setup_logging.connect
def use_django_logging(**kwargs):
    """Worker and beat log like the web app (settings.LOGGING: JSON lines or text on stdout).

    Without a receiver for this signal Celery replaces the root logger's handlers with its own
    text format; with one, it leaves logging to us (and `--loglevel` to LOG_LEVEL).
    """
    logging.config.dictConfig(settings.LOGGING)
