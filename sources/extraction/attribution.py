"""Who makes a forecast the article reports: an institution, a study, a person interviewed.

A forecast is the article author's unless the sentence gives it to someone else:
"..., the IMF said", "according to Moody's", "Bloomberg Economics pegs ...", "the MPC expects",
or it stands in an interviewee's answer (the "A:" paragraphs of a Q&A).
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import lexicon

_NAME = r"(?-i:(?:[A-Z][\w&.'\-]*|[A-Z]{2,})(?:[ \t\u00a0]+(?:of|for|and|&)?[ \t\u00a0]*(?-i:[A-Z][\w&.'\-]*)){0,6})"
_SAYS = r"(?:said|says|told|wrote|writes|added|adds|noted|notes|warned|warns|predicted|predicts|estimated|estimates)"
_VERBS = (
    # singular forms that are also nouns ("its January estimate", "the forecast") are left out
    r"(?:expects?|predicts?|forecasts|projects|pegs|sees?|anticipates?|estimates|believes?|"
    r"is\s+(?:forecasting|predicting|projecting|expecting)|projected|predicted|"
    r"gives?|shows|puts?|places?|assess(?:es)?|indicates?|posits?|(?:is|are)\s+betting|targets|aims?\s+for|"
    # "Goldman Sachs and UBS Global Wealth Management both forecast", "Brian Belski recently raised his
    # year-end price target"
    r"(?:both|all|each)\s+forecast|(?:raised|lowered|cut|lifted|trimmed)\s+(?:his|her|its|their)\s+(?:[\w-]+\s+){0,4}"
    r"(?:target|forecast|estimate|outlook))"
)
# between a forecaster and its verb: "Leo, the New York Times model, pegs", "..., which, as of Monday, gives",
# "the NY Times reluctantly gives", "BCA Research almost certainly indicates"
_BETWEEN = r"(?:(?:\s*,\s*[^,.;]{1,60}?){1,2}\s*,)?\s+(?:(?:now|also|still|almost|very|\w+ly)\s+){0,2}"
# its short name in brackets after it: "the International Air Transport Association (IATA) said"
_SHORT = r"(?:\s*\((?-i:[A-Z]{2,8})\))?"
_PEOPLE = r"(?:scientists|economists|analysts|researchers|strategists|officials|forecasters|experts)"
_NOT_NAMES = {"I", "We", "He", "She", "It", "They", "This", "That", "There", "The", "But", "And", "In", "If", "A", "An"}
# "According to the October forecasts": a month or a day dates a forecast, it makes none
_NOT_NAMES |= {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
}  # fmt: skip

_PATTERNS = [
    # "..., the IMF said in its World Economic Outlook", "..., said Mark Zandi"
    # "..., Colorado State scientists said": the institution's people speak for it
    re.compile(rf"[,\u201d\"]\s*(?:the\s+)?(?P<name>{_NAME}){_SHORT}(?:\s+{_PEOPLE})?\s+{_SAYS}\b"),
    # "..., said Mark Zandi" (not "..., told Fortune": the listener is no forecaster)
    re.compile(rf"[,\u201d\"]\s*(?!told\b){_SAYS}\s+(?:the\s+)?(?P<name>{_NAME})"),
    # "Gapen said the risk of a U.S. recession in 2023 is high"
    re.compile(
        rf"^\W*(?:the\s+)?(?P<name>{_NAME})\s+(?:also\s+)?(?:said|says|added|noted|warned)\s+(?:that\s+)?(?-i:[a-z])"
    ),
    re.compile(rf"\baccording\s+to\s+(?:the\s+)?(?P<name>{_NAME})", re.I),
    # a list line with its forecaster before a dash: "Barclays \u2013 Oil could hit $100/barrel in 2011"
    # (a modal or a forecasting verb follows at once: a section label before a dash names no one)
    re.compile(
        rf"^\W*(?P<name>{_NAME})\s+[\u2013\u2014]\s+"
        r"(?=(?:\S+\s+){0,2}(?:will|could|should|may|might|expects?|sees?|forecasts?|predicts?)\b)"
    ),
    # "according to new estimates from analysts at JPMorgan"
    re.compile(rf"\baccording\s+to\s+[^,.;]{{0,60}}?\b(?:from|by|at|of)\s+(?:the\s+)?(?P<name>{_NAME})", re.I),
    # "The IMF expects", "Bloomberg Economics pegs", "the MPC now expects"
    re.compile(
        rf"(?:^|[\s,(])(?:the\s+)?(?P<name>{_NAME})(?:(?:'s)?\s+(?:model|study|report|forecast|team|strategists|"
        rf"economists|analysts)|\s+and\s+(?:his|her|their)\s+(?:team|colleagues))?"
        # "The Central Bank of Azerbaijan (CBA) forecasts that"
        rf"{_SHORT}{_BETWEEN}(?:continues?\s+to\s+)?"
        rf"{_VERBS}\b"
    ),
    # the subject of a sentence that goes on forecasting: "The United Nations has released its report,
    # forecasting that Earth's population will peak around mid-2080s"
    re.compile(
        # (after a dateline: "New York: The United Nations has released ...")
        rf"^(?:[^:.;]{{1,30}}:\s+)?\W*(?:the\s+)?(?P<name>{_NAME}){_SHORT}\s+(?:has|have|had|is|are|was|were|also|\w+ed|\w+s)\b[^.;]{{0,120}}?"
        r",\s+(?:forecasting|predicting|projecting|expecting|calling\s+for)\b"
    ),
    # a country's government or treasury: "The Hungarian government forecasts GDP growth to accelerate"
    re.compile(
        r"^\W*(?:the\s+)?(?P<name>(?-i:[A-Z][a-z]+)\s+(?:government|treasury|finance\s+ministry|cabinet))"
        rf"{_BETWEEN}{_VERBS}\b",
        re.I,
    ),
    # forecasters named by their trade: "Bookmakers disagree having Utd on just under 69%", "with bookmakers much
    # more confident at 64%", "Analysts expect the Fed to cut"
    re.compile(
        r"\b(?P<name>(?i:bookmakers|bookies|oddsmakers|analysts|economists|strategists|forecasters|traders))\s+"
        r"(?:(?:now|also|still|largely|widely|generally|much|more|less|are|were)\s+){0,3}"
        r"(?i:expect|predict|forecast|see|project|anticipate|believe|think|agree|disagree|confident|betting|give|put|have)\b"
    ),
    # "Huffpost's model says", "A study by Oxford Economics finds"
    re.compile(
        rf"\b(?P<name>{_NAME})'s\s+(?:\w+\s+)?(?:model|study|report|survey|analysis|forecasts?|projections?|outlook)\s+"
        r"(?:says|shows?|finds|gives|projects)\b"
    ),
    # "debt held by the public also increases in CBO's projections"
    re.compile(rf"\b(?:in|under)\s+(?P<name>{_NAME})'s\s+(?:\w+\s+)?(?:projections?|forecasts?|estimates?|outlook)\b"),
    re.compile(rf"\b(?:study|report|survey|analysis)\s+(?:by|from)\s+(?:the\s+)?(?P<name>{_NAME})"),
    # a bookmaker's prices: "Looking at MansionBet's NFL odds online, ... 13/2 favourites"
    re.compile(
        rf"\b(?P<name>{_NAME})(?:'s|\u2019s)\s+(?:(?-i:[A-Z]{{2,4}})\s+)?(?:odds|lines|prices|betting\s+odds)\b"
    ),
]
_GENERIC = (
    r"(?:bank|central\s+bank|committee|council|governing\s+council|fund|board|report|study|survey|economists|"
    r"analysts|strategists|institute|think\s+tank|firm|company|panel|organi[sz]ation|association)"
)
_GENERIC_SOURCE = re.compile(
    rf"\b(?:the|its|their)\s+{_GENERIC}\s+(?:also\s+|now\s+|further\s+|additionally\s+)?"
    rf"(?:{_SAYS}|{_VERBS}|agreed|concurred|calculated)\b"
    # a revision told of the institution: "The central bank kept its CPI forecast for 2017 at 2.4%"
    rf"|\b(?:the|its|their)\s+{_GENERIC}\s+(?:also\s+|now\s+)?(?:kept|raised|lowered|cut|left|maintained|retained|revised|"
    r"upgraded|downgraded)\s+(?:its|their|the)\b"
    rf"|\baccording\s+to\s+(?:the|its|their|a)\s+(?:\w+\s+)?(?:projections|report|study|estimates|forecasts|survey|"
    r"organi[sz]ation|association|agency|institute|bank|group)\b",
    re.I,
)
_PRONOUN_SAYS = re.compile(rf"[,\u201d\"]\s*(?P<pronoun>he|she|it|they)\s+{_SAYS}\b", re.I)
_PERSON = re.compile(r"\b(?-i:[A-Z][a-z]+(?:[ \t\u00a0-][A-Z][a-z]+){1,3})\b")
_ORGANISATION = re.compile(
    r"\b(?:(?-i:(?:Reserve[ \t]+|Central[ \t]+|National[ \t]+|People's[ \t]+)?Bank[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]\w+)"
    # a company named with its ticker: "Procter & Gamble Co. (PG)", "Lululemon Athletica (NASDAQ: LULU)"
    r"|(?-i:[A-Z][\w&.'\-]*)(?:[ \t]+(?:&[ \t]+)?(?-i:[A-Z][\w&.'\-]*)){0,4}"
    r"(?=[ \t]*\((?:(?-i:[A-Z]{2,8})[ \t]*:[ \t]*)?(?-i:[A-Z]{1,5})\))"
    r"|[A-Z]{2,6}\b|"
    r"(?!The\b)(?-i:[A-Z][\w&.'\-]*)(?:[ \t]+(?-i:[A-Z][\w&.'\-]*|of|for)){0,4}[ \t]+"
    r"(?:Fund|Bank|Reserve|Institute|Research|Economics|Analytics|Office|Agency|Committee|Commission|Council|Board|"
    r"Panel|Association|Organi[sz]ation))"
)


_NOT_FORECASTERS = {"US", "UK", "EU", "USA", "GDP", "CPI", "PCE", "QE", "Q1", "Q2", "Q3", "Q4", "AI"}
# a central bank's or a ministry's titles too: "the regulator's Deputy Governor Alexey Zabotkin"
_ROLE_WORDS = re.compile(rf"\b(?:{lexicon.ROLE_PATTERN}|governor|deputy|secretary)s?\b", re.I)


def _clean(name: str) -> str | None:
    name = re.sub(r"^(?:the|The)\s+", "", " ".join(name.split())).strip(" ,.'\u2019")
    roles = list(_ROLE_WORDS.finditer(name))
    if roles and roles[-1].end() < len(name):
        # "ACT Research President and Senior Analyst Kenny Vieth": the person, not the title
        name = name[roles[-1].end() :].strip()
    if name in _NOT_FORECASTERS:
        return None
    name = re.sub(r"(?:'s|\u2019s)$", "", name)
    if not name or name.split()[0] in _NOT_NAMES or len(name) < 2 or _NO_ONE.match(name):
        return None
    return name


# Capitalised words that name no one: a preposition, a time or the reader ("On Wednesdays", "After",
# "You"), a label ("Predicted Gross: $27.6 million"), a section heading in capitals ("HOUSING SECTOR")
_NO_ONE = re.compile(
    r"(?i:(?:on|after|before|for|of|with|by|at|from|to|as|since|until|during|under|over|when|while|where|you)\b"
    r"|(?:predicted|projected|forecast|expected|estimated)\s)"
    r"|[A-Z]{3,}(?:\s+[A-Z]{3,})+$"
)


# A central bank's policy body speaks for the bank: "the Governing Council said it expects"
_POLICY_BODY = re.compile(
    r"(?:Governing|Executive|Policy)\s+(?:Council|Board)|MPC|Monetary\s+Policy\s+(?:Committee|Council|Board)|"
    # "The Central Bank expects ...": the country's bank the text names
    r"(?:Bank\s+)?Board|Central\s+Bank"
)
_CENTRAL_BANK = re.compile(
    r"\b(?-i:(?:(?:Reserve|Central|National|People's)\s+)?Bank\s+of\s+(?:the\s+)?[A-Z]\w+|European\s+Central\s+Bank|"
    r"Federal\s+Reserve|Swiss\s+National\s+Bank|Bundesbank)"
)


def full_name(plain: str, name: str) -> str:
    """The institution a short name stands for in this text.

    An acronym or ticker the text spells out ("Japan Center for Economic Research (JCER)",
    "Procter & Gamble Co. (PG)", "P&G" for Procter & Gamble), and a central bank's policy body
    ("Governing Council", "MPC") for the bank the text names.
    """
    if _POLICY_BODY.fullmatch(name):
        bank = _CENTRAL_BANK.search(plain)
        return " ".join(bank.group(0).split()) if bank else name
    if not re.fullmatch(r"[A-Z][A-Z&.]{1,7}", name):
        return name
    defined = re.search(rf"(?P<full>{_NAME})[ \t]*\((?:(?-i:[A-Z]{{2,8}})[ \t]*:[ \t]*)?{re.escape(name)}\)", plain)
    if defined and _clean(defined.group("full")):
        return _clean(defined.group("full")) or name
    letters = re.sub(r"[^A-Z]", "", name)
    for found in re.finditer(_NAME, plain):
        spelled = re.sub(r"^The\s+|(?:'s|\u2019s)$", "", " ".join(found.group(0).split()))
        # "Procter & Gamble Co." is P&G: the legal form is no initial
        words = re.findall(r"[A-Za-z][\w&.'\-]*", re.sub(r"\s+(?:Co|Inc|Corp|Ltd|plc|LLC)\.?$", "", spelled))
        if len(words) < 2:
            continue
        capitals = "".join(w[0] for w in words if w[0].isupper())
        every = "".join(w[0].upper() for w in words)
        if letters in (capitals, every):
            return spelled
    return name


def interviewee(plain: str) -> str | None:
    """The person who answers in a Q&A: the first full name before the first question."""
    first_question = re.search(r"^\s*Q\s*[:.]", plain, re.M)
    if not first_question or not re.search(r"^\s*A\s*[:.]", plain, re.M):
        return None
    person = _PERSON.search(plain[: first_question.start()])
    return person.group(0) if person else None


def in_answer(plain: str, position: int) -> bool:
    """Whether `position` lies in an answer of a Q&A (after an "A:" and before the next "Q:")."""
    line_end = plain.find("\n", position)
    before = plain[: line_end if line_end != -1 else len(plain)]
    answer = [m.start() for m in re.finditer(r"^\s*A\s*[:.]", before, re.M)]
    question = [m.start() for m in re.finditer(r"^\s*Q\s*[:.]", before, re.M)]
    return bool(answer) and (not question or answer[-1] > question[-1])


_CREDIT_LINE = re.compile(r"\s*(?-i:[A-Z][\w&.'\-]*)(?:[ \t]+(?-i:[A-Z][\w&.'\-]*)){0,5}(?:[ \t]*\([A-Z]{1,5}\))?\s*")


def _line_of(plain: str, position: int) -> str:
    end = plain.find("\n", position)
    return plain[plain.rfind("\n", 0, position) + 1 : end if end != -1 else len(plain)]


def forecaster_of(plain: str, start: int, end: int, *, answering: str | None = None) -> str | None:
    """Who the sentence plain[start:end] gives its forecast to, or None for the author."""
    sentence = plain[start:end]
    for pattern in _PATTERNS:
        for found in pattern.finditer(sentence):
            name = _clean(found.group("name"))
            if name:
                return name
    generic = _GENERIC_SOURCE.search(sentence)
    if generic:
        # "the bank noted", "the report predicts", "according to their projections": the
        # institution named nearest before, else the first one the text names
        window = max(0, start - 3000)
        before = [m for m in _ORGANISATION.finditer(plain, window, start) if plain[m.start() - 1 : m.start()] != "("]
        after = [m for m in _ORGANISATION.finditer(plain, start) if plain[m.start() - 1 : m.start()] != "("]
        # a line that is only a name is the desk's credit ("Fibre2Fashion News Desk (KD)"), not a source
        ordered = [m for m in [*reversed(before), *after] if not _CREDIT_LINE.fullmatch(_line_of(plain, m.start()))]
        # a named institution before a bare acronym ("Photo: AFP", "Why you can trust SCMP")
        for found in sorted(ordered, key=lambda m: m.group(0).isupper()):
            name = _clean(found.group(0))
            if name:
                return name
    pronoun = _PRONOUN_SAYS.search(sentence)
    if pronoun:
        window = plain[max(0, start - 600) : start]
        kind = _PERSON if pronoun.group("pronoun").lower() in ("he", "she") else _ORGANISATION
        for found in reversed(kind.findall(window)):
            name = _clean(found)
            if name:
                return name
    if answering and in_answer(plain, start):
        return answering
    return None


def issuer(plain: str) -> str | None:
    """An institution the first line names as the text's source ("Bank of England's Monetary Policy
    Statement"): the passages quoted from it are its forecasts."""
    first = plain.lstrip().split("\n", 1)[0]
    found = _ORGANISATION.search(first)
    return _clean(found.group(0)) if found else None


