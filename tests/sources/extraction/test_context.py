"""What cancels a marker: the words of a forecast without a forecast of the article."""

from datetime import date

import pytest

from sources.extraction import extract_candidates
from sources.extraction.context import CONDITIONAL, PAST_FORECAST, PROJECTION_CONTEXT


@pytest.mark.parametrize(
    "text",
    [
        "It is unclear whether the talks will resume in 2025.",
        "Investors appear to trust that central banks will ease policy in 2025.",
        "Some will say the plan fails in 2025.",
        "Our future decisions will continue to ensure that rates stay restrictive in 2025.",
        "The window for action will not be open forever.",
        "Supporters who said the public will learn to love it in 2025 were wrong.",
    ],
)
def test_cancelled(text):
    assert extract_candidates(text, published_on=date(2024, 5, 1)) == []


def test_the_patterns_the_pipeline_asks():
    assert CONDITIONAL.match("But if inflation remains high, expectations could topple")
    assert PAST_FORECAST.search("Here's the November 2007 forecast for 2008:").group("year") == "2007"
    assert PAST_FORECAST.search("Previous forecasts predicted a drop")
    assert PROJECTION_CONTEXT.search("In the latest projections, GDP")
