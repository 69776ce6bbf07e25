"""A claim without the chance stated around it: "the probability of a recession in 2024 is 35%" is
claimed as "a recession in 2024", "FiveThirtyEight gives Biden a 71% chance of winning" as "Biden will
win", "there's just a 2% chance Taiwan will accuse China" as "Taiwan will accuse China"."""

from __future__ import annotations

import re

_CHANCE_OF = re.compile(
    r"^(?:(?:and\s+)?(?:[^,;]{0,80}?\s|.*?,\s+(?:who|which)\s+)?"
    r"(?:put|puts|place|places|assess|assesses|peg|pegs|agree|agrees|say|says|think|thinks|estimate|estimates|"
    # "The document also points out that the probability of ... is only 20%"
    r"(?:points?|pointed)\s+out\s+that|(?:shows?|showed|finds?|found)\s+that)\s+)?(?:the\s+)?"
    r"(?:chances?|odds|probability|likelihood|risk)"
    # "estimate the chance either side will accuse the other ... this year is just 5%", "The probability for at
    # least one major hurricane making landfall in the Caribbean is 59 percent"
    r"\s+(?:(?:of|that|for)\s+|(?=(?:[\w-]+\s+){1,3}?(?:will|would)\s))(?P<event>.+?)\s+(?:at|is|are|stands\s+at|as|would\s+be|(?:does\s+not|doesn't)\s+exceed|"
    r"(?:has|have)\s+(?:risen|fallen|increased|decreased|dropped|climbed|edged\s+\w+)\s+to|will\s+be|"
    # "The chances of a newly discovered asteroid actually hitting the Earth ... is estimated to be one in 63,000"
    r"(?:is|are)\s+(?:estimated|put|thought|believed|seen)\s+(?:to\s+be|at)|"
    # "The probability that a bullish scenario will come true increased from 10% to 20%", "The odds of a Republican
    # supermajority went from ~82.5 to 80.5 percent"
    r"(?:rose|fell|increased|decreased|dropped|climbed|jumped|went)\s+(?:from\s+~?[\d.]+\s*%?\s+)?to)\s+"
    r"(?:about\s+|around\s+|roughly\s+|only\s+|just\s+|close\s+to\s+|near\s+|nearly\s+|almost\s+|at\s+least\s+|"
    r"no\s+(?:worse|better|more|less)\s+than\s+)?"
    # ("one in 63,000" is one figure)
    r"(?:\d[\d.]*\s*(?:%|per\s*cent|percent)|\w+\s+in\s+(?:\d{1,3}(?:,\d{3})+|\w+)|slim|low|high|good|small)\s*(?P<rest>.*)$",
    re.I,
)
_PERCENT_CHANCE_OF = re.compile(
    # "There are 92 per cent chances of India receiving ...", "The outlook forecasts a 40 percent chance of ..."
    r"^(?:(?:[^;]{0,80}?\b)?there(?:\s+is|'s|\s+are)\s+(?:still\s+|just\s+|only\s+)?|[^;]{0,120}?\b(?:see|sees|put|puts|"
    r"assigns?|estimates?|predicts?|gives?|finds?|found|forecasts?|projects?|suggests?|indicates?|shows?)\s+)?"
    # "there is better than an 80 percent chance that ..."
    # "assign only a ~4% chance that", "there is a 1 in 3 chance that", "put nearly 1-in-3 odds of"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+|nearly\s+|almost\s+|only\s+|just\s+|"
    r"(?:better|more|less)\s+than\s+)?(?:a\s+|an\s+)?"
    r"(?:median\s+|average\s+)?(?:about\s+|around\s+|roughly\s+|approximately\s+|~\s*)?"
    # a percent sign glued to its noun, as scraped tables print it: "75%chance that the Conservatives get the most
    # seats"
    r"(?:\d[\d.]*\s*(?:%\s*)?(?:(?:to|-|\u2013)\s*\d[\d.]*\s*)?(?:%\s*|(?:per\s*cent|percent)\s+)|"
    r"(?:\d+[\s-]in[\s-]\d+|one[\s-]in[\s-]\w+|(?:two|one|three)[\s-](?:thirds?|quarters?))\s+|"
    # ... or in words: "its first-stage forecast suggests high probability of normal monsoon"
    r"(?:high|low|strong|good|small|slim|significant)\s+)"
    r"(?:chances?|probability|likelihood|risk|odds)(?:\s*\([^)]{0,40}\))?\s+(?:(?:of|that|to|for)\s+|(?=(?:the\s+)?(?-i:[A-Z])))",
    re.I,
)

