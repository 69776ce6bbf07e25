"""Forecast candidates from an article's text: pure functions, no database.

The pipeline is deliberately plain and inspectable, because an editor has to trust
(and correct) what it proposes:

1. blocks: paragraphs; captions, photo and chart credits, author bios,
   republication notes, bylines and headings are dropped whole;
2. sentences, as character spans of the original text, so every quote is a verbatim
   substring (curly quotes, non-breaking spaces and all);
3. estimative markers in each sentence ("will likely", "unlikely", "a 30% chance",
   "may"); a sentence holding forecasts in separate clauses is split into clauses;
4. for each forecast clause: probability from the scale (explicit numbers win over
   words), a deadline from its time expression (python-dateutil, relative to the
   publication date), a suggested claim and a confidence.

Matching runs on a copy of the text in which curly quotes and non-breaking spaces
are replaced one character for one, so offsets found in the copy slice the original.
"""

from __future__ import annotations

import calendar
import contextlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from sources import scales

BASIS_STATED = "stated"
BASIS_PHRASE = "phrase"
BASIS_NONE = "none"

DEADLINE_STATED = "stated"
DEADLINE_CONTEXT = "context"
DEADLINE_APPROXIMATE = "approximate"
DEADLINE_DEFAULT = "default"
DEADLINE_NO_FIXED_DATE = "no fixed date"

_DEFAULT_NOTE = "no time expression: deadline defaults to the end of the publication year"


@dataclass(frozen=True)
class Candidate:
    """A proposed forecast. `probability` is for `claim`, which is stated positively."""

    quote: str
    claim: str
    estimative_phrase: str
    probability: float | None
    probability_basis: str
    deadline: date | None
    deadline_flag: str
    note: str
    confidence: float
    category: str | None = None
    start: int = 0
    end: int = 0


# --- text normalisation ------------------------------------------------------------------

_SAME_LENGTH = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2011": "-",
    }
)


def _plain(text: str) -> str:
    return text.translate(_SAME_LENGTH)


# --- blocks --------------------------------------------------------------------------------

_CREDIT_LABEL = (
    r"(?:Photo(?:graph)?s?|Images?|Pictures?|Pic|Illustrations?|Graphics?|Charts?|Maps?|Videos?|"
    r"Credits?|Caption|File photo|Photo credit|Image credit|Source|Sources|Data)"
)
_CAPTION = re.compile(
    rf"(?:^|[.!?\"')]\s+){_CREDIT_LABEL}\s*:\s*\S"
    r"|\b(?:Photo|Image|Picture|Illustration)\s+(?:by|via|courtesy of)\s+[A-Z]"
    r"|\b(?:Getty Images|Shutterstock|AFP|Reuters|AP Photo|EPA|Xinhua|Bloomberg)\s*[/)]\s*$"
    r"|\((?:Photo|Image|Picture)\s*:?[^)]*\)\s*$",
)
_REPUBLICATION = re.compile(
    # "first ran in The Atlantic" is a note; "when he first ran in 2014" is prose
    r"\b(?:first|originally)\s+(?:(?:published|appeared)\b|ran\s+(?:in|on|at)\s+(?:the\s+)?(?-i:[A-Z]))"
    r"|\brepublished\b|\breprinted\b"
    r"|\bA version of this (?:article|piece|post|essay|commentary)\b"
    r"|\bThe views expressed\b|\bThis (?:article|piece|post|essay|commentary) (?:is|was) (?:part|adapted|based)\b"
    r"|^\(?(?:Reporting|Writing|Additional reporting|Editing) by\b"
    r"|\bAll rights reserved\b|^Copyright\b|^\u00a9",
    re.IGNORECASE,
)
_ROLE = (
    r"(?:fellow|professor|lecturer|director|editor|researcher|research|analyst|economist|correspondent|"
    r"columnist|author|writer|journalist|scientist|founder|co-founder|chair|chairman|president|partner|"
    r"adviser|advisor|head|member|student|candidate|reporter|contributor|strategist|consultant|"
    r"scholar|historian|officer|ambassador|minister|manager|associate|chief|principal|expert|host)"
)
_NAME = (
    r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame)\.?\s+)?"
    r"[A-Z][\w'\-]+(?:\s+(?:[A-Z][\w'\-.]*|de|van|von|da|al|bin|el|le)){1,4}"
)
_BIO = re.compile(
    rf"^(?:[-\u2014\u2013*_]\s*)?(?:{_NAME}|The author|The writer|About the author:?)"
    rf"\s+(?:is|was|writes|teaches|works|leads|heads|serves|has been)\b.{{0,200}}?\b{_ROLE}",
    re.IGNORECASE | re.DOTALL,
)
_BYLINE = re.compile(
    r"^(?:By|Author|Authors|Written by|Posted(?: on)?|Published(?: on)?|Updated)\b[^\n]{0,150}$", re.IGNORECASE
)


def _block_kind(block: str) -> str | None:
    """Why a block is not article prose, or None for prose."""
    plain = _plain(block).strip()
    if not plain:
        return "empty"
    if _CAPTION.search(plain):
        return "caption"
    if _REPUBLICATION.search(plain):
        return "republication note"
    words = plain.split()
    if _BYLINE.match(plain) and len(words) <= 25:
        return "byline"
    if len(words) <= 60 and _BIO.match(plain) and plain.count(". ") <= 2:
        return "bio"
    # Headlines, datelines and author lines carry no sentence punctuation.
    if len(words) <= 20 and not re.search(r"[.!?][\"')]*\s*$", plain):
        return "heading"
    return None


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: split at blank lines, and at single newlines between short lines."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"(?:[^\n]|\n(?![ \t\u00a0]*\n))+", text):
        start, end = match.span()
        chunk = text[start:end]
        lines = chunk.split("\n")
        # Hard-wrapped prose keeps its lines together; a stack of short header lines
        # (title, author, date) is split so that each line is judged on its own.
        if len(lines) > 1 and max(len(line) for line in lines) < 60:
            offset = start
            for line in lines:
                spans.append((offset, offset + len(line)))
                offset += len(line) + 1
        else:
            spans.append((start, end))
    return spans


# --- sentences ------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "v", "etc", "e.g", "i.e", "cf", "al", "approx", "est", "fig", "inc", "ltd", "co", "corp",
    "mt", "ft", "rev", "hon", "pres", "dept", "univ", "assn", "bros", "op", "vol", "pp", "ch",
}  # fmt: skip
# After "U.S." a capitalised word is usually part of a name ("U.S. Treasury"), unless it
# plainly starts a sentence.
_ACRONYM_CONTINUATIONS = {
    "treasury", "federal", "senate", "house", "president", "congress", "army", "navy", "air", "department",
    "embassy", "secretary", "supreme", "fed", "trade", "commerce", "state", "government", "administration",
    "marines", "dollar", "court", "central", "census", "energy", "defense", "defence", "bureau", "national",
    "chamber", "ambassador", "forces", "military", "attorney", "coast", "special", "envoy", "representative",
    "labor", "labour", "intelligence", "steel", "open", "election", "elections", "economy", "cpi", "gdp",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?\u2026]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])")


