"""Scenario outlines laid out as label lines: a scenario's chance ("Probability: 60%" on a line,
"Neutral Growth (30% Odds)"), then labelled parts, one of which looks ahead and gives a figure on
the next line:

    2024 Fed Response
    Gradual 75-125bp of cuts, starting in Q2 2024

or gives a dated label and its figure on one line ("2025 S&P 500 Earnings per Share: $216"). Such
a line is the scenario's forecast of that figure, so it holds only if the scenario does
(conditional). Outside a text that weighs scenarios, a dated label over a figure is no forecast.
"""

from __future__ import annotations

import re
from itertools import pairwise

# a scenario's weight: "Probability: 60%" on a line of its own, "Neutral Growth (30% Odds)"
_WEIGHT = re.compile(
    r"^\s*(?:probability|odds|likelihood|chance)\s*:\s*\d{1,3}(?:\.\d+)?\s*%\s*$"
    r"|\(\d{1,3}(?:\.\d+)?\s*%\s+(?:odds|probability|chance)\)",
    re.I | re.M,
)
# a dated label with its figure on one line: "2025 S&P 500 Earnings per Share: $216 ($240 x 90%)"
_DATED_FIGURE = re.compile(r"^\s*(?:19|20)\d\d\s+[A-Z][^:\n]{2,60}:\s*[$\d][^\n]{0,40}$")
# a short label that looks ahead: "2024 Fed Response", "Fed response in 2024", "Outlook for 2025"
_DATED_LABEL = re.compile(r"^\s*(?=[^.!?:]*\b(?:19|20)\d\d\b)[A-Z0-9][^.!?:\n]{2,40}$")
_BEHIND = re.compile(r"\b(?:actual|results?|history|historical|past|previous|last)\b", re.I)
# a figure the label's line gives: basis points or a percentage
_FIGURE = re.compile(r"\d\s*(?:bps?\b|basis\s+points\b|%)", re.I)


def scenario_parts(plain: str, lines: list[tuple[int, int]]) -> list[tuple[int, int, str, tuple[int, int]]]:
    """(start, end, claim, label span) for each figure under a dated label in a scenario outline."""
    if not _WEIGHT.search(plain):
        return []
    parts = []
    for start, end in lines:
        line = plain[start:end]
        if _DATED_FIGURE.match(line) and not _BEHIND.search(line):
            parts.append((start, end, line.strip(), (start, end)))
    for (l_start, l_end), (start, end) in pairwise(lines):
        label, line = plain[l_start:l_end], plain[start:end]
        if not _DATED_LABEL.match(label) or _BEHIND.search(label) or len(label.split()) > 6:
            continue
        if not _FIGURE.search(line) or not 2 <= len(line.split()) <= 20:
            continue
        parts.append((start, end, f"{label.strip()}: {line.strip().rstrip('.')}", (l_start, l_end)))
    return parts


_SCENARIO_NAME = re.compile(r"\b(?:scenario|case)\b", re.I)
# a heading that calls its scenario the expected one: "Probable scenario", "Base case"
PROBABLE_SCENARIO = re.compile(r"\b(?:probable|likely|base|central|baseline|expected)\b", re.I)


def scenario_heading(plain: str, start: int) -> str | None:
    """The scenario named by the nearest heading line above `start` (within two paragraphs)."""
    # the last piece is the line `start` is on, up to it
    above = [line for line in plain[max(0, start - 1500) : start].split("\n")[:-1] if line.strip()][-3:]
    for line in reversed(above):
        if len(line.split()) <= 8 and not re.search(r"[.!?]\s*$", line):
            return line if _SCENARIO_NAME.search(line) else None
    return None


# a paragraph that opens on its scenario's label, perhaps with its weight: "Baseline: Consumer spending slows as ...",
# "Base case (60%): ..."
_OPENING_LABEL = re.compile(
    r"\W*(?P<label>(?:[\w\-]+\s+){0,2}(?:scenario|case)|baseline|upside|downside)\s*(?:\([^)\n]{1,20}\))?\s*:\s",
    re.I,
)


def scenario_label(plain: str, start: int) -> str | None:
    """The scenario named by the label that opens the paragraph `start` is in."""
    paragraph = plain.rfind("\n", 0, start) + 1
    found = _OPENING_LABEL.match(plain, paragraph, start + 1)
    return found.group("label") if found else None
