"""Scenario outlines: a figure under a dated label in a text that weighs its scenarios."""

from datetime import date

from sources.extraction import extract_candidates
from sources.extraction.outlines import scenario_parts
from sources.extraction.rows import _lines

OUTLINE = (
    "Softer Landing (Baseline)\nProbability: 60%\nLikely\nCauses\n"
    "Companies and consumers more resilient to higher rates\n"
    "2024 Fed Response\nGradual 75-125bp of cuts, starting in Q2 2024\n"
    "Rates Market Reaction\nRates gradually bull steepen\n"
    "Harder Landing\nProbability: 35%\n2024 Fed Response\n150bp or more of cuts, starting in May\n"
)


def test_a_figure_under_a_dated_label_of_a_weighed_scenario_is_a_conditional_forecast():
    found = [c for c in extract_candidates(OUTLINE, published_on=date(2024, 1, 5)) if c.conditional]
    assert [(c.quote, c.deadline.year) for c in found] == [
        ("Gradual 75-125bp of cuts, starting in Q2 2024", 2024),
        ("150bp or more of cuts, starting in May", 2024),
    ]


def test_without_scenario_weights_a_dated_label_over_a_figure_is_no_forecast():
    text = OUTLINE.replace("Probability: 60%\n", "").replace("Probability: 35%\n", "")
    assert scenario_parts(text, _lines(text)) == []


def test_a_label_that_looks_back_is_no_forecast():
    text = "Probability: 60%\n2023 Actual Results\nRates rose 100bp over the year\n"
    assert scenario_parts(text, _lines(text)) == []


def test_a_dated_label_with_its_figure_under_a_weighed_scenario_is_a_conditional_forecast():
    text = (
        "Alternate Scenario - Neutral Growth, Overpriced Stocks (30% Odds)\n\n"
        "There is no recession in the following 12 months.\n\n"
        "2025 S&P 500 Earnings per Share: $260\n\nValuation Multiple: 21\n"
    )
    assert [claim for _, _, claim, _ in scenario_parts(text, _lines(text))] == ["2025 S&P 500 Earnings per Share: $260"]
    found = [c for c in extract_candidates(text, published_on=date(2024, 10, 1)) if c.conditional]
    assert [(c.quote, c.deadline.year) for c in found] == [("2025 S&P 500 Earnings per Share: $260", 2025)]
