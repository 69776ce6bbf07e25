"""Forecast candidates from an article's text: the pipeline that ties the steps together.

1. segments: paragraphs, list items and headline-like lines; captions, credits, bios,
   republication notes and bylines are dropped; sentences as spans of the original text;
2. markers: estimative words in each sentence ("will likely", "unlikely", "a 30% chance",
   "may"); a sentence holding forecasts in separate clauses is split into clauses;
3. for each forecast clause: probability from the scale (stated numbers win over words),
   a deadline from its time expression (timex), a suggested claim (claims) and drafted
   resolution criteria (criteria), with warnings where something could not be drafted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date

from sources import scales

from .attribution import attributed
from .candidate import DEFAULT_NOTE, Candidate, drafted
from .chains import TRAILING_PERCENT, chain_links, row_links, subject_before
from .clause_candidate import BELIEF, clause_candidate, hedged_by_frame
from .clauses import BACK_REFERENCE, UNCERTAIN_CLAUSE, split_between_chances, split_clauses
from .flags import (
    DEADLINE_DEFAULT,
    DEADLINE_STATED,
)
from .markers import STATED_PATTERNS, Marker, find_markers, head_marker
from .outlines import PROBABLE_SCENARIO, scenario_heading, scenario_label
from .rescue import rescued
from .rows import find_rows, row_candidate, table_headings, with_chances_after_stories, with_scenario_chances
from .seasons import dated_elections, sporting_events
from .segments import Sentence, article_sentences
from .text import to_plain


def extract_candidates(
    text: str, *, published_on: date, scale: str = scales.DEFAULT_SCALE, rescue: bool = False
) -> list[Candidate]:
    """Propose the forecasts in `text`, an article published on `published_on`; with `rescue`, also
    the sentences no rule candidate touches that the sentence model scores high (off by default)."""
    chosen_scale = scales.get_scale(scale)
    plain = to_plain(text)
    sentences = article_sentences(text, plain)
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
            if len(answer.split()) > 12 or not any(p.search(answer) for p in STATED_PATTERNS):
                continue
            end = nxt.end
            skip_next = True
        context = [s for s in sentences[max(0, i - 2) : i] if s.block == sentence.block]
        # the end of the paragraph before, unless a heading, caption or quote stands between
        earlier = [s for s in sentences[max(0, i - 2) : i] if s.block == sentence.block - 1]
        candidates.extend(
            _sentence_candidates(
                text, plain, start, end, context, earlier, published_on, chosen_scale, frame=sentence.frame
            )
        )
    rows = [
        row_candidate(text, plain, link, published_on, chosen_scale)
        for row in find_rows(plain, published_on)
        for link in row_links(plain, row, published_on)
    ]
    # a row read as a sentence too (a long line of outcome shares) counts once, as a row
    candidates = [c for c in candidates if not any(c.start < r.end and r.start < c.end for r in rows)]
    headings = table_headings(plain)
    candidates = [c for c in candidates if not any(c.start < e and s < c.end for s, e in headings)]
    candidates = sorted(candidates + rows, key=lambda c: c.start)
    candidates = attributed(plain, sentences, candidates)
    if rescue:
        candidates = rescued(text, plain, candidates, published_on, chosen_scale)
    # after the rescue, so that a rescued sentence of a scenario's story takes the scenario's chance too
    candidates = with_chances_after_stories(text, plain, sentences, candidates, chosen_scale)
    candidates = with_scenario_chances(plain, candidates, chosen_scale)
    return _default_to_the_articles_year(candidates, published_on, plain)


def _default_to_the_articles_year(candidates: list[Candidate], published_on: date, plain: str) -> list[Candidate]:
    """Undated forecasts get the year most of the article's dated forecasts fall in.

    An article published in November about next February's election is about next year;
    the end of the publication year would be a window nobody meant. Without dated forecasts,
    a season named anywhere in the article ("Super Bowl LVII", "the 2022-23 season") decides:
    a model's chances of the title are settled when the season ends; failing that, an election
    named with its year ("2015 UK Parliamentary Election Forecast") decides the forecasts about it;
    failing all of these, a page out in December is about the year ahead.
    """
    years = Counter(
        c.deadline.year for c in candidates if c.deadline_flag == DEADLINE_STATED and c.deadline >= published_on
    )
    if not years:
        years = Counter(day.year for _, day in sporting_events(plain, published_on) if day >= published_on)
    if not years:
        years = Counter(day.year for _, day in dated_elections(plain, published_on))
    why = "the year most dated forecasts here fall in"
    if not years and published_on.month == 12:
        # a page out in the year's last month looks at the year ahead: the few weeks left of this one are a window
        # no forecast of a war's course or a market's means
        years, why = Counter({published_on.year + 1: 1}), "the year ahead of a page out in December"
    if not years:
        return candidates
    # a later year as common as the one under way wins the tie: the page looks ahead ("forecast for 2016" and
    # "for the marketing year" leave "Global trade in cereals is predicted to decline" to the 2016/17 season)
    tied = [y for y in years if years[y] == max(years.values())]
    year = min(tied, key=lambda y: (y == published_on.year, y))
    # ... and of later years years apart, the latest: forecasts dated along a long-range report's span leave its
    # undated trends to the year it runs out to (graduates "peak in 2025" and fall "through 2041": "southern
    # states will see growth followed by a slight decrease" is the 2041 projection's); two years in a row are a
    # budget's or a season's next two, and the nearer stays the page's
    if max(tied) - year > 1:
        year = max(tied)
    # ... but where three or more years are dated equally often, one of them the year under way, no later year
    # outweighs it: the Artemis 1 launch weather's undated chances stay the launch's year beside one forecast each
    # for the launch day, Artemis 2's 2024 and Artemis 3's 2025
    if len(tied) > 2 and published_on.year in tied:
        year = published_on.year
    if year == published_on.year:
        return candidates
    deadline = date(year, 12, 31)
    note = f"no time expression: deadline defaults to the end of {year}, {why}"
    return [
        drafted(replace(c, deadline=deadline, note=c.note.replace(DEFAULT_NOTE, note)), c.claim_subject)
        if c.deadline_flag == DEADLINE_DEFAULT
        else c
        for c in candidates
    ]


# An item of a predictions list in the present: "Human lands on Mars.", "Oil prices continue
# their slide"; not the writer's own plans ("I am still a teacher") or a state ("Unemployment is low").
_PRESENT_PREDICTION = re.compile(
    r"(?![\s\"']*(?:I|My|I'm|I've|We|Our)\b)(?!.*\b(?:is|are|was|were|has|have|had|been)\b)\s*\S+(?:\s+\S+){2,}",
    re.I,
)
# ... and with a verb in it, not a bare noun phrase ("The long view.")
_HAS_VERB = re.compile(
    r"^\s*\S+.*?\b(?-i:[a-z]+(?<!s)s|begin|continue|find|fail|rise|fall|end|come|go|become|remain|grow|lose|win|"
    r"reach|collapse|increase|decrease|tick|hit|top)\b"
)


# ... or without a verb, a label and where it goes: "Stock market: down over 20% from 2011."
_VERBLESS_OUTLOOK = re.compile(
    r"\s*[A-Z][^:.]{1,60}:\s*(?:(?:up|down)\b|(?:flat|higher|lower|unchanged|rising|falling)\b)", re.I
)


# A change told in the present ...
_PRESENT_CHANGE = re.compile(
    r"\b(?:continues?|remains?|stays?|rises?|falls?|grows?|declines?|increases?|decreases?|improves?|slows?|eases?|"
    r"hits?|reaches?|peaks?|recovers?|rebounds?|drops?|climbs?|expands?|contracts?|returns?|accelerates?|"
    r"(?:is|are)\s+(?:also\s+|still\s+)?(?:better|worse|higher|lower|stronger|weaker|up|down)|there\s+(?:is|are)\s+no)\b",
    re.I,
)
# ... over a window that has not begun: "over the next six months", "this year and next", "in 2027"
_FUTURE_WINDOW = re.compile(
    r"\b(?:over|in|during|within|for)\s+(?:the\s+)?(?:next|following|coming)\s+(?:\w+\s+)?"
    r"(?:days?|weeks?|months?|quarters?|years?|decade)\b|\bthis\s+year\s+and\s+next\b|\bnext\s+year\b"
    r"|\b(?:by|in|until|through)\s+(?:the\s+end\s+of\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
# a condition, the speaker's own plans, a question, or a modal whose context cancelled it ("Investors appear to
# trust that central banks will ease policy in 2025")
_NOT_A_STATEMENT = re.compile(
    r"^\W*(?:if|unless|when|once|as\s+long\s+as|I|we|my|our)\b|\?"
    r"|\b(?:will|would|won't|may|might|could|should|shall|going\s+to|expects?|expected|hopes?|trust)\b",
    re.I,
)


def present_with_future_window(plain: str, start: int, end: int, published_on: date) -> Marker | None:
    """A change stated in the present over a window still ahead, as outlooks write their forecasts:
    "the Fed continues to ease over the next six months", "Growth is also better this year and next".
    Told as a fact, it is as sure as "will"; told as someone's forecast, it is likely."""
    sentence = plain[start:end]
    if _NOT_A_STATEMENT.search(sentence):
        return None
    windows = [
        w for w in _FUTURE_WINDOW.finditer(sentence) if not w.group("year") or int(w.group("year")) > published_on.year
    ]
    change = _PRESENT_CHANGE.search(sentence)
    if not windows or change is None:
        return None
    category = scales.LIKELY if _told_as_a_forecast(plain, start, end) else scales.ALMOST_CERTAIN
    beliefs = list(BELIEF.finditer(sentence, 0, change.start()))
    if beliefs:
        # a belief frames it as it frames a "will", and a denied one turns it down: "but we don't think it really
        # recovers in full until 2023"
        category = hedged_by_frame(scales.ALMOST_CERTAIN, beliefs[-1])
    return Marker("frame", start + change.start(), start + change.end(), change.group(0), category)


