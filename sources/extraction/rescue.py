"""Rescue: sentences no rule candidate touches, proposed when a learned classifier scores them high.

`extract_candidates` leaves it off unless asked (`rescue=True`); the import asks by default
(`forecasts.importing.RESCUE_BY_DEFAULT`), since on articles it was not trained on it raised
recall by several points and every rescued proposal is flagged for the editor's check
(docs/extraction.md). The model is a logistic regression trained by
`python -m benchmarks.sentence_classifier --train sources/extraction/rescue_weights.json`
(scikit-learn, a development dependency); here it is only a table of coefficients, applied
in plain Python:

- `units` and `features`: the sentences the classifier reads and their features (words, word
  pairs, three- to five-letter pieces of words, the rules' markers with their kinds and bands,
  year, number, percentage, question, length), with no dependency beyond the standard library;
  `context_features` and `unit_features`: where each unit stands (a list item, a line that is no
  prose, under a line announcing a list, after a heading, not first in its paragraph), beside
  its own features;
- `score`: the logistic regression's probability from a JSON table of coefficients (what
  `python -m benchmarks.sentence_classifier --train PATH` writes), so no numpy or scikit-learn
  is needed to apply a trained model;
- `rescued_candidate`: what a rule would have given the sentence, with the gates relaxed: the band
  of its estimative words, the head marker chosen as the rules choose it (a hedge inside what is
  predicted outranks the frame around it, a quoted phrase in prose is no headline, the belief
  nearest a "will" frames it and a denied one denies it; a stated number wins, unless it closes a
  range of figures, "4.2% – 4.7%"; "could/may/might" carry no probability, but what someone "can
  expect" is an expectation, "as you can see" no possibility and "May" the month; a plain "will" is
  almost certain, and likely when a projection or belief frames it; a list item with no estimative
  words says what the line announcing its list says; any other line with none, a verbless figure or
  a company's guidance, is likely, as the corpus reads such lines; with no marker, a doubt or "I
  don't think so" is unlikely, "not going to", "nor will" or a denied progressive ("is not
  catching") remote, "hard to imagine" very unlikely (but "hard to project anything other than"
  almost certain), a prediction called nonsense remote, "possible" or "no longer unthinkable"
  unscored, a "will" with "probably" likely, a progressive set next year ("Next year, ... is
  dropping to 5%") almost certain, "Label: 20%" its stated chance unless the label names a level
  (a row going on after it, "FL: 80%, 20%, 29", its first share), a share in brackets after its
  outcome where the text speaks of chances ("the Super Bowl (56.1%)"), and so "28% of the time", a split of a
  hundred ("54.4% to 45.6%", the first side's) and a line of
  chance opening the unit ("Chances 93%")), a deadline from its own time expressions, a dated
  sentence before it in its paragraph or the nearest dated heading above it (a later date than the
  publication day), a drafted claim and criteria, and a warning that the model proposed it;
- `table_row`: a cell of a table copied one cell a line (found as the rules find it, `rows.stacked_tables`)
  is no sentence: it is proposed as its row, once, with the table's column of chances, if it has one;
- `with_rescued`: the candidates and the rescued sentences, in text order (never a line of three
  words or fewer with no figure, or a page's date or time stamp alone, `too_little`: "Holding steady.", a
  title on a line of its own, "6 May 2010", unless it is a list item under a line announcing the list);
- `rescued`: the same with the shipped model (`rescue_weights.json`, read once, when first needed);
- `fingerprint`: a digest of the features the model was trained on, stored with it, so a test
  says when a change of the rules calls for retraining.

A question is never rescued: the corpus counts none as a forecast; nor is a sentence dated last year or the
writer's own forecast told as one made before ("In 2008, I said the Dow ... would hit 15,000"), or an outcome
reported as the one expected ("voted ... to raise policy rate by 0.25% ... as expected"), what a scenario rests on
("Scenario 1 assumes ..."), or a figure of the past or the present with no word of what is to come (`told_as_past`:
"International tourism arrivals rose by 4 percent in 2019"; `told_as_present`: "Brent crude is currently trading at
around $66 per barrel").
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from sources import scales

from .candidate import DEFAULT_NOTE, Candidate, default_deadline, drafted
from .claims import strip_quote_marks
from .clause_candidate import BELIEF, band_of, ends_as_prose, hedged_by_frame
from .context import OWN_PAST_FORECAST, PREVIOUSLY_OPENING
from .deadlines import deadline_in
from .flags import (
    BASIS_NONE,
    BASIS_PHRASE,
    BASIS_STATED,
    DEADLINE_CONTEXT,
    DEADLINE_DEFAULT,
    DEADLINE_NO_FIXED_DATE,
    DEADLINE_STATED,
)
from .markers import Marker, find_markers, head_marker
from .rows import PERCENT_QUANTITY, StackedTable, stacked_tables
from .segments import blocks, sentences_in
from .stated import CONTEST
from .text import trim
from .timex import MONTH

RESCUED_WARNING = "proposed by the sentence model, not by a rule: check that it is a forecast"
# The shipped model, written by the training script.
WEIGHTS = Path(__file__).with_name("rescue_weights.json")

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[%$?]")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_PERCENT = re.compile(r"\d\s*(?:%|per\s*cent\b|percent\b)", re.I)
# A bullet or a number opening a line is not part of the sentence.
_ITEM = re.compile(r"[ \t\u00a0]*(?:[\u2022\u25aa\u25cf\u25e6\u2023\u2043*\-\u2013\u2014]|\d{1,2}[.)])[ \t\u00a0]+")


def unit_blocks(plain: str) -> list[tuple[int, int, int]]:
    """Every sentence of every block, headings and list items included: (start, end, block index)."""
    spans = []
    for index, (start, end) in enumerate(blocks(plain)):
        item = _ITEM.match(plain, start, end)
        if item:
            start = item.end()
        start, end = trim(plain, start, end)
        if start < end:
            spans.extend((s, e, index) for s, e in sentences_in(plain, start, end))
    return spans


def units(plain: str) -> list[tuple[int, int]]:
    """The sentences the classifier reads, as spans of the text."""
    return [(s, e) for s, e, _ in unit_blocks(plain)]


def _token(word: str) -> str:
    if word[0].isdigit():
        return "<year>" if _YEAR.fullmatch(word) else "<num>"
    return word


def features(plain: str, start: int, end: int) -> dict[str, float]:
    """The sentence `plain[start:end]` as named features, scaled to unit length (a long sentence
    does not score high for being long)."""
    sentence = plain[start:end]
    words = [_token(w) for w in _TOKEN.findall(sentence.lower())]
    names = {f"w:{w}" for w in words}
    names.update(f"b:{a} {b}" for a, b in itertools.pairwise(words))
    for word in _WORD.findall(sentence.lower()):
        padded = f" {_DIGIT.sub('0', word)} "
        for n in (3, 4, 5):
            names.update(f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1))
    markers = find_markers(plain, start, end)
    if markers:
        names.add("rule:marker")
    names.update(f"rule:kind:{m.kind}" for m in markers)
    names.update(f"rule:band:{m.category}" for m in markers if m.category)
    if _YEAR.search(sentence):
        names.add("rule:year")
    if _DIGIT.search(sentence):
        names.add("rule:number")
    if _PERCENT.search(sentence):
        names.add("rule:percent")
    if sentence.rstrip("\"') ").endswith("?"):
        names.add("rule:question")
    names.add(f"rule:length:{min(int(math.log2(len(words) + 1)), 6)}")
    weight = 1 / math.sqrt(len(names))
    return dict.fromkeys(sorted(names), weight)


# A sentence's place in the article, beside its own words: a list item, a line that is no prose,
# under a line announcing a list (with estimative words or not), after a heading, not first in its
# paragraph. Items of a predictions list read like statements; where they stand says they are not.
# Fixed weight, not scaled with the sentence's own features: a short line keeps the same context.
CONTEXT_WEIGHT = 0.3


def context_features(plain: str, spans: list[tuple[int, int, int]], index: int) -> set[str]:
    """The names of the context features of the unit `spans[index]` (`unit_blocks`)."""
    start, end, block = spans[index]
    names = set()
    block_start, block_end = blocks(plain)[block]
    if _ITEM.match(plain, block_start, block_end):
        names.add("ctx:item")
    if not ends_as_prose(plain[start:end]):
        names.add("ctx:not_prose")
        announcing = announcing_line(plain, spans[:index])
        if announcing:
            names.add("ctx:announced")
            if find_markers(plain, *announcing):
                names.add("ctx:announced:marker")
    if index > 0:
        before_start, before_end, before_block = spans[index - 1]
        if before_block != block and not ends_as_prose(plain[before_start:before_end]):
            names.add("ctx:after_heading")
        if before_block == block:
            names.add("ctx:not_first")
    return names


def unit_features(plain: str) -> list[dict[str, float]]:
    """The features of every unit of the text (`units`): its own (`features`) and its context's."""
    spans = unit_blocks(plain)
    found = []
    for index, (start, end, _) in enumerate(spans):
        own = features(plain, start, end)
        own.update(dict.fromkeys(sorted(context_features(plain, spans, index)), CONTEXT_WEIGHT))
        found.append(own)
    return found


