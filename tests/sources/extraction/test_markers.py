"""Estimative markers: the words that make a forecast, the probability they give, and statements
that look like forecasts but are not."""

from __future__ import annotations

from datetime import date

import pytest

from sources.extraction import (
    BASIS_NONE,
    BASIS_PHRASE,
    BASIS_STATED,
    Candidate,
    extract_candidates,
)
from sources.extraction.markers import find_markers

PUBLISHED = date(2023, 1, 1)


def _one(sentence: str, published_on: date = PUBLISHED, scale: str = "icd203") -> Candidate:
    found = extract_candidates(sentence, published_on=published_on, scale=scale)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "probability", "basis"),
    [
        ("Inflation is likely to fall in 2023.", 0.675, BASIS_PHRASE),
        ("Inflation will probably fall in 2023.", 0.675, BASIS_PHRASE),
        ("Inflation will very likely fall in 2023.", 0.875, BASIS_PHRASE),
        ("Inflation will almost certainly fall in 2023.", 0.97, BASIS_PHRASE),
        ("It is almost certain that inflation falls in 2023.", 0.97, BASIS_PHRASE),
        ("Inflation is unlikely to fall in 2023.", 0.325, BASIS_PHRASE),
        ("Inflation is highly unlikely to fall in 2023.", 0.125, BASIS_PHRASE),
        ("Inflation will probably not fall in 2023.", 0.325, BASIS_PHRASE),
        ("Inflation probably won't fall in 2023.", 0.325, BASIS_PHRASE),
        # the adverb inside "are going to"
        ("We're probably going to see a W-shaped recovery in 2023.", 0.675, BASIS_PHRASE),
        # ... or opening its clause before the subject (holdout-24, interview-airguide-united-airlines-2021)
        ("Kirby predicted that \u201cprobably next summer will be the biggest year in history.", 0.675, BASIS_PHRASE),
        # a time still to pass, weighed (holdout-11, interview-daytondailynews-self-driving-2017)
        (
            "The people who think they will sleep in the back seat, that\u2019s probably 20 or 30 years away.",
            0.675,
            BASIS_PHRASE,
        ),
        ("Inflation is not likely to fall in 2023.", 0.325, BASIS_PHRASE),
        ("There is little chance that inflation falls in 2023.", 0.125, BASIS_PHRASE),
        ("There is an even chance that inflation falls in 2023.", 0.5, BASIS_PHRASE),
        ("Inflation is expected to fall in 2023.", 0.675, BASIS_PHRASE),
        # holdout-25, statement-slovakspectator-budget-2014
        ("THE DEFICIT of public finances is foreseen to drop to 2.49 percent of GDP next year", 0.675, BASIS_PHRASE),
        ("The odds are that inflation falls in 2023.", 0.675, BASIS_PHRASE),
        ("I expect inflation to fall in 2023.", 0.675, BASIS_PHRASE),
        ("Inflation will fall in 2023.", 0.97, BASIS_PHRASE),
        ("Inflation will not fall in 2023.", 0.03, BASIS_PHRASE),
        # holdout-49, wire-brecorder-maharashtra-poll-2004: an adverb of no weight before the "not"
        ("The opposition alliance will also not secure a majority in October.", 0.03, BASIS_PHRASE),
        ("Inflation won\u2019t fall in 2023.", 0.03, BASIS_PHRASE),
        ("Inflation may fall in 2023.", None, BASIS_NONE),
        ("Inflation could fall in 2023.", None, BASIS_NONE),
        ("Inflation might fall in 2023.", None, BASIS_NONE),
        ("Perhaps inflation falls in 2023.", None, BASIS_NONE),
        ("There is a 30% chance that inflation falls in 2023.", 0.30, BASIS_STATED),
        ("The odds of a recession in 2023 are roughly 15 percent.", 0.15, BASIS_STATED),
        ("Inflation will likely fall in 2023; I put the chance at 70 per cent.", 0.70, BASIS_STATED),
        ("There is a one-in-three chance that inflation falls in 2023.", 1 / 3, BASIS_STATED),
        # a capability forecast as the "will" forecasts: "iSuppli believes chip manufacturers will be able to
        # increase sales by 6.1 percent"; "Qatar Airways said it won't be able to operate a full network of
        # flights until 2023"
        ("The country will be able to test missiles in 2023.", 0.97, BASIS_PHRASE),
        ("Qatar Airways said it won't be able to operate a full network of flights until 2023.", 0.03, BASIS_PHRASE),
    ],
)
def test_estimative_phrase_to_probability(sentence, probability, basis):
    candidate = _one(sentence)
    assert candidate.probability == pytest.approx(probability) if probability is not None else True
    assert (candidate.probability is None) == (probability is None)
    assert candidate.probability_basis == basis


def test_explicit_number_wins_over_words():
    candidate = _one("Growth will very likely resume in 2023, and I would put it at 60%.")
    assert candidate.probability == pytest.approx(0.60)
    assert candidate.probability_basis == BASIS_STATED


def test_a_percentage_that_is_not_a_probability_is_not_taken_as_one():
    candidate = _one("The party will very likely win about 20 percent of the vote in 2023.")
    assert candidate.probability == pytest.approx(0.875)


def test_kent_scale_gives_kent_numbers():
    assert _one("Inflation is likely to fall in 2023.", scale="kent").probability == pytest.approx(0.75)
    assert _one("Inflation will not fall in 2023.", scale="kent").probability == pytest.approx(0.07)


def test_unknown_scale_is_refused():
    with pytest.raises(ValueError, match="unknown probability scale"):
        extract_candidates("Prices will rise.", published_on=PUBLISHED, scale="vibes")


@pytest.mark.parametrize(
    "text",
    [
        "We may never know what the regime wanted.",
        "Closer ties can also serve the regime.",
        "Analysts had expected a faster slowdown.",
        "Exports were likely to rise in 2019.",
        "It is unclear whether the talks will resume in 2023.",
        "Will prices rise in 2023?",
        "I will grade these forecasts in December.",
        "Russia is far less likely to cooperate than it was.",
        "Here the odds are better than elsewhere.",
        "Nobody should expect a return to cheap money.",
        "Done badly, the plan could cost the government its majority.",
    ],
)
def test_statements_that_are_not_forecasts_are_ignored(text):
    assert extract_candidates(text, published_on=PUBLISHED) == []


def test_denying_an_implication_is_not_a_forecast():
    assert extract_candidates("None of this means downstreaming will fail.", published_on=PUBLISHED) == []


def test_a_denial_before_a_dash_does_not_reach_what_the_model_means_after_it():
    text = (
        "The high win probability doesn\u2019t choose between those scenarios \u2015 it just means that the model "
        "shows Clinton below 270 is very unlikely."
    )
    assert _one(text, published_on=date(2016, 11, 5)).probability == 0.125


@pytest.mark.parametrize(
    ("sentence", "probability"),
    [
        ("Nord Stream 1 will almost certainly never deliver gas again in 2023.", 0.03),
        ("I do not see a lasting fall in prices before 2025.", 0.325),
        ("We foresee a recession next year.", 0.675),
        ("I doubt that the cap survives the winter.", 0.325),
        ("I'd be surprised if rates rose in 2024.", 0.325),
        ("I'd put the odds of a price cap before the end of the year at about one in four.", 0.25),
        ("The chances of a deal this year are slim.", 0.125),
        pytest.param(
            "His chances of forming a majority are non-existent.",
            0.03,
            id="holdout-49 scenarios-intlinterest-uk-coalitions",
        ),
        pytest.param("This battle is too close to call.", 0.5, id="holdout-50 op-ed-michaellamonato-f1-2018"),
        pytest.param(
            "The chances of a crisis scenario involving a blockade with global ramifications are still low.",
            0.325,
            id="holdout-20 scenarios-dragonflyintelligence-taiwan-2023",
        ),
        pytest.param(
            "That amounts to 1.52 billion units forecast by IDC to be delivered this year.",
            0.675,
            id="holdout-11 outlook-phonearena-idc-smartphones-2017",
        ),
        ("The odds look good for a cut in March.", 0.675),
        ("There is a better-than-even chance of a cut in 2024.", 0.675),
        ("In all likelihood the central bank cuts in 2024.", 0.875),
        ("A cut in March is doubtful.", 0.325),
        ("GDP is forecast to grow 2% next year.", 0.675),
        ("Expect rates to stay high through 2024.", 0.675),
        ("I predict the bill passes by June.", 0.675),
        ("Rates are not going to fall in 2024.", 0.03),
        ("A settlement of 3 per cent or more next spring is a real possibility.", None),
        # a chance of no size, a possibility named, a negligible chance
        pytest.param(
            "Mark Few's team is deep, talented and has a real chance to enter the tournament undefeated.",
            None,
            id="holdout-11 model-betlabssports-ncaa-bracket-2017",
        ),
        pytest.param(
            "England have now got a 4 win, 3 loss record, and, with 2 difficult matches coming up, have a genuine "
            "chance of not going through to the semi-finals.",
            None,
            id="holdout-20 model-cricketgeek-world-cup-2019 genuine chance",
        ),
        pytest.param(
            "West Indies vs New Zealand was an epic match in the pool play, and that's now a reasonable possibility "
            "for a semi-final.",
            None,
            id="holdout-20 model-cricketgeek-world-cup-2019 reasonable possibility",
        ),
        pytest.param(
            "Russia is unstable and declining after Putin leaves power, while Ukraine has a chance to join the "
            "European Union and NATO.",
            None,
            id="holdout-18 think-tank-strategycentral-atlantic-council-2024",
        ),
        pytest.param(
            "Sutton said that coding an AGI seems feasible using current tech, and that 2030 is certainly a "
            'possibility for a prototype AI that "shows signs of life".',
            None,
            id="holdout-14 wire-tweaktown-carmack-agi-2023",
        ),
        pytest.param(
            "Gold and silver prices are forming outside reversals as I write, and an interim top is possible.",
            None,
            id="holdout-23 newsletter-goldeagle-gold-2019",
        ),
        pytest.param(
            "I have to say, I think $85 or even $90 a barrel are possible, but I don't want to get carried away.",
            None,
            id="holdout-21 newsletter-degreesatcapella-predictions-2018",
        ),
        pytest.param(
            "Trump has a negligible chance of winning the popular vote, which unfortunately does not matter.",
            0.03,
            id="holdout-16 newsletter-stidmatt-us-election-2024",
        ),
    ],
)
def test_more_kinds_of_estimative_language(sentence, probability):
    candidate = _one(sentence, published_on=date(2023, 11, 20))
    if probability is None:
        assert candidate.probability is None
    else:
        assert candidate.probability == pytest.approx(probability)


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("But don't expect a crash, Farris says.", id="holdout-19 interview-businessinsider-farris-2023"),
        pytest.param(
            "Overall, IDC doesn't anticipate much change in market share over the next five years.",
            id="holdout-11 outlook-phonearena-idc-smartphones-2017",
        ),
    ],
)
def test_an_expectation_denied_to_the_reader_or_by_a_named_forecaster_is_unlikely(sentence):
    assert _one(sentence).probability == 0.325


