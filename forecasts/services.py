"""Every write to forecasts goes through these functions: the admin, the API, the management
commands and the Celery tasks all call them, so the rules live in one place."""

import datetime
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.core.validators import EmailValidator
from django.db import IntegrityError, connection, models, transaction
from django.db.models import F
from django.utils import timezone

from sources import services as source_services
from sources.models import Author, Source, name_key

from . import reminders, rules, services_public, tasks
from .models import (
    Forecast,
    ForecastCorrection,
    Outcome,
    ProbabilityBasis,
    ReminderDigest,
    Status,
    Tag,
    claim_fingerprint,
    local_today,
    resolution_errors,
)
from .transfer import ImportRow

# Fields an editor may change on an existing forecast; status and outcome change only through
# the resolution and scheduling services.
EDITABLE_FIELDS = (
    "source",
    "author",
    "quote",
    "claim",
    "estimative_phrase",
    "probability",
    "probability_basis",
    "made_on",
    "deadline",
    "review_on",
    "resolution_criteria",
    "reviewer",
)


def _check_probability(probability: float | None) -> None:
    # The database would store NaN as NULL on SQLite; refuse it before it gets there.
    if probability is not None and (not isinstance(probability, int | float) or not math.isfinite(probability)):
        raise ValidationError({"probability": rules.PROBABILITY_RANGE_MESSAGE})


@transaction.atomic
def tags_get_or_create(*, names: Iterable[str]) -> list[Tag]:
    tags = []
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        key = name_key(name)
        tag = Tag.objects.filter(name_key=key).first()
        if tag is None:
            tag = Tag(name=name)
            tag.full_clean()
            tag, _ = source_services.insert_or_get(tag, name_key=key)
        if tag not in tags:
            tags.append(tag)
    return tags


@transaction.atomic
def forecast_create(
    *,
    source: Source,
    author: Author,
    quote: str,
    claim: str,
    deadline: datetime.date,
    resolution_criteria: str,
    probability: float | None,
    probability_basis: str = ProbabilityBasis.PHRASE,
    estimative_phrase: str = "",
    made_on: datetime.date | None = None,
    review_on: datetime.date | None = None,
    status: str = Status.OPEN,
    reviewer: AbstractBaseUser | None = None,
    recorded_by: AbstractBaseUser | None = None,
    tags: Iterable[str] = (),
) -> Forecast:
    _check_probability(probability)
    if status not in (Status.OPEN, Status.PROPOSED):
        raise ValidationError({"status": "A new forecast starts open or proposed; resolve it afterwards."})
    forecast = Forecast(
        source=source,
        author=author,
        quote=quote,
        claim=claim,
        estimative_phrase=estimative_phrase,
        probability=probability,
        probability_basis=ProbabilityBasis.NONE if probability is None else probability_basis,
        made_on=made_on or source.published_on,
        deadline=deadline,
        review_on=review_on or deadline,
        resolution_criteria=resolution_criteria,
        status=status,
        reviewer=reviewer,
        recorded_by=recorded_by,
    )
    forecast.full_clean()
    # The history middleware only sees session users; name the author of the change explicitly
    # so that token (API) and command writes are attributed too.
    if recorded_by is not None:
        forecast._history_user = recorded_by
    forecast.save()
    if tags:
        forecast.tags.set(tags_get_or_create(names=tags))
    return forecast


class ForecastConflict(ValidationError):
    """The forecast is not in the state the caller believed: someone changed it since it was read,
    or it is resolved and its record is frozen. Nothing was written; the API answers 409."""


# A resolved forecast's record: these change only by unresolving it (with a reason) or by an
# audited correction (forecast_correct), never by an ordinary edit.
FROZEN_FIELDS = (
    "source",
    "author",
    "quote",
    "claim",
    "estimative_phrase",
    "probability",
    "probability_basis",
    "made_on",
    "deadline",
    "review_on",
    "resolution_criteria",
)
# What a correction may change: the frozen record and the resolution itself.
CORRECTABLE_FIELDS = (*FROZEN_FIELDS, "outcome", "evidence_url", "resolution_note")
# Compared to tell someone what changed since the version they read.
_TRACKED_FIELDS = (*EDITABLE_FIELDS, "status", "outcome", "evidence_url", "resolution_note")


