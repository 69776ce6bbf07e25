"""Input rules for articles and forecasts alike: the range of dates Hindsight stores, and what a
database id looks like in a URL.

Forecasts are about the past century and the next two; a date outside that is a typo, and dates
near the ends of the calendar (year 1 or 9999) break every "a year later" computation.
"""

import datetime
import re

from django.core.exceptions import ValidationError

EARLIEST_DATE = datetime.date(1900, 1, 1)
LATEST_DATE = datetime.date(2200, 12, 31)
DATE_RANGE_MESSAGE = f"Give a date from {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}."


def date_in_range(value: datetime.date) -> bool:
    return EARLIEST_DATE <= value <= LATEST_DATE


def validate_date_in_range(value: datetime.date | None) -> None:
    if value is not None and not date_in_range(value):
        raise ValidationError(DATE_RANGE_MESSAGE, code="date_out_of_range")


# A database id: ASCII digits only (str.isdigit() and int() also take '²' or '١'), and within
# the signed 64-bit range of the primary keys.
_ID = re.compile(r"[1-9][0-9]{0,18}")
MAX_ID = 2**63 - 1


def parse_id(text) -> int | None:
    """The id written in a URL or cursor, or None when it is no valid id."""
    if not isinstance(text, str) or not _ID.fullmatch(text):
        return None
    number = int(text)
    return number if number <= MAX_ID else None
