"""The suggested claim: the quote rewritten as a positive, checkable proposition.

The hedge moves into the probability, so the claim drops it: "Germany's economy is unlikely
to grow by more than 1% in 2025" (p 0.325) becomes "Germany's economy will grow by more than
1% in 2025". A negated forecast is claimed positively and its probability mirrored
("will not" is the remote end of "will"). Attribution ("he said", "according to the IMF"),
bullets, datelines and interviewer framing are not part of a claim.
"""

from __future__ import annotations

import re
from datetime import date

from .chance_claims import without_chance
from .text import to_plain, trim_clause
from .words import HEDGE_WORDS, INSTITUTIONS, NO_OBJECT, TRAILING, may_is_the_month


def strip_quote_marks(plain: str, start: int, end: int) -> tuple[int, int]:
    """Drop an unbalanced quotation mark left at either end by the clause split."""
    while start < end and _unbalanced(plain[start:end], plain[start]):
        start += 1
    while end > start and _unbalanced(plain[start:end], plain[end - 1]):
        end -= 1
    return trim_clause(plain, start, end)


def _unbalanced(span: str, mark: str) -> bool:
    """A quotation mark without its pair, or a bracket without its other half ("Medvedev (6.6%)" keeps its ")")."""
    if mark in "()":
        return span.count(mark) > span.count(")" if mark == "(" else "(")
    return mark in "\"'" and span.count(mark) % 2 == 1


_ADVERB = r"(?:very\s+|highly\s+|most\s+|almost\s+|all\s+but\s+|nearly\s+|virtually\s+|quite\s+|still\s+|also\s+)"
_LIKELIHOOD = r"(?:certainly|likely|probably|surely|possibly|perhaps|maybe|definitely|undoubtedly|no\s+doubt)"
_SAYER = r"(?:he|she|they|it|we|I|(?:the\s+)?[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,4})"
_SAYS = (
    r"(?:said|says|say|told\s+\w+|added|noted|warned|wrote|writes|argued|argues|predicted|predicts|predict|expects|"
    r"expect|forecast|believe|found|finds|shows|showed|suggests|suggested)"
)
# a forecasting verb with its object is a clause of its own, not a trailing "he said": ", we forecast growth of 1.5%"
_FORECAST_OBJECT = (
    r"(?:(?<=predict)|(?<=predicts)|(?<=predicted)|(?<=expect)|(?<=expects)|(?<=forecast)|(?<=believe))"
    r"\s+(?!(?:on|in|at|last|this|today|yesterday|earlier)\b)[a-z]"
)

_NOT_ARTICLE = r"(?!(?:a|an|the|its|their|his|her|our|this|that|these|those)\b)"

