"""Calendar periods named without a year: a decade's end, a government's financial year and
its forward estimates, the decade ahead."""

from __future__ import annotations

import re
from datetime import date

from dateutil.relativedelta import relativedelta

# "by the end of this decade", "by decade's end": a deadline set at the decade's close, which
# annotators (and the reports that use it) read as the round year ("by 2030" for the 2020s) ...
_BY_DECADES_END = re.compile(
    r"\b(?:(?:by|to|at|around|toward|towards)\s+)(?:the\s+)?"
    r"(?:(?:end|close)\s+of\s+(?:the|this)\s+decade|decade['\u2019]s\s+end)\b",
    re.I,
)
# ... while a state that lasts "for the rest of this decade", "survives the decade" or comes
# "before the end of the decade" runs within it: the decade's last year.
_WITHIN_DECADE = re.compile(
    r"\b(?:(?:before|until|till|in|at)\s+)?(?:the\s+)?(?:(?:end|close|rest)\s+of\s+)?(?:the|this)\s+decade\b"
    r"|\bdecade['\u2019]s\s+end\b",
    re.I,
)
# ... but "the most underrated player of this decade" describes, it sets no window
_OF_THE_DECADE = re.compile(r"\b\w+\s+of\s+$", re.I)
# "the next decade will be data-driven", "will probably grow again in the course of the coming decade": ten years from
# now (as "within the decade")
_NEXT_DECADE = re.compile(r"\b(?:within\s+the\s+(?:next\s+)?decade|the\s+(?:next|coming)\s+decade)\b", re.I)
# "by the middle of the decade more will be scrapped than sold", "by mid-decade": the decade's fifth year
_MID_DECADE = re.compile(r"\b(?:(?:the\s+)?middle\s+of\s+(?:the|this)\s+decade|mid-?decade)\b", re.I)
# "this financial year", "the current fiscal year and the following one", "next financial year"; Indian English
# says "fiscal" for the year itself ("a 10-year high of 3% of GDP this fiscal."), never before a noun it qualifies
_FINANCIAL_YEAR = re.compile(
    r"\b(?P<which>this|the\s+current|current|next|the\s+next|the\s+coming)\s+"
    r"(?:(?:financial|fiscal)\s+year\b|fiscal(?=\s*(?:[.,;:)\u201d\"]|$)))"
    r"(?P<following>\s+and\s+the\s+(?:following|next)(?:\s+one)?)?",
    re.I,
)
# a harvest's "marketing year" or "crop year" runs from one summer or autumn to the next and is named
# after its close ("2016/17" is 2017), as a financial year is: "utilization ... for the marketing year"
_MARKETING_YEAR = re.compile(
    r"\b(?:the|this)\s+(?P<which>current\s+|coming\s+|next\s+)?(?:marketing|crop)\s+year\b(?!\s*(?:19|20)\d\d)",
    re.I,
)
# "Q1 FY26": a year named by its close (April to March, July to June) starts in the calendar year
# before, so its first half ends there
_EARLY_FISCAL_QUARTER = re.compile(r"\b(?:Q(?P<q>[12])|H1)\s+FY\s*'?(?P<yy>\d{2})\b")
# Australia's "forward estimates": the budget year and the three after it
_FORWARD_ESTIMATES = re.compile(r"\b(?:the\s+)?forward\s+estimates\b", re.I)


# A US retailer names its fiscal year by the calendar year it starts in: "fiscal 2024" runs from February 2024 to
# January 2025 (the retail 4-5-4 calendar). A page on a retailer reports its same-store or comparable sales.
_RETAIL_SALES = re.compile(r"\b(?:same[-\s]store|comparable(?:[-\s]store)?)\s+sales\b", re.I)
_FISCAL_NAMED_YEAR = re.compile(r"\bfiscal\s+(?P<y>(?:19|20)\d\d)\b", re.I)


def retail_fiscal_year_end(named: str, article: str) -> date | None:
    """The close of a retailer's "fiscal 2011" in `named` (January 2012), when `article` is about a retailer."""
    m = _FISCAL_NAMED_YEAR.search(named)
    if m is None or not _RETAIL_SALES.search(article):
        return None
    return date(int(m.group("y")) + 1, 1, 31)


def financial_year_end(published_on: date) -> int:
    """The year the current financial year closes in.

    A government's year (April to March, July to June) straddles two calendar years and is named
    after the later one ("2023-24" is 2024); for most of any calendar year that is the next one.
    """
    return published_on.year + 1


def calendar_periods(plain: str, published_on: date) -> list[tuple[re.Match[str], date]]:
    """Periods in `plain` that name no year, with the day each ends."""
    found: list[tuple[re.Match[str], date]] = []
    for m in _NEXT_DECADE.finditer(plain):
        found.append((m, published_on + relativedelta(years=10)))
    decade = published_on.year // 10 * 10
    for m in _MID_DECADE.finditer(plain):
        if published_on.year <= decade + 5:
            found.append((m, date(decade + 5, 12, 31)))
    for m in _BY_DECADES_END.finditer(plain):
        found.append((m, date(decade + 10, 12, 31)))
    for m in _WITHIN_DECADE.finditer(plain):
        if re.fullmatch(r"(?:the|this)\s+decade", m.group(0), re.I) and _OF_THE_DECADE.search(plain[: m.start()]):
            continue
        found.append((m, date(decade + 9, 12, 31)))
    for m in _FINANCIAL_YEAR.finditer(plain):
        year = financial_year_end(published_on)
        if "next" in m.group("which").lower() or "coming" in m.group("which").lower():
            year += 1
        if m.group("following"):
            year += 1
        found.append((m, date(year, 12, 31)))
    for m in _MARKETING_YEAR.finditer(plain):
        which = (m.group("which") or "").strip().lower()
        found.append((m, date(financial_year_end(published_on) + (which in ("coming", "next")), 12, 31)))
    for m in _EARLY_FISCAL_QUARTER.finditer(plain):
        closes = 2000 + int(m.group("yy"))
        month = 6 if m.group("q") == "1" else 9
        found.append((m, date(closes - 1, month, 30)))
    for m in _FORWARD_ESTIMATES.finditer(plain):
        found.append((m, date(financial_year_end(published_on) + 3, 12, 31)))
    return found