def _changes_since(forecast: Forecast, version: int) -> str:
    """ "Changed since you opened it by editor at 14:02 UTC: claim, probability." from the history."""
    records = list(forecast.history.filter(version__gte=version).order_by("history_date", "history_id"))
    # The last record of that version: rows written before versions existed all share version 1.
    base = next((record for record in reversed(records) if record.version == version), None)
    later = [record for record in records if record.version > version]
    if base is None or not later:
        return f"Changed since you opened it (you read version {version}; it is now version {forecast.version})."
    names = [
        name
        for name in _TRACKED_FIELDS
        if getattr(base, f"{name}_id" if name in ("source", "author", "reviewer") else name)
        != getattr(forecast, f"{name}_id" if name in ("source", "author", "reviewer") else name)
    ]
    who = ", ".join(
        dict.fromkeys(str(record.history_user) if record.history_user else "the system" for record in later)
    )
    when = timezone.localtime(later[-1].history_date).strftime("%Y-%m-%d %H:%M %Z")
    what = ", ".join(names) if names else "tags or status"
    return f"Changed since you opened it by {who} at {when}: {what}."


def _locked(forecast: Forecast | int, *, expected_version: int | None = None) -> Forecast:
    """The forecast's current row, locked until the transaction ends (PostgreSQL; SQLite's
    IMMEDIATE transactions already hold the write lock), checked against the version the
    caller read."""
    pk = forecast if isinstance(forecast, int) else forecast.pk
    current = Forecast.objects.select_for_update().get(pk=pk)
    if expected_version is not None and current.version != expected_version:
        raise ForecastConflict(f"{_changes_since(current, expected_version)} Reload and apply your change again.")
    return current


@transaction.atomic
def forecast_check_version(*, forecast: Forecast, expected_version: int | None) -> Forecast:
    """Lock the forecast and refuse (ForecastConflict) when it changed since `expected_version`.
    For a form that validates before it saves, inside the transaction that then saves."""
    return _locked(forecast, expected_version=expected_version)


def _differs(forecast: Forecast, name: str, value) -> bool:
    field = Forecast._meta.get_field(name)
    if field.is_relation:
        return getattr(forecast, field.attname) != (value.pk if value is not None else None)
    return getattr(forecast, name) != value


@transaction.atomic
def forecast_update(
    *,
    forecast: Forecast,
    data: dict,
    tags: Iterable[str] | None = None,
    changed_by: AbstractBaseUser | None = None,
    expected_version: int | None = None,
) -> Forecast:
    """Write the given fields, and only them, onto the forecast's current row.

    The row is locked and re-read first, so a resolution or another edit that committed
    meanwhile is kept; with `expected_version` an edit made on an older version is refused.
    A resolved forecast's record (FROZEN_FIELDS) is not edited here: correct it or unresolve it."""
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: "This field cannot be changed here." for name in sorted(unknown)})
    if "probability" in data:
        _check_probability(data["probability"])
    forecast = _locked(forecast, expected_version=expected_version)
    changed = [name for name, value in data.items() if _differs(forecast, name, value)]
    if forecast.status == Status.RESOLVED:
        frozen = [name for name in changed if name in FROZEN_FIELDS]
        if frozen:
            raise ForecastConflict(
                f"This forecast is resolved, so its record is frozen ({', '.join(frozen)}). "
                "Correct it with a reason, or unresolve it first."
            )
    for name in changed:
        setattr(forecast, name, data[name])
    if forecast.probability is None:
        if forecast.probability_basis != ProbabilityBasis.NONE:
            forecast.probability_basis = ProbabilityBasis.NONE
            changed.append("probability_basis")
    elif forecast.probability_basis == ProbabilityBasis.NONE:
        raise ValidationError({"probability_basis": "Say how the probability was obtained."})
    new_tags = tags_get_or_create(names=tags) if tags is not None else None
    tags_changed = new_tags is not None and {tag.pk for tag in new_tags} != set(
        forecast.tags.values_list("pk", flat=True)
    )
    if not changed and not tags_changed:
        return forecast
    forecast.full_clean()
    forecast.version += 1
    if changed_by is not None:
        forecast._history_user = changed_by
    forecast.save()
    if tags_changed:
        forecast.tags.set(new_tags)
    return forecast