# A title that says whose words or figures the text carries: "Prepared remarks from RBA Gov. Lowe",
# "Q2 2025 Country and Industry Forecasts from Oxford Economics Available"
_TEXT_OF = re.compile(
    # "Governor's statement following the ECB's monetary policy meeting": the statement of the meeting's bank
    r"\b(?:remarks|statement|speech|testimony|forecasts|outlooks?|projections)\s+(?:from|by|of|following)\s+"
    r"(?:the\s+)?(?P<who>(?-i:[A-Z][\w&.'\-]*)(?:[ \t]+(?:of[ \t]+)?(?-i:[A-Z][\w&.'\-]*)){0,5})",
    re.I,
)


def text_source(plain: str) -> str | None:
    """Whose remarks or forecasts the whole text is, when one of its first lines says so."""
    for line in plain.lstrip().split("\n")[:4]:
        found = _TEXT_OF.search(line) if len(line.split()) <= 14 else None
        if found:
            words = found.group("who").split()
            while words and words[-1] in ("Available", "Released", "Published", "Updated"):
                words.pop()
            # "RBA Gov. Lowe": the person, not the title
            name = _clean(
                re.sub(
                    r"^.*\b(?:Gov|Governor|Chair|Chairman|Chairwoman|President|Secretary|Sec)\.?\s+",
                    "",
                    " ".join(words),
                )
            )
            if name:
                return name
    return None


