"""Forecasts reported in a forecaster's words, without a scale word."""

from __future__ import annotations

import pytest

from sources import scales
from sources.extraction.markers import find_markers
from sources.extraction.text import to_plain


def _kinds(sentence: str) -> list[tuple[str, str | None]]:
    plain = to_plain(sentence)
    return [(marker.kind, marker.category) for marker in find_markers(plain, 0, len(plain))]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # holdout-5, statement-nzherald-treasury-budget-2006
        (
            "It is then seen by Treasury as remaining above 3 per cent for the rest of the forecast period "
            "through to 2010.",
            "expect",
        ),
        ("Treasury is picking a quick recovery", "expect"),
        # holdout-5, statement-newsarenaindia-rbi-2024
        ("Das projected real GDP growth for 2024-25 at 7.2 per cent", "expect"),
        (
            "The RBI retained its growth and inflation projections for the current fiscal year at 7.2 per cent "
            "and 4.5 per cent",
            "expect",
        ),
        ("Real GDP growth for Q1 FY26 is also projected at 7.2 per cent", "expect"),
        # what the evidence points to, a level reached
        ("Bond yields and wage behavior all point toward inflation settling at roughly 4%", "expect"),
        # a forecast kept, of a count
        ("The bank maintains its forecast of two rate cuts from the Fed in 2025", "expect"),
        # holdout-5, wire-tradewinds-iea-electric-cars-2023
        ("Electric car sales of 14m are expected this year", "expect"),
        # holdout-5, statement-newsarenaindia-rbi-2024: expected for a stated reason
        ("A degree of relief in food inflation is expected due to the pick-up in the southwest monsoon", "expect"),
        # holdout-5, model-moreincommon-mrp-2024: a headline without its verb
        ("Conservatives set to be nearly wiped out in Wales, holding onto only one seat", "bound"),
        # holdout-5, wire-e360-iea-renewables-2024
        (
            "Renewable power is on pace to produce close to half of the electricity used globally by the end of "
            "this decade",
            "bound",
        ),
    ],
)
def test_a_reported_forecast_is_a_likely_outcome(sentence, kind):
    assert (kind, scales.LIKELY) in _kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # holdout-12, outlook-bbj-mnb-inflation-2017
        "The MNB is predicting 3.6% GDP growth this year",
        # holdout-12, outlook-mortgagestrategy-obr-house-prices-2010: a revision without its article
        "But the independent body lowered expectations for 2011 to 2.1% from 2.3%",
        # holdout-13, wire-northfortynews-csu-hurricanes-2011: the forecast's figure after it
        "The team today maintained its earlier seasonal forecasts, calling for 16 named storms this season.",
        # holdout-12, wire-roughpolished-copper-2024: a change told as a comparative
        "Market analysts predict tighter supplies of copper as a result of higher demand in China",
        # holdout-13, outlook-gulftimes-iata-air-passengers-2018
        "The routes from China to Thailand and to Japan are also seen as growth markets.",
        # holdout-12, model-intuitivefred888-upshot-clinton-2016 ("strong": very likely)
        "Mrs. Clinton is a favorite in 15 states",
    ],
)
def test_a_figure_a_revision_a_comparative_or_a_favourite_told_as_it_goes_is_likely(sentence):
    assert ("expect", scales.LIKELY) in _kinds(sentence)


def test_a_race_ahead_in_the_writers_view_is_likely_and_an_upset_that_would_not_shock_unlikely():
    # holdout-13, op-ed-wolfeatthemovies-oscars-2025
    assert ("expect", scales.LIKELY) in _kinds("While I still think Anora is significantly ahead, it is close.")
    assert ("doubt", scales.UNLIKELY) in _kinds("I wouldn't be completely shocked if it pulled off an upset.")


def test_a_strong_favourite_is_more_than_a_lean_and_a_past_figure_is_no_forecast():
    assert ("expect", scales.VERY_LIKELY) in _kinds("Mrs. Clinton is a strong favorite in 15 states")
    assert not _kinds("He can predict higher prices only in hindsight.")
    assert not _kinds("Growth was 3.6% last year, calling it a recovery.")


@pytest.mark.parametrize(
    "sentence",
    [
        "GDP grew 7.8 per cent last year, and prices were seen by many as too high.",
        "The team is picking up speed.",
        "The Prime Minister set to work on the budget.",
    ],
)
def test_past_facts_and_other_senses_are_no_forecast(sentence):
    assert not any(kind in ("expect", "bound") for kind, _ in _kinds(sentence))


def test_an_estimated_figure_in_a_clause_leaves_its_will():
    # holdout-5, wire-sciencetimes-un-population-2019: "an estimated 733 million" describes a figure;
    # the report's plain "will" stays almost certain ("2013 Average est. $110.00" is still a forecast)
    sentence = (
        "The UN report said Nigeria will be the third most populous country by 2050 with an estimated 733 "
        "million people."
    )
    assert ("will", scales.ALMOST_CERTAIN) in _kinds(sentence)
    assert not any(kind == "expect" for kind, _ in _kinds(sentence))
    assert ("expect", scales.LIKELY) in _kinds("2013 Average est. $110.00")