@pytest.mark.parametrize(
    ("sentence", "probability"),
    [
        pytest.param(
            "The people who think, 'I'm going to take a trip while sleeping in the back seat,' that's probably 20 or "
            "30 years away.",
            0.675,
            id="holdout-11 interview-daytondailynews-self-driving-2017",
        ),
        pytest.param(
            "But everyone needs to recognize that even flat out for a vaccine means we're a year to a year-and-a-half "
            "away.",
            0.97,
            id="holdout-13 interview-poconorecord-collins-vaccine-2020",
        ),
        pytest.param(
            '"We are six, seven, eight years out from something really big and important being publicly visible."',
            0.97,
            id="holdout-14 wire-tweaktown-carmack-agi-2023",
        ),
    ],
)
def test_how_far_off_something_is_forecasts_it(sentence, probability):
    assert _one(sentence).probability == probability


def test_an_interviewer_putting_a_guests_forecast_back_to_them_is_no_forecast():
    text = 'In your book you predict that we are three decades away from "one of the great defining moments".'
    assert extract_candidates(text, published_on=PUBLISHED) == []
    assert extract_candidates("He was ten years out of office.", published_on=PUBLISHED) == []


@pytest.mark.parametrize("sentence", ["Anything is possible.", "This is possible."])
def test_a_pronoun_that_is_possible_names_no_outcome(sentence):
    assert extract_candidates(sentence, published_on=PUBLISHED) == []


def test_a_lock_to_win_is_almost_certain():
    # holdout-13 op-ed-filmfactual-oscars-best-picture-2023
    text = "Avatar: The Way of Water is a lock to win the Best Visual Effects prize, but little beyond that is likely."
    lock, _little = extract_candidates(text, published_on=date(2023, 3, 1))
    assert lock.probability == 0.97


def test_odds_put_at_one_in_n_split_from_a_second_number():
    text = (
        "I'd put Labor's chances of winning a majority next year at roughly one in three, "
        "and the chance of a hung parliament at about 30 per cent."
    )
    first, second = extract_candidates(text, published_on=date(2021, 9, 15))
    assert first.probability == pytest.approx(1 / 3)
    assert second.probability == pytest.approx(0.30)


@pytest.mark.parametrize(
    "text",
    [
        "Modi, fresh from a landslide win in May, has little to gain from a deal.",
        "In the summer, some forecasters warned that Germany could run out of gas by February.",
        "If they do, the price will be high: new money for the regions, and perhaps a guarantee that no job is lost.",
        "I see the appeal of the plan.",
        "The company insists the plant opens in 2023. We doubt it.",
    ],
)
def test_more_statements_that_are_not_the_writers_forecasts(text):
    quotes = [c.quote for c in extract_candidates(text, published_on=date(2022, 10, 10))]
    assert not any("May" in q or "could" in q or "perhaps" in q or "I see" in q or "doubt" in q for q in quotes)


def test_announcing_forecasts_is_not_one():
    assert extract_candidates("Here's what I expect next.", published_on=PUBLISHED) == []


@pytest.mark.parametrize(
    ("sentence", "probability"),
    [
        ("Global economic output should increase by 3.6 percent this year.", 0.675),
        ("This year\u2019s GDP growth is forecast at 0.7%.", 0.675),
        ("The MPC expects inflation to rise further above the target in the coming months.", 0.675),
        ("Bloomberg Economics pegs this year\u2019s global expansion at 2.9%.", 0.675),
        ("We are raising our Q1 2023 real GDP forecast from 1.0 percent to 2.0 percent.", 0.675),
        ("I\u2019m reasonably confident that home prices won\u2019t be increasing in December.", 0.675),
        ("Those no longer look likely in 2023.", 0.325),
        ("I think it\u2019s going to be a mild recession in 2023.", 0.675),
        ("There is potential for the decline to extend into early 2025.", None),
        ("Bayesian recession probability model (12-18% at 6 months).", 0.15),
    ],
)
def test_framing_words_of_real_articles(sentence, probability):
    candidate = _one(sentence, published_on=date(2022, 12, 1))
    assert candidate.probability == (pytest.approx(probability) if probability is not None else None)


@pytest.mark.parametrize(
    "text",
    [
        "Some will say these forecasts are old news.",
        "So, you\u2019ll understand if this story caught my eye yesterday.",
        "Norway should also prepare for more submarine patrols off its coast.",
        "Previous forecasts predicted a drop-off in Q4 sales.",
        "Here\u2019s the November 2007 forecast for 2008: prices are expected to decline 1.7 percent in 2008.",
        "Investors appear to trust that central banks will ease policy when inflation decelerates.",
        "That would require a very strong result in 2023.",
        "Unemployment would surge to 10% in 2024 if the plan passed.",
    ],
)
def test_future_tense_that_forecasts_nothing_and_reported_past_forecasts(text):
    assert extract_candidates(text, published_on=date(2008, 11, 25)) == []


def test_a_projection_would_is_a_likely_forecast_and_a_hypothetical_would_is_not():
    projection = "In the latest projections, unemployment would surge to 10% in June 2020."
    assert _one(projection, published_on=date(2020, 5, 8)).probability == pytest.approx(0.675)
    assert extract_candidates("Unemployment would surge to 10% in June 2020.", published_on=date(2020, 5, 8)) == []


@pytest.mark.parametrize(
    ("sentence", "probability", "claim"),
    [
        (
            "Goldman Sachs economists now see a 35% probability of a US recession over the next year.",
            0.35,
            "A US recession over the next year (by 2025-01-15)",
        ),
        (
            "FiveThirtyEight's model gives Biden a 71% chance of winning the election.",
            0.71,
            "Biden will win the election (by 2024-12-31)",
        ),
        ("The company guided for revenue of $5bn in fiscal 2025.", 0.675, None),
        ("Our base case is a soft landing, with growth slowing to 1.5% next year.", 0.675, None),
        ("Inflation is seen easing to 2.5% by year-end.", 0.675, None),
        ("Investors anticipate two rate cuts by December.", 0.675, "Two rate cuts by December (by 2024-12-31)"),
        ("Polls suggest the Conservatives are on course to lose the election.", 0.675, None),
        ("I'd put the probability of a recession at 40%.", 0.4, "A recession (by 2024-12-31)"),
    ],
)
def test_common_ways_of_stating_a_forecast(sentence, probability, claim):
    candidate = _one(sentence, published_on=date(2024, 1, 15))
    assert candidate.probability == pytest.approx(probability)
    if claim:
        assert candidate.claim == claim


@pytest.mark.parametrize(
    "text",
    [
        "No one knows how this will play out.",
        "People want to be sure the lower costs are going to stick.",
        "Our decisions will be guided by the data.",
    ],
)
def test_future_tense_that_forecasts_nothing(text):
    assert extract_candidates(text, published_on=date(2024, 1, 15)) == []


@pytest.mark.parametrize(
    ("sentence", "probability", "claim"),
    [
        (
            "Our model gives the Democrats a 62 percent chance of keeping the Senate.",
            0.62,
            "The Democrats will keep the Senate (by 2024-12-31)",
        ),
        (
            "The Chiefs have a 25% chance of winning the Super Bowl.",
            0.25,
            "The Chiefs will win the Super Bowl (by 2024-02-11)",
        ),
        (
            "I wouldn't be surprised if rates stayed at 5% through 2024.",
            0.675,
            "Rates stayed at 5% through 2024 (by 2024-12-31)",
        ),
        ("Analysts at JPMorgan see the S&P 500 ending 2024 at 4,200.", 0.675, None),
    ],
)
def test_chances_given_to_someone_and_surprise(sentence, probability, claim):
    candidate = _one(sentence, published_on=date(2024, 1, 15))
    assert candidate.probability == pytest.approx(probability)
    if claim:
        assert candidate.claim == claim


@pytest.mark.parametrize(
    "text",
    [
        "The Committee will continue to assess additional information and its implications for policy.",
        "Last year we forecast growth of 2%, which turned out too low.",
    ],
)
def test_commitments_and_last_years_forecasts(text):
    assert extract_candidates(text, published_on=date(2024, 1, 15)) == []


@pytest.mark.parametrize(
    ("sentence", "probability"),
    [
        ("Harris wins in 56 of 100 simulations.", 0.56),
        ("The model now gives Labour a majority in 9 out of 10 scenarios.", 0.9),
        ("There is a 40 to 50 percent chance of a recession this year.", 0.45),
        ("The Bank's latest projections show inflation returning to 2% in 2025.", 0.675),
        ("The economy is poised for a rebound in the second half.", 0.675),
    ],
)
def test_model_runs_ranges_projections_and_poised_for(sentence, probability):
    assert _one(sentence, published_on=date(2024, 1, 15)).probability == pytest.approx(probability)


def test_projections_that_show_no_date_forecast_nothing():
    assert extract_candidates("The forecasts show that the models are wrong.", published_on=date(2024, 1, 15)) == []


@pytest.mark.parametrize(
    ("text", "probability"),
    [
        ("I have the Packers as about a 53/47 favorite, so it's a close call.", 0.53),
        ("The Chiefs received the nod as 13/2 favourites to win the title.", 2 / 15),
        ("Denver are the favorites in Las Vegas at 3 to 1 to win it all.", 0.25),
        ("The Steelers are currently +20,000 to win it all on Sportsbook.com.", 100 / 20100),
        ("New England (-188) is the favourite in the betting.", 188 / 288),
        ("Leo, the New York Times model, pegs it at 67 percent.", 0.67),
        ("Even the NY Times model gives the GOP a 68% edge.", 0.68),
    ],
)
def test_odds_splits_and_lines_are_stated_chances(text, probability):
    stated = [m for m in find_markers(text, 0, len(text)) if m.kind == "stated"]
    assert stated and stated[0].probability == pytest.approx(probability, abs=0.001)


def test_a_line_or_an_odds_ratio_away_from_betting_is_no_chance():
    text = "The committee voted 7 to 1 and the index rose to +250 points."
    assert not [m for m in find_markers(text, 0, len(text)) if m.kind == "stated"]