@cache
def load_weights(path: Path = WEIGHTS) -> dict:
    """A trained model ({"intercept", "threshold", "coefficients", ...}), read once per file, when
    first needed: an import without rescue never reads it."""
    return json.loads(path.read_text(encoding="utf-8"))


def fingerprint(found: list[dict[str, float]]) -> str:
    """A digest of the features of a model's training sentences: when the rules' markers change
    them, the model was trained on features it will no longer see, and must be retrained.

    Written "sha256:<hex>", naming its algorithm: a bare run of hex digits in a tracked file reads
    as a secret to the repository's secret scan."""
    digest = hashlib.sha256()
    for line in sorted(json.dumps(f, sort_keys=True) for f in found):
        digest.update(line.encode("utf-8") + b"\n")
    return f"sha256:{digest.hexdigest()}"


def score(found: dict[str, float], model: dict) -> float:
    """The model's probability that a sentence with these features holds a forecast."""
    coefficients = model["coefficients"]
    z = model["intercept"] + sum(coefficients.get(name, 0.0) * value for name, value in found.items())
    return 1 / (1 + math.exp(-z)) if z > -500 else 0.0


# With no estimative marker the rules recognise, the words that still say how likely it is.
# "Buyers can expect higher rates" is what they should expect, not what could happen; "as you can see" points
# at a figure; "May" with a capital is the month: "first production on track for May 2021"; what is "no longer
# unthinkable" or "not impossible" is possible
_POSSIBLE = re.compile(
    r"\b(?:could|(?-i:may)|might|can(?!\s+(?:\w+\s+)?(?:expect|be\s+expected)\b)(?<!as\syou\scan)(?<!as\swe\scan)|"
    r"possibly|perhaps|maybe|"
    r"possible|possibility|possibilities|(?:no\s+longer|not)\s+(?:unthinkable|impossible|out\s+of\s+the\s+question))\b",
    re.I,
)
# the top of a range of figures, "4.2% \u2013 4.7%", is a level, not a chance after a dash
_RANGE_FROM = re.compile(r"\d\s*(?:%|per\s*cent|percent)\s*(?:[-\u2013\u2014]+|to)\s*$", re.I)
# "Nor will COVID magically disappear" is "COVID will not disappear"; a denied progressive says what is not
# going to happen: "At 7-9, Atlanta's not catching Seattle or New Orleans"
_WILL_NOT = re.compile(
    r"\b(?:will\s+not|won't|will\s+never|(?:is|are|am)\s+not\s+going\s+to|(?:isn't|aren't)\s+going\s+to)\b"
    r"|'(?:s|re|m)\s+not\s+going\s+to\b|\bnegligible\b|\b(?:nor|neither)\s+will\b"
    r"|(?:\b(?:is|are|am)\s+not|\b(?:isn't|aren't)|'(?:s|re|m)\s+not)\s+(?!expecting\b)[a-z]+ing\b",
    re.I,
)
# what someone doubts or tells you not to expect is unlikely: "I doubt it goes below $50", "don't expect a crash",
# and so is the answer to a question of what will happen: "I still don't think so"
_DOUBTED = re.compile(
    r"\b(?:(?<!no )doubts?|doubtful|(?:do|does|did)\s*n[o']t\s+(?:\w+\s+)?(?:expect|think\s+so)|"
    r"chances?\b[^.]*\b(?:is|are)\s+(?:still\s+)?low)\b",
    re.I,
)
# what someone finds hard to imagine is very unlikely: "it is hard to imagine much of a recovery this year", unless
# it is hard to imagine anything else: "it's hard to project anything other than a “soft” recession"
_HARD_TO_IMAGINE = re.compile(
    r"\b(?:hard|difficult)\s+to\s+(?:imagine|see|envisage|envision|picture|believe|project)\b"
    r"(?P<other>\s+(?:anything|any\s+\w+)\s+(?:other|else)\s+than\b)?",
    re.I,
)
# a prediction called nonsense is remote: "Recent predictions of 10% home price falls over 2023 ... are clearly
# non-sensical."
_DISMISSED = re.compile(r"\b(?:non-?sensical|nonsense|absurd|preposterous|fanciful)\b", re.I)
# a present progressive set in a coming period is what is scheduled, not a lean: "Next year, the container capacity
# being added is dropping to 5%."
_SCHEDULED = re.compile(
    r"\b(?:next|this\s+coming)\s+(?:year|month|week|season|quarter)\b.*\b(?:is|are)\s+[a-z]+ing\b"
    r"|\b(?:is|are)\s+[a-z]+ing\b.*\b(?:next|this\s+coming)\s+(?:year|month|week|season|quarter)\b",
    re.I,
)
_WILL = re.compile(
    r"\b(?:will|shall|is\s+set\s+to|are\s+set\s+to|(?:is|are)\s+going\s+to)\b|'ll\b|'(?:s|re)\s+going\s+to\b", re.I
)
# a line that is a label and a percentage is an outcome and its chance: "Interim solution: 20%",
# "A more pro-Brexit withdrawal agreement probability - 2pc" ...; a row of a table that goes on after its first
# share, numbered or not, gives its chance first: "(Clinton %, Trump %, electors)" then "FL: 80%, 20%, 29",
# "15: UT: 6%, 94%, 6"
_LABELLED_CHANCE = re.compile(
    r"\s*(?:\d{1,2}\s*:\s*)?(?P<label>[^\d\n]{2,80}?)\s*[:\-\u2013\u2014]\s*(?P<share>(?P<number>\d{1,2}(?:\.\d+)?|100)\s*"
    r"(?:%|pc\b|per\s*cent\b))(?:\s*,\s*\d[\d.,]*\s*%?)*\s*",
    re.I,
)
# ... unless the label names a level (rows.PERCENT_QUANTITY)

