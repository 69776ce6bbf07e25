"""Estimative markers: the words that make a sentence a forecast and give its probability.

Every phrase is reduced to one of the seven ICD 203 categories (sources.scales); stated
numbers ("a 30% chance", "one in four") are kept as numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sources import scales

from .context import suppressed
from .reported_markers import REPORTED_MARKERS
from .setting_markers import SETTING_MARKERS
from .stated import STATED_PATTERNS, stated_value
from .words import (
    ADJECTIVES,
    ADVERBS,
    BE,
    CHANCES,
    DEGREES,
    INSTITUTIONS,
    NO_OBJECT,
    NOT,
    POTENTIAL_OUTCOME,
    WILL,
    C,
    alternation,
)

# --- estimative markers --------------------------------------------------------------------

# what a quantity is looked for or called for to do: "to increase between 1% and 1.5%", "to show 190,000"
_FIGURE_VERB = (
    r"(?:increase|rise|grow|fall|decline|drop|reach|climb|remain|stay|average|hit|top|exceed|slow|ease|"
    r"be(?=\s+[-+$\d]))\b"
)

# "it's hard to", "it is still very difficult to": what a pundit finds hard to pick or to picture
_HARD_TO = (
    r"\b(?:it's|it\u2019s|it\s+is)\s+(?:still\s+)?(?:very\s+|incredibly\s+|really\s+|so\s+|pretty\s+)?"
    r"(?:hard|difficult|tough)\s+to\s+"
)

_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    # "will likely", "will almost certainly not", "probably won't"; the negation glued to its verb: "the incoming
    # administration won't likely handle North Korean matters in a hasty manner"
    ("will_adverb", re.compile(
        rf"\b(?:{WILL}\s+(?P<neg1>{NOT}\s+)?|wo(?P<neg3>n't|n\u2019t)\s+)(?P<adv>{alternation(ADVERBS)})"
        r"(?P<neg2>\s+(?:not|never))?\b",
        re.I,
    )),
    # "we're probably going to see a W-shaped recovery": the adverb inside "are going to"
    ("adverb_will", re.compile(
        rf"\b(?P<adv>{alternation(ADVERBS)})\s+(?:{WILL}(?P<neg2>\s+not)?|won't|going\s+to)\b", re.I
    )),
    # ... or opening its clause, before the subject: "Kirby predicted that \u201cprobably next summer will be the
    # biggest year in (air travel) history for Europe"
    ("adverb_will", re.compile(
        rf"(?:^|(?<=[\u201c\"'])|(?<=\bthat\s))(?P<adv>{alternation(ADVERBS)})\s+(?!not\b)(?:[\w()\u2019'\-]+\s+){{1,4}}?"
        rf"(?:{WILL}(?P<neg2>\s+not)?|won't)\b", re.I
    )),
    # a time still to pass, weighed: "Asia is probably about 18 to 24 months away", "that\u2019s probably 20 or 30
    # years away"
    ("adverb_away", re.compile(
        rf"\b(?:is|are|(?<=\w)'s|(?<=\w)\u2019s)\s+(?P<adv>{alternation(ADVERBS)})\s+(?:still\s+)?"
        r"(?:about\s+|around\s+|roughly\s+|only\s+|just\s+|some\s+)?(?:[\w.]+\s+(?:to|or)\s+)?[\w.]+\s+"
        r"(?:weeks?|months?|years?|decades?)\s+away\b", re.I
    )),
    ("adverb_not", re.compile(r"\b(?P<adv>probably|likely|almost\s+certainly)\s+(?P<neg2>not)\b", re.I)),
    # "is likely to", "remains unlikely", "looks likely", "it is very likely that"
    ("adjective", re.compile(
        # "none are likely to break out in a major way": the band of what the words deny
        # "isn't likely to help": the negation is glued to its verb; "but little beyond that is likely" (not the "not"
        # of "not only ... but": "This show of strength is not only unlikely to create an effective system of
        # deterrence")
        rf"\b(?P<neg1>(?:{NOT}|(?:is|are|was|were|does|do|did)n't|no\s+longer|(?:little|nothing)\s+(?:\w+\s+){{0,3}}?(?:is|seems|looks)|none\s+(?:of\s+(?:them|these|those|the\s+\w+)\s+)?(?:are|is|was|were|seems?|looks?))\s+"
        rf"(?:(?!only\b)\w+\s+)?)?(?P<adj>{alternation(ADJECTIVES)})\b", re.I
    )),
    # (not a kind of race: "narrow wins in coin-flip states", "the toss-up seats")
    ("chance", re.compile(
        rf"\b(?P<chance>{alternation(CHANCES)})\b"
        r"(?!(?:(?<=flip)|(?<=toss)|(?<=up))\s+(?:states?|races?|seats?|districts?|contests?)\b)",
        re.I,
    )),
    ("expect", re.compile(
        # "In the semifinals, teams from Pools A and B are heavily favoured to win": more than a lean
        r"\b(?P<heavily>heavily|strongly|overwhelmingly|firmly)\s+favou?red\s+(?:to|in|over|against)\b|"
        # the negation glued to its verb: "The number of new grads isn't expected to climb for the next seven years"
        rf"\b(?:(?P<neg1>{NOT}|(?:is|are|was|were)n't)\s+)?(?:widely\s+|generally\s+|now\s+|also\s+|still\s+)?"
        # not the noun: "adjusting its policy forecast to bring it in line"
        r"(?<!\bits\s)(?<!\btheir\s)(?<!\bour\s)(?<!\bpolicy\s)"
        r"(?:expected|forecast|forecasted|projected|predicted|anticipated|foreseen|tipped|favou?red)\s+to\b"
        # "The total deficit ... is estimated to reach around $40 billion" (not "to have grown")
        r"|\b(?:is|are)\s+(?:now\s+)?estimated\s+to\s+(?!have\b)(?=[a-z])"
        # "Democrats are currently favored in five of these races", "Labour are the favourites to win"
        r"|\b(?:is|are|remains?)\s+(?:currently\s+|now\s+|still\s+|\w+ly\s+)?favou?red\s+(?:in|over|against|for)\b"
        r"|\b(?:is|are|remains?)\s+(?:currently\s+|now\s+|still\s+)?(?:the\s+)?(?:clear\s+|strong\s+|big\s+)?"
        r"favou?rites?\s+(?:to|in|for)\b"
        # ... or the favourite, with no race named: "I think Djokovic is the obvious favourite"
        r"|\b(?:is|are|remains?)\s+(?:currently\s+|now\s+|still\s+)?the\s+(?:clear\s+|strong\s+|big\s+|obvious\s+)?"
        r"favou?rites?\b"
        # the columnist's imperative: "Expect rates to stay high through 2024.", more than a lean with an adverb of
        # certainty: "Certainly expect more pain ahead for tech stocks, growth, and also crypto."
        r"|^\s*[\"']?(?:(?P<certainly>certainly|definitely)\s+)?Expect\b(?!\s*[.,;:)])"
        # ... after a lead-in: "After Total-Eren and BP-Lightsource, expect Chevron to buy Brookfield", "If companies
        # take the report's call ..., expect the next winners in entertainment and media to leverage AI"
        r"|(?<=,\s)expect\s+(?=(?:[\w\-]+\s+){1,7}?to\s+[a-z])"
        # ... or "Look for": "Look for a strong rally in November-December", and the pundit's own "I look for potential
        # rallies to stall out in the 350-360 area"
        r"|^\s*[\"']?Look\s+for\s+(?=(?:a|an)\s)"
        r"|\b(?:I|we)\s+(?:still\s+|now\s+|also\s+)?look\s+for\s+(?=(?:[\w\-]+\s+){1,4}?to\s+[a-z])"
        r"|\b(?:I|we|they|markets?|investors|analysts|economists|traders|forecasters|officials|most|many|I'd|we'd|you'd|"
        # an industry's own outlook: "International airlines expect to transport a record 5.2 billion passengers"
        r"experts|scientists|researchers|strategists|airlines|carriers|companies|firms|businesses|producers|"
        r"manufacturers|retailers|banks)"
        # the emphatic "so we do expect there to be fewer deaths this time around"
        # "I fully expect we will be able to ... rule out entirely any impact probability": more than a lean
        r"\s+(?:now\s+|still\s+|also\s+|(?P<firmly>fully\s+|firmly\s+|strongly\s+)|would\s+|currently\s+|do\s+(?!not\b))?"
        # ... or would not: "we wouldn't expect prices to decline"
        r"(?P<neg2>don't\s+|do\s+not\s+|wouldn't\s+|would\s+not\s+)?"
        # two verbs of one forecast: "We do not predict or expect that we will have an explosive ... outbreak"
        r"(?:(?:predict|anticipate|foresee)\s+or\s+)?"
        r"expect(?:s)?\b"
        r"(?!\s*[.,;:)])"
        # "Our updated guidance continues to reflect full year sales and EPS growth over fiscal 2024"
        r"|\b(?:guidance|guide|outlook)\s+(?:continues\s+to\s+|still\s+)?(?:reflects?|implies|assumes)\s+"
        r"(?:[\w&-]+\s+){0,5}(?:growth|decline|increase|improvement|expansion)\b"
        # "Canadians can expect to pay about $1.85 to $2.00 per litre of gas at the pumps by 2010"
        r"|\bcan\s+(?:now\s+|still\s+)?expect\s+(?=to\s+[a-z]+\s+(?:\w+\s+){0,3}[$\d])"
        # "where we can expect to see a discernable second wave in some places": what one will see
        r"|\bcan\s+(?:now\s+|still\s+|also\s+)?expect\s+to\s+see\s+(?=(?:a|an|the|some|more|further|[-$\d])\b)"
        # a forecaster "looking for" a change or a figure: "It is looking for holiday retail sales to increase
        # between 1% and 1.5%", "we are still looking for a cut in the overall rate to 50 basis points", "We are
        # looking for sub-3000-dollar price target" (not "looking for greater value", "looking for oil in deep water")
        r"|\b(?:is|are|am|'s|'re)\s+(?:now\s+|still\s+|also\s+)?looking\s+for\s+(?="
        rf"(?:[\w\-]+\s+){{1,5}}?to\s+{_FIGURE_VERB}"
        r"|(?:a|an)\s+(?:[\w\-]+\s+)?(?:cut|hike|rise|increase|decline|drop|fall|gain|recovery|rebound|slowdown|"
        r"recession)\b|[a-z]*-?\$?\d)"
        # ... or "calling for" one, with its figure: "We are calling for the non-farm payrolls (NFP) report this week to
        # show 190,000 added jobs in July" (not a call to act: "calls for renewed public investment")
        r"|\b(?:is|are|'re|\u2019re)\s+(?:now\s+|still\s+|also\s+)?calling\s+for\s+(?="
        rf"(?:[\w\-()]+\s+){{1,8}}?to\s+(?:show|{_FIGURE_VERB})\s+(?:[\w\-]+\s+){{0,3}}?[-+$]?\d)"
        # "That makes both the Yankees and Mets the favorites to win their respective divisions"
        r"|\bmakes?\s+[^.;]{1,40}?\bthe\s+(?:clear\s+|strong\s+|big\s+)?favou?rites?\s+to\s+win\b"
        r"",
        re.I,
    )),
    # An institution or a person named before the verb: "The IMF expects", "the MPC now predicts",
    # "Bloomberg Economics pegs this year's expansion at 2.9%", "We continue to forecast that"
    ("expect", re.compile(
        r"(?:\b(?-i:(?!(?:The|A|An|This|That|These|Those)\b)[A-Z][\w&.\-]*(?:'(?!s\b)\w+)?)(?<!')|\b(?:he|she|it|they|we|I|who|which)"
        # a company's guidance and an institution's outlook: "the company now expects revenue to be",
        # "The management forecasts high-single-digit revenue growth", "The outlook predicts 14 of 23"
        # ... with a qualifier or two: "The Hungarian government forecasts GDP growth to accelerate"
        # ... or a new edition: "The updated FAPRI outlook projects the average price of corn this year to drop"
        rf"|\b(?:the|its|our)\s+(?:(?-i:[A-Z][\w\-]*)\s+|central\s+|national\s+|federal\s+|reserve\s+|updated\s+|"
        rf"new\s+|latest\s+|revised\s+){{0,2}}{INSTITUTIONS})"
        # reported speech keeps its quotation mark: 'Fitch said it "expects the economy to'
        r"\s+[\"']?(?:(?:now|still|also)\s+)?(?:now\s+|still\s+|also\s+|continues?\s+to\s+|is\s+)?"
        # ... "foresees" too: "Yun also foresees 1.48 million housing starts in 2024"
        r"(?:expects|expect|anticipates|predicts|projects|forecasts|pegs|forecast|forecasting|projecting|predict|anticipate|"
        r"foresees)"
        r"(?=\s+[\"']?(?!(?:show|shows|suggest|suggests|are|were|is|was|have|has|had|point|points|imply|implies)\b)(?!for\b[^.;,]{0,60}?\b(?:is|are|was|were)\b)"
        r"(?:that\b|the\b|this\b|next\b|its\b|their\b|a\b|an\b|(?:[\w'\-]+\s+){1,6}(?:to|at|of|will|by|in|for)\b|[\d$]"
        # what it forecasts doing, with a figure: "The central bank now forecasts inflation reaching its 3% target"
        r"|(?:[\w'\-]+\s+){1,2}\w+ing\s+(?:[\w'\-]+\s+){0,2}[\d$]"
        # its own plans: "expects to pay more than $9 billion in dividends"
        r"|to\s+(?!be\s+(?:able|in\s+a\s+position)\b)[a-z]+\b))",
        re.I,
    )),
    ("expect", re.compile(
        # the speaker's own expectation: "I am optimistic that funding will be increased.", "I'm reasonably confident
        # that home prices won't be increasing in December."
        r"\b(?:I'm|I\s+am|we're|we\s+are)\s+(?:(?:reasonably\s+|fairly\s+|quite\s+)?optimistic|"
        r"(?:reasonably|fairly|quite)\s+confident)\s+that\b"
        # others' plain confidence, a very strong suspicion: more than a lean ("traders are confident the Fed will
        # lower its key rate", "My very strong suspicion is that the Fed will cut next week")
        # ("Pfizer is increasingly confident that its efforts to develop a coronavirus vaccine will be successful")
        # ... and the speaker's own, unqualified: "we are confident that there will be enough capacity available"
        r"|(?P<confident>\b(?:I'm|I\s+am|we're|we\s+are)\s+(?:very\s+)?confident\s+that\b"
        r"|(?<!\bI\s)(?<!\bwe\s)\b(?:is|are)\s+(?:\w+ly\s+)?confident\s+(?:that\s+)?(?=[^.;]{0,80}?\bwill\b)"
        # ... of the win itself: "the PDP is confident of the victory arising from reports of unverified polls"
        r"|\b(?:is|are|'re|\u2019re)\s+(?:\w+ly\s+)?confident\s+of\s+(?:the\s+|a\s+)?(?:victory|winning|a\s+win)\b"
        r"|\bvery\s+strong\s+(?:suspicion|sense|feeling|belief|conviction)\s+is\s+that\b)"
        r"|\b(?:is|are)\s+(?:now\s+|also\s+)?(?:forecast|forecasted|projected|expected|seen|estimated|pegged)\s+(?:at|to\s+be)\b"
        # analysts' consensus with its figure: "The current consensus among analysts ... is for EPS of $4.17"
        r"|\bconsensus\b[^.;]{0,60}?\b(?:is|are|calls)\s+(?:for\s+)?(?=[^.;]{0,30}?[$\d])"
        # not a central bank's "inflation target of 2%"
        # nor the target a forecast is set against: "Headline inflation will therefore be below the target of 2%"
        r"|\b(?<!inflation\s)(?<!\bthe\s)(?:price\s+)?target\s+(?:is|of|at)\s+[$\d]|\b(?:est\.|(?<!\ban\s)(?<!\bthe\s)estimated|average\s+est\.?)\s+[$\d]"
        # a strategist's point target: "its price target for the S&P 500 is 4,850", "Goldman is
        # targeting 5,200", "aims for 5,000 by year-end"
        # not one reported past: "average year-end price target for the S&P 500 fell to just 4,000"
        r"|\bprice\s+target\s+(?:for\s+)?(?![^.;]{1,50}?\b(?:fell|rose|was|were|had|dropped|climbed)\b)"
        r"[^.;]{1,50}?\b(?:is|of|at|to)\s+[$\d]"
        r"|\b(?:is|are)\s+(?:now\s+|still\s+)?targeting\s+(?:a\s+|an\s+)?(?:\w+\s+){0,4}?[$\d]"
        # "with Goldman Sachs and J.P. Morgan predicting both headline CPI and core PCE inflation at 2.5%"
        r"|\b(?:predicting|forecasting|projecting)\s+[^.;]{1,60}?\bat\s+[-\d$]"
        # guidance moved or kept: "raised its core net earnings per share growth to a range of 10 to 11 percent",
        # "maintained its guidance range for fiscal 2024 all-in sales growth to be in the range of 2 to 4 percent"
        r"|\b(?:rais|lower|cut|narrow|maintain|reaffirm|reiterat|trimm|lift|boost)\w*\s+(?:its|their|our|the)\s+"
        r"[^.;]{0,80}?\bto\s+(?:be\s+)?(?:in\s+)?(?:a|the)\s+range\s+of\s+[$\d]"
        # ... told in the passive, the range given as the figures: "Annual copper production was lifted to a range of
        # 1,535 kt to 1660 kt", "Iron ore production estimate was maintained at 245 to 255 Mt"
        r"|\b(?:was|were|has\s+been|have\s+been)\s+(?:rais|lower|cut|narrow|maintain|reaffirm|reiterat|trimm|lift|boost)"
        r"\w*\s+(?:to\s+(?:a|the)\s+range\s+of\s+[$\d]|at\s+\$?\d[\d.,]*\s*(?:to|-|\u2013)\s*\$?\d)"
        r"|\b(?:aims?|aiming)\s+for\s+(?:a\s+|an\s+)?(?:\w+\s+){0,4}?[$\d]"
        # "Drewry is expecting a 60 percent reduction in freight rates this year", "We are expecting another 50 basis
        # point cut, so 4.5% by March end", "it's now expecting 2023 per-share earnings to come in at the top"
        r"|\b(?:is|are|am|'re|'m|'s)\s+(?:now\s+|still\s+|also\s+)?expecting\s+(?:(?:[\w\-]+\s+){1,5}?to\b|"
        r"(?=(?:a|an|the|some|further|more|that|another)\s|[-+$\d]))"
        # a forecast in progress of a quantity named before its figure or its year: "Delta is still expecting EPS of
        # more than $7", "ANZ is predicting calmer seas for 2024" (not a mood: "everyone is predicting a recession")
        r"|\b(?:is|are|am|'re|'m|'s)\s+(?:now\s+|still\s+|also\s+)?(?:expecting|predicting|forecasting|projecting)\s+"
        r"(?=(?:[\w\-]+\s+){1,4}?(?:of|for|in)\s+(?:more\s+than\s+|less\s+than\s+|about\s+|around\s+)?[-+$\d])"
        r"|\b(?:anticipated|expected|forecast|projected)\s+for\s+(?:\d{4}|next\s+year)\b"
        # where or when it is expected: "The largest shifts in disease burden are expected in regions with ..."
        r"|\b(?:is|are)\s+(?:widely\s+|now\s+|also\s+)?(?:expected|forecast|projected|anticipated)\s+"
        r"(?:in|by|over|within|during|from|later|soon|next|this)\b"
        # ... or for whom, with its figures: "the greatest growth is projected for multiracial populations, Asians and
        # Hispanics with 2018\u20132060 growth rates of 175, 93, and 85 percent, respectively"
        r"|\b(?:is|are)\s+(?:widely\s+|now\s+|also\s+)?(?:expected|forecast|projected|anticipated)\s+for\b"
        r"(?=[^.;]{0,120}?\d)"
        # forecasters' figures side by side: "Predictions in recent weeks have ranged from a price rise of 5% this
        # year, according to Ray Boulger ..., to a drop of 10%, according to Capital Economics"
        r"|\b(?:forecasts|projections|estimates|predictions|expectations)\b[^.;]{0,40}?\b(?:range[sd]?|ranging)\s+"
        r"(?:from|between)\b(?=[^.;]{0,40}?\d)"
        # "revised upward the forecast of the world merchandise trade volume growth this year from 0.9% to 2.4%"
        r"|\b(?:rais|lower|cut|upgrad|downgrad|revis|lift|trimm|reduc|increas)\w*\s+(?:up(?:wards?)?\s+|down(?:wards?)?\s+)?"
        r"(?:our|its|their|the|"
        # "OPEC also cut next year's demand growth estimate to 1.78 million bpd"
        r"(?:next|this)\s+year's|[\w.&\-]+'s)\s+[^.;]{0,50}?"
        # ... or a company's guidance: "increased its full year 2024 net sales guidance range to $2.875 billion"
        r"\b(?:forecasts?|projections?|estimates?|outlook|guidance|(?:year-?end\s+)?target)\b"
        # a revision is a forecast when it gives the figure: "upgraded its growth forecast for this
        # year." only reports that one was made
        r"(?=(?:[^.;]|\.(?=\d))*?(?:\d\s*(?:%|per\s*cent|percent|bps)|\$\s?\d|\bto\s+[$\d]))"
        # the same revision told in the passive: "the forecast for global cereal stocks was raised to 642 million
        # tonnes"
        # or in brackets after it: "our 2024 inflation estimate (revised from 3.8% to 3.7%)"
        r"|\b(?:forecasts?|projections?|estimates?|outlook)\s+(?:(?:for|of)\s+[^.;]{1,60}?\b(?:was|were|has\s+been|have\s+been|"
        r"is|are)\s+|\(\s*)(?:now\s+|also\s+|\w+ly\s+)?(?:raised|lowered|cut|revised|upgraded|downgraded|lifted|trimmed|"
        r"reduced|increased)\s+(?:up(?:wards?)?\s+|down(?:wards?)?\s+)?(?:from\s+[-$\d](?:[^.;()]|\.(?=\d)){0,20}?\s+)?to\s+(?=[-$\d])"
        # an outlook for a change named with it: "iSuppli's outlook for mid-single-digit growth for worldwide
        # semiconductor revenue in 2005"
        r"|(?:\b(?:the|our|its|their|a)|[\w.&\-]+(?:'s|\u2019s))\s+(?:new\s+|latest\s+|updated\s+)?(?:forecast|projection|"
        r"outlook)\s+for\s+(?:a\s+|an\s+)?(?:[\w\-]+\s+){0,3}?(?:growth|recovery|decline|increase|decrease|rise|fall|drop|"
        r"recession|rebound|slowdown|expansion|contraction)\b"
        r"|\b(?:the|our|its|their|a)\s+(?:new\s+|latest\s+|updated\s+)?(?:forecast|projection|outlook)\s+for\s+"
        # with what it gives, not what it leaves out: "The projection for 2002 excludes the temporary effects"
        r"(?:\d{4}|next\s+year|this\s+year)\b(?!\s+(?:excludes?|includes?|assumes?|reflects?|takes?)\b)"
        # a projection told as its figure: "The projection for the Gross Domestic Product (GDP) next year is 2.0
        # percent", "Core inflation projection is close to the previous assessment at 2.6%"
        r"|\b(?:forecast|projection)s?\s+(?:(?:for|of)\s+[^.;]{1,60}?\s+)?(?:is|are|remains?|stands?)\s+"
        r"(?:[^.;]{0,50}?\s(?:at|of)\s+|(?:now\s+|still\s+)?(?:at\s+|about\s+|around\s+)?)(?=[-+$]?\d)"
        r"|\bthe\s+odds\s+favou?r\b|\b(?:I|we)\s+lean\s+towards?\b"
        r"|\b(?:am|are|is|we're|I'm)\s+(?:now\s+)?leaning\s+(?:slightly\s+|strongly\s+)?towards?\b"
        r"|\b(?:guides|guided|guiding)\s+(?:for|to)\b"
        # guidance with its figure ("guidance of $5.90", not "raised its ... guidance for the full-year 2024")
        r"|\bguidance\s+(?:of|for|calls\s+for|implies)\b(?=(?:[^.;,]|\.(?=\d))*?(?:\d\s*(?:%|per\s*cent|percent)|\$\s?\d))"
        # "our estimate is that the economy will contract", "expecting the democrats to take 4"
        r"|\b(?:our|my|their|the)\s+(?:estimate|expectation|view|projection)\s+is\s+that\b"
        r"|,\s+(?:expecting|projecting|predicting|forecasting)\s+(?:[\w']+\s+){1,4}?to\s+[a-z]+"
        # a sentence that ends on it: "another decline in gdp is expected."
        r"|\b(?:is|are)\s+(?:widely\s+|now\s+|also\s+)?(?:expected|forecast|projected|anticipated)(?=\s*(?:[.;!]|$))"
        r"|\b(?:my|our|the|their|its|[\w.]+(?:'s|\u2019s))\s+(?:base|central|baseline|main)\s+(?:case|forecast|projection|scenario)\s+"
        # "the central scenario for the economy continued to be consistent with the cash rate remaining at its
        # current level until 2024"
        r"(?:for\s+(?:the\s+)?[\w\-]+\s+)?(?:is|remains|sees|calls|continues\s+to\s+be|continued\s+to\s+be)\b"
        r"(?=\s+(?:for\s+|that\s+)?\S+\s+\S)"
        # "The three-year forecast calls for 2.6% growth in 2016"
        r"|\b(?:forecasts?|outlook|projections?)\s+(?:now\s+|still\s+)?calls?\s+for\b"
        # not a cause: "are seen as contributing to the risk of war"
        r"|\b(?:is|are)\s+(?:now\s+)?seen\s+(?:\w+ing|at|as(?!\s+\w+ing\b)|to)\b"
        # (not the verb of a "will": "the sector will also see a 4.5 percent-5.5 percent compound annual growth rate")
        r"|(?<!\bwill\s)(?<!\bwill\salso\s)\b(?:see|sees)\s+(?:a|an)\s+\d{1,3}(?:\.\d+)?\s*(?:%|per\s*cent|percent)"

        # "The Fed sees rates at 5.1% by the end of 2023"
        r"|(?:(?-i:\b[A-Z][\w&.\-]*)|\b(?:analysts|economists|strategists|investors|markets|traders))\s+(?:now\s+)?"
        r"(?:sees|see)\s+[^.;]{1,60}?\b(?:at|of|to|near|around|ending|finishing|reaching)\s+[-\d$]"
        # any subject that sees or expects a change: "Canada's largest railroad expects a gradual recovery", "he
        # sees more revolutionary development in the future"
        # "Canada's largest railroad expects a gradual recovery", "economists also project similar declines in GDP",
        # "Treasury is picking a quick recovery" (not a wish: "want to see growth")
        r"|(?<!\bto\s)(?<!\bcan\s)(?<!\bcould\s)\b(?:sees|foresees|expects|anticipates|predicts|project|projects|foresee|predict|anticipate|"
        r"picks|picking|tips|tipping)\s+(?:a\s+|an\s+|the\s+|some\s+|more\s+|further\s+)?"
        r"(?:[\w\-]+\s+){0,3}?(?:growth|recovery|recoveries|rebounds?|declines?|rises?|falls?|increases?|decreases?|"
        r"drops?|slowdowns?|recessions?|gains?|losses|development|improvements?|expansions?|contractions?|cuts?|hikes?|"
        r"surplus(?:es)?|deficits?|shortages?|upturns?|downturns?|easing|tightening|resurgence)\b"
        # any subject that projects, predicts or sees a quantity: "USDA's agricultural baseline, based on
        # conditions in late 2014, projects a corn crop of 13.445 billion bushels", "USDA now sees corn plantings
        # 1 million acres larger" (not an ability: "can predict"; "forecasts" is left out, as it is mostly the noun)
        r"|(?<!\bto\s)(?<!\bcan\s)(?<!\bcould\s)(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bour\s)(?<!\bthese\s)"
        r"(?<!\bmost\s)(?<!\bmany\s)(?<!\bsuch\s)(?<!\bthose\s)"
        r"\b(?:projects|predicts|foresees|sees|expects|anticipates)\s+(?!(?:it|this|that|them)\b)"
        r"(?:a\s+|an\s+|the\s+)?(?:[a-z][\w\-]*\s+){1,4}?(?:of\s+|at\s+|around\s+|about\s+)?[-+$]?\d"
        # ... or a range named at more length: "The chipmaker expects adjusted first-quarter revenue in the range of
        # $12.2 billion-$13.2 billion", "The retailer now expects FY23 earnings per share (EPS) in the range of 5.15"
        r"|(?<!\bto\s)(?<!\bcan\s)(?<!\bcould\s)(?<!\bthe\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bour\s)"
        r"\b(?:projects|predicts|foresees|sees|expects|anticipates)\s+(?!(?:it|this|that|them)\b)"
        r"(?=(?:[\w\-'.]+\s+|\([\w.\-]+\)\s+){1,8}?in\s+(?:the|a)\s+range\s+of\s+[-+$]?\d)"
        # a model's central figure: "The median outcome is 78 seats to the Coalition and 69 to Labor"
        r"|\b(?:median|mean|average|expected|central|most\s+likely)\s+(?:outcome|result|estimate|projection|forecast|"
        r"prediction)\s+(?:is|remains)\s+(?=(?:\w+\s+){0,3}?[-$\d])"
        # what a model's run has happen: "Our mean forecast has the ALP winning the national two-party preferred vote",
        # "the DOH's worst-case model has new cases peaking at 12,595 on Jan. 14" (not "has been running")
        r"|\b(?:forecast|model|projection|simulation|estimate)s?\s+(?:now\s+|also\s+|still\s+)?(?:has|have)\s+"
        r"(?!(?:been|had|to|not)\b)(?=(?:the\s+)?[\w\-.]+\s+(?:\w+\s+){0,2}?\w+ing\b)"
        # an outlook stated as what it is for: "so the short-term outlook is for continued caution in IT spending"
        r"|\b(?:outlook|forecast|expectation|projection|prediction)s?\s+(?:is|are|remains?)\s+(?:now\s+|still\s+)?for\s+(?=\w)"
        # "it's predicted that he will walk all over Massa" (not one made back then: "it was predicted")
        r"|\b(?:it's|it\s+is)\s+(?:widely\s+|now\s+|also\s+|generally\s+)?(?:predicted|expected|forecast)\s+that\b"
        # a model's or an expert's single named pick: "scientists from the Cornell University ... postulate Spain
        # as a winner", "the model tips France as the likely champion"
        r"|\b(?:postulates?|picks?|tips?|names?|backs?|predicts?|sees?|touts?|installs?)\s+(?-i:[A-Z][\w.&'\-]*)"
        r"(?:\s+(?-i:[A-Z][\w.&'\-]*)){0,2}\s+as\s+(?:the\s+|a\s+|an\s+)?(?:likely\s+|eventual\s+|probable\s+|clear\s+)?"
        r"(?:winners?|champions?|favou?rites?)\b"
        # "In-form Iga Świątek (11.7%) is our favourite as she bids to triumph"
        r"|\b(?:is|are)\s+(?:our|my)\s+(?:clear\s+|big\s+|strong\s+|firm\s+)?favou?rites?\b"
        # a forecaster's pick among figures: "Gartner and Future Horizons plump for 4% and IC Insights goes for 3%"
        r"|(?:(?-i:\b[A-Z][\w&.\-]*)|\b(?:who|analysts|economists|strategists|forecasters|I|we))\s+(?:now\s+|still\s+)?"
        r"(?:plumps?|plumped|goes|go|went|opts?|opted|settles?\s+on|settled\s+on)\s+(?:for\s+)?(?:a\s+|an\s+)?"
        r"(?=[-+]?\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent))"
        # "We would not be surprised that that would happen in small clusters"
        r"|\b(?:I|we)\s+(?:wouldn't|would\s+not)\s+be\s+(?:at\s+all\s+)?surprised\s+(?:if|that|to\s+see)\b"
        # a forecaster's figure: "By 2021, IDC sees 1.5 billion Android phones shipping", "the experts estimated a
        # rise of 0.5 metres by 2100", "The power ministry has estimated around 260 GW of peak demand during this
        # summer season"
        r"|(?:\b(?-i:[A-Z][\w&.\-]*)|\b(?:experts|analysts|scientists|researchers|economists|forecasters|they|we)"
        rf"|\bthe\s+(?:\w+\s+)?{INSTITUTIONS}\s+(?:has|have)(?=\s+estimated))\s+"
        # "the WHO just predicted up to 4 million cases of Zika are coming"
        r"(?:now\s+|still\s+|also\s+|just\s+)?(?:sees|see|saw|estimates?|estimated|predicted|projected)\s+"
        r"(?=(?:a|an)\s+(?:\w+\s+)?(?:rise|fall|drop|decline|increase|growth|gain|contraction|expansion)\s+of\s+[-\d$]"
        # ... or a quantity it puts at a figure: "IDC estimates total 2015 volume to be 293.1 million PCs"
        r"|(?:[\w\-]+\s+){1,4}?to\s+(?:be|reach|total)\s+(?:(?:around|about|roughly|nearly)\s+)?[-\d$]"
        # the figure, perhaps approximate, perhaps in a unit of two letters or more in capitals ("260 GW"; not a
        # degree, "The forecasters predicted around 1C of warming", a past forecast set beside the year's readings)
        r"|(?:(?:around|about|roughly|nearly|up\s+to)\s+)?\$?\d[\d.,]*\s*"
        r"(?:%|per\s*cent|percent|million|billion|trillion|(?-i:[A-Z][A-Za-z]{1,3})\b)?\s+[a-z])"
        # a target as a label or a level: "SPY Median Price Target: $410 (Q3 2025)", "J.P. Morgan's 4.200 target
        # for year end 2024"
        r"|\bprice\s+target\s*:\s*\$?\d|\b\d[\d.,]*\s+target\s+for\s+(?:the\s+)?(?:year[\s-]?end|end\s+of|\d{4})"
        # a forecast figure as a label: "Predicted Gross: $27.6 million", "Projected Opening: $40M"
        r"|\b(?:predicted|projected|forecast)\s+[A-Za-z]+(?:\s+[A-Za-z]+)?\s*:\s*"
    r"(?:[$\u20ac\u00a3]\d|\d[\d.,]*\s*(?:%|per\s*cent|percent|million|billion|thousand|[mbk]n?\b))"
        # "deeply rooted structural issues portend a lower growth trajectory over time"
        r"|\bportends?\s+(?:a|an|the|more|further|lower|higher|slower|faster)\b"
        # "We have pencilled in 4% house price gains in both 2025 and 2026"; a ministry's harvest: "the forecast of
        # the general harvest of Russian grains in 2019 remained at the same level — 120 mln tonnes", "expected for
        # formation of the harvest of barley in 2019 at the level of 20.3 mln tonnes"
        r"|\b(?:have|has|'ve)\s+(?:now\s+)?pencil+ed\s+in\b(?=[^.;]{0,40}?\d)"
        r"|\b(?:forecast|projection|estimate)\s+(?:of|for)\s+[^.;]{1,80}?\b(?:remained|remains|stays|stayed)\s+"
        r"(?:at|unchanged)\b(?=[^.;]{0,40}?\d)"
        r"|\bexpected\s+(?:for\s+)?[^.;]{1,80}?\bat\s+the\s+level\s+of\s+(?=\d)"
        # "a recent study predicting that 80% of municipal bus fleets ... would transition to electric by 2040"
        r"|\b(?:study|report|survey|analysis|model|paper)\s+(?:predicting|projecting|forecasting)\s+that\b"
        # a forecast quantity told with its figure: "The forecasted steel demand for the EU in 2024 is only 1.5 million
        # mt higher than during the pandemic in 2020"
        r"|^\W*the\s+(?:forecast(?:ed)?|projected|predicted)\s+(?:[\w\-]+\s+){1,8}?(?:is|are|will\s+be)\s+"
        r"(?:[a-z]+\s+){0,3}?(?:about\s+|around\s+)?[-+$]?\d"
        # what a named forecaster forecasts: "1.52 billion units forecast by IDC to be delivered this year"
        r"|\b(?:forecast|projected|expected|predicted)\s+by\s+(?:the\s+)?(?-i:[A-Z])[\w&.\-]*(?:\s+[\w&.\-]+){0,3}?\s+to\s+"
        r"(?=[a-z])"
        # a year's estimate told as its figure: "The 2024 revised estimate is 18% behind an average of the last three
        # pre-pandemic years"
        r"|\b(?:19|20)\d\d\s+(?:revised\s+|latest\s+|updated\s+|new\s+)?(?:estimate|forecast|projection)\s+(?:is|stands\s+at)\s+"
        r"(?:about\s+|around\s+|roughly\s+|some\s+)?(?=[-+$]?\d)"
        # an institution's figure: "FAO now puts world wheat output in 2013 at 704 million tons"
        r"|\b(?-i:[A-Z][A-Z\w&.\-]*)\s+(?:now\s+|also\s+|still\s+)?puts\s+[^.;]{1,60}?\bat\s+(?:about\s+|around\s+|some\s+)?[-$\d]"
        # a date or a figure judged a fair estimate: "2028 is actually a pretty reasonable estimate for Artemis III"
        r"|\b(?:is|are|'s)\s+(?:actually\s+|still\s+)?(?:a|an|my|our)\s+(?:pretty\s+|fairly\s+|quite\s+|very\s+|more\s+)?"
        r"(?:reasonable|realistic|sensible|fair|good|safe|plausible)\s+(?:estimate|guess|bet|forecast|expectation)\b"
        # "They are betting on a GDP growth of 2.5% in 2025"
        r"|\b(?:is|are|am|'re)\s+(?:now\s+|still\s+)?betting\s+on\b"
        r"",
        re.I,
    )),
    # an expectation reported in the past tense of reported speech, which is the speaker's present one: "Njoroge ...
    # said he expected the farming sector to rebound strongly"
    ("expect", re.compile(
        r"\b(?:said|says|told\s+\w+|added)\s+(?:that\s+)?(?:he|she|they|it|we)\s+(?:now\s+|still\s+|also\s+)?expected\s+"
        r"(?=(?:[\w'\-]+\s+){1,6}?to\s+[a-z])",
        re.I,
    )),
    # expectations denied or left to the reader: "But don't expect a crash, Farris says.", "IDC doesn't anticipate much
    # change in market share", "House price corrections can be expected in 2023", "Americans looking to buy a house
    # next year can expect less competition"
    ("expect", re.compile(
        r"^\s*[\"']?(?:(?:But|So|And)\s+)?(?P<neg1>don't|do\s+not)\s+expect\b(?!\s*[.,;:)])"
        r"|\b(?-i:[A-Z][\w&.\-]*)\s+(?P<neg2>doesn't|does\s+not)\s+(?:anticipate|expect|foresee)\b(?!\s*[.,;:)])"
        r"|\b(?:can|could)\s+be\s+expected\s+(?:in|by|over|within|during|next|this|later|soon)\b"
        r"|\bcan\s+(?:now\s+|still\s+|also\s+)?expect\s+(?:less|more|fewer|higher|lower|further|slower|faster|stronger|"
        r"weaker|rising|falling)\b",
        re.I,
    )),
    # how far off something is: "that's probably 20 or 30 years away", "We are six, seven, eight years out from
    # something really big", "the mass adoption of driverless, autonomous vehicles (AVs), still decades away"
    ("away", re.compile(
        r"(?:\b(?:is|are|am|remains?)|'s|'re|'m)\s+(?:still\s+|only\s+|just\s+|now\s+)?(?:(?P<adv>probably|likely)\s+)?"
        r"(?:still\s+|only\s+|just\s+)?(?:about\s+|around\s+|roughly\s+|at\s+least\s+)?"
        r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|a\s+few|many|some|decades|years)\b"
        r"[\w\s,\-]{0,40}?\b(?:years?|months?|decades?|half)\s+(?:away\b|out\s+(?!of\b))"
        r"|,\s+still\s+(?:decades|years)\s+away\b",
        re.I,
    )),
    # "Global output should increase by 3.6 percent": a forecaster's "should" is a likely outcome, as is his
    # "ought to": "Murray ought to reach the semis"
    ("should", re.compile(
        r"\b(?:should|ought\s+to)\s+(?P<neg1>not\s+)?(?:(?:also|still|then|now|eventually|gradually|further)\s+)?"
        r"(?=(?:increase|decrease|rise|fall|grow|slow|expand|contract|remain|stay|reach|peak|ease|decline|improve|"
        r"recover|inflect|lead|come|return|pick\s+up|moderate|stabili[sz]e|continue|hit|top|drop|accelerate|start|"
        r"decelerate|average|end|finish|close|edge|climb|rebound|narrow|widen|strengthen|weaken|occur|happen|"
        r"support|boost|drive|weigh|push|lift|keep|limit|inflect|outpace|exceed|counter|offset|"
        r"be\s+(?:higher|lower|above|below|around|near|back|with\s+us|in\s+place|over|positive|negative))\b)",
        re.I,
    )),
    # an easy outcome: "\u201cThe Croods\u201d should have no trouble keeping the #3 spot"
    ("should", re.compile(r"\bshould\s+have\s+no\s+(?:trouble|problems?|difficulty)\s+(?=\w+ing\b)", re.I)),
    # any other verb after a third-person subject: "the real should be favored this semester", "the
    # Central Bank should maintain its more cautious tone", "the recession, when it arrives, should be mild";
    # not advice ("you should note", "investors should buy"), a duty ("should be allowed") or a past ("should have")
    ("should", re.compile(
        r"(?<![\"'])(?<!^)(?<!\byou\s)(?<!\bone\s)(?<!\bthey\s)(?<!\bpeople\s)(?<!\binvestors\s)(?<!\breaders\s)"
        # advice to those who act: "Policymakers should address the need", "the public should not ignore"
        r"(?<!\b[Pp]olicymakers\s)(?<!\b[Ll]awmakers\s)(?<!\b[Ll]egislators\s)(?<!\bpublic\s)"
        # "this should not be a gloom and doom scenario" judges, it does not forecast
        r"\bshould\s+(?!not\s+be\s+(?:a|an)\s)(?P<neg1>not\s+)?(?:(?:also|still|then|now|eventually|gradually|further|always|soon)\s+)?"
        r"(?!(?:have|know|note|consider|remember|ask|look|think|try|take|make|do|get|go|focus|avoid|buy|sell|invest|act|"
        r"seek|pay|bear|read|check|watch|expect|tell|say|add|prepare|begin|also|anyone|anybody|we|you|I|they|it|he|she|"
        r"there|be\s+possible|be\s+\w+ed\s+(?:with|through|from)|be\s+(?:noted|said|remembered|considered|taken|made|"
        r"given|done|allowed|required|used|encouraged|asked|treated|viewed|read|aware|careful|able\s+to\s+(?:see|tell)|"
        r"prepared|ready|wary|cautious|concerned|worried|afraid|the\s+\w+\s+(?:priority|focus|goal))|not\s+be\s+"
        r"(?:underestimated|ignored|overlooked|forgotten))\b)(?=[a-z]+\b)",
    )),
    ("bound", re.compile(
        # "the world is currently on track for temperature increases of 2.5 to 2.9 degrees", "We are also on
        # track to beat our emissions budget target", "students are both set to decrease" (not "is also due to",
        # a cause)
        rf"\b{BE}\s+(?P<neg1>{NOT}\s+)?(?:(?:currently|now|still|already|well|firmly)\s+|(?:also|both)\s+(?!due\b))?"
        r"(?:(?:bound|set|poised|on\s+track|on\s+course|on\s+pace|due)\s+to"
        r"|(?:poised|set|on\s+track|on\s+course|on\s+pace|headed|heading)\s+for|(?:headed|heading)\s+to\s+(?=[a-z]+\s))\b"
        # what is "about to" happen: "the problem is about to get a lot worse", "the opening shots of a trade war
        # are about to be fired" (not the writer's own next step: "I am about to venture into")
        r"|\b(?:is|are|'s|'re|\u2019s|\u2019re)\s+(?:just\s+|now\s+)?about\s+to\s+(?=[a-z])"
        # ... or in a "with" clause, the verb left out: "with revenue set to surpass $300 billion by 2027", "with the
        # budget deficit at least set to reduce over the medium-term"
        r"|\bwith\s+(?:(?!(?:is|are|was|were|be|been)\b)[\w\-.$%,'\u2019]+\s+){1,8}?(?:at\s+least\s+)?"
        r"(?:set|poised|on\s+track|on\s+course)\s+to\s+(?=[a-z])",
        re.I,
    )),
    # First-person judgements without a scale word: "I do not see a lasting fall before 2025",
    # "I doubt that the cap survives", "I'd be surprised if rates rose"
    ("predict", re.compile(
        r"\b(?:I|we)(?:'d|\s+would)?\s+(?:still\s+|now\s+)?(?:predict|bet|wager|suspect|forecast)\b(?!\s*[.,;:)])"
        # a pundit's pick: "but I fancy Rosberg to take the Drivers' Championship this year"
        r"|\b(?:I|we)\s+(?:still\s+|now\s+)?fancy\s+(?=(?-i:[A-Z])[\w.'\-]*(?:\s+[\w.'\-]+){0,3}?\s+to\s+[a-z])"
        r"|\bmy\s+(?:(?:educated|best|own)\s+)?(?:bet|guess|hunch|prediction|forecast|expectation)\s+is\b"
        # the guess with its figures: "we get a “best guess” of 42 Wildrose seats", "my prediction of WR 44, PC 35"
        r"|\b(?:my|our|a|the)\s+[\"\u201c]?(?:(?:educated|best|own)\s+)?(?:guess|prediction)[\"\u201d]?"
        r"\s+of\s+(?=(?:[A-Za-z]+\s+){0,2}[-+$\d])"
        # ... or as a label before the pick on its line: "My prediction: Over, 13-3", "My current prediction: Congress
        # 114" (the clause is cut at the colon, so the label may end its clause; not "This is our updated prediction:"
        # over a list)
        r"|\b(?:my|our)\s+(?:(?:current|final|latest|updated|own)\s+)?(?P<pick>prediction|pick)(?=\s*(?::|$))"
        # "I am going to predict — with relative assurance — that ..."
        r"|\b(?:I|we)\s+(?:am|are|'m|'re)\s+going\s+to\s+(?:predict|forecast|bet)\b"
        # "I would imagine that we won't get back to 2019 levels until, maybe, 2023"
        r"|\b(?:I|we)(?:'d|\s+would)\s+(?:imagine|guess)\s+(?:that\s+)?(?=[\w\u2019']+\s+\S)",
        re.I,
    )),
    # "the chances of a deal are slim", "the odds look good"
    ("degree", re.compile(
        r"\b(?:chances?|odds|likelihood|probability|prospects?|risks?)\b(?:[^.;:!?]|\.(?=\w|\s+[a-z\d])){0,80}?"
        r"\b(?:is|are|look|looks|seem|seems|remain|remains|appear|appears)\s+"
        # "The chances of a crisis scenario involving a blockade with global ramifications are still low"
        r"(?:still\s+|now\s+)?"
        r"(?:very\s+|extremely\s+|pretty\s+|rather\s+|fairly\s+|quite\s+)?(?P<degree>" + "|".join(DEGREES) + r")\b",
        re.I,
    )),
    # "forecasters still rate the overall risk of war as low"
    ("degree", re.compile(
        r"\b(?:rate|rates|rated|see|sees|judge|judges|assess|assesses)\s+(?:the\s+)?(?:\w+\s+)?"
        r"(?:risk|chance|odds|likelihood|probability)\b[^.;]{0,40}?\bas\s+(?:very\s+)?(?P<degree>"
        + "|".join(DEGREES) + r")\b",
        re.I,
    )),
    ("see", re.compile(
        r"\b(?:I|we)\s+(?:still\s+|now\s+)?(?P<neg2>do\s+not\s+|don't\s+|cannot\s+|can't\s+|can\s+not\s+)?"
        r"(?:see|foresee|anticipate)\b(?!\s+(?:it|that|this|why|how|what|whether|no\s+reason)\b)",
        re.I,
    )),
    ("doubt", re.compile(
        r"\b(?:I|we)\s+(?:very\s+much\s+|strongly\s+|rather\s+|seriously\s+)?doubt\b(?!\s+(?:it|this|so|that\s*[.,;:!?]))"
        r"|\b(?:I|we)(?:'d|\s+would)\s+be\s+(?:very\s+|quite\s+|genuinely\s+)?surprised\s+if\b"
        # "I have a hard time seeing any PCs left standing in southern rural Alberta": hardly at all
        r"|\b(?:I|we)\s+(?:have|had)\s+(?:a\s+)?(?P<hardly>hard|difficult|tough)\s+time\s+(?:seeing|imagining|believing)\b"
        # grounds for an expectation denied: "There is also no obvious reason to expect that GDP growth will pick up
        # meaningfully"
        r"|\bno\s+(?:obvious\s+|good\s+|real\s+|particular\s+|compelling\s+)?reasons?\s+to\s+(?:expect|think|believe)\b"
        # ... or any sign of it: "There's nothing to say Melbourne prices will take a tumble."
        r"|\bthere(?:'s|\s+is)\s+(?:also\s+|simply\s+)?nothing\s+to\s+(?:say|suggest|indicate)\b"
        # a possibility denied: "Economists also roundly rejected the possibility the Fed will opt to cut rates by a
        # half-percentage point", "The group also dismissed the idea that President Donald Trump would move to demote"
        r"|\b(?:rejected|dismissed)\s+(?:the\s+)?(?P<rejected>possibility|idea|notion|prospect)\b"
        # ... or any way to it: "there's practically no conceivable way that Democrats can turn it around", "There is
        # no way Congress and the new Biden administration will lower deficit spending in 2021" (not "no way to tell")
        r"|\bthere(?:'s|\s+is)\s+(?:\w+ly\s+|just\s+|simply\s+)?(?P<no_way>no)\s+(?:conceivable\s+|possible\s+)?way\s+"
        r"(?!to\b|of\b|for\b|out\b|around\b|back\b)"
        # a pundit's pick denied: "it's hard to see how we get another foreclosure tsunami", "it's still hard to
        # pick him to get past Nadal" (not "hard to see why", "hard to pick against", a pick made); what is hard even
        # to picture, hardly at all, as "a hard time imagining": "it is hard to imagine much of a recovery this year"
        rf"|{_HARD_TO}(?:see|(?P<unimagined>imagine|envisage|envision))\s+(?!(?:why|what|whether|where|who|which)\b)"
        r"(?=\w+\s+\w)"
        rf"|{_HARD_TO}pick\s+(?!against\b)(?:\w+\s+){{1,3}}?to\s+(?=[a-z])",
        re.I,
    )),
    # a pundit's pick made by denying the rest: "it's hard to pick against the best competitor in sports today",
    # "It's incredibly hard to look beyond England"
    ("predict", re.compile(rf"{_HARD_TO}(?:(?:pick|bet)\s+against|look\s+(?:beyond|past))\s+(?=\w)", re.I)),
    ("will", re.compile(
        rf"\b(?:{WILL}(?P<neg1>\s+(?:not|never))?"
        # (the verb shortened too: "He's not going to leave alive", "it's not going to stop for a long time")
        r"|(?P<neg2>won't|shan't|(?:(?:is|are|am|(?<=\w)'s|(?<=\w)'re|(?<=\w)'m)\s+not|isn't|aren't)\s+going\s+to))\b",
        re.I,
    )),
    ("hedge", re.compile(
        r"\b(?:may|might|could|perhaps|possibly|maybe|conceivably)\b"
        # (a clause of its own, cut at its comma)
        rf"|(?:(?<=,\s)|^)(?={POTENTIAL_OUTCOME})potentially\b"
        r"|\b(?:it\s+is|it's|it\s+remains|it\s+seems)\s+(?:quite\s+|entirely\s+)?possible\b"
        # "a settlement of 3 per cent is a real possibility": possible, with no number
        r"|\b(?:a|an)\s+(?:real|distinct|serious|genuine|live|clear|reasonable)\s+possibility\b"
        # ... or a chance of no size: "has a real chance to enter the tournament undefeated", "have a genuine chance of
        # not going through to the semi-finals"
        r"|\b(?:a|an)\s+(?:real|genuine|distinct|serious)\s+chance\s+(?:to|of|that)\b"
        r"|\b(?:has|have)\s+a\s+chance\s+(?:to|of)\b"
        # what is possible, said last: "an interim top is possible.", "$85 or even $90 a barrel are possible, but"
        # (not a pronoun's: "Anything is possible.", "This is possible.")
        r"|(?<!\banything\s)(?<!\beverything\s)(?<!\bthis\s)(?<!\bthat\s)(?<!\bit\s)(?<!\bwhich\s)(?<!\ball\s)"
        r"\b(?:is|are)\s+(?:also\s+|quite\s+|entirely\s+|certainly\s+|even\s+|still\s+)?possible(?=\s*(?:[.;!]|,\s+but\b|$))"
        # "2030 is certainly a possibility for a prototype AI"
        r"|\b(?:is|are|remains?)\s+(?:certainly\s+|definitely\s+|still\s+|also\s+)?a\s+possibility\b"
        r"|\bthere\s+is\s+(?:some\s+|a\s+|real\s+)?potential\s+for\b"
        # "Current scenarios point to possible declines in arrivals of 58% to 78% year-on-year": a possible change
        r"|\b(?:point\s+to|suggest|show|see)\s+(?:a\s+)?possible\s+(?=(?:\w+\s+)?(?:declines?|falls?|drops?|rises?|"
        r"increases?|decreases?|gains?|losses|contraction|growth)\b)"
        # "No-growth is also conceivable", "a return to growth should be possible by the end of the year"
        r"|\b(?:is|are)\s+(?:also\s+|quite\s+|entirely\s+)?conceivable\b|\bshould\s+be\s+possible\b"
        # "And then finally, I can imagine the Russians lose": a possibility, no more
        r"|\b(?:I|we)\s+(?:can|could)\s+(?:easily\s+|also\s+)?imagine\b(?=\s+(?:that\s+)?(?:the\s+)?\w+\s+[a-z])",
        re.I,
    )),
    # "a lone forecaster is predicting an eruption in 2015": kept only with a stated date (candidates)
    ("predicting", re.compile(
        # ... what it forecasts named at length: "is now forecasting earnings per share for the second quarter ending
        # July 30 to be $1.20-$1.22"
        r"\b(?:is|are)\s+(?:now\s+|again\s+|also\s+|still\s+)?(?:predicting|forecasting|projecting)\b(?=\s+(?:a|an|the|that|\w+\s+(?:to|will)"
        r"|(?:[\w\-]+\s+){2,10}?to\s+be\s+[-$\d]))",
        re.I,
    )),
    # a numbered scenario named with its outcome in brackets: "Scenario 1 (-58%) based on the gradual opening of
    # international borders ... in early Jul-2020" (kept only with a date: the scenario's own assumption)
    ("predicting", re.compile(r"^\s*Scenario\s+(?:\d+|[A-Z])\s*\(\s*[-+\u2212]?\d+(?:\.\d+)?\s*%\s*\)", re.I)),
    # "The Bank's latest projections show inflation returning to 2% in 2025" (kept only with a date)
    ("predicting", re.compile(
        # "The Mid-Year Economic and Fiscal Outlook (MYEFO) shows deficits across all four years"
        r"\b(?:projections?|forecasts?|models?|simulations?|estimates?|Outlook(?:\s+\([A-Z]{2,8}\))?)\s+(?:now\s+)?"
        # whose it is between: "The latest long-term forecast from Bloomberg New Energy Finance (BNEF) shows"
        r"(?:(?:from|by)\s+(?-i:[A-Z])[^.;,]{1,60}?\s+)?"
        r"(?:show|shows|see|sees|put|puts|"
        r"point\s+to|points\s+to|suggest|suggests|showing|suggesting|pointing\s+to)\b",
        re.I,
    )),
]  # fmt: skip
_MARKERS.extend(SETTING_MARKERS)
_MARKERS.extend(REPORTED_MARKERS)

_KIND_CATEGORY = {
    "should": C.LIKELY,
    "would": C.LIKELY,
    "expect": C.LIKELY,
    "bound": C.LIKELY,
    "see": C.LIKELY,
    "doubt": C.UNLIKELY,
    "predict": C.LIKELY,
    "poll": C.LIKELY,
    "rating": C.LIKELY,
}
_KIND_CATEGORY.update({"outlook": C.LIKELY, "will": C.ALMOST_CERTAIN, "predicting": C.LIKELY, "headline": C.LIKELY})
_PRIORITY = {
    "stated": 5,
    "will_adverb": 4,
    "adverb_will": 4,
    "adverb_not": 4,
    "adverb_away": 4,
    "adjective": 4,
    "chance": 4,
}
_PRIORITY["frame"] = 0
_PRIORITY.update({"predicting": 3, "headline": 1, "outlook": 2, "away": 2})
_PRIORITY.update(
    {
        "should": 2,
        "would": 1,
        "expect": 3,
        "bound": 3,
        "see": 3,
        "doubt": 3,
        "predict": 3,
        "poll": 3,
        "rating": 3,
        "degree": 4,
        "hedge": 2,
        "will": 1,
    }
)


@dataclass(frozen=True)
class Marker:
    kind: str
    start: int
    end: int
    phrase: str
    category: str | None
    probability: float | None = None  # only for stated numbers

    @property
    def priority(self) -> int:
        return _PRIORITY[self.kind]


# Context that turns a marker into something other than a forecast by the writer.
def find_markers(plain: str, start: int, end: int) -> list[Marker]:
    segment = plain[start:end]
    found: list[Marker] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    for pattern in STATED_PATTERNS:
        for m in pattern.finditer(segment):
            value = stated_value(pattern, m, plain, start, end)
            if value is None:
                continue
            s, e = start + m.start(), start + m.end()
            if not free(s, e) or not 0 <= value <= 1:
                continue
            value = min(max(value, 0.001), 0.999)
            taken.append((s, e))
            found.append(Marker("stated", s, e, plain[s:e], None, value))

    for kind, pattern in _MARKERS:
        for m in pattern.finditer(segment):
            s, e = start + m.start(), start + m.end()
            if not free(s, e):
                continue
            marker = _marker_from_match(kind, m, plain, s, e)
            if marker is None or suppressed(marker, plain, start, end):
                continue
            taken.append((s, e))
            found.append(marker)
    return sorted(found, key=lambda marker: marker.start)


# a judgement the speaker will not make: "I don't know that it's more likely than not"
_DENIED_JUDGEMENT = re.compile(
    r"\b(?:I|we)\s+(?:don't|do\s+not|doubt)\s+(?:know|think|believe|that)\s+(?:that\s+|if\s+)?"
    r"(?:it's|it\s+is|this\s+is|that's|that\s+is|a\s+\w+\s+is)\s+(?:all\s+that\s+|that\s+|any\s+)?$"
    # "But Superforecasters don't think a major crisis is all that likely this year"
    r"|\b(?:don't|do\s+not|doesn't|does\s+not)\s+think\s+(?:that\s+)?[^,.;]{1,60}?\b(?:is|are)\s+"
    r"(?:all\s+that\s+|that\s+|very\s+)?$",
    re.I,
)


# an expectation nobody holds, its subject opening the sentence: "No serious analysts, including those in Russia, expect
# this cease-fire to hold." (not the interjection: "No, I think your hands will always be directly involved.")
_NOBODY_BEFORE = re.compile(
    r"(?:^|[.;:!?]\s+|\n)[\"']?(?:No|Nobody|No\s+one)\s+(?!(?:doubt|longer|matter)\b)"
    r"(?![^.;:!?\n]*\b(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could)\b)[^.;:!?\n]{0,80}$"
)
# what is not expected before a time: the words run on to "until" in the same clause
_NOT_BEFORE = re.compile(r"[^.;,:]{1,80}?\buntil\b", re.I)
_THEN_HEDGED = re.compile(r"\s*(?:potentially|possibly|perhaps|maybe|conceivably)\b", re.I)
# "should" opening a clause before its subject states a condition, not an outcome
_INVERTED_CONDITION = re.compile(r"(?:^|[.!?:;]\s+|\n|\b(?:However|But|And|Yet|Still),?\s+)$")
# ... and so does "should" inside an "if" clause
_IF_BEFORE = re.compile(r"\b(?:if|unless)\s+(?:[\w'\-]+\s+){1,3}$", re.I)
# a "would" inside a question said to be open is no outcome foreseen
_OPEN_QUESTION = re.compile(
    r"\b(?:remains?\s+to\s+be\s+seen|(?:is|are|remains?)\s+(?:still\s+)?(?:unclear|not\s+clear|uncertain))\s+"
    r"(?:how|whether|if)\b[^.;,]*$",
    re.I,
)
_DETERMINER = re.compile(r"\s*(?:the|a|an|this|that|these|those|its|their|our|inflation|prices|rates)\b", re.I)
# "likely" before the outcomes a method weighs, none of them named: "the model calculates the likely outcome of
# matches", "to consider the range of likely outcomes", "data within the likely ranges to predict ..." (not a
# figure's range, "likely outcomes of between 1235 and 1430", nor an outcome named before it, "... is considered
# the relatively most likely scenario")
_UNNAMED_OUTCOMES = re.compile(
    r"\s+(?:outcomes?|scenarios?|ranges?|future|results?)"
    r"(?=\s*(?:[.;!)]|$)|\s+(?:below|and)\b|\s+to\s+[a-z]+\b|\s+of\s+(?!between\b|about\b|around\b|\d)[a-z][a-z\s]{0,30}[.;!]?\s*$)",
    re.I,
)
# a ranking from the most likely to the least, told as the order of a list: "Here is the list of states and
# districts, from most likely to go Trump to most likely to go Clinton", "three main scenarios, from the most likely
# to the most unlikely"
_RANKED_FROM = re.compile(
    r"\bfrom\s+(?:the\s+)?(?:most|least)\s+(?:(?:un)?likely\b[^.;]{0,40}?\bto\s+(?:the\s+)?(?:most|least)\s+)?$", re.I
)
_OUTCOME_NAMED_BEFORE = re.compile(r"\b(?:is|are|was|were|be|as|considered|deemed)\s+(?:\w+\s+){0,4}$", re.I)


def _marker_from_match(kind: str, m: re.Match[str], plain: str, s: int, e: int) -> Marker | None:
    groups = m.groupdict()
    negated = bool(groups.get("neg1") or groups.get("neg2") or groups.get("neg3"))
    phrase = plain[s:e]
    if kind in ("will_adverb", "adverb_will", "adverb_not", "adverb_away"):
        category = ADVERBS[" ".join(groups["adv"].lower().split())]
        if kind == "adverb_will" and re.search(r"won't", phrase, re.I):
            negated = True
    elif kind == "adjective":
        category = ADJECTIVES[" ".join(groups["adj"].lower().split())]
        # bare "certain" is mostly a determiner ("certain sectors"); only "certain to" predicts
        if groups["adj"].lower() == "certain" and not re.match(r"\s+to\b|\s+that\b", plain[e : e + 6]):
            return None
        if (
            groups["adj"].lower() in ("likely", "probable")
            and _UNNAMED_OUTCOMES.match(plain, e)
            and not _OUTCOME_NAMED_BEFORE.search(plain[max(0, s - 40) : s])
        ):
            return None
        if _RANKED_FROM.search(plain[max(0, s - 80) : s]):
            return None
        if _DENIED_JUDGEMENT.search(plain[max(0, s - 60) : s]):
            negated = not negated  # "I don't know that it's more likely than not"
    elif kind == "chance":
        category = CHANCES[" ".join(groups["chance"].lower().split())]
    elif kind == "away":
        category = ADVERBS[groups["adv"].lower()] if groups.get("adv") else C.ALMOST_CERTAIN
    elif kind == "degree":
        category = DEGREES[groups["degree"].lower()]
    elif kind == "hedge":
        category = None
    elif groups.get("pick") and not re.match(r"\s*:[ \t]*\S", plain[e:]):
        return None
    elif kind in ("bound", "expect") and _THEN_HEDGED.match(plain, e):
        # "Elvis is set to potentially win a handful of prizes": the hedge after the frame is the estimate
        return Marker("hedge", s, e, phrase, None)
    elif kind == "should" and _INVERTED_CONDITION.search(plain[max(0, s - 20) : s]) and _DETERMINER.match(plain, e):
        return None  # "However, should the revolution follow our high disruption scenario, ...": a condition
    elif kind == "should" and _IF_BEFORE.search(plain[max(0, s - 40) : s]):
        return None  # "If we should probably define terms, something over 10% annualized": a condition
    elif kind == "would" and _OPEN_QUESTION.search(plain[max(0, s - 120) : s]):
        return None  # "it remains to be seen how the wage hike would impact consumer prices": a question left open
    else:
        # a price "fully" in the market, a seat "safe for" a party: more than a lean
        category = C.VERY_LIKELY if groups.get("fully") or groups.get("safe") else _KIND_CATEGORY[kind]
        denied = groups.get("miracle") or groups.get("hardly") or groups.get("unimagined") or groups.get("rejected")
        category = C.VERY_UNLIKELY if denied else category
        category = C.REMOTE if groups.get("no_way") else category
        category = (
            C.VERY_LIKELY
            if groups.get("heavily") or groups.get("confident") or groups.get("firmly") or groups.get("certainly")
            else category
        )
        if kind in ("will", "would", "should") and not negated:
            # an adverb of no weight may stand between: "the opposition alliance will also not secure a majority"; a
            # projection's "would " takes its space with it: "the office said the suits would not be ready for flight"
            negated = bool(re.match(r"\s*(?:(?:also|still|simply)\s+)?(?:not|never)\b", plain[e : e + 16]))
        if kind == "will" and not negated:
            # what the outcome's noun denies: "UKIP will win no seats", "But there will be no negotiations in these six
            # months between Kyiv and Moscow" (not a comparison or a manner: "the cliff will be no big deal")
            negated = bool(re.match(rf"\s*{NO_OBJECT}", plain[e : e + 80], re.I))
        if (
            kind == "will"
            and negated
            and re.match(r"\s+(?:(?:not|never)\s+)?(?:be|happen|come|stop)\s+until\b", plain[e : e + 30])
        ):
            # "it won't be until 2026 that fleet and demand growth will be in sync": it will, then; "It won't stop until
            # it hits at least twice that": it will hit that
            negated = False
        if kind == "expect" and _NOBODY_BEFORE.search(plain[max(0, s - 100) : s]):
            negated = not negated
        if kind == "expect" and negated and _NOT_BEFORE.match(plain, e):
            negated = False  # "he doesn't expect a full return of business travel until 2023": expected, then
    if negated and category is not None:
        category = scales.negate(category)
    return Marker(kind, s, e, phrase, category)


def head_marker(plain: str, markers: list[Marker]) -> Marker:
    """The marker that gives the forecast its probability.

    A hedge inside what is predicted outranks the frame around it: "he predicts that the
    United States may face a recession" is a possibility, not a likely recession.
    """
    # a projection that "suggests" (kept only with a date) gives way to a forecast word of its rank: "Our model
    # suggests Mrs. Clinton is a strong favorite in 15 states"
    head = max(markers, key=lambda m: (m.priority, m.kind != "predicting", -m.start))
    if head.kind not in _FRAMING_KINDS:
        return head
    for marker in markers:
        between = plain[head.end : marker.start]
        if (
            marker.kind == "will"
            and marker.category == C.REMOTE
            and head.category in (C.LIKELY, C.VERY_LIKELY)
            and _PREDICTING.search(head.phrase)
            and 0 < marker.start - head.end <= 80
            and not _RELATIVE_BEFORE.search(between)
        ):
            # what is predicted is denied, and the claim states it positively: "They predict that Libertas will not
            # win a single seat in June" is an unlikely seat (an expectation or a confidence of a denial is keyed as
            # the denial's lean: "economists expect that mortgage interest rates won't budge much", likely)
            return Marker(head.kind, head.start, head.end, head.phrase, scales.negate(head.category))
    for marker in markers:
        between = plain[head.end : marker.start]
        # "we won't get back to 2019 levels until, maybe, 2023": a hedge between commas is about the date
        aside = plain[marker.start - 2 : marker.start] == ", " and plain[marker.end : marker.end + 1] == ","
        if (
            marker.kind == "hedge"
            and 0 < marker.start - head.end <= 80
            and not _RELATIVE_BEFORE.search(between)
            and not aside
        ):
            return marker
    return head


_FRAMING_KINDS = ("expect", "predict", "see", "predicting", "bound")
_PREDICTING = re.compile(r"\b(?:predict|project|forecast)", re.I)
# "is expected to grow, which could lift ...": a hedge in a relative clause is about something else
_RELATIVE_BEFORE = re.compile(r"\b(?:which|who|and|but|while|although)\b", re.I)
