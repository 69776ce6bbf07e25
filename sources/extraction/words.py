"""The estimative words: one list for the whole extractor.

Each phrase maps to one of the seven ICD 203 categories (sources.scales); the markers build
their patterns from these lists, and claims use them to check that a drafted claim carries no
estimate left (HEDGE_WORDS).
"""

import re

from sources import scales

C = scales
ADVERBS = {
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
ADJECTIVES = {
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
    # a case or an event named with its chance: "Scenario 3 is an extreme, low-probability case"
    "low-probability": C.VERY_UNLIKELY,
    "low-likelihood": C.VERY_UNLIKELY,
    "high-probability": C.LIKELY,
    "highly unlikely": C.VERY_UNLIKELY,
    "very unlikely": C.VERY_UNLIKELY,
    "extremely unlikely": C.VERY_UNLIKELY,
    "highly improbable": C.VERY_UNLIKELY,
    "unlikely": C.UNLIKELY,
    # the last of options weighed: "the second one is the most likely while the first option is the least likely"
    "least likely": C.UNLIKELY,
    "improbable": C.UNLIKELY,
    "doubtful": C.UNLIKELY,
}
CHANCES = {
    "almost no chance": C.REMOTE,
    "virtually no chance": C.REMOTE,
    "no chance": C.REMOTE,
    "a remote chance": C.REMOTE,
    "remote chance": C.REMOTE,
    # "Trump has a negligible chance of winning the popular vote"
    "a negligible chance": C.REMOTE,
    "negligible chance": C.REMOTE,
    "little chance": C.VERY_UNLIKELY,
    "slim chance": C.VERY_UNLIKELY,
    "small chance": C.VERY_UNLIKELY,
    "little prospect": C.VERY_UNLIKELY,
    # "There's little hope for help from other producers."
    "little hope": C.VERY_UNLIKELY,
    # "There's also a very good chance that the bookies' favourite will win the league"
    "a very good chance": C.VERY_LIKELY,
    "very good chance": C.VERY_LIKELY,
    "a good chance": C.LIKELY,
    "good chance": C.LIKELY,
    "strong chance": C.LIKELY,
    # "there is a strong possibility that it will be revised downwards": a chance said to be strong
    "strong possibility": C.LIKELY,
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
    "a very high probability": C.VERY_LIKELY,
    "a very high likelihood": C.VERY_LIKELY,
    "a very high chance": C.VERY_LIKELY,
    "a very low probability": C.VERY_UNLIKELY,
    "a very low likelihood": C.VERY_UNLIKELY,
    "a high probability": C.VERY_LIKELY,
    "a high likelihood": C.VERY_LIKELY,
    # without the article: "I think there is high probability that we see sub-$20 oil before the first quarter is out"
    "high probability": C.VERY_LIKELY,
    "a low probability": C.UNLIKELY,
    "a low likelihood": C.UNLIKELY,
    "a decent chance": C.EVEN,
    "a fair chance": C.EVEN,
    "a reasonable chance": C.EVEN,
    "a safe bet": C.VERY_LIKELY,
    "a near certainty": C.ALMOST_CERTAIN,
    "a foregone conclusion": C.ALMOST_CERTAIN,
    # the spelling as often printed: "The NDP winning is a forgone conclusion"
    "a forgone conclusion": C.ALMOST_CERTAIN,
    # a struggle against the odds: "he faces an uphill battle to extend his party's 12 years in power"
    "an uphill battle to": C.UNLIKELY,
    # "Avatar: The Way of Water is a lock to win the Best Visual Effects prize"
    "a lock to": C.ALMOST_CERTAIN,
    "a long shot": C.VERY_UNLIKELY,
    # "predicting low odds of success for Clarke Tucker"
    "low odds": C.UNLIKELY,
    "high odds": C.LIKELY,
    "odds-on": C.LIKELY,
    "little doubt": C.VERY_LIKELY,
    "a coin flip": C.EVEN,
    "coin flip": C.EVEN,
    "coin toss": C.EVEN,
    "toss-up": C.EVEN,
    "toss-ups": C.EVEN,
    # "then Pakistan and Australia are a toss of the coin", "The win I see as a toss up"
    "a toss of the coin": C.EVEN,
    "a toss of a coin": C.EVEN,
    "toss of the coin": C.EVEN,
    "a toss up": C.EVEN,
    "toss up": C.EVEN,
    "tossup": C.EVEN,
    # "Georgia, North Carolina, and Pennsylvania are pure tossups"
    "tossups": C.EVEN,
    "coin-flip": C.EVEN,
    # "The House could go either way."
    "could go either way": C.EVEN,
    "can go either way": C.EVEN,
    # "This battle is too close to call."
    "too close to call": C.EVEN,
    # "India and England are near certainties"
    "near certainties": C.ALMOST_CERTAIN,
    "near certainty": C.ALMOST_CERTAIN,
    "a virtual certainty": C.ALMOST_CERTAIN,
    "virtual certainties": C.ALMOST_CERTAIN,
    "50:50": C.EVEN,
    # "we see a high risk of a U.S. recession"
    "a very high risk": C.VERY_LIKELY,
    "a high risk": C.LIKELY,
    "a low risk": C.UNLIKELY,
    "a very low risk": C.VERY_UNLIKELY,
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
    # model write-ups and betting: "very strong odds of winning", "slight favorites to win the Senate"
    "very strong odds": C.VERY_LIKELY,
    "strong odds": C.LIKELY,
    "good odds": C.LIKELY,
    "slight favorites": C.LIKELY,
    "slight favourites": C.LIKELY,
    "narrow favorites": C.LIKELY,
    "narrow favourites": C.LIKELY,
    "heavy favorites": C.VERY_LIKELY,
    "heavy favourites": C.VERY_LIKELY,
    "overwhelming favorites": C.VERY_LIKELY,
    "overwhelming favourites": C.VERY_LIKELY,
}


def alternation(phrases) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


# Every word that carries an estimate, from the lists above and the marker patterns below:
# a claim an editor can accept as written contains none of them (claims.hedge_words).
_ESTIMATE_WORDS = {w for phrase in (*ADVERBS, *ADJECTIVES) for w in phrase.split() if w not in ("very", "most")}
_ESTIMATE_WORDS -= {"certain", "all", "but", "than", "not", "more", "nearly", "virtually", "quite", "highly", "almost"}
_ESTIMATE_WORDS -= {"extremely", "increasingly", "least"}
_OTHER_ESTIMATE_WORDS = (
    r"may", r"might", r"could", r"perhaps", r"possibly", r"maybe", r"conceivably", r"chances?", r"odds",
    r"expect(?:s|ed)?", r"anticipat(?:e|es|ed)", r"predict(?:s|ed)?", r"(?:is|are)\s+forecast\s+to",
    r"(?:is|are)\s+(?:set|poised|bound)\s+to", r"on\s+track\s+to", r"doubt(?:ful)?", r"possibility",
    r"likelihood", r"probability",
)  # fmt: skip
HEDGE_WORDS = "|".join([*sorted(_ESTIMATE_WORDS, key=len, reverse=True), *_OTHER_ESTIMATE_WORDS])

NOT = r"(?:not|never|n't)"
# an outcome's noun denied after its verb: "UKIP will win no seats", "there will be no negotiations" (not a comparison
# or a manner, "no better", "no big deal"; nor an outcome named so, "no overall majority": a hung parliament)
NO_OBJECT = (
    r"(?P<verb>be|win|see|have|get|gain|hold|face|find)\s+no\s+"
    r"(?!(?:big|better|worse|more|less|longer|different|match|exception|surprise|doubt|problem|stranger|"
    r"overall\s+majority)\b)(?=[a-z])"
)
# an outcome hung after a comma as a possibility, a participle: "..., potentially sending the economy into a
# recession", "..., potentially further limiting near-term refined copper production" (not a figure's reach,
# "potentially as much as another 10 per cent", nor an adjective, "potentially catastrophic consequences")
POTENTIAL_OUTCOME = r"potentially\s+(?:\w+ly\s+|further\s+)?\w+ing\b"
# who issues guidance or an outlook, named by a common noun: "the company now expects", "the outlook predicts"
INSTITUTIONS = (
    r"(?:company|firm|group|management|bank|board|committee|government|ministry|agency|council|fund|street|staff|"
    r"outlook|report|survey|study|model|forecast)"
)
# what stands between a list item and the chance written after it: "... in 2019. 80%", "... -- 50%", or a
# bracket that closes a list item: "1. China's growth will be slower than in the 2010s (60%)" (the group
# `bracket`: after a sentence of prose, a bracketed figure is as often a share, "in 2015 (24%)")
TRAILING = r"(?:[.!]\s+|\s+(?:--|[\u2013\u2014])\s*|\s+(?P<bracket>(?=\()))"
DEGREES = {
    # "His chances of forming a majority are non-existent."
    "non-existent": C.REMOTE, "nonexistent": C.REMOTE, "nil": C.REMOTE,
    "remote": C.REMOTE, "slim": C.VERY_UNLIKELY, "small": C.VERY_UNLIKELY, "poor": C.VERY_UNLIKELY,
    "long": C.VERY_UNLIKELY, "dim": C.VERY_UNLIKELY, "bleak": C.VERY_UNLIKELY, "low": C.UNLIKELY,
    "fair": C.EVEN, "decent": C.EVEN, "good": C.LIKELY, "high": C.LIKELY, "strong": C.LIKELY,
}  # fmt: skip
BE = r"(?:is|are|am|be|being|been|remains?|seems?|looks?|appears?|'s|'re|was|were|stays?)"
WILL = r"(?:will|shall|'ll|(?:is|are|am|'s|'re|'m)\s+going\s+to)"
# "May" that is the month or a name, not the modal: "May 16-June 5", "during May and June", "May 2024", "Theresa
# May's deal", "reported (07-May-2020)" (what follows it; a capitalised "May" after a word inside a sentence is never
# the modal either)
MAY_NOT_MODAL_AFTER = (
    r"(?:\s*\d|\s*[-\u2013/]\s*(?:\d|(?:June|April|July)\b)|\s+(?:and|or|to|through|till|until)\s+(?:January|February|March|"
    r"April|June|July|August|September|October|November|December)\b|['\u2019]s\b|,?\s+(?:19|20)\d\d\b)"
)


def may_is_the_month(before: str, after: str) -> bool:
    """Whether a capitalised "May" between `before` and `after` is the month or a name, not the modal: after a word
    inside a sentence ("a landslide win in May"), or before what MAY_NOT_MODAL_AFTER names ("May 31: ...")."""
    return bool(re.search(r"[\w,]\s*$", before) or re.match(MAY_NOT_MODAL_AFTER, after))
