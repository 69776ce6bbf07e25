"""Article import, the part that decides without writing: a candidate's deadline and criteria,
and the preview rows. The writes (proposing, accepting, rejecting) are in
forecasts/services/proposals.py. Proposed forecasts
are never reminded or scored: the reminder and scoring queries only look at open, due and
resolved forecasts.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from sources.extraction import DEADLINE_DEFAULT, DEADLINE_NO_FIXED_DATE, Candidate, needs_publication_date
from sources.extraction.criteria import DRAFTED_NOTE
from sources.ingestion import ArticleMetadata, stated_metadata
from sources.models import Source

from .models import Forecast, Status
from .records import RECORD_FIELDS

# A forecast with no fixed date still needs a deadline: the end of the fifth calendar year
# counting the publication year is the seed's proxy for "in the long run" (2023 -> 2027-12-31).
# The editor is told to confirm it.
NO_FIXED_DATE_PROXY_YEARS = 5
# The drafted criteria carry what the editor must still do as notes, each opening with one of
# these words; accepting is refused while any is left (forecasts/services/proposals.py).
PLACEHOLDER_CRITERIA = "No criteria could be drafted: write which source and threshold decide it."
DEADLINE_NOTE = "Deadline to set:"
CHECK_NOTE = "Check:"
EXTRACTION_NOTE = "Extraction:"
NOTE_OPENINGS = (DEADLINE_NOTE, CHECK_NOTE, EXTRACTION_NOTE, DRAFTED_NOTE)
_NOTE_START = re.compile(r"(?:^|(?<=\s))(?=" + "|".join(re.escape(opening) for opening in NOTE_OPENINGS) + ")")
# Stored when neither the editor nor the text gives a title; the admin list shows it to be fixed.
UNTITLED = "Untitled article (title to be set by the editor)"
# Imports also propose what the sentence model finds unless the editor turns it off. On every fresh set
# of real articles it was measured on held out, it raised recall (by 3 to 12 points); on most it also
# met the bar set before measuring (F1 up, at most 2 points of in band or deadline year lost), and where
# it did not, it is kept on because a forecast the rules miss is lost to the record, while a rescued one
# reaches the editor flagged for a check (docs/extraction.md, "A learned sentence classifier" and "The
# sixteenth round on fresh sets").
RESCUE_BY_DEFAULT = True


@dataclass(frozen=True)
class ArticleImport:
    source: Source | None  # None on a dry run
    created: bool
    metadata: ArticleMetadata
    candidates: list[Candidate]
    forecasts: list[Forecast]
    warnings: list[str] = field(default_factory=list)  # about the article: no title, no date
    # A dry run of a text that states no date: deadlines were counted from today.
    published_assumed: bool = False


def candidate_deadline(candidate: Candidate, published_on: datetime.date) -> datetime.date:
    if candidate.deadline is not None:
        return max(candidate.deadline, published_on)
    return datetime.date(published_on.year + NO_FIXED_DATE_PROXY_YEARS - 1, 12, 31)


def candidate_criteria(candidate: Candidate) -> str:
    """The drafted criteria, and what the editor must check."""
    notes = [candidate.criteria or PLACEHOLDER_CRITERIA]
    if candidate.deadline is None:
        notes.append(
            f"{DEADLINE_NOTE} the text gives no fixed date; the deadline is a {NO_FIXED_DATE_PROXY_YEARS}-year proxy."
        )
    elif candidate.deadline_flag in (DEADLINE_DEFAULT, DEADLINE_NO_FIXED_DATE):
        notes.append(f"{DEADLINE_NOTE} the text gives no time; the deadline is a default.")
    if candidate.note:
        notes.append(f"{EXTRACTION_NOTE} {candidate.note}.")
    # the admin shows the criteria, so what the editor must check travels with them
    notes += [f"{CHECK_NOTE} {warning}." for warning in candidate.warnings]
    return " ".join(notes)


def criteria_notes(criteria: str) -> tuple[str, list[str]]:
    """The criteria without the notes addressed to the editor, and those notes in order."""
    parts = [part.strip() for part in _NOTE_START.split(criteria)]
    body, notes = parts[0], [part for part in parts[1:] if part]
    return body, notes


def article_title_and_date(
    text: str, title: str, published_on: datetime.date | None, metadata: ArticleMetadata | None, url: str = ""
) -> tuple[str, datetime.date | None, list[str]]:
    """A real article often has no title line, and its date matters only for relative times
    ("next year"): those two are filled in, with a warning, rather than refusing the article."""
    stated = stated_metadata(text, metadata, url)
    warnings = []
    if not (title or stated.title):
        title = UNTITLED
        warnings.append("The text has no title line: the article is stored as untitled; set its title.")
    if published_on is None and stated.published_on and not stated_metadata(text, metadata).published_on:
        warnings.append(
            f"The text states no publication date: {stated.published_on} is read from the URL; "
            "correct it if the article was published on another day."
        )
    if published_on is None and stated.published_on is None and not needs_publication_date(text):
        published_on = datetime.date.today()
        warnings.append(
            "The text states no publication date and no forecast needs one to be read: today's date "
            "stands in as the date the forecasts were made; correct it if you know the date."
        )
    return title, published_on, warnings


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
                "author": candidate.forecaster or result.metadata.author,
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
                "forecaster": candidate.forecaster,
                "conditional": candidate.conditional,
                "warnings": list(candidate.warnings),
            }
        )
    return rows