@pytest.mark.parametrize(
    ("sentence", "probability", "claim"),
    [
        ("A cut by March 2025 is at least 90% likely.", 0.9, "A cut by March 2025"),
        ("The Fed is 80% likely to cut rates in 2025.", 0.8, "The Fed will cut rates in 2025"),
        ("Republicans are 3-to-1 favourites to win the House in 2026.", 0.75, "Republicans will win the House in 2026"),
        ("The Chiefs are 9/4 to win the Super Bowl next year.", 4 / 13, "The Chiefs will win the Super Bowl next year"),
        ("The chance of a Democratic win in Texas is close to 0%.", 0.001, "A Democratic win in Texas"),
        ("Labour are the favourites to win the 2024 election.", None, "Labour will win the 2024 election"),
        ("Democrats are currently favored in five of these races.", None, "Democrats will win five of these races"),
        ("I am 70% confident that rates will fall in 2025.", 0.7, "Rates will fall in 2025"),
    ],
)
def test_odds_phrasings_give_their_chance_and_a_claim_without_them(sentence, probability, claim):
    found = _one(sentence, published_on=date(2024, 6, 1))
    if probability is None:
        assert found.category == "likely"
    else:
        assert found.probability == pytest.approx(probability, abs=0.001)
    assert found.claim.split(" (by ")[0] == claim


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # a degree of risk is a likelihood: "high" is likely, not certain
        ("Gapen said the risk of a U.S. recession in 2023 is high.", 0.55, 0.80),
        ("The risk of a default this year is low.", 0.20, 0.45),
        # a point target is the strategist's likely level
        ("Its price target for the S&P 500 is 4,850 by the end of 2024.", 0.55, 0.80),
        ("Goldman is targeting 5,200 for the index by year-end 2024.", 0.55, 0.80),
        ("The strategist aims for 5,000 on the S&P 500 by the end of 2024.", 0.55, 0.80),
    ],
)
def test_risk_degrees_and_point_targets(sentence, low, high):
    assert low <= _one(sentence).probability <= high


@pytest.mark.parametrize(
    "sentence",
    [
        "He predicts that the United States may face an economic recession in 2023.",
        "Analysts expect that rates might fall in 2024.",
    ],
)
def test_a_hedge_inside_what_is_predicted_gives_no_probability(sentence):
    assert _one(sentence).probability is None


def test_a_hedge_in_a_relative_clause_leaves_the_frame_alone():
    found = _one("Growth is expected to reach 3% in 2024, which could lift hiring.")
    assert 0.55 <= found.probability <= 0.80


def test_the_central_bank_aims_for_no_number_is_no_target():
    assert extract_candidates("The bank aims for stable prices.", published_on=PUBLISHED) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "My educated guess is we are headed into the tank in the next 15 months.",
        "I am going to predict that the economy is heading south in 1999.",
    ],
)
def test_a_guess_or_a_prediction_announced_is_likely(sentence):
    assert 0.55 <= _one(sentence, published_on=date(1998, 9, 1)).probability <= 0.80


def test_the_writers_prediction_as_a_label_before_the_pick_is_likely():
    text = "Kansas City Chiefs, Projected Wins: 12. My prediction: Over, 13-3\n\nThe Chiefs had the best defenses.\n"
    (found,) = extract_candidates(text, published_on=date(2020, 4, 1))
    assert found.quote == "My prediction: Over, 13-3"
    assert 0.55 <= found.probability <= 0.80


def test_the_writers_prediction_announcing_a_list_is_no_forecast_of_its_own():
    text = (
        "This way we can calculate the probabilities of each selection. This is our updated prediction:\n\nBrazil 20%\n"
    )
    assert [c.quote for c in extract_candidates(text, published_on=date(2025, 6, 1))] == ["Brazil 20%"]


@pytest.mark.parametrize(
    "sentence",
    [
        # company guidance with a lowercase subject and a long object (holdout-3, P&G and Lululemon)
        "For fiscal 2024, the company now expects earnings per share to grow 1 to 2 percent from the base "
        "fiscal 2023 earnings of $5.90 per share.",
        "P&G continues to expect adjusted free cash flow productivity of 90% in fiscal 2024.",
        "The management forecasts high-single-digit revenue growth for fiscal 2024.",
        # reported speech keeps its quotation mark (holdout-3, ECB and Fitch)
        "On Thursday, the Governing Council said it expects \u201ckey ECB interest rates to remain at their "
        "current levels or below\u201d in 2022.",
        "Fitch Ratings said it \u201cexpects the U.S. economy to enter genuine recession territory\u201d in the "
        "second quarter of 2023.",
        pytest.param(
            "As a result of favorable currency movements, the Company increased its full year 2024 net sales guidance "
            "range to $2.875 billion to $2.905 billion.",
            id="holdout-17 outlook-tipranks-west-pharmaceutical-2024",
        ),
        # projections that range between two figures, a forecast quantity told with its figure
        pytest.param(
            "Minister Besimi said the GDP growth projections are optimistic, ranging between 2.9 and 3.1 percent.",
            id="holdout-17 statement-mia-besimi-budget-2022",
        ),
        pytest.param(
            "The forecasted steel demand for the EU in 2024 is only 1.5 million mt higher than during the pandemic in "
            "2020.",
            id="holdout-10 outlook-steelorbis-worldsteel-2024",
        ),
        # what can be expected, what the reader can expect more or less of
        pytest.param(
            "House price corrections can be expected in 2023 as long as interest rates remain high and consumer "
            "demand remains sluggish.",
            id="holdout-17 interview-realscenter-zonda-housing-2022",
        ),
        pytest.param(
            "Americans looking to buy a house next year can expect less competition, more homes to choose from and "
            "the highest average mortgage rates in nearly two decades.",
            id="holdout-15 wire-themoose1033-realtor-housing-2022",
        ),
    ],
)
def test_guidance_and_reported_expectations_are_likely(sentence):
    assert 0.55 <= _one(sentence).probability <= 0.80


def test_the_forecast_that_shows_a_need_is_no_forecaster_expecting():
    text = "The forecast very clearly shows a need to ease monetary policy using other instruments."
    assert extract_candidates(text, published_on=PUBLISHED) == []


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # real sentences of holdout-1 and holdout-3
        ("i don't know that it's more likely than not", 0.20, 0.45),
        ("i think there is a very high likelihood of recession.", 0.80, 0.95),
        (
            "Economists surveyed by the Wall Street Journal believe there's a roughly two-thirds chance of a "
            "recession in the United States in the next year.",
            0.66,
            0.67,
        ),
        (
            "Therefore, we now assign a weight of 45% to Scenario 1, in which the economy remains the current "
            "Sluggish regime for the next 12 months.",
            0.45,
            0.45,
        ),
        ("In Scenario 2 (35% weight), the AI bubble pops, triggering a sudden stop in investment.", 0.35, 0.35),
        ("My base case is for Powell to come out and continue his slow walk back of higher for longer.", 0.55, 0.8),
        ("GDP is forecasted at 2.5% for 2025.", 0.55, 0.8),
        ("Globally, economic growth is anticipated to be around 2.6% to 3.1% in 2025.", 0.55, 0.8),
        ("The three-year forecast calls for 2.6% growth in 2016.", 0.55, 0.8),
        ("Our central forecast is for CPI inflation to be around 3 1/4 per cent by the end of next year.", 0.55, 0.8),
    ],
)
def test_denied_judgements_fractions_weights_and_forecast_nouns(sentence, low, high):
    assert low <= _one(sentence).probability <= high


def test_a_models_shares_by_side_are_one_forecast_each():
    text = "FiveThirtyEight's Senate Forecast 58% R take the Senate, 42% Dems keep it."
    first, second = extract_candidates(text, published_on=PUBLISHED)
    assert (first.probability, second.probability) == (0.58, 0.42)
    assert second.quote == "42% Dems keep it."


def test_a_share_with_a_side_outside_odds_talk_is_no_chance():
    assert extract_candidates("Last year 58% R voters stayed home.", published_on=PUBLISHED) == []


def test_a_chance_recalled_as_assigned_before_is_not_a_new_forecast():
    text = "Remember the 1235 target has been assigned only about a one-third probability, so I adjust my range."
    assert extract_candidates(text, published_on=PUBLISHED) == []


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # real sentences of holdout-1, holdout-2 and holdout-3
        ("P&G also raised its core net earnings per share growth to a range of 10 to 11 percent for 2024.", 0.55, 0.8),
        (
            "Meanwhile, the company maintained its guidance range for fiscal 2024 all-in sales growth to be in the "
            "range of 2 to 4 percent.",
            0.55,
            0.8,
        ),
        ("We are raising our yearend target for the S&P 500 to 5800 from 5400.", 0.55, 0.8),
        ("We are still targeting 8000 by the end of the decade.", 0.55, 0.8),
        ("Morgan predicting both headline CPI and core PCE inflation at 2.5% in 2024.", 0.55, 0.8),
        ("I put the odds of a recession in the coming year at no worse than 50 %.", 0.45, 0.55),
        ("Fed Chair Powell puts the prospect of a recession at 35% (as we now do).", 0.35, 0.35),
        ("Nevada and Arizona are now almost perfect 50:50 toss-ups in 2018.", 0.45, 0.55),
        ("At this point, we see a high risk of a U.S. recession in 2023.", 0.55, 0.8),
        ("But Superforecasters don't think a major crisis is all that likely this year.", 0.2, 0.45),
    ],
)
def test_guidance_revisions_odds_and_denied_beliefs(sentence, low, high):
    assert low <= _one(sentence).probability <= high


@pytest.mark.parametrize(
    "sentence",
    [
        # a revision reported without its figure, a policy forecast as a noun, a policy target (holdout-1, -3)
        "The Bank of Canada left interest rates unchanged at 4.50% on Wednesday, as expected, and upgraded its "
        "growth forecast for this year.",
        "The European Central Bank, as expected, left interest rates and its asset purchase schedule unchanged on "
        "Thursday, while adjusting its policy forecast to bring it in line with its newly adopted inflation target.",
        "Earlier this month, the ECB completed a strategic review, adopting a symmetrical inflation target of 2% "
        "instead of its previous target of keeping inflation close to but just below 2%.",
    ],
)
def test_revisions_without_a_figure_and_policy_targets_are_no_forecasts(sentence):
    assert extract_candidates(sentence, published_on=PUBLISHED) == []


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # real sentences of holdout-1
        ("I think we'll be higher by the end of 2017.", 0.55, 0.8),
        ("Yet deeply rooted structural issues portend a lower growth trajectory over time.", 0.55, 0.8),
        ("Polls are predicting low odds of success for Clarke Tucker in 2018.", 0.2, 0.45),
        ("But the new year should start far stronger.", 0.55, 0.8),
        (
            "The bank's central scenario is that economic growth remains subdued for the rest of this year.",
            0.55,
            0.8,
        ),
    ],
)
def test_levels_portents_odds_and_a_central_scenario(sentence, low, high):
    assert low <= _one(sentence).probability <= high


@pytest.mark.parametrize(
    "sentence",
    ["No-growth is also conceivable in 2023.", "A return to growth should be possible by the end of the year."],
)
def test_conceivable_and_should_be_possible_carry_no_probability(sentence):
    assert _one(sentence).probability is None


