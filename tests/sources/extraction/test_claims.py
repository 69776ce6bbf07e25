"""The suggested claim."""

from __future__ import annotations

from datetime import date

import pytest

from sources.extraction import (
    Candidate,
    extract_candidates,
)

PUBLISHED = date(2023, 1, 1)


def _one(sentence: str, published_on: date = PUBLISHED, scale: str = "icd203") -> Candidate:
    found = extract_candidates(sentence, published_on=published_on, scale=scale)
    assert len(found) == 1, found
    return found[0]


def test_suggested_claim_is_positive_and_dated():
    candidate = _one("These changes will not transform the economy in 2023.")
    assert candidate.claim == "These changes will transform the economy in 2023 (by 2023-12-31)"
    assert candidate.probability == pytest.approx(0.03)
