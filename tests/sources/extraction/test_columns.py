"""Space-laid tables whose rows give two complementary chances."""

from datetime import date

import pytest

from sources.extraction import BASIS_STATED, extract_candidates
from sources.extraction.columns import complementary_rows
from sources.extraction.rows import _lines

PUBLISHED = date(2016, 11, 7)
# the layout of a real model write-up (holdout-3, model-outofplatoscave-senate-2016)
TABLE = (
    "The final Senate forecast\n\n"
    "State Margin SD % Dem win % GOP win Dem senators if dem win GOP senators if GOP win\n"
    "Colorado Bennet (D) 7.4% -1.85 96.78% 3.22% 46 55\n"
    "Indiana Young (R) 0.7% 0.18 42.86% 57.14% 50 51\n"
)


def test_each_row_is_the_chance_of_the_first_chance_column_not_the_margin():
    first, second = extract_candidates(TABLE, published_on=PUBLISHED)
    assert (first.quote, first.probability, first.probability_basis) == (
        "Colorado Bennet (D) 7.4% -1.85 96.78% 3.22%",
        pytest.approx(0.9678),
        BASIS_STATED,
    )
    assert first.claim.startswith("Colorado Bennet (D): Dem win")
    assert second.probability == pytest.approx(0.4286)
    assert first.deadline.year == 2016


def test_numbers_that_do_not_add_up_to_a_hundred_are_not_chances():
    text = TABLE.replace("96.78% 3.22%", "96.78% 13.22%").replace("42.86% 57.14%", "42.86% 7.14%")
    assert complementary_rows(text, _lines(text)) == []


def test_without_chance_columns_in_the_header_a_row_of_percentages_is_not_read():
    text = TABLE.replace("% Dem win % GOP win Dem senators if dem win GOP senators if GOP win", "% Dem % GOP Seats")
    assert complementary_rows(text, _lines(text)) == []
