"""Input rules shared by the model, the API, the admin and the import: one home for each."""

import math
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from sources import scales
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
    "PROBABILITY_ENTRY_MESSAGE",
    "PROBABILITY_MAX",
    "PROBABILITY_MIN",
    "PROBABILITY_RANGE_MESSAGE",
    "ProbabilityEntry",
    "filled_phrase",
    "parse_id",
    "parse_probability",
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


PROBABILITY_ENTRY_MESSAGE = (
    "Write the probability as a fraction (0.7), a percentage (70 or 70 %), or an estimative phrase "
    "the scale knows (e.g. likely, very unlikely, roughly even chance, almost certain)."
)
# "0.7", "70", "70%", "70 %", "12.5 %": one number, optionally a percent sign.
_NUMBER = re.compile(r"^(?P<number>\d+(?:\.\d*)?|\.\d+)\s*(?P<percent>%?)$")


@dataclass(frozen=True)
class ProbabilityEntry:
    """What a person typed for a probability: the number to store and, when they wrote words
    ("likely"), those words (else "")."""

    probability: float
    phrase: str = ""


def parse_probability(text: str, *, scale: str = scales.DEFAULT_SCALE) -> ProbabilityEntry:
    """Read a probability as people write it: 0.7, 70, 70 % or 70%, or an estimative phrase,
    which takes the point value of its band on the scale. A bare number above 1 is a percentage
    (nobody means 70 as a fraction); exactly 1 is refused rather than guessed (100 % or 1 %?).
    ValueError with PROBABILITY_ENTRY_MESSAGE for text that is neither, and with
    PROBABILITY_RANGE_MESSAGE for a number outside the range."""
    cleaned = " ".join(str(text).split())
    match = _NUMBER.match(cleaned)
    if match is None:
        category = scales.phrase_category(cleaned)
        if category is None:
            raise ValueError(PROBABILITY_ENTRY_MESSAGE)
        return ProbabilityEntry(probability_normalized(scales.get_scale(scale).probability(category)), cleaned)
    number = float(match["number"])
    if match["percent"] or number > 1:
        number /= 100
    return ProbabilityEntry(probability_normalized(number))


def filled_phrase(phrase: str, entry: ProbabilityEntry | None) -> str:
    """The estimative phrase to store: the one given, or, when it is empty and the probability was
    written as words ("likely"), those words, so that they are not lost once read as a number."""
    return phrase or (entry.phrase if entry is not None else "")


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
