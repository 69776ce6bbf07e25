"""Clauses: a sentence holding forecasts in separate clauses is split at these breaks."""

from __future__ import annotations

import re
from itertools import pairwise

from .text import trim_clause
from .words import HEDGE_WORDS, POTENTIAL_OUTCOME

# --- clauses ---------------------------------------------------------------------------------

# a clause's verb and the weight it gives: "are likely to", "is most likely to", "is almost certain to"
_WEIGHED_PREDICATE = (
    r"(?:is|are)\s+(?:considered\s+)?(?:most\s+|very\s+|highly\s+|almost\s+)?"
    r"(?:certainly|likely|probably|unlikely|certain|improbable)\b"
)
_CLAUSE_BREAK = re.compile(
    r";\s+|:\s+(?=[a-z\"'A-Z])"
    r"|,\s+(?=(?:and|but|while|whereas|although|though|yet|so|or)\s)"
    r"|,\s+(?=(?:perhaps|possibly|maybe|probably|likely|if\s+not)\s)"
    rf"|,\s+(?={POTENTIAL_OUTCOME})"
    # a relative clause with its own modal and its own window: "may start a cutting cycle this week, which
    # may last until 2027" (not "..., which will hamper economic growth")
    r"|,\s+(?=which\s+(?:may|might|could|will|should)\s[^.;]*?"
    r"\b(?:until|by|before|through|over|within|this|next|(?:19|20)\d\d)\b)"
    r"|\s+[\u2014\u2013]\s+(?=(?:and|but|perhaps|possibly)\s)"
    # a figure restated between dashes with its own modal: "there will be 9.8 billion people on earth by 2050 \u2014 a
    # number that could balloon to 11.2 billion by the end of the century"
    r"|\s+[\u2014\u2013]\s+(?=(?:a|an|the)\s+[^.;,\u2014\u2013]{0,30}?\b(?:that|which)\s+(?:could|may|might|will|would|should)\b)"
    # a forecaster's own figure or view between dashes: "While inflation will moderate further \u2013 we forecast
    # inflation will average 16.0% in 2024 \u2013 we believe that it is unlikely that the BoG will start easing"
    r"|\s+[\u2014\u2013]\s+(?=(?:we|I)\s+(?:forecast|expect|believe|think|project|predict|estimate|see)\b)"
    # a second forecaster or a second number: "X pegs it at 67 percent while FiveThirtyEight shows
    # ... 60 percent", "betting on growth of 2.5% and place the likelihood of a recession at 15%"
    r"|\s+(?=while\s+(?-i:[A-Z]))"
    # ... or a second clause weighed in words of its own: "the second one is the most likely while the first option is
    # the least likely" (not one that only goes on in "will": what drives a scenario is part of it; not a "while" that
    # opens the sentence's first clause, "But while the IHME expects cases to fall, ...", cut where its comma is)
    rf"|(?<!\bthat)(?<!\b[Bb]ut)(?<!\b[Aa]nd)(?<!\b[Yy]et)\s+(?=while\s+[^.;]*?\b(?:{HEDGE_WORDS})\b)"
    r"|\s+(?=and\s+(?:place|places|put|puts|peg|pegs|assess|assesses|give|gives)\b)"
    # a second prediction with its own weight, sharing the subject: "it's unlikely to be on time and will
    # almost certainly be over budget"
    r"|\s+(?=and\s+(?:will|would|is|are)\s+(?:almost\s+certainly|certainly|very\s+likely|likely|probably|unlikely|highly\s+unlikely)\b)"
    # ... or with a subject of its own: "Ross Stores is considered almost certain to increase and Fred’s profits are
    # likely to improve"
    rf"|\s+(?=and\s+(?:[\w\u2019'\-]+\s+){{1,4}}?{_WEIGHED_PREDICATE})"
    # a second clause weighed on its own after a dash: "The likelihood of at least one even more powerful quake ... is
    # 46%—such a quake is most likely to occur in the southern half of the State" (not a range, "2023–2025")
    rf"|(?:\s*\u2014|\s+\u2013)\s*(?=(?:[\w\u2019'\-]+\s+){{1,4}}?{_WEIGHED_PREDICATE})"
    # a second chance joined by "and": "about a 1 in 7 (or 12 percent) chance of winning in the Electoral
    # College and less than a 1 in 20 (or 3 percent) chance of winning the most votes"
    r"|\s+(?=and\s+(?:(?:less|more|better|worse)\s+than\s+|about\s+|around\s+|only\s+|just\s+)?(?:a|an)\s+"
    r"(?:\d|one\b|two\b|three\b|four\b|five\b)[^.;,]{0,30}?\b(?:chance|probability|likelihood)\b)"
    # a condition weighed in brackets before its outcome: "If because of a second referendum being called (25%
    # chance), GBP/USD will jump to $1.40"
    r"|(?:(?<=\bchance\))|(?<=\bodds\))|(?<=\bprobability\)))\s*,\s+"
    # a list of stated chances: "a 60% probability to our base case, a 25% probability to the bear case"
    r"|,\s+(?=(?:and\s+)?(?:a|an)\s+\d{1,3}(?:\.\d+)?\s*(?:%|per\s*cent|percent)\s+(?:probability|chance|likelihood)\b)"
    # a model's shares by side: "58% R take the Senate, 42% Dems keep it"
    r"|,\s+(?=(?:and\s+)?\d{1,3}(?:\.\d+)?\s*%\s+(?-i:[A-Z])[\w.]*\s+[a-z]+)",
)
# a second verb sharing the subject with a mere possibility: "auto sales will start to slow down and may even fall after
# next year", "EV sales are on track to meet the most ambitious net-zero timelines and could account for more than two
# thirds of market share by 2030" (cut only after a forecast of its own: "both entail considerable risk of escalation
# and could involve the two great powers" is one possibility)
_AND_POSSIBLY = re.compile(r"\s+(?=and\s+(?:may|might|could)\s+(?:even\s+|also\s+|well\s+|eventually\s+)?[a-z])")
_FORECAST_WORD = re.compile(rf"\b(?:will|'ll|won't|going\s+to|{HEDGE_WORDS})\b", re.I)
# A list of moneylines: "Dallas (+138) followed by Atlanta (+275), and Green Bay (+400)": each
# team after the first line is a forecast of its own, with its own number.
_NEXT_LINE_ITEM = re.compile(
    r"(?:,\s+(?:and\s+|or\s+)?|\s+(?:followed\s+by|then|and|or|with|ahead\s+of)\s+)"
    r"(?=(?:the\s+)?(?-i:[A-Z])[\w.'\-]*(?:\s+(?-i:[A-Z])[\w.'\-]*){0,2}\s+\(?[+-][1-9][\d,]{2,6}\)?)"
)
_FIRST_LINE = re.compile(r"\(?[+-][1-9][\d,]{2,6}\)?")
# ... also after what reports it: "It reveals that while life expectancy is expected to continue rising
# globally, the pace of improvement could slow down", or after a conjunction: "But while the IHME expects cases
# to fall, the virus will continue to spread and kill"
_LEADING_SUBORDINATE = re.compile(
    r"^(?:[^,]{0,40}?\bthat\s+(?=[a-z])|(?:But|And|Yet)\s+)?(?:Although|Though|While|Whereas|Even\s+though|"
    r"(?:(?<=that\s)|(?<=But\s)|(?<=And\s)|(?<=Yet\s))(?:although|though|while|whereas|even\s+though))\b[^,]*,\s+"
)
BACK_REFERENCE = re.compile(
    r"\b(?:of|about)\s+(?:that|this|it)\b|^call\s+it\b|^(?:and\s+|but\s+)?(?:I|we)(?:'d|'m|\s+would|\s+am)?\s+"
    r"(?:say|put|give|estimate|reckon|think|\d)",
    re.I,
)
# A clause that only says the outcome is uncertain is not part of the forecast's quote.
UNCERTAIN_CLAUSE = re.compile(r"\b(?:unclear|uncertain|not\s+clear|unknown|remains\s+to\s+be\s+seen|whether)\b", re.I)


