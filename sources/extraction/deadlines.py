"""A clause's deadline: which of its time expressions (timex) is the forecast's window."""

from __future__ import annotations

import re
from datetime import date

from .flags import DEADLINE_APPROXIMATE, DEADLINE_NO_FIXED_DATE, DEADLINE_STATED
from .periods import retail_fiscal_year_end
from .timex import When, time_expressions

_BASE_OR_LATER = re.compile(
    r"(?:(?:\d\s*(?:%|percent|per\s+cent)?|\b\w+\s+(?:percent|per\s+cent))\s+over|\bcompared\s+(?:with|to)|\bversus|\bvs\.?)\s+$"
    # ... or a change measured over a base year: "it anticipates revenue growth over 2019 of 12 to 14 percent"
    r"|\b(?:growth|increases?|gains?|declines?|decreases?|rises?|drops?)\s+over\s+$"
    # ... or what a past participle says has happened: "will continue to build on the solid growth established in 2014"
    r"|\b(?:established|recorded|posted|achieved|registered|logged|booked)(?:\s+(?:in|during))?\s+$"
    r"|,\s+before\s+[^,;]*?\b[a-z]+s(?:\s+(?:in|by))?\s+$"
    # ... nor a concession's after the forecast: "will compensate for the loss in steel demand, though China's steel
    # demand in 2025 is expected to resume a downtrend"
    r"|,\s+(?:though|although|whereas)\s+[^,;]*?\s+$"
    # the figure a revision starts from: "its growth estimate for this year to 1.4% from 1.0% in January"
    r"|\bfrom\s+[-\d.]+\s*(?:%|percent|per\s+cent)\s+$"
    # ... or a price: "falls from $2.50/gal in April to $2.43/gal in September"
    r"|\bfrom\s+[$\u00a3\u20ac]\d[\d.,]*(?:/\w+)?\s+$"
    # ... or in brackets: "cut sharply to 0.8% for this year (from a range of 1.9 - 2.9% seen in March)"
    r"|\(\s*(?:up\s+|down\s+)?from\b[^)]*$",
    re.I,
)

# a level of global warming: "about 2.7\u00b0C warming above pre-industrial levels", "will limit warming to 2.4\u00b0C"
_WARMING = re.compile(
    r"\bwarming\b[^.;]{0,40}?\d(?:\.\d+)?\s*(?:\u00b0\s*C|degrees?\s+(?:C\b|Celsius))"
    r"|\d(?:\.\d+)?\s*(?:\u00b0\s*C|degrees?\s+(?:C\b|Celsius))(?:\[\d+\])?\s+(?:of\s+)?(?:global\s+)?warming\b"
    r"|\d(?:\.\d+)?\s*(?:\u00b0\s*C|degrees?\s+(?:C\b|Celsius))\s+above\s+pre-?industrial\b",
    re.I,
)

_REPORT_SPAN = re.compile(
    r"(?:\s*(?:and|to|-|\u2013)\s*(?:19|20)\d\d)?"
    # ... or the years a revision covers: "USDA raised its forecasts for food price inflation in 2022 and 2023 from
    # their September forecasts, now seeing 2022 prices for all food rising 9.5% to 10.5%"
    r"(?:\s+from\s+(?:their|its|the)\s+(?:\w+\s+){0,2}(?:forecasts?|projections?|estimates?))?"
    r",\s+(?:now\s+)?(?:forecasting|predicting|projecting|expecting|estimating|seeing)\b"
)


def deadline_in(plain: str, start: int, end: int, published_on: date) -> When | None:
    expressions = time_expressions(plain[start:end], published_on)
    # a trailing condition's own date is not the forecast's: "nearly 8m bpd if the world aligned its
    # policies to secure net zero emissions by 2050" (not "if slowly, this year and next", nor a
    # leading "if X, then in 2024")
    condition = re.search(r"\s(?:if|unless)\s(?!\w+ly\b)[^,;]*$", plain[start:end])
    if condition and condition.start() > 0:
        expressions = [(at, when) for at, when in expressions if at < condition.start()]
    # a comparison's base is not the window: "will match third-quarter volume gains of about five percent
    # over the second quarter"; nor a later event's date: "should remain near their current 7% level
    # this year, before a little more relief arrives in 2026"
    # (a bare year's match starts at the space before it: "in 2025 compared to 2028 in last year's forecasts")
    expressions = [
        (at, when)
        for at, when in expressions
        if not _BASE_OR_LATER.search(plain[start : start + at + len(when.text) - len(when.text.lstrip())])
    ]
    # nor the span a report covers when the report then says what it forecasts: "has released its Short-Range
    # Outlook for 2024 and 2025, forecasting that steel demand will rebound by 1.7 percent this year"
    if len(expressions) > 1:
        expressions = [
            (at, when) for at, when in expressions if not _REPORT_SPAN.match(plain, start + at + len(when.text), end)
        ] or expressions
    if not any(when.flag == DEADLINE_STATED for _, when in expressions):
        horizon = _WARMING.search(plain, start, end)
        if horizon:
            # projected global warming is quoted for the end of the century, the horizon of climate models
            return When(date(2100, 12, 31), DEADLINE_APPROXIMATE, horizon.group(0))
    if not expressions:
        return None
    # A stated window wins over a vague one; among stated ones the latest is the window's end
    # ("this year and next", "by 2030, up from 2024 levels").
    for flag in (DEADLINE_STATED, DEADLINE_NO_FIXED_DATE, DEADLINE_APPROXIMATE):
        ranked = [when for _, when in expressions if when.flag == flag]
        if ranked:
            if flag == DEADLINE_STATED:
                window = max(ranked, key=lambda when: when.deadline)
                retail = retail_fiscal_year_end(window.text, plain)
                return When(retail, window.flag, window.text) if retail else window
            return ranked[0]
    return None
