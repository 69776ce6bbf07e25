"""Article import: store the article once and propose its forecasts for an editor to confirm.

The extraction itself is pure (sources.extraction); this module turns candidates into
`proposed` forecasts and holds the editor's accept / reject decisions. Proposed forecasts
are never reminded or scored: the reminder and scoring queries only look at open, due and
resolved forecasts.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sources import services as source_services
from sources.extraction import DEADLINE_NO_FIXED_DATE, Candidate, extract_candidates
from sources.ingestion import ArticleMetadata, normalise_text
from sources.models import Source

from . import services
from .models import Forecast, ProbabilityBasis, Status, claim_fingerprint

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
    # A dry run of a text that states no date: deadlines were counted from today.
    published_assumed: bool = False


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
    stored = source_services.source_by_text(text)
    if stored is not None:
        # The stored article is what this text is: its record, not what this import's options say.
        resolved = source_services.source_metadata(stored)
    else:
        # A dry run is a look at what the extractor finds: without a stated date it counts
        # deadlines from today and says so, rather than refusing.
        resolved = source_services.article_metadata_resolve(
            text=text,
            title=title,
            published_on=published_on,
            author_name=author_name,
            publication_name=publication_name,
            metadata=metadata,
            require_author=True,
            require_published=not dry_run,
        )
    published_assumed = resolved.published_on is None
    if published_assumed:
        resolved = dataclasses.replace(resolved, published_on=timezone.localdate())
    try:
        candidates = extract_candidates(text, published_on=resolved.published_on, scale=scale)
    except ValueError as exc:
        raise ValidationError({"scale": str(exc)}) from None
    if dry_run:
        return ArticleImport(
            source=stored,
            created=False,
            metadata=resolved,
            candidates=candidates,
            forecasts=list(stored.forecasts.order_by("id")) if stored else [],
            published_assumed=published_assumed,
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
            metadata=source_services.source_metadata(source),
            candidates=candidates,
            forecasts=existing,
        )

    author = source.authors.get()
    # One forecaster's claim is recorded once per article; a claim the text repeats is one forecast.
    seen_claims: set[str] = set()
    unique_candidates = []
    for candidate in candidates:
        if claim_fingerprint(candidate.claim) not in seen_claims:
            seen_claims.add(claim_fingerprint(candidate.claim))
            unique_candidates.append(candidate)
    forecasts = [
        services.forecast_create(
            source=source,
            author=author,
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
        for candidate in unique_candidates
    ]
    return ArticleImport(source=source, created=True, metadata=resolved, candidates=candidates, forecasts=forecasts)


def _locked_rows(forecasts: Iterable[Forecast]) -> list[Forecast]:
    # The current rows, locked in id order (no deadlock between two editors' selections).
    ids = [forecast.pk for forecast in forecasts]
    return list(Forecast.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


@transaction.atomic
def forecasts_accept(*, forecasts: Iterable[Forecast]) -> int:
    """Confirm proposed forecasts: they become open, get reminders and, once resolved, scores."""
    accepted = 0
    for forecast in _locked_rows(forecasts):
        if forecast.status != Status.PROPOSED:
            continue
        if forecast.probability is not None and forecast.probability_basis == ProbabilityBasis.NONE:
            raise ValidationError(f"Forecast {forecast.pk}: a probability needs a basis.")
        forecast.status = Status.OPEN
        forecast.version += 1
        forecast.full_clean()
        forecast.save(update_fields=["status", "version", "updated_at"])
        accepted += 1
    return accepted


@transaction.atomic
def forecasts_reject(*, forecasts: Iterable[Forecast]) -> int:
    """Discard proposed forecasts the editor does not want (the history keeps a record).
    Only proposed forecasts are rejected: a confirmed one is part of the record, so a selection
    that holds one is refused whole and nothing is deleted."""
    rows = _locked_rows(forecasts)
    confirmed = [forecast for forecast in rows if forecast.status != Status.PROPOSED]
    if confirmed:
        ids = ", ".join(str(forecast.pk) for forecast in confirmed)
        raise ValidationError(f"Only proposed forecasts can be rejected; not proposed: {ids}. Nothing was deleted.")
    for forecast in rows:
        forecast.delete()
    return len(rows)


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
                "deadline_flag": candidate.deadline_flag,
                "confidence": candidate.confidence,
                "note": candidate.note,
            }
        )
    return rows