def _sentences(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END.finditer(plain, start, end):
        stop = match.end()
        if match.group().startswith(".") and not _is_boundary(plain, match.start(), stop):
            continue
        spans.append((cursor, stop))
        cursor = stop
    spans.append((cursor, end))
    return [_trim(plain, s, e) for s, e in spans if plain[s:e].strip()]


def _is_boundary(plain: str, dot: int, after: int) -> bool:
    token = re.search(r"([\w.]+)$", plain[max(0, dot - 20) : dot])
    word = token.group(1).lower() if token else ""
    following = re.match(r"\s+[\"'(\[]?(\w+)", plain[after : after + 40])
    next_word = following.group(1) if following else ""
    if word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS:
        return False
    if re.fullmatch(r"[a-z]", word):  # an initial: "John F. Kennedy"
        return False
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):  # "U.S", "U.N", "e.g"
        return next_word.lower() not in _ACRONYM_CONTINUATIONS
    return True


def _trim(plain: str, start: int, end: int) -> tuple[int, int]:
    while start < end and plain[start].isspace():
        start += 1
    while end > start and plain[end - 1].isspace():
        end -= 1
    return start, end


# --- estimative markers --------------------------------------------------------------------

C = scales
_ADVERBS = {
    "almost certainly": C.ALMOST_CERTAIN,
    "nearly certainly": C.ALMOST_CERTAIN,
    "virtually certainly": C.ALMOST_CERTAIN,
    "certainly": C.ALMOST_CERTAIN,
    "surely": C.ALMOST_CERTAIN,
    "very likely": C.VERY_LIKELY,
    "highly likely": C.VERY_LIKELY,
    "very probably": C.VERY_LIKELY,
    "most likely": C.LIKELY,
    "most probably": C.LIKELY,
    "likely": C.LIKELY,
    "probably": C.LIKELY,
}
_ADJECTIVES = {
    "almost certain": C.ALMOST_CERTAIN,
    "nearly certain": C.ALMOST_CERTAIN,
    "virtually certain": C.ALMOST_CERTAIN,
    "all but certain": C.ALMOST_CERTAIN,
    "certain": C.ALMOST_CERTAIN,
    "very likely": C.VERY_LIKELY,
    "highly likely": C.VERY_LIKELY,
    "highly probable": C.VERY_LIKELY,
    "very probable": C.VERY_LIKELY,
    "increasingly likely": C.LIKELY,
    "more likely than not": C.LIKELY,
    "quite likely": C.LIKELY,
    "likely": C.LIKELY,
    "probable": C.LIKELY,
    "highly unlikely": C.VERY_UNLIKELY,
    "very unlikely": C.VERY_UNLIKELY,
    "extremely unlikely": C.VERY_UNLIKELY,
    "highly improbable": C.VERY_UNLIKELY,
    "unlikely": C.UNLIKELY,
    "improbable": C.UNLIKELY,
    "doubtful": C.UNLIKELY,
}
_CHANCES = {
    "almost no chance": C.REMOTE,
    "virtually no chance": C.REMOTE,
    "no chance": C.REMOTE,
    "a remote chance": C.REMOTE,
    "remote chance": C.REMOTE,
    "little chance": C.VERY_UNLIKELY,
    "slim chance": C.VERY_UNLIKELY,
    "small chance": C.VERY_UNLIKELY,
    "little prospect": C.VERY_UNLIKELY,
    "a good chance": C.LIKELY,
    "good chance": C.LIKELY,
    "strong chance": C.LIKELY,
    "roughly even odds": C.EVEN,
    "roughly even chance": C.EVEN,
    "roughly an even chance": C.EVEN,
    "about an even chance": C.EVEN,
    "an even chance": C.EVEN,
    "even chance": C.EVEN,
    "even odds": C.EVEN,
    "evens": C.EVEN,
    "a better-than-even chance": C.LIKELY,
    "better-than-even chance": C.LIKELY,
    "better than even odds": C.LIKELY,
    "a less-than-even chance": C.UNLIKELY,
    "less-than-even chance": C.UNLIKELY,
    "in all likelihood": C.VERY_LIKELY,
    "in all probability": C.VERY_LIKELY,
    "every chance": C.VERY_LIKELY,
    "a high probability": C.VERY_LIKELY,
    "a high likelihood": C.VERY_LIKELY,
    "a low probability": C.UNLIKELY,
    "a low likelihood": C.UNLIKELY,
    "a decent chance": C.EVEN,
    "a fair chance": C.EVEN,
    "a reasonable chance": C.EVEN,
    "a safe bet": C.VERY_LIKELY,
    "a near certainty": C.ALMOST_CERTAIN,
    "a foregone conclusion": C.ALMOST_CERTAIN,
    "a long shot": C.VERY_UNLIKELY,
    "odds-on": C.LIKELY,
    "little doubt": C.VERY_LIKELY,
    "a coin flip": C.EVEN,
    "coin flip": C.EVEN,
    "coin toss": C.EVEN,
    "toss-up": C.EVEN,
    "50-50": C.EVEN,
    "fifty-fifty": C.EVEN,
    "odds are that": C.LIKELY,
    "odds are good": C.LIKELY,
    "odds are high": C.LIKELY,
    "odds are": C.LIKELY,
    "chances are": C.LIKELY,
    "odds are slim": C.VERY_UNLIKELY,
    "odds are low": C.UNLIKELY,
    "odds are long": C.VERY_UNLIKELY,
}


def _alternation(phrases) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


_NOT = r"(?:not|never|n't)"
_DEGREES = {
    "remote": C.REMOTE, "slim": C.VERY_UNLIKELY, "small": C.VERY_UNLIKELY, "poor": C.VERY_UNLIKELY,
    "long": C.VERY_UNLIKELY, "dim": C.VERY_UNLIKELY, "bleak": C.VERY_UNLIKELY, "low": C.UNLIKELY,
    "fair": C.EVEN, "decent": C.EVEN, "good": C.LIKELY, "high": C.LIKELY, "strong": C.LIKELY,
}  # fmt: skip
_BE = r"(?:is|are|am|be|being|been|remains?|seems?|looks?|appears?|'s|'re|was|were|stays?)"
_WILL = r"(?:will|shall|'ll|is\s+going\s+to|are\s+going\s+to|am\s+going\s+to)"