# Framing around the proposition: dropped whole.
_FRAMES = [
    # a sign denied: "There's nothing to say Melbourne prices will take a tumble" claims the tumble
    re.compile(
        r"^there(?:'s|\s+is)\s+(?:also\s+|simply\s+)?nothing\s+to\s+(?:say|suggest|indicate)\s+(?:that\s+)?", re.I
    ),
    # a leading adverbial: "Most likely, ", "With more bad news on the way, ", "As a result of X, ", "Yes, "
    re.compile(
        r"^(?:most\s+likely|more\s+likely|very\s+likely|likely|probably|almost\s+certainly|in\s+all\s+likelihood|"
        r"yes|no|well|so|overall|meanwhile|in\s+addition|in\s+this\s+situation|for\s+example|for\s+instance|"
        r"of\s+course|in\s+fact|now|as\s+it\s+stands|as\s+a\s+result|this\s+means\s+that|fundamentally|"
        # the speaker's aside: "Globally, I have to say, I would imagine ...", "As I say, ...", "Even so, ..."
        r"i\s+have\s+to\s+say|i\s+must\s+say|to\s+be\s+(?:honest|fair)|frankly|honestly|"
        r"as\s+(?:i|you|we)\s+(?:say|said)|even\s+so|as\s+such|nevertheless|nonetheless|in\s+this\s+context|"
        # a company's period: "For fiscal 2024, the company expects ..."
        r"for\s+(?:fiscal\s+|the\s+(?:full\s+|fiscal\s+)?year\s+)?(?:\d{4}|year)|"
        r"accordingly|therefore|thus|hence|moreover|furthermore|indeed|however|still|also|again|"
        r"(?:with|as\s+a\s+result\s+of|due\s+to|in\s+view\s+of|given|despite|thanks\s+to|as\s+for|"
        r"on|in\s+the\s+\w+\s+of)\b[^,]{0,200}?)\s*,\s+(?=\S+\s+\S+)",
        re.I,
    ),
    # "The IMF now predicts advanced economies will grow", "The average strategist is predicting a decline"
    re.compile(
        r"^(?:the\s+)?(?:(?!(?:The|A|An|This|That|Our|Its|Their)\b)[A-Z][\w&.'\-]*\s+){1,4}(?:[a-z]+\s+){0,2}?"
        r"(?:now\s+|also\s+|still\s+|currently\s+)?(?:expects?|predicts?|forecasts?|"
        r"projects?|anticipates?|sees?|pegs?|puts?|projected|predicted)\s+(?:that\s+)?(?!to\s|\S+(?:\s+\S+){0,3}\s+to\s+[a-z])"
    ),
    re.compile(
        r"^[^,]{0,60}?\b(?:is|are)\s+(?:now\s+)?(?:predicting|forecasting|projecting|expecting)\s+(?:that\s+)?", re.I
    ),
    # "He predicts that the United States will face", "The Sydney-based think tank Lowy Institute
    # predicts that", "They anticipate that markets will adjust"
    re.compile(
        r"^(?:[^,;\"]{0,80}?\s)?(?:now\s+|also\s+|still\s+)?(?:predicts?|expects?|forecasts?|projects?|anticipates?)"
        # "The report by CIBC World Markets also predicts there will be 10 million fewer cars"
        r"\s+(?:that\s+|(?=there\s+(?:will|is|are)\b)"
        # "Two of the firms in the list below expect the S&P 500 will rise": the clause without "that"
        # ... "The outlook predicts 14 of the 23 industries included (among 27 total) will show gains", "The company
        # expects its fourth-quarter shipments, as measured by revenue-ton-miles, will match"
        r"|(?=(?:the\s+)?[\w&'.\-]+(?:\s+[\w&'.\-]+){0,4}\s+will\s+[a-z])"
        r"|(?:(?<=expects\s)|(?<=predicts\s)|(?<=expect\s)|(?<=predict\s))(?=(?:the\s+)?[\w&'.\-]+"
        r"(?:\s+(?!(?:is|are|was|were|has|have|had|and|that|which|who)\b)[\w&'.\-()]+){0,9}(?:,[^,;]{1,60},)?"
        r"\s+will\s+[a-z]))",
        re.I,
    ),
    # "Fundamentally we expect the tariffs to be effective"
    re.compile(r"^(?-i:[A-Z])[a-z]+ly\s+(?=(?:I|we)\s)"),
    # "The three-year forecast calls for 2.6% growth in 2016"
    re.compile(
        r"^(?:the\s+|our\s+|its\s+)?(?:[\w-]+\s+){0,3}(?:forecasts?|outlook|projections?)\s+(?:now\s+)?calls?\s+for\s+"
        r"(?![^,;]{2,60}?\s+to\s+[a-z])",
        re.I,
    ),
    # "In Scenario 2 (35% weight), the AI bubble pops"
    re.compile(r"^in\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?scenario(?:\s+\w+)?\s*(?:\([^)]{0,40}\))?,\s+", re.I),
    # a section label before a dash: "INDUSTRIAL SECTOR – We expect improving industrial demand", and a
    # guidance item's label: "Capacity - The Company expects ...", "CASM-ex1 - The Company expects"
    re.compile(r"^(?-i:[A-Z][A-Z&/,\- ]{2,40})\s+[\u2013\u2014-]\s+"),
    re.compile(r"^(?-i:[A-Z])[\w&/\-]*(?:\s+[a-z][\w&/\-]*){0,3}\s+-\s+(?=(?-i:The|Full|Third|Second|First)\b)"),
    re.compile(
        r"^(?:I|we)\s+(?:do\s+not\s+|don't\s+|do\s+|now\s+|still\s+|also\s+|fully\s+)?(?:expect|anticipate|forecast|predict)\s+(?:that\s+)?"
        r"(?!to\s|\S+(?:\s+\S+){0,3}\s+to\s+[a-z])",
        re.I,
    ),
    re.compile(r"^(?:we've|we\s+have|I've|I\s+have)\s+(?:assigned|put|given)\s+", re.I),
    # "you'd expect to see a phase three trial": the trial is the claim
    re.compile(r"^(?:I|we|you|one)(?:'d|\s+would)?\s+(?:do\s+)?(?:expect|hope)\s+to\s+see\s+", re.I),
    re.compile(r"^(?:I|we)\s+(?:now\s+|still\s+)?see\s+|^expect\s+", re.I),
    re.compile(
        # "The Fed's forecasts, released as part of the minutes from its April meeting, show that its staff ..."
        r"^(?:the\s+)?(?:[\w.'\-]+\s+){0,2}(?:polls?|surveys?|data|models?|markets?|futures|pricing|forecasts?|"
        r"projections?)(?:,[^,]{1,80},)?\s+(?:now\s+)?"
        r"(?:suggests?|shows?|indicates?|implies?|points?\s+to)\s+(?:that\s+)?",
        re.I,
    ),
    re.compile(r"^(?:the\s+)?(?:[A-Z][\w&.'\-]*\s+){1,4}(?:now\s+)?sees\s+"),
    re.compile(
        r"^(?:I|we)(?:'re|'m|\s+are|\s+am)\s+(?:now\s+)?leaning\s+(?:slightly\s+|strongly\s+)?towards?\s+", re.I
    ),
    re.compile(r"^in\s+(?:the|its|their)\s+latest\s+(?:version|edition|update|round)\s+of\s+[^,]{1,80},\s+", re.I),
    # the chance written after a list item: "... in 2019. 80%", "... in the 2010s (60%)"
    re.compile(rf"{TRAILING}\(?\d{{1,3}}(?:\.\d+)?\s*(?:%|per\s*cent|percent)\)?\.?$"),
    # bullets, numbered items and interviewer labels
    re.compile(
        r"^(?:\|?[-*\u2022\u25aa\u25cf\u2013\u2014>]+(?=\s)|\(?\d{1,2}[.)](?=\s)|[A-Z][\w. ]{0,30}:(?=\s+[A-Z\"]))\s*"
    ),
    # "..., it said Tuesday in its World Economic Outlook, up 0.1 point from January": the rest is attribution
    # ... but not a verb with its own clause: "In the long run, I expect nuclear fusion to matter less"
    re.compile(
        rf",\s*(?:{_SAYER}\s+{_SAYS}|{_SAYS}\s+{_SAYER})\b(?!\s+(?:that\b|[^,;]{{1,80}}?\s+(?:will\s+|to\s+{_NOT_ARTICLE})[a-z])"
        rf"|{_FORECAST_OBJECT})"
        r".*$"
    ),
    # ... but "faster than Treasury expects" is a comparison, not attribution
    re.compile(rf"(?:^|(?<!\bthan)(?<!\bas)\s+)(?:{_SAYER}\s+{_SAYS}|{_SAYS}\s+{_SAYER})\s*$"),
    # "..., the operators' association says"
    re.compile(
        rf",\s*(?:the|a|an|some|many|most|several|two|three)\s+[\w'\u2019\- ]{{2,60}}?\s+{_SAYS}(?:\s+\w+)?\s*$"
    ),
    re.compile(r",?\s*according\s+to\s+[^,]+$", re.I),
    re.compile(r"^according\s+to\s+[^,]+,\s*", re.I),
    re.compile(
        r"^(?:(?:and|but)\s+not\b|and|but|yet|so|or|although|though|while|whereas|even\s+though|meanwhile|still|however|"
        r"then|before)\b,?\s+",
        re.I,
    ),
    re.compile(
        r"^(?:in\s+(?:my|our)\s+view|on\s+balance|all\s+told|for\s+now|in\s+short|overall|in\s+sum"
        r"|in\s+(?:the|its|their|our)\s+(?:latest\s+|new\s+|updated\s+|current\s+)?"
        r"(?:projections?|forecasts?|outlook|view|report|statement))\s*[,:]\s*",
        re.I,
    ),
    re.compile(
        r"^(?:I|we)\s+(?:still\s+|now\s+|also\s+)?(?:think|believe|reckon|suspect|predict|bet|doubt)\s+(?:that\s+)?",
        re.I,
    ),
    # "I have no doubt that Pep Guardiola's team will be as powerful": the certainty is the chance, the rest the claim
    re.compile(
        r"^(?:(?:I|we)\s+have|there\s+is|there's)\s+(?:no|little|not\s+much)\s+doubt\s+(?:in\s+my\s+mind\s+)?"
        r"(?:that\s+)?(?=\S+\s+\S+)",
        re.I,
    ),
    re.compile(r"^(?:I|we)(?:'d|\s+would)\s+be\s+(?:very\s+|quite\s+)?surprised\s+if\s+", re.I),
    re.compile(r"^(?:I|we)(?:'d|\s+would)\s+(?:imagine|guess|hope)\s+(?:that\s+)?", re.I),
    re.compile(
        r"^(?:I|we)\s+(?:wouldn't|would\s+not)\s+be\s+(?:at\s+all\s+)?surprised\s+(?:if|that|to\s+see)\s+", re.I
    ),
    # "My bet is that", "Our base case is that the recession will be mild"
    re.compile(
        r"^(?:(?:my|our|their|its)\s+(?:bet|guess|hunch|prediction|forecast|expectation|(?:base|central)\s+case|"
        r"baseline)\s+is\s+(?:that\s+)?(?!for\s)|the\s+(?:expectation|(?:base|central)\s+case|baseline)\s+is\s+that\s+)",
        re.I,
    ),
    re.compile(
        r"^(?:there\s+is|there's|it\s+is|it's)\s+[^,]*?\b(?:chance|odds|likely|unlikely|possible|possibility|probability|"
        r"likelihood)(?:\s+than\s+not)?\s+(?:that\s+|of\s+)?(?!for\s)",
        re.I,
    ),
    # "The likelihood is that things will get worse before they get better"
    re.compile(
        r"^(?:the\s+)?(?:(?:odds|chances)\s+(?:are|favou?r)\s+(?:that\s+)?|(?:likelihood|probability)\s+is\s+that\s+)",
        re.I,
    ),
    # "Maxing out their credit cards, ..., it seems highly probable the US economy will join Europe in recession",
    # "It's highly probable that at least one out of Leicester, Burnley and QPR will be heading straight back down",
    # "In the lower end of the spectrum it looks increasingly unlikely that sea level rise will be much less than 50
    # cm", "... one thing is as clear as ever: it's very unlikely the winner will be any team outside the top seven"
    re.compile(
        # ... after the words that report it: "Marcia Cavallari, the director of polling firm Ibope, told Eldorado
        # radio late Wednesday it's unlikely any of the 13 candidates will secure more than 50 percent"
        r"^(?:.{0,120}?,\s+|(?:(?!\b(?:will|would)\b)[^;]){0,120}?(?::\s+|\s[\u2013\u2014]\s+|"
        r"\s(?=it(?:\s+(?:seems|looks|appears|is)|'s)\s+(?:\w+\s+)?(?:un)?(?:likely|probable)\b)))?"
        # ("it is still highly unlikely that he will experience a large enough late surge")
        r"it(?:\s+(?:is|seems|looks|appears)|'s)\s+(?:(?:\w+ly|very|quite|still|also|now|thus)\s+)*(?:un)?(?:likely|probable)\s+"
        r"(?:that\s+)?(?!to\b)(?=\S+\s+\S+)",
        re.I,
    ),
    # "the Fed cutting rates has become very likely, in my opinion"
    re.compile(r",?\s+in\s+(?:my|our)\s+(?:opinion|view)\s*$", re.I),
    re.compile(r"^(?:I|we)\s+(?:lean|am\s+leaning|are\s+leaning)\s+towards?\s+", re.I),
    # "I find it unlikely there's more than a couple percentage points left"
    re.compile(
        r"^(?:I|we)\s+(?:find|consider|think|believe)\s+it\s+(?:\w+\s+)?(?:un)?(?:likely|probable)\s+(?:that\s+)?", re.I
    ),
    re.compile(r"^perhaps\s+|^possibly\s+|^maybe\s+", re.I),
    # "I am 70% confident that rates will fall"
    re.compile(
        r"^(?:I|we)(?:'m|'re|\s+am|\s+are)\s+(?:about\s+)?\d[\d.]*\s*(?:%|per\s*cent|percent)\s+"
        r"(?:confident|sure|certain)\s+(?:that\s+)?",
        re.I,
    ),
    # "By 2012, the report predicts, the average miles driven in the United States will decrease"
    re.compile(
        r"^(?:the\s+|a\s+|its\s+)?(?:[\w'.\-]+\s+){0,3}(?:predicts?|expects?|forecasts?|projects?|says|said|believes|"
        r"thinks|estimates?),\s+(?=\S+\s+\S+)",
        re.I,
    ),
    # "Looking at MansionBet's NFL odds online, we can see that ...", "Looking at the 5%-threshold the Greens ..."
    re.compile(r"^looking\s+at\s+[^,]{1,60}?(?:,\s+|\s+(?=the\s+(?-i:[A-Z])))", re.I),
    re.compile(r"^(?:I|we|you)\s+can\s+(?:already\s+)?see\s+that\s+", re.I),
    # "I am going to predict — with relative assurance — that the U.S. economy is heading south"
    re.compile(r"^(?:I|we)(?:\s+am|\s+are|'m|'re)\s+going\s+to\s+(?:predict|forecast|say)\b[^.]*?\bthat\s+", re.I),
    # a company's guidance: "The Company expects a provision for income taxes at ..."
    re.compile(
        rf"^(?:The|Its|Our)\s+(?i:{INSTITUTIONS})\s+(?:now\s+|also\s+|still\s+|continues\s+to\s+)?"
        r"(?:expects?|anticipates?|projects?|sees?)\s+(?!to\s|[^,;]{0,80}?\s+to\s+[a-z])(?=\S+\s+\S+)"
    ),
    # a forecast reported in the past tense: "Rating firm, Fitch Solutions, has predicted that the central bank will
    # keep the policy rate on hold", "the OBR also predicted inflation will rise by 0.4% next year", "It can be
    # predicted with 99.8% certainty that, this year, Joaquin Phoenix will win" (a frame with its own "will" is a
    # claim of its own, and one that opens with a condition keeps it: "When borders are finally open ..., Kirby
    # predicted that"); without "that", only a verb with its adverb or auxiliary: "the predicted surge in EVs will
    # require" is a noun's
    re.compile(
        r"^(?!(?:when|if|once|as|while|unless|after|before|until|in|by)\b)(?:(?!\b(?:will|would)\b)[^;\"]){1,100}?\s"
        r"(?:(?:(?:has|have|had)\s+)?(?:also\s+|now\s+|earlier\s+|already\s+)?(?:predicted|projected|anticipated)"
        r"(?:\s+with\s+[^,;]{1,40}?)?\s+that,?\s+(?=\S+\s+\S+)|(?:(?:has|have|had)\s+|also\s+|now\s+|earlier\s+|already\s+)+"
        r"(?:predicted|projected|anticipated)\s+(?!(?:that|to|a|an|the|its|their)\b)(?=[^,;]{1,60}?\b(?:will|would)\s+[a-z]))",
        re.I,
    ),
    # "it is anticipated that he will collaborate with the PDI-P", "In a best-case scenario it is expected that up
    # to 3 thousand COVID-19 cases will be registered a day"
    re.compile(
        r"^(?:(?:(?!\b(?:will|would)\b)[^;]){0,160}?\b)?it\s+is\s+(?:now\s+|widely\s+|also\s+|generally\s+)?(?:expected|anticipated|predicted|forecast|projected|"
        r"believed|thought)\s+that\s+",
        re.I,
    ),
    # reported speech: "Das indicated that a degree of relief ...", "he explained that inflation will ..."
    re.compile(
        r"^(?:[^,;\"]{0,60}?\s)?(?:said|says|explained|explains|indicated|indicates|noted|notes|added|argued|argues|"
        r"believes|thinks|warned|told\s+\w+)\s+(?:(?:in|on|at|during)\s+[^,;\"]{1,40}?\s+)?that\s+(?=\S+\s+\S+)",
        re.I,
    ),
    # a forecast reported in the past tense by its maker, the clause following without "that": "the survey predicted
    # the Federal Reserve would not start raising interest rates" (not "the predicted surge in EVs will require")
    re.compile(
        r"^(?!(?:the|a|an|its|their|our|his|her)\s+(?:predicted|projected)\b)(?:the\s+)?(?:[\w'.\-]+\s+){1,3}?"
        r"(?:predicted|projected)\s+(?=(?:the\s+)?[\w&'.\-]+(?:\s+[\w&'.\-]+){0,4}\s+(?:will|would)\s+[a-z])",
        re.I,
    ),
    # "Mr. Becker said a weaker dollar was unlikely before the Fed starts cutting"
    re.compile(r"^(?:Mr|Ms|Mrs|Dr|Prof)\.?\s+[A-Z][\w'\-]+\s+(?:said|says|believes|thinks)\s+(?!that\b)(?=\S+\s+\S+)"),
    # "Legal challenges ... mark the aftermath, with Prabowo expected to build a broad coalition": what is
    # expected is the forecast, the clause before it the setting
    re.compile(
        r"^.{0,200}?,\s+with\s+(?=[^,]{2,60}?\s+(?:widely\s+|now\s+|also\s+)?(?:expected|set|tipped|poised|forecast|"
        r"projected|likely)\s+to\s+[a-z])",
        re.I,
    ),
]
# "I expect Beijing to keep ..." -> "Beijing will keep ..."
_EXPECT_TO = re.compile(
    r"^(?:(?:I|we|they|[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,4}|(?:most\s+|many\s+)?(?:[A-Z]{2,}\s+)?(?:money\s+)?"
    r"(?:analysts|economists|markets?|"
    rf"investors|traders|forecasters)|(?i:the|its|our|a|an)\s+(?:(?i:new|latest|updated|revised)\s+)?{INSTITUTIONS})\s+"
    # reported: "The BOC said it expects consumer price inflation to fall", 'Fitch said it "expects the economy to'
    r"(?:(?:said|says|added|noted)\s+(?:that\s+)?(?:it|they|he|she)\s+)?[\"']?"
    # "The Fed also now expects", "The Company continues to expect"
    r"(?:(?:now|still|also|fully|would|currently|continues\s+to|continue\s+to)\s+){0,2}(?:expects?|anticipates?|projects?|predicts?|"
    r"forecasts?|sees?|calls?\s+for)\s+"
    r"|(?i:my|our|the|their|its)\s+(?:base|central|baseline|main)\s+(?:case|forecast|projection|scenario)\s+"
    r"(?:is|remains)\s+for\s+)"
    r"(?P<subject>.+?)\s+to\s+(?P<verb>[a-z]\w*)\b"
)
# an expectation written after the clause it follows: "..., and UNWTO expects demand for domestic and
# regional travel to remain strong", "The Budget revealed that Treasury now expects a sharper downturn"
_EXPECT_LATER = re.compile(
    r"(?<![\w'])(?<!the\s)(?<!its\s)(?<!our\s)(?<!of\s)(?:expects?|anticipates?|predicts?)\s+"
    r"(?!to\s|that\s|from\s|of\s|for\s|(?:him|her|them|it|us|me)\s)(?P<subject>[^,;]{2,120}?)\s+to\s+"
    r"(?!the\b|a\b|an\b|its\b|their\b)(?P<verb>[a-z]+)\b"
)
_EXPECTS_NOUN = re.compile(
    r"(?:^|,\s+|\s+(?:and|while|but|whereas|that)\s+)(?P<who>[^,;]{1,80}?)\s+(?:now\s+|also\s+|still\s+)?"
    r"(?:expects?|anticipates?|predicts?)\s+(?!to\s|that\s|from\s|of\s|(?:it|them|this|him|her)\b)"
    r"(?P<what>[^,;]{3,}?)\s*(?P<aside>,[^;]*)?$"
)
# a leading source: "In an interview on the Le Bilan program, ...", "In Eurasia's assessment, ...", "In the
# March 2001 Inflation Report, Norges Bank projects ..." (the forecaster is named elsewhere, not in the claim)
_SOURCE_LEAD = re.compile(
    r"^in\s+(?:an?|the|its|his|her|their|our|my|[A-Z][\w.'\u2019]*)\s+(?:[\w\"'\u201c\u201d\-]+\s+){0,4}?"
    r"(?:interview|statement|report|assessment|view|opinion|model(?:\s+used)?|analysis|note|survey|speech|letter|"
    r"update|estimates?|judge?ment)\b[^,]{0,60},\s+(?=\S+\s+\S+)",
    re.I,
)
# a leading time or place: "By 2050, the planet's population will be 9.7 billion" reads "The planet's
# population will be 9.7 billion by 2050", so the claim opens with its subject
_LEAD = re.compile(
    r"^(?P<lead>(?:by|in|over|within|during|until|through|after|before|from|across)\s+[^,]{1,50}?|globally|"
    r"(?:next|this|later\s+this)\s+(?:year|month|quarter|week|decade|spring|summer|autumn|fall|winter)|"
    r"domestically|internationally|worldwide|nationally)\s*,\s+(?P<rest>\S.*)$",
    re.I,
)
# a leading adverbial clause: "As the economy slows, some workers will lose their jobs" reads "Some workers will
# lose their jobs as the economy slows"; a year without its comma: "By 2030 renewables will supply ..."
_CLAUSE_LEAD = re.compile(
    r"^(?P<lead>(?:as(?!\s+(?:regards|for|to|of|a|an|such|well|usual|expected|noted|mentioned|shown|said|always)\b)|"
    r"when|once|while|even\s+when)\s+[^,]{3,120}?)\s*,\s+(?P<rest>\S.*)$",
    re.I,
)
_YEAR_LEAD = re.compile(
    r"^(?P<lead>(?:in|by|from|after|before|until)\s+(?:the\s+end\s+of\s+)?\d{4})\s+"
    r"(?P<rest>(?!(?:and|or|to|will|is|are|was|were|the\s+\w+\s+of|at|in|on)\b)[^,]{2,60}?\s+will\s+.*)$",
    re.I,
)
_TIME_OR_PLACE = re.compile(
    r"(?:\d|\b(?:years?|months?|quarters?|decades?|decade's|century|weeks?|days?|run|term|future|summer|winter|spring|"
    r"autumn|fall|end|beginning|start|then|time|period|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)|^(?:in|across)\s+(?:the\s+)?(?-i:[A-Z])[\w.\- ]*|^[a-z]+ally|^worldwide)$",
    re.I,
)
# where a moved lead goes: before an appended phrase, else at the end
_AFTER_CLAUSE = re.compile(
    r"\s+\((?:even\s+)?if\s|,\s+(?:a|an|up|down|which|who|requiring|leading|driven|surpassing|thus|while|with|as|"
    r"though|although|largely|mainly|according|(?-i:[A-Z]))|\s+[\u2013\u2014]\s+|\s+-\s+|\.\s"
)
# what makes a four-digit number a figure rather than a year: "2,000 MW", "2030 GW" is rare, "2030%" is not
_UNIT = r"(?:%|per\s*cent|percent|[mb]n\b|million|billion|trillion|,\d)"
_STATED_NUMBER = r"(?:at\s+least\s+|about\s+|around\s+|roughly\s+|only\s+)?\d[\d.]*\s*(?:%|per\s*cent|percent)"
_REWRITES = [
    # bookmakers' odds are the chance, not the claim: "the second favorites at 8 to 1 odds to win it all"
    (re.compile(r",?\s+at\s+[\d.]+(?:-to-|\s+to\s+|/|-)\d+\s+odds\b(?!\s*$)", re.I), ""),
    (
        re.compile(r"\b(?:their|its|his|her)\s+odds\s+are\s+[\d.]+(?:-to-|\s+to\s+|/|-)\d+\s+to\b(?=\s+[a-z])", re.I),
        "they will",
    ),
    # a company's own plan: "The Company expects to consume between 1.13 and 1.15 billion gallons"
    (
        re.compile(rf"^((?:The|Its|Our)\s+(?i:{INSTITUTIONS}))\s+(?:now\s+|also\s+|still\s+)?expects\s+to\s+(?=[a-z])"),
        r"\1 will ",
    ),
    # a headline without its verb: "Labour expected to regain some ground", "Conservatives set to be wiped out"
    (
        re.compile(
            r"^((?:[A-Z][\w'\u2019.\-]*\s+){1,4})(?:expected|set|tipped|poised|forecast|projected)\s+to\s+(?=[a-z])"
        ),
        r"\1will ",
    ),
    # ... and after a lowercase subject: "growth expected to slow", not "is expected to" (below)
    (
        re.compile(
            r"^((?:(?!(?:is|are|was|were|be|been|being|has|have|had|and|but|or|that|which)\s)[\w'\u2019.$%\-]+\s+){1,5}?)"
            r"(?:expected|tipped|poised|forecast|projected)\s+to\s+(?=[a-z])"
        ),
        r"\1will ",
    ),
    # "Fed officials expect to avert a recession by lowering interest rates": what the subject plans to do
    (
        re.compile(
            r"^((?:(?!(?:I|we|you|can|could|may|might|should|would|will|must|do|does|did|not)\s)[\w'\u2019.&\-]+\s+){1,5}?)"
            r"(?:now\s+|also\s+|still\s+)?(?:expects?|anticipates?)\s+"
            r"to\s+(?=[a-z])",
            re.I,
        ),
        r"\1will ",
    ),
    # "some workers can expect to lose their jobs", "P&G ... and expects to pay more than $9 billion"
    (re.compile(r"\b(?:can|could|should|may)\s+expect\s+to\s+(?=[a-z])", re.I), "will "),
    (
        re.compile(r"\b(and|but)\s+(?:now\s+|also\s+|still\s+)?(?:expects?|anticipates?)\s+to\s+(?=[a-z])", re.I),
        r"\1 will ",
    ),
    # "..., forward fuel curve, the Company expects to pay an average of ..."
    (
        re.compile(
            rf"\b((?:the|its|our)\s+(?i:{INSTITUTIONS})|(?-i:[A-Z])[\w&.'\-]*(?:\s+(?-i:[A-Z])[\w&.'\-]*){{0,3}})\s+"
            r"(?:now\s+|also\s+|still\s+)?(?:expects|anticipates)\s+to\s+(?=[a-z])",
            re.I,
        ),
        r"\1 will ",
    ),
    # "another decline in GDP is expected", "No big jumps are expected until 2025": the event will occur
    # ... or "can be expected": "A rebound can be expected in the second half of 2005"
    (
        re.compile(
            r"\s+(?:is|are|(?:can|could|may|might)\s+(?:also\s+)?be)\s+(?:now\s+|also\s+|widely\s+)?"
            r"(?:expected|forecast|projected|predicted|anticipated)"
            r"(?=\s+(?:in|by|until|before|during|this|next|over|within|soon|due\s+to|because|following|once|amid|"
            r"thanks\s+to)\b|\s*$)",
            re.I,
        ),
        " will occur",
    ),
    # "the Fed is 80% likely to cut", "a cut by March is at least 90% likely": the number is the chance
    (
        re.compile(rf"\s+(?:is|are)\s+{_STATED_NUMBER}\s+(?:likely|probable|certain|sure)\s+to\b(?=\s+[a-z])", re.I),
        " will",
    ),
    (re.compile(rf"\s+(?:is|are)\s+{_STATED_NUMBER}\s+(?:likely|probable|certain|sure)\s*$", re.I), ""),
    # odds: "Labour are the favourites to win", "Republicans are 3-to-1 favourites to win", "are 9/4 to win"
    (
        re.compile(
            r"\s+(?:is|are)\s+(?:currently\s+|now\s+|still\s+)?(?:the\s+)?(?:[\d.]+(?:-to-|\s+to\s+|/)\d+\s+)?"
            r"(?:(?:second|third|fourth|fifth|slight|clear|heavy|strong|big|narrow)\s+)?(?:favou?rites?\s+)?to\b"
            r"(?=\s+[a-z])",
            re.I,
        ),
        " will",
    ),
    (re.compile(r"\s+(?:is|are)\s+(?:currently\s+|now\s+|still\s+|\w+ly\s+)?favou?red\s+in\b", re.I), " will win"),
    (
        re.compile(
            rf"\b(?:will|'ll|shall)\s+(?:not\s+|never\s+)?{_ADVERB}?(?:{_LIKELIHOOD}\s+)?(?:not\s+|never\s+)?", re.I
        ),
        "will ",
    ),
    (re.compile(rf"\b{_ADVERB}?{_LIKELIHOOD}\s+(?:will\s+|won't\s+|'ll\s+)(?:not\s+)?", re.I), "will "),
    (re.compile(r"\b(?:won't|shan't)\b", re.I), "will"),
    (re.compile(r"\b(?:is|are|am)\s+(?:not\s+)?going\s+to\b|\b(?:isn't|aren't)\s+going\s+to\b", re.I), "will"),
    # the verb shortened: "He's not going to leave alive" claims "He will leave alive"
    (re.compile(r"(?<=\w)'(?:s|re|m)\s+(?:not\s+)?going\s+to\b", re.I), " will"),
    (
        re.compile(
            # "isn't likely to help rebalance trade", "it's just unlikely to align that way", 'Artemis III is
            # "unlikely to occur in 2025 as planned"'
            rf"(?:\b(?:is|are|was|were|remains?|looks?|seems?|appears?)|(?<=\w)'(?:s|re))(?:\s+not|n't)?\s+"
            rf"(?:widely\s+|now\s+|also\s+|both\s+|all\s+|each\s+|generally\s+|just\s+|really\s+)?{_ADVERB}?[\"\u201c]?"
            r"(?:un)?(?:likely|expected|forecast|forecasted|projected|predicted|anticipated|estimated|tipped|set|poised|"
            r"bound|due|certain|"
            # ... before a verb: "it's set to Treasury rules" is a setting, not a forecast
            r"on\s+track|on\s+course)\s+to\b(?=,?\s+(?-i:[a-z]))",
            re.I,
        ),
        lambda m: " will" if m.group(0).startswith("'") else "will",
    ),
    (
        re.compile(r"\b(?:may|might|could)\s+(?:well\s+|yet\s+|even\s+|also\s+|eventually\s+)?(?:not\s+)?", re.I),
        lambda m: m.group(0) if _month_may(m) else "will ",
    ),
    (re.compile(r"\b(?:would|should)\s+(?:not\s+)?(?=[a-z])", re.I), "will "),
    # an aside between commas: "we won't get back to 2019 levels until, maybe, 2023", "They were, also, no doubt,"
    (
        re.compile(
            r",\s*(?:(?:also|too),\s*)?(?:perhaps|possibly|maybe|probably|likely|undoubtedly|no\s+doubt|surely|"
            r"certainly),\s*",
            re.I,
        ),
        " ",
    ),
    (re.compile(r"\b(?:perhaps|possibly|maybe|probably|likely|almost\s+certainly|certainly|undoubtedly)\s+", re.I), ""),
    # an earlier forecast the claim is measured against is not the claim's hedge: "for longer than expected",
    # "at higher index levels than previously anticipated", "from the previously expected level", "the predicted
    # surge": the neutral word is "forecast"
    (
        re.compile(
            r"\bthan\s+((?:(?!(?:is|are|was|were|be|been)\s)[\w'.\-]+\s+){0,3}?)(?:expected|anticipated|predicted)\b",
            re.I,
        ),
        r"than \1forecast",
    ),
    # ... written as one word, "better-than-expected sales", "a slower-than-anticipated rate", or "as predicted"
    (re.compile(r"\b(than-)(?:expected|anticipated|predicted)\b", re.I), r"\1forecast"),
    (
        re.compile(
            r"\bas\s+((?:previously|earlier|widely|originally|initially)\s+)?(?:expected|predicted|anticipated)\b"
            r"(?!\s+(?:that|to)\b)",
            re.I,
        ),
        r"as \1forecast",
    ),
    # ... or a figure's own clause: "significantly less than the 4.5 percent it had earlier predicted", "up from the
    # $36 billion they predicted at the body's annual general meeting in June"
    (
        re.compile(
            r"(?<=[\w%)])\s+(it|they|we|he|she)\s+((?:had|has|have)\s+)?((?:earlier|previously|initially|originally)\s+)?"
            r"(?:predicted|expected|anticipated)(?=\s*$|\s*[,.;)]|\s+(?:at|in|on|last|earlier|for|by)\b)",
            re.I,
        ),
        r" \1 \2\3forecast",
    ),
    # "fewer rate cuts next year than markets anticipate", "a lot larger than Obama is predicting"
    (
        re.compile(
            r"\bthan\s+((?:[\w'.\-]+\s+){1,3}?(?:(?:is|are)\s+)?)(?:expect|anticipate|predict)(s|ing)?\b"
            r"|\bthan\s+((?:[\w'.\-]+\s+){1,3}?)anticipat(ing)\b",
            re.I,
        ),
        lambda m: f"than {m.group(1) or m.group(3)}forecast{m.group(2) or m.group(4) or ''}",
    ),
    (
        re.compile(
            r"\b(the|a|an|its|their)\s+((?:previously|initially|originally|bullish|bearish|base)\s+)?"
            r"(?:expected|predicted|anticipated)\s+(?=[a-z])",
            re.I,
        ),
        lambda m: (
            f"{'a' if m.group(1) == 'an' else 'A' if m.group(1) == 'An' else m.group(1)} {m.group(2) or ''}forecast "
        ),
    ),
    # a participle after its noun: "with significant growth expected in China and India", "the 10 million
    # predicted in the U.S.", "a weather pattern expected to develop", "US $95.00 per barrel being anticipated
    # for 2012" (not "is expected in", above)
    (
        re.compile(
            r"(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbe)(?<!\bbeen)(?<=[\w)])\s+(?:expected|predicted|anticipated)"
            # "down from growth of 2.25 million bpd expected last month"
            r"(?=\s+(?:in|by|for|to|during|over|this|next|from|last|earlier|previously)\b)",
            re.I,
        ),
        " forecast",
    ),
    # "slowly but surely" is a manner, not a likelihood
    (re.compile(r"\bslowly\s+but\s+surely\b", re.I), "gradually"),
    # a verbless judgement at the end: "A full-scale invasion before 2027 is highly unlikely"
    (
        re.compile(
            rf"\s+(?:is|are|remains?|looks?|seems?)\s+(?:not\s+)?(?:therefore\s+|thus\s+|now\s+)?{_ADVERB}?"
            r"(?:un)?(?:likely|probable|improbable|doubtful|certain|possible|a\s+(?:real|distinct|serious)\s+possibility)"
            # ... or followed by its reasons: "is highly unlikely: the PLA has not fought a war since 1979"
            r"\s*(?:[:;].*)?$",
            re.I,
        ),
        "",
    ),
    # ... and one followed by its window: "A full-scale invasion remains unlikely in this time frame"
    (
        re.compile(
            rf"\s+(?:is|are|was|were|remains?|looks?|seems?)\s+(?:not\s+)?{_ADVERB}?(?:un)?(?:likely|probable|improbable)"
            r"(?=\s+(?:in|by|before|within|during|this|next|over|until|anytime)\b)",
            re.I,
        ),
        " occurs",
    ),
    (re.compile(r"^the\s+(?:most\s+)?likely\s+", re.I), "the "),
    (
        re.compile(r"\s+(?:has|have)\s+become\s+(?:very\s+|highly\s+|more\s+|increasingly\s+)?(?:un)?likely\s*$", re.I),
        "",
    ),
    # "GDP is forecasted at 2.5% for 2025"
    (
        re.compile(
            r"\b(?:is|are)\s+(?:now\s+)?(?:forecast|forecasted|projected|expected|seen|estimated)\s+(?=at\b)", re.I
        ),
        "will be ",
    ),
    (
        re.compile(
            r",?\s*(?:with|at|has)\s+(?:a|an)\s+(?:about\s+|around\s+)?\d[\d.]*\s*(?:%|per\s*cent|percent)\s*"
            r"(?:likelihood|chance|probability)\b",
            re.I,
        ),
        "",
    ),
    (re.compile(r"\s*[;,]\s*I'?m\s+\d+%\s+sure\s+of\s+that\.?$", re.I), ""),
    # "Spain will win the 2026 World Cup, with a probability of 16% or 17%", "a recession (35% odds)"
    (
        re.compile(
            r",?\s*(?:with|at)\s+(?:a|an)\s+(?:chance|probability|likelihood)\s+of\s+(?:about\s+|around\s+)?"
            r"\d[\d.]*\s*(?:%|per\s*cent|percent)(?:\s+(?:or|to)\s+\d[\d.]*\s*(?:%|per\s*cent|percent))?",
            re.I,
        ),
        "",
    ),
    (
        re.compile(r"\s*\(\d[\d.]*\s*%?(?:\s*[-\u2013]\s*\d[\d.]*)?\s*%\s+(?:odds|probability|chance)\)", re.I),
        "",
    ),
    # "A favorable situation, having a 10% chance, might drive ...", "this will happen (there is a 15% chance)"
    (
        re.compile(
            r",\s*(?:having|with|given)\s+(?:a|an)\s+\d[\d.]*\s*(?:%|per\s*cent|percent)\s+(?:chance|probability|likelihood)\s*,",
            re.I,
        ),
        "",
    ),
    (
        re.compile(
            r"\s*\((?:there\s+is\s+|with\s+)?(?:a|an)\s+\d[\d.]*\s*(?:%|per\s*cent|percent)\s+"
            r"(?:chance|probability|likelihood)\)",
            re.I,
        ),
        "",
    ),
    # "Macro policies are likely to remain loose, judging by ...": the evidence, not the claim
    (re.compile(r",\s+judging\s+(?:by|from)\b.*$", re.I), ""),
]


