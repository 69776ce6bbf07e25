"""A claim without the chance stated around it: "the probability of a recession in 2024 is 35%" is
claimed as "a recession in 2024", "FiveThirtyEight gives Biden a 71% chance of winning" as "Biden will
win", "there's just a 2% chance Taiwan will accuse China" as "Taiwan will accuse China"."""

from __future__ import annotations

import re

_CHANCE_OF = re.compile(
    r"^(?:(?:and\s+)?(?:[^,;]{0,80}?\s)?"
    r"(?:put|puts|place|places|assess|assesses|peg|pegs|agree|agrees|say|says|think|thinks)\s+)?(?:the\s+)?"
    r"(?:chances?|odds|probability|likelihood|risk)"
    r"\s+(?:of|that)\s+(?P<event>.+?)\s+(?:at|is|are|stands\s+at|as|would\s+be|(?:does\s+not|doesn't)\s+exceed|"
    r"(?:has|have)\s+(?:risen|fallen|increased|decreased|dropped|climbed|edged\s+\w+)\s+to)\s+"
    r"(?:about\s+|around\s+|roughly\s+|only\s+|just\s+|close\s+to\s+|near\s+|nearly\s+|almost\s+|at\s+least\s+|"
    r"no\s+(?:worse|better|more|less)\s+than\s+)?"
    r"(?:\d[\d.]*\s*(?:%|per\s*cent|percent)|one\s+in\s+\w+|\w+\s+in\s+\w+|slim|low|high|good|small)\s*(?P<rest>.*)$",
    re.I,
)
_PERCENT_CHANCE_OF = re.compile(
    r"^(?:(?:[^;]{0,80}?\b)?there(?:\s+is|'s)\s+(?:still\s+|just\s+|only\s+)?|[^;]{0,120}?\b(?:see|sees|put|puts|assigns?|estimates?|predicts?|gives?)\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+)?(?:a\s+|an\s+)?(?:median\s+|average\s+)?"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+)?"
    r"(?:\d[\d.]*\s*(?:%\s*)?(?:(?:to|-|\u2013)\s*\d[\d.]*\s*)?(?:%|per\s*cent|percent)|\d+-in-\d+|one[\s-]in[\s-]\w+|"
    r"(?:two|one|three)[\s-](?:thirds?|quarters?))\s+"
    r"(?:chance|probability|likelihood|risk)(?:\s*\([^)]{0,40}\))?\s+(?:(?:of|that|to|for)\s+|(?=(?:the\s+)?(?-i:[A-Z])))",
    re.I,
)

# "FiveThirtyEight's model gives Biden a 71% chance of winning the election"
_GIVES = re.compile(
    r"^.{0,160}?\bgives?\s+(?P<whom>(?:the\s+)?[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*)*)\s+"
    r"(?:(?:a|an)\s+\d[\d.]*\s*(?:%|per\s*cent|percent)\s+(?:chance|probability|likelihood|edge)|"
    r"(?:very\s+)?(?:strong|good|high|long|slim|low)\s+odds)\s+of\s+(?P<event>.+)$"
)
# "The Chiefs have a 25% chance of winning the Super Bowl"
# "Additionally, Biden has a better than 19 in 20 (or 97 percent) chance of winning the most votes"
_HAS_CHANCE = re.compile(
    r"^(?:\w+,\s+)?(?P<whom>[^,]{2,60}?)\s+(?:has|have)\s+"
    r"(?:(?:about|around|roughly|only|just|better\s+than|less\s+than|more\s+than)\s+)*(?:a|an)\s+"
    r"(?:(?:about|around|better\s+than|less\s+than|more\s+than)\s+)*(?:\w+\s+in\s+\w+\s*\(\s*or\s+)?"
    r"\d[\d.]*\s*(?:%|per\s*cent|percent)\)?\s+"
    r"(?:chance|probability|likelihood)\s+(?:of|to)\s+(?P<event>.+)$"
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


def without_chance(claim: str) -> str:
    """The proposition a stated chance is about (the chance itself is the candidate's probability)."""
    gives = _GIVES.match(claim) or _HAS_CHANCE.match(claim)
    if gives:
        claim = f"{gives.group('whom')} {_finite(gives.group('event'))}"
    chance = _CHANCE_OF.match(claim)
    if chance:
        claim = f"{chance.group('event')} {chance.group('rest')}".strip()
    return _PERCENT_CHANCE_OF.sub("", claim)