# a forecaster's verb or the writer's own "we see" in the sentence or earlier in its paragraph: "Under these
# assumptions, we see the global economy continuing to grow ... Over the next 12 months, the Fed rate climbs to 2.75%",
# "An enrollment planning consultant ... forecasts a dramatic drop in enrollment ... over the next 10 years"
_FORECAST_TOLD = re.compile(
    r"\b(?:forecasts|forecasting|predicts|projects)\b"
    # ... or the change itself forecast, in any tense: "Researchers found that health, in most instances, was forecast
    # to improve by 2040."
    r"|\b(?:forecast|projected|predicted)\s+to\s+(?=[a-z])"
    r"|\b(?:I|we)\s+(?:now\s+|also\s+|still\s+)?(?:see|expect|forecast|project|predict)\b",
    re.I,
)


def _told_as_a_forecast(plain: str, start: int, end: int) -> bool:
    """Whether a present-tense change is told as someone's forecast, which is likely, not a fact."""
    paragraph_start = plain.rfind("\n", 0, start) + 1
    return bool(_FORECAST_TOLD.search(plain, paragraph_start, end))


# ... or told as what the projections show: "debt held by the public also increases in CBO's projections",
# "The nation's fiscal outlook is stable ..., according to our new projections", "the projected cumulative
# deficit for the 2024-2033 period remains steady at $20.2 trillion", "In its forecast, the fiscal deficit is
# eliminated in 2022 and the debt-to-GDP ratio peaks in 2018/19" (one forecast as well as many)
_IN_PROJECTIONS = re.compile(
    r"\b(?:according\s+to|in|under)\s+(?:the\s+|our\s+|its\s+|their\s+|[\w.&\-]+(?:'s|\u2019s)\s+)?"
    r"(?:new\s+|latest\s+|updated\s+|current\s+|baseline\s+)?(?:projections?|forecasts?)\b"
    r"|^\W*(?:[\w,]+\s+){0,3}?the\s+projected\s+(?=[a-z])",
    re.I,
)
_PRESENT_STEADY = re.compile(
    r"\b(?:is|are|remains?|stays?)\s+(?:\w+ly\s+)?(?:stable|steady|flat|unchanged)\b|\b(?:worsens|deteriorates)\b", re.I
)

