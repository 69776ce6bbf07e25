import datetime
import smtplib
import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from forecasts import reminders, services, tasks
from forecasts.models import DigestStatus, Forecast, Outcome, Reminder, ReminderDigest, ReminderKind, Status
from forecasts.reminders import Cycle, reminder_cycle
from forecasts.services import reminders as reminder_services
from tests.factories import ForecastFactory, SourceFactory, StaffFactory, UserFactory

TODAY = datetime.date(2024, 7, 1)
D = datetime.date


@pytest.fixture(autouse=True)
def reminder_settings(settings):
    settings.REMINDER_HEADS_UP_DAYS = 0
    settings.REMINDER_REPEAT_DAYS = 7
    settings.SITE_URL = "https://hindsight.example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings


def run(today=TODAY):
    return services.reminders_send(today=today, deliver_now=True)


def days(n):
    return datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("review_on", "today", "heads_up", "repeat", "expected"),
    [
        (D(2024, 7, 10), D(2024, 7, 1), 0, 7, None),
        (D(2024, 7, 10), D(2024, 7, 7), 3, 7, Cycle(D(2024, 7, 7), ReminderKind.HEADS_UP)),
        (D(2024, 7, 10), D(2024, 7, 9), 3, 7, Cycle(D(2024, 7, 7), ReminderKind.HEADS_UP)),
        (D(2024, 7, 10), D(2024, 7, 6), 3, 7, None),
        (D(2024, 7, 10), D(2024, 7, 10), 3, 7, Cycle(D(2024, 7, 10), ReminderKind.DUE)),
        (D(2024, 7, 10), D(2024, 7, 16), 0, 7, Cycle(D(2024, 7, 10), ReminderKind.DUE)),
        (D(2024, 7, 10), D(2024, 7, 17), 0, 7, Cycle(D(2024, 7, 17), ReminderKind.REPEAT)),
        (D(2024, 7, 10), D(2024, 8, 1), 0, 7, Cycle(D(2024, 7, 31), ReminderKind.REPEAT)),
        (D(2024, 7, 10), D(2025, 7, 10), 0, 0, Cycle(D(2024, 7, 10), ReminderKind.DUE)),
    ],
)
def test_reminder_cycle_is_the_latest_scheduled_day(review_on, today, heads_up, repeat, expected):
    assert reminder_cycle(review_on=review_on, today=today, heads_up_days=heads_up, repeat_days=repeat) == expected


def test_no_heads_up_right_after_a_snooze():
    cycle = reminder_cycle(
        review_on=D(2024, 7, 10), today=D(2024, 7, 8), heads_up_days=3, repeat_days=7, snoozed_on=D(2024, 7, 8)
    )
    assert cycle is None


@pytest.mark.django_db
def test_one_digest_per_reviewer_listing_each_due_forecast():
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    ForecastFactory.create_batch(2, reviewer=alice, review_on=TODAY - days(3))
    ForecastFactory(reviewer=bob, review_on=TODAY)
    ForecastFactory(reviewer=bob, review_on=TODAY + days(1))

    result = run()

    assert result.digests_created == 2
    assert result.delivered == {DigestStatus.SENT: 2}
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_recipient) == ["alice@example.org", "bob@example.org"]
    assert by_recipient["alice@example.org"].subject == "Hindsight: 2 forecasts to review (2 overdue)"
    assert by_recipient["bob@example.org"].subject == "Hindsight: 1 forecast to review"
    assert Reminder.objects.filter(reviewer=alice).count() == 2
    assert set(ReminderDigest.objects.values_list("status", flat=True)) == {DigestStatus.SENT}


