"""Drafted resolution criteria: what decides the claim, the threshold, the date, who publishes it.

A draft, always flagged for the editor's check: the kind of publisher is chosen from the
claim's words (a GDP figure is official statistics, a policy rate the central bank, seats
the election authority, exports customs data, earnings company filings, a price its
benchmark), the threshold is the number the claim names, the date is the deadline.
"""

from __future__ import annotations

import re
from datetime import date

from .text import to_plain

# Checked in order: the first kind whose words the claim uses publishes the outcome.
_PUBLISHERS: list[tuple[str, re.Pattern[str]]] = [
    (
        "the election authority's official results",
        re.compile(
            r"\b(?:elections?|elected|vote[sd]?|voters|ballot|seats?|majority|referendum|polls?|candidates?|"
            r"primary|caucus|presiden(?:t|cy)|prime\s+minister|coalition|parliament|win|wins|re-?elect\w*|run-?off|"
            r"first\s+round|second\s+round|party|parties|chancellor)\b",
            re.I,
        ),
    ),
    (
        "the central bank's policy decisions and statements",
        re.compile(
            r"\b(?:central\s+bank|Fed|Federal\s+Reserve|FOMC|ECB|BOJ|BoJ|Bank\s+of\s+\w+|RBA|RBI|PBOC|SNB|"
            r"(?:policy|interest|cash|deposit|repo|bank)\s+rates?|rates?\s+(?:cut|hike|rise|increase)s?|"
            r"(?:cut|raise|hike|hold|lower)s?\s+(?:interest\s+)?rates|yield\s+curve\s+control|"
            r"quantitative\s+(?:easing|tightening)|negative\s+(?:interest\s+)?rates|balance\s+sheet|"
            r"basis\s+points|bps|tightening|easing)\b",
            re.I,
        ),
    ),
    (
        "the benchmark price series (exchange or index provider)",
        re.compile(
            r"\b(?:Brent|WTI|crude|gold|copper|bitcoin|S&P(?:\s*500)?|Nasdaq|Dow|Nikkei|FTSE|DAX|Treasury\s+yields?|"
            r"(?:10|two|2|ten)-year\s+(?:yield|Treasury|bond))\b",
            re.I,
        ),
    ),
    (
        "customs data or official trade statistics",
        re.compile(r"\b(?:exports?|imports?|trade|tariffs?|shipments?|customs|trade\s+(?:deficit|surplus))\b", re.I),
    ),
    (
        "the official statistics office (or the IMF/OECD series)",
        re.compile(
            r"\b(?:GDP|growth|economy|economies|economic\s+activity|expand|expansion|contraction|recession|inflation|CPI|prices?\s+index|unemployment|jobless|"
            r"payrolls|jobs|employment|wages?|deficit|debt|output|productivity|population|births?|"
            r"consumption|investment|budget|fiscal|house\s+prices|home\s+prices|emissions)\b",
            re.I,
        ),
    ),
    (
        "company filings and results announcements",
        re.compile(
            r"\b(?:revenues?|earnings|profits?|sales|margins?|dividends?|IPO|listing|shares?\s+buyback|"
            r"guidance|quarterly\s+results|deliveries|market\s+share|subscribers|company|companies|firms?|"
            r"merger|acquisition|takeover|bankrupt\w*)\b",
            re.I,
        ),
    ),
    (
        "the benchmark price series (exchange or index provider)",
        re.compile(
            r"\b(?:oil|Brent|WTI|gas|LNG|gold|copper|bitcoin|crypto\w*|S&P|Nasdaq|Dow|Nikkei|FTSE|DAX|index|"
            r"stocks?|equities|shares|yields?|bonds?|Treasur(?:y|ies)|dollar|euro|yen|yuan|renminbi|sterling|"
            r"pound|rupee|currency|exchange\s+rate|prices?)\b",
            re.I,
        ),
    ),
    (
        "the responsible government's or body's official announcements (gazette, ministry, treaty text)",
        re.compile(
            r"\b(?:law|bill|legislation|treaty|agreement|deal|sanctions?|ban|ceasefire|summit|talks|"
            r"government|ministry|minister|parliament|congress|senate|court|ruling|regulat\w+|policy|"
            r"troops?|war|invasion|blockade|drills?|missiles?|nuclear|military|impeach\w*|president|"
            r"Supreme\s+Court|antitrust|Brexit|EU|referendum|indict\w*|resign\w*)\b",
            re.I,
        ),
    ),
]
_THRESHOLD = re.compile(
    r"(?:(?:more|less|fewer|higher|lower|greater)\s+than|above|below|over|under|at\s+least|at\s+most|"
    r"beyond|around|about|some|up\s+to|as\s+(?:high|low)\s+as|between|from)?\s*"
    r"(?:[$\u20ac\u00a3\u00a5]\s?\d[\d,.]*(?:\s*(?:bn|billion|million|trillion|tn|m|k))?|"
    r"\d[\d,.]*\s*(?:%|per\s*cent|percent|percentage\s+points?|basis\s+points|bps|seats|"
    r"(?:bn|billion|million|trillion)(?:\s+\w+)?))",
    re.I,
)
_DATE_SUFFIX = re.compile(r"\s*\(by \d{4}-\d{2}-\d{2}\)$")


def publisher_for(claim: str) -> str | None:
    """The kind of source that publishes the outcome of `claim`, or None if its words name none."""
    plain = to_plain(claim)
    for kind, words in _PUBLISHERS:
        if words.search(plain):
            return kind
    return None


def threshold_in(claim: str) -> str | None:
    found = [" ".join(m.group(0).split()) for m in _THRESHOLD.finditer(to_plain(claim))]
    return "; ".join(dict.fromkeys(found)) or None


# Ends every drafted text: the editor deletes it once the source, threshold and date are checked.
DRAFTED_NOTE = "Drafted automatically: check the source, threshold and date."


def draft_criteria(claim: str, deadline: date | None, *, conditional: bool = False) -> tuple[str, list[str]]:
    """Drafted resolution criteria for a claim, and warnings on what could not be drafted."""
    warnings: list[str] = []
    proposition = _DATE_SUFFIX.sub("", claim).rstrip(". ")
    if not proposition:
        return "", ["no claim could be drafted from the quote: write the claim and its criteria"]
    when = f"on or before {deadline.isoformat()}" if deadline else "by the deadline the editor sets"
    parts = [f"Resolves yes if, {when}, this holds: {proposition}."]
    threshold = threshold_in(proposition)
    if threshold:
        parts.append(f"Threshold: {threshold}, as the claim states it.")
    publisher = publisher_for(proposition)
    if publisher:
        parts.append(f"Decided by {publisher}.")
    else:
        parts.append("Decided by reputable reporting of the event (wire services, the parties' own statements).")
        warnings.append("no obvious publisher of the outcome: name the source that decides it")
    if conditional:
        parts.append("Conditional: annul if the condition is not met.")
    parts.append(f"Otherwise resolves no. {DRAFTED_NOTE}")
    return " ".join(parts), warnings
