"""Estimative words to categories: the scales' own terms, in any case and spacing."""

import pytest

from sources import scales


@pytest.mark.parametrize(
    ("phrase", "category"),
    [
        ("likely", scales.LIKELY),
        ("Highly   Improbable", scales.VERY_UNLIKELY),
        ("roughly even chance", scales.EVEN),
        ("chances about even", scales.EVEN),
        ("probably not", scales.UNLIKELY),
        ("almost certain", scales.ALMOST_CERTAIN),
        ("remote", scales.REMOTE),
    ],
)
def test_a_phrase_names_its_category(phrase, category):
    assert scales.phrase_category(phrase) == category


@pytest.mark.parametrize("phrase", ["", "maybe", "likely-ish", "70%"])
def test_words_no_scale_uses_name_no_category(phrase):
    assert scales.phrase_category(phrase) is None


def test_every_band_term_of_every_scale_is_a_phrase():
    for scale in scales.SCALES.values():
        for band in scale.bands.values():
            for term in band.term.split(" / "):
                assert scales.phrase_category(term) is not None, term
