"""The input rules every interface shares."""

import pytest

from forecasts import rules


@pytest.mark.parametrize(
    ("probability", "shown"), [(0.675, "67.5%"), (0.7, "70%"), (0.3333, "33.33%"), (0.001, "0.1%"), (0.999, "99.9%")]
)
def test_a_probability_reads_as_the_percentage_it_was_entered_as(probability, shown):
    assert rules.probability_percent(probability) == shown
