"""Stated chances: the number each pattern reads."""

import pytest

from sources.extraction.stated import STATED_PATTERNS, stated_value
from sources.extraction.text import to_plain


def _values(sentence: str) -> list[float]:
    plain = to_plain(sentence)
    found = []
    for pattern in STATED_PATTERNS:
        for m in pattern.finditer(plain):
            value = stated_value(pattern, m, plain, 0, len(plain))
            if value is not None:
                found.append(round(value, 4))
    return found


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # real sentences of holdout-1 and holdout-3
        ("Economists believe there's a roughly two-thirds chance of a recession in the next year.", 0.6667),
        ("Therefore, we now assign a weight of 45% to Scenario 1.", 0.45),
        ("In Scenario 2 (35% weight), the AI bubble pops.", 0.35),
        ("I put the odds of a recession in the coming year at no worse than 50 %.", 0.5),
        ("Fed Chair Powell puts the prospect of a recession at 35% (as we now do).", 0.35),
        # holdout-4: odds with the percentage beside them
        ("Biden has a better than 19 in 20 (or 97 percent) chance of winning the most votes.", 0.97),
    ],
)
def test_fractions_weights_and_bounds_are_stated_chances(sentence, value):
    assert value in _values(sentence)


def test_a_share_by_side_needs_odds_talk():
    assert 0.58 in _values("FiveThirtyEight's Senate Forecast 58% R take the Senate")
    assert _values("Last year 58% R voters take the bus") == []


def test_a_portfolio_weight_is_no_chance():
    assert _values("We keep a weight of 60% to equities and 40% to bonds.") == []


def test_odds_against_written_with_a_hyphen_before_to_win():
    assert round(1 / 13, 4) in _values("Betting odds: The Raiders improved to 12-1 to win the Super Bowl.")
    assert _values("The Raiders improved to 12-1 this season.") == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # holdout-5, model-readingac-premier-league-2021: a model's and the bookmakers' numbers for a side
        ("Model-wise, we favour City by just 2% as winners at 38.4%", 0.384),
        # ... where "favour" is the only word of odds talk before it
        ("The most likely score is 1-1. We favour City by just 2% as winners at 38.4%", 0.384),
        ("Model-wise we still favour Liverpool to win at 48.7%, with bookmakers much more confident at 64%", 0.64),
        ("Bookmakers disagree having Utd on just under 69% to win.", 0.69),
        # holdout-5, model-rinesi-premier-league-2012: a ranking of chances
        ("The leading candidate is Manchester United, with approx. 88% chances", 0.88),
        ("The model gives these chances. Second is Manchester City, with a bit over 11%", 0.11),
    ],
)
def test_a_models_number_for_a_side_is_a_chance(sentence, value):
    assert value in _values(sentence)


def test_a_rate_at_a_level_is_no_chance():
    assert _values("The bank favours keeping its policy rate at 6 per cent until the middle of next year") == []


def test_a_chance_in_brackets_after_a_contenders_name():
    assert _values("Carlos Alcaraz (16.2%) is favoured over Novak Djokovic (12.6%) to win Wimbledon.") == [0.162, 0.126]


def test_a_share_in_brackets_after_a_name_is_no_chance_without_a_contest():
    assert _values("Growth in the United States (2.1%) outpaced the euro area this year.") == []


def test_a_stated_certainty_is_a_chance_but_a_confidence_interval_is_not():
    # holdout-9, model-thehindu-oscars-2020
    sentence = "it can be predicted with 99.8% certainty that, this year, Joaquin Phoenix is going to win Best Actor"
    assert _values(sentence) == [0.998]
    assert _values("The estimate has a 95% confidence interval of 2 to 4 degrees.") == []


def test_the_next_items_of_a_list_of_chances():
    # holdout-9, model-thehindu-oscars-2020
    sentence = (
        "the win probabilities are relatively more closer, with 1917 at 71%, Joker at 10% and Parasite only at 2%."
    )
    assert sorted(_values(sentence)) == [0.02, 0.1, 0.71]
    # not a list of figures without a chance word before them
    assert _values("Growth was strong, with France at 1% and Germany at 3%.") == []


def test_a_chance_of_one_in_a_number_with_thousands():
    # holdout-9, wire-universityherald-asteroid-2013
    sentence = (
        "The chances of a newly discovered asteroid actually hitting the Earth when it comes back around in 20 years "
        "is estimated to be one in 63,000"
    )
    assert _values(sentence) == [round(1 / 63000, 4)]