# a chance as a figure: "93%", "28 per cent", "45.6pc"
_CHANCE_UNIT = r"\s*(?:%|pc\b|per\s*cent\b|percent\b)"
_FIGURE = r"(?P<number>\d{1,2}(?:\.\d+)?|100)" + _CHANCE_UNIT
# chances the markers miss, in lines that have none: a share of the time ("my numbers say that only happens
# around 28% of the time"), a split of a hundred between two sides ("we're giving the Lightning the edge in the
# series, 54.4% to 45.6%"), a line of chance opening the unit ("Chances 93%" above the outcome)
_SHARE_OF_TIME = re.compile(_FIGURE + r"\s+of\s+the\s+time\b", re.I)
_SPLIT = re.compile(
    _FIGURE + r"\s*(?:to|vs\.?|[-\u2013\u2014])\s*(?P<other>\d{1,2}(?:\.\d+)?)" + _CHANCE_UNIT,
    re.I,
)
_CHANCE_LINE = re.compile(
    r"\s*(?:chances?|probability|likelihood|plausibility)\s*[:\-\u2013\u2014]?\s*"
    rf"(?:{_FIGURE}|(?P<fraction>0?\.\d+|0|1))\s*\n",
    re.I,
)
# a share in brackets after the outcome it weighs: "steam rolling their way to the Super Bowl (56.1%)", where the
# text around speaks of a contest or its chances (stated.CONTEST, as the rules read "Carlos Alcaraz (16.2%)"); in a
# text of growth figures, "Oxford Economics (6.5%)" is a level
_BRACKETED_SHARE = re.compile(r"\(\s*" + _FIGURE + r"\s*\)", re.I)
# ... or closing a list item's label before its story: "Signed + flow resumes (40%): Trump and Tehran both sign"
_LABEL_SHARE = re.compile(r"\s*(?:[-*\u2022]\s*)?(?P<label>[^\n:()]{2,80}?)\s*\(\s*" + _FIGURE + r"\s*\)\s*:", re.I)
# a "will" said with "probably" is a lean: "I would err on the side of we’ll probably see more activity"
_PROBABLY = re.compile(r"\bprobably\b", re.I)
# "the company predicts ... will", "analysts think ... will": a projection or a belief hedges the "will"
_FRAMED_WILL = re.compile(
    r"\b(?:predicts?|projects?|forecasts?|expects?|thinks?|believes?|estimates?|sees?|anticipates?)\b", re.I
)


