"""Estimative markers: the words that make a sentence a forecast and give its probability.

Every phrase is reduced to one of the seven ICD 203 categories (sources.scales); stated
numbers ("a 30% chance", "one in four") are kept as numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sources import scales

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


# Every word that carries an estimate, from the lists above and the marker patterns below:
# a claim an editor can accept as written contains none of them (claims.hedge_words).
_ESTIMATE_WORDS = {w for phrase in (*_ADVERBS, *_ADJECTIVES) for w in phrase.split() if w not in ("very", "most")}
_ESTIMATE_WORDS -= {"certain", "all", "but", "than", "not", "more", "nearly", "virtually", "quite", "highly", "almost"}
_ESTIMATE_WORDS -= {"extremely", "increasingly"}
_OTHER_ESTIMATE_WORDS = (
    r"may", r"might", r"could", r"perhaps", r"possibly", r"maybe", r"conceivably", r"chances?", r"odds",
    r"expect(?:s|ed)?", r"anticipat(?:e|es|ed)", r"predict(?:s|ed)?", r"(?:is|are)\s+forecast\s+to",
    r"(?:is|are)\s+(?:set|poised|bound)\s+to", r"on\s+track\s+to", r"doubt(?:ful)?", r"possibility",
    r"likelihood", r"probability",
)  # fmt: skip
HEDGE_WORDS = "|".join([*sorted(_ESTIMATE_WORDS, key=len, reverse=True), *_OTHER_ESTIMATE_WORDS])

_NOT = r"(?:not|never|n't)"
# what stands between a list item and the chance written after it: "... in 2019. 80%", "... -- 50%"
TRAILING = r"(?:[.!]\s+|\s+(?:--|[\u2013\u2014])\s*)"
_DEGREES = {
    "remote": C.REMOTE, "slim": C.VERY_UNLIKELY, "small": C.VERY_UNLIKELY, "poor": C.VERY_UNLIKELY,
    "long": C.VERY_UNLIKELY, "dim": C.VERY_UNLIKELY, "bleak": C.VERY_UNLIKELY, "low": C.UNLIKELY,
    "fair": C.EVEN, "decent": C.EVEN, "good": C.LIKELY, "high": C.LIKELY, "strong": C.LIKELY,
}  # fmt: skip
_BE = r"(?:is|are|am|be|being|been|remains?|seems?|looks?|appears?|'s|'re|was|were|stays?)"
_WILL = r"(?:will|shall|'ll|(?:is|are|am|'s|'re|'m)\s+going\s+to)"

_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    # "will likely", "will almost certainly not", "probably won't"
    ("will_adverb", re.compile(
        rf"\b{_WILL}\s+(?P<neg1>{_NOT}\s+)?(?P<adv>{_alternation(_ADVERBS)})(?P<neg2>\s+(?:not|never))?\b", re.I
    )),
    ("adverb_will", re.compile(rf"\b(?P<adv>{_alternation(_ADVERBS)})\s+(?:{_WILL}(?P<neg2>\s+not)?|won't)\b", re.I)),
    ("adverb_not", re.compile(r"\b(?P<adv>probably|likely|almost\s+certainly)\s+(?P<neg2>not)\b", re.I)),
    # "is likely to", "remains unlikely", "looks likely", "it is very likely that"
    ("adjective", re.compile(
        rf"\b(?P<neg1>(?:{_NOT}|no\s+longer)\s+(?:\w+\s+)?)?(?P<adj>{_alternation(_ADJECTIVES)})\b", re.I
    )),
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
    # An institution or a person named before the verb: "The IMF expects", "the MPC now predicts",
    # "Bloomberg Economics pegs this year's expansion at 2.9%", "We continue to forecast that"
    ("expect", re.compile(
        r"(?:\b(?-i:[A-Z][\w&.\-]*(?:'(?!s\b)\w+)?)(?<!')|\b(?:he|she|it|they|we|I))\s+(?:now\s+|still\s+|also\s+|continues?\s+to\s+|is\s+)?"
        r"(?:expects|expect|anticipates|predicts|projects|forecasts|pegs|forecast|forecasting|projecting|predict|anticipate)"
        r"(?=\s+(?!(?:show|shows|suggest|suggests|are|were|is|was|have|has|had|point|points|imply|implies)\b)"
        r"(?:that\b|the\b|this\b|next\b|its\b|their\b|a\b|an\b|(?:[a-z']+\s+){1,4}(?:to|at|of|will|by|in|for)\b|[\d$]))",
        re.I,
    )),
    ("expect", re.compile(
        r"\b(?:I'm|I\s+am|we're|we\s+are)\s+(?:reasonably\s+|fairly\s+|quite\s+)?confident\s+that\b"
        r"|\b(?:is|are)\s+(?:now\s+)?(?:forecast|projected|expected|seen|estimated)\s+(?:at|to\s+be)\b"
        r"|\b(?:price\s+)?target\s+(?:is|of|at)\s+[$\d]|\b(?:est\.|estimated|average\s+est\.?)\s+[$\d]"
        r"|\b(?:is|are)\s+(?:now\s+)?expecting\s+(?:\w+\s+){1,5}?to\b"
        r"|\b(?:anticipated|expected|forecast|projected)\s+for\s+(?:\d{4}|next\s+year)\b"
        r"|\b(?:rais|lower|cut|upgrad|downgrad|revis|lift|trimm)\w*\s+(?:our|its|their|the)\s+[^.;]{0,50}?"
        r"\b(?:forecasts?|projections?|estimates?|outlook)\b"
        r"|\b(?:the|our|its|their|a)\s+(?:new\s+|latest\s+|updated\s+)?(?:forecast|projection|outlook)\s+for\s+"
        r"(?:\d{4}|next\s+year|this\s+year)\b"
        r"|\bthe\s+odds\s+favou?r\b|\b(?:I|we)\s+lean\s+towards?\b"
        r"|\b(?:am|are|is|we're|I'm)\s+(?:now\s+)?leaning\s+(?:slightly\s+|strongly\s+)?towards?\b"
        r"|\b(?:guides|guided|guiding)\s+(?:for|to)\b|\bguidance\s+(?:of|for|calls\s+for|implies)\b"
        r"|\b(?:our|the|their|its)\s+base\s+case\s+(?:is|remains|sees|calls)\b"
        r"|\b(?:is|are)\s+(?:now\s+)?seen\s+(?:\w+ing|at|as|to)\b"
        r"|\b(?:see|sees)\s+(?:a|an)\s+\d{1,3}(?:\.\d+)?\s*(?:%|per\s*cent|percent)"
        # "The Fed sees rates at 5.1% by the end of 2023"
        r"|(?:(?-i:\b[A-Z][\w&.\-]*)|\b(?:analysts|economists|strategists|investors|markets|traders))\s+(?:now\s+)?"
        r"(?:sees|see)\s+[^.;]{1,60}?\b(?:at|of|to|near|around|ending|finishing|reaching)\s+[-\d$]"
        r"|\b(?:I|we)\s+(?:wouldn't|would\s+not)\s+be\s+(?:at\s+all\s+)?surprised\s+(?:if|to\s+see)\b"
        r"",
        re.I,
    )),
    # "Global output should increase by 3.6 percent": a forecaster's "should" is a likely outcome
    ("should", re.compile(
        r"\bshould\s+(?P<neg1>not\s+)?(?:(?:also|still|then|now|eventually|gradually|further)\s+)?"
        r"(?=(?:increase|decrease|rise|fall|grow|slow|expand|contract|remain|stay|reach|peak|ease|decline|improve|"
        r"recover|inflect|lead|come|return|pick\s+up|moderate|stabili[sz]e|continue|hit|top|drop|accelerate|"
        r"decelerate|average|end|finish|close|edge|climb|rebound|narrow|widen|strengthen|weaken|occur|happen|"
        r"support|boost|drive|weigh|push|lift|keep|limit|inflect|outpace|exceed|"
        r"be\s+(?:higher|lower|above|below|around|near|back|with\s+us|in\s+place|over|positive|negative))\b)",
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
        r"|\b(?:a|an)\s+(?:real|distinct|serious|strong|genuine|live|clear)\s+possibility\b"
        r"|\bthere\s+is\s+(?:some\s+|a\s+|real\s+)?potential\s+for\b",
        re.I,
    )),
    # "a lone forecaster is predicting an eruption in 2015": kept only with a stated date (candidates)
    ("predicting", re.compile(
        r"\b(?:is|are)\s+(?:now\s+)?(?:predicting|forecasting|projecting)\b(?=\s+(?:a|an|the|that|\w+\s+(?:to|will)))",
        re.I,
    )),
    # a headline's infinitive: "S&P 500 to Hit 5,000 in 2023: Strategist" (only in a headline: candidates)
    ("headline", re.compile(
        r"^[^.:]{2,60}?\bto\s+(?:hit|reach|rise|fall|top|climb|drop|slow|grow|cut|raise|hike|win|lose|trade|end|"
        r"remain|stay|surge|slump|double|halve|recover|rebound)\b",
        re.I,
    )),
    # a verbless outlook: "around 4.2% this year and next" (kept only with a coming date: candidates)
    ("outlook", re.compile(
        r"\b(?:around|about|roughly|near|close\s+to|some)\s+[-\d.]+\s*(?:%|per\s*cent|percent)\s+"
        r"(?:in|for|this|next|by)\s+(?:this\s+year|next\s+year|(?:19|20)\d\d|the\s+year)\b",
        re.I,
    )),
    # a projection's conditional mood: "Unemployment would surge to 10% in June" (kept only
    # where the paragraph speaks of projections or forecasts: see candidates)
    ("would", re.compile(
        r"\bwould\s+(?!have\b|be\s+(?:a|an|the)\b|like\b|rather\b|say\b|argue\b|require|need|mean|take|involve|allow|"
        r"help|cost|depend|make|want|prefer)(?=[a-z])",
        re.I,
    )),
]  # fmt: skip

_KIND_CATEGORY = {
    "should": C.LIKELY,
    "would": C.LIKELY,
    "expect": C.LIKELY,
    "bound": C.LIKELY,
    "see": C.LIKELY,
    "doubt": C.UNLIKELY,
    "predict": C.LIKELY,
}
_KIND_CATEGORY.update({"outlook": C.LIKELY, "will": C.ALMOST_CERTAIN, "predicting": C.LIKELY, "headline": C.LIKELY})
_PRIORITY = {"stated": 5, "will_adverb": 4, "adverb_will": 4, "adverb_not": 4, "adjective": 4, "chance": 4}
_PRIORITY["frame"] = 0
_PRIORITY.update({"predicting": 3, "headline": 1, "outlook": 2})
_PRIORITY.update(
    {
        "should": 2,
        "would": 1,
        "expect": 3,
        "bound": 3,
        "see": 3,
        "doubt": 3,
        "predict": 3,
        "degree": 4,
        "hedge": 2,
        "will": 1,
    }
)


@dataclass(frozen=True)
class Marker:
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
STATED_PATTERNS = [
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
    re.compile(
        r"\b(?:chance|probability|likelihood|odds)\b[^.;%]{0,30}?\(?(?P<lo>\d{1,2})\s*[-\u2013]\s*(?P<hi>\d{1,2})\s*%",
        re.I,
    ),
    # a prediction list gives each item its number after it: "No recession in 2019. 80%"
    re.compile(rf"{TRAILING}\(?(?P<num>\d{{1,3}}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)\)?\.?\s*$", re.I),
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
    r"|\b(?:none\s+of\s+this|not|n't|never)\b[^,;:]*\bmeans?\b[^,;:]*$"
    # a belief reported, not held: "Investors appear to trust that central banks will ease"
    r"|\b(?:trust|trusts|hope|hopes|hoping|fear|fears|assume|assumes|want\s+to\s+be\s+sure)\s+that\b[^,;:]*$"
    # "No one knows how this will play out", "people want to be sure the costs are going to stick"
    r"|\b(?:no\s+one|nobody|who)\s+knows\b[^,;:]*$|\b(?:know|knows|knew|tell)\s+(?:how|what|whether|when|if)\b[^,;:]*$"
    r"|\b(?:be|make)\s+sure\b[^,;:]*$"
    # "the illusion that the old relationship could be restored"
    r"|\b(?:illusion|hope|idea|notion|belief|myth|fantasy|dream|pretence|pretense)\s+that\b[^,;:]*$"
    # "Some will say", "you'll understand": speech and the reader's future, not the world's
    r"|\b(?:you|you'll|some|others|critics|sceptics|skeptics)\s*$",
    re.I,
)
_COMMITMENT_BEFORE = re.compile(
    r"\b(?:our|its|their)\s+(?:future\s+)?(?:decisions?|policy|policies|approach|actions?|commitment)\s+$", re.I
)
_COMMITMENT_AFTER = re.compile(
    r"\s+(?:continue\s+to\s+)?(?:be\s+guided|ensure|remain\s+(?:data|committed|vigilant)|do\s+(?:whatever|what)|"
    r"stand\s+ready|monitor|be\s+determined|assess|evaluate|review|consider|act|take\s+(?:the\s+)?(?:necessary|appropriate))\b",
    re.I,
)
_PAST_BEFORE = re.compile(
    r"\b(?:was|were|had|had\s+been|seemed|looked|appeared)\s+(?:widely\s+|very\s+|highly\s+)?$", re.I
)
REPORTED = re.compile(r"\b(?:said|says|told|warned|argued|believes?|thinks?|added|noted|predicted)\b", re.I)
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
ANAPHORA = re.compile(
    r"\b(?:there|then)\b(?!\s+(?:is|are|was|were|will|would|could|may|might|'s|has|have|had|seems?|remains?|appears?)\b)"
    r"|\b(?:at|by|after|before|until|from)\s+(?:that|this|the\s+same)\s+"
    r"(?:meeting|summit|vote|election|date|point|time|stage|moment)\b",
    re.I,
)
ELABORATION = re.compile(r"(?:(?:and|or|but)\s+)?(?:perhaps|possibly|maybe)\b", re.I)
CONDITIONAL = re.compile(r"\s*[\"']?(?:(?:But|And|So|Yet|Still)\s+)?(?:If|if|Unless|unless|Even if|even if|Should)\b")
# A forecast told as one made earlier: "the November 2007 forecast for 2008", "Previous forecasts predicted"
PAST_FORECAST = re.compile(
    r"\b(?:previous|earlier|prior|last\s+year's|old|original)\s+(?:forecasts?|predictions?|projections?|outlook)\b"
    r"|\b(?:\w+\s+)?(?P<year>(?:19|20)\d\d)\s+(?:forecast|prediction|projection|outlook)\b"
    r"|\b(?:were|was|had\s+been)\s+(?:predicting|forecasting|projecting|expecting)\b"
    # "Last year we forecast growth of 2%", "In 2022, many economists predicted a recession"
    r"|\b(?:last\s+(?:year|month|week|quarter|spring|summer|autumn|fall|winter)|a\s+year\s+ago)\b[^.]{0,40}?"
    r"\b(?:forecast|predicted|projected|expected|said|thought)\b"
    # "in September the model gave them an 80% chance"
    r"|\b(?:gave|had\s+given)\s+(?:\w+\s+){0,3}(?:a|an)\s+\d{1,3}(?:\.\d+)?\s*(?:%|per\s*cent|percent)"
    r"|^\s*(?:Using\s+the\b[^,]*\bexample|Suppose|Imagine)\b",
    re.I,
)
# Where a "would" is a projection's, not a hypothetical's
PROJECTION_CONTEXT = re.compile(
    r"\b(?:projections?|projected|forecasts?|forecasting|outlook|expects?|scenario)\b", re.I
)
AWAITED_EVENT = re.compile(r"^\s+yet\b|\b(?:once|as\s+soon\s+as)\s+\w", re.I)
_FIRST_PERSON_BEFORE = re.compile(r"\b(?:I|we)\s+$|\b(?:I|we)(?=')", re.I)


def find_markers(plain: str, start: int, end: int) -> list[Marker]:
    segment = plain[start:end]
    found: list[Marker] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    for pattern in STATED_PATTERNS:
        for m in pattern.finditer(segment):
            if "num" in pattern.groupindex and m.group("num") is not None:
                value = float(m.group("num")) / 100
            elif "lo" in pattern.groupindex:
                value = (float(m.group("lo")) + float(m.group("hi"))) / 200  # a range: its midpoint
            else:
                a = _NUMBER_WORDS.get(m.group("a").lower()) or int(m.group("a"))
                b = _NUMBER_WORDS.get(m.group("b").lower()) or int(m.group("b"))
                value = a / b if b else 0.0
            s, e = start + m.start(), start + m.end()
            if not free(s, e) or not 0 < value <= 1:
                continue
            value = min(max(value, 0.001), 0.999)
            taken.append((s, e))
            found.append(Marker("stated", s, e, plain[s:e], None, value))

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


def _marker_from_match(kind: str, m: re.Match[str], plain: str, s: int, e: int) -> Marker | None:
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
        if kind in ("will", "would", "should") and not negated:
            negated = bool(re.match(r"\s+(?:not|never)\b", plain[e : e + 7]))
    if negated and category is not None:
        category = scales.negate(category)
    return Marker(kind, s, e, phrase, category)


def _suppressed(marker: Marker, plain: str, seg_start: int, seg_end: int) -> bool:
    before = plain[seg_start : marker.start]
    after = plain[marker.end : seg_end]
    if _SUPPRESS_BEFORE.search(before):
        return True
    past = marker.kind in ("adjective", "chance", "expect") and _PAST_BEFORE.search(before)
    if past and not REPORTED.search(before) and "still" not in marker.phrase.lower():
        return True
    if marker.kind == "adjective" and _COMPARATIVE_BEFORE.search(before) and "than not" not in marker.phrase:
        return True
    if marker.kind == "adjective" and re.search(
        r"\b(?:things?|what|which)\s+(?:I|we)\s+(?:think|believe|consider)\s+(?:is|are)\s+(?:less\s+|more\s+)?$",
        before,
        re.I,
    ):
        return True  # "a few things I think are probable": announces forecasts, is not one
    if marker.kind == "adjective" and re.match(r"\s+voters?\b", after):
        return True  # "likely voters": the pollsters' term
    if marker.kind == "adjective" and re.match(r"\s+than\b", after):
        return True
    if marker.kind == "chance" and marker.phrase.lower().startswith(("odds are", "chances are")):  # noqa: SIM102
        # "the odds are better here" compares; "the odds are that..." predicts
        if re.match(r"\s+(?:better|worse|not|higher|lower|against|" + "|".join(_DEGREES) + r")\b", after):
            return True
    if marker.kind in ("will", "would", "should") and re.search(
        r"\b(?:say|argue|tell|claim|ask|insist|understand)\b", after[:12]
    ):
        return True
    if marker.kind == "will":
        word = marker.phrase.lower()
        if marker.phrase[0] == "W" and before.strip():
            return True  # "Will" inside a sentence is a name
        if word == "will" and _NOUN_WILL_BEFORE.search(before):
            return True
        if word == "will" and not re.match(r"\s+[a-z]", after):
            return True  # "the will.", "Will," : a noun or a name
        first_person = _FIRST_PERSON_BEFORE.search(before) or re.search(r"\b(?:I|we)$", before.rstrip(), re.I)
        # "we're going to see prices come down": the economy's "we", not an intention
        ours = re.match(r"\s+(?:see|be\s+able\s+to|avoid|have\s+a|go\s+into|face|get\s+a)\b", after, re.I)
        if first_person and not (ours and re.search(r"\bwe\b[^,;]*$|\bwe'", before, re.I)):
            return True  # "I will grade these": an intention, not a forecast
        if _COMMITMENT_BEFORE.search(before) or _COMMITMENT_AFTER.match(after):
            return True  # "our decisions will be guided by the data": a policy commitment
        if re.search(r"\bforever\b", after) or re.search(
            r"\b(?:who|which)\s+(?:said|claimed|insisted|argued)\b", before
        ):
            return True  # rhetoric, or what someone said long ago
        if re.match(r"\s+have\s+(?:been\s+)?\w+ed\b", after) and re.search(r"\bby\s+now\b", after):
            return True
    if marker.kind == "hedge":
        if _HEDGE_NOT_FORECAST.match(plain[marker.start : seg_end]):
            return True
        if marker.phrase == "May" and re.search(r"[\w,]\s*$", before):
            return True  # "a landslide win in May": the month
        if marker.phrase.lower() in ("could", "might") and _PAST_REPORT_BEFORE.search(before):
            return True  # "forecasters warned that Germany could run out": a past view, reported
        if re.match(r"\s+have\s+(?:been|had|\w+ed|\w+en|done|made|seen|said)\b", after):  # "may have been": the past
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