@pytest.mark.django_db
def test_digest_shows_claim_source_review_date_days_overdue_and_admin_link():
    reviewer = UserFactory(username="carol", first_name="Carol")
    source = SourceFactory(title="Trade and the region in 2023", publication__name="East Asia Forum")
    forecast = ForecastFactory(
        reviewer=reviewer,
        source=source,
        claim="Regional trade grows in 2023",
        review_on=D(2024, 6, 26),
        estimative_phrase="will likely",
        probability=0.675,
    )

    run()

    [message] = mail.outbox
    text = message.body
    html, mimetype = message.alternatives[0]
    link = f"https://hindsight.example.org/admin/forecasts/forecast/{forecast.pk}/change/"
    assert mimetype == "text/html"
    for body in (text, html):
        assert "Regional trade grows in 2023" in body
        assert "Trade and the region in 2023" in body
        assert "East Asia Forum" in body
        assert "26" in body and "2024" in body
        assert "5 days overdue" in body
        assert "(67.5%)" in body  # as entered and as the admin shows it, not rounded to 68%
        assert link in body
    assert text.startswith("Hello Carol,")
    assert message.extra_headers["Message-ID"].startswith("<reminder-digest-")


@pytest.mark.django_db
def test_running_again_the_same_day_sends_nothing():
    reviewer = UserFactory()
    ForecastFactory.create_batch(3, reviewer=reviewer, review_on=TODAY)
    run()

    again = run()

    assert again.digests_created == 0
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 3


@pytest.mark.django_db
def test_reminded_again_every_repeat_days_while_unresolved():
    reviewer = UserFactory()
    forecast = ForecastFactory(reviewer=reviewer, review_on=TODAY)
    run(TODAY)
    run(TODAY + days(3))
    run(TODAY + days(7))
    services.forecast_resolve(forecast=forecast, outcome=Outcome.ANNULLED, resolved_by=None)
    run(TODAY + days(14))

    assert len(mail.outbox) == 2
    assert list(Reminder.objects.order_by("cycle_on").values_list("cycle_on", "kind")) == [
        (TODAY, ReminderKind.DUE),
        (TODAY + days(7), ReminderKind.REPEAT),
    ]
    assert "7 days overdue" in mail.outbox[1].body


@pytest.mark.django_db
def test_a_missed_run_is_caught_up_by_the_next(settings):
    reviewer = UserFactory()
    ForecastFactory(reviewer=reviewer, review_on=TODAY)

    run(TODAY + days(2))

    assert len(mail.outbox) == 1
    assert Reminder.objects.get().cycle_on == TODAY


@pytest.mark.django_db
def test_heads_up_before_the_review_date(reminder_settings):
    reminder_settings.REMINDER_HEADS_UP_DAYS = 3
    reviewer = UserFactory()
    ForecastFactory(reviewer=reviewer, review_on=TODAY + days(3))

    run(TODAY - days(1))
    run(TODAY)
    run(TODAY + days(1))
    run(TODAY + days(3))

    assert len(mail.outbox) == 2
    assert "COMING UP" in mail.outbox[0].body and "in 3 days" in mail.outbox[0].body
    assert "DUE TODAY" in mail.outbox[1].body


@pytest.mark.django_db
def test_resolved_annulled_proposed_and_snoozed_forecasts_are_not_reminded():
    reviewer = UserFactory()
    kept = ForecastFactory(reviewer=reviewer, review_on=TODAY, claim="Still open")
    resolved = ForecastFactory(reviewer=reviewer, review_on=TODAY, claim="Resolved")
    services.forecast_resolve(
        forecast=resolved, outcome=Outcome.YES, evidence_url="https://example.org/e", note="Grew.", resolved_by=None
    )
    annulled = ForecastFactory(reviewer=reviewer, review_on=TODAY, claim="Annulled")
    services.forecast_resolve(forecast=annulled, outcome=Outcome.ANNULLED, resolved_by=None)
    ForecastFactory(reviewer=reviewer, review_on=TODAY, status=Status.PROPOSED, claim="Proposed")
    snoozed = ForecastFactory(reviewer=reviewer, review_on=TODAY - days(2), claim="Snoozed")
    services.forecast_snooze(
        forecast=snoozed, review_on=timezone.localdate() + days(30), reason="Figures late", snoozed_by=None
    )

    run(timezone.localdate())

    [message] = mail.outbox
    assert "Still open" in message.body
    for claim in ("Resolved", "Annulled", "Proposed", "Snoozed"):
        assert f"* {claim}\n" not in message.body
    assert list(Reminder.objects.values_list("forecast", flat=True)) == [kept.pk]


