"""Seat projections written as party-number rows: "Additive: CON 145 NDP 85 LIB 101 BQ 6 GRE 1",
"Toronto Star predict: CONS 124, NDP 71, LIB 140, BQ 2, GRE 1". Each line is one forecast, the
point estimate of a whole distribution; its own chance is not given."""

from __future__ import annotations

import re

# three or more party abbreviations each followed by its count
_SEAT_ROW = re.compile(
    r"^\s*(?:[^\n:]{1,60}:\s*)?(?:(?-i:[A-Z]{2,5})\s+\d{1,3},?\s+){2,}(?-i:[A-Z]{2,5})\s+\d{1,3}\s*\.?\s*$"
)
# rows of projections, not of results: the line or the lines just above speak of predicting
_LOOKS_AHEAD = re.compile(r"\b(?:predict\w*|project\w*|forecast\w*|estimates?|models?|expect\w*)\b", re.I)
_RESULTS = re.compile(r"\b(?:results?|won|elected|final\s+count|actual)\b", re.I)


def seat_rows(plain: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, claim) for each line of seat counts under words that look ahead."""
    found = []
    for start, end in lines:
        line = plain[start:end]
        if not _SEAT_ROW.match(line):
            continue
        above = plain[max(0, start - 600) : start]
        if not _LOOKS_AHEAD.search(above + line) or _RESULTS.search(above[-200:] + line):
            continue
        found.append((start, end, f"Seats: {line.strip()}"))
    return found
