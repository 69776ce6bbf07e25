"""Input rules shared by the model, the API, the admin and the import: one home for each."""

import math

from django.core.exceptions import ValidationError

from sources.validators import (
    DATE_RANGE_MESSAGE,
    EARLIEST_DATE,
    LATEST_DATE,
    MAX_ID,
    parse_id,
    validate_date_in_range,
)

__all__ = [
    "DATE_RANGE_MESSAGE",
    "EARLIEST_DATE",
    "LATEST_DATE",
    "MAX_ID",
    "PROBABILITY_DECIMALS",
    "PROBABILITY_MAX",
    "PROBABILITY_MIN",
    "PROBABILITY_RANGE_MESSAGE",
    "parse_id",
    "probability_normalized",
    "probability_percent",
    "validate_date_in_range",
    "validate_probability",
]

# Stored to 4 decimals: finer than any stated figure ("99.9 %") or scale band, and a stored value
# then reads back exactly as it was entered.
PROBABILITY_DECIMALS = 4
# 0.1 % to 99.9 %: the most extreme figure a text states is "one in a thousand" (the estimative
# scales stop at 1 % and 99 %). Anything closer to 0 or 1 is a claim of certainty no scale
# expresses, and one such value would dominate its author's log score.
PROBABILITY_MIN = 0.001
PROBABILITY_MAX = 0.999
PROBABILITY_RANGE_MESSAGE = (
    f"The probability must be a number from {PROBABILITY_MIN} to {PROBABILITY_MAX} "
    f"(at most {PROBABILITY_DECIMALS} decimals are kept), or empty."
)


def probability_normalized(value: float) -> float:
    """The probability as stored: rounded to PROBABILITY_DECIMALS; ValueError outside the range."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(PROBABILITY_RANGE_MESSAGE)
    rounded = round(float(value), PROBABILITY_DECIMALS)
    if not PROBABILITY_MIN <= rounded <= PROBABILITY_MAX:
        raise ValueError(PROBABILITY_RANGE_MESSAGE)
    return rounded


def probability_percent(value: float) -> str:
    """The probability as a percentage at the precision it was entered: 0.675 is "67.5%", 0.7 is
    "70%", never a rounded "68%" (a stored probability has at most PROBABILITY_DECIMALS decimals,
    so its percentage has at most two)."""
    number = f"{value * 100:.{PROBABILITY_DECIMALS - 2}f}".rstrip("0").rstrip(".")
    return f"{number}%"


def validate_probability(value: float | None) -> None:
    if value is None:
        return
    try:
        probability_normalized(value)
    except ValueError:
        raise ValidationError(PROBABILITY_RANGE_MESSAGE, code="probability_out_of_range") from None
