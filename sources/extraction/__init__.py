"""Forecast extraction: article text in, proposed forecasts out. Pure: no Django, no database.

The steps, each in its own module: text (the same-length plain copy), segments (blocks,
list items, sentences), markers (estimative words and stated numbers), clauses, timex
(time expressions to deadlines), claims (the positive proposition), criteria (drafted
resolution criteria), candidates (the pipeline).
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
