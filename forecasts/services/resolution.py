"""Resolving a forecast, correcting a resolution, and unresolving it."""

import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from ..models import (
    UNCONFIRMED,
    Forecast,
    ForecastCorrection,
    Outcome,
    ProbabilityBasis,
    Status,
    local_today,
    resolution_errors,
)
from .forecasts import CORRECTABLE_FIELDS, ForecastConflict, _check_probability, _differs, _locked, _required_reason


def _check_evidence(*, outcome: str, evidence_url: str, note: str) -> None:
    errors = resolution_errors(outcome=outcome, evidence_url=evidence_url, note=note)
    if errors:
        raise ValidationError(errors)


def resolution_change_reason(outcome: str, *, event_id: int | None = None) -> str:
    """The history's reason for a resolution; the outcome comes last, so that resolving an event
    can append each forecast's own outcome in SQL."""
    via = f" with event #{event_id}" if event_id is not None else ""
    return f"Resolved{via}: did the claim come true? {outcome}"


@transaction.atomic
def forecast_resolve(
    *,
    forecast: Forecast,
    outcome: str,
    evidence_url: str = "",
    note: str = "",
    resolved_by: AbstractBaseUser | None,
    resolved_at: datetime.datetime | None = None,
    expected_version: int | None = None,
) -> Forecast:
    """Record whether the claim came true. A resolved forecast is not resolved again: its outcome
    changes by forecast_correct (with a reason) or by unresolving it."""
    # Locked, so of two reviewers resolving at once the second is told, and a concurrent edit
    # cannot write back the unresolved state.
    forecast = _locked(forecast, expected_version=expected_version)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": f"Choose one of: {', '.join(Outcome.values)}."})
    if forecast.status in UNCONFIRMED:
        raise ValidationError("A proposed forecast must be confirmed by an editor before it is resolved.")
    if forecast.status == Status.RESOLVED:
        raise ForecastConflict(
            {"outcome": "This forecast is already resolved; correct it with a reason or unresolve it."}
        )
    evidence_url, note = evidence_url.strip(), note.strip()
    _check_evidence(outcome=outcome, evidence_url=evidence_url, note=note)
    forecast.outcome = outcome
    forecast.evidence_url = evidence_url
    forecast.resolution_note = note
    forecast.status = Status.RESOLVED
    forecast.resolved_by = resolved_by
    forecast.resolved_at = resolved_at or timezone.now()
    forecast.full_clean()
    forecast.version += 1
    forecast._history_user = resolved_by
    forecast._change_reason = resolution_change_reason(outcome)
    forecast.save()
    return forecast


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return f"{value} (#{value.pk})"
    return str(value)


@transaction.atomic
def forecast_correct(
    *,
    forecast: Forecast,
    changes: dict,
    reason: str,
    corrected_by: AbstractBaseUser | None,
    expected_version: int | None = None,
) -> Forecast:
    """Change a resolved forecast's record or outcome, with a reason, in the open: each changed
    field gets a ForecastCorrection (old and new value, who, when, why) and the history a row."""
    unknown = set(changes) - set(CORRECTABLE_FIELDS)
    if unknown:
        raise ValidationError({name: "This field cannot be corrected." for name in sorted(unknown)})
    reason = _required_reason(reason, "Say why the record is corrected; the reason is shown with the correction.")
    if "probability" in changes:
        _check_probability(changes["probability"])
    if "reference_probability" in changes:
        _check_probability(changes["reference_probability"], field="reference_probability")
    if "outcome" in changes and changes["outcome"] not in Outcome.values:
        raise ValidationError({"outcome": f"Choose one of: {', '.join(Outcome.values)}."})
    forecast = _locked(forecast, expected_version=expected_version)
    if forecast.status != Status.RESOLVED:
        raise ForecastConflict("Only a resolved forecast is corrected; edit this one, or resolve it.")
    for name in ("evidence_url", "resolution_note"):
        if isinstance(changes.get(name), str):
            changes = {**changes, name: changes[name].strip()}
    changed = {name: value for name, value in changes.items() if _differs(forecast, name, value)}
    if "probability" in changed and changed["probability"] is None:
        changed.setdefault("probability_basis", ProbabilityBasis.NONE)
    if not changed:
        raise ValidationError("Nothing to correct: every value given is the one recorded.")
    old = {name: getattr(forecast, name) for name in changed}
    for name, value in changed.items():
        setattr(forecast, name, value)
    if forecast.probability is not None and forecast.probability_basis == ProbabilityBasis.NONE:
        raise ValidationError({"probability_basis": "Say how the probability was obtained."})
    if {"outcome", "evidence_url", "resolution_note"} & set(changed):
        # A corrected resolution meets the rules of a new one; correcting the claim of a resolution
        # recorded before those rules (an import) does not have to fix its evidence too.
        _check_evidence(outcome=forecast.outcome, evidence_url=forecast.evidence_url, note=forecast.resolution_note)
    forecast.full_clean()
    forecast.version += 1
    forecast._history_user = corrected_by
    forecast._change_reason = f"Corrected after resolution ({', '.join(changed)}): {reason}"
    forecast.save()
    now = timezone.now()
    ForecastCorrection.objects.bulk_create(
        ForecastCorrection(
            forecast=forecast,
            field=name,
            old_value=_as_text(old[name]),
            new_value=_as_text(value),
            reason=reason,
            corrected_by=corrected_by,
            corrected_at=now,
        )
        for name, value in changed.items()
    )
    return forecast


@transaction.atomic
def forecast_unresolve(
    *,
    forecast: Forecast,
    unresolved_by: AbstractBaseUser | None,
    reason: str,
    expected_version: int | None = None,
) -> Forecast:
    """Undo a resolution, with a reason; the previous outcome and evidence stay in the history."""
    reason = _required_reason(reason, "Say why the outcome is withdrawn; the reason is kept in the history.")
    forecast = _locked(forecast, expected_version=expected_version)
    if forecast.status != Status.RESOLVED:
        raise ValidationError("Only a resolved forecast can be unresolved.")
    forecast.outcome = None
    forecast.evidence_url = ""
    forecast.resolution_note = ""
    forecast.resolved_by = None
    forecast.resolved_at = None
    # Back to where the scheduler would have it: due if the review date has come.
    forecast.status = Status.DUE if forecast.review_on <= local_today() else Status.OPEN
    forecast.full_clean()
    forecast.version += 1
    forecast._history_user = unresolved_by
    forecast._change_reason = f"Unresolved: {reason}"
    forecast.save()
    return forecast
