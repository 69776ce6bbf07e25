"""The input rules every interface shares: the probability as people write it, and as it is shown."""

import pytest

from forecasts import rules
from sources import scales


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.7", 0.7),
        (".7", 0.7),
        ("70", 0.7),
        ("70%", 0.7),
        ("70 %", 0.7),
        (" 12.5 % ", 0.125),
        ("0.5%", 0.005),
        ("99.9", 0.999),
        ("0.001", 0.001),
    ],
)
def test_numbers_are_read_as_fractions_or_percentages(text, expected):
    assert rules.parse_probability(text) == rules.ProbabilityEntry(expected)


@pytest.mark.parametrize(
    ("text", "category", "phrase"),
    [
        ("likely", scales.LIKELY, "likely"),
        ("  Very   Unlikely ", scales.VERY_UNLIKELY, "Very Unlikely"),
        ("roughly even chance", scales.EVEN, "roughly even chance"),
        ("highly improbable", scales.VERY_UNLIKELY, "highly improbable"),
        ("almost certain", scales.ALMOST_CERTAIN, "almost certain"),
    ],
)
def test_a_phrase_takes_the_point_value_of_its_band(text, category, phrase):
    entry = rules.parse_probability(text)
    assert entry == rules.ProbabilityEntry(scales.ICD203.probability(category), phrase)


def test_the_scale_chosen_gives_the_number():
    assert rules.parse_probability("likely", scale="kent").probability == scales.KENT.probability(scales.LIKELY)


@pytest.mark.parametrize("text", ["0", "1", "100", "100 %", "0.0004", "99.99", "150"])
def test_numbers_outside_the_range_are_refused_with_the_range(text):
    with pytest.raises(ValueError, match=r"from 0\.001 to 0\.999"):
        rules.parse_probability(text)


@pytest.mark.parametrize("text", ["", "abc", "70 percent", "likely-ish", "1e-3", "-0.5", "0.7 %%", "NaN", "inf"])
def test_text_that_is_neither_names_what_is_accepted(text):
    with pytest.raises(ValueError) as error:
        rules.parse_probability(text)
    assert str(error.value) == rules.PROBABILITY_ENTRY_MESSAGE
    assert "70 %" in str(error.value) and "likely" in str(error.value)


@pytest.mark.parametrize(
    ("probability", "shown"), [(0.675, "67.5%"), (0.7, "70%"), (0.3333, "33.33%"), (0.001, "0.1%"), (0.999, "99.9%")]
)
def test_a_probability_reads_as_the_percentage_it_was_entered_as(probability, shown):
    assert rules.probability_percent(probability) == shown


@pytest.mark.parametrize(
    ("phrase", "typed", "kept"),
    [
        ("", "likely", "likely"),
        ("", "Very  unlikely", "Very unlikely"),
        ("will probably", "likely", "will probably"),
        ("", "70 %", ""),
        ("may", "0.7", "may"),
    ],
)
def test_words_typed_as_the_probability_fill_only_an_empty_phrase(phrase, typed, kept):
    assert rules.filled_phrase(phrase, rules.parse_probability(typed)) == kept


def test_no_probability_entry_fills_nothing():
    assert rules.filled_phrase("", None) == ""
