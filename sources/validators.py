"""The range of dates Hindsight stores, for articles and forecasts alike.

Forecasts are about the past century and the next two; a date outside that is a typo, and dates
near the ends of the calendar (year 1 or 9999) break every "a year later" computation.
"""

import datetime

from django.core.exceptions import ValidationError

EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2200, 12, 31)
DATE_RANGE_MESSAGE = f"Give a date from {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}."


def date_in_range(value: datetime.date) -> bool:
    return EARLIEST_DATE <= value <= LATEST_DATE


def validate_date_in_range(value: datetime.date | None) -> None:
    if value is not None and not date_in_range(value):
        raise ValidationError(DATE_RANGE_MESSAGE, code="date_out_of_range")
