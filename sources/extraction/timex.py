"""Time expressions resolved to deadlines, relative to the publication date."""

from __future__ import annotations

import calendar
import contextlib
import re
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from .flags import DEADLINE_APPROXIMATE, DEADLINE_NO_FIXED_DATE, DEADLINE_STATED
from .periods import calendar_periods
from .seasons import flu_seasons, sporting_events

# --- deadlines -------------------------------------------------------------------------------

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
# a month's name or abbreviation, as a date writes it (shared with the readers of datelines and bare months)
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "several": 3, "few": 3,
}  # fmt: skip
# a record's span looks back, even after a future verb: "the lowest level in five years", "will be the highest in
# four decades", "for the first time in ten years"; so does a tally's: "their fifth championship in six years"
_RECORD_BEFORE = re.compile(
    r"\b(?:\w+est|first|last|most|least|best|worst|record|since|time|ever|only"
    r"|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b(?:\s+[\w\-]+){0,4}\s*$",
    re.I,
)
_WEEKDAYS: dict[str, weekday] = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR}
_WEEKDAYS.update({"saturday": SA, "sunday": SU})
_SEASON_END = {"winter": (2, 28), "spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30)}

_NO_FIXED_DATE = re.compile(
    r"\b(?:in|over)\s+the\s+(?:long|longer|very\s+long)\s+(?:run|term)\b|\blong[\s-]term\b|\beventually\b"
    r"|\bsooner\s+or\s+later\b|\bone\s+day\b|\bsomeday\b|\bin\s+the\s+(?:years|decades)\s+(?:ahead|to\s+come)\b"
    r"|\bfor\s+(?:years|decades|generations)\b|\bfor\s+the\s+foreseeable\s+future\b|\bover\s+time\b"
    r"|\bfor\s+the\s+time\s+being\b|\bin\s+the\s+future\b|\bultimately\b",
    re.I,
)


# ... and so does one that "won't be able to operate a full network of flights until 2023": the negated
# verb may stand a few words before
_NOT_UNTIL = re.compile(r"(?:\bnot|n't|\bnever)\s+(?:[\w-]+\s+){0,9}$|\bonly\s+$", re.I)
# what "no" denies "until" a year ends before it: "no rate cuts until 2024"
_HELD_OFF = re.compile(r"\bno\s+(?:[\w-]+\s+){0,3}$", re.I)
# "the cash rate remaining at its current level until 2024": any form of the verb
# ... and so does a rate kept up each year: "will add approximately 158 GW ... annually until 2028"
_LASTS = re.compile(
    r"\b(?:(?:last|remain|stay|continu|maintain|averag|persist|hold)(?:s|es|e|ed|ing)?"
    r"|annually|yearly|each\s+year|every\s+year|per\s+(?:year|annum))\b[^.;]*$",
    re.I,
)


# a future verb earlier in the sentence: "one third of colleges will be out of business in fifteen years", "inflation
# was now expected to be lower than previously expected and first return to the bank's target in about two years"
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|won't|shall|going\s+to|(?:expected|projected|forecast|predicted|set|likely|due)\s+to)\b[^.;:]*$",
    re.I,
)


def _after_a_future(plain: str, m: re.Match[str]) -> bool:
    """A count after "in" said of a future event is the time until it: "will be out of business in fifty years"."""
    if not re.match(r"in\s+(?:about\s+|around\s+|roughly\s+|some\s+)?\S", m.group(0), re.I) or not m.group("n"):
        return False
    before = plain[: m.start()]
    return bool(_FUTURE_BEFORE.search(before)) and not _RECORD_BEFORE.search(before)


# a verb of telling, whose day is when the forecast was told: "researchers said in Beijing on Monday", "reckon in
# their annual report published on Monday"
_REPORTED_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|predicted|forecast|warned|wrote|added|stated|estimated|published|released)"
    r"\b[^.;,]{0,40}$",
    re.I,
)


# a future verb that dates its event by the month after it: "will arrive around mid-", "are forecast for"
_MONTH_AHEAD_BEFORE = re.compile(
    r"\b(?:will|shall|(?:expected|projected|forecast|predicted|set|likely|due)\s+to)\s+[^.;:,]*$"
    r"|\b(?:forecast|predicted|expected|projected)\s+for\s*$",
    re.I,
)


def _month_ahead(plain: str, at: int) -> bool:
    before = plain[max(0, at - 80) : at]
    # (not a comparison's month: "sales increases in July will be lower than in May and June")
    return bool(_MONTH_AHEAD_BEFORE.search(before)) and not re.search(r"\bthan\s+(?:in\s+)?$", before)