def _month_may(modal: re.Match[str]) -> bool:
    """A capitalised "May" inside a sentence, or before a day, a month or a year, is the month (or Theresa May), not
    the modal: "during May and June", "taken May 16-June 5", "the May forecast", "by which May loses the vote"."""
    if not modal.group(0).startswith("May"):
        return False
    return may_is_the_month(modal.string[: modal.start()], modal.string[modal.start() + 3 :])


HEDGE_IN_CLAIM = re.compile(rf"\b(?:{HEDGE_WORDS})\b")
PRONOUN_SUBJECT = re.compile(r"^(?:It|They|He|She|This|That|These|Those|Such\s+\w+|(?:This|That|These|Those)\s+\w+)\b")
_NO_SUBJECT_START = {
    "will", "would", "is", "are", "be", "to", "and", "but", "or", "if", "when", "which", "that", "with", "as",
    "likely", "probably", "perhaps", "possibly", "maybe", "could", "may", "might", "also", "even", "then", "so",
    "not", "it", "they", "this", "he", "she", "these", "those", "by", "in", "over", "within",
}  # fmt: skip


def _expect_to(claim: str) -> re.Match[str] | None:
    """ "Analysts expect X to rise": not "see a 6% probability that Putin will cease to be" (a chance, a clause)."""
    expect = _EXPECT_TO.match(claim)
    # ... nor "The forecast gives Democrats a 75 percent chance to take the House" (a chance, claimed elsewhere)
    # ... nor "Qatar's North Field East project is due to start" ("project" is a noun), "Dr Cullen expects to
    # continue to run" (the subject's own plan)
    if expect and (
        re.search(r"\bwill\b|%|\bthat\b|\bchances?\b|\bodds\b|\bprobability\b", expect.group("subject"))
        or re.match(r"(?:is|are|was|were|has|have|had|to)\b", expect.group("subject"))
    ):
        return None
    return expect