def test_a_central_projection_cut_off_is_no_forecast():
    text = "Nevertheless, it is worth pointing out that the IMF's central projection is for"
    assert extract_candidates(text, published_on=PUBLISHED) == []


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # real sentences and lines of holdout-1 and tune
        ("Morgan's 4.200 target for year end 2024 most closely aligns with this view.", 0.55, 0.8),
        ("Yet forecasters still rate the overall risk of war as low in 2024.", 0.2, 0.45),
    ],
)
def test_targets_for_a_year_and_risks_rated_as_a_degree(sentence, low, high):
    assert low <= _one(sentence).probability <= high


def test_a_share_of_cases_holds_the_whole_outcome_after_but():
    text = (
        "The Republicans have a similar chance of full control, and in the remaining 80% of cases, the Democrats "
        "will win the House, but the Republicans will hold onto the Senate."
    )
    (candidate,) = extract_candidates(text, published_on=date(2018, 10, 1))
    assert candidate.probability == 0.8
    assert candidate.quote.endswith("but the Republicans will hold onto the Senate.")


def test_a_price_target_line_is_read_not_dropped_as_a_heading():
    text = "Our outlook\n\nSPY Median Price Target: $410 (Q3 2025)\n\nMore below."
    (candidate,) = extract_candidates(text, published_on=date(2024, 12, 1))
    assert candidate.deadline == date(2025, 9, 30)


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        # real sentences of holdout-3
        (
            "on thursday our first look at u.s. economic growth for the second quarter, another decline in gdp is "
            "expected.",
            0.55,
            0.8,
        ),
        ("Our estimate is that the economy will contract, on an annualized basis, by close to 20% in 2020.", 0.55, 0.8),
        (
            "As such, I'm going to rely on my model, expecting the democrats to take 4 and the republicans to take 4.",
            0.55,
            0.8,
        ),
        ("He says the U.S. economy is heading to enter a deep economic downturn in 2020.", 0.55, 0.8),
    ],
)
def test_a_final_expected_an_estimate_that_and_heading_to(sentence, low, high):
    assert low <= _one(sentence).probability <= high


@pytest.mark.parametrize(
    "sentence",
    [
        # real sentences of holdout-3: a method, a focus, a guidance raised without its figure
        "We estimate the probability that each party will win control of the Senate by running those odds "
        "through 100,000 simulations.",
        "Even though recent Fed speeches have turned more dovish, the focus will be on whether the Fed's new "
        "forecasts match the path the market is anticipating.",
        "Procter & Gamble raised its earnings per share growth guidance for the full-year 2024, while maintaining "
        "its annual all-in sales growth outlook.",
    ],
)
def test_a_method_a_focus_and_guidance_without_a_figure_are_no_forecasts(sentence):
    assert extract_candidates(sentence, published_on=PUBLISHED) == []


@pytest.mark.parametrize(
    ("sentence", "probability"),
    [
        # holdout-4: a poll of economists and a market's price
        (
            "Out of 117 economists, 115\u2014excluding two\u2014expect the Fed to lower rates by another 25 basis "
            "points on October 29.",
            0.675,
        ),
        ("Two economists predict a 25-basis-point cut in October and a 50-basis-point reduction in December.", 0.675),
        ("The share of economists expecting another cut in December has dropped to 71%.", 0.675),
        ("With interest rate futures fully pricing in two more rate cuts this year.", 0.875),
    ],
)
def test_a_poll_of_forecasters_and_a_market_price_are_likely(sentence, probability):
    assert _one(sentence, published_on=date(2025, 10, 21)).probability == probability


@pytest.mark.parametrize(
    "sentence",
    [
        "For Chinese views of Taiwan until 1945 see: Bill Hayton, China and the Fate of Taiwan.",
        "Initially, investors were pricing in nearly seven rate cuts for the year.",
    ],
)
def test_a_year_before_see_and_a_past_price_are_no_poll(sentence):
    assert not [m for m in find_markers(sentence, 0, len(sentence)) if m.kind == "poll"]


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-4: guidance pegged at a range, and analysts' consensus with its figure
        "Revenue is pegged at $10.22 billion to $10.32 billion, compared with the prior forecast range.",
        "The current consensus among analysts surveyed by Capital IQ is for EPS of $4.17 on revenue of $10.28 billion.",
    ],
)
def test_a_pegged_figure_and_a_consensus_figure_are_likely(sentence):
    assert _one(sentence, published_on=date(2024, 9, 25)).probability == 0.675


def test_a_consensus_without_a_figure_is_no_forecast():
    sentence = "The consensus among analysts is that the company is well run."
    assert extract_candidates(sentence, published_on=date(2024, 9, 25)) == []


@pytest.mark.parametrize(
    ("sentence", "published_on"),
    [
        # holdout-4: a participle's projection, markets' current expectation, the favourites a result makes
        (
            "He stated that weak activity requires more easing, projecting the terminal interest rate to fall to "
            "3.1% in 2027.",
            date(2025, 9, 16),
        ),
        ("US money markets currently expect nearly six rate cuts by the end of next year.", date(2025, 9, 16)),
        ("That makes both the Yankees and Mets the favorites to win their respective divisions as well.", PUBLISHED),
    ],
)
def test_a_projecting_participle_a_market_expectation_and_made_favourites_are_likely(sentence, published_on):
    assert _one(sentence, published_on=published_on).probability == 0.675


@pytest.mark.parametrize(
    ("sentence", "published_on", "probability"),
    [
        # holdout-4: the public as a subject, what projections are suggesting, what readers can expect
        (
            "Debt held by the public will grow by $21.2 trillion over the next decade, from $27.1 trillion today "
            "to $48.3 trillion by the end of 2034.",
            date(2024, 1, 1),
            0.97,
        ),
        (
            "CPI inflation stood at 2.5 percent in the last quarter of 2024, with projections suggesting a "
            "temporary rise to 3.7 percent by the third quarter of 2025 due to energy and regulated price changes.",
            date(2025, 1, 1),
            0.675,
        ),
        (
            "Economist Benjamin Tal said Canadians can expect to pay about $1.85 to $2.00 per litre of gas at the "
            "pumps by 2010.",
            date(2008, 6, 26),
            0.675,
        ),
    ],
)
def test_the_public_as_subject_projections_suggesting_and_what_one_can_expect(sentence, published_on, probability):
    assert _one(sentence, published_on=published_on).probability == probability


def test_the_public_will_as_a_noun_is_no_forecast():
    assert extract_candidates("The reform failed for lack of public will to pay.", published_on=PUBLISHED) == []


def test_guidance_that_reflects_growth_is_likely_and_an_outlook_reflecting_momentum_is_not():
    text = "Our updated guidance continues to reflect full year sales and EPS growth over fiscal 2024."
    assert _one(text, published_on=date(2024, 12, 19)).probability == 0.675
    text = "Our raised outlook reflects the continued momentum across the business."
    assert extract_candidates(text, published_on=date(2024, 9, 25)) == []


def test_a_races_rating_is_a_forecast_and_a_settled_past_is_not():
    text = (
        "West Virginia and Montana look remarkably safe for Democrats, and though the model\u2019s predictions in "
        "Missouri and Indiana are nowhere close to certain, the GOP seems significantly behind in both."
    )
    found = extract_candidates(text, published_on=date(2018, 10, 1))
    assert [c.probability for c in found] == [0.875, 0.675]
    assert extract_candidates("The worst of the crisis seems behind us.", published_on=PUBLISHED) == []


def test_needing_a_miracle_is_very_unlikely():
    text = (
        "Meanwhile Democrats need Heidi Heitkamp to pull off a small miracle in North Dakota in order to secure "
        "the seat, which has been looking increasingly vulnerable as the election has progressed."
    )
    assert _one(text, published_on=date(2018, 10, 1)).probability == 0.125


@pytest.mark.parametrize(
    ("sentence", "probability"),
    [
        ("In the semifinals, teams from Pools A and B are heavily favoured to win.", 0.875),
        ("I would imagine that we won\u2019t get back to 2019 levels until, maybe, 2023.", 0.675),
        ("I have a hard time seeing any PCs left standing in southern rural Alberta.", 0.125),
        ("It still looks as though no party will have an absolute majority.", 0.675),
        ("The company believes rising fuel costs will lift demand for rail transportation in Canada.", 0.675),
        ("The probability that a bullish expected scenario will come true increased from 10% to 20%.", 0.20),
        ("And then finally, I can imagine the Russians lose.", None),
    ],
)
def test_frames_and_revised_chances_from_real_articles(sentence, probability):
    candidate = _one(sentence)
    assert candidate.probability == (pytest.approx(probability) if probability is not None else None)


@pytest.mark.parametrize(
    "sentence",
    [
        "We have pencilled in 4% house price gains in 2025.",
        "At the same time, the forecast of the general harvest of Russian grains in 2019 remained at the same level "
        "\u2014 120 mln tonnes.",
        "The Ministry of Agriculture expected for formation of the harvest of barley in 2019 at the level of 20.3 mln "
        "tonnes.",
        "The Ministry of Agriculture reduced the forecast of wheat harvest in the current year from the previously "
        "expected level of 78 mln tonnes to 75 mln tonnes.",
    ],
)
def test_a_forecasters_figure_pencilled_in_kept_or_revised_is_likely(sentence):
    assert _one(sentence, published_on=date(2019, 11, 28)).probability == pytest.approx(0.675)


@pytest.mark.parametrize(
    "sentence",
    [
        "Slightly stronger demand should counter rising inventory, ensuring continued house price growth in 2025.",
        "This comes after a recent study predicting that 80% of municipal bus fleets around the world would "
        "transition to electric by 2040.",
    ],
)
def test_a_should_that_counters_and_a_study_predicting_are_likely(sentence):
    assert _one(sentence, published_on=date(2018, 6, 1)).probability == pytest.approx(0.675)


def test_a_speakers_hope_about_next_year_is_likely_not_a_projections_would():
    sentence = (
        "I would hope that by this time next year, the domestic will have recovered, largely, to pre-crisis levels."
    )
    candidate = _one(sentence, published_on=date(2020, 5, 1))
    assert candidate.probability == pytest.approx(0.675)
    assert candidate.claim.startswith("The domestic will have recovered by this time next year")


@pytest.mark.parametrize(
    "sentence",
    [
        # any capitalised name, or "who", before "expects", whatever the object opens with
        "Penn expects Q3 to be up 10% which is above the high side of most corporate guidance.",
        "A cheerful forecast for the semiconductor market comes from Semico who expect 6-8% growth for the year.",
        # a forecaster's pick among figures
        "Gartner and Future Horizons plump for 4% this year.",
        "IC Insights goes for 3% growth this year.",
        # "is expecting" with its object, not only "is expecting X to"
        "Drewry is expecting a 60 percent reduction in freight rates this year.",
        # "on track for", with an adverb after the verb
        "Under climate change pledges for 2030, the world is currently on track for temperature increases of 2.5 "
        "to 2.9 degrees this century.",
        # "also" between the verb and "on track"
        "We are also on track to beat our emissions budget target from 2021 to 2030.",
    ],
)
def test_a_named_forecasters_expectation_pick_and_track_are_likely(sentence):
    assert _one(sentence, published_on=date(2012, 1, 1)).probability == pytest.approx(0.675)


