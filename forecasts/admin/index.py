"""What the admin index shows about forecasts."""

import datetime

from django.db.models import Q

from forecasts.models import Forecast, local_today


def due_summary() -> dict:
    """The numbers on the admin index: what needs a reviewer now."""
    today = local_today()
    unresolved = Forecast.objects.unresolved()
    return {
        "due": unresolved.filter(review_on__lte=today).count(),
        "overdue": unresolved.filter(review_on__lt=today).count(),
        "proposed": Forecast.objects.proposed().count(),
        "upcoming": unresolved.filter(
            Q(review_on__gt=today) & Q(review_on__lte=today + datetime.timedelta(days=30))
        ).count(),
    }