def _check_evidence(*, outcome: str, evidence_url: str, note: str) -> None:
    errors = resolution_errors(outcome=outcome, evidence_url=evidence_url, note=note)
    if errors:
        raise ValidationError(errors)


def _required_reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": message})
    return reason


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
    if forecast.status == Status.PROPOSED:
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
    forecast._change_reason = f"Resolved: did the claim come true? {outcome}"
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


# Who may do what, as Django permissions so the admin and the API agree. Editors record and
# edit forecasts and articles; reviewers record what happened.
EDITOR_PERMISSIONS = (
    "forecasts.view_forecast",
    "forecasts.add_forecast",
    "forecasts.change_forecast",
    "forecasts.view_tag",
    "forecasts.add_tag",
    "forecasts.change_tag",
    "sources.view_source",
    "sources.add_source",
    "sources.change_source",
    "sources.view_author",
    "sources.add_author",
    "sources.change_author",
    "sources.view_publication",
    "sources.add_publication",
    "sources.change_publication",
)
REVIEWER_PERMISSIONS = (
    "forecasts.view_forecast",
    "forecasts.resolve_forecast",
    "forecasts.view_tag",
    "sources.view_source",
    "sources.view_author",
    "sources.view_publication",
)


@transaction.atomic
def access_groups_ensure() -> list[Group]:
    """Create the editors' and reviewers' groups if missing and grant their permissions.

    Only adds: a group or permission an administrator set up stays as it is.
    """
    groups = []
    for name, perms in (
        (settings.EDITORS_GROUP, EDITOR_PERMISSIONS),
        (settings.REVIEWERS_GROUP, REVIEWER_PERMISSIONS),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        for perm in perms:
            app_label, codename = perm.split(".")
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            # Missing only while migrations are half applied; the next migrate adds it.
            if permission is not None:
                group.permissions.add(permission)
        groups.append(group)
    return groups


def _is_email(text: str) -> bool:
    try:
        EmailValidator()(text)
    except ValidationError:
        return False
    return True


@dataclass(frozen=True)
class ImportResult:
    created: int
    skipped_existing: int
    reviewers_created: tuple[str, ...]


@transaction.atomic
def forecasts_import(*, rows: Iterable[ImportRow], batch_size: int = 2000) -> ImportResult:
    """Write checked import rows in batches, all or nothing.

    A row whose forecast is already recorded (same source, forecaster and claim) is skipped, so
    importing a file twice adds nothing and never overwrites. A row's id is kept when it is free,
    which makes export -> import into an empty database -> export give the same file.
    """
    publications: dict[str, object] = {}
    authors: dict[str, Author] = {}
    # Ids, not instances: one entry per distinct article of the file, so keep each entry small.
    sources: dict[tuple[str, str], int] = {}
    tags: dict[str, Tag] = {}
    users: dict[str, AbstractBaseUser] = {}
    reviewers_created: list[str] = []
    created = skipped = 0
    kept_explicit_ids = False
    user_model = get_user_model()

    def user_for(username: str | None):
        if not username:
            return None
        if username not in users:
            user = user_model.objects.filter(**{user_model.USERNAME_FIELD: username}).first()
            if user is None:
                # Keep the assignment rather than drop it. The account's address is the username
                # when that is one, else username@IMPORT_REVIEWER_EMAIL_DOMAIN; the command lists
                # the new accounts so that an admin can correct them.
                domain = settings.IMPORT_REVIEWER_EMAIL_DOMAIN
                email = username if _is_email(username) else (f"{username}@{domain}" if domain else "")
                user = user_model(**{user_model.USERNAME_FIELD: username}, email=email)
                user.set_unusable_password()
                user, new = source_services.insert_or_get(user, **{user_model.USERNAME_FIELD: username})
                if new:
                    reviewers_created.append(username)
            users[username] = user
        return users[username]

    def write(batch: list[ImportRow]) -> None:
        nonlocal created, skipped, kept_explicit_ids
        resolved = []
        for row in batch:
            publication_key = name_key(row.publication) if row.publication else None
            if publication_key and publication_key not in publications:
                publications[publication_key] = source_services.publication_get_or_create(name=row.publication)
            author_key = name_key(row.author)
            if author_key not in authors:
                authors[author_key] = source_services.author_get_or_create(name=row.author)
            author = authors[author_key]
            source_key = (row.source_url, row.source_title if not row.source_url else "")
            if source_key not in sources:
                sources[source_key] = source_services.source_get_or_create_reference(
                    title=row.source_title,
                    url=row.source_url,
                    published_on=row.made_on,
                    publication=publications.get(publication_key) if publication_key else None,
                    author=author,
                ).pk
            resolved.append((row, sources[source_key], author, claim_fingerprint(row.claim)))

        def recorded(keys) -> set[tuple[int, int, str]]:
            return set(
                Forecast.objects.filter(
                    source_id__in={source_id for source_id, _, _ in keys},
                    claim_key__in={claim_key for _, _, claim_key in keys},
                ).values_list("source_id", "author_id", "claim_key")
            )

        existing = recorded({(source_id, author.id, key) for _, source_id, author, key in resolved})
        wanted_ids = {row.id for row, _, _, _ in resolved if row.id is not None}
        taken_ids = set(Forecast.objects.filter(id__in=wanted_ids).values_list("id", flat=True))
        now = timezone.now()
        objects, row_tags = [], []
        # Repeats from earlier batches are already in the database (same transaction), so `existing`
        # finds them; only this batch's own keys are kept, and memory does not grow with the file.
        seen_keys: set[tuple[int, int, str]] = set()
        for row, source_id, author, claim_key in resolved:
            key = (source_id, author.id, claim_key)
            if key in existing or key in seen_keys:
                skipped += 1
                continue
            seen_keys.add(key)
            use_id = row.id if row.id is not None and row.id not in taken_ids else None
            if use_id is not None:
                taken_ids.add(use_id)
            is_resolved = row.status == Status.RESOLVED
            forecast = Forecast(
                id=use_id,
                source_id=source_id,
                author=author,
                quote=row.quote,
                claim=row.claim,
                claim_key=claim_key,
                estimative_phrase=row.estimative_phrase,
                probability=row.probability,
                probability_basis=row.probability_basis,
                made_on=row.made_on,
                deadline=row.deadline,
                review_on=row.review_on,
                resolution_criteria=row.resolution_criteria,
                status=row.status,
                outcome=row.outcome,
                evidence_url=row.evidence_url,
                resolution_note=row.resolution_note,
                resolved_at=(row.resolved_at or now) if is_resolved else None,
                resolved_by=user_for(row.resolved_by) if is_resolved else None,
                reviewer=user_for(row.reviewer),
                recorded_by=user_for(row.recorded_by),
            )
            objects.append(forecast)
            row_tags.append(row.tags)
        if not objects:
            return
        try:
            with transaction.atomic():
                Forecast.objects.bulk_create(objects, batch_size=batch_size)
        except IntegrityError:
            # Another import wrote some of these rows since `existing` was read (PostgreSQL waited
            # for it to commit), or took an id. Insert row by row: a forecast now recorded is
            # skipped, an id now taken is given up; anything else is a real error.
            inserted, inserted_tags = [], []
            for forecast, names in zip(objects, row_tags, strict=True):
                key = (forecast.source_id, forecast.author_id, forecast.claim_key)
                for attempt in range(2):
                    try:
                        with transaction.atomic():
                            Forecast.objects.bulk_create([forecast])
                        inserted.append(forecast)
                        inserted_tags.append(names)
                        break
                    except IntegrityError:
                        if recorded({key}):
                            skipped += 1
                            break
                        if forecast.id is None or attempt:
                            raise
                        forecast.id = None
            objects, row_tags = inserted, inserted_tags
            if not objects:
                return
        if any(forecast.id in wanted_ids for forecast in objects):
            kept_explicit_ids = True
        Forecast.history.bulk_history_create(objects, default_change_reason="Imported", default_date=now)
        links = []
        for forecast, names in zip(objects, row_tags, strict=True):
            tag_ids = set()
            for name in names:
                tag_key = name_key(name)
                if tag_key not in tags:
                    tags[tag_key] = tags_get_or_create(names=[name])[0]
                tag_ids.add(tags[tag_key].id)
            links.extend(Forecast.tags.through(forecast_id=forecast.id, tag_id=tag_id) for tag_id in sorted(tag_ids))
        Forecast.tags.through.objects.bulk_create(links, batch_size=batch_size)
        created += len(objects)

    batch: list = []
    for row in rows:
        batch.append(row)
        if len(batch) >= batch_size:
            write(batch)
            batch = []
    if batch:
        write(batch)
    if kept_explicit_ids:
        # Rows kept their ids: move the id sequence past them (PostgreSQL; a no-op on SQLite).
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [Forecast]):
                cursor.execute(statement)
    if created:
        services_public.public_data_changed()
    return ImportResult(created=created, skipped_existing=skipped, reviewers_created=tuple(reviewers_created))