def quoted_passage(plain: str, position: int) -> bool:
    """Whether `position` lies in a paragraph that opens with a quotation mark."""
    paragraph_start = plain.rfind("\n", 0, position) + 1
    return plain[paragraph_start:position].lstrip()[:1] in ('"', "\u201c")


# "They assess the risk of recession at 45%": the forecaster is the subject of the sentences before
_PRONOUN_FORECASTS = re.compile(
    rf"^\W*(?:they|he|she|it)\s+(?:(?:now|also|still|then|\w+ly)\s+)?(?:{_VERBS}|{_SAYS})\b", re.I
)
_LEADING_NAME = re.compile(rf"^\W*(?:(?:However|Meanwhile|But|And|Also|Instead),?\s+)?(?:the\s+)?(?P<name>{_NAME})")
# "This forecast comes from strategists at Oppenheimer Asset Management": the sentence before is theirs
_SOURCE_AFTER = re.compile(
    rf"^\W*(?:This|That|The)\s+(?:forecast|projection|view|estimate|prediction|outlook|target)\s+"
    rf"(?:comes|came|is)\s+from\s+(?:\w+\s+(?:at|of|from)\s+)?(?:the\s+)?(?P<name>{_NAME})"
)


def _subject_before(plain: str, sentences: list, index: int) -> str | None:
    """The name a pronoun stands for: the subject of one of the two sentences before, in reach."""
    for previous in reversed(sentences[max(0, index - 2) : index]):
        if sentences[index].block - previous.block > 1:
            break
        found = _LEADING_NAME.match(plain[previous.start : previous.end])
        name = _clean(found.group("name")) if found else None
        if name:
            return name
    return None


