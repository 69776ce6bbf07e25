"""Article import, the part that decides without writing: a candidate's deadline and criteria,
and the preview rows. The writes (proposing, accepting, rejecting) are in
forecasts/services/proposals.py. Proposed forecasts
are never reminded or scored: the reminder and scoring queries only look at open, due and
resolved forecasts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sources.extraction import DEADLINE_NO_FIXED_DATE, Candidate
from sources.ingestion import ArticleMetadata
from sources.models import Source

from .models import Forecast, Status
from .records import RECORD_FIELDS

# A forecast with no fixed date still needs a deadline: the end of the fifth calendar year
# counting the publication year is the seed's proxy for "in the long run" (2023 -> 2027-12-31).
# The editor is told to confirm it.
NO_FIXED_DATE_PROXY_YEARS = 5
CRITERIA_PLACEHOLDER = "To be written by the editor: which source and threshold decide this claim."


@dataclass(frozen=True)
class ArticleImport:
    source: Source | None  # None on a dry run
    created: bool
    metadata: ArticleMetadata
    candidates: list[Candidate]
    forecasts: list[Forecast]


def candidate_deadline(candidate: Candidate, published_on: datetime.date) -> datetime.date:
    if candidate.deadline is not None:
        return max(candidate.deadline, published_on)
    return datetime.date(published_on.year + NO_FIXED_DATE_PROXY_YEARS - 1, 12, 31)


def candidate_criteria(candidate: Candidate) -> str:
    notes = [CRITERIA_PLACEHOLDER]
    if candidate.deadline_flag == DEADLINE_NO_FIXED_DATE:
        notes.append(f"The text gives no fixed date; the deadline is a {NO_FIXED_DATE_PROXY_YEARS}-year proxy.")
    if candidate.note:
        notes.append(f"Extraction: {candidate.note}.")
    return " ".join(notes)


def candidate_rows(result: ArticleImport) -> list[dict]:
    """The candidates in the export's field set (forecasts/records.py), plus the extractor's own fields."""
    source_title = result.source.title if result.source else result.metadata.title
    source_url = result.source.url if result.source else ""
    published_on = result.metadata.published_on
    saved = {forecast.quote: forecast for forecast in result.forecasts}
    rows = []
    for candidate in result.candidates:
        forecast = saved.get(candidate.quote)
        deadline = candidate_deadline(candidate, published_on)
        record = dict.fromkeys(RECORD_FIELDS)
        record.update(
            {
                "id": forecast.pk if forecast else None,
                "source_title": source_title,
                "source_url": source_url,
                "publication": result.metadata.publication,
                "author": result.metadata.author,
                "quote": candidate.quote,
                "claim": candidate.claim,
                "estimative_phrase": candidate.estimative_phrase,
                "probability": candidate.probability,
                "probability_basis": candidate.probability_basis,
                "made_on": published_on.isoformat(),
                "deadline": deadline.isoformat(),
                "review_on": (forecast.review_on if forecast else deadline).isoformat(),
                "resolution_criteria": forecast.resolution_criteria if forecast else candidate_criteria(candidate),
                "status": forecast.status if forecast else Status.PROPOSED.value,
                "outcome": None,
                "evidence_url": "",
                "resolution_note": "",
                "reviewer": None,
                "tags": [],
            }
        )
        rows.append(
            {
                **record,
                "deadline_flag": candidate.deadline_flag,
                "confidence": candidate.confidence,
                "note": candidate.note,
            }
        )
    return rows
