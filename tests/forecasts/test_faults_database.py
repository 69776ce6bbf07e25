"""The database failing under a reminder run (PostgreSQL restarting): nothing stays stuck, nothing
is lost, and what was sent is recorded once the database answers again.

A real PostgreSQL restart in the middle of a run is `python -m benchmarks.faults postgres` (a
private cluster; CI cannot restart the shared one) and test_faults_postgres.py."""

import datetime

import pytest
from django.core import mail
from django.db import InterfaceError, OperationalError

from forecasts import reminders, services, tasks
from forecasts.models import DigestStatus, ReminderDigest
from forecasts.services import reminders as reminder_services
from tests.factories import ForecastFactory, UserFactory

TODAY = datetime.date(2024, 7, 1)


@pytest.fixture(autouse=True)
def reminder_settings(settings):
    settings.REMINDER_HEADS_UP_DAYS = 0
    settings.REMINDER_REPEAT_DAYS = 7
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def one_pending_digest() -> ReminderDigest:
    ForecastFactory(reviewer=UserFactory(), review_on=TODAY)
    services.reminders_send(today=TODAY)  # enqueue mode: written, not sent
    return ReminderDigest.objects.get()


def failing_first(monkeypatch, owner, name, times, error=OperationalError):
    """Make owner.name raise `error` the first `times` calls; returns the list of calls."""
    real = getattr(owner, name)
    calls = []

    def flaky(*args, **kwargs):
        calls.append(args or kwargs)
        if len(calls) <= times:
            raise error("server closed the connection unexpectedly")
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, flaky)
    return calls


@pytest.mark.django_db
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_a_database_error_after_the_lease_gives_the_lease_back_for_the_retry(monkeypatch, error):
    digest = one_pending_digest()
    failing_first(monkeypatch, reminders, "digest_items", 1, error)

    with pytest.raises(error):
        services.reminder_digest_deliver(digest_id=digest.pk)

    digest.refresh_from_db()
    assert (digest.status, digest.lease_owner, digest.lease_expires_at) == (DigestStatus.PENDING, "", None)
    assert error.__name__ in digest.last_error
    assert mail.outbox == []
    # The task's retry (same process or another) takes it again instead of skipping it.
    assert services.reminder_digest_deliver(digest_id=digest.pk) == DigestStatus.SENT
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_send_is_recorded_once_the_database_answers_again(monkeypatch):
    digest = one_pending_digest()
    calls = failing_first(monkeypatch, reminder_services, "finish", 2)

    assert services.reminder_digest_deliver(digest_id=digest.pk) == DigestStatus.SENT

    assert len(calls) == 3
    digest.refresh_from_db()
    assert (digest.status, digest.attempts, digest.lease_owner) == (DigestStatus.SENT, 1, "")
    assert len(mail.outbox) == 1
    # Nothing left to send again.
    assert services.reminder_digests_deliver_pending(deliver_now=True) == {}
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_database_down_for_longer_than_the_patience_fails_the_attempt(monkeypatch):
    digest = one_pending_digest()
    monkeypatch.setattr(reminder_services, "DATABASE_PATIENCE_SECONDS", 0.5)
    calls = failing_first(monkeypatch, reminder_services, "release", 100)
    failing_first(monkeypatch, reminders, "digest_items", 100)

    with pytest.raises(OperationalError):
        services.reminder_digest_deliver(digest_id=digest.pk)
    assert 1 < len(calls) < 5
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("task", "service", "kwargs"),
    [
        (tasks.send_review_reminders, "reminders_send", {}),
        (tasks.flag_due_forecasts, "forecasts_flag_due", {}),
        (tasks.deliver_pending_digests, "reminder_digests_deliver_pending", {}),
        (tasks.deliver_review_digest, "reminder_digest_deliver", {"args": (1,)}),
    ],
)
@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_tasks_retry_on_database_connection_errors(monkeypatch, settings, task, service, kwargs, error):
    """Instead of failing, being acknowledged and lost until tomorrow's run."""
    calls = []

    def flaky(**_):
        calls.append(1)
        if len(calls) == 1:
            raise error("the connection is closed")

    monkeypatch.setattr(services, service, flaky)

    # apply() runs the task here and its retry right away (no countdown, no broker).
    result = task.apply(**kwargs)

    assert len(calls) == 2
    assert result.state == "SUCCESS"