# a stated chance: "a 71% chance", "about a three in four chance", "a chance of 21%", "a one-in-five chance",
# "a 7/8 chance"
# ... or an even one, "a 50-50 chance", "a fifty-fifty chance", or any in words, "a two-in-ten chance"
_NUMBER = (
    r"(?:\d[\d.]*\s*(?:%|per\s*cent|percent)|\d+-in-\d+|\d{1,2}/\d{1,2}|[a-z]+-in-\w+|\w+\s+in\s+\w+|50-50|fifty-fifty)"
)
_STATED_CHANCE = (
    r"(?:(?:about|around|roughly|only|just|at\s+least|better\s+than|less\s+than|more\s+than)\s+)*(?:a|an)\s+"
    # "a huge 55.2% chance", "a reported 65.2 percent chance"
    r"(?:(?:about|around|roughly|better\s+than|less\s+than|more\s+than|huge|reported|mere|slim|modest)\s+)*"
    r"(?:\w+\s+in\s+\w+\s*\(\s*or\s+)?"
    # "a 76% and 75% chance of qualifying respectively"
    rf"(?:{_NUMBER}(?:\s+and\s+{_NUMBER})?\)?\s+(?:chance|probability|likelihood)|"
    rf"(?:chance|probability|likelihood)\s+of\s+{_NUMBER})"
)
# a chance in words, which the estimate reads (the claim is what it is a chance of): "Trump has a negligible chance
# of winning the popular vote", "The United States also has a chance to avoid a recession"
_WORDED_CHANCE = (
    r"(?:a|an)\s+(?:(?:real|genuine|good|decent|fair|reasonable|realistic|strong|slim|small|slight|negligible|outside|"
    r"remote|excellent|great|big|legitimate)\s+)?chance"
)
# "FiveThirtyEight's model gives Biden a 71% chance of winning the election", "the Index isn't far off,
# giving the Raiders a 6.9 percent chance to win", "this gives Labour a chance of 21% becoming the biggest party"
_GIVES = re.compile(
    r"^.{0,160}?\b(?:gives?|giving)\s+(?P<whom>(?:the\s+)?[A-Z$][\w.'\-]*(?:\s+[\w.'$\-]+){0,8}?)\s+"
    rf"(?:{_STATED_CHANCE}|(?:very\s+)?(?:strong|good|high|long|slim|low)\s+odds)\s+(?:of\s+)?"
    r"(?P<event>[a-z].*)$"
)
# "The Chiefs have a 25% chance of winning the Super Bowl", "a third way would have a 10% chance of
# beating Lula", "Down two with five to go, the Bulls have just better than a one-in-five chance of sneaking
# into the postseason", "England and India are given a 76% and 75% chance of qualifying respectively", or the
# other side after a comma: "with President Joe Biden having a 42% chance of winning reelection"
_HAS_CHANCE = re.compile(
    # (a clause before the comma with its own modal is the claim: "Glenn Close may take home the Oscar ..., as she
    # has a reported 65.2 percent chance of winning")
    r"^(?:(?:(?!\b(?:will|would|may|might|could|can|should)\b).)*,\s+)?(?:with\s+|(?:as|and|but|while|since|because)\s+)?(?!(?:which|who|that)\b)(?P<whom>[^,]{2,60}?)"
    # (a list's last verb is no subject: "Mark Few's team is deep, talented and has a real chance to enter ...")
    r"(?<!\sand)(?<!\sor)\s+"
    # "the top 4 seeds all have at least a 67% chance", "Arsenal are only given a 15.30% chance", "Pep Guardiola's
    # side are said to have a huge 55.2% chance"
    r"(?:(?:all|both|now|still|only|also|currently|\w+ly)\s+)?(?:has|have|having|(?:would|will)\s+have|"
    r"(?:is|are)\s+(?:only\s+|now\s+|still\s+)?given|(?:is|are)\s+(?:said|thought|believed|reported)\s+to\s+have|with)"
    # ... with an aside between commas: "Malcolm Turnbull has, at best, a fifty-fifty chance of obtaining ..."
    r"(?:,\s*[^,]{1,30},)?\s+"
    rf"(?:{_STATED_CHANCE}|{_WORDED_CHANCE})\s+(?:of\s+)?(?P<event>(?:to\s+)?[a-z].*)$"
)
# "I'd put Labor's chances of winning a majority next year at roughly one in three", "the Democrats' chances of
# keeping the Senate would be just 17 percent"
_POSSESSIVE_CHANCE = re.compile(
    r"^(?:.{0,80}?\b(?:put|puts|place|places|peg|pegs|rate|rates)\s+|.{0,120}?\s(?=the\s))?"
    r"(?P<whom>(?:the\s+)?[A-Z][\w.\- ]{0,40}?)(?:'s|')\s+(?:chances?|odds|probability)\s+of\s+"
    r"(?P<event>[a-z]+ing\b.*?)\s+"
    r"(?:at|is|are|would\s+be|will\s+be|stands?\s+at)\s+(?:about\s+|around\s+|roughly\s+|only\s+|just\s+)?"
    r"(?:\d[\d.]*\s*(?:%|per\s*cent|percent)|one\s+in\s+\w+|\w+\s+in\s+\w+)\b.*$"
)
# "Headline unemployment, which roughly has a 33% chance of coming in above 4.1%, could add further
# pressure": the chance is the relative clause's, so the claim is that clause's
_WHICH_HAS_CHANCE = re.compile(
    r"^(?P<whom>[^,]{2,60}),\s+(?:which|who)\s+(?:\w+ly\s+)?(?:has|have)\s+"
    rf"{_STATED_CHANCE}\s+(?:of\s+)?(?P<event>(?:to\s+)?[a-z][^,]*)(?:,.*)?$"
)
# "We are already at the outer limits of the possibility for 1.5 degrees, with only a 14% chance of avoiding
# overshoot": the subject of the clause is the one the chance is about
_WITH_CHANCE = re.compile(
    r"^(?P<whom>[^,]{2,60}?)\s+(?:is|are|was|were|remains?|looks?)\b[^;]{0,120}?,\s+with\s+(?:only\s+|just\s+)?"
    rf"{_STATED_CHANCE}\s+(?:of\s+)?(?P<event>(?:to\s+)?[a-z].*)$"
)
# a chance named as the whole claim: "The approximately 10% chance that Democrats win the Senate", "the 10%
# chance that Republicans win the House are very real" (the remark on the chance is no part of the event)
_THE_CHANCE_THAT = re.compile(
    r"^(?:the|a|an)\s+(?:approximately\s+|about\s+|around\s+|roughly\s+)?\d[\d.]*\s*(?:%|per\s*cent|percent)\s+"
    r"(?:chance|probability|likelihood)\s+that\s+(?P<event>.+?)"
    r"(?:\s+(?:is|are|was|were|remains?|seems?|looks?)\s+(?:\w+\s+){0,2}(?:real|high|low|small|slim|significant|possible|"
    r"remote))?$",
    re.I,
)
# "New Zealand: 33.5% chance of winning the tournament": a model's table written as lines
_LABEL_CHANCE = re.compile(
    r"^(?P<whom>(?-i:[A-Z])[\w.'\- ]{1,40}):\s+(?:a\s+|an\s+)?\d[\d.]*\s*(?:%|per\s*cent|percent)\s+"
    r"(?:chance|probability|likelihood)\s+(?:of\s+)?(?P<event>(?:to\s+)?[a-z].*)$",
    re.I,
)