_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    # "will likely", "will almost certainly not", "probably won't"
    ("will_adverb", re.compile(
        rf"\b{_WILL}\s+(?P<neg1>{_NOT}\s+)?(?P<adv>{_alternation(_ADVERBS)})(?P<neg2>\s+(?:not|never))?\b", re.I
    )),
    ("adverb_will", re.compile(rf"\b(?P<adv>{_alternation(_ADVERBS)})\s+(?:{_WILL}(?P<neg2>\s+not)?|won't)\b", re.I)),
    ("adverb_not", re.compile(r"\b(?P<adv>probably|likely|almost\s+certainly)\s+(?P<neg2>not)\b", re.I)),
    # "is likely to", "remains unlikely", "looks likely", "it is very likely that"
    ("adjective", re.compile(rf"\b(?P<neg1>{_NOT}\s+)?(?P<adj>{_alternation(_ADJECTIVES)})\b", re.I)),
    ("chance", re.compile(rf"\b(?P<chance>{_alternation(_CHANCES)})\b", re.I)),
    ("expect", re.compile(
        rf"\b(?:(?P<neg1>{_NOT})\s+)?(?:widely\s+|generally\s+|now\s+|also\s+|still\s+)?"
        r"(?:expected|forecast|projected|predicted|tipped|favou?red)\s+to\b"
        # the columnist's imperative: "Expect rates to stay high through 2024."
        r"|^\s*[\"']?Expect\b(?!\s*[.,;:)])"
        r"|\b(?:I|we|they|markets?|investors|analysts|economists|traders|forecasters|officials|most|many|I'd|we'd)"
        r"\s+(?:now\s+|still\s+|also\s+|fully\s+|would\s+)?(?P<neg2>don't\s+|do\s+not\s+)?expect(?:s)?\b(?!\s*[.,;:)])",
        re.I,
    )),
    ("bound", re.compile(
        rf"\b{_BE}\s+(?P<neg1>{_NOT}\s+)?(?:bound|set|poised|on\s+track|on\s+course|due)\s+to\b", re.I
    )),
    # First-person judgements without a scale word: "I do not see a lasting fall before 2025",
    # "I doubt that the cap survives", "I'd be surprised if rates rose"
    ("predict", re.compile(
        r"\b(?:I|we)(?:'d|\s+would)?\s+(?:still\s+|now\s+)?(?:predict|bet|wager|suspect|forecast)\b(?!\s*[.,;:)])"
        r"|\bmy\s+(?:bet|guess|hunch|prediction|forecast|expectation)\s+is\b",
        re.I,
    )),
    # "the chances of a deal are slim", "the odds look good"
    ("degree", re.compile(
        r"\b(?:chances?|odds|likelihood|probability|prospects?)\b[^.;:!?]{0,60}?"
        r"\b(?:is|are|look|looks|seem|seems|remain|remains|appear|appears)\s+"
        r"(?:very\s+|extremely\s+|pretty\s+|rather\s+|fairly\s+|quite\s+)?(?P<degree>" + "|".join(_DEGREES) + r")\b",
        re.I,
    )),
    ("see", re.compile(
        r"\b(?:I|we)\s+(?:still\s+|now\s+)?(?P<neg2>do\s+not\s+|don't\s+|cannot\s+|can't\s+|can\s+not\s+)?"
        r"(?:see|foresee|anticipate)\b(?!\s+(?:it|that|this|why|how|what|whether|no\s+reason)\b)",
        re.I,
    )),
    ("doubt", re.compile(
        r"\b(?:I|we)\s+(?:very\s+much\s+|strongly\s+|rather\s+|seriously\s+)?doubt\b(?!\s+(?:it|this|so|that\s*[.,;:!?]))"
        r"|\b(?:I|we)(?:'d|\s+would)\s+be\s+(?:very\s+|quite\s+|genuinely\s+)?surprised\s+if\b",
        re.I,
    )),
    ("will", re.compile(
        rf"\b(?:{_WILL}(?P<neg1>\s+(?:not|never))?"
        r"|(?P<neg2>won't|shan't|(?:(?:is|are|am)\s+not|isn't|aren't)\s+going\s+to))\b",
        re.I,
    )),
    ("hedge", re.compile(
        r"\b(?:may|might|could|perhaps|possibly|maybe|conceivably)\b"
        r"|\b(?:it\s+is|it's|it\s+remains|it\s+seems)\s+(?:quite\s+|entirely\s+)?possible\b"
        # "a settlement of 3 per cent is a real possibility": possible, with no number
        r"|\b(?:a|an)\s+(?:real|distinct|serious|strong|genuine|live|clear)\s+possibility\b",
        re.I,
    )),
]  # fmt: skip

_KIND_CATEGORY = {"expect": C.LIKELY, "bound": C.LIKELY, "see": C.LIKELY, "doubt": C.UNLIKELY, "predict": C.LIKELY}
_KIND_CATEGORY["will"] = C.ALMOST_CERTAIN
_PRIORITY = {"stated": 5, "will_adverb": 4, "adverb_will": 4, "adverb_not": 4, "adjective": 4, "chance": 4}
_PRIORITY.update({"expect": 3, "bound": 3, "see": 3, "doubt": 3, "predict": 3, "degree": 4, "hedge": 2, "will": 1})


@dataclass(frozen=True)
class _Marker:
    kind: str
    start: int
    end: int
    phrase: str
    category: str | None
    probability: float | None = None  # only for stated numbers

    @property
    def priority(self) -> int:
        return _PRIORITY[self.kind]


_PERCENT = r"(?P<num>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent\b|percent\b)"
_ONE_IN = r"(?P<a>one|two|three|four|five|\d+)[\s-]+in[\s-]+(?P<b>two|three|four|five|six|ten|twenty|hundred|\d+)"
_APPROXIMATELY = r"(?:about\s+|around\s+|roughly\s+|nearly\s+|some\s+|only\s+|just\s+|perhaps\s+|maybe\s+)"
# Dots inside a sentence: "U.S. recession", "3.5 per cent".
_SAME_SENTENCE = r"(?:[^.;!?%]|\.(?=\w|\s+[a-z]))"
_PROB_NOUN = r"(?:chance|probability|likelihood|odds|risk|sure|certain|confident)"
_STATED = [
    re.compile(rf"\b{_PERCENT}\s+(?:{_PROB_NOUN})\b", re.I),
    re.compile(
        rf"\b(?:chances?|probability|likelihood|odds|risk)\b{_SAME_SENTENCE}{{0,90}}?"
        rf"\b(?:at|is|are|of|to|stands\s+at|as\s+high\s+as|as\s+low\s+as)\s+"
        rf"{_APPROXIMATELY}?{_PERCENT}",
        re.I,
    ),
    re.compile(
        rf"\b(?:I'd|I\s+would|I|we|we'd)\s+(?:say|put\s+it\s+at|give\s+it|estimate|reckon|guess|think)\s+"
        rf"(?:about\s+|around\s+|roughly\s+|maybe\s+|perhaps\s+)?{_PERCENT}",
        re.I,
    ),
    re.compile(rf"\b{_ONE_IN}\s+(?:chance|probability|odds|shot)\b", re.I),
    # "I'd put the odds of a price cap before the end of the year at about one in four"
    re.compile(
        rf"\b(?:chances?|probability|likelihood|odds)\b{_SAME_SENTENCE}{{0,120}}?"
        rf"\b(?:at|is|are|of|as\s+high\s+as|as\s+low\s+as)\s+{_APPROXIMATELY}?{_ONE_IN}\b",
        re.I,
    ),
]
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "twenty": 20}
_NUMBER_WORDS["hundred"] = 100