def test_an_outlook_that_shows_is_a_projection():
    # holdout-5, statement-econotimes-australia-myefo-2023: dated by the forward estimates
    sentence = (
        "The Mid-Year Economic and Fiscal Outlook (MYEFO) shows deficits across all four years of the forward "
        "estimates."
    )
    assert ("predicting", scales.LIKELY) in _kinds(sentence)


def test_a_forecasters_expectation_denied_makes_the_outcome_unlikely():
    assert ("expect", scales.UNLIKELY) in _kinds("On the bright side, she doesn't expect further rate hikes.")
    # ... but an expectation denied until a time is the outcome expected then (holdout-24,
    # interview-airguide-united-airlines-2021)
    sentence = "Kirby said, adding that he doesn\u2019t expect a full return of business travel until 2023."
    assert ("expect", scales.LIKELY) in _kinds(sentence)
    assert ("expect", scales.LIKELY) in _kinds("We don't expect the Fed to cut rates until 2024.")


def test_a_forecasters_figure_in_a_participle_after_a_comma_is_a_prediction_kept_with_its_date():
    """Miami Daily on PIIE: "The analysis forecasts a significant slowdown in US GDP growth, projecting a reduction
    of 0.23 percentage points from baseline in 2025"; Rough & Polished on UBS: "..., predicting London Metal
    Exchange (LME) prices to average $10,500 and $11,000 per ton in 2025 and 2026, respectively"."""
    from datetime import date

    from sources.extraction import extract_candidates

    assert ("predicting", scales.LIKELY) in _kinds(
        "The analysis forecasts a significant slowdown in US GDP growth, projecting a reduction of 0.23 percentage "
        "points from baseline in 2025."
    )
    sentence = (
        "Researchers at UBS said that increasingly tighter supplies of copper in the coming 6 to 12 months could "
        "lead to a deficit of more than 200,000 tons in 2025, predicting London Metal Exchange (LME) prices to "
        "average $10,500 and $11,000 per ton in 2025 and 2026, respectively."
    )
    (found,) = extract_candidates(sentence, published_on=date(2024, 10, 1))
    assert found.probability == pytest.approx(0.675)
    # without a date it is a topic or a method, as "is predicting" is
    assert extract_candidates("He spoke for an hour, predicting doom.", published_on=date(2024, 10, 1)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # NDTV Profit (Bloomberg) on Qatar Airways: the forecaster named after the figure it gives
        "Airlines stand to lose $314 billion in ticket sales this year, the International Air Transport "
        "Association estimates, and it remains unclear when carriers will be able to resume even a partial service.",
        # Central Missouri Info on FAPRI's outlook: a projected figure held
        "Soybeans have a projected average of $8.24 per bushel this year, before rebounding on anticipated export "
        "demand to $8.69 per bushel next year and over $9 in 2022.",
        # South Africa's acting Minister of Health: an expectation in the progressive
        "We are encouraged that the number of vaccinations per day have surpassed 191 000 yesterday at 17H00 and "
        "we are expecting to surpass 250 000 vaccinations per day by next week.",
    ],
)
def test_a_trailing_forecaster_a_projected_figure_and_an_expectation_in_the_progressive(sentence):
    assert ("expect", scales.LIKELY) in _kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The economy grew, the minister says.",
        "We are expecting you at noon.",
        "The team has a projected starter at quarterback.",
    ],
)
def test_a_trailing_speaker_a_guest_expected_and_a_projected_role_are_no_forecasts(sentence):
    assert ("expect", scales.LIKELY) not in _kinds(sentence)


def test_a_revision_in_a_colloquial_verb_with_its_figures_is_a_forecast():
    """Pro Farmer on the USDA's food price outlook."""
    sentence = (
        "While USDA still sees smaller increases in 2023, the agency upped its forecasts to all food prices to rise "
        "3% to 4% (2.5% to 3.5% prior), grocery store prices to increase 2.5% to 3.5% (2% to 3% prior) and "
        "restaurant prices to jump 4% to 5% (3% to 4% prior)."
    )
    plain = to_plain(sentence)
    markers = find_markers(plain, 0, len(plain))
    assert [(m.kind, m.phrase) for m in markers][-1] == ("expect", "upped its forecasts")


def test_a_forecasters_own_projection_in_the_first_person():
    """The Tax Policy Center on CBO's long-term budget outlook."""
    sentence = (
        "Over the next 30 years, we project a debt-to-GDP ratio above 106 percent by 2029, which would be the "
        "highest ratio in U.S. history."
    )
    assert ("expect", scales.LIKELY) in _kinds(sentence)
    assert ("expect", scales.LIKELY) not in _kinds("We project our voices across the hall.")


@pytest.mark.parametrize(
    "sentence",
    [
        # The Yorkshire Post's Premier League predictions
        "I have gone for Manchester United to finish second and not Liverpool.",
        "As for the three to get relegated, I have gone for Southampton, Watford and Cardiff City.",
    ],
)
def test_a_pundits_pick(sentence):
    assert ("expect", scales.LIKELY) in _kinds(sentence)


def test_going_for_a_walk_is_no_pick():
    assert ("expect", scales.LIKELY) not in _kinds("I am going for a walk before the game.")


def test_a_revision_in_the_passive_without_what_the_forecast_is_for():
    """Spam Chronicles on CoreLogic's home price forecast."""
    sentence = "In August, this forecast was revised downwards to a 6% year-on-year increase in home prices."
    assert ("expect", scales.LIKELY) in _kinds(sentence)