# Scheduling and reminders ----------------------------------------------------------------------


@transaction.atomic
def forecasts_flag_due(*, today: datetime.date | None = None) -> int:
    """Move open forecasts whose review date has come to due; returns how many moved.

    One set-based UPDATE instead of a save() per row. simple-history does not see UPDATEs, so the
    history rows (and their tag snapshots) are written in bulk for exactly the rows that moved."""
    today = today or local_today()
    now = timezone.now()
    # skip_locked: two flaggers at once (PostgreSQL) split the rows instead of both writing history.
    # Locked in (review_on, pk) order, the order of the review-date indexes: with ORDER BY pk alone
    # PostgreSQL may walk the whole primary key to skip a sort, reading every forecast ever made.
    moving = list(
        Forecast.objects.reaching_review(today).select_for_update(skip_locked=True).order_by("review_on", "pk")
    )
    if not moving:
        return 0
    ids = [forecast.pk for forecast in moving]
    # Below SQLite's and PostgreSQL's limits on query parameters: in practice a single UPDATE.
    for start in range(0, len(ids), 10_000):
        Forecast.objects.filter(pk__in=ids[start : start + 10_000]).update(
            status=Status.DUE, updated_at=now, version=F("version") + 1
        )
    for forecast in moving:
        forecast.status = Status.DUE
        forecast.version += 1
    # No batch_size: as many rows per INSERT as the backend takes (all of them on PostgreSQL), so
    # a reminder run's queries do not grow with the forecasts it flags.
    history = Forecast.history.bulk_history_create(
        moving, update=True, default_change_reason="Review date reached", default_date=now
    )
    _bulk_tag_history(history=history, forecast_ids=ids)
    services_public.public_data_changed()
    return len(moving)