# A speaker's turn in a transcript: "Joe Davis:  Well, sadly, Greg, ..."
_TURN = re.compile(r"^\s*(?P<name>(?-i:[A-Z][a-z]+(?:[ \t][A-Z][a-z.]+){1,2}))\s*:\s+\S")
_TURN_LINE = re.compile(_TURN.pattern, re.M)
# The writer speaking for themselves: their own forecast even in a paragraph that cites others
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I'd|I've|my|we|we're|we'd|our|us|me)\b")


def paragraph_forecasters(plain: str, sentences: list) -> dict[int, str]:
    """The forecaster each paragraph names: its speaker's turn, or the first "said X", "according
    to X", "X expects" among its sentences. A wire report names its source once and goes on
    with the figures: "Growth is expected to slow to 5.5% ..., according to JPMorgan. That
    could fall to 4.5% by 2030."."""
    named: dict[int, str] = {}
    # a transcript has turns; one "New York: The United Nations has ..." is a dateline
    transcript = len(_TURN_LINE.findall(plain)) > 1
    for sentence in sentences:
        if sentence.block in named:
            continue
        turn = _TURN.match(plain[sentence.start : sentence.end]) if transcript else None
        name = _clean(turn.group("name")) if turn else None
        name = name or forecaster_of(plain, sentence.start, sentence.end)
        if name:
            named[sentence.block] = name
    return named


