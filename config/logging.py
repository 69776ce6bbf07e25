"""One logging configuration for every process: the web app, gunicorn, Celery worker and beat.

Production logs are JSON lines on stdout (one object per record: timestamp, level, logger,
message, plus the request or task fields a record carries), so a log collector can parse them
without a grammar per process; `make run` keeps plain text so a person can read it.

This module imports neither Django settings nor the Celery app: settings.py, config/gunicorn.py
(a gunicorn master has no Django) and config/celery.py all build the same dictionary from it.
"""

import logging

from pythonjsonlogger.core import RESERVED_ATTRS

LOG_FORMATS = ("json", "text")

# Attributes that must not be copied into the JSON object as they are: Django attaches the
# request object itself (its repr is noise and may include the query string), gunicorn's access
# records carry their format arguments (turned into named fields below).
_NOT_SERIALISED = [*RESERVED_ATTRS, "request", "taskName", "color_message"]

# gunicorn's access-log atoms, by the name each gets in the JSON object.
_ACCESS_FIELDS = {
    "remote_addr": "h",
    "method": "m",
    "path": "U",
    "query": "q",
    "status": "s",
    "bytes": "B",
    "duration_ms": "M",
    "referer": "f",
    "user_agent": "a",
}


class ContextFilter(logging.Filter):
    """Adds the request or task a record belongs to as named fields (never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "method"):
            # django.request / django.security records: which request failed.
            record.http_method = request.method
            record.path = request.path
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            for field, atom in _ACCESS_FIELDS.items():
                value = record.args.get(atom)
                if value not in (None, "-", ""):
                    setattr(record, field, value)
        task = _current_celery_task()
        if task is not None:
            record.task_id = task.request.id
            record.task_name = task.name
        return True


def _current_celery_task():
    # Celery's own TaskFormatter reads the running task the same way; outside a worker it is None.
    try:
        from celery._state import get_current_task
    except ImportError:  # pragma: no cover - celery is a runtime dependency
        return None
    task = get_current_task()
    if task is None or task.request is None or task.request.id is None:
        return None
    return task


def logging_config(*, log_format: str, level: str) -> dict:
    """The dictConfig for every Hindsight process: stdout, JSON lines or text."""
    if log_format not in LOG_FORMATS:
        raise ValueError(f"LOG_FORMAT must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}")
    level = level.upper()
    # A logger with no handlers of its own that passes records to the root's stdout handler.
    through_root = {"handlers": [], "level": level, "propagate": True}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": "config.logging.ContextFilter"}},
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": ["levelname", "name", "message"],
                "rename_fields": {"levelname": "level", "name": "logger"},
                "timestamp": True,  # ISO 8601 in UTC, under the key "timestamp"
                "reserved_attrs": _NOT_SERIALISED,
            },
            "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": log_format,
                "filters": ["context"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's default configuration gives these their own stderr handlers (shown only
            # with DEBUG) and mail_admins; route them through the one handler instead.
            "django": through_root,
            "django.server": through_root,
            # SQL statements are logged at DEBUG; keep them out even when LOG_LEVEL=DEBUG.
            "django.db.backends": {"handlers": [], "level": "INFO", "propagate": True},
            "gunicorn.error": through_root,
            "gunicorn.access": {"handlers": [], "level": "INFO", "propagate": True},
            "celery": through_root,
        },
    }
