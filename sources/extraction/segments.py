"""Reading an article: paragraphs (blocks), what is not prose, and sentences.

Blocks are paragraphs; captions, photo and chart credits, author bios, republication
notes and bylines are dropped whole. Sentences are character spans of the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from .text import to_plain, trim

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
_CREDIT_LINE = re.compile(rf"\s*{_CREDIT_LABEL}\s*:\s*\S")
# words past which a block with a credit line inside it is prose with a caption scraped in
_LONGEST_CAPTION = 60
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
_ROLE = lexicon.ROLE_PATTERN
# Case-sensitive even inside the bio pattern: "Growth in China is expected to slow ..., according
# to analysts" is no bio of a "Growth In".
_NAME = (
    r"(?-i:(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Sir|Dame)\.?\s+)?"
    r"[A-Z][\w'\-]+(?:\s+(?:[A-Z][\w'\-.]*|de|van|von|da|al|bin|el|le)){1,4})"
)
_BIO = re.compile(
    rf"^(?:[-\u2014\u2013*_]\s*)?(?:{_NAME}|The author|The writer|About the author:?)"
    # the role in the same sentence: "The WGC is not chasing illusions, though. Analysts also acknowledge ..." is prose
    r"\s+(?:is|was|writes|teaches|works|leads|heads|serves|has been)\b"
    # a forecast is no bio: "The CBN is expected to raise interest rates ... driven by food inflation. [ad]"
    r"(?!\s+(?:now\s+|also\s+|widely\s+)?(?:expected|forecast|projected|set|likely|unlikely|poised|due|going)\b)"
    rf"(?:[^.!?]|\.(?!\s+[A-Z][a-z])){{0,200}}?\b{_ROLE}",
    re.IGNORECASE | re.DOTALL,
)
_BYLINE = re.compile(
    r"^(?:By|Author|Authors|Written by|Posted(?: on)?|Published(?: on)?|Updated)\b"
    # a sentence that opens on its deadline is prose: "By the end of next year, they are expected to fall further"
    r"(?!\s+(?:the\s+(?:end|start|beginning|middle|close|turn|time|first|second|third|fourth|last)\b|"
    r"(?:mid|early|late|next|this|then|now|year[\s-]end)\b|\d|(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b))"
    r"[^\n]{0,150}$",
    re.IGNORECASE,
)


def block_kind(block: str) -> str | None:
    """Why a block is not article prose, or None for prose."""
    plain = to_plain(block).strip()
    if not plain:
        return "empty"
    words = plain.split()
    caption = _CAPTION.search(plain)
    # a caption scraped into the middle of a long paragraph ("... 2030. Source: BNEF. The pace of
    # electrification will vary ...") does not make the paragraph a caption
    if caption and (len(words) <= _LONGEST_CAPTION or caption.start() == 0 or not plain[caption.end() :].count(". ")):
        return "caption"
    if _REPUBLICATION.search(plain):
        return "republication note"
    if _BYLINE.match(plain) and len(words) <= 25:
        return "byline"
    if len(words) <= 60 and _BIO.match(plain) and plain.count(". ") <= 2:
        return "bio"
    # Headlines, datelines and author lines carry no sentence punctuation (a list item ending with a semicolon
    # does: "Scenario 1 (-58%) based on ... in early Jul-2020;")
    if len(words) <= 20 and not re.search(r"[.!?;][\"')]*\s*$", plain):
        return "heading"
    return None


# A line that announces a list of predictions: "Predictions for March 24th, 2018", "Top Ten
# Predictions For 2015", "..., here is what I think might happen:", "Here are a few things the staff of
# BusinessWeek and BusinessWeek Online think will happen next year -- or at least could happen. See if you agree:"
FRAME = re.compile(
    r"\bpredictions?\b|\bforecasts?\s+for\b|\bwhat\s+(?:I|we)\s+(?:think|expect|see)\b|\b(?:might|could)\s+happen\b"
    r"|\b(?:think|thinks|believe|believes|reckon|reckons)\s+will\s+happen\b"
    r"|\b(?:I|we)\s+(?:expect|predict|think)\b[^.]*:\s*$",
    re.I,
)
# A headline that forecasts: an infinitive and a year
HEADLINE_FORECAST = re.compile(r"^[^.:]{2,60}?\bto\s+[A-Za-z]+\b.*\b(?:19|20)\d\d\b")
# A title that asks, with or without its question mark: "Why the Fed will cut rates in March"
_ASKS = re.compile(r"^\W*(?:why|how|what|when|where|will|can|could|is|are|should|who|does|do)\b", re.I)
# A line without a full stop that still states a forecast: six words or more with a "will" or "likely"
_HEADLINE_WILL = re.compile(
    r"^(?!\s*(?:why|how|what|when|where|will|can|could|is|are|should|who)\b)(?=(?:\S+\s+){5,})[^:|]*\b(?:will|won't|likely|unlikely|(?:is|are)\s+(?:expected|set|poised)\s+to)\b[^:|]*$",
    re.I,
)
# A title that states a chance: "Statistical model: Democrats have a 57% chance of keeping the Senate"
_HEADLINE_CHANCE = re.compile(
    r"^(?=(?:\S+\s+){5,})[^?]*\b\d{1,3}(?:\.\d+)?\s*(?:%|per\s*cent|percent)\s+"
    r"(?:chance|probability|likelihood|odds)\s+(?:of|that|to)\b[^?]*$"
    # "SPY Median Price Target: $410 (Q3 2025)"
    r"|\bprice\s+target\s*:\s*\$?\d"
    # "Predicted Gross: $27.6 million"
    r"|\b(?:predicted|projected|forecast)\s+[A-Za-z]+(?:\s+[A-Za-z]+)?\s*:\s*"
    r"(?:[$\u20ac\u00a3]\d|\d[\d.,]*\s*(?:%|per\s*cent|percent|million|billion|thousand|[mbk]n?\b))",
    re.I,
)
# A list line that gives a forecaster before a dash: "Barclays – Oil could hit $100/barrel in 2011",
# "Moody's – should average $80/barrel"
_FORECASTER_DASH = re.compile(
    r"^\W*[A-Z][\w.&'\u2019\-]*(?:\s+[A-Z][\w.&'\u2019\-]*){0,3}\s+[\u2013\u2014]\s+"
    r"(?=[^?]*\b(?:will|could|should|may|might|expects?|sees|forecasts?|predicts?)\b)"
)
# A line of a dated list: "Summer 2006: people start to see the market go down", "Spring 08: we hit bottom"
DATED_LABEL = re.compile(
    r"^\s*(?:(?:early|late|mid)[\s-]+)?(?:(?:winter|spring|summer|autumn|fall)(?:[-/](?:winter|spring|summer|autumn|fall))?"
    r"|Q[1-4]|H[12]|January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+'?(?:(?:19|20)\d\d|\d\d)(?:[-/]\d\d)?\s*:\s+(?=\S)",
    re.I,
)
# A short line that announces what follows as predictions: "Here is my prediction, based on gut feeling."
_ANNOUNCES = re.compile(r"^\W*(?:here\s+(?:is|are)|these\s+are|below\s+(?:is|are))\b[^.]{0,60}\bpredictions?\b", re.I)
# A paragraph that presents the writer's predictions for a year: the numbered items after it are they
# ("... to present you with the definitive Top 25 Predictions for 2025.")
_PREDICTIONS_FOR_A_YEAR = re.compile(r"\bpredictions\s+for\s+(?:the\s+year\s+)?(?:19|20)\d\d\b", re.I)
# A sentence that runs on into the list below it, its causes or its examples: eight words or more before "due to:"
_CONTINUES_INTO_A_LIST = re.compile(
    r"^(?=(?:\S+\s+){8,})[^:?]*\b(?:due\s+to|because\s+of|driven\s+by|thanks\s+to|led\s+by)\s*:\s*$", re.I
)
# A bullet or a numbered item at the start of a line.
# A full stop glued to a capital is a bullet too: ".Stock market: down over 20% from 2011."; a rank
# shared by several items is numbered "T-4."
_ITEM = re.compile(
    r"[ \t\u00a0]*(?:(?:[\u2022\u25aa\u25cf\u25e6\u2023\u2043*\-\u2013\u2014]|(?:T-)?\d{1,2}[.)])[ \t\u00a0]+(?=\S)"
    r"|\.(?=[A-Z])"
    # a bullet alone on its line, as a scraped table cell leaves it ("|●" above "Capacity - ...")
    r"|[ \t|]*[\u2022\u25aa\u25cf\u25e6][ \t|]*$)"
)
# A short item that gives a name its chance or its betting line: "• Eagles at 20%", "1. Patriots +163"
_CHANCE_ITEM = re.compile(
    r"^\W*(?:(?:T-)?\d{1,2}[.)]\s+)?[A-Z][\w.&'\-]*(?:\s+[A-Z][\w.&'\-]*){0,2}\s+"
    r"(?:at\s+\d{1,3}(?:\.\d+)?\s*%|[+-](?:\d{3,5}|\d{1,3}(?:,\d{3})+))\s*$"
)


def in_list_item(plain: str, position: int) -> bool:
    """Whether `position` is on a line that opens as a list item (a bullet or a number)."""
    return bool(_ITEM.match(plain, plain.rfind("\n", 0, position) + 1))


# A poll's count in a list: "\u2022 30 see Q3" (under "63 economists surveyed:")
_COUNT_ITEM = re.compile(r"^\W*\d{1,4}\s+(?:see|expect|predict|forecast)\s+\S")
# A probability standing alone after a sentence: "There will be no recession in 2019. 80%"
BARE_PERCENT = re.compile(r"\s*\(?\d{1,3}(?:\.\d+)?\s*(?:%|per\s*cent|percent)\)?\.?\s*$")


def _note_line(line: str) -> bool:
    """A line that credits a source or notes where the text ran or whose rights it is."""
    return bool(_CREDIT_LINE.match(line) or _REPUBLICATION.search(to_plain(line).strip()))


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: split at blank lines, and at single newlines between short lines."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"(?:[^\n]|\n(?![ \t\u00a0]*\n))+", text):
        start, end = match.span()
        chunk = text[start:end]
        lines = chunk.split("\n")
        # Hard-wrapped prose keeps its lines together; a stack of short header lines
        # (title, author, date) is split so that each line is judged on its own.
        # List items and bullets are items of their own, whatever their length; the lines
        # that continue an item (a hard-wrapped bullet) stay with it.
        line_spans, offset = [], start
        for line in lines:
            line_spans.append((offset, offset + len(line)))
            offset += len(line) + 1
        if len(lines) > 1 and any(_ITEM.match(line) or DATED_LABEL.match(line) for line in lines):
            for (line_start, line_end), line in zip(line_spans, lines, strict=True):
                if (
                    _ITEM.match(line)
                    or DATED_LABEL.match(line)
                    # a label between lists ("Buffalo and Dallas as the #1 Seeds:") continues no item
                    or line.rstrip().endswith(":")
                    or not spans
                    or spans[-1][1] < start
                    or not (
                        _ITEM.match(text[spans[-1][0] : spans[-1][1]])
                        or DATED_LABEL.match(text[spans[-1][0] : spans[-1][1]])
                    )
                ):
                    spans.append((line_start, line_end))
                else:
                    spans[-1] = (spans[-1][0], line_end)
        elif len(lines) > 1 and max(len(line) for line in lines) < 60:
            spans.extend(line_spans)
        elif len(lines) > 1 and any(_note_line(line) for line in lines):
            # paragraphs one a line with a credit line or a copyright line among them ("Source: Bloomberg (via
            # YouTube), August 26, 2010.", "\u00a9 2024 Newsmax. All rights reserved."): the note is a block of its
            # own, not the caption or the note of the whole
            for (line_start, line_end), line in zip(line_spans, lines, strict=True):
                if (
                    _note_line(line)
                    or not spans
                    or spans[-1][1] < start
                    or _note_line(text[spans[-1][0] : spans[-1][1]])
                ):
                    spans.append((line_start, line_end))
                else:
                    spans[-1] = (spans[-1][0], line_end)
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
# a transcript's turn marker starts a sentence: "... INTEREST RATES? >> THERE'S A LOT GOING ON"
# ... and a scraped page that lost the space after a full stop still ends its sentence there: "it said.Consumer prices
# are expected to rise" (a lowercase word, then a capitalised one; abbreviations are left to the boundary test)
_SENTENCE_END = re.compile(
    r"[.!?\u2026]+[\"')\]]*(?=\s+(?:>>\s*)?[\"'(\[]?[A-Z0-9])|(?<=[a-z][a-z])\.(?=[A-Z][a-z]+\s)"
)


def sentences_in(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _SENTENCE_END.finditer(plain, start, end):
        stop = match.end()
        if match.group().startswith(".") and not _is_boundary(plain, match.start(), stop):
            continue
        spans.append((cursor, stop))
        cursor = stop
    spans.append((cursor, end))
    # a transcript's turn marker (">>") is not part of what the speaker says
    spans = [(s + len(m.group(0)), e) if (m := re.match(r"\s*>>\s*", plain[s:e])) else (s, e) for s, e in spans]
    return [trim(plain, s, e) for s, e in spans if plain[s:e].strip()]


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


# --- assembly ----------------------------------------------------------------------------------


_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .,'\-]+,?\s+(?:\w+\.?\s+\d{1,2}\s+)?"
    rf"\({lexicon.WIRE_PATTERN}\)\s*[-\u2013\u2014]+\s*"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    block: int
    # in a list item (bullet or number) under a line that announces predictions: that line's span
    frame: tuple[int, int] | None = None


def article_sentences(text: str, plain: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    # Blocks are numbered so that adjacent paragraphs get adjacent numbers: blank lines do
    # not count, headings and captions do (they separate what is before from what is after).
    index = -1
    frame: tuple[int, int] | None = None
    for start, end in blocks(text):
        kind = block_kind(text[start:end])
        if kind == "empty":
            continue
        index += 1
        announces = FRAME.search(plain[start:end])
        if kind == "heading" and not _ITEM.match(plain[start:end]):
            frame = (start, end) if announces else None  # a new section
        elif kind is None and (
            (announces and plain[start:end].rstrip().endswith(":"))
            or (_ANNOUNCES.match(plain[start:end]) and len(plain[start:end].split()) <= 12)
            or _PREDICTIONS_FOR_A_YEAR.search(plain[start:end])
        ):
            frame = (start, end)
        item = _ITEM.match(plain[start:end])
        if (
            kind == "heading"
            and item
            and (
                len(plain[start:end].split()) >= 5
                or _CHANCE_ITEM.match(plain[start:end])
                or _COUNT_ITEM.match(plain[start:end])
                # a numbered forecast, however short: "1) Russia will collapse"
                or _states_a_forecast(plain, start, end, min_words=3)
            )
        ):
            kind = None  # a list item without a full stop is still a statement: "• Eagles at 20%"
        if kind == "heading" and (
            HEADLINE_FORECAST.search(plain[start:end])
            or _HEADLINE_WILL.search(plain[start:end])
            or _HEADLINE_CHANCE.search(plain[start:end])
            or _FORECASTER_DASH.match(plain[start:end])
            or _states_a_forecast(plain, start, end)
        ):
            kind = None  # "S&P 500 to Hit 5,000 in 2023: Strategist", "Inflation will fall below 3% by December"
        if kind == "heading" and _CONTINUES_INTO_A_LIST.search(plain[start:end].strip()):
            kind = None  # "Most forecasts suggest unemployment may rise in early 2026 due to:" is a sentence
        if kind is not None:
            continue
        dateline = _DATELINE.match(plain[start:end])
        if dateline:
            start += dateline.end()
        item = _ITEM.match(plain[start:end])
        if item:
            start += item.end()
        # a dated line keeps its label: the date is the item's window
        item = item or DATED_LABEL.match(plain[start:end])
        for s, e in sentences_in(plain, start, end):
            if sentences and sentences[-1].block == index and BARE_PERCENT.fullmatch(plain[s:e]):
                # the number belongs to the sentence before it
                sentences[-1] = Sentence(sentences[-1].start, e, index)
                continue
            sentences.append(Sentence(s, e, index, frame if item else None))
    return sentences


# the kinds of estimative marker that make a heading a forecast of its own; a bare "may" or "could" in a
# title ("What could go wrong in 2024") asks rather than forecasts
_HEADING_MARKERS = ("expect", "predict", "see", "bound", "should", "will", "will_adverb", "adverb_will", "stated")


def _states_a_forecast(plain: str, start: int, end: int, *, min_words: int = 5) -> bool:
    """A heading that says what is expected, as a sentence would: "We expect the Selic rate to end the year at
    8.75%", "CN Rail sees gradual recovery, growing demand"; not a question."""
    from .markers import find_markers  # markers reads context, which reads nothing of segments

    line = plain[start:end]
    # a label ("Our outlook for 2025") or a line announcing a list ("Here is what I think will happen:") is no claim
    if len(line.split()) < min_words or "?" in line or line.rstrip().endswith(":") or _ASKS.match(line):
        return False
    return any(
        m.kind in _HEADING_MARKERS
        # "Democrats are certain to lose Alabama so that is +1R": a certainty, not a heading's "Recession likely?"
        or (m.kind == "adjective" and m.phrase.lower() in ("certain", "sure"))
        for m in find_markers(plain, start, end)
    )


_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening)|welcome|greetings|thanks|thank\s+you)\b", re.I
)


def looks_like_headline(line: str) -> bool:
    """A title line: short, no closing full stop, not a greeting, a byline or a date line.

    A standfirst is a long sentence; "Hi everyone," opens a newsletter.
    """
    plain = " ".join(to_plain(line).split())
    words = plain.split()
    if not 2 <= len(words) <= 25 or not re.match(r"[\"'A-Z0-9\u00c0-\u024f]", plain):
        return False
    if re.search(r"[,;:]\W*$", plain) or _GREETING.match(plain) or _BYLINE.match(plain):
        return False
    if re.search(r"\.\W*$", plain) and len(words) > 12:
        return False  # a standfirst; "Europe's gas crunch is over. Its industrial crisis is not." is a title
    return block_kind(plain) in ("heading", None) and not re.fullmatch(
        r"[\d\s/.,:-]+|(?:\w+,?\s+)?(?:\w+\s+\d{1,2}|\d{1,2}\s+\w+),?\s+\d{4}", plain
    )
