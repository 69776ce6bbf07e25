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
        # holdout-4: odds with their percentage beside them, after an opening adverb
        (
            "Additionally, Biden has a better than 19 in 20 (or 97 percent) chance of winning the most votes",
            "Biden will win the most votes",
        ),
    ],
)
def test_the_chance_around_a_proposition_is_dropped(claim, proposition):
    assert without_chance(claim) == proposition


def test_a_claim_without_a_chance_is_left_alone():
    assert without_chance("Inflation will fall to 2% in 2025") == "Inflation will fall to 2% in 2025"