_SHARE_OF_CASES = re.compile(
    r"(?:and\s+|but\s+)?in\s+(?:the\s+)?(?:remaining\s+|other\s+)?\d{1,3}(?:\.\d+)?\s*%\s+of\s+(?:the\s+)?"
    r"(?:cases|simulations|scenarios|runs|outcomes|trials)\b",
    re.I,
)


def split_clauses(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start]
    lead = _LEADING_SUBORDINATE.match(plain[start:end])
    if lead:
        cuts.append(start + lead.end())
    for m in _CLAUSE_BREAK.finditer(plain, start, end):
        cuts.append(m.end())
    for m in _AND_POSSIBLY.finditer(plain, start, end):
        if _FORECAST_WORD.search(plain, max(cut for cut in cuts if cut <= m.start()), m.start()):
            cuts.append(m.end())
    first_line = _FIRST_LINE.search(plain, start, end)
    if first_line:
        for m in _NEXT_LINE_ITEM.finditer(plain, first_line.end(), end):
            # ", and Green Bay (+400)": one cut, before the team, not one before "and" too
            cuts = [cut for cut in cuts if not m.start() < cut <= m.end()]
            cuts.append(m.end())
    cuts = sorted(set(cuts))
    # "in the remaining 80% of cases, the Democrats will win the House, but the Republicans will hold
    # onto the Senate": the share of cases holds the whole outcome
    cuts = [
        cut
        for i, cut in enumerate(cuts)
        if i == 0 or not (_SHARE_OF_CASES.match(plain, cuts[i - 1]) and re.match(r"but\s", plain[cut : cut + 4]))
    ]
    spans = []
    for i, cut in enumerate(cuts):
        stop = cuts[i + 1] if i + 1 < len(cuts) else end
        spans.append((cut, stop))
    return [trim_clause(plain, s, e) for s, e in spans]


# Two stated chances in one clause are two forecasts: "The probability that National will become the
# strongest party is 79%, this gives Labour a chance of 21% becoming the biggest party"
_BETWEEN_CHANCES = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def split_between_chances(plain: str, start: int, end: int, stated: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`start`..`end` cut at the last comma or "and" between each two stated chances (their spans)."""
    spans = [[start, end]]
    for (_, first_end), (second_start, _) in pairwise(stated):
        breaks = list(_BETWEEN_CHANCES.finditer(plain, first_end, second_start))
        if breaks:
            spans[-1][1] = breaks[-1].start()
            spans.append([breaks[-1].end(), end])
    return [trim_clause(plain, s, e) for s, e in spans]