def rewrite(quote: str, *, positive: bool = True) -> str:
    """The proposition of a quote, without its frame or its hedge (no date added).

    `positive=False` keeps a negation: a stated number is the chance of the sentence as
    written ("Trump will not be impeached. 80%"), so its claim keeps the "not".
    """
    claim = " ".join(to_plain(quote).split())
    claim = re.sub(r"(?<=\w)'ll\b", " will", claim)  # "you'll" -> "you will", not "youwill"
    # "However, in the unlikely event that Democrats win ..., there could be ...": a condition
    claim = re.sub(
        r"^[\"']?(?:however,?\s+|but\s+|and\s+)?in\s+the\s+(?:\w+\s+)?event\s+(?:that\s+)?", "if ", claim, flags=re.I
    )
    # a condition put as a question: "should the Fed cut rates, stocks will rally" is "if the Fed cuts ...";
    # alone ("however, should the revolution follow our high disruption scenario") it is the claim that it
    # comes true: "the revolution will follow ..."
    inverted = re.match(
        r"^[\"']?(?:however,?\s+|but\s+|and\s+)?should\s+(?P<subject>(?:the|this|that|its|their|our)\s+\w[\w\-]*)\s+"
        r"(?!(?:not|be|have)\b)(?=[a-z]+\b)",
        claim,
        re.I,
    )
    if inverted and re.match(r"[^,]{3,120},\s+\S", claim[inverted.end() :]):
        claim = f"if {inverted.group('subject')} {claim[inverted.end() :]}"
    elif inverted:
        claim = f"{inverted.group('subject')} will {claim[inverted.end() :]}"
    conditional = re.match(
        r"^[\"']?(?:but\s+|and\s+)?(?P<cond>(?:even\s+)?if\s+[^,]{3,120}),\s+(?P<rest>.+)$", claim, re.I
    )
    if conditional:
        # "If X, Y will ..." is claimed as "Y will ... (if X)": the condition stays with it
        condition = conditional.group("cond")
        rest = conditional.group("rest").rstrip(" .\"'")
        claim = f"{rest} ({condition[:1].lower()}{condition[1:]})"
    expect = _expect_to(claim)
    if expect:
        claim = f"{expect.group('subject')} will {expect.group('verb')}{_and_to(claim[expect.end() :])}"
    # the columnist's imperative: "After Total-Eren and BP-Lightsource, expect Chevron to buy Brookfield" claims
    # "After Total-Eren and BP-Lightsource, Chevron will buy Brookfield"
    claim = re.sub(r"(^|,\s+)[Ee]xpect\s+((?:[\w\-]+\s+){1,7}?)to\s+(?=[a-z])", r"\1\2will ", claim)
    if not positive:
        claim = re.sub(r"\bwon't\b|\bwill\s+not\b", "will \x00", claim, flags=re.I)
    else:
        # the outcome's noun denied: "UKIP will win no seats" claims "UKIP will win seats"
        claim = re.sub(rf"\bwill\s+{NO_OBJECT}", lambda m: f"will {m.group('verb')} ", claim, flags=re.I)
        # the positive of "won't get back to 2019 levels until 2023" is "will get back ... before 2023"
        claim = re.sub(
            r"\b(won't|(?:will|would)\s+(?:\w+ly\s+)?not|wouldn't)\b([^,;.]{1,80}?)\buntil\b",
            r"\1\2before",
            claim,
            flags=re.I,
        )
    claim = claim.strip(" .\"'")
    for _ in range(2):
        claim = _SOURCE_LEAD.sub("", claim)
        for pattern in _FRAMES:
            claim = pattern.sub("", claim).strip(" .,\"'")
    claim = re.sub(rf"^{_LIKELIHOOD}\s+", "", claim, flags=re.I)  # "certainly in 2024, there is ..."
    lead, clause = _LEAD.match(claim), False
    if not (lead and _TIME_OR_PLACE.search(lead.group("lead"))):
        lead, clause = _YEAR_LEAD.match(claim) or _CLAUSE_LEAD.match(claim), True
    if (
        lead
        and not re.search(r"%|\bper\s*cent\b|\bpercent\b", lead.group("lead"))
        and len(lead.group("rest").split()) >= 3
    ):
        rest = rewrite(lead.group("rest"), positive=positive)
        if not clause or " will " in f" {rest} ":  # a clause or a bare year goes after a "will" only
            # a leading clause that is itself an expectation ("As we expect X to ..., we expect Y to ...") is
            # a comparison, not a condition of the claim
            claim = rest if clause and hedge_words(lead.group("lead")) else _with_lead(rest, lead.group("lead"))
            return claim[:1].upper() + claim[1:]
    claim = without_chance(claim)
    expect = _expect_to(claim)
    if expect:
        claim = f"{expect.group('subject')} will {expect.group('verb')}{_and_to(claim[expect.end() :])}"
    elif re.search(r"\b(?:expects?|anticipates?|predicts?)\b", claim):
        # "a mild recession next year and we expect earnings expectations also come in": both are claimed
        claim = re.sub(
            r"\b(and|but)\s+(?:I|we)\s+(?:also\s+|now\s+)?(?:expect|anticipate)\s+(?:that\s+)?(?!to\s)", r"\1 ", claim
        )
        # "if conditions remain difficult, we expect the situation will change": the clause with its own "will"
        claim = re.sub(
            r",\s+(?:I|we)\s+(?:also\s+|now\s+|still\s+)?(?:expect|anticipate|predict)\s+(?:that\s+)?"
            r"(?=[^.;,]{1,80}?\bwill\b)",
            ", ",
            claim,
        )
        claim = _later_expectation(claim)
    for pattern, replacement in _REWRITES:
        claim = pattern.sub(replacement, claim)
    claim = re.sub(r"\bwill\s+will\b", "will", claim).replace("\x00", "not")
    # what follows a colon after a whole "will" clause explains it: "This baseline forecast will materialize:
    # the normal bell distribution has been replaced by one with fat tails"
    claim = re.sub(
        r"^(.{12,}?\bwill\s+\w+.*?)\s*:\s+(?=[^:]*?\b(?:is|are|was|were|has|have|had)\s)(?:the|a|an|this|it|there)\b.*$",
        r"\1",
        claim,
        flags=re.I,
    )
    if claim.count('"') % 2:
        claim = claim.replace('"', "")  # a quotation cut in half by the clause: 'territory" in the second quarter'
    claim = re.sub(r"\s+", " ", claim).strip(" ,.;:\"'")
    return claim[:1].upper() + claim[1:]


