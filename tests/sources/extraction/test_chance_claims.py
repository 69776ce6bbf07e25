"""A claim without the chance stated around it."""

import pytest

from sources.extraction.chance_claims import without_chance


@pytest.mark.parametrize(
    ("claim", "proposition"),
    [
        # real sentences of holdout-1, holdout-3 and tune
        (
            "Democrats have about a 10% chance of winning control of both chambers",
            "Democrats will win control of both chambers",
        ),
        ("there's just a 2% chance Taiwan will accuse China of blockading", "Taiwan will accuse China of blockading"),
        (
            "The probability that this baseline forecast will materialize does not exceed 50%",
            "this baseline forecast will materialize",
        ),
        ("FiveThirtyEight's model gives Biden a 71% chance of winning the election", "Biden will win the election"),
        # holdout-22, the Decision Desk HQ model: the other side's chance after a comma
        (
            "with President Joe Biden having a 42% chance of winning reelection",
            "President Joe Biden will win reelection",
        ),
        # holdout-4: odds with their percentage beside them, after an opening adverb
        (
            "Additionally, Biden has a better than 19 in 20 (or 97 percent) chance of winning the most votes",
            "Biden will win the most votes",
        ),
        # a chance whose event is a whole clause, after the frame that names who states it (holdout-24
        # wire-news24online-asteroid-2024, holdout-18 wire-nationthailand-noaa-record, holdout-11
        # think-tank-investesg-climate-analytics)
        (
            "NASA says there's a 99.9983% chance the asteroid will safely go past Earth in seven years",
            "the asteroid will safely go past Earth in seven years",
        ),
        ("NOAA indicated a one-in-three chance that 2024 will be warmer than 2023", "2024 will be warmer than 2023"),
        (
            "Additional action to curb other greenhouse gases, such as methane and nitrous oxide, results in a 70% "
            "chance that a sustained fall in emissions will start in 2024",
            "a sustained fall in emissions will start in 2024",
        ),
        # the one with the chance after an adverb or a report, the chance after an adjective (holdout-18
        # model-livesportsdirect-premier-league, holdout-20 model-databuckets-wimbledon)
        (
            "Pep Guardiola's side are said to have a huge 55.2% chance of securing a record fourth consecutive title",
            "Pep Guardiola's side will secure a record fourth consecutive title",
        ),
        (
            "After Thursday's 2-0 defeat to West Ham United, Arsenal are only given a 15.30% chance of ending their "
            "20-year title drought",
            "Arsenal will end their 20-year title drought",
        ),
        (
            "Mark your calendars down for some mouthwatering clashes on Thursday and Friday, as the top 4 seeds all "
            "have at least a 67% chance of making it to the final four",
            "the top 4 seeds will make it to the final four",
        ),
    ],
)
def test_the_chance_around_a_proposition_is_dropped(claim, proposition):
    assert without_chance(claim) == proposition


def test_a_claim_without_a_chance_is_left_alone():
    assert without_chance("Inflation will fall to 2% in 2025") == "Inflation will fall to 2% in 2025"


def test_a_clause_with_its_own_modal_before_the_chance_is_the_claim():
    # holdout-24, model-inquisitr-oscars-2019: the chance after the comma backs the claim before it
    claim = (
        "Glenn Close may take home the Oscar for Best Actress, as she has a reported 65.2 percent chance of winning "
        "for her role in The Wife"
    )
    assert without_chance(claim) == claim