def _bulk_tag_history(*, history: list, forecast_ids: list[int]) -> None:
    """Snapshot each forecast's tags for its new history row, as a save() would have done."""
    through = Forecast.tags.through
    tag_history = Forecast.history.model._meta.get_field("historicalforecast_tags").related_model
    links = defaultdict(list)
    for start in range(0, len(forecast_ids), 10_000):
        for link in through.objects.filter(forecast_id__in=forecast_ids[start : start + 10_000]):
            links[link.forecast_id].append(link)
    rows = [
        tag_history(history=record, forecast_id=link.forecast_id, tag_id=link.tag_id, id=link.pk)
        for record in history
        for link in links[record.id]
    ]
    tag_history.objects.bulk_create(rows)


@transaction.atomic
def forecast_snooze(
    *, forecast: Forecast, review_on: datetime.date, reason: str, snoozed_by: AbstractBaseUser | None
) -> Forecast:
    """Postpone the review to a later day; the forecast is open again and not reminded until then."""
    reason = _required_reason(reason, "Say why the review is postponed; the reason is kept in the history.")
    forecast = _locked(forecast)
    if forecast.status not in (Status.OPEN, Status.DUE):
        raise ValidationError("Only an open or due forecast can be snoozed.")
    today = local_today()
    if review_on <= today:
        raise ValidationError({"review_on": "Snooze to a day after today."})
    previous = forecast.review_on
    forecast.review_on = review_on
    forecast.status = Status.OPEN
    forecast.snoozed_on = today
    forecast.full_clean()
    forecast.version += 1
    forecast._history_user = snoozed_by
    forecast._change_reason = f"Snoozed from {previous.isoformat()} to {review_on.isoformat()}: {reason}"
    forecast.save()
    return forecast