# "there was a good chance for the projected 2% growth to be realized"
_CHANCE_FOR = re.compile(
    r"^(?:.*?\b)?there(?:\s+is|\s+was|'s)\s+(?:still\s+)?(?:a|an)\s+(?:\w+\s+)?(?:chance|possibility|likelihood)\s+for\s+"
    r"(?P<whom>.+?)\s+to\s+(?P<verb>[a-z].*)$",
    re.I,
)
# a chance whose event is a whole clause, after any frame that names who states it: "NASA says there's a 99.9983%
# chance the asteroid will safely go past Earth", "NOAA indicated a one-in-three chance that 2024 will be warmer than
# 2023", "IHME scientists say there's a chance the U.S. will see some normality" (a frame that holds its own "will"
# is a claim of its own, and is left)
_CHANCE_THAT_CLAUSE = re.compile(
    r"^(?:(?!\b(?:will|would|if)\b)[^;(]){0,160}?\b(?:a|an)\s+(?:[\w.%/\-]+\s+){0,4}?(?:chance|probability|likelihood)\s+"
    r"(?:that\s+(?=[^,;]{1,80}?\s(?:will|would|is|are|falls?|rises?|wins?)\s)|"
    r"(?=(?!(?:of|to|for|in|at|on)\b)[^,;]{1,60}?\bwill\s+[a-z]))",
    re.I,
)
# a model's share of runs: "..., and in the remaining 80% of cases, the Democrats will win the House"
_SHARE_OF_RUNS = re.compile(
    r"^(?:.*?,\s+(?:and|but)\s+)?in\s+(?:the\s+remaining\s+|about\s+|around\s+|roughly\s+)?\d[\d.]*\s*"
    r"(?:%|per\s*cent|percent)\s+of\s+(?:the\s+|our\s+|its\s+)?(?:cases|simulations|scenarios|runs|outcomes|trials)\s*,?\s+",
    re.I,
)