@dataclass(frozen=True)
class When:
    deadline: date | None
    flag: str
    text: str


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _next_month_end(published_on: date, month: int, *, before: bool = False, ahead: bool = True) -> date:
    """The end of the month named with no year: the next such month, or with `ahead` off the nearest.

    "by March" and "until June" look ahead, but a month named bare is the one nearest the page's date:
    "telling diplomats in September" in November, "November employment data will be released" in
    December and "its first forecast for the year in April" in October all mean this year's, a month
    whose figures are still being reported or a past report beside the forecast. A month half a year
    back is as near as the one half a year ahead; a writer who means the later one says "next".
    """
    just_past = not ahead and published_on.month - 6 <= month < published_on.month
    year = published_on.year if month >= published_on.month or just_past else published_on.year + 1
    if before:
        last = date(year, month, 1) - relativedelta(days=1)
        return last if last >= published_on else _end_of_month(year, month)
    return _end_of_month(year, month)


def _season_end(published_on: date, season: str, *, next_one: bool) -> date:
    month, day = _SEASON_END[season]
    year = published_on.year
    end = date(year, month, calendar.monthrange(year, month)[1] if month == 2 else day)
    if end < published_on:
        end = date(year + 1, month, calendar.monthrange(year + 1, month)[1] if month == 2 else day)
    if next_one:
        # "next winter" skips the one we are in
        start_month = {"winter": 12, "spring": 3, "summer": 6, "autumn": 9, "fall": 9}[season]
        in_progress = published_on >= date(end.year - (1 if start_month == 12 else 0), start_month, 1)
        if in_progress:
            end = end + relativedelta(years=1)
    return end


# "a peak in July 2025 (\u00b18 months)": the window runs to the far end of the margin
_GIVE_OR_TAKE = re.compile(
    r"\s*\(\s*(?:\u00b1|\+/-|\+-|plus\s+or\s+minus)\s*(?P<n>\d{1,2})\s+(?P<unit>months?|years?)\s*\)", re.I
)


def _give_or_take(plain: str, end: int) -> relativedelta:
    m = _GIVE_OR_TAKE.match(plain, end)
    return _span(int(m.group("n")), m.group("unit")) if m else relativedelta()


def _count(word: str) -> int:
    """A count as the text writes it: "18", "two", "a"."""
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _span(n: int, unit: str) -> relativedelta:
    return {
        "day": relativedelta(days=n),
        "week": relativedelta(weeks=n),
        "month": relativedelta(months=n),
        "year": relativedelta(years=n),
        "decade": relativedelta(years=10 * n),
    }[unit.lower().rstrip("s")]


def _from_now(published_on: date, m: re.Match[str]) -> date:
    """The end of a span a match counts from the day of publication: its group `n` ("two", "18") of its `unit`."""
    return published_on + _span(_count(m.group("n").lower()), m.group("unit"))