def _and_to(rest: str) -> str:
    """The rest of an expectation, whose second object is expected too: "prices to hit $7 and oil to soar to $200"
    reads "prices will hit $7 and oil will soar to $200"."""
    return re.sub(
        r"\b(and|but)\s+((?!(?:then|not|more|less|also|still|further|even|so|only)\b)(?:the\s+)?[\w$%.'\-]+"
        r"(?:\s+(?![\w'\-]+ly\b)[\w$%.'\-]+){0,3}?)\s+to\s+(?!(?:the|a|an|its|their|his|her|our|my)\b)(?=[a-z])",
        r"\1 \2 will ",
        rest,
        count=1,
    )


def _later_expectation(claim: str) -> str:
    """The expectation a later clause states, when the claim does not open with it."""
    for later in _EXPECT_LATER.finditer(claim):
        if not re.search(r"\bwill\b|%|\s(?:that|which)\s", later.group("subject")):
            return f"{later.group('subject')} will {later.group('verb')}{claim[later.end() :]}"
    # "PANews reported on September 16 that according to Jinshi Data, ... strategist Francois Rimeu predicts that
    # the Federal Reserve will start an interest rate cut cycle this week"
    # ... or without "that", when the clause has its own "will": "Even under the BAU scenario, BP predicts global
    # oil demand will peak by the mid-2020s"
    that = re.search(
        r"(?:^|,\s+)[^,;]{0,80}?\b(?:predicts?|expects?|anticipates?)\s+(?:that\s+(?=\S+\s+\S+)|"
        r"(?!to\s|that\s)(?=[^,;]{1,60}?\swill\s))",
        claim,
    )
    if that:
        return claim[that.end() :]
    noun = _EXPECTS_NOUN.search(claim)
    if (
        noun
        # ("due to the widespread delta variant" is a cause, not "X to rise")
        and not re.search(r"\bwill\b|\sto\s+(?!(?:the|a|an|its|their|his|her|our)\b)[a-z]", noun.group("what"))
        and not re.search(r"\b(?:to|will|which|who|would|should)\b", noun.group("who"))
    ):
        # ... with what is said of it after a comma: "expects worldwide chip sales of $219.7 billion for 2009, a
        # decline of 11.6 percent from 2008"
        return noun.group("what") + (noun.group("aside") or "")
    return claim