# a name and what it does, as a chance's event: "India receiving "normal" rainfall"
_NAME_DOING = re.compile(
    r"^(?P<whom>(?:the\s+)?(?-i:[A-Z])[\w.'\-]*(?:\s+(?-i:[A-Z])[\w.'\-]*){0,3})\s+(?P<event>[a-z]+ing\b.*)$"
)


def _finite(event: str) -> str:
    """ "winning the majority" -> "will win the majority": a chance's gerund as the claim's verb."""
    found = re.match(r"(?P<stem>[a-z]+?)ing\b", event)
    if not found or len(found.group("stem")) < 2:
        return event
    stem = found.group("stem")
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
        stem = stem[:-1]  # winning, cutting
    elif re.search(r"(?:^|[^aeiou])[aeiou][bcdgkmnprtvz]$|[aeiou]s$|v$", stem) and not stem.endswith(
        ("en", "er", "on")
    ):
        stem += "e"  # taking, raising, leaving
    return f"will {stem}{event[found.end() :]}"


def _event(event: str) -> str:
    """The event a chance is of, as a verb phrase: "winning it" and "to win it" both read "will win it"."""
    event = re.sub(r",?\s+respectively\b", "", event)
    if event.startswith("to "):
        return f"will {event[3:]}"
    return _finite(event)


def without_chance(claim: str) -> str:
    """The proposition a stated chance is about (the chance itself is the candidate's probability)."""
    gives = (
        _GIVES.match(claim)
        or _POSSESSIVE_CHANCE.match(claim)
        or _WHICH_HAS_CHANCE.match(claim)
        or _HAS_CHANCE.match(claim)
        or _LABEL_CHANCE.match(claim)
        or _WITH_CHANCE.match(claim)
    )
    if gives and re.match(r"to\s+[a-z]|[a-z]+ing\b", gives.group("event")):
        claim = f"{gives.group('whom')} {_event(gives.group('event'))}"
    the_chance = _THE_CHANCE_THAT.match(claim)
    if the_chance:
        claim = the_chance.group("event")
    chance_for = _CHANCE_FOR.match(claim)
    if chance_for:
        claim = f"{chance_for.group('whom')} will {chance_for.group('verb')}"
    claim = _SHARE_OF_RUNS.sub("", claim)
    chance = _CHANCE_OF.match(claim)
    if chance:
        claim = f"{chance.group('event')} {chance.group('rest')}".strip()
    stated = _PERCENT_CHANCE_OF.match(claim)
    if stated:
        claim = claim[stated.end() :]
        # the chance of a name doing something is the chance that it does it: "There are 92 per cent chances of
        # India receiving ..." reads "India will receive ..."
        doing = _NAME_DOING.match(claim)
        if doing:
            claim = f"{doing.group('whom')} {_finite(doing.group('event'))}"
    return _CHANCE_THAT_CLAUSE.sub("", claim)
