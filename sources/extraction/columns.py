"""Tables laid out with spaces whose rows give two complementary chances.

A model write-up prints its races as "State Margin SD % Dem win % GOP win ..." then
"Colorado Bennet (D) 7.4% -1.85 96.78% 3.22% 46 55": the margin is not a chance, and the two
numbers that add up to 100 % are one forecast, the chance of the first column the header names.
Without the header's chance columns a row of numbers is a row of levels, not of chances.
"""

from __future__ import annotations

import re
from itertools import pairwise

# a chance column in a header: "% Dem win", "GOP win %", "Chance Rep", "Prob. D"
_COLUMN = re.compile(
    r"(?:%\s*)?(?P<who>[A-Z][\w.]*)\s+(?:win|wins|chance|odds|prob\.?|probability)\b(?:\s*%)?"
    r"|\b(?:win|chance|odds|prob\.?|probability)\s+(?:%\s*)?(?P<who2>[A-Z][\w.]*)",
    re.I,
)
_NUMBER = re.compile(r"(?<![\w.])[-+]?\d{1,3}(?:\.\d+)?\s*%")


def complementary_rows(plain: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, float, str]]:
    """(start, end, chance, claim) for each row under a header with two chance columns."""
    found: list[tuple[int, int, float, str]] = []
    column: str | None = None
    for start, end in lines:
        line = plain[start:end]
        if not line.strip():
            column = None
            continue
        columns = list(_COLUMN.finditer(line))
        if len(columns) >= 2 and not _NUMBER.search(line):
            first = columns[0]
            column = " ".join(first.group(0).replace("%", " ").split())
            continue
        if column is None:
            continue
        numbers = list(_NUMBER.finditer(line))
        pair = next(
            (
                (a, b)
                for a, b in pairwise(numbers)
                if not line[a.end() : b.start()].strip() and abs(_value(a) + _value(b) - 100) <= 0.6
            ),
            None,
        )
        if pair is None:
            column = None  # the table ended
            continue
        label = line[: numbers[0].start()].strip()
        if not re.match(r"[A-Z]", label):
            continue
        found.append((start, start + pair[1].end(), _value(pair[0]) / 100, f"{label}: {column}"))
    return found


def _value(number: re.Match[str]) -> float:
    return float(number.group(0).rstrip("% ").lstrip("+"))