def _with_lead(claim: str, lead: str) -> str:
    """`claim` with a leading time or place moved after its main clause."""
    start = claim.find(" will ")
    if start < 0 and not re.search(r"\b(?:has|have|had|is|are|was|were|and)\b", claim):
        # a verbless proposition: "Prices on average for WTI of $45 in the first quarter of next year"
        return f"{claim} {lead[:1].lower()}{lead[1:]}"
    if start < 0 or re.search(r"\b(?:has|have|had|is|are|was|were)\b", claim[:start]):
        # no "will" of the first clause to hang it on: the lead stays in front
        return f"{lead}, {claim[:1].lower()}{claim[1:]}" if claim[:2] != "I " else f"{lead}, {claim}"
    boundary = _AFTER_CLAUSE.search(claim, start)
    at = boundary.start() if boundary else len(claim)
    return f"{claim[:at]} {lead[:1].lower()}{lead[1:]}{claim[at:]}"


def suggest_claim(quote: str, deadline: date | None, *, subject: str = "", positive: bool = True) -> str:
    """A first draft of the checkable claim, stated positively, for the editor to edit.

    `subject` replaces a leading pronoun ("It will ...") when the sentence before names it.
    """
    claim = rewrite(quote, positive=positive)
    if subject:
        subject = rewrite(subject) if len(subject.split()) > 3 else subject
        if PRONOUN_SUBJECT.match(claim):
            claim = re.sub(r"^(?:It|They|He|She)\b", subject, claim)
        elif re.match(
            r"[^\w$-]*(?:(?:and|then|before|after|but)\s+)*(?:[a-z]|[-$\d])", to_plain(quote)
        ) or not has_subject(claim):
            # a link split off a longer sentence keeps the sentence's subject
            claim = re.sub(r"^(?:(?:is|are)\s+)?to\s+(?=[a-z])", "", claim, flags=re.I)  # "and to reach": "will reach"
            verb = claim.split()[0].lower() if claim else ""
            joins = ("will", "in", "within", "before", "until", "by", "this", "next", "for", "during", "over")
            will = "" if verb in joins or verb.endswith(("s", "ed")) or " will " in f" {subject} " else "will "
            figure = re.match(rf"(?:(?i:to)\s+)?(?=[-$\u20ac\u00a3]?\d)(?!(?:19|20)\d\d\b(?!\s*{_UNIT}))", claim)
            if will and figure:
                # a link that is only a figure lost the head's verb: "and 2 per cent in 2003" after "mainland GDP
                # growth is estimated at 1 3/4 per cent in 2002" reads "Mainland GDP growth will be 2 per cent in
                # 2003", not "... will 2 per cent in 2003"
                will, claim = "will be ", claim[figure.end() :]
            joined = f"{subject} {will}{claim[:1].lower()}{claim[1:]}"
            # ... but a bare year ("and 2019" after "growth to be 3.7 per cent in 2018") or a subject that took
            # no verb makes no sentence: the link keeps its own words, and the editor is told (lacks_verb)
            claim = claim if lacks_verb(joined) else joined
        claim = claim[:1].upper() + claim[1:]
    if deadline is not None:
        claim = f"{claim} (by {deadline.isoformat()})"
    return claim