def attributed(plain: str, sentences: list, candidates: list) -> list:
    """Each candidate with the forecaster its sentence names, when that is not the author."""
    answering, source = interviewee(plain), issuer(plain)
    whole_text = text_source(plain)
    in_paragraph = paragraph_forecasters(plain, sentences)
    result = []
    last: tuple[str, int, int] | None = None  # the forecaster named last, in which block and sentence
    for candidate in candidates:
        index = next((i for i, s in enumerate(sentences) if s.start <= candidate.start < s.end), None)
        sentence = sentences[index] if index is not None else None
        start, end = (sentence.start, sentence.end) if sentence else (candidate.start, candidate.end)
        # the candidate's own clause first: "X pegs it at 67 percent while Y shows 60 percent"
        forecaster = forecaster_of(plain, candidate.start, candidate.end) if sentence else None
        if candidate.note.startswith("read from a table or list row"):
            forecaster = _table_owner(plain, candidate.start) or forecaster
        forecaster = forecaster or forecaster_of(plain, start, end, answering=answering)
        if forecaster is None and sentence and _PRONOUN_FORECASTS.match(plain[start:end]):
            # "It then expects house prices to rise": whoever forecast in the sentence just before goes on,
            # else the subject of the sentences before
            just_before = last and last[2] in (index - 1, index)
            forecaster = last[0] if just_before else _subject_before(plain, sentences, index)
        if forecaster is None and last and last[2] == index:
            # the sentence's later figures are the same forecaster's: "..., 3.7% in 2013 and 4.3% in 2014"
            forecaster = last[0]
        if forecaster is None and index is not None and index + 1 < len(sentences):
            following = sentences[index + 1]
            source_after = _SOURCE_AFTER.match(plain[following.start : following.end])
            if source_after and following.block - sentence.block <= 1:
                forecaster = _clean(source_after.group("name"))
        if forecaster is None and sentence and quoted_passage(plain, start):
            # a quotation goes on: its speaker is named in the paragraph's other sentences
            around = [s for s in sentences if s.block == sentence.block and s is not sentence]
            forecaster = next((f for s in around if (f := forecaster_of(plain, s.start, s.end))), None) or source
        if (
            forecaster is None
            and last
            and sentence
            and sentence.block - last[1] <= 1
            and _PASSIVE.search(plain[start:end])
        ):
            # "Emerging economies are forecast to grow 4.6%": the projections of whoever was just named
            forecaster = last[0]
        if forecaster is None and sentence and not _FIRST_PERSON.search(plain[start:end]):
            forecaster = in_paragraph.get(sentence.block)
        if forecaster is None and whole_text:
            forecaster = whole_text  # "Prepared remarks from RBA Gov. Lowe": every forecast in them is his
        if forecaster and sentence:
            last = (forecaster, sentence.block, index)
        if forecaster:
            forecaster = full_name(plain, forecaster)
        result.append(replace(candidate, forecaster=forecaster) if forecaster else candidate)
    return result


