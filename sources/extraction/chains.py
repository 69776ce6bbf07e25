"""One sentence, several dated claims: "would tumble to -1% in June 2020, then surge to 2.75% by
June 2021", "3.6 percent this year and 3.7 percent in 2018", "a crisis, but not in the next 12 months"."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from datetime import date

from .deadlines import deadline_in
from .rows import Row
from .text import trim_clause
from .words import TRAILING

# a period, then the figure forecast for it: "end 2024 1.6%", "in 2025: 2.3%", "Q4 2024 $74"
DATE_THEN_FIGURE = (
    r"(?:and\s+)?(?:(?:in|by|for|at)\s+)?(?:(?:the\s+)?(?:end|mid|late|early)(?:\s+of\s+|\s*-\s*|\s+))?"
    r"(?:(?:Q[1-4]|H[12]|FY)\s*)?(?:19|20)\d\d\s*:?\s+[-+]?\d[\d.]*\s*(?:%|per\s*cent|percent)"
)
TRAILING_PERCENT = re.compile(rf"{TRAILING}\(?\d{{1,3}}(?:\.\d+)?\s*(?:%|per\s*cent|percent)\)?\.?\s*$")
# a verb of movement that opens a second dated forecast after "and" or "but" ("and start to go back up in 2010")
_SECOND_VERB = (
    r"(?:start|begin|continue|go|rise|fall|climb|drop|return|recover|rebound|pick|slow|grow|expand|contract|shrink|remain|"
    r"stay|end|reach|hit|"
    r"peak|bottom|slip|trend|ease|decline|dip|edge)"
)
CHAIN_CUT = re.compile(
    r",\s*(?=then\s+\w)|,\s+(?=and\s+then\s+\w+ing\b)|,\s+(?=but\s+not\s+(?:in|within|by|this|next|for|over|during)\b)"
    r"|,\s+(?=[-\d.]+\s*(?:%|per\s*cent|percent)\s+(?:(?:in|by|for)\s+(?:19|20)\d\d|next\s+year)\b)"
    # a count with its own year: "to 8.5 billion in 2030, 9.7 billion in 2050 and 10.9 billion in 2100", "to top 190
    # million by the end of 2020 and 2.8 billion in 2025"
    r"|(?:,\s*|\s+(?=and\s))(?=(?:and\s+)?[\d.]+\s*(?:million|billion|trillion|mn|bn)\b[^,.;]{0,30}?\b(?:in|by)\s+(?:the\s+end\s+of\s+)?"
    r"\d{4}\b)"
    # a second year (not a report's span before what it forecasts: "its Short-Range Outlook for 2024 and 2025,
    # forecasting that steel demand will rebound by 1.7 percent this year"; nor the last of a list of places' years, one
    # forecast: "as early as 2024 in Europe, 2025 in China, 2026 in the US, and 2027 in India")
    r"|,?\s+(?=and\s+(?:in\s+)?(?:19|20)\d\d\b(?!,?\s+respectively)(?!\s+in\s+(?:the\s+)?(?-i:[A-Z]))(?!,\s+(?:forecasting|predicting|projecting|"
    r"expecting|seeing|estimating)\b))"
    # the date before its figure, as a forecast table's row reads: "gdp end 2023 0.9%, end 2024 1.6%, end 2025 2.3%"
    rf"|,\s+(?={DATE_THEN_FIGURE})"
    r"|(?:,|\s+[\u2014\u2013])?\s+(?=before\s+(?:\w+ly\s+)?\w+ing\b)|(?:,|\s+[\u2014\u2013])\s+(?=(?:before|after)\s+\w+ing\b|(?:peaking|falling|rising|slowing|easing)\b)"
    # a run of sums each with its year: "will continue to fall, down from $32.70 in 2018 to $27.30 in 2023 to $24.60
    # in 2030" (the base of the change stays with the first: see the open ranges below)
    r"|(?<=(?:19|20)\d\d)\s+(?=to\s+[$\u20ac\u00a3]\d[\d.,]*[^,.;]{0,30}?\b(?:in|by)\s+(?:19|20)\d\d\b)"
    # "a 2% share of light vehicle sales by 2030 rising to 10% by 2040": a dated figure, then the next
    r"|(?<=(?:19|20)\d\d)\s+(?=(?:peaking|falling|rising|slowing|easing|climbing|dropping)\s+to\s+[-\d.$])"
    # "will come in at 4.5-6.5% in 2023 to return to 4% in 2024"; "to 4.3% next year and inflation to be 1.6% in 2017"
    r"|(?:(?<=(?:19|20)\d\d)|(?<=next\syear))\s+(?=to\s+(?:return|fall|rise|climb|ease|slow|drop|reach|recover|decline|grow)\s+to\s+[-\d.$])"
    r"|(?:(?<=(?:19|20)\d\d)|(?<=next\syear))\s+(?=and\s+[a-z]+\s+to\s+be\s+[-\d.$])"
    # "to fall quickly to around 3% in the middle of this year and then decline more gradually to its 2% target by
    # the end of 2024", and with a comma: "will see a modest immediate gain through 2023, and then experience a
    # long-term decline through 2060"
    # ... or after a quarter: "to average 6.7 percent in the fourth quarter and then ease to the 6.5 percent range next
    # year"
    r"|(?:(?<=year)|(?<=quarter)|(?<=(?:19|20)\d\d)),?\s+(?=and\s+then\s+[a-z]+\b)"
    # "It upgraded its growth estimate for this year to 1.4% from 1.0% in January and said it now expects the economy
    # to grow by 1.3% in 2024": a second report verb with its own forecast
    r"|,?\s+(?=and\s+(?:said|added|noted)\s+(?:that\s+)?(?:it|they|he|she)\s+(?:now\s+|also\s+|still\s+)?(?:expects?|sees?|forecasts?|projects?|predicts?)\b)"
    # "enrollment will decline by nearly 13% over the next five years and, by 10 years from now, will be down 29%":
    # a second time set off by commas before its own "will"
    r"|\s+(?=and,\s+(?:by|in|within|over|after)\s+[^,;]{1,40},\s+(?:will|would|should|is|are)\b)"
    # ... or after "but", with a verb of its own: "Brent dips to USD 60/barrel in 2014, but, by the end of 2015, starts
    # to rebound"
    r"|,?\s+(?=but,\s+(?:by|in|within|over|after)\s+[^,;]{1,40},\s+[a-z]+s\b)"
    # a contrast with its own year: "oil prices are likely to end the year little changed while poised for a modest
    # rise in 2021", "In 2023, the figure is forecasted to climb further to 646,050 units, while in 2024, it is 660,920
    # units"
    r"|,?\s+(?=while\s+(?:in\s+(?:19|20)\d\d\b|[^,;.]{0,60}?\b(?:in|by)\s+(?:19|20)\d\d\b))"
    # ... or "yet" as a conjunction (not "has yet to"): "In 2025, the number of graduates is projected to be 3.9 million
    # yet the number is projected to decrease to 3.37 million by 2041"
    r"|(?<!\bhas)(?<!\bhave)(?<!\bnot)(?<!\bas),?\s+(?=yet\s+(?:the|a|an|its|their)\s+(?:[^,;.]|\.(?=\d)){0,80}?\b(?:in|by)\s+(?:19|20)\d\d\b)"
    # a second time of its own after "and by": "In 2020 metropolitan areas are expected to get greater coverage, and by
    # 2021 Cristiano hopes to see the same level of coverage"
    r"|,\s+(?=and\s+by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b)"
    # a second figure in words with its own year: "to average 39.24 euros a tonne in 2021 and 46.24 euros in 2022";
    # "are forecast at 6.04 million in 2007 and 6.38 million next year", "to total 852,000 this year and 848,000 in
    # 2008"
    r"|(?:(?<=year)|(?<=(?:19|20)\d\d))\s+(?=and\s+[-\d.,]*\d(?:\s+[a-z]+)?\s+(?:(?:in|by|for)\s+(?:19|20)\d\d\b|next\s+year\b)"
    r"(?![^.;]*\brespectively\b))"
    # ... or a second verb of forecasting with its own year: "it expects 700,000 migrants and refugees to reach Europe
    # via the Mediterranean this year and projected at least the same amount again in 2016"
    r"|(?:(?<=year)|(?<=(?:19|20)\d\d))\s+(?=and\s+(?:projected|predicted|forecast|expected|projects|predicts|forecasts|expects)"
    r"\s+[^,.;]{0,60}?\b(?:in|by|for)\s+(?:19|20)\d\d\b)"
    # "This leads to peak coal in 2023 and gas in 2024": a second subject with its own year
    r"|(?<=(?:19|20)\d\d)\s+(?=and\s+[a-z]+\s+in\s+(?:19|20)\d\d\b)"
    # ... or with only its "will", after a window told in words: "Growth rates are picking up this year and into next
    # and will fall slightly in 2027", "by the middle of the decade more will be scrapped than sold, meaning the overall
    # fleet of combustion cars is about to peak and will be in freefall by 2030"
    r"|,?\s+(?=and\s+will\s+[a-z]+\s+(?:[^,;.]|\.(?=\d)){0,60}?\b(?:in|by)\s+(?:19|20)\d\d\b)"
    # ... with its own "will": "the euro area will stagnate in 2012 and growth will increase by +1.4% in 2013"
    r"|(?<=(?:19|20)\d\d)\s+(?=and\s+[a-z]+\s+(?:will|would|should)\s+(?:[^,;.]|\.(?=\d)){0,60}?\b(?:in|by)\s+(?:19|20)\d\d\b)"
    # ... or a longer one: "the fiscal deficit is eliminated in 2022 and the debt-to-GDP ratio peaks in 2018/19"
    r"|(?<=(?:19|20)\d\d)\s+(?=and\s+the\s+[^,;.]{1,50}?\b(?:in|by)\s+(?:19|20)\d\d\b)"
    # "to drop by ten per cent during 2010, followed by a further ten per cent slide during 2011"
    r"|,\s+(?=followed\s+by\b)"
    # "a 60 percent reduction in freight rates this year \"to be followed by a drop of 33 percent in 2024.\""
    r"|\s+(?=[\"']?to\s+be\s+followed\s+by\b)"
    # "prices will be flat in 2009, and start to go back up in 2010": a second verb with its own year; "forecast to
    # increase 4% ... in 2018, but slip 1% in 2019"
    rf"|,\s+(?=(?:and|but)\s+(?:then\s+)?{_SECOND_VERB}\b)"
    # ... or right after the first year: "drops back from 8th position in 2013 to 10th in 2014 and stays around that
    # position to 2030"
    # ... or after "this year": "That rate is estimated to slow to 4% this year and continue to fall to 3%, to $765.2
    # billion, in 2018"
    rf"|(?:(?<=year)|(?<=(?:19|20)\d\d))\s+(?=and\s+(?:then\s+)?{_SECOND_VERB}(?:s|es)?\b)"
    # "forecasted to peak in 2064 at around 9.7 billion people and fall to 8.8 billion by century's end"
    r"|\s+(?=and\s+(?:rise|fall|climb|drop|decline|grow|shrink|slip|reach|peak|exceed|top)\s+(?:to\s+)?[-\d.$])"
    # "..., inching up to 4.7% in 2020 and slipping to 4.5% in 2030"
    r"|(?:,\s*|\s+(?=and\s))(?=(?:and\s+)?\w+ing\s+(?:up\s+|down\s+|back\s+)?to\s+[-\d.]+\s*(?:%|per\s*cent|percent))"
    # ... or again, to a sum: "to $369 billion in 2025-26 - down from $385 billion the year before - and falling again
    # to $354 billion in 2026-27"
    r"|\s+(?=and\s+\w+ing\s+(?:again|further)\s+to\s+[$\u20ac\u00a3]?\s?[\d.]+)"
    # a second figure with its own year after "and", a fraction included: "to grow by about 2 1/2 per cent in 2005
    # and 3 1/4 per cent in 2006"
    # ("and a further 10% in 2010", "and only 50% for 2013")
    r"|,?\s+(?=and\s+(?:then\s+|by\s+|at\s+|to\s+)?(?:(?:a\s+further|another|only|just)\s+)?"
    r"(?:[-\d.]+(?:\s+\d/\d)?\s*(?:%|per\s*cent|percent)|next\s+year\b|in\s+\d{4}\b)"
    r"(?![^,.;]*\brespectively\b))"
    # ... and a price with its own period: "$74/bbl Brent in the fourth quarter of this year and $65/bbl during the
    # first quarter of 2025", "to $59 ... by the fourth quarter of 2025, and to $56 and $52 in 2026"; not the second
    # price of a pair ("$59 and $55 per barrel, respectively", "to $56 and $52 in 2026"); "over" or "under" may open
    # it: "to $8.69 per bushel next year and over $9 in 2022"
    r"|(?<![$\u20ac\u00a3\u00a5]\d)(?<![$\u20ac\u00a3\u00a5]\d\d)(?<![$\u20ac\u00a3\u00a5]\d\d\d),?\s+"
    r"(?=and\s+(?:then\s+|by\s+|at\s+|to\s+|over\s+|under\s+)?[$\u20ac\u00a3\u00a5]\s?\d(?![^.;]*\brespectively\b))"
    # a further change with its own year: "a fall in GDP in 2012 of just over 2% and a further fall in 2013 of just over
    # 1%", "there will be another rate cut this year, two further cuts in 2026"
    r"|(?:,|(?<=[\d%])|(?<=year))\s+(?=(?:and\s+)?(?:a|one|two|three|four|\d)\s+(?:further|more|additional)\s+[a-z]+\s+"
    r"(?:in|by|for)\s+(?:19|20)\d\d\b)"
    # a figure told again with its own year: "16.4 million units will be sold this year, a figure that will grow to
    # 16.94 million units in 2015"
    r"|,\s+(?=(?:a|an)\s+(?:figure|number|total|level|rate)\s+(?:that|which)\s+(?:will|would|is\s+expected\s+to)\b)"
    # a dated figure, then a second verb with its own time: "IDC sees iPhone sales growing 3.8% this year and
    # building on that figure next year"
    r"|(?:(?<=year)|(?<=(?:19|20)\d\d))\s+(?=and\s+[a-z]+ing\b[^,.;]{0,60}?\b(?:next\s+year|in\s+(?:19|20)\d\d)\b)"
    # a change in basis points with its own year: "revising their estimate of GDP growth down 20 basis points to 2.2
    # percent in 2016, and 10 basis points to 2.1 percent in 2017"
    # ... with no comma once a year has closed the first: "a reduction of 0.23 percentage points from baseline in 2025
    # and 0.62 percentage points in 2026"
    r"|(?:,|(?<=(?:19|20)\d\d))\s+(?=and\s+(?:by\s+)?[\d.]+\s*(?:basis\s+points?|bps?|percentage\s+points?)\b[^,;]{0,40}?"
    r"\b(?:in|for|by)\s+(?:19|20)\d\d\b)"
    # "3.6% GDP growth this year, a 3.7% rate next year and 3.2% for 2019": a figure with its own year
    r"|,\s+(?=(?:a|an)\s+[-\d.]+\s*(?:%|per\s*cent|percent)\s+(?:\w+\s+){0,2}?(?:this|next|in|for|by)\s+"
    r"(?:year|(?:19|20)\d\d)\b)"
    # ... or after a dated one with "and": "a 13.4 percent year-over-year drop in 2008 and an 8.4 percent rise in
    # single-family resale home sales in 2009"
    r"|(?<=(?:19|20)\d\d)\s+(?=and\s+(?:a|an)\s+[-\d.]+\s*(?:%|per\s*cent|percent)\s+[^,.;]{0,60}?\b(?:in|for|by)\s+"
    r"(?:19|20)\d\d\b)"
    # a bare verb after a comma, with its own figure and year: "are projected to fall 24.4 percent this year
    # compared to last, drop 6.6 percent in 2008"
    rf"|,\s+(?={_SECOND_VERB}s?\s+(?:by\s+|to\s+)?(?:another\s+)?[-\d.]+\s*(?:%|per\s*cent|percent)\s+"
    r"(?:in|for|by)\s+(?:19|20)\d\d\b)"
    # the base of a change, itself an estimate for its own time: "to reach 903,000 in 2018, increasing from an
    # estimated 840,000 this year"
    r"|,\s+(?=\w+ing\s+from\s+(?:an?\s+|the\s+)?(?:estimated|expected|projected|forecast)\s)"
    # "Inflation, forecast to average 5.4 per cent this year, is expected to be 2.3 per cent in 2025"
    r"|,\s+(?=(?:is|are)\s+(?:now\s+|also\s+)?(?:expected|forecast|projected|seen)\s+to\b)"
    # "expected to reach 3.5% by the end of 2024 and to reach 2 to 3% by the end of 2025",
    # "0.8% for this year and is expected to accelerate to 2.8% in 2026"
    r"|,?\s+(?=and\s+(?:(?:is|are)\s+)?(?:(?:now\s+)?(?:expected|forecast|projected|seen|set|likely)\s+)?to\s+[a-z]+\b)"
)


# A change from one dated figure to another: "from 98 per cent of GDP at the end of this year to 119 per cent at the
# end of 2033", "grow from 6 per cent of GDP next year to 6.9 per cent in 2033": each figure is a forecast for its time
_FROM_DATED_TO = re.compile(
    r"\bfrom\s+[-$]?\d(?:[^.;,]|\.(?=\d)){0,40}?\b(?:(?:this|next)\s+year|(?:19|20)\d\d)\s+"
    r"(?=to\s+[-$]?\d(?:[^.;,]|\.(?=\d)){0,40}?"
    r"\b(?:(?:this|next)\s+year|(?:19|20)\d\d)\b)",
    re.I,
)


# a second forecast told in a "with" clause with its own year, after a first dated figure: "UBS forecasts a 3% increase
# in global copper consumption for this year, slightly revised from the previous 3.3% estimate, with consumption growth
# expected to reach 3.3% in 2025" (not after a view with no figure: "incoming US data suggest the economy is growing
# briskly again this year, with US real GDP projected to rise by 2.8 percent in 2024")
_WITH_SECOND_FORECAST = re.compile(
    r",\s+(?=with\s+[^,;.]{0,60}?\b(?:expected|forecast|projected|seen|set|likely)\s+to\b[^,;]{0,60}?"
    r"\b(?:in|by|for)\s+(?:19|20)\d\d\b)",
    re.I,
)
_PERCENT_FIGURE = re.compile(r"\d\s*(?:%|per\s*cent|percent)", re.I)


# ... nor is "between 2011-2012 and 2014-15" (financial years); but a figure measured from something "in 2025" has
# closed its year: "a reduction of 0.23 percentage points from baseline in 2025 and 0.62 percentage points in 2026"
_RANGE_OPEN = re.compile(
    r"\b(?:between|from)\s+(?:(?!in\s)\S+\s+){0,2}(?:19|20)\d\d(?:\s*[-\u2013/]\s*(?:19|20)?\d\d)?\s*(?:and\s+)?$", re.I
)
# a remark on all the links after a dash: "..., and 2.8% in 2018 — all down slightly from the outlook"
_COMMENT = re.compile(r"\s+[\u2014\u2013]\s+(?:all|both|each|which|that)\b[^.]*\.?\s*$")


def chain_links(plain: str, start: int, end: int, published_on: date) -> list[tuple[int, int]]:
    """The dated links of a sentence that strings several dated claims together, else []."""
    # "between 2021 and 2025" is one window, not two links
    within = [m.end() for m in CHAIN_CUT.finditer(plain, start, end) if m.end() > start]
    within += [m.end() for m in _FROM_DATED_TO.finditer(plain, start, end)]
    within += [
        m.end()
        for m in _WITH_SECOND_FORECAST.finditer(plain, start, end)
        if _PERCENT_FIGURE.search(plain, start, m.start())
    ]
    within = sorted(within)
    within = [cut for cut in within if not _RANGE_OPEN.search(plain[start:cut])]
    comment = _COMMENT.search(plain, start, end)
    # ... but an aside between dashes before the links is no such remark: "The projected ratio — which was 72
    # percent at the end of fiscal year 2013 — will reach 74 percent by 2020 and 101 percent by 2040"
    end = comment.start() if comment and within and comment.start() > within[-1] else end
    cuts = [start] + [cut for cut in within if cut < end] + [end]
    links = [trim_clause(plain, a, b) for a, b in itertools.pairwise(cuts) if plain[a:b].strip()]
    if len(links) >= 3 and deadline_in(plain, *links[0], published_on) is None:
        # "expected to remain almost flat from 2015's 4.6%, inching up to 4.7% in 2020 and slipping to
        # 4.5% in 2030": the undated opening runs into the first dated link
        links = [(links[0][0], links[1][1]), *links[2:]]
    denied = any(re.match(r"but\s+not\b", plain[a:b]) for a, b in links)
    # "another crisis, but not in the next 12 months": the first link may have no time of its own
    timed = links[1:] if denied else links
    if len(links) < 2 or any(deadline_in(plain, a, b, published_on) is None for a, b in timed):
        return []
    return links


def row_links(plain: str, row: Row, published_on: date) -> list[Row]:
    """A table row that strings dated figures together is one row per figure, each dated by its own period:
    "Forecasts gdp end 2023 0.9%, end 2024 1.6%, end 2025 2.3%" forecasts three years, not 2025."""
    links = chain_links(plain, row.start, row.end, published_on)
    first = re.search(DATE_THEN_FIGURE, plain[row.start : row.end]) if links else None
    if first is None or any(not re.match(DATE_THEN_FIGURE, plain[a:b]) for a, b in links[1:]):
        return [row]
    # each later figure keeps the row's label: "Forecasts gdp" + "end 2024 1.6%"
    label = plain[row.start : row.start + first.start()].strip()
    return [
        replace(row, start=a, end=b, claim=plain[a:b] if a == row.start else f"{label} {plain[a:b].strip(' ,')}")
        for a, b in links
    ]


def subject_before(plain: str, start: int, marker_start: int) -> str:
    """The words before the estimative marker, when they are a short subject ("Unemployment rate")."""
    before = re.sub(
        r"^\s*(?:I|we)\s+(?:think|believe|expect|reckon)\s+(?:that\s+)?", "", plain[start:marker_start], flags=re.I
    )
    words = re.split(r"[,:;]", before.strip(" ,"))[-1].split()
    while words and words[-1].lower() in ("is", "are", "was", "were", "has", "have", "will", "would", "be", "should"):
        words.pop()
    if not 0 < len(words) <= 8 or words[0].lower() in ("if", "when", "and", "but", "then"):
        return ""
    return " ".join(words)
