"""Forecast extraction: article text in, proposed forecasts out. Pure: no Django, no database.

The steps, each in its own module: text (the same-length plain copy), lexicon (word lists shared
with metadata reading), segments (blocks, list items, sentences), words and markers (estimative
words and stated numbers), context (what cancels a marker), clauses and chains (where a sentence
holds several forecasts), timex (time expressions to deadlines), rows (tables and scenario
lines), attribution (who forecasts), claims (the positive proposition), criteria (drafted
resolution criteria), candidate (the proposed forecast), candidates (the pipeline).
docs/extraction.md describes the rules.
"""

from .candidates import Candidate, extract_candidates, needs_publication_date
from .claims import suggest_claim
from .flags import (
    BASIS_NONE,
    BASIS_PHRASE,
    BASIS_STATED,
    DEADLINE_APPROXIMATE,
    DEADLINE_CONTEXT,
    DEADLINE_DEFAULT,
    DEADLINE_NO_FIXED_DATE,
    DEADLINE_STATED,
)

__all__ = [
    "BASIS_NONE",
    "BASIS_PHRASE",
    "BASIS_STATED",
    "DEADLINE_APPROXIMATE",
    "DEADLINE_CONTEXT",
    "DEADLINE_DEFAULT",
    "DEADLINE_NO_FIXED_DATE",
    "DEADLINE_STATED",
    "Candidate",
    "extract_candidates",
    "needs_publication_date",
    "suggest_claim",
]