@pytest.mark.parametrize(
    "sentence",
    [
        "Meanwhile, the real should be favored this semester.",
        "In our view, the Central Bank should maintain its more cautious tone.",
        "The good news is that the recession, when it arrives, should be mild.",
    ],
)
def test_should_with_any_verb_after_a_third_person_subject_is_likely(sentence):
    assert _one(sentence, published_on=date(2024, 1, 1)).probability == pytest.approx(0.675)


@pytest.mark.parametrize(
    "sentence",
    [
        "You should also note that a handful of times over the last 20 years, big price winners have gone on to win.",
        "For clarity, we should add that preseason odds-setting sometimes throws up multiple favourites.",
        "Several factions argue that the increase should be financed with bonds.",
        "Anyone writing about the next federal election should begin with a little humility.",
        "Nor should anyone expect a thaw.",
        "But there is this should not be a gloom and doom scenario.",
        # holdout-12, think-tank-offthechartsblog-cbpp-debt-2014: advice to those who act
        "But policymakers and the public should not ignore the long-run budget problems.",
        "Lawmakers should address the need for measures to reduce longer-term deficits.",
    ],
)
def test_should_as_advice_a_duty_or_a_judgement_is_no_forecast(sentence):
    assert extract_candidates(sentence, published_on=date(2024, 1, 1)) == []


def test_a_should_be_possible_stays_a_possibility():
    candidate = _one("A return to growth should be possible by the end of the year.", published_on=date(2025, 6, 1))
    assert candidate.probability is None


@pytest.mark.parametrize(
    ("sentence", "probability"),
    [
        ("India and England are near certainties to reach the semi-finals.", 0.97),
        ("Then Pakistan and Australia are a toss of the coin.", 0.5),
        ("The win I see as a toss up, so I'm going with New England.", 0.5),
        # Stidmatt's election newsletter
        ("Georgia, North Carolina, and Pennsylvania are pure tossups.", 0.5),
    ],
)
def test_near_certainties_and_a_toss_of_the_coin_are_chance_phrases(sentence, probability):
    assert _one(sentence, published_on=date(2019, 5, 28)).probability == pytest.approx(probability)


@pytest.mark.parametrize(
    "sentence",
    [
        # any subject, when what is seen or expected is a change
        "Canadian National Railway believes the economy has touched bottom and Canada's largest railroad expects a "
        "gradual recovery, rather than a robust V-shaped rebound.",
        "Thanks to the contributions of TSMC, he sees more revolutionary development in the future.",
        "Economists at the major banks also project similar declines in GDP echoing economic deceleration.",
        "In-form Iga Swiatek is our favourite as she bids to triumph in the women's singles at Wimbledon.",
        # a fact stated as one is still the speaker's forecast
        "And that's including the fact that we see a high risk of a U.S. recession.",
    ],
)
def test_a_change_seen_or_expected_by_any_subject_and_our_favourite_are_likely(sentence):
    assert _one(sentence, published_on=date(2017, 10, 24)).probability == pytest.approx(0.675)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Wizards will need to win out and get some help to sneak in.",
        "The Canadian general election will be held on 19 October.",
        "This article is an exercise in trying to predict what will happen if the matches are repeated again.",
        "Prediction: a statement about what will happen or might happen in the future",
    ],
)
def test_a_requirement_a_schedule_and_the_future_as_a_topic_are_no_forecasts(sentence):
    assert extract_candidates(sentence, published_on=date(2016, 4, 1)) == []


def test_a_forecast_told_from_a_previous_report_is_no_forecast():
    sentence = (
        "Last year's report by the agency put the odds of temporary warming by 1.5 C above preindustrial levels at "
        "about 50-50."
    )
    assert extract_candidates(sentence, published_on=date(2023, 5, 17)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Taking the average of these three, we get a \u201cbest guess\u201d of 42 Wildrose seats, 37 PC seats and "
        "4 NDP seats.",
        "That's pretty close to my prediction of WR 44, PC 35, NDP 4, Lib 4, AP 0.",
        "The largest shifts in disease burden are expected in regions with currently low life expectancies.",
        "Predictions in recent weeks have ranged from a price rise of 5% this year to a drop of 10%.",
    ],
)
def test_a_guess_with_its_figures_where_it_is_expected_and_a_range_of_forecasts_are_likely(sentence):
    assert _one(sentence, published_on=date(2012, 4, 20)).probability == pytest.approx(0.675)


@pytest.mark.parametrize(
    "sentence",
    [
        "The GDP growth forecasts for 2025 vary.",
        "For the purposes of this project we stop the clock on our forecast at the year 2030.",
    ],
)
def test_forecasts_that_vary_and_a_forecast_horizon_are_no_forecast(sentence):
    assert extract_candidates(sentence, published_on=date(2024, 6, 1)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We still have the expectation that the Selic will retreat in the middle of next year.",
        "Following the election, it is anticipated that he will collaborate with the PDI-P.",
        "Drewry feels it won't be until 2026 that fleet and demand growth will be in sync.",
    ],
)
def test_a_will_inside_a_stated_expectation_or_feeling_is_likely_and_not_until_is_no_denial(sentence):
    assert _one(sentence, published_on=date(2023, 1, 1)).probability == pytest.approx(0.675)


def test_a_chance_phrase_after_a_stated_chance_is_a_forecast_of_its_own():
    sentence = (
        "Next up, South Africa and New Zealand have an 80 to 90 per cent chance, then Pakistan and Australia are a "
        "toss of the coin."
    )
    found = extract_candidates(sentence, published_on=date(2019, 5, 28))
    assert [c.probability for c in found] == [pytest.approx(0.85), pytest.approx(0.5)]


def test_a_change_one_can_predict_or_wants_to_see_is_no_forecast():
    for sentence in (
        "It is foolish to think we can predict a recession with certainty.",
        "Investors want to see growth in earnings before they buy.",
    ):
        assert extract_candidates(sentence, published_on=date(2023, 1, 2)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-9, outlook-madeinchina-usda-crops-2015: a subject far from its verb, a quantity as the object
        "By comparison, USDA's agricultural baseline, based on conditions in late 2014, projects a corn crop of "
        "13.445 billion bushels this year, along with 3.820 bushels of soybeans and 2.155 million bushels of wheat.",
        "USDA now sees corn plantings 1 million acres larger than it projected last fall.",
    ],
)
def test_any_subject_that_projects_or_sees_a_quantity_forecasts_it(sentence):
    assert _one(sentence, published_on=date(2015, 2, 20)).probability is not None


def test_a_quantity_one_can_predict_or_the_noun_forecasts_is_no_forecast():
    for sentence in (
        "Nobody can predict a crop of 14 billion bushels.",
        "Twelve months, ten questions: my forecasts for 2025",
    ):
        assert extract_candidates(sentence, published_on=date(2015, 2, 20)) == []


@pytest.mark.parametrize(
    ("sentence", "published_on"),
    [
        # holdout-8, outlook-ibtimes-gartner-it-spending-2012
        (
            "There has been little change in either business confidence or consumer sentiment in the past quarter, so "
            "the short-term outlook is for continued caution in IT spending.",
            date(2012, 7, 10),
        ),
        # holdout-9, op-ed-carmagazine-f1-2010
        ("Again, it's predicted that he will walk all over Massa.", date(2010, 3, 11)),
        # holdout-9, model-cr4globalspec-world-cup-2018: a model's single named pick
        (
            "With the help of different mathematical models, scientists from the Cornell University, in New York, "
            "postulate Spain as a winner.",
            date(2018, 6, 21),
        ),
        # holdout-8, wire-ina-opec-oil-demand-2024: a revision after a possessive
        (
            "In the report, OPEC also cut next year's demand growth estimate to 1.78 million bpd from 1.85 million bpd "
            "previously.",
            date(2024, 9, 10),
        ),
        # holdout-8, wire-tass-wto-trade-2025: a revision with its direction before the object
        (
            "GENEVA, October 7. /TASS/. Experts of the World Trade Organization (WTO) revised upward the forecast of "
            "the world merchandise trade volume growth this year from 0.9% to 2.4%, according to the report posted on "
            "the organization's website.",
            date(2025, 10, 7),
        ),
        # holdout-9, statement-pig333-fao-cereals-2016: a revision in the passive
        (
            "At the same time, the forecast for global cereal stocks was raised to 642 million tonnes.",
            date(2016, 6, 2),
        ),
    ],
)
def test_an_outlook_for_a_pick_as_winner_and_revisions_with_their_figure(sentence, published_on):
    assert _one(sentence, published_on=published_on).probability is not None


def test_a_projection_ending_on_for_or_a_revision_without_its_figure_is_no_forecast():
    for sentence in (
        "Nevertheless, it is worth pointing out that the IMF's central projection is for",
        "At the same time, the forecast for global cereal stocks was raised.",
    ):
        assert extract_candidates(sentence, published_on=date(2016, 6, 2)) == []


@pytest.mark.parametrize(
    ("sentence", "published_on"),
    [
        # holdout-7, outlook-tomshardware-semiconductors-2005: an outlook for a change, after a possessive
        (
            "This is in line with iSuppli's outlook for mid-single-digit growth for worldwide semiconductor revenue "
            "in 2005.",
            date(2005, 3, 1),
        ),
        # holdout-7, newsletter-buysidebrazil-selic-2024: a revision in brackets after the estimate
        (
            "The balance of risks is tilted, with a downward bias on our 2024 inflation estimate (revised from 3.8% "
            "to 3.7%).",
            date(2024, 3, 1),
        ),
    ],
)
def test_an_outlook_for_a_change_and_a_revision_in_brackets(sentence, published_on):
    assert _one(sentence, published_on=published_on).probability is not None


def test_an_outlook_for_something_else_is_no_forecast():
    assert (
        extract_candidates("Their outlook for the sector has been discussed at length.", published_on=PUBLISHED) == []
    )


@pytest.mark.parametrize(
    ("sentence", "published_on"),
    [
        # holdout-9, interview-mic-second-wave-2020
        (
            "Because of its size and diversity, California is \u201cmore of a mixed bag,\u201d almost a microcosm of "
            "the entire country, where we can expect to see a discernable second wave in some places, and a "
            "blurring of the first and second waves in others.",
            date(2020, 9, 15),
        ),
        # holdout-8, op-ed-propertyupdate-house-prices-2021: the central scenario for what, continued
        (
            "Given the latest data and forecasts, the central scenario for the economy continued to be consistent with "
            "the cash rate remaining at its current level until 2024",
            date(2021, 12, 6),
        ),
    ],
)
def test_what_one_can_expect_to_see_and_a_central_scenario_for_something(sentence, published_on):
    found = extract_candidates(sentence, published_on=published_on)
    assert found
    assert all(c.probability is not None for c in found)