# Context that turns a marker into something other than a forecast by the writer.
_SUPPRESS_BEFORE = re.compile(
    r"\b(?:unclear|uncertain|not\s+clear|unknown|no\s+telling|hard\s+to\s+say|difficult\s+to\s+say|"
    r"whether|wonders?|wondered|asks?|asked|question\s+is|if\s+and\s+when)\b[^,;:]*$"
    # "None of this means downstreaming will fail" denies, it does not predict
    r"|\b(?:none\s+of\s+this|not|n't|never)\b[^,;:]*\bmeans?\b[^,;:]*$",
    re.I,
)
_PAST_BEFORE = re.compile(
    r"\b(?:was|were|had|had\s+been|seemed|looked|appeared)\s+(?:widely\s+|very\s+|highly\s+)?$", re.I
)
_REPORTED = re.compile(r"\b(?:said|says|told|warned|argued|believes?|thinks?|added|noted|predicted)\b", re.I)
_COMPARATIVE_BEFORE = re.compile(
    r"\b(?:more|less|far\s+less|much\s+less|much\s+more|as|equally|no\s+more|no\s+less)\s+$", re.I
)
_NOUN_WILL_BEFORE = re.compile(
    r"\b(?:the|a|an|political|free|good|ill|its|their|his|her|our|popular|public|at|of|strong|iron|own)\s+$", re.I
)
_HEDGE_NOT_FORECAST = re.compile(
    r"^(?:may|might|could)\s+(?:never\s+know|not\s+know|well\s+be\s+argued|be\s+argued|argue|say|seem|recall|"
    r"remember|wonder|be\s+forgiven|have|not\s+have|also\s+be\s+said|be\s+tempted)\b"
    r"|^(?:could|might)\s+not\s+be\s+reached\b",
    re.I,
)
_PAST_REPORT_BEFORE = re.compile(
    r"\b(?:warned|said|predicted|feared|suggested|claimed|argued|believed|thought|speculated|worried|hoped)"
    r"\s+(?:that\s+)?[^,;:]*$",
    re.I,
)
_ANAPHORA = re.compile(
    r"\b(?:there|then)\b(?!\s+(?:is|are|was|were|will|would|could|may|might|'s|has|have|had|seems?|remains?|appears?)\b)"
    r"|\b(?:at|by|after|before|until|from)\s+(?:that|this|the\s+same)\s+"
    r"(?:meeting|summit|vote|election|date|point|time|stage|moment)\b",
    re.I,
)
_ELABORATION = re.compile(r"(?:(?:and|or|but)\s+)?(?:perhaps|possibly|maybe)\b", re.I)
_CONDITIONAL = re.compile(r"\s*(?:If|Unless|Even if|Should)\b")
_AWAITED_EVENT = re.compile(r"^\s+yet\b|\b(?:once|as\s+soon\s+as)\s+\w", re.I)
_FIRST_PERSON_BEFORE = re.compile(r"\b(?:I|we)\s+$|\b(?:I|we)(?=')", re.I)


def _find_markers(plain: str, start: int, end: int) -> list[_Marker]:
    segment = plain[start:end]
    found: list[_Marker] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    for pattern in _STATED:
        for m in pattern.finditer(segment):
            if "num" in pattern.groupindex and m.group("num") is not None:
                value = float(m.group("num")) / 100
            else:
                a = _NUMBER_WORDS.get(m.group("a").lower()) or int(m.group("a"))
                b = _NUMBER_WORDS.get(m.group("b").lower()) or int(m.group("b"))
                value = a / b if b else 0.0
            s, e = start + m.start(), start + m.end()
            if not free(s, e) or not 0 < value <= 1:
                continue
            value = min(max(value, 0.001), 0.999)
            taken.append((s, e))
            found.append(_Marker("stated", s, e, plain[s:e], None, value))

    for kind, pattern in _MARKERS:
        for m in pattern.finditer(segment):
            s, e = start + m.start(), start + m.end()
            if not free(s, e):
                continue
            marker = _marker_from_match(kind, m, plain, s, e)
            if marker is None or _suppressed(marker, plain, start, end):
                continue
            taken.append((s, e))
            found.append(marker)
    return sorted(found, key=lambda marker: marker.start)


def _marker_from_match(kind: str, m: re.Match[str], plain: str, s: int, e: int) -> _Marker | None:
    groups = m.groupdict()
    negated = bool(groups.get("neg1") or groups.get("neg2"))
    phrase = plain[s:e]
    if kind in ("will_adverb", "adverb_will", "adverb_not"):
        category = _ADVERBS[" ".join(groups["adv"].lower().split())]
        if kind == "adverb_will" and re.search(r"won't", phrase, re.I):
            negated = True
    elif kind == "adjective":
        category = _ADJECTIVES[" ".join(groups["adj"].lower().split())]
        # bare "certain" is mostly a determiner ("certain sectors"); only "certain to" predicts
        if groups["adj"].lower() == "certain" and not re.match(r"\s+to\b|\s+that\b", plain[e : e + 6]):
            return None
    elif kind == "chance":
        category = _CHANCES[" ".join(groups["chance"].lower().split())]
    elif kind == "degree":
        category = _DEGREES[groups["degree"].lower()]
    elif kind == "hedge":
        category = None
    else:
        category = _KIND_CATEGORY[kind]
        if kind == "will" and not negated:
            negated = bool(re.match(r"\s+(?:not|never)\b", plain[e : e + 7]))
    if negated and category is not None:
        category = scales.negate(category)
    return _Marker(kind, s, e, phrase, category)


def _suppressed(marker: _Marker, plain: str, seg_start: int, seg_end: int) -> bool:
    before = plain[seg_start : marker.start]
    after = plain[marker.end : seg_end]
    if _SUPPRESS_BEFORE.search(before):
        return True
    past = marker.kind in ("adjective", "chance", "expect") and _PAST_BEFORE.search(before)
    if past and not _REPORTED.search(before):
        return True
    if marker.kind == "adjective" and _COMPARATIVE_BEFORE.search(before) and "than not" not in marker.phrase:
        return True
    if marker.kind == "adjective" and re.match(r"\s+than\b", after):
        return True
    if marker.kind == "chance" and marker.phrase.lower().startswith(("odds are", "chances are")):  # noqa: SIM102
        # "the odds are better here" compares; "the odds are that..." predicts
        if re.match(r"\s+(?:better|worse|not|higher|lower|against|" + "|".join(_DEGREES) + r")\b", after):
            return True
    if marker.kind == "will":
        word = marker.phrase.lower()
        if marker.phrase[0] == "W" and before.strip():
            return True  # "Will" inside a sentence is a name
        if word == "will" and _NOUN_WILL_BEFORE.search(before):
            return True
        if word == "will" and not re.match(r"\s+[a-z]", after):
            return True  # "the will.", "Will," : a noun or a name
        if _FIRST_PERSON_BEFORE.search(before) or re.search(r"\b(?:I|we)$", before.rstrip(), re.I):
            return True  # "I will grade these": an intention, not a forecast
        if re.match(r"\s+have\s+(?:been\s+)?\w+ed\b", after) and re.search(r"\bby\s+now\b", after):
            return True
    if marker.kind == "hedge":
        if _HEDGE_NOT_FORECAST.match(plain[marker.start : seg_end]):
            return True
        if marker.phrase == "May" and re.search(r"[\w,]\s*$", before):
            return True  # "a landslide win in May": the month
        if marker.phrase.lower() in ("could", "might") and _PAST_REPORT_BEFORE.search(before):
            return True  # "forecasters warned that Germany could run out": a past view, reported
        if re.match(r"\s+have\s+\w+", after):  # "may have been": about the past
            return True
        if re.search(r"\b(?:if|unless|even\s+if)\b[^,]*$", before, re.I):
            return True
    if marker.kind == "expect" and re.search(
        r"\b(?:should|must|would|could|might|may|nobody|no\s+one)\s+$", before, re.I
    ):
        return True
    if marker.kind in ("expect", "predict", "see") and re.search(r"\bwhat\s+$", before, re.I):
        return True  # "Here's what I expect next" announces forecasts, it is not one
    return marker.kind == "expect" and bool(re.search(r"\b(?:than|as)\s+(?:\w+\s+)?$", before, re.I))