# ... or a figure: "The projected growth rate for blacks is 34 percent."
_PRESENT_FIGURE = re.compile(
    r"\b(?:is|are)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|just\s+|some\s+)?[-+$]?\d[\d.,]*\s*"
    r"(?:%|per\s*cent|percent|million|billion|trillion)",
    re.I,
)


def present_in_projections(plain: str, start: int, end: int) -> Marker | None:
    """A change or a level stated in the present as what projections show: a projection's figure, likely."""
    sentence = plain[start:end]
    if _NOT_A_STATEMENT.search(sentence) or not _IN_PROJECTIONS.search(sentence):
        return None
    verb = _PRESENT_STEADY.search(sentence) or _PRESENT_CHANGE.search(sentence) or _PRESENT_FIGURE.search(sentence)
    if verb is None:
        return None
    return Marker("frame", start + verb.start(), start + verb.end(), verb.group(0), scales.LIKELY)


def _probable_scenario_statement(plain: str, start: int, end: int) -> Marker | None:
    """A statement in the present under a heading that names the expected scenario ("Probable scenario",
    "Base case"): "The global economy remains sluggish, keeping oil demand growth low." is that scenario's
    forecast. Under any other scenario's heading it is an assumption."""
    sentence = plain[start:end]
    if not (_PRESENT_PREDICTION.match(sentence) or _PRESENT_STATE.match(sentence)) or not _HAS_VERB.match(sentence):
        return None
    heading = scenario_heading(plain, start) or scenario_label(plain, start)
    if heading is None or not PROBABLE_SCENARIO.search(heading):
        return None
    return Marker("frame", start, start, "", scales.LIKELY)


