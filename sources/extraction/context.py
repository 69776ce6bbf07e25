"""Context that cancels a marker or changes what it means.

A question, a reported belief, speech, a policy commitment, a forecast made earlier and reported,
a hypothetical "would", a conditional: the words of a forecast without a forecast of the article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .words import DEGREES, may_is_the_month

if TYPE_CHECKING:
    from .markers import Marker

_SUPPRESS_BEFORE = re.compile(
    r"\b(?:unclear|uncertain|not\s+clear|unknown|no\s+telling|hard\s+to\s+say|difficult\s+to\s+say|"
    r"whether|wonders?|wondered|wondering|asks?|asked|question\s+(?:is|was)|if\s+and\s+when)\b[^,;:]*$"
    # "None of this means downstreaming will fail" denies, it does not predict
    # (not past a dash: "doesn't choose between those scenarios \u2015 it just means that ... is very unlikely")
    r"|(?:\bnone\s+of\s+this|\bnot|n't|\bnever)\b[^,;:\u2013\u2014\u2015]*\bmeans?\b[^,;:]*$"
    # an indirect question: "prediction of how teams will fare in the coming season"
    r"|\b(?:of|about|on)\s+how\b[^,;:]*$"
    # ... or of where, what or how things go: "updated projections on where teams will finish this season", "To
    # better understand where the U.S. housing slowdown will take us next", "asked ... what they think space travel
    # will look in the next half-century", "recalibrating our probabilities somewhat for how the conflict will play out"
    # ... or when: "We just need to see when that will rebound again"
    r"|\b(?:on|about|for|understand|asked\s+[^.;:]{1,80}?)\s+(?:how|where|what)\s+(?!(?:I|we)\s)[^,;:]*$"
    r"|\b(?:see|know|understand|wait\s+for)\s+when\s+[^,;:]*$"
    # ... or what the text sets out to explore: "We examine when NHS waiting lists could start to fall", "Read on to
    # find out ... which ones you can perhaps worry about a little less", "try to work out what the next government
    # might look like", "Several recent studies examined how machine automation ... will change the future of work"
    r"|\b(?:examine[sd]?|explores?|explored|look\s+at|find\s+out|work\s+out|figure\s+out)\s+(?:\w+\s+){0,3}?"
    r"(?:how|when|where|what|which|whether)\b[^,;:]*$"
    # a definition: "a \"1\" signifies that the state is predicted to be won by the Republicans", "By easily won, we
    # mean that both parties have anywhere from a 25-75% chance"
    r"|\b(?:signif(?:y|ies)|denotes?|we\s+mean)\s+(?:that\s+)?[^;:]*$"
    # hearsay: "they hear in the media that the price will flatten out soon"
    r"|\b(?:hear|hears|heard)\b[^.;:]{0,40}?\bthat\b[^,;:]*$"
    # "Board wants to have reasonable confidence that inflation will return to target"
    r"|\bhave\s+(?:\w+\s+)?confidence\s+that\b[^,;:]*$"
    # a belief reported, not held: "Investors appear to trust that central banks will ease"
    r"|\b(?:trust|trusts|hope|hopes|hoping|fear|fears|assume|assumes|want\s+to\s+be\s+sure)\s+that\b[^,;:]*$"
    # "No one knows how this will play out", "people want to be sure the costs are going to stick"
    r"|\b(?:no\s+one|nobody|who)\s+knows\b[^,;:]*$|\b(?:know|knows|knew|tell|remember)(?:\s+\w+){0,6}?\s+(?:how|what|whether|when|where|if)\b[^;:]*$"
    r"|\b(?:be|make)\s+(?:more\s+)?(?:sure|assured|certain|confident)\b[^,;:]*$"
    # a possibility discussed, not forecast: "the model accounts for the possibility that the polls
    # could be biased", "talked about the fact that there is the possibility that ... could"
    # (not a share: "Existing home sales, which account for about 90 percent of U.S. turnover, are now forecast to")
    r"|\b(?:accounts?\s+for(?!\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+|"
    r"less\s+than\s+|some\s+|just\s+|only\s+)?[$\d])|allows?\s+for|talk(?:s|ed)?\s+about)\b[^;:]*$"
    # a hypothetical person: "the percentage of one's bankroll one would wager"
    r"|\b(?:one|someone|anyone|a\s+bettor)\s*$"
    # "the illusion that the old relationship could be restored"
    r"|\b(?:illusion|hope|idea|notion|belief|myth|fantasy|dream|pretence|pretense)\s+that\b[^,;:]*$"
    # one side of a debate told, not taken: "A second side contends that ... a recession is imminent",
    # "a third splits the difference, arguing that a recession will wait until 2024"
    r"|\b(?:one|(?:a|the)\s+(?:second|third|other)|another|some|others)\b[^.;:]{0,60}?"
    r"\b(?:contends?|contending|argues|arguing|insists?|insisting)\s+that\b[^;:]*$"
    # "Some will say", "you'll understand": speech and the reader's future, not the world's
    r"|\b(?:you|you'll)\s*$"
    # the interviewer putting the guest's view back to them: "In your book you predict that we are three decades away"
    r"|\byou\s+(?:predict|say|argue|write|wrote|suggest|claim)\s+(?:that\s+)?[^,;:]*$"
    # a method: "We estimate the probability that each party will win control of the Senate by running ..."
    r"|\b(?:probability|chance|odds|likelihood)\s+(?:that\s+)?(?:each|every)\s+\w+\s*$",
    re.I,
)
_COMMITMENT_BEFORE = re.compile(
    r"\b(?:our|its|their)\s+(?:future\s+)?(?:decisions?|policy|policies|approach|actions?|commitment)\s+$", re.I
)
_COMMITMENT_AFTER = re.compile(
    r"\s+(?:continue\s+to\s+)?(?:be\s+guided|ensure|remain\s+(?:data|committed|vigilant)|do\s+(?:whatever|what)|"
    r"stand\s+ready|monitor|be\s+determined|assess|evaluate|review|consider|act|take\s+(?:the\s+)?(?:necessary|appropriate)|"
    # "The ESO will continue to update its analysis based on the latest information and will issue revisions to the
    # analysis should anything significant change"
    r"(?:update|issue\s+(?:revisions|updates)\s+to)\s+(?:its|their|our|the)\s+(?:analysis|assessment|forecasts?|projections?|outlook|estimates?|guidance)|"
    # "As it sets monetary policy, Governing Council will be particularly focused on these indicators"
    r"be\s+(?:particularly\s+|closely\s+)?(?:focused|watching|attentive)"
    # "Further decisions of the CBA regarding monetary policy will be made taking into account the comparison"
    r"|be\s+(?:made|taken)\s+(?:taking\s+into\s+account|based\s+on|in\s+(?:the\s+)?light\s+of|depending\s+on))\b",
    re.I,
)
# The text talking about itself or its readers, or a future that is no event
_META_BEFORE = re.compile(
    r"\b(?:this|the|our|my)\s+(?:article|post|piece|essay|report|chapter|section|paper|book|podcast|newsletter|"
    r"series|column|blog|site|analysis|note|page|episode)\s+(?:and\s+(?:the\s+)?\w+\s+)?$|\b(?:as|readers|you)\s+(?:we\s+)?$|\bcomments\s+$",
    re.I,
)
_META_AFTER = re.compile(
    r"\s+(?:explain|discuss|argue|examine|show|describe|look\s+at|cover|consider|outline|recall|remember|notice|"
    # "As always, we shall see how this plays out", "We'll see how those numbers hold up": the outcome left open
    r"see\s+(?:how|whether|if|what)\b|"
    r"depend|tell|judge|always|never\s+know|be\s+(?:interesting|moderated|updated|published|discussed|covered|"
    r"explained|back|interest(?:ing|ed)\s+to\s+see)"
    # the page's own furniture: "The usual newsletter will be in your inbox tomorrow", "our free newsletter, which will
    # be delivered to your inbox", "Clicking on map to the right will take you to Jay's web page", "we're going to
    # have a look at the current odds"
    r"|be\s+(?:in\s+your\s+inbox|delivered\s+to\s+your)|take\s+you\s+to|have\s+a\s+look\s+at)\b",
    re.I,
)
_PAST_BEFORE = re.compile(
    # "The world's second biggest wheat producer was earlier projected to harvest a record"
    r"\b(?:was|were|had|had\s+been|seemed|looked|appeared)\s+"
    r"(?:widely\s+|very\s+|highly\s+|earlier\s+|previously\s+|initially\s+|originally\s+)?$",
    re.I,
)
# a figure for a window that has not closed, right after the verb: "were expected to rise 5.6 percent this year"
_STANDING_WINDOW = re.compile(
    r"(?:[^.;,\d]|\.(?=\d)){0,40}?\d(?:[^.;,]|\.(?=\d)){0,40}?\b(?:this|next)\s+(?:year|quarter|season)\b", re.I
)
REPORTED = re.compile(r"\b(?:said|says|told|warned|argued|believes?|thinks?|added|noted|predicted)\b", re.I)
_COMPARATIVE_BEFORE = re.compile(
    r"\b(?:more|less|far\s+less|much\s+less|much\s+more|as|equally|no\s+more|no\s+less)\s+$", re.I
)
_NOUN_WILL_BEFORE = re.compile(
    r"\b(?:the|a|an|political|free|good|ill|its|their|his|her|our|popular|public|at|of|strong|iron|own)\s+$", re.I
)
# "Debt held by the public will grow": "the public" is a subject, not the noun "public will"
_PUBLIC_WILL_VERB = re.compile(
    r"\bby\s+the\s+public\s+\s*(?!(?:to|of|and|for|is|was|has|behind|in|on|that)\b)[a-z]+", re.I
)
_HEDGE_NOT_FORECAST = re.compile(
    r"^(?:may|might|could)\s+(?:never\s+know|not\s+know|well\s+be\s+argued|be\s+argued|argue|say|seem|recall|"
    # (not a coming thing one may have: "we could have a bad flu season", "We could have close to a normal winter",
    # "the market may have a response to that")
    r"remember|wonder|be\s+forgiven|have(?!\s+(?:a|an|another|close\s+to|more|fewer)\s)|not\s+have|also\s+be\s+said|"
    r"be\s+tempted|accuse|call|criticis|criticiz|"
    r"object|complain|point\s+out|imagine|think|ask|be\s+hard\s+to\s+(?:believe|say|tell|imagine)"
    # "The projections for 2002 and 2003 may be regarded as estimates": how to read them, not an outcome
    r"|be\s+(?:regarded|considered|viewed|interpreted|treated)\s+as)\w*\b"
    r"|^(?:could|might)\s+not\s+be\s+reached\b"
    # an appraisal of the present, not an outcome: "Jared Goff might be the most underrated player of this decade"
    r"|^(?:may|might|could)\s+(?:well\s+)?be\s+(?:the\s+|one\s+of\s+the\s+)(?:most|least)\s+(?:underrated|overrated|"
    r"underappreciated|undervalued|overvalued|overlooked|talented|gifted)\b",
    re.I,
)
_PAST_REPORT_BEFORE = re.compile(
    # not a view still held: "the Nationwide and RICS have suggested that UK house prices could end 2009 higher"
    r"(?<!\bhave\s)(?<!\bhas\s)\b(?:warned|feared|suggested|claimed|argued|believed|thought|speculated|worried|hoped)"
    r"\s+(?:that\s+)?[^,;:]*$"
    # "Note: Prior to Citi's report, there were reports that Israel might limit retaliation"
    r"|\bthere\s+(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?reports?\s+that\b[^,;:]*$",
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
# the writer's own forecast told as one made before: "In 2008, I said the Dow Jones Industrial Average would hit
# 15,000", "We predicted that gold would peak at $1,800" (not "as we said", which restates the view held now, nor
# "we forecast", whose tense is the present's as often as the past's)
OWN_PAST_FORECAST = r"(?<!\bas\s)\b(?:I|we)\s+(?:\w+ly\s+)?(?:predicted|said|thought|expected)\b"
# a sentence that opens on "previously" tells what was held before: "Previously, the ministry forecast the country's
# export revenue to reach ..."
PREVIOUSLY_OPENING = r"^\W*previously\s*,"
# A forecast told as one made earlier: "the November 2007 forecast for 2008", "Previous forecasts predicted"
PAST_FORECAST = re.compile(
    OWN_PAST_FORECAST + r"|"
    # "The bank's inflation forecast for 2025 in the previous report was also 5 percent"
    r"\b(?:previous|earlier|prior|last\s+year's|old|original)\s+(?:forecasts?|predictions?|projections?|outlook|"
    r"reports?|surveys?|polls?|estimates?|statements?)\b"
    r"|\b(?:\w+\s+)?(?P<year>(?:19|20)\d\d)\s+(?:forecast|prediction|projection|outlook)\b"
    r"|\b(?:were|was|had\s+been)\s+(?:predicting|forecasting|projecting|expecting)\b"
    # "The central bank had forecast in January that", "It had previously expected"
    r"|\bhad\s+(?:previously\s+|earlier\s+|initially\s+|originally\s+)?(?:forecast|predicted|projected|expected|estimated)\b"
    r"|\bpreviously\s+(?:forecast|predicted|projected|expected|estimated)\b"
    # ... or a sentence that opens on it
    r"|" + PREVIOUSLY_OPENING +
    # "Last year we forecast growth of 2%", "In 2022, many economists predicted a recession"
    r"|\b(?:last\s+(?:year|month|week|quarter|spring|summer|autumn|fall|winter)|a\s+year\s+ago)\b[^.]{0,40}?"
    r"\b(?:forecast|predicted|projected|expected|said|thought)\b"
    # "In the past, projections have indicated that it would be exhausted in as little as two years"
    r"|\bin\s+the\s+past\b[^.]{0,40}?\b(?:forecasts?|predictions?|projections?|estimates?|predicted|projected|"
    r"forecast|expected|estimated|indicated|thought)\b"
    # a view held back then: "to test the then-conventional wisdom that market share of plug-in EVs would reach 30%"
    r"|\bthe\s+then[-\s](?:conventional|prevailing|common|widespread|popular|consensus|current)\b"
    # "In 2022 the IEA projected that fossil fuels could peak around 2030": a sentence opening on a year, then told
    # in the past
    r"|^\W*in\s+(?:19|20)\d\d\s*,?\s+(?:\w+\s+){0,4}?(?:projected|predicted|estimated)\s+that\b"
    # "We noted nine months ago that ...", "when we debuted it, we estimated at that point that ..."
    r"|\b(?:at\s+that\s+(?:point|time)|back\s+then|(?:\w+\s+)?(?:days?|weeks?|months?|years?)\s+ago)\b"
    # "in September the model gave them an 80% chance"
    r"|\b(?:gave|had\s+given)\s+(?:\w+\s+){0,3}(?:a|an)\s+\d{1,3}(?:\.\d+)?\s*(?:%|per\s*cent|percent)"
    r"|^\s*(?:Using\s+the\b[^,]*\bexample|Suppose|Imagine)\b"
    # "if the election ran a hundred times, we would expect these things to happen about 10 times each"
    r"|\bif\s+(?:the\s+)?\w+\s+(?:ran|were\s+run|was\s+run|were\s+held|was\s+held)\s+(?:a\s+hundred|\d+|many)\s+times\b"
    # the reader reminded of a chance given before: "Remember the 1235 target has been assigned only
    # about a one-third probability"
    r"|\b(?:has|have|had)\s+been\s+(?:assigned|given|accorded)\s+(?:only\s+)?(?:about\s+|around\s+)?(?:a|an)\s",
    re.I,
)
# Where a "would" is a projection's, not a hypothetical's
PROJECTION_CONTEXT = re.compile(
    # "would displace more than 5m bpd of oil products under the current trajectory of oil use"
    r"\b(?:projections?|projected|forecasts?|forecasting|outlook|expects?|scenario|trajector(?:y|ies))\b"
    # a model's or an estimate's result: "According to the Tax Foundation model, the tariffs enacted so far
    # would reduce long-run GDP by 0.06 percent", "we estimate that U.S. GDP would fall another 0.05 percent"
    r"|\b(?:according\s+to|under|in)\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w.&\-]+\s+){0,5}?models?\b"
    r"|\b(?:we|they|it|[A-Z][\w.&\-]+)\s+(?:now\s+)?estimates?\s+(?:that\s+)?"
    # a trend carried forward: "Peak oil would follow in 2025, if current growth rates in electric vehicles are
    # sustained", "the debt-to-GDP ratio rising to 193 percent by 2049 under current policy"
    r"|\bif\s+(?:the\s+)?current\s+[^.;]{1,60}?\b(?:are|is)\s+(?:sustained|maintained|kept\s+up)\b"
    r"|\bif\s+(?:the\s+)?current\s+trends?\s+(?:continues?|holds?|persists?)\b|\bunder\s+current\s+(?:policy|policies|law)\b",
    re.I,
)
AWAITED_EVENT = re.compile(r"^\s+yet\b|\b(?:once|as\s+soon\s+as)\s+\w", re.I)
_EARLIER_REPORT_AFTER = re.compile(
    r"[^.;]{0,30}?\bin\s+(?:the|its|their|our)\s+(?:previous|last|earlier|prior)\s+"
    r"(?:report|survey|statement|forecast|projection|outlook|bulletin)\b",
    re.I,
)
# what must happen first, what is on the calendar, or what a plan is made of ("This will include a fivefold increase
# in air defense"): no forecast of an outcome
# ... or what a court or a panel will take up, not how it will rule: "The Supreme Court will hear six hours of legal
# arguments", "the justices will also determine whether the rest of the law can take effect"
_REQUIREMENT_OR_SCHEDULE = re.compile(
    r"\s+(?:(?:also|still|first)\s+)?(?:need\s+to|have\s+to|be\s+held|take\s+place|be\s+hosted|include|hear|"
    # a body's next meeting: "It will next meet on Aug. 20."
    r"next\s+meet|meet\s+(?:again\s+)?(?:on|next)|"
    r"(?:determine|decide|consider|weigh|examine|rule\s+on)\s+whether)\b",
    re.I,
)
_FIRST_PERSON_BEFORE = re.compile(r"\b(?:I|we)\s*$", re.I)
# a "we" that one thinks or has no doubt about is everyone's, a forecast, not a plan: "I think we will send humans to
# Mars in the next 50 years", "There's no doubt that we will have ... a number of cases"
_WE_BELIEVED = re.compile(
    r"\b(?:(?:I|we)\s+(?:\w+ly\s+)?(?:think|believe|expect|suspect|reckon|bet)|no\s+doubt)\s+(?:that\s+)?we\s*$", re.I
)


# what a forecast does, told with no figure of it: "Our election forecast ... projects the likelihood that a given
# party would win the most seats", "The Solar Cycle Prediction Panel forecasts the number of sunspots expected for
# solar maximum" (not its result: "NOAA forecasts the number of named storms at 14 to 21")
_METHOD_TOLD = re.compile(
    r"\b(?:predicts?|projects?|forecasts?|estimates?|calculates?)\s+the\s+"
    r"(?:likelihood|probability|probabilities|chances?|odds|number|timing)\s+(?:of|that)\b\D*$"
    # ... or what its figures stand for, with none of them: "The longer-run projections represent each participant's
    # assessment of the value to which each variable would be expected to converge", "The numbers presented in the
    # data tool below represent those that are most probable according to the model" (not "the IHME forecast
    # represents an increase in 95,000 deaths")
    r"|\b(?:projections|forecasts|numbers|figures|probabilities|estimates)\b[^.;\d]{0,40}?\brepresent\s+"
    r"(?:each|those|the\s+(?:view|views|assessment|judgement|judgment))\b\D*$",
    re.I,
)


# a "should" before its subject mid-sentence is an "if": "will issue revisions to the analysis should anything
# significant change", "seeks a capability to produce nuclear weapons should its leaders choose to take this step"
_INVERTED_SHOULD = re.compile(
    r"\s*(?:anything|something|anyone|anybody|any|its|their|his|her|there|it|they|he|she|we|you)\s+[a-z]", re.I
)
# what a share of people polled would do: "Deloitte's analysis has also found 50% of UK consumers would consider an EV"
_SURVEY_ANSWER = re.compile(
    r"\d\s*(?:%|per\s*cent|percent)\s+of\s+(?:[\w-]+\s+){0,3}?(?:consumers|respondents|people|adults|voters|drivers|"
    r"buyers|households|owners|users|customers|shoppers|readers|businesses|firms|companies|executives|workers|"
    r"employees|parents|students|Americans|Britons|Canadians|Australians)\s+(?:\w+\s+)?$",
    re.I,
)
# a forecast or a model as the subject of its own change or success: "That forecast will flip when ...", "there's no
# guarantee that the model's implied forecast will be correct"
_FORECASTS_OWN_COURSE = re.compile(
    r"\b(?:forecasts?|models?|predictions?|projections?|signals?|indicators?)\s+$|\bno\s+guarantee\s+that\b[^,;:]*$",
    re.I,
)
_FORECASTS_OWN_CHANGE = re.compile(
    r"\s*(?:(?:flip|switch|reverse|change|turn)\b|be\s+(?:correct|right|wrong|accurate|borne\s+out)\b)", re.I
)


# "due to" before a noun phrase gives a cause, not a date something is due: "The change was due to technical
# assumptions", "The sluggish pace of trade growth in 2013 was due to a combination of flat import demand"
_CAUSE_AFTER = re.compile(
    r"\s+(?:a|an|the|its|their|his|her|our|this|that|these|those|some|many|\d[\d.,]*|[a-z]+(?:ing|al|ic|ous|ive))\b",
    re.I,
)


def suppressed(marker: Marker, plain: str, seg_start: int, seg_end: int) -> bool:
    before = plain[seg_start : marker.start]
    after = plain[marker.end : seg_end]
    if _SUPPRESS_BEFORE.search(before):
        return True
    if _METHOD_TOLD.search(plain, seg_start, seg_end):
        return True
    line_before = plain[plain.rfind("\n", 0, seg_start) + 1 : seg_start]
    if marker.kind == "headline" and re.search(r"[,;]\s*$", line_before):
        return True  # a clause after a comma opens no headline: "..., the agency upped its forecasts to ... to rise"
    past = marker.kind in ("adjective", "chance", "expect") and _PAST_BEFORE.search(before)
    # a wire's past tense for a forecast still standing: "Beef prices were expected to rise 5.6 percent this year"
    # (not one superseded: "was earlier projected to harvest a record 111.32 million tonnes this year")
    standing = _STANDING_WINDOW.match(after) and not re.search(
        r"\b(?:earlier|previously|initially|originally)\b", before, re.I
    )
    if past and not REPORTED.search(before) and "still" not in marker.phrase.lower() and not standing:
        return True
    if marker.kind in ("will", "should", "would", "hedge") and re.fullmatch(r"\s*(?:\u2026|\.\.\.)\W*", after):
        return True  # "But nations could\u2026": a fragment cut off at the modal names no outcome
    if marker.kind == "bound" and re.search(r"\bdue\s+to\s*$", marker.phrase, re.I) and _CAUSE_AFTER.match(after):
        return True  # "The change was due to technical assumptions": a cause
    if marker.kind == "should" and _INVERTED_SHOULD.match(after):
        return True  # "will issue revisions to the analysis should anything significant change": a condition
    if marker.kind == "would" and _SURVEY_ANSWER.search(before):
        return True  # "50% of UK consumers would consider an EV": what those polled said, no outcome foreseen
    if marker.kind == "will" and _FORECASTS_OWN_COURSE.search(before) and _FORECASTS_OWN_CHANGE.match(after):
        return True  # "That forecast will flip when the 10-year market rate falls": how a model works, not the world
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
    if (
        marker.kind == "adjective"
        and re.search(r"\b(?:has|have)\s+$", before, re.I)
        and not re.search(r"\b(?:will|would|should|could|may|might)\s+(?:\w+\s+)?(?:has|have)\s+$", before, re.I)
        and re.match(r"\s+(?:already\s+)?\w+(?:ed|en)\b", after)
    ):
        return True  # "The Ayatollah has likely approved the talks": a guess at what has happened, not a forecast
    if marker.kind == "chance" and marker.phrase.lower().startswith(("odds are", "chances are")):  # noqa: SIM102
        # "the odds are better here" compares; "the odds are that..." predicts
        if re.match(r"\s+(?:better|worse|not|higher|lower|against|" + "|".join(DEGREES) + r")\b", after):
            return True
    if (
        marker.kind == "expect"
        and re.match(r"sees?\b", marker.phrase, re.I)
        and re.search(r"\bif\s+[^,;:]*$", before, re.I)
    ):
        # "If it sees another 36% change, it'll get to take in $8 million": what the condition sees, not a forecaster
        return True
    if marker.kind in ("will", "would", "should") and re.search(
        r"\b(?:say|argue|tell|claim|ask|insist|understand)\b", after[:12]
    ):
        return True
    if marker.kind in ("will", "should") and re.match(
        r"\s*(?:not\s+)?be\s+(?:seen|read|viewed|regarded|interpreted|taken|understood)\s+as\b", after, re.I
    ):
        return True  # "The rate increase should not be seen as a tightening in policy": how to read it, no outcome
    if marker.kind == "will" and re.match(r"\s+be\s+(?:on\s+)?(?:whether|how|what|who)\b", after, re.I):
        return True  # "the focus will be on whether the Fed's new verbiage ... match": no event
    if marker.kind == "will":
        word = marker.phrase.lower()
        if marker.phrase[0] == "W" and before.strip():
            return True  # "Will" inside a sentence is a name
        if word == "will" and _NOUN_WILL_BEFORE.search(before) and not _PUBLIC_WILL_VERB.search(before + " " + after):
            return True
        if word == "will" and not re.match(r"\s+[a-z]", after):
            return True  # "the will.", "Will," : a noun or a name
        first_person = _FIRST_PERSON_BEFORE.search(before) or re.search(r"\b(?:I|we)$", before.rstrip(), re.I)
        # "we're going to see prices come down": the economy's "we", not an intention
        # "I think we'll be higher": the price's "we", a level, not an intention
        ours = re.match(
            # where things end up or head: "we will end up holding rates", "we will head back to interest rates above
            # the high"
            r"\s+(?:see|be\s+able\s+to|avoid|have\s+a|go\s+into|face|get\s+a|be\s+(?:higher|lower|above|below|back)|"
            r"end\s+up|head\s+(?:back\s+)?(?:to|into|towards?|for))\b",
            after,
            re.I,
        )
        if (
            first_person
            and not (ours and re.search(r"\bwe\b[^,;]*$|\bwe'", before, re.I))
            and not _WE_BELIEVED.search(before)
        ):
            return True  # "I will grade these": an intention, not a forecast
        # data that "will show" a figure is a forecast of it: "Wednesday's figures will show that annual wage
        # inflation is under 2 per cent"
        data_shows = re.search(r"\b(?:figures|data|numbers|statistics|readings?|report|survey)\s+$", before, re.I) and (
            re.match(r"\s+show\s+(?:that\s+)?[^.;]{0,80}?\d", after)
        )
        if (_META_BEFORE.search(before) or _META_AFTER.match(after)) and not data_shows:
            return True  # "This article will explain", "as we will see", "that will depend on the data"
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
        if marker.phrase == "May" and may_is_the_month(before, after):
            return True  # "a landslide win in May", "May 31: Edmonton 6 at Colorado 8": the month
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
    if marker.kind == "expect" and _EARLIER_REPORT_AFTER.match(after):
        return True  # "The bank's inflation forecast for 2025 in the previous report was also 5 percent"
    if marker.kind in ("expect", "predict", "see") and re.search(r"\bwhat\s+$", before, re.I):
        return True  # "Here's what I expect next" announces forecasts, it is not one
    if marker.kind == "will" and re.search(
        r"\b(?:about|predict|predicting|forecast|forecasting|guess|guessing)\s+what\s+$"
        r"|\bwhat\s+(?:I|we|you)\s+(?:think|expect|believe)\s+$",
        before,
        re.I,
    ):
        # "a statement about what will happen", "trying to predict what will happen": a topic; "Below is what I think
        # will happen in the coming year": a line announcing forecasts
        return True
    if marker.kind in ("will", "hedge") and re.search(
        r"\b(?:predict|predicts|predicted|forecasts|forecasted|projects|projected|simulates|simulated)\s+(?:how|what|where)\s+"
        r"[^,;:]{1,60}$",
        before,
        re.I,
    ):
        # "The BetMGM supercomputer has predicted what the Premier League table could look like": a topic; so is "it is
        # not easy to precisely predict what the outcome of the parliamentary poll will be"
        return True
    if marker.kind == "will" and _REQUIREMENT_OR_SCHEDULE.match(after):
        return True  # "The Wizards will need to win out", "The election will be held on 19 October"
    return marker.kind == "expect" and bool(re.search(r"\b(?:than|as)\s+(?:\w+\s+)?$", before, re.I))
