"""One forecast clause to a Candidate: its probability from the head marker (a belief around a
"will" hedges it), its deadline from the clause, the sentence or the sentences before, the
notes an editor must act on, and what cancels it (a hypothetical "would", a forecast reported
from earlier, commentary hung on no event).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from sources import scales

from .candidate import DEFAULT_NOTE, Candidate, default_deadline, drafted
from .claims import PRONOUN_SUBJECT, antecedent, rewrite, strip_quote_marks
from .context import (
    ANAPHORA,
    AWAITED_EVENT,
    CONDITIONAL,
    ELABORATION,
    PAST_FORECAST,
    PROJECTION_CONTEXT,
    REPORTED,
)
from .deadlines import after_the_base, deadline_in, month_in_named_year
from .flags import (
    BASIS_NONE,
    BASIS_PHRASE,
    BASIS_STATED,
    DEADLINE_APPROXIMATE,
    DEADLINE_CONTEXT,
    DEADLINE_DEFAULT,
    DEADLINE_NO_FIXED_DATE,
    DEADLINE_STATED,
)
from .markers import Marker
from .segments import Sentence
from .timex import When
from .words import INSTITUTIONS

# "I think ... will", "Stoltzfus and his team believe that ... will", "we do anticipate Sharif will position himself as
# the prime opposition candidate": a belief hedges the "will";
# "I don't think there's any reason why a recession should occur" denies it
BELIEF = re.compile(
    r"\b(?:I|we|they|he|she|(?-i:[A-Z][\w.&\-]+)(?:\s+and\s+(?:his|her|their)\s+(?:team|colleagues))?)\s+"
    r"(?:still\s+|really\s+|also\s+)?(?P<neg>don't\s+|do\s+not\s+|doesn't\s+|does\s+not\s+)?(?:do\s+)?"
    r"(?:think|thinks|believe|believes|reckon|reckons|feel|feels|would\s+hope|anticipate)\b"
    # any subject, in any person, with or without an adverb: "Analysts largely believe Nvidia will maintain its
    # majority market share", "Many pundits suggest the 2010 season is going to be a classic"
    # (not a certainty: "BCA Research almost certainly indicates that a recession will occur"); the subject may end
    # with the comma of a relative clause: "CN Rail, which has weathered the economic storm ..., believes rising fuel
    # costs will lift demand"
    r"|\b(?!(?:almost|certainly|definitely|surely|clearly|undoubtedly)\b)[\w.&\-]+,?\s+"
    r"(?:(?!(?:certainly|definitely|surely|clearly|undoubtedly)\b)\w+ly\s+)?(?:believes?|believed|thinks?|suggests?|suggested|reckons?|estimates?|"
    # an inference or an estimate: "This in turn implies that inflation will fall", "we estimate US growth in 2025
    # will be 1.3ppts lower", "foreshadow that European storages stocks will be used up"
    r"implies|implied|indicates|indicated|foreshadows?|"
    # a working assumption or an anticipation, its subject left out: "We continue to assume there will not be a generic
    # competitor", "it's safe to assume Un will at least try", "... and anticipate sales from Bepreve will be"
    r"assumes?|anticipates?|"
    # an expectation with the "will" after its object: "Two of the firms in the list below expect the S&P 500 will
    # rise well above yesterday's 5631 close"
    # ... told in the past: "Respondents to a June 20-24 survey said they expected Fed officials will cut rates"
    r"expect|expected(?!\s+to\b))\s+"
    # (the point of an abbreviation is no sentence's end: "Another seven firms think U.S. home prices will remain flat",
    # nor is a decimal point: "which estimates around 31.1 million electric vehicles (EVs) will hit the streets")
    r"(?:that\s+)?(?=(?:[^.;:]|(?<=\b[A-Z])\.|\.(?=\d)){0,80}$)"
    # an expectation stated as such: "We still have the expectation that the Selic will retreat", "it is
    # anticipated that he will collaborate with the PDI-P"
    r"|\b(?:expectation|anticipated|expected|expects|expect)\s+(?:is\s+)?that\b"
    # ... with its time between: "the expectation going into 2020 is that the economy will continue to grow"
    r"|\bexpectations?\s+(?:[\w\-]+\s+){1,4}?(?:is|are)\s+that\b"
    # ... or a view shared: "Global reserve banks concur that the US Dollar (USD) will retain its standing"
    r"|\b(?:concur|concurs|agree|agrees)\s+that\b(?=[^.;:]{0,80}$)"
    # ... or a hope held as an outlook: "I am optimistic that funding will be increased."
    r"|\b(?:I|we)(?:'m|\s+am|'re|\s+are)\s+(?:\w+\s+)?optimistic\s+that\b"
    # ... or with an aside before its clause: "We expect, for the year as a whole, 2023 is going to be higher"
    r"|\b(?:I|we)(?:'re|\s+are|'m|\s+am)?\s+(?:now\s+|still\s+|also\s+)?expect(?:ing)?\s*,(?=[^.;:]{0,80}$)"
    # grounds for a belief: "But there are good reasons it will stay around 4% or even drift higher"
    r"|\bthere\s+(?:is|are|'s)\s+(?:good\s+|some\s+|every\s+|strong\s+)?reasons?\s+(?:to\s+(?:think|believe|expect)\s+)?"
    r"(?:that\s+)?(?=[^.;:]{0,80}$)"
    # what appears to be: "it appears voters have made their choice and will elect a Liberal minority on Monday"
    r"|\bit\s+(?:appears|seems)\s+(?:that\s+)?(?=[^.;:]{0,80}$)"
    # "The company believes rising fuel costs will lift demand", "it still looks as though no party will have"
    rf"|\b(?:the|its|our)\s+{INSTITUTIONS}\s+(?:still\s+|also\s+)?(?P<neg2>doesn't\s+|does\s+not\s+)?believes?\b"
    # any subject: "This weekend looks like it will be big", "The Brothers Grimsby looks like it will do solid business"
    r"|\b(?:looks|seems|appears|look|seem|appear)\s+(?:as\s+though|as\s+if|like)\b",
    re.I,
)
# a projection reported around a "will": "CBO projects the budget deficit will total $1.5 trillion",
# "By 2012, the report predicts, the average miles driven ... will decrease": a projection is likely
_REPORTED_WOULD = re.compile(
    # ... or held with the speaker's confidence: "exuded confidence that the renewable energy capacity would touch
    # 510 GW by 2030" (not a decision announced: "the Bank of Canada announced it would keep the key interest rate")
    r"\b(?:said|says|told|added|predicted|projected|estimated|confidence)\s+"
    r"(?:that\s+)?(?:the\s+|a\s+|its\s+)?[^,;:]{0,80}?\bwould\b"
    # ... with the attribution after the quotation it closes: '"This would weigh not only on rupiah ...," he said.'
    r"|\bwould\b[^;:]{0,160}?,[\"']?\s+(?:(?:the\s+)?[\w\s]{0,40}?\b(?:said|says|predicted|added)"
    # ... whom it was told to, or the speaker after the verb: '..., she told journalists in Geneva', '..., said Cardoso'
    r"|(?:he|she|they)\s+told\s+[^.;:!?\"]{1,60}?|(?:said|says|added)\s+(?-i:[A-Z])[\w.\-]*(?:\s+(?-i:[A-Z])[\w.\-]*){0,2})"
    r"\s*[.!]?\s*$",
    re.I,
)
# a "would" that moves a quantity by or to a figure is a projection's step, not a hypothetical's: "The Consumer Price
# Index would then rise again by 0.1% in 2012", "If Washington's trade conflicts escalate, the rate would fall to 2.4
# per cent."
_WOULD_CHANGE_TO_A_FIGURE = re.compile(
    r"\bwould\s+(?:then\s+|also\s+|further\s+|even\s+)?(?:rise|fall|grow|drop|decline|increase|decrease|reach|climb|"
    r"slow|ease|contract|expand|shrink|jump|slip)\b[^.;]{0,40}?\b(?:by|to)\s+(?:about\s+|around\s+)?[-$\d]",
    re.I,
)
_FORECASTERS_BEFORE = re.compile(
    r"\b(?:experts|forecasters|economists|analysts|strategists|scientists|meteorologists)\b[^.;]{0,80}$", re.I
)
# what was said long ago or a policy told: "In 2006, I said the Republicans would keep both houses", "Powell said
# last week the central bank would act"
_BACK_THEN = re.compile(
    r"\b(?:last\s+(?:week|month|year)|ago|earlier|previously|repeatedly)\b|\b(?:I|we)\s+said\b"
    r"|\bwould\s+(?:act|do|take|amount|be\s+(?:prepared|ready))\b",
    re.I,
)


# "these predicted that Australia would win 52 to 57 medals, compared with an actual tally of 58 medals"
_CHECKED_AGAINST = re.compile(
    r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:an?\s+|the\s+)?actual\b"
    r"|\bthe\s+actual\s+(?:tally|result|outcome|figure|number|count|total)\s+(?:was|were|of)\b",
    re.I,
)


# a clause turning against the one before it
_TURN = re.compile(r"[,;]\s+(?:but|yet|however|though|whereas)\b", re.I)


def band_of(probability: float, scale: scales.Scale) -> str | None:
    """The band of the scale a stated probability falls in."""
    return next((name for name in scales.CATEGORIES if probability in scale.band(name)), None)


def hedged_by_frame(category: str, frame: re.Match[str]) -> str:
    """A "will" under a belief or a projection ("I think ... we're going to avoid a recession") is
    likely, or unlikely if it says no; a denied belief ("I don't think ... will") turns it over."""
    positive = category in (scales.ALMOST_CERTAIN, scales.VERY_LIKELY, scales.LIKELY)
    category = scales.LIKELY if positive else scales.UNLIKELY
    if frame.groupdict().get("neg") or frame.groupdict().get("neg2"):
        category = scales.negate(category)
    return category


def ends_as_prose(sentence: str) -> bool:
    """Whether a sentence ends as prose does, with a full stop, not as a headline."""
    return bool(re.search(r"[.!?][\"')]*\s*$", sentence))


def _said_back_then(lead: str, published_on: date) -> bool:
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", lead)]
    return any(y < published_on.year for y in years) or bool(_BACK_THEN.search(lead + " would "))


_SEEN_CHANGING = re.compile(
    r"\s+(?:[\w'\-]+\s+){1,4}?(?:continuing|growing|rising|falling|slowing|declining|increasing|decreasing|recovering|"
    r"improving|weakening|strengthening|easing|peaking|accelerating|contracting|expanding)\b"
    # ... or where it ends up, at a figure: "I see the animated hit coming in with a $22 million second weekend"
    r"|\s+(?:[\w'\-]+\s+){1,4}?(?:coming\s+in|opening|finishing|ending|reaching|hitting|topping|grossing|earning|"
    r"landing|settling)\b[^.;]{0,60}?(?:[$\u20ac\u00a3]\s?\d|\d[\d.,]*\s*(?:%|per\s*cent|percent|million|billion))",
    re.I,
)
# ... and a "will" inside a stated forecast: "According to the Bank of Russia's forecast, ... annual inflation will
# come in at 4.5-6.5%", "The projected ratio of debt to GDP ... will reach 74 percent by 2020"
_PROJECTS = re.compile(
    r"\b(?:predicts|projects|forecasts|projecting|predicting|forecasting)\b"
    # a plural subject's: "The new statistics project that the nation will become \u201cminority white\u201d in 2045"
    r"|\b(?:predict|project|forecast)\s+that\b"
    # a projected figure anywhere before the "will": "More than half of the projected increase in the global
    # population up to 2050 will be concentrated in just nine countries"
    r"|\baccording\s+to\s+[^,;]{0,60}?\b(?:forecasts?|projections?|estimates?|outlook)\b|\bthe\s+projected\b"
    # the forecast itself as the subject: "the underlying inflation rate forecast will average three per cent"
    r"|\b(?:forecast|projection)\s*$"
    r"|\b(?:forecasts|projections)\s+(?:also\s+|now\s+|still\s+)?(?:show|suggest|indicate)\s+(?:that\s+)?"
    # ... or the "will" is what the forecast says: "The bank maintains its forecast that robust supply growth ... will
    # push Brent ...", "reaffirmed its prediction that demand will stabilize", "My prediction is that it will open",
    # "Our most recent prediction is that this year will have 15 named storms", "my suspicion is that housing is just
    # going to bounce along this bottom"
    # (the noun after its owner; "The report estimates that ... will be electric, but local governments will
    # contribute" leaves the second "will" to its own clause)
    r"|\b(?:its|their|our|my|his|her|the|[\w.&\-]+(?:'s|\u2019s))\s+(?:\w+\s+){0,2}"
    # ... numbered in a list: "So my Prediction #4 is that self-driving cars won't hit the retail market"
    r"(?:forecast|projection|prediction|estimate|expectation|suspicion)\s+(?:#?\d+\s+)?(?:is\s+|remains\s+)?that\b"
    # a forecast told in the perfect or by its maker in the first person: "The National Automobile Dealers
    # Association has projected that ... will contribute", "We predict , under such condition, rupiah will remain"
    r"|\b(?:has|have)\s+(?:also\s+|now\s+|already\s+)?(?:predicted|projected|forecast|forecasted|estimated)\b"
    # ... or in the past by what made it: "An internal government document obtained by the New York Times predicted
    # the daily coronavirus death toll will reach about 3,000 people by June 1"
    # (the point of an abbreviation is no sentence's end: "the organization predicted that U.S. home prices will rise")
    r"|(?<!\bthe\s)(?<!\ba\s)(?<!\bits\s)\b(?:predicted|projected|forecasted)\s+(?:that\s+)?"
    r"(?=(?:[^.;:]|(?<=\b[A-Z])\.){0,80}$)"
    r"|\b(?:I|we|they)\s+(?:now\s+|still\s+|also\s+)?(?:predict|project|forecast)\b"
    # a projection that anticipates: "The baseline projection anticipates that Brent crude prices will average $62"
    # what the signs say: "While indications are demand will start to return over the second half of FY24"
    r"|\b(?:indications|signs)\s+(?:are|suggest|point\s+to)\s+(?:that\s+)?(?=[^.;:]{0,80}$)"
    r"|\banticipates\s+that\b"
    # a view stated as what someone makes of it: "The likelihood is that things will get worse", "My reading is that
    # the rich Chinese buyers will come one day", "Our current thinking now is that we will have a milder recession",
    # "Goldman Sachs' theory is that this spending habit will continue"
    r"|(?:\b(?:its|their|our|my|his|her|the)|[\w.&\-]+(?:'s|\u2019s|'|\u2019))\s+(?:\w+\s+)?"
    r"(?:likelihood|reading|guess|bet|hunch|sense|feeling|view|thinking|theory)\s+(?:now\s+)?is\s+that\b"
    # ... or what is expected: "Additionally, expectations are that the Federal Reserve will halt further interest
    # rate hikes"
    # ... or what is predicted: "The predictions are that this revenue will grow"
    r"|\b(?:expectations|predictions|projections|forecasts)\s+are\s+that\b"
    # ... or a confidence or a wager on the outcome: "Das exuded confidence that the economy will grow at 6.5%",
    # "Investors are betting the bank will raise the benchmark rate"
    # ... or an optimism: "renewed confidence in the ETS ..., and optimism that the more ambitious 2030 target will
    # continue to be a supportive factor", "there is promise that 2024 will continue to see an uptick in M&A deals"
    r"|\b(?:confidence|optimism)\s+that\b|\bthere\s+(?:is|'s)\s+(?:\w+\s+)?promise\s+that\b"
    r"|\b(?:are|is|were|was)\s+betting\s+(?:that\s+)?(?=[^.;:]{0,80}$)",
    re.I,
)
# A reported "would" read as the "will" it reports: a projection's weight back to a plain "will"'s, or "won't"'s.
_AS_REPORTED = {scales.LIKELY: scales.ALMOST_CERTAIN, scales.UNLIKELY: scales.REMOTE}

# when or where a forecast named after its clause was made: "..., political scientists predicted this morning (7
# April).", "..., Digital TV Research predicted in its latest estimates."
_TOLD_WHEN = (
    r"(?:\s+(?:this\s+(?:morning|afternoon|week|month)|(?:on\s+)?(?-i:[A-Z])[a-z]+day|in\s+(?:its|their|a|the)\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:estimates?|forecasts?|reports?|outlook|projections?|study|analysis))"
    r"(?:\s*\([^()]{1,30}\))?)?"
)
# the forecaster named after the clause: "..., 28% higher than this year, Realtor.com predicted", or after a quotation
# its comma closes: 'They will add 257 million subscribers between 2019 and 2025, "doubling their total," the research
# firm forecast.'
_PREDICTED_AFTER = re.compile(
    r",[\"']?\s+(?:the\s+)?(?:[A-Z][\w.&'\-]*\s+){1,4}(?:predicted|projected|predicts|projects|forecasts)"
    + _TOLD_WHEN
    + r"[\s.\"']*$"
    # ... or a forecasting body named in lower case, with a verb of projection: "The number of 18-year-old high school
    # graduates will peak in 2025 at around 3.9 million, the report projects, followed by a 15-year decline", "For the
    # full year 2017, growth will be 3 per cent, the company forecast", "..., the HR body has predicted"
    r"|,[\"']?\s+(?:the\s+|an?\s+|its\s+|their\s+)?"
    r"(?:(?!(?:than|as|previously|earlier|originally|initially|had|was|were|is|are|been|in|from|to|for|with|by|at|on|"
    r"over|under|into|after|before|since)\b)[\w.&'()\-]+\s+){1,8}?"
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bour\s)(?<!\bthis\s)(?<!\bthat\s)"
    r"(?:(?:has|have)\s+(?:also\s+)?(?:predicted|projected|forecast|forecasted)|projects|projected|project|forecasts|"
    # ... a body of forecasters that predicted it: "..., poll medians predicted", "..., political scientists predicted
    # this morning (7 April)" (one person's "..., an economist predicted" is keyed as the plain "will")
    r"forecast|forecasted|(?<=s\s)predicted)" + _TOLD_WHEN + r"(?:[\s.\"'\u201d]*$|\s*,)"
    # ... or the forecast it comes from: "By 2026, that will skyrocket to 80%, according to a new forecast from market
    # research firm Gartner."
    # ... its maker named with it: "..., according to the RMI forecasts.", "The Baltic index will average 1,786
    # points in the second quarter, according to the median of 10 estimates compiled by Bloomberg"
    r"|(?:,\s+|\s)according\s+to\s+[^,;]{0,60}?\b(?:forecasts?|projections?|estimates?|outlook)\b"
    # ... or a pronoun for the forecaster, set off by commas: "Losses will be high, she predicts, as hundreds of
    # thousands of undertrained conscripts are shuttled into Ukraine"
    r"|,\s+(?:he|she|they|we|I)\s+(?:predicts|predicted|predict|projects|projected|forecasts|expects|expected)"
    r"(?:[\s.\"'\u201d]*$|\s*,)"
)
_COMMENTARY = re.compile(
    r"\s*(?:[A-Z]\w+ed|Done|Handled|Played|Left|Taken)\s+(?:\w+\s+){0,2}\w+,"  # "Done badly, ..."
    r"|.*\b(?:can|could|may|might)\s+(?:also\s+)?(?:be\s+(?:seen|read|argued|said|used|described)|mean|help|serve)\b"
    r"|.*\b(?:I|we|you|one)\s+(?:could|might|may)\b|.*\b(?:could|might|may)\s+(?:just|simply)\s+be\b"
    # both ways: "Inflation could rise, or it could fall"
    r"|.*\b(?:could|might|may)\b[^.]*?\bor\s+(?:\w+\s+){0,3}(?:could|might|may)\b"
    # a generic subject ("A middle class growing too wealthy may even pose a threat")
    r"|\s*(?:A|An)\s+(?:\w+\s+){1,2}\w+ing\b|.*\b(?:may|might|could)\s+even\b"
    # "it's just a simulation of what could happen": no event named
    r"|.*\bwhat\s+(?:could|might|may)\s+(?:happen|occur|come)\b",
    re.I,
)


def _frame_window_wins(item: When, frame: When) -> bool:
    """Whether the window of the line announcing a list ("Predictions for 2015") replaces an item's own.

    A year before the list's period is not the item's window, nor is a period the item names without a
    number ("at the end of the decade" under "Predictions for the 2020s" is that decade's end). A year the
    item writes out within a decade the list is for is its own: "Trump will lose in 2020 (80%)".
    """
    first = frame.deadline.year - 9 if re.search(r"\d0s\b", frame.text) else frame.deadline.year
    if item.deadline.year < first:
        return True
    return item.deadline.year < frame.deadline.year and not re.search(r"\d", item.text)


def clause_candidate(
    text: str,
    plain: str,
    piece: tuple[int, int],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    marker: Marker,
    context: list[Sentence],
    earlier: list[Sentence],
    published_on: date,
    scale: scales.Scale,
    *,
    single: bool,
    subject: str = "",
    frame: tuple[int, int] | None = None,
) -> Candidate | None:
    start, end = strip_quote_marks(plain, *piece)
    sentence_start, sentence_end = sentence
    whole_sentence = single
    # The forecast's own clause speaks first, then its sentence, then the sentences before it.
    when = month_in_named_year(
        deadline_in(plain, *clause, published_on), plain, sentence_start, clause[0], published_on
    )
    if when is None and not subject:  # a link split off a sentence has its own time or none
        when = deadline_in(plain, sentence_start, sentence_end, published_on)
    flag = when.flag if when else None
    if when is None:
        for previous in reversed(context):
            found = deadline_in(plain, previous.start, previous.end, published_on)
            if found is not None and found.flag == DEADLINE_STATED:
                when = When(found.deadline, DEADLINE_CONTEXT, found.text)
                flag = DEADLINE_CONTEXT
                break
    if frame:
        # "Predictions for 2015": an item's "the year" or "after soaring for most of 2014" is not its window
        found = deadline_in(plain, *frame, published_on)
        both = when is not None and when.deadline is not None and found is not None and found.deadline is not None
        if found is not None and (when is None or (both and _frame_window_wins(when, found))):
            when, flag = When(found.deadline, DEADLINE_CONTEXT, found.text), DEADLINE_CONTEXT
    dated_before = None
    for previous in reversed(earlier if when is None else []):
        found = deadline_in(plain, previous.start, previous.end, published_on)
        if found is not None and found.flag == DEADLINE_STATED:
            dated_before = When(found.deadline, DEADLINE_CONTEXT, found.text)
            break
    if dated_before is not None and ANAPHORA.search(plain[sentence_start:sentence_end]):
        # "Leaders are expected to declare there": the place and date of the paragraph before
        when, flag = dated_before, DEADLINE_CONTEXT
    if when is None:
        when = after_the_base(plain, sentence_start, sentence_end, published_on)
        flag = when.flag if when else None
    clause = plain[start:end]

    if marker.kind == "hedge":
        # a new paragraph that goes on about a dated event counts as dated for this test
        has_time = when is not None or dated_before is not None
        elaborates = not whole_sentence and bool(ELABORATION.match(clause))
        # "may yet recover", "might test 0.5 per cent once the cap is loosened": the words
        # point at a coming event even without a date.
        awaited = bool(AWAITED_EVENT.search(plain[marker.end : end]))
        if elaborates and CONDITIONAL.match(plain[sentence_start:sentence_end]):
            return None  # "If they do, the price will be high: ..., and perhaps a guarantee"
        if not has_time and not elaborates and not awaited and _COMMENTARY.match(plain[sentence_start:sentence_end]):
            # "Done badly, it could lose the voters": a possibility hung on a manner or a
            # hypothetical, with no event or window to check, is commentary.
            return None

    sentence_text = plain[sentence_start:sentence_end]
    if marker.kind == "would":
        around = " ".join(plain[s.start : s.end] for s in [*earlier[-1:], *context]) + " " + sentence_text
        # reported speech shifts a forecaster's "will" to "would": "The CEBR said the value of the average UK home
        # would continue to rise", "... would cause supply to be tight ..., the report said"
        reporting = _REPORTED_WOULD.search(sentence_text)
        reported = reporting and not _said_back_then(plain[sentence_start : marker.start], published_on)
        projected = PROJECTION_CONTEXT.search(around) or _WOULD_CHANGE_TO_A_FIGURE.search(sentence_text)
        if not (projected or reported) or (CONDITIONAL.match(sentence_text) and not projected):
            return None  # a hypothetical, not a projection
        # the reported "will" keeps its weight; a predicted one is a prediction ("He predicted that rupiah would
        # continue to trade at the level of 12,000 per dollar": likely, as "predicts ... will"); so is one held with
        # confidence, a belief ("exuded confidence that the renewable energy capacity would touch 510 GW by 2030")
        predicted = reporting and re.search(
            r"\b(?:predicted|projected|estimated|confidence)\b", reporting.group(0), re.I
        )
        # ... and so does a reported "won't": "the office said the suits would not be ready for flight until April 2025"
        if reported and not predicted and not PROJECTION_CONTEXT.search(around) and marker.category in _AS_REPORTED:
            marker = replace(marker, category=_AS_REPORTED[marker.category])
    # what leads up to the marker in its own clause: "Previous forecasts predicted a drop, but
    # those no longer look likely" forecasts in its second clause
    lead = plain[sentence_start : marker.end]
    turns = list(_TURN.finditer(lead))
    past = PAST_FORECAST.search(lead[turns[-1].end() :] if turns else lead)
    if past and (not past.group("year") or int(past.group("year")) < published_on.year):
        return None  # a forecast made earlier, reported: not one of the article's
    if _CHECKED_AGAINST.search(sentence_text):
        return None  # a forecast set beside what actually happened is a past one's record

    if marker.kind == "headline" and ends_as_prose(sentence_text):
        return None  # "the plan to cut rates in 2024." in prose is not a headline's forecast
    # "I see the appeal" is an opinion; "I see a fall before 2025" forecasts; "we foresee a significant negative
    # impact" has no other sense than a forecast, nor has a change seen going on ("we see the global economy
    # continuing to grow at a decent clip")
    foresee = marker.kind == "see" and (
        re.search(r"\bforesee\b", marker.phrase, re.I) or _SEEN_CHANGING.match(plain, marker.end, sentence_end)
    )
    undated = when is None or when.flag != DEADLINE_STATED
    # forecasters who are predicting it need no date: "Some health experts are predicting the worst flu season in five
    # years", "Forecasters ... are again predicting an imminent recession"
    by_forecasters = marker.kind == "predicting" and _FORECASTERS_BEFORE.search(plain[sentence_start : marker.start])
    if marker.kind in ("see", "predicting", "outlook") and undated and not foresee and not by_forecasters:
        return None

    if marker.kind == "stated":
        probability, basis, category = marker.probability, BASIS_STATED, band_of(marker.probability, scale)
    elif marker.category is not None:
        category = marker.category
        # the belief nearest the marker frames it: "I don't think we should be distracted ..., and I think the
        # recovery will gain momentum" is likely, not denied
        framed = marker.kind in ("will", "should")
        beliefs = list(BELIEF.finditer(plain[sentence_start : marker.start])) if framed else []
        belief = beliefs[-1] if beliefs else None
        if belief and (belief.group("neg") or belief.group("neg2")) and _TURN.search(plain, belief.end(), marker.start):
            # a denial ends at the turn after it: "I don't think consoles will disappear, but more and more people
            # will use home PCs for gaming" forecasts the PCs plainly
            belief = None
        if belief is None and marker.kind == "will":
            belief = _PROJECTS.search(plain[sentence_start : marker.start]) or _PREDICTED_AFTER.search(
                plain[marker.end : sentence_end]
            )
        if belief:
            category = hedged_by_frame(category, belief)
        probability, basis = scale.probability(category), BASIS_PHRASE
    else:
        probability, basis, category = None, BASIS_NONE, None
    # "will be able to" keeps the "will"'s weight: "chip manufacturers will be able to increase sales by 6.1
    # percent" forecasts the sales, and "won't be able to operate a full network of flights until 2023"
    # denies the event
    phrase = " ".join(marker.phrase.split())

    notes = []
    if when is None:
        deadline = default_deadline(published_on)
        flag = DEADLINE_DEFAULT
        notes.append(DEFAULT_NOTE)
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
    conditional = bool(CONDITIONAL.match(plain[sentence_start:sentence_end]))
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
    if REPORTED.search(plain[sentence_start:sentence_end]):
        confidence -= 0.05
    confidence = round(min(max(confidence, 0.05), 0.95), 2)

    quote = text[start:end]
    if not subject and PRONOUN_SUBJECT.match(rewrite(quote)):
        before = (context or earlier)[-1:] if (context or earlier) else []
        subject = antecedent(plain[before[0].start : before[0].end]) if before else ""
    candidate = Candidate(
        quote=quote,
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
        conditional=conditional,
        claim_subject=subject,
    )
    return drafted(candidate, subject)
