"""Markers kept only in some setting: each pattern's kind and what it matches."""

from sources.extraction.setting_markers import SETTING_MARKERS


def _kinds(sentence: str) -> set[str]:
    return {kind for kind, pattern in SETTING_MARKERS if pattern.search(sentence)}


def test_a_polls_answer_and_a_races_rating():
    assert "poll" in _kinds("Two economists predict a 25-basis-point cut in December.")
    assert "rating" in _kinds("West Virginia and Montana look remarkably safe for Democrats.")


def test_a_headlines_infinitive_and_a_projections_would():
    assert "headline" in _kinds("S&P 500 to Hit 5,000 in 2023: Strategist")
    assert "would" in _kinds("Unemployment would surge to 10% in June.")
    assert "would" not in _kinds("I would like to thank the team.")


def test_a_surveys_share_that_expects():
    assert "poll" in _kinds("only 36% expect Allan Hunsperger or Ron Leech to be elected Monday")