def _unmarked_chance(sentence: str) -> tuple[float, str] | None:
    """(chance, phrase) stated in a sentence the markers find nothing in: a share of the time, a split of a
    hundred between two sides (the first side's), or a line of chance opening the unit."""
    line = _CHANCE_LINE.match(sentence)
    if line:
        number = line.group("number")
        probability = float(number) / 100 if number is not None else float(line.group("fraction"))
        return probability, " ".join(line.group(0).split())
    share = _SHARE_OF_TIME.search(sentence)
    if share:
        return float(share.group("number")) / 100, share.group(0)
    for split in _SPLIT.finditer(sentence):
        if abs(float(split.group("number")) + float(split.group("other")) - 100) < 0.6:
            return float(split.group("number")) / 100, split.group(0)
    return None


def _range_top(plain: str, start: int, marker: Marker) -> bool:
    """Whether a stated number closes a range of figures: "Expected unemployment range: 4.2% \u2013 4.7%"."""
    number = re.search(r"\d", marker.phrase)
    return bool(number) and bool(_RANGE_FROM.search(plain[start : marker.start + number.start()]))


def _probability(
    plain: str, start: int, end: int, scale: scales.Scale, announcing: tuple[int, int] | None = None
) -> tuple[float | None, str, str | None, str]:
    """(probability, basis, category, phrase) of a rescued sentence; `announcing` is the line a list
    item stands under, if any."""
    markers = find_markers(plain, start, end)
    if ends_as_prose(plain[start:end]):
        # a quoted phrase in a sentence of prose is not a headline's forecast, as the rules read it
        markers = [m for m in markers if m.kind != "headline"]
    markers = [m for m in markers if not (m.kind == "stated" and _range_top(plain, start, m))]
    if markers:
        # the rules' choice: a hedge inside what is predicted outranks the frame around it
        head = head_marker(plain, markers)
        phrase = " ".join(head.phrase.split())
        if head.kind == "stated" and head.probability is not None:
            return head.probability, BASIS_STATED, band_of(head.probability, scale), phrase
        if head.category is not None:
            category = head.category
            if head.kind == "will":
                # the belief nearest the "will" frames it: "I think ..., but I don't think they are going to"
                beliefs = list(BELIEF.finditer(plain[start : head.start]))
                frame = beliefs[-1] if beliefs else _FRAMED_WILL.search(plain[start : head.start])
                if frame:
                    category = hedged_by_frame(category, frame)
            return scale.probability(category), BASIS_PHRASE, category, phrase
        return None, BASIS_NONE, None, phrase
    framing = find_markers(plain, *announcing) if announcing else []
    if framing:
        # an item with no words of its own says what its announcing line says: "Some industries
        # may see layoffs:" then "Retail chains" is a possibility, not a likely layoff
        head = head_marker(plain, framing)
        phrase = " ".join(head.phrase.split())
        if head.kind != "stated" and head.category is None:
            return None, BASIS_NONE, None, phrase
        if head.kind != "stated":
            return scale.probability(head.category), BASIS_PHRASE, head.category, phrase
    sentence = plain[start:end]
    labelled = _LABELLED_CHANCE.fullmatch(sentence)
    if labelled and not PERCENT_QUANTITY.search(labelled.group("label")):
        probability = float(labelled.group("number")) / 100
        return probability, BASIS_STATED, band_of(probability, scale), labelled.group("share")
    unmarked = _unmarked_chance(sentence)
    if unmarked is not None:
        probability, phrase = unmarked
        return probability, BASIS_STATED, band_of(probability, scale), phrase
    label = _LABEL_SHARE.match(sentence)
    if label and not PERCENT_QUANTITY.search(label.group("label")):
        probability = float(label.group("number")) / 100
        return probability, BASIS_STATED, band_of(probability, scale), " ".join(label.group(0).split())
    bracketed = _BRACKETED_SHARE.search(sentence)
    if bracketed and CONTEST.search(plain[max(0, start - 300) : end + 300]):
        probability = float(bracketed.group("number")) / 100
        return probability, BASIS_STATED, band_of(probability, scale), bracketed.group(0)
    hard = _HARD_TO_IMAGINE.search(sentence)
    if hard:
        category = scales.ALMOST_CERTAIN if hard.group("other") else scales.VERY_UNLIKELY
        return scale.probability(category), BASIS_PHRASE, category, " ".join(hard.group(0).split())
    dismissed = _DISMISSED.search(sentence)
    if dismissed:
        return scale.probability(scales.REMOTE), BASIS_PHRASE, scales.REMOTE, dismissed.group(0)
    possible = _POSSIBLE.search(sentence)
    if possible:
        return None, BASIS_NONE, None, possible.group(0)
    denied = _WILL_NOT.search(sentence)
    if denied:
        return scale.probability(scales.REMOTE), BASIS_PHRASE, scales.REMOTE, denied.group(0)
    doubted = _DOUBTED.search(sentence)
    if doubted:
        return scale.probability(scales.UNLIKELY), BASIS_PHRASE, scales.UNLIKELY, doubted.group(0)
    will = _WILL.search(sentence)
    if will and _PROBABLY.search(sentence):
        return scale.probability(scales.LIKELY), BASIS_PHRASE, scales.LIKELY, will.group(0)
    if will and not _FRAMED_WILL.search(sentence[: will.start()]):
        return scale.probability(scales.ALMOST_CERTAIN), BASIS_PHRASE, scales.ALMOST_CERTAIN, will.group(0)
    scheduled = _SCHEDULED.search(sentence)
    if scheduled:
        return scale.probability(scales.ALMOST_CERTAIN), BASIS_PHRASE, scales.ALMOST_CERTAIN, ""
    # a projection, a company's guidance, a verbless figure line: a lean, as the corpus reads them
    return scale.probability(scales.LIKELY), BASIS_PHRASE, scales.LIKELY, ""


