"""A clause's deadline: which of its time expressions (timex) is the forecast's window."""

from __future__ import annotations

import re
from datetime import date

from .flags import DEADLINE_APPROXIMATE, DEADLINE_NO_FIXED_DATE, DEADLINE_STATED
from .periods import retail_fiscal_year_end
from .timex import MONTH, When, time_expressions

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
    r"|\(\s*(?:up\s+|down\s+)?from\b[^)]*$"
    # ... nor another forecast the claim is set beside: "to increase by 3% to 4% in 2013, in line with its long-term
    # forecast for 2030"
    r"|\bin\s+line\s+with\b[^,;:]*$",
    re.I,
)

# what a forecast follows or is measured from, in a year already under way or past: "will retreat 3 percent, following
# 2 percent gains in 2017 and 2018", "will make a partial rebound after pulling back in 2018", "considerably down from
# the anticipated 138,800 per month in Q4 2023"
_FOLLOWS = re.compile(
    r"(?:\b(?:following|after|(?:up|down|back|away)\s+from)|\bfrom\s+(?=(?:its|their|his|her|our)\b))"
    # (not the first end of a change: "to accelerate from 4.1% in 2023 to 4.5% in 2024")
    r"(?:(?!\bto\b)[^,;:()]|(?<=\d),(?=\d))*?\b(?:in|during)\s+"
    r"(?:(?:19|20)\d\d\s*(?:,|and)\s*)*(?:Q[1-4]\s+)?(?:19|20)\d\d$",
    re.I,
)

# a level of global warming: "about 2.7\u00b0C warming above pre-industrial levels", "will limit warming to 2.4\u00b0C"
_WARMING = re.compile(
    r"\bwarming\b[^.;]{0,40}?\d(?:\.\d+)?\s*(?:\u00b0\s*C|degrees?\s+(?:C\b|Celsius))"
    r"|\d(?:\.\d+)?\s*(?:\u00b0\s*C|degrees?\s+(?:C\b|Celsius))(?:\[\d+\])?\s+(?:of\s+)?(?:global\s+)?warming\b"
    r"|\d(?:\.\d+)?\s*(?:\u00b0\s*C|degrees?\s+(?:C\b|Celsius))\s+above\s+pre-?industrial\b",
    re.I,
)

# time expressions with their positions in a clause
Positioned = list[tuple[int, When]]

# a window counted in years from the page's date: "over the next 20 years", "in the next two decades"
_COUNTED_YEARS = re.compile(r"\b(?:next|coming|following)\s+(?:\S+\s+){0,3}?(?:years?|decades?)\b", re.I)
# a span of years the page names: "New aircraft deliveries 2012-2031"
_YEAR_SPAN = re.compile(r"\b(?P<first>(?:19|20)\d\d)\s*(?:-|\u2013|to|through)\s*(?P<last>(?:19|20)\d\d)\b")

_CONSEQUENCE = re.compile(
    r",\s+(?:thus\s+|thereby\s+)?(?:helping|raising|bringing|pushing|lifting)\b[^;]*$",
    re.I,
)
_REPORT_SPAN = re.compile(
    r"(?:\s*(?:and|to|-|\u2013)\s*(?:19|20)\d\d)?"
    # ... or the years a revision covers: "USDA raised its forecasts for food price inflation in 2022 and 2023 from
    # their September forecasts, now seeing 2022 prices for all food rising 9.5% to 10.5%"
    r"(?:\s+from\s+(?:their|its|the)\s+(?:\w+\s+){0,2}(?:forecasts?|projections?|estimates?))?"
    r",\s+(?:now\s+)?(?:forecasting|predicting|projecting|expecting|estimating|seeing)\b"
)

# a phrase after the forecast, opened by "with", up to a later time: "..., with a 4.5 per cent increase in"
_WITH_PHRASE = re.compile(r",\s+with\s+[^,;:()]*$", re.I)

# a month named with no year and no day: "and the second in September"
_BARE_MONTH = re.compile(rf"(?:\w+\s+)?{MONTH}", re.I)


