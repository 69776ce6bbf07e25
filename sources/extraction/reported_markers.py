"""Forecasts reported in an official's or a forecaster's words rather than with a scale word:
"is seen by Treasury as remaining above 3 per cent", "Treasury is picking a quick recovery",
"Das projected real GDP growth for 2024-25 at 7.2 per cent", "retained its growth projections
... at 7.2 per cent", "sales of 14m are expected this year", "relief is expected due to the
monsoon", a headline's "Conservatives set to be nearly wiped out", "The MNB is predicting 3.6% GDP
growth", "lowered expectations for 2011 to 2.1%", "..., calling for 16 named storms", "analysts predict
tighter supplies", "are also seen as growth markets", "is a favorite in 15 states". Each is a likely outcome
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
        # ... or of a count: "Goldman Sachs maintains its forecast of two rate cuts from the Fed in 2025"
        r"|\b(?:retain|maintain|kept|keep|reiterat|reaffirm|held|hold|stick|stuck)\w*\s+(?:to\s+|with\s+)?(?:its|their|our|the)\s+"
        r"(?:\w+\s+){0,2}?(?:projections?|forecasts?|estimates?|calls?)\s+(?:of|for)\s+"
        rf"(?=(?:{_FIGURE}|(?:one|two|three|four|five|six)\s+[a-z]))"
        # "sales of 14m are expected this year" (the event expected within a stated time)
        r"|\b(?:is|are)\s+(?:widely\s+|now\s+|also\s+)?(?:expected|forecast|projected|anticipated)"
        r"(?=\s+(?:this|next)\s+(?:year|quarter|month)\b|\s+in\s+(?:19|20)\d\d\b"
        # ... or for a stated reason: "relief in food inflation is expected due to the pick-up in the monsoon"
        r"|\s+(?:due\s+to|because\s+of|thanks\s+to|on\s+the\s+back\s+of)\b)",
        re.I,
    )),
    # a forecaster's figure told as it goes: "The MNB is predicting 3.6% GDP growth this year", a revision
    # without its article ("lowered expectations for 2011 to 2.1% from 2.3%"), a forecast's figure after it
    # ("maintained its earlier forecasts, calling for 16 named storms"), a change told as a comparative
    # ("Market analysts predict tighter supplies of copper"), "are also seen as growth markets"
    ("expect", re.compile(
        rf"\b(?:is|are|am|'re|'m)\s+(?:now\s+|still\s+|also\s+)?(?:predicting|forecasting|projecting)\s+(?=[+$]?{_FIGURE})"
        r"|\b(?:rais|lower|cut|upgrad|downgrad|revis|lift|trimm|reduc)\w*\s+(?:(?:its|their|our|the)\s+)?"
        rf"(?:expectations?|forecasts?|projections?|estimates?)\s+for\s+[^.;]{{1,40}}?\bto\s+{_FIGURE}"
        rf"|,\s+calling\s+for\s+(?=(?:\w+\s+){{0,2}}{_FIGURE})"
        r"|(?<!\bto\s)(?<!\bcan\s)(?<!\bcould\s)\b(?:predicts?|foresees?|anticipates?|expects?|projects?)\s+"
        r"(?:much\s+|even\s+|significantly\s+|slightly\s+|increasingly\s+)?"
        r"(?:higher|lower|tighter|looser|weaker|stronger|slower|faster|firmer|softer|bigger|smaller|larger|greater|"
        r"cheaper|dearer)\s+(?=[a-z]+)"
        r"|\b(?:is|are)\s+(?:also|still|widely|now|increasingly)\s+seen\s+as\s+(?!\w+ing\b)(?=[a-z])"
        # a race told as it stands in the writer's view: "I still think Anora is significantly ahead"
        r"|\b(?:I|we)\s+(?:still\s+|now\s+)?(?:think|believe)\s+(?:that\s+)?(?:[\w'\-]+\s+){1,4}?(?:is|are)\s+"
        r"(?:\w+ly\s+)?(?:ahead|in\s+the\s+lead|the\s+front-?runners?)\b"
        # "Mrs. Clinton is a strong favorite in 15 states" (strong: more than a lean)
        r"|\b(?:is|are|remains?)\s+(?:currently\s+|now\s+|still\s+)?(?:a|an)\s+(?:(?P<heavily>strong|heavy|overwhelming)\s+"
        r"|clear\s+|big\s+)?favou?rite\s+(?:to|in|for)\b",
        re.I,
    )),
    # what the evidence points to, a level reached: "wage behavior all point toward inflation settling at roughly 4%"
    ("expect", re.compile(
        r"\bpoints?\s+(?:to|towards?)\s+(?:[\w\-]+\s+){1,3}?"
        r"(?:settling|rising|falling|reaching|ending|staying|peaking|stabili[sz]ing|levelling|leveling)\s+"
        rf"(?:off\s+)?(?:at|to|around|near|above|below|under|over)\s+(?=(?:about\s+|roughly\s+|around\s+)?{_FIGURE})",
        re.I,
    )),
    # a forecaster's expectation denied: "she doesn't expect further rate hikes" (the hikes are unlikely)
    ("expect", re.compile(r"\b(?P<neg2>doesn't|does\s+not)\s+(?:currently\s+|now\s+)?expect\b(?!\s*[.,;:)])", re.I)),
    # an upset the writer would not be shocked by is possible but not expected: "I wouldn't be completely shocked
    # if it pulled off an upset"
    ("doubt", re.compile(
        r"\b(?:I|we)\s+(?:wouldn't|would\s+not)\s+be\s+(?:completely\s+|totally\s+|entirely\s+|that\s+)?"
        r"(?:shocked|stunned)\s+(?:if|to\s+see)\b",
        re.I,
    )),
    # a headline without its verb: "Conservatives set to be nearly wiped out in Wales"
    ("bound", re.compile(
        # (a headline drops its article too: not the narrative "The Prime Minister set to work")
        r"^\W*(?!(?:The|A|An)\b)(?:(?-i:[A-Z])[\w'\u2019.\-]*\s+){1,4}"
        r"(?:set|poised|tipped|on\s+course|on\s+track|on\s+pace)\s+to\s+(?=[a-z])(?!work\b)",
        re.I,
    )),
    # a forecaster's figure in a participle after what it did: "The analysis forecasts a significant slowdown in US
    # GDP growth, projecting a reduction of 0.23 percentage points from baseline in 2025", "..., predicting London
    # Metal Exchange (LME) prices to average $10,500" (kept only with a stated date, as "is predicting")
    ("predicting", re.compile(
        r",\s+(?:predicting|projecting|forecasting)\s+(?!that\b|what\b|how\b|whether\b)(?=\S)", re.I
    )),
    # the forecaster named after a figure it gives: "Airlines stand to lose $314 billion in ticket sales this year,
    # the International Air Transport Association estimates"
    ("expect", re.compile(
        r",\s+(?:the\s+|a\s+)?(?:(?-i:[A-Z])[\w.&'\u2019\-]*\s+(?:(?:of|for|and)\s+)?){1,7}"
        r"(?:estimates|forecasts|projects|predicts|expects|reckons)(?=\s*(?:[.;,)\"'\u201d]|$)|\s+(?:and|but)\b)"
    )),
    # a projected figure held: "Soybeans have a projected average of $8.24 per bushel this year"
    ("expect", re.compile(
        r"\b(?:has|have|with|sees?|shows?)\s+(?:a|an)\s+(?:projected|forecast|expected)\s+(?:[a-z\-]+\s+){0,3}?"
        rf"(?:of\s+)?(?:about\s+|around\s+|roughly\s+)?(?={_FIGURE})",
        re.I,
    )),
    # an expectation in the progressive: "we are expecting to surpass 250 000 vaccinations per day by next week"
    ("expect", re.compile(
        r"\b(?:I'm|I\s+am|we're|we\s+are|(?:analysts|economists|markets|investors|traders|forecasters)\s+are)\s+"
        r"(?:now\s+|still\s+|also\s+)?expecting\s+(?=to\s+[a-z]|(?:a|an|the|some|more|further|[-$\d])\b)",
        re.I,
    )),
    # a revision in the colloquial verbs, with its figures: "the agency upped its forecasts to all food prices to
    # rise 3% to 4%", "bumped up its forecast for home sales to 5.1 million"
    ("expect", re.compile(
        r"\b(?:upped|bumped\s+up|hiked|ratcheted\s+(?:up|down)|dialed\s+(?:up|back|down)|pared(?:\s+back)?)\s+"
        r"(?:its|their|our|the)\s+(?:[\w\-]+\s+){0,3}?(?:forecasts?|projections?|estimates?|outlook)\b"
        r"(?=(?:[^.;]|\.(?=\d)){0,80}?\d\s*(?:%|per\s*cent|percent|million|billion))",
        re.I,
    )),
    # a forecaster's own projection in the first person, or one it would make: "we project a debt-to-GDP ratio above
    # 106 percent by 2029", "we would anticipate an increase in deaths in 2023 as well"
    ("expect", re.compile(
        r"\b(?:we|I)\s+(?:now\s+|still\s+|also\s+|would\s+|do\s+)?(?:project|anticipate)\s+"
        r"(?=(?:that|a|an|the|further|more|some|[-$\d])\b|[$\d])",
        re.I,
    )),
    # a pundit's pick: "I have gone for Manchester United to finish second" (not a toss-up's tie-break: "The win I
    # see as a toss up, so I'm going with New England" stays even)
    ("expect", re.compile(
        r"(?<!\bso\s)\b(?:I|we)(?:'ve|\s+have|'m|\s+am|'re|\s+are)\s+(?:gone|going)\s+(?:for|with)\s+(?=(?-i:[A-Z]))",
        re.I,
    )),
    # a revision in the passive without the forecast's subject: "this forecast was revised downwards to a 6%
    # year-on-year increase in home prices"
    ("expect", re.compile(
        r"\b(?:forecasts?|projections?|estimates?|outlook)\s+(?:was|were|has\s+been|have\s+been|is|are)\s+"
        r"(?:now\s+|also\s+|since\s+|\w+ly\s+)?(?:raised|lowered|cut|revised|upgraded|downgraded|lifted|trimmed|reduced|"
        r"increased)\s+(?:up(?:wards?)?\s+|down(?:wards?)?\s+)?to\s+(?:a\s+|an\s+)?(?=[-$\d])",
        re.I,
    )),
]  # fmt: skip
