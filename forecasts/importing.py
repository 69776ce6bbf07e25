"""Article import: store the article once and propose its forecasts for an editor to confirm.

The extraction itself is pure (sources.extraction); this module turns candidates into
`proposed` forecasts and holds the editor's accept / reject decisions. Proposed forecasts
are never reminded or scored: the reminder and scoring queries only look at open, due and
resolved forecasts.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from sources import services as source_services
from sources.extraction import Candidate, extract_candidates, needs_publication_date
from sources.ingestion import ArticleMetadata, extract_metadata, normalise_text
from sources.models import Source

from . import services
from .models import Forecast, ProbabilityBasis, Status

# A forecast with no fixed date still needs a deadline: the end of the fifth calendar year
# counting the publication year is the seed's proxy for "in the long run" (2023 -> 2027-12-31).
# The editor is told to confirm it.
NO_FIXED_DATE_PROXY_YEARS = 5
# Stored when neither the editor nor the text gives a title; the admin list shows it to be fixed.
UNTITLED = "Untitled article (title to be set by the editor)"


@dataclass(frozen=True)
class ArticleImport:
    source: Source | None  # None on a dry run
    created: bool
    metadata: ArticleMetadata
    candidates: list[Candidate]
    forecasts: list[Forecast]
    warnings: list[str] = field(default_factory=list)  # about the article: no title, no date


def candidate_deadline(candidate: Candidate, published_on: datetime.date) -> datetime.date:
    if candidate.deadline is not None:
        return max(candidate.deadline, published_on)
    return datetime.date(published_on.year + NO_FIXED_DATE_PROXY_YEARS - 1, 12, 31)


def candidate_criteria(candidate: Candidate) -> str:
    """The drafted criteria, and what the editor must check."""
    notes = [candidate.criteria or "No criteria could be drafted: write which source and threshold decide it."]
    if candidate.deadline is None:
        notes.append(f"The text gives no fixed date; the deadline is a {NO_FIXED_DATE_PROXY_YEARS}-year proxy.")
    if candidate.note:
        notes.append(f"Extraction: {candidate.note}.")
    # the admin shows the criteria, so what the editor must check travels with them
    notes += [f"Check: {warning}." for warning in candidate.warnings]
    return " ".join(notes)


def _fill_missing_title_and_date(
    text: str, title: str, published_on: datetime.date | None, metadata: ArticleMetadata | None
) -> tuple[str, datetime.date | None, list[str]]:
    """A real article often has no title line, and its date matters only for relative times
    ("next year"): those two are filled in, with a warning, rather than refusing the article."""
    stated = (metadata or ArticleMetadata()).merged_over(extract_metadata(text))
    warnings = []
    if not (title or stated.title):
        title = UNTITLED
        warnings.append("The text has no title line: the article is stored as untitled; set its title.")
    if published_on is None and stated.published_on is None and not needs_publication_date(text):
        published_on = datetime.date.today()
        warnings.append(
            "The text states no publication date and no forecast needs one to be read: today's date "
            "stands in as the date the forecasts were made; correct it if you know the date."
        )
    return title, published_on, warnings


@transaction.atomic
def propose_forecasts_from_article(
    *,
    text: str,
    title: str = "",
    url: str = "",
    published_on: datetime.date | None = None,
    author_name: str = "",
    publication_name: str = "",
    metadata: ArticleMetadata | None = None,
    scale: str = "icd203",
    recorded_by: AbstractBaseUser | None = None,
    dry_run: bool = False,
) -> ArticleImport:
    """Store the article (once) and save its candidates as proposed forecasts.

    Importing the same text again returns the stored article and its forecasts and
    proposes nothing new. A dry run reads and extracts but writes nothing.
    """
    text = normalise_text(text)
    title, published_on, warnings = _fill_missing_title_and_date(text, title, published_on, metadata)
    resolved = source_services.article_metadata_resolve(
        text=text,
        title=title,
        published_on=published_on,
        author_name=author_name,
        publication_name=publication_name,
        metadata=metadata,
        require_author=True,
    )
    try:
        candidates = extract_candidates(text, published_on=resolved.published_on, scale=scale)
    except ValueError as exc:
        raise ValidationError({"scale": str(exc)}) from None
    if dry_run:
        return ArticleImport(
            source=None, created=False, metadata=resolved, candidates=candidates, forecasts=[], warnings=warnings
        )

    source, created = source_services.source_create_from_text(
        text=text,
        title=resolved.title,
        url=url,
        published_on=resolved.published_on,
        author_name=resolved.author,
        publication_name=resolved.publication,
        metadata=resolved,
    )
    if not created:
        existing = list(source.forecasts.order_by("id"))
        return ArticleImport(
            source=source,
            created=False,
            metadata=resolved,
            candidates=candidates,
            forecasts=existing,
            warnings=warnings,
        )

    author = source.authors.get()
    forecasters = {
        name: source_services.author_get_or_create(name=name)
        for name in {candidate.forecaster for candidate in candidates if candidate.forecaster}
    }
    forecasts = [
        services.forecast_create(
            source=source,
            # a forecast the article attributes to someone else is that forecaster's
            author=forecasters.get(candidate.forecaster, author),
            quote=candidate.quote,
            claim=candidate.claim,
            estimative_phrase=candidate.estimative_phrase[:100],
            probability=candidate.probability,
            probability_basis=candidate.probability_basis,
            made_on=source.published_on,
            deadline=candidate_deadline(candidate, source.published_on),
            resolution_criteria=candidate_criteria(candidate),
            status=Status.PROPOSED,
            recorded_by=recorded_by,
        )
        for candidate in candidates
    ]
    return ArticleImport(
        source=source, created=True, metadata=resolved, candidates=candidates, forecasts=forecasts, warnings=warnings
    )


@transaction.atomic
def forecasts_accept(*, forecasts: Iterable[Forecast]) -> int:
    """Confirm proposed forecasts: they become open, get reminders and, once resolved, scores."""
    accepted = 0
    for forecast in forecasts:
        if forecast.status != Status.PROPOSED:
            continue
        if forecast.probability is not None and forecast.probability_basis == ProbabilityBasis.NONE:
            raise ValidationError(f"Forecast {forecast.pk}: a probability needs a basis.")
        forecast.status = Status.OPEN
        forecast.full_clean()
        forecast.save(update_fields=["status", "updated_at"])
        accepted += 1
    return accepted


@transaction.atomic
def forecasts_reject(*, forecasts: Iterable[Forecast]) -> int:
    """Discard proposed forecasts the editor does not want (the history keeps a record).
    Forecasts already accepted are left alone."""
    rejected = 0
    for forecast in forecasts:
        if forecast.status == Status.PROPOSED:
            forecast.delete()
            rejected += 1
    return rejected


def candidate_rows(result: ArticleImport) -> list[dict]:
    """The candidates in the export field set of design.md, plus the extractor's own fields."""
    source_title = result.source.title if result.source else result.metadata.title
    source_url = result.source.url if result.source else ""
    published_on = result.metadata.published_on
    saved = {forecast.quote: forecast for forecast in result.forecasts}
    rows = []
    for candidate in result.candidates:
        forecast = saved.get(candidate.quote)
        deadline = candidate_deadline(candidate, published_on)
        rows.append(
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
                "deadline_flag": candidate.deadline_flag,
                "confidence": candidate.confidence,
                "note": candidate.note,
                "forecaster": candidate.forecaster,
                "conditional": candidate.conditional,
                "warnings": list(candidate.warnings),
            }
        )
    return rows
