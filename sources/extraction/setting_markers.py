"""Markers kept only in some setting (candidates and clause_candidate decide where): a poll's answer
and a market's price, a race's rating, a headline's infinitive, a verbless outlook, a projection's
conditional mood."""

from __future__ import annotations

import re

SETTING_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    # a poll's answer and a market's price: "115\u2014excluding two\u2014expect the Fed to lower rates", "Two
    # economists predict a 25-basis-point cut", "The share of economists expecting another cut in December
    # has dropped to 71%", "interest rate futures fully pricing in two more rate cuts this year"
    ("poll", re.compile(
        # a survey's share: "only 36% expect Allan Hunsperger or Ron Leech to be elected Monday"
        r"\b(?:(?<![\d.,])(?!(?:1[89]|20)\d\d\b)\d+(?:\s*%|\s+per\s*cent)?|two|three|four|five|six|seven|eight|nine|ten|half|most)"
        r"(?:\s+of\s+(?:the\s+)?\d+)?"
        r"(?:\s*[\u2014\u2013(,][^\u2014\u2013().;]{1,30}[\u2014\u2013),]\s*|\s+)"
        r"(?:(?:economists|analysts|strategists|respondents|forecasters|participants|of\s+them)\s+)?"
        r"(?:now\s+|still\s+)?(?:expect|predict|forecast|see|anticipate)\b(?=\s+[\w$])"
        r"|\b(?:share|majority|proportion|percentage|number|most)\s+of\s+(?:the\s+)?(?:economists|analysts|"
        r"strategists|respondents|forecasters)\s+(?:polled\s+|surveyed\s+)?(?:expecting|predicting|forecasting|"
        r"who\s+(?:expect|predict|see))\b"
        r"|\b(?:futures|markets?|traders|investors)\s+(?:are\s+|is\s+)?(?:now\s+|currently\s+)?"
        r"(?P<fully>fully\s+)?pric(?:ing|e|es)\s+in\b",
        re.I,
    )),
    # a race's rating: "West Virginia and Montana look remarkably safe for Democrats" (very likely), "the GOP
    # seems significantly behind in both" (likely); not a settled past ("the worst seems behind us")
    ("rating", re.compile(
        r"\b(?:look|looks|seem|seems|appear|appears)\s+(?:to\s+be\s+)?(?:\w+ly\s+)?"
        r"(?:(?P<safe>safe|secure)\s+for|(?:behind|ahead)\b(?!\s+(?:us|them|it|you|me)\b))"
        # "Democrats need Heidi Heitkamp to pull off a small miracle in North Dakota": very unlikely
        r"|\bneeds?\s+(?:[\w'\-]+\s+){0,4}?to\s+pull\s+off\s+(?:a|an)\s+(?:\w+\s+)?(?P<miracle>miracle)\b",
        re.I,
    )),
    # a headline's infinitive: "S&P 500 to Hit 5,000 in 2023: Strategist" (only in a headline: candidates)
    ("headline", re.compile(
        # (not past a "would" or a "will": "He predicted that rupiah would continue to trade at 12,000")
        r"^(?:(?!\b(?:would|will)\b)[^.:]){2,60}?\bto\s+(?:hit|reach|rise|fall|top|climb|drop|slow|grow|cut|raise|hike|win|lose|trade|end|"
        r"remain|stay|surge|slump|double|halve|recover|rebound)\b",
        re.I,
    )),
    # a verbless outlook: "around 4.2% this year and next" (kept only with a coming date: candidates)
    ("outlook", re.compile(
        r"\b(?:around|about|roughly|near|close\s+to|some)\s+[-\d.]+\s*(?:%|per\s*cent|percent)\s+"
        r"(?:in|for|this|next|by)\s+(?:this\s+year|next\s+year|(?:19|20)\d\d|the\s+year)\b",
        re.I,
    )),
    # a projection's conditional mood: "Unemployment would surge to 10% in June" (kept only
    # where the paragraph speaks of projections or forecasts: see candidates)
    ("would", re.compile(
        r"\bwould\s+(?!have\b|be\s+(?:a|an|the)\b|like\b|rather\b|say\b|argue\b|require|need|mean|take|involve|allow|"
        r"help|cost|depend|make|want|prefer|hope|think|imagine|guess|expect|suggest)(?=[a-z])",
        re.I,
    )),
]  # fmt: skip