# "The global economy remains sluggish": a state that goes on is a statement too
_PRESENT_STATE = re.compile(
    r"(?![\s\"']*(?:I|My|We|Our)\b)\s*\S+(?:\s+\S+){0,4}?\s+(?:remains|stays|continues)\b", re.I
)


def _frame_category(plain: str, frame: tuple[int, int]) -> str | None:
    """How much a list's announcing line hedges its items; None when it does not."""
    words = plain[frame[0] : frame[1]]
    if re.search(
        r"\b(?:I|we)\s+(?:think|believe|expect|reckon)\b|\bgut\s+feeling\b|\bmy\s+(?:guess|hunch)"
        # what others think will happen: "the things the staff of BusinessWeek ... think will happen next year"
        r"|\b(?:think|thinks|believe|believes|reckon|reckons)\s+(?:will|might|could|may)\s+happen\b",
        words,
        re.I,
    ):
        return scales.LIKELY
    return None


def _sentence_candidates(
    text: str,
    plain: str,
    start: int,
    end: int,
    context: list[Sentence],
    earlier: list[Sentence],
    published_on: date,
    scale: scales.Scale,
    *,
    frame: tuple[int, int] | None = None,
) -> list[Candidate]:
    clauses = []
    # a number after the sentence is the chance of all of it: "..., Google, or Amazon. 90%"
    whole = TRAILING_PERCENT.search(plain[start:end])
    for c_start, c_end in [(start, end)] if whole else split_clauses(plain, start, end):
        markers = find_markers(plain, c_start, c_end)
        # a stated number and a chance phrase are two chances too: "South Africa and New Zealand have an 80 to
        # 90 per cent chance, then Pakistan and Australia are a toss of the coin"
        stated = [(m.start, m.end) for m in markers if m.kind in ("stated", "chance")]
        if len(stated) < 2 or whole or not any(m.kind == "stated" for m in markers):
            clauses.append([c_start, c_end, markers])
            continue
        for s_start, s_end in split_between_chances(plain, c_start, c_end, stated):
            clauses.append([s_start, s_end, find_markers(plain, s_start, s_end)])
    # A clause that only puts a number on the previous one ("I'm 80% sure of that")
    # belongs to it.
    merged: list[list] = []
    for clause in clauses:
        c_start, c_end, markers = clause
        if (
            merged
            and markers
            and markers[0].kind == "stated"
            and BACK_REFERENCE.search(plain[c_start:c_end])
            # "... a probability of 98% of clearing it and we give NZ First a probability of 85%": a chance of its own
            and not any(m.kind == "stated" for m in merged[-1][2])
        ):
            merged[-1][1] = c_end
            merged[-1][2] = merged[-1][2] + markers
        else:
            merged.append(clause)
    with_markers = [clause for clause in merged if clause[2]]
    frame_category = _frame_category(plain, frame) if frame else None
    if (
        not with_markers
        and frame
        and (
            (_PRESENT_PREDICTION.match(plain[start:end]) and _HAS_VERB.match(plain[start:end]))
            or _VERBLESS_OUTLOOK.match(plain[start:end])
        )
    ):
        # an item of a predictions list states its forecast in the present: "Human lands on Mars."
        merged = [[start, end, [Marker("frame", start, start, "", frame_category or scales.ALMOST_CERTAIN)]]]
        with_markers = merged
    if not with_markers and not frame:
        present = (
            # what projections show is a projection, likely, even over a window still ahead
            present_in_projections(plain, start, end)
            or present_with_future_window(plain, start, end, published_on)
            or _probable_scenario_statement(plain, start, end)
        )
        if present is not None:
            merged = [[start, end, [present]]]
            with_markers = merged
    if not with_markers:
        return []
    if frame_category:
        # a frame that hedges the whole list ("what I think might happen:") lowers what follows
        order = scales.CATEGORIES
        for clause in merged:
            clause[2] = [
                replace(m, category=frame_category)
                if m.category and order.index(m.category) > order.index(frame_category)
                else m
                for m in clause[2]
            ]
    if len(with_markers) == 1:
        kept = [c for c in merged if c[2] or not UNCERTAIN_CLAUSE.search(plain[c[0] : c[1]])]
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
    chained = []
    for piece in pieces:
        links = chain_links(plain, piece[0], piece[1], published_on)
        if len(links) < 2:
            chained.append((*piece, ""))
            continue
        markers = piece[2]
        head = max(markers, key=lambda m: (m.priority, -m.start))
        subject = subject_before(plain, links[0][0], head.start)
        # "is projected to grow 2.4% in 2024 and 2.1% in 2025": the second link borrows "will grow"
        verb = re.match(
            r"\s*(?:to\s+)?((?:[a-z]+\s+){1,3}?)(?:by\s+|to\s+|at\s+)?[-\d$]", plain[head.end : links[0][1]]
        )
        for link_start, link_end in links:
            link_markers = markers
            if re.match(r"but\s+not\b", plain[link_start:link_end]) and head.category:
                # "another crisis, but not in the next 12 months": the window is denied
                link_markers = [replace(head, category=scales.negate(head.category))]
            link_subject = subject
            bare = re.match(r"(?:and\s+|,\s*)?(?:by\s+|at\s+|to\s+)?[-\d$]", plain[link_start:link_end])
            if bare and verb and subject:
                link_subject = f"{subject} will {verb.group(1).strip()}"
            if link_markers is not markers:
                # the denied window is claimed as the first link's proposition within that window
                link_subject = plain[links[0][0] : links[0][1]]
            chained.append((link_start, link_end, link_markers, False, link_start, link_end, link_subject))
    results = []
    for p_start, p_end, markers, whole, clause_start, clause_end, subject in chained:
        marker = head_marker(plain, markers)
        if marker.kind == "hedge" and not whole:
            opening = plain[p_start:p_end].split()
            if opening[0].lower() in ("perhaps", "possibly", "maybe") and len(opening) < 4:
                continue
        candidate = clause_candidate(
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
            subject=subject,
            frame=frame,
        )
        if candidate is not None:
            results.append(candidate)
    return results


def needs_publication_date(text: str) -> bool:
    """Whether any forecast's deadline depends on when the article appeared ("next year", "by June").

    Read as if published on two dates in different years and months: absolute dates ("by
    March 2026") give the same deadlines both times, relative ones do not. Deadlines that are
    defaults for lack of any time expression do not count: those are the editor's to set.
    """

    def stated(published_on: date) -> list[tuple[int, date | None]]:
        found = extract_candidates(text, published_on=published_on)
        return [(c.start, c.deadline) for c in found if c.deadline_flag != DEADLINE_DEFAULT]

    return stated(date(1990, 1, 1)) != stated(date(1991, 7, 2))