def month_in_named_year(
    when: When | None, plain: str, sentence_start: int, clause_start: int, published_on: date
) -> When | None:
    """A bare month read from a clause, in the later year its sentence named before it: "The S&P 500 suffers two
    corrections in 2024: One in March ..., and the second in September" (from December 2023) is September 2024, not
    the September just past that a month named bare means on its own."""
    if (
        when is None
        or when.deadline is None
        or when.flag != DEADLINE_STATED
        or not _BARE_MONTH.fullmatch(when.text.strip())
    ):
        return when
    named = deadline_in(plain, sentence_start, clause_start, published_on) if clause_start > sentence_start else None
    if (
        named is None
        or named.flag != DEADLINE_STATED
        or named.deadline is None
        or named.deadline.year <= when.deadline.year
    ):
        return when
    if not re.search(r"\b(?:19|20)\d\d\b", named.text):
        return when
    return When(when.deadline.replace(year=named.deadline.year), when.flag, when.text)


def deadline_in(plain: str, start: int, end: int, published_on: date) -> When | None:
    expressions = time_expressions(plain[start:end], published_on)
    # a trailing condition's own date is not the forecast's: "nearly 8m bpd if the world aligned its
    # policies to secure net zero emissions by 2050" (not "if slowly, this year and next", nor a
    # leading "if X, then in 2024")
    condition = re.search(r"\s(?:if|unless)\s(?!\w+ly\b)[^,;]*$", plain[start:end])
    if condition and condition.start() > 0:
        expressions = [(at, when) for at, when in expressions if at < condition.start()]
    # nor is a consequence's told after a participle, once the forecast has its own: "World total cereal production is
    # forecast to increase by about 7% in 2013 compared to last year, helping to replenish global inventories and
    # raise expectations for more stable markets in 2013/14"
    consequence = _CONSEQUENCE.search(plain[start:end])
    if consequence and any(at < consequence.start() for at, _ in expressions):
        expressions = [(at, when) for at, when in expressions if at < consequence.start()]
    # a comparison's base is not the window: "will match third-quarter volume gains of about five percent
    # over the second quarter"; nor a later event's date: "should remain near their current 7% level
    # this year, before a little more relief arrives in 2026"
    # (a bare year's match starts at the space before it: "in 2025 compared to 2028 in last year's forecasts")
    # (a window counted ahead is no base: "The state forecasts enrollment will drop another 20% over the next decade";
    # nor is a span of two years: "are on course to fall by 10 per cent over this year and next")
    expressions = [
        (at, when)
        for at, when in expressions
        if _COUNTED_YEARS.search(when.text)
        or re.search(r"\band\s+next\b", when.text, re.I)
        or not _BASE_OR_LATER.search(plain[start : start + at + len(when.text) - len(when.text.lstrip())])
    ]
    # nor is what the forecast follows, in a year under way or past: "Healthcare projects will make a partial rebound
    # after pulling back in 2018", from October 2018, is a forecast for after it
    expressions = [
        (at, when)
        for at, when in expressions
        if not (
            when.deadline is not None
            and when.deadline.year <= published_on.year
            and _FOLLOWS.search(plain[start : start + at + len(when.text)])
        )
    ]
    # nor the span a report covers when the report then says what it forecasts: "has released its Short-Range
    # Outlook for 2024 and 2025, forecasting that steel demand will rebound by 1.7 percent this year"
    if len(expressions) > 1:
        expressions = [
            (at, when) for at, when in expressions if not _REPORT_SPAN.match(plain, start + at + len(when.text), end)
        ] or expressions
    # nor a later year a trailing "with" phrase adds once the forecast has its own: "Worldwide smartphone shipments
    # are expected to rebound slightly in 2017, with momentum carrying into 2018", "expected to go live in 2019, with
    # major network deployments from 2020"
    expressions = [
        (at, when)
        for at, when in expressions
        if not (
            when.flag == DEADLINE_STATED
            and (accompanying := _WITH_PHRASE.search(plain[start : start + at]))
            # (the next year, the one a forecast for a year runs on into; not a further year the phrase forecasts on
            # its own: "to slow from approximately 700,000 bpd in 2025 and 2026 ..., with a slight decline
            # anticipated in 2030")
            and any(
                other.flag == DEADLINE_STATED
                and other_at < accompanying.start()
                and other.deadline.year + 1 == when.deadline.year
                for other_at, other in expressions
            )
        )
    ]
    expressions = _counted_windows_read(plain, expressions, published_on)
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