@pytest.mark.django_db
def test_unassigned_forecasts_go_to_the_reviewers_group():
    group = Group.objects.get_or_create(name="Reviewers")[0]
    members = [UserFactory(username="r1"), UserFactory(username="r2")]
    group.user_set.add(*members)
    StaffFactory(username="boss")
    ForecastFactory(reviewer=None, review_on=TODAY)

    run()

    assert sorted(m.to[0] for m in mail.outbox) == ["r1@example.org", "r2@example.org"]


@pytest.mark.django_db
def test_unassigned_forecasts_go_to_staff_when_the_group_is_empty():
    Group.objects.get_or_create(name="Reviewers")
    StaffFactory(username="boss")
    StaffFactory(username="gone", is_active=False)
    UserFactory(username="reader")
    ForecastFactory(reviewer=None, review_on=TODAY)

    run()

    assert [m.to[0] for m in mail.outbox] == ["boss@example.org"]


@pytest.mark.django_db
def test_a_reviewer_without_email_falls_back_to_the_group():
    StaffFactory(username="boss")
    ForecastFactory(reviewer=UserFactory(username="noemail", email=""), review_on=TODAY)

    run()

    assert [m.to[0] for m in mail.outbox] == ["boss@example.org"]


@pytest.mark.django_db
def test_smtp_failure_leaves_the_digest_pending_until_a_send_succeeds(monkeypatch):
    reviewer = UserFactory()
    ForecastFactory(reviewer=reviewer, review_on=TODAY)
    real_send = reminders.EmailMultiAlternatives.send

    def refuse(self, fail_silently=False):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(reminders.EmailMultiAlternatives, "send", refuse)
    first = run()
    digest = ReminderDigest.objects.get()
    assert first.delivered == {"pending": 1}
    assert digest.status == DigestStatus.PENDING
    assert digest.sent_at is None
    assert digest.attempts == 1
    assert "SMTPServerDisconnected" in digest.last_error
    assert digest.lease_owner == ""

    monkeypatch.setattr(reminders.EmailMultiAlternatives, "send", real_send)
    second = run()

    digest.refresh_from_db()
    assert second.digests_created == 0
    assert digest.status == DigestStatus.SENT
    assert digest.attempts == 2
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_permanently_refused_address_fails_without_blocking_others(monkeypatch):
    good, bad = UserFactory(username="good"), UserFactory(username="bad")
    ForecastFactory(reviewer=good, review_on=TODAY)
    ForecastFactory(reviewer=bad, review_on=TODAY)
    real_send = reminders.EmailMultiAlternatives.send

    def send(self, fail_silently=False):
        if self.to == ["bad@example.org"]:
            raise smtplib.SMTPRecipientsRefused({"bad@example.org": (550, b"No such user")})
        return real_send(self, fail_silently)

    monkeypatch.setattr(reminders.EmailMultiAlternatives, "send", send)
    run()

    assert [m.to[0] for m in mail.outbox] == ["good@example.org"]
    assert ReminderDigest.objects.get(reviewer=bad).status == DigestStatus.FAILED
    assert ReminderDigest.objects.get(reviewer=good).status == DigestStatus.SENT


