"""Stated chances: numbers ("a 30% chance", "one in four", "(12-18%)", "a roughly two-thirds chance"),
and odds and lines ("13/2 favourites", "3 to 1", "+220") where the text is about betting or a model's
chances. Each pattern's match gives one probability (stated_value).
"""

from __future__ import annotations

import re

from .segments import in_list_item
from .words import TRAILING

# a capital letter, accented ones included ("\u00c9", "\u015a")
_CAPITAL = "[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f]"
_FRACTIONS = {
    r"two[\s-]thirds": 2 / 3, r"one[\s-]third|a\s+third": 1 / 3, r"three[\s-]quarters": 0.75,
    r"one[\s-]quarter|a\s+quarter": 0.25, r"one[\s-]half": 0.5,
}  # fmt: skip
# numbers written as words: "a five per cent chance", "one in three", "nine out of ten"
_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "seventy-five": 75, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
# ... those a percentage is written with
_SPELT_PERCENT = "|".join(word for word in _NUMBER_WORDS if word != "hundred")
_PERCENT = r"(?P<num>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)"
# "one in 63,000": a number with thousands too
_ONE_IN = (
    r"(?P<a>one|two|three|four|five|\d+)[\s-]+in[\s-]+"
    r"(?P<b>two|three|four|five|six|ten|twenty|hundred|\d{1,3}(?:,\d{3})+|\d+)"
)
_APPROXIMATELY = (
    r"(?:about\s+|around\s+|roughly\s+|nearly\s+|something\s+like\s+|some\s+|only\s+|just\s+|perhaps\s+|maybe\s+|close\s+to\s+|"
    r"near\s+|almost\s+|at\s+least\s+|at\s+most\s+|less\s+than\s+|more\s+than\s+|over\s+|under\s+|"
    # "the chance of having one or more magnitude 6.7 or larger earthquakes ... over the next 30 years is greater than
    # 99%"
    r"(?:greater|higher|lower|smaller)\s+than\s+|"
    r"no\s+(?:worse|better|more|less|higher|lower)\s+than\s+|"
    # a bound as a sign: "(probability >99%)"
    r"[<>]\s*)"
)
# Dots inside a sentence: "U.S. recession", "3.5 per cent".
_SAME_SENTENCE = r"(?:[^.;!?%]|\.(?=\w|\s+[a-z]))"
# "with 99.8% certainty" (not a statistic's "95% confidence interval"); "There is a 9 percent possibility of excess
# rainfall"
_PROB_NOUN = (
    r"(?:chances?|probability|possibility|likelihood|odds|risk|sure|certain|certainty|confident|confidence(?!\s+(?:interval|level)s?\b)"
    r"|edge|shot)"
)
# "just under 69%", "a bit over 11%", "approx. 88%"
_NEAR = (
    rf"(?:(?:just|a\s+bit|slightly|approx\.?|approximately)\s+(?:over\s+|under\s+|below\s+|above\s+)?|{_APPROXIMATELY})"
)
STATED_PATTERNS = [
    # "a 40 to 50 percent chance": the middle of the range
    re.compile(
        r"\b(?P<lo>\d{1,2})\s*(?:%\s*)?(?:to|-|\u2013)\s*(?P<hi>\d{1,3})\s*(?:%|per\s*cent\b|percent\b)\s+"
        r"(?:chance|probability|likelihood|odds|risk)\b",
        re.I,
    ),
    # "in the remaining 80% of cases, the Democrats will win the House", "that happens in less than 1 percent of
    # simulations"
    re.compile(
        rf"\b(?:in\s+(?:the\s+)?|the\s+)(?:remaining\s+|other\s+)?{_APPROXIMATELY}?{_PERCENT}\s+of\s+(?:the\s+)?(?:cases|simulations|scenarios|runs|"
        r"outcomes|trials|time)\b",
        re.I,
    ),
    # "Trump wins in 52 out of 100 simulations", "a majority in 9 out of 10 scenarios"
    re.compile(
        r"\b(?P<a>\d{1,3})\s+(?:out\s+)?of\s+(?:the\s+|our\s+)?(?P<b>\d{1,5}|ten|hundred)\s+"
        r"(?:times|simulations|scenarios|runs|trials|model\s+runs)\b",
        re.I,
    ),
    # "a 75% subjective probability", "a 15% estimated chance"; a scraped page may lose the space before the noun
    # ("75%chance that the Conservatives get the most seats")
    re.compile(rf"\b{_PERCENT}\s*(?:(?:subjective|estimated|implied|overall|cumulative)\s+)?(?:{_PROB_NOUN})\b", re.I),
    # a number spelt out: "there is a five per cent chance of excess rainfall", "there is only one percent probability
    # of deficient rainfall", "a zero per cent chance of drought" (before a chance noun's later figure takes it: "a
    # zero per cent chance of drought (seasonal rainfall of less than 90 per cent of LPA)")
    re.compile(rf"\b(?P<spelt>{_SPELT_PERCENT})\s*(?:per\s*cent|percent)\s+(?:{_PROB_NOUN})\b", re.I),
    # "a cut by March is at least 90% likely", "the Fed is 80% likely to cut"
    re.compile(rf"\b{_APPROXIMATELY}?{_PERCENT}\s+(?:likely|probable)\b", re.I),
    # ... or a side's hopes, the noun: "Villa's title hopes are said to be just 1.94%" (not "the Fed hopes to")
    # (not the noun of a compound adjective: "an extreme, low-probability case in which ... tariffs of 45%")
    re.compile(
        r"(?:(?<!-)\b(?:chances?|probability|probabilities|likelihood|odds|risk|prospects?)"
        r"|(?:(?<='s\s)|(?<=\u2019s\s)|(?<=\btheir\s)|(?<=\bhis\s)|(?<=\bher\s)|(?<=\bits\s))(?:[\w\-]+\s+)?hopes)"
        # (the outcome may be long: "the probability that the UK-mean temperature for November-December-January
        # will fall into the coldest of our five categories is 30%")
        rf"\b{_SAME_SENTENCE}{{0,120}}?"
        rf"\b(?:at|is|are|of|to|be|stands\s+at|as\s+high\s+as|as\s+low\s+as)\s+"
        rf"{_APPROXIMATELY}?{_PERCENT}",
        re.I,
    ),
    # ... or after a colon, a scenario's label that closes its sentence: "The “bad muddle-through” Odds: 35%."
    re.compile(rf"\b(?:chances?|probability|likelihood|odds)\s*:\s*{_APPROXIMATELY}?{_PERCENT}(?=\s*(?:[.;]|$))", re.I),
    # ... or in brackets after the outcome: "COALITION WINS ELECTION (probability >99%)"
    re.compile(rf"\(\s*(?:chances?|probability|likelihood|odds)\s*:?\s*{_APPROXIMATELY}?{_PERCENT}\s*\)", re.I),
    # a chance revised: "The probability that a bullish expected scenario will come true increased from 10%
    # to 20%" (the new value)
    re.compile(
        rf"\b(?:chances?|probability|likelihood|odds|risk)\b{_SAME_SENTENCE}{{0,90}}?"
        # ... or nudged: "the chance of a runoff ticked up from 1.8% to 3.8%"
        r"\b(?:increased|rose|raised|lifted|climbed|jumped|cut|lowered|fell|dropped|decreased|reduced|revised|ticked|"
        r"edged|inched|crept|slipped|dipped)\s+"
        rf"(?:\w+\s+)?from\s+\d{{1,3}}(?:\.\d+)?\s*(?:%|per\s*cent|percent)\s+to\s+{_APPROXIMATELY}?{_PERCENT}",
        re.I,
    ),
    re.compile(
        rf"\b(?:I'd|I\s+would|I|we|we'd)\s+(?:say|put\s+it\s+at|give\s+it|estimate|reckon|guess|think)\s+"
        rf"(?:about\s+|around\s+|roughly\s+|maybe\s+|perhaps\s+)?{_PERCENT}",
        re.I,
    ),
    # "a 1 in 7 (or 12 percent) chance": the percentage the text gives
    re.compile(
        rf"\b(?:one|two|three|four|five|\d+)[\s-]+in[\s-]+(?:\w+)\s*\(\s*(?:or\s+)?(?:about\s+|roughly\s+)?{_PERCENT}\s*\)"
        r"\s+(?:chance|probability|odds|shot)\b",
        re.I,
    ),
    # "predicts a one in three risk of a UK house price fall by 2017"
    re.compile(rf"\b{_ONE_IN}\s+(?:chance|probability|odds|shot|risk)\b", re.I),
    # a chance of nothing: "Poll respondents saw zero chance of Dubai's residential property market recovering in 2011"
    # (not a rule of method: "never to give zero probability to non-impossible events")
    re.compile(r"\b(?P<zero>zero)\s+(?:chance|probability|likelihood)\s+(?:of|that)\b", re.I),
    # "a roughly two-thirds chance of a recession"
    re.compile(rf"\b(?P<fraction>{'|'.join(_FRACTIONS)})\s+(?:chance|probability|odds|likelihood)\b", re.I),
    # a scenario's weight: "we now assign a weight of 45% to Scenario 1", "In Scenario 2 (35% weight)"
    re.compile(rf"\bweight(?:ing)?\s+of\s+{_PERCENT}\s+to\s+(?:the\s+|our\s+|a\s+)?(?:\w+\s+)?scenario\b", re.I),
    re.compile(rf"(?<=\()\s*{_PERCENT}\s+(?:weight|weighting)(?=\s*\))", re.I),
    # a model's share with its side: "Senate Forecast 58% R take the Senate, 42% Dems keep it" (odds talk only)
    re.compile(
        rf"(?<![\w.]){_PERCENT}(?P<listed>)\s+(?-i:[A-Z][\w.]*)\s+(?:take|keep|win|hold|retain|control|flip|capture)s?\b"
    ),
    # "Leo, the New York Times model, pegs it at 67 percent"
    re.compile(
        rf"\b(?:pegs?|puts?|placed?|places)\s+(?:it|them|this|that)\s+(?:at\s+)?{_APPROXIMATELY}?{_PERCENT}", re.I
    ),
    # a split: "the Packers as about a 53/47 favorite"; fractional odds: "13/2 favourites"
    re.compile(
        r"\b(?P<n>\d{1,2})/(?P<d>\d{1,2})\s+(?:favou?rites?|shots?|underdogs?|outsiders?|split|chance|to\s+win|odds)\b",
        re.I,
    ),
    # odds against: "Houston might seem outlandish at 66 to 1" (only where betting is the subject)
    # (not a year and a figure: "by 1.2 percent in 2025 to 1.82 billion mt")
    re.compile(
        r"\b(?!(?:19|20)\d\d\b)(?P<against>\d{1,4}(?:\.\d+)?)(?:\s+to\s+|-to-|\s*/\s*|-(?=1\s+to\s+win\b))1\b(?![\d/]|\.\d)",
        re.I,
    ),
    # a moneyline: "New England (-188)", "+20,000 to win it all" (only where betting is the subject)
    re.compile(
        r"(?<![\w.$/])(?P<sign>[+-])(?P<line>[1-9]\d{2,4}|[1-9]\d{0,2}(?:,\d{3})+)(?![\d.,]*\d)(?!\s*(?:%|per))"
    ),
    # a list of chances: "Eagles at 20%" under "The Four Clear SB Favorites" (only near odds talk)
    re.compile(
        rf"(?P<listed>^)\W*(?-i:[A-Z][\w.&'\-]*)(?:\s+(?-i:[A-Z][\w.&'\-]*)){{0,2}}\s+at\s+{_PERCENT}\s*\.?\s*$"
    ),
    re.compile(rf"\bis\s+(?P<listed>)(?-i:[A-Z][\w.&'\-]*)\s+at\s+{_PERCENT}\s*\.?\s*$"),
    re.compile(
        r"\b(?:chance|probability|likelihood|odds)\b[^.;%]{0,30}?\(?(?P<lo>\d{1,2})\s*[-\u2013]\s*(?P<hi>\d{1,2})\s*%",
        re.I,
    ),
    # a prediction list gives each item its number after it: "No recession in 2019. 80%"
    re.compile(rf"{TRAILING}\(?(?P<num>\d{{1,3}}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)\)?\.?\s*$", re.I),
    # a model's or a bookmaker's number for a side: "We favour City by just 2% as winners at 38.4%",
    # "bookmakers much more confident at 64%", "having Utd on just under 69% to win" (only near odds talk)
    re.compile(
        rf"\b(?:favou?r\w*\s+(?-i:[A-Z])|confident\b|giv(?:e|es|ing)\s+(?-i:[A-Z]))(?:[^.;]|\.(?=\d)){{0,60}}?\bat\s+"
        rf"(?P<listed>){_NEAR}?{_PERCENT}",
        re.I,
    ),
    re.compile(rf"\bon\s+(?P<listed>){_NEAR}?{_PERCENT}\s+to\s+win\b", re.I),
    # a ranking of chances: "Second is Manchester City, with a bit over 11%" (only near odds talk)
    re.compile(rf",\s+with\s+(?P<listed>){_NEAR}?{_PERCENT}\s*\.?\s*$", re.I),
    # ... by place: "In second place are the Spaniards with 17%, and in third place are the Germans (13%)"
    re.compile(
        rf"\b(?:first|second|third|fourth|fifth|next|last)\s+place\b[^.;%]{{0,40}}?(?:\bwith\s+|\()"
        rf"(?P<listed>){_NEAR}?{_PERCENT}",
        re.I,
    ),
    # the next items of a list of chances in one sentence: "the win probabilities are ..., with 1917 at 71%,
    # Joker at 10% and Parasite only at 2%", "Brazil will win with a 16.81% probability, followed by Germany with
    # 15.80%" (only after a chance word earlier in the sentence); the verb left out after a semicolon: "leaders
    # Arsenal have a 22.4% chance; Spurs 0.4%, Newcastle 0.3% and Man Utd also 0.3%"
    re.compile(
        rf"(?:(?<=,\s)|(?<=\band\s)|(?<=\bfollowed\sby\s)|(?<=;\s)|^)(?P<in_list>)(?-i:[A-Z][\w.&'\-]*|\d{{4}})"
        rf"(?:\s+(?-i:[A-Z][\w.&'\-]*)){{0,2}}\s+(?:only\s+|just\s+|also\s+)?(?:(?:at|with|on)\s+)?{_NEAR}?{_PERCENT}",
    ),
    # a model's chance in brackets after a contender's name: "Carlos Alcaraz (16.2%) is favoured over Novak
    # Djokovic (12.6%) to win Wimbledon" (only near talk of winning: CONTEST); a name may open on an accented
    # capital ("Iga \u015awi\u0105tek (11.7%) is our favourite")
    re.compile(
        rf"(?-i:[A-Z][\w.'\-]*\s+{_CAPITAL}[\w.'\-]*)\s+\((?P<bracketed>)\s*{_PERCENT}\s*\)(?!\s*(?:of|in|on)\b)",
    ),
    # "I'd put the odds of a price cap before the end of the year at about one in four"
    re.compile(
        rf"\b(?:chances?|probability|likelihood|odds)\b{_SAME_SENTENCE}{{0,120}}?"
        rf"\b(?:at|is|are|of|to|that|be|as\s+high\s+as|as\s+low\s+as)\s+{_APPROXIMATELY}?{_ONE_IN}\b",
        re.I,
    ),
    # the odds given without the word, which a question or the lead-in named: "I put it that 1 in 3 right now"
    # (not a share of people: "put it that 1 in 3 Americans")
    re.compile(
        rf"\b(?:put|puts|putting)\s+(?:it|them|that)\s+(?:at|that)\s+{_APPROXIMATELY}?{_ONE_IN}\b(?!\s+[A-Za-z]+s\b)",
        re.I,
    ),
]


