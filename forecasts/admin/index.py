"""What the admin index shows about forecasts: the signed-in reviewer's own work queue (everyone's
for the rest), counted by the forecast list's own filters, each number a link to the list it counts."""

from urllib.parse import urlencode

from django.urls import reverse

from forecasts.models import Forecast, Status, local_today

from .filters import REVIEW_DUE, REVIEW_NEXT30, REVIEW_OVERDUE, AssignedFilter, in_review_state, is_reviewer

ROWS = (
    (REVIEW_DUE, "Due for review"),
    (REVIEW_OVERDUE, "Overdue"),
    (REVIEW_NEXT30, "Due in the next 30 days"),
)


def changelist_url(**params) -> str:
    return f"{reverse('admin:forecasts_forecast_changelist')}?{urlencode(params)}"


def due_summary(user) -> dict:
    """The numbers on the admin index: what needs this user now. A reviewer's list opens on their
    own queue (AssignedFilter), so their numbers are that queue's, with everyone's due count beside."""
    today = local_today()
    own = is_reviewer(user)
    scope = AssignedFilter.MINE if own else AssignedFilter.ANYONE
    forecasts = AssignedFilter.assigned(Forecast.objects.all(), user, scope)
    rows = [
        {
            "label": label,
            "count": in_review_state(forecasts, state, today).count(),
            "url": changelist_url(review=state, assigned=scope),
        }
        for state, label in ROWS
    ]
    if own:
        rows.append(
            {
                "label": "Due for review, everyone's",
                "count": in_review_state(Forecast.objects.all(), REVIEW_DUE, today).count(),
                "url": changelist_url(review=REVIEW_DUE, assigned=AssignedFilter.ANYONE),
            }
        )
    rows.append(
        {
            "label": "Proposed, awaiting an editor",
            "count": Forecast.objects.proposed().count(),
            "url": changelist_url(status__exact=Status.PROPOSED, assigned=AssignedFilter.ANYONE),
        }
    )
    return {"own": own, "rows": rows}