# --- clauses ---------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(
    r";\s+|:\s+(?=[a-z\"'A-Z])"
    r"|,\s+(?=(?:and|but|while|whereas|although|though|yet|so|or)\s)"
    r"|,\s+(?=(?:perhaps|possibly|maybe|probably|likely|if\s+not)\s)"
    r"|\s+[\u2014\u2013]\s+(?=(?:and|but|perhaps|possibly)\s)",
)
_LEADING_SUBORDINATE = re.compile(r"^(?:Although|Though|While|Whereas|Even\s+though)\b[^,]*,\s+")
_BACK_REFERENCE = re.compile(
    r"\b(?:of|about)\s+(?:that|this|it)\b|^call\s+it\b|^(?:and\s+|but\s+)?(?:I|we)(?:'d|'m|\s+would|\s+am)?\s+"
    r"(?:say|put|give|estimate|reckon|think|\d)",
    re.I,
)
# A clause that only says the outcome is uncertain is not part of the forecast's quote.
_UNCERTAIN_CLAUSE = re.compile(r"\b(?:unclear|uncertain|not\s+clear|unknown|remains\s+to\s+be\s+seen|whether)\b", re.I)


def _clauses(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts = [start]
    lead = _LEADING_SUBORDINATE.match(plain[start:end])
    if lead:
        cuts.append(start + lead.end())
    for m in _CLAUSE_BREAK.finditer(plain, start, end):
        cuts.append(m.end())
    cuts = sorted(set(cuts))
    spans = []
    for i, cut in enumerate(cuts):
        stop = cuts[i + 1] if i + 1 < len(cuts) else end
        spans.append((cut, stop))
    return [_trim_clause(plain, s, e) for s, e in spans]


def _trim_clause(plain: str, start: int, end: int) -> tuple[int, int]:
    start, end = _trim(plain, start, end)
    while end > start and plain[end - 1] in ",;:\u2014\u2013 ":
        end -= 1
    return start, end


# --- deadlines -------------------------------------------------------------------------------

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20, "several": 3, "few": 3,
}  # fmt: skip
_WEEKDAYS: dict[str, weekday] = {"monday": MO, "tuesday": TU, "wednesday": WE, "thursday": TH, "friday": FR}
_WEEKDAYS.update({"saturday": SA, "sunday": SU})
_SEASON_END = {"winter": (2, 28), "spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30)}

_NO_FIXED_DATE = re.compile(
    r"\b(?:in|over)\s+the\s+(?:long|longer|very\s+long)\s+(?:run|term)\b|\blong[\s-]term\b|\beventually\b"
    r"|\bsooner\s+or\s+later\b|\bone\s+day\b|\bsomeday\b|\bin\s+the\s+(?:years|decades)\s+(?:ahead|to\s+come)\b"
    r"|\bfor\s+(?:years|decades|generations)\b|\bfor\s+the\s+foreseeable\s+future\b|\bover\s+time\b"
    r"|\bfor\s+the\s+time\s+being\b|\bin\s+the\s+future\b|\bultimately\b",
    re.I,
)


@dataclass(frozen=True)
class _When:
    deadline: date | None
    flag: str
    text: str


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _next_month_end(published_on: date, month: int, *, before: bool = False) -> date:
    year = published_on.year if month >= published_on.month else published_on.year + 1
    if before:
        last = date(year, month, 1) - relativedelta(days=1)
        return last if last >= published_on else _end_of_month(year, month)
    return _end_of_month(year, month)


def _season_end(published_on: date, season: str, *, next_one: bool) -> date:
    month, day = _SEASON_END[season]
    year = published_on.year
    end = date(year, month, calendar.monthrange(year, month)[1] if month == 2 else day)
    if end < published_on:
        end = date(year + 1, month, calendar.monthrange(year + 1, month)[1] if month == 2 else day)
    if next_one:
        # "next winter" skips the one we are in
        start_month = {"winter": 12, "spring": 3, "summer": 6, "autumn": 9, "fall": 9}[season]
        in_progress = published_on >= date(end.year - (1 if start_month == 12 else 0), start_month, 1)
        if in_progress:
            end = end + relativedelta(years=1)
    return end


def _span(n: int, unit: str) -> relativedelta:
    return {
        "day": relativedelta(days=n),
        "week": relativedelta(weeks=n),
        "month": relativedelta(months=n),
        "year": relativedelta(years=n),
        "decade": relativedelta(years=10 * n),
    }[unit.lower().rstrip("s")]


def _time_expressions(plain: str, published_on: date) -> list[tuple[int, _When]]:
    """Every time expression in `plain`, with its position, resolved to a deadline."""
    year = published_on.year
    found: list[tuple[int, _When]] = []

    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], deadline: date | None, flag: str = DEADLINE_STATED) -> None:
        # Patterns run from the most specific down; "the second quarter of 2024" must not
        # also count as a bare "2024".
        s, e = m.span()
        if any(s < te and e > ts for ts, te in taken):
            return
        taken.append((s, e))
        found.append((s, _When(deadline, flag, m.group(0))))

    for m in _NO_FIXED_DATE.finditer(plain):
        add(m, None, DEADLINE_NO_FIXED_DATE)

    for m in re.finditer(
        r"\b(?:(?P<pre>by|before|until|till|through|to|at|in|around|toward|towards)\s+)?(?:the\s+)?"
        r"(?P<part>end|close|start|beginning|first\s+half|second\s+half|middle|(?:first|second|third|fourth)\s+quarter)"
        r"\s+of\s+(?:the\s+)?(?P<what>this\s+year|next\s+year|the\s+year|year|decade|this\s+decade|month|(?P<y>\d{4}))\b",
        plain,
        re.I,
    ):
        part = m.group("part").lower()
        what = m.group("what").lower()
        if m.group("y"):
            target = int(m.group("y"))
        elif "next" in what:
            target = year + 1
        elif "decade" in what:
            target = year // 10 * 10 + 9
        elif what == "month":
            add(m, _end_of_month(year, published_on.month))
            continue
        else:
            target = year
        if target < year:
            continue
        month = {"first half": 6, "middle": 6, "first quarter": 3, "second quarter": 6, "third quarter": 9}.get(
            " ".join(part.split()), 12
        )
        if part in ("start", "beginning"):
            month = 3
        add(m, _end_of_month(target, month))

    for m in re.finditer(r"\b(?P<q>early|mid|late|Q[1-4]|H[12])[\s-]*(?P<y>\d{4})\b", plain, re.I):
        target = int(m.group("y"))
        if target < year:
            continue
        q = m.group("q").lower()
        month = {"early": 4, "mid": 6, "late": 12, "q1": 3, "q2": 6, "q3": 9, "q4": 12, "h1": 6, "h2": 12}[q]
        add(m, _end_of_month(target, month))

    for m in re.finditer(
        rf"\b(?P<pre>by|before|until|till|through|in|during|from|this|next|early|late|mid|on|since|after)?\s*"
        # "14 February" and "the 4th of November" as well as "February 14"
        rf"(?:(?:the\s+)?(?P<day0>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
        rf"(?P<month>{_MONTH_RE})(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?)?(?:,?\s+(?P<y>\d{{4}}))?(?:'s)?\b",
        plain,
    ):
        name = m.group("month").rstrip(".")
        day = m.group("day0") or m.group("day")
        pre = (m.group("pre") or "").lower()
        if name == "May" and not (pre or day or m.group("y")):
            continue  # the modal verb at the start of a sentence
        if pre in ("since", "from", "after"):
            continue
        month = _MONTHS[name.lower()]
        if m.group("y"):
            target = int(m.group("y"))
            if target < year:
                continue
            deadline = _end_of_month(target, month)
        else:
            deadline = _next_month_end(published_on, month, before=pre == "before" and not day)
        if day:
            with contextlib.suppress(ValueError):  # "June 31" keeps the month's end
                deadline = _end_of_month(deadline.year, month).replace(day=int(day))
                if pre == "before":
                    deadline -= relativedelta(days=1)
                if deadline < published_on and not m.group("y"):
                    deadline += relativedelta(years=1)  # "on 4 November", written on the 20th
        add(m, deadline)

    # "2024-25", "fiscal 2024/25": the window ends with the later year
    for m in re.finditer(
        r"\b(?:fiscal\s+(?:year\s+)?|FY\s*)?(?P<y1>(?:19|20)\d{2})\s*[-\u2013/]\s*(?P<y2>(?:19|20)?\d{2})\b"
        r"(?![-\u2013/]\d|\s*(?:levels?|%|per\s*cent|percent))",
        plain,
    ):
        first, last = int(m.group("y1")), m.group("y2")
        target = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
        if first < target <= first + 10 and target >= year:
            add(m, date(target, 12, 31))
    for m in re.finditer(r"\bFY\s*(?P<y>\d{2})\b", plain):
        if 2000 + int(m.group("y")) >= year:
            add(m, date(2000 + int(m.group("y")), 12, 31))

    for m in re.finditer(
        r"\b(?P<pre>in|by|before|until|till|through|throughout|during|for|enter|entering|into|of|after|beyond|since|from)?"
        r"\s*(?:fiscal\s+|FY\s*)?(?P<y>(?:19|20)\d{2})\b(?![-\u2013]\d|\s*(?:levels?|%|per\s*cent|percent))",
        plain,
    ):
        target = int(m.group("y"))
        pre = (m.group("pre") or "").lower()
        if target < year or pre in ("since", "from"):
            continue
        if pre in ("after", "beyond"):
            add(m, None, DEADLINE_NO_FIXED_DATE)
            continue
        if pre == "before" and target > year:
            target -= 1  # "before 2027" ends with 2026
        add(m, date(target, 12, 31))

    # "this year and next" before "this year", which it holds
    for m in re.finditer(r"\bthis\s+year\s+and\s+next\b|\bnext\s+(?:calendar\s+)?year\b", plain, re.I):
        add(m, date(year + 1, 12, 31))
    for m in re.finditer(
        r"\b(?:this|the\s+current|the)\s+(?:calendar\s+)?year\b|\byear[\s-]end\b|\bthe\s+rest\s+of\s+the\s+year\b"
        r"|\bend\s+the\s+year\b",
        plain,
        re.I,
    ):
        add(m, date(year, 12, 31))
    for m in re.finditer(r"\b(?:this|the)\s+decade\b", plain, re.I):
        add(m, date(year // 10 * 10 + 9, 12, 31))

    # "in a year's time", "two years from now"
    for m in re.finditer(
        rf"\b(?P<n>\d+|{'|'.join(_NUMBERS)})\s+(?P<unit>days?|weeks?|months?|years?|decades?)(?:'s|')?"
        r"\s+(?:time|from\s+now|hence)\b",
        plain,
        re.I,
    ):
        raw = m.group("n").lower()
        add(m, published_on + _span(int(raw) if raw.isdigit() else _NUMBERS[raw], m.group("unit")))

    for m in re.finditer(r"\b(?P<pre>by|before|until|for|at|over|this)\s+Christmas\b", plain):
        christmas = date(year, 12, 24 if m.group("pre") == "before" else 25)
        add(m, christmas if christmas >= published_on else christmas + relativedelta(years=1))

    # "in the fourth quarter" with no year: the next such quarter
    for m in re.finditer(r"\bthe\s+(?P<q>first|second|third|fourth|final|last)\s+quarter\b(?!\s+of\b)", plain, re.I):
        month = {"first": 3, "second": 6, "third": 9}.get(m.group("q").lower(), 12)
        end_of_quarter = _end_of_month(year, month)
        if end_of_quarter < published_on:
            end_of_quarter = _end_of_month(year + 1, month)
        add(m, end_of_quarter)

    for m in re.finditer(
        r"\b(?:within|in|over|during|for)\s+(?:the\s+)?(?:next|coming|following|following|first)?\s*"
        r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|several|few)?"
        r"\s*(?P<unit>days?|weeks?|months?|years?|decades?)\b(?!\s+ago)",
        plain,
        re.I,
    ):
        text = m.group(0).lower()
        # "within six months" and "over the next decade" look ahead; "the highest in four
        # decades" looks back.
        if not re.search(r"\b(?:within|next|coming|following)\b", text):
            continue
        raw = (m.group("n") or "1").lower()
        n = int(raw) if raw.isdigit() else _NUMBERS.get(raw, 1)
        add(m, published_on + _span(n, m.group("unit")))

    for m in re.finditer(
        r"\b(?P<which>this|next|the|by|before|through|over)\s+(?:the\s+)?(?P<season>winter|spring|summer|autumn|fall)\b",
        plain,
        re.I,
    ):
        add(m, _season_end(published_on, m.group("season").lower(), next_one=m.group("which").lower() == "next"))

    for m in re.finditer(r"\b(?:this|next)\s+(?P<unit>week|month|quarter)\b", plain, re.I):
        nxt = m.group(0).lower().startswith("next")
        unit = m.group("unit").lower()
        if unit == "week":
            deadline = published_on + relativedelta(weeks=1 if nxt else 0, weekday=SU)
        elif unit == "month":
            deadline = published_on + relativedelta(months=1 if nxt else 0, day=31)
        else:
            quarter_end = ((published_on.month - 1) // 3 + 1) * 3
            deadline = published_on + relativedelta(month=quarter_end, day=31, months=3 if nxt else 0)
        add(m, deadline)

    for m in re.finditer(
        r"\b(?:on|by|before|this|next|until)\s+(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        plain,
    ):
        deadline = published_on + relativedelta(days=+1, weekday=_WEEKDAYS[m.group("day").lower()](+1))
        if m.group(0).lower().startswith("next"):
            deadline += relativedelta(weeks=1)
        add(m, deadline)

    for m in re.finditer(
        r"\b(?:in\s+the\s+(?:coming|next\s+few)\s+(?P<unit>weeks|months)|in\s+the\s+(?:weeks|months)\s+ahead"
        r"|in\s+the\s+(?:short|near)\s+(?:run|term)|soon|shortly|imminently)\b",
        plain,
        re.I,
    ):
        text = m.group(0).lower()
        delta = relativedelta(months=1) if "week" in text or text in ("soon", "shortly", "imminently") else None
        if delta is None:
            delta = relativedelta(months=6) if "month" in text else relativedelta(years=1)
        add(m, published_on + delta, DEADLINE_APPROXIMATE)
    return found


def _deadline_in(plain: str, start: int, end: int, published_on: date) -> _When | None:
    expressions = _time_expressions(plain[start:end], published_on)
    if not expressions:
        return None
    # A stated window wins over a vague one; among stated ones the latest is the window's end
    # ("this year and next", "by 2030, up from 2024 levels").
    for flag in (DEADLINE_STATED, DEADLINE_NO_FIXED_DATE, DEADLINE_APPROXIMATE):
        ranked = [when for _, when in expressions if when.flag == flag]
        if ranked:
            if flag == DEADLINE_STATED:
                return max(ranked, key=lambda when: when.deadline)
            return ranked[0]
    return None


# --- assembly ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    block: int


def _article_sentences(text: str, plain: str) -> list[_Sentence]:
    sentences: list[_Sentence] = []
    # Blocks are numbered so that adjacent paragraphs get adjacent numbers: blank lines do
    # not count, headings and captions do (they separate what is before from what is after).
    index = -1
    for start, end in _blocks(text):
        kind = _block_kind(text[start:end])
        if kind == "empty":
            continue
        index += 1
        if kind is not None:
            continue
        dateline = re.match(
            r"\s*[A-Z][A-Z .,'\-]+,?\s+(?:\w+\.?\s+\d{1,2}\s+)?"
            r"\((?:Reuters|AP|AFP|Bloomberg|Xinhua|Kyodo|Yonhap)\)\s*[-\u2013\u2014]+\s*",
            plain[start:end],
        )
        if dateline:
            start += dateline.end()
        list_number = re.match(r"\s*\d{1,2}[.)]\s+", plain[start:end])
        if list_number:
            start += list_number.end()
        for s, e in _sentences(plain, start, end):
            sentences.append(_Sentence(s, e, index))
    return sentences


def extract_candidates(text: str, *, published_on: date, scale: str = scales.DEFAULT_SCALE) -> list[Candidate]:
    """Propose the forecasts in `text`, an article published on `published_on`."""
    chosen_scale = scales.get_scale(scale)
    plain = _plain(text)
    sentences = _article_sentences(text, plain)
    candidates: list[Candidate] = []
    skip_next = False
    for i, sentence in enumerate(sentences):
        if skip_next:
            skip_next = False
            continue
        start, end = sentence.start, sentence.end
        if plain[start:end].rstrip("\"') ").endswith("?"):
            # "A ceasefire by December? I'd say 35 percent." reads as one forecast.
            nxt = sentences[i + 1] if i + 1 < len(sentences) else None
            if nxt is None or nxt.block != sentence.block:
                continue
            answer = plain[nxt.start : nxt.end]
            if len(answer.split()) > 12 or not any(p.search(answer) for p in _STATED):
                continue
            end = nxt.end
            skip_next = True
        context = [s for s in sentences[max(0, i - 2) : i] if s.block == sentence.block]
        # the end of the paragraph before, unless a heading, caption or quote stands between
        earlier = [s for s in sentences[max(0, i - 2) : i] if s.block == sentence.block - 1]
        candidates.extend(_sentence_candidates(text, plain, start, end, context, earlier, published_on, chosen_scale))
    return _default_to_the_articles_year(candidates, published_on)


def _default_to_the_articles_year(candidates: list[Candidate], published_on: date) -> list[Candidate]:
    """Undated forecasts get the year most of the article's dated forecasts fall in.

    An article published in November about next February's election is about next year;
    the end of the publication year would be a window nobody meant.
    """
    years = Counter(
        c.deadline.year for c in candidates if c.deadline_flag == DEADLINE_STATED and c.deadline >= published_on
    )
    if not years:
        return candidates
    year = min(years, key=lambda y: (-years[y], y))
    if year == published_on.year:
        return candidates
    deadline = date(year, 12, 31)
    note = f"no time expression: deadline defaults to the end of {year}, the year most dated forecasts here fall in"
    return [
        replace(
            c,
            deadline=deadline,
            claim=suggest_claim(c.quote, deadline),
            note=c.note.replace(_DEFAULT_NOTE, note),
        )
        if c.deadline_flag == DEADLINE_DEFAULT
        else c
        for c in candidates
    ]


def _sentence_candidates(
    text: str,
    plain: str,
    start: int,
    end: int,
    context: list[_Sentence],
    earlier: list[_Sentence],
    published_on: date,
    scale: scales.Scale,
) -> list[Candidate]:
    clauses = []
    for c_start, c_end in _clauses(plain, start, end):
        markers = _find_markers(plain, c_start, c_end)
        clauses.append([c_start, c_end, markers])
    # A clause that only puts a number on the previous one ("I'm 80% sure of that")
    # belongs to it.
    merged: list[list] = []
    for clause in clauses:
        c_start, c_end, markers = clause
        if merged and markers and markers[0].kind == "stated" and _BACK_REFERENCE.search(plain[c_start:c_end]):
            merged[-1][1] = c_end
            merged[-1][2] = merged[-1][2] + markers
        else:
            merged.append(clause)
    with_markers = [clause for clause in merged if clause[2]]
    if not with_markers:
        return []
    if len(with_markers) == 1:
        kept = [c for c in merged if c[2] or not _UNCERTAIN_CLAUSE.search(plain[c[0] : c[1]])]
        forecast = with_markers[0]
        if re.match(r"(?:but|yet)\s", plain[forecast[0] : forecast[1]], re.I):
            # "X has said he would prefer ..., but the Nationals are unlikely to agree": what
            # the forecast is contrasted with is not part of it.
            kept = [c for c in kept if c[0] >= forecast[0]]
        quote_start = start if kept[0] is merged[0] else kept[0][0]
        quote_end = end if kept[-1] is merged[-1] else kept[-1][1]
        pieces = [(quote_start, quote_end, with_markers[0][2], True, with_markers[0][0], with_markers[0][1])]
    else:
        pieces = [(s, e, m, False, s, e) for s, e, m in with_markers]
    results = []
    for p_start, p_end, markers, whole, clause_start, clause_end in pieces:
        marker = max(markers, key=lambda m: (m.priority, -m.start))
        if marker.kind == "hedge" and not whole:
            opening = plain[p_start:p_end].split()
            if opening[0].lower() in ("perhaps", "possibly", "maybe") and len(opening) < 4:
                continue
        candidate = _candidate(
            text,
            plain,
            (p_start, p_end),
            (clause_start, clause_end),
            (start, end),
            marker,
            context,
            earlier,
            published_on,
            scale,
            single=whole,
        )
        if candidate is not None:
            results.append(candidate)
    return results


def _candidate(
    text: str,
    plain: str,
    piece: tuple[int, int],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    marker: _Marker,
    context: list[_Sentence],
    earlier: list[_Sentence],
    published_on: date,
    scale: scales.Scale,
    *,
    single: bool,
) -> Candidate | None:
    start, end = _strip_quote_marks(plain, *piece)
    sentence_start, sentence_end = sentence
    whole_sentence = single
    # The forecast's own clause speaks first, then its sentence, then the sentences before it.
    when = _deadline_in(plain, *clause, published_on)
    if when is None:
        when = _deadline_in(plain, sentence_start, sentence_end, published_on)
    flag = when.flag if when else None
    if when is None:
        for previous in reversed(context):
            found = _deadline_in(plain, previous.start, previous.end, published_on)
            if found is not None and found.flag == DEADLINE_STATED:
                when = _When(found.deadline, DEADLINE_CONTEXT, found.text)
                flag = DEADLINE_CONTEXT
                break
    dated_before = None
    for previous in reversed(earlier if when is None else []):
        found = _deadline_in(plain, previous.start, previous.end, published_on)
        if found is not None and found.flag == DEADLINE_STATED:
            dated_before = _When(found.deadline, DEADLINE_CONTEXT, found.text)
            break
    if dated_before is not None and _ANAPHORA.search(plain[sentence_start:sentence_end]):
        # "Leaders are expected to declare there": the place and date of the paragraph before
        when, flag = dated_before, DEADLINE_CONTEXT
    clause = plain[start:end]

    if marker.kind == "hedge":
        # a new paragraph that goes on about a dated event counts as dated for this test
        has_time = when is not None or dated_before is not None
        elaborates = not whole_sentence and bool(_ELABORATION.match(clause))
        # "may yet recover", "might test 0.5 per cent once the cap is loosened": the words
        # point at a coming event even without a date.
        awaited = bool(_AWAITED_EVENT.search(plain[marker.end : end]))
        if elaborates and _CONDITIONAL.match(plain[sentence_start:sentence_end]):
            return None  # "If they do, the price will be high: ..., and perhaps a guarantee"
        if not has_time and not elaborates and not awaited:
            # "Done badly, it could lose the voters": a possibility with no event or
            # window to check is commentary, not a forecast.
            return None

    if marker.kind == "see" and (when is None or when.flag != DEADLINE_STATED):
        return None  # "I see the appeal" is an opinion; "I see a fall before 2025" forecasts

    if marker.kind == "stated":
        probability, basis, category = marker.probability, BASIS_STATED, None
        for band_name in scales.CATEGORIES:
            if marker.probability in scale.band(band_name):
                category = band_name
                break
    elif marker.category is not None:
        probability, basis, category = scale.probability(marker.category), BASIS_PHRASE, marker.category
    else:
        probability, basis, category = None, BASIS_NONE, None
    phrase = " ".join(marker.phrase.split())
    if marker.kind == "will" and re.match(r"\s+be\s+able\s+to\b", plain[marker.end : marker.end + 14], re.I):
        # "will be able to" states a capability, not that the thing will be done.
        probability, basis, category = None, BASIS_NONE, None
        phrase = f"{phrase} be able to"

    notes = []
    if when is None:
        deadline = date(published_on.year, 12, 31)
        flag = DEADLINE_DEFAULT
        notes.append(_DEFAULT_NOTE)
    else:
        deadline = when.deadline
        if flag == DEADLINE_NO_FIXED_DATE:
            notes.append(f"no fixed date ({' '.join(when.text.split())}): the editor must set a deadline")
        elif flag == DEADLINE_CONTEXT:
            notes.append(f"deadline taken from the previous sentence ({' '.join(when.text.split())})")
        elif flag == DEADLINE_APPROXIMATE:
            notes.append(f"approximate window ({' '.join(when.text.split())})")
    if basis == BASIS_NONE:
        notes.append("the words carry no probability: tracked, unscored")
    conditional = bool(_CONDITIONAL.match(plain[sentence_start:sentence_end]))
    if conditional:
        notes.append("conditional")

    confidence = 0.45 + {BASIS_STATED: 0.35, BASIS_PHRASE: 0.25, BASIS_NONE: 0.05}[basis]
    if marker.kind == "will":
        confidence -= 0.1
    confidence += {
        DEADLINE_STATED: 0.1,
        DEADLINE_CONTEXT: 0.0,
        DEADLINE_APPROXIMATE: -0.05,
        DEADLINE_NO_FIXED_DATE: -0.1,
        DEADLINE_DEFAULT: -0.15,
    }[flag]
    if conditional:
        confidence -= 0.15
    if _REPORTED.search(plain[sentence_start:sentence_end]):
        confidence -= 0.05
    confidence = round(min(max(confidence, 0.05), 0.95), 2)

    quote = text[start:end]
    return Candidate(
        quote=quote,
        claim=suggest_claim(quote, deadline),
        estimative_phrase=phrase,
        probability=probability,
        probability_basis=basis,
        deadline=deadline,
        deadline_flag=flag,
        note="; ".join(notes),
        confidence=confidence,
        category=category,
        start=start,
        end=end,
    )


def _strip_quote_marks(plain: str, start: int, end: int) -> tuple[int, int]:
    """Drop an unbalanced quotation mark left at either end by the clause split."""
    while start < end and plain[start] in "\"'(" and plain[start:end].count(plain[start]) % 2 == 1:
        start += 1
    while end > start and plain[end - 1] in "\"')" and plain[start:end].count(plain[end - 1]) % 2 == 1:
        end -= 1
    return _trim_clause(plain, start, end)


_CLAIM_REWRITES = [
    (re.compile(r"^(?:and|but|yet|so|or|although|though|while|whereas|even\s+though)\s+", re.I), ""),
    (
        re.compile(
            r"^(?:there\s+is|there's|it\s+is|it's)\s+[^,]*?\b(?:chance|odds|likely|unlikely|possible|probability)\s+(?:that\s+)?",
            re.I,
        ),
        "",
    ),
    (re.compile(r"^the\s+odds\s+are\s+(?:that\s+)?|^chances\s+are\s+(?:that\s+)?", re.I), ""),
    (
        re.compile(
            r"\b(?:will|'ll)\s+(?:not\s+)?(?:very\s+|highly\s+|most\s+|almost\s+)?(?:certainly|likely|probably)?\s*(?:not\s+)?",
            re.I,
        ),
        "will ",
    ),
    (
        re.compile(
            r"\b(?:very\s+|highly\s+|most\s+|almost\s+)?(?:certainly|likely|probably)\s+(?:will\s+|won't\s+)", re.I
        ),
        "will ",
    ),
    (re.compile(r"\bwon't\b", re.I), "will"),
    (
        re.compile(
            r"\b(?:is|are|remains?)\s+(?:widely\s+|very\s+|highly\s+|not\s+)?(?:un)?(?:likely|expected|set|poised|bound)\s+to\b",
            re.I,
        ),
        "will",
    ),
    (re.compile(r"\s*[;,]\s*I'?m\s+\d+%\s+sure\s+of\s+that\.?$", re.I), ""),
]


def suggest_claim(quote: str, deadline: date | None) -> str:
    """A first draft of the checkable claim, stated positively, for the editor to edit."""
    claim = " ".join(_plain(quote).split()).strip(" .\"'")
    for pattern, replacement in _CLAIM_REWRITES:
        claim = pattern.sub(replacement, claim)
    claim = re.sub(r"\s+", " ", claim).strip(" ,.")
    if claim:
        claim = claim[0].upper() + claim[1:]
    if deadline is not None:
        claim = f"{claim} (by {deadline.isoformat()})"
    return claim
