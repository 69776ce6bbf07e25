"""Forecasts reported in an official's or a forecaster's words rather than with a scale word:
"is seen by Treasury as remaining above 3 per cent", "Treasury is picking a quick recovery",
"Das projected real GDP growth for 2024-25 at 7.2 per cent", "retained its growth projections
... at 7.2 per cent", "sales of 14m are expected this year", "relief is expected due to the
monsoon", a headline's "Conservatives set to be nearly wiped out". Each is a likely outcome
(the `expect` and `bound` kinds of markers)."""

from __future__ import annotations

import re

_FIGURE = r"[-\u2212]?\$?\d"

REPORTED_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("expect", re.compile(
        # "It is then seen by Treasury as remaining above 3 per cent"
        r"\b(?:is|are)\s+(?:now\s+|then\s+|also\s+)?seen\s+by\s+[^.;]{1,60}?\s+as\s+\w+ing\b"
        # "Treasury is picking a quick recovery" (an Australian and New Zealand forecaster's verb)
        r"|\b(?:is|are)\s+(?:now\s+|still\s+)?picking\s+(?:a|an)\s+(?:\w+\s+){0,2}?"
        r"(?:recovery|rebound|recession|slowdown|downturn|rise|fall|cut|hike|increase|decrease|surplus|deficit)\b"
        # "Das projected real GDP growth for 2024-25 at 7.2 per cent" (a named forecaster's figure)
        rf"|(?-i:\b[A-Z][\w.\-]*)\s+(?:projected|forecast|pegged|estimated)\s+[^.;]{{1,60}}?\bat\s+{_FIGURE}"
        # "retained its growth and inflation projections for the current fiscal year at 7.2 per cent"
        r"|\b(?:retain|maintain|kept|keep|reiterat|reaffirm|held|hold|left|leave)\w*\s+(?:its|their|our|the)\s+"
        rf"[^.;]{{0,60}}?\b(?:projections?|forecasts?|estimates?|outlook|guidance)\b[^.;]{{0,60}}?\bat\s+{_FIGURE}"
        # "sales of 14m are expected this year" (the event expected within a stated time)
        r"|\b(?:is|are)\s+(?:widely\s+|now\s+|also\s+)?(?:expected|forecast|projected|anticipated)"
        r"(?=\s+(?:this|next)\s+(?:year|quarter|month)\b|\s+in\s+(?:19|20)\d\d\b"
        # ... or for a stated reason: "relief in food inflation is expected due to the pick-up in the monsoon"
        r"|\s+(?:due\s+to|because\s+of|thanks\s+to|on\s+the\s+back\s+of)\b)",
        re.I,
    )),
    # a headline without its verb: "Conservatives set to be nearly wiped out in Wales"
    ("bound", re.compile(
        # (a headline drops its article too: not the narrative "The Prime Minister set to work")
        r"^\W*(?!(?:The|A|An)\b)(?:(?-i:[A-Z])[\w'\u2019.\-]*\s+){1,4}"
        r"(?:set|poised|tipped|on\s+course|on\s+track|on\s+pace)\s+to\s+(?=[a-z])(?!work\b)",
        re.I,
    )),
]  # fmt: skip