def test_the_remaining_share_of_the_time():
    # holdout-8, model-dailykos-australia-election-2013
    assert _values("The remaining 22% of the time no party will have enough seats to form government") == [0.22]


def test_a_list_of_chances_followed_by_the_next():
    # holdout-9, model-cr4globalspec-world-cup-2018
    sentence = (
        "other universities postulate that Brazil will win with a 16.81% probability, followed by Germany with 15.80%."
    )
    assert sorted(_values(sentence)) == [0.158, 0.1681]


def test_a_chance_with_a_word_between_the_number_and_its_noun_is_stated():
    # holdout-10's Mexico scenarios
    assert 0.15 in _values("We give it a 15% subjective probability.")
    assert 0.75 in _values("Our central scenario, to which we assign a 75% subjective probability, assumes calm.")


def test_a_year_before_a_figure_is_no_odds():
    # holdout-10, outlook-steelorbis-worldsteel-2024: "in 2025 to 1.82 billion" read as odds of 2025 to 1
    assert _values("The outlook sees demand rise by 1.2 percent in 2025 to 1.82 billion mt, odds say.") == []
    assert round(1 / 67, 4) in [round(v, 4) for v in _values("Betting odds: Houston might seem outlandish at 66 to 1.")]


def test_a_name_may_open_on_an_accented_capital():
    # holdout-6, model-theanalyst-wimbledon-2023
    assert _values("In-form Iga \u015awi\u0105tek (11.7%) is our favourite to win the women's singles.") == [0.117]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("I think Harris has a 7/8 chance of winning.", 0.875),
        ("Giving Trump only a 1/8 chance of being elected on Tuesday.", 0.125),
        # betting's fractional odds stay odds against
        ("The Packers are 13/2 favourites for the title.", 0.1333),
        ("Bettors make them a 53/47 favorite.", 0.53),
    ],
)
def test_a_fraction_before_chance_is_that_share_and_betting_odds_stay_odds(sentence, value):
    assert _values(sentence) == [value]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # TraderPlanet, Mark Zandi on the odds of a double dip
        ("I put it that 1 in 3 right now.", 0.3333),
        ("If that doesn’t happen, it could reduce the odds back closer to 1 in 4.", 0.25),
    ],
)
def test_odds_of_one_in_n_put_that_or_moved_to(sentence, value):
    assert value in _values(sentence)


def test_a_share_of_people_put_as_one_in_n_is_no_chance():
    assert _values("They put it that 1 in 3 Americans own a dog.") == []


def test_a_sides_hopes_put_at_a_figure_are_its_chance():
    """football.london, December 2023: "Villa's title hopes are said to be just 1.94%." A verb's hopes are no
    chance."""
    assert _values("while Villa's title hopes are said to be just 1.94%.") == [pytest.approx(0.0194)]
    assert _values("The Fed hopes to bring inflation down to 2% next year.") == []


@pytest.mark.parametrize(
    "item",
    [
        # Against Jebel al-Lawz, "Predictions for the 2020s": each numbered item closes on its chance
        "1. China’s growth will be slower than in the 2010s (60%)",
        "11. Democracy will not come to Venezuela (60%)",
    ],
)
def test_a_bracketed_chance_closes_a_list_item(item):
    assert _values(item) == [0.6]


def test_a_bracketed_figure_after_prose_is_a_share():
    """Pew Research, 2017: the bracket gives the share the sentence compares with, not a chance."""
    sentence = (
        "In recent years, 33% of the world’s babies were born to Christians, which is slightly greater than "
        "the Christian share of the world’s population in 2015 (31%)."
    )
    assert 0.31 not in _values(sentence)
    # ... and so is the item's own words written as a sentence of prose, out of its list
    assert _values("China’s growth will be slower than in the 2010s (60%)") == []


def test_a_percentage_with_no_digit_before_its_point_is_under_one_percent():
    """Rexford Buzzsaw's Masters model, 2011."""
    sentence = "For the record, there was a .43% chance that the winning score would be 269 or lower, a Masters record."
    assert _values(sentence) == [pytest.approx(0.0043)]
    # a sentence's full stop before a number is no decimal point
    assert _values("Nobody knows. 43% chance of rain, they say.") == [0.43]


def test_a_percentage_glued_to_its_chance_noun_is_a_stated_chance():
    # holdout-31: a scraped page lost the space between the figure and its noun
    assert _values("75%chance that the Conservatives get the most seats") == [0.75]