# Odds and lines are numbers only where the text is about betting or a model's chances.
_BETTING = re.compile(
    r"\b(?:odds|favou?rites?|favou?r(?:ed|s)?|bets?|betting|bookmakers?|bookies|sportsbooks?|priced|futures|moneyline|"
    r"underdogs?|dogs|payouts?|wager\w*|chances?|probabilit\w+|simulations?|models?|forecasts?)\b",
    re.I,
)


def _odds(m: re.Match[str], plain: str, start: int, end: int) -> float | None:
    """The chance an odds expression gives, or None where it is not about a chance."""
    groups = m.groupdict()
    if groups.get("n"):
        n, d = int(groups["n"]), int(groups["d"])
        # "53/47" splits a hundred; "a 7/8 chance" is a fraction; "13/2" is odds against
        if n + d == 100:
            return n / 100
        if n < d and re.match(r"\s*chance", plain[start + m.end("d") :], re.I):
            return n / d
        return d / (n + d)
    # a long list of chances may stand far below the words that say what it is
    if not _BETTING.search(plain[max(0, start - 1000) : end]):
        return None
    if re.match(r"\)?\s*(?:earlier|before|previously|last\s+week|a\s+week\s+ago)\b", plain[start + m.end() :]):
        return None  # "I saw them at -140 earlier": a line that has moved on
    if groups.get("against"):
        odds = float(groups["against"])
        # "3-to-1 favourites" are odds on; "at 3 to 1" and "3-to-1 underdogs" are odds against
        on = re.match(r"\s*(?:favou?rites?|on\b)", plain[start + m.end() : start + m.end() + 12], re.I)
        return odds / (odds + 1) if on else 1 / (odds + 1)
    if groups.get("line"):
        line = float(groups["line"].replace(",", ""))
        return 100 / (100 + line) if groups["sign"] == "+" else line / (line + 100)
    number = next(value for key, value in groups.items() if key == "num" and value)
    return float(number) / 100


