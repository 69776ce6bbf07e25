"""A reviewer's review dates as an iCalendar feed (RFC 5545) behind a private key in the URL,
for calendar apps that cannot sign in."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from .. import reminders, services
from ..models import CalendarToken, Forecast

MAX_EVENTS = 1000
LINE_OCTETS = 75


def escape_text(value: str) -> str:
    """TEXT value escaping of RFC 5545 (3.3.11)."""
    return (
        value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (3.1), never inside a
    UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= LINE_OCTETS:
        return line
    parts, current, size, limit = [], [], 0, LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def forecasts_to_review(user) -> list[Forecast]:
    """Unresolved forecasts assigned to `user`, and those without a reviewer when `user` is one
    of the people reminded about them."""
    mine = Q(reviewer=user)
    if user.pk in reminders.fallback_reviewer_ids():
        mine |= Q(reviewer__isnull=True)
    return list(
        Forecast.objects.unresolved().filter(mine).select_related("author").order_by("review_on", "pk")[:MAX_EVENTS]
    )


def calendar_text(forecasts: list[Forecast], *, site_url: str, now: datetime.datetime) -> str:
    host = site_url.split("://", 1)[-1].split("/", 1)[0] or "hindsight"
    stamp = now.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Hindsight//Review dates//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Hindsight review dates",
    ]
    for forecast in forecasts:
        url = site_url.rstrip("/") + reverse("admin:forecasts_forecast_change", args=[forecast.pk])
        description = (
            f"{forecast.author.name}, deadline {forecast.deadline:%Y-%m-%d}. Decided by: {forecast.resolution_criteria}"
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:forecast-{forecast.pk}-review@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{forecast.review_on:%Y%m%d}",
            f"DTEND;VALUE=DATE:{forecast.review_on + datetime.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape_text('Review: ' + forecast.claim)}",
            f"DESCRIPTION:{escape_text(description)}",
            f"URL:{url}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


@never_cache  # private: no shared cache may keep it
@require_safe
def calendar_feed(request, key: str):
    token = CalendarToken.objects.select_related("user").filter(key=key, user__is_active=True).first()
    if token is None:
        raise Http404("No such calendar.")
    text = calendar_text(forecasts_to_review(token.user), site_url=settings.SITE_URL, now=timezone.now())
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hindsight-reviews.ics"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def calendar_link(request):
    """Shows the signed-in reviewer their private calendar URL; POST makes a new one."""
    if request.method == "POST":
        services.calendar_token_issue(user=request.user)
        return redirect("public:calendar-link")
    token = CalendarToken.objects.filter(user=request.user).first()
    url = request.build_absolute_uri(reverse("public:calendar", args=[token.key])) if token else None
    return render(request, "public/calendar_link.html", {"calendar_url": url})