def test_a_ranking_of_chances_by_place_gives_each_place_its_chance():
    # holdout-30: the ranking follows the sentence that names the chances
    text = (
        'Therefore, according to "FiveThirtyEight", the team with the highest chances of triumphing at the start '
        "of the tournament was the Brazilian national team, which is given a 19% chance of victory. "
        "In second place are the Spaniards with 17%, and in third place are the Germans (13%)."
    )
    assert {0.17, 0.13} <= set(_values(text))
    assert _values("In second place are the Spaniards with 17%, and in third place are the Germans (13%).") == []


def test_a_list_of_chances_after_a_semicolon_may_leave_out_the_verb():
    # holdout-39, model-flashscore-opta-premier-league-2022
    sentence = (
        "For the sake of comparison, leaders Arsenal have a 22.4% chance; Spurs 0.4%, Newcastle 0.3% and Man Utd "
        "also 0.3%."
    )
    assert sorted(_values(sentence)) == [0.003, 0.003, 0.004, 0.224]


def test_the_chance_of_a_long_outcome_is_read_up_to_its_number():
    sentence = (
        "The probability that the mean temperature for November, December and January will fall into the coldest "
        "of our five categories is 30%."
    )
    assert 0.3 in _values(sentence)


def test_a_share_of_simulations_may_be_approximate():
    assert 0.01 in _values("Boston will drop in the standings -- that happens in less than 1 percent of simulations.")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # holdout-32, holdout-48: a possibility and a risk with their numbers
        ("There is a 9 percent possibility of excess rainfall, the IMD estimates.", 0.09),
        ("The UK Economic Outlook predicts a one in three risk of a UK house price fall by 2017.", 0.3333),
        # holdout-49: an approximation
        ("I put the chances of a Conservative overall majority at something like 1 in 12.", 0.0833),
        # holdout-43: a chance of nothing
        ("Poll respondents saw zero chance of the property market recovering in 2011.", 0.0),
    ],
)
def test_a_possibility_a_risk_an_approximation_and_zero_state_their_chance(sentence, value):
    assert value in _values(sentence)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # holdout-55, statement-domainb-skymet-monsoon-2018: a percentage in words, before a later figure
        (
            "And fortunately, there is a zero per cent chance of drought (seasonal rainfall of less than 90 per cent "
            "of LPA).",
            0.0,
        ),
        ("It also says there is a five per cent chance of excess (more than 110 per cent of LPA) rainfall.", 0.05),
        # holdout-45, statement-firstpost-imd-monsoon-2016
        ('while there is only one percent probability of "deficient" rainfall.', 0.01),
    ],
)
def test_a_percentage_in_words_is_the_chance(sentence, value):
    assert _values(sentence)[0] == value


def test_a_scenarios_odds_after_a_colon_are_its_chance():
    # holdout-52, scenarios-pragcap-eurozone-nomura-2011
    assert _values("Scenario 3: The \u201cbad muddle-through\u201d\nOdds: 35%.") == [0.35]
    # (not a label running on into other text)
    assert 0.5 not in _values("Likelihood: 50%\nA similar thread on this subject was started in the forums.")


def test_a_chance_referred_back_to_is_not_stated_again_and_greater_than_bounds_a_chance():
    # holdout-52, scenarios-pragcap-eurozone-nomura-2011
    assert _values("Within this 8% odds there\u2019s a 2% chance that Spain and Italy leave too.") == [0.02]
    # holdout-55, model-usgs-california-earthquake-2008
    text = (
        "scientists have determined that the chance of having one or more magnitude 6.7 or larger earthquakes in the "
        "California area over the next 30 years is greater than 99%."
    )
    assert _values(text) == [0.99]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # holdout-66, model-kevinbonham-federal-election-projection-2013: a bound as a sign, in brackets
        ("COALITION WINS ELECTION (probability >99%)", 0.99),
        # holdout-66, model-vote233-ghana-presidential-forecast-2020: a chance nudged, the new value
        (
            "In short, both Nana Addo and John Mahama saw slight dips to their chances of winning an outright majority "
            "while the chance of a runoff ticked up from 1.8% to 3.8%.",
            0.038,
        ),
    ],
)
def test_a_bracketed_bound_and_a_chance_nudged_are_stated(sentence, value):
    assert _values(sentence) == [value]


def test_a_share_restated_in_brackets_after_a_fraction_is_no_chance():
    # holdout-70, think-tank-housingorguk-unaffordable-homes-2023, a list item
    item = (
        "- 1.5 million families will be on the waiting list for social housing, a rise of 350,000 or almost a "
        "third (32%)."
    )
    assert _values(item) == []
