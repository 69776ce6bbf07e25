"""Article import: store the article once and propose its forecasts for an editor to confirm,
then the editor's accept / reject decisions. The extraction itself is pure (sources.extraction).
Proposed forecasts are never reminded or scored."""

import dataclasses
import datetime
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sources import services as source_services
from sources.extraction import extract_candidates
from sources.ingestion import ArticleMetadata, normalise_text

from ..importing import (
    DEADLINE_NOTE,
    PLACEHOLDER_CRITERIA,
    RESCUE_BY_DEFAULT,
    ArticleImport,
    article_title_and_date,
    candidate_criteria,
    candidate_deadline,
    criteria_notes,
)
from ..models import Forecast, ProbabilityBasis, Status, claim_fingerprint
from .forecasts import forecast_create


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
    rescue: bool = RESCUE_BY_DEFAULT,
) -> ArticleImport:
    """Store the article (once) and save its candidates as proposed forecasts; with `rescue` (the
    default), also the sentences the sentence model proposes (each flagged for the editor to check).

    Importing the same text again returns the stored article and its forecasts and
    proposes nothing new. A dry run reads and extracts but writes nothing.
    """
    text = normalise_text(text)
    stored = source_services.source_by_text(text)
    if stored is not None:
        # The stored article is what this text is: its record, not what this import's options say.
        resolved, warnings = source_services.source_metadata(stored), []
    else:
        title, published_on, warnings = article_title_and_date(text, title, published_on, metadata, url)
        # A dry run is a look at what the extractor finds: when a relative time needs a date the
        # text does not state, it counts deadlines from today and says so, rather than refusing.
        resolved = source_services.article_metadata_resolve(
            text=text,
            title=title,
            published_on=published_on,
            author_name=author_name,
            publication_name=publication_name,
            metadata=metadata,
            url=url,
            require_author=True,
            require_published=not dry_run,
        )
    published_assumed = resolved.published_on is None
    if published_assumed:
        resolved = dataclasses.replace(resolved, published_on=timezone.localdate())
    try:
        candidates = extract_candidates(text, published_on=resolved.published_on, scale=scale, rescue=rescue)
    except ValueError as exc:
        raise ValidationError({"scale": str(exc)}) from None
    if dry_run:
        return ArticleImport(
            source=stored,
            created=False,
            metadata=resolved,
            candidates=candidates,
            forecasts=list(stored.forecasts.order_by("id")) if stored else [],
            warnings=warnings,
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
            warnings=warnings,
        )

    author = source.authors.get()
    forecasters = {
        name: source_services.author_get_or_create(name=name)
        for name in {candidate.forecaster for candidate in candidates if candidate.forecaster}
    }
    # One forecaster's claim is recorded once per article; a claim the text repeats is one forecast.
    seen_claims: set[tuple[int, str]] = set()
    unique_candidates = []
    for candidate in candidates:
        key = (forecasters.get(candidate.forecaster, author).pk, claim_fingerprint(candidate.claim))
        if key not in seen_claims:
            seen_claims.add(key)
            unique_candidates.append(candidate)
    forecasts = [
        forecast_create(
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
        for candidate in unique_candidates
    ]
    return ArticleImport(
        source=source, created=True, metadata=resolved, candidates=candidates, forecasts=forecasts, warnings=warnings
    )


def _locked_rows(forecasts: Iterable[Forecast]) -> list[Forecast]:
    # The current rows, locked in id order (no deadlock between two editors' selections).
    ids = [forecast.pk for forecast in forecasts]
    return list(Forecast.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def proposal_problems(forecast: Forecast) -> list[str]:
    """What still stops an editor accepting a proposed forecast; empty when it can be accepted.

    Import drafts the criteria and writes what the editor must do as notes inside them (see
    forecasts/importing.py): accepting says the editor has done it, so the placeholder criteria,
    a placeholder deadline or any note left for the editor refuses it."""
    problems = []
    criteria, notes = criteria_notes(forecast.resolution_criteria)
    if PLACEHOLDER_CRITERIA in criteria or not criteria:
        problems.append("the resolution criteria are still the placeholder: write which source and threshold decide it")
    deadline_notes = [note for note in notes if note.startswith(DEADLINE_NOTE)]
    if deadline_notes:
        problems.append(
            f"the deadline {forecast.deadline:%Y-%m-%d} is a placeholder: set it, then delete the note "
            f"\u201c{deadline_notes[0]}\u201d from the criteria"
        )
    other_notes = [note for note in notes if not note.startswith(DEADLINE_NOTE)]
    if other_notes:
        count = len(other_notes)
        first = _short(other_notes[0], 40)
        more = " \u2026" if count > 1 else ""
        problems.append(
            f"the criteria still carry {count} note{'s' if count > 1 else ''} for the editor "
            f"(\u201c{first}\u201d{more}): act on each, then delete it"
        )
    if forecast.probability is not None and forecast.probability_basis == ProbabilityBasis.NONE:
        problems.append("a probability needs a basis")
    return problems


@transaction.atomic
def forecasts_accept(*, forecasts: Iterable[Forecast], accepted_by: AbstractBaseUser | None = None) -> int:
    """Confirm proposed forecasts: they become open, get reminders and, once resolved, scores.

    All or nothing: when any selected proposal is unfinished (proposal_problems), none is accepted
    and the error names each one and what is left to do."""
    rows = [forecast for forecast in _locked_rows(forecasts) if forecast.status == Status.PROPOSED]
    unfinished = [(forecast, proposal_problems(forecast)) for forecast in rows]
    unfinished = [(forecast, problems) for forecast, problems in unfinished if problems]
    if unfinished:
        raise ValidationError(
            [
                f"Forecast {forecast.pk} (\u201c{_short(forecast.claim)}\u201d) cannot be accepted yet: "
                f"{'; '.join(problems)}."
                for forecast, problems in unfinished
            ]
            + ["Nothing was accepted."]
        )
    for forecast in rows:
        _set_status(forecast, Status.OPEN, by=accepted_by, reason="Accepted: the proposal is confirmed")
    return len(rows)


def _set_status(forecast: Forecast, status: str, *, by: AbstractBaseUser | None, reason: str) -> None:
    forecast.status = status
    forecast.version += 1
    forecast.full_clean()
    if by is not None:
        forecast._history_user = by
    forecast._change_reason = reason
    forecast.save(update_fields=["status", "version", "updated_at"])


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


@transaction.atomic
def forecasts_reject(*, forecasts: Iterable[Forecast], rejected_by: AbstractBaseUser | None) -> int:
    """Turn down proposed forecasts the editor does not want. Nothing is deleted: each keeps its
    row as a rejected proposal (out of every public page, list, reminder and score) and its
    history names who rejected it, so forecasts_restore can undo the rejection.
    Only proposed forecasts are rejected: a confirmed one is part of the record, so a selection
    that holds one is refused whole and nothing changes."""
    rows = _locked_rows(forecasts)
    others = [forecast for forecast in rows if forecast.status != Status.PROPOSED]
    if others:
        ids = ", ".join(str(forecast.pk) for forecast in others)
        raise ValidationError(f"Only proposed forecasts can be rejected; not proposed: {ids}. Nothing was rejected.")
    for forecast in rows:
        _set_status(forecast, Status.REJECTED, by=rejected_by, reason="Rejected: the proposal is not taken")
    return len(rows)


@transaction.atomic
def forecasts_restore(*, forecasts: Iterable[Forecast], restored_by: AbstractBaseUser | None) -> int:
    """Undo a rejection: rejected proposals are proposed again, back in the editor's review.
    Only rejected forecasts are restored; a selection that holds another is refused whole and
    nothing changes."""
    rows = _locked_rows(forecasts)
    if not rows:
        raise ValidationError("Select at least one rejected proposal to restore.")
    others = [forecast for forecast in rows if forecast.status != Status.REJECTED]
    if others:
        ids = ", ".join(str(forecast.pk) for forecast in others)
        raise ValidationError(f"Only rejected proposals can be restored; not rejected: {ids}. Nothing was restored.")
    for forecast in rows:
        _set_status(forecast, Status.PROPOSED, by=restored_by, reason="Restored: proposed again after a rejection")
    return len(rows)