def table_row(
    plain: str, tables: list[StackedTable], start: int, end: int
) -> tuple[int, int, float | None, str] | None:
    """The row of a table laid out one cell a line (`rows.stacked_tables`) that the unit at `start`:`end` is a
    cell of: (start, end, chance, the chance column's name). A cell alone is no forecast; its row is, as the
    rules read a table's rows. The row's chance is the table's column of chances; a table of levels gives its
    rows none stated (and an empty name). A header's cell, or a unit in no table, is no row (None)."""
    for table in tables:
        for row in table.rows:
            if row[0][0] <= start and end <= row[-1][1]:
                chance = table.chance_of(plain, row)
                column = " ".join(plain[slice(*table.header[table.chance])].split()) if chance is not None else ""
                return row[0][0], row[-1][1], chance, column
    return None


def rescued_candidate(
    text: str,
    plain: str,
    span: tuple[int, int],
    before: list[tuple[int, int]],
    published_on: date,
    scale: scales.Scale,
    *,
    confidence: float,
    announcing: tuple[int, int] | None = None,
    chance: tuple[float, str] | None = None,
    headings: list[tuple[int, int]] | None = None,
) -> Candidate:
    """The sentence at `span` as a candidate; `before` are the sentences before it in its block,
    `announcing` the line ending in a colon that a list item stands under, `chance` a table row's
    chance and its column's name, `headings` the headings above it, nearest first."""
    start, end = strip_quote_marks(plain, *span)
    if chance is not None:
        probability, phrase = chance
        basis, category = BASIS_STATED, band_of(probability, scale)
    else:
        probability, basis, category, phrase = _probability(plain, start, end, scale, announcing)
    when = deadline_in(plain, start, end, published_on)
    flag = when.flag if when else None
    notes = []
    if when is None:
        for s, e in reversed(before):
            found = deadline_in(plain, s, e, published_on)
            if found is not None and found.flag == DEADLINE_STATED:
                when, flag = found, DEADLINE_CONTEXT
                notes.append(f"deadline taken from the previous sentence ({' '.join(found.text.split())})")
                break
    if when is None:
        # "Oil in 2026: A Three-Scenario Outlook" dates the scenarios under it; a past year is a
        # review, and the dateline ("Tuesday, December 2, 2025") is the day it was written
        for s, e in headings or ():
            found = deadline_in(plain, s, e, published_on)
            if found is not None and found.flag == DEADLINE_STATED and found.deadline > published_on:
                when, flag = found, DEADLINE_CONTEXT
                notes.append(f"deadline taken from the heading above ({' '.join(found.text.split())})")
                break
    if when is None:
        deadline, flag = default_deadline(published_on), DEADLINE_DEFAULT
        notes.append(DEFAULT_NOTE)
    else:
        deadline = when.deadline
        if flag == DEADLINE_NO_FIXED_DATE:
            notes.append(f"no fixed date ({' '.join(when.text.split())}): the editor must set a deadline")
    if basis == BASIS_NONE:
        notes.append("the words carry no probability: tracked, unscored")
    notes.append(RESCUED_WARNING)
    candidate = Candidate(
        quote=text[start:end],
        claim="",
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
    candidate = drafted(candidate, "")
    return replace(candidate, warnings=(RESCUED_WARNING, *candidate.warnings))


def announcing_line(plain: str, earlier: list[tuple[int, int, int]]) -> tuple[int, int] | None:
    """The line ending in a colon that the list items just before a unit hang from: items are
    lines that do not end as prose, so a sentence of prose between ends the list."""
    for start, end, _ in reversed(earlier):
        line = plain[start:end]
        if line.rstrip().endswith(":"):
            return start, end
        if ends_as_prose(line):
            return None
    return None


def headings_above(plain: str, spans: list[tuple[int, int, int]], index: int) -> list[tuple[int, int]]:
    """The headings before the unit `spans[index]` (`unit_blocks`), nearest first: lines alone in
    their block that do not end as prose and are no list item, the article's title among them."""
    per_block: dict[int, int] = {}
    for _, _, block in spans:
        per_block[block] = per_block.get(block, 0) + 1
    own_block = spans[index][2]
    return [
        (start, end)
        for start, end, block in reversed(spans[:index])
        if block != own_block
        and per_block[block] == 1
        and not ends_as_prose(plain[start:end])
        and not _ITEM.match(plain, plain.rfind("\n", 0, start) + 1, end)
    ]


# a sentence that opens by dating itself in the past tells what was done: "In July last year, the government decided
# to raise the minimum wage by 16 percent to 7,530 won ($6.60) for this year"; so does one that opens on "previously":
# "Previously, earnings per share were expected to be between a decline of 1 percent and flat"
_PAST_OPENING = re.compile(
    r"^\W*(?:in\s+(?:\w+\s+){0,2})?last\s+(?:year|month|week|quarter)\s*,|" + PREVIOUSLY_OPENING, re.I
)
# ... nor one in which the writer tells a forecast of theirs made before: "In 2008, I said the Dow Jones Industrial
# Average would hit 15,000", "We expected holiday sales to grow 4.3% last year"
_OWN_PAST_FORECAST = re.compile(OWN_PAST_FORECAST, re.I)
# ... nor a decision or an outcome reported as the one foreseen: "MPC voted unanimously to raise policy rate by 0.25%
# from 1% to 1.25% as expected" (what was expected has come; not with a modal of its own: "The Senate, too, will be
# roughly as forecast")
_CAME_AS_EXPECTED = re.compile(r"\bas\s+(?:\w+ly\s+)?(?:expected|anticipated|predicted|forecast)\W*$", re.I)
_MODAL = re.compile(r"\b(?:will|would|could|may|might|should|shall)\b|'ll\b", re.I)
# ... nor what a scenario or an estimate rests on, which says how it is made, not what it foresees: "Scenario 1 assumes
# the US hits China with 30% blanket tariffs", "Our base case scenario is based on the average annual wind and solar
# capacity growth rates" (not a view held in the plural: "All three institutes assume that the economy will return to
# growth"; a model's runs are left alone, as their result is told with them: "I ran 250 Million season simulations,
# and they didn't make the playoffs in any of them")
_BASIS_TOLD = re.compile(r"\b(?:assumes|(?:is|are)\s+based\s+(?:on|upon))\b|^\W*assumes?\b", re.I)


def rescuable(plain: str, start: int, end: int, published_on: date) -> bool:
    """Whether a sentence of a page published on `published_on` may be rescued: a question forecasts
    nothing, however much it sounds like a forecast ("Who will win the tournament?"), nor does a
    sentence dated last year, the writer's own forecast told as one made before, what a scenario or an
    estimate rests on, or a figure of the past or the present told as such (`told_as_past`, `told_as_present`)."""
    sentence = plain[start:end]
    return (
        not sentence.rstrip("\"') \u201d").endswith("?")
        and not _PAST_OPENING.match(sentence)
        and not _OWN_PAST_FORECAST.search(sentence)
        and not (_CAME_AS_EXPECTED.search(sentence) and not _MODAL.search(sentence))
        and not _BASIS_TOLD.search(sentence)
        and not told_as_past(plain, start, end, published_on)
        and not told_as_present(plain, start, end)
    )


# a figure of the past told as such, with no word of what is to come, is a report, however much the model finds it like
# a forecast's figure: "International tourism arrivals rose by 4 percent in 2019 to 1.5 billion", "Sales from uniform
# rental and facility services grew 5.9% to $1.93 billion", or a line dated before the day it was written: "The company
# produced more than 40,000 tonnes of copper and 64,600 ounces of gold during the first half of the year" (not with a
# word of a forecast or a belief: "In just three months, the median forecast for this year has surged from $2,756 to
# $3,065", "We believe that ... interest rates have peaked at 5.25 per cent"; "averaged" is left out, as it tells the
# recent past a forecast stands on: "2.5% Inflation (Balanced): The last 6 monthly inflation numbers have averaged
# just over .2%")
_PAST_CHANGE = re.compile(
    r"\b(?:rose|fell|grew|dropped|declined|increased|decreased|surged|soared|jumped|climbed|slipped|slid|plunged|"
    r"tumbled|shrank|contracted|expanded|improved|advanced|gained|posted|recorded|peaked|slowed|decelerated|"
    r"rebounded|reached|installed|produced|topped)\b",
    re.I,
)
# the vocabulary of forecasting, nouns and verbs alike: "outlook", "estimates", "the odds"
_FORECASTING_TERM = re.compile(
    r"\b(?:forecast\w*|outlooks?|estimat\w*|project\w*|predict\w*|expect\w*|targets?|guidance|probab\w*|chances?|odds|"
    r"likel\w*|scenarios?)\b",
    re.I,
)


def _nothing_ahead(plain: str, start: int, end: int) -> bool:
    """Whether a sentence has no estimative marker, modal, "will", word of a forecast or belief."""
    sentence = plain[start:end]
    return not (
        find_markers(plain, start, end)
        or _MODAL.search(sentence)
        or _WILL.search(sentence)
        or _FORECASTING_TERM.search(sentence)
        or BELIEF.search(sentence)
    )


def told_as_past(plain: str, start: int, end: int, published_on: date) -> bool:
    """Whether a sentence with no estimative marker, modal or word of a forecast reports the past: a change told
    in the past tense with its figure, or a line dated before the publication day; never one dated after it."""
    sentence = plain[start:end]
    if not _nothing_ahead(plain, start, end):
        return False
    when = deadline_in(plain, start, end, published_on)
    if when is not None and (when.deadline is None or when.deadline >= published_on):
        # a line dated ahead is not the past's: "a major factor in the increased deliveries over the next 20 years"
        return False
    if _PAST_CHANGE.search(sentence) and _DIGIT.search(sentence):
        return True
    return when is not None and when.flag == DEADLINE_STATED


# a figure of the present, told as where things stand now: "Brent crude is currently trading at around $66 per barrel",
# "China and India currently account for about 37 percent of the entire global population" (not with a word of what
# is to come: "Memphis is currently the 5-seed and has an 88.9 percent chance to make the playoffs")
_CURRENT_STANDING = re.compile(
    r"\b(?:currently|presently|at\s+present|right\s+now)\s+(?:(?:is|are)\s+)?"
    r"(?:trading|trades?|stands?|standing|sits?|sitting|accounts?\s+for|hovers?|hovering)\b",
    re.I,
)


def told_as_present(plain: str, start: int, end: int) -> bool:
    """Whether a sentence with no estimative marker, modal or word of a forecast tells a figure where it stands now."""
    sentence = plain[start:end]
    return (
        bool(_CURRENT_STANDING.search(sentence)) and bool(_DIGIT.search(sentence)) and _nothing_ahead(plain, start, end)
    )


# a page's date or time stamp on a line of its own: "6 May 2010", "11:22", "2018-07-12 12:02:10.0"
_STAMP = re.compile(
    rf"\W*(?=\S)(?:(?:\d{{1,2}}\s+{MONTH},?\s+(?:19|20)\d\d|{MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d"
    r"|(?:19|20)\d\d-\d\d-\d\d)\s*)?(?:\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\W*",
    re.I,
)


def too_little(line: str) -> bool:
    """Whether a line says too little to be a forecast on its own: three words or fewer and no figure
    ("U.S.", "Holding steady.", a film's title on a line of its own), or a date or time stamp alone."""
    return (len(_WORD.findall(line)) <= 3 and not _DIGIT.search(line)) or bool(_STAMP.fullmatch(line))


def with_rescued(
    text: str,
    plain: str,
    candidates: list[Candidate],
    published_on: date,
    scale: scales.Scale,
    *,
    scores: list[float] | None = None,
    model: dict | None = None,
    threshold: float | None = None,
) -> list[Candidate]:
    """`candidates` and, in text order, the sentences no candidate touches that score at or above
    the threshold: `scores` gives one score per unit (`units`), or `model` scores them; the
    threshold is the model's unless given."""
    if scores is None and model is None:
        raise ValueError("with_rescued needs the units' scores or a model to score them")
    if threshold is None:
        if model is None:
            raise ValueError("with_rescued needs a threshold when it is given scores")
        threshold = model["threshold"]
    spans = unit_blocks(plain)
    tables = stacked_tables(plain)
    if scores is not None and len(scores) != len(spans):
        raise ValueError(f"{len(scores)} scores for {len(spans)} units")
    if scores is None:
        scores = [score(found, model) for found in unit_features(plain)]
    found = []
    for index, (start, end, block) in enumerate(spans):
        if any(c.start < end and start < c.end for c in candidates):
            continue
        value = scores[index]
        # the score first: it is already computed, and the guards read markers and time expressions
        if value < threshold or not rescuable(plain, start, end, published_on):
            continue
        before = [(s, e) for s, e, b in spans[:index] if b == block][-2:]
        # the model's own score says how sure it is; rescued sentences stay below the rules' usual range
        confidence = round(min(max(0.5 * value, 0.05), 0.5), 2)
        row = table_row(plain, tables, start, end)
        chance = None
        if row is not None:
            # a cell is proposed as its row, once, and only if no candidate already holds the row
            start, end, stated, column = row
            if any(c.start < end and start < c.end for c in [*candidates, *found]):
                continue
            before, chance = [], (stated, column) if stated is not None else None
        announcing = (
            announcing_line(plain, spans[:index]) if row is None and not ends_as_prose(plain[start:end]) else None
        )
        # a list item under its announcing line takes the line's words; any other short line says too little
        if announcing is None and too_little(plain[start:end]):
            continue
        found.append(
            rescued_candidate(
                text,
                plain,
                (start, end),
                before,
                published_on,
                scale,
                confidence=confidence,
                announcing=announcing,
                chance=chance,
                headings=headings_above(plain, spans, index),
            )
        )
    if not found:
        return candidates
    return sorted([*candidates, *found], key=lambda c: c.start)


def rescued(
    text: str, plain: str, candidates: list[Candidate], published_on: date, scale: scales.Scale
) -> list[Candidate]:
    """`candidates` and the sentences the shipped model rescues, at its stored threshold."""
    return with_rescued(text, plain, candidates, published_on, scale, model=load_weights())
