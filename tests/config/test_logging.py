"""Logs are JSON lines on stdout in production (Django, Celery), text with DEBUG or LOG_FORMAT=text.
gunicorn's own lines are checked in test_production_site.py."""

import json

import pytest

from config.logging import logging_config

from .deployment import production_env, run_django

pytestmark = pytest.mark.slow

REQUIRED = {"timestamp", "level", "logger", "message"}


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_an_application_record_is_one_json_line(tmp_path):
    result = run_django(
        production_env(tmp_path),
        "import logging\n"
        "logging.getLogger('forecasts.reminders').warning('Digest %s failed', 7, extra={'digest_id': 7})\n",
    )
    assert result.returncode == 0, result.stderr
    [record] = json_lines(result.stdout)
    assert record.keys() >= REQUIRED
    assert record["level"] == "WARNING"
    assert record["logger"] == "forecasts.reminders"
    assert record["message"] == "Digest 7 failed"
    assert record["digest_id"] == 7
    assert record["timestamp"].endswith("+00:00")


def test_a_failed_request_is_logged_with_its_request_fields(tmp_path):
    result = run_django(
        production_env(tmp_path),
        "from django.test import Client\n"
        "Client().get('/api/no-such-thing/', HTTP_HOST='hindsight.example.org', secure=True)\n",
    )
    assert result.returncode == 0, result.stderr
    [record] = [r for r in json_lines(result.stdout) if r["logger"] == "django.request"]
    assert record.keys() >= REQUIRED
    assert record["level"] == "WARNING"
    assert (record["http_method"], record["path"], record["status_code"]) == ("GET", "/api/no-such-thing/", 404)
    assert "request" not in record  # the request object itself is never dumped


def test_an_exception_keeps_its_traceback_inside_the_one_line(tmp_path):
    result = run_django(
        production_env(tmp_path),
        "import logging\n"
        "try:\n"
        "    1 / 0\n"
        "except ZeroDivisionError:\n"
        "    logging.getLogger('forecasts').exception('Boom')\n",
    )
    [record] = json_lines(result.stdout)
    assert record["level"] == "ERROR"
    assert "ZeroDivisionError" in record["exc_info"]


def test_celery_logs_through_the_same_configuration_with_task_fields(tmp_path):
    # What a worker does when it starts (app.log.setup), then a task that logs.
    result = run_django(
        production_env(tmp_path),
        "import logging\n"
        "from config.celery import app\n"
        "app.log.setup(loglevel='INFO')\n"
        "logging.getLogger('celery.worker').info('worker ready')\n"
        "@app.task(name='probe.log_something')\n"
        "def log_something():\n"
        "    logging.getLogger('forecasts.tasks').info('inside the task')\n"
        "log_something.apply(task_id='task-123')\n",
    )
    assert result.returncode == 0, result.stderr
    records = json_lines(result.stdout)
    assert all(record.keys() >= REQUIRED for record in records)
    worker = next(r for r in records if r["logger"] == "celery.worker")
    assert worker["message"] == "worker ready"
    assert "task_id" not in worker
    task = next(r for r in records if r["message"] == "inside the task")
    assert (task["task_id"], task["task_name"]) == ("task-123", "probe.log_something")


@pytest.mark.parametrize("variables", [{"DEBUG": "1"}, {"LOG_FORMAT": "text"}])
def test_text_for_people(tmp_path, variables):
    result = run_django(
        production_env(tmp_path, **variables), "import logging\nlogging.getLogger('forecasts').warning('Plain')\n"
    )
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    assert line.endswith("WARNING forecasts: Plain")
    with pytest.raises(json.JSONDecodeError):
        json.loads(line)


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="LOG_FORMAT"):
        logging_config(log_format="xml", level="INFO")