def test_a_baseline_that_assumes_a_policy_is_no_forecast():
    text = "The baseline forecast assumes that current US policy prevails with only modest changes"
    assert extract_candidates(text, published_on=PUBLISHED) == []


def test_none_likely_takes_the_band_of_what_it_denies():
    # holdout-9, newsletter-moviepilot-box-office-2016
    found = extract_candidates(
        "While 3 new films are opening nationwide and all are likely to do decent business, none are likely to break "
        "out in a major way.",
        published_on=date(2016, 3, 11),
    )
    assert [c.probability for c in found] == [0.675, 0.325]


def test_a_case_named_with_its_chance_as_a_compound_adjective():
    # holdout-8, scenarios-oxfordeconomics-tariffs-2024
    sentence = (
        "Scenario 3 is an extreme, low-probability case in which Trump resorts to presidential powers not used in "
        "generations to immediately implement blanket tariffs of 45% on China and 15% on the rest of the world."
    )
    found = extract_candidates(sentence, published_on=date(2024, 12, 1))
    assert found[0].probability == 0.125


def test_a_models_central_figure_is_a_forecast():
    # holdout-8, model-dailykos-australia-election-2013
    candidate = _one("The median outcome is 78 seats to the Coalition and 69 to Labor.", published_on=date(2013, 8, 9))
    assert candidate.probability == 0.675
    assert extract_candidates("The median outcome is uncertain.", published_on=date(2013, 8, 9)) == []


def test_a_predicted_figure_as_a_label_is_read_not_dropped_as_a_heading():
    # real lines of holdout-11's box-office newsletter; a forecast's update date is no figure
    text = (
        "1. Predator: Badlands\n\nPredicted Gross: $27.6 million\n\n2. Regretting You\n\nForecast update: 6 March 2015"
    )
    (candidate,) = extract_candidates(text, published_on=date(2025, 11, 6))
    assert candidate.quote == "Predicted Gross: $27.6 million"


@pytest.mark.parametrize(
    "sentence",
    [
        # real sentences of holdout-10 and holdout-11
        "The experts expect the dollar to trade in between 15.20 to 15.30 pesos by the end of the year.",
        "By 2021, IDC sees 1.5 billion Android phones shipping with an average selling price of $198.",
        "In 2007, the experts estimated a rise of 0.5 metres by 2100.",
        pytest.param(
            "Now, the WHO just predicted up to 4 million cases of Zika are coming to South and also North America this "
            "year.",
            id="holdout-22 interview-wutc-fauci-zika-2016",
        ),
    ],
)
def test_a_forecasters_expectation_or_figure_is_a_forecast(sentence):
    (candidate,) = extract_candidates(sentence, published_on=date(2017, 6, 1))
    assert candidate.probability == pytest.approx(0.675)


def test_a_forecaster_that_estimates_a_quantity_to_be_a_figure_forecasts_it():
    # holdout-25, outlook-techmonitor-intel-pc-2015: the figure for this year and the one chained to 2019
    sentence = "IDC estimates total 2015 volume to be 293.1 million PCs and 291.4 million in 2019."
    found = extract_candidates(sentence, published_on=date(2015, 3, 13))
    assert [(c.probability, c.deadline.year) for c in found] == [(0.675, 2015), (0.675, 2019)]


def test_a_forecaster_who_sees_no_figure_is_not_a_forecast():
    assert extract_candidates("IDC sees the appeal of bigger screens.", published_on=date(2017, 6, 1)) == []


def test_a_qualified_institution_that_forecasts_something_doing_a_figure_is_a_forecast():
    # holdout-10's Banxico wire
    text = (
        "The central bank now forecasts inflation reaching its 3% target in the second quarter of 2027, "
        "extending from the previous forecast of the current year."
    )
    (candidate,) = extract_candidates(text, published_on=date(2026, 1, 9))
    assert candidate.probability == pytest.approx(0.675)
    assert candidate.deadline.year == 2027


def test_an_emphatic_do_expect_is_an_expectation():
    # holdout-11's flu-season wire
    text = "So far the virus has been pretty well matched, so we do expect there to be fewer deaths this time around."
    (candidate,) = extract_candidates(text, published_on=date(2018, 1, 10))
    assert candidate.probability == pytest.approx(0.675)


def test_a_negation_glued_to_its_verb_turns_the_adjective_down():
    # holdout-12, op-ed-iolaregister-trade-war-2018
    candidate = _one("A trade war isn\u2019t likely to help rebalance trade in a meaningful way by 2019.")
    assert candidate.probability == 0.325


def test_an_institution_with_a_qualifier_forecasts_as_it_expects():
    # holdout-12, outlook-bbj-mnb-inflation-2017: "forecasts" is the verb after "the Hungarian government"
    candidate = _one("The Hungarian government forecasts GDP growth to accelerate to 4.1% this year.")
    assert candidate.probability == 0.675
    assert candidate.estimative_phrase == "The Hungarian government forecasts"


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-12, newsletter-internationalfinancialnews-fed-week-2025; holdout-2, newsletter-capitalspectator
        "Traders are confident the Fed will lower its key overnight lending rate next week.",
        "The crowd is confident that the Federal Reserve will start trimming its target rate in September.",
        "My very strong suspicion is that the Fed will cut next week.",
    ],
)
def test_others_plain_confidence_and_a_very_strong_suspicion_are_very_likely(sentence):
    assert _one(sentence).probability == 0.875


def test_ones_own_reasonable_confidence_stays_likely():
    assert _one("I'm reasonably confident that home prices won't be increasing in November.").probability == 0.675


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-61, statement-nationalgrideso-winter-outlook-2021
        "Margins are well within the reliability standard and therefore we are confident that there will be enough "
        "capacity available to keep Britain’s lights on this winter.",
        # holdout-57, scenarios-forecasters-techcast-ai-jobs-2017
        "I am confident that we will have human-level AI by 2025.",
        # holdout-64, interview-cryptocoinstart-demirors-crypto-winter-2022: the imperative with an adverb of certainty
        "“Certainly expect more pain ahead for tech stocks, growth, and also crypto in 2022.”",
    ],
)
def test_ones_own_unqualified_confidence_and_a_certain_expectation_are_very_likely(sentence):
    assert _one(sentence).probability == 0.875


def test_an_expectation_nobody_holds_is_unlikely():
    # holdout-63, op-ed-commondreams-trump-cease-fires-2025
    found = _one("No serious analysts, including those in Russia, expect this cease-fire to hold in 2025.")
    assert found.probability == 0.325
    # not the interjection before a belief
    assert _one("No, we expect prices to rise in 2025.").probability == 0.675


def test_what_wont_stop_until_a_level_is_hit_will_hit_it():
    # holdout-61, newsletter-pattimccarty-oil-200-a-barrel-2008
    assert _one("It won’t stop until it hits at least twice that.").probability == 0.97


def test_should_opening_a_clause_before_its_subject_is_a_condition():
    # holdout-13, scenarios-spglobal-autonomous-vehicles-2018
    candidate = _one(
        "However, should the revolution follow our high disruption scenario, the effects on society will be "
        "profound and far-reaching."
    )
    assert candidate.probability == 0.97


def test_a_hedge_right_after_the_frame_is_the_estimate():
    # holdout-13, op-ed-filmfactual-oscars-best-picture-2023
    candidate = _one("Elvis is set to potentially win a handful of prizes this year.")
    assert candidate.probability is None
    assert _one("Elvis is set to win a handful of prizes this year.").probability == 0.675


def test_little_or_nothing_being_likely_is_unlikely():
    # holdout-13, op-ed-filmfactual-oscars-best-picture-2023
    found = extract_candidates("It should win Best Actor, but little beyond that is likely.", published_on=PUBLISHED)
    assert [c.probability for c in found] == [0.675, 0.325]


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-11, op-ed-theweek-premier-league-2014
        "There's also a very good chance that Chelsea will win the league by May 2015.",
        # holdout-9, wire-universityherald-asteroid-2013
        "With more observations, I fully expect we will be able to rule out any impact by 2032.",
    ],
)
def test_a_very_good_chance_and_a_full_expectation_are_very_likely(sentence):
    assert _one(sentence).probability == 0.875


def test_what_you_would_expect_is_likely():
    # holdout-13, interview-poconorecord-collins-vaccine-2020: the expectation, not the "possibly" after it
    found = extract_candidates(
        "Following that, but not until the fall, you'd expect to see a phase three trial, and possibly an "
        "opportunity to scale this up.",
        published_on=date(2020, 5, 20),
    )
    assert found[0].probability == 0.675
    assert found[0].estimative_phrase == "you'd expect"


def test_the_target_a_forecast_is_set_against_is_no_price_target():
    # tune, statement-cnb-press-conference-2013: the plain "will" speaks
    assert _one("Headline inflation will therefore be below the target of 2% in 2014.").probability == 0.97
    assert _one("Its price target for the S&P 500 is 4,850 by the end of 2024.").probability == 0.675


def test_a_new_edition_of_an_outlook_projects_as_the_outlook_does():
    """Central Missouri Info, 2020: "The updated FAPRI outlook projects the average price of corn this year to
    drop to $3.24 a bushel, before rebounding to $3.39 next year."."""
    text = (
        "The updated FAPRI outlook projects the average price of corn this year to drop to $3.24 a bushel, "
        "before rebounding to $3.39 next year."
    )
    found = extract_candidates(text, published_on=PUBLISHED)
    assert [c.probability for c in found] == [pytest.approx(0.675)] * 2


def test_a_coin_flip_that_names_a_kind_of_race_is_no_chance():
    """Beech270, 2018: "We expect Democrats to make Election Night very interesting with narrow wins in coin-flip
    states"."""
    candidate = _one(
        "We expect Democrats to make Election Night very interesting with narrow wins in coin-flip states."
    )
    assert candidate.probability == pytest.approx(0.675)
    assert _one("The Senate race is a coin-flip.").probability == pytest.approx(0.5)


def test_a_race_that_could_go_either_way_is_even():
    """stidmatt's 2024 election newsletter: "The House could go either way."."""
    candidate = _one("The House could go either way in 2024.")
    assert candidate.probability == pytest.approx(0.5)


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-21, outlook-mortgagenewsdaily-nar-forecast-2019
        "The projection for the Gross Domestic Product (GDP) next year is 2.0 percent, dipping to 1.9 percent in 2021.",
        # holdout-21, statement-thailandbusinessnews-bot-2022
        "Core inflation projection is close to the previous assessment at 2.6%, 2.5%, and 2.0% in 2022, 2023, and "
        "2024, respectively.",
    ],
)
def test_a_projection_told_as_its_figure_is_likely(sentence):
    found = extract_candidates(sentence, published_on=date(2019, 12, 15))
    assert found
    assert all(c.probability == pytest.approx(0.675) for c in found)