@dataclass(frozen=True)
class ReminderRun:
    digests_created: int
    delivered: dict[str, int]


def reminders_send(*, today: datetime.date | None = None, deliver_now: bool = False) -> ReminderRun:
    """Write one digest per reviewer for the reminders due today, then deliver them: one Celery
    task per digest (after commit), or right here with deliver_now (management command, cron).

    Safe to run any number of times, at once or in sequence: see forecasts/reminders.py."""
    today = today or local_today()
    forecasts_flag_due(today=today)
    created = reminder_digests_create(today=today, enqueue=not deliver_now)
    if deliver_now:
        delivered = reminder_digests_deliver_pending(deliver_now=True)
    else:
        # Older digests whose delivery task was lost (a killed worker, a broker without redelivery).
        delivered = reminder_digests_deliver_pending(exclude=created)
    return ReminderRun(digests_created=len(created), delivered=delivered)


@transaction.atomic
def reminder_digests_create(*, today: datetime.date, enqueue: bool = True) -> list[int]:
    """Write today's digests (one per reviewer with something new) and their reminders, and with
    `enqueue` hand each to a delivery task once they are committed; returns the digests' ids.

    The planning of a run: a fixed number of queries however many reviewers and forecasts."""
    created = reminders.create_digests(today=today)
    if enqueue:
        for digest_id in created:
            tasks.deliver_review_digest.delay_on_commit(digest_id)
    return created


def reminder_digest_deliver(*, digest_id: int) -> str:
    """Send one digest unless it was sent or someone else is sending it. SMTP errors propagate
    (the digest stays pending) so that the caller can retry."""
    return reminders.deliver(digest_id=digest_id)


def reminder_digests_deliver_pending(*, deliver_now: bool = False, exclude: Iterable[int] = ()) -> dict[str, int]:
    """Deliver every pending digest nobody is sending, taking over those of dead processes."""
    reminders.release_dead_leases()
    outcomes: dict[str, int] = defaultdict(int)
    pending = ReminderDigest.objects.deliverable(timezone.now()).exclude(pk__in=list(exclude))
    for digest_id in pending.order_by("pk").values_list("pk", flat=True):
        if not deliver_now:
            tasks.deliver_review_digest.delay_on_commit(digest_id)
            outcomes["enqueued"] += 1
            continue
        try:
            outcomes[reminder_digest_deliver(digest_id=digest_id)] += 1
        except Exception:  # the digest stays pending; one bad address must not stop the rest
            outcomes["pending"] += 1
    return dict(outcomes)