@pytest.mark.django_db
def test_a_digest_leased_by_a_live_sender_is_left_alone():
    reviewer = UserFactory()
    ForecastFactory(reviewer=reviewer, review_on=TODAY)
    services.reminders_send(today=TODAY)  # enqueue mode: nothing sent yet
    digest = ReminderDigest.objects.get()
    assert reminder_services.lease(digest_id=digest.pk, owner="otherhost:1") is not None

    assert services.reminder_digest_deliver(digest_id=digest.pk) == "skipped"
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_lease_of_a_dead_process_on_this_host_is_taken_over():
    reviewer = UserFactory()
    ForecastFactory(reviewer=reviewer, review_on=TODAY)
    services.reminders_send(today=TODAY)
    digest = ReminderDigest.objects.get()
    # PIDs never exceed pid_max (at most 2**22 on Linux), so this one cannot be alive.
    reminder_services.lease(digest_id=digest.pk, owner=f"{reminder_services.socket.gethostname()}:{2**23}")

    assert services.reminder_digests_deliver_pending(deliver_now=True) == {DigestStatus.SENT: 1}
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_forecast_resolved_before_the_digest_went_out_is_left_out():
    reviewer = UserFactory()
    forecast = ForecastFactory(reviewer=reviewer, review_on=TODAY)
    services.reminders_send(today=TODAY)
    services.forecast_resolve(forecast=forecast, outcome=Outcome.ANNULLED, resolved_by=None)

    assert services.reminder_digest_deliver(digest_id=ReminderDigest.objects.get().pk) == DigestStatus.CANCELLED
    assert mail.outbox == []


@pytest.mark.django_db
def test_delivery_is_enqueued_after_commit(django_capture_on_commit_callbacks, monkeypatch):
    enqueued = []
    monkeypatch.setattr(tasks.deliver_review_digest, "delay", lambda digest_id: enqueued.append(digest_id))
    ForecastFactory(reviewer=UserFactory(), review_on=TODAY)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.reminders_send(today=TODAY)
        assert enqueued == []

    for callback in callbacks:
        callback()
    assert enqueued == [ReminderDigest.objects.get().pk]


@pytest.mark.django_db
def test_the_database_refuses_a_second_reminder_for_the_same_cycle():
    reviewer = UserFactory()
    forecast = ForecastFactory(reviewer=reviewer, review_on=TODAY)
    run()
    digest = ReminderDigest.objects.get()

    with pytest.raises(ValidationError):
        Reminder(
            forecast=forecast, reviewer=reviewer, review_on=TODAY, cycle_on=TODAY, kind="due", digest=digest
        ).validate_constraints()


@pytest.mark.django_db
def test_snooze_moves_the_review_date_and_keeps_the_reason_in_history():
    editor = StaffFactory(username="editor")
    forecast = ForecastFactory(review_on=D(2024, 1, 31))
    services.forecasts_flag_due()
    new_date = timezone.localdate() + days(14)

    services.forecast_snooze(
        forecast=forecast, review_on=new_date, reason="Statistics office delayed", snoozed_by=editor
    )

    forecast.refresh_from_db()
    assert forecast.review_on == new_date
    assert forecast.status == Status.OPEN
    assert forecast.snoozed_on == timezone.localdate()
    latest = forecast.history.latest()
    assert latest.history_user == editor
    assert latest.history_change_reason == (
        f"Snoozed from 2024-01-31 to {new_date.isoformat()}: Statistics office delayed"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("offset", "reason", "field"),
    [(0, "Later", "review_on"), (-1, "Later", "review_on"), (5, "   ", "reason")],
)
def test_snooze_needs_a_later_day_and_a_reason(offset, reason, field):
    forecast = ForecastFactory(review_on=D(2024, 1, 31))

    with pytest.raises(ValidationError) as error:
        services.forecast_snooze(
            forecast=forecast, review_on=timezone.localdate() + days(offset), reason=reason, snoozed_by=None
        )
    assert field in error.value.message_dict