def test_a_projection_without_its_figure_is_no_forecast():
    # the sentences of a page's methods: no figure follows what the forecast is
    assert extract_candidates("The forecast is updated regularly.", published_on=PUBLISHED) == []
    assert extract_candidates("The forecast for the country models is really good.", published_on=PUBLISHED) == []


def test_two_forecast_verbs_joined_by_or_are_one_expectation_and_its_denial():
    """NPR's interview of Anthony Fauci on Zika, January 2016."""
    denied = _one("We do not predict or expect that we will have an explosive, millions-of-people outbreak.")
    assert denied.probability == 0.325
    assert denied.claim.startswith("We will have an explosive, millions-of-people outbreak")
    # a verb that is no forecast joined to "expect" stays what it was
    assert extract_candidates("We hope or expect nothing in particular.", published_on=PUBLISHED) == []


def test_not_being_surprised_that_a_thing_happens_leans_towards_it():
    """NPR's interview of Anthony Fauci on Zika, January 2016."""
    sentence = (
        "We would not be surprised that that would happen in small clusters because we've seen that with similar "
        "viruses, like dengue."
    )
    candidate = _one(sentence, published_on=date(2016, 1, 29))
    assert candidate.probability == 0.675
    assert candidate.claim.startswith("That will happen in small clusters")


def test_an_institution_that_has_estimated_a_figure_forecasts_it():
    """The Energy Forum on India's power ministry, 2024."""
    sentence = "The power ministry has estimated around 260 GW of peak demand during this summer season."
    assert _one(sentence, published_on=date(2024, 4, 1)).probability == 0.675
    # holdout-16: a degree of warming once predicted, set beside the year's readings, is not read as a figure
    past = (
        "The forecasters predicted around 1C of warming, and estimates for January to October are showing "
        "temperatures around 0.96C above pre-industrial levels."
    )
    assert extract_candidates(past, published_on=date(2015, 11, 1)) == []


@pytest.mark.parametrize(
    ("sentence", "published_on"),
    [
        # India Bullion, an interview, October 2008
        ("We are expecting another 50 basis point cut, so 4.5% by March end.", date(2008, 10, 15)),
        # Home & Textiles Today, July 2011, on Ross Stores
        (
            "The off-price retailer is now forecasting earnings per share for the second quarter ending July 30 to be "
            "$1.20-$1.22.",
            date(2011, 7, 15),
        ),
        # Japan Today (AFP), December 2025, on IATA
        (
            "International airlines expect to transport a record 5.2 billion passengers in 2026 despite global "
            "headwinds affecting the sector, the industry's trade association said on Tuesday.",
            date(2025, 12, 9),
        ),
    ],
)
def test_an_expectation_in_these_forms_is_a_likely_forecast(sentence, published_on):
    assert _one(sentence, published_on).probability == 0.675


def test_a_figure_projected_for_whom_is_likely():
    # holdout-24, think-tank-projectrace-brookings-census-2018: one forecast of three figures, "respectively"
    sentence = (
        "Among the minority populations, the greatest growth is projected for multiracial populations, Asians and "
        "Hispanics with 2018\u20132060 growth rates of 175, 93, and 85 percent, respectively."
    )
    candidate = _one(sentence, published_on=date(2018, 3, 15))
    assert candidate.probability == pytest.approx(0.675)
    assert candidate.deadline.year == 2060


def test_a_numbered_scenario_with_its_outcome_in_brackets_and_a_possible_change_are_forecasts():
    # holdout-24, scenarios-centreforaviation-unwto-tourism-2020
    text = (
        "Scenario 2 (-70%) based on the gradual opening of international borders and easing of travel "
        "restrictions in early Sep-2020;"
    )
    assert _one(text, published_on=date(2020, 5, 8)).deadline.year == 2020
    text = "Current scenarios point to possible declines in arrivals of 58% to 78% year-on-year."
    assert _one(text, published_on=date(2020, 5, 8)).probability is None


def test_a_date_judged_a_reasonable_estimate_is_likely():
    # holdout-24, newsletter-instapundit-artemis-2022
    text = (
        "Given the bloat and delay baked into most big space programs today, 2028 is actually a pretty reasonable "
        "estimate for Artemis III."
    )
    candidate = _one(text, published_on=date(2022, 11, 15))
    assert candidate.probability == pytest.approx(0.675)
    assert candidate.deadline.year == 2028


def test_an_institution_that_puts_a_figure_at_a_level_forecasts_it():
    # holdout-24, wire-mercopress-fao-cereals-2013
    text = "FAO now puts world wheat output in 2013 at 704 million tons, an increase of 6.8%."
    candidate = _one(text, published_on=date(2013, 7, 26))
    assert candidate.probability == pytest.approx(0.675)
    assert candidate.deadline.year == 2013


def test_a_years_revised_estimate_told_as_its_figure_is_likely():
    # holdout-24, outlook-screendaily-box-office-2024
    text = "The 2024 revised estimate is 18% behind an average of the last three pre-pandemic years (2017-2019)."
    candidate = _one(text, published_on=date(2024, 4, 5))
    assert candidate.probability == pytest.approx(0.675)
    assert candidate.deadline.year == 2024


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-27: a forecast in progress of a quantity named before its figure or year
        "The air line is expecting return on invested capital of more than 13%, compared with earlier guidance of low "
        "double-digit growth.",
        "But before homeowners start liquidating assets, ANZ is predicting calmer seas for 2024, with price rises "
        "across all capitals.",
        # ... and "it's expecting" a quantity with a hyphenated word before its "to"
        "The carrier said it's now expecting 2023 per-share earnings to come in at the top of its range of $5 to $6.",
    ],
)
def test_a_quantity_being_expected_or_predicted_with_its_figure_or_year_is_likely(sentence):
    assert _one(sentence, published_on=date(2023, 7, 1)).probability == pytest.approx(0.675)


def test_everyone_predicting_an_event_without_a_figure_or_year_is_no_forecast():
    assert extract_candidates("But in this one, everyone is predicting a recession.", published_on=PUBLISHED) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-29: guidance moved or kept, told in the passive with its range
        "Annual copper production was lifted to a range of 1,535 kt to 1660 kt, from 1,510 to 1,645 kt previously.",
        "Iron ore production estimate was maintained at 245 to 255 Mt, but volumes were expected to be in the upper "
        "half of the guidance range as a result of strong performance at WAIO, the company said.",
    ],
)
def test_guidance_moved_or_kept_in_the_passive_with_its_range_is_a_forecast(sentence):
    assert extract_candidates(sentence, published_on=date(2021, 4, 21))


def test_a_would_in_a_question_said_to_be_open_is_no_marker():
    # holdout-38, wire-koreaherald-bok-growth-forecast-2018
    sentence = (
        "Lee said it remains to be seen how the wage hike would impact consumer prices and overall economic growth."
    )
    assert find_markers(sentence, 0, len(sentence)) == []


def test_a_forecast_for_something_that_is_in_line_with_another_is_a_noun_not_a_forecaster_forecasting():
    # holdout-38, wire-koreaherald-bok-growth-forecast-2018
    sentence = (
        "The latest GDP forecast for Asia's fourth-largest economy is in line with the government's economic outlook."
    )
    assert find_markers(sentence, 0, len(sentence)) == []


def test_an_expectation_denied_by_a_negation_glued_to_its_verb_is_unlikely():
    # holdout-36, wire-qz-high-school-graduates-2016
    sentence = "The number of new grads isn\u2019t expected to climb for the next seven years."
    assert _one(sentence, published_on=date(2016, 12, 15)).probability == pytest.approx(0.325)


def test_the_least_likely_of_options_weighed_is_unlikely():
    # holdout-25, scenarios-zerohedge-greece-default-2015
    sentence = "Of the five scenarios that could play out for Greece, a happy ending is the least likely."
    assert _one(sentence, published_on=date(2015, 6, 1)).probability == pytest.approx(0.325)


@pytest.mark.parametrize(
    ("sentence", "probability"),
    [
        # holdout-35, wire-hillcountrynews-fed-cuts-survey-2019: a possibility rejected or an idea dismissed
        (
            "Economists also roundly rejected the possibility the Fed will opt to cut rates by a half-percentage "
            "point when they do decide to ease.",
            0.125,
        ),
        (
            "The group also dismissed the idea that President Donald Trump would move to demote Fed Chairman Jerome "
            "Powell, whom he has repeatedly criticized for keeping rates too high.",
            0.125,
        ),
        # holdout-34, interview-talkingpointsmemo-pew-kohut-2010: no way to it at all
        (
            "And the pollster says there\u2019s practically no conceivable way that Democrats can turn it around in "
            "the next two days.",
            0.03,
        ),
    ],
)
def test_a_possibility_denied_is_very_unlikely_and_no_way_to_it_is_remote(sentence, probability):
    assert _one(sentence, published_on=date(2019, 6, 28)).probability == pytest.approx(probability)


def test_grounds_for_an_expectation_denied_is_unlikely():
    # holdout-38, newsletter-treasuryone-rand-fx-view-2024
    sentence = (
        "There is also no obvious reason to expect that GDP growth will pick up meaningfully, especially since global "
        "growth is expected to slow down."
    )
    assert _one(sentence, published_on=date(2024, 5, 1)).probability == pytest.approx(0.325)


def test_a_pundit_who_fancies_a_contender_to_win_makes_a_likely_pick():
    # holdout-39, newsletter-f1statblog-f1-predictions-2016
    text = (
        "As always I\u2019ll start with the championships, Mercedes will win the Constructors\u2019 Championship, but "
        "I fancy Rosberg to take the Drivers\u2019 Championship this year with Hamilton and Vettel close behind."
    )
    found = extract_candidates(text, published_on=date(2016, 3, 15))
    assert "I fancy Rosberg" in found[-1].quote
    assert found[-1].probability == pytest.approx(0.675)


def test_an_expectation_in_reported_speech_is_the_speakers_own_and_likely():
    # holdout-37, statement-harareherald-kenya-cbk-2023
    text = (
        "Njoroge, who will leave the post mid-next month after eight years, said he expected the farming sector to "
        "rebound strongly due to the base effects of last year\u2019s contraction, and adequate rainfall across the "
        "country."
    )
    assert _one(text, published_on=date(2023, 5, 31)).probability == pytest.approx(0.675)


def test_see_after_will_is_the_wills_verb_not_a_forecasters():
    found = _one("He said that the sector will also see a 4.5 percent compound annual growth rate in 2024.")
    assert (found.probability, found.estimative_phrase) == (0.97, "will")


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-43, model-stonehaven-uk-election-mrp-2024
        "Each simulation uses data within the likely ranges to predict potential election outcomes.",
        "At the firm we find it far more informative to consider the range of likely outcomes.",
        # holdout-30
        "Then the model calculates the likely outcome of matches.",
    ],
)
def test_likely_before_outcomes_a_method_weighs_none_named_is_no_marker(sentence):
    assert not [m for m in find_markers(sentence, 0, len(sentence)) if m.kind == "adjective"]