@pytest.mark.parametrize(
    ("claim", "proposition"),
    [
        # a model's table written as lines (holdout-6)
        ("New Zealand: 33.5% chance of winning the tournament", "New Zealand will win the tournament"),
        # "a chance of 21%", "a probability of 85% to get", "have a probability of 98% of clearing" (holdout-6)
        ("this gives Labour a chance of 21% becoming the biggest party", "Labour will become the biggest party"),
        (
            "we give NZ First a probability of 85% to get at least 5% of the votes",
            "NZ First will get at least 5% of the votes",
        ),
        # "giving X a chance to win" after the clause that names the model (holdout-4)
        (
            "ESPN's Football Power Index isn't far off, giving the Raiders a 6.9 percent chance to win the Super Bowl",
            "the Raiders will win the Super Bowl",
        ),
        # the one who is given the chance is not always a name (legacy)
        (
            "I'd give the $52 billion in US chip subsidies about a 70 per cent chance of becoming law by the end of "
            "the year",
            "the $52 billion in US chip subsidies will become law by the end of the year",
        ),
        # "would have", "are given", "better than a one-in-five", an opening phrase before the subject (holdout-7)
        (
            "a third way would have a 10% chance of beating Lula in an eventual second round",
            "a third way will beat Lula in an eventual second round",
        ),
        (
            "England and India are given a 76% and 75% chance of qualifying respectively",
            "England and India will qualify",
        ),
        (
            "Down two with five to go, the Bulls have just better than a one-in-five chance of sneaking into the "
            "postseason",
            "the Bulls will sneak into the postseason",
        ),
        (
            "Now there is better than an 80 percent chance that postseason basketball returns to Detroit",
            "postseason basketball returns to Detroit",
        ),
        # the chance of a relative clause is that clause's (holdout-3)
        (
            "Headline unemployment, which roughly has a 33% chance of coming in above 4.1%, will add further pressure",
            "Headline unemployment will come in above 4.1%",
        ),
        # "estimate the chance X ... is 5%" without "of" or "that" (holdout-1); "points out that the probability"
        (
            "Good Judgment Superforecasters currently estimate the chance either side will accuse the other of using "
            "a weapon against it this year is just 5%",
            "either side will accuse the other of using a weapon against it this year",
        ),
        (
            "The document also points out that the probability of President Jair Bolsonaro not being in the second "
            "round is only 20%",
            "President Jair Bolsonaro not being in the second round",
        ),
        (
            "The agency also found a 98% chance that the five-year period will be the hottest on record",
            "the five-year period will be the hottest on record",
        ),
        # "a good chance for X to be realized" (holdout-1); a model's share of runs (holdout-1)
        (
            "there was a good chance for the projected 2% growth to be realized",
            "the projected 2% growth will be realized",
        ),
        (
            "The Republicans have a similar chance of full control, and in the remaining 80% of cases, the Democrats "
            "will win the House",
            "the Democrats will win the House",
        ),
    ],
)
def test_more_ways_of_stating_a_chance_are_dropped(claim, proposition):
    assert without_chance(claim) == proposition


def test_a_chance_of_a_noun_is_not_turned_into_a_verb():
    # "The Chiefs a title" would be no proposition: the chance stays for the editor to reword
    assert without_chance("The Chiefs have a 25% chance of a title") == "The Chiefs have a 25% chance of a title"


def test_the_chance_of_a_possessor_and_of_a_share_of_runs():
    # holdout-1 and legacy
    assert without_chance("the Democrats' chances of keeping the Senate would be just 17 percent") == (
        "the Democrats will keep the Senate"
    )
    assert without_chance("The probability that a bullish scenario will come true increased from 10% to 20%") == (
        "a bullish scenario will come true"
    )


@pytest.mark.parametrize(
    ("claim", "proposition"),
    [
        # the chance named as the whole claim, with or without a remark on it (holdout-1)
        ("The approximately 10% chance that Democrats win the Senate", "Democrats win the Senate"),
        ("the 10% chance that Republicans win the House are very real", "Republicans win the House"),
        # "X is ..., with only a N% chance of V-ing": X is who the chance is about (holdout-7)
        (
            "We are already at the outer limits of the possibility for 1.5 degrees Celsuis, with only a 14% chance of "
            "avoiding overshoot in even the most optimistic scenario",
            "We will avoid overshoot in even the most optimistic scenario",
        ),
    ],
)
def test_a_chance_named_whole_or_after_the_clause(claim, proposition):
    assert without_chance(claim) == proposition


@pytest.mark.parametrize(
    ("claim", "proposition"),
    [
        # a chance with "only" and a tilde before it, or written "1 in 3"
        (
            "Our forecasters assign only a ~4% chance that the president will be out of power by the end of the year",
            "the president will be out of power by the end of the year",
        ),
        ("We estimated that there is a 1 in 3 chance that the US will strike by April", "the US will strike by April"),
        ("Harris has a 7/8 chance of winning", "Harris will win"),
    ],
)
def test_an_approximate_or_one_in_n_chance_before_its_event_is_dropped(claim, proposition):
    assert without_chance(claim) == proposition


