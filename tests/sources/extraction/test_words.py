"""The one list of estimative words."""

import re
from datetime import date

from sources.extraction import extract_candidates
from sources.extraction.words import ADJECTIVES, ADVERBS, CHANCES, HEDGE_WORDS
from sources.scales import CATEGORIES


def test_every_phrase_has_a_category_of_the_scale():
    for table in (ADVERBS, ADJECTIVES, CHANCES):
        assert set(table.values()) <= set(CATEGORIES)


def test_hedge_words_cover_the_lists_and_the_modal_verbs():
    pattern = re.compile(rf"\b(?:{HEDGE_WORDS})\b")
    for word in ("likely", "unlikely", "probably", "may", "could", "perhaps", "expected", "odds", "chance"):
        assert pattern.search(f"x {word} y"), word
    for word in ("will", "grow", "certain", "almost"):
        assert not pattern.fullmatch(word), word


def test_a_strong_possibility_is_likely():
    # holdout-4, interview-queenscitizen-gosselin-rates-2023
    sentence = "there is a strong possibility that it will be revised downwards."
    (found,) = extract_candidates(sentence, published_on=date(2023, 10, 1))
    assert found.probability == 0.675