# a comparison with a year's level, where nothing else dates the clause: "World rice production is expected to surpass
# 2011 levels", "the balance would weaken compared to 2024": a forecast set against a year's figures is the next
# year's; a base years back ("30 percent lower compared to 2019", from 2021) is a reference level, and dates nothing
_BASE_YEAR = re.compile(
    r"\b(?:compared\s+(?:with|to)|than(?:\s+(?:seen|recorded|in)){0,2}|surpass(?:es|ed|ing)?|exceed(?:s|ed|ing)?)"
    r"\s+(?:the\s+)?(?:(?:record|level|levels)\s+of\s+)?(?P<y>(?:19|20)\d\d)(?!\s*[-/\u2013]\s*\d)\b",
    re.I,
)


# ... and a comparison with last year's level is this year's: "corn yields will probably suffer a 10 percent or more
# decrease compared to last year", "for holiday retail sales to increase between 1% and 1.5% when compared with last
# year"
_LAST_YEAR_BASE = re.compile(
    r"\b(?:compared\s+(?:with|to)|than)\s+(?:the\s+)?(?:last|previous|prior)\s+year\b(?!')", re.I
)


def after_the_base(plain: str, start: int, end: int, published_on: date) -> When | None:
    """The window a comparison's base year implies, for a clause with no time expression nor dated context."""
    last_year = _LAST_YEAR_BASE.search(plain, start, end)
    if last_year:
        return When(date(published_on.year, 12, 31), DEADLINE_STATED, last_year.group(0))
    m = _BASE_YEAR.search(plain, start, end)
    if m is None:
        return None
    year = int(m.group("y")) + 1
    if not published_on.year <= year <= published_on.year + 1:
        return None
    return When(date(year, 12, 31), DEADLINE_STATED, m.group(0))


def _counted_windows_read(plain: str, expressions: Positioned, published_on: date) -> Positioned:
    """A window counted in years ("over the next 15 years") ends where the page says it does.

    A count of years is a round figure for a span whose ends the forecaster names elsewhere: a year the
    same clause names within a year of the count's end is the window ("increase by 28% over the next 15
    years, reaching 4.9 mb/d by 2030", from June 2016), and so is the last year of a span the page names
    that starts in the page's year and is as long as the count ("over next 20 years" beside "New aircraft
    deliveries 2012-2031", from June 2012: the current year is the first of the twenty).
    """
    counted = [(at, when) for at, when in expressions if when.deadline and _COUNTED_YEARS.search(when.text)]
    if not counted:
        return expressions
    named = [
        when.deadline.year
        for _, when in expressions
        if when.flag == DEADLINE_STATED and when.deadline and re.fullmatch(r"\D*(?:19|20)\d\d", when.text.strip())
    ]
    spans = {
        int(m.group("last"))
        for m in _YEAR_SPAN.finditer(plain)
        if int(m.group("first")) == published_on.year and int(m.group("last")) > published_on.year
    }
    # ... or of a projection from a base year before the page, as many years from its base as the count: "Over the
    # next four decades" beside "Population Growth Projections, 2010-2050", from 2015
    based = {
        (int(m.group("first")), int(m.group("last")))
        for m in _YEAR_SPAN.finditer(plain)
        if int(m.group("first")) < published_on.year < int(m.group("last"))
    }
    read = []
    for at, when in expressions:
        if (at, when) in counted:
            end = when.deadline.year
            # the calendar's "next year" is the year under way only on a page out in January, written before it began
            # ("the balance between demand supply next year in 2024", from January 2024); from later in the year it is
            # the next ("It's unlikely that next year will offer a mere continuation of events in 2017", from December)
            calendar_year = re.fullmatch(r"next\s+(?:calendar\s+)?year", when.text.strip(), re.I)
            year = next(
                (
                    y
                    for y in named
                    if abs(y - end) <= 1 and not (calendar_year and y == published_on.year and published_on.month > 1)
                ),
                None,
            )
            if year is None:
                # the span's length counts its first year: 2012-2031 is twenty years
                year = next((y for y in spans if y - published_on.year + 1 == _years_counted(when, published_on)), None)
            if year is None:
                year = next((last for first, last in based if last - first == _years_counted(when, published_on)), None)
            if year is not None:
                when = When(date(year, 12, 31), when.flag, when.text)
        read.append((at, when))
    return read


def _years_counted(when: When, published_on: date) -> int:
    return round((when.deadline - published_on).days / 365.25)
