"""What a reminder run decides, without writing: each forecast's cycle, who is reminded of what,
and the email. The writes (digests, leases, delivery) are in forecasts/services/reminders.py.

The cycle of a forecast on a day is a pure function of (review date, day, settings), so every
run on the same day computes the same cycle: the first of the three things exactly-once delivery
rests on (the module docstring of forecasts/services/reminders.py has all three).
"""

import datetime
import logging
import smtplib
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

from dateutil import rrule
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse

from .models import Forecast, ReminderDigest, ReminderKind

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


def fallback_reviewer_ids() -> list[int]:
    """Who reviews forecasts without a (reachable) reviewer: the Reviewers group, else staff.

    One query for both, so that a run costs the same whether the group is empty or not."""
    user_model = get_user_model()
    in_group = user_model.groups.through.objects.filter(user_id=OuterRef("pk"), group__name=settings.REVIEWERS_GROUP)
    candidates = (
        user_model.objects.filter(is_active=True)
        .exclude(email="")
        .annotate(in_group=Exists(in_group))
        .filter(Q(in_group=True) | Q(is_staff=True))
        .order_by("pk")
        .values_list("pk", "in_group")
    )
    staff, members = [], []
    for pk, member in candidates:
        (members if member else staff).append(pk)
    return members or staff


@dataclass(frozen=True)
class PlannedReminder:
    forecast_id: int
    review_on: datetime.date
    cycle: Cycle


@dataclass(frozen=True)
class ReviewWindows:
    """How early a reviewer hears of a review (heads-up) and how often again while it waits."""

    heads_up_days: int
    repeat_days: int


def review_windows() -> ReviewWindows:
    """The one place the reminder windows are read from the settings."""
    return ReviewWindows(heads_up_days=settings.REMINDER_HEADS_UP_DAYS, repeat_days=settings.REMINDER_REPEAT_DAYS)


def forecasts_to_remind(today: datetime.date):
    """The forecasts a run on `today` looks at: unresolved, review date within the heads-up window."""
    return Forecast.objects.to_remind(today, review_windows().heads_up_days)


def plan(*, today: datetime.date) -> dict[int, list[PlannedReminder]]:
    """Reviewer id -> the reminders due on `today` (read only; nothing is claimed yet).

    Two queries however many forecasts and reviewers: the forecasts with what decides whether
    their reviewer can be reached, and the fallback reviewers."""
    windows = review_windows()
    planned: dict[int, list[PlannedReminder]] = defaultdict(list)
    fallback = fallback_reviewer_ids()
    forecasts = (
        forecasts_to_remind(today)
        .order_by("id")
        .values_list("id", "review_on", "snoozed_on", "reviewer_id", "reviewer__is_active", "reviewer__email")
    )
    unassigned = False
    for forecast_id, review_on, snoozed_on, reviewer_id, reviewer_active, reviewer_email in forecasts.iterator(
        chunk_size=2000
    ):
        cycle = reminder_cycle(
            review_on=review_on,
            today=today,
            heads_up_days=windows.heads_up_days,
            repeat_days=windows.repeat_days,
            snoozed_on=snoozed_on,
        )
        if cycle is None:
            continue
        if reviewer_id is not None and reviewer_active and reviewer_email:
            recipients = [reviewer_id]
        else:
            unassigned = True
            recipients = fallback
        for recipient in recipients:
            planned[recipient].append(PlannedReminder(forecast_id, review_on, cycle))
    if unassigned and not fallback:
        logger.warning(
            "Forecasts without a reviewer, and no %s group members or staff with an email address.",
            settings.REVIEWERS_GROUP,
        )
    return planned


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
