"""Drafted resolution criteria: the quantity, the threshold, the date and who publishes the outcome."""

from datetime import date

import pytest

from sources.extraction import extract_candidates
from sources.extraction.criteria import draft_criteria, publisher_for, threshold_in


@pytest.mark.parametrize(
    ("claim", "publisher"),
    [
        ("Germany's economy will grow by more than 1% in 2025", "official statistics"),
        ("Inflation will be near 4% by end 2021", "official statistics"),
        ("The Fed will cut rates in March", "central bank"),
        ("Labor will win a majority at the next election", "election authority"),
        ("Exports to China will recover in 2024", "customs data"),
        ("Tesla's revenue will top $100 billion in 2025", "company filings"),
        ("Brent will trade above $90 a barrel by June", "benchmark price"),
        ("The ceasefire will hold through the summer", "official announcements"),
    ],
)
def test_the_publisher_follows_what_the_claim_is_about(claim, publisher):
    assert publisher in publisher_for(claim)


def test_criteria_name_quantity_threshold_date_and_source_and_ask_for_a_check():
    criteria, warnings = draft_criteria(
        "Germany's economy will grow by more than 1% in 2025 (by 2025-12-31)", date(2025, 12, 31)
    )
    assert criteria.startswith("Resolves yes if, on or before 2025-12-31, this holds: Germany's economy will grow")
    assert "Threshold: more than 1%" in criteria
    assert "official statistics" in criteria
    assert "check the source, threshold and date" in criteria
    assert warnings == []


def test_criteria_that_cannot_name_a_source_say_so():
    criteria, warnings = draft_criteria("Guardians of the Galaxy 2 will be an amazing movie", date(2018, 3, 24))
    assert criteria  # still drafted, never a placeholder
    assert warnings == ["no obvious publisher of the outcome: name the source that decides it"]


def test_a_missing_claim_is_explained():
    criteria, warnings = draft_criteria("", None)
    assert criteria == ""
    assert "no claim could be drafted" in warnings[0]


def test_conditional_criteria_annul_when_the_condition_fails():
    criteria, _ = draft_criteria("Rates will rise", date(2024, 12, 31), conditional=True)
    assert "annul if the condition is not met" in criteria


def test_threshold_in():
    assert threshold_in("GDP will grow 3.2% this year and 3.1% next") == "3.2%; 3.1%"
    assert threshold_in("The S&P 500 will reach $5,000") == "$5,000"
    assert threshold_in("Rates will rise") is None


def test_every_candidate_has_criteria_and_the_undrafted_parts_are_warned_about():
    text = "Trade with China will likely move toward pre-Covid-19 levels.\n\nInflation may fall in 2023."
    for candidate in extract_candidates(text, published_on=date(2023, 1, 1)):
        assert candidate.criteria.startswith("Resolves yes if")
    undated = extract_candidates(text, published_on=date(2023, 1, 1))[0]
    assert any("deadline is a default" in warning for warning in undated.warnings)
