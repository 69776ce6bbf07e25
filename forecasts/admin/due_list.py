"""The forecast list as a reviewer's work queue: how overdue each forecast is, and the next step
(resolve or snooze) one tap away, also on a phone."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from forecasts.models import Status, local_today

REVIEWABLE = (Status.OPEN, Status.DUE)


def days_overdue(forecast, today=None) -> int | None:
    """Days since the review date of an unresolved forecast (0 on the day, negative before it);
    None once it is resolved or while it is only proposed."""
    if forecast.status not in REVIEWABLE:
        return None
    return ((today or local_today()) - forecast.review_on).days


# Most overdue first is the list's order by review date: earliest review date first.
@admin.display(description="overdue", ordering="review_on")
def days_overdue_display(forecast):
    days = days_overdue(forecast)
    if days is None:
        return "—"
    if days > 0:
        return format_html('<strong class="overdue">{} day{}</strong>', days, "" if days == 1 else "s")
    if days == 0:
        return format_html('<strong class="due-today">{}</strong>', "due today")
    return f"in {-days} day{'' if days == -1 else 's'}"


def review_actions_column(*, can_resolve: bool, can_snooze: bool):
    """The column of next steps for what the user may do: Resolve and Snooze links."""

    @admin.display(description="next step")
    def review_actions(forecast):
        if forecast.status not in REVIEWABLE:
            return "—"
        links = []
        if can_resolve:
            links.append((reverse("admin:forecasts_forecast_resolve", args=[forecast.pk]), "Resolve"))
        if can_snooze:
            links.append((reverse("admin:forecasts_forecast_snooze", args=[forecast.pk]), "Snooze"))
        return format_html_join(" ", '<a href="{}">{}</a>', links) or "—"

    return review_actions


def list_display_for(model_admin, request, columns) -> list:
    """The columns with the next-step links added for someone who resolves or snoozes."""
    can_resolve, can_snooze = model_admin.has_resolve_permission(request), model_admin.has_snooze_permission(request)
    if not (can_resolve or can_snooze):
        return list(columns)
    columns = list(columns)
    anchor = days_overdue_display if days_overdue_display in columns else "claim_display"
    position = columns.index(anchor) + 1 if anchor in columns else len(columns)
    columns.insert(position, review_actions_column(can_resolve=can_resolve, can_snooze=can_snooze))
    return columns