@pytest.mark.parametrize(
    ("claim", "proposition"),
    [
        # a percent sign glued to its noun, as a scraped table prints it (holdout-31
        # model-nomorefiatmoneyplease-globe-canada-election-2015)
        ("75%chance that the Conservatives get the most seats", "the Conservatives get the most seats"),
        # "there are ... chances", the chance of a name doing something (holdout-32
        # wire-timesofoman-skymet-monsoon-2016)
        (
            'There are 50 per cent chances of India receiving "normal" rainfall in June while the figure will jump to '
            "60 per cent in July and August",
            'India will receive "normal" rainfall in June while the figure will jump to 60 per cent in July and August',
        ),
        # an outlook that forecasts the chance (holdout-32 statement-sarasotamagazine-noaa-hurricanes-2019)
        ("The outlook forecasts a 40 percent chance of a near-normal season", "a near-normal season"),
        # odds put "nearly" at a figure (holdout-27 newsletter-laobserved-wsj-survey-2011)
        (
            "The economists, on average, put nearly 1-in-3 odds of another downturn hitting the U.S. economy in the "
            "next 12 months",
            "another downturn hitting the U.S. economy in the next 12 months",
        ),
    ],
)
def test_a_stated_chance_in_more_of_its_written_forms_is_dropped(claim, proposition):
    assert without_chance(claim) == proposition


@pytest.mark.parametrize(
    ("claim", "proposition"),
    [
        # the chance that went from one figure to another (holdout-28 model-kianforecasts-kansas-legislature-2024)
        (
            "The odds of a Republican supermajority went from ~82.5 to 80.5 percent after all data was factored",
            "a Republican supermajority after all data was factored",
        ),
        # a chance "estimated to be" one in a figure with a thousands comma (holdout-9
        # wire-universityherald-asteroid-2013)
        (
            "The chances of a newly discovered asteroid actually hitting the Earth when it comes back around in 20 "
            "years is estimated to be one in 63,000",
            "a newly discovered asteroid actually hitting the Earth when it comes back around in 20 years",
        ),
        # the probability "for" an event (holdout-13 wire-northfortynews-csu-hurricanes-2011)
        (
            "The probability for at least one major hurricane making landfall in the Caribbean is 59 percent",
            "at least one major hurricane making landfall in the Caribbean",
        ),
    ],
)
def test_the_chance_of_an_event_said_in_more_ways_is_dropped(claim, proposition):
    assert without_chance(claim) == proposition


@pytest.mark.parametrize(
    ("claim", "proposition"),
    [
        # an even chance, and an aside between the verb and the chance (holdout-26
        # op-ed-insidestory-australia-election-2016, holdout-20 wire-mezha-nasa-el-nino-2023)
        (
            "Malcolm Turnbull has, at best, a fifty-fifty chance of obtaining the majority government he told us he "
            "had won",
            "Malcolm Turnbull will obtain the majority government he told us he had won",
        ),
        ("this year has a 50-50 chance of being the warmest on record", "this year will be the warmest on record"),
    ],
)
def test_an_even_chance_someone_has_is_dropped(claim, proposition):
    assert without_chance(claim) == proposition


@pytest.mark.parametrize(
    ("claim", "proposition"),
    [
        # a chance in words (holdout-16 newsletter-stidmatt-us-election-2024, holdout-2
        # wire-breakinglatest-gapen-recession-2023)
        (
            "Trump has a negligible chance of winning the popular vote, which unfortunately does not matter",
            "Trump will win the popular vote, which unfortunately does not matter",
        ),
        ("the United States also has a chance to avoid a recession", "the United States will avoid a recession"),
    ],
)
def test_a_chance_in_words_someone_has_is_dropped(claim, proposition):
    assert without_chance(claim) == proposition


def test_the_last_verb_of_a_list_is_not_whom_a_chance_is_of():
    # holdout-11: a list of what the team is and has leaves no subject before "has"
    claim = "Mark Few's team is deep, talented and has a real chance to enter the tournament undefeated"
    assert without_chance(claim) == claim


def test_a_chance_in_words_joined_by_hyphens_is_dropped():
    # holdout-31 newsletter-valuationingermany-sovereign-default-2010
    claim = "the market believes this debt has a two-in-ten chance of defaulting in the next five years"
    assert without_chance(claim) == "the market believes this debt will default in the next five years"


def test_a_chance_in_words_a_forecast_suggests_is_dropped():
    # holdout-32 wire-moneycontrol-imd-monsoon-2020
    claim = (
        "The Indian Meteorological Department (IMD) said its first-stage forecast suggests high probability of "
        "normal monsoon"
    )
    assert without_chance(claim) == "normal monsoon"