@pytest.mark.django_db
def test_resolved_forecasts_cannot_be_snoozed():
    forecast = ForecastFactory(review_on=D(2024, 1, 31))
    services.forecast_resolve(forecast=forecast, outcome=Outcome.ANNULLED, resolved_by=None)

    with pytest.raises(ValidationError):
        services.forecast_snooze(
            forecast=forecast, review_on=timezone.localdate() + days(5), reason="Later", snoozed_by=None
        )


@pytest.mark.django_db
def test_send_review_reminders_command_sends_without_celery(capsys):
    ForecastFactory(reviewer=UserFactory(), review_on=D(2024, 1, 31))

    call_command("send_review_reminders")
    call_command("send_review_reminders")

    out = capsys.readouterr().out.splitlines()
    assert out == ["Created 1 digest(s); delivery: 1 sent.", "Created 0 digest(s); delivery: none."]
    assert len(mail.outbox) == 1
    assert Forecast.objects.get().status == Status.DUE


@pytest.mark.django_db(serialized_rollback=True)
def test_the_periodic_tasks_exist_after_migrate(settings):
    flag = PeriodicTask.objects.get(task="forecasts.tasks.flag_due_forecasts")
    remind = PeriodicTask.objects.get(task="forecasts.tasks.send_review_reminders")

    assert (flag.interval.every, flag.interval.period) == (1, "hours")
    assert flag.enabled and remind.enabled
    assert remind.crontab.hour == str(settings.REMINDER_HOUR)
    assert remind.crontab.minute == "0"
    assert str(remind.crontab.timezone) == settings.TIME_ZONE


@pytest.mark.django_db
def test_snooze_action_in_the_admin(staff_client):
    forecast = ForecastFactory(review_on=D(2024, 1, 31))
    new_date = timezone.localdate() + days(10)
    url = "/admin/forecasts/forecast/"
    selection = {"action": "snooze_selected", "_selected_action": [forecast.pk]}

    form_page = staff_client.post(url, selection)
    assert form_page.status_code == 200
    assert b"New review date" in form_page.content

    done = staff_client.post(
        url, {**selection, "apply": "Snooze", "review_on": new_date.isoformat(), "reason": "Census delayed"}
    )

    assert done.status_code == 302
    forecast.refresh_from_db()
    assert forecast.review_on == new_date
    assert forecast.history.latest().history_change_reason.endswith(": Census delayed")


@pytest.mark.django_db
def test_reminder_log_is_read_only_in_the_admin(staff_client):
    forecast = ForecastFactory(reviewer=UserFactory(username="dora"), review_on=TODAY, claim="Exports rise")
    run()
    digest = ReminderDigest.objects.get()

    listing = staff_client.get("/admin/forecasts/reminderdigest/")
    detail = staff_client.get(f"/admin/forecasts/reminderdigest/{digest.pk}/change/")

    assert listing.status_code == 200 and b"dora" in listing.content
    assert detail.status_code == 200
    assert f"/admin/forecasts/forecast/{forecast.pk}/change/".encode() in detail.content
    assert b'name="_save"' not in detail.content
    assert staff_client.get("/admin/forecasts/reminderdigest/add/").status_code == 403


def _proc_state(pid):
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rpartition(")")[2].split()[0]


def test_a_zombie_process_does_not_keep_its_lease():
    """A SIGKILLed pool process lingers as a zombie until reaped; its leases must go at once."""
    import os
    import signal
    import subprocess

    from forecasts.services.reminders import _pid_alive

    child = subprocess.Popen(["sleep", "30"])
    try:
        assert _pid_alive(child.pid)
        os.kill(child.pid, signal.SIGKILL)
        # Not reaped yet: a zombie, which signal 0 still reaches. The kernel turns it into one
        # asynchronously, so wait (with a deadline) until /proc says so.
        deadline = time.monotonic() + 10
        while _proc_state(child.pid) != "Z" and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _proc_state(child.pid) == "Z"
        assert not _pid_alive(child.pid)
    finally:
        child.wait()
    assert not _pid_alive(child.pid)