def hedge_words(claim: str) -> list[str]:
    """The estimative words left in a claim (a claim an editor accepts as written has none)."""
    return [m.group(0) for m in HEDGE_IN_CLAIM.finditer(to_plain(claim))]


# "will" with no verb after it: "China will 39% in 2030", "The will 2019", "It then will by 3.7% in 2013"
_WILL_WITHOUT_VERB = re.compile(
    r"\bwill\s+(?:[-$\u20ac\u00a3]?\d|(?:by|in|and|of|to|for|at)\s+[-$\u20ac\u00a3]?\d|(?:by|in|and|of|to|for)\s+(?:this|next)\b)"
)


def lacks_verb(claim: str) -> bool:
    """Whether a drafted claim has a "will" with no verb after it, or is only a link's year or figure ("2019", left
    as the quote words it when no sentence could be built): not a sentence an editor can accept."""
    plain = to_plain(claim)
    return bool(_WILL_WITHOUT_VERB.search(plain) or re.match(r"(?:(?:and|to|by)\s+)?[-$\u20ac\u00a3]?\d", plain, re.I))


def has_subject(claim: str) -> bool:
    """Whether a claim opens with something it is about, not a verb, a conjunction or a bare pronoun."""
    words = re.findall(r"[\w'%$.\-]+", claim)
    if len(words) < 3:
        return False
    return words[0].lower() not in _NO_SUBJECT_START and not PRONOUN_SUBJECT.match(claim)


_SUBJECT_BEFORE_VERB = re.compile(
    r"^(?P<subject>(?:The\s+|A\s+|An\s+)?[A-Z][\w'\-.]*(?:\s+(?:[\w'\-.]+)){0,5}?)\s+"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should|must|said|says|remains?|faces?|"
    r"(?-i:[a-z]+ed))\b"
)


def antecedent(previous_sentence: str) -> str:
    """The subject of the sentence before, to stand in for "It" / "They" / "He" / "She"."""
    found = _SUBJECT_BEFORE_VERB.match(" ".join(to_plain(previous_sentence).split()).lstrip("\"' "))
    if not found:
        return ""
    subject = found.group("subject")
    first = subject.split()[0]
    # "In the model used, presidents ...": a prepositional phrase is no subject
    if PRONOUN_SUBJECT.match(subject) or first in ("I", "We", "There", "Here", "But", "And", "If") or first.lower() in {
        "in", "on", "at", "by", "for", "with", "from", "after", "before", "during", "over", "under", "as", "to",
    }:  # fmt: skip
        return ""
    return subject