@pytest.mark.parametrize(
    "sentence",
    [
        "I expect the index to stay within these two likely outcomes of between 1235 and 1430.",
        "Gridlock is considered the relatively most likely scenario.",
        "The most likely outcome is a continuation of the current truce.",
    ],
)
def test_likely_outcomes_with_a_figure_or_named_keep_their_marker(sentence):
    assert [m for m in find_markers(sentence, 0, len(sentence)) if m.kind == "adjective"]


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-40, model-abovenota-clinton-trump-2016
        "Here is the list of states, from most likely to go Republican to most likely to go Democratic.",
        # holdout-22
        "There are three main scenarios, from the most likely to the most unlikely (but still possible).",
    ],
)
def test_a_ranking_from_the_most_likely_to_the_least_is_no_marker(sentence):
    assert not find_markers(sentence, 0, len(sentence))


@pytest.mark.parametrize(
    ("sentence", "probability"),
    [
        # a pundit's pick made by denying the rest (holdout-45, op-ed-si-wimbledon-seeds-2011,
        # op-ed-the42-six-nations-2017)
        ("But it's hard to pick against the best competitor in sports today.", 0.675),
        ("It\u2019s incredibly hard to look beyond England, but the fixtures fall in Ireland\u2019s favour.", 0.675),
        # ... or a pick denied (holdout-45; holdout-48, op-ed-bankerandtradesman-housing-outlook-2022)
        ("But at this stage, it's still hard to pick him to get past Nadal.", 0.325),
        ("It\u2019s hard to see how we get another foreclosure tsunami absent a truly severe recession.", 0.325),
        # ... hardly at all, if hard even to picture (holdout-4, op-ed-americanthinker-fed-forecast-2009)
        ("With unemployment still going up, it is hard to imagine much of a recovery this year.", 0.125),
    ],
)
def test_what_a_pundit_finds_hard_to_pick_or_to_picture(sentence, probability):
    assert _one(sentence, published_on=date(2011, 1, 1)).probability == pytest.approx(probability)


def test_what_a_pundit_finds_hard_to_explain_is_no_forecast():
    assert extract_candidates("It is hard to see why the Fed would cut.", published_on=PUBLISHED) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # the favourite with no race named (holdout-45, interview-yahoo-wilander-french-open-2014)
        "For the men, I think Djokovic is the obvious favourite.",
        # a forecaster looking for a change or a figure (holdout-48, wire-richmond-holiday-spending-2020;
        # holdout-44, interview-dukascopy-tulk-canada-2015)
        "It is looking for holiday retail sales to increase between 1% and 1.5% when compared with last year.",
        "We are still looking for a cut in the overall rate to 50 basis points next week.",
        "We are calling for the non-farm payrolls (NFP) report this week to show 190,000 added jobs in July.",
        # a named forecaster who "foresees" (holdout-35, outlook-thepowerisnow-nar-housing-2024)
        "Yun also foresees 1.48 million housing starts in 2024.",
        # guidance named at length before its range (holdout-37, holdout-33)
        "The chipmaker expects adjusted first-quarter revenue in the range of $12.2 billion-$13.2 billion.",
        "The retailer now expects FY23 earnings per share (EPS) in the range of 5.15 dollars and 5.26 dollars.",
        # what a model's run has happen (holdout-45, model-buckleysandnone-australia-election-2019)
        "Our mean forecast has the ALP winning the national two-party preferred vote 50.71% to 49.29%.",
        # "set to" in a "with" clause (holdout-24, holdout-43), or after "both" (holdout-36)
        "Gaming is seeing the biggest growth of any market, with revenue set to surpass $300 billion by 2027.",
        "White students and private-school-educated students are both set to decrease.",
        # what is about to happen (holdout-36, op-ed-newsconquest-college-enrollment-2024; holdout-37)
        "It looks like the opening shots of a trade war are about to be fired.",
        # an easy outcome (holdout-42, newsletter-shockya-box-office-2013)
        "With Scary Movie 5 taking such a significant hit, The Croods should have no trouble keeping the #3 spot.",
        # "ought to" as "should" (holdout-45, op-ed-si-wimbledon-seeds-2011)
        "Murray ought to reach the semis.",
        # "Look for" as "Expect" (holdout-41, op-ed-luckboxmagazine-predictions-2024; holdout-23)
        "Look for a strong rally in November-December, regardless of who wins the election.",
        "I look for potential rallies to stall out in the 350-360 area.",
    ],
)
def test_more_shapes_of_a_likely_outcome(sentence):
    assert _one(sentence).probability == pytest.approx(0.675)


@pytest.mark.parametrize(
    "sentence",
    [
        "Emerging market consumers are looking for greater value from a single device.",
        "The model has been running since 2010.",
        "Unions are calling for the government to raise wages by 5% next year.",
    ],
)
def test_a_search_or_a_models_history_is_no_forecast(sentence):
    assert extract_candidates(sentence, published_on=PUBLISHED) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-51, wire-koreanewsdigest-north-korea-nuclear-test-2016: the negation glued to "will"
        "He speculated that the incoming Trump administration won't likely handle North Korean matters in a hasty "
        "and hurried manner.",
        # holdout-51, outlook-fxpro-eurasia-group-top-risks-2019: "not only" denies nothing
        "This show of strength is not only unlikely to create an effective system of global deterrence.",
    ],
)
def test_wont_likely_and_not_only_unlikely_are_unlikely(sentence):
    assert _one(sentence).probability == pytest.approx(0.325)


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-51, interview-about-syrian-general-2013; holdout-24, interview-cbc-empty-planet-2019: the verb
        # shortened before "not going to"
        "He's not going to leave alive.",
        "When the decline starts, it's not going to stop for a long time.",
    ],
)
def test_a_shortened_verb_not_going_to_is_remote(sentence):
    assert _one(sentence).probability == pytest.approx(0.03)


def test_a_projections_would_not_is_negated():
    # holdout-27, wire-cnbc-reuters-jobless-poll-2009: the "would " marker takes its space with it
    sentence = "the Federal Reserve would not start raising interest rates"
    (marker,) = find_markers(sentence, 0, len(sentence))
    assert marker.kind == "would" and marker.category == "unlikely"


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-20, op-ed-tomwinnifrith-uk-election-2017; holdout-34, scenarios-newizv-guardian-ukraine-2022: the
        # outcome's noun denied
        "UKIP will win no seats.",
        "But there will be no negotiations in these six months between Kyiv and Moscow.",
    ],
)
def test_a_will_whose_object_is_no_something_is_remote(sentence):
    assert _one(sentence).probability == pytest.approx(0.03)


def test_no_before_a_comparison_or_a_named_outcome_denies_nothing():
    # holdout-36, op-ed-newsconquest-college-enrollment; holdout-25, model-ukgeneralelection2015-uk-election-2014
    sentence = "Among the small number of elite colleges and research universities the cliff will be no big deal."
    (marker,) = find_markers(sentence, 0, len(sentence))
    assert marker.category == "almost_certain"
    sentence = "Our current prediction is that there will be no overall majority"
    assert all(m.category != "remote" for m in find_markers(sentence, 0, len(sentence)))


def test_the_speakers_optimism_that_is_a_likely_outcome():
    # holdout-53, interview-malariaawareness-global-fund-malaria-2016
    assert _one("I am optimistic that funding will be increased.").probability == pytest.approx(0.675)


def test_the_columnists_expect_after_a_lead_in_is_likely():
    # holdout-55, op-ed-energyandcarbon-energy-predictions-2018
    sentence = "After Total-Eren and BP-Lightsource, expect Chevron to buy Brookfield."
    assert _one(sentence).probability == pytest.approx(0.675)


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-32, interview-time-pfizer-bourla-vaccine-2020: an adverb before "confident"
        "Pfizer is increasingly confident that its efforts to develop a coronavirus vaccine will be successful.",
        # holdout-35, scenarios-kevinshomeofstuff-oil-2016: "high probability" without its article
        "Worse still, I think there is high probability that we see sub-$20 oil before the first quarter is out.",
    ],
)
def test_growing_confidence_and_a_high_probability_are_very_likely(sentence):
    assert _one(sentence).probability == pytest.approx(0.875)


def test_nothing_to_say_it_will_is_unlikely_and_claims_the_outcome():
    # holdout-23, model-yourinvestmentpropertymag-house-prices-2015
    found = _one("There's nothing to say Melbourne prices will take a tumble.")
    assert found.probability == pytest.approx(0.325)
    assert found.claim.startswith("Melbourne prices will take a tumble")


@pytest.mark.parametrize(
    ("sentence", "probability"),
    [
        # holdout-66, interview-masress-ahram-weekly-egypt-parliament-2010: the spelling as printed
        ("The NDP winning is a forgone conclusion.", 0.97),
        # holdout-66, wire-malescent-reuters-tories-75-percent-2009
        (
            "With Britain in its deepest recession since records began, and a public deficit ballooning, he faces an "
            "uphill battle to extend his party's 12 years in power beyond next year.",
            0.325,
        ),
        # holdout-69, op-ed-timesfreepress-drought-food-prices-2011
        ("There's little hope for help from other producers.", 0.125),
        # holdout-66, statement-independentng-pdp-lagos-by-election-2020: confidence of the win itself
        ("The statement reads the PDP is confident of the victory arising from reports of unverified polls.", 0.875),
    ],
)
def test_a_foregone_conclusion_an_uphill_battle_little_hope_and_confidence_of_victory(sentence, probability):
    assert _one(sentence).probability == pytest.approx(probability)


def test_a_prediction_that_denies_what_will_happen_is_unlikely():
    # holdout-66, model-politicoeu-european-parliament-prediction-2009
    found = _one("They predict that Libertas will not win a single seat in June.")
    assert found.probability == pytest.approx(0.325)
    assert found.claim.startswith("Libertas will win a single seat")


def test_what_one_would_not_expect_is_unlikely():
    # holdout-70, outlook-freshbuzz-capital-economics-home-prices-2024
    found = _one(
        "\u201cGiven the depth [or lack] of inventory, we wouldn\u2019t expect prices to decline,\u201d Thomas Ryan, "
        "North America Economist at Capital Economics, told ResiClub."
    )
    assert found.probability == pytest.approx(0.325)


def test_a_should_inside_an_if_clause_is_a_condition():
    # holdout-27, interview-propertyloans-fannie-mae-duncan-2022
    found = extract_candidates(
        "If we should probably define terms, something over 10% annualized, but I wouldn\u2019t expect that.",
        published_on=PUBLISHED,
    )
    assert [c.estimative_phrase for c in found] == ["I wouldn't expect"]