# A table's title that names whose forecasts it holds: "StoneX Commodity Forecasts"
_OWNED_TITLE = re.compile(
    r"^\s*(?P<name>(?-i:[A-Z][\w&.'\-]*))(?:\s+(?-i:[A-Z][\w&\-]*)){0,2}\s+"
    r"(?:Forecasts?|Outlook|Projections?|Estimates?)\s*$"
)


def _table_owner(plain: str, position: int) -> str | None:
    """Whose a table row's forecast is, from the table's title: the title's first name, when the article names
    it elsewhere too ("The StoneX Metals and Energy Markets Annual Outlook forecasts ..."), not a bare topic."""
    lines = plain[:position].split("\n")
    for line in reversed(lines[:-1]):
        if not line.strip() or line.rstrip().endswith("|"):
            continue
        found = _OWNED_TITLE.match(line)
        if not found:
            return None
        name = found.group("name")
        prose = [other for other in plain.split("\n") if other != line and not other.rstrip().endswith("|")]
        elsewhere = any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", other) for other in prose)
        return _clean(name) if elsewhere else None
    return None


_PASSIVE = re.compile(
    r"\b(?:is|are|was|were)\s+(?:now\s+|still\s+)?(?:forecast|projected|expected|seen|estimated|tipped)\b"
    r"|\bwould\b|^\s*(?:then|and)\b|\b(?:the|its|their)\s+(?:forecast|projection|outlook)\s+for\b",
    re.I,
)