# a contest with a winner: where a bracketed number after a name is its chance of winning
CONTEST = re.compile(r"\b(?:favou?r\w*|odds|chances?|probabilit\w*|to\s+win|title|champion\w*|frontrunners?)\b", re.I)


def stated_value(pattern: re.Pattern[str], m: re.Match[str], plain: str, start: int, end: int) -> float | None:
    """The chance a match of one of STATED_PATTERNS states, or None where it states none."""
    if "bracketed" in pattern.groupindex:
        around = plain[max(0, start + m.start() - 300) : start + m.end() + 300]
        return float(m.group("num")) / 100 if CONTEST.search(around) else None
    if "in_list" in pattern.groupindex:
        # the sentence so far (a clause may start at the item itself)
        before = re.split(r"[.!?]\s+(?=[A-Z])", plain[max(0, start + m.start() - 300) : start + m.start()])[-1]
        opened = re.search(r"\b(?:chances?|probabilit(?:y|ies)|odds|likelihood)\b", before, re.I)
        return float(m.group("num")) / 100 if opened else None
    if {"against", "line", "n", "listed"} & set(pattern.groupindex):
        return _odds(m, plain, start, end)
    if m.groupdict().get("bracket") is not None:
        # a bracketed number closes a predictions list's item, not a sentence of prose, and ends its line
        line_ends = re.match(r"[ \t]*(?:\n|$)", plain[start + m.end() :])
        if not line_ends or not in_list_item(plain, start + m.start()):
            return None
        if re.search(
            r"\b(?:half|thirds?|quarters?|fifths?|tenths?)\s*$",
            plain[max(0, start + m.start() - 20) : start + m.start()],
        ):
            # a share restated in figures: "1.5 million families will be on the waiting list for social housing, a
            # rise of 350,000 or almost a third (32%)"
            return None
    if "num" in pattern.groupindex and m.group("num") is not None:
        at = start + m.start("num")
        if re.search(r"\b(?:this|that|these|those)\s+$", plain[max(0, at - 8) : at], re.I):
            # a chance already given, referred back to: "Within this 8% odds there's a 2% chance that Spain and Italy
            # leave too"
            return None
        if re.search(r"(?:^|[^\w.])\.$", plain[max(0, at - 2) : at]) and "." not in m.group("num"):
            # a number with no digit before its point: "there was a .43% chance that the winning score would be
            # 269 or lower" is under half a percent
            return float("0." + m.group("num")) / 100
        return float(m.group("num")) / 100
    if "spelt" in pattern.groupindex:
        return _NUMBER_WORDS[m.group("spelt").lower()] / 100
    if "zero" in pattern.groupindex:
        return 0.0
    if "fraction" in pattern.groupindex:
        return next(v for k, v in _FRACTIONS.items() if re.fullmatch(k, m.group("fraction"), re.I))
    if "lo" in pattern.groupindex:
        return (float(m.group("lo")) + float(m.group("hi"))) / 200  # a range: its midpoint
    a = _NUMBER_WORDS.get(m.group("a").lower()) or int(m.group("a"))
    b = _NUMBER_WORDS.get(m.group("b").lower()) or int(m.group("b").replace(",", ""))
    return a / b if b else 0.0