def time_expressions(plain: str, published_on: date) -> list[tuple[int, When]]:
    """Every time expression in `plain`, with its position, resolved to a deadline."""
    year = published_on.year
    found: list[tuple[int, When]] = []

    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], deadline: date | None, flag: str = DEADLINE_STATED) -> None:
        # Patterns run from the most specific down; "the second quarter of 2024" must not
        # also count as a bare "2024".
        s, e = m.span()
        if any(s < te and e > ts for ts, te in taken):
            return
        taken.append((s, e))
        found.append((s, When(deadline, flag, m.group(0))))

    # a central bank's forecast period runs about three years: "in the final year of the forecast",
    # "the latter part of the forecast period", "throughout the projection horizon"; unless its own year follows,
    # which then dates it: "before the end of the forecast period in 2018"
    for m in re.finditer(
        r"(?:\b(?:the\s+)?(?:final|last|latter)\s+(?:year|part)\s+of\s+the\s+(?:forecast|projection)"
        r"(?:\s+(?:period|horizon))?\b|\b(?:forecast|projection)\s+(?:period|horizon)\b)"
        r"(?!,?\s+(?:in|ending\s+in|to|through|until|of)\s+(?:19|20)\d\d\b)",
        plain,
        re.I,
    ):
        add(m, date(published_on.year + 3, 12, 31))

    # a year counted from a date: "for the year following September 11, 2025", "in the 12 months after March 2024"
    for m in re.finditer(
        rf"\b(?:the\s+)?(?P<n>year|12\s+months|twelve\s+months)\s+(?:following|after)\s+"
        rf"(?P<month>{MONTH})(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?,?\s+(?P<y>(?:19|20)\d\d)\b",
        plain,
        re.I,
    ):
        y, month = int(m.group("y")), _MONTHS[m.group("month").lower().rstrip(".")]
        start = date(y, month, min(int(m.group("day") or 1), calendar.monthrange(y, month)[1]))
        if start.year >= year:
            add(m, start + relativedelta(years=1))

    for m in _NO_FIXED_DATE.finditer(plain):
        add(m, None, DEADLINE_NO_FIXED_DATE)

    for m, deadline in sporting_events(plain, published_on):
        add(m, deadline)
    for m, deadline in flu_seasons(plain, published_on):
        add(m, deadline)
    for m, deadline in calendar_periods(plain, published_on):
        add(m, deadline)

    # "by the mid-century point", "by mid-century"
    for m in re.finditer(r"\b(?:by\s+)?(?:the\s+)?mid-?century(?:\s+point)?\b", plain, re.I):
        if published_on.year < 2050:
            add(m, date(2050, 12, 31))

    # "by century's end", "by the end of the century", "2.5 to 2.9 degrees this century": the century's last year
    for m in re.finditer(
        r"\b(?:by\s+)?(?:century's\s+end|the\s+end\s+of\s+(?:the|this|the\s+current)\s+century"
        r"|(?:in\s+|during\s+)?(?:this|the\s+current)\s+century)\b",
        plain,
        re.I,
    ):
        add(m, date(year // 100 * 100 + 100, 12, 31))
    # "interest costs will hit a record in just two years"
    for m in re.finditer(
        rf"\bin\s+(?:just|only)\s+(?P<n>a|an|{'|'.join(_NUMBERS)}|\d+)\s+(?P<unit>years?|months?)\b", plain, re.I
    ):
        add(m, _from_now(published_on, m))

    for m in re.finditer(
        r"\b(?:(?P<pre>by|before|until|till|through|to|at|in|around|toward|towards)\s+)?(?:the\s+)?"
        r"(?P<part>end|close|start|beginning|first\s+half|second\s+half|middle|(?:first|second|third|fourth)\s+quarter)"
        r"\s+of\s+(?:the\s+)?(?P<what>this\s+year|next\s+year|the\s+year|year|month|quarter|(?P<y>\d{4}))\b",
        plain,
        re.I,
    ):
        part = m.group("part").lower()
        what = m.group("what").lower()
        if m.group("y"):
            target = int(m.group("y"))
        elif "next" in what:
            target = year + 1
        elif what == "month":
            add(m, _end_of_month(year, published_on.month))
            continue
        elif what == "quarter":
            add(m, _end_of_month(year, ((published_on.month - 1) // 3 + 1) * 3))
            continue
        else:
            target = year
            # "in the first half of 2023 before settling down toward the second half of the year": the year
            # named before it in the sentence
            named = re.findall(r"\b(?:19|20)\d\d\b", plain[: m.start()])
            if what in ("the year", "year") and named and int(named[-1]) > year:
                target = int(named[-1])
        if target < year:
            continue
        month = {"first half": 6, "middle": 6, "first quarter": 3, "second quarter": 6, "third quarter": 9}.get(
            " ".join(part.split()), 12
        )
        if part in ("start", "beginning"):
            month = 3
        over = _end_of_month(target, month) < published_on
        if what == "this year" and over:
            # a part of this year already over dates what was, not a forecast: "The forecast is lower than financial
            # experts ... expected at the start of this year", from December
            taken.append(m.span())
            continue
        if what in ("the year", "year") and not m.group("y") and over and published_on.month >= 10:
            # "CPI will be about 2.8% for the first half of the year", from December: a part already over, seen from
            # the last quarter, is next year's (from July, "produced 64,600 ounces during the first half of the
            # year" is this year's)
            target += 1
        add(m, _end_of_month(target, month))

    for m in re.finditer(r"\b(?P<q>early|mid|late|Q[1-4]|H[12])[\s-]*(?P<y>\d{4})\b", plain, re.I):
        target = int(m.group("y"))
        if target < year:
            continue
        q = m.group("q").lower()
        month = {"early": 4, "mid": 6, "late": 12, "q1": 3, "q2": 6, "q3": 9, "q4": 12, "h1": 6, "h2": 12}[q]
        add(m, _end_of_month(target, month))

    # analysts' shorthand for a quarter: "for the 4Q'24 and 1Q'25", "Q3 '25", "4Q 2024", "Base case for 2Q22"
    for m in re.finditer(
        r"\b(?:(?P<a>[1-4])Q|Q(?P<b>[1-4]))(?:\s*'\s?(?P<yy>\d\d)\b|(?(a)(?:[\s-]*(?P<y>(?:19|20)\d\d)|(?P<yy2>\d\d))\b|(?!)))",
        plain,
    ):
        target = int(m.group("y") or 2000 + int(m.group("yy") or m.group("yy2")))
        if target >= year:
            add(m, _end_of_month(target, 3 * int(m.group("a") or m.group("b"))))

    # the national accounts' year-first quarter: "-0.4 pct in 2025q2", "2024Q4", "2025-Q1"
    for m in re.finditer(r"\b(?P<y>(?:19|20)\d\d)[\s-]?[Qq](?P<q>[1-4])\b", plain):
        target = int(m.group("y"))
        if target >= year:
            add(m, _end_of_month(target, 3 * int(m.group("q"))))

    # a statistic's trailing twelve months: "up 19,000 in the year to September", written in December, is a past
    # figure, and its "the year" is not this calendar year
    for m in re.finditer(
        rf"\b(?:the\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:to|ending|ended)\s+(?:the\s+end\s+of\s+)?"
        rf"(?P<month>{MONTH})(?!\s+\d)",
        plain,
        re.I,
    ):
        deadline = _next_month_end(published_on, _MONTHS[m.group("month").lower().rstrip(".")], ahead=False)
        if deadline < published_on:
            taken.append(m.span())
        else:
            add(m, deadline)

    for m in re.finditer(
        rf"\b(?P<pre>by|before|until|till|through|in|during|from|this|next|early|late|mid|on|since|after|come)?\s*"
        # "14 February" and "the 4th of November" as well as "February 14"
        rf"(?:(?:the\s+)?(?P<day0>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
        rf"(?P<month>{MONTH})(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y>\d{{4}}))?(?:'s)?\b"
        # "its January estimate", "July's prediction": a month naming an earlier report
        r"(?!\s+(?:estimates?|forecasts?|reports?|surveys?|data|figures?|projections?|predictions?|update|"
        r"statement|minutes|outlook|meeting|release|numbers?)\b)",
        plain,
    ):
        name = m.group("month").rstrip(".")
        day = m.group("day0") or m.group("day")
        pre = (m.group("pre") or "").lower()
        if name == "May" and not (pre or day or m.group("y")):
            continue  # the modal verb at the start of a sentence
        if pre in ("since", "from", "after"):
            continue
        if re.search(
            r"\bsince\s+(?:the|its|their|his|her|our|an?)\s+(?![^,;.]*\b(?:will|would|is|are)\b)[^,;.]{0,40}$",
            plain[max(0, m.start() - 60) : m.start()],
            re.I,
        ):
            # a month told of what has happened since: "the outlook has worsened since the Bank of England's forecast
            # in August"
            taken.append(m.span())
            continue
        # the first month of a span ("the summer driving season (April through September)") is no window
        if not (day or m.group("y")) and re.match(
            rf"\s*(?:through|to|until|till|-|\u2013)\s*(?:{MONTH})\b", plain[m.end() :]
        ):
            continue
        month = _MONTHS[name.lower()]
        # "City will once again lift the title come May": "come" looks ahead as "by" does
        ahead = pre in ("by", "before", "until", "till", "next", "come")
        # a month a future verb puts the event in is the next such month: "the coldest temperatures will arrive
        # around mid-February", "Several storms are forecast for March", from August (not a month just ended, whose
        # figures are still to come: "expected to mark the weakest October performance since 1969", from November)
        ahead = ahead or (not day and (published_on.month - month) % 12 > 2 and _month_ahead(plain, m.start()))
        if m.group("y"):
            target = int(m.group("y"))
            if target < year:
                continue
            deadline = _end_of_month(target, month)
        else:
            deadline = _next_month_end(published_on, month, before=pre == "before" and not day, ahead=ahead)
        if not day:
            deadline += _give_or_take(plain, m.end())
        if day:
            with contextlib.suppress(ValueError):  # "June 31" keeps the month's end
                deadline = _end_of_month(deadline.year, month).replace(day=int(day))
                if pre == "before":
                    deadline -= relativedelta(days=1)
                # "by 4 November", written on the 20th, is next year's; a day just past named bare is
                # this year's, as a month is ("- May 31: Edmonton 6 at Colorado 8", on 1 June)
                if deadline < published_on and not m.group("y") and ahead:
                    deadline += relativedelta(years=1)
        add(m, deadline)

    # "2024-25", "fiscal 2024/25": the window ends with the later year
    for m in re.finditer(
        r"\b(?:fiscal\s+(?:year\s+)?|FY\s*)?(?P<y1>(?:19|20)\d{2})\s*[-\u2013/]\s*(?P<y2>(?:19|20)?\d{2})\b"
        r"(?![-\u2013/]\d|\s*(?:levels?|%|per\s*cent|percent))",
        plain,
    ):
        first, last = int(m.group("y1")), m.group("y2")
        target = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if first < target <= first + 10 and target >= year:
            add(m, date(target, 12, 31))
    # "FY25", "FY '19" (the apostrophe of a year cut short), and a calendar year so cut: "sub 60 levels by end CY25"
    for m in re.finditer(r"\b[FC]Y\s*(?:'\s?)?(?P<y>\d{2})\b", plain):
        if 2000 + int(m.group("y")) >= year:
            add(m, date(2000 + int(m.group("y")), 12, 31))

    for m in re.finditer(
        # (a sentence may open on it: "Beyond 2013, WSTS predicts the industry will grow")
        r"\b(?P<pre>(?i:in|by|before|until|till|through|throughout|during|for|enter|entering|into|of|after|beyond|past|since"
        r"|from))?"
        # the century's end is a horizon too: "a rise of 0.5 metres by 2100"
        # (not a bookmaker's American odds, "Los Angeles Chargers +2761 (+2021)")
        r"\s*(?:fiscal\s+|FY\s*)?(?<!\+)(?P<y>(?:19|20)\d{2}|2100)\b(?![-\u2013]\d|\s*(?:levels?|%|per\s*cent|percent))",
        plain,
    ):
        target = int(m.group("y"))
        pre = (m.group("pre") or "").lower()
        # a level that holds from a later year is checked in that year: "Norway expects a long-term price of 1.94
        # crowns/sme3 from 2026" (not "from 2026 to 2030", nor "from 2027 onwards")
        starts_then = (
            pre == "from"
            and target > year
            and not re.match(r"\s*(?:[-\u2013]|(?:to|through|until|till|and|onwards?|on)\b)", plain[m.end() :])
        )
        if target < year or pre == "since" or (pre == "from" and not starts_then):
            continue
        if pre in ("after", "beyond", "past") and not _LASTS.search(plain[max(0, m.start() - 60) : m.start()]):
            # an event after a year has no fixed date ("expected to peak after 2054"), but the years after the one that
            # opens a sentence start with the next ("After 2021, the pace of GDP growth is expected to slow"), and so
            # does what stretches past a year ("IDC does not expect the downturn ... to stretch past 2009")
            opening = re.match(r"\s*,", plain[m.end() :]) and not plain[: m.start()].strip(" \"'([")
            if pre == "past" or opening:
                add(m, date(target + 1, 12, 31))
            else:
                add(m, None, DEADLINE_NO_FIXED_DATE)
            continue
        # a state that goes on "beyond 2054" is checked at that year's end: "are projected to continue
        # experiencing population growth beyond 2054"
        # a state that lasts "until 2027" runs through it, whatever the verb ("but high costs restrain new construction
        # until 2027", "Natural gas demand is projected to rise until 2035"); "no rate cuts until 2024" ends before it
        lasts = pre in ("until", "till") and _LASTS.search(plain[max(0, m.start() - 60) : m.start()])
        # "it won't be until 2026 that ...", "not until 2015": the event comes in that year
        lasts = lasts or (pre in ("until", "till") and _NOT_UNTIL.search(plain[max(0, m.start() - 80) : m.start()]))
        held_off = pre in ("until", "till") and _HELD_OFF.search(plain[max(0, m.start() - 80) : m.start()])
        # "with a full recovery not before 2029": the event comes in that year at the earliest
        not_before = pre == "before" and re.search(r"\bnot\s+$", plain[max(0, m.start() - 10) : m.start()], re.I)
        if target > year and ((pre == "before" and not not_before) or (held_off and not lasts)):
            target -= 1  # "before 2027" ends with 2026
        add(m, date(target, 12, 31))

    # "auto sales ... may even fall after next year", "the year after next": the year after next, before
    # "next year" and "the year", which they hold
    for m in re.finditer(r"\bafter\s+next\s+year\b|\bthe\s+year\s+after\s+next\b", plain, re.I):
        add(m, date(year + 2, 12, 31))
    # "we also expect the fundamental conditions to improve in the year ahead": the twelve months from the
    # page's date, not the year under way
    # (from a page of January, the year ahead is the calendar year just begun: "my Top 10 predictions for the year
    # ahead", on 15 January); so is "the coming year", with or without its "in" ("Below is what I think will happen
    # in the coming year. ... This coming year there will be a big focus on verifying the outputs", on 15 January)
    for m in re.finditer(
        r"\b(?:in|over|during|for)\s+the\s+year\s+ahead\b|\b(?:(?:in|over|during|for)\s+the|this)\s+coming\s+year\b",
        plain,
        re.I,
    ):
        add(m, date(year, 12, 31) if published_on.month == 1 else published_on + relativedelta(years=1))
    # "there will be some tail off into the New Year", from the autumn: the start of next year; so too "Looking ahead
    # to the new year" and "the new year should start far stronger" (not a lunar or Chinese New Year, a festival)
    for m in re.finditer(r"(?<!\bChinese\s)(?<!\bLunar\s)\b(?:(?:into|in|by|to)\s+)?the\s+new\s+year\b", plain, re.I):
        if published_on.month > 6:
            add(m, date(year + 1, 3, 31))
    # "this year and next" before "this year", which it holds
    # "they will look very different next season": a team's next season is next year's
    for m in re.finditer(
        r"(?<!\bof\s)\bthis\s+year\s+and\s+next\b|(?<!the\s)\bnext\s+(?:calendar\s+)?year\b|\bnext\s+season\b"
        # the adjective: "Ministry of Finance commenced preparing the next-year budget"
        r"|\bnext-year\b"
        # ... and the "next" of "the end of this year and next", once "the end of this year" is read; "picking up this
        # year and into next and will fall slightly in 2027"
        r"|(?<=\bthis\syear\s)and\s+(?:into\s+)?next\b|\binto\s+next\b(?=\s*(?:[,.;]|and\b|before\b|$))",
        plain,
        re.I,
    ):
        add(m, date(year + 1, 12, 31))
    # a figure for "the next", its period left out after the one named before it: "3.4 percent this year, and 3.5
    # percent the next"
    for m in re.finditer(r"\b(?:for\s+)?the\s+next(?=\s*(?:[.;!?]|$))", plain, re.I):
        if re.search(r"\d\s*(?:%|percent|per\s*cent)\s+$", plain[: m.start()], re.I):
            add(m, date(year + 1, 12, 31))
    # (not a change "on the year", year on year: "expenditure should fall by \u20ac705 million on the year")
    for m in re.finditer(
        r"\b(?:this|the\s+current|(?<!\bon\s)the)\s+(?:calendar\s+)?year\b|\byear[\s-]?end\b|\bthe\s+rest\s+of\s+the\s+year\b"
        r"|\bend\s+the\s+year\b",
        plain,
        re.I,
    ):
        add(m, date(year, 12, 31))
    # "the largest economic power in the 2020s": the decade's last year; so too a decade ahead that a
    # title or a list is for ("Predictions for the 2020s"), not one looked back on ("the worst for the 2000s")
    for m in re.finditer(
        r"\b(?:in|during|by\s+the\s+end\s+of|before\s+the\s+end\s+of|(?P<ahead>for|through|throughout))"
        r"\s+the\s+(?P<d>(?:19|20)\d0)s\b",
        plain,
        re.I,
    ):
        last = int(m.group("d")) + 9
        if m.group("ahead") and last < year:
            continue
        add(m, date(last, 12, 31))
    # "will peak around mid-2080s": a third of the decade, ending with its last year (early: 2083, mid:
    # 2086, late: 2089)
    for m in re.finditer(r"\b(?P<part>early|mid|late)[\s-]*(?P<d>(?:19|20)\d0)s\b", plain, re.I):
        last = int(m.group("d")) + {"early": 3, "mid": 6, "late": 9}[m.group("part").lower()]
        if last >= year:  # "since the late 1990s" looks back
            add(m, date(last, 12, 31))
    # "IN A YEAR, IT MIGHT BE BELOW 3%" (not "in a year of turmoil", "in a year when"); at the sentence's end: "one
    # third of colleges will be out of business in fifteen years." (not a record's span: "the highest in five years.")
    for m in re.finditer(
        rf"\bin\s+(?P<n>a|an|{'|'.join(_NUMBERS)}|\d+)\s+(?P<unit>years?|months?)"
        r"(?=\s*[,;]|\s+(?:from\s+now|time)\b|(?P<close>\s*[.!?][\"'\u201d\u2019]*\s*$))",
        plain,
        re.I,
    ):
        if _RECORD_BEFORE.search(plain, max(0, m.start() - 60), m.start()):
            # "for the first time in 19 years, with a 94.9% probability": a record's span before a comma too
            continue
        if m.group("close") and (
            not m.group("unit").lower().startswith("year") or m.group("n").lower() in ("few", "several", "a", "an")
        ):
            # a count of months or a vague "few" at the end is left to the windows read below, and "in a year" there
            # is as often a rate's span ("twice in a year", "a million units in a year") as a horizon
            continue
        add(m, _from_now(published_on, m))
    # "it may take another two to three years": the longer of the two; "it would need at least a year"; "would take at
    # least another 5-10 years to go through the process of deleveraging"
    for m in re.finditer(
        # ... or about as long: "it will likely take about three years for air travel to return to 2019 levels"
        rf"\b(?:take|takes|need|needs)\s+(?:(?:another|a\s+further|at\s+least|about|around|roughly|some|approximately)\s+){{0,2}}"
        rf"(?:(?:\d+|{'|'.join(_NUMBERS)})\s*(?:to|or|-|\u2013)\s*)?"
        rf"(?P<n>\d+|{'|'.join(_NUMBERS)})\s+(?P<unit>months?|years?)\b",
        plain,
        re.I,
    ):
        add(m, _from_now(published_on, m))

    # "a 12-month forward target", "6-Month Outlook"
    for m in re.finditer(
        r"\b(?P<n>\d{1,2}|six|twelve|eighteen)[\s-]months?\s+(?:forward|outlook|horizon|target|ahead|view)\b",
        plain,
        re.I,
    ):
        raw = m.group("n").lower()
        add(m, published_on + relativedelta(months=_count(raw)))

    # "in less than half a decade", "The Ukraine War ends in less than 6 months": the bound is the window
    for m in re.finditer(
        rf"\b(?:in|within)\s+(?:less\s+than|under|fewer\s+than)\s+"
        rf"(?:(?P<half>half\s+a\s+decade)|(?P<n>a|an|{'|'.join(_NUMBERS)}|\d+)\s+(?P<unit>years?|months?|weeks?|decades?))\b",
        plain,
        re.I,
    ):
        if m.group("half"):
            add(m, published_on + relativedelta(years=5))
            continue
        add(m, _from_now(published_on, m))
    # a thing denied for a time comes at its end: "it might not return to last year's level of $3.60 per bushel
    # for six years"
    for m in re.finditer(
        rf"\bfor\s+(?:another\s+|at\s+least\s+)?(?P<n>{'|'.join(_NUMBERS)}|\d+)\s+(?:more\s+)?(?P<unit>years?|months?)\b",
        plain,
        re.I,
    ):
        if re.search(r"(?:\bnot|n't|\bnever)\b[^;]{0,80}$", plain[max(0, m.start() - 90) : m.start()], re.I):
            add(m, _from_now(published_on, m))
    # a state that goes on for a count of years ends with it: "unemployment will rise for another two years",
    # "Prices flat to +3% for ten or more years", "Prices drop to 1997-1998 values over the span of approximately 5
    # years", "Prices declining 2-5% per year for 7-15 years" (the farther count); not a span that is over ("has
    # grown for ten years"), nor a record's ("the highest for ten years")
    for m in re.finditer(
        rf"\b(?:for|over\s+the\s+span\s+of)\s+(?:another\s+|at\s+least\s+|approximately\s+|about\s+|around\s+)?"
        rf"(?:(?:\d+|{'|'.join(_NUMBERS)})\s*(?:to|or|-|\u2013)\s*)?(?P<n>\d+|{'|'.join(_NUMBERS)})\s+(?:or\s+more\s+)?"
        r"(?P<unit>years|decades)\b(?!\s+(?:ago|old|running|in\s+a\s+row|of)\b)",
        plain,
        re.I,
    ):
        before = plain[max(0, m.start() - 60) : m.start()]
        if _RECORD_BEFORE.search(before) or re.search(r"\b(?:has|have|had|was|were|been)\b[^,;]*$", before, re.I):
            continue
        if m.group("n").lower() in ("several", "few"):
            continue  # an uncounted span is a habit's, not a window: "Russia for several years shows growth"
        add(m, _from_now(published_on, m))
    # how far off: "Asia is probably about 18 to 24 months away", "that's probably 20 or 30 years away", "We are six,
    # seven, eight years out from something": the farthest count named
    for m in re.finditer(
        rf"\b(?:(?:\d+|{'|'.join(_NUMBERS)})\s+(?:to|or|-|\u2013)\s+)?(?P<n>\d+|{'|'.join(_NUMBERS)})\s+"
        r"(?P<unit>weeks?|months?|years?|decades?)\s+(?:away\b|out\s+from\b)",
        plain,
        re.I,
    ):
        add(m, _from_now(published_on, m))
    # "in a year's time", "two years from now"
    for m in re.finditer(
        rf"\b(?P<n>\d+|{'|'.join(_NUMBERS)})\s+(?P<unit>days?|weeks?|months?|years?|decades?)(?:'s|')?"
        r"\s+(?:time|from\s+now|hence)\b",
        plain,
        re.I,
    ):
        add(m, _from_now(published_on, m))

    for m in re.finditer(r"\b(?P<pre>by|before|until|for|at|over|this)\s+Christmas\b", plain):
        christmas = date(year, 12, 24 if m.group("pre") == "before" else 25)
        add(m, christmas if christmas >= published_on else christmas + relativedelta(years=1))

    # "in the fourth quarter" with no year: the next such quarter, or the one just ended, whose figures
    # are still to come ("our first look at u.s. economic growth for the second quarter", in July)
    for m in re.finditer(r"\bthe\s+(?P<q>first|second|third|fourth|final|last)\s+quarter\b(?!\s+of\b)", plain, re.I):
        month = {"first": 3, "second": 6, "third": 9}.get(m.group("q").lower(), 12)
        end_of_quarter = _end_of_month(year, month)
        if end_of_quarter < published_on - relativedelta(months=3):
            end_of_quarter = _end_of_month(year + 1, month)
        add(m, end_of_quarter)

    # "in each of the coming five years", "at least one of the next five years": the years are counted as
    # calendar years, the current one first, so the last of five is the fourth after this one
    for m in re.finditer(
        rf"\b(?:each|any|every|all|one|either|none|some|most)\s+of\s+the\s+(?:next|coming|following)\s+"
        rf"(?P<n>\d+|{'|'.join(_NUMBERS)})\s+(?:calendar\s+)?years\b",
        plain,
        re.I,
    ):
        raw = m.group("n").lower()
        add(m, date(year + _count(raw) - 1, 12, 31))

    # a window that is the sentence's subject: "The next five years are expected to reflect a significant imbalance"
    for m in re.finditer(
        rf"\bthe\s+next\s+(?P<n>\d+|{'|'.join(_NUMBERS)})\s+(?P<unit>months|years|decades)"
        r"(?=\s+(?:are|will|could|should|would|may|might)\b)",
        plain,
        re.I,
    ):
        add(m, _from_now(published_on, m))

    for m in re.finditer(
        # "for at least the next three years"; "next 12 months will see Melbourne's houses hit with a 9.2% decrease"
        # names its count with no preposition (not "the next 20 years of innovation", a topic more than a window)
        r"\b(?:(?:within|in|over|during|for)\s+(?:at\s+least\s+|about\s+|around\s+|roughly\s+)?(?:the\s+)?|(?<!the\s)(?=next\s+(?:\d|two|three|four|five|six"
        r"|twelve|eighteen)))(?:next|coming|following|following|first)?\s*"
        # "over the next 12 to 24 months", "within two to five years": the longer
        r"(?:(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:to|-|\u2013|or)\s*(?=\d|[a-z]))?"
        # "in the next couple of years": two
        r"(?:a\s+(?=few\b))?(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty"
        r"|several|few|couple(?:\s+of)?)?\s*(?P<more>(?:more|further|additional)\s+)?"
        r"(?P<unit>days?|weeks?|months?|years?|decades?)\b(?!\s+ago)",
        plain,
        re.I,
    ):
        text = m.group(0).lower()
        # "within six months", "over the next decade", "for a few more years" and "for several years to come"
        # look ahead; "the highest in four decades" looks back.
        ahead = re.search(r"\b(?:within|next|coming|following|more|further|additional)\b", text)
        if not ahead and not re.match(r"\s+to\s+come\b", plain[m.end() :], re.I) and not _after_a_future(plain, m):
            continue
        if not m.group("n") and m.group("unit").lower().endswith("s"):
            continue  # "in the coming months" names no number: an approximate window, read below
        raw = (m.group("n") or "1").lower()
        n = int(raw) if raw.isdigit() else 2 if raw.startswith("couple") else _NUMBERS.get(raw, 1)
        add(m, published_on + _span(n, m.group("unit")))

    # "this fall and winter": the later of the two seasons named together
    for m in re.finditer(
        r"\b(?P<which>this|next|the|by|before|through|over)\s+(?:the\s+)?(?:winter|spring|summer|autumn|fall)"
        r"\s+(?:and|or|to|into)\s+(?:the\s+)?(?P<season>winter|spring|summer|autumn|fall)\b",
        plain,
        re.I,
    ):
        add(m, _season_end(published_on, m.group("season").lower(), next_one=m.group("which").lower() == "next"))
    for m in re.finditer(
        r"\b(?P<which>this|next|the|by|before|through|over)\s+(?:the\s+)?(?P<season>winter|spring|summer|autumn|fall)\b",
        plain,
        re.I,
    ):
        add(m, _season_end(published_on, m.group("season").lower(), next_one=m.group("which").lower() == "next"))

    # a list's dated label with a short year: "Spring 08: we hit bottom", "Fall-Winter 07: ..."
    for m in re.finditer(
        r"\b(?P<season>winter|spring|summer|autumn|fall)(?:[-/](?:winter|spring|summer|autumn|fall))?\s+'?(?P<yy>\d\d)"
        r"(?=\s*:)",
        plain,
        re.I,
    ):
        yy = int(m.group("yy"))
        year = 2000 + yy if yy < 50 else 1900 + yy
        month, day = (12, 31) if m.group("season").lower() == "winter" else _SEASON_END[m.group("season").lower()]
        add(m, date(year, month, day))

    for m in re.finditer(r"\b(?:this|next)\s+(?P<unit>week|month|quarter)\b", plain, re.I):
        nxt = m.group(0).lower().startswith("next")
        unit = m.group("unit").lower()
        if unit == "week":
            deadline = published_on + relativedelta(weeks=1 if nxt else 0, weekday=SU)
        elif unit == "month":
            deadline = published_on + relativedelta(months=1 if nxt else 0, day=31)
        else:
            quarter_end = ((published_on.month - 1) // 3 + 1) * 3
            deadline = published_on + relativedelta(month=quarter_end, day=31, months=3 if nxt else 0)
        add(m, deadline)

    for m in re.finditer(
        r"\b(?:on|by|before|this|next|until)\s+(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        plain,
    ):
        if m.group(0).lower().startswith("on") and _REPORTED_BEFORE.search(plain, max(0, m.start() - 60), m.start()):
            # the day a forecast was told, not its window: "the yuan will continue to fall, government researchers
            # said in Beijing on Monday"
            taken.append(m.span())
            continue
        deadline = published_on + relativedelta(days=+1, weekday=_WEEKDAYS[m.group("day").lower()](+1))
        if m.group(0).lower().startswith("next"):
            deadline += relativedelta(weeks=1)
        add(m, deadline)

    for m in re.finditer(
        r"\b(?:(?:in|over|during)\s+the\s+(?:coming|next\s+few)\s+(?P<unit>weeks|months)"
        r"|(?:in|over|during)\s+the\s+(?:weeks|months)\s+ahead"
        # a time uncounted: "China will launch 5G within weeks from now", "within a few months"
        r"|within\s+(?:a\s+few\s+|a\s+matter\s+of\s+)?(?:days|weeks|months)(?:\s+from\s+now)?"
        r"|in\s+(?:the\s+)?(?P<near>(?:short|near)[\s-](?:run|term))|soon|shortly|imminently)\b",
        plain,
        re.I,
    ):
        text = m.group(0).lower()
        delta = (
            relativedelta(months=1)
            if re.search(r"\b(?:weeks|days)\b", text) or text in ("soon", "shortly", "imminently")
            else None
        )
        if delta is None:
            # "in the near term", like "over the coming months", is the next few months: the year under way, or the
            # next one when the page comes out in its last quarter ("Growth is forecast to moderate in the
            # near-term", from mid-December; "inflation is likely to fall back to the target over the coming
            # months", from July, is this year's)
            delta = relativedelta(months=3)
        add(m, published_on + delta, DEADLINE_APPROXIMATE)
    return found
